"""Errors the program raises on purpose, each with a message a secretary understands.

The core raises these; the GUI and the CLI decide how to show them. Anything else that escapes is a bug.
"""

from __future__ import annotations


class SharedSvcError(Exception):
    """Base class: ``str(error)`` is a complete sentence for the user."""


class ValidationError(SharedSvcError):
    """One or more fields are wrong. ``fields`` maps a field name to the message shown next to it."""

    def __init__(self, fields: dict[str, str] | str, message: str | None = None) -> None:
        if isinstance(fields, str):
            fields = {"": fields}
        self.fields = dict(fields)
        if message is None:
            parts = [msg for msg in self.fields.values()]
            message = " ".join(parts) if parts else "Some fields are not valid."
        super().__init__(message)


class NotFoundError(SharedSvcError):
    """A record that was asked for does not exist (any more)."""


class ConflictError(SharedSvcError):
    """The change would clash with something already recorded (a duplicate badge, an overlap...)."""


class PermissionDenied(SharedSvcError):
    """The signed-in user's role does not allow this action."""


class StorageError(SharedSvcError):
    """The database cannot be used: locked, read-only, full, damaged, or newer than this program."""


class DatabaseTooNewError(StorageError):
    """The database was written by a newer version of the program; it is left untouched."""


class DemoRefusedError(SharedSvcError):
    """The demo data would be mixed with real records."""
