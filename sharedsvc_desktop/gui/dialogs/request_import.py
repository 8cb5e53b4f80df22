"""Import filled request forms (PDF) from schools, and save a school's blank request form.

Pick the filled forms (or drop them on the dialog): each is read and checked at once, without creating anything,
and listed with what it asks for; the selected one is shown field by field beside its problems (named by the
form's field) and notes (another event at that time, the same blank used before). "Create" makes the events of
every request that is ready, in one transaction; refused files and those with problems are left out, and a form
imported before creates nothing. A printable confirmation for the school follows from each created request.

``open_request_import(parent, runner, paths=())`` and ``save_blank_request_form(...)`` are the entry points the
main window, the Events screen and the Schools screen use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QStandardPaths, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.widgets import MessageBar
from sharedsvc_desktop.services import requests as rq
from sharedsvc_desktop.services import sites

RED, AMBER, GREEN, GREY = "#b00020", "#8a5a00", "#1e6b32", "#666666"
STATUS_COLORS = {"refused": RED, "problems": RED, "already_imported": GREY, "duplicate": GREY, "ready": GREEN,
                 "created": GREEN}


def pdf_paths_from_mime(mime: QMimeData) -> list[str]:
    """The local PDF files of a drag (anything else is ignored)."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().lower().endswith(".pdf")]


def _safe_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', " ", text).strip() or "school"


def save_blank_request_form(
    parent: QWidget,
    runner: DbRunner,
    *,
    site_id: int,
    site_name: str,
    on_message: Callable[[str, str], None],
    path: str | None = None,
) -> DocumentActions:
    """Ask where to save the school's blank, fillable request form and write it (``path`` skips the question)."""
    actions = DocumentActions(
        parent, runner, rq.write_blank_request_form, title=f"Request form for {site_name}",
        default_name=f"Request form - {_safe_name(site_name)}.pdf", on_message=on_message, site_id=site_id,
    )
    actions.save_as(path)
    return actions


