# Generated from ui/hour_entry_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hour_entry_dialog.ui'
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

class Ui_HourEntryDialog(object):
    def setupUi(self, HourEntryDialog):
        if not HourEntryDialog.objectName():
            HourEntryDialog.setObjectName(u"HourEntryDialog")
        HourEntryDialog.resize(560, 0)
        HourEntryDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(HourEntryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.statusLabel = QLabel(HourEntryDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.statusLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.personLabel = QLabel(HourEntryDialog)
        self.personLabel.setObjectName(u"personLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.personField = QVBoxLayout()
        self.personField.setSpacing(0)
        self.personField.setObjectName(u"personField")
        self.personCombo = QComboBox(HourEntryDialog)
        self.personCombo.setObjectName(u"personCombo")

        self.personField.addWidget(self.personCombo)

        self.personIdError = QLabel(HourEntryDialog)
        self.personIdError.setObjectName(u"personIdError")
        self.personIdError.setWordWrap(True)

        self.personField.addWidget(self.personIdError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.personField)

        self.workDateLabel = QLabel(HourEntryDialog)
        self.workDateLabel.setObjectName(u"workDateLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.workDateLabel)

        self.workDateField = QVBoxLayout()
        self.workDateField.setSpacing(0)
        self.workDateField.setObjectName(u"workDateField")
        self.workDateEdit = QLineEdit(HourEntryDialog)
        self.workDateEdit.setObjectName(u"workDateEdit")
        self.workDateEdit.setMaxLength(10)

        self.workDateField.addWidget(self.workDateEdit)

        self.workDateError = QLabel(HourEntryDialog)
        self.workDateError.setObjectName(u"workDateError")
        self.workDateError.setWordWrap(True)

        self.workDateField.addWidget(self.workDateError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.workDateField)

        self.kindLabel = QLabel(HourEntryDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindField = QVBoxLayout()
        self.kindField.setSpacing(0)
        self.kindField.setObjectName(u"kindField")
        self.kindCombo = QComboBox(HourEntryDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.kindField.addWidget(self.kindCombo)

        self.kindError = QLabel(HourEntryDialog)
        self.kindError.setObjectName(u"kindError")
        self.kindError.setWordWrap(True)

        self.kindField.addWidget(self.kindError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.kindField)

        self.siteLabel = QLabel(HourEntryDialog)
        self.siteLabel.setObjectName(u"siteLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.siteLabel)

        self.siteField = QVBoxLayout()
        self.siteField.setSpacing(0)
        self.siteField.setObjectName(u"siteField")
        self.siteCombo = QComboBox(HourEntryDialog)
        self.siteCombo.setObjectName(u"siteCombo")

        self.siteField.addWidget(self.siteCombo)

        self.siteIdError = QLabel(HourEntryDialog)
        self.siteIdError.setObjectName(u"siteIdError")
        self.siteIdError.setWordWrap(True)

        self.siteField.addWidget(self.siteIdError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.siteField)

        self.eventLabel = QLabel(HourEntryDialog)
        self.eventLabel.setObjectName(u"eventLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.eventLabel)

        self.eventField = QVBoxLayout()
        self.eventField.setSpacing(0)
        self.eventField.setObjectName(u"eventField")
        self.eventCombo = QComboBox(HourEntryDialog)
        self.eventCombo.setObjectName(u"eventCombo")

        self.eventField.addWidget(self.eventCombo)

        self.eventIdError = QLabel(HourEntryDialog)
        self.eventIdError.setObjectName(u"eventIdError")
        self.eventIdError.setWordWrap(True)

        self.eventField.addWidget(self.eventIdError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.eventField)

        self.startLabel = QLabel(HourEntryDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.startField = QVBoxLayout()
        self.startField.setSpacing(0)
        self.startField.setObjectName(u"startField")
        self.startEdit = QLineEdit(HourEntryDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setMaxLength(5)

        self.startField.addWidget(self.startEdit)

        self.startError = QLabel(HourEntryDialog)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)

        self.startField.addWidget(self.startError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.startField)

        self.endLabel = QLabel(HourEntryDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endField = QVBoxLayout()
        self.endField.setSpacing(0)
        self.endField.setObjectName(u"endField")
        self.endEdit = QLineEdit(HourEntryDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setMaxLength(5)

        self.endField.addWidget(self.endEdit)

        self.endError = QLabel(HourEntryDialog)
        self.endError.setObjectName(u"endError")
        self.endError.setWordWrap(True)

        self.endField.addWidget(self.endError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.endField)

        self.endNextDayCheck = QCheckBox(HourEntryDialog)
        self.endNextDayCheck.setObjectName(u"endNextDayCheck")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.endNextDayCheck)

        self.hoursLabel = QLabel(HourEntryDialog)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursField = QVBoxLayout()
        self.hoursField.setSpacing(0)
        self.hoursField.setObjectName(u"hoursField")
        self.hoursEdit = QLineEdit(HourEntryDialog)
        self.hoursEdit.setObjectName(u"hoursEdit")
        self.hoursEdit.setMaxLength(8)

        self.hoursField.addWidget(self.hoursEdit)

        self.hoursError = QLabel(HourEntryDialog)
        self.hoursError.setObjectName(u"hoursError")
        self.hoursError.setWordWrap(True)

        self.hoursField.addWidget(self.hoursError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.hoursField)

        self.agreementLabel = QLabel(HourEntryDialog)
        self.agreementLabel.setObjectName(u"agreementLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.agreementLabel)

        self.agreementField = QVBoxLayout()
        self.agreementField.setSpacing(0)
        self.agreementField.setObjectName(u"agreementField")
        self.agreementCombo = QComboBox(HourEntryDialog)
        self.agreementCombo.setObjectName(u"agreementCombo")

        self.agreementField.addWidget(self.agreementCombo)

        self.agreementIdError = QLabel(HourEntryDialog)
        self.agreementIdError.setObjectName(u"agreementIdError")
        self.agreementIdError.setWordWrap(True)

        self.agreementField.addWidget(self.agreementIdError)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.agreementField)

        self.billableCheck = QCheckBox(HourEntryDialog)
        self.billableCheck.setObjectName(u"billableCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.billableCheck)

        self.notesLabel = QLabel(HourEntryDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesField = QVBoxLayout()
        self.notesField.setSpacing(0)
        self.notesField.setObjectName(u"notesField")
        self.notesEdit = QPlainTextEdit(HourEntryDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.notesField.addWidget(self.notesEdit)

        self.notesError = QLabel(HourEntryDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesField.addWidget(self.notesError)


        self.formLayout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.notesField)

        self.reasonLabel = QLabel(HourEntryDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonField = QVBoxLayout()
        self.reasonField.setSpacing(0)
        self.reasonField.setObjectName(u"reasonField")
        self.reasonEdit = QLineEdit(HourEntryDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaxLength(500)

        self.reasonField.addWidget(self.reasonEdit)

        self.reasonError = QLabel(HourEntryDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setWordWrap(True)

        self.reasonField.addWidget(self.reasonError)


        self.formLayout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.reasonField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(HourEntryDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(HourEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.personLabel.setBuddy(self.personCombo)
        self.workDateLabel.setBuddy(self.workDateEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.siteLabel.setBuddy(self.siteCombo)
        self.eventLabel.setBuddy(self.eventCombo)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.hoursLabel.setBuddy(self.hoursEdit)
        self.agreementLabel.setBuddy(self.agreementCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.personCombo, self.workDateEdit)
        QWidget.setTabOrder(self.workDateEdit, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.siteCombo)
        QWidget.setTabOrder(self.siteCombo, self.eventCombo)
        QWidget.setTabOrder(self.eventCombo, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.endNextDayCheck)
        QWidget.setTabOrder(self.endNextDayCheck, self.hoursEdit)
        QWidget.setTabOrder(self.hoursEdit, self.agreementCombo)
        QWidget.setTabOrder(self.agreementCombo, self.billableCheck)
        QWidget.setTabOrder(self.billableCheck, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttonBox)

        self.retranslateUi(HourEntryDialog)

        QMetaObject.connectSlotsByName(HourEntryDialog)
    # setupUi

    def retranslateUi(self, HourEntryDialog):
        HourEntryDialog.setWindowTitle(QCoreApplication.translate("HourEntryDialog", u"Hour entry", None))
        self.statusLabel.setText("")
        self.personLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Who", None))
#if QT_CONFIG(accessibility)
        self.personCombo.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Who did the work", None))
#endif // QT_CONFIG(accessibility)
        self.personIdError.setText("")
        self.workDateLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Date (YYYY-MM-DD)", None))
#if QT_CONFIG(accessibility)
        self.workDateEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.workDateEdit.setPlaceholderText(QCoreApplication.translate("HourEntryDialog", u"2026-11-23", None))
        self.workDateError.setText("")
        self.kindLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Kind of work", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Kind of work", None))
#endif // QT_CONFIG(accessibility)
        self.kindError.setText("")
        self.siteLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&School or site", None))
#if QT_CONFIG(accessibility)
        self.siteCombo.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"School or site", None))
#endif // QT_CONFIG(accessibility)
        self.siteIdError.setText("")
        self.eventLabel.setText(QCoreApplication.translate("HourEntryDialog", u"E&vent", None))
#if QT_CONFIG(accessibility)
        self.eventCombo.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Event", None))
#endif // QT_CONFIG(accessibility)
        self.eventIdError.setText("")
        self.startLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Start (HH:MM)", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Start time", None))
#endif // QT_CONFIG(accessibility)
        self.startEdit.setPlaceholderText(QCoreApplication.translate("HourEntryDialog", u"19:00", None))
        self.startError.setText("")
        self.endLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&End (HH:MM)", None))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"End time", None))
#endif // QT_CONFIG(accessibility)
        self.endEdit.setPlaceholderText(QCoreApplication.translate("HourEntryDialog", u"22:00", None))
        self.endError.setText("")
#if QT_CONFIG(accessibility)
        self.endNextDayCheck.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Ends the next day", None))
#endif // QT_CONFIG(accessibility)
        self.endNextDayCheck.setText(QCoreApplication.translate("HourEntryDialog", u"Ends the &next day (work past midnight)", None))
        self.hoursLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Hours (if no times)", None))
#if QT_CONFIG(accessibility)
        self.hoursEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Hours", None))
#endif // QT_CONFIG(accessibility)
        self.hoursEdit.setPlaceholderText(QCoreApplication.translate("HourEntryDialog", u"2.5", None))
        self.hoursError.setText("")
        self.agreementLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Agreement", None))
#if QT_CONFIG(accessibility)
        self.agreementCombo.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Agreement", None))
#endif // QT_CONFIG(accessibility)
        self.agreementIdError.setText("")
#if QT_CONFIG(accessibility)
        self.billableCheck.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Billable", None))
#endif // QT_CONFIG(accessibility)
        self.billableCheck.setText(QCoreApplication.translate("HourEntryDialog", u"&Billable (otherwise covered)", None))
        self.notesLabel.setText(QCoreApplication.translate("HourEntryDialog", u"N&otes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("HourEntryDialog", u"&Reason for the change", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("HourEntryDialog", u"Reason for the change", None))
#endif // QT_CONFIG(accessibility)
        self.reasonError.setText("")
        self.formMessage.setText("")
    # retranslateUi

