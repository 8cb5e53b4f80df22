"""What each side gave and what it would have cost: rates, the in-kind ledger, and invoices.

Rates come from the agreement's current executed version (its ``AgreementService`` rows: service type, hourly
rate and rules). One entry's value, in whole cents:

1. billed minutes = the entry's minutes, raised to the service's minimum call-out (``min_callout_minutes``) when
   it is shorter;
2. overtime: an entry whose officer's assignment on the event is marked overtime is multiplied by
   ``overtime_multiplier_pct`` (150 = time and a half);
3. short notice: an entry for an event requested fewer than ``short_notice_days`` days before it starts gets the
   ``short_notice_surcharge_pct`` on top;
4. value = billed minutes × hourly rate × overtime % × (100 + surcharge %) / (60 × 100 × 100), computed exactly
   in integers and **rounded once per entry, half up to the cent**. Totals are sums of those entry values, so a
   ledger always adds up to the cent against its entries.

The ledger per agreement and period shows police services delivered (services whose provider is a police
department, not in kind), in-kind services received (services marked in kind), the balance (police delivered
minus in kind received) and the avoided billing: what the school side would have been invoiced for the police
services without the agreement (the police services' value).

Invoices are only for billable hours outside any agreement, priced at the hourly rates for work outside an
agreement (setting ``ledger.outside_rates``: kind → cents per hour, no call-out rules), each entry rounded once
half up. Invoiced entries carry the invoice's id, so nothing is billed twice; the rates an invoice used are kept
with it (setting ``ledger.invoice_rates.<number>``) so a reprint shows the same amounts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, NotFoundError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementParty,
    AgreementService,
    AgreementVersion,
    Assignment,
    Event,
    HourEntry,
    Invoice,
    Officer,
    Party,
    Person,
    Setting,
    Signatory,
    Site,
)
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise
from sharedsvc_desktop.services.hours import KINDS
from sharedsvc_desktop.services.permissions import requires

OUTSIDE_RATES_SETTING = "ledger.outside_rates"
INVOICE_RATES_PREFIX = "ledger.invoice_rates."


def round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded to the nearest integer, halves away from zero."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) + denominator) // (2 * denominator))


@dataclass(frozen=True)
class Rate:
    service_id: int
    provider_party_id: int
    provider_name: str
    provider_kind: str
    service_type: str
    hourly_rate_cents: int
    min_callout_minutes: int
    short_notice_days: int
    short_notice_surcharge_pct: int
    overtime_multiplier_pct: int
    in_kind: bool


@dataclass(frozen=True)
class Priced:
    billed_minutes: int
    value_cents: int


def price_minutes(minutes: int, rate: Rate, *, overtime: bool = False, short_notice: bool = False) -> Priced:
    """The value of one entry under ``rate`` (see the module's rule): rounded once, half up."""
    billed = max(minutes, rate.min_callout_minutes) if rate.min_callout_minutes > 0 else minutes
    ot = rate.overtime_multiplier_pct if overtime else 100
    surcharge = rate.short_notice_surcharge_pct if short_notice else 0
    value = round_half_up(billed * rate.hourly_rate_cents * ot * (100 + surcharge), 60 * 100 * 100)
    return Priced(billed, value)


def current_version(session: Session, agreement_id: int) -> AgreementVersion | None:
    """The agreement's current executed version (the highest version number with status executed)."""
    return session.scalar(
        select(AgreementVersion)
        .where(AgreementVersion.agreement_id == agreement_id, AgreementVersion.status == "executed")
        .order_by(AgreementVersion.version_no.desc())
        .limit(1)
    )


def agreement_rates(session: Session, *, agreement_id: int) -> list[Rate]:
    get_or_raise(session, Agreement, agreement_id, "Agreement")
    version = current_version(session, agreement_id)
    if version is None:
        return []
    rows = session.execute(
        select(AgreementService, Party.name, Party.kind)
        .join(Party, AgreementService.provider_party_id == Party.id)
        .where(AgreementService.version_id == version.id)
        .order_by(AgreementService.id)
    ).all()
    return [
        Rate(
            service_id=s.id,
            provider_party_id=s.provider_party_id,
            provider_name=name,
            provider_kind=kind,
            service_type=s.service_type,
            hourly_rate_cents=s.hourly_rate_cents,
            min_callout_minutes=s.min_callout_minutes,
            short_notice_days=s.short_notice_days,
            short_notice_surcharge_pct=s.short_notice_surcharge_pct,
            overtime_multiplier_pct=s.overtime_multiplier_pct,
            in_kind=s.in_kind,
        )
        for s, name, kind in rows
    ]


# ---------------------------------------------------------------------------------------------- the ledger


@dataclass(frozen=True)
class LedgerLine:
    provider_party_id: int | None
    provider_name: str
    service_type: str
    service_label: str
    in_kind: bool
    police: bool
    priced: bool
    rate_cents: int
    min_callout_minutes: int
    entries: int
    minutes: int
    billed_minutes: int
    value_cents: int


@dataclass(frozen=True)
class LedgerMonth:
    month: str  # YYYY-MM
    label: str
    police_cents: int
    in_kind_cents: int
    minutes: int


@dataclass(frozen=True)
class EntryValue:
    entry_id: int
    billed_minutes: int
    value_cents: int
    priced: bool


@dataclass(frozen=True)
class SignatoryLine:
    name: str
    title: str
    organization: str


@dataclass(frozen=True)
class Ledger:
    agreement_id: int
    number: str
    title: str
    version_no: int | None
    parties: list[str]
    date_from: dt.date
    date_to: dt.date
    lines: list[LedgerLine]
    months: list[LedgerMonth]
    entries: int
    unapproved_entries: int
    total_minutes: int
    unpriced_minutes: int
    police_delivered_cents: int
    in_kind_received_cents: int
    other_cents: int
    signatories: list[SignatoryLine]

    @property
    def balance_cents(self) -> int:
        """Police services delivered minus in-kind services received (positive: the police gave more)."""
        return self.police_delivered_cents - self.in_kind_received_cents

    @property
    def avoided_billing_cents(self) -> int:
        """What the school side would have been invoiced for the police services without the agreement."""
        return self.police_delivered_cents

    @property
    def total_value_cents(self) -> int:
        return self.police_delivered_cents + self.in_kind_received_cents + self.other_cents


def money(cents: int) -> str:
    """Cents as dollars: 123456 -> "$1,234.56", -5 -> "−$0.05"."""
    sign = "−" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100:,}.{cents % 100:02d}"


