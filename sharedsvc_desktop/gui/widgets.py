"""Small widgets every screen uses: an inline message bar and an empty-state panel; ``after_paint``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

_STYLES = {
    "info": ("#e8f1fb", "#1d4f91", "#9cc0ea"),
    "success": ("#e7f5ea", "#1e6b32", "#9fd3ad"),
    "error": ("#fdecec", "#8a1c1c", "#eba5a5"),
}


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[], None], within_ms: int) -> None:
        super().__init__(widget)
        self._widget, self._fn = widget, fn
        widget.installEventFilter(self)
        QTimer.singleShot(within_ms, self, self._run)  # a hidden widget never paints

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._run)  # once this paint is on the screen
        return False

    def _run(self) -> None:
        fn, self._fn = self._fn, None
        if fn is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        fn()


def after_paint(widget: QWidget, fn: Callable[[], None], *, within_ms: int = 300) -> None:
    """Call ``fn`` on the GUI thread once ``widget`` has next painted (or after ``within_ms`` if it does not).

    What the user waits to see paints first; secondary work (totals, lists) starts after, not alongside it."""
    _AfterPaint(widget, fn, within_ms)


class MessageBar(QFrame):
    """An inline message above a screen's content (instead of a modal box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAccessibleName("Message")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName("Dismiss message")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.kind = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(self, text: str, kind: str = "info", *, timeout_ms: int = 0) -> None:
        background, foreground, border = _STYLES[kind]
        self.kind = kind
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: {foreground}; }}"
        )
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        if timeout_ms:
            self._timer.start(timeout_ms)
        else:
            self._timer.stop()

    def error(self, text: str) -> None:
        self.show_message(text, "error")

    def success(self, text: str) -> None:
        self.show_message(text, "success", timeout_ms=8000)

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


class EmptyState(QWidget):
    """What a screen shows when it has nothing yet: what this is for and what to do."""

    actionTriggered = Signal()

    def __init__(self, title: str, text: str, action_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(title)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        self.body = QLabel(text)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setStyleSheet("color: #555;")
        layout.addWidget(self.body)
        self.button: QPushButton | None = None
        if action_text:
            row = QHBoxLayout()
            row.addStretch(1)
            self.button = QPushButton(action_text)
            self.button.clicked.connect(self.actionTriggered)
            row.addWidget(self.button)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label
