"""Printing: every document is made once, as PDF, by the core; the GUI saves it or prints it.

"Print…" renders the PDF's pages (pypdfium2) at the printer's resolution inside a print preview, so what comes out
of the printer is exactly the saved PDF. "Save as PDF…" writes the file where the user chooses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QStandardPaths, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from sharedsvc_desktop.gui.ops import DbRunner, user_message

PdfWriter = Callable[..., Any]  # a service: fn(session, *, out=path, **kwargs)


def render_pdf_to_printer(pdf: Path, printer: QPrinter, *, dpi: int | None = None) -> int:
    """Paint every page of ``pdf`` onto ``printer`` (one printed page each). Returns the page count."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    painter = QPainter()
    try:
        if len(document) == 0:
            return 0
        first = document[0]
        width_pt, height_pt = first.get_size()
        orientation = QPageLayout.Orientation.Landscape if width_pt > height_pt else QPageLayout.Orientation.Portrait
        printer.setPageOrientation(orientation)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        printer.setFullPage(True)
        if not painter.begin(printer):
            raise OSError("The printer could not be opened.")
        resolution = dpi or min(printer.resolution(), 300)
        for number in range(len(document)):
            if number:
                printer.newPage()
            page = document[number]
            bitmap = page.render(scale=resolution / 72)
            image = bitmap.to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
            target = QRectF(painter.viewport())
            painter.drawImage(target, qimage)
            page.close()
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


class DocumentActions:
    """Preview-and-print and Save-as-PDF for one document writer, reporting back through ``messages``."""

    def __init__(
        self,
        parent: QWidget,
        runner: DbRunner,
        writer: PdfWriter,
        *,
        title: str,
        default_name: str,
        on_message: Callable[[str, str], None],
        **kwargs: Any,
    ) -> None:
        self.parent, self.runner, self.writer = parent, runner, writer
        self.title, self.default_name, self.kwargs = title, default_name, kwargs
        self.on_message = on_message
        self.preview: QPrintPreviewDialog | None = None
        self.last_saved: Path | None = None

    def save_as(self, path: str | None = None) -> None:
        if path is None:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            path, _ = QFileDialog.getSaveFileName(
                self.parent, f"Save {self.title} as PDF", str(Path(folder) / self.default_name), "PDF files (*.pdf)"
            )
            if not path:
                return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")

        def done(_count: Any) -> None:
            self.last_saved = target
            self.on_message(f"{self.title} saved to {target}.", "success")

        self.runner.read(
            self.writer,
            out=target,
            on_done=done,
            on_error=lambda exc: self.on_message(user_message(exc), "error"),
            owner=self.parent,
            **self.kwargs,
        )

    def print_preview(self) -> None:
        tmp = Path(tempfile.mkdtemp(prefix="sharedsvc-print-")) / self.default_name

        def ready(_count: Any) -> None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.title)
            dialog = QPrintPreviewDialog(printer, self.parent)
            dialog.setWindowTitle(f"Print {self.title}")
            dialog.paintRequested.connect(lambda p: render_pdf_to_printer(tmp, p))
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.preview = dialog
            dialog.open()

        self.runner.read(
            self.writer,
            out=tmp,
            on_done=ready,
            on_error=lambda exc: self.on_message(user_message(exc), "error"),
            owner=self.parent,
            **self.kwargs,
        )
