"""Agreements between parties, each with its versions: the register, drafting from a template, editing a draft,
and the lifecycle Draft → Out for signature → Executed → Amended (a new version) / Terminated / Expired.

An executed version is never edited: a change is an amendment, a new version whose ``change_summary`` says, clause
by clause, what differs from the version before it. Each version has a stable document number ("AGR-2022-014 v2")
and the SHA-256 fingerprint of its printed text (``agreement_text``), fixed when it goes out for signature.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, NotFoundError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementParty,
    AgreementSection,
    AgreementService,
    AgreementSite,
    AgreementVersion,
    Attachment,
    Party,
    Person,
    PersonRole,
    Signatory,
    Site,
)
from sharedsvc_desktop.services.clauses import fill_fields, join_names, load_template
from sharedsvc_desktop.services.common import Fields, category_labels, get_or_raise
from sharedsvc_desktop.services.permissions import requires

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
SERVICE_TYPES_FALLBACK = {
    "event_coverage": "Police event coverage",
    "building_patrol": "School building patrol",
    "sro_duty": "School resource officer duty",
    "it_service": "IT service (in kind)",
    "other": "Other service",
}
CHIEF_TITLE = "Chief of Police"
SUPERINTENDENT_TITLE = "Superintendent of Schools"
DUE_DAYS = 60
MAX_SECTIONS = 200
MAX_SECTION_CHARS = 100_000

_NUMBER_WORDS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
]
_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_NUMBERED_HEADING = re.compile(r"^\s*[IVXLC]+\.\s+")


# --------------------------------------------------------------------------------------------- the register


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


# ------------------------------------------------------------------------------------------ version detail


@dataclass(frozen=True)
class PartyInfo:
    id: int
    name: str
    short_name: str
    kind: str
    address: str


@dataclass(frozen=True)
class SectionData:
    position: int
    heading: str
    body: str
    clause_code: str = ""


@dataclass(frozen=True)
class SiteData:
    id: int
    name: str


@dataclass(frozen=True)
class ServiceData:
    provider_party_id: int
    provider_name: str
    service_type: str
    service_label: str
    hourly_rate_cents: int
    min_callout_minutes: int = 0
    short_notice_days: int = 0
    short_notice_surcharge_pct: int = 0
    overtime_multiplier_pct: int = 150
    late_cancel_hours: int = 0
    late_cancel_charge_minutes: int = 0
    in_kind: bool = False

    @property
    def rules_text(self) -> str:
        parts = []
        if self.min_callout_minutes:
            parts.append(f"minimum call-out {self.min_callout_minutes / 60:g} h")
        if self.short_notice_days and self.short_notice_surcharge_pct:
            parts.append(f"+{self.short_notice_surcharge_pct}% if asked less than {self.short_notice_days} days ahead")
        if self.overtime_multiplier_pct and self.overtime_multiplier_pct != 100:
            parts.append(f"overtime ×{self.overtime_multiplier_pct / 100:g}")
        if self.late_cancel_hours and self.late_cancel_charge_minutes:
            parts.append(
                f"cancelled less than {self.late_cancel_hours} h ahead: {self.late_cancel_charge_minutes / 60:g} h charged"
            )
        if self.in_kind:
            parts.append("given in kind")
        return "; ".join(parts)


@dataclass(frozen=True)
class SignatoryData:
    id: int
    position: int
    party_id: int | None
    person_id: int | None
    name: str
    title: str
    organization: str
    signed_on: dt.date | None
    signature_attachment_id: int | None
    scanned_copy_attachment_id: int | None

    @property
    def signed(self) -> bool:
        return self.signed_on is not None


@dataclass(frozen=True)
class VersionSummary:
    id: int
    version_no: int
    status: str
    status_label: str
    effective_date: dt.date | None
    executed_on: dt.date | None


@dataclass(frozen=True)
class VersionDetail:
    agreement_id: int
    number: str
    title: str
    kind: str
    kind_label: str
    active: bool
    parties: tuple[PartyInfo, ...]
    version_id: int
    version_no: int
    status: str
    status_label: str
    template_code: str
    effective_date: dt.date | None
    end_date: dt.date | None
    term_months: int
    auto_renew: bool
    notice_days: int
    overtime_rules: str
    witness_lines: bool
    change_summary: str
    fingerprint: str
    executed_on: dt.date | None
    termination_notice_on: dt.date | None
    termination_by_party_id: int | None
    termination_by_name: str
    termination_effective_on: dt.date | None
    sections: tuple[SectionData, ...]
    sites: tuple[SiteData, ...]
    services: tuple[ServiceData, ...]
    signatories: tuple[SignatoryData, ...]
    versions: tuple[VersionSummary, ...]

    @property
    def document_number(self) -> str:
        return document_number(self.number, self.version_no)

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    @property
    def parties_text(self) -> str:
        return join_names([p.name for p in self.parties])


def document_number(number: str, version_no: int) -> str:
    return f"{number} v{version_no}"


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def numbered_heading(position: int, heading: str) -> str:
    """ "III. Supervision": headings get Roman numerals by position unless they carry one already."""
    if _NUMBERED_HEADING.match(heading):
        return heading.strip()
    return f"{roman(position)}. {heading.strip()}"


_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    if n < 20:
        return _NUMBER_WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _NUMBER_WORDS[n % 10] if n % 10 else "")
    rest = n % 100
    return f"{_NUMBER_WORDS[n // 100]} hundred" + (f" {_words(rest)}" if rest else "")


def number_words(n: int) -> str:
    """ "seven (7)", "thirty (30)", "ninety-one (91)": how agreements write numbers of days."""
    return f"{_words(n)} ({n})" if 0 <= n < 1000 else str(n)


def long_date(day: dt.date | None) -> str:
    return f"{calendar.month_name[day.month]} {day.day}, {day.year}" if day else "________________"


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(effective: dt.date | None, term_months: int) -> dt.date | None:
    if effective is None or term_months <= 0:
        return None
    return add_months(effective, term_months) - dt.timedelta(days=1)


def _service_labels(session: Session) -> dict[str, str]:
    labels = dict(SERVICE_TYPES_FALLBACK)
    labels.update(category_labels(session, "service_type", active_only=False))
    return labels


def _version(session: Session, agreement_id: int, version_no: int | None) -> AgreementVersion:
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    if not agreement.versions:
        raise NotFoundError(f"Agreement {agreement.number} has no version yet.")
    if version_no is None:
        return agreement.versions[-1]
    for v in agreement.versions:
        if v.version_no == version_no:
            return v
    raise NotFoundError(f"Agreement {agreement.number} has no version {version_no}.")


def _detail(session: Session, version: AgreementVersion) -> VersionDetail:
    agreement = version.agreement
    links = sorted(agreement.parties, key=lambda p: p.position)
    parties = tuple(
        PartyInfo(p.party.id, p.party.name, p.party.short_name, p.party.kind, p.party.address) for p in links
    )
    names = {p.id: p.name for p in parties}
    site_rows = session.execute(
        select(Site.id, Site.name)
        .join(AgreementSite, AgreementSite.site_id == Site.id)
        .where(AgreementSite.version_id == version.id)
        .order_by(Site.id)
    ).all()
    labels = _service_labels(session)
    missing = {s.provider_party_id for s in version.services} - set(names)
    if missing:
        names.update(dict(session.execute(select(Party.id, Party.name).where(Party.id.in_(missing))).all()))
    services = tuple(
        ServiceData(
            provider_party_id=s.provider_party_id,
            provider_name=names.get(s.provider_party_id, ""),
            service_type=s.service_type,
            service_label=labels.get(s.service_type, s.service_type),
            hourly_rate_cents=s.hourly_rate_cents,
            min_callout_minutes=s.min_callout_minutes,
            short_notice_days=s.short_notice_days,
            short_notice_surcharge_pct=s.short_notice_surcharge_pct,
            overtime_multiplier_pct=s.overtime_multiplier_pct,
            late_cancel_hours=s.late_cancel_hours,
            late_cancel_charge_minutes=s.late_cancel_charge_minutes,
            in_kind=s.in_kind,
        )
        for s in sorted(version.services, key=lambda s: s.id)
    )
    by_name = ""
    if version.termination_by_party_id:
        party = session.get(Party, version.termination_by_party_id)
        by_name = party.name if party else ""
    return VersionDetail(
        agreement_id=agreement.id,
        number=agreement.number,
        title=agreement.title,
        kind=agreement.kind,
        kind_label=KINDS.get(agreement.kind, agreement.kind),
        active=agreement.active,
        parties=parties,
        version_id=version.id,
        version_no=version.version_no,
        status=version.status,
        status_label=VERSION_STATUSES.get(version.status, version.status),
        template_code=version.template_code,
        effective_date=version.effective_date,
        end_date=version.end_date,
        term_months=version.term_months,
        auto_renew=version.auto_renew,
        notice_days=version.notice_days,
        overtime_rules=version.overtime_rules,
        witness_lines=version.witness_lines,
        change_summary=version.change_summary,
        fingerprint=version.fingerprint_sha256,
        executed_on=version.executed_on,
        termination_notice_on=version.termination_notice_on,
        termination_by_party_id=version.termination_by_party_id,
        termination_by_name=by_name,
        termination_effective_on=version.termination_effective_on,
        sections=tuple(SectionData(s.position, s.heading, s.body, s.clause_code) for s in version.sections),
        sites=tuple(SiteData(i, n) for i, n in site_rows),
        services=services,
        signatories=tuple(
            SignatoryData(
                id=s.id,
                position=s.position,
                party_id=s.party_id,
                person_id=s.person_id,
                name=s.name,
                title=s.title,
                organization=s.organization,
                signed_on=s.signed_on,
                signature_attachment_id=s.signature_attachment_id,
                scanned_copy_attachment_id=s.scanned_copy_attachment_id,
            )
            for s in version.signatories
        ),
        versions=tuple(
            VersionSummary(
                v.id, v.version_no, v.status, VERSION_STATUSES.get(v.status, v.status), v.effective_date,
                v.executed_on,
            )
            for v in agreement.versions
        ),
    )


def get_version(session: Session, *, agreement_id: int, version_no: int | None = None) -> VersionDetail:
    """One version of an agreement (the newest when ``version_no`` is None), with everything in it."""
    return _detail(session, _version(session, agreement_id, version_no))


def get_version_by_id(session: Session, *, version_id: int) -> VersionDetail:
    return _detail(session, get_or_raise(session, AgreementVersion, version_id, "Agreement version"))


def find_agreement(session: Session, *, key: str) -> int:
    """An agreement id from its number ("AGR-2022-014") or its id."""
    key = str(key).strip()
    found = session.scalar(select(Agreement.id).where(func.upper(Agreement.number) == key.upper()))
    if found is not None:
        return found
    if key.isdigit() and session.get(Agreement, int(key)) is not None:
        return int(key)
    raise NotFoundError(f"There is no agreement “{key}” (give its number, e.g. AGR-2022-014, or its id).")


# --------------------------------------------------------------------------------------- the printed text


def agreement_text(detail: VersionDetail) -> str:
    """The text the printed agreement carries, in a canonical form: its SHA-256 is the version's fingerprint.

    Signatures, dates of signing and page layout are not part of it: the terms are."""
    lines = [detail.title, detail.document_number, f"Parties: {'; '.join(p.name for p in detail.parties)}"]
    lines.append(preamble(detail))
    lines.append(
        f"Effective: {detail.effective_date.isoformat() if detail.effective_date else '-'}; "
        f"term {detail.term_months} months; {'renews annually' if detail.auto_renew else 'no renewal'}; "
        f"notice {detail.notice_days} days"
    )
    for s in detail.sections:
        lines.append(numbered_heading(s.position, s.heading))
        lines.append(_normalize_body(s.body))
    lines.append("Schools and sites: " + "; ".join(site.name for site in detail.sites))
    for svc in detail.services:
        lines.append(
            f"Service: {svc.provider_name} | {svc.service_label} | {svc.hourly_rate_cents} cents/h | {svc.rules_text}"
        )
    if detail.overtime_rules.strip():
        lines.append("Overtime: " + _normalize_body(detail.overtime_rules))
    for sig in detail.signatories:
        lines.append(f"Signatory: {sig.name} | {sig.title} | {sig.organization}")
    return "\n".join(lines) + "\n"


def _normalize_body(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def fingerprint(detail: VersionDetail) -> str:
    return hashlib.sha256(agreement_text(detail).encode("utf-8")).hexdigest()


def preamble(detail: VersionDetail) -> str:
    when = f"on {long_date(detail.effective_date)}" if detail.effective_date else "on the date last signed below"
    return (
        f"This Agreement is made and entered into {when} by and between "
        f"{join_names([with_article(p.name) for p in detail.parties])} (together, “the parties”)."
    )


# ------------------------------------------------------------------------------------------ choices


@dataclass(frozen=True)
class PartyChoice:
    id: int
    name: str
    kind: str


@dataclass(frozen=True)
class SiteChoice:
    id: int
    name: str
    party_id: int | None
    in_district: bool
    active: bool


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    title: str
    party_id: int | None


@dataclass(frozen=True)
class EditorChoices:
    parties: tuple[PartyChoice, ...]
    sites: tuple[SiteChoice, ...]
    people: tuple[PersonChoice, ...]
    service_types: tuple[tuple[str, str], ...]
    templates: tuple[tuple[str, str], ...]


def editor_choices(session: Session) -> EditorChoices:
    """What the agreement editor offers: parties, schools, people who can sign, service types, templates."""
    from sharedsvc_desktop.services.clauses import list_templates

    parties = tuple(
        PartyChoice(p.id, p.name, p.kind)
        for p in session.scalars(select(Party).where(Party.active.is_(True)).order_by(Party.name))
    )
    sites = tuple(
        SiteChoice(s.id, s.name, s.party_id, s.in_district, s.active)
        for s in session.scalars(select(Site).order_by(Site.name))
    )
    officer_person_ids = set(session.scalars(select(Person.id).join(Person.officer)))
    people = tuple(
        PersonChoice(p.id, p.full_name, p.title, p.party_id)
        for p in session.scalars(select(Person).where(Person.active.is_(True)).order_by(Person.last_name))
        if p.id not in officer_person_ids
    )
    return EditorChoices(
        parties=parties,
        sites=sites,
        people=people,
        service_types=tuple(_service_labels(session).items()),
        templates=tuple((t.code, t.title) for t in list_templates()),
    )


# ------------------------------------------------------------------------------------------ drafting


def _next_number(session: Session, year: int) -> str:
    prefix = f"AGR-{year}-"
    taken = session.scalars(select(Agreement.number).where(Agreement.number.like(f"{prefix}%"))).all()
    highest = max((int(n[len(prefix):]) for n in taken if n[len(prefix):].isdigit()), default=0)
    return f"{prefix}{highest + 1:03d}"


def _signer_for(session: Session, party: Party) -> Person | None:
    """The person who signs for a party: its chief or superintendent (by role), else someone titled so."""
    roles = ("chief", "superintendent")
    person = session.scalar(
        select(Person)
        .join(PersonRole, PersonRole.person_id == Person.id)
        .where(Person.party_id == party.id, Person.active.is_(True), PersonRole.role.in_(roles),
               PersonRole.end_date.is_(None))
        .order_by(PersonRole.id)
    )
    if person is not None:
        return person
    for p in session.scalars(select(Person).where(Person.party_id == party.id, Person.active.is_(True))):
        if re.search(r"chief|superintendent|director|mayor", p.title, re.IGNORECASE):
            return p
    return None


@requires("edit_agreements")
def draft_from_template(
    session: Session,
    *,
    template_code: str,
    party_ids: Sequence[int],
    title: str = "",
    effective_date: dt.date | str | None = None,
    site_ids: Sequence[int] | None = None,
    signatory_person_ids: Sequence[int] | None = None,
    notice_days: int | None = None,
    number: str = "",
) -> VersionDetail:
    """A new agreement, version 1 in Draft, from a template with its named fields filled in.

    ``party_ids`` in order (usually the police department first); the schools default to the active district
    schools of the school-district party, the signatories to each party's chief or superintendent."""
    template = load_template(template_code)
    f = Fields()
    effective = f.date(effective_date, "effective_date", "Effective date")
    clean_title = f.text(title or template.title, "title", "Title", max_len=300, required=True)
    wanted_number = f.text(number, "number", "Agreement number", max_len=40)
    parties: list[Party] = []
    for pid in party_ids:
        party = session.get(Party, pid)
        if party is None:
            f.error("party_ids", f"Party {pid} does not exist.")
        elif party in parties:
            f.error("party_ids", f"{party.name} is named twice.")
        else:
            parties.append(party)
    if len(party_ids) < 2:
        f.error("party_ids", "An agreement needs at least two parties.")
    days = template.notice_days if notice_days is None else notice_days
    if not isinstance(days, int) or days < 0 or days > 3650:
        f.error("notice_days", "Notice days must be a whole number from 0 to 3650.")
    f.check()
    if wanted_number and session.scalar(select(Agreement.id).where(Agreement.number == wanted_number)):
        raise ConflictError(f"An agreement numbered {wanted_number} already exists.")
    police = next((p for p in parties if p.kind == "police_department"), parties[0])
    school = next((p for p in parties if p.kind == "school_district"), parties[1] if parties[1] is not police
                  else parties[0])
    if site_ids is None:
        sites = list(
            session.scalars(
                select(Site).where(Site.party_id == school.id, Site.active.is_(True), Site.in_district.is_(True))
                .order_by(Site.id)
            )
        )
    else:
        sites = [get_or_raise(session, Site, sid, "School or site") for sid in site_ids]
    year = (effective or dt.date.today()).year
    agreement = Agreement(
        number=wanted_number or _next_number(session, year), kind=template.kind, title=clean_title
    )
    session.add(agreement)
    session.flush()
    for pos, party in enumerate(parties):
        session.add(AgreementParty(agreement_id=agreement.id, party_id=party.id, position=pos))
    version = AgreementVersion(
        agreement_id=agreement.id,
        version_no=1,
        status="draft",
        template_code=template.code,
        effective_date=effective,
        end_date=term_end(effective, template.term_months),
        term_months=template.term_months,
        auto_renew=template.auto_renew,
        notice_days=days,
        witness_lines=template.witness_lines,
    )
    session.add(version)
    session.flush()
    # signatories
    signers: list[tuple[Person | None, Party]] = []
    if signatory_person_ids is None:
        signers = [(_signer_for(session, party), party) for party in parties]
    else:
        for pid in signatory_person_ids:
            person = get_or_raise(session, Person, pid, "Person")
            party = session.get(Party, person.party_id) if person.party_id else None
            signers.append((person, party or parties[0]))
    for pos, (person, party) in enumerate(signers):
        if person is None:
            continue
        session.add(
            Signatory(
                version_id=version.id, position=pos, party_id=party.id, person_id=person.id,
                name=person.full_name, title=person.title, organization=party.name,
            )
        )
    # named fields
    chief = next((p for p, party in signers if p is not None and party.id == police.id), None)
    supt = next((p for p, party in signers if p is not None and party.id == school.id), None)
    values = {
        "police_department": with_article(police.name),
        "police_short": police.short_name or police.name,
        "school_district": with_article(school.name),
        "district_short": school.short_name or school.name,
        "school_count": str(len(sites)),
        "notice_days": str(days),
        "notice_days_words": number_words(days),
        "effective_date": long_date(effective) if effective else "the date it is last signed",
        "term_months": str(template.term_months),
        "chief_title": CHIEF_TITLE,
        "superintendent_title": SUPERINTENDENT_TITLE,
        "police_chief": chief.full_name if chief else "",
        "superintendent": supt.full_name if supt else "",
    }
    lists = {"schools": [s.name for s in sites]}
    for pos, section in enumerate(template.sections, start=1):
        session.add(
            AgreementSection(
                version_id=version.id,
                position=pos,
                clause_code=section.code,
                heading=fill_fields(section.heading, values, lists),
                body=fill_fields(section.body, values, lists),
            )
        )
    for site in sites:
        session.add(AgreementSite(version_id=version.id, site_id=site.id))
    for svc in template.services:
        provider = police if svc.provider == "police" else school
        session.add(
            AgreementService(
                version_id=version.id,
                provider_party_id=provider.id,
                service_type=svc.service_type,
                hourly_rate_cents=svc.hourly_rate_cents,
                min_callout_minutes=svc.min_callout_minutes,
                in_kind=svc.in_kind,
            )
        )
    session.flush()
    session.expire(version)
    session.expire(agreement)
    return _detail(session, version)


