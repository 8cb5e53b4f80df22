"""The search box of the main window: results as you type, across agreements (clauses too), events, people,
schools and meeting minutes. Enter or a click emits ``openRecord(kind, record_id)``; the window opens the record.

Keys: type (results after a short pause), Down/Up to move in the results, Enter to open, Esc to close the list
(a second Esc clears the box). The window gives the box its shortcut (Ctrl+F / Ctrl+K) with ``focus_search()``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.services.search import search

DEBOUNCE_MS = 180
MIN_CHARS = 2
LIMIT = 25
_HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class _ResultsPopup(QFrame):
    """A frameless list under the box that never takes the keyboard focus from it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("searchResults")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setAccessibleName("Search results")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setAlternatingRowColors(True)
        self.status = QLabel(self)
        self.status.setContentsMargins(8, 4, 8, 4)
        self.status.setAccessibleName("Search status")
        layout.addWidget(self.list)
        layout.addWidget(self.status)


class SearchBox(QWidget):
    """A line edit with a results list. Give it the window's ``DbRunner``."""

    openRecord = Signal(str, int)  # kind ("agreement", "event", "person", "officer", "school", "meeting"), id

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setAccessibleName("Search")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("Search everything…  (Ctrl+K)")
        self.edit.setToolTip("Search agreements, events, people, schools and meeting minutes (Ctrl+K)")
        self.edit.setAccessibleName("Search agreements, events, people, schools and meeting minutes")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(180)
        layout.addWidget(self.edit)
        self.popup = _ResultsPopup(self)
        self.popup.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)
        self._sequence = 0  # answers to older queries are dropped
        self.last_query = ""
        self.hits: list[Any] = []
        self.edit.textEdited.connect(self._typed)
        self.edit.returnPressed.connect(self.open_current)
        self.edit.installEventFilter(self)
        self.popup.list.itemClicked.connect(self._clicked)

    # -- public
    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.hits:
            self._show_popup()

    def set_text(self, text: str) -> None:
        """Type ``text`` as the user would (for tests and for "search for this" actions)."""
        self.edit.setText(text)
        self._typed(text)

    def open_current(self) -> None:
        if self._timer.isActive():  # Enter before the pause ended: search now, open the first answer
            self._timer.stop()
            self._run(open_first=True)
            return
        item = self.popup.list.currentItem() or (self.popup.list.item(0) if self.popup.list.count() else None)
        self._open_item(item)

    def hide_results(self) -> None:
        self.popup.hide()

    # -- internals
    def _typed(self, text: str) -> None:
        if len(text.strip()) < MIN_CHARS:
            self._timer.stop()
            self._sequence += 1
            self.hits = []
            self.popup.list.clear()
            self.popup.hide()
            return
        self._timer.start()

    def _run(self, open_first: bool = False) -> None:
        text = self.edit.text().strip()
        if len(text) < MIN_CHARS:
            return
        self._sequence += 1
        seq = self._sequence

        def done(hits: list[Any]) -> None:
            if seq != self._sequence:
                return
            self._show_hits(text, hits)
            if open_first and hits:
                self._open_item(self.popup.list.item(0))

        def failed(exc: BaseException) -> None:
            if seq == self._sequence:
                self.hits = []
                self.popup.list.clear()
                self.popup.status.setText(f"Search failed: {user_message(exc)}")
                self._show_popup()

        self.runner.read(search, text=text, limit=LIMIT, on_done=done, on_error=failed, owner=self)

    def _show_hits(self, text: str, hits: list[Any]) -> None:
        self.last_query = text
        self.hits = list(hits)
        lst = self.popup.list
        lst.clear()
        for hit in hits:
            lines = [f"{hit.kind_label}: {hit.title}" + ("" if hit.active else " (inactive)")]
            if hit.detail:
                lines.append(hit.detail)
            if hit.snippet:
                lines.append(hit.snippet)
            item = QListWidgetItem("\n".join(lines))
            item.setData(_HIT_ROLE, (hit.kind, hit.record_id))
            item.setToolTip(hit.snippet or hit.detail)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.kind_label} {hit.title}. {hit.detail}")
            lst.addItem(item)
        if hits:
            lst.setCurrentRow(0)
            more = " (the first ones)" if len(hits) >= LIMIT else ""
            self.popup.status.setText(f"{len(hits)} found{more}. Enter opens, ↑↓ move, Esc closes.")
        else:
            self.popup.status.setText(f"Nothing found for “{text}”.")
        self._show_popup()

    def _show_popup(self) -> None:
        if not self.isVisible():
            return
        width = max(self.edit.width(), 460)
        rows = min(self.popup.list.count(), 7)
        height = 34 + sum(self.popup.list.sizeHintForRow(i) for i in range(rows)) + (8 if rows else 0)
        self.popup.list.setVisible(rows > 0)
        self.popup.resize(width, max(height, 34))
        below = self.edit.mapToGlobal(QPoint(0, self.edit.height() + 2))
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None and below.x() + width > screen.right():
            below.setX(max(screen.left(), screen.right() - width))
        self.popup.move(below)
        self.popup.show()
        self.popup.raise_()

    def _clicked(self, item: QListWidgetItem) -> None:
        self._open_item(item)

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        data = item.data(_HIT_ROLE)
        if not data:
            return
        kind, record_id = data
        self.popup.hide()
        self.openRecord.emit(str(kind), int(record_id))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            lst = self.popup.list
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and lst.count():
                if not self.popup.isVisible():
                    self._show_popup()
                row = lst.currentRow() + (1 if key == Qt.Key.Key_Down else -1)
                lst.setCurrentRow(max(0, min(lst.count() - 1, row)))
                return True
            if key == Qt.Key.Key_Escape:
                if self.popup.isVisible():
                    self.popup.hide()
                else:
                    self.edit.clear()
                    self._typed("")
                return True
        if obj is self.edit and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self._hide_if_unfocused)
        return super().eventFilter(obj, event)

    def _hide_if_unfocused(self) -> None:
        if not self.edit.hasFocus() and not self.popup.underMouse():
            self.popup.hide()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.popup.hide()
        super().hideEvent(event)
