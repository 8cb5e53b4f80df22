"""The School/Police Collaboration Team (section IX): members by party, meetings with attendees, minutes,
decisions and recommendations, the quarterly-meeting check, and the team's annual report text.

The agreement asks for a team of at least two members from each party meeting at least quarterly; a quarter
counts as met when one meeting in it had at least ``MIN_PER_PARTY`` members of each party of the agreement
present.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementParty,
    AgreementVersion,
    AnnualReport,
    Meeting,
    MeetingAttendee,
    Party,
    Person,
    TeamMember,
)
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.oversight import quarter_bounds, quarter_of, quarters_of_year
from sharedsvc_desktop.services.permissions import requires

MIN_PER_PARTY = 2


# ------------------------------------------------------------------------------------------------ agreements


@dataclass(frozen=True)
class PartyInfo:
    id: int
    name: str
    short_name: str
    kind: str


@dataclass(frozen=True)
class ProgramChoice:
    """An agreement a team works under (SRO-program agreements first)."""

    id: int
    number: str
    title: str
    kind: str
    parties: tuple[PartyInfo, ...]


def _party_info(p: Party) -> PartyInfo:
    return PartyInfo(p.id, p.name, p.short_name or p.name, p.kind)


def program_agreements(session: Session) -> list[ProgramChoice]:
    """Active agreements a Collaboration Team can belong to, SRO programs first."""
    out = []
    for a in session.scalars(select(Agreement).where(Agreement.active.is_(True)).order_by(Agreement.number)):
        parties = tuple(_party_info(ap.party) for ap in sorted(a.parties, key=lambda ap: ap.position))
        out.append(ProgramChoice(a.id, a.number, a.title, a.kind, parties))
    return sorted(out, key=lambda c: (c.kind != "sro_program", c.number))


def default_agreement_id(session: Session) -> int | None:
    """The SRO-program agreement when there is exactly one (else None: the caller must say which)."""
    ids = [c.id for c in program_agreements(session) if c.kind == "sro_program"]
    return ids[0] if len(ids) == 1 else None


def _agreement_parties(session: Session, agreement_id: int | None) -> list[PartyInfo]:
    if agreement_id is None:
        parties = session.scalars(
            select(Party).where(Party.active.is_(True),
                                Party.kind.in_(["police_department", "school_district"])).order_by(Party.name)
        )
        return [_party_info(p) for p in parties]
    rows = session.scalars(
        select(Party).join(AgreementParty, AgreementParty.party_id == Party.id)
        .where(AgreementParty.agreement_id == agreement_id).order_by(AgreementParty.position)
    )
    return [_party_info(p) for p in rows]


# ---------------------------------------------------------------------------------------------------- members


@dataclass(frozen=True)
class TeamMemberRow:
    id: int
    person_id: int
    name: str
    title: str
    party_id: int
    party_name: str
    agreement_id: int | None
    joined_on: dt.date | None
    active: bool


def _member_row(m: TeamMember, person: Person, party: Party) -> TeamMemberRow:
    return TeamMemberRow(m.id, person.id, person.full_name, person.title, party.id, party.short_name or party.name,
                         m.agreement_id, m.joined_on, m.active)


def list_team_members(
    session: Session, *, agreement_id: int | None = None, include_inactive: bool = False
) -> list[TeamMemberRow]:
    stmt = (
        select(TeamMember, Person, Party)
        .join(Person, TeamMember.person_id == Person.id)
        .join(Party, TeamMember.party_id == Party.id)
    )
    if agreement_id is not None:
        stmt = stmt.where(TeamMember.agreement_id == agreement_id)
    if not include_inactive:
        stmt = stmt.where(TeamMember.active.is_(True))
    rows = session.execute(stmt).all()
    return sorted((_member_row(m, p, party) for m, p, party in rows),
                  key=lambda r: (not r.active, r.party_name, r.name.casefold()))


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    title: str
    party_id: int | None
    party_name: str


def team_candidates(session: Session, *, agreement_id: int | None = None) -> list[PersonChoice]:
    """Active people of the agreement's parties (of any police department or school district without one)."""
    party_ids = [p.id for p in _agreement_parties(session, agreement_id)]
    rows = session.execute(
        select(Person, Party).join(Party, Person.party_id == Party.id)
        .where(Person.active.is_(True), Person.party_id.in_(party_ids))
    ).all()
    return sorted((PersonChoice(p.id, p.full_name, p.title, party.id, party.short_name or party.name)
                   for p, party in rows), key=lambda c: (c.party_name, c.name.casefold()))


