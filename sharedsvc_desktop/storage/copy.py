"""Copy every record from one database to another (a SQLite file to a PostgreSQL server, and back).

The target must be new (migrated, with nothing but the default lists); tables are copied parent first, with their
ids, in batches; server sequences are moved past the copied ids; then row counts and totals are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, func, insert, select, text

from sharedsvc_desktop.errors import StorageError
from sharedsvc_desktop.models import Base

BATCH = 5000
# Totals compared after the copy, besides the row count of every table.
TOTALS = {"hour_entry": "minutes", "invoice": "total_cents", "data_count": "value"}


@dataclass(frozen=True)
class CopyReport:
    tables: dict[str, int]  # rows copied per table
    totals: dict[str, int]

    def lines(self) -> list[str]:
        out = [f"{name}: {count:,} rows" for name, count in self.tables.items() if count]
        out += [f"total {name}: {value:,}" for name, value in self.totals.items()]
        return out


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _snapshot(db) -> tuple[dict[str, int], dict[str, int]]:  # type: ignore[no-untyped-def]
    counts: dict[str, int] = {}
    totals: dict[str, int] = {}
    with db.read_engine.connect() as conn:
        for table in _tables():
            counts[table.name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
        for name, column in TOTALS.items():
            table = Base.metadata.tables[name]
            totals[f"{name}.{column}"] = int(conn.execute(select(func.coalesce(func.sum(table.c[column]), 0))).scalar())
        conn.rollback()
    return counts, totals


def copy_database(source, target, *, progress: Callable[[int, int, str], None] | None = None) -> CopyReport:  # type: ignore[no-untyped-def]
    """Copy all rows of ``source`` into the empty ``target`` (both open and at the same schema revision)."""
    from sharedsvc_desktop.storage import migrate

    if migrate.current_revision(source) != migrate.current_revision(target):
        raise StorageError("Both databases must be at the same schema version: run `sharedsvc db upgrade` first.")
    counts, _ = _snapshot(target)
    busy = [name for name, count in counts.items() if count and name != "category"]
    if busy:
        raise StorageError(
            f"The target database already holds records ({', '.join(busy[:5])}): copy only into a new database."
        )
    tables = _tables()
    src_counts, src_totals = _snapshot(source)
    total = sum(src_counts.values())
    done = 0
    with source.read_engine.connect() as src, target.engine.begin() as dst:
        if target.is_sqlite:
            dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        dst.execute(Base.metadata.tables["category"].delete())
        for table in tables:
            pk = list(table.primary_key.columns)
            result = src.execution_options(stream_results=True).execute(select(table).order_by(*pk))
            while True:
                rows = result.fetchmany(BATCH)
                if not rows:
                    break
                dst.execute(insert(table), [dict(r._mapping) for r in rows])
                done += len(rows)
                if progress is not None:
                    progress(done, total, f"Copying {table.name}")
        if target.url.get_backend_name() == "postgresql":
            for table in tables:
                if "id" in table.c and table.c.id.primary_key:
                    dst.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    ))
        src.rollback()
    dst_counts, dst_totals = _snapshot(target)
    if dst_counts != src_counts or dst_totals != src_totals:
        differ = [n for n in src_counts if src_counts[n] != dst_counts.get(n)]
        raise StorageError(f"The copy does not match the source (tables: {', '.join(differ) or 'totals'}).")
    return CopyReport(dst_counts, dst_totals)


def pg_dump(db, out) -> str:  # type: ignore[no-untyped-def]
    """Back up a PostgreSQL database with ``pg_dump`` (custom format), when the tool is installed."""
    import os
    import shutil
    import subprocess

    tool = shutil.which("pg_dump")
    if tool is None:
        raise StorageError(
            "pg_dump was not found: install the PostgreSQL client tools, or back up the server with its own tools."
        )
    url = db.url
    env = dict(os.environ)
    args = [tool, "--format=custom", f"--file={out}", "--no-owner"]
    host = url.host or (url.query.get("host") if url.query else None)
    if host:
        args.append(f"--host={host}")
    if url.port:
        args.append(f"--port={url.port}")
    if url.username:
        args.append(f"--username={url.username}")
    if url.password:
        env["PGPASSWORD"] = url.password
    args.append(url.database or "")
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise StorageError(f"pg_dump failed: {done.stderr.strip() or done.returncode}")
    return tool
