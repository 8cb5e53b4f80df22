"""The audit trail: every write records who, when, what, and the values before and after.

Rows are hash-chained: each row's hash covers the previous row's hash and its own content, so a row altered or
removed with raw SQL breaks the chain at that row. UPDATE and DELETE on the table are refused by triggers
(migration 0002). Entries are written in the same transaction as the change they describe, from the ORM's
``after_flush`` event; bulk imports that bypass the ORM record one summary entry themselves
(``record(session, ...)``).
"""

from __future__ import annotations

import datetime as dt
import decimal
import getpass
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import AuditEntry, Base

GENESIS = "0" * 64
# Never copied into the trail: secrets, and file contents (their SHA-256 is kept on the attachment row).
REDACTED_COLUMNS = {"password_hash"}
OMITTED_COLUMNS = {"data"}
_table = AuditEntry.__table__


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, bytes):
        return {"sha256": hashlib.sha256(value).hexdigest(), "size": len(value)}
    if isinstance(value, dict | list | str | int | float | bool) or value is None:
        return value
    return str(value)


def _column_values(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    out: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        key = attr.key
        if key in OMITTED_COLUMNS:
            continue
        out[key] = "***" if key in REDACTED_COLUMNS else _plain(getattr(obj, key))
    return out


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in OMITTED_COLUMNS or key in ("updated_at",):
            continue
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if key in REDACTED_COLUMNS:
            old, new = "***", "***"
        before[key] = _plain(old)
        after[key] = _plain(new)
    return before, after


def _row_id(obj: Any) -> int | None:
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    if len(key) == 1 and isinstance(key[0], int):
        return key[0]
    return None


def canonical(entry: dict[str, Any]) -> bytes:
    """The bytes a row's hash covers (everything but its own id and hash)."""
    body = {
        "at": entry["at"],
        "username": entry["username"],
        "action": entry["action"],
        "table_name": entry["table_name"],
        "row_id": entry["row_id"],
        "before": entry["before"],
        "after": entry["after"],
        "prev_hash": entry["prev_hash"],
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _hash(entry: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def _format_at(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


def actor_name(session: Session) -> str:
    actor = session.info.get("actor")
    if actor is not None:
        return str(getattr(actor, "username", actor))
    try:
        return f"system:{getpass.getuser()}"
    except Exception:  # noqa: BLE001 - no login name on this machine
        return "system"


def _last_hash(session: Session) -> str:
    last = session.connection().execute(select(_table.c.hash).order_by(_table.c.id.desc()).limit(1)).scalar()
    return last or GENESIS


def record(
    session: Session,
    *,
    action: str,
    table_name: str,
    row_id: int | None = None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one entry by hand (bulk imports, logins, exports)."""
    _append(session, [(action, table_name, row_id, before, after)])


def _append(session: Session, items: list[tuple[str, str, int | None, Any, Any]]) -> None:
    if not items:
        return
    prev = _last_hash(session)
    username = actor_name(session)
    now = dt.datetime.now(dt.UTC)
    rows = []
    for action, table_name, row_id, before, after in items:
        entry = {
            "at": _format_at(now),
            "username": username,
            "action": action,
            "table_name": table_name,
            "row_id": row_id,
            "before": before,
            "after": after,
            "prev_hash": prev,
        }
        entry["hash"] = _hash(entry)
        prev = entry["hash"]
        rows.append(
            {
                "at": now,
                "username": username,
                "action": action,
                "table_name": table_name,
                "row_id": row_id,
                "before": before,
                "after": after,
                "prev_hash": entry["prev_hash"],
                "hash": entry["hash"],
            }
        )
    session.connection().execute(insert(_table), rows)


def _after_flush(session: Session, _context: Any) -> None:
    if session.info.get("audit") is False:
        return
    items: list[tuple[str, str, int | None, Any, Any]] = []
    for obj in session.new:
        if isinstance(obj, AuditEntry) or not isinstance(obj, Base):
            continue
        items.append(("insert", obj.__tablename__, _row_id(obj), None, _column_values(obj)))
    for obj in session.dirty:
        if isinstance(obj, AuditEntry) or not isinstance(obj, Base) or not session.is_modified(obj):
            continue
        before, after = _changes(obj)
        if after:
            items.append(("update", obj.__tablename__, _row_id(obj), before, after))
    for obj in session.deleted:
        if isinstance(obj, AuditEntry) or not isinstance(obj, Base):
            continue
        items.append(("delete", obj.__tablename__, _row_id(obj), _column_values(obj), None))
    _append(session, items)


_installed = False


def install() -> None:
    """Record every ORM write from now on (idempotent; done when a Database is created)."""
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        _installed = True


@dataclass(frozen=True)
class ChainResult:
    checked: int
    first_bad_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def _stored_at(value: Any) -> str:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return _format_at(value)


def verify_chain(connection: Any) -> ChainResult:
    """Walk the trail in order; name the first row whose hash or link does not match."""
    prev = GENESIS
    checked = 0
    result = connection.execute(select(_table).order_by(_table.c.id))
    for row in result.mappings():
        entry = {
            "at": _stored_at(row["at"]),
            "username": row["username"],
            "action": row["action"],
            "table_name": row["table_name"],
            "row_id": row["row_id"],
            "before": row["before"],
            "after": row["after"],
            "prev_hash": row["prev_hash"],
        }
        if row["prev_hash"] != prev:
            return ChainResult(checked, row["id"], "its link to the previous row is broken (a row was removed)")
        if _hash(entry) != row["hash"]:
            return ChainResult(checked, row["id"], "its content does not match its hash (the row was altered)")
        prev = row["hash"]
        checked += 1
    return ChainResult(checked, None, "")
