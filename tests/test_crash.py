"""Crash safety: kill -9 in the middle of writing, many times; the file stays sound and no commit is lost.

SQLite only (a server database has its own crash safety).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

RUNS = 30
pytestmark = pytest.mark.sqlite_only("kills a process writing a SQLite file")

WRITER = textwrap.dedent(
    """
    import sys
    from sharedsvc_desktop.storage import open_database
    from sharedsvc_desktop.services import officers
    db = open_database(sys.argv[1])
    start = int(sys.argv[2])
    i = start
    while True:
        i += 1
        with db.session() as s:
            officers.add_officer(s, first_name="K", last_name=f"Run{i}", badge_number=f"K{i}")
        print(i, flush=True)  # acknowledged only after the commit returned
    """
)


def test_kill_9_during_writes_never_corrupts_or_loses_a_commit(db):
    db.dispose()
    rng = random.Random(9)
    acknowledged: set[int] = set()
    next_start = 0
    for _run in range(RUNS):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db.data_dir), str(next_start)],
                                stdout=subprocess.PIPE, text=True)
        first = proc.stdout.readline().strip()  # wait until writing has begun
        assert first, "the writer did not start"
        acknowledged.add(int(first))
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        acknowledged.update(int(line) for line in out.split())
        next_start = max(acknowledged) + 1000  # badge numbers never collide with a lost, unacknowledged one
        con = sqlite3.connect(db.path)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {int(b[1:]) for (b,) in con.execute("SELECT badge_number FROM officer")}
        finally:
            con.close()
        missing = acknowledged - stored
        assert not missing, f"commits lost after kill -9: {sorted(missing)[:5]}"
    from tests.conftest import report_figure

    report_figure(f"kill -9 during writes: {RUNS} runs, integrity_check ok every time, "
                  f"{len(acknowledged)} acknowledged commits all present")
