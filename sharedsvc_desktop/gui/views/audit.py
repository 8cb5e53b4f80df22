"""The audit trail: every change, who made it and when, with filters; and a check of the hash chain."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QWidget

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.tablemodels import Column
from sharedsvc_desktop.gui.views.simple import TableScreen
from sharedsvc_desktop.services import audit_log

COLUMNS = [
    Column("When (UTC)", lambda r: f"{r.at:%Y-%m-%d %H:%M:%S}", width=19),
    Column("Who", lambda r: r.username, width=16),
    Column("What", lambda r: r.action, width=10),
    Column("Record", lambda r: f"{r.table_name} {r.row_id or ''}".strip(), width=20),
    Column("Changes", lambda r: r.summary[:300], tooltip=lambda r: r.summary[:2000], width=60),
]


class AuditView(TableScreen):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            title="Audit trail",
            changes=["*", "officers", "sites", "events", "agreements", "hours", "users", "sro"],
            columns=COLUMNS,
            ids_query=audit_log.entry_ids,
            rows_query=audit_log.entry_rows,
            empty_title="Nothing recorded yet",
            empty_text="Every change made in the program is recorded here, with who made it, when, and the values "
            "before and after.",
            parent=parent,
        )
        self.table_combo = QComboBox()
        self.table_combo.setAccessibleName("Kind of record")
        self.table_combo.addItem("All records", "")
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText("user name")
        self.user_edit.setAccessibleName("User")
        self.from_edit = QLineEdit()
        self.from_edit.setPlaceholderText("from YYYY-MM-DD")
        self.from_edit.setAccessibleName("From date")
        self.to_edit = QLineEdit()
        self.to_edit.setPlaceholderText("to YYYY-MM-DD")
        self.to_edit.setAccessibleName("To date")
        self.verify_button = QPushButton("&Verify the chain")
        for label, widget in (("&Record:", self.table_combo), ("&User:", self.user_edit),
                              ("&From:", self.from_edit), ("&To:", self.to_edit)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            self.filters.addWidget(lab)
            self.filters.addWidget(widget)
        self.filters.addStretch(1)
        self.filters.addWidget(self.verify_button)
        self.table_combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.user_edit, self.from_edit, self.to_edit):
            edit.editingFinished.connect(self.reload)
        self.verify_button.clicked.connect(self.verify)

    def reload(self) -> None:
        if self.table_combo.count() == 1:
            self.runner.read(audit_log.record_kinds, on_done=self._kinds, owner=self)
        super().reload()

    def _kinds(self, kinds: list[str]) -> None:
        for kind in kinds:
            if self.table_combo.findData(kind) < 0:
                self.table_combo.addItem(kind, kind)

    def _date(self, edit: QLineEdit) -> dt.date | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.messages.error(f"“{text}” is not a date (use YYYY-MM-DD).")
            return None

    def filter_values(self) -> dict[str, Any]:
        return {
            "table_name": self.table_combo.currentData() or None,
            "username": self.user_edit.text().strip() or None,
            "date_from": self._date(self.from_edit),
            "date_to": self._date(self.to_edit),
        }

    def verify(self) -> None:
        def done(result: Any) -> None:
            if result.ok:
                self.messages.success(f"The audit trail is intact: {result.checked:,} entries checked.")
            else:
                self.messages.error(f"The audit trail does not match at entry {result.first_bad_id}: {result.reason}.")

        self.runner.read(audit_log.verify, on_done=done, on_error=lambda e: self.messages.error(user_message(e)),
                         owner=self)
