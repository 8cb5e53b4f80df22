"""Events that schools ask the police to cover: listing, staffing counts and requests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementSite,
    AgreementVersion,
    Assignment,
    Event,
    Site,
)
from sharedsvc_desktop.services import notify
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise
from sharedsvc_desktop.services.permissions import requires
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
    # added with scheduling (defaults keep older callers working)
    series_id: int | None = None
    agreement_id: int | None = None
    requester_contact: str = ""
    decline_reason: str = ""
    cancelled_at: dt.datetime | None = None
    requested_at: dt.datetime | None = None
    officers_confirmed: int | None = None  # assigned, overtime approved where needed (None: same as assigned)
    supervisor_assigned: bool = False
    overtime_pending: int = 0

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
    def confirmed(self) -> int:
        """Officers who count toward staffing: assigned, with any overtime approved."""
        return self.officers_assigned if self.officers_confirmed is None else self.officers_confirmed

    @property
    def supervisor_missing(self) -> bool:
        return self.supervisor_required and not self.supervisor_assigned

    @property
    def understaffed(self) -> bool:
        """Still open and not enough confirmed officers (or no supervisor where one is required)."""
        if self.status in ("declined", "cancelled", "completed"):
            return False
        if self.officers_confirmed is None:  # a row built without the staffing details
            return self.officers_assigned < self.officers_requested
        return self.confirmed < self.officers_requested or self.supervisor_missing

    @property
    def staffing_text(self) -> str:
        text = f"{self.officers_assigned} of {self.officers_requested}"
        extra = []
        if self.overtime_pending:
            extra.append(f"{self.overtime_pending} overtime to approve")
        if self.supervisor_missing:
            extra.append("no supervisor")
        return f"{text} ({', '.join(extra)})" if extra else text

    @property
    def when_text(self) -> str:
        start, end = self.local_start, self.local_end
        if start.date() == end.date():
            return f"{start:%a %d %b %Y %H:%M}–{end:%H:%M}"
        return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


OPEN_STATUSES = ("requested", "approved", "staffed")
#: Statuses whose assignments still hold the officer's time (a cancelled or declined event frees it).
HOLDING_STATUSES = ("requested", "approved", "staffed", "completed")


def event_ids(
    session: Session,
    *,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    site_id: int | None = None,
    statuses: Sequence[str] | None = None,
    search: str = "",
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
    term = search.strip()
    if term:
        stmt = stmt.where(Event.title.ilike(f"%{term}%") | Event.requester_name.ilike(f"%{term}%"))
    return list(session.scalars(stmt.order_by(Event.starts_at, Event.id)))


def waiting_for_approval_ids(session: Session, *, now: dt.datetime | None = None) -> list[int]:
    """Requests the scheduler has not answered yet (and that have not ended), soonest first."""
    return event_ids(session, start=now or now_utc(), statuses=["requested"])


def event_rows(session: Session, ids: Sequence[int]) -> list[EventRow]:
    if not ids:
        return []
    labels = category_labels(session, "event_type", active_only=False)
    staffing: dict[int, dict[str, object]] = {}
    for event_id, officer_id, is_supervisor, is_overtime, approved_at in session.execute(
        select(
            Assignment.event_id,
            Assignment.officer_id,
            Assignment.is_supervisor,
            Assignment.is_overtime,
            Assignment.overtime_approved_at,
        ).where(Assignment.event_id.in_(list(ids)), Assignment.active.is_(True))
    ):
        info = staffing.setdefault(event_id, {"all": set(), "ok": set(), "sup": False, "pending": set()})
        info["all"].add(officer_id)  # type: ignore[attr-defined]
        confirmed = not is_overtime or approved_at is not None
        if confirmed:
            info["ok"].add(officer_id)  # type: ignore[attr-defined]
            if is_supervisor:
                info["sup"] = True
        else:
            info["pending"].add(officer_id)  # type: ignore[attr-defined]
    pairs = session.execute(
        select(Event, Site.name).join(Site, Event.site_id == Site.id).where(Event.id.in_(list(ids)))
    ).all()
    empty: dict[str, object] = {"all": set(), "ok": set(), "sup": False, "pending": set()}
    by_id = {}
    for e, site_name in pairs:
        info = staffing.get(e.id, empty)
        by_id[e.id] = EventRow(
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
            officers_assigned=len(info["all"]),  # type: ignore[arg-type]
            supervisor_required=e.supervisor_required,
            expected_attendance=e.expected_attendance,
            requester_name=e.requester_name,
            notes=e.notes,
            series_id=e.series_id,
            agreement_id=e.agreement_id,
            requester_contact=e.requester_contact,
            decline_reason=e.decline_reason,
            cancelled_at=e.cancelled_at,
            requested_at=e.requested_at,
            officers_confirmed=len(info["ok"]),  # type: ignore[arg-type]
            supervisor_assigned=bool(info["sup"]),
            overtime_pending=len(info["pending"]),  # type: ignore[arg-type]
        )
    return [by_id[i] for i in ids if i in by_id]


def get_event(session: Session, *, event_id: int) -> EventRow:
    get_or_raise(session, Event, event_id, "Event")
    return event_rows(session, [event_id])[0]


def upcoming_events(
    session: Session, *, days: int = 14, now: dt.datetime | None = None, include_closed: bool = False
) -> list[EventRow]:
    """Events from now to ``days`` ahead; declined and cancelled ones left out unless asked for."""
    start = now or now_utc()
    statuses = None if include_closed else list(OPEN_STATUSES)
    ids = event_ids(session, start=start, end=start + dt.timedelta(days=days), statuses=statuses)
    return event_rows(session, ids)


def understaffed_events(session: Session, *, days: int = 14, now: dt.datetime | None = None) -> list[EventRow]:
    """Open events in the next ``days`` days that do not have enough confirmed officers yet."""
    return [r for r in upcoming_events(session, days=days, now=now) if r.understaffed]


def local_range(date_from: dt.date | None, date_to: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """A UTC range wide enough to hold every event whose local dates fall in [date_from, date_to]."""
    start = dt.datetime.combine(date_from, dt.time(0), dt.UTC) - dt.timedelta(hours=14) if date_from else None
    end = dt.datetime.combine(date_to, dt.time(0), dt.UTC) + dt.timedelta(days=1, hours=14) if date_to else None
    return start, end


def list_events(
    session: Session,
    *,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    site_id: int | None = None,
    statuses: Sequence[str] | None = None,
) -> list[EventRow]:
    """Events whose local dates fall in [date_from, date_to] (inclusive)."""
    start, end = local_range(date_from, date_to)
    rows = event_rows(session, event_ids(session, start=start, end=end, site_id=site_id, statuses=statuses))
    return [
        r
        for r in rows
        if (date_from is None or r.local_end.date() >= date_from)
        and (date_to is None or r.local_start.date() <= date_to)
    ]


# -------------------------------------------------------------------------------------------- choices for forms


@dataclass(frozen=True)
class Choice:
    value: object
    label: str


def event_type_choices(session: Session) -> list[Choice]:
    return [Choice(code, label) for code, label in category_labels(session, "event_type").items()]


def agreement_choices(session: Session, *, site_id: int | None = None) -> list[Choice]:
    """Active agreements, those covering ``site_id`` first (an event may also fall under none)."""
    covering: set[int] = set()
    if site_id is not None:
        covering = set(
            session.scalars(
                select(AgreementVersion.agreement_id)
                .join(AgreementSite, AgreementSite.version_id == AgreementVersion.id)
                .where(AgreementSite.site_id == site_id)
            )
        )
    agreements = list(session.scalars(select(Agreement).where(Agreement.active.is_(True)).order_by(Agreement.number)))
    agreements.sort(key=lambda a: (a.id not in covering, a.number))
    return [Choice(a.id, f"{a.number}: {a.title}") for a in agreements]


def default_agreement_id(session: Session, *, site_id: int) -> int | None:
    """The agreement an event at ``site_id`` most likely falls under (the first covering it)."""
    for choice in agreement_choices(session, site_id=site_id):
        covering = session.scalar(
            select(func.count())
            .select_from(AgreementSite)
            .join(AgreementVersion, AgreementSite.version_id == AgreementVersion.id)
            .where(AgreementSite.site_id == site_id, AgreementVersion.agreement_id == choice.value)
        )
        if covering:
            return int(choice.value)  # type: ignore[call-overload]
    return None


# ------------------------------------------------------------------------------------------------ validation


def validate_event_fields(
    session: Session,
    f: Fields,
    *,
    site_id: int,
    event_type: str,
    title: str,
    officers_requested: int,
    expected_attendance: int | None,
    requester_name: str,
    requester_contact: str,
    notes: str,
    agreement_id: int | None,
) -> dict[str, object]:
    """Check the fields every event has (not its times); errors go into ``f``."""
    site = session.get(Site, site_id) if site_id is not None else None
    if site is None:
        f.error("site_id", "Choose the school or site.")
    types = category_labels(session, "event_type")
    code = f.choice(event_type, "event_type", "Type of event", types)
    clean_title = f.text(title, "title", "Title", max_len=300) or types.get(code, "Event")
    if site is not None and not site.active:
        f.error("site_id", f"{site.name} is inactive: reactivate it before asking for coverage there.")
    try:
        wanted = int(officers_requested)
    except (TypeError, ValueError):
        wanted = 0
    if not 1 <= wanted <= 200:
        f.error("officers_requested", "Ask for between 1 and 200 officers.")
    attendance = None
    if expected_attendance not in (None, ""):
        try:
            attendance = int(expected_attendance)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            attendance = -1
        if not 0 <= attendance <= 1_000_000:
            f.error("expected_attendance", "Expected attendance must be between 0 and 1,000,000.")
    if agreement_id is not None and session.get(Agreement, agreement_id) is None:
        f.error("agreement_id", "The agreement chosen no longer exists.")
    return {
        "site": site,
        "event_type": code,
        "title": clean_title,
        "officers_requested": wanted,
        "expected_attendance": attendance,
        "requester_name": f.text(requester_name, "requester_name", "Requester", max_len=200),
        "requester_contact": f.text(requester_contact, "requester_contact", "Contact", max_len=200),
        "notes": f.text(notes, "notes", "Notes", max_len=4000, multiline=True),
        "agreement_id": agreement_id,
    }


def validate_times(
    f: Fields, local_start: dt.datetime, local_end: dt.datetime, tz_name: str
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Local wall-clock start and end at a site, as UTC; errors (skipped/repeated hour, order) go into ``f``."""
    starts = ends = None
    try:
        starts = local_to_utc(local_start, tz_name, field="start")
    except ValidationError as exc:
        f.errors.update(exc.fields)
    try:
        ends = local_to_utc(local_end, tz_name, field="end")
    except ValidationError as exc:
        f.errors.update(exc.fields)
    if starts and ends:
        if ends <= starts:
            f.error("end", "The end must be after the start.")
        elif ends - starts > dt.timedelta(hours=24):
            f.error("end", "An event may last at most 24 hours; make a series for longer coverage.")
    return starts, ends