def with_article(name: str) -> str:
    """ "West Hartford Police Department" reads "the West Hartford Police Department" inside a sentence."""
    return name if re.match(r"(?i)the\b|city of|town of|village of", name) else f"the {name}"


# ------------------------------------------------------------------------------------------ editing


def _require_editable(version: AgreementVersion) -> None:
    number = document_number(version.agreement.number, version.version_no)
    if version.status == "draft":
        return
    if version.status == "out_for_signature":
        raise ConflictError(
            f"{number} is out for signature and cannot be changed. Withdraw it to draft first "
            "(only while nobody has signed it)."
        )
    if version.status == "executed":
        when = f" on {long_date(version.executed_on)}" if version.executed_on else ""
        raise ConflictError(
            f"{number} was executed{when} and can never be edited. Use “Amend” to make a new version "
            "with your changes; this one stays as it was signed."
        )
    raise ConflictError(
        f"{number} is {VERSION_STATUSES.get(version.status, version.status).lower()} and can no longer be edited."
    )


def _int(f: Fields, value: Any, field: str, label: str, *, low: int, high: int) -> int:
    try:
        number = int(value)
        if isinstance(value, float) and value != number:
            raise ValueError
    except (TypeError, ValueError):
        f.error(field, f"{label} must be a whole number.")
        return low
    if not low <= number <= high:
        f.error(field, f"{label} must be from {low} to {high}.")
    return number


