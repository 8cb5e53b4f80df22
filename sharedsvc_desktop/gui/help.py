"""The user guide window (Help → User guide, F1): ``resources/help/guide.html`` in a QTextBrowser.

One window per application: asking again brings the open one to the front. Links inside the guide move within
it; links to web pages open in the browser. ``open_data_folder`` backs Help → Open data folder.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from sharedsvc_desktop import APP_TITLE
from sharedsvc_desktop.paths import resource_path

_window: HelpWindow | None = None


def guide_path() -> Path:
    return resource_path("help", "guide.html")


class HelpWindow(QDialog):
    """A non-modal window showing the user guide, with Back, Contents and Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(f"{APP_TITLE}: user guide")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(760, 640)

        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("&Back")
        self.back_button.setAccessibleName("Back to the previous place in the guide")
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton("&Contents")
        self.contents_button.setAccessibleName("Back to the contents of the guide")
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.contents_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.browser = QTextBrowser()
        self.browser.setObjectName("guideBrowser")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(True)
        layout.addWidget(self.browser, 1)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.hide()
        layout.addWidget(self.missing)

        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = QPushButton("Close")
        self.close_button.setAutoDefault(False)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

        self.back_button.clicked.connect(self.browser.backward)
        self.contents_button.clicked.connect(self.show_contents)
        self.close_button.clicked.connect(self.close)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self, self.browser.backward)
        self.load()

    def load(self) -> bool:
        """Show the guide; False (with a message in the window) when the file is missing."""
        path = guide_path()
        if not path.is_file():
            self.browser.hide()
            self.missing.setText(f"The user guide is missing from this installation ({path}). "
                                 "Reinstall the program to get it back.")
            self.missing.show()
            return False
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        return True

    def show_contents(self) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        self.browser.scrollToAnchor("contents")

    def show_section(self, anchor: str) -> None:
        url = QUrl.fromLocalFile(str(guide_path()))
        url.setFragment(anchor)
        self.browser.setSource(url)


def show_user_guide(parent: QWidget | None = None, *, section: str = "") -> HelpWindow:
    """Open the guide (or raise the open one); ``section`` jumps to an anchor such as ``backups``."""
    global _window
    if _window is None or not shiboken6.isValid(_window):
        _window = HelpWindow(parent)
    if section:
        _window.show_section(section)
    _window.show()
    _window.raise_()
    _window.activateWindow()
    return _window


def open_data_folder(folder: Path | str | None) -> bool:
    """Open the data folder in the file manager; False when there is none (a server database) or it fails."""
    if not folder:
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
