"""Schema migrations: Alembic, run by the program at start and by ``sharedsvc db upgrade``.

- A database written by a newer version of the program is refused and left byte-for-byte untouched.
- Before an existing file is upgraded, it is backed up with SQLite's online backup API.
- Foreign keys are switched off around a migration (a batch table rebuild with them on silently empties
  ON DELETE CASCADE children) and ``PRAGMA foreign_key_check`` runs after it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sharedsvc_desktop.errors import DatabaseTooNewError, StorageError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic loads only when a migration has to run

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the migration files without importing Alembic (a fast start)."""
    graph: dict[str, str | None] = {}
    for file in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = file.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            graph[rev.group(1)] = down.group(1) if down else None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise StorageError(f"The program's migrations have {len(heads)} heads; expected one.")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_graph())


def file_revision(file: Path) -> str | None:
    """The schema revision stored in a SQLite file, read without writing anything (None: new or empty)."""
    if not file.exists() or file.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StorageError(f"The database {file} cannot be opened: {exc}.") from exc
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return rev[0] if rev else None
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"The file {file} is not a readable database ({exc}). Restore it from a backup."
        ) from exc
    finally:
        con.close()


def refuse_if_newer(file: Path) -> None:
    rev = file_revision(file)
    if rev is not None and rev not in known_revisions():
        raise DatabaseTooNewError(
            f"The database {file} was written by a newer version of Shared Services Desktop "
            f"(schema {rev}). Install the newer version to open it; the file was not changed."
        )


def current_revision(db) -> str | None:  # type: ignore[no-untyped-def]
    """The schema revision recorded in the database (None: empty), read with one query."""
    with db.read_engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except DBAPIError:
            return None  # no alembic_version table yet: a new database
        finally:
            conn.rollback()


def _backup_before_upgrade(db, rev: str | None) -> Path | None:  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.storage.backup import backup_to

    if db.path is None or not db.path.exists() or rev is None or db.data_dir is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.data_dir / "backups" / f"before-upgrade-{rev}-{stamp}.sqlite3"
    backup_to(db, target)
    log.info("backed up %s to %s before upgrading", db.path, target)
    return target


def upgrade_to_head(db) -> bool:  # type: ignore[no-untyped-def]
    """Apply pending migrations. Returns True when something was applied."""
    rev = current_revision(db)
    head = head_revision()
    if rev == head:
        return False
    if rev is not None and rev not in known_revisions():
        raise DatabaseTooNewError(
            f"The database was written by a newer version of Shared Services Desktop (schema {rev})."
        )
    _backup_before_upgrade(db, rev)
    _run(db, "upgrade", head)
    return True


def downgrade(db, target: str) -> None:  # type: ignore[no-untyped-def]
    _run(db, "downgrade", target)


def _run(db, verb: str, target: str) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            cfg.attributes["connection"] = conn
            getattr(command, verb)(cfg, target)
            if db.is_sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StorageError(
                        f"The upgrade left {len(problems)} broken references (first: {problems[0]}); "
                        "restore the backup taken before the upgrade."
                    )
        finally:
            if db.is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        if conn.in_transaction():
            conn.commit()
    with db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
