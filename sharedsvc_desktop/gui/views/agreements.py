"""The Agreements screen: the register on the left, the chosen agreement on the right with its versions, an
editor for drafts (sections, schools, services with rates and rules, signatories, terms) and the lifecycle
actions: check completeness, send for signature, print for signature / save PDF, record signatures, print the
signed copy, sign digitally, verify a signed PDF, amend, terminate (and print the notice letter).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import agreements, clauses, signatures
from sharedsvc_desktop.services.agreements import EditorChoices, VersionDetail

STATUS_COLORS = {
    "draft": "#8a5a00",
    "out_for_signature": "#1d4f91",
    "executed": "#1e6b32",
    "superseded": "#777777",
    "terminated": "#8a1c1c",
    "expired": "#777777",
}

COLUMNS = [
    Column("Number", lambda r: r.number, width=12),
    Column("Title", lambda r: r.title, width=26),
    Column("Version", lambda r: str(r.current_version or ""), align_right=True, width=7),
    Column("Status", lambda r: r.status_label, width=13, foreground=lambda r: STATUS_COLORS.get(r.status)),
    Column("Parties", lambda r: r.parties, width=40),
]

SERVICE_HEADERS = ["Provided by", "Service", "Rate $/h", "Min. call-out (min)", "Short notice (days)",
                   "Surcharge %", "Overtime %", "Late cancel (h)", "Charge (min)", "In kind"]
SIGNATORY_HEADERS = ["Party", "Name", "Title", "Organization", "Signed on"]


def _cents(text: str) -> int:
    cleaned = text.replace("$", "").replace(",", "").strip() or "0"
    return round(float(cleaned) * 100)


class AgreementsView(QWidget):
    """The register plus the detail and editor of the selected agreement."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.detail: VersionDetail | None = None
        self.choices: EditorChoices | None = None
        self.last_check: clauses.CompletenessReport | None = None
        self.last_verify: signatures.VerifyReport | None = None
        self.last_signed: signatures.SignedPdf | None = None
        self.dialog: Any = None
        self.documents: DocumentActions | None = None
        self._pending_select: int | None = None
        self._loading_editor = False
        self.setAccessibleName("Agreements")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Agreements"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self._build_toolbar(layout)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.model = LazyTableModel(runner, COLUMNS, agreements.agreement_ids, agreements.agreement_rows, self)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName("Agreements table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width * 8)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.empty = EmptyState(
            "No agreements yet",
            "The agreements between the police department and the school district live here: draft one from a "
            "template, check it, print it for signature and record the signatures.",
            "New from template…",
        )
        self.empty.actionTriggered.connect(self.new_agreement)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 680])
        layout.addWidget(splitter, 1)
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        runner.changed.connect(self._on_changed)
        self._update_actions()

    # ------------------------------------------------------------------------------------------ building
    def _action(self, text: str, slot: Callable[[], Any], tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _build_toolbar(self, layout: QVBoxLayout) -> None:
        bar = QToolBar()
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = self._action("New from template…", self.new_agreement)
        self.save_action = self._action("Save draft", self.save_draft)
        self.check_action = self._action("Check completeness", self.check_completeness,
                                         "List what a complete school-police agreement is missing")
        self.send_action = self._action("Send for signature", self.send_for_signature)
        self.withdraw_action = self._action("Back to draft", self.withdraw)
        self.print_action = self._action("Print for signature…", lambda: self.print_document(signed=False))
        self.save_pdf_action = self._action("Save PDF…", lambda: self.save_pdf(signed=False))
        self.record_action = self._action("Record signature…", self.record_signature)
        self.print_signed_action = self._action("Print signed copy…", lambda: self.print_document(signed=True))
        self.save_signed_action = self._action("Save signed copy as PDF…", lambda: self.save_pdf(signed=True))
        self.sign_action = self._action("Sign digitally…", self.sign_digitally)
        self.verify_action = self._action("Verify a signed PDF…", self.verify_pdf)
        self.amend_action = self._action("Amend", self.amend)
        self.terminate_action = self._action("Terminate…", self.terminate)
        self.notice_action = self._action("Print termination notice…", self.print_notice)
        for a in (self.new_action, self.save_action, self.check_action, self.send_action):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.print_action, self.record_action):
            bar.addAction(a)
        more = QToolButton()
        more.setText("More")
        more.setAccessibleName("More agreement actions")
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        for a in (self.save_pdf_action, self.print_signed_action, self.save_signed_action, self.sign_action,
                  self.verify_action, self.withdraw_action, self.amend_action, self.terminate_action,
                  self.notice_action):
            menu.addAction(a)
        more.setMenu(menu)
        bar.addWidget(more)
        for a in (self.new_action, self.save_action, self.check_action, self.send_action, self.print_action,
                  self.record_action, *menu.actions()):
            self.addAction(a)
        layout.addWidget(bar)

    def _build_detail(self) -> QWidget:
        panel = QWidget()
        v = QVBoxLayout(panel)
        v.setContentsMargins(6, 0, 0, 0)
        self.title_label = QLabel("Choose an agreement on the left.")
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        v.addWidget(self.title_label)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.status_label)
        row = QHBoxLayout()
        version_label = QLabel("&Version:")
        self.version_combo = QComboBox()
        self.version_combo.setAccessibleName("Version shown")
        version_label.setBuddy(self.version_combo)
        self.version_combo.activated.connect(lambda _i: self._version_chosen())
        row.addWidget(version_label)
        row.addWidget(self.version_combo, 1)
        v.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_sections_tab(), "&Text")
        self.tabs.addTab(self._build_schools_tab(), "Sc&hools")
        self.tabs.addTab(self._build_services_tab(), "Ser&vices and rates")
        self.tabs.addTab(self._build_signatories_tab(), "Si&gnatories")
        self.tabs.addTab(self._build_terms_tab(), "Te&rms")
        self.changes_text = QPlainTextEdit()
        self.changes_text.setReadOnly(True)
        self.changes_text.setAccessibleName("Changes against the previous version")
        self.tabs.addTab(self.changes_text, "&Changes")
        v.addWidget(self.tabs, 1)
        return panel

    def _build_sections_tab(self) -> QWidget:
        w = QWidget()
        h = QHBoxLayout(w)
        left = QVBoxLayout()
        self.sections_list = QListWidget()
        self.sections_list.setAccessibleName("Sections")
        self.sections_list.currentRowChanged.connect(self._section_chosen)
        left.addWidget(self.sections_list, 1)
        buttons = QHBoxLayout()
        self.add_section_button = QPushButton("Add")
        self.add_section_button.setAccessibleName("Add a section")
        self.add_section_button.clicked.connect(lambda: self.add_section())
        self.remove_section_button = QPushButton("Remove")
        self.remove_section_button.setAccessibleName("Remove the section")
        self.remove_section_button.clicked.connect(self.remove_section)
        self.up_button = QPushButton("↑")
        self.up_button.setAccessibleName("Move the section up")
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button = QPushButton("↓")
        self.down_button.setAccessibleName("Move the section down")
        self.down_button.clicked.connect(lambda: self.move_section(1))
        for b in (self.add_section_button, self.remove_section_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        left.addLayout(buttons)
        clause_row = QHBoxLayout()
        self.clause_combo = QComboBox()
        self.clause_combo.setAccessibleName("Clause from the library")
        self.insert_clause_button = QPushButton("Insert clause")
        self.insert_clause_button.clicked.connect(self.insert_clause)
        clause_row.addWidget(self.clause_combo, 1)
        clause_row.addWidget(self.insert_clause_button)
        left.addLayout(clause_row)
        h.addLayout(left, 2)
        right = QVBoxLayout()
        heading_label_ = QLabel("&Heading")
        self.heading_edit = QLineEdit()
        self.heading_edit.setAccessibleName("Section heading")
        self.heading_edit.setMaxLength(300)
        heading_label_.setBuddy(self.heading_edit)
        self.heading_edit.textEdited.connect(self._section_edited)
        right.addWidget(heading_label_)
        right.addWidget(self.heading_edit)
        body_label = QLabel("Section te&xt (a line starting with “- ” is a list item)")
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName("Section text")
        body_label.setBuddy(self.body_edit)
        self.body_edit.textChanged.connect(self._section_edited)
        right.addWidget(body_label)
        right.addWidget(self.body_edit, 1)
        h.addLayout(right, 3)
        self.section_data: list[dict[str, str]] = []
        return w

    def _build_schools_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        v.addWidget(QLabel("The schools and sites this version covers:"))
        self.schools_list = QListWidget()
        self.schools_list.setAccessibleName("Schools covered")
        v.addWidget(self.schools_list, 1)
        return w

    def _build_services_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.services_table = QTableWidget(0, len(SERVICE_HEADERS))
        self.services_table.setHorizontalHeaderLabels(SERVICE_HEADERS)
        self.services_table.setAccessibleName("Services and rates")
        self.services_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        v.addWidget(self.services_table, 1)
        row = QHBoxLayout()
        self.add_service_button = QPushButton("Add service")
        self.add_service_button.clicked.connect(lambda: self.add_service_row())
        self.remove_service_button = QPushButton("Remove service")
        self.remove_service_button.clicked.connect(
            lambda: self.services_table.removeRow(self.services_table.currentRow()))
        row.addWidget(self.add_service_button)
        row.addWidget(self.remove_service_button)
        row.addStretch(1)
        v.addLayout(row)
        return w

    def _build_signatories_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.signatories_table = QTableWidget(0, len(SIGNATORY_HEADERS))
        self.signatories_table.setHorizontalHeaderLabels(SIGNATORY_HEADERS)
        self.signatories_table.setAccessibleName("Signatories")
        self.signatories_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signatories_table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate([170, 150, 170, 190]):
            self.signatories_table.setColumnWidth(i, width)
        v.addWidget(self.signatories_table, 1)
        row = QHBoxLayout()
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName("Person to add as signatory")
        self.add_signatory_button = QPushButton("Add as signatory")
        self.add_signatory_button.clicked.connect(self.add_signatory_from_person)
        self.remove_signatory_button = QPushButton("Remove signatory")
        self.remove_signatory_button.clicked.connect(
            lambda: self.signatories_table.removeRow(self.signatories_table.currentRow()))
        row.addWidget(self.person_combo, 1)
        row.addWidget(self.add_signatory_button)
        row.addWidget(self.remove_signatory_button)
        v.addLayout(row)
        v.addWidget(QLabel("Titles may be interim ones (e.g. “Interim Superintendent”): type them in the table."))
        return w

    def _build_terms_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Agreement title")
        self.effective_edit = QLineEdit()
        self.effective_edit.setPlaceholderText("YYYY-MM-DD")
        self.effective_edit.setAccessibleName("Effective date")
        self.term_spin = QSpinBox()
        self.term_spin.setRange(1, 600)
        self.term_spin.setSuffix(" months")
        self.term_spin.setAccessibleName("Term in months")
        self.renew_check = QCheckBox("Renews each term unless a party gives notice")
        self.renew_check.setAccessibleName("Renews automatically")
        self.notice_spin = QSpinBox()
        self.notice_spin.setRange(0, 3650)
        self.notice_spin.setSuffix(" days")
        self.notice_spin.setAccessibleName("Termination notice in days")
        self.witness_check = QCheckBox("Print “Signed, sealed and delivered in the presence of” witness lines")
        self.witness_check.setAccessibleName("Witness lines")
        self.overtime_edit = QPlainTextEdit()
        self.overtime_edit.setAccessibleName("Overtime rules")
        self.overtime_edit.setMaximumHeight(90)
        for text, widget in [("T&itle", self.title_edit), ("&Effective date", self.effective_edit),
                             ("Ter&m", self.term_spin), ("", self.renew_check), ("&Notice", self.notice_spin),
                             ("", self.witness_check), ("&Overtime rules", self.overtime_edit)]:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        return w

    # ------------------------------------------------------------------------------------------ loading
    def reload(self) -> None:
        self.model.reload()
        self.runner.read(agreements.editor_choices, on_done=self._choices_loaded, on_error=self._error, owner=self)
        self.runner.read(clauses.list_clauses, on_done=self._clauses_loaded, on_error=self._error, owner=self)

    def _on_changed(self, what: str) -> None:
        if what in ("agreements", "sites", "officers", "*"):
            self.reload()

    def _loaded(self, count: int) -> None:
        self.list_stack.setCurrentWidget(self.table if count else self.empty)
        target = self._pending_select if self._pending_select is not None else (
            self.detail.agreement_id if self.detail else None)
        row = self.model.row_of_id(target) if target is not None else -1
        if row < 0 and count:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
            agreement_id = self.model.id_at(row)
            if agreement_id is not None and self._pending_select is not None:
                self._pending_select = None
            self.load_agreement(agreement_id)  # always refresh the detail
        self._update_actions()

    def _choices_loaded(self, choices: EditorChoices) -> None:
        self.choices = choices
        self.person_combo.clear()
        party_names = {p.id: p.name for p in choices.parties}
        for p in choices.people:
            self.person_combo.addItem(f"{p.name}, {p.title} ({party_names.get(p.party_id, '')})", p.id)
        if self.detail is not None:
            self._fill_schools(self.detail)

    def _clauses_loaded(self, rows: list[clauses.ClauseRow]) -> None:
        self.clause_combo.clear()
        self.clause_rows = {r.code: r for r in rows}
        for r in rows:
            suffix = f" — covers: {r.covers_text}" if r.covers else ""
            self.clause_combo.addItem(f"{r.heading}{suffix}", r.code)

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        agreement_id = self.model.id_at(rows[0].row())
        if agreement_id is not None and (self.detail is None or self.detail.agreement_id != agreement_id):
            self.load_agreement(agreement_id)

    def load_agreement(self, agreement_id: int | None, version_no: int | None = None) -> None:
        if agreement_id is None:
            return
        self.runner.read(agreements.get_version, agreement_id=agreement_id, version_no=version_no,
                         on_done=self.show_detail, on_error=self._error, owner=self)

    def _version_chosen(self) -> None:
        if self.detail is not None:
            self.load_agreement(self.detail.agreement_id, self.version_combo.currentData())

    def show_detail(self, detail: VersionDetail) -> None:
        self.detail = detail
        self._loading_editor = True
        try:
            self.title_label.setText(f"{detail.document_number} — {detail.title}")
            parts = [f"<b>{detail.status_label}</b>", detail.kind_label, f"between {detail.parties_text}"]
            if detail.effective_date:
                parts.append(f"effective {agreements.long_date(detail.effective_date)}")
            if detail.executed_on:
                parts.append(f"executed {agreements.long_date(detail.executed_on)}")
            if detail.termination_effective_on:
                parts.append(f"terminated on notice of {agreements.long_date(detail.termination_notice_on)} by "
                             f"{detail.termination_by_name}: ends {agreements.long_date(detail.termination_effective_on)}")
            if detail.fingerprint:
                parts.append(f"SHA-256 {detail.fingerprint[:16]}…")
            self.status_label.setText(" · ".join(parts))
            self.status_label.setToolTip(detail.fingerprint)
            self.version_combo.clear()
            for v in detail.versions:
                self.version_combo.addItem(f"Version {v.version_no} — {v.status_label}", v.version_no)
            self.version_combo.setCurrentIndex(self.version_combo.findData(detail.version_no))
            self.section_data = [{"heading": s.heading, "body": s.body, "clause_code": s.clause_code}
                                 for s in detail.sections]
            self._fill_sections()
            self._fill_schools(detail)
            self._fill_services(detail)
            self._fill_signatories(detail)
            self.title_edit.setText(detail.title)
            self.effective_edit.setText(detail.effective_date.isoformat() if detail.effective_date else "")
            self.term_spin.setValue(detail.term_months)
            self.renew_check.setChecked(detail.auto_renew)
            self.notice_spin.setValue(detail.notice_days)
            self.witness_check.setChecked(detail.witness_lines)
            self.overtime_edit.setPlainText(detail.overtime_rules)
            self.changes_text.setPlainText(detail.change_summary or "This is the first version.")
        finally:
            self._loading_editor = False
        self._set_editable(detail.editable)
        self._update_actions()

    def _fill_sections(self, select: int = 0) -> None:
        self._loading_editor = True
        self.sections_list.clear()
        for i, s in enumerate(self.section_data, start=1):
            self.sections_list.addItem(QListWidgetItem(agreements.numbered_heading(i, s["heading"] or "(untitled)")))
        self._loading_editor = False
        if self.section_data:
            self.sections_list.setCurrentRow(min(select, len(self.section_data) - 1))
        else:
            self.heading_edit.clear()
            self.body_edit.clear()

    def _fill_schools(self, detail: VersionDetail) -> None:
        self.schools_list.clear()
        covered = {s.id for s in detail.sites}
        party_ids = {p.id for p in detail.parties}
        sites = list(self.choices.sites) if self.choices else []
        shown = [s for s in sites if s.id in covered or (s.active and (s.party_id in party_ids or s.party_id is None))]
        known = {s.id for s in shown}
        for s in detail.sites:
            if s.id not in known:
                shown.append(agreements.SiteChoice(s.id, s.name, None, True, True))
        for s in shown:
            item = QListWidgetItem(s.name + ("" if s.in_district else " (not a district school)"))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.id in covered else Qt.CheckState.Unchecked)
            self.schools_list.addItem(item)

    def _party_combo(self, selected: int | None) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName("Party")
        for p in self.detail.parties if self.detail else ():
            combo.addItem(p.name, p.id)
        combo.setCurrentIndex(max(0, combo.findData(selected)))
        return combo

    def add_service_row(self, service: agreements.ServiceData | None = None) -> None:
        t = self.services_table
        r = t.rowCount()
        t.insertRow(r)
        t.setCellWidget(r, 0, self._party_combo(service.provider_party_id if service else None))
        types = QComboBox()
        types.setAccessibleName("Service type")
        for code, label in (self.choices.service_types if self.choices else tuple(
                agreements.SERVICE_TYPES_FALLBACK.items())):
            types.addItem(label, code)
        if service:
            index = types.findData(service.service_type)
            if index < 0:
                types.addItem(service.service_label, service.service_type)
                index = types.count() - 1
            types.setCurrentIndex(index)
        t.setCellWidget(r, 1, types)
        values = [
            f"{service.hourly_rate_cents / 100:.2f}" if service else "0.00",
            str(service.min_callout_minutes if service else 0),
            str(service.short_notice_days if service else 0),
            str(service.short_notice_surcharge_pct if service else 0),
            str(service.overtime_multiplier_pct if service else 150),
            str(service.late_cancel_hours if service else 0),
            str(service.late_cancel_charge_minutes if service else 0),
        ]
        for c, text in enumerate(values, start=2):
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, c, item)
        kind = QTableWidgetItem()
        kind.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        kind.setCheckState(Qt.CheckState.Checked if service and service.in_kind else Qt.CheckState.Unchecked)
        t.setItem(r, 9, kind)

    def _fill_services(self, detail: VersionDetail) -> None:
        self.services_table.setRowCount(0)
        for s in detail.services:
            self.add_service_row(s)

    def add_signatory_row(self, party_id: int | None, person_id: int | None, name: str, title: str,
                          organization: str, signed_on: str = "") -> None:
        t = self.signatories_table
        r = t.rowCount()
        t.insertRow(r)
        t.setCellWidget(r, 0, self._party_combo(party_id))
        name_item = QTableWidgetItem(name)
        name_item.setData(Qt.ItemDataRole.UserRole, person_id)
        t.setItem(r, 1, name_item)
        t.setItem(r, 2, QTableWidgetItem(title))
        t.setItem(r, 3, QTableWidgetItem(organization))
        signed = QTableWidgetItem(signed_on)
        signed.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        t.setItem(r, 4, signed)

    def _fill_signatories(self, detail: VersionDetail) -> None:
        self.signatories_table.setRowCount(0)
        for s in detail.signatories:
            self.add_signatory_row(s.party_id, s.person_id, s.name, s.title, s.organization,
                                   s.signed_on.isoformat() if s.signed_on else "")

    def add_signatory_from_person(self) -> None:
        if self.choices is None or self.detail is None:
            return
        person = next((p for p in self.choices.people if p.id == self.person_combo.currentData()), None)
        if person is None:
            return
        party = next((p for p in self.detail.parties if p.id == person.party_id), None)
        self.add_signatory_row(party.id if party else None, person.id, person.name, person.title,
                               party.name if party else "")

    # ------------------------------------------------------------------------------------------ section editing
    def _section_chosen(self, row: int) -> None:
        if self._loading_editor or not 0 <= row < len(self.section_data):
            return
        self._loading_editor = True
        self.heading_edit.setText(self.section_data[row]["heading"])
        self.body_edit.setPlainText(self.section_data[row]["body"])
        self._loading_editor = False

    def _section_edited(self) -> None:
        if self._loading_editor:
            return
        row = self.sections_list.currentRow()
        if 0 <= row < len(self.section_data):
            self.section_data[row]["heading"] = self.heading_edit.text()
            self.section_data[row]["body"] = self.body_edit.toPlainText()
            item = self.sections_list.item(row)
            if item is not None:
                item.setText(agreements.numbered_heading(row + 1, self.heading_edit.text() or "(untitled)"))

    def add_section(self, heading: str = "New section", body: str = "", clause_code: str = "") -> None:
        row = self.sections_list.currentRow() + 1 if self.section_data else 0
        self.section_data.insert(row, {"heading": heading, "body": body, "clause_code": clause_code})
        self._fill_sections(row)

    def remove_section(self) -> None:
        row = self.sections_list.currentRow()
        if 0 <= row < len(self.section_data):
            del self.section_data[row]
            self._fill_sections(max(0, row - 1))

    def move_section(self, delta: int) -> None:
        row = self.sections_list.currentRow()
        target = row + delta
        if 0 <= row < len(self.section_data) and 0 <= target < len(self.section_data):
            self.section_data[row], self.section_data[target] = self.section_data[target], self.section_data[row]
            self._fill_sections(target)

    def insert_clause(self) -> None:
        code = self.clause_combo.currentData()
        clause = getattr(self, "clause_rows", {}).get(code)
        if clause is not None:
            self.add_section(clause.heading, clause.body, clause.code)

    def _set_editable(self, editable: bool) -> None:
        for w in (self.add_section_button, self.remove_section_button, self.up_button, self.down_button,
                  self.insert_clause_button, self.clause_combo, self.add_service_button,
                  self.remove_service_button, self.add_signatory_button, self.remove_signatory_button,
                  self.person_combo, self.term_spin, self.renew_check, self.notice_spin, self.witness_check):
            w.setEnabled(editable)
        for w in (self.heading_edit, self.title_edit, self.effective_edit):
            w.setReadOnly(not editable)
        for w in (self.body_edit, self.overtime_edit):
            w.setReadOnly(not editable)
        triggers = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                    | QAbstractItemView.EditTrigger.AnyKeyPressed) if editable else \
            QAbstractItemView.EditTrigger.NoEditTriggers
        for table in (self.services_table, self.signatories_table):
            table.setEditTriggers(triggers)
            for r in range(table.rowCount()):
                for c in range(2):
                    widget = table.cellWidget(r, c)
                    if widget is not None:
                        widget.setEnabled(editable)
        for i in range(self.schools_list.count()):
            item = self.schools_list.item(i)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if editable else flags & ~Qt.ItemFlag.ItemIsEnabled)

    def _update_actions(self) -> None:
        d = self.detail
        status = d.status if d else ""
        signed_any = bool(d and any(s.signed for s in d.signatories))
        self.save_action.setEnabled(status == "draft")
        self.check_action.setEnabled(d is not None)
        self.send_action.setEnabled(status == "draft")
        self.withdraw_action.setEnabled(status == "out_for_signature" and not signed_any)
        self.print_action.setEnabled(d is not None)
        self.save_pdf_action.setEnabled(d is not None)
        self.record_action.setEnabled(status == "out_for_signature")
        self.print_signed_action.setEnabled(signed_any)
        self.save_signed_action.setEnabled(signed_any)
        self.sign_action.setEnabled(status in ("out_for_signature", "executed"))
        self.amend_action.setEnabled(status in ("executed", "superseded", "terminated", "expired")
                                     and d is not None and all(v.status not in ("draft", "out_for_signature")
                                                               for v in d.versions))
        self.terminate_action.setEnabled(status == "executed")
        self.notice_action.setEnabled(status == "terminated")

    # ------------------------------------------------------------------------------------------ the payload
    def editor_values(self) -> dict[str, Any]:
        """What the editor holds, as ``update_draft`` keyword arguments."""
        assert self.detail is not None
        self._section_edited()
        services = []
        t = self.services_table
        errors = []
        for r in range(t.rowCount()):
            def num(c: int, r: int = r) -> int:
                item = t.item(r, c)
                try:
                    return int((item.text() if item else "0").strip() or "0")
                except ValueError:
                    errors.append(f"Service {r + 1}: “{item.text() if item else ''}” in “{SERVICE_HEADERS[c]}” "
                                  "is not a whole number.")
                    return 0
            rate_item = t.item(r, 2)
            try:
                rate = _cents(rate_item.text() if rate_item else "0")
            except ValueError:
                errors.append(f"Service {r + 1}: the rate “{rate_item.text() if rate_item else ''}” is not an "
                              "amount (e.g. 72.50).")
                rate = 0
            kind_item = t.item(r, 9)
            services.append({
                "provider_party_id": t.cellWidget(r, 0).currentData(),
                "service_type": t.cellWidget(r, 1).currentData(),
                "hourly_rate_cents": rate,
                "min_callout_minutes": num(3),
                "short_notice_days": num(4),
                "short_notice_surcharge_pct": num(5),
                "overtime_multiplier_pct": num(6),
                "late_cancel_hours": num(7),
                "late_cancel_charge_minutes": num(8),
                "in_kind": bool(kind_item and kind_item.checkState() == Qt.CheckState.Checked),
            })
        if errors:
            raise ValueError(" ".join(errors))
        signatories = []
        s = self.signatories_table
        for r in range(s.rowCount()):
            def text(c: int, r: int = r) -> str:
                item = s.item(r, c)
                return item.text() if item else ""
            name_item = s.item(r, 1)
            signatories.append({
                "party_id": s.cellWidget(r, 0).currentData(),
                "person_id": name_item.data(Qt.ItemDataRole.UserRole) if name_item else None,
                "name": text(1), "title": text(2), "organization": text(3),
            })
        site_ids = [
            self.schools_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.schools_list.count())
            if self.schools_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "version_id": self.detail.version_id,
            "title": self.title_edit.text(),
            "effective_date": self.effective_edit.text().strip() or None,
            "term_months": self.term_spin.value(),
            "auto_renew": self.renew_check.isChecked(),
            "notice_days": self.notice_spin.value(),
            "witness_lines": self.witness_check.isChecked(),
            "overtime_rules": self.overtime_edit.toPlainText(),
            "sections": [dict(x) for x in self.section_data],
            "site_ids": site_ids,
            "services": services,
            "signatories": signatories,
        }

    # ------------------------------------------------------------------------------------------ actions
    def _error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def _message(self, text: str, kind: str = "info") -> None:
        if kind == "success":
            self.messages.success(text)
        else:
            self.messages.show_message(text, kind)

    def new_agreement(self) -> None:
        from sharedsvc_desktop.gui.dialogs.agreement_new import AgreementNewDialog

        if self.choices is None:
            self.messages.error("The list of parties is still loading; try again in a moment.")
            return
        dialog = AgreementNewDialog(self.runner, self.choices, self)
        dialog.on_saved = lambda detail, _creating: self._created(detail)
        self.dialog = dialog
        dialog.open()

    def _created(self, detail: VersionDetail) -> None:
        self._pending_select = detail.agreement_id
        self.messages.success(f"Drafted {detail.document_number} from the template. Edit it, check it, then send "
                              "it for signature.")

    def save_draft(self) -> None:
        if self.detail is None:
            return
        try:
            values = self.editor_values()
        except ValueError as exc:
            self.messages.error(str(exc))
            return
        self.runner.write(agreements.update_draft, changes="agreements", on_error=self._error, owner=self,
                          on_done=lambda d: self.messages.success(f"{d.document_number} saved."), **values)

    def check_completeness(self) -> None:
        """Check what the editor holds now (saved or not) and list what is missing."""
        if self.detail is None:
            return
        d = self.detail
        self._section_edited()
        sections = [clauses.CheckSection(s["heading"], s["body"], s.get("clause_code", ""))
                    for s in self.section_data]
        party_ids = []
        for r in range(self.signatories_table.rowCount()):
            name = self.signatories_table.item(r, 1)
            if name is not None and name.text().strip():
                party_ids.append(self.signatories_table.cellWidget(r, 0).currentData())

        def work(session: Any) -> clauses.CompletenessReport:
            return clauses.check_text(
                kind=d.kind, sections=sections, code_covers=clauses.code_covers(session),
                party_names={p.id: p.name for p in d.parties}, signatory_party_ids=party_ids,
                version_id=d.version_id,
            )

        def done(report: clauses.CompletenessReport) -> None:
            self.last_check = report
            self._message(report.message, "success" if report.complete else "info")

        self.runner.read(work, on_done=done, on_error=self._error, owner=self)

    def send_for_signature(self) -> None:
        if self.detail is None:
            return
        try:
            values = self.editor_values()
        except ValueError as exc:
            self.messages.error(str(exc))
            return

        def work(session: Any) -> tuple[VersionDetail, clauses.CompletenessReport]:
            agreements.update_draft(session, **values)
            report = clauses.check_completeness(session, version_id=values["version_id"])
            return agreements.send_for_signature(session, version_id=values["version_id"]), report

        def done(result: tuple[VersionDetail, clauses.CompletenessReport]) -> None:
            detail, report = result
            self.last_check = report
            text = f"{detail.document_number} is out for signature (fingerprint {detail.fingerprint[:16]}…)."
            if not report.complete:
                text += "\nNote: " + report.message
            self._message(text, "success" if report.complete else "info")

        self.runner.write(work, changes="agreements", on_done=done, on_error=self._error, owner=self)

    def withdraw(self) -> None:
        if self.detail is not None:
            self.runner.write(agreements.withdraw_to_draft, version_id=self.detail.version_id,
                              changes="agreements", on_error=self._error, owner=self,
                              on_done=lambda d: self.messages.success(f"{d.document_number} is a draft again."))

    def _documents(self, signed: bool) -> DocumentActions | None:
        if self.detail is None:
            return None
        d = self.detail
        name = d.document_number.replace(" ", "-") + ("-signed" if signed else "") + ".pdf"
        self.documents = DocumentActions(
            self, self.runner, agreements.write_agreement,
            title=f"{d.document_number}{' (signed copy)' if signed else ''}", default_name=name,
            on_message=self._message, agreement_id=d.agreement_id, version_no=d.version_no, signed=signed,
        )
        return self.documents

    def print_document(self, *, signed: bool) -> None:
        docs = self._documents(signed)
        if docs is not None:
            docs.print_preview()

    def save_pdf(self, *, signed: bool, path: str | None = None) -> None:
        docs = self._documents(signed)
        if docs is not None:
            docs.save_as(path)

    def record_signature(self, signatory_id: int | None = None) -> None:
        from sharedsvc_desktop.gui.dialogs.agreement_signature import AgreementSignatureDialog

        d = self.detail
        if d is None or d.status != "out_for_signature":
            self.messages.error("Send the agreement for signature first; then record each signature.")
            return
        row = self.signatories_table.currentRow()
        if signatory_id is None:
            if 0 <= row < len(d.signatories):
                signatory_id = d.signatories[row].id
            else:
                unsigned = [s for s in d.signatories if not s.signed]
                signatory_id = (unsigned or list(d.signatories))[0].id
        signatory = next(s for s in d.signatories if s.id == signatory_id)
        dialog = AgreementSignatureDialog(self.runner, signatory, d.document_number, self)
        dialog.on_saved = lambda result, _c: self._signature_recorded(result)
        self.dialog = dialog
        dialog.open()

    def _signature_recorded(self, result: signatures.SignatureRecorded) -> None:
        d = result.version
        if result.executed:
            self.messages.success(f"All signatures recorded: {d.document_number} was executed on "
                                  f"{agreements.long_date(d.executed_on)}.")
        else:
            left = [s.name for s in d.signatories if not s.signed]
            self.messages.success(f"Signature recorded. Still to sign: {', '.join(left)}.")

    def sign_digitally(self) -> None:
        from sharedsvc_desktop.gui.dialogs.agreement_sign import AgreementSignDialog

        if self.detail is None:
            return
        dialog = AgreementSignDialog(self.runner, self.detail, self)
        dialog.accepted.connect(lambda: self._signed(dialog.result_pdf))
        self.dialog = dialog
        dialog.open()

    def _signed(self, result: signatures.SignedPdf | None) -> None:
        if result is None:
            return
        self.last_signed = result
        self.messages.success(f"{result.document_number} signed digitally by {result.signer} and saved to "
                              f"{result.out}.")

    def verify_pdf(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Verify a signed PDF", "", "PDF files (*.pdf)")
            if not path:
                return

        def done(report: signatures.VerifyReport) -> None:
            self.last_verify = report
            self._message(f"{Path(path).name}: {report.summary}", "success" if report.ok else "error")

        self.runner.read(signatures.verify_signed_pdf, path=path, on_done=done, on_error=self._error, owner=self)

    def amend(self) -> None:
        if self.detail is None:
            return

        def done(d: VersionDetail) -> None:
            self._pending_select = d.agreement_id
            self.messages.success(f"{d.document_number} started as a draft; version {d.version_no - 1} stays as "
                                  "it was signed.")

        self.runner.write(agreements.amend_agreement, agreement_id=self.detail.agreement_id, changes="agreements",
                          on_done=done, on_error=self._error, owner=self)

    def terminate(self) -> None:
        from sharedsvc_desktop.gui.dialogs.agreement_terminate import AgreementTerminateDialog

        if self.detail is None:
            return
        dialog = AgreementTerminateDialog(self.runner, self.detail, self)
        dialog.on_saved = lambda d, _c: self.messages.success(
            f"Notice recorded: {d.document_number} ends on {agreements.long_date(d.termination_effective_on)}. "
            "Print the notice letter from More ▸ Print termination notice.")
        self.dialog = dialog
        dialog.open()

    def print_notice(self, path: str | None = None) -> None:
        if self.detail is None:
            return
        d = self.detail
        self.documents = DocumentActions(
            self, self.runner, agreements.write_termination_notice, title=f"Notice of termination ({d.number})",
            default_name=f"{d.number}-termination-notice.pdf", on_message=self._message,
            agreement_id=d.agreement_id,
        )
        if path is None:
            self.documents.print_preview()
        else:
            self.documents.save_as(path)
