"""The SRO program screen: a school year's appointments, and for the one selected its duty schedule, annual
review and the concern → decision timeline, with the actions that record each step and print the letters."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.dialogs.sro_dialogs import (
    SroAppointmentDialog,
    SroConcernDialog,
    SroEndDialog,
    SroReviewDialog,
    SroScheduleDialog,
    SroStepDialog,
)
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import sro
from sharedsvc_desktop.services.sro import AppointmentDetail, AppointmentRow

STATUS_COLORS = {"active": "#1e6b32", "ended": "#555555", "dismissed": "#b00020", "reassigned": "#8a5a00"}
REVIEW_COLORS = {"Overdue": "#b00020", "Due": "#8a5a00", "Done": "#1e6b32", "Report not sent": "#8a5a00"}

COLUMNS = [
    Column("School", lambda r: r.site_name, width=22),
    Column("SRO", lambda r: f"{r.officer_name} ({r.badge_number})", width=20,
           tooltip=lambda r: r.eligibility_note),
    Column("Dates", lambda r: r.dates_text, width=21),
    Column("Status", lambda r: r.status_label + (" · concern open" if r.open_concern else ""), width=11,
           foreground=lambda r: "#b00020" if r.open_concern else STATUS_COLORS.get(r.status)),
    Column("Review", lambda r: r.review_state, width=11, foreground=lambda r: REVIEW_COLORS.get(r.review_state)),
    Column("Duty", lambda r: r.schedule_text, width=22),
]

STEP_ACTION = {
    "superintendent_informed": "Record: superintendent informed…",
    "chief_notified": "Record: chief notified…",
    "decision": "Record the chief's decision…",
}


def _d(value: dt.date | None, empty: str = "—") -> str:
    return f"{value:%d %b %Y}" if value else empty


def detail_html(detail: AppointmentDetail) -> str:
    """The appointment panel as simple HTML (escaped)."""
    a = detail.appointment
    e = escape
    color = STATUS_COLORS.get(a.status, "#333")
    parts = [
        f"<h2>{e(a.officer_name)} at {e(a.site_name)}</h2>",
        f"<p><b style='color:{color}'>{e(a.status_label)}</b> · {e(a.school_year)} · {e(a.dates_text)}</p>",
        "<table cellspacing='0' cellpadding='2'>",
    ]
    facts = [
        ("Officer", f"{a.officer_rank} {a.officer_name}, badge {a.badge_number}"),
        ("Eligibility today", a.eligibility_note),
        ("Appointed by", f"{a.appointed_by_name or '—'}{', ' + a.appointed_by_title if a.appointed_by_title else ''}"
                         f" on {_d(a.appointed_on)}"),
        ("Superintendent", f"{a.superintendent_name or '—'} agreed on {_d(a.superintendent_agreed_on)}"),
        ("Principal", a.principal_name or "—"),
    ]
    if a.agreement_number:
        facts.append(("Agreement", a.agreement_number))
    if a.eligibility_override_reason:
        facts.append(("Eligibility override", a.eligibility_override_reason))
    if a.notes:
        facts.append(("Notes", a.notes))
    for k, v in facts:
        style = " style='color:#b00020'" if k == "Eligibility override" else ""
        parts.append(f"<tr><td><b>{e(k)}</b></td><td{style}>{e(v).replace(chr(10), '<br>')}</td></tr>")
    parts.append("</table>")

    parts.append(f"<h3>Weekly duty ({e(a.site_timezone)})</h3>")
    if detail.duties:
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for d in detail.duties:
            parts.append(f"<tr><td>{e(d.weekday_label)}</td><td>{e(d.hours_text)}</td></tr>")
        parts.append(f"<tr><td><b>Per week</b></td><td><b>{a.weekly_minutes / 60:.2f} h</b></td></tr></table>")
    else:
        parts.append("<p>No duty schedule yet.</p>")

    parts.append("<h3>Annual review</h3>")
    rc = REVIEW_COLORS.get(a.review_state, "#333")
    parts.append(f"<p><b style='color:{rc}'>{e(a.review_state)}</b> · due from {_d(detail.review_due_from)}, "
                 f"overdue after {_d(detail.review_overdue_after)}</p>")
    for r in detail.reviews:
        parts.append(
            f"<p>Meeting {_d(r.meeting_date)} · report sent to the chief {_d(r.sent_to_chief_on, 'not yet')}<br>"
            f"Attended: {e(r.attendees).replace(chr(10), '; ')}"
            + (f"<br>Attached report: {e(r.report_filename)}" if r.report_filename else "")
            + "</p>"
        )
        if r.report_text:
            text = r.report_text if len(r.report_text) < 600 else r.report_text[:600] + "…"
            parts.append(f"<blockquote>{e(text).replace(chr(10), '<br>')}</blockquote>")

    parts.append("<h3>Timeline</h3><table cellspacing='0' cellpadding='2'>")
    for t in detail.timeline:
        tcolor = {"concern": "#b00020", "end": "#555555", "review": "#1d4f91"}.get(t.kind, "#1e6b32")
        parts.append(
            f"<tr><td valign='top'>{_d(t.day)}</td><td valign='top'><b style='color:{tcolor}'>{e(t.title)}</b>"
            + (f"<br>{e(t.text)}" if t.text else "") + "</td></tr>"
        )
    parts.append("</table>")
    open_concerns = [c for c in detail.concerns if c.next_step]
    for c in open_concerns:
        step = STEP_ACTION[c.next_step].removeprefix("Record: ").removeprefix("Record ").rstrip("…")
        parts.append(f"<p style='color:#b00020'>Concern of {_d(c.raised_on)} is open; next step: {e(step)}.</p>")
    return "".join(parts)


class SroView(QWidget):
    """Appointments by school year; the selected one's details and every action of the SRO program."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._today = today
        self.detail: AppointmentDetail | None = None
        self.current_dialog: Any = None
        self.document_actions: DocumentActions | None = None
        self._select_after_load: int | None = None
        self.setAccessibleName("SRO program")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("SRO program"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.appoint_action = self._action("Appoint SRO…", self.appoint, QKeySequence.StandardKey.New)
        self.edit_action = self._action("Edit…", self.edit)
        self.schedule_action = self._action("Duty schedule…", self.edit_schedule)
        self.end_action = self._action("End appointment…", self.end)
        self.toolbar.addSeparator()
        self.review_action = self._action("Record review…", self.review)
        self.concern_action = self._action("Raise concern…", self.raise_concern)
        self.step_action = self._action("Record next step…", self.next_step)
        self.toolbar.addSeparator()
        self.print_menu = QMenu("Print", self)
        self.print_button = QToolButton()
        self.print_button.setText("Print / PDF")
        self.print_button.setAccessibleName("Print or save SRO documents")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(self.print_menu)
        self.toolbar.addWidget(self.print_button)
        self.print_items: dict[str, tuple[QAction, QAction]] = {}
        for key, title, writer, kwargs in [
            ("letter", "Appointment letter", sro.write_appointment_letter, {}),
            ("notice", "Schedule notice to the principal", sro.write_schedule_notice, {}),
            ("blank", "Annual review form (blank)", sro.write_review_form, {"filled": False}),
            ("filled", "Annual review form (filled)", sro.write_review_form, {"filled": True}),
        ]:
            show = self.print_menu.addAction(f"Print {title.lower()}…")
            show.triggered.connect(lambda _c=False, k=key, t=title, w=writer, kw=kwargs:
                                   self.documents(k, t, w, kw).print_preview())
            save = self.print_menu.addAction(f"Save {title.lower()} as PDF…")
            save.triggered.connect(lambda _c=False, k=key, t=title, w=writer, kw=kwargs:
                                   self.documents(k, t, w, kw).save_as())
            self.print_items[key] = (show, save)
        layout.addWidget(self.toolbar)

        filters = QHBoxLayout()
        year_label = QLabel("School &year:")
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName("School year shown")
        year_label.setBuddy(self.year_combo)
        filters.addWidget(year_label)
        filters.addWidget(self.year_combo)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of appointments")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = LazyTableModel(runner, COLUMNS, sro.appointment_ids, self._rows, self)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName("SRO appointments table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width * 8)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.panel = QTextBrowser()
        self.panel.setAccessibleName("Appointment details")
        self.panel.setOpenLinks(False)
        self.panel.setPlaceholderText("Select an appointment to see its schedule, review and timeline.")

        self.empty = EmptyState(
            "No SRO appointments this school year",
            "Each school's School Resource Officer is appointed for a school year by the chief of police, in "
            "consultation and agreement with the superintendent. Appoint one for each school.",
            "Appoint SRO",
        )
        self.empty.actionTriggered.connect(self.appoint)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self.year_combo.currentIndexChanged.connect(lambda _i: self._year_changed())
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        runner.changed.connect(self._on_changed)
        self._years_loaded = False
        self._update_actions()

    # -- plumbing
    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def _action(self, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        self.toolbar.addAction(action)
        self.addAction(action)
        return action

    def _rows(self, session: Any, ids: list[int]) -> list[AppointmentRow]:
        return sro.appointment_rows(session, ids, today=self._today)

    def _error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    # -- loading
    def reload(self) -> None:
        def years(values: list[str]) -> None:
            wanted = self.year_combo.currentData() or sro.school_year_of(self.today)
            self.year_combo.blockSignals(True)
            self.year_combo.clear()
            for y in values:
                self.year_combo.addItem(y, y)
            self.year_combo.addItem("All years", "")
            index = self.year_combo.findData(wanted)
            self.year_combo.setCurrentIndex(index if index >= 0 else 0)
            self.year_combo.blockSignals(False)
            self._years_loaded = True
            self._year_changed()

        self.runner.read(sro.school_years, today=self.today, on_done=years, on_error=self._error, owner=self)

    def set_school_year(self, year: str) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    @property
    def school_year(self) -> str:
        return self.year_combo.currentData() or ""

    def _year_changed(self) -> None:
        self.model.set_filters(school_year=self.school_year or None)

    def _on_changed(self, what: str) -> None:
        if what in ("sro", "officers", "sites", "people", "*"):
            if self._select_after_load is None:
                self._select_after_load = self.selected_id()
            if self._years_loaded:
                self.reload()

    def _loaded(self, count: int) -> None:
        self.stack.setCurrentWidget(self.splitter if count else self.empty)
        year = self.school_year or "all years"
        self.count_label.setText(f"{count} appointment{'' if count == 1 else 's'} ({year})")
        target = self._select_after_load
        self._select_after_load = None
        row = self.model.row_of_id(target) if target is not None else -1
        if row < 0 and count:
            row = 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail = None
            self.panel.clear()
            self._update_actions()

    # -- selection
    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_id(self, appointment_id: int) -> None:
        row = self.model.row_of_id(appointment_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _selection_changed(self) -> None:
        appointment_id = self.selected_id()
        if appointment_id is None:
            self.detail = None
            self.panel.clear()
            self._update_actions()
            return
        if self.detail is not None and self.detail.appointment.id != appointment_id:
            self.detail = None
        self._update_actions()

        def shown(detail: AppointmentDetail) -> None:
            if self.selected_id() != detail.appointment.id:
                return
            self.detail = detail
            self.panel.setHtml(detail_html(detail))
            self._update_actions()

        self.runner.read(sro.appointment_detail, appointment_id=appointment_id, today=self._today,
                         on_done=shown, on_error=self._error, owner=self)

    def _update_actions(self) -> None:
        d = self.detail
        have = d is not None
        active = have and d.appointment.status == "active"  # type: ignore[union-attr]
        open_concern = next((c for c in d.concerns if c.next_step), None) if d else None
        self.edit_action.setEnabled(have)
        self.schedule_action.setEnabled(have)
        self.end_action.setEnabled(active)
        self.review_action.setEnabled(have)
        self.review_action.setText("Edit review…" if d and d.reviews else "Record review…")
        self.concern_action.setEnabled(active and open_concern is None)
        self.step_action.setEnabled(open_concern is not None)
        self.step_action.setText(STEP_ACTION[open_concern.next_step] if open_concern else "Record next step…")
        self.print_button.setEnabled(have)
        if have:
            self.print_items["filled"][0].setEnabled(bool(d.reviews))  # type: ignore[union-attr]
            self.print_items["filled"][1].setEnabled(bool(d.reviews))  # type: ignore[union-attr]

    # -- actions
    def _open(self, dialog: Any, success: str) -> None:
        def saved(row: Any, _created: bool) -> None:
            self.messages.success(success)
            appointment_id = getattr(row, "appointment_id", None) or getattr(row, "id", None)
            if isinstance(row, AppointmentRow):
                appointment_id = row.id
                if self.school_year and row.school_year != self.school_year:
                    self.set_school_year(row.school_year)
            self._select_after_load = appointment_id

        dialog.on_saved = saved
        dialog.open()
        self.current_dialog = dialog

    def appoint(self) -> None:
        year = self.school_year or sro.school_year_of(self.today)
        self._open(SroAppointmentDialog(self.runner, school_year=year, today=self._today, parent=self),
                   "SRO appointed.")

    def edit(self) -> None:
        if self.detail is not None:
            self._open(SroAppointmentDialog(self.runner, self.detail.appointment, today=self._today, parent=self),
                       "Appointment saved.")

    def edit_schedule(self) -> None:
        if self.detail is not None:
            self._open(SroScheduleDialog(self.runner, self.detail, parent=self), "Duty schedule saved.")

    def end(self) -> None:
        if self.detail is not None:
            self._open(SroEndDialog(self.runner, self.detail.appointment, today=self._today, parent=self),
                       "Appointment ended; its history is kept.")

    def review(self) -> None:
        if self.detail is not None:
            self._open(SroReviewDialog(self.runner, self.detail, today=self._today, parent=self),
                       "Annual review saved.")

    def raise_concern(self) -> None:
        if self.detail is not None:
            self._open(SroConcernDialog(self.runner, self.detail.appointment, today=self._today, parent=self),
                       "Concern recorded. Next: record when the superintendent was informed.")

    def next_step(self) -> None:
        concern = next((c for c in self.detail.concerns if c.next_step), None) if self.detail else None
        if concern is not None:
            self._open(SroStepDialog(self.runner, concern, today=self._today, parent=self), "Step recorded.")

    def documents(self, key: str, title: str, writer: Any, kwargs: dict[str, Any]) -> DocumentActions:
        a = self.detail.appointment if self.detail else None
        slug = f"{a.site_name}-{a.school_year}".lower().replace(" ", "-") if a else "sro"
        self.document_actions = DocumentActions(
            self, self.runner, writer, title=title, default_name=f"sro-{key}-{slug}.pdf",
            on_message=self.messages.show_message, appointment_id=a.id if a else 0, today=self._today, **kwargs,
        )
        return self.document_actions
