"""Assigning officers: every conflict refused with the clash named, overrides recorded, overtime, staffing status,
daylight-saving nights, rate rules, the command line; and a property test over random schedules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import assignments, coverage_rules, events, officers, sites
from sharedsvc_desktop.services.assignments import AssignmentConflict
from sharedsvc_desktop.services.coverage_rules import RateRules, price_coverage
from sharedsvc_desktop.services.dashboard import dashboard
from tests.conftest import DEMO_TODAY, raw_sql

NY = "America/New_York"
UTC = dt.UTC


def raw(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def officer_id(db, badge: str) -> int:
    return raw(db, "SELECT id FROM officer WHERE badge_number = ?", badge)[0][0]


def site_id(db, name: str) -> int:
    return raw(db, "SELECT id FROM site WHERE name = ?", name)[0][0]


def new_event(db, site: str, start: dt.datetime, end: dt.datetime, title: str = "Test game", **kw) -> int:
    kw.setdefault("officers_requested", 1)
    with db.session() as s:
        row = events.request_event(s, site_id=site_id(db, site), event_type="varsity_game", title=title,
                                   local_start=start, local_end=end, **kw)
        events.approve_event(s, event_id=row.id)
        return row.id


def assign(db, event_id: int, badge: str, **kw):
    with db.session() as s:
        return assignments.assign_officer(s, event_id=event_id, officer_id=officer_id(db, badge), **kw)


def refused(db, event_id: int, badge: str, **kw) -> AssignmentConflict:
    before = raw(db, "SELECT count(*) FROM assignment")[0][0]
    with pytest.raises(AssignmentConflict) as caught:
        assign(db, event_id, badge, **kw)
    assert raw(db, "SELECT count(*) FROM assignment")[0][0] == before  # refused writes roll back
    return caught.value


# Norwich officers N101 (sergeant), N102-N108 are free of SRO duty; W2203 is an SRO (see the demo)
FREE, OTHER, SUPERVISOR = "N102", "N103", "N101"


def sro(db) -> tuple[str, str]:
    """An SRO's badge and the school of the SRO appointment."""
    badge, school = raw(
        db,
        "SELECT o.badge_number, s.name FROM sro_appointment a JOIN officer o ON o.id = a.officer_id "
        "JOIN site s ON s.id = a.site_id ORDER BY a.id LIMIT 1",
    )[0]
    return badge, school


# ------------------------------------------------------------------------------------------------ conflicts


def test_overlap_is_refused_naming_the_other_event_and_back_to_back_is_allowed(demo_db):
    first = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 8, 18), dt.datetime(2027, 1, 8, 21),
                      title="Winter carnival")
    assign(demo_db, first, FREE)
    overlapping = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 8, 20, 30),
                            dt.datetime(2027, 1, 8, 22))
    error = refused(demo_db, overlapping, FREE)
    text = str(error)
    assert "“Winter carnival” at Norwich High School, Fri 08 Jan 2027 18:00–21:00" in text
    assert [c.kind for c in error.conflicts] == ["overlap"]
    back_to_back = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 8, 21),
                             dt.datetime(2027, 1, 8, 22, 30))
    row = assign(demo_db, back_to_back, FREE)
    assert row.event_id == back_to_back
    assert raw(demo_db, "SELECT count(*) FROM assignment WHERE officer_id = ? AND active", officer_id(demo_db, FREE))[
        0][0] >= 2


def test_same_officer_twice_on_one_event_cannot_be_overridden(demo_db):
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 9, 18), dt.datetime(2027, 1, 9, 20))
    assign(demo_db, event, FREE)
    error = refused(demo_db, event, FREE, override_reason="try anyway")
    assert not error.conflicts[0].overridable


def test_sro_duty_at_another_school_is_refused_and_own_school_is_regular_duty(demo_db):
    badge, school = sro(demo_db)
    other = "Conard High School" if school != "Conard High School" else "Hall High School"
    # Tuesday 12 January 2027, 10:00-11:00: the SRO is on duty (07:15-15:15) at the own school
    elsewhere = new_event(demo_db, other, dt.datetime(2027, 1, 12, 10), dt.datetime(2027, 1, 12, 11))
    error = refused(demo_db, elsewhere, badge)
    assert [c.kind for c in error.conflicts] == ["sro_duty"]
    assert f"SRO duty at {school}, Tue 12 Jan 2027 07:15–15:15" in str(error)
    at_home = new_event(demo_db, school, dt.datetime(2027, 1, 12, 13), dt.datetime(2027, 1, 12, 14))
    row = assign(demo_db, at_home, badge)
    assert not row.is_overtime  # inside the regular duty at the same school
    evening = new_event(demo_db, school, dt.datetime(2027, 1, 13, 19), dt.datetime(2027, 1, 13, 21))
    assert assign(demo_db, evening, badge).is_overtime


