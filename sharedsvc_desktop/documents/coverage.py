"""Coverage documents: the week's roster (who is where, when) and an event's detail sheet for the officers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from sharedsvc_desktop.documents.base import (
    FONT,
    FONT_BOLD,
    GRID,
    build_pdf,
    cell,
    content_width,
    data_table,
    safe_text,
    styles,
)

if TYPE_CHECKING:
    from sharedsvc_desktop.services.assignments import AssignmentRow, CoverageWeek
    from sharedsvc_desktop.services.events import EventRow

ROSTER_TITLE = "Event coverage roster"
ROSTER_HEADER = ["Time", "School or site", "Event", "Officers", "Staffing"]
_ROSTER_WEIGHTS = [0.13, 0.19, 0.22, 0.32, 0.14]


def officer_line(a: AssignmentRow, event: EventRow) -> str:
    """ "Maria Alvarez (N101), supervisor, 19:00–21:00, overtime waiting for approval"."""
    parts = [f"{a.officer_name} ({a.badge_number})"]
    if a.is_supervisor:
        parts.append("supervisor")
    if not a.covers_whole_event:
        parts.append(f"{a.local_start:%H:%M}–{a.local_end:%H:%M}")
    if a.is_overtime and a.overtime_approved_at is None:
        parts.append("overtime not yet approved")
    return ", ".join(parts)


def time_text(event: EventRow) -> str:
    start, end = event.local_start, event.local_end
    text = f"{start:%H:%M}–{end:%H:%M}"
    if end.date() != start.date():
        text += f" (ends {end:%a %d %b})"
    return text + f"\n{event.minutes / 60:.2f} h"


def staffing_text(event: EventRow) -> str:
    lines = [f"{event.status_label}", f"{event.officers_assigned} of {event.officers_requested} officer"
                                   f"{'s' if event.officers_requested != 1 else ''}"]
    if event.overtime_pending:
        lines.append(f"{event.overtime_pending} overtime to approve")
    if event.supervisor_missing:
        lines.append("supervisor needed")
    return "\n".join(lines)


def build_coverage_roster(
    out: Path | str | BinaryIO,
    week: CoverageWeek,
    *,
    organization: str = "",
    generated_on: dt.date | None = None,
) -> None:
    """Write the week's coverage roster (landscape Letter): one table per day that has events."""
    st = styles()
    today = generated_on or dt.date.today()
    subtitle = f"Week of {week.week_start:%A %d %B %Y} to {week.week_end:%A %d %B %Y}"
    if organization:
        subtitle = f"{organization} · {subtitle}"
    width = content_width(landscape=True)
    widths = [w * width for w in _ROSTER_WEIGHTS]
    day_style = ParagraphStyle("day", parent=st.heading, keepWithNext=1)
    story: list = []
    if not week.items:
        story.append(Paragraph("No events need coverage this week.", st.body))
    else:
        officers = {a.officer_id for item in week.items for a in item.assignments}
        short = sum(1 for item in week.items if item.event.understaffed)
        summary = (
            f"{len(week.items)} event{'s' if len(week.items) != 1 else ''}, "
            f"{len(officers)} officer{'s' if len(officers) != 1 else ''} assigned"
            + (f", {short} not fully staffed." if short else ", all fully staffed.")
            + " Times are local to each school."
        )
        story.append(Paragraph(safe_text(summary), st.body))
        by_day: dict[dt.date, list] = {}
        for item in week.items:
            by_day.setdefault(item.event.local_start.date(), []).append(item)
        for day in sorted(by_day):
            rows = []
            for item in by_day[day]:
                e = item.event
                names = "\n".join(officer_line(a, e) for a in item.assignments) or "No officer assigned yet"
                rows.append([time_text(e), e.site_name, f"{e.title}\n{e.event_type_label}", names, staffing_text(e)])
            story.append(Paragraph(safe_text(f"{day:%A %d %B %Y}"), day_style))
            story.append(data_table(ROSTER_HEADER, rows, widths))
    build_pdf(
        out,
        title=ROSTER_TITLE,
        subtitle=subtitle,
        story=story,
        landscape=True,
        footer_left=f"{ROSTER_TITLE} · week of {week.week_start:%d %b %Y} · printed {today:%d %b %Y}",
        organization=organization,
    )


SHEET_HEADER = ["Officer", "Badge", "Role", "From", "To", "Hours", "Overtime"]
_SHEET_WEIGHTS = [0.27, 0.1, 0.13, 0.12, 0.12, 0.09, 0.17]


def build_event_sheet(
    out: Path | str | BinaryIO,
    event: EventRow,
    assignments: Sequence[AssignmentRow],
    *,
    details: dict[str, str] | None = None,
    organization: str = "",
    generated_on: dt.date | None = None,
) -> None:
    """Write one event's detail sheet (portrait Letter): where, when, who to call, and the officers on it."""
    st = styles()
    details = details or {}
    today = generated_on or dt.date.today()
    start, end = event.local_start, event.local_end
    facts = [
        ("When", f"{event.when_text} ({start.tzname()}{'/' + end.tzname() if end.tzname() != start.tzname() else ''}"
                 f", {event.minutes / 60:.2f} hours)"),
        ("Where", event.site_name + (f", {details['address']}" if details.get("address") else "")),
        ("Type", event.event_type_label),
        ("Status", event.status_label + (f": {event.decline_reason}" if event.decline_reason else "")),
        ("Expected attendance", f"{event.expected_attendance:,}" if event.expected_attendance is not None else "—"),
        ("Officers requested", f"{event.officers_requested}" + (", a supervisor required"
                                                               if event.supervisor_required else "")),
        ("Requested by", ", ".join(p for p in (event.requester_name, event.requester_contact) if p) or "—"),
        ("School contact", ", ".join(p for p in (details.get("principal", ""), details.get("site_phone", "")) if p)
         or "—"),
        ("Agreement", details.get("agreement") or "none"),
    ]
    width = content_width()
    label_style = ParagraphStyle("fact_label", parent=st.body, fontName=FONT_BOLD, spaceAfter=0)
    value_style = ParagraphStyle("fact_value", parent=st.body, fontName=FONT, spaceAfter=0)
    facts_table = Table(
        [[cell(k, label_style), cell(v, value_style)] for k, v in facts],
        colWidths=[0.25 * width, 0.75 * width],
        hAlign="LEFT",
    )
    facts_table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                    ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    )
    story: list = [facts_table]
    if event.notes:
        story += [Paragraph("Notes", st.heading), Paragraph(safe_text(event.notes, newlines=True), st.body)]
    story.append(Paragraph("Officers", st.heading))
    if not assignments:
        story.append(Paragraph("No officer is assigned yet.", st.body))
    else:
        rows = [
            [
                a.officer_name,
                a.badge_number,
                "Supervisor" if a.is_supervisor else "Officer",
                f"{a.local_start:%a %H:%M}",
                f"{a.local_end:%a %H:%M}",
                f"{a.minutes / 60:.2f}",
                ("approved" if a.overtime_approved_at else "to be approved") if a.is_overtime else "no",
            ]
            for a in assignments
        ]
        story.append(data_table(SHEET_HEADER, rows, [w * width for w in _SHEET_WEIGHTS]))
    story.append(Spacer(1, 8))
    story.append(Paragraph("Times are local to the school. Report to the school's main office on arrival.", st.small))
    build_pdf(
        out,
        title=event.title,
        subtitle=f"Event sheet · {event.site_name} · {event.when_text}",
        story=story,
        footer_left=f"Event sheet #{event.id} · printed {today:%d %b %Y}",
        organization=organization,
    )
