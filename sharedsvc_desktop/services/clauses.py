"""The text library: agreement templates, the clause library, and the required-clause check.

Templates are editable text files in ``resources/templates/`` (``<code>.md``): a header of ``key: value`` lines,
a ``---`` line, then one ``## Heading`` per section. A section may say which library code it carries
(``@code sro.duties``) and which required items it covers (``@covers roles, graduated_response``). Named fields
such as ``{police_department}``, ``{schools}`` and ``{notice_days}`` are filled in when a draft is made.

The clause library is ``resources/templates/clauses.json`` (built in) plus the clauses the user adds (the
``clause`` table; a user clause with a built-in code replaces the built-in one).

The required-clause check lists what a complete school-police agreement is missing: the COPS Office minimums and,
for SRO programs, the items Connecticut's § 10-233m asks for. It warns; the user may still send the agreement.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, NotFoundError, ValidationError
from sharedsvc_desktop.models import AgreementParty, AgreementVersion, Clause, Party
from sharedsvc_desktop.paths import resource_path
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import requires

# ------------------------------------------------------------------------------------------ required items

COPS = "COPS Office minimum"
CT = "Conn. Gen. Stat. § 10-233m"


@dataclass(frozen=True)
class Requirement:
    code: str
    source: str
    label: str
    #: every pattern must match somewhere in the agreement's text (case-insensitive)
    patterns: tuple[str, ...]
    #: what to write when a pattern is missing (same order as ``patterns``)
    parts: tuple[str, ...] = ()
    sro_only: bool = False


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement("purpose", COPS, "Purpose of the agreement", (r"\bpurpose|\bintroduction\b|\bgoals?\b",)),
    Requirement(
        "roles", COPS, "Roles and responsibilities of each party", (r"responsibilit|\bduties\b|\broles?\b",)
    ),
    Requirement(
        "information_sharing",
        COPS,
        "Information sharing",
        (r"information[- ]shar|shar(e|es|ed|ing) (the )?information|\bferpa\b|1232g",),
    ),
    Requirement("supervision", COPS, "Supervision and chain of command", (r"supervis|chain of command",)),
    Requirement("signatures", COPS, "Signatures of each party", ()),
    Requirement(
        "daily_interactions",
        CT,
        "Daily interactions between students, school staff and police",
        (r"(daily|day-to-day|everyday) (contact|interaction)|interactions? (between|with) students",),
        sro_only=True,
    ),
    Requirement(
        "graduated_response",
        CT,
        "A graduated-response model for student discipline",
        (r"graduated[- ]response|least serious|progressive (response|discipline)",),
        sro_only=True,
    ),
    Requirement(
        "sel_training",
        CT,
        "SRO training in social-emotional learning and restorative practices",
        (r"social[- ]emotional", r"restorative"),
        ("social-emotional learning", "restorative practices"),
        sro_only=True,
    ),
    Requirement(
        "restraint_firearms_arrests",
        CT,
        "Procedures for restraint, firearms and school-based arrests",
        (r"restrain", r"firearm", r"\barrest"),
        ("restraint", "firearms", "arrests"),
        sro_only=True,
    ),
    Requirement(
        "website_posting",
        CT,
        "Posting on the district's and the schools' websites",
        (r"web ?sites?",),
        sro_only=True,
    ),
)
REQUIREMENT_LABELS = {r.code: r.label for r in REQUIREMENTS}


# ----------------------------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateSection:
    heading: str
    body: str
    code: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class TemplateService:
    provider: str  # "police" or "school"
    service_type: str
    hourly_rate_cents: int
    min_callout_minutes: int = 0
    in_kind: bool = False


@dataclass(frozen=True)
class Template:
    code: str
    title: str
    kind: str
    description: str
    witness_lines: bool
    notice_days: int
    term_months: int
    auto_renew: bool
    services: tuple[TemplateService, ...]
    sections: tuple[TemplateSection, ...]


def templates_dir() -> Path:
    return resource_path("templates")


def _yes(value: str) -> bool:
    return value.strip().lower() in {"yes", "true", "1", "on"}


def parse_template(code: str, text: str) -> Template:
    """A template from its text (see the module docstring for the format)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    head, sep, rest = text.partition("\n---\n")
    if not sep:
        raise ValidationError({"template": f"The template “{code}” has no “---” line after its header."})
    meta: dict[str, str] = {}
    services: list[TemplateService] = []
    for line in head.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "service":
            parts = value.split()
            if len(parts) < 3:
                raise ValidationError({"template": f"The template “{code}” has a bad service line: {value}"})
            options = {p.split("=", 1)[0]: p.split("=", 1)[1] for p in parts[3:] if "=" in p}
            services.append(
                TemplateService(
                    provider=parts[0],
                    service_type=parts[1],
                    hourly_rate_cents=int(parts[2]),
                    min_callout_minutes=int(options.get("min_callout", "0")),
                    in_kind="in_kind" in parts[3:],
                )
            )
        else:
            meta[key] = value
    sections: list[TemplateSection] = []
    current: dict[str, object] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            sections.append(
                TemplateSection(
                    heading=str(current["heading"]),
                    body="\n".join(lines).strip(),
                    code=str(current["code"]),
                    covers=tuple(current["covers"]),  # type: ignore[arg-type]
                )
            )

    for line in rest.splitlines():
        if line.startswith("## "):
            close()
            current = {"heading": line[3:].strip(), "code": "", "covers": ()}
            lines = []
        elif current is not None and line.startswith("@code "):
            current["code"] = line[6:].strip()
        elif current is not None and line.startswith("@covers "):
            current["covers"] = tuple(c.strip() for c in line[8:].split(",") if c.strip())
        elif current is not None:
            lines.append(line)
    close()
    return Template(
        code=code,
        title=meta.get("title", code),
        kind=meta.get("kind", "other"),
        description=meta.get("description", ""),
        witness_lines=_yes(meta.get("witness_lines", "no")),
        notice_days=int(meta.get("notice_days", "30")),
        term_months=int(meta.get("term_months", "12")),
        auto_renew=_yes(meta.get("auto_renew", "yes")),
        services=tuple(services),
        sections=tuple(sections),
    )


