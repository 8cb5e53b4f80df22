"""Add or edit an hour entry: who, date, kind, site, event, start/end (or hours), agreement, billable, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_hour_entry_dialog import Ui_HourEntryDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services import hours
from sharedsvc_desktop.services.hours import EntryChoices, HourDetail


def fill_combo(combo: QComboBox, choices: list[Any], *, none_text: str | None = None) -> None:
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for c in choices:
        combo.addItem(c.label, c.id)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index < 0 and value is not None:
        combo.addItem(f"(no longer listed: {value})", value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class HourEntryDialog(FormDialog):
    changes = "hours"
    settings_key = "hour_entry"

    def __init__(
        self,
        runner: DbRunner,
        choices: EntryChoices,
        entry: HourDetail | None = None,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(Ui_HourEntryDialog(), runner, parent)
        self.entry = entry
        ui = self.ui
        fill_combo(ui.personCombo, choices.people, none_text="— choose —")
        for code, label in hours.KINDS.items():
            ui.kindCombo.addItem(label, code)
        fill_combo(ui.siteCombo, choices.sites, none_text="(no site)")
        fill_combo(ui.eventCombo, choices.events, none_text="(no event)")
        fill_combo(ui.agreementCombo, choices.agreements, none_text="Outside any agreement")
        self.bind(
            person_id=ui.personCombo,
            work_date=ui.workDateEdit,
            kind=ui.kindCombo,
            site_id=ui.siteCombo,
            event_id=ui.eventCombo,
            start=ui.startEdit,
            end=ui.endEdit,
            hours=ui.hoursEdit,
            agreement_id=ui.agreementCombo,
            notes=ui.notesEdit,
            reason=ui.reasonEdit,
        )
        approved = entry is not None and entry.status == "approved"
        ui.reasonLabel.setVisible(approved)
        ui.reasonEdit.setVisible(approved)
        if entry is None:
            self.setWindowTitle("Log hours")
            ui.workDateEdit.setText((today or dt.date.today()).isoformat())
            ui.statusLabel.setText("Give the start and end at the site (local time), or the hours alone.")
        else:
            self.setWindowTitle(f"Edit hours: {entry.person_name}, {entry.work_date:%d %b %Y}")
            select_data(ui.personCombo, entry.person_id)
            ui.workDateEdit.setText(entry.work_date.isoformat())
            ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(entry.kind)))
            select_data(ui.siteCombo, entry.site_id)
            select_data(ui.eventCombo, entry.event_id)
            select_data(ui.agreementCombo, entry.agreement_id)
            ui.startEdit.setText(entry.start_text)
            ui.endEdit.setText(entry.end_text)
            ui.endNextDayCheck.setChecked(entry.end_next_day)
            if not entry.start_text:
                ui.hoursEdit.setText(entry.hours_text)
            ui.billableCheck.setChecked(entry.billable)
            ui.notesEdit.setPlainText(entry.notes)
            status = hours.STATUSES.get(entry.status, entry.status)
            text = f"Status: {status}."
            if approved:
                text += " This entry was approved: give the reason for any change; it will need approval again."
            if entry.change_reason:
                text += f"\nEarlier changes: {entry.change_reason}"
            ui.statusLabel.setText(text)
        ui.personCombo.setFocus()

    @property
    def creating(self) -> bool:
        return self.entry is None

    def service(self) -> Callable[..., Any]:
        return hours.log_hours if self.entry is None else hours.update_hours

    def values(self) -> dict[str, Any]:
        ui = self.ui
        times = bool(ui.startEdit.text().strip() or ui.endEdit.text().strip())
        values: dict[str, Any] = {
            "person_id": ui.personCombo.currentData(),
            "work_date": ui.workDateEdit.text().strip() or None,
            "kind": ui.kindCombo.currentData(),
            "site_id": ui.siteCombo.currentData(),
            "event_id": ui.eventCombo.currentData(),
            "start": ui.startEdit.text().strip() or None,
            "end": ui.endEdit.text().strip() or None,
            "end_next_day": ui.endNextDayCheck.isChecked(),
            "hours": None if times else (ui.hoursEdit.text().strip() or None),
            "agreement_id": ui.agreementCombo.currentData(),
            "billable": ui.billableCheck.isChecked(),
            "notes": ui.notesEdit.toPlainText(),
        }
        if self.entry is not None:
            values["entry_id"] = self.entry.id
            values["reason"] = ui.reasonEdit.text()
        return values
