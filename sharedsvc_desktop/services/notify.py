"""Notices by e-mail, written to the outbox in the same transaction as the change that causes them.

Who hears what:

- an officer, when assigned to an event, when the assignment changes (the event moved, overtime approved) and when
  taken off it (or the event is declined or cancelled);
- the requester (the person who asked, or the e-mail address given as the contact), when the request is approved,
  declined, fully staffed, moved or cancelled;
- reminders: an event's officers the day before it; the administrator once a week, the compliance items due.

Every notice about an event carries an iCalendar invitation (iTIP, RFC 5546): ``METHOD:REQUEST`` with one stable
UID per event and recipient and a higher ``SEQUENCE`` on each change, so the recipient's calendar updates the one
entry; ``METHOD:CANCEL`` when it is called off or the officer is taken off. Times are UTC instants (see
``exchange/ics.py``), with the school's wall-clock time in the text.

The outbox row's ``dedupe_key`` is unique: an invitation's notices are ``inv:e<event>:<recipient>:<sequence>``
(the sequence is the number of notices that invitation already had), a reminder's key names the day or week it is
for, so running the reminders again adds nothing. A recipient without an e-mail address still gets a row, failed at
once with "No e-mail address", so the scheduler sees who was not told. ``mail.py`` sends the rows.

Nothing here is a user action of its own except holding and releasing a message: the ``queue_*`` functions are
called by the services that make the change (``events.py``, ``assignments.py``), in their transaction.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE
from sharedsvc_desktop.errors import ConflictError
from sharedsvc_desktop.models import Assignment, Event, Officer, OutboxMessage, Person, Site, UserAccount
from sharedsvc_desktop.services.common import get_or_raise
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import now_utc, utc_to_local

UID_DOMAIN = "sharedsvc-desktop"
NO_ADDRESS = "No e-mail address"

KINDS = {
    "officer_assigned": "Assignment",
    "officer_changed": "Assignment changed",
    "officer_removed": "Assignment cancelled",
    "event_approved": "Request approved",
    "event_declined": "Request declined",
    "event_staffed": "Event staffed",
    "event_changed": "Event changed",
    "event_cancelled": "Event cancelled",
    "reminder_event": "Reminder: tomorrow",
    "reminder_compliance": "Weekly: due and overdue",
    "test": "Test message",
}
STATUS_LABELS = {"pending": "Waiting", "held": "Held", "sent": "Sent", "failed": "Failed", "no_address": "No address"}
#: What a change means for the requester's invitation: (kind, METHOD, iCalendar STATUS).
_REQUESTER_CHANGES = {
    "approved": ("event_approved", "REQUEST", "CONFIRMED"),
    "staffed": ("event_staffed", "REQUEST", "CONFIRMED"),
    "changed": ("event_changed", "REQUEST", "CONFIRMED"),
    "declined": ("event_declined", "CANCEL", "CANCELLED"),
    "cancelled": ("event_cancelled", "CANCEL", "CANCELLED"),
}
_OFFICER_CHANGES = {
    "assigned": ("officer_assigned", "REQUEST", "CONFIRMED"),
    "changed": ("officer_changed", "REQUEST", "CONFIRMED"),
    "removed": ("officer_removed", "CANCEL", "CANCELLED"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
#: The retry bookkeeping kept at the end of ``last_error`` (no column of its own): "[next attempt: ISO]".
_NEXT = re.compile(r"\s*\[next attempt: ([0-9T:+\-.Z ]+)\]\s*$")


# ----------------------------------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class NoticeRow:
    """One outbox message as the outbox view lists it."""

    id: int
    created_at: dt.datetime
    kind: str
    to_address: str
    subject: str
    status: str  # pending, held, sent, failed
    attempts: int
    answer: str  # the server's last answer (or why it was not sent)
    next_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None
    method: str  # REQUEST, CANCEL or "" (no invitation)

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def no_address(self) -> bool:
        return not self.to_address

    @property
    def status_key(self) -> str:
        return "no_address" if self.no_address else self.status

    @property
    def status_text(self) -> str:
        if self.no_address:
            return "No address"
        if self.status == "pending" and self.attempts:
            return f"Waiting (tried {self.attempts}×)"
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def invitation_text(self) -> str:
        return {"REQUEST": "Invitation", "CANCEL": "Cancellation"}.get(self.method, "")


@dataclass(frozen=True)
class NoticeDetail:
    """A message in full, for the preview: what will be sent and what its invitation says."""

    row: NoticeRow
    body: str
    ics: str | None
    dedupe_key: str
    invitation: tuple[tuple[str, str], ...]  # (label, value) read back from the invitation


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    held: int
    sent: int
    failed: int
    no_address: int

    @property
    def text(self) -> str:
        parts = [f"{self.pending} waiting", f"{self.held} held", f"{self.sent} sent", f"{self.failed} failed"]
        if self.no_address:
            parts.append(f"{self.no_address} without an address")
        return " · ".join(parts)


def split_error(last_error: str) -> tuple[str, dt.datetime | None]:
    """``last_error`` as (the server's answer, the time of the next attempt or None)."""
    text = last_error or ""
    m = _NEXT.search(text)
    if not m:
        return text.strip(), None
    try:
        when = dt.datetime.fromisoformat(m.group(1).strip().replace("Z", "+00:00"))
    except ValueError:
        return text.strip(), None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return text[: m.start()].strip(), when


def join_error(answer: str, next_attempt_at: dt.datetime | None) -> str:
    answer = (answer or "").strip()
    if next_attempt_at is None:
        return answer
    stamp = next_attempt_at.astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return f"{answer}\n[next attempt: {stamp}]".strip()


def _method(ics: str | None) -> str:
    if not ics:
        return ""
    m = re.search(r"^METHOD:(\w+)", ics, re.MULTILINE)
    return m.group(1).upper() if m else ""


def _row(m: OutboxMessage) -> NoticeRow:
    answer, next_at = split_error(m.last_error)
    return NoticeRow(
        id=m.id, created_at=m.created_at, kind=m.kind, to_address=m.to_address, subject=m.subject,
        status=m.status, attempts=m.attempts, answer=answer, next_attempt_at=next_at, sent_at=m.sent_at,
        method=_method(m.ics),
    )


def outbox_ids(session: Session, *, status: str | None = None, search: str = "") -> list[int]:
    """Messages, newest first; ``status`` is pending, held, sent, failed or no_address (None: all)."""
    stmt = select(OutboxMessage.id)
    if status == "no_address":
        stmt = stmt.where(OutboxMessage.to_address == "")
    elif status == "failed":
        stmt = stmt.where(OutboxMessage.status == "failed", OutboxMessage.to_address != "")
    elif status:
        stmt = stmt.where(OutboxMessage.status == status)
    term = search.strip()
    if term:
        like = f"%{term}%"
        stmt = stmt.where(or_(OutboxMessage.subject.ilike(like), OutboxMessage.to_address.ilike(like)))
    return list(session.scalars(stmt.order_by(OutboxMessage.id.desc())))


def outbox_rows(session: Session, ids: Sequence[int]) -> list[NoticeRow]:
    if not ids:
        return []
    by_id = {m.id: _row(m) for m in session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(list(ids))))}
    return [by_id[i] for i in ids if i in by_id]


