# Generated from ui/password_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(420, 0)
        PasswordDialog.setMinimumSize(QSize(420, 0))
        self.dialogLayout = QVBoxLayout(PasswordDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.oldPasswordLabel = QLabel(PasswordDialog)
        self.oldPasswordLabel.setObjectName(u"oldPasswordLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oldPasswordLabel)

        self.oldPasswordField = QVBoxLayout()
        self.oldPasswordField.setSpacing(0)
        self.oldPasswordField.setObjectName(u"oldPasswordField")
        self.oldPasswordEdit = QLineEdit(PasswordDialog)
        self.oldPasswordEdit.setObjectName(u"oldPasswordEdit")
        self.oldPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.oldPasswordField.addWidget(self.oldPasswordEdit)

        self.oldPasswordError = QLabel(PasswordDialog)
        self.oldPasswordError.setObjectName(u"oldPasswordError")
        self.oldPasswordError.setWordWrap(True)

        self.oldPasswordField.addWidget(self.oldPasswordError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.oldPasswordField)

        self.newPasswordLabel = QLabel(PasswordDialog)
        self.newPasswordLabel.setObjectName(u"newPasswordLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newPasswordLabel)

        self.newPasswordField = QVBoxLayout()
        self.newPasswordField.setSpacing(0)
        self.newPasswordField.setObjectName(u"newPasswordField")
        self.newPasswordEdit = QLineEdit(PasswordDialog)
        self.newPasswordEdit.setObjectName(u"newPasswordEdit")
        self.newPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.newPasswordField.addWidget(self.newPasswordEdit)

        self.newPasswordError = QLabel(PasswordDialog)
        self.newPasswordError.setObjectName(u"newPasswordError")
        self.newPasswordError.setWordWrap(True)

        self.newPasswordField.addWidget(self.newPasswordError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.newPasswordField)

        self.againLabel = QLabel(PasswordDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.againField = QVBoxLayout()
        self.againField.setSpacing(0)
        self.againField.setObjectName(u"againField")
        self.againEdit = QLineEdit(PasswordDialog)
        self.againEdit.setObjectName(u"againEdit")
        self.againEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.againField.addWidget(self.againEdit)

        self.againError = QLabel(PasswordDialog)
        self.againError.setObjectName(u"againError")
        self.againError.setWordWrap(True)

        self.againField.addWidget(self.againError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.againField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(PasswordDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(PasswordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.oldPasswordLabel.setBuddy(self.oldPasswordEdit)
        self.newPasswordLabel.setBuddy(self.newPasswordEdit)
        self.againLabel.setBuddy(self.againEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.oldPasswordEdit, self.newPasswordEdit)
        QWidget.setTabOrder(self.newPasswordEdit, self.againEdit)
        QWidget.setTabOrder(self.againEdit, self.buttonBox)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Change password", None))
        self.oldPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"&Current password", None))
#if QT_CONFIG(accessibility)
        self.oldPasswordEdit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.oldPasswordError.setText("")
        self.newPasswordLabel.setText(QCoreApplication.translate("PasswordDialog", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.newPasswordEdit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.newPasswordEdit.setPlaceholderText(QCoreApplication.translate("PasswordDialog", u"at least 10 characters", None))
        self.newPasswordError.setText("")
        self.againLabel.setText(QCoreApplication.translate("PasswordDialog", u"New password a&gain", None))
#if QT_CONFIG(accessibility)
        self.againEdit.setAccessibleName(QCoreApplication.translate("PasswordDialog", u"New password again", None))
#endif // QT_CONFIG(accessibility)
        self.againError.setText("")
        self.formMessage.setText("")
    # retranslateUi

