"""Local times, daylight-saving changes, event requests and the dashboard."""

from __future__ import annotations

import datetime as dt

import pytest

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.services import events, sites
from sharedsvc_desktop.services.dashboard import dashboard
from sharedsvc_desktop.timeutil import local_to_utc, minutes_between
from tests.conftest import raw_sql

NY = "America/New_York"
UTC = dt.UTC


def raw_rows(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def stored(moment: dt.datetime) -> str:
    """How the program stores an instant: naive UTC text (independent of the program's own code)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


@pytest.fixture
def site_id(db) -> int:
    with db.session() as s:
        return sites.add_site(s, name="Hall High School", level="high", timezone=NY).id


def request(db, site_id: int, start: dt.datetime, end: dt.datetime, **extra: object) -> events.EventRow:
    extra.setdefault("event_type", "dance")
    extra.setdefault("title", "Test event")
    with db.session() as s:
        return events.request_event(s, site_id=site_id, local_start=start, local_end=end, **extra)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- timeutil


def test_nonexistent_local_time_is_refused():
    # 2026-03-08: New York clocks jump from 02:00 to 03:00, so 02:30 never happens
    with pytest.raises(ValidationError) as caught:
        local_to_utc(dt.datetime(2026, 3, 8, 2, 30), NY)
    assert set(caught.value.fields) == {"start"}
    assert "does not exist" in caught.value.fields["start"]
    assert "08 Mar 2026 02:30" in caught.value.fields["start"]


def test_ambiguous_local_time_is_refused():
    # 2026-11-01: New York clocks go back from 02:00 to 01:00, so 01:30 happens twice
    with pytest.raises(ValidationError) as caught:
        local_to_utc(dt.datetime(2026, 11, 1, 1, 30), NY, field="end")
    assert set(caught.value.fields) == {"end"}
    assert "happens twice" in caught.value.fields["end"]


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        (dt.datetime(2026, 3, 8, 1, 59), dt.datetime(2026, 3, 8, 6, 59, tzinfo=UTC)),  # EST, UTC-5
        (dt.datetime(2026, 3, 8, 3, 0), dt.datetime(2026, 3, 8, 7, 0, tzinfo=UTC)),  # EDT, UTC-4
        (dt.datetime(2026, 11, 1, 0, 59), dt.datetime(2026, 11, 1, 4, 59, tzinfo=UTC)),  # EDT
        (dt.datetime(2026, 11, 1, 2, 0), dt.datetime(2026, 11, 1, 7, 0, tzinfo=UTC)),  # EST
        (dt.datetime(2026, 7, 4, 12, 0), dt.datetime(2026, 7, 4, 16, 0, tzinfo=UTC)),
    ],
)
def test_local_times_around_the_changes(local, utc):
    assert local_to_utc(local, NY) == utc


def test_unknown_timezone_is_refused():
    with pytest.raises(ValidationError) as caught:
        local_to_utc(dt.datetime(2026, 1, 1, 12, 0), "Atlantis/Capital")
    assert set(caught.value.fields) == {"timezone"}


# ------------------------------------------------------------------------------------------ event length


@pytest.mark.parametrize(
    ("start", "end", "minutes", "utc_start", "utc_end"),
    [
        # the night the clocks go back: 00:00 EDT (UTC-4) to 06:00 EST (UTC-5) is 7 hours
        (dt.datetime(2026, 11, 1, 0, 0), dt.datetime(2026, 11, 1, 6, 0), 420,
         "2026-11-01 04:00:00.000000", "2026-11-01 11:00:00.000000"),
        # the night the clocks go forward: 00:00 EST to 06:00 EDT is 5 hours
        (dt.datetime(2026, 3, 8, 0, 0), dt.datetime(2026, 3, 8, 6, 0), 300,
         "2026-03-08 05:00:00.000000", "2026-03-08 10:00:00.000000"),
        # the next night, no change: 8 hours
        (dt.datetime(2026, 11, 1, 22, 0), dt.datetime(2026, 11, 2, 6, 0), 480,
         "2026-11-02 03:00:00.000000", "2026-11-02 11:00:00.000000"),
    ],
)
def test_event_length_across_daylight_saving(db, site_id, start, end, minutes, utc_start, utc_end):
    row = request(db, site_id, start, end)
    assert row.minutes == minutes
    # stored as UTC beside the site's zone
    assert raw_rows(db, "SELECT starts_at, ends_at, timezone FROM event WHERE id = ?", row.id) == [
        (utc_start, utc_end, NY)
    ]
    # and shown back on the site's wall clock as requested
    assert row.local_start.replace(tzinfo=None) == start
    assert row.local_end.replace(tzinfo=None) == end
    assert minutes_between(row.starts_at, row.ends_at) == minutes


def test_end_before_start_is_refused(db, site_id):
    start = dt.datetime(2026, 12, 5, 19, 0)
    for end in (start - dt.timedelta(minutes=1), start):
        with pytest.raises(ValidationError) as caught:
            request(db, site_id, start, end)
        assert set(caught.value.fields) == {"end"}
        assert caught.value.fields["end"] == "The end must be after the start."
    with pytest.raises(ValidationError) as caught:
        request(db, site_id, start, start + dt.timedelta(hours=24, minutes=1))
    assert set(caught.value.fields) == {"end"}
    assert "24 hours" in caught.value.fields["end"]
    assert raw_rows(db, "SELECT count(*) FROM event") == [(0,)]


def test_request_with_an_ambiguous_start_writes_nothing(db, site_id):
    with pytest.raises(ValidationError) as caught:
        request(db, site_id, dt.datetime(2026, 11, 1, 1, 30), dt.datetime(2026, 11, 1, 4, 0))
    assert set(caught.value.fields) == {"start"}
    assert raw_rows(db, "SELECT count(*) FROM event") == [(0,)]


def test_request_names_every_bad_field(db, site_id):
    with pytest.raises(ValidationError) as caught:
        request(db, site_id, dt.datetime(2026, 3, 8, 2, 15), dt.datetime(2026, 3, 8, 1, 0),
                event_type="rodeo", officers_requested=0, expected_attendance=-5)
    assert set(caught.value.fields) == {"event_type", "officers_requested", "expected_attendance", "start"}


def test_request_at_an_inactive_site_is_refused(db, site_id):
    with db.session() as s:
        sites.deactivate_site(s, site_id=site_id)
    with pytest.raises(ValidationError) as caught:
        request(db, site_id, dt.datetime(2026, 12, 5, 19), dt.datetime(2026, 12, 5, 21))
    assert set(caught.value.fields) == {"site_id"}


# ------------------------------------------------------------------------------------------------ listing


def test_list_events_date_range_is_inclusive_in_local_dates(db, site_id):
    # GIVEN events just outside, on the edges of, and inside 24–30 Nov (New York dates)
    before = request(db, site_id, dt.datetime(2026, 11, 23, 18), dt.datetime(2026, 11, 23, 22), title="before")
    overnight_in = request(db, site_id, dt.datetime(2026, 11, 23, 22), dt.datetime(2026, 11, 24, 1),
                           title="overnight into the 24th")
    first_day = request(db, site_id, dt.datetime(2026, 11, 24, 0, 0), dt.datetime(2026, 11, 24, 2),
                        title="first day")
    # 22:00–23:59 New York on the 30th is already 1 December in UTC
    last_day = request(db, site_id, dt.datetime(2026, 11, 30, 22), dt.datetime(2026, 11, 30, 23, 59),
                       title="last day, late")
    after = request(db, site_id, dt.datetime(2026, 12, 1, 0, 0), dt.datetime(2026, 12, 1, 3), title="after")
    assert raw_rows(db, "SELECT starts_at FROM event WHERE id = ?", last_day.id) == [("2026-12-01 03:00:00.000000",)]

    # WHEN listing 24–30 November
    with db.read_session() as s:
        listed = events.list_events(s, date_from=dt.date(2026, 11, 24), date_to=dt.date(2026, 11, 30))
        only_from = events.list_events(s, date_from=dt.date(2026, 11, 30))
        only_to = events.list_events(s, date_to=dt.date(2026, 11, 23))

    # THEN both edge days are in, the days either side are out, in time order
    assert [r.id for r in listed] == [overnight_in.id, first_day.id, last_day.id]
    assert before.id not in {r.id for r in listed} and after.id not in {r.id for r in listed}
    assert [r.id for r in only_from] == [last_day.id, after.id]
    assert [r.id for r in only_to] == [before.id, overnight_in.id]


def test_upcoming_events_leave_out_closed_ones(db, site_id):
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    day = dt.date(2026, 11, 25)

    def at(status: str, d: dt.date = day, start: int = 19, end: int = 21) -> int:
        return request(db, site_id, dt.datetime.combine(d, dt.time(start)), dt.datetime.combine(d, dt.time(end)),
                       title=status, status=status).id

    open_ids = {at("requested"), at("approved"), at("staffed")}
    closed_ids = {at("cancelled"), at("declined")}
    completed = at("completed")
    running = request(db, site_id, dt.datetime(2026, 11, 23, 6), dt.datetime(2026, 11, 23, 9),
                      title="still running at 12:00 UTC (07:00 New York)").id
    over = at("requested", dt.date(2026, 11, 22))
    too_far = at("requested", dt.date(2026, 12, 8))

    with db.read_session() as s:
        upcoming = {r.id for r in events.upcoming_events(s, days=14, now=now)}
        everything = {r.id for r in events.upcoming_events(s, days=14, now=now, include_closed=True)}
    assert upcoming == open_ids | {running}
    assert everything == open_ids | closed_ids | {completed, running}
    assert over not in everything and too_far not in everything


# ---------------------------------------------------------------------------------------------- dashboard


def test_dashboard_on_the_demo_agrees_with_raw_sql(demo_db):
    now = dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    horizon = now + dt.timedelta(days=14)
    with demo_db.read_session() as s:
        board = dashboard(s, now=now)

    upcoming = raw_rows(
        demo_db,
        "SELECT id FROM event WHERE status IN ('requested', 'approved', 'staffed') "
        "AND ends_at > ? AND starts_at < ? ORDER BY starts_at, id",
        stored(now), stored(horizon),
    )
    assert [r.id for r in board.upcoming] == [i for (i,) in upcoming]
    assert len(board.upcoming) > 0

    short = raw_rows(
        demo_db,
        "SELECT e.id FROM event e WHERE e.status IN ('requested', 'approved', 'staffed') "
        "AND e.ends_at > ? AND e.starts_at < ? AND e.officers_requested > "
        "(SELECT count(DISTINCT a.officer_id) FROM assignment a WHERE a.event_id = e.id AND a.active)",
        stored(now), stored(horizon),
    )
    assert board.understaffed == len(short)
    assert board.waiting_approval == raw_rows(
        demo_db, "SELECT count(*) FROM event WHERE status = 'requested' AND ends_at > ?", stored(now)
    )[0][0]
    assert board.active_officers == raw_rows(demo_db, "SELECT count(*) FROM officer WHERE status = 'active'")[0][0]
    assert board.active_sites == raw_rows(demo_db, "SELECT count(*) FROM site WHERE active")[0][0]
    assert board.is_empty is False


def test_dashboard_of_an_empty_database(db):
    with db.read_session() as s:
        board = dashboard(s, now=dt.datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    assert board.is_empty
    assert (board.upcoming, board.understaffed, board.waiting_approval) == ([], 0, 0)
