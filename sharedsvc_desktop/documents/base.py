"""Shared reportlab machinery for every document the program prints.

Fonts, paragraph styles, the page template (header, footer with "Page N of M") and a wrapping,
zebra-striped table helper. Core-only: this module must never import Qt.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.paths import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

MARGIN = 0.6 * inch
HEADER_HEIGHT = 0.35 * inch
FOOTER_HEIGHT = 0.35 * inch

HEADER_BLUE = colors.HexColor("#1F3A5F")
ZEBRA = colors.HexColor("#EEF2F7")
GRID = colors.HexColor("#B8C2CF")
MUTED = colors.HexColor("#555555")

CELL_PADDING = 4

#: Text longer than this in a single table cell is cut short (a cell taller than a page cannot print).
MAX_CELL_CHARS = 600

_font_lock = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Register the bundled DejaVu Sans fonts with reportlab (safe to call many times)."""
    global _fonts_registered
    if _fonts_registered:
        return
    with _font_lock:
        if _fonts_registered:
            return
        regular = resource_path("fonts", "DejaVuSans.ttf")
        bold = resource_path("fonts", "DejaVuSans-Bold.ttf")
        registered = set(pdfmetrics.getRegisteredFontNames())
        if FONT not in registered:
            pdfmetrics.registerFont(TTFont(FONT, str(regular)))
        if FONT_BOLD not in registered:
            pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _fonts_registered = True


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The paragraph styles every document uses (all in DejaVu Sans)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=10, leading=13, spaceAfter=4)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22, spaceAfter=2),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8
        ),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=FONT_BOLD, fontSize=12.5, leading=16, spaceBefore=8, spaceAfter=4
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=10, spaceAfter=0, splitLongWords=1),
        cell_header=ParagraphStyle(
            "cell_header",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=8,
            leading=10,
            spaceAfter=0,
            textColor=colors.white,
        ),
    )


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_text(value: object, *, max_chars: int | None = None, newlines: bool = False) -> str:
    """``value`` as text that is safe inside reportlab Paragraph markup.

    Escapes ``&``, ``<`` and ``>``, drops control characters and unpaired surrogates, optionally cuts the
    text to ``max_chars`` (with an ellipsis) and turns line breaks into ``<br/>`` (``newlines=True``) or spaces.
    """
    text = "" if value is None else str(value)
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL_CHARS.sub("", text)
    text = re.sub(r"\n\s*\n+", "\n", text.strip("\n"))
    if max_chars is not None and len(text) > max_chars:
        text = text[: max(max_chars - 1, 0)].rstrip() + "…"
    text = escape(text)
    return text.replace("\n", "<br/>" if newlines else " ")


def content_width(landscape: bool = False) -> float:
    """Width in points between the left and right margins of a Letter page."""
    size = _landscape(LETTER) if landscape else LETTER
    return size[0] - 2 * MARGIN


def cell(value: object, style: ParagraphStyle | None = None) -> Flowable:
    """A table cell: escaped, length-limited text that wraps (even inside very long words)."""
    if isinstance(value, Flowable):
        return value
    return Paragraph(safe_text(value, max_chars=MAX_CELL_CHARS, newlines=True), style or styles().cell)


def data_table(
    header: list[str],
    rows: list[list[Any]],
    col_widths: list[float] | None = None,
    *,
    width: float | None = None,
) -> Table:
    """A table with a repeating bold header row, zebra striping and wrapping cells.

    ``col_widths`` are in points; without them the columns share ``width`` (default: a portrait page)
    equally. Cell values are plain text (escaped here; ``"\\n"`` starts a new line) or ready-made
    Paragraphs/flowables.
    """
    st = styles()
    ncols = len(header)
    if col_widths is None:
        total = width if width is not None else content_width()
        col_widths = [total / max(ncols, 1)] * ncols
    if len(col_widths) != ncols:
        raise ValueError(f"{len(col_widths)} column widths for {ncols} columns")
    data: list[list[Any]] = [[cell(h, st.cell_header) for h in header]]
    for row in rows:
        values = list(row)[:ncols] + [""] * max(ncols - len(row), 0)
        data.append([cell(v) for v in values])
    # Rows split at row boundaries; only a single row too tall for a page is split inside the row.
    table = Table(data, colWidths=list(col_widths), repeatRows=1, splitInRow=30, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.5, GRID),
    ]
    if rows:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    table.setStyle(TableStyle(commands))
    return table


