"""Sending the outbox through the town's own mail server (SMTP), with retries and no duplicates.

Settings live in the ``setting`` table under ``mail.smtp`` (host, port, security none/STARTTLS/SSL, user, sender
address and name, "hold new notices for review"); the password never does: it is kept in the operating system's
keyring (the ``keyring`` package) or, where there is none, read from the user's own ``.netrc`` file
(``machine HOST login USER password ...``, readable only by them), as ``storage/server.py`` does with ``.pgpass``.

``send_outbox(db, now=...)`` sends the waiting messages, each in three short transactions of its own:

1. *claim*: the message is still waiting and due; its attempts go up by one and it is marked "sending" until a
   lease runs out (ten minutes), so a second sender (another window, the scheduled ``sharedsvc outbox send``) leaves
   it alone, and a sender that died mid-way is taken over once the lease is over;
2. *send*: MAIL FROM, RCPT TO, DATA on a connection kept open for the run;
3. *record*: the moment the server accepted it, ``sent`` with the server's answer is committed; a refusal or a
   connection that fails leaves it waiting with the answer and the time of the next attempt (exponential backoff:
   2, 4, 8 ... minutes, at most two hours), or failed after ``max_attempts`` or a permanent (5xx) refusal.

The retry time is kept at the end of ``last_error`` ("[next attempt: ISO]"); no column is needed. A message whose
server accepted it but whose "sent" could not be committed (power cut at that very instant) goes again after the
lease; its Message-ID is the same, so mail programs show it once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import netrc
import os
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE
from sharedsvc_desktop.errors import SharedSvcError, StorageError, ValidationError
from sharedsvc_desktop.models import OutboxMessage, Setting
from sharedsvc_desktop.services.common import Fields
from sharedsvc_desktop.services.notify import join_error, split_error
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.timeutil import now_utc

SETTING_KEY = "mail.smtp"
KEYRING_SERVICE = "SharedServicesDesktop"
SECURITY = {"none": "No encryption (port 25)", "starttls": "STARTTLS (port 587)", "ssl": "SSL/TLS (port 465)"}
SECURITY_SHORT = {"none": "no encryption", "starttls": "STARTTLS", "ssl": "SSL/TLS"}
DEFAULT_PORTS = {"none": 25, "starttls": 587, "ssl": 465}
MAX_ATTEMPTS = 10
FIRST_DELAY = dt.timedelta(minutes=2)
MAX_DELAY = dt.timedelta(hours=2)
LEASE = dt.timedelta(minutes=10)
SENDING = "Sending…"
TIMEOUT = 30.0


class MailError(SharedSvcError):
    """The mail server could not be reached or refused the message (the text says which, with its answer)."""


@dataclass(frozen=True)
class MailSettings:
    host: str = ""
    port: int = 25
    security: str = "none"
    username: str = ""
    sender: str = ""
    sender_name: str = ""
    hold_new: bool = False
    max_attempts: int = MAX_ATTEMPTS
    has_password: bool = False

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    @property
    def security_label(self) -> str:
        return SECURITY_SHORT.get(self.security, self.security)


def _stored(session: Session) -> dict[str, Any]:
    row = session.get(Setting, SETTING_KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def mail_settings(session: Session, *, check_password: bool = False) -> MailSettings:
    """The mail server settings (defaults where nothing is stored); with ``check_password``, whether a password
    is kept for the user (asks the keyring, which may be slow: not inside other work)."""
    v = _stored(session)
    security = v.get("security") if v.get("security") in SECURITY else "none"
    try:
        port = int(v.get("port") or DEFAULT_PORTS[security])
    except (TypeError, ValueError):
        port = DEFAULT_PORTS[security]
    try:
        attempts = max(1, int(v.get("max_attempts") or MAX_ATTEMPTS))
    except (TypeError, ValueError):
        attempts = MAX_ATTEMPTS
    host, username = str(v.get("host") or ""), str(v.get("username") or "")
    return MailSettings(
        host=host, port=port, security=security, username=username, sender=str(v.get("sender") or ""),
        sender_name=str(v.get("sender_name") or ""), hold_new=bool(v.get("hold_new", False)), max_attempts=attempts,
        has_password=bool(check_password and username and host and stored_mail_password(host, username)),
    )


@requires("manage_settings")
def set_mail_settings(
    session: Session,
    *,
    host: str,
    port: int | str | None = None,
    security: str = "starttls",
    username: str = "",
    sender: str,
    sender_name: str = "",
    hold_new: bool = False,
) -> MailSettings:
    """Change the mail server settings (the password goes to the keyring with ``store_mail_password``)."""
    f = Fields()
    clean_host = f.text(host, "host", "The mail server", max_len=255, required=True)
    if clean_host and (" " in clean_host or "/" in clean_host or ":" in clean_host.strip("[]")):
        f.error("host", f"“{clean_host}” is not a server name (for example smtp.town.gov).")
    sec = f.choice(security, "security", "Security", SECURITY)
    number = DEFAULT_PORTS.get(sec, 25)
    if port not in (None, ""):
        try:
            number = int(str(port).strip())
        except ValueError:
            number = 0
        if not 1 <= number <= 65535:
            f.error("port", "The port is a number from 1 to 65535 (usually 25, 587 or 465).")
    user = f.text(username, "username", "The user name", max_len=200)
    address = f.email(sender, "sender")
    if not address:
        f.error("sender", "The sender address is required (the office's address that notices come from).")
    name = f.text(sender_name, "sender_name", "The sender's name", max_len=200)
    f.check()
    value = {**_stored(session), "host": clean_host, "port": number, "security": sec, "username": user,
             "sender": address, "sender_name": name, "hold_new": bool(hold_new)}
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=value))
    else:
        row.value = value
    session.flush()
    return mail_settings(session)


# ------------------------------------------------------------------------------------------------- password


def _keyring():  # type: ignore[no-untyped-def]
    try:
        import keyring
        from keyring.errors import KeyringError
    except ModuleNotFoundError:
        return None, Exception
    return keyring, KeyringError


def _keyring_name(host: str, username: str) -> str:
    return f"smtp:{username}@{host}"


NO_KEYRING = (
    "This computer has no keyring to keep the mail password safely. Put it in your .netrc file instead "
    "(a line “machine {host} login {user} password …”, readable only by you); the program then reads it there."
)


def store_mail_password(*, host: str, username: str, password: str) -> str:
    """Keep the mail password in the system keyring. Returns where it went, or raises with the .netrc way."""
    if not host or not username:
        raise ValidationError({"username": "Give the mail server and the user name before the password."})
    keyring, error = _keyring()
    if keyring is not None:
        try:
            backend = keyring.get_keyring()
            if "fail" not in type(backend).__module__:
                keyring.set_password(KEYRING_SERVICE, _keyring_name(host, username), password)
                return f"the system keyring ({type(backend).__name__})"
        except error:
            pass
    raise StorageError(NO_KEYRING.format(host=host, user=username))


def _netrc_password(host: str, username: str) -> str | None:
    try:
        found = netrc.netrc(os.environ.get("NETRC") or None).authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None
    if not found:
        return None
    login, _account, password = found
    if username and login and login != username:
        return None
    return password or None


def stored_mail_password(host: str, username: str) -> str | None:
    """The password for the mail user: from the keyring, else from ~/.netrc (or the file $NETRC names)."""
    if not host or not username:
        return None
    keyring, error = _keyring()
    if keyring is not None:
        try:
            backend = keyring.get_keyring()
            if "fail" not in type(backend).__module__:
                password = keyring.get_password(KEYRING_SERVICE, _keyring_name(host, username))
                if password:
                    return password
        except error:
            pass
    return _netrc_password(host, username)


# -------------------------------------------------------------------------------------------------- sending


def _answer(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {' '.join(text.split())}".strip()


def _describe(exc: BaseException, settings: MailSettings) -> tuple[str, bool]:
    """The server's answer (or what went wrong on the way) and whether trying again can help."""
    where = f"{settings.host}:{settings.port}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        (code, text), = list(exc.recipients.values())[:1] or [(550, b"refused")]
        return f"The server refused the address: {_answer(code, text)}", not 500 <= code < 600
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return f"The server refused the user name or password: {_answer(exc.smtp_code, exc.smtp_error)}", True
    if isinstance(exc, smtplib.SMTPResponseException):
        return _answer(exc.smtp_code, exc.smtp_error), not 500 <= exc.smtp_code < 600
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"The mail server {where} does not support this: {exc}", True
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"The mail server {where} closed the connection: {exc or 'no reason given'}", True
    if isinstance(exc, ssl.SSLError):
        return f"The secure connection to {where} failed: {exc.reason or exc}", True
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"The mail server {where} did not answer in time.", True
    if isinstance(exc, OSError):
        return f"Could not reach the mail server {where}: {exc.strerror or exc}", True
    return f"{type(exc).__name__}: {exc}", True


