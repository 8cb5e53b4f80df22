"""Hour entries to and from spreadsheets: the documented columns, a column mapping, a validation report.

The columns (a header row first; CSV in UTF-8, comma separated; XLSX the first sheet)::

    date,person,badge,site,kind,start,end,hours,event,agreement,billable,notes

- ``date``: the work date, ``YYYY-MM-DD``.
- ``person``: "First Last" (or "Last, First"); ``badge``: an officer's badge number. A person is found by badge
  first, else by name; an unknown or ambiguous person is a bad row. People must already exist.
- ``site``: the school or site name (must exist; may be blank).
- ``kind``: ``event_coverage``, ``building_patrol``, ``sro_duty``, ``it_service`` or ``other`` (or its label).
- ``start``, ``end``: local wall-clock times ``HH:MM`` at the site (its time zone; else the person's party's).
  Converted through UTC, so a night across a daylight-saving change counts 7 or 9 hours. An end earlier than
  the start is taken as the next morning only when the ``hours`` column confirms it (22:00, 04:00, 6.00);
  otherwise the row is refused as "end before start". A time that happens twice (the clocks go back) is
  resolved by the ``hours`` column too.
- ``hours``: decimal hours (``2.50``); required when start and end are blank, checked against them otherwise.
- ``event``: the event's number (id) in this program, or its exact title on that date; blank for none.
- ``agreement``: the agreement number (e.g. ``AGR-2012-001``); blank means outside any agreement.
- ``billable``: ``yes``/``no`` (also true/false, 1/0, billable/covered); blank is no.
- ``notes``: free text.

Import checks every row first and reports every bad row with its line number and reason; nothing is written
unless every row is good or the caller accepts leaving the bad rows out (``accept_bad_rows``). The good rows go
in ONE transaction with bulk inserts (SQLAlchemy Core ``insert()`` with a list of dicts: executemany), marked with
an ``import_batch``; 100,000 rows take seconds. Imported entries start as "submitted".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    ClosedPeriod,
    Event,
    HourEntry,
    Officer,
    Party,
    Person,
    Site,
)
from sharedsvc_desktop.progress import Progress
from sharedsvc_desktop.services.hours import DAY_MINUTES, KINDS, _audit, mark_exported
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, utc_to_local

COLUMNS = ["date", "person", "badge", "site", "kind", "start", "end", "hours", "event", "agreement", "billable",
           "notes"]
REQUIRED = ["date", "kind"]
SYNONYMS: dict[str, list[str]] = {
    "date": ["date", "day", "work date", "workdate", "shift date"],
    "person": ["person", "name", "employee", "officer", "staff", "worker", "full name"],
    "badge": ["badge", "badge number", "badge no", "badge #", "badgenumber"],
    "site": ["site", "school", "location", "building", "place"],
    "kind": ["kind", "type", "service", "service type", "work type", "category"],
    "start": ["start", "from", "start time", "time in", "begin"],
    "end": ["end", "to", "end time", "time out", "finish"],
    "hours": ["hours", "duration", "hrs", "hours worked"],
    "event": ["event", "event id", "event number"],
    "agreement": ["agreement", "agreement number", "contract"],
    "billable": ["billable", "bill", "billed"],
    "notes": ["notes", "note", "comments", "comment", "description", "remarks"],
}
CHUNK = 5000
_FORMULA = ("=", "+", "-", "@")
_TRUE = {"yes", "y", "true", "1", "billable", "x"}
_FALSE = {"no", "n", "false", "0", "covered", ""}


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str


@dataclass(frozen=True)
class ImportReport:
    total_rows: int
    good_rows: int
    errors: list[RowError]
    imported: int
    batch: str | None
    dry_run: bool
    minutes: int

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Sheet:
    """A spreadsheet read into memory: the header and each data row with its line number."""

    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)


# -------------------------------------------------------------------------------------------- reading


def _normal(header: Any) -> str:
    return re.sub(r"[\s_\-]+", " ", str(header or "")).strip().casefold()


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """Our column -> the index of the spreadsheet column that holds it (None when there is none)."""
    normal = [_normal(h) for h in headers]
    mapping: dict[str, int | None] = {}
    for column in COLUMNS:
        mapping[column] = None
        for name in SYNONYMS[column]:
            if name in normal:
                mapping[column] = normal.index(name)
                break
    return mapping


def resolve_mapping(headers: list[str], mapping: dict[str, Any] | None) -> dict[str, int | None]:
    """A user's mapping (our column -> header name or index, "" for none) on top of the guessed one."""
    result = guess_mapping(headers)
    if not mapping:
        return result
    normal = [_normal(h) for h in headers]
    f_errors: dict[str, str] = {}
    for column, source in mapping.items():
        if column not in COLUMNS:
            f_errors[column] = f"“{column}” is not one of the columns ({', '.join(COLUMNS)})."
            continue
        if source is None or source == "":
            result[column] = None
        elif isinstance(source, int):
            if not 0 <= source < len(headers):
                f_errors[column] = f"Column number {source + 1} does not exist."
            else:
                result[column] = source
        elif _normal(source) in normal:
            result[column] = normal.index(_normal(source))
        else:
            f_errors[column] = f"The spreadsheet has no column “{source}” (for {column})."
    if f_errors:
        raise ValidationError(f_errors)
    return result


