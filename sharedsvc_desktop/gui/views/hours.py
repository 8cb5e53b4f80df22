"""The Hours screen: every hour entry in a lazy table with filters, and every action on them.

Log or edit an entry, approve the selected ones, close a period, log an event's hours from its assignments,
quick patrol logging (remembers the last choices), import from CSV/XLSX (preview, column mapping, validation
report) and export, print the hours report.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.dialogs.hour_entry import HourEntryDialog, fill_combo, select_data
from sharedsvc_desktop.gui.dialogs.hours_import import HoursImportDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, after_paint, heading_label
from sharedsvc_desktop.services import hours
from sharedsvc_desktop.services.hours import EntryChoices, HourRow

STATUS_COLORS = {"submitted": "#8a5a00", "approved": "#1e6b32", "locked": "#555555"}

ID_PAGE = 1000  # ids fetched at a time: the first screenful appears at once, more as the user scrolls

COLUMNS = [
    Column("Date", lambda r: r.work_date.isoformat(), width=10),
    Column("Person", lambda r: r.person_name, width=14),
    Column("Kind", lambda r: r.kind_label, width=13),
    Column("Site", lambda r: r.site_name, width=21, tooltip=lambda r: r.site_name),
    Column("Time", lambda r: r.time_text, width=12),
    Column("Hours", lambda r: r.hours_text, align_right=True, width=6),
    Column("Agreement", lambda r: r.agreement_number or "(outside)", width=12,
           tooltip=lambda r: r.agreement_number or "Outside any agreement"),
    Column("Billable", lambda r: "billable" if r.billable else "covered", width=8),
    Column("Status", lambda r: r.status.capitalize() + (" · invoiced" if r.invoiced else ""), width=14,
           foreground=lambda r: STATUS_COLORS.get(r.status),
           tooltip=lambda r: f"Changes: {r.change_reason}" if r.change_reason else r.status_label),
    Column("Notes", lambda r: r.notes, width=6, tooltip=lambda r: r.notes),  # it takes the room left
]

PERIODS = ["All dates", "This month", "Last month", "This school year", "Last 12 months", "Chosen dates"]


def period_dates(name: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    first = today.replace(day=1)
    if name == "This month":
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first, nxt - dt.timedelta(days=1)
    if name == "Last month":
        last = first - dt.timedelta(days=1)
        return last.replace(day=1), last
    if name == "This school year":
        year = today.year if today.month >= 8 else today.year - 1
        return dt.date(year, 8, 1), dt.date(year + 1, 7, 31)
    if name == "Last 12 months":
        return today - dt.timedelta(days=365), today
    return None, None


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class HoursView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self._people_loaded = False
        self._filters: dict[str, Any] = {}
        self.runner = runner
        self.today = today
        self.choices: EntryChoices | None = None
        self.current_dialog: QDialog | None = None
        self.setAccessibleName("Hours")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Hours"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def action(text: str, slot: Any, shortcut: Any = None) -> QAction:
            act = QAction(text, self)
            act.triggered.connect(slot)
            if shortcut is not None:
                act.setShortcut(shortcut)
                act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.toolbar.addAction(act)
            self.addAction(act)
            return act

        self.add_action = action("Log hours…", lambda: self.open_editor(None), QKeySequence.StandardKey.New)
        self.edit_action = action("Edit…", self._edit_selected)
        self.approve_action = action("Approve selected", self.approve_selected)
        self.toolbar.addSeparator()
        self.event_action = action("From an event…", self.open_event_dialog)
        self.patrol_action = action("Quick patrol…", self.open_patrol_dialog)
        self.close_action = action("Close period…", self.open_close_dialog)
        self.toolbar.addSeparator()
        self.import_action = action("Import…", self.open_import_dialog)
        self.export_action = action("Export…", lambda: self.export())
        self.report_action = action("Print report…", lambda: self.report_actions().print_preview())
        self.report_pdf_action = action("Save report as PDF…", lambda: self.report_actions().save_as())
        layout.addWidget(self.toolbar)

        filters = QHBoxLayout()

        def labelled(text: str, widget: QWidget, name: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            if isinstance(widget, QComboBox):  # the row shrinks with the window: no combo wider than it needs
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                widget.setMinimumContentsLength(max(widget.minimumContentsLength(), 8))
            filters.addWidget(label)
            filters.addWidget(widget, 1 if isinstance(widget, QComboBox) else 0)  # the combos take the room

        self.person_combo = QComboBox()
        self.person_combo.addItem("Everyone", None)
        self.person_combo.setMinimumContentsLength(12)
        labelled("&Person:", self.person_combo, "Person shown")
        self.kind_combo = QComboBox()
        self.kind_combo.addItem("All kinds", "")
        for code, text in hours.KINDS.items():
            self.kind_combo.addItem(text, code)
        labelled("&Kind:", self.kind_combo, "Kind of work shown")
        self.status_combo = QComboBox()
        self.status_combo.addItem("Any status", "")
        for code, text in hours.STATUSES.items():
            self.status_combo.addItem(text, code)
        labelled("S&tatus:", self.status_combo, "Status shown")
        self.period_combo = QComboBox()
        self.period_combo.addItems(PERIODS)
        labelled("Pe&riod:", self.period_combo, "Period shown")
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        now = self.today or dt.date.today()
        for edit, value, name in ((self.from_edit, now.replace(day=1), "From"), (self.to_edit, now, "To")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(value))
            edit.setVisible(False)  # shown when the period is "Chosen dates"
            edit.setAccessibleName(f"{name} date")
            filters.addWidget(edit)
        layout.addLayout(filters)

        self.model = LazyTableModel(runner, COLUMNS, hours.hour_entry_ids, hours.hour_rows, self, id_page=ID_PAGE)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName("Hours table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(COLUMNS):
            if column.width:
                self.table.setColumnWidth(i, column.width * 8)
        self.table.doubleClicked.connect(lambda _i: self._edit_selected())
        self.table.setToolTip("Double-click to edit; select several rows (Shift/Ctrl) to approve them together.")
        self.empty = EmptyState(
            "No hours in this view",
            "Hours given by each side (event coverage, patrols, SRO duty, in-kind IT work) are listed here. "
            "Log hours, log an event's hours after it, or import a spreadsheet.",
            "Log hours",
        )
        self.empty.actionTriggered.connect(lambda: self.open_editor(None))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Entries and hours shown")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.count_label)

        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        for combo in (self.person_combo, self.kind_combo, self.status_combo):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.from_edit.dateChanged.connect(lambda _d: self.reload())
        self.to_edit.dateChanged.connect(lambda _d: self.reload())
        runner.changed.connect(self._on_changed)
        self._selection_changed()

    # -- loading
    def filter_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        person = self.person_combo.currentData()
        if person is not None:
            values["person_id"] = person
        if self.kind_combo.currentData():
            values["kind"] = self.kind_combo.currentData()
        if self.status_combo.currentData():
            values["status"] = self.status_combo.currentData()
        name = self.period_combo.currentText()
        if name == "Chosen dates":
            values["date_from"] = _pydate(self.from_edit.date())
            values["date_to"] = _pydate(self.to_edit.date())
        else:
            start, end = period_dates(name, self.today or dt.date.today())
            if start:
                values["date_from"] = start
            if end:
                values["date_to"] = end
        return values

    def reload(self) -> None:
        self._filters = self.filter_values()
        self.model.set_filters(**self._filters)  # the rows first; the totals and the people list once they show

    def _period_changed(self) -> None:
        custom = self.period_combo.currentText() == "Chosen dates"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.reload()

    def _people(self, people: list[Any]) -> None:
        current = self.person_combo.currentData()
        self.person_combo.blockSignals(True)
        fill_combo(self.person_combo, people, none_text="Everyone")
        index = self.person_combo.findData(current)
        self.person_combo.setCurrentIndex(max(index, 0))
        self.person_combo.blockSignals(False)

    def _totals(self, result: tuple[int, int]) -> None:
        count, minutes = result
        self.count_label.setText(f"{count:,} entr{'y' if count == 1 else 'ies'} · {minutes / 60:,.2f} hours")

    def _on_changed(self, what: str) -> None:
        if what in ("hours", "officers", "sites", "events", "*"):
            self._people_loaded = False
            self.reload()

    def _loaded(self, count: int) -> None:
        self.stack.setCurrentWidget(self.table if count else self.empty)
        self._selection_changed()
        asked = dict(self._filters)
        # the rows paint first; the totals and the people list are asked for once they are on the screen
        after_paint(self.table.viewport() if count else self.empty, lambda: self._ask_totals(asked))

    def _ask_totals(self, asked: dict[str, Any]) -> None:
        if asked != self._filters:
            return  # a newer search is on its way, and asks for its own
        self.runner.read(hours.filtered_total_minutes, owner=self, **asked,
                         on_done=lambda result: self._totals(result) if asked == self._filters else None)
        if not self._people_loaded:  # the list of people changes rarely: once per screen, then on changes
            self._people_loaded = True
            self.runner.read(hours.people_with_hours, on_done=self._people, owner=self)

    # -- selection
    def selected_rows(self) -> list[HourRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_object(i) for i in rows) if r is not None]

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.edit_action.setEnabled(len(ids) == 1)
        self.approve_action.setEnabled(bool(ids))

    def _edit_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self.runner.read(hours.hour_detail, entry_id=ids[0], on_done=self.open_editor,
                             on_error=lambda e: self.messages.error(user_message(e)), owner=self)

    # -- actions
    def _with_choices(self, then: Any) -> None:
        def done(choices: EntryChoices) -> None:
            self.choices = choices
            then(choices)

        self.runner.read(hours.entry_choices, on_done=done, on_error=lambda e: self.messages.error(user_message(e)),
                         owner=self, today=self.today)

    def open_editor(self, entry: hours.HourDetail | None) -> None:
        def show(choices: EntryChoices) -> None:
            dialog = HourEntryDialog(self.runner, choices, entry, self, today=self.today)
            dialog.on_saved = self._saved
            self.current_dialog = dialog
            dialog.open()

        self._with_choices(show)

    def _saved(self, row: hours.HourDetail, created: bool) -> None:
        verb = "logged" if created else "saved"
        self.messages.success(f"{row.hours_text} hours of {row.person_name} on {row.work_date:%d %b %Y} {verb}.")

    def approve_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.messages.error("Select the entries to approve first.")
            return

        def done(result: hours.ApprovalResult) -> None:
            parts = [f"{result.approved:,} approved"]
            if result.already:
                parts.append(f"{result.already:,} were already approved")
            if result.refused:
                parts.append(f"{result.refused:,} are locked and were left as they are")
            self.messages.success("; ".join(parts) + ".")

        self.runner.write(hours.approve_hours, entry_ids=ids, changes="hours", on_done=done,
                          on_error=lambda e: self.messages.error(user_message(e)), owner=self)

    def open_close_dialog(self) -> None:
        dialog = ClosePeriodDialog(self.runner, self, today=self.today or dt.date.today())
        dialog.closed_period.connect_to(lambda row: self.messages.success(
            f"{row.period_start:%d %b %Y} to {row.period_end:%d %b %Y} is closed: {row.locked_entries:,} entries "
            "are locked."))
        self.current_dialog = dialog
        dialog.open()

    def open_event_dialog(self) -> None:
        dialog = EventHoursDialog(self.runner, self)
        dialog.on_logged = self._event_logged
        self.current_dialog = dialog
        dialog.open()
        dialog.load()

    def _event_logged(self, result: hours.EventHoursResult) -> None:
        text = f"{result.created} entr{'y' if result.created == 1 else 'ies'} logged from the event"
        if result.already_logged:
            text += f"; {result.already_logged} already logged"
        if result.skipped:
            text += ". Not logged: " + "; ".join(result.skipped)
            self.messages.show_message(text + ".", "info")
        else:
            self.messages.success(text + ".")

    def open_patrol_dialog(self) -> None:
        def show(choices: EntryChoices) -> None:
            dialog = QuickPatrolDialog(self.runner, choices, self, today=self.today or dt.date.today())
            dialog.on_saved = lambda row: self.messages.success(
                f"Patrol of {row.person_name} logged ({row.hours_text} hours on {row.work_date:%d %b %Y}).")
            self.current_dialog = dialog
            dialog.open()
            dialog.load_defaults()

        self._with_choices(show)

    def open_import_dialog(self, path: str | None = None) -> None:
        dialog = HoursImportDialog(self.runner, self)
        dialog.on_imported = lambda report: self.messages.success(
            f"Imported {report.imported:,} entries ({report.minutes / 60:,.2f} hours) as batch {report.batch}.")
        self.current_dialog = dialog
        dialog.open()
        if path:
            dialog.load_file(path)

    def export(self, path: str | None = None) -> None:
        from sharedsvc_desktop.exchange.hours_csv import export_hours

        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(self, "Export hours", str(Path(folder) / "hours.csv"),
                                                  "CSV files (*.csv);;Excel workbooks (*.xlsx)")
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_suffix(".csv")
        filters = self.filter_values()
        self.runner.write(
            export_hours,
            out=target,
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
            changes="hours",
            on_done=lambda n: self.messages.success(f"{n:,} entries exported to {target}; they are marked exported."),
            on_error=lambda e: self.messages.error(user_message(e)),
            owner=self,
        )

    def report_actions(self) -> DocumentActions:
        filters = self.filter_values()
        self.actions_in_use = DocumentActions(
            self,
            self.runner,
            hours.write_hours_report,
            title="Hours report",
            default_name="hours-report.pdf",
            on_message=self.messages.show_message,
            date_from=filters.get("date_from"),
            date_to=filters.get("date_to"),
        )
        return self.actions_in_use


class _Hook:
    """A tiny callback holder (dialogs tell the screen what happened)."""

    def __init__(self) -> None:
        self.fns: list[Any] = []

    def connect_to(self, fn: Any) -> None:
        self.fns.append(fn)

    def __call__(self, value: Any) -> None:
        for fn in self.fns:
            fn(value)


def _button_box(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.rejected.connect(dialog.reject)
    return box


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setAccessibleName("Error")
    label.hide()
    return label


class ClosePeriodDialog(QDialog):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(parent)
        self.runner = runner
        self.closed_period = _Hook()
        self.setWindowTitle("Close a period")
        layout = QVBoxLayout(self)
        intro = QLabel("Closing a period locks every entry in it: nothing can be added or changed there any more. "
                       "Every entry must be approved first.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        last_month_end = today.replace(day=1) - dt.timedelta(days=1)
        self.from_edit = QDateEdit(_qdate(last_month_end.replace(day=1)))
        self.to_edit = QDateEdit(_qdate(last_month_end))
        for edit, text in ((self.from_edit, "&First day"), (self.to_edit, "&Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(text.replace("&", ""))
            form.addRow(text, edit)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons = _button_box(self, "Close the period")
        self.buttons.accepted.connect(self.submit)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        self.error.hide()

        def failed(exc: BaseException) -> None:
            self.error.setText(user_message(exc))
            self.error.show()

        def done(row: hours.ClosedPeriodRow) -> None:
            self.closed_period(row)
            self.accept()

        self.runner.write(hours.close_period, period_start=_pydate(self.from_edit.date()),
                          period_end=_pydate(self.to_edit.date()), changes="hours", on_done=done, on_error=failed,
                          owner=self)


class EventHoursDialog(QDialog):
    """Choose a past event whose officers' hours are not logged yet; log them in one step."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.on_logged: Any = None
        self.setWindowTitle("Log hours from an event")
        self.resize(620, 380)
        layout = QVBoxLayout(self)
        label = QLabel("&Events that have ended and whose officers' hours are not all logged yet:")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        self.list.setAccessibleName("Events awaiting hours")
        label.setBuddy(self.list)
        layout.addWidget(self.list, 1)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons = _button_box(self, "Log the hours")
        self.buttons.accepted.connect(self.submit)
        layout.addWidget(self.buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self.submit())

    def load(self) -> None:
        def done(events: list[hours.EventAwaiting]) -> None:
            self.list.clear()
            for e in events:
                self.list.addItem(f"{e.label} — {e.logged} of {e.assignments} officers logged")
                self.list.item(self.list.count() - 1).setData(Qt.ItemDataRole.UserRole, e.id)
            if events:
                self.list.setCurrentRow(0)
            else:
                self.error.setText("Every event that has ended already has its hours logged.")
                self.error.setStyleSheet("color: #555;")
                self.error.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(events))

        self.runner.read(hours.events_awaiting_hours, on_done=done, owner=self)

    def submit(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        event_id = item.data(Qt.ItemDataRole.UserRole)

        def done(result: hours.EventHoursResult) -> None:
            if self.on_logged is not None:
                self.on_logged(result)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.error.setText(user_message(exc))
            self.error.setStyleSheet("color: #b00020;")
            self.error.show()

        self.runner.write(hours.log_event_hours, event_id=event_id, changes="hours", on_done=done, on_error=failed,
                          owner=self)


class QuickPatrolDialog(QDialog):
    """Log a patrol visit quickly: site, time, duration; the last choices are remembered."""

    def __init__(self, runner: DbRunner, choices: EntryChoices, parent: QWidget | None = None, *,
                 today: dt.date) -> None:
        super().__init__(parent)
        self.runner = runner
        self.on_saved: Any = None
        self.setWindowTitle("Quick patrol")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person_combo = QComboBox()
        fill_combo(self.person_combo, choices.people, none_text="— choose —")
        self.site_combo = QComboBox()
        fill_combo(self.site_combo, choices.sites, none_text="— choose —")
        self.date_edit = QDateEdit(_qdate(today))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.start_edit = QLineEdit()
        self.start_edit.setPlaceholderText("HH:MM")
        self.start_edit.setMaxLength(5)
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setRange(1, 24 * 60)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(" minutes")
        self.agreement_combo = QComboBox()
        fill_combo(self.agreement_combo, choices.agreements, none_text="Outside any agreement")
        self.billable_check = QCheckBox("&Billable")
        self.notes_edit = QLineEdit()
        self.errors: dict[str, QLabel] = {}
        for text, widget, field, name in (
            ("&Officer", self.person_combo, "person_id", "Officer"),
            ("&Site", self.site_combo, "site_id", "School or site patrolled"),
            ("&Date", self.date_edit, "work_date", "Date"),
            ("S&tart (HH:MM)", self.start_edit, "start", "Start time"),
            ("D&uration", self.minutes_spin, "minutes", "Duration in minutes"),
            ("&Agreement", self.agreement_combo, "agreement_id", "Agreement"),
            ("", self.billable_check, "billable", "Billable"),
            ("&Notes", self.notes_edit, "notes", "Notes"),
        ):
            widget.setAccessibleName(name)
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(widget)
            err = _error_label()
            box.addWidget(err)
            self.errors[field] = err
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                form.addRow(label, box)
            else:
                form.addRow("", box)
        layout.addLayout(form)
        self.message = _error_label()
        layout.addWidget(self.message)
        self.buttons = _button_box(self, "Log patrol")
        self.buttons.accepted.connect(self.submit)
        layout.addWidget(self.buttons)

    def load_defaults(self) -> None:
        def done(d: hours.PatrolDefaults) -> None:
            if d.person_id is not None:
                select_data(self.person_combo, d.person_id)
            if d.site_id is not None:
                select_data(self.site_combo, d.site_id)
            self.start_edit.setText(d.start_text)
            self.minutes_spin.setValue(d.minutes)
            select_data(self.agreement_combo, d.agreement_id)
            self.billable_check.setChecked(d.billable)
            self.notes_edit.setText(d.notes)
            self.start_edit.setFocus()
            self.start_edit.selectAll()

        self.runner.read(hours.patrol_defaults, on_done=done, owner=self)

    def values(self) -> dict[str, Any]:
        return {
            "person_id": self.person_combo.currentData(),
            "site_id": self.site_combo.currentData(),
            "work_date": _pydate(self.date_edit.date()),
            "start": self.start_edit.text().strip() or None,
            "minutes": self.minutes_spin.value(),
            "agreement_id": self.agreement_combo.currentData(),
            "billable": self.billable_check.isChecked(),
            "notes": self.notes_edit.text(),
        }

    def submit(self) -> None:
        for label in [*self.errors.values(), self.message]:
            label.hide()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                general = []
                for field, text in exc.fields.items():
                    label = self.errors.get("minutes" if field == "hours" else field)
                    if label is None:
                        general.append(text)
                    else:
                        label.setText(text)
                        label.show()
                if general:
                    self.message.setText(" ".join(general))
                    self.message.show()
            else:
                self.message.setText(user_message(exc))
                self.message.show()

        def done(row: hours.HourDetail) -> None:
            if self.on_saved is not None:
                self.on_saved(row)
            self.accept()

        self.runner.write(hours.log_patrol, changes="hours", on_done=done, on_error=failed, owner=self,
                          **self.values())
