"""Write a new Alembic migration by comparing the models with a database at head.

    python scripts/new_migration.py "add invoices"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from sharedsvc_desktop.storage import migrate
from sharedsvc_desktop.storage.engine import Database, sqlite_url


def main() -> int:
    message = " ".join(sys.argv[1:]) or "schema change"
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(sqlite_url(Path(tmp) / "scratch.sqlite3"))
        if migrate.script_directory().get_current_head() is not None:
            migrate.upgrade_to_head(db)
        cfg = migrate.alembic_config()
        with db.engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
