"""The economics page of stage 7: the teams' economics after settlement beside the motivation inspector, with the
settlements between teams and how the organisation's result adds up below."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from app.document import Document
from widgets.base.tables import ObjectTable
from widgets.economics.money_table import MoneyTableModel
from widgets.economics.motivation_inspector import MotivationInspector
from widgets.economics.settlement_view import SettlementView, TotalsPanel


class EconomicsPage(QWidget):
    """Stage 7 in one place; selecting a team's row shows its motivation on the right."""

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
        bottom = QWidget()
        row = QHBoxLayout(bottom)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.totals, 2)
        row.addWidget(self.settlements, 3)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(bottom)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1300, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 12, 8)
        bar.addWidget(self.about_label, 1)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.retranslate()

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
        super().changeEvent(event)
