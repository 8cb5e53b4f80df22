"""Settings: where the data lives, and a check of the database."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.storage.check import CheckResult, check_database


class SettingsView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName("Settings")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Settings"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        form = QFormLayout()
        db = runner.db
        self.folder_label = QLabel(str(db.data_dir or ""))
        self.db_label = QLabel(db.display_location)
        for label in (self.folder_label, self.db_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Data folder:", self.folder_label)
        form.addRow("Database:", self.db_label)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("&Open data folder")
        self.open_button.setAccessibleName("Open the data folder")
        self.check_button = QPushButton("&Check database")
        self.check_button.setAccessibleName("Check the database")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.open_button.clicked.connect(self.open_folder)
        self.check_button.clicked.connect(self.check)
        self.open_button.setEnabled(db.data_dir is not None)

    def open_folder(self) -> None:
        if self.runner.db.data_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.runner.db.data_dir)))

    def check(self) -> None:
        def done(result: CheckResult) -> None:
            text = " · ".join(result.lines()[1:])
            if result.ok:
                self.messages.show_message(text, "success")
            else:
                self.messages.error(text)

        self.runner.call(lambda: check_database(self.runner.db), on_done=done,
                         on_error=lambda e: self.messages.error(user_message(e)), owner=self)
