"""Add or correct one training record of an officer (kind, completion, expiry, notes).

Typing a name that is not in the list adds it as a new kind of training first ("others the user adds").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog, plain_date
from sharedsvc_desktop.gui.forms.ui_training_dialog import Ui_TrainingDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.services.officers import QualificationKind, QualificationRow


class TrainingDialog(FormDialog):
    changes = "officers"
    settings_key = "training"

    def __init__(
        self,
        runner: DbRunner,
        officer_id: int,
        record: QualificationRow | None = None,
        *,
        officer_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Ui_TrainingDialog(), runner, parent)
        self.officer_id, self.record = officer_id, record
        self.kinds: list[QualificationKind] = []
        ui = self.ui
        ui.kindCombo.setEditable(True)
        ui.kindCombo.setInsertPolicy(ui.kindCombo.InsertPolicy.NoInsert)
        ui.kindCombo.lineEdit().setPlaceholderText("Choose, or type a new kind of training")
        who = f": {officer_name}" if officer_name else ""
        self.setWindowTitle(("Add training record" if record is None else "Edit training record") + who)
        if record is not None:
            ui.completedOnEdit.setText(plain_date(record.completed_on))
            ui.expiresOnEdit.setText(plain_date(record.expires_on))
            ui.notesEdit.setPlainText(record.notes)
        self.bind(kind=ui.kindCombo, completed_on=ui.completedOnEdit, expires_on=ui.expiresOnEdit,
                  notes=ui.notesEdit, label=ui.kindCombo)
        ui.buttonBox.setEnabled(False)
        runner.read(officers.qualification_kinds, on_done=self._fill,
                    on_error=lambda e: self.show_form_message(user_message(e)), owner=self)
        ui.kindCombo.setFocus()

    def _fill(self, kinds: list[QualificationKind]) -> None:
        self.kinds = kinds
        combo = self.ui.kindCombo
        for k in kinds:
            combo.addItem(k.label + (" (required for school details)" if k.required else ""), k.code)
        if self.record is not None:
            index = combo.findData(self.record.kind)
            if index < 0:
                combo.addItem(self.record.label, self.record.kind)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
        self.ui.buttonBox.setEnabled(True)

    @property
    def creating(self) -> bool:
        return self.record is None

    def _kind_code(self) -> str | None:
        combo = self.ui.kindCombo
        text = combo.currentText().strip()
        index = combo.findText(text)
        if index >= 0:
            return combo.itemData(index)
        for k in self.kinds:
            if k.label.casefold() == text.casefold() or k.code == text:
                return k.code
        return None

    def save(self) -> None:
        text = self.ui.kindCombo.currentText().strip()
        if text and self._kind_code() is None:
            # a new kind of training: add it to the list, then save the record with it
            self.clear_errors()
            self.ui.buttonBox.setEnabled(False)

            def added(kind: QualificationKind) -> None:
                self.ui.kindCombo.addItem(kind.label, kind.code)
                self.ui.kindCombo.setCurrentIndex(self.ui.kindCombo.count() - 1)
                self.kinds.append(kind)
                super(TrainingDialog, self).save()

            self.runner.write(officers.add_qualification_kind, label=text, changes="officers", on_done=added,
                              on_error=self._failed, owner=self)
            return
        super().save()

    def service(self) -> Callable[..., Any]:
        return officers.add_qualification if self.record is None else officers.update_qualification

    def values(self) -> dict[str, Any]:
        ui = self.ui
        values: dict[str, Any] = {
            "kind": self._kind_code() or ui.kindCombo.currentText().strip(),
            "completed_on": ui.completedOnEdit.text().strip() or None,
            "expires_on": ui.expiresOnEdit.text().strip() or None,
            "notes": ui.notesEdit.toPlainText(),
        }
        if self.record is None:
            values["officer_id"] = self.officer_id
        else:
            values["qualification_id"] = self.record.id
        return values