def read_csv(source: Path | str | TextIO | bytes) -> Sheet:
    """A CSV file (UTF-8, with or without BOM; comma, semicolon or tab separated)."""
    if isinstance(source, bytes):
        text = source.decode("utf-8-sig")
    elif isinstance(source, str | Path):
        try:
            text = Path(source).read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError({"file": f"{Path(source).name} is not a UTF-8 text file (save it as CSV UTF-8)."}) from exc
    else:
        text = source.read()
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError({"file": "The file is empty: it has no header row."}) from None
    sheet = Sheet(headers)
    line = reader.line_num + 1
    for values in reader:
        if any(v.strip() for v in values):
            sheet.rows.append((line, values))
        line = reader.line_num + 1
    return sheet


def read_sheet(path: Path | str) -> Sheet:
    """CSV or XLSX, by the file's extension."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from sharedsvc_desktop.exchange.hours_xlsx import read_xlsx

        return read_xlsx(path)
    return read_csv(path)


# ------------------------------------------------------------------------------------------ validation


class _Lookups:
    """Everything a row is checked against, loaded once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.badges: dict[str, int] = {}
        self.names: dict[str, list[int]] = {}
        self.people: dict[int, tuple[str, bool, str | None, dt.date | None, str | None, str]] = {}
        party_tz = {pid: tz for pid, tz in session.execute(select(Party.id, Party.timezone))}
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.active, Person.party_id,
                   Officer.badge_number, Officer.status, Officer.hire_date)
            .outerjoin(Officer, Officer.person_id == Person.id)
        ).all()
        for pid, first, last, active, party_id, badge, status, hire in rows:
            name = f"{first} {last}".strip()
            tz = party_tz.get(party_id) or DEFAULT_TIMEZONE
            self.people[pid] = (name, bool(active), status, hire, badge, tz)
            if badge:
                self.badges[badge.strip().casefold()] = pid
            for key in {name.casefold(), f"{last}, {first}".casefold(), f"{last} {first}".casefold()}:
                self.names.setdefault(key, []).append(pid)
        self.sites = {name.casefold(): (sid, tz) for sid, name, tz in session.execute(
            select(Site.id, Site.name, Site.timezone))}
        self.agreements = {num.casefold(): aid for aid, num in session.execute(select(Agreement.id, Agreement.number))}
        self.events: dict[int, tuple[str, dt.datetime, str, int]] = {
            eid: (title, starts, tz, site_id)
            for eid, title, starts, tz, site_id in session.execute(
                select(Event.id, Event.title, Event.starts_at, Event.timezone, Event.site_id))
        }
        self._events_by_title: dict[tuple[str, dt.date], list[int]] | None = None
        self.closed = [(p.period_start, p.period_end) for p in session.scalars(select(ClosedPeriod))]
        self.kinds = {k: k for k in KINDS} | {v.casefold(): k for k, v in KINDS.items()}
        self.zones: dict[str, ZoneInfo] = {}
        self.day_minutes: dict[tuple[int, dt.date], int] = {}
        self._instants: dict[tuple[dt.date, dt.time, str], list[dt.datetime]] = {}

    def instants(self, day: dt.date, t: dt.time, tz: str) -> list[dt.datetime]:
        key = (day, t, tz)
        found = self._instants.get(key)
        if found is None:
            found = self._instants[key] = _local_candidates(day, t, self.zone(tz))
        return found

    def zone(self, name: str) -> ZoneInfo:
        z = self.zones.get(name)
        if z is None:
            z = self.zones[name] = ZoneInfo(name)
        return z

    def event_by_title(self, title: str, day: dt.date) -> list[int]:
        if self._events_by_title is None:
            self._events_by_title = {}
            for eid, (t, starts, tz, _site) in self.events.items():
                local = utc_to_local(starts, tz).date()
                self._events_by_title.setdefault((t.casefold(), local), []).append(eid)
        return self._events_by_title.get((title.casefold(), day), [])

    def load_day_minutes(self, first: dt.date, last: dt.date) -> None:
        for pid, day, minutes in self.session.execute(
            select(HourEntry.person_id, HourEntry.work_date, func.sum(HourEntry.minutes))
            .where(HourEntry.work_date >= first, HourEntry.work_date <= last)
            .group_by(HourEntry.person_id, HourEntry.work_date)
        ):
            self.day_minutes[(pid, day)] = int(minutes or 0)


