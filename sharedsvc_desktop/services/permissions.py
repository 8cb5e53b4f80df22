"""Who may do what: roles and the permission matrix, enforced in the service layer.

The signed-in user travels with the session (``session.info["actor"]``, set by ``Database.session(actor=...)``).
A session without an actor is the local system itself (the command line run by the person who owns the data
folder, maintenance, tests) and may do everything; the window always signs in once users exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import PermissionDenied

ROLES = {
    "administrator": "Administrator (chief's office)",
    "scheduler": "Police scheduler",
    "requester": "School requester (secretary)",
    "read_only": "Read-only",
}

# permission -> (what it allows, in words; the roles that have it)
MATRIX: dict[str, tuple[str, frozenset[str]]] = {
    "manage_users": ("manage user accounts", frozenset({"administrator"})),
    "manage_settings": ("change settings and restore backups", frozenset({"administrator"})),
    "manage_people": ("add or change officers, schools and staff", frozenset({"administrator", "scheduler"})),
    "manage_sro": ("appoint and review school resource officers", frozenset({"administrator"})),
    "edit_agreements": ("draft and amend agreements", frozenset({"administrator"})),
    "execute_agreements": ("execute, terminate or sign agreements", frozenset({"administrator"})),
    "request_events": ("request event coverage", frozenset({"administrator", "scheduler", "requester"})),
    "schedule_events": ("approve events and assign officers", frozenset({"administrator", "scheduler"})),
    "log_hours": ("log hours", frozenset({"administrator", "scheduler", "requester"})),
    "approve_hours": ("approve hours and close periods", frozenset({"administrator", "scheduler"})),
    "billing": ("make invoices and ledger statements", frozenset({"administrator"})),
    "enter_school_data": ("enter quarterly school data", frozenset({"administrator", "requester"})),
    "enter_police_data": ("enter quarterly police data", frozenset({"administrator", "scheduler"})),
    "manage_team": ("manage the collaboration team and its meetings", frozenset({"administrator"})),
    "export_data": ("export and publish data", frozenset({"administrator", "scheduler"})),
    "view": ("look at records", frozenset({"administrator", "scheduler", "requester", "read_only"})),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user, as the services see them."""

    user_id: int
    username: str
    role: str

    def can(self, permission: str) -> bool:
        return allowed(self.role, permission)


def allowed(role: str, permission: str) -> bool:
    if permission not in MATRIX:
        raise KeyError(f"unknown permission {permission!r}")
    return role in MATRIX[permission][1]


def current_actor(session: Session) -> Actor | None:
    return session.info.get("actor")


def require(session: Session, permission: str) -> None:
    """Refuse with a clear message when the signed-in user's role does not allow ``permission``."""
    require_actor(current_actor(session), permission)


def require_actor(actor: Actor | None, permission: str) -> None:
    """``require`` for work outside a session (the database file itself): ``actor`` is the signed-in user."""
    if actor is None:
        return
    if not actor.can(permission):
        words, roles = MATRIX[permission]
        who = " or ".join(ROLES[r].split(" (")[0].lower() for r in sorted(roles))
        raise PermissionDenied(
            f"Your account ({actor.username}, {ROLES.get(actor.role, actor.role).lower()}) may not {words}; "
            f"ask a {who}."
        )


P = ParamSpec("P")
R = TypeVar("R")


def requires(permission: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a service function ``fn(session, ...)`` so it checks ``permission`` first."""
    if permission not in MATRIX:
        raise KeyError(f"unknown permission {permission!r}")

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        @wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            session: Any = args[0] if args else kwargs.get("session")
            require(session, permission)
            return fn(*args, **kwargs)

        wrapper.permission = permission  # type: ignore[attr-defined]
        return wrapper

    return decorate
