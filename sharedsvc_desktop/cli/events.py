"""``sharedsvc events ...``: event coverage (requests, approval, staffing, calendars, the week's roster)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sharedsvc_desktop.cli.common import (
    EXIT_OK,
    date_arg,
    jsonable,
    open_db,
    print_json,
    print_table,
    subcommands,
)
from sharedsvc_desktop.defaults import EVENT_STATUSES


def time_arg(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” is not a time of day (use HH:MM, 24-hour clock)") from exc


def register(sub) -> None:  # type: ignore[no-untyped-def]
    ev = subcommands(sub, "events", "event coverage")
    els = ev.add_parser("list", help="list events")
    els.add_argument("--from", dest="date_from", type=date_arg, default=None)
    els.add_argument("--to", dest="date_to", type=date_arg, default=None)
    els.add_argument("--school", default=None, help="name or id of a school or site")
    els.add_argument("--status", action="append", choices=sorted(EVENT_STATUSES), default=None,
                     help="only events with this status (repeatable)")
    els.add_argument("--json", action="store_true")

    show = ev.add_parser("show", help="one event with its officers")
    show.add_argument("event_id", type=int)
    show.add_argument("--json", action="store_true")

    add = ev.add_parser("add", help="request coverage for an event (or a weekly series with --repeat-until)")
    add.add_argument("--school", required=True, help="name or id of the school or site")
    add.add_argument("--type", dest="event_type", required=True,
                     help="graduation, varsity_game, dance, prom, homecoming, alcohol_free_party, assembly, other")
    add.add_argument("--title", default="")
    add.add_argument("--date", required=True, type=date_arg, help="the (first) date, YYYY-MM-DD")
    add.add_argument("--start", required=True, type=time_arg, help="local start time, HH:MM")
    add.add_argument("--end", required=True, type=time_arg, help="local end time, HH:MM (earlier: the next day)")
    add.add_argument("--officers", type=int, default=1, help="officers requested")
    add.add_argument("--supervisor", action="store_true", help="a supervisor is required")
    add.add_argument("--attendance", type=int, default=None)
    add.add_argument("--requester", default="")
    add.add_argument("--contact", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--agreement", default=None, help="agreement number (default: the one covering the school)")
    add.add_argument("--repeat-until", type=date_arg, default=None, help="repeat weekly until this date")
    add.add_argument("--except", dest="exceptions", default="", help="dates to skip, comma-separated")
    add.add_argument("--json", action="store_true")

    asg = ev.add_parser("assign", help="put an officer on an event (refused with the conflict named)")
    asg.add_argument("event_id", type=int)
    asg.add_argument("officer", help="badge number or id")
    asg.add_argument("--from", dest="part_from", type=time_arg, default=None, help="part of the event: from HH:MM")
    asg.add_argument("--to", dest="part_to", type=time_arg, default=None, help="part of the event: to HH:MM")
    asg.add_argument("--override-reason", default="", help="a supervisor's reason to override a refusal")
    asg.add_argument("--approve-overtime", action="store_true", help="approve the overtime at once")
    asg.add_argument("--json", action="store_true")

    una = ev.add_parser("unassign", help="take an officer off an event")
    una.add_argument("event_id", type=int)
    una.add_argument("officer", help="badge number or id")

    ot = ev.add_parser("approve-overtime", help="approve an officer's overtime on an event")
    ot.add_argument("event_id", type=int)
    ot.add_argument("officer", help="badge number or id")

    appr = ev.add_parser("approve", help="approve a request")
    appr.add_argument("event_id", type=int)
    dec = ev.add_parser("decline", help="decline a request, with the reason the school will see")
    dec.add_argument("event_id", type=int)
    dec.add_argument("--reason", required=True)
    can = ev.add_parser("cancel", help="cancel an event (the time of cancellation is kept)")
    can.add_argument("event_id", type=int)
    can.add_argument("--reason", default="")

    ics = ev.add_parser("export-ics", help="write an iCalendar file")
    who = ics.add_mutually_exclusive_group()
    who.add_argument("--school", default=None, help="only this school's events")
    who.add_argument("--officer", default=None, help="only this officer's assignments (badge or id)")
    ics.add_argument("--from", dest="date_from", type=date_arg, default=None)
    ics.add_argument("--to", dest="date_to", type=date_arg, default=None)
    ics.add_argument("--out", required=True, type=Path)

    roster = ev.add_parser("roster", help="print the week's coverage roster to PDF")
    roster.add_argument("--week", required=True, type=date_arg, help="any date in the week (Monday to Sunday)")
    roster.add_argument("--school", default=None)
    roster.add_argument("--out", required=True, type=Path)

    sheet = ev.add_parser("sheet", help="print an event's detail sheet for the officers to PDF")
    sheet.add_argument("event_id", type=int)
    sheet.add_argument("--out", required=True, type=Path)

    for parser in ev.choices.values():
        parser.set_defaults(handler=cmd_events)


def _event_json(r) -> dict:  # type: ignore[no-untyped-def]
    return {**jsonable(r), "local_start": r.local_start.isoformat(), "local_end": r.local_end.isoformat(),
            "hours": round(r.minutes / 60, 2), "understaffed": r.understaffed}


def _print_events(rows, as_json: bool) -> None:  # type: ignore[no-untyped-def]
    if as_json:
        print_json([_event_json(r) for r in rows])
    elif not rows:
        print("No events in that period.")
    else:
        print_table(
            ["ID", "WHEN", "SCHOOL", "EVENT", "STATUS", "STAFF"],
            [[str(r.id), r.when_text, r.site_name, r.title, r.status_label,
              f"{r.officers_assigned}/{r.officers_requested}"] for r in rows],
        )


def cmd_events(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import assignments, events, officers, series, sites

    db = open_db(args)
    action = args.action
    if action == "list":
        with db.read_session() as s:
            site_id = sites.find_site(s, key=args.school).id if args.school else None
            rows = events.list_events(s, date_from=args.date_from, date_to=args.date_to, site_id=site_id,
                                      statuses=args.status)
        _print_events(rows, args.json)
        return EXIT_OK
    if action == "show":
        with db.read_session() as s:
            row = events.get_event(s, event_id=args.event_id)
            people = assignments.event_assignments(s, event_id=args.event_id)
        if args.json:
            print_json({**_event_json(row), "assignments": [
                {**jsonable(a), "local_start": a.local_start.isoformat(), "local_end": a.local_end.isoformat()}
                for a in people]})
            return EXIT_OK
        print(f"#{row.id} {row.title} ({row.event_type_label}) at {row.site_name}")
        print(f"{row.when_text}, {row.minutes / 60:.2f} h · {row.status_label} · officers {row.staffing_text}")
        if row.decline_reason:
            print(f"Declined: {row.decline_reason}")
        for a in people:
            extra = ", ".join(p for p in ("supervisor" if a.is_supervisor else "", a.overtime_text,
                                          f"override: {a.override_reason}" if a.override_reason else "") if p)
            print(f"  {a.badge_number:8} {a.officer_name:24} {a.when_text}{'  (' + extra + ')' if extra else ''}")
        return EXIT_OK
    if action == "add":
        with db.session() as s:
            site = sites.find_site(s, key=args.school)
            agreement_id = _agreement_id(s, args.agreement, site.id)
            common = dict(
                site_id=site.id, event_type=args.event_type, title=args.title, officers_requested=args.officers,
                supervisor_required=args.supervisor, expected_attendance=args.attendance,
                requester_name=args.requester, requester_contact=args.contact, notes=args.notes,
                agreement_id=agreement_id,
            )
            if args.repeat_until is not None:
                made = series.create_series(
                    s, first_date=args.date, last_date=args.repeat_until, local_start_time=args.start,
                    local_end_time=args.end, exceptions=args.exceptions, **common,
                )
                rows = series.series_events(s, series_id=made.id)
            else:
                end_day = args.date if args.end > args.start else args.date + dt.timedelta(days=1)
                rows = [events.request_event(
                    s, local_start=dt.datetime.combine(args.date, args.start),
                    local_end=dt.datetime.combine(end_day, args.end), **common,
                )]
        if args.json:
            print_json([_event_json(r) for r in rows])
        else:
            print(f"Requested {len(rows)} event{'s' if len(rows) != 1 else ''}:")
            _print_events(rows, False)
        return EXIT_OK
    if action == "assign":
        with db.session() as s:
            officer = officers.find_officer(s, key=args.officer)
            event = events.get_event(s, event_id=args.event_id)
            local_start = local_end = None
            if args.part_from is not None:
                local_start = _on_event_day(event, args.part_from)
            if args.part_to is not None:
                local_end = _on_event_day(event, args.part_to, after=local_start)
            row = assignments.assign_officer(
                s, event_id=args.event_id, officer_id=officer.id, local_start=local_start, local_end=local_end,
                override_reason=args.override_reason, approve_overtime=args.approve_overtime,
            )
            status = events.get_event(s, event_id=args.event_id).status_label
        if args.json:
            print_json(row)
        else:
            note = f"; {row.overtime_text}" if row.is_overtime else ""
            print(f"{row.officer_name} ({row.badge_number}) assigned to “{row.event_title}”, {row.when_text}"
                  f"{note}. The event is now {status.lower()}.")
        return EXIT_OK
    if action in ("unassign", "approve-overtime"):
        with db.session() as s:
            officer = officers.find_officer(s, key=args.officer)
            mine = [a for a in assignments.event_assignments(s, event_id=args.event_id) if a.officer_id == officer.id]
            if not mine:
                from sharedsvc_desktop.errors import NotFoundError

                raise NotFoundError(f"{officer.full_name} is not on event {args.event_id}.")
            for a in mine:
                if action == "unassign":
                    assignments.unassign_officer(s, assignment_id=a.id)
                elif a.is_overtime and a.overtime_approved_at is None:
                    assignments.approve_overtime(s, assignment_id=a.id)
            status = events.get_event(s, event_id=args.event_id).status_label
        done = "taken off" if action == "unassign" else "overtime approved on"
        print(f"{officer.full_name} {done} event {args.event_id}. The event is now {status.lower()}.")
        return EXIT_OK
    if action in ("approve", "decline", "cancel"):
        with db.session() as s:
            if action == "approve":
                row = events.approve_event(s, event_id=args.event_id)
            elif action == "decline":
                row = events.decline_event(s, event_id=args.event_id, reason=args.reason)
            else:
                row = events.cancel_event(s, event_id=args.event_id, reason=args.reason)
        print(f"“{row.title}” ({row.when_text}) is now {row.status_label.lower()}.")
        return EXIT_OK
    if action == "export-ics":
        from sharedsvc_desktop.exchange.ics import write_ics

        with db.read_session() as s:
            site_id = sites.find_site(s, key=args.school).id if args.school else None
            officer_id = officers.find_officer(s, key=args.officer).id if args.officer else None
            start, end = events.local_range(args.date_from, args.date_to)
            count = write_ics(s, out=args.out, site_id=site_id, officer_id=officer_id, start=start, end=end)
        print(f"Wrote {count} event{'s' if count != 1 else ''} to {args.out}.")
        return EXIT_OK
    if action == "roster":
        with db.read_session() as s:
            site_id = sites.find_site(s, key=args.school).id if args.school else None
            count = assignments.write_coverage_roster(s, out=args.out, week_start=args.week, site_id=site_id)
        monday = assignments.week_monday(args.week)
        print(f"Wrote the coverage roster for the week of {monday:%d %b %Y} ({count} events) to {args.out}.")
        return EXIT_OK
    if action == "sheet":
        with db.read_session() as s:
            count = assignments.write_event_sheet(s, out=args.out, event_id=args.event_id)
        print(f"Wrote the event sheet ({count} officers) to {args.out}.")
        return EXIT_OK
    raise AssertionError(action)


def _agreement_id(session, number: str | None, site_id: int) -> int | None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from sharedsvc_desktop.errors import NotFoundError
    from sharedsvc_desktop.models import Agreement
    from sharedsvc_desktop.services import events

    if not number:
        return events.default_agreement_id(session, site_id=site_id)
    found = session.scalar(select(Agreement.id).where(Agreement.number == number.strip()))
    if found is None:
        raise NotFoundError(f"No agreement has the number “{number}”.")
    return int(found)


def _on_event_day(event, time: dt.time, after: dt.datetime | None = None) -> dt.datetime:  # type: ignore[no-untyped-def]
    """A local time of day during the event: on its first day, or the next if that falls inside the event."""
    start = event.local_start.replace(tzinfo=None)
    candidate = dt.datetime.combine(start.date(), time)
    if candidate < start or (after is not None and candidate <= after):
        candidate += dt.timedelta(days=1)
    return candidate
