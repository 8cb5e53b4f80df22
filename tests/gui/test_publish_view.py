"""The Publish view: the register, publishing a folder, the FOI ZIP, open data, and the user-defined lists."""

from __future__ import annotations

import json
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.views.publish import PublishView
from sharedsvc_desktop.services.permissions import Actor
from tests.conftest import raw_sql


def _view(qtbot, db, actor=None):
    runner = DbRunner(db, actor=actor)
    view = PublishView(runner)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.reload()
    _settle(runner)
    return runner, view


def _settle(runner, rounds=4):
    for _ in range(rounds):
        runner.wait_for_idle(20_000)
        QApplication.processEvents()


def test_register_lists_every_agreement_and_publishes(qtbot, demo_db, tmp_path):
    runner, view = _view(qtbot, demo_db)
    numbers = sorted(r[0] for r in raw_sql(demo_db, "SELECT number FROM agreement"))
    shown = sorted(view.table.item(i, 0).text() for i in range(view.table.rowCount()))
    assert shown == numbers
    assert "v1" in view.table.item(0, 7).text()
    view.grab().save("/tmp/publish_register.png")
    view.organization.setText("West Hartford Public Schools")
    view.publish_to(tmp_path / "site")
    _settle(runner)
    assert (tmp_path / "site" / "index.html").is_file()
    assert len(list((tmp_path / "site" / "pdf").glob("*.pdf"))) == 2
    assert "Published 2 agreement" in view.messages.text
    assert view.open_button.isEnabled()
    assert "West Hartford Public Schools" in (tmp_path / "site" / "index.html").read_text()


def test_foi_export_from_the_view(qtbot, demo_db, tmp_path):
    runner, view = _view(qtbot, demo_db, actor=Actor(1, "clerk", "administrator"))
    view.tabs.setCurrentIndex(1)
    index = view.foi_agreement.findText("AGR-2022-014", flags=Qt.MatchFlag.MatchStartsWith)
    view.foi_agreement.setCurrentIndex(index)
    view.foi_note.setText("Request 2026-17")
    view.grab().save("/tmp/publish_foi.png")
    view.export_foi(tmp_path / "foi.zip")
    _settle(runner)
    with zipfile.ZipFile(tmp_path / "foi.zip") as z:
        manifest = json.loads(z.read("manifest.json"))
    assert manifest["exported_by"] == "clerk" and manifest["request"]["note"] == "Request 2026-17"
    assert manifest["request"]["agreement"] == "AGR-2022-014"
    assert "foi.zip" in view.messages.text
    # nothing chosen: said next to the form, nothing written
    view.foi_agreement.setCurrentIndex(0)
    view.foi_period.setChecked(False)
    view.export_foi(tmp_path / "none.zip")
    assert "Choose an agreement" in view.foi_error.text() and not (tmp_path / "none.zip").exists()


def test_open_data_from_the_view(qtbot, demo_db, tmp_path):
    runner, view = _view(qtbot, demo_db)
    view.tabs.setCurrentIndex(2)
    from PySide6.QtCore import QDate

    view.od_from.setDate(QDate(2026, 9, 1))
    view.od_to.setDate(QDate(2026, 10, 31))
    view.grab().save("/tmp/publish_opendata.png")
    view.export_opendata(tmp_path / "od")
    _settle(runner)
    assert (tmp_path / "od" / "schema.json").is_file() and (tmp_path / "od" / "hours.json").is_file()
    assert "schema 1.0.0" in view.messages.text


def test_lists_editor_adds_renames_and_retires(qtbot, demo_db):
    runner, view = _view(qtbot, demo_db)
    view.tabs.setCurrentIndex(3)
    view.list_choice.setCurrentIndex(view.list_choice.findData("service_type"))
    _settle(runner)
    labels = [view.list_table.item(i, 0).text() for i in range(view.list_table.rowCount())]
    assert labels[0] == "Police event coverage" and "Transportation" in labels
    qtbot.keyClicks(view.entry_label, "Snow removal")
    view.add_button.click()
    _settle(runner)
    assert raw_sql(demo_db, "SELECT label, active FROM category WHERE domain = ? AND code = ?",
                   "service_type", "snow_removal") == [("Snow removal", 1)]
    view.select_entry("Snow removal")
    qtbot.keyClicks(view.entry_label, "Snow and ice removal")
    view.rename_button.click()
    _settle(runner)
    view.select_entry("Snow and ice removal")
    view.toggle_button.click()
    _settle(runner)
    assert raw_sql(demo_db, "SELECT label, active FROM category WHERE domain = ? AND code = ?",
                   "service_type", "snow_removal") == [("Snow and ice removal", 0)]
    # a duplicate is refused next to the field
    qtbot.keyClicks(view.entry_label, "transportation")
    view.add_button.click()
    _settle(runner)
    assert "already" in view.entry_error.text()
    view.grab().save("/tmp/publish_lists.png")


def test_read_only_user_cannot_export_or_edit(qtbot, demo_db):
    _runner, view = _view(qtbot, demo_db, actor=Actor(3, "viewer", "read_only"))
    assert not view.publish_button.isEnabled() and not view.foi_button.isEnabled()
    assert not view.add_button.isEnabled()
    assert view.table.rowCount() == 2
