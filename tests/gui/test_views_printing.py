"""The two ways out of the program on paper: Save as PDF and Print."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrinter

from sharedsvc_desktop.gui.printing import render_pdf_to_printer
from sharedsvc_desktop.services.reports import write_officer_roster
from tests.gui.conftest import settle


def test_save_roster_as_pdf_from_the_reports_screen(make_window, demo_db, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    window = make_window(demo_db)
    window.go_to("Data & Reports")
    target = tmp_path / "roster"
    actions = window.reports.roster_actions()
    actions.save_as(str(target))
    settle(window)
    pdf = tmp_path / "roster.pdf"
    assert actions.last_saved == pdf and pdf.exists()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Officer roster" in text and "N101" in text
    assert "saved to" in window.reports.messages.text


def test_print_path_paints_every_pdf_page_onto_the_printer(demo_db, qtbot, tmp_path):
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo is not installed")
    source = tmp_path / "roster.pdf"
    with demo_db.read_session() as s:
        write_officer_roster(s, out=source, include_inactive=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = render_pdf_to_printer(source, printer, dpi=150)

    def page_count(path) -> int:
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))

    assert pages == page_count(source) == page_count(printed)
    # the printed page is not blank: pdftoppm renders it with dark pixels
    if shutil.which("pdftoppm"):
        def gray(path) -> bytes:
            pgm = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-f", "1", "-l", "1", str(path)],
                                 capture_output=True).stdout
            return pgm[pgm.index(b"255\n") + 4:]

        printed_pixels, source_pixels = gray(printed), gray(source)
        assert min(printed_pixels) < 128
        dark = lambda px: sum(1 for b in px if b < 200) / len(px)  # noqa: E731
        assert 0.5 < dark(printed_pixels) / dark(source_pixels) < 2  # the same page, rasterised
