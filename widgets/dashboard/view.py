"""The dashboard page («единый дашборд для отслеживания всех клиентских и внутренних метрик», L615): the figures of
every promise and team indicator, kept or broken, per team and for the whole organisation; it follows every edit."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPainter, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import readings as r
from app.changed import Changes
from app.document import Document
from widgets.base.editor_api import EditorAction
from widgets.base.live import changes_of
from widgets.base.undo import push_edit
from widgets.dashboard.model import (
    LATEST,
    LINE_ROLE,
    STATE,
    TARGET,
    TO,
    TREND,
    WHAT,
    WHO,
    LinesModel,
    TeamsModel,
    rows_of,
    share_text,
    state_word,
)
from widgets.dashboard.sparkline import paint_chip, paint_sparkline

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMN_CAPS = {WHO: 0.13, TO: 0.13, TARGET: 0.1, LATEST: 0.14, TREND: 0.08, STATE: 0.14}
"""Each column but the promise's at most this share of the table's width (it is as wide as its text otherwise)."""
MIN_COLUMN = 56
TREND_WIDTH = 96
NARROW = 820
"""Below this width of the table the trend column is left out, so the promises stay readable."""
WATCHED = ("reading", "promise", "team", "segment")
"""Kinds whose edits change what the dashboard shows."""


class FiguresDelegate(QStyledItemDelegate):
    """Draws the trend column as a sparkline and the kept column as a coloured chip."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        line = index.data(LINE_ROLE)
        if line is None or index.column() not in (TREND, STATE):
            super().paint(painter, option, index)
            return
        super().paint(painter, option, index)  # the background and the selection; the text is left out
        rect = QRectF(option.rect)
        if index.column() == TREND:
            recent = line.readings[-r.SPARK_POINTS:]
            paint_sparkline(painter, rect, line.points(), [r.state_of(x) for x in recent])
        else:
            paint_chip(painter, rect, line.state, state_word(line.state))

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() in (TREND, STATE) and index.data(LINE_ROLE) is not None:
            option.text = ""  # the picture says it


