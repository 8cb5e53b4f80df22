"""The main window: sections, shortcuts, dashboard, about box, saved geometry, empty states, fonts."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel

from sharedsvc_desktop import __version__
from sharedsvc_desktop.services.dashboard import dashboard
from tests.gui.conftest import settle

SECTIONS = [
    "Dashboard", "Due & overdue", "Agreements", "Events", "Outbox", "Officers", "SRO program", "Schools", "School staff",
    "Hours", "Ledger", "Oversight data", "Data & Reports", "Publish & lists", "Audit trail", "Settings",
]


def test_navigation_lists_every_section_and_shortcuts_switch(make_window, db, qtbot):
    window = make_window(db)
    names = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert names == SECTIONS
    # WHEN the user presses Ctrl+6
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settle(window)
    # THEN the Officers screen is shown
    assert window.current_view() is window.officers
    window.nav.setCurrentRow(SECTIONS.index("Schools"))
    assert window.current_view() is window.schools


def test_dashboard_shows_the_upcoming_events_of_the_demo(make_window, demo_db):
    window = make_window(demo_db)
    with demo_db.read_session() as s:
        expected = dashboard(s)
    shown = window.dashboard.data
    assert shown is not None
    assert [e.id for e in shown.upcoming] == [e.id for e in expected.upcoming]
    table = window.dashboard.table
    assert table.rowCount() == len(expected.upcoming)
    if expected.upcoming:
        first = expected.upcoming[0]
        assert table.item(0, 1).text() == first.site_name
        assert table.item(0, 4).text() == f"{first.officers_assigned} of {first.officers_requested}"
    assert window.dashboard.tile_understaffed.value.text() == str(expected.understaffed)


def test_empty_database_shows_what_to_do(make_window, db):
    window = make_window(db)
    assert window.dashboard.stack.currentWidget() is window.dashboard.empty
    window.go_to("Officers")
    settle(window)
    assert window.officers.stack.currentWidget() is window.officers.empty
    assert "Ctrl+N" in window.officers.empty.body.text()


def test_demo_flag_fills_an_empty_database(make_window, db):
    window = make_window(db, demo=True)
    settle(window)
    assert "Demo data loaded" in window.dashboard.messages.text
    assert window.dashboard.data is not None and window.dashboard.data.active_officers > 0


def test_about_box_names_version_and_data_folder(make_window, db):
    window = make_window(db)
    box = window.show_about()
    assert __version__ in box.text()
    assert str(db.data_dir) in box.text()
    buttons = [b.text() for b in box.buttons()]
    assert "Open data folder" in buttons
    box.close()


def test_window_geometry_and_splitter_are_restored(make_window, db):
    window = make_window(db)
    window.resize(710, 520)  # within the offscreen screen, which restoreGeometry respects
    window.splitter.setSizes([200, 500])
    size = (window.size().width(), window.size().height())  # the window's minimum width may win
    nav_width = window.splitter.sizes()[0]
    assert nav_width != 180  # moved away from the default
    window.close()
    assert QSettings().value("mainWindow/geometry") is not None
    again = make_window(db, size=None)
    assert (again.size().width(), again.size().height()) == size
    assert size != (1200, 760)  # not the first-start default
    assert again.splitter.sizes()[0] == nav_width


def test_text_renders_as_glyphs_not_boxes(qtbot):
    """Without fonts Qt draws every character as the same box, silently: two different words would look alike."""
    assert QFontDatabase.families(), "Qt found no fonts at all"
    images = []
    for text in ("Officer roster", "Hall High Sch."):
        label = QLabel(text)
        qtbot.addWidget(label)
        label.resize(200, 30)
        label.show()
        QApplication.processEvents()
        images.append(label.grab().toImage())
    assert images[0] != images[1]
    # and the label is not blank
    image = images[0]
    colors = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)}
    assert len(colors) > 2
