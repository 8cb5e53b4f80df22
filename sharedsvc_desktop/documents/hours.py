"""Printed documents about hours and value: the hours report, the ledger statement, the invoice."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

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

if TYPE_CHECKING:
    from sharedsvc_desktop.services.hours import HoursSummary, Total
    from sharedsvc_desktop.services.ledger import InvoiceDetail, Ledger

KIND_COLORS = {
    "event_coverage": colors.HexColor("#1F3A5F"),
    "building_patrol": colors.HexColor("#4F81BD"),
    "sro_duty": colors.HexColor("#9BBB59"),
    "it_service": colors.HexColor("#F79646"),
    "other": colors.HexColor("#8064A2"),
}


def _hours(minutes: int) -> str:
    return f"{minutes / 60:,.2f}"


def money(cents: int) -> str:
    sign = "−" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}${cents // 100:,}.{cents % 100:02d}"


def _period(date_from: dt.date | None, date_to: dt.date | None) -> str:
    if date_from and date_to:
        return f"{date_from:%d %b %Y} to {date_to:%d %b %Y}"
    if date_from:
        return f"from {date_from:%d %b %Y}"
    if date_to:
        return f"up to {date_to:%d %b %Y}"
    return "all dates"


def _right(table: Table, columns: list[int]) -> Table:
    """Right-align numeric columns (the cells are Paragraphs, so their style's alignment is set)."""
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    right = ParagraphStyle("cell_right", parent=styles().cell, alignment=TA_RIGHT)
    right_header = ParagraphStyle("cell_header_right", parent=styles().cell_header, alignment=TA_RIGHT)
    for r, row in enumerate(table._cellvalues):
        for c in columns:
            cell_value = row[c]
            if isinstance(cell_value, Paragraph):
                cell_value.style = right_header if r == 0 else right
    return table


def _bold_last_row(table: Table) -> Table:
    """A rule above the last row (the totals), whose text is bold."""
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, HEADER_BLUE)]))
    last = table._cellvalues[-1]
    for i, cell_value in enumerate(last):
        if isinstance(cell_value, Paragraph):
            last[i] = Paragraph(f"<b>{safe_text(cell_value.getPlainText())}</b>", cell_value.style)
    return table


def _totals_table(title: str, totals: list[Total], grand_minutes: int, grand_entries: int, width: float) -> list[Any]:
    rows: list[list[Any]] = [[t.label, f"{t.entries:,}", _hours(t.minutes),
                              f"{(100 * t.minutes / grand_minutes) if grand_minutes else 0:.1f}%"] for t in totals]
    rows.append(["Total", f"{grand_entries:,}", _hours(grand_minutes), "100.0%" if grand_minutes else "0.0%"])
    widths = [width * 0.55, width * 0.13, width * 0.16, width * 0.16]
    table = _bold_last_row(_right(data_table([title, "Entries", "Hours", "Share"], rows, widths), [1, 2, 3]))
    return [Paragraph(safe_text(f"By {title.lower()}"), styles().heading), table]


def month_chart(kinds_by_month: dict[str, dict[str, int]], width: float, height: float = 200) -> Drawing:
    """Stacked bars: hours per month, one colour per kind of work, with a legend."""
    from sharedsvc_desktop.services.hours import KINDS

    months = sorted(kinds_by_month)
    kinds = [k for k in KINDS if any(kinds_by_month[m].get(k) for m in months)]
    drawing = Drawing(width, height)
    if not months or not kinds:
        drawing.add(String(width / 2, height / 2, "No hours in this period", fontName=FONT, fontSize=10,
                           textAnchor="middle", fillColor=MUTED))
        return drawing
    chart = VerticalBarChart()
    chart.x, chart.y = 45, 40
    chart.width, chart.height = width - 190, height - 60
    chart.data = [[round(kinds_by_month[m].get(k, 0) / 60, 2) for m in months] for k in kinds]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [dt.date.fromisoformat(f"{m}-01").strftime("%b %y") for m in months]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(months) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(months) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.strokeColor = GRID
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E8EF")
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.strokeColor = GRID
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, k in enumerate(kinds):
        chart.bars[i].fillColor = KIND_COLORS.get(k, colors.grey)
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    drawing.add(String(8, height - 12, "Hours per month", fontName=FONT_BOLD, fontSize=8, fillColor=HEADER_BLUE))
    legend = Legend()
    legend.x, legend.y = width - 135, height - 30
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 6
    legend.colorNamePairs = [(KIND_COLORS.get(k, colors.grey), KINDS.get(k, k)) for k in kinds]
    drawing.add(legend)
    return drawing


