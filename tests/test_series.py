"""Recurring series: a season of games in one go, wall-clock times kept across the clock change, exceptions,
each occurrence editable on its own."""

from __future__ import annotations

import datetime as dt

import pytest

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.services import events, series
from tests.conftest import raw_sql


def raw(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def hall(db) -> int:
    return raw(db, "SELECT id FROM site WHERE name = 'Hall High School'")[0][0]


def make(db, **kw) -> series.SeriesRow:
    values = dict(event_type="varsity_game", title="Football home game", first_date="2027-09-03",
                  last_date="2027-11-19", local_start_time=dt.time(19), local_end_time=dt.time(22),
                  exceptions="2027-10-08, 2027-11-28", officers_requested=2, requester_name="Gail Morrison")
    values.update(kw)
    with db.session() as s:
        return series.create_series(s, site_id=hall(db), **values)


def test_a_season_of_friday_games(demo_db):
    made = make(demo_db)
    rows = raw(demo_db, "SELECT id, starts_at, ends_at, status, series_id FROM event WHERE series_id = ? "
                        "ORDER BY starts_at", made.id)
    # Fridays 3 Sep .. 19 Nov 2027 are 12; 8 Oct is skipped; 28 Nov is not a Friday of the series
    assert len(rows) == 11 == len(made.event_ids)
    assert made.ignored_exceptions == (dt.date(2027, 11, 28),)
    starts = [dt.datetime.fromisoformat(r[1]) for r in rows]
    assert dt.datetime(2027, 10, 8, 23) not in starts
    assert all(s.weekday() == 5 and s.hour in (23, 0) or s.weekday() == 4 for s in starts)
    # 19:00 on the wall clock: 23:00 UTC in daylight time, 00:00 UTC (next day) after 7 Nov 2027
    assert dt.datetime(2027, 10, 29, 23) in starts and dt.datetime(2027, 11, 13, 0) in starts
    assert all(dt.datetime.fromisoformat(e) - dt.datetime.fromisoformat(s) == dt.timedelta(hours=3)
               for _i, s, e, _st, _sid in rows)
    assert {r[3] for r in rows} == {"requested"}
    rule = raw(demo_db, "SELECT rule, exceptions FROM event_series WHERE id = ?", made.id)[0]
    assert rule[0].startswith("Every Friday 19:00–22:00 from 03 Sep 2027 to 19 Nov 2027, except 08 Oct 2027")
    assert "RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20271119T235959" in rule[0]


def test_each_occurrence_is_editable_alone(demo_db):
    made = make(demo_db)
    one = made.event_ids[3]
    with demo_db.session() as s:
        row = events.get_event(s, event_id=one)
        events.update_event(s, event_id=one, site_id=row.site_id, event_type="homecoming", title="Homecoming game",
                            local_start=dt.datetime(2027, 9, 24, 18), local_end=dt.datetime(2027, 9, 24, 23),
                            officers_requested=4, supervisor_required=True)
    rows = raw(demo_db, "SELECT id, title, officers_requested FROM event WHERE series_id = ?", made.id)
    assert sorted(r[1] for r in rows).count("Football home game") == 10
    assert [(r[1], r[2]) for r in rows if r[0] == one] == [("Homecoming game", 4)]


def test_approve_series_and_skip_an_occurrence_later(demo_db):
    made = make(demo_db, exceptions="")
    with demo_db.session() as s:
        approved = series.approve_series(s, series_id=made.id)
    assert len(approved) == 12
    with demo_db.session() as s:
        after = series.skip_occurrence(s, series_id=made.id, day="2027-10-15", reason="Bye week")
    assert dt.date(2027, 10, 15) in after.exceptions
    statuses = raw(demo_db, "SELECT status, cancelled_at IS NOT NULL FROM event WHERE series_id = ? "
                            "ORDER BY starts_at", made.id)
    assert statuses.count(("cancelled", 1)) == 1 and statuses.count(("approved", 0)) == 11


def test_bad_series_are_refused_with_every_problem(demo_db):
    with pytest.raises(ValidationError) as caught:
        make(demo_db, last_date="2027-08-01", exceptions="someday", officers_requested=0)
    assert {"until", "exceptions", "officers_requested"} <= set(caught.value.fields)
    # 02:30 does not exist on 14 Mar 2027 (a Sunday): the date is named
    with pytest.raises(ValidationError) as caught:
        make(demo_db, first_date="2027-03-07", last_date="2027-03-21", local_start_time=dt.time(2, 30),
             local_end_time=dt.time(4), exceptions="")
    assert "Sun 14 Mar 2027" in caught.value.fields["start"]
    assert raw(demo_db, "SELECT count(*) FROM event_series") == [(0,)]


def test_overnight_series_ends_the_next_day(demo_db):
    made = make(demo_db, first_date="2027-06-18", last_date="2027-06-25", local_start_time=dt.time(22),
                local_end_time=dt.time(4), exceptions="")
    rows = raw(demo_db, "SELECT starts_at, ends_at FROM event WHERE series_id = ?", made.id)
    assert len(rows) == 2
    assert all(dt.datetime.fromisoformat(e) - dt.datetime.fromisoformat(s) == dt.timedelta(hours=6) for s, e in rows)