@requires("edit_agreements")
def update_draft(
    session: Session,
    *,
    version_id: int,
    title: str | None = None,
    effective_date: dt.date | str | None = ...,  # type: ignore[assignment]
    term_months: int | None = None,
    auto_renew: bool | None = None,
    notice_days: int | None = None,
    overtime_rules: str | None = None,
    witness_lines: bool | None = None,
    sections: Sequence[Mapping[str, Any]] | None = None,
    site_ids: Sequence[int] | None = None,
    services: Sequence[Mapping[str, Any]] | None = None,
    signatories: Sequence[Mapping[str, Any]] | None = None,
) -> VersionDetail:
    """Save the editor: whatever is given replaces what the draft had (None leaves it as it was).

    ``sections``: [{heading, body, clause_code}] in order; ``services``: [{provider_party_id, service_type,
    hourly_rate_cents, min_callout_minutes, short_notice_days, short_notice_surcharge_pct,
    overtime_multiplier_pct, late_cancel_hours, late_cancel_charge_minutes, in_kind}];
    ``signatories``: [{party_id, person_id, name, title, organization}] (titles may be interim ones)."""
    version = get_or_raise(session, AgreementVersion, version_id, "Agreement version")
    _require_editable(version)
    agreement = version.agreement
    party_ids = {p.party_id for p in agreement.parties}
    party_names = dict(session.execute(select(Party.id, Party.name)).all())
    f = Fields()
    clean_title = f.text(title, "title", "Title", max_len=300, required=True) if title is not None else None
    effective = version.effective_date
    if effective_date is not ...:
        effective = f.date(effective_date, "effective_date", "Effective date")
    months = version.term_months if term_months is None else _int(
        f, term_months, "term_months", "Term in months", low=1, high=600)
    days = version.notice_days if notice_days is None else _int(
        f, notice_days, "notice_days", "Notice days", low=0, high=3650)
    rules = version.overtime_rules if overtime_rules is None else f.text(
        overtime_rules, "overtime_rules", "Overtime rules", max_len=5000, multiline=True)
    clean_sections: list[tuple[str, str, str]] | None = None
    if sections is not None:
        clean_sections = []
        if len(sections) > MAX_SECTIONS:
            f.error("sections", f"An agreement can have at most {MAX_SECTIONS} sections.")
        for i, s in enumerate(sections, start=1):
            head = f.text(s.get("heading", ""), "sections", f"The heading of section {i}", max_len=300,
                          required=True)
            body = f.text(s.get("body", ""), "sections", f"The text of section {i} ({head})",
                          max_len=MAX_SECTION_CHARS, multiline=True)
            code = f.text(s.get("clause_code", ""), "sections", f"The clause code of section {i}", max_len=60)
            clean_sections.append((head, body, code))
    clean_sites: list[int] | None = None
    if site_ids is not None:
        clean_sites = []
        for sid in site_ids:
            if session.get(Site, int(sid)) is None:
                f.error("site_ids", f"School or site {sid} does not exist.")
            elif int(sid) not in clean_sites:
                clean_sites.append(int(sid))
    labels = _service_labels(session)
    clean_services: list[dict[str, Any]] | None = None
    if services is not None:
        clean_services = []
        seen: set[tuple[int, str]] = set()
        for i, s in enumerate(services, start=1):
            where = f"Service {i}"
            provider = s.get("provider_party_id")
            if provider not in party_ids:
                f.error("services", f"{where}: the provider must be one of the agreement's parties.")
            stype = str(s.get("service_type", "")).strip()
            if stype not in labels:
                f.error("services", f"{where}: “{stype}” is not a known service type.")
            if (provider, stype) in seen:
                f.error("services", f"{where}: {labels.get(stype, stype)} by {party_names.get(provider, '?')} "
                                    "is listed twice.")
            seen.add((provider, stype))
            clean_services.append(
                {
                    "provider_party_id": provider,
                    "service_type": stype,
                    "hourly_rate_cents": _int(f, s.get("hourly_rate_cents", 0), "services",
                                              f"{where}: the hourly rate (cents)", low=0, high=10_000_000),
                    "min_callout_minutes": _int(f, s.get("min_callout_minutes", 0), "services",
                                                f"{where}: the minimum call-out", low=0, high=1440),
                    "short_notice_days": _int(f, s.get("short_notice_days", 0), "services",
                                              f"{where}: short-notice days", low=0, high=365),
                    "short_notice_surcharge_pct": _int(f, s.get("short_notice_surcharge_pct", 0), "services",
                                                       f"{where}: the short-notice surcharge", low=0, high=500),
                    "overtime_multiplier_pct": _int(f, s.get("overtime_multiplier_pct", 150), "services",
                                                    f"{where}: the overtime multiplier", low=100, high=400),
                    "late_cancel_hours": _int(f, s.get("late_cancel_hours", 0), "services",
                                              f"{where}: late-cancellation hours", low=0, high=720),
                    "late_cancel_charge_minutes": _int(f, s.get("late_cancel_charge_minutes", 0), "services",
                                                       f"{where}: the late-cancellation charge", low=0, high=1440),
                    "in_kind": bool(s.get("in_kind", False)),
                }
            )
    clean_signatories: list[dict[str, Any]] | None = None
    if signatories is not None:
        clean_signatories = []
        for i, s in enumerate(signatories, start=1):
            where = f"Signatory {i}"
            party_id = s.get("party_id")
            if party_id not in party_ids:
                f.error("signatories", f"{where}: choose one of the agreement's parties.")
            person_id = s.get("person_id")
            if person_id is not None and session.get(Person, person_id) is None:
                f.error("signatories", f"{where}: person {person_id} does not exist.")
            name = f.text(s.get("name", ""), "signatories", f"{where}: the name", max_len=200, required=True)
            sig_title = f.text(s.get("title", ""), "signatories", f"{where}: the title", max_len=200,
                               required=True)
            org = f.text(s.get("organization", "") or party_names.get(party_id, ""), "signatories",
                         f"{where}: the organization", max_len=200, required=True)
            clean_signatories.append(
                {"party_id": party_id, "person_id": person_id, "name": name, "title": sig_title,
                 "organization": org}
            )
    f.check()

    if clean_title is not None:
        agreement.title = clean_title
    version.effective_date = effective
    version.term_months = months
    version.end_date = term_end(effective, months)
    if auto_renew is not None:
        version.auto_renew = bool(auto_renew)
    version.notice_days = days
    version.overtime_rules = rules
    if witness_lines is not None:
        version.witness_lines = bool(witness_lines)
    if clean_sections is not None:
        version.sections.clear()
        session.flush()
        for pos, (head, body, code) in enumerate(clean_sections, start=1):
            version.sections.append(AgreementSection(position=pos, heading=head, body=body, clause_code=code))
    if clean_sites is not None:
        for link in session.scalars(select(AgreementSite).where(AgreementSite.version_id == version.id)):
            session.delete(link)
        session.flush()
        for sid in clean_sites:
            session.add(AgreementSite(version_id=version.id, site_id=sid))
    if clean_services is not None:
        version.services.clear()
        session.flush()
        for s in clean_services:
            version.services.append(AgreementService(**s))
    if clean_signatories is not None:
        version.signatories.clear()
        session.flush()
        for pos, s in enumerate(clean_signatories):
            version.signatories.append(Signatory(position=pos, **s))
    version.fingerprint_sha256 = ""
    session.flush()
    session.expire(version)
    _refresh_change_summary(session, version)
    return _detail(session, version)


