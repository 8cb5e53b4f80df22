"""The one way from a click to the database.

``DbRunner.read(fn, ...)`` and ``DbRunner.write(fn, ..., changes="officers")`` run a service function on a worker
thread with a session of its own (committed or rolled back there), then call ``on_done(result)`` or
``on_error(error)`` back on the GUI thread. Writes announce what changed through the one ``changed`` signal, and
every view that shows that kind of record refreshes itself. Never touch a widget inside ``fn``.

``run_with_progress`` does the same for long work, with a progress dialog that can cancel.
"""

from __future__ import annotations

import importlib
import logging
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from sharedsvc_desktop.errors import SharedSvcError
from sharedsvc_desktop.progress import Cancelled, Progress

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


def user_message(error: BaseException) -> str:
    """What the user reads for an error: our own errors speak for themselves; anything else is a bug."""
    if isinstance(error, SharedSvcError):
        return str(error)
    return f"Something went wrong ({type(error).__name__}: {error}). Nothing was saved; the details are in the log."


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call over to this thread."""

    finished = Signal(object, object)  # result, error

    def __init__(self, on_done: Callback | None, on_error: Callback | None, owner: QObject | None) -> None:
        super().__init__()
        self._on_done, self._on_error, self._owner = on_done, on_error, owner
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _deliver(self, result: Any, error: Any) -> None:
        if self._owner is not None and not shiboken6.isValid(self._owner):
            return  # the window that asked is gone
        if error is None:
            if self._on_done is not None:
                self._on_done(result)
        elif self._on_error is not None:
            self._on_error(error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._relay = work, relay

    def run(self) -> None:  # worker thread
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            if not isinstance(exc, SharedSvcError):
                log.error("background operation failed:\n%s", traceback.format_exc())
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class DbRunner(QObject):
    """Runs database work off the GUI thread and tells the views what changed."""

    changed = Signal(str)  # a kind of record: "officers", "sites", "events", "agreements", "hours", "*"
    failed = Signal(str)  # a message for errors nobody handled
    busyChanged = Signal(bool)

    def __init__(self, db: Any, parent: QObject | None = None, *, actor: Any = None) -> None:
        super().__init__(parent)
        self._db = db
        self._opened = threading.Event()
        self._open_error: BaseException | None = None
        self._warm: dict[Any, Any] = {}
        self._prepared = threading.Event()  # opened and warmed
        if db is not None:
            self._opened.set()
            self._prepared.set()
        self.actor = actor  # the signed-in user (None: no accounts yet, the local system)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._pending: set[_Relay] = set()

    @classmethod
    def opening(
        cls, opener: Callable[[], Any], *, warm: Sequence[str] = (), parent: QObject | None = None
    ) -> DbRunner:
        """A runner whose database opens on a worker thread, so a window can show before the database layer loads.

        Jobs asked for meanwhile wait for it (or fail with the error that stopped it). Each ``warm`` service
        ("module:function", imported there) then runs once in a read session and its result is kept for
        ``take_warm``: the Dashboard's data is ready when the user has signed in.
        """
        runner = cls(None, parent)

        def open_then_warm() -> None:  # worker thread
            try:
                runner._db = opener()
            except BaseException as exc:  # noqa: BLE001 - every job reports it
                runner._open_error = exc
            finally:
                runner._opened.set()
            for where in warm if runner._open_error is None else ():
                try:
                    module, name = where.split(":")
                    fn = getattr(importlib.import_module(module), name)
                    with runner._db.read_session() as session:
                        runner._warm[where] = fn(session)
                except Exception:  # noqa: BLE001 - warming is only a head start; the screen asks again
                    log.warning("could not prepare %s ahead:\n%s", where, traceback.format_exc())
            runner._prepared.set()

        runner._pool.start(open_then_warm, 100)
        return runner

    @property
    def db(self) -> Any:
        """The open database (waits while it is still opening; raises what stopped it from opening)."""
        self._opened.wait()
        if self._open_error is not None:
            raise self._open_error
        return self._db

    @property
    def ready(self) -> bool:
        """Whether the database is open (or failed to open): nothing will wait for it."""
        return self._opened.is_set()

    @property
    def prepared(self) -> bool:
        """Whether the database is open and the ``warm`` results are ready."""
        return self._prepared.is_set()

    def take_warm(self, fn: Callable[..., Any]) -> Any:
        """The result ``fn`` gave while the database opened, once (None if there is none)."""
        return self._warm.pop(f"{fn.__module__}:{fn.__name__}", None)

    # -- the public API
    def read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        priority: int = 0,
        **kwargs: Any,
    ) -> None:
        """``priority``: higher runs first among waiting jobs (what the user is looking at before totals)."""

        def work() -> Any:
            with self.db.read_session(actor=self.actor) as session:
                return fn(session, *args, **kwargs)

        self._start(work, on_done, on_error, owner, priority)

    def write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        changes: str,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> None:
        def work() -> Any:
            with self.db.session(actor=self.actor) as session:
                return fn(session, *args, **kwargs)

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            self.changed.emit(changes)

        self._start(work, done, on_error, owner)

    def call(
        self,
        fn: Callable[[], Any],
        *,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run plain work that opens no session (e.g. writing a PDF from rows already fetched)."""
        self._start(fn, on_done, on_error, owner)

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until every job ran and delivered its result (tests and shutdown only)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending and not deadline.hasExpired():
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
        return not self._pending

    def can(self, permission: str) -> bool:
        """Whether the signed-in user may do this (the services enforce it; the window hides what they refuse)."""
        return self.actor is None or self.actor.can(permission)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    # -- internals
    def _start(
        self,
        work: Callable[[], Any],
        on_done: Callback | None,
        on_error: Callback | None,
        owner: QObject | None,
        priority: int = 0,
    ) -> None:
        def error(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                self.failed.emit(user_message(exc))

        relay = _Relay(on_done, error, owner)
        self._pending.add(relay)
        relay.finished.connect(lambda *_: self._finished(relay), Qt.ConnectionType.QueuedConnection)
        if len(self._pending) == 1:
            self.busyChanged.emit(True)
        self._pool.start(_Job(work, relay), priority)

    def _finished(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        if not self._pending:
            self.busyChanged.emit(False)


def run_with_progress(
    runner: DbRunner,
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    *,
    on_done: Callback | None = None,
    on_error: Callback | None = None,
) -> QProgressDialog:
    """Long work on a worker thread with a progress dialog; Cancel stops it at its next step."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(title)

    bridge = _ProgressBridge(dialog)
    progress = Progress(bridge.report)
    dialog.canceled.connect(progress.cancel)

    def done(result: Any) -> None:
        dialog.reset()
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        dialog.reset()
        dialog.close()
        if isinstance(exc, Cancelled):
            return
        if on_error is not None:
            on_error(exc)
        else:
            runner.failed.emit(user_message(exc))

    runner.call(lambda: work(progress), on_done=done, on_error=failed, owner=parent)
    return dialog


class _ProgressBridge(QObject):
    step = Signal(int, int, str)

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self.step.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, done: int, total: int, text: str) -> None:  # worker thread
        self.step.emit(done, total, text)

    @Slot(int, int, str)
    def _show(self, done: int, total: int, text: str) -> None:
        if not shiboken6.isValid(self._dialog):
            return
        self._dialog.setMaximum(max(total, 0))
        self._dialog.setValue(min(done, total) if total else 0)
        if text:
            self._dialog.setLabelText(text)
