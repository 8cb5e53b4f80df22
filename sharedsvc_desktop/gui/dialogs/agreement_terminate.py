"""Record the written notice of termination; shows the date the agreement will end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_agreement_terminate_dialog import Ui_AgreementTerminateDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services import agreements
from sharedsvc_desktop.services.agreements import VersionDetail


class AgreementTerminateDialog(FormDialog):
    changes = "agreements"
    settings_key = "agreement_terminate"

    def __init__(self, runner: DbRunner, detail: VersionDetail, parent: QWidget | None = None) -> None:
        super().__init__(Ui_AgreementTerminateDialog(), runner, parent)
        self.detail = detail
        ui = self.ui
        self.setWindowTitle(f"Terminate {detail.document_number}")
        for party in detail.parties:
            ui.byPartyCombo.addItem(party.name, party.id)
        ui.noticeOnEdit.setText(dt.date.today().isoformat())
        ui.noticeOnEdit.textChanged.connect(self._preview)
        self.bind(notice_on=ui.noticeOnEdit, by_party_id=ui.byPartyCombo)
        self._preview()
        ui.noticeOnEdit.setFocus()

    def _preview(self) -> None:
        try:
            notice = dt.date.fromisoformat(self.ui.noticeOnEdit.text().strip())
        except ValueError:
            self.ui.effectiveLabel.setText(f"The agreement ends {self.detail.notice_days} days after the notice.")
            return
        end = notice + dt.timedelta(days=self.detail.notice_days)
        self.ui.effectiveLabel.setText(
            f"With {self.detail.notice_days} days' notice the agreement ends on {agreements.long_date(end)}."
        )

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        return agreements.record_termination

    def values(self) -> dict[str, Any]:
        return {
            "agreement_id": self.detail.agreement_id,
            "notice_on": self.ui.noticeOnEdit.text().strip() or None,
            "by_party_id": self.ui.byPartyCombo.currentData(),
        }
