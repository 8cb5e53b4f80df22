"""Accounts: Argon2id hashes, the first administrator, sign-in with a growing lockout, password changes."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import select

from sharedsvc_desktop.errors import ConflictError, PermissionDenied, ValidationError
from sharedsvc_desktop.models import AuditEntry, UserAccount
from sharedsvc_desktop.services import users
from sharedsvc_desktop.services.permissions import Actor

PASSWORD = "correct horse battery"
T0 = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def admin(db):
    with db.session() as s:
        return users.create_first_administrator(s, username="chief", password=PASSWORD)


def test_first_administrator_once_and_hash_is_argon2id(db, admin):
    with db.read_session() as s:
        stored = s.scalar(select(UserAccount.password_hash).where(UserAccount.id == admin.id))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    with db.session() as s, pytest.raises(ConflictError):
        users.create_first_administrator(s, username="other", password=PASSWORD)


def test_password_and_hash_never_reach_the_audit_trail(db, admin):
    with db.read_session() as s:
        for entry in s.scalars(select(AuditEntry)):
            text = f"{entry.before} {entry.after}"
            assert "argon2" not in text and PASSWORD not in text
        logged = s.scalars(select(AuditEntry).where(AuditEntry.table_name == "user_account")).all()
    assert logged and logged[0].after["password_hash"] == "***"


def test_short_or_same_as_name_password_refused(db):
    with db.session() as s, pytest.raises(ValidationError) as caught:
        users.create_first_administrator(s, username="chief", password="short")
    assert "password" in caught.value.fields
    with db.session() as s, pytest.raises(ValidationError) as caught:
        users.create_first_administrator(s, username="chiefofpolice", password="ChiefOfPolice")
    assert "user name" in caught.value.fields["password"]


def test_sign_in_and_a_growing_lockout(db, admin):
    with db.session() as s:
        actor = users.authenticate(s, username="CHIEF", password=PASSWORD, now=T0)
    assert actor == Actor(admin.id, "chief", "administrator")
    # three wrong passwords are free, the fourth waits 30 s, the fifth 60 s...
    waits = []
    now = T0
    for attempt in range(6):
        with db.session() as s, pytest.raises(PermissionDenied, match="wrong"):
            users.authenticate(s, username="chief", password="nope", now=now)
        with db.read_session() as s:
            user = s.get(UserAccount, admin.id)
            waits.append(0 if user.locked_until is None else (user.locked_until - now).total_seconds())
            assert user.failed_attempts == attempt + 1
            now = user.locked_until or now  # try again exactly when allowed
    assert waits == [0, 0, 30, 60, 120, 240]
    # while locked, even the right password is refused with the time to wait
    with db.session() as s, pytest.raises(PermissionDenied, match="try again in 240 seconds"):
        users.authenticate(s, username="chief", password=PASSWORD, now=now - dt.timedelta(seconds=240))
    # after the wait the right password works and the count resets
    with db.session() as s:
        users.authenticate(s, username="chief", password=PASSWORD, now=now)
    with db.read_session() as s:
        assert s.get(UserAccount, admin.id).failed_attempts == 0
    assert users.lockout_delay(40) == dt.timedelta(hours=1)


def test_unknown_user_and_switched_off_account(db, admin):
    with db.session() as s, pytest.raises(PermissionDenied, match="user name or password is wrong"):
        users.authenticate(s, username="nobody", password=PASSWORD)
    with db.session() as s:
        users.create_user(s, username="clerk", password=PASSWORD + "!", role="read_only")
        clerk = next(u for u in users.list_users(s) if u.username == "clerk")
        users.deactivate_user(s, user_id=clerk.id)
    with db.session() as s, pytest.raises(PermissionDenied, match="switched off"):
        users.authenticate(s, username="clerk", password=PASSWORD + "!")


def test_change_password_and_keep_one_administrator(db, admin):
    with db.session() as s, pytest.raises(ValidationError) as caught:
        users.change_password(s, user_id=admin.id, old_password="wrong", new_password="new password 1")
    assert "old_password" in caught.value.fields
    with db.session() as s:
        users.change_password(s, user_id=admin.id, old_password=PASSWORD, new_password="new password 1")
    with db.session() as s:
        users.authenticate(s, username="chief", password="new password 1")
    with db.session() as s, pytest.raises(ConflictError, match="last active administrator"):
        users.set_role(s, user_id=admin.id, role="read_only")


def test_cli_adds_users_without_printing_the_password(data_dir, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("a very long secret\n")
    result = subprocess.run(
        [sys.executable, "-m", "sharedsvc_desktop", "--data-dir", str(data_dir), "users", "add",
         "--username", "chief", "--password-file", str(secret)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "a very long secret" not in result.stdout + result.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "sharedsvc_desktop", "--data-dir", str(data_dir), "users", "list"],
        capture_output=True, text=True, timeout=60,
    )
    assert "chief" in listed.stdout and "Administrator" in listed.stdout and "argon2" not in listed.stdout
