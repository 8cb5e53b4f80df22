"""Signing in, accounts in Settings, what a role may see, backups from Settings, the audit view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from sharedsvc_desktop.gui.dialogs.accounts import LoginDialog, UserDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.models import UserAccount
from sharedsvc_desktop.services import users
from sharedsvc_desktop.services.permissions import Actor
from tests.gui.conftest import settle

PASSWORD = "correct horse battery"


def _save(dialog, qtbot):
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _wait(runner):
    runner.wait_for_idle()


def test_first_administrator_then_sign_in(db, qtbot):
    runner = DbRunner(db)
    create = UserDialog(runner, first=True)
    qtbot.addWidget(create)
    create.open()
    qtbot.keyClicks(create.ui.usernameEdit, "chief")
    qtbot.keyClicks(create.ui.passwordEdit, PASSWORD)
    qtbot.keyClicks(create.ui.againEdit, "something else")
    _save(create, qtbot)
    assert "differ" in create.ui.againError.text()
    create.ui.againEdit.setText(PASSWORD)
    _save(create, qtbot)
    _wait(runner)
    assert not create.isVisible()
    with db.read_session() as s:
        assert s.scalar(select(UserAccount.role).where(UserAccount.username == "chief")) == "administrator"

    login = LoginDialog(runner)
    qtbot.addWidget(login)
    login.open()
    qtbot.keyClicks(login.ui.usernameEdit, "chief")
    qtbot.keyClicks(login.ui.passwordEdit, "wrong password")
    _save(login, qtbot)
    _wait(runner)
    assert login.isVisible() and "wrong" in login.ui.formMessage.text()
    assert login.ui.passwordEdit.text() == ""  # the wrong password is not kept
    qtbot.keyClicks(login.ui.passwordEdit, PASSWORD)
    _save(login, qtbot)
    _wait(runner)
    assert not login.isVisible()
    assert login.saved_row.username == "chief" and login.saved_row.role == "administrator"


def _actor(db, role):
    with db.session() as s:
        if not users.has_users(s):
            users.create_first_administrator(s, username="chief", password=PASSWORD)
        if role == "administrator":
            return users.authenticate(s, username="chief", password=PASSWORD)
        users.create_user(s, username=role, password=PASSWORD, role=role)
        return users.authenticate(s, username=role, password=PASSWORD)


def test_administrator_manages_users_from_settings(make_window, db, qtbot):
    from sharedsvc_desktop.gui.app import build_window

    window = build_window(db, actor=_actor(db, "administrator"))
    qtbot.addWidget(window)
    window.show()
    window.go_to("Settings")
    settle(window)
    view = window.settings_view
    assert view.users_box.isVisible()
    assert view.users_table.rowCount() == 1
    view.add_user()
    dialog = view.current_dialog
    qtbot.keyClicks(dialog.ui.usernameEdit, "secretary1")
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("requester"))
    qtbot.keyClicks(dialog.ui.passwordEdit, PASSWORD)
    qtbot.keyClicks(dialog.ui.againEdit, PASSWORD)
    _save(dialog, qtbot)
    settle(window)
    assert view.users_table.rowCount() == 2
    row = next(i for i, u in enumerate(view.user_rows) if u.username == "secretary1")
    view.users_table.selectRow(row)
    view.role_combo.setCurrentIndex(view.role_combo.findData("scheduler"))
    view.set_role()
    settle(window)
    with db.read_session() as s:
        assert s.scalar(select(UserAccount.role).where(UserAccount.username == "secretary1")) == "scheduler"


def test_read_only_user_sees_no_editing(db, qtbot, make_window):
    from sharedsvc_desktop.gui.app import build_window

    window = build_window(db, actor=_actor(db, "read_only"))
    qtbot.addWidget(window)
    window.show()
    window.go_to("Officers")
    settle(window)
    assert not window.officers.add_action.isEnabled()
    assert not window.officers.empty.button.isVisible()
    window.go_to("Settings")
    settle(window)
    assert not window.settings_view.users_box.isVisible()
    assert not window.settings_view.restore_button.isEnabled()
    # and the service refuses even if the window were bypassed
    runner = window.runner
    errors = []
    from sharedsvc_desktop.services import officers

    runner.write(officers.add_officer, changes="officers", first_name="A", last_name="B", badge_number="1",
                 on_error=errors.append)
    runner.wait_for_idle()
    assert errors and "may not add or change officers" in str(errors[0])


def test_backup_now_from_settings(make_window, demo_db):
    window = make_window(demo_db)
    window.go_to("Settings")
    settle(window)
    view = window.settings_view
    if not demo_db.is_sqlite:  # a server database is backed up with the server's own tools, not from here
        assert not view.backups_box.isVisibleTo(view)
        view.backup_now()
        settle(window)
        assert "pg_dump" in view.messages.text
        return
    view.backup_now()
    settle(window)
    assert "Backup written" in view.messages.text
    labels = [view.backup_list.item(i).text() for i in range(view.backup_list.count())]
    assert any("by hand" in label for label in labels)


def test_audit_view_lists_changes_and_verifies_the_chain(make_window, demo_db):
    window = make_window(demo_db)
    window.go_to("Audit trail")
    settle(window)
    view = window.audit
    assert view.model.rowCount() > 100
    view.table_combo.setCurrentIndex(view.table_combo.findData("site"))
    settle(window)
    assert view.model.rowCount() == 11  # the demo's schools and sites, one insert each
    view.verify()
    settle(window)
    assert "intact" in view.messages.text


def test_actor_is_shown_in_the_status_bar(db, qtbot):
    from sharedsvc_desktop.gui.app import build_window

    window = build_window(db, actor=Actor(1, "chief", "administrator"))
    qtbot.addWidget(window)
    texts = [w.text() for w in window.statusBar().findChildren(type(window.busy_label))]
    assert "Signed in: chief" in texts


def _answer_dialogs(answers, log):
    """Play the user: answer each modal dialog as it appears with ``answers[type](dialog)``."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    answered = set()
    stopped: list[bool] = []

    def look() -> None:
        if stopped:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is not None and id(dialog) not in answered and type(dialog) in answers:
            answer = answers[type(dialog)](dialog)
            if answer is not None:
                answered.add(id(dialog))
                log.append(answer)
        QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    return lambda: stopped.append(True)  # the test stops it: no look may outlive it


