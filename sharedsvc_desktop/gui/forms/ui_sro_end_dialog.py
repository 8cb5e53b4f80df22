# Generated from ui/sro_end_dialog.ui by scripts/build_forms.py: do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sro_end_dialog.ui'
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

class Ui_SroEndDialog(object):
    def setupUi(self, SroEndDialog):
        if not SroEndDialog.objectName():
            SroEndDialog.setObjectName(u"SroEndDialog")
        SroEndDialog.resize(440, 0)
        SroEndDialog.setMinimumSize(QSize(440, 0))
        self.dialogLayout = QVBoxLayout(SroEndDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.summaryLabel = QLabel(SroEndDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.summaryLabel)

        self.endDateEditLabel = QLabel(SroEndDialog)
        self.endDateEditLabel.setObjectName(u"endDateEditLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.endDateEditLabel)

        self.endDateEditField = QVBoxLayout()
        self.endDateEditField.setSpacing(0)
        self.endDateEditField.setObjectName(u"endDateEditField")
        self.endDateEdit = QLineEdit(SroEndDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")

        self.endDateEditField.addWidget(self.endDateEdit)

        self.endDateError = QLabel(SroEndDialog)
        self.endDateError.setObjectName(u"endDateError")
        self.endDateError.setWordWrap(True)

        self.endDateEditField.addWidget(self.endDateError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.endDateEditField)

        self.reasonEditLabel = QLabel(SroEndDialog)
        self.reasonEditLabel.setObjectName(u"reasonEditLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonEditLabel)

        self.reasonEditField = QVBoxLayout()
        self.reasonEditField.setSpacing(0)
        self.reasonEditField.setObjectName(u"reasonEditField")
        self.reasonEdit = QPlainTextEdit(SroEndDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMinimumSize(QSize(0, 60))
        self.reasonEdit.setTabChangesFocus(True)

        self.reasonEditField.addWidget(self.reasonEdit)

        self.reasonError = QLabel(SroEndDialog)
        self.reasonError.setObjectName(u"reasonError")
        self.reasonError.setWordWrap(True)

        self.reasonEditField.addWidget(self.reasonError)


        self.formLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.reasonEditField)


        self.dialogLayout.addLayout(self.formLayout)

        self.formMessage = QLabel(SroEndDialog)
        self.formMessage.setObjectName(u"formMessage")
        self.formMessage.setWordWrap(True)

        self.dialogLayout.addWidget(self.formMessage)

        self.buttonBox = QDialogButtonBox(SroEndDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.endDateEditLabel.setBuddy(self.endDateEdit)
        self.reasonEditLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.endDateEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttonBox)

        self.retranslateUi(SroEndDialog)

        QMetaObject.connectSlotsByName(SroEndDialog)
    # setupUi

    def retranslateUi(self, SroEndDialog):
        SroEndDialog.setWindowTitle(QCoreApplication.translate("SroEndDialog", u"End SRO appointment", None))
        self.summaryLabel.setText("")
        self.endDateEditLabel.setText(QCoreApplication.translate("SroEndDialog", u"&Last day", None))
#if QT_CONFIG(accessibility)
        self.endDateEdit.setAccessibleName(QCoreApplication.translate("SroEndDialog", u"Last day", None))
#endif // QT_CONFIG(accessibility)
        self.endDateEdit.setPlaceholderText(QCoreApplication.translate("SroEndDialog", u"YYYY-MM-DD", None))
        self.endDateError.setText("")
        self.reasonEditLabel.setText(QCoreApplication.translate("SroEndDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("SroEndDialog", u"Reason", None))
#endif // QT_CONFIG(accessibility)
        self.reasonError.setText("")
        self.formMessage.setText("")
    # retranslateUi

