"""Training records from the Officers screen, and the School staff & signatories screen, checked in the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.officer_detail import TrainingPanel, add_training_action
from sharedsvc_desktop.gui.views.officers import OfficersView
from sharedsvc_desktop.gui.views.people import PeopleView
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql


def settle(runner: DbRunner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


def sql(db, query: str, **params):
    return named_sql(db, query, **params)


def save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(dialog.runner)


@pytest.fixture
def lapsed(demo_db):
    """(officer id, person id) of a West Hartford officer whose SEL/restorative training has expired."""
    return sql(demo_db, "SELECT o.id, o.person_id FROM officer o JOIN qualification q ON q.person_id = o.person_id "
                        "WHERE q.kind = 'sel_restorative' AND q.expires_on < :t AND o.badge_number LIKE 'W%'",
               t=DEMO_TODAY.isoformat())[0]


def test_training_action_on_the_officers_screen(demo_db, qtbot, lapsed):
    runner = DbRunner(demo_db)
    view = OfficersView(runner)
    qtbot.addWidget(view)
    action = add_training_action(view)
    view.show()
    view.reload()
    settle(runner)
    assert action in view.toolbar.actions() and not action.isEnabled()
    view.select_id(lapsed[0])
    view.reload()
    settle(runner)
    assert action.isEnabled()
    action.trigger()
    settle(runner)
    panel = view.training_panel
    assert isinstance(panel, TrainingPanel) and panel.isVisible()
    assert panel.training is not None and panel.training.officer.id == lapsed[0]
    assert "Not eligible" in panel.eligibility.text() and "expired" in panel.eligibility.text()
    panel.close()


def test_add_a_current_course_makes_the_officer_eligible(demo_db, qtbot, lapsed):
    runner = DbRunner(demo_db)
    panel = TrainingPanel(runner, lapsed[0], today=DEMO_TODAY)
    qtbot.addWidget(panel)
    panel.show()
    settle(runner)
    assert not panel.training.officer.eligible
    states = [panel.table.item(r, 3).text() for r in range(panel.table.rowCount())]
    assert "Expired" in states and panel.table.rowCount() == 3
    assert "Expired on" in panel.required.text()
    panel.add_button.click()
    settle(runner)
    dialog = panel.current_dialog
    ui = dialog.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("sel_restorative"))
    qtbot.keyClicks(ui.completedOnEdit, "2026-11-20")
    qtbot.keyClicks(ui.expiresOnEdit, "2026-11-01")  # before completion: refused
    save(dialog, qtbot)
    assert dialog.isVisible() and "before the completion date" in ui.expiresOnError.text()
    ui.expiresOnEdit.setText("2028-11-20")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    assert sql(demo_db, "SELECT completed_on, expires_on FROM qualification WHERE person_id = :p AND "
                        "kind = 'sel_restorative' ORDER BY completed_on DESC", p=lapsed[1])[0] == (
        "2026-11-20", "2028-11-20")
    settle(runner)
    assert panel.training.officer.eligible and panel.eligibility.text().startswith("<b style='color:#1e6b32'>")
    assert "added" in panel.messages.text

    # expire the new record today: not eligible again, the record stays
    row = next(i for i, q in enumerate(panel.training.records) if q.completed_on.isoformat() == "2026-11-20")
    panel.select_row(row)
    assert panel.expire_button.isEnabled()
    panel.expire_button.click()
    settle(runner)
    assert sql(demo_db, "SELECT expires_on FROM qualification WHERE person_id = :p AND completed_on = '2026-11-20'",
               p=lapsed[1]) == [(DEMO_TODAY.isoformat(),)]
    # expired today still counts today; tomorrow it does not
    from sharedsvc_desktop.services.officers import get_officer

    with demo_db.read_session() as s:
        import datetime as dt

        assert not get_officer(s, officer_id=lapsed[0], today=DEMO_TODAY + dt.timedelta(days=1)).eligible


def test_edit_a_record_and_add_a_new_kind_of_training(demo_db, qtbot, lapsed):
    runner = DbRunner(demo_db)
    panel = TrainingPanel(runner, lapsed[0], today=DEMO_TODAY)
    qtbot.addWidget(panel)
    panel.show()
    settle(runner)
    row = next(i for i, q in enumerate(panel.training.records) if q.kind == "firearms")
    panel.select_row(row)
    panel.edit_button.click()
    settle(runner)
    dialog = panel.current_dialog
    assert dialog.ui.kindCombo.currentData() == "firearms"
    dialog.ui.notesEdit.setPlainText("Range 3, score 96")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    assert sql(demo_db, "SELECT notes FROM qualification WHERE person_id = :p AND kind = 'firearms'",
               p=lapsed[1]) == [("Range 3, score 96",)]

    panel.add_button.click()
    settle(runner)
    dialog = panel.current_dialog
    dialog.ui.kindCombo.setEditText("Crisis intervention team")
    dialog.ui.completedOnEdit.setText("2026-10-01")
    save(dialog, qtbot)
    settle(runner)
    assert not dialog.isVisible(), dialog.ui.formMessage.text()
    assert sql(demo_db, "SELECT c.label, q.completed_on FROM qualification q JOIN category c ON c.code = q.kind "
                        "AND c.domain = 'qualification' WHERE q.person_id = :p AND c.sort_order > 2",
               p=lapsed[1]) == [("Crisis intervention team", "2026-10-01")]


# ------------------------------------------------------------------------------------------ staff screen


def test_people_screen_add_edit_deactivate(demo_db, qtbot):
    runner = DbRunner(demo_db)
    view = PeopleView(runner)
    qtbot.addWidget(view)
    view.show()
    view.reload()
    settle(runner)
    expected = sql(demo_db, "SELECT count(DISTINCT person_id) FROM person_role")[0][0]
    assert view.model.rowCount() == expected
    view.add_action.trigger()
    settle(runner)
    dialog = view.current_dialog
    ui = dialog.ui
    qtbot.keyClicks(ui.firstNameEdit, "Julia")
    qtbot.keyClicks(ui.lastNameEdit, "Ortiz")
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("principal"))
    save(dialog, qtbot)
    assert dialog.isVisible() and "school" in ui.siteIdError.text()
    ui.siteCombo.setCurrentIndex(ui.siteCombo.findText("Conard High School"))
    qtbot.keyClicks(ui.emailEdit, "jortiz@whps.example.org")
    save(dialog, qtbot)
    assert not dialog.isVisible()
    person = sql(demo_db, "SELECT id, title FROM person WHERE last_name = 'Ortiz'")[0]
    assert person[1] == "Principal"
    assert sql(demo_db, "SELECT principal_name FROM site WHERE name = 'Conard High School'") == [("Julia Ortiz",)]
    settle(runner)
    assert view.selected_object() is not None and view.selected_object().id == person[0]
    # an edit to IT staff ends the principal role and opens the new one
    view.edit_action.trigger()
    settle(runner)
    dialog = view.current_dialog
    dialog.ui.roleCombo.setCurrentIndex(dialog.ui.roleCombo.findData("it_staff"))
    dialog.ui.titleEdit.setText("Network Administrator")
    assert not dialog.ui.siteCombo.isEnabled()
    save(dialog, qtbot)
    assert sql(demo_db, "SELECT role, site_id IS NULL, end_date IS NULL FROM person_role WHERE person_id = :p "
                        "ORDER BY id", p=person[0]) == [("principal", 0, 0), ("it_staff", 1, 1)]
    settle(runner)
    view.toggle_action.trigger()
    settle(runner)
    assert sql(demo_db, "SELECT active FROM person WHERE id = :p", p=person[0]) == [(0,)]
    assert "inactive" in view.messages.text
