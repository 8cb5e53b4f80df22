"""Reading the audit trail: filtered lists for the audit view and the chain check."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import AuditEntry
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.storage.audit import ChainResult, verify_chain


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    table_name: str
    row_id: int | None
    before: Any
    after: Any

    @property
    def summary(self) -> str:
        if self.action == "update" and isinstance(self.after, dict):
            before = self.before if isinstance(self.before, dict) else {}
            return "; ".join(f"{k}: {before.get(k)!r} → {v!r}" for k, v in self.after.items())
        data = self.after if self.after is not None else self.before
        return json.dumps(data, ensure_ascii=False, default=str) if data is not None else ""


def entry_ids(
    session: Session,
    *,
    table_name: str | None = None,
    row_id: int | None = None,
    username: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[int]:
    """Matching entries, newest first."""
    stmt = select(AuditEntry.id)
    if table_name:
        stmt = stmt.where(AuditEntry.table_name == table_name)
    if row_id is not None:
        stmt = stmt.where(AuditEntry.row_id == row_id)
    if username:
        stmt = stmt.where(AuditEntry.username == username)
    if date_from:
        stmt = stmt.where(AuditEntry.at >= dt.datetime.combine(date_from, dt.time(0), dt.UTC))
    if date_to:
        stmt = stmt.where(AuditEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0), dt.UTC))
    return list(session.scalars(stmt.order_by(AuditEntry.id.desc())))


def entry_rows(session: Session, ids: Sequence[int]) -> list[AuditRow]:
    if not ids:
        return []
    by_id = {
        e.id: AuditRow(e.id, e.at, e.username, e.action, e.table_name, e.row_id, e.before, e.after)
        for e in session.scalars(select(AuditEntry).where(AuditEntry.id.in_(list(ids))))
    }
    return [by_id[i] for i in ids if i in by_id]


def record_kinds(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.table_name).distinct().order_by(AuditEntry.table_name)))


def usernames(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username)))


@requires("view")
def verify(session: Session) -> ChainResult:
    return verify_chain(session.connection())