def _text(value: Any) -> str:
    if type(value) is str:
        text = value.strip()
        if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA:
            return text[1:]
        return text
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA:
        text = text[1:]  # our export's guard against spreadsheet formulas
    return text


_DATE_CACHE: dict[str, dt.date | None] = {}
_CLOCK_CACHE: dict[str, dt.time | str | None] = {}


def _date(value: Any) -> dt.date | None:
    if type(value) is str:
        try:
            return _DATE_CACHE[value]
        except KeyError:
            if len(_DATE_CACHE) > 50_000:
                _DATE_CACHE.clear()
            found = _DATE_CACHE[value] = _parse_date(value)
            return found
    return _parse_date(value)


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        return None


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")


def _clock(value: Any) -> dt.time | None | str:
    """A time, None when blank, or "" when not a time."""
    if type(value) is str:
        try:
            return _CLOCK_CACHE[value]
        except KeyError:
            if len(_CLOCK_CACHE) > 50_000:
                _CLOCK_CACHE.clear()
            found = _CLOCK_CACHE[value] = _parse_clock(value)
            return found
    return _parse_clock(value)


def _parse_clock(value: Any) -> dt.time | None | str:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = _text(value)
    if not text:
        return None
    m = _CLOCK.match(text)
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return dt.time(int(m.group(1)), int(m.group(2)))
    return ""


def _local_candidates(day: dt.date, t: dt.time, zone: ZoneInfo) -> list[dt.datetime]:
    """The UTC instants a local wall-clock time can mean: none (skipped hour), one, or two (repeated hour)."""
    naive = dt.datetime.combine(day, t)
    out = []
    for fold in (0, 1):
        aware = naive.replace(tzinfo=zone, fold=fold)
        utc = aware.astimezone(dt.UTC)
        if utc.astimezone(zone).replace(tzinfo=None) == naive and utc not in out:
            out.append(utc)
    return out


