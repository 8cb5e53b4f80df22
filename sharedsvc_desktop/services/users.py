"""User accounts: Argon2id password hashes, roles, lockout with a growing delay, password changes.

No password or hash is ever printed, logged or put in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ConflictError, PermissionDenied
from sharedsvc_desktop.models import UserAccount
from sharedsvc_desktop.services.common import Fields, get_or_raise, same_name
from sharedsvc_desktop.services.permissions import ROLES, Actor, requires
from sharedsvc_desktop.storage import audit

MIN_PASSWORD = 10
FREE_FAILURES = 3  # failures allowed before the account waits
BASE_DELAY_S = 30
MAX_DELAY_S = 3600
CHEAP_HASHES_ENV = "SHAREDSVC_CHEAP_HASHES"  # tests only: a fast Argon2id profile


def _hasher():  # type: ignore[no-untyped-def]
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST, RFC_9106_LOW_MEMORY

    profile = CHEAPEST if os.environ.get(CHEAP_HASHES_ENV) == "1" else RFC_9106_LOW_MEMORY
    return PasswordHasher.from_parameters(profile)


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    role: str
    role_label: str
    active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    person_id: int | None


def _row(u: UserAccount) -> UserRow:
    return UserRow(u.id, u.username, u.role, ROLES.get(u.role, u.role), u.active, u.locked_until,
                   u.last_login_at, u.person_id)


def _check_password(f: Fields, password: str, username: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD:
        f.error(field, f"The password needs at least {MIN_PASSWORD} characters.")
    elif password.strip().casefold() == username.strip().casefold():
        f.error(field, "The password must not be the user name.")


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(UserAccount)))


def create_first_administrator(session: Session, *, username: str, password: str) -> UserRow:
    """The first start: the one account anyone may create, and only while there is none."""
    if has_users(session):
        raise ConflictError("An administrator already exists; sign in and add users from Settings.")
    return _create(session, username=username, password=password, role="administrator", person_id=None)


@requires("manage_users")
def create_user(
    session: Session, *, username: str, password: str, role: str, person_id: int | None = None
) -> UserRow:
    return _create(session, username=username, password=password, role=role, person_id=person_id)


def _create(session: Session, *, username: str, password: str, role: str, person_id: int | None) -> UserRow:
    f = Fields()
    name = f.text(username, "username", "User name", max_len=80, required=True)
    f.choice(role, "role", "Role", ROLES)
    _check_password(f, password or "", name)
    if name and same_name(session, UserAccount.username, UserAccount.id, name):
        f.error("username", f"The user name “{name}” is taken.")
    f.check()
    user = UserAccount(username=name, role=role, password_hash=_hasher().hash(password), person_id=person_id)
    session.add(user)
    session.flush()
    return _row(user)


@requires("manage_users")
def list_users(session: Session) -> list[UserRow]:
    return [_row(u) for u in session.scalars(select(UserAccount).order_by(func.lower(UserAccount.username)))]


@requires("manage_users")
def set_role(session: Session, *, user_id: int, role: str) -> UserRow:
    user = get_or_raise(session, UserAccount, user_id, "User")
    f = Fields()
    f.choice(role, "role", "Role", ROLES)
    f.check()
    if user.role == "administrator" and role != "administrator":
        _keep_an_administrator(session, user)
    user.role = role
    session.flush()
    return _row(user)


@requires("manage_users")
def deactivate_user(session: Session, *, user_id: int) -> UserRow:
    user = get_or_raise(session, UserAccount, user_id, "User")
    if user.role == "administrator":
        _keep_an_administrator(session, user)
    user.active = False
    session.flush()
    return _row(user)


@requires("manage_users")
def reactivate_user(session: Session, *, user_id: int) -> UserRow:
    user = get_or_raise(session, UserAccount, user_id, "User")
    user.active = True
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    return _row(user)


def _keep_an_administrator(session: Session, user: UserAccount) -> None:
    others = session.scalar(
        select(func.count()).select_from(UserAccount).where(
            UserAccount.role == "administrator", UserAccount.active.is_(True), UserAccount.id != user.id
        )
    )
    if not others:
        raise ConflictError("This is the last active administrator: make another administrator first.")


def lockout_delay(failures: int) -> dt.timedelta:
    """How long an account waits after ``failures`` failed sign-ins in a row: nothing for the first few, then
    30 s, 60 s, 120 s ... up to an hour."""
    if failures < FREE_FAILURES:
        return dt.timedelta(0)
    return dt.timedelta(seconds=min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (failures - FREE_FAILURES)))


def authenticate(session: Session, *, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Sign in; a wrong password counts towards the lockout (the failure is committed even though we raise)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    now = now or dt.datetime.now(dt.UTC)
    match = same_name(session, UserAccount.username, UserAccount.id, (username or "").strip())
    wrong = PermissionDenied("The user name or password is wrong.")
    if match is None:
        _hasher().hash("timing equaliser")  # as slow as a real check
        raise wrong
    user = session.get(UserAccount, match[0])
    assert user is not None
    if not user.active:
        raise PermissionDenied("This account is switched off; ask an administrator.")
    if user.locked_until and user.locked_until > now:
        wait = math.ceil((user.locked_until - now).total_seconds())
        raise PermissionDenied(f"Too many wrong passwords: try again in {wait} seconds.")
    hasher = _hasher()
    try:
        hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        user.failed_attempts += 1
        delay = lockout_delay(user.failed_attempts)
        user.locked_until = now + delay if delay else None
        audit.record(session, action="login_failed", table_name="user_account", row_id=user.id)
        session.commit()  # the count must survive the refusal
        raise wrong from None
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    session.flush()
    return Actor(user.id, user.username, user.role)


def change_password(session: Session, *, user_id: int, old_password: str, new_password: str) -> None:
    """A user changes their own password (the old one is asked again)."""
    from argon2.exceptions import InvalidHashError, VerificationError

    user = get_or_raise(session, UserAccount, user_id, "User")
    f = Fields()
    try:
        _hasher().verify(user.password_hash, old_password or "")
    except (VerificationError, InvalidHashError):
        f.error("old_password", "The current password is wrong.")
    _check_password(f, new_password or "", user.username, "new_password")
    if old_password == new_password and "old_password" not in f.errors:
        f.error("new_password", "Choose a password different from the current one.")
    f.check()
    user.password_hash = _hasher().hash(new_password)
    user.must_change_password = False
    session.flush()


@requires("manage_users")
def reset_password(session: Session, *, user_id: int, new_password: str) -> None:
    """An administrator sets a new password; the user must change it at next sign-in."""
    user = get_or_raise(session, UserAccount, user_id, "User")
    f = Fields()
    _check_password(f, new_password or "", user.username, "new_password")
    f.check()
    user.password_hash = _hasher().hash(new_password)
    user.must_change_password = True
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()

