"""Import hour entries from CSV or XLSX: preview, column mapping, validation report, then one transaction.

Nothing is imported until the user presses Import after a check that found every row good, or after ticking
"leave out the bad rows" (the bad rows stay listed with their line numbers and reasons).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sharedsvc_desktop.errors import ValidationError
from sharedsvc_desktop.exchange.hours_csv import (
    COLUMNS,
    ImportReport,
    Sheet,
    guess_mapping,
    import_sheet,
    read_sheet,
)
from sharedsvc_desktop.gui.ops import DbRunner, user_message

PREVIEW_ROWS = 12


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


class HoursImportDialog(QDialog):
    def __init__(self, runner: DbRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.sheet: Sheet | None = None
        self.report: ImportReport | None = None
        self.on_imported: Any = None
        self.setWindowTitle("Import hours")
        self.resize(960, 720)
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        label = QLabel("&File:")
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName("File to import")
        label.setBuddy(self.path_edit)
        self.browse_button = QPushButton("&Choose…")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        hint = QLabel("Columns: " + ", ".join(COLUMNS) + ". Dates YYYY-MM-DD, times HH:MM local at the site. "
                      "People and sites must already exist.")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)

        self.preview = QTableWidget()
        self.preview.setAccessibleName("Preview of the first rows")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        layout.addWidget(QLabel("Preview (the first rows; the row numbers are the file's line numbers):"))
        layout.addWidget(self.preview, 2)

        mapping_box = QGroupBox("Column mapping: which column of the file holds each item")
        grid = QGridLayout(mapping_box)
        self.mapping_combos: dict[str, QComboBox] = {}
        for i, column in enumerate(COLUMNS):
            combo = QComboBox()
            combo.setAccessibleName(f"File column for {column}")
            lab = QLabel(f"{column}:")
            lab.setBuddy(combo)
            grid.addWidget(lab, i // 4, (i % 4) * 2)
            grid.addWidget(combo, i // 4, (i % 4) * 2 + 1)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.mapping_combos[column] = combo
        layout.addWidget(mapping_box)

        check_row = QHBoxLayout()
        self.check_button = QPushButton("Chec&k every row")
        self.check_button.clicked.connect(self.check)
        check_row.addWidget(self.check_button)
        self.summary = QLabel("Choose a file to begin.")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Check result")
        check_row.addWidget(self.summary, 1)
        layout.addLayout(check_row)
        self.errors_list = QListWidget()
        self.errors_list.setAccessibleName("Bad rows")
        self.errors_list.setWordWrap(True)
        layout.addWidget(self.errors_list, 1)
        self.accept_bad = QCheckBox("&Leave out the bad rows and import the good ones")
        self.accept_bad.setEnabled(False)
        self.accept_bad.toggled.connect(lambda _c: self._update_buttons())
        layout.addWidget(self.accept_bad)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.check_button.setEnabled(False)

    # -- file and mapping
    def browse(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getOpenFileName(self, "Import hours", folder,
                                              "Spreadsheets (*.csv *.xlsx);;CSV files (*.csv);;Excel (*.xlsx)")
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self.summary.setText("Reading the file…")
        self.runner.call(lambda: read_sheet(path), on_done=self._loaded, on_error=self._failed, owner=self)

    def _loaded(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.report = None
        headers = sheet.headers
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        shown = sheet.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        self.preview.setVerticalHeaderLabels([str(line) for line, _v in shown])
        for r, (_line, values) in enumerate(shown):
            for c in range(len(headers)):
                text = _cell_text(values[c]) if c < len(values) else ""
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()
        guessed = guess_mapping(headers)
        for column, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("(not in the file)", None)
            for i, h in enumerate(headers):
                combo.addItem(h or f"column {i + 1}", i)
            index = combo.findData(guessed[column])
            combo.setCurrentIndex(index if guessed[column] is not None and index >= 0 else 0)
            combo.blockSignals(False)
        self.summary.setText(f"{len(sheet.rows):,} rows read. Check the column mapping, then check every row.")
        self.check_button.setEnabled(True)
        self.errors_list.clear()
        self._update_buttons()

    def mapping(self) -> dict[str, int | None]:
        return {column: combo.currentData() for column, combo in self.mapping_combos.items()}

    def _mapping_changed(self) -> None:
        self.report = None
        self.errors_list.clear()
        if self.sheet is not None:
            self.summary.setText("The mapping changed: check every row again.")
        self._update_buttons()

    # -- check and import
    def check(self) -> None:
        if self.sheet is None:
            return
        self.check_button.setEnabled(False)
        self.summary.setText("Checking every row…")
        self.runner.read(import_sheet, sheet=self.sheet, mapping=self.mapping(), dry_run=True,
                         on_done=self._checked, on_error=self._failed, owner=self)

    def _checked(self, report: ImportReport) -> None:
        self.check_button.setEnabled(True)
        self.report = report
        self.errors_list.clear()
        for e in report.errors:
            self.errors_list.addItem(f"Line {e.line}: {e.reason}")
        bad = len(report.errors)
        if not bad:
            self.summary.setText(f"All {report.total_rows:,} rows are good ({report.minutes / 60:,.2f} hours). "
                                 "Press Import to add them in one step.")
            self.summary.setStyleSheet("color: #1e6b32;")
        else:
            self.summary.setText(f"{bad:,} of {report.total_rows:,} rows are bad (listed below). Nothing is imported "
                                 "until they are corrected, or you choose to leave them out.")
            self.summary.setStyleSheet("color: #b00020;")
        self.accept_bad.setChecked(False)
        self.accept_bad.setEnabled(bool(bad) and report.good_rows > 0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        r = self.report
        ready = r is not None and r.good_rows > 0 and (r.ok or self.accept_bad.isChecked())
        self.import_button.setEnabled(bool(ready))
        if r is not None and not r.ok and self.accept_bad.isChecked():
            self.import_button.setText(f"&Import {r.good_rows:,} good rows")
        else:
            self.import_button.setText("&Import")

    def do_import(self) -> None:
        if self.sheet is None or self.report is None:
            return
        self.import_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.summary.setText("Importing (one transaction)…")
        self.summary.setStyleSheet("")
        self.runner.write(import_sheet, sheet=self.sheet, mapping=self.mapping(),
                          accept_bad_rows=self.accept_bad.isChecked(), changes="hours", on_done=self._imported,
                          on_error=self._failed, owner=self)

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        if not report.imported:
            self._checked(report)
            return
        if self.on_imported is not None:
            self.on_imported(report)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(self.sheet is not None)
        if isinstance(exc, ValidationError):
            text = " ".join(exc.fields.values())
        else:
            text = user_message(exc)
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;")
        self._update_buttons()

