"""``sharedsvc schools ...``: schools and other sites."""

from __future__ import annotations

import argparse

from sharedsvc_desktop.cli.common import (
    EXIT_OK,
    open_db,
    print_json,
    print_table,
    subcommands,
)


def register(sub) -> None:  # type: ignore[no-untyped-def]
    sch = subcommands(sub, "schools", "schools and other sites")
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

    staff = sch.add_parser("staff", help="school staff and signatories (superintendent, principals, IT staff...)")
    staff.add_argument("--role", default=None, help="only this role, e.g. principal")
    staff.add_argument("--json", action="store_true")
    add_staff = sch.add_parser("add-staff", help="add a staff member or signatory")
    add_staff.add_argument("--first-name", required=True)
    add_staff.add_argument("--last-name", required=True)
    add_staff.add_argument("--role", required=True,
                           choices=["superintendent", "principal", "secretary", "it_staff", "chief", "designee",
                                    "other"])
    add_staff.add_argument("--title", default="")
    add_staff.add_argument("--school", default=None, help="the school (name or id) of a principal or secretary")
    add_staff.add_argument("--email", default="")
    add_staff.add_argument("--phone", default="")

    for parser in sch.choices.values():
        parser.set_defaults(handler=cmd_schools)


def cmd_schools(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import sites

    db = open_db(args)
    if args.action == "list":
        with db.read_session() as s:
            rows = sites.list_sites(s, include_inactive=not args.active_only)
        if args.json:
            print_json(rows)
        elif not rows:
            print("No schools or sites yet. Add one with: sharedsvc schools add --name ... --level high")
        else:
            print_table(
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
            print_json(row)
        else:
            print(f"Added {row.name} (id {row.id}).")
        return EXIT_OK
    if args.action == "staff":
        from sharedsvc_desktop.services import people

        with db.read_session() as s:
            staff = people.list_people(s, role=args.role)
        if args.json:
            print_json(staff)
        elif not staff:
            print("No staff recorded. Add someone with: sharedsvc schools add-staff ...")
        else:
            print_table(["ID", "NAME", "ROLE", "TITLE", "SCHOOL", "ACTIVE"],
                        [[str(p.id), p.full_name, p.role_label, p.title, p.site_name, "yes" if p.active else "no"]
                         for p in staff])
        return EXIT_OK
    if args.action == "add-staff":
        from sharedsvc_desktop.services import people

        with db.session() as s:
            site_id = sites.find_site(s, key=args.school).id if args.school else None
            person = people.add_person(s, first_name=args.first_name, last_name=args.last_name, role=args.role,
                                       title=args.title, site_id=site_id, email=args.email, phone=args.phone)
        print(f"Added {person.full_name}, {person.title} (id {person.id}).")
        return EXIT_OK
    if args.action == "deactivate":
        with db.session() as s:
            found = sites.find_site(s, key=args.school)
            row = sites.deactivate_site(s, site_id=found.id)
        print(f"{row.name} is now inactive; its records are kept.")
        return EXIT_OK
    raise AssertionError(args.action)
