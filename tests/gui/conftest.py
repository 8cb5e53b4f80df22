"""Shared setup for the GUI tests: Qt offscreen, a main window over a real temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


def settle(window, rounds: int = 3) -> None:
    """Let background operations finish and their results arrive on the GUI thread."""
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        window.runner.wait_for_idle(15_000)
        QApplication.processEvents()


@pytest.fixture
def make_window(qtbot):
    from sharedsvc_desktop.gui.app import application, build_window

    application()
    windows = []

    def make(db, *, demo: bool = False, size: tuple[int, int] | None = (1200, 760)):
        window = build_window(db, demo=demo)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        settle(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        settle(window)
