"""Dialogs of the SRO program: appoint/edit, duty schedule, end, annual review, concern and its next steps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog, plain_date
from sharedsvc_desktop.gui.forms.ui_sro_appointment_dialog import Ui_SroAppointmentDialog
from sharedsvc_desktop.gui.forms.ui_sro_concern_dialog import Ui_SroConcernDialog
from sharedsvc_desktop.gui.forms.ui_sro_end_dialog import Ui_SroEndDialog
from sharedsvc_desktop.gui.forms.ui_sro_review_dialog import Ui_SroReviewDialog
from sharedsvc_desktop.gui.forms.ui_sro_schedule_dialog import Ui_SroScheduleDialog
from sharedsvc_desktop.gui.forms.ui_sro_step_dialog import Ui_SroStepDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import sro
from sharedsvc_desktop.services.sro import AppointmentChoices, AppointmentDetail, AppointmentRow, ConcernRow

DEFAULT_START, DEFAULT_END = "07:15", "15:15"


def _select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _text(edit: QLineEdit) -> str | None:
    return edit.text().strip() or None


class SroAppointmentDialog(FormDialog):
    """Appoint an SRO (``appointment=None``) or correct an appointment's dates and who agreed."""

    changes = "sro"
    settings_key = "sro_appointment"

    def __init__(
        self,
        runner: DbRunner,
        appointment: AppointmentRow | None = None,
        *,
        school_year: str = "",
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_SroAppointmentDialog(), runner, parent)
        self.appointment = appointment
        self.today = today or dt.date.today()
        self.choices: AppointmentChoices | None = None
        self.loaded = False
        ui = self.ui
        self.day_checks = [getattr(ui, f"day{i}Check") for i in range(7)]
        self.bind(
            site_id=ui.siteCombo, officer_id=ui.officerCombo, school_year=ui.schoolYearEdit,
            start_date=ui.startDateEdit, end_date=ui.endDateEdit, appointed_by_id=ui.appointedByCombo,
            appointed_on=ui.appointedOnEdit, superintendent_id=ui.superintendentCombo,
            superintendent_agreed_on=ui.agreedOnEdit, agreement_id=ui.agreementCombo,
            eligibility_override_reason=ui.overrideEdit, notes=ui.notesEdit, duty=ui.dutyStartEdit,
        )
        ui.eligibilityLabel.setAccessibleName("Officer's eligibility")
        if appointment is None:
            self.setWindowTitle("Appoint a School Resource Officer")
            year = school_year or sro.school_year_of(self.today)
            first, last = sro.school_year_bounds(year)
            ui.schoolYearEdit.setText(year)
            ui.startDateEdit.setText(plain_date(self.today if first <= self.today <= last else first))
            ui.appointedOnEdit.setText(plain_date(self.today))
            for check in self.day_checks[:5]:
                check.setChecked(True)
            ui.dutyStartEdit.setText(DEFAULT_START)
            ui.dutyEndEdit.setText(DEFAULT_END)
        else:
            a = appointment
            self.setWindowTitle(f"Edit SRO appointment: {a.officer_name} at {a.site_name}")
            ui.schoolYearEdit.setText(a.school_year)
            ui.startDateEdit.setText(plain_date(a.start_date))
            ui.endDateEdit.setText(plain_date(a.end_date))
            ui.appointedOnEdit.setText(plain_date(a.appointed_on))
            ui.agreedOnEdit.setText(plain_date(a.superintendent_agreed_on))
            ui.notesEdit.setPlainText(a.notes)
            ui.overrideEdit.setPlainText(a.eligibility_override_reason)
            # the school, the officer and the year stay: a change is a new appointment (history)
            for w in (ui.siteCombo, ui.officerCombo, ui.schoolYearEdit, ui.overrideEdit):
                w.setEnabled(False)
            for w in [*self.day_checks, ui.dutyStartEdit, ui.dutyEndEdit, ui.dutyDaysLabel,
                      ui.dutyStartEditLabel, ui.dutyEndEditLabel]:
                w.setVisible(False)
        ui.officerCombo.currentIndexChanged.connect(lambda _i: self._officer_changed())
        ui.buttonBox.setEnabled(False)
        runner.read(sro.appointment_choices, today=self.today, on_done=self._fill,
                    on_error=lambda e: self.show_form_message(user_message(e)), owner=self)
        ui.siteCombo.setFocus()

    def _fill(self, choices: AppointmentChoices) -> None:
        self.choices = choices
        ui, a = self.ui, self.appointment
        ui.siteCombo.addItem("Choose a school…", None)
        for site_id, name in choices.sites:
            ui.siteCombo.addItem(name, site_id)
        ui.officerCombo.addItem("Choose an officer…", None)
        for officer_id, name, eligible, _note in choices.officers:
            ui.officerCombo.addItem(name if eligible else f"{name} — not eligible", officer_id)
        ui.appointedByCombo.addItem("Choose the chief or designee…", None)
        for p in choices.appointers:
            ui.appointedByCombo.addItem(p.text, p.id)
        ui.superintendentCombo.addItem("Choose the superintendent…", None)
        for p in choices.superintendents:
            ui.superintendentCombo.addItem(p.text, p.id)
        ui.agreementCombo.addItem("(none)", None)
        for agreement_id, text in choices.agreements:
            ui.agreementCombo.addItem(text, agreement_id)
        if a is not None:
            if ui.siteCombo.findData(a.site_id) < 0:
                ui.siteCombo.addItem(a.site_name, a.site_id)
            if ui.officerCombo.findData(a.officer_id) < 0:
                ui.officerCombo.addItem(f"{a.officer_name} ({a.badge_number})", a.officer_id)
            for combo, pid, text in ((ui.appointedByCombo, a.appointed_by_id, a.appointed_by_name),
                                     (ui.superintendentCombo, a.superintendent_id, a.superintendent_name)):
                if pid is not None and combo.findData(pid) < 0:
                    combo.addItem(text, pid)
                _select_data(combo, pid)
            _select_data(ui.siteCombo, a.site_id)
            _select_data(ui.officerCombo, a.officer_id)
            _select_data(ui.agreementCombo, a.agreement_id)
        else:
            if len(choices.appointers) == 1:
                ui.appointedByCombo.setCurrentIndex(1)
            if len(choices.superintendents) == 1:
                ui.superintendentCombo.setCurrentIndex(1)
            if len(choices.agreements) == 1:
                ui.agreementCombo.setCurrentIndex(1)
        self._officer_changed()
        ui.buttonBox.setEnabled(True)
        self.loaded = True

    def _officer_changed(self) -> None:
        label = self.ui.eligibilityLabel
        officer_id = self.ui.officerCombo.currentData()
        found = [c for c in (self.choices.officers if self.choices else []) if c[0] == officer_id]
        if not found:
            label.setText("")
            label.setVisible(False)
            return
        _id, _name, eligible, note = found[0]
        label.setVisible(True)
        if eligible:
            label.setText(f"✓ {note}")
            label.setStyleSheet("color: #1e6b32;")
        else:
            label.setText(f"⚠ {note} Appointing needs an override reason below.")
            label.setStyleSheet("color: #b00020;")
        label.setAccessibleDescription(label.text())

    @property
    def creating(self) -> bool:
        return self.appointment is None

    def service(self) -> Callable[..., Any]:
        return sro.appoint_sro if self.appointment is None else sro.update_appointment

    def show_errors(self, fields: dict[str, str]) -> None:
        merged: dict[str, str] = {}
        for key, message in fields.items():
            key = "duty" if key.startswith("duty_") else key
            merged[key] = f"{merged[key]} {message}" if key in merged else message
        super().show_errors(merged)

    def values(self) -> dict[str, Any]:
        ui = self.ui
        common: dict[str, Any] = {
            "start_date": _text(ui.startDateEdit),
            "end_date": _text(ui.endDateEdit),
            "appointed_by_id": ui.appointedByCombo.currentData(),
            "appointed_on": _text(ui.appointedOnEdit),
            "superintendent_id": ui.superintendentCombo.currentData(),
            "superintendent_agreed_on": _text(ui.agreedOnEdit),
            "agreement_id": ui.agreementCombo.currentData(),
            "allow_overlap": ui.allowOverlapCheck.isChecked(),
            "notes": ui.notesEdit.toPlainText(),
            "today": self.today,
        }
        if self.appointment is not None:
            return {"appointment_id": self.appointment.id, **common}
        start, end = ui.dutyStartEdit.text(), ui.dutyEndEdit.text()
        return {
            "site_id": ui.siteCombo.currentData(),
            "officer_id": ui.officerCombo.currentData(),
            "school_year": ui.schoolYearEdit.text(),
            "eligibility_override_reason": ui.overrideEdit.toPlainText(),
            "duties": [(i, start, end) for i, check in enumerate(self.day_checks) if check.isChecked()],
            **common,
        }


