"""Backups with SQLite's online backup API (never a file copy of a live database)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sharedsvc_desktop.errors import StorageError


def backup_to(db, target: Path) -> Path:  # type: ignore[no-untyped-def]
    """Write a consistent copy of the database to ``target`` and check it."""
    if db.path is None:
        if db.is_sqlite:
            raise StorageError("An in-memory database has no file to back up.")
        raise StorageError("This is a server database: back it up with the server's own tools (pg_dump).")
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    if tmp.exists():
        tmp.unlink()
    src = sqlite3.connect(str(db.path), timeout=30)
    try:
        dst = sqlite3.connect(str(tmp))
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            ok = dst.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dst.close()
    finally:
        src.close()
    if ok != "ok":
        tmp.unlink(missing_ok=True)
        raise StorageError(f"The backup failed its check ({ok}); the database may be damaged.")
    tmp.replace(target)
    return target
