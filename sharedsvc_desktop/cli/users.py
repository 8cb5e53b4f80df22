"""``sharedsvc users ...``: local accounts (passwords are read without echo or from a file, never printed)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from sharedsvc_desktop.cli.common import EXIT_OK, open_db, print_json, print_table, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    users = subcommands(sub, "users", "user accounts and roles")
    add = users.add_parser("add", help="add a user (the first one becomes the administrator)")
    add.add_argument("--username", required=True)
    add.add_argument("--role", default="read_only", choices=["administrator", "scheduler", "requester", "read_only"])
    add.add_argument("--password-file", type=Path, default=None, help="read the password from this file")
    ls = users.add_parser("list", help="list users")
    ls.add_argument("--json", action="store_true")
    for parser in users.choices.values():
        parser.set_defaults(handler=cmd_users)


def _password(args: argparse.Namespace) -> str:
    if args.password_file:
        return args.password_file.read_text(encoding="utf-8").rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        from sharedsvc_desktop.errors import ValidationError

        raise ValidationError({"password": "The two passwords differ."})
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import users

    db = open_db(args)
    if args.action == "add":
        password = _password(args)
        with db.session() as s:
            if users.has_users(s):
                row = users.create_user(s, username=args.username, password=password, role=args.role)
            else:
                row = users.create_first_administrator(s, username=args.username, password=password)
        print(f"Added user {row.username} ({row.role_label}).")
        return EXIT_OK
    with db.read_session() as s:
        rows = users.list_users(s)
    if args.json:
        print_json([{"id": r.id, "username": r.username, "role": r.role, "active": r.active} for r in rows])
    else:
        print_table(["USER", "ROLE", "ACTIVE"], [[r.username, r.role_label, "yes" if r.active else "no"] for r in rows])
    return EXIT_OK
