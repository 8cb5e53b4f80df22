"""Signatures: drawn/scanned signatures recorded per signatory, PKCS#12 certificates, PAdES signing, verifying
with pyHanko and with poppler's pdfsig, and a one-byte change detected."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import subprocess

import pytest
from sqlalchemy import text

from sharedsvc_desktop.errors import ConflictError, ValidationError
from sharedsvc_desktop.services import agreements, signatures
from tests.agreement_helpers import draft_wh, drawn_png, execute_wh

PASS = "correct horse battery"


def _pdfsig(path) -> str:
    if shutil.which("pdfsig") is None:
        pytest.skip("pdfsig is not installed")
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_record_signatures_executes_when_all_have_signed(demo_db):
    d = draft_wh(demo_db)
    with pytest.raises(ConflictError, match="still a draft"), demo_db.session() as s:
        signatures.record_signature(s, signatory_id=d.signatories[0].id, signed_on="2026-11-20",
                                    drawn_png=drawn_png())
    with demo_db.session() as s:
        agreements.send_for_signature(s, version_id=d.version_id)
    png = drawn_png()
    scan = b"%PDF-1.4\n% a scanned page\n%%EOF\n"
    with demo_db.session() as s:
        first = signatures.record_signature(s, signatory_id=d.signatories[0].id, signed_on="2026-11-19",
                                            drawn_png=png)
        assert not first.executed and first.version.status == "out_for_signature"
        second = signatures.record_signature(s, signatory_id=d.signatories[1].id, signed_on="2026-11-20",
                                             scanned_copy=scan, scanned_filename="marsh-signed.pdf")
    assert second.executed and second.version.status == "executed"
    assert second.version.executed_on == dt.date(2026, 11, 20)  # the last signature
    with demo_db.read_session() as s:
        rows = s.execute(text("SELECT filename, mime_type, sha256, size, data FROM attachment "
                              "WHERE owner_table = 'signatory' ORDER BY id")).all()
    assert [(r[1], r[3]) for r in rows] == [("image/png", len(png)), ("application/pdf", len(scan))]
    for r in rows:
        assert r[2] == hashlib.sha256(r[4]).hexdigest()
    assert rows[1][0] == "marsh-signed.pdf"
    with pytest.raises(ConflictError), demo_db.session() as s:
        signatures.record_signature(s, signatory_id=d.signatories[0].id, signed_on="2026-11-21",
                                    drawn_png=png)


def test_record_signature_refuses_bad_input(demo_db):
    d = draft_wh(demo_db)
    with demo_db.session() as s:
        agreements.send_for_signature(s, version_id=d.version_id)
    sid = d.signatories[0].id
    with pytest.raises(ValidationError) as info, demo_db.session() as s:
        signatures.record_signature(s, signatory_id=sid, signed_on="yesterday")
    assert set(info.value.fields) == {"signed_on", "signature"}
    with pytest.raises(ValidationError, match="must be a PNG"), demo_db.session() as s:
        signatures.record_signature(s, signatory_id=sid, signed_on="2026-11-20", drawn_png=b"GIF89a....")
    with demo_db.read_session() as s:
        assert s.execute(text("SELECT count(*) FROM attachment")).scalar() == 0
        assert s.execute(text("SELECT signed_on FROM signatory WHERE id = :i"), {"i": sid}).scalar() is None


def test_office_certificate_is_kept_and_trusted(demo_db):
    with demo_db.session() as s:
        info = signatures.create_office_certificate(s, common_name="Anthony Reyes",
                                                    organization="West Hartford Police Department",
                                                    passphrase=PASS)
        with pytest.raises(ValidationError, match="passphrase"):
            signatures.create_office_certificate(s, common_name="X", passphrase="short")
    assert info.self_signed and info.common_name == "Anthony Reyes"
    with demo_db.read_session() as s:
        certs = signatures.list_certificates(s)
        stored = s.execute(text("SELECT mime_type, sha256, data FROM attachment WHERE id = :i"),
                           {"i": info.id}).one()
    assert [c.sha256 for c in certs] == [info.sha256]
    assert stored[0] == "application/x-pkcs12" and stored[1] == hashlib.sha256(stored[2]).hexdigest()
    with pytest.raises(ValidationError, match="passphrase is wrong"), demo_db.session() as s:
        signatures.import_pkcs12(s, data=stored[2], passphrase="wrong")


def test_sign_executed_agreement_verify_with_pyhanko_and_pdfsig(demo_db, tmp_path):
    executed = execute_wh(demo_db)
    with demo_db.session() as s:
        cert = signatures.create_office_certificate(s, common_name="Anthony Reyes",
                                                    organization="West Hartford Police Department",
                                                    passphrase=PASS)
    out = tmp_path / "signed.pdf"
    with demo_db.read_session() as s:
        result = signatures.sign_agreement(s, agreement_id=executed.agreement_id, out=out, passphrase=PASS,
                                           certificate_id=cert.id)
    assert result.signatory == "Anthony Reyes" and result.field_name == "Signatory1"
    # pyHanko, trusting the office's certificate
    with demo_db.read_session() as s:
        report = signatures.verify_signed_pdf(s, path=out)
    assert report.ok, report.summary
    (check,) = report.signatures
    assert check.intact and check.valid and check.trusted and check.covers_whole_file
    assert check.signer == "Anthony Reyes"
    assert check.signed_at is not None and abs(check.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
    # a second parser: poppler
    info = _pdfsig(out)
    assert "Signer Certificate Common Name: Anthony Reyes" in info
    assert "Signature is Valid" in info and "Total document signed" in info
    # the visible field sits in the signature block on the last page
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    annots = [a.get_object() for a in reader.pages[result.page - 1].get("/Annots", [])]
    sig = [a for a in annots if a.get("/FT") == "/Sig"]
    assert sig and sig[0]["/T"] == "Signatory1"
    x1, y1, x2, y2 = (float(v) for v in sig[0]["/Rect"])
    assert x2 - x1 > 50 and y2 - y1 > 20, "visible, not a zero-size field"


def test_one_byte_changed_is_detected(demo_db, tmp_path):
    executed = execute_wh(demo_db)
    p12 = signatures.make_self_signed_pkcs12(common_name="Elaine Marsh", passphrase=PASS)
    out = tmp_path / "signed.pdf"
    with demo_db.read_session() as s:
        signatures.sign_agreement(s, agreement_id=executed.agreement_id, out=out, pkcs12=p12, passphrase=PASS)
    data = bytearray(out.read_bytes())
    assert signatures.verify_pdf(bytes(data)).ok
    # change one byte inside the signed range (read from the signature's own /ByteRange)
    import re

    start, length, _second, _len2 = (int(x) for x in re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)",
                                                                data).groups())
    where = start + length // 2
    changed = bytearray(data)
    changed[where] = (changed[where] + 1) % 256
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(bytes(changed))
    report = signatures.verify_pdf(tampered)
    assert not report.ok
    assert "NOT VERIFIED" in report.summary
    assert "Signature is Valid" not in _pdfsig(tampered)
    # bytes added after signing are flagged too
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(bytes(data) + b"\n% added later\n")
    assert not signatures.verify_pdf(appended).ok


def test_two_signatories_sign_the_same_file(demo_db, tmp_path):
    executed = execute_wh(demo_db)
    chief = signatures.make_self_signed_pkcs12(common_name="Anthony Reyes", passphrase=PASS)
    supt = signatures.make_self_signed_pkcs12(common_name="Elaine Marsh", passphrase=PASS)
    one, two = tmp_path / "one.pdf", tmp_path / "two.pdf"
    with demo_db.read_session() as s:
        signatures.sign_agreement(s, agreement_id=executed.agreement_id, out=one, pkcs12=chief, passphrase=PASS)
        second = signatures.sign_agreement(s, agreement_id=executed.agreement_id, out=two, pkcs12=supt,
                                           passphrase=PASS, pdf_in=one)
    assert second.field_name == "Signatory2"
    report = signatures.verify_pdf(two)
    assert report.ok, report.summary
    assert [c.signer for c in report.signatures] == ["Anthony Reyes", "Elaine Marsh"]
    assert _pdfsig(two).count("Signature is Valid") == 2


def test_not_a_pdf_and_unsigned_pdf_are_not_verified(tmp_path):
    assert not signatures.verify_pdf(b"hello").ok
    plain = tmp_path / "plain.pdf"
    from sharedsvc_desktop.documents.base import build_pdf

    build_pdf(plain, title="Plain", subtitle="", story=[])
    report = signatures.verify_pdf(plain)
    assert not report.ok and "no digital signature" in report.summary