def open_request_import(parent: QWidget, runner: DbRunner, paths: Sequence[str] = ()) -> RequestImportDialog:
    """Open the import dialog (non-modal), with ``paths`` (e.g. files dropped on the window) already added."""
    dialog = RequestImportDialog(runner, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    if paths:
        dialog.add_files(paths)
    return dialog


def _item(text: str, color: str | None = None, *, bold: bool = False, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if color:
        item.setForeground(QColor(color))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class RequestImportDialog(QDialog):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setWindowTitle("Import request forms from schools")
        self.setAcceptDrops(True)
        self.resize(1100, 720)
        self.paths: list[str] = []
        self.files: list[tuple[str, bytes]] = []
        self.outcomes: list[rq.RequestOutcome | None] = []
        self.actions: DocumentActions | None = None
        self.on_imported: Callable[[rq.ImportResult], None] | None = None
        layout = QVBoxLayout(self)

        self.messages = MessageBar(self)
        layout.addWidget(self.messages)

        top = QHBoxLayout()
        self.add_button = QPushButton("&Add filled forms…")
        self.add_button.setAccessibleName("Add filled request forms")
        self.add_button.clicked.connect(self.browse)
        top.addWidget(self.add_button)
        self.clear_button = QPushButton("C&lear list")
        self.clear_button.clicked.connect(self.clear)
        top.addWidget(self.clear_button)
        hint = QLabel("…or drop the PDF files the schools sent onto this window.")
        hint.setStyleSheet(f"color: {GREY};")
        top.addWidget(hint, 1)
        school_label = QLabel("&School:")
        self.school_combo = QComboBox()
        self.school_combo.setAccessibleName("School for a blank request form")
        self.school_combo.setMinimumWidth(220)
        school_label.setBuddy(self.school_combo)
        top.addWidget(school_label)
        top.addWidget(self.school_combo)
        self.blank_button = QPushButton("&Blank request form…")
        self.blank_button.setToolTip("Save a blank, fillable request form for the school chosen, to send to it")
        self.blank_button.clicked.connect(self.save_blank)
        top.addWidget(self.blank_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(["File", "Result", "School", "Event", "When"])
        self.table.setAccessibleName("Requests read")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._show_selected)
        splitter.addWidget(self.table)

        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 4, 0, 0)
        self.detail_title = QLabel("Choose a request to see it beside its problems.")
        self.detail_title.setWordWrap(True)
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        ll.addWidget(self.detail_title)
        side = QHBoxLayout()
        self.fields = QTableWidget(0, 3)
        self.fields.setHorizontalHeaderLabels(["Field", "Filled in", "Problem"])
        self.fields.setAccessibleName("The request's fields and their problems")
        self.fields.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().setVisible(False)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        side.addWidget(self.fields, 3)
        notes_box = QVBoxLayout()
        notes_label = QLabel("&Notes and conflicts:")
        notes_box.addWidget(notes_label)
        self.notes = QListWidget()
        self.notes.setAccessibleName("Notes and conflicts")
        self.notes.setWordWrap(True)
        notes_label.setBuddy(self.notes)
        notes_box.addWidget(self.notes, 1)
        side.addLayout(notes_box, 2)
        ll.addLayout(side, 1)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        layout.addWidget(splitter, 1)

        self.summary = QLabel("Add the filled request forms the schools sent (PDF).")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Import summary")
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.print_button = QPushButton("&Print confirmation…")
        self.print_button.setToolTip("A printable confirmation, for the school, of the request chosen")
        self.print_button.clicked.connect(lambda: self._confirmation(save=False))
        self.save_conf_button = QPushButton("Sa&ve confirmation…")
        self.save_conf_button.clicked.connect(lambda: self._confirmation(save=True))
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_conf_button)
        buttons.addStretch(1)
        self.create_button = QPushButton("&Create requests")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._update_buttons()
        self._load_schools()

    # ------------------------------------------------------------------------------------------ schools
    def _load_schools(self) -> None:
        def done(rows: list[Any]) -> None:
            self.school_combo.clear()
            for r in rows:
                self.school_combo.addItem(r.name, r.id)
            self.blank_button.setEnabled(bool(rows))

        self.runner.read(sites.list_sites, include_inactive=False, on_done=done, owner=self,
                         on_error=lambda exc: self.messages.error(user_message(exc)))

    def save_blank(self, path: str | None = None) -> None:
        site_id = self.school_combo.currentData()
        if site_id is None:
            return
        self.actions = save_blank_request_form(self, self.runner, site_id=site_id,
                                               site_name=self.school_combo.currentText(), on_message=self._message,
                                               path=path or None)

    def _message(self, text: str, kind: str) -> None:
        self.messages.show_message(text, kind)

    # -------------------------------------------------------------------------------------------- files
    def browse(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        paths, _ = QFileDialog.getOpenFileNames(self, "Filled request forms", folder, "PDF files (*.pdf)")
        if paths:
            self.add_files(paths)

    def add_files(self, paths: Sequence[str | Path]) -> None:
        new = [str(p) for p in paths if str(p) not in self.paths]
        if not new:
            return

        def read() -> list[tuple[str, bytes | str]]:
            out: list[tuple[str, bytes | str]] = []
            for p in new:
                try:
                    out.append((p, Path(p).read_bytes()))
                except OSError as exc:
                    out.append((p, exc.strerror or str(exc)))
            return out

        self.summary.setText("Reading the files…")
        self.runner.call(read, on_done=self._files_read, on_error=self._failed, owner=self)

    def _files_read(self, items: list[tuple[str, bytes | str]]) -> None:
        problems = []
        for path, data in items:
            if path in self.paths:
                continue
            if isinstance(data, str):
                problems.append(f"{Path(path).name} cannot be read: {data}")
                continue
            self.paths.append(path)
            self.files.append((Path(path).name, data))
        if problems:
            self.messages.error(" ".join(problems))
        self.check()

    def clear(self) -> None:
        self.paths, self.files, self.outcomes = [], [], []
        self.table.setRowCount(0)
        self._show_selected()
        self.summary.setText("Add the filled request forms the schools sent (PDF).")
        self.summary.setStyleSheet("")
        self._update_buttons()

    def check(self) -> None:
        """Read and check every file again, creating nothing."""
        if not self.files:
            self.clear()
            return
        self.summary.setText("Checking the requests…")
        self.summary.setStyleSheet("")
        self.create_button.setEnabled(False)
        self.runner.read(rq.import_requests, files=list(self.files), dry_run=True, on_done=self._checked,
                         on_error=self._failed, owner=self)

    def _checked(self, result: rq.ImportResult) -> None:
        previous = {i: o for i, o in enumerate(self.outcomes) if o is not None and o.status == "created"}
        self.outcomes = list(result.outcomes)
        for i, o in previous.items():  # keep "Created" on what this dialog created
            if i < len(self.outcomes):
                self.outcomes[i] = o
        self._fill_table()
        ready = sum(1 for o in self.outcomes if o and o.status == "ready")
        failed = sum(1 for o in self.outcomes if o and o.failed)
        text = result.summary
        if ready:
            text += " Press Create to add the ready ones (status Requested)."
        if failed:
            text += " Those refused or with problems create nothing: send them back to the school."
        self.summary.setText(text)
        self.summary.setStyleSheet(f"color: {RED if failed else GREEN if ready else GREY};")
        self._update_buttons()

    def _fill_table(self) -> None:
        current = self.table.currentRow()
        self.table.setRowCount(len(self.outcomes))
        for row, o in enumerate(self.outcomes):
            if o is None:
                continue
            c = o.check
            color = STATUS_COLORS.get(o.status)
            label = rq.STATUS_LABELS[o.status]
            if o.status == "problems" and c is not None:
                label += f" ({len(c.problems)})"
            elif o.status == "ready" and c is not None and c.warnings:
                label += " — see notes"
            self.table.setItem(row, 0, _item(o.filename, tooltip=self.paths[row] if row < len(self.paths) else ""))
            self.table.setItem(row, 1, _item(label, color, bold=o.failed, tooltip=o.message))
            self.table.setItem(row, 2, _item(c.site_name if c else ""))
            self.table.setItem(row, 3, _item(f"{c.title} ({c.event_type_label})" if c and c.event_type else
                                             (c.title if c else "")))
            self.table.setItem(row, 4, _item(c.when_text if c else ""))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        if self.outcomes:
            self.table.selectRow(current if 0 <= current < len(self.outcomes) else 0)

    # -------------------------------------------------------------------------------------------- details
    def selected_outcome(self) -> rq.RequestOutcome | None:
        row = self.table.currentRow()
        return self.outcomes[row] if 0 <= row < len(self.outcomes) else None

    def _show_selected(self) -> None:
        o = self.selected_outcome()
        self.fields.setRowCount(0)
        self.notes.clear()
        self._update_buttons()
        if o is None:
            self.detail_title.setText("Choose a request to see it beside its problems.")
            return
        self.detail_title.setText(f"{o.filename}: {o.message}")
        self.detail_title.setStyleSheet(f"color: {STATUS_COLORS.get(o.status, '')};")
        c = o.check
        if c is None:
            self.notes.addItem(QListWidgetItem(o.message))
            return
        p = c.parsed
        shown_events = f"{len(c.occurrences)} event{'s' if len(c.occurrences) != 1 else ''}: {c.when_text}"
        rows: list[tuple[str, str, str]] = [
            ("site_id", "School", c.site_name),
            ("event_type", "Type of event", p.event_type),
            ("title", "Name of the event", p.title),
            ("date", "Date", p.date),
            ("start", "Start time", p.start_time),
            ("end", "End time", p.end_time),
            ("expected_attendance", "Expected attendance", p.expected_attendance),
            ("officers_requested", "Officers requested", p.officers_requested or "(blank: 1)"),
            ("supervisor_required", "Supervisor needed", "Yes" if p.supervisor_required else "No"),
            ("requester_name", "Contact name", p.contact_name),
            ("requester_contact", "Phone or e-mail", p.contact),
            ("until", "Repeat every week until", p.repeat_until),
            ("exceptions", "Except these dates", p.except_dates),
            ("notes", "Notes", p.notes),
            ("", "Makes", shown_events if c.occurrences else ""),
        ]
        keys = {key for key, _l, _v in rows}
        extra = [pr for pr in c.problems if pr.field not in keys]
        self.fields.setRowCount(len(rows) + len(extra))
        for i, (key, label, value) in enumerate(rows):
            problems = c.problems_for(key) if key else []
            self.fields.setItem(i, 0, _item(label, bold=bool(problems)))
            self.fields.setItem(i, 1, _item(value))
            self.fields.setItem(i, 2, _item(" ".join(problems), RED))
        for j, pr in enumerate(extra, start=len(rows)):
            self.fields.setItem(j, 0, _item(pr.label, bold=True))
            self.fields.setItem(j, 1, _item(""))
            self.fields.setItem(j, 2, _item(pr.message, RED))
        self.fields.resizeRowsToContents()
        notes = list(c.warnings)
        if c.already_imported:
            notes.insert(0, f"This form was {c.already_imported}: importing it again creates nothing.")
        for text in notes:
            item = QListWidgetItem(text)
            item.setForeground(QColor(AMBER))
            self.notes.addItem(item)
        if not notes:
            self.notes.addItem(QListWidgetItem("No conflicts."))

    # -------------------------------------------------------------------------------------------- create
    def _update_buttons(self) -> None:
        ready = [o for o in self.outcomes if o is not None and o.status == "ready"]
        self.create_button.setEnabled(bool(ready))
        n = sum(len(o.check.occurrences) for o in ready if o.check is not None)
        self.create_button.setText(
            f"&Create {len(ready)} request{'s' if len(ready) != 1 else ''} ({n} event{'s' if n != 1 else ''})"
            if ready else "&Create requests"
        )
        o = self.selected_outcome()
        can_confirm = o is not None and o.status in ("created", "already_imported")
        self.print_button.setEnabled(can_confirm)
        self.save_conf_button.setEnabled(can_confirm)

    def create(self) -> None:
        indexes = [i for i, o in enumerate(self.outcomes) if o is not None and o.status == "ready"]
        if not indexes:
            return
        files = [self.files[i] for i in indexes]
        self.create_button.setEnabled(False)
        self.summary.setText("Creating the requested events (one transaction)…")

        def done(result: rq.ImportResult) -> None:
            for i, outcome in zip(indexes, result.outcomes, strict=True):
                self.outcomes[i] = outcome
            self._fill_table()
            created = [o for o in result.outcomes if o.status == "created"]
            n = sum(len(o.event_ids) for o in created)
            self.summary.setText(
                f"{len(created)} request{'s' if len(created) != 1 else ''} imported: {n} event"
                f"{'s' if n != 1 else ''} created, waiting for approval on the Events screen. Print a confirmation "
                "for each school if it has no e-mail."
            )
            self.summary.setStyleSheet(f"color: {GREEN};")
            self._update_buttons()
            if self.on_imported is not None:
                self.on_imported(result)

        self.runner.write(rq.import_requests, files=files, changes="events", on_done=done, on_error=self._failed,
                          owner=self)

    def _confirmation(self, *, save: bool, path: str | None = None) -> None:
        o = self.selected_outcome()
        if o is None or o.check is None:
            return
        school = _safe_name(o.check.site_name)
        self.actions = DocumentActions(
            self, self.runner, rq.write_confirmation, title="Request confirmation",
            default_name=f"Request received - {school}.pdf", on_message=self._message, request_id=o.request_id,
        )
        if save:
            self.actions.save_as(path)
        else:
            self.actions.print_preview()

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(user_message(exc))
        self.summary.setStyleSheet(f"color: {RED};")
        self._update_buttons()

    # --------------------------------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if pdf_paths_from_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if pdf_paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = pdf_paths_from_mime(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)