def _overtime_clause() -> Any:
    return exists(
        select(Assignment.id)
        .join(Officer, Assignment.officer_id == Officer.id)
        .where(
            Assignment.event_id == HourEntry.event_id,
            Officer.person_id == HourEntry.person_id,
            Assignment.is_overtime.is_(True),
            Assignment.active.is_(True),
        )
    )


def entry_values(
    session: Session, *, agreement_id: int, date_from: dt.date, date_to: dt.date
) -> tuple[list[EntryValue], list[tuple[HourEntry, int | None, Rate | None, EntryValue]]]:
    """Each entry under the agreement in the period, priced (the ledger's raw material)."""
    rates = agreement_rates(session, agreement_id=agreement_id)
    by_type: dict[str, list[Rate]] = {}
    for r in rates:
        by_type.setdefault(r.service_type, []).append(r)
    rows = session.execute(
        select(HourEntry, Person.party_id, Event.starts_at, Event.requested_at, _overtime_clause())
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Event, HourEntry.event_id == Event.id)
        .where(
            HourEntry.agreement_id == agreement_id,
            HourEntry.work_date >= date_from,
            HourEntry.work_date <= date_to,
        )
        .order_by(HourEntry.work_date, HourEntry.id)
    ).all()
    values: list[EntryValue] = []
    detail = []
    for entry, party_id, ev_start, ev_requested, overtime in rows:
        candidates = by_type.get(entry.kind, [])
        rate = next((r for r in candidates if r.provider_party_id == party_id), None) or (
            candidates[0] if candidates else None
        )
        if rate is None:
            value = EntryValue(entry.id, entry.minutes, 0, False)
        else:
            short = False
            if rate.short_notice_days > 0 and rate.short_notice_surcharge_pct and ev_start and ev_requested:
                short = (ev_start - ev_requested) < dt.timedelta(days=rate.short_notice_days)
            priced = price_minutes(entry.minutes, rate, overtime=bool(overtime), short_notice=short)
            value = EntryValue(entry.id, priced.billed_minutes, priced.value_cents, True)
        values.append(value)
        detail.append((entry, party_id, rate, value))
    return values, detail


