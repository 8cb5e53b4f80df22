"""Form dialogs built from Designer forms: Save runs a service in the background; errors show next to fields."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.ops import DbRunner, user_message

ERROR_STYLE = "color: #b00020;"
INVALID_STYLE = "border: 1px solid #b00020;"


def _camel(field: str) -> str:
    head, *rest = field.split("_")
    return head + "".join(part.capitalize() for part in rest)


class FormDialog(QDialog):
    """A dialog over a generated ``Ui_*`` form with ``formMessage``, ``buttonBox`` and ``<field>Error`` labels."""

    changes = ""
    settings_key = ""

    def __init__(self, ui: Any, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.ui.setupUi(self)
        self.runner = runner
        self.saved_row: Any = None
        self.on_saved: Callable[[Any, bool], None] | None = None
        self._inputs: dict[str, QWidget] = {}
        for label in self.findChildren(QLabel):
            if label.objectName().endswith("Error"):
                label.setStyleSheet(ERROR_STYLE)
                label.setVisible(False)
                label.setAccessibleName("Error")
        self.ui.formMessage.setStyleSheet(ERROR_STYLE)
        self.ui.formMessage.setVisible(False)
        save = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.clicked.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._restore_geometry()

    # -- fields
    def bind(self, **inputs: QWidget) -> None:
        """Name the input widget of each service field (to mark it and move the focus there)."""
        self._inputs.update(inputs)

    def error_label(self, field: str) -> QLabel | None:
        return self.findChild(QLabel, f"{_camel(field)}Error")

    def clear_errors(self) -> None:
        for label in self.findChildren(QLabel):
            if label.objectName().endswith("Error"):
                label.clear()
                label.setVisible(False)
        for widget in self._inputs.values():
            widget.setStyleSheet("")
            widget.setAccessibleDescription("")
        self.ui.formMessage.clear()
        self.ui.formMessage.setVisible(False)

    def show_errors(self, fields: dict[str, str]) -> None:
        general: list[str] = []
        first: QWidget | None = None
        for field, message in fields.items():
            label = self.error_label(field) if field else None
            if label is None:
                general.append(message)
                continue
            label.setText(message)
            label.setVisible(True)
            widget = self._inputs.get(field)
            if widget is not None:
                widget.setStyleSheet(INVALID_STYLE)
                widget.setAccessibleDescription(message)
                first = first or widget
        if general:
            self.show_form_message(" ".join(general))
        if first is not None:
            first.setFocus()

    def show_form_message(self, text: str) -> None:
        self.ui.formMessage.setText(text)
        self.ui.formMessage.setVisible(True)

    # -- saving
    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def service(self) -> Callable[..., Any]:
        raise NotImplementedError

    @property
    def creating(self) -> bool:
        raise NotImplementedError

    def save(self) -> None:
        self.clear_errors()
        self.ui.buttonBox.setEnabled(False)
        self.runner.write(
            self.service(),
            changes=self.changes,
            on_done=self._saved,
            on_error=self._failed,
            owner=self,
            **self.values(),
        )

    def _saved(self, row: Any) -> None:
        self.ui.buttonBox.setEnabled(True)
        self.saved_row = row
        if self.on_saved is not None:
            self.on_saved(row, self.creating)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ui.buttonBox.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            self.show_form_message(user_message(exc))

    # -- geometry
    def _restore_geometry(self) -> None:
        if self.settings_key:
            geometry = QSettings().value(f"dialogs/{self.settings_key}")
            if geometry is not None:
                self.restoreGeometry(geometry)

    def done(self, result: int) -> None:
        if self.settings_key:
            QSettings().setValue(f"dialogs/{self.settings_key}", self.saveGeometry())
        super().done(result)


def plain_date(value: Any) -> str:
    return value.isoformat() if value else ""


def strip_mnemonic(text: str) -> str:
    return re.sub(r"&(?!&)", "", text)
