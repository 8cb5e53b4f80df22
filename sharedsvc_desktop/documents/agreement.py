"""The printed agreement (for signature, or the signed copy) and the termination notice letter.

Laid out like an agreement a chief and a superintendent sign: a centred title, the parties, a preamble, numbered
sections with their lists, the schools covered and the services with rates, then "IN WITNESS WHEREOF" and one
signature block per signatory (signature line, name, title, organization, date line; witness lines when the
version asks). Every page carries the document number, the version, "Page N of M" and the SHA-256 fingerprint of
the agreement's text. Long sections simply continue on the next page.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.documents.base import (
    FONT,
    FONT_BOLD,
    HEADER_BLUE,
    MUTED,
    NumberedCanvas,
    _write_atomically,
    data_table,
    register_fonts,
    safe_text,
)
from sharedsvc_desktop.services.agreements import (
    SignatoryData,
    SignatureArt,
    VersionDetail,
    join_names,
    long_date,
    numbered_heading,
    preamble,
    with_article,
)

PAGE_W, PAGE_H = LETTER
LEFT = RIGHT = 1.0 * inch
TOP = 0.9 * inch
BOTTOM = 0.95 * inch
WIDTH = PAGE_W - LEFT - RIGHT
INK = colors.HexColor("#111111")
RULE = colors.HexColor("#888888")
SIGN_SPACE = 0.62 * inch


@dataclass
class Layout:
    pages: int = 0
    signature_boxes: dict[int, tuple[int, tuple[float, float, float, float]]] = field(default_factory=dict)


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("agr_body", fontName=FONT, fontSize=10, leading=14.2, alignment=TA_JUSTIFY,
                          spaceAfter=6, textColor=INK, splitLongWords=1)
    return {
        "title": ParagraphStyle("agr_title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20,
                                alignment=TA_CENTER, spaceAfter=4),
        "subtitle": ParagraphStyle("agr_subtitle", parent=body, fontSize=11, leading=15, alignment=TA_CENTER,
                                   spaceAfter=2),
        "docno": ParagraphStyle("agr_docno", parent=body, fontSize=8.5, leading=11, alignment=TA_CENTER,
                                textColor=MUTED, spaceAfter=14),
        "heading": ParagraphStyle("agr_heading", parent=body, fontName=FONT_BOLD, fontSize=11, leading=15,
                                  alignment=0, spaceBefore=10, spaceAfter=5, keepWithNext=1),
        "body": body,
        "bullet": ParagraphStyle("agr_bullet", parent=body, leftIndent=22, bulletIndent=8, spaceAfter=3),
        "small": ParagraphStyle("agr_small", parent=body, fontSize=8, leading=10, alignment=0, textColor=MUTED,
                                spaceAfter=0),
        "block_org": ParagraphStyle("agr_block_org", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                                    alignment=0, spaceAfter=2),
        "block": ParagraphStyle("agr_block", parent=body, fontSize=9.5, leading=12.5, alignment=0, spaceAfter=0),
        "block_name": ParagraphStyle("agr_block_name", parent=body, fontName=FONT_BOLD, fontSize=9.5,
                                     leading=12.5, alignment=0, spaceAfter=0),
        "party": ParagraphStyle("agr_party", parent=body, alignment=0, spaceAfter=0, leading=13),
        "letter": ParagraphStyle("agr_letter", parent=body, fontSize=10.5, leading=15, spaceAfter=9),
    }


_BULLET = re.compile(r"^\s*[-*•]\s+")
_NUMBERED = re.compile(r"^\s*(\d{1,3}|[a-z])[.)]\s+")


def _inline(text: str) -> str:
    """Escaped text with **bold** kept."""
    escaped = safe_text(text)
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)


def body_flowables(body: str, st: Mapping[str, ParagraphStyle]) -> list[Flowable]:
    """Paragraphs (blank-line separated) and list items ("- " or "1. ") as flowables that split across pages."""
    out: list[Flowable] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append(Paragraph(_inline(" ".join(paragraph)), st["body"]))
            paragraph.clear()

    for raw in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
            continue
        bullet = _BULLET.match(line)
        number = _NUMBERED.match(line)
        if bullet:
            flush()
            out.append(Paragraph(_inline(line[bullet.end():]), st["bullet"], bulletText="•"))
        elif number:
            flush()
            out.append(Paragraph(_inline(line[number.end():]), st["bullet"], bulletText=f"{number.group(1)}."))
        elif out and not paragraph and isinstance(out[-1], Paragraph) and out[-1].style is st["bullet"] \
                and raw.startswith("  "):
            # a continuation line of a list item
            out.append(Paragraph(_inline(line), st["bullet"]))
        else:
            paragraph.append(line)
    flush()
    return out


class SignatureSpace(Flowable):
    """The space above a signature line: the drawn signature (signed copy) and, on the right, the place where a
    digital signature stamp goes. Records where it landed so the signing step can put its field there."""

    def __init__(self, width: float, image: bytes | None, layout: Layout, position: int) -> None:
        super().__init__()
        self.width, self.height = width, SIGN_SPACE
        self.image, self.layout, self.position = image, layout, position

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        if self.image:
            try:
                reader = ImageReader(io.BytesIO(self.image))
                iw, ih = reader.getSize()
                box_w, box_h = self.width * 0.56, self.height - 4
                scale = min(box_w / iw, box_h / ih)
                c.drawImage(reader, 2, 2, iw * scale, ih * scale, mask="auto")
            except Exception:  # noqa: BLE001 - a damaged image must not stop the print
                c.setFont(FONT, 7)
                c.drawString(2, 6, "(signature image could not be read)")
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        c.line(0, 0, self.width, 0)
        x, y = c.absolutePosition(0, 0)
        page = c.getPageNumber() - 1
        self.layout.signature_boxes[self.position] = (
            page,
            (round(x + self.width * 0.58, 1), round(y + 3, 1), round(x + self.width, 1),
             round(y + self.height - 2, 1)),
        )


def _signature_block(
    sig: SignatoryData, width: float, st: Mapping[str, ParagraphStyle], *, signed: bool, art: SignatureArt | None,
    witness: bool, layout: Layout,
) -> list[Flowable]:
    org = sig.organization or ""
    items: list[Flowable] = [
        Paragraph(safe_text(f"FOR {org.upper()}" if org else "SIGNATORY"), st["block_org"]),
        SignatureSpace(width, art.image_png if (signed and art) else None, layout, sig.position),
        Paragraph("Signature", st["small"]),
        Spacer(1, 3),
        Paragraph(safe_text(sig.name), st["block_name"]),
        Paragraph(safe_text(sig.title), st["block"]),
        Paragraph(safe_text(org), st["block"]),
        Spacer(1, 8),
    ]
    if signed and sig.signed_on:
        items.append(Paragraph(f"Date: <u>{safe_text(long_date(sig.signed_on))}</u>", st["block"]))
    else:
        items.append(Paragraph("Date: ______________________________", st["block"]))
    if signed and art and art.scan_name:
        items.append(Spacer(1, 3))
        items.append(Paragraph(
            safe_text(f"Signed copy on file: {art.scan_name} (SHA-256 {art.scan_sha256[:16]}…)"), st["small"]))
    if witness:
        items += [
            Spacer(1, 16),
            _Line(width),
            Paragraph("Witness", st["small"]),
            Spacer(1, 12),
            _Line(width),
            Paragraph("Witness, printed name", st["small"]),
        ]
    return items


class _Line(Flowable):
    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 1

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 0, self.width, 0)


def _footer_canvas(left: str, fingerprint_text: str, title: str, watermark: str) -> type[NumberedCanvas]:
    class AgreementCanvas(NumberedCanvas):
        def draw_page_number(self, total: int) -> None:
            register_fonts()
            self.saveState()
            if watermark:
                self.setFont(FONT_BOLD, 96)
                self.setFillColor(colors.Color(0.82, 0.82, 0.82, alpha=0.35))
                self.translate(PAGE_W / 2, PAGE_H / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, watermark)
                self.rotate(-45)
                self.translate(-PAGE_W / 2, -PAGE_H / 2)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.4)
            base = BOTTOM - 0.42 * inch
            self.line(LEFT, base + 19, PAGE_W - RIGHT, base + 19)
            self.setFillColor(MUTED)
            self.setFont(FONT, 7.5)
            self.drawString(LEFT, base + 9, left)
            self.drawRightString(PAGE_W - RIGHT, base + 9, f"Page {self._pageNumber} of {total}")
            self.setFont(FONT, 6.3)
            self.drawString(LEFT, base, fingerprint_text)
            if self._pageNumber > 1:
                self.setFont(FONT, 7.5)
                top = PAGE_H - TOP + 0.42 * inch
                self.drawString(LEFT, top, title[:90])
                self.drawRightString(PAGE_W - RIGHT, top, left.split(" · ")[0])
                self.line(LEFT, top - 4, PAGE_W - RIGHT, top - 4)
            self.restoreState()

    return AgreementCanvas


def _build(out: Path | str | BinaryIO, story: list[Flowable], *, title: str, subject: str,
           canvas: type[NumberedCanvas]) -> int:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=LETTER, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, subject=subject, author=APP_TITLE, creator=f"{APP_TITLE} {__version__}",
        initialFontName=FONT, initialFontSize=10,
    )
    frame = Frame(LEFT, BOTTOM, WIDTH, PAGE_H - TOP - BOTTOM, leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=canvas)
    data = buffer.getvalue()
    if isinstance(out, str | os.PathLike):
        _write_atomically(Path(out), data)
    else:
        out.write(data)
    return doc.page


def _money(cents: int) -> str:
    return f"${cents / 100:,.2f}"


def build_agreement_pdf(
    out: Path | str | BinaryIO,
    detail: VersionDetail,
    *,
    fingerprint: str,
    signed: bool = False,
    art: Mapping[int, SignatureArt] | None = None,
    printed_on: dt.date | None = None,
) -> Layout:
    """Write the agreement PDF; returns the page count and where each signatory's signature space is."""
    st = _styles()
    art = art or {}
    layout = Layout()
    story: list[Flowable] = [
        Paragraph(safe_text(detail.title), st["title"]),
        Paragraph(safe_text("between " + join_names([with_article(p.name) for p in detail.parties])), st["subtitle"]),
        Paragraph(
            safe_text(f"Document {detail.document_number} · version {detail.version_no} · {detail.status_label}"),
            st["docno"],
        ),
        Paragraph(safe_text(preamble(detail)), st["body"]),
        Spacer(1, 4),
    ]
    # the parties
    rows = []
    for i, p in enumerate(detail.parties, start=1):
        address = safe_text(p.address, newlines=True).replace("<br/>", ", ")
        text = f"<b>{safe_text(p.name)}</b>" + (f"<br/>{address}" if address else "")
        rows.append([Paragraph(f"{i}.", st["party"]), Paragraph(text, st["party"])])
    if rows:
        story.append(Paragraph("THE PARTIES", st["heading"]))
        table = Table(rows, colWidths=[0.3 * inch, WIDTH - 0.3 * inch], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        story.append(table)
    # the sections
    for s in detail.sections:
        story.append(Paragraph(safe_text(numbered_heading(s.position, s.heading)), st["heading"]))
        story.extend(body_flowables(s.body, st))
    # schools and services
    if detail.sites:
        story.append(CondPageBreak(1.2 * inch))
        story.append(Paragraph("SCHOOLS AND SITES COVERED", st["heading"]))
        for site in detail.sites:
            story.append(Paragraph(safe_text(site.name), st["bullet"], bulletText="•"))
    if detail.services:
        story.append(CondPageBreak(1.4 * inch))
        story.append(Paragraph("SERVICES AND HOURLY RATES", st["heading"]))
        widths = [WIDTH * w for w in (0.28, 0.27, 0.13, 0.32)]
        story.append(
            data_table(
                ["Service", "Provided by", "Rate per hour", "Rules"],
                [[s.service_label, s.provider_name,
                  _money(s.hourly_rate_cents) if s.hourly_rate_cents else ("in kind" if s.in_kind else "no charge"),
                  s.rules_text or "—"] for s in detail.services],
                widths,
            )
        )
        story.append(Spacer(1, 4))
    if detail.overtime_rules.strip():
        story.append(Paragraph("OVERTIME", st["heading"]))
        story.extend(body_flowables(detail.overtime_rules, st))
    # signatures
    closing: list[Flowable] = [
        Spacer(1, 10),
        Paragraph("IN WITNESS WHEREOF, the parties have caused this Agreement to be signed by their authorized "
                  "officers on the dates written below.", st["body"]),
    ]
    if detail.witness_lines:
        closing.append(Paragraph("Signed, sealed and delivered in the presence of:", st["body"]))
    closing.append(Spacer(1, 10))
    story.append(CondPageBreak(3.3 * inch))
    story.extend(closing)
    col_w = (WIDTH - 0.5 * inch) / 2
    blocks = [
        _signature_block(sig, col_w, st, signed=signed, art=art.get(sig.id), witness=detail.witness_lines,
                         layout=layout)
        for sig in detail.signatories
    ]
    if not blocks:
        story.append(Paragraph("(No signatories are named yet.)", st["body"]))
    for i in range(0, len(blocks), 2):
        pair = blocks[i:i + 2]
        if len(pair) == 1:
            pair.append([])
        table = Table([[pair[0], "", pair[1]]], colWidths=[col_w, 0.5 * inch, col_w], hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 18)]))
        story.append(KeepTogether([table]))
    if signed:
        executed = detail.executed_on or max((s.signed_on for s in detail.signatories if s.signed_on), default=None)
        text = (f"Executed on {long_date(detail.executed_on)}." if detail.executed_on
                else f"Signatures recorded so far; last signed on {long_date(executed)}. Not yet executed.")
        story.append(Spacer(1, 4))
        story.append(Paragraph(f"<b>{safe_text(text)}</b>", st["body"]))
    fp_text = f"SHA-256 fingerprint of the agreement text: {fingerprint}"
    left = f"{detail.document_number} · Version {detail.version_no}"
    if signed:
        left += " · signed copy"
    if printed_on:
        left += f" · printed {printed_on:%d %b %Y}"
    watermark = "DRAFT" if detail.status == "draft" else ""
    canvas = _footer_canvas(left, fp_text, detail.title, watermark)
    layout.pages = _build(out, story, title=f"{detail.title} ({detail.document_number})",
                          subject=detail.parties_text, canvas=canvas)
    return layout


