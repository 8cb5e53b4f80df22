"""``sharedsvc hours ...``: import and export hour entries, log an event's hours, close a period."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    date_arg,
    open_db,
    print_json,
    subcommands,
)


def _mapping(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        column, sep, header = pair.partition("=")
        if not sep:
            raise argparse.ArgumentTypeError(f"--map {pair}: use COLUMN=HEADER, e.g. --map person=Employee")
        out[column.strip()] = header.strip()
    return out


def register(sub) -> None:  # type: ignore[no-untyped-def]
    hrs = subcommands(sub, "hours", "hour entries: import, export, log an event's hours, close a period")
    imp = hrs.add_parser(
        "import",
        help="import hour entries from CSV or XLSX (date,person,badge,site,kind,start,end,hours,event,agreement,"
        "billable,notes); nothing is imported if any row is bad",
    )
    imp.add_argument("file", type=Path, help="a .csv or .xlsx file")
    imp.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    imp.add_argument("--map", action="append", default=[], metavar="COLUMN=HEADER",
                     help="the spreadsheet's header for one of our columns (repeatable), e.g. person=Employee")
    imp.add_argument("--skip-bad-rows", action="store_true",
                     help="import the good rows even if some are bad (the bad ones are listed and left out)")
    imp.add_argument("--json", action="store_true")
    exp = hrs.add_parser("export", help="export hour entries to CSV or XLSX (marks them exported)")
    exp.add_argument("--from", dest="date_from", type=date_arg, required=True, metavar="YYYY-MM-DD")
    exp.add_argument("--to", dest="date_to", type=date_arg, required=True, metavar="YYYY-MM-DD")
    exp.add_argument("--out", type=Path, required=True, help="a .csv or .xlsx file")
    ev = hrs.add_parser("log-event", help="after an event: one entry per officer assigned to it")
    ev.add_argument("event_id", type=int)
    close = hrs.add_parser("close-period", help="close a period: its entries are locked")
    close.add_argument("--from", dest="date_from", type=date_arg, required=True, metavar="YYYY-MM-DD")
    close.add_argument("--to", dest="date_to", type=date_arg, required=True, metavar="YYYY-MM-DD")
    for parser in hrs.choices.values():
        parser.set_defaults(handler=cmd_hours)


def cmd_hours(args: argparse.Namespace) -> int:
    if args.action == "import":
        return _import(args)
    db = open_db(args)
    if args.action == "export":
        from sharedsvc_desktop.exchange.hours_csv import export_hours

        if args.out.suffix.lower() not in (".csv", ".xlsx"):
            print("sharedsvc: error: --out must end in .csv or .xlsx", file=sys.stderr)
            return EXIT_USAGE
        if args.date_to < args.date_from:
            print("sharedsvc: error: --to is before --from", file=sys.stderr)
            return EXIT_USAGE
        with db.session() as s:
            count = export_hours(s, out=args.out, date_from=args.date_from, date_to=args.date_to)
        print(f"{count:,} hour entries written to {args.out}.")
        return EXIT_OK
    if args.action == "log-event":
        from sharedsvc_desktop.services.hours import log_event_hours

        with db.session() as s:
            result = log_event_hours(s, event_id=args.event_id)
        print(f"{result.created} entr{'y' if result.created == 1 else 'ies'} logged, "
              f"{result.already_logged} already logged.")
        for line in result.skipped:
            print(f"  not logged: {line}")
        return EXIT_OK
    if args.action == "close-period":
        from sharedsvc_desktop.services.hours import close_period

        with db.session() as s:
            row = close_period(s, period_start=args.date_from, period_end=args.date_to)
        print(f"Closed {row.period_start} to {row.period_end}: {row.locked_entries:,} entries are locked.")
        return EXIT_OK
    raise AssertionError(args.action)


def _import(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.exchange.hours_csv import format_errors, import_hours_file

    if args.file.suffix.lower() not in (".csv", ".xlsx", ".xlsm"):
        print("sharedsvc: error: the file must end in .csv or .xlsx", file=sys.stderr)
        return EXIT_USAGE
    if not args.file.is_file():
        print(f"sharedsvc: error: {args.file} does not exist", file=sys.stderr)
        return EXIT_ERROR
    try:
        mapping = _mapping(args.map)
    except argparse.ArgumentTypeError as exc:
        print(f"sharedsvc: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    db = open_db(args)
    with db.session() as s:
        report = import_hours_file(s, path=args.file, mapping=mapping or None, dry_run=args.dry_run,
                                   accept_bad_rows=args.skip_bad_rows)
    if args.json:
        print_json(report)
    for line in format_errors(report.errors):
        print(line, file=sys.stderr)
    bad = len(report.errors)
    if args.dry_run:
        print(f"Checked {report.total_rows:,} rows: {report.good_rows:,} good, {bad:,} bad. Nothing was imported "
              "(dry run).")
    elif report.imported:
        print(f"Imported {report.imported:,} entries ({report.minutes / 60:,.2f} hours) as batch {report.batch}."
              + (f" {bad:,} bad rows were left out." if bad else ""))
    else:
        print(f"Nothing was imported: {bad:,} of {report.total_rows:,} rows are bad (listed above). Correct them "
              "and import again." if bad else "Nothing was imported: the file has no rows.")
    return EXIT_ERROR if bad and not (args.skip_bad_rows and report.imported) else EXIT_OK
