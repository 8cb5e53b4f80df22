"""Start the window: open (create, upgrade) the database, then show the main window."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from sharedsvc_desktop import APP_NAME, APP_TITLE, __version__
from sharedsvc_desktop.errors import SharedSvcError
from sharedsvc_desktop.gui.ops import DbRunner, user_message

if TYPE_CHECKING:
    from sharedsvc_desktop.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_TITLE)
    app.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName("sharedsvc")  # matches packaging/sharedsvc.desktop
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    from sharedsvc_desktop.paths import resource_path

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"sharedsvc-{size}.png")), QSize(size, size))
    return icon


def build_window(db=None, *, demo: bool = False, actor=None, runner: DbRunner | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window over an open database (or the ``runner`` that opened it); with ``demo`` the sample is
    loaded into an empty database."""
    # loaded behind the sign-in dialog (see ``_open``)
    from sharedsvc_desktop.gui.mainwindow import MainWindow

    if runner is None:
        runner = DbRunner(db, actor=actor)
    else:
        runner.actor = actor
        db = runner.db
    window = MainWindow(runner)
    runner.setParent(window)
    if db.data_dir is not None and db.path is not None:
        from sharedsvc_desktop.storage.lock import network_share_warning

        warning = network_share_warning(db.data_dir)
        if warning:
            window.dashboard.messages.error(warning)
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


# what the worker prepares while the user signs in, so the Dashboard shows at once afterwards
WARM = ("sharedsvc_desktop.services.dashboard:dashboard",)


def _open(data_dir: str | None, database_url: str | None):  # type: ignore[no-untyped-def]
    """Open (create, upgrade) the database, and load the main window's code (worker thread)."""
    from sharedsvc_desktop.storage import open_database

    db = open_database(data_dir, database_url, check="deferred")
    import sharedsvc_desktop.gui.mainwindow  # noqa: F401 - modules only: no widget is made here
    import sharedsvc_desktop.gui.search  # noqa: F401
    import sharedsvc_desktop.gui.views.dashboard  # noqa: F401

    return db


def begin(data_dir: str | None = None, database_url: str | None = None) -> DbRunner:
    """Start opening the database on a worker thread: the sign-in dialog shows meanwhile."""
    return DbRunner.opening(lambda: _open(data_dir, database_url), warm=WARM)


def _recover(damage, data_dir: str | None, database_url: str | None):  # type: ignore[no-untyped-def]
    """A damaged file is set aside: offer the newest good backup. The database, or None (the user quit)."""
    from sharedsvc_desktop import paths
    from sharedsvc_desktop.storage import open_database
    from sharedsvc_desktop.storage.backup import restore

    if damage.backup is None:
        QMessageBox.critical(None, APP_TITLE, str(damage))
        return None
    answer = QMessageBox.question(
        None,
        APP_TITLE,
        f"{damage}\n\nRestore the backup of {damage.backup.taken_at:%d %b %Y %H:%M} now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    folder = paths.resolve_data_dir(data_dir)
    restore(damage.backup.path, paths.database_file(folder))
    return open_database(data_dir, database_url)


def sign_in(db_or_runner):  # type: ignore[no-untyped-def]
    """Ask for a user name and password (on a new database, first for the administrator). None: the user quit.

    With a runner still opening its database the dialog shows at once; an error that stopped the database from
    opening is raised here.
    """
    from sharedsvc_desktop.gui.dialogs.accounts import LoginDialog, UserDialog

    runner = db_or_runner if isinstance(db_or_runner, DbRunner) else DbRunner(db_or_runner)
    outcome = LoginDialog.ask(runner)
    if outcome != LoginDialog.FIRST_RUN:
        return outcome
    created = UserDialog.create_first(runner)
    if created is None:
        return None
    return LoginDialog.ask(runner, created.username)


def _close(runner: DbRunner | None) -> None:
    """Close (and seal) the database, once it has opened if the user quit while it was still opening."""
    if runner is None:
        return
    try:
        db = runner.db
    except BaseException:  # noqa: BLE001 - it never opened: nothing to close
        return
    db.close()


def run(*, data_dir: str | None = None, database_url: str | None = None, demo: bool = False) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = application()
    from sharedsvc_desktop import paths
    from sharedsvc_desktop.storage.lock import InstanceLock

    if not (database_url or os.environ.get(paths.DATABASE_URL_ENV)):
        from PySide6.QtCore import QSettings

        saved = QSettings().value("database/url")
        if saved:
            from sharedsvc_desktop.storage.server import url_with_stored_password

            database_url = url_with_stored_password(str(saved))
    lock = None
    runner: DbRunner | None = None
    try:
        try:
            if not (database_url or os.environ.get(paths.DATABASE_URL_ENV)):
                lock = InstanceLock(paths.resolve_data_dir(data_dir))
                lock.acquire()
            runner = begin(data_dir, database_url)
            try:
                actor = sign_in(runner)
            except SharedSvcError as exc:
                from sharedsvc_desktop.storage.engine import DatabaseDamagedError

                if not isinstance(exc, DatabaseDamagedError):
                    raise
                db = _recover(exc, data_dir, database_url)
                if db is None:
                    return 1
                runner = DbRunner(db)
                actor = sign_in(runner)
        except SharedSvcError as exc:
            QMessageBox.critical(None, APP_TITLE, str(exc))
            return 1
        if actor is None:
            return 0
        window = build_window(demo=demo, actor=actor, runner=runner)
        window.show()
        window.check_database_in_background()
        from sharedsvc_desktop.gui.tray import ReminderTray

        window.tray = ReminderTray(window.runner, window)
        if not demo:
            from sharedsvc_desktop.gui.wizard import offer_setup

            offer_setup(window.runner, window, on_saved=lambda wizard: window.dashboard.messages.success(
                "Your office is set up." if wizard.outcome == "setup" else "Demo data loaded."))
        return app.exec()
    finally:
        _close(runner)
        if lock is not None:
            lock.release()


def main() -> int:
    from sharedsvc_desktop.cli import parse_args

    args = parse_args()
    return run(data_dir=args.data_dir, database_url=args.database_url, demo=args.demo)
