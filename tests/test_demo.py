"""The demo data (loaded with the fixed DEMO_TODAY of conftest): realistic, consistent, and never mixed in."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sharedsvc_desktop.errors import DemoRefusedError
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.services.demo import load_demo
from sharedsvc_desktop.storage import open_database
from tests.conftest import raw_sql

DEMO_TODAY = dt.date(2026, 11, 23)
WEST_HARTFORD_SCHOOLS = {
    "Hall High School",
    "Conard High School",
    "Sedgwick Middle School",
    "King Philip Middle School",
    "Bristow Middle School",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One demo database shared by the tests that only read it (the refusal tests use conftest's demo_db)."""
    db = open_database(tmp_path_factory.mktemp("demo") / "data")
    with db.session() as s:
        load_demo(s, today=DEMO_TODAY)
    yield db
    db.dispose()


def rows(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def scalar(db, sql: str, *params: object):
    return rows(db, sql, *params)[0][0]


def all_counts(db) -> dict[str, int]:
    from sqlalchemy import inspect as sa_inspect

    with db.read_engine.connect() as conn:
        names = sa_inspect(conn).get_table_names()
    assert "officer" in names and "hour_entry" in names
    return {n: scalar(db, f'SELECT count(*) FROM "{n}"') for n in names}


def instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def test_parties_and_agreements(demo):
    assert scalar(demo, "SELECT count(*) FROM agreement") == 2
    assert scalar(demo, "SELECT count(*) FROM party") == 4
    # each agreement joins one police department and one school district
    kinds = rows(
        demo,
        "SELECT ap.agreement_id, group_concat(p.kind, ',') FROM agreement_party ap "
        "JOIN party p ON p.id = ap.party_id GROUP BY ap.agreement_id",
    )
    assert len(kinds) == 2
    for _, joined in kinds:
        assert sorted(joined.split(",")) == ["police_department", "school_district"]


def test_west_hartford_schools_and_church_schools(demo):
    west_hartford = {
        name
        for (name,) in rows(
            demo,
            "SELECT s.name FROM site s JOIN party p ON p.id = s.party_id WHERE p.name = 'West Hartford Public Schools'",
        )
    }
    assert west_hartford == WEST_HARTFORD_SCHOOLS
    assert set(rows(demo, "SELECT in_district FROM site WHERE name IN (?, ?, ?, ?, ?)",
                    *sorted(WEST_HARTFORD_SCHOOLS))) == {(1,)}
    outside = rows(demo, "SELECT name FROM site WHERE in_district = 0")
    assert len(outside) == 2
    assert not {n for (n,) in outside} & WEST_HARTFORD_SCHOOLS


def test_about_twenty_officers(demo):
    assert 18 <= scalar(demo, "SELECT count(*) FROM officer") <= 22
    # unique badges and one person per officer
    assert scalar(demo, "SELECT count(DISTINCT badge_number) FROM officer") == scalar(
        demo, "SELECT count(*) FROM officer"
    )
    # eligibility has something to say: some officers are not eligible, most are
    with demo.read_session() as s:
        roster = officers.list_officers(s, today=DEMO_TODAY)
    eligible = [r for r in roster if r.eligible]
    assert 0 < len(roster) - len(eligible) < len(eligible)


def test_every_event_ends_after_it_starts(demo):
    events = rows(demo, "SELECT id, starts_at, ends_at FROM event")
    assert len(events) > 20
    assert [i for i, start, end in events if not instant(end) > instant(start)] == []
    assignments = rows(demo, "SELECT id, starts_at, ends_at FROM assignment")
    assert [i for i, start, end in assignments if not instant(end) > instant(start)] == []


def test_no_officer_is_in_two_places_at_once(demo):
    assert scalar(demo, "SELECT count(*) FROM assignment WHERE active = 1") > 0
    overlaps = rows(
        demo,
        "SELECT a.officer_id, a.id, b.id FROM assignment a JOIN assignment b "
        "ON a.officer_id = b.officer_id AND a.id < b.id "
        "WHERE a.active = 1 AND b.active = 1 AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at",
    )
    assert overlaps == []


def test_completed_events_have_the_hours_of_their_assignments(demo):
    # GIVEN every active assignment on a completed event
    assigned = rows(
        demo,
        "SELECT a.event_id, o.person_id, a.starts_at, a.ends_at FROM assignment a "
        "JOIN event e ON e.id = a.event_id JOIN officer o ON o.id = a.officer_id "
        "WHERE e.status = 'completed' AND a.active = 1",
    )
    assert len(assigned) > 10
    expected = {
        (event_id, person_id): int((instant(end) - instant(start)).total_seconds() // 60)
        for event_id, person_id, start, end in assigned
    }
    # THEN each has exactly one event-coverage hour entry with the same minutes, and there are no others
    logged = rows(
        demo,
        "SELECT h.event_id, h.person_id, h.minutes, h.kind FROM hour_entry h "
        "JOIN event e ON e.id = h.event_id WHERE e.status = 'completed'",
    )
    assert len(logged) == len(expected)
    assert {(e, p): m for e, p, m, _ in logged} == expected
    assert {k for *_, k in logged} == {"event_coverage"}
    # and no event that has not happened yet has hours
    assert scalar(
        demo,
        "SELECT count(*) FROM hour_entry h JOIN event e ON e.id = h.event_id WHERE e.status != 'completed'",
    ) == 0


def test_completed_events_are_in_the_past_and_coming_ones_are_not_completed(demo):
    # midnight of DEMO_TODAY in New York, as stored (naive UTC text)
    midnight = dt.datetime.combine(DEMO_TODAY, dt.time(0), ZoneInfo("America/New_York"))
    cutoff = midnight.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    assert cutoff == "2026-11-23 05:00:00.000000"
    assert scalar(demo, "SELECT count(*) FROM event WHERE status = 'completed'") > 0
    assert scalar(demo, "SELECT count(*) FROM event WHERE status = 'completed' AND starts_at > ?", cutoff) == 0
    assert scalar(demo, "SELECT count(*) FROM event WHERE status != 'completed' AND ends_at < ?", cutoff) == 0


def test_loading_twice_is_refused_and_adds_nothing(demo_db):
    before = all_counts(demo_db)
    with pytest.raises(DemoRefusedError, match="empty database"):
        with demo_db.session() as s:
            load_demo(s, today=DEMO_TODAY)
    assert all_counts(demo_db) == before


def test_demo_refuses_a_database_with_a_single_real_record(db):
    with db.session() as s:
        officers.add_officer(s, first_name="Real", last_name="Person", badge_number="R-1")
    before = all_counts(db)
    with pytest.raises(DemoRefusedError):
        with db.session() as s:
            load_demo(s, today=DEMO_TODAY)
    assert all_counts(db) == before


def test_five_sro_appointments_for_the_school_year(demo):
    appointments = rows(
        demo,
        "SELECT s.name, a.officer_id, a.status FROM sro_appointment a JOIN site s ON s.id = a.site_id "
        "WHERE a.school_year = '2026-27'",
    )
    assert len(appointments) == 5
    assert {name for name, _, _ in appointments} == WEST_HARTFORD_SCHOOLS
    assert len({officer for _, officer, _ in appointments}) == 5
    assert {status for *_, status in appointments} == {"active"}
    # each SRO has a Monday-to-Friday duty schedule
    assert rows(
        demo,
        "SELECT appointment_id, group_concat(weekday, ',') FROM "
        "(SELECT appointment_id, weekday FROM sro_duty ORDER BY appointment_id, weekday) GROUP BY appointment_id",
    ) == [(i, "0,1,2,3,4") for (i,) in rows(demo, "SELECT id FROM sro_appointment ORDER BY id")]


def test_every_demo_sro_is_eligible_or_has_an_override(demo):
    appointed = rows(
        demo, "SELECT officer_id, eligibility_override_reason FROM sro_appointment WHERE school_year = '2026-27'"
    )
    with demo.read_session() as s:
        eligible = {r.id: r.eligible for r in officers.officer_rows(s, [o for o, _ in appointed], today=DEMO_TODAY)}
    assert [o for o, reason in appointed if not eligible[o] and not reason] == []


def test_the_sro_program_has_its_team_a_meeting_and_the_quarters_figures(demo):
    from sharedsvc_desktop.services import oversight, team

    with demo.read_session() as s:
        members = team.list_team_members(s)
        meetings = team.list_meetings(s)
        status = {row.site_name: row for row in oversight.data_status(s, period="2026Q3")}
        counts = oversight.period_counts(s, period="2026Q3")
        current = oversight.data_status(s, period="2026Q4")
    assert len(members) == 4 and {m.party_name for m in members} == {"WHPD", "WHPS"}
    # July–September's meeting was held; October–December's is still to come on 23 November
    assert [m.held_on for m in meetings] == [dt.date(2026, 9, 17)]
    assert set(status) == WEST_HARTFORD_SCHOOLS
    missing = [(name, side) for name, row in status.items() for side, day in
               (("school", row.school_entered_on), ("police", row.police_entered_on)) if day is None]
    assert len(missing) == 1 and missing[0][1] == "police"  # one report still to come
    for row in status.values():
        for day in (row.school_entered_on, row.police_entered_on):
            assert day is None or dt.date(2026, 10, 1) <= day <= DEMO_TODAY
    assert all(sum(v for k, v in c.items() if k.endswith(".total")) > 0 for c in counts.values())
    assert not any(row.school_entered_on or row.police_entered_on for row in current)  # the quarter is not over


def test_a_scheduler_may_load_the_whole_demo_oversight_included(db):
    from sharedsvc_desktop.services import team
    from sharedsvc_desktop.services.permissions import Actor

    with db.session(actor=Actor(7, "secretary", "scheduler")) as s:  # the set-up wizard lets a scheduler do it
        load_demo(s, today=DEMO_TODAY)
        assert s.info["actor"].username == "secretary"  # the session is still theirs afterwards
    with db.read_session() as s:
        assert len(team.list_meetings(s)) == 1 and len(team.list_team_members(s)) == 4