def outbox_counts(session: Session) -> OutboxCounts:
    counts = dict.fromkeys(("pending", "held", "sent", "failed"), 0)
    for status, n in session.execute(
        select(OutboxMessage.status, func.count()).where(OutboxMessage.to_address != "").group_by(OutboxMessage.status)
    ):
        counts[status] = n
    no_address = session.scalar(select(func.count()).where(OutboxMessage.to_address == "")) or 0
    return OutboxCounts(no_address=no_address, **counts)


def get_notice(session: Session, *, message_id: int) -> NoticeDetail:
    """One message in full, with its invitation read back (for the preview)."""
    m = get_or_raise(session, OutboxMessage, message_id, "Message")
    return NoticeDetail(row=_row(m), body=m.body, ics=m.ics, dedupe_key=m.dedupe_key,
                        invitation=invitation_summary(m.ics))


def invitation_summary(ics: str | None) -> tuple[tuple[str, str], ...]:
    """What an invitation says, in words: method, event, when (UTC and the school's time), UID, sequence."""
    if not ics:
        return ()
    from icalendar import Calendar

    try:
        cal = Calendar.from_ical(ics)
    except ValueError as exc:
        return (("Invitation", f"unreadable ({exc})"),)
    lines: list[tuple[str, str]] = [("Method", str(cal.get("method", "")))]
    for ev in cal.walk("VEVENT"):
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        lines += [
            ("Event", str(ev.get("summary", ""))),
            ("Starts", f"{start:%a %d %b %Y %H:%M} UTC"),
            ("Ends", f"{end:%a %d %b %Y %H:%M} UTC"),
            ("Where", str(ev.get("location", ""))),
            ("Status", str(ev.get("status", ""))),
            ("UID", str(ev.get("uid", ""))),
            ("Sequence", str(ev.get("sequence", 0))),
        ]
    return tuple(lines)


