"""Quarterly data collection under section IX of an SRO agreement: counts only, never a student's identity.

Each school reports, per quarter (and once for the *baseline*), the number and types of disciplinary actions, the
number of students involved broken down by race/ethnicity, gender, disability status, English-learner status and
age band, and its referrals to police; the police report, per school, the incidents with a police report written
(by type) and the police actions taken. Each breakdown must add up to its total; the difference is shown when it
does not.

Storage: one ``data_report`` per school, side (school/police) and period ("2026Q1" or "baseline"), with one
``data_count`` per figure: ``measure`` (e.g. ``students_involved``), ``dimension`` (``total`` or a breakdown such
as ``gender``) and ``category`` (``all`` for the total, else a category code). Form field keys are
``"<measure>.total"`` and ``"<measure>.<dimension>.<category>"``.

The categories are user-editable lists in the ``category`` table. Two lists ship with the program
(``disciplinary_action``, ``police_action``); the others are defined here and written the first time data is
entered (``ensure_data_categories``); until then the defaults below are used as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.models import (
    Agreement,
    AgreementSite,
    AgreementVersion,
    Category,
    DataCount,
    DataReport,
    Setting,
    Site,
)
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import require, requires
from sharedsvc_desktop.services.suppression import DEFAULT_K

SIDES = {"school": "School", "police": "Police"}
BASELINE = "baseline"
SUPPRESSION_K_SETTING = "oversight.suppression_k"
DATA_DUE_DAYS_SETTING = "oversight.data_due_days"
DEFAULT_DATA_DUE_DAYS = 30
MAX_COUNT = 1_000_000

#: Lists defined by this module (domain -> default (code, label) entries). The race/ethnicity list is the seven
#: categories US federal education reporting uses (OMB 1997 standards, as in EDFacts and the CRDC).
DATA_CATEGORY_DEFAULTS: dict[str, list[tuple[str, str]]] = {
    "data_race_ethnicity": [
        ("hispanic_latino", "Hispanic or Latino"),
        ("american_indian_alaska_native", "American Indian or Alaska Native"),
        ("asian", "Asian"),
        ("black_african_american", "Black or African American"),
        ("native_hawaiian_pacific_islander", "Native Hawaiian or Other Pacific Islander"),
        ("white", "White"),
        ("two_or_more", "Two or more races"),
    ],
    "data_gender": [
        ("female", "Female"),
        ("male", "Male"),
        ("another_gender", "Nonbinary or another gender"),
    ],
    "data_disability": [
        ("idea", "Student with a disability (IDEA)"),
        ("section_504", "Section 504 only"),
        ("no_disability", "No disability"),
    ],
    "data_english_learner": [
        ("english_learner", "English learner"),
        ("not_english_learner", "Not an English learner"),
    ],
    "data_age_band": [
        ("age_10_under", "10 and under"),
        ("age_11_13", "Ages 11–13"),
        ("age_14_15", "Ages 14–15"),
        ("age_16_17", "Ages 16–17"),
        ("age_18_over", "18 and over"),
    ],
    "data_incident_type": [
        ("assault", "Assault or fighting"),
        ("threat", "Threats or intimidation"),
        ("weapon", "Weapon"),
        ("drugs_alcohol", "Drugs, alcohol or tobacco"),
        ("theft_vandalism", "Theft or vandalism"),
        ("disorderly", "Disorderly conduct"),
        ("other", "Other"),
    ],
}


@dataclass(frozen=True)
class BreakdownSpec:
    dimension: str
    label: str
    domain: str  # category domain of its categories


@dataclass(frozen=True)
class MeasureSpec:
    side: str
    measure: str
    label: str
    short: str  # column heading in the printed tables
    breakdowns: tuple[BreakdownSpec, ...] = ()


MEASURES: tuple[MeasureSpec, ...] = (
    MeasureSpec("school", "disciplinary_action", "Disciplinary actions", "Disciplinary actions",
                (BreakdownSpec("type", "by type", "disciplinary_action"),)),
    MeasureSpec("school", "students_involved", "Students involved in disciplinary actions", "Students involved",
                (BreakdownSpec("race_ethnicity", "by race/ethnicity", "data_race_ethnicity"),
                 BreakdownSpec("gender", "by gender", "data_gender"),
                 BreakdownSpec("disability", "by disability status", "data_disability"),
                 BreakdownSpec("english_learner", "by English-learner status", "data_english_learner"),
                 BreakdownSpec("age_band", "by age", "data_age_band"))),
    MeasureSpec("school", "police_referral", "Referrals to police", "Referrals to police"),
    MeasureSpec("police", "incident_report", "School incidents with a police incident report",
                "Incidents with a police report",
                (BreakdownSpec("type", "by type", "data_incident_type"),)),
    MeasureSpec("police", "police_action", "Police actions on school incidents", "Police actions",
                (BreakdownSpec("type", "by action", "police_action"),)),
)
MEASURE_BY_CODE = {m.measure: m for m in MEASURES}

_PERIOD = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_MONTHS = ("January–March", "April–June", "July–September", "October–December")


# --------------------------------------------------------------------------------------------------- periods


def parse_period(text: object) -> str | None:
    """ "2026Q1" (also "2026-q1", "2026 Q1") or "baseline", normalized; None when it is neither."""
    value = str(text or "").strip()
    if value.lower() == BASELINE:
        return BASELINE
    m = _PERIOD.match(value)
    if not m or not 1990 <= int(m.group(1)) <= 2200:
        return None
    return f"{m.group(1)}Q{m.group(2)}"


def quarter_of(day: dt.date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a calendar quarter ("2026Q1" -> 1 Jan 2026, 31 Mar 2026)."""
    norm = parse_period(period)
    if norm is None or norm == BASELINE:
        raise ValidationError({"period": f"“{period}” is not a quarter (write it like 2026Q1)."})
    year, q = int(norm[:4]), int(norm[5])
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