class Card(QFrame):
    """One big number of the tally: how many are kept, broken, without a verdict, without figures."""

    def __init__(self, state: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{state}")
        self.state = state
        self.number = QLabel("0")
        self.caption = QLabel()
        color = r.STATE_COLORS[state]
        self.number.setStyleSheet(f"font-size: 26pt; font-weight: 700; color: {color};")
        self.caption.setStyleSheet("color: #4A5562;")
        self.setStyleSheet(f"#card_{state} {{ border: 1px solid #D3D9E0; border-left: 5px solid {color}; "
                           "border-radius: 6px; background: #FFFFFF; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 6, 14, 8)
        box.setSpacing(0)
        box.addWidget(self.number)
        box.addWidget(self.caption)


class DashboardView(QWidget):
    """The dashboard: the organisation's and each team's tally on the left, every line of figures on the right."""

    selection_changed = Signal(list)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.document = document
        self.undo_stack = undo_stack
        self.team: str | None = None
        self.board = r.dashboard(document.model)
        self._dirty = False
        self._scheduled = False
        self.title = QLabel(objectName="dashboardTitle")
        self.title.setStyleSheet("font-size: 17pt; font-weight: 700; color: #1F2430;")
        self.about = QLabel(objectName="dashboardAbout", wordWrap=True)
        self.about.setStyleSheet("color: #4A5562;")
        self.scope_label = QLabel(objectName="dashboardScope")
        self.scope_label.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.share = QLabel(objectName="dashboardShare")
        self.share.setStyleSheet("font-size: 12pt; color: #1F2430;")
        self.notice = QLabel(objectName="dashboardNotice", wordWrap=True)
        self.notice.setStyleSheet("color: #4A5562;")
        self.import_button = QPushButton(objectName="importFigures")
        self.import_button.clicked.connect(self._import_clicked)
        self.team_button = QPushButton(objectName="teamHandout")
        self.team_button.clicked.connect(self._team_clicked)
        self.cards = {state: Card(state) for state in r.STATES}
        self.lines = LinesModel(document, self)
        self.teams = TeamsModel(self)
        self.table = QTableView(objectName="dashboardTable")
        self.table.setModel(self.lines)
        self.table.setItemDelegate(FiguresDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.viewport().installEventFilter(self)  # the columns are fitted again to each new width
        self.team_table = QTableView(objectName="dashboardTeams")
        self.team_table.setModel(self.teams)
        self.team_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.team_table.verticalHeader().hide()
        self.team_table.verticalHeader().setDefaultSectionSize(32)
        self.team_table.setShowGrid(False)
        team_header = self.team_table.horizontalHeader()
        team_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team_table.setColumnWidth(1, 44)
        self.team_table.setColumnWidth(2, 44)
        self.team_table.selectionModel().currentRowChanged.connect(self._team_chosen)
        self.table.selectionModel().selectionChanged.connect(self._emit_selection)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card)
        cards.addStretch(1)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(8, 0, 0, 0)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope_label)
        scope_row.addStretch(1)
        scope_row.addWidget(self.share)
        box.addLayout(scope_row)
        box.addLayout(cards)
        box.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.team_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 1200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.notice, 2)
        top.addWidget(self.import_button)
        top.addWidget(self.team_button)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(splitter, 1)
        changes_of(document).changed.connect(self._on_changes)
        self.retranslate()
        self.refresh()

    # ------------------------------------------------------------------ following the document
    def _on_changes(self, changed: Changes) -> None:
        if changed.everything or changed.touches(*WATCHED):
            self._dirty = True
            if self.isVisible() and not self._scheduled:
                self._scheduled = True
                QTimer.singleShot(0, self, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Work the figures out again and show them (rows that stay are repainted in place)."""
        self._scheduled = False
        self._dirty = False
        self.board = r.dashboard(self.document.model)
        if self.team is not None and self.document.find(self.team) is None:
            self.team = None
        self.teams.set_board(self.board)
        row = self.teams.row_of(self.team)
        if row >= 0 and self.team_table.currentIndex().row() != row:
            self.team_table.selectionModel().setCurrentIndex(
                self.teams.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self.lines.set_rows(rows_of(self.board, self.team))
        self.table.clearSpans()
        for index, row_data in enumerate(self.lines.rows):
            if row_data.line is None:
                self.table.setSpan(index, 0, 1, STATE + 1)
        self.fit_columns()
        self._show_tally()

    def fit_columns(self) -> None:
        """Who, to whom, target and latest figure as wide as their texts within a cap (a share of the table's width);
        the trend and the chip as wide as they need; the promise or indicator takes the rest. A narrow table leaves
        the trend out (the latest figure and the chip say it)."""
        width = self.table.viewport().width()
        self.table.setColumnHidden(TREND, width < NARROW)
        metrics = self.table.fontMetrics()
        header_metrics = self.table.horizontalHeader().fontMetrics()
        padding = 24
        lines = [row.line for row in self.lines.rows if row.line is not None]
        for column, share in COLUMN_CAPS.items():
            title = str(self.lines.headerData(column, Qt.Orientation.Horizontal) or "")
            texts = [self.lines.text(line, column) for line in lines]
            if column == STATE:  # the chip: its mark and word, with room around
                texts = [f"{r.STATE_MARKS[state]} {state_word(state)}  " for state in r.STATES]
            content = max([metrics.horizontalAdvance(t) for t in texts] + [0]) + padding
            needed = max(content, header_metrics.horizontalAdvance(title) + padding, MIN_COLUMN)
            if column == TREND:  # a sparkline and its title are never cut: the promise gives way
                self.table.setColumnWidth(column, max(needed, TREND_WIDTH))
                continue
            self.table.setColumnWidth(column, min(needed, max(MIN_COLUMN, int(width * share))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def _show_tally(self) -> None:
        tally = self.tally()
        for state, card in self.cards.items():
            card.number.setText(str(getattr(tally, "none" if state == r.NO_READINGS else state)))
            card.caption.setText(state_word(state))
        self.share.setText(self.tr("Kept: %1 of those measured").replace("%1", share_text(tally))
                           if tally.share_met is not None else self.tr("No verdicts yet"))
        found = self.document.find(self.team) if self.team else None
        self.scope_label.setText(getattr(found, "name", "") if found is not None else self.tr("Whole organisation"))
        self.team_button.setEnabled(found is not None)

    def tally(self) -> r.Tally:
        """The tally of what is shown: the chosen team's, or the organisation's."""
        figures = next((f for f in self.board.teams if f.team.id == self.team), None)
        return figures.tally if figures is not None else self.board.organisation

    def _team_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        team = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        if team != self.team:
            self.team = team
            self.refresh()

    def show_team(self, team: str | None) -> None:
        """Show one team's figures (None: the whole organisation's)."""
        self.team = team
        self.refresh()

    # ------------------------------------------------------------------ figures in and a team's handout out
    def _import_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import figures"), "",
                                              self.tr("Tables of figures (*.xlsx *.csv)"))
        if path:
            self.import_figures(path)

    def import_figures(self, path: str) -> int:
        """Add the figures of a .xlsx or .csv table (period, promise or team, value, met) as one undo step; the rows
        that cannot be taken are named in the notice. Returns how many figures were taken."""
        from app.gate import FileRefused
        from app.reading_import import import_readings

        try:
            result = import_readings(self.document, path)
        except (FileRefused, OSError) as error:
            self._say(self.tr("The table of figures cannot be read: %1").replace("%1", str(error)))
            return 0
        reason = push_edit(self.undo_stack, self.document, result.batch,
                           lambda: self.tr("Import figures")) if result.batch is not None else None
        if reason is not None:
            self._say(reason)
            return 0
        text = self.tr("%1 figure(s) imported, %2 replaced.").replace("%1", str(result.added)).replace(
            "%2", str(result.replaced))
        if result.skipped:
            text += " " + self.tr("Rows not taken: %1").replace("%1", "; ".join(str(p) for p in result.skipped[:3]))
        self._say(text, "\n".join(str(p) for p in result.skipped))
        return result.taken

    def _team_clicked(self) -> None:
        found = self.document.find(self.team) if self.team else None
        if found is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Handout for the team"), f"{found.name}.pdf",
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.export_team_handout(path)

    def export_team_handout(self, path: str) -> bool:
        """Write the read-only «for the team» PDF of the team shown (its promises, figures and economics)."""
        import exports

        if self.team is None:
            return False
        try:
            exports.export_team_pdf(self.document.model, path, team=self.team)
        except (exports.ExportError, OSError) as error:
            self._say(str(error))
            return False
        self._say(self.tr("Handout for the team saved: %1").replace("%1", path))
        return True

    def _say(self, text: str, details: str = "") -> None:
        self.notice.setText(text)
        self.notice.setToolTip(details)

    # ------------------------------------------------------------------ the editor interface
    def unavailable(self, action: EditorAction) -> str | None:
        """The dashboard only shows figures: find, select all and copy picture work; the rest does not apply."""
        if action in (EditorAction.FIND, EditorAction.SELECT_ALL, EditorAction.COPY_PICTURE):
            return None
        return self.tr("The dashboard shows the figures; type them on the Figures table of the Workshop page.")

    def delete_selection(self) -> None:
        """Nothing is deleted from the dashboard."""

    def select_all(self) -> None:
        """Select every line shown."""
        self.table.selectAll()

    def copy_picture(self) -> None:
        """Put a picture of the dashboard on the clipboard."""
        QGuiApplication.clipboard().setPixmap(self.grab())

    def zoom_in(self) -> None:
        """Nothing to zoom."""

    def zoom_out(self) -> None:
        """Nothing to zoom."""

    def zoom_fit(self) -> None:
        """Nothing to zoom."""

    def find(self, text: str) -> int:
        """Select the lines whose promise, indicator, team or target contains `text`; returns how many."""
        needle = text.casefold().strip()
        ids = []
        for row in self.lines.rows:
            if row.line is None or not needle:
                continue
            words = " ".join(self.lines.text(row.line, c) for c in range(STATE + 1)).casefold()
            if needle in words:
                ids.append(row.line.obj_id)
        self.select_ids(ids)
        return len(ids)

    def selected_ids(self) -> list[str]:
        """The promises and teams of the selected lines."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [line.obj_id for row in rows if (line := self.lines.rows[row].line) is not None]

    def select_ids(self, ids: list[str]) -> None:
        """Select the lines of these promises or teams (the whole organisation is shown first when one is hidden)."""
        if self.team is not None and any(self.lines.row_of(i) < 0 for i in ids):
            self.show_team(None)
        selection = self.table.selectionModel()
        selection.clearSelection()
        for obj_id in ids:
            row = self.lines.row_of(obj_id)
            if row >= 0:
                selection.select(self.lines.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
        first = self.lines.row_of(ids[0]) if ids else -1
        if first >= 0:
            self.table.scrollTo(self.lines.index(first, 0))

    def _emit_selection(self) -> None:
        self.selection_changed.emit(self.selected_ids())

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text the dashboard shows in the current language."""
        self.title.setText(self.tr("Dashboard · transparency in figures"))
        self.about.setText(self.tr(
            "One dashboard of every client and internal metric: each promise and each team's success indicator "
            "with its target, its latest figures and whether it is kept. Type the figures on the Figures table "
            "of the Workshop page or import them from a spreadsheet."))
        self.import_button.setText(self.tr("Import figures…"))
        self.import_button.setToolTip(self.tr("Add figures from a .xlsx or .csv table with the columns Period, "
                                              "Promise or team, Value, Met (one undo takes them back)"))
        self.team_button.setText(self.tr("Handout for the team…"))
        self.team_button.setToolTip(self.tr("A read-only PDF of the chosen team's promises, figures and economics, "
                                            "to hand to its people"))
        self.lines.retranslate()
        self.teams.retranslate()
        self.fit_columns()  # the headers' and the chip's words have another width
        self._show_tally()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
