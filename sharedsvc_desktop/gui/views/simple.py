"""Read-only list screens over a lazy table: events, agreements, hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import agreements, events, hours

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
        self.table.setModel(self.model)
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


EVENT_COLUMNS = [
    Column("When (local time)", lambda r: r.when_text, width=30),
    Column("School or site", lambda r: r.site_name, width=26),
    Column("Event", lambda r: r.title, width=30),
    Column("Type", lambda r: r.event_type_label, width=14),
    Column("Status", lambda r: r.status_label, width=10, foreground=lambda r: STATUS_COLORS.get(r.status)),
    Column("Officers", lambda r: f"{r.officers_assigned} of {r.officers_requested}", width=9,
           foreground=lambda r: "#b00020" if r.understaffed else None),
    Column("Hours", lambda r: f"{r.minutes / 60:.2f}", align_right=True, width=7),
    Column("Requested by", lambda r: r.requester_name, width=20),
]


class EventsView(TableScreen):
    RANGES = [("Coming 30 days", 30), ("Coming 90 days", 90), ("This school year", 0), ("All events", -1)]

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            title="Events",
            changes=["events", "sites"],
            columns=EVENT_COLUMNS,
            ids_query=events.event_ids,
            rows_query=events.event_rows,
            empty_title="No events in this period",
            empty_text="Events that schools ask the police to cover appear here: graduations, varsity games, "
            "dances, proms. Choose a longer period above, or add events with the command line "
            "(sharedsvc events ...).",
            parent=parent,
        )
        label = QLabel("&Show:")
        self.range_combo = QComboBox()
        self.range_combo.setAccessibleName("Period of events shown")
        for text, days in self.RANGES:
            self.range_combo.addItem(text, days)
        label.setBuddy(self.range_combo)
        self.filters.addWidget(label)
        self.filters.addWidget(self.range_combo)
        self.filters.addStretch(1)
        self.range_combo.currentIndexChanged.connect(lambda _i: self.reload())

    def filter_values(self) -> dict[str, Any]:
        days = self.range_combo.currentData()
        now = dt.datetime.now(dt.UTC)
        if days == -1:
            return {}
        if days == 0:
            year = now.year if now.month >= 8 else now.year - 1
            return {
                "start": dt.datetime(year, 8, 1, tzinfo=dt.UTC),
                "end": dt.datetime(year + 1, 8, 1, tzinfo=dt.UTC),
            }
        return {"start": now, "end": now + dt.timedelta(days=days)}


AGREEMENT_COLUMNS = [
    Column("Number", lambda r: r.number, width=14),
    Column("Title", lambda r: r.title, width=44),
    Column("Kind", lambda r: r.kind_label, width=26),
    Column("Parties", lambda r: r.parties, width=44),
    Column("Version", lambda r: str(r.current_version or ""), align_right=True, width=7),
    Column("Status", lambda r: r.status_label, width=12),
    Column("Effective", lambda r: r.effective_date.isoformat() if r.effective_date else "", width=11),
    Column("Ends", lambda r: r.end_date.isoformat() if r.end_date else "", width=11),
]


class AgreementsView(TableScreen):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            title="Agreements",
            changes=["agreements"],
            columns=AGREEMENT_COLUMNS,
            ids_query=agreements.agreement_ids,
            rows_query=agreements.agreement_rows,
            empty_title="No agreements yet",
            empty_text="The agreements between the police department and the school district are listed here "
            "with their versions and status.",
            parent=parent,
        )


HOUR_COLUMNS = [
    Column("Date", lambda r: r.work_date.isoformat(), width=11),
    Column("Person", lambda r: r.person_name, width=22),
    Column("Kind", lambda r: r.kind_label, width=18),
    Column("Site", lambda r: r.site_name, width=28),
    Column("Hours", lambda r: r.hours_text, align_right=True, width=7),
    Column("Agreement", lambda r: r.agreement_number or "outside any agreement", width=20),
    Column("Status", lambda r: r.status.capitalize(), width=10),
    Column("Notes", lambda r: r.notes, width=30),
]


class HoursView(TableScreen):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            title="Hours",
            changes=["hours", "officers", "sites"],
            columns=HOUR_COLUMNS,
            ids_query=hours.hour_entry_ids,
            rows_query=hours.hour_rows,
            empty_title="No hours logged yet",
            empty_text="Hours given by each side (event coverage, patrols, SRO duty, in-kind IT work) are "
            "listed here, newest first.",
            parent=parent,
        )
        label = QLabel("&Kind:")
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Kind of work shown")
        self.kind_combo.addItem("All kinds", "")
        for code, text in hours.KINDS.items():
            self.kind_combo.addItem(text, code)
        label.setBuddy(self.kind_combo)
        self.filters.addWidget(label)
        self.filters.addWidget(self.kind_combo)
        self.filters.addStretch(1)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.reload())

    def filter_values(self) -> dict[str, Any]:
        kind = self.kind_combo.currentData()
        return {"kind": kind} if kind else {}
