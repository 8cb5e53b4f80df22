"""The Events screen: a secretary requests a season of games, the scheduler approves and staffs them, a conflict
is refused with its reason shown and overridden with a recorded reason, a request is declined."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.events import EventsView
from sharedsvc_desktop.services import events
from tests.conftest import raw_sql

NOW = dt.datetime(2026, 11, 23, 15, tzinfo=dt.UTC)


def raw(db, sql: str, *params: object) -> list[tuple]:
    return raw_sql(db, sql, *params)


def settle(runner: DbRunner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


@pytest.fixture
def view(qtbot, demo_db):
    runner = DbRunner(demo_db)
    v = EventsView(runner, now=NOW)
    qtbot.addWidget(v)
    v.resize(1250, 720)
    v.show()
    v.reload()
    settle(runner)
    yield v
    settle(runner)


def select(table, model, event_id: int) -> None:
    row = model.row_of_id(event_id)
    assert row >= 0, event_id
    table.selectionModel().setCurrentIndex(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.scrollTo(model.index(row, 0))  # shown, so its page of rows is fetched
    QApplication.processEvents()
    for _ in range(4):
        table.viewport().repaint()
        settle(table.model()._runner, 1)


def test_season_requested_approved_staffed_and_conflicts(view, demo_db, qtbot):
    runner = view.runner
    # GIVEN the secretary's request form, filled in for a season of Friday games
    view.new_request()
    dialog = view.current_dialog
    settle(runner)
    ui = dialog.ui
    ui.siteCombo.setCurrentIndex(ui.siteCombo.findText("Hall High School"))
    ui.typeCombo.setCurrentIndex(ui.typeCombo.findData("varsity_game"))
    qtbot.keyClicks(ui.titleEdit, "Football home game")
    ui.dateEdit.setDate(QDate(2027, 9, 3))
    ui.startTimeEdit.setTime(QTime(19, 0))
    ui.endTimeEdit.setTime(QTime(22, 0))
    ui.officersSpin.setValue(2)
    qtbot.keyClicks(ui.requesterEdit, "Gail Morrison")
    ui.repeatGroup.setChecked(True)
    ui.untilEdit.setDate(QDate(2027, 11, 12))
    qtbot.keyClicks(ui.exceptionsEdit, "2027-10-08")
    assert "10 events" in ui.repeatSummary.text()
    assert ui.agreementCombo.currentData() is not None  # the agreement covering Hall High School
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(runner)
    # THEN ten events of one series are waiting, and the list says so
    rows = raw(demo_db, "SELECT e.id, e.status, e.series_id, s.name FROM event e JOIN site s ON s.id = e.site_id "
                        "WHERE e.title = 'Football home game' ORDER BY e.starts_at")
    assert len(rows) == 10 and {r[1] for r in rows} == {"requested"} and len({r[2] for r in rows}) == 1
    assert {r[3] for r in rows} == {"Hall High School"}
    assert not dialog.isVisible() and "10 events requested" in view.messages.text
    ids = [r[0] for r in rows]
    assert set(ids) <= set(view.waiting_model.ids)

    # WHEN the scheduler approves each from the "waiting for approval" tab
    view.tabs.setCurrentIndex(1)
    for event_id in ids:
        select(view.waiting_table, view.waiting_model, event_id)
        assert view.approve_action.isEnabled()
        view.approve_action.trigger()
        settle(runner)
    assert {s for (s,) in raw(demo_db, f"SELECT status FROM event WHERE id IN ({','.join(map(str, ids))})")} == {
        "approved"}
    assert not set(ids) & set(view.waiting_model.ids)

    # AND staffs the first game with two officers
    view.tabs.setCurrentIndex(0)
    view.period_combo.setCurrentIndex(view.period_combo.findText("All dates"))
    settle(runner)
    select(view.table, view.model, ids[0])
    view.assign_action.trigger()
    assign = view.current_dialog
    settle(runner)
    available = [c for c in assign.candidates if c.available]
    chosen = available[:2]
    for c in chosen:
        assign.select_officer(c.officer_id)
        assert assign.assign_button.isEnabled()
        qtbot.mouseClick(assign.assign_button, Qt.MouseButton.LeftButton)
        settle(runner)
    assert raw(demo_db, "SELECT status FROM event WHERE id = ?", ids[0]) == [("staffed",)]
    assert len(assign.assigned) == 2 and "assigned" in assign.messages.text
    assign.reject()

    # AND an overlapping event cannot take the same officer without a supervisor's reason
    with demo_db.session() as s:
        clash = events.request_event(s, site_id=raw(demo_db, "SELECT id FROM site WHERE name = 'Conard High School'")
                                     [0][0], event_type="dance", title="Fall dance",
                                     local_start=dt.datetime(2027, 9, 3, 20), local_end=dt.datetime(2027, 9, 3, 23),
                                     status="approved")
    view.reload_list()  # written behind the screen's back
    settle(runner)
    select(view.table, view.model, clash.id)
    view.assign_action.trigger()
    assign = view.current_dialog
    settle(runner)
    busy = next(c for c in assign.candidates if c.officer_id == chosen[0].officer_id)
    assert not busy.available and "“Football home game” at Hall High School, Fri 03 Sep 2027 19:00–22:00" in busy.reason
    assign.select_officer(busy.officer_id)
    assert not assign.assign_button.isEnabled() and "override" in assign.assign_button.text()
    qtbot.keyClicks(assign.override_edit, "Game ends early")
    assert assign.assign_button.isEnabled()
    qtbot.mouseClick(assign.assign_button, Qt.MouseButton.LeftButton)
    settle(runner)
    reason = raw(demo_db, "SELECT override_reason FROM assignment WHERE event_id = ? AND officer_id = ?", clash.id,
                 busy.officer_id)
    assert reason and reason[0][0].startswith("Game ends early")
    assign.reject()


def test_decline_with_a_reason_and_cancel(view, demo_db, qtbot):
    runner = view.runner
    view.tabs.setCurrentIndex(1)
    settle(runner)
    first = view.waiting_model.ids[0]
    select(view.waiting_table, view.waiting_model, first)
    view.decline_action.trigger()
    dialog = view.current_dialog
    dialog.submit()  # no reason: refused inline
    assert dialog.error.isVisible() and raw(demo_db, "SELECT status FROM event WHERE id = ?", first) == [
        ("requested",)]
    dialog.reason.insertPlainText("No officers free that night — sorry")
    dialog.submit()
    settle(runner)
    assert raw(demo_db, "SELECT status, decline_reason FROM event WHERE id = ?", first) == [
        ("declined", "No officers free that night — sorry")]
    assert "declined" in view.messages.text
    view.tabs.setCurrentIndex(0)
    settle(runner)
    target = view.model.ids[0]
    select(view.table, view.model, target)
    view.cancel_action.trigger()
    view.current_dialog.submit()
    settle(runner)
    status, cancelled_at = raw(demo_db, "SELECT status, cancelled_at FROM event WHERE id = ?", target)[0]
    assert status == "cancelled" and cancelled_at is not None
    assert target not in view.model.ids  # the list shows open events


def test_filters_by_status_and_school(view, demo_db):
    runner = view.runner
    view.period_combo.setCurrentIndex(view.period_combo.findText("All dates"))
    view.status_combo.setCurrentIndex(view.status_combo.findText("Completed"))
    view.school_combo.setCurrentIndex(view.school_combo.findText("Conard High School"))
    settle(runner)
    expected = [i for (i,) in raw(demo_db, "SELECT e.id FROM event e JOIN site s ON s.id = e.site_id WHERE "
                                           "e.status = 'completed' AND s.name = 'Conard High School' "
                                           "ORDER BY e.starts_at, e.id")]
    assert view.model.ids == expected and expected
    assert view.count_label.text() == f"{len(expected)} events"