def build_hours_report(
    out: Path | str | BinaryIO,
    summary: HoursSummary,
    *,
    kinds_by_month: dict[str, dict[str, int]],
    organization: str = "",
    generated_on: dt.date | None = None,
) -> None:
    st = styles()
    today = generated_on or dt.date.today()
    period = _period(summary.date_from, summary.date_to)
    width = content_width()
    story: list[Any] = []
    story.append(Paragraph(safe_text(
        f"{summary.entries:,} entries, {_hours(summary.total_minutes)} hours in all."), st.body))
    kind_bits = "; ".join(f"{t.label}: {_hours(t.minutes)} h" for t in summary.by_kind)
    if kind_bits:
        story.append(Paragraph(safe_text(kind_bits), st.body))
    story.append(Spacer(1, 6))
    story.append(month_chart(kinds_by_month, width))
    story.append(Spacer(1, 4))
    for title, totals in (("Kind", summary.by_kind), ("Month", summary.by_month), ("Person", summary.by_person),
                          ("Site", summary.by_site)):
        story.append(CondPageBreak(120))
        story.extend(_totals_table(title, totals, summary.total_minutes, summary.entries, width))
    build_pdf(
        out,
        title="Hours report",
        subtitle=f"{period} · printed {today:%d %B %Y}",
        story=story,
        footer_left=f"Hours report · {period}",
        organization=organization,
    )


def _signature_block(ledger: Ledger, width: float) -> Table:
    st = styles()
    people = ledger.signatories or []
    parties = ledger.parties or ["", ""]
    blocks: list[list[Any]] = []
    names = []
    if people:
        names = [(p.organization, p.name, p.title) for p in people]
    else:
        names = [(party, "", "") for party in parties]
    cells = []
    for org, name, title in names:
        cells.append([
            Paragraph(safe_text(org), st.cell),
            Spacer(1, 26),
            Paragraph("_" * 38, st.cell),
            Paragraph(safe_text(f"{name}, {title}" if name else "Name and title"), st.cell),
            Spacer(1, 12),
            Paragraph("Date: ____________________", st.cell),
        ])
    for i in range(0, len(cells), 2):
        pair = cells[i : i + 2]
        while len(pair) < 2:
            pair.append([""])
        blocks.append(pair)
    table = Table(blocks, colWidths=[width / 2, width / 2], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 14)]))
    return table