def _connect(settings: MailSettings, *, timeout: float = TIMEOUT) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=timeout)
    try:
        smtp.ehlo_or_helo_if_needed()
        if settings.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise smtplib.SMTPNotSupportedError(
                    "STARTTLS is not offered; choose another security setting or port.")
            smtp.starttls(context=context)
            smtp.ehlo()
        if settings.username:
            password = stored_mail_password(settings.host, settings.username)
            if not password:
                raise MailError(
                    f"No password is kept for {settings.username} on {settings.host}: enter it in the mail settings "
                    "(it goes to the system keyring) or put it in your .netrc file.")
            smtp.login(settings.username, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def message_id(message: int | str, dedupe_key: str) -> str:
    digest = hashlib.sha256(dedupe_key.encode("utf-8")).hexdigest()[:16]
    return f"<outbox-{message}-{digest}@sharedsvc-desktop>"


def build_email(
    *,
    settings: MailSettings,
    to: str,
    subject: str,
    body: str,
    ics: str | None = None,
    msg_id: str | None = None,
    date: dt.datetime | None = None,
) -> EmailMessage:
    """The e-mail as sent: plain text, and the invitation attached as ``text/calendar; method=...``."""
    msg = EmailMessage()
    msg["From"] = formataddr((settings.sender_name or APP_TITLE, settings.sender))
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime((date or now_utc()).astimezone(dt.UTC))
    if msg_id:
        msg["Message-ID"] = msg_id
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body)
    if ics:
        from sharedsvc_desktop.services.notify import _method

        msg.add_attachment(ics, subtype="calendar", filename="invite.ics", cte="base64",
                           params={"method": _method(ics) or "PUBLISH"})
    return msg


