"""Looking after the database itself: backups, restoring one, the integrity check, a shared server.

One function per user action, as elsewhere. These act on the open database as a whole (a file, a server), not on
its rows, so they take the ``Database`` rather than a session. Restoring a backup and choosing a server are for
administrators: ``actor`` is the signed-in user (None before any account exists, when everyone may).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.services.permissions import Actor, require_actor
from sharedsvc_desktop.storage import backup
from sharedsvc_desktop.storage.check import CheckResult
from sharedsvc_desktop.storage.check import check_database as _check

if TYPE_CHECKING:
    from sharedsvc_desktop.storage.engine import Database

BackupInfo = backup.BackupInfo


def list_backups(db: Database) -> list[BackupInfo]:
    """The backups kept beside the database file, newest first (none for a database on a server)."""
    if db.path is None:
        return []
    return backup.list_backups(backup.backup_folder(db))


def back_up_now(db: Database) -> Path:
    """A backup taken by hand: written, checked, and kept beside the automatic ones."""
    return backup.take_backup(db, kind="manual")


def back_up_automatically(db: Database) -> Path:
    """The backup the program takes by itself (on a timer and on closing, when something changed)."""
    return backup.take_backup(db, kind="auto")


def check_database(db: Database) -> CheckResult:
    """Is the database sound (integrity, references) and at the schema this program expects?"""
    return _check(db)


def check_in_background(db: Database) -> str | None:
    """The quick integrity check after the window opens: None when sound, else what is wrong."""
    from sharedsvc_desktop.storage.engine import check_in_background as check

    return check(db)


def restore_backup(db: Database, backup_path: str | Path, *, actor: Actor | None = None) -> Path | None:
    """Put a backup in place of the open database file. What is there now is backed up first, and the file it
    replaces is kept (its new name is returned). The program must start again to use it."""
    require_actor(actor, "manage_settings")
    source = Path(backup_path)
    if db.path is None:
        raise ValidationError({"backup": "This database is on a server: restore it with the server's own tools."})
    if not source.is_file():
        raise ValidationError({"backup": f"The backup {source.name} is no longer there; choose another one."})
    backup.take_backup(db, kind="manual")
    db.dispose()
    return backup.restore(source, db.path)


def test_server(url: str, password: str | None = None) -> str:
    """Connect to a PostgreSQL server once; its version when it answers, a clear error when it does not."""
    from sharedsvc_desktop.storage.server import test_connection

    return test_connection(url, password or None)


@dataclass(frozen=True)
class ServerChoice:
    address: str  # the URL without its password, for the settings
    password_kept_in: str


def use_server(url: str, password: str | None = None, *, actor: Actor | None = None) -> ServerChoice:
    """Check that a server answers, and keep its password in the system keyring (never in the settings)."""
    require_actor(actor, "manage_settings")
    from sharedsvc_desktop.storage.server import (
        parse_server_url,
        store_password,
        test_connection,
        without_password,
    )

    parsed = parse_server_url(url)
    test_connection(url, password or None)
    where = store_password(url, password) if password else "your .pgpass file (no password given)"
    return ServerChoice(without_password(parsed), where)


__all__ = [
    "BackupInfo", "CheckResult", "ServerChoice", "back_up_automatically", "back_up_now", "check_database",
    "check_in_background", "list_backups", "restore_backup", "test_server", "use_server",
]