def test_sign_in_shows_before_the_database_opens_and_asks_for_the_first_administrator(db, qtbot):
    import time

    from sharedsvc_desktop.gui import app

    def slow_open():
        time.sleep(0.3)
        return db

    runner = DbRunner.opening(slow_open)
    log = []

    def login(dialog):
        if not runner.ready:
            if not log:
                log.append("login shown before the database opened")
            return None
        if dialog.ui.usernameEdit.text() != "chief":
            return None  # the first dialog closes itself: there is no account yet
        dialog.ui.passwordEdit.setText(PASSWORD)
        _save(dialog, qtbot)
        return "signed in"

    def create(dialog):
        assert dialog.windowTitle() == "Create the administrator"
        dialog.ui.usernameEdit.setText("chief")
        dialog.ui.passwordEdit.setText(PASSWORD)
        dialog.ui.againEdit.setText(PASSWORD)
        _save(dialog, qtbot)
        return "created"

    stop = _answer_dialogs({LoginDialog: login, UserDialog: create}, log)
    actor = app.sign_in(runner)
    stop()
    log.append("done")
    assert log == ["login shown before the database opened", "created", "signed in", "done"]
    assert actor.username == "chief" and actor.role == "administrator"

    # the next start asks only for the name and password
    log.clear()

    def login_again(dialog):
        assert dialog.ui.usernameEdit.text() == ""
        dialog.ui.usernameEdit.setText("Chief")
        dialog.ui.passwordEdit.setText(PASSWORD)
        _save(dialog, qtbot)
        return "signed in"

    stop = _answer_dialogs({LoginDialog: login_again, UserDialog: create}, log)
    assert app.sign_in(DbRunner.opening(lambda: db)).username == "chief"
    stop()
    log.append("done")
    assert log == ["signed in", "done"]


def test_a_database_that_cannot_open_is_reported_by_the_sign_in(qtbot):
    from sharedsvc_desktop.errors import StorageError
    from sharedsvc_desktop.gui import app

    def broken():
        raise StorageError("The database file is locked by another program.")

    with pytest.raises(StorageError, match="locked by another program"):
        app.sign_in(DbRunner.opening(broken))


def test_the_dashboard_read_while_signing_in_is_shown_at_once(demo_db, qtbot):
    from sharedsvc_desktop.gui import app
    from sharedsvc_desktop.services.dashboard import dashboard

    runner = DbRunner.opening(lambda: demo_db, warm=app.WARM)
    qtbot.waitUntil(lambda: runner.prepared, timeout=10_000)
    window = app.build_window(runner=runner, actor=Actor(1, "chief", "administrator"))
    qtbot.addWidget(window)
    # no trip to the worker: the data is there as the window is built
    assert window.dashboard.data is not None
    assert window.dashboard.data.active_officers > 0
    assert window.dashboard.tile_officers.value.text() == f"{window.dashboard.data.active_officers:,}"
    assert runner.take_warm(dashboard) is None  # used once


def test_signing_in_before_the_database_opens_says_so_then_signs_in(db, qtbot):
    import threading

    with db.session() as s:
        users.create_first_administrator(s, username="chief", password=PASSWORD)
    gate = threading.Event()

    def open_when_let():
        gate.wait(10)
        return db

    runner = DbRunner.opening(open_when_let)
    dialog = LoginDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.usernameEdit.setText("chief")
    dialog.ui.passwordEdit.setText(PASSWORD)
    _save(dialog, qtbot)
    assert dialog.ui.formMessage.isVisible() and dialog.ui.formMessage.text() == "Opening the database…"
    assert not dialog.ui.buttonBox.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: dialog.saved_row is not None, timeout=10_000)
    assert dialog.saved_row.username == "chief"
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_a_wrong_password_after_waiting_is_shown_as_an_error(db, qtbot):
    with db.session() as s:
        users.create_first_administrator(s, username="chief", password=PASSWORD)
    runner = DbRunner.opening(lambda: db)
    dialog = LoginDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.usernameEdit.setText("chief")
    dialog.ui.passwordEdit.setText("not the password")
    dialog.ui.formMessage.setStyleSheet("")  # as after "Opening the database…"
    _save(dialog, qtbot)
    qtbot.waitUntil(lambda: dialog.ui.buttonBox.isEnabled() and dialog.ui.formMessage.isVisible(), timeout=10_000)
    assert "wrong" in dialog.ui.formMessage.text()
    assert "#b00020" in dialog.ui.formMessage.styleSheet()
    assert dialog.ui.passwordEdit.text() == ""
