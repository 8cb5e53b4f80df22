"""Assign officers to an event: who is on it, who is available, and why the others are not.

A supervisor may assign an officer who is refused by giving a reason (recorded with the assignment).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import assignments, events
from sharedsvc_desktop.services.assignments import AssignmentRow, Candidate
from sharedsvc_desktop.services.events import EventRow

UNAVAILABLE = "#8a1c1c"


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setAlternatingRowColors(True)
    return table


class AssignDialog(QDialog):
    """Officers on one event; ``changed`` work goes through the runner (changes="events")."""

    def __init__(self, runner: DbRunner, event_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner, self.event_id = runner, event_id
        self.event_row: EventRow | None = None
        self.assigned: list[AssignmentRow] = []
        self.candidates: list[Candidate] = []
        self.setWindowTitle("Assign officers")
        self.resize(880, 640)
        layout = QVBoxLayout(self)
        self.title = heading_label("Assign officers")
        layout.addWidget(self.title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Event")
        layout.addWidget(self.summary)
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        layout.addWidget(QLabel("<b>On this event</b>"))
        self.assigned_table = _table(["Officer", "Role", "Time", "Overtime", "Override"], "Officers on this event")
        self.assigned_table.setMaximumHeight(150)
        layout.addWidget(self.assigned_table)
        row = QHBoxLayout()
        self.approve_button = QPushButton("Approve &overtime")
        self.approve_button.clicked.connect(self.approve_selected_overtime)
        self.remove_button = QPushButton("&Take off the event")
        self.remove_button.clicked.connect(self.unassign_selected)
        row.addWidget(self.approve_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(QLabel("<b>Officers</b> (available first; the others show why not)"))
        part = QHBoxLayout()
        self.part_check = QCheckBox("Only &part of the event: from")
        self.part_check.setAccessibleName("Only part of the event")
        self.part_from = QTimeEdit()
        self.part_from.setDisplayFormat("HH:mm")
        self.part_from.setAccessibleName("Part from")
        to_label = QLabel("to")
        self.part_to = QTimeEdit()
        self.part_to.setDisplayFormat("HH:mm")
        self.part_to.setAccessibleName("Part to")
        for w in (self.part_check, self.part_from, to_label, self.part_to):
            part.addWidget(w)
        self.refresh_button = QPushButton("Check &availability")
        self.refresh_button.clicked.connect(self.load_candidates)
        part.addWidget(self.refresh_button)
        part.addStretch(1)
        layout.addLayout(part)
        self.part_check.toggled.connect(self._part_toggled)
        self._part_toggled(False)

        self.candidate_table = _table(["Officer", "Badge", "Rank", "Availability"], "Officers to assign")
        self.candidate_table.itemSelectionChanged.connect(self._selection_changed)
        self.candidate_table.doubleClicked.connect(lambda _i: self.assign_selected())
        layout.addWidget(self.candidate_table, 1)

        override = QHBoxLayout()
        reason_label = QLabel("Override &reason (supervisor):")
        self.override_edit = QLineEdit()
        self.override_edit.setAccessibleName("Override reason")
        self.override_edit.setPlaceholderText("needed only to assign an officer who is refused")
        reason_label.setBuddy(self.override_edit)
        self.override_edit.textChanged.connect(lambda _t: self._selection_changed())
        override.addWidget(reason_label)
        override.addWidget(self.override_edit, 1)
        layout.addLayout(override)
        bottom = QHBoxLayout()
        self.approve_now = QCheckBox("Approve any overtime at &once")
        self.approve_now.setChecked(True)
        self.approve_now.setAccessibleName("Approve any overtime at once")
        bottom.addWidget(self.approve_now)
        bottom.addStretch(1)
        self.assign_button = QPushButton("&Assign")
        self.assign_button.setDefault(True)
        self.assign_button.clicked.connect(self.assign_selected)
        bottom.addWidget(self.assign_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self._selection_changed()
        self.reload()

    # -- loading
    def reload(self) -> None:
        self.runner.read(events.get_event, event_id=self.event_id, on_done=self._event_loaded,
                         on_error=self._error, owner=self)
        self.runner.read(assignments.event_assignments, event_id=self.event_id, on_done=self._assigned_loaded,
                         on_error=self._error, owner=self)
        self.load_candidates()

    def _part(self) -> dict[str, Any]:
        if not self.part_check.isChecked() or self.event_row is None:
            return {}
        start = self.event_row.local_start.replace(tzinfo=None)

        def on_event(value: QTime, after: dt.datetime | None = None) -> dt.datetime:
            moment = dt.datetime.combine(start.date(), dt.time(value.hour(), value.minute()))
            if moment < start or (after is not None and moment <= after):
                moment += dt.timedelta(days=1)
            return moment

        local_start = on_event(self.part_from.time())
        local_end = on_event(self.part_to.time(), local_start)
        return {"local_start": local_start, "local_end": local_end}

    def load_candidates(self) -> None:
        self.runner.read(assignments.candidate_officers, event_id=self.event_id, on_done=self._candidates_loaded,
                         on_error=self._error, owner=self, **self._part())

    def _error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def _event_loaded(self, row: EventRow) -> None:
        first = self.event_row is None
        self.event_row = row
        self.title.setText(f"Assign officers: {row.title}")
        self.setWindowTitle(f"Assign officers: {row.title}")
        need = f"{row.officers_requested} officer{'s' if row.officers_requested != 1 else ''}"
        if row.supervisor_required:
            need += " including a supervisor"
        self.summary.setText(
            f"{row.site_name} · {row.when_text} ({row.minutes / 60:.2f} h) · {row.status_label} · "
            f"needs {need}; {row.staffing_text} assigned."
        )
        if first:
            start, end = row.local_start, row.local_end
            self.part_from.setTime(QTime(start.hour, start.minute))
            self.part_to.setTime(QTime(end.hour, end.minute))

    def _assigned_loaded(self, rows: list[AssignmentRow]) -> None:
        self.assigned = rows
        t = self.assigned_table
        t.setRowCount(len(rows))
        for i, a in enumerate(rows):
            values = [f"{a.officer_name} ({a.badge_number})", "Supervisor" if a.is_supervisor else "Officer",
                      a.when_text, a.overtime_text or "no", a.override_reason]
            for j, v in enumerate(values):
                t.setItem(i, j, QTableWidgetItem(v))
        t.resizeColumnsToContents()
        self._selection_changed()

    def _candidates_loaded(self, rows: list[Candidate]) -> None:
        self.candidates = rows
        t = self.candidate_table
        t.setRowCount(len(rows))
        for i, c in enumerate(rows):
            name = c.name + (" (supervisor)" if c.is_supervisor else "")
            for j, v in enumerate([name, c.badge_number, c.rank, c.reason]):
                item = QTableWidgetItem(v)
                item.setToolTip(c.reason)
                if not c.available:
                    item.setForeground(QBrush(QColor(UNAVAILABLE if not c.assigned else "#666666")))
                t.setItem(i, j, item)
        t.setColumnWidth(0, 190)
        t.setColumnWidth(1, 70)
        t.setColumnWidth(2, 90)
        t.resizeRowsToContents()
        self._selection_changed()

    # -- selection
    def selected_candidate(self) -> Candidate | None:
        rows = self.candidate_table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows and rows[0].row() < len(self.candidates) else None

    def selected_assignment(self) -> AssignmentRow | None:
        rows = self.assigned_table.selectionModel().selectedRows()
        return self.assigned[rows[0].row()] if rows and rows[0].row() < len(self.assigned) else None

    def select_officer(self, officer_id: int) -> None:
        for i, c in enumerate(self.candidates):
            if c.officer_id == officer_id:
                self.candidate_table.selectRow(i)
                return
        raise LookupError(officer_id)

    def _selection_changed(self) -> None:
        c = self.selected_candidate()
        reason = self.override_edit.text().strip()
        if c is None or c.assigned:
            self.assign_button.setText("&Assign")
            self.assign_button.setEnabled(False)
        elif c.available:
            self.assign_button.setText("&Assign")
            self.assign_button.setEnabled(True)
        else:
            self.assign_button.setText("&Assign anyway (override)")
            self.assign_button.setEnabled(c.can_override and bool(reason))
        a = self.selected_assignment()
        self.remove_button.setEnabled(a is not None)
        self.approve_button.setEnabled(a is not None and a.is_overtime and a.overtime_approved_at is None)

    # -- actions
    def assign_selected(self) -> None:
        c = self.selected_candidate()
        if c is None or not self.assign_button.isEnabled():
            return
        kwargs: dict[str, Any] = dict(event_id=self.event_id, officer_id=c.officer_id,
                                      approve_overtime=self.approve_now.isChecked(), **self._part())
        if not c.available:
            kwargs["override_reason"] = self.override_edit.text()

        def done(row: AssignmentRow) -> None:
            self.override_edit.clear()
            extra = f" ({row.overtime_text})" if row.is_overtime else ""
            self.messages.success(f"{row.officer_name} assigned, {row.when_text}{extra}.")
            self.reload()

        self.runner.write(assignments.assign_officer, changes="events", on_done=done, on_error=self._error,
                          owner=self, **kwargs)

    def unassign_selected(self) -> None:
        a = self.selected_assignment()
        if a is None:
            return

        def done(row: AssignmentRow) -> None:
            self.messages.success(f"{row.officer_name} taken off the event.")
            self.reload()

        self.runner.write(assignments.unassign_officer, changes="events", assignment_id=a.id, on_done=done,
                          on_error=self._error, owner=self)

    def approve_selected_overtime(self) -> None:
        a = self.selected_assignment()
        if a is None:
            return

        def done(row: AssignmentRow) -> None:
            self.messages.success(f"Overtime approved for {row.officer_name}.")
            self.reload()

        self.runner.write(assignments.approve_overtime, changes="events", assignment_id=a.id, on_done=done,
                          on_error=self._error, owner=self)

    def _part_toggled(self, on: bool) -> None:
        self.part_from.setEnabled(on)
        self.part_to.setEnabled(on)
        if self.event_row is not None:
            self.load_candidates()

    def keyPressEvent(self, event: Any) -> None:  # Enter assigns instead of closing the dialog
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.candidate_table.hasFocus():
            self.assign_selected()
            return
        super().keyPressEvent(event)
