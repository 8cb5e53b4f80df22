"""Render the application icon: resources/icons/sharedsvc.svg -> sharedsvc-<size>.png and sharedsvc.ico.

    python packaging/render_icons.py          # after editing the SVG; the results are committed

The PNGs are drawn with Qt's QSvgRenderer (QtSvg ships with PySide6-Essentials); the Windows .ico is assembled
with Pillow from those same PNGs, so every size in it is a real rendering, not a rescaled 256 px image.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "sharedsvc.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"sharedsvc-{size}.png"


def render_pngs() -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        out = png_path(size)
        if not image.save(str(out), "PNG"):
            raise SystemExit(f"could not write {out}")
        written.append(out)
    return written


def build_ico() -> Path:
    from PIL import Image

    images = [Image.open(png_path(size)).convert("RGBA") for size in SIZES]
    out = ICONS / "sharedsvc.ico"
    largest = images[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return out


def main() -> int:
    for path in [*render_pngs(), build_ico()]:
        print(f"wrote {path.relative_to(ICONS.parent.parent)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
