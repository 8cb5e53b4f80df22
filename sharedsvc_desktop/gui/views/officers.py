"""The Officers screen: the roster with eligibility, add/edit/deactivate, print the roster."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from sharedsvc_desktop.gui.dialogs.officer import OfficerDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.tablemodels import Column
from sharedsvc_desktop.gui.views.records import RecordListView
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.services.officers import OfficerRow
from sharedsvc_desktop.services.reports import write_officer_roster

COLUMNS = [
    Column("Badge", lambda r: r.badge_number, width=8),
    Column("Name", lambda r: f"{r.last_name}, {r.first_name}", width=24),
    Column("Rank", lambda r: r.rank, width=12),
    Column("Status", lambda r: r.status_label, width=10,
           foreground=lambda r: None if r.status == "active" else "#777777"),
    Column("Hired", lambda r: r.hire_date.isoformat() if r.hire_date else "", width=11),
    Column("School details", lambda r: "Eligible" if r.eligible else "Not eligible", width=13,
           tooltip=lambda r: r.eligibility_note,
           foreground=lambda r: "#1e6b32" if r.eligible else "#b00020"),
    Column("E-mail", lambda r: r.email, width=28),
    Column("Phone", lambda r: r.phone, width=14),
]


class OfficersView(RecordListView):
    title = "Officers"
    noun = "officer"
    changes = "officers"
    empty_title = "No officers yet"
    empty_text = (
        "Add the officers of your department to schedule them for school events and appointments. "
        "Press Ctrl+N or the button below; or start the program with --demo to explore a sample."
    )
    add_text = "&Add officer"
    search_placeholder = "Name or badge number"
    id_argument = "officer_id"

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, COLUMNS, officers.officer_ids, officers.officer_rows, parent)
        self.print_action = QAction("Print roster…", self)
        self.print_action.triggered.connect(lambda: self.roster_actions().print_preview())
        self.save_pdf_action = QAction("Save roster as PDF…", self)
        self.save_pdf_action.triggered.connect(lambda: self.roster_actions().save_as())
        self.toolbar.addAction(self.print_action)
        self.toolbar.addAction(self.save_pdf_action)
        self.table.setToolTip("Double-click or press Enter to edit an officer.")

    def roster_actions(self) -> DocumentActions:
        self.actions_in_use = DocumentActions(
            self,
            self.runner,
            write_officer_roster,
            title="Officer roster",
            default_name="officer-roster.pdf",
            on_message=self.messages.show_message,
            include_inactive=False,
        )
        return self.actions_in_use

    def open_editor(self, obj: Any | None) -> None:
        dialog = OfficerDialog(self.runner, obj, self)
        dialog.on_saved = self.saved
        dialog.open()
        self.current_dialog = dialog

    def is_active(self, obj: OfficerRow) -> bool:
        return obj.status != "inactive"

    def describe(self, obj: OfficerRow) -> str:
        return f"{obj.full_name} (badge {obj.badge_number})"

    def deactivate_fn(self) -> Callable[..., Any]:
        return officers.deactivate_officer

    def reactivate_fn(self) -> Callable[..., Any]:
        return officers.reactivate_officer
