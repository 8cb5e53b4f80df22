"""Officers on events: assigning with every conflict check, overrides, overtime approval, staffing status.

Checks made before an officer is put on an event (each refusal names what it clashes with):

- the officer is inactive (never overridable) or not eligible for school details (training, leave, probation);
- the officer is already assigned to an overlapping event (back-to-back is fine);
- the officer is on SRO duty at another school at that time;
- the daily or weekly hour cap would be exceeded, or the minimum rest between work days broken
  (see ``coverage_rules``; regular SRO duty counts as work).

A supervisor may override any refusal but the first with a reason; the reason and what was overridden are
recorded on the assignment. Work outside the officer's regular duty is overtime and needs approval before it
counts toward staffing. SRO duty comes from ``services.sro.sro_on_duty`` (regular duty, and a clash elsewhere).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import EVENT_STATUSES
from sharedsvc_desktop.errors import ConflictError, PermissionDenied, ValidationError
from sharedsvc_desktop.models import (
    AgreementParty,
    Assignment,
    Event,
    Officer,
    Person,
    Site,
    UserAccount,
)
from sharedsvc_desktop.services import notify
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.coverage_rules import CoverageSettings, coverage_settings
from sharedsvc_desktop.services.events import (
    HOLDING_STATUSES,
    OPEN_STATUSES,
    EventRow,
    event_ids,
    event_rows,
    local_range,
    refresh_staffing,
)
from sharedsvc_desktop.services.officers import officer_rows
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import local_to_utc, minutes_between, now_utc, utc_to_local

#: How far around an assignment other work is looked at for caps and rest.
_HORIZON = dt.timedelta(days=8)


# ----------------------------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class AssignmentRow:
    id: int
    event_id: int
    event_title: str
    event_status: str
    site_id: int
    site_name: str
    officer_id: int
    officer_name: str
    badge_number: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    timezone: str
    is_supervisor: bool
    is_overtime: bool
    overtime_approved_at: dt.datetime | None
    override_reason: str
    active: bool
    covers_whole_event: bool

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
    def when_text(self) -> str:
        return when_text(self.starts_at, self.ends_at, self.timezone)

    @property
    def confirmed(self) -> bool:
        return not self.is_overtime or self.overtime_approved_at is not None

    @property
    def overtime_text(self) -> str:
        if not self.is_overtime:
            return ""
        return "overtime, approved" if self.overtime_approved_at else "overtime, waiting for approval"


@dataclass(frozen=True)
class Conflict:
    kind: str  # inactive, eligibility, overlap, sro_duty, daily_cap, weekly_cap, rest, status
    message: str
    overridable: bool = True


KIND_LABELS = {
    "inactive": "inactive",
    "eligibility": "not eligible",
    "overlap": "overlapping assignment",
    "sro_duty": "SRO duty elsewhere",
    "daily_cap": "daily hour limit",
    "weekly_cap": "weekly hour limit",
    "rest": "minimum rest",
}


class AssignmentConflict(ConflictError):
    """An assignment refused by one or more checks (``conflicts`` lists them all)."""

    def __init__(self, message: str, conflicts: Sequence[Conflict]) -> None:
        super().__init__(message)
        self.conflicts = list(conflicts)


@dataclass(frozen=True)
class Candidate:
    officer_id: int
    name: str
    badge_number: str
    rank: str
    is_supervisor: bool
    assigned: bool
    conflicts: tuple[Conflict, ...] = field(default_factory=tuple)
    overtime: bool = True

    @property
    def available(self) -> bool:
        return not self.conflicts and not self.assigned

    @property
    def can_override(self) -> bool:
        return not self.assigned and all(c.overridable for c in self.conflicts)

    @property
    def reason(self) -> str:
        if self.assigned:
            return "Already assigned to this event."
        if not self.conflicts:
            return "Available" + (" (overtime)" if self.overtime else "")
        return " ".join(c.message for c in self.conflicts)


def when_text(starts_at: dt.datetime, ends_at: dt.datetime, tz_name: str) -> str:
    start, end = utc_to_local(starts_at, tz_name), utc_to_local(ends_at, tz_name)
    if start.date() == end.date():
        return f"{start:%a %d %b %Y %H:%M}–{end:%H:%M}"
    return f"{start:%a %d %b %Y %H:%M} – {end:%a %d %b %H:%M}"


def hours_text(minutes: int) -> str:
    hours, rest = divmod(int(minutes), 60)
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def assignment_rows(session: Session, ids: Sequence[int]) -> list[AssignmentRow]:
    if not ids:
        return []
    result = session.execute(
        select(Assignment, Event, Site.name, Person.first_name, Person.last_name, Officer.badge_number)
        .join(Event, Assignment.event_id == Event.id)
        .join(Site, Event.site_id == Site.id)
        .join(Officer, Assignment.officer_id == Officer.id)
        .join(Person, Officer.person_id == Person.id)
        .where(Assignment.id.in_(list(ids)))
    ).all()
    by_id = {
        a.id: AssignmentRow(
            id=a.id,
            event_id=e.id,
            event_title=e.title,
            event_status=e.status,
            site_id=e.site_id,
            site_name=site_name,
            officer_id=a.officer_id,
            officer_name=f"{first} {last}",
            badge_number=badge,
            starts_at=a.starts_at,
            ends_at=a.ends_at,
            timezone=e.timezone,
            is_supervisor=a.is_supervisor,
            is_overtime=a.is_overtime,
            overtime_approved_at=a.overtime_approved_at,
            override_reason=a.override_reason,
            active=a.active,
            covers_whole_event=a.starts_at <= e.starts_at and a.ends_at >= e.ends_at,
        )
        for a, e, site_name, first, last, badge in result
    }
    return [by_id[i] for i in ids if i in by_id]


def event_assignments(session: Session, *, event_id: int, include_inactive: bool = False) -> list[AssignmentRow]:
    """The officers on an event: supervisors first, then by name."""
    get_or_raise(session, Event, event_id, "Event")
    stmt = (
        select(Assignment.id)
        .join(Officer, Assignment.officer_id == Officer.id)
        .join(Person, Officer.person_id == Person.id)
        .where(Assignment.event_id == event_id)
    )
    if not include_inactive:
        stmt = stmt.where(Assignment.active.is_(True))
    stmt = stmt.order_by(Assignment.is_supervisor.desc(), Person.last_name, Person.first_name, Assignment.starts_at)
    return assignment_rows(session, list(session.scalars(stmt)))


def officer_assignments(
    session: Session,
    *,
    officer_id: int,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    include_closed: bool = False,
) -> list[AssignmentRow]:
    """An officer's active assignments in time order (events declined or cancelled left out unless asked)."""
    get_or_raise(session, Officer, officer_id, "Officer")
    stmt = (
        select(Assignment.id)
        .join(Event, Assignment.event_id == Event.id)
        .where(Assignment.officer_id == officer_id, Assignment.active.is_(True))
    )
    if not include_closed:
        stmt = stmt.where(Event.status.in_(HOLDING_STATUSES))
    if start is not None:
        stmt = stmt.where(Assignment.ends_at > start)
    if end is not None:
        stmt = stmt.where(Assignment.starts_at < end)
    return assignment_rows(session, list(session.scalars(stmt.order_by(Assignment.starts_at, Assignment.id))))


