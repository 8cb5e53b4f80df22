"""The Hours and Ledger screens, driven as a user would, checked against the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import text

from sharedsvc_desktop.gui.ops import DbRunner
from tests.conftest import DEMO_TODAY
from tests.sql_helpers import named_sql


def settle(runner, rounds: int = 4) -> None:
    for _ in range(rounds):
        runner.wait_for_idle(15_000)
        QApplication.processEvents()


OCTOBER = "work_date BETWEEN '2026-10-01' AND '2026-10-31'"


def q(db, sql, **params):
    return named_sql(db, sql, **params)


@pytest.fixture
def view(qtbot, demo_db):
    from sharedsvc_desktop.gui.views.hours import HoursView

    runner = DbRunner(demo_db)
    v = HoursView(runner, today=DEMO_TODAY)
    qtbot.addWidget(v)
    v.resize(1300, 700)
    v.show()
    v.reload()
    settle(runner)
    yield v
    settle(runner)


def test_lists_and_filters_the_entries(view, demo_db):
    total = q(demo_db, "SELECT count(*), sum(minutes) FROM hour_entry")[0]
    assert view.model.rowCount() == total[0]
    assert view.count_label.text() == f"{total[0]:,} entries · {total[1] / 60:,.2f} hours"
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("building_patrol"))
    view.status_combo.setCurrentIndex(view.status_combo.findData("approved"))
    settle(view.runner)
    expected = q(demo_db, "SELECT count(*) FROM hour_entry WHERE kind='building_patrol' AND status='approved'")[0][0]
    assert view.model.rowCount() == expected > 0
    view.period_combo.setCurrentText("Chosen dates")
    from PySide6.QtCore import QDate

    view.from_edit.setDate(QDate(2026, 10, 1))
    view.to_edit.setDate(QDate(2026, 10, 31))
    settle(view.runner)
    expected = q(demo_db, "SELECT count(*) FROM hour_entry WHERE kind='building_patrol' AND status='approved' "
                          "AND work_date BETWEEN '2026-10-01' AND '2026-10-31'")[0][0]
    assert view.model.rowCount() == expected


def test_the_totals_are_asked_for_once_the_rows_are_on_the_screen(view, demo_db, qtbot, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from sharedsvc_desktop.gui.views import hours as hours_view

    happened: list[str] = []
    totals = hours_view.hours.filtered_total_minutes

    def counted(session, **filters):
        happened.append("totals asked")
        return totals(session, **filters)

    class Paints(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint and view.model.rowCount() and not view.model.loading:
                happened.append("rows painted")
            return False

    monkeypatch.setattr(hours_view.hours, "filtered_total_minutes", counted)
    spy = Paints()
    view.table.viewport().installEventFilter(spy)
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("building_patrol"))
    expected = q(demo_db, "SELECT count(*), sum(minutes) FROM hour_entry WHERE kind='building_patrol'")[0]
    qtbot.waitUntil(lambda: view.count_label.text() == f"{expected[0]:,} entries · {expected[1] / 60:,.2f} hours")
    assert happened[0] == "rows painted" and "totals asked" in happened

    # a screen that is not on show still gets its totals
    view.hide()
    happened.clear()
    view.kind_combo.setCurrentIndex(0)
    total = q(demo_db, "SELECT count(*), sum(minutes) FROM hour_entry")[0]
    qtbot.waitUntil(lambda: view.count_label.text() == f"{total[0]:,} entries · {total[1] / 60:,.2f} hours")
    assert happened == ["totals asked"]


def test_log_hours_from_the_dialog_and_errors_next_to_fields(view, demo_db, qtbot):
    before = q(demo_db, "SELECT count(*) FROM hour_entry")[0][0]
    view.add_action.trigger()
    settle(view.runner)
    dialog = view.current_dialog
    ui = dialog.ui
    ui.personCombo.setCurrentIndex(ui.personCombo.findText("badge N102", Qt.MatchFlag.MatchContains))
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("event_coverage"))
    ui.siteCombo.setCurrentIndex(ui.siteCombo.findText("Norwich High School"))
    qtbot.keyClicks(ui.startEdit, "22:00")
    qtbot.keyClicks(ui.endEdit, "19:00")
    ui.workDateEdit.setText("2026-11-21")
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(view.runner)
    assert dialog.isVisible() and "before the start" in ui.endError.text()
    assert q(demo_db, "SELECT count(*) FROM hour_entry")[0][0] == before
    ui.endNextDayCheck.setChecked(True)
    ui.endEdit.setText("01:30")
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(view.runner)
    assert not dialog.isVisible()
    row = q(demo_db, "SELECT minutes, kind, status FROM hour_entry ORDER BY id DESC LIMIT 1")[0]
    assert tuple(row) == (210, "event_coverage", "submitted")
    assert "3.50 hours" in view.messages.text


def _select_rows(view, rows):
    sel = view.table.selectionModel()
    sel.clearSelection()
    for r in rows:
        sel.select(view.model.index(r, 0),
                   QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_approve_selected_and_close_a_period(view, demo_db):
    view.status_combo.setCurrentIndex(view.status_combo.findData("submitted"))
    settle(view.runner)
    waiting = view.model.rowCount()
    assert waiting > 3
    ids = [view.model.id_at(r) for r in range(3)]
    _select_rows(view, range(3))
    assert view.approve_action.isEnabled()
    view.approve_action.trigger()
    settle(view.runner)
    got = q(demo_db, f"SELECT status FROM hour_entry WHERE id IN ({','.join(map(str, ids))})")
    assert [s for (s,) in got] == ["approved"] * 3
    assert "3 approved" in view.messages.text
    assert view.model.rowCount() == waiting - 3
    # closing last month is refused while October has entries waiting, then works
    from sharedsvc_desktop.gui.views.hours import ClosePeriodDialog

    view.close_action.trigger()
    dialog = view.current_dialog
    assert isinstance(dialog, ClosePeriodDialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(view.runner)
    october = q(demo_db, f"SELECT count(*) FROM hour_entry WHERE {OCTOBER} AND status='submitted'")
    if october[0][0]:
        assert dialog.isVisible() and "approval" in dialog.error.text()
        with demo_db.session() as s:
            s.execute(text(f"UPDATE hour_entry SET status='approved' WHERE {OCTOBER}"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        settle(view.runner)
    assert not dialog.isVisible()
    assert q(demo_db, f"SELECT DISTINCT status FROM hour_entry WHERE {OCTOBER}") == [("locked",)]
    assert "closed" in view.messages.text


def test_quick_patrol_remembers_last_choices(view, demo_db, qtbot):
    view.patrol_action.trigger()
    settle(view.runner)
    d = view.current_dialog
    d.person_combo.setCurrentIndex(d.person_combo.findText("badge N104", Qt.MatchFlag.MatchContains))
    d.site_combo.setCurrentIndex(d.site_combo.findText("St. Paul's Parish School"))
    d.start_edit.setText("")
    qtbot.keyClicks(d.start_edit, "13:15")
    d.minutes_spin.setValue(40)
    d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(view.runner)
    assert not d.isVisible()
    row = q(demo_db, "SELECT h.minutes, h.kind, s.name FROM hour_entry h JOIN site s ON s.id = h.site_id "
                     "ORDER BY h.id DESC LIMIT 1")[0]
    assert tuple(row) == (40, "building_patrol", "St. Paul's Parish School")
    view.patrol_action.trigger()
    settle(view.runner)
    again = view.current_dialog
    assert again is not d
    assert "N104" in again.person_combo.currentText()
    assert again.site_combo.currentText() == "St. Paul's Parish School"
    assert again.start_edit.text() == "13:15" and again.minutes_spin.value() == 40
    again.reject()


def test_import_dialog_preview_mapping_report_and_accept(view, demo_db, tmp_path):
    path = tmp_path / "visits.csv"
    path.write_text("Day,Employee,Badge #,School,Type,Hrs,Comments\n"
                    "2026-11-16,,N101,Norwich High School,building_patrol,1,good\n"
                    "2026-11-16,,N999,Norwich High School,building_patrol,1,bad badge\n"
                    "2026-11-17,,N101,Gibson Primary School,building_patrol,0.5,good too\n", encoding="utf-8")
    before = q(demo_db, "SELECT count(*) FROM hour_entry")[0][0]
    view.open_import_dialog(str(path))
    settle(view.runner)
    d = view.current_dialog
    assert d.preview.rowCount() == 3 and d.preview.verticalHeaderItem(1).text() == "3"
    assert d.mapping_combos["date"].currentText() == "Day"
    assert d.mapping_combos["kind"].currentText() == "Type"
    d.check_button.click()
    settle(view.runner)
    assert d.errors_list.count() == 1 and d.errors_list.item(0).text().startswith("Line 3: no officer has badge")
    assert not d.import_button.isEnabled()
    assert q(demo_db, "SELECT count(*) FROM hour_entry")[0][0] == before
    d.accept_bad.setChecked(True)
    assert d.import_button.isEnabled() and "2 good rows" in d.import_button.text()
    d.import_button.click()
    settle(view.runner)
    assert not d.isVisible()
    assert q(demo_db, "SELECT count(*), sum(minutes) FROM hour_entry WHERE import_batch IS NOT NULL") == [(2, 90)]
    assert "Imported 2 entries" in view.messages.text


def test_log_hours_from_an_event(view, demo_db):
    event_id, assigned = q(demo_db, "SELECT e.id, count(a.id) FROM event e JOIN assignment a ON a.event_id = e.id "
                                    "WHERE e.status='completed' GROUP BY e.id ORDER BY e.starts_at DESC LIMIT 1")[0]
    with demo_db.session() as s:
        s.execute(text("DELETE FROM hour_entry WHERE event_id = :e"), {"e": event_id})
    view.event_action.trigger()
    settle(view.runner)
    d = view.current_dialog
    assert d.list.count() >= 1
    for i in range(d.list.count()):
        if d.list.item(i).data(Qt.ItemDataRole.UserRole) == event_id:
            d.list.setCurrentRow(i)
    d.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    settle(view.runner)
    assert q(demo_db, "SELECT count(*) FROM hour_entry WHERE event_id = :e", e=event_id)[0][0] == assigned
    assert f"{assigned} entr" in view.messages.text


def test_export_from_the_screen(view, demo_db, tmp_path):
    target = tmp_path / "out.xlsx"
    view.export(str(target))
    settle(view.runner)
    from openpyxl import load_workbook

    wb = load_workbook(target, read_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert len(rows) - 1 == q(demo_db, "SELECT count(*) FROM hour_entry")[0][0]
    assert "exported" in view.messages.text


def test_ledger_view_shows_the_ledger_and_makes_an_invoice(qtbot, demo_db, tmp_path):
    from sharedsvc_desktop.gui.views.ledger import LedgerView
    from sharedsvc_desktop.services import ledger

    with demo_db.session() as s:
        s.execute(text("UPDATE hour_entry SET billable = :yes, status = 'approved' WHERE kind = 'building_patrol'"),
                  {"yes": True})
    runner = DbRunner(demo_db)
    v = LedgerView(runner, today=DEMO_TODAY)
    qtbot.addWidget(v)
    v.resize(1300, 800)
    v.show()
    v.reload()
    settle(runner)
    assert v.agreement_combo.currentText().startswith("AGR-2012-001")
    with demo_db.read_session() as s:
        led = ledger.agreement_ledger(s, agreement_id=v.agreement_combo.currentData(), date_from="2026-07-01",
                                      date_to="2027-06-30")
    assert v.total_labels["police"].text() == ledger.money(led.police_delivered_cents)
    assert v.total_labels["balance"].text() == ledger.money(led.balance_cents)
    assert v.lines_table.rowCount() == len(led.lines)
    assert v.groups_table.rowCount() == 1
    v.rate_edits["building_patrol"].setText("55.00")
    v.invoice_button.click()
    settle(runner)
    assert "Invoice INV-" in v.messages.text
    billed = q(demo_db, "SELECT count(*) FROM hour_entry WHERE invoice_id IS NOT NULL")[0][0]
    assert billed == q(demo_db, "SELECT count(*) FROM hour_entry WHERE kind = 'building_patrol'")[0][0]
    assert v.invoices_table.rowCount() == 1 and v.groups_table.rowCount() == 0
    out = v.invoice_actions(v.selected_invoice())
    out.save_as(str(tmp_path / "inv.pdf"))
    settle(runner)
    assert out.last_saved == tmp_path / "inv.pdf" and out.last_saved.read_bytes().startswith(b"%PDF")
