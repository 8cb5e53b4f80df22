"""The ``sharedsvc`` command line, run as real subprocesses against real data folders.

Each command costs about a second of start-up (SQLAlchemy, Alembic, the models), so the commands are run once, in
a module fixture, several at a time: first the independent ones (the demo, and scripted sessions in empty
folders), then everything that reads the demo folder. The tests then look at the recorded results. Running the
demo-folder commands side by side is also what happens when a user has a window open and runs a script.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.storage import migrate

TIMEOUT = 120
Result = subprocess.CompletedProcess[str]


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SHAREDSVC_DATA_DIR", None)
    env.pop("SHAREDSVC_DATABASE_URL", None)
    return env


def sharedsvc(data_dir: Path | None, *args: str) -> Result:
    where = ["--data-dir", str(data_dir)] if data_dir is not None else []
    return subprocess.run(
        [sys.executable, "-m", "sharedsvc_desktop", *where, *args],
        capture_output=True,
        text=True,
        env=cli_env(),
        timeout=TIMEOUT,
    )


def python(code: str) -> Result:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=cli_env(), timeout=TIMEOUT
    )


def in_parallel(jobs: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
        return {name: future.result() for name, future in futures.items()}


def ok(result: Result) -> str:
    assert result.returncode == 0, (result.args, result.stderr)
    return result.stdout


def one_line_error(result: Result, code: int = 1) -> str:
    assert result.returncode == code, (result.args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def db_file(data_dir: Path) -> Path:
    return data_dir / "sharedsvc.sqlite3"


def query(data_dir: Path, sql: str, *params: object) -> list[tuple]:
    con = sqlite3.connect(f"file:{db_file(data_dir)}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def table_counts(file: Path) -> dict[str, int]:
    con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


IMPORT_CHECK = """
    import sys
    import sharedsvc_desktop.cli, sharedsvc_desktop.launcher
    import sharedsvc_desktop.models, sharedsvc_desktop.errors, sharedsvc_desktop.timeutil
    import sharedsvc_desktop.storage.engine, sharedsvc_desktop.storage.migrate
    import sharedsvc_desktop.storage.backup, sharedsvc_desktop.storage.check
    import sharedsvc_desktop.services.demo, sharedsvc_desktop.services.officers
    import sharedsvc_desktop.services.sites, sharedsvc_desktop.services.events
    import sharedsvc_desktop.services.dashboard, sharedsvc_desktop.services.reports
    import sharedsvc_desktop.documents.roster
    import importlib
    commands = importlib.import_module("sharedsvc_desktop.cli.main")
    commands.build_parser()  # loads every command module
    for name in commands.COMMAND_MODULES:
        assert "sharedsvc_desktop.cli." + name in sys.modules, name
    qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "sharedsvc_desktop.gui")))
    assert not qt, qt
    print("clean")
"""

LAUNCHER_CHECK = """
    import sys
    from sharedsvc_desktop import launcher
    assert launcher.main(["--data-dir", {data_dir!r}, "officers", "list"]) == 0
    assert launcher.main(["--data-dir", {data_dir!r}, "officers", "roster", "--out", {pdf!r}]) == 0
    qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "sharedsvc_desktop.gui")))
    assert not qt, qt
    print("clean", file=sys.stderr)
