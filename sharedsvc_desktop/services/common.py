"""Helpers shared by the service modules: field validation that names every bad field, clear lookups."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import NotFoundError, ValidationError
from sharedsvc_desktop.models import Category

T = TypeVar("T")

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LINE_BREAKS = re.compile(r"[\t\r\n\v\f\u2028\u2029\x85]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class Fields:
    """Collects a form's field errors so the user sees every problem at once, each next to its field."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def error(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def text(
        self, value: Any, field: str, label: str, *, max_len: int, required: bool = False, multiline: bool = False
    ) -> str:
        text = _CONTROL.sub("", "" if value is None else str(value))
        if not multiline:
            text = _LINE_BREAKS.sub(" ", text)
        text = text.strip()
        if required and not text:
            self.error(field, f"{label} is required.")
        elif len(text) > max_len:
            self.error(field, f"{label} is too long ({len(text)} characters; at most {max_len}).")
            text = text[:max_len]
        return text

    def email(self, value: Any, field: str = "email") -> str:
        text = self.text(value, field, "E-mail", max_len=200)
        if text and not _EMAIL.match(text):
            self.error(field, f"“{text}” is not an e-mail address (name@example.org).")
        return text

    def date(self, value: Any, field: str, label: str, *, required: bool = False) -> dt.date | None:
        if value is None or value == "":
            if required:
                self.error(field, f"{label} is required.")
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value).strip())
        except ValueError:
            self.error(field, f"{label} “{value}” is not a date (use YYYY-MM-DD).")
            return None

    def choice(self, value: Any, field: str, label: str, choices: dict[str, str] | set[str]) -> str:
        text = "" if value is None else str(value).strip()
        if text not in choices:
            allowed = ", ".join(sorted(choices))
            self.error(field, f"{label} “{text}” is not one of: {allowed}.")
        return text

    def check(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def same_name(session: Session, column: Any, id_column: Any, name: str) -> tuple[int, str] | None:
    """The (id, name) of a row whose name equals ``name`` ignoring case in any script (SQL ``lower()`` folds
    ASCII only, so this compares in Python; the lists it serves are short)."""
    key = name.casefold()
    for record_id, existing in session.execute(select(id_column, column)):
        if existing.casefold() == key:
            return record_id, existing
    return None


def get_or_raise(session: Session, model: type[T], record_id: int, what: str) -> T:
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError(f"{what} {record_id} does not exist (it may have been removed by someone else).")
    return obj


def category_labels(session: Session, domain: str, *, active_only: bool = True) -> dict[str, str]:
    stmt = select(Category.code, Category.label).where(Category.domain == domain)
    if active_only:
        stmt = stmt.where(Category.active.is_(True))
    rows = session.execute(stmt.order_by(Category.sort_order, Category.label)).all()
    return {code: label for code, label in rows}