def build_ledger_statement(out: Path | str | BinaryIO, ledger: Ledger, *, generated_on: dt.date | None = None) -> None:
    st = styles()
    today = generated_on or dt.date.today()
    width = content_width()
    period = _period(ledger.date_from, ledger.date_to)
    story: list[Any] = []
    version = f", version {ledger.version_no}" if ledger.version_no else " (no executed version: no rates)"
    story.append(Paragraph(safe_text(f"{ledger.number}: {ledger.title}{version}"), st.body))
    if ledger.parties:
        story.append(Paragraph(safe_text("Between " + " and ".join(ledger.parties) + "."), st.body))
    story.append(Spacer(1, 4))
    summary_rows = [
        ["Police services delivered", money(ledger.police_delivered_cents)],
        ["In-kind services received", money(ledger.in_kind_received_cents)],
    ]
    if ledger.other_cents:
        summary_rows.append(["Other services", money(ledger.other_cents)])
    summary_rows.append(["Balance (police delivered − in kind received)", money(ledger.balance_cents)])
    summary_rows.append(["Avoided billing (what the school side would have been invoiced)",
                         money(ledger.avoided_billing_cents)])
    summary = _right(data_table(["Summary", "Value"], summary_rows, [width * 0.7, width * 0.3]), [1])
    summary.setStyle(TableStyle([("LINEABOVE", (0, -2), (-1, -2), 0.8, HEADER_BLUE)]))
    story.append(summary)
    story.append(Spacer(1, 6))
    story.append(Paragraph("Services by party", st.heading))
    rows = []
    for ln in ledger.lines:
        if not ln.priced:
            rate = "no rate in the agreement"
        else:
            rate = f"{money(ln.rate_cents)}/h"
            if ln.min_callout_minutes:
                rate += f", min. {ln.min_callout_minutes / 60:g} h per call-out"
        side = "in kind" if ln.in_kind else ("police" if ln.police else "other")
        label = ln.service_label if side in ln.service_label.casefold() else f"{ln.service_label} ({side})"
        rows.append([ln.provider_name, label, rate, f"{ln.entries:,}", _hours(ln.minutes),
                     _hours(ln.billed_minutes), money(ln.value_cents)])
    rows.append(["Total", "", "", f"{ledger.entries:,}", _hours(ledger.total_minutes),
                 _hours(sum(ln.billed_minutes for ln in ledger.lines)), money(ledger.total_value_cents)])
    widths = [0.2, 0.2, 0.18, 0.08, 0.1, 0.1, 0.14]
    story.append(_bold_last_row(_right(data_table(
        ["Party", "Service", "Rate and rules", "Entries", "Hours", "Billed hours", "Value"], rows,
        [w * width for w in widths]), [3, 4, 5, 6])))
    if ledger.months:
        story.append(CondPageBreak(100))
        story.append(Paragraph("By month", st.heading))
        mrows = [[m.label, _hours(m.minutes), money(m.police_cents), money(m.in_kind_cents),
                  money(m.police_cents - m.in_kind_cents)] for m in ledger.months]
        mrows.append(["Total", _hours(ledger.total_minutes), money(ledger.police_delivered_cents),
                      money(ledger.in_kind_received_cents), money(ledger.balance_cents)])
        story.append(_bold_last_row(_right(data_table(
            ["Month", "Hours", "Police services", "In kind", "Balance"], mrows,
            [width * 0.28, width * 0.14, width * 0.2, width * 0.19, width * 0.19]), [1, 2, 3, 4])))
    notes = [
        "Value = hours × the agreement's hourly rate after its rules (minimum call-out, overtime multiplier, "
        "short-notice surcharge), rounded once per entry to the cent (halves up); totals are sums of entries.",
    ]
    if ledger.unapproved_entries:
        notes.append(f"{ledger.unapproved_entries:,} of the {ledger.entries:,} entries are not approved yet.")
    if ledger.unpriced_minutes:
        notes.append(f"{_hours(ledger.unpriced_minutes)} hours are of a kind the agreement gives no rate for; "
                     "they are counted but not valued.")
    story.append(Spacer(1, 6))
    for n in notes:
        story.append(Paragraph(safe_text(n), st.small))
    story.append(CondPageBreak(170))
    story.append(KeepTogether([
        Paragraph("Signatures", st.heading),
        Paragraph("The parties have reviewed this statement and agree with it.", st.body),
        Spacer(1, 6),
        _signature_block(ledger, width),
    ]))
    build_pdf(
        out,
        title="Ledger statement",
        subtitle=f"{ledger.number} · {period} · printed {today:%d %B %Y}",
        story=story,
        footer_left=f"Ledger statement · {ledger.number} · {period}",
        organization=" · ".join(ledger.parties),
    )


