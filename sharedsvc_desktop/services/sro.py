"""The School Resource Officer program: appointments, the weekly duty schedule, annual reviews, and the
concern → dismissal/reassignment procedure (West Hartford agreement, sections III, IV and X).

Rules kept here (the GUI, the command line and the tests all go through these functions):

- An appointment is one officer at one school for one school year ("2026-27" runs 1 August 2026 to 31 July 2027).
  It records who appointed the SRO (the chief or a designee) and on what date, and the superintendent consulted
  and the date of their agreement (which cannot be after the appointment).
- One SRO per school at a time: a second active appointment whose dates overlap another at the same school (or
  another school for the same officer) is refused unless ``allow_overlap=True``.
- The officer must be eligible (active, off probation, SRO basic and SEL/restorative-practices training current)
  on the later of today and the first day of the appointment; otherwise the appointment needs an override
  reason, which is recorded on it.
- Appointments are never deleted: ending one sets its end date and status, so every school's and officer's
  history stays.
- A concern goes principal → superintendent informed → chief notified → decision; each step is dated, on or
  after the one before, never in the future. A decision to dismiss or reassign ends the appointment on the
  decision date (status ``dismissed`` or ``reassigned``); "retain" leaves it running.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, NotFoundError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    Attachment,
    Officer,
    Party,
    Person,
    PersonRole,
    Qualification,
    Site,
    SroAppointment,
    SroConcern,
    SroDuty,
    SroReview,
)
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise
from sharedsvc_desktop.services.officers import _eligibility
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import zone

APPOINTMENT_STATUSES = {"active": "Active", "ended": "Ended", "dismissed": "Dismissed", "reassigned": "Reassigned"}
DECISIONS = {"dismiss": "Dismiss the SRO", "reassign": "Reassign the SRO", "retain": "Retain the SRO"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
#: The annual review falls due on this day (month, day) of the spring of the school year...
REVIEW_DUE_MONTH_DAY = (5, 1)
#: ...and is overdue this many days after the appointment's last day (time for the report to reach the chief).
REVIEW_GRACE_DAYS = 30
MAX_REPORT_BYTES = 20 * 1024 * 1024

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


# --------------------------------------------------------------------------------------------- school years


def school_year_of(day: dt.date) -> str:
    """The school year a date falls in: 1 August to 31 July, e.g. 2026-11-23 -> "2026-27"."""
    start = day.year if day.month >= 8 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def school_year_bounds(school_year: str) -> tuple[dt.date, dt.date]:
    """First and last day of a school year ("2026-27" -> 1 Aug 2026, 31 Jul 2027)."""
    start = parse_school_year(school_year)
    if start is None:
        raise ValidationError({"school_year": f"“{school_year}” is not a school year (write it like 2026-27)."})
    return dt.date(start, 8, 1), dt.date(start + 1, 7, 31)


def parse_school_year(text: object) -> int | None:
    """The first calendar year of "2026-27" (2026), or None when the text is not a school year."""
    m = _YEAR.match(str(text or "").strip())
    if not m:
        return None
    start = int(m.group(1))
    return start if (start + 1) % 100 == int(m.group(2)) else None


def school_years(session: Session, *, today: dt.date | None = None) -> list[str]:
    """Every school year with appointments, plus this one and the next; newest first (for a selector)."""
    today = today or dt.date.today()
    current = school_year_of(today)
    start = parse_school_year(current) or today.year
    years = set(session.scalars(select(SroAppointment.school_year).distinct()))
    years |= {current, f"{start + 1}-{(start + 2) % 100:02d}"}
    return sorted((y for y in years if parse_school_year(y) is not None), reverse=True)


# ---------------------------------------------------------------------------------------------- result rows


@dataclass(frozen=True)
class DutyRow:
    id: int
    weekday: int
    start_time: dt.time
    end_time: dt.time

    @property
    def weekday_label(self) -> str:
        return WEEKDAYS[self.weekday]

    @property
    def minutes(self) -> int:
        """Scheduled minutes on the wall clock (a day when the clocks change is an hour longer or shorter)."""
        return (self.end_time.hour * 60 + self.end_time.minute) - (self.start_time.hour * 60 + self.start_time.minute)

    @property
    def hours_text(self) -> str:
        return f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"


@dataclass(frozen=True)
class AppointmentRow:
    id: int
    school_year: str
    site_id: int
    site_name: str
    site_timezone: str
    principal_name: str
    officer_id: int
    officer_name: str
    badge_number: str
    officer_rank: str
    start_date: dt.date
    end_date: dt.date | None
    status: str
    appointed_by_id: int | None
    appointed_by_name: str
    appointed_by_title: str
    appointed_on: dt.date | None
    superintendent_id: int | None
    superintendent_name: str
    superintendent_title: str
    superintendent_agreed_on: dt.date | None
    agreement_id: int | None
    agreement_number: str
    eligibility_override_reason: str
    notes: str
    officer_eligible: bool
    eligibility_note: str
    schedule_text: str
    weekly_minutes: int
    review_state: str  # "Not yet due", "Due", "Overdue", "Done", "Report not sent", "Not needed"
    open_concern: bool

    @property
    def status_label(self) -> str:
        return APPOINTMENT_STATUSES.get(self.status, self.status)

    @property
    def dates_text(self) -> str:
        end = f"{self.end_date:%d %b %Y}" if self.end_date else "open"
        return f"{self.start_date:%d %b %Y} – {end}"


@dataclass(frozen=True)
class ReviewRow:
    id: int
    appointment_id: int
    meeting_date: dt.date | None
    attendees: str
    report_text: str
    report_filename: str
    report_size: int
    report_sha256: str
    sent_to_chief_on: dt.date | None

    @property
    def complete(self) -> bool:
        return self.meeting_date is not None and self.sent_to_chief_on is not None


@dataclass(frozen=True)
class ConcernRow:
    id: int
    appointment_id: int
    raised_on: dt.date
    reasons: str
    superintendent_informed_on: dt.date | None
    chief_notified_on: dt.date | None
    decision: str | None
    decision_on: dt.date | None
    notes: str

    @property
    def decision_label(self) -> str:
        return DECISIONS.get(self.decision or "", "")

    @property
    def next_step(self) -> str:
        """"superintendent_informed", "chief_notified", "decision", or "" when decided."""
        if self.superintendent_informed_on is None:
            return "superintendent_informed"
        if self.chief_notified_on is None:
            return "chief_notified"
        if self.decision is None:
            return "decision"
        return ""


@dataclass(frozen=True)
class TimelineEntry:
    day: dt.date
    title: str
    text: str
    kind: str  # appointment, review, concern, end


@dataclass(frozen=True)
class AppointmentDetail:
    appointment: AppointmentRow
    duties: list[DutyRow]
    reviews: list[ReviewRow]
    concerns: list[ConcernRow]
    timeline: list[TimelineEntry]
    review_due_from: dt.date
    review_overdue_after: dt.date


@dataclass(frozen=True)
class ReviewDue:
    """An annual review the school administration still owes (for the Dashboard)."""

    appointment_id: int
    school_year: str
    site_name: str
    officer_name: str
    due_from: dt.date
    overdue_after: dt.date
    overdue: bool
    what: str  # "Annual review meeting not yet held" / "Written report not yet sent to the chief"

    @property
    def text(self) -> str:
        state = "Overdue" if self.overdue else "Due"
        return f"{state}: {self.what} — {self.officer_name} at {self.site_name} ({self.school_year})"


@dataclass(frozen=True)
class DutyPeriod:
    """One stretch of SRO duty, as instants in UTC, with the school it is at."""

    appointment_id: int
    officer_id: int
    site_id: int
    site_name: str
    timezone: str
    local_date: dt.date
    starts_at: dt.datetime
    ends_at: dt.datetime


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    title: str
    role: str

    @property
    def text(self) -> str:
        return f"{self.name}, {self.title}" if self.title else self.name


# ---------------------------------------------------------------------------------------------- helpers


def _name(person: Person | None) -> str:
    return person.full_name if person is not None else ""


def _schedule_text(duties: Sequence[DutyRow]) -> str:
    """A short description: "Mon–Fri 07:15–15:15", or "Mon, Wed 08:00–12:00; Fri 08:00–15:00"."""
    if not duties:
        return "No duty schedule"
    groups: dict[str, list[int]] = {}
    for d in sorted(duties, key=lambda d: (d.weekday, d.start_time)):
        groups.setdefault(d.hours_text, []).append(d.weekday)
    parts = []
    for hours, days in groups.items():
        days = sorted(set(days))
        if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
            label = f"{WEEKDAYS_SHORT[days[0]]}–{WEEKDAYS_SHORT[days[-1]]}"
        else:
            label = ", ".join(WEEKDAYS_SHORT[d] for d in days)
        parts.append(f"{label} {hours}")
    return "; ".join(parts)


def _review_window(appt: SroAppointment) -> tuple[dt.date, dt.date]:
    """When the annual review falls due and when it becomes overdue.

    Due from 1 May of the school year (the spring the appointment runs into), or from the appointment's last
    day if it ends earlier; never before the appointment starts. Overdue once 30 days have passed after the
    appointment's last day (its end date, or the last day of the school year when it has none): the meeting is
    held near the end of the year's work and the written report then has a month to reach the chief.
    """
    first, last = school_year_bounds(appt.school_year)
    end = appt.end_date or last
    due = dt.date(first.year + 1, *REVIEW_DUE_MONTH_DAY)
    due = max(min(due, end), appt.start_date)
    return due, end + dt.timedelta(days=REVIEW_GRACE_DAYS)


def _review_state(appt: SroAppointment, reviews: Sequence[SroReview], today: dt.date) -> str:
    if any(r.meeting_date and r.sent_to_chief_on for r in reviews):
        return "Done"
    if appt.status in ("dismissed", "reassigned"):
        return "Not needed"
    if any(r.meeting_date for r in reviews):
        return "Report not sent"
    due, overdue_after = _review_window(appt)
    if today > overdue_after:
        return "Overdue"
    if today >= due:
        return "Due"
    return "Not yet due"


def _duty_rows(duties: Iterable[SroDuty]) -> list[DutyRow]:
    return [
        DutyRow(d.id, d.weekday, d.start_time, d.end_time)
        for d in sorted(duties, key=lambda d: (d.weekday, d.start_time))
    ]


def _parse_time(value: object, field: str, label: str, f: Fields) -> dt.time | None:
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = str(value or "").strip()
    if not text:
        f.error(field, f"{label} is required.")
        return None
    m = re.match(r"^(\d{1,2})(?::?(\d{2}))?$", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        f.error(field, f"{label} “{text}” is not a time of day (use HH:MM, e.g. 07:15).")
        return None
    return dt.time(int(m.group(1)), int(m.group(2) or 0))


def _validate_duties(duties: Iterable[object]) -> list[tuple[int, dt.time, dt.time]]:
    """(weekday, start, end) items; a weekday is 0..6 (Monday first) or a day name."""
    f = Fields()
    clean: list[tuple[int, dt.time, dt.time]] = []
    for n, item in enumerate(duties):
        try:
            weekday_raw, start_raw, end_raw = item  # type: ignore[misc]
        except (TypeError, ValueError):
            f.error(f"duty_{n}", "Each duty period needs a weekday, a start and an end.")
            continue
        weekday = _weekday(weekday_raw)
        if weekday is None:
            f.error(f"duty_{n}", f"“{weekday_raw}” is not a day of the week.")
            continue
        day = WEEKDAYS[weekday]
        start = _parse_time(start_raw, f"duty_{weekday}", f"{day} start", f)
        end = _parse_time(end_raw, f"duty_{weekday}", f"{day} end", f)
        if start is None or end is None:
            continue
        if end <= start:
            f.error(f"duty_{weekday}", f"{day}: the duty must end after it starts ({start:%H:%M}–{end:%H:%M}).")
            continue
        for other_day, other_start, other_end in clean:
            if other_day == weekday and start < other_end and other_start < end:
                f.error(f"duty_{weekday}", f"{day}: two duty periods overlap.")
        clean.append((weekday, start, end))
    f.check()
    return sorted(clean)


def _weekday(value: object) -> int | None:
    if isinstance(value, int) and 0 <= value <= 6:
        return value
    text = str(value).strip().lower()
    if text.isdigit() and 0 <= int(text) <= 6:
        return int(text)
    for i, name in enumerate(WEEKDAYS):
        if len(text) >= 2 and name.lower().startswith(text):
            return i
    return None


def _overlaps(a_start: dt.date, a_end: dt.date | None, b_start: dt.date, b_end: dt.date | None) -> bool:
    far = dt.date.max
    return a_start <= (b_end or far) and b_start <= (a_end or far)


def _officer_eligibility(session: Session, officer: Officer, day: dt.date) -> tuple[bool, str]:
    quals = list(session.scalars(select(Qualification).where(Qualification.person_id == officer.person_id)))
    labels = category_labels(session, "qualification", active_only=False)
    return _eligibility(officer, quals, labels, day)


# ------------------------------------------------------------------------------------------------ reading


def appointment_ids(
    session: Session,
    *,
    school_year: str | None = None,
    site_id: int | None = None,
    officer_id: int | None = None,
    search: str = "",
    active_only: bool = False,
) -> list[int]:
    """Appointments (ids) ordered by school year (newest first), school and start date."""
    stmt = (
        select(SroAppointment.id)
        .join(Site, SroAppointment.site_id == Site.id)
        .join(Officer, SroAppointment.officer_id == Officer.id)
        .join(Person, Officer.person_id == Person.id)
    )
    if school_year:
        stmt = stmt.where(SroAppointment.school_year == school_year)
    if site_id is not None:
        stmt = stmt.where(SroAppointment.site_id == site_id)
    if officer_id is not None:
        stmt = stmt.where(SroAppointment.officer_id == officer_id)
    if active_only:
        stmt = stmt.where(SroAppointment.status == "active")
    term = search.strip()
    if term:
        like = f"%{term}%"
        stmt = stmt.where(
            or_(Site.name.ilike(like), Person.last_name.ilike(like), Person.first_name.ilike(like),
                Officer.badge_number.ilike(like))
        )
    stmt = stmt.order_by(
        SroAppointment.school_year.desc(), func.lower(Site.name), SroAppointment.start_date, SroAppointment.id
    )
    return list(session.scalars(stmt))


def appointment_rows(session: Session, ids: Sequence[int], *, today: dt.date | None = None) -> list[AppointmentRow]:
    """Rows for the given ids, in the same order (ids that no longer exist are skipped)."""
    if not ids:
        return []
    today = today or dt.date.today()
    appts = list(session.scalars(select(SroAppointment).where(SroAppointment.id.in_(list(ids)))))
    site_by = {s.id: s for s in session.scalars(select(Site).where(Site.id.in_({a.site_id for a in appts})))}
    officer_by = {
        o.id: o for o in session.scalars(select(Officer).where(Officer.id.in_({a.officer_id for a in appts})))
    }
    person_ids = {a.appointed_by_id for a in appts} | {a.superintendent_id for a in appts}
    person_by = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(person_ids - {None})))}
    agreement_by = dict(
        session.execute(
            select(Agreement.id, Agreement.number).where(Agreement.id.in_({a.agreement_id for a in appts} - {None}))
        ).all()
    )
    duties: dict[int, list[SroDuty]] = {}
    for d in session.scalars(select(SroDuty).where(SroDuty.appointment_id.in_(list(ids)))):
        duties.setdefault(d.appointment_id, []).append(d)
    reviews: dict[int, list[SroReview]] = {}
    for r in session.scalars(select(SroReview).where(SroReview.appointment_id.in_(list(ids)))):
        reviews.setdefault(r.appointment_id, []).append(r)
    open_concerns = set(
        session.scalars(
            select(SroConcern.appointment_id).where(
                SroConcern.appointment_id.in_(list(ids)), SroConcern.decision.is_(None)
            )
        )
    )
    quals: dict[int, list[Qualification]] = {}
    for q in session.scalars(
        select(Qualification).where(Qualification.person_id.in_({o.person_id for o in officer_by.values()}))
    ):
        quals.setdefault(q.person_id, []).append(q)
    labels = category_labels(session, "qualification", active_only=False)

    by_id: dict[int, AppointmentRow] = {}
    for a in appts:
        site, officer = site_by[a.site_id], officer_by[a.officer_id]
        appointer, supt = person_by.get(a.appointed_by_id or -1), person_by.get(a.superintendent_id or -1)
        eligible, note = _eligibility(officer, quals.get(officer.person_id, []), labels, today)
        rows = _duty_rows(duties.get(a.id, []))
        by_id[a.id] = AppointmentRow(
            id=a.id,
            school_year=a.school_year,
            site_id=site.id,
            site_name=site.name,
            site_timezone=site.timezone,
            principal_name=site.principal_name,
            officer_id=officer.id,
            officer_name=officer.person.full_name,
            badge_number=officer.badge_number,
            officer_rank=officer.rank,
            start_date=a.start_date,
            end_date=a.end_date,
            status=a.status,
            appointed_by_id=a.appointed_by_id,
            appointed_by_name=_name(appointer),
            appointed_by_title=appointer.title if appointer else "",
            appointed_on=a.appointed_on,
            superintendent_id=a.superintendent_id,
            superintendent_name=_name(supt),
            superintendent_title=supt.title if supt else "",
            superintendent_agreed_on=a.superintendent_agreed_on,
            agreement_id=a.agreement_id,
            agreement_number=agreement_by.get(a.agreement_id, "") if a.agreement_id else "",
            eligibility_override_reason=a.eligibility_override_reason,
            notes=a.notes,
            officer_eligible=eligible,
            eligibility_note=note,
            schedule_text=_schedule_text(rows),
            weekly_minutes=sum(d.minutes for d in rows),
            review_state=_review_state(a, reviews.get(a.id, []), today),
            open_concern=a.id in open_concerns,
        )
    return [by_id[i] for i in ids if i in by_id]


def list_appointments(
    session: Session,
    *,
    school_year: str | None = None,
    site_id: int | None = None,
    officer_id: int | None = None,
    active_only: bool = False,
    today: dt.date | None = None,
) -> list[AppointmentRow]:
    ids = appointment_ids(
        session, school_year=school_year, site_id=site_id, officer_id=officer_id, active_only=active_only
    )
    return appointment_rows(session, ids, today=today)


def get_appointment(session: Session, *, appointment_id: int, today: dt.date | None = None) -> AppointmentRow:
    get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    return appointment_rows(session, [appointment_id], today=today)[0]


def _review_row(session: Session, r: SroReview) -> ReviewRow:
    att = session.get(Attachment, r.report_attachment_id) if r.report_attachment_id else None
    return ReviewRow(
        id=r.id,
        appointment_id=r.appointment_id,
        meeting_date=r.meeting_date,
        attendees=r.attendees,
        report_text=r.report_text,
        report_filename=att.filename if att else "",
        report_size=att.size if att else 0,
        report_sha256=att.sha256 if att else "",
        sent_to_chief_on=r.sent_to_chief_on,
    )


def _concern_row(c: SroConcern) -> ConcernRow:
    return ConcernRow(
        id=c.id,
        appointment_id=c.appointment_id,
        raised_on=c.raised_on,
        reasons=c.reasons,
        superintendent_informed_on=c.superintendent_informed_on,
        chief_notified_on=c.chief_notified_on,
        decision=c.decision,
        decision_on=c.decision_on,
        notes=c.notes,
    )


def appointment_detail(session: Session, *, appointment_id: int, today: dt.date | None = None) -> AppointmentDetail:
    """Everything the SRO program screen shows for one appointment, with a dated timeline."""
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    row = get_appointment(session, appointment_id=appointment_id, today=today)
    duties = _duty_rows(session.scalars(select(SroDuty).where(SroDuty.appointment_id == appointment_id)))
    reviews = [
        _review_row(session, r)
        for r in session.scalars(
            select(SroReview).where(SroReview.appointment_id == appointment_id).order_by(SroReview.id)
        )
    ]
    concerns = [
        _concern_row(c)
        for c in session.scalars(
            select(SroConcern)
            .where(SroConcern.appointment_id == appointment_id)
            .order_by(SroConcern.raised_on, SroConcern.id)
        )
    ]
    due, overdue_after = _review_window(appt)
    return AppointmentDetail(
        appointment=row,
        duties=duties,
        reviews=reviews,
        concerns=concerns,
        timeline=_timeline(row, reviews, concerns),
        review_due_from=due,
        review_overdue_after=overdue_after,
    )


def _timeline(row: AppointmentRow, reviews: Sequence[ReviewRow], concerns: Sequence[ConcernRow]) -> list[TimelineEntry]:
    items: list[tuple[dt.date, int, TimelineEntry]] = []
    n = 0

    def add(day: dt.date | None, title: str, text: str, kind: str) -> None:
        nonlocal n
        if day is not None:
            n += 1
            items.append((day, n, TimelineEntry(day, title, text, kind)))

    who = f"{row.superintendent_name}, {row.superintendent_title}".strip(", ")
    add(row.superintendent_agreed_on, "Superintendent consulted and agreed", who, "appointment")
    by = f"{row.appointed_by_name}, {row.appointed_by_title}".strip(", ")
    text = f"{row.officer_name} appointed SRO at {row.site_name} by {by or 'the chief'}."
    if row.eligibility_override_reason:
        text += f" Eligibility override: {row.eligibility_override_reason}"
    add(row.appointed_on, "Appointed", text, "appointment")
    add(row.start_date, "First day", f"Duty: {row.schedule_text}", "appointment")
    for r in reviews:
        add(r.meeting_date, "Annual review meeting", f"Attended: {r.attendees}".strip(), "review")
        add(r.sent_to_chief_on, "Review report sent to the chief", r.report_filename or "", "review")
    for c in concerns:
        add(c.raised_on, "Principal's concern raised", c.reasons, "concern")
        add(c.superintendent_informed_on, "Superintendent informed", "", "concern")
        add(c.chief_notified_on, "Chief notified", "", "concern")
        add(c.decision_on, f"Decision: {c.decision_label}", c.notes, "concern")
    if row.status != "active" and row.end_date is not None:
        add(row.end_date, f"Appointment {row.status_label.lower()}", row.notes, "end")
    items.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in items]


def people_with_role(session: Session, *, roles: Sequence[str], party_id: int | None = None) -> list[PersonChoice]:
    """Active people who hold one of ``roles`` now (no end date, or one in the future): chiefs and designees,
    superintendents. Ordered by the order of ``roles``, then by name."""
    today = dt.date.today()
    stmt = (
        select(Person, PersonRole)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(
            PersonRole.role.in_(list(roles)),
            Person.active.is_(True),
            or_(PersonRole.end_date.is_(None), PersonRole.end_date >= today),
        )
    )
    if party_id is not None:
        stmt = stmt.where(Person.party_id == party_id)
    seen: set[int] = set()
    out: list[PersonChoice] = []
    rows = sorted(
        session.execute(stmt).all(),
        key=lambda pr: (list(roles).index(pr[1].role), pr[0].last_name.casefold(), pr[0].first_name.casefold()),
    )
    for person, role in rows:
        if person.id not in seen:
            seen.add(person.id)
            out.append(PersonChoice(person.id, person.full_name, role.title or person.title, role.role))
    return out


@dataclass(frozen=True)
class AppointmentChoices:
    """What the appointment form offers: schools, officers (with eligibility), chiefs and superintendents."""

    sites: list[tuple[int, str]]
    officers: list[tuple[int, str, bool, str]]  # id, "Name (badge)", eligible, note
    appointers: list[PersonChoice]
    superintendents: list[PersonChoice]
    agreements: list[tuple[int, str]]


def appointment_choices(session: Session, *, today: dt.date | None = None) -> AppointmentChoices:
    from sharedsvc_desktop.services.officers import list_officers

    sites = [(s.id, s.name) for s in session.scalars(select(Site).where(Site.active.is_(True)).order_by(Site.name))]
    officers = [
        (o.id, f"{o.last_name}, {o.first_name} ({o.badge_number})", o.eligible, o.eligibility_note)
        for o in list_officers(session, include_inactive=False, today=today)
    ]
    agreements = [
        (a.id, f"{a.number} {a.title}")
        for a in session.scalars(
            select(Agreement).where(Agreement.active.is_(True), Agreement.kind == "sro_program").order_by(Agreement.number)
        )
    ]
    return AppointmentChoices(
        sites=sites,
        officers=officers,
        appointers=people_with_role(session, roles=["chief", "designee"]),
        superintendents=people_with_role(session, roles=["superintendent"]),
        agreements=agreements,
    )


# ------------------------------------------------------------------------------------------- appointments


def _check_people(
    session: Session, f: Fields, *, appointed_by_id: int | None, superintendent_id: int | None
) -> None:
    if appointed_by_id is None:
        f.error("appointed_by_id", "Choose who appointed the SRO (the chief of police or a designee).")
    elif session.get(Person, appointed_by_id) is None:
        f.error("appointed_by_id", "The person chosen as appointing the SRO no longer exists.")
    if superintendent_id is None:
        f.error("superintendent_id", "Choose the superintendent who was consulted and agreed.")
    elif session.get(Person, superintendent_id) is None:
        f.error("superintendent_id", "The superintendent chosen no longer exists.")


def _check_dates(
    f: Fields,
    *,
    school_year: str,
    start: dt.date | None,
    end: dt.date | None,
    appointed_on: dt.date | None,
    agreed_on: dt.date | None,
) -> None:
    first_year = parse_school_year(school_year)
    if first_year is None:
        f.error("school_year", f"“{school_year}” is not a school year (write it like 2026-27).")
        return
    first, last = school_year_bounds(school_year)
    if start and not first <= start <= last:
        f.error("start_date", f"The first day must fall in the {school_year} school year "
                              f"({first:%d %b %Y} to {last:%d %b %Y}).")
    if start and end and end < start:
        f.error("end_date", "The last day is before the first day.")
    elif end and end > last:
        f.error("end_date", f"An appointment is for one school year: the last day can be {last:%d %b %Y} at the "
                            "latest. Appoint the SRO again for the next year.")
    if appointed_on is None:
        f.error("appointed_on", "The date of the appointment is required.")
    if agreed_on is None:
        f.error("superintendent_agreed_on", "The date the superintendent agreed is required.")
    if appointed_on and agreed_on and agreed_on > appointed_on:
        f.error("superintendent_agreed_on", "The superintendent's agreement comes before the appointment: "
                                            "this date is after the date of appointment.")


def _check_overlap(
    session: Session,
    *,
    appointment_id: int | None,
    site: Site,
    officer: Officer,
    start: dt.date,
    end: dt.date | None,
) -> None:
    others = session.scalars(
        select(SroAppointment).where(
            SroAppointment.status == "active",
            or_(SroAppointment.site_id == site.id, SroAppointment.officer_id == officer.id),
        )
    )
    for other in others:
        if other.id == appointment_id or not _overlaps(start, end, other.start_date, other.end_date):
            continue
        when = f"{other.start_date:%d %b %Y} – {other.end_date:%d %b %Y}" if other.end_date else "open-ended"
        other_officer = session.get(Officer, other.officer_id)
        if other.site_id == site.id:
            raise ConflictError(
                f"{site.name} already has an SRO for those dates: {_name(other_officer.person if other_officer else None)}"
                f" ({when}). End that appointment first, or tick “allow a second SRO” to appoint two."
            )
        other_site = session.get(Site, other.site_id)
        raise ConflictError(
            f"{officer.person.full_name} is already the SRO at {other_site.name if other_site else 'another school'}"
            f" for those dates ({when}). End that appointment first, or tick “allow a second SRO” to appoint anyway."
        )


@requires("manage_sro")
def appoint_sro(
    session: Session,
    *,
    site_id: int,
    officer_id: int,
    school_year: str,
    start_date: dt.date | str,
    end_date: dt.date | str | None = None,
    appointed_by_id: int | None = None,
    appointed_on: dt.date | str | None = None,
    superintendent_id: int | None = None,
    superintendent_agreed_on: dt.date | str | None = None,
    agreement_id: int | None = None,
    eligibility_override_reason: str = "",
    allow_overlap: bool = False,
    duties: Iterable[object] | None = None,
    notes: str = "",
    today: dt.date | None = None,
) -> AppointmentRow:
    """Appoint ``officer_id`` as SRO at ``site_id`` for ``school_year``.

    ``end_date`` defaults to the last day of the school year (31 July). ``duties`` is the weekly schedule as
    (weekday, start "HH:MM", end "HH:MM") items. An ineligible officer needs ``eligibility_override_reason``;
    for an eligible one any reason given is not stored (there is nothing to override).
    """
    today = today or dt.date.today()
    f = Fields()
    year = f.text(school_year, "school_year", "School year", max_len=9, required=True)
    start = f.date(start_date, "start_date", "First day", required=True)
    end = f.date(end_date, "end_date", "Last day")
    when = f.date(appointed_on, "appointed_on", "Date of appointment")
    agreed = f.date(superintendent_agreed_on, "superintendent_agreed_on", "Date of the superintendent's agreement")
    reason = f.text(eligibility_override_reason, "eligibility_override_reason", "Reason for the override",
                    max_len=2000, multiline=True)
    text = f.text(notes, "notes", "Notes", max_len=4000, multiline=True)
    site = session.get(Site, site_id) if site_id is not None else None
    officer = session.get(Officer, officer_id) if officer_id is not None else None
    if site is None:
        f.error("site_id", "Choose the school.")
    elif not site.active:
        f.error("site_id", f"{site.name} is inactive; reactivate it before appointing an SRO there.")
    if officer is None:
        f.error("officer_id", "Choose the officer.")
    if agreement_id is not None and session.get(Agreement, agreement_id) is None:
        f.error("agreement_id", "The agreement chosen no longer exists.")
    _check_people(session, f, appointed_by_id=appointed_by_id, superintendent_id=superintendent_id)
    if year and "school_year" not in f.errors:
        _check_dates(f, school_year=year, start=start, end=end, appointed_on=when, agreed_on=agreed)
    if officer is not None and start is not None and "officer_id" not in f.errors:
        eligible, note = _officer_eligibility(session, officer, max(today, start))
        if eligible:
            reason = ""
        elif not reason:
            f.error(
                "eligibility_override_reason",
                f"{officer.person.full_name} cannot be appointed: {note.removeprefix('Not eligible: ')} "
                "To appoint anyway, give the reason for overriding the eligibility rule.",
            )
    f.check()
    clean_duties = _validate_duties(duties or [])
    assert site is not None and officer is not None and start is not None
    end = end or school_year_bounds(year)[1]
    if not allow_overlap:
        _check_overlap(session, appointment_id=None, site=site, officer=officer, start=start, end=end)
    appt = SroAppointment(
        site_id=site.id,
        officer_id=officer.id,
        agreement_id=agreement_id,
        school_year=year,
        start_date=start,
        end_date=end,
        appointed_by_id=appointed_by_id,
        appointed_on=when,
        superintendent_id=superintendent_id,
        superintendent_agreed_on=agreed,
        status="active",
        eligibility_override_reason=reason,
        notes=text,
    )
    session.add(appt)
    session.flush()
    for weekday, s, e in clean_duties:
        session.add(SroDuty(appointment_id=appt.id, weekday=weekday, start_time=s, end_time=e))
    session.flush()
    return get_appointment(session, appointment_id=appt.id, today=today)


@requires("manage_sro")
def update_appointment(
    session: Session,
    *,
    appointment_id: int,
    start_date: dt.date | str,
    end_date: dt.date | str | None,
    appointed_by_id: int | None,
    appointed_on: dt.date | str | None,
    superintendent_id: int | None,
    superintendent_agreed_on: dt.date | str | None,
    agreement_id: int | None = None,
    allow_overlap: bool = False,
    notes: str = "",
    today: dt.date | None = None,
) -> AppointmentRow:
    """Correct an appointment's dates, who appointed it and the superintendent's agreement. The school and the
    officer cannot change: end the appointment and make a new one, so the history stays true."""
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    f = Fields()
    start = f.date(start_date, "start_date", "First day", required=True)
    end = f.date(end_date, "end_date", "Last day")
    when = f.date(appointed_on, "appointed_on", "Date of appointment")
    agreed = f.date(superintendent_agreed_on, "superintendent_agreed_on", "Date of the superintendent's agreement")
    text = f.text(notes, "notes", "Notes", max_len=4000, multiline=True)
    _check_people(session, f, appointed_by_id=appointed_by_id, superintendent_id=superintendent_id)
    _check_dates(f, school_year=appt.school_year, start=start, end=end, appointed_on=when, agreed_on=agreed)
    if agreement_id is not None and session.get(Agreement, agreement_id) is None:
        f.error("agreement_id", "The agreement chosen no longer exists.")
    first_event = session.scalar(
        select(func.min(SroConcern.raised_on)).where(SroConcern.appointment_id == appointment_id)
    )
    if start and first_event and start > first_event:
        f.error("start_date", f"A concern was raised on {first_event:%d %b %Y}; the first day cannot be after it.")
    f.check()
    assert start is not None
    end = end or school_year_bounds(appt.school_year)[1]
    if appt.status == "active" and not allow_overlap:
        site, officer = session.get(Site, appt.site_id), session.get(Officer, appt.officer_id)
        assert site is not None and officer is not None
        _check_overlap(session, appointment_id=appt.id, site=site, officer=officer, start=start, end=end)
    appt.start_date, appt.end_date = start, end
    appt.appointed_by_id, appt.appointed_on = appointed_by_id, when
    appt.superintendent_id, appt.superintendent_agreed_on = superintendent_id, agreed
    appt.agreement_id = agreement_id
    appt.notes = text
    session.flush()
    return get_appointment(session, appointment_id=appointment_id, today=today)


@requires("manage_sro")
def end_appointment(
    session: Session,
    *,
    appointment_id: int,
    end_date: dt.date | str,
    reason: str = "",
    today: dt.date | None = None,
) -> AppointmentRow:
    """End an active appointment early (or confirm its last day): status ``ended``, the record is kept.
    Dismissal and reassignment go through a concern and its decision instead (section X)."""
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    if appt.status != "active":
        raise ConflictError(f"This appointment is already {APPOINTMENT_STATUSES[appt.status].lower()}.")
    f = Fields()
    end = f.date(end_date, "end_date", "Last day", required=True)
    why = f.text(reason, "reason", "Reason", max_len=2000, multiline=True)
    if end and end < appt.start_date:
        f.error("end_date", f"The last day cannot be before the first day ({appt.start_date:%d %b %Y}).")
    if end and end > school_year_bounds(appt.school_year)[1]:
        f.error("end_date", f"The last day must fall in the {appt.school_year} school year.")
    f.check()
    appt.end_date = end
    appt.status = "ended"
    if why:
        appt.notes = (appt.notes + "\n" if appt.notes else "") + f"Ended {end:%d %b %Y}: {why}"
    session.flush()
    return get_appointment(session, appointment_id=appointment_id, today=today)


@requires("manage_sro")
def set_duty_schedule(
    session: Session, *, appointment_id: int, duties: Iterable[object], today: dt.date | None = None
) -> AppointmentRow:
    """Replace the weekly duty schedule: (weekday 0=Monday, start "HH:MM", end "HH:MM") items, local time at
    the school. A period must end after it starts on the same day; periods on one day may not overlap."""
    get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    clean = _validate_duties(duties)
    for old in session.scalars(select(SroDuty).where(SroDuty.appointment_id == appointment_id)):
        session.delete(old)
    session.flush()
    for weekday, s, e in clean:
        session.add(SroDuty(appointment_id=appointment_id, weekday=weekday, start_time=s, end_time=e))
    session.flush()
    return get_appointment(session, appointment_id=appointment_id, today=today)


def duty_schedule(session: Session, *, appointment_id: int) -> list[DutyRow]:
    get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    return _duty_rows(session.scalars(select(SroDuty).where(SroDuty.appointment_id == appointment_id)))


# ------------------------------------------------------------------------------------------ duty instants


def _wall_to_utc(day: dt.date, time: dt.time, tz: ZoneInfo, *, fold: int) -> dt.datetime:
    """A wall-clock time on a date at the school, as UTC.

    A weekly schedule cannot refuse the nights the clocks change, so: a time that does not exist (skipped when
    the clocks go forward) is read with the offset from before the change, i.e. one hour later on the new clock;
    a time that happens twice takes the first occurrence for a start (``fold=0``) and the second for an end
    (``fold=1``), so a duty period is never shortened.
    """
    return dt.datetime.combine(day, time, tzinfo=tz).replace(fold=fold).astimezone(dt.UTC)


def sro_on_duty(
    session: Session, *, officer_id: int, start_utc: dt.datetime, end_utc: dt.datetime
) -> list[DutyPeriod]:
    """The officer's SRO duty periods that overlap [start_utc, end_utc) (touching ends do not overlap), with
    the school, from every appointment (whatever its status) on the dates it ran. Each weekly period is placed
    on the school's wall clock in its own time zone and converted to UTC day by day, so 07:15 stays 07:15 local
    on both sides of a daylight-saving change."""
    if start_utc.tzinfo is None or end_utc.tzinfo is None:
        raise ValueError("sro_on_duty needs aware datetimes")
    if end_utc <= start_utc:
        return []
    rows = session.execute(
        select(SroAppointment, Site)
        .join(Site, SroAppointment.site_id == Site.id)
        .where(SroAppointment.officer_id == officer_id)
    ).all()
    periods: list[DutyPeriod] = []
    for appt, site in rows:
        duties = list(session.scalars(select(SroDuty).where(SroDuty.appointment_id == appt.id)))
        if not duties:
            continue
        tz = zone(site.timezone)
        first = start_utc.astimezone(tz).date() - dt.timedelta(days=1)
        last = end_utc.astimezone(tz).date() + dt.timedelta(days=1)
        first = max(first, appt.start_date)
        if appt.end_date is not None:
            last = min(last, appt.end_date)
        day = first
        while day <= last:
            for d in duties:
                if d.weekday != day.weekday():
                    continue
                s = _wall_to_utc(day, d.start_time, tz, fold=0)
                e = _wall_to_utc(day, d.end_time, tz, fold=1)
                if s < end_utc and e > start_utc:
                    periods.append(
                        DutyPeriod(appt.id, officer_id, site.id, site.name, site.timezone, day, s, e)
                    )
            day += dt.timedelta(days=1)
    return sorted(periods, key=lambda p: (p.starts_at, p.site_name))


# ------------------------------------------------------------------------------------------------ reviews


def _store_report(
    session: Session, review: SroReview, filename: str, data: bytes
) -> None:
    name = Path(filename).name.strip() or "report"
    if len(data) > MAX_REPORT_BYTES:
        raise ValidationError({"report_file": f"The file is too large ({len(data) // (1024 * 1024)} MB; at most "
                                              f"{MAX_REPORT_BYTES // (1024 * 1024)} MB)."})
    if not data:
        raise ValidationError({"report_file": f"The file “{name}” is empty."})
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    att = Attachment(
        owner_table="sro_review", owner_id=review.id, filename=name[:300], mime_type=mime,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data), data=data,
    )
    session.add(att)
    session.flush()
    review.report_attachment_id = att.id


def _validate_review(
    appt: SroAppointment,
    *,
    meeting_date: object,
    attendees: object,
    report_text: object,
    sent_to_chief_on: object,
    today: dt.date,
) -> tuple[dt.date | None, str, str, dt.date | None]:
    f = Fields()
    meeting = f.date(meeting_date, "meeting_date", "Meeting date", required=True)
    who = f.text(attendees, "attendees", "Who attended", max_len=2000, multiline=True, required=True)
    text = f.text(report_text, "report_text", "Written report", max_len=100_000, multiline=True)
    sent = f.date(sent_to_chief_on, "sent_to_chief_on", "Date sent to the chief")
    if meeting and meeting < appt.start_date:
        f.error("meeting_date", f"The meeting is before the appointment began ({appt.start_date:%d %b %Y}).")
    if sent and meeting and sent < meeting:
        f.error("sent_to_chief_on", "The report cannot be sent to the chief before the meeting.")
    if sent and sent > today:
        f.error("sent_to_chief_on", "The date sent to the chief is in the future.")
    f.check()
    return meeting, who, text, sent


@requires("manage_sro")
def record_review(
    session: Session,
    *,
    appointment_id: int,
    meeting_date: dt.date | str,
    attendees: str,
    report_text: str = "",
    sent_to_chief_on: dt.date | str | None = None,
    report_filename: str = "",
    report_data: bytes | None = None,
    today: dt.date | None = None,
) -> ReviewRow:
    """Record the annual review of an appointment: the meeting (date, who attended: school administration, the
    SRO, the chief or designee), the school administration's written report (text and/or an attached file) and
    the date it was sent to the chief. One review per appointment (an appointment is one school year)."""
    today = today or dt.date.today()
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    existing = session.scalar(select(SroReview).where(SroReview.appointment_id == appointment_id))
    if existing is not None:
        raise ConflictError(
            f"The {appt.school_year} review of this appointment is already recorded"
            + (f" (meeting {existing.meeting_date:%d %b %Y})" if existing.meeting_date else "")
            + "; change that one instead."
        )
    meeting, who, text, sent = _validate_review(
        appt, meeting_date=meeting_date, attendees=attendees, report_text=report_text,
        sent_to_chief_on=sent_to_chief_on, today=today,
    )
    review = SroReview(appointment_id=appointment_id, meeting_date=meeting, attendees=who, report_text=text,
                       sent_to_chief_on=sent)
    session.add(review)
    session.flush()
    if report_data is not None:
        _store_report(session, review, report_filename, report_data)
    session.flush()
    return _review_row(session, review)


@requires("manage_sro")
def update_review(
    session: Session,
    *,
    review_id: int,
    meeting_date: dt.date | str,
    attendees: str,
    report_text: str = "",
    sent_to_chief_on: dt.date | str | None = None,
    report_filename: str = "",
    report_data: bytes | None = None,
    today: dt.date | None = None,
) -> ReviewRow:
    """Complete or correct a review (e.g. add the date the report went to the chief, attach the report). A new
    file replaces the attached one; the old file is kept in the database with its fingerprint."""
    today = today or dt.date.today()
    review = get_or_raise(session, SroReview, review_id, "SRO review")
    appt = get_or_raise(session, SroAppointment, review.appointment_id, "SRO appointment")
    meeting, who, text, sent = _validate_review(
        appt, meeting_date=meeting_date, attendees=attendees, report_text=report_text,
        sent_to_chief_on=sent_to_chief_on, today=today,
    )
    review.meeting_date, review.attendees, review.report_text, review.sent_to_chief_on = meeting, who, text, sent
    if report_data is not None:
        _store_report(session, review, report_filename, report_data)
    session.flush()
    return _review_row(session, review)


def review_report_file(session: Session, *, review_id: int) -> tuple[str, bytes]:
    """The attached written report of a review: (file name, contents)."""
    review = get_or_raise(session, SroReview, review_id, "SRO review")
    att = session.get(Attachment, review.report_attachment_id) if review.report_attachment_id else None
    if att is None:
        raise NotFoundError("No report file is attached to this review.")
    return att.filename, bytes(att.data)


def reviews_due(session: Session, *, today: dt.date) -> list[ReviewDue]:
    """Annual reviews still owed, for the Dashboard, overdue first.

    Due from 1 May of the school year (earlier if the appointment ends before then); overdue once 30 days have
    passed after the appointment's last day. Done when the meeting is held and the written report has been sent to the chief.
    Appointments ended by a dismissal or reassignment need no review. Only this school year and the one before
    are looked at, so years-old gaps do not fill the Dashboard for ever.
    """
    current = parse_school_year(school_year_of(today))
    assert current is not None
    years = [school_year_of(dt.date(current, 9, 1)), school_year_of(dt.date(current - 1, 9, 1))]
    rows = session.execute(
        select(SroAppointment, Site, Person)
        .join(Site, SroAppointment.site_id == Site.id)
        .join(Officer, SroAppointment.officer_id == Officer.id)
        .join(Person, Officer.person_id == Person.id)
        .where(SroAppointment.school_year.in_(years), SroAppointment.status.in_(["active", "ended"]))
    ).all()
    reviews: dict[int, list[SroReview]] = {}
    ids = [a.id for a, _s, _p in rows]
    for r in session.scalars(select(SroReview).where(SroReview.appointment_id.in_(ids))):
        reviews.setdefault(r.appointment_id, []).append(r)
    out: list[ReviewDue] = []
    for appt, site, person in rows:
        mine = reviews.get(appt.id, [])
        if any(r.meeting_date and r.sent_to_chief_on for r in mine):
            continue
        due, overdue_after = _review_window(appt)
        if today < due:
            continue
        held = any(r.meeting_date for r in mine)
        what = "Written report not yet sent to the chief" if held else "Annual review meeting not yet held"
        out.append(
            ReviewDue(appt.id, appt.school_year, site.name, person.full_name, due, overdue_after,
                      today > overdue_after, what)
        )
    return sorted(out, key=lambda r: (not r.overdue, r.overdue_after, r.site_name))


# ---------------------------------------------------------------------------------------------- concerns


def _step_date(value: object, field: str, label: str, *, after: dt.date, after_label: str, today: dt.date) -> dt.date:
    f = Fields()
    day = f.date(value, field, label, required=True)
    if day and day < after:
        f.error(field, f"{label} cannot be before {after_label} ({after:%d %b %Y}).")
    if day and day > today:
        f.error(field, f"{label} is in the future; record each step once it has happened.")
    f.check()
    assert day is not None
    return day


@requires("manage_sro")
def raise_concern(
    session: Session,
    *,
    appointment_id: int,
    raised_on: dt.date | str,
    reasons: str,
    notes: str = "",
    today: dt.date | None = None,
) -> ConcernRow:
    """Record the principal's concern that the SRO is not performing effectively (the first step of section X)."""
    today = today or dt.date.today()
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    if appt.status != "active":
        raise ConflictError(f"This appointment is {APPOINTMENT_STATUSES[appt.status].lower()}; a concern can only "
                            "be raised about a serving SRO.")
    open_one = session.scalar(
        select(SroConcern).where(SroConcern.appointment_id == appointment_id, SroConcern.decision.is_(None))
    )
    if open_one is not None:
        raise ConflictError(f"The concern raised on {open_one.raised_on:%d %b %Y} is still open; record its "
                            "remaining steps first.")
    f = Fields()
    why = f.text(reasons, "reasons", "Reasons", max_len=10_000, multiline=True, required=True)
    text = f.text(notes, "notes", "Notes", max_len=4000, multiline=True)
    day = f.date(raised_on, "raised_on", "Date raised", required=True)
    if day and day < appt.start_date:
        f.error("raised_on", f"The concern is dated before the appointment began ({appt.start_date:%d %b %Y}).")
    if day and appt.end_date and day > appt.end_date:
        f.error("raised_on", f"The appointment ended on {appt.end_date:%d %b %Y}, before this date.")
    if day and day > today:
        f.error("raised_on", "Date raised is in the future.")
    f.check()
    concern = SroConcern(appointment_id=appointment_id, raised_on=day, reasons=why, notes=text)
    session.add(concern)
    session.flush()
    return _concern_row(concern)


