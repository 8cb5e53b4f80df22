"""The rules of event coverage: hour caps and minimum rest (settings), and the agreement's rate rules.

Caps and rest live in the ``setting`` table (key -> JSON), with sensible defaults:

- ``coverage.max_daily_minutes`` (720 = 12 h): work on one work day, regular duty included;
- ``coverage.max_weekly_minutes`` (3600 = 60 h): work in one week (Monday to Sunday);
- ``coverage.min_rest_minutes`` (480 = 8 h): rest between one work day's work and the next.

A *work day* is the local date on which a stretch of work starts: periods that touch (back-to-back) belong to the
stretch that began first, so an event from 22:00 to 04:00 counts to the evening it began.

Rate rules come from the ``AgreementService`` rows of the agreement's current executed version;
``price_coverage`` prices one assignment's hours with them and is pure (no database), so the hours and ledger
code can call it with whatever it has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import NotFoundError, ValidationError
from sharedsvc_desktop.models import Agreement, AgreementService, AgreementVersion, Setting
from sharedsvc_desktop.services.permissions import requires

MAX_DAILY_KEY = "coverage.max_daily_minutes"
MAX_WEEKLY_KEY = "coverage.max_weekly_minutes"
MIN_REST_KEY = "coverage.min_rest_minutes"

DEFAULTS = {MAX_DAILY_KEY: 12 * 60, MAX_WEEKLY_KEY: 60 * 60, MIN_REST_KEY: 8 * 60}


@dataclass(frozen=True)
class CoverageSettings:
    max_daily_minutes: int = 12 * 60
    max_weekly_minutes: int = 60 * 60
    min_rest_minutes: int = 8 * 60

    @property
    def max_daily_hours(self) -> float:
        return self.max_daily_minutes / 60

    @property
    def max_weekly_hours(self) -> float:
        return self.max_weekly_minutes / 60

    @property
    def min_rest_hours(self) -> float:
        return self.min_rest_minutes / 60


def _int_setting(session: Session, key: str) -> int:
    row = session.get(Setting, key)
    value = row.value if row is not None else None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return DEFAULTS[key]
    return int(value)


def coverage_settings(session: Session) -> CoverageSettings:
    """The caps and minimum rest in force (defaults where nothing, or nonsense, is stored)."""
    return CoverageSettings(
        max_daily_minutes=_int_setting(session, MAX_DAILY_KEY),
        max_weekly_minutes=_int_setting(session, MAX_WEEKLY_KEY),
        min_rest_minutes=_int_setting(session, MIN_REST_KEY),
    )


def _hours_to_minutes(value: object, field_name: str, label: str, low: float, high: float, errors: dict) -> int:
    try:
        hours = float(str(value).strip())
    except (TypeError, ValueError):
        errors[field_name] = f"{label} “{value}” is not a number of hours."
        return 0
    if not low <= hours <= high:
        errors[field_name] = f"{label} must be between {low:g} and {high:g} hours."
        return 0
    return round(hours * 60)


@requires("manage_settings")
def set_coverage_settings(
    session: Session,
    *,
    max_daily_hours: float | str,
    max_weekly_hours: float | str,
    min_rest_hours: float | str,
) -> CoverageSettings:
    """Change the caps and minimum rest (hours; stored as whole minutes)."""
    errors: dict[str, str] = {}
    daily = _hours_to_minutes(max_daily_hours, "max_daily_hours", "The daily limit", 1, 24, errors)
    weekly = _hours_to_minutes(max_weekly_hours, "max_weekly_hours", "The weekly limit", 1, 168, errors)
    rest = _hours_to_minutes(min_rest_hours, "min_rest_hours", "The minimum rest", 0, 24, errors)
    if not errors and weekly < daily:
        errors["max_weekly_hours"] = "The weekly limit cannot be below the daily limit."
    if errors:
        raise ValidationError(errors)
    for key, value in ((MAX_DAILY_KEY, daily), (MAX_WEEKLY_KEY, weekly), (MIN_REST_KEY, rest)):
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    session.flush()
    return coverage_settings(session)


# ------------------------------------------------------------------------------------------------ rate rules


@dataclass(frozen=True)
class RateRules:
    """The pricing rules of one service under one agreement version (all whole numbers)."""

    hourly_rate_cents: int = 0
    min_callout_minutes: int = 0
    short_notice_days: int = 0
    short_notice_surcharge_pct: int = 0
    overtime_multiplier_pct: int = 100
    late_cancel_hours: int = 0
    late_cancel_charge_minutes: int = 0
    in_kind: bool = False
    agreement_number: str = ""
    version_no: int | None = None


@dataclass(frozen=True)
class CoveragePrice:
    worked_minutes: int
    billed_minutes: int
    base_cents: int
    overtime_cents: int
    surcharge_cents: int
    total_cents: int
    notes: tuple[str, ...] = field(default_factory=tuple)


def current_executed_version(
    session: Session, *, agreement_id: int, on: dt.date | None = None
) -> AgreementVersion | None:
    """The executed version in force on ``on`` (latest executed version when no date range says otherwise)."""
    versions = list(
        session.scalars(
            select(AgreementVersion)
            .where(AgreementVersion.agreement_id == agreement_id, AgreementVersion.status == "executed")
            .order_by(AgreementVersion.version_no.desc())
        )
    )
    if on is not None:
        for v in versions:
            starts_ok = v.effective_date is None or v.effective_date <= on
            ends_ok = v.end_date is None or on <= v.end_date
            if starts_ok and ends_ok:
                return v
    return versions[0] if versions else None


def rate_rules(
    session: Session, *, agreement_id: int, service_type: str = "event_coverage", on: dt.date | None = None
) -> RateRules | None:
    """The rate rules of ``service_type`` under the agreement's current executed version (None: no such service)."""
    agreement = session.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError(f"Agreement {agreement_id} does not exist (it may have been removed by someone else).")
    version = current_executed_version(session, agreement_id=agreement_id, on=on)
    if version is None:
        return None
    service = session.scalar(
        select(AgreementService)
        .where(AgreementService.version_id == version.id, AgreementService.service_type == service_type)
        .order_by(AgreementService.id)
    )
    if service is None:
        return None
    return RateRules(
        hourly_rate_cents=service.hourly_rate_cents,
        min_callout_minutes=service.min_callout_minutes,
        short_notice_days=service.short_notice_days,
        short_notice_surcharge_pct=service.short_notice_surcharge_pct,
        overtime_multiplier_pct=service.overtime_multiplier_pct,
        late_cancel_hours=service.late_cancel_hours,
        late_cancel_charge_minutes=service.late_cancel_charge_minutes,
        in_kind=service.in_kind,
        agreement_number=agreement.number,
        version_no=version.version_no,
    )


