"""Signing in, the first administrator, user accounts and password changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget

from sharedsvc_desktop.gui.dialogs.base import ERROR_STYLE, FormDialog
from sharedsvc_desktop.gui.forms.ui_login_dialog import Ui_LoginDialog
from sharedsvc_desktop.gui.forms.ui_password_dialog import Ui_PasswordDialog
from sharedsvc_desktop.gui.forms.ui_user_dialog import Ui_UserDialog
from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.services.permissions import ROLES


def _rename_save(dialog: FormDialog, text: str) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(text)


def _has_users(session: Any) -> bool:
    from sharedsvc_desktop.services.users import has_users

    return has_users(session)


def _authenticate(session: Any, **credentials: Any) -> Any:  # on the worker: the database layer loads there
    from sharedsvc_desktop.services.users import authenticate

    return authenticate(session, **credentials)


class LoginDialog(FormDialog):
    """Sign in; the result (``saved_row``) is the signed-in ``Actor``."""

    changes = "session"

    FIRST_RUN = "first run"  # what ``ask`` returns on a database without accounts: create the administrator

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(Ui_LoginDialog(), runner, parent)
        _rename_save(self, "&Sign in")
        self.bind(username=self.ui.usernameEdit, password=self.ui.passwordEdit)
        self.ui.usernameEdit.setFocus()
        self.first_run = False
        self.open_error: BaseException | None = None
        # the user can type while the database opens behind the dialog; a database without accounts asks for
        # its administrator instead
        runner.read(_has_users, on_done=self._users_known, on_error=self._open_failed, owner=self, priority=10)

    def _users_known(self, has_users: bool) -> None:
        if not has_users:
            self.first_run = True
            self.reject()

    def _open_failed(self, exc: BaseException) -> None:
        self.open_error = exc
        self.reject()

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        return _authenticate

    def save(self) -> None:
        super().save()
        if not self.runner.ready:  # signing in waits for the database: say so
            self.ui.formMessage.setStyleSheet("")
            self.show_form_message("Opening the database…")

    def values(self) -> dict[str, Any]:
        return {"username": self.ui.usernameEdit.text(), "password": self.ui.passwordEdit.text()}

    def _failed(self, exc: BaseException) -> None:
        self.ui.formMessage.setStyleSheet(ERROR_STYLE)
        super()._failed(exc)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    @classmethod
    def ask(cls, runner: DbRunner, username: str = "") -> Any:
        """Show the dialog until the user signs in (the ``Actor``) or cancels (None)."""
        dialog = cls(runner)
        if username:
            dialog.ui.usernameEdit.setText(username)
            dialog.ui.passwordEdit.setFocus()
        if dialog.exec() == cls.DialogCode.Accepted:
            return dialog.saved_row
        if dialog.open_error is not None:
            raise dialog.open_error
        return cls.FIRST_RUN if dialog.first_run else None


class UserDialog(FormDialog):
    """Add a user; with ``first=True`` the first administrator of a new database."""

    changes = "users"

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, first: bool = False) -> None:
        super().__init__(Ui_UserDialog(), runner, parent)
        self.first = first
        for code, label in ROLES.items():
            self.ui.roleCombo.addItem(label, code)
        self.bind(username=self.ui.usernameEdit, role=self.ui.roleCombo, password=self.ui.passwordEdit)
        if first:
            self.setWindowTitle("Create the administrator")
            self.ui.roleCombo.setEnabled(False)
            self.show_intro()
        else:
            self.setWindowTitle("Add a user")
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData("read_only"))
        self.ui.usernameEdit.setFocus()

    def show_intro(self) -> None:
        self.ui.formMessage.setStyleSheet("")
        self.ui.formMessage.setText(
            "Welcome. Create the administrator account of this office (the chief's office): it signs in to the "
            "program and adds the other users."
        )
        self.ui.formMessage.setVisible(True)

    @property
    def creating(self) -> bool:
        return True

    @classmethod
    def create_first(cls, runner: DbRunner) -> Any:
        """Ask for the first administrator; the new ``UserRow`` or None if the user cancelled."""
        dialog = cls(runner, first=True)
        return dialog.saved_row if dialog.exec() == cls.DialogCode.Accepted else None

    def service(self) -> Callable[..., Any]:
        from sharedsvc_desktop.services import users

        return users.create_first_administrator if self.first else users.create_user

    def values(self) -> dict[str, Any]:
        values = {"username": self.ui.usernameEdit.text(), "password": self.ui.passwordEdit.text()}
        if not self.first:
            values["role"] = self.ui.roleCombo.currentData()
        return values

    def save(self) -> None:
        if self.ui.passwordEdit.text() != self.ui.againEdit.text():
            self.clear_errors()
            self.show_errors({"again": "The two passwords differ."})
            return
        super().save()


class PasswordDialog(FormDialog):
    changes = "users"

    def __init__(self, runner: DbRunner, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(Ui_PasswordDialog(), runner, parent)
        self.user_id = user_id
        self.bind(old_password=self.ui.oldPasswordEdit, new_password=self.ui.newPasswordEdit)
        for edit in (self.ui.oldPasswordEdit, self.ui.newPasswordEdit, self.ui.againEdit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)

    @property
    def creating(self) -> bool:
        return False

    def service(self) -> Callable[..., Any]:
        from sharedsvc_desktop.services import users

        return users.change_password

    def values(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id,
            "old_password": self.ui.oldPasswordEdit.text(),
            "new_password": self.ui.newPasswordEdit.text(),
        }

    def save(self) -> None:
        if self.ui.newPasswordEdit.text() != self.ui.againEdit.text():
            self.clear_errors()
            self.show_errors({"again": "The two passwords differ."})
            return
        super().save()
