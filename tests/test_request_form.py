"""The fillable request form for schools without the program: the blank PDF, reading it back, importing it.

Forms are filled the way a PDF reader does it: pypdf's ``PdfWriter.update_page_form_field_values`` writes the
field values (and their appearances) into a copy of the blank form. What was stored is read back with raw SQL and
the expected UTC times are computed here with zoneinfo, independently of the program's own conversion.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader, PdfWriter

from sharedsvc_desktop.errors import PermissionDenied
from sharedsvc_desktop.services import requests as rq
from sharedsvc_desktop.services.permissions import Actor
from tests.conftest import raw_sql

NY = ZoneInfo("America/New_York")
SCHOOL = "Conard High School"


def site_id(db, name: str = SCHOOL) -> int:
    return raw_sql(db, "SELECT id FROM site WHERE name = ?", name)[0][0]


def blank_form(db, name: str = SCHOOL) -> bytes:
    out = io.BytesIO()
    with db.read_session() as s:
        rq.write_blank_request_form(s, out=out, site_id=site_id(db, name), today=dt.date(2026, 11, 23))
    return out.getvalue()


def fill(blank: bytes, values: dict[str, str]) -> bytes:
    """What a PDF reader saves after the user typed ``values`` into the form's fields."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
    writer.update_page_form_field_values(writer.pages[0], values)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


GAME = {
    "event_type": "Varsity game",
    "event_name": "Football vs. Hall High – “Senior night”",
    "date": "12/04/2026",
    "start_time": "6:30 PM",
    "end_time": "9:30 pm",
    "expected_attendance": "about 1,200",
    "officers_requested": "3",
    "supervisor_needed": "/Yes",
    "contact_name": "Renée Dubois",
    "contact": "860-231-5000",
    "notes": "Park behind the gym.\nEnter by gate B.",
}


def import_files(db, files, dry_run=False):
    ctx = db.read_session() if dry_run else db.session()
    with ctx as s:
        return rq.import_requests(s, files=files, dry_run=dry_run)


def utc_text(local: dt.datetime) -> str:
    return local.replace(tzinfo=NY).astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def test_a_filled_form_imports_into_the_right_event(demo_db):
    data = fill(blank_form(demo_db), GAME)
    request_id = PdfReader(io.BytesIO(data)).get_fields()["ssd_request_id"]["/V"]
    before = raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0]

    result = import_files(demo_db, [("conard-game.pdf", data)])

    assert result.ok and [o.status for o in result.outcomes] == ["created"]
    rows = raw_sql(
        demo_db,
        "SELECT id, site_id, event_type, title, starts_at, ends_at, timezone, status, officers_requested, "
        "supervisor_required, expected_attendance, requester_name, requester_contact, notes, external_request_id, "
        "series_id, agreement_id FROM event WHERE external_request_id LIKE ?",
        f"{request_id}%",
    )
    assert len(rows) == 1 and raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == before + 1
    (event_id, site, etype, title, starts, ends, tz, status, officers, supervisor, attendance, requester, contact,
     notes, external, series, agreement) = rows[0]
    assert site == site_id(demo_db) and tz == "America/New_York"
    assert etype == "varsity_game" and title == "Football vs. Hall High – “Senior night”"
    # 6:30 PM EST on 4 Dec 2026 is 23:30 UTC
    assert starts.startswith(utc_text(dt.datetime(2026, 12, 4, 18, 30))) and starts.startswith("2026-12-04 23:30")
    assert ends.startswith(utc_text(dt.datetime(2026, 12, 4, 21, 30)))
    assert (status, officers, supervisor, attendance) == ("requested", 3, 1, 1200)
    assert (requester, contact) == ("Renée Dubois", "860-231-5000")
    assert notes == "Park behind the gym.\nEnter by gate B."
    assert external.startswith(f"{request_id}:") and series is None
    covering = raw_sql(
        demo_db,
        "SELECT v.agreement_id FROM agreement_site s JOIN agreement_version v ON s.version_id = v.id "
        "WHERE s.site_id = ?", site,
    )
    assert agreement in {r[0] for r in covering}
    assert result.outcomes[0].event_ids == (event_id,)


