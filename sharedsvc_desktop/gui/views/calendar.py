"""Month and week calendars of events, coloured by status; click an event to open it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import events
from sharedsvc_desktop.services.events import EventRow

#: background, text, border for each status
STATUS_STYLE = {
    "requested": ("#fff4d6", "#6b4500", "#e0b84c"),
    "approved": ("#e3edfb", "#173f75", "#8fb2e3"),
    "staffed": ("#e2f3e6", "#1a5c2b", "#8ccb9c"),
    "completed": ("#ececec", "#333333", "#bbbbbb"),
    "declined": ("#f6f6f6", "#888888", "#dddddd"),
    "cancelled": ("#f6f6f6", "#888888", "#dddddd"),
}
UNDERSTAFFED_BORDER = "#c62828"
SHOWN = ["requested", "approved", "staffed", "completed"]
MONTH_MAX_PER_DAY = 3


def _chip_style(row: EventRow) -> str:
    bg, fg, border = STATUS_STYLE.get(row.status, STATUS_STYLE["completed"])
    if row.understaffed and row.status in ("approved", "staffed"):
        border = UNDERSTAFFED_BORDER
    strike = "text-decoration: line-through;" if row.status in ("declined", "cancelled") else ""
    return (f"QPushButton {{ background: {bg}; color: {fg}; border: 1px solid {border}; border-left: 4px solid "
            f"{border}; border-radius: 3px; padding: 1px 4px; text-align: left; {strike} }}"
            f"QPushButton:focus {{ border: 2px solid #1d4f91; }}")


class EventChip(QPushButton):
    """One event on the calendar: a flat, coloured button that opens the event."""

    def __init__(self, row: EventRow, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.row = row
        self.setStyleSheet(_chip_style(row))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        tip = (f"{row.title}\n{row.site_name}\n{row.when_text}\n{row.status_label} · officers {row.staffing_text}")
        self.setToolTip(tip)
        self.setAccessibleName(f"{row.title}, {row.site_name}, {row.when_text}, {row.status_label}")


def calendar_text(row: EventRow, *, long: bool = False) -> str:
    start, end = row.local_start, row.local_end
    if long:
        return (f"{start:%H:%M}–{end:%H:%M}\n{row.title}\n{row.site_name}\n"
                f"{row.status_label} · {row.officers_assigned}/{row.officers_requested}")
    return f"{start:%H:%M} {row.title}"


class CalendarView(QWidget):
    """``CalendarView(runner)``: month and week views of the events, coloured by status."""

    eventActivated = Signal(object)  # the EventRow clicked

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, open_on_click: bool = True) -> None:
        super().__init__(parent)
        self.runner = runner
        self.open_on_click = open_on_click
        self.mode = "month"
        self.anchor = dt.date.today()
        self.rows: list[EventRow] = []
        self.current_dialog: QWidget | None = None
        self.setAccessibleName("Event calendar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        bar = QHBoxLayout()
        self.prev_button = QPushButton("◀ &Previous")
        self.today_button = QPushButton("&Today")
        self.next_button = QPushButton("&Next ▶")
        self.prev_button.setAccessibleName("Previous")
        self.next_button.setAccessibleName("Next")
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        for b in (self.prev_button, self.today_button, self.next_button):
            bar.addWidget(b)
        self.period_label = heading_label("")
        self.period_label.setAccessibleName("Period shown")
        bar.addWidget(self.period_label, 1, Qt.AlignmentFlag.AlignCenter)
        self.show_closed = QCheckBox("Show &declined and cancelled")
        self.show_closed.toggled.connect(lambda _c: self.reload())
        bar.addWidget(self.show_closed)
        self.month_button = QPushButton("&Month")
        self.week_button = QPushButton("&Week")
        group = QButtonGroup(self)
        for b in (self.month_button, self.week_button):
            b.setCheckable(True)
            group.addButton(b)
            bar.addWidget(b)
        self.month_button.setChecked(True)
        self.month_button.clicked.connect(lambda: self.set_mode("month"))
        self.week_button.clicked.connect(lambda: self.set_mode("week"))
        layout.addLayout(bar)

        self.stack = QStackedWidget()
        self.month = QWidget()
        self.month_grid = QGridLayout(self.month)
        self.month_grid.setSpacing(2)
        self.week = QWidget()
        self.week_grid = QGridLayout(self.week)
        self.week_grid.setSpacing(4)
        week_scroll = QScrollArea()
        week_scroll.setWidgetResizable(True)
        week_scroll.setWidget(self.week)
        self.stack.addWidget(self.month)
        self.stack.addWidget(week_scroll)
        layout.addWidget(self.stack, 1)

        legend = QHBoxLayout()
        legend.addWidget(QLabel("Colours:"))
        for status in ("requested", "approved", "staffed", "completed", "cancelled"):
            bg, fg, border = STATUS_STYLE[status]
            chip = QLabel(EVENT_STATUSES[status])
            chip.setStyleSheet(f"background: {bg}; color: {fg}; border: 1px solid {border}; padding: 1px 6px;")
            legend.addWidget(chip)
        red = QLabel("Red edge: not fully staffed")
        red.setStyleSheet(f"color: {UNDERSTAFFED_BORDER};")
        legend.addWidget(red)
        legend.addStretch(1)
        layout.addLayout(legend)
        self.chips: list[EventChip] = []
        runner.changed.connect(self._on_changed)

    # -- range
    def visible_range(self) -> tuple[dt.date, dt.date]:
        if self.mode == "week":
            monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return monday, monday + dt.timedelta(days=6)
        first = self.anchor.replace(day=1)
        start = first - dt.timedelta(days=first.weekday())
        return start, start + dt.timedelta(days=41)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.month_button.setChecked(mode == "month")
        self.week_button.setChecked(mode == "week")
        self.stack.setCurrentIndex(0 if mode == "month" else 1)
        self.reload()

    def go_to(self, day: dt.date, mode: str | None = None) -> None:
        self.anchor = day
        if mode is not None:
            self.set_mode(mode)
        else:
            self.reload()

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.anchor += dt.timedelta(weeks=direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    # -- loading
    def reload(self) -> None:
        start, end = self.visible_range()
        statuses = None if self.show_closed.isChecked() else SHOWN
        if self.mode == "week":
            self.period_label.setText(f"Week of {start:%d %B %Y}")
        else:
            self.period_label.setText(f"{self.anchor:%B %Y}")
        self.runner.read(events.list_events, date_from=start, date_to=end, statuses=statuses,
                         on_done=self._loaded, on_error=lambda e: self.messages.error(user_message(e)), owner=self)

    def _on_changed(self, what: str) -> None:
        if what in ("events", "sites", "*") and self.isVisible():
            self.reload()

    def _loaded(self, rows: list[EventRow]) -> None:
        self.rows = rows
        self.chips = []
        if self.mode == "week":
            self._build_week()
        else:
            self._build_month()

    def events_on(self, day: dt.date) -> list[EventRow]:
        return [r for r in self.rows if r.local_start.date() == day]

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _chip(self, row: EventRow, *, long: bool) -> EventChip:
        chip = EventChip(row, calendar_text(row, long=long))
        if long:
            chip.setMinimumHeight(72)
        chip.clicked.connect(lambda _c=False, r=row: self.activate(r))
        self.chips.append(chip)
        return chip

    def _build_month(self) -> None:
        grid = self.month_grid
        self._clear(grid)
        start, _end = self.visible_range()
        for col, name in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]):
            header = QLabel(name)
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold; color: #444;")
            grid.addWidget(header, 0, col)
        today = dt.date.today()
        for i in range(42):
            day = start + dt.timedelta(days=i)
            cell = QFrame()
            cell.setFrameShape(QFrame.Shape.StyledPanel)
            in_month = day.month == self.anchor.month
            background = "#ffffff" if in_month else "#f4f4f4"
            edge = "#1d4f91" if day == today else "#d0d0d0"
            cell.setObjectName("dayCell")
            cell.setStyleSheet(f"#dayCell {{ background: {background}; border: 1px solid {edge}; }}")
            box = QVBoxLayout(cell)
            box.setContentsMargins(3, 2, 3, 2)
            box.setSpacing(2)
            number = QPushButton(f"{day.day}")
            number.setFlat(True)
            number.setAccessibleName(f"{day:%A %d %B %Y}: show the week")
            number.setStyleSheet(f"text-align: left; color: {'#222' if in_month else '#999'}; font-weight: bold;"
                                 "border: none; padding: 0;")
            number.clicked.connect(lambda _c=False, d=day: self.go_to(d, "week"))
            box.addWidget(number)
            todays = self.events_on(day)
            for row in todays[:MONTH_MAX_PER_DAY]:
                box.addWidget(self._chip(row, long=False))
            if len(todays) > MONTH_MAX_PER_DAY:
                more = QPushButton(f"+{len(todays) - MONTH_MAX_PER_DAY} more")
                more.setFlat(True)
                more.setStyleSheet("text-align: left; color: #1d4f91; border: none; padding: 0;")
                more.clicked.connect(lambda _c=False, d=day: self.go_to(d, "week"))
                box.addWidget(more)
            box.addStretch(1)
            grid.addWidget(cell, 1 + i // 7, i % 7)
        for col in range(7):
            grid.setColumnStretch(col, 1)
        for r in range(1, 7):
            grid.setRowStretch(r, 1)

    def _build_week(self) -> None:
        grid = self.week_grid
        self._clear(grid)
        start, _end = self.visible_range()
        today = dt.date.today()
        for col in range(7):
            day = start + dt.timedelta(days=col)
            header = QLabel(f"{day:%a %d %b}")
            header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header.setStyleSheet("font-weight: bold;" + (" color: #1d4f91;" if day == today else " color: #444;"))
            grid.addWidget(header, 0, col)
            column = QFrame()
            column.setObjectName("weekDay")
            column.setStyleSheet("#weekDay { background: #fafafa; border: 1px solid #d0d0d0; }")
            box = QVBoxLayout(column)
            box.setContentsMargins(3, 3, 3, 3)
            for row in self.events_on(day):
                box.addWidget(self._chip(row, long=True))
            if not self.events_on(day):
                none = QLabel("No events")
                none.setStyleSheet("color: #999;")
                box.addWidget(none)
            box.addStretch(1)
            grid.addWidget(column, 1, col)
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(1, 1)

    # -- opening
    def activate(self, row: EventRow) -> None:
        self.eventActivated.emit(row)
        if self.open_on_click:
            from sharedsvc_desktop.gui.dialogs.event import EventDialog

            dialog = EventDialog(self.runner, row, self)
            dialog.on_saved = lambda saved, _created: self.messages.success(f"“{saved.title}” saved.")
            self.current_dialog = dialog
            dialog.open()

    def shown_events(self) -> list[tuple[int, dt.datetime, dt.datetime]]:
        """(id, start, end) of every event on the calendar now (for checks and tests)."""
        return [(c.row.id, c.row.starts_at, c.row.ends_at) for c in self.chips]
