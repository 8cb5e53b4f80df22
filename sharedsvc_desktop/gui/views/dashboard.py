"""The Dashboard: what needs attention today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.simple import STATUS_COLORS
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services.dashboard import Dashboard, dashboard


class _Tile(QFrame):
    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("tile")
        self.setStyleSheet("#tile { background: palette(base); border-radius: 6px; }")
        layout = QVBoxLayout(self)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555;")
        self.caption.setWordWrap(True)  # the row of tiles narrows with the window
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_value(self, value: int, *, alert: bool = False) -> None:
        self.value.setText(f"{value:,}")
        self.value.setStyleSheet("color: #b00020;" if alert and value else "")
        self.setAccessibleDescription(f"{value} {self.caption.text()}")


class DashboardView(QWidget):
    HEADERS = ["When (local time)", "School or site", "Event", "Status", "Officers"]

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data: Dashboard | None = None
        self.setAccessibleName("Dashboard")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Today"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        tiles = QGridLayout()
        self.tile_upcoming = _Tile("events in the next 14 days")
        self.tile_understaffed = _Tile("of them need more officers")
        self.tile_waiting = _Tile("requests waiting for approval")
        self.tile_officers = _Tile("active officers")
        self.tile_overdue = _Tile("items overdue (see Due & overdue)")
        for i, tile in enumerate(
            [self.tile_upcoming, self.tile_understaffed, self.tile_waiting, self.tile_overdue, self.tile_officers]
        ):
            tiles.addWidget(tile, 0, i)
        layout.addLayout(tiles)
        self.upcoming_label = QLabel("<b>Coming up: the next 14 days</b>")
        layout.addWidget(self.upcoming_label)
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setAccessibleName("Upcoming events")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = EmptyState(
            "Nothing to show yet",
            "Start by adding your schools and officers (the Schools and Officers pages, Ctrl+N), or start the "
            "program with --demo to explore a sample partnership.",
        )
        self.no_events = EmptyState("No events in the next 14 days", "Nothing needs staffing in the next two weeks.")
        self.stack = QStackedWidget()
        for widget in (self.table, self.empty, self.no_events):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 2)
        self.due_label = QLabel("<b>Due and overdue</b>")
        layout.addWidget(self.due_label)
        self.due_list = QListWidget()
        self.due_list.setAccessibleName("Items due and overdue")
        self.due_list.setMaximumHeight(190)
        layout.addWidget(self.due_list, 1)
        runner.changed.connect(lambda _what: self.reload())

    def reload(self) -> None:
        ready = self.runner.take_warm(dashboard)  # read while the user signed in: shown at once
        if ready is not None:
            self.show_data(ready)
            return
        self.runner.read(dashboard, on_done=self.show_data, on_error=lambda e: self.messages.error(str(e)),
                         owner=self)

    def show_data(self, data: Dashboard) -> None:
        self.data = data
        self.tile_upcoming.set_value(len(data.upcoming))
        self.tile_understaffed.set_value(data.understaffed, alert=True)
        self.tile_waiting.set_value(data.waiting_approval, alert=True)
        self.tile_officers.set_value(data.active_officers)
        self.tile_overdue.set_value(data.compliance.overdue, alert=True)
        self.due_list.clear()
        for item in data.compliance.items:
            entry = QListWidgetItem(item.text)
            if item.overdue:
                entry.setForeground(QBrush(QColor("#b00020")))
            self.due_list.addItem(entry)
        if not data.compliance.items:
            self.due_list.addItem(QListWidgetItem("Nothing is due: reviews, data, meetings and renewals are up to date."))
        self.table.setRowCount(len(data.upcoming))
        for row, event in enumerate(data.upcoming):
            cells = [
                event.when_text,
                event.site_name,
                event.title,
                event.status_label,
                f"{event.officers_assigned} of {event.officers_requested}",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setForeground(QBrush(QColor(STATUS_COLORS.get(event.status, "#000000"))))
                if col == 4 and event.understaffed:
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip("Needs more officers")
                if col == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        if data.is_empty:
            self.stack.setCurrentWidget(self.empty)
        elif not data.upcoming:
            self.stack.setCurrentWidget(self.no_events)
        else:
            self.stack.setCurrentWidget(self.table)
