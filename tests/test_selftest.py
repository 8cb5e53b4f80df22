"""The self-test behind ``SharedServicesDesktop --self-test``: passes on a complete installation, fails loudly
on a broken one, touches no real data and never imports Qt."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from sharedsvc_desktop import selftest

ROOT = Path(__file__).resolve().parent.parent


def test_the_self_test_passes_in_a_separate_process_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from sharedsvc_desktop.selftest import run_self_test\n"
        "rc = run_self_test()\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print('QT-MODULES', qt)\n"
        "sys.exit(rc)\n"
    )
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "SHAREDSVC_DATA_DIR": str(tmp_path / "must-not-be-used"),
           "SHAREDSVC_DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:9/none"}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "QT-MODULES []" in out
    for step in ("resources", "fonts", "database", "services", "PDF", "pdfium", "close", "passwords",
                 "time zones"):
        assert f"ok   {step}:" in out, out
    assert "FAIL" not in out and out.rstrip().splitlines()[-2] == "Self-test passed."
    assert "migrated to schema" in out and "DejaVu embedded" in out
    # the temporary folder is gone, and neither the data folder nor the server named in the environment was used
    assert list(scratch.iterdir()) == []
    assert not (tmp_path / "must-not-be-used").exists()


def test_a_missing_resource_fails_the_self_test_but_every_other_step_still_runs(tmp_path, monkeypatch):
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL resources: FileNotFoundError" in text
    assert "help/guide.html" in text and "icons/sharedsvc-256.png" in text
    assert "ok   PDF:" in text and "ok   time zones:" in text
    assert text.rstrip().endswith("Self-test FAILED: 1 problem(s).")


def test_a_pdf_without_the_embedded_font_is_caught(monkeypatch):
    from sharedsvc_desktop.services import reports

    def plain_pdf(session, *, out, **_kwargs):
        Path(out).write_bytes(b"%PDF-1.4\n% no fonts here\n%%EOF\n")
        return 0

    monkeypatch.setattr(reports, "write_officer_roster", plain_pdf)
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    assert "FAIL PDF: ValueError: officer-roster.pdf does not embed the DejaVu font" in out.getvalue()


def test_with_no_stdout_the_result_code_still_tells(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)  # a windowed program on Windows
    assert selftest.run_self_test() == 0
