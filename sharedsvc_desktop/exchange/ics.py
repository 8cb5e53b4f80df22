"""iCalendar (.ics) export of event coverage, with the ``icalendar`` library.

Three calendars: every event, one school's events, or one officer's assignments. Times are written as UTC
instants (``DTSTART:20261101T020000Z``), which every calendar program converts to its own zone, so an event on
either side of a daylight-saving change is at the right instant (a VTIMEZONE of the ``RDATE`` kind that icalendar
generates is misread by some readers, dateutil's among them). The school's wall-clock time and zone are repeated in
the description, and ``X-WR-TIMEZONE`` names the zone of the schools. Declined and cancelled events are
left out unless asked for (then marked ``STATUS:CANCELLED``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from icalendar import Calendar
from icalendar import Event as IcsEvent
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.models import Officer, Site
from sharedsvc_desktop.services.common import get_or_raise
from sharedsvc_desktop.services.events import EventRow, event_ids, event_rows
from sharedsvc_desktop.timeutil import now_utc, utc_to_local

UID_DOMAIN = "sharedsvc-desktop"
_STATUS = {
    "requested": "TENTATIVE",
    "approved": "TENTATIVE",
    "staffed": "CONFIRMED",
    "completed": "CONFIRMED",
    "declined": "CANCELLED",
    "cancelled": "CANCELLED",
}
_OPEN = ["requested", "approved", "staffed", "completed"]


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", f"-//{APP_TITLE}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _event_component(
    row: EventRow,
    *,
    uid: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    summary: str,
    description: list[str],
    location: str,
    stamp: dt.datetime,
) -> IcsEvent:
    ev = IcsEvent()
    ev.add("uid", uid)
    ev.add("dtstamp", stamp)
    ev.add("dtstart", starts_at.astimezone(dt.UTC))
    ev.add("dtend", ends_at.astimezone(dt.UTC))
    ev.add("summary", summary)
    ev.add("location", location)
    local = f"{when_text(starts_at, ends_at, row.timezone)} ({row.timezone} local time)"
    ev.add("description", "\n".join(line for line in [local, *description] if line))
    ev.add("status", _STATUS.get(row.status, "TENTATIVE"))
    ev.add("categories", [row.event_type_label])
    return ev


def when_text(starts_at: dt.datetime, ends_at: dt.datetime, tz_name: str) -> str:
    start, end = utc_to_local(starts_at, tz_name), utc_to_local(ends_at, tz_name)
    if start.date() == end.date():
        return f"{start:%a %d %b %Y %H:%M}–{end:%H:%M}"
    return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


def _describe(row: EventRow) -> list[str]:
    return [
        f"{row.event_type_label} at {row.site_name}",
        f"Status: {row.status_label}",
        f"Officers: {row.officers_assigned} of {row.officers_requested}"
        + (" (a supervisor required)" if row.supervisor_required else ""),
        f"Expected attendance: {row.expected_attendance:,}" if row.expected_attendance is not None else "",
        f"Requested by: {row.requester_name}" + (f", {row.requester_contact}" if row.requester_contact else "")
        if row.requester_name else "",
        row.notes,
    ]


def events_calendar(
    session: Session,
    *,
    site_id: int | None = None,
    officer_id: int | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    include_closed: bool = False,
    now: dt.datetime | None = None,
) -> tuple[bytes, int]:
    """The .ics text and the number of events in it: all events, one site's, or one officer's assignments."""
    from sharedsvc_desktop.services.assignments import officer_assignments

    stamp = (now or now_utc()).astimezone(dt.UTC).replace(microsecond=0)
    sites = {}
    count = 0
    if officer_id is not None:
        officer = get_or_raise(session, Officer, officer_id, "Officer")
        cal = _calendar(f"Event coverage: {officer.person.full_name}")
        assigned = officer_assignments(session, officer_id=officer_id, start=start, end=end, include_closed=True)
        rows = {r.id: r for r in event_rows(session, sorted({a.event_id for a in assigned}))}
        for a in assigned:
            row = rows[a.event_id]
            if not include_closed and row.status not in _OPEN:
                continue
            site = sites.setdefault(row.site_id, session.get(Site, row.site_id))
            role = "supervisor" if a.is_supervisor else "officer"
            cal.add_component(
                _event_component(
                    row,
                    uid=f"assignment-{a.id}@{UID_DOMAIN}",
                    starts_at=a.starts_at,
                    ends_at=a.ends_at,
                    summary=f"{row.title} ({row.site_name})",
                    description=[f"You are on this event as {role}." + (" Overtime." if a.is_overtime else ""),
                                 *_describe(row)],
                    location=", ".join(p for p in (row.site_name, site.address if site else "") if p),
                    stamp=stamp,
                )
            )
            count += 1
    else:
        name = "Event coverage"
        if site_id is not None:
            name += f": {get_or_raise(session, Site, site_id, 'School or site').name}"
        cal = _calendar(name)
        statuses = None if include_closed else _OPEN
        for row in event_rows(session, event_ids(session, start=start, end=end, site_id=site_id, statuses=statuses)):
            site = sites.setdefault(row.site_id, session.get(Site, row.site_id))
            cal.add_component(
                _event_component(
                    row,
                    uid=f"event-{row.id}@{UID_DOMAIN}",
                    starts_at=row.starts_at,
                    ends_at=row.ends_at,
                    summary=f"{row.title} ({row.site_name})",
                    description=_describe(row),
                    location=", ".join(p for p in (row.site_name, site.address if site else "") if p),
                    stamp=stamp,
                )
            )
            count += 1
    zones = {r for r in sites.values() if r is not None}
    if len({z.timezone for z in zones}) == 1:
        cal.add("x-wr-timezone", next(iter(zones)).timezone)
    return cal.to_ical(), count


def write_ics(
    session: Session,
    *,
    out: Path | str | BinaryIO,
    site_id: int | None = None,
    officer_id: int | None = None,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    include_closed: bool = False,
) -> int:
    """Write the calendar to ``out`` (a path, written atomically, or a binary file). Returns the event count."""
    data, count = events_calendar(
        session, site_id=site_id, officer_id=officer_id, start=start, end=end, include_closed=include_closed
    )
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    else:
        out.write(data)
    return count
