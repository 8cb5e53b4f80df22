"""The ledger and invoices: values computed independently from the raw rows must match to the cent."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlalchemy import select, text

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.models import Event
from sharedsvc_desktop.services import hours, ledger
from tests.sql_helpers import named_sql

YEAR = (dt.date(2026, 7, 1), dt.date(2027, 6, 30))


def rows(db, sql, **params):
    return named_sql(db, sql, **params)


def agreement(db, number: str) -> int:
    return rows(db, "SELECT id FROM agreement WHERE number = :n", n=number)[0][0]


def cents(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def independent_values(db, agreement_id: int) -> dict[str, int]:
    """Sum per side of each entry's value, straight from the tables (Decimal arithmetic, half-up per entry)."""
    services = rows(
        db,
        "SELECT s.service_type, s.hourly_rate_cents, s.min_callout_minutes, s.short_notice_days, "
        "s.short_notice_surcharge_pct, s.overtime_multiplier_pct, s.in_kind, p.kind FROM agreement_service s "
        "JOIN agreement_version v ON v.id = s.version_id JOIN party p ON p.id = s.provider_party_id "
        "WHERE v.agreement_id = :a AND v.status = 'executed'",
        a=agreement_id,
    )
    by_type = {s[0]: s for s in services}
    entries = rows(
        db,
        "SELECT h.kind, h.minutes, e.starts_at, e.requested_at, "
        "(SELECT count(*) FROM assignment a JOIN officer o ON o.id = a.officer_id WHERE a.event_id = h.event_id "
        " AND o.person_id = h.person_id AND a.is_overtime AND a.active) "
        "FROM hour_entry h LEFT JOIN event e ON e.id = h.event_id "
        "WHERE h.agreement_id = :a AND h.work_date BETWEEN :f AND :t",
        a=agreement_id, f=YEAR[0].isoformat(), t=YEAR[1].isoformat(),
    )
    totals = {"police": 0, "in_kind": 0, "entries": len(entries)}
    for kind, minutes, ev_start, ev_req, overtime in entries:
        s = by_type.get(kind)
        if s is None:
            continue
        _t, rate, minimum, sn_days, sn_pct, ot_pct, in_kind, party_kind = s
        billed = max(minutes, minimum)
        value = Decimal(billed) * rate / 60
        if overtime:
            value = value * ot_pct / 100
        if sn_days and ev_start and ev_req:
            lead = dt.datetime.fromisoformat(str(ev_start)) - dt.datetime.fromisoformat(str(ev_req))
            if lead < dt.timedelta(days=sn_days):
                value = value * (100 + sn_pct) / 100
        side = "in_kind" if in_kind else ("police" if party_kind == "police_department" else "other")
        totals[side] = totals.get(side, 0) + cents(value)
    return totals


def test_norwich_ledger_balances_to_the_cent(demo_db):
    a = agreement(demo_db, "AGR-2012-001")
    with demo_db.read_session() as s:
        led = ledger.agreement_ledger(s, agreement_id=a, date_from=YEAR[0], date_to=YEAR[1])
    expected = independent_values(demo_db, a)
    assert led.entries == expected["entries"] > 0
    assert led.police_delivered_cents == expected["police"] > 0
    assert led.in_kind_received_cents == expected["in_kind"] > 0
    assert led.balance_cents == expected["police"] - expected["in_kind"]
    assert led.avoided_billing_cents == expected["police"]
    assert sum(ln.value_cents for ln in led.lines) == led.total_value_cents
    # the 180-minute call-out minimum raised the shorter events
    coverage = next(ln for ln in led.lines if ln.service_type == "event_coverage")
    short = rows(demo_db, "SELECT sum(180 - minutes) FROM hour_entry WHERE agreement_id = :a AND "
                          "kind = 'event_coverage' AND minutes < 180", a=a)[0][0] or 0
    assert coverage.billed_minutes - coverage.minutes == short
    assert sum(m.police_cents for m in led.months) == led.police_delivered_cents


