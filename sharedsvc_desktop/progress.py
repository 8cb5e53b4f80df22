"""Progress and cancellation for long work, without any GUI: the GUI passes one in and shows it."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sharedsvc_desktop.errors import SharedSvcError


class Cancelled(SharedSvcError):
    """The user cancelled the work; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Cancelled: nothing was changed.")


class Progress:
    """Reports ``(done, total, text)`` to a callback and raises ``Cancelled`` at the next step once cancelled."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        if self._callback is not None:
            self._callback(done, total, text)