# ------------------------------------------------------------------------------------------- work periods


@dataclass(frozen=True)
class Period:
    """A stretch of an officer's work: an assignment, SRO duty, or the assignment being checked."""

    starts_at: dt.datetime
    ends_at: dt.datetime
    label: str
    kind: str  # assignment, sro_duty, new
    site_id: int | None = None
    event_id: int | None = None


def sro_duty_periods(
    session: Session, *, officer_id: int, start_utc: dt.datetime, end_utc: dt.datetime
) -> list[Period]:
    """The officer's SRO duty between two instants (``services.sro.sro_on_duty``: the weekly local schedule of
    the appointments, placed on each school's wall clock, so 07:15 stays 07:15 across a clock change)."""
    from sharedsvc_desktop.services.sro import sro_on_duty

    return [
        Period(p.starts_at, p.ends_at, f"SRO duty at {p.site_name}, {when_text(p.starts_at, p.ends_at, p.timezone)}",
               "sro_duty", p.site_id)
        for p in sro_on_duty(session, officer_id=officer_id, start_utc=start_utc, end_utc=end_utc)
    ]


def _assignment_periods(
    session: Session,
    *,
    officer_id: int,
    start_utc: dt.datetime,
    end_utc: dt.datetime,
    exclude_assignment_id: int | None = None,
) -> list[Period]:
    stmt = (
        select(Assignment, Event, Site.name)
        .join(Event, Assignment.event_id == Event.id)
        .join(Site, Event.site_id == Site.id)
        .where(
            Assignment.officer_id == officer_id,
            Assignment.active.is_(True),
            Event.status.in_(HOLDING_STATUSES),
            Assignment.starts_at < end_utc,
            Assignment.ends_at > start_utc,
        )
        .order_by(Assignment.starts_at)
    )
    periods = []
    for a, e, site_name in session.execute(stmt):
        if a.id == exclude_assignment_id:
            continue
        label = f"“{e.title}” at {site_name}, {when_text(a.starts_at, a.ends_at, e.timezone)}"
        periods.append(Period(a.starts_at, a.ends_at, label, "assignment", e.site_id, e.id))
    return periods


