"""Add or edit a staff member or signatory (superintendent, principal, secretary, IT staff, chief, designee)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_person_dialog import Ui_PersonDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import people
from sharedsvc_desktop.services.people import SITE_ROLES, STAFF_ROLES, PersonRow


class PersonDialog(FormDialog):
    changes = "people"
    settings_key = "person"

    def __init__(self, runner: DbRunner, person: PersonRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_PersonDialog(), runner, parent)
        self.person = person
        ui = self.ui
        for code, label in STAFF_ROLES.items():
            ui.roleCombo.addItem(label, code)
        self.bind(first_name=ui.firstNameEdit, last_name=ui.lastNameEdit, role=ui.roleCombo, title=ui.titleEdit,
                  site_id=ui.siteCombo, party_id=ui.partyCombo, email=ui.emailEdit, phone=ui.phoneEdit,
                  notes=ui.notesEdit)
        if person is None:
            self.setWindowTitle("Add staff member or signatory")
        else:
            self.setWindowTitle(f"Edit: {person.full_name}")
            ui.firstNameEdit.setText(person.first_name)
            ui.lastNameEdit.setText(person.last_name)
            ui.titleEdit.setText(person.title)
            ui.roleCombo.setCurrentIndex(max(0, ui.roleCombo.findData(person.role)))
            ui.emailEdit.setText(person.email)
            ui.phoneEdit.setText(person.phone)
            ui.notesEdit.setPlainText(person.notes)
        ui.roleCombo.currentIndexChanged.connect(lambda _i: self._role_changed())
        ui.buttonBox.setEnabled(False)
        runner.read(people.staff_choices, on_done=self._fill,
                    on_error=lambda e: self.show_form_message(user_message(e)), owner=self)
        ui.firstNameEdit.setFocus()

    def _fill(self, choices: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> None:
        sites, parties = choices
        ui, p = self.ui, self.person
        ui.siteCombo.addItem("(no particular school)", None)
        for site_id, name in sites:
            ui.siteCombo.addItem(name, site_id)
        ui.partyCombo.addItem("(not recorded)", None)
        for party_id, name in parties:
            ui.partyCombo.addItem(name, party_id)
        if p is not None:
            if p.site_id is not None and ui.siteCombo.findData(p.site_id) < 0:
                ui.siteCombo.addItem(p.site_name, p.site_id)
            ui.siteCombo.setCurrentIndex(max(0, ui.siteCombo.findData(p.site_id)))
            ui.partyCombo.setCurrentIndex(max(0, ui.partyCombo.findData(p.party_id)))
        self._role_changed()
        ui.buttonBox.setEnabled(True)

    def _role_changed(self) -> None:
        self.ui.siteCombo.setEnabled(self.ui.roleCombo.currentData() in SITE_ROLES)

    @property
    def creating(self) -> bool:
        return self.person is None

    def service(self) -> Callable[..., Any]:
        return people.add_person if self.person is None else people.update_person

    def values(self) -> dict[str, Any]:
        ui = self.ui
        role = ui.roleCombo.currentData()
        values: dict[str, Any] = {
            "first_name": ui.firstNameEdit.text(),
            "last_name": ui.lastNameEdit.text(),
            "role": role,
            "title": ui.titleEdit.text(),
            "site_id": ui.siteCombo.currentData() if role in SITE_ROLES else None,
            "party_id": ui.partyCombo.currentData(),
            "email": ui.emailEdit.text(),
            "phone": ui.phoneEdit.text(),
            "notes": ui.notesEdit.toPlainText(),
        }
        if self.person is not None:
            values["person_id"] = self.person.id
        return values
