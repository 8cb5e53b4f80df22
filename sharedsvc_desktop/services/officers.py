"""Officers: the roster, their details, training records and eligibility for school details."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import OFFICER_STATUSES, REQUIRED_SCHOOL_TRAINING
from sharedsvc_desktop.errors import ConflictError
from sharedsvc_desktop.models import Category, Officer, Person, Qualification
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise, same_name
from sharedsvc_desktop.services.permissions import requires


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
    #: the required school training, one line per course, e.g. "SRO basic course: current (no expiry)"
    training: str = ""

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
    notes: str = ""

    def current_on(self, day: dt.date) -> bool:
        return self.expires_on is None or self.expires_on >= day


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


def _training_text(quals: Sequence[Qualification], labels: dict[str, str], today: dt.date) -> str:
    """One line per required course: its state on ``today`` and the date that matters."""
    lines: list[str] = []
    for code in REQUIRED_SCHOOL_TRAINING:
        name = _SHORT_TRAINING.get(code) or labels.get(code, code)
        mine = [q for q in quals if q.kind == code]
        current = [q for q in mine if q.expires_on is None or q.expires_on >= today]
        if current:
            if any(q.expires_on is None for q in current):
                lines.append(f"{name}: current")
            else:
                until = max(q.expires_on for q in current if q.expires_on is not None)
                lines.append(f"{name}: until {until:%d %b %Y}")
        elif mine:
            last = max(q.expires_on for q in mine if q.expires_on is not None)
            lines.append(f"{name}: EXPIRED {last:%d %b %Y}")
        else:
            lines.append(f"{name}: none")
    return "\n".join(lines)


#: Short names of the required courses for tables (the full label is in the "qualification" list).
_SHORT_TRAINING = {"sro_basic": "SRO basic", "sel_restorative": "SEL"}


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
        mine = quals.get(person.id, [])
        eligible, note = _eligibility(officer, mine, labels, today)
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
            training=_training_text(mine, labels, today),
        )
    return [by_id[i] for i in ids if i in by_id]


def list_officers(
    session: Session, *, search: str = "", include_inactive: bool = True, today: dt.date | None = None
) -> list[OfficerRow]:
    return officer_rows(session, officer_ids(session, search=search, include_inactive=include_inactive), today=today)


def get_officer(session: Session, *, officer_id: int, today: dt.date | None = None) -> OfficerRow:
    get_or_raise(session, Officer, officer_id, "Officer")
    return officer_rows(session, [officer_id], today=today)[0]


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


@requires("manage_people")
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


@requires("manage_people")
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


@requires("manage_people")
def deactivate_officer(session: Session, *, officer_id: int) -> OfficerRow:
    """Mark an officer inactive (records are kept: hours, assignments and history stay)."""
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    if officer.status == "inactive":
        raise ConflictError(f"{officer.person.full_name} is already inactive.")
    officer.status = "inactive"
    officer.person.active = False
    session.flush()
    return get_officer(session, officer_id=officer_id)


@requires("manage_people")
def reactivate_officer(session: Session, *, officer_id: int) -> OfficerRow:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    officer.status = "active"
    officer.person.active = True
    session.flush()
    return get_officer(session, officer_id=officer_id)


@requires("manage_people")
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
    return QualificationRow(q.id, q.kind, labels[q.kind], q.completed_on, q.expires_on, q.notes)


def officer_qualifications(session: Session, *, officer_id: int) -> list[QualificationRow]:
    officer = get_or_raise(session, Officer, officer_id, "Officer")
    labels = category_labels(session, "qualification", active_only=False)
    rows = session.scalars(
        select(Qualification)
        .where(Qualification.person_id == officer.person_id)
        .order_by(Qualification.kind, Qualification.completed_on.desc())
    )
    return [
        QualificationRow(q.id, q.kind, labels.get(q.kind, q.kind), q.completed_on, q.expires_on, q.notes)
        for q in rows
    ]


# ------------------------------------------------------------------------------------------ training records


@dataclass(frozen=True)
class QualificationKind:
    code: str
    label: str
    required: bool  # required, current, for school details
    active: bool


@dataclass(frozen=True)
class RequiredTraining:
    code: str
    label: str
    current: bool
    text: str  # "Current until 01 Mar 2027", "Expired on 01 Sep 2026", "Never completed"


@dataclass(frozen=True)
class OfficerTraining:
    """An officer's training records and what they mean for school details, as of ``as_of``."""

    officer: OfficerRow
    records: list[QualificationRow]
    required: list[RequiredTraining]
    as_of: dt.date


def qualification_kinds(session: Session, *, include_inactive: bool = False) -> list[QualificationKind]:
    """The kinds of training the user can record (the "qualification" list), required ones first."""
    stmt = select(Category).where(Category.domain == "qualification")
    if not include_inactive:
        stmt = stmt.where(Category.active.is_(True))
    rows = list(session.scalars(stmt.order_by(Category.sort_order, Category.label)))
    kinds = [QualificationKind(c.code, c.label, c.code in REQUIRED_SCHOOL_TRAINING, c.active) for c in rows]
    return sorted(kinds, key=lambda k: not k.required)


