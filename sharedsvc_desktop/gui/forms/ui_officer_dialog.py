# Generated from ui/officer_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'officer_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_OfficerDialog(object):
    def setupUi(self, OfficerDialog):
        if not OfficerDialog.objectName():
            OfficerDialog.setObjectName(u"OfficerDialog")
        OfficerDialog.resize(460, 0)
        OfficerDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(OfficerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.firstNameLabel = QLabel(OfficerDialog)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstNameField = QVBoxLayout()
        self.firstNameField.setSpacing(0)
        self.firstNameField.setObjectName(u"firstNameField")
        self.firstNameEdit = QLineEdit(OfficerDialog)
        self.firstNameEdit.setObjectName(u"firstNameEdit")
        self.firstNameEdit.setMaxLength(100)

        self.firstNameField.addWidget(self.firstNameEdit)

        self.firstNameError = QLabel(OfficerDialog)
        self.firstNameError.setObjectName(u"firstNameError")
        self.firstNameError.setWordWrap(True)

        self.firstNameField.addWidget(self.firstNameError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.firstNameField)

        self.lastNameLabel = QLabel(OfficerDialog)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastNameField = QVBoxLayout()
        self.lastNameField.setSpacing(0)
        self.lastNameField.setObjectName(u"lastNameField")
        self.lastNameEdit = QLineEdit(OfficerDialog)
        self.lastNameEdit.setObjectName(u"lastNameEdit")
        self.lastNameEdit.setMaxLength(100)

        self.lastNameField.addWidget(self.lastNameEdit)

        self.lastNameError = QLabel(OfficerDialog)
        self.lastNameError.setObjectName(u"lastNameError")
        self.lastNameError.setWordWrap(True)

        self.lastNameField.addWidget(self.lastNameError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.lastNameField)

        self.badgeLabel = QLabel(OfficerDialog)
        self.badgeLabel.setObjectName(u"badgeLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.badgeLabel)

        self.badgeField = QVBoxLayout()
        self.badgeField.setSpacing(0)
        self.badgeField.setObjectName(u"badgeField")
        self.badgeEdit = QLineEdit(OfficerDialog)
        self.badgeEdit.setObjectName(u"badgeEdit")
        self.badgeEdit.setMaxLength(30)

        self.badgeField.addWidget(self.badgeEdit)

        self.badgeNumberError = QLabel(OfficerDialog)
        self.badgeNumberError.setObjectName(u"badgeNumberError")
        self.badgeNumberError.setWordWrap(True)

        self.badgeField.addWidget(self.badgeNumberError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.badgeField)

        self.rankLabel = QLabel(OfficerDialog)
        self.rankLabel.setObjectName(u"rankLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.rankLabel)

        self.rankField = QVBoxLayout()
        self.rankField.setSpacing(0)
        self.rankField.setObjectName(u"rankField")
        self.rankCombo = QComboBox(OfficerDialog)
        self.rankCombo.setObjectName(u"rankCombo")
        self.rankCombo.setEditable(True)

        self.rankField.addWidget(self.rankCombo)

        self.rankError = QLabel(OfficerDialog)
        self.rankError.setObjectName(u"rankError")
        self.rankError.setWordWrap(True)

        self.rankField.addWidget(self.rankError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.rankField)

        self.statusLabel = QLabel(OfficerDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusField = QVBoxLayout()
        self.statusField.setSpacing(0)
        self.statusField.setObjectName(u"statusField")
        self.statusCombo = QComboBox(OfficerDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.statusField.addWidget(self.statusCombo)

        self.statusError = QLabel(OfficerDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusField.addWidget(self.statusError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.statusField)

        self.hireDateLabel = QLabel(OfficerDialog)
        self.hireDateLabel.setObjectName(u"hireDateLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hireDateLabel)

        self.hireDateField = QVBoxLayout()
        self.hireDateField.setSpacing(0)
        self.hireDateField.setObjectName(u"hireDateField")
        self.hireDateEdit = QLineEdit(OfficerDialog)
        self.hireDateEdit.setObjectName(u"hireDateEdit")

        self.hireDateField.addWidget(self.hireDateEdit)

        self.hireDateError = QLabel(OfficerDialog)
        self.hireDateError.setObjectName(u"hireDateError")
        self.hireDateError.setWordWrap(True)

        self.hireDateField.addWidget(self.hireDateError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.hireDateField)

        self.probationEndLabel = QLabel(OfficerDialog)
        self.probationEndLabel.setObjectName(u"probationEndLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.probationEndLabel)

        self.probationEndField = QVBoxLayout()
        self.probationEndField.setSpacing(0)
        self.probationEndField.setObjectName(u"probationEndField")
        self.probationEndEdit = QLineEdit(OfficerDialog)
        self.probationEndEdit.setObjectName(u"probationEndEdit")

        self.probationEndField.addWidget(self.probationEndEdit)

        self.probationEndError = QLabel(OfficerDialog)
        self.probationEndError.setObjectName(u"probationEndError")
        self.probationEndError.setWordWrap(True)

        self.probationEndField.addWidget(self.probationEndError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.probationEndField)

        self.emailLabel = QLabel(OfficerDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailField = QVBoxLayout()
        self.emailField.setSpacing(0)
        self.emailField.setObjectName(u"emailField")
        self.emailEdit = QLineEdit(OfficerDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.emailField.addWidget(self.emailEdit)

        self.emailError = QLabel(OfficerDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)

        self.emailField.addWidget(self.emailError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.emailField)

        self.phoneLabel = QLabel(OfficerDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneField = QVBoxLayout()
        self.phoneField.setSpacing(0)
        self.phoneField.setObjectName(u"phoneField")
        self.phoneEdit = QLineEdit(OfficerDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.phoneField.addWidget(self.phoneEdit)

        self.phoneError = QLabel(OfficerDialog)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setWordWrap(True)

        self.phoneField.addWidget(self.phoneError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.phoneField)

        self.supervisorCheck = QCheckBox(OfficerDialog)
        self.supervisorCheck.setObjectName(u"supervisorCheck")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.supervisorCheck)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(OfficerDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(OfficerDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstNameEdit)
        self.lastNameLabel.setBuddy(self.lastNameEdit)
        self.badgeLabel.setBuddy(self.badgeEdit)
        self.rankLabel.setBuddy(self.rankCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.hireDateLabel.setBuddy(self.hireDateEdit)
        self.probationEndLabel.setBuddy(self.probationEndEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.firstNameEdit, self.lastNameEdit)
        QWidget.setTabOrder(self.lastNameEdit, self.badgeEdit)
        QWidget.setTabOrder(self.badgeEdit, self.rankCombo)
        QWidget.setTabOrder(self.rankCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.hireDateEdit)
        QWidget.setTabOrder(self.hireDateEdit, self.probationEndEdit)
        QWidget.setTabOrder(self.probationEndEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.supervisorCheck)
        QWidget.setTabOrder(self.supervisorCheck, self.buttonBox)

        self.retranslateUi(OfficerDialog)

        QMetaObject.connectSlotsByName(OfficerDialog)
    # setupUi

    def retranslateUi(self, OfficerDialog):
        OfficerDialog.setWindowTitle(QCoreApplication.translate("OfficerDialog", u"Officer", None))
        self.firstNameLabel.setText(QCoreApplication.translate("OfficerDialog", u"&First name", None))
#if QT_CONFIG(accessibility)
        self.firstNameEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"First name", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameError.setText("")
        self.lastNameLabel.setText(QCoreApplication.translate("OfficerDialog", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Last name", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameError.setText("")
        self.badgeLabel.setText(QCoreApplication.translate("OfficerDialog", u"&Badge number", None))
#if QT_CONFIG(accessibility)
        self.badgeEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Badge number", None))
#endif // QT_CONFIG(accessibility)
        self.badgeNumberError.setText("")
        self.rankLabel.setText(QCoreApplication.translate("OfficerDialog", u"&Rank", None))
#if QT_CONFIG(accessibility)
        self.rankCombo.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Rank", None))
#endif // QT_CONFIG(accessibility)
        self.rankError.setText("")
        self.statusLabel.setText(QCoreApplication.translate("OfficerDialog", u"&Status", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.statusError.setText("")
        self.hireDateLabel.setText(QCoreApplication.translate("OfficerDialog", u"&Hire date", None))
#if QT_CONFIG(accessibility)
        self.hireDateEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Hire date", None))
#endif // QT_CONFIG(accessibility)
        self.hireDateEdit.setPlaceholderText(QCoreApplication.translate("OfficerDialog", u"YYYY-MM-DD", None))
        self.hireDateError.setText("")
        self.probationEndLabel.setText(QCoreApplication.translate("OfficerDialog", u"End of &probation", None))
#if QT_CONFIG(accessibility)
        self.probationEndEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"End of probation", None))
#endif // QT_CONFIG(accessibility)
        self.probationEndEdit.setPlaceholderText(QCoreApplication.translate("OfficerDialog", u"YYYY-MM-DD (blank if none)", None))
        self.probationEndError.setText("")
        self.emailLabel.setText(QCoreApplication.translate("OfficerDialog", u"&E-mail", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"E-mail", None))
#endif // QT_CONFIG(accessibility)
        self.emailError.setText("")
        self.phoneLabel.setText(QCoreApplication.translate("OfficerDialog", u"P&hone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Phone", None))
#endif // QT_CONFIG(accessibility)
        self.phoneError.setText("")
#if QT_CONFIG(accessibility)
        self.supervisorCheck.setAccessibleName(QCoreApplication.translate("OfficerDialog", u"Supervisor", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCheck.setText(QCoreApplication.translate("OfficerDialog", u"&Supervisor (may approve overtime and overrides)", None))
        self.formMessage.setText("")
    # retranslateUi