# ------------------------------------------------------------------------------------------ lifecycle


@requires("edit_agreements")
def send_for_signature(session: Session, *, version_id: int) -> VersionDetail:
    """Freeze a draft for signature: its printed text and fingerprint are fixed from now on.

    The required-clause check (``clauses.check_completeness``) is a warning only and is not repeated here."""
    version = get_or_raise(session, AgreementVersion, version_id, "Agreement version")
    if version.status != "draft":
        _require_editable(version)
    f = Fields()
    if not version.sections:
        f.error("sections", "The agreement has no sections yet.")
    if not version.signatories:
        f.error("signatories", "Name at least one signatory for each party before sending it for signature.")
    if version.effective_date is None:
        f.error("effective_date", "Give the effective date before sending it for signature.")
    f.check()
    detail = _detail(session, version)
    version.fingerprint_sha256 = fingerprint(detail)
    version.status = "out_for_signature"
    session.flush()
    return _detail(session, version)


@requires("edit_agreements")
def withdraw_to_draft(session: Session, *, version_id: int) -> VersionDetail:
    """Take a version back from signature to change it (only while nobody has signed)."""
    version = get_or_raise(session, AgreementVersion, version_id, "Agreement version")
    number = document_number(version.agreement.number, version.version_no)
    if version.status != "out_for_signature":
        raise ConflictError(f"{number} is not out for signature.")
    signed = [s.name for s in version.signatories if s.signed_on]
    if signed:
        raise ConflictError(
            f"{number} has already been signed by {join_names(signed)}; it cannot go back to draft. "
            "Record the remaining signatures, then amend it."
        )
    version.status = "draft"
    version.fingerprint_sha256 = ""
    session.flush()
    return _detail(session, version)


