"""The background-operation helper: work off the GUI thread, results and errors back on it, cancellable work."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.ops import DbRunner, run_with_progress
from sharedsvc_desktop.services import officers


def test_read_runs_off_the_gui_thread_and_answers_on_it(db, qtbot):
    runner = DbRunner(db)
    gui_thread = QThread.currentThread()
    seen = {}

    def work(session):
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return officers.officer_ids(session)

    def done(result):
        seen["result"] = result
        seen["on_gui_thread"] = QThread.currentThread() is gui_thread

    runner.read(work, on_done=done)
    assert runner.wait_for_idle()
    assert seen == {"worker": True, "result": [], "on_gui_thread": True}


def test_write_errors_come_back_and_nothing_is_written(db, qtbot):
    runner = DbRunner(db)
    changed, errors = [], []
    runner.changed.connect(changed.append)
    runner.write(officers.add_officer, changes="officers", first_name="", last_name="X", badge_number="1",
                 on_error=errors.append)
    runner.wait_for_idle()
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert "first_name" in errors[0].fields
    assert changed == []  # no refresh for a refused write
    runner.write(officers.add_officer, changes="officers", first_name="A", last_name="B", badge_number="1")
    runner.wait_for_idle()
    assert changed == ["officers"]
    with db.read_session() as s:
        assert len(officers.officer_ids(s)) == 1


def test_unhandled_errors_are_reported_with_a_message(db, qtbot):
    runner = DbRunner(db)
    messages = []
    runner.failed.connect(messages.append)
    runner.read(lambda session: 1 / 0)
    runner.wait_for_idle()
    assert len(messages) == 1 and "ZeroDivisionError" in messages[0] and "Nothing was saved" in messages[0]


def test_long_work_can_be_cancelled_from_its_progress_dialog(db, qtbot):
    runner = DbRunner(db)
    parent = QWidget()
    qtbot.addWidget(parent)
    finished, failed = [], []
    steps_done = []

    def work(progress):
        for i in range(200):
            progress.step(i, 200, f"step {i}")
            steps_done.append(i)
            time.sleep(0.01)
        return "finished"

    dialog = run_with_progress(runner, parent, "Long work", work, on_done=finished.append, on_error=failed.append)
    qtbot.waitUntil(lambda: len(steps_done) > 5 and dialog.isVisible(), timeout=5000)
    QApplication.processEvents()
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    runner.wait_for_idle()
    assert finished == [] and failed == []  # a cancel is neither a result nor an error to show
    assert len(steps_done) < 200
    assert not dialog.isVisible()
