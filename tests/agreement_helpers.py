"""Shared steps for the agreement tests: draft the West Hartford-style agreement from the demo data."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

from sqlalchemy import select

from sharedsvc_desktop.models import Party

ELEVEN = [
    "I. Introduction", "II. Goals and Objectives", "III. Supervision", "IV. Appointment, Term and Schedule",
    "V. Duties and Responsibilities", "VI. Uniform and Equipment", "VII. SRO Activity at Schools",
    "VIII. Duties of the Schools", "IX. Data Collection and Monitoring", "X. Dismissal", "XI. Term of Agreement",
]
WH_SCHOOLS = ["Hall High School", "Conard High School", "Sedgwick Middle School", "King Philip Middle School",
              "Bristow Middle School"]


def party_id(session, short_name: str) -> int:
    return session.scalar(select(Party.id).where(Party.short_name == short_name))


def draft_wh(db, effective: str = "2027-08-09"):
    from sharedsvc_desktop.services import agreements

    with db.session() as s:
        return agreements.draft_from_template(
            s, template_code="sro_program", party_ids=[party_id(s, "WHPD"), party_id(s, "WHPS")],
            effective_date=effective,
        )


def drawn_png(seed: int = 0) -> bytes:
    from PIL import Image, ImageDraw

    im = Image.new("RGBA", (400, 120), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    d.line([(10, 90), (80 + seed, 20), (150, 100), (220, 30), (300, 80), (380, 40)], fill=(20, 20, 90, 255),
           width=4)
    out = io.BytesIO()
    im.save(out, "PNG")
    return out.getvalue()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def qpdf_ok(path: Path) -> bool:
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    return result.returncode in (0, 3)


def execute_wh(db, signed_on: dt.date = dt.date(2026, 11, 20)):
    """Draft, send and sign with two drawn signatures; returns the executed detail."""
    from sharedsvc_desktop.services import agreements, signatures

    detail = draft_wh(db)
    with db.session() as s:
        agreements.send_for_signature(s, version_id=detail.version_id)
    with db.session() as s:
        for i, sig in enumerate(detail.signatories):
            result = signatures.record_signature(s, signatory_id=sig.id, signed_on=signed_on,
                                                 drawn_png=drawn_png(i))
    return result.version