def _cents(minutes: int, hourly_cents: int) -> int:
    """Minutes at an hourly rate, to the nearest cent (half up), in integers only."""
    return (minutes * hourly_cents + 30) // 60


def _pct(cents: int, pct: int) -> int:
    return (cents * pct + 50) // 100


def price_coverage(
    rules: RateRules,
    *,
    worked_minutes: int,
    starts_at: dt.datetime,
    requested_at: dt.datetime | None = None,
    cancelled_at: dt.datetime | None = None,
    overtime: bool = False,
) -> CoveragePrice:
    """The value of one officer's coverage of one event under ``rules`` (pure: no database).

    - minimum call-out: fewer minutes than ``min_callout_minutes`` are billed as the minimum;
    - overtime: the hourly rate times ``overtime_multiplier_pct`` when ``overtime``;
    - short notice: requested fewer than ``short_notice_days`` days before the start adds
      ``short_notice_surcharge_pct`` to the amount;
    - cancellation: an event cancelled fewer than ``late_cancel_hours`` hours before its start is charged
      ``late_cancel_charge_minutes`` (and nothing else); cancelled earlier, it costs nothing.
    """
    if worked_minutes < 0:
        raise ValueError("worked_minutes must not be negative")
    notes: list[str] = []
    rate = rules.hourly_rate_cents
    if overtime and rules.overtime_multiplier_pct != 100:
        rate_ot = _pct(rate, rules.overtime_multiplier_pct)
    else:
        rate_ot = rate
    if cancelled_at is not None:
        notice = starts_at - cancelled_at
        late = rules.late_cancel_hours > 0 and notice < dt.timedelta(hours=rules.late_cancel_hours)
        if not late:
            return CoveragePrice(0, 0, 0, 0, 0, 0, ("cancelled in time: no charge",))
        billed = rules.late_cancel_charge_minutes
        base = _cents(billed, rate)
        notes.append(f"late cancellation (less than {rules.late_cancel_hours} h notice): {billed} minutes charged")
        return CoveragePrice(0, billed, base, 0, 0, base, tuple(notes))
    billed = worked_minutes
    if 0 < worked_minutes < rules.min_callout_minutes:
        billed = rules.min_callout_minutes
        notes.append(f"minimum call-out of {rules.min_callout_minutes / 60:g} h")
    base = _cents(billed, rate)
    overtime_cents = _cents(billed, rate_ot) - base if overtime else 0
    if overtime_cents:
        notes.append(f"overtime at {rules.overtime_multiplier_pct}%")
    surcharge = 0
    if (
        requested_at is not None
        and rules.short_notice_days > 0
        and rules.short_notice_surcharge_pct
        and starts_at - requested_at < dt.timedelta(days=rules.short_notice_days)
    ):
        surcharge = _pct(base + overtime_cents, rules.short_notice_surcharge_pct)
        notes.append(
            f"short notice (less than {rules.short_notice_days} days): +{rules.short_notice_surcharge_pct}%"
        )
    total = base + overtime_cents + surcharge
    return CoveragePrice(worked_minutes, billed, base, overtime_cents, surcharge, total, tuple(notes))
