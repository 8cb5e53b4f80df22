"""The first-run setup wizard: shown after sign-in while the database is empty (no parties, officers, sites).

Pages: welcome (set up our office, or load the demo data instead: a last page says what it is) → the police department and the school
district → who signs for each (chief and superintendent, any title such as "Interim Superintendent") → the
schools (an editable list) → a summary. Finish saves everything with one service call,
``services.setup.complete_setup``, in one transaction through ``DbRunner``; the errors the service finds are shown
next to their fields and the wizard goes back to the first page that has one.

``offer_setup(runner, parent)`` asks the database whether it is empty and opens the wizard if so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from sharedsvc_desktop import APP_TITLE
from sharedsvc_desktop.defaults import SITE_LEVELS
from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.paths import resource_path
from sharedsvc_desktop.services.setup import CHIEF_TITLES, SUPERINTENDENT_TITLES, complete_setup, needs_setup
from sharedsvc_desktop.timeutil import DEFAULT_TIMEZONE, common_timezones

ERROR_STYLE = "color: #b00020;"

PAGE_WELCOME, PAGE_PARTIES, PAGE_SIGNATORIES, PAGE_SCHOOLS, PAGE_SUMMARY, PAGE_DEMO = range(6)


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setAccessibleName("Error")
    label.hide()
    return label


class _FormPage(QWizardPage):
    """A page of labelled inputs, each with an error label under it (filled from ``ValidationError.fields``)."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.inputs: dict[str, QWidget] = {}

    def add_field(self, field: str, label: str, widget: QWidget, *, accessible: str, hint: str = "") -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        widget.setAccessibleName(accessible)
        if hint:
            widget.setToolTip(hint)
            widget.setAccessibleDescription(hint)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = _error_label()
        error.setObjectName(f"{field}Error")
        column.addWidget(error)
        self.form.addRow(caption, box)
        self.errors[field] = error
        self.inputs[field] = widget
        return widget

    def add_heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>")
        self.form.addRow(label)

    def show_errors(self, fields: dict[str, str]) -> bool:
        """Show the messages for this page's fields; True when any was shown (focus goes to the first)."""
        first = None
        for field, label in self.errors.items():
            message = fields.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
            widget = self.inputs[field]
            widget.setProperty("invalid", bool(message))
            if message and first is None:
                first = widget
        if first is not None:
            first.setFocus()
        return first is not None


def _title_combo(titles: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(titles)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


class WelcomePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(f"Welcome to {APP_TITLE}")
        self.setSubTitle("This database is empty. Set up your office in a couple of minutes, or explore the demo.")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "The program keeps the agreement between a police department and a school district: who signs it, "
            "the schools it covers, the officers, events and hours. Start with the two parties, their "
            "signatories and your schools; everything can be changed later."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addSpacing(8)
        self.setup_radio = QRadioButton("&Set up our department, district and schools")
        self.setup_radio.setAccessibleName("Set up our department, district and schools")
        self.demo_radio = QRadioButton("Load the &demo data to explore the program first")
        self.demo_radio.setAccessibleName("Load the demo data")
        self.setup_radio.setChecked(True)
        layout.addWidget(self.setup_radio)
        layout.addWidget(self.demo_radio)
        demo_note = QLabel(
            "The demo fills this database with two fictional partnerships (Norwich, NY and West Hartford, CT). "
            "It is meant for trying the program: for your real records, use another data folder."
        )
        demo_note.setWordWrap(True)
        demo_note.setStyleSheet("color: #555; margin-left: 22px;")
        layout.addWidget(demo_note)
        layout.addStretch(1)
        self.demo_radio.toggled.connect(self.completeChanged)

    @property
    def demo(self) -> bool:
        return self.demo_radio.isChecked()

    def nextId(self) -> int:
        return PAGE_DEMO if self.demo else PAGE_PARTIES


class DemoPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Load the demo data")
        self.setSubTitle("Click Finish to fill this database with the sample.")
        layout = QVBoxLayout(self)
        self.text = QLabel(
            "The demo has two partnerships: the City of Norwich Police Department with the Norwich City School "
            "District (event coverage and building patrols traded for IT work), and the West Hartford Police "
            "Department with West Hartford Public Schools (School Resource Officers in five schools). The people "
            "are fictional; events, hours and agreements cover the current school year.<br><br>"
            "The demo can only go into an empty database. To start your own records afterwards, start the "
            "program with another data folder (<code>--data-dir</code>)."
        )
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.message = _error_label()
        self.message.setObjectName("formMessage")
        layout.addWidget(self.message)

    def nextId(self) -> int:
        return -1

    def validatePage(self) -> bool:
        wizard = self.wizard()
        return wizard.save_demo() if isinstance(wizard, SetupWizard) else True


class PartiesPage(_FormPage):
    def __init__(self) -> None:
        super().__init__(
            "The police department and the school district",
            "The two parties of your agreement, as their names appear on it.",
        )
        self.add_heading("Police department")
        self.police = self.add_field(
            "police", "N&ame:", QLineEdit(), accessible="Police department name",
            hint="For example: Town of West Hartford Police Department",
        )
        self.police_short = self.add_field(
            "police_short_name", "&Short name:", QLineEdit(), accessible="Police department short name",
            hint="Optional, for lists and headers, e.g. WHPD",
        )
        self.add_heading("School district (board of education)")
        self.district = self.add_field(
            "district", "Na&me:", QLineEdit(), accessible="School district name",
            hint="For example: West Hartford Public Schools",
        )
        self.district_short = self.add_field(
            "district_short_name", "Sh&ort name:", QLineEdit(), accessible="School district short name",
            hint="Optional, e.g. WHPS",
        )
        self.add_heading("Where you are")
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(common_timezones())
        self.timezone.setCurrentText(DEFAULT_TIMEZONE)
        self.add_field("timezone", "&Time zone:", self.timezone, accessible="Time zone",
                       hint="The time zone of your schools; event times are shown in it.")
        for line in (self.police, self.district):
            line.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.police.text().strip() and self.district.text().strip())


