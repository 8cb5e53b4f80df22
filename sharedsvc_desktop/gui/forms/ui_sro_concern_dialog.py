# Generated from ui/sro_concern_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_concern_dialog.ui'
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
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SroConcernDialog(object):
    def setupUi(self, SroConcernDialog):
        if not SroConcernDialog.objectName():
            SroConcernDialog.setObjectName(u"SroConcernDialog")
        SroConcernDialog.resize(500, 0)
        SroConcernDialog.setMinimumSize(QSize(500, 0))
        self.dialogLayout = QVBoxLayout(SroConcernDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.summaryLabel = QLabel(SroConcernDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summaryLabel)

        self.raisedOnEditLabel = QLabel(SroConcernDialog)
        self.raisedOnEditLabel.setObjectName(u"raisedOnEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.raisedOnEditLabel)

        self.raisedOnEditField = QVBoxLayout()
        self.raisedOnEditField.setSpacing(0)
        self.raisedOnEditField.setObjectName(u"raisedOnEditField")
        self.raisedOnEdit = QLineEdit(SroConcernDialog)
        self.raisedOnEdit.setObjectName(u"raisedOnEdit")

        self.raisedOnEditField.addWidget(self.raisedOnEdit)

        self.raisedOnError = QLabel(SroConcernDialog)
        self.raisedOnError.setObjectName(u"raisedOnError")
        self.raisedOnError.setWordWrap(True)

        self.raisedOnEditField.addWidget(self.raisedOnError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.raisedOnEditField)

        self.reasonsEditLabel = QLabel(SroConcernDialog)
        self.reasonsEditLabel.setObjectName(u"reasonsEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonsEditLabel)

        self.reasonsEditField = QVBoxLayout()
        self.reasonsEditField.setSpacing(0)
        self.reasonsEditField.setObjectName(u"reasonsEditField")
        self.reasonsEdit = QPlainTextEdit(SroConcernDialog)
        self.reasonsEdit.setObjectName(u"reasonsEdit")
        self.reasonsEdit.setMinimumSize(QSize(0, 90))
        self.reasonsEdit.setTabChangesFocus(True)

        self.reasonsEditField.addWidget(self.reasonsEdit)

        self.reasonsError = QLabel(SroConcernDialog)
        self.reasonsError.setObjectName(u"reasonsError")
        self.reasonsError.setWordWrap(True)

        self.reasonsEditField.addWidget(self.reasonsError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.reasonsEditField)

        self.notesEditLabel = QLabel(SroConcernDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEditField = QVBoxLayout()
        self.notesEditField.setSpacing(0)
        self.notesEditField.setObjectName(u"notesEditField")
        self.notesEdit = QPlainTextEdit(SroConcernDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 50))
        self.notesEdit.setTabChangesFocus(True)

        self.notesEditField.addWidget(self.notesEdit)

        self.notesError = QLabel(SroConcernDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesEditField.addWidget(self.notesError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.notesEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroConcernDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroConcernDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.raisedOnEditLabel.setBuddy(self.raisedOnEdit)
        self.reasonsEditLabel.setBuddy(self.reasonsEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.raisedOnEdit, self.reasonsEdit)
        QWidget.setTabOrder(self.reasonsEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(SroConcernDialog)

        QMetaObject.connectSlotsByName(SroConcernDialog)
    # setupUi

    def retranslateUi(self, SroConcernDialog):
        SroConcernDialog.setWindowTitle(QCoreApplication.translate("SroConcernDialog", u"Principal's concern about the SRO", None))
        self.summaryLabel.setText("")
        self.raisedOnEditLabel.setText(QCoreApplication.translate("SroConcernDialog", u"&Date raised", None))
#if QT_CONFIG(accessibility)
        self.raisedOnEdit.setAccessibleName(QCoreApplication.translate("SroConcernDialog", u"Date raised", None))
#endif // QT_CONFIG(accessibility)
        self.raisedOnEdit.setPlaceholderText(QCoreApplication.translate("SroConcernDialog", u"YYYY-MM-DD", None))
        self.raisedOnError.setText("")
        self.reasonsEditLabel.setText(QCoreApplication.translate("SroConcernDialog", u"&Reasons", None))
#if QT_CONFIG(accessibility)
        self.reasonsEdit.setAccessibleName(QCoreApplication.translate("SroConcernDialog", u"Reasons given by the principal", None))
#endif // QT_CONFIG(accessibility)
        self.reasonsError.setText("")
        self.notesEditLabel.setText(QCoreApplication.translate("SroConcernDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("SroConcernDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.formMessage.setText("")
    # retranslateUi