@dataclass
class _Block:
    starts_at: dt.datetime
    ends_at: dt.datetime
    members: list[Period]
    workday: dt.date = dt.date.min

    @property
    def minutes(self) -> int:
        return minutes_between(self.starts_at, self.ends_at)


def _blocks(periods: Iterable[Period], tz_name: str) -> list[_Block]:
    """Periods merged where they overlap or touch; each block's work day is the local date it starts."""
    blocks: list[_Block] = []
    for p in sorted(periods, key=lambda p: (p.starts_at, p.ends_at)):
        if blocks and p.starts_at <= blocks[-1].ends_at:
            blocks[-1].ends_at = max(blocks[-1].ends_at, p.ends_at)
            blocks[-1].members.append(p)
        else:
            blocks.append(_Block(p.starts_at, p.ends_at, [p]))
    for b in blocks:
        b.workday = utc_to_local(b.starts_at, tz_name).date()
    return blocks


def _names(periods: Sequence[Period], limit: int = 3) -> str:
    labels = [p.label for p in periods]
    if len(labels) > limit:
        return "; ".join(labels[:limit]) + f"; and {len(labels) - limit} more"
    return "; ".join(labels)


def check_conflicts(
    session: Session,
    *,
    officer: Officer,
    event: Event,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    exclude_assignment_id: int | None = None,
    rules: CoverageSettings | None = None,
) -> list[Conflict]:
    """Every reason ``officer`` should not work ``event`` from ``starts_at`` to ``ends_at`` (UTC)."""
    rules = rules or coverage_settings(session)
    name = officer.person.full_name
    conflicts: list[Conflict] = []
    if officer.status == "inactive":
        conflicts.append(Conflict("inactive", f"{name} is inactive.", overridable=False))
    else:
        event_day = utc_to_local(starts_at, event.timezone).date()
        row = officer_rows(session, [officer.id], today=event_day)[0]
        if not row.eligible:
            note = row.eligibility_note.removeprefix("Not eligible: ")
            conflicts.append(Conflict("eligibility", f"{name} is not eligible for school details: {note}"))

    window_start, window_end = starts_at - _HORIZON, ends_at + _HORIZON
    assigned = _assignment_periods(
        session, officer_id=officer.id, start_utc=window_start, end_utc=window_end,
        exclude_assignment_id=exclude_assignment_id,
    )
    duty = sro_duty_periods(session, officer_id=officer.id, start_utc=window_start, end_utc=window_end)

    for p in assigned:
        if p.starts_at < ends_at and p.ends_at > starts_at:
            same = p.event_id == event.id  # the same officer twice on one event cannot be overridden
            conflicts.append(Conflict("overlap", f"{name} is already assigned to {p.label}.", overridable=not same))
    for p in duty:
        if p.starts_at < ends_at and p.ends_at > starts_at and p.site_id != event.site_id:
            conflicts.append(Conflict("sro_duty", f"{name} is on {p.label}."))

    new = Period(starts_at, ends_at, "this assignment", "new", event.site_id)
    blocks = _blocks([*assigned, *duty, new], event.timezone)
    k = next(i for i, b in enumerate(blocks) if new in b.members)
    mine = blocks[k]
    others_of = lambda bs: [p for b in bs for p in b.members if p is not new]  # noqa: E731

    same_day = [b for b in blocks if b.workday == mine.workday]
    day_minutes = sum(b.minutes for b in same_day)
    if day_minutes > rules.max_daily_minutes:
        conflicts.append(
            Conflict(
                "daily_cap",
                f"{name} would work {hours_text(day_minutes)} on {mine.workday:%a %d %b %Y} (the limit is "
                f"{hours_text(rules.max_daily_minutes)} a day), with {_names(others_of(same_day))}.",
            )
        )
    monday = mine.workday - dt.timedelta(days=mine.workday.weekday())
    same_week = [b for b in blocks if monday <= b.workday <= monday + dt.timedelta(days=6)]
    week_minutes = sum(b.minutes for b in same_week)
    if week_minutes > rules.max_weekly_minutes:
        conflicts.append(
            Conflict(
                "weekly_cap",
                f"{name} would work {hours_text(week_minutes)} in the week of {monday:%a %d %b %Y} (the limit is "
                f"{hours_text(rules.max_weekly_minutes)} a week), with {_names(others_of(same_week))}.",
            )
        )
    if rules.min_rest_minutes:
        if k > 0 and blocks[k - 1].workday != mine.workday:
            gap = minutes_between(blocks[k - 1].ends_at, mine.starts_at)
            if gap < rules.min_rest_minutes:
                conflicts.append(
                    Conflict(
                        "rest",
                        f"{name} would have only {hours_text(gap)} of rest after {blocks[k - 1].members[-1].label} "
                        f"(at least {hours_text(rules.min_rest_minutes)} are needed between work days).",
                    )
                )
        if k + 1 < len(blocks) and blocks[k + 1].workday != mine.workday:
            gap = minutes_between(mine.ends_at, blocks[k + 1].starts_at)
            if gap < rules.min_rest_minutes:
                conflicts.append(
                    Conflict(
                        "rest",
                        f"{name} would have only {hours_text(gap)} of rest before {blocks[k + 1].members[0].label} "
                        f"(at least {hours_text(rules.min_rest_minutes)} are needed between work days).",
                    )
                )
    return conflicts