class SroScheduleDialog(FormDialog):
    """The weekly duty schedule of one appointment: a start and end time for each day on duty."""

    changes = "sro"
    settings_key = "sro_schedule"

    def __init__(self, runner: DbRunner, detail: AppointmentDetail, parent: QWidget | None = None) -> None:
        super().__init__(Ui_SroScheduleDialog(), runner, parent)
        self.detail = detail
        ui = self.ui
        a = detail.appointment
        self.setWindowTitle(f"Duty schedule: {a.officer_name} at {a.site_name}")
        ui.summaryLabel.setText(f"Weekly duty at {a.site_name}, in the school's local time ({a.site_timezone}).")
        self.rows = [(getattr(ui, f"day{i}Check"), getattr(ui, f"day{i}Start"), getattr(ui, f"day{i}End"))
                     for i in range(7)]
        for i, (check, start, end) in enumerate(self.rows):
            duty = next((d for d in detail.duties if d.weekday == i), None)
            check.setChecked(duty is not None)
            start.setText(f"{duty.start_time:%H:%M}" if duty else DEFAULT_START)
            end.setText(f"{duty.end_time:%H:%M}" if duty else DEFAULT_END)
            check.toggled.connect(lambda on, s=start, e=end: (s.setEnabled(on), e.setEnabled(on)))
            start.setEnabled(check.isChecked())
            end.setEnabled(check.isChecked())
            self.bind(**{f"duty_{i}": start})
        self.rows[0][0].setFocus()

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        return sro.set_duty_schedule

    def values(self) -> dict[str, Any]:
        duties = [(i, s.text(), e.text()) for i, (c, s, e) in enumerate(self.rows) if c.isChecked()]
        return {"appointment_id": self.detail.appointment.id, "duties": duties}


