"""The printable officer roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from sharedsvc_desktop.documents.base import (
    CELL_PADDING,
    FONT,
    build_pdf,
    content_width,
    data_table,
    safe_text,
    styles,
)
from sharedsvc_desktop.services.officers import OfficerRow

TITLE = "Officer roster"
HEADER = ["Badge", "Name", "Rank", "Status", "Hired", "Contact", "Training", "School details"]
#: Relative column widths (landscape Letter); they are scaled to the page.
_WEIGHTS = [0.06, 0.17, 0.08, 0.07, 0.09, 0.16, 0.15, 0.22]
_NOT_ELIGIBLE = "Not eligible: "


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def eligibility_text(officer: OfficerRow) -> str:
    """The "School details" cell: "Eligible", or "No: <reasons>" (the note without "Not eligible: ")."""
    if officer.eligible:
        return "Eligible"
    note = (officer.eligibility_note or "").strip()
    if note.startswith(_NOT_ELIGIBLE):
        note = note[len(_NOT_ELIGIBLE) :].strip()
    return f"No: {note}" if note else "No"


def _date(value: dt.date | None) -> str:
    return f"{value:%d %b %Y}" if value else ""


def _email_lines(email: str, width: float) -> str:
    """An address too wide for its column breaks before the "@" rather than at an arbitrary letter."""
    st = styles().cell
    if "@" not in email or stringWidth(email, FONT, st.fontSize) <= width:
        return email
    local, _, domain = email.rpartition("@")
    return f"{local}\n@{domain}"


def _row(officer: OfficerRow, contact_width: float) -> list[str]:
    rank = officer.rank or ""
    if officer.is_supervisor:
        rank = f"{rank} (supervisor)" if rank else "Supervisor"
    email = _email_lines(officer.email, contact_width) if officer.email else ""
    contact = "\n".join(part for part in (email, officer.phone) if part)
    return [
        officer.badge_number,
        officer.full_name,
        rank,
        officer.status_label,
        _date(officer.hire_date),
        contact,
        officer.training,
        eligibility_text(officer),
    ]


def build_officer_roster(
    out: Path | str | BinaryIO,
    officers: Sequence[OfficerRow],
    *,
    organization: str = "",
    generated_on: dt.date | None = None,
) -> None:
    """Write the officer roster PDF (landscape Letter) to ``out`` (a path or a binary file)."""
    st = styles()
    today = generated_on or dt.date.today()
    organization = organization.strip()
    subtitle = f"{organization} · as of {today:%d %B %Y}" if organization else f"As of {today:%d %B %Y}"

    story: list = []
    if not officers:
        story.append(Paragraph("No officers are recorded yet.", st.body))
    else:
        active = sum(1 for o in officers if o.status == "active")
        eligible = sum(1 for o in officers if o.eligible)
        summary = (
            f"{_plural(len(officers), 'officer')}, {active:,} active, "
            f"{eligible:,} eligible for school details."
        )
        story.append(Paragraph(safe_text(summary), st.body))
        story.append(Spacer(1, 4))
        width = content_width(landscape=True)
        widths = [w * width for w in _WEIGHTS]
        contact_width = widths[HEADER.index("Contact")] - 2 * CELL_PADDING
        story.append(data_table(HEADER, [_row(o, contact_width) for o in officers], widths))

    build_pdf(
        out,
        title=TITLE,
        subtitle=subtitle,
        story=story,
        landscape=True,
        footer_left=f"{TITLE} · {organization + ' · ' if organization else ''}printed {today:%d %b %Y}",
        organization=organization,
    )
