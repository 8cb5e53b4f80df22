"""Measure the program against the physical limits of its stack, in the same run, as ratios.

    python bench/run.py [--data DIR] [--scale large|small] [--reps 3]

Each figure is timed for the program and for the bare-stack baseline in the same run, several times; the table
shows the median ratio (min–max) and whether it meets the target. These machines are noisy: read the ratios,
not the seconds. ``--scale small`` is the smoke run CI does so the benchmarks cannot rot (it never fails on
timings). Without ``--data`` the database is made first (bench/make_db.py).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SHAREDSVC_CHEAP_HASHES", "1")


@dataclass
class Figure:
    name: str
    compares: str
    target: float
    ratios: list[float]
    unit: str = "x"  # "x": a ratio; "ms": an absolute time

    @property
    def median(self) -> float:
        return statistics.median(self.ratios)

    @property
    def passed(self) -> bool:
        return self.median <= self.target


def _child(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Run ``code`` in a fresh interpreter; the wall time from start to exit, and what it printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})}, cwd=ROOT)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"child failed: {done.stderr[-2000:]}")
    return took, done.stdout


BARE_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
    app = QApplication(sys.argv[:1])
    w = QMainWindow(); w.setCentralWidget(QLabel("ready")); w.resize(1200, 760); w.show()
    app.processEvents(); w.grab()
""")

APP_START = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication
    from sharedsvc_desktop.gui.app import application, build_window
    from sharedsvc_desktop.storage import open_database
    app = application()
    db = open_database(sys.argv[1], check="deferred")  # as the window opens it (the check runs after)
    window = build_window(db)
    window.resize(1200, 760); window.show()
    import time
    while window.dashboard.data is None:  # the event loop, as the user's window runs it
        app.processEvents(); time.sleep(0.0005)
    app.processEvents(); window.grab()
    print(len(window.dashboard.data.upcoming))
""")

MEMORY = textwrap.dedent("""
    import resource, sys
    from PySide6.QtWidgets import QApplication
    from sharedsvc_desktop.gui.app import application, build_window
    from sharedsvc_desktop.storage import open_database
    app = application()
    db = open_database(sys.argv[1], check=False)
    window = build_window(db)
    window.resize(1200, 760); window.show()
    window.go_to("Hours")
    view = window.hours
    for _ in range(200):
        app.processEvents(); window.runner.wait_for_idle(20)
        if view.model.rowCount() and view.model.row_object(0) is not None:
            break
    table = view.table
    for step in range(30):  # scroll through a few thousand rows, as a user would
        table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
        app.processEvents(); window.runner.wait_for_idle(50); app.processEvents()
    window.grab()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, view.model.rowCount())
