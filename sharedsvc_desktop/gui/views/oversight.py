"""The Oversight screen (section IX): quarterly data entry per school, the Collaboration Team and its meetings,
and the quarterly and annual reports."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.gui.ops import DbRunner, user_message
from sharedsvc_desktop.gui.printing import DocumentActions
from sharedsvc_desktop.gui.widgets import MessageBar, heading_label
from sharedsvc_desktop.services import oversight, team
from sharedsvc_desktop.services.oversight import MAX_COUNT, DataEntryForm, MeasureForm

ERROR_STYLE = "color: #8a1c1c;"
OK_STYLE = "color: #1e6b32;"


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class DataEntryPanel(QWidget):
    """Pick a school, a period and a side; type the counts into spin boxes; breakdowns are checked as you type."""

    def __init__(self, view: OversightView) -> None:
        super().__init__()
        self.view = view
        self.form: DataEntryForm | None = None
        self.spins: dict[str, QSpinBox] = {}
        self.check_labels: dict[str, QLabel] = {}
        self.total_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.school_combo = QComboBox()
        self.period_combo = QComboBox()
        self.side_combo = QComboBox()
        for combo, text in ((self.school_combo, "&School:"), (self.period_combo, "&Quarter:"),
                            (self.side_combo, "S&ide:")):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setAccessibleName(text.replace("&", "").rstrip(":"))
            pick.addWidget(label)
            pick.addWidget(combo, 1 if combo is self.school_combo else 0)
        for code, label in oversight.SIDES.items():
            self.side_combo.addItem(f"{label} figures", code)
        for period in oversight.recent_periods(today=view.today):
            self.period_combo.addItem(oversight.period_label(period), period)
        self.period_combo.setCurrentIndex(1)  # the last quarter that ended
        pick.addStretch(1)
        layout.addLayout(pick)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("color: #555;")
        layout.addWidget(self.state_label)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.grid_host = QWidget()
        self.grid_layout = QVBoxLayout(self.grid_host)
        self.scroll.setWidget(self.grid_host)
        layout.addWidget(self.scroll, 3)

        bottom = QHBoxLayout()
        notes_label = QLabel("&Notes:")
        self.notes_edit = QLineEdit()
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("Anything the team should know about these figures (no names)")
        notes_label.setBuddy(self.notes_edit)
        bottom.addWidget(notes_label)
        bottom.addWidget(self.notes_edit, 1)
        self.save_button = QPushButton("&Save figures")
        self.save_button.clicked.connect(self.save)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

        self.status_table = _table(["School", "School figures", "Police figures"], "Figures received")
        self.status_table.setMaximumHeight(180)
        layout.addWidget(QLabel("Figures received for this quarter:"))
        layout.addWidget(self.status_table, 1)

        self.school_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.period_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.side_combo.currentIndexChanged.connect(lambda _i: self.load())

    # -- loading
    def reload(self) -> None:
        self.view.runner.read(oversight.data_schools, on_done=self._schools_loaded, owner=self,
                              on_error=self.view.show_error)

    def _schools_loaded(self, schools: list[oversight.SchoolChoice]) -> None:
        current = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        for s in schools:
            self.school_combo.addItem(s.name, s.id)
        index = self.school_combo.findData(current)
        self.school_combo.setCurrentIndex(max(index, 0))
        self.school_combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        site_id = self.school_combo.currentData()
        period = self.period_combo.currentData()
        side = self.side_combo.currentData()
        self.view.runner.read(oversight.data_status, period=period, on_done=self._status_loaded, owner=self,
                              on_error=self.view.show_error)
        if site_id is None:
            self.state_label.setText("No school reports yet: add the schools of the SRO agreement first.")
            return
        self.view.runner.read(oversight.data_entry_form, site_id=site_id, side=side, period=period,
                              on_done=self._form_loaded, owner=self, on_error=self.view.show_error)

    def _status_loaded(self, rows: list[oversight.DataStatusRow]) -> None:
        _fill(self.status_table, [[r.site_name,
                                   f"Entered {r.school_entered_on:%d %b %Y}" if r.school_entered_on else "Missing",
                                   f"Entered {r.police_entered_on:%d %b %Y}" if r.police_entered_on else "Missing"]
                                  for r in rows])

    def _form_loaded(self, form: DataEntryForm) -> None:
        self.form = form
        self._build(form.layout)
        counts = form.report.counts if form.report else {}
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(counts.get(key, 0))
            spin.blockSignals(False)
        self.notes_edit.setText(form.report.notes if form.report else "")
        if form.report:
            day = form.report.submitted_on
            self.state_label.setText(f"Entered{f' on {day:%d %B %Y}' if day else ''}; change any figure and "
                                     "save again to correct it.")
        else:
            self.state_label.setText("Not entered yet. Counts only: never a student's name.")
        self.validate()

    def _build(self, layout: list[MeasureForm]) -> None:
        while self.grid_layout.count():
            item = self.grid_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.spins.clear()
        self.check_labels.clear()
        for m in layout:
            box = QGroupBox(m.label)
            grid = QGridLayout(box)
            total_label = QLabel("Total:")
            total = self._spin(f"{m.label}: total")
            total_label.setBuddy(total)
            self.spins[m.total_key] = total
            grid.addWidget(total_label, 0, 0)
            grid.addWidget(total, 0, 1)
            row = 1
            for b in m.breakdowns:
                heading = QLabel(f"<b>{b.label.capitalize()}</b>")
                grid.addWidget(heading, row, 0, 1, 2)
                row += 1
                for i, c in enumerate(b.categories):
                    label = QLabel(c.label)
                    label.setWordWrap(True)
                    spin = self._spin(f"{m.label} {b.label}: {c.label}")
                    label.setBuddy(spin)
                    self.spins[b.key(m.measure, c.code)] = spin
                    grid.addWidget(label, row + (i // 4), 2 * (i % 4))
                    grid.addWidget(spin, row + (i // 4), 2 * (i % 4) + 1)
                row += (len(b.categories) + 3) // 4
                check = QLabel()
                check.setWordWrap(True)
                check.setAccessibleName(f"{m.label} {b.label} check")
                self.check_labels[f"{m.measure}.{b.dimension}"] = check
                grid.addWidget(check, row, 0, 1, 8)
                row += 1
            self.grid_layout.addWidget(box)
        self.grid_layout.addStretch(1)

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, MAX_COUNT)
        spin.setAccessibleName(name)
        spin.setMinimumWidth(80)
        spin.setMaximumWidth(120)
        spin.valueChanged.connect(lambda _v: self.validate())
        return spin

    # -- checking and saving
    def values(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def validate(self) -> dict[str, str]:
        """Check the breakdowns against their totals now, showing the difference under each."""
        if self.form is None:
            return {}
        clean, errors = oversight.check_counts(self.form.layout, self.values())
        for m in self.form.layout:
            for b in m.breakdowns:
                key = f"{m.measure}.{b.dimension}"
                label = self.check_labels.get(key)
                if label is None:
                    continue
                if key in errors:
                    label.setText(errors[key])
                    label.setStyleSheet(ERROR_STYLE)
                else:
                    label.setText(f"Adds up to the total ({clean[m.total_key]:,}).")
                    label.setStyleSheet(OK_STYLE)
        return errors

    def save(self) -> None:
        if self.form is None:
            return
        errors = self.validate()
        if errors:
            self.view.messages.error("The figures do not add up yet: " + " ".join(errors.values()))
            return
        school = self.school_combo.currentText()
        self.view.runner.write(
            oversight.save_data_report, changes="oversight", site_id=self.form.site_id, side=self.form.side,
            period=self.form.period, counts=self.values(), notes=self.notes_edit.text(),
            on_done=lambda row: (self.view.messages.success(
                f"{school}: {oversight.SIDES[row.side].lower()} figures for {oversight.period_label(row.period)} "
                "saved."), self.load()),
            on_error=self.view.show_error, owner=self,
        )


class TeamPanel(QWidget):
    """Members by party, meetings with attendance, and the quarterly check."""

    def __init__(self, view: OversightView) -> None:
        super().__init__()
        self.view = view
        self.members: list[team.TeamMemberRow] = []
        self.meetings: list[team.MeetingRow] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        agreement_label = QLabel("&Agreement:")
        self.agreement_combo = QComboBox()
        self.agreement_combo.setAccessibleName("Agreement")
        agreement_label.setBuddy(self.agreement_combo)
        top.addWidget(agreement_label)
        top.addWidget(self.agreement_combo, 1)
        layout.addLayout(top)

        members_box = QGroupBox("Team members")
        mb = QVBoxLayout(members_box)
        self.members_table = _table(["Member", "Title", "Party", "Since"], "Team members")
        mb.addWidget(self.members_table)
        add_row = QHBoxLayout()
        person_label = QLabel("&Person:")
        self.person_combo = QComboBox()
        self.person_combo.setAccessibleName("Person to add to the team")
        person_label.setBuddy(self.person_combo)
        self.add_member_button = QPushButton("A&dd to team")
        self.remove_member_button = QPushButton("&Remove selected member")
        self.add_member_button.clicked.connect(self.add_member)
        self.remove_member_button.clicked.connect(self.remove_member)
        add_row.addWidget(person_label)
        add_row.addWidget(self.person_combo, 1)
        add_row.addWidget(self.add_member_button)
        add_row.addWidget(self.remove_member_button)
        mb.addLayout(add_row)
        layout.addWidget(members_box, 1)

        meetings_box = QGroupBox("Meetings")
        mt = QHBoxLayout(meetings_box)
        left = QVBoxLayout()
        self.meetings_table = _table(["Date", "Place", "Present", "Two of each party"], "Meetings")
        left.addWidget(self.meetings_table, 1)
        self.quarters_label = QLabel()
        self.quarters_label.setWordWrap(True)
        self.quarters_label.setAccessibleName("Quarterly meeting check")
        left.addWidget(self.quarters_label)
        mt.addLayout(left, 1)
        form_box = QGroupBox("Record a meeting")
        form = QFormLayout(form_box)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(_qdate(view.today))
        self.date_edit.setAccessibleName("Meeting date")
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName("Place")
        self.attendees_list = QListWidget()
        self.attendees_list.setAccessibleName("Members present")
        self.attendees_list.setMaximumHeight(110)
        self.minutes_edit = QPlainTextEdit()
        self.decisions_edit = QPlainTextEdit()
        self.recommendations_edit = QPlainTextEdit()
        for edit, name in ((self.minutes_edit, "Minutes"), (self.decisions_edit, "Decisions"),
                           (self.recommendations_edit, "Recommendations")):
            edit.setAccessibleName(name)
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(60)
        form.addRow("Da&te:", self.date_edit)
        form.addRow("P&lace:", self.place_edit)
        form.addRow("Members &present:", self.attendees_list)
        form.addRow("&Minutes:", self.minutes_edit)
        form.addRow("D&ecisions:", self.decisions_edit)
        form.addRow("Recomme&ndations:", self.recommendations_edit)
        self.record_button = QPushButton("Re&cord meeting")
        self.record_button.clicked.connect(self.record_meeting)
        form.addRow("", self.record_button)
        mt.addWidget(form_box, 1)
        layout.addWidget(meetings_box, 2)
        self.agreement_combo.currentIndexChanged.connect(lambda _i: self.load())
        for widget in (self.add_member_button, self.remove_member_button, self.record_button):
            widget.setEnabled(view.runner.can("manage_team"))

    @property
    def agreement_id(self) -> int | None:
        return self.agreement_combo.currentData()

    def reload(self) -> None:
        self.view.runner.read(team.program_agreements, on_done=self._agreements_loaded, owner=self,
                              on_error=self.view.show_error)

    def _agreements_loaded(self, choices: list[team.ProgramChoice]) -> None:
        current = self.agreement_combo.currentData()
        self.agreement_combo.blockSignals(True)
        self.agreement_combo.clear()
        for c in choices:
            self.agreement_combo.addItem(f"{c.number}: {c.title}", c.id)
        index = self.agreement_combo.findData(current)
        self.agreement_combo.setCurrentIndex(max(index, 0))
        self.agreement_combo.blockSignals(False)
        self.load()

    def load(self) -> None:
        aid = self.agreement_id
        runner, err = self.view.runner, self.view.show_error
        runner.read(team.list_team_members, agreement_id=aid, on_done=self._members_loaded, owner=self,
                    on_error=err)
        runner.read(team.list_meetings, agreement_id=aid, on_done=self._meetings_loaded, owner=self, on_error=err)
        runner.read(team.quarter_checks, agreement_id=aid, year=self.view.today.year, today=self.view.today,
                    on_done=self._quarters_loaded, owner=self, on_error=err)
        self.view.reports_panel.load()

    def _members_loaded(self, members: list[team.TeamMemberRow]) -> None:
        self.members = members
        _fill(self.members_table, [[m.name, m.title, m.party_name,
                                    f"{m.joined_on:%d %b %Y}" if m.joined_on else ""] for m in members])
        self.attendees_list.clear()
        for m in members:
            item = QListWidgetItem(f"{m.name} ({m.party_name})")
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.attendees_list.addItem(item)
        # the people who may join, once we know who is on the team already
        self.view.runner.read(team.team_candidates, agreement_id=self.agreement_id, on_done=self._candidates_loaded,
                              owner=self, on_error=self.view.show_error)

    def _candidates_loaded(self, people: list[team.PersonChoice]) -> None:
        on_team = {m.person_id for m in self.members}
        self.person_combo.clear()
        for p in people:
            if p.id not in on_team:
                self.person_combo.addItem(f"{p.name}, {p.title} ({p.party_name})".replace(", (", " ("), p.id)

    def _meetings_loaded(self, meetings: list[team.MeetingRow]) -> None:
        self.meetings = meetings
        _fill(self.meetings_table, [[f"{m.held_on:%d %b %Y}", m.location, m.presence_text,
                                     "Yes" if m.quorum else "No"] for m in meetings])

    def _quarters_loaded(self, checks: list[team.QuarterCheck]) -> None:
        lines = [f"{'✔' if c.met else '✘'} {c.quarter}: {c.text}" for c in checks]
        self.quarters_label.setText("\n".join(lines) or "No quarter to check yet.")

    def add_member(self) -> None:
        person_id = self.person_combo.currentData()
        if person_id is None:
            self.view.messages.error("Choose the person to add to the team.")
            return
        self.view.runner.write(team.add_team_member, changes="team", person_id=person_id,
                               agreement_id=self.agreement_id, joined_on=self.view.today,
                               on_done=lambda m: (self.view.messages.success(f"{m.name} joined the team."),
                                                  self.load()),
                               on_error=self.view.show_error, owner=self)

    def remove_member(self) -> None:
        row = self.members_table.currentRow()
        if not 0 <= row < len(self.members):
            self.view.messages.error("Select the member to remove first.")
            return
        member = self.members[row]
        self.view.runner.write(team.set_team_member_active, changes="team", member_id=member.id, active=False,
                               on_done=lambda m: (self.view.messages.success(f"{m.name} left the team."),
                                                  self.load()),
                               on_error=self.view.show_error, owner=self)

    def checked_member_ids(self) -> list[int]:
        ids = []
        for i in range(self.attendees_list.count()):
            item = self.attendees_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def record_meeting(self) -> None:
        def done(m: team.MeetingRow) -> None:
            note = "" if m.quorum else " Fewer than two members of each party were present."
            self.view.messages.success(f"Meeting of {m.held_on:%d %B %Y} recorded.{note}")
            for edit in (self.minutes_edit, self.decisions_edit, self.recommendations_edit):
                edit.clear()
            self.place_edit.clear()
            self.load()

        self.view.runner.write(
            team.record_meeting, changes="team", held_on=_pydate(self.date_edit.date()),
            attendee_ids=self.checked_member_ids(), agreement_id=self.agreement_id, location=self.place_edit.text(),
            minutes=self.minutes_edit.toPlainText(), decisions=self.decisions_edit.toPlainText(),
            recommendations=self.recommendations_edit.toPlainText(), on_done=done,
            on_error=self.view.show_error, owner=self,
        )


class ReportsPanel(QWidget):
    """The quarterly data report and the team's annual report (text, approval, print)."""

    def __init__(self, view: OversightView) -> None:
        super().__init__()
        self.view = view
        self.actions: DocumentActions | None = None
        layout = QVBoxLayout(self)
        q_box = QGroupBox("Quarterly data report (small counts hidden)")
        qb = QHBoxLayout(q_box)
        q_label = QLabel("&Quarter:")
        self.quarter_combo = QComboBox()
        self.quarter_combo.setAccessibleName("Quarter of the report")
        q_label.setBuddy(self.quarter_combo)
        for period in oversight.recent_periods(today=view.today)[:-1]:
            self.quarter_combo.addItem(oversight.period_label(period), period)
        self.quarter_combo.setCurrentIndex(1)
        self.quarterly_print = QPushButton("&Print…")
        self.quarterly_save = QPushButton("Save as P&DF…")
        self.quarterly_print.clicked.connect(lambda: self.quarterly_actions().print_preview())
        self.quarterly_save.clicked.connect(lambda: self.quarterly_actions().save_as())
        qb.addWidget(q_label)
        qb.addWidget(self.quarter_combo, 1)
        qb.addWidget(self.quarterly_print)
        qb.addWidget(self.quarterly_save)
        layout.addWidget(q_box)

        a_box = QGroupBox("Collaboration Team annual report")
        ab = QFormLayout(a_box)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(view.today.year)
        self.year_spin.setAccessibleName("Year of the annual report")
        self.activities_edit = QPlainTextEdit()
        self.activities_edit.setAccessibleName("Activities")
        self.recommendations_edit = QPlainTextEdit()
        self.recommendations_edit.setAccessibleName("Recommendations")
        for edit in (self.activities_edit, self.recommendations_edit):
            edit.setTabChangesFocus(True)
        approved_row = QHBoxLayout()
        self.approved_check = QCheckBox("Approved by the team on")
        self.approved_edit = QDateEdit()
        self.approved_edit.setCalendarPopup(True)
        self.approved_edit.setDisplayFormat("yyyy-MM-dd")
        self.approved_edit.setDate(_qdate(view.today))
        self.approved_edit.setAccessibleName("Approved on")
        approved_row.addWidget(self.approved_check)
        approved_row.addWidget(self.approved_edit)
        approved_row.addStretch(1)
        ab.addRow("&Year:", self.year_spin)
        ab.addRow("&Activities:", self.activities_edit)
        ab.addRow("&Recommendations:", self.recommendations_edit)
        ab.addRow("", approved_row)
        buttons = QHBoxLayout()
        self.annual_save_text = QPushButton("Sa&ve text")
        self.annual_print = QPushButton("Pri&nt annual report…")
        self.annual_save = QPushButton("Save annual report as PD&F…")
        self.annual_save_text.clicked.connect(self.save_text)
        self.annual_print.clicked.connect(lambda: self.annual_actions().print_preview())
        self.annual_save.clicked.connect(lambda: self.annual_actions().save_as())
        buttons.addStretch(1)
        for b in (self.annual_save_text, self.annual_print, self.annual_save):
            buttons.addWidget(b)
        ab.addRow("", buttons)
        self.annual_save_text.setEnabled(view.runner.can("manage_team"))
        layout.addWidget(a_box, 1)
        self.year_spin.valueChanged.connect(lambda _v: self.load())

    def reload(self) -> None:
        self.load()

    def load(self) -> None:
        self.view.runner.read(team.get_annual_report, agreement_id=self.view.agreement_id(),
                              year=self.year_spin.value(), on_done=self._text_loaded, owner=self,
                              on_error=self.view.show_error)

    def _text_loaded(self, row: team.AnnualReportRow) -> None:
        self.activities_edit.setPlainText(row.activities)
        self.recommendations_edit.setPlainText(row.recommendations)
        self.approved_check.setChecked(row.approved_on is not None)
        if row.approved_on:
            self.approved_edit.setDate(_qdate(row.approved_on))

    def save_text(self) -> None:
        approved = _pydate(self.approved_edit.date()) if self.approved_check.isChecked() else None
        self.view.runner.write(
            team.save_annual_report, changes="team", agreement_id=self.view.agreement_id(),
            year=self.year_spin.value(), activities=self.activities_edit.toPlainText(),
            recommendations=self.recommendations_edit.toPlainText(), approved_on=approved,
            on_done=lambda r: self.view.messages.success(f"Annual report text for {r.year} saved."),
            on_error=self.view.show_error, owner=self,
        )

    def quarterly_actions(self) -> DocumentActions:
        quarter = self.quarter_combo.currentData()
        self.actions = DocumentActions(self, self.view.runner, oversight.write_quarterly_report,
                                       title=f"quarterly data report {quarter}",
                                       default_name=f"quarterly-data-{quarter}.pdf",
                                       on_message=self.view.messages.show_message, quarter=quarter,
                                       today=self.view.today)
        return self.actions

    def annual_actions(self) -> DocumentActions:
        year = self.year_spin.value()
        self.actions = DocumentActions(self, self.view.runner, team.write_annual_report,
                                       title=f"annual report {year}", default_name=f"team-annual-report-{year}.pdf",
                                       on_message=self.view.messages.show_message, year=year,
                                       agreement_id=self.view.agreement_id(), today=self.view.today)
        return self.actions


class OversightView(QWidget):
    """Section IX: quarterly data, the Collaboration Team, the reports."""

    def __init__(self, runner: DbRunner, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.today = today or dt.date.today()
        self.setAccessibleName("Oversight")
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label("Oversight: quarterly data and the Collaboration Team"))
        self.messages = MessageBar()
        layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.data_panel = DataEntryPanel(self)
        self.team_panel = TeamPanel(self)
        self.reports_panel = ReportsPanel(self)
        self.tabs.addTab(self.data_panel, "&Quarterly data")
        self.tabs.addTab(self.team_panel, "&Team and meetings")
        self.tabs.addTab(self.reports_panel, "&Reports")
        layout.addWidget(self.tabs, 1)
        runner.changed.connect(self._on_changed)

    def agreement_id(self) -> int | None:
        return self.team_panel.agreement_id

    def show_error(self, exc: BaseException) -> None:
        self.messages.error(user_message(exc))

    def reload(self) -> None:
        self.data_panel.reload()
        self.team_panel.reload()  # then the reports panel, once the agreement is known

    def _on_changed(self, what: str) -> None:
        if what in ("sites", "agreements", "people", "*"):
            self.reload()