def test_daily_cap_is_refused_naming_the_other_assignment(demo_db):
    morning = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 16, 6), dt.datetime(2027, 1, 16, 12),
                        title="Saturday tournament")
    assign(demo_db, morning, FREE)
    afternoon = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 16, 13),
                          dt.datetime(2027, 1, 16, 20))
    error = refused(demo_db, afternoon, FREE)
    assert [c.kind for c in error.conflicts] == ["daily_cap"]
    assert "13 h on Sat 16 Jan 2027" in str(error) and "limit is 12 h a day" in str(error)
    assert "“Saturday tournament” at Norwich High School, Sat 16 Jan 2027 06:00–12:00" in str(error)


def test_weekly_cap_and_rest_follow_the_settings(demo_db):
    with demo_db.session() as s:
        coverage_rules.set_coverage_settings(s, max_daily_hours=8, max_weekly_hours=10, min_rest_hours=8)
    assert raw(demo_db, "SELECT value FROM setting WHERE key = 'coverage.max_weekly_minutes'") == [(600,)]
    monday = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 18, 9), dt.datetime(2027, 1, 18, 15),
                       title="Monday clinic")
    assign(demo_db, monday, FREE)
    friday = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 22, 9), dt.datetime(2027, 1, 22, 14))
    error = refused(demo_db, friday, FREE)
    assert [c.kind for c in error.conflicts] == ["weekly_cap"]
    assert "11 h in the week of Mon 18 Jan 2027" in str(error) and "“Monday clinic”" in str(error)
    # the next Monday is another week
    next_week = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 25, 9), dt.datetime(2027, 1, 25, 14))
    assign(demo_db, next_week, FREE)


def test_minimum_rest_between_work_days(demo_db):
    late = new_event(demo_db, "Norwich High School", dt.datetime(2027, 1, 29, 19), dt.datetime(2027, 1, 29, 23, 30),
                     title="Winter formal")
    assign(demo_db, late, FREE)
    early = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 30, 6), dt.datetime(2027, 1, 30, 9))
    error = refused(demo_db, early, FREE)
    assert [c.kind for c in error.conflicts] == ["rest"]
    assert "only 6 h 30 min of rest after “Winter formal” at Norwich High School, Fri 29 Jan 2027 19:00–23:30" in (
        str(error))
    later = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 30, 7, 30), dt.datetime(2027, 1, 30, 9))
    assign(demo_db, later, OTHER)  # another officer is fine
    assign(demo_db, new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 1, 30, 8),
                              dt.datetime(2027, 1, 30, 10)), FREE)  # 8 h 30 min of rest is enough


def test_not_eligible_and_inactive(demo_db):
    lapsed = raw(demo_db, "SELECT badge_number FROM officer WHERE badge_number = 'N106'")[0][0]
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 2, 2, 18), dt.datetime(2027, 2, 2, 20))
    error = refused(demo_db, event, lapsed)
    assert [c.kind for c in error.conflicts] == ["eligibility"]
    assert "not eligible for school details" in str(error) and "expired" in str(error)
    with demo_db.session() as s:
        officers.deactivate_officer(s, officer_id=officer_id(demo_db, OTHER))
    error = refused(demo_db, event, OTHER, override_reason="we are short")
    assert "is inactive" in str(error) and not error.conflicts[0].overridable


def test_supervisor_override_is_recorded(demo_db):
    lapsed = "N106"
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 2, 3, 18), dt.datetime(2027, 2, 3, 20))
    row = assign(demo_db, event, lapsed, override_reason="Training booked for next week; approved by Sgt. Alvarez")
    stored = raw(demo_db, "SELECT override_reason FROM assignment WHERE id = ?", row.id)[0][0]
    assert stored.startswith("Training booked for next week; approved by Sgt. Alvarez")
    assert "not eligible" in stored


def test_refusal_without_override_is_a_conflict_error_for_every_caller(demo_db):
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 2, 4, 18), dt.datetime(2027, 2, 4, 20))
    with pytest.raises(ConflictError):
        assign(demo_db, event, "N106")


# ------------------------------------------------------------------------------------ overtime and staffing


