# Generated from ui/school_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'school_dialog.ui'
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
    QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_SchoolDialog(object):
    def setupUi(self, SchoolDialog):
        if not SchoolDialog.objectName():
            SchoolDialog.setObjectName(u"SchoolDialog")
        SchoolDialog.resize(460, 0)
        SchoolDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(SchoolDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(SchoolDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameField = QVBoxLayout()
        self.nameField.setSpacing(0)
        self.nameField.setObjectName(u"nameField")
        self.nameEdit = QLineEdit(SchoolDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.nameField.addWidget(self.nameEdit)

        self.nameError = QLabel(SchoolDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.nameField.addWidget(self.nameError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.nameField)

        self.levelLabel = QLabel(SchoolDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelField = QVBoxLayout()
        self.levelField.setSpacing(0)
        self.levelField.setObjectName(u"levelField")
        self.levelCombo = QComboBox(SchoolDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.levelField.addWidget(self.levelCombo)

        self.levelError = QLabel(SchoolDialog)
        self.levelError.setObjectName(u"levelError")
        self.levelError.setWordWrap(True)

        self.levelField.addWidget(self.levelError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.levelField)

        self.inDistrictCheck = QCheckBox(SchoolDialog)
        self.inDistrictCheck.setObjectName(u"inDistrictCheck")
        self.inDistrictCheck.setChecked(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.inDistrictCheck)

        self.addressLabel = QLabel(SchoolDialog)
        self.addressLabel.setObjectName(u"addressLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressField = QVBoxLayout()
        self.addressField.setSpacing(0)
        self.addressField.setObjectName(u"addressField")
        self.addressEdit = QPlainTextEdit(SchoolDialog)
        self.addressEdit.setObjectName(u"addressEdit")
        self.addressEdit.setMaximumSize(QSize(16777215, 70))
        self.addressEdit.setTabChangesFocus(True)

        self.addressField.addWidget(self.addressEdit)

        self.addressError = QLabel(SchoolDialog)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setWordWrap(True)

        self.addressField.addWidget(self.addressError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.addressField)

        self.principalLabel = QLabel(SchoolDialog)
        self.principalLabel.setObjectName(u"principalLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.principalLabel)

        self.principalField = QVBoxLayout()
        self.principalField.setSpacing(0)
        self.principalField.setObjectName(u"principalField")
        self.principalEdit = QLineEdit(SchoolDialog)
        self.principalEdit.setObjectName(u"principalEdit")

        self.principalField.addWidget(self.principalEdit)

        self.principalNameError = QLabel(SchoolDialog)
        self.principalNameError.setObjectName(u"principalNameError")
        self.principalNameError.setWordWrap(True)

        self.principalField.addWidget(self.principalNameError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.principalField)

        self.phoneLabel = QLabel(SchoolDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneField = QVBoxLayout()
        self.phoneField.setSpacing(0)
        self.phoneField.setObjectName(u"phoneField")
        self.phoneEdit = QLineEdit(SchoolDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.phoneField.addWidget(self.phoneEdit)

        self.contactPhoneError = QLabel(SchoolDialog)
        self.contactPhoneError.setObjectName(u"contactPhoneError")
        self.contactPhoneError.setWordWrap(True)

        self.phoneField.addWidget(self.contactPhoneError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.phoneField)

        self.emailLabel = QLabel(SchoolDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailField = QVBoxLayout()
        self.emailField.setSpacing(0)
        self.emailField.setObjectName(u"emailField")
        self.emailEdit = QLineEdit(SchoolDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.emailField.addWidget(self.emailEdit)

        self.contactEmailError = QLabel(SchoolDialog)
        self.contactEmailError.setObjectName(u"contactEmailError")
        self.contactEmailError.setWordWrap(True)

        self.emailField.addWidget(self.contactEmailError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.emailField)

        self.timezoneLabel = QLabel(SchoolDialog)
        self.timezoneLabel.setObjectName(u"timezoneLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.timezoneLabel)

        self.timezoneField = QVBoxLayout()
        self.timezoneField.setSpacing(0)
        self.timezoneField.setObjectName(u"timezoneField")
        self.timezoneCombo = QComboBox(SchoolDialog)
        self.timezoneCombo.setObjectName(u"timezoneCombo")
        self.timezoneCombo.setEditable(True)

        self.timezoneField.addWidget(self.timezoneCombo)

        self.timezoneError = QLabel(SchoolDialog)
        self.timezoneError.setObjectName(u"timezoneError")
        self.timezoneError.setWordWrap(True)

        self.timezoneField.addWidget(self.timezoneError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.timezoneField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SchoolDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SchoolDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.levelLabel.setBuddy(self.levelCombo)
        self.addressLabel.setBuddy(self.addressEdit)
        self.principalLabel.setBuddy(self.principalEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.timezoneLabel.setBuddy(self.timezoneCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.inDistrictCheck)
        QWidget.setTabOrder(self.inDistrictCheck, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.principalEdit)
        QWidget.setTabOrder(self.principalEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.timezoneCombo)
        QWidget.setTabOrder(self.timezoneCombo, self.buttonBox)

        self.retranslateUi(SchoolDialog)

        QMetaObject.connectSlotsByName(SchoolDialog)
    # setupUi

    def retranslateUi(self, SchoolDialog):
        SchoolDialog.setWindowTitle(QCoreApplication.translate("SchoolDialog", u"School or site", None))
        self.nameLabel.setText(QCoreApplication.translate("SchoolDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Name", None))
#endif // QT_CONFIG(accessibility)
        self.nameError.setText("")
        self.levelLabel.setText(QCoreApplication.translate("SchoolDialog", u"&Level", None))
#if QT_CONFIG(accessibility)
        self.levelCombo.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Level", None))
#endif // QT_CONFIG(accessibility)
        self.levelError.setText("")
#if QT_CONFIG(accessibility)
        self.inDistrictCheck.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"District school", None))
#endif // QT_CONFIG(accessibility)
        self.inDistrictCheck.setText(QCoreApplication.translate("SchoolDialog", u"&District school (uncheck for e.g. a church-based school)", None))
        self.addressLabel.setText(QCoreApplication.translate("SchoolDialog", u"&Address", None))
#if QT_CONFIG(accessibility)
        self.addressEdit.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Address", None))
#endif // QT_CONFIG(accessibility)
        self.addressError.setText("")
        self.principalLabel.setText(QCoreApplication.translate("SchoolDialog", u"&Principal", None))
#if QT_CONFIG(accessibility)
        self.principalEdit.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Principal", None))
#endif // QT_CONFIG(accessibility)
        self.principalNameError.setText("")
        self.phoneLabel.setText(QCoreApplication.translate("SchoolDialog", u"P&hone", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Contact phone", None))
#endif // QT_CONFIG(accessibility)
        self.contactPhoneError.setText("")
        self.emailLabel.setText(QCoreApplication.translate("SchoolDialog", u"&E-mail", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Contact e-mail", None))
#endif // QT_CONFIG(accessibility)
        self.contactEmailError.setText("")
        self.timezoneLabel.setText(QCoreApplication.translate("SchoolDialog", u"&Time zone", None))
#if QT_CONFIG(accessibility)
        self.timezoneCombo.setAccessibleName(QCoreApplication.translate("SchoolDialog", u"Time zone", None))
#endif // QT_CONFIG(accessibility)
        self.timezoneError.setText("")
        self.formMessage.setText("")
    # retranslateUi

