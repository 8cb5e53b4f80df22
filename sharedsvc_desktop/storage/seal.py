"""A seal on the database file at rest, to catch silent corruption (bit flips) that SQLite's checks miss.

When the window closes cleanly the write-ahead log is folded into the file and its SHA-256, size and
modification time are written beside it (``sharedsvc.sqlite3.seal``). At the next start, if the file still has
that size and modification time (nothing wrote to it since), its SHA-256 must match too; a file that was written
since (a crash, the command line) is judged by ``PRAGMA quick_check`` alone.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

SUFFIX = ".seal"


def seal_path(file: Path) -> Path:
    return file.with_name(file.name + SUFFIX)


def _digest(file: Path) -> str:
    h = hashlib.sha256()
    with open(file, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_seal(file: Path) -> None:
    """Fold the WAL into the file, then record its fingerprint (all connections should be closed)."""
    con = sqlite3.connect(str(file), timeout=30)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    stat = file.stat()
    record = {"sha256": _digest(file), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    tmp = seal_path(file).with_suffix(".tmp")
    tmp.write_text(json.dumps(record), encoding="utf-8")
    tmp.replace(seal_path(file))


def broken_seal(file: Path) -> str | None:
    """What is wrong with a file whose seal still applies, or None (no seal, a stale seal, or a match)."""
    seal = seal_path(file)
    if not seal.exists():
        return None
    try:
        record = json.loads(seal.read_text(encoding="utf-8"))
        stat = file.stat()
        if stat.st_size != record["size"] or stat.st_mtime_ns != record["mtime_ns"]:
            return None  # written since: the seal no longer applies
        if _digest(file) != record["sha256"]:
            return "its content changed while the program was closed (silent corruption of the disk)"
    except (OSError, ValueError, KeyError):
        return None
    return None
