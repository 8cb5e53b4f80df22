"""``sharedsvc db ...``: database upkeep: check, backups, restore, upgrade."""

from __future__ import annotations

import argparse
from pathlib import Path

from sharedsvc_desktop.cli.common import EXIT_ERROR, EXIT_OK, open_db, print_json, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    db = subcommands(sub, "db", "database upkeep")
    db.add_parser("check", help="integrity, references and schema revision (changes nothing)")
    bk = db.add_parser("backup", help="a checked copy made with SQLite's online backup")
    bk.add_argument("--out", type=Path, default=None, help="where (default: the data folder's backups/)")
    ls = db.add_parser("backups", help="list the backups in the data folder")
    ls.add_argument("--json", action="store_true")
    rs = db.add_parser("restore", help="put a backup in place of the database (the current file is kept aside)")
    rs.add_argument("backup", type=Path)
    db.add_parser("upgrade", help="apply pending schema migrations (after a backup)")
    cp = db.add_parser("copy", help="copy every record into a new database (e.g. to a PostgreSQL server)")
    cp.add_argument("--to", required=True, metavar="URL_OR_FOLDER",
                    help="postgresql+psycopg://user@host/db, sqlite:///file, or a new data folder")
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

        result = check_database(open_db(args, migrate=False, check=False))
        print("\n".join(result.lines()))
        return EXIT_OK if result.ok else EXIT_ERROR
    if args.action == "backup":
        from sharedsvc_desktop.storage.backup import backup_to, take_backup

        db = open_db(args)
        if not db.is_sqlite:
            from sharedsvc_desktop.storage.copy import pg_dump

            out = args.out or Path(f"{db.url.database}.dump")
            tool = pg_dump(db, out)
            print(f"Backup written to {out} with {tool} (restore it with pg_restore).")
            return EXIT_OK
        target = backup_to(db, args.out) if args.out else take_backup(db, kind="manual")
        print(f"Backup written to {target} ({target.stat().st_size:,} bytes) and checked.")
        return EXIT_OK
    if args.action == "backups":
        from sharedsvc_desktop import paths
        from sharedsvc_desktop.storage.backup import list_backups

        folder = paths.backups_dir(paths.resolve_data_dir(args.data_dir))
        found = list_backups(folder)
        if args.json:
            print_json([{"path": str(b.path), "taken_at": b.taken_at, "kind": b.kind, "size": b.size} for b in found])
        elif not found:
            print(f"No backups yet in {folder}.")
        else:
            for b in found:
                print(f"{b.label}  {b.path}")
        return EXIT_OK
    if args.action == "restore":
        from sharedsvc_desktop import paths
        from sharedsvc_desktop.errors import StorageError
        from sharedsvc_desktop.storage.backup import restore
        from sharedsvc_desktop.storage.lock import InstanceLock

        if args.database_url:
            raise StorageError("Restore a server database with the server's own tools (pg_restore).")
        folder = paths.resolve_data_dir(args.data_dir)
        if not args.backup.exists():
            raise StorageError(f"There is no backup file {args.backup}.")
        with InstanceLock(folder):
            moved = restore(args.backup, paths.database_file(folder))
        kept = f" The previous file was kept as {moved.name}." if moved else ""
        print(f"Restored {args.backup.name} into {paths.database_file(folder)}.{kept}")
        open_db(args)  # upgrade it if the backup came from an older version
        return EXIT_OK
    if args.action == "copy":
        from sharedsvc_desktop.storage import open_database
        from sharedsvc_desktop.storage.copy import copy_database

        source = open_db(args)
        if "://" in args.to:
            target = open_database(None, args.to)
        else:
            target = open_database(args.to)
        report = copy_database(source, target)
        print(f"Copied into {target.display_location}; counts and totals match:")
        for line in report.lines():
            print(f"  {line}")
        return EXIT_OK
    raise AssertionError(args.action)
