"""The fillable request form a school sends back, and the confirmation of what was received.

The form is one Letter page with AcroForm fields (reportlab's form support): it opens and can be filled and saved
in any common PDF reader, and it prints with visible boxes for those who fill it in by hand. The school, the
form's identifier and version and a request id (a UUID, fresh for every blank form) travel in read-only hidden
fields, which ``services.requests.read_request_form`` reads back with pypdf.

Form fields use a standard PDF font (readers fill them in with it); everything printed around them uses DejaVu.
Core-only: this module must never import Qt.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer

from sharedsvc_desktop import APP_TITLE, __version__
from sharedsvc_desktop.documents.base import (
    FONT,
    FONT_BOLD,
    GRID,
    HEADER_BLUE,
    MUTED,
    ZEBRA,
    _fit,
    _write_atomically,
    build_pdf,
    content_width,
    data_table,
    register_fonts,
    safe_text,
    styles,
)

#: What marks a PDF as our request form (hidden fields), and the layout version of its fields.
FORM_ID = "sharedsvc-event-request"
FORM_VERSION = "1"
FORM_TITLE = "Request for police event coverage"

# Field names (the PDF's /T entries). Hidden, read-only ones first.
F_FORM = "ssd_form"
F_VERSION = "ssd_form_version"
F_REQUEST_ID = "ssd_request_id"
F_SITE_ID = "ssd_site_id"
F_SITE_NAME = "ssd_site_name"
F_SCHOOL = "school"
F_CONTACT_NAME = "contact_name"
F_CONTACT = "contact"
F_EVENT_TYPE = "event_type"
F_TITLE = "event_name"
F_DATE = "date"
F_START = "start_time"
F_END = "end_time"
F_ATTENDANCE = "expected_attendance"
F_OFFICERS = "officers_requested"
F_SUPERVISOR = "supervisor_needed"
F_REPEAT_UNTIL = "repeat_until"
F_EXCEPT = "except_dates"
F_NOTES = "notes"

#: The export value of the "supervisor needed" checkbox when ticked.
CHECKED = "Yes"

PAGE_W, PAGE_H = LETTER
LEFT = 42.0
RIGHT = PAGE_W - 42.0
WIDTH = RIGHT - LEFT

INK = colors.HexColor("#1B1B1B")
BOX_BORDER = colors.HexColor("#4F5F75")
BOX_FILL = colors.white
FIELD_FONT = "Helvetica"


@dataclass(frozen=True)
class RequestFormInfo:
    """Everything printed on one blank form."""

    request_id: str
    site_id: int
    site_name: str
    site_details: str  # level and district, one line
    contact_name: str
    contact_phone: str
    contact_email: str
    event_types: Sequence[str]  # labels, in the order the program lists them
    send_to_name: str
    send_to_lines: Sequence[str] = ()  # address, phone, e-mail
    generated_on: dt.date = field(default_factory=dt.date.today)


_PLAIN_LETTERS = str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h",
                                "ı": "i", "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def field_safe(text: str) -> str:
    """``text`` that a standard-font form field can show (accents kept where Windows-1252 has them)."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            ch = ch.translate(_PLAIN_LETTERS)
            plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
            out.append(plain or "?")
    return "".join(out)


