"""``sharedsvc sro ...``: School Resource Officer appointments."""

from __future__ import annotations

import argparse

from sharedsvc_desktop.cli.common import EXIT_OK, date_arg, open_db, print_json, print_table, subcommands


def register(sub) -> None:  # type: ignore[no-untyped-def]
    sro = subcommands(sub, "sro", "School Resource Officer appointments")
    ls = sro.add_parser("list", help="appointments of a school year (default: this one)")
    ls.add_argument("--year", default=None, help="school year, e.g. 2026-27 (default: the current one)")
    ls.add_argument("--all", action="store_true", help="every school year")
    ls.add_argument("--school", default=None, help="only this school (name or id): its history")
    ls.add_argument("--officer", default=None, help="only this officer (badge or id): their history")
    ls.add_argument("--json", action="store_true")
    show = sro.add_parser("show", help="one appointment with its schedule, review and timeline")
    show.add_argument("appointment", type=int, help="appointment id")
    show.add_argument("--json", action="store_true")
    app = sro.add_parser("appoint", help="appoint an SRO at a school for a school year")
    app.add_argument("--school", required=True, help="name or id")
    app.add_argument("--officer", required=True, help="badge number or id")
    app.add_argument("--year", default=None, help="school year, e.g. 2026-27 (default: the current one)")
    app.add_argument("--start", required=True, type=date_arg, help="first day (YYYY-MM-DD)")
    app.add_argument("--end", type=date_arg, default=None, help="last day (default: end of the school year)")
    app.add_argument("--appointed-by", type=int, default=None,
                     help="person id of the chief or designee (default: the only chief recorded)")
    app.add_argument("--appointed-on", type=date_arg, required=True)
    app.add_argument("--superintendent", type=int, default=None,
                     help="person id of the superintendent (default: the only one recorded)")
    app.add_argument("--agreed-on", type=date_arg, required=True, help="date the superintendent agreed")
    app.add_argument("--duty", action="append", default=[], metavar="DAYS=HH:MM-HH:MM",
                     help="weekly duty, e.g. Mon-Fri=07:15-15:15 or Wed=08:00-12:00 (repeatable)")
    app.add_argument("--override-reason", default="", help="reason to appoint an officer who is not eligible")
    app.add_argument("--allow-second", action="store_true", help="allow an overlapping appointment")
    app.add_argument("--json", action="store_true")
    end = sro.add_parser("end", help="end an appointment (the record is kept)")
    end.add_argument("appointment", type=int, help="appointment id")
    end.add_argument("--on", required=True, type=date_arg, help="last day")
    end.add_argument("--reason", default="")
    due = sro.add_parser("due", help="annual reviews due or overdue")
    due.add_argument("--today", type=date_arg, default=None)
    due.add_argument("--json", action="store_true")
    for parser in sro.choices.values():
        parser.set_defaults(handler=cmd_sro)


def parse_duty(texts: list[str]) -> list[tuple[int, str, str]]:
    """"Mon-Fri=07:15-15:15" -> [(0, "07:15", "15:15"), ... (4, ...)]."""
    from sharedsvc_desktop.errors import ValidationError
    from sharedsvc_desktop.services.sro import _weekday

    out: list[tuple[int, str, str]] = []
    for text in texts:
        days, _, hours = text.partition("=")
        start, _, end = hours.partition("-")
        first, _, last = days.partition("-")
        a, b = _weekday(first), _weekday(last or first)
        if a is None or b is None or not start or not end or b < a:
            raise ValidationError({"duty": f"“{text}” is not a duty period (write e.g. Mon-Fri=07:15-15:15)."})
        out += [(d, start.strip(), end.strip()) for d in range(a, b + 1)]
    return out