def agreement_ledger(
    session: Session, *, agreement_id: int, date_from: dt.date | str, date_to: dt.date | str
) -> Ledger:
    """The ledger of one agreement for a period (every entry counted under it, whatever its status)."""
    f = Fields()
    start = f.date(date_from, "date_from", "From", required=True)
    end = f.date(date_to, "date_to", "To", required=True)
    if start and end and end < start:
        f.error("date_to", "The end of the period is before its start.")
    f.check()
    assert start is not None and end is not None
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    version = current_version(session, agreement_id)
    service_labels = category_labels(session, "service_type", active_only=False)
    party_rows = {p.id: p for p in session.scalars(select(Party))}
    _values, detail = entry_values(session, agreement_id=agreement_id, date_from=start, date_to=end)

    lines: dict[tuple[Any, ...], dict[str, Any]] = {}
    months: dict[str, dict[str, int]] = {}
    police = in_kind = other = unpriced = total = unapproved = 0
    for entry, party_id, rate, value in detail:
        total += entry.minutes
        if entry.status == "submitted":
            unapproved += 1
        if rate is None:
            provider_id = party_id
            provider = party_rows.get(party_id) if party_id else None
            key = (provider_id, entry.kind, False)
            is_police, is_in_kind = False, False
            unpriced += entry.minutes
        else:
            provider_id = rate.provider_party_id
            provider = party_rows.get(provider_id)
            key = (provider_id, rate.service_type, True)
            is_in_kind = rate.in_kind
            is_police = not rate.in_kind and rate.provider_kind == "police_department"
        line = lines.setdefault(
            key,
            {
                "provider_party_id": provider_id,
                "provider_name": provider.name if provider else "(no party)",
                "service_type": entry.kind if rate is None else rate.service_type,
                "service_label": service_labels.get(entry.kind if rate is None else rate.service_type,
                                                    KINDS.get(entry.kind, entry.kind)),
                "in_kind": is_in_kind,
                "police": is_police,
                "priced": rate is not None,
                "rate_cents": rate.hourly_rate_cents if rate else 0,
                "min_callout_minutes": rate.min_callout_minutes if rate else 0,
                "entries": 0,
                "minutes": 0,
                "billed_minutes": 0,
                "value_cents": 0,
            },
        )
        line["entries"] += 1
        line["minutes"] += entry.minutes
        line["billed_minutes"] += value.billed_minutes
        line["value_cents"] += value.value_cents
        month = months.setdefault(entry.work_date.strftime("%Y-%m"), {"police": 0, "in_kind": 0, "minutes": 0})
        month["minutes"] += entry.minutes
        if is_in_kind:
            in_kind += value.value_cents
            month["in_kind"] += value.value_cents
        elif is_police:
            police += value.value_cents
            month["police"] += value.value_cents
        else:
            other += value.value_cents
    ordered = sorted(
        (LedgerLine(**v) for v in lines.values()),
        key=lambda ln: (not ln.police, ln.in_kind, not ln.priced, ln.provider_name, ln.service_label),
    )
    month_rows = [
        LedgerMonth(k, dt.date.fromisoformat(f"{k}-01").strftime("%B %Y"), v["police"], v["in_kind"], v["minutes"])
        for k, v in sorted(months.items())
    ]
    parties = [
        name
        for name, in session.execute(
            select(Party.name)
            .join(AgreementParty, AgreementParty.party_id == Party.id)
            .where(AgreementParty.agreement_id == agreement_id)
            .order_by(AgreementParty.position)
        )
    ]
    signatories = []
    if version is not None:
        signatories = [
            SignatoryLine(s.name, s.title, s.organization)
            for s in session.scalars(
                select(Signatory).where(Signatory.version_id == version.id).order_by(Signatory.position)
            )
        ]
    return Ledger(
        agreement_id=agreement.id,
        number=agreement.number,
        title=agreement.title,
        version_no=version.version_no if version else None,
        parties=parties,
        date_from=start,
        date_to=end,
        lines=ordered,
        months=month_rows,
        entries=len(detail),
        unapproved_entries=unapproved,
        total_minutes=total,
        unpriced_minutes=unpriced,
        police_delivered_cents=police,
        in_kind_received_cents=in_kind,
        other_cents=other,
        signatories=signatories,
    )


