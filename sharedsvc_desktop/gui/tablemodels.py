"""Table models that hold ids and fetch rows lazily, a page at a time, off the GUI thread.

A search fetches only the matching ids (one integer per row); the rows themselves are fetched the first time the
view asks for them. With ``id_page`` the ids too come a page at a time (the ids query takes ``limit`` and
``offset``), more as the user scrolls down (Qt's ``canFetchMore``/``fetchMore``), so a million hour entries open
at once. Columns are declared once, with a header, a text
getter and optional alignment and tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from sharedsvc_desktop.gui.ops import DbRunner

PAGE = 200
VISIBLE = 10  # DbRunner priority of what the user is looking at (ids and rows), ahead of totals and lists
Index = QModelIndex | QPersistentModelIndex


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
    pending_pages: set[int] = field(default_factory=set)
    generation: int = 0
    more: bool = False  # more ids to fetch (paged ids only)
    fetching_ids: bool = False


class LazyTableModel(QAbstractTableModel):
    """Rows identified by id; ``ids_query(session, **filters)`` and ``rows_query(session, ids)`` are services."""

    loaded = Signal(int)  # number of ids after a (re)load
    loadFailed = Signal(str)

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
        super().__init__(parent)
        self._runner = runner
        self._columns = list(columns)
        self._ids_query = ids_query
        self._rows_query = rows_query
        self._filters: dict[str, Any] = {}
        self._state = _State()
        self.loading = False
        self.id_page = id_page

    # -- loading
    def set_filters(self, **filters: Any) -> None:
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        self._state.generation += 1
        generation = self._state.generation
        self.loading = True

        def done(ids: list[int]) -> None:
            if generation != self._state.generation:
                return  # a newer search was started meanwhile
            self.beginResetModel()
            self._state = _State(ids=list(ids), generation=generation,
                                 more=bool(self.id_page) and len(ids) == self.id_page)
            self.endResetModel()
            self.loading = False
            self.loaded.emit(len(ids))

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            self.loading = False
            self.loadFailed.emit(user_message(exc))

        paging = {"limit": self.id_page, "offset": 0} if self.id_page else {}
        self._runner.read(self._ids_query, on_done=done, on_error=failed, owner=self, priority=VISIBLE,
                          **self._filters, **paging)

    # -- more ids as the user scrolls (paged ids only)
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._state.more and not self._state.fetching_ids

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        state = self._state
        if parent.isValid() or not state.more or state.fetching_ids:
            return
        state.fetching_ids = True
        generation = state.generation

        def done(ids: list[int]) -> None:
            if generation != self._state.generation:
                return
            current = self._state
            current.fetching_ids = False
            current.more = len(ids) == self.id_page
            if ids:
                first = len(current.ids)
                self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
                current.ids.extend(ids)
                self.endInsertRows()

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            self._state.fetching_ids = False
            self.loadFailed.emit(user_message(exc))

        self._runner.read(self._ids_query, on_done=done, on_error=failed, owner=self, priority=VISIBLE,
                          **self._filters, limit=self.id_page, offset=len(state.ids))

    @property
    def complete(self) -> bool:
        """Whether every matching id has been fetched."""
        return not self._state.more

    def _fetch_page(self, page: int) -> None:
        state = self._state
        if page in state.pending_pages:
            return
        state.pending_pages.add(page)
        ids = state.ids[page * PAGE : (page + 1) * PAGE]
        generation = state.generation

        def done(rows: list[Any]) -> None:
            if generation != self._state.generation:
                return
            for row in rows:
                self._state.rows[row.id] = row
            first, last = page * PAGE, min(len(self._state.ids), (page + 1) * PAGE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

        def failed(exc: BaseException) -> None:
            from sharedsvc_desktop.gui.ops import user_message

            self._state.pending_pages.discard(page)
            self.loadFailed.emit(user_message(exc))

        self._runner.read(self._rows_query, ids, on_done=done, on_error=failed, owner=self, priority=VISIBLE)

    def refresh_rows(self) -> None:
        """Forget the fetched rows (after an edit) but keep the ids and the scroll position."""
        self._state.rows.clear()
        self._state.pending_pages.clear()
        if self._state.ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._state.ids) - 1, self.columnCount() - 1))

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

    # -- Qt model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._state.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record_id = self._state.ids[index.row()]
        row = self._state.rows.get(record_id)
        column = self._columns[index.column()]
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._fetch_page(index.row() // PAGE)
                return "…" if index.column() == 0 else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            color = column.foreground(row)
            return QBrush(QColor(color)) if color else None
        return None
