"""The command line: ``sharedsvc [--data-dir DIR | --database-url URL] COMMAND ...``.

Every command calls the same service functions as the window. Bad input prints one line and exits non-zero;
list commands take ``--json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.errors import SharedSvcError, ValidationError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from exc


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="sharedsvc", description=f"{APP_TITLE}: with no command, opens the window.")
    p.add_argument("--version", action="version", version=f"{APP_TITLE} {__version__}")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--data-dir", metavar="DIR", help="data folder (default: the user data folder)")
    where.add_argument("--database-url", metavar="URL", help="a server database, e.g. postgresql+psycopg://...")
    p.add_argument("--demo", action="store_true", help="with no command: fill an empty database with a sample")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("demo", help="fill an empty database with a realistic sample")

    off = sub.add_parser("officers", help="the officer roster").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=_Parser
    )
    ls = off.add_parser("list", help="list officers")
    ls.add_argument("--search", default="", help="part of a name or badge number")
    ls.add_argument("--active-only", action="store_true", help="leave out inactive officers")
    ls.add_argument("--json", action="store_true")
    add = off.add_parser("add", help="add an officer")
    add.add_argument("--first-name", required=True)
    add.add_argument("--last-name", required=True)
    add.add_argument("--badge", required=True)
    add.add_argument("--rank", default="Officer")
    add.add_argument("--status", default="active", choices=["active", "on_leave", "inactive"])
    add.add_argument("--hire-date", default=None)
    add.add_argument("--probation-end", default=None)
    add.add_argument("--email", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--supervisor", action="store_true")
    add.add_argument("--json", action="store_true")
    show = off.add_parser("show", help="one officer, with training and eligibility")
    show.add_argument("officer", help="badge number or id")
    show.add_argument("--json", action="store_true")
    deact = off.add_parser("deactivate", help="mark an officer inactive (records are kept)")
    deact.add_argument("officer", help="badge number or id")
    roster = off.add_parser("roster", help="print the officer roster to PDF")
    roster.add_argument("--out", required=True, type=Path)
    roster.add_argument("--active-only", action="store_true")

    sch = sub.add_parser("schools", help="schools and other sites").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=_Parser
    )
    sls = sch.add_parser("list", help="list schools and sites")
    sls.add_argument("--active-only", action="store_true")
    sls.add_argument("--json", action="store_true")
    sadd = sch.add_parser("add", help="add a school or site")
    sadd.add_argument("--name", required=True)
    sadd.add_argument("--level", default="other", choices=["elementary", "middle", "high", "other"])
    sadd.add_argument("--not-district", action="store_true", help="not a district school (e.g. church-based)")
    sadd.add_argument("--address", default="")
    sadd.add_argument("--principal", default="")
    sadd.add_argument("--phone", default="")
    sadd.add_argument("--email", default="")
    sadd.add_argument("--timezone", default="America/New_York")
    sadd.add_argument("--json", action="store_true")
    sdeact = sch.add_parser("deactivate", help="mark a school or site inactive")
    sdeact.add_argument("school", help="name or id")

    ev = sub.add_parser("events", help="event coverage").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=_Parser
    )
    els = ev.add_parser("list", help="list events")
    els.add_argument("--from", dest="date_from", type=_date, default=None)
    els.add_argument("--to", dest="date_to", type=_date, default=None)
    els.add_argument("--school", default=None, help="name or id of a school or site")
    els.add_argument("--json", action="store_true")

    db = sub.add_parser("db", help="database upkeep").add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=_Parser
    )
    db.add_parser("check", help="integrity, references and schema revision")
    bk = db.add_parser("backup", help="a consistent copy made with SQLite's online backup")
    bk.add_argument("--out", required=True, type=Path)
    db.add_parser("upgrade", help="apply pending schema migrations (after a backup)")
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))


# --------------------------------------------------------------------------------------------------- output


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def _print_json(value: Any) -> None:
    print(json.dumps(_jsonable(value), ensure_ascii=False, indent=2))


def _print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


# -------------------------------------------------------------------------------------------------- commands


def _open(args: argparse.Namespace, *, migrate: bool = True):  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.storage import open_database

    return open_database(args.data_dir, args.database_url, migrate=migrate)


def cmd_demo(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services.demo import load_demo

    db = _open(args)
    with db.session() as s:
        summary = load_demo(s)
    print(
        f"Demo data loaded into {db.display_location}: {summary.parties} parties, {summary.sites} schools and "
        f"sites, {summary.officers} officers, {summary.agreements} agreements, {summary.events} events, "
        f"{summary.assignments} assignments, {summary.hour_entries} hour entries."
    )
    return EXIT_OK


def cmd_officers(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import officers

    db = _open(args)
    if args.action == "list":
        with db.read_session() as s:
            rows = officers.list_officers(s, search=args.search, include_inactive=not args.active_only)
        if args.json:
            _print_json(rows)
        elif not rows:
            print("No officers yet. Add one with: sharedsvc officers add --first-name ... --last-name ... --badge ...")
        else:
            _print_table(
                ["BADGE", "NAME", "RANK", "STATUS", "SCHOOL DETAILS"],
                [[r.badge_number, r.full_name, r.rank, r.status_label, "eligible" if r.eligible else "not eligible"]
                 for r in rows],
            )
        return EXIT_OK
    if args.action == "add":
        with db.session() as s:
            row = officers.add_officer(
                s,
                first_name=args.first_name,
                last_name=args.last_name,
                badge_number=args.badge,
                rank=args.rank,
                status=args.status,
                hire_date=args.hire_date,
                probation_end=args.probation_end,
                email=args.email,
                phone=args.phone,
                is_supervisor=args.supervisor,
            )
        if args.json:
            _print_json(row)
        else:
            print(f"Added officer {row.full_name} (badge {row.badge_number}, id {row.id}).")
        return EXIT_OK
    if args.action == "show":
        with db.read_session() as s:
            row = officers.find_officer(s, key=args.officer)
            quals = officers.officer_qualifications(s, officer_id=row.id)
        if args.json:
            _print_json({"officer": row, "qualifications": quals})
            return EXIT_OK
        print(f"{row.full_name} — {row.rank}, badge {row.badge_number} (id {row.id})")
        print(f"Status: {row.status_label}")
        print(f"Hired: {row.hire_date or '—'}   Probation ends: {row.probation_end or '—'}")
        print(f"Contact: {row.email or '—'}  {row.phone or ''}".rstrip())
        print(row.eligibility_note)
        for q in quals:
            print(f"  {q.label}: completed {q.completed_on}, expires {q.expires_on or 'never'}")
        return EXIT_OK
    if args.action == "deactivate":
        with db.session() as s:
            found = officers.find_officer(s, key=args.officer)
            row = officers.deactivate_officer(s, officer_id=found.id)
        print(f"{row.full_name} (badge {row.badge_number}) is now inactive; their records are kept.")
        return EXIT_OK
    if args.action == "roster":
        from sharedsvc_desktop.services.reports import write_officer_roster

        with db.read_session() as s:
            count = write_officer_roster(s, out=args.out, include_inactive=not args.active_only)
        print(f"Roster of {count} officers written to {args.out}.")
        return EXIT_OK
    raise AssertionError(args.action)


def cmd_schools(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import sites

    db = _open(args)
    if args.action == "list":
        with db.read_session() as s:
            rows = sites.list_sites(s, include_inactive=not args.active_only)
        if args.json:
            _print_json(rows)
        elif not rows:
            print("No schools or sites yet. Add one with: sharedsvc schools add --name ... --level high")
        else:
            _print_table(
                ["ID", "NAME", "LEVEL", "DISTRICT", "PRINCIPAL", "ACTIVE"],
                [[str(r.id), r.name, r.level_label, "yes" if r.in_district else "no", r.principal_name,
                  "yes" if r.active else "no"] for r in rows],
            )
        return EXIT_OK
    if args.action == "add":
        with db.session() as s:
            row = sites.add_site(
                s,
                name=args.name,
                level=args.level,
                in_district=not args.not_district,
                address=args.address,
                principal_name=args.principal,
                contact_phone=args.phone,
                contact_email=args.email,
                timezone=args.timezone,
            )
        if args.json:
            _print_json(row)
        else:
            print(f"Added {row.name} (id {row.id}).")
        return EXIT_OK
    if args.action == "deactivate":
        with db.session() as s:
            found = sites.find_site(s, key=args.school)
            row = sites.deactivate_site(s, site_id=found.id)
        print(f"{row.name} is now inactive; its records are kept.")
        return EXIT_OK
    raise AssertionError(args.action)


def cmd_events(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import events, sites

    db = _open(args)
    with db.read_session() as s:
        site_id = sites.find_site(s, key=args.school).id if args.school else None
        rows = events.list_events(s, date_from=args.date_from, date_to=args.date_to, site_id=site_id)
    if args.json:
        _print_json(
            [
                {**_jsonable(r), "local_start": r.local_start.isoformat(), "local_end": r.local_end.isoformat(),
                 "hours": round(r.minutes / 60, 2)}
                for r in rows
            ]
        )
    elif not rows:
        print("No events in that period.")
    else:
        _print_table(
            ["ID", "WHEN", "SCHOOL", "EVENT", "STATUS", "STAFF"],
            [[str(r.id), r.when_text, r.site_name, r.title, r.status_label,
              f"{r.officers_assigned}/{r.officers_requested}"] for r in rows],
        )
    return EXIT_OK


def cmd_db(args: argparse.Namespace) -> int:
    if args.action == "upgrade":
        from sharedsvc_desktop.storage import migrate

        db = _open(args, migrate=False)
        before = migrate.current_revision(db)
        changed = migrate.upgrade_to_head(db)
        after = migrate.current_revision(db)
        print(f"Upgraded the schema from {before or 'empty'} to {after}." if changed
              else f"The schema is already up to date ({after}).")
        return EXIT_OK
    if args.action == "check":
        from sharedsvc_desktop.storage.check import check_database

        result = check_database(_open(args, migrate=False))
        print("\n".join(result.lines()))
        return EXIT_OK if result.ok else EXIT_ERROR
    if args.action == "backup":
        from sharedsvc_desktop.storage.backup import backup_to

        db = _open(args)
        target = backup_to(db, args.out)
        print(f"Backup written to {target} ({target.stat().st_size:,} bytes) and checked.")
        return EXIT_OK
    raise AssertionError(args.action)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "officers": cmd_officers,
    "schools": cmd_schools,
    "events": cmd_events,
    "db": cmd_db,
}


def run(args: argparse.Namespace) -> int:
    try:
        return COMMANDS[args.command](args)
    except ValidationError as exc:
        print(f"sharedsvc: error: {' '.join(exc.fields.values())}", file=sys.stderr)
        return EXIT_ERROR
    except SharedSvcError as exc:
        print(f"sharedsvc: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        print(f"sharedsvc: error: {exc.strerror or exc} ({exc.filename or ''})".rstrip(" ()"), file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line use only (the ``sharedsvc`` entry point also opens the window when no command is given)."""
    args = parse_args(argv)
    if not args.command:
        build_parser().print_help()
        return EXIT_USAGE
    return run(args)