class SignatoriesPage(_FormPage):
    def __init__(self) -> None:
        super().__init__(
            "Who signs for each side",
            "The chief of police and the superintendent sign the agreement. An interim or acting title is fine.",
        )
        self.add_heading("Chief of police")
        self.chief_first = self.add_field("chief_first_name", "&First name:", QLineEdit(),
                                          accessible="Chief's first name")
        self.chief_last = self.add_field("chief_last_name", "&Last name:", QLineEdit(),
                                         accessible="Chief's last name")
        self.chief_title = self.add_field("chief_title", "&Title:", _title_combo(CHIEF_TITLES),
                                          accessible="Chief's title", hint="Choose one or type another title")
        self.add_heading("Superintendent of schools")
        self.supt_first = self.add_field("superintendent_first_name", "F&irst name:", QLineEdit(),
                                         accessible="Superintendent's first name")
        self.supt_last = self.add_field("superintendent_last_name", "L&ast name:", QLineEdit(),
                                        accessible="Superintendent's last name")
        self.supt_title = self.add_field("superintendent_title", "Titl&e:", _title_combo(SUPERINTENDENT_TITLES),
                                         accessible="Superintendent's title",
                                         hint="Choose one or type another title")
        for line in (self.chief_first, self.chief_last, self.supt_first, self.supt_last):
            line.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return all(w.text().strip() for w in (self.chief_first, self.chief_last, self.supt_first, self.supt_last))

    def person(self, which: str) -> dict[str, str]:
        first, last, title = (
            (self.chief_first, self.chief_last, self.chief_title)
            if which == "chief"
            else (self.supt_first, self.supt_last, self.supt_title)
        )
        return {"first_name": first.text(), "last_name": last.text(), "title": title.currentText()}


