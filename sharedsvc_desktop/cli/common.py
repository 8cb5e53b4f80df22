"""What every command module shares: the parser class, argument types, output helpers, opening the database."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def date_arg(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"“{text}” is not a date (use YYYY-MM-DD)") from exc


def subcommands(sub: Any, name: str, help_text: str) -> Any:
    """A command with actions of its own (``sharedsvc NAME ACTION ...``)."""
    return sub.add_parser(name, help=help_text).add_subparsers(
        dest="action", required=True, metavar="ACTION", parser_class=Parser
    )


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return value


def print_json(value: Any) -> None:
    print(json.dumps(jsonable(value), ensure_ascii=False, indent=2))


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [len(h) for h in header]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def open_db(args: argparse.Namespace, *, migrate: bool = True, check: bool = True):  # type: ignore[no-untyped-def]
    from sharedsvc_desktop.storage import open_database

    return open_database(args.data_dir, args.database_url, migrate=migrate, check=check)