def status(db, event_id: int) -> str:
    return raw(db, "SELECT status FROM event WHERE id = ?", event_id)[0][0]


def test_staffed_only_when_enough_officers_a_supervisor_and_overtime_approved(demo_db):
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 2, 5, 18), dt.datetime(2027, 2, 5, 21),
                      officers_requested=2, supervisor_required=True)
    a = assign(demo_db, event, FREE)
    assert a.is_overtime and a.overtime_approved_at is None
    b = assign(demo_db, event, OTHER, approve_overtime=True)
    assert status(demo_db, event) == "approved"  # one overtime waiting, and no supervisor
    with demo_db.session() as s:
        assignments.approve_overtime(s, assignment_id=a.id)
    assert status(demo_db, event) == "approved"  # still no supervisor
    with demo_db.session() as s:
        assert events.get_event(s, event_id=event).supervisor_missing
    sup = assign(demo_db, event, SUPERVISOR, approve_overtime=True)
    assert sup.is_supervisor
    assert status(demo_db, event) == "staffed"
    with demo_db.session() as s:
        assignments.unassign_officer(s, assignment_id=b.id)
    assert status(demo_db, event) == "staffed"  # N101 and N102 still make two
    with demo_db.session() as s:
        assignments.unassign_officer(s, assignment_id=sup.id)
    assert status(demo_db, event) == "approved"
    assert raw(demo_db, "SELECT count(*) FROM assignment WHERE event_id = ? AND active", event)[0][0] == 1


def test_requested_event_is_staffed_on_approval_and_decline_releases_officers(demo_db):
    with demo_db.session() as s:
        row = events.request_event(s, site_id=site_id(demo_db, "Norwich High School"), event_type="dance",
                                   title="Spring dance", local_start=dt.datetime(2027, 3, 5, 19),
                                   local_end=dt.datetime(2027, 3, 5, 22))
    assign(demo_db, row.id, FREE, approve_overtime=True)
    assert status(demo_db, row.id) == "requested"
    with demo_db.session() as s:
        assert events.approve_event(s, event_id=row.id).status == "staffed"
    with pytest.raises(ValidationError):
        with demo_db.session() as s:
            events.decline_event(s, event_id=row.id, reason="  ")
    with demo_db.session() as s:
        events.decline_event(s, event_id=row.id, reason="No officers that night")
    assert raw(demo_db, "SELECT status, decline_reason FROM event WHERE id = ?", row.id) == [
        ("declined", "No officers that night")]
    assert raw(demo_db, "SELECT count(*) FROM assignment WHERE event_id = ? AND active", row.id) == [(0,)]


def test_cancel_records_the_time_and_frees_the_officer(demo_db):
    event = new_event(demo_db, "Norwich High School", dt.datetime(2027, 3, 6, 18), dt.datetime(2027, 3, 6, 21))
    assign(demo_db, event, FREE)
    when = dt.datetime(2027, 3, 6, 20, 0, tzinfo=UTC)
    with demo_db.session() as s:
        events.cancel_event(s, event_id=event, reason="Snow", now=when)
    assert raw(demo_db, "SELECT status, cancelled_at FROM event WHERE id = ?", event) == [
        ("cancelled", "2027-03-06 20:00:00.000000")]
    again = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 3, 6, 18), dt.datetime(2027, 3, 6, 21))
    assign(demo_db, again, FREE)  # the cancelled event no longer holds the officer
    with pytest.raises(ConflictError):
        assign(demo_db, event, OTHER)


def test_dashboard_counts_understaffed_events_in_the_next_14_days(demo_db):
    now = dt.datetime.combine(DEMO_TODAY, dt.time(12), UTC)
    with demo_db.read_session() as s:
        board = dashboard(s, now=now)
    expected = raw(
        demo_db,
        "SELECT e.id FROM event e WHERE e.status IN ('requested','approved','staffed') AND e.ends_at > ? "
        "AND e.starts_at < ? AND e.officers_requested > (SELECT count(DISTINCT officer_id) FROM assignment a "
        "WHERE a.event_id = e.id AND a.active AND (NOT a.is_overtime OR a.overtime_approved_at IS NOT NULL))",
        now.strftime("%Y-%m-%d %H:%M:%S"), (now + dt.timedelta(days=14)).strftime("%Y-%m-%d %H:%M:%S"),
    )
    assert board.understaffed == len(expected) > 0
    # an unapproved overtime assignment does not make the event staffed
    target = expected[0][0]
    with demo_db.read_session() as s:
        free = next(c for c in assignments.candidate_officers(s, event_id=target) if c.available)
    with demo_db.session() as s:
        assert assignments.assign_officer(s, event_id=target, officer_id=free.officer_id).is_overtime
    with demo_db.read_session() as s:
        assert events.get_event(s, event_id=target).understaffed


