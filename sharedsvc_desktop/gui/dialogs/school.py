"""Add or edit a school or other site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.defaults import SITE_LEVELS
from sharedsvc_desktop.gui.dialogs.base import FormDialog
from sharedsvc_desktop.gui.forms.ui_school_dialog import Ui_SchoolDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services import sites
from sharedsvc_desktop.services.sites import SiteRow
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, common_timezones


class SchoolDialog(FormDialog):
    changes = "sites"
    settings_key = "school"

    def __init__(self, runner: DbRunner, site: SiteRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(Ui_SchoolDialog(), runner, parent)
        self.site = site
        ui = self.ui
        for code, label in SITE_LEVELS.items():
            ui.levelCombo.addItem(label, code)
        ui.timezoneCombo.addItems(common_timezones())
        self.bind(
            name=ui.nameEdit,
            level=ui.levelCombo,
            address=ui.addressEdit,
            principal_name=ui.principalEdit,
            contact_phone=ui.phoneEdit,
            contact_email=ui.emailEdit,
            timezone=ui.timezoneCombo,
        )
        if site is None:
            self.setWindowTitle("Add school or site")
            ui.levelCombo.setCurrentIndex(ui.levelCombo.findData("high"))
            ui.timezoneCombo.setCurrentText(DEFAULT_TIMEZONE)
        else:
            self.setWindowTitle(f"Edit: {site.name}")
            ui.nameEdit.setText(site.name)
            ui.levelCombo.setCurrentIndex(max(0, ui.levelCombo.findData(site.level)))
            ui.inDistrictCheck.setChecked(site.in_district)
            ui.addressEdit.setPlainText(site.address)
            ui.principalEdit.setText(site.principal_name)
            ui.phoneEdit.setText(site.contact_phone)
            ui.emailEdit.setText(site.contact_email)
            ui.timezoneCombo.setCurrentText(site.timezone)
        ui.nameEdit.setFocus()

    @property
    def creating(self) -> bool:
        return self.site is None

    def service(self) -> Callable[..., Any]:
        return sites.add_site if self.site is None else sites.update_site

    def values(self) -> dict[str, Any]:
        ui = self.ui
        values: dict[str, Any] = {
            "name": ui.nameEdit.text(),
            "level": ui.levelCombo.currentData(),
            "in_district": ui.inDistrictCheck.isChecked(),
            "address": ui.addressEdit.toPlainText(),
            "principal_name": ui.principalEdit.text(),
            "contact_phone": ui.phoneEdit.text(),
            "contact_email": ui.emailEdit.text(),
            "timezone": ui.timezoneCombo.currentText(),
        }
        if self.site is not None:
            values["site_id"] = self.site.id
            values["party_id"] = self.site.party_id
        return values