@requires("manage_sro")
def record_superintendent_informed(
    session: Session, *, concern_id: int, informed_on: dt.date | str, today: dt.date | None = None
) -> ConcernRow:
    """The principal contacted the superintendent (on or after the day the concern was raised)."""
    today = today or dt.date.today()
    c = get_or_raise(session, SroConcern, concern_id, "Concern")
    if c.superintendent_informed_on is not None:
        raise ConflictError(f"The superintendent was already recorded as informed on "
                            f"{c.superintendent_informed_on:%d %b %Y}.")
    c.superintendent_informed_on = _step_date(
        informed_on, "informed_on", "The date the superintendent was informed",
        after=c.raised_on, after_label="the concern was raised", today=today,
    )
    session.flush()
    return _concern_row(c)


@requires("manage_sro")
def record_chief_notified(
    session: Session, *, concern_id: int, notified_on: dt.date | str, today: dt.date | None = None
) -> ConcernRow:
    """The superintendent notified the chief of police or designee (after the superintendent was informed)."""
    today = today or dt.date.today()
    c = get_or_raise(session, SroConcern, concern_id, "Concern")
    if c.superintendent_informed_on is None:
        raise ConflictError("Record first when the superintendent was informed: the superintendent notifies the "
                            "chief.")
    if c.chief_notified_on is not None:
        raise ConflictError(f"The chief was already recorded as notified on {c.chief_notified_on:%d %b %Y}.")
    c.chief_notified_on = _step_date(
        notified_on, "notified_on", "The date the chief was notified",
        after=c.superintendent_informed_on, after_label="the superintendent was informed", today=today,
    )
    session.flush()
    return _concern_row(c)


