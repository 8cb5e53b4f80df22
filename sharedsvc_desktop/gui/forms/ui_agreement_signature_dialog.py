# Generated from ui/agreement_signature_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_signature_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AgreementSignatureDialog(object):
    def setupUi(self, AgreementSignatureDialog):
        if not AgreementSignatureDialog.objectName():
            AgreementSignatureDialog.setObjectName(u"AgreementSignatureDialog")
        AgreementSignatureDialog.resize(560, 0)
        AgreementSignatureDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(AgreementSignatureDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(AgreementSignatureDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.signedOnLabel = QLabel(AgreementSignatureDialog)
        self.signedOnLabel.setObjectName(u"signedOnLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signedOnLabel)

        self.signedOnField = QVBoxLayout()
        self.signedOnField.setSpacing(0)
        self.signedOnField.setObjectName(u"signedOnField")
        self.signedOnEdit = QLineEdit(AgreementSignatureDialog)
        self.signedOnEdit.setObjectName(u"signedOnEdit")
        self.signedOnEdit.setMaxLength(10)

        self.signedOnField.addWidget(self.signedOnEdit)

        self.signedOnError = QLabel(AgreementSignatureDialog)
        self.signedOnError.setObjectName(u"signedOnError")
        self.signedOnError.setWordWrap(True)

        self.signedOnField.addWidget(self.signedOnError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.signedOnField)

        self.padLabel = QLabel(AgreementSignatureDialog)
        self.padLabel.setObjectName(u"padLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.padLabel)

        self.padField = QVBoxLayout()
        self.padField.setSpacing(0)
        self.padField.setObjectName(u"padField")
        self.padHost = QWidget(AgreementSignatureDialog)
        self.padHost.setObjectName(u"padHost")

        self.padField.addWidget(self.padHost)

        self.signatureError = QLabel(AgreementSignatureDialog)
        self.signatureError.setObjectName(u"signatureError")
        self.signatureError.setWordWrap(True)

        self.padField.addWidget(self.signatureError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.padField)

        self.scanButtonLabel = QLabel(AgreementSignatureDialog)
        self.scanButtonLabel.setObjectName(u"scanButtonLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.scanButtonLabel)

        self.scanButtonField = QVBoxLayout()
        self.scanButtonField.setSpacing(0)
        self.scanButtonField.setObjectName(u"scanButtonField")
        self.scanButton = QPushButton(AgreementSignatureDialog)
        self.scanButton.setObjectName(u"scanButton")

        self.scanButtonField.addWidget(self.scanButton)

        self.scanLabel = QLabel(AgreementSignatureDialog)
        self.scanLabel.setObjectName(u"scanLabel")

        self.scanButtonField.addWidget(self.scanLabel)

        self.scannedCopyError = QLabel(AgreementSignatureDialog)
        self.scannedCopyError.setObjectName(u"scannedCopyError")
        self.scannedCopyError.setWordWrap(True)

        self.scanButtonField.addWidget(self.scannedCopyError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.scanButtonField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(AgreementSignatureDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(AgreementSignatureDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.signedOnLabel.setBuddy(self.signedOnEdit)
        self.padLabel.setBuddy(self.padHost)
        self.scanButtonLabel.setBuddy(self.scanButton)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.signedOnEdit, self.padHost)
        QWidget.setTabOrder(self.padHost, self.scanButton)
        QWidget.setTabOrder(self.scanButton, self.buttonBox)

        self.retranslateUi(AgreementSignatureDialog)

        QMetaObject.connectSlotsByName(AgreementSignatureDialog)
    # setupUi

    def retranslateUi(self, AgreementSignatureDialog):
        AgreementSignatureDialog.setWindowTitle(QCoreApplication.translate("AgreementSignatureDialog", u"Record a signature", None))
        self.introLabel.setText(QCoreApplication.translate("AgreementSignatureDialog", u"signatory", None))
        self.signedOnLabel.setText(QCoreApplication.translate("AgreementSignatureDialog", u"&Date signed", None))
#if QT_CONFIG(accessibility)
        self.signedOnEdit.setAccessibleName(QCoreApplication.translate("AgreementSignatureDialog", u"Date signed", None))
#endif // QT_CONFIG(accessibility)
        self.signedOnEdit.setPlaceholderText(QCoreApplication.translate("AgreementSignatureDialog", u"YYYY-MM-DD", None))
        self.signedOnError.setText("")
        self.padLabel.setText(QCoreApplication.translate("AgreementSignatureDialog", u"Dra&wn signature", None))
#if QT_CONFIG(accessibility)
        self.padHost.setAccessibleName(QCoreApplication.translate("AgreementSignatureDialog", u"Signature pad", None))
#endif // QT_CONFIG(accessibility)
        self.signatureError.setText("")
        self.scanButtonLabel.setText(QCoreApplication.translate("AgreementSignatureDialog", u"Scanned &copy", None))
#if QT_CONFIG(accessibility)
        self.scanButton.setAccessibleName(QCoreApplication.translate("AgreementSignatureDialog", u"Attach a scanned signed copy", None))
#endif // QT_CONFIG(accessibility)
        self.scanButton.setText(QCoreApplication.translate("AgreementSignatureDialog", u"Attach a scanned signed copy (PDF, PNG or JPEG)\u2026", None))
#if QT_CONFIG(accessibility)
        self.scanLabel.setAccessibleName(QCoreApplication.translate("AgreementSignatureDialog", u"Attached scanned copy", None))
#endif // QT_CONFIG(accessibility)
        self.scannedCopyError.setText("")
        self.formMessage.setText("")
    # retranslateUi

