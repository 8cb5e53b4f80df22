"""iCalendar export, read back with vobject (a second, independent parser): the same events at the same instants,
including an event across the night the clocks go back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import vobject

from sharedsvc_desktop.exchange.ics import write_ics
from sharedsvc_desktop.services import assignments, events
from tests.conftest import raw_sql

UTC = dt.UTC


def raw(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def parse(path) -> list:
    cal = vobject.readOne(path.read_text(encoding="utf-8"))
    return list(getattr(cal, "vevent_list", []))


def lock_in(db) -> int:
    site = raw(db, "SELECT id FROM site WHERE name = 'Norwich High School'")[0][0]
    with db.session() as s:
        row = events.request_event(s, site_id=site, event_type="alcohol_free_party", title="Halloween lock-in",
                                   local_start=dt.datetime(2026, 10, 31, 22), local_end=dt.datetime(2026, 11, 1, 6))
        return row.id


def test_all_events_with_instants_right_across_the_clock_change(demo_db, tmp_path):
    event_id = lock_in(demo_db)
    out = tmp_path / "all.ics"
    with demo_db.read_session() as s:
        count = write_ics(s, out=out)
    vevents = parse(out)
    expected = raw(demo_db, "SELECT id, title, starts_at, ends_at FROM event WHERE status NOT IN "
                            "('declined', 'cancelled')")
    assert count == len(vevents) == len(expected)
    by_uid = {v.uid.value: v for v in vevents}
    for eid, title, starts, ends in expected:
        v = by_uid[f"event-{eid}@sharedsvc-desktop"]
        assert v.dtstart.value.astimezone(UTC) == utc(starts)
        assert v.dtend.value.astimezone(UTC) == utc(ends)
        assert v.summary.value.startswith(title)
    night = by_uid[f"event-{event_id}@sharedsvc-desktop"]
    ny = ZoneInfo("America/New_York")
    start, end = night.dtstart.value.astimezone(ny), night.dtend.value.astimezone(ny)
    assert (start.hour, end.hour) == (22, 6)  # the wall clock at the school
    assert start.utcoffset() == dt.timedelta(hours=-4) and end.utcoffset() == dt.timedelta(hours=-5)
    assert night.dtend.value.astimezone(UTC) - night.dtstart.value.astimezone(UTC) == dt.timedelta(hours=9)
    assert "Sat 31 Oct 2026 22:00 – Sun 01 Nov 06:00 (America/New_York local time)" in night.description.value


def test_one_schools_events(demo_db, tmp_path):
    site = raw(demo_db, "SELECT id FROM site WHERE name = 'Conard High School'")[0][0]
    out = tmp_path / "conard.ics"
    with demo_db.read_session() as s:
        write_ics(s, out=out, site_id=site)
    uids = {v.uid.value for v in parse(out)}
    expected = {f"event-{i}@sharedsvc-desktop" for (i,) in raw(
        demo_db, "SELECT id FROM event WHERE site_id = ? AND status NOT IN ('declined','cancelled')", site)}
    assert uids == expected and uids
    assert all("Conard High School" in v.location.value for v in parse(out))


def test_one_officers_assignments_including_part_of_an_event(demo_db, tmp_path):
    officer = raw(demo_db, "SELECT id FROM officer WHERE badge_number = 'N104'")[0][0]
    event_id = lock_in(demo_db)
    with demo_db.session() as s:
        part = assignments.assign_officer(s, event_id=event_id, officer_id=officer,
                                          local_start=dt.datetime(2026, 11, 1, 0), local_end=dt.datetime(2026, 11, 1, 6))
    out = tmp_path / "officer.ics"
    with demo_db.read_session() as s:
        write_ics(s, out=out, officer_id=officer)
    vevents = parse(out)
    expected = raw(demo_db, "SELECT a.id, a.starts_at, a.ends_at FROM assignment a JOIN event e ON e.id = a.event_id "
                            "WHERE a.officer_id = ? AND a.active AND e.status NOT IN ('declined','cancelled')", officer)
    assert len(vevents) == len(expected)
    got = {v.uid.value: (v.dtstart.value.astimezone(UTC), v.dtend.value.astimezone(UTC)) for v in vevents}
    for aid, starts, ends in expected:
        assert got[f"assignment-{aid}@sharedsvc-desktop"] == (utc(starts), utc(ends))
    mine = got[f"assignment-{part.id}@sharedsvc-desktop"]
    assert mine[1] - mine[0] == dt.timedelta(hours=7)  # 00:00 EDT to 06:00 EST
