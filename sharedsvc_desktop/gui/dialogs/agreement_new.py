"""New agreement from a template: the parties, the title and the effective date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_agreement_new_dialog import Ui_AgreementNewDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services import agreements
from sharedsvc_desktop.services.agreements import EditorChoices


class AgreementNewDialog(FormDialog):
    changes = "agreements"
    settings_key = "agreement_new"

    def __init__(self, runner: DbRunner, choices: EditorChoices, parent: QWidget | None = None) -> None:
        super().__init__(Ui_AgreementNewDialog(), runner, parent)
        ui = self.ui
        self._titles = dict(choices.templates)
        for code, title in choices.templates:
            ui.templateCombo.addItem(title, code)
        for party in choices.parties:
            ui.policeCombo.addItem(party.name, party.id)
            ui.schoolCombo.addItem(party.name, party.id)
        police = next((i for i, p in enumerate(choices.parties) if p.kind == "police_department"), 0)
        school = next((i for i, p in enumerate(choices.parties) if p.kind == "school_district"), 0)
        ui.policeCombo.setCurrentIndex(police)
        ui.schoolCombo.setCurrentIndex(school)
        ui.templateCombo.currentIndexChanged.connect(self._template_changed)
        self._template_changed()
        self.bind(title=ui.titleEdit, party_ids=ui.policeCombo, effective_date=ui.effectiveDateEdit)
        ui.templateCombo.setFocus()

    def _template_changed(self) -> None:
        code = self.ui.templateCombo.currentData()
        self.ui.titleEdit.setText(self._titles.get(code, ""))

    @property
    def creating(self) -> bool:
        return True

    def service(self) -> Callable[..., Any]:
        return agreements.draft_from_template

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "template_code": ui.templateCombo.currentData() or "",
            "title": ui.titleEdit.text(),
            "party_ids": [ui.policeCombo.currentData(), ui.schoolCombo.currentData()],
            "effective_date": ui.effectiveDateEdit.text().strip() or None,
        }