def test_the_same_filled_form_imported_twice_creates_nothing_the_second_time(demo_db):
    data = fill(blank_form(demo_db), GAME)
    first = import_files(demo_db, [("a.pdf", data)])
    event_id = first.outcomes[0].event_ids[0]
    count = raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0]

    # the same file, once alone and once twice in one batch
    again = import_files(demo_db, [("a.pdf", data), ("a copy.pdf", data)])

    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == count
    assert [o.status for o in again.outcomes] == ["already_imported", "already_imported"]
    assert f"as event {event_id}" in again.outcomes[0].message
    assert "already imported on" in again.outcomes[0].message
    assert again.ok  # nothing wrong: nothing to do
    assert again.created_event_ids == []


def test_the_same_new_form_twice_in_one_batch_is_created_once(demo_db):
    data = fill(blank_form(demo_db), GAME)
    checked = import_files(demo_db, [("a.pdf", data), ("b.pdf", data)], dry_run=True)
    assert [o.status for o in checked.outcomes] == ["ready", "duplicate"]
    result = import_files(demo_db, [("a.pdf", data), ("b.pdf", data)])
    assert [o.status for o in result.outcomes] == ["created", "already_imported"]
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event WHERE title LIKE 'Football vs. Hall%'")[0][0] == 1


def test_a_blank_reused_for_another_event_is_a_new_request_with_a_note(demo_db):
    blank = blank_form(demo_db)
    import_files(demo_db, [("game.pdf", fill(blank, GAME))])
    other = fill(blank, {**GAME, "event_type": "Dance", "event_name": "Snow Ball 2027", "date": "01/15/2027"})
    result = import_files(demo_db, [("dance.pdf", other)])
    assert result.outcomes[0].status == "created"
    assert any("This blank form was used before" in w for w in result.outcomes[0].check.warnings)
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event WHERE title IN ('Snow Ball 2027')")[0][0] == 1


def test_an_end_before_the_start_is_reported_with_the_field_name(demo_db):
    count = raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0]
    data = fill(blank_form(demo_db), {**GAME, "start_time": "9:00 PM", "end_time": "8:00 PM"})

    result = import_files(demo_db, [("late.pdf", data)])

    outcome = result.outcomes[0]
    assert outcome.status == "problems" and not result.ok
    texts = outcome.check.problem_texts
    assert any(t.startswith("End time: the end must be after the start") for t in texts), texts
    assert outcome.check.problems_for("end")
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == count


def test_past_midnight_with_next_day_is_accepted(demo_db):
    data = fill(blank_form(demo_db), {**GAME, "event_type": "Alcohol-free party", "start_time": "10 PM",
                                      "end_time": "2:00 AM next day"})
    result = import_files(demo_db, [("party.pdf", data)])
    assert result.outcomes[0].status == "created"
    (starts, ends), = raw_sql(demo_db, "SELECT starts_at, ends_at FROM event WHERE id = ?",
                              result.outcomes[0].event_ids[0])
    assert starts.startswith(utc_text(dt.datetime(2026, 12, 4, 22)))
    assert ends.startswith(utc_text(dt.datetime(2026, 12, 5, 2)))


def test_every_bad_field_is_named(demo_db):
    data = fill(blank_form(demo_db), {"event_type": " ", "date": "31/31/2026", "start_time": "half past six",
                                      "officers_requested": "lots", "expected_attendance": "many",
                                      "except_dates": "10/09/2026"})
    check = import_files(demo_db, [("bad.pdf", data)], dry_run=True).outcomes[0].check
    labels = {p.label for p in check.problems}
    assert {"Type of event", "Date", "Start time", "End time", "Officers requested", "Expected attendance",
            "Except these dates"} <= labels, check.problem_texts
    assert any(t.startswith("Officers requested: “lots” is not a number") for t in check.problem_texts)


