"""The outbox: notices waiting, held, sent and failed, with the mail server's answer; a preview of each message and
its calendar invitation; hold, release, send now. And the mail server settings, with "Send a test message"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label
from sharedsvc_desktop.services import mail, notify

STATUS_COLORS = {"sent": "#1e6b32", "failed": "#8a1c1c", "held": "#8a5a00", "no_address": "#777777",
                 "pending": "#1d4f91"}
FILTERS = [("All messages", None), ("Waiting", "pending"), ("Held", "held"), ("Sent", "sent"), ("Failed", "failed"),
           ("No address", "no_address")]


def _local(value: Any) -> str:
    return f"{value.astimezone():%Y-%m-%d %H:%M}" if value is not None else ""


def _answer(r: notify.NoticeRow) -> str:
    text = r.answer.splitlines()[0] if r.answer else ""
    if r.status == "pending" and r.next_attempt_at is not None:
        text += f" (next try {_local(r.next_attempt_at)[11:]})"
    return text


COLUMNS = [
    Column("Created", lambda r: _local(r.created_at), width=17),
    Column("Status", lambda r: r.status_text, foreground=lambda r: STATUS_COLORS.get(r.status_key), width=17),
    Column("To", lambda r: r.to_address or "—", width=28),
    Column("Subject", lambda r: r.subject, tooltip=lambda r: r.subject, width=40),
    Column("Invitation", lambda r: r.invitation_text, width=12),
    Column("Server's answer", _answer, tooltip=lambda r: r.answer, width=36),
]


class OutboxView(QWidget):
    """Messages and mail settings, in two tabs."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName("Outbox")
        self.current: notify.NoticeDetail | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Outbox"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Outbox sections")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_messages(), "&Messages")
        self.tabs.addTab(self._build_settings(), "Mail &settings")
        runner.changed.connect(self._on_changed)

    # ------------------------------------------------------------------------------------------ messages tab
    def _build_messages(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        bar = QHBoxLayout()
        show_label = QLabel("Sho&w:")
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Show messages")
        for text, value in FILTERS:
            self.status_combo.addItem(text, value)
        show_label.setBuddy(self.status_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search subject or address")
        self.search_edit.setAccessibleName("Search messages")
        self.search_edit.setClearButtonEnabled(True)
        self.hold_button = QPushButton("&Hold back")
        self.hold_button.setToolTip("Keep this message from being sent until it is released.")
        self.release_button = QPushButton("&Release")
        self.release_button.setToolTip("Let a held message go, or try a failed one again.")
        self.send_button = QPushButton("Send &now")
        self.send_button.setToolTip("Send every waiting message now, without waiting for the next try.")
        bar.addWidget(show_label)
        bar.addWidget(self.status_combo)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(self.hold_button)
        bar.addWidget(self.release_button)
        bar.addWidget(self.send_button)
        v.addLayout(bar)

        self.model = LazyTableModel(self.runner, COLUMNS, notify.outbox_ids, notify.outbox_rows, self)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName("Messages")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for i, column in enumerate(COLUMNS):
            if column.width:
                self.table.setColumnWidth(i, column.width * 8)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the subject takes what is left
        self.empty = EmptyState(
            "No messages yet",
            "Notices to officers and schools appear here when events are approved, staffed, changed or cancelled "
            "and when officers are assigned; reminders too. Each waits here until the mail server takes it.")
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.preview_tabs = QTabWidget()
        self.preview_tabs.setAccessibleName("Preview")
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Message preview")
        self.preview.setPlaceholderText("Choose a message to see it as it will be sent.")
        self.invitation = QPlainTextEdit()
        self.invitation.setReadOnly(True)
        self.invitation.setAccessibleName("Invitation preview")
        self.invitation.setPlaceholderText("The calendar invitation attached to the message.")
        self.invitation.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview_tabs.addTab(self.preview, "Message")
        self.preview_tabs.addTab(self.invitation, "Calendar invitation")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.list_stack)
        splitter.addWidget(self.preview_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        v.addWidget(splitter, 1)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Message counts")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        v.addWidget(self.count_label)

        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.search_edit.returnPressed.connect(self.reload)
        self.search_edit.textChanged.connect(lambda t: self.reload() if not t else None)
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.hold_button.clicked.connect(self.hold_selected)
        self.release_button.clicked.connect(self.release_selected)
        self.send_button.clicked.connect(self.send_now)
        self._update_buttons()
        return page

    def reload(self) -> None:
        self.model.set_filters(status=self.status_combo.currentData(), search=self.search_edit.text())
        self.runner.read(notify.outbox_counts, on_done=lambda c: self.count_label.setText(c.text), owner=self)
        self.load_settings()

    def _on_changed(self, what: str) -> None:
        if what in ("events", "outbox", "*"):
            selected = self.selected_id()
            self.model.set_filters(status=self.status_combo.currentData(), search=self.search_edit.text())
            self.runner.read(notify.outbox_counts, on_done=lambda c: self.count_label.setText(c.text), owner=self)
            if selected is not None:
                self._load_preview(selected)

    def _loaded(self, count: int) -> None:
        self.list_stack.setCurrentWidget(self.table if count else self.empty)
        if self.current is not None and self.model.row_of_id(self.current.row.id) >= 0:
            row = self.model.row_of_id(self.current.row.id)
            self.table.selectRow(row)
        elif count == 0:
            self._show(None)
        self._update_buttons()

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_message(self, message_id: int) -> None:
        row = self.model.row_of_id(message_id)
        if row < 0:
            raise LookupError(message_id)
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        message_id = self.selected_id()
        if message_id is None:
            self._show(None)
        else:
            self._load_preview(message_id)

    def _load_preview(self, message_id: int) -> None:
        self.runner.read(notify.get_notice, message_id=message_id, on_done=self._show, on_error=self._error,
                         owner=self)

    def _show(self, detail: notify.NoticeDetail | None) -> None:
        self.current = detail
        if detail is None:
            self.preview.clear()
            self.invitation.clear()
        else:
            r = detail.row
            head = [f"To: {r.to_address or '(no address)'}", f"Subject: {r.subject}",
                    f"Status: {r.status_text}" + (f", tried {r.attempts}×" if r.attempts and "tried" not in r.status_text
                                                   else "")]
            if r.sent_at:
                head.append(f"Sent: {_local(r.sent_at)}")
            if r.answer:
                head.append(f"Server's answer: {r.answer}")
            if r.next_attempt_at and r.status == "pending":
                head.append(f"Next try: {_local(r.next_attempt_at)}")
            if r.invitation_text:
                head.append(f"Attached: invite.ics ({r.invitation_text.lower()})")
            self.preview.setPlainText("\n".join(head) + "\n\n" + detail.body)
            if detail.ics:
                width = max(len(k) for k, _ in detail.invitation) if detail.invitation else 0
                summary = "\n".join(f"{k.ljust(width)}  {v}" for k, v in detail.invitation)
                self.invitation.setPlainText(f"{summary}\n\n— the file as attached —\n{detail.ics.replace(chr(13), '')}")
            else:
                self.invitation.setPlainText("This message has no calendar invitation.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.current.row if self.current is not None else None
        may = self.runner.can("schedule_events")
        self.hold_button.setEnabled(may and r is not None and r.status == "pending" and not r.no_address)
        self.release_button.setEnabled(may and r is not None and r.status in ("held", "failed") and not r.no_address)
        self.send_button.setEnabled(may)

    def _error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def hold_selected(self) -> None:
        message_id = self.selected_id()
        if message_id is None:
            return
        self.runner.write(notify.hold_message, changes="outbox", message_id=message_id, owner=self,
                          on_done=lambda r: self.messages.success(f"Held back: {r.subject}"), on_error=self._error)

    def release_selected(self) -> None:
        message_id = self.selected_id()
        if message_id is None:
            return
        self.runner.write(notify.release_message, changes="outbox", message_id=message_id, owner=self,
                          on_done=lambda r: self.messages.success(f"Released; it goes with the next sending: "
                                                                  f"{r.subject}"), on_error=self._error)

    def send_now(self) -> None:
        db = self.runner.db
        self.send_button.setEnabled(False)

        def done(result: mail.SendResult) -> None:
            self.send_button.setEnabled(self.runner.can("schedule_events"))
            if not result.configured:
                self.messages.error("Mail is not set up yet: fill in the mail settings first.")
                self.tabs.setCurrentIndex(1)
            elif result.retry or result.failed:
                self.messages.error(result.text)
            else:
                self.messages.success(result.text)
            self.runner.changed.emit("outbox")

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(self.runner.can("schedule_events"))
            self._error(exc)

        self.runner.call(lambda: mail.send_outbox(db, ignore_backoff=True), on_done=done, on_error=failed, owner=self)

    # ------------------------------------------------------------------------------------------ settings tab
    def _build_settings(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        box = QGroupBox("The mail server notices go out through")
        form = QFormLayout(box)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("smtp.town.gov")
        self.port_edit = QLineEdit()
        self.port_edit.setPlaceholderText("587")
        self.port_edit.setMaximumWidth(90)
        self.security_combo = QComboBox()
        for code, label in mail.SECURITY.items():
            self.security_combo.addItem(label, code)
        self.security_combo.setCurrentIndex(self.security_combo.findData("starttls"))
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText("empty if the server needs no sign-in")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText("kept in the system keyring, never in the settings")
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText("scheduling@police.town.gov")
        self.sender_name_edit = QLineEdit()
        self.sender_name_edit.setPlaceholderText("Police Department Scheduling")
        self.hold_check = QCheckBox("&Hold new notices until I release them (preview before sending)")
        self.errors: dict[str, QLabel] = {}
        rows = [
            ("host", "Mail &server:", self.host_edit, "Mail server"),
            ("port", "&Port:", self.port_edit, "Port"),
            ("security", "S&ecurity:", self.security_combo, "Security"),
            ("username", "&User name:", self.user_edit, "User name"),
            ("password", "Pass&word:", self.password_edit, "Password"),
            ("sender", "Sen&der address:", self.sender_edit, "Sender address"),
            ("sender_name", "Sender &name:", self.sender_name_edit, "Sender name"),
        ]
        for field, text, widget, name in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(name)
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            error = QLabel()
            error.setObjectName(f"{field}Error")
            error.setStyleSheet("color: #8a1c1c;")
            error.setAccessibleName("Error")
            error.setWordWrap(True)
            error.hide()
            cell.addWidget(error)
            self.errors[field] = error
            form.addRow(label, cell)
        form.addRow("", self.hold_check)
        self.password_note = QLabel()
        self.password_note.setStyleSheet("color: #555;")
        self.password_note.setWordWrap(True)
        form.addRow("", self.password_note)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("Sa&ve mail settings")
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        outer.addWidget(box)

        test_box = QGroupBox("Send a test message")
        tform = QFormLayout(test_box)
        self.test_to_edit = QLineEdit()
        self.test_to_edit.setPlaceholderText("your.name@police.town.gov")
        self.test_to_edit.setAccessibleName("Test message address")
        to_label = QLabel("&To:")
        to_label.setBuddy(self.test_to_edit)
        trow = QHBoxLayout()
        trow.addWidget(self.test_to_edit, 1)
        self.test_button = QPushButton("Send a &test message")
        trow.addWidget(self.test_button)
        tcell = QVBoxLayout()
        tcell.addLayout(trow)
        self.errors["to"] = QLabel()
        self.errors["to"].setObjectName("toError")
        self.errors["to"].setStyleSheet("color: #8a1c1c;")
        self.errors["to"].hide()
        tcell.addWidget(self.errors["to"])
        tform.addRow(to_label, tcell)
        note = QLabel("The settings above are saved first; the message goes straight to the server, not through "
                      "the outbox, and the server's answer is shown above.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        tform.addRow("", note)
        outer.addWidget(test_box)
        outer.addStretch(1)

        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.save_button.clicked.connect(lambda: self.save_settings())
        self.test_button.clicked.connect(self.send_test)
        may = self.runner.can("manage_settings")
        box.setEnabled(may)
        test_box.setEnabled(may)
        if not may:
            box.setToolTip("Only an administrator may change the mail settings.")
        return page

    def load_settings(self) -> None:
        self.runner.read(mail.mail_settings, check_password=True, on_done=self._settings_loaded,
                         on_error=self._error, owner=self)

    def _settings_loaded(self, s: mail.MailSettings) -> None:
        if self.host_edit.isModified() or self.sender_edit.isModified():
            return  # the user is typing: do not overwrite
        self.host_edit.setText(s.host)
        self.port_edit.setText(str(s.port) if s.host else "")
        self.security_combo.setCurrentIndex(max(0, self.security_combo.findData(s.security if s.host else "starttls")))
        self.user_edit.setText(s.username)
        self.sender_edit.setText(s.sender)
        self.sender_name_edit.setText(s.sender_name)
        self.hold_check.setChecked(s.hold_new)
        if s.username:
            self.password_note.setText("A password is kept for this user." if s.has_password else
                                       "No password is kept for this user yet: type it above and save.")
        else:
            self.password_note.setText("")

    def _security_changed(self) -> None:
        code = self.security_combo.currentData()
        if self.port_edit.text().strip() in ("", *[str(p) for p in mail.DEFAULT_PORTS.values()]):
            self.port_edit.setText(str(mail.DEFAULT_PORTS.get(code, 25)))

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, label in self.errors.items():
            text = fields.get(name, "")
            label.setText(text)
            label.setVisible(bool(text))
        shown = {k for k in fields if k in self.errors}
        rest = [v for k, v in fields.items() if k not in shown]
        if rest:
            self.messages.error(" ".join(rest))
        elif fields:
            self.messages.error("Please correct the fields marked in red.")

    def _settings_error(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            self._error(exc)

    def save_settings(self, then: Any = None) -> None:
        self.show_errors({})
        values = dict(host=self.host_edit.text(), port=self.port_edit.text(),
                      security=self.security_combo.currentData(), username=self.user_edit.text(),
                      sender=self.sender_edit.text(), sender_name=self.sender_name_edit.text(),
                      hold_new=self.hold_check.isChecked())
        password = self.password_edit.text()

        def saved(s: mail.MailSettings) -> None:
            self.host_edit.setModified(False)
            self.sender_edit.setModified(False)
            if password:
                self.runner.call(lambda: mail.store_mail_password(host=s.host, username=s.username, password=password),
                                 on_done=lambda where: done(s, f" The password is kept in {where}."),
                                 on_error=self._settings_error, owner=self)
            else:
                done(s, "")

        def done(s: mail.MailSettings, extra: str) -> None:
            self.password_edit.clear()
            self.load_settings()
            if then is not None:
                then(s)
            else:
                self.messages.success(f"Mail goes through {s.host}:{s.port}, {s.security_label}, from "
                                      f"{s.sender}.{extra}")

        self.runner.write(mail.set_mail_settings, changes="settings", on_done=saved, on_error=self._settings_error,
                          owner=self, **values)

    def send_test(self) -> None:
        to = self.test_to_edit.text()

        def send(_s: mail.MailSettings) -> None:
            self.messages.show_message(f"Sending a test message to {to.strip()}…", "info")
            self.runner.read(mail.send_test_message, to=to, owner=self, on_error=self._settings_error,
                             on_done=lambda answer: self.messages.success(
                                 f"Test message sent to {to.strip()}. The server answered: {answer}"))

        self.save_settings(then=send)
