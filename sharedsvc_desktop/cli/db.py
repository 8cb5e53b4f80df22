"""``sharedsvc db ...``: database upkeep."""

from __future__ import annotations

import argparse
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    open_db,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    db = subcommands(sub, "db", "database upkeep")
    db.add_parser("check", help="integrity, references and schema revision")
    bk = db.add_parser("backup", help="a consistent copy made with SQLite's online backup")
    bk.add_argument("--out", required=True, type=Path)
    db.add_parser("upgrade", help="apply pending schema migrations (after a backup)")
    for parser in db.choices.values():
        parser.set_defaults(handler=cmd_db)


def cmd_db(args: argparse.Namespace) -> int:
    if args.action == "upgrade":
        from sharedsvc_desktop.storage import migrate

        db = open_db(args, migrate=False)
        before = migrate.current_revision(db)
        changed = migrate.upgrade_to_head(db)
        after = migrate.current_revision(db)
        print(f"Upgraded the schema from {before or 'empty'} to {after}." if changed
              else f"The schema is already up to date ({after}).")
        return EXIT_OK
    if args.action == "check":
        from sharedsvc_desktop.storage.check import check_database

        result = check_database(open_db(args, migrate=False))
        print("\n".join(result.lines()))
        return EXIT_OK if result.ok else EXIT_ERROR
    if args.action == "backup":
        from sharedsvc_desktop.storage.backup import backup_to

        db = open_db(args)
        target = backup_to(db, args.out)
        print(f"Backup written to {target} ({target.stat().st_size:,} bytes) and checked.")
        return EXIT_OK
    raise AssertionError(args.action)
