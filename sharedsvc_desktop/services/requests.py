"""Requests from schools that do not run the program: a fillable PDF request form, and reading it back.

``write_blank_request_form`` makes the form for one school (its name and contact filled in, a fresh request id
inside). The school fills it in any PDF reader and sends the saved file back; ``import_requests`` reads it
(``read_request_form``, pypdf), checks it with the event form's own rules (``check_request``: every problem named
by the form's field, e.g. "End time: the end must be after the start.") and creates the events, status
Requested, a weekly series when the form's "Repeats every week" part is filled.

Importing is idempotent: every created event carries ``external_request_id`` = the form's request id and a
fingerprint of what was filled in (a series adds ``#1``, ``#2``… per occurrence), so the same filled form imported
again creates nothing and says when it was imported and as which events. A blank form saved and reused for a
second event has the same request id but other contents: that one is a new request (with a note pointing at the
earlier one, in case it is a correction).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import EVENT_STATUSES, SITE_LEVELS
from sharedsvc_desktop.documents import request_form as rf
from sharedsvc_desktop.errors import NotFoundError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementParty,
    AgreementSite,
    AgreementVersion,
    Event,
    EventSeries,
    Party,
    Setting,
    Site,
)
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise, same_name
from sharedsvc_desktop.services.events import (
    default_agreement_id,
    event_rows,
    request_event,
    validate_event_fields,
    validate_times,
)
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.services.series import MAX_OCCURRENCES, create_series, occurrence_dates
from sharedsvc_desktop.timeutil import utc_to_local

#: Optional setting (JSON text) that replaces the "Where to send it" address printed on the form.
SEND_TO_SETTING = "requests.send_to"

#: The form's fields as the user sees them, for messages ("End time: the end must be after the start.").
FIELD_LABELS = {
    "file": "File",
    "site_id": "School",
    "event_type": "Type of event",
    "title": "Name of the event",
    "date": "Date",
    "start": "Start time",
    "end": "End time",
    "expected_attendance": "Expected attendance",
    "officers_requested": "Officers requested",
    "supervisor_required": "Supervisor needed",
    "requester_name": "Contact name",
    "requester_contact": "Phone or e-mail",
    "notes": "Notes",
    "until": "Repeat every week until",
    "exceptions": "Except these dates",
    "agreement_id": "Agreement",
    "": "Request",
}


class RequestFormRefused(ValidationError):
    """The file is not one of our request forms, or it is damaged: nothing in it can be used."""

    def __init__(self, filename: str, message: str) -> None:
        self.filename = filename
        super().__init__({"file": message}, f"{filename}: {message}" if filename else message)


# ---------------------------------------------------------------------------------------------- the blank form


def _police_party(session: Session, site: Site) -> Party | None:
    """The police department the school sends requests to: the one in an agreement covering the school, else
    the first active one."""
    covering = select(AgreementVersion.agreement_id).join(
        AgreementSite, AgreementSite.version_id == AgreementVersion.id
    ).where(AgreementSite.site_id == site.id)
    party = session.scalars(
        select(Party)
        .join(AgreementParty, AgreementParty.party_id == Party.id)
        .join(Agreement, Agreement.id == AgreementParty.agreement_id)
        .where(Agreement.id.in_(covering), Agreement.active.is_(True), Party.kind == "police_department",
               Party.active.is_(True))
        .order_by(Agreement.number, Party.id)
    ).first()
    if party is None:
        party = session.scalars(
            select(Party).where(Party.kind == "police_department", Party.active.is_(True)).order_by(Party.id)
        ).first()
    return party


def send_to(session: Session, *, site_id: int) -> tuple[str, list[str]]:
    """Who the form goes to (name) and how to reach them (address, phone, e-mail)."""
    site = get_or_raise(session, Site, site_id, "School or site")
    setting = session.get(Setting, SEND_TO_SETTING)
    if setting is not None and isinstance(setting.value, str) and setting.value.strip():
        first, _, rest = setting.value.strip().partition("\n")
        return first.strip(), [line.strip() for line in rest.splitlines() if line.strip()]
    party = _police_party(session, site)
    if party is None:
        return "", []
    address = " ".join(line.strip() for line in party.address.splitlines() if line.strip())
    return party.name, [s for s in (address, party.phone, party.email) if s]


def blank_form_info(session: Session, *, site_id: int, today: dt.date | None = None) -> rf.RequestFormInfo:
    site = get_or_raise(session, Site, site_id, "School or site")
    if not site.active:
        raise ValidationError({"site_id": f"{site.name} is inactive: reactivate it before sending it a form."})
    district = site.party.name if site.party is not None else ""
    level = SITE_LEVELS.get(site.level, "")
    details = " · ".join(p for p in (f"{level} school" if level and site.level != "other" else "", district) if p)
    name, lines = send_to(session, site_id=site_id)
    return rf.RequestFormInfo(
        request_id=uuid.uuid4().hex,
        site_id=site.id,
        site_name=site.name,
        site_details=details,
        contact_name=site.principal_name,
        contact_phone=site.contact_phone,
        contact_email=site.contact_email,
        event_types=list(category_labels(session, "event_type").values()),
        send_to_name=name,
        send_to_lines=lines,
        generated_on=today or dt.date.today(),
    )


def write_blank_request_form(
    session: Session, *, out: Path | str | BinaryIO, site_id: int, today: dt.date | None = None
) -> str:
    """The fillable request form for one school, as PDF. Returns the request id embedded in it."""
    info = blank_form_info(session, site_id=site_id, today=today)
    rf.build_request_form(out, info)
    return info.request_id


# ------------------------------------------------------------------------------------------- reading it back


@dataclass(frozen=True)
class ParsedRequest:
    """What a filled form says, as written (``check_request`` makes sense of it)."""

    filename: str
    request_id: str
    form_version: str
    site_id: int | None
    site_name: str
    event_type: str
    title: str
    date: str
    start_time: str
    end_time: str
    expected_attendance: str
    officers_requested: str
    supervisor_required: bool
    contact_name: str
    contact: str
    notes: str
    repeat_until: str
    except_dates: str

    @property
    def recurring(self) -> bool:
        return bool(self.repeat_until.strip())

    @property
    def fingerprint(self) -> str:
        """12 hex digits over what the school filled in: the same filled form always gives the same value."""
        values = [self.site_id, self.site_name, self.event_type, self.title, self.date, self.start_time,
                  self.end_time, self.expected_attendance, self.officers_requested, self.supervisor_required,
                  self.contact_name, self.contact, self.notes, self.repeat_until, self.except_dates]
        norm = [" ".join(v.split()) if isinstance(v, str) else v for v in values]
        return hashlib.sha256(json.dumps(norm, ensure_ascii=False).encode()).hexdigest()[:12]

    @property
    def external_id(self) -> str:
        """What the created event's ``external_request_id`` holds (a series adds ``#n`` per occurrence)."""
        return f"{self.request_id}:{self.fingerprint}"


