"""Start the window: open (create, upgrade) the database, then show the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from sharedsvc_desktop import APP_NAME, APP_TITLE, __version__
from sharedsvc_desktop.errors import SharedSvcError
from sharedsvc_desktop.gui.mainwindow import MainWindow
from sharedsvc_desktop.gui.ops import DbRunner, user_message

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_TITLE)
    return app  # type: ignore[return-value]


def build_window(db, *, demo: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window over an open database; with ``demo`` the sample is loaded into an empty database."""
    runner = DbRunner(db)
    window = MainWindow(runner)
    runner.setParent(window)
    if demo:
        from sharedsvc_desktop.services.demo import load_demo

        def loaded(summary) -> None:  # type: ignore[no-untyped-def]
            window.dashboard.messages.success(
                f"Demo data loaded: {summary.officers} officers, {summary.sites} schools and sites, "
                f"{summary.events} events, {summary.hour_entries} hour entries."
            )

        runner.write(
            load_demo,
            changes="*",
            on_done=loaded,
            on_error=lambda exc: window.dashboard.messages.show_message(user_message(exc), "info"),
            owner=window,
        )
    return window


def run(*, data_dir: str | None = None, database_url: str | None = None, demo: bool = False) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = application()
    from sharedsvc_desktop.storage import open_database

    try:
        db = open_database(data_dir, database_url)
    except SharedSvcError as exc:
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 1
    window = build_window(db, demo=demo)
    window.show()
    code = app.exec()
    db.dispose()
    return code


def main() -> int:
    from sharedsvc_desktop.cli import parse_args

    args = parse_args()
    return run(data_dir=args.data_dir, database_url=args.database_url, demo=args.demo)