@requires("manage_people")
def add_qualification_kind(session: Session, *, label: str) -> QualificationKind:
    """A new kind of training or certification (e.g. "Crisis intervention team"), added to the list."""
    f = Fields()
    text = f.text(label, "label", "Name of the training", max_len=200, required=True)
    if text and same_name(session, Category.label, Category.id, text) is not None:
        existing = session.scalar(
            select(Category).where(Category.domain == "qualification", func.lower(Category.label) == text.lower())
        )
        if existing is not None:
            f.error("label", f"“{existing.label}” is already in the list.")
    f.check()
    base = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:50] or "training"
    code, n = base, 1
    while session.scalar(select(Category.id).where(Category.domain == "qualification", Category.code == code)):
        n += 1
        code = f"{base}_{n}"
    order = session.scalar(select(func.max(Category.sort_order)).where(Category.domain == "qualification")) or 0
    session.add(Category(domain="qualification", code=code, label=text, sort_order=order + 1, active=True))
    session.flush()
    return QualificationKind(code, text, False, True)


def _validate_qualification(
    session: Session, *, kind: object, completed_on: object, expires_on: object, notes: object, current_kind: str = ""
) -> tuple[str, dt.date, dt.date | None, str, str]:
    labels = category_labels(session, "qualification")
    if current_kind and current_kind not in labels:  # a kind since retired stays valid on its own record
        labels = {**labels, current_kind: category_labels(session, "qualification", active_only=False)[current_kind]}
    f = Fields()
    code = f.choice(kind, "kind", "Training", labels)
    done = f.date(completed_on, "completed_on", "Completion date", required=True)
    expires = f.date(expires_on, "expires_on", "Expiry date")
    if done and expires and expires < done:
        f.error("expires_on", "The expiry date is before the completion date.")
    if done and done > dt.date.today() + dt.timedelta(days=1):
        f.error("completed_on", "The completion date is in the future.")
    text = f.text(notes, "notes", "Notes", max_len=2000, multiline=True)
    f.check()
    assert done is not None
    return code, done, expires, text, labels[code]


@requires("manage_people")
def update_qualification(
    session: Session,
    *,
    qualification_id: int,
    kind: str,
    completed_on: dt.date | str,
    expires_on: dt.date | str | None = None,
    notes: str = "",
) -> QualificationRow:
    """Correct a training record (kind, dates, notes)."""
    q = get_or_raise(session, Qualification, qualification_id, "Training record")
    code, done, expires, text, label = _validate_qualification(
        session, kind=kind, completed_on=completed_on, expires_on=expires_on, notes=notes, current_kind=q.kind
    )
    q.kind, q.completed_on, q.expires_on, q.notes = code, done, expires, text
    session.flush()
    return QualificationRow(q.id, q.kind, label, q.completed_on, q.expires_on, q.notes)


@requires("manage_people")
def expire_qualification(
    session: Session, *, qualification_id: int, expired_on: dt.date | str | None = None, reason: str = ""
) -> QualificationRow:
    """End a training record early (revoked, failed requalification): it expires on ``expired_on`` (default
    today). The record is kept; the reason is added to its notes."""
    q = get_or_raise(session, Qualification, qualification_id, "Training record")
    f = Fields()
    day = f.date(expired_on, "expired_on", "Expiry date") or dt.date.today()
    why = f.text(reason, "reason", "Reason", max_len=500)
    if day < q.completed_on:
        f.error("expired_on", "The expiry date is before the completion date.")
    f.check()
    if q.expires_on is not None and q.expires_on <= day:
        raise ConflictError(f"This training record already expired on {q.expires_on:%d %b %Y}.")
    q.expires_on = day
    if why:
        q.notes = (q.notes + "\n" if q.notes else "") + f"Expired early on {day:%d %b %Y}: {why}"
    session.flush()
    labels = category_labels(session, "qualification", active_only=False)
    return QualificationRow(q.id, q.kind, labels.get(q.kind, q.kind), q.completed_on, q.expires_on, q.notes)


def officer_training(session: Session, *, officer_id: int, today: dt.date | None = None) -> OfficerTraining:
    """The officer, every training record (newest first within each kind) and the required courses' state."""
    today = today or dt.date.today()
    officer = get_officer(session, officer_id=officer_id, today=today)
    records = officer_qualifications(session, officer_id=officer_id)
    labels = category_labels(session, "qualification", active_only=False)
    required: list[RequiredTraining] = []
    for code in REQUIRED_SCHOOL_TRAINING:
        mine = [r for r in records if r.kind == code]
        current = [r for r in mine if r.current_on(today)]
        if current:
            if any(r.expires_on is None for r in current):
                text = "Current (does not expire)"
            else:
                until = max(r.expires_on for r in current if r.expires_on is not None)
                text = f"Current until {until:%d %b %Y}"
        elif mine:
            last = max(r.expires_on for r in mine if r.expires_on is not None)
            text = f"Expired on {last:%d %b %Y}"
        else:
            text = "Never completed"
        required.append(RequiredTraining(code, labels.get(code, code), bool(current), text))
    return OfficerTraining(officer=officer, records=records, required=required, as_of=today)
