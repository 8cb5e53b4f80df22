"""Table models that hold ids and fetch rows lazily, a page at a time, off the GUI thread.

A search fetches only the matching ids (one integer per row) and the first page of rows, in one trip; the other
rows are fetched when the table first shows them (``attach`` tells the model which rows are on the screen). With
``id_page`` the ids too come a page at a time (the ids query takes ``limit`` and ``offset``), more as the user
scrolls down (Qt's ``canFetchMore``/``fetchMore``), so a million hour entries open at once. Columns are declared
once, with a header, a text getter and optional alignment, colour and tooltip.

The cells a page gives are written once into Qt's own item store (``QStandardItemModel``), so painting a screenful
asks Python nothing: the table repaints, and scrolls, as fast as a table over a C++ model. Python keeps the ids and
each fetched row object (``row_object``), for the actions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from sharedsvc_desktop.gui.ops import DbRunner

PAGE = 50
VISIBLE = 10  # DbRunner priority of what the user is looking at (ids and rows), ahead of totals and lists
Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled  # shown, not edited in place
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    align_right: bool = False
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], str | None] | None = None
    width: int = 0  # a hint in characters; 0 lets the view decide


@dataclass
class _State:
    ids: list[int] = field(default_factory=list)
    rows: dict[int, Any] = field(default_factory=dict)
    pending_pages: set[int] = field(default_factory=set)  # asked for, or in
    more: bool = False  # more ids to fetch (paged ids only)
    fetching_ids: bool = False


_BRUSHES: dict[str, QBrush] = {}


def _brush(name: str) -> QBrush:
    brush = _BRUSHES.get(name)
    if brush is None:
        brush = _BRUSHES[name] = QBrush(QColor(name))
    return brush


class LazyTableModel(QStandardItemModel):
    """Rows identified by id; ``ids_query(session, **filters)`` and ``rows_query(session, ids)`` are services.

    Show it with ``attach(table, model)``, which fetches the rows that come on the screen."""

    loaded = Signal(int)  # number of ids after a (re)load
    loadFailed = Signal(str)
    rowsWanted = Signal()  # the rows on the screen should be fetched (again): ``attach`` answers with show_rows

    def __init__(
        self,
        runner: DbRunner,
        columns: Sequence[Column],
        ids_query: Callable[..., list[int]],
        rows_query: Callable[..., list[Any]],
        parent: Any = None,
        *,
        id_page: int = 0,
    ) -> None:
        super().__init__(0, len(columns), parent)
        self._runner = runner
        self._columns = list(columns)
        self.setHorizontalHeaderLabels([c.header for c in self._columns])
        self._ids_query = ids_query
        self._rows_query = rows_query
        self._filters: dict[str, Any] = {}
        self._state = _State()
        self._searches = 0  # reloads asked for; only the latest one's result is shown
        self._shown: _ShownRows | None = None  # set by ``attach``
        self.loading = False
        self.id_page = id_page
        cell = QStandardItem()  # the cells the model makes for setData: shown, not editable
        cell.setFlags(_FLAGS)
        self.setItemPrototype(cell)

    # -- loading
    def set_filters(self, **filters: Any) -> None:
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        self._searches += 1
        search = self._searches
        self.loading = True

        def done(result: tuple[list[int], list[Any]]) -> None:
            ids, first_rows = result
            if search != self._searches:
                return  # a newer search was started meanwhile
            screenful = max(1, self.screenful())
            self.beginResetModel()
            self.blockSignals(True)  # one reset for the view, not a removal and an insertion
            try:
                self.removeRows(0, self.rowCount())
                self._state = state = _State(ids=list(ids), more=bool(self.id_page) and len(ids) == self.id_page)
                self.setRowCount(len(ids))
                if first_rows:
                    self._state.pending_pages.add(0)
                    self._show_rows(0, first_rows, stop=screenful)  # what the table paints first
            finally:
                self.blockSignals(False)
                self.endResetModel()
            self.loading = False
            self.loaded.emit(len(ids))
            if first_rows and min(len(ids), PAGE) > screenful:
                QTimer.singleShot(0, self, lambda: self._rest_of_first_page(state, first_rows, screenful))

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            self.loading = False
            self.loadFailed.emit(user_message(exc))

        paging = {"limit": self.id_page, "offset": 0} if self.id_page else {}
        ids_query, rows_query = self._ids_query, self._rows_query

        def ids_and_first_page(session: Any, **filters: Any) -> tuple[list[int], list[Any]]:
            # the first screenful comes with the ids, in the same trip to the worker
            ids = ids_query(session, **filters)
            return ids, rows_query(session, ids[:PAGE]) if ids else []

        self._runner.read(ids_and_first_page, on_done=done, on_error=failed, owner=self, priority=VISIBLE,
                          **self._filters, **paging)

    def _rest_of_first_page(self, state: _State, rows: Sequence[Any], start: int) -> None:
        if self._state is not state:
            return  # a newer result replaced these rows
        self._show_rows(0, rows, start=start)
        last = min(len(self._state.ids), PAGE) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1))

    def screenful(self) -> int:
        """How many rows the table shows at once (a page while no table is attached)."""
        return PAGE if self._shown is None else self._shown.screenful()

    def _show_rows(self, first: int, rows: Sequence[Any], *, start: int = 0, stop: int = PAGE) -> None:
        """Write the cells of ``rows`` (the page from row ``first``, in id order) into the item store, once;
        only its rows ``start``..``stop`` - 1."""
        state = self._state
        by_id = {row.id: row for row in rows}
        state.rows.update(by_id)
        columns, index, set_data = self._columns, self.index, self.setData
        blocked = self.blockSignals(True)
        try:
            for position in range(first + start, min(first + min(stop, PAGE), len(state.ids))):
                row = by_id.get(state.ids[position])
                for number, column in enumerate(columns):
                    cell = index(position, number)
                    set_data(cell, "" if row is None else column.text(row), _DISPLAY)  # the cell is made in C++
                    if column.align_right:
                        set_data(cell, _RIGHT, _ALIGNMENT)
                    if column.tooltip is not None:  # (None clears what an earlier fetch of the row wrote)
                        set_data(cell, None if row is None else column.tooltip(row), _TOOLTIP)
                    if column.foreground is not None:
                        color = None if row is None else column.foreground(row)
                        set_data(cell, _brush(color) if color else None, _FOREGROUND)
        finally:
            self.blockSignals(blocked)

    # -- more ids as the user scrolls (paged ids only)
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._state.more and not self._state.fetching_ids

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        state = self._state
        if parent.isValid() or not state.more or state.fetching_ids:
            return
        state.fetching_ids = True

        def done(ids: list[int]) -> None:
            if self._state is not state:
                return
            current = self._state
            current.fetching_ids = False
            current.more = len(ids) == self.id_page
            if ids:
                current.ids.extend(ids)
                self.setRowCount(len(current.ids))

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            state.fetching_ids = False
            self.loadFailed.emit(user_message(exc))

        self._runner.read(self._ids_query, on_done=done, on_error=failed, owner=self, priority=VISIBLE,
                          **self._filters, limit=self.id_page, offset=len(state.ids))

    @property
    def complete(self) -> bool:
        """Whether every matching id has been fetched."""
        return not self._state.more

    def show_rows(self, first: int, last: int) -> None:
        """The table shows rows ``first``..``last``: fetch the pages among them not asked for yet."""
        if first < 0 or last < first or not self._state.ids:
            return
        last = min(last, len(self._state.ids) - 1)
        for page in range(first // PAGE, last // PAGE + 1):
            self._fetch_page(page)

    def _fetch_page(self, page: int) -> None:
        state = self._state
        if page in state.pending_pages:
            return
        state.pending_pages.add(page)
        first = page * PAGE
        ids = state.ids[first : first + PAGE]
        blocked = self.blockSignals(True)
        for position in range(first, first + len(ids)):  # a sign the rows are on their way
            if self.item(position, 0) is None:
                self.setData(self.index(position, 0), "…", _DISPLAY)
        self.blockSignals(blocked)
        self.dataChanged.emit(self.index(first, 0), self.index(first + len(ids) - 1, 0))

        def done(rows: list[Any]) -> None:
            if self._state is not state:
                return
            self._show_rows(first, rows)
            last = min(len(self._state.ids), first + PAGE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            state.pending_pages.discard(page)
            self.loadFailed.emit(user_message(exc))

        self._runner.read(self._rows_query, ids, on_done=done, on_error=failed, owner=self, priority=VISIBLE)

    def refresh_rows(self) -> None:
        """Fetch the shown rows again (after an edit), keeping the ids and the scroll position."""
        self._state.rows.clear()
        self._state.pending_pages.clear()
        self.rowsWanted.emit()

    # -- access
    def id_at(self, row: int) -> int | None:
        ids = self._state.ids
        return ids[row] if 0 <= row < len(ids) else None

    def row_object(self, row: int) -> Any | None:
        record_id = self.id_at(row)
        return None if record_id is None else self._state.rows.get(record_id)

    def row_of_id(self, record_id: int) -> int:
        try:
            return self._state.ids.index(record_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[int]:
        return list(self._state.ids)


class _ShownRows(QObject):
    """Tells a model which rows its table shows, after each scroll, resize or new result (once per turn of the
    event loop)."""

    def __init__(self, table: QTableView, model: LazyTableModel) -> None:
        super().__init__(table)
        self._table, self._model = table, model
        self._queued = False
        table.viewport().installEventFilter(self)
        table.verticalScrollBar().valueChanged.connect(self.queue)
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.rowsWanted):
            signal.connect(self.queue)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.queue()
        return False

    def queue(self, *_args: Any) -> None:
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self, self._tell)

    def screenful(self) -> int:
        """How many rows the table shows at once."""
        return self._table.viewport().height() // max(1, self._table.verticalHeader().defaultSectionSize()) + 1

    def _tell(self) -> None:
        self._queued = False
        table = self._table
        first = table.rowAt(0)
        if first < 0:
            return
        last = table.rowAt(table.viewport().height() - 1)
        self._model.show_rows(first, last if last >= 0 else self._model.rowCount() - 1)


def attach(table: QTableView, model: LazyTableModel) -> None:
    """Show ``model`` in ``table``; the rows the table shows are fetched as they come on the screen."""
    table.setModel(model)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)  # also the cells not written yet: shown only
    model._shown = _ShownRows(table, model)
