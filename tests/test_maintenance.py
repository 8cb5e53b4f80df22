"""Looking after the database as a whole: backups, restore (administrators only), the check, a server."""

from __future__ import annotations

import sqlite3

import pytest

from sharedsvc_desktop.errors import PermissionDenied, ValidationError
from sharedsvc_desktop.services import maintenance
from sharedsvc_desktop.services.permissions import Actor

ADMIN = Actor(1, "chief", "administrator")
SCHEDULER = Actor(2, "secretary", "scheduler")


MARKED = "SELECT count(*) FROM site WHERE address = 'Changed after the backup'"


@pytest.mark.sqlite_only("file backups of a SQLite database")
def test_back_up_now_lists_the_backup_and_the_check_passes(demo_db):
    assert maintenance.check_database(demo_db).ok
    before = maintenance.list_backups(demo_db)
    path = maintenance.back_up_now(demo_db)
    after = maintenance.list_backups(demo_db)
    assert path.is_file() and path in [info.path for info in after]
    assert len(after) == len(before) + 1
    assert maintenance.check_in_background(demo_db) is None


@pytest.mark.sqlite_only("file backups of a SQLite database")
def test_only_an_administrator_restores_and_the_refusal_changes_nothing(demo_db):
    path = maintenance.back_up_now(demo_db)
    demo_db.dispose()
    with sqlite3.connect(demo_db.path) as con:
        con.execute("UPDATE site SET address = 'Changed after the backup' WHERE id = (SELECT min(id) FROM site)")
    backups = len(maintenance.list_backups(demo_db))

    with pytest.raises(PermissionDenied, match="may not change settings and restore backups"):
        maintenance.restore_backup(demo_db, path, actor=SCHEDULER)
    with sqlite3.connect(demo_db.path) as con:
        assert con.execute(MARKED).fetchone()[0] == 1
    assert len(maintenance.list_backups(demo_db)) == backups  # not even the backup before a restore

    moved = maintenance.restore_backup(demo_db, path, actor=ADMIN)
    with sqlite3.connect(demo_db.path) as con:
        assert con.execute(MARKED).fetchone()[0] == 0
    assert moved is not None and moved.is_file()
    with sqlite3.connect(moved) as con:  # what was replaced is kept
        assert con.execute(MARKED).fetchone()[0] == 1
    assert len(maintenance.list_backups(demo_db)) == backups + 1  # and was backed up first


@pytest.mark.sqlite_only("file backups of a SQLite database")
def test_restoring_a_backup_that_is_gone_says_so(db, tmp_path):
    with pytest.raises(ValidationError, match="no longer there"):
        maintenance.restore_backup(db, tmp_path / "gone.sqlite3", actor=ADMIN)
    assert maintenance.check_database(db).ok


def test_choosing_a_server_is_for_administrators(db):
    with pytest.raises(PermissionDenied):
        maintenance.use_server("postgresql+psycopg://someone@nowhere.invalid/sharedsvc", "x", actor=SCHEDULER)
    with pytest.raises(ValidationError):
        maintenance.use_server("not a server address", None, actor=ADMIN)
