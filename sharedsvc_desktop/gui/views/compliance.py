"""The compliance calendar: what is due and overdue, in one list, with an .ics export."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import compliance
from sharedsvc_desktop.services.compliance import KINDS, DueItem

HEADERS = ["Status", "Due", "Kind", "What", "Details"]
OVERDUE_COLOR = QColor("#8a1c1c")


class ComplianceView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today or dt.date.today()
        self.items: list[DueItem] = []
        self.setAccessibleName("Compliance calendar")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("What is due"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        controls = QHBoxLayout()
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Summary")
        controls.addWidget(self.summary_label, 1)
        kind_label = QLabel("&Show:")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Kind of item")
        kind_label.setBuddy(self.kind_combo)
        self.kind_combo.addItem("Everything", "")
        for code, label in KINDS.items():
            self.kind_combo.addItem(label, code)
        controls.addWidget(kind_label)
        controls.addWidget(self.kind_combo)
        self.export_button = QPushButton("&Export to calendar (.ics)…")
        self.export_button.clicked.connect(lambda: self.export_ics())
        controls.addWidget(self.export_button)
        self.refresh_button = QPushButton("&Refresh")
        self.refresh_button.clicked.connect(self.reload)
        controls.addWidget(self.refresh_button)
        layout.addLayout(controls)

        self.stack = QStackedWidget()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Due and overdue items")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty = EmptyState("Nothing is due",
                                "Quarterly data, team meetings, the annual report, SRO reviews and appointments, "
                                "agreement renewals and training that is expiring appear here when they fall due.")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._show())
        runner.changed.connect(lambda _what: self.reload())

    def reload(self) -> None:
        self.runner.read(compliance.compliance_items, today=self.today, on_done=self._loaded, owner=self,
                         on_error=lambda e: self.messages.error(user_message(e)))

    def _loaded(self, items: list[DueItem]) -> None:
        self.items = items
        self._show()

    def visible_items(self) -> list[DueItem]:
        kind = self.kind_combo.currentData()
        return [i for i in self.items if not kind or i.kind == kind]

    def _show(self) -> None:
        items = self.visible_items()
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary_label.setText(f"{overdue} overdue, {len(self.items) - overdue} due "
                                   f"(as of {self.today:%d %B %Y}).")
        self.table.setRowCount(len(items))
        for r, item in enumerate(items):
            values = ["Overdue" if item.overdue else "Due", f"{item.due_on:%d %b %Y}", item.kind_label,
                      item.title, item.detail]
            for c, text in enumerate(values):
                cell = QTableWidgetItem(text)
                if item.overdue and c == 0:
                    cell.setForeground(QBrush(OVERDUE_COLOR))
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                if c == 1:
                    cell.setData(Qt.ItemDataRole.UserRole, item.due_on.isoformat())
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.stack.setCurrentWidget(self.table if items else self.empty)

    def export_ics(self, path: str | None = None) -> None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, "Export the compliance calendar",
                                                  str(Path(folder) / "compliance-calendar.ics"),
                                                  "Calendar files (*.ics)")
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        self.runner.read(
            compliance.write_compliance_ics, out=target, today=self.today,
            on_done=lambda n: self.messages.success(f"{n} item(s) exported to {target}."),
            on_error=lambda e: self.messages.error(user_message(e)), owner=self,
        )
