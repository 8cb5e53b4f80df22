"""SRO program documents: the appointment letter, the schedule notice to the principal, the annual review form
(blank for handwriting, or filled from what was recorded)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from sharedsvc_desktop.documents.base import (
    FONT,
    GRID,
    build_pdf,
    cell,
    content_width,
    data_table,
    safe_text,
    styles,
)
from sharedsvc_desktop.services.sro import WEEKDAYS, AppointmentDetail, ReviewRow


def _d(value: dt.date | None, empty: str = "—") -> str:
    return f"{value:%d %B %Y}" if value else empty


def _p(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped here)."""
    return Paragraph(safe_text(text, newlines=True), getattr(styles(), style))


def _facts(rows: list[tuple[str, str]]) -> Table:
    """A two-column "label: value" block without a grid."""
    st = styles()
    width = content_width()
    data = [[Paragraph(f"<b>{safe_text(k)}</b>", st.body), cell(v, st.body)] for k, v in rows]
    table = Table(data, colWidths=[width * 0.3, width * 0.7], hAlign="LEFT", splitInRow=30)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _signature(lines: list[tuple[str, str]]) -> Flowable:
    """Signature lines: (name, title) each with a rule to sign on and a date."""
    st = styles()
    width = content_width()
    data: list[list[object]] = []
    for name, title in lines:
        data.append(["", "", ""])
        data.append([Paragraph(safe_text(f"{name}, {title}".strip(", ")), st.small), "",
                     Paragraph("Date", st.small)])
    table = Table(data, colWidths=[width * 0.55, width * 0.1, width * 0.35], rowHeights=None, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    for i in range(0, len(data), 2):
        commands += [("LINEBELOW", (0, i), (0, i), 0.6, colors.black), ("LINEBELOW", (2, i), (2, i), 0.6,
                                                                        colors.black),
                     ("TOPPADDING", (0, i), (-1, i), 22)]
    table.setStyle(TableStyle(commands))
    return KeepTogether([table])


def _schedule_table(detail: AppointmentDetail) -> Flowable:
    if not detail.duties:
        return _p("No weekly duty schedule has been set yet.")
    rows = [
        [WEEKDAYS[d.weekday], f"{d.start_time:%H:%M}", f"{d.end_time:%H:%M}", f"{d.minutes / 60:.2f}"]
        for d in detail.duties
    ]
    total = sum(d.minutes for d in detail.duties)
    rows.append(["Total per week", "", "", f"{total / 60:.2f}"])
    width = content_width()
    return data_table(["Day", "Starts", "Ends", "Hours"], rows, [width * 0.4, width * 0.2, width * 0.2, width * 0.2])


def build_appointment_letter(
    out: Path | str | BinaryIO,
    detail: AppointmentDetail,
    *,
    police: str = "",
    district: str = "",
    generated_on: dt.date | None = None,
) -> None:
    a = detail.appointment
    today = generated_on or dt.date.today()
    by = f"{a.appointed_by_name}, {a.appointed_by_title}".strip(", ") or "the Chief of Police"
    supt = f"{a.superintendent_name}, {a.superintendent_title}".strip(", ") or "the Superintendent of Schools"
    story: list[Flowable] = [
        _p(f"{today:%d %B %Y}"),
        Spacer(1, 6),
        _p(f"To: {a.officer_rank} {a.officer_name}, badge {a.badge_number}"),
        _p(f"Copies: {supt}; {a.principal_name or 'the principal'}, principal of {a.site_name}"),
        Spacer(1, 8),
        _p(f"Dear {a.officer_rank} {a.officer_name.split(' ')[-1]},"),
        _p(
            f"You are appointed School Resource Officer at {a.site_name} for the {a.school_year} school year, "
            f"from {_d(a.start_date)} to {_d(a.end_date, 'further notice')}. The appointment is made by {by}, "
            f"in consultation and agreement with {supt}, who agreed on {_d(a.superintendent_agreed_on)}."
        ),
        _p(
            "You remain an employee of the police department and subject to its administration, supervision and "
            "control. While acting as SRO you take direction from the school administration, except in the "
            "performance of law-enforcement duties, where department protocol applies. Please tell the "
            "principal your work schedule; it is set out below."
        ),
        Paragraph("Appointment", styles().heading),
        _facts([
            ("School", a.site_name),
            ("School year", a.school_year),
            ("First day", _d(a.start_date)),
            ("Last day", _d(a.end_date, "open")),
            ("Appointed by", f"{by}, on {_d(a.appointed_on)}"),
            ("Superintendent's agreement", f"{supt}, on {_d(a.superintendent_agreed_on)}"),
            *([("Agreement", a.agreement_number)] if a.agreement_number else []),
            *([("Eligibility override", a.eligibility_override_reason)] if a.eligibility_override_reason else []),
        ]),
        Paragraph("Weekly duty schedule (local time)", styles().heading),
        _schedule_table(detail),
        Spacer(1, 6),
        _p("An annual review of the SRO's work is held with the school administration and the Chief of Police or "
           "designee; the school administration sends its written report to the Chief.", "small"),
        _signature([(a.appointed_by_name or "", a.appointed_by_title or "Chief of Police")]),
    ]
    build_pdf(
        out,
        title="School Resource Officer appointment",
        subtitle=f"{a.officer_name} · {a.site_name} · {a.school_year}",
        story=story,
        footer_left=f"SRO appointment no. {a.id} · {police + ' · ' if police else ''}printed {today:%d %b %Y}",
        organization=police,
    )


def build_schedule_notice(
    out: Path | str | BinaryIO,
    detail: AppointmentDetail,
    *,
    police: str = "",
    district: str = "",
    generated_on: dt.date | None = None,
) -> None:
    a = detail.appointment
    today = generated_on or dt.date.today()
    story: list[Flowable] = [
        _p(f"{today:%d %B %Y}"),
        _p(f"To: {a.principal_name or 'The principal'}, Principal, {a.site_name}"),
        _p(f"From: {a.officer_rank} {a.officer_name}, School Resource Officer (badge {a.badge_number})"),
        Spacer(1, 6),
        _p(
            f"This is my work schedule as School Resource Officer at {a.site_name} for the {a.school_year} "
            f"school year, from {_d(a.start_date)} to {_d(a.end_date, 'further notice')}. Times are local time at "
            f"the school ({a.site_timezone}). During these hours I may be off campus for tasks my assignment "
            "requires; the department will tell you of any lasting change."
        ),
        Paragraph("Weekly duty schedule", styles().heading),
        _schedule_table(detail),
        Spacer(1, 8),
        _facts([
            ("Assigned by", f"{a.appointed_by_name}, {a.appointed_by_title}".strip(", ") or "Chief of Police"),
            ("Status", a.status_label + (f" (ended {_d(a.end_date)})" if a.status != "active" else "")),
        ]),
        _signature([(a.officer_name, "School Resource Officer")]),
    ]
    build_pdf(
        out,
        title="SRO work schedule",
        subtitle=f"{a.site_name} · {a.school_year} · {a.schedule_text}",
        story=story,
        footer_left=f"SRO schedule notice · {a.site_name} · printed {today:%d %b %Y}",
        organization=police,
    )


def _box(text: str, height: float) -> Table:
    """A ruled box to write in (blank form) or holding the text (filled form); long text splits across pages."""
    width = content_width()
    if text.strip():
        paragraphs = [[_p(part)] for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
        table = Table(paragraphs, colWidths=[width], hAlign="LEFT", splitInRow=30)
    else:
        table = Table([[""]], colWidths=[width], rowHeights=[height], hAlign="LEFT")
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))
    return table


