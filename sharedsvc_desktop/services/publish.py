"""The public agreement register, and publishing it as a folder ready to upload to a website.

Connecticut asks that the school–police agreement be posted on the district's and each school's website. The
register lists every agreement with its parties, kind, status, dates and its current executed version; "Publish"
writes a folder that works as it is, opened from disk or uploaded anywhere:

- ``index.html``: plain, accessible HTML5 (no scripts, no outside files, relative links only),
- ``pdf/<number>-v<version>.pdf``: the executed copy of each agreement in force (the signed copy when signatures
  were recorded), the only PDFs in that folder (stale ones from an earlier publish are removed),
- ``agreements.csv``: the same list (UTF-8, one row per agreement, with each PDF's SHA-256).

What is public: agreements that were executed at some time (a draft or a text out for signature is not yet a
public record). Deactivated agreements are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import getpass
import hashlib
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.models import AgreementVersion
from sharedsvc_desktop.services import agreements
from sharedsvc_desktop.services.permissions import current_actor, requires
from sharedsvc_desktop.timeutil import now_utc

#: version statuses that were executed (a superseded one was replaced by a later executed version)
EXECUTED_STATUSES = ("executed", "terminated", "expired")
PDF_FOLDER = "pdf"
INDEX_NAME = "index.html"
CSV_NAME = "agreements.csv"
CSV_COLUMNS = ["number", "title", "kind", "parties", "status", "effective_date", "end_date", "version",
               "executed_on", "file", "sha256"]

Step = Callable[[int, int, str], None]


# --------------------------------------------------------------------------------------------- helpers


def write_atomically(path: Path, data: bytes) -> None:
    from sharedsvc_desktop.documents.base import _write_atomically

    _write_atomically(path, data)


def safe_filename(text: str, *, fallback: str = "file") -> str:
    """A file name that works on every system and in a URL: letters, digits, dot, dash, underscore."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return name[:120] or fallback


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def exported_by(session: Session) -> str:
    """Who is exporting: the signed-in user, or the operating-system account for the local system."""
    actor = current_actor(session)
    if actor is not None:
        return actor.username
    try:
        return f"{getpass.getuser()} (computer account)"
    except Exception:  # noqa: BLE001 - no user name in this environment
        return "local system"


def csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so spreadsheet programs read accents right), CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([[_guard(c) for c in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _guard(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(("=", "+", "-", "@")) and not _NUMBER.match(text) else text


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


# --------------------------------------------------------------------------------------------- the register


@dataclass(frozen=True)
class RegisterRow:
    id: int
    number: str
    title: str
    kind: str
    kind_label: str
    parties: str
    status: str  # of the latest version
    status_label: str
    effective_date: dt.date | None  # of the current executed version (else of the latest version)
    end_date: dt.date | None
    executed_version: int | None  # the current executed version (None: never executed)
    executed_on: dt.date | None
    fingerprint: str
    active: bool

    @property
    def public(self) -> bool:
        return self.active and self.executed_version is not None

    @property
    def document_number(self) -> str:
        return agreements.document_number(self.number, self.executed_version) if self.executed_version else ""

    @property
    def pdf_name(self) -> str:
        return f"{safe_filename(self.number, fallback=f'agreement-{self.id}')}-v{self.executed_version}.pdf"


def register_rows(session: Session, *, include_inactive: bool = True) -> list[RegisterRow]:
    """Every agreement (by number) with its current executed version: the highest version that was executed and
    not superseded (executed, or since terminated or expired)."""
    base = agreements.agreement_rows(session, agreements.agreement_ids(session, include_inactive=include_inactive))
    executed: dict[int, AgreementVersion] = {}
    for v in session.scalars(
        select(AgreementVersion)
        .where(AgreementVersion.status.in_(EXECUTED_STATUSES))
        .order_by(AgreementVersion.version_no)
    ):
        executed[v.agreement_id] = v
    rows = []
    for a in base:
        v = executed.get(a.id)
        rows.append(RegisterRow(
            id=a.id, number=a.number, title=a.title, kind=a.kind, kind_label=a.kind_label, parties=a.parties,
            status=a.status, status_label=a.status_label,
            effective_date=v.effective_date if v else a.effective_date,
            end_date=(v.termination_effective_on or v.end_date) if v else a.end_date,
            executed_version=v.version_no if v else None, executed_on=v.executed_on if v else None,
            fingerprint=v.fingerprint_sha256 if v else "", active=a.active,
        ))
    return rows


# --------------------------------------------------------------------------------------------- publishing


@dataclass(frozen=True)
class PublishedFile:
    agreement_id: int
    document_number: str
    path: str  # relative to the folder, with forward slashes
    sha256: str
    size: int


@dataclass(frozen=True)
class PublishResult:
    folder: str
    index: str
    csv: str
    files: tuple[PublishedFile, ...]
    listed: int  # agreements listed in the register
    published_at: dt.datetime


def write_agreement_pdf(session: Session, *, agreement_id: int, version_no: int, today: dt.date | None) -> bytes:
    """The executed copy: with the signatures when they were recorded, else the text as printed for signature."""
    detail = agreements.get_version(session, agreement_id=agreement_id, version_no=version_no)
    signed = any(s.signed for s in detail.signatories)
    buffer = io.BytesIO()
    agreements.write_agreement(session, out=buffer, agreement_id=agreement_id, version_no=version_no,
                               signed=signed, today=today or detail.executed_on)
    return buffer.getvalue()


@requires("export_data")
def publish_register(
    session: Session,
    *,
    out: Path | str,
    title: str = "Agreement register",
    organization: str = "",
    today: dt.date | None = None,
    step: Step | None = None,
) -> PublishResult:
    """Write the public register into the folder ``out`` (created if needed): ``index.html``, ``agreements.csv``
    and ``pdf/`` with the executed copy of every agreement in force. ``step(done, total, text)`` reports progress
    (and may raise ``progress.Cancelled``)."""
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ValidationError({"out": f"{folder} is a file; choose a folder to publish into."})
    if not title.strip():
        raise ValidationError({"title": "The page needs a title."})
    listed = [r for r in register_rows(session, include_inactive=False) if r.public]
    pdf_dir = folder / PDF_FOLDER
    pdf_dir.mkdir(parents=True, exist_ok=True)
    files: list[PublishedFile] = []
    total = len(listed) + 2
    for i, r in enumerate(listed):
        if step is not None:
            step(i, total, f"Printing {r.document_number}")
        assert r.executed_version is not None
        data = write_agreement_pdf(session, agreement_id=r.id, version_no=r.executed_version, today=today)
        write_atomically(pdf_dir / r.pdf_name, data)
        files.append(PublishedFile(r.id, r.document_number, f"{PDF_FOLDER}/{r.pdf_name}",
                                   hashlib.sha256(data).hexdigest(), len(data)))
    keep = {Path(f.path).name for f in files}
    for stale in pdf_dir.glob("*.pdf"):
        if stale.name not in keep:
            stale.unlink()
    by_id = {f.agreement_id: f for f in files}
    published_at = now_utc()
    if step is not None:
        step(len(listed), total, "Writing the page")
    csv_rows = [CSV_COLUMNS] + [
        [r.number, r.title, r.kind_label, r.parties, _public_status(r), _iso(r.effective_date), _iso(r.end_date),
         str(r.executed_version), _iso(r.executed_on), by_id[r.id].path, by_id[r.id].sha256]
        for r in listed
    ]
    write_atomically(folder / CSV_NAME, csv_bytes(csv_rows))
    page = index_html(listed, by_id, title=title.strip(), organization=organization.strip(),
                      published_on=today or published_at.date())
    write_atomically(folder / INDEX_NAME, page.encode("utf-8"))
    if step is not None:
        step(total, total, "Done")
    return PublishResult(str(folder), str(folder / INDEX_NAME), str(folder / CSV_NAME), tuple(files), len(listed),
                         published_at)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _public_status(r: RegisterRow) -> str:
    """In words, for the public: in force, terminated, expired (or the status of a newer version in progress)."""
    if r.status in ("draft", "out_for_signature") and r.executed_version is not None:
        return f"In force (version {r.executed_version}); an amendment is being drafted"
    if r.status == "executed":
        return "In force"
    return r.status_label


def _long(day: dt.date | None) -> str:
    return f"{day:%B} {day.day}, {day.year}" if day else "—"


def _size(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 1024 * 1024 else f"{n / (1024 * 1024):,.1f} MB"


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 2rem auto;
       max-width: 70rem; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
p.meta { color: #4a4a4a; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border: 1px solid #b8b8b8; padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: #e8eef6; }
tbody tr:nth-child(even) { background: #f6f8fb; }
a { color: #0645ad; }
a:focus { outline: 3px solid #ffbf47; outline-offset: 1px; }
footer { margin-top: 2rem; color: #4a4a4a; font-size: .9rem; }
"""


def index_html(
    rows: list[RegisterRow],
    files: dict[int, PublishedFile],
    *,
    title: str,
    organization: str,
    published_on: dt.date,
) -> str:
    """The register page: one table, a link per executed agreement (relative, so the folder works anywhere)."""
    e = html.escape
    body_rows = []
    for r in rows:
        f = files[r.id]
        href = "/".join(quote(part) for part in f.path.split("/"))
        body_rows.append(
            "      <tr>\n"
            f'        <th scope="row">{e(r.number)}</th>\n'
            f'        <td><a href="{e(href)}">{e(r.title)}</a><br>'
            f'<small>{e(r.document_number)}, PDF, {e(_size(f.size))}</small></td>\n'
            f"        <td>{e(r.parties)}</td>\n"
            f"        <td>{e(r.kind_label)}</td>\n"
            f"        <td>{e(_public_status(r))}</td>\n"
            f"        <td>{e(_long(r.effective_date))}</td>\n"
            f"        <td>{e(_long(r.end_date))}</td>\n"
            "      </tr>"
        )
    if not body_rows:
        body_rows.append('      <tr><td colspan="7">No agreement has been executed yet.</td></tr>')
    heading = f"{title} — {organization}" if organization else title
    count = f"{len(rows)} agreement{'s' if len(rows) != 1 else ''}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(heading)}</title>
  <style>{_STYLE}  </style>
</head>
<body>
  <main>
    <h1>{e(heading)}</h1>
    <p class="meta">Published {e(_long(published_on))}. {e(count)} in the register. Each link opens the executed
    agreement as a PDF file. The same list is available as a spreadsheet:
    <a href="{CSV_NAME}">{CSV_NAME} (CSV)</a>.</p>
    <table>
      <caption>Agreements between public bodies, with their current executed version</caption>
      <thead>
        <tr>
          <th scope="col">Number</th>
          <th scope="col">Agreement</th>
          <th scope="col">Parties</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">Effective</th>
          <th scope="col">Ends</th>
        </tr>
      </thead>
      <tbody>
{chr(10).join(body_rows)}
      </tbody>
    </table>
  </main>
  <footer>
    <p>Written by {e(APP_TITLE)} {e(__version__)}. The end date is the end of the current term; agreements that
    renew automatically continue unless terminated.</p>
  </footer>
</body>
</html>
"""