@requires("execute_agreements")
def complete_execution(session: Session, version: AgreementVersion) -> bool:
    """Once every signatory has signed, the version is executed and the version it amends is superseded."""
    if version.status != "out_for_signature" or not version.signatories:
        return False
    if any(s.signed_on is None for s in version.signatories):
        return False
    version.status = "executed"
    version.executed_on = max(s.signed_on for s in version.signatories if s.signed_on)
    if version.effective_date is None:
        version.effective_date = version.executed_on
        version.end_date = term_end(version.effective_date, version.term_months)
    if not version.fingerprint_sha256:
        version.fingerprint_sha256 = fingerprint(_detail(session, version))
    for other in version.agreement.versions:
        if other.id != version.id and other.version_no < version.version_no and other.status == "executed":
            other.status = "superseded"
    session.flush()
    return True


def _in_force(agreement: Agreement) -> AgreementVersion | None:
    for v in reversed(agreement.versions):
        if v.status == "executed":
            return v
    return None


@requires("edit_agreements")
def amend_agreement(
    session: Session, *, agreement_id: int, effective_date: dt.date | str | None = ...  # type: ignore[assignment]
) -> VersionDetail:
    """A new version in Draft, copied from the executed one; the executed version is left exactly as signed
    and is marked superseded when the amendment is executed."""
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    pending = [v for v in agreement.versions if v.status in ("draft", "out_for_signature")]
    if pending:
        v = pending[-1]
        raise ConflictError(
            f"{document_number(agreement.number, v.version_no)} is already being prepared "
            f"({VERSION_STATUSES[v.status].lower()}); finish or edit that one."
        )
    base = _in_force(agreement)
    if base is None:
        raise ConflictError(f"{agreement.number} has no executed version to amend.")
    f = Fields()
    effective = base.effective_date
    if effective_date is not ...:
        effective = f.date(effective_date, "effective_date", "Effective date")
    f.check()
    new = AgreementVersion(
        agreement_id=agreement.id,
        version_no=max(v.version_no for v in agreement.versions) + 1,
        status="draft",
        template_code=base.template_code,
        effective_date=effective,
        end_date=term_end(effective, base.term_months),
        term_months=base.term_months,
        auto_renew=base.auto_renew,
        notice_days=base.notice_days,
        overtime_rules=base.overtime_rules,
        witness_lines=base.witness_lines,
    )
    session.add(new)
    session.flush()
    for s in base.sections:
        new.sections.append(AgreementSection(position=s.position, heading=s.heading, body=s.body,
                                             clause_code=s.clause_code))
    for sid in session.scalars(select(AgreementSite.site_id).where(AgreementSite.version_id == base.id)).all():
        session.add(AgreementSite(version_id=new.id, site_id=sid))
    for s in base.services:
        new.services.append(
            AgreementService(
                provider_party_id=s.provider_party_id, service_type=s.service_type,
                hourly_rate_cents=s.hourly_rate_cents, min_callout_minutes=s.min_callout_minutes,
                short_notice_days=s.short_notice_days, short_notice_surcharge_pct=s.short_notice_surcharge_pct,
                overtime_multiplier_pct=s.overtime_multiplier_pct, late_cancel_hours=s.late_cancel_hours,
                late_cancel_charge_minutes=s.late_cancel_charge_minutes, in_kind=s.in_kind,
            )
        )
    for s in base.signatories:
        new.signatories.append(
            Signatory(position=s.position, party_id=s.party_id, person_id=s.person_id, name=s.name,
                      title=s.title, organization=s.organization)
        )
    session.flush()
    session.expire(agreement)
    _refresh_change_summary(session, new)
    return _detail(session, new)


