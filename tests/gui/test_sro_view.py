"""The SRO program screen: appoint, change, review, concern → decision and printing, checked in the database."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.sro import SroView
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql


def settle(runner: DbRunner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


def sql(db, query: str, **params):
    return named_sql(db, query, **params)


@pytest.fixture
def view(demo_db, qtbot):
    runner = DbRunner(demo_db)
    v = SroView(runner, today=DEMO_TODAY)
    qtbot.addWidget(v)
    v.resize(1300, 760)
    v.show()
    v.reload()
    settle(runner)
    return v


def save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(dialog.runner)


def select_school(view, name: str) -> int:
    for row in range(view.model.rowCount()):
        obj = view.model.row_object(row)
        if obj is not None and obj.site_name == name:
            view.select_id(obj.id)
            settle(view.runner)
            assert view.detail is not None and view.detail.appointment.site_name == name
            return obj.id
    raise AssertionError(f"no appointment at {name}")


def choose(combo, text_part: str) -> None:
    for i in range(combo.count()):
        if text_part in combo.itemText(i):
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"{text_part!r} is not offered")


def test_the_school_year_shows_five_schools_with_details(view, demo_db):
    assert view.school_year == "2026-27"
    assert [view.year_combo.itemText(i) for i in range(view.year_combo.count())] == ["2027-28", "2026-27",
                                                                                        "All years"]
    names = {view.model.row_object(r).site_name for r in range(view.model.rowCount())}
    assert names == {r[0] for r in sql(demo_db, "SELECT name FROM site WHERE party_id = (SELECT id FROM party "
                                                "WHERE short_name = 'WHPS')")}
    assert view.count_label.text() == "5 appointments (2026-27)"
    select_school(view, "Conard High School")
    panel = view.panel.toPlainText()
    assert "Conard High School" in panel and "Superintendent consulted and agreed" in panel
    assert "Monday" in panel and "07:15–15:15" in panel and "40.00 h" in panel
    assert view.end_action.isEnabled() and view.concern_action.isEnabled() and not view.step_action.isEnabled()
    view.set_school_year("2027-28")
    settle(view.runner)
    assert view.stack.currentWidget() is view.empty


def test_end_then_appoint_a_new_sro_from_the_screen(view, demo_db, qtbot):
    old = select_school(view, "Hall High School")
    view.end_action.trigger()
    dialog = view.current_dialog
    dialog.ui.endDateEdit.setText("2026-11-20")
    qtbot.keyClicks(dialog.ui.reasonEdit, "Transferred to detectives")
    save(dialog, qtbot)
    assert sql(demo_db, "SELECT status, end_date FROM sro_appointment WHERE id = :i", i=old) == [
        ("ended", "2026-11-20")]
    assert "ended" in view.messages.text

    free = sql(demo_db, "SELECT o.id, p.last_name FROM officer o JOIN person p ON p.id = o.person_id "
                        "WHERE o.badge_number = 'W2201'")[0]  # a sergeant with current training, no appointment
    view.appoint_action.trigger()
    settle(view.runner)
    dialog = view.current_dialog
    ui = dialog.ui
    assert dialog.loaded and ui.schoolYearEdit.text() == "2026-27"
    choose(ui.siteCombo, "Hall High School")
    ui.officerCombo.setCurrentIndex(ui.officerCombo.findData(free[0]))
    assert ui.eligibilityLabel.text().startswith("✓")
    choose(ui.appointedByCombo, "Anthony Reyes")
    choose(ui.superintendentCombo, "Elaine Marsh")
    ui.startDateEdit.setText("2026-11-23")
    qtbot.keyClicks(ui.agreedOnEdit, "2026-11-21")
    ui.day4Check.setChecked(False)  # Monday to Thursday
    save(dialog, qtbot)
    assert not dialog.isVisible(), dialog.ui.formMessage.text()
    rows = sql(demo_db, "SELECT a.id, a.officer_id, a.start_date, a.end_date, a.appointed_by_id, "
                        "a.superintendent_agreed_on, a.status FROM sro_appointment a JOIN site s ON s.id = a.site_id "
                        "WHERE s.name = 'Hall High School' ORDER BY a.id")
    assert len(rows) == 2 and rows[0][0] == old
    new = rows[1]
    chief = sql(demo_db, "SELECT id FROM person WHERE last_name = 'Reyes'")[0][0]
    assert new[1:] == (free[0], "2026-11-23", "2027-07-31", chief, "2026-11-21", "active")
    assert sql(demo_db, "SELECT weekday FROM sro_duty WHERE appointment_id = :i ORDER BY weekday", i=new[0]) == [
        (0,), (1,), (2,), (3,)]
    settle(view.runner)
    assert view.detail is not None and view.detail.appointment.id == new[0]
    assert view.count_label.text() == "6 appointments (2026-27)"


def test_ineligible_officer_needs_an_override_reason(view, demo_db, qtbot):
    lapsed = sql(demo_db, "SELECT o.id FROM officer o JOIN qualification q ON q.person_id = o.person_id "
                          "WHERE q.kind = 'sel_restorative' AND q.expires_on < :t AND o.badge_number LIKE 'W%'",
                 t=DEMO_TODAY.isoformat())[0][0]
    view.appoint_action.trigger()
    settle(view.runner)
    dialog = view.current_dialog
    ui = dialog.ui
    choose(ui.siteCombo, "Hall High School")
    ui.officerCombo.setCurrentIndex(ui.officerCombo.findData(lapsed))
    assert "not eligible" in ui.officerCombo.currentText()
    assert "expired" in ui.eligibilityLabel.text() and "override" in ui.eligibilityLabel.text()
    choose(ui.appointedByCombo, "Anthony Reyes")
    choose(ui.superintendentCombo, "Elaine Marsh")
    ui.agreedOnEdit.setText("2026-11-20")
    ui.allowOverlapCheck.setChecked(True)  # Hall High already has its SRO
    before = sql(demo_db, "SELECT count(*) FROM sro_appointment")[0][0]
    save(dialog, qtbot)
    assert dialog.isVisible()
    assert ui.eligibilityOverrideReasonError.isVisible()
    assert "overriding" in ui.eligibilityOverrideReasonError.text()
    assert sql(demo_db, "SELECT count(*) FROM sro_appointment")[0][0] == before
    ui.overrideEdit.setPlainText("Cover for two weeks; refresher course on 1 December.")
    save(dialog, qtbot)
    assert not dialog.isVisible(), ui.formMessage.text()
    assert sql(demo_db, "SELECT eligibility_override_reason FROM sro_appointment WHERE officer_id = :o",
               o=lapsed) == [("Cover for two weeks; refresher course on 1 December.",)]
    settle(view.runner)
    assert "Eligibility override" in view.panel.toPlainText()


def test_second_sro_is_refused_unless_allowed(view, demo_db, qtbot):
    view.appoint_action.trigger()
    settle(view.runner)
    dialog = view.current_dialog
    ui = dialog.ui
    choose(ui.siteCombo, "Hall High School")
    ui.officerCombo.setCurrentIndex(ui.officerCombo.findData(
        sql(demo_db, "SELECT id FROM officer WHERE badge_number = 'W2201'")[0][0]))
    choose(ui.appointedByCombo, "Anthony Reyes")
    choose(ui.superintendentCombo, "Elaine Marsh")
    ui.agreedOnEdit.setText("2026-11-20")
    save(dialog, qtbot)
    assert dialog.isVisible() and "already has an SRO" in ui.formMessage.text()
    assert sql(demo_db, "SELECT count(*) FROM sro_appointment")[0][0] == 5


def test_change_the_duty_schedule(view, demo_db, qtbot):
    appt = select_school(view, "Sedgwick Middle School")
    view.schedule_action.trigger()
    dialog = view.current_dialog
    ui = dialog.ui
    ui.day4Check.setChecked(False)
    ui.day0End.setText("14:00")
    ui.day2Start.setText("16:00")  # after the end: refused
    save(dialog, qtbot)
    assert dialog.isVisible() and "end after it starts" in ui.duty2Error.text()
    ui.day2Start.setText("07:15")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    got = [(d, start[:5], end[:5]) for d, start, end in sql(
        demo_db, "SELECT weekday, start_time, end_time FROM sro_duty WHERE appointment_id = :i ORDER BY weekday", i=appt)]
    assert got == [(0, "07:15", "14:00"), (1, "07:15", "15:15"), (2, "07:15", "15:15"), (3, "07:15", "15:15")]
    settle(view.runner)
    assert "Friday" not in view.panel.toPlainText()


def test_record_the_annual_review(view, demo_db, qtbot, tmp_path):
    appt = select_school(view, "Bristow Middle School")
    assert view.review_action.text() == "Record review…"
    view.review_action.trigger()
    dialog = view.current_dialog
    ui = dialog.ui
    assert f"{view.detail.appointment.officer_name} (SRO)" in ui.attendeesEdit.toPlainText()
    ui.meetingDateEdit.setText("2026-11-18")
    qtbot.keyClicks(ui.reportTextEdit, "The SRO is a valued member of the school community.")
    report = tmp_path / "review-report.txt"
    report.write_text("Signed report", encoding="utf-8")
    ui.reportFileEdit.setText(str(report))
    ui.sentToChiefOnEdit.setText("2026-11-24")  # tomorrow: refused
    save(dialog, qtbot)
    assert "future" in ui.sentToChiefOnError.text()
    ui.sentToChiefOnEdit.setText("2026-11-20")
    save(dialog, qtbot)
    assert not dialog.isVisible(), ui.formMessage.text()
    got = sql(demo_db, "SELECT r.meeting_date, r.sent_to_chief_on, r.report_text, a.filename, a.size FROM sro_review r "
                       "JOIN attachment a ON a.id = r.report_attachment_id WHERE r.appointment_id = :i", i=appt)
    assert got == [("2026-11-18", "2026-11-20", "The SRO is a valued member of the school community.",
                    "review-report.txt", 13)]
    settle(view.runner)
    assert view.review_action.text() == "Edit review…"
    assert view.model.row_object(view.model.row_of_id(appt)).review_state == "Done"
    assert "Review report sent to the chief" in view.panel.toPlainText()


def test_concern_to_dismissal_from_the_screen(view, demo_db, qtbot):
    appt = select_school(view, "King Philip Middle School")
    view.concern_action.trigger()
    dialog = view.current_dialog
    dialog.ui.raisedOnEdit.setText("2026-11-02")
    qtbot.keyClicks(dialog.ui.reasonsEdit, "Repeatedly absent from the building during lunch periods.")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    settle(view.runner)
    assert view.step_action.isEnabled() and view.step_action.text() == "Record: superintendent informed…"
    assert not view.concern_action.isEnabled()

    for date, expected_next in (("2026-11-04", "Record: chief notified…"),
                                ("2026-11-09", "Record the chief's decision…")):
        view.step_action.trigger()
        dialog = view.current_dialog
        assert not dialog.ui.decisionCombo.isVisible()
        dialog.ui.dateEdit.setText("2026-11-01")  # before the previous step: refused
        save(dialog, qtbot)
        assert dialog.isVisible() and "cannot be before" in dialog.ui.dateError.text()
        dialog.ui.dateEdit.setText(date)
        save(dialog, qtbot)
        assert not dialog.isVisible()
        settle(view.runner)
        assert view.step_action.text() == expected_next

    view.step_action.trigger()
    dialog = view.current_dialog
    assert dialog.ui.decisionCombo.isVisible()
    dialog.ui.decisionCombo.setCurrentIndex(dialog.ui.decisionCombo.findData("dismiss"))
    dialog.ui.dateEdit.setText("2026-11-16")
    qtbot.keyClicks(dialog.ui.notesEdit, "Per general orders.")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    assert sql(demo_db, "SELECT raised_on, superintendent_informed_on, chief_notified_on, decision, decision_on "
                        "FROM sro_concern WHERE appointment_id = :i", i=appt) == [
        ("2026-11-02", "2026-11-04", "2026-11-09", "dismiss", "2026-11-16")]
    assert sql(demo_db, "SELECT status, end_date FROM sro_appointment WHERE id = :i", i=appt) == [
        ("dismissed", "2026-11-16")]
    settle(view.runner)
    panel = view.panel.toPlainText()
    order = [panel.index(t) for t in ("Principal's concern raised", "Superintendent informed", "Chief notified",
                                      "Decision: Dismiss the SRO", "Appointment dismissed")]
    assert order == sorted(order)
    assert not view.end_action.isEnabled() and not view.concern_action.isEnabled()
    assert not view.step_action.isEnabled()


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


def test_print_the_documents_of_the_selected_appointment(view, tmp_path):
    select_school(view, "Conard High School")
    officer = view.detail.appointment.officer_name
    labels = [a.text() for a in view.print_menu.actions()]
    assert "Save appointment letter as PDF…" in labels and "Print annual review form (blank)…" in labels
    assert not view.print_items["filled"][1].isEnabled()  # no review yet
    view.documents("letter", "Appointment letter", *_writer("letter")).save_as(str(tmp_path / "letter.pdf"))
    view.documents("notice", "Schedule notice", *_writer("notice")).save_as(str(tmp_path / "notice.pdf"))
    view.documents("blank", "Annual review form", *_writer("blank")).save_as(str(tmp_path / "blank.pdf"))
    settle(view.runner)
    assert "saved to" in view.messages.text
    letter = pdf_text(tmp_path / "letter.pdf")
    assert f"{officer}" in letter and "Conard High School for the 2026-27 school year" in letter
    assert "To: Julian Park, Principal, Conard High School" in pdf_text(tmp_path / "notice.pdf")
    assert "form to complete" in pdf_text(tmp_path / "blank.pdf")


def _writer(key: str):
    from sharedsvc_desktop.services import sro

    return {
        "letter": (sro.write_appointment_letter, {}),
        "notice": (sro.write_schedule_notice, {}),
        "blank": (sro.write_review_form, {"filled": False}),
    }[key]