""")


def _median_ratio(ours: Callable[[], float], base: Callable[[], float], reps: int) -> list[float]:
    ratios = []
    for _ in range(reps):
        b = base()
        o = ours()
        ratios.append(o / b)
    return ratios


# ------------------------------------------------------------------------------------------------- figures


def fig_start(data: Path, reps: int) -> Figure:
    ratios = _median_ratio(lambda: _child(APP_START, str(data))[0], lambda: _child(BARE_WINDOW)[0], reps)
    return Figure("start", "the program to the Dashboard painted with real data / a bare QMainWindow", 2.5, ratios)


def fig_memory(data: Path, empty: Path, reps: int) -> Figure:
    ratios = []
    for _ in range(max(1, reps - 1)):
        big = int(_child(MEMORY, str(data))[1].split()[0])
        small = int(_child(MEMORY, str(empty))[1].split()[0])
        ratios.append(big / small)
    return Figure("memory", "peak RSS, Hours view open and scrolled on the big database / on an empty one", 1.5,
                  ratios)


def _qt():
    from PySide6.QtWidgets import QApplication

    from sharedsvc_desktop.gui.app import application

    return application(), QApplication


def fig_hours_table(data: Path, reps: int) -> tuple[Figure, Figure]:
    from PySide6.QtSql import QSqlDatabase, QSqlQueryModel
    from PySide6.QtWidgets import QTableView

    from sharedsvc_desktop.gui.ops import DbRunner
    from sharedsvc_desktop.gui.views.hours import HoursView
    from sharedsvc_desktop.storage import open_database

    app, QApplication = _qt()
    file = data / "sharedsvc.sqlite3"
    sql = ("SELECT h.work_date, p.first_name || ' ' || p.last_name, h.kind, s.name, h.minutes / 60.0, h.status "
           "FROM hour_entry h JOIN person p ON p.id = h.person_id LEFT JOIN site s ON s.id = h.site_id "
           "ORDER BY h.work_date DESC, h.id DESC")
    qdb = QSqlDatabase.addDatabase("QSQLITE", "bench")
    qdb.setDatabaseName(str(file))
    qdb.open()

    def baseline(where: str = "") -> float:
        started = time.perf_counter()
        model = QSqlQueryModel()
        query = sql if not where else sql.replace("ORDER BY", f"WHERE {where} ORDER BY")
        model.setQuery(query, qdb)
        view = QTableView()
        view.setModel(model)
        view.resize(1100, 700)
        view.show()
        app.processEvents()
        view.grab()
        took = time.perf_counter() - started
        view.close()
        return took

    db = open_database(data, check=False)
    runner = DbRunner(db)
    person = sqlite3.connect(file).execute(
        "SELECT person_id FROM hour_entry ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM hour_entry)"
    ).fetchone()[0]

    def painted(view: HoursView) -> None:
        while True:  # the event loop, as the window runs it (results arrive as queued signals)
            app.processEvents()
            time.sleep(0.0005)
            model = view.model
            if not model.loading and model.rowCount() and model.row_object(0) is not None:
                break
        view.grab()

    def ours_first() -> float:
        started = time.perf_counter()
        view = HoursView(runner)
        view.resize(1100, 760)
        view.show()
        view.reload()
        painted(view)
        took = time.perf_counter() - started
        runner.wait_for_idle(60_000)
        view.close()
        return took

    first = Figure("hours table", "first paint of the Hours view over all entries / QSqlQueryModel", 2.0,
                   _median_ratio(ours_first, baseline, reps))

    view = HoursView(runner)
    view.resize(1100, 760)
    view.show()
    view.reload()
    painted(view)
    runner.wait_for_idle(60_000)
    year = 2021

    def ours_search() -> float:
        started = time.perf_counter()
        view.model.set_filters(person_id=person, date_from=dt.date(year, 1, 1), date_to=dt.date(year, 12, 31))
        painted(view)
        took = time.perf_counter() - started
        view.model.set_filters()
        painted(view)
        runner.wait_for_idle(60_000)
        return took

    def raw_search() -> float:
        con = sqlite3.connect(file)
        started = time.perf_counter()
        con.execute(sql.replace("ORDER BY", "WHERE h.person_id = ? AND h.work_date BETWEEN ? AND ? ORDER BY")
                    + " LIMIT 1000", (person, f"{year}-01-01", f"{year}-12-31")).fetchall()
        took = time.perf_counter() - started
        con.close()
        return took

    search = Figure("search", "filter the Hours view by officer and year, to repaint / the same raw SQL", 1.5,
                    _median_ratio(ours_search, raw_search, reps))
    view.close()
    runner.wait_for_idle()
    db.dispose()
    qdb.close()
    return first, search


def fig_summary(data: Path, reps: int) -> Figure:
    from sharedsvc_desktop.services.hours import hours_by_person_month
    from sharedsvc_desktop.storage import open_database

    db = open_database(data, check=False)
    file = data / "sharedsvc.sqlite3"

    def ours() -> float:
        started = time.perf_counter()
        with db.read_session() as s:
            hours_by_person_month(s)
        return time.perf_counter() - started

    def raw() -> float:
        con = sqlite3.connect(file)
        started = time.perf_counter()
        con.execute("SELECT person_id, substr(work_date, 1, 7), sum(minutes) FROM hour_entry "
                    "GROUP BY person_id, substr(work_date, 1, 7) ORDER BY 1, 2").fetchall()
        took = time.perf_counter() - started
        con.close()
        return took

    figure = Figure("summary", "hours by person x month over every entry, through the service / raw sqlite3", 1.3,
                    _median_ratio(ours, raw, reps))
    db.dispose()
    return figure


def _listing_period(file: Path, rows: int) -> tuple[dt.date, dt.date]:
    con = sqlite3.connect(file)
    days = con.execute("SELECT work_date, count(*) FROM hour_entry GROUP BY work_date ORDER BY work_date").fetchall()
    con.close()
    total = 0
    for day, count in days:
        total += count
        if total >= rows:
            return dt.date.fromisoformat(days[0][0]), dt.date.fromisoformat(day)
    return dt.date.fromisoformat(days[0][0]), dt.date.fromisoformat(days[-1][0])


def fig_pdf(data: Path, reps: int, rows: int) -> Figure:
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate, Table

    from sharedsvc_desktop.services.hours import write_hours_listing
    from sharedsvc_desktop.storage import open_database

    file = data / "sharedsvc.sqlite3"
    start, end = _listing_period(file, rows)
    db = open_database(data, check=False)
    out = Path(tempfile.mkdtemp()) / "listing.pdf"
    con = sqlite3.connect(file)
    raw_rows = [list(map(str, r)) for r in con.execute(
        "SELECT h.work_date, p.first_name || ' ' || p.last_name, h.kind, s.name, h.minutes / 60.0, "
        "coalesce(a.number, 'outside'), h.status FROM hour_entry h JOIN person p ON p.id = h.person_id "
        "LEFT JOIN site s ON s.id = h.site_id LEFT JOIN agreement a ON a.id = h.agreement_id "
        "WHERE h.work_date BETWEEN ? AND ? ORDER BY h.work_date, h.id", (start.isoformat(), end.isoformat()))]
    con.close()

    def ours() -> float:
        started = time.perf_counter()
        with db.read_session() as s:
            write_hours_listing(s, out=out, date_from=start, date_to=end)
        return time.perf_counter() - started

    def raw() -> float:
        started = time.perf_counter()
        doc = SimpleDocTemplate(str(out.with_name("raw.pdf")), pagesize=letter)
        doc.build([Table([["Date", "Person", "Kind", "Site", "Hours", "Agreement", "Status"], *raw_rows],
                         repeatRows=1)])
        return time.perf_counter() - started

    ratios = _median_ratio(ours, raw, reps)
    pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout if shutil.which(
        "pdfinfo") else ""
    count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    db.dispose()
    return Figure("PDF", f"a {count}-page listing of {len(raw_rows):,} entries / raw reportlab Platypus", 1.3,
                  ratios)


def fig_import(data: Path, reps: int, rows: int) -> Figure:
    from sharedsvc_desktop.exchange.hours_csv import export_hours_csv, import_hours_file
    from sharedsvc_desktop.storage import open_database

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    csv_file = work / "hours.csv"
    db = open_database(data, check=False)
    with db.read_session() as s:
        export_hours_csv(s, out=csv_file, date_from=None, date_to=None, mark=False)
    db.dispose()
    with open(csv_file, newline="", encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    header, body = lines[0], lines[1 : rows + 1]
    with open(csv_file, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(body)
    template = work / "template"
    shutil.copytree(data, template)
    con = sqlite3.connect(template / "sharedsvc.sqlite3")
    con.execute("DELETE FROM hour_entry")
    con.commit()
    con.execute("VACUUM")
    con.close()
    sample = sqlite3.connect(data / "sharedsvc.sqlite3").execute(
        "SELECT person_id, work_date, starts_at, ends_at, minutes, kind, site_id, event_id, agreement_id, billable, "
        "notes, status, change_reason, created_at, updated_at FROM hour_entry ORDER BY id LIMIT ?", (rows,)
    ).fetchall()

    def fresh() -> Path:
        target = work / f"run-{time.perf_counter_ns()}"
        shutil.copytree(template, target)
        return target

    def ours() -> float:
        target = fresh()
        db = open_database(target, check=False)
        started = time.perf_counter()
        with db.session() as s:
            report = import_hours_file(s, path=csv_file)
        took = time.perf_counter() - started
        db.dispose()
        assert not report.errors if hasattr(report, "errors") else True
        shutil.rmtree(target)
        return took

    def raw() -> float:
        target = fresh()
        con = sqlite3.connect(target / "sharedsvc.sqlite3")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=FULL")
        started = time.perf_counter()
        with con:
            con.executemany(
                "INSERT INTO hour_entry (person_id, work_date, starts_at, ends_at, minutes, kind, site_id, event_id, "
                "agreement_id, billable, notes, status, change_reason, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sample)
        took = time.perf_counter() - started
        con.close()
        shutil.rmtree(target)
        return took

    figure = Figure("import", f"{rows:,}-row CSV import with validation / sqlite3 executemany of the same rows",
                    3.0, _median_ratio(ours, raw, max(1, reps - 1)))
    shutil.rmtree(work, ignore_errors=True)
    return figure


def fig_stall(data: Path, rows: int) -> Figure:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QWidget

    from sharedsvc_desktop.gui.ops import DbRunner, run_with_progress
    from sharedsvc_desktop.services.hours import write_hours_listing
    from sharedsvc_desktop.storage import open_database

    app, QApplication = _qt()
    file = data / "sharedsvc.sqlite3"
    start, end = _listing_period(file, rows)
    db = open_database(data, check=False)
    runner = DbRunner(db)
    parent = QWidget()
    parent.show()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    finished = []
    out = Path(tempfile.mkdtemp()) / "listing.pdf"

    def work(progress):  # type: ignore[no-untyped-def]
        with db.read_session() as s:
            return write_hours_listing(s, out=out, date_from=start, date_to=end)

    probe.start()
    run_with_progress(runner, parent, "Printing", work, on_done=finished.append)
    while not finished:
        app.processEvents()
        time.sleep(0.001)
    probe.stop()
    db.dispose()
    longest = max(gaps) if gaps else 0.0
    return Figure("stall", "longest GUI event-loop block while a long report prints (10 ms QTimer probe)", 100.0,
                  [longest], unit="ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="a database made by bench/make_db.py")
    parser.add_argument("--scale", choices=["large", "small"], default="large")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    data = args.data
    if data is None:
        from bench.make_db import make

        data = Path(tempfile.mkdtemp(prefix=f"bench-{args.scale}-")) / "data"
        print(f"making a {args.scale} database in {data} ...", flush=True)
        make(data, scale=args.scale)
    empty = Path(tempfile.mkdtemp(prefix="bench-empty-")) / "data"
    from sharedsvc_desktop.storage import open_database

    open_database(empty).dispose()
    large = args.scale == "large"
    listing_rows = 5000 if large else 1000
    import_rows = 1_000_000 if large else 10_000
    figures: list[Figure] = []
    steps: list[Callable[[], list[Figure]]] = [
        lambda: [fig_start(data, args.reps)],
        lambda: list(fig_hours_table(data, args.reps)),
        lambda: [fig_summary(data, args.reps)],
        lambda: [fig_pdf(data, args.reps, listing_rows)],
        lambda: [fig_import(data, args.reps, import_rows)],
        lambda: [fig_stall(data, listing_rows)],
        lambda: [fig_memory(data, empty, args.reps)],
    ]
    for step in steps:
        for figure in step():
            figures.append(figure)
            print(f"  measured {figure.name}: {figure.median:.2f}{figure.unit}", flush=True)
    print()
    print("| figure | what it compares | median | min–max | target | result |")
    print("|---|---|---|---|---|---|")
    for f in figures:
        if f.unit == "ms":
            value, spread = f"{f.median:.0f} ms", "–"
            target = f"≤ {f.target:.0f} ms"
        else:
            value = f"{f.median:.2f}x"
            spread = f"{min(f.ratios):.2f}–{max(f.ratios):.2f}"
            target = f"≤ {f.target:g}x"
        print(f"| {f.name} | {f.compares} | {value} | {spread} | {target} | {'pass' if f.passed else 'FAIL'} |")
    print(f"\n{sum(f.passed for f in figures)} passed, {sum(not f.passed for f in figures)} failed "
          f"({args.scale} scale, {args.reps} repetitions, {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