@requires("execute_agreements")
def record_termination(
    session: Session, *, agreement_id: int, notice_on: dt.date | str, by_party_id: int
) -> VersionDetail:
    """Record the written notice of termination: the agreement ends ``notice_days`` after the notice."""
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    version = _in_force(agreement)
    if version is None:
        raise ConflictError(f"{agreement.number} has no executed version in force to terminate.")
    f = Fields()
    notice = f.date(notice_on, "notice_on", "Date of the written notice", required=True)
    if by_party_id not in {p.party_id for p in agreement.parties}:
        f.error("by_party_id", "Choose the party that gave notice (one of the agreement's parties).")
    if notice and version.executed_on and notice < version.executed_on:
        f.error("notice_on", f"The notice cannot be dated before the agreement was executed "
                             f"({long_date(version.executed_on)}).")
    f.check()
    assert notice is not None
    version.termination_notice_on = notice
    version.termination_by_party_id = by_party_id
    version.termination_effective_on = notice + dt.timedelta(days=version.notice_days)
    version.status = "terminated"
    session.flush()
    return _detail(session, version)


@requires("execute_agreements")
def expire_agreements(session: Session, *, today: dt.date) -> list[VersionDetail]:
    """Mark executed versions whose term ended before ``today`` and that do not renew as expired."""
    expired = []
    for v in session.scalars(
        select(AgreementVersion).where(
            AgreementVersion.status == "executed",
            AgreementVersion.auto_renew.is_(False),
            AgreementVersion.end_date < today,
        )
    ):
        v.status = "expired"
        expired.append(v)
    session.flush()
    return [_detail(session, v) for v in expired]