@lru_cache(maxsize=16)
def _load_template(path: str, mtime: float) -> Template:
    p = Path(path)
    return parse_template(p.stem, p.read_text(encoding="utf-8"))


def list_templates() -> list[Template]:
    folder = templates_dir()
    return [load_template(p.stem) for p in sorted(folder.glob("*.md"))]


def load_template(code: str) -> Template:
    if not re.fullmatch(r"[a-z0-9_]+", code or ""):
        raise NotFoundError(f"There is no agreement template called “{code}”.")
    path = templates_dir() / f"{code}.md"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted(templates_dir().glob("*.md")))
        raise NotFoundError(f"There is no agreement template called “{code}” (known: {known}).")
    return _load_template(str(path), path.stat().st_mtime)


_FIELD = re.compile(r"\{([a-z_]+)\}")


def fill_fields(text: str, values: Mapping[str, str], lists: Mapping[str, Sequence[str]] | None = None) -> str:
    """``text`` with ``{name}`` replaced by ``values[name]``; unknown names stay as they are (the user sees
    them in the draft). A line that is only ``{name}`` for a name in ``lists`` becomes one "- item" line each;
    inside a sentence a list reads "A, B and C"."""
    lists = lists or {}
    out: list[str] = []
    for line in text.split("\n"):
        m = re.fullmatch(r"\s*(?:- )?\{([a-z_]+)\}\s*", line)
        if m and m.group(1) in lists:
            out.extend(f"- {item}" for item in lists[m.group(1)])
            continue

        def repl(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in values:
                return values[name]
            if name in lists:
                return join_names(lists[name])
            return match.group(0)

        out.append(_FIELD.sub(repl, line))
    return "\n".join(out)


def join_names(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def template_covers() -> dict[str, tuple[str, ...]]:
    """The required items each template section code covers."""
    covers: dict[str, tuple[str, ...]] = {}
    for template in list_templates():
        for section in template.sections:
            if section.code:
                covers[section.code] = section.covers
    return covers


# ------------------------------------------------------------------------------------------ clause library


@dataclass(frozen=True)
class ClauseRow:
    code: str
    heading: str
    body: str
    covers: tuple[str, ...]
    builtin: bool
    active: bool
    id: int | None = None

    @property
    def covers_text(self) -> str:
        return ", ".join(REQUIREMENT_LABELS.get(c, c) for c in self.covers)


def _builtin_clauses() -> list[ClauseRow]:
    path = templates_dir() / "clauses.json"
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        ClauseRow(
            code=item["code"],
            heading=item["heading"],
            body=item["body"],
            covers=tuple(item.get("covers", [])),
            builtin=True,
            active=True,
        )
        for item in data
    ]


def list_clauses(session: Session, *, include_inactive: bool = False) -> list[ClauseRow]:
    """The clause library: the built-in clauses and the user's own (the user's win on the same code)."""
    rows: dict[str, ClauseRow] = {c.code: c for c in _builtin_clauses()}
    for clause in session.scalars(select(Clause).order_by(Clause.heading)):
        rows[clause.code] = ClauseRow(
            code=clause.code,
            heading=clause.heading,
            body=clause.body,
            covers=tuple(clause.covers or ()),
            builtin=clause.code in rows and rows[clause.code].builtin,
            active=clause.active,
            id=clause.id,
        )
    result = [r for r in rows.values() if include_inactive or r.active]
    return sorted(result, key=lambda r: r.heading.casefold())


def get_clause(session: Session, *, code: str) -> ClauseRow:
    for row in list_clauses(session, include_inactive=True):
        if row.code == code:
            return row
    raise NotFoundError(f"There is no clause “{code}” in the library.")


def _clean_covers(f: Fields, covers: Iterable[str]) -> tuple[str, ...]:
    result = []
    for c in covers or ():
        c = str(c).strip()
        if not c:
            continue
        if c not in REQUIREMENT_LABELS:
            f.error("covers", f"“{c}” is not a required item (known: {', '.join(REQUIREMENT_LABELS)}).")
        elif c not in result:
            result.append(c)
    return tuple(result)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:40] or "clause"


