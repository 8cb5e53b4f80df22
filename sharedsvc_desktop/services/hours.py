"""Hour entries: who gave how much time, where, under which agreement.

Lists and totals, and every user action on an entry: log (by local start/end times at the site, converted
through UTC so a daylight-saving night is 7 or 9 hours, or by hours alone), edit, approve, close a period (which
locks its entries), log an event's hours from its assignments in one step, and quick patrol logging that
remembers the last choices (in the ``setting`` table).

The life of an entry: ``submitted`` → ``approved`` (by a supervisor: a scheduler or administrator) → ``locked``
(its period was closed). Changing an approved entry needs a reason, which is kept in ``change_reason`` and sends
the entry back to ``submitted`` for a new approval. Locked, billed (``invoice_id``) entries and dates inside a
closed period cannot be changed.

Refused, with a message naming the problem: an end before the start, zero or negative hours, more than 24 hours
on one day for one person, a date inside a closed period, a person not active (person deactivated, officer
inactive or on leave, or not yet hired on that date).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    Assignment,
    ClosedPeriod,
    Event,
    HourEntry,
    Officer,
    Party,
    Person,
    PersonRole,
    Setting,
    Site,
)
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import current_actor, requires
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, local_to_utc, minutes_between, now_utc, utc_to_local

KINDS = {
    "event_coverage": "Event coverage",
    "building_patrol": "Building patrol",
    "sro_duty": "SRO duty",
    "it_service": "IT service (in kind)",
    "other": "Other",
}
STATUSES = {"submitted": "Submitted", "approved": "Approved", "locked": "Locked (period closed)"}
DAY_MINUTES = 24 * 60
PATROL_SETTING = "hours.quick_patrol.last"


@dataclass(frozen=True)
class HourRow:
    id: int
    work_date: dt.date
    person_id: int
    person_name: str
    kind: str
    kind_label: str
    site_name: str
    minutes: int
    agreement_number: str
    billable: bool
    status: str
    notes: str
    start_text: str = ""
    end_text: str = ""
    event_title: str = ""
    invoiced: bool = False
    exported: bool = False
    change_reason: str = ""

    @property
    def hours_text(self) -> str:
        return f"{self.minutes / 60:.2f}"

    @property
    def status_label(self) -> str:
        return STATUSES.get(self.status, self.status)

    @property
    def time_text(self) -> str:
        return f"{self.start_text}–{self.end_text}" if self.start_text else ""


@dataclass(frozen=True)
class HourDetail:
    """One entry with everything the edit dialog shows."""

    id: int
    person_id: int
    person_name: str
    work_date: dt.date
    kind: str
    site_id: int | None
    event_id: int | None
    agreement_id: int | None
    start_text: str
    end_text: str
    end_next_day: bool
    minutes: int
    billable: bool
    notes: str
    status: str
    change_reason: str
    invoice_id: int | None
    exported_at: dt.datetime | None
    timezone: str
    import_batch: str | None

    @property
    def hours_text(self) -> str:
        return f"{self.minutes / 60:.2f}"


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    extra: str = ""


@dataclass(frozen=True)
class EntryChoices:
    """What the entry forms offer: people who log hours, sites, agreements, recent events."""

    people: list[Choice]
    sites: list[Choice]
    agreements: list[Choice]
    events: list[Choice]


@dataclass(frozen=True)
class ApprovalResult:
    approved: int
    already: int
    refused: int


@dataclass(frozen=True)
class ClosedPeriodRow:
    id: int
    period_start: dt.date
    period_end: dt.date
    closed_at: dt.datetime
    locked_entries: int


@dataclass(frozen=True)
class EventHoursResult:
    event_id: int
    created: int
    already_logged: int
    skipped: list[str] = field(default_factory=list)  # "Name: reason"


@dataclass(frozen=True)
class PatrolDefaults:
    person_id: int | None
    site_id: int | None
    start_text: str
    minutes: int
    agreement_id: int | None
    billable: bool
    notes: str


@dataclass(frozen=True)
class Total:
    key: str
    label: str
    minutes: int
    entries: int

    @property
    def hours_text(self) -> str:
        return f"{self.minutes / 60:,.2f}"


@dataclass(frozen=True)
class HoursSummary:
    date_from: dt.date | None
    date_to: dt.date | None
    by_person: list[Total]
    by_site: list[Total]
    by_kind: list[Total]
    by_month: list[Total]
    total_minutes: int
    entries: int


# ------------------------------------------------------------------------------------------------ lists


# the filters of the lists and reports: a name, and the condition on a value given for it
_FILTERS: dict[str, Callable[[Any], Any]] = {
    "person_id": lambda value: HourEntry.person_id == value,
    "date_from": lambda value: HourEntry.work_date >= value,
    "date_to": lambda value: HourEntry.work_date <= value,
    "kind": lambda value: HourEntry.kind == value,
    "status": lambda value: HourEntry.status == value,
    "agreement_id": lambda value: HourEntry.agreement_id == value,
    "site_id": lambda value: HourEntry.site_id == value,
}


def _chosen(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters given a value (None or "" means any)."""
    unknown = set(filters) - set(_FILTERS)
    if unknown:
        raise TypeError(f"no such filter: {', '.join(sorted(unknown))}")
    return {name: value for name, value in filters.items()
            if value is not None and not (isinstance(value, str) and not value)}


def _filtered(stmt: Any, *, outside_agreement: bool = False, **filters: Any) -> Any:
    for name, value in _chosen(filters).items():  # values, or bind parameters standing for them
        stmt = stmt.where(_FILTERS[name](value))
    if outside_agreement:
        stmt = stmt.where(HourEntry.agreement_id.is_(None))
    return stmt


