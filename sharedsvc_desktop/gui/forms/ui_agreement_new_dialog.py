# Generated from ui/agreement_new_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agreement_new_dialog.ui'
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

class Ui_AgreementNewDialog(object):
    def setupUi(self, AgreementNewDialog):
        if not AgreementNewDialog.objectName():
            AgreementNewDialog.setObjectName(u"AgreementNewDialog")
        AgreementNewDialog.resize(520, 0)
        AgreementNewDialog.setMinimumSize(QSize(520, 0))
        self.dialogLayout = QVBoxLayout(AgreementNewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(AgreementNewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.templateLabel = QLabel(AgreementNewDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateField = QVBoxLayout()
        self.templateField.setSpacing(0)
        self.templateField.setObjectName(u"templateField")
        self.templateCombo = QComboBox(AgreementNewDialog)
        self.templateCombo.setObjectName(u"templateCombo")

        self.templateField.addWidget(self.templateCombo)

        self.templateCodeError = QLabel(AgreementNewDialog)
        self.templateCodeError.setObjectName(u"templateCodeError")
        self.templateCodeError.setWordWrap(True)

        self.templateField.addWidget(self.templateCodeError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.templateField)

        self.titleLabel = QLabel(AgreementNewDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleField = QVBoxLayout()
        self.titleField.setSpacing(0)
        self.titleField.setObjectName(u"titleField")
        self.titleEdit = QLineEdit(AgreementNewDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.titleField.addWidget(self.titleEdit)

        self.titleError = QLabel(AgreementNewDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleField.addWidget(self.titleError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.titleField)

        self.policeLabel = QLabel(AgreementNewDialog)
        self.policeLabel.setObjectName(u"policeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.policeLabel)

        self.policeField = QVBoxLayout()
        self.policeField.setSpacing(0)
        self.policeField.setObjectName(u"policeField")
        self.policeCombo = QComboBox(AgreementNewDialog)
        self.policeCombo.setObjectName(u"policeCombo")

        self.policeField.addWidget(self.policeCombo)

        self.partyIdsError = QLabel(AgreementNewDialog)
        self.partyIdsError.setObjectName(u"partyIdsError")
        self.partyIdsError.setWordWrap(True)

        self.policeField.addWidget(self.partyIdsError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.policeField)

        self.schoolLabel = QLabel(AgreementNewDialog)
        self.schoolLabel.setObjectName(u"schoolLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.schoolLabel)

        self.schoolField = QVBoxLayout()
        self.schoolField.setSpacing(0)
        self.schoolField.setObjectName(u"schoolField")
        self.schoolCombo = QComboBox(AgreementNewDialog)
        self.schoolCombo.setObjectName(u"schoolCombo")

        self.schoolField.addWidget(self.schoolCombo)

        self.schoolPartyError = QLabel(AgreementNewDialog)
        self.schoolPartyError.setObjectName(u"schoolPartyError")
        self.schoolPartyError.setWordWrap(True)

        self.schoolField.addWidget(self.schoolPartyError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.schoolField)

        self.effectiveDateLabel = QLabel(AgreementNewDialog)
        self.effectiveDateLabel.setObjectName(u"effectiveDateLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.effectiveDateLabel)

        self.effectiveDateField = QVBoxLayout()
        self.effectiveDateField.setSpacing(0)
        self.effectiveDateField.setObjectName(u"effectiveDateField")
        self.effectiveDateEdit = QLineEdit(AgreementNewDialog)
        self.effectiveDateEdit.setObjectName(u"effectiveDateEdit")
        self.effectiveDateEdit.setMaxLength(10)

        self.effectiveDateField.addWidget(self.effectiveDateEdit)

        self.effectiveDateError = QLabel(AgreementNewDialog)
        self.effectiveDateError.setObjectName(u"effectiveDateError")
        self.effectiveDateError.setWordWrap(True)

        self.effectiveDateField.addWidget(self.effectiveDateError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.effectiveDateField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(AgreementNewDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(AgreementNewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.templateLabel.setBuddy(self.templateCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.policeLabel.setBuddy(self.policeCombo)
        self.schoolLabel.setBuddy(self.schoolCombo)
        self.effectiveDateLabel.setBuddy(self.effectiveDateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.templateCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.policeCombo)
        QWidget.setTabOrder(self.policeCombo, self.schoolCombo)
        QWidget.setTabOrder(self.schoolCombo, self.effectiveDateEdit)
        QWidget.setTabOrder(self.effectiveDateEdit, self.buttonBox)

        self.retranslateUi(AgreementNewDialog)

        QMetaObject.connectSlotsByName(AgreementNewDialog)
    # setupUi

    def retranslateUi(self, AgreementNewDialog):
        AgreementNewDialog.setWindowTitle(QCoreApplication.translate("AgreementNewDialog", u"New agreement from a template", None))
        self.introLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"The draft is filled from the template with the parties, their schools and their signatories. You can edit every section before sending it for signature.", None))
        self.templateLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"&Template", None))
#if QT_CONFIG(accessibility)
        self.templateCombo.setAccessibleName(QCoreApplication.translate("AgreementNewDialog", u"Template", None))
#endif // QT_CONFIG(accessibility)
        self.templateCodeError.setText("")
        self.titleLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"T&itle", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("AgreementNewDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleError.setText("")
        self.policeLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"&Police department", None))
#if QT_CONFIG(accessibility)
        self.policeCombo.setAccessibleName(QCoreApplication.translate("AgreementNewDialog", u"Police department", None))
#endif // QT_CONFIG(accessibility)
        self.partyIdsError.setText("")
        self.schoolLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"&School district", None))
#if QT_CONFIG(accessibility)
        self.schoolCombo.setAccessibleName(QCoreApplication.translate("AgreementNewDialog", u"School district", None))
#endif // QT_CONFIG(accessibility)
        self.schoolPartyError.setText("")
        self.effectiveDateLabel.setText(QCoreApplication.translate("AgreementNewDialog", u"&Effective date", None))
#if QT_CONFIG(accessibility)
        self.effectiveDateEdit.setAccessibleName(QCoreApplication.translate("AgreementNewDialog", u"Effective date", None))
#endif // QT_CONFIG(accessibility)
        self.effectiveDateEdit.setPlaceholderText(QCoreApplication.translate("AgreementNewDialog", u"YYYY-MM-DD", None))
        self.effectiveDateError.setText("")
        self.formMessage.setText("")
    # retranslateUi