@requires("manage_sro")
def decide_concern(
    session: Session,
    *,
    concern_id: int,
    decision: str,
    decided_on: dt.date | str,
    notes: str = "",
    today: dt.date | None = None,
) -> ConcernRow:
    """The chief's decision: dismiss, reassign or retain. Dismiss and reassign end the appointment on the
    decision date (status ``dismissed`` / ``reassigned``)."""
    today = today or dt.date.today()
    c = get_or_raise(session, SroConcern, concern_id, "Concern")
    appt = get_or_raise(session, SroAppointment, c.appointment_id, "SRO appointment")
    if c.chief_notified_on is None:
        raise ConflictError("Record first when the chief was notified: the chief decides after being notified.")
    if c.decision is not None:
        raise ConflictError(f"The decision was already recorded ({DECISIONS[c.decision].lower()}, "
                            f"{c.decision_on:%d %b %Y}).")
    f = Fields()
    code = f.choice(decision, "decision", "Decision", DECISIONS)
    text = f.text(notes, "notes", "Notes", max_len=4000, multiline=True)
    f.check()
    day = _step_date(decided_on, "decided_on", "The date of the decision",
                     after=c.chief_notified_on, after_label="the chief was notified", today=today)
    if code in ("dismiss", "reassign"):
        if appt.status != "active":
            raise ConflictError(f"The appointment is already {APPOINTMENT_STATUSES[appt.status].lower()}.")
        if appt.end_date is not None and day > appt.end_date:
            raise ValidationError({"decided_on": f"The appointment had already ended on {appt.end_date:%d %b %Y}."})
        appt.status = "dismissed" if code == "dismiss" else "reassigned"
        appt.end_date = day
    c.decision, c.decision_on = code, day
    if text:
        c.notes = (c.notes + "\n" if c.notes else "") + text
    session.flush()
    return _concern_row(c)


