"""School staff and signatories: superintendents, principals, secretaries, IT staff (who log in-kind hours),
the chief of police and designees, each with a title and a role held over time (``person_role``).

A person has one current role here (the one the screens edit); changing it ends the old role today and opens
the new one, so the history of who was principal of a school stays. Naming someone principal of a school also
writes their name on the school.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError
from sharedsvc_desktop.models import Officer, Party, Person, PersonRole, Site
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import requires

STAFF_ROLES = {
    "superintendent": "Superintendent",
    "principal": "Principal",
    "secretary": "School secretary",
    "it_staff": "IT staff",
    "chief": "Chief of police",
    "designee": "Chief's designee",
    "other": "Other staff",
}
#: Roles that belong to one school.
SITE_ROLES = {"principal", "secretary"}


@dataclass(frozen=True)
class PersonRow:
    id: int
    first_name: str
    last_name: str
    title: str
    role: str  # the current role ("" if none)
    role_id: int | None
    site_id: int | None
    site_name: str
    party_id: int | None
    party_name: str
    email: str
    phone: str
    notes: str
    active: bool
    role_since: dt.date | None
    is_officer: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def role_label(self) -> str:
        return STAFF_ROLES.get(self.role, self.role)


@dataclass(frozen=True)
class RoleHistoryRow:
    role: str
    role_label: str
    title: str
    site_name: str
    start_date: dt.date | None
    end_date: dt.date | None


def _current_roles(session: Session, person_ids: Sequence[int], today: dt.date) -> dict[int, PersonRole]:
    """Each person's current staff role: no end date (or one not passed), the latest started."""
    out: dict[int, PersonRole] = {}
    rows = session.scalars(
        select(PersonRole).where(
            PersonRole.person_id.in_(list(person_ids)),
            PersonRole.role.in_(list(STAFF_ROLES)),
            or_(PersonRole.end_date.is_(None), PersonRole.end_date >= today),
        )
    )
    for r in sorted(rows, key=lambda r: (r.start_date or dt.date.min, r.id)):
        out[r.person_id] = r
    return out


def person_ids(
    session: Session, *, search: str = "", include_inactive: bool = True, role: str | None = None
) -> list[int]:
    """People who hold (or held) a staff role, by last name; officers appear only if they hold one too."""
    stmt = (
        select(Person.id)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(PersonRole.role.in_([role] if role else list(STAFF_ROLES)))
        .distinct()
    )
    if not include_inactive:
        stmt = stmt.where(Person.active.is_(True))
    term = search.strip()
    if term:
        like = f"%{term}%"
        stmt = stmt.where(
            or_(Person.first_name.ilike(like), Person.last_name.ilike(like), Person.title.ilike(like),
                (Person.first_name + " " + Person.last_name).ilike(like))
        )
    ids = list(session.scalars(stmt))
    names = dict(
        session.execute(
            select(Person.id, func.lower(Person.last_name + " " + Person.first_name)).where(Person.id.in_(ids))
        ).all()
    )
    return sorted(ids, key=lambda i: (names.get(i, ""), i))


def person_rows(session: Session, ids: Sequence[int], *, today: dt.date | None = None) -> list[PersonRow]:
    if not ids:
        return []
    today = today or dt.date.today()
    people = {p.id: p for p in session.scalars(select(Person).where(Person.id.in_(list(ids))))}
    roles = _current_roles(session, list(people), today)
    sites = {s.id: s.name for s in session.scalars(select(Site).where(Site.id.in_({r.site_id for r in roles.values()})))}
    parties = {p.id: p.name for p in session.scalars(select(Party))}
    officers = set(session.scalars(select(Officer.person_id).where(Officer.person_id.in_(list(people)))))
    out: list[PersonRow] = []
    for i in ids:
        p = people.get(i)
        if p is None:
            continue
        r = roles.get(i)
        out.append(
            PersonRow(
                id=p.id,
                first_name=p.first_name,
                last_name=p.last_name,
                title=p.title,
                role=r.role if r else "",
                role_id=r.id if r else None,
                site_id=r.site_id if r else None,
                site_name=sites.get(r.site_id, "") if r and r.site_id else "",
                party_id=p.party_id,
                party_name=parties.get(p.party_id, "") if p.party_id else "",
                email=p.email,
                phone=p.phone,
                notes=p.notes,
                active=p.active,
                role_since=r.start_date if r else None,
                is_officer=p.id in officers,
            )
        )
    return out


