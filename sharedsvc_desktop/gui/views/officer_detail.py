"""An officer's training records and eligibility for school details, with add / edit / expire.

Opened from the Officers screen ("Training…", or Ctrl+T on the selected officer): ``add_training_action(view)``
puts the action on that screen.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.dialogs.training import TrainingDialog
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.services.officers import OfficerTraining, QualificationRow

HEADERS = ["Training", "Completed", "Expires", "State", "Notes"]


class TrainingPanel(QDialog):
    """A window over one officer: eligibility, the required courses, and every training record."""

    def __init__(
        self, runner: DbRunner, officer_id: int, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.runner, self.officer_id, self._today = runner, officer_id, today
        self.training: OfficerTraining | None = None
        self.current_dialog: Any = None
        self.setWindowTitle("Training and eligibility")
        self.setMinimumSize(720, 420)
        layout = QVBoxLayout(self)
        self.title = heading_label("Training")
        layout.addWidget(self.title)
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.eligibility = QLabel()
        self.eligibility.setWordWrap(True)
        self.eligibility.setAccessibleName("Eligibility for school details")
        layout.addWidget(self.eligibility)
        self.required = QLabel()
        self.required.setWordWrap(True)
        self.required.setAccessibleName("Required training")
        layout.addWidget(self.required)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setAccessibleName("Training records")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, width in enumerate([300, 95, 95, 80]):
            self.table.setColumnWidth(i, width)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add training…")
        self.edit_button = QPushButton("&Edit…")
        self.expire_button = QPushButton("E&xpire today")
        self.expire_button.setToolTip("End the selected record today (revoked or failed requalification).")
        for b in (self.add_button, self.edit_button, self.expire_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.expire_button.clicked.connect(self.expire)
        runner.changed.connect(self._on_changed)
        self._update_buttons()
        self.reload()

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def reload(self) -> None:
        self.runner.read(officers.officer_training, officer_id=self.officer_id, today=self._today,
                         on_done=self._show, on_error=lambda e: self.messages.error(user_message(e)), owner=self)

    def _on_changed(self, what: str) -> None:
        if what in ("officers", "*"):
            self.reload()

    def _show(self, training: OfficerTraining) -> None:
        self.training = training
        o = training.officer
        self.setWindowTitle(f"Training: {o.full_name} (badge {o.badge_number})")
        self.title.setText(f"Training: {o.full_name}")
        color = "#1e6b32" if o.eligible else "#b00020"
        self.eligibility.setText(f"<b style='color:{color}'>{'Eligible' if o.eligible else 'Not eligible'}</b>"
                                 f" — {o.eligibility_note.removeprefix('Not eligible: ')}")
        self.eligibility.setAccessibleDescription(o.eligibility_note)
        self.required.setText("Required for school details: " + "; ".join(
            f"{r.label}: {r.text}" for r in training.required))
        self.table.setRowCount(len(training.records))
        for row, q in enumerate(training.records):
            current = q.current_on(training.as_of)
            cells = [q.label, q.completed_on.isoformat(), q.expires_on.isoformat() if q.expires_on else "never",
                     "Current" if current else "Expired", q.notes.replace("\n", " ")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, q.id)
                if col == 3:
                    item.setForeground(Qt.GlobalColor.darkGreen if current else Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        self._update_buttons()

    def selected(self) -> QualificationRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.training is None:
            return None
        return self.training.records[rows[0].row()]

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        q = self.selected()
        self.edit_button.setEnabled(q is not None)
        self.expire_button.setEnabled(q is not None and q.current_on(self.today))

    def _name(self) -> str:
        return self.training.officer.full_name if self.training else ""

    def add(self) -> None:
        self._open(TrainingDialog(self.runner, self.officer_id, officer_name=self._name(), parent=self))

    def edit(self) -> None:
        q = self.selected()
        if q is not None:
            self._open(TrainingDialog(self.runner, self.officer_id, q, officer_name=self._name(), parent=self))

    def _open(self, dialog: TrainingDialog) -> None:
        dialog.on_saved = lambda row, created: self.messages.success(
            f"{row.label} {'added' if created else 'saved'}.")
        dialog.open()
        self.current_dialog = dialog

    def expire(self) -> None:
        q = self.selected()
        if q is None:
            return
        self.runner.write(
            officers.expire_qualification, qualification_id=q.id, expired_on=self.today,
            reason="ended from the training window", changes="officers",
            on_done=lambda row: self.messages.success(f"{row.label} now expires on {row.expires_on:%d %b %Y}."),
            on_error=lambda e: self.messages.error(user_message(e)), owner=self,
        )


def add_training_action(view: Any) -> QAction:
    """Put "Training…" (Ctrl+T) on the Officers screen's toolbar: it opens the selected officer's training."""
    action = QAction("Training…", view)
    action.setShortcut(QKeySequence("Ctrl+T"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.setToolTip("Training records and eligibility of the selected officer")

    def open_panel() -> None:
        officer_id = view.selected_id()
        if officer_id is None:
            view.messages.show_message("Select an officer first.", "info")
            return
        panel = TrainingPanel(view.runner, officer_id, view)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.open()
        view.training_panel = panel

    action.triggered.connect(open_panel)
    view.toolbar.addAction(action)
    view.addAction(action)
    view.selectionChangedTo.connect(lambda obj: action.setEnabled(obj is not None))
    action.setEnabled(view.selected_id() is not None)
    view.training_action = action
    return action
