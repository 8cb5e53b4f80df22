# Generated from ui/event_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_EventDialog(object):
    def setupUi(self, EventDialog):
        if not EventDialog.objectName():
            EventDialog.setObjectName(u"EventDialog")
        EventDialog.resize(560, 0)
        EventDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(EventDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.siteLabel = QLabel(EventDialog)
        self.siteLabel.setObjectName(u"siteLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.siteLabel)

        self.siteField = QVBoxLayout()
        self.siteField.setSpacing(0)
        self.siteField.setObjectName(u"siteField")
        self.siteCombo = QComboBox(EventDialog)
        self.siteCombo.setObjectName(u"siteCombo")

        self.siteField.addWidget(self.siteCombo)

        self.siteIdError = QLabel(EventDialog)
        self.siteIdError.setObjectName(u"siteIdError")
        self.siteIdError.setWordWrap(True)

        self.siteField.addWidget(self.siteIdError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.siteField)

        self.typeLabel = QLabel(EventDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeField = QVBoxLayout()
        self.typeField.setSpacing(0)
        self.typeField.setObjectName(u"typeField")
        self.typeCombo = QComboBox(EventDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.typeField.addWidget(self.typeCombo)

        self.eventTypeError = QLabel(EventDialog)
        self.eventTypeError.setObjectName(u"eventTypeError")
        self.eventTypeError.setWordWrap(True)

        self.typeField.addWidget(self.eventTypeError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.typeField)

        self.titleLabel = QLabel(EventDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleField = QVBoxLayout()
        self.titleField.setSpacing(0)
        self.titleField.setObjectName(u"titleField")
        self.titleEdit = QLineEdit(EventDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.titleField.addWidget(self.titleEdit)

        self.titleError = QLabel(EventDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleField.addWidget(self.titleError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.titleField)

        self.dateLabel = QLabel(EventDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateField = QVBoxLayout()
        self.dateField.setSpacing(0)
        self.dateField.setObjectName(u"dateField")
        self.dateEdit = QDateEdit(EventDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.dateField.addWidget(self.dateEdit)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.dateField)

        self.timeLabel = QLabel(EventDialog)
        self.timeLabel.setObjectName(u"timeLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.timeField = QVBoxLayout()
        self.timeField.setSpacing(0)
        self.timeField.setObjectName(u"timeField")
        self.timeRow = QHBoxLayout()
        self.timeRow.setObjectName(u"timeRow")
        self.startTimeEdit = QTimeEdit(EventDialog)
        self.startTimeEdit.setObjectName(u"startTimeEdit")

        self.timeRow.addWidget(self.startTimeEdit)

        self.toLabel = QLabel(EventDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.timeRow.addWidget(self.toLabel)

        self.endTimeEdit = QTimeEdit(EventDialog)
        self.endTimeEdit.setObjectName(u"endTimeEdit")

        self.timeRow.addWidget(self.endTimeEdit)

        self.durationLabel = QLabel(EventDialog)
        self.durationLabel.setObjectName(u"durationLabel")

        self.timeRow.addWidget(self.durationLabel)

        self.timeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timeRow.addItem(self.timeSpacer)


        self.timeField.addLayout(self.timeRow)

        self.startError = QLabel(EventDialog)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)

        self.timeField.addWidget(self.startError)

        self.endError = QLabel(EventDialog)
        self.endError.setObjectName(u"endError")
        self.endError.setWordWrap(True)

        self.timeField.addWidget(self.endError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.timeField)

        self.attendanceLabel = QLabel(EventDialog)
        self.attendanceLabel.setObjectName(u"attendanceLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attendanceLabel)

        self.attendanceField = QVBoxLayout()
        self.attendanceField.setSpacing(0)
        self.attendanceField.setObjectName(u"attendanceField")
        self.attendanceSpin = QSpinBox(EventDialog)
        self.attendanceSpin.setObjectName(u"attendanceSpin")
        self.attendanceSpin.setMaximum(1000000)
        self.attendanceSpin.setSingleStep(50)

        self.attendanceField.addWidget(self.attendanceSpin)

        self.expectedAttendanceError = QLabel(EventDialog)
        self.expectedAttendanceError.setObjectName(u"expectedAttendanceError")
        self.expectedAttendanceError.setWordWrap(True)

        self.attendanceField.addWidget(self.expectedAttendanceError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.attendanceField)

        self.officersLabel = QLabel(EventDialog)
        self.officersLabel.setObjectName(u"officersLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.officersLabel)

        self.officersField = QVBoxLayout()
        self.officersField.setSpacing(0)
        self.officersField.setObjectName(u"officersField")
        self.officersRow = QHBoxLayout()
        self.officersRow.setObjectName(u"officersRow")
        self.officersSpin = QSpinBox(EventDialog)
        self.officersSpin.setObjectName(u"officersSpin")
        self.officersSpin.setMinimum(1)
        self.officersSpin.setMaximum(200)

        self.officersRow.addWidget(self.officersSpin)

        self.supervisorCheck = QCheckBox(EventDialog)
        self.supervisorCheck.setObjectName(u"supervisorCheck")

        self.officersRow.addWidget(self.supervisorCheck)

        self.officersSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.officersRow.addItem(self.officersSpacer)


        self.officersField.addLayout(self.officersRow)

        self.officersRequestedError = QLabel(EventDialog)
        self.officersRequestedError.setObjectName(u"officersRequestedError")
        self.officersRequestedError.setWordWrap(True)

        self.officersField.addWidget(self.officersRequestedError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.officersField)

        self.requesterLabel = QLabel(EventDialog)
        self.requesterLabel.setObjectName(u"requesterLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.requesterLabel)

        self.requesterField = QVBoxLayout()
        self.requesterField.setSpacing(0)
        self.requesterField.setObjectName(u"requesterField")
        self.requesterEdit = QLineEdit(EventDialog)
        self.requesterEdit.setObjectName(u"requesterEdit")
        self.requesterEdit.setMaxLength(200)

        self.requesterField.addWidget(self.requesterEdit)

        self.requesterNameError = QLabel(EventDialog)
        self.requesterNameError.setObjectName(u"requesterNameError")
        self.requesterNameError.setWordWrap(True)

        self.requesterField.addWidget(self.requesterNameError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.requesterField)

        self.contactLabel = QLabel(EventDialog)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactField = QVBoxLayout()
        self.contactField.setSpacing(0)
        self.contactField.setObjectName(u"contactField")
        self.contactEdit = QLineEdit(EventDialog)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(200)

        self.contactField.addWidget(self.contactEdit)

        self.requesterContactError = QLabel(EventDialog)
        self.requesterContactError.setObjectName(u"requesterContactError")
        self.requesterContactError.setWordWrap(True)

        self.contactField.addWidget(self.requesterContactError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.contactField)

        self.agreementLabel = QLabel(EventDialog)
        self.agreementLabel.setObjectName(u"agreementLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.agreementLabel)

        self.agreementField = QVBoxLayout()
        self.agreementField.setSpacing(0)
        self.agreementField.setObjectName(u"agreementField")
        self.agreementCombo = QComboBox(EventDialog)
        self.agreementCombo.setObjectName(u"agreementCombo")

        self.agreementField.addWidget(self.agreementCombo)

        self.agreementIdError = QLabel(EventDialog)
        self.agreementIdError.setObjectName(u"agreementIdError")
        self.agreementIdError.setWordWrap(True)

        self.agreementField.addWidget(self.agreementIdError)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.agreementField)

        self.notesLabel = QLabel(EventDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesField = QVBoxLayout()
        self.notesField.setSpacing(0)
        self.notesField.setObjectName(u"notesField")
        self.notesEdit = QPlainTextEdit(EventDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.notesField.addWidget(self.notesEdit)

        self.notesError = QLabel(EventDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesField.addWidget(self.notesError)


        self.formLayout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.notesField)


        self.dialogLayout.addLayout(self.formLayout)

        self.repeatGroup = QGroupBox(EventDialog)
        self.repeatGroup.setObjectName(u"repeatGroup")
        self.repeatGroup.setCheckable(True)
        self.repeatGroup.setChecked(False)
        self.repeatLayout = QFormLayout(self.repeatGroup)
        self.repeatLayout.setObjectName(u"repeatLayout")
        self.untilLabel = QLabel(self.repeatGroup)
        self.untilLabel.setObjectName(u"untilLabel")

        self.repeatLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.untilLabel)

        self.untilField = QVBoxLayout()
        self.untilField.setSpacing(0)
        self.untilField.setObjectName(u"untilField")
        self.untilEdit = QDateEdit(self.repeatGroup)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.untilField.addWidget(self.untilEdit)

        self.untilError = QLabel(self.repeatGroup)
        self.untilError.setObjectName(u"untilError")
        self.untilError.setWordWrap(True)

        self.untilField.addWidget(self.untilError)


        self.repeatLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.untilField)

        self.exceptionsLabel = QLabel(self.repeatGroup)
        self.exceptionsLabel.setObjectName(u"exceptionsLabel")

        self.repeatLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.exceptionsLabel)

        self.exceptionsField = QVBoxLayout()
        self.exceptionsField.setSpacing(0)
        self.exceptionsField.setObjectName(u"exceptionsField")
        self.exceptionsEdit = QLineEdit(self.repeatGroup)
        self.exceptionsEdit.setObjectName(u"exceptionsEdit")

        self.exceptionsField.addWidget(self.exceptionsEdit)

        self.exceptionsError = QLabel(self.repeatGroup)
        self.exceptionsError.setObjectName(u"exceptionsError")
        self.exceptionsError.setWordWrap(True)

        self.exceptionsField.addWidget(self.exceptionsError)


        self.repeatLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.exceptionsField)

        self.repeatSummary = QLabel(self.repeatGroup)
        self.repeatSummary.setObjectName(u"repeatSummary")
        self.repeatSummary.setWordWrap(True)

        self.repeatLayout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.repeatSummary)


        self.dialogLayout.addWidget(self.repeatGroup)

        self.formMessage = QLabel(EventDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(EventDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.siteLabel.setBuddy(self.siteCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dateLabel.setBuddy(self.dateEdit)
        self.timeLabel.setBuddy(self.startTimeEdit)
        self.toLabel.setBuddy(self.endTimeEdit)
        self.attendanceLabel.setBuddy(self.attendanceSpin)
        self.officersLabel.setBuddy(self.officersSpin)
        self.requesterLabel.setBuddy(self.requesterEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.agreementLabel.setBuddy(self.agreementCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.untilLabel.setBuddy(self.untilEdit)
        self.exceptionsLabel.setBuddy(self.exceptionsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.siteCombo, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.startTimeEdit)
        QWidget.setTabOrder(self.startTimeEdit, self.endTimeEdit)
        QWidget.setTabOrder(self.endTimeEdit, self.attendanceSpin)
        QWidget.setTabOrder(self.attendanceSpin, self.officersSpin)
        QWidget.setTabOrder(self.officersSpin, self.supervisorCheck)
        QWidget.setTabOrder(self.supervisorCheck, self.requesterEdit)
        QWidget.setTabOrder(self.requesterEdit, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.agreementCombo)
        QWidget.setTabOrder(self.agreementCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.repeatGroup)
        QWidget.setTabOrder(self.repeatGroup, self.untilEdit)
        QWidget.setTabOrder(self.untilEdit, self.exceptionsEdit)
        QWidget.setTabOrder(self.exceptionsEdit, self.buttonBox)

        self.retranslateUi(EventDialog)

        QMetaObject.connectSlotsByName(EventDialog)
    # setupUi

    def retranslateUi(self, EventDialog):
        EventDialog.setWindowTitle(QCoreApplication.translate("EventDialog", u"Request event coverage", None))
        self.siteLabel.setText(QCoreApplication.translate("EventDialog", u"&School or site", None))
#if QT_CONFIG(accessibility)
        self.siteCombo.setAccessibleName(QCoreApplication.translate("EventDialog", u"School or site", None))
#endif // QT_CONFIG(accessibility)
        self.siteIdError.setText("")
        self.typeLabel.setText(QCoreApplication.translate("EventDialog", u"&Type of event", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("EventDialog", u"Type of event", None))
#endif // QT_CONFIG(accessibility)
        self.eventTypeError.setText("")
        self.titleLabel.setText(QCoreApplication.translate("EventDialog", u"T&itle", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"e.g. Varsity football vs. Conard", None))
        self.titleError.setText("")
        self.dateLabel.setText(QCoreApplication.translate("EventDialog", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"ddd d MMM yyyy", None))
        self.timeLabel.setText(QCoreApplication.translate("EventDialog", u"&From", None))
#if QT_CONFIG(accessibility)
        self.startTimeEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Start time (local)", None))
#endif // QT_CONFIG(accessibility)
        self.startTimeEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.toLabel.setText(QCoreApplication.translate("EventDialog", u"&to", None))
#if QT_CONFIG(accessibility)
        self.endTimeEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"End time (local)", None))
#endif // QT_CONFIG(accessibility)
        self.endTimeEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"HH:mm", None))
        self.durationLabel.setText("")
        self.startError.setText("")
        self.endError.setText("")
        self.attendanceLabel.setText(QCoreApplication.translate("EventDialog", u"Expected &attendance", None))
#if QT_CONFIG(accessibility)
        self.attendanceSpin.setAccessibleName(QCoreApplication.translate("EventDialog", u"Expected attendance", None))
#endif // QT_CONFIG(accessibility)
        self.attendanceSpin.setSpecialValueText(QCoreApplication.translate("EventDialog", u"Not known", None))
        self.expectedAttendanceError.setText("")
        self.officersLabel.setText(QCoreApplication.translate("EventDialog", u"&Officers requested", None))
#if QT_CONFIG(accessibility)
        self.officersSpin.setAccessibleName(QCoreApplication.translate("EventDialog", u"Officers requested", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.supervisorCheck.setAccessibleName(QCoreApplication.translate("EventDialog", u"Supervisor required", None))
#endif // QT_CONFIG(accessibility)
        self.supervisorCheck.setText(QCoreApplication.translate("EventDialog", u"A s&upervisor is required", None))
        self.officersRequestedError.setText("")
        self.requesterLabel.setText(QCoreApplication.translate("EventDialog", u"&Requested by", None))
#if QT_CONFIG(accessibility)
        self.requesterEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Requested by", None))
#endif // QT_CONFIG(accessibility)
        self.requesterNameError.setText("")
        self.contactLabel.setText(QCoreApplication.translate("EventDialog", u"&Contact", None))
#if QT_CONFIG(accessibility)
        self.contactEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Contact (phone or e-mail)", None))
#endif // QT_CONFIG(accessibility)
        self.contactEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"phone or e-mail", None))
        self.requesterContactError.setText("")
        self.agreementLabel.setText(QCoreApplication.translate("EventDialog", u"A&greement", None))
#if QT_CONFIG(accessibility)
        self.agreementCombo.setAccessibleName(QCoreApplication.translate("EventDialog", u"Agreement", None))
#endif // QT_CONFIG(accessibility)
        self.agreementIdError.setText("")
        self.notesLabel.setText(QCoreApplication.translate("EventDialog", u"&Notes", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
#if QT_CONFIG(accessibility)
        self.repeatGroup.setAccessibleName(QCoreApplication.translate("EventDialog", u"Repeat weekly", None))
#endif // QT_CONFIG(accessibility)
        self.repeatGroup.setTitle(QCoreApplication.translate("EventDialog", u"Repeat &weekly (a season of games)", None))
        self.untilLabel.setText(QCoreApplication.translate("EventDialog", u"Repeat weekly &until", None))
#if QT_CONFIG(accessibility)
        self.untilEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Repeat weekly until", None))
#endif // QT_CONFIG(accessibility)
        self.untilEdit.setDisplayFormat(QCoreApplication.translate("EventDialog", u"ddd d MMM yyyy", None))
        self.untilError.setText("")
        self.exceptionsLabel.setText(QCoreApplication.translate("EventDialog", u"E&xcept on", None))
#if QT_CONFIG(accessibility)
        self.exceptionsEdit.setAccessibleName(QCoreApplication.translate("EventDialog", u"Dates to skip", None))
#endif // QT_CONFIG(accessibility)
        self.exceptionsEdit.setPlaceholderText(QCoreApplication.translate("EventDialog", u"dates to skip, e.g. 2026-10-09, 2026-11-27", None))
        self.exceptionsError.setText("")
        self.repeatSummary.setText("")
        self.formMessage.setText("")
    # retranslateUi