def build_review_form(
    out: Path | str | BinaryIO,
    detail: AppointmentDetail,
    *,
    review: ReviewRow | None = None,
    police: str = "",
    district: str = "",
    generated_on: dt.date | None = None,
) -> None:
    """The annual review form; ``review=None`` leaves every answer blank to be filled in by hand."""
    a = detail.appointment
    today = generated_on or dt.date.today()
    blank = "_" * 28
    st = styles()
    attendees = review.attendees if review else ""
    story: list[Flowable] = [
        _facts([
            ("School Resource Officer", f"{a.officer_rank} {a.officer_name} (badge {a.badge_number})"),
            ("School", a.site_name),
            ("Principal", a.principal_name or blank),
            ("School year", a.school_year),
            ("Appointment", a.dates_text),
            ("Review due", f"from {_d(detail.review_due_from)}; overdue after {_d(detail.review_overdue_after)}"),
        ]),
        Paragraph("1. Review meeting", st.heading),
        _p("The school administration meets annually with the SRO and the Chief of Police or designee to discuss "
           "the SRO's job performance.", "small"),
        _facts([("Meeting date", _d(review.meeting_date) if review and review.meeting_date else blank)]),
        _p("Who attended (school administration, the SRO, the Chief of Police or designee):"),
        _box(attendees, 60),
        Paragraph("2. Written report of the school administration", st.heading),
        _box(review.report_text if review else "", 220),
    ]
    if review and review.report_filename:
        story.append(_p(f"Attached report file: {review.report_filename} ({review.report_size:,} bytes, "
                        f"SHA-256 {review.report_sha256})", "small"))
    story += [
        Paragraph("3. Sent to the Chief of Police", st.heading),
        _facts([("Date sent", _d(review.sent_to_chief_on) if review and review.sent_to_chief_on else blank)]),
        _signature([(a.principal_name or "", "Principal, for the school administration"),
                    (a.appointed_by_name, a.appointed_by_title or "Chief of Police or designee")]),
    ]
    kind = "completed" if review else "blank"
    build_pdf(
        out,
        title="SRO annual review",
        subtitle=f"{a.officer_name} · {a.site_name} · {a.school_year}" + ("" if review else " · form to complete"),
        story=story,
        footer_left=f"SRO annual review ({kind}) · appointment no. {a.id} · printed {today:%d %b %Y}",
        organization=district or police,
    )
