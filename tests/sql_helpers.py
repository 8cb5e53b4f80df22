"""``raw_sql`` with ``:name`` placeholders, for tests written with SQLAlchemy-style named parameters."""

from __future__ import annotations

import re

from tests.conftest import raw_sql

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


def named_sql(db, query: str, **params: object) -> list[tuple]:
    """Run ``query`` (``:name`` placeholders) straight through the driver: values come back as SQLite stores them
    (dates and times as ISO text, booleans as 0/1) on SQLite and on a server alike."""
    names: list[str] = []

    def positional(match: re.Match) -> str:
        names.append(match.group(1))
        return "?"

    return raw_sql(db, _NAMED.sub(positional, query), *(params[n] for n in names))