class SroEndDialog(FormDialog):
    changes = "sro"
    settings_key = "sro_end"

    def __init__(
        self, runner: DbRunner, appointment: AppointmentRow, *, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_SroEndDialog(), runner, parent)
        self.appointment, self.today = appointment, today or dt.date.today()
        ui = self.ui
        self.setWindowTitle(f"End appointment: {appointment.officer_name} at {appointment.site_name}")
        ui.summaryLabel.setText(
            f"{appointment.officer_name} stops being the SRO at {appointment.site_name} after the last day below. "
            "The appointment and its history are kept. (A dismissal or reassignment after a principal's concern is "
            "recorded through the concern instead.)"
        )
        last = appointment.end_date
        ui.endDateEdit.setText(plain_date(self.today if last is None or self.today < last else last))
        self.bind(end_date=ui.endDateEdit, reason=ui.reasonEdit)
        ui.endDateEdit.setFocus()

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        return sro.end_appointment

    def values(self) -> dict[str, Any]:
        return {"appointment_id": self.appointment.id, "end_date": _text(self.ui.endDateEdit),
                "reason": self.ui.reasonEdit.toPlainText(), "today": self.today}


class SroReviewDialog(FormDialog):
    """Record or complete the annual review of an appointment."""

    changes = "sro"
    settings_key = "sro_review"

    def __init__(
        self, runner: DbRunner, detail: AppointmentDetail, *, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_SroReviewDialog(), runner, parent)
        self.detail, self.today = detail, today or dt.date.today()
        self.review = detail.reviews[0] if detail.reviews else None
        a = detail.appointment
        ui = self.ui
        self.setWindowTitle(f"Annual review: {a.officer_name} at {a.site_name} ({a.school_year})")
        ui.summaryLabel.setText(
            f"Due from {detail.review_due_from:%d %b %Y}; overdue after {detail.review_overdue_after:%d %b %Y}. "
            "The school administration meets the SRO and the chief (or designee), then sends its written report "
            "to the chief."
        )
        self.bind(meeting_date=ui.meetingDateEdit, attendees=ui.attendeesEdit, report_text=ui.reportTextEdit,
                  report_file=ui.reportFileEdit, sent_to_chief_on=ui.sentToChiefOnEdit)
        r = self.review
        if r is not None:
            ui.meetingDateEdit.setText(plain_date(r.meeting_date))
            ui.attendeesEdit.setPlainText(r.attendees)
            ui.reportTextEdit.setPlainText(r.report_text)
            ui.sentToChiefOnEdit.setText(plain_date(r.sent_to_chief_on))
            if r.report_filename:
                ui.reportFileEdit.setPlaceholderText(f"attached: {r.report_filename} (choose a file to replace it)")
        else:
            people = [
                f"{a.principal_name} (principal)" if a.principal_name else "",
                f"{a.officer_name} (SRO)",
                f"{a.appointed_by_name} ({a.appointed_by_title or 'chief or designee'})" if a.appointed_by_name else "",
            ]
            ui.attendeesEdit.setPlainText("\n".join(p for p in people if p))
        ui.browseButton.clicked.connect(self.choose_file)
        ui.meetingDateEdit.setFocus()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach the written report", "", "All files (*)")
        if path:
            self.ui.reportFileEdit.setText(path)

    @property
    def creating(self) -> bool:
        return self.review is None

    def service(self) -> Callable[..., Any]:
        return sro.record_review if self.review is None else sro.update_review

    def save(self) -> None:
        path = self.ui.reportFileEdit.text().strip()
        if path and not Path(path).is_file():
            self.clear_errors()
            self.show_errors({"report_file": f"There is no file at {path}."})
            return
        super().save()

    def values(self) -> dict[str, Any]:
        ui = self.ui
        values: dict[str, Any] = {
            "meeting_date": _text(ui.meetingDateEdit),
            "attendees": ui.attendeesEdit.toPlainText(),
            "report_text": ui.reportTextEdit.toPlainText(),
            "sent_to_chief_on": _text(ui.sentToChiefOnEdit),
            "today": self.today,
        }
        path = ui.reportFileEdit.text().strip()
        if path:
            values["report_filename"] = Path(path).name
            values["report_data"] = Path(path).read_bytes()
        if self.review is None:
            values["appointment_id"] = self.detail.appointment.id
        else:
            values["review_id"] = self.review.id
        return values


