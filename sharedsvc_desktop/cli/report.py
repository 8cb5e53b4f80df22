"""``sharedsvc report ...``: the hours report and the ledger statement (and invoices)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sharedsvc_desktop.cli.common import EXIT_OK, EXIT_USAGE, date_arg, open_db, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    rep = subcommands(sub, "report", "printed reports: hours, ledger statements, invoices")
    hrs = rep.add_parser("hours", help="hours by person, site, kind and month (PDF with a chart, or CSV/XLSX)")
    hrs.add_argument("--from", dest="date_from", type=date_arg, required=True, metavar="YYYY-MM-DD")
    hrs.add_argument("--to", dest="date_to", type=date_arg, required=True, metavar="YYYY-MM-DD")
    hrs.add_argument("--out", type=Path, required=True, help="a .pdf, .csv or .xlsx file")
    hrs.add_argument("--organization", default="", help="printed at the top of each page")
    led = rep.add_parser("ledger", help="the ledger statement of an agreement for a period (PDF)")
    led.add_argument("--agreement", required=True, help="agreement number (e.g. AGR-2012-001) or id")
    led.add_argument("--from", dest="date_from", type=date_arg, required=True, metavar="YYYY-MM-DD")
    led.add_argument("--to", dest="date_to", type=date_arg, required=True, metavar="YYYY-MM-DD")
    led.add_argument("--out", type=Path, required=True, help="a .pdf file")
    inv = rep.add_parser("invoice", help="print an invoice already made (PDF)")
    inv.add_argument("number", help="invoice number (e.g. INV-2026-0001) or id")
    inv.add_argument("--out", type=Path, required=True)
    for parser in rep.choices.values():
        parser.set_defaults(handler=cmd_report)
    from sharedsvc_desktop.cli.oversight import add_report_actions

    add_report_actions(rep)  # report quarterly / report annual


def _usage(message: str) -> int:
    print(f"sharedsvc: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def cmd_report(args: argparse.Namespace) -> int:
    if getattr(args, "date_to", None) and args.date_to < args.date_from:
        return _usage("--to is before --from")
    suffix = args.out.suffix.lower()
    if args.action == "hours":
        from sharedsvc_desktop.services.hours import write_hours_report, write_hours_report_table

        if suffix not in (".pdf", ".csv", ".xlsx"):
            return _usage("--out must end in .pdf, .csv or .xlsx")
        db = open_db(args)
        with db.read_session() as s:
            if suffix == ".pdf":
                count = write_hours_report(s, out=args.out, date_from=args.date_from, date_to=args.date_to,
                                           organization=args.organization)
            else:
                count = write_hours_report_table(s, out=args.out, date_from=args.date_from, date_to=args.date_to)
        print(f"Hours report ({count:,} entries) written to {args.out}.")
        return EXIT_OK
    if args.action == "ledger":
        from sharedsvc_desktop.services.ledger import (
            agreement_ledger,
            find_agreement,
            money,
            write_ledger_statement,
        )

        if suffix != ".pdf":
            return _usage("--out must end in .pdf")
        db = open_db(args)
        with db.read_session() as s:
            agreement_id = find_agreement(s, key=args.agreement)
            ledger = agreement_ledger(s, agreement_id=agreement_id, date_from=args.date_from, date_to=args.date_to)
            write_ledger_statement(s, out=args.out, agreement_id=agreement_id, date_from=args.date_from,
                                   date_to=args.date_to)
        print(f"Ledger statement of {ledger.number} written to {args.out}: police services delivered "
              f"{money(ledger.police_delivered_cents)}, in kind received {money(ledger.in_kind_received_cents)}, "
              f"balance {money(ledger.balance_cents)}.")
        return EXIT_OK
    if args.action == "invoice":
        from sharedsvc_desktop.services.ledger import find_invoice, write_invoice

        db = open_db(args)
        with db.read_session() as s:
            found = find_invoice(s, key=args.number)
            write_invoice(s, out=args.out, invoice_id=found)
        print(f"Invoice written to {args.out}.")
        return EXIT_OK
    raise AssertionError(args.action)
