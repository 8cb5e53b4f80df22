"""Section IX documents: the quarterly data report and the Collaboration Team's annual report.

Every count printed here comes out of ``services.oversight.PublishedPeriod`` already suppressed: a cell from 1 to
k-1 prints as "<k", a complementary cell as "*"; charts leave hidden cells out and their value axis steps in
multiples of k, so no small count is printed anywhere, not even as an axis label.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from sharedsvc_desktop.documents.base import (
    FONT,
    FONT_BOLD,
    GRID,
    HEADER_BLUE,
    MUTED,
    build_pdf,
    content_width,
    data_table,
    safe_text,
    styles,
)
from sharedsvc_desktop.services.suppression import COMPLEMENT_MARK, small_mark

NOT_REPORTED = "not reported"
NO_DATA = "—"
SERIES_COLORS = [
    colors.HexColor("#1F3A5F"),
    colors.HexColor("#4F81BD"),
    colors.HexColor("#9BBB59"),
    colors.HexColor("#F79646"),
    colors.HexColor("#8064A2"),
    colors.HexColor("#4BACC6"),
]


# ---------------------------------------------------------------------------------------------------- helpers


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(safe_text(text, newlines=True), getattr(styles(), style))


def _heading(text: str, space: float = 90) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page."""
    return [CondPageBreak(space), Paragraph(safe_text(text), styles().heading)]


def _right(table: Table, first_col: int) -> Table:
    """Right-align the count columns (from ``first_col`` on)."""
    right = ParagraphStyle("ov_right", parent=styles().cell, alignment=TA_RIGHT)
    right_header = ParagraphStyle("ov_right_header", parent=styles().cell_header, alignment=TA_RIGHT)
    for r, row in enumerate(table._cellvalues):
        for c in range(first_col, len(row)):
            if isinstance(row[c], Paragraph):
                row[c].style = right_header if r == 0 else right
    return table


def _bold_last_row(table: Table) -> Table:
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, HEADER_BLUE)]))
    last = table._cellvalues[-1]
    for i, value in enumerate(last):
        if isinstance(value, Paragraph):
            last[i] = Paragraph(f"<b>{safe_text(value.getPlainText())}</b>", value.style)
    return table


def _count_table(header: list[str], rows: list[list[str]], *, label_weight: float = 2.2, width: float,
                 totals_row: bool = True) -> Table:
    n = len(header)
    unit = width / (label_weight + n - 1)
    widths = [unit * label_weight] + [unit] * (n - 1)
    table = _right(data_table(header, rows, widths), 1)
    return _bold_last_row(table) if totals_row else table


def _suppression_note(k: int) -> str:
    return (f"Counts only: no student is named or identified. Counts from 1 to {k - 1} are shown as "
            f"“{small_mark(k)}”; “{COMPLEMENT_MARK}” marks a count withheld so that a small count cannot be worked "
            f"out from the totals. Bars are left out of the charts where the count is not shown.")


def _cell_text(period: Any, measure: Any, site_id: int | None, dimension: str = "total",
               category: str = "all") -> str:
    if site_id is not None and site_id not in measure.site_ids:
        return NOT_REPORTED
    if not measure.site_ids:
        return NO_DATA
    cell = period.cell(measure.measure, site_id, dimension, category)
    return cell.text if cell is not None else NO_DATA


def _shown(period: Any, measure_code: str) -> int | None:
    cell = period.grand(measure_code)
    return None if cell is None else cell.shown


def _change(now: int | None, before: int | None) -> str:
    if now is None or before is None:
        return NO_DATA
    diff = now - before
    if diff == 0:
        return "no change"
    return f"+{diff:,}" if diff > 0 else f"−{-diff:,}"


def _axis(max_value: int, k: int) -> tuple[int, int]:
    """(top, step) of a value axis whose labels are multiples of k (so no label lies between 1 and k-1)."""
    step = k
    factors = (2, 2.5, 2)  # k, 2k, 5k, 10k, 20k, 50k...
    i = 0
    while max_value / step > 6:
        step = int(step * factors[i % 3])
        i += 1
    top = max(step, int(math.ceil(max_value / step)) * step)
    return top, step