def _transmit(smtp: smtplib.SMTP, sender: str, to: str, msg: EmailMessage) -> str:
    """MAIL, RCPT, DATA; returns the server's answer to DATA (its "accepted")."""
    code, text = smtp.mail(sender)
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPSenderRefused(code, text, sender)
    code, text = smtp.rcpt(to)
    if code not in (250, 251):
        smtp.rset()
        raise smtplib.SMTPRecipientsRefused({to: (code, text)})
    # CRLF line ends (smtplib leaves bytes as they are) and only 7-bit text on the wire
    code, text = smtp.data(msg.as_bytes(policy=msg.policy.clone(linesep="\r\n")))
    if code != 250:
        smtp.rset()
        raise smtplib.SMTPDataError(code, text)
    return _answer(code, text)


def send_test_message(session: Session, *, to: str, now: dt.datetime | None = None) -> str:
    """Send a short message straight away (not through the outbox) and return the server's answer."""
    f = Fields()
    address = f.email(to, "to")
    if not address:
        f.error("to", "Give the address to send the test message to.")
    f.check()
    settings = mail_settings(session)
    if not settings.configured:
        raise MailError("Mail is not set up yet: give the mail server and the sender address, and save.")
    msg = build_email(
        settings=settings, to=address, subject=f"Test message from {APP_TITLE}",
        body=(f"This is a test message from {APP_TITLE}.\n\nNotices to officers and schools will come from "
              f"{settings.sender} through {settings.host}:{settings.port} ({settings.security_label})."),
        msg_id=message_id("test", f"test:{address}:{(now or now_utc()).isoformat()}"), date=now,
    )
    try:
        smtp = _connect(settings)
    except MailError:
        raise
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(_describe(exc, settings)[0]) from exc
    try:
        return _transmit(smtp, settings.sender, address, msg)
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(_describe(exc, settings)[0]) from exc
    finally:
        _quit(smtp)


def _quit(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()


def retry_delay(attempts: int) -> dt.timedelta:
    """Wait before the next attempt after ``attempts`` failed ones: 2, 4, 8 ... minutes, at most two hours."""
    return min(FIRST_DELAY * (2 ** max(0, attempts - 1)), MAX_DELAY)


@dataclass
class SendResult:
    configured: bool = True
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)  # left waiting, with the answer and the next attempt
    failed: list[int] = field(default_factory=list)  # given up (permanent refusal or too many attempts)
    answers: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        if not self.configured:
            return "Mail is not set up: nothing was sent."
        if not (self.sent or self.retry or self.failed):
            return "Nothing to send."
        parts = [f"{len(self.sent)} sent"]
        if self.retry:
            first = self.answers.get(self.retry[0], "")
            parts.append(f"{len(self.retry)} to try again later ({first})" if first else
                         f"{len(self.retry)} to try again later")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) + "."