def is_regular_duty(
    session: Session, *, officer_id: int, site_id: int, starts_at: dt.datetime, ends_at: dt.datetime
) -> bool:
    """Whether the whole period falls inside the officer's regular (SRO) duty at that same school."""
    for p in sro_duty_periods(session, officer_id=officer_id, start_utc=starts_at, end_utc=ends_at):
        if p.site_id == site_id and p.starts_at <= starts_at and ends_at <= p.ends_at:
            return True
    return False


# --------------------------------------------------------------------------------------------- actions


def _officer_name(officer: Officer) -> str:
    return f"{officer.person.full_name} ({officer.badge_number})"


def _refusal(officer: Officer, event: Event, conflicts: Sequence[Conflict]) -> AssignmentConflict:
    text = " ".join(c.message for c in conflicts)
    return AssignmentConflict(f"{_officer_name(officer)} cannot be assigned to “{event.title}”: {text}", conflicts)


def _check_user(session: Session, user_id: int | None, what: str) -> None:
    if user_id is None:
        return
    user = get_or_raise(session, UserAccount, user_id, "User")
    if not user.active or user.role not in ("administrator", "scheduler"):
        raise PermissionDenied(f"Only a scheduler or an administrator may {what}.")


def _window(
    event: Event, local_start: dt.datetime | None, local_end: dt.datetime | None
) -> tuple[dt.datetime, dt.datetime]:
    f = Fields()
    starts, ends = event.starts_at, event.ends_at
    if local_start is not None:
        try:
            starts = local_to_utc(local_start, event.timezone, field="start")
        except ValidationError as exc:
            f.errors.update(exc.fields)
    if local_end is not None:
        try:
            ends = local_to_utc(local_end, event.timezone, field="end")
        except ValidationError as exc:
            f.errors.update(exc.fields)
    if not f.errors:
        if starts < event.starts_at or starts >= event.ends_at:
            f.error("start", "The officer's start must fall within the event.")
        if ends > event.ends_at or ends <= event.starts_at:
            f.error("end", "The officer's end must fall within the event.")
        if ends <= starts:
            f.error("end", "The end must be after the start.")
    f.check()
    return starts, ends


