"""``sharedsvc events ...``: event coverage."""

from __future__ import annotations

import argparse

from sharedsvc_desktop.cli.common import (
    EXIT_OK,
    date_arg,
    jsonable,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    ev = subcommands(sub, "events", "event coverage")
    els = ev.add_parser("list", help="list events")
    els.add_argument("--from", dest="date_from", type=date_arg, default=None)
    els.add_argument("--to", dest="date_to", type=date_arg, default=None)
    els.add_argument("--school", default=None, help="name or id of a school or site")
    els.add_argument("--json", action="store_true")

    for parser in ev.choices.values():
        parser.set_defaults(handler=cmd_events)


def cmd_events(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import events, sites

    db = open_db(args)
    with db.read_session() as s:
        site_id = sites.find_site(s, key=args.school).id if args.school else None
        rows = events.list_events(s, date_from=args.date_from, date_to=args.date_to, site_id=site_id)
    if args.json:
        print_json(
            [
                {**jsonable(r), "local_start": r.local_start.isoformat(), "local_end": r.local_end.isoformat(),
                 "hours": round(r.minutes / 60, 2)}
                for r in rows
            ]
        )
    elif not rows:
        print("No events in that period.")
    else:
        print_table(
            ["ID", "WHEN", "SCHOOL", "EVENT", "STATUS", "STAFF"],
            [[str(r.id), r.when_text, r.site_name, r.title, r.status_label,
              f"{r.officers_assigned}/{r.officers_requested}"] for r in rows],
        )
    return EXIT_OK
