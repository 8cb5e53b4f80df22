"""``sharedsvc requests ...``: the fillable request form for schools without the program, and reading it back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sharedsvc_desktop.cli.common import EXIT_ERROR, EXIT_OK, jsonable, open_db, print_json, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    rq = subcommands(sub, "requests", "request forms from schools (fillable PDF)")
    blank = rq.add_parser("blank", help="write a school's blank, fillable request form (PDF)")
    blank.add_argument("--school", required=True, help="name or id of the school or site")
    blank.add_argument("--out", required=True, type=Path)

    imp = rq.add_parser("import", help="read filled request forms and create the requested events")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE.pdf")
    imp.add_argument("--dry-run", action="store_true", help="check only: create nothing")
    imp.add_argument("--json", action="store_true")

    conf = rq.add_parser("confirmation", help="print the confirmation of an imported request (PDF)")
    conf.add_argument("request_id", help="the request id (as listed by import)")
    conf.add_argument("--out", required=True, type=Path)

    for parser in rq.choices.values():
        parser.set_defaults(handler=cmd_requests)


def cmd_requests(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import requests, sites

    db = open_db(args)
    if args.action == "blank":
        with db.read_session() as s:
            site = sites.find_site(s, key=args.school)
            request_id = requests.write_blank_request_form(s, out=args.out, site_id=site.id)
        print(f"Wrote the blank request form for {site.name} to {args.out} (request {request_id}).")
        return EXIT_OK
    if args.action == "confirmation":
        with db.read_session() as s:
            count = requests.write_confirmation(s, out=args.out, request_id=args.request_id)
        print(f"Wrote the confirmation ({count} event{'s' if count != 1 else ''}) to {args.out}.")
        return EXIT_OK
    if args.action == "import":
        files: list[tuple[str, bytes]] = []
        unreadable: list[tuple[str, str]] = []
        for path in args.files:
            try:
                files.append((path.name, path.read_bytes()))
            except OSError as exc:
                unreadable.append((str(path), exc.strerror or str(exc)))
        with (db.read_session() if args.dry_run else db.session()) as s:
            result = requests.import_requests(s, files=files, dry_run=args.dry_run)
        if args.json:
            print_json({
                "dry_run": result.dry_run,
                "files": [
                    {"file": o.filename, "status": o.status, "message": o.message, "request_id": o.request_id,
                     "event_ids": list(o.event_ids), "series_id": o.series_id,
                     "problems": [jsonable(p) | {"text": p.text} for p in (o.check.problems if o.check else ())],
                     "warnings": list(o.check.warnings) if o.check else []}
                    for o in result.outcomes
                ] + [{"file": name, "status": "refused", "message": f"cannot be read: {why}"}
                     for name, why in unreadable],
            })
        else:
            for name, why in unreadable:
                print(f"{name}: refused: cannot be read: {why}")
            for o in result.outcomes:
                label = requests.STATUS_LABELS[o.status]
                if o.status == "problems" and o.check is not None:
                    print(f"{o.filename}: {label.lower()}:")
                    for p in o.check.problems:
                        print(f"  {p.text}")
                elif o.status == "refused":
                    print(f"{o.filename}: refused: {o.message}")
                else:
                    print(f"{o.filename}: {o.message}")
                    if o.status == "created":
                        print(f"  request id {o.request_id}")
                for w in o.check.warnings if o.check is not None and o.status != "refused" else ():
                    print(f"  note: {w}")
            summary = result.summary
            if unreadable:
                summary = summary.rstrip(".") + f"; {len(unreadable)} could not be read."
                summary = summary.removeprefix("Nothing to import; ")
            print(("Dry run (nothing created): " if result.dry_run else "") + summary)
        if unreadable or not result.ok:
            print("sharedsvc: error: some files were refused or have problems (listed above).", file=sys.stderr)
            return EXIT_ERROR
        return EXIT_OK
    raise AssertionError(args.action)