def _wrap(text: str, chars: int) -> str:
    """A category label on at most two lines of about ``chars`` characters."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > chars:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    if len(lines) > 2:
        lines = [lines[0], " ".join(lines[1:])]
    return "\n".join(x if len(x) <= chars + 4 else x[: chars + 3] + "…" for x in lines)


def bar_chart(title: str, groups: list[str], series: list[tuple[str, list[int | None]]], *, k: int,
              width: float, height: float = 190) -> Drawing:
    """Grouped bars, one colour per series; ``None`` values (hidden or missing) draw no bar."""
    drawing = Drawing(width, height)
    drawing.add(String(4, height - 12, title, fontName=FONT_BOLD, fontSize=8.5, fillColor=HEADER_BLUE))
    values = [v for _name, data in series for v in data if v is not None]
    if not groups or not values or max(values) == 0:
        drawing.add(String(width / 2, height / 2, "No counts to chart", fontName=FONT, fontSize=10,
                           textAnchor="middle", fillColor=MUTED))
        return drawing
    legend_w = 150 if len(series) > 1 else 0
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 34
    chart.width, chart.height = width - 60 - legend_w, height - 60
    chart.data = [data for _name, data in series]
    top, step = _axis(max(values), k)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, top, step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "{:,.0f}".format
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EF")
    chart.categoryAxis.categoryNames = [_wrap(g, max(int(chart.width / len(groups) / 4.2), 8)) for g in groups]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.leading = 8
    chart.categoryAxis.strokeColor = GRID
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for i in range(len(series)):
        chart.bars[i].fillColor = SERIES_COLORS[i % len(SERIES_COLORS)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    if legend_w:
        legend = Legend()
        legend.x, legend.y = width - legend_w + 10, height - 28
        legend.fontName = FONT
        legend.fontSize = 7.5
        legend.alignment = "right"
        legend.boxAnchor = "nw"
        legend.columnMaximum = 8
        legend.dx = legend.dy = 7
        legend.colorNamePairs = [(SERIES_COLORS[i % len(SERIES_COLORS)], name[:30])
                                 for i, (name, _d) in enumerate(series)]
        drawing.add(legend)
    return drawing


# ------------------------------------------------------------------------------------------- shared sections


def _reporting_text(period: Any) -> str:
    total = len(period.schools)
    school = sum(1 for s in period.schools if "school" in period.reported.get(s.id, ()))
    police = sum(1 for s in period.schools if "police" in period.reported.get(s.id, ()))
    return (f"Figures received for {period.label}: school side from {school} of {total} schools, "
            f"police side for {police} of {total} schools.")


def summary_table(period: Any, width: float) -> Table:
    """Schools down, the total of each measure across; "All schools" last."""
    header = ["School"] + [m.short for m in period.measures]
    rows = [[s.name] + [_cell_text(period, m, s.id) for m in period.measures] for s in period.schools]
    rows.append(["All schools"] + [_cell_text(period, m, None) for m in period.measures])
    return _count_table(header, rows, width=width)


def breakdown_sections(period: Any, width: float, *, transpose: bool = False) -> list[Flowable]:
    """One table per breakdown with the totals: schools down and categories across, or (``transpose``, for a
    portrait page) categories down and schools across."""
    story: list[Flowable] = []
    names = {s.id: s.name for s in period.schools}
    for m in period.measures:
        if not m.site_ids:
            continue
        sites: list[int | None] = [*m.site_ids, None]
        for b in m.breakdowns:
            if transpose:
                header = [b.label.removeprefix("by ").capitalize()] + [names.get(s, "") for s in m.site_ids]
                header.append("All schools")
                rows = [[c.label] + [_cell_text(period, m, site, b.dimension, c.code) for site in sites]
                        for c in b.categories]
                rows.append(["Total"] + [_cell_text(period, m, site) for site in sites])
                weight = 2.0
            else:
                header = ["School"] + [c.label for c in b.categories] + ["Total"]
                rows = []
                for site in sites:
                    rows.append([names.get(site, "") if site is not None else "All schools"]
                                + [_cell_text(period, m, site, b.dimension, c.code) for c in b.categories]
                                + [_cell_text(period, m, site)])
                weight = 2.2 if len(b.categories) < 6 else 1.8
            story.append(KeepTogether([
                Paragraph(safe_text(f"{m.label} {b.label}"), styles().heading),
                _count_table(header, rows, width=width, label_weight=weight),
            ]))
    return story


# -------------------------------------------------------------------------------------------- quarterly report


def _with_count(label: str, period: Any) -> str:
    """A column heading that says how many schools reported, when not all of them did."""
    total = len(period.schools)
    reported = len([s for s in period.schools if s.id in period.reported])
    return label if reported == total else f"{label} (schools reporting: {reported}/{total})"



def build_quarterly_report(out: Path | str | BinaryIO, data: Any, *, generated_on: dt.date | None = None) -> None:
    """Write the quarterly data report (landscape Letter)."""
    today = generated_on or dt.date.today()
    q, prev, base = data.quarter, data.previous, data.baseline
    k = q.k
    width = content_width(landscape=True)
    title = f"Quarterly data report: {q.label}"
    subtitle_parts = [p for p in (data.agreement_title, data.organization) if p]
    subtitle = " · ".join(subtitle_parts + [f"printed {today:%d %B %Y}"])
    story: list[Flowable] = [_p(_suppression_note(k), "small"), Spacer(1, 4)]

    story += _heading("Summary by school")
    story.append(_p(_reporting_text(q)))
    if q.has_data:
        story.append(summary_table(q, width))
    else:
        story.append(_p(f"No figures have been entered for {q.label} yet."))

    story += _heading("Compared with the previous quarter and the baseline")
    header = ["All schools", _with_count("Baseline", base), _with_count(prev.label, prev),
              _with_count(q.label, q), "Change from previous quarter", "Change from baseline"]
    rows = []
    for m in q.measures:
        cells = [(p.grand(m.measure).text if p.grand(m.measure) is not None else NO_DATA) for p in (base, prev, q)]
        now = _shown(q, m.measure)
        rows.append([m.label, *cells, _change(now, _shown(prev, m.measure)), _change(now, _shown(base, m.measure))])
    story.append(_count_table(header, rows, width=width, label_weight=2.4, totals_row=False))
    story.append(Spacer(1, 8))
    chart_w = width
    comparison = bar_chart(
        "All schools: baseline, previous quarter, this quarter",
        [m.short for m in q.measures],
        [("Baseline", [_shown(base, m.measure) for m in q.measures]),
         (prev.label, [_shown(prev, m.measure) for m in q.measures]),
         (q.label, [_shown(q, m.measure) for m in q.measures])],
        k=k, width=chart_w, height=170,
    )
    by_school = bar_chart(
        f"By school, {q.label}",
        [s.name for s in q.schools],
        [(m.short, [(q.cell(m.measure, s.id).shown if q.cell(m.measure, s.id) is not None else None)
                    for s in q.schools]) for m in q.measures],
        k=k, width=chart_w, height=170,
    )
    story.append(KeepTogether([comparison]))
    story.append(Spacer(1, 6))
    story.append(KeepTogether([by_school]))

    if q.has_data:
        story += _heading("Breakdowns", 220)
        story += breakdown_sections(q, width)

    build_pdf(out, title=title, subtitle=subtitle, story=story, landscape=True,
              footer_left=f"Quarterly data report · {q.label} · printed {today:%d %b %Y}",
              organization=data.organization)


# ---------------------------------------------------------------------------------------------- annual report


def _hours(minutes: int) -> str:
    return f"{minutes / 60:,.2f}"


def _signatures(members: list[tuple[str, str]], width: float) -> Flowable:
    """Signature lines, two across: (name, party) each with a rule to sign on and a date."""
    st = styles()
    col = width / 2 - 10
    cells: list[list[Any]] = []
    pair: list[Any] = []
    for name, party in members:
        block = Table(
            [["", ""], [Paragraph(safe_text(f"{name}, {party}"), st.small), Paragraph("Date", st.small)]],
            colWidths=[col * 0.68, col * 0.32],
        )
        block.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black), ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
            ("TOPPADDING", (0, 0), (-1, 0), 26), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 12),
        ]))
        pair.append(block)
        if len(pair) == 2:
            cells.append(pair)
            pair = []
    if pair:
        cells.append([*pair, ""])
    table = Table(cells or [["", ""]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def build_annual_report(out: Path | str | BinaryIO, data: Any, *, generated_on: dt.date | None = None) -> None:
    """Write the Collaboration Team's annual report (portrait Letter), with signature lines."""
    today = generated_on or dt.date.today()
    st = styles()
    width = content_width()
    year = data.year
    title = f"School/Police Collaboration Team: annual report {year}"
    parties = " and ".join(p.name for p in data.parties)
    subtitle = " · ".join(p for p in (data.agreement_title, parties, f"printed {today:%d %B %Y}") if p)
    story: list[Flowable] = []

    # the team
    story += _heading("The team")
    if data.members:
        rows = [[m.name, m.title, m.party_name, f"{m.joined_on:%d %b %Y}" if m.joined_on else ""]
                for m in data.members]
        story.append(data_table(["Member", "Title", "Party", "Member since"], rows,
                                [width * 0.3, width * 0.3, width * 0.22, width * 0.18]))
    else:
        story.append(_p("No team members are recorded."))

    # activities
    story += _heading("Activities")
    met = sum(1 for q in data.quarters if q.met)
    story.append(_p(f"The team met {len(data.meetings)} time(s) in {year}. Quarters with a meeting at which at "
                    f"least two members of each party were present: {met} of {len(data.quarters)}."))
    if data.text.activities:
        story.append(_p(data.text.activities))
    else:
        story.append(_p("(The team has not yet written its account of the year's activities.)", "small"))

    story += _heading("Meetings held")
    if data.meetings:
        rows = [[f"{m.held_on:%d %b %Y}", m.location, m.presence_text,
                 "Yes" if m.quorum else "No", m.decisions or "—"] for m in data.meetings]
        story.append(data_table(["Date", "Place", "Members present", "Two of each party", "Decisions"], rows,
                                [width * 0.13, width * 0.17, width * 0.2, width * 0.12, width * 0.38]))
    else:
        story.append(_p(f"No meeting was recorded in {year}."))
    if data.quarters:
        story.append(Spacer(1, 6))
        rows = [[q.quarter, "Yes" if q.met else "No", q.text] for q in data.quarters]
        story.append(data_table(["Quarter", "Met", "Quarterly meeting"], rows,
                                [width * 0.14, width * 0.1, width * 0.76]))

    # the year's data
    period, base = data.data, data.baseline
    story += _heading(f"The year's data ({year})")
    story.append(_p(_suppression_note(period.k), "small"))
    if period.has_data:
        quarters = ", ".join(period.quarters) or "none"
        story.append(_p(f"The four quarters of {year} added up, per school (quarters with figures: {quarters})."))
        story.append(summary_table(period, width))
        story.append(Spacer(1, 6))
        rows = []
        for m in period.measures:
            cells = [(p.grand(m.measure).text if p.grand(m.measure) is not None else NO_DATA) for p in (base, period)]
            rows.append([m.label, *cells])
        story.append(_count_table(["All schools", "Baseline", str(year)], rows, width=width * 0.75,
                                  label_weight=2.6, totals_row=False))
        story.append(Spacer(1, 6))
        story.append(KeepTogether([bar_chart(
            f"All schools: baseline and {year}", [m.short for m in period.measures],
            [("Baseline", [_shown(base, m.measure) for m in period.measures]),
             (str(year), [_shown(period, m.measure) for m in period.measures])],
            k=period.k, width=width,
        )]))
        story += breakdown_sections(period, width, transpose=True)
    else:
        story.append(_p(f"No quarterly figures were entered for {year}."))

    # hours
    story += _heading("Hours delivered under the agreement")
    if data.hours:
        rows = [[h.label, f"{h.entries:,}", _hours(h.minutes)] for h in data.hours]
        rows.append(["Total", f"{sum(h.entries for h in data.hours):,}",
                     _hours(sum(h.minutes for h in data.hours))])
        story.append(_bold_last_row(_right(data_table(["Kind of work", "Entries", "Hours"], rows,
                                                      [width * 0.5, width * 0.2, width * 0.3]), 1)))
    else:
        story.append(_p(f"No hours were logged under the agreement in {year}."))

    # recommendations
    story += _heading("Recommendations")
    if data.text.recommendations:
        story.append(_p(data.text.recommendations))
    from_meetings = [m for m in data.meetings if m.recommendations]
    if from_meetings:
        story.append(_p("Recommendations recorded at the team's meetings:"))
        for m in from_meetings:
            story.append(Paragraph(f"<b>{m.held_on:%d %b %Y}</b>: {safe_text(m.recommendations, newlines=True)}",
                                   st.body))
    if not data.text.recommendations and not from_meetings:
        story.append(_p("(No recommendations recorded.)", "small"))

    # signatures
    approved = data.text.approved_on
    signers = [(m.name, m.party_name) for m in data.members]
    sign: list[Flowable] = [Paragraph("Approval", st.heading), _p(
        f"Approved by the School/Police Collaboration Team on {approved:%d %B %Y}." if approved else
        "Approved by the School/Police Collaboration Team on ______________________.")]
    if not signers:  # blank lines: two for each party
        signers = [("Name", party.short_name) for party in data.parties for _ in range(2)]
    sign.append(_signatures(signers, width))
    story.append(CondPageBreak(200))
    story.append(KeepTogether(sign))

    build_pdf(out, title=title, subtitle=subtitle, story=story,
              footer_left=f"Collaboration Team annual report {year} · printed {today:%d %b %Y}",
              organization=parties)