def hour_entry_ids(
    session: Session,
    *,
    person_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    kind: str | None = None,
    status: str | None = None,
    agreement_id: int | None = None,
    outside_agreement: bool = False,
    site_id: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[int]:
    """Ids of the matching entries, newest first (a page of them with ``limit``/``offset``)."""
    values = _chosen({"person_id": person_id, "date_from": date_from, "date_to": date_to, "kind": kind,
                      "status": status, "agreement_id": agreement_id, "site_id": site_id})
    if limit is not None:
        values.update(limit=limit, offset=offset)
    stmt = _ids_statement(frozenset(values), outside_agreement)
    return list(session.connection().execute(stmt, values).scalars().all())  # plain integers, fetched at once


@lru_cache(maxsize=128)
def _ids_statement(names: frozenset[str], outside_agreement: bool) -> Any:
    """The ids query for one set of filters, built once: a search then only binds its values."""
    stmt = _filtered(select(HourEntry.id), outside_agreement=outside_agreement,
                     **{name: bindparam(name) for name in names if name in _FILTERS})
    stmt = stmt.order_by(HourEntry.work_date.desc(), HourEntry.id.desc())
    if "limit" in names:
        stmt = stmt.limit(bindparam("limit")).offset(bindparam("offset"))
    return stmt


def filtered_total_minutes(session: Session, **filters: Any) -> tuple[int, int]:
    """(entries, minutes) of the entries ``hour_entry_ids`` would list with the same filters."""
    stmt = _filtered(select(func.count(HourEntry.id), func.coalesce(func.sum(HourEntry.minutes), 0)), **filters)
    count, minutes = session.execute(stmt).one()
    return int(count or 0), int(minutes or 0)


def _entry_zone(tz: str | None) -> str:
    return tz or DEFAULT_TIMEZONE


def _clock(moment: dt.datetime | None, tz: str) -> str:
    if moment is None:
        return ""
    local = utc_to_local(moment, tz)
    return f"{local.hour:02d}:{local.minute:02d}"  # (strftime is several times slower, for each row shown)


def hour_rows(session: Session, ids: Sequence[int]) -> list[HourRow]:
    if not ids:
        return []
    # columns, not entities, through a statement built once: a page is read about as fast as the driver gives it
    result = session.connection().execute(_rows_statement(), {"ids": list(ids)}).all()
    by_id = {}
    for (entry_id, work_date, person_id, kind, minutes, billable, status, notes, starts_at, ends_at, invoice_id,
         exported_at, change_reason, first_name, last_name, site_name, timezone, number, title) in result:
        tz = _entry_zone(timezone)
        by_id[entry_id] = HourRow(
            id=entry_id,
            work_date=work_date,
            person_id=person_id,
            person_name=f"{first_name} {last_name}",
            kind=kind,
            kind_label=KINDS.get(kind, kind),
            site_name=site_name or "",
            minutes=minutes,
            agreement_number=number or "",
            billable=billable,
            status=status,
            notes=notes,
            start_text=_clock(starts_at, tz),
            end_text=_clock(ends_at, tz),
            event_title=title or "",
            invoiced=invoice_id is not None,
            exported=exported_at is not None,
            change_reason=change_reason,
        )
    return [by_id[i] for i in ids if i in by_id]


@lru_cache(maxsize=1)
def _rows_statement() -> Any:
    h = HourEntry
    return (
        select(
            h.id, h.work_date, h.person_id, h.kind, h.minutes, h.billable, h.status, h.notes, h.starts_at,
            h.ends_at, h.invoice_id, h.exported_at, h.change_reason,
            Person.first_name, Person.last_name, Site.name, Site.timezone, Agreement.number, Event.title,
        )
        .join(Person, h.person_id == Person.id)
        .outerjoin(Site, h.site_id == Site.id)
        .outerjoin(Agreement, h.agreement_id == Agreement.id)
        .outerjoin(Event, h.event_id == Event.id)
        .where(h.id.in_(bindparam("ids", expanding=True)))
    )


def total_minutes(
    session: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> dict[str, int]:
    """Minutes by kind of work in a period."""
    stmt = select(HourEntry.kind, func.sum(HourEntry.minutes)).group_by(HourEntry.kind)
    if date_from is not None:
        stmt = stmt.where(HourEntry.work_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(HourEntry.work_date <= date_to)
    return {kind: int(total or 0) for kind, total in session.execute(stmt)}


def hours_summary(
    session: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> HoursSummary:
    """Totals by person, site, kind and month for a period, with the grand total (computed in SQL)."""

    def grouped(*cols: Any, joins: Sequence[tuple[Any, Any]] = (), outer: bool = False) -> list[tuple]:
        stmt = select(*cols, func.sum(HourEntry.minutes), func.count(HourEntry.id)).select_from(HourEntry)
        for target, on in joins:
            stmt = stmt.outerjoin(target, on) if outer else stmt.join(target, on)
        stmt = _filtered(stmt, date_from=date_from, date_to=date_to)
        return list(session.execute(stmt.group_by(*cols)).all())

    people = grouped(
        Person.id, Person.first_name, Person.last_name, joins=[(Person, HourEntry.person_id == Person.id)]
    )
    by_person = sorted(
        (Total(str(pid), f"{first} {last}", int(m or 0), int(n)) for pid, first, last, m, n in people),
        key=lambda t: (-t.minutes, t.label.casefold()),
    )
    sites = grouped(Site.id, Site.name, joins=[(Site, HourEntry.site_id == Site.id)], outer=True)
    by_site = sorted(
        (Total(str(sid or ""), name or "(no site)", int(m or 0), int(n)) for sid, name, m, n in sites),
        key=lambda t: (-t.minutes, t.label.casefold()),
    )
    kinds = grouped(HourEntry.kind)
    order = list(KINDS)
    by_kind = sorted(
        (Total(k, KINDS.get(k, k), int(m or 0), int(n)) for k, m, n in kinds),
        key=lambda t: order.index(t.key) if t.key in order else 99,
    )
    # grouped by day in SQL (portable), folded into months here
    months: dict[str, list[int]] = {}
    for day, m, n in grouped(HourEntry.work_date):
        acc = months.setdefault(f"{day:%Y-%m}", [0, 0])
        acc[0] += int(m or 0)
        acc[1] += int(n)
    by_month = [
        Total(key, dt.date.fromisoformat(f"{key}-01").strftime("%B %Y"), m, n)
        for key, (m, n) in sorted(months.items())
    ]
    total = sum(t.minutes for t in by_kind)
    count = sum(t.entries for t in by_kind)
    return HoursSummary(date_from, date_to, by_person, by_site, by_kind, by_month, total, count)


# ------------------------------------------------------------------------------------------- choices


def entry_choices(session: Session, *, today: dt.date | None = None) -> EntryChoices:
    """Active officers and school staff, active sites, agreements, and the events of the last 120 days."""
    today = today or dt.date.today()
    people: list[Choice] = []
    officers = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Officer.badge_number)
        .join(Officer, Officer.person_id == Person.id)
        .where(Person.active.is_(True), Officer.status == "active")
        .order_by(Person.last_name, Person.first_name)
    ).all()
    seen = set()
    for pid, first, last, badge in officers:
        people.append(Choice(pid, f"{last}, {first} (badge {badge})", badge))
        seen.add(pid)
    staff = session.execute(
        select(Person.id, Person.first_name, Person.last_name, Person.title)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(Person.active.is_(True), PersonRole.role == "it_staff")
        .order_by(Person.last_name, Person.first_name)
    ).all()
    for pid, first, last, title in staff:
        if pid not in seen:
            people.append(Choice(pid, f"{last}, {first} ({title or 'staff'})"))
            seen.add(pid)
    sites = [
        Choice(sid, name)
        for sid, name in session.execute(
            select(Site.id, Site.name).where(Site.active.is_(True)).order_by(Site.name)
        )
    ]
    agreements = [
        Choice(aid, f"{number} — {title}", number)
        for aid, number, title in session.execute(
            select(Agreement.id, Agreement.number, Agreement.title)
            .where(Agreement.active.is_(True))
            .order_by(Agreement.number)
        )
    ]
    since = dt.datetime.combine(today - dt.timedelta(days=120), dt.time(), tzinfo=dt.UTC)
    events = [
        Choice(eid, f"{utc_to_local(starts, tz):%d %b %Y} · {title} · {site}")
        for eid, title, starts, tz, site in session.execute(
            select(Event.id, Event.title, Event.starts_at, Event.timezone, Site.name)
            .join(Site, Event.site_id == Site.id)
            .where(Event.starts_at >= since, Event.status.notin_(["cancelled", "declined"]))
            .order_by(Event.starts_at.desc())
        )
    ]
    return EntryChoices(people, sites, agreements, events)


def people_with_hours(session: Session) -> list[Choice]:
    """Everyone who has hour entries (for the list filter)."""
    rows = session.execute(
        select(Person.id, Person.first_name, Person.last_name)
        .where(select(HourEntry.id).where(HourEntry.person_id == Person.id).exists())  # an index lookup per person
        .order_by(Person.last_name, Person.first_name)
    ).all()
    return [Choice(pid, f"{last}, {first}") for pid, first, last in rows]


# -------------------------------------------------------------------------------------------- checks

_CLOCK = re.compile(r"^\s*(\d{1,2})[:.h]?(\d{2})\s*$")


def parse_clock(value: Any, f: Fields, field_name: str, label: str) -> dt.time | None:
    """A local wall-clock time: ``HH:MM`` (also ``H:MM``, ``HHMM``, ``HH.MM``) or a ``datetime.time``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = str(value).strip()
    match = _CLOCK.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    f.error(field_name, f"{label} “{text}” is not a time of day (use HH:MM, for example 19:30).")
    return None


def parse_hours(value: Any, f: Fields, field_name: str = "hours") -> int | None:
    """Hours (``2.5``, ``2,5`` or ``2:30``) as whole minutes; refuses zero and negative hours."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        f.error(field_name, "Hours must be a number, for example 2.5.")
        return None
    if isinstance(value, int | float):
        number = float(value)
        if not math.isfinite(number):
            f.error(field_name, "Hours must be a number, for example 2.5.")
            return None
        minutes = round(max(min(number, 1e6), -1e6) * 60)  # anything that large is refused below
    else:
        text = str(value).strip()
        try:
            if ":" in text:
                h, m = text.split(":", 1)
                sign = -1 if h.strip().startswith("-") else 1
                number = sign * (abs(int(h)) + int(m) / 60)
            else:
                number = float(text.replace(",", "."))
        except ValueError:
            f.error(field_name, f"Hours “{text[:40]}” is not a number (for example 2.5 or 2:30).")
            return None
        if not math.isfinite(number):
            f.error(field_name, "Hours must be a number, for example 2.5.")
            return None
        minutes = round(max(min(number, 1e6), -1e6) * 60)
    if number < 0:
        f.error(field_name, "Hours cannot be negative.")
        return None
    if minutes <= 0:
        f.error(field_name, "Hours must be more than zero.")
        return None
    if minutes > DAY_MINUTES:
        f.error(field_name, "One entry cannot be longer than 24 hours.")
        return None
    return minutes


def closed_period_containing(session: Session, day: dt.date) -> ClosedPeriod | None:
    return session.scalar(
        select(ClosedPeriod).where(ClosedPeriod.period_start <= day, ClosedPeriod.period_end >= day).limit(1)
    )


def person_inactive_reason(person: Person, officer: Officer | None, day: dt.date) -> str | None:
    """Why ``person`` cannot have hours on ``day``, or None."""
    if not person.active:
        return f"{person.full_name} is not active."
    if officer is not None:
        if officer.status == "inactive":
            return f"{person.full_name} (badge {officer.badge_number}) is inactive."
        if officer.status == "on_leave":
            return f"{person.full_name} (badge {officer.badge_number}) is on leave."
        if officer.hire_date is not None and day < officer.hire_date:
            return f"{person.full_name} was not yet hired on {day:%d %b %Y} (hired {officer.hire_date:%d %b %Y})."
    return None


def minutes_on_day(session: Session, person_id: int, day: dt.date, *, exclude_id: int | None = None) -> int:
    stmt = select(func.coalesce(func.sum(HourEntry.minutes), 0)).where(
        HourEntry.person_id == person_id, HourEntry.work_date == day
    )
    if exclude_id is not None:
        stmt = stmt.where(HourEntry.id != exclude_id)
    return int(session.scalar(stmt) or 0)


def _fmt_hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}"


def _zone_for(session: Session, site: Site | None, event: Event | None, person: Person | None) -> str:
    if site is not None:
        return site.timezone
    if event is not None:
        return event.timezone
    if person is not None and person.party_id is not None:
        party = session.get(Party, person.party_id)
        if party is not None:
            return party.timezone
    return DEFAULT_TIMEZONE


@dataclass
class _Checked:
    person_id: int
    work_date: dt.date
    starts_at: dt.datetime | None
    ends_at: dt.datetime | None
    minutes: int
    kind: str
    site_id: int | None
    event_id: int | None
    agreement_id: int | None
    billable: bool
    notes: str


def _check_entry(
    session: Session,
    *,
    entry_id: int | None,
    person_id: Any,
    work_date: Any,
    kind: Any,
    site_id: Any,
    start: Any,
    end: Any,
    end_next_day: bool,
    hours: Any,
    event_id: Any,
    agreement_id: Any,
    billable: Any,
    notes: Any,
) -> _Checked:
    f = Fields()
    day = f.date(work_date, "work_date", "Date", required=True)
    kind_code = f.choice(kind, "kind", "Kind of work", KINDS)
    note_text = f.text(notes, "notes", "Notes", max_len=2000, multiline=True)
    person = session.get(Person, int(person_id)) if person_id not in (None, "") else None
    if person is None:
        f.error("person_id", "Choose who did the work." if person_id in (None, "") else "That person no longer exists.")
    officer = session.scalar(select(Officer).where(Officer.person_id == person.id)) if person else None
    site = session.get(Site, int(site_id)) if site_id not in (None, "") else None
    if site_id not in (None, "") and site is None:
        f.error("site_id", "That school or site no longer exists.")
    event = session.get(Event, int(event_id)) if event_id not in (None, "") else None
    if event_id not in (None, "") and event is None:
        f.error("event_id", "That event no longer exists.")
    if event is not None and site is None:
        site = session.get(Site, event.site_id)
    agreement = session.get(Agreement, int(agreement_id)) if agreement_id not in (None, "") else None
    if agreement_id not in (None, "") and agreement is None:
        f.error("agreement_id", "That agreement no longer exists.")
    tz = _zone_for(session, site, event, person)
    start_t = parse_clock(start, f, "start", "Start")
    end_t = parse_clock(end, f, "end", "End")
    starts_at = ends_at = None
    minutes: int | None = None
    if (start_t is None) != (end_t is None) and "start" not in f.errors and "end" not in f.errors:
        missing = "end" if end_t is None else "start"
        f.error(missing, f"Give both the start and the end, or leave both empty and give the hours ({missing} missing).")
    if start_t is not None and end_t is not None and day is not None:
        try:
            starts_at = local_to_utc(dt.datetime.combine(day, start_t), tz, field="start")
            end_day = day + dt.timedelta(days=1) if end_next_day else day
            ends_at = local_to_utc(dt.datetime.combine(end_day, end_t), tz, field="end")
        except ValidationError as exc:
            for key, message in exc.fields.items():
                f.error(key or "start", message)
        if starts_at is not None and ends_at is not None:
            if ends_at <= starts_at:
                f.error("end", f"The end ({end_t:%H:%M}) is before the start ({start_t:%H:%M}). For work past "
                               "midnight, tick “ends the next day”.")
            else:
                minutes = minutes_between(starts_at, ends_at)
                if minutes > DAY_MINUTES:
                    f.error("end", "One entry cannot be longer than 24 hours.")
                    minutes = None
    elif start_t is None and end_t is None:
        minutes = parse_hours(hours, f)
        if minutes is None and "hours" not in f.errors:
            f.error("hours", "Give the start and end times, or the hours worked.")
    if day is not None and person is not None:
        reason = person_inactive_reason(person, officer, day)
        if reason:
            f.error("person_id", reason)
        closed = closed_period_containing(session, day)
        if closed is not None:
            f.error("work_date", f"{day:%d %b %Y} is in a closed period ({closed.period_start:%d %b %Y} to "
                                 f"{closed.period_end:%d %b %Y}); it can no longer be changed.")
        if minutes is not None:
            already = minutes_on_day(session, person.id, day, exclude_id=entry_id)
            if already + minutes > DAY_MINUTES:
                f.error("hours", f"{person.full_name} already has {_fmt_hours(already)} hours on {day:%d %b %Y}; "
                                 f"{_fmt_hours(minutes)} more would be over 24 hours in one day.")
    f.check()
    assert day is not None and person is not None and minutes is not None
    return _Checked(
        person_id=person.id,
        work_date=day,
        starts_at=starts_at,
        ends_at=ends_at,
        minutes=minutes,
        kind=kind_code,
        site_id=site.id if site else None,
        event_id=event.id if event else None,
        agreement_id=agreement.id if agreement else None,
        billable=bool(billable),
        notes=note_text,
    )


# ------------------------------------------------------------------------------------------- actions


def hour_detail(session: Session, *, entry_id: int) -> HourDetail:
    h = get_or_raise(session, HourEntry, entry_id, "Hour entry")
    person = session.get(Person, h.person_id)
    site = session.get(Site, h.site_id) if h.site_id else None
    event = session.get(Event, h.event_id) if h.event_id else None
    tz = _zone_for(session, site, event, person)
    next_day = False
    if h.starts_at is not None and h.ends_at is not None:
        next_day = utc_to_local(h.ends_at, tz).date() > utc_to_local(h.starts_at, tz).date()
    return HourDetail(
        id=h.id,
        person_id=h.person_id,
        person_name=person.full_name if person else "",
        work_date=h.work_date,
        kind=h.kind,
        site_id=h.site_id,
        event_id=h.event_id,
        agreement_id=h.agreement_id,
        start_text=_clock(h.starts_at, tz),
        end_text=_clock(h.ends_at, tz),
        end_next_day=next_day,
        minutes=h.minutes,
        billable=h.billable,
        notes=h.notes,
        status=h.status,
        change_reason=h.change_reason,
        invoice_id=h.invoice_id,
        exported_at=h.exported_at,
        timezone=tz,
        import_batch=h.import_batch,
    )


@requires("log_hours")
def log_hours(
    session: Session,
    *,
    person_id: int | None,
    work_date: dt.date | str | None,
    kind: str,
    site_id: int | None = None,
    start: str | dt.time | None = None,
    end: str | dt.time | None = None,
    end_next_day: bool = False,
    hours: float | str | None = None,
    event_id: int | None = None,
    agreement_id: int | None = None,
    billable: bool = False,
    notes: str = "",
) -> HourDetail:
    """Log an entry by local start/end times at the site (through UTC) or by hours alone."""
    c = _check_entry(
        session,
        entry_id=None,
        person_id=person_id,
        work_date=work_date,
        kind=kind,
        site_id=site_id,
        start=start,
        end=end,
        end_next_day=end_next_day,
        hours=hours,
        event_id=event_id,
        agreement_id=agreement_id,
        billable=billable,
        notes=notes,
    )
    entry = HourEntry(
        person_id=c.person_id,
        work_date=c.work_date,
        starts_at=c.starts_at,
        ends_at=c.ends_at,
        minutes=c.minutes,
        kind=c.kind,
        site_id=c.site_id,
        event_id=c.event_id,
        agreement_id=c.agreement_id,
        billable=c.billable,
        notes=c.notes,
        status="submitted",
    )
    session.add(entry)
    session.flush()
    return hour_detail(session, entry_id=entry.id)


@requires("log_hours")
def update_hours(
    session: Session,
    *,
    entry_id: int,
    person_id: int | None,
    work_date: dt.date | str | None,
    kind: str,
    site_id: int | None = None,
    start: str | dt.time | None = None,
    end: str | dt.time | None = None,
    end_next_day: bool = False,
    hours: float | str | None = None,
    event_id: int | None = None,
    agreement_id: int | None = None,
    billable: bool = False,
    notes: str = "",
    reason: str = "",
    today: dt.date | None = None,
) -> HourDetail:
    """Change an entry. An approved entry needs a ``reason`` (kept) and goes back to "submitted"."""
    entry = get_or_raise(session, HourEntry, entry_id, "Hour entry")
    if entry.status == "locked":
        raise ConflictError("This entry is locked: its period was closed, so it can no longer be changed.")
    if entry.invoice_id is not None:
        raise ConflictError("This entry has been billed on an invoice, so it can no longer be changed.")
    closed = closed_period_containing(session, entry.work_date)
    if closed is not None:
        raise ConflictError(f"{entry.work_date:%d %b %Y} is in a closed period; the entry can no longer be changed.")
    f = Fields()
    reason_text = f.text(reason, "reason", "Reason for the change", max_len=500)
    if entry.status == "approved" and not reason_text:
        f.error("reason", "This entry was already approved: give the reason for the change (it is kept).")
    try:
        c = _check_entry(
            session,
            entry_id=entry.id,
            person_id=person_id,
            work_date=work_date,
            kind=kind,
            site_id=site_id,
            start=start,
            end=end,
            end_next_day=end_next_day,
            hours=hours,
            event_id=event_id,
            agreement_id=agreement_id,
            billable=billable,
            notes=notes,
        )
    except ValidationError as exc:
        raise ValidationError({**exc.fields, **f.errors}) from None
    f.check()
    if entry.status == "approved":
        day = today or dt.date.today()
        kept = f"{day.isoformat()}: {reason_text}"
        entry.change_reason = f"{entry.change_reason}\n{kept}".strip() if entry.change_reason else kept
        entry.status = "submitted"
        entry.approved_at = None
        entry.approved_by_id = None
    elif reason_text:
        kept = f"{(today or dt.date.today()).isoformat()}: {reason_text}"
        entry.change_reason = f"{entry.change_reason}\n{kept}".strip() if entry.change_reason else kept
    for key in ("person_id", "work_date", "starts_at", "ends_at", "minutes", "kind", "site_id", "event_id",
                "agreement_id", "billable", "notes"):
        setattr(entry, key, getattr(c, key))
    session.flush()
    return hour_detail(session, entry_id=entry.id)


@requires("approve_hours")
def approve_hours(session: Session, *, entry_ids: Sequence[int]) -> ApprovalResult:
    """Approve submitted entries (a supervisor: scheduler or administrator). Locked ones are left as they are."""
    ids = list(dict.fromkeys(int(i) for i in entry_ids))
    if not ids:
        raise ValidationError({"": "Select the entries to approve first."})
    actor = current_actor(session)
    approved = already = refused = 0
    now = now_utc()
    for entry in session.scalars(select(HourEntry).where(HourEntry.id.in_(ids))):
        if entry.status == "submitted":
            entry.status = "approved"
            entry.approved_at = now
            entry.approved_by_id = actor.user_id if actor is not None else None
            approved += 1
        elif entry.status == "approved":
            already += 1
        else:
            refused += 1
    session.flush()
    return ApprovalResult(approved, already, refused)


def closed_periods(session: Session) -> list[ClosedPeriodRow]:
    rows = []
    for p in session.scalars(select(ClosedPeriod).order_by(ClosedPeriod.period_start.desc())):
        count = session.scalar(
            select(func.count(HourEntry.id)).where(
                HourEntry.work_date >= p.period_start, HourEntry.work_date <= p.period_end
            )
        )
        rows.append(ClosedPeriodRow(p.id, p.period_start, p.period_end, p.closed_at, int(count or 0)))
    return rows


@requires("approve_hours")
def close_period(session: Session, *, period_start: dt.date | str, period_end: dt.date | str) -> ClosedPeriodRow:
    """Close a period: every entry in it is locked and no entry can be added or changed there any more.

    Refused while entries in the period still wait for approval (approve or correct them first)."""
    f = Fields()
    start = f.date(period_start, "period_start", "First day", required=True)
    end = f.date(period_end, "period_end", "Last day", required=True)
    if start and end and end < start:
        f.error("period_end", "The last day is before the first day.")
    f.check()
    assert start is not None and end is not None
    waiting = int(
        session.scalar(
            select(func.count(HourEntry.id)).where(
                HourEntry.work_date >= start, HourEntry.work_date <= end, HourEntry.status == "submitted"
            )
        )
        or 0
    )
    if waiting:
        raise ConflictError(
            f"{waiting:,} entr{'y' if waiting == 1 else 'ies'} between {start:%d %b %Y} and {end:%d %b %Y} "
            "still wait{} for approval: approve or correct them before closing the period.".format(
                "s" if waiting == 1 else ""
            )
        )
    actor = current_actor(session)
    period = ClosedPeriod(period_start=start, period_end=end, closed_by_id=actor.user_id if actor else None)
    session.add(period)
    result = session.execute(
        update(HourEntry)
        .where(HourEntry.work_date >= start, HourEntry.work_date <= end, HourEntry.status != "locked")
        .values(status="locked", updated_at=now_utc())
        .execution_options(synchronize_session=False)
    )
    session.flush()
    _audit(session, "close_period", "closed_period", period.id,
           {"period_start": start.isoformat(), "period_end": end.isoformat(), "locked": result.rowcount})
    total = closed_periods(session)
    return next(p for p in total if p.id == period.id)


def _audit(session: Session, action: str, table: str, row_id: int | None, after: Any) -> None:
    """One summary audit entry for a bulk change that bypasses the ORM (when the audit trail is present)."""
    try:
        from sharedsvc_desktop.storage import audit
    except ImportError:  # pragma: no cover - older trees without the audit trail
        return
    record = getattr(audit, "record", None)
    if record is not None:
        record(session, action=action, table_name=table, row_id=row_id, after=after)


# ------------------------------------------------------------------------------------------ from events


@dataclass(frozen=True)
class EventAwaiting:
    id: int
    label: str
    assignments: int
    logged: int


def events_awaiting_hours(session: Session, *, now: dt.datetime | None = None, days: int = 120) -> list[EventAwaiting]:
    """Events that have ended, with active assignments not yet turned into hour entries (newest first)."""
    now = now or now_utc()
    since = now - dt.timedelta(days=days)
    rows = session.execute(
        select(Event.id, Event.title, Event.starts_at, Event.timezone, Site.name)
        .join(Site, Event.site_id == Site.id)
        .where(Event.ends_at <= now, Event.ends_at >= since, Event.status.notin_(["cancelled", "declined"]))
        .order_by(Event.starts_at.desc())
    ).all()
    out = []
    for eid, title, starts, tz, site in rows:
        officers = set(
            session.scalars(
                select(Officer.person_id)
                .join(Assignment, Assignment.officer_id == Officer.id)
                .where(Assignment.event_id == eid, Assignment.active.is_(True))
            )
        )
        logged = set(session.scalars(select(HourEntry.person_id).where(HourEntry.event_id == eid)))
        missing = officers - logged
        if missing:
            label = f"{utc_to_local(starts, tz):%d %b %Y %H:%M} · {title} · {site}"
            out.append(EventAwaiting(eid, label, len(officers), len(officers & logged)))
    return out


@requires("log_hours")
def log_event_hours(session: Session, *, event_id: int, now: dt.datetime | None = None) -> EventHoursResult:
    """One entry per active assignment of a past event (kind event coverage, the event's site and agreement).

    Idempotent: an officer who already has an entry for this event is left alone. Officers whose hours cannot be
    logged (inactive, a closed period, over 24 hours) are listed in ``skipped`` with the reason."""
    event = get_or_raise(session, Event, event_id, "Event")
    now = now or now_utc()
    if event.status in ("cancelled", "declined"):
        raise ConflictError(f"“{event.title}” was {event.status}: there are no hours to log.")
    if event.ends_at > now:
        raise ConflictError(f"“{event.title}” has not ended yet: log its hours after the event.")
    site = session.get(Site, event.site_id)
    tz = site.timezone if site else event.timezone
    created = already = 0
    skipped: list[str] = []
    assignments = session.execute(
        select(Assignment, Officer, Person)
        .join(Officer, Assignment.officer_id == Officer.id)
        .join(Person, Officer.person_id == Person.id)
        .where(Assignment.event_id == event.id, Assignment.active.is_(True))
        .order_by(Assignment.starts_at, Person.last_name)
    ).all()
    logged = set(session.scalars(select(HourEntry.person_id).where(HourEntry.event_id == event.id)))
    for assignment, officer, person in assignments:
        if person.id in logged:
            already += 1
            continue
        day = utc_to_local(assignment.starts_at, tz).date()
        minutes = minutes_between(assignment.starts_at, assignment.ends_at)
        reason = person_inactive_reason(person, officer, day)
        if reason is None and closed_period_containing(session, day) is not None:
            reason = f"{day:%d %b %Y} is in a closed period."
        if reason is None and minutes_on_day(session, person.id, day) + minutes > DAY_MINUTES:
            reason = f"more than 24 hours on {day:%d %b %Y}."
        if reason is not None:
            skipped.append(f"{person.full_name}: {reason}")
            continue
        session.add(
            HourEntry(
                person_id=person.id,
                work_date=day,
                starts_at=assignment.starts_at,
                ends_at=assignment.ends_at,
                minutes=minutes,
                kind="event_coverage",
                site_id=event.site_id,
                event_id=event.id,
                agreement_id=event.agreement_id,
                billable=event.agreement_id is None,
                notes=f"{event.title}" + (" (overtime)" if assignment.is_overtime else ""),
                status="submitted",
            )
        )
        logged.add(person.id)
        created += 1
    session.flush()
    return EventHoursResult(event.id, created, already, skipped)


# ------------------------------------------------------------------------------------------ quick patrol


def patrol_defaults(session: Session) -> PatrolDefaults:
    """The choices of the last quick patrol (or sensible first values)."""
    setting = session.get(Setting, PATROL_SETTING)
    value = setting.value if setting is not None and isinstance(setting.value, dict) else {}
    return PatrolDefaults(
        person_id=value.get("person_id"),
        site_id=value.get("site_id"),
        start_text=str(value.get("start", "")),
        minutes=int(value.get("minutes", 30) or 30),
        agreement_id=value.get("agreement_id"),
        billable=bool(value.get("billable", False)),
        notes=str(value.get("notes", "Walk-through patrol")),
    )


@requires("log_hours")
def log_patrol(
    session: Session,
    *,
    person_id: int | None,
    site_id: int | None,
    work_date: dt.date | str | None,
    start: str | dt.time | None,
    minutes: int | str | None,
    agreement_id: int | None = None,
    billable: bool = False,
    notes: str = "Walk-through patrol",
) -> HourDetail:
    """A building patrol visit (site, time, duration); the choices are remembered for the next one."""
    f = Fields()
    if site_id in (None, ""):
        f.error("site_id", "Choose the school or site patrolled.")
    start_t = parse_clock(start, f, "start", "Start")
    if start_t is None and "start" not in f.errors:
        f.error("start", "Give the time of the visit (HH:MM).")
    try:
        duration = int(minutes) if minutes not in (None, "") else 0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        duration = -1
    if duration <= 0:
        f.error("minutes", "The visit must last at least one minute.")
    f.check()
    assert start_t is not None
    end_dt = dt.datetime.combine(dt.date(2000, 1, 1), start_t) + dt.timedelta(minutes=duration)
    next_day = end_dt.date() > dt.date(2000, 1, 1)
    detail = log_hours(
        session,
        person_id=person_id,
        work_date=work_date,
        kind="building_patrol",
        site_id=site_id,
        start=start_t,
        end=end_dt.time(),
        end_next_day=next_day,
        agreement_id=agreement_id,
        billable=billable,
        notes=notes,
    )
    value = {
        "person_id": detail.person_id,
        "site_id": detail.site_id,
        "start": f"{start_t:%H:%M}",
        "minutes": duration,
        "agreement_id": detail.agreement_id,
        "billable": bool(billable),
        "notes": detail.notes,
    }
    setting = session.get(Setting, PATROL_SETTING)
    if setting is None:
        session.add(Setting(key=PATROL_SETTING, value=value))
    else:
        setting.value = value
    session.flush()
    return detail


# ------------------------------------------------------------------------------------------- reports


def write_hours_report(
    session: Session,
    *,
    out: Path | BinaryIO,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    organization: str = "",
    today: dt.date | None = None,
) -> int:
    """The hours report (PDF with a bar chart): totals by person, site, kind and month. Returns the entries."""
    from sharedsvc_desktop.documents.hours import build_hours_report

    summary = hours_summary(session, date_from=date_from, date_to=date_to)
    kinds_by_month = _kinds_by_month(session, date_from=date_from, date_to=date_to)
    build_hours_report(
        out, summary, kinds_by_month=kinds_by_month, organization=organization, generated_on=today or dt.date.today()
    )
    return summary.entries


def _kinds_by_month(
    session: Session, *, date_from: dt.date | None, date_to: dt.date | None
) -> dict[str, dict[str, int]]:
    stmt = _filtered(
        select(HourEntry.work_date, HourEntry.kind, func.sum(HourEntry.minutes)).group_by(
            HourEntry.work_date, HourEntry.kind
        ),
        date_from=date_from,
        date_to=date_to,
    )
    out: dict[str, dict[str, int]] = {}
    for day, kind, minutes in session.execute(stmt):
        month = out.setdefault(f"{day:%Y-%m}", {})
        month[kind] = month.get(kind, 0) + int(minutes or 0)
    return out


def summary_table_rows(summary: HoursSummary) -> list[list[str]]:
    """The report as flat rows ``section, key, label, entries, minutes, hours`` (for CSV/XLSX)."""
    rows: list[list[str]] = []
    for section, totals in (("person", summary.by_person), ("site", summary.by_site), ("kind", summary.by_kind),
                            ("month", summary.by_month)):
        for t in totals:
            rows.append([section, t.key, t.label, str(t.entries), str(t.minutes), f"{t.minutes / 60:.2f}"])
    rows.append(["total", "", "All entries", str(summary.entries), str(summary.total_minutes),
                 f"{summary.total_minutes / 60:.2f}"])
    return rows


def write_hours_report_table(
    session: Session,
    *,
    out: Path,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> int:
    """The hours report's totals as CSV or XLSX (by the file's extension). Returns the entries counted."""
    import csv

    summary = hours_summary(session, date_from=date_from, date_to=date_to)
    header = ["section", "key", "label", "entries", "minutes", "hours"]
    rows = summary_table_rows(summary)
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Hours")
        ws.append(header)
        for r in rows:
            ws.append([r[0], r[1], r[2], int(r[3]), int(r[4]), float(r[5])])
        wb.save(out)
    else:
        with open(out, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows)
    return summary.entries


@requires("export_data")
def mark_exported(
    session: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> int:
    """Mark the entries of a period as exported (``exported_at``)."""
    stmt = _filtered(update(HourEntry), date_from=date_from, date_to=date_to)
    result = session.execute(
        stmt.values(exported_at=now_utc()).execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)


__all__ = [
    "KINDS",
    "STATUSES",
    "HourRow",
    "HourDetail",
    "hour_entry_ids",
    "hour_rows",
    "total_minutes",
    "hours_summary",
    "log_hours",
    "update_hours",
    "approve_hours",
    "close_period",
    "closed_periods",
    "log_event_hours",
    "events_awaiting_hours",
    "log_patrol",
    "patrol_defaults",
    "entry_choices",
    "people_with_hours",
    "write_hours_report",
    "write_hours_report_table",
]


def write_hours_listing(
    session: Session,
    *,
    out: Path | BinaryIO,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    person_id: int | None = None,
) -> int:
    """Every entry of a period as a PDF listing, oldest first. Returns the number of entries."""
    from sharedsvc_desktop.documents.hours import build_hours_listing

    stmt = _filtered(
        select(HourEntry.work_date, Person.first_name, Person.last_name, HourEntry.kind, Site.name,
               HourEntry.minutes, Agreement.number, HourEntry.status)
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Site, HourEntry.site_id == Site.id)
        .outerjoin(Agreement, HourEntry.agreement_id == Agreement.id),
        person_id=person_id, date_from=date_from, date_to=date_to,
    ).order_by(HourEntry.work_date, HourEntry.id)
    rows, total = [], 0
    for work_date, first, last, kind, site, minutes, number, status in session.execute(stmt):
        total += minutes
        rows.append((work_date.isoformat(), f"{first} {last}", KINDS.get(kind, kind), site or "",
                     f"{minutes / 60:.2f}", number or "outside", status))
    period = f"{date_from or 'the start'} to {date_to or 'today'}"
    build_hours_listing(out, rows, title="Hour entries", subtitle=f"Every entry from {period}", total_minutes=total)
    return len(rows)


def hours_by_person_month(
    session: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[tuple[int, str, int]]:
    """(person id, "YYYY-MM", minutes) for every person and month of a period, in one grouped query that the
    covering index ``(person_id, work_date, minutes)`` answers without reading the table."""
    if session.get_bind().dialect.name == "sqlite":
        month = func.substr(HourEntry.work_date, 1, 7)
    else:
        month = func.to_char(HourEntry.work_date, "YYYY-MM")
    stmt = select(HourEntry.person_id, month, func.sum(HourEntry.minutes))
    if date_from is not None:
        stmt = stmt.where(HourEntry.work_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(HourEntry.work_date <= date_to)
    stmt = stmt.group_by(HourEntry.person_id, month).order_by(HourEntry.person_id, month)
    return [(int(p), str(m), int(total)) for p, m, total in session.execute(stmt)]