def list_people(
    session: Session, *, search: str = "", include_inactive: bool = True, role: str | None = None
) -> list[PersonRow]:
    return person_rows(session, person_ids(session, search=search, include_inactive=include_inactive, role=role))


def get_person(session: Session, *, person_id: int) -> PersonRow:
    get_or_raise(session, Person, person_id, "Person")
    return person_rows(session, [person_id])[0]


def role_history(session: Session, *, person_id: int) -> list[RoleHistoryRow]:
    get_or_raise(session, Person, person_id, "Person")
    rows = session.execute(
        select(PersonRole, Site.name)
        .outerjoin(Site, PersonRole.site_id == Site.id)
        .where(PersonRole.person_id == person_id)
        .order_by(PersonRole.start_date, PersonRole.id)
    ).all()
    return [
        RoleHistoryRow(r.role, STAFF_ROLES.get(r.role, r.role), r.title, name or "", r.start_date, r.end_date)
        for r, name in rows
    ]


def staff_choices(session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(active schools, parties) for the person form."""
    sites = [(s.id, s.name) for s in session.scalars(select(Site).where(Site.active.is_(True)).order_by(Site.name))]
    parties = [(p.id, p.name) for p in session.scalars(select(Party).where(Party.active.is_(True)).order_by(Party.name))]
    return sites, parties


def _validate(
    session: Session,
    *,
    first_name: object,
    last_name: object,
    title: object,
    role: object,
    site_id: int | None,
    party_id: int | None,
    email: object,
    phone: object,
    notes: object,
) -> dict[str, object]:
    f = Fields()
    v: dict[str, object] = {
        "first_name": f.text(first_name, "first_name", "First name", max_len=100, required=True),
        "last_name": f.text(last_name, "last_name", "Last name", max_len=100, required=True),
        "title": f.text(title, "title", "Title", max_len=200),
        "role": f.choice(role, "role", "Role", STAFF_ROLES),
        "email": f.email(email),
        "phone": f.text(phone, "phone", "Phone", max_len=60),
        "notes": f.text(notes, "notes", "Notes", max_len=4000, multiline=True),
    }
    if v["role"] in SITE_ROLES and site_id is None:
        f.error("site_id", f"Choose the school this {STAFF_ROLES[str(v['role'])].lower()} works at.")
    if site_id is not None and session.get(Site, site_id) is None:
        f.error("site_id", "The school chosen no longer exists.")
    if party_id is not None and session.get(Party, party_id) is None:
        f.error("party_id", "The district or department chosen no longer exists.")
    f.check()
    if not v["title"]:
        v["title"] = STAFF_ROLES[str(v["role"])]
    return v


def _sync_principal(session: Session, site_id: int | None, person: Person) -> None:
    if site_id is None:
        return
    site = session.get(Site, site_id)
    if site is not None:
        site.principal_id = person.id
        site.principal_name = person.full_name


@requires("manage_people")
def add_person(
    session: Session,
    *,
    first_name: str,
    last_name: str,
    role: str,
    title: str = "",
    site_id: int | None = None,
    party_id: int | None = None,
    email: str = "",
    phone: str = "",
    notes: str = "",
    since: dt.date | None = None,
) -> PersonRow:
    """A staff member or signatory with their role (from ``since``, default today). The title defaults to the
    role's name, e.g. "Superintendent"."""
    v = _validate(session, first_name=first_name, last_name=last_name, title=title, role=role, site_id=site_id,
                  party_id=party_id, email=email, phone=phone, notes=notes)
    site_party = session.get(Site, site_id).party_id if site_id is not None else None  # type: ignore[union-attr]
    person = Person(first_name=v["first_name"], last_name=v["last_name"], title=v["title"], email=v["email"],
                    phone=v["phone"], notes=v["notes"], party_id=party_id or site_party)
    session.add(person)
    session.flush()
    session.add(PersonRole(person_id=person.id, role=v["role"], site_id=site_id if v["role"] in SITE_ROLES else None,
                           title=str(v["title"]), start_date=since or dt.date.today()))
    if v["role"] == "principal":
        _sync_principal(session, site_id, person)
    session.flush()
    return get_person(session, person_id=person.id)


@requires("manage_people")
def update_person(
    session: Session,
    *,
    person_id: int,
    first_name: str,
    last_name: str,
    role: str,
    title: str = "",
    site_id: int | None = None,
    party_id: int | None = None,
    email: str = "",
    phone: str = "",
    notes: str = "",
    today: dt.date | None = None,
) -> PersonRow:
    """Change a person's details; a new role or school ends the current role today and starts the new one."""
    today = today or dt.date.today()
    person = get_or_raise(session, Person, person_id, "Person")
    v = _validate(session, first_name=first_name, last_name=last_name, title=title, role=role, site_id=site_id,
                  party_id=party_id, email=email, phone=phone, notes=notes)
    person.first_name, person.last_name = str(v["first_name"]), str(v["last_name"])
    person.title, person.email, person.phone = str(v["title"]), str(v["email"]), str(v["phone"])
    person.notes = str(v["notes"])
    person.party_id = party_id
    new_site = site_id if v["role"] in SITE_ROLES else None
    current = _current_roles(session, [person_id], today).get(person_id)
    if current is not None and current.role == v["role"] and current.site_id == new_site:
        current.title = str(v["title"])
    else:
        if current is not None:
            current.end_date = today
            if current.role == "principal" and current.site_id is not None:
                site = session.get(Site, current.site_id)
                if site is not None and site.principal_id == person.id:
                    site.principal_id = None
        session.add(PersonRole(person_id=person.id, role=v["role"], site_id=new_site, title=str(v["title"]),
                               start_date=today))
    if v["role"] == "principal":
        _sync_principal(session, new_site, person)
    session.flush()
    return get_person(session, person_id=person_id)


@requires("manage_people")
def deactivate_person(session: Session, *, person_id: int, today: dt.date | None = None) -> PersonRow:
    """Mark someone as no longer on staff: inactive, their current role ended today; records are kept."""
    today = today or dt.date.today()
    person = get_or_raise(session, Person, person_id, "Person")
    if not person.active:
        raise ConflictError(f"{person.full_name} is already inactive.")
    person.active = False
    current = _current_roles(session, [person_id], today).get(person_id)
    if current is not None:
        current.end_date = today
    session.flush()
    return get_person(session, person_id=person_id)


@requires("manage_people")
def reactivate_person(session: Session, *, person_id: int, today: dt.date | None = None) -> PersonRow:
    """Active again; their last role is reopened from today."""
    today = today or dt.date.today()
    person = get_or_raise(session, Person, person_id, "Person")
    person.active = True
    last = session.scalar(
        select(PersonRole)
        .where(PersonRole.person_id == person_id, PersonRole.role.in_(list(STAFF_ROLES)))
        .order_by(PersonRole.id.desc())
    )
    if last is not None and last.end_date is not None:
        if last.end_date >= today:
            last.end_date = None
        else:
            session.add(PersonRole(person_id=person_id, role=last.role, site_id=last.site_id, title=last.title,
                                   start_date=today))
    session.flush()
    return get_person(session, person_id=person_id)
