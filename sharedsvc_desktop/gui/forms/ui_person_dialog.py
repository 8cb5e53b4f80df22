# Generated from ui/person_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_dialog.ui'
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
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(480, 0)
        PersonDialog.setMinimumSize(QSize(480, 0))
        self.dialogLayout = QVBoxLayout(PersonDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.firstNameEditLabel = QLabel(PersonDialog)
        self.firstNameEditLabel.setObjectName(u"firstNameEditLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameEditLabel)

        self.firstNameEditField = QVBoxLayout()
        self.firstNameEditField.setSpacing(0)
        self.firstNameEditField.setObjectName(u"firstNameEditField")
        self.firstNameEdit = QLineEdit(PersonDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")
        self.firstNameEdit.setMaxLength(100)

        self.firstNameEditField.addWidget(self.firstNameEdit)

        self.firstNameError = QLabel(PersonDialog)
        self.firstNameError.setObjectName(u"firstNameError")
        self.firstNameError.setWordWrap(True)

        self.firstNameEditField.addWidget(self.firstNameError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.firstNameEditField)

        self.lastNameEditLabel = QLabel(PersonDialog)
        self.lastNameEditLabel.setObjectName(u"lastNameEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameEditLabel)

        self.lastNameEditField = QVBoxLayout()
        self.lastNameEditField.setSpacing(0)
        self.lastNameEditField.setObjectName(u"lastNameEditField")
        self.lastNameEdit = QLineEdit(PersonDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")
        self.lastNameEdit.setMaxLength(100)

        self.lastNameEditField.addWidget(self.lastNameEdit)

        self.lastNameError = QLabel(PersonDialog)
        self.lastNameError.setObjectName(u"lastNameError")
        self.lastNameError.setWordWrap(True)

        self.lastNameEditField.addWidget(self.lastNameError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.lastNameEditField)

        self.roleComboLabel = QLabel(PersonDialog)
        self.roleComboLabel.setObjectName(u"roleComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleComboLabel)

        self.roleComboField = QVBoxLayout()
        self.roleComboField.setSpacing(0)
        self.roleComboField.setObjectName(u"roleComboField")
        self.roleCombo = QComboBox(PersonDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.roleComboField.addWidget(self.roleCombo)

        self.roleError = QLabel(PersonDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setWordWrap(True)

        self.roleComboField.addWidget(self.roleError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.roleComboField)

        self.titleEditLabel = QLabel(PersonDialog)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEditField = QVBoxLayout()
        self.titleEditField.setSpacing(0)
        self.titleEditField.setObjectName(u"titleEditField")
        self.titleEdit = QLineEdit(PersonDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.titleEditField.addWidget(self.titleEdit)

        self.titleError = QLabel(PersonDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleEditField.addWidget(self.titleError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.titleEditField)

        self.siteComboLabel = QLabel(PersonDialog)
        self.siteComboLabel.setObjectName(u"siteComboLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.siteComboLabel)

        self.siteComboField = QVBoxLayout()
        self.siteComboField.setSpacing(0)
        self.siteComboField.setObjectName(u"siteComboField")
        self.siteCombo = QComboBox(PersonDialog)
        self.siteCombo.setObjectName(u"siteCombo")

        self.siteComboField.addWidget(self.siteCombo)

        self.siteIdError = QLabel(PersonDialog)
        self.siteIdError.setObjectName(u"siteIdError")
        self.siteIdError.setWordWrap(True)

        self.siteComboField.addWidget(self.siteIdError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.siteComboField)

        self.partyComboLabel = QLabel(PersonDialog)
        self.partyComboLabel.setObjectName(u"partyComboLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.partyComboLabel)

        self.partyComboField = QVBoxLayout()
        self.partyComboField.setSpacing(0)
        self.partyComboField.setObjectName(u"partyComboField")
        self.partyCombo = QComboBox(PersonDialog)
        self.partyCombo.setObjectName(u"partyCombo")

        self.partyComboField.addWidget(self.partyCombo)

        self.partyIdError = QLabel(PersonDialog)
        self.partyIdError.setObjectName(u"partyIdError")
        self.partyIdError.setWordWrap(True)

        self.partyComboField.addWidget(self.partyIdError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.partyComboField)

        self.emailEditLabel = QLabel(PersonDialog)
        self.emailEditLabel.setObjectName(u"emailEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailEditLabel)

        self.emailEditField = QVBoxLayout()
        self.emailEditField.setSpacing(0)
        self.emailEditField.setObjectName(u"emailEditField")
        self.emailEdit = QLineEdit(PersonDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.emailEditField.addWidget(self.emailEdit)

        self.emailError = QLabel(PersonDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)

        self.emailEditField.addWidget(self.emailError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.emailEditField)

        self.phoneEditLabel = QLabel(PersonDialog)
        self.phoneEditLabel.setObjectName(u"phoneEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.phoneEditLabel)

        self.phoneEditField = QVBoxLayout()
        self.phoneEditField.setSpacing(0)
        self.phoneEditField.setObjectName(u"phoneEditField")
        self.phoneEdit = QLineEdit(PersonDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.phoneEditField.addWidget(self.phoneEdit)

        self.phoneError = QLabel(PersonDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.phoneEditField.addWidget(self.phoneError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.phoneEditField)

        self.notesEditLabel = QLabel(PersonDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEditField = QVBoxLayout()
        self.notesEditField.setSpacing(0)
        self.notesEditField.setObjectName(u"notesEditField")
        self.notesEdit = QPlainTextEdit(PersonDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 50))
        self.notesEdit.setTabChangesFocus(True)

        self.notesEditField.addWidget(self.notesEdit)

        self.notesError = QLabel(PersonDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesEditField.addWidget(self.notesError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.notesEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(PersonDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(PersonDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameEditLabel.setBuddy(self.firstNameEdit)
        self.lastNameEditLabel.setBuddy(self.lastNameEdit)
        self.roleComboLabel.setBuddy(self.roleCombo)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.siteComboLabel.setBuddy(self.siteCombo)
        self.partyComboLabel.setBuddy(self.partyCombo)
        self.emailEditLabel.setBuddy(self.emailEdit)
        self.phoneEditLabel.setBuddy(self.phoneEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.siteCombo)
        QWidget.setTabOrder(self.siteCombo, self.partyCombo)
        QWidget.setTabOrder(self.partyCombo, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"Staff member or signatory", None))
        self.firstNameEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&First name", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameError.setText("")
        self.lastNameEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameError.setText("")
        self.roleComboLabel.setText(QCoreApplication.translate("PersonDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.roleError.setText("")
        self.titleEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"e.g. Interim Superintendent", None))
        self.titleError.setText("")
        self.siteComboLabel.setText(QCoreApplication.translate("PersonDialog", u"&School", None))
#if QT_CONFIG(accessibility)
        self.siteCombo.setAccessibleName(QCoreApplication.translate("PersonDialog", u"School (principals and secretaries)", None))
#endif // QT_CONFIG(accessibility)
        self.siteIdError.setText("")
        self.partyComboLabel.setText(QCoreApplication.translate("PersonDialog", u"&Works for", None))
#if QT_CONFIG(accessibility)
        self.partyCombo.setAccessibleName(QCoreApplication.translate("PersonDialog", u"District or department", None))
#endif // QT_CONFIG(accessibility)
        self.partyIdError.setText("")
        self.emailEditLabel.setText(QCoreApplication.translate("PersonDialog", u"&E-mail", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.emailError.setText("")
        self.phoneEditLabel.setText(QCoreApplication.translate("PersonDialog", u"P&hone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneError.setText("")
        self.notesEditLabel.setText(QCoreApplication.translate("PersonDialog", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("PersonDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.formMessage.setText("")
    # retranslateUi

