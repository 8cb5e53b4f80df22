"""Freedom of Information export: one ZIP whose manifest's hashes match its files; student figures suppressed."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import zipfile

import pytest

from sharedsvc_desktop.errors import PermissionDenied, ValidationError
from sharedsvc_desktop.services import foi
from sharedsvc_desktop.services.permissions import Actor
from tests.conftest import raw_sql
from tests.oversight_helpers import fill_quarter


def _agreement_id(db, number="AGR-2022-014"):
    return raw_sql(db, "SELECT id FROM agreement WHERE number = ?", number)[0][0]


def _check_manifest(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        manifest = json.loads(z.read("manifest.json"))
        listed = {f["path"] for f in manifest["files"]}
        assert listed == names - {"manifest.json"}
        for f in manifest["files"]:
            data = z.read(f["path"])
            assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"]
            assert len(data) == f["size"]
        return manifest, {n: z.read(n) for n in names}


def test_manifest_hashes_match_every_file(demo_db, tmp_path):
    out = tmp_path / "foi.zip"
    with demo_db.read_session(actor=Actor(1, "clerk", "administrator")) as s:
        result = foi.foi_export(s, out=out, agreement_id=_agreement_id(demo_db), date_from="2026-09-01",
                                date_to="2026-10-31", request_note="Request of 20 Nov 2026")
    manifest, files = _check_manifest(out)
    assert manifest["exported_by"] == "clerk" == result.exported_by
    assert manifest["request"]["agreement"] == "AGR-2022-014"
    assert dt.datetime.fromisoformat(manifest["exported_at"]).tzinfo is not None
    assert {"agreement/AGR-2022-014-v1.pdf", "agreement/versions.csv", "hours.csv", "events.csv",
            "meetings.csv", "README.txt"} <= set(files)
    pdf = tmp_path / "v1.pdf"
    pdf.write_bytes(files["agreement/AGR-2022-014-v1.pdf"])
    subprocess.run(["qpdf", "--check", str(pdf)], check=True, capture_output=True)
    # the hours are those of the agreement in the period, as in the database
    hours = list(csv.DictReader(io.StringIO(files["hours.csv"].decode("utf-8-sig"))))
    expected = raw_sql(demo_db, "SELECT COUNT(*), COALESCE(SUM(minutes), 0) FROM hour_entry WHERE agreement_id = ? "
                                "AND work_date BETWEEN ? AND ?", _agreement_id(demo_db), "2026-09-01", "2026-10-31")[0]
    assert len(hours) == expected[0] > 0
    assert round(sum(float(h["hours"]) for h in hours) * 60) == expected[1]
    events = list(csv.DictReader(io.StringIO(files["events.csv"].decode("utf-8-sig"))))
    assert events and all(e["agreement"] == "AGR-2022-014" for e in events)


def test_scanned_copies_are_included_byte_for_byte(demo_db, tmp_path):
    # a scanned copy recorded on the demo's executed version (written straight in: executed versions are closed)
    scan = b"%PDF-1.4\n% scanned signed copy\n%%EOF\n"
    with demo_db.session() as s:
        from sqlalchemy import select

        from sharedsvc_desktop.models import AgreementVersion, Attachment, Signatory

        version = s.scalar(select(AgreementVersion).where(AgreementVersion.agreement_id == _agreement_id(demo_db)))
        sig = s.scalars(select(Signatory).where(Signatory.version_id == version.id)).first()
        att = Attachment(owner_table="signatory", owner_id=sig.id, filename="signed scan.pdf",
                         mime_type="application/pdf", sha256=hashlib.sha256(scan).hexdigest(), size=len(scan),
                         data=scan)
        s.add(att)
        s.flush()
        sig.scanned_copy_attachment_id = att.id
    with demo_db.read_session() as s:
        foi.foi_export(s, out=tmp_path / "a.zip", agreement_id=_agreement_id(demo_db))
    _manifest, files = _check_manifest(tmp_path / "a.zip")
    scans = [n for n in files if n.startswith("agreement/scans/")]
    assert len(scans) == 1 and files[scans[0]] == scan
    assert "hours.csv" not in files  # no period asked for


def test_student_figures_are_suppressed_as_in_the_report(demo_db, tmp_path):
    fill_quarter(demo_db, "2026Q3")
    with demo_db.read_session() as s:
        result = foi.foi_export(s, out=tmp_path / "q.zip", date_from="2026-07-01", date_to="2026-09-30")
    assert result.quarters == ("2026Q3",)
    manifest, files = _check_manifest(tmp_path / "q.zip")
    rows = list(csv.DictReader(io.StringIO(files["quarterly/2026Q3.csv"].decode("utf-8-sig"))))
    assert rows
    k = manifest["student_figures"]["suppression_threshold_k"]
    shown = [r["count"] for r in rows]
    assert "<10" in shown and "*" in shown  # the demo figures hold small counts and their complements
    for text in shown:
        if text not in ("<10", "*"):
            value = int(text.replace(",", ""))
            assert value == 0 or value >= k
    # the raw small counts were entered (so suppression really happened)
    small = raw_sql(demo_db, "SELECT COUNT(*) FROM data_count WHERE value BETWEEN 1 AND ?", k - 1)[0][0]
    assert small > 0


def test_choices_are_checked_and_permission_needed(demo_db, tmp_path):
    with demo_db.read_session() as s:
        with pytest.raises(ValidationError) as err:
            foi.foi_export(s, out=tmp_path / "x.zip")
        assert "agreement_id" in err.value.fields
        with pytest.raises(ValidationError) as err:
            foi.foi_export(s, out=tmp_path / "x.zip", date_from="2026-10-01", date_to="2026-09-01")
        assert "date_to" in err.value.fields
    with demo_db.read_session(actor=Actor(2, "viewer", "read_only")) as s, pytest.raises(PermissionDenied):
        foi.foi_export(s, out=tmp_path / "x.zip", agreement_id=_agreement_id(demo_db))
    assert not (tmp_path / "x.zip").exists()
