"""The motivation inspector: a team's bonus basis and percent, its pool for the period, members' shares in money.

Every change is one edit of the team's motivation (one undo step); shares are typed as percents of the pool and kept
as fractions (FORMAT.md); shares that do not add up to 100 % are flagged, and members without a share are named.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import economics as eco
from app import model as m
from app.changed import Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.base.table_specs import PERIODS
from widgets.base.tables import format_number, parse_number
from widgets.base.undo import push_edit
from widgets.base.when_shown import RefreshWhenShown
from widgets.economics.money_table import BASES, LOSS, MUTED, WATCHED

OK = "#007A5E"
MEMBER, SHARE, MONEY = range(3)


class MotivationInspector(RefreshWhenShown, QFrame):
    """Shows and edits one team's motivation («мотивация каждого участника»); follows the document's edits."""

    refused = Signal(str)
    """An edit typed here was refused (the reason)."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("motivationInspector")
        self.document = document
        self.undo_stack = undo_stack
        self.team_id: str | None = None
        self._loading = False
        self._pending: tuple[m.Share, ...] | None = None
        self.setMinimumWidth(320)
        self.heading = QLabel(objectName="inspectorHeading", wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder = QLabel(wordWrap=True)
        self.placeholder.setStyleSheet(f"color: {MUTED};")
        self.basis = QComboBox(objectName="motivationBasis")
        for key in BASES:
            self.basis.addItem("", key)
        self.basis.activated.connect(self._basis_chosen)
        self.percent = QLineEdit(objectName="motivationPercent")
        self.percent.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.percent.editingFinished.connect(self._percent_typed)
        self.pool = QLabel(objectName="motivationPool", wordWrap=True)
        self.pool.setTextFormat(Qt.TextFormat.PlainText)
        pool_font = self.pool.font()
        pool_font.setBold(True)
        pool_font.setPointSizeF(pool_font.pointSizeF() * 1.2)
        self.pool.setFont(pool_font)
        self.basis_note = QLabel(objectName="motivationBasisNote", wordWrap=True)
        self.basis_note.setStyleSheet(f"color: {MUTED};")
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 4, 0, 4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.basis_label, self.percent_label = QLabel(), QLabel()
        form.addRow(self.basis_label, self.basis)
        form.addRow(self.percent_label, self.percent)
        self.shares_title = QLabel()
        self.shares_title.setStyleSheet("font-weight: 600;")
        self.shares = QTableWidget(0, 3, self)
        self.shares.setObjectName("motivationShares")
        self.shares.verticalHeader().hide()
        self.shares.setWordWrap(False)
        self.shares.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.shares.horizontalHeader().setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Stretch)
        self.shares.setColumnWidth(SHARE, 76)
        self.shares.setColumnWidth(MONEY, 80)
        self.shares.itemChanged.connect(self._share_typed)
        self.total = QLabel(objectName="sharesTotal", wordWrap=True)
        self.unshared = QLabel(objectName="unshared", wordWrap=True)
        self.unshared.setTextFormat(Qt.TextFormat.PlainText)
        self.experiments = QLabel(objectName="experimentBudget", wordWrap=True)
        self.experiments.setTextFormat(Qt.TextFormat.PlainText)
        self.add_button = QPushButton(objectName="addShare")
        self.remove_button = QPushButton(objectName="removeShare")
        self.equal_button = QPushButton(objectName="equalShares")
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_selected)
        self.equal_button.clicked.connect(self.share_equally)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.equal_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.form)
        body.addWidget(self.basis_note)
        body.addWidget(self.pool)
        body.addSpacing(6)
        body.addWidget(self.shares_title)
        body.addWidget(self.shares, 1)
        body.addWidget(self.total)
        body.addWidget(self.unshared)
        body.addLayout(buttons)
        body.addSpacing(6)
        body.addWidget(self.experiments)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body, 1)
        self.follow_when_shown()
        changes_of(document).changed.connect(self._on_changes)
        self.retranslate()
        self.show_team(None)

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every label and choice in the current language (the team's own data is left as it is)."""
        self.basis_label.setText(self.tr("Bonus basis"))
        self.percent_label.setText(self.tr("Percent to the bonus pool"))
        self.shares_title.setText(self.tr("Members' shares of the pool"))
        self.shares.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Share, %"), self.tr("Money")])
        self.add_button.setText(self.tr("Add member"))
        self.remove_button.setText(self.tr("Remove"))
        self.equal_button.setText(self.tr("Share equally"))
        self.equal_button.setToolTip(self.tr("Give the lead and every member an equal share"))
        self.placeholder.setText(self.tr("Select a team to see and edit the motivation of its members."))
        for index in range(self.basis.count()):
            self.basis.setItemText(index, QCoreApplication.translate("choices", BASES[self.basis.itemData(index)]))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ showing
    def team(self) -> m.Team | None:
        """The team shown, or None."""
        found = self.document.find(self.team_id) if self.team_id else None
        return found if isinstance(found, m.Team) else None

    def show_team(self, team_id: str | None) -> None:
        """Show the motivation of team `team_id` (None or not a team: a placeholder)."""
        found = self.document.find(team_id) if team_id else None
        self.team_id = team_id if isinstance(found, m.Team) else None
        self.refresh()

    def _on_changes(self, changed: Changes) -> None:
        if self.team_id is not None and (changed.everything or changed.kinds() & WATCHED):
            self.refresh_soon()  # the pool depends on prices, other teams and the organisation's result

    def refresh(self) -> None:
        """Read the team's motivation and pool again (the field being typed in is left alone)."""
        team = self.team()
        self.body.setVisible(team is not None)
        self.placeholder.setVisible(team is None)
        if team is None:
            self.heading.setText(self.tr("Motivation"))
            return
        self.heading.setText(self.tr("Motivation: %1").replace("%1", team.name or "—"))
        motivation = team.motivation or m.Motivation()
        pool = eco.bonus_pool(self.document.model, replace(team, motivation=motivation))
        self._loading = True
        try:
            self.basis.setCurrentIndex(max(0, self.basis.findData(motivation.basis)))
            if not self.percent.hasFocus():
                self.percent.setText(format_number(motivation.percent))
            self._show_basis(team, motivation, pool)
            self._show_shares(team, motivation, pool)
            self._show_experiments(team)
        finally:
            self._loading = False

    def _show_basis(self, team: m.Team, motivation: m.Motivation, pool: eco.Pool | None) -> None:
        notes = {
            "margin": self.tr("The pool is a percent of the team's margin after settlement."),
            "revenue": self.tr("The pool is a percent of the team's revenue, from clients and from other teams."),
            "indicator": self.tr("The pool is a percent of the team's costs, paid when its success indicator is met."),
        }
        if team.kind == "council" and motivation.basis != "indicator":
            note = self.tr("The council's pool rests on the whole organisation: its result or its revenue.")
        else:
            note = notes.get(motivation.basis, "")
        self.basis_note.setText(note)
        if pool is None or pool.amount is None:
            self.pool.setText(self.tr("Bonus pool: type a percent and the team's figures to see it."))
            self.pool.setStyleSheet(f"color: {MUTED};")
            return
        word = PERIODS.get(pool.period)
        period = QCoreApplication.translate("choices", word) if word else pool.period
        self.pool.setText(self.tr("Bonus pool: %1 %2 a %3").replace("%1", format_number(round(pool.amount)))
                          .replace("%2", pool.currency).replace("%3", period))
        self.pool.setStyleSheet("")

    def _show_shares(self, team: m.Team, motivation: m.Motivation, pool: eco.Pool | None) -> None:
        editing = self.shares.state() == QAbstractItemView.State.EditingState
        if not editing:
            self.shares.setRowCount(len(motivation.shares))
            for row, share in enumerate(motivation.shares):
                money = pool.members[row][2] if pool is not None and row < len(pool.members) else None
                for col, text in ((MEMBER, share.member), (SHARE, format_number(round(share.share * 100, 2))),
                                  (MONEY, format_number(None if money is None else round(money)))):
                    item = QTableWidgetItem(text)
                    if col != MEMBER:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    if col == MONEY:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                        item.setForeground(QColor(MUTED))
                    self.shares.setItem(row, col, item)
        total = sum(s.share for s in motivation.shares)
        if not motivation.shares:
            self.total.setText(self.tr("No shares yet: add the members or share the pool equally."))
            self.total.setStyleSheet(f"color: {MUTED};")
        elif abs(total - 1.0) <= eco.SHARES_TOLERANCE:
            self.total.setText(self.tr("✓ Shares add up to 100 %"))
            self.total.setStyleSheet(f"color: {OK}; font-weight: 600;")
        else:
            self.total.setText(self.tr("⚠ Shares add up to %1 %, not 100 %")
                               .replace("%1", format_number(round(total * 100, 2))))
            self.total.setStyleSheet(f"color: {LOSS}; font-weight: 700;")
        missing = pool.unshared if pool is not None else ()
        self.unshared.setText(self.tr("Without a share: %1").replace("%1", ", ".join(missing)) if missing else "")
        self.unshared.setStyleSheet(f"color: {LOSS};")
        self.unshared.setVisible(bool(missing))

    def _show_experiments(self, team: m.Team) -> None:
        """The team's monthly budget for experiments without approval and what its running experiments spend;
        overspent in red (the economics table's cell is red too)."""
        budget = eco.experiment_budget(self.document.model, team)
        self.experiments.setVisible(budget.budget is not None)
        if budget.budget is None or budget.left is None:
            return
        currency = team.economics.currency if team.economics else "RUB"
        amounts = {"%1": format_number(round(budget.spent)), "%2": format_number(round(budget.budget)),
                   "%3": currency, "%4": format_number(round(-budget.left))}
        if budget.left < 0:
            text = self.tr("⚠ Running experiments spend %1 %3 a month, %4 %3 over the budget of %2 %3 for "
                           "experiments without approval")
            self.experiments.setStyleSheet(f"color: {LOSS}; font-weight: 700;")
        else:
            text = self.tr("Experiments without approval: running ones spend %1 of %2 %3 a month")
            self.experiments.setStyleSheet(f"color: {MUTED};")
        for key, value in amounts.items():
            text = text.replace(key, value)
        self.experiments.setText(text)

    # ------------------------------------------------------------------ editing
    def _commit(self, motivation: m.Motivation | None) -> None:
        team = self.team()
        if team is None or self._loading or motivation == team.motivation:
            return
        reason = push_edit(self.undo_stack, self.document, changes.update(self.document, team.id,
                                                                          motivation=motivation))
        if reason:
            self.refused.emit(reason)
        self.refresh()

    def _current(self) -> m.Motivation:
        team = self.team()
        return (team.motivation if team is not None else None) or m.Motivation()

    def _basis_chosen(self, index: int) -> None:
        self._commit(replace(self._current(), basis=self.basis.itemData(index)))

    def _percent_typed(self) -> None:
        if self._loading or self.team() is None:
            return
        try:
            value = parse_number(self.percent.text())
        except ValueError:
            self.refused.emit(self.tr("“%1” is not a number.").replace("%1", self.percent.text().strip()))
            self.refresh()
            return
        if value is not None and not 0 <= value <= 100:
            self.refused.emit(self.tr("A percent of the basis is between 0 and 100."))
            self.refresh()
            return
        self._commit(replace(self._current(), percent=value))

    def _share_typed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() == MONEY:
            return
        shares = list(self._current().shares)
        row = item.row()
        if row >= len(shares):
            return
        if item.column() == MEMBER:
            name = " ".join(item.text().split())
            if not name:
                self.refresh()
                return
            shares[row] = replace(shares[row], member=name)
        else:
            try:
                value = parse_number(item.text())
            except ValueError:
                value = -1.0
            if value is None or not 0 <= value <= 100:
                self.refused.emit(self.tr("A share is a percent of the pool, from 0 to 100."))
                QTimer.singleShot(0, self, self.refresh)
                return
            shares[row] = replace(shares[row], share=round(value / 100, 6))
        self._pending = tuple(shares)
        QTimer.singleShot(0, self, self._commit_pending)  # after the table has closed its editor

    def _commit_pending(self) -> None:
        shares, self._pending = self._pending, None
        if shares is not None:
            self._commit(replace(self._current(), shares=shares))

    def add_member(self) -> None:
        """Add a share for the first member of the team without one (else a new name), at 0 %."""
        team = self.team()
        if team is None:
            return
        motivation = self._current()
        have = {s.member.casefold() for s in motivation.shares}
        people = ([team.lead] if team.lead else []) + list(team.members)
        name = next((p for p in people if p.casefold() not in have), self.tr("New member"))
        self._commit(replace(motivation, shares=(*motivation.shares, m.Share(name, 0.0))))

    def remove_selected(self) -> None:
        """Remove the selected members' shares (one edit)."""
        rows = {i.row() for i in self.shares.selectedIndexes()} or {self.shares.currentRow()}
        motivation = self._current()
        kept = tuple(s for i, s in enumerate(motivation.shares) if i not in rows)
        if kept != motivation.shares:
            self._commit(replace(motivation, shares=kept))

    def share_equally(self) -> None:
        """Give the lead and every member of the team an equal share (one edit)."""
        team = self.team()
        if team is None:
            return
        people = list(dict.fromkeys(([team.lead] if team.lead.strip() else []) + list(team.members)))
        if not people:
            people = [s.member for s in self._current().shares]
        if not people:
            self.refused.emit(self.tr("The team has no lead or members yet: add them on the Teams page."))
            return
        each = round(1 / len(people), 6)
        shares = [m.Share(p, each) for p in people]
        shares[-1] = m.Share(people[-1], round(1 - each * (len(people) - 1), 6))
        self._commit(replace(self._current(), shares=tuple(shares)))
