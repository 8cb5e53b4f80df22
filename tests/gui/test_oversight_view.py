"""The Oversight and Compliance screens, driven as a user would, checked against the database."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.compliance import ComplianceView
from sharedsvc_desktop.gui.views.oversight import OversightView
from tests.conftest import DEMO_TODAY
from tests.oversight_helpers import DISCIPLINE, fill_quarter, school_counts
from tests.sql_helpers import named_sql


def _settle(runner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


def _sql(db, sql, **params):
    return named_sql(db, sql, **params)


@pytest.fixture
def view(qtbot, demo_db):
    runner = DbRunner(demo_db)
    v = OversightView(runner, today=DEMO_TODAY)
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    v.reload()
    _settle(runner)
    yield v
    _settle(runner)


def test_enter_a_quarter_with_inline_checks(view, demo_db, qtbot):
    panel = view.data_panel
    panel.school_combo.setCurrentIndex(panel.school_combo.findText("Hall High School"))
    _settle(view.runner)
    assert panel.period_combo.currentData() == "2026Q3"
    assert panel.side_combo.currentData() == "school"
    assert "Not entered yet" in panel.state_label.text()
    counts = school_counts(panel.form.layout, "Hall High School")
    for key, value in counts.items():
        panel.spins[key].setValue(value)
    total = sum(DISCIPLINE["Hall High School"])
    assert panel.check_labels["disciplinary_action.type"].text() == f"Adds up to the total ({total})."
    # a typo in one category: the difference shows at once, and saving is refused
    panel.spins["students_involved.gender.female"].setValue(counts["students_involved.gender.female"] - 3)
    label = panel.check_labels["students_involved.gender"]
    assert label.text().endswith("the total is 30: 3 missing.")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    _settle(view.runner)
    assert "do not add up" in view.messages.text
    assert _sql(demo_db, "SELECT COUNT(*) FROM data_report")[0][0] == 0
    panel.spins["students_involved.gender.female"].setValue(counts["students_involved.gender.female"])
    assert label.text().startswith("Adds up to the total (30)")
    qtbot.keyClicks(panel.notes_edit, "First quarter under the new form")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    _settle(view.runner)
    assert "saved" in view.messages.text
    rows = _sql(demo_db, "SELECT r.side, r.period, r.notes, c.value FROM data_report r JOIN data_count c "
                         "ON c.report_id = r.id WHERE c.measure = 'disciplinary_action' AND c.dimension = 'total'")
    assert rows == [("school", "2026Q3", "First quarter under the new form", sum(DISCIPLINE["Hall High School"]))]
    assert panel.status_table.item(panel.school_combo.currentIndex(), 1).text().startswith("Entered")


def test_police_side_form_shows_the_police_figures(view):
    panel = view.data_panel
    panel.side_combo.setCurrentIndex(panel.side_combo.findData("police"))
    _settle(view.runner)
    assert set(k.split(".")[0] for k in panel.spins) == {"incident_report", "police_action"}
    assert "police_action.type.arrest" in panel.spins


def test_team_members_and_a_meeting(view, demo_db, qtbot):
    view.tabs.setCurrentWidget(view.team_panel)
    panel = view.team_panel
    assert panel.agreement_combo.currentText().startswith("AGR-2022-014")
    added = []
    for party in ("WHPD", "WHPS"):
        for _ in range(2):
            index = next(i for i in range(panel.person_combo.count())
                         if f"({party})" in panel.person_combo.itemText(i))
            added.append(panel.person_combo.itemText(index))
            panel.person_combo.setCurrentIndex(index)
            qtbot.mouseClick(panel.add_member_button, Qt.MouseButton.LeftButton)
            _settle(view.runner)
    assert panel.members_table.rowCount() == 4
    assert _sql(demo_db, "SELECT COUNT(*) FROM team_member WHERE active")[0][0] == 4
    for i in range(panel.attendees_list.count()):
        panel.attendees_list.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(panel.place_edit, "Town Hall")
    panel.minutes_edit.setPlainText("Reviewed the third quarter.")
    panel.recommendations_edit.setPlainText("Publish the quarterly report.")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    _settle(view.runner)
    assert "recorded" in view.messages.text
    assert _sql(demo_db, "SELECT held_on, location, recommendations FROM meeting") == [
        ("2026-11-23", "Town Hall", "Publish the quarterly report.")]
    assert _sql(demo_db, "SELECT COUNT(*) FROM meeting_attendee")[0][0] == 4
    assert panel.meetings_table.item(0, 3).text() == "Yes"
    assert "✔ 2026Q4" in panel.quarters_label.text() and "✘ 2026Q3" in panel.quarters_label.text()


def test_reports_save_as_pdf(view, demo_db, tmp_path):
    fill_quarter(demo_db, "2026Q3")
    view.tabs.setCurrentWidget(view.reports_panel)
    panel = view.reports_panel
    assert panel.quarter_combo.currentData() == "2026Q3"
    out = tmp_path / "quarterly.pdf"
    panel.quarterly_actions().save_as(str(out))
    _settle(view.runner)
    assert "saved" in view.messages.text
    txt = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert "Quarterly data report: 2026 Q3" in txt and "195" in txt
    panel.activities_edit.setPlainText("Met quarterly.")
    panel.save_text()
    _settle(view.runner)
    assert _sql(demo_db, "SELECT year, activities FROM annual_report") == [(2026, "Met quarterly.")]
    annual = tmp_path / "annual.pdf"
    panel.annual_actions().save_as(str(annual))
    _settle(view.runner)
    txt = subprocess.run(["pdftotext", "-layout", str(annual), "-"], capture_output=True, text=True,
                         check=True).stdout
    assert "Met quarterly." in txt


def test_compliance_view_lists_and_exports(qtbot, demo_db, tmp_path):
    from icalendar import Calendar

    from sharedsvc_desktop.services.compliance import compliance_items

    runner = DbRunner(demo_db)
    view = ComplianceView(runner, today=DEMO_TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    view.reload()
    _settle(runner)
    with demo_db.read_session() as s:
        expected = compliance_items(s, today=DEMO_TODAY)
    assert view.table.rowCount() == len(expected)
    assert [view.table.item(r, 3).text() for r in range(view.table.rowCount())] == [i.title for i in expected]
    overdue = sum(1 for i in expected if i.overdue)
    assert view.summary_label.text().startswith(f"{overdue} overdue, {len(expected) - overdue} due")
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("team_meeting"))
    assert view.table.rowCount() == 2
    out = tmp_path / "due.ics"
    view.export_ics(str(out))
    _settle(runner)
    assert "exported" in view.messages.text
    assert len(list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))) == len(expected)
    # entering the data clears those rows
    fill_quarter(demo_db, "2026Q3")
    view.reload()
    _settle(runner)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("quarterly_data"))
    assert view.table.rowCount() == 0
    _settle(runner)
