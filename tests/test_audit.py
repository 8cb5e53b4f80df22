"""The audit trail: every write recorded with before/after; append-only; the hash chain catches tampering."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from sharedsvc_desktop.models import AuditEntry
from sharedsvc_desktop.services import audit_log, officers, sites
from sharedsvc_desktop.services.permissions import Actor


def _entries(db, table):
    with db.read_session() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.table_name == table).order_by(AuditEntry.id)).all()


def test_every_write_is_recorded_with_who_and_before_after(db):
    actor = Actor(1, "scheduler1", "scheduler")
    with db.session(actor=actor) as s:
        row = officers.add_officer(s, first_name="Ann", last_name="Lee", badge_number="77")
    with db.session(actor=actor) as s:
        officers.update_officer(s, officer_id=row.id, first_name="Ann", last_name="Lee", badge_number="78")
    with db.session(actor=actor) as s:
        officers.deactivate_officer(s, officer_id=row.id)
    entries = _entries(db, "officer")
    assert [e.action for e in entries] == ["insert", "update", "update"]
    assert all(e.username == "scheduler1" for e in entries)
    assert entries[0].after["badge_number"] == "77" and entries[0].row_id == row.id
    assert entries[1].before == {"badge_number": "77"} and entries[1].after == {"badge_number": "78"}
    assert entries[2].after == {"status": "inactive"}


def test_a_refused_write_leaves_no_audit_entry(db):
    with db.session() as s:
        officers.add_officer(s, first_name="A", last_name="B", badge_number="1")
    before = len(_entries(db, "officer"))
    with pytest.raises(Exception), db.session() as s:  # noqa: B017 - any refusal
        officers.add_officer(s, first_name="C", last_name="D", badge_number="2")
        officers.add_officer(s, first_name="E", last_name="F", badge_number="1")
    assert len(_entries(db, "officer")) == before


def test_update_and_delete_on_the_trail_are_refused(demo_db):
    for statement in ("UPDATE audit_entry SET username = 'someone' WHERE id = 3", "DELETE FROM audit_entry WHERE id = 3"):
        with pytest.raises(DBAPIError, match="append-only"), demo_db.engine.begin() as conn:
            conn.execute(text(statement))


def _tamper(db, sql):
    """What someone with direct access to the database could do: switch the guard off, change a row."""
    if db.is_sqlite:
        con = sqlite3.connect(db.path)
        try:
            con.executescript("DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;" + sql)
            con.commit()
        finally:
            con.close()
        return
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE audit_entry DISABLE TRIGGER USER"))
        conn.execute(text(sql))
        conn.execute(text("ALTER TABLE audit_entry ENABLE TRIGGER USER"))


def test_chain_intact_then_an_altered_row_is_named_exactly(demo_db):
    with demo_db.read_session() as s:
        result = audit_log.verify(s)
        total = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    assert result.ok and result.checked == total
    _tamper(demo_db, """UPDATE audit_entry SET after = '{"badge_number": "X"}' WHERE id = 42""")
    with demo_db.read_session() as s:
        result = audit_log.verify(s)
    assert result.first_bad_id == 42 and result.checked == 41 and "altered" in result.reason


def test_a_removed_row_breaks_the_link_of_the_next(demo_db):
    _tamper(demo_db, "DELETE FROM audit_entry WHERE id = 100")
    with demo_db.read_session() as s:
        result = audit_log.verify(s)
    assert result.first_bad_id == 101 and "removed" in result.reason


@pytest.mark.sqlite_only("runs the command line on the data folder's file")
def test_cli_audit_verify_exit_codes(demo_db):
    def verify():
        return subprocess.run([sys.executable, "-m", "sharedsvc_desktop", "--data-dir", str(demo_db.data_dir),
                               "audit", "verify"], capture_output=True, text=True, timeout=60)

    ok = verify()
    assert ok.returncode == 0 and "intact" in ok.stdout
    demo_db.dispose()
    _tamper(demo_db, "UPDATE audit_entry SET username = 'mallory' WHERE id = 7")
    bad = verify()
    assert bad.returncode == 1 and "entry 7" in bad.stdout


def test_audit_rows_filter_by_record_and_user(db):
    with db.session(actor=Actor(1, "a", "administrator")) as s:
        sites.add_site(s, name="Hall High School", level="high")
    with db.session(actor=Actor(2, "b", "administrator")) as s:
        officers.add_officer(s, first_name="A", last_name="B", badge_number="1")
    with db.read_session() as s:
        ids = audit_log.entry_ids(s, table_name="site")
        rows = audit_log.entry_rows(s, ids)
        assert [r.username for r in rows] == ["a"] and "Hall High School" in rows[0].summary
        assert {r.table_name for r in audit_log.entry_rows(s, audit_log.entry_ids(s, username="b"))} == {
            "officer", "person"
        }
