# Generated from ui/user_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
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

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(420, 0)
        UserDialog.setMinimumSize(QSize(420, 0))
        self.dialogLayout = QVBoxLayout(UserDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.usernameLabel = QLabel(UserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.usernameField = QVBoxLayout()
        self.usernameField.setSpacing(0)
        self.usernameField.setObjectName(u"usernameField")
        self.usernameEdit = QLineEdit(UserDialog)
        self.usernameEdit.setObjectName(u"usernameEdit")
        self.usernameEdit.setMaxLength(80)

        self.usernameField.addWidget(self.usernameEdit)

        self.usernameError = QLabel(UserDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)

        self.usernameField.addWidget(self.usernameError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.usernameField)

        self.roleLabel = QLabel(UserDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleField = QVBoxLayout()
        self.roleField.setSpacing(0)
        self.roleField.setObjectName(u"roleField")
        self.roleCombo = QComboBox(UserDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.roleField.addWidget(self.roleCombo)

        self.roleError = QLabel(UserDialog)
        self.roleError.setObjectName(u"roleError")
        self.roleError.setWordWrap(True)

        self.roleField.addWidget(self.roleError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.roleField)

        self.passwordLabel = QLabel(UserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordField = QVBoxLayout()
        self.passwordField.setSpacing(0)
        self.passwordField.setObjectName(u"passwordField")
        self.passwordEdit = QLineEdit(UserDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.passwordField.addWidget(self.passwordEdit)

        self.passwordError = QLabel(UserDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)

        self.passwordField.addWidget(self.passwordError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.passwordField)

        self.againLabel = QLabel(UserDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againField = QVBoxLayout()
        self.againField.setSpacing(0)
        self.againField.setObjectName(u"againField")
        self.againEdit = QLineEdit(UserDialog)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.againField.addWidget(self.againEdit)

        self.againError = QLabel(UserDialog)
        self.againError.setObjectName(u"againError")
        self.againError.setWordWrap(True)

        self.againField.addWidget(self.againError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.againField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(UserDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(UserDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.usernameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.usernameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.passwordEdit)
        QWidget.setTabOrder(self.passwordEdit, self.againEdit)
        QWidget.setTabOrder(self.againEdit, self.buttonBox)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"User account", None))
        self.usernameLabel.setText(QCoreApplication.translate("UserDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.usernameEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.usernameError.setText("")
        self.roleLabel.setText(QCoreApplication.translate("UserDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("UserDialog", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.roleError.setText("")
        self.passwordLabel.setText(QCoreApplication.translate("UserDialog", u"&Password", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"Password", None))
#endif // QT_CONFIG(accessibility)
        self.passwordEdit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"at least 10 characters", None))
        self.passwordError.setText("")
        self.againLabel.setText(QCoreApplication.translate("UserDialog", u"Password a&gain", None))
#if QT_CONFIG(accessibility)
        self.againEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"Password again", None))
#endif // QT_CONFIG(accessibility)
        self.againError.setText("")
        self.formMessage.setText("")
    # retranslateUi

