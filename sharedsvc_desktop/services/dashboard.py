"""What needs attention today, in one read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import Event, Officer, Site
from sharedsvc_desktop.services.compliance import ComplianceSummary, compliance_summary
from sharedsvc_desktop.services.events import EventRow, upcoming_events
from sharedsvc_desktop.timeutil import now_utc


@dataclass(frozen=True)
class Dashboard:
    upcoming: list[EventRow]
    understaffed: int
    waiting_approval: int
    active_officers: int
    active_sites: int
    is_empty: bool
    compliance: ComplianceSummary  # due and overdue: reviews, data, meetings, renewals, training...


def dashboard(session: Session, *, days: int = 14, now: dt.datetime | None = None) -> Dashboard:
    now = now or now_utc()
    upcoming = upcoming_events(session, days=days, now=now)
    waiting = session.scalar(
        select(func.count()).select_from(Event).where(Event.status == "requested", Event.ends_at > now)
    )
    officers = session.scalar(select(func.count()).select_from(Officer).where(Officer.status == "active"))
    sites = session.scalar(select(func.count()).select_from(Site).where(Site.active.is_(True)))
    return Dashboard(
        upcoming=upcoming,
        understaffed=sum(1 for e in upcoming if e.understaffed),
        waiting_approval=int(waiting or 0),
        active_officers=int(officers or 0),
        active_sites=int(sites or 0),
        is_empty=not officers and not sites,
        compliance=compliance_summary(session, today=now.date(), limit=10),
    )
