"""Start the window: open (create, upgrade) the database, then show the main window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QGuiApplication, QIcon
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
    app.setWindowIcon(app_icon())
    QGuiApplication.setDesktopFileName("sharedsvc")  # matches packaging/sharedsvc.desktop
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    from sharedsvc_desktop.paths import resource_path

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        icon.addFile(str(resource_path("icons", f"sharedsvc-{size}.png")), QSize(size, size))
    return icon


def build_window(db, *, demo: bool = False, actor=None) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window over an open database; with ``demo`` the sample is loaded into an empty database."""
    runner = DbRunner(db, actor=actor)
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


def _open_or_recover(data_dir: str | None, database_url: str | None):  # type: ignore[no-untyped-def]
    """Open the database; a damaged file is set aside and the newest good backup offered."""
    from sharedsvc_desktop import paths
    from sharedsvc_desktop.storage import open_database
    from sharedsvc_desktop.storage.backup import restore
    from sharedsvc_desktop.storage.engine import DatabaseDamagedError

    try:
        return open_database(data_dir, database_url, check="deferred")
    except DatabaseDamagedError as exc:
        if exc.backup is None:
            QMessageBox.critical(None, APP_TITLE, str(exc))
            return None
        answer = QMessageBox.question(
            None,
            APP_TITLE,
            f"{exc}\n\nRestore the backup of {exc.backup.taken_at:%d %b %Y %H:%M} now?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        folder = paths.resolve_data_dir(data_dir)
        restore(exc.backup.path, paths.database_file(folder))
        return open_database(data_dir, database_url)


def sign_in(db):  # type: ignore[no-untyped-def]
    """Ask for the administrator on a new database, then for a user name and password. None: the user quit."""
    from sharedsvc_desktop.gui.dialogs.accounts import LoginDialog, UserDialog
    from sharedsvc_desktop.services.users import has_users

    runner = DbRunner(db)
    with db.read_session() as s:
        first = not has_users(s)
    username = ""
    if first:
        created = UserDialog.create_first(runner)
        if created is None:
            return None
        username = created.username
    return LoginDialog.ask(runner, username)


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
    try:
        if not (database_url or os.environ.get(paths.DATABASE_URL_ENV)):
            lock = InstanceLock(paths.resolve_data_dir(data_dir))
            lock.acquire()
        db = _open_or_recover(data_dir, database_url)
    except SharedSvcError as exc:
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 1
    if db is None:
        return 1
    try:
        actor = sign_in(db)
        if actor is None:
            return 0
        window = build_window(db, demo=demo, actor=actor)
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
        db.close()
        if lock is not None:
            lock.release()


def main() -> int:
    from sharedsvc_desktop.cli import parse_args

    args = parse_args()
    return run(data_dir=args.data_dir, database_url=args.database_url, demo=args.demo)
