"""Who pays whom how much a month on the internal market, and how the organisation's result adds up."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import economics as eco
from app.changed import Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.base.tables import format_number
from widgets.base.when_shown import RefreshWhenShown
from widgets.economics.money_table import LOSS, MUTED, WATCHED

OK = "#007A5E"


class SettlementView(RefreshWhenShown, QWidget):
    """The settlements between teams as a read-only table (largest first), then whether the market balances."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._shown: list[tuple[str, ...]] = []
        self.title = QLabel(objectName="sectionTitle", wordWrap=True)  # two lines beside the sums on a projector
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("settlements")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for col in range(3):  # who pays, to whom and how much as wide as their texts; the promises take the rest
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.balance = QLabel(objectName="settlementBalance", wordWrap=True)
        self.empty = QLabel(objectName="settlementEmpty", wordWrap=True)
        self.empty.setStyleSheet(f"color: {MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.balance)
        self.follow_when_shown()
        changes_of(document).changed.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language."""
        self._shown = []  # numbers are written in the new language's way
        self.title.setText(self.tr("Settlements between teams, per month"))
        self.table.setHorizontalHeaderLabels([self.tr("Who pays"), self.tr("To whom"), self.tr("Per month"),
                                              self.tr("For which promises")])
        self.empty.setText(self.tr("No internal promise has a price yet. Give one in the promise table: the team "
                                   "that receives the promise pays the team that gives it every month."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_changes(self, changed: Changes) -> None:
        if changed.everything or changed.kinds() & WATCHED:
            self.refresh_soon()

    def refresh(self) -> None:
        """Show the settlements of the workshop as it is now."""
        w = self.document.model
        payments = eco.settlements(w)
        names = {t.id: t.name for t in w.teams}
        texts = {p.id: p.text for p in w.promises}
        rows = [(names.get(pay.payer, ""), names.get(pay.payee, ""), format_number(pay.amount),
                 " · ".join(texts.get(i, "") for i in pay.promises)) for pay in payments]
        shown, self._shown = self._shown, rows
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            if row < len(shown) and shown[row] == cells:
                continue  # an edit changes a few lines: the others keep their items
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 3:
                    item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(payments))
        self.empty.setVisible(not payments)
        totals = eco.totals(w)
        off = [t for t in totals if abs(t.unbalanced) > 0.005]
        if off:
            self.balance.setText(self.tr("Internal revenue and internal costs differ by %1: some were typed by hand.")
                                 .replace("%1", format_number(abs(off[0].unbalanced))))
            self.balance.setStyleSheet(f"color: {LOSS}; font-weight: 600;")
        elif payments:
            total = sum(p.amount for p in payments)
            self.balance.setText(self.tr("✓ The internal market balances: %1 a month paid and received.")
                                 .replace("%1", format_number(total)))
            self.balance.setStyleSheet(f"color: {OK};")
        else:
            self.balance.setText("")


class TotalsPanel(RefreshWhenShown, QFrame):
    """How the organisation's result adds up (teams that earn, cost centres, management), and the cost of
    management beside the method's reference of about 1 % of revenue."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("economicsTotals")
        self.lines = QLabel(objectName="totalsLines")
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.management = QLabel(objectName="managementCost", wordWrap=True)
        self.management.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.lines)
        layout.addWidget(self.management)
        layout.addStretch(1)
        self.follow_when_shown()
        changes_of(document).changed.connect(self._on_changes)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _on_changes(self, changed: Changes) -> None:
        if changed.everything or changed.kinds() & WATCHED:
            self.refresh_soon()

    def refresh(self) -> None:
        """The lines and the management cost as they are now."""
        w = self.document.model
        money = eco.team_money(w)
        rows = []
        for t in eco.totals(w, money):
            lines = [(self.tr("Margin of the teams that earn"), t.earned, False)]
            if t.cost_centres:
                lines.append((self.tr("Cost centres"), -t.cost_centres, False))
            if t.management:
                lines.append((self.tr("Cost of management (council)"), -t.management, False))
            if t.council_income:
                lines.append((self.tr("The council's own income"), t.council_income, False))
            lines.append((self.tr("Organisation's result"), t.result, True))
            for label, amount, total in lines:
                colour = LOSS if total and amount < 0 else "#1b2430" if total else MUTED
                weight = "700" if total else "400"
                rows.append(f"<tr><td style='padding-right:24px; color:{colour}; font-weight:{weight}'>"
                            f"{html.escape(label)}</td><td align='right' style='color:{colour}; font-weight:{weight}'>"
                            f"{format_number(amount)} {html.escape(t.currency)}</td></tr>")
        self.lines.setText(f"<table>{''.join(rows)}</table>" if rows else "")
        cost = eco.management_cost(w, money)
        if cost is None or not cost.costs:
            self.management.setText(html.escape(self.tr(
                "Type the council's costs to see the cost of management beside the method's reference "
                "(about 1 % of revenue).")))
            self.management.setStyleSheet(f"color: {MUTED};")
            return
        share = cost.share
        if share is None:
            text = self.tr("Cost of management: %1; there is no revenue from clients to compare it with.").replace(
                "%1", format_number(cost.costs))
            self.management.setText(html.escape(text))
            return
        colour = OK if share <= 2 * cost.reference else LOSS
        text = self.tr("Cost of management: %1 — %2 of revenue; the method's reference is about 1 % of revenue.")
        text = html.escape(text).replace("%1", html.escape(f"{format_number(cost.costs)} {cost.currency}")).replace(
            "%2", f"<b style='color:{colour}'>{format_number(round(share * 100, 2))} %</b>")
        self.management.setText(text)
        self.management.setStyleSheet("")
        self.management.setToolTip(self.tr("The method's reference: management costs about 10 % of the payroll, "
                                           "or about 1 % of revenue including payroll taxes."))
