# Generated from ui/sro_appointment_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_appointment_dialog.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_SroAppointmentDialog(object):
    def setupUi(self, SroAppointmentDialog):
        if not SroAppointmentDialog.objectName():
            SroAppointmentDialog.setObjectName(u"SroAppointmentDialog")
        SroAppointmentDialog.resize(560, 0)
        SroAppointmentDialog.setMinimumSize(QSize(560, 0))
        self.dialogLayout = QVBoxLayout(SroAppointmentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.siteComboLabel = QLabel(SroAppointmentDialog)
        self.siteComboLabel.setObjectName(u"siteComboLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.siteComboLabel)

        self.siteComboField = QVBoxLayout()
        self.siteComboField.setSpacing(0)
        self.siteComboField.setObjectName(u"siteComboField")
        self.siteCombo = QComboBox(SroAppointmentDialog)
        self.siteCombo.setObjectName(u"siteCombo")

        self.siteComboField.addWidget(self.siteCombo)

        self.siteIdError = QLabel(SroAppointmentDialog)
        self.siteIdError.setObjectName(u"siteIdError")
        self.siteIdError.setWordWrap(True)

        self.siteComboField.addWidget(self.siteIdError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.siteComboField)

        self.officerComboLabel = QLabel(SroAppointmentDialog)
        self.officerComboLabel.setObjectName(u"officerComboLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.officerComboLabel)

        self.officerComboField = QVBoxLayout()
        self.officerComboField.setSpacing(0)
        self.officerComboField.setObjectName(u"officerComboField")
        self.officerCombo = QComboBox(SroAppointmentDialog)
        self.officerCombo.setObjectName(u"officerCombo")

        self.officerComboField.addWidget(self.officerCombo)

        self.officerIdError = QLabel(SroAppointmentDialog)
        self.officerIdError.setObjectName(u"officerIdError")
        self.officerIdError.setWordWrap(True)

        self.officerComboField.addWidget(self.officerIdError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.officerComboField)

        self.eligibilityLabel = QLabel(SroAppointmentDialog)
        self.eligibilityLabel.setObjectName(u"eligibilityLabel")
        self.eligibilityLabel.setWordWrap(True)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.eligibilityLabel)

        self.schoolYearEditLabel = QLabel(SroAppointmentDialog)
        self.schoolYearEditLabel.setObjectName(u"schoolYearEditLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.schoolYearEditLabel)

        self.schoolYearEditField = QVBoxLayout()
        self.schoolYearEditField.setSpacing(0)
        self.schoolYearEditField.setObjectName(u"schoolYearEditField")
        self.schoolYearEdit = QLineEdit(SroAppointmentDialog)
        self.schoolYearEdit.setObjectName(u"schoolYearEdit")

        self.schoolYearEditField.addWidget(self.schoolYearEdit)

        self.schoolYearError = QLabel(SroAppointmentDialog)
        self.schoolYearError.setObjectName(u"schoolYearError")
        self.schoolYearError.setWordWrap(True)

        self.schoolYearEditField.addWidget(self.schoolYearError)


        self.formLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.schoolYearEditField)

        self.startDateEditLabel = QLabel(SroAppointmentDialog)
        self.startDateEditLabel.setObjectName(u"startDateEditLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startDateEditLabel)

        self.startDateEditField = QVBoxLayout()
        self.startDateEditField.setSpacing(0)
        self.startDateEditField.setObjectName(u"startDateEditField")
        self.startDateEdit = QLineEdit(SroAppointmentDialog)
        self.startDateEdit.setObjectName(u"startDateEdit")

        self.startDateEditField.addWidget(self.startDateEdit)

        self.startDateError = QLabel(SroAppointmentDialog)
        self.startDateError.setObjectName(u"startDateError")
        self.startDateError.setWordWrap(True)

        self.startDateEditField.addWidget(self.startDateError)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.startDateEditField)

        self.endDateEditLabel = QLabel(SroAppointmentDialog)
        self.endDateEditLabel.setObjectName(u"endDateEditLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.endDateEditLabel)

        self.endDateEditField = QVBoxLayout()
        self.endDateEditField.setSpacing(0)
        self.endDateEditField.setObjectName(u"endDateEditField")
        self.endDateEdit = QLineEdit(SroAppointmentDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")

        self.endDateEditField.addWidget(self.endDateEdit)

        self.endDateError = QLabel(SroAppointmentDialog)
        self.endDateError.setObjectName(u"endDateError")
        self.endDateError.setWordWrap(True)

        self.endDateEditField.addWidget(self.endDateError)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.endDateEditField)

        self.appointedByComboLabel = QLabel(SroAppointmentDialog)
        self.appointedByComboLabel.setObjectName(u"appointedByComboLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.appointedByComboLabel)

        self.appointedByComboField = QVBoxLayout()
        self.appointedByComboField.setSpacing(0)
        self.appointedByComboField.setObjectName(u"appointedByComboField")
        self.appointedByCombo = QComboBox(SroAppointmentDialog)
        self.appointedByCombo.setObjectName(u"appointedByCombo")

        self.appointedByComboField.addWidget(self.appointedByCombo)

        self.appointedByIdError = QLabel(SroAppointmentDialog)
        self.appointedByIdError.setObjectName(u"appointedByIdError")
        self.appointedByIdError.setWordWrap(True)

        self.appointedByComboField.addWidget(self.appointedByIdError)


        self.formLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.appointedByComboField)

        self.appointedOnEditLabel = QLabel(SroAppointmentDialog)
        self.appointedOnEditLabel.setObjectName(u"appointedOnEditLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.appointedOnEditLabel)

        self.appointedOnEditField = QVBoxLayout()
        self.appointedOnEditField.setSpacing(0)
        self.appointedOnEditField.setObjectName(u"appointedOnEditField")
        self.appointedOnEdit = QLineEdit(SroAppointmentDialog)
        self.appointedOnEdit.setObjectName(u"appointedOnEdit")

        self.appointedOnEditField.addWidget(self.appointedOnEdit)

        self.appointedOnError = QLabel(SroAppointmentDialog)
        self.appointedOnError.setObjectName(u"appointedOnError")
        self.appointedOnError.setWordWrap(True)

        self.appointedOnEditField.addWidget(self.appointedOnError)


        self.formLayout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.appointedOnEditField)

        self.superintendentComboLabel = QLabel(SroAppointmentDialog)
        self.superintendentComboLabel.setObjectName(u"superintendentComboLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.superintendentComboLabel)

        self.superintendentComboField = QVBoxLayout()
        self.superintendentComboField.setSpacing(0)
        self.superintendentComboField.setObjectName(u"superintendentComboField")
        self.superintendentCombo = QComboBox(SroAppointmentDialog)
        self.superintendentCombo.setObjectName(u"superintendentCombo")

        self.superintendentComboField.addWidget(self.superintendentCombo)

        self.superintendentIdError = QLabel(SroAppointmentDialog)
        self.superintendentIdError.setObjectName(u"superintendentIdError")
        self.superintendentIdError.setWordWrap(True)

        self.superintendentComboField.addWidget(self.superintendentIdError)


        self.formLayout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.superintendentComboField)

        self.agreedOnEditLabel = QLabel(SroAppointmentDialog)
        self.agreedOnEditLabel.setObjectName(u"agreedOnEditLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.agreedOnEditLabel)

        self.agreedOnEditField = QVBoxLayout()
        self.agreedOnEditField.setSpacing(0)
        self.agreedOnEditField.setObjectName(u"agreedOnEditField")
        self.agreedOnEdit = QLineEdit(SroAppointmentDialog)
        self.agreedOnEdit.setObjectName(u"agreedOnEdit")

        self.agreedOnEditField.addWidget(self.agreedOnEdit)

        self.superintendentAgreedOnError = QLabel(SroAppointmentDialog)
        self.superintendentAgreedOnError.setObjectName(u"superintendentAgreedOnError")
        self.superintendentAgreedOnError.setWordWrap(True)

        self.agreedOnEditField.addWidget(self.superintendentAgreedOnError)


        self.formLayout.setLayout(9, QFormLayout.ItemRole.FieldRole, self.agreedOnEditField)

        self.agreementComboLabel = QLabel(SroAppointmentDialog)
        self.agreementComboLabel.setObjectName(u"agreementComboLabel")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.agreementComboLabel)

        self.agreementComboField = QVBoxLayout()
        self.agreementComboField.setSpacing(0)
        self.agreementComboField.setObjectName(u"agreementComboField")
        self.agreementCombo = QComboBox(SroAppointmentDialog)
        self.agreementCombo.setObjectName(u"agreementCombo")

        self.agreementComboField.addWidget(self.agreementCombo)

        self.agreementIdError = QLabel(SroAppointmentDialog)
        self.agreementIdError.setObjectName(u"agreementIdError")
        self.agreementIdError.setWordWrap(True)

        self.agreementComboField.addWidget(self.agreementIdError)


        self.formLayout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.agreementComboField)

        self.dutyDaysLabel = QLabel(SroAppointmentDialog)
        self.dutyDaysLabel.setObjectName(u"dutyDaysLabel")

        self.formLayout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.dutyDaysLabel)

        self.dutyDaysField = QVBoxLayout()
        self.dutyDaysField.setSpacing(0)
        self.dutyDaysField.setObjectName(u"dutyDaysField")
        self.dutyDaysBoxes = QHBoxLayout()
        self.dutyDaysBoxes.setObjectName(u"dutyDaysBoxes")
        self.day0Check = QCheckBox(SroAppointmentDialog)
        self.day0Check.setObjectName(u"day0Check")

        self.dutyDaysBoxes.addWidget(self.day0Check)

        self.day1Check = QCheckBox(SroAppointmentDialog)
        self.day1Check.setObjectName(u"day1Check")

        self.dutyDaysBoxes.addWidget(self.day1Check)

        self.day2Check = QCheckBox(SroAppointmentDialog)
        self.day2Check.setObjectName(u"day2Check")

        self.dutyDaysBoxes.addWidget(self.day2Check)

        self.day3Check = QCheckBox(SroAppointmentDialog)
        self.day3Check.setObjectName(u"day3Check")

        self.dutyDaysBoxes.addWidget(self.day3Check)

        self.day4Check = QCheckBox(SroAppointmentDialog)
        self.day4Check.setObjectName(u"day4Check")

        self.dutyDaysBoxes.addWidget(self.day4Check)

        self.day5Check = QCheckBox(SroAppointmentDialog)
        self.day5Check.setObjectName(u"day5Check")

        self.dutyDaysBoxes.addWidget(self.day5Check)

        self.day6Check = QCheckBox(SroAppointmentDialog)
        self.day6Check.setObjectName(u"day6Check")

        self.dutyDaysBoxes.addWidget(self.day6Check)


        self.dutyDaysField.addLayout(self.dutyDaysBoxes)

        self.dutyError = QLabel(SroAppointmentDialog)
        self.dutyError.setObjectName(u"dutyError")
        self.dutyError.setWordWrap(True)

        self.dutyDaysField.addWidget(self.dutyError)


        self.formLayout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.dutyDaysField)

        self.dutyStartEditLabel = QLabel(SroAppointmentDialog)
        self.dutyStartEditLabel.setObjectName(u"dutyStartEditLabel")

        self.formLayout.setWidget(12, QFormLayout.ItemRole.LabelRole, self.dutyStartEditLabel)

        self.dutyStartEditField = QVBoxLayout()
        self.dutyStartEditField.setSpacing(0)
        self.dutyStartEditField.setObjectName(u"dutyStartEditField")
        self.dutyStartEdit = QLineEdit(SroAppointmentDialog)
        self.dutyStartEdit.setObjectName(u"dutyStartEdit")

        self.dutyStartEditField.addWidget(self.dutyStartEdit)


        self.formLayout.setLayout(12, QFormLayout.ItemRole.FieldRole, self.dutyStartEditField)

        self.dutyEndEditLabel = QLabel(SroAppointmentDialog)
        self.dutyEndEditLabel.setObjectName(u"dutyEndEditLabel")

        self.formLayout.setWidget(13, QFormLayout.ItemRole.LabelRole, self.dutyEndEditLabel)

        self.dutyEndEditField = QVBoxLayout()
        self.dutyEndEditField.setSpacing(0)
        self.dutyEndEditField.setObjectName(u"dutyEndEditField")
        self.dutyEndEdit = QLineEdit(SroAppointmentDialog)
        self.dutyEndEdit.setObjectName(u"dutyEndEdit")

        self.dutyEndEditField.addWidget(self.dutyEndEdit)


        self.formLayout.setLayout(13, QFormLayout.ItemRole.FieldRole, self.dutyEndEditField)

        self.overrideEditLabel = QLabel(SroAppointmentDialog)
        self.overrideEditLabel.setObjectName(u"overrideEditLabel")

        self.formLayout.setWidget(14, QFormLayout.ItemRole.LabelRole, self.overrideEditLabel)

        self.overrideEditField = QVBoxLayout()
        self.overrideEditField.setSpacing(0)
        self.overrideEditField.setObjectName(u"overrideEditField")
        self.overrideEdit = QPlainTextEdit(SroAppointmentDialog)
        self.overrideEdit.setObjectName(u"overrideEdit")
        self.overrideEdit.setMinimumSize(QSize(0, 50))
        self.overrideEdit.setTabChangesFocus(True)

        self.overrideEditField.addWidget(self.overrideEdit)

        self.eligibilityOverrideReasonError = QLabel(SroAppointmentDialog)
        self.eligibilityOverrideReasonError.setObjectName(u"eligibilityOverrideReasonError")
        self.eligibilityOverrideReasonError.setWordWrap(True)

        self.overrideEditField.addWidget(self.eligibilityOverrideReasonError)


        self.formLayout.setLayout(14, QFormLayout.ItemRole.FieldRole, self.overrideEditField)

        self.allowOverlapCheck = QCheckBox(SroAppointmentDialog)
        self.allowOverlapCheck.setObjectName(u"allowOverlapCheck")

        self.formLayout.setWidget(15, QFormLayout.ItemRole.FieldRole, self.allowOverlapCheck)

        self.notesEditLabel = QLabel(SroAppointmentDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.formLayout.setWidget(16, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEditField = QVBoxLayout()
        self.notesEditField.setSpacing(0)
        self.notesEditField.setObjectName(u"notesEditField")
        self.notesEdit = QPlainTextEdit(SroAppointmentDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMinimumSize(QSize(0, 50))
        self.notesEdit.setTabChangesFocus(True)

        self.notesEditField.addWidget(self.notesEdit)

        self.notesError = QLabel(SroAppointmentDialog)
        self.notesError.setObjectName(u"notesError")
        self.notesError.setWordWrap(True)

        self.notesEditField.addWidget(self.notesError)


        self.formLayout.setLayout(16, QFormLayout.ItemRole.FieldRole, self.notesEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroAppointmentDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroAppointmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.siteComboLabel.setBuddy(self.siteCombo)
        self.officerComboLabel.setBuddy(self.officerCombo)
        self.schoolYearEditLabel.setBuddy(self.schoolYearEdit)
        self.startDateEditLabel.setBuddy(self.startDateEdit)
        self.endDateEditLabel.setBuddy(self.endDateEdit)
        self.appointedByComboLabel.setBuddy(self.appointedByCombo)
        self.appointedOnEditLabel.setBuddy(self.appointedOnEdit)
        self.superintendentComboLabel.setBuddy(self.superintendentCombo)
        self.agreedOnEditLabel.setBuddy(self.agreedOnEdit)
        self.agreementComboLabel.setBuddy(self.agreementCombo)
        self.dutyDaysLabel.setBuddy(self.day0Check)
        self.dutyStartEditLabel.setBuddy(self.dutyStartEdit)
        self.dutyEndEditLabel.setBuddy(self.dutyEndEdit)
        self.overrideEditLabel.setBuddy(self.overrideEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.siteCombo, self.officerCombo)
        QWidget.setTabOrder(self.officerCombo, self.schoolYearEdit)
        QWidget.setTabOrder(self.schoolYearEdit, self.startDateEdit)
        QWidget.setTabOrder(self.startDateEdit, self.endDateEdit)
        QWidget.setTabOrder(self.endDateEdit, self.appointedByCombo)
        QWidget.setTabOrder(self.appointedByCombo, self.appointedOnEdit)
        QWidget.setTabOrder(self.appointedOnEdit, self.superintendentCombo)
        QWidget.setTabOrder(self.superintendentCombo, self.agreedOnEdit)
        QWidget.setTabOrder(self.agreedOnEdit, self.agreementCombo)
        QWidget.setTabOrder(self.agreementCombo, self.day0Check)
        QWidget.setTabOrder(self.day0Check, self.day1Check)
        QWidget.setTabOrder(self.day1Check, self.day2Check)
        QWidget.setTabOrder(self.day2Check, self.day3Check)
        QWidget.setTabOrder(self.day3Check, self.day4Check)
        QWidget.setTabOrder(self.day4Check, self.day5Check)
        QWidget.setTabOrder(self.day5Check, self.day6Check)
        QWidget.setTabOrder(self.day6Check, self.dutyStartEdit)
        QWidget.setTabOrder(self.dutyStartEdit, self.dutyEndEdit)
        QWidget.setTabOrder(self.dutyEndEdit, self.overrideEdit)
        QWidget.setTabOrder(self.overrideEdit, self.allowOverlapCheck)
        QWidget.setTabOrder(self.allowOverlapCheck, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.buttonBox)

        self.retranslateUi(SroAppointmentDialog)

        QMetaObject.connectSlotsByName(SroAppointmentDialog)
    # setupUi

    def retranslateUi(self, SroAppointmentDialog):
        SroAppointmentDialog.setWindowTitle(QCoreApplication.translate("SroAppointmentDialog", u"SRO appointment", None))
        self.siteComboLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"&School", None))
#if QT_CONFIG(accessibility)
        self.siteCombo.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"School", None))
