"""Events that schools ask the police to cover: listing, staffing counts and requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.models import Agreement, Assignment, Event, Site
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise
from sharedsvc_desktop.timeutil import local_to_utc, minutes_between, now_utc, utc_to_local


@dataclass(frozen=True)
class EventRow:
    id: int
    title: str
    event_type: str
    event_type_label: str
    site_id: int
    site_name: str
    starts_at: dt.datetime  # aware, UTC
    ends_at: dt.datetime
    timezone: str
    status: str
    officers_requested: int
    officers_assigned: int
    supervisor_required: bool
    expected_attendance: int | None
    requester_name: str
    notes: str

    @property
    def local_start(self) -> dt.datetime:
        return utc_to_local(self.starts_at, self.timezone)

    @property
    def local_end(self) -> dt.datetime:
        return utc_to_local(self.ends_at, self.timezone)

    @property
    def minutes(self) -> int:
        return minutes_between(self.starts_at, self.ends_at)

    @property
    def status_label(self) -> str:
        return EVENT_STATUSES.get(self.status, self.status)

    @property
    def understaffed(self) -> bool:
        return self.status not in ("declined", "cancelled", "completed") and (
            self.officers_assigned < self.officers_requested
        )

    @property
    def when_text(self) -> str:
        start, end = self.local_start, self.local_end
        if start.date() == end.date():
            return f"{start:%a %d %b %Y %H:%M}–{end:%H:%M}"
        return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


def event_ids(
    session: Session,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    site_id: int | None = None,
    statuses: Sequence[str] | None = None,
) -> list[int]:
    """Ids of events that end after ``start`` and begin before ``end`` (UTC), in time order."""
    stmt = select(Event.id)
    if start is not None:
        stmt = stmt.where(Event.ends_at > start)
    if end is not None:
        stmt = stmt.where(Event.starts_at < end)
    if site_id is not None:
        stmt = stmt.where(Event.site_id == site_id)
    if statuses:
        stmt = stmt.where(Event.status.in_(list(statuses)))
    return list(session.scalars(stmt.order_by(Event.starts_at, Event.id)))


def event_rows(session: Session, ids: Sequence[int]) -> list[EventRow]:
    if not ids:
        return []
    labels = category_labels(session, "event_type", active_only=False)
    assigned = dict(
        session.execute(
            select(Assignment.event_id, func.count(func.distinct(Assignment.officer_id)))
            .where(Assignment.event_id.in_(list(ids)), Assignment.active.is_(True))
            .group_by(Assignment.event_id)
        ).all()
    )
    pairs = session.execute(
        select(Event, Site.name).join(Site, Event.site_id == Site.id).where(Event.id.in_(list(ids)))
    ).all()
    by_id = {
        e.id: EventRow(
            id=e.id,
            title=e.title,
            event_type=e.event_type,
            event_type_label=labels.get(e.event_type, e.event_type),
            site_id=e.site_id,
            site_name=site_name,
            starts_at=e.starts_at,
            ends_at=e.ends_at,
            timezone=e.timezone,
            status=e.status,
            officers_requested=e.officers_requested,
            officers_assigned=int(assigned.get(e.id, 0)),
            supervisor_required=e.supervisor_required,
            expected_attendance=e.expected_attendance,
            requester_name=e.requester_name,
            notes=e.notes,
        )
        for e, site_name in pairs
    }
    return [by_id[i] for i in ids if i in by_id]


def upcoming_events(
    session: Session, *, days: int = 14, now: dt.datetime | None = None, include_closed: bool = False
) -> list[EventRow]:
    """Events from now to ``days`` ahead; declined and cancelled ones left out unless asked for."""
    start = now or now_utc()
    statuses = None if include_closed else ["requested", "approved", "staffed"]
    ids = event_ids(session, start=start, end=start + dt.timedelta(days=days), statuses=statuses)
    return event_rows(session, ids)


def list_events(
    session: Session,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    site_id: int | None = None,
) -> list[EventRow]:
    """Events whose local dates fall in [date_from, date_to] (inclusive)."""
    start = dt.datetime.combine(date_from, dt.time(0), dt.UTC) - dt.timedelta(hours=14) if date_from else None
    end = dt.datetime.combine(date_to, dt.time(0), dt.UTC) + dt.timedelta(days=1, hours=14) if date_to else None
    rows = event_rows(session, event_ids(session, start=start, end=end, site_id=site_id))
    return [
        r
        for r in rows
        if (date_from is None or r.local_end.date() >= date_from)
        and (date_to is None or r.local_start.date() <= date_to)
    ]


def request_event(
    session: Session,
    *,
    site_id: int,
    event_type: str,
    title: str,
    local_start: dt.datetime,
    local_end: dt.datetime,
    officers_requested: int = 1,
    supervisor_required: bool = False,
    expected_attendance: int | None = None,
    requester_name: str = "",
    requester_contact: str = "",
    notes: str = "",
    agreement_id: int | None = None,
    status: str = "requested",
) -> EventRow:
    """A school asks for coverage: times are the site's wall-clock times, stored in UTC with the site's zone."""
    site = get_or_raise(session, Site, site_id, "School or site")
    types = category_labels(session, "event_type")
    f = Fields()
    code = f.choice(event_type, "event_type", "Type of event", types)
    clean_title = f.text(title, "title", "Title", max_len=300) or types.get(code, "Event")
    f.choice(status, "status", "Status", EVENT_STATUSES)
    if not site.active:
        f.error("site_id", f"{site.name} is inactive: reactivate it before asking for coverage there.")
    if not 1 <= int(officers_requested) <= 200:
        f.error("officers_requested", "Ask for between 1 and 200 officers.")
    if expected_attendance is not None and not 0 <= int(expected_attendance) <= 1_000_000:
        f.error("expected_attendance", "Expected attendance must be between 0 and 1,000,000.")
    if agreement_id is not None and session.get(Agreement, agreement_id) is None:
        f.error("agreement_id", "The agreement chosen no longer exists.")
    requester = f.text(requester_name, "requester_name", "Requester", max_len=200)
    contact = f.text(requester_contact, "requester_contact", "Contact", max_len=200)
    text = f.text(notes, "notes", "Notes", max_len=4000, multiline=True)
    starts = ends = None
    try:
        starts = local_to_utc(local_start, site.timezone, field="start")
    except ValidationError as exc:
        f.errors.update(exc.fields)
    try:
        ends = local_to_utc(local_end, site.timezone, field="end")
    except ValidationError as exc:
        f.errors.update(exc.fields)
    if starts and ends:
        if ends <= starts:
            f.error("end", "The end must be after the start.")
        elif ends - starts > dt.timedelta(hours=24):
            f.error("end", "An event may last at most 24 hours; make a series for longer coverage.")
    f.check()
    assert starts is not None and ends is not None
    event = Event(
        site_id=site.id,
        agreement_id=agreement_id,
        event_type=code,
        title=clean_title,
        starts_at=starts,
        ends_at=ends,
        timezone=site.timezone,
        expected_attendance=expected_attendance,
        officers_requested=int(officers_requested),
        supervisor_required=bool(supervisor_required),
        requester_name=requester,
        requester_contact=contact,
        notes=text,
        status=status,
    )
    session.add(event)
    session.flush()
    return event_rows(session, [event.id])[0]