def test_a_weekly_series_request_creates_the_right_occurrences(demo_db):
    data = fill(blank_form(demo_db), {
        "event_type": "Varsity game", "event_name": "Home football", "date": "Fri 9/4/2026",
        "start_time": "19:00", "end_time": "10 PM", "officers_requested": "2",
        "repeat_until": "11/13/2026", "except_dates": "10/09/2026, 10/23/2026",
    })
    result = import_files(demo_db, [("season.pdf", data)])
    outcome = result.outcomes[0]
    assert outcome.status == "created" and outcome.series_id is not None

    rows = raw_sql(demo_db, "SELECT starts_at, ends_at, external_request_id, status, series_id FROM event "
                            "WHERE series_id = ? ORDER BY starts_at", outcome.series_id)
    fridays = [dt.date(2026, 9, 4) + dt.timedelta(weeks=i) for i in range(11)]
    expected = [d for d in fridays if d not in (dt.date(2026, 10, 9), dt.date(2026, 10, 23))]
    assert len(rows) == len(expected) == 9
    for (starts, ends, _external, status, _series), day in zip(rows, expected, strict=True):
        # 19:00 local on every date: 23:00 UTC in summer time, 00:00 UTC the next day after 1 Nov
        assert starts.startswith(utc_text(dt.datetime.combine(day, dt.time(19))))
        assert ends.startswith(utc_text(dt.datetime.combine(day, dt.time(22))))
        assert status == "requested"
    assert rows[-1][0].startswith("2026-11-14 00:00")
    assert [r[2].rsplit("#", 1)[1] for r in rows] == [str(i) for i in range(1, 10)]
    assert len({r[2].split("#")[0] for r in rows}) == 1

    again = import_files(demo_db, [("season.pdf", data)])
    assert again.outcomes[0].status == "already_imported"
    assert "as events" in again.outcomes[0].message and "(9 events)" in again.outcomes[0].message
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event WHERE series_id = ?", outcome.series_id)[0][0] == 9


def test_a_dry_run_creates_nothing(demo_db):
    count = raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0]
    result = import_files(demo_db, [("a.pdf", fill(blank_form(demo_db), GAME))], dry_run=True)
    assert result.outcomes[0].status == "ready" and result.dry_run
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == count


def test_a_clash_with_an_existing_event_is_a_warning(demo_db):
    blank = blank_form(demo_db)
    import_files(demo_db, [("a.pdf", fill(blank, GAME))])
    second = fill(blank_form(demo_db), {**GAME, "event_name": "Band concert", "event_type": "Other"})
    check = import_files(demo_db, [("b.pdf", second)], dry_run=True).outcomes[0].check
    assert check.ok and any("already has “Football vs. Hall High" in w for w in check.warnings)


# ------------------------------------------------------------------------------------------- refused files


def test_a_pdf_that_is_not_our_form_is_refused(demo_db, tmp_path):
    from sharedsvc_desktop.services.reports import write_officer_roster

    roster = tmp_path / "roster.pdf"
    with demo_db.read_session() as s:
        write_officer_roster(s, out=roster)
    # another organization's fillable form
    from reportlab.pdfgen.canvas import Canvas

    other = io.BytesIO()
    c = Canvas(other)
    c.acroForm.textfield(name="date", x=100, y=700, width=200, height=20, value="12/04/2026")
    c.showPage()
    c.save()

    result = import_files(demo_db, [("roster.pdf", roster.read_bytes()), ("other.pdf", other.getvalue()),
                                    ("letter.docx", b"PK\x03\x04 not a pdf")])
    assert [o.status for o in result.outcomes] == ["refused"] * 3 and not result.ok
    assert "not our event request form (the PDF has no form fields)" in result.outcomes[0].message
    assert "not our event request form (the PDF holds a different form)" in result.outcomes[1].message
    assert "not a PDF file" in result.outcomes[2].message
    with pytest.raises(rq.RequestFormRefused, match="roster.pdf: this is not our event request form"):
        rq.read_request_form(roster.read_bytes(), filename="roster.pdf")


