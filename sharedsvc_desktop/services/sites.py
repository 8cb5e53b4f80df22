"""Schools and other sites where service happens."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import SITE_LEVELS
from sharedsvc_desktop.errors import ConflictError, NotFoundError
from sharedsvc_desktop.models import Party, Site
from sharedsvc_desktop.services.common import Fields, get_or_raise, same_name
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, is_valid_timezone


@dataclass(frozen=True)
class SiteRow:
    id: int
    name: str
    level: str
    in_district: bool
    party_id: int | None
    party_name: str
    address: str
    principal_name: str
    contact_phone: str
    contact_email: str
    timezone: str
    active: bool

    @property
    def level_label(self) -> str:
        return SITE_LEVELS.get(self.level, self.level)


def site_ids(session: Session, *, search: str = "", include_inactive: bool = True) -> list[int]:
    stmt = select(Site.id)
    if not include_inactive:
        stmt = stmt.where(Site.active.is_(True))
    term = search.strip()
    if term:
        like = f"%{term}%"
        stmt = stmt.where(or_(Site.name.ilike(like), Site.address.ilike(like), Site.principal_name.ilike(like)))
    return list(session.scalars(stmt.order_by(func.lower(Site.name), Site.id)))


def site_rows(session: Session, ids: Sequence[int]) -> list[SiteRow]:
    if not ids:
        return []
    pairs = session.execute(
        select(Site, Party.name).outerjoin(Party, Site.party_id == Party.id).where(Site.id.in_(list(ids)))
    ).all()
    by_id = {
        s.id: SiteRow(
            id=s.id,
            name=s.name,
            level=s.level,
            in_district=s.in_district,
            party_id=s.party_id,
            party_name=party_name or "",
            address=s.address,
            principal_name=s.principal_name,
            contact_phone=s.contact_phone,
            contact_email=s.contact_email,
            timezone=s.timezone,
            active=s.active,
        )
        for s, party_name in pairs
    }
    return [by_id[i] for i in ids if i in by_id]


def list_sites(session: Session, *, search: str = "", include_inactive: bool = True) -> list[SiteRow]:
    return site_rows(session, site_ids(session, search=search, include_inactive=include_inactive))


def get_site(session: Session, *, site_id: int) -> SiteRow:
    get_or_raise(session, Site, site_id, "School or site")
    return site_rows(session, [site_id])[0]


def find_site(session: Session, *, key: str) -> SiteRow:
    """A site by id or by (case-insensitive) name, for the command line."""
    key = key.strip()
    match = same_name(session, Site.name, Site.id, key)
    if match is None and key.isdigit() and session.get(Site, int(key)) is not None:
        match = (int(key), "")
    if match is None:
        raise NotFoundError(f"No school or site is called “{key}”.")
    return get_site(session, site_id=match[0])


def _validate(
    session: Session,
    *,
    site_id: int | None,
    name: object,
    level: object,
    address: object,
    principal_name: object,
    contact_phone: object,
    contact_email: object,
    timezone: object,
    party_id: int | None,
) -> dict[str, object]:
    f = Fields()
    v: dict[str, object] = {
        "name": f.text(name, "name", "Name", max_len=200, required=True),
        "level": f.choice(level, "level", "Level", SITE_LEVELS),
        "address": f.text(address, "address", "Address", max_len=1000, multiline=True),
        "principal_name": f.text(principal_name, "principal_name", "Principal", max_len=200),
        "contact_phone": f.text(contact_phone, "contact_phone", "Phone", max_len=60),
        "contact_email": f.email(contact_email, "contact_email"),
        "timezone": f.text(timezone, "timezone", "Time zone", max_len=64) or DEFAULT_TIMEZONE,
    }
    if not is_valid_timezone(str(v["timezone"])):
        f.error("timezone", f"“{v['timezone']}” is not a known time zone (for example America/New_York).")
    if party_id is not None and session.get(Party, party_id) is None:
        f.error("party_id", "The district or party chosen no longer exists.")
    if v["name"] and "name" not in f.errors:
        clash = same_name(session, Site.name, Site.id, str(v["name"]))
        if clash is not None and clash[0] != site_id:
            f.error("name", f"A site called “{clash[1]}” already exists.")
    f.check()
    return v


@requires("manage_people")
def add_site(
    session: Session,
    *,
    name: str,
    level: str = "other",
    in_district: bool = True,
    address: str = "",
    principal_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    timezone: str = DEFAULT_TIMEZONE,
    party_id: int | None = None,
) -> SiteRow:
    v = _validate(
        session,
        site_id=None,
        name=name,
        level=level,
        address=address,
        principal_name=principal_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
        timezone=timezone,
        party_id=party_id,
    )
    site = Site(in_district=bool(in_district), party_id=party_id, **v)  # type: ignore[arg-type]
    session.add(site)
    session.flush()
    return get_site(session, site_id=site.id)


@requires("manage_people")
def update_site(
    session: Session,
    *,
    site_id: int,
    name: str,
    level: str = "other",
    in_district: bool = True,
    address: str = "",
    principal_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    timezone: str = DEFAULT_TIMEZONE,
    party_id: int | None = None,
) -> SiteRow:
    site = get_or_raise(session, Site, site_id, "School or site")
    v = _validate(
        session,
        site_id=site_id,
        name=name,
        level=level,
        address=address,
        principal_name=principal_name,
        contact_phone=contact_phone,
        contact_email=contact_email,
        timezone=timezone,
        party_id=party_id,
    )
    for key, value in v.items():
        setattr(site, key, value)
    site.in_district = bool(in_district)
    site.party_id = party_id
    session.flush()
    return get_site(session, site_id=site_id)


@requires("manage_people")
def deactivate_site(session: Session, *, site_id: int) -> SiteRow:
    site = get_or_raise(session, Site, site_id, "School or site")
    if not site.active:
        raise ConflictError(f"{site.name} is already inactive.")
    site.active = False
    session.flush()
    return get_site(session, site_id=site_id)


@requires("manage_people")
def reactivate_site(session: Session, *, site_id: int) -> SiteRow:
    site = get_or_raise(session, Site, site_id, "School or site")
    site.active = True
    session.flush()
    return get_site(session, site_id=site_id)
