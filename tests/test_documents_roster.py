"""The printable officer roster (reportlab only, no Qt)."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sharedsvc_desktop.documents.base import build_pdf, data_table, register_fonts, safe_text
from sharedsvc_desktop.documents.roster import build_officer_roster, eligibility_text
from sharedsvc_desktop.services.officers import OfficerRow

TODAY = dt.date(2024, 5, 1)


def officer(i: int, **changes: object) -> OfficerRow:
    values: dict[str, object] = dict(
        id=i,
        person_id=1000 + i,
        first_name=f"Pat{i}",
        last_name=f"Morgan{i}",
        badge_number=f"B-{i:04d}",
        rank="Officer",
        status="active",
        hire_date=dt.date(2016, 8, 15),
        probation_end=None,
        email=f"officer{i}@pd.example.org",
        phone="555-0100",
        is_supervisor=False,
        eligible=True,
        eligibility_note="Eligible for school details.",
    )
    values.update(changes)
    return OfficerRow(**values)  # type: ignore[arg-type]


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def pdf_text(pdf: Path, *pages: int) -> str:
    args = [tool("pdftotext"), "-layout", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    result = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


def page_count(pdf: Path) -> int:
    out = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]


def assert_valid_pdf(pdf: Path) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def sample() -> list[OfficerRow]:
    return [
        officer(
            1,
            first_name="Dana",
            last_name="Alvarez",
            badge_number="1041",
            rank="Sergeant",
            is_supervisor=True,
        ),
        officer(
            2,
            first_name="Lee",
            last_name="Brooks",
            badge_number="2203",
            status="on_leave",
            eligible=False,
            eligibility_note="Not eligible: on leave.",
        ),
        officer(
            3,
            first_name="Sam",
            last_name="Chen",
            badge_number="3317",
            email="",
            phone="555-0142",
            probation_end=dt.date(2024, 9, 1),
            eligible=False,
            eligibility_note="Not eligible: on probation until 01 Sep 2024; no SRO basic course.",
        ),
    ]


def test_roster_contains_the_officers(tmp_path: Path, sample: list[OfficerRow]) -> None:
    pdf = tmp_path / "roster.pdf"
    build_officer_roster(pdf, sample, organization="Springfield Police Department", generated_on=TODAY)
    assert_valid_pdf(pdf)
    text = pdf_text(pdf)
    for name in ("Dana Alvarez", "Lee Brooks", "Sam Chen"):
        assert name in text
    for badge in ("1041", "2203", "3317"):
        assert badge in text
    assert "Officer roster" in text
    assert "Springfield Police Department" in text
    assert "as of 01 May 2024" in text
    assert "3 officers, 2 active, 1 eligible for school details." in text
    assert "Sergeant" in text and "(supervisor)" in text
    assert "On leave" in text
    assert "officer1@pd.example.org" in text and "555-0142" in text
    assert "15 Aug 2016" in text
    assert "Eligible" in text
    assert "No: on leave." in text
    assert "Not eligible" not in text
    assert "No: on probation until 01 Sep 2024" in text
    assert "Page 1 of 1" in text


def test_pdf_metadata_and_fonts(tmp_path: Path, sample: list[OfficerRow]) -> None:
    pdf = tmp_path / "roster.pdf"
    build_officer_roster(pdf, sample, generated_on=TODAY)
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Officer roster$", info, re.M)
    assert re.search(r"^Author:\s+Shared Services Desktop$", info, re.M)
    assert re.search(r"^Creator:\s+Shared Services Desktop", info, re.M)
    assert re.search(r"^Page size:\s+792 x 612 pts \(letter\)", info, re.M)  # landscape Letter

    fonts = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    names = {row.split()[0].split("+")[-1] for row in rows if row.strip()}
    assert names == {"DejaVuSans", "DejaVuSans-Bold"}, fonts
    for row in rows:
        assert " yes yes " in row, f"font not embedded/subset: {row}"


def test_write_to_binary_stream(sample: list[OfficerRow]) -> None:
    buffer = io.BytesIO()
    build_officer_roster(buffer, sample, generated_on=TODAY)
    assert buffer.getvalue().startswith(b"%PDF-")


def test_empty_roster(tmp_path: Path) -> None:
    pdf = tmp_path / "empty.pdf"
    build_officer_roster(pdf, [], generated_on=TODAY)
    assert_valid_pdf(pdf)
    text = pdf_text(pdf)
    assert "No officers are recorded yet." in text
    assert "As of 01 May 2024" in text
    assert "Page 1 of 1" in text


def test_long_roster_spans_many_pages(tmp_path: Path) -> None:
    officers = [
        officer(
            i,
            status="inactive" if i % 10 == 0 else "active",
            eligible=i % 4 != 0,
            eligibility_note="Eligible for school details."
            if i % 4
            else "Not eligible: no SRO basic course.",
        )
        for i in range(1, 601)
    ]
    pdf = tmp_path / "big.pdf"
    build_officer_roster(pdf, officers, organization="Springfield PD", generated_on=TODAY)
    assert_valid_pdf(pdf)
    pages = page_count(pdf)
    assert pages >= 5
    assert "600 officers, 540 active, 450 eligible for school details." in pdf_text(pdf, 1)
    assert f"Page 1 of {pages}" in pdf_text(pdf, 1)
    last = pdf_text(pdf, pages)
    assert f"Page {pages} of {pages}" in last
    assert "Pat600 Morgan600" in last
    # the header row repeats on every page
    assert "School details" in pdf_text(pdf, pages)
    everything = pdf_text(pdf)
    for i in (1, 137, 299, 451, 600):
        assert f"B-{i:04d}" in everything


def test_unicode_and_very_long_text(tmp_path: Path) -> None:
    officers = [
        officer(1, first_name="José", last_name="Ñúñez-Øster", badge_number="Ä-17"),
        officer(2, first_name="N" * 5000, last_name="Long"),
        officer(3, email="e" * 5000 + "@example.org", phone="555\x00\x07-0101\n\n\n555-0102"),
        officer(4, first_name="李", last_name="小龙 😀", rank="<b>Sgt & Co</b>", is_supervisor=True),
        officer(5, first_name="Bad\ud800surrogate", last_name="Ω", badge_number="Z" * 300, hire_date=None),
        officer(6, eligible=False, eligibility_note="Not eligible: " + "on leave; " * 700),
        officer(7, first_name="Zoë", last_name="D'Artagnan & <Sons>"),
    ]
    pdf = tmp_path / "weird.pdf"
    build_officer_roster(
        pdf, officers, organization="Ville de Montréal — Police & Écoles <SPVM>", generated_on=TODAY
    )
    assert_valid_pdf(pdf)
    text = pdf_text(pdf)
    assert "José Ñúñez-Øster" in text
    assert "Ä-17" in text
    assert "Police & Écoles <SPVM>" in text
    assert "<b>Sgt" in text and "Co</b>" in text  # markup is printed literally, not interpreted
    assert "Zoë D'Artagnan & <Sons>" in text
    assert "…" in text  # very long texts are cut short


def test_thousands_of_rows(tmp_path: Path) -> None:
    officers = [officer(i, last_name=f"Ørsted{i}") for i in range(1, 2001)]
    pdf = tmp_path / "huge.pdf"
    build_officer_roster(pdf, officers, generated_on=TODAY)
    assert_valid_pdf(pdf)
    pages = page_count(pdf)
    assert pages > 20
    assert f"Page {pages} of {pages}" in pdf_text(pdf, pages)


def test_safe_text_escapes_markup() -> None:
    assert safe_text("a & b <c> d") == "a &amp; b &lt;c&gt; d"
    assert safe_text(None) == ""
    assert safe_text("x\x00y\x1bz") == "xyz"
    assert safe_text("one\ntwo", newlines=True) == "one<br/>two"
    assert safe_text("one\ntwo") == "one two"
    assert safe_text("abcdefghij", max_chars=5) == "abcd…"


def test_eligibility_text() -> None:
    assert eligibility_text(officer(1)) == "Eligible"
    assert (
        eligibility_text(officer(1, eligible=False, eligibility_note="Not eligible: on leave."))
        == "No: on leave."
    )
    assert eligibility_text(officer(1, eligible=False, eligibility_note="")) == "No"


def test_build_pdf_and_data_table_directly(tmp_path: Path) -> None:
    register_fonts()
    register_fonts()  # idempotent
    table = data_table(["A", "B"], [["1", "x" * 3000], ["2"], ["<&>", "ok"]], [100, 200])
    pdf = tmp_path / "plain.pdf"
    build_pdf(pdf, title="Test & <doc>", subtitle="", story=[table], footer_left="left text")
    assert_valid_pdf(pdf)
    text = pdf_text(pdf)
    assert "Test & <doc>" in text
    assert "left text" in text
    assert "Page 1 of 1" in text
    with pytest.raises(ValueError):
        data_table(["A", "B"], [], [100])


def test_documents_never_import_qt() -> None:
    code = (
        "import sys; import sharedsvc_desktop.documents.roster, sharedsvc_desktop.documents.base; "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'sharedsvc_desktop.gui'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