def test_a_damaged_pdf_is_refused(demo_db):
    data = fill(blank_form(demo_db), GAME)
    cut = data[: len(data) // 2]
    scrambled = data[:9] + bytes(b ^ 0x5A for b in data[9:-200]) + data[-200:]
    result = import_files(demo_db, [("cut.pdf", cut), ("scrambled.pdf", scrambled), ("empty.pdf", b"")])
    messages = [o.message for o in result.outcomes]
    assert [o.status for o in result.outcomes] == ["refused"] * 3
    assert "damaged or incomplete" in messages[0]
    assert "damaged" in messages[1] or "not our event request form" in messages[1]
    assert "empty" in messages[2]


def test_a_read_only_account_may_not_import(demo_db):
    data = fill(blank_form(demo_db), GAME)
    with demo_db.session(actor=Actor(1, "viewer", "read_only")) as s, pytest.raises(PermissionDenied):
        rq.import_requests(s, files=[("a.pdf", data)])
    with demo_db.session(actor=Actor(1, "secretary", "requester")) as s:
        assert rq.import_requests(s, files=[("a.pdf", data)]).outcomes[0].status == "created"


# ------------------------------------------------------------------------------------------- the documents


def test_the_blank_form_is_a_tidy_one_page_form(demo_db, tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(blank_form(demo_db))
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert [float(v) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]
    fields = reader.get_fields()
    assert {"event_type", "event_name", "date", "start_time", "end_time", "expected_attendance",
            "officers_requested", "supervisor_needed", "contact_name", "contact", "notes", "repeat_until",
            "except_dates", "ssd_form", "ssd_form_version", "ssd_request_id", "ssd_site_id"} <= set(fields)
    assert fields["event_type"]["/FT"] == "/Ch" and fields["supervisor_needed"]["/FT"] == "/Btn"
    assert "Varsity game" in [str(o) for o in fields["event_type"]["/Opt"]]
    assert fields["contact_name"]["/V"] == "Julian Park"  # the school's contact, pre-filled
    for hidden in ("ssd_form", "ssd_request_id", "ssd_site_id"):
        assert int(fields[hidden]["/Ff"]) & 1  # read-only

    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    for words in ("Request for police event coverage", SCHOOL, "West Hartford Police Department",
                  "Where to send it", "Type of event", "Start time", "End time", "Officers requested",
                  "Repeat every week until", "Except these dates", "Notes for the police", "Page 1 of 1"):
        assert words in text, words

    subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(tmp_path / "page")], check=True,
                   capture_output=True)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == 1
    from PIL import Image

    with Image.open(pages[0]) as im:
        gray = im.convert("L")
        w, h = gray.size
        assert (w, h) == (595, 770)
        # the margins are empty: nothing drawn off the paper's printable area
        for box in ((0, 0, w, 20), (0, h - 15, w, h), (0, 0, 25, h), (w - 25, 0, w, h)):
            assert gray.crop(box).getextrema()[0] > 240, box
        # the boxes are drawn (visible on paper): plenty of dark pixels in the body
        dark = sum(gray.histogram()[:128])
        assert dark > 10_000


def test_a_filled_form_renders_with_its_values(demo_db, tmp_path):
    path = tmp_path / "filled.pdf"
    path.write_bytes(fill(blank_form(demo_db), GAME))
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    done = subprocess.run(["pdftoppm", "-png", "-r", "70", str(path), str(tmp_path / "f")], capture_output=True,
                          text=True, check=True)
    assert "Error" not in done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "12/04/2026" in text and "6:30 PM" in text


