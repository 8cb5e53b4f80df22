"""A signature pad: draw a signature with the mouse, a pen or a finger; clear it; accept it as PNG bytes.

``SignaturePad`` is the drawing surface (``to_png()`` gives a transparent PNG cropped to the ink);
``SignaturePadPanel`` adds Clear and Accept buttons and emits ``accepted(bytes)``.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QShortcut,
    QTabletEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

INK = QColor("#14206e")


class SignaturePad(QWidget):
    """The surface: each stroke is a list of (point, width) so a pen's pressure shows in the line."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Signature pad")
        self.setAccessibleDescription("Draw the signature here with the mouse or a pen.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(360, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, True)
        self.strokes: list[list[tuple[QPointF, float]]] = []
        self._drawing = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(460, 150)

    # -- state
    def is_empty(self) -> bool:
        return not self.strokes

    def clear(self) -> None:
        self.strokes.clear()
        self.update()
        self.changed.emit()

    # -- input
    def _start(self, point: QPointF, width: float) -> None:
        self._drawing = True
        self.strokes.append([(point, width)])
        self.update()

    def _extend(self, point: QPointF, width: float) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append((point, width))
            self.update()

    def _finish(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._start(event.position(), 2.4)
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), 2.4)
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position(), 2.4)
            self._finish()
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        width = 1.0 + 3.0 * max(0.05, event.pressure())
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._start(event.position(), width)
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position(), width)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._finish()
        event.accept()

    # -- painting
    def _paint_strokes(self, painter: QPainter, offset: QPointF = QPointF(0, 0), scale: float = 1.0) -> None:  # noqa: B008
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for stroke in self.strokes:
            if all(p == stroke[0][0] for p, _w in stroke):  # a dot (a click or a tap)
                (p, w) = stroke[0]
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(INK)
                painter.drawEllipse((p - offset) * scale, w * scale / 2, w * scale / 2)
                continue
            for (p1, w1), (p2, w2) in zip(stroke, stroke[1:], strict=False):
                pen = QPen(INK, (w1 + w2) / 2 * scale, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                           Qt.PenJoinStyle.RoundJoin)
                painter.setPen(pen)
                painter.drawLine((p1 - offset) * scale, (p2 - offset) * scale)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b8c2cf"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        base = self.height() - 28
        painter.setPen(QPen(QColor("#8a8a8a"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(16, base, self.width() - 16, base)
        if not self.strokes:
            painter.setPen(QColor("#8a8a8a"))
            painter.drawText(QRectF(16, base + 4, self.width() - 32, 22), Qt.AlignmentFlag.AlignLeft,
                             "Sign above the line")
        self._paint_strokes(painter)
        painter.end()

    # -- output
    def ink_bounds(self) -> QRectF:
        path = QPainterPath()
        first = True
        margin = 0.0
        for stroke in self.strokes:
            for p, w in stroke:
                margin = max(margin, w)
                if first:
                    path.moveTo(p)
                    first = False
                else:
                    path.lineTo(p)
        rect = path.boundingRect()
        return rect.adjusted(-margin - 4, -margin - 4, margin + 4, margin + 4)

    def to_png(self, *, scale: float = 2.0) -> bytes:
        """The signature on a transparent background, cropped to the ink, as PNG bytes (b"" when empty)."""
        if not self.strokes:
            return b""
        bounds = self.ink_bounds()
        width = max(1, int(bounds.width() * scale))
        height = max(1, int(bounds.height() * scale))
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self._paint_strokes(painter, bounds.topLeft(), scale)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class SignaturePadPanel(QWidget):
    """The pad with Clear and Accept; ``accepted`` carries the PNG bytes."""

    accepted = Signal(bytes)

    def __init__(self, parent: QWidget | None = None, *, show_accept: bool = True) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pad = SignaturePad()
        layout.addWidget(self.pad)
        row = QHBoxLayout()
        self.status = QLabel("Draw the signature with the mouse or a pen.")
        self.status.setStyleSheet("color: #555;")
        row.addWidget(self.status, 1)
        self.clear_button = QPushButton("C&lear")
        self.clear_button.setAccessibleName("Clear the signature")
        self.clear_button.clicked.connect(self.pad.clear)
        row.addWidget(self.clear_button)
        self.accept_button = QPushButton("&Accept signature")
        self.accept_button.setAccessibleName("Accept the signature")
        self.accept_button.clicked.connect(self.accept)
        self.accept_button.setVisible(show_accept)
        row.addWidget(self.accept_button)
        layout.addLayout(row)
        self.png: bytes = b""
        self.pad.changed.connect(self._changed)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.pad)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.pad.clear)
        self._changed()

    def _changed(self) -> None:
        has_ink = bool(self.pad.strokes)
        self.accept_button.setEnabled(has_ink)
        self.clear_button.setEnabled(has_ink)
        if not has_ink:
            self.png = b""
            self.status.setText("Draw the signature with the mouse or a pen.")
        elif self.png:
            self.png = b""
            self.status.setText("Changed: accept it again.")

    def accept(self) -> None:
        png = self.pad.to_png()
        if not png:
            self.status.setText("Nothing drawn yet.")
            return
        self.png = png
        self.status.setText("Signature accepted.")
        self.accepted.emit(png)

    def clear(self) -> None:
        self.pad.clear()