class SroConcernDialog(FormDialog):
    changes = "sro"
    settings_key = "sro_concern"

    def __init__(
        self, runner: DbRunner, appointment: AppointmentRow, *, today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_SroConcernDialog(), runner, parent)
        self.appointment, self.today = appointment, today or dt.date.today()
        ui = self.ui
        self.setWindowTitle(f"Principal's concern: {appointment.officer_name} at {appointment.site_name}")
        ui.summaryLabel.setText(
            "The principal feels the SRO is not effectively performing their duties and contacts the "
            "superintendent, who notifies the chief; the chief may dismiss or reassign the SRO (section X)."
        )
        ui.raisedOnEdit.setText(plain_date(self.today))
        self.bind(raised_on=ui.raisedOnEdit, reasons=ui.reasonsEdit, notes=ui.notesEdit)
        ui.reasonsEdit.setFocus()

    @property
    def creating(self) -> bool:
        return True

    def service(self) -> Callable[..., Any]:
        return sro.raise_concern

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {"appointment_id": self.appointment.id, "raised_on": _text(ui.raisedOnEdit),
                "reasons": ui.reasonsEdit.toPlainText(), "notes": ui.notesEdit.toPlainText(), "today": self.today}


STEP_TEXT = {
    "superintendent_informed": ("Superintendent informed", "The date the principal informed the superintendent."),
    "chief_notified": ("Chief notified", "The date the superintendent notified the chief of police or designee."),
    "decision": ("Chief's decision", "The chief's decision and its date. Dismissing or reassigning the SRO ends "
                                     "the appointment on that date."),
}


class SroStepDialog(FormDialog):
    """The next step of an open concern: superintendent informed, chief notified, or the decision."""

    changes = "sro"
    settings_key = "sro_step"

    def __init__(
        self, runner: DbRunner, concern: ConcernRow, *, today: dt.date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(Ui_SroStepDialog(), runner, parent)
        self.concern, self.today = concern, today or dt.date.today()
        self.step = concern.next_step
        ui = self.ui
        title, text = STEP_TEXT.get(self.step, ("Concern decided", "Every step of this concern is recorded."))
        self.setWindowTitle(f"Concern of {concern.raised_on:%d %b %Y}: {title.lower()}")
        ui.stepLabel.setText(f"<b>{title}</b><br>{text}")
        ui.dateEdit.setText(plain_date(self.today))
        for code, label in sro.DECISIONS.items():
            ui.decisionCombo.addItem(label, code)
        ui.decisionCombo.setCurrentIndex(ui.decisionCombo.findData("retain"))
        deciding = self.step == "decision"
        for w in (ui.decisionCombo, ui.decisionComboLabel, ui.notesEdit, ui.notesEditLabel):
            w.setVisible(deciding)
        self.bind(date=ui.dateEdit, decision=ui.decisionCombo, notes=ui.notesEdit)
        ui.dateEdit.setFocus()

    @property
    def creating(self) -> bool:
        return False

    def show_errors(self, fields: dict[str, str]) -> None:
        renamed = {"date" if k in ("informed_on", "notified_on", "decided_on") else k: v for k, v in fields.items()}
        super().show_errors(renamed)

    def service(self) -> Callable[..., Any]:
        return {
            "superintendent_informed": sro.record_superintendent_informed,
            "chief_notified": sro.record_chief_notified,
        }.get(self.step, sro.decide_concern)

    def values(self) -> dict[str, Any]:
        ui = self.ui
        day = _text(ui.dateEdit)
        base: dict[str, Any] = {"concern_id": self.concern.id, "today": self.today}
        if self.step == "superintendent_informed":
            return {**base, "informed_on": day}
        if self.step == "chief_notified":
            return {**base, "notified_on": day}
        return {**base, "decision": ui.decisionCombo.currentData(), "decided_on": day,
                "notes": ui.notesEdit.toPlainText()}
