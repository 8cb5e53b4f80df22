"""The search box: results as you type (after a short pause), Enter or a click opens the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from sharedsvc_desktop.gui.ops import DbRunner
from sharedsvc_desktop.gui.search import SearchBox
from tests.conftest import raw_sql


def _box(qtbot, db):
    runner = DbRunner(db)
    host = QWidget()
    box = SearchBox(runner)
    layout = QVBoxLayout(host)
    layout.addWidget(box)
    box.host = host  # qtbot keeps only a weak reference
    host.resize(700, 80)
    qtbot.addWidget(host)
    host.show()
    return runner, box


def _settle(runner, qtbot, box, predicate):
    qtbot.waitUntil(lambda: (runner.wait_for_idle(), QApplication.processEvents(), predicate())[-1], timeout=10_000)


def test_typing_shows_results_and_enter_opens_the_first(qtbot, demo_db):
    runner, box = _box(qtbot, demo_db)
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "taxpay")
    _settle(runner, qtbot, box, lambda: box.popup.list.count() > 0)
    assert box.popup.isVisible()
    agreement = raw_sql(demo_db, "SELECT v.agreement_id FROM agreement_section s JOIN agreement_version v "
                                 "ON v.id = s.version_id WHERE s.body LIKE ?", "%taxpayer%")[0][0]
    assert box.hits[0].kind == "agreement" and box.hits[0].record_id == agreement
    assert "taxpayer" in box.popup.list.item(0).text()
    box.grab().save("/tmp/search_box.png")
    box.popup.grab().save("/tmp/search_popup.png")
    with qtbot.waitSignal(box.openRecord, timeout=5000) as sig:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert sig.args == ["agreement", agreement]
    assert not box.popup.isVisible()


def test_arrow_keys_move_and_click_opens(qtbot, demo_db):
    runner, box = _box(qtbot, demo_db)
    box.set_text("prom")
    _settle(runner, qtbot, box, lambda: box.popup.list.count() >= 2)
    proms = {r[0] for r in raw_sql(demo_db, "SELECT id FROM event WHERE title = ?", "Senior prom")}
    qtbot.keyClick(box.edit, Qt.Key.Key_Down)
    assert box.popup.list.currentRow() == 1
    with qtbot.waitSignal(box.openRecord, timeout=5000) as sig:
        qtbot.keyClick(box.edit, Qt.Key.Key_Return)
    assert sig.args[0] == "event" and sig.args[1] in proms
    box.set_text("conard")
    _settle(runner, qtbot, box, lambda: box.last_query == "conard")
    item = box.popup.list.item(0)
    with qtbot.waitSignal(box.openRecord, timeout=5000) as sig:
        box.popup.list.itemClicked.emit(item)
    assert sig.args[0] == "school"
    # Escape closes the list, a second one clears the box
    box.set_text("hall")
    _settle(runner, qtbot, box, lambda: box.last_query == "hall" and box.popup.isVisible())
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert not box.popup.isVisible() and box.edit.text() == "hall"
    qtbot.keyClick(box.edit, Qt.Key.Key_Escape)
    assert box.edit.text() == ""


def test_nothing_found_and_too_short(qtbot, demo_db):
    runner, box = _box(qtbot, demo_db)
    box.set_text("zzqxv")
    _settle(runner, qtbot, box, lambda: box.last_query == "zzqxv")
    assert box.popup.list.count() == 0 and "Nothing found" in box.popup.status.text()
    box.set_text("z")
    assert not box.popup.isVisible() and box.hits == []


def test_only_the_latest_answer_is_shown(qtbot, demo_db):
    runner, box = _box(qtbot, demo_db)
    box.set_text("ha")
    box._timer.stop()
    box._run()
    box.set_text("doyle")
    box._timer.stop()
    box._run()
    _settle(runner, qtbot, box, lambda: box.last_query == "doyle")
    runner.wait_for_idle()
    QApplication.processEvents()
    assert box.last_query == "doyle" and all("Doyle" in h.title for h in box.hits)
