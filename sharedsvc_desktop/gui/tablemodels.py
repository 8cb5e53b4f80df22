"""Table models that hold ids and fetch rows lazily, a page at a time, off the GUI thread.

A search fetches only the matching ids (one integer per row) and the first page of rows, in one trip; the other
rows are fetched the first time the view asks for them. With ``id_page`` the ids too come a page at a time (the
ids query takes ``limit`` and ``offset``), more as the user scrolls down (Qt's ``canFetchMore``/``fetchMore``), so
a million hour entries open at once. Columns are declared once, with a header, a text getter and optional
alignment and tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from sharedsvc_desktop.gui.ops import DbRunner

PAGE = 50
VISIBLE = 10  # DbRunner priority of what the user is looking at (ids and rows), ahead of totals and lists
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value


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
    texts: dict[int, list[str]] = field(default_factory=dict)  # each fetched row's cell texts, made once
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
        self._roles = {_DISPLAY}
        if any(c.tooltip is not None for c in self._columns):
            self._roles.add(_TOOLTIP)
        if any(c.align_right for c in self._columns):
            self._roles.add(_ALIGNMENT)
        if any(c.foreground is not None for c in self._columns):
            self._roles.add(_FOREGROUND)
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

        def done(result: tuple[list[int], list[Any]]) -> None:
            ids, first_rows = result
            if generation != self._state.generation:
                return  # a newer search was started meanwhile
            self.beginResetModel()
            self._state = _State(ids=list(ids), generation=generation,
                                 more=bool(self.id_page) and len(ids) == self.id_page)
            for row in first_rows:
                self._state.rows[row.id] = row
            if first_rows:
                self._state.pending_pages.add(0)
            self.endResetModel()
            self.loading = False
            self.loaded.emit(len(ids))

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
                self._state.texts.pop(row.id, None)
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
        self._state.texts.clear()
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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # called for every cell and role at each paint: plain ints and a cache of each row's texts keep it cheap
        if role not in self._roles or not index.isValid():
            return None
        record_id = self._state.ids[index.row()]
        if role == _DISPLAY:
            texts = self._state.texts.get(record_id)
            if texts is None:
                row = self._state.rows.get(record_id)
                if row is None:
                    self._fetch_page(index.row() // PAGE)
                    return "…" if index.column() == 0 else ""
                texts = self._state.texts[record_id] = [column.text(row) for column in self._columns]
            return texts[index.column()]
        row = self._state.rows.get(record_id)
        if row is None:
            return None
        column = self._columns[index.column()]
        if role == _TOOLTIP and column.tooltip is not None:
            return column.tooltip(row)
        if role == _ALIGNMENT and column.align_right:
            return _RIGHT
        if role == _FOREGROUND and column.foreground is not None:
            color = column.foreground(row)
            return QBrush(QColor(color)) if color else None
        return None