@requires("manage_team")
def add_team_member(
    session: Session,
    *,
    person_id: int,
    party_id: int | None = None,
    agreement_id: int | None = None,
    joined_on: dt.date | str | None = None,
) -> TeamMemberRow:
    """Put a person on the Collaboration Team for their party (their own party unless another is given)."""
    f = Fields()
    joined = f.date(joined_on, "joined_on", "Joined on")
    f.check()
    person = get_or_raise(session, Person, person_id, "Person")
    if agreement_id is not None:
        get_or_raise(session, Agreement, agreement_id, "Agreement")
    party_id = party_id if party_id is not None else person.party_id
    if party_id is None:
        raise ValidationError({"party_id": f"{person.full_name} belongs to no party: choose the party they "
                                           "represent on the team."})
    party = get_or_raise(session, Party, party_id, "Party")
    allowed = {p.id for p in _agreement_parties(session, agreement_id)}
    if agreement_id is not None and party.id not in allowed:
        raise ValidationError({"party_id": f"{party.name} is not a party to this agreement."})
    dup = session.scalar(select(TeamMember).where(
        TeamMember.person_id == person.id, TeamMember.active.is_(True),
        TeamMember.agreement_id.is_(None) if agreement_id is None else TeamMember.agreement_id == agreement_id,
    ))
    if dup is not None:
        raise ConflictError(f"{person.full_name} is already on the team.")
    member = TeamMember(person_id=person.id, party_id=party.id, agreement_id=agreement_id,
                        joined_on=joined or dt.date.today(), active=True)
    session.add(member)
    session.flush()
    return _member_row(member, person, party)


@requires("manage_team")
def set_team_member_active(session: Session, *, member_id: int, active: bool) -> TeamMemberRow:
    """Take a member off the team (their attendance at past meetings is kept), or back on."""
    member = get_or_raise(session, TeamMember, member_id, "Team member")
    member.active = active
    session.flush()
    return _member_row(member, session.get(Person, member.person_id), session.get(Party, member.party_id))


# --------------------------------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class PartyPresence:
    party_id: int
    party_name: str
    present: int


@dataclass(frozen=True)
class MeetingRow:
    id: int
    agreement_id: int | None
    held_on: dt.date
    location: str
    minutes: str
    decisions: str
    recommendations: str
    attendees: tuple[TeamMemberRow, ...]
    presence: tuple[PartyPresence, ...]

    @property
    def quorum(self) -> bool:
        """At least two members of each party present."""
        return bool(self.presence) and all(p.present >= MIN_PER_PARTY for p in self.presence)

    @property
    def presence_text(self) -> str:
        return ", ".join(f"{p.party_name} {p.present}" for p in self.presence)


def _meeting_rows(session: Session, meetings: Sequence[Meeting]) -> list[MeetingRow]:
    ids = [m.id for m in meetings]
    attendees: dict[int, list[TeamMemberRow]] = {}
    if ids:
        for meeting_id, member, person, party in session.execute(
            select(MeetingAttendee.meeting_id, TeamMember, Person, Party)
            .join(TeamMember, MeetingAttendee.member_id == TeamMember.id)
            .join(Person, TeamMember.person_id == Person.id)
            .join(Party, TeamMember.party_id == Party.id)
            .where(MeetingAttendee.meeting_id.in_(ids))
        ):
            attendees.setdefault(meeting_id, []).append(_member_row(member, person, party))
    parties_cache: dict[int | None, list[PartyInfo]] = {}
    out = []
    for m in meetings:
        if m.agreement_id not in parties_cache:
            parties_cache[m.agreement_id] = _agreement_parties(session, m.agreement_id)
        mine = sorted(attendees.get(m.id, []), key=lambda r: (r.party_name, r.name.casefold()))
        parties = parties_cache[m.agreement_id]
        if m.agreement_id is None:  # without an agreement: the parties that sent someone
            present_ids = {a.party_id for a in mine}
            parties = [p for p in parties if p.id in present_ids] or parties
        presence = tuple(PartyPresence(p.id, p.short_name, sum(1 for a in mine if a.party_id == p.id))
                         for p in parties)
        out.append(MeetingRow(m.id, m.agreement_id, m.held_on, m.location, m.minutes, m.decisions,
                              m.recommendations, tuple(mine), presence))
    return out


