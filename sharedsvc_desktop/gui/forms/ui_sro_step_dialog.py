# Generated from ui/sro_step_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_step_dialog.ui'
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

class Ui_SroStepDialog(object):
    def setupUi(self, SroStepDialog):
        if not SroStepDialog.objectName():
            SroStepDialog.setObjectName(u"SroStepDialog")
        SroStepDialog.resize(460, 0)
        SroStepDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(SroStepDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.stepLabel = QLabel(SroStepDialog)
        self.stepLabel.setObjectName(u"stepLabel")
        self.stepLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.stepLabel)

        self.dateEditLabel = QLabel(SroStepDialog)
        self.dateEditLabel.setObjectName(u"dateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateEditLabel)

        self.dateEditField = QVBoxLayout()
        self.dateEditField.setSpacing(0)
        self.dateEditField.setObjectName(u"dateEditField")
        self.dateEdit = QLineEdit(SroStepDialog)
        self.dateEdit.setObjectName(u"dateEdit")

        self.dateEditField.addWidget(self.dateEdit)

        self.dateError = QLabel(SroStepDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)

        self.dateEditField.addWidget(self.dateError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateEditField)

        self.decisionComboLabel = QLabel(SroStepDialog)
        self.decisionComboLabel.setObjectName(u"decisionComboLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionComboLabel)

        self.decisionComboField = QVBoxLayout()
        self.decisionComboField.setSpacing(0)
        self.decisionComboField.setObjectName(u"decisionComboField")
        self.decisionCombo = QComboBox(SroStepDialog)
        self.decisionCombo.setObjectName(u"decisionCombo")

        self.decisionComboField.addWidget(self.decisionCombo)

        self.decisionError = QLabel(SroStepDialog)
        self.decisionError.setObjectName(u"decisionError")
        self.decisionError.setWordWrap(True)

        self.decisionComboField.addWidget(self.decisionError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.decisionComboField)

        self.notesEditLabel = QLabel(SroStepDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEditField = QVBoxLayout()
        self.notesEditField.setSpacing(0)
        self.notesEditField.setObjectName(u"notesEditField")
        self.notesEdit = QPlainTextEdit(SroStepDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 50))
        self.notesEdit.setTabChangesFocus(True)

        self.notesEditField.addWidget(self.notesEdit)

        self.notesError = QLabel(SroStepDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesEditField.addWidget(self.notesError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.notesEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroStepDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroStepDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateEditLabel.setBuddy(self.dateEdit)
        self.decisionComboLabel.setBuddy(self.decisionCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.decisionCombo)
        QWidget.setTabOrder(self.decisionCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(SroStepDialog)

        QMetaObject.connectSlotsByName(SroStepDialog)
    # setupUi

    def retranslateUi(self, SroStepDialog):
        SroStepDialog.setWindowTitle(QCoreApplication.translate("SroStepDialog", u"Concern: next step", None))
        self.stepLabel.setText("")
        self.dateEditLabel.setText(QCoreApplication.translate("SroStepDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("SroStepDialog", u"Date of this step", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setPlaceholderText(QCoreApplication.translate("SroStepDialog", u"YYYY-MM-DD", None))
        self.dateError.setText("")
        self.decisionComboLabel.setText(QCoreApplication.translate("SroStepDialog", u"D&ecision", None))
#if QT_CONFIG(accessibility)
        self.decisionCombo.setAccessibleName(QCoreApplication.translate("SroStepDialog", u"Decision", None))
#endif // QT_CONFIG(accessibility)
        self.decisionError.setText("")
        self.notesEditLabel.setText(QCoreApplication.translate("SroStepDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("SroStepDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.formMessage.setText("")
    # retranslateUi

