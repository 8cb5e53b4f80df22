"""The first-run wizard: typed in page by page like a user would, then checked in the database with raw SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard
from sqlalchemy import text

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.wizard import (
    PAGE_DEMO,
    PAGE_PARTIES,
    PAGE_SCHOOLS,
    PAGE_SIGNATORIES,
    PAGE_SUMMARY,
    PAGE_WELCOME,
    SetupWizard,
    offer_setup,
)

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


@pytest.fixture
def make_wizard(qtbot):
    from sharedsvc_desktop.gui.app import application

    application()

    def make(db) -> SetupWizard:
        runner = DbRunner(db)
        wizard = SetupWizard(runner)
        runner.setParent(wizard)
        qtbot.addWidget(wizard)
        wizard.open()
        return wizard

    return make


def settle(wizard: SetupWizard) -> None:
    for _ in range(3):
        wizard.runner.wait_for_idle(20_000)
        QApplication.processEvents()


def click(qtbot, wizard: SetupWizard, which) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settle(wizard)


def rows(db, sql: str) -> list[tuple]:
    with db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def fill_parties_and_signatories(qtbot, wizard: SetupWizard) -> None:
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_PARTIES
    assert not wizard.button(NEXT).isEnabled()  # both names are needed first
    qtbot.keyClicks(wizard.parties.police, "Town of West Hartford Police Department")
    qtbot.keyClicks(wizard.parties.police_short, "WHPD")
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(wizard.parties.district, "West Hartford Public Schools")
    click(qtbot, wizard, NEXT)

    assert wizard.currentId() == PAGE_SIGNATORIES
    page = wizard.signatories
    qtbot.keyClicks(page.chief_first, "Vernon")
    qtbot.keyClicks(page.chief_last, "Riddick")
    qtbot.keyClicks(page.supt_first, "Tom")
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(page.supt_last, "Moore")
    page.supt_title.lineEdit().selectAll()
    qtbot.keyClicks(page.supt_title.lineEdit(), "Interim Superintendent")
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_SCHOOLS


def add_school(qtbot, wizard: SetupWizard, name: str, level_label: str, *, enter: bool = False) -> None:
    page = wizard.schools_page
    page.name_edit.insert(name) if not name.isascii() else qtbot.keyClicks(page.name_edit, name)
    page.level_combo.setCurrentText(level_label)
    if enter:
        qtbot.keyClick(page.name_edit, Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def test_typing_everything_in_and_finishing_creates_the_office(qtbot, db, make_wizard):
    wizard = make_wizard(db)
    assert wizard.currentId() == PAGE_WELCOME and wizard.welcome.setup_radio.isChecked()
    fill_parties_and_signatories(qtbot, wizard)

    add_school(qtbot, wizard, "Hall High School", "High")
    add_school(qtbot, wizard, "King Philip Middle School", "Middle", enter=True)
    add_school(qtbot, wizard, "École Aiken", "Elementary")
    add_school(qtbot, wizard, "Typo School", "Other")
    page = wizard.schools_page
    assert page.table.rowCount() == 4 and page.name_edit.text() == ""
    page.table.selectRow(3)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 3
    page.table.item(0, 0).setText("Hall High School ")  # edited in place (trailing space is trimmed)
    # a name typed but not added is kept when moving on
    qtbot.keyClicks(page.name_edit, "Conard High School")
    page.level_combo.setCurrentText("High")
    click(qtbot, wizard, NEXT)

    assert wizard.currentId() == PAGE_SUMMARY
    summary = wizard.summary_page.summary.text()
    assert "Tom Moore, Interim Superintendent" in summary and "Schools (4)" in summary
    assert "École Aiken" in summary
    assert rows(db, "SELECT count(*) FROM party") == [(0,)]  # nothing is saved before Finish
    click(qtbot, wizard, FINISH)

    assert wizard.result() == QDialog.DialogCode.Accepted and wizard.outcome == "setup"
    parties = rows(db, "SELECT id, name, short_name, kind FROM party ORDER BY kind")
    assert [p[1:] for p in parties] == [
        ("Town of West Hartford Police Department", "WHPD", "police_department"),
        ("West Hartford Public Schools", "", "school_district"),
    ]
    police_id, district_id = parties[0][0], parties[1][0]
    assert rows(db, "SELECT p.first_name, p.last_name, p.party_id, r.role, r.title FROM person p "
                    "JOIN person_role r ON r.person_id = p.id ORDER BY r.role") == [
        ("Vernon", "Riddick", police_id, "chief", "Chief of Police"),
        ("Tom", "Moore", district_id, "superintendent", "Interim Superintendent"),
    ]
    assert rows(db, "SELECT name, level, party_id FROM site ORDER BY name") == [
        ("Conard High School", "high", district_id),
        ("Hall High School", "high", district_id),
        ("King Philip Middle School", "middle", district_id),
        ("École Aiken", "elementary", district_id),
    ]


def test_a_mistake_found_by_the_service_goes_back_to_its_page_and_saves_nothing(qtbot, db, make_wizard):
    wizard = make_wizard(db)
    fill_parties_and_signatories(qtbot, wizard)
    add_school(qtbot, wizard, "Hall High School", "High")
    add_school(qtbot, wizard, "HALL HIGH SCHOOL", "High")
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, FINISH)

    assert wizard.isVisible() and wizard.currentId() == PAGE_SCHOOLS
    assert wizard.schools_page.error.isVisible()
    assert "listed twice" in wizard.schools_page.error.text()
    assert rows(db, "SELECT count(*) FROM party") == [(0,)]

    wizard.schools_page.table.selectRow(1)
    qtbot.mouseClick(wizard.schools_page.remove_button, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, FINISH)
    assert wizard.outcome == "setup"
    assert rows(db, "SELECT name FROM site") == [("Hall High School",)]


def test_an_error_on_the_first_pages_is_shown_next_to_its_field(qtbot, db, make_wizard):
    wizard = make_wizard(db)
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.parties.police, "Norwich")
    qtbot.keyClicks(wizard.parties.district, "NORWICH")
    wizard.parties.timezone.setCurrentText("Mars/Base")
    click(qtbot, wizard, NEXT)
    for widget, value in ((wizard.signatories.chief_first, "A"), (wizard.signatories.chief_last, "B"),
                          (wizard.signatories.supt_first, "C"), (wizard.signatories.supt_last, "D")):
        qtbot.keyClicks(widget, value)
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, FINISH)
    assert wizard.currentId() == PAGE_PARTIES
    assert wizard.parties.errors["district"].isVisible()
    assert "name of its own" in wizard.parties.errors["district"].text()
    assert "Mars/Base" in wizard.parties.errors["timezone"].text()
    assert not wizard.parties.errors["police"].isVisible()
    assert rows(db, "SELECT count(*) FROM party") == [(0,)]


def test_choosing_the_demo_loads_it_instead(qtbot, db, make_wizard):
    wizard = make_wizard(db)
    assert wizard.button(NEXT).isVisible()
    radio = wizard.welcome.demo_radio
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert wizard.welcome.demo_radio.isChecked()
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == PAGE_DEMO
    click(qtbot, wizard, FINISH)
    assert wizard.outcome == "demo" and wizard.result() == QDialog.DialogCode.Accepted
    assert rows(db, "SELECT count(*) FROM party") == [(4,)]
    assert rows(db, "SELECT count(*) FROM officer")[0][0] > 0


def test_set_up_later_saves_nothing(qtbot, db, make_wizard):
    wizard = make_wizard(db)
    fill_parties_and_signatories(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    settle(wizard)
    assert wizard.result() == QDialog.DialogCode.Rejected and wizard.outcome == ""
    assert rows(db, "SELECT count(*) FROM party") == [(0,)]


def test_offer_setup_opens_the_wizard_only_on_an_empty_database(qtbot, db, make_wizard):
    from sharedsvc_desktop.gui import wizard as wizard_module
    from sharedsvc_desktop.services.sites import add_site

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = DbRunner(db, parent)
    offer_setup(runner, parent)
    runner.wait_for_idle()
    QApplication.processEvents()
    opened = [w for w in wizard_module._open_wizards if w.parent() is parent]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].reject()
    QApplication.processEvents()
    assert not [w for w in wizard_module._open_wizards if w.parent() is parent]

    with db.session() as s:
        add_site(s, name="Hall High School")
    offer_setup(runner, parent)
    runner.wait_for_idle()
    QApplication.processEvents()
    assert not [w for w in wizard_module._open_wizards if w.parent() is parent]


def test_the_demo_into_a_database_that_is_no_longer_empty_explains_why_not(qtbot, db, make_wizard):
    from sharedsvc_desktop.services.sites import add_site

    wizard = make_wizard(db)
    wizard.welcome.demo_radio.setChecked(True)
    click(qtbot, wizard, NEXT)
    with db.session() as s:  # someone else added a school meanwhile
        add_site(s, name="Hall High School")
    click(qtbot, wizard, FINISH)
    assert wizard.isVisible() and wizard.outcome == ""
    assert "only be loaded into an empty database" in wizard.demo_page.message.text()
    assert wizard.button(FINISH).isEnabled()
