"""Notices in the outbox: written in the same transaction as the change, each with an iCalendar invitation that
keeps one UID per event and recipient and raises its SEQUENCE on each change; reminders queued once.

The invitations are read back with ``vobject`` (not the ``icalendar`` library that wrote them); what they should
say comes from the database through raw SQL."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import vobject

from sharedsvc_desktop.errors import ConflictError, PermissionDenied
from sharedsvc_desktop.models import Officer, Person
from sharedsvc_desktop.services import assignments, events, mail, notify
from sharedsvc_desktop.services.permissions import Actor
from tests.conftest import raw_sql

NOW = dt.datetime(2026, 11, 23, 15, tzinfo=dt.UTC)


def outbox(db, where: str = "1=1", *params: object) -> list[tuple]:
    return raw_sql(db, "SELECT id, kind, to_address, status, subject, ics, last_error, dedupe_key FROM outbox_message "
                       f"WHERE {where} ORDER BY id", *params)


def utc(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(str(text)[:19]).replace(tzinfo=dt.UTC)


def parse(ics: str):
    cal = vobject.readOne(ics)
    return cal, cal.vevent


def officer_email(db, officer_id: int) -> str:
    return raw_sql(db, "SELECT p.email FROM officer o JOIN person p ON p.id = o.person_id WHERE o.id = ?",
                   officer_id)[0][0]


def free_officer(db, event_id: int) -> int:
    with db.read_session() as s:
        return next(c.officer_id for c in assignments.candidate_officers(s, event_id=event_id) if c.available)


def new_event(db, *, contact: str = "secretary@school.example.org", title: str = "Winter concert",
              status: str = "requested", officers: int = 2) -> int:
    site = raw_sql(db, "SELECT id FROM site WHERE name = 'Hall High School'")[0][0]
    with db.session() as s:
        return events.request_event(
            s, site_id=site, event_type="dance", title=title, local_start=dt.datetime(2027, 1, 15, 18),
            local_end=dt.datetime(2027, 1, 15, 21), officers_requested=officers, requester_name="Gail Morrison",
            requester_contact=contact, status=status).id


def test_assigning_an_officer_writes_one_invitation_with_the_change(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    before = outbox(demo_db)
    with demo_db.session() as s:
        row = assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    new = outbox(demo_db, "id > ?", before[-1][0] if before else 0)
    # one notice: to the officer (the event needs two, so it is not staffed and the requester hears nothing yet)
    assert [(r[1], r[2], r[3]) for r in new] == [("officer_assigned", officer_email(demo_db, officer_id), "pending")]
    assert "Winter concert" in new[0][4]
    cal, ev = parse(new[0][5])
    start, end = raw_sql(demo_db, "SELECT starts_at, ends_at FROM assignment WHERE id = ?", row.id)[0]
    assert cal.method.value == "REQUEST"
    assert ev.uid.value == f"event-{event_id}-o{officer_id}@sharedsvc-desktop"
    assert int(ev.sequence.value) == 0
    assert ev.dtstart.value == utc(start) and ev.dtend.value == utc(end)
    assert ev.attendee.value.lower() == f"mailto:{officer_email(demo_db, officer_id)}".lower()
    # the school's wall clock is in the text: 18:00 at Hall High School, New York time
    assert "Fri 15 Jan 2027 18:00–21:00" in ev.description.value


def test_a_refused_or_rolled_back_change_leaves_no_notice(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    count = len(outbox(demo_db))
    # a change rolled back takes its notice with it: they are one transaction
    with pytest.raises(RuntimeError), demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
        raise RuntimeError("power cut before the commit")
    assert len(outbox(demo_db)) == count
    # a refused change writes nothing either
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    count = len(outbox(demo_db))
    with pytest.raises(ConflictError), demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    assert len(outbox(demo_db)) == count


def test_changes_update_the_same_invitation_and_removal_cancels_it(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:
        a = assignments.assign_officer(s, event_id=event_id, officer_id=officer_id, approve_overtime=True)
    # WHEN the event moves an hour later
    site = raw_sql(demo_db, "SELECT site_id FROM event WHERE id = ?", event_id)[0][0]
    with demo_db.session() as s:
        events.update_event(s, event_id=event_id, site_id=site, event_type="dance", title="Winter concert",
                            local_start=dt.datetime(2027, 1, 15, 19), local_end=dt.datetime(2027, 1, 15, 22),
                            officers_requested=2, requester_name="Gail Morrison",
                            requester_contact="secretary@school.example.org")
    # AND the officer is taken off
    with demo_db.session() as s:
        assignments.unassign_officer(s, assignment_id=a.id)
    mine = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:o{officer_id}:%")
    assert [r[1] for r in mine] == ["officer_assigned", "officer_changed", "officer_removed"]
    parsed = [parse(r[5]) for r in mine]
    assert {ev.uid.value for _, ev in parsed} == {f"event-{event_id}-o{officer_id}@sharedsvc-desktop"}
    assert [int(ev.sequence.value) for _, ev in parsed] == [0, 1, 2]
    assert [cal.method.value for cal, _ in parsed] == ["REQUEST", "REQUEST", "CANCEL"]
    start = raw_sql(demo_db, "SELECT starts_at FROM event WHERE id = ?", event_id)[0][0]
    assert parsed[1][1].dtstart.value == utc(start) == dt.datetime(2027, 1, 16, 0, tzinfo=dt.UTC)
    assert parsed[0][1].dtstart.value == dt.datetime(2027, 1, 15, 23, tzinfo=dt.UTC)
    assert parsed[2][1].status.value == "CANCELLED"
    # the requester's invitation (approved) was updated too, under a UID of its own
    req = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:req:%")
    assert [r[1] for r in req] == ["event_changed"]
    assert parse(req[0][5])[1].uid.value == f"event-{event_id}-req@sharedsvc-desktop"


def test_the_requester_hears_approved_staffed_and_cancelled(demo_db):
    event_id = new_event(demo_db, officers=1)
    with demo_db.session() as s:
        events.approve_event(s, event_id=event_id)
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id, approve_overtime=True)
    assert raw_sql(demo_db, "SELECT status FROM event WHERE id = ?", event_id) == [("staffed",)]
    with demo_db.session() as s:
        events.cancel_event(s, event_id=event_id, reason="Snow day")
    req = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:req:%")
    assert [(r[1], r[2]) for r in req] == [("event_approved", "secretary@school.example.org"),
                                           ("event_staffed", "secretary@school.example.org"),
                                           ("event_cancelled", "secretary@school.example.org")]
    parsed = [parse(r[5]) for r in req]
    assert [(cal.method.value, int(ev.sequence.value)) for cal, ev in parsed] == [
        ("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)]
    assert "Snow day" in raw_sql(demo_db, "SELECT body FROM outbox_message WHERE id = ?", req[2][0])[0][0]
    # the officer on it was released with a cancellation
    off = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:o{officer_id}:%")
    assert [r[1] for r in off] == ["officer_assigned", "officer_removed"]
    assert parse(off[1][5])[0].method.value == "CANCEL"


def test_a_declined_request_releases_its_officers(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
        events.decline_event(s, event_id=event_id, reason="No officers free that night")
    kinds = [r[1] for r in outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:%")]
    assert kinds == ["officer_assigned", "officer_removed", "event_declined"]
    body = raw_sql(demo_db, "SELECT body FROM outbox_message WHERE kind = 'event_declined' AND dedupe_key LIKE ?",
                   f"inv:e{event_id}:%")[0][0]
    assert "No officers free that night" in body


def test_a_recipient_without_an_address_is_recorded_not_sent(demo_db):
    event_id = new_event(demo_db, contact="", status="approved", officers=1)
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:  # the officer has no e-mail address on record
        s.get(Person, s.get(Officer, officer_id).person_id).email = ""
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id, approve_overtime=True)
    rows = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:%")
    # the officer had no address; the requester is Gail Morrison, typed in with no contact address
    assert [(r[1], r[2], r[3]) for r in rows] == [("officer_assigned", "", "failed"), ("event_staffed", "", "failed")]
    assert rows[0][6].startswith("No e-mail address") and "has none on record" in rows[0][6]
    assert "Gail Morrison" in rows[1][6]
    with demo_db.read_session() as s:
        listed = notify.outbox_rows(s, notify.outbox_ids(s, status="no_address"))
        assert {r.id for r in listed} >= {rows[0][0], rows[1][0]}
        assert {r.status_text for r in listed} == {"No address"}
        assert notify.outbox_counts(s).no_address == len(listed)
        with pytest.raises(ConflictError, match="no address"):
            notify.release_message(s, message_id=rows[0][0])


def test_reminders_the_day_before_and_the_weekly_compliance_list_once(demo_db):
    with demo_db.session() as s:
        mail.set_mail_settings(s, host="127.0.0.1", port=2525, security="none", sender="office@police.example.org")
    now = dt.datetime(2026, 11, 24, 15, tzinfo=dt.UTC)  # Tuesday 24 Nov, 10:00 in Connecticut
    # the officers of events starting tomorrow (Wednesday 25 Nov, the school's own date), from the database
    rows = raw_sql(demo_db, "SELECT e.id, e.starts_at, e.timezone, a.officer_id FROM event e "
                            "JOIN assignment a ON a.event_id = e.id WHERE a.active "
                            "AND e.status IN ('approved', 'staffed')")
    expected = {(event_id, officer_id) for event_id, starts, tz, officer_id in rows
                if utc(starts).astimezone(ZoneInfo(tz)).date() == dt.date(2026, 11, 25)}
    assert expected  # the demo has games that evening
    with demo_db.session() as s:
        first = notify.queue_reminders(s, now=now)
    got = outbox(demo_db, "kind = 'reminder_event'")
    assert {(int(k.split(":")[1][1:]), int(k.split(":")[2][1:])) for *_, k in got} == expected
    assert all("Tomorrow:" in r[4] for r in got)
    weekly = outbox(demo_db, "kind = 'reminder_compliance'")
    # the demo has no user accounts: the weekly list goes to the office's own mailbox
    assert [(r[2], r[3]) for r in weekly] == [("office@police.example.org", "pending")]
    assert first.count == len(got) + 1 and first.lines
    # run again the same day, and later that week: nothing new
    with demo_db.session() as s:
        again = notify.queue_reminders(s, now=now + dt.timedelta(hours=3))
        later = notify.queue_reminders(s, now=now + dt.timedelta(days=2))
    assert again.count == 0
    assert len(outbox(demo_db, "kind = 'reminder_compliance'")) == 1
    assert all(n.kind == "reminder_event" for n in later.event_reminders)  # Thursday's game, not Wednesday's again
    assert not later.compliance_reminders
    # next week, a new weekly list
    with demo_db.session() as s:
        notify.queue_reminders(s, now=now + dt.timedelta(days=7))
    assert len(outbox(demo_db, "kind = 'reminder_compliance'")) == 2
    assert len(outbox(demo_db, "kind = 'reminder_event'")) == len(set(r[7] for r in outbox(
        demo_db, "kind = 'reminder_event'")))


def test_the_scheduler_holds_and_releases_a_notice(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    notice_id = outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:o%")[0][0]
    with demo_db.read_session() as s:
        detail = notify.get_notice(s, message_id=notice_id)
    assert detail.row.method == "REQUEST" and "Winter concert" in detail.body
    labels = dict(detail.invitation)
    assert labels["Method"] == "REQUEST" and labels["Sequence"] == "0"
    with demo_db.session() as s:
        notify.hold_message(s, message_id=notice_id)
    assert outbox(demo_db, "id = ?", notice_id)[0][3] == "held"
    with pytest.raises(ConflictError, match="already held"), demo_db.session() as s:
        notify.hold_message(s, message_id=notice_id)
    # a school secretary may not hold or release the police's notices
    with pytest.raises(PermissionDenied), demo_db.session(actor=Actor(1, "secretary", "requester")) as s:
        notify.release_message(s, message_id=notice_id)
    with demo_db.session() as s:
        notify.release_message(s, message_id=notice_id)
    assert outbox(demo_db, "id = ?", notice_id)[0][3] == "pending"


def test_hold_new_notices_for_review(demo_db):
    with demo_db.session() as s:
        mail.set_mail_settings(s, host="smtp.town.example.org", security="starttls",
                               sender="office@police.example.org", hold_new=True)
    event_id = new_event(demo_db)
    with demo_db.session() as s:
        events.approve_event(s, event_id=event_id)
    assert [r[3] for r in outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:%")] == ["held"]


def test_a_secretary_cancelling_her_event_still_tells_the_officers(demo_db):
    event_id = new_event(demo_db, status="approved")
    officer_id = free_officer(demo_db, event_id)
    with demo_db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    with demo_db.session(actor=Actor(1, "secretary", "requester")) as s:
        events.cancel_event(s, event_id=event_id)
    kinds = [r[1] for r in outbox(demo_db, "dedupe_key LIKE ?", f"inv:e{event_id}:%")]
    assert kinds == ["officer_assigned", "officer_removed", "event_cancelled"]


def test_mail_settings_validate_and_keep_no_password(db):
    from sharedsvc_desktop.errors import ValidationError

    with pytest.raises(ValidationError) as err, db.session() as s:
        mail.set_mail_settings(s, host="smtp town", port="99999", security="tls", sender="not an address")
    assert set(err.value.fields) == {"host", "port", "security", "sender"}
    with db.session() as s:
        got = mail.set_mail_settings(s, host="smtp.town.example.org", port="", security="ssl", username="sched",
                                     sender="office@police.example.org", sender_name="Police scheduling")
    assert (got.port, got.security) == (465, "ssl")
    stored = raw_sql(db, "SELECT value FROM setting WHERE key = 'mail.smtp'")[0][0]
    assert "smtp.town.example.org" in str(stored) and "password" not in str(stored).lower()
    with pytest.raises(PermissionDenied), db.session(actor=Actor(1, "sched", "scheduler")) as s:
        mail.set_mail_settings(s, host="evil.example.org", sender="x@example.org")
    with db.read_session() as s:
        assert mail.mail_settings(s).host == "smtp.town.example.org"
