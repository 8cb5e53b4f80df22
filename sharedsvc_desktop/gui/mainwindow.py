"""The main window: a navigation list on the left, one screen at a time on the right."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.gui.ops import DbRunner

# (section, attribute, "module:Class"): each screen is built the first time it is shown (or asked for), so the
# window opens with only the Dashboard's code loaded.
SCREENS = [
    ("Dashboard", "dashboard", "dashboard:DashboardView"),
    ("Due & overdue", "compliance", "compliance:ComplianceView"),
    ("Agreements", "agreements", "agreements:AgreementsView"),
    ("Events", "events", "events:EventsView"),
    ("Outbox", "outbox", "outbox:OutboxView"),
    ("Officers", "officers", "officers:OfficersView"),
    ("SRO program", "sro", "sro:SroView"),
    ("Schools", "schools", "schools:SchoolsView"),
    ("School staff", "people", "people:PeopleView"),
    ("Hours", "hours", "hours:HoursView"),
    ("Ledger", "ledger", "ledger:LedgerView"),
    ("Oversight data", "oversight", "oversight:OversightView"),
    ("Data & Reports", "reports", "reports:ReportsView"),
    ("Publish & lists", "publish", "publish:PublishView"),
    ("Audit trail", "audit", "audit:AuditView"),
    ("Settings", "settings_view", "settings:SettingsView"),
]
SECTIONS = [name for name, _attr, _where in SCREENS]
BACKUP_EVERY_MS = 30 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, runner: DbRunner) -> None:
        super().__init__()
        self.runner = runner
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._built: dict[int, QWidget] = {}
        self._database_replaced_flag = False
        self._loaded: set[int] = set()

        self.nav = QListWidget()
        self.nav.setAccessibleName("Sections")
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(300)
        for name in SECTIONS:
            QListWidgetItem(name, self.nav)
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 11pt; } "
                               "QListWidget#navigation::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        for _name in SECTIONS:
            self.stack.addWidget(QWidget())  # a placeholder until the screen is first shown
        from PySide6.QtWidgets import QVBoxLayout

        from sharedsvc_desktop.gui.search import SearchBox

        self.search_box = SearchBox(runner)
        self.search_box.openRecord.connect(self.open_record)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.search_box)
        side_layout.addWidget(self.nav, 1)
        side.setMaximumWidth(300)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 1000])
        self.setCentralWidget(self.splitter)
        self.nav.currentRowChanged.connect(self.show_section)

        self.busy_label = QLabel()
        self.busy_label.setAccessibleName("Activity")
        location = QLabel(f"Data: {runner.db.display_location}")
        location.setAccessibleName("Database location")
        self.statusBar().addWidget(location, 1)
        if runner.actor is not None:
            who = QLabel(f"Signed in: {runner.actor.username}")
            who.setAccessibleName("Signed-in user")
            self.statusBar().addPermanentWidget(who)
        self.statusBar().addPermanentWidget(self.busy_label)
        runner.busyChanged.connect(lambda busy: self.busy_label.setText("Working…" if busy else ""))
        runner.failed.connect(self.show_error)
        self._build_menus()
        self._restore_state()
        self.nav.setCurrentRow(0)

        # automatic backups: every 30 minutes while something changed, and on close
        self._changed_since_backup = False
        self._database_replaced = False
        runner.changed.connect(self._note_change)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(self.backup_if_changed)
        if runner.db.path is not None and runner.db.data_dir is not None:
            self.backup_timer.start()

    # -- backups
    def _note_change(self, what: str) -> None:
        if what not in ("session",):
            self._changed_since_backup = True

    def backup_if_changed(self, *, wait: bool = False) -> None:
        db = self.runner.db
        if not self._changed_since_backup or self._database_replaced or db.path is None or db.data_dir is None:
            return
        from sharedsvc_desktop.services.maintenance import back_up_automatically

        self._changed_since_backup = False
        self.runner.call(lambda: back_up_automatically(db), on_error=lambda exc: self.show_error(
            f"The automatic backup failed: {exc}"))
        if wait:
            self.runner.wait_for_idle(60_000)

    def check_database_in_background(self) -> None:
        """The integrity check of the file, after the window is open (a big database takes seconds to check)."""
        from sharedsvc_desktop.services.maintenance import check_in_background

        def done(problem: str | None) -> None:
            if problem is None:
                return
            self._database_replaced = True  # take no automatic backup of a damaged file over the good ones
            self.backup_timer.stop()
            QMessageBox.critical(
                self, APP_TITLE,
                f"The database failed its integrity check ({problem}). Close the program now: at the next start "
                "the damaged file is set aside (never deleted) and the newest good backup is offered.")

        if self.runner.db.path is not None:
            self.runner.call(lambda: check_in_background(self.runner.db), on_done=done, owner=self)

    def database_replaced(self) -> None:
        """A backup was restored over the open database: nothing more may be written until a restart."""
        self._database_replaced = True
        self._database_replaced_flag = True
        self.backup_timer.stop()
        for view in self.views:
            if view is not self.settings_view:
                view.setEnabled(False)

    # -- navigation
    def show_section(self, index: int) -> None:
        if index < 0:
            return
        view = self.screen(index)
        self.stack.setCurrentIndex(index)
        if index not in self._loaded and hasattr(view, "reload"):
            self._loaded.add(index)
            view.reload()

    # -- filled request forms dropped on the window
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from sharedsvc_desktop.gui.dialogs.request_import import pdf_paths_from_mime

        if pdf_paths_from_mime(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from sharedsvc_desktop.gui.dialogs.request_import import open_request_import, pdf_paths_from_mime

        found = pdf_paths_from_mime(event.mimeData())
        if found:
            event.acceptProposedAction()
            open_request_import(self, self.runner, found)

    RECORD_SECTIONS = {
        "agreement": "Agreements", "event": "Events", "officer": "Officers", "person": "School staff",
        "school": "Schools", "meeting": "Oversight data",
    }

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a search result: its section, with the record selected where the screen can do that."""
        section = self.RECORD_SECTIONS.get(kind)
        if section is None:
            return
        self.go_to(section)
        view = self.current_view()
        if hasattr(view, "open_record"):
            view.open_record(record_id)
        elif hasattr(view, "select_id"):
            view.select_id(record_id)
            view.reload()

    def screen(self, index: int) -> QWidget:
        """The screen of a section, built on first use."""
        if index not in self._built:
            import importlib

            _name, _attr, where = SCREENS[index]
            module, cls = where.split(":")
            view = getattr(importlib.import_module(f"sharedsvc_desktop.gui.views.{module}"), cls)(self.runner)
            if module == "officers":
                from sharedsvc_desktop.gui.views.officer_detail import add_training_action

                add_training_action(view)
            if self._database_replaced_flag and view is not None and _attr != "settings_view":
                view.setEnabled(False)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[index] = view
        return self._built[index]

    @property
    def views(self) -> list[QWidget]:
        """The screens built so far."""
        return [self._built[i] for i in sorted(self._built)]

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        if name.startswith("_"):
            raise AttributeError(name)
        for index, (_section, attr, _where) in enumerate(SCREENS):
            if attr == name:
                return self.screen(index)
        raise AttributeError(name)

    def go_to(self, name: str) -> None:
        self.nav.setCurrentRow(SECTIONS.index(name))

    def current_view(self) -> QWidget:
        return self.stack.currentWidget()

    def refresh(self) -> None:
        self.runner.changed.emit("*")

    def show_error(self, text: str) -> None:
        view = self.current_view()
        messages = getattr(view, "messages", None)
        if messages is not None:
            messages.error(text)
        else:
            self.statusBar().showMessage(text, 15000)

    # -- menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.print_action = QAction("&Print officer roster…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.reports.roster_actions().print_preview())
        self.save_pdf_action = QAction("&Save officer roster as PDF…", self)
        self.save_pdf_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_pdf_action.triggered.connect(lambda: self.reports.roster_actions().save_as())
        open_folder = QAction("Open &data folder", self)
        open_folder.triggered.connect(lambda: self.settings_view.open_folder())
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        for action in (self.print_action, self.save_pdf_action, open_folder):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        find = QAction("&Find…", self)
        find.setShortcuts([QKeySequence.StandardKey.Find, QKeySequence("Ctrl+K")])
        find.triggered.connect(self.search_box.focus_search)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(find)
        refresh = QAction("&Refresh", self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        view_menu.addAction(refresh)
        view_menu.addSeparator()
        for i, name in enumerate(SECTIONS):
            action = QAction(name.replace("&", "&&"), self)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, row=i: self.nav.setCurrentRow(row))
            view_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        about = QAction(f"&About {APP_TITLE}", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        from sharedsvc_desktop.gui.help import open_data_folder, show_user_guide

        guide = QAction("&User guide", self)
        guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        guide.triggered.connect(lambda: show_user_guide(self))
        data_folder = QAction("Open &data folder", self)
        data_folder.triggered.connect(lambda: open_data_folder(self.runner.db.data_dir))
        data_folder.setEnabled(self.runner.db.data_dir is not None)
        help_menu.addAction(guide)
        help_menu.addAction(data_folder)
        help_menu.addSeparator()
        help_menu.addAction(about)

    def about_text(self) -> str:
        folder = self.runner.db.data_dir
        return (
            f"<h3>{APP_TITLE} {__version__}</h3>"
            "<p>Run a police–school shared-services agreement: agreements, SRO appointments, event coverage, "
            "hours and the value each side gives.</p>"
            f"<p>Data folder: <code>{folder or '—'}</code><br>Database: <code>{self.runner.db.display_location}"
            "</code></p>"
        )

    def show_about(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(f"About {APP_TITLE}")
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setIcon(QMessageBox.Icon.Information)
        open_button = box.addButton("Open data folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        open_button.clicked.disconnect()
        open_button.clicked.connect(self.settings_view.open_folder)
        open_button.setEnabled(self.runner.db.data_dir is not None)
        box.open()
        self.about_box = box
        return box

    # -- state
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        splitter = settings.value("mainWindow/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.runner.wait_for_idle(5000)
        self.backup_if_changed(wait=True)
        super().closeEvent(event)


def open_url(url: str) -> None:
    QDesktopServices.openUrl(QUrl(url))
