"""Freedom of Information export: the records someone asked for, in one ZIP, with a manifest.

Choose an agreement (every version of it as a PDF, the signed copy where signatures were recorded, and the scanned
signed copies exactly as they were stored) and/or a period (the hour entries, the events and the Collaboration
Team's meeting minutes of those dates, and the quarterly oversight figures of the quarters it touches). With both,
the period's records are those under that agreement.

The ZIP holds::

    README.txt
    manifest.json                      what, when, who exported, and the SHA-256 and size of every other file
    agreement/AGR-…-v1.pdf             each version (signed copy when signed)
    agreement/versions.csv             version, status, dates, fingerprint, changes
    agreement/scans/…                  the scanned signed copies, byte for byte as stored (SHA-256 checked)
    hours.csv                          the period's hour entries (the documented export columns)
    events.csv                         the period's events
    meetings.csv, meeting-minutes.pdf  the period's meetings
    quarterly/2026Q3.csv …             the oversight figures, suppressed exactly as in the quarterly report

Student figures are only ever the published (suppressed) tables: counts of 1 to k-1 appear as "<k" and the cells
that would give them away as "*". Officers and staff appear by name in hours and events: they are public employees
acting in their jobs, and these are the records asked for (whoever releases the ZIP reviews it first).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.models import Agreement, AgreementVersion, Attachment, Meeting, Signatory
from sharedsvc_desktop.services import agreements, oversight
from sharedsvc_desktop.services.common import Fields, get_or_raise
from sharedsvc_desktop.services.permissions import requires
from sharedsvc_desktop.services.publish import Step, csv_bytes, exported_by, safe_filename
from sharedsvc_desktop.services.signatures import sha256_hex
from sharedsvc_desktop.timeutil import now_utc

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "sharedsvc-foi-export"
MANIFEST_VERSION = 1
EVENT_COLUMNS = ["event_id", "date", "start", "end", "timezone", "school_or_site", "type", "title", "status",
                 "officers_requested", "officers_assigned", "agreement", "requested_by", "notes"]
MEETING_COLUMNS = ["meeting_id", "date", "location", "agreement", "attendees", "minutes", "decisions",
                   "recommendations"]
VERSION_COLUMNS = ["document_number", "version", "status", "effective_date", "end_date", "executed_on",
                   "fingerprint_sha256", "file", "changes_from_previous_version"]


@dataclass(frozen=True)
class ExportedFile:
    path: str  # inside the ZIP
    description: str
    media_type: str
    sha256: str
    size: int


@dataclass(frozen=True)
class FoiResult:
    out: str
    files: tuple[ExportedFile, ...]  # every file but the manifest
    exported_at: dt.datetime
    exported_by: str
    quarters: tuple[str, ...]  # the quarters whose (suppressed) figures are included


class _Zip:
    def __init__(self, when: dt.datetime) -> None:
        self.buffer = io.BytesIO()
        self.zf = zipfile.ZipFile(self.buffer, "w", compression=zipfile.ZIP_DEFLATED)
        local = when.astimezone()
        self.stamp = (max(local.year, 1980), local.month, local.day, local.hour, local.minute, local.second)
        self.files: list[ExportedFile] = []
        self.names: set[str] = set()

    def add(self, path: str, data: bytes, description: str, media_type: str, *, listed: bool = True) -> str:
        base, dot, ext = path.rpartition(".")
        n = 2
        while path in self.names:
            path = f"{base}-{n}.{ext}" if dot else f"{path}-{n}"
            n += 1
        self.names.add(path)
        info = zipfile.ZipInfo(path, self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self.zf.writestr(info, data)
        if listed:
            self.files.append(ExportedFile(path, description, media_type, sha256_hex(data), len(data)))
        return path

    def close(self) -> bytes:
        self.zf.close()
        return self.buffer.getvalue()


def _local(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    from sharedsvc_desktop.timeutil import utc_to_local

    return utc_to_local(moment, tz) if moment else None


@requires("export_data")
def foi_export(
    session: Session,
    *,
    out: Path | str,
    agreement_id: int | None = None,
    date_from: dt.date | str | None = None,
    date_to: dt.date | str | None = None,
    include_hours: bool = True,
    include_events: bool = True,
    include_meetings: bool = True,
    include_quarterly: bool = True,
    request_note: str = "",
    step: Step | None = None,
) -> FoiResult:
    """Write the ZIP ``out`` (see the module text). Needs an agreement, a period, or both."""
    f = Fields()
    start = f.date(date_from, "date_from", "From")
    end = f.date(date_to, "date_to", "To")
    note = f.text(request_note, "request_note", "Request", max_len=2000, multiline=True)
    if (start is None) != (end is None):
        f.error("date_to" if end is None else "date_from", "Give both dates of the period, or neither.")
    if start and end and end < start:
        f.error("date_to", "The period ends before it starts.")
    if agreement_id is None and start is None:
        f.error("agreement_id", "Choose an agreement, a period, or both.")
    f.check()
    agreement = get_or_raise(session, Agreement, agreement_id, "Agreement") if agreement_id is not None else None
    when = now_utc()
    who = exported_by(session)
    z = _Zip(when)
    total = 6
    quarters: list[str] = []

    def tick(i: int, text: str) -> None:
        if step is not None:
            step(i, total, text)

    if agreement is not None:
        tick(0, f"Printing {agreement.number}")
        _agreement_files(session, z, agreement)
    if start is not None and end is not None:
        if include_hours:
            tick(1, "Hour entries")
            _hours_file(session, z, start, end, agreement)
        if include_events:
            tick(2, "Events")
            _events_file(session, z, start, end, agreement)
        if include_meetings:
            tick(3, "Meeting minutes")
            _meeting_files(session, z, start, end, agreement)
        if include_quarterly:
            tick(4, "Quarterly figures")
            quarters = _quarterly_files(session, z, start, end, agreement)
    tick(5, "Writing the ZIP")
    readme = _readme(agreement, start, end, when, who, quarters, note, oversight.suppression_threshold(session))
    z.add("README.txt", readme.encode("utf-8"), "What this export holds and how to check it", "text/plain")
    manifest = {
        "format": MANIFEST_FORMAT,
        "format_version": MANIFEST_VERSION,
        "program": f"{APP_TITLE} {__version__}",
        "exported_at": when.isoformat(timespec="seconds"),
        "exported_by": who,
        "request": {
            "agreement": agreement.number if agreement is not None else None,
            "agreement_title": agreement.title if agreement is not None else None,
            "date_from": start.isoformat() if start else None,
            "date_to": end.isoformat() if end else None,
            "note": note,
        },
        "student_figures": {
            "suppression_threshold_k": oversight.suppression_threshold(session),
            "quarters": quarters,
            "rule": "counts from 1 to k-1 are shown as <k; cells that would reveal them are shown as *",
        },
        "hash_algorithm": "sha256",
        "files": [
            {"path": x.path, "description": x.description, "media_type": x.media_type, "sha256": x.sha256,
             "size": x.size}
            for x in z.files
        ],
    }
    z.add(MANIFEST_NAME, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"), "", "application/json",
          listed=False)
    data = z.close()
    _write_file(Path(out), data)
    tick(6, "Done")
    return FoiResult(str(out), tuple(z.files), when, who, tuple(quarters))


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------------------------------------ parts


def _agreement_files(session: Session, z: _Zip, agreement: Agreement) -> None:
    number = safe_filename(agreement.number, fallback=f"agreement-{agreement.id}")
    versions = list(session.scalars(
        select(AgreementVersion).where(AgreementVersion.agreement_id == agreement.id)
        .order_by(AgreementVersion.version_no)
    ))
    rows = [VERSION_COLUMNS]
    for v in versions:
        detail = agreements.get_version(session, agreement_id=agreement.id, version_no=v.version_no)
        signed = any(s.signed for s in detail.signatories)
        buffer = io.BytesIO()
        agreements.write_agreement(session, out=buffer, agreement_id=agreement.id, version_no=v.version_no,
                                   signed=signed, today=detail.executed_on or dt.date.today())
        what = "signed copy" if signed else ("text as printed for signature" if v.status != "draft" else "draft")
        path = z.add(f"agreement/{number}-v{v.version_no}.pdf", buffer.getvalue(),
                     f"{detail.document_number} ({detail.status_label.lower()}), {what}", "application/pdf")
        rows.append([detail.document_number, str(v.version_no), detail.status_label, _iso(v.effective_date),
                     _iso(v.end_date), _iso(v.executed_on), v.fingerprint_sha256, path, v.change_summary])
        for s in session.scalars(select(Signatory).where(Signatory.version_id == v.id).order_by(Signatory.position)):
            if not s.scanned_copy_attachment_id:
                continue
            att = session.get(Attachment, s.scanned_copy_attachment_id)
            if att is None:
                continue
            data = bytes(att.data)
            intact = sha256_hex(data) == att.sha256
            name = safe_filename(att.filename, fallback="scan")
            z.add(f"agreement/scans/{number}-v{v.version_no}-{s.position + 1}-{name}", data,
                  f"Scanned signed copy of {detail.document_number} from {s.name}, {s.organization}"
                  + ("" if intact else " (WARNING: does not match the SHA-256 recorded when it was stored)"),
                  att.mime_type)
    z.add("agreement/versions.csv", csv_bytes(rows), f"The versions of {agreement.number}", "text/csv")


def _hours_file(session: Session, z: _Zip, start: dt.date, end: dt.date, agreement: Agreement | None) -> None:
    from sharedsvc_desktop.exchange.hours_csv import COLUMNS, export_rows

    rows = [list(COLUMNS)]
    for row in export_rows(session, date_from=start, date_to=end):
        if agreement is not None and row[9] != agreement.number:
            continue
        row[0] = row[0].isoformat()
        rows.append([str(c) for c in row])
    scope = f" under {agreement.number}" if agreement is not None else ""
    z.add("hours.csv", csv_bytes(rows), f"Hour entries{scope}, {start} to {end} ({len(rows) - 1} rows)", "text/csv")


def _events_file(session: Session, z: _Zip, start: dt.date, end: dt.date, agreement: Agreement | None) -> None:
    from sharedsvc_desktop.services.events import list_events

    numbers = dict(session.execute(select(Agreement.id, Agreement.number)).all())
    rows = [EVENT_COLUMNS]
    for e in list_events(session, date_from=start, date_to=end):
        if agreement is not None and e.agreement_id != agreement.id:
            continue
        s, t = e.local_start, e.local_end
        rows.append([str(e.id), s.date().isoformat(), f"{s:%H:%M}", f"{t:%H:%M}", e.timezone, e.site_name,
                     e.event_type_label, e.title, e.status_label, str(e.officers_requested), str(e.officers_assigned),
                     numbers.get(e.agreement_id, ""), e.requester_name, e.notes])
    scope = f" under {agreement.number}" if agreement is not None else ""
    z.add("events.csv", csv_bytes(rows), f"Events{scope}, {start} to {end} ({len(rows) - 1} rows)", "text/csv")


def _meeting_files(session: Session, z: _Zip, start: dt.date, end: dt.date, agreement: Agreement | None) -> None:
    from sharedsvc_desktop.services.team import get_meeting

    stmt = select(Meeting.id).where(Meeting.held_on >= start, Meeting.held_on <= end)
    if agreement is not None:
        stmt = stmt.where(Meeting.agreement_id == agreement.id)
    meetings = [get_meeting(session, meeting_id=i) for i in session.scalars(stmt.order_by(Meeting.held_on))]
    numbers = dict(session.execute(select(Agreement.id, Agreement.number)).all())
    rows = [MEETING_COLUMNS]
    for m in meetings:
        attendees = "; ".join(f"{a.name} ({a.party_name})" for a in m.attendees)
        rows.append([str(m.id), m.held_on.isoformat(), m.location, numbers.get(m.agreement_id, ""), attendees,
                     m.minutes, m.decisions, m.recommendations])
    scope = f" under {agreement.number}" if agreement is not None else ""
    z.add("meetings.csv", csv_bytes(rows), f"Collaboration Team meetings{scope}, {start} to {end}", "text/csv")
    if meetings:
        buffer = io.BytesIO()
        _minutes_pdf(buffer, meetings, start, end, scope)
        z.add("meeting-minutes.pdf", buffer.getvalue(),
              f"Minutes of the {len(meetings)} Collaboration Team meeting(s){scope}", "application/pdf")


def _minutes_pdf(out: io.BytesIO, meetings: list, start: dt.date, end: dt.date, scope: str) -> None:  # type: ignore[type-arg]
    from reportlab.platypus import Paragraph, Spacer

    from sharedsvc_desktop.documents.base import build_pdf, safe_text, styles

    st = styles()
    story: list = []  # type: ignore[type-arg]
    for m in meetings:
        story.append(Paragraph(safe_text(f"Meeting of {agreements.long_date(m.held_on)}"), st.heading))
        facts = [("Location", m.location or "—"),
                 ("Present", "; ".join(f"{a.name} ({a.party_name})" for a in m.attendees) or "—")]
        for label, value in facts:
            story.append(Paragraph(f"<b>{label}:</b> {safe_text(value)}", st.body))
        for label, value in (("Minutes", m.minutes), ("Decisions", m.decisions),
                             ("Recommendations", m.recommendations)):
            if value.strip():
                story.append(Paragraph(f"<b>{label}</b>", st.body))
                for para in value.split("\n\n"):
                    story.append(Paragraph(safe_text(para, newlines=True), st.body))
        story.append(Spacer(1, 10))
    build_pdf(out, title="School/Police Collaboration Team: meeting minutes",
              subtitle=f"Meetings{scope} from {agreements.long_date(start)} to {agreements.long_date(end)}",
              story=story, footer_left="Freedom of Information export")


def _quarterly_files(
    session: Session, z: _Zip, start: dt.date, end: dt.date, agreement: Agreement | None
) -> list[str]:
    have = set(oversight.periods_with_data(session))
    wanted = []
    quarter = oversight.quarter_of(start)
    while oversight.quarter_bounds(quarter)[0] <= end:
        if quarter in have:
            wanted.append(quarter)
        quarter = oversight.next_quarter(quarter)
    done = []
    for q in wanted:
        try:
            rows = oversight.quarterly_csv_rows(session, quarter=q,
                                                agreement_id=agreement.id if agreement is not None else None)
        except ValidationError:
            continue
        if len(rows) <= 1:
            continue
        z.add(f"quarterly/{q}.csv", csv_bytes(rows),
              f"Oversight figures for {oversight.period_label(q)} (counts only, small counts suppressed)", "text/csv")
        done.append(q)
    return done


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _readme(agreement: Agreement | None, start: dt.date | None, end: dt.date | None, when: dt.datetime, who: str,
            quarters: list[str], note: str, k: int) -> str:
    lines = [
        "Freedom of Information export",
        "=============================",
        "",
        f"Exported {when.astimezone():%Y-%m-%d %H:%M %Z} by {who} with {APP_TITLE} {__version__}.",
    ]
    if note:
        lines += ["", f"Request: {note}"]
    if agreement is not None:
        lines += ["", f"Agreement: {agreement.number}, {agreement.title} (every version, and the scanned signed "
                      "copies as stored)."]
    if start and end:
        scope = f" under {agreement.number}" if agreement is not None else ""
        lines += ["", f"Period: {start} to {end}: hour entries, events and meeting minutes{scope}."]
        if quarters:
            lines += [f"Quarterly oversight figures: {', '.join(quarters)}."]
    lines += [
        "",
        f"Student figures are counts only. Counts from 1 to {k - 1} are shown as <{k}, and cells that would let",
        "someone work them out from the totals are shown as *. No student is named anywhere in this export.",
        "",
        "manifest.json lists every other file with its size and SHA-256. To check a file, compare, e.g.:",
        "  sha256sum hours.csv            (Linux)",
        "  shasum -a 256 hours.csv        (macOS)",
        "  certutil -hashfile hours.csv SHA256   (Windows)",
        "",
    ]
    return "\n".join(lines)
