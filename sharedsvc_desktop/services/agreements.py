"""Agreements between parties, each with its versions (the register; editing comes with the agreement editor)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import Agreement, AgreementParty, AgreementVersion, Party

KINDS = {
    "sro_program": "SRO program agreement",
    "in_kind_exchange": "Shared services / in-kind exchange",
    "event_coverage": "Event-coverage agreement",
    "other": "Other shared service",
}
VERSION_STATUSES = {
    "draft": "Draft",
    "out_for_signature": "Out for signature",
    "executed": "Executed",
    "superseded": "Superseded",
    "terminated": "Terminated",
    "expired": "Expired",
}


@dataclass(frozen=True)
class AgreementRow:
    id: int
    number: str
    title: str
    kind: str
    kind_label: str
    parties: str
    current_version: int | None
    status: str
    status_label: str
    effective_date: dt.date | None
    end_date: dt.date | None
    active: bool


def agreement_ids(session: Session, *, include_inactive: bool = True) -> list[int]:
    stmt = select(Agreement.id)
    if not include_inactive:
        stmt = stmt.where(Agreement.active.is_(True))
    return list(session.scalars(stmt.order_by(Agreement.number)))


def agreement_rows(session: Session, ids: Sequence[int]) -> list[AgreementRow]:
    if not ids:
        return []
    agreements = {a.id: a for a in session.scalars(select(Agreement).where(Agreement.id.in_(list(ids))))}
    names: dict[int, list[str]] = {}
    for agreement_id, name in session.execute(
        select(AgreementParty.agreement_id, Party.name)
        .join(Party, AgreementParty.party_id == Party.id)
        .where(AgreementParty.agreement_id.in_(list(ids)))
        .order_by(AgreementParty.position)
    ):
        names.setdefault(agreement_id, []).append(name)
    latest: dict[int, AgreementVersion] = {}
    for v in session.scalars(
        select(AgreementVersion).where(AgreementVersion.agreement_id.in_(list(ids))).order_by(
            AgreementVersion.version_no
        )
    ):
        latest[v.agreement_id] = v
    rows = []
    for i in ids:
        a = agreements.get(i)
        if a is None:
            continue
        v = latest.get(i)
        status = v.status if v else "draft"
        rows.append(
            AgreementRow(
                id=a.id,
                number=a.number,
                title=a.title,
                kind=a.kind,
                kind_label=KINDS.get(a.kind, a.kind),
                parties=" and ".join(names.get(i, [])),
                current_version=v.version_no if v else None,
                status=status,
                status_label=VERSION_STATUSES.get(status, status),
                effective_date=v.effective_date if v else None,
                end_date=v.end_date if v else None,
                active=a.active,
            )
        )
    return rows


def list_agreements(session: Session) -> list[AgreementRow]:
    return agreement_rows(session, agreement_ids(session))
