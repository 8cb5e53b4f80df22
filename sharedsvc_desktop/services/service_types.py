"""The user-defined lists that make the program serve any shared service, not only police–school: the kinds of
party (police department, school district, town department, regional council...) and the service types two public
bodies trade (event coverage, patrols, SRO duty, IT, facilities, finance, transportation...).

Both live in the ``category`` table (domains ``party_kind`` and ``service_type``); the police–school entries come
first by default (written by the first migration from ``defaults.DEFAULT_CATEGORIES``). Entries are renamed or
deactivated, never deleted: records that use an entry keep it, and its label, after it is retired from the choices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import DEFAULT_CATEGORIES
from sharedsvc_desktop.errors import ConflictError, NotFoundError
from sharedsvc_desktop.models import AgreementService, Category, Party
from sharedsvc_desktop.services.common import Fields
from sharedsvc_desktop.services.permissions import requires

LISTS: dict[str, str] = {
    "party_kind": "Kinds of party",
    "service_type": "Service types",
}
#: what uses each list: (model, column)
_USED_BY = {"party_kind": (Party, Party.kind), "service_type": (AgreementService, AgreementService.service_type)}


@dataclass(frozen=True)
class ListEntry:
    id: int
    domain: str
    code: str
    label: str
    sort_order: int
    active: bool
    in_use: int  # records that use it
    default: bool  # one of the built-in police–school entries


def _check_domain(f: Fields, domain: str) -> str:
    return f.choice(domain, "domain", "List", LISTS)


def ensure_defaults(session: Session, *, domain: str) -> int:
    """Write the built-in entries of a list that has none (a database made without them). Returns rows written."""
    if session.scalar(select(func.count()).select_from(Category).where(Category.domain == domain)):
        return 0
    for order, (code, label) in enumerate(DEFAULT_CATEGORIES.get(domain, [])):
        session.add(Category(domain=domain, code=code, label=label, sort_order=order, active=True))
    session.flush()
    return len(DEFAULT_CATEGORIES.get(domain, []))


def list_entries(session: Session, *, domain: str, include_inactive: bool = True) -> list[ListEntry]:
    f = Fields()
    domain = _check_domain(f, domain)
    f.check()
    model, column = _USED_BY[domain]
    used = dict(session.execute(select(column, func.count()).select_from(model).group_by(column)).all())
    defaults = {code for code, _ in DEFAULT_CATEGORIES.get(domain, [])}
    stmt = select(Category).where(Category.domain == domain)
    if not include_inactive:
        stmt = stmt.where(Category.active.is_(True))
    return [
        ListEntry(c.id, c.domain, c.code, c.label, c.sort_order, c.active, int(used.get(c.code, 0)),
                  c.code in defaults)
        for c in session.scalars(stmt.order_by(Category.sort_order, Category.id))
    ]


def _entry(session: Session, entry_id: int) -> Category:
    row = session.get(Category, entry_id)
    if row is None or row.domain not in LISTS:
        raise NotFoundError(f"List entry {entry_id} does not exist (it may have been removed by someone else).")
    return row


def _same_label(session: Session, domain: str, label: str, *, not_id: int | None = None) -> bool:
    key = label.casefold()
    return any(
        existing.casefold() == key and cid != not_id
        for cid, existing in session.execute(select(Category.id, Category.label).where(Category.domain == domain))
    )


def _row(session: Session, c: Category) -> ListEntry:
    return next(e for e in list_entries(session, domain=c.domain) if e.id == c.id)


@requires("manage_settings")
def add_entry(session: Session, *, domain: str, label: str) -> ListEntry:
    """Add an entry (e.g. "Library services") at the end of a list; its code is made from the label."""
    f = Fields()
    domain = _check_domain(f, domain)
    text = f.text(label, "label", "Name", max_len=200, required=True)
    if text and domain in LISTS and _same_label(session, domain, text):
        f.error("label", f"“{text}” is already in this list.")
    f.check()
    ensure_defaults(session, domain=domain)
    base = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:50] or "entry"
    codes = set(session.scalars(select(Category.code).where(Category.domain == domain)))
    code, n = base, 2
    while code in codes:
        code, n = f"{base}_{n}", n + 1
    order = (session.scalar(select(func.max(Category.sort_order)).where(Category.domain == domain)) or 0) + 1
    row = Category(domain=domain, code=code, label=text, sort_order=order, active=True)
    session.add(row)
    session.flush()
    return _row(session, row)


@requires("manage_settings")
def rename_entry(session: Session, *, entry_id: int, label: str) -> ListEntry:
    """Change what an entry is called (everywhere it shows); its code, and the records using it, stay."""
    row = _entry(session, entry_id)
    f = Fields()
    text = f.text(label, "label", "Name", max_len=200, required=True)
    if text and _same_label(session, row.domain, text, not_id=row.id):
        f.error("label", f"“{text}” is already in this list.")
    f.check()
    row.label = text
    session.flush()
    return _row(session, row)


@requires("manage_settings")
def set_entry_active(session: Session, *, entry_id: int, active: bool) -> ListEntry:
    """Retire an entry from the choices (records that use it keep it), or bring it back."""
    row = _entry(session, entry_id)
    if not active and row.active:
        others = session.scalar(
            select(func.count()).select_from(Category)
            .where(Category.domain == row.domain, Category.active.is_(True), Category.id != row.id)
        )
        if not others:
            raise ConflictError(f"“{row.label}” is the last entry of {LISTS[row.domain].lower()}; add another first.")
    row.active = bool(active)
    session.flush()
    return _row(session, row)
