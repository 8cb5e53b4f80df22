"""Storage: the SQLite file, its connection settings, migrations, backups and checks (real files, no mocks)."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, text

from sharedsvc_desktop import paths
from sharedsvc_desktop.defaults import category_rows
from sharedsvc_desktop.errors import DatabaseTooNewError, StorageError, ValidationError
from sharedsvc_desktop.models import Base
from sharedsvc_desktop.services import officers
from sharedsvc_desktop.storage import Database, migrate, open_database
from sharedsvc_desktop.storage.backup import backup_to
from sharedsvc_desktop.storage.check import check_database

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEMO_TODAY = dt.date(2026, 11, 23)


# ------------------------------------------------------------------------------------------------- helpers


def sha256(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def raw(file: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, independent of the program's engine."""
    return sqlite3.connect(f"file:{file}?mode=ro", uri=True)


def table_counts(file: Path) -> dict[str, int]:
    con = raw(file)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def schema_sql(file: Path) -> dict[tuple[str, str], str]:
    con = raw(file)
    try:
        return {
            (kind, name): sql
            for kind, name, sql in con.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        con.close()


def db_counts(db: Database) -> dict[str, int]:
    """Rows per table, through SQLAlchemy (works on SQLite and on a server)."""
    from sqlalchemy import inspect as sa_inspect

    with db.read_engine.connect() as conn:
        names = sa_inspect(conn).get_table_names()
        return {n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar() for n in sorted(names)}


def schema_differences(db: Database) -> list:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": False,
            # the search index of migration 0003 (an FTS5 table and its shadow tables) is not a model
            "include_name": lambda name, type_, _parents: not (type_ == "table" and name.startswith("search_fts")),
        })
        return compare_metadata(ctx, Base.metadata)


def stored_revision(file: Path) -> str | None:
    con = raw(file)
    try:
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    finally:
        con.close()