def write_ledger_statement(
    session: Session,
    *,
    out: Path | BinaryIO,
    agreement_id: int,
    date_from: dt.date | str,
    date_to: dt.date | str,
    today: dt.date | None = None,
) -> int:
    """The ledger statement PDF, with signature lines for both parties. Returns the number of entries."""
    from sharedsvc_desktop.documents.hours import build_ledger_statement

    ledger = agreement_ledger(session, agreement_id=agreement_id, date_from=date_from, date_to=date_to)
    build_ledger_statement(out, ledger, generated_on=today or dt.date.today())
    return ledger.entries


@dataclass(frozen=True)
class AgreementChoice:
    id: int
    label: str
    effective_date: dt.date | None
    end_date: dt.date | None


def ledger_agreements(session: Session) -> list[AgreementChoice]:
    """Agreements with an executed version, for the ledger's chooser."""
    out = []
    for a in session.scalars(select(Agreement).order_by(Agreement.number)):
        v = current_version(session, a.id)
        if v is not None:
            out.append(AgreementChoice(a.id, f"{a.number} — {a.title}", v.effective_date, v.end_date))
    return out


def find_agreement(session: Session, *, key: str) -> int:
    """An agreement's id by id or number (for the command line)."""
    key = key.strip()
    found = session.scalar(select(Agreement.id).where(func.lower(Agreement.number) == key.lower()))
    if found is None and key.isdigit() and session.get(Agreement, int(key)) is not None:
        found = int(key)
    if found is None:
        raise NotFoundError(f"No agreement has the number or id “{key}”.")
    return int(found)


# ------------------------------------------------------------------------------------------------ invoices


@dataclass(frozen=True)
class BillableGroup:
    """Billable hours outside any agreement, not invoiced yet, from one party's people at another party's sites."""

    from_party_id: int
    from_name: str
    to_party_id: int
    to_name: str
    entries: int
    minutes: int
    unapproved: int
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class InvoiceLine:
    entry_id: int
    work_date: dt.date
    person_name: str
    site_name: str
    kind: str
    kind_label: str
    minutes: int
    rate_cents: int
    amount_cents: int


@dataclass(frozen=True)
class InvoiceRow:
    id: int
    number: str
    from_party_id: int
    from_name: str
    to_party_id: int
    to_name: str
    period_start: dt.date
    period_end: dt.date
    issued_on: dt.date
    total_cents: int
    entries: int


@dataclass(frozen=True)
class InvoiceDetail:
    invoice: InvoiceRow
    from_address: str
    to_address: str
    lines: list[InvoiceLine]
    rates: dict[str, int]


def outside_rates(session: Session) -> dict[str, int]:
    """Hourly rates (cents) for billable work outside any agreement, by kind."""
    setting = session.get(Setting, OUTSIDE_RATES_SETTING)
    value = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    return {str(k): int(v) for k, v in value.items() if str(k) in KINDS}


def _check_rates(rates: dict[str, Any]) -> dict[str, int]:
    """Rates by kind: whole cents as numbers, or dollars as text ("55.00"); blank ones are left out."""
    f = Fields()
    clean: dict[str, int] = {}
    for kind, value in rates.items():
        if kind not in KINDS:
            f.error(f"rate_{kind}", f"“{kind}” is not a kind of work.")
            continue
        if value in (None, ""):
            continue
        try:
            if isinstance(value, str):  # typed by a person: dollars, e.g. "55" or "$55.00"
                amount = Decimal(value.strip().replace("$", "").replace(",", ""))
                if amount != amount.quantize(Decimal("0.01")):
                    raise InvalidOperation
                cents = int(amount * 100)
            else:
                cents = int(value)
        except (TypeError, ValueError, InvalidOperation):
            f.error(f"rate_{kind}", f"The rate for {KINDS[kind].lower()} “{value}” is not an amount in dollars "
                                    "(for example 55.00).")
            continue
        if cents < 0:
            f.error(f"rate_{kind}", f"The rate for {KINDS[kind].lower()} cannot be negative.")
            continue
        clean[kind] = cents
    f.check()
    return clean


