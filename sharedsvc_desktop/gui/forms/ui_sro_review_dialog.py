# Generated from ui/sro_review_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_review_dialog.ui'
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
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SroReviewDialog(object):
    def setupUi(self, SroReviewDialog):
        if not SroReviewDialog.objectName():
            SroReviewDialog.setObjectName(u"SroReviewDialog")
        SroReviewDialog.resize(560, 0)
        SroReviewDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(SroReviewDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.summaryLabel = QLabel(SroReviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summaryLabel)

        self.meetingDateEditLabel = QLabel(SroReviewDialog)
        self.meetingDateEditLabel.setObjectName(u"meetingDateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.meetingDateEditLabel)

        self.meetingDateEditField = QVBoxLayout()
        self.meetingDateEditField.setSpacing(0)
        self.meetingDateEditField.setObjectName(u"meetingDateEditField")
        self.meetingDateEdit = QLineEdit(SroReviewDialog)
        self.meetingDateEdit.setObjectName(u"meetingDateEdit")

        self.meetingDateEditField.addWidget(self.meetingDateEdit)

        self.meetingDateError = QLabel(SroReviewDialog)
        self.meetingDateError.setObjectName(u"meetingDateError")
        self.meetingDateError.setWordWrap(True)

        self.meetingDateEditField.addWidget(self.meetingDateError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.meetingDateEditField)

        self.attendeesEditLabel = QLabel(SroReviewDialog)
        self.attendeesEditLabel.setObjectName(u"attendeesEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attendeesEditLabel)

        self.attendeesEditField = QVBoxLayout()
        self.attendeesEditField.setSpacing(0)
        self.attendeesEditField.setObjectName(u"attendeesEditField")
        self.attendeesEdit = QPlainTextEdit(SroReviewDialog)
        self.attendeesEdit.setObjectName(u"attendeesEdit")
        self.attendeesEdit.setMinimumSize(QSize(0, 60))
        self.attendeesEdit.setTabChangesFocus(True)

        self.attendeesEditField.addWidget(self.attendeesEdit)

        self.attendeesError = QLabel(SroReviewDialog)
        self.attendeesError.setObjectName(u"attendeesError")
        self.attendeesError.setWordWrap(True)

        self.attendeesEditField.addWidget(self.attendeesError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.attendeesEditField)

        self.reportTextEditLabel = QLabel(SroReviewDialog)
        self.reportTextEditLabel.setObjectName(u"reportTextEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reportTextEditLabel)

        self.reportTextEditField = QVBoxLayout()
        self.reportTextEditField.setSpacing(0)
        self.reportTextEditField.setObjectName(u"reportTextEditField")
        self.reportTextEdit = QPlainTextEdit(SroReviewDialog)
        self.reportTextEdit.setObjectName(u"reportTextEdit")
        self.reportTextEdit.setMinimumSize(QSize(0, 120))
        self.reportTextEdit.setTabChangesFocus(True)

        self.reportTextEditField.addWidget(self.reportTextEdit)

        self.reportTextError = QLabel(SroReviewDialog)
        self.reportTextError.setObjectName(u"reportTextError")
        self.reportTextError.setWordWrap(True)

        self.reportTextEditField.addWidget(self.reportTextError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.reportTextEditField)

        self.reportFileEditLabel = QLabel(SroReviewDialog)
        self.reportFileEditLabel.setObjectName(u"reportFileEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.reportFileEditLabel)

        self.reportFileEditField = QVBoxLayout()
        self.reportFileEditField.setSpacing(0)
        self.reportFileEditField.setObjectName(u"reportFileEditField")
        self.reportFileEdit = QLineEdit(SroReviewDialog)
        self.reportFileEdit.setObjectName(u"reportFileEdit")

        self.reportFileEditField.addWidget(self.reportFileEdit)

        self.reportFileError = QLabel(SroReviewDialog)
        self.reportFileError.setObjectName(u"reportFileError")
        self.reportFileError.setWordWrap(True)

        self.reportFileEditField.addWidget(self.reportFileError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.reportFileEditField)

        self.browseButton = QPushButton(SroReviewDialog)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setAutoDefault(False)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.browseButton)

        self.sentToChiefOnEditLabel = QLabel(SroReviewDialog)
        self.sentToChiefOnEditLabel.setObjectName(u"sentToChiefOnEditLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.sentToChiefOnEditLabel)

        self.sentToChiefOnEditField = QVBoxLayout()
        self.sentToChiefOnEditField.setSpacing(0)
        self.sentToChiefOnEditField.setObjectName(u"sentToChiefOnEditField")
        self.sentToChiefOnEdit = QLineEdit(SroReviewDialog)
        self.sentToChiefOnEdit.setObjectName(u"sentToChiefOnEdit")

        self.sentToChiefOnEditField.addWidget(self.sentToChiefOnEdit)

        self.sentToChiefOnError = QLabel(SroReviewDialog)
        self.sentToChiefOnError.setObjectName(u"sentToChiefOnError")
        self.sentToChiefOnError.setWordWrap(True)

        self.sentToChiefOnEditField.addWidget(self.sentToChiefOnError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.sentToChiefOnEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroReviewDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingDateEditLabel.setBuddy(self.meetingDateEdit)
        self.attendeesEditLabel.setBuddy(self.attendeesEdit)
        self.reportTextEditLabel.setBuddy(self.reportTextEdit)
        self.reportFileEditLabel.setBuddy(self.reportFileEdit)
        self.sentToChiefOnEditLabel.setBuddy(self.sentToChiefOnEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.meetingDateEdit, self.attendeesEdit)
        QWidget.setTabOrder(self.attendeesEdit, self.reportTextEdit)
        QWidget.setTabOrder(self.reportTextEdit, self.reportFileEdit)
        QWidget.setTabOrder(self.reportFileEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.sentToChiefOnEdit)
        QWidget.setTabOrder(self.sentToChiefOnEdit, self.buttonBox)

        self.retranslateUi(SroReviewDialog)

        QMetaObject.connectSlotsByName(SroReviewDialog)
    # setupUi

    def retranslateUi(self, SroReviewDialog):
        SroReviewDialog.setWindowTitle(QCoreApplication.translate("SroReviewDialog", u"SRO annual review", None))
        self.summaryLabel.setText("")
        self.meetingDateEditLabel.setText(QCoreApplication.translate("SroReviewDialog", u"&Meeting date", None))
#if QT_CONFIG(accessibility)
        self.meetingDateEdit.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Meeting date", None))
#endif // QT_CONFIG(accessibility)
        self.meetingDateEdit.setPlaceholderText(QCoreApplication.translate("SroReviewDialog", u"YYYY-MM-DD", None))
        self.meetingDateError.setText("")
        self.attendeesEditLabel.setText(QCoreApplication.translate("SroReviewDialog", u"&Who attended", None))
#if QT_CONFIG(accessibility)
        self.attendeesEdit.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Who attended (school administration, the SRO, the chief or designee)", None))
#endif // QT_CONFIG(accessibility)
        self.attendeesError.setText("")
        self.reportTextEditLabel.setText(QCoreApplication.translate("SroReviewDialog", u"Written &report", None))
#if QT_CONFIG(accessibility)
        self.reportTextEdit.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Written report of the school administration", None))
#endif // QT_CONFIG(accessibility)
        self.reportTextError.setText("")
        self.reportFileEditLabel.setText(QCoreApplication.translate("SroReviewDialog", u"Report &file", None))
#if QT_CONFIG(accessibility)
        self.reportFileEdit.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Attached report file", None))
#endif // QT_CONFIG(accessibility)
        self.reportFileEdit.setPlaceholderText(QCoreApplication.translate("SroReviewDialog", u"optional: a scanned or written report (PDF, Word...)", None))
        self.reportFileError.setText("")
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Choose a report file", None))
#endif // QT_CONFIG(accessibility)
        self.browseButton.setText(QCoreApplication.translate("SroReviewDialog", u"Choose a file to attach\u2026", None))
        self.sentToChiefOnEditLabel.setText(QCoreApplication.translate("SroReviewDialog", u"&Sent to the chief on", None))
#if QT_CONFIG(accessibility)
        self.sentToChiefOnEdit.setAccessibleName(QCoreApplication.translate("SroReviewDialog", u"Sent to the chief on", None))
#endif // QT_CONFIG(accessibility)
        self.sentToChiefOnEdit.setPlaceholderText(QCoreApplication.translate("SroReviewDialog", u"YYYY-MM-DD", None))
        self.sentToChiefOnError.setText("")
        self.formMessage.setText("")
    # retranslateUi

