"""The Schools screen: schools and other sites, district or not."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.school import SchoolDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.tablemodels import Column
from sharedsvc_desktop.gui.views.records import RecordListView
from sharedsvc_desktop.services import sites
from sharedsvc_desktop.services.sites import SiteRow

COLUMNS = [
    Column("Name", lambda r: r.name, width=30),
    Column("Level", lambda r: r.level_label, width=10),
    Column("District", lambda r: "District" if r.in_district else "Non-district", width=11),
    Column("Principal", lambda r: r.principal_name, width=20),
    Column("Time zone", lambda r: r.timezone, width=16),
    Column("Status", lambda r: "Active" if r.active else "Inactive", width=8,
           foreground=lambda r: None if r.active else "#777777"),
    Column("Party", lambda r: r.party_name, width=26),
]


class SchoolsView(RecordListView):
    title = "Schools and sites"
    noun = "site"
    changes = "sites"
    empty_title = "No schools or sites yet"
    empty_text = (
        "Add the schools and other places your officers cover: district schools, church-based schools, "
        "stadiums. Press Ctrl+N or the button below."
    )
    add_text = "&Add school or site"
    search_placeholder = "Name, address or principal"
    id_argument = "site_id"

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, COLUMNS, sites.site_ids, sites.site_rows, parent)
        from PySide6.QtGui import QAction

        self.blank_form_action = QAction("Blank request form…", self)
        self.blank_form_action.setToolTip("A fillable PDF for this school to ask for police coverage")
        self.blank_form_action.triggered.connect(self.blank_form)
        self.toolbar.addAction(self.blank_form_action)
        self.selectionChangedTo.connect(lambda obj: self.blank_form_action.setEnabled(obj is not None))
        self.blank_form_action.setEnabled(False)

    def blank_form(self) -> None:
        from sharedsvc_desktop.gui.dialogs.request_import import save_blank_request_form

        obj = self.selected_object()
        if obj is not None:
            save_blank_request_form(self, self.runner, site_id=obj.id, site_name=obj.name,
                                    on_message=lambda text, kind: self.messages.show_message(text, kind))

    def open_editor(self, obj: Any | None) -> None:
        dialog = SchoolDialog(self.runner, obj, self)
        dialog.on_saved = self.saved
        dialog.open()
        self.current_dialog = dialog

    def is_active(self, obj: SiteRow) -> bool:
        return obj.active

    def describe(self, obj: SiteRow) -> str:
        return obj.name

    def deactivate_fn(self) -> Callable[..., Any]:
        return sites.deactivate_site

    def reactivate_fn(self) -> Callable[..., Any]:
        return sites.reactivate_site
