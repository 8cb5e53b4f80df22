"""``sharedsvc mail ...`` and ``sharedsvc outbox ...``: the mail server, and the notices waiting to go out.

``sharedsvc outbox send`` is meant for a scheduled task (Windows Task Scheduler, cron) while the window is closed:
it adds the reminders that are due, then sends what is waiting.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sharedsvc_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    open_db,
    print_json,
    print_table,
    subcommands,
)

OUTBOX_STATUSES = ["pending", "held", "sent", "failed", "no_address"]


def register(sub) -> None:  # type: ignore[no-untyped-def]
    mail = subcommands(sub, "mail", "the mail server that sends notices")
    test = mail.add_parser("test", help="send a test message now")
    test.add_argument("--to", required=True, metavar="ADDRESS", help="the address to send it to")
    show = mail.add_parser("show", help="the mail settings")
    show.add_argument("--json", action="store_true")
    st = mail.add_parser("set", help="change the mail settings")
    st.add_argument("--host", required=True, help="the mail server, e.g. smtp.town.gov")
    st.add_argument("--port", default=None, type=int)
    st.add_argument("--security", default="starttls", choices=["none", "starttls", "ssl"])
    st.add_argument("--user", default="", help="the user name to sign in with (none: no sign-in)")
    st.add_argument("--sender", required=True, metavar="ADDRESS", help="the address notices come from")
    st.add_argument("--sender-name", default="")
    st.add_argument("--hold-new", action="store_true", help="hold new notices until someone releases them")
    st.add_argument("--password-stdin", action="store_true",
                    help="read the password from standard input and keep it in the system keyring")
    for parser in mail.choices.values():
        parser.set_defaults(handler=cmd_mail)

    out = subcommands(sub, "outbox", "notices waiting to be sent, sent and failed")
    ls = out.add_parser("list", help="list the messages, newest first")
    ls.add_argument("--status", choices=OUTBOX_STATUSES, default=None)
    ls.add_argument("--limit", type=int, default=200)
    ls.add_argument("--json", action="store_true")
    send = out.add_parser("send", help="add the reminders due and send what is waiting (for a scheduled task)")
    send.add_argument("--no-reminders", action="store_true", help="only send, add no reminders")
    send.add_argument("--now", action="store_true", help="also send messages waiting to be tried again later")
    for parser in out.choices.values():
        parser.set_defaults(handler=cmd_outbox)


def cmd_mail(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import mail

    db = open_db(args)
    if args.action == "test":
        with db.read_session() as s:
            answer = mail.send_test_message(s, to=args.to)
        print(f"Sent to {args.to}; the server answered: {answer}")
        return EXIT_OK
    if args.action == "show":
        with db.read_session() as s:
            settings = mail.mail_settings(s, check_password=True)
        if args.json:
            print_json(settings)
        else:
            print_table(["setting", "value"], [
                ["server", f"{settings.host}:{settings.port}" if settings.host else "(not set)"],
                ["security", settings.security_label],
                ["user", settings.username or "(no sign-in)"],
                ["password", "kept" if settings.has_password else "(none kept)"],
                ["sender", f"{settings.sender_name} <{settings.sender}>" if settings.sender else "(not set)"],
                ["hold new notices", "yes" if settings.hold_new else "no"],
            ])
        return EXIT_OK
    # set
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else ""
    with db.session() as s:
        settings = mail.set_mail_settings(
            s, host=args.host, port=args.port, security=args.security, username=args.user, sender=args.sender,
            sender_name=args.sender_name, hold_new=args.hold_new,
        )
    print(f"Mail goes through {settings.host}:{settings.port}, {settings.security_label}, from {settings.sender}.")
    if password:
        where = mail.store_mail_password(host=settings.host, username=settings.username, password=password)
        print(f"The password is kept in {where}.")
    elif args.user and not args.password_stdin and sys.stdin.isatty():
        entered = getpass.getpass(f"Password for {args.user} on {settings.host} (empty: keep the stored one): ")
        if entered:
            where = mail.store_mail_password(host=settings.host, username=settings.username, password=entered)
            print(f"The password is kept in {where}.")
    return EXIT_OK


def cmd_outbox(args: argparse.Namespace) -> int:
    from sharedsvc_desktop.services import mail, notify

    db = open_db(args)
    if args.action == "list":
        with db.read_session() as s:
            ids = notify.outbox_ids(s, status=args.status)[: max(0, args.limit)]
            rows = notify.outbox_rows(s, ids)
        if args.json:
            print_json([{**r.__dict__, "status_text": r.status_text, "kind_label": r.kind_label} for r in rows])
        else:
            print_table(["id", "created (UTC)", "status", "to", "subject", "answer"], [
                [str(r.id), f"{r.created_at:%Y-%m-%d %H:%M}", r.status_text, r.to_address or "—",
                 r.subject[:60], r.answer.splitlines()[0][:60] if r.answer else ""]
                for r in rows
            ])
        return EXIT_OK
    # send
    if not args.no_reminders:
        with db.session() as s:
            reminders = notify.queue_reminders(s)
        for line in reminders.lines:
            print(line)
    result = mail.send_outbox(db, ignore_backoff=args.now)
    print(result.text)
    if not result.configured:
        print("sharedsvc: error: mail is not set up (sharedsvc mail set --host ... --sender ...)", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_ERROR if result.failed else EXIT_OK
