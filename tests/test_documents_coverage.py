"""The week's coverage roster and the event sheet: read back with pdftotext, checked with qpdf."""

from __future__ import annotations

import datetime as dt
import subprocess
from zoneinfo import ZoneInfo

from sharedsvc_desktop.services import assignments, events
from tests.conftest import raw_sql

NY = ZoneInfo("America/New_York")
WEEK = dt.date(2026, 11, 23)  # the demo's "today" is Monday 23 Nov 2026


def raw(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def pdf_text(path) -> str:
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC).astimezone(NY)


def week_events(db) -> list[tuple]:
    """(id, title, site, local start, local end) of the week's events, by raw SQL and zoneinfo."""
    rows = raw(db, "SELECT e.id, e.title, s.name, e.starts_at, e.ends_at FROM event e JOIN site s ON s.id = e.site_id "
                   "WHERE e.status NOT IN ('declined','cancelled') ORDER BY e.starts_at")
    out = []
    for eid, title, site, starts, ends in rows:
        start = local(starts)
        if WEEK <= start.date() <= WEEK + dt.timedelta(days=6):
            out.append((eid, title, site, start, local(ends)))
    return out


def test_roster_lists_every_event_of_the_week_with_its_officers(demo_db, tmp_path):
    out = tmp_path / "roster.pdf"
    with demo_db.read_session() as s:
        count = assignments.write_coverage_roster(s, out=out, week_start=WEEK + dt.timedelta(days=3))
    expected = week_events(demo_db)
    assert count == len(expected) > 0
    text = pdf_text(out)
    assert "Week of Monday 23 November 2026 to Sunday 29 November 2026" in text
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for eid, title, site, start, end in expected:
        assert any(f"{start:%H:%M}–{end:%H:%M} {site} {title}" in line for line in lines), (title, site)
        for first, last, badge in raw(demo_db, "SELECT p.first_name, p.last_name, o.badge_number FROM assignment a "
                                               "JOIN officer o ON o.id = a.officer_id JOIN person p ON p.id = o.person_id "
                                               "WHERE a.event_id = ? AND a.active", eid):
            assert f"{first} {last} ({badge})" in text
    for day in sorted({e[3].date() for e in expected}):
        assert f"{day:%A %d %B %Y}" in text


def test_an_empty_week_and_a_long_one(demo_db, tmp_path):
    out = tmp_path / "empty.pdf"
    with demo_db.read_session() as s:
        assert assignments.write_coverage_roster(s, out=out, week_start=dt.date(2027, 7, 12)) == 0
    assert "No events need coverage this week." in pdf_text(out)
    site = raw(demo_db, "SELECT id FROM site WHERE name = 'Norwich High School'")[0][0]
    with demo_db.session() as s:
        for i in range(40):
            events.request_event(s, site_id=site, event_type="other", title=f"Booth {i} " + "<&> " * 30,
                                 local_start=dt.datetime(2027, 7, 20, 8) + dt.timedelta(minutes=15 * i),
                                 local_end=dt.datetime(2027, 7, 20, 9) + dt.timedelta(minutes=15 * i),
                                 notes="x" * 3000)
    long = tmp_path / "long.pdf"
    with demo_db.read_session() as s:
        assert assignments.write_coverage_roster(s, out=long, week_start=dt.date(2027, 7, 20)) == 40
    text = pdf_text(long)
    assert "Page 2 of" in text and "Booth 39 <&>" in text


def test_event_sheet_for_the_officers(demo_db, tmp_path):
    eid, title, site, start, end = week_events(demo_db)[0]
    out = tmp_path / "sheet.pdf"
    with demo_db.read_session() as s:
        n = assignments.write_event_sheet(s, out=out, event_id=eid)
    names = raw(demo_db, "SELECT p.first_name || ' ' || p.last_name, o.badge_number FROM assignment a JOIN officer o "
                         "ON o.id = a.officer_id JOIN person p ON p.id = o.person_id WHERE a.event_id = ? AND a.active",
                eid)
    assert n == len(names) > 0
    text = pdf_text(out)
    assert title in text and site in text and f"{start:%a %d %b %Y %H:%M}–{end:%H:%M}" in text
    for name, badge in names:
        assert name in text and badge in text
