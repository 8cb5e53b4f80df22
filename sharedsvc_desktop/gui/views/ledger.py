"""The Ledger screen: what each side gave under an agreement and what it was worth; invoices for billable hours
outside any agreement."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import ledger
from sharedsvc_desktop.services.hours import KINDS
from sharedsvc_desktop.services.ledger import AgreementChoice, BillableGroup, InvoiceRow, Ledger, money


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class LedgerView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today or dt.date.today()
        self.agreements: list[AgreementChoice] = []
        self.ledger: Ledger | None = None
        self.groups: list[BillableGroup] = []
        self.invoices: list[InvoiceRow] = []
        self.setAccessibleName("Ledger")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Ledger and invoices"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        controls = QHBoxLayout()
        label = QLabel("&Agreement:")
        self.agreement_combo = QComboBox()
        self.agreement_combo.setAccessibleName("Agreement")
        self.agreement_combo.setMinimumContentsLength(30)
        label.setBuddy(self.agreement_combo)
        controls.addWidget(label)
        controls.addWidget(self.agreement_combo, 1)
        self.from_edit = QDateEdit()
        self.to_edit = QDateEdit()
        for edit, text in ((self.from_edit, "&From:"), (self.to_edit, "&To:")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(text.replace("&", "").rstrip(":"))
            lab = QLabel(text)
            lab.setBuddy(edit)
            controls.addWidget(lab)
            controls.addWidget(edit)
        self.from_edit.setDate(_qdate(dt.date(self.today.year, 1, 1)))
        self.to_edit.setDate(_qdate(self.today))
        self.print_button = QPushButton("&Print statement…")
        self.save_button = QPushButton("&Save statement as PDF…")
        self.print_button.clicked.connect(lambda: self.statement_actions().print_preview())
        self.save_button.clicked.connect(lambda: self.statement_actions().save_as())
        controls.addWidget(self.print_button)
        controls.addWidget(self.save_button)
        layout.addLayout(controls)

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        totals = QGridLayout()
        self.total_labels: dict[str, QLabel] = {}
        for i, (key, text) in enumerate([
            ("police", "Police services delivered"),
            ("in_kind", "In-kind services received"),
            ("balance", "Balance (police − in kind)"),
            ("avoided", "Avoided billing"),
        ]):
            name = QLabel(text)
            name.setStyleSheet("color: #555;")
            value = QLabel("—")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.35)
            font.setBold(True)
            value.setFont(font)
            value.setAccessibleName(text)
            totals.addWidget(name, 0, i)
            totals.addWidget(value, 1, i)
            self.total_labels[key] = value
        top_layout.addLayout(totals)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #555;")
        top_layout.addWidget(self.note_label)
        self.lines_table = _table(["Party", "Service", "Rate", "Entries", "Hours", "Billed hours", "Value"],
                                  "Ledger lines")
        top_layout.addWidget(self.lines_table, 1)
        splitter.addWidget(top)

        billing = QGroupBox("Billable hours outside any agreement, same dates (only approved hours are invoiced)")
        b_layout = QVBoxLayout(billing)
        self.groups_table = _table(["From", "To", "Entries", "Hours", "Not approved", "Kinds"], "Billable hours")
        b_layout.addWidget(self.groups_table, 1)
        rates_row = QHBoxLayout()
        rates_form = QFormLayout()
        self.rate_edits: dict[str, QLineEdit] = {}
        for code in ("building_patrol", "event_coverage", "other"):
            edit = QLineEdit()
            edit.setPlaceholderText("e.g. 55.00")
            edit.setMaximumWidth(100)
            edit.setAccessibleName(f"Hourly rate for {KINDS[code].lower()} in dollars")
            rates_form.addRow(f"{KINDS[code]} ($/h):", edit)
            self.rate_edits[code] = edit
        rates_row.addLayout(rates_form)
        rates_row.addStretch(1)
        self.invoice_button = QPushButton("&Create invoice for the selected row")
        self.invoice_button.clicked.connect(self.create_invoice)
        rates_row.addWidget(self.invoice_button, 0, Qt.AlignmentFlag.AlignBottom)
        b_layout.addLayout(rates_row)
        self.invoices_table = _table(["Number", "Issued", "From", "To", "Period", "Entries", "Total"], "Invoices")
        b_layout.addWidget(self.invoices_table, 1)
        inv_buttons = QHBoxLayout()
        inv_buttons.addStretch(1)
        self.invoice_print_button = QPushButton("Print in&voice…")
        self.invoice_save_button = QPushButton("Save invoice as P&DF…")
        self.invoice_print_button.clicked.connect(lambda: self._invoice_action(print_it=True))
        self.invoice_save_button.clicked.connect(lambda: self._invoice_action(print_it=False))
        inv_buttons.addWidget(self.invoice_print_button)
        inv_buttons.addWidget(self.invoice_save_button)
        b_layout.addLayout(inv_buttons)
        splitter.addWidget(billing)
        layout.addWidget(splitter, 1)

        self.agreement_combo.currentIndexChanged.connect(lambda _i: self._agreement_changed())
        self.from_edit.dateChanged.connect(lambda _d: self.refresh())
        self.to_edit.dateChanged.connect(lambda _d: self.refresh())
        runner.changed.connect(self._on_changed)

    # -- loading
    def reload(self) -> None:
        self.runner.read(ledger.ledger_agreements, on_done=self._agreements_loaded, owner=self,
                         on_error=lambda e: self.messages.error(user_message(e)))
        self.runner.read(ledger.outside_rates, on_done=self._rates_loaded, owner=self)

    def _on_changed(self, what: str) -> None:
        if what in ("hours", "agreements", "*"):
            self.refresh()

    def _rates_loaded(self, rates: dict[str, int]) -> None:
        for code, edit in self.rate_edits.items():
            if code in rates and not edit.text():
                edit.setText(f"{rates[code] / 100:.2f}")

    def _agreements_loaded(self, agreements: list[AgreementChoice]) -> None:
        current = self.agreement_combo.currentData()
        self.agreements = agreements
        self.agreement_combo.blockSignals(True)
        self.agreement_combo.clear()
        for a in agreements:
            self.agreement_combo.addItem(a.label, a.id)
        index = self.agreement_combo.findData(current)
        self.agreement_combo.setCurrentIndex(max(index, 0))
        self.agreement_combo.blockSignals(False)
        if current is None or index < 0:
            self._agreement_changed()
        else:
            self.refresh()

    def _agreement_changed(self) -> None:
        agreement_id = self.agreement_combo.currentData()
        choice = next((a for a in self.agreements if a.id == agreement_id), None)
        if choice is not None and choice.effective_date is not None:
            self.from_edit.blockSignals(True)
            self.to_edit.blockSignals(True)
            self.from_edit.setDate(_qdate(choice.effective_date))
            self.to_edit.setDate(_qdate(choice.end_date or self.today))
            self.from_edit.blockSignals(False)
            self.to_edit.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def refresh(self) -> None:
        start, end = self.period()
        agreement_id = self.agreement_combo.currentData()
        if agreement_id is not None:
            self.runner.read(ledger.agreement_ledger, agreement_id=agreement_id, date_from=start, date_to=end,
                             on_done=self._ledger_loaded, on_error=lambda e: self.messages.error(user_message(e)),
                             owner=self)
        else:
            self._ledger_loaded(None)
        self.runner.read(ledger.billable_outside, date_from=start, date_to=end, on_done=self._groups_loaded,
                         on_error=lambda e: self.messages.error(user_message(e)), owner=self)
        self.runner.read(ledger.list_invoices, on_done=self._invoices_loaded, owner=self)

    def _ledger_loaded(self, result: Ledger | None) -> None:
        self.ledger = result
        self.print_button.setEnabled(result is not None)
        self.save_button.setEnabled(result is not None)
        if result is None:
            for label in self.total_labels.values():
                label.setText("—")
            self.note_label.setText("No agreement has an executed version yet: the ledger needs its rates.")
            self.lines_table.setRowCount(0)
            return
        self.total_labels["police"].setText(money(result.police_delivered_cents))
        self.total_labels["in_kind"].setText(money(result.in_kind_received_cents))
        self.total_labels["balance"].setText(money(result.balance_cents))
        self.total_labels["avoided"].setText(money(result.avoided_billing_cents))
        notes = [f"{result.entries:,} entries, {result.total_minutes / 60:,.2f} hours under {result.number}"
                 f" (version {result.version_no})."]
        if result.unapproved_entries:
            notes.append(f"{result.unapproved_entries:,} not approved yet.")
        if result.unpriced_minutes:
            notes.append(f"{result.unpriced_minutes / 60:,.2f} hours have no rate in the agreement.")
        self.note_label.setText(" ".join(notes))
        rows = []
        for ln in result.lines:
            rate = f"{money(ln.rate_cents)}/h" if ln.priced else "no rate"
            if ln.min_callout_minutes:
                rate += f", min. {ln.min_callout_minutes / 60:g} h"
            side = "in kind" if ln.in_kind else ("police" if ln.police else "other")
            label = ln.service_label if side in ln.service_label.casefold() else f"{ln.service_label} ({side})"
            rows.append([ln.provider_name, label, rate, f"{ln.entries:,}",
                         f"{ln.minutes / 60:,.2f}", f"{ln.billed_minutes / 60:,.2f}", money(ln.value_cents)])
        _fill(self.lines_table, rows, {3, 4, 5, 6})

    def _groups_loaded(self, groups: list[BillableGroup]) -> None:
        self.groups = groups
        _fill(self.groups_table, [
            [g.from_name, g.to_name, f"{g.entries:,}", f"{g.minutes / 60:,.2f}", f"{g.unapproved:,}",
             ", ".join(KINDS.get(k, k) for k in g.kinds)] for g in groups
        ], {2, 3, 4})
        if groups:
            self.groups_table.selectRow(0)
        self.invoice_button.setEnabled(bool(groups))

    def _invoices_loaded(self, invoices: list[InvoiceRow]) -> None:
        self.invoices = invoices
        _fill(self.invoices_table, [
            [i.number, i.issued_on.isoformat(), i.from_name, i.to_name,
             f"{i.period_start:%Y-%m-%d} to {i.period_end:%Y-%m-%d}", f"{i.entries:,}", money(i.total_cents)]
            for i in invoices
        ], {5, 6})
        if invoices:
            self.invoices_table.selectRow(0)
        self.invoice_print_button.setEnabled(bool(invoices))
        self.invoice_save_button.setEnabled(bool(invoices))

    # -- documents
    def statement_actions(self) -> DocumentActions:
        start, end = self.period()
        agreement_id = self.agreement_combo.currentData()
        number = self.ledger.number if self.ledger else "ledger"
        self.actions_in_use = DocumentActions(
            self, self.runner, ledger.write_ledger_statement, title="Ledger statement",
            default_name=f"ledger-{number}-{start}-{end}.pdf", on_message=self.messages.show_message,
            agreement_id=agreement_id, date_from=start, date_to=end,
        )
        return self.actions_in_use

    def selected_invoice(self) -> InvoiceRow | None:
        rows = self.invoices_table.selectionModel().selectedRows()
        return self.invoices[rows[0].row()] if rows and rows[0].row() < len(self.invoices) else None

    def invoice_actions(self, invoice: InvoiceRow) -> DocumentActions:
        self.actions_in_use = DocumentActions(
            self, self.runner, ledger.write_invoice, title=f"Invoice {invoice.number}",
            default_name=f"{invoice.number}.pdf", on_message=self.messages.show_message, invoice_id=invoice.id,
        )
        return self.actions_in_use

    def _invoice_action(self, *, print_it: bool) -> None:
        invoice = self.selected_invoice()
        if invoice is None:
            self.messages.error("Select an invoice first.")
            return
        actions = self.invoice_actions(invoice)
        if print_it:
            actions.print_preview()
        else:
            actions.save_as()

    def create_invoice(self) -> None:
        rows = self.groups_table.selectionModel().selectedRows()
        if not rows:
            self.messages.error("Select the row of billable hours to invoice first.")
            return
        group = self.groups[rows[0].row()]
        start, end = self.period()
        rates: dict[str, Any] = {k: e.text().strip() for k, e in self.rate_edits.items() if e.text().strip()}

        def done(invoice: InvoiceRow) -> None:
            self.messages.success(f"Invoice {invoice.number} to {invoice.to_name}: {invoice.entries:,} entries, "
                                  f"{money(invoice.total_cents)}. Those entries are marked invoiced.")

        def save_rates_then_invoice() -> None:
            self.runner.write(ledger.create_invoice, from_party_id=group.from_party_id, to_party_id=group.to_party_id,
                              period_start=start, period_end=end, rates=rates, issued_on=self.today, changes="hours",
                              on_done=done, on_error=lambda e: self.messages.error(user_message(e)), owner=self)

        self.runner.write(ledger.set_outside_rates, rates=rates, changes="settings",
                          on_done=lambda _r: save_rates_then_invoice(),
                          on_error=lambda e: self.messages.error(user_message(e)), owner=self)