def _minutes(a: dt.datetime, b: dt.datetime) -> int:
    return int((b - a).total_seconds() // 60)


def validate_sheet(
    session: Session,
    sheet: Sheet,
    mapping: dict[str, Any] | None = None,
    *,
    progress: Progress | None = None,
) -> tuple[list[dict[str, Any]], list[RowError]]:
    """Check every row; return the good rows (ready to insert) and every bad row with its line and reason."""
    cols = resolve_mapping(sheet.headers, mapping)
    missing = [c for c in REQUIRED if cols.get(c) is None]
    if cols.get("person") is None and cols.get("badge") is None:
        missing.append("person or badge")
    if cols.get("hours") is None and (cols.get("start") is None or cols.get("end") is None):
        missing.append("hours (or start and end)")
    if missing:
        raise ValidationError({"mapping": "No spreadsheet column is chosen for: " + ", ".join(missing) + "."})
    look = _Lookups(session)
    dates = [d for d in (_date(_cell(v, cols["date"])) for _line, v in sheet.rows) if d is not None]
    if dates:
        look.load_day_minutes(min(dates), max(dates))
    good: list[dict[str, Any]] = []
    errors: list[RowError] = []
    total = len(sheet.rows)
    for n, (line, values) in enumerate(sheet.rows):
        if progress is not None and n % 2000 == 0:
            progress.step(n, total, f"Checking row {n + 1:,} of {total:,}…")
        row, reasons = _check_row(look, values, cols)
        if reasons:
            errors.append(RowError(line, "; ".join(reasons)))
        else:
            assert row is not None
            row["_line"] = line
            key = (row["person_id"], row["work_date"])
            look.day_minutes[key] = look.day_minutes.get(key, 0) + row["minutes"]
            good.append(row)
    # a person over 24 hours on a day: every row of that person and day in the file is bad
    over = {k for k, m in look.day_minutes.items() if m > DAY_MINUTES}
    if over:
        kept = []
        lines_of = {id(r): r.pop("_line") for r in good}
        for r in good:
            key = (r["person_id"], r["work_date"])
            if key in over:
                name = look.people[key[0]][0]
                errors.append(RowError(lines_of[id(r)], f"{name} would have {look.day_minutes[key] / 60:.2f} hours on "
                                                        f"{key[1]:%d %b %Y}: more than 24 hours in one day"))
            else:
                kept.append(r)
        good = kept
        errors.sort(key=lambda e: e.line)
    else:
        for r in good:
            r.pop("_line", None)
    return good, errors


def _cell(values: list[Any], index: int | None) -> Any:
    if index is None or index >= len(values):
        return None
    return values[index]


def _check_row(look: _Lookups, values: list[Any], cols: dict[str, int | None]) -> tuple[dict[str, Any] | None, list[str]]:
    reasons: list[str] = []
    get = lambda c: _cell(values, cols.get(c))  # noqa: E731
    raw_date = get("date")
    day = _date(raw_date)
    if day is None:
        reasons.append(f"date “{_text(raw_date)}” is not a date (use YYYY-MM-DD)" if _text(raw_date)
                       else "the date is missing")
    # person
    person_id: int | None = None
    badge, name = _text(get("badge")), _text(get("person"))
    if badge:
        person_id = look.badges.get(badge.casefold())
        if person_id is None:
            reasons.append(f"no officer has badge “{badge}”")
        elif name and look.people[person_id][0].casefold() != name.casefold() and person_id not in look.names.get(
            name.casefold(), []
        ):
            reasons.append(f"badge {badge} belongs to {look.people[person_id][0]}, not “{name}”")
            person_id = None
    elif name:
        found = look.names.get(name.casefold(), [])
        if not found:
            reasons.append(f"no person called “{name}” (add them first)")
        elif len(set(found)) > 1:
            reasons.append(f"more than one person is called “{name}”: give the badge number")
        else:
            person_id = found[0]
    else:
        reasons.append("the person is missing (give a name or a badge)")
    # site
    site_id: int | None = None
    tz: str | None = None
    site_name = _text(get("site"))
    if site_name:
        found_site = look.sites.get(site_name.casefold())
        if found_site is None:
            reasons.append(f"no school or site called “{site_name}”")
        else:
            site_id, tz = found_site
    # kind
    kind_text = _text(get("kind"))
    kind = look.kinds.get(kind_text) or look.kinds.get(kind_text.casefold())
    if kind is None:
        reasons.append(f"kind “{kind_text}” is not one of: {', '.join(KINDS)}" if kind_text else "the kind is missing")
    # event
    event_id: int | None = None
    event_text = _text(get("event"))
    if event_text:
        if event_text.isdigit():
            event_id = int(event_text) if int(event_text) in look.events else None
            if event_id is None:
                reasons.append(f"no event has the number {event_text}")
        elif day is not None:
            matches = look.event_by_title(event_text, day)
            if len(matches) == 1:
                event_id = matches[0]
            else:
                reasons.append(f"no single event called “{event_text}” on {day}" if not matches
                               else f"several events are called “{event_text}” on {day}: give the event number")
    if event_id is not None and site_id is None:
        ev = look.events[event_id]
        site_id, tz = ev[3], ev[2]
    if tz is None and event_id is not None:
        tz = look.events[event_id][2]
    if tz is None and person_id is not None:
        tz = look.people[person_id][5]
    tz = tz or DEFAULT_TIMEZONE
    # agreement
    agreement_id: int | None = None
    agreement_text = _text(get("agreement"))
    if agreement_text and agreement_text.casefold() not in ("outside", "none", "outside any agreement"):
        agreement_id = look.agreements.get(agreement_text.casefold())
        if agreement_id is None:
            reasons.append(f"no agreement has the number “{agreement_text}”")
    # billable
    raw_billable = get("billable")
    if isinstance(raw_billable, bool):
        billable = raw_billable
    else:
        btext = _text(raw_billable).casefold()
        billable = btext in _TRUE
        if btext not in _TRUE and btext not in _FALSE:
            reasons.append(f"billable “{_text(raw_billable)}” must be yes or no")
    notes = _text(get("notes"))
    if len(notes) > 2000:
        reasons.append("the notes are longer than 2,000 characters")
    # hours and times
    raw_hours = get("hours")
    hours_minutes: int | None = None
    if raw_hours not in (None, ""):
        try:
            number = float(raw_hours) if isinstance(raw_hours, int | float) else float(_text(raw_hours).replace(",", "."))
        except ValueError:
            reasons.append(f"hours “{_text(raw_hours)}” is not a number")
        else:
            if number < 0:
                reasons.append("negative hours")
            elif round(number * 60) <= 0:
                reasons.append("hours must be more than zero")
            elif round(number * 60) > DAY_MINUTES:
                reasons.append("one entry cannot be longer than 24 hours")
            else:
                hours_minutes = round(number * 60)
    start_t, end_t = _clock(get("start")), _clock(get("end"))
    starts_at = ends_at = None
    minutes: int | None = None
    if start_t == "":
        reasons.append(f"start “{_text(get('start'))}” is not a time (HH:MM)")
    if end_t == "":
        reasons.append(f"end “{_text(get('end'))}” is not a time (HH:MM)")
    if isinstance(start_t, dt.time) and isinstance(end_t, dt.time) and day is not None:
        starts = look.instants(day, start_t, tz)
        next_day = end_t <= start_t
        if next_day and hours_minutes is None:
            reasons.append(f"the end ({end_t:%H:%M}) is before the start ({start_t:%H:%M}); for work past midnight "
                           "give the hours too")
        else:
            ends = look.instants(day + dt.timedelta(days=1) if next_day else day, end_t, tz)
            pairs = [(a, b) for a in starts for b in ends if b > a]
            if not starts:
                reasons.append(f"{start_t:%H:%M} does not exist on {day} in {tz} (the clocks go forward)")
            elif not ends:
                reasons.append(f"{end_t:%H:%M} does not exist in {tz} that night (the clocks go forward)")
            elif hours_minutes is not None:
                matching = [(a, b) for a, b in pairs if abs(_minutes(a, b) - hours_minutes) <= 1]
                if not matching:
                    span = _minutes(*pairs[0]) if pairs else 0
                    if next_day:
                        reasons.append(f"the end ({end_t:%H:%M}) is before the start ({start_t:%H:%M}) and the "
                                       f"hours ({hours_minutes / 60:.2f}) do not match a night shift ({span / 60:.2f})")
                    else:
                        reasons.append(f"hours {hours_minutes / 60:.2f} do not match {start_t:%H:%M}–{end_t:%H:%M} "
                                       f"({span / 60:.2f} hours)")
                else:
                    starts_at, ends_at = matching[0]
            elif len(pairs) != 1:
                reasons.append(f"{start_t:%H:%M}–{end_t:%H:%M} is ambiguous that night (the clocks go back): "
                               "give the hours too")
            else:
                starts_at, ends_at = pairs[0]
            if starts_at is not None and ends_at is not None:
                minutes = _minutes(starts_at, ends_at)
                if minutes > DAY_MINUTES:
                    reasons.append("one entry cannot be longer than 24 hours")
    elif start_t is None and end_t is None:
        minutes = hours_minutes
        if hours_minutes is None and raw_hours in (None, ""):
            reasons.append("give the start and end times or the hours")
    elif start_t != "" and end_t != "" and (start_t is None or end_t is None):
        reasons.append("give both the start and the end, or neither")
    # the person on that day
    if person_id is not None and day is not None:
        pname, active, status, hire, pbadge, _ptz = look.people[person_id]
        if not active:
            reasons.append(f"{pname} is not active")
        elif status == "inactive":
            reasons.append(f"{pname} (badge {pbadge}) is inactive")
        elif status == "on_leave":
            reasons.append(f"{pname} (badge {pbadge}) is on leave")
        elif hire is not None and day < hire:
            reasons.append(f"{pname} was not yet hired on {day} (hired {hire})")
        for first, last in look.closed:
            if first <= day <= last:
                reasons.append(f"{day} is in a closed period ({first} to {last})")
                break
    if reasons:
        return None, reasons
    assert person_id is not None and day is not None and kind is not None and minutes is not None
    return (
        {
            "person_id": person_id,
            "work_date": day,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "minutes": minutes,
            "kind": kind,
            "site_id": site_id,
            "event_id": event_id,
            "agreement_id": agreement_id,
            "billable": billable,
            "notes": notes,
        },
        [],
    )


# -------------------------------------------------------------------------------------------- import

INSERT_COLUMNS = (
    "person_id", "work_date", "starts_at", "ends_at", "minutes", "kind", "site_id", "event_id", "agreement_id",
    "billable", "notes", "status", "change_reason", "import_batch", "created_at", "updated_at",
)


def _bulk_insert(session: Session, good: list[dict[str, Any]], *, batch: str, progress: Progress | None) -> None:
    """Insert checked rows straight through the database driver (executemany), in this transaction.

    The values are put in the form the columns store (instants as naive UTC: text on SQLite), so no per-value
    type processing runs: a million rows take seconds."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp: Any = now.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else now

    def instant(value: dt.datetime | None) -> Any:
        if value is None:
            return None
        naive = value.astimezone(dt.UTC).replace(tzinfo=None)
        return naive.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else naive

    marker = "?" if sqlite else "%s"
    sql = (f"INSERT INTO hour_entry ({', '.join(INSERT_COLUMNS)}) "
           f"VALUES ({', '.join(marker for _ in INSERT_COLUMNS)})")
    connection = session.connection()
    for start in range(0, len(good), CHUNK):
        if progress is not None:
            progress.step(start, len(good), f"Saving {start + 1:,} of {len(good):,}…")
        rows = [
            (r["person_id"], r["work_date"].isoformat() if sqlite else r["work_date"], instant(r["starts_at"]),
             instant(r["ends_at"]), r["minutes"], r["kind"], r["site_id"], r["event_id"], r["agreement_id"],
             bool(r["billable"]), r["notes"], "submitted", "", batch, stamp, stamp)
            for r in good[start : start + CHUNK]
        ]
        _execute(connection, sql, rows)


def _execute(connection: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    connection.exec_driver_sql(sql, rows)


def new_batch_name(today: dt.date | None = None) -> str:
    return f"IMP-{(today or dt.date.today()):%Y%m%d}-{uuid.uuid4().hex[:8]}"


@requires("log_hours")
def import_sheet(
    session: Session,
    *,
    sheet: Sheet,
    mapping: dict[str, Any] | None = None,
    accept_bad_rows: bool = False,
    dry_run: bool = False,
    batch: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Check every row, then (unless ``dry_run``, and only when every row is good or ``accept_bad_rows``)
    insert the good rows in bulk in this one transaction. Returns the report."""
    good, errors = validate_sheet(session, sheet, mapping, progress=progress)
    minutes = sum(r["minutes"] for r in good)
    total = len(sheet.rows)
    if dry_run or (errors and not accept_bad_rows) or not good:
        return ImportReport(total, len(good), errors, 0, None, dry_run, minutes)
    batch = batch or new_batch_name()
    _bulk_insert(session, good, batch=batch, progress=progress)
    _audit(session, "import", "hour_entry", None, {"batch": batch, "rows": len(good), "minutes": minutes})
    session.flush()
    return ImportReport(total, len(good), errors, len(good), batch, False, minutes)


@requires("log_hours")
def import_hours_file(
    session: Session,
    *,
    path: Path | str,
    mapping: dict[str, Any] | None = None,
    accept_bad_rows: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a CSV or XLSX file of hour entries (see the module's documentation)."""
    sheet = read_sheet(path)
    return import_sheet(session, sheet=sheet, mapping=mapping, accept_bad_rows=accept_bad_rows, dry_run=dry_run,
                        progress=progress)


@requires("log_hours")
def undo_import(session: Session, *, batch: str) -> int:
    """Remove the entries of an import batch that are still submitted (a mistaken import)."""
    from sqlalchemy import delete

    waiting = session.scalar(select(func.count(HourEntry.id)).where(
        HourEntry.import_batch == batch, HourEntry.status != "submitted"))
    if waiting:
        raise ValidationError({"batch": f"{waiting} entries of import {batch} are already approved or locked."})
    result = session.execute(delete(HourEntry).where(HourEntry.import_batch == batch))
    _audit(session, "undo_import", "hour_entry", None, {"batch": batch, "rows": result.rowcount})
    return int(result.rowcount or 0)


# -------------------------------------------------------------------------------------------- export


def export_rows(
    session: Session, *, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> Iterator[list[Any]]:
    """Every entry of the period (oldest first) as the documented columns, with native dates for XLSX."""
    stmt = (
        select(HourEntry, Person.first_name, Person.last_name, Officer.badge_number, Site.name, Site.timezone,
               Event.timezone, Agreement.number, Party.timezone)
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Officer, Officer.person_id == Person.id)
        .outerjoin(Site, HourEntry.site_id == Site.id)
        .outerjoin(Event, HourEntry.event_id == Event.id)
        .outerjoin(Agreement, HourEntry.agreement_id == Agreement.id)
        .outerjoin(Party, Person.party_id == Party.id)
    )
    if date_from is not None:
        stmt = stmt.where(HourEntry.work_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(HourEntry.work_date <= date_to)
    zones: dict[str, ZoneInfo] = {}
    for h, first, last, badge, site, site_tz, ev_tz, number, party_tz in session.execute(
        stmt.order_by(HourEntry.work_date, HourEntry.id)
    ).yield_per(2000):
        tz = site_tz or ev_tz or party_tz or DEFAULT_TIMEZONE
        zone = zones.get(tz) or zones.setdefault(tz, ZoneInfo(tz))
        start = f"{h.starts_at.astimezone(zone):%H:%M}" if h.starts_at else ""
        end = f"{h.ends_at.astimezone(zone):%H:%M}" if h.ends_at else ""
        yield [
            h.work_date,
            f"{first} {last}".strip(),
            badge or "",
            site or "",
            h.kind,
            start,
            end,
            f"{h.minutes / 60:.2f}",
            str(h.event_id) if h.event_id else "",
            number or "",
            "yes" if h.billable else "no",
            h.notes or "",
        ]


def guard_formula(text: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (removed again on import)."""
    return "'" + text if text.startswith(_FORMULA) else text


@requires("export_data")
def export_hours_csv(
    session: Session,
    *,
    out: Path | str | BinaryIO,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    mark: bool = True,
) -> int:
    """Write the entries of the period as CSV (UTF-8, the documented columns); mark them exported. Returns rows."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for row in export_rows(session, date_from=date_from, date_to=date_to):
        row[0] = row[0].isoformat()
        for i in (1, 3, 11):
            row[i] = guard_formula(row[i])
        writer.writerow(row)
        count += 1
    data = buffer.getvalue().encode("utf-8")
    _write(out, data)
    if mark and count:
        mark_exported(session, date_from=date_from, date_to=date_to)
    return count


def _write(out: Path | str | BinaryIO, data: bytes) -> None:
    if isinstance(out, str | Path):
        from sharedsvc_desktop.documents.base import _write_atomically

        _write_atomically(Path(out), data)
    else:
        out.write(data)


def export_hours(
    session: Session,
    *,
    out: Path | str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    mark: bool = True,
) -> int:
    """CSV or XLSX by the file's extension."""
    if Path(out).suffix.lower() == ".xlsx":
        from sharedsvc_desktop.exchange.hours_xlsx import export_hours_xlsx

        return export_hours_xlsx(session, out=out, date_from=date_from, date_to=date_to, mark=mark)
    return export_hours_csv(session, out=out, date_from=date_from, date_to=date_to, mark=mark)


def format_errors(errors: Iterable[RowError], limit: int | None = None) -> list[str]:
    lines = [f"line {e.line}: {e.reason}" for e in errors]
    return lines if limit is None else lines[:limit]


Callback = Callable[[int, int, str], None]