# ------------------------------------------------------------------------------------------ daylight saving


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (dt.datetime(2026, 10, 31, 22), dt.datetime(2026, 11, 1, 6), 9),  # clocks go back: 9 hours
        (dt.datetime(2027, 3, 13, 22), dt.datetime(2027, 3, 14, 6), 7),  # clocks go forward: 7 hours
    ],
)
def test_an_overnight_event_across_a_clock_change_has_the_right_hours(demo_db, start, end, hours):
    event = new_event(demo_db, "Norwich High School", start, end, title="Lock-in")
    row = assign(demo_db, event, FREE)
    assert row.minutes == hours * 60
    starts, ends = raw(demo_db, "SELECT starts_at, ends_at FROM assignment WHERE id = ?", row.id)[0]
    span = dt.datetime.fromisoformat(ends) - dt.datetime.fromisoformat(starts)
    assert span == dt.timedelta(hours=hours)
    with demo_db.read_session() as s:
        assert events.get_event(s, event_id=event).minutes == hours * 60


# ------------------------------------------------------------------------------------------------ rate rules


def test_rate_rules_come_from_the_executed_version(demo_db):
    agreement = raw(demo_db, "SELECT id FROM agreement WHERE number = 'AGR-2012-001'")[0][0]
    with demo_db.read_session() as s:
        rules = coverage_rules.rate_rules(s, agreement_id=agreement)
    assert rules is not None and rules.hourly_rate_cents == 6500 and rules.min_callout_minutes == 180


def test_price_coverage_rules():
    rules = RateRules(hourly_rate_cents=6000, min_callout_minutes=180, short_notice_days=3,
                      short_notice_surcharge_pct=25, overtime_multiplier_pct=150, late_cancel_hours=24,
                      late_cancel_charge_minutes=120)
    start = dt.datetime(2027, 1, 8, 0, tzinfo=UTC)
    early = start - dt.timedelta(days=20)
    assert price_coverage(rules, worked_minutes=90, starts_at=start, requested_at=early).total_cents == 18000
    assert price_coverage(rules, worked_minutes=240, starts_at=start, requested_at=early).total_cents == 24000
    ot = price_coverage(rules, worked_minutes=240, starts_at=start, requested_at=early, overtime=True)
    assert (ot.base_cents, ot.overtime_cents, ot.total_cents) == (24000, 12000, 36000)
    short = price_coverage(rules, worked_minutes=240, starts_at=start, requested_at=start - dt.timedelta(days=1))
    assert short.surcharge_cents == 6000 and short.total_cents == 30000
    late = price_coverage(rules, worked_minutes=0, starts_at=start, cancelled_at=start - dt.timedelta(hours=5))
    assert late.total_cents == 12000 and late.billed_minutes == 120
    in_time = price_coverage(rules, worked_minutes=0, starts_at=start, cancelled_at=start - dt.timedelta(days=3))
    assert in_time.total_cents == 0
    odd = RateRules(hourly_rate_cents=6500)
    assert price_coverage(odd, worked_minutes=7, starts_at=start).total_cents == 758  # 7 x 6500 / 60 = 758.33


# ------------------------------------------------------------------------------------------------ the CLI