class _Form:
    """Drawing helpers: labels in DejaVu, boxes as AcroForm fields with a visible border for printing."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.form = canvas.acroForm

    def label(self, x: float, y: float, text: str, *, hint: str = "", size: float = 8.5) -> None:
        c = self.c
        c.setFont(FONT_BOLD, size)
        c.setFillColor(INK)
        c.drawString(x, y, text)
        if hint:
            w = stringWidth(text, FONT_BOLD, size)
            c.setFont(FONT, size - 1)
            c.setFillColor(MUTED)
            c.drawString(x + w + 4, y, hint)

    def text(
        self,
        name: str,
        x: float,
        y: float,
        w: float,
        h: float = 21,
        *,
        tooltip: str,
        value: str = "",
        multiline: bool = False,
        maxlen: int | None = 200,
        font_size: float = 10,
        read_only: bool = False,
    ) -> None:
        flags = []
        if multiline:
            flags.append("multiline")
        if read_only:
            flags.append("readOnly")
        self.form.textfield(
            name=name, tooltip=tooltip, value=field_safe(value), x=x, y=y, width=w, height=h,
            borderStyle="solid", borderWidth=0.8, borderColor=BOX_BORDER, fillColor=BOX_FILL, textColor=INK,
            fontName=FIELD_FONT, fontSize=font_size, maxlen=maxlen, fieldFlags=" ".join(flags),
            annotationFlags="print", forceBorder=True,
        )

    def hidden(self, name: str, value: str) -> None:
        """A read-only field no reader shows or prints, holding one of our identifiers."""
        self.form.textfield(
            name=name, tooltip=name, value=value, x=LEFT, y=20, width=60, height=10, maxlen=None,
            borderWidth=0, fieldFlags="readOnly", annotationFlags="hidden", fontName=FIELD_FONT, fontSize=6,
        )

    def section(self, y: float, number: str, title: str, note: str = "") -> None:
        c = self.c
        c.setFillColor(HEADER_BLUE)
        c.rect(LEFT, y - 4, WIDTH, 17, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(FONT_BOLD, 10)
        c.drawString(LEFT + 6, y + 1, f"{number}   {title}")
        if note:
            c.setFont(FONT, 8)
            c.drawRightString(RIGHT - 6, y + 1.5, note)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if stringWidth(trial, font, size) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _draw_lines(c: Canvas, x: float, y: float, lines: Sequence[tuple[str, str]], size: float, lead: float) -> float:
    """Draw (font, text) lines downward from ``y``; returns the y below the last one."""
    for font, text in lines:
        c.setFont(font, size)
        c.drawString(x, y, text)
        y -= lead
    return y


def build_request_form(out: Path | str | BinaryIO, info: RequestFormInfo) -> None:
    """Write the blank, fillable request form for one school (one Letter page)."""
    register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=LETTER, initialFontName=FONT, initialFontSize=10)
    c.setTitle(f"{FORM_TITLE}: {info.site_name}")
    c.setSubject(f"{FORM_ID} v{FORM_VERSION} {info.request_id}")
    c.setAuthor(info.send_to_name or APP_TITLE)
    c.setCreator(f"{APP_TITLE} {__version__}")
    f = _Form(c)

    # ---- title
    y = PAGE_H - 50
    c.setFillColor(HEADER_BLUE)
    c.setFont(FONT_BOLD, 17)
    c.drawString(LEFT, y, _fit(FORM_TITLE, FONT_BOLD, 17, WIDTH - 100))
    c.setFont(FONT, 8)
    c.setFillColor(MUTED)
    c.drawRightString(RIGHT, y + 6, f"Form ER-{FORM_VERSION}")
    c.drawRightString(RIGHT, y - 4, f"Printed {info.generated_on:%b %d, %Y}")
    y -= 17
    c.setFont(FONT, 10)
    c.setFillColor(INK)
    to = info.send_to_name or "the police department"
    c.drawString(LEFT, y, _fit(f"To: {to}", FONT, 10, WIDTH))

    # ---- instructions
    y -= 12
    send = ", ".join(s for s in info.send_to_lines if s)
    parts = [
        (FONT_BOLD, "How to fill it in"),
        (FONT, "On a computer: open this file in a PDF reader (Adobe Acrobat Reader, Microsoft Edge, Chrome, "
               "Firefox, Preview), type in the boxes, then save it. On paper: print it and write clearly in the "
               "boxes."),
        (FONT_BOLD, "Where to send it"),
        (FONT, f"{to}{': ' + send if send else ''}. Please send the saved PDF file itself (not a scan or a "
               "photo): it is read in automatically. Send it as early as you can; one form per event or weekly "
               "series."),
    ]
    text_w = WIDTH - 16
    lines: list[tuple[str, str]] = []
    for font, text in parts:
        for line in _wrap(text, font, 8.5, text_w):
            lines.append((font, line))
    box_h = len(lines) * 11 + 10
    c.setFillColor(ZEBRA)
    c.setStrokeColor(GRID)
    c.setLineWidth(0.6)
    c.roundRect(LEFT, y - box_h, WIDTH, box_h, 4, stroke=1, fill=1)
    c.setFillColor(INK)
    _draw_lines(c, LEFT + 8, y - 13, lines, 8.5, 11)
    y -= box_h + 24

    # ---- 1 school
    f.section(y, "1", "School")
    y -= 20
    f.label(LEFT, y, "School")
    c.setFont(FONT_BOLD, 12)
    c.setFillColor(INK)
    name_lines = _wrap(info.site_name, FONT_BOLD, 12, WIDTH * 0.55)
    if len(name_lines) > 2:
        name_lines = [name_lines[0], _fit(" ".join(name_lines[1:]), FONT_BOLD, 12, WIDTH * 0.55)]
    sy = y - 16
    for line in name_lines:
        c.drawString(LEFT, sy, _fit(line, FONT_BOLD, 12, WIDTH * 0.55))
        sy -= 14
    if info.site_details:
        c.setFont(FONT, 8.5)
        c.setFillColor(MUTED)
        c.drawString(LEFT, sy + 2, _fit(info.site_details, FONT, 8.5, WIDTH * 0.55))
    half = WIDTH * 0.58
    col2 = LEFT + half + 10
    f.label(col2, y, "Contact name", hint="who the police can call about it")
    f.text(F_CONTACT_NAME, col2, y - 26, RIGHT - col2, tooltip="Contact name", value=info.contact_name)
    y -= 42
    contact = " / ".join(s for s in (info.contact_phone, info.contact_email) if s)
    f.label(col2, y, "Phone or e-mail")
    f.text(F_CONTACT, col2, y - 26, RIGHT - col2, tooltip="Contact phone or e-mail", value=contact)
    y -= 50

    # ---- 2 event
    f.section(y, "2", "The event")
    y -= 20
    type_w = 170.0
    f.label(LEFT, y, "Type of event")
    options = [" "] + [field_safe(t) for t in info.event_types]  # reportlab needs a value: a blank one
    f.form.choice(
        name=F_EVENT_TYPE, tooltip="Type of event", value=" ", options=options, x=LEFT, y=y - 26, width=type_w,
        height=21, borderStyle="solid", borderWidth=0.8, borderColor=BOX_BORDER, fillColor=BOX_FILL,
        textColor=INK, fontName=FIELD_FONT, fontSize=10, fieldFlags="combo", annotationFlags="print",
        forceBorder=True,
    )
    name_x = LEFT + type_w + 12
    f.label(name_x, y, "Name of the event", hint="e.g. Football vs. Hall High")
    f.text(F_TITLE, name_x, y - 26, RIGHT - name_x, tooltip="Name of the event", maxlen=300)
    c.setFont(FONT, 7.5)
    c.setFillColor(MUTED)
    type_lines = _wrap("On paper, write one of: " + ", ".join(info.event_types) + ".", FONT, 7.5, WIDTH)
    yy = y - 36
    for line in type_lines[:2]:
        c.drawString(LEFT, yy, line)
        yy -= 9
    y -= 36 + 9 * min(len(type_lines), 2) + 12

    col_w = (WIDTH - 3 * 12) / 4
    xs = [LEFT + i * (col_w + 12) for i in range(4)]
    f.label(xs[0], y, "Date", hint="MM/DD/YYYY")
    f.text(F_DATE, xs[0], y - 26, col_w, tooltip="Date of the event, MM/DD/YYYY", maxlen=40)
    f.label(xs[1], y, "Start time", hint="e.g. 6:30 PM")
    f.text(F_START, xs[1], y - 26, col_w, tooltip="Start time, for example 6:30 PM", maxlen=30)
    f.label(xs[2], y, "End time", hint="e.g. 9:00 PM")
    f.text(F_END, xs[2], y - 26, col_w, tooltip="End time, for example 9:00 PM (write 'next day' after midnight)",
           maxlen=30)
    f.label(xs[3], y, "Expected attendance")
    f.text(F_ATTENDANCE, xs[3], y - 26, col_w, tooltip="Expected attendance (number of people)", maxlen=20)
    c.setFont(FONT, 7.5)
    c.setFillColor(MUTED)
    c.drawString(xs[2], y - 36, "Past midnight? Write “next day” after the time.")
    y -= 52
    f.label(xs[0], y, "Officers requested", hint="if unsure, leave blank")
    f.text(F_OFFICERS, xs[0], y - 26, col_w, tooltip="Number of officers requested", maxlen=10)
    f.form.checkbox(
        name=F_SUPERVISOR, tooltip="A supervisor is needed", checked=False, buttonStyle="check", shape="square",
        x=xs[1], y=y - 25, size=18, borderWidth=0.8, borderColor=BOX_BORDER, fillColor=BOX_FILL, textColor=INK,
        fieldFlags="", annotationFlags="print", forceBorder=True,
    )
    f.label(xs[1] + 24, y - 13, "A supervisor (sergeant or above) is needed")
    c.setFont(FONT, 7.5)
    c.setFillColor(MUTED)
    c.drawString(xs[1] + 24, y - 23, "for large crowds or several officers")
    y -= 50

    # ---- 3 weekly series
    f.section(y, "3", "Repeats every week", note="optional: leave blank for a single event")
    y -= 16
    c.setFont(FONT, 8.5)
    c.setFillColor(INK)
    c.drawString(LEFT, y - 4, _fit("For an event on the same weekday and times every week (a season of home games). "
                                   "The date above is the first date.", FONT, 8.5, WIDTH))
    y -= 20
    f.label(LEFT, y, "Repeat every week until", hint="MM/DD/YYYY")
    f.text(F_REPEAT_UNTIL, LEFT, y - 26, col_w + 40, tooltip="Last date of the weekly series, MM/DD/YYYY",
           maxlen=40)
    ex_x = LEFT + col_w + 52
    f.label(ex_x, y, "Except these dates", hint="no event that week, e.g. 10/09/2026, 11/27/2026")
    f.text(F_EXCEPT, ex_x, y - 26, RIGHT - ex_x, tooltip="Dates to leave out, separated by commas", maxlen=600)
    y -= 50

    # ---- 4 notes
    f.section(y, "4", "Notes for the police")
    y -= 18
    c.setFont(FONT, 8.5)
    c.setFillColor(INK)
    c.drawString(LEFT, y - 2, "Where to report, parking, entrances, the opposing team, anything the officers "
                              "should know.")
    # the notes box takes the room left above the police-use box (which sits just above the footer)
    police_top = 96.0
    notes_h = max(y - 8 - (police_top + 14), 60.0)
    f.text(F_NOTES, LEFT, y - 8 - notes_h, WIDTH, notes_h, tooltip="Notes for the police", multiline=True,
           maxlen=4000)
    y = police_top - 8

    # ---- police use
    c.setStrokeColor(BOX_BORDER)
    c.setDash(3, 2)
    c.setLineWidth(0.6)
    c.rect(LEFT, y - 26, WIDTH, 34, stroke=1, fill=0)
    c.setDash()
    c.setFont(FONT_BOLD, 8)
    c.setFillColor(MUTED)
    c.drawString(LEFT + 6, y - 3, "For police use")
    c.setFont(FONT, 8)
    labels = ["Received", "Event no.", "Approved / declined", "Initials"]
    px = [LEFT + 6, LEFT + 140, LEFT + 270, LEFT + 430]
    for x, text in zip(px, labels, strict=True):
        c.drawString(x, y - 19, text)
        w = stringWidth(text, FONT, 8)
        c.line(x + w + 4, y - 20, x + w + (70 if text != "Initials" else 50), y - 20)

    # ---- footer
    c.setStrokeColor(GRID)
    c.setLineWidth(0.5)
    c.line(LEFT, 40, RIGHT, 40)
    c.setFont(FONT, 7)
    c.setFillColor(MUTED)
    c.drawString(LEFT, 30, _fit(f"Request {info.request_id} · {FORM_ID} v{FORM_VERSION} · "
                                f"{info.site_name}", FONT, 7, WIDTH - 70))
    c.drawRightString(RIGHT, 30, "Page 1 of 1")

    # ---- our identifiers (hidden, read-only)
    f.hidden(F_FORM, FORM_ID)
    f.hidden(F_VERSION, FORM_VERSION)
    f.hidden(F_REQUEST_ID, info.request_id)
    f.hidden(F_SITE_ID, str(info.site_id))
    f.hidden(F_SITE_NAME, field_safe(info.site_name))
    f.hidden(F_SCHOOL, field_safe(info.site_name))
    c.showPage()
    c.save()
    _emit(out, _finish(buffer.getvalue()))


def _finish(data: bytes) -> bytes:
    """Give the checkbox a font readers can redraw it with (ZapfDingbats, as /ZaDb in the form's resources):
    reportlab leaves it out, and a reader that redraws the fields would otherwise complain."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    form = writer._root_object["/AcroForm"]
    fonts = form["/DR"]["/Font"]
    zadb = DictionaryObject({
        NameObject("/Type"): NameObject("/Font"),
        NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/ZapfDingbats"),
        NameObject("/Name"): NameObject("/ZaDb"),
    })
    fonts[NameObject("/ZaDb")] = writer._add_object(zadb)
    for annot in writer.pages[0].get("/Annots", []):
        widget = annot.get_object()
        if widget.get("/FT") == "/Btn":
            widget[NameObject("/DA")] = TextStringObject("/ZaDb 0 Tf 0 g")
    result = io.BytesIO()
    writer.write(result)
    return result.getvalue()


def _emit(out: Path | str | BinaryIO, data: bytes) -> None:
    if isinstance(out, str | os.PathLike):
        _write_atomically(Path(out), data)
    else:
        out.write(data)


# ------------------------------------------------------------------------------------------------ confirmation


@dataclass(frozen=True)
class ConfirmationLine:
    event_id: int
    when: str
    title: str
    type_label: str
    officers: str
    status: str


@dataclass(frozen=True)
class ConfirmationInfo:
    request_id: str
    site_name: str
    requester_name: str
    requester_contact: str
    received_on: str
    from_name: str
    series_rule: str
    lines: Sequence[ConfirmationLine]
    notes: str = ""
    generated_on: dt.date = field(default_factory=dt.date.today)


def build_request_confirmation(out: Path | str | BinaryIO, info: ConfirmationInfo) -> None:
    """A printable receipt: what the police received from the school, and where each event stands."""
    st = styles()
    n = len(info.lines)
    intro = (
        f"{info.from_name or 'The police department'} received the request below from "
        f"{info.site_name} on {info.received_on}. "
        + ("Events marked Requested wait for the scheduler's approval; you will be told when they are approved "
           "or if they cannot be covered." if any(line.status == "Requested" for line in info.lines) else "")
    )
    story = [Paragraph(safe_text(intro), st.body), Spacer(1, 6)]
    facts = [
        ["School", info.site_name],
        ["Requested by", info.requester_name or "(not given)"],
        ["Contact", info.requester_contact or "(not given)"],
        ["Received", info.received_on],
        ["Request id", info.request_id],
    ]
    if info.series_rule:
        facts.append(["Repeats", info.series_rule])
    if info.notes:
        facts.append(["Notes", info.notes])
    width = content_width()
    story.append(data_table(["Item", "Received"], facts, [width * 0.2, width * 0.8]))
    story.append(Paragraph(safe_text(f"{n} event{'s' if n != 1 else ''}"), st.heading))
    rows = [[str(line.event_id), line.when, line.title, line.type_label, line.officers, line.status]
            for line in info.lines]
    story.append(data_table(["Event no.", "When", "Event", "Type", "Officers", "Status"], rows,
                            [width * w for w in (0.1, 0.27, 0.23, 0.14, 0.12, 0.14)]))
    story.append(Spacer(1, 10))
    story.append(Paragraph(safe_text("Please quote the event number when you call about an event."), st.small))
    build_pdf(out, title="Request received", subtitle=f"{info.site_name} · {n} event{'s' if n != 1 else ''}",
              story=story, footer_left=f"{APP_TITLE} · printed {info.generated_on:%b %d, %Y}",
              organization=info.from_name)