# ---------------------------------------------------------------------------------------------- documents


def _organizations(session: Session, appt: SroAppointment) -> tuple[str, str]:
    """(police department, school district) names for letterheads."""
    officer = session.get(Officer, appt.officer_id)
    site = session.get(Site, appt.site_id)
    police = session.get(Party, officer.person.party_id) if officer and officer.person.party_id else None
    district = session.get(Party, site.party_id) if site and site.party_id else None
    return (police.name if police else ""), (district.name if district else "")


def write_appointment_letter(
    session: Session, *, out: Path | BinaryIO, appointment_id: int, today: dt.date | None = None
) -> int:
    """The appointment letter (PDF) from the chief to the officer, copied to the superintendent and the
    principal. Returns the number of pages written (1)."""
    from sharedsvc_desktop.documents.sro import build_appointment_letter

    today = today or dt.date.today()
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    detail = appointment_detail(session, appointment_id=appointment_id, today=today)
    police, district = _organizations(session, appt)
    build_appointment_letter(out, detail, police=police, district=district, generated_on=today)
    return 1


def write_schedule_notice(
    session: Session, *, out: Path | BinaryIO, appointment_id: int, today: dt.date | None = None
) -> int:
    """The SRO's work schedule as a notice to the school principal (PDF)."""
    from sharedsvc_desktop.documents.sro import build_schedule_notice

    today = today or dt.date.today()
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    detail = appointment_detail(session, appointment_id=appointment_id, today=today)
    police, district = _organizations(session, appt)
    build_schedule_notice(out, detail, police=police, district=district, generated_on=today)
    return 1


def write_review_form(
    session: Session,
    *,
    out: Path | BinaryIO,
    appointment_id: int,
    filled: bool = True,
    today: dt.date | None = None,
) -> int:
    """The annual review form (PDF): ``filled=False`` prints it blank for handwriting (the appointment's
    names only); ``filled=True`` with what has been recorded."""
    from sharedsvc_desktop.documents.sro import build_review_form

    today = today or dt.date.today()
    appt = get_or_raise(session, SroAppointment, appointment_id, "SRO appointment")
    detail = appointment_detail(session, appointment_id=appointment_id, today=today)
    police, district = _organizations(session, appt)
    review = detail.reviews[0] if (filled and detail.reviews) else None
    build_review_form(out, detail, review=review, police=police, district=district, generated_on=today)
    return 1
