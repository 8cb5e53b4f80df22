"""The program's start, as ``sharedsvc`` runs it: sign-in while the database opens, then the main window."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from sharedsvc_desktop.gui.dialogs.accounts import LoginDialog
from sharedsvc_desktop.services import users
from sharedsvc_desktop.storage.backup import take_backup
from sharedsvc_desktop.storage.engine import CHECK_MARKER

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.sqlite_only  # the program's own data folder: a SQLite file


def _play_the_user(qtbot, seen):
    """Sign in when the dialog appears; note the Dashboard the main window shows, then close the window."""
    from sharedsvc_desktop.gui.mainwindow import MainWindow

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LoginDialog) and id(dialog) not in seen.setdefault("dialogs", []):
            seen["dialogs"].append(id(dialog))
            dialog.ui.usernameEdit.setText("chief")
            dialog.ui.passwordEdit.setText(PASSWORD)
            qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save),
                             Qt.MouseButton.LeftButton)
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].dashboard.data is not None:
            seen["officers"] = windows[0].dashboard.data.active_officers
            seen["title"] = windows[0].windowTitle()
            windows[0].close()  # the last window: the program quits
            return
        QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def _with_user(db) -> None:
    with db.session() as s:
        users.create_first_administrator(s, username="chief", password=PASSWORD)


def test_the_program_signs_in_and_shows_the_dashboard(demo_db, data_dir, qtbot):
    from sharedsvc_desktop.gui import app

    _with_user(demo_db)
    demo_db.close()
    seen: dict = {}
    _play_the_user(qtbot, seen)
    assert app.run(data_dir=str(data_dir)) == 0
    assert seen["officers"] > 0 and "Shared Services" in seen["title"]


def test_a_damaged_file_is_restored_from_the_backup_before_signing_in(demo_db, data_dir, qtbot, monkeypatch):
    from sharedsvc_desktop.gui import app

    _with_user(demo_db)
    take_backup(demo_db, kind="auto")
    demo_db.close()
    file = demo_db.path
    data = bytearray(file.read_bytes())  # one bit flips in a name while the program is closed
    where = data.find(b"Alvarez")
    data[where + 2] ^= 0x01
    stat = file.stat()
    file.write_bytes(bytes(data))
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # silent: the date does not change
    # the last session's check in the background found it (see storage.engine.check_in_background)
    file.with_name(file.name + CHECK_MARKER).write_text("silent corruption", encoding="utf-8")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    seen: dict = {}
    _play_the_user(qtbot, seen)
    assert app.run(data_dir=str(data_dir)) == 0
    assert asked and "Restore the backup" in asked[0]
    assert seen["officers"] > 0  # signed in on the restored data
    with sqlite3.connect(file) as con:
        assert con.execute("SELECT count(*) FROM person WHERE last_name = 'Alvarez'").fetchone()[0] >= 1
    assert list(data_dir.glob("*damaged*")), "the damaged file is kept aside"