def build_termination_notice(
    out: Path | str | BinaryIO,
    detail: VersionDetail,
    *,
    sender: SignatoryData | None,
    printed_on: dt.date | None = None,
) -> int:
    """The written notice of termination, as a letter from the party that gave notice to the others."""
    st = _styles()
    by = next((p for p in detail.parties if p.id == detail.termination_by_party_id), None)
    others = [p for p in detail.parties if p.id != detail.termination_by_party_id]
    story: list[Flowable] = []
    if by is not None:
        story.append(Paragraph(f"<b>{safe_text(by.name)}</b>", ParagraphStyle(
            "lh", parent=st["title"], fontSize=14, leading=18, textColor=HEADER_BLUE)))
        if by.address:
            story.append(Paragraph(safe_text(by.address, newlines=True).replace("<br/>", " · "), st["docno"]))
    story.append(Spacer(1, 18))
    story.append(Paragraph(safe_text(long_date(detail.termination_notice_on)), st["letter"]))
    for p in others:
        lines = safe_text(p.name) + (f"<br/>{safe_text(p.address, newlines=True)}" if p.address else "")
        story.append(Paragraph(lines, ParagraphStyle("addr", parent=st["letter"], alignment=0)))
    story.append(Spacer(1, 8))
    story.append(Paragraph(
        f"<b>Re: Written notice of termination — {safe_text(detail.title)} ({safe_text(detail.document_number)})"
        "</b>", ParagraphStyle("re", parent=st["letter"], alignment=0)))
    effective_since = f", executed on {long_date(detail.executed_on)}" if detail.executed_on else ""
    story.append(Paragraph(safe_text(
        f"In accordance with the term of the agreement between {detail.parties_text}{effective_since}, "
        f"{by.name if by else 'the undersigned party'} gives written notice that it terminates the agreement."
    ), st["letter"]))
    story.append(Paragraph(safe_text(
        f"The agreement requires {detail.notice_days} days' written notice. This notice is dated "
        f"{long_date(detail.termination_notice_on)}; the agreement therefore ends on "
        f"{long_date(detail.termination_effective_on)}. Until then both parties continue to perform it."
    ), st["letter"]))
    story.append(Paragraph("Please acknowledge receipt of this notice.", st["letter"]))
    story.append(Spacer(1, 14))
    story.append(Paragraph("Sincerely,", st["letter"]))
    story.append(Spacer(1, 34))
    story.append(_Line(3.2 * inch))
    if sender is not None:
        story.append(Paragraph(f"<b>{safe_text(sender.name)}</b>", st["block"]))
        story.append(Paragraph(safe_text(sender.title), st["block"]))
        story.append(Paragraph(safe_text(sender.organization), st["block"]))
    left = f"{detail.document_number} · notice of termination"
    if printed_on:
        left += f" · printed {printed_on:%d %b %Y}"
    canvas = _footer_canvas(left, f"Agreement fingerprint (SHA-256): {detail.fingerprint or '—'}",
                            f"Notice of termination: {detail.title}", "")
    return _build(out, story, title=f"Notice of termination: {detail.title}", subject=detail.parties_text,
                  canvas=canvas)
