"""The database engine: one ``Database`` per data folder or server URL.

Every SQLite connection runs in WAL mode with ``synchronous=FULL``, foreign keys on and a busy timeout; write
transactions begin IMMEDIATE so two writers never deadlock half-way through.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from sharedsvc_desktop import paths
from sharedsvc_desktop.errors import SharedSvcError, StorageError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how each transaction starts.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")


def translate_storage_error(exc: Exception) -> SharedSvcError:
    """Turn a driver error the user must see into a clear sentence (bugs are left to propagate)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "locked" in text or "busy" in text:
        return StorageError("The database is busy (another window or program is writing). Try again in a moment.")
    if "readonly" in text or "read-only" in text:
        return StorageError("The database file is read-only: check the permissions of the data folder.")
    if "disk" in text and "full" in text:
        return StorageError("The disk is full: free some space, then try again. Nothing was saved.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StorageError("The database file is damaged. Restore it from a backup (Settings → Backups).")
    return StorageError(f"The database could not be used: {exc}")


class Database:
    """An engine, a session factory and what the program knows about where the data lives."""

    def __init__(self, url: str, *, data_dir: Path | None = None, echo: bool = False) -> None:
        self.url = make_url(url)
        self.data_dir = data_dir
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        from sharedsvc_desktop.storage import audit

        audit.install()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # reads start DEFERRED: they never wait behind a writer for the write lock
        self.read_engine = self.engine.execution_options(sqlite_begin="DEFERRED")
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    # -- paths
    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    @property
    def display_location(self) -> str:
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    # -- sessions
    @contextlib.contextmanager
    def session(self, actor: Any = None) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any error.

        ``actor`` is the signed-in user (``services.permissions.Actor``): the services check it, the audit trail
        names it."""
        session = self._sessions()
        if actor is not None:
            session.info["actor"] = actor
        try:
            yield session
            session.commit()
        except SharedSvcError:
            session.rollback()
            raise
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            raise translate_storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def read_session(self, actor: Any = None) -> Iterator[Session]:
        """A read-only transaction (deferred: does not take the write lock)."""
        session = self._read_sessions()
        if actor is not None:
            session.info["actor"] = actor
        try:
            yield session
        except (OperationalError, DatabaseError) as exc:
            raise translate_storage_error(exc) from exc
        finally:
            session.close()  # ends the transaction; loaded values stay readable (rollback would expire them)

    def dispose(self) -> None:
        self.engine.dispose()

    def close(self) -> None:
        """Close every connection and, for a SQLite file, seal it (see ``storage.seal``)."""
        self.engine.dispose()
        if self.path is not None and self.path.exists():
            from sharedsvc_desktop.storage.seal import write_seal

            try:
                write_seal(self.path)
            except (OSError, sqlite3.Error) as exc:
                log.warning("could not seal %s: %s", self.path, exc)


CHECK_MARKER = ".needs-check"


def check_in_background(db: Database) -> str | None:
    """The start-up check, run after the window is open: None when sound; otherwise what is wrong, and the next
    start checks the file before opening it (and sets it aside with the newest backup offered)."""
    from sharedsvc_desktop.storage import backup
    from sharedsvc_desktop.storage.seal import broken_seal

    file = db.path
    if file is None or not file.exists():
        return None
    sound, why = backup.file_is_sound(file)
    problem = None if sound else why
    if problem is None:
        problem = broken_seal(file)
    if problem is not None:
        file.with_name(file.name + CHECK_MARKER).write_text(problem, encoding="utf-8")
    return problem


def _refuse_if_damaged(file: Path, folder: Path) -> None:
    from sharedsvc_desktop.storage import backup
    from sharedsvc_desktop.storage.seal import broken_seal

    sound, why = backup.file_is_sound(file)
    if sound:
        rot = broken_seal(file)
        if rot is None:
            return
        why = rot
    moved = backup.set_aside(file, "damaged")
    best = backup.newest_good_backup(paths.backups_dir(folder))
    raise DatabaseDamagedError(moved, best, why)


class DatabaseDamagedError(StorageError):
    """The database failed its check at start; it was set aside and a backup may be restored."""

    def __init__(self, moved_to: Path, backup: Any, problem: str) -> None:
        self.moved_to, self.backup, self.problem = moved_to, backup, problem
        if backup is not None:
            offer = (
                f"The newest good backup is from {backup.taken_at:%d %b %Y %H:%M}: restoring it loses what was "
                f"entered after that time. Restore it with: sharedsvc db restore \"{backup.path}\""
            )
        else:
            offer = "No good backup was found; the damaged file is kept for recovery."
        super().__init__(
            f"The database failed its integrity check ({problem}). It was set aside as {moved_to.name} "
            f"(nothing was deleted). {offer}"
        )


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def open_database(
    data_dir: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    *,
    migrate: bool = True,
    check: bool | str = True,
) -> Database:
    """Open (and create or upgrade) the program's database.

    With no URL the database is the SQLite file in the data folder. ``migrate`` applies pending migrations after an
    automatic backup; a database from a newer version is refused untouched. ``check`` runs SQLite's quick check
    on an existing file first: a damaged file is set aside (renamed, never deleted) and ``DatabaseDamagedError``
    names the newest good backup. ``check="deferred"`` (the window, for a fast start) skips it unless a check run
    in the background during the last session found a problem (``check_in_background``).
    """
    from sharedsvc_desktop.storage import migrate as migrations

    url = database_url or os.environ.get(paths.DATABASE_URL_ENV)
    folder = paths.resolve_data_dir(data_dir)
    if url:
        db = Database(url, data_dir=folder)
    else:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"The data folder {folder} cannot be created: {exc.strerror}.") from exc
        file = paths.database_file(folder)
        migrations.refuse_if_newer(file)
        marker = file.with_name(file.name + CHECK_MARKER)
        if file.exists() and file.stat().st_size and (check is True or marker.exists()):
            _refuse_if_damaged(file, folder)
            marker.unlink(missing_ok=True)
        db = Database(sqlite_url(file), data_dir=folder)
    if migrate:
        migrations.upgrade_to_head(db)
    return db
