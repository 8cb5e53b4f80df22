# Generated from ui/agreement_terminate_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_terminate_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_AgreementTerminateDialog(object):
    def setupUi(self, AgreementTerminateDialog):
        if not AgreementTerminateDialog.objectName():
            AgreementTerminateDialog.setObjectName(u"AgreementTerminateDialog")
        AgreementTerminateDialog.resize(480, 0)
        AgreementTerminateDialog.setMinimumSize(QSize(480, 0))
        self.dialogLayout = QVBoxLayout(AgreementTerminateDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(AgreementTerminateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.noticeOnLabel = QLabel(AgreementTerminateDialog)
        self.noticeOnLabel.setObjectName(u"noticeOnLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.noticeOnLabel)

        self.noticeOnField = QVBoxLayout()
        self.noticeOnField.setSpacing(0)
        self.noticeOnField.setObjectName(u"noticeOnField")
        self.noticeOnEdit = QLineEdit(AgreementTerminateDialog)
        self.noticeOnEdit.setObjectName(u"noticeOnEdit")
        self.noticeOnEdit.setMaxLength(10)

        self.noticeOnField.addWidget(self.noticeOnEdit)

        self.noticeOnError = QLabel(AgreementTerminateDialog)
        self.noticeOnError.setObjectName(u"noticeOnError")
        self.noticeOnError.setWordWrap(True)

        self.noticeOnField.addWidget(self.noticeOnError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.noticeOnField)

        self.byPartyLabel = QLabel(AgreementTerminateDialog)
        self.byPartyLabel.setObjectName(u"byPartyLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.byPartyLabel)

        self.byPartyField = QVBoxLayout()
        self.byPartyField.setSpacing(0)
        self.byPartyField.setObjectName(u"byPartyField")
        self.byPartyCombo = QComboBox(AgreementTerminateDialog)
        self.byPartyCombo.setObjectName(u"byPartyCombo")

        self.byPartyField.addWidget(self.byPartyCombo)

        self.effectiveLabel = QLabel(AgreementTerminateDialog)
        self.effectiveLabel.setObjectName(u"effectiveLabel")

        self.byPartyField.addWidget(self.effectiveLabel)

        self.byPartyIdError = QLabel(AgreementTerminateDialog)
        self.byPartyIdError.setObjectName(u"byPartyIdError")
        self.byPartyIdError.setWordWrap(True)

        self.byPartyField.addWidget(self.byPartyIdError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.byPartyField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(AgreementTerminateDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(AgreementTerminateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.noticeOnLabel.setBuddy(self.noticeOnEdit)
        self.byPartyLabel.setBuddy(self.byPartyCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.noticeOnEdit, self.byPartyCombo)
        QWidget.setTabOrder(self.byPartyCombo, self.buttonBox)

        self.retranslateUi(AgreementTerminateDialog)

        QMetaObject.connectSlotsByName(AgreementTerminateDialog)
    # setupUi

    def retranslateUi(self, AgreementTerminateDialog):
        AgreementTerminateDialog.setWindowTitle(QCoreApplication.translate("AgreementTerminateDialog", u"Record notice of termination", None))
        self.introLabel.setText(QCoreApplication.translate("AgreementTerminateDialog", u"Record the written notice one party gave the other. The agreement ends after the notice period the agreement sets.", None))
        self.noticeOnLabel.setText(QCoreApplication.translate("AgreementTerminateDialog", u"&Date of the written notice", None))
#if QT_CONFIG(accessibility)
        self.noticeOnEdit.setAccessibleName(QCoreApplication.translate("AgreementTerminateDialog", u"Date of the written notice", None))
#endif // QT_CONFIG(accessibility)
        self.noticeOnEdit.setPlaceholderText(QCoreApplication.translate("AgreementTerminateDialog", u"YYYY-MM-DD", None))
        self.noticeOnError.setText("")
        self.byPartyLabel.setText(QCoreApplication.translate("AgreementTerminateDialog", u"Notice given &by", None))
#if QT_CONFIG(accessibility)
        self.byPartyCombo.setAccessibleName(QCoreApplication.translate("AgreementTerminateDialog", u"Party giving notice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.effectiveLabel.setAccessibleName(QCoreApplication.translate("AgreementTerminateDialog", u"Date the agreement ends", None))
#endif // QT_CONFIG(accessibility)
        self.byPartyIdError.setText("")
        self.formMessage.setText("")
    # retranslateUi