# ----------------------------------------------------------------------------------------------- queueing


def _settings(session: Session):  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.services.mail import mail_settings

    return mail_settings(session)


def queue_message(
    session: Session,
    *,
    dedupe_key: str,
    kind: str,
    to_address: str,
    subject: str,
    body: str,
    ics: str | None = None,
    missing: str = "",
    hold: bool | None = None,
) -> NoticeRow:
    """Add a message to the outbox (in the caller's transaction), or return the one with that key already there.

    An empty ``to_address`` is recorded as failed with "No e-mail address" (``missing`` says whose), never sent.
    ``hold`` (default: the mail setting "hold new notices for review") keeps it back until the scheduler releases it.
    """
    existing = session.scalar(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key))
    if existing is not None:
        return _row(existing)
    address = (to_address or "").strip()
    if address and not _EMAIL.match(address):
        missing = missing or f"“{address}” is not an e-mail address"
        address = ""
    if hold is None:
        hold = _settings(session).hold_new
    if not address:
        status, error = "failed", f"{NO_ADDRESS}: {missing}." if missing else f"{NO_ADDRESS}."
    else:
        status, error = ("held" if hold else "pending"), ""
    m = OutboxMessage(
        dedupe_key=dedupe_key[:200], kind=kind, to_address=address[:300], subject=_one_line(subject)[:300],
        body=body, ics=ics, status=status, attempts=0, last_error=error,
    )
    session.add(m)
    session.flush()
    return _row(m)


def _one_line(text: str) -> str:
    return re.sub(r"[\r\n\t]+", " ", text).strip()


@dataclass(frozen=True)
class _Recipient:
    key: str  # "o<officer id>" or "req": part of the invitation's UID
    name: str
    address: str
    missing: str  # why there is no address, for the outbox view


def _officer_recipient(officer: Officer) -> _Recipient:
    name = f"{officer.rank} {officer.person.full_name}".strip()
    address = (officer.person.email or "").strip()
    return _Recipient(f"o{officer.id}", name, address,
                      "" if address else f"{officer.person.full_name} ({officer.badge_number}) has none on record")


def _requester(session: Session, event: Event) -> _Recipient:
    name, address = event.requester_name, ""
    if event.requester_id is not None:
        person = session.get(Person, event.requester_id)
        if person is not None:
            name = name or person.full_name
            address = (person.email or "").strip()
    contact = (event.requester_contact or "").strip()
    if not address and _EMAIL.match(contact):
        address = contact
    who = f"the requester {name}" if name else "the request names no requester"
    return _Recipient("req", name, address, "" if address else (f"{who} has none on record" if name else who))


def uid_for(event_id: int, recipient_key: str) -> str:
    return f"event-{event_id}-{recipient_key}@{UID_DOMAIN}"


