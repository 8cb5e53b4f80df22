"""Parties: the public bodies in an agreement (police department, school district, other agencies)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.models import Party
from sharedsvc_desktop.services.common import Fields, category_labels, same_name
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, is_valid_timezone


@dataclass(frozen=True)
class PartyRow:
    id: int
    name: str
    short_name: str
    kind: str
    kind_label: str
    active: bool


def list_parties(session: Session, *, kind: str | None = None, include_inactive: bool = False) -> list[PartyRow]:
    labels = category_labels(session, "party_kind", active_only=False)
    stmt = select(Party)
    if kind:
        stmt = stmt.where(Party.kind == kind)
    if not include_inactive:
        stmt = stmt.where(Party.active.is_(True))
    return [
        PartyRow(p.id, p.name, p.short_name, p.kind, labels.get(p.kind, p.kind), p.active)
        for p in session.scalars(stmt.order_by(func.lower(Party.name)))
    ]


@requires("manage_people")
def add_party(
    session: Session,
    *,
    name: str,
    kind: str,
    short_name: str = "",
    address: str = "",
    phone: str = "",
    email: str = "",
    timezone: str = DEFAULT_TIMEZONE,
) -> PartyRow:
    labels = category_labels(session, "party_kind")
    f = Fields()
    clean_name = f.text(name, "name", "Name", max_len=200, required=True)
    code = f.choice(kind, "kind", "Kind of party", labels)
    short = f.text(short_name, "short_name", "Short name", max_len=60)
    addr = f.text(address, "address", "Address", max_len=1000, multiline=True)
    tel = f.text(phone, "phone", "Phone", max_len=60)
    mail = f.email(email)
    if not is_valid_timezone(timezone):
        f.error("timezone", f"“{timezone}” is not a known time zone.")
    if clean_name and same_name(session, Party.name, Party.id, clean_name):
        f.error("name", f"A party called “{clean_name}” already exists.")
    f.check()
    party = Party(
        name=clean_name, kind=code, short_name=short, address=addr, phone=tel, email=mail, timezone=timezone
    )
    session.add(party)
    session.flush()
    return PartyRow(party.id, party.name, party.short_name, party.kind, labels[code], party.active)
