"""Hour entries: logging through UTC, refusals, approval, closed periods, event hours, quick patrols, totals."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import hours
from tests.conftest import DEMO_TODAY, raw_sql
from tests.sql_helpers import named_sql


def one(db, sql: str, **params):
    rows = named_sql(db, sql, **params)
    assert len(rows) == 1, rows
    return rows[0]


def person_of(db, badge: str) -> int:
    return one(db, "SELECT person_id FROM officer WHERE badge_number = :b", b=badge)[0]


def site_id(db, name: str) -> int:
    return one(db, "SELECT id FROM site WHERE name = :n", n=name)[0]


def log(db, **kw):
    with db.session() as s:
        return hours.log_hours(s, **kw)


def errors_of(exc_info) -> dict[str, str]:
    return exc_info.value.fields


def test_times_go_through_utc_and_a_dst_night_is_9_or_7_hours(demo_db):
    pid, site = person_of(demo_db, "N103"), site_id(demo_db, "Norwich High School")
    # clocks go back on 1 Nov 2026 in New York (22:00 -> 06:00 is 9 real hours) and forward on 14 Mar 2027 (7)
    fall = log(demo_db, person_id=pid, work_date="2026-10-31", kind="other", site_id=site, start="22:00",
               end="06:00", end_next_day=True)
    spring = log(demo_db, person_id=pid, work_date="2027-03-13", kind="other", site_id=site, start="22:00",
                 end="06:00", end_next_day=True)
    plain = log(demo_db, person_id=pid, work_date="2026-09-14", kind="other", site_id=site, start="19:00",
                end="22:30")
    by_hours = log(demo_db, person_id=pid, work_date="2026-09-15", kind="other", hours="2.5")
    rows = {r[0]: r[1:] for r in _entries(demo_db, [fall.id, spring.id, plain.id, by_hours.id])}
    assert rows[fall.id][0] == 9 * 60 and rows[spring.id][0] == 7 * 60
    assert rows[plain.id][0] == 210 and rows[by_hours.id][0] == 150
    # stored in UTC: 22:00 EDT on 31 Oct is 02:00 UTC on 1 Nov
    assert rows[fall.id][1].startswith("2026-11-01 02:00")
    assert rows[by_hours.id][1] is None
    assert fall.start_text == "22:00" and fall.end_text == "06:00" and fall.end_next_day


def _entries(db, ids):
    return raw_sql(db, f"SELECT id, minutes, starts_at FROM hour_entry WHERE id IN ({','.join(map(str, ids))})")


def test_refusals_name_every_problem_and_write_nothing(demo_db):
    pid, site = person_of(demo_db, "N104"), site_id(demo_db, "Norwich High School")
    count = one(demo_db, "SELECT count(*) FROM hour_entry")[0]
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date="2026-09-20", kind="other", site_id=site, start="22:00", end="19:00")
    assert "before the start" in errors_of(e)["end"]
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date="2026-09-20", kind="other", hours="-2")
    assert "negative" in errors_of(e)["hours"]
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date="2026-09-20", kind="nap", hours="0")
    assert set(errors_of(e)) == {"kind", "hours"}
    log(demo_db, person_id=pid, work_date="2026-09-20", kind="other", hours="20")
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date="2026-09-20", kind="other", hours="5")
    assert "24 hours" in errors_of(e)["hours"]
    on_leave = person_of(demo_db, "W2212")
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=on_leave, work_date="2026-09-20", kind="other", hours="1")
    assert "on leave" in errors_of(e)["person_id"]
    hired = one(demo_db, "SELECT hire_date FROM officer WHERE badge_number='N104'")[0]
    before_hire = dt.date.fromisoformat(str(hired)) - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date=before_hire, kind="other", hours="1")
    assert "not yet hired" in errors_of(e)["person_id"]
    assert one(demo_db, "SELECT count(*) FROM hour_entry")[0] == count + 1


def test_approval_change_reason_and_closed_period(demo_db):
    pid = person_of(demo_db, "N105")
    entry = log(demo_db, person_id=pid, work_date="2026-10-05", kind="building_patrol", hours="1")
    with demo_db.session() as s:
        result = hours.approve_hours(s, entry_ids=[entry.id])
    assert result.approved == 1
    assert one(demo_db, "SELECT status FROM hour_entry WHERE id=:i", i=entry.id)[0] == "approved"
    edit = dict(entry_id=entry.id, person_id=pid, work_date="2026-10-05", kind="building_patrol", hours="1.5")
    with pytest.raises(ValidationError) as e, demo_db.session() as s:
        hours.update_hours(s, **edit)
    assert "reason" in errors_of(e)
    with demo_db.session() as s:
        hours.update_hours(s, **edit, reason="Stayed for a fire alarm", today=dt.date(2026, 10, 6))
    status, minutes, reason = one(demo_db, "SELECT status, minutes, change_reason FROM hour_entry WHERE id=:i",
                                  i=entry.id)
    assert (status, minutes) == ("submitted", 90)
    assert reason == "2026-10-06: Stayed for a fire alarm"
    # a period with entries waiting for approval cannot be closed
    with pytest.raises(ConflictError, match="wait"), demo_db.session() as s:
        hours.close_period(s, period_start="2026-10-01", period_end="2026-10-31")
    with demo_db.session() as s:
        ids = hours.hour_entry_ids(s, date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31))
        hours.approve_hours(s, entry_ids=ids)
        row = hours.close_period(s, period_start="2026-10-01", period_end="2026-10-31")
    assert row.locked_entries == len(ids)
    assert one(demo_db, "SELECT count(*) FROM hour_entry WHERE work_date BETWEEN '2026-10-01' AND '2026-10-31' "
                        "AND status != 'locked'")[0] == 0
    with pytest.raises(ConflictError, match="locked"), demo_db.session() as s:
        hours.update_hours(s, **edit, reason="again")
    with pytest.raises(ValidationError) as e:
        log(demo_db, person_id=pid, work_date="2026-10-20", kind="other", hours="1")
    assert "closed period" in errors_of(e)["work_date"]


def test_log_event_hours_one_entry_per_assignment_and_idempotent(demo_db):
    event_id, assigned = one(
        demo_db,
        "SELECT e.id, count(a.id) FROM event e JOIN assignment a ON a.event_id = e.id "
        "WHERE e.status = 'completed' AND a.active GROUP BY e.id ORDER BY count(a.id) DESC LIMIT 1",
    )
    with demo_db.session() as s:
        s.execute(text("DELETE FROM hour_entry WHERE event_id = :e"), {"e": event_id})
    now = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
    with demo_db.read_session() as s:
        assert event_id in [e.id for e in hours.events_awaiting_hours(s, now=now)]
    with demo_db.session() as s:
        first = hours.log_event_hours(s, event_id=event_id, now=now)
    with demo_db.session() as s:
        second = hours.log_event_hours(s, event_id=event_id, now=now)
    assert (first.created, second.created, second.already_logged) == (assigned, 0, assigned)
    rows = one(demo_db, "SELECT count(*), sum(h.minutes) FROM hour_entry h WHERE h.event_id = :e", e=event_id)
    expected = sum((dt.datetime.fromisoformat(ends) - dt.datetime.fromisoformat(starts)).total_seconds() / 60
                   for starts, ends in named_sql(demo_db, "SELECT starts_at, ends_at FROM assignment "
                                                          "WHERE event_id = :e AND active", e=event_id))
    assert rows[0] == assigned and rows[1] == round(expected)
    future = one(demo_db, "SELECT id FROM event WHERE status IN ('staffed','approved') ORDER BY starts_at DESC LIMIT 1")[0]
    with pytest.raises(ConflictError, match="not ended"), demo_db.session() as s:
        hours.log_event_hours(s, event_id=future, now=now)


def test_quick_patrol_remembers_the_last_choices(demo_db):
    pid, site = person_of(demo_db, "N106"), site_id(demo_db, "Grace Christian Academy")
    with demo_db.read_session() as s:
        assert hours.patrol_defaults(s).person_id is None
    with demo_db.session() as s:
        row = hours.log_patrol(s, person_id=pid, site_id=site, work_date="2026-11-02", start="23:30", minutes=45)
    assert row.minutes == 45 and row.end_next_day and row.kind == "building_patrol"
    with demo_db.read_session() as s:
        d = hours.patrol_defaults(s)
    assert (d.person_id, d.site_id, d.start_text, d.minutes) == (pid, site, "23:30", 45)
    stored = one(demo_db, "SELECT CAST(value AS TEXT) FROM setting WHERE key = 'hours.quick_patrol.last'")[0]
    assert f'"site_id": {site}' in stored
    with pytest.raises(ValidationError) as e, demo_db.session() as s:
        hours.log_patrol(s, person_id=pid, site_id=None, work_date="2026-11-02", start="7pm", minutes=0)
    assert set(errors_of(e)) == {"site_id", "start", "minutes"}


def test_demo_year_summary_matches_the_entries(demo_db):
    start, end = dt.date(2026, 8, 1), dt.date(2027, 7, 31)
    with demo_db.read_session() as s:
        summary = hours.hours_summary(s, date_from=start, date_to=end)
    raw = dict(
        (k, m) for k, m in _all(demo_db, "SELECT kind, sum(minutes) FROM hour_entry WHERE work_date BETWEEN "
                                         "'2026-08-01' AND '2027-07-31' GROUP BY kind")
    )
    kinds = {t.key: t.minutes for t in summary.by_kind}
    assert kinds == raw
    assert kinds["event_coverage"] > 0 and kinds["building_patrol"] > 0
    assert summary.total_minutes == sum(raw.values())
    for part in (summary.by_person, summary.by_site, summary.by_month):
        assert sum(t.minutes for t in part) == summary.total_minutes
    assert DEMO_TODAY.year == 2026


def _all(db, sql):
    return raw_sql(db, sql)
