# Generated from ui/sro_schedule_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_schedule_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QGridLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_SroScheduleDialog(object):
    def setupUi(self, SroScheduleDialog):
        if not SroScheduleDialog.objectName():
            SroScheduleDialog.setObjectName(u"SroScheduleDialog")
        SroScheduleDialog.resize(460, 0)
        SroScheduleDialog.setMinimumSize(QSize(460, 0))
        self.dialogLayout = QVBoxLayout(SroScheduleDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.summaryLabel = QLabel(SroScheduleDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summaryLabel)

        self.scheduleGrid = QGridLayout()
        self.scheduleGrid.setObjectName(u"scheduleGrid")
        self.scheduleGrid.setVerticalSpacing(2)
        self.startHeader = QLabel(SroScheduleDialog)
        self.startHeader.setObjectName(u"startHeader")

        self.scheduleGrid.addWidget(self.startHeader, 0, 1, 1, 1)

        self.endHeader = QLabel(SroScheduleDialog)
        self.endHeader.setObjectName(u"endHeader")

        self.scheduleGrid.addWidget(self.endHeader, 0, 2, 1, 1)

        self.day0Check = QCheckBox(SroScheduleDialog)
        self.day0Check.setObjectName(u"day0Check")

        self.scheduleGrid.addWidget(self.day0Check, 1, 0, 1, 1)

        self.day0Start = QLineEdit(SroScheduleDialog)
        self.day0Start.setObjectName(u"day0Start")

        self.scheduleGrid.addWidget(self.day0Start, 1, 1, 1, 1)

        self.day0End = QLineEdit(SroScheduleDialog)
        self.day0End.setObjectName(u"day0End")

        self.scheduleGrid.addWidget(self.day0End, 1, 2, 1, 1)

        self.duty0Error = QLabel(SroScheduleDialog)
        self.duty0Error.setObjectName(u"duty0Error")
        self.duty0Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty0Error, 2, 0, 1, 3)

        self.day1Check = QCheckBox(SroScheduleDialog)
        self.day1Check.setObjectName(u"day1Check")

        self.scheduleGrid.addWidget(self.day1Check, 3, 0, 1, 1)

        self.day1Start = QLineEdit(SroScheduleDialog)
        self.day1Start.setObjectName(u"day1Start")

        self.scheduleGrid.addWidget(self.day1Start, 3, 1, 1, 1)

        self.day1End = QLineEdit(SroScheduleDialog)
        self.day1End.setObjectName(u"day1End")

        self.scheduleGrid.addWidget(self.day1End, 3, 2, 1, 1)

        self.duty1Error = QLabel(SroScheduleDialog)
        self.duty1Error.setObjectName(u"duty1Error")
        self.duty1Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty1Error, 4, 0, 1, 3)

        self.day2Check = QCheckBox(SroScheduleDialog)
        self.day2Check.setObjectName(u"day2Check")

        self.scheduleGrid.addWidget(self.day2Check, 5, 0, 1, 1)

        self.day2Start = QLineEdit(SroScheduleDialog)
        self.day2Start.setObjectName(u"day2Start")

        self.scheduleGrid.addWidget(self.day2Start, 5, 1, 1, 1)

        self.day2End = QLineEdit(SroScheduleDialog)
        self.day2End.setObjectName(u"day2End")

        self.scheduleGrid.addWidget(self.day2End, 5, 2, 1, 1)

        self.duty2Error = QLabel(SroScheduleDialog)
        self.duty2Error.setObjectName(u"duty2Error")
        self.duty2Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty2Error, 6, 0, 1, 3)

        self.day3Check = QCheckBox(SroScheduleDialog)
        self.day3Check.setObjectName(u"day3Check")

        self.scheduleGrid.addWidget(self.day3Check, 7, 0, 1, 1)

        self.day3Start = QLineEdit(SroScheduleDialog)
        self.day3Start.setObjectName(u"day3Start")

        self.scheduleGrid.addWidget(self.day3Start, 7, 1, 1, 1)

        self.day3End = QLineEdit(SroScheduleDialog)
        self.day3End.setObjectName(u"day3End")

        self.scheduleGrid.addWidget(self.day3End, 7, 2, 1, 1)

        self.duty3Error = QLabel(SroScheduleDialog)
        self.duty3Error.setObjectName(u"duty3Error")
        self.duty3Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty3Error, 8, 0, 1, 3)

        self.day4Check = QCheckBox(SroScheduleDialog)
        self.day4Check.setObjectName(u"day4Check")

        self.scheduleGrid.addWidget(self.day4Check, 9, 0, 1, 1)

        self.day4Start = QLineEdit(SroScheduleDialog)
        self.day4Start.setObjectName(u"day4Start")

        self.scheduleGrid.addWidget(self.day4Start, 9, 1, 1, 1)

        self.day4End = QLineEdit(SroScheduleDialog)
        self.day4End.setObjectName(u"day4End")

        self.scheduleGrid.addWidget(self.day4End, 9, 2, 1, 1)

        self.duty4Error = QLabel(SroScheduleDialog)
        self.duty4Error.setObjectName(u"duty4Error")
        self.duty4Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty4Error, 10, 0, 1, 3)

        self.day5Check = QCheckBox(SroScheduleDialog)
        self.day5Check.setObjectName(u"day5Check")

        self.scheduleGrid.addWidget(self.day5Check, 11, 0, 1, 1)

        self.day5Start = QLineEdit(SroScheduleDialog)
        self.day5Start.setObjectName(u"day5Start")

        self.scheduleGrid.addWidget(self.day5Start, 11, 1, 1, 1)

        self.day5End = QLineEdit(SroScheduleDialog)
        self.day5End.setObjectName(u"day5End")

        self.scheduleGrid.addWidget(self.day5End, 11, 2, 1, 1)

        self.duty5Error = QLabel(SroScheduleDialog)
        self.duty5Error.setObjectName(u"duty5Error")
        self.duty5Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty5Error, 12, 0, 1, 3)

        self.day6Check = QCheckBox(SroScheduleDialog)
        self.day6Check.setObjectName(u"day6Check")

        self.scheduleGrid.addWidget(self.day6Check, 13, 0, 1, 1)

        self.day6Start = QLineEdit(SroScheduleDialog)
        self.day6Start.setObjectName(u"day6Start")

        self.scheduleGrid.addWidget(self.day6Start, 13, 1, 1, 1)

        self.day6End = QLineEdit(SroScheduleDialog)
        self.day6End.setObjectName(u"day6End")

        self.scheduleGrid.addWidget(self.day6End, 13, 2, 1, 1)

        self.duty6Error = QLabel(SroScheduleDialog)
        self.duty6Error.setObjectName(u"duty6Error")
        self.duty6Error.setWordWrap(True)

        self.scheduleGrid.addWidget(self.duty6Error, 14, 0, 1, 3)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.SpanningRole, self.scheduleGrid)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroScheduleDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroScheduleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.day0Check, self.day0Start)
        QWidget.setTabOrder(self.day0Start, self.day0End)
        QWidget.setTabOrder(self.day0End, self.day1Check)
        QWidget.setTabOrder(self.day1Check, self.day1Start)
        QWidget.setTabOrder(self.day1Start, self.day1End)
        QWidget.setTabOrder(self.day1End, self.day2Check)
        QWidget.setTabOrder(self.day2Check, self.day2Start)
        QWidget.setTabOrder(self.day2Start, self.day2End)
        QWidget.setTabOrder(self.day2End, self.day3Check)
        QWidget.setTabOrder(self.day3Check, self.day3Start)
        QWidget.setTabOrder(self.day3Start, self.day3End)
        QWidget.setTabOrder(self.day3End, self.day4Check)
        QWidget.setTabOrder(self.day4Check, self.day4Start)
        QWidget.setTabOrder(self.day4Start, self.day4End)
        QWidget.setTabOrder(self.day4End, self.day5Check)
        QWidget.setTabOrder(self.day5Check, self.day5Start)
        QWidget.setTabOrder(self.day5Start, self.day5End)
        QWidget.setTabOrder(self.day5End, self.day6Check)
        QWidget.setTabOrder(self.day6Check, self.day6Start)
        QWidget.setTabOrder(self.day6Start, self.day6End)
        QWidget.setTabOrder(self.day6End, self.buttonBox)

        self.retranslateUi(SroScheduleDialog)

        QMetaObject.connectSlotsByName(SroScheduleDialog)
    # setupUi

    def retranslateUi(self, SroScheduleDialog):
        SroScheduleDialog.setWindowTitle(QCoreApplication.translate("SroScheduleDialog", u"SRO duty schedule", None))
        self.summaryLabel.setText("")
        self.startHeader.setText(QCoreApplication.translate("SroScheduleDialog", u"Starts (HH:MM)", None))
        self.endHeader.setText(QCoreApplication.translate("SroScheduleDialog", u"Ends (HH:MM)", None))
        self.day0Check.setText(QCoreApplication.translate("SroScheduleDialog", u"&Monday", None))
