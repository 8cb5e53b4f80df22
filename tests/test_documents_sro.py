"""SRO documents printed from the demo data, read back with pdftotext and checked with qpdf."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text

from sharedsvc_desktop.services import sro
from sharedsvc_desktop.services.reports import write_officer_roster
from tests.conftest import DEMO_TODAY, raw_sql


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def squash(text_: str) -> str:
    return re.sub(r"\s+", " ", text_)


def check(pdf: Path) -> None:
    assert pdf.read_bytes().startswith(b"%PDF-")
    if shutil.which("qpdf"):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]


@pytest.fixture
def appt(demo_db):
    with demo_db.read_session() as s:
        row = s.execute(text(
            "SELECT a.id, s.name, s.principal_name, p.first_name || ' ' || p.last_name, o.badge_number "
            "FROM sro_appointment a JOIN site s ON s.id = a.site_id JOIN officer o ON o.id = a.officer_id "
            "JOIN person p ON p.id = o.person_id WHERE s.name = 'Hall High School'")).one()
    return row


def test_appointment_letter(demo_db, appt, tmp_path):
    appointment_id, school, _principal, officer, badge = appt
    pdf = tmp_path / "letter.pdf"
    with demo_db.read_session() as s:
        sro.write_appointment_letter(s, out=pdf, appointment_id=appointment_id, today=DEMO_TODAY)
    check(pdf)
    t = squash(pdf_text(pdf))
    assert "School Resource Officer appointment" in t
    assert f"{officer}, badge {badge}" in t
    assert f"School Resource Officer at {school} for the 2026-27 school year" in t
    assert "from 25 August 2026 to 20 June 2027" in t
    assert "Anthony Reyes, Chief of Police, on 15 July 2026" in t
    assert "Elaine Marsh, Interim Superintendent, on 12 July 2026" in t
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"):
        assert f"{day} 07:15 15:15 8.00" in t
    assert "Total per week 40.00" in t
    assert "Eligibility override" not in t
    assert "West Hartford Police Department" in t
    assert pages(pdf) == 1


def test_letter_shows_an_override(demo_db, tmp_path):
    with demo_db.session() as s:
        site = s.execute(text("INSERT INTO site (name, level, in_district, address, principal_name, contact_phone, "
                              "contact_email, timezone, active, created_at, updated_at) VALUES ('New School', "
                              "'middle', :yes, '', 'Pat Lee', '', '', 'America/New_York', :yes, '2026-01-01', "
                              "'2026-01-01') RETURNING id"), {"yes": True}).scalar()
        officer = s.execute(text("SELECT id FROM officer WHERE status = 'on_leave'")).scalar()
        chief, supt = s.execute(text("SELECT (SELECT id FROM person WHERE last_name = 'Reyes'), "
                                     "(SELECT id FROM person WHERE last_name = 'Marsh')")).one()
        row = sro.appoint_sro(s, site_id=site, officer_id=officer, school_year="2026-27", start_date="2026-12-01",
                              appointed_by_id=chief, appointed_on="2026-11-20", superintendent_id=supt,
                              superintendent_agreed_on="2026-11-19", duties=[(2, "08:00", "12:30")],
                              eligibility_override_reason="Returns from leave on 30 Nov & <cleared> by HR.",
                              today=DEMO_TODAY)
    pdf = tmp_path / "override.pdf"
    with demo_db.read_session() as s:
        sro.write_appointment_letter(s, out=pdf, appointment_id=row.id, today=DEMO_TODAY)
    t = squash(pdf_text(pdf))
    assert "Eligibility override Returns from leave on 30 Nov & <cleared> by HR." in t
    assert "Wednesday 08:00 12:30 4.50" in t and "Total per week 4.50" in t
    assert "to 31 July 2027" in t


def test_schedule_notice_to_the_principal(demo_db, appt, tmp_path):
    appointment_id, school, principal, officer, badge = appt
    with demo_db.session() as s:
        sro.set_duty_schedule(s, appointment_id=appointment_id,
                              duties=[(0, "07:00", "15:00"), (1, "07:00", "15:00"), (4, "09:30", "13:00")])
    pdf = tmp_path / "notice.pdf"
    with demo_db.read_session() as s:
        sro.write_schedule_notice(s, out=pdf, appointment_id=appointment_id, today=DEMO_TODAY)
    check(pdf)
    t = squash(pdf_text(pdf))
    assert f"To: {principal}, Principal, {school}" in t
    assert f"From: Officer {officer}, School Resource Officer (badge {badge})" in t
    assert "Mon, Tue 07:00–15:00; Fri 09:30–13:00" in t
    assert "Monday 07:00 15:00 8.00" in t and "Friday 09:30 13:00 3.50" in t and "Total per week 19.50" in t
    assert "Wednesday" not in t
    assert "(America/New_York)" in t


def test_review_form_blank_and_filled(demo_db, appt, tmp_path):
    appointment_id, school, principal, officer, _badge = appt
    blank = tmp_path / "blank.pdf"
    with demo_db.read_session() as s:
        sro.write_review_form(s, out=blank, appointment_id=appointment_id, filled=False, today=DEMO_TODAY)
    check(blank)
    t = squash(pdf_text(blank))
    assert "SRO annual review" in t and "form to complete" in t
    assert f"Principal {principal}" in t and school in t and officer in t
    assert "Review due from 01 May 2027; overdue after 20 July 2027" in t
    assert "Meeting date ____" in t and "Date sent ____" in t
    assert pages(blank) == 1

    report = "\n\n".join(f"Paragraph {i}: the SRO attended every assembly & <met> parents." * 3 for i in range(60))
    with demo_db.session() as s:
        sro.record_review(s, appointment_id=appointment_id, meeting_date="2027-05-12",
                          attendees="Meredith Blake (principal)\nSofia Nguyen (SRO)\nLt. Ortiz (designee)",
                          report_text=report, sent_to_chief_on="2027-05-20", report_filename="review.pdf",
                          report_data=b"%PDF-1.4 scanned", today=dt.date(2027, 5, 21))
    filled = tmp_path / "filled.pdf"
    with demo_db.read_session() as s:
        sro.write_review_form(s, out=filled, appointment_id=appointment_id, filled=True, today=dt.date(2027, 5, 21))
    check(filled)
    t = squash(pdf_text(filled))
    assert "form to complete" not in t
    assert "Meeting date 12 May 2027" in t and "Date sent 20 May 2027" in t
    assert "Lt. Ortiz (designee)" in t
    assert "Paragraph 0: the SRO attended every assembly & <met> parents." in t
    assert "Paragraph 59:" in t  # the long report splits over pages, nothing is lost
    assert "Attached report file: review.pdf (16 bytes" in t
    assert pages(filled) > 1


def test_officer_roster_shows_training_status(demo_db, tmp_path):
    pdf = tmp_path / "roster.pdf"
    lapsed = raw_sql(demo_db, "SELECT p.last_name, q.expires_on FROM officer o JOIN person p ON p.id = o.person_id "
                              "JOIN qualification q ON q.person_id = p.id WHERE q.kind = 'sel_restorative' "
                              "AND q.expires_on < ?", DEMO_TODAY.isoformat())
    with demo_db.read_session() as s:
        write_officer_roster(s, out=pdf, today=DEMO_TODAY)
    check(pdf)
    t = pdf_text(pdf)
    assert "Training" in t
    expired_lines = [line for line in t.splitlines() if "SEL: EXPIRED" in line]
    assert len(lapsed) == 2 and len(expired_lines) == len(lapsed)
    for _name, expires in lapsed:
        day = dt.date.fromisoformat(expires)
        assert any(f"EXPIRED {day:%d %b}" in line for line in expired_lines)  # the year may wrap
    assert t.count("SRO basic: current") == 20