@requires("request_events")
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
    get_or_raise(session, Site, site_id, "School or site")
    f = Fields()
    v = validate_event_fields(
        session, f, site_id=site_id, event_type=event_type, title=title, officers_requested=officers_requested,
        expected_attendance=expected_attendance, requester_name=requester_name,
        requester_contact=requester_contact, notes=notes, agreement_id=agreement_id,
    )
    f.choice(status, "status", "Status", EVENT_STATUSES)
    site: Site = v["site"]  # type: ignore[assignment]
    starts, ends = validate_times(f, local_start, local_end, site.timezone)
    f.check()
    assert starts is not None and ends is not None
    event = Event(
        site_id=site.id,
        agreement_id=v["agreement_id"],
        event_type=v["event_type"],
        title=v["title"],
        starts_at=starts,
        ends_at=ends,
        timezone=site.timezone,
        expected_attendance=v["expected_attendance"],
        officers_requested=v["officers_requested"],
        supervisor_required=bool(supervisor_required),
        requester_name=v["requester_name"],
        requester_contact=v["requester_contact"],
        notes=v["notes"],
        status=status,
        cancelled_at=now_utc() if status == "cancelled" else None,
    )
    session.add(event)
    session.flush()
    return event_rows(session, [event.id])[0]


@requires("request_events")
def update_event(
    session: Session,
    *,
    event_id: int,
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
) -> EventRow:
    """Edit one event (one occurrence of a series too, on its own).

    Officers assigned for the whole event move with it; an assignment that would now clash is refused with the
    conflict named (unassign the officer first).
    """
    event = get_or_raise(session, Event, event_id, "Event")
    if event.status in ("cancelled", "declined", "completed"):
        raise ConflictError(
            f"“{event.title}” is {EVENT_STATUSES[event.status].lower()} and can no longer be changed."
        )
    f = Fields()
    v = validate_event_fields(
        session, f, site_id=site_id, event_type=event_type, title=title, officers_requested=officers_requested,
        expected_attendance=expected_attendance, requester_name=requester_name,
        requester_contact=requester_contact, notes=notes, agreement_id=agreement_id,
    )
    site: Site | None = v["site"]  # type: ignore[assignment]
    starts, ends = validate_times(f, local_start, local_end, site.timezone if site else event.timezone)
    f.check()
    assert site is not None and starts is not None and ends is not None
    old_start, old_end, old_site = event.starts_at, event.ends_at, event.site_id
    old_title, old_status = event.title, event.status
    event.site_id, event.timezone = site.id, site.timezone
    event.agreement_id = v["agreement_id"]  # type: ignore[assignment]
    event.event_type, event.title = str(v["event_type"]), str(v["title"])
    event.starts_at, event.ends_at = starts, ends
    event.expected_attendance = v["expected_attendance"]  # type: ignore[assignment]
    event.officers_requested = int(v["officers_requested"])  # type: ignore[call-overload]
    event.supervisor_required = bool(supervisor_required)
    event.requester_name, event.requester_contact = str(v["requester_name"]), str(v["requester_contact"])
    event.notes = str(v["notes"])
    session.flush()
    if (old_start, old_end, old_site) != (starts, ends, site.id):
        from sharedsvc_desktop.services.assignments import move_assignments_with_event

        move_assignments_with_event(session, event=event, old_start=old_start, old_end=old_end)
    refresh_staffing(session, event_id=event.id)
    # notices (services/notify.py): written to the outbox in this same transaction
    if (old_start, old_end, old_site, old_title) != (starts, ends, site.id, event.title):
        notify.queue_event_changed_notices(session, event_id=event.id)
    notify.queue_status_notices(session, event_id=event.id, old_status=old_status)
    return event_rows(session, [event.id])[0]