#endif // QT_CONFIG(accessibility)
        self.siteIdError.setText("")
        self.officerComboLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Offi&cer", None))
#if QT_CONFIG(accessibility)
        self.officerCombo.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Officer", None))
#endif // QT_CONFIG(accessibility)
        self.officerIdError.setText("")
        self.eligibilityLabel.setText("")
        self.schoolYearEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"School &year", None))
#if QT_CONFIG(accessibility)
        self.schoolYearEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"School year", None))
#endif // QT_CONFIG(accessibility)
        self.schoolYearEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"e.g. 2026-27", None))
        self.schoolYearError.setText("")
        self.startDateEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"&First day", None))
#if QT_CONFIG(accessibility)
        self.startDateEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"First day", None))
#endif // QT_CONFIG(accessibility)
        self.startDateEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"YYYY-MM-DD", None))
        self.startDateError.setText("")
        self.endDateEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"&Last day", None))
#if QT_CONFIG(accessibility)
        self.endDateEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Last day", None))
#endif // QT_CONFIG(accessibility)
        self.endDateEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"YYYY-MM-DD (blank: end of the school year)", None))
        self.endDateError.setText("")
        self.appointedByComboLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Appointed &by", None))
#if QT_CONFIG(accessibility)
        self.appointedByCombo.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Appointed by (chief or designee)", None))
