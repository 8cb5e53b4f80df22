"""The Events screen: a filterable list (status, school, period), the scheduler's "waiting for approval" list,
and the calendar; request, open, approve, decline, cancel, assign officers, print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.views.calendar import STATUS_STYLE, UNDERSTAFFED_BORDER, CalendarView
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import assignments, events, sites
from sharedsvc_desktop.services.events import EventRow

COLUMNS = [
    Column("When (local time)", lambda r: r.when_text, width=30),
    Column("School or site", lambda r: r.site_name, width=24),
    Column("Event", lambda r: r.title, width=30, tooltip=lambda r: r.notes or r.title),
    Column("Type", lambda r: r.event_type_label, width=14),
    Column("Status", lambda r: r.status_label, width=10, foreground=lambda r: STATUS_STYLE[r.status][1],
           tooltip=lambda r: r.decline_reason or r.status_label),
    Column("Officers", lambda r: r.staffing_text, width=16,
           foreground=lambda r: UNDERSTAFFED_BORDER if r.understaffed else None),
    Column("Hours", lambda r: f"{r.minutes / 60:.2f}", align_right=True, width=7),
    Column("Requested by", lambda r: r.requester_name, width=20),
]

STATUS_FILTERS: list[tuple[str, list[str] | None]] = [
    ("Open (requested, approved, staffed)", ["requested", "approved", "staffed"]),
    ("All statuses", None),
    *[(label, [code]) for code, label in EVENT_STATUSES.items()],
]
PERIODS: list[tuple[str, int | str]] = [
    ("Coming 14 days", 14),
    ("Coming 30 days", 30),
    ("Coming 90 days", 90),
    ("This school year", "year"),
    ("Past events", "past"),
    ("All dates", "all"),
]


def _table(model: LazyTableModel, name: str) -> QTableView:
    table = QTableView()
    attach(table, model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, column in enumerate(COLUMNS):
        if column.width:
            table.setColumnWidth(i, column.width * 8)
    return table


class EventsView(QWidget):
    """``EventsView(runner)``: the Events screen (replaces the read-only list of ``views/simple.py``)."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._now = now
        self.current_dialog: QWidget | None = None
        self.setAccessibleName("Events")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Events"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        # -- actions
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.request_action = self._action("New request…", self.new_request, QKeySequence.StandardKey.New)
        self.open_action = self._action("Open…", self.open_selected)
        self.assign_action = self._action("Assign officers…", self.assign_selected, QKeySequence("Ctrl+Shift+A"))
        self.approve_action = self._action("Approve", self.approve_selected)
        self.decline_action = self._action("Decline…", self.decline_selected)
        self.cancel_action = self._action("Cancel event…", self.cancel_selected)
        self.toolbar.addSeparator()
        self.sheet_action = self._action("Event sheet (PDF)…", self.save_sheet)
        self.roster_action = self._action("Week's roster (PDF)…", self.save_roster)
        self.ics_action = self._action("Export calendar (.ics)…", self.export_ics)
        from sharedsvc_desktop.gui.dialogs.request_import import open_request_import

        self.import_requests_action = self._action(
            "Import request forms…", lambda: open_request_import(self, self.runner))
        self.import_requests_action.setVisible(self.runner.can("request_events"))
        layout.addWidget(self.toolbar)

        # -- filters
        filters = QHBoxLayout()
        show_label = QLabel("S&how:")
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status of events shown")
        for text, statuses in STATUS_FILTERS:
            self.status_combo.addItem(text, statuses)
        show_label.setBuddy(self.status_combo)
        school_label = QLabel("Sc&hool:")
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName("School shown")
        self.school_combo.addItem("All schools and sites", None)
        school_label.setBuddy(self.school_combo)
        period_label = QLabel("&Period:")
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName("Period shown")
        for text, value in PERIODS:
            self.period_combo.addItem(text, value)
        self.period_combo.setCurrentIndex(3)
        period_label.setBuddy(self.period_combo)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search title or requester")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search events")
        for w in (show_label, self.status_combo, school_label, self.school_combo, period_label, self.period_combo):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of events")
        filters.addWidget(self.count_label)

        # -- list tab
        self.model = LazyTableModel(runner, COLUMNS, events.event_ids, events.event_rows, self)
        self.table = _table(self.model, "Events table")
        self.empty = EmptyState(
            "No events match",
            "Events that schools ask the police to cover appear here: graduations, varsity games, dances, proms. "
            "Change the filters above, or request coverage.",
            "New request",
        )
        self.empty.actionTriggered.connect(self.new_request)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 4, 0, 0)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.stack, 1)

        # -- waiting for approval tab
        self.waiting_model = LazyTableModel(runner, COLUMNS, events.waiting_for_approval_ids, events.event_rows, self)
        self.waiting_table = _table(self.waiting_model, "Requests waiting for approval")
        self.waiting_empty = EmptyState("Nothing is waiting for approval",
                                        "New requests from the schools appear here until they are approved or "
                                        "declined.")
        self.waiting_stack = QStackedWidget()
        self.waiting_stack.addWidget(self.waiting_table)
        self.waiting_stack.addWidget(self.waiting_empty)

        self.calendar = CalendarView(runner, open_on_click=True)

        self.tabs = QTabWidget()
        self.tabs.addTab(list_page, "&List")
        self.tabs.addTab(self.waiting_stack, "&Waiting for approval")
        self.tabs.addTab(self.calendar, "&Calendar")
        self.tabs.currentChanged.connect(self._tab_changed)
        layout.addWidget(self.tabs, 1)

        # -- wiring
        for table in (self.table, self.waiting_table):
            table.doubleClicked.connect(lambda _i: self.open_selected())
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        self.waiting_model.loaded.connect(self._waiting_loaded)
        self.waiting_model.loadFailed.connect(self.messages.error)
        self.waiting_model.dataChanged.connect(lambda *_: self._update_actions())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.school_combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.reload_list())
        self.search.returnPressed.connect(self.reload_list)
        self.search.textChanged.connect(lambda t: self.reload_list() if not t else None)
        runner.changed.connect(self._on_changed)
        self._select_after_load: int | None = None
        self._update_actions()

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    # -- loading
    def now(self) -> dt.datetime:
        return self._now or dt.datetime.now(dt.UTC)

    def filter_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        statuses = self.status_combo.currentData()
        if statuses:
            values["statuses"] = list(statuses)
        site_id = self.school_combo.currentData()
        if site_id is not None:
            values["site_id"] = site_id
        period = self.period_combo.currentData()
        now = self.now()
        if isinstance(period, int):
            values.update(start=now, end=now + dt.timedelta(days=period))
        elif period == "year":
            year = now.year if now.month >= 8 else now.year - 1
            values.update(start=dt.datetime(year, 8, 1, tzinfo=dt.UTC), end=dt.datetime(year + 1, 8, 1, tzinfo=dt.UTC))
        elif period == "past":
            values.update(end=now)
        if self.search.text().strip():
            values["search"] = self.search.text().strip()
        return values

    def reload(self) -> None:
        self.runner.read(sites.list_sites, include_inactive=False, on_done=self._sites_loaded, owner=self)
        self.reload_list()
        self.waiting_model.set_filters(now=self.now())
        if self.tabs.currentWidget() is self.calendar:
            self.calendar.reload()

    def reload_list(self) -> None:
        self.model.set_filters(**self.filter_values())

    def _sites_loaded(self, rows: list[Any]) -> None:
        current = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem("All schools and sites", None)
        for row in rows:
            self.school_combo.addItem(row.name, row.id)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(current)))
        self.school_combo.blockSignals(False)

    def _on_changed(self, what: str) -> None:
        if what in ("events", "sites", "officers", "*"):
            self.reload_list()
            self.waiting_model.set_filters(now=self.now())

    def _loaded(self, count: int) -> None:
        self.stack.setCurrentWidget(self.table if count else self.empty)
        self.count_label.setText(f"{count:,} event{'s' if count != 1 else ''}")
        if self._select_after_load is not None:
            row = self.model.row_of_id(self._select_after_load)
            self._select_after_load = None
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()

    def _waiting_loaded(self, count: int) -> None:
        self.waiting_stack.setCurrentWidget(self.waiting_table if count else self.waiting_empty)
        self.tabs.setTabText(1, f"&Waiting for approval ({count})" if count else "&Waiting for approval")
        self._update_actions()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.calendar:
            self.calendar.reload()
        self._update_actions()

    # -- selection
    def active_table(self) -> tuple[QTableView, LazyTableModel] | None:
        page = self.tabs.currentWidget()
        if page is self.waiting_stack:
            return self.waiting_table, self.waiting_model
        if page is self.calendar:
            return None
        return self.table, self.model

    def selected_event(self) -> EventRow | None:
        pair = self.active_table()
        if pair is None:
            return None
        table, model = pair
        rows = table.selectionModel().selectedRows()
        return model.row_object(rows[0].row()) if rows else None

    def select_event(self, event_id: int) -> None:
        """Select the event in the list once it is loaded (or now, if it is shown)."""
        row = self.model.row_of_id(event_id)
        if row >= 0 and not self.model.loading:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._select_after_load = event_id

    def _update_actions(self) -> None:
        e = self.selected_event()
        has = e is not None
        self.open_action.setEnabled(has)
        self.sheet_action.setEnabled(has)
        self.assign_action.setEnabled(has and e.status in events.OPEN_STATUSES)  # type: ignore[union-attr]
        self.approve_action.setEnabled(has and e.status in ("requested", "declined"))  # type: ignore[union-attr]
        self.decline_action.setEnabled(has and e.status in events.OPEN_STATUSES)  # type: ignore[union-attr]
        self.cancel_action.setEnabled(has and e.status in events.OPEN_STATUSES)  # type: ignore[union-attr]

    # -- actions
    def new_request(self) -> None:
        from sharedsvc_desktop.gui.dialogs.event import EventDialog

        dialog = EventDialog(self.runner, None, self, site_id=self.school_combo.currentData())
        dialog.on_saved = self._saved
        self.current_dialog = dialog
        dialog.open()

    def open_event(self, row: EventRow) -> None:
        from sharedsvc_desktop.gui.dialogs.event import EventDialog

        dialog = EventDialog(self.runner, row, self)
        dialog.on_saved = self._saved
        self.current_dialog = dialog
        dialog.open()

    def open_selected(self) -> None:
        row = self.selected_event()
        if row is not None:
            self.open_event(row)

    def _saved(self, row: Any, created: bool) -> None:
        if hasattr(row, "event_ids"):  # a series
            n = len(row.event_ids)
            text = f"{n} events requested for “{row.title}” at {row.site_name}: {row.description}."
            if row.ignored_exceptions:
                days = ", ".join(f"{d:%d %b %Y}" for d in row.ignored_exceptions)
                text += f" ({days} is not one of its dates, so nothing was skipped there.)"
            self.messages.success(text)
            if row.event_ids:
                self.select_event(row.event_ids[0])
            return
        verb = "requested" if created else "saved"
        self.messages.success(f"“{row.title}” at {row.site_name}, {row.when_text}, {verb}.")
        self.select_event(row.id)

    def approve_selected(self) -> None:
        row = self.selected_event()
        if row is None:
            return
        self.runner.write(
            events.approve_event, changes="events", event_id=row.id, owner=self,
            on_done=lambda r: self.messages.success(f"“{r.title}” ({r.when_text}) approved; now assign officers."),
            on_error=lambda exc: self.messages.error(user_message(exc)),
        )

    def _reason(self, fn: Any, *, title: str, prompt: str, ok_text: str, required: bool, verb: str) -> None:
        from sharedsvc_desktop.gui.dialogs.event import ReasonDialog

        row = self.selected_event()
        if row is None:
            return
        dialog = ReasonDialog(
            self.runner, fn, title=title, prompt=prompt.format(title=row.title, when=row.when_text),
            ok_text=ok_text, required=required, parent=self, event_id=row.id,
            on_done=lambda r: self.messages.success(f"“{r.title}” ({r.when_text}) {verb}."),
        )
        self.current_dialog = dialog
        dialog.open()

    def decline_selected(self) -> None:
        self._reason(events.decline_event, title="Decline request",
                     prompt="Why is “{title}” ({when}) declined? The school will see this reason.",
                     ok_text="Decline", required=True, verb="declined")

    def cancel_selected(self) -> None:
        self._reason(events.cancel_event, title="Cancel event",
                     prompt="Cancel “{title}” ({when})? The time of cancellation is recorded (a late "
                            "cancellation may be charged). Reason (optional):",
                     ok_text="Cancel the event", required=False, verb="cancelled")

    def assign_selected(self) -> None:
        row = self.selected_event()
        if row is None:
            return
        from sharedsvc_desktop.gui.dialogs.assign import AssignDialog

        dialog = AssignDialog(self.runner, row.id, self)
        self.current_dialog = dialog
        dialog.open()

    def _message(self, text: str, kind: str) -> None:
        self.messages.show_message(text, kind, timeout_ms=8000 if kind == "success" else 0)

    def sheet_actions(self) -> DocumentActions | None:
        row = self.selected_event()
        if row is None:
            return None
        return DocumentActions(self, self.runner, assignments.write_event_sheet, title="Event sheet",
                               default_name=f"event-{row.id}.pdf", on_message=self._message, event_id=row.id)

    def roster_actions(self, week_of: dt.date | None = None) -> DocumentActions:
        day = week_of or self.now().date()
        monday = assignments.week_monday(day)
        site_id = self.school_combo.currentData()
        return DocumentActions(self, self.runner, assignments.write_coverage_roster, title="Coverage roster",
                               default_name=f"coverage-week-{monday.isoformat()}.pdf", on_message=self._message,
                               week_start=monday, site_id=site_id)

    def save_sheet(self, path: str | None = None) -> None:
        actions = self.sheet_actions()
        if actions is not None:
            self._last_actions = actions
            actions.save_as(path)

    def save_roster(self, path: str | None = None, week_of: dt.date | None = None) -> None:
        if week_of is None and self.tabs.currentWidget() is self.calendar and self.calendar.mode == "week":
            week_of = self.calendar.anchor
        actions = self.roster_actions(week_of)
        self._last_actions = actions
        actions.save_as(path)

    def export_ics(self, path: str | None = None) -> None:
        from sharedsvc_desktop.exchange.ics import write_ics

        site_id = self.school_combo.currentData()
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, "Export calendar", str(Path(folder) / "events.ics"),
                                                  "iCalendar files (*.ics)")
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".ics":
            target = target.with_suffix(".ics")
        self.runner.read(
            write_ics, out=target, site_id=site_id, owner=self,
            on_done=lambda n: self.messages.success(f"{n} event{'s' if n != 1 else ''} exported to {target}."),
            on_error=lambda exc: self.messages.error(user_message(exc)),
        )