# -------------------------------------------------------------------------------------------- status changes


def staffing_complete(session: Session, event: Event) -> bool:
    """Enough confirmed officers (overtime approved) and, if required, a confirmed supervisor."""
    row = event_rows(session, [event.id])[0]
    return row.confirmed >= row.officers_requested and not row.supervisor_missing


def refresh_staffing(session: Session, *, event_id: int) -> str:
    """Approved -> Staffed when staffing is complete; Staffed -> Approved when it no longer is."""
    event = get_or_raise(session, Event, event_id, "Event")
    session.flush()
    if event.status in ("approved", "staffed"):
        event.status = "staffed" if staffing_complete(session, event) else "approved"
        session.flush()
    return event.status


@requires("schedule_events")
def approve_event(session: Session, *, event_id: int) -> EventRow:
    """The scheduler accepts a request (it becomes Staffed at once if officers are already on it)."""
    event = get_or_raise(session, Event, event_id, "Event")
    if event.status in ("approved", "staffed"):
        raise ConflictError(f"“{event.title}” is already approved.")
    if event.status not in ("requested", "declined"):
        raise ConflictError(f"“{event.title}” is {EVENT_STATUSES[event.status].lower()}; it cannot be approved.")
    old_status = event.status
    event.status = "approved"
    event.decline_reason = ""
    refresh_staffing(session, event_id=event.id)
    # notices (services/notify.py): written to the outbox in this same transaction
    notify.queue_status_notices(session, event_id=event.id, old_status=old_status)
    return event_rows(session, [event.id])[0]