#endif // QT_CONFIG(accessibility)
        self.appointedByIdError.setText("")
        self.appointedOnEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"&Date of appointment", None))
#if QT_CONFIG(accessibility)
        self.appointedOnEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Date of appointment", None))
#endif // QT_CONFIG(accessibility)
        self.appointedOnEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"YYYY-MM-DD", None))
        self.appointedOnError.setText("")
        self.superintendentComboLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"S&uperintendent", None))
#if QT_CONFIG(accessibility)
        self.superintendentCombo.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Superintendent consulted", None))
#endif // QT_CONFIG(accessibility)
        self.superintendentIdError.setText("")
        self.agreedOnEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Superintendent &agreed on", None))
#if QT_CONFIG(accessibility)
        self.agreedOnEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Superintendent agreed on", None))
#endif // QT_CONFIG(accessibility)
        self.agreedOnEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"YYYY-MM-DD", None))
        self.superintendentAgreedOnError.setText("")
        self.agreementComboLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"A&greement", None))
#if QT_CONFIG(accessibility)
        self.agreementCombo.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Agreement", None))
#endif // QT_CONFIG(accessibility)
        self.agreementIdError.setText("")
        self.dutyDaysLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Du&ty days", None))
        self.day0Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Mon", None))
#if QT_CONFIG(accessibility)
        self.day0Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Monday", None))
