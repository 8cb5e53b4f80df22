"""The School staff & signatories screen: superintendents, principals, secretaries, IT staff, chiefs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.person import PersonDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.tablemodels import Column
from sharedsvc_desktop.gui.views.records import RecordListView
from sharedsvc_desktop.services import people
from sharedsvc_desktop.services.people import PersonRow

COLUMNS = [
    Column("Name", lambda r: f"{r.last_name}, {r.first_name}", width=22),
    Column("Role", lambda r: r.role_label or "(no current role)", width=16),
    Column("Title", lambda r: r.title, width=24),
    Column("School", lambda r: r.site_name, width=24),
    Column("Works for", lambda r: r.party_name, width=28),
    Column("Status", lambda r: "Active" if r.active else "Inactive", width=8,
           foreground=lambda r: None if r.active else "#777777"),
    Column("E-mail", lambda r: r.email, width=26),
    Column("Phone", lambda r: r.phone, width=14),
]


class PeopleView(RecordListView):
    title = "School staff and signatories"
    noun = "person"
    changes = "people"
    empty_title = "No staff or signatories yet"
    empty_text = (
        "Add the superintendent, the principals, the IT staff who log in-kind hours, and the chief of police: "
        "they sign agreements, agree to SRO appointments and attend reviews. Press Ctrl+N or the button below."
    )
    add_text = "&Add person"
    search_placeholder = "Name or title"
    id_argument = "person_id"

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, COLUMNS, people.person_ids, people.person_rows, parent)
        self.table.setToolTip("Double-click or press Enter to edit.")

    def open_editor(self, obj: Any | None) -> None:
        dialog = PersonDialog(self.runner, obj, self)
        dialog.on_saved = self.saved
        dialog.open()
        self.current_dialog = dialog

    def is_active(self, obj: PersonRow) -> bool:
        return obj.active

    def describe(self, obj: PersonRow) -> str:
        return f"{obj.full_name} ({obj.role_label.lower() or 'staff'})"

    def deactivate_fn(self) -> Callable[..., Any]:
        return people.deactivate_person

    def reactivate_fn(self) -> Callable[..., Any]:
        return people.reactivate_person
