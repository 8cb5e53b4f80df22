"""``sharedsvc db check``: is the database sound and at the schema this program expects?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError

from sharedsvc_desktop.storage import migrate


@dataclass(frozen=True)
class CheckResult:
    location: str
    quick_check: str
    foreign_key_problems: list[str] = field(default_factory=list)
    revision: str | None = None
    head: str = ""

    @property
    def ok(self) -> bool:
        return self.quick_check == "ok" and not self.foreign_key_problems and self.revision == self.head

    def lines(self) -> list[str]:
        out = [f"database: {self.location}"]
        out.append(f"integrity (quick_check): {self.quick_check}")
        if self.foreign_key_problems:
            out.append(f"broken references: {len(self.foreign_key_problems)}")
            out.extend(f"  {p}" for p in self.foreign_key_problems[:20])
        else:
            out.append("broken references: none")
        state = "up to date" if self.revision == self.head else f"needs upgrade to {self.head}"
        out.append(f"schema revision: {self.revision or 'none'} ({state})")
        out.append("result: OK" if self.ok else "result: PROBLEMS FOUND")
        return out


def check_database(db) -> CheckResult:  # type: ignore[no-untyped-def]
    try:
        revision = migrate.current_revision(db)
    except DBAPIError as exc:
        return CheckResult(db.display_location, f"damaged ({getattr(exc, 'orig', exc)})", [], None, migrate.head_revision())
    head = migrate.head_revision()
    if not db.is_sqlite:
        return CheckResult(db.display_location, "ok", [], revision, head)
    try:
        with db.read_engine.connect() as conn:
            rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
            quick = "; ".join(str(r[0]) for r in rows)
            fks = [
                f"{table} row {rowid} refers to a missing {parent}"
                for table, rowid, parent, _ in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            ]
            conn.rollback()
    except DBAPIError as exc:
        return CheckResult(db.display_location, f"damaged ({getattr(exc, 'orig', exc)})", [], revision, head)
    return CheckResult(db.display_location, quick, fks, revision, head)