#if QT_CONFIG(accessibility)
        self.day0Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Monday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day0Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Monday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day0Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day0End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Monday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day0End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty0Error.setText("")
        self.day1Check.setText(QCoreApplication.translate("SroScheduleDialog", u"T&uesday", None))
#if QT_CONFIG(accessibility)
        self.day1Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Tuesday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day1Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Tuesday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day1Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day1End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Tuesday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day1End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty1Error.setText("")
        self.day2Check.setText(QCoreApplication.translate("SroScheduleDialog", u"&Wednesday", None))
#if QT_CONFIG(accessibility)
        self.day2Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Wednesday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day2Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Wednesday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day2Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day2End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Wednesday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day2End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty2Error.setText("")
        self.day3Check.setText(QCoreApplication.translate("SroScheduleDialog", u"T&hursday", None))
#if QT_CONFIG(accessibility)
        self.day3Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Thursday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day3Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Thursday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day3Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day3End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Thursday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day3End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty3Error.setText("")
        self.day4Check.setText(QCoreApplication.translate("SroScheduleDialog", u"&Friday", None))
#if QT_CONFIG(accessibility)
        self.day4Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Friday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day4Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Friday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day4Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day4End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Friday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day4End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty4Error.setText("")
        self.day5Check.setText(QCoreApplication.translate("SroScheduleDialog", u"S&aturday", None))
#if QT_CONFIG(accessibility)
        self.day5Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Saturday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day5Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Saturday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day5Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day5End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Saturday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day5End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty5Error.setText("")
        self.day6Check.setText(QCoreApplication.translate("SroScheduleDialog", u"Su&nday", None))
#if QT_CONFIG(accessibility)
        self.day6Check.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Sunday: on duty", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.day6Start.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Sunday starts", None))
#endif // QT_CONFIG(accessibility)
        self.day6Start.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.day6End.setAccessibleName(QCoreApplication.translate("SroScheduleDialog", u"Sunday ends", None))
#endif // QT_CONFIG(accessibility)
        self.day6End.setPlaceholderText(QCoreApplication.translate("SroScheduleDialog", u"HH:MM", None))
        self.duty6Error.setText("")
        self.formMessage.setText("")
    # retranslateUi