def _next_sequence(session: Session, prefix: str) -> int:
    return session.scalar(
        select(func.count()).where(OutboxMessage.dedupe_key.like(prefix + "%"))
    ) or 0


def _when(starts_at: dt.datetime, ends_at: dt.datetime, tz_name: str) -> str:
    from sharedsvc_desktop.exchange.ics import when_text

    return f"{when_text(starts_at, ends_at, tz_name)} ({tz_name.split('/')[-1].replace('_', ' ')} time)"


def _location(site: Site) -> str:
    return ", ".join(p for p in (site.name, _one_line(site.address or "")) if p)


def build_invitation(
    *,
    method: str,
    uid: str,
    sequence: int,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    summary: str,
    location: str,
    description: str,
    status: str,
    organizer: str,
    organizer_name: str,
    attendee: str,
    attendee_name: str,
    stamp: dt.datetime,
) -> str:
    """An iTIP message (RFC 5546) with one VEVENT: METHOD REQUEST or CANCEL, UTC times."""
    from icalendar import Calendar, vCalAddress, vText
    from icalendar import Event as IcsEvent

    from sharedsvc_desktop import __version__

    cal = Calendar()
    cal.add("prodid", f"-//{APP_TITLE}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    ev = IcsEvent()
    ev.add("uid", uid)
    ev.add("sequence", sequence)
    ev.add("dtstamp", stamp.astimezone(dt.UTC).replace(microsecond=0))
    ev.add("dtstart", starts_at.astimezone(dt.UTC))
    ev.add("dtend", ends_at.astimezone(dt.UTC))
    ev.add("summary", summary)
    if location:
        ev.add("location", location)
    ev.add("description", description)
    ev.add("status", status)
    org = vCalAddress(f"mailto:{organizer}")
    org.params["cn"] = vText(organizer_name)
    ev.add("organizer", org, encode=0)
    att = vCalAddress(f"mailto:{attendee}")
    att.params["cn"] = vText(attendee_name)
    att.params["role"] = vText("REQ-PARTICIPANT")
    att.params["rsvp"] = vText("FALSE")
    ev.add("attendee", att, encode=0)
    cal.add_component(ev)
    return cal.to_ical().decode("utf-8")


def _invitation_notice(
    session: Session,
    *,
    event: Event,
    recipient: _Recipient,
    kind: str,
    method: str,
    ics_status: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    subject: str,
    body: str,
    stamp: dt.datetime,
) -> NoticeRow:
    # the invitation's description: the body without the greeting and the signature
    description = body.split("\n\n", 1)[-1].split("\n\n—\n", 1)[0]
    prefix = f"inv:e{event.id}:{recipient.key}:"
    sequence = _next_sequence(session, prefix)
    ics = None
    if recipient.address:
        settings = _settings(session)
        ics = build_invitation(
            method=method, uid=uid_for(event.id, recipient.key), sequence=sequence, starts_at=starts_at,
            ends_at=ends_at, summary=f"{event.title} ({event.site.name})", location=_location(event.site),
            description=description, status=ics_status, organizer=settings.sender or f"scheduler@{UID_DOMAIN}.invalid",
            organizer_name=settings.sender_name or APP_TITLE, attendee=recipient.address,
            attendee_name=recipient.name, stamp=stamp,
        )
    return queue_message(
        session, dedupe_key=f"{prefix}{sequence}", kind=kind, to_address=recipient.address, subject=subject,
        body=body, ics=ics, missing=recipient.missing,
    )


def _signature() -> str:
    return f"\n\n—\nSent by {APP_TITLE}. The attached invitation keeps your calendar up to date."


def queue_assignment_notice(
    session: Session, *, assignment_id: int, change: str, reason: str = "", now: dt.datetime | None = None
) -> NoticeRow:
    """Tell the officer of an assignment: ``change`` is assigned, changed or removed (CANCEL)."""
    kind, method, ics_status = _OFFICER_CHANGES[change]
    a = get_or_raise(session, Assignment, assignment_id, "Assignment")
    event, officer = a.event, a.officer
    who = _officer_recipient(officer)
    when = _when(a.starts_at, a.ends_at, event.timezone)
    role = "supervisor" if a.is_supervisor else "officer"
    if a.is_overtime:
        role += ", overtime" + (" (approved)" if a.overtime_approved_at else " (waiting for a supervisor's approval)")
    if change == "assigned":
        subject = f"Assignment: {event.title}, {when} at {event.site.name}"
        lead = f"You are assigned to “{event.title}” at {event.site.name}."
    elif change == "changed":
        subject = f"Changed: {event.title}, {when} at {event.site.name}"
        lead = f"Your assignment to “{event.title}” at {event.site.name} has changed."
    else:
        subject = f"Cancelled: {event.title}, {when} at {event.site.name}"
        lead = f"You are no longer needed for “{event.title}” at {event.site.name}."
    lines = [f"{who.name},", "", lead]
    if reason:
        lines += ["", reason]
    lines += ["", f"When: {when}", f"Where: {_location(event.site)}", f"As: {role}"]
    if change != "removed":
        lines.append(f"Officers requested: {event.officers_requested}"
                     + (" (a supervisor required)" if event.supervisor_required else ""))
    body = "\n".join(lines) + _signature()
    return _invitation_notice(
        session, event=event, recipient=who, kind=kind, method=method, ics_status=ics_status,
        starts_at=a.starts_at, ends_at=a.ends_at, subject=subject, body=body, stamp=now or now_utc(),
    )


def queue_event_notice(
    session: Session, *, event_id: int, change: str, reason: str = "", now: dt.datetime | None = None
) -> NoticeRow:
    """Tell the requester: ``change`` is approved, staffed, changed (REQUEST), declined or cancelled (CANCEL)."""
    kind, method, ics_status = _REQUESTER_CHANGES[change]
    event = get_or_raise(session, Event, event_id, "Event")
    from sharedsvc_desktop.services.events import event_rows

    row = event_rows(session, [event.id])[0]
    who = _requester(session, event)
    when = _when(event.starts_at, event.ends_at, event.timezone)
    title = f"{event.title}, {when} at {event.site.name}"
    staffing = f"Officers: {row.officers_assigned} of {row.officers_requested} assigned"
    if change == "approved":
        subject = f"Approved: {title}"
        lead = "Your request for police coverage is approved." + (
            " The officers are assigned." if event.status == "staffed" else
            " You will hear again when the officers are assigned.")
    elif change == "staffed":
        subject = f"Staffed: {title}"
        lead = "All the officers you asked for are assigned."
    elif change == "changed":
        subject = f"Changed: {title}"
        lead = "The event has changed; your calendar entry is updated."
    elif change == "declined":
        subject = f"Declined: {title}"
        lead = "Your request for police coverage was declined."
        reason = reason or event.decline_reason
        staffing = ""
    else:
        subject = f"Cancelled: {title}"
        lead = "The event is cancelled; the officers are released."
        staffing = ""
    name = who.name or "Hello"
    lines = [f"{name},", "", lead]
    if reason:
        lines += ["", f"Reason: {reason}"]
    lines += ["", f"Event: “{event.title}” ({row.event_type_label})", f"When: {when}",
              f"Where: {_location(event.site)}"]
    if staffing:
        lines.append(staffing + (" (a supervisor required)" if event.supervisor_required else ""))
    body = "\n".join(lines) + _signature()
    return _invitation_notice(
        session, event=event, recipient=who, kind=kind, method=method, ics_status=ics_status,
        starts_at=event.starts_at, ends_at=event.ends_at, subject=subject, body=body, stamp=now or now_utc(),
    )


def queue_status_notices(
    session: Session, *, event_id: int, old_status: str, reason: str = "", now: dt.datetime | None = None
) -> list[NoticeRow]:
    """The requester's notice for a status change, if it is one they hear about (approved, staffed, declined,
    cancelled; going back from Staffed to Approved is the scheduler's business)."""
    event = get_or_raise(session, Event, event_id, "Event")
    new = event.status
    if new == old_status:
        return []
    change = None
    if new in ("approved", "staffed") and old_status in ("requested", "declined"):
        change = "approved"
    elif new == "staffed" and old_status == "approved":
        change = "staffed"
    elif new in ("declined", "cancelled"):
        change = new
    if change is None:
        return []
    return [queue_event_notice(session, event_id=event_id, change=change, reason=reason, now=now)]


def queue_removed_notices(
    session: Session, *, assignment_ids: Sequence[int], reason: str, now: dt.datetime | None = None
) -> list[NoticeRow]:
    """Cancellations for officers released from an event (declined, cancelled)."""
    return [queue_assignment_notice(session, assignment_id=i, change="removed", reason=reason, now=now)
            for i in assignment_ids]


def queue_event_changed_notices(
    session: Session, *, event_id: int, now: dt.datetime | None = None
) -> list[NoticeRow]:
    """After an event moved (time, place, title): an update to each officer on it, and to the requester once
    the request was approved (they have an invitation to update)."""
    event = get_or_raise(session, Event, event_id, "Event")
    notices = [
        queue_assignment_notice(session, assignment_id=a.id, change="changed", now=now,
                                reason="The event has changed; your calendar entry is updated.")
        for a in sorted(event.assignments, key=lambda a: a.id) if a.active
    ]
    if event.status in ("approved", "staffed"):
        notices.append(queue_event_notice(session, event_id=event_id, change="changed", now=now))
    return notices


# ----------------------------------------------------------------------------------------------- reminders


@dataclass(frozen=True)
class ReminderResult:
    """What one run of the reminders added (nothing when run again): for the tray's desktop notification."""

    event_reminders: tuple[NoticeRow, ...]
    compliance_reminders: tuple[NoticeRow, ...]
    lines: tuple[str, ...]  # one line per event tomorrow / the compliance count, for the desktop

    @property
    def count(self) -> int:
        return len(self.event_reminders) + len(self.compliance_reminders)


def _admin_recipients(session: Session) -> list[_Recipient]:
    people = session.execute(
        select(UserAccount.id, UserAccount.username, Person)
        .outerjoin(Person, UserAccount.person_id == Person.id)
        .where(UserAccount.role == "administrator", UserAccount.active.is_(True))
        .order_by(UserAccount.id)
    ).all()
    out = [
        _Recipient(f"u{uid}", person.full_name if person else username, (person.email or "").strip() if person else "",
                   "" if person is not None and person.email else f"the administrator {username} has none on record")
        for uid, username, person in people
    ]
    with_address = [r for r in out if r.address]
    if with_address:
        return with_address
    sender = _settings(session).sender
    if sender:  # no administrator with an address: the office's own mailbox
        return [_Recipient("office", "Office", sender, "")]
    return out[:1] or [_Recipient("office", "Administrator", "", "no administrator has an e-mail address and no "
                                                                 "sender address is set")]


@requires("view")
def queue_reminders(session: Session, *, now: dt.datetime | None = None) -> ReminderResult:
    """Reminders due at ``now``; idempotent (each has a dedupe key for its day or week).

    - each officer on an event that starts tomorrow (the school's local date), the day before;
    - the compliance items due or overdue (``compliance_items``), to the administrator, once per ISO week.

    Any open window (and ``sharedsvc outbox send``) runs it, so it needs no more than the right to look.
    """
    from sharedsvc_desktop.services.compliance import compliance_items
    from sharedsvc_desktop.services.events import event_ids

    now = (now or now_utc()).astimezone(dt.UTC)
    events_out: list[NoticeRow] = []
    lines: list[str] = []
    ids = event_ids(session, start=now, end=now + dt.timedelta(days=2, hours=14), statuses=["approved", "staffed"])
    for event in session.scalars(select(Event).where(Event.id.in_(ids)).order_by(Event.starts_at, Event.id)):
        today = utc_to_local(now, event.timezone).date()
        day = utc_to_local(event.starts_at, event.timezone).date()
        if day != today + dt.timedelta(days=1):
            continue
        on_it = sorted((a for a in event.assignments if a.active), key=lambda a: a.id)
        new_here = 0
        for a in on_it:
            key = f"rem:e{event.id}:o{a.officer_id}:{day.isoformat()}"
            if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)) is not None:
                continue
            who = _officer_recipient(a.officer)
            when = _when(a.starts_at, a.ends_at, event.timezone)
            body = "\n".join([
                f"{who.name},", "", f"A reminder: tomorrow you work “{event.title}” at {event.site.name}.", "",
                f"When: {when}", f"Where: {_location(event.site)}",
                "As: " + ("supervisor" if a.is_supervisor else "officer"),
            ]) + f"\n\n—\nSent by {APP_TITLE}."
            events_out.append(queue_message(
                session, dedupe_key=key, kind="reminder_event", to_address=who.address,
                subject=f"Tomorrow: {event.title}, {when} at {event.site.name}", body=body, missing=who.missing,
            ))
            new_here += 1
        if new_here:
            local = utc_to_local(event.starts_at, event.timezone)
            lines.append(f"Tomorrow {local:%H:%M}: {event.title} at {event.site.name} "
                         f"({len(on_it)} officer{'s' if len(on_it) != 1 else ''} reminded)")

    compliance_out: list[NoticeRow] = []
    today = now.date()
    items = compliance_items(session, today=today)
    if items:
        year, week, _ = today.isocalendar()
        overdue = sum(1 for i in items if i.overdue)
        body_lines = [f"What is due for the shared-services agreement, week {week} of {year}:", ""]
        body_lines += [f"- {i.text} ({i.kind_label})" + (f": {i.detail}" if i.detail else "") for i in items]
        body = "\n".join(body_lines) + f"\n\n—\nSent by {APP_TITLE} every week while something is due."
        subject = f"Due and overdue: {len(items)} item{'s' if len(items) != 1 else ''}" + (
            f", {overdue} overdue" if overdue else "")
        for who in _admin_recipients(session):
            key = f"rem:compliance:{who.key}:{year}-W{week:02d}"
            if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)) is not None:
                continue
            compliance_out.append(queue_message(
                session, dedupe_key=key, kind="reminder_compliance", to_address=who.address, subject=subject,
                body=f"{who.name},\n\n{body}", missing=who.missing,
            ))
        if compliance_out:
            lines.append(subject + ".")
    return ReminderResult(tuple(events_out), tuple(compliance_out), tuple(lines))