@requires("edit_agreements")
def set_agreement_active(session: Session, *, agreement_id: int, active: bool) -> AgreementRow:
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    agreement.active = active
    session.flush()
    return agreement_rows(session, [agreement.id])[0]


# ------------------------------------------------------------------------------------------ due dates


@dataclass(frozen=True)
class AgreementDue:
    agreement_id: int
    number: str
    title: str
    version_no: int
    what: str  # "renewal", "expiry", "termination"
    due_on: dt.date
    days_left: int
    text: str


def current_term_end(effective: dt.date, term_months: int, end_date: dt.date | None, auto_renew: bool,
                     today: dt.date) -> dt.date | None:
    """The last day of the term running on ``today`` (auto-renewing terms roll over each term)."""
    end = end_date or term_end(effective, term_months)
    if end is None or not auto_renew or term_months <= 0:
        return end
    k = 1
    while end < today and k < 1200:
        end = add_months(effective, term_months * (k + 1)) - dt.timedelta(days=1)
        k += 1
    return end


def agreements_due(session: Session, *, today: dt.date, days: int = DUE_DAYS) -> list[AgreementDue]:
    """Renewals, expiries and terminations taking effect within ``days`` of ``today`` (for the Dashboard)."""
    horizon = today + dt.timedelta(days=days)
    due: list[AgreementDue] = []
    for agreement in session.scalars(select(Agreement).where(Agreement.active.is_(True))):
        version = next((v for v in reversed(agreement.versions) if v.status in ("executed", "terminated")), None)
        if version is None:
            continue
        number = document_number(agreement.number, version.version_no)
        if version.status == "terminated":
            when = version.termination_effective_on
            if when and today <= when <= horizon:
                due.append(AgreementDue(agreement.id, agreement.number, agreement.title, version.version_no,
                                        "termination", when, (when - today).days,
                                        f"{number} ends on {long_date(when)} (terminated on notice)."))
            continue
        if version.effective_date is None:
            continue
        end = current_term_end(version.effective_date, version.term_months, version.end_date,
                               version.auto_renew, today)
        if end is None or not today <= end <= horizon:
            continue
        if version.auto_renew:
            text = f"{number} renews on {long_date(end + dt.timedelta(days=1))} unless a party gives notice."
            what = "renewal"
        else:
            text = f"{number} expires on {long_date(end)}."
            what = "expiry"
        due.append(AgreementDue(agreement.id, agreement.number, agreement.title, version.version_no, what, end,
                                (end - today).days, text))
    return sorted(due, key=lambda d: (d.due_on, d.number))


# ------------------------------------------------------------------------------------------ the diff


