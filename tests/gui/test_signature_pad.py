"""The signature pad: draw with the mouse, clear, accept; the PNG is not blank."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QPoint, Qt

from sharedsvc_desktop.gui.signature_pad import SignaturePadPanel


def _draw(qtbot, pad, points):
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for x, y in points[1:]:
        qtbot.mouseMove(pad, QPoint(x, y))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_draw_accept_clear(qtbot):
    panel = SignaturePadPanel()
    qtbot.addWidget(panel)
    panel.resize(480, 200)
    panel.show()
    qtbot.waitExposed(panel)
    pad = panel.pad
    assert pad.is_empty() and not panel.accept_button.isEnabled()
    _draw(qtbot, pad, [(30, 90), (60, 40), (90, 100), (130, 35), (170, 95), (220, 50)])
    assert not pad.is_empty() and panel.accept_button.isEnabled()
    with qtbot.waitSignal(panel.accepted) as blocker:
        qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    png = blocker.args[0]
    assert png == panel.png and png.startswith(b"\x89PNG")
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    ink = [px for px in image.get_flattened_data() if px[3] > 128]
    assert len(ink) > 200, "the strokes are in the picture"
    assert all(b > r for r, g, b, a in ink[:50]), "dark blue ink"
    # transparent around the ink, cropped to it
    assert image.getpixel((0, 0))[3] == 0
    assert image.width < 2 * 480
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert pad.is_empty() and panel.png == b"" and pad.to_png() == b""


def test_a_dot_is_ink_too(qtbot):
    panel = SignaturePadPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.mouseClick(panel.pad, Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    png = panel.pad.to_png()
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    assert image.getchannel("A").getextrema()[1] > 128
