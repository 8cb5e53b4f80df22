"""Settings: where the data lives, backups and restore, user accounts, the signed-in user's password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import maintenance, users
from sharedsvc_desktop.services.maintenance import BackupInfo, CheckResult, ServerChoice
from sharedsvc_desktop.services.permissions import ROLES


class SettingsView(QWidget):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.restart_required = False
        self.setAccessibleName("Settings")
        outer = QVBoxLayout(self)
        outer.addWidget(heading_label("Settings"))
        self.messages = MessageBar()
        outer.addWidget(self.messages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        # -- where the data lives
        data = QGroupBox("Your data")
        form = QFormLayout(data)
        db = runner.db
        self.folder_label = QLabel(str(db.data_dir or ""))
        self.db_label = QLabel(db.display_location)
        for label in (self.folder_label, self.db_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Data folder:", self.folder_label)
        form.addRow("Database:", self.db_label)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("&Open data folder")
        self.open_button.setAccessibleName("Open the data folder")
        self.check_button = QPushButton("&Check database")
        self.check_button.setAccessibleName("Check the database")
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(data)
        self.open_button.clicked.connect(self.open_folder)
        self.check_button.clicked.connect(self.check)
        self.open_button.setEnabled(db.data_dir is not None)

        # -- backups
        self.backups_box = QGroupBox("Backups")
        box = QVBoxLayout(self.backups_box)
        explained = QLabel(
            "A checked copy is taken automatically when you close the program and every 30 minutes while "
            "something changes; 12 daily, 10 weekly and 9 monthly copies are kept."
        )
        explained.setWordWrap(True)  # the screen narrows with the window
        box.addWidget(explained)
        self.backup_list = QListWidget()
        self.backup_list.setAccessibleName("Backups, newest first")
        self.backup_list.setMaximumHeight(140)
        box.addWidget(self.backup_list)
        row = QHBoxLayout()
        self.backup_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore the selected backup…")
        self.restore_button.setAccessibleName("Restore the selected backup")
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(self.backups_box)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backups_box.setVisible(db.path is not None)
        can_restore = runner.can("manage_settings")
        self.restore_button.setEnabled(can_restore)

        # -- a shared server
        self.server_box = QGroupBox("Share the database with another office (PostgreSQL server)")
        sform = QFormLayout(self.server_box)
        self.server_url = QLineEdit(str(QSettings().value("database/url", "") or ""))
        self.server_url.setPlaceholderText("postgresql+psycopg://user@server/sharedsvc")
        self.server_url.setAccessibleName("Server address")
        self.server_password = QLineEdit()
        self.server_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_password.setAccessibleName("Server password")
        self.server_password.setPlaceholderText("kept in the system keyring, never in the settings")
        url_label = QLabel("Server &address:")
        url_label.setBuddy(self.server_url)
        pw_label = QLabel("Pass&word:")
        pw_label.setBuddy(self.server_password)
        sform.addRow(url_label, self.server_url)
        sform.addRow(pw_label, self.server_password)
        srow = QHBoxLayout()
        self.test_server_button = QPushButton("&Test connection")
        self.use_server_button = QPushButton("&Use this server from the next start")
        self.use_file_button = QPushButton("Use this &computer's file")
        srow.addWidget(self.test_server_button)
        srow.addWidget(self.use_server_button)
        srow.addWidget(self.use_file_button)
        srow.addStretch(1)
        sform.addRow(srow)
        sform.addRow(QLabel(
            "Move the records first with: sharedsvc db copy --to postgresql+psycopg://user@server/sharedsvc"))
        layout.addWidget(self.server_box)
        self.server_box.setEnabled(runner.can("manage_settings"))
        self.test_server_button.clicked.connect(self.test_server)
        self.use_server_button.clicked.connect(self.use_server)
        self.use_file_button.clicked.connect(self.use_file)

        # -- accounts
        self.account_box = QGroupBox("Your account")
        acc = QHBoxLayout(self.account_box)
        who = runner.actor
        self.account_label = QLabel(
            f"Signed in as <b>{who.username}</b> ({ROLES.get(who.role, who.role)})." if who else
            "No user accounts yet: anyone who starts the program may do everything. "
            "Create the administrator to require signing in."
        )
        self.account_label.setWordWrap(True)
        acc.addWidget(self.account_label, 1)
        self.password_button = QPushButton("Change &password…")
        self.password_button.setVisible(who is not None)
        self.create_admin_button = QPushButton("Create the &administrator…")
        self.create_admin_button.setVisible(who is None)
        acc.addWidget(self.password_button)
        acc.addWidget(self.create_admin_button)
        layout.addWidget(self.account_box)
        self.password_button.clicked.connect(self.change_password)
        self.create_admin_button.clicked.connect(self.create_administrator)

        self.users_box = QGroupBox("Users")
        ubox = QVBoxLayout(self.users_box)
        self.users_table = QTableWidget(0, 3)
        self.users_table.setHorizontalHeaderLabels(["User", "Role", "Status"])
        self.users_table.setAccessibleName("Users")
        self.users_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_table.verticalHeader().hide()
        self.users_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.users_table.setMaximumHeight(180)
        ubox.addWidget(self.users_table)
        urow = QHBoxLayout()
        self.add_user_button = QPushButton("A&dd user…")
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName("Role of the selected user")
        for code, label in ROLES.items():
            self.role_combo.addItem(label, code)
        self.set_role_button = QPushButton("Set &role")
        self.toggle_user_button = QPushButton("Switch o&ff")
        urow.addWidget(self.add_user_button)
        urow.addStretch(1)
        urow.addWidget(self.role_combo)
        urow.addWidget(self.set_role_button)
        urow.addWidget(self.toggle_user_button)
        ubox.addLayout(urow)
        layout.addWidget(self.users_box)
        self.users_box.setVisible(who is not None and runner.can("manage_users"))
        self.add_user_button.clicked.connect(self.add_user)
        self.set_role_button.clicked.connect(self.set_role)
        self.toggle_user_button.clicked.connect(self.toggle_user)
        self.users_table.itemSelectionChanged.connect(self._user_selected)
        self.user_rows: list[users.UserRow] = []
        layout.addStretch(1)
        runner.changed.connect(lambda what: self.reload() if what in ("users", "*") else None)

    # -- loading
    def reload(self) -> None:
        if self.runner.db.path is not None:
            self.runner.call(lambda: maintenance.list_backups(self.runner.db),
                             on_done=self._show_backups, on_error=self._error, owner=self)
        if self.users_box.isVisible():
            self.runner.read(users.list_users, on_done=self._show_users, on_error=self._error, owner=self)

    def _error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def _show_backups(self, found: list[BackupInfo]) -> None:
        self.backup_list.clear()
        for info in found:
            item = QListWidgetItem(info.label)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            item.setToolTip(str(info.path))
            self.backup_list.addItem(item)
        if not found:
            self.backup_list.addItem(QListWidgetItem("No backups yet: press “Back up now”."))

    def _show_users(self, rows: list[users.UserRow]) -> None:
        self.user_rows = rows
        self.users_table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate([row.username, row.role_label, "Active" if row.active else "Switched off"]):
                self.users_table.setItem(r, c, QTableWidgetItem(text))
        self._user_selected()

    # -- data
    def open_folder(self) -> None:
        if self.runner.db.data_dir is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.runner.db.data_dir)))

    def check(self) -> None:
        def done(result: CheckResult) -> None:
            text = " · ".join(result.lines()[1:])
            if result.ok:
                self.messages.show_message(text, "success")
            else:
                self.messages.error(text)

        self.runner.call(lambda: maintenance.check_database(self.runner.db), on_done=done, on_error=self._error,
                         owner=self)

    def backup_now(self) -> None:
        def done(path: Any) -> None:
            self.messages.success(f"Backup written to {path} and checked.")
            self.reload()

        self.runner.call(lambda: maintenance.back_up_now(self.runner.db), on_done=done,
                         on_error=self._error, owner=self)

    def selected_backup(self) -> str | None:
        item = self.backup_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def restore_selected(self) -> None:
        """Restoring replaces the open database: the program takes a last backup, restores, then must restart."""
        path = self.selected_backup()
        if not path:
            self.messages.error("Choose a backup in the list first.")
            return
        db, actor = self.runner.db, self.runner.actor
        from pathlib import Path

        def work() -> Any:
            return maintenance.restore_backup(db, path, actor=actor)  # what is there now is backed up first

        def done(moved: Any) -> None:
            self.restart_required = True
            self.messages.show_message(
                f"Restored the backup {Path(path).name}; the file it replaced was kept as "
                f"{moved.name if moved else '—'}. Close and start the program again to use it.", "success")
            window = self.window()
            if hasattr(window, "database_replaced"):
                window.database_replaced()

        self.runner.call(work, on_done=done, on_error=self._error, owner=self)

    # -- server
    def test_server(self) -> None:
        url, password = self.server_url.text(), self.server_password.text() or None
        self.runner.call(lambda: maintenance.test_server(url, password),
                         on_done=lambda version: self.messages.success(f"Connected: PostgreSQL {version}."),
                         on_error=self._error, owner=self)

    def use_server(self) -> None:
        url, password, actor = self.server_url.text(), self.server_password.text(), self.runner.actor

        def done(choice: ServerChoice) -> None:
            QSettings().setValue("database/url", choice.address)
            self.server_password.clear()
            self.messages.success(f"From the next start the program uses {choice.address}; "
                                  f"the password is in {choice.password_kept_in}.")

        self.runner.call(lambda: maintenance.use_server(url, password or None, actor=actor), on_done=done,
                         on_error=self._error, owner=self)

    def use_file(self) -> None:
        QSettings().remove("database/url")
        self.server_url.clear()
        self.messages.success("From the next start the program uses the database file on this computer.")

    # -- accounts
    def change_password(self) -> None:
        from sharedsvc_desktop.gui.dialogs.accounts import PasswordDialog

        if self.runner.actor is None:
            return
        dialog = PasswordDialog(self.runner, self.runner.actor.user_id, self)
        dialog.on_saved = lambda *_: self.messages.success("Your password was changed.")
        dialog.open()
        self.current_dialog = dialog

    def create_administrator(self) -> None:
        from sharedsvc_desktop.gui.dialogs.accounts import UserDialog

        dialog = UserDialog(self.runner, self, first=True)
        dialog.on_saved = lambda row, _c: self.messages.success(
            f"Administrator {row.username} created: from the next start, everyone signs in.")
        dialog.open()
        self.current_dialog = dialog

    def add_user(self) -> None:
        from sharedsvc_desktop.gui.dialogs.accounts import UserDialog

        dialog = UserDialog(self.runner, self)
        dialog.on_saved = lambda row, _c: self.messages.success(f"User {row.username} added ({row.role_label}).")
        dialog.open()
        self.current_dialog = dialog

    def selected_user(self) -> users.UserRow | None:
        rows = self.users_table.selectionModel().selectedRows()
        return self.user_rows[rows[0].row()] if rows else None

    def _user_selected(self) -> None:
        row = self.selected_user()
        for widget in (self.set_role_button, self.toggle_user_button, self.role_combo):
            widget.setEnabled(row is not None)
        if row is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(row.role))
            self.toggle_user_button.setText("Switch o&ff" if row.active else "Switch o&n")

    def set_role(self) -> None:
        row = self.selected_user()
        if row is None:
            return
        self.runner.write(users.set_role, user_id=row.id, role=self.role_combo.currentData(), changes="users",
                          on_done=lambda r: self.messages.success(f"{r.username} is now {r.role_label}."),
                          on_error=self._error, owner=self)

    def toggle_user(self) -> None:
        row = self.selected_user()
        if row is None:
            return
        fn = users.deactivate_user if row.active else users.reactivate_user
        self.runner.write(fn, user_id=row.id, changes="users",
                          on_done=lambda r: self.messages.success(
                              f"{r.username} is now {'active' if r.active else 'switched off'}."),
                          on_error=self._error, owner=self)
