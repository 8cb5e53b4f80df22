"""The user guide: plain, script-free HTML whose links all land, shown in the help window."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sharedsvc_desktop.gui import help as help_module
from sharedsvc_desktop.paths import resource_path

GUIDE = resource_path("help", "guide.html")


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.attrs_seen: set[str] = set()
        self.headings: list[tuple[str, str]] = []
        self._heading: str | None = None
        self.lang = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        self.attrs_seen.update(k.lower() for k in a)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag in ("h1", "h2", "h3"):
            self._heading = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag):
        if tag == self._heading:
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


@pytest.fixture(scope="module")
def outline() -> _Outline:
    parser = _Outline()
    parser.feed(GUIDE.read_text(encoding="utf-8"))
    return parser


def test_the_guide_is_plain_html_without_scripts(outline):
    assert outline.lang == "en"
    assert "script" not in outline.tags and "iframe" not in outline.tags
    assert not {a for a in outline.attrs_seen if a.startswith("on")}  # no onclick= and the like
    assert [t for t, _ in outline.headings].count("h1") == 1


def test_the_guide_covers_what_the_issue_asks_for(outline):
    titles = [text.strip() for tag, text in outline.headings if tag == "h2"]
    for needed in ("Getting started", "The screens", "Printing and PDF files", "Backups",
                   "Where your data lives"):
        assert needed in titles


def test_every_link_inside_the_guide_lands_on_a_section(outline):
    internal = [h[1:] for h in outline.hrefs if h.startswith("#")]
    assert len(internal) >= 5
    assert set(internal) <= outline.ids
    assert all(h.startswith("#") for h in outline.hrefs)  # nothing points off the machine


def test_the_help_window_shows_the_guide_and_jumps_to_a_section(qtbot):
    window = help_module.show_user_guide()
    qtbot.addWidget(window)
    QApplication.processEvents()
    text = window.browser.toPlainText()
    assert text.startswith("Shared Services Desktop: user guide")
    assert "Where your data lives" in text and "sharedsvc.sqlite3" in text
    assert window.browser.source().toLocalFile() == str(GUIDE)
    assert not window.back_button.isEnabled()

    window.show_section("backups")
    QApplication.processEvents()
    assert window.browser.source().fragment() == "backups"
    assert window.back_button.isEnabled()
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.browser.source().fragment() == ""

    # asking again raises the same window
    assert help_module.show_user_guide() is window
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    assert not window.isVisible()


def test_a_missing_guide_says_so_in_the_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(help_module, "guide_path", lambda: tmp_path / "guide.html")
    window = help_module.HelpWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.missing.isVisible() and not window.browser.isVisible()
    assert "missing from this installation" in window.missing.text()


def test_open_data_folder_opens_the_folder_and_refuses_without_one(tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(help_module.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert help_module.open_data_folder(None) is False
    assert help_module.open_data_folder(tmp_path) is True
    assert [u.toLocalFile() for u in opened] == [str(tmp_path)]
