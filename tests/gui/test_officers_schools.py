"""Managing officers and schools from the window: type into the forms, then look in the database."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from sharedsvc_desktop.models import Officer, Site
from tests.gui.conftest import settle


def _count(db, model) -> int:
    with db.read_session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _select_row_with(view, text: str, column: int = 0) -> None:
    model = view.model
    for row in range(model.rowCount()):
        obj = model.row_object(row)
        if obj is not None and text in model.data(model.index(row, column)):
            view.table.selectionModel().setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            return
    raise AssertionError(f"no row shows {text!r}")


def _save(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_add_officer_from_the_form(make_window, db, qtbot):
    window = make_window(db)
    window.go_to("Officers")
    settle(window)
    view = window.officers
    # GIVEN the empty Officers screen; WHEN the user presses Ctrl+N and fills in the form
    view.table.setFocus()
    view.add_action.trigger()
    dialog = view.current_dialog
    qtbot.keyClicks(dialog.ui.firstNameEdit, "Zo")
    dialog.ui.firstNameEdit.insert("ë")  # QTest types ASCII only
    dialog.ui.lastNameEdit.insert("O’Brien")
    qtbot.keyClicks(dialog.ui.badgeEdit, "B-77")
    dialog.ui.rankCombo.setCurrentText("Sergeant")
    qtbot.keyClicks(dialog.ui.hireDateEdit, "2019-06-01")
    qtbot.keyClicks(dialog.ui.emailEdit, "zobrien@pd.example.org")
    _save(dialog, qtbot)
    settle(window)
    # THEN the officer is in the database and shown, selected, with a success message
    with db.read_session() as s:
        officer = s.scalar(select(Officer).where(Officer.badge_number == "B-77"))
        assert officer is not None
        assert officer.person.first_name == "Zoë" and officer.person.last_name == "O’Brien"
        assert officer.rank == "Sergeant" and officer.hire_date.isoformat() == "2019-06-01"
    assert not dialog.isVisible()
    assert view.stack.currentWidget() is view.table
    assert view.model.rowCount() == 1
    assert "Zoë O’Brien" in view.messages.text
    assert view.selected_object() is not None and view.selected_object().badge_number == "B-77"


def test_invalid_officer_shows_errors_next_to_the_fields_and_saves_nothing(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    window.go_to("Officers")
    settle(window)
    before = _count(demo_db, Officer)
    view = window.officers
    view.open_editor(None)
    dialog = view.current_dialog
    # WHEN the user leaves the first name empty, reuses a badge and types a bad e-mail
    qtbot.keyClicks(dialog.ui.lastNameEdit, "Nobody")
    qtbot.keyClicks(dialog.ui.badgeEdit, "N101")
    qtbot.keyClicks(dialog.ui.emailEdit, "not-an-address")
    qtbot.keyClicks(dialog.ui.hireDateEdit, "31/12/2020")
    _save(dialog, qtbot)
    settle(window)
    # THEN each problem is shown under its field, the dialog stays open with the typing kept, nothing is saved
    assert dialog.isVisible()
    assert dialog.ui.firstNameError.isVisible() and "required" in dialog.ui.firstNameError.text()
    assert "already belongs to" in dialog.ui.badgeNumberError.text()
    assert "e-mail" in dialog.ui.emailError.text()
    assert "YYYY-MM-DD" in dialog.ui.hireDateError.text()
    assert not dialog.ui.lastNameError.isVisible()
    assert dialog.ui.lastNameEdit.text() == "Nobody"
    assert _count(demo_db, Officer) == before
    # WHEN the user corrects the fields THEN it saves
    dialog.ui.firstNameEdit.setText("Some")
    dialog.ui.badgeEdit.setText("N999")
    dialog.ui.emailEdit.setText("some@pd.example.org")
    dialog.ui.hireDateEdit.setText("2020-12-31")
    _save(dialog, qtbot)
    settle(window)
    assert not dialog.isVisible()
    assert _count(demo_db, Officer) == before + 1


def test_edit_and_deactivate_an_officer(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    window.go_to("Officers")
    settle(window)
    view = window.officers
    qtbot.keyClicks(view.search, "N101")
    qtbot.wait(300)
    settle(window)
    assert view.model.rowCount() == 1
    _select_row_with(view, "N101")
    settle(window)
    view.edit_action.trigger()
    dialog = view.current_dialog
    assert dialog.ui.badgeEdit.text() == "N101"
    dialog.ui.rankCombo.setCurrentText("Lieutenant")
    _save(dialog, qtbot)
    settle(window)
    with demo_db.read_session() as s:
        assert s.scalar(select(Officer.rank).where(Officer.badge_number == "N101")) == "Lieutenant"
    _select_row_with(view, "N101")
    settle(window)
    assert view.toggle_action.text() == "Deactivate"
    view.toggle_action.trigger()
    settle(window)
    with demo_db.read_session() as s:
        assert s.scalar(select(Officer.status).where(Officer.badge_number == "N101")) == "inactive"
    assert "inactive" in view.messages.text
    # the row is kept and can be reactivated
    _select_row_with(view, "N101")
    settle(window)
    assert view.toggle_action.text() == "Reactivate"
    view.toggle_action.trigger()
    settle(window)
    with demo_db.read_session() as s:
        assert s.scalar(select(Officer.status).where(Officer.badge_number == "N101")) == "active"


def test_add_edit_and_deactivate_a_school(make_window, db, qtbot):
    window = make_window(db)
    window.go_to("Schools")
    settle(window)
    view = window.schools
    view.empty.button.click()
    dialog = view.current_dialog
    qtbot.keyClicks(dialog.ui.nameEdit, "Hall High School")
    dialog.ui.levelCombo.setCurrentIndex(dialog.ui.levelCombo.findData("high"))
    qtbot.keyClicks(dialog.ui.principalEdit, "M. Blake")
    dialog.ui.timezoneCombo.setCurrentText("Mars/Olympus")
    _save(dialog, qtbot)
    settle(window)
    assert "time zone" in dialog.ui.timezoneError.text()
    assert _count(db, Site) == 0
    dialog.ui.timezoneCombo.setCurrentText("America/New_York")
    dialog.ui.inDistrictCheck.setChecked(False)
    _save(dialog, qtbot)
    settle(window)
    with db.read_session() as s:
        site = s.scalar(select(Site))
        assert (site.name, site.level, site.in_district, site.principal_name) == (
            "Hall High School", "high", False, "M. Blake"
        )
    _select_row_with(view, "Hall High School")
    settle(window)
    view.toggle_action.trigger()
    settle(window)
    with db.read_session() as s:
        assert s.scalar(select(Site.active)) is False
