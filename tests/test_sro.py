"""SRO appointments, duty schedule, reviews and the concern → decision procedure, checked in the database."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import officers, sites, sro
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql

YEAR = "2026-27"


def sql(db, query: str, **params):
    return named_sql(db, query, **params)


def person_id(db, first: str, last: str) -> int:
    return sql(db, "SELECT id FROM person WHERE first_name = :f AND last_name = :l", f=first, l=last)[0][0]


def officer_id(db, badge: str) -> int:
    return sql(db, "SELECT id FROM officer WHERE badge_number = :b", b=badge)[0][0]


def site_id(db, name: str) -> int:
    return sql(db, "SELECT id FROM site WHERE name = :n", n=name)[0][0]


@pytest.fixture
def wh(demo_db):
    """The West Hartford people: chief, superintendent."""
    return {
        "chief": person_id(demo_db, "Anthony", "Reyes"),
        "supt": person_id(demo_db, "Elaine", "Marsh"),
    }


def new_school(db, name: str = "Charter Oak Academy", tz: str = "America/New_York") -> int:
    with db.session() as s:
        return sites.add_site(s, name=name, level="middle", timezone=tz).id


def appoint(db, wh, *, site: int, badge: str, **kw):
    values = dict(
        site_id=site, officer_id=officer_id(db, badge), school_year=YEAR, start_date="2026-09-01",
        appointed_by_id=wh["chief"], appointed_on="2026-08-20", superintendent_id=wh["supt"],
        superintendent_agreed_on="2026-08-18", today=DEMO_TODAY,
    )
    values.update(kw)
    with db.session() as s:
        return sro.appoint_sro(s, **values)


def eligible_free_badge(db) -> str:
    """An active West Hartford officer with current training and no appointment."""
    with db.read_session() as s:
        rows = officers.list_officers(s, include_inactive=False, today=DEMO_TODAY)
    taken = {r[0] for r in sql(db, "SELECT o.badge_number FROM sro_appointment a JOIN officer o ON o.id = a.officer_id")}
    return next(r.badge_number for r in rows if r.eligible and r.badge_number.startswith("W")
                and r.badge_number not in taken)


# ------------------------------------------------------------------------------------------ school years


def test_school_year_helpers():
    assert sro.school_year_of(dt.date(2026, 8, 1)) == "2026-27"
    assert sro.school_year_of(dt.date(2026, 7, 31)) == "2025-26"
    assert sro.school_year_of(dt.date(1999, 12, 1)) == "1999-00"
    assert sro.school_year_bounds("2026-27") == (dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    assert sro.parse_school_year("2026-28") is None
    with pytest.raises(ValidationError):
        sro.school_year_bounds("next year")


def test_demo_year_lists_the_five_west_hartford_schools(demo_db):
    with demo_db.read_session() as s:
        rows = sro.list_appointments(s, school_year=YEAR, today=DEMO_TODAY)
        years = sro.school_years(s, today=DEMO_TODAY)
    expected = {r[0] for r in sql(demo_db, "SELECT s.name FROM sro_appointment a JOIN site s ON s.id = a.site_id "
                                           "WHERE a.school_year = :y", y=YEAR)}
    assert {r.site_name for r in rows} == expected and len(expected) == 5
    assert all(r.schedule_text == "Mon–Fri 07:15–15:15" and r.weekly_minutes == 40 * 60 for r in rows)
    assert all(r.officer_eligible and r.status == "active" for r in rows)
    assert years[:2] == ["2027-28", "2026-27"]


# ------------------------------------------------------------------------------------------ appointments


def test_appoint_records_who_and_when_and_the_duty(demo_db, wh):
    school = new_school(demo_db)
    badge = eligible_free_badge(demo_db)
    row = appoint(demo_db, wh, site=school, badge=badge, duties=[(0, "7:30", "15:00"), ("wed", "08:00", "12:00")])
    got = sql(demo_db, "SELECT site_id, officer_id, school_year, start_date, end_date, appointed_by_id, appointed_on,"
                       " superintendent_id, superintendent_agreed_on, status, eligibility_override_reason "
                       "FROM sro_appointment WHERE id = :i", i=row.id)[0]
    assert got == (school, officer_id(demo_db, badge), YEAR, "2026-09-01", "2027-07-31", wh["chief"], "2026-08-20",
                   wh["supt"], "2026-08-18", "active", "")
    duties = sql(demo_db, "SELECT weekday, start_time, end_time FROM sro_duty WHERE appointment_id = :i "
                          "ORDER BY weekday", i=row.id)
    assert [(d[0], d[1][:5], d[2][:5]) for d in duties] == [(0, "07:30", "15:00"), (2, "08:00", "12:00")]
    assert row.schedule_text == "Mon 07:30–15:00; Wed 08:00–12:00"


def test_expired_training_is_ineligible_and_needs_a_recorded_override(demo_db, wh):
    # the demo's West Hartford officer whose SEL/restorative training lapsed
    lapsed = sql(demo_db, "SELECT o.badge_number FROM officer o JOIN qualification q ON q.person_id = o.person_id "
                          "WHERE q.kind = 'sel_restorative' AND q.expires_on < :t AND o.badge_number LIKE 'W%'",
                 t=DEMO_TODAY.isoformat())
    badge = lapsed[0][0]
    with demo_db.read_session() as s:
        o = officers.find_officer(s, key=badge)
    assert not o.eligible and "expired" in o.eligibility_note
    school = new_school(demo_db)
    before = sql(demo_db, "SELECT count(*) FROM sro_appointment")[0][0]
    with pytest.raises(ValidationError) as err:
        appoint(demo_db, wh, site=school, badge=badge)
    assert "overriding" in err.value.fields["eligibility_override_reason"]
    assert "expired" in err.value.fields["eligibility_override_reason"]
    assert sql(demo_db, "SELECT count(*) FROM sro_appointment")[0][0] == before
    row = appoint(demo_db, wh, site=school, badge=badge,
                  eligibility_override_reason="Refresher booked for 3 Dec; only officer who speaks Portuguese.")
    assert sql(demo_db, "SELECT eligibility_override_reason FROM sro_appointment WHERE id = :i", i=row.id)[0][0] == (
        "Refresher booked for 3 Dec; only officer who speaks Portuguese.")
    assert not row.officer_eligible


def test_override_reason_is_not_stored_for_an_eligible_officer(demo_db, wh):
    row = appoint(demo_db, wh, site=new_school(demo_db), badge=eligible_free_badge(demo_db),
                  eligibility_override_reason="just in case")
    assert sql(demo_db, "SELECT eligibility_override_reason FROM sro_appointment WHERE id = :i", i=row.id)[0][0] == ""


def test_on_leave_and_probation_are_ineligible(demo_db, wh):
    school = new_school(demo_db)
    on_leave = sql(demo_db, "SELECT badge_number FROM officer WHERE status = 'on_leave'")[0][0]
    probation = sql(demo_db, "SELECT badge_number FROM officer WHERE probation_end > :t",
                    t=DEMO_TODAY.isoformat())[0][0]
    for badge, words in ((on_leave, "on leave"), (probation, "probation")):
        with pytest.raises(ValidationError) as err:
            appoint(demo_db, wh, site=school, badge=badge)
        assert words in err.value.fields["eligibility_override_reason"]


def test_one_sro_per_school_unless_allowed(demo_db, wh):
    hall = site_id(demo_db, "Hall High School")
    badge = eligible_free_badge(demo_db)
    count = lambda: sql(demo_db, "SELECT count(*) FROM sro_appointment WHERE site_id = :s", s=hall)[0][0]  # noqa: E731
    with pytest.raises(ConflictError, match="Hall High School already has an SRO"):
        appoint(demo_db, wh, site=hall, badge=badge)
    assert count() == 1
    appoint(demo_db, wh, site=hall, badge=badge, allow_overlap=True)
    assert count() == 2


def test_an_officer_serves_one_school_at_a_time(demo_db, wh):
    serving = sql(demo_db, "SELECT o.badge_number FROM sro_appointment a JOIN officer o ON o.id = a.officer_id")[0][0]
    with pytest.raises(ConflictError, match="already the SRO at"):
        appoint(demo_db, wh, site=new_school(demo_db), badge=serving)


def test_after_the_old_one_ends_a_new_sro_can_start(demo_db, wh):
    hall = site_id(demo_db, "Hall High School")
    old = sql(demo_db, "SELECT id FROM sro_appointment WHERE site_id = :s", s=hall)[0][0]
    with demo_db.session() as s:
        ended = sro.end_appointment(s, appointment_id=old, end_date="2026-11-20", reason="promoted", today=DEMO_TODAY)
    assert (ended.status, ended.end_date) == ("ended", dt.date(2026, 11, 20))
    with pytest.raises(ConflictError):
        with demo_db.session() as s:
            sro.end_appointment(s, appointment_id=old, end_date="2026-11-21")
    new = appoint(demo_db, wh, site=hall, badge=eligible_free_badge(demo_db), start_date="2026-11-23")
    history = sql(demo_db, "SELECT id, status, end_date FROM sro_appointment WHERE site_id = :s ORDER BY id", s=hall)
    assert history == [(old, "ended", "2026-11-20"), (new.id, "active", "2027-07-31")]
    assert "Ended 20 Nov 2026: promoted" in sql(demo_db, "SELECT notes FROM sro_appointment WHERE id = :i", i=old)[0][0]


def test_every_bad_field_is_named(demo_db, wh):
    with pytest.raises(ValidationError) as err:
        appoint(demo_db, wh, site=new_school(demo_db), badge=eligible_free_badge(demo_db),
                start_date="2027-08-15", superintendent_agreed_on="2026-08-25", appointed_by_id=None,
                superintendent_id=None)
    f = err.value.fields
    assert "2026-27 school year" in f["start_date"]
    assert "after the date of appointment" in f["superintendent_agreed_on"]
    assert "chief" in f["appointed_by_id"] and "superintendent" in f["superintendent_id"]
    with pytest.raises(ValidationError) as err:
        appoint(demo_db, wh, site=new_school(demo_db, "X"), badge=eligible_free_badge(demo_db), school_year="2026-28",
                end_date="2026-08-01")
    assert "school year" in err.value.fields["school_year"]


def test_update_appointment(demo_db, wh):
    appt = sql(demo_db, "SELECT id FROM sro_appointment ORDER BY id")[0][0]
    with demo_db.session() as s:
        sro.update_appointment(s, appointment_id=appt, start_date="2026-08-26", end_date="2027-06-18",
                               appointed_by_id=wh["chief"], appointed_on="2026-07-16", superintendent_id=wh["supt"],
                               superintendent_agreed_on="2026-07-14", notes="dates corrected")
    assert sql(demo_db, "SELECT start_date, end_date, appointed_on, superintendent_agreed_on, notes FROM "
                        "sro_appointment WHERE id = :i", i=appt)[0] == (
        "2026-08-26", "2027-06-18", "2026-07-16", "2026-07-14", "dates corrected")


# ------------------------------------------------------------------------------------------ duty schedule


def test_duty_end_must_be_after_start_and_days_may_not_overlap(demo_db):
    appt = sql(demo_db, "SELECT id FROM sro_appointment ORDER BY id")[0][0]
    duty = "SELECT weekday, start_time, end_time FROM sro_duty WHERE appointment_id = :i ORDER BY weekday, start_time"
    before = sql(demo_db, duty, i=appt)
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            sro.set_duty_schedule(s, appointment_id=appt, duties=[(0, "15:00", "07:00"), (1, "08:00", "08:00"),
                                                                  (2, "08:00", "12:00"), (2, "11:00", "13:00"),
                                                                  (3, "25:00", "26:00")])
    f = err.value.fields
    assert "end after it starts" in f["duty_0"] and "end after it starts" in f["duty_1"]
    assert "overlap" in f["duty_2"] and "HH:MM" in f["duty_3"]
    assert len(before) == 5 and sql(demo_db, duty, i=appt) == before
    with demo_db.session() as s:
        row = sro.set_duty_schedule(s, appointment_id=appt, duties=[("Tue", "09:00", "17:00")])
    assert sql(demo_db, "SELECT weekday, start_time FROM sro_duty WHERE appointment_id = :i", i=appt) == [
        (1, "09:00:00.000000")]
    assert row.weekly_minutes == 480


def _utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_on_duty_follows_the_wall_clock_across_the_autumn_change(demo_db):
    oid, appt, name = sql(demo_db, "SELECT a.officer_id, a.id, s.name FROM sro_appointment a "
                                   "JOIN site s ON s.id = a.site_id ORDER BY a.id")[0]
    with demo_db.read_session() as s:
        # Fri 30 Oct 2026 (EDT, UTC-4) to Tue 3 Nov (EST, UTC-5; the clocks went back on Sun 1 Nov)
        periods = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2026, 10, 30), end_utc=_utc(2026, 11, 4))
    assert [(p.starts_at, p.ends_at) for p in periods] == [
        (_utc(2026, 10, 30, 11, 15), _utc(2026, 10, 30, 19, 15)),
        (_utc(2026, 11, 2, 12, 15), _utc(2026, 11, 2, 20, 15)),
        (_utc(2026, 11, 3, 12, 15), _utc(2026, 11, 3, 20, 15)),
    ]
    assert {(p.site_name, p.appointment_id) for p in periods} == {(name, appt)}
    assert [p.local_date.isoformat() for p in periods] == ["2026-10-30", "2026-11-02", "2026-11-03"]


def test_on_duty_across_the_spring_change_and_at_the_edges(demo_db):
    oid = sql(demo_db, "SELECT officer_id FROM sro_appointment ORDER BY id")[0][0]
    with demo_db.read_session() as s:
        # Fri 12 Mar 2027 is EST (UTC-5), Mon 15 Mar is EDT (UTC-4)
        spring = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 3, 12), end_utc=_utc(2027, 3, 16))
        # an event ending exactly when duty starts does not overlap; one minute later it does
        touching = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 3, 15, 10), end_utc=_utc(2027, 3, 15, 11, 15))
        inside = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 3, 15, 19), end_utc=_utc(2027, 3, 15, 19, 16))
        after = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 6, 21), end_utc=_utc(2027, 6, 26))
        weekend = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 3, 13, 5), end_utc=_utc(2027, 3, 15, 4))
    assert [p.starts_at for p in spring] == [_utc(2027, 3, 12, 12, 15), _utc(2027, 3, 15, 11, 15)]
    assert touching == [] and len(inside) == 1 and after == [] and weekend == []


def test_on_duty_uses_the_school_time_zone_and_survives_odd_hours(demo_db, wh):
    school = new_school(demo_db, "Prairie School", tz="America/Chicago")
    badge = eligible_free_badge(demo_db)
    # a Sunday night shift through the autumn change: 01:30 happens twice, 03:30 once
    row = appoint(demo_db, wh, site=school, badge=badge, duties=[(6, "01:30", "03:30")])
    oid = officer_id(demo_db, badge)
    with demo_db.read_session() as s:
        autumn = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2026, 11, 1), end_utc=_utc(2026, 11, 2))
        # Sun 14 Mar 2027: 02:00-03:00 does not exist in Chicago
        spring = sro.sro_on_duty(s, officer_id=oid, start_utc=_utc(2027, 3, 14), end_utc=_utc(2027, 3, 15))
    # first 01:30 is CDT (UTC-5) = 06:30Z; 03:30 CST (UTC-6) = 09:30Z: three hours of duty
    assert [(p.starts_at, p.ends_at) for p in autumn] == [(_utc(2026, 11, 1, 6, 30), _utc(2026, 11, 1, 9, 30))]
    # 01:30 CST = 07:30Z, 03:30 CDT = 08:30Z: one hour
    assert [(p.starts_at, p.ends_at) for p in spring] == [(_utc(2027, 3, 14, 7, 30), _utc(2027, 3, 14, 8, 30))]
    assert autumn[0].timezone == "America/Chicago" and row.site_timezone == "America/Chicago"
    with pytest.raises(ValueError):
        with demo_db.read_session() as s:
            sro.sro_on_duty(s, officer_id=oid, start_utc=dt.datetime(2027, 1, 1), end_utc=_utc(2027, 1, 2))


# ------------------------------------------------------------------------------------------------ reviews


def test_reviews_fall_due_in_may_and_are_overdue_after_the_appointment(demo_db):
    appt = sql(demo_db, "SELECT id FROM sro_appointment ORDER BY id")[0][0]
    with demo_db.read_session() as s:
        assert sro.reviews_due(s, today=DEMO_TODAY) == []
        may = sro.reviews_due(s, today=dt.date(2027, 5, 1))
        june = sro.reviews_due(s, today=dt.date(2027, 6, 21))
        july = sro.reviews_due(s, today=dt.date(2027, 7, 21))
    assert len(may) == 5 and not any(r.overdue for r in may)
    assert len(june) == 5 and not any(r.overdue for r in june)
    assert len(july) == 5 and all(r.overdue for r in july)
    mine = next(r for r in may if r.appointment_id == appt)
    assert (mine.due_from, mine.overdue_after) == (dt.date(2027, 5, 1), dt.date(2027, 7, 20))
    assert mine.what == "Annual review meeting not yet held"

    with demo_db.session() as s:
        review = sro.record_review(s, appointment_id=appt, meeting_date="2027-05-10",
                                   attendees="Principal; the SRO; Lt. designee", report_text="Good year.",
                                   today=dt.date(2027, 5, 10))
    with demo_db.read_session() as s:
        pending = [r for r in sro.reviews_due(s, today=dt.date(2027, 5, 11)) if r.appointment_id == appt]
    assert pending[0].what == "Written report not yet sent to the chief"
    with pytest.raises(ConflictError, match="already recorded"):
        with demo_db.session() as s:
            sro.record_review(s, appointment_id=appt, meeting_date="2027-05-12", attendees="x",
                              today=dt.date(2027, 5, 12))
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            sro.update_review(s, review_id=review.id, meeting_date="2027-05-10", attendees="x",
                              sent_to_chief_on="2027-05-09", today=dt.date(2027, 5, 12))
    assert "before the meeting" in err.value.fields["sent_to_chief_on"]
    with demo_db.session() as s:
        sro.update_review(s, review_id=review.id, meeting_date="2027-05-10", attendees="Principal; the SRO",
                          report_text="Good year.", sent_to_chief_on="2027-05-12", report_filename="report.txt",
                          report_data=b"written report", today=dt.date(2027, 5, 12))
    got = sql(demo_db, "SELECT r.meeting_date, r.sent_to_chief_on, a.filename, a.sha256, a.owner_table FROM "
                       "sro_review r JOIN attachment a ON a.id = r.report_attachment_id WHERE r.id = :i", i=review.id)
    import hashlib

    assert got == [("2027-05-10", "2027-05-12", "report.txt", hashlib.sha256(b"written report").hexdigest(),
                    "sro_review")]
    with demo_db.read_session() as s:
        assert all(r.appointment_id != appt for r in sro.reviews_due(s, today=dt.date(2027, 6, 30)))
        assert sro.review_report_file(s, review_id=review.id) == ("report.txt", b"written report")
        assert sro.get_appointment(s, appointment_id=appt, today=dt.date(2027, 6, 30)).review_state == "Done"


# ------------------------------------------------------------------------------------------------ concerns


def test_concern_steps_in_order_then_dismissal_ends_the_appointment(demo_db):
    appt = sql(demo_db, "SELECT id FROM sro_appointment ORDER BY id")[0][0]
    today = dt.date(2027, 2, 20)
    with demo_db.session() as s:
        c = sro.raise_concern(s, appointment_id=appt, raised_on="2027-02-01", reasons="Missed duty twice.",
                              today=today)
    with pytest.raises(ConflictError, match="still open"):
        with demo_db.session() as s:
            sro.raise_concern(s, appointment_id=appt, raised_on="2027-02-02", reasons="again", today=today)
    with pytest.raises(ConflictError, match="superintendent was informed"):
        with demo_db.session() as s:
            sro.record_chief_notified(s, concern_id=c.id, notified_on="2027-02-05", today=today)
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            sro.record_superintendent_informed(s, concern_id=c.id, informed_on="2027-01-31", today=today)
    assert "before the concern was raised" in err.value.fields["informed_on"]
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            sro.record_superintendent_informed(s, concern_id=c.id, informed_on="2027-03-01", today=today)
    assert "future" in err.value.fields["informed_on"]
    with demo_db.session() as s:
        sro.record_superintendent_informed(s, concern_id=c.id, informed_on="2027-02-03", today=today)
    with pytest.raises(ValidationError):
        with demo_db.session() as s:
            sro.record_chief_notified(s, concern_id=c.id, notified_on="2027-02-02", today=today)
    with demo_db.session() as s:
        sro.record_chief_notified(s, concern_id=c.id, notified_on="2027-02-06", today=today)
    with pytest.raises(ValidationError) as err:
        with demo_db.session() as s:
            sro.decide_concern(s, concern_id=c.id, decision="fire", decided_on="2027-02-10", today=today)
    assert "decision" in err.value.fields
    assert sql(demo_db, "SELECT status, end_date FROM sro_appointment WHERE id = :i", i=appt) == [
        ("active", "2027-06-20")]
    with demo_db.session() as s:
        sro.decide_concern(s, concern_id=c.id, decision="dismiss", decided_on="2027-02-10",
                           notes="Per general order 4.2", today=today)
    assert sql(demo_db, "SELECT raised_on, superintendent_informed_on, chief_notified_on, decision, decision_on "
                        "FROM sro_concern WHERE id = :i", i=c.id) == [
        ("2027-02-01", "2027-02-03", "2027-02-06", "dismiss", "2027-02-10")]
    assert sql(demo_db, "SELECT status, end_date FROM sro_appointment WHERE id = :i", i=appt) == [
        ("dismissed", "2027-02-10")]
    with demo_db.read_session() as s:
        detail = sro.appointment_detail(s, appointment_id=appt, today=today)
        due = sro.reviews_due(s, today=dt.date(2027, 6, 30))
    titles = [t.title for t in detail.timeline]
    assert titles[-5:] == ["Principal's concern raised", "Superintendent informed", "Chief notified",
                           "Decision: Dismiss the SRO", "Appointment dismissed"]
    assert [t.day for t in detail.timeline] == sorted(t.day for t in detail.timeline)
    assert all(r.appointment_id != appt for r in due)  # a dismissed SRO needs no annual review
    with pytest.raises(ConflictError):
        with demo_db.session() as s:
            sro.raise_concern(s, appointment_id=appt, raised_on="2027-02-15", reasons="x", today=today)


def test_retain_and_reassign(demo_db):
    first, second = [r[0] for r in sql(demo_db, "SELECT id FROM sro_appointment ORDER BY id")[:2]]
    today = dt.date(2027, 1, 31)
    for appt, decision in ((first, "retain"), (second, "reassign")):
        with demo_db.session() as s:
            c = sro.raise_concern(s, appointment_id=appt, raised_on="2027-01-10", reasons="r", today=today)
            sro.record_superintendent_informed(s, concern_id=c.id, informed_on="2027-01-10", today=today)
            sro.record_chief_notified(s, concern_id=c.id, notified_on="2027-01-12", today=today)
            sro.decide_concern(s, concern_id=c.id, decision=decision, decided_on="2027-01-20", today=today)
    assert sql(demo_db, "SELECT id, status, end_date FROM sro_appointment WHERE id IN (:a, :b) ORDER BY id",
               a=first, b=second) == [(first, "active", "2027-06-20"), (second, "reassigned", "2027-01-20")]


# ------------------------------------------------------------------------------------------ command line


def run_cli(monkeypatch, capsys, db, *args: str) -> tuple[int, str, str]:
    import importlib

    main = importlib.import_module("sharedsvc_desktop.cli.main")

    assert "sro" in main.COMMAND_MODULES
    where = (["--data-dir", str(db.data_dir)] if db.is_sqlite
             else ["--database-url", db.url.render_as_string(hide_password=False)])
    code = main.run(main.build_parser().parse_args([*where, *args]))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_list_appoint_and_end(demo_db, monkeypatch, capsys, wh):
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, "sro", "list", "--year", YEAR, "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 5 and {r["school_year"] for r in rows} == {YEAR}
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, "sro", "list", "--year", YEAR)
    assert "Hall High School" in out and "Mon–Fri 07:15–15:15" in out
    new_school(demo_db)
    lapsed = sql(demo_db, "SELECT o.badge_number FROM officer o JOIN qualification q ON q.person_id = o.person_id "
                          "WHERE q.kind = 'sel_restorative' AND q.expires_on < :t AND o.badge_number LIKE 'W%'",
                 t=DEMO_TODAY.isoformat())[0][0]
    base = ["sro", "appoint", "--school", "Charter Oak Academy", "--officer", lapsed, "--start", "2026-11-30",
            "--appointed-by", str(wh["chief"]), "--appointed-on", "2026-11-20", "--superintendent", str(wh["supt"]),
            "--agreed-on", "2026-11-19", "--duty", "Mon-Thu=07:30-15:30"]
    code, _out, err = run_cli(monkeypatch, capsys, demo_db, *base)
    assert code == 1 and "overriding" in err
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, *base, "--override-reason", "Course booked", "--json")
    assert code == 0
    row = json.loads(out)
    assert row["eligibility_override_reason"] == "Course booked" and row["schedule_text"] == "Mon–Thu 07:30–15:30"
    assert sql(demo_db, "SELECT count(*) FROM sro_duty WHERE appointment_id = :i", i=row["id"])[0][0] == 4
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, "sro", "end", str(row["id"]), "--on", "2026-12-01")
    assert code == 0 and "ended on 2026-12-01" in out
    assert sql(demo_db, "SELECT status, end_date FROM sro_appointment WHERE id = :i", i=row["id"]) == [
        ("ended", "2026-12-01")]
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, "sro", "list", "--school", "Charter Oak Academy")
    assert "Ended" in out
    code, out, _ = run_cli(monkeypatch, capsys, demo_db, "sro", "due", "--today", "2027-05-02")
    assert out.count("Due: Annual review meeting not yet held") == 5
