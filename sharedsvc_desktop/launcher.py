"""The ``sharedsvc`` entry point: a command runs in the command line; no command opens the window.

Qt is imported only when the window opens, so command-line use stays light.
"""

from __future__ import annotations

import sys

from sharedsvc_desktop import cli


def main(argv: list[str] | None = None) -> int:
    args = cli.parse_args(argv)
    if args.self_test:
        from sharedsvc_desktop.selftest import run_self_test

        return run_self_test()
    if args.command:
        return cli.run(args)
    from sharedsvc_desktop.gui import app

    return app.run(data_dir=args.data_dir, database_url=args.database_url, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