@requires("billing")
def set_outside_rates(session: Session, *, rates: dict[str, Any]) -> dict[str, int]:
    clean = _check_rates(rates)
    setting = session.get(Setting, OUTSIDE_RATES_SETTING)
    if setting is None:
        session.add(Setting(key=OUTSIDE_RATES_SETTING, value=clean))
    else:
        setting.value = clean
    session.flush()
    return clean


def _billable_query(date_from: dt.date, date_to: dt.date) -> Any:
    return (
        select(HourEntry, Person.party_id, Site.party_id, Person.first_name, Person.last_name, Site.name)
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Site, HourEntry.site_id == Site.id)
        .where(
            HourEntry.agreement_id.is_(None),
            HourEntry.billable.is_(True),
            HourEntry.invoice_id.is_(None),
            HourEntry.work_date >= date_from,
            HourEntry.work_date <= date_to,
        )
    )


def billable_outside(session: Session, *, date_from: dt.date | str, date_to: dt.date | str) -> list[BillableGroup]:
    """Billable hours outside any agreement not yet invoiced, grouped by who gave them and who receives the bill
    (the party of the site). Entries without a site or party cannot be billed and are not listed."""
    f = Fields()
    start = f.date(date_from, "date_from", "From", required=True)
    end = f.date(date_to, "date_to", "To", required=True)
    f.check()
    assert start and end
    names = {p.id: p.name for p in session.scalars(select(Party))}
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    for entry, from_id, to_id, *_rest in session.execute(_billable_query(start, end)):
        if from_id is None or to_id is None:
            continue
        g = groups.setdefault((from_id, to_id), {"entries": 0, "minutes": 0, "unapproved": 0, "kinds": set()})
        g["entries"] += 1
        g["minutes"] += entry.minutes
        g["kinds"].add(entry.kind)
        if entry.status == "submitted":
            g["unapproved"] += 1
    return [
        BillableGroup(a, names.get(a, ""), b, names.get(b, ""), g["entries"], g["minutes"], g["unapproved"],
                      tuple(sorted(g["kinds"])))
        for (a, b), g in sorted(groups.items())
    ]


def _next_number(session: Session, year: int) -> str:
    prefix = f"INV-{year}-"
    numbers = session.scalars(select(Invoice.number).where(Invoice.number.like(f"{prefix}%")))
    highest = 0
    for n in numbers:
        tail = n[len(prefix):]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{highest + 1:04d}"


@requires("billing")
def create_invoice(
    session: Session,
    *,
    from_party_id: int,
    to_party_id: int,
    period_start: dt.date | str,
    period_end: dt.date | str,
    rates: dict[str, Any] | None = None,
    issued_on: dt.date | None = None,
) -> InvoiceRow:
    """Invoice the approved, billable, not yet invoiced hours outside any agreement given by ``from_party``'s
    people at ``to_party``'s sites in the period. Submitted (unapproved) entries are left for a later invoice."""
    f = Fields()
    start = f.date(period_start, "period_start", "From", required=True)
    end = f.date(period_end, "period_end", "To", required=True)
    if start and end and end < start:
        f.error("period_end", "The end of the period is before its start.")
    f.check()
    assert start and end
    from_party = get_or_raise(session, Party, from_party_id, "Party")
    to_party = get_or_raise(session, Party, to_party_id, "Party")
    used_rates = _check_rates(rates) if rates is not None else outside_rates(session)
    rows = [
        entry
        for entry, from_id, to_id, *_rest in session.execute(_billable_query(start, end))
        if from_id == from_party.id and to_id == to_party.id and entry.status in ("approved", "locked")
    ]
    if not rows:
        raise ConflictError(
            f"There are no approved billable hours outside an agreement from {from_party.name} at "
            f"{to_party.name}'s sites between {start:%d %b %Y} and {end:%d %b %Y} that are not invoiced yet."
        )
    missing = sorted({e.kind for e in rows if e.kind not in used_rates})
    if missing:
        raise ValidationError(
            {f"rate_{k}": f"Give the hourly rate for {KINDS.get(k, k).lower()} outside an agreement." for k in missing}
        )
    total = sum(round_half_up(e.minutes * used_rates[e.kind], 60) for e in rows)
    issued = issued_on or dt.date.today()
    invoice = Invoice(
        number=_next_number(session, issued.year),
        to_party_id=to_party.id,
        from_party_id=from_party.id,
        period_start=start,
        period_end=end,
        total_cents=total,
        issued_on=issued,
    )
    session.add(invoice)
    session.flush()
    for e in rows:
        e.invoice_id = invoice.id
    session.add(Setting(key=f"{INVOICE_RATES_PREFIX}{invoice.number}",
                        value={k: used_rates[k] for k in sorted({e.kind for e in rows})}))
    session.flush()
    return invoice_rows(session, [invoice.id])[0]