def list_meetings(
    session: Session, *, agreement_id: int | None = None, year: int | None = None
) -> list[MeetingRow]:
    """Meetings, newest first (of one agreement and/or one calendar year when given)."""
    stmt = select(Meeting)
    if agreement_id is not None:
        stmt = stmt.where(Meeting.agreement_id == agreement_id)
    if year is not None:
        stmt = stmt.where(Meeting.held_on >= dt.date(year, 1, 1), Meeting.held_on <= dt.date(year, 12, 31))
    meetings = list(session.scalars(stmt.order_by(Meeting.held_on.desc(), Meeting.id.desc())))
    return _meeting_rows(session, meetings)


def get_meeting(session: Session, *, meeting_id: int) -> MeetingRow:
    return _meeting_rows(session, [get_or_raise(session, Meeting, meeting_id, "Meeting")])[0]


def _validate_meeting(session: Session, f: Fields, held_on, location, minutes, decisions, recommendations,
                      attendee_ids, agreement_id):  # type: ignore[no-untyped-def]
    day = f.date(held_on, "held_on", "Meeting date", required=True)
    where = f.text(location, "location", "Place", max_len=200)
    text_minutes = f.text(minutes, "minutes", "Minutes", max_len=50_000, multiline=True)
    text_decisions = f.text(decisions, "decisions", "Decisions", max_len=20_000, multiline=True)
    text_recs = f.text(recommendations, "recommendations", "Recommendations", max_len=20_000, multiline=True)
    ids = list(dict.fromkeys(int(i) for i in attendee_ids))
    if not ids:
        f.error("attendee_ids", "Tick the team members who were present.")
    members = list(session.scalars(select(TeamMember).where(TeamMember.id.in_(ids)))) if ids else []
    if len(members) != len(ids):
        f.error("attendee_ids", "Some of the members ticked are no longer on record; reload and try again.")
    if agreement_id is not None and any(m.agreement_id not in (None, agreement_id) for m in members):
        f.error("attendee_ids", "Some of the members ticked belong to another agreement's team.")
    f.check()
    return day, where, text_minutes, text_decisions, text_recs, ids


@requires("manage_team")
def record_meeting(
    session: Session,
    *,
    held_on: dt.date | str,
    attendee_ids: Sequence[int],
    agreement_id: int | None = None,
    location: str = "",
    minutes: str = "",
    decisions: str = "",
    recommendations: str = "",
) -> MeetingRow:
    """Record a team meeting that was held, with who attended and what it decided and recommended."""
    if agreement_id is not None:
        get_or_raise(session, Agreement, agreement_id, "Agreement")
    f = Fields()
    day, where, text_minutes, text_decisions, text_recs, ids = _validate_meeting(
        session, f, held_on, location, minutes, decisions, recommendations, attendee_ids, agreement_id)
    meeting = Meeting(agreement_id=agreement_id, held_on=day, location=where, minutes=text_minutes,
                      decisions=text_decisions, recommendations=text_recs)
    session.add(meeting)
    session.flush()
    for member_id in ids:
        session.add(MeetingAttendee(meeting_id=meeting.id, member_id=member_id))
    session.flush()
    return get_meeting(session, meeting_id=meeting.id)


@requires("manage_team")
def update_meeting(
    session: Session,
    *,
    meeting_id: int,
    held_on: dt.date | str,
    attendee_ids: Sequence[int],
    location: str = "",
    minutes: str = "",
    decisions: str = "",
    recommendations: str = "",
) -> MeetingRow:
    meeting = get_or_raise(session, Meeting, meeting_id, "Meeting")
    f = Fields()
    day, where, text_minutes, text_decisions, text_recs, ids = _validate_meeting(
        session, f, held_on, location, minutes, decisions, recommendations, attendee_ids, meeting.agreement_id)
    meeting.held_on, meeting.location, meeting.minutes = day, where, text_minutes
    meeting.decisions, meeting.recommendations = text_decisions, text_recs
    current = {a.member_id: a for a in session.scalars(
        select(MeetingAttendee).where(MeetingAttendee.meeting_id == meeting.id))}
    for member_id, row in current.items():
        if member_id not in ids:
            session.delete(row)
    for member_id in ids:
        if member_id not in current:
            session.add(MeetingAttendee(meeting_id=meeting.id, member_id=member_id))
    session.flush()
    return get_meeting(session, meeting_id=meeting.id)


