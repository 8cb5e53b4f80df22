"""Record one signatory's signature: the date, a drawn signature and/or a scanned signed copy."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_agreement_signature_dialog import Ui_AgreementSignatureDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.signature_pad import SignaturePadPanel
from sharedsvc_desktop.services import signatures
from sharedsvc_desktop.services.agreements import SignatoryData


class AgreementSignatureDialog(FormDialog):
    changes = "agreements"
    settings_key = "agreement_signature"

    def __init__(self, runner: DbRunner, signatory: SignatoryData, document_number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(Ui_AgreementSignatureDialog(), runner, parent)
        self.signatory = signatory
        ui = self.ui
        self.setWindowTitle(f"Record signature: {signatory.name}")
        ui.introLabel.setText(
            f"<b>{signatory.name}</b>, {signatory.title}, {signatory.organization}<br/>"
            f"signs {document_number}. Draw the signature below, or attach the scanned signed page, or both."
        )
        host_layout = QVBoxLayout(ui.padHost)
        host_layout.setContentsMargins(0, 0, 0, 0)
        self.pad = SignaturePadPanel(ui.padHost, show_accept=False)
        host_layout.addWidget(self.pad)
        ui.signedOnEdit.setText((signatory.signed_on or dt.date.today()).isoformat())
        self.scan_data: bytes | None = None
        self.scan_name = ""
        ui.scanLabel.setText("No scanned copy attached.")
        ui.scanButton.clicked.connect(lambda: self.attach_scan())
        self.bind(signed_on=ui.signedOnEdit, signature=ui.padHost, scanned_copy=ui.scanButton)
        ui.signedOnEdit.setFocus()

    def attach_scan(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Scanned signed copy", "", "Signed copies (*.pdf *.png *.jpg *.jpeg)"
            )
            if not path:
                return
        data = Path(path).read_bytes()
        self.scan_data, self.scan_name = data, Path(path).name
        digest = signatures.sha256_hex(data)
        self.ui.scanLabel.setText(f"{self.scan_name} ({len(data):,} bytes, SHA-256 {digest[:16]}…)")

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        return signatures.record_signature

    def values(self) -> dict[str, Any]:
        return {
            "signatory_id": self.signatory.id,
            "signed_on": self.ui.signedOnEdit.text().strip() or None,
            "drawn_png": self.pad.pad.to_png() or None,
            "scanned_copy": self.scan_data,
            "scanned_filename": self.scan_name,
        }
