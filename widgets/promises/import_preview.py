"""The preview of a promise table import: which header became which field, what will be added, skipped, created.

Nothing is written while it is open: OK hands the batch to the editor (one undo step), Cancel drops it. The core
(app.promise_import) gives every problem as a code with fields; the texts here are the translated templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.document import Document
from app.edits import Batch
from app.layout_graph import Size
from app.promise_import import ImportResult, RowProblem, import_table
from app.promise_sheet import COLUMNS, Columns, SheetTable, missing_columns

CONTEXT = "PromiseImport"

FIELD_NAMES: dict[str, str] = {
    "from": QT_TRANSLATE_NOOP("PromiseImport", "Who promises"),
    "to": QT_TRANSLATE_NOOP("PromiseImport", "To whom"),
    "text": QT_TRANSLATE_NOOP("PromiseImport", "Promise"),
    "metric": QT_TRANSLATE_NOOP("PromiseImport", "Metric"),
    "target": QT_TRANSLATE_NOOP("PromiseImport", "Target"),
    "status": QT_TRANSLATE_NOOP("PromiseImport", "Status"),
    "authorities": QT_TRANSLATE_NOOP("PromiseImport", "Authorities"),
    "resources": QT_TRANSLATE_NOOP("PromiseImport", "Resources"),
    "value": QT_TRANSLATE_NOOP("PromiseImport", "Root value"),
    "parent": QT_TRANSLATE_NOOP("PromiseImport", "Supports (parent promise)"),
    "notes": QT_TRANSLATE_NOOP("PromiseImport", "Notes"),
    "co": QT_TRANSLATE_NOOP("PromiseImport", "Joint promisers (one team a line)"),
    "alternatives": QT_TRANSLATE_NOOP("PromiseImport", "Alternative promisers (one team a line)"),
}
"""The fields of a promise a column can be read as (app.promise_sheet.COLUMNS' keys)."""
FIELD_KEYS = tuple(column.key for column in COLUMNS)

MESSAGES: dict[str, str] = {
    "empty-cell": QT_TRANSLATE_NOOP("PromiseImport", "the cell «{column}» is empty"),
    "unknown-status": QT_TRANSLATE_NOOP("PromiseImport", "unknown status «{status}» ({statuses})"),
    "client-promises": QT_TRANSLATE_NOOP(
        "PromiseImport", "«{name}» is a client segment, and a client never promises"),
    "self-promise": QT_TRANSLATE_NOOP("PromiseImport", "«{name}» cannot promise to itself"),
    "same-name": QT_TRANSLATE_NOOP("PromiseImport", "several teams are called «{name}»; the first one is used"),
    "parent-missing": QT_TRANSLATE_NOOP(
        "PromiseImport", "the promise it supports («{parent}») was not found; imported without it"),
    "parent-ambiguous": QT_TRANSLATE_NOOP(
        "PromiseImport", "several promises read «{parent}»; imported without the promise it supports"),
    "parent-skipped": QT_TRANSLATE_NOOP(
        "PromiseImport", "the promise it supports (row {parent_row}) was not imported; imported without it"),
    "parent-cycle": QT_TRANSLATE_NOOP(
        "PromiseImport", "the promises it supports lead back to itself; imported without the promise it supports"),
}
"""app.promise_import.MESSAGES in the user's language, by code."""

# Why a table cannot be read (English, from app/promise_sheet.py) and how to say it to a user.
REASONS = (
    (re.compile(r"no header row"), QT_TRANSLATE_NOOP(
        "PromiseImport", "No header row with the columns «Кто даёт», «Кому» and «Обещание» was found.")),
    (re.compile(r"old \.xls"), QT_TRANSLATE_NOOP(
        "PromiseImport", "Old .xls workbooks are not read: save it as .xlsx or .csv.")),
    (re.compile(r"is a \.xlsx or \.csv"), QT_TRANSLATE_NOOP(
        "PromiseImport", "A promise table is a .xlsx or .csv file.")),
    (re.compile(r"not (a readable |an )Excel"), QT_TRANSLATE_NOOP(
        "PromiseImport", "The file is not a readable Excel workbook.")),
    (re.compile(r"not a (readable CSV|text) table"), QT_TRANSLATE_NOOP(
        "PromiseImport", "The file is not a readable CSV table.")),
    (re.compile(r"more than \d+ rows|larger than"), QT_TRANSLATE_NOOP(
        "PromiseImport", "The table is too large to import.")),
)


def translated(text: str) -> str:
    """One of this module's QT_TRANSLATE_NOOP texts in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def problem_text(problem: RowProblem) -> str:
    """A row's problem in the user's language (the core's English words for a code it does not know)."""
    template = MESSAGES.get(problem.code)
    return translated(template).format(**problem.fields) if template else problem.message


def reason_text(reason: str) -> str:
    """Why a table cannot be read, in the user's language (the core's words when it is not a known reason)."""
    for pattern, text in REASONS:
        if pattern.search(reason):
            return translated(text)
    return reason


class ImportPreview(QDialog):
    """What an import of a table would do, shown before anything is written; `batch` is what OK applies."""

    columns_changed = Signal()
    """The user read a column as another field: the counts and rows were worked out again."""

    def __init__(self, document: Document, table: SheetTable, path: str | Path,
                 sizes: Mapping[str, Size] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promiseImportPreview")
        self.document = document
        self.table = table
        self.file_name = Path(path).name
        self.sizes = sizes
        self.columns: Columns = dict(table.columns)
        self.choices: dict[int, str | None] = {i: table.columns.get(i) for i in range(len(table.headers))}
        """What each column's combo box shows (a field another column holds since is not read here)."""
        self.recent: list[int] = []
        """Columns in the order their combo boxes were last changed, the latest first."""
        self.result: ImportResult = import_table(document, table, self.columns, sizes)
        self._build()
        self.retranslate()
        room = parent.window().size() if parent is not None else self.screen().availableGeometry().size()
        self.resize(min(1180, int(room.width() * 0.85)), min(700, int(room.height() * 0.85)))

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.mapping_box = QGroupBox()
        self.mapping = QTableWidget(len(self.table.headers), 3)
        self.mapping.setObjectName("importColumns")
        self.mapping.verticalHeader().hide()
        self.mapping.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mapping.setWordWrap(False)
        self.mapping.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.mapping.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for i, header in enumerate(self.table.headers):
            item = QTableWidgetItem(header.replace("\n", " ").strip())
            self.mapping.setItem(i, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"importColumn{i}")
            combo.addItem("", None)
            for key in FIELD_KEYS:
                combo.addItem("", key)
            combo.setCurrentIndex(max(0, combo.findData(self.columns.get(i))))
            combo.currentIndexChanged.connect(lambda _index, i=i: self._column_chosen(i))
            self.mapping.setCellWidget(i, 1, combo)
            self.combos.append(combo)
            example = self._example(i)
            cell = QTableWidgetItem(example.replace("\n", " ⏎ "))
            cell.setToolTip(example)
            cell.setForeground(self.palette().placeholderText())
            self.mapping.setItem(i, 2, cell)
        column = QVBoxLayout(self.mapping_box)
        self.mapping_note = QLabel()
        self.mapping_note.setWordWrap(True)
        column.addWidget(self.mapping_note)
        column.addWidget(self.mapping)
        self.created_box = QGroupBox()
        self.created = QLabel()
        self.created.setObjectName("importCreated")
        self.created.setWordWrap(True)
        self.created.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(self.created_box).addWidget(self.created)
        self.rows_box = QGroupBox()
        self.rows = QTableWidget(0, 4)
        self.rows.setObjectName("importRows")
        self.rows.verticalHeader().hide()
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setWordWrap(True)
        self.rows.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.rows.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Interactive,
                                    QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(1, 170)
        self.rows.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        QVBoxLayout(self.rows_box).addWidget(self.rows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.mapping_box, 1)
        left_column.addWidget(self.created_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.rows_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.split = split
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ the mapping
    def _column_chosen(self, index: int) -> None:
        """Read column `index` as the field chosen in its combo box; the latest choice of a field wins.

        Another column that shows the same field is not read while this one holds it (it is marked), and is read
        again when this one moves on: stepping through the list with the arrow keys loses nothing."""
        self.choices[index] = self.combos[index].currentData()
        self.recent = [index, *(i for i in self.recent if i != index)]
        self._reread()

    def set_columns(self, columns: Columns) -> None:
        """Read the table with `columns` and show what that import would do."""
        self.choices = {i: columns.get(i) for i in range(len(self.combos))}
        self.recent = []
        for i, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(self.choices[i])))
            combo.blockSignals(False)
        self._reread()

    def _reread(self) -> None:
        """The columns from the combo boxes' choices (the most recently chosen first), and the import they give."""
        order = sorted(self.choices, key=lambda i: (self.recent.index(i) if i in self.recent else len(self.recent), i))
        columns: Columns = {}
        for i in order:
            key = self.choices[i]
            if key is not None and key not in columns.values():
                columns[i] = key
        self.columns = dict(sorted(columns.items()))
        self.result = import_table(self.document, self.table, self.columns, self.sizes)
        self._refresh()
        self.columns_changed.emit()

    def _example(self, index: int) -> str:
        """The first value under column `index` (what helps to tell what the column holds)."""
        for _number, texts in self.table.data:
            if index < len(texts) and texts[index].strip():
                return texts[index].strip()
        return ""

    def _row_text(self, number: int) -> str:
        """The promise a row of the sheet holds, as the sheet writes it (under the column read as its text)."""
        index = next((i for i, k in self.columns.items() if k == "text"), None)
        texts = next((t for n, t in self.table.data if n == number), ())
        return texts[index].strip() if index is not None and index < len(texts) else ""

    @property
    def batch(self) -> Batch | None:
        """What OK applies: None when no row can be taken or a required column is not read."""
        return None if missing_columns(self.columns) else self.result.batch

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Import promises: %1").replace("%1", self.file_name))
        self.mapping_box.setTitle(self.tr("Columns of the table"))
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Header in the file"), self.tr("Read as"), self.tr("First value")])
        self.mapping_note.setText(self.tr("Each column is read as the field on its right: change it if wrong."))
        for combo in self.combos:
            combo.setItemText(0, self.tr("— not imported —"))
            for k, key in enumerate(FIELD_KEYS, start=1):
                combo.setItemText(k, translated(FIELD_NAMES[key]))
        self.created_box.setTitle(self.tr("Will be created"))
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Promise"), self.tr("What happens"), self.tr("Why")])
        self.cancel_button.setText(self.tr("Cancel"))
        self._refresh()

    def _refresh(self) -> None:
        """The summary, the created parties, the rows left out and the OK button for the current columns."""
        r = self.result
        missing = missing_columns(self.columns)
        if missing:
            names = ", ".join(f"«{translated(FIELD_NAMES[k])}»" for k in missing)
            self.summary.setText(self.tr("No column is read as %1: choose one to import.").replace("%1", names))
        elif r.batch is None:
            self.summary.setText(self.tr("No row of «%1» can be imported.").replace("%1", self.file_name))
        else:
            text = self.tr("%n promise(s) will be added from «%1».", "", r.taken).replace("%1", self.file_name)
            if r.skipped:
                text += " " + self.tr("%n row(s) will be skipped.", "", len(r.skipped))
            self.summary.setText(text)
        self.ok_button.setText(self.tr("Import %n promise(s)", "", r.taken) if self.batch else self.tr("Import"))
        self.ok_button.setEnabled(self.batch is not None)
        for i in range(self.mapping.rowCount()):
            item = self.mapping.item(i, 0)
            header = self.table.headers[i].replace("\n", " ").strip()
            shadowed = self.choices.get(i) is not None and i not in self.columns
            unknown = bool(header) and self.choices.get(i) is None and i not in self.table.columns
            font = item.font()
            font.setItalic(shadowed or unknown)
            item.setFont(font)
            item.setText(("⚠ " if shadowed or unknown else "") + header)
            if shadowed:
                field = translated(FIELD_NAMES[self.choices[i] or ""])
                item.setToolTip(self.tr("Not read: another column is read as «%1».").replace("%1", field))
            else:
                item.setToolTip(self.tr("Not recognised: choose the field it holds, if any.") if unknown else "")
        lines = [(self.tr("New teams"), r.created_teams), (self.tr("New client segments"), r.created_segments),
                 (self.tr("New root values"), r.created_values)]
        self.created.setText("\n".join(f"{title}: {', '.join(names)}" for title, names in lines if names)
                             or self.tr("Nothing: every team, segment and value exists already."))
        remarks = len(r.skipped) + len(r.warnings)
        self.rows_box.setTitle(self.tr("Rows with remarks (%1)").replace("%1", str(remarks)))
        problems = sorted([(p, True) for p in r.skipped] + [(p, False) for p in r.warnings], key=lambda x: x[0].row)
        self.rows.setRowCount(len(problems))
        for n, (problem, skipped) in enumerate(problems):
            what = self.tr("not imported") if skipped else self.tr("imported")
            for col, text in enumerate((str(problem.row), self._row_text(problem.row), what, problem_text(problem))):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 2 and skipped:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.rows.setItem(n, col, item)
        if not problems:
            self.rows.setRowCount(1)
            self.rows.setItem(0, 3, QTableWidgetItem(self.tr("Every row will be imported.")))
