"""``SharedServicesDesktop --self-test``: prove an installed copy (or a PyInstaller bundle) has what it needs.

In a temporary folder it creates a database and runs every migration, adds one officer through the services,
prints the officer roster as PDF with the bundled fonts, reads that PDF back with pdfium, hashes a password with
Argon2, converts a local time through the bundled time zones, and checks that the shipped resources (fonts,
templates, icons, user guide) are in place. Each step prints one line; the result is 0 when everything passed.

Core only: no Qt is imported here, so the self-test also runs on a machine without a display.
"""

from __future__ import annotations

import datetime as dt
import io
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.paths import resource_path

#: Files that must be shipped with the program (relative to the resources package).
REQUIRED_RESOURCES = [
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("templates", "clauses.json"),
    ("icons", "sharedsvc.svg"),
    ("icons", "sharedsvc-256.png"),
    ("help", "guide.html"),
]

#: A name with letters outside Latin-1, so the PDF really needs the embedded DejaVu font.
SAMPLE_OFFICER = {"first_name": "Zoë", "last_name": "Łukasiewicz-Núñez", "badge_number": "ST-1"}


class _Check:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.failures = 0

    def step(self, name: str, fn: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = fn()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next step runs
            self.failures += 1
            self.out.write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
            self.out.write("".join("     " + line for line in traceback.format_exc().splitlines(True)[-6:]))
            self.out.flush()
            return False
        ms = (time.perf_counter() - started) * 1000
        self.out.write(f"ok   {name}: {detail} ({ms:.0f} ms)\n")
        self.out.flush()
        return True


def _check_resources() -> str:
    missing = ["/".join(parts) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()]
    if missing:
        raise FileNotFoundError(f"missing from {resource_path()}: {', '.join(missing)}")
    return f"{len(REQUIRED_RESOURCES)} files in {resource_path()}"


def _check_fonts() -> str:
    from reportlab.pdfbase import pdfmetrics

    from sharedsvc_desktop.documents.base import FONT, FONT_BOLD, register_fonts

    register_fonts()
    names = set(pdfmetrics.getRegisteredFontNames())
    for name in (FONT, FONT_BOLD):
        if name not in names:
            raise LookupError(f"font {name} is not registered")
        face = pdfmetrics.getFont(name).face
        if not face.charToGlyph.get(ord("Ł")):
            raise LookupError(f"font {name} has no glyph for Ł")
    return f"{FONT} and {FONT_BOLD} from {resource_path('fonts')}"


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check, print one line each to ``out`` (default stdout); 0 when all passed, else 1."""
    if out is None:
        # a windowed program on Windows has no stdout: the result code still tells
        out = sys.stdout if sys.stdout is not None else io.StringIO()
    frozen = "bundle" if getattr(sys, "frozen", False) else "Python"
    out.write(
        f"{APP_TITLE} {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.machine()})\n"
    )
    check = _Check(out)
    check.step("resources", _check_resources)
    check.step("fonts", _check_fonts)

    with tempfile.TemporaryDirectory(prefix="sharedsvc-selftest-") as tmp:
        folder = Path(tmp)
        pdf = folder / "officer-roster.pdf"
        state: dict[str, object] = {}

        def database() -> str:
            from sharedsvc_desktop.paths import database_file
            from sharedsvc_desktop.storage import migrate
            from sharedsvc_desktop.storage.engine import Database, sqlite_url

            # an explicit SQLite file: the self-test never touches a server named in SHAREDSVC_DATABASE_URL
            file = database_file(folder)
            db = Database(sqlite_url(file), data_dir=folder)
            state["db"] = db
            migrate.upgrade_to_head(db)
            head, current = migrate.head_revision(), migrate.current_revision(db)
            if current != head:
                raise RuntimeError(f"the database is at schema {current}, expected {head}")
            return f"created {file.name} and migrated to schema {current} ({file.stat().st_size:,} bytes)"

        def officer() -> str:
            from sharedsvc_desktop.services.officers import add_officer

            with state["db"].session() as s:  # type: ignore[attr-defined]
                row = add_officer(s, **SAMPLE_OFFICER, hire_date=dt.date(2020, 8, 1))
            return f"added {row.first_name} {row.last_name} through the services"

        def roster() -> str:
            from sharedsvc_desktop.services.reports import write_officer_roster

            with state["db"].read_session() as s:  # type: ignore[attr-defined]
                count = write_officer_roster(s, out=pdf, organization="Self-test", today=dt.date.today())
            data = pdf.read_bytes()
            if not data.startswith(b"%PDF-"):
                raise ValueError(f"{pdf.name} does not start with %PDF (starts with {data[:8]!r})")
            if b"%%EOF" not in data[-64:]:
                raise ValueError(f"{pdf.name} has no %%EOF trailer")
            if b"DejaVuSans" not in data:
                raise ValueError(f"{pdf.name} does not embed the DejaVu font")
            state["pdf_officers"] = count
            return f"officer roster, {count} officer(s), {len(data):,} bytes, DejaVu embedded"

        def pdfium() -> str:
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(str(pdf))
            try:
                pages = len(document)
                page = document[0]
                text = page.get_textpage().get_text_range()
                bitmap = page.render(scale=0.5)
                size = (bitmap.width, bitmap.height)
            finally:
                document.close()
            if SAMPLE_OFFICER["last_name"] not in text:
                raise ValueError("the officer's name is not in the PDF text")
            return f"read back with pdfium: {pages} page(s), page 1 rendered at {size[0]}×{size[1]}"

        def close() -> str:
            state.pop("db").close()  # type: ignore[attr-defined]
            return "database closed and sealed"

        if check.step("database", database):
            if check.step("services", officer) and check.step("PDF", roster):
                check.step("pdfium", pdfium)
            check.step("close", close)

    check.step("passwords", _check_argon2)
    check.step("time zones", _check_timezones)
    if check.failures:
        out.write(f"Self-test FAILED: {check.failures} problem(s).\n")
        return 1
    out.write("Self-test passed.\n")
    return 0


def _check_argon2() -> str:
    from argon2 import PasswordHasher
    from argon2.profiles import CHEAPEST

    hasher = PasswordHasher.from_parameters(CHEAPEST)
    digest = hasher.hash("self-test")
    if not hasher.verify(digest, "self-test"):
        raise ValueError("Argon2 did not verify its own hash")
    return "Argon2id hash and verify"


def _check_timezones() -> str:
    from sharedsvc_desktop.timeutil import local_to_utc, minutes_between

    # the night clocks go back in New York: 7 pm to 7 am is 13 hours
    start = local_to_utc(dt.datetime(2026, 10, 31, 19, 0), "America/New_York")
    end = local_to_utc(dt.datetime(2026, 11, 1, 7, 0), "America/New_York")
    minutes = minutes_between(start, end)
    if minutes != 13 * 60:
        raise ValueError(f"7 pm to 7 am over the DST change came out as {minutes} minutes, expected 780")
    return "America/New_York, a DST night is 13 hours"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_self_test())
