"""Write a realistic ten-year database, fast (bulk inserts straight through sqlite3).

    python bench/make_db.py DATA_DIR [--scale large|small] [--years 10]

large: 60 officers, 25 sites, 30,000 events with assignments, 1,000,000 hour entries, 400 agreement versions,
40 quarters of data. small (for CI's smoke run): a hundredth of it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sharedsvc_desktop import paths  # noqa: E402
from sharedsvc_desktop.storage import open_database  # noqa: E402

TZ = ZoneInfo("America/New_York")
UTC = dt.UTC
SCALES = {
    "large": {"officers": 60, "sites": 25, "events": 30_000, "hours": 1_000_000, "agreements": 40, "versions": 10},
    "small": {"officers": 20, "sites": 8, "events": 300, "hours": 10_000, "agreements": 4, "versions": 3},
}
KINDS = ["event_coverage", "building_patrol", "sro_duty", "it_service", "other"]
EVENT_TYPES = ["graduation", "varsity_game", "dance", "prom", "homecoming", "alcohol_free_party", "assembly", "other"]


def _ts(moment: dt.datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def make(data_dir: Path, *, scale: str = "large", years: int = 10, seed: int = 10) -> dict[str, int]:
    cfg = SCALES[scale]
    rng = random.Random(seed)
    db = open_database(data_dir)  # creates the schema (migrations) in the data folder
    db.dispose()
    con = sqlite3.connect(paths.database_file(Path(data_dir)))
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # a throwaway bulk load; the program itself always writes FULL
    now = _ts(dt.datetime.now(UTC))
    end = dt.date(2026, 6, 30)
    start = dt.date(end.year - years, 7, 1)
    counts: dict[str, int] = {}
    with con:
        con.executemany(
            "INSERT INTO party (id, name, short_name, kind, address, phone, email, timezone, active, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, '', '', '', 'America/New_York', 1, ?, ?)",
            [(1, "Town Police Department", "TPD", "police_department", now, now),
             (2, "Town Public Schools", "TPS", "school_district", now, now),
             (3, "Town Facilities", "TF", "town_department", now, now)],
        )
        levels = ["high", "middle", "elementary", "other"]
        con.executemany(
            "INSERT INTO site (id, name, party_id, level, in_district, address, principal_name, principal_id, "
            "contact_phone, contact_email, timezone, active, created_at, updated_at) "
            "VALUES (?, ?, 2, ?, 1, '', ?, NULL, '', '', 'America/New_York', 1, ?, ?)",
            [(i, f"School {i:02d}", levels[i % 4], f"Principal {i}", now, now) for i in range(1, cfg["sites"] + 1)],
        )
        people = []
        officer_rows = []
        for i in range(1, cfg["officers"] + 1):
            people.append((i, 1, f"First{i}", f"Officer{i:03d}", "Officer", f"o{i}@tpd.example.org", "", 1, "",
                           now, now))
            officer_rows.append((i, i, f"B{1000 + i}", "Officer", "2010-01-01", None, "active", 0, now, now))
        staff = cfg["officers"] + 1
        for j in range(4):  # IT staff who log in-kind hours
            people.append((staff + j, 2, f"Tech{j}", "Staff", "IT staff", "", "", 1, "", now, now))
        con.executemany(
            "INSERT INTO person (id, party_id, first_name, last_name, title, email, phone, active, notes, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", people)
        con.executemany(
            "INSERT INTO officer (id, person_id, badge_number, rank, hire_date, probation_end, status, "
            "is_supervisor, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", officer_rows)
        counts["officer"] = len(officer_rows)

        # agreements, each with a history of versions (one executed at a time)
        versions = []
        sections = []
        vid = 0
        for a in range(1, cfg["agreements"] + 1):
            con.execute(
                "INSERT INTO agreement (id, number, kind, title, active, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 1, ?, ?)",
                (a, f"AGR-{2000 + a}", "sro_program" if a % 2 else "in_kind_exchange", f"Agreement {a}", now, now))
            con.executemany("INSERT INTO agreement_party (agreement_id, party_id, position) VALUES (?, ?, ?)",
                            [(a, 1, 0), (a, 2, 1)])
            for v in range(1, cfg["versions"] + 1):
                vid += 1
                status = "executed" if v == cfg["versions"] else "superseded"
                eff = start + dt.timedelta(days=365 * (v - 1) * years // cfg["versions"])
                versions.append((vid, a, v, status, "sro_program", eff.isoformat(), 12, 1, 7, "", 0, "", "",
                                 eff.isoformat(), now, now))
                for k in range(11):
                    sections.append((vid, k + 1, "", f"Section {k + 1}",
                                     f"Clause text {k} of version {v} of agreement {a}. " * 5))
        con.executemany(
            "INSERT INTO agreement_version (id, agreement_id, version_no, status, template_code, effective_date, "
            "term_months, auto_renew, notice_days, overtime_rules, witness_lines, change_summary, "
            "fingerprint_sha256, executed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?)", versions)
        con.executemany(
            "INSERT INTO agreement_section (version_id, position, clause_code, heading, body) VALUES (?, ?, ?, ?, ?)",
            sections)
        con.executemany(
            "INSERT INTO agreement_service (version_id, provider_party_id, service_type, hourly_rate_cents, "
            "min_callout_minutes, short_notice_days, short_notice_surcharge_pct, overtime_multiplier_pct, "
            "late_cancel_hours, late_cancel_charge_minutes, in_kind) VALUES (?, 1, 'event_coverage', 6500, 180, 0, 0, "
            "150, 0, 0, 0)", [(v[0],) for v in versions])
        counts["agreement_version"] = len(versions)

        # events with assignments, spread over the years
        days = (end - start).days
        events, assignments = [], []
        for e in range(1, cfg["events"] + 1):
            day = start + dt.timedelta(days=rng.randrange(days))
            local = dt.datetime.combine(day, dt.time(rng.choice([17, 18, 19])), TZ)
            s_utc, e_utc = local, local + dt.timedelta(hours=rng.choice([2, 3, 4]))
            events.append((e, rng.randrange(1, cfg["sites"] + 1), 1 + e % cfg["agreements"],
                           rng.choice(EVENT_TYPES), f"Event {e}", _ts(s_utc), _ts(e_utc), "America/New_York",
                           rng.randrange(50, 2000), 2, 0, "", "", "", "", "completed", "", _ts(s_utc), now, now))
            for k in range(2):
                assignments.append((e, 1 + (e * 7 + k * 13) % cfg["officers"], _ts(s_utc), _ts(e_utc), 1, 0, 0,
                                    "", now, now))
        con.executemany(
            "INSERT INTO event (id, site_id, agreement_id, event_type, title, starts_at, ends_at, timezone, "
            "expected_attendance, officers_requested, supervisor_required, requester_name, requester_contact, "
            "notes, decline_reason, status, external_request_id, requested_at, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?)", events)
        con.executemany(
            "INSERT INTO assignment (event_id, officer_id, starts_at, ends_at, active, is_supervisor, is_overtime, "
            "override_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", assignments)
        counts["event"], counts["assignment"] = len(events), len(assignments)

        # a million hour entries, in batches
        total = cfg["hours"]
        batch = []
        people_ids = [p[0] for p in people]
        for n in range(total):
            person = people_ids[n % len(people_ids)]
            day = start + dt.timedelta(days=(n * 7919) % days)
            kind = KINDS[3] if person > cfg["officers"] else KINDS[n % 3]
            minutes = (30, 60, 90, 120, 180, 240, 480)[n % 7]
            local = dt.datetime.combine(day, dt.time(8 + n % 10), TZ)
            batch.append((person, day.isoformat(), _ts(local), _ts(local + dt.timedelta(minutes=minutes)), minutes,
                          kind, 1 + n % cfg["sites"], None, 1 + n % cfg["agreements"] if n % 5 else None,
                          int(n % 11 == 0), "", "approved", "", now, now))
            if len(batch) == 50_000 or n == total - 1:
                con.executemany(
                    "INSERT INTO hour_entry (person_id, work_date, starts_at, ends_at, minutes, kind, site_id, "
                    "event_id, agreement_id, billable, notes, status, change_reason, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
                batch.clear()
        counts["hour_entry"] = total

        # forty quarters of school and police data for every school
        report_id = 0
        reports, counts_rows = [], []
        q_start = end.year - years
        for year in range(q_start, end.year):
            for q in range(1, 5):
                for site in range(1, cfg["sites"] + 1):
                    for side in ("school", "police"):
                        report_id += 1
                        reports.append((report_id, site, side, f"{year}Q{q}", 0, f"{year}-{3 * q:02d}-28", "", now,
                                        now))
                        measure = "disciplinary_action" if side == "school" else "police_action"
                        for cat in ("a", "b", "c"):
                            counts_rows.append((report_id, measure, "type", cat, rng.randrange(0, 40)))
        con.executemany(
            "INSERT INTO data_report (id, site_id, side, period, is_baseline, submitted_on, notes, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", reports)
        con.executemany(
            "INSERT INTO data_count (report_id, measure, dimension, category, value) VALUES (?, ?, ?, ?, ?)",
            counts_rows)
        counts["data_report"] = len(reports)
    con.execute("PRAGMA optimize")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args(argv)
    if paths.database_file(args.data_dir).exists():
        parser.error(f"{args.data_dir} already holds a database")
    started = time.perf_counter()
    counts = make(args.data_dir, scale=args.scale, years=args.years)
    took = time.perf_counter() - started
    print(f"wrote {paths.database_file(args.data_dir)} in {took:.1f} s: "
          + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