def _sentences(body: str) -> list[str]:
    parts = re.split(r"(?<=[.;!?])\s+|\n+", body.strip())
    return [re.sub(r"^-\s+", "", p).strip() for p in parts if p.strip() and p.strip() != "-"]


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def diff_versions(old: VersionDetail, new: VersionDetail) -> str:
    """What changed from ``old`` to ``new``, clause by clause, in words a board member can read."""
    out: list[str] = []

    def money(cents: int) -> str:
        return f"${cents / 100:,.2f}"

    if old.title != new.title:
        out.append(f"Title: “{old.title}” → “{new.title}”.")
    for label, a, b in [
        ("Effective date", long_date(old.effective_date), long_date(new.effective_date)),
        ("Term", f"{old.term_months} months", f"{new.term_months} months"),
        ("Renews annually", "yes" if old.auto_renew else "no", "yes" if new.auto_renew else "no"),
        ("Notice of termination", f"{old.notice_days} days", f"{new.notice_days} days"),
        ("Overtime rules", old.overtime_rules.strip() or "none", new.overtime_rules.strip() or "none"),
        ("Witness lines", "yes" if old.witness_lines else "no", "yes" if new.witness_lines else "no"),
    ]:
        if a != b:
            out.append(f"{label}: {a} → {b}.")

    def key(s: SectionData) -> str:
        return s.clause_code or _NUMBERED_HEADING.sub("", s.heading).casefold()

    old_by = {key(s): s for s in old.sections}
    new_keys = {key(s) for s in new.sections}
    for s in new.sections:
        title = numbered_heading(s.position, s.heading)
        before = old_by.get(key(s))
        if before is None:
            out.append(f"Added section {title}.")
            for line in _sentences(s.body)[:3]:
                out.append(f"  + {_short(line)}")
            continue
        changes: list[str] = []
        if _NUMBERED_HEADING.sub("", before.heading) != _NUMBERED_HEADING.sub("", s.heading):
            changes.append(f"  heading was “{before.heading}”")
        a, b = _sentences(before.body), _sentences(s.body)
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if op in ("replace", "delete"):
                changes += [f"  − {_short(x)}" for x in a[i1:i2]]
            if op in ("replace", "insert"):
                changes += [f"  + {_short(x)}" for x in b[j1:j2]]
        if changes:
            out.append(f"Changed section {title}:")
            out.extend(changes)
    for s in old.sections:
        if key(s) not in new_keys:
            out.append(f"Removed section {numbered_heading(s.position, s.heading)}.")
    old_sites, new_sites = {s.name for s in old.sites}, {s.name for s in new.sites}
    for name in sorted(new_sites - old_sites):
        out.append(f"School added: {name}.")
    for name in sorted(old_sites - new_sites):
        out.append(f"School removed: {name}.")
    old_svc = {(s.provider_party_id, s.service_type): s for s in old.services}
    new_svc = {(s.provider_party_id, s.service_type): s for s in new.services}
    for k, s in new_svc.items():
        name = f"{s.service_label} by {s.provider_name}"
        if k not in old_svc:
            out.append(f"Service added: {name} at {money(s.hourly_rate_cents)} an hour.")
            continue
        o = old_svc[k]
        if o.hourly_rate_cents != s.hourly_rate_cents:
            out.append(f"Rate for {name}: {money(o.hourly_rate_cents)} → {money(s.hourly_rate_cents)} an hour.")
        if o.rules_text != s.rules_text:
            out.append(f"Rules for {name}: {o.rules_text or 'none'} → {s.rules_text or 'none'}.")
    for k, s in old_svc.items():
        if k not in new_svc:
            out.append(f"Service removed: {s.service_label} by {s.provider_name}.")
    old_sig = [(s.name, s.title, s.organization) for s in old.signatories]
    new_sig = [(s.name, s.title, s.organization) for s in new.signatories]
    if old_sig != new_sig:
        out.append("Signatories: " + "; ".join(f"{n}, {t}" for n, t, _ in old_sig) + " → "
                   + "; ".join(f"{n}, {t}" for n, t, _ in new_sig) + ".")
    head = f"Changes in version {new.version_no} against version {old.version_no}"
    if not out:
        return f"{head}: none yet."
    return head + ":\n" + "\n".join(out)


def _refresh_change_summary(session: Session, version: AgreementVersion) -> None:
    if version.version_no <= 1:
        return
    previous = max((v for v in version.agreement.versions if v.version_no < version.version_no),
                   key=lambda v: v.version_no, default=None)
    if previous is None:
        return
    version.change_summary = diff_versions(_detail(session, previous), _detail(session, version))
    session.flush()


# ------------------------------------------------------------------------------------------ printing


@dataclass(frozen=True)
class SignatureArt:
    """What the signed copy shows in a signatory's block."""

    image_png: bytes | None
    image_mime: str
    scan_name: str
    scan_sha256: str


def signature_art(session: Session, version_id: int) -> dict[int, SignatureArt]:
    art: dict[int, SignatureArt] = {}
    for s in session.scalars(select(Signatory).where(Signatory.version_id == version_id)):
        image, mime, scan_name, scan_sha = None, "", "", ""
        if s.signature_attachment_id:
            att = session.get(Attachment, s.signature_attachment_id)
            if att is not None:
                image, mime = att.data, att.mime_type
        if s.scanned_copy_attachment_id:
            att = session.get(Attachment, s.scanned_copy_attachment_id)
            if att is not None:
                scan_name, scan_sha = att.filename, att.sha256
                if image is None and att.mime_type in ("image/png", "image/jpeg"):
                    image, mime = att.data, att.mime_type
        art[s.id] = SignatureArt(image, mime, scan_name, scan_sha)
    return art


@dataclass(frozen=True)
class PrintedAgreement:
    document_number: str
    fingerprint: str
    pages: int
    #: signatory position -> (page index from 0, (x1, y1, x2, y2) in PDF points): where a digital signature goes
    signature_boxes: dict[int, tuple[int, tuple[float, float, float, float]]]


def write_agreement(
    session: Session,
    *,
    out: Path | str | BinaryIO,
    agreement_id: int,
    version_no: int | None = None,
    signed: bool = False,
    today: dt.date | None = None,
) -> PrintedAgreement:
    """Print for signature (or, with ``signed``, the signed copy with signatures, dates and "Executed on")."""
    from sharedsvc_desktop.documents.agreement import build_agreement_pdf

    version = _version(session, agreement_id, version_no)
    detail = _detail(session, version)
    if signed and not any(s.signed for s in detail.signatories):
        raise ConflictError(
            f"Nobody has signed {detail.document_number} yet; record the signatures first, or print it for "
            "signature."
        )
    print_fp = detail.fingerprint or fingerprint(detail)
    art = signature_art(session, version.id) if signed else {}
    layout = build_agreement_pdf(out, detail, fingerprint=print_fp, signed=signed, art=art,
                                 printed_on=today or dt.date.today())
    return PrintedAgreement(detail.document_number, print_fp, layout.pages, layout.signature_boxes)


def write_termination_notice(
    session: Session, *, out: Path | str | BinaryIO, agreement_id: int, today: dt.date | None = None
) -> int:
    """The written notice of termination, as a letter from the party that gave notice. Returns pages."""
    from sharedsvc_desktop.documents.agreement import build_termination_notice

    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    version = next((v for v in reversed(agreement.versions) if v.status == "terminated"), None)
    if version is None:
        raise ConflictError(f"No termination notice is recorded for {agreement.number}; record it first.")
    detail = _detail(session, version)
    sender = next((s for s in detail.signatories if s.party_id == detail.termination_by_party_id), None)
    return build_termination_notice(out, detail, sender=sender, printed_on=today or dt.date.today())
