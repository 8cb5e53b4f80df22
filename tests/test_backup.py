"""Backups: the thinning rule, backups taken while another process writes, restore, and the seal at rest."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sharedsvc_desktop import paths
from sharedsvc_desktop.storage import open_database
from sharedsvc_desktop.storage.backup import (
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    keep_set,
    list_backups,
    restore,
    take_backup,
)
from sharedsvc_desktop.storage.engine import DatabaseDamagedError

NOW = dt.datetime(2026, 11, 23, 18, 0)
pytestmark = pytest.mark.sqlite_only("file backups of a SQLite database")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=400 * 24 * 60), min_size=1, max_size=120, unique=True))
def test_thinning_keeps_newest_per_day_week_and_month(minutes_ago):
    times = [NOW - dt.timedelta(minutes=m) for m in minutes_ago]
    keep = keep_set(times, now=NOW)
    # never more than the three allowances together, and the newest is always kept
    assert len(keep) <= KEEP_DAILY + KEEP_WEEKLY + KEEP_MONTHLY
    assert max(times) in keep
    # each of the 12 newest days that have backups keeps exactly its newest one
    days = sorted({t.date() for t in times}, reverse=True)[:KEEP_DAILY]
    for day in days:
        newest = max(t for t in times if t.date() == day)
        assert newest in keep
    # each of the 9 newest months keeps its newest backup
    months = sorted({(t.year, t.month) for t in times}, reverse=True)[:KEEP_MONTHLY]
    for month in months:
        assert max(t for t in times if (t.year, t.month) == month) in keep
    # everything kept is the newest of its day
    for t in keep:
        assert t == max(x for x in times if x.date() == t.date())


def test_automatic_backups_are_thinned_on_disk(db):
    folder = db.data_dir / "backups"
    take_backup(db, kind="manual", now=NOW - dt.timedelta(days=300))
    for day in reversed(range(1, 40)):  # one backup a day for 40 days (oldest first, as time goes), two today
        take_backup(db, now=NOW - dt.timedelta(days=day))
    take_backup(db, now=NOW - dt.timedelta(hours=2))
    take_backup(db, now=NOW)
    found = list_backups(folder)
    autos = [b for b in found if b.kind == "auto"]
    expected = keep_set([NOW - dt.timedelta(days=d) for d in range(40)] + [NOW - dt.timedelta(hours=2)], now=NOW)
    assert NOW - dt.timedelta(hours=2) not in expected
    assert {b.taken_at for b in autos} == {t.replace(microsecond=0) for t in expected}
    assert any(b.kind == "manual" for b in found)  # never thinned


WRITER = textwrap.dedent(
    """
    import sys, time
    from sharedsvc_desktop.storage import open_database
    from sharedsvc_desktop.services import officers
    db = open_database(sys.argv[1])
    i = 0
    deadline = time.time() + float(sys.argv[2])
    while time.time() < deadline:
        i += 1
        with db.session() as s:
            officers.add_officer(s, first_name="W", last_name=f"Writer{i}", badge_number=f"W{i}")
        print(i, flush=True)
    """
)


def test_backup_while_another_process_writes_is_always_sound(db, tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db.data_dir), "6"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert writer.stdout.readline().strip() == "1"  # writing has started
        results = []
        for n in range(8):
            target = take_backup(db, kind="manual", now=NOW + dt.timedelta(minutes=n))
            con = sqlite3.connect(target)
            results.append((con.execute("PRAGMA integrity_check").fetchone()[0],
                            con.execute("SELECT count(*) FROM officer").fetchone()[0]))
            con.close()
            time.sleep(0.2)
    finally:
        writer.wait(timeout=60)
    counts = [r[1] for r in results]
    from tests.conftest import report_figure

    report_figure(f"backups while another process writes: {len(results)} taken, integrity_check "
                  f"{'ok every time' if all(r[0] == 'ok' for r in results) else 'FAILED'}, officers seen {counts}")
    assert all(r[0] == "ok" for r in results)
    assert counts == sorted(counts) and counts[-1] > counts[0]


def test_two_backups_in_one_second_are_both_kept_newest_first(db):
    first = take_backup(db, kind="manual", now=NOW)
    second = take_backup(db, kind="manual", now=NOW)
    third = take_backup(db, kind="manual", now=NOW)
    assert len({first, second, third}) == 3 and all(p.is_file() for p in (first, second, third))
    listed = [b.path for b in list_backups(first.parent)]
    assert listed == [third, second, first]


def test_restore_sets_the_current_file_aside(demo_db):
    backup = take_backup(demo_db, kind="manual")
    demo_db.dispose()
    file = demo_db.path
    with sqlite3.connect(file) as con:
        con.execute("DELETE FROM qualification")
    moved = restore(backup, file)
    assert moved is not None and moved.exists()
    with sqlite3.connect(file) as con:
        assert con.execute("SELECT count(*) FROM qualification").fetchone()[0] > 0
    with sqlite3.connect(moved) as con:
        assert con.execute("SELECT count(*) FROM qualification").fetchone()[0] == 0


def _flip_bit_in_cell_content(file):
    """Flip one bit inside a text value (a name), where SQLite's own checks cannot see it."""
    data = bytearray(file.read_bytes())
    where = data.find(b"Alvarez")
    assert where > 0
    data[where + 2] ^= 0x01
    stat = file.stat()
    file.write_bytes(bytes(data))
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # silent corruption leaves no trace in the date


def test_bit_flip_at_rest_is_detected_and_the_backup_restores_its_rows(demo_db):
    # GIVEN a backup and a cleanly closed (sealed) database
    backup = take_backup(demo_db, kind="auto", now=NOW)
    with sqlite3.connect(backup) as con:
        backup_officers = con.execute("SELECT count(*) FROM officer").fetchone()[0]
    demo_db.close()
    file = demo_db.path
    assert (file.parent / (file.name + ".seal")).exists()
    # WHEN a bit flips in the file while the program is closed
    _flip_bit_in_cell_content(file)
    # THEN the next start detects it, sets the file aside and names the backup
    try:
        open_database(demo_db.data_dir)
        raise AssertionError("the damaged file was opened")
    except DatabaseDamagedError as exc:
        assert "silent corruption" in str(exc) and exc.backup is not None and exc.backup.path == backup
        damaged = exc.moved_to
    assert damaged.exists() and not file.exists()
    restore(backup, file)
    db = open_database(demo_db.data_dir)
    with db.read_session() as s:
        from sqlalchemy import func, select

        from sharedsvc_desktop.models import Officer

        assert s.scalar(select(func.count()).select_from(Officer)) == backup_officers
    db.dispose()


def test_a_file_written_after_the_seal_is_judged_by_sqlite_checks_only(demo_db):
    demo_db.close()
    db = open_database(demo_db.data_dir)  # sound and sealed: opens
    from sharedsvc_desktop.services import officers

    with db.session() as s:
        officers.add_officer(s, first_name="New", last_name="Writer", badge_number="NW1")
    db.dispose()
    with sqlite3.connect(db.path) as con:  # fold the WAL in: the file changes after its seal
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert open_database(demo_db.data_dir) is not None
    assert paths.database_file(demo_db.data_dir).exists()
