"""Recurring events: a season of home games created in one go, each occurrence an event of its own.

"Every Friday 19:00–22:00 from 5 Sep to 14 Nov, except 10 Oct" makes one ``EventSeries`` (with a readable rule
and its RRULE) and one ``Event`` per date, each with ``series_id`` set and editable on its own afterwards
(``events.update_event``). Times are the school's wall-clock times on every date, so a game at 19:00 stays at
19:00 after the clocks change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.models import Event, EventSeries, Site
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.events import (
    OPEN_STATUSES,
    EventRow,
    approve_event,
    cancel_event,
    event_rows,
    validate_event_fields,
    validate_times,
)
from sharedsvc_desktop.services.permissions import requires

MAX_OCCURRENCES = 200
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class SeriesRow:
    id: int
    title: str
    site_id: int
    site_name: str
    rule: str
    exceptions: tuple[dt.date, ...]
    event_ids: tuple[int, ...]
    ignored_exceptions: tuple[dt.date, ...] = ()

    @property
    def description(self) -> str:
        return self.rule.split("\n", 1)[0]


def parse_dates(value: str | Iterable[object] | None, field: str, label: str, f: Fields) -> list[dt.date]:
    """Dates typed as "2026-10-10, 2026-11-28" (commas, semicolons or spaces) or given as a list."""
    if value is None or value == "":
        return []
    items: Iterable[object]
    if isinstance(value, str):
        items = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p.strip()]
    else:
        items = value
    dates: list[dt.date] = []
    for item in items:
        day = f.date(item, field, label)
        if day is not None:
            dates.append(day)
    return sorted(set(dates))


def occurrence_dates(
    first_date: dt.date, last_date: dt.date, weekdays: Sequence[int], exceptions: Iterable[dt.date] = ()
) -> list[dt.date]:
    """Every date from ``first_date`` to ``last_date`` on one of ``weekdays`` (0 = Monday), minus exceptions."""
    skip = set(exceptions)
    days = set(weekdays)
    result, day = [], first_date
    while day <= last_date:
        if day.weekday() in days and day not in skip:
            result.append(day)
        day += dt.timedelta(days=1)
    return result


def describe_rule(
    weekdays: Sequence[int], start: dt.time, end: dt.time, first: dt.date, last: dt.date, exceptions: Sequence[dt.date]
) -> str:
    names = " and ".join(WEEKDAY_NAMES[d] for d in sorted(set(weekdays)))
    text = f"Every {names} {start:%H:%M}–{end:%H:%M} from {first:%d %b %Y} to {last:%d %b %Y}"
    if exceptions:
        text += ", except " + ", ".join(f"{d:%d %b %Y}" for d in exceptions)
    byday = ",".join(_RRULE_DAYS[d] for d in sorted(set(weekdays)))
    rrule = f"RRULE:FREQ=WEEKLY;BYDAY={byday};UNTIL={last:%Y%m%d}T235959"
    return f"{text}\nDTSTART:{first:%Y%m%d}T{start:%H%M%S}\n{rrule}"


@requires("request_events")
def create_series(
    session: Session,
    *,
    site_id: int,
    event_type: str,
    title: str,
    first_date: dt.date | str,
    last_date: dt.date | str,
    local_start_time: dt.time,
    local_end_time: dt.time,
    weekdays: Sequence[int] | None = None,
    exceptions: str | Iterable[object] | None = None,
    officers_requested: int = 1,
    supervisor_required: bool = False,
    expected_attendance: int | None = None,
    requester_name: str = "",
    requester_contact: str = "",
    notes: str = "",
    agreement_id: int | None = None,
) -> SeriesRow:
    """Request a season of events: one event per matching date, all Requested, linked by a series.

    ``weekdays`` defaults to the weekday of ``first_date``; an end time earlier than the start time ends the next
    day. Exception dates that are not occurrences anyway are ignored and returned in ``ignored_exceptions``.
    """
    get_or_raise(session, Site, site_id, "School or site")
    f = Fields()
    v = validate_event_fields(
        session, f, site_id=site_id, event_type=event_type, title=title, officers_requested=officers_requested,
        expected_attendance=expected_attendance, requester_name=requester_name,
        requester_contact=requester_contact, notes=notes, agreement_id=agreement_id,
    )
    site: Site = v["site"]  # type: ignore[assignment]
    first = f.date(first_date, "start", "The first date", required=True)
    last = f.date(last_date, "until", "The last date", required=True)
    skip = parse_dates(exceptions, "exceptions", "The exception", f)
    days = sorted(set(weekdays)) if weekdays else ([first.weekday()] if first else [])
    if any(not 0 <= d <= 6 for d in days):
        f.error("weekdays", "Weekdays are numbered 0 (Monday) to 6 (Sunday).")
    if first and last:
        if last < first:
            f.error("until", "The last date is before the first date.")
        elif (last - first).days > 400:
            f.error("until", "A series may run for at most about a year (400 days).")
    if local_start_time == local_end_time:
        f.error("end", "The end must be after the start.")
    f.check()
    assert first is not None and last is not None
    dates = occurrence_dates(first, last, days, skip)
    every = set(occurrence_dates(first, last, days))
    ignored = tuple(d for d in skip if d not in every)
    if not dates:
        raise ValidationError({"until": "No date is left in this series: check the dates and the exceptions."})
    if len(dates) > MAX_OCCURRENCES:
        raise ValidationError({"until": f"That makes {len(dates)} events; a series may have at most "
                                        f"{MAX_OCCURRENCES}."})
    times: list[tuple[dt.datetime, dt.datetime]] = []
    for day in dates:
        end_day = day if local_end_time > local_start_time else day + dt.timedelta(days=1)
        g = Fields()
        starts, ends = validate_times(
            g, dt.datetime.combine(day, local_start_time), dt.datetime.combine(end_day, local_end_time), site.timezone
        )
        if g.errors:
            for key, message in g.errors.items():
                f.error(key, f"{day:%a %d %b %Y}: {message}")
            continue
        assert starts is not None and ends is not None
        times.append((starts, ends))
    f.check()
    rule = describe_rule(days, local_start_time, local_end_time, first, last, [d for d in skip if d in every])
    series = EventSeries(
        title=str(v["title"]), site_id=site.id, rule=rule, exceptions=[d.isoformat() for d in skip]
    )
    session.add(series)
    session.flush()
    for starts, ends in times:
        session.add(
            Event(
                series_id=series.id,
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
                status="requested",
            )
        )
    session.flush()
    return get_series(session, series_id=series.id, ignored=ignored)


def series_event_ids(session: Session, *, series_id: int) -> list[int]:
    return list(
        session.scalars(select(Event.id).where(Event.series_id == series_id).order_by(Event.starts_at, Event.id))
    )


def get_series(session: Session, *, series_id: int, ignored: tuple[dt.date, ...] = ()) -> SeriesRow:
    series = get_or_raise(session, EventSeries, series_id, "Series")
    site = session.get(Site, series.site_id)
    return SeriesRow(
        id=series.id,
        title=series.title,
        site_id=series.site_id,
        site_name=site.name if site else "",
        rule=series.rule,
        exceptions=tuple(dt.date.fromisoformat(d) for d in (series.exceptions or [])),
        event_ids=tuple(series_event_ids(session, series_id=series_id)),
        ignored_exceptions=ignored,
    )


def series_events(session: Session, *, series_id: int) -> list[EventRow]:
    get_or_raise(session, EventSeries, series_id, "Series")
    return event_rows(session, series_event_ids(session, series_id=series_id))


@requires("schedule_events")
def approve_series(session: Session, *, series_id: int) -> list[EventRow]:
    """Approve every occurrence still waiting for approval (the others are left as they are)."""
    get_or_raise(session, EventSeries, series_id, "Series")
    ids = list(
        session.scalars(select(Event.id).where(Event.series_id == series_id, Event.status == "requested"))
    )
    for event_id in ids:
        approve_event(session, event_id=event_id)
    return event_rows(session, ids)


@requires("request_events")
def skip_occurrence(session: Session, *, series_id: int, day: dt.date | str, reason: str = "") -> SeriesRow:
    """Add an exception date to a series after the fact: its occurrence on that date is cancelled."""
    series = get_or_raise(session, EventSeries, series_id, "Series")
    f = Fields()
    when = f.date(day, "day", "The date", required=True)
    f.check()
    assert when is not None
    hit = [r for r in series_events(session, series_id=series_id) if r.local_start.date() == when]
    if not hit:
        raise ConflictError(f"“{series.title}” has no event on {when:%a %d %b %Y}.")
    for row in hit:
        if row.status in OPEN_STATUSES:
            cancel_event(session, event_id=row.id, reason=reason or "Taken out of the series.")
    series.exceptions = sorted({*(series.exceptions or []), when.isoformat()})
    session.flush()
    return get_series(session, series_id=series_id)
