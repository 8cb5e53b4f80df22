# Generated from ui/training_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'training_dialog.ui'
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

class Ui_TrainingDialog(object):
    def setupUi(self, TrainingDialog):
        if not TrainingDialog.objectName():
            TrainingDialog.setObjectName(u"TrainingDialog")
        TrainingDialog.resize(460, 0)
        TrainingDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(TrainingDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.kindComboLabel = QLabel(TrainingDialog)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindComboField = QVBoxLayout()
        self.kindComboField.setSpacing(0)
        self.kindComboField.setObjectName(u"kindComboField")
        self.kindCombo = QComboBox(TrainingDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindComboField.addWidget(self.kindCombo)

        self.kindError = QLabel(TrainingDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)

        self.kindComboField.addWidget(self.kindError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.kindComboField)

        self.completedOnEditLabel = QLabel(TrainingDialog)
        self.completedOnEditLabel.setObjectName(u"completedOnEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.completedOnEditLabel)

        self.completedOnEditField = QVBoxLayout()
        self.completedOnEditField.setSpacing(0)
        self.completedOnEditField.setObjectName(u"completedOnEditField")
        self.completedOnEdit = QLineEdit(TrainingDialog)
        self.completedOnEdit.setObjectName(u"completedOnEdit")

        self.completedOnEditField.addWidget(self.completedOnEdit)

        self.completedOnError = QLabel(TrainingDialog)
        self.completedOnError.setObjectName(u"completedOnError")
        self.completedOnError.setWordWrap(True)

        self.completedOnEditField.addWidget(self.completedOnError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.completedOnEditField)

        self.expiresOnEditLabel = QLabel(TrainingDialog)
        self.expiresOnEditLabel.setObjectName(u"expiresOnEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.expiresOnEditLabel)

        self.expiresOnEditField = QVBoxLayout()
        self.expiresOnEditField.setSpacing(0)
        self.expiresOnEditField.setObjectName(u"expiresOnEditField")
        self.expiresOnEdit = QLineEdit(TrainingDialog)
        self.expiresOnEdit.setObjectName(u"expiresOnEdit")

        self.expiresOnEditField.addWidget(self.expiresOnEdit)

        self.expiresOnError = QLabel(TrainingDialog)
        self.expiresOnError.setObjectName(u"expiresOnError")
        self.expiresOnError.setWordWrap(True)

        self.expiresOnEditField.addWidget(self.expiresOnError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.expiresOnEditField)

        self.notesEditLabel = QLabel(TrainingDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEditField = QVBoxLayout()
        self.notesEditField.setSpacing(0)
        self.notesEditField.setObjectName(u"notesEditField")
        self.notesEdit = QPlainTextEdit(TrainingDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 50))
        self.notesEdit.setTabChangesFocus(True)

        self.notesEditField.addWidget(self.notesEdit)

        self.notesError = QLabel(TrainingDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesEditField.addWidget(self.notesError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.notesEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(TrainingDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(TrainingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.completedOnEditLabel.setBuddy(self.completedOnEdit)
        self.expiresOnEditLabel.setBuddy(self.expiresOnEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.completedOnEdit)
        QWidget.setTabOrder(self.completedOnEdit, self.expiresOnEdit)
        QWidget.setTabOrder(self.expiresOnEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(TrainingDialog)

        QMetaObject.connectSlotsByName(TrainingDialog)
    # setupUi

    def retranslateUi(self, TrainingDialog):
        TrainingDialog.setWindowTitle(QCoreApplication.translate("TrainingDialog", u"Training record", None))
        self.kindComboLabel.setText(QCoreApplication.translate("TrainingDialog", u"&Training", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("TrainingDialog", u"Training or qualification", None))
#endif // QT_CONFIG(accessibility)
        self.kindError.setText("")
        self.completedOnEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"&Completed on", None))
#if QT_CONFIG(accessibility)
        self.completedOnEdit.setAccessibleName(QCoreApplication.translate("TrainingDialog", u"Completed on", None))
#endif // QT_CONFIG(accessibility)
        self.completedOnEdit.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"YYYY-MM-DD", None))
        self.completedOnError.setText("")
        self.expiresOnEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"&Expires on", None))
#if QT_CONFIG(accessibility)
        self.expiresOnEdit.setAccessibleName(QCoreApplication.translate("TrainingDialog", u"Expires on", None))
#endif // QT_CONFIG(accessibility)
        self.expiresOnEdit.setPlaceholderText(QCoreApplication.translate("TrainingDialog", u"YYYY-MM-DD (blank if it does not expire)", None))
        self.expiresOnError.setText("")
        self.notesEditLabel.setText(QCoreApplication.translate("TrainingDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("TrainingDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.formMessage.setText("")
    # retranslateUi

