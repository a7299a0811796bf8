"""The economics page of stage 7: the teams' economics after settlement over the whole width; below it how the
organisation's result adds up, the settlements between teams and the motivation inspector."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from app.document import Document
from widgets.base.tables import ObjectTable
from widgets.economics.money_table import MoneyTableModel
from widgets.economics.motivation_inspector import MotivationInspector
from widgets.economics.settlement_view import SettlementView, TotalsPanel

TOTALS_MIN_WIDTH = 200
"""The sums may be this narrow on a small screen (they scroll), so the settlements keep room for their promises."""


class EconomicsPage(QWidget):
    """Stage 7 in one place; selecting a team's row shows its motivation at the bottom right."""

    hint = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("economicsPage")
        self.document = document
        self.about_label = QLabel(objectName="pageAbout", wordWrap=True)
        self.model = MoneyTableModel(document, undo_stack, self)
        self.table = ObjectTable(self.model)
        self.table.setObjectName("moneyTable")
        self.inspector = MotivationInspector(document, undo_stack)
        self.totals = TotalsPanel(document)
        self.settlements = SettlementView(document)
        self.model.edit_refused.connect(self.hint)
        self.inspector.refused.connect(self.hint)
        self.table.selection_changed.connect(self._selected)
        self.bottom = QSplitter(Qt.Orientation.Horizontal)  # the sums, who pays whom, the chosen team's motivation
        self.totals_area = QScrollArea(widgetResizable=True)
        self.totals_area.setWidget(self.totals)
        self.totals_area.setMinimumWidth(TOTALS_MIN_WIDTH)
        self.bottom.addWidget(self.totals_area)
        self.bottom.addWidget(self.settlements)
        self.inspector_area = QScrollArea(widgetResizable=True)
        self.inspector_area.setWidget(self.inspector)  # on a low screen the inspector scrolls, the table keeps its rows
        self.inspector_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inspector_area.setMinimumWidth(self.inspector.minimumWidth())
        self.bottom.addWidget(self.inspector_area)
        for area, shown in ((self.totals_area, self.totals), (self.inspector_area, self.inspector)):
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.viewport().setAutoFillBackground(False)  # the page's own background, not a grey box
            shown.setAutoFillBackground(False)  # setWidget turned it on
        self.bottom.setStretchFactor(1, 1)
        self.bottom.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Vertical)  # the table over the whole width: no column hidden
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.bottom)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        self.table.viewport().installEventFilter(self)  # a wider page widens the columns, each in its proportion
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 12, 8)
        bar.addWidget(self.about_label, 1)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # at the first show the table gets the height of its rows, at most three fifths
            self._sized = True
            table = self.table.verticalHeader().length() + self.table.horizontalHeader().height() + 2 * (
                self.table.frameWidth() + 1) + self.table.horizontalScrollBar().sizeHint().height()
            total = sum(self.splitter.sizes()) or self.splitter.height()
            rows = min(table, int(total * 0.6))
            self.splitter.setSizes([rows, max(total - rows, 1)])
            self.fit_bottom()

    def fit_bottom(self) -> None:
        """The sums as wide as their words (within two fifths: a figure is never cut, on a 1280×720 projector
        either), the inspector three tenths, the settlements the rest."""
        wide = sum(self.bottom.sizes()) or self.bottom.width()
        inspector = max(self.inspector.minimumWidth(), min(400, wide * 3 // 10))
        totals = max(TOTALS_MIN_WIDTH, min(self.totals.minimumSizeHint().width() + 4, wide * 2 // 5))
        self.totals_area.setMinimumWidth(totals)  # a splitter dragged by hand does not cut the figures either
        self.bottom.setSizes([totals, max(wide - totals - inspector, 1), inspector])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.widen_columns()
        return super().eventFilter(watched, event)

    def widen_columns(self) -> None:
        """Share the table's spare width among its columns in proportion to their own (no gap on the right)."""
        widths = [column.width for column in self.model.columns]
        spare = self.table.viewport().width() - sum(widths)
        if spare <= 0:
            return
        wider = [width + spare * width // sum(widths) for width in widths]
        wider[-1] += self.table.viewport().width() - sum(wider)  # what rounding left over
        for col, width in enumerate(wider):
            self.table.setColumnWidth(col, width)

    def _selected(self, ids: list[str]) -> None:
        self.inspector.show_team(ids[0] if len(ids) == 1 else self.table.current_id())

    def select_ids(self, ids: list[str], column: str | None = None) -> None:
        """Select the teams of `ids` and, given a column key, put the keyboard on that cell (as a table page)."""
        self.table.select_ids(ids)
        if column and ids:
            index = self.table.proxy_index(ids[0], max(self.model.column_of(column), 0))
            if index.isValid():
                self.table.setCurrentIndex(index)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.about_label.setText(self.tr(
            "Stage 7 · Calculate the teams' economics and develop the motivation of every participant. The internal "
            "market: for a priced internal promise the team that receives it pays the team that gives it every "
            "month. Select a team to edit its members' shares."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self._sized:  # the sums' words have another width: once every label has its new text
                QTimer.singleShot(0, self, self.fit_bottom)
        super().changeEvent(event)