def run_cli(db, *argv: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from sharedsvc_desktop.cli.main import build_parser, run

    where = (["--data-dir", str(db.data_dir)] if db.is_sqlite
             else ["--database-url", db.url.render_as_string(hide_password=False)])
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = run(build_parser().parse_args([*where, *argv]))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_add_assign_refuse_override_approve(demo_db, tmp_path):
    code, out, _ = run_cli(demo_db, "events", "add", "--school", "Norwich High School", "--type", "varsity_game",
                           "--title", "Lacrosse home game", "--date", "2027-04-02", "--start", "16:00", "--end",
                           "18:00", "--officers", "1", "--json")
    assert code == 0, out
    event = raw(demo_db, "SELECT id, agreement_id FROM event WHERE title = 'Lacrosse home game'")
    assert len(event) == 1 and event[0][1] is not None  # the agreement covering the school by default
    event_id = str(event[0][0])
    assert run_cli(demo_db, "events", "approve", event_id)[0] == 0
    code, out, _ = run_cli(demo_db, "events", "assign", event_id, FREE, "--approve-overtime")
    assert code == 0 and "is now staffed" in out
    other = new_event(demo_db, "Norwich Middle School", dt.datetime(2027, 4, 2, 17), dt.datetime(2027, 4, 2, 19))
    code, _out, err = run_cli(demo_db, "events", "assign", str(other), FREE)
    assert code == 1
    assert err.count("\n") == 1 and "“Lacrosse home game” at Norwich High School, Fri 02 Apr 2027 16:00–18:00" in err
    code, _out, _err = run_cli(demo_db, "events", "assign", str(other), FREE, "--override-reason", "Only one free")
    assert code == 0
    assert raw(demo_db, "SELECT override_reason FROM assignment WHERE event_id = ?", other)[0][0].startswith(
        "Only one free")
    assert run_cli(demo_db, "events", "decline", str(other))[0] == 2  # --reason is required
    code, out, _ = run_cli(demo_db, "events", "cancel", str(other), "--reason", "Rain")
    assert code == 0 and "cancelled" in out
    code, out, _ = run_cli(demo_db, "events", "export-ics", "--officer", FREE, "--out", str(tmp_path / "o.ics"))
    assert code == 0 and (tmp_path / "o.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    code, out, _ = run_cli(demo_db, "events", "roster", "--week", "2027-04-02", "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run_cli(demo_db, "events", "list", "--status", "cancelled", "--json")
    assert code == 0 and "Lacrosse" not in out and str(other) in out


# ------------------------------------------------------------------------------------------- property test


class _Rollback(Exception):
    pass


@pytest.fixture
def small_force(db):
    """One school and three eligible officers, on an otherwise empty database."""
    with db.session() as s:
        site = sites.add_site(s, name="Test High School", level="high", timezone=NY)
        ids = []
        for i in range(3):
            o = officers.add_officer(s, first_name=f"Officer{i}", last_name="Test", badge_number=f"T{i}")
            for kind in ("sro_basic", "sel_restorative"):
                officers.add_qualification(s, officer_id=o.id, kind=kind, completed_on="2025-01-01")
            ids.append(o.id)
    return site.id, ids


shift = st.tuples(
    st.integers(0, 2),  # officer
    st.integers(0, 5),  # day from Fri 30 Oct 2026 (the clocks go back on Sun 1 Nov)
    st.integers(0, 47),  # start, in half hours
    st.integers(1, 20),  # length, in half hours
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(shift, min_size=1, max_size=14))
def test_no_accepted_assignment_overlaps_another(db, small_force, shifts):
    site, officer_ids = small_force
    accepted = 0
    try:
        with db.session() as s:
            for who, day, start, length in shifts:
                local = dt.datetime(2026, 10, 30) + dt.timedelta(days=day, minutes=30 * start)
                try:
                    row = events.request_event(s, site_id=site, event_type="other", title="Random",
                                               local_start=local, local_end=local + dt.timedelta(minutes=30 * length))
                    events.approve_event(s, event_id=row.id)
                except ValidationError:
                    continue  # a time the clocks skip or repeat
                try:
                    with s.begin_nested():
                        assignments.assign_officer(s, event_id=row.id, officer_id=officer_ids[who])
                    accepted += 1
                except ConflictError:
                    pass
            s.flush()
            rows = s.execute(
                assignments.select(assignments.Assignment.officer_id, assignments.Assignment.starts_at,
                                   assignments.Assignment.ends_at).where(assignments.Assignment.active.is_(True))
            ).all()
            assert len(rows) == accepted
            for officer in officer_ids:
                mine = sorted((a, b) for o, a, b in rows if o == officer)
                for (_s1, e1), (s2, _e2) in zip(mine, mine[1:], strict=False):
                    assert e1 <= s2, f"overlap: {mine}"
            raise _Rollback
    except _Rollback:
        pass


def test_back_to_back_chain_is_accepted(db, small_force):
    site, officer_ids = small_force
    with db.session() as s:
        for hour in (16, 18, 20):
            row = events.request_event(s, site_id=site, event_type="other", title=f"Part {hour}",
                                       local_start=dt.datetime(2027, 5, 1, hour),
                                       local_end=dt.datetime(2027, 5, 1, hour + 2))
            assignments.assign_officer(s, event_id=row.id, officer_id=officer_ids[0])
    assert raw(db, "SELECT count(*) FROM assignment WHERE officer_id = ?", officer_ids[0]) == [(3,)]