def test_the_confirmation_lists_what_was_received(demo_db, tmp_path):
    data = fill(blank_form(demo_db), {**GAME, "repeat_until": "12/18/2026"})
    outcome = import_files(demo_db, [("a.pdf", data)]).outcomes[0]
    path = tmp_path / "confirmation.pdf"
    with demo_db.read_session() as s:
        assert rq.write_confirmation(s, out=path, request_id=outcome.request_id, today=dt.date(2026, 11, 23)) == 3
    subprocess.run(["qpdf", "--check", str(path)], check=True, capture_output=True)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Request received" in text and SCHOOL in text and "Renée Dubois" in text
    for event_id in outcome.event_ids:
        assert str(event_id) in text
    assert text.count("Requested") >= 3


def test_dates_and_times_as_schools_write_them():
    assert rq.parse_form_date("12/4/2026") == dt.date(2026, 12, 4)
    assert rq.parse_form_date("12/04/26") == dt.date(2026, 12, 4)
    assert rq.parse_form_date("2026-12-04") == dt.date(2026, 12, 4)
    assert rq.parse_form_date("Friday, December 4th, 2026") == dt.date(2026, 12, 4)
    assert rq.parse_form_date("Dec 4 2026") == dt.date(2026, 12, 4)
    assert rq.parse_form_date("13/13/2026") is None
    assert rq.parse_form_time("6:30 PM") == (dt.time(18, 30), False)
    assert rq.parse_form_time("6:30p.m.") == (dt.time(18, 30), False)
    assert rq.parse_form_time("12:15 am") == (dt.time(0, 15), False)
    assert rq.parse_form_time("12 noon".replace("12 ", "")) == (dt.time(12), False)
    assert rq.parse_form_time("1830") == (dt.time(18, 30), False)
    assert rq.parse_form_time("1:00 AM next day") == (dt.time(1), True)
    assert rq.parse_form_time("25:00") == (None, False)


# -------------------------------------------------------------------------------------------------- CLI


def run_cli(db, data_dir, monkeypatch, *argv):
    import importlib

    main = importlib.import_module("sharedsvc_desktop.cli.main")

    assert "requests" in main.COMMAND_MODULES
    if db.is_sqlite:
        where = ["--data-dir", str(data_dir)]
    else:
        where = ["--database-url", db.url.render_as_string(hide_password=False)]
    return main.run(main.build_parser().parse_args([*where, *argv]))


def test_cli_blank_and_import(demo_db, data_dir, tmp_path, monkeypatch, capsys):
    blank = tmp_path / "blank.pdf"
    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "blank", "--school", SCHOOL, "--out", str(blank)) == 0
    filled = tmp_path / "filled.pdf"
    filled.write_bytes(fill(blank.read_bytes(), GAME))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(fill(blank.read_bytes(), {**GAME, "start_time": "9 PM", "end_time": "8 PM"}))
    capsys.readouterr()

    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "import", str(filled), "--dry-run") == 0
    assert "Dry run" in capsys.readouterr().out
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event WHERE title LIKE 'Football vs. Hall%'")[0][0] == 0

    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "import", str(filled), str(bad)) == 1
    out = capsys.readouterr().out
    assert "End time: the end must be after the start" in out and "Created 1 event" in out
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event WHERE title LIKE 'Football vs. Hall%'")[0][0] == 1

    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "import", str(filled)) == 0
    assert "already imported on" in capsys.readouterr().out
    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "import", str(tmp_path / "missing.pdf")) == 1
    assert run_cli(demo_db, data_dir, monkeypatch, "requests", "blank", "--school", "Nowhere High", "--out",
                   str(tmp_path / "x.pdf")) == 1
    assert not Path(tmp_path / "x.pdf").exists()


def test_a_form_sent_back_blank_has_one_clear_problem(demo_db):
    outcome = import_files(demo_db, [("blank.pdf", blank_form(demo_db))]).outcomes[0]
    assert outcome.status == "problems"
    assert outcome.check.problem_texts == ["Request: the form is blank: nothing about an event was filled in."]
