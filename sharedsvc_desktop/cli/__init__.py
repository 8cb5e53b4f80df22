"""The command line: ``sharedsvc [--data-dir DIR | --database-url URL] COMMAND ...``.

Every command calls the same service functions as the window. Bad input prints one line and exits non-zero;
list commands take ``--json``. Each area of the program registers its commands from a module of this package.
"""

from sharedsvc_desktop.cli.main import build_parser, main, parse_args, run

__all__ = ["build_parser", "main", "parse_args", "run"]
