"""``sharedsvc officers ...``: the officer roster."""

from __future__ import annotations

import argparse
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_OK,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    off = subcommands(sub, "officers", "the officer roster")
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
    train = off.add_parser("train", help="record a training course or qualification of an officer")
    train.add_argument("officer", help="badge number or id")
    train.add_argument("--kind", required=True, help="training code, e.g. sel_restorative (see: officers kinds)")
    train.add_argument("--completed", required=True, help="completion date (YYYY-MM-DD)")
    train.add_argument("--expires", default=None, help="expiry date (YYYY-MM-DD; none if it does not expire)")
    train.add_argument("--notes", default="")
    off.add_parser("kinds", help="the kinds of training that can be recorded")
    roster = off.add_parser("roster", help="print the officer roster to PDF")
    roster.add_argument("--out", required=True, type=Path)
    roster.add_argument("--active-only", action="store_true")

    for parser in off.choices.values():
        parser.set_defaults(handler=cmd_officers)


def cmd_officers(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import officers

    db = open_db(args)
    if args.action == "list":
        with db.read_session() as s:
            rows = officers.list_officers(s, search=args.search, include_inactive=not args.active_only)
        if args.json:
            print_json(rows)
        elif not rows:
            print("No officers yet. Add one with: sharedsvc officers add --first-name ... --last-name ... --badge ...")
        else:
            print_table(
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
            print_json(row)
        else:
            print(f"Added officer {row.full_name} (badge {row.badge_number}, id {row.id}).")
        return EXIT_OK
    if args.action == "show":
        with db.read_session() as s:
            row = officers.find_officer(s, key=args.officer)
            quals = officers.officer_qualifications(s, officer_id=row.id)
        if args.json:
            print_json({"officer": row, "qualifications": quals})
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
    if args.action == "train":
        with db.session() as s:
            found = officers.find_officer(s, key=args.officer)
            q = officers.add_qualification(
                s, officer_id=found.id, kind=args.kind, completed_on=args.completed, expires_on=args.expires,
                notes=args.notes,
            )
            row = officers.get_officer(s, officer_id=found.id)
        print(f"Recorded {q.label} for {row.full_name} (completed {q.completed_on}, expires {q.expires_on or 'never'}).")
        print(row.eligibility_note)
        return EXIT_OK
    if args.action == "kinds":
        with db.read_session() as s:
            kinds = officers.qualification_kinds(s)
        print_table(["CODE", "TRAINING", "REQUIRED"], [[k.code, k.label, "yes" if k.required else ""] for k in kinds])
        return EXIT_OK
    if args.action == "roster":
        from sharedsvc_desktop.services.reports import write_officer_roster

        with db.read_session() as s:
            count = write_officer_roster(s, out=args.out, include_inactive=not args.active_only)
        print(f"Roster of {count} officers written to {args.out}.")
        return EXIT_OK
    raise AssertionError(args.action)
