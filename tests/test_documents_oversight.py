"""The quarterly data report and the team's annual report: figures read back from the PDF text."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from sqlalchemy import text

from sharedsvc_desktop.services import oversight, team
from tests.conftest import DEMO_TODAY
from tests.oversight_helpers import (
    ACTIONS,
    DISCIPLINE,
    INCIDENTS,
    REFERRALS,
    STUDENTS,
    WH_SCHOOLS,
    fill_quarter,
)

_INT = re.compile(r"^\d{1,3}(,\d{3})*$")


def _pdf_text(path) -> str:
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _cells(line: str) -> list[str]:
    return [c for c in re.split(r"\s{2,}", line.strip()) if c]


def _row(text_: str, label: str) -> list[str]:
    for line in text_.splitlines():
        cells = _cells(line)
        if cells and cells[0] == label:
            return cells[1:]
    raise AssertionError(f"no row {label!r}")


def _rows(text_: str, label: str) -> list[list[str]]:
    return [_cells(line)[1:] for line in text_.splitlines() if _cells(line)[:1] == [label]]


def _small_numbers(text_: str, k: int) -> list[str]:
    """Every number from 1 to k-1 printed as a cell or an axis label (labels, notes and footers left out)."""
    found = []
    for line in text_.splitlines():
        if "Page " in line or "Counts from" in line or "Figures received" in line:
            continue
        for token in line.split():
            if _INT.match(token) and 1 <= int(token.replace(",", "")) <= k - 1:
                found.append(f"{token} in: {line.strip()}")
    return found


@pytest.fixture
def filled(demo_db):
    fill_quarter(demo_db, "2026Q3")
    fill_quarter(demo_db, "baseline", factor=2)
    fill_quarter(demo_db, "2026Q2", schools=["Hall High School", "Bristow Middle School"])
    return demo_db


def test_quarterly_report_figures_and_suppression(filled, tmp_path):
    out = tmp_path / "q.pdf"
    with filled.read_session() as s:
        schools = oversight.write_quarterly_report(s, out=out, quarter="2026Q3", today=DEMO_TODAY)
    assert schools == 5
    txt = _pdf_text(out)
    assert "Quarterly data report: 2026 Q3 (July–September)" in txt
    # the totals of all schools, computed from the figures entered
    totals = [sum(sum(v) for v in DISCIPLINE.values()), sum(STUDENTS.values()), sum(REFERRALS.values()),
              sum(sum(v) for v in INCIDENTS.values()), sum(sum(v) for v in ACTIONS.values())]
    assert _rows(txt, "All schools")[0] == [f"{t:,}" for t in totals]
    # Hall High has no small count anywhere in its row; Conard's 4 referrals are hidden
    hall = "Hall High School"
    assert _row(txt, hall) == [str(sum(DISCIPLINE[hall])), str(STUDENTS[hall]), str(REFERRALS[hall]),
                               str(sum(INCIDENTS[hall])), str(sum(ACTIONS[hall]))]
    assert _row(txt, "Conard High School")[2] == "<10"
    # the hidden referral cannot be worked out from its column: another cell of the column is withheld too
    column = [_row(txt, name)[2] for name in sorted(WH_SCHOOLS)]
    assert sum(1 for c in column if c in ("<10", "*")) >= 2
    # compared with the previous quarter (2 schools) and the baseline (twice the figures)
    prev = sum(DISCIPLINE["Hall High School"]) + sum(DISCIPLINE["Bristow Middle School"])
    assert _row(txt, "Disciplinary actions") == [f"{2 * totals[0]:,}", f"{prev:,}", f"{totals[0]:,}",
                                                 f"+{totals[0] - prev:,}", f"−{totals[0]:,}"]
    assert "2/5)" in txt  # schools reporting in the previous quarter
    # breakdowns: expulsions (3 at Conard) are hidden, as is the total of the column
    assert "Students involved in disciplinary actions by race/ethnicity" in txt
    assert _small_numbers(txt, 10) == []


def test_quarterly_report_follows_the_threshold_setting(filled, tmp_path):
    with filled.session() as s:
        oversight.set_suppression_threshold(s, k=5)
    out = tmp_path / "q5.pdf"
    with filled.read_session() as s:
        oversight.write_quarterly_report(s, out=out, quarter="2026Q3", today=DEMO_TODAY)
    txt = _pdf_text(out)
    assert "<5" in txt and "<10" not in txt
    assert _row(txt, "Conard High School")[2] == "<5"
    assert _small_numbers(txt, 5) == []


def test_quarterly_report_without_data(demo_db, tmp_path):
    out = tmp_path / "empty.pdf"
    with demo_db.read_session() as s:
        assert oversight.write_quarterly_report(s, out=out, quarter="2026Q1", today=DEMO_TODAY) == 0
    txt = _pdf_text(out)
    assert "No figures have been entered for 2026 Q1 (January–March) yet." in txt


def test_annual_report_figures_meetings_hours_and_signatures(filled, tmp_path):
    with filled.session() as s:
        aid = team.default_agreement_id(s)
        people = team.team_candidates(s, agreement_id=aid)
        members = [team.add_team_member(s, person_id=p.id, agreement_id=aid, joined_on="2026-08-20")
                   for party in ("WHPD", "WHPS") for p in [x for x in people if x.party_name == party][:2]]
        team.record_meeting(s, held_on="2026-09-15", agreement_id=aid, location="Town Hall, Room 314",
                            attendee_ids=[m.id for m in members], decisions="Adopt the quarterly form.",
                            recommendations="Add <b>restorative</b> practices & report them.")
        team.save_annual_report(s, agreement_id=aid, year=2026, activities="The team met and reviewed data.",
                                recommendations="Renew the agreement.")
    out = tmp_path / "annual.pdf"
    with filled.read_session() as s:
        assert team.write_annual_report(s, out=out, year=2026, today=DEMO_TODAY) == 1
    txt = _pdf_text(out)
    assert "annual report 2026" in txt
    assert "The team met and reviewed data." in txt and "Renew the agreement." in txt
    assert "Add <b>restorative</b> practices & report them." in txt  # user text printed as text
    assert "15 Sep 2026" in txt and "Town Hall, Room" in txt and "WHPD 2, WHPS 2" in txt
    for m in members:
        assert f"{m.name}, {m.party_name}" in txt
    # the year's data: Q3 for five schools plus Q2 for two, added up
    year_disc = sum(sum(v) for v in DISCIPLINE.values()) + sum(DISCIPLINE["Hall High School"]) + sum(
        DISCIPLINE["Bristow Middle School"])
    assert _row(txt, "All schools")[0] == f"{year_disc:,}"
    assert _row(txt, "Disciplinary actions") == [f"{2 * 195:,}", f"{year_disc:,}"]
    # hours under the agreement, against raw SQL
    with filled.engine.connect() as conn:
        entries, minutes = conn.execute(text(
            "SELECT COUNT(*), SUM(minutes) FROM hour_entry WHERE agreement_id = :a "
            "AND work_date BETWEEN '2026-01-01' AND '2026-12-31'"), {"a": aid}).one()
    assert [f"{entries:,}", f"{minutes / 60:,.2f}"] in _rows(txt, "Total")
    # no small count in the data section
    data = txt[txt.index("The year's data"):txt.index("Hours delivered under the agreement")]
    assert _small_numbers(data, 10) == []
    assert "Approved by the School/Police Collaboration Team on ____" in txt


def test_annual_report_of_an_empty_year_has_blank_signature_lines(demo_db, tmp_path):
    out = tmp_path / "a.pdf"
    with demo_db.read_session() as s:
        team.write_annual_report(s, out=out, year=2025, today=dt.date(2026, 1, 10))
    txt = _pdf_text(out)
    assert "No quarterly figures were entered for 2025." in txt
    assert txt.count("Name, WHPD") == 2 and txt.count("Name, WHPS") == 2
