"""The compliance calendar: one list of what is due and overdue, derived from the records (never stored).

Kinds of items, each with the record it concerns:
- ``quarterly_data``: each school's figures for a quarter, school side and police side, from the day after the
  quarter ends; overdue ``oversight.data_due_days`` (30) days after it;
- ``team_meeting``: a Collaboration Team meeting with at least two members of each party, every quarter; due
  during the quarter, overdue once it ended without one;
- ``annual_report``: the team's report on a calendar year, from 1 December; overdue after 31 January;
- ``sro_review``: each SRO's annual review (``services.sro.reviews_due``);
- ``sro_appointment``: a school with an SRO this school year and none appointed for the next, from 1 May;
  overdue once the next school year has begun (1 August);
- ``agreement``: renewals, expiries and terminations coming up (``services.agreements.agreements_due``);
- ``training``: an officer's training or qualification expiring within 60 days, or expired and not renewed.

Quarters are looked at while an SRO-program agreement is in force, for the last four quarters only, so that an
old gap does not stay on the list for ever.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.models import (
    Agreement,
    AgreementVersion,
    AnnualReport,
    Category,
    DataReport,
    Officer,
    Person,
    Qualification,
    Site,
    SroAppointment,
    SroReview,
)
from sharedsvc_desktop.services import oversight, team

KINDS = {
    "quarterly_data": "Quarterly data",
    "team_meeting": "Team meeting",
    "annual_report": "Annual report",
    "sro_review": "SRO review",
    "sro_appointment": "SRO appointment",
    "agreement": "Agreement",
    "training": "Training",
}
LOOKBACK_QUARTERS = 4
TRAINING_WARNING_DAYS = 60
ANNUAL_REPORT_OPENS = (12, 1)  # month, day of the year reported on
ANNUAL_REPORT_DUE = (1, 31)  # month, day of the following year
APPOINTMENTS_OPEN = (5, 1)  # month, day in the spring of the school year
AGREEMENT_DAYS = 60


@dataclass(frozen=True)
class DueItem:
    """One thing owed: what, by when, whether it is late, and the record it concerns."""

    kind: str
    title: str
    due_on: dt.date
    status: str  # "due" or "overdue"
    record_table: str
    record_id: int | None
    detail: str = ""
    key: str = ""  # stable identity (the .ics UID)

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def text(self) -> str:
        state = "Overdue" if self.overdue else "Due"
        return f"{state} {self.due_on:%d %b %Y}: {self.title}"


def _status(due_on: dt.date, today: dt.date) -> str:
    return "overdue" if today > due_on else "due"


def _in_force(version: AgreementVersion, day: dt.date) -> bool:
    if version.effective_date is None or version.effective_date > day:
        return False
    if version.status == "terminated" and version.termination_effective_on and version.termination_effective_on < day:
        return False
    if version.status == "expired" and version.end_date and version.end_date < day:
        return False
    if version.end_date and not version.auto_renew and version.end_date < day:
        return False
    return True


def _quarters_back(today: dt.date) -> list[str]:
    """The current quarter and the ``LOOKBACK_QUARTERS`` before it, oldest first."""
    quarters = [oversight.quarter_of(today)]
    for _ in range(LOOKBACK_QUARTERS):
        quarters.append(oversight.previous_quarter(quarters[-1]))
    return list(reversed(quarters))


# --------------------------------------------------------------------------------------------- oversight items


def _oversight_items(session: Session, today: dt.date) -> list[DueItem]:
    items: list[DueItem] = []
    due_days = oversight.data_due_days(session)
    schools = oversight.data_schools(session)
    entered = {
        (site_id, side, period)
        for site_id, side, period in session.execute(select(DataReport.site_id, DataReport.side, DataReport.period))
    }
    for agreement, version in oversight._program_versions(session):
        my_schools = [s for s in schools if s.agreement_id == agreement.id]
        for quarter in _quarters_back(today):
            start, end = oversight.quarter_bounds(quarter)
            if not _in_force(version, min(end, today)):
                continue
            label = oversight.period_label(quarter)
            # the data, once the quarter is over
            if end < today:
                due_on = end + dt.timedelta(days=due_days)
                for school in my_schools:
                    for side, who in (("school", "school"), ("police", "police")):
                        if (school.id, side, quarter) in entered:
                            continue
                        items.append(DueItem(
                            "quarterly_data", f"{school.name}: {who} data for {label}", due_on,
                            _status(due_on, today), "site", school.id,
                            f"Section IX figures from the {who} side ({agreement.number}).",
                            f"data-{quarter}-{side}-{school.id}",
                        ))
            # the team meeting
            if not team.quarter_met(session, agreement_id=agreement.id, quarter=quarter):
                items.append(DueItem(
                    "team_meeting", f"Collaboration Team meeting for {label}", end, _status(end, today),
                    "agreement", agreement.id,
                    f"At least {team.MIN_PER_PARTY} members of each party present ({agreement.number}).",
                    f"meeting-{quarter}-{agreement.id}",
                ))
        # the annual report: this year (from 1 December) and last year (until approved)
        for year in (today.year - 1, today.year):
            opens = dt.date(year, *ANNUAL_REPORT_OPENS)
            due_on = dt.date(year + 1, *ANNUAL_REPORT_DUE)
            if today < opens or not _in_force(version, dt.date(year, 12, 31)):
                continue
            report = session.scalar(select(AnnualReport).where(AnnualReport.agreement_id == agreement.id,
                                                               AnnualReport.year == year))
            if report is not None and report.approved_on is not None:
                continue
            items.append(DueItem(
                "annual_report", f"Collaboration Team annual report for {year}", due_on, _status(due_on, today),
                "agreement", agreement.id, f"Activities and recommendations ({agreement.number}).",
                f"annual-{year}-{agreement.id}",
            ))
    return items


# ------------------------------------------------------------------------------------------------- SRO items


def _reviews(session: Session, today: dt.date) -> list[DueItem]:
    from sharedsvc_desktop.services import sro

    fn = getattr(sro, "reviews_due", None)
    items: list[DueItem] = []
    if fn is not None:
        for r in fn(session, today=today):
            items.append(DueItem(
                "sro_review", f"Annual review of {r.officer_name} at {r.site_name} ({r.school_year})",
                r.overdue_after, "overdue" if r.overdue else "due", "sro_appointment", r.appointment_id,
                r.what, f"review-{r.appointment_id}",
            ))
        return items
    # fallback: due from 1 May of the school year, overdue 30 days after the appointment ends
    rows = session.execute(
        select(SroAppointment, Site, Person).join(Site, SroAppointment.site_id == Site.id)
        .join(Officer, SroAppointment.officer_id == Officer.id).join(Person, Officer.person_id == Person.id)
        .where(SroAppointment.status.in_(["active", "ended"]))
    ).all()
    for appt, site, person in rows:
        done = session.scalar(select(SroReview.id).where(SroReview.appointment_id == appt.id,
                                                         SroReview.meeting_date.is_not(None),
                                                         SroReview.sent_to_chief_on.is_not(None)))
        if done:
            continue
        start_year = int(appt.school_year[:4])
        end = appt.end_date or dt.date(start_year + 1, 6, 30)
        due_from = min(dt.date(start_year + 1, 5, 1), end)
        overdue_after = end + dt.timedelta(days=30)
        if today < due_from or today > overdue_after + dt.timedelta(days=365):
            continue
        items.append(DueItem(
            "sro_review", f"Annual review of {person.full_name} at {site.name} ({appt.school_year})",
            overdue_after, _status(overdue_after, today), "sro_appointment", appt.id,
            "Annual review meeting and written report to the chief.", f"review-{appt.id}",
        ))
    return items


def _school_year_start(day: dt.date) -> int:
    return day.year if day.month >= 8 else day.year - 1


def _appointments(session: Session, today: dt.date) -> list[DueItem]:
    start = _school_year_start(today)
    opens = dt.date(start + 1, *APPOINTMENTS_OPEN)
    if today < opens:
        return []
    current = f"{start}-{(start + 1) % 100:02d}"
    upcoming = f"{start + 1}-{(start + 2) % 100:02d}"
    due_on = dt.date(start + 1, 7, 31)
    with_sro = session.execute(
        select(Site.id, Site.name).join(SroAppointment, SroAppointment.site_id == Site.id)
        .where(SroAppointment.school_year == current, SroAppointment.status.in_(["active", "ended"]),
               Site.active.is_(True)).distinct()
    ).all()
    appointed = set(session.scalars(
        select(SroAppointment.site_id).where(SroAppointment.school_year == upcoming,
                                             SroAppointment.status == "active")
    ))
    return [
        DueItem("sro_appointment", f"{name}: SRO appointment for {upcoming}", due_on, _status(due_on, today),
                "site", site_id, "The chief appoints after consulting the superintendent.",
                f"appointment-{upcoming}-{site_id}")
        for site_id, name in sorted(with_sro, key=lambda r: r[1]) if site_id not in appointed
    ]


# ------------------------------------------------------------------------------------------ agreement items


def _agreements(session: Session, today: dt.date) -> list[DueItem]:
    from sharedsvc_desktop.services import agreements

    fn = getattr(agreements, "agreements_due", None)
    items: list[DueItem] = []
    if fn is not None:
        for d in fn(session, today=today):
            items.append(DueItem(
                "agreement", f"{d.number}: {d.what} — {d.title}", d.due_on, _status(d.due_on, today),
                "agreement", d.agreement_id, d.text, f"agreement-{d.what}-{d.agreement_id}-{d.due_on.isoformat()}",
            ))
        return items
    horizon = today + dt.timedelta(days=AGREEMENT_DAYS)
    for agreement in session.scalars(select(Agreement).where(Agreement.active.is_(True))):
        version = next((v for v in reversed(agreement.versions) if v.status == "executed"), None)
        if version is None or version.end_date is None:
            continue
        if today <= version.end_date <= horizon:
            what = "renewal" if version.auto_renew else "expiry"
            items.append(DueItem(
                "agreement", f"{agreement.number}: {what} — {agreement.title}", version.end_date,
                "due", "agreement", agreement.id, f"Term ends on {version.end_date:%d %B %Y}.",
                f"agreement-{what}-{agreement.id}-{version.end_date.isoformat()}",
            ))
    return items


def _training(session: Session, today: dt.date) -> list[DueItem]:
    horizon = today + dt.timedelta(days=TRAINING_WARNING_DAYS)
    labels = {code: label for code, label in session.execute(
        select(Category.code, Category.label).where(Category.domain == "qualification"))}
    rows = session.execute(
        select(Qualification, Person, Officer).join(Person, Qualification.person_id == Person.id)
        .join(Officer, Officer.person_id == Person.id)
        .where(Officer.status != "inactive", Person.active.is_(True))
    ).all()
    latest: dict[tuple[int, str], tuple[Qualification, Person, Officer]] = {}
    for q, person, officer in rows:
        key = (person.id, q.kind)
        best = latest.get(key)
        if best is None or (q.completed_on, q.id) > (best[0].completed_on, best[0].id):
            latest[key] = (q, person, officer)
    items = []
    for q, person, officer in latest.values():
        if q.expires_on is None or q.expires_on > horizon:
            continue
        label = labels.get(q.kind, q.kind)
        expired = q.expires_on < today
        items.append(DueItem(
            "training",
            f"{person.full_name} ({officer.badge_number}): {label} {'expired' if expired else 'expires'}",
            q.expires_on, _status(q.expires_on, today), "qualification", q.id,
            f"{label} {'expired on' if expired else 'expires on'} {q.expires_on:%d %B %Y}.",
            f"training-{q.id}",
        ))
    return items


# ---------------------------------------------------------------------------------------------------- the list


def compliance_items(session: Session, *, today: dt.date | None = None) -> list[DueItem]:
    """Everything due or overdue on ``today``: overdue first, then by due date."""
    today = today or dt.date.today()
    items = (_oversight_items(session, today) + _reviews(session, today) + _appointments(session, today)
             + _agreements(session, today) + _training(session, today))
    return sorted(items, key=lambda i: (not i.overdue, i.due_on, i.kind, i.title))


@dataclass(frozen=True)
class ComplianceSummary:
    due: int
    overdue: int
    items: list[DueItem]


def compliance_summary(session: Session, *, today: dt.date | None = None, limit: int = 8) -> ComplianceSummary:
    """For the Dashboard: the counts and the first ``limit`` items (overdue first)."""
    items = compliance_items(session, today=today)
    overdue = sum(1 for i in items if i.overdue)
    return ComplianceSummary(len(items) - overdue, overdue, items[:limit])


# -------------------------------------------------------------------------------------------------------- .ics


def compliance_ics(items: list[DueItem], *, stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file with one all-day event per item on its due date."""
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", f"-//{APP_TITLE}//{__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Compliance calendar")
    for item in items:
        ev = IcsEvent()
        ev.add("uid", f"{item.key or id(item)}@sharedsvc-desktop")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", item.due_on)
        ev.add("dtend", item.due_on + dt.timedelta(days=1))
        prefix = "OVERDUE: " if item.overdue else "Due: "
        ev.add("summary", prefix + item.title)
        ev.add("description", f"{item.kind_label}. {item.detail}".strip())
        ev.add("categories", [item.kind_label])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()


def write_compliance_ics(session: Session, *, out: Path | str | BinaryIO, today: dt.date | None = None) -> int:
    """Write the compliance calendar as .ics; returns the number of items."""
    items = compliance_items(session, today=today)
    data = compliance_ics(items)
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    else:
        out.write(data)
    return len(items)
