"""The parser and the dispatcher; each area's commands live in a module of their own (``COMMAND_MODULES``)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Parser
from sharedsvc_desktop.errors import SharedSvcError, ValidationError

# Each module has ``register(sub)``, which adds its commands with ``set_defaults(handler=...)``.
COMMAND_MODULES = ["demo", "officers", "schools", "events", "sro", "agreement", "hours", "report", "oversight", "publish", "requests", "mail", "db", "audit", "users"]


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="sharedsvc", description=f"{APP_TITLE}: with no command, opens the window.")
    p.add_argument("--version", action="version", version=f"{APP_TITLE} {__version__}")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--data-dir", metavar="DIR", help="data folder (default: the user data folder)")
    where.add_argument("--database-url", metavar="URL", help="a server database, e.g. postgresql+psycopg://...")
    p.add_argument("--demo", action="store_true", help="with no command: fill an empty database with a sample")
    p.add_argument("--self-test", action="store_true",
                   help="check this installation (a throwaway database, one PDF) and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"sharedsvc_desktop.cli.{name}").register(sub)
    return p


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))


def run(args: argparse.Namespace) -> int:
    try:
        return int(args.handler(args))
    except ValidationError as exc:
        print(f"sharedsvc: error: {' '.join(exc.fields.values())}", file=sys.stderr)
        return EXIT_ERROR
    except SharedSvcError as exc:
        print(f"sharedsvc: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # the reader (e.g. `head`) stopped early
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"sharedsvc: error: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line use only (the ``sharedsvc`` entry point also opens the window when no command is given)."""
    args = parse_args(argv)
    if not args.command:
        build_parser().print_help()
        return EXIT_USAGE
    return run(args)