"""


@dataclass
class Runs:
    demo_dir: Path
    officer_dir: Path
    school_dir: Path
    out_dir: Path
    range_from: dt.date
    range_to: dt.date
    counts_before: dict[str, int]
    r: dict[str, Any]


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    base = tmp_path_factory.mktemp("cli")
    demo_dir, officer_dir, school_dir, out_dir = (base / n for n in ("demo", "officers", "schools", "out"))
    out_dir.mkdir()

    def officer_session() -> dict[str, Result]:
        """add a good officer -> show it -> deactivate it -> list."""
        steps = {
            "add": ("officers", "add", "--first-name", "Zoë", "--last-name", "O’Brien", "--badge", "W-77",
                    "--rank", "Sergeant", "--email", "zobrien@pd.example.org", "--hire-date", "2019-04-01"),
            "show": ("officers", "show", "W-77"),
            "deactivate": ("officers", "deactivate", "W-77"),
            "list": ("officers", "list", "--json"),
        }
        return {name: sharedsvc(officer_dir, *args) for name, args in steps.items()}

    def school_session() -> dict[str, Result]:
        return {
            "add": sharedsvc(school_dir, "schools", "add", "--name", "Conard High School", "--level", "high",
                             "--principal", "Julian Park"),
            "list": sharedsvc(school_dir, "schools", "list", "--json"),
        }

    # phase 1: things that do not need each other
    first = in_parallel(
        {
            "demo": lambda: sharedsvc(demo_dir, "demo"),
            "officer_session": officer_session,
            "school_session": school_session,
            "import_check": lambda: python(IMPORT_CHECK),
            "version": lambda: sharedsvc(None, "--version"),
            "frobnicate": lambda: sharedsvc(None, "officers", "frobnicate"),
            "bad_date": lambda: sharedsvc(None, "events", "list", "--from", "next tuesday"),
        }
    )
    assert first["demo"].returncode == 0, first["demo"].stderr
    counts_before = table_counts(db_file(demo_dir))

    # phase 2: everything that reads (or is refused) on the demo folder, side by side.
    # The CLI demo is built around the real today; with the test clock at 2026-11-23 this range is 24-30 Nov.
    range_from = dt.date.today() + dt.timedelta(days=1)
    range_to = range_from + dt.timedelta(days=6)
    second = in_parallel(
        {
            "list_json": lambda: sharedsvc(demo_dir, "officers", "list", "--json"),
            "demo_again": lambda: sharedsvc(demo_dir, "demo"),
            "bad_email": lambda: sharedsvc(demo_dir, "officers", "add", "--first-name", "Bad", "--last-name",
                                           "Mail", "--badge", "Z-1", "--email", "bad.mail.example.org"),
            "events": lambda: sharedsvc(demo_dir, "events", "list", "--from", range_from.isoformat(), "--to",
                                        range_to.isoformat(), "--json"),
            "check": lambda: sharedsvc(demo_dir, "db", "check"),
            "backup": lambda: sharedsvc(demo_dir, "db", "backup", "--out", str(out_dir / "copy.sqlite3")),
            "upgrade": lambda: sharedsvc(demo_dir, "db", "upgrade"),
            "roster": lambda: sharedsvc(demo_dir, "officers", "roster", "--out", str(out_dir / "roster.pdf")),
            "launcher": lambda: python(
                LAUNCHER_CHECK.format(data_dir=str(demo_dir), pdf=str(out_dir / "launcher-roster.pdf"))
            ),
        }
    )
    return Runs(demo_dir, officer_dir, school_dir, out_dir, range_from, range_to, counts_before,
                {**first, **second})


# ------------------------------------------------------------------------------------------------- basics


def test_version(runs):
    assert ok(runs.r["version"]).strip() == f"{APP_TITLE} {__version__}"


def test_bad_usage_exits_2(runs):
    result = runs.r["frobnicate"]
    line = one_line_error(result, code=2)
    assert "invalid choice" in line and "frobnicate" in line
    assert result.stdout == ""
    line = one_line_error(runs.r["bad_date"], code=2)
    assert "next tuesday" in line and "YYYY-MM-DD" in line


# ------------------------------------------------------------------------------------------------ officers


def test_demo_loads_and_officers_list_json(runs):
    assert ok(runs.r["demo"]).startswith(f"Demo data loaded into {db_file(runs.demo_dir)}")
    listed = json.loads(ok(runs.r["list_json"]))
    assert isinstance(listed, list) and len(listed) == 20
    assert all(isinstance(r, dict) and "badge_number" in r for r in listed)
    stored = {b for (b,) in query(runs.demo_dir, "SELECT badge_number FROM officer")}
    assert {r["badge_number"] for r in listed} == stored
    assert [r["last_name"].lower() for r in listed] == sorted(r["last_name"].lower() for r in listed)


def test_demo_twice_is_refused_in_one_line(runs):
    result = runs.r["demo_again"]
    line = one_line_error(result)
    assert line.startswith("sharedsvc: error: The demo data can only be loaded into an empty database")
    assert result.stdout == ""


def test_refused_commands_changed_nothing(runs):
    # neither the second demo nor the officer with a bad e-mail (nor anything else of phase 2) wrote a row
    assert table_counts(db_file(runs.demo_dir)) == runs.counts_before


def test_officers_add_with_a_bad_email(runs):
    line = one_line_error(runs.r["bad_email"])
    assert "e-mail" in line and "bad.mail.example.org" in line
    assert query(runs.demo_dir, "SELECT count(*) FROM officer") == [(runs.counts_before["officer"],)]
    assert query(runs.demo_dir, "SELECT count(*) FROM officer WHERE badge_number = 'Z-1'") == [(0,)]


def test_officers_add_then_show(runs):
    steps = runs.r["officer_session"]
    added = ok(steps["add"])
    assert "Zoë O’Brien" in added and "badge W-77" in added
    shown = ok(steps["show"])
    assert shown.splitlines()[0].startswith("Zoë O’Brien — Sergeant, badge W-77")
    assert "zobrien@pd.example.org" in shown
    assert "Hired: 2019-04-01" in shown
    assert "Not eligible" in shown  # no training recorded yet


def test_officers_deactivate(runs):
    steps = runs.r["officer_session"]
    assert "O’Brien (badge W-77) is now inactive" in ok(steps["deactivate"])
    listed = json.loads(ok(steps["list"]))
    assert [(r["badge_number"], r["status"]) for r in listed] == [("W-77", "inactive")]
    # the row is kept
    assert query(runs.officer_dir, "SELECT o.status, p.first_name, p.last_name, p.active FROM officer o "
                                   "JOIN person p ON p.id = o.person_id") == [("inactive", "Zoë", "O’Brien", 0)]


def test_officers_roster_pdf(runs):
    pdf = runs.out_dir / "roster.pdf"
    total = query(runs.demo_dir, "SELECT count(*) FROM officer")[0][0]
    assert f"Roster of {total} officers written to {pdf}" in ok(runs.r["roster"])
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout
    text = " ".join(text.decode("utf-8").split())
    last_names = [n for (n,) in query(runs.demo_dir, "SELECT p.last_name FROM officer o JOIN person p "
                                                     "ON p.id = o.person_id")]
    assert [n for n in last_names if n not in text] == []


# ------------------------------------------------------------------------------------------------- schools


def test_schools_add_then_list(runs):
    steps = runs.r["school_session"]
    assert ok(steps["add"]).startswith("Added Conard High School (id ")
    listed = json.loads(ok(steps["list"]))
    assert len(listed) == 1
    school = listed[0]
    assert (school["name"], school["level"], school["in_district"], school["active"]) == (
        "Conard High School", "high", True, True
    )
    assert school["principal_name"] == "Julian Park"
    assert query(runs.school_dir, "SELECT name, level FROM site") == [("Conard High School", "high")]


# -------------------------------------------------------------------------------------------------- events


def test_events_list_by_local_dates(runs):
    first, last = runs.range_from, runs.range_to
    listed = json.loads(ok(runs.r["events"]))
    assert len(listed) > 0
    for r in listed:
        assert first <= dt.date.fromisoformat(r["local_start"][:10]) <= last
        hours = (dt.datetime.fromisoformat(r["ends_at"]) - dt.datetime.fromisoformat(r["starts_at"])).total_seconds()
        assert r["hours"] == pytest.approx(hours / 3600, abs=0.01)
    # the same set, computed from the stored UTC times and each event's own zone
    expected = []
    for event_id, starts, ends, zone in query(runs.demo_dir, "SELECT id, starts_at, ends_at, timezone FROM event"):
        local_start = dt.datetime.fromisoformat(starts).replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone))
        local_end = dt.datetime.fromisoformat(ends).replace(tzinfo=dt.UTC).astimezone(ZoneInfo(zone))
        if local_end.date() >= first and local_start.date() <= last:
            expected.append(event_id)
    assert sorted(r["id"] for r in listed) == sorted(expected)


# ---------------------------------------------------------------------------------------------- db upkeep


def test_db_check(runs):
    out = ok(runs.r["check"])
    assert out.splitlines()[-1] == "result: OK"
    assert "integrity (quick_check): ok" in out
    assert f"schema revision: {migrate.head_revision()} (up to date)" in out


def test_db_backup(runs):
    target = runs.out_dir / "copy.sqlite3"
    assert str(target) in ok(runs.r["backup"])
    con = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert table_counts(target) == table_counts(db_file(runs.demo_dir))


def test_db_upgrade_when_up_to_date(runs):
    assert ok(runs.r["upgrade"]).strip() == f"The schema is already up to date ({migrate.head_revision()})."
    assert not (runs.demo_dir / "backups").exists()


# ------------------------------------------------------------------------------------------- no Qt needed


def test_core_modules_do_not_import_pyside6(runs):
    assert ok(runs.r["import_check"]).strip() == "clean"


def test_running_a_command_does_not_load_pyside6(runs):
    result = runs.r["launcher"]
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "clean"
    assert "BADGE" in result.stdout  # the table really was printed
    assert (runs.out_dir / "launcher-roster.pdf").read_bytes().startswith(b"%PDF")