def build_invoice(out: Path | str | BinaryIO, detail: InvoiceDetail, *, generated_on: dt.date | None = None) -> None:
    st = styles()
    inv = detail.invoice
    width = content_width()
    story: list[Any] = []
    head = Table(
        [[Paragraph(f"<b>From</b><br/>{safe_text(inv.from_name)}<br/>{safe_text(detail.from_address, newlines=True)}",
                    st.body),
          Paragraph(f"<b>To</b><br/>{safe_text(inv.to_name)}<br/>{safe_text(detail.to_address, newlines=True)}",
                    st.body)]],
        colWidths=[width / 2, width / 2], hAlign="LEFT",
    )
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(head)
    story.append(Spacer(1, 6))
    story.append(Paragraph(safe_text(
        f"Invoice {inv.number}, issued {inv.issued_on:%d %B %Y}, for billable hours outside any agreement "
        f"from {inv.period_start:%d %b %Y} to {inv.period_end:%d %b %Y}."), st.body))
    rows = [[f"{ln.work_date:%Y-%m-%d}", ln.person_name, ln.site_name, ln.kind_label, _hours(ln.minutes),
             money(ln.rate_cents), money(ln.amount_cents)] for ln in detail.lines]
    rows.append(["Total", "", "", "", _hours(sum(ln.minutes for ln in detail.lines)), "",
                 money(inv.total_cents)])
    widths = [0.12, 0.18, 0.24, 0.14, 0.09, 0.1, 0.13]
    story.append(_bold_last_row(_right(data_table(
        ["Date", "Person", "Site", "Kind", "Hours", "Rate/h", "Amount"], rows, [w * width for w in widths]),
        [4, 5, 6])))
    story.append(Spacer(1, 8))
    story.append(Paragraph(safe_text(
        "Each line is hours × the hourly rate, rounded to the cent (halves up); the total is the sum of the lines. "
        "Hours covered by an agreement are not invoiced."), st.small))
    build_pdf(
        out,
        title=f"Invoice {inv.number}",
        subtitle=f"{inv.from_name} to {inv.to_name} · total {money(inv.total_cents)}",
        story=story,
        footer_left=f"Invoice {inv.number} · issued {inv.issued_on:%d %b %Y}",
        organization=inv.from_name,
    )


__all__ = ["build_hours_report", "build_ledger_statement", "build_invoice", "month_chart", "colors", "FONT"]


LISTING_HEADER = ["Date", "Person", "Kind", "Site", "Hours", "Agreement", "Status"]
LISTING_WIDTHS = [62.0, 120.0, 88.0, 120.0, 40.0, 70.0, 52.0]


@functools.lru_cache(maxsize=65536)
def _fit(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points (plain strings keep long listings fast)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def build_hours_listing(
    out: Path | BinaryIO, entries: Sequence[Sequence[str]], *, title: str, subtitle: str, total_minutes: int
) -> None:
    """Every entry of a period, one line each (for FOI requests and checks): thousands of rows, hundreds of pages.

    Cells are plain strings fitted to their column (no Paragraph per cell), so a 100-page listing renders in about
    the time reportlab needs for the bare table."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    from sharedsvc_desktop.documents.base import FONT, FONT_BOLD, build_pdf, register_fonts, safe_text, styles

    register_fonts()
    size = 8.0
    pad = 6.0
    data = [LISTING_HEADER]
    for row in entries:
        data.append([_fit(str(value), w - pad, FONT, size) for value, w in zip(row, LISTING_WIDTHS, strict=True)])
    table = Table(data, colWidths=LISTING_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, size),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, size),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f3b63")),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("ALIGN", (4, 0), (4, -1), "RIGHT"),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    st = styles()
    summary = Paragraph(safe_text(f"{len(entries):,} entries, {total_minutes / 60:,.2f} hours."), st.body)
    build_pdf(out, title=title, subtitle=subtitle, story=[summary, table], footer_left=title)