@requires("schedule_events")
def decline_event(session: Session, *, event_id: int, reason: str) -> EventRow:
    """The scheduler turns a request down; the school sees the reason. Any assignments are released."""
    event = get_or_raise(session, Event, event_id, "Event")
    f = Fields()
    text = f.text(reason, "reason", "The reason", max_len=2000, required=True, multiline=True)
    f.check()
    if event.status not in ("requested", "approved", "staffed"):
        raise ConflictError(f"“{event.title}” is {EVENT_STATUSES[event.status].lower()}; it cannot be declined.")
    old_status = event.status
    released = sorted(a.id for a in event.assignments if a.active)
    event.status = "declined"
    event.decline_reason = text
    for a in event.assignments:
        a.active = False
    session.flush()
    # notices (services/notify.py): written to the outbox in this same transaction
    notify.queue_removed_notices(session, assignment_ids=released, reason="The request for this event was declined.")
    notify.queue_status_notices(session, event_id=event.id, old_status=old_status)
    return event_rows(session, [event.id])[0]


@requires("request_events")
def cancel_event(
    session: Session, *, event_id: int, reason: str = "", now: dt.datetime | None = None
) -> EventRow:
    """The school (or the police) calls an event off. The time is kept: late cancellations may be charged.

    Assignments stay on record (the late-cancellation charge is per officer) but no longer hold the officers.
    """
    event = get_or_raise(session, Event, event_id, "Event")
    f = Fields()
    text = f.text(reason, "reason", "The reason", max_len=2000, multiline=True)
    f.check()
    if event.status not in OPEN_STATUSES:
        raise ConflictError(f"“{event.title}” is {EVENT_STATUSES[event.status].lower()}; it cannot be cancelled.")
    old_status = event.status
    event.status = "cancelled"
    event.cancelled_at = now or now_utc()
    if text:
        event.notes = (event.notes + "\n" if event.notes else "") + f"Cancelled: {text}"
    session.flush()
    # notices (services/notify.py): written to the outbox in this same transaction
    released = sorted(a.id for a in event.assignments if a.active)
    notify.queue_removed_notices(session, assignment_ids=released, now=now,
                                 reason="The event is cancelled." + (f" Reason: {text}" if text else ""))
    notify.queue_status_notices(session, event_id=event.id, old_status=old_status, reason=text, now=now)
    return event_rows(session, [event.id])[0]