@requires("schedule_events")
def assign_officer(
    session: Session,
    *,
    event_id: int,
    officer_id: int,
    local_start: dt.datetime | None = None,
    local_end: dt.datetime | None = None,
    as_supervisor: bool | None = None,
    override_reason: str = "",
    overridden_by_id: int | None = None,
    approve_overtime: bool = False,
    approved_by_id: int | None = None,
    now: dt.datetime | None = None,
) -> AssignmentRow:
    """Put an officer on an event (the whole event, or ``local_start``-``local_end`` of it, site wall-clock).

    Refused with an ``AssignmentConflict`` naming every clash unless ``override_reason`` is given (a supervisor's
    decision, recorded). ``approve_overtime`` approves the overtime at once (a supervisor assigning).
    """
    event = get_or_raise(session, Event, event_id, "Event")
    # Lock the officer's row until this transaction ends: on a shared server, two schedulers assigning the same
    # officer at the same moment are served one after the other, so the second sees the first's assignment.
    # (SQLite already serialises writers: every write transaction begins IMMEDIATE.)
    officer = session.scalar(select(Officer).where(Officer.id == officer_id).with_for_update())
    if officer is None:
        officer = get_or_raise(session, Officer, officer_id, "Officer")
    if event.status not in OPEN_STATUSES:
        raise ConflictError(
            f"“{event.title}” is {EVENT_STATUSES[event.status].lower()}; officers can no longer be assigned to it."
        )
    old_status = event.status
    starts, ends = _window(event, local_start, local_end)
    supervisor = officer.is_supervisor if as_supervisor is None else bool(as_supervisor)
    if supervisor and not officer.is_supervisor:
        raise ValidationError({"as_supervisor": f"{officer.person.full_name} is not a supervisor."})
    f = Fields()
    reason = f.text(override_reason, "override_reason", "The reason for the override", max_len=1000)
    f.check()
    conflicts = check_conflicts(session, officer=officer, event=event, starts_at=starts, ends_at=ends)
    hard = [c for c in conflicts if not c.overridable]
    if hard or (conflicts and not reason):
        raise _refusal(officer, event, hard or conflicts)
    recorded = ""
    if conflicts:
        _check_user(session, overridden_by_id, "override a refusal")
        kinds = ", ".join(dict.fromkeys(KIND_LABELS.get(c.kind, c.kind) for c in conflicts))
        recorded = f"{reason} [overrode: {kinds}]"
    overtime = not is_regular_duty(
        session, officer_id=officer.id, site_id=event.site_id, starts_at=starts, ends_at=ends
    )
    assignment = Assignment(
        event_id=event.id,
        officer_id=officer.id,
        starts_at=starts,
        ends_at=ends,
        is_supervisor=supervisor,
        is_overtime=overtime,
        override_reason=recorded,
        overridden_by_id=overridden_by_id if conflicts else None,
    )
    if overtime and approve_overtime:
        _check_user(session, approved_by_id, "approve overtime")
        assignment.overtime_approved_at = now or now_utc()
        assignment.overtime_approved_by_id = approved_by_id
    session.add(assignment)
    session.flush()
    refresh_staffing(session, event_id=event.id)
    # notices (services/notify.py): written to the outbox in this same transaction
    notify.queue_assignment_notice(session, assignment_id=assignment.id, change="assigned", now=now)
    notify.queue_status_notices(session, event_id=event.id, old_status=old_status, now=now)
    return assignment_rows(session, [assignment.id])[0]


