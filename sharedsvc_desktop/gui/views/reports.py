"""Data & Reports: the documents the program prints."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services.reports import write_officer_roster


class ReportsView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName("Data and reports")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Data & Reports"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        roster = QGroupBox("Officer roster")
        box = QVBoxLayout(roster)
        box.addWidget(QLabel("Every officer with rank, status, contact and eligibility for school details "
                             "(required training current, off probation)."))
        self.include_inactive = QCheckBox("Include &inactive officers")
        self.include_inactive.setAccessibleName("Include inactive officers in the roster")
        box.addWidget(self.include_inactive)
        buttons = QHBoxLayout()
        self.print_button = QPushButton("&Print roster…")
        self.print_button.setAccessibleName("Print the officer roster")
        self.save_button = QPushButton("&Save roster as PDF…")
        self.save_button.setAccessibleName("Save the officer roster as PDF")
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        layout.addWidget(roster)
        layout.addStretch(1)
        self.print_button.clicked.connect(lambda: self.roster_actions().print_preview())
        self.save_button.clicked.connect(lambda: self.roster_actions().save_as())

    def roster_actions(self) -> DocumentActions:
        self.actions_in_use = DocumentActions(
            self,
            self.runner,
            write_officer_roster,
            title="Officer roster",
            default_name="officer-roster.pdf",
            on_message=self.messages.show_message,
            include_inactive=self.include_inactive.isChecked(),
        )
        return self.actions_in_use
