"""Printed documents as user actions: fetch what the document needs and write the PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from sharedsvc_desktop.services import officers


def write_officer_roster(
    session: Session,
    *,
    out: Path | BinaryIO,
    include_inactive: bool = False,
    organization: str = "",
    today: dt.date | None = None,
) -> int:
    """The officer roster with training status, as PDF. Returns the number of officers printed."""
    from sharedsvc_desktop.documents.roster import build_officer_roster

    rows = officers.list_officers(session, include_inactive=include_inactive, today=today)
    build_officer_roster(out, rows, organization=organization, generated_on=today or dt.date.today())
    return len(rows)