@requires("schedule_events")
def unassign_officer(session: Session, *, assignment_id: int) -> AssignmentRow:
    """Take an officer off an event (the record is kept, inactive); the event may go back to Approved."""
    assignment = get_or_raise(session, Assignment, assignment_id, "Assignment")
    if not assignment.active:
        raise ConflictError("That officer is no longer on the event.")
    if assignment.event.status not in OPEN_STATUSES:
        raise ConflictError(
            f"“{assignment.event.title}” is {EVENT_STATUSES[assignment.event.status].lower()}; "
            "its officers can no longer be changed."
        )
    old_status = assignment.event.status
    assignment.active = False
    session.flush()
    refresh_staffing(session, event_id=assignment.event_id)
    # notices (services/notify.py): written to the outbox in this same transaction
    notify.queue_assignment_notice(session, assignment_id=assignment.id, change="removed")
    notify.queue_status_notices(session, event_id=assignment.event_id, old_status=old_status)
    return assignment_rows(session, [assignment.id])[0]


@requires("schedule_events")
def approve_overtime(
    session: Session, *, assignment_id: int, approved_by_id: int | None = None, now: dt.datetime | None = None
) -> AssignmentRow:
    """A supervisor approves an assignment's overtime; the event may become Staffed."""
    assignment = get_or_raise(session, Assignment, assignment_id, "Assignment")
    if not assignment.active:
        raise ConflictError("That officer is no longer on the event.")
    if not assignment.is_overtime:
        raise ConflictError("That assignment is regular duty, not overtime.")
    if assignment.overtime_approved_at is not None:
        raise ConflictError("That overtime is already approved.")
    _check_user(session, approved_by_id, "approve overtime")
    old_status = assignment.event.status
    assignment.overtime_approved_at = now or now_utc()
    assignment.overtime_approved_by_id = approved_by_id
    session.flush()
    refresh_staffing(session, event_id=assignment.event_id)
    # notices (services/notify.py): written to the outbox in this same transaction
    notify.queue_assignment_notice(session, assignment_id=assignment.id, change="changed", now=now,
                                   reason="Your overtime for this event is approved.")
    notify.queue_status_notices(session, event_id=assignment.event_id, old_status=old_status, now=now)
    return assignment_rows(session, [assignment.id])[0]


def move_assignments_with_event(
    session: Session, *, event: Event, old_start: dt.datetime, old_end: dt.datetime
) -> None:
    """After an event's times change: whole-event assignments follow it, partial ones shift with its start.

    A moved assignment is checked again (an overridden one keeps its override); a clash is refused.
    """
    shift = event.starts_at - old_start
    for a in list(event.assignments):
        if not a.active:
            continue
        if a.starts_at <= old_start and a.ends_at >= old_end:
            a.starts_at, a.ends_at = event.starts_at, event.ends_at
        else:
            a.starts_at = max(a.starts_at + shift, event.starts_at)
            a.ends_at = min(a.ends_at + shift, event.ends_at)
            if a.ends_at <= a.starts_at:
                a.starts_at, a.ends_at = event.starts_at, event.ends_at
        session.flush()
        if a.override_reason:
            continue
        conflicts = check_conflicts(
            session, officer=a.officer, event=event, starts_at=a.starts_at, ends_at=a.ends_at,
            exclude_assignment_id=a.id,
        )
        if conflicts:
            text = " ".join(c.message for c in conflicts)
            raise AssignmentConflict(
                f"The new time does not work for {_officer_name(a.officer)}, who is on this event: {text} "
                "Take the officer off the event first, or keep the old time.",
                conflicts,
            )
        a.is_overtime = not is_regular_duty(
            session, officer_id=a.officer_id, site_id=event.site_id, starts_at=a.starts_at, ends_at=a.ends_at
        )