@requires("edit_agreements")
def add_clause(
    session: Session, *, heading: str, body: str, covers: Sequence[str] = (), code: str = ""
) -> ClauseRow:
    """Add a clause of the user's own to the library."""
    f = Fields()
    head = f.text(heading, "heading", "Heading", max_len=300, required=True)
    text = f.text(body, "body", "Clause text", max_len=20_000, required=True, multiline=True)
    cov = _clean_covers(f, covers)
    wanted = f.text(code, "code", "Code", max_len=60)
    f.check()
    taken = {r.code for r in list_clauses(session, include_inactive=True)}
    if wanted:
        if wanted in taken:
            raise ConflictError(f"The library already has a clause with the code “{wanted}”.")
        new_code = wanted
    else:
        base = f"user.{_slug(head)}"
        new_code, n = base, 2
        while new_code in taken:
            new_code, n = f"{base}_{n}", n + 1
    clause = Clause(code=new_code, heading=head, body=text, covers=list(cov))
    session.add(clause)
    session.flush()
    return get_clause(session, code=new_code)


@requires("edit_agreements")
def update_clause(
    session: Session, *, code: str, heading: str, body: str, covers: Sequence[str] = ()
) -> ClauseRow:
    """Change a clause in the library (a built-in clause is copied into the user's library first)."""
    existing = get_clause(session, code=code)
    f = Fields()
    head = f.text(heading, "heading", "Heading", max_len=300, required=True)
    text = f.text(body, "body", "Clause text", max_len=20_000, required=True, multiline=True)
    cov = _clean_covers(f, covers)
    f.check()
    clause = session.scalar(select(Clause).where(Clause.code == code))
    if clause is None:
        clause = Clause(code=existing.code, heading=head, body=text, covers=list(cov))
        session.add(clause)
    else:
        clause.heading, clause.body, clause.covers = head, text, list(cov)
    session.flush()
    return get_clause(session, code=code)