class NumberedCanvas(Canvas):
    """A canvas that remembers every page and writes "Page N of M" on each one when saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        # Without this an unused, unembedded Helvetica ends up in the file.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
        super().__init__(*args, **kwargs)
        self._saved_page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._saved_page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_page_states)
        for state in self._saved_page_states:
            self.__dict__.update(state)
            self.draw_page_number(total)
            super().showPage()
        super().save()

    def draw_page_number(self, total: int) -> None:
        register_fonts()
        width = self._pagesize[0]
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(MUTED)
        self.drawRightString(
            width - MARGIN, MARGIN - FOOTER_HEIGHT + 4, f"Page {self._pageNumber} of {total}"
        )
        self.restoreState()


def _fit(text: str, font: str, size: float, max_width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``max_width`` points."""
    text = safe_text(text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if pdfmetrics.stringWidth(text, font, size) <= max_width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(text[:mid] + "…", font, size) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…"


def build_pdf(
    out: Path | str | BinaryIO,
    *,
    title: str,
    subtitle: str,
    story: list[Flowable],
    landscape: bool = False,
    footer_left: str = "",
    organization: str = "",
) -> None:
    """Write a Letter-size PDF: the title and subtitle, then ``story``.

    Every page gets a header line (the title, and the organization on the right) and a footer
    (``footer_left`` on the left, "Page N of M" on the right). A path is written only once the whole
    document has been built, so a failure never leaves a half-written file behind.
    """
    st = styles()
    pagesize = _landscape(LETTER) if landscape else LETTER
    page_w, page_h = pagesize
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT,
        bottomMargin=MARGIN,  # the footer sits in the lower part of the margin
        title=title,
        subject=subtitle,
        author=APP_TITLE,
        creator=f"{APP_TITLE} {__version__}",
        initialFontName=FONT,
        initialFontSize=10,
    )
    usable = page_w - 2 * MARGIN

    def decorate(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = page_h - MARGIN
        org = _fit(organization, FONT, 8.5, usable * 0.45) if organization else ""
        org_w = pdfmetrics.stringWidth(org, FONT, 8.5) + (12 if org else 0)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.setFillColor(HEADER_BLUE)
        canvas.drawString(MARGIN, top - 10, _fit(title, FONT_BOLD, 8.5, usable - org_w))
        if org:
            canvas.setFont(FONT, 8.5)
            canvas.setFillColor(MUTED)
            canvas.drawRightString(page_w - MARGIN, top - 10, org)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 14, page_w - MARGIN, top - 14)
        bottom = MARGIN - FOOTER_HEIGHT
        canvas.line(MARGIN, bottom + 14, page_w - MARGIN, bottom + 14)
        if footer_left:
            canvas.setFont(FONT, 8)
            canvas.setFillColor(MUTED)
            canvas.drawString(MARGIN, bottom + 4, _fit(footer_left, FONT, 8, usable - 90))
        canvas.restoreState()

    flowables: list[Flowable] = [Paragraph(safe_text(title), st.title)]
    if subtitle:
        flowables.append(Paragraph(safe_text(subtitle, newlines=True), st.subtitle))
    else:
        flowables.append(Spacer(1, 6))
    flowables.extend(story)
    # No frame padding: the content lines up with the header and footer rules, and a table
    # content_width() wide fits exactly.
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate, pagesize=pagesize)])
    doc.build(flowables, canvasmaker=NumberedCanvas)
    data = buffer.getvalue()

    if isinstance(out, str | os.PathLike):
        _write_atomically(Path(out), data)
    else:
        out.write(data)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