def test_rules_overtime_and_short_notice(demo_db):
    a = agreement(demo_db, "AGR-2022-014")
    with demo_db.session() as s:
        s.execute(text("UPDATE agreement_service SET short_notice_days = 14, short_notice_surcharge_pct = 25, "
                       "overtime_multiplier_pct = 150, hourly_rate_cents = 7213 WHERE service_type = 'event_coverage' "
                       "AND version_id IN (SELECT id FROM agreement_version WHERE agreement_id = :a)"), {"a": a})
        s.execute(text("UPDATE assignment SET is_overtime = :yes WHERE id IN (SELECT a.id FROM assignment a JOIN "
                       "event e ON e.id = a.event_id WHERE e.agreement_id = :a AND e.status = 'completed' "
                       "ORDER BY a.id LIMIT 3)"), {"a": a, "yes": True})
        late = s.scalars(select(Event).where(Event.agreement_id == a, Event.status == "completed")
                         .order_by(Event.starts_at.desc()).limit(2)).all()
        for event in late:  # requested three days ahead: short notice
            event.requested_at = event.starts_at - dt.timedelta(days=3)
    with demo_db.read_session() as s:
        led = ledger.agreement_ledger(s, agreement_id=a, date_from=YEAR[0], date_to=YEAR[1])
    expected = independent_values(demo_db, a)
    assert led.police_delivered_cents == expected["police"]
    assert led.in_kind_received_cents == 0


def test_price_rounds_once_half_up():
    rate = ledger.Rate(1, 1, "PD", "police_department", "event_coverage", 6500, 180, 0, 0, 150, False)
    assert ledger.price_minutes(60, rate) == ledger.Priced(180, 19500)
    assert ledger.price_minutes(187, rate).value_cents == 20258  # 187 * 6500 / 60 = 20258.33
    assert ledger.price_minutes(240, rate, overtime=True).value_cents == 39000
    penny = ledger.Rate(1, 1, "PD", "police_department", "other", 1, 0, 0, 0, 150, False)
    assert ledger.price_minutes(30, penny).value_cents == 1  # half a cent rounds up
    assert ledger.price_minutes(29, penny).value_cents == 0
    assert ledger.round_half_up(-5, 10) == -1


def test_invoice_bills_outside_hours_once(demo_db):
    with demo_db.session() as s:
        s.execute(text("UPDATE hour_entry SET billable = :yes WHERE kind = 'building_patrol'"), {"yes": True})
        s.execute(text("UPDATE hour_entry SET status = 'approved' WHERE kind = 'building_patrol' "
                       "AND work_date < '2026-11-01'"))
    with demo_db.read_session() as s:
        groups = ledger.billable_outside(s, date_from=YEAR[0], date_to=YEAR[1])
    assert len(groups) == 1
    g = groups[0]
    with pytest.raises(ValidationError) as e, demo_db.session() as s:
        ledger.create_invoice(s, from_party_id=g.from_party_id, to_party_id=g.to_party_id, period_start=YEAR[0],
                              period_end=YEAR[1])
    assert "rate_building_patrol" in e.value.fields
    with demo_db.session() as s:
        inv = ledger.create_invoice(s, from_party_id=g.from_party_id, to_party_id=g.to_party_id,
                                    period_start=YEAR[0], period_end=YEAR[1], rates={"building_patrol": "55.00"},
                                    issued_on=dt.date(2026, 11, 23))
    billed = rows(demo_db, "SELECT minutes FROM hour_entry WHERE invoice_id = :i", i=inv.id)
    approved = rows(demo_db, "SELECT count(*) FROM hour_entry WHERE kind = 'building_patrol' AND status = 'approved'")
    assert len(billed) == approved[0][0] == inv.entries
    assert inv.total_cents == sum(cents(Decimal(m) * 5500 / 60) for (m,) in billed)
    assert inv.number == "INV-2026-0001"
    # nothing is billed twice: the same request finds no approved, uninvoiced hours
    with pytest.raises(ConflictError), demo_db.session() as s:
        ledger.create_invoice(s, from_party_id=g.from_party_id, to_party_id=g.to_party_id, period_start=YEAR[0],
                              period_end=YEAR[1], rates={"building_patrol": 5500})
    entry_id = rows(demo_db, "SELECT id FROM hour_entry WHERE invoice_id = :i LIMIT 1", i=inv.id)[0][0]
    with demo_db.read_session() as s:
        d = hours.hour_detail(s, entry_id=entry_id)
    with pytest.raises(ConflictError, match="invoice"), demo_db.session() as s:
        hours.update_hours(s, entry_id=entry_id, person_id=d.person_id, work_date=d.work_date, kind=d.kind,
                           hours="3", reason="x")
    with demo_db.read_session() as s:
        detail = ledger.invoice_detail(s, invoice_id=inv.id)
    assert sum(ln.amount_cents for ln in detail.lines) == inv.total_cents
