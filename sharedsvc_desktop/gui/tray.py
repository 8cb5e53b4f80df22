"""Reminders while the window is open: a system-tray icon and a timer that queues reminders and sends the outbox.

Every few minutes (and once shortly after the start) ``notify.queue_reminders`` runs through the ``DbRunner`` off
the GUI thread, then ``mail.send_outbox``; new reminders are shown as a desktop notification, and so is mail that
could not be delivered. Where there is no system tray (a bare desktop, offscreen tests) there is no icon, the
notifications are only kept in ``history`` and the timer still does its work.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from sharedsvc_desktop import APP_TITLE
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services import mail, notify

log = logging.getLogger(__name__)

EVERY_MS = 5 * 60 * 1000
FIRST_RUN_MS = 20 * 1000


class ReminderTray(QObject):
    """Owns the tray icon (if any) and the reminder/sending timer. Keep a reference (e.g. ``window.tray``)."""

    notified = Signal(str, str)  # title, text: every desktop notification, shown or not
    roundFinished = Signal(object)  # the SendResult of a round (None when sending was skipped)

    def __init__(
        self,
        runner: DbRunner,
        window: QWidget | None = None,
        *,
        interval_ms: int = EVERY_MS,
        first_run_ms: int = FIRST_RUN_MS,
        clock: Callable[[], dt.datetime] | None = None,
        icon: QIcon | None = None,
        start: bool = True,
    ) -> None:
        super().__init__(window)
        self.runner, self.window = runner, window
        self._clock = clock
        self.history: list[tuple[str, str]] = []
        self.busy = False
        self._last_failed: set[int] = set()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            if icon is None:
                app = QApplication.instance()
                icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(APP_TITLE)
            menu = QMenu()
            open_action = QAction(f"Open {APP_TITLE}", menu)
            open_action.triggered.connect(self.show_window)
            send_action = QAction("Send waiting mail now", menu)
            send_action.triggered.connect(self.run_once)
            menu.addAction(open_action)
            menu.addAction(send_action)
            self._menu = menu
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda reason: self.show_window()
                                        if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
            self.tray.messageClicked.connect(self.show_window)
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_once)
        if start:
            self.timer.start()
            QTimer.singleShot(first_run_ms, self, self.run_once)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def show_window(self) -> None:
        if self.window is None:
            return
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
        go_to = getattr(self.window, "go_to", None)
        if callable(go_to):
            try:
                go_to("Outbox")
            except (LookupError, ValueError):
                pass

    def notify(self, title: str, text: str) -> None:
        self.history.append((title, text))
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        self.notified.emit(title, text)

    # -- one round: reminders, then sending
    def run_once(self) -> None:
        if self.busy:
            return  # the last round is still at work (a slow mail server)
        self.busy = True
        now = self._clock() if self._clock is not None else None
        self.runner.write(notify.queue_reminders, changes="outbox", now=now, owner=self,
                          on_done=self._reminded, on_error=lambda exc: self._failed("reminders", exc))

    def _reminded(self, result: notify.ReminderResult) -> None:
        if result.lines:
            self.notify("Reminders", "\n".join(result.lines))
        db = self.runner.db
        now = self._clock() if self._clock is not None else None
        self.runner.call(lambda: mail.send_outbox(db, now=now), on_done=self._sent,
                         on_error=lambda exc: self._failed("sending", exc), owner=self)

    def _sent(self, result: mail.SendResult) -> None:
        self.busy = False
        if result.sent or result.retry or result.failed:
            self.runner.changed.emit("outbox")
        newly_failed = set(result.failed) - self._last_failed
        self._last_failed |= set(result.failed)
        if newly_failed:
            self.notify("Mail not delivered", f"{len(newly_failed)} notice(s) could not be delivered: "
                        f"{result.answers.get(min(newly_failed), '')} See the Outbox.")
        self.roundFinished.emit(result)

    def _failed(self, what: str, exc: BaseException) -> None:
        self.busy = False
        log.warning("reminder round (%s) failed: %s", what, user_message(exc))
        self.roundFinished.emit(None)
