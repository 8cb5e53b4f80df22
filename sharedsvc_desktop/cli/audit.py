"""``sharedsvc audit ...``: the append-only, hash-chained record of every change."""

from __future__ import annotations

import argparse

from sharedsvc_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    date_arg,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    audit = subcommands(sub, "audit", "the audit trail")
    audit.add_parser("verify", help="walk the hash chain; name the first row that does not match")
    ls = audit.add_parser("list", help="the latest entries")
    ls.add_argument("--table", default=None, help="only this kind of record (e.g. officer, event)")
    ls.add_argument("--user", default=None)
    ls.add_argument("--from", dest="date_from", type=date_arg, default=None)
    ls.add_argument("--to", dest="date_to", type=date_arg, default=None)
    ls.add_argument("--limit", type=int, default=50)
    ls.add_argument("--json", action="store_true")
    for parser in audit.choices.values():
        parser.set_defaults(handler=cmd_audit)


def cmd_audit(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import audit_log

    db = open_db(args)
    if args.action == "verify":
        with db.read_session() as s:
            result = audit_log.verify(s)
        if result.ok:
            print(f"The audit trail is intact: {result.checked:,} entries checked.")
            return EXIT_OK
        print(f"The audit trail does not match at entry {result.first_bad_id}: {result.reason}. "
              f"{result.checked:,} entries before it are intact.")
        return EXIT_ERROR
    with db.read_session() as s:
        ids = audit_log.entry_ids(s, table_name=args.table, username=args.user, date_from=args.date_from,
                                  date_to=args.date_to)[: max(1, args.limit)]
        rows = audit_log.entry_rows(s, ids)
    if args.json:
        print_json(rows)
    else:
        print_table(["ID", "WHEN (UTC)", "WHO", "WHAT", "RECORD", "CHANGES"],
                    [[str(r.id), f"{r.at:%Y-%m-%d %H:%M:%S}", r.username, r.action, f"{r.table_name} {r.row_id or ''}",
                      r.summary[:80]] for r in rows])
    return EXIT_OK