# ------------------------------------------------------------------------------------------- quarterly check


@dataclass(frozen=True)
class QuarterCheck:
    quarter: str
    start: dt.date
    end: dt.date
    meetings: int
    met: bool
    best_meeting_id: int | None
    text: str


def quarter_checks(
    session: Session, *, agreement_id: int | None, year: int, today: dt.date | None = None
) -> list[QuarterCheck]:
    """For each quarter of ``year`` (up to the current one): was there a meeting with at least two members of
    each party present?"""
    today = today or dt.date.today()
    meetings = list_meetings(session, agreement_id=agreement_id, year=year)
    began = None
    if agreement_id is not None:
        began = session.scalar(select(func.min(AgreementVersion.effective_date)).where(
            AgreementVersion.agreement_id == agreement_id,
            AgreementVersion.status.in_(["executed", "superseded", "terminated", "expired"])))
    out = []
    for quarter in quarters_of_year(year):
        start, end = quarter_bounds(quarter)
        if start > today:
            break
        if began is not None and end < began:
            continue  # the agreement was not yet in force
        inside = [m for m in meetings if start <= m.held_on <= end]
        good = [m for m in inside if m.quorum]
        if good:
            text = f"Met on {good[-1].held_on:%d %b %Y} ({good[-1].presence_text} present)."
        elif inside:
            text = (f"{len(inside)} meeting(s), but none with at least {MIN_PER_PARTY} members of each party "
                    "present.")
        elif end >= today:
            text = f"No meeting yet this quarter (due by {end:%d %b %Y})."
        else:
            text = "No meeting held."
        out.append(QuarterCheck(quarter, start, end, len(inside), bool(good),
                                good[-1].id if good else None, text))
    return out


def quarter_met(session: Session, *, agreement_id: int | None, quarter: str) -> bool:
    start, end = quarter_bounds(quarter)
    stmt = select(Meeting).where(Meeting.held_on >= start, Meeting.held_on <= end)
    if agreement_id is not None:
        stmt = stmt.where(Meeting.agreement_id == agreement_id)
    return any(m.quorum for m in _meeting_rows(session, list(session.scalars(stmt))))


# ---------------------------------------------------------------------------------------------- annual report


@dataclass(frozen=True)
class AnnualReportRow:
    id: int | None
    agreement_id: int | None
    year: int
    activities: str
    recommendations: str
    approved_on: dt.date | None


def _annual_query(agreement_id: int | None, year: int):  # type: ignore[no-untyped-def]
    stmt = select(AnnualReport).where(AnnualReport.year == year)
    if agreement_id is None:
        return stmt.where(AnnualReport.agreement_id.is_(None))
    return stmt.where(AnnualReport.agreement_id == agreement_id)


def get_annual_report(session: Session, *, agreement_id: int | None, year: int) -> AnnualReportRow:
    """The team's text for a year (empty when not written yet); no agreement given: the SRO program's."""
    if agreement_id is None:
        agreement_id = default_agreement_id(session)
    row = session.scalar(_annual_query(agreement_id, year))
    if row is None:
        return AnnualReportRow(None, agreement_id, year, "", "", None)
    return AnnualReportRow(row.id, row.agreement_id, row.year, row.activities, row.recommendations, row.approved_on)


@requires("manage_team")
def save_annual_report(
    session: Session,
    *,
    agreement_id: int | None,
    year: int | str,
    activities: str = "",
    recommendations: str = "",
    approved_on: dt.date | str | None = None,
) -> AnnualReportRow:
    """Write the team's activities and recommendations for a year; ``approved_on`` once the team approved it."""
    f = Fields()
    try:
        year_no = int(str(year).strip())
        if not 1990 <= year_no <= 2200:
            raise ValueError
    except ValueError:
        f.error("year", f"“{year}” is not a year.")
        year_no = 0
    text_act = f.text(activities, "activities", "Activities", max_len=50_000, multiline=True)
    text_recs = f.text(recommendations, "recommendations", "Recommendations", max_len=50_000, multiline=True)
    approved = f.date(approved_on, "approved_on", "Approved on")
    if approved is not None and year_no and approved.year < year_no:
        f.error("approved_on", f"The report on {year_no} cannot be approved before the year began.")
    f.check()
    if agreement_id is None:
        agreement_id = default_agreement_id(session)
    if agreement_id is not None:
        get_or_raise(session, Agreement, agreement_id, "Agreement")
    row = session.scalar(_annual_query(agreement_id, year_no))
    if row is None:
        row = AnnualReport(agreement_id=agreement_id, year=year_no)
        session.add(row)
    row.activities, row.recommendations, row.approved_on = text_act, text_recs, approved
    session.flush()
    return get_annual_report(session, agreement_id=agreement_id, year=year_no)


