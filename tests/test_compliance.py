"""The compliance calendar: exactly what is due and overdue, and its .ics export."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from sqlalchemy import text

from sharedsvc_desktop.services import compliance, team
from tests.conftest import DEMO_TODAY
from tests.oversight_helpers import WH_SCHOOLS, fill_quarter


def _items(db, today):
    with db.read_session() as s:
        return compliance.compliance_items(s, today=today)


def _expiring_training(db, today):
    """Independently: the latest record of each training of each current officer, expired or expiring in 60 days."""
    with db.engine.connect() as conn:
        rows = conn.execute(text("""
            SELECT q.id, q.expires_on FROM qualification q
            JOIN officer o ON o.person_id = q.person_id
            WHERE o.status <> 'inactive' AND q.expires_on IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM qualification newer WHERE newer.person_id = q.person_id AND newer.kind = q.kind
                AND (newer.completed_on > q.completed_on
                     OR (newer.completed_on = q.completed_on AND newer.id > q.id)))""")).all()
    horizon = today + dt.timedelta(days=60)
    return {qid: dt.date.fromisoformat(str(exp)) for qid, exp in rows if dt.date.fromisoformat(str(exp)) <= horizon}


def test_demo_shows_exactly_what_is_due(demo_db):
    items = _items(demo_db, DEMO_TODAY)
    kinds = {}
    for i in items:
        kinds.setdefault(i.kind, []).append(i)
    assert set(kinds) == {"training", "team_meeting", "quarterly_data"}
    # quarterly data for 2026 Q3 (the agreement began in August): 5 schools x 2 sides, due 30 Oct, overdue
    data = kinds["quarterly_data"]
    assert len(data) == 10
    assert {i.due_on for i in data} == {dt.date(2026, 10, 30)} and all(i.overdue for i in data)
    assert {i.record_table for i in data} == {"site"}
    # meetings: Q3 missed (overdue), Q4 still open (due by 31 December)
    meetings = sorted(kinds["team_meeting"], key=lambda i: i.due_on)
    assert [(i.due_on, i.status) for i in meetings] == [(dt.date(2026, 9, 30), "overdue"),
                                                         (dt.date(2026, 12, 31), "due")]
    # training: the records computed independently
    expected = _expiring_training(demo_db, DEMO_TODAY)
    assert {i.record_id: i.due_on for i in kinds["training"]} == expected
    assert expected and all(i.overdue == (i.due_on < DEMO_TODAY) for i in kinds["training"])
    # overdue first, then by date
    assert items == sorted(items, key=lambda i: (not i.overdue, i.due_on, i.kind, i.title))


def test_entered_data_and_a_quorate_meeting_clear_their_items(demo_db):
    fill_quarter(demo_db, "2026Q3", schools=WH_SCHOOLS[:4])
    with demo_db.session() as s:
        aid = team.default_agreement_id(s)
        people = team.team_candidates(s, agreement_id=aid)
        ids = [team.add_team_member(s, person_id=p.id, agreement_id=aid).id
               for party in ("WHPD", "WHPS") for p in [x for x in people if x.party_name == party][:2]]
        team.record_meeting(s, held_on="2026-11-02", agreement_id=aid, attendee_ids=ids)
    items = _items(demo_db, DEMO_TODAY)
    data = [i for i in items if i.kind == "quarterly_data"]
    assert [i.title.split(":")[0] for i in data] == ["Bristow Middle School"] * 2
    assert [(i.kind, i.due_on) for i in items if i.kind == "team_meeting"] == [("team_meeting", dt.date(2026, 9, 30))]


def test_spring_brings_reviews_appointments_and_the_annual_report(demo_db):
    may = dt.date(2027, 5, 15)
    items = _items(demo_db, may)
    reviews = [i for i in items if i.kind == "sro_review"]
    appointments = [i for i in items if i.kind == "sro_appointment"]
    assert len(reviews) == 5 and all(not i.overdue for i in reviews)
    assert {i.record_table for i in reviews} == {"sro_appointment"}
    assert len(appointments) == 5 and {i.due_on for i in appointments} == {dt.date(2027, 7, 31)}
    assert all("2027-28" in i.title for i in appointments)
    # the annual report on 2026 is overdue after 31 January until the team approves it
    annual = [i for i in items if i.kind == "annual_report"]
    assert [(i.title, i.status) for i in annual] == [("Collaboration Team annual report for 2026", "overdue")]
    december = [i for i in _items(demo_db, dt.date(2026, 12, 5)) if i.kind == "annual_report"]
    assert [(i.due_on, i.status) for i in december] == [(dt.date(2027, 1, 31), "due")]
    with demo_db.session() as s:
        team.save_annual_report(s, agreement_id=None, year=2026, approved_on="2027-01-20")
    assert not [i for i in _items(demo_db, may) if i.kind == "annual_report"]


def test_agreement_renewals_come_from_the_agreements_service(demo_db):
    from sharedsvc_desktop.services.agreements import agreements_due

    day = dt.date(2027, 6, 10)
    with demo_db.read_session() as s:
        expected = agreements_due(s, today=day)
    items = [i for i in _items(demo_db, day) if i.kind == "agreement"]
    assert expected and [(i.record_id, i.due_on) for i in items] == [(d.agreement_id, d.due_on) for d in expected]


def test_ics_export(demo_db, tmp_path):
    out = tmp_path / "due.ics"
    with demo_db.read_session() as s:
        count = compliance.write_compliance_ics(s, out=out, today=DEMO_TODAY)
    items = _items(demo_db, DEMO_TODAY)
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert count == len(events) == len(items)
    uids = {str(e["UID"]) for e in events}
    assert len(uids) == len(events)
    first = next(e for e in events if "Bristow Middle School: police data" in str(e["SUMMARY"]))
    assert first.decoded("DTSTART") == dt.date(2026, 10, 30)
    assert str(first["SUMMARY"]).startswith("OVERDUE: ")
