"""A shared server: copying a database there and back with identical counts and totals, checking a connection,
and never keeping the password in plain settings."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from sharedsvc_desktop.errors import StorageError, ValidationError
from sharedsvc_desktop.models import AuditEntry, HourEntry
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.storage import open_database
from sharedsvc_desktop.storage.audit import verify_chain
from sharedsvc_desktop.storage.copy import copy_database
from sharedsvc_desktop.storage.server import parse_server_url, store_password, without_password
from sharedsvc_desktop.storage.server import test_connection as check_connection
from tests.conftest import ON_SERVER, SERVER_URL


def _figures(db):
    with db.read_session() as s:
        return (
            s.scalar(select(func.count()).select_from(HourEntry)),
            s.scalar(select(func.sum(HourEntry.minutes))),
            s.scalar(select(func.count()).select_from(AuditEntry)),
            sorted(o.badge_number for o in officers.list_officers(s)),
        )


def test_copy_out_to_a_file_and_back_in_keeps_counts_totals_and_the_audit_chain(demo_db, other_db, tmp_path):
    db = other_db
    # GIVEN the demo (on whatever database the tests run) and an empty database of the same kind
    middle = open_database(tmp_path / "middle")
    # WHEN it is copied to a SQLite file and from there into the empty database
    first = copy_database(demo_db, middle)
    second = copy_database(middle, db)
    # THEN every table has the same rows and the totals agree, and the audit chain still verifies
    assert first.tables == second.tables and first.totals == second.totals
    assert _figures(db) == _figures(demo_db)
    with db.read_engine.connect() as conn:
        assert verify_chain(conn).ok
    # AND new records get fresh ids after the copied ones
    with db.session() as s:
        new = officers.add_officer(s, first_name="After", last_name="Copy", badge_number="AC1")
    assert new.id > max(first.tables["officer"], 1) - 1
    middle.dispose()


def test_copy_refuses_a_target_that_holds_records(demo_db, tmp_path):
    other = open_database(tmp_path / "other")
    with other.session() as s:
        officers.add_officer(s, first_name="A", last_name="B", badge_number="1")
    with pytest.raises(StorageError, match="already holds records"):
        copy_database(demo_db, other)
    other.dispose()


def test_server_addresses_are_checked():
    with pytest.raises(ValidationError, match="PostgreSQL"):
        parse_server_url("mysql://user@host/db")
    with pytest.raises(ValidationError, match="Name the database"):
        parse_server_url("postgresql://user@host")
    parsed = parse_server_url("postgresql://clerk:secret@db.town.example/sharedsvc")
    assert parsed.drivername == "postgresql+psycopg"
    assert "secret" not in without_password(parsed)


def test_unreachable_server_gives_a_clear_message():
    with pytest.raises(StorageError, match="Could not connect"):
        check_connection("postgresql+psycopg://nobody@/nowhere?host=/nonexistent-socket-dir")


def test_password_goes_to_a_keyring_or_the_pgpass_advice():
    try:
        where = store_password("postgresql+psycopg://clerk@db.example/sharedsvc", "s3cret-pass")
    except StorageError as exc:
        assert ".pgpass" in str(exc)
    else:
        assert "keyring" in where


@pytest.mark.skipif(not ON_SERVER, reason="needs the test PostgreSQL server (SHAREDSVC_TEST_DATABASE_URL)")
def test_connection_to_the_test_server_reports_its_version():
    version = check_connection(SERVER_URL)
    assert version.split(".")[0].isdigit()
