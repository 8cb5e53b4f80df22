"""Hour entries to and from XLSX workbooks (openpyxl): the same documented columns as the CSV.

Export writes one sheet "Hours" with real date cells (shown YYYY-MM-DD), times as text HH:MM (a spreadsheet would
otherwise turn them into fractions of a day), hours as numbers with two decimals. Text that a spreadsheet would run
as a formula is stored as text. Import reads the first sheet: the first row is the header.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.exchange.hours_csv import COLUMNS, Sheet, export_rows
from sharedsvc_desktop.services.hours import mark_exported
from sharedsvc_desktop.services.permissions import requires

WIDTHS = {"date": 12, "person": 24, "badge": 8, "site": 30, "kind": 16, "start": 7, "end": 7, "hours": 7,
          "event": 7, "agreement": 14, "billable": 8, "notes": 40}


def read_xlsx(path: Path | str) -> Sheet:
    """The first sheet of a workbook; a damaged or non-XLSX file is a clear error."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(Path(path), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError({"file": f"{Path(path).name} cannot be read as an Excel workbook (.xlsx): {exc}"}) from exc
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None:
            raise ValidationError({"file": "The workbook's first sheet is empty: it has no header row."})
        headers = ["" if h is None else str(h).strip() for h in header_row]
        while headers and headers[-1] == "":
            headers.pop()
        sheet = Sheet(headers)
        for line, values in enumerate(rows, start=2):
            values = list(values)
            if any(v not in (None, "") and str(v).strip() for v in values):
                sheet.rows.append((line, values))
        return sheet
    finally:
        wb.close()


@requires("export_data")
def export_hours_xlsx(
    session: Session,
    *,
    out: Path | str,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    mark: bool = True,
) -> int:
    """Write the entries of the period to an XLSX workbook; mark them exported. Returns the number of rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hours")
    for i, name in enumerate(COLUMNS):
        ws.column_dimensions[chr(ord("A") + i)].width = WIDTHS[name]
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in COLUMNS:
        c = WriteOnlyCell(ws, value=name)
        c.font = bold
        header.append(c)
    ws.append(header)
    count = 0
    for row in export_rows(session, date_from=date_from, date_to=date_to):
        cells: list[Any] = []
        for i, value in enumerate(row):
            name = COLUMNS[i]
            if name == "date":
                c = WriteOnlyCell(ws, value=value)
                c.number_format = "yyyy-mm-dd"
            elif name == "hours":
                c = WriteOnlyCell(ws, value=float(value))
                c.number_format = "0.00"
            else:
                c = WriteOnlyCell(ws, value=None)
                c.value = value
                c.data_type = "s"  # never a formula, never a number guess
            cells.append(c)
        ws.append(cells)
        count += 1
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    wb.save(tmp)
    tmp.replace(target)
    if mark and count:
        mark_exported(session, date_from=date_from, date_to=date_to)
    return count
