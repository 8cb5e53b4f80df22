"""The request form (quick: school, type, date, times, officers...) with "repeat weekly until ... except ...",
and a small dialog asking for a reason (decline, cancel)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.dialogs.base import ERROR_STYLE, FormDialog
from sharedsvc_desktop.gui.forms.ui_event_dialog import Ui_EventDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import events, series
from sharedsvc_desktop.services.common import Fields
from sharedsvc_desktop.services.events import EventRow, RequestFormChoices


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _pytime(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class EventDialog(FormDialog):
    """Request coverage (one event or a weekly series), or edit one event (one occurrence of a series too)."""

    changes = "events"
    settings_key = "event"

    def __init__(
        self,
        runner: DbRunner,
        event: EventRow | None = None,
        parent: QWidget | None = None,
        *,
        site_id: int | None = None,
        day: dt.date | None = None,
    ) -> None:
        super().__init__(Ui_EventDialog(), runner, parent)
        self.event_row = event
        self.choices: RequestFormChoices | None = None
        self._wanted_site = event.site_id if event else site_id
        ui = self.ui
        self.bind(
            site_id=ui.siteCombo, event_type=ui.typeCombo, title=ui.titleEdit, start=ui.startTimeEdit,
            end=ui.endTimeEdit, expected_attendance=ui.attendanceSpin, officers_requested=ui.officersSpin,
            requester_name=ui.requesterEdit, requester_contact=ui.contactEdit, agreement_id=ui.agreementCombo,
            notes=ui.notesEdit, until=ui.untilEdit, exceptions=ui.exceptionsEdit,
        )
        first = day or (dt.date.today() + dt.timedelta(days=7))
        if event is None:
            self.setWindowTitle("Request event coverage")
            ui.dateEdit.setDate(_qdate(first))
            ui.startTimeEdit.setTime(QTime(19, 0))
            ui.endTimeEdit.setTime(QTime(22, 0))
            ui.untilEdit.setDate(_qdate(first + dt.timedelta(weeks=10)))
        else:
            self.setWindowTitle(f"Event: {event.title}")
            start, end = event.local_start, event.local_end
            ui.titleEdit.setText(event.title)
            ui.dateEdit.setDate(_qdate(start.date()))
            ui.startTimeEdit.setTime(QTime(start.hour, start.minute))
            ui.endTimeEdit.setTime(QTime(end.hour, end.minute))
            ui.attendanceSpin.setValue(event.expected_attendance or 0)
            ui.officersSpin.setValue(event.officers_requested)
            ui.supervisorCheck.setChecked(event.supervisor_required)
            ui.requesterEdit.setText(event.requester_name)
            ui.contactEdit.setText(event.requester_contact)
            ui.notesEdit.setPlainText(event.notes)
            ui.repeatGroup.setVisible(False)
            if event.status in ("declined", "cancelled", "completed"):
                self.show_form_message(
                    f"This event is {event.status_label.lower()}"
                    + (f": {event.decline_reason}" if event.decline_reason else "")
                    + ". It can no longer be changed."
                )
                ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        ui.dateEdit.dateChanged.connect(lambda _d: self._update_hints())
        ui.startTimeEdit.timeChanged.connect(lambda _t: self._update_hints())
        ui.endTimeEdit.timeChanged.connect(lambda _t: self._update_hints())
        ui.untilEdit.dateChanged.connect(lambda _d: self._update_hints())
        ui.exceptionsEdit.textChanged.connect(lambda _t: self._update_hints())
        ui.repeatGroup.toggled.connect(lambda _c: self._update_hints())
        ui.siteCombo.currentIndexChanged.connect(self._site_changed)
        self._update_hints()
        ui.siteCombo.setEnabled(False)
        runner.read(events.request_form_choices, on_done=self._fill, on_error=self._load_failed, owner=self)
        ui.siteCombo.setFocus()

    # -- choices
    def _fill(self, choices: RequestFormChoices) -> None:
        self.choices = choices
        ui = self.ui
        ui.siteCombo.blockSignals(True)
        ui.siteCombo.addItem("Choose a school or site…", None)
        for c in choices.sites:
            ui.siteCombo.addItem(c.label, c.value)
        if self.event_row is not None and ui.siteCombo.findData(self.event_row.site_id) < 0:
            ui.siteCombo.addItem(self.event_row.site_name, self.event_row.site_id)
        ui.siteCombo.blockSignals(False)
        for c in choices.event_types:
            ui.typeCombo.addItem(c.label, c.value)
        ui.agreementCombo.addItem("None (outside any agreement)", None)
        for c in choices.agreements:
            ui.agreementCombo.addItem(c.label, c.value)
        ui.siteCombo.setEnabled(True)
        if self.event_row is not None:
            ui.typeCombo.setCurrentIndex(max(0, ui.typeCombo.findData(self.event_row.event_type)))
        if self._wanted_site is not None:
            ui.siteCombo.setCurrentIndex(max(0, ui.siteCombo.findData(self._wanted_site)))
        if self.event_row is not None:
            ui.agreementCombo.setCurrentIndex(max(0, ui.agreementCombo.findData(self.event_row.agreement_id)))

    def _load_failed(self, exc: BaseException) -> None:
        self.show_form_message(user_message(exc))

    def _site_changed(self, _index: int) -> None:
        site_id = self.ui.siteCombo.currentData()
        if self.choices is None or site_id is None or self.event_row is not None:
            return
        default = self.choices.default_agreements.get(site_id)
        self.ui.agreementCombo.setCurrentIndex(max(0, self.ui.agreementCombo.findData(default)))

    # -- hints
    def _times(self) -> tuple[dt.datetime, dt.datetime]:
        ui = self.ui
        day = _pydate(ui.dateEdit.date())
        start, end = _pytime(ui.startTimeEdit.time()), _pytime(ui.endTimeEdit.time())
        end_day = day if end > start else day + dt.timedelta(days=1)
        return dt.datetime.combine(day, start), dt.datetime.combine(end_day, end)

    def _update_hints(self) -> None:
        ui = self.ui
        start, end = self._times()
        ui.durationLabel.setText("(ends the next day)" if end.date() != start.date() else "")
        if not ui.repeatGroup.isChecked():
            ui.repeatSummary.setText("")
            return
        f = Fields()
        skip = series.parse_dates(ui.exceptionsEdit.text(), "exceptions", "The exception", f)
        first, last = start.date(), _pydate(ui.untilEdit.date())
        dates = series.occurrence_dates(first, last, [first.weekday()], skip) if last >= first else []
        day_name = series.WEEKDAY_NAMES[first.weekday()]
        ui.repeatSummary.setText(
            f"Every {day_name} from {first:%d %b %Y} to {last:%d %b %Y}: {len(dates)} event"
            f"{'s' if len(dates) != 1 else ''}, each one editable on its own afterwards."
        )

    # -- saving
    @property
    def creating(self) -> bool:
        return self.event_row is None

    @property
    def repeating(self) -> bool:
        return self.event_row is None and self.ui.repeatGroup.isChecked()

    def service(self) -> Callable[..., Any]:
        if self.event_row is not None:
            return events.update_event
        return series.create_series if self.repeating else events.request_event

    def values(self) -> dict[str, Any]:
        ui = self.ui
        attendance = ui.attendanceSpin.value()
        values: dict[str, Any] = {
            "site_id": ui.siteCombo.currentData(),
            "event_type": ui.typeCombo.currentData() or "",
            "title": ui.titleEdit.text(),
            "officers_requested": ui.officersSpin.value(),
            "supervisor_required": ui.supervisorCheck.isChecked(),
            "expected_attendance": attendance if attendance > 0 else None,
            "requester_name": ui.requesterEdit.text(),
            "requester_contact": ui.contactEdit.text(),
            "notes": ui.notesEdit.toPlainText(),
            "agreement_id": ui.agreementCombo.currentData(),
        }
        start, end = self._times()
        if self.repeating:
            values.update(
                first_date=start.date(),
                last_date=_pydate(ui.untilEdit.date()),
                local_start_time=start.time(),
                local_end_time=end.time(),
                exceptions=ui.exceptionsEdit.text(),
            )
        else:
            values.update(local_start=start, local_end=end)
        if self.event_row is not None:
            values["event_id"] = self.event_row.id
        return values

    def save(self) -> None:
        if self.ui.siteCombo.currentData() is None:
            self.clear_errors()
            self.show_errors({"site_id": "Choose the school or site."})
            return
        super().save()


class ReasonDialog(QDialog):
    """Ask for a reason, then run ``fn(session, reason=..., **kwargs)`` as a write; errors show inline."""

    def __init__(
        self,
        runner: DbRunner,
        fn: Callable[..., Any],
        *,
        title: str,
        prompt: str,
        ok_text: str,
        required: bool,
        on_done: Callable[[Any], None],
        parent: QWidget | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(parent)
        self.runner, self.fn, self.kwargs, self.required, self.on_done = runner, fn, kwargs, required, on_done
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName("Reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        label.setBuddy(self.reason)
        layout.addWidget(self.reason)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setAccessibleName("Error")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep it")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    def submit(self) -> None:
        text = self.reason.toPlainText().strip()
        if self.required and not text:
            self._show("Please give a reason; the school will see it.")
            return
        self.buttons.setEnabled(False)
        self.runner.write(
            self.fn, changes="events", on_done=self._done, on_error=self._failed, owner=self, reason=text,
            **self.kwargs,
        )

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _done(self, row: Any) -> None:
        self.buttons.setEnabled(True)
        self.on_done(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._show(" ".join(exc.fields.values()) if isinstance(exc, ValidationError) else user_message(exc))
