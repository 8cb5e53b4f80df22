"""Publish & answer: the public agreement register, Freedom of Information exports, open data, and the
user-defined lists (kinds of party, service types)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, run_with_progress, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import service_types
from sharedsvc_desktop.services.foi import foi_export
from sharedsvc_desktop.services.opendata import export_open_data
from sharedsvc_desktop.services.publish import publish_register, register_rows

REGISTER_HEADERS = ["Number", "Agreement", "Parties", "Kind", "Status", "Effective", "Ends", "Executed version"]


def _day(d: dt.date | None) -> str:
    return f"{d:%b} {d.day}, {d.year}" if d else "—"


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _date_edit(name: str, value: dt.date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setAccessibleName(name)
    return edit


class PublishView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName("Publish and answer requests")
        self.rows: list[Any] = []
        self.last_result: Any = None
        self.list_entries: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Publish & answer requests"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Publishing sections")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._register_tab(), "&Register")
        self.tabs.addTab(self._foi_tab(), "&Freedom of Information")
        self.tabs.addTab(self._opendata_tab(), "&Open data")
        self.tabs.addTab(self._lists_tab(), "&Lists")
        self._apply_permissions()
        runner.changed.connect(self._changed)

    # ------------------------------------------------------------------ building
    def _register_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel("Every agreement with its parties, status and current executed version. <b>Publish</b> writes "
                       "a folder ready to upload to the district's and each school's website: a plain web page "
                       "(index.html), the executed agreements as PDF files, and the same list as a spreadsheet "
                       "(CSV).")
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.table = QTableWidget(0, len(REGISTER_HEADERS))
        self.table.setHorizontalHeaderLabels(REGISTER_HEADERS)
        self.table.setAccessibleName("Agreement register")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.table, 1)
        form = QFormLayout()
        self.page_title = QLineEdit("Agreement register")
        self.page_title.setAccessibleName("Title of the published page")
        self.organization = QLineEdit()
        self.organization.setPlaceholderText("e.g. West Hartford Public Schools")
        self.organization.setAccessibleName("Who publishes (shown after the title)")
        t_label = QLabel("Page &title:")
        t_label.setBuddy(self.page_title)
        o_label = QLabel("Published &by:")
        o_label.setBuddy(self.organization)
        form.addRow(t_label, self.page_title)
        form.addRow(o_label, self.organization)
        box.addLayout(form)
        buttons = QHBoxLayout()
        self.publish_button = QPushButton("&Publish to a folder…")
        self.publish_button.setAccessibleName("Publish the register to a folder")
        self.open_button = QPushButton("Open the &published page")
        self.open_button.setAccessibleName("Open the published page in the browser")
        self.open_button.setEnabled(False)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.publish_button.clicked.connect(lambda: self.publish_to())
        self.open_button.clicked.connect(self.open_published)
        return page

    def _foi_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel("Answer a Freedom of Information request with one ZIP file: an agreement with every version "
                       "and its signed and scanned copies, and/or a period's hour entries, events, meeting minutes "
                       "and quarterly figures (student figures always suppressed). A manifest lists every file "
                       "with its SHA-256, when it was exported and by whom.")
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.foi_agreement = QComboBox()
        self.foi_agreement.setAccessibleName("Agreement to include")
        a_label = QLabel("&Agreement:")
        a_label.setBuddy(self.foi_agreement)
        form.addRow(a_label, self.foi_agreement)
        self.foi_period = QCheckBox("Include a &period's records")
        self.foi_period.setAccessibleName("Include the records of a period")
        self.foi_period.setChecked(True)
        form.addRow("", self.foi_period)
        today = dt.date.today()
        self.foi_from = _date_edit("Period from", today.replace(day=1) - dt.timedelta(days=90))
        self.foi_to = _date_edit("Period to", today)
        period = QHBoxLayout()
        period.addWidget(self.foi_from)
        period.addWidget(QLabel("to"))
        period.addWidget(self.foi_to)
        period.addStretch(1)
        p_label = QLabel("Perio&d from:")
        p_label.setBuddy(self.foi_from)
        form.addRow(p_label, period)
        self.foi_hours = QCheckBox("&Hour entries")
        self.foi_events = QCheckBox("&Events")
        self.foi_meetings = QCheckBox("&Meeting minutes")
        self.foi_quarterly = QCheckBox("&Quarterly figures (suppressed)")
        parts = QHBoxLayout()
        for check in (self.foi_hours, self.foi_events, self.foi_meetings, self.foi_quarterly):
            check.setChecked(True)
            check.setAccessibleName(f"Include {check.text().replace('&', '').lower()}")
            parts.addWidget(check)
        parts.addStretch(1)
        form.addRow("Include:", parts)
        self.foi_note = QLineEdit()
        self.foi_note.setPlaceholderText("e.g. Request of Nov 20 from the Courant: SRO agreement and hours")
        self.foi_note.setAccessibleName("The request, in a few words")
        n_label = QLabel("Req&uest:")
        n_label.setBuddy(self.foi_note)
        form.addRow(n_label, self.foi_note)
        box.addLayout(form)
        self.foi_error = QLabel()
        self.foi_error.setObjectName("foiError")
        self.foi_error.setStyleSheet("color: #b00020;")
        self.foi_error.setWordWrap(True)
        box.addWidget(self.foi_error)
        row = QHBoxLayout()
        self.foi_button = QPushButton("E&xport ZIP…")
        self.foi_button.setAccessibleName("Export the Freedom of Information ZIP")
        row.addWidget(self.foi_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        self.foi_period.toggled.connect(self._period_toggled)
        self.foi_button.clicked.connect(lambda: self.export_foi())
        return page

    def _opendata_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel("Open data for a regional service center or the state: hours by month and kind of service, "
                       "the events covered, and the quarterly oversight figures, as CSV and JSON with a versioned "
                       "JSON Schema (schema.json). No person is named; counts from 1 to k-1 are suppressed.")
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        today = dt.date.today()
        start = dt.date(today.year if today.month >= 7 else today.year - 1, 7, 1)
        self.od_from = _date_edit("Open data from", start)
        self.od_to = _date_edit("Open data to", today)
        period = QHBoxLayout()
        period.addWidget(self.od_from)
        period.addWidget(QLabel("to"))
        period.addWidget(self.od_to)
        period.addStretch(1)
        label = QLabel("Peri&od:")
        label.setBuddy(self.od_from)
        form.addRow(label, period)
        box.addLayout(form)
        row = QHBoxLayout()
        self.od_button = QPushButton("Export open &data to a folder…")
        self.od_button.setAccessibleName("Export open data to a folder")
        row.addWidget(self.od_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        self.od_button.clicked.connect(lambda: self.export_opendata())
        return page

    def _lists_tab(self) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        intro = QLabel("Shared services are not only police: add the kinds of public body and the services they "
                       "trade (IT, facilities, finance, transportation…). Entries are retired, never deleted, so "
                       "the records that use them keep them.")
        intro.setWordWrap(True)
        box.addWidget(intro)
        top = QHBoxLayout()
        self.list_choice = QComboBox()
        self.list_choice.setAccessibleName("Which list")
        for domain, label in service_types.LISTS.items():
            self.list_choice.addItem(label, domain)
        l_label = QLabel("Li&st:")
        l_label.setBuddy(self.list_choice)
        top.addWidget(l_label)
        top.addWidget(self.list_choice)
        top.addStretch(1)
        box.addLayout(top)
        self.list_table = QTableWidget(0, 3)
        self.list_table.setHorizontalHeaderLabels(["Name", "In use", "Status"])
        self.list_table.setAccessibleName("List entries")
        self.list_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_table.verticalHeader().setVisible(False)
        self.list_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.list_table, 1)
        edit_row = QHBoxLayout()
        self.entry_label = QLineEdit()
        self.entry_label.setPlaceholderText("Name of a new entry, or the new name of the selected one")
        self.entry_label.setAccessibleName("Entry name")
        self.add_button = QPushButton("&Add")
        self.add_button.setAccessibleName("Add the entry to the list")
        self.rename_button = QPushButton("Re&name")
        self.rename_button.setAccessibleName("Rename the selected entry")
        self.toggle_button = QPushButton("Re&tire")
        self.toggle_button.setAccessibleName("Retire or bring back the selected entry")
        for w in (self.entry_label, self.add_button, self.rename_button, self.toggle_button):
            edit_row.addWidget(w, 1 if w is self.entry_label else 0)
        box.addLayout(edit_row)
        self.entry_error = QLabel()
        self.entry_error.setObjectName("labelError")
        self.entry_error.setStyleSheet("color: #b00020;")
        box.addWidget(self.entry_error)
        self.list_choice.currentIndexChanged.connect(lambda _i: self.reload_lists())
        self.list_table.itemSelectionChanged.connect(self._entry_selected)
        self.add_button.clicked.connect(self.add_entry)
        self.rename_button.clicked.connect(self.rename_entry)
        self.toggle_button.clicked.connect(self.toggle_entry)
        return page

    def _apply_permissions(self) -> None:
        can_export = self.runner.can("export_data")
        for b in (self.publish_button, self.foi_button, self.od_button):
            b.setEnabled(can_export)
            if not can_export:
                b.setToolTip("Your account may not export or publish data.")
        can_edit = self.runner.can("manage_settings")
        for w in (self.entry_label, self.add_button, self.rename_button, self.toggle_button):
            w.setEnabled(can_edit)
        if not can_edit:
            self.entry_label.setPlaceholderText("Only an administrator changes these lists.")

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        self.runner.read(register_rows, on_done=self._show_register, on_error=self._failed, owner=self)
        self.reload_lists()

    def _changed(self, kind: str) -> None:
        if kind in ("agreements", "*", "lists"):
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def _show_register(self, rows: list[Any]) -> None:
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            version = f"v{r.executed_version} (executed {_day(r.executed_on)})" if r.executed_version else "none yet"
            values = [r.number, r.title + ("" if r.active else " (inactive)"), r.parties, r.kind_label,
                      r.status_label, _day(r.effective_date), _day(r.end_date), version]
            for j, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setToolTip(v)
                self.table.setItem(i, j, item)
        self.table.resizeRowsToContents()
        current = self.foi_agreement.currentData()
        self.foi_agreement.clear()
        self.foi_agreement.addItem("(no agreement: only the period's records)", None)
        for r in self.rows:
            self.foi_agreement.addItem(f"{r.number}: {r.title}", r.id)
        index = self.foi_agreement.findData(current) if current is not None else 1
        self.foi_agreement.setCurrentIndex(max(index, 0) if self.rows else 0)

    # ------------------------------------------------------------------ register
    def publish_to(self, folder: str | Path | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, "Publish the register to a folder")
            if not folder:
                return
        title, organization = self.page_title.text(), self.organization.text()
        db, actor = self.runner.db, self.runner.actor

        def work(progress: Any) -> Any:
            with db.read_session(actor=actor) as s:
                return publish_register(s, out=folder, title=title, organization=organization, step=progress.step)

        def done(result: Any) -> None:
            self.last_result = result
            self.open_button.setEnabled(True)
            self.messages.success(f"Published {result.listed} agreement(s) to {result.folder}. Open index.html in "
                                  "a browser to check it, then upload the whole folder.")

        self.progress_dialog = run_with_progress(self.runner, self, "Publishing the register", work, on_done=done,
                                                 on_error=self._failed)

    def open_published(self) -> None:
        if self.last_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_result.index))

    # ------------------------------------------------------------------ FOI
    def _period_toggled(self, on: bool) -> None:
        for w in (self.foi_from, self.foi_to, self.foi_hours, self.foi_events, self.foi_meetings,
                  self.foi_quarterly):
            w.setEnabled(on)

    def export_foi(self, path: str | Path | None = None) -> None:
        self.foi_error.clear()
        agreement_id = self.foi_agreement.currentData()
        with_period = self.foi_period.isChecked()
        if agreement_id is None and not with_period:
            self.foi_error.setText("Choose an agreement, a period, or both.")
            return
        if path is None:
            default = "foi-export.zip"
            path, _ = QFileDialog.getSaveFileName(self, "Save the Freedom of Information ZIP", default,
                                                  "ZIP files (*.zip)")
            if not path:
                return
            if not str(path).lower().endswith(".zip"):
                path = f"{path}.zip"
        kwargs: dict[str, Any] = {
            "agreement_id": agreement_id, "request_note": self.foi_note.text(),
            "include_hours": self.foi_hours.isChecked(), "include_events": self.foi_events.isChecked(),
            "include_meetings": self.foi_meetings.isChecked(), "include_quarterly": self.foi_quarterly.isChecked(),
        }
        if with_period:
            kwargs["date_from"] = _pydate(self.foi_from.date())
            kwargs["date_to"] = _pydate(self.foi_to.date())
        db, actor, out = self.runner.db, self.runner.actor, path

        def work(progress: Any) -> Any:
            with db.read_session(actor=actor) as s:
                return foi_export(s, out=out, step=progress.step, **kwargs)

        def done(result: Any) -> None:
            self.last_foi = result
            self.messages.success(f"Wrote {result.out}: {len(result.files)} file(s) and a manifest with their "
                                  "SHA-256.")

        def failed(exc: BaseException) -> None:
            fields = getattr(exc, "fields", None)
            if fields:
                self.foi_error.setText(" ".join(fields.values()))
            else:
                self._failed(exc)

        self.progress_dialog = run_with_progress(self.runner, self, "Exporting for a Freedom of Information request",
                                                 work, on_done=done, on_error=failed)

    # ------------------------------------------------------------------ open data
    def export_opendata(self, folder: str | Path | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, "Export open data to a folder")
            if not folder:
                return
        start, end = _pydate(self.od_from.date()), _pydate(self.od_to.date())
        db, actor = self.runner.db, self.runner.actor

        def work(progress: Any) -> Any:
            with db.read_session(actor=actor) as s:
                return export_open_data(s, out=folder, date_from=start, date_to=end, step=progress.step)

        def done(result: Any) -> None:
            self.last_opendata = result
            counts = ", ".join(f"{n} {name} record(s)" for name, n in result.counts.items())
            self.messages.success(f"Wrote open data to {result.folder} (schema {result.schema_version}): {counts}.")

        self.progress_dialog = run_with_progress(self.runner, self, "Exporting open data", work, on_done=done,
                                                 on_error=self._failed)

    # ------------------------------------------------------------------ lists
    def reload_lists(self) -> None:
        domain = self.list_choice.currentData()
        self.runner.read(service_types.list_entries, domain=domain, on_done=self._show_entries,
                         on_error=self._failed, owner=self)

    def _show_entries(self, entries: list[Any]) -> None:
        selected = self._selected_entry()
        self.list_entries = list(entries)
        self.list_table.setRowCount(len(self.list_entries))
        for i, e in enumerate(self.list_entries):
            for j, v in enumerate([e.label, str(e.in_use), "Active" if e.active else "Retired"]):
                item = QTableWidgetItem(v)
                if j == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list_table.setItem(i, j, item)
            if selected is not None and e.id == selected.id:
                self.list_table.selectRow(i)
        self._entry_selected()

    def _selected_entry(self) -> Any:
        rows = self.list_table.selectionModel().selectedRows() if self.list_table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.list_entries):
            return None
        return self.list_entries[rows[0].row()]

    def select_entry(self, label: str) -> None:
        for i, e in enumerate(self.list_entries):
            if e.label == label:
                self.list_table.selectRow(i)
                return

    def _entry_selected(self) -> None:
        e = self._selected_entry()
        can = self.runner.can("manage_settings")
        self.rename_button.setEnabled(can and e is not None)
        self.toggle_button.setEnabled(can and e is not None)
        self.toggle_button.setText("Brin&g back" if e is not None and not e.active else "Re&tire")

    def _entry_done(self, entry: Any) -> None:
        self.entry_error.clear()
        self.entry_label.clear()
        self.messages.success(f"“{entry.label}” is {'in' if entry.active else 'retired from'} the list.")

    def _entry_failed(self, exc: BaseException) -> None:
        fields = getattr(exc, "fields", None)
        self.entry_error.setText(" ".join(fields.values()) if fields else user_message(exc))

    def add_entry(self) -> None:
        self.runner.write(service_types.add_entry, domain=self.list_choice.currentData(),
                          label=self.entry_label.text(), changes="lists", on_done=self._entry_done,
                          on_error=self._entry_failed, owner=self)

    def rename_entry(self) -> None:
        e = self._selected_entry()
        if e is None:
            return
        self.runner.write(service_types.rename_entry, entry_id=e.id, label=self.entry_label.text(),
                          changes="lists", on_done=self._entry_done, on_error=self._entry_failed, owner=self)

    def toggle_entry(self) -> None:
        e = self._selected_entry()
        if e is None:
            return
        self.runner.write(service_types.set_entry_active, entry_id=e.id, active=not e.active, changes="lists",
                          on_done=self._entry_done, on_error=self._entry_failed, owner=self)
