"""``sharedsvc demo``: fill an empty database with the sample."""

from __future__ import annotations

import argparse

from sharedsvc_desktop.cli.common import EXIT_OK, open_db


def register(sub) -> None:  # type: ignore[no-untyped-def]
    sub.add_parser("demo", help="fill an empty database with a realistic sample").set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.demo import load_demo

    db = open_db(args)
    with db.session() as s:
        summary = load_demo(s)
    print(
        f"Demo data loaded into {db.display_location}: {summary.parties} parties, {summary.sites} schools and "
        f"sites, {summary.officers} officers, {summary.agreements} agreements, {summary.events} events, "
        f"{summary.assignments} assignments, {summary.hour_entries} hour entries."
    )
    return EXIT_OK