def current_quarter(today: dt.date | None = None) -> str:
    return quarter_of(today or dt.date.today())



# ------------------------------------------------------------------------------------ the annual report (PDF)


@dataclass(frozen=True)
class HoursByKind:
    kind: str
    label: str
    entries: int
    minutes: int


@dataclass(frozen=True)
class AnnualReportData:
    year: int
    agreement_id: int | None
    agreement_title: str
    parties: tuple[PartyInfo, ...]
    text: AnnualReportRow
    members: tuple[TeamMemberRow, ...]
    meetings: tuple[MeetingRow, ...]  # oldest first
    quarters: tuple[QuarterCheck, ...]
    data: Any  # oversight.PublishedPeriod for the year
    baseline: Any  # oversight.PublishedPeriod for the baseline
    hours: tuple[HoursByKind, ...]


def hours_by_kind(session: Session, *, agreement_id: int, year: int) -> list[HoursByKind]:
    """Hours logged under an agreement in a calendar year, by kind of work (one SQL aggregate)."""
    from sqlalchemy import text

    from sharedsvc_desktop.services.hours import KINDS

    rows = session.execute(
        text(
            "SELECT kind, COUNT(*) AS entries, COALESCE(SUM(minutes), 0) AS minutes FROM hour_entry "
            "WHERE agreement_id = :agreement AND work_date >= :first AND work_date <= :last "
            "GROUP BY kind ORDER BY kind"
        ),
        {"agreement": agreement_id, "first": dt.date(year, 1, 1), "last": dt.date(year, 12, 31)},
    ).all()
    found = {kind: (int(entries), int(minutes)) for kind, entries, minutes in rows}
    order = [k for k in KINDS if k in found] + sorted(k for k in found if k not in KINDS)
    return [HoursByKind(k, KINDS.get(k, k), found[k][0], found[k][1]) for k in order]


def annual_report_data(
    session: Session, *, year: int, agreement_id: int | None = None, today: dt.date | None = None
) -> AnnualReportData:
    from sharedsvc_desktop.services import oversight

    if agreement_id is None:
        agreement_id = default_agreement_id(session)
    title, _names = oversight._agreement_title(session, agreement_id)
    parties = tuple(_agreement_parties(session, agreement_id))
    meetings = tuple(reversed(list_meetings(session, agreement_id=agreement_id, year=year)))
    hours = tuple(hours_by_kind(session, agreement_id=agreement_id, year=year)) if agreement_id is not None else ()
    end_of_year = dt.date(year, 12, 31)
    return AnnualReportData(
        year=year,
        agreement_id=agreement_id,
        agreement_title=title,
        parties=parties,
        text=get_annual_report(session, agreement_id=agreement_id, year=year),
        members=tuple(list_team_members(session, agreement_id=agreement_id)),
        meetings=meetings,
        quarters=tuple(quarter_checks(session, agreement_id=agreement_id, year=year,
                                      today=min(today or dt.date.today(), end_of_year))),
        data=oversight.published_year(session, year=year, agreement_id=agreement_id),
        baseline=oversight.published_period(session, period=oversight.BASELINE, agreement_id=agreement_id),
        hours=hours,
    )


def write_annual_report(
    session: Session,
    *,
    out: Any,
    year: int | str,
    agreement_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """The Collaboration Team's annual report (PDF), ready to print and sign. Returns the number of meetings."""
    from sharedsvc_desktop.documents.oversight import build_annual_report

    try:
        year_no = int(str(year).strip())
    except ValueError:
        raise ValidationError({"year": f"“{year}” is not a year."}) from None
    data = annual_report_data(session, year=year_no, agreement_id=agreement_id, today=today)
    build_annual_report(out, data, generated_on=today or dt.date.today())
    return len(data.meetings)