def previous_quarter(period: str) -> str:
    start, _end = quarter_bounds(period)
    return quarter_of(start - dt.timedelta(days=1))


def next_quarter(period: str) -> str:
    _start, end = quarter_bounds(period)
    return quarter_of(end + dt.timedelta(days=1))


def quarters_of_year(year: int) -> list[str]:
    return [f"{year}Q{q}" for q in range(1, 5)]


def period_label(period: str) -> str:
    """ "2026Q1" -> "2026 Q1 (January–March)"; "baseline" -> "Baseline"."""
    if period == BASELINE:
        return "Baseline"
    norm = parse_period(period)
    if norm is None:
        return period
    return f"{norm[:4]} Q{norm[5]} ({_MONTHS[int(norm[5]) - 1]})"


def recent_periods(*, today: dt.date, count: int = 8) -> list[str]:
    """The current quarter and the ``count - 1`` before it, newest first, then "baseline" (for a selector)."""
    periods = [quarter_of(today)]
    while len(periods) < count:
        periods.append(previous_quarter(periods[-1]))
    return periods + [BASELINE]


# -------------------------------------------------------------------------------------------------- settings


def suppression_threshold(session: Session) -> int:
    """k: counts from 1 to k-1 are never printed (setting ``oversight.suppression_k``, default 10)."""
    row = session.get(Setting, SUPPRESSION_K_SETTING)
    value = row.value if row is not None else None
    if isinstance(value, bool) or not isinstance(value, int) or not 2 <= value <= 1000:
        return DEFAULT_K
    return value


@requires("manage_settings")
def set_suppression_threshold(session: Session, *, k: int | str) -> int:
    try:
        value = int(str(k).strip())
    except ValueError:
        raise ValidationError({"k": f"“{k}” is not a whole number."}) from None
    if not 2 <= value <= 1000:
        raise ValidationError({"k": "The smallest count shown must be between 2 and 1,000 (10 is usual)."})
    row = session.get(Setting, SUPPRESSION_K_SETTING)
    if row is None:
        session.add(Setting(key=SUPPRESSION_K_SETTING, value=value))
    else:
        row.value = value
    session.flush()
    return value


