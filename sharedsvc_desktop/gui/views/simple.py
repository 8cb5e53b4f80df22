"""A read-only list screen over a lazy table, with filters above it (the audit trail uses it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label

STATUS_COLORS = {
    "requested": "#8a5a00",
    "approved": "#1d4f91",
    "staffed": "#1e6b32",
    "declined": "#777777",
    "cancelled": "#777777",
    "completed": "#444444",
}


class TableScreen(QWidget):
    """A heading, a message bar, optional filters, and a lazy table with an empty state."""

    def __init__(
        self,
        runner: DbRunner,
        *,
        title: str,
        changes: Sequence[str],
        columns: Sequence[Column],
        ids_query: Callable[..., list[int]],
        rows_query: Callable[..., list[Any]],
        empty_title: str,
        empty_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.changes = set(changes)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(title))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.filters = QHBoxLayout()
        layout.addLayout(self.filters)
        self.model = LazyTableModel(runner, columns, ids_query, rows_query, self)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName(f"{title} table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(columns):
            if column.width:
                self.table.setColumnWidth(i, column.width * 8)
        self.empty = EmptyState(empty_title, empty_text)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of rows")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        runner.changed.connect(self._on_changed)

    def filter_values(self) -> dict[str, Any]:
        return {}

    def reload(self) -> None:
        self.model.set_filters(**self.filter_values())

    def _on_changed(self, what: str) -> None:
        if what in self.changes or what == "*":
            self.reload()

    def _loaded(self, count: int) -> None:
        self.stack.setCurrentWidget(self.table if count else self.empty)
        self.count_label.setText(f"{count:,} rows")
