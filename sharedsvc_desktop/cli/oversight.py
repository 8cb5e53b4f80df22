"""``sharedsvc due``, ``sharedsvc data ...`` and the ``report quarterly|annual`` actions (section IX oversight).

``register(sub)`` adds ``due`` and ``data``; ``add_report_actions(report_subparsers)`` adds ``quarterly`` and
``annual`` to ``sharedsvc report`` (call it after the report module has set its own handlers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    date_arg,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    due = sub.add_parser("due", help="what is due and overdue: data, meetings, reports, reviews, renewals, training")
    due.add_argument("--json", action="store_true")
    due.add_argument("--today", type=date_arg, default=None, metavar="YYYY-MM-DD", help="as if today were this day")
    due.add_argument("--ics", type=Path, default=None, metavar="FILE", help="also write the list as a .ics file")
    due.set_defaults(handler=cmd_due)

    data = subcommands(sub, "data", "quarterly data under section IX (counts only)")
    enter = data.add_parser("enter", help="enter one side's figures for a school and a quarter")
    enter.add_argument("--school", required=True, help="school name or id")
    enter.add_argument("--quarter", required=True, help="e.g. 2026Q1, or baseline")
    enter.add_argument("--side", required=True, choices=["school", "police"])
    enter.add_argument("--notes", default="")
    enter.add_argument("values", nargs="+", metavar="KEY=COUNT",
                       help="e.g. disciplinary_action.total=12 disciplinary_action.type.expulsion=0 "
                            "(see `sharedsvc data fields`)")
    fields = data.add_parser("fields", help="the figures each side reports, with their keys")
    fields.add_argument("--side", required=True, choices=["school", "police"])
    status = data.add_parser("status", help="which schools have entered their figures for a quarter")
    status.add_argument("--quarter", required=True)
    status.add_argument("--json", action="store_true")
    for parser in data.choices.values():
        parser.set_defaults(handler=cmd_data)


def add_report_actions(report_subparsers) -> None:  # type: ignore[no-untyped-def]
    """Add ``quarterly`` and ``annual`` to ``sharedsvc report``."""
    q = report_subparsers.add_parser("quarterly", help="the quarterly data report, suppressed (PDF or CSV)")
    q.add_argument("--quarter", required=True, help="e.g. 2026Q1")
    q.add_argument("--out", type=Path, required=True, help="a .pdf or .csv file")
    q.set_defaults(handler=cmd_report_quarterly)
    a = report_subparsers.add_parser("annual", help="the Collaboration Team's annual report (PDF)")
    a.add_argument("--year", type=int, required=True)
    a.add_argument("--agreement", default=None, help="agreement number or id (default: the SRO program)")
    a.add_argument("--out", type=Path, required=True, help="a .pdf file")
    a.set_defaults(handler=cmd_report_annual)


def _usage(message: str) -> int:
    print(f"sharedsvc: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_due(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.compliance import compliance_items, write_compliance_ics

    today = args.today or dt.date.today()
    db = open_db(args)
    with db.read_session() as s:
        items = compliance_items(s, today=today)
        if args.ics is not None:
            write_compliance_ics(s, out=args.ics, today=today)
    if args.json:
        keys = ("kind", "title", "due_on", "status", "record_table", "record_id", "detail")
        print_json([{k: getattr(i, k) for k in keys} for i in items])
    elif not items:
        print("Nothing is due.")
    else:
        print_table(["Status", "Due", "Kind", "What"],
                    [[i.status.capitalize(), f"{i.due_on:%Y-%m-%d}", i.kind_label, i.title] for i in items])
    if args.ics is not None and not args.json:
        print(f"Calendar written to {args.ics}.")
    return EXIT_OK


def _find_school(session, key: str) -> int:  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.errors import NotFoundError
    from sharedsvc_desktop.services.oversight import data_schools

    schools = data_schools(session)
    for s in schools:
        if key.strip().isdigit() and s.id == int(key) or s.name.casefold() == key.strip().casefold():
            return s.id
    matches = [s for s in schools if key.strip().casefold() in s.name.casefold()]
    if len(matches) == 1:
        return matches[0].id
    raise NotFoundError(f"No single reporting school matches “{key}”.")


def cmd_data(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import oversight

    db = open_db(args)
    if args.action == "fields":
        with db.read_session() as s:
            layout = oversight.form_layout(s, side=args.side)
        for m in layout:
            print(f"{m.total_key}\t{m.label} (total)")
            for b in m.breakdowns:
                for c in b.categories:
                    print(f"{b.key(m.measure, c.code)}\t{m.label} {b.label}: {c.label}")
        return EXIT_OK
    if args.action == "status":
        with db.read_session() as s:
            rows = oversight.data_status(s, period=args.quarter)
        if args.json:
            print_json(rows)
        else:
            print_table(["School", "School side", "Police side"],
                        [[r.site_name, str(r.school_entered_on or "missing"), str(r.police_entered_on or "missing")]
                         for r in rows])
        return EXIT_OK
    values: dict[str, str] = {}
    for item in args.values:
        key, sep, value = item.partition("=")
        if not sep:
            return _usage(f"“{item}” is not KEY=COUNT")
        values[key.strip()] = value.strip()
    with db.session() as s:
        site_id = _find_school(s, args.school)
        row = oversight.save_data_report(s, site_id=site_id, side=args.side, period=args.quarter, counts=values,
                                         notes=args.notes)
    print(f"{row.site_name}: {row.side} figures for {oversight.period_label(row.period)} saved "
          f"({len(row.counts)} figures).")
    return EXIT_OK


def cmd_report_quarterly(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.oversight import write_quarterly_csv, write_quarterly_report

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        return _usage("--out must end in .pdf or .csv")
    db = open_db(args)
    with db.read_session() as s:
        if suffix == ".pdf":
            schools = write_quarterly_report(s, out=args.out, quarter=args.quarter)
            print(f"Quarterly data report for {args.quarter} ({schools} schools reporting) written to {args.out}.")
        else:
            rows = write_quarterly_csv(s, out=args.out, quarter=args.quarter)
            print(f"Quarterly figures for {args.quarter} ({rows} rows, small counts hidden) written to {args.out}.")
    return EXIT_OK


def cmd_report_annual(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.team import write_annual_report

    if args.out.suffix.lower() != ".pdf":
        return _usage("--out must end in .pdf")
    db = open_db(args)
    with db.read_session() as s:
        agreement_id = None
        if args.agreement:
            from sharedsvc_desktop.services.agreements import find_agreement

            agreement_id = find_agreement(s, key=args.agreement)
        meetings = write_annual_report(s, out=args.out, year=args.year, agreement_id=agreement_id)
    print(f"Collaboration Team annual report {args.year} ({meetings} meetings) written to {args.out}.")
    return EXIT_OK
