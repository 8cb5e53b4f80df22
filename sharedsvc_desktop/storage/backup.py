"""Backups with SQLite's online backup API (never a file copy of a live database), their thinning, and restore.

Automatic backups are kept as 12 daily, 10 weekly and 9 monthly copies: for each of the last 12 days that has
backups, the newest of that day; likewise for the last 10 ISO weeks and the last 9 months. Backups taken before
a schema upgrade and by hand are never thinned.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sharedsvc_desktop.errors import StorageError

AUTO_PREFIX = "auto-"
STAMP = "%Y%m%d-%H%M%S"
_STAMP_RE = re.compile(r"(\d{8}-\d{6})")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 12, 10, 9


def _refuse_without_a_file(db) -> Path:  # type: ignore[no-untyped-def]
    if db.path is None:
        if db.is_sqlite:
            raise StorageError("An in-memory database has no file to back up.")
        raise StorageError("This is a server database: back it up with the server's own tools (pg_dump).")
    return Path(db.path)


def backup_to(db, target: Path) -> Path:  # type: ignore[no-untyped-def]
    """Write a consistent copy of the database to ``target`` and check it."""
    return backup_file(_refuse_without_a_file(db), Path(target))


def backup_file(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
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


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # local wall-clock time of the machine, from the file name
    kind: str  # auto, manual, before-upgrade
    size: int

    @property
    def label(self) -> str:
        kinds = {"auto": "automatic", "manual": "by hand", "before-upgrade": "before an upgrade"}
        return f"{self.taken_at:%a %d %b %Y %H:%M} ({kinds.get(self.kind, self.kind)}, {self.size / 1e6:.1f} MB)"


def backup_folder(db) -> Path:  # type: ignore[no-untyped-def]
    if db.data_dir is None:
        raise StorageError("This database has no data folder for backups.")
    return Path(db.data_dir) / "backups"


def take_backup(db, *, kind: str = "auto", now: dt.datetime | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A checked backup in the data folder's ``backups/``; automatic ones are thinned afterwards."""
    _refuse_without_a_file(db)  # before the SQLite check below, which a server does not understand
    now = now or dt.datetime.now()
    folder = backup_folder(db)
    prefix = AUTO_PREFIX if kind == "auto" else f"{kind}-"
    with db.read_engine.connect() as conn:
        quick = conn.exec_driver_sql("PRAGMA quick_check").scalar()
        conn.rollback()
    if quick != "ok":
        raise StorageError(f"The database failed its check ({quick}); no backup was taken over the good ones.")
    folder.mkdir(parents=True, exist_ok=True)
    target, copy = folder / f"{prefix}{now.strftime(STAMP)}.sqlite3", 2
    while True:  # the name is claimed at once: two backups in one second (even at the same time) keep both
        try:
            target.open("x").close()
            break
        except FileExistsError:
            target, copy = folder / f"{prefix}{now.strftime(STAMP)}-{copy}.sqlite3", copy + 1
    try:
        backup_to(db, target)
    except BaseException:
        target.unlink(missing_ok=True)  # no empty file left to pass for a backup
        raise
    if kind == "auto":
        for old in thin(list_backups(folder), now=now):
            old.path.unlink(missing_ok=True)
    return target


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in a folder, newest first."""
    out: list[BackupInfo] = []
    if not folder.exists():
        return out
    for path in folder.glob("*.sqlite3"):
        m = _STAMP_RE.search(path.name)
        if not m:
            continue
        taken = dt.datetime.strptime(m.group(1), STAMP)
        if path.name.startswith(AUTO_PREFIX):
            kind = "auto"
        elif path.name.startswith("before-upgrade"):
            kind = "before-upgrade"
        else:
            kind = "manual"
        out.append(BackupInfo(path, taken, kind, path.stat().st_size))
    return sorted(out, key=lambda b: (b.taken_at, len(b.path.name), b.path.name), reverse=True)


def keep_set(times: Sequence[dt.datetime], *, now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the thinning keeps: newest per day (12 days), per ISO week (10), per month (9)."""
    newest_first = sorted((t for t in times if t <= now), reverse=True)
    keep: set[dt.datetime] = set()
    for key, limit in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for t in newest_first:
            k = key(t)
            if k in seen:
                continue
            if len(seen) >= limit:
                break
            seen.append(k)
            keep.add(t)
    keep.update(t for t in times if t > now)  # a clock set back: keep, never guess
    return keep


def thin(backups: Iterable[BackupInfo], *, now: dt.datetime) -> list[BackupInfo]:
    """The automatic backups the rule no longer keeps (manual and pre-upgrade ones are never thinned)."""
    autos = [b for b in backups if b.kind == "auto"]
    keep = keep_set([b.taken_at for b in autos], now=now)
    return [b for b in autos if b.taken_at not in keep]


def file_is_sound(path: Path) -> tuple[bool, str]:
    """Read-only ``quick_check`` of a database file (True, 'ok') or (False, what is wrong)."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error as exc:
        return False, str(exc)
    try:
        result = "; ".join(str(r[0]) for r in con.execute("PRAGMA quick_check").fetchall())
        return result == "ok", result
    except sqlite3.DatabaseError as exc:
        return False, str(exc)
    finally:
        con.close()


def newest_good_backup(folder: Path) -> BackupInfo | None:
    for info in list_backups(folder):
        if file_is_sound(info.path)[0]:
            return info
    return None


def set_aside(path: Path, reason: str = "damaged") -> Path:
    """Rename a database file (and its -wal/-shm) out of the way; never deletes anything."""
    stamp = dt.datetime.now().strftime(STAMP)
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    path.replace(target)
    for suffix in ("-wal", "-shm", ".seal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def restore(backup: Path, database: Path) -> Path | None:
    """Put a backup in place of the database file; the current file (if any) is set aside, not deleted.

    The caller must have closed every connection to ``database`` first. Returns where the old file went.
    """
    sound, why = file_is_sound(backup)
    if not sound:
        raise StorageError(f"The backup {backup.name} is damaged ({why}); choose another one.")
    moved = set_aside(database, "replaced") if database.exists() else None
    backup_file(backup, database)
    return moved
