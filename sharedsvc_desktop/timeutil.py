"""Time handling: everything is stored in UTC together with the site's IANA zone.

Durations are always computed through UTC, so a night across a daylight-saving change is 7 or 9 hours long.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from sharedsvc_desktop.errors import ValidationError

UTC = dt.UTC
DEFAULT_TIMEZONE = "America/New_York"


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``; a clear error for an unknown name."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError({"timezone": f"“{name}” is not a known time zone (for example America/New_York)."}) from exc


def is_valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def common_timezones() -> list[str]:
    """US zones first (the program's home), then every other zone."""
    us = sorted(z for z in available_timezones() if z.startswith("America/") or z.startswith("US/"))
    rest = sorted(z for z in available_timezones() if z not in us)
    return us + rest


def now_utc() -> dt.datetime:
    return dt.datetime.now(UTC)


def local_to_utc(local: dt.datetime, tz_name: str, *, field: str = "start") -> dt.datetime:
    """Convert a naive local wall-clock time at a site to an aware UTC time.

    A time that does not exist (the hour skipped when clocks go forward) or that happens twice (the hour repeated
    when clocks go back) is refused with a message, instead of silently guessing.
    """
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    tz = zone(tz_name)
    first = local.replace(tzinfo=tz, fold=0)
    second = local.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if back != local:
            raise ValidationError(
                {field: f"{local:%d %b %Y %H:%M} does not exist in {tz_name}: the clocks go forward at that time."}
            )
        raise ValidationError(
            {field: f"{local:%d %b %Y %H:%M} happens twice in {tz_name} (the clocks go back): choose another time."}
        )
    return first.astimezone(UTC)


def utc_to_local(moment: dt.datetime, tz_name: str) -> dt.datetime:
    """An aware UTC time shown on a site's wall clock (aware, in the site's zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone(tz_name))


def minutes_between(start_utc: dt.datetime, end_utc: dt.datetime) -> int:
    """Whole minutes between two instants, through UTC."""
    if start_utc.tzinfo is None:
        start_utc = start_utc.replace(tzinfo=UTC)
    if end_utc.tzinfo is None:
        end_utc = end_utc.replace(tzinfo=UTC)
    return int((end_utc - start_utc).total_seconds() // 60)


def format_hours(minutes: int) -> str:
    """Minutes as hours with two decimals, e.g. 90 -> '1.50'."""
    return f"{minutes / 60:.2f}"