def data_due_days(session: Session) -> int:
    """Days after the end of a quarter by which its data is due (setting ``oversight.data_due_days``)."""
    row = session.get(Setting, DATA_DUE_DAYS_SETTING)
    value = row.value if row is not None else None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 365:
        return DEFAULT_DATA_DUE_DAYS
    return value


# ------------------------------------------------------------------------------------------------ categories


@dataclass(frozen=True)
class DataCategory:
    code: str
    label: str
    active: bool = True


def data_categories(session: Session, domain: str, *, include_inactive: bool = False) -> list[DataCategory]:
    """The categories of a data list, in order; the built-in defaults when the list was never written."""
    rows = session.execute(
        select(Category.code, Category.label, Category.active)
        .where(Category.domain == domain)
        .order_by(Category.sort_order, Category.id)
    ).all()
    if not rows:
        return [DataCategory(code, label) for code, label in DATA_CATEGORY_DEFAULTS.get(domain, [])]
    return [DataCategory(code, label, bool(active)) for code, label, active in rows if include_inactive or active]


def ensure_data_categories(session: Session) -> int:
    """Write the default lists this module defines into the ``category`` table where a list is still missing.
    Returns the number of rows written."""
    present = set(session.scalars(
        select(Category.domain).where(Category.domain.in_(list(DATA_CATEGORY_DEFAULTS))).distinct()
    ))
    written = 0
    for domain, entries in DATA_CATEGORY_DEFAULTS.items():
        if domain in present:
            continue
        for order, (code, label) in enumerate(entries):
            session.add(Category(domain=domain, code=code, label=label, sort_order=order, active=True))
            written += 1
    if written:
        session.flush()
    return written


def _data_domains() -> dict[str, str]:
    """Every list a breakdown uses -> its heading."""
    out: dict[str, str] = {}
    for m in MEASURES:
        for b in m.breakdowns:
            out.setdefault(b.domain, f"{m.short} {b.label}")
    return out


@requires("manage_settings")
def add_data_category(session: Session, *, domain: str, label: str) -> DataCategory:
    """Add a category to one of the data lists (e.g. another age band)."""
    f = Fields()
    domain = f.choice(domain, "domain", "List", _data_domains())
    text = f.text(label, "label", "Name", max_len=200, required=True)
    f.check()
    ensure_data_categories(session)
    existing = data_categories(session, domain, include_inactive=True)
    if any(c.label.casefold() == text.casefold() for c in existing):
        raise ValidationError({"label": f"“{text}” is already in this list."})
    base = re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")[:50] or "category"
    codes = {c.code for c in existing}
    code, n = base, 2
    while code in codes:
        code, n = f"{base}_{n}", n + 1
    order = (session.scalar(select(func.max(Category.sort_order)).where(Category.domain == domain)) or 0) + 1
    session.add(Category(domain=domain, code=code, label=text, sort_order=order, active=True))
    session.flush()
    return DataCategory(code, text)


@requires("manage_settings")
def set_data_category_active(session: Session, *, domain: str, code: str, active: bool) -> DataCategory:
    """Retire a category from the entry form (its past counts are kept and still printed), or bring it back."""
    ensure_data_categories(session)
    row = session.scalar(select(Category).where(Category.domain == domain, Category.code == code))
    if row is None:
        raise ValidationError({"code": f"There is no category “{code}” in this list."})
    row.active = active
    session.flush()
    return DataCategory(row.code, row.label, row.active)


# ----------------------------------------------------------------------------------------------- form layout


@dataclass(frozen=True)
class BreakdownForm:
    dimension: str
    label: str
    categories: tuple[DataCategory, ...]

    def key(self, measure: str, code: str) -> str:
        return f"{measure}.{self.dimension}.{code}"


@dataclass(frozen=True)
class MeasureForm:
    measure: str
    label: str
    short: str
    side: str
    breakdowns: tuple[BreakdownForm, ...]

    @property
    def total_key(self) -> str:
        return f"{self.measure}.total"

    def keys(self) -> list[str]:
        keys = [self.total_key]
        for b in self.breakdowns:
            keys.extend(b.key(self.measure, c.code) for c in b.categories)
        return keys