@dataclass(frozen=True)
class _Claimed:
    id: int
    to: str
    subject: str
    body: str
    ics: str | None
    dedupe_key: str
    created_at: dt.datetime
    attempts: int


def _session_of(db: Any) -> Callable[[], Any]:
    return db.session if hasattr(db, "session") else db


def due_message_ids(session: Session) -> list[int]:
    return list(session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.status == "pending", OutboxMessage.to_address != "")
        .order_by(OutboxMessage.id)
    ))


def _claim(db: Any, message_id_: int, now: dt.datetime, ignore_backoff: bool) -> _Claimed | None:
    with _session_of(db)() as s:
        m = s.scalar(select(OutboxMessage).where(OutboxMessage.id == message_id_).with_for_update())
        if m is None or m.status != "pending" or not m.to_address:
            return None
        answer, next_at = split_error(m.last_error)
        if next_at is not None and next_at > now and (answer.startswith(SENDING) or not ignore_backoff):
            return None  # not due yet, or another sender has it
        m.attempts = (m.attempts or 0) + 1
        m.last_error = join_error(f"{SENDING} (attempt {m.attempts}, since {now:%Y-%m-%d %H:%M} UTC)", now + LEASE)
        s.flush()
        return _Claimed(m.id, m.to_address, m.subject, m.body, m.ics, m.dedupe_key, m.created_at, m.attempts)


def _record(db: Any, claimed: _Claimed, *, sent: bool, answer: str, retry: bool, now: dt.datetime,
            max_attempts: int) -> str:
    """Commit what happened to one message; returns its status (sent, pending or failed)."""
    with _session_of(db)() as s:
        m = s.get(OutboxMessage, claimed.id)
        if m is None:
            return "gone"
        if sent:
            m.status, m.sent_at, m.last_error = "sent", now, answer
        elif retry and m.attempts < max_attempts:
            m.last_error = join_error(answer, now + retry_delay(m.attempts))
        else:
            m.status = "failed"
            m.last_error = answer if not retry else f"{answer} (gave up after {m.attempts} attempts)"
        s.flush()
        return m.status


def send_outbox(
    db: Any,
    *,
    now: dt.datetime | None = None,
    ignore_backoff: bool = False,
    only_ids: list[int] | None = None,
    timeout: float = TIMEOUT,
) -> SendResult:
    """Send every waiting message that is due (``ignore_backoff``: due or not), each marked sent exactly once.

    ``db`` is a ``Database`` (or a function returning a write-session context manager). Opens its own short
    transactions; call it off the GUI thread.
    """
    clock = (lambda: now) if now is not None else now_utc
    with _session_of(db)() as s:
        settings = mail_settings(s)
        ids = due_message_ids(s)
    result = SendResult(configured=settings.configured)
    if not settings.configured:
        return result
    if only_ids is not None:
        wanted = set(only_ids)
        ids = [i for i in ids if i in wanted]
    smtp: smtplib.SMTP | None = None
    down: str | None = None  # the connection failed: every message this run is left for later with this answer
    try:
        for mid in ids:
            claimed = _claim(db, mid, clock(), ignore_backoff)
            if claimed is None:
                continue
            answer, ok, retry = "", False, True
            if down is None and smtp is None:
                try:
                    smtp = _connect(settings, timeout=timeout)
                except MailError as exc:
                    down = str(exc)
                except (smtplib.SMTPException, OSError) as exc:
                    down = _describe(exc, settings)[0]
            if down is not None:
                answer = down
            else:
                assert smtp is not None
                msg = build_email(settings=settings, to=claimed.to, subject=claimed.subject, body=claimed.body,
                                  ics=claimed.ics, msg_id=message_id(claimed.id, claimed.dedupe_key),
                                  date=claimed.created_at)
                try:
                    answer, ok = _transmit(smtp, settings.sender, claimed.to, msg), True
                except (smtplib.SMTPException, OSError) as exc:
                    answer, retry = _describe(exc, settings)
                    if not isinstance(exc, smtplib.SMTPResponseException) or isinstance(
                        exc, smtplib.SMTPServerDisconnected
                    ):
                        _quit(smtp)  # the connection is broken: the next message reconnects
                        smtp = None
            status = _record(db, claimed, sent=ok, answer=answer, retry=retry, now=clock(),
                             max_attempts=settings.max_attempts)
            result.answers[claimed.id] = answer
            {"sent": result.sent, "pending": result.retry, "failed": result.failed}.get(status, []).append(claimed.id)
    finally:
        _quit(smtp)
    return result