#endif // QT_CONFIG(accessibility)
        self.day1Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Tue", None))
#if QT_CONFIG(accessibility)
        self.day1Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Tuesday", None))
#endif // QT_CONFIG(accessibility)
        self.day2Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Wed", None))
#if QT_CONFIG(accessibility)
        self.day2Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Wednesday", None))
#endif // QT_CONFIG(accessibility)
        self.day3Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Thu", None))
#if QT_CONFIG(accessibility)
        self.day3Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Thursday", None))
#endif // QT_CONFIG(accessibility)
        self.day4Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Fri", None))
#if QT_CONFIG(accessibility)
        self.day4Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Friday", None))
#endif // QT_CONFIG(accessibility)
        self.day5Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Sat", None))
#if QT_CONFIG(accessibility)
        self.day5Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Saturday", None))
#endif // QT_CONFIG(accessibility)
        self.day6Check.setText(QCoreApplication.translate("SroAppointmentDialog", u"Sun", None))
#if QT_CONFIG(accessibility)
        self.day6Check.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"On duty Sunday", None))
#endif // QT_CONFIG(accessibility)
        self.dutyError.setText("")
        self.dutyStartEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Duty sta&rts", None))
#if QT_CONFIG(accessibility)
        self.dutyStartEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Duty starts (local time)", None))
#endif // QT_CONFIG(accessibility)
        self.dutyStartEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"HH:MM", None))
        self.dutyEndEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Duty e&nds", None))
#if QT_CONFIG(accessibility)
        self.dutyEndEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Duty ends (local time)", None))
#endif // QT_CONFIG(accessibility)
        self.dutyEndEdit.setPlaceholderText(QCoreApplication.translate("SroAppointmentDialog", u"HH:MM", None))
        self.overrideEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"&Override reason", None))
#if QT_CONFIG(accessibility)
        self.overrideEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Reason for overriding eligibility", None))
#endif // QT_CONFIG(accessibility)
        self.eligibilityOverrideReasonError.setText("")
#if QT_CONFIG(accessibility)
        self.allowOverlapCheck.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Allow a second SRO", None))
#endif // QT_CONFIG(accessibility)
        self.allowOverlapCheck.setText(QCoreApplication.translate("SroAppointmentDialog", u"Allow a second SRO (overlapping appointment)", None))
        self.notesEditLabel.setText(QCoreApplication.translate("SroAppointmentDialog", u"Not&es", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("SroAppointmentDialog", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.notesError.setText("")
        self.formMessage.setText("")
    # retranslateUi