def _value(fields: dict[str, Any], name: str) -> str:
    f = fields.get(name)
    if f is None:
        return ""
    value = f.get("/V") if hasattr(f, "get") else None
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    text = str(value)
    return "" if text.startswith("/") and name != rf.F_SUPERVISOR else text.replace("\r\n", "\n").replace("\r", "\n")


def read_request_form(data: bytes, *, filename: str = "") -> ParsedRequest:
    """Read a filled request form. Refused (``RequestFormRefused``, naming the file) when the file is not a PDF,
    is damaged or cut short, or is not our request form."""
    from pypdf import PdfReader

    name = filename or "The file"
    if not data:
        raise RequestFormRefused(filename, "the file is empty.")
    if b"%PDF-" not in data[:1024]:
        raise RequestFormRefused(filename, "this is not a PDF file. Ask the school to send the filled request "
                                           "form itself (the saved PDF).")
    if b"%%EOF" not in data[-2048:]:
        raise RequestFormRefused(filename, "the PDF is damaged or incomplete (it ends too early; the copy may "
                                           "have been cut off). Ask the school to send it again.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RequestFormRefused(filename, "the PDF is protected by a password. Ask the school to save it "
                                               "again without a password.")
        fields = reader.get_fields() or {}
        pages = len(reader.pages)
    except RequestFormRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of error on a broken file
        raise RequestFormRefused(filename, f"the PDF is damaged and cannot be read ({type(exc).__name__}). "
                                           "Ask the school to send it again.") from exc
    form_id = _value(fields, rf.F_FORM)
    if form_id != rf.FORM_ID:
        what = "has no form fields" if not fields else "holds a different form"
        raise RequestFormRefused(filename, f"this is not our event request form (the PDF {what}). Send the "
                                           "school a blank request form from this program.")
    version = _value(fields, rf.F_VERSION)
    if version != rf.FORM_VERSION:
        raise RequestFormRefused(filename, f"the request form is version {version or '?'}; this program reads "
                                           f"version {rf.FORM_VERSION}. Update the program or send the school a "
                                           "new blank form.")
    request_id = _value(fields, rf.F_REQUEST_ID).strip()
    try:
        request_id = uuid.UUID(request_id).hex
    except ValueError as exc:
        raise RequestFormRefused(filename, "the form's request number is damaged. Send the school a new blank "
                                           "form.") from exc
    if pages < 1:
        raise RequestFormRefused(filename, f"{name} has no pages.")
    site_text = _value(fields, rf.F_SITE_ID).strip()
    supervisor = _value(fields, rf.F_SUPERVISOR).strip().lstrip("/").casefold()
    return ParsedRequest(
        filename=filename,
        request_id=request_id,
        form_version=version,
        site_id=int(site_text) if site_text.isdigit() else None,
        site_name=_value(fields, rf.F_SITE_NAME).strip(),
        event_type=_value(fields, rf.F_EVENT_TYPE).strip(),
        title=_value(fields, rf.F_TITLE).strip(),
        date=_value(fields, rf.F_DATE).strip(),
        start_time=_value(fields, rf.F_START).strip(),
        end_time=_value(fields, rf.F_END).strip(),
        expected_attendance=_value(fields, rf.F_ATTENDANCE).strip(),
        officers_requested=_value(fields, rf.F_OFFICERS).strip(),
        supervisor_required=supervisor not in ("", "off", "no", "false", "0"),
        contact_name=_value(fields, rf.F_CONTACT_NAME).strip(),
        contact=_value(fields, rf.F_CONTACT).strip(),
        notes=_value(fields, rf.F_NOTES).strip(),
        repeat_until=_value(fields, rf.F_REPEAT_UNTIL).strip(),
        except_dates=_value(fields, rf.F_EXCEPT).strip(),
    )


