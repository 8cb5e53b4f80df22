"""The printed agreement: for signature, the signed copy, the termination notice, and any input printing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sharedsvc_desktop.documents.agreement import build_agreement_pdf
from sharedsvc_desktop.services import agreements
from tests.agreement_helpers import ELEVEN, WH_SCHOOLS, draft_wh, execute_wh, party_id, pdf_text, qpdf_ok


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_print_for_signature_is_laid_out_like_an_agreement(demo_db, tmp_path):
    d = draft_wh(demo_db)
    with demo_db.session() as s:
        sent = agreements.send_for_signature(s, version_id=d.version_id)
    out = tmp_path / "for-signature.pdf"
    with demo_db.read_session() as s:
        printed = agreements.write_agreement(s, out=out, agreement_id=d.agreement_id, today=dt.date(2026, 11, 23))
    assert qpdf_ok(out)
    body = pdf_text(out)
    flat = _flat(body)
    assert "School Resource Officer Program Agreement" in body
    for heading in ELEVEN:
        assert heading in flat, heading
    for school in WH_SCHOOLS:
        assert school in body
    # both signature blocks: organization, name, title, signature line and date line
    for org, name, title in [("WEST HARTFORD POLICE DEPARTMENT", "Anthony Reyes", "Chief of Police"),
                             ("WEST HARTFORD PUBLIC SCHOOLS", "Elaine Marsh", "Interim Superintendent")]:
        assert f"FOR {org}" in body and name in body and title in body
    assert body.count("Date: ____") == 2 and body.count("Signature") >= 2
    assert "Signed, sealed and delivered in the presence of" in flat and body.count("Witness, printed name") == 2
    # the footer: document number, version, page N of M and the fingerprint on every page
    pages = body.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) == printed.pages >= 3
    for n, page in enumerate(pages, start=1):
        assert "AGR-2027-001 v1 · Version 1" in page
        assert f"Page {n} of {printed.pages}" in page
        assert sent.fingerprint in page.replace("\n", "")
    assert printed.fingerprint == sent.fingerprint
    # each signatory has a place for a digital signature, on the page of its block
    assert set(printed.signature_boxes) == {0, 1}
    assert {page for page, _box in printed.signature_boxes.values()} == {printed.pages - 1}
    assert "DRAFT" not in body


def test_a_draft_is_marked_draft(demo_db, tmp_path):
    d = draft_wh(demo_db)
    out = tmp_path / "draft.pdf"
    with demo_db.read_session() as s:
        agreements.write_agreement(s, out=out, agreement_id=d.agreement_id)
    assert "version 1 · Draft" in pdf_text(out)
    from pypdf import PdfReader

    assert "DRAFT" in PdfReader(str(out)).pages[0].extract_text()  # the diagonal watermark


def test_signed_copy_has_signatures_dates_and_executed_on(demo_db, tmp_path):
    executed = execute_wh(demo_db)
    out = tmp_path / "signed.pdf"
    with demo_db.read_session() as s:
        agreements.write_agreement(s, out=out, agreement_id=executed.agreement_id, signed=True)
    assert qpdf_ok(out)
    body = pdf_text(out)
    assert "Executed on November 20, 2026." in body
    assert body.count("Date: November 20, 2026") == 2
    assert "signed copy" in body
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True).stdout
    assert len([line for line in images.splitlines()[2:] if line.strip()]) >= 2, "two drawn signatures"


def test_termination_notice_letter(demo_db, tmp_path):
    executed = execute_wh(demo_db)
    with demo_db.session() as s:
        agreements.record_termination(s, agreement_id=executed.agreement_id, notice_on="2027-03-01",
                                      by_party_id=party_id(s, "WHPS"))
    out = tmp_path / "notice.pdf"
    with demo_db.read_session() as s:
        pages = agreements.write_termination_notice(s, out=out, agreement_id=executed.agreement_id)
    assert pages == 1 and qpdf_ok(out)
    flat = _flat(pdf_text(out))
    assert "Written notice of termination" in flat
    assert "March 1, 2027" in flat and "ends on March 8, 2027" in flat
    assert "Elaine Marsh" in flat and "West Hartford Police Department" in flat


def test_huge_clause_splits_across_pages(demo_db):
    d = draft_wh(demo_db)
    with demo_db.read_session() as s:
        detail = agreements.get_version(s, agreement_id=d.agreement_id)
    giant = "word " * 20000 + "x" * 5000 + "\n- " + "item " * 3000
    big = dataclasses.replace(detail, sections=(agreements.SectionData(1, "Long " * 80, giant),),
                              overtime_rules="y" * 3000)
    buf = io.BytesIO()
    layout = build_agreement_pdf(buf, big, fingerprint="0" * 64)
    assert layout.pages > 10 and buf.getvalue().startswith(b"%PDF")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(heading=st.text(max_size=400), body=st.text(max_size=3000), name=st.text(max_size=200))
def test_any_text_prints(demo_db, heading, body, name):
    d = _cached(demo_db)
    sig = dataclasses.replace(d.signatories[0], name=name, title=name, organization=name)
    detail = dataclasses.replace(d, title=heading or "T", sections=(agreements.SectionData(1, heading, body),),
                                 signatories=(sig,) * 5)
    buf = io.BytesIO()
    build_agreement_pdf(buf, detail, fingerprint="f" * 64, signed=True)
    assert buf.getvalue().startswith(b"%PDF")


_CACHE: dict[int, agreements.VersionDetail] = {}


def _cached(db) -> agreements.VersionDetail:
    if id(db) not in _CACHE:
        _CACHE.clear()
        _CACHE[id(db)] = draft_wh(db)
    return _CACHE[id(db)]
