"""A list screen over one kind of record: search, a lazy table, add/edit/deactivate, an empty state.

Officers and Schools are this screen with their own columns, services and dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.tablemodels import Column, LazyTableModel, attach
from sharedsvc_desktop.gui.widgets import EmptyState, MessageBar, heading_label


class RecordListView(QWidget):
    """Subclasses set the class attributes and implement ``open_editor`` and the (de)activate calls."""

    title = ""
    noun = "record"
    changes = ""  # the kind of record named in DbRunner.changed
    empty_title = ""
    empty_text = ""
    add_text = "&Add"
    search_placeholder = "Search"
    permission = "manage_people"  # what adding, editing and deactivating need

    selectionChangedTo = Signal(object)  # the selected row object or None

    def __init__(
        self,
        runner: DbRunner,
        columns: Sequence[Column],
        ids_query: Callable[..., list[int]],
        rows_query: Callable[..., list[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName(self.title)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.title))
        self.messages = MessageBar()
        layout.addWidget(self.messages)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = QAction(self.add_text.replace("&", ""), self)
        self.add_action.setShortcut(QKeySequence.StandardKey.New)
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(lambda: self.open_editor(None))
        self.edit_action = QAction("Edit…", self)
        self.edit_action.triggered.connect(self._edit_selected)
        self.toggle_action = QAction("Deactivate", self)
        self.toggle_action.triggered.connect(self._toggle_selected)
        for action in (self.add_action, self.edit_action, self.toggle_action):
            self.toolbar.addAction(action)
            self.addAction(action)
        self.toolbar.addSeparator()
        layout.addWidget(self.toolbar)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(f"Search {self.title.lower()}")
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        self.show_inactive = QCheckBox("Show &inactive")
        self.show_inactive.setChecked(True)
        self.show_inactive.setAccessibleName("Show inactive records")
        filters.addWidget(self.show_inactive)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of records")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = LazyTableModel(runner, columns, ids_query, rows_query, self)
        self.table = QTableView()
        attach(self.table, self.model)
        self.table.setAccessibleName(f"{self.title} table")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for i, column in enumerate(columns):
            if column.width:
                self.table.setColumnWidth(i, column.width * 8)
        self.table.doubleClicked.connect(lambda _index: self._edit_selected())
        enter = QAction("Edit the selected row", self.table)
        enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        enter.triggered.connect(self._edit_selected)
        self.table.addAction(enter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.empty = EmptyState(self.empty_title, self.empty_text, self.add_text.replace("&", ""))
        self.empty.actionTriggered.connect(lambda: self.open_editor(None))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.show_inactive.toggled.connect(lambda _c: self.reload())
        self.model.loaded.connect(self._loaded)
        self.model.loadFailed.connect(self.messages.error)
        self.model.dataChanged.connect(lambda *_: self._selection_changed())
        runner.changed.connect(self._on_changed)
        self._select_after_load: int | None = None
        self.may_edit = runner.can(self.permission)
        self.add_action.setEnabled(self.may_edit)
        if self.empty.button is not None:
            self.empty.button.setVisible(self.may_edit)
        self._selection_changed()
        self.setTabOrder(self.search, self.show_inactive)
        self.setTabOrder(self.show_inactive, self.table)

    # -- loading
    def reload(self) -> None:
        self.model.set_filters(search=self.search.text(), include_inactive=self.show_inactive.isChecked())

    def _on_changed(self, what: str) -> None:
        if what in (self.changes, "*"):
            self.reload()

    def _loaded(self, count: int) -> None:
        filtered = bool(self.search.text().strip()) or not self.show_inactive.isChecked()
        if count == 0 and not filtered:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
        self.count_label.setText(f"{count:,} {self.noun}{'' if count == 1 else 's'}")
        if self._select_after_load is not None:
            row = self.model.row_of_id(self._select_after_load)
            self._select_after_load = None
            if row >= 0:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(self.model.index(row, 0))
        self._selection_changed()

    # -- selection
    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return self.model.id_at(row) if row >= 0 else None

    def selected_object(self) -> Any | None:
        row = self.selected_row()
        return self.model.row_object(row) if row >= 0 else None

    def select_id(self, record_id: int) -> None:
        self._select_after_load = record_id

    def _selection_changed(self) -> None:
        obj = self.selected_object()
        may_edit = getattr(self, "may_edit", True)
        self.edit_action.setEnabled(obj is not None and may_edit)
        self.toggle_action.setEnabled(obj is not None and may_edit)
        if obj is not None:
            self.toggle_action.setText("Reactivate" if not self.is_active(obj) else "Deactivate")
        self.selectionChangedTo.emit(obj)

    def _edit_selected(self) -> None:
        obj = self.selected_object()
        if obj is not None:
            self.open_editor(obj)

    def _toggle_selected(self) -> None:
        obj = self.selected_object()
        if obj is None:
            return
        active = self.is_active(obj)
        fn = self.deactivate_fn() if active else self.reactivate_fn()

        def done(row: Any) -> None:
            state = "inactive; their records are kept" if active else "active again"
            self.messages.success(f"{self.describe(row)} is now {state}.")
            self.select_id(row.id)

        self.runner.write(
            fn,
            changes=self.changes,
            on_done=done,
            on_error=lambda exc: self.messages.error(user_message(exc)),
            owner=self,
            **{self.id_argument: obj.id},
        )

    # -- to implement
    id_argument = "record_id"

    def open_editor(self, obj: Any | None) -> None:
        raise NotImplementedError

    def is_active(self, obj: Any) -> bool:
        raise NotImplementedError

    def describe(self, obj: Any) -> str:
        raise NotImplementedError

    def deactivate_fn(self) -> Callable[..., Any]:
        raise NotImplementedError

    def reactivate_fn(self) -> Callable[..., Any]:
        raise NotImplementedError

    def saved(self, row: Any, created: bool) -> None:
        verb = "added" if created else "saved"
        self.messages.success(f"{self.describe(row)} {verb}.")
        self.select_id(row.id)
