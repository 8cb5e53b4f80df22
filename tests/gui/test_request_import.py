"""The request import dialog: files read and checked side by side with their problems, created on acceptance."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from tests.conftest import raw_sql

SCHOOL = "Conard High School"
GAME = {
    "event_type": "Varsity game", "event_name": "Football vs. Hall High", "date": "12/04/2026",
    "start_time": "6:30 PM", "end_time": "9:30 PM", "officers_requested": "3", "contact_name": "Julian Park",
}


def fill(blank: bytes, values: dict[str, str]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(blank)))
    writer.update_page_form_field_values(writer.pages[0], values)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def settle(runner, rounds: int = 4) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


@pytest.fixture
def forms(demo_db, tmp_path):
    from sharedsvc_desktop.services.requests import write_blank_request_form

    site_id = raw_sql(demo_db, "SELECT id FROM site WHERE name = ?", SCHOOL)[0][0]
    blank = io.BytesIO()
    with demo_db.read_session() as s:
        write_blank_request_form(s, out=blank, site_id=site_id)
    good = tmp_path / "game.pdf"
    good.write_bytes(fill(blank.getvalue(), GAME))
    bad = tmp_path / "late.pdf"
    bad.write_bytes(fill(blank.getvalue(), {**GAME, "event_name": "Late dance", "start_time": "9 PM",
                                            "end_time": "8 PM"}))
    from reportlab.pdfgen.canvas import Canvas

    junk = tmp_path / "minutes.pdf"
    c = Canvas(str(junk))
    c.drawString(72, 720, "Minutes of the PTA meeting")
    c.showPage()
    c.save()
    return good, bad, junk


@pytest.fixture
def dialog(demo_db, qtbot):
    from sharedsvc_desktop.gui.dialogs.request_import import RequestImportDialog
    from sharedsvc_desktop.gui.ops import DbRunner

    d = RequestImportDialog(DbRunner(demo_db))
    qtbot.addWidget(d)
    d.show()
    settle(d.runner)
    yield d
    settle(d.runner)


def statuses(d) -> list[str]:
    return [d.table.item(r, 1).text() for r in range(d.table.rowCount())]


def test_requests_are_shown_with_their_problems_and_created_on_acceptance(demo_db, dialog, forms, tmp_path):
    good, bad, junk = forms
    before = raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0]
    dialog.add_files([str(good), str(bad), str(junk)])
    settle(dialog.runner)

    # the demo has an assembly at Conard that evening: a note, not a problem
    assert statuses(dialog) == ["Ready — see notes", "Problems (1)", "Refused"]
    dialog.table.selectRow(0)
    assert "already has “Evening assembly”" in dialog.notes.item(0).text()
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == before  # checked, nothing created yet
    assert dialog.create_button.isEnabled() and "1 request" in dialog.create_button.text()

    # the bad one, field by field beside its problem
    dialog.table.selectRow(1)
    rows = {dialog.fields.item(r, 0).text(): (dialog.fields.item(r, 1).text(), dialog.fields.item(r, 2).text())
            for r in range(dialog.fields.rowCount())}
    assert rows["End time"][0] == "8 PM"
    assert rows["End time"][1].startswith("the end must be after the start")
    assert rows["Start time"] == ("9 PM", "")
    dialog.grab().save(str(tmp_path / "request-import.png"))
    dialog.table.selectRow(2)
    assert "not our event request form" in dialog.detail_title.text()

    dialog.create_button.click()
    settle(dialog.runner)
    assert statuses(dialog)[0] == "Created"
    (title, status, ext), = raw_sql(demo_db, "SELECT title, status, external_request_id FROM event "
                                             "WHERE external_request_id IS NOT NULL")
    assert (title, status) == ("Football vs. Hall High", "requested")
    assert raw_sql(demo_db, "SELECT COUNT(*) FROM event")[0][0] == before + 1
    assert not dialog.create_button.isEnabled()

    # a confirmation for the school
    dialog.table.selectRow(0)
    assert dialog.save_conf_button.isEnabled()
    target = tmp_path / "confirmation.pdf"
    dialog._confirmation(save=True, path=str(target))
    settle(dialog.runner)
    assert target.exists() and b"%PDF" in target.read_bytes()[:8]

    # the same files again: nothing more to create
    dialog.clear()
    dialog.add_files([str(good)])
    settle(dialog.runner)
    assert statuses(dialog) == ["Imported before"]
    assert not dialog.create_button.isEnabled()
    assert ext.split(":")[0] in PdfReader(good).get_fields()["ssd_request_id"]["/V"]


def test_files_dropped_on_the_dialog_are_read(dialog, forms):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    good, _bad, _junk = forms
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile("/tmp/notes.txt")])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    settle(dialog.runner)
    assert dialog.table.rowCount() == 1 and statuses(dialog)[0].startswith("Ready")


def test_blank_request_form_for_the_school_chosen(dialog, tmp_path):
    from sharedsvc_desktop.services.requests import read_request_form

    index = dialog.school_combo.findText(SCHOOL)
    assert index >= 0
    dialog.school_combo.setCurrentIndex(index)
    target = tmp_path / "blank.pdf"
    dialog.save_blank(str(target))
    settle(dialog.runner)
    parsed = read_request_form(fill(target.read_bytes(), GAME), filename="blank.pdf")
    assert parsed.site_name == SCHOOL
    assert "saved" in dialog.messages.text


def test_open_request_import_with_paths(demo_db, qtbot, forms):
    from PySide6.QtWidgets import QWidget

    from sharedsvc_desktop.gui.dialogs.request_import import open_request_import
    from sharedsvc_desktop.gui.ops import DbRunner

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_request_import(parent, DbRunner(demo_db), [str(Path(forms[0]))])
    settle(dialog.runner)
    assert statuses(dialog)[0].startswith("Ready")
    dialog.close()
