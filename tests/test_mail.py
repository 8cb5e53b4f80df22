"""Sending the outbox to a real SMTP server on 127.0.0.1 (aiosmtpd, in this process, on a free port): what it
received, the invitation read back by an independent parser (vobject), retries after the server was stopped and
started again, a refusal kept as the server's answer, and never a message twice."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import socket
import sys
import threading
from contextlib import redirect_stderr, redirect_stdout

import pytest
import vobject

from sharedsvc_desktop.errors import StorageError
from sharedsvc_desktop.services import assignments, events, mail, notify
from tests.conftest import raw_sql

T0 = dt.datetime(2026, 11, 23, 15, tzinfo=dt.UTC)
SENDER = "scheduling@police.example.org"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpServer:
    """An SMTP server in a thread of this process (aiosmtpd's Controller) that keeps what it received.

    ``refuse_data`` answers the next DATA commands with the given replies instead of accepting; addresses at
    ``nowhere.example.org`` are refused for good (550); with ``users`` it asks for a login (without TLS)."""

    def __init__(self, users: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.received: list[tuple[str, list[str], bytes]] = []
        self.refuse_data: list[str] = []
        self.logins: list[str] = []
        self.users = users
        self.controller = None

    # aiosmtpd handler hooks
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address.endswith("@nowhere.example.org"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.refuse_data:
            return self.refuse_data.pop(0)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return f"250 2.0.0 Ok: queued as Q{len(self.received)}"

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        from aiosmtpd.smtp import AuthResult, LoginPassword

        if isinstance(auth_data, LoginPassword):
            user, password = auth_data.login.decode(), auth_data.password.decode()
            if self.users and self.users.get(user) == password:
                self.logins.append(user)
                return AuthResult(success=True)
        return AuthResult(success=False, handled=False)

    def start(self) -> SmtpServer:
        from aiosmtpd.controller import Controller

        kwargs = {}
        if self.users is not None:
            kwargs = {"authenticator": self._authenticate, "auth_require_tls": False, "auth_required": True}
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **kwargs)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default) for _, _, raw in self.received]


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_user_keyring(monkeypatch, tmp_path):
    """Keep the tests away from the real keyring and ~/.netrc: a memory keyring, and $NETRC in tmp."""
    import keyring
    from keyring.backend import KeyringBackend

    class Backend(KeyringBackend):
        priority = 1
        store: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Backend())
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    yield Backend.store
    keyring.set_keyring(previous)


def configure(db, server: SmtpServer, **extra) -> None:
    with db.session() as s:
        mail.set_mail_settings(s, host="127.0.0.1", port=server.port, security="none", sender=SENDER,
                               sender_name="Police scheduling", **extra)


def outbox(db, where: str = "1=1", *params: object) -> list[tuple]:
    return raw_sql(db, "SELECT id, status, attempts, last_error, to_address, sent_at FROM outbox_message "
                       f"WHERE {where} ORDER BY id", *params)


def assign_one(db) -> tuple[int, int, str]:
    """An officer put on an approved event that needs two (so only the officer is told): (event, officer, email)."""
    site = raw_sql(db, "SELECT id FROM site WHERE name = 'Conard High School'")[0][0]
    with db.session() as s:
        event_id = events.request_event(
            s, site_id=site, event_type="dance", title="Spring formal", local_start=dt.datetime(2027, 3, 12, 19),
            local_end=dt.datetime(2027, 3, 12, 23), officers_requested=2, requester_name="Dana Fox",
            requester_contact="dfox@whps.example.org", status="approved").id
    with db.read_session() as s:
        officer_id = next(c.officer_id for c in assignments.candidate_officers(s, event_id=event_id) if c.available)
    with db.session() as s:
        assignments.assign_officer(s, event_id=event_id, officer_id=officer_id)
    address = raw_sql(db, "SELECT p.email FROM officer o JOIN person p ON p.id = o.person_id WHERE o.id = ?",
                      officer_id)[0][0]
    return event_id, officer_id, address


def calendar_part(message: email.message.EmailMessage):
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return parts[0]


def test_a_notice_waits_while_the_server_is_down_and_arrives_once_when_it_is_back(demo_db, smtp):
    configure(demo_db, smtp)
    event_id, officer_id, address = assign_one(demo_db)
    (notice_id, status, attempts, _, to, _), = outbox(demo_db)
    assert (status, attempts, to) == ("pending", 0, address)

    # WHEN the server is down
    smtp.stop()
    result = mail.send_outbox(demo_db, now=T0)
    # THEN the notice is still waiting, with what went wrong and when it is tried again
    assert result.retry == [notice_id] and not result.sent
    (_, status, attempts, last_error, _, sent_at), = outbox(demo_db)
    assert (status, attempts, sent_at) == ("pending", 1, None)
    answer, next_at = notify.split_error(last_error)
    assert "Could not reach the mail server 127.0.0.1" in answer and next_at == T0 + dt.timedelta(minutes=2)
    # AND a send before that time does not try again
    assert mail.send_outbox(demo_db, now=T0 + dt.timedelta(minutes=1)).retry == []
    assert outbox(demo_db)[0][2] == 1

    # WHEN the server is back and the retry is due
    smtp.start()
    result = mail.send_outbox(demo_db, now=T0 + dt.timedelta(minutes=3))
    assert result.sent == [notice_id], (result, outbox(demo_db))
    (_, status, attempts, last_error, _, sent_at), = outbox(demo_db)
    assert (status, attempts) == ("sent", 2) and last_error.startswith("250 ") and sent_at is not None
    # AND sending again sends nothing more
    assert mail.send_outbox(demo_db, now=T0 + dt.timedelta(hours=5), ignore_backoff=True).sent == []
    assert len(smtp.received) == 1

    # the message as received: to the officer, from the office, with the invitation attached
    mail_from, rcpt, _ = smtp.received[0]
    assert (mail_from, rcpt) == (SENDER, [address])
    msg = smtp.messages()[0]
    assert msg["To"] == address and "Spring formal" in msg["Subject"]
    assert msg["Message-ID"] == mail.message_id(notice_id, raw_sql(
        demo_db, "SELECT dedupe_key FROM outbox_message WHERE id = ?", notice_id)[0][0])
    assert "You are assigned to “Spring formal” at Conard High School" in msg.get_body(("plain",)).get_content()
    part = calendar_part(msg)
    assert part.get_param("method") == "REQUEST" and part.get_filename() == "invite.ics"
    cal = vobject.readOne(part.get_content())
    ev = cal.vevent
    start, end = raw_sql(demo_db, "SELECT starts_at, ends_at FROM assignment WHERE event_id = ?", event_id)[0]
    assert cal.method.value == "REQUEST"
    assert ev.uid.value == f"event-{event_id}-o{officer_id}@sharedsvc-desktop"
    assert ev.dtstart.value == dt.datetime.fromisoformat(str(start)[:19]).replace(tzinfo=dt.UTC)
    assert ev.dtend.value == dt.datetime.fromisoformat(str(end)[:19]).replace(tzinfo=dt.UTC)
    assert ev.dtstart.value == dt.datetime(2027, 3, 13, 0, tzinfo=dt.UTC)  # 19:00 in Connecticut, EST
    assert ev.organizer.value == f"mailto:{SENDER}"
    assert ev.attendee.value.lower() == f"mailto:{address}".lower()


def test_a_server_refusal_is_kept_as_its_answer_then_retried(demo_db, smtp):
    configure(demo_db, smtp)
    assign_one(demo_db)
    smtp.refuse_data.append("451 4.3.0 Mail server temporarily rejected message")
    result = mail.send_outbox(demo_db, now=T0)
    (mid, status, attempts, last_error, _, _), = outbox(demo_db)
    assert result.retry == [mid] and (status, attempts) == ("pending", 1)
    assert notify.split_error(last_error)[0] == "451 4.3.0 Mail server temporarily rejected message"
    with demo_db.read_session() as s:
        row = notify.outbox_rows(s, [mid])[0]
    assert row.status_text == "Waiting (tried 1×)" and row.answer.startswith("451")
    assert mail.send_outbox(demo_db, now=T0 + dt.timedelta(minutes=2)).sent == [mid]
    assert len(smtp.received) == 1


def test_a_permanent_refusal_fails_at_once_and_the_rest_still_go(demo_db, smtp):
    configure(demo_db, smtp)
    with demo_db.session() as s:
        bad = notify.queue_message(s, dedupe_key="t:1", kind="test", to_address="ghost@nowhere.example.org",
                                   subject="One", body="x")
        good = notify.queue_message(s, dedupe_key="t:2", kind="test", to_address="ok@school.example.org",
                                    subject="Two", body="y")
    result = mail.send_outbox(demo_db, now=T0)
    assert (result.failed, result.sent) == ([bad.id], [good.id])
    status, last_error = raw_sql(demo_db, "SELECT status, last_error FROM outbox_message WHERE id = ?", bad.id)[0]
    assert status == "failed" and "550 5.1.1" in last_error and "no such user" in last_error
    assert [r for _, r, _ in smtp.received] == [["ok@school.example.org"]]


def test_it_gives_up_after_the_last_attempt(demo_db, smtp):
    configure(demo_db, smtp)
    smtp.stop()
    with demo_db.session() as s:
        m = notify.queue_message(s, dedupe_key="t:1", kind="test", to_address="a@school.example.org",
                                 subject="One", body="x")
    now = T0
    for _ in range(mail.MAX_ATTEMPTS):
        mail.send_outbox(demo_db, now=now)
        now += mail.MAX_DELAY
    (_, status, attempts, last_error, _, _), = outbox(demo_db, "id = ?", m.id)
    assert (status, attempts) == ("failed", mail.MAX_ATTEMPTS)
    assert f"gave up after {mail.MAX_ATTEMPTS} attempts" in last_error
    # the scheduler may try again from scratch
    with demo_db.session() as s:
        notify.release_message(s, message_id=m.id)
    smtp.start()
    assert mail.send_outbox(demo_db, now=now).sent == [m.id]


def test_two_senders_at_once_send_each_message_once(demo_db, smtp):
    configure(demo_db, smtp)
    with demo_db.session() as s:
        ids = [notify.queue_message(s, dedupe_key=f"t:{i}", kind="test", to_address=f"p{i}@school.example.org",
                                    subject=f"Message {i}", body="x").id for i in range(8)]
    results: list[mail.SendResult] = []
    threads = [threading.Thread(target=lambda: results.append(mail.send_outbox(demo_db, now=T0))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results[0].sent + results[1].sent) == ids
    assert sorted(rcpt[0] for _, rcpt, _ in smtp.received) == sorted(f"p{i}@school.example.org" for i in range(8))
    assert {r[1] for r in outbox(demo_db)} == {"sent"}


def test_a_sender_that_died_mid_way_is_taken_over_after_its_lease(demo_db, smtp):
    configure(demo_db, smtp)
    with demo_db.session() as s:
        m = notify.queue_message(s, dedupe_key="t:1", kind="test", to_address="a@school.example.org",
                                 subject="One", body="x")
    assert mail._claim(demo_db, m.id, T0, False) is not None  # claimed, then the process was killed
    assert mail.send_outbox(demo_db, now=T0 + dt.timedelta(minutes=1), ignore_backoff=True).sent == []
    assert mail.send_outbox(demo_db, now=T0 + mail.LEASE + dt.timedelta(seconds=1)).sent == [m.id]
    assert len(smtp.received) == 1


def test_held_messages_and_messages_without_address_are_not_sent(demo_db, smtp):
    configure(demo_db, smtp, hold_new=True)
    with demo_db.session() as s:
        held = notify.queue_message(s, dedupe_key="t:1", kind="test", to_address="a@school.example.org",
                                    subject="One", body="x")
        nobody = notify.queue_message(s, dedupe_key="t:2", kind="test", to_address="", subject="Two", body="y",
                                      missing="Officer Kane has none on record")
    assert mail.send_outbox(demo_db, now=T0).text == "Nothing to send."
    assert smtp.received == []
    with demo_db.session() as s:
        notify.release_message(s, message_id=held.id)
    assert mail.send_outbox(demo_db, now=T0).sent == [held.id]
    assert outbox(demo_db, "id = ?", nobody.id)[0][1] == "failed"


def test_not_set_up_sends_nothing(demo_db):
    assign_one(demo_db)
    result = mail.send_outbox(demo_db, now=T0)
    assert not result.configured and "not set up" in result.text
    assert {r[1] for r in outbox(demo_db)} == {"pending"}


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_test_message_with_a_login_from_the_keyring_or_netrc(db, tmp_path, monkeypatch, no_user_keyring):
    server = SmtpServer(users={"sched": "s3cret-pass"}).start()
    try:
        configure(db, server, username="sched")
        with db.read_session() as s, pytest.raises(mail.MailError, match="No password is kept for sched"):
            mail.send_test_message(s, to="me@police.example.org")
        # the password goes to the keyring, never to the settings
        where = mail.store_mail_password(host="127.0.0.1", username="sched", password="s3cret-pass")
        assert "keyring" in where
        assert "s3cret" not in str(raw_sql(db, "SELECT value FROM setting"))
        with db.read_session() as s:
            assert mail.mail_settings(s, check_password=True).has_password
            answer = mail.send_test_message(s, to="me@police.example.org")
        assert answer.startswith("250 ") and server.logins == ["sched"]
        assert server.messages()[0]["Subject"] == "Test message from Shared Services Desktop"
        # a wrong password: the server's answer, in words
        no_user_keyring.clear()
        mail.store_mail_password(host="127.0.0.1", username="sched", password="wrong")
        with db.read_session() as s, pytest.raises(mail.MailError, match="refused the user name or password: 535"):
            mail.send_test_message(s, to="me@police.example.org")

        # no keyring on this computer: the .netrc way
        import keyring
        from keyring.backends.fail import Keyring as FailKeyring

        keyring.set_keyring(FailKeyring())
        with pytest.raises(StorageError, match=r"\.netrc"):
            mail.store_mail_password(host="127.0.0.1", username="sched", password="s3cret-pass")
        rc = tmp_path / "netrc"
        rc.write_text("machine 127.0.0.1 login sched password s3cret-pass\n")
        rc.chmod(0o600)
        monkeypatch.setenv("NETRC", str(rc))
        with db.read_session() as s:
            assert mail.send_test_message(s, to="me@police.example.org").startswith("250 ")
        assert server.logins == ["sched", "sched"]
    finally:
        server.stop()


def test_test_message_errors_are_plain(db, smtp):
    with db.read_session() as s, pytest.raises(mail.MailError, match="not set up"):
        mail.send_test_message(s, to="me@police.example.org")
    configure(db, smtp)
    with db.session() as s:  # STARTTLS asked of a server that has none
        mail.set_mail_settings(s, host="127.0.0.1", port=smtp.port, security="starttls", sender=SENDER)
    with db.read_session() as s, pytest.raises(mail.MailError, match="STARTTLS is not offered"):
        mail.send_test_message(s, to="me@police.example.org")
    smtp.stop()
    configure(db, smtp)
    with db.read_session() as s, pytest.raises(mail.MailError, match="Could not reach the mail server 127.0.0.1"):
        mail.send_test_message(s, to="me@police.example.org")


# ------------------------------------------------------------------------------------------------------- CLI


def cli(db, monkeypatch, *args: str) -> tuple[int, str, str]:
    import importlib

    main = importlib.import_module("sharedsvc_desktop.cli.main")
    assert "mail" in main.COMMAND_MODULES
    where = (["--data-dir", str(db.data_dir)] if db.is_sqlite
             else ["--database-url", db.url.render_as_string(hide_password=False)])
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main.run(main.build_parser().parse_args([*where, *args]))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


def test_cli_mail_test_outbox_list_and_send(demo_db, smtp, monkeypatch):
    import json

    code, _, err = cli(demo_db, monkeypatch, "outbox", "send")
    assert code == 1 and "mail is not set up" in err
    code, out, _ = cli(demo_db, monkeypatch, "mail", "set", "--host", "127.0.0.1", "--port", str(smtp.port),
                       "--security", "none", "--sender", SENDER)
    assert code == 0 and f"127.0.0.1:{smtp.port}" in out
    code, out, _ = cli(demo_db, monkeypatch, "mail", "test", "--to", "me@police.example.org")
    assert code == 0 and "the server answered: 250" in out and len(smtp.received) == 1
    _, officer_id, address = assign_one(demo_db)
    code, out, _ = cli(demo_db, monkeypatch, "outbox", "list", "--json")
    listed = json.loads(out)
    # the officer's notice, and the weekly list the first "send" queued before a sender address was set
    assert code == 0 and [(m["kind"], m["to_address"], m["status_text"], m["method"]) for m in listed] == [
        ("officer_assigned", address, "Waiting", "REQUEST"), ("reminder_compliance", "", "No address", "")]
    # the scheduled task: reminders due now (the demo's are in the past by the real clock) and what is waiting
    code, out, _ = cli(demo_db, monkeypatch, "outbox", "send")
    waiting = raw_sql(demo_db, "SELECT count(*) FROM outbox_message WHERE to_address <> ''")[0][0]
    assert code == 0 and f"{waiting} sent." in out
    assert raw_sql(demo_db, "SELECT status FROM outbox_message WHERE to_address = ?", address) == [("sent",)]
    assert [r for _, r, _ in smtp.received].count([address]) == 1
    code, out, _ = cli(demo_db, monkeypatch, "outbox", "list", "--status", "sent")
    assert code == 0 and address in out
    code, out, _ = cli(demo_db, monkeypatch, "mail", "test", "--to", "not-an-address")
    assert code == 1
    code, _, err = cli(demo_db, monkeypatch, "outbox", "list", "--status", "lost")
    assert code == 2
