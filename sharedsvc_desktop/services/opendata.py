"""Open data: hours, events and the quarterly oversight figures as CSV and JSON, with a versioned JSON Schema beside
them, de-identified and suppressed, for a regional service center or the state.

The folder written::

    schema.json          JSON Schema (draft 2020-12) of the three JSON files; SCHEMA_VERSION below
    hours.csv / .json    hours of service by month, kind of service, provider, agreement, billable or covered
    events.csv / .json   the events covered: date, times, school or site, type, status, agreement, officer-hours
    quarterly.csv/.json  the oversight figures of every quarter the period touches, suppressed
    README.txt

De-identification (decided, and kept minimal):

- **No person appears at all**, not even under a pseudonym. Hours are published only as totals by month × kind ×
  provider × agreement × billable: a per-person pseudonym would still single out the one SRO of a school, and a
  regional center needs the service given, not who gave it. (The officers' names are public records; they are
  available through a Freedom of Information request, see ``services/foi.py``.)
- Events carry no title, notes or requester (free text can name people); their staffing is given as
  officer-hours, not a head count.
- Student and incident figures are counts only, suppressed exactly as in the quarterly report: a count from 1 to
  k-1 (k = the ``oversight.suppression_k`` setting, 10 by default) is never written; such a cell and the cells that
  would give it away have ``count`` null and ``shown`` "<k" or "*". The schema written with the data enforces it:
  ``count`` is null, 0, or at least k.

Versioning: ``SCHEMA_VERSION`` follows semantic versioning (a new optional field: minor; a removed or renamed field
or a changed meaning: major). Every JSON file names the version it follows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.models import Agreement, Assignment, HourEntry, Party, Person
from sharedsvc_desktop.services import oversight
from sharedsvc_desktop.services.common import Fields, category_labels
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.services.publish import Step, csv_bytes, write_atomically
from sharedsvc_desktop.timeutil import minutes_between, now_utc

SCHEMA_VERSION = "1.0.0"
SCHEMA_ID = f"urn:sharedsvc:opendata:{SCHEMA_VERSION}"
DATASETS = ("hours", "events", "quarterly")
HOURS_FIELDS = ["month", "service_kind", "service_kind_label", "provider", "agreement", "billable", "hours"]
EVENT_FIELDS = ["date", "start", "end", "timezone", "site", "event_type", "status", "agreement", "officer_hours"]
QUARTERLY_FIELDS = ["period", "school", "side", "measure", "measure_label", "breakdown", "category",
                    "category_label", "count", "shown", "suppressed"]
HOUR_KINDS = {
    "event_coverage": "Event coverage",
    "building_patrol": "School building patrol",
    "sro_duty": "School resource officer duty",
    "it_service": "IT service (in kind)",
    "other": "Other",
}


@dataclass(frozen=True)
class OpenDataResult:
    folder: str
    files: tuple[str, ...]
    counts: dict[str, int]  # dataset -> records
    quarters: tuple[str, ...]
    k: int
    schema_version: str


def _hours(minutes: int) -> float:
    return round(minutes / 60, 2)


def hours_records(session: Session, *, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]]:
    """Hours by month × kind × provider × agreement × billable (summed by day in SQL, by month here)."""
    rows = session.execute(
        select(HourEntry.work_date, HourEntry.kind, Party.name, Agreement.number, HourEntry.billable,
               func.sum(HourEntry.minutes))
        .join(Person, HourEntry.person_id == Person.id)
        .outerjoin(Party, Person.party_id == Party.id)
        .outerjoin(Agreement, HourEntry.agreement_id == Agreement.id)
        .where(HourEntry.work_date >= date_from, HourEntry.work_date <= date_to)
        .group_by(HourEntry.work_date, HourEntry.kind, Party.name, Agreement.number, HourEntry.billable)
    ).all()
    totals: dict[tuple[str, str, str, str, bool], int] = {}
    for day, kind, party, number, billable, minutes in rows:
        key = (f"{day:%Y-%m}", kind, party or "", number or "", bool(billable))
        totals[key] = totals.get(key, 0) + int(minutes or 0)
    return [
        {"month": m, "service_kind": kind, "service_kind_label": HOUR_KINDS.get(kind, kind), "provider": party,
         "agreement": number, "billable": billable, "hours": _hours(minutes)}
        for (m, kind, party, number, billable), minutes in sorted(totals.items())
    ]


def event_records(session: Session, *, date_from: dt.date, date_to: dt.date) -> list[dict[str, Any]]:
    from sharedsvc_desktop.services.events import list_events

    events = list_events(session, date_from=date_from, date_to=date_to)
    numbers = dict(session.execute(select(Agreement.id, Agreement.number)).all())
    minutes: dict[int, int] = {}
    ids = [e.id for e in events]
    for i in range(0, len(ids), 500):
        for event_id, start, end in session.execute(
            select(Assignment.event_id, Assignment.starts_at, Assignment.ends_at)
            .where(Assignment.event_id.in_(ids[i:i + 500]), Assignment.active.is_(True))
        ):
            minutes[event_id] = minutes.get(event_id, 0) + minutes_between(start, end)
    out = []
    for e in events:
        s, t = e.local_start, e.local_end
        out.append({
            "date": s.date().isoformat(), "start": f"{s:%H:%M}", "end": f"{t:%H:%M}", "timezone": e.timezone,
            "site": e.site_name, "event_type": e.event_type_label, "status": e.status,
            "agreement": numbers.get(e.agreement_id, ""), "officer_hours": _hours(minutes.get(e.id, 0)),
        })
    return out


def quarters_between(date_from: dt.date, date_to: dt.date) -> list[str]:
    out = []
    q = oversight.quarter_of(date_from)
    while oversight.quarter_bounds(q)[0] <= date_to:
        out.append(q)
        q = oversight.next_quarter(q)
    return out


def quarterly_records(session: Session, *, date_from: dt.date, date_to: dt.date) -> tuple[list[dict[str, Any]], list[str]]:
    """Every published cell of the quarters the period touches (suppressed together, as in the report)."""
    have = set(oversight.periods_with_data(session))
    records: list[dict[str, Any]] = []
    used: list[str] = []
    for q in quarters_between(date_from, date_to):
        if q not in have:
            continue
        data = oversight.published_period(session, period=q)
        if not data.has_data:
            continue
        used.append(q)
        names = {s.id: s.name for s in data.schools}
        for m in data.measures:
            for site in [*m.site_ids, None] if m.site_ids else []:
                school = names.get(site, "") if site is not None else "All schools"
                cells = [("total", "all", "Total", data.cell(m.measure, site))]
                for b in m.breakdowns:
                    cells += [(b.dimension, c.code, c.label, data.cell(m.measure, site, b.dimension, c.code))
                              for c in b.categories]
                for dimension, code, label, cell in cells:
                    if cell is None:
                        continue
                    records.append({
                        "period": q, "school": school, "side": m.side, "measure": m.measure,
                        "measure_label": m.label, "breakdown": dimension, "category": code, "category_label": label,
                        "count": cell.shown, "shown": cell.text, "suppressed": bool(cell.hidden),
                    })
    return records, used


# ------------------------------------------------------------------------------------------------ schema


def json_schema(k: int) -> dict[str, Any]:
    """The JSON Schema of the three data files, with the suppression threshold ``k`` of this export built in."""
    text = {"type": "string"}
    hours_number = {"type": "number", "minimum": 0, "$comment": "rounded to two decimals"}
    meta = {
        "dataset": None,
        "schema_version": {"const": SCHEMA_VERSION},
        "generated_at": {"type": "string", "format": "date-time"},
        "generated_by": text,
        "period": {
            "type": "object", "additionalProperties": False, "required": ["from", "to"],
            "properties": {"from": {"type": "string", "format": "date"}, "to": {"type": "string", "format": "date"}},
        },
        "suppression_threshold": {"type": "integer", "const": k},
    }

    def dataset(name: str, record: dict[str, Any], description: str) -> dict[str, Any]:
        props = dict(meta)
        props["dataset"] = {"const": name}
        props["records"] = {"type": "array", "items": {"$ref": f"#/$defs/{name}_record"}}
        return {
            "description": description, "type": "object", "additionalProperties": False,
            "required": [*meta, "records"], "properties": props,
        } | {"$defs_record": record}

    hours_record = {
        "type": "object", "additionalProperties": False, "required": HOURS_FIELDS,
        "properties": {
            "month": {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$", "description": "YYYY-MM"},
            "service_kind": {"enum": list(HOUR_KINDS), "description": "kind of service (code)"},
            "service_kind_label": text,
            "provider": {"type": "string", "description": "the public body whose staff gave the service"},
            "agreement": {"type": "string", "description": "agreement number; empty: outside any agreement"},
            "billable": {"type": "boolean", "description": "true: billed; false: covered by the agreement"},
            "hours": hours_number | {"description": "total hours (no person is identified)"},
        },
    }
    event_record = {
        "type": "object", "additionalProperties": False, "required": EVENT_FIELDS,
        "properties": {
            "date": {"type": "string", "format": "date", "description": "local date of the start"},
            "start": {"type": "string", "pattern": r"^\d{2}:\d{2}$", "description": "local time"},
            "end": {"type": "string", "pattern": r"^\d{2}:\d{2}$", "description": "local time"},
            "timezone": {"type": "string", "description": "IANA time zone of the local times"},
            "site": text, "event_type": text,
            "status": {"enum": ["requested", "approved", "declined", "staffed", "completed", "cancelled"]},
            "agreement": text,
            "officer_hours": hours_number | {"description": "hours of officer coverage assigned"},
        },
    }
    quarterly_record = {
        "type": "object", "additionalProperties": False, "required": QUARTERLY_FIELDS,
        "properties": {
            "period": {"type": "string", "pattern": r"^\d{4}Q[1-4]$"},
            "school": {"type": "string", "description": "a school, or \"All schools\""},
            "side": {"enum": ["school", "police"]},
            "measure": text, "measure_label": text,
            "breakdown": {"type": "string", "description": "\"total\", or the dimension (type, race_ethnicity...)"},
            "category": text, "category_label": text,
            "count": {
                "description": f"the count; null when suppressed. Never 1 to {k - 1}.",
                "oneOf": [{"type": "null"}, {"type": "integer", "const": 0}, {"type": "integer", "minimum": k}],
            },
            "shown": {"type": "string", "description": f"as printed: the count, \"<{k}\" or \"*\""},
            "suppressed": {"type": "boolean"},
        },
        "allOf": [
            {"if": {"properties": {"suppressed": {"const": True}}},
             "then": {"properties": {"count": {"type": "null"}, "shown": {"enum": [f"<{k}", "*"]}}}},
            {"if": {"properties": {"suppressed": {"const": False}}},
             "then": {"properties": {"count": {"type": "integer"}}}},
        ],
    }
    datasets = {
        "hours": dataset("hours", hours_record, "Hours of service by month, kind, provider and agreement."),
        "events": dataset("events", event_record, "Events covered, without names or free text."),
        "quarterly": dataset("quarterly", quarterly_record, "Quarterly oversight figures, suppressed."),
    }
    defs: dict[str, Any] = {}
    for name, d in datasets.items():
        defs[f"{name}_record"] = d.pop("$defs_record")
        defs[f"{name}_file"] = d
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"{APP_TITLE} open data",
        "description": (
            "Shared services between public bodies (police, schools, town departments): hours of service, events "
            "covered and quarterly oversight figures. De-identified: no person is named or pseudonymized. "
            f"Counts from 1 to {k - 1} are suppressed (count null, shown \"<{k}\"), with complementary "
            "suppression (\"*\") so that no hidden count can be worked out from the totals."
        ),
        "version": SCHEMA_VERSION,
        "$comment": "1.0.0: first version.",
        "oneOf": [{"$ref": f"#/$defs/{name}_file"} for name in datasets],
        "$defs": defs,
    }


# ------------------------------------------------------------------------------------------------ export


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


@requires("export_data")
def export_open_data(
    session: Session,
    *,
    out: Path | str,
    date_from: dt.date | str,
    date_to: dt.date | str,
    step: Step | None = None,
) -> OpenDataResult:
    """Write the open data folder ``out`` for the period (see the module text)."""
    f = Fields()
    start = f.date(date_from, "date_from", "From", required=True)
    end = f.date(date_to, "date_to", "To", required=True)
    if start and end and end < start:
        f.error("date_to", "The period ends before it starts.")
    if start and end and (end - start).days > 3660:
        f.error("date_to", "Export at most ten years at a time.")
    f.check()
    assert start is not None and end is not None
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    k = oversight.suppression_threshold(session)
    when = now_utc()
    category_labels(session, "service_type")  # (the lists are read once so a broken database fails early)
    if step is not None:
        step(0, 4, "Hours")
    data: dict[str, list[dict[str, Any]]] = {"hours": hours_records(session, date_from=start, date_to=end)}
    if step is not None:
        step(1, 4, "Events")
    data["events"] = event_records(session, date_from=start, date_to=end)
    if step is not None:
        step(2, 4, "Quarterly figures")
    data["quarterly"], quarters = quarterly_records(session, date_from=start, date_to=end)
    fields = {"hours": HOURS_FIELDS, "events": EVENT_FIELDS, "quarterly": QUARTERLY_FIELDS}
    written = []
    schema = json_schema(k)
    write_atomically(folder / "schema.json", json.dumps(schema, ensure_ascii=False, indent=2).encode("utf-8"))
    written.append("schema.json")
    for name in DATASETS:
        doc = {
            "dataset": name, "schema_version": SCHEMA_VERSION, "generated_at": when.isoformat(timespec="seconds"),
            "generated_by": f"{APP_TITLE} {__version__}",
            "period": {"from": start.isoformat(), "to": end.isoformat()}, "suppression_threshold": k,
            "records": data[name],
        }
        write_atomically(folder / f"{name}.json", json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
        rows = [fields[name]] + [[_csv_value(r[c]) for c in fields[name]] for r in data[name]]
        write_atomically(folder / f"{name}.csv", csv_bytes(rows))
        written += [f"{name}.json", f"{name}.csv"]
    readme = (
        f"Open data from {APP_TITLE}, {start} to {end} (schema version {SCHEMA_VERSION}).\n\n"
        "hours.csv/json: hours of service by month, kind, provider and agreement (no person named).\n"
        "events.csv/json: events covered: date, local times, site, type, status, agreement, officer-hours.\n"
        f"quarterly.csv/json: oversight counts; counts from 1 to {k - 1} are not published (\"<{k}\"), nor the cells "
        "that would reveal them (\"*\").\n"
        "schema.json: the JSON Schema (draft 2020-12) every .json file follows; the CSV files have the same "
        "columns as the records.\n"
    )
    write_atomically(folder / "README.txt", readme.encode("utf-8"))
    written.append("README.txt")
    if step is not None:
        step(4, 4, "Done")
    return OpenDataResult(str(folder), tuple(written), {n: len(v) for n, v in data.items()}, tuple(quarters), k,
                          SCHEMA_VERSION)
