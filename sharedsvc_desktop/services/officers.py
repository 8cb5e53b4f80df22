"""Officers: the roster, their details, training records and eligibility for school details."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import OFFICER_STATUSES, REQUIRED_SCHOOL_TRAINING
from sharedsvc_desktop.errors import ConflictError
from sharedsvc_desktop.models import Officer, Person, Qualification
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise


@dataclass(frozen=True)
class OfficerRow:
    id: int
    person_id: int
    first_name: str
    last_name: str
    badge_number: str
    rank: str
    status: str
    hire_date: dt.date | None
    probation_end: dt.date | None
    email: str
    phone: str
    is_supervisor: bool
    eligible: bool
    eligibility_note: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def status_label(self) -> str:
        return OFFICER_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class QualificationRow:
    id: int
    kind: str
    label: str
    completed_on: dt.date
    expires_on: dt.date | None


def _eligibility(
    officer: Officer, quals: Sequence[Qualification], labels: dict[str, str], today: dt.date
) -> tuple[bool, str]:
    reasons: list[str] = []
    if officer.status != "active":
        reasons.append(OFFICER_STATUSES.get(officer.status, officer.status).lower())
    if officer.probation_end and officer.probation_end > today:
        reasons.append(f"on probation until {officer.probation_end:%d %b %Y}")
    for code in REQUIRED_SCHOOL_TRAINING:
        current = [q for q in quals if q.kind == code and (q.expires_on is None or q.expires_on >= today)]
        if not current:
            name = labels.get(code, code)
            expired = [q for q in quals if q.kind == code]
            reasons.append(f"{name} expired" if expired else f"no {name}")
    if reasons:
        return False, "Not eligible: " + "; ".join(reasons) + "."
    return True, "Eligible for school details."


def officer_ids(session: Session, *, search: str = "", include_inactive: bool = True) -> list[int]:
    """Ids of the officers matching ``search`` (name or badge), ordered by last name."""
    stmt = select(Officer.id).join(Person, Officer.person_id == Person.id)
    if not include_inactive:
        stmt = stmt.where(Officer.status != "inactive")
    term = search.strip()
    if term:
        like = f"%{term}%"
        stmt = stmt.where(
            or_(
                Person.first_name.ilike(like),
                Person.last_name.ilike(like),
                Officer.badge_number.ilike(like),
                (Person.first_name + " " + Person.last_name).ilike(like),
            )
        )
    stmt = stmt.order_by(func.lower(Person.last_name), func.lower(Person.first_name), Officer.id)
    return list(session.scalars(stmt))


def officer_rows(session: Session, ids: Sequence[int], *, today: dt.date | None = None) -> list[OfficerRow]:
    """Rows for the given ids, in the same order (ids that no longer exist are skipped)."""
    if not ids:
        return []
    today = today or dt.date.today()
    pairs = session.execute(
        select(Officer, Person).join(Person, Officer.person_id == Person.id).where(Officer.id.in_(list(ids)))
    ).all()
    person_ids = [p.id for _, p in pairs]
    quals: dict[int, list[Qualification]] = {}
    for q in session.scalars(select(Qualification).where(Qualification.person_id.in_(person_ids))):
        quals.setdefault(q.person_id, []).append(q)
    labels = category_labels(session, "qualification", active_only=False)
    by_id: dict[int, OfficerRow] = {}
    for officer, person in pairs:
        eligible, note = _eligibility(officer, quals.get(person.id, []), labels, today)
        by_id[officer.id] = OfficerRow(
            id=officer.id,
            person_id=person.id,
            first_name=person.first_name,
            last_name=person.last_name,
            badge_number=officer.badge_number,
            rank=officer.rank,
            status=officer.status,
            hire_date=officer.hire_date,
            probation_end=officer.probation_end,
            email=person.email,
            phone=person.phone,
            is_supervisor=officer.is_supervisor,
            eligible=eligible,
            eligibility_note=note,
        )
    return [by_id[i] for i in ids if i in by_id]


def list_officers(
    session: Session, *, search: str = "", include_inactive: bool = True, today: dt.date | None = None
) -> list[OfficerRow]:
    return officer_rows(session, officer_ids(session, search=search, include_inactive=include_inactive), today=today)


def get_officer(session: Session, *, officer_id: int) -> OfficerRow:
    get_or_raise(session, Officer, officer_id, "Officer")
    return officer_rows(session, [officer_id])[0]


def find_officer(session: Session, *, key: str) -> OfficerRow:
    """An officer by id or badge number (for the command line)."""
    key = key.strip()
    officer = session.scalar(select(Officer).where(Officer.badge_number == key))
    if officer is None and key.isdigit():
        officer = session.get(Officer, int(key))
    if officer is None:
        from sharedsvc_desktop.errors import NotFoundError

        raise NotFoundError(f"No officer has the badge number or id “{key}”.")
    return get_officer(session, officer_id=officer.id)


def _validate(
    session: Session,
    *,
    officer_id: int | None,
    first_name: object,
    last_name: object,
    badge_number: object,
    rank: object,
    status: object,
    hire_date: object,
    probation_end: object,
    email: object,
    phone: object,
) -> dict[str, object]:
    f = Fields()
    values: dict[str, object] = {
        "first_name": f.text(first_name, "first_name", "First name", max_len=100, required=True),
        "last_name": f.text(last_name, "last_name", "Last name", max_len=100, required=True),
        "badge_number": f.text(badge_number, "badge_number", "Badge number", max_len=30, required=True),
        "rank": f.text(rank, "rank", "Rank", max_len=60) or "Officer",
        "status": f.choice(status, "status", "Status", OFFICER_STATUSES),
        "hire_date": f.date(hire_date, "hire_date", "Hire date"),
        "probation_end": f.date(probation_end, "probation_end", "End of probation"),
        "email": f.email(email),
        "phone": f.text(phone, "phone", "Phone", max_len=60),
    }
    hire, prob = values["hire_date"], values["probation_end"]
    if isinstance(hire, dt.date) and hire > dt.date.today() + dt.timedelta(days=366):
        f.error("hire_date", "Hire date is more than a year in the future.")
    if isinstance(hire, dt.date) and isinstance(prob, dt.date) and prob < hire:
        f.error("probation_end", "End of probation is before the hire date.")
    if values["badge_number"] and "badge_number" not in f.errors:
        clash = session.scalar(select(Officer).where(Officer.badge_number == values["badge_number"]))
        if clash is not None and clash.id != officer_id:
            name = clash.person.full_name
            f.error("badge_number", f"Badge number {values['badge_number']} already belongs to {name}.")
    f.check()
    return values


def add_officer(
    session: Session,
    *,
    first_name: str,
    last_name: str,
    badge_number: str,
    rank: str = "Officer",
    status: str = "active",
    hire_date: dt.date | str | None = None,
    probation_end: dt.date | str | None = None,
    email: str = "",
    phone: str = "",
    is_supervisor: bool = False,
    party_id: int | None = None,
) -> OfficerRow:
    v = _validate(
        session,
        officer_id=None,
        first_name=first_name,
        last_name=last_name,
        badge_number=badge_number,
        rank=rank,
        status=status,
        hire_date=hire_date,
        probation_end=probation_end,
        email=email,
        phone=phone,
    )
    person = Person(
        first_name=v["first_name"],
        last_name=v["last_name"],
        email=v["email"],
        phone=v["phone"],
        party_id=party_id,
        title=str(v["rank"]),
        active=v["status"] != "inactive",
    )
    officer = Officer(
        person=person,
        badge_number=v["badge_number"],
        rank=v["rank"],
        status=v["status"],
        hire_date=v["hire_date"],
        probation_end=v["probation_end"],
        is_supervisor=bool(is_supervisor),
    )
    session.add(officer)
    session.flush()
    return get_officer(session, officer_id=officer.id)


def update_officer(
    session: Session,
    *,
    officer_id: int,
    first_name: str,
    last_name: str,
    badge_number: str,
    rank: str = "Officer",
    status: str = "active",
    hire_date: dt.date | str | None = None,
    probation_end: dt.date | str | None = None,
    email: str = "",
    phone: str = "",
    is_supervisor: bool = False,
) -> OfficerRow:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    v = _validate(
        session,
        officer_id=officer_id,
        first_name=first_name,
        last_name=last_name,
        badge_number=badge_number,
        rank=rank,
        status=status,
        hire_date=hire_date,
        probation_end=probation_end,
        email=email,
        phone=phone,
    )
    person = officer.person
    person.first_name, person.last_name = str(v["first_name"]), str(v["last_name"])
    person.email, person.phone = str(v["email"]), str(v["phone"])
    person.active = v["status"] != "inactive"
    officer.badge_number, officer.rank, officer.status = str(v["badge_number"]), str(v["rank"]), str(v["status"])
    officer.hire_date = v["hire_date"]  # type: ignore[assignment]
    officer.probation_end = v["probation_end"]  # type: ignore[assignment]
    officer.is_supervisor = bool(is_supervisor)
    session.flush()
    return get_officer(session, officer_id=officer_id)


def deactivate_officer(session: Session, *, officer_id: int) -> OfficerRow:
    """Mark an officer inactive (records are kept: hours, assignments and history stay)."""
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    if officer.status == "inactive":
        raise ConflictError(f"{officer.person.full_name} is already inactive.")
    officer.status = "inactive"
    officer.person.active = False
    session.flush()
    return get_officer(session, officer_id=officer_id)


def reactivate_officer(session: Session, *, officer_id: int) -> OfficerRow:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    officer.status = "active"
    officer.person.active = True
    session.flush()
    return get_officer(session, officer_id=officer_id)


def add_qualification(
    session: Session,
    *,
    officer_id: int,
    kind: str,
    completed_on: dt.date | str,
    expires_on: dt.date | str | None = None,
    notes: str = "",
) -> QualificationRow:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    labels = category_labels(session, "qualification")
    f = Fields()
    code = f.choice(kind, "kind", "Training", labels)
    done = f.date(completed_on, "completed_on", "Completion date", required=True)
    expires = f.date(expires_on, "expires_on", "Expiry date")
    if done and expires and expires < done:
        f.error("expires_on", "The expiry date is before the completion date.")
    text = f.text(notes, "notes", "Notes", max_len=2000, multiline=True)
    f.check()
    assert done is not None
    q = Qualification(person_id=officer.person_id, kind=code, completed_on=done, expires_on=expires, notes=text)
    session.add(q)
    session.flush()
    return QualificationRow(q.id, q.kind, labels[q.kind], q.completed_on, q.expires_on)


def officer_qualifications(session: Session, *, officer_id: int) -> list[QualificationRow]:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    labels = category_labels(session, "qualification", active_only=False)
    rows = session.scalars(
        select(Qualification)
        .where(Qualification.person_id == officer.person_id)
        .order_by(Qualification.kind, Qualification.completed_on.desc())
    )
    return [QualificationRow(q.id, q.kind, labels.get(q.kind, q.kind), q.completed_on, q.expires_on) for q in rows]