@requires("schedule_events")
def complete_event(session: Session, *, event_id: int, now: dt.datetime | None = None) -> EventRow:
    """Mark an event that has taken place as completed."""
    event = get_or_raise(session, Event, event_id, "Event")
    if event.status not in ("approved", "staffed"):
        raise ConflictError(f"“{event.title}” is {EVENT_STATUSES[event.status].lower()}; it cannot be completed.")
    if event.ends_at > (now or now_utc()):
        raise ConflictError(f"“{event.title}” has not ended yet.")
    event.status = "completed"
    session.flush()
    return event_rows(session, [event.id])[0]


@dataclass(frozen=True)
class RequestFormChoices:
    sites: list[Choice]
    event_types: list[Choice]
    agreements: list[Choice]
    default_agreements: dict[int, int | None]  # site id -> the agreement covering it


def request_form_choices(session: Session) -> RequestFormChoices:
    """What the request form offers: active schools and sites, event types, agreements (one read)."""
    sites = list(session.scalars(select(Site).where(Site.active.is_(True)).order_by(func.lower(Site.name))))
    covering: dict[int, int] = {}
    for site_id, agreement_id in session.execute(
        select(AgreementSite.site_id, AgreementVersion.agreement_id)
        .join(AgreementVersion, AgreementSite.version_id == AgreementVersion.id)
        .join(Agreement, AgreementVersion.agreement_id == Agreement.id)
        .where(Agreement.active.is_(True))
        .order_by(AgreementVersion.version_no)
    ):
        covering.setdefault(site_id, agreement_id)
    return RequestFormChoices(
        sites=[Choice(s.id, s.name) for s in sites],
        event_types=event_type_choices(session),
        agreements=agreement_choices(session),
        default_agreements={s.id: covering.get(s.id) for s in sites},
    )
