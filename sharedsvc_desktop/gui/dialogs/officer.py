"""Add or edit an officer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.defaults import DEFAULT_CATEGORIES, OFFICER_STATUSES
from sharedsvc_desktop.gui.dialogs.base import FormDialog, plain_date
from sharedsvc_desktop.gui.forms.ui_officer_dialog import Ui_OfficerDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.services.officers import OfficerRow


class OfficerDialog(FormDialog):
    changes = "officers"
    settings_key = "officer"

    def __init__(self, runner: DbRunner, officer: OfficerRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_OfficerDialog(), runner, parent)
        self.officer = officer
        ui = self.ui
        ui.rankCombo.addItems([label for _code, label in DEFAULT_CATEGORIES["rank"]])
        for code, label in OFFICER_STATUSES.items():
            ui.statusCombo.addItem(label, code)
        self.bind(
            first_name=ui.firstNameEdit,
            last_name=ui.lastNameEdit,
            badge_number=ui.badgeEdit,
            rank=ui.rankCombo,
            status=ui.statusCombo,
            hire_date=ui.hireDateEdit,
            probation_end=ui.probationEndEdit,
            email=ui.emailEdit,
            phone=ui.phoneEdit,
        )
        if officer is None:
            self.setWindowTitle("Add officer")
            ui.rankCombo.setCurrentText("Officer")
        else:
            self.setWindowTitle(f"Edit officer: {officer.full_name}")
            ui.firstNameEdit.setText(officer.first_name)
            ui.lastNameEdit.setText(officer.last_name)
            ui.badgeEdit.setText(officer.badge_number)
            ui.rankCombo.setCurrentText(officer.rank)
            ui.statusCombo.setCurrentIndex(max(0, ui.statusCombo.findData(officer.status)))
            ui.hireDateEdit.setText(plain_date(officer.hire_date))
            ui.probationEndEdit.setText(plain_date(officer.probation_end))
            ui.emailEdit.setText(officer.email)
            ui.phoneEdit.setText(officer.phone)
            ui.supervisorCheck.setChecked(officer.is_supervisor)
        ui.firstNameEdit.setFocus()

    @property
    def creating(self) -> bool:
        return self.officer is None

    def service(self) -> Callable[..., Any]:
        return officers.add_officer if self.officer is None else officers.update_officer

    def values(self) -> dict[str, Any]:
        ui = self.ui
        values: dict[str, Any] = {
            "first_name": ui.firstNameEdit.text(),
            "last_name": ui.lastNameEdit.text(),
            "badge_number": ui.badgeEdit.text(),
            "rank": ui.rankCombo.currentText(),
            "status": ui.statusCombo.currentData(),
            "hire_date": ui.hireDateEdit.text().strip() or None,
            "probation_end": ui.probationEndEdit.text().strip() or None,
            "email": ui.emailEdit.text(),
            "phone": ui.phoneEdit.text(),
            "is_supervisor": ui.supervisorCheck.isChecked(),
        }
        if self.officer is not None:
            values["officer_id"] = self.officer.id
        return values