@requires("edit_agreements")
def set_clause_active(session: Session, *, code: str, active: bool) -> ClauseRow:
    existing = get_clause(session, code=code)
    clause = session.scalar(select(Clause).where(Clause.code == code))
    if clause is None:
        clause = Clause(
            code=existing.code, heading=existing.heading, body=existing.body, covers=list(existing.covers)
        )
        session.add(clause)
    clause.active = active
    session.flush()
    return get_clause(session, code=code)


# ------------------------------------------------------------------------------------------ the check


@dataclass(frozen=True)
class RequirementStatus:
    code: str
    source: str
    label: str
    met: bool
    where: str  # the sections that cover it, or what is missing


@dataclass(frozen=True)
class CompletenessReport:
    version_id: int
    items: tuple[RequirementStatus, ...]

    @property
    def missing(self) -> tuple[RequirementStatus, ...]:
        return tuple(i for i in self.items if not i.met)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def message(self) -> str:
        if self.complete:
            return "The agreement has every required item (COPS Office minimums and § 10-233m where it applies)."
        lines = [f"{len(self.missing)} required item(s) missing; you may still send it for signature:"]
        lines += [f"• {i.label} ({i.source}){': ' + i.where if i.where else ''}" for i in self.missing]
        return "\n".join(lines)


@dataclass(frozen=True)
class CheckSection:
    heading: str
    body: str
    clause_code: str


def check_text(
    *,
    kind: str,
    sections: Sequence[CheckSection],
    code_covers: Mapping[str, Iterable[str]],
    party_names: Mapping[int, str],
    signatory_party_ids: Sequence[int | None],
    version_id: int = 0,
) -> CompletenessReport:
    """The check on plain data (so it can be run on an unsaved editor too)."""
    items: list[RequirementStatus] = []
    for req in REQUIREMENTS:
        if req.sro_only and kind != "sro_program":
            continue
        if req.code == "signatures":
            missing = [name for pid, name in party_names.items() if pid not in set(signatory_party_ids)]
            if not party_names:
                missing = ["the parties"]
            where = f"no signatory for {join_names(missing)}" if missing else "one signatory or more per party"
            items.append(RequirementStatus(req.code, req.source, req.label, not missing, where))
            continue
        by_code = [
            s.heading for s in sections if s.clause_code and req.code in set(code_covers.get(s.clause_code, ()))
        ]
        if by_code:
            items.append(RequirementStatus(req.code, req.source, req.label, True, join_names(by_code)))
            continue
        found: list[str] = []
        absent: list[str] = []
        for i, pattern in enumerate(req.patterns):
            hits = [s.heading for s in sections if re.search(pattern, f"{s.heading}\n{s.body}", re.IGNORECASE)]
            if hits:
                found.extend(h for h in hits if h not in found)
            else:
                absent.append(req.parts[i] if i < len(req.parts) else req.label.lower())
        if absent:
            where = f"nothing about {join_names(absent)}" if req.parts else "no section covers it"
            items.append(RequirementStatus(req.code, req.source, req.label, False, where))
        else:
            items.append(RequirementStatus(req.code, req.source, req.label, True, join_names(found)))
    return CompletenessReport(version_id=version_id, items=tuple(items))


def code_covers(session: Session) -> dict[str, tuple[str, ...]]:
    covers = dict(template_covers())
    for row in list_clauses(session, include_inactive=True):
        covers[row.code] = row.covers
    return covers


def check_completeness(session: Session, *, version_id: int) -> CompletenessReport:
    """What this version is missing to be a complete school-police agreement (a warning, never a refusal)."""
    version = get_or_raise(session, AgreementVersion, version_id, "Agreement version")
    parties = {
        pid: name
        for pid, name in session.execute(
            select(Party.id, Party.name)
            .join(AgreementParty, AgreementParty.party_id == Party.id)
            .where(AgreementParty.agreement_id == version.agreement_id)
            .order_by(AgreementParty.position)
        )
    }
    return check_text(
        kind=version.agreement.kind,
        sections=[CheckSection(s.heading, s.body, s.clause_code) for s in version.sections],
        code_covers=code_covers(session),
        party_names=parties,
        signatory_party_ids=[s.party_id for s in version.signatories if s.name.strip()],
        version_id=version.id,
    )