def form_layout(session: Session, *, side: str, keep: Iterable[str] = ()) -> list[MeasureForm]:
    """The figures one side reports, with the categories in force; retired categories listed in ``keep`` (keys
    that already hold counts) stay in so no count is lost when a report is edited."""
    if side not in SIDES:
        raise ValidationError({"side": f"“{side}” is not a side (school or police)."})
    kept = set(keep)
    out: list[MeasureForm] = []
    for m in MEASURES:
        if m.side != side:
            continue
        breakdowns = []
        for b in m.breakdowns:
            cats = [c for c in data_categories(session, b.domain, include_inactive=True)
                    if c.active or f"{m.measure}.{b.dimension}.{c.code}" in kept]
            breakdowns.append(BreakdownForm(b.dimension, b.label, tuple(cats)))
        out.append(MeasureForm(m.measure, m.label, m.short, m.side, tuple(breakdowns)))
    return out


def parse_count(value: Any) -> int | None:
    """A whole number >= 0 from an int or text ("", None -> 0); None when it is not one."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value <= MAX_COUNT else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and 0 <= value <= MAX_COUNT else None
    text = str(value).strip().replace(",", "")
    if text == "":
        return 0
    if not text.isdigit():
        return None
    number = int(text)
    return number if number <= MAX_COUNT else None


def check_counts(layout: Sequence[MeasureForm], counts: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, str]]:
    """Validate a form: (clean counts for every key of ``layout``, errors by key).

    Errors: a value that is not a whole number >= 0 (under its key); a breakdown whose categories do not add up to
    the total (under ``"<measure>.<dimension>"``, naming the difference); a key the form does not have.
    """
    errors: dict[str, str] = {}
    clean: dict[str, int] = {}
    known: set[str] = set()
    for m in layout:
        known.update(m.keys())
    for key in counts:
        if key not in known:
            errors[key] = f"“{key}” is not a figure of this form."
    for m in layout:
        for key in m.keys():
            raw = counts.get(key)
            number = parse_count(raw)
            if number is None:
                errors[key] = (f"“{raw}” is not a count: enter a whole number, 0 or more "
                               f"(at most {MAX_COUNT:,}).")
                number = 0
            clean[key] = number
        total = clean[m.total_key]
        for b in m.breakdowns:
            if not b.categories:
                continue
            if any(b.key(m.measure, c.code) in errors for c in b.categories) or m.total_key in errors:
                continue
            added = sum(clean[b.key(m.measure, c.code)] for c in b.categories)
            if added != total:
                diff = total - added
                errors[f"{m.measure}.{b.dimension}"] = (
                    f"{m.label} {b.label} add up to {added:,}, but the total is {total:,}: "
                    f"{_difference_text(diff)}."
                )
    return clean, errors


def _difference_text(diff: int) -> str:
    if diff > 0:
        return f"{diff:,} missing"
    return f"{-diff:,} too many"


# ---------------------------------------------------------------------------------------------- the schools


@dataclass(frozen=True)
class SchoolChoice:
    id: int
    name: str
    agreement_id: int | None


def _program_versions(session: Session) -> list[tuple[Agreement, AgreementVersion]]:
    """Active SRO-program agreements with the version in force (executed, or terminated/expired last)."""
    out: list[tuple[Agreement, AgreementVersion]] = []
    for agreement in session.scalars(
        select(Agreement).where(Agreement.active.is_(True), Agreement.kind == "sro_program").order_by(Agreement.id)
    ):
        version = next((v for v in reversed(agreement.versions)
                        if v.status in ("executed", "terminated", "expired")), None)
        if version is not None:
            out.append((agreement, version))
    return out


def data_schools(session: Session) -> list[SchoolChoice]:
    """The schools that report: those covered by an SRO-program agreement, plus any school with data already
    (without any such agreement: every active school building)."""
    seen: dict[int, SchoolChoice] = {}
    for agreement, version in _program_versions(session):
        for site in session.scalars(
            select(Site).join(AgreementSite, AgreementSite.site_id == Site.id)
            .where(AgreementSite.version_id == version.id).order_by(Site.name)
        ):
            seen.setdefault(site.id, SchoolChoice(site.id, site.name, agreement.id))
    if not seen:
        for site in session.scalars(
            select(Site).where(Site.active.is_(True), Site.level.in_(["elementary", "middle", "high"]))
        ):
            seen[site.id] = SchoolChoice(site.id, site.name, None)
    for site_id, name in session.execute(
        select(Site.id, Site.name).join(DataReport, DataReport.site_id == Site.id).distinct()
    ):
        seen.setdefault(site_id, SchoolChoice(site_id, name, None))
    return sorted(seen.values(), key=lambda s: s.name.casefold())


# --------------------------------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class DataReportRow:
    id: int
    site_id: int
    site_name: str
    side: str
    period: str
    is_baseline: bool
    submitted_on: dt.date | None
    notes: str
    counts: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> int:
        return self.counts.get(key, 0)


def _key(measure: str, dimension: str, category: str) -> str:
    return f"{measure}.total" if dimension == "total" else f"{measure}.{dimension}.{category}"


def _row(session: Session, report: DataReport) -> DataReportRow:
    site = session.get(Site, report.site_id)
    counts = {
        _key(m, d, c): v
        for m, d, c, v in session.execute(
            select(DataCount.measure, DataCount.dimension, DataCount.category, DataCount.value)
            .where(DataCount.report_id == report.id)
        )
    }
    return DataReportRow(report.id, report.site_id, site.name if site else "", report.side, report.period,
                         report.is_baseline, report.submitted_on, report.notes, counts)


def _clean_period(f: Fields, period: Any) -> str:
    norm = parse_period(period)
    if norm is None:
        f.error("period", f"“{period}” is not a quarter or the baseline (write it like 2026Q1, or baseline).")
        return ""
    return norm


def get_data_report(session: Session, *, site_id: int, side: str, period: str) -> DataReportRow | None:
    """The report one side made for a school and period, or None when nothing was entered yet."""
    norm = parse_period(period) or period
    report = session.scalar(
        select(DataReport).where(DataReport.site_id == site_id, DataReport.side == side, DataReport.period == norm)
    )
    return _row(session, report) if report is not None else None


def save_data_report(
    session: Session,
    *,
    site_id: int,
    side: str,
    period: str,
    counts: Mapping[str, Any],
    notes: str = "",
    submitted_on: dt.date | str | None = None,
) -> DataReportRow:
    """Enter (or correct) one side's figures for a school and a period. Every count is a whole number >= 0 and
    every breakdown must add up to its total; a figure left out counts as 0. No names: counts only."""
    f = Fields()
    side = f.choice(side, "side", "Side", SIDES)
    norm = _clean_period(f, period)
    note_text = f.text(notes, "notes", "Notes", max_len=2000, multiline=True)
    day = f.date(submitted_on, "submitted_on", "Date submitted")
    f.check()
    require(session, "enter_school_data" if side == "school" else "enter_police_data")
    site = get_or_raise(session, Site, site_id, "School")
    existing = session.scalar(
        select(DataReport).where(DataReport.site_id == site.id, DataReport.side == side, DataReport.period == norm)
    )
    stored = _row(session, existing).counts if existing is not None else {}
    layout = form_layout(session, side=side, keep=[k for k, v in stored.items() if v])
    clean, errors = check_counts(layout, counts)
    if errors:
        raise ValidationError(errors)
    ensure_data_categories(session)
    if existing is None:
        existing = DataReport(site_id=site.id, side=side, period=norm, is_baseline=norm == BASELINE)
        session.add(existing)
        session.flush()
    existing.notes = note_text
    existing.submitted_on = day or dt.date.today()
    rows = {
        (c.measure, c.dimension, c.category): c
        for c in session.scalars(select(DataCount).where(DataCount.report_id == existing.id))
    }
    for key, value in clean.items():
        parts = key.split(".")
        ident = (parts[0], "total", "all") if len(parts) == 2 else (parts[0], parts[1], parts[2])
        row = rows.get(ident)
        if row is None:
            session.add(DataCount(report_id=existing.id, measure=ident[0], dimension=ident[1],
                                  category=ident[2], value=value))
        elif row.value != value:
            row.value = value
    session.flush()
    return _row(session, existing)


@dataclass(frozen=True)
class DataStatusRow:
    site_id: int
    site_name: str
    school_entered_on: dt.date | None
    police_entered_on: dt.date | None

    @property
    def complete(self) -> bool:
        return self.school_entered_on is not None and self.police_entered_on is not None


def data_status(session: Session, *, period: str) -> list[DataStatusRow]:
    """Which schools have their figures in for a period, side by side."""
    norm = parse_period(period)
    if norm is None:
        raise ValidationError({"period": f"“{period}” is not a quarter or the baseline (write it like 2026Q1)."})
    entered: dict[tuple[int, str], dt.date | None] = {}
    for site_id, side, day, created in session.execute(
        select(DataReport.site_id, DataReport.side, DataReport.submitted_on, DataReport.created_at)
        .where(DataReport.period == norm)
    ):
        entered[(site_id, side)] = day or created.date()
    return [
        DataStatusRow(s.id, s.name, entered.get((s.id, "school")), entered.get((s.id, "police")))
        for s in data_schools(session)
    ]


def period_counts(session: Session, *, period: str) -> dict[int, dict[str, int]]:
    """Every figure entered for a period, by school: {site_id: {key: value}} (both sides merged)."""
    out: dict[int, dict[str, int]] = {}
    for site_id, m, d, c, v in session.execute(
        select(DataReport.site_id, DataCount.measure, DataCount.dimension, DataCount.category, DataCount.value)
        .join(DataCount, DataCount.report_id == DataReport.id)
        .where(DataReport.period == period)
    ):
        out.setdefault(site_id, {})[_key(m, d, c)] = v
    return out


def reported_sides(session: Session, *, period: str) -> dict[int, set[str]]:
    """{site_id: {"school", "police"}}: which sides reported for the period."""
    out: dict[int, set[str]] = {}
    for site_id, side in session.execute(
        select(DataReport.site_id, DataReport.side).where(DataReport.period == period)
    ):
        out.setdefault(site_id, set()).add(side)
    return out


def periods_with_data(session: Session) -> list[str]:
    return sorted(set(session.scalars(select(DataReport.period).distinct())))


# --------------------------------------------------------------------------------------- published tables

#: A cell of the published tables: (measure, dimension, category, site_id); dimension "total" with category
#: "all" is a school's total; site_id None is "all schools".
CellKey = tuple[str, str, str, "int | None"]


@dataclass(frozen=True)
class PublishedMeasure:
    measure: str
    label: str
    short: str
    side: str
    site_ids: tuple[int, ...]  # the schools that reported this side
    breakdowns: tuple[BreakdownForm, ...]


@dataclass(frozen=True)
class PublishedPeriod:
    """Every figure of a period (a quarter, the baseline, or a year), suppressed together so that no table gives
    away what another hides."""

    period: str
    label: str
    k: int
    schools: tuple[SchoolChoice, ...]
    measures: tuple[PublishedMeasure, ...]
    cells: dict[Any, Any]  # CellKey -> suppression.SuppressedCell
    reported: dict[int, frozenset[str]]  # site_id -> sides reported
    quarters: tuple[str, ...] = ()  # for a year: the quarters with data

    def cell(self, measure: str, site_id: int | None, dimension: str = "total", category: str = "all") -> Any:
        return self.cells.get((measure, dimension, category, site_id))

    def grand(self, measure: str) -> Any:
        return self.cells.get((measure, "total", "all", None))

    @property
    def has_data(self) -> bool:
        return bool(self.reported)


def _published(
    session: Session,
    *,
    period: str,
    label: str,
    counts: dict[int, dict[str, int]],
    reported: dict[int, set[str]],
    schools: Sequence[SchoolChoice],
    k: int,
    quarters: tuple[str, ...] = (),
) -> PublishedPeriod:
    from sharedsvc_desktop.services.suppression import suppress_lines

    keep = {key for per_site in counts.values() for key, v in per_site.items() if v}
    layouts = form_layout(session, side="school", keep=keep) + form_layout(session, side="police", keep=keep)
    school_ids = {s.id for s in schools}
    values: dict[Any, int] = {}
    lines: list[list[Any]] = []
    measures: list[PublishedMeasure] = []
    for m in layouts:
        sites = tuple(s.id for s in schools if m.side in reported.get(s.id, set()))
        measures.append(PublishedMeasure(m.measure, m.label, m.short, m.side, sites, m.breakdowns))
        if not sites:
            continue
        grand = (m.measure, "total", "all", None)
        for s in sites:
            values[(m.measure, "total", "all", s)] = counts.get(s, {}).get(m.total_key, 0)
        values[grand] = sum(values[(m.measure, "total", "all", s)] for s in sites)
        lines.append([(m.measure, "total", "all", s) for s in sites] + [grand])
        for b in m.breakdowns:
            for c in b.categories:
                for s in sites:
                    values[(m.measure, b.dimension, c.code, s)] = counts.get(s, {}).get(b.key(m.measure, c.code), 0)
                values[(m.measure, b.dimension, c.code, None)] = sum(
                    values[(m.measure, b.dimension, c.code, s)] for s in sites)
                lines.append([(m.measure, b.dimension, c.code, s) for s in sites]
                             + [(m.measure, b.dimension, c.code, None)])
            for s in sites:
                lines.append([(m.measure, b.dimension, c.code, s) for c in b.categories]
                             + [(m.measure, "total", "all", s)])
            lines.append([(m.measure, b.dimension, c.code, None) for c in b.categories] + [grand])

    def priority(key: Any) -> int:
        _m, dim, _c, site = key
        return (dim == "total") + (site is None)

    cells = suppress_lines(values, lines, k=k, priority=priority)
    return PublishedPeriod(period, label, k, tuple(s for s in schools if s.id in school_ids), tuple(measures),
                           cells, {s: frozenset(v) for s, v in reported.items()}, quarters)


def _schools_for(session: Session, agreement_id: int | None) -> list[SchoolChoice]:
    schools = data_schools(session)
    if agreement_id is None:
        return schools
    return [s for s in schools if s.agreement_id in (agreement_id, None)]


def published_period(session: Session, *, period: str, agreement_id: int | None = None) -> PublishedPeriod:
    """A quarter's (or the baseline's) figures for every school, suppressed."""
    norm = parse_period(period)
    if norm is None:
        raise ValidationError({"period": f"“{period}” is not a quarter or the baseline (write it like 2026Q1)."})
    schools = _schools_for(session, agreement_id)
    ids = {s.id for s in schools}
    counts = {s: v for s, v in period_counts(session, period=norm).items() if s in ids}
    reported = {s: v for s, v in reported_sides(session, period=norm).items() if s in ids}
    return _published(session, period=norm, label=period_label(norm), counts=counts, reported=reported,
                      schools=schools, k=suppression_threshold(session))


def published_year(session: Session, *, year: int, agreement_id: int | None = None) -> PublishedPeriod:
    """The four quarters of a calendar year added up per school, suppressed as one table set."""
    schools = _schools_for(session, agreement_id)
    ids = {s.id for s in schools}
    counts: dict[int, dict[str, int]] = {}
    reported: dict[int, set[str]] = {}
    quarters: list[str] = []
    for quarter in quarters_of_year(year):
        q_counts = period_counts(session, period=quarter)
        q_sides = reported_sides(session, period=quarter)
        if any(s in ids for s in q_sides):
            quarters.append(quarter)
        for s, per_site in q_counts.items():
            if s not in ids:
                continue
            mine = counts.setdefault(s, {})
            for key, v in per_site.items():
                mine[key] = mine.get(key, 0) + v
        for s, sides in q_sides.items():
            if s in ids:
                reported.setdefault(s, set()).update(sides)
    return _published(session, period=str(year), label=f"Calendar year {year}", counts=counts, reported=reported,
                      schools=schools, k=suppression_threshold(session), quarters=tuple(quarters))


@dataclass(frozen=True)
class QuarterlyReportData:
    quarter: PublishedPeriod
    previous: PublishedPeriod
    baseline: PublishedPeriod
    agreement_title: str
    organization: str


def _agreement_title(session: Session, agreement_id: int | None) -> tuple[str, str]:
    """(agreement "number: title", the parties' names) for the headings."""
    if agreement_id is None:
        versions = _program_versions(session)
        if len(versions) != 1:
            return "", ""
        agreement_id = versions[0][0].id
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement")
    names = " and ".join(ap.party.name for ap in sorted(agreement.parties, key=lambda ap: ap.position))
    return f"{agreement.number}: {agreement.title}", names


def quarterly_report_data(session: Session, *, quarter: str, agreement_id: int | None = None) -> QuarterlyReportData:
    norm = parse_period(quarter)
    if norm is None or norm == BASELINE:
        raise ValidationError({"quarter": f"“{quarter}” is not a quarter (write it like 2026Q1)."})
    title, parties = _agreement_title(session, agreement_id)
    return QuarterlyReportData(
        published_period(session, period=norm, agreement_id=agreement_id),
        published_period(session, period=previous_quarter(norm), agreement_id=agreement_id),
        published_period(session, period=BASELINE, agreement_id=agreement_id),
        title, parties,
    )


def write_quarterly_report(
    session: Session,
    *,
    out: Any,
    quarter: str,
    agreement_id: int | None = None,
    today: dt.date | None = None,
) -> int:
    """The quarterly data report (PDF): tables by school, suppressed, compared with the previous quarter and the
    baseline, with bar charts. Returns the number of schools that reported."""
    from sharedsvc_desktop.documents.oversight import build_quarterly_report

    data = quarterly_report_data(session, quarter=quarter, agreement_id=agreement_id)
    build_quarterly_report(out, data, generated_on=today or dt.date.today())
    return len(data.quarter.reported)


def quarterly_csv_rows(session: Session, *, quarter: str, agreement_id: int | None = None) -> list[list[str]]:
    """The quarter's published figures as rows (header first); hidden cells as "<k" or "*", never the count."""
    data = quarterly_report_data(session, quarter=quarter, agreement_id=agreement_id).quarter
    rows = [["period", "school", "side", "measure", "breakdown", "category", "count"]]
    names = {s.id: s.name for s in data.schools}
    for m in data.measures:
        if not m.site_ids:
            continue
        for site in [*m.site_ids, None]:
            school = names.get(site, "") if site is not None else "All schools"
            rows.append([data.period, school, m.side, m.label, "", "Total", data.cell(m.measure, site).text])
            for b in m.breakdowns:
                for c in b.categories:
                    rows.append([data.period, school, m.side, m.label, b.label.removeprefix("by "), c.label,
                                 data.cell(m.measure, site, b.dimension, c.code).text])
    return rows


def write_quarterly_csv(session: Session, *, out: Any, quarter: str, agreement_id: int | None = None) -> int:
    """The quarter's published figures as CSV (suppressed like the PDF). Returns the number of data rows."""
    import csv
    import io
    import os
    import tempfile
    from pathlib import Path

    rows = quarterly_csv_rows(session, quarter=quarter, agreement_id=agreement_id)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8-sig")
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    else:
        out.write(data)
    return len(rows) - 1


@dataclass(frozen=True)
class DataEntryForm:
    """What the entry screen needs in one read: the figures asked for and what was entered before."""

    site_id: int
    side: str
    period: str
    layout: list[MeasureForm]
    report: DataReportRow | None


def data_entry_form(session: Session, *, site_id: int, side: str, period: str) -> DataEntryForm:
    norm = parse_period(period)
    if norm is None:
        raise ValidationError({"period": f"“{period}” is not a quarter or the baseline (write it like 2026Q1)."})
    report = get_data_report(session, site_id=site_id, side=side, period=norm)
    keep = [k for k, v in report.counts.items() if v] if report else []
    return DataEntryForm(site_id, side, norm, form_layout(session, side=side, keep=keep), report)