def cmd_sro(args: argparse.Namespace) -> int:
    import datetime as dt

    from sharedsvc_desktop.errors import ValidationError
    from sharedsvc_desktop.services import officers, sites, sro

    db = open_db(args)
    if args.action == "list":
        with db.read_session() as s:
            site_id = sites.find_site(s, key=args.school).id if args.school else None
            officer_id = officers.find_officer(s, key=args.officer).id if args.officer else None
            history = site_id is not None or officer_id is not None
            year = None if (args.all or (history and not args.year)) else (
                args.year or sro.school_year_of(dt.date.today()))
            rows = sro.list_appointments(s, school_year=year, site_id=site_id, officer_id=officer_id)
        if args.json:
            print_json(rows)
        elif not rows:
            print(f"No SRO appointments{' for ' + year if year else ''}. Appoint one with: sharedsvc sro appoint ...")
        else:
            print_table(
                ["ID", "YEAR", "SCHOOL", "SRO", "BADGE", "FROM", "TO", "STATUS", "REVIEW", "DUTY"],
                [[str(r.id), r.school_year, r.site_name, r.officer_name, r.badge_number, r.start_date.isoformat(),
                  r.end_date.isoformat() if r.end_date else "", r.status_label, r.review_state, r.schedule_text]
                 for r in rows],
            )
        return EXIT_OK
    if args.action == "show":
        with db.read_session() as s:
            detail = sro.appointment_detail(s, appointment_id=args.appointment)
        if args.json:
            print_json(detail)
            return EXIT_OK
        a = detail.appointment
        print(f"{a.officer_name} (badge {a.badge_number}) at {a.site_name}, {a.school_year}: {a.status_label}")
        print(f"{a.dates_text}; duty {a.schedule_text}; review: {a.review_state}")
        for t in detail.timeline:
            print(f"  {t.day.isoformat()}  {t.title}{': ' + t.text if t.text else ''}")
        return EXIT_OK
    if args.action == "appoint":
        with db.session() as s:
            site = sites.find_site(s, key=args.school)
            officer = officers.find_officer(s, key=args.officer)
            choices = sro.appointment_choices(s)
            by, supt = args.appointed_by, args.superintendent
            if by is None:
                if len(choices.appointers) != 1:
                    raise ValidationError({"appointed_by_id": "Give --appointed-by (the person id of the chief or "
                                                              "designee): " + _people(choices.appointers)})
                by = choices.appointers[0].id
            if supt is None:
                if len(choices.superintendents) != 1:
                    raise ValidationError({"superintendent_id": "Give --superintendent (a person id): "
                                                                + _people(choices.superintendents)})
                supt = choices.superintendents[0].id
            row = sro.appoint_sro(
                s, site_id=site.id, officer_id=officer.id, school_year=args.year or sro.school_year_of(args.start),
                start_date=args.start, end_date=args.end, appointed_by_id=by, appointed_on=args.appointed_on,
                superintendent_id=supt, superintendent_agreed_on=args.agreed_on, duties=parse_duty(args.duty),
                eligibility_override_reason=args.override_reason, allow_overlap=args.allow_second,
            )
        if args.json:
            print_json(row)
        else:
            print(f"Appointed {row.officer_name} SRO at {row.site_name} for {row.school_year} "
                  f"({row.dates_text}; appointment {row.id}).")
            if row.eligibility_override_reason:
                print(f"Eligibility override recorded: {row.eligibility_override_reason}")
        return EXIT_OK
    if args.action == "end":
        with db.session() as s:
            row = sro.end_appointment(s, appointment_id=args.appointment, end_date=args.on, reason=args.reason)
        print(f"Appointment {row.id} ({row.officer_name} at {row.site_name}) ended on {row.end_date}.")
        return EXIT_OK
    if args.action == "due":
        with db.read_session() as s:
            items = sro.reviews_due(s, today=args.today or dt.date.today())
        if args.json:
            print_json(items)
        elif not items:
            print("No annual SRO reviews are due.")
        else:
            for item in items:
                print(item.text)
        return EXIT_OK
    raise AssertionError(args.action)


def _people(choices) -> str:  # type: ignore[no-untyped-def]
    return ", ".join(f"{p.id} = {p.text}" for p in choices) or "none recorded (add them under School staff)"
