"""Sign an agreement digitally: choose the certificate (the office's, a .p12 file, or a new self-signed office
certificate), give its passphrase, choose the signatory's block and where to save the signed PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.dialogs.base import ERROR_STYLE
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import signatures
from sharedsvc_desktop.services.agreements import VersionDetail
from sharedsvc_desktop.services.signatures import CertificateInfo, SignedPdf

FILE_CHOICE = -1


class AgreementSignDialog(QDialog):
    def __init__(self, runner: DbRunner, detail: VersionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.detail = runner, detail
        self.result_pdf: SignedPdf | None = None
        self.setWindowTitle(f"Sign {detail.document_number} digitally")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The agreement is printed and signed with a certificate (PAdES). The signature appears in the "
            "signatory's block; any change to the file afterwards is detected when it is verified."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.cert_combo = QComboBox()
        self.cert_combo.setAccessibleName("Certificate")
        cert_label = QLabel("&Certificate")
        cert_label.setBuddy(self.cert_combo)
        form.addRow(cert_label, self.cert_combo)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setAccessibleName("Certificate file")
        self.file_edit.setPlaceholderText("a .p12 or .pfx file")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse_cert)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        file_label = QLabel("Certificate &file")
        file_label.setBuddy(self.file_edit)
        form.addRow(file_label, file_row)
        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setAccessibleName("Passphrase")
        pass_label = QLabel("&Passphrase")
        pass_label.setBuddy(self.passphrase_edit)
        form.addRow(pass_label, self.passphrase_edit)
        self.signatory_combo = QComboBox()
        self.signatory_combo.setAccessibleName("Signatory block")
        for s in detail.signatories:
            self.signatory_combo.addItem(f"{s.name}, {s.title} ({s.organization})", s.position)
        sig_label = QLabel("&Sign in the block of")
        sig_label.setBuddy(self.signatory_combo)
        form.addRow(sig_label, self.signatory_combo)
        out_row = QHBoxLayout()
        self.out_edit = QLineEdit()
        self.out_edit.setAccessibleName("Signed PDF file")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.out_edit.setText(str(Path(folder) / f"{detail.document_number.replace(' ', '-')}-signed.pdf"))
        out_browse = QPushButton("B&rowse…")
        out_browse.clicked.connect(self._browse_out)
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(out_browse)
        out_label = QLabel("Save &to")
        out_label.setBuddy(self.out_edit)
        form.addRow(out_label, out_row)
        layout.addLayout(form)

        group = QGroupBox("No certificate yet? Create a self-signed office certificate")
        g = QFormLayout(group)
        self.cn_edit = QLineEdit()
        self.cn_edit.setAccessibleName("Name on the new certificate")
        self.org_edit = QLineEdit()
        self.org_edit.setAccessibleName("Organization on the new certificate")
        if detail.signatories:
            self.cn_edit.setText(detail.signatories[0].name)
            self.org_edit.setText(detail.signatories[0].organization)
        self.create_button = QPushButton("Create &office certificate (uses the passphrase above)")
        self.create_button.clicked.connect(self.create_certificate)
        g.addRow("Name", self.cn_edit)
        g.addRow("Organization", self.org_edit)
        g.addRow(self.create_button)
        layout.addWidget(group)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton("&Sign", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setDefault(True)
        self.sign_button.clicked.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.cert_combo.currentIndexChanged.connect(self._cert_changed)
        self.load_certificates()

    # -- certificates
    def load_certificates(self, select_id: int | None = None) -> None:
        self.runner.read(signatures.list_certificates, on_done=lambda certs: self._certificates(certs, select_id),
                         on_error=self._failed, owner=self)

    def _certificates(self, certs: list[CertificateInfo], select_id: int | None) -> None:
        self.cert_combo.clear()
        for c in certs:
            self.cert_combo.addItem(f"{c.common_name} (office certificate, until {c.not_after:%d %b %Y})", c.id)
        self.cert_combo.addItem("A certificate file (.p12)…", FILE_CHOICE)
        if select_id is not None:
            self.cert_combo.setCurrentIndex(max(0, self.cert_combo.findData(select_id)))
        self._cert_changed()

    def _cert_changed(self) -> None:
        self.file_edit.setEnabled(self.cert_combo.currentData() == FILE_CHOICE)

    def _browse_cert(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Certificate file", "", "Certificates (*.p12 *.pfx)")
        if path:
            self.file_edit.setText(path)
            self.cert_combo.setCurrentIndex(self.cert_combo.findData(FILE_CHOICE))

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the signed PDF", self.out_edit.text(), "PDF files (*.pdf)")
        if path:
            self.out_edit.setText(path)

    def create_certificate(self) -> None:
        self.message.hide()
        self.runner.write(
            signatures.create_office_certificate,
            changes="settings",
            common_name=self.cn_edit.text(),
            organization=self.org_edit.text(),
            passphrase=self.passphrase_edit.text(),
            on_done=lambda info: self.load_certificates(info.id),
            on_error=self._failed,
            owner=self,
        )

    # -- signing
    def sign(self) -> None:
        self.message.hide()
        kwargs: dict[str, Any] = {
            "agreement_id": self.detail.agreement_id,
            "version_no": self.detail.version_no,
            "out": self.out_edit.text().strip(),
            "passphrase": self.passphrase_edit.text(),
            "signatory_position": self.signatory_combo.currentData(),
        }
        if not kwargs["out"]:
            self._show("Choose where to save the signed PDF.")
            return
        choice = self.cert_combo.currentData()
        if choice == FILE_CHOICE:
            path = Path(self.file_edit.text().strip())
            if not path.is_file():
                self._show("Choose the certificate file (.p12 or .pfx).")
                return
            kwargs["pkcs12"] = path.read_bytes()
        else:
            kwargs["certificate_id"] = choice
        self.sign_button.setEnabled(False)
        self.runner.read(signatures.sign_agreement, on_done=self._signed, on_error=self._failed, owner=self,
                         **kwargs)

    def _signed(self, result: SignedPdf) -> None:
        self.sign_button.setEnabled(True)
        self.result_pdf = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.sign_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show(" ".join(exc.fields.values()))
        else:
            self._show(user_message(exc))

    def _show(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