def find_invoice(session: Session, *, key: str) -> int:
    """An invoice's id by number or id (for the command line)."""
    key = key.strip()
    found = session.scalar(select(Invoice.id).where(func.upper(Invoice.number) == key.upper()))
    if found is None and key.isdigit() and session.get(Invoice, int(key)) is not None:
        found = int(key)
    if found is None:
        raise NotFoundError(f"No invoice has the number “{key}”.")
    return int(found)


def invoice_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Invoice.id).order_by(Invoice.issued_on.desc(), Invoice.id.desc())))


def list_invoices(session: Session) -> list[InvoiceRow]:
    return invoice_rows(session, invoice_ids(session))


def invoice_rows(session: Session, ids: Sequence[int]) -> list[InvoiceRow]:
    if not ids:
        return []
    names = {p.id: p.name for p in session.scalars(select(Party))}
    counts = dict(
        session.execute(
            select(HourEntry.invoice_id, func.count(HourEntry.id))
            .where(HourEntry.invoice_id.in_(list(ids)))
            .group_by(HourEntry.invoice_id)
        ).all()
    )
    by_id = {
        i.id: InvoiceRow(i.id, i.number, i.from_party_id, names.get(i.from_party_id, ""), i.to_party_id,
                         names.get(i.to_party_id, ""), i.period_start, i.period_end, i.issued_on, i.total_cents,
                         int(counts.get(i.id, 0)))
        for i in session.scalars(select(Invoice).where(Invoice.id.in_(list(ids))))
    }
    return [by_id[i] for i in ids if i in by_id]


def invoice_detail(session: Session, *, invoice_id: int) -> InvoiceDetail:
    invoice = get_or_raise(session, Invoice, invoice_id, "Invoice")
    row = invoice_rows(session, [invoice.id])[0]
    setting = session.get(Setting, f"{INVOICE_RATES_PREFIX}{invoice.number}")
    rates = {str(k): int(v) for k, v in (setting.value if setting is not None else {}).items()}
    lines = []
    for entry, first, last, site in session.execute(
        select(HourEntry, Person.first_name, Person.last_name, Site.name)
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Site, HourEntry.site_id == Site.id)
        .where(HourEntry.invoice_id == invoice.id)
        .order_by(HourEntry.work_date, HourEntry.id)
    ):
        rate = rates.get(entry.kind, 0)
        lines.append(
            InvoiceLine(entry.id, entry.work_date, f"{first} {last}", site or "", entry.kind,
                        KINDS.get(entry.kind, entry.kind), entry.minutes, rate, round_half_up(entry.minutes * rate, 60))
        )
    from_party = session.get(Party, invoice.from_party_id)
    to_party = session.get(Party, invoice.to_party_id)
    return InvoiceDetail(row, from_party.address if from_party else "", to_party.address if to_party else "",
                         lines, rates)


def write_invoice(session: Session, *, out: Path | BinaryIO, invoice_id: int, today: dt.date | None = None) -> int:
    """The invoice PDF. Returns the number of lines."""
    from sharedsvc_desktop.documents.hours import build_invoice

    detail = invoice_detail(session, invoice_id=invoice_id)
    build_invoice(out, detail, generated_on=today or dt.date.today())
    return len(detail.lines)


def parties_list(session: Session) -> list[tuple[int, str]]:
    return [(p.id, p.name) for p in session.scalars(select(Party).where(Party.active.is_(True)).order_by(Party.name))]


__all__ = [
    "Rate",
    "Ledger",
    "agreement_rates",
    "agreement_ledger",
    "price_minutes",
    "round_half_up",
    "create_invoice",
    "billable_outside",
    "write_ledger_statement",
    "write_invoice",
]