# ------------------------------------------------------------------------------------------ the scheduler's say


@requires("schedule_events")
def hold_message(session: Session, *, message_id: int) -> NoticeRow:
    """Keep a waiting message back (it is not sent until released)."""
    m = get_or_raise(session, OutboxMessage, message_id, "Message")
    if m.status == "held":
        raise ConflictError("That message is already held.")
    if m.status != "pending":
        raise ConflictError(f"That message is {STATUS_LABELS[_row(m).status_key].lower()}; "
                            "only a waiting message can be held back.")
    m.status = "held"
    session.flush()
    return _row(m)


@requires("schedule_events")
def release_message(session: Session, *, message_id: int) -> NoticeRow:
    """Let a held message go (or try a failed one again from scratch): it waits for the next sending."""
    m = get_or_raise(session, OutboxMessage, message_id, "Message")
    if not m.to_address:
        raise ConflictError("That message has no address to go to; add the person's e-mail address, and the next "
                            "notice will reach them.")
    if m.status not in ("held", "failed"):
        raise ConflictError(f"That message is {STATUS_LABELS[m.status].lower()}; only a held or failed message can "
                            "be released.")
    m.status = "pending"
    if m.attempts:
        m.attempts = 0
        answer, _ = split_error(m.last_error)
        m.last_error = answer
    session.flush()
    return _row(m)
