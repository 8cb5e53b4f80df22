"""``sharedsvc publish``, ``foi``, ``opendata``, ``search`` and ``lists``: what the town publishes and answers."""

from __future__ import annotations

import argparse
from pathlib import Path

from sharedsvc_desktop.cli.common import EXIT_OK, date_arg, open_db, print_json, print_table, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    pub = sub.add_parser("publish", help="write the public agreement register (index.html, PDFs, CSV) to a folder")
    pub.add_argument("--out", required=True, type=Path, help="the folder to write (created if needed)")
    pub.add_argument("--title", default="Agreement register", help="the page's title")
    pub.add_argument("--organization", default="", help="who publishes, shown after the title")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(handler=cmd_publish)

    foi = subcommands(sub, "foi", "Freedom of Information exports")
    exp = foi.add_parser("export", help="one ZIP with an agreement and/or a period's records, and a manifest")
    exp.add_argument("--agreement", default=None, help="agreement number or id (every version, signed copies)")
    exp.add_argument("--from", dest="date_from", type=date_arg, default=None, help="first day (YYYY-MM-DD)")
    exp.add_argument("--to", dest="date_to", type=date_arg, default=None, help="last day (YYYY-MM-DD)")
    exp.add_argument("--note", default="", help="the request, in a few words (kept in the manifest)")
    exp.add_argument("--out", required=True, type=Path, help="the ZIP file to write")
    exp.add_argument("--json", action="store_true")
    exp.set_defaults(handler=cmd_foi)

    od = subcommands(sub, "opendata", "open data for a regional service center or the state")
    ode = od.add_parser("export", help="hours, events and quarterly figures as CSV and JSON with schema.json")
    ode.add_argument("--from", dest="date_from", type=date_arg, required=True, help="first day (YYYY-MM-DD)")
    ode.add_argument("--to", dest="date_to", type=date_arg, required=True, help="last day (YYYY-MM-DD)")
    ode.add_argument("--out", required=True, type=Path, help="the folder to write (created if needed)")
    ode.add_argument("--json", action="store_true")
    ode.set_defaults(handler=cmd_opendata)

    se = sub.add_parser("search", help="search agreements (clauses too), events, people, schools and minutes")
    se.add_argument("text", help="words to find (the last one may be unfinished)")
    se.add_argument("--limit", type=int, default=25)
    se.add_argument("--json", action="store_true")
    se.set_defaults(handler=cmd_search)

    ls = subcommands(sub, "lists", "the user-defined lists: kinds of party and service types")
    show = ls.add_parser("show", help="the entries of a list")
    show.add_argument("list", choices=["party_kind", "service_type"])
    show.add_argument("--json", action="store_true")
    add = ls.add_parser("add", help="add an entry to a list")
    add.add_argument("list", choices=["party_kind", "service_type"])
    add.add_argument("label")
    ren = ls.add_parser("rename", help="rename an entry (by id, see: lists show)")
    ren.add_argument("id", type=int)
    ren.add_argument("label")
    for name, text in (("deactivate", "retire an entry from the choices"), ("activate", "bring an entry back")):
        p = ls.add_parser(name, help=text)
        p.add_argument("id", type=int)
    for parser in ls.choices.values():
        parser.set_defaults(handler=cmd_lists)


def cmd_publish(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.publish import publish_register

    db = open_db(args)
    with db.read_session() as s:
        result = publish_register(s, out=args.out, title=args.title, organization=args.organization)
    if args.json:
        print_json(result)
    else:
        print(f"Published {result.listed} agreement(s) to {result.folder}")
        for f in result.files:
            print(f"  {f.path}  {f.document_number}  sha256 {f.sha256}")
        print(f"Open {result.index} in a browser to check it.")
    return EXIT_OK


def cmd_foi(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.agreements import find_agreement
    from sharedsvc_desktop.services.foi import foi_export

    db = open_db(args)
    with db.read_session() as s:
        agreement_id = find_agreement(s, key=args.agreement) if args.agreement else None
        result = foi_export(s, out=args.out, agreement_id=agreement_id, date_from=args.date_from,
                            date_to=args.date_to, request_note=args.note)
    if args.json:
        print_json(result)
    else:
        print(f"Wrote {result.out}: {len(result.files)} file(s) and manifest.json (exported by {result.exported_by})")
        for f in result.files:
            print(f"  {f.path}  {f.size:,} bytes")
    return EXIT_OK


def cmd_opendata(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.opendata import export_open_data

    db = open_db(args)
    with db.read_session() as s:
        result = export_open_data(s, out=args.out, date_from=args.date_from, date_to=args.date_to)
    if args.json:
        print_json(result)
    else:
        counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
        print(f"Wrote {result.folder} (schema {result.schema_version}, k = {result.k}): {counts}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.search import search

    db = open_db(args)
    with db.read_session() as s:
        hits = search(s, text=args.text, limit=args.limit)
    if args.json:
        print_json(hits)
    elif not hits:
        print(f"Nothing found for “{args.text}”.")
    else:
        print_table(["KIND", "ID", "TITLE", "DETAIL"],
                    [[h.kind_label, str(h.record_id), h.title, h.detail] for h in hits])
    return EXIT_OK


def cmd_lists(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import service_types as st

    db = open_db(args)
    if args.action == "show":
        with db.read_session() as s:
            rows = st.list_entries(s, domain=args.list)
        if args.json:
            print_json(rows)
        else:
            print_table(["ID", "CODE", "NAME", "ACTIVE", "IN USE"],
                        [[str(r.id), r.code, r.label, "yes" if r.active else "no", str(r.in_use)] for r in rows])
        return EXIT_OK
    with db.session() as s:
        if args.action == "add":
            row = st.add_entry(s, domain=args.list, label=args.label)
        elif args.action == "rename":
            row = st.rename_entry(s, entry_id=args.id, label=args.label)
        else:
            row = st.set_entry_active(s, entry_id=args.id, active=args.action == "activate")
    print(f"{row.label} ({row.code}): {'active' if row.active else 'inactive'}")
    return EXIT_OK
