"""Hour entries: who gave how much time, where, under which agreement (lists and totals)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import Agreement, HourEntry, Person, Site

KINDS = {
    "event_coverage": "Event coverage",
    "building_patrol": "Building patrol",
    "sro_duty": "SRO duty",
    "it_service": "IT service (in kind)",
    "other": "Other",
}


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

    @property
    def hours_text(self) -> str:
        return f"{self.minutes / 60:.2f}"


def hour_entry_ids(
    session: Session,
    *,
    person_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    kind: str | None = None,
) -> list[int]:
    """Ids of the matching entries, newest first."""
    stmt = select(HourEntry.id)
    if person_id is not None:
        stmt = stmt.where(HourEntry.person_id == person_id)
    if date_from is not None:
        stmt = stmt.where(HourEntry.work_date >= date_from)
    if date_to is not None:
        stmt = stmt.where(HourEntry.work_date <= date_to)
    if kind:
        stmt = stmt.where(HourEntry.kind == kind)
    return list(session.scalars(stmt.order_by(HourEntry.work_date.desc(), HourEntry.id.desc())))


def hour_rows(session: Session, ids: Sequence[int]) -> list[HourRow]:
    if not ids:
        return []
    result = session.execute(
        select(HourEntry, Person.first_name, Person.last_name, Site.name, Agreement.number)
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Site, HourEntry.site_id == Site.id)
        .outerjoin(Agreement, HourEntry.agreement_id == Agreement.id)
        .where(HourEntry.id.in_(list(ids)))
    ).all()
    by_id = {
        h.id: HourRow(
            id=h.id,
            work_date=h.work_date,
            person_id=h.person_id,
            person_name=f"{first} {last}",
            kind=h.kind,
            kind_label=KINDS.get(h.kind, h.kind),
            site_name=site or "",
            minutes=h.minutes,
            agreement_number=number or "",
            billable=h.billable,
            status=h.status,
            notes=h.notes,
        )
        for h, first, last, site, number in result
    }
    return [by_id[i] for i in ids if i in by_id]


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