class _AddLineEdit(QLineEdit):
    """Enter adds the typed school; it must not also press the wizard's Next button."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class SchoolsPage(QWizardPage):
    """An editable list of schools: type a name, choose the level, Add; double-click a name to change it."""

    schoolsChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Your schools")
        self.setSubTitle("The district's schools where officers serve. Add more, or other sites, later on the "
                         "Schools screen.")
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        name_label = QLabel("School na&me:")
        self.name_edit = _AddLineEdit()
        self.name_edit.setAccessibleName("New school name")
        self.name_edit.setPlaceholderText("e.g. Hall High School")
        name_label.setBuddy(self.name_edit)
        level_label = QLabel("&Level:")
        self.level_combo = QComboBox()
        self.level_combo.setAccessibleName("New school level")
        for code, label in SITE_LEVELS.items():
            self.level_combo.addItem(label, code)
        level_label.setBuddy(self.level_combo)
        self.add_button = QPushButton("&Add school")
        self.add_button.setAutoDefault(False)
        row.addWidget(name_label)
        row.addWidget(self.name_edit, 1)
        row.addWidget(level_label)
        row.addWidget(self.level_combo)
        row.addWidget(self.add_button)
        layout.addLayout(row)

        self.table = QTableWidget(0, 2)
        self.table.setObjectName("schoolsTable")
        self.table.setAccessibleName("Schools to create")
        self.table.setHorizontalHeaderLabels(["School", "Level"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(1, 150)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        layout.addWidget(self.table, 1)
        self.empty_hint = QLabel("No schools yet: type a name above and press Enter. You can also skip this "
                                 "step and add them later.")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555;")
        layout.addWidget(self.empty_hint)
        below = QHBoxLayout()
        self.remove_button = QPushButton("&Remove selected")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        below.addWidget(self.remove_button)
        below.addStretch(1)
        layout.addLayout(below)
        self.error = _error_label()
        self.error.setObjectName("schoolsError")
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.add_from_fields)
        self.name_edit.returnPressed.connect(self.add_from_fields)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )

    def add_from_fields(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self.name_edit.setFocus()
            return
        self.add_school(name, self.level_combo.currentData())
        self.name_edit.clear()
        self.name_edit.setFocus()

    def add_school(self, name: str, level: str = "other") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setToolTip("Double-click to change the name")
        self.table.setItem(row, 0, item)
        combo = QComboBox()
        combo.setAccessibleName(f"Level of school {row + 1}")
        for code, label in SITE_LEVELS.items():
            combo.addItem(label, code)
        combo.setCurrentIndex(max(0, combo.findData(level)))
        self.table.setCellWidget(row, 1, combo)
        self.empty_hint.setVisible(False)
        self.schoolsChanged.emit()
        return row

    def remove_selected(self) -> None:
        for index in sorted((i.row() for i in self.table.selectionModel().selectedRows()), reverse=True):
            self.table.removeRow(index)
        self.empty_hint.setVisible(self.table.rowCount() == 0)
        self.schoolsChanged.emit()

    def schools(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            out.append({
                "name": item.text() if item is not None else "",
                "level": combo.currentData() if isinstance(combo, QComboBox) else "other",
            })
        return out

    def validatePage(self) -> bool:
        if self.name_edit.text().strip():  # typed but not added: add it rather than lose it
            self.add_from_fields()
        return True

    def show_errors(self, fields: dict[str, str]) -> bool:
        message = fields.get("schools", "")
        self.error.setText(message)
        self.error.setVisible(bool(message))
        return bool(message)


class SummaryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Ready to save")
        self.setSubTitle("Check the details, then click Finish. Everything is saved together.")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName("Summary")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary, 1)
        self.message = _error_label()
        self.message.setObjectName("formMessage")
        layout.addWidget(self.message)

    def nextId(self) -> int:
        return -1

    def initializePage(self) -> None:
        wizard = self.wizard()
        if isinstance(wizard, SetupWizard):
            self.summary.setText(wizard.summary_html())
        self.message.hide()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        return wizard.save_setup() if isinstance(wizard, SetupWizard) else True


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SetupWizard(QWizard):
    """The first-run wizard over a ``DbRunner``. ``outcome`` is "setup", "demo" or "" (cancelled)."""

    saved = Signal(object)  # the SetupSummary or DemoSummary

    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("setupWizard")
        self.setWindowTitle(f"Set up {APP_TITLE}")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        logo = QPixmap(str(resource_path("icons", "sharedsvc-64.png")))
        if not logo.isNull():
            self.setPixmap(QWizard.WizardPixmap.LogoPixmap, logo)
        self.welcome = WelcomePage()
        self.parties = PartiesPage()
        self.signatories = SignatoriesPage()
        self.schools_page = SchoolsPage()
        self.summary_page = SummaryPage()
        self.demo_page = DemoPage()
        self.setPage(PAGE_WELCOME, self.welcome)
        self.setPage(PAGE_PARTIES, self.parties)
        self.setPage(PAGE_SIGNATORIES, self.signatories)
        self.setPage(PAGE_SCHOOLS, self.schools_page)
        self.setPage(PAGE_SUMMARY, self.summary_page)
        self.setPage(PAGE_DEMO, self.demo_page)
        self.setStartId(PAGE_WELCOME)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Finish")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Set up later")
        self.resize(680, 560)
        self.outcome = ""
        self.result_summary: Any = None
        self._saving = False

    # -- what the user entered
    def values(self) -> dict[str, Any]:
        return {
            "police": self.parties.police.text(),
            "police_short_name": self.parties.police_short.text(),
            "district": self.parties.district.text(),
            "district_short_name": self.parties.district_short.text(),
            "timezone": self.parties.timezone.currentText().strip(),
            "chief": self.signatories.person("chief"),
            "superintendent": self.signatories.person("superintendent"),
            "schools": self.schools_page.schools(),
        }

    def summary_html(self) -> str:
        v = self.values()

        def person(p: dict[str, str]) -> str:
            return _esc(f"{p['first_name'].strip()} {p['last_name'].strip()}, {p['title'].strip()}")

        schools = [s for s in v["schools"] if s["name"].strip()]
        items = "".join(
            f"<li>{_esc(s['name'].strip())} ({_esc(SITE_LEVELS.get(s['level'], s['level']).lower())})</li>"
            for s in schools
        ) or "<li><i>none yet: add them later on the Schools screen</i></li>"
        return (
            f"<p><b>Police department:</b> {_esc(v['police'].strip())}<br>"
            f"<b>Signed by:</b> {person(v['chief'])}</p>"
            f"<p><b>School district:</b> {_esc(v['district'].strip())}<br>"
            f"<b>Signed by:</b> {person(v['superintendent'])}</p>"
            f"<p><b>Time zone:</b> {_esc(v['timezone'])}</p>"
            f"<p><b>Schools ({len(schools)}):</b></p><ul>{items}</ul>"
        )

    # -- saving
    def _set_busy(self, busy: bool) -> None:
        self._saving = busy
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.NextButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)

    def _finish(self, outcome: str, summary: Any) -> None:
        self.outcome = outcome
        self.result_summary = summary
        self._set_busy(False)
        self.saved.emit(summary)
        self.accept()  # validateCurrentPage() now returns True: the outcome is set

    def save_setup(self) -> bool:
        """Finish on the summary page: True once saved; the first call starts the save and returns False."""
        if self.outcome:
            return True
        if self._saving:
            return False
        for page in (self.parties, self.signatories, self.schools_page):
            page.show_errors({})
        self.summary_page.message.hide()
        self._set_busy(True)
        self.runner.write(
            complete_setup,
            changes="*",
            on_done=lambda summary: self._finish("setup", summary),
            on_error=self._setup_failed,
            owner=self,
            **self.values(),
        )
        return False

    def _setup_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            pages = [(PAGE_PARTIES, self.parties), (PAGE_SIGNATORIES, self.signatories),
                     (PAGE_SCHOOLS, self.schools_page)]
            target = None
            for page_id, page in pages:
                if page.show_errors(exc.fields) and target is None:
                    target = page_id
            if target is not None:
                while self.currentId() > target:
                    self.back()
                return
        self.summary_page.message.setText(user_message(exc))
        self.summary_page.message.show()

    def save_demo(self) -> bool:
        if self.outcome:
            return True
        if self._saving:
            return False
        from sharedsvc_desktop.services.demo import load_demo

        self._set_busy(True)
        self.runner.write(
            load_demo,
            changes="*",
            on_done=lambda summary: self._finish("demo", summary),
            on_error=self._demo_failed,
            owner=self,
        )
        return False

    def _demo_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.demo_page.message.setText(user_message(exc))
        self.demo_page.message.show()

    def reject(self) -> None:
        if self._saving:
            return  # the save is under way: let it finish
        super().reject()


_open_wizards: set[SetupWizard] = set()  # keeps a parentless wizard alive while it is open


def offer_setup(runner: DbRunner, parent: QWidget | None = None, *, on_saved: Any = None) -> None:
    """Open the wizard (non-modal to the caller: ``open()``) when the database is empty and the user may set up.

    ``on_saved(wizard)`` is called after the wizard saved (setup or demo)."""
    if not runner.can("manage_people"):
        return

    def answer(empty: bool) -> None:
        if not empty:
            return
        wizard = SetupWizard(runner, parent)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        if on_saved is not None:
            wizard.saved.connect(lambda _summary: on_saved(wizard))
        _open_wizards.add(wizard)
        wizard.finished.connect(lambda _result: _open_wizards.discard(wizard))
        wizard.open()

    runner.read(needs_setup, on_done=answer, owner=parent)