def candidate_officers(
    session: Session,
    *,
    event_id: int,
    local_start: dt.datetime | None = None,
    local_end: dt.datetime | None = None,
) -> list[Candidate]:
    """Every officer not inactive, with whether they can work the event and, if not, why; available first."""
    event = get_or_raise(session, Event, event_id, "Event")
    starts, ends = _window(event, local_start, local_end)
    rules = coverage_settings(session)
    on_event = set(
        session.scalars(
            select(Assignment.officer_id).where(Assignment.event_id == event_id, Assignment.active.is_(True))
        )
    )
    stmt = (
        select(Officer)
        .join(Person, Officer.person_id == Person.id)
        .where(Officer.status != "inactive")
        .order_by(Person.last_name, Person.first_name)
    )
    if event.agreement_id is not None:
        # the officers of the police department(s) party to the agreement (and anyone with no department)
        parties = select(AgreementParty.party_id).where(AgreementParty.agreement_id == event.agreement_id)
        stmt = stmt.where(or_(Person.party_id.is_(None), Person.party_id.in_(parties)))
    officers = session.scalars(stmt)
    result = []
    for officer in officers:
        conflicts = check_conflicts(session, officer=officer, event=event, starts_at=starts, ends_at=ends, rules=rules)
        if officer.id in on_event:
            conflicts = [c for c in conflicts if c.kind != "overlap"]
        result.append(
            Candidate(
                officer_id=officer.id,
                name=officer.person.full_name,
                badge_number=officer.badge_number,
                rank=officer.rank,
                is_supervisor=officer.is_supervisor,
                assigned=officer.id in on_event,
                conflicts=tuple(conflicts),
                overtime=not is_regular_duty(
                    session, officer_id=officer.id, site_id=event.site_id, starts_at=starts, ends_at=ends
                ),
            )
        )
    result.sort(key=lambda c: (c.assigned, not c.available, not c.is_supervisor and event.supervisor_required))
    return result


# ------------------------------------------------------------------------------------------ the week's roster


@dataclass(frozen=True)
class CoverageItem:
    event: EventRow
    assignments: tuple[AssignmentRow, ...]


@dataclass(frozen=True)
class CoverageWeek:
    week_start: dt.date  # a Monday
    items: tuple[CoverageItem, ...]

    @property
    def week_end(self) -> dt.date:
        return self.week_start + dt.timedelta(days=6)


def week_monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def coverage_week(session: Session, *, week_start: dt.date, site_id: int | None = None) -> CoverageWeek:
    """Events starting in the week (Monday to Sunday, local dates) with their officers; declined and cancelled
    events left out."""
    monday = week_monday(week_start)
    sunday = monday + dt.timedelta(days=6)
    start, end = local_range(monday, sunday)
    ids = event_ids(session, start=start, end=end, site_id=site_id, statuses=list(HOLDING_STATUSES))
    rows = [r for r in event_rows(session, ids) if monday <= r.local_start.date() <= sunday]
    items = tuple(CoverageItem(r, tuple(event_assignments(session, event_id=r.id))) for r in rows)
    return CoverageWeek(monday, items)


def write_coverage_roster(
    session: Session,
    *,
    out: Path | str | BinaryIO,
    week_start: dt.date,
    site_id: int | None = None,
    organization: str = "",
    today: dt.date | None = None,
) -> int:
    """The week's coverage roster (who is where, when) as PDF. Returns the number of events printed."""
    from sharedsvc_desktop.documents.coverage import build_coverage_roster

    week = coverage_week(session, week_start=week_start, site_id=site_id)
    build_coverage_roster(out, week, organization=organization, generated_on=today or dt.date.today())
    return len(week.items)


def write_event_sheet(
    session: Session,
    *,
    out: Path | str | BinaryIO,
    event_id: int,
    organization: str = "",
    today: dt.date | None = None,
) -> int:
    """One event's detail sheet for the officers on it, as PDF. Returns the number of officers listed."""
    from sharedsvc_desktop.documents.coverage import build_event_sheet
    from sharedsvc_desktop.services.events import get_event

    row = get_event(session, event_id=event_id)
    people = event_assignments(session, event_id=event_id)
    event = get_or_raise(session, Event, event_id, "Event")
    site = event.site
    details = {
        "address": site.address,
        "site_phone": site.contact_phone,
        "principal": site.principal_name,
        "agreement": event.agreement_id and _agreement_label(session, event.agreement_id) or "",
    }
    build_event_sheet(out, row, people, details=details, organization=organization,
                      generated_on=today or dt.date.today())
    return len(people)


def _agreement_label(session: Session, agreement_id: int) -> str:
    from sharedsvc_desktop.models import Agreement

    a = session.get(Agreement, agreement_id)
    return f"{a.number}: {a.title}" if a else ""