# ---------------------------------------------------------------------------------- understanding what's written

_WEEKDAY_WORDS = re.compile(
    r"\b(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|rsday|urday|sday)?\b\.?,?", re.IGNORECASE
)
_DATE_FORMATS = ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m.%d.%Y", "%Y-%m-%d", "%Y/%m/%d", "%b %d %Y", "%B %d %Y",
                 "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y")


def parse_form_date(text: str) -> dt.date | None:
    """A date as a US school writes it: 11/06/2026, 11/6/26, 2026-11-06, Nov 6 2026, Friday, November 6, 2026."""
    cleaned = _WEEKDAY_WORDS.sub(" ", text.strip())
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned, flags=re.IGNORECASE)
    cleaned = " ".join(cleaned.replace(",", ", ").split()).strip(" ,.")
    cleaned = re.sub(r"\s+,", ",", cleaned)
    for candidate in (cleaned, cleaned.replace(",", "")):
        for fmt in _DATE_FORMATS:
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


_TIME = re.compile(r"^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(a|p)?\.?\s*(?:m\.?)?$", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\(?\s*(next\s+day|the\s+next\s+day|\+\s*1(\s*day)?)\s*\)?", re.IGNORECASE)


def parse_form_time(text: str) -> tuple[dt.time | None, bool]:
    """``(time, next_day)`` from "6:30 PM", "6:30pm", "18:30", "1830", "7 p.m.", "noon", "1:00 AM next day"."""
    raw = text.strip()
    next_day = bool(_NEXT_DAY.search(raw))
    raw = _NEXT_DAY.sub(" ", raw).strip().lower()
    if raw == "noon":
        return dt.time(12), next_day
    if raw == "midnight":
        return dt.time(0), True
    m = _TIME.match(raw)
    if not m:
        return None, next_day
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
    if minute > 59:
        return None, next_day
    if half:
        if not 1 <= hour <= 12:
            return None, next_day
        hour = hour % 12 + (12 if half == "p" else 0)
    elif hour > 23:
        return None, next_day
    return dt.time(hour, minute), next_day


_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")


def _split_dates(text: str) -> list[str]:
    """The dates of a list: "10/09/2026, 11/27/2026", "10/09/2026 11/27/2026", "Oct 9, 2026; Nov 27, 2026"."""
    numeric = _NUMERIC_DATE.findall(text)
    if numeric and not re.sub(r"[\s,;/&]|and", "", _NUMERIC_DATE.sub("", text)):
        return numeric
    return [p.strip() for p in re.split(r"[;\n]|,(?!\s*\d{4})", text) if p.strip()]


def _parse_number(text: str) -> int | None:
    digits = re.findall(r"\d[\d,]*", text)
    if len(digits) != 1:
        return None
    return int(digits[0].replace(",", ""))


def _lower_first(message: str) -> str:
    words = message.split()
    if len(words) >= 2 and words[0][:1].isupper() and not words[1][:1].isupper() and not words[0].isupper():
        return message[0].lower() + message[1:]
    return message


@dataclass(frozen=True)
class FieldProblem:
    field: str  # the service's key ("end")
    label: str  # the form's label ("End time")
    message: str  # "the end must be after the start."

    @property
    def text(self) -> str:
        return f"{self.label}: {self.message}"


@dataclass(frozen=True)
class RequestCheck:
    """A filled form understood: the events it asks for, its problems (by field) and anything to look at."""

    parsed: ParsedRequest
    site_id: int | None
    site_name: str
    timezone: str
    event_type: str
    event_type_label: str
    title: str
    officers_requested: int
    expected_attendance: int | None
    supervisor_required: bool
    requester_name: str
    requester_contact: str
    notes: str
    agreement_id: int | None
    occurrences: tuple[tuple[dt.datetime, dt.datetime], ...]  # local wall-clock start and end (naive)
    exceptions: tuple[dt.date, ...] = ()
    until: dt.date | None = None
    problems: tuple[FieldProblem, ...] = ()
    warnings: tuple[str, ...] = ()
    already_imported: str = ""  # "already imported on … as event …" when it was
    existing_event_ids: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        """Nothing wrong and not imported before: creating it would succeed."""
        return not self.problems and not self.already_imported

    @property
    def problem_texts(self) -> list[str]:
        return [p.text for p in self.problems]

    def problems_for(self, key: str) -> list[str]:
        return [p.message for p in self.problems if p.field == key]

    @property
    def when_text(self) -> str:
        if not self.occurrences:
            return self.parsed.date or "(no date)"
        start, end = self.occurrences[0]
        first = f"{start:%a %b %d, %Y} {start:%H:%M}–{end:%H:%M}"
        if end.date() != start.date():
            first += " (next day)"
        if len(self.occurrences) > 1:
            last = self.occurrences[-1][0]
            return f"{first}, weekly until {last:%b %d, %Y} ({len(self.occurrences)} events)"
        return first


def _resolve_site(session: Session, parsed: ParsedRequest) -> Site | None:
    site = session.get(Site, parsed.site_id) if parsed.site_id is not None else None
    if site is not None and (not parsed.site_name or site.name.casefold() == parsed.site_name.casefold()):
        return site
    if parsed.site_name:  # a form made by another copy of the program, or a school renumbered
        match = same_name(session, Site.name, Site.id, parsed.site_name)
        if match is not None:
            return session.get(Site, match[0])
    return None


def _event_type_code(text: str, types: dict[str, str]) -> str | None:
    key = " ".join(text.split()).casefold()
    for code, label in types.items():
        if key in (code.casefold(), label.casefold(), code.replace("_", " ").casefold()):
            return code
    return None


def _imported_text(session: Session, events: Sequence[Event]) -> str:
    first = min(events, key=lambda e: e.id)
    when = utc_to_local(first.requested_at, first.timezone) if first.requested_at else None
    on = f" on {when:%b %d, %Y}" if when else ""
    ids = sorted(e.id for e in events)
    if len(ids) == 1:
        return f"already imported{on} as event {ids[0]}"
    return f"already imported{on} as events {ids[0]}–{ids[-1]} ({len(ids)} events)"


def check_request(session: Session, *, parsed: ParsedRequest) -> RequestCheck:
    """Check a filled form with the event form's rules. Problems name the form's field ("End time: the end must
    be after the start."); conflicts (another event at the school at that time, the same blank used before) are
    warnings; a form imported before says so in ``already_imported``."""
    f = Fields()
    warnings: list[str] = []
    if not any((parsed.event_type, parsed.title, parsed.date, parsed.start_time, parsed.end_time,
                parsed.expected_attendance, parsed.officers_requested, parsed.notes, parsed.repeat_until)):
        f.error("", "The form is blank: nothing about an event was filled in.")
    site = _resolve_site(session, parsed)
    if site is None:
        f.error("site_id", f"“{parsed.site_name or parsed.site_id}” is not a school in this program (the form was "
                           "made for a school since removed or renamed).")
    types = category_labels(session, "event_type")
    code = _event_type_code(parsed.event_type, types) if parsed.event_type else None
    if not parsed.event_type:
        f.error("event_type", "Choose the type of event.")
    elif code is None:
        f.error("event_type", f"“{parsed.event_type}” is not one of: {', '.join(types.values())}.")

    day = parse_form_date(parsed.date) if parsed.date else None
    if not parsed.date:
        f.error("date", "Write the date of the event (MM/DD/YYYY).")
    elif day is None:
        f.error("date", f"“{parsed.date}” is not a date (write MM/DD/YYYY).")
    start_t, _ = parse_form_time(parsed.start_time) if parsed.start_time else (None, False)
    end_t, next_day = parse_form_time(parsed.end_time) if parsed.end_time else (None, False)
    for key, raw, value in (("start", parsed.start_time, start_t), ("end", parsed.end_time, end_t)):
        if not raw:
            f.error(key, "Write the time (for example 6:30 PM).")
        elif value is None:
            f.error(key, f"“{raw}” is not a time of day (write for example 6:30 PM or 18:30).")

    officers = 1
    if parsed.officers_requested:
        number = _parse_number(parsed.officers_requested)
        if number is None:
            f.error("officers_requested", f"“{parsed.officers_requested}” is not a number.")
        else:
            officers = number
    attendance: int | None = None
    if parsed.expected_attendance:
        attendance = _parse_number(parsed.expected_attendance)
        if attendance is None:
            f.error("expected_attendance", f"“{parsed.expected_attendance}” is not a number.")
    agreement_id = default_agreement_id(session, site_id=site.id) if site is not None else None
    v = validate_event_fields(
        session, f, site_id=site.id if site else None, event_type=code or "", title=parsed.title,  # type: ignore[arg-type]
        officers_requested=officers, expected_attendance=attendance, requester_name=parsed.contact_name,
        requester_contact=parsed.contact, notes=parsed.notes, agreement_id=agreement_id,
    )
    if not parsed.contact_name and not parsed.contact:
        warnings.append("No contact is given: the police will not know whom to tell the outcome.")

    occurrences: list[tuple[dt.datetime, dt.datetime]] = []
    skip: list[dt.date] = []
    until: dt.date | None = None
    if parsed.recurring:
        until = parse_form_date(parsed.repeat_until)
        if until is None:
            f.error("until", f"“{parsed.repeat_until}” is not a date (write MM/DD/YYYY).")
        for part in _split_dates(parsed.except_dates):
            when = parse_form_date(part)
            if when is None:
                f.error("exceptions", f"“{part.strip()}” is not a date (write MM/DD/YYYY, separated by commas).")
            else:
                skip.append(when)
        if day and until:
            if until < day:
                f.error("until", "The last date is before the first date.")
            elif (until - day).days > 400:
                f.error("until", "A series may run for at most about a year (400 days).")
    elif parsed.except_dates:
        f.error("exceptions", "Dates to leave out only apply to a weekly series: fill in “Repeat every week "
                              "until” too, or leave them blank.")

    if site is not None and day and start_t and end_t and "until" not in f.errors:
        dates = [day]
        if parsed.recurring and until:
            dates = occurrence_dates(day, until, [day.weekday()], skip)
            ignored = sorted(set(skip) - set(occurrence_dates(day, until, [day.weekday()])))
            if ignored:
                warnings.append("Not a date of the series, left aside: " + ", ".join(f"{d:%b %d, %Y}" for d in ignored))
            if not dates:
                f.error("until", "No date is left in this series: check the dates and the exceptions.")
            elif len(dates) > MAX_OCCURRENCES:
                f.error("until", f"That makes {len(dates)} events; a series may have at most {MAX_OCCURRENCES}.")
        if dates and len(dates) <= MAX_OCCURRENCES:
            if end_t <= start_t and not next_day:
                f.error("end", "The end must be after the start (if the event goes past midnight, write “next "
                               "day” after the end time).")
            else:
                for when in dates:
                    local_start = dt.datetime.combine(when, start_t)
                    local_end = dt.datetime.combine(when + dt.timedelta(days=1 if next_day else 0), end_t)
                    g = Fields()
                    validate_times(g, local_start, local_end, site.timezone)
                    for key, message in g.errors.items():
                        f.error(key, message if len(dates) == 1 else f"{when:%a %b %d, %Y}: {message}")
                    occurrences.append((local_start, local_end))

    errors = {"": f.errors[""]} if "" in f.errors else f.errors  # a blank form: one problem, not ten
    problems = tuple(
        FieldProblem(key, FIELD_LABELS.get(key, key), _lower_first(message)) for key, message in errors.items()
    )

    # imported before? the same blank used for something else before?
    ext = parsed.external_id
    mine = list(session.scalars(select(Event).where(
        or_(Event.external_request_id == ext, Event.external_request_id.like(f"{ext}#%")))))
    already = _imported_text(session, mine) if mine else ""
    if not mine and "" not in f.errors:
        earlier = list(session.scalars(
            select(Event).where(Event.external_request_id.like(f"{parsed.request_id}:%")).order_by(Event.id)
        ))
        if earlier:
            n = len({(e.external_request_id or "").split("#")[0] for e in earlier})
            others = f" and {n - 1} other request{'s' if n > 2 else ''}" if n > 1 else ""
            warnings.append(
                f"This blank form was used before, for “{earlier[0].title}” (event {earlier[0].id}){others}. "
                "If this one corrects an earlier request, cancel the earlier event."
            )
    if site is not None and occurrences and not mine and not problems:
        warnings.extend(_clashes(session, site, occurrences))
    title = str(v["title"]) if code else parsed.title
    return RequestCheck(
        parsed=parsed,
        site_id=site.id if site else None,
        site_name=site.name if site else parsed.site_name,
        timezone=site.timezone if site else "",
        event_type=code or "",
        event_type_label=types.get(code or "", parsed.event_type),
        title=title,
        officers_requested=officers,
        expected_attendance=attendance,
        supervisor_required=parsed.supervisor_required,
        requester_name=str(v["requester_name"]),
        requester_contact=str(v["requester_contact"]),
        notes=str(v["notes"]),
        agreement_id=agreement_id,
        occurrences=tuple(occurrences),
        exceptions=tuple(sorted(set(skip))),
        until=until,
        problems=problems,
        warnings=tuple(warnings),
        already_imported=already,
        existing_event_ids=tuple(sorted(e.id for e in mine)),
    )


def _clashes(session: Session, site: Site, occurrences: Sequence[tuple[dt.datetime, dt.datetime]]) -> list[str]:
    """Events already at the school overlapping the requested times (maybe the same event asked twice)."""
    from sharedsvc_desktop.timeutil import local_to_utc

    spans = []
    for start, end in occurrences:
        try:
            spans.append((local_to_utc(start, site.timezone), local_to_utc(end, site.timezone, field="end")))
        except ValidationError:
            continue
    if not spans:
        return []
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    found = list(session.scalars(
        select(Event).where(Event.site_id == site.id, Event.ends_at > lo, Event.starts_at < hi,
                            Event.status.in_(["requested", "approved", "staffed"])).order_by(Event.starts_at)
    ))
    out = []
    for e in found:
        if any(e.starts_at < end and e.ends_at > start for start, end in spans):
            local = utc_to_local(e.starts_at, e.timezone)
            out.append(f"{site.name} already has “{e.title}” (event {e.id}, {EVENT_STATUSES[e.status].lower()}) "
                       f"on {local:%a %b %d, %Y} at {local:%H:%M}: check this is not the same event.")
    if len(out) > 5:
        out = out[:5] + [f"… and {len(out) - 5} more events at the same times."]
    return out


# ------------------------------------------------------------------------------------------------ importing


@dataclass(frozen=True)
class RequestOutcome:
    """One file of an import: refused, with problems, imported before, or (to be) created."""

    filename: str
    status: str  # "refused", "problems", "already_imported", "duplicate", "ready" (dry run), "created"
    message: str  # one line for the user
    check: RequestCheck | None = None
    event_ids: tuple[int, ...] = ()
    series_id: int | None = None

    @property
    def request_id(self) -> str:
        return self.check.parsed.external_id if self.check is not None else ""

    @property
    def failed(self) -> bool:
        """Refused, or with problems to correct (imported before is not a failure: nothing to do)."""
        return self.status in ("refused", "problems")


STATUS_LABELS = {
    "refused": "Refused",
    "problems": "Problems",
    "already_imported": "Imported before",
    "duplicate": "Same as another file",
    "ready": "Ready",
    "created": "Created",
}


@dataclass(frozen=True)
class ImportResult:
    outcomes: tuple[RequestOutcome, ...]
    dry_run: bool

    @property
    def created_event_ids(self) -> list[int]:
        return [i for o in self.outcomes for i in o.event_ids if o.status == "created"]

    @property
    def failed(self) -> list[RequestOutcome]:
        return [o for o in self.outcomes if o.failed]

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def ready(self) -> list[RequestOutcome]:
        return [o for o in self.outcomes if o.status in ("ready", "created")]

    @property
    def summary(self) -> str:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        n_events = sum(len(o.check.occurrences) for o in self.ready if o.check is not None)
        parts = []
        if self.dry_run:
            if counts.get("ready"):
                parts.append(f"{counts['ready']} request{'s' if counts['ready'] != 1 else ''} ready "
                             f"({n_events} event{'s' if n_events != 1 else ''})")
        elif counts.get("created"):
            parts.append(f"{counts['created']} request{'s' if counts['created'] != 1 else ''} imported "
                         f"({n_events} event{'s' if n_events != 1 else ''} created)")
        for key, words in (("problems", "with problems"), ("refused", "refused"),
                           ("already_imported", "imported before"), ("duplicate", "repeated in this batch")):
            if counts.get(key):
                parts.append(f"{counts[key]} {words}")
        return ("; ".join(parts) or "Nothing to import") + "."


def _outcome_for_check(filename: str, check: RequestCheck, dry_run: bool) -> RequestOutcome:
    if check.problems:
        return RequestOutcome(filename, "problems", "; ".join(check.problem_texts), check)
    if check.already_imported:
        return RequestOutcome(filename, "already_imported", f"Nothing to do: {check.already_imported}.", check,
                              check.existing_event_ids)
    n = len(check.occurrences)
    what = f"{n} event{'s' if n != 1 else ''} at {check.site_name}: {check.title}, {check.when_text}"
    return RequestOutcome(filename, "ready", f"Will create {what}." if dry_run else what, check)


@requires("request_events")
def import_requests(
    session: Session, *, files: Sequence[tuple[str, bytes]], dry_run: bool = False
) -> ImportResult:
    """Read, check and (unless ``dry_run``) create the events of filled request forms, in this one transaction.

    Each file is handled on its own: a file refused or with problems creates nothing (and is listed with the
    reason), the good ones are created, status Requested (a weekly series when asked for), with
    ``external_request_id`` set so importing the same file again creates nothing.
    """
    outcomes: list[RequestOutcome] = []
    seen: dict[str, str] = {}
    for filename, data in files:
        try:
            parsed = read_request_form(data, filename=filename)
        except RequestFormRefused as exc:
            outcomes.append(RequestOutcome(filename, "refused", exc.fields["file"]))
            continue
        check = check_request(session, parsed=parsed)
        ext = parsed.external_id
        if ext in seen and not check.problems and not check.already_imported:
            outcomes.append(RequestOutcome(filename, "duplicate", f"The same filled form as {seen[ext]}: left out.",
                                           check))
            continue
        seen.setdefault(ext, filename)
        outcome = _outcome_for_check(filename, check, dry_run)
        if outcome.status != "ready" or dry_run:
            outcomes.append(outcome)
            continue
        try:
            outcomes.append(_create(session, filename, check))
        except ValidationError as exc:  # the services' own checks (they validate before adding anything)
            problems = tuple(FieldProblem(k, FIELD_LABELS.get(k, k), _lower_first(m)) for k, m in exc.fields.items())
            outcomes.append(RequestOutcome(filename, "problems", "; ".join(p.text for p in problems),
                                           _replace_problems(check, problems)))
    return ImportResult(tuple(outcomes), dry_run)


def _replace_problems(check: RequestCheck, problems: tuple[FieldProblem, ...]) -> RequestCheck:
    return replace(check, problems=problems)


def _create(session: Session, filename: str, check: RequestCheck) -> RequestOutcome:
    assert check.site_id is not None and check.occurrences
    ext = check.parsed.external_id
    common: dict[str, Any] = dict(
        site_id=check.site_id, event_type=check.event_type, title=check.title,
        officers_requested=check.officers_requested, supervisor_required=check.supervisor_required,
        expected_attendance=check.expected_attendance, requester_name=check.requester_name,
        requester_contact=check.requester_contact, notes=check.notes, agreement_id=check.agreement_id,
    )
    series_id = None
    if check.parsed.recurring:
        first_start, first_end = check.occurrences[0]
        made = create_series(
            session, first_date=first_start.date(), last_date=check.until, local_start_time=first_start.time(),
            local_end_time=first_end.time(), exceptions=list(check.exceptions), **common,
        )
        ids = list(made.event_ids)
        series_id = made.id
        for index, event_id in enumerate(ids, start=1):
            session.get(Event, event_id).external_request_id = f"{ext}#{index}"  # type: ignore[union-attr]
    else:
        start, end = check.occurrences[0]
        row = request_event(session, local_start=start, local_end=end, **common)
        ids = [row.id]
        session.get(Event, row.id).external_request_id = ext  # type: ignore[union-attr]
    session.flush()
    n = len(ids)
    message = (f"Created {n} event{'s' if n != 1 else ''} at {check.site_name}: {check.title}, {check.when_text} "
               f"(event{'s' if n != 1 else ''} {_id_range(ids)}).")
    return RequestOutcome(filename, "created", message, check, tuple(ids), series_id)


def _id_range(ids: Sequence[int]) -> str:
    ids = sorted(ids)
    return str(ids[0]) if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"


# ------------------------------------------------------------------------------------------------ confirmation


def request_events(session: Session, *, request_id: str) -> list[int]:
    """Ids of the events created from a request: a full id (``uuid:fingerprint``) or a form's request id (every
    request made with that blank form)."""
    key = request_id.strip()
    if ":" in key:
        cond = or_(Event.external_request_id == key, Event.external_request_id.like(f"{key}#%"))
    else:
        cond = Event.external_request_id.like(f"{key}:%")
    return list(session.scalars(select(Event.id).where(cond).order_by(Event.starts_at, Event.id)))


def write_confirmation(
    session: Session, *, out: Path | str | BinaryIO, request_id: str, today: dt.date | None = None
) -> int:
    """A printable confirmation of what was received from the school, and where each event stands. Returns the
    number of events listed."""
    ids = request_events(session, request_id=request_id)
    if not ids:
        raise NotFoundError(f"No request {request_id} has been imported.")
    rows = event_rows(session, ids)
    first = rows[0]
    event = session.get(Event, first.id)
    assert event is not None
    rule = ""
    if first.series_id is not None:
        series = session.get(EventSeries, first.series_id)
        rule = series.rule.split("\n", 1)[0] if series else ""
    received = utc_to_local(first.requested_at, first.timezone) if first.requested_at else None
    name, _lines = send_to(session, site_id=first.site_id)
    lines = []
    for r in rows:
        status = r.status_label
        if r.status == "declined" and r.decline_reason:
            status += f": {r.decline_reason}"
        lines.append(rf.ConfirmationLine(
            event_id=r.id, when=r.when_text, title=r.title, type_label=r.event_type_label,
            officers=f"{r.officers_requested}{' + supervisor' if r.supervisor_required else ''}", status=status,
        ))
    info = rf.ConfirmationInfo(
        request_id=(event.external_request_id or request_id).split("#")[0],
        site_name=first.site_name,
        requester_name=first.requester_name,
        requester_contact=first.requester_contact,
        received_on=f"{received:%b %d, %Y}" if received else "",
        from_name=name,
        series_rule=rule,
        lines=lines,
        notes=first.notes,
        generated_on=today or dt.date.today(),
    )
    rf.build_request_confirmation(out, info)
    return len(lines)


__all__ = [
    "FIELD_LABELS",
    "FieldProblem",
    "ImportResult",
    "ParsedRequest",
    "RequestCheck",
    "RequestFormRefused",
    "RequestOutcome",
    "STATUS_LABELS",
    "check_request",
    "import_requests",
    "parse_form_date",
    "parse_form_time",
    "read_request_form",
    "request_events",
    "send_to",
    "write_blank_request_form",
    "write_confirmation",
]
