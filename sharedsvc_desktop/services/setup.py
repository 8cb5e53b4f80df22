"""First-run setup: the police department, the school district, their signatories and the schools, in one step.

``complete_setup`` validates everything the first-run wizard collected (every bad field at once) and writes it in
one transaction through the ordinary services (``add_party``, ``add_person``, ``add_site``), so a new office
starts with the two parties of its agreement, the chief and the superintendent who sign it, and its schools.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.defaults import SITE_LEVELS
from sharedsvc_desktop.errors import ConflictError
from sharedsvc_desktop.models import Officer, Party, Site
from sharedsvc_desktop.services.common import Fields
from sharedsvc_desktop.services.parties import PartyRow, add_party
from sharedsvc_desktop.services.people import PersonRow, add_person
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.services.sites import SiteRow, add_site
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, is_valid_timezone

#: The titles the wizard suggests; any other title ("Interim Superintendent", "Acting Chief") is accepted.
CHIEF_TITLES = ["Chief of Police", "Acting Chief of Police", "Interim Chief of Police"]
SUPERINTENDENT_TITLES = ["Superintendent of Schools", "Interim Superintendent", "Acting Superintendent"]

MAX_SCHOOLS = 200


@dataclass(frozen=True)
class SetupSummary:
    police: PartyRow
    district: PartyRow
    chief: PersonRow
    superintendent: PersonRow
    schools: tuple[SiteRow, ...]


def needs_setup(session: Session) -> bool:
    """True when the database has no parties, officers or sites yet (a new office: offer the wizard)."""
    for model in (Party, Officer, Site):
        if session.scalar(select(func.count()).select_from(model)):
            return False
    return True


def _person(f: Fields, value: Mapping[str, Any], prefix: str, what: str, default_title: str) -> dict[str, str]:
    first = f.text(value.get("first_name"), f"{prefix}_first_name", f"The {what}'s first name", max_len=100,
                   required=True)
    last = f.text(value.get("last_name"), f"{prefix}_last_name", f"The {what}'s last name", max_len=100,
                  required=True)
    title = f.text(value.get("title"), f"{prefix}_title", f"The {what}'s title", max_len=200) or default_title
    email = f.email(value.get("email", ""), f"{prefix}_email")
    return {"first_name": first, "last_name": last, "title": title, "email": email}


def _schools(f: Fields, schools: Sequence[Mapping[str, Any] | str]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    problems: list[str] = []
    if len(schools) > MAX_SCHOOLS:
        f.error("schools", f"At most {MAX_SCHOOLS} schools can be entered here; add the others later.")
        return out
    for number, school in enumerate(schools, start=1):
        item = {"name": school} if isinstance(school, str) else dict(school)
        row = Fields()
        name = row.text(item.get("name"), "name", "name", max_len=200)
        level = str(item.get("level") or "other").strip()
        if not name:
            continue  # an empty row of the list is ignored
        if "name" in row.errors:
            problems.append(f"School {number}: the name is too long (at most 200 characters).")
            continue
        if level not in SITE_LEVELS:
            problems.append(f"School {number} ({name}): the level “{level}” is not one of "
                            f"{', '.join(SITE_LEVELS.values())}.")
            continue
        key = name.casefold()
        if key in seen:
            problems.append(f"“{name}” is listed twice (schools {seen[key]} and {number}).")
            continue
        seen[key] = number
        out.append({"name": name, "level": level})
    if problems:
        f.error("schools", " ".join(problems))
    return out


@requires("manage_people")
def complete_setup(
    session: Session,
    *,
    police: str,
    district: str,
    chief: Mapping[str, Any],
    superintendent: Mapping[str, Any],
    schools: Sequence[Mapping[str, Any] | str] = (),
    police_short_name: str = "",
    district_short_name: str = "",
    timezone: str = DEFAULT_TIMEZONE,
) -> SetupSummary:
    """Create the police department and the school district, the chief and the superintendent (names and titles;
    interim or acting titles are fine), and the district's schools (``{"name": ..., "level": "high"}`` or a plain
    name; empty rows are skipped) in the one transaction of ``session``.

    Refused when the database already holds parties, officers or schools (the wizard is for a new office).
    """
    if not needs_setup(session):
        raise ConflictError(
            "This database is already set up (it holds departments, officers or schools). "
            "Add schools and people from the Schools and Officers screens instead."
        )
    f = Fields()
    police_name = f.text(police, "police", "The police department's name", max_len=200, required=True)
    district_name = f.text(district, "district", "The school district's name", max_len=200, required=True)
    police_short = f.text(police_short_name, "police_short_name", "The department's short name", max_len=60)
    district_short = f.text(district_short_name, "district_short_name", "The district's short name", max_len=60)
    if police_name and district_name and police_name.casefold() == district_name.casefold():
        f.error("district", "The school district needs a name of its own (it is the same as the department's).")
    chief_v = _person(f, chief, "chief", "chief", CHIEF_TITLES[0])
    supt_v = _person(f, superintendent, "superintendent", "superintendent", SUPERINTENDENT_TITLES[0])
    school_v = _schools(f, schools)
    if not is_valid_timezone(str(timezone)):
        f.error("timezone", f"“{timezone}” is not a known time zone (for example America/New_York).")
    f.check()

    police_row = add_party(session, name=police_name, kind="police_department", short_name=police_short,
                           timezone=timezone)
    district_row = add_party(session, name=district_name, kind="school_district", short_name=district_short,
                             timezone=timezone)
    chief_row = add_person(session, role="chief", party_id=police_row.id, **chief_v)
    supt_row = add_person(session, role="superintendent", party_id=district_row.id, **supt_v)
    site_rows = tuple(
        add_site(session, name=s["name"], level=s["level"], in_district=True, timezone=timezone,
                 party_id=district_row.id)
        for s in school_v
    )
    return SetupSummary(police_row, district_row, chief_row, supt_row, site_rows)


__all__ = [
    "CHIEF_TITLES",
    "SUPERINTENDENT_TITLES",
    "SetupSummary",
    "complete_setup",
    "needs_setup",
]