def corrupt_table_root_page(file: Path, table: str) -> None:
    """Overwrite the root b-tree page of ``table`` with garbage (the file must be closed and not in WAL)."""
    con = sqlite3.connect(file)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        (root,) = con.execute("SELECT rootpage FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone()
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()
    data = bytearray(file.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xde\xad\xbe\xef" * (page_size // 4)
    file.write_bytes(bytes(data))


def run_cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sharedsvc_desktop", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


# -------------------------------------------------------------------------------------- a new data folder


def test_new_data_folder_gets_database_at_head(data_dir):
    # GIVEN an empty data folder
    assert list(data_dir.iterdir()) == []
    # WHEN the program opens it
    db = open_database(data_dir)
    try:
        # THEN the database file exists and is stamped with the newest revision
        file = data_dir / "sharedsvc.sqlite3"
        assert file.is_file()
        assert db.path == file
        assert stored_revision(file) == migrate.head_revision()
        assert migrate.current_revision(db) == migrate.head_revision()
        # and every table of the models exists
        assert set(Base.metadata.tables) <= set(table_counts(file))
        # and no backup was taken: there was nothing to back up
        assert not (data_dir / "backups").exists()
    finally:
        db.dispose()


@pytest.mark.sqlite_only("SQLite connection pragmas")
def test_every_connection_has_the_safety_pragmas(db):
    def pragmas(conn) -> dict[str, object]:
        return {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }

    # Two connections open at the same time are two distinct DBAPI connections, each configured. (Every
    # transaction of the engine begins IMMEDIATE, so both are asked to begin DEFERRED to be open together.)
    with (
        db.engine.connect().execution_options(sqlite_begin="DEFERRED") as first,
        db.engine.connect().execution_options(sqlite_begin="DEFERRED") as second,
    ):
        assert first.connection.dbapi_connection is not second.connection.dbapi_connection
        for conn in (first, second):
            p = pragmas(conn)
            assert p["journal_mode"] == "wal"
            assert p["synchronous"] == 2  # FULL
            assert p["foreign_keys"] == 1
            assert p["busy_timeout"] > 0
    # the connections behind the write and the read sessions too
    with db.session() as s:
        p = pragmas(s.connection())
        assert (p["journal_mode"], p["synchronous"], p["foreign_keys"]) == ("wal", 2, 1)
        assert p["busy_timeout"] > 0
    with db.read_session() as s:
        p = pragmas(s.connection())
        assert (p["journal_mode"], p["synchronous"], p["foreign_keys"]) == ("wal", 2, 1)
        assert p["busy_timeout"] > 0


def test_foreign_keys_are_enforced(db):
    with pytest.raises(StorageError):
        with db.session() as s:
            s.execute(text("INSERT INTO officer (person_id, badge_number, rank, status, is_supervisor, "
                           "created_at, updated_at) VALUES (424242, 'X1', 'Officer', 'active', false, "
                           "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
    assert db_counts(db)["officer"] == 0


# ------------------------------------------------------------------------------------------------ locking


@pytest.mark.sqlite_only("SQLite write locking")
def test_write_transaction_begins_immediate(db):
    # GIVEN a write session holding an uncommitted officer
    with db.session() as s:
        officers.add_officer(s, first_name="Ada", last_name="Locke", badge_number="L-1")
        # WHEN another program tries to start a write transaction
        other = sqlite3.connect(db.path, timeout=0.1, isolation_level=None)
        try:
            # THEN it is refused at BEGIN, because the first writer already holds the write lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            # and it cannot see the uncommitted row
            assert other.execute("SELECT count(*) FROM officer").fetchone()[0] == 0
        finally:
            other.close()
    # once committed, the lock is released and the row is there
    other = sqlite3.connect(db.path, timeout=0.1, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        assert other.execute("SELECT count(*) FROM officer").fetchone()[0] == 1
        other.execute("ROLLBACK")
    finally:
        other.close()


@pytest.mark.sqlite_only("SQLite write locking")
def test_write_session_takes_the_lock_even_before_writing(db):
    # A write session that has only read so far already holds the write lock (BEGIN IMMEDIATE, not DEFERRED),
    # so it can never fail half-way through with "database is locked" when it starts writing.
    with db.session() as s:
        s.execute(text("SELECT count(*) FROM officer")).scalar()
        other = sqlite3.connect(db.path, timeout=0.1, isolation_level=None)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


@pytest.mark.sqlite_only("SQLite write locking")
def test_read_session_does_not_take_the_write_lock(db):
    with db.read_session() as s:
        s.execute(text("SELECT count(*) FROM officer")).scalar()
        other = sqlite3.connect(db.path, timeout=0.1, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()


# --------------------------------------------------------------------------------------------- migrations


def test_migrated_schema_matches_the_models(db):
    assert schema_differences(db) == []


@pytest.mark.sqlite_only("reads the CREATE TABLE text from sqlite_master")
def test_migrated_schema_has_every_check_constraint(db):
    # alembic's compare does not look at CHECK constraints: compare them with the stored CREATE TABLE text.
    sql = schema_sql(db.path)
    checked, missing = [], []
    for table in Base.metadata.sorted_tables:
        create = sql[("table", table.name)]
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                name = str(constraint.name)
                if not name.startswith("ck_"):
                    name = f"ck_{table.name}_{name}"
                checked.append(name)
                if name not in create:
                    missing.append(name)
    assert "ck_event_ends_after_start" in checked and "ck_officer_status" in checked
    assert missing == []


@pytest.mark.sqlite_only("compares sqlite_master before and after")
def test_downgrade_to_base_and_upgrade_again(demo_db):
    # GIVEN a database at head holding the demo
    file = demo_db.path
    schema_before = schema_sql(file)
    assert table_counts(file)["officer"] > 0
    # WHEN it is downgraded to an empty schema
    migrate.downgrade(demo_db, "base")
    # THEN only alembic's own table is left, and no revision is recorded
    assert set(table_counts(file)) == {"alembic_version"}
    assert migrate.current_revision(demo_db) is None
    # WHEN it is upgraded again
    assert migrate.upgrade_to_head(demo_db) is True
    # THEN the schema is the same as before, text for text, and matches the models
    assert schema_sql(file) == schema_before
    assert schema_differences(demo_db) == []
    assert migrate.current_revision(demo_db) == migrate.head_revision()
    # and the default categories are back
    con = raw(file)
    try:
        stored = set(con.execute("SELECT domain, code FROM category").fetchall())
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    assert len(stored) > 0
    assert {(r["domain"], r["code"]) for r in category_rows()} <= stored
    # a database at no revision has nothing worth backing up
    assert not (demo_db.data_dir / "backups").exists()


def test_database_from_a_newer_program_is_refused_untouched(data_dir):
    # GIVEN a database (rollback journal, not WAL) stamped with a revision this program does not know
    file = data_dir / "sharedsvc.sqlite3"
    con = sqlite3.connect(file)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.execute("CREATE TABLE officer (id INTEGER PRIMARY KEY, badge_number TEXT, shiny_new_column TEXT)")
    con.execute("INSERT INTO officer VALUES (1, 'F-1', 'from the future')")
    con.commit()
    con.close()
    before = sha256(file)
    wal, shm = file.with_name(file.name + "-wal"), file.with_name(file.name + "-shm")
    assert not wal.exists()

    # WHEN the program opens it (with or without migrating)
    for migrate_flag in (True, False):
        with pytest.raises(DatabaseTooNewError) as caught:
            open_database(data_dir, migrate=migrate_flag)
        # THEN the message names the revision and says the file was not changed
        message = str(caught.value)
        assert "9999_future" in message
        assert "newer version" in message
        assert "not changed" in message

    # AND the file is byte-for-byte the same, with no WAL/SHM files created and no backup taken
    assert sha256(file) == before
    assert not wal.exists()
    assert not shm.exists()
    assert sorted(p.name for p in data_dir.iterdir()) == ["sharedsvc.sqlite3"]


def test_upgrade_refuses_unknown_revision_even_when_opened_directly(data_dir, tmp_path):
    # The second guard: a Database built by hand (bypassing open_database's file check) is not upgraded either.
    file = tmp_path / "future.sqlite3"
    con = sqlite3.connect(file)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    con.commit()
    con.close()
    db = Database(f"sqlite+pysqlite:///{file}", data_dir=data_dir)
    try:
        with pytest.raises(DatabaseTooNewError, match="9999_future"):
            migrate.upgrade_to_head(db)
    finally:
        db.dispose()
    assert stored_revision(file) == "9999_future"
    assert set(table_counts(file)) == {"alembic_version"}
    assert not (data_dir / "backups").exists()


def test_empty_file_is_created_at_head_without_backup(data_dir):
    # GIVEN a zero-byte database file (e.g. created by a failed first start): no revision
    file = data_dir / "sharedsvc.sqlite3"
    file.touch()
    assert migrate.file_revision(file) is None
    # WHEN the program opens it
    db = open_database(data_dir)
    try:
        # THEN it is migrated to head and no backup folder is created (there was nothing to keep)
        assert migrate.current_revision(db) == migrate.head_revision()
        assert not (data_dir / "backups").exists()
    finally:
        db.dispose()


def test_reopening_a_database_at_head_takes_no_backup(data_dir):
    open_database(data_dir).dispose()
    db = open_database(data_dir)
    try:
        assert migrate.upgrade_to_head(db) is False
        assert not (data_dir / "backups").exists()
    finally:
        db.dispose()


@pytest.mark.sqlite_only("file backups")
def test_backup_before_upgrade_keeps_every_row(demo_db):
    # The safety copy taken before an upgrade from revision REV (the same code path open_database uses).
    rev = migrate.current_revision(demo_db)
    target = migrate._backup_before_upgrade(demo_db, rev)
    assert target is not None
    assert target.parent == demo_db.data_dir / "backups"
    assert target.name.startswith(f"before-upgrade-{rev}-") and target.suffix == ".sqlite3"
    con = raw(target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert table_counts(target) == table_counts(demo_db.path)


def stored_databases() -> list[Path]:
    return sorted(FIXTURES.glob("db-*.sqlite3"))


def test_every_revision_has_a_stored_database():
    have = {p.name.split("-")[1] for p in stored_databases()}
    missing = sorted(migrate.known_revisions() - have)
    assert missing == [], f"run tests/fixtures/make_fixture_db.py at revision(s) {missing} (see tests/fixtures)"


@pytest.mark.parametrize("stored", stored_databases(), ids=lambda p: p.name)
def test_stored_old_databases_upgrade(stored, tmp_path):
    # GIVEN a copy of a database written at an older (or the current) revision
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    file = data_dir / paths.DB_FILENAME
    shutil.copyfile(stored, file)
    rev_before = stored_revision(file)
    assert rev_before in migrate.known_revisions()
    counts_before = table_counts(file)
    assert counts_before["officer"] > 0
    # WHEN the program opens it
    db = open_database(data_dir)
    try:
        # THEN it is at head, no table lost rows, and every reference still resolves
        assert migrate.current_revision(db) == migrate.head_revision()
        counts_after = table_counts(file)
        shrunk = {t: (n, counts_after.get(t)) for t, n in counts_before.items() if counts_after.get(t, -1) < n}
        assert shrunk == {}
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert schema_differences(db) == []
        # and a backup was taken exactly when an upgrade was needed
        backups = sorted((data_dir / "backups").glob(f"before-upgrade-{rev_before}-*.sqlite3"))
        if rev_before == migrate.head_revision():
            assert not (data_dir / "backups").exists()
        else:
            assert len(backups) == 1
            assert table_counts(backups[0]) == counts_before
    finally:
        db.dispose()
    # the stored fixture itself was not touched
    assert stored_revision(stored) == rev_before


def test_stored_databases_are_small_rollback_journal_files():
    for stored in stored_databases():
        assert stored.stat().st_size < 2_000_000, stored.name
        header = stored.read_bytes()[:100]
        assert header[:16] == b"SQLite format 3\x00"
        assert header[18:20] == b"\x01\x01", f"{stored.name} is in WAL mode"  # 1 = rollback journal
        assert not stored.with_name(stored.name + "-wal").exists()


def test_fixture_generator_writes_a_valid_file(tmp_path):
    spec = importlib.util.spec_from_file_location("make_fixture_db", FIXTURES / "make_fixture_db.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = module.make_fixture(tmp_path)
    assert target.name == f"db-{migrate.head_revision()}-demo.sqlite3"
    assert stored_revision(target) == migrate.head_revision()
    assert table_counts(target)["officer"] == 20
    assert target.read_bytes()[18:20] == b"\x01\x01"


# ------------------------------------------------------------------------------------------------ backups


@pytest.mark.sqlite_only("file backups")
def test_backup_during_an_open_read_session(demo_db, tmp_path):
    # GIVEN a read session in progress (a reader holds a WAL snapshot)
    target = tmp_path / "copies" / "backup.sqlite3"
    with demo_db.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM hour_entry")).scalar() > 0
        # WHEN a backup is taken
        written = backup_to(demo_db, target)
    # THEN the copy is sound, complete, and a single rollback-journal file
    assert written == target
    con = raw(target)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    assert table_counts(target) == table_counts(demo_db.path)
    assert target.read_bytes()[18:20] == b"\x01\x01"
    assert not target.with_name(target.name + ".part").exists()


@pytest.mark.sqlite_only("file backups")
def test_backup_during_an_uncommitted_write_holds_only_committed_rows(db, tmp_path):
    with db.session() as s:
        officers.add_officer(s, first_name="Kept", last_name="Committed", badge_number="C-1")
    target = tmp_path / "backup.sqlite3"
    with db.session() as s:
        officers.add_officer(s, first_name="Not", last_name="Yet", badge_number="U-1")
        backup_to(db, target)
    con = raw(target)
    try:
        badges = [r[0] for r in con.execute("SELECT badge_number FROM officer")]
    finally:
        con.close()
    assert badges == ["C-1"]


def test_backup_of_a_server_database_is_refused(tmp_path):
    try:
        server = Database("postgresql+psycopg://u@localhost/x")
    except Exception as exc:  # the driver is not installed here
        pytest.skip(f"cannot build a PostgreSQL engine without its driver: {exc}")
    try:
        with pytest.raises(StorageError, match="server"):
            backup_to(server, tmp_path / "never-written.sqlite3")
    finally:
        server.dispose()
    assert list(tmp_path.iterdir()) == []


def test_backup_of_a_database_without_a_file_is_refused(tmp_path):
    memory = Database("sqlite+pysqlite:///:memory:")
    try:
        with pytest.raises(StorageError):
            backup_to(memory, tmp_path / "x.sqlite3")
    finally:
        memory.dispose()
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------------------- checks


def test_check_on_a_sound_database(demo_db):
    result = check_database(demo_db)
    assert result.ok
    assert result.quick_check == "ok"
    assert result.foreign_key_problems == []
    assert result.revision == migrate.head_revision()
    assert result.lines()[-1] == "result: OK"


@pytest.mark.sqlite_only("PRAGMA foreign_key_check")
def test_check_reports_broken_references(db):
    # A reference broken behind the program's back (foreign keys off) is found by the check.
    con = sqlite3.connect(db.path)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(
        "INSERT INTO officer (person_id, badge_number, rank, status, is_supervisor, created_at, updated_at) "
        "VALUES (777, 'B-777', 'Officer', 'active', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    )
    con.commit()
    con.close()
    result = check_database(db)
    assert not result.ok
    assert result.foreign_key_problems == ["officer row 1 refers to a missing person"]
    assert "result: PROBLEMS FOUND" in result.lines()


@pytest.fixture
def damaged_copy(demo_db, tmp_path) -> Path:
    """A data folder whose database (a closed rollback-journal copy of the demo) has its officer table smashed."""
    folder = tmp_path / "damaged"
    file = backup_to(demo_db, folder / paths.DB_FILENAME)
    corrupt_table_root_page(file, "officer")
    return folder


@pytest.mark.sqlite_only("damaged files")
def test_damaged_database_is_not_reported_ok_by_db_check(damaged_copy):
    # What happens today: the check stops on SQLite's "database disk image is malformed" and exits 1 (with a
    # traceback: see the xfail test below). Whatever the wording, it must never say OK.
    result = run_cli(damaged_copy, "db", "check")
    assert result.returncode == 1
    assert "result: OK" not in result.stdout
    output = result.stdout + result.stderr
    assert "malformed" in output or "damaged" in output or "PROBLEMS FOUND" in output


@pytest.mark.sqlite_only("damaged files")
def test_damaged_database_is_set_aside_at_start_with_one_clear_line(damaged_copy, demo_db):
    # GIVEN a damaged database and a good backup of it in the data folder
    shutil.copyfile(damaged_copy / paths.DB_FILENAME, damaged_copy / "damaged-bytes")
    good = backup_to(demo_db, damaged_copy / "backups" / "auto-20261120-120000.sqlite3")
    # WHEN the program starts on it
    result = run_cli(damaged_copy, "officers", "list")
    # THEN one sentence, no traceback; the file is renamed (never deleted) with its bytes intact
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("sharedsvc: error: The database failed")
    assert "set aside" in result.stderr and "20 Nov 2026 12:00" in result.stderr
    assert f'sharedsvc db restore "{good}"' in result.stderr
    assert not (damaged_copy / paths.DB_FILENAME).exists()
    moved = list(damaged_copy.glob(paths.DB_FILENAME + ".damaged-*"))
    assert len(moved) == 1 and moved[0].read_bytes() == (damaged_copy / "damaged-bytes").read_bytes()
    # AND restoring the backup it names brings the officers back
    assert run_cli(damaged_copy, "db", "restore", str(good)).returncode == 0
    listed = run_cli(damaged_copy, "officers", "list", "--json")
    assert listed.returncode == 0 and "N101" in listed.stdout


@pytest.mark.sqlite_only("damaged files")
def test_check_database_reports_damage_instead_of_crashing(damaged_copy):
    db = open_database(damaged_copy, migrate=False, check=False)
    try:
        result = check_database(db)
    finally:
        db.dispose()
    assert not result.ok
    assert "result: PROBLEMS FOUND" in result.lines()


def test_file_that_is_not_a_database_is_refused_with_a_clear_message(data_dir):
    file = data_dir / paths.DB_FILENAME
    file.write_bytes(b"This is a spreadsheet, not a database.\n" * 200)
    before = sha256(file)
    with pytest.raises(StorageError) as caught:
        open_database(data_dir)
    message = str(caught.value)
    assert "not a readable database" in message
    assert "Restore it from a backup" in message
    assert sha256(file) == before


# ------------------------------------------------------------------------------------------------ rollback


def test_a_refused_write_rolls_back_the_whole_transaction(db):
    # GIVEN one transaction that adds an officer, then tries to add a second one with the same badge
    with pytest.raises(ValidationError) as caught:
        with db.session() as s:
            first = officers.add_officer(s, first_name="Rosa", last_name="Parker", badge_number="D-9")
            assert first.id is not None
            officers.add_officer(s, first_name="Sam", last_name="Twice", badge_number="D-9")
    # THEN the second was refused on the badge field
    assert set(caught.value.fields) == {"badge_number"}
    assert "Rosa Parker" in caught.value.fields["badge_number"]
    # AND the first one is not in the database either: nothing of the transaction was kept
    counts = db_counts(db)
    assert counts["officer"] == 0
    assert counts["person"] == 0
