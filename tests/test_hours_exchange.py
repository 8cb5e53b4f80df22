"""Spreadsheet import/export of hour entries: round trips, the validation report, all-or-nothing, speed, CLI."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
import time

import pytest
from sqlalchemy import text

from sharedsvc_desktop.exchange import hours_csv, hours_xlsx
from sharedsvc_desktop.services.demo import load_demo
from sharedsvc_desktop.storage import open_database
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql

HEADER = ",".join(hours_csv.COLUMNS)
SIGNATURE_SQL = (
    "SELECT h.work_date, p.first_name || ' ' || p.last_name, h.kind, coalesce(s.name, ''), h.minutes, "
    "h.starts_at, h.ends_at, coalesce(a.number, ''), h.billable, h.notes, coalesce(h.event_id, 0) "
    "FROM hour_entry h JOIN person p ON p.id = h.person_id LEFT JOIN site s ON s.id = h.site_id "
    "LEFT JOIN agreement a ON a.id = h.agreement_id"
)


def q(db, sql, **params):
    return named_sql(db, sql, **params)


def count(db) -> int:
    return q(db, "SELECT count(*) FROM hour_entry")[0][0]


@pytest.fixture
def target_db(tmp_path):
    """A second database holding the demo's parties, sites, people, agreements and events, with no hours
    (the demo loaded with the same seed and date, then its hour entries deleted)."""
    database = open_database(tmp_path / "target")
    with database.session() as s:
        load_demo(s, today=DEMO_TODAY)
        s.execute(text("DELETE FROM hour_entry"))
    yield database
    database.dispose()


def totals(db):
    return {
        "kind": sorted(q(db, "SELECT kind, sum(minutes), count(*) FROM hour_entry GROUP BY kind")),
        "person": sorted(q(db, "SELECT p.last_name, sum(minutes) FROM hour_entry h JOIN person p "
                               "ON p.id = h.person_id GROUP BY p.id")),
        "month": sorted(q(db, "SELECT substr(CAST(work_date AS TEXT), 1, 7), sum(minutes) FROM hour_entry GROUP BY 1")),
        "rows": sorted(map(tuple, q(db, SIGNATURE_SQL))),
    }


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_imports_back_with_identical_totals(demo_db, target_db, tmp_path, suffix):
    out = tmp_path / f"hours{suffix}"
    with demo_db.session() as s:
        written = hours_csv.export_hours(s, out=out)
    assert written == count(demo_db)
    assert q(demo_db, "SELECT count(*) FROM hour_entry WHERE exported_at IS NULL")[0][0] == 0
    assert count(target_db) == 0
    with target_db.session() as s:
        report = hours_csv.import_hours_file(s, path=out)
    assert report.errors == [] and report.imported == written
    assert totals(target_db) == totals(demo_db)
    batches = q(target_db, "SELECT DISTINCT import_batch, status FROM hour_entry")
    assert batches == [(report.batch, "submitted")]


def test_csv_has_the_documented_columns(demo_db, tmp_path):
    out = tmp_path / "h.csv"
    with demo_db.session() as s:
        hours_csv.export_hours_csv(s, out=out, date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 31))
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == hours_csv.COLUMNS
        data = list(reader)
    assert len(data) == q(demo_db, "SELECT count(*) FROM hour_entry WHERE work_date BETWEEN '2026-10-01' AND '2026-10-31'")[0][0]
    game = next(r for r in data if r["kind"] == "event_coverage")
    assert game["start"] == "19:00" and game["event"].isdigit() and game["agreement"].startswith("AGR-")
    assert all(len(r["date"]) == 10 and r["billable"] in ("yes", "no") for r in data)


def test_xlsx_opens_in_libreoffice(demo_db, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "h.xlsx"
    with demo_db.session() as s:
        n = hours_xlsx.export_hours_xlsx(s, out=out, date_from=dt.date(2026, 9, 1), date_to=dt.date(2026, 9, 30))
    subprocess.run([soffice, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path / "lo"), str(out)],
                   check=True, capture_output=True, timeout=180)
    with open(tmp_path / "lo" / "h.csv", newline="", encoding="utf-8", errors="replace") as fh:
        data = list(csv.reader(fh))
    assert data[0] == hours_csv.COLUMNS and len(data) == n + 1
    assert data[1][0].startswith("2026-09")


BAD = """date,person,badge,site,kind,start,end,hours,event,agreement,billable,notes
2026-11-02,,N101,Norwich High School,building_patrol,09:00,10:00,,,,no,good one
2026-11-02,Nobody Here,,Norwich High School,building_patrol,09:00,10:00,,,,no,
2026-13-02,,N101,Norwich High School,building_patrol,09:00,10:00,,,,no,
2026-11-03,,N101,Mars Academy,patrolling,09:00,08:00,,,AGR-9,maybe,
2026-11-03,,N101,,other,,,-3,,,no,
2026-11-03,,W2212,,other,,,2,,,no,on leave
2026-11-04,,N102,,other,,,20,,,no,
2026-11-04,,N102,,other,,,5,,,no,
2026-11-05,,N103,Norwich High School,other,"22:00","04:00",,,,no,night without hours
2026-11-05,,N104,Norwich High School,other,22:00,04:00,6.00,,,no,night with hours
"""


def test_every_bad_row_is_reported_and_nothing_is_imported(demo_db, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(BAD, encoding="utf-8")
    before = count(demo_db)
    with demo_db.session() as s:
        report = hours_csv.import_hours_file(s, path=path)
    assert count(demo_db) == before and report.imported == 0
    lines = {e.line: e.reason for e in report.errors}
    assert sorted(lines) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert "no person called “Nobody Here”" in lines[3]
    assert "not a date" in lines[4]
    for part in ("no school or site called “Mars Academy”", "kind “patrolling”", "no agreement", "billable"):
        assert part in lines[5]
    assert "negative" in lines[6]
    assert "on leave" in lines[7]
    assert "more than 24 hours" in lines[8] and "more than 24 hours" in lines[9]
    assert "before the start" in lines[10]
    # the user accepts leaving the bad rows out: the two good rows go in, in one batch
    with demo_db.session() as s:
        report = hours_csv.import_hours_file(s, path=path, accept_bad_rows=True)
    assert report.imported == 2 and count(demo_db) == before + 2
    night = q(demo_db, "SELECT minutes FROM hour_entry WHERE notes = 'night with hours'")
    assert night == [(360,)]


def test_column_mapping_for_a_sheet_laid_out_differently(demo_db, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("Employee;Worked on;Where;What;Hrs;Comment\n"
                    "Kevin Doyle;2026-11-07;;it_service;3,5;router\n"
                    "Lisa Tran;2026-11-07;;IT service (in kind);2;switch\n", encoding="utf-8")
    with demo_db.session() as s:
        sheet = hours_csv.read_sheet(path)
        guessed = hours_csv.guess_mapping(sheet.headers)
        assert guessed["person"] == 0 and guessed["date"] is None
        report = hours_csv.import_sheet(s, sheet=sheet, mapping={"date": "Worked on", "kind": "What",
                                                                 "site": "Where", "notes": "Comment"})
    assert report.errors == [] and report.imported == 2
    assert q(demo_db, "SELECT sum(minutes) FROM hour_entry WHERE import_batch = :b", b=report.batch) == [(330,)]


def test_ambiguous_fall_back_time_is_resolved_by_the_hours(demo_db, tmp_path):
    path = tmp_path / "dst.csv"
    path.write_text(HEADER + "\n2026-11-01,,N105,Norwich High School,other,01:30,02:30,2.00,,,no,\n"
                    "2026-11-01,,N106,Norwich High School,other,01:30,02:30,,,,no,\n", encoding="utf-8")
    with demo_db.session() as s:
        report = hours_csv.import_hours_file(s, path=path, dry_run=True)
    assert [e.line for e in report.errors] == [3] and "ambiguous" in report.errors[0].reason
    assert report.good_rows == 1 and report.minutes == 120 and count(demo_db) == q(demo_db, "SELECT count(*) "
                                                                                   "FROM hour_entry")[0][0]


def test_a_failure_half_way_leaves_nothing_behind(demo_db, tmp_path, monkeypatch):
    path = tmp_path / "many.csv"
    body = "".join(f"2026-11-{d:02d},,N107,,other,,,1,,,no,\n" for d in range(2, 20))
    path.write_text(HEADER + "\n" + body, encoding="utf-8")
    before = count(demo_db)
    monkeypatch.setattr(hours_csv, "CHUNK", 5)
    real_execute, calls = hours_csv._execute, []

    def failing_execute(connection, sql, rows):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk trouble")
        return real_execute(connection, sql, rows)

    monkeypatch.setattr(hours_csv, "_execute", failing_execute)
    with pytest.raises(RuntimeError), demo_db.session() as s:
        hours_csv.import_hours_file(s, path=path)
    assert count(demo_db) == before


def test_twenty_thousand_rows_import_in_seconds(db, tmp_path):
    from sharedsvc_desktop.services import officers

    with db.session() as s:
        for i in range(20):
            officers.add_officer(s, first_name="Pat", last_name=f"Number{i}", badge_number=f"B{i}")
    lines = [HEADER]
    day = dt.date(2026, 1, 1)
    for n in range(20_000):
        d = day + dt.timedelta(days=n // 200)
        hour = 6 + (n % 10)
        lines.append(f"{d},,B{(n // 10) % 20},,building_patrol,{hour:02d}:00,{hour:02d}:30,,,,no,")
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    with db.session() as s:
        report = hours_csv.import_hours_file(s, path=path)
    elapsed = time.perf_counter() - started
    assert report.errors == [] and report.imported == 20_000
    assert q(db, "SELECT count(*), sum(minutes) FROM hour_entry") == [(20_000, 600_000)]
    assert elapsed < 15, elapsed


def run_cli(monkeypatch, capsys, *argv):
    import importlib

    main = importlib.import_module("sharedsvc_desktop.cli.main")

    assert {"hours", "report"} <= set(main.COMMAND_MODULES)
    args = main.build_parser().parse_args(list(argv))
    code = main.run(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_import_dry_run_bad_rows_and_export(demo_db, tmp_path, monkeypatch, capsys):
    where = (["--data-dir", str(demo_db.data_dir)] if demo_db.is_sqlite
             else ["--database-url", demo_db.url.render_as_string(hide_password=False)])
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    before = count(demo_db)
    code, out, err = run_cli(monkeypatch, capsys, *where, "hours", "import", str(bad))
    assert code == 1 and count(demo_db) == before
    assert "line 3:" in err and "line 10:" in err and "Nothing was imported" in out
    csv_out = tmp_path / "out.csv"
    code, out, err = run_cli(monkeypatch, capsys, *where, "hours", "export", "--from",
                             "2026-10-01", "--to", "2026-10-31", "--out", str(csv_out))
    assert code == 0, err
    n = q(demo_db, "SELECT count(*) FROM hour_entry WHERE work_date BETWEEN '2026-10-01' AND '2026-10-31'")[0][0]
    assert f"{n:,} hour entries" in out
    good = tmp_path / "good.csv"
    good.write_text(HEADER + "\n2026-11-09,,N101,,other,,,1.25,,,no,cli\n", encoding="utf-8")
    code, out, _ = run_cli(monkeypatch, capsys, *where, "hours", "import", str(good),
                           "--dry-run")
    assert code == 0 and "dry run" in out and count(demo_db) == before
    code, out, _ = run_cli(monkeypatch, capsys, *where, "hours", "import", str(good))
    assert code == 0 and count(demo_db) == before + 1
