"""The economics table: each team's figures with the internal market settled, its motivation and experiment budget.

Typed cells (revenue, costs, basis, percent, experiment budget, internal figures without prices) edit the team, one
undo step per cell; computed cells (internal figures from prices, margin after settlement, pool, what is left of the
budget) follow every edit of teams, promises, links and experiments.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QUndoStack

from app import changes
from app import economics as eco
from app import model as m
from app.changed import Changes
from app.document import Document, EditRefused
from app.edits import Edit
from widgets.base.table_specs import fixed_choices, set_economics
from widgets.base.tables import SORT_ROLE, Column, ObjectTableModel, format_number, set_field

AnyIndex = QModelIndex | QPersistentModelIndex
LOSS = "#C0392B"
MUTED = "#5b6673"
WARN = "#B35C00"
CONTEXT = "economics"
BASES = {
    "margin": QT_TRANSLATE_NOOP("choices", "margin after settlement"),
    "revenue": QT_TRANSLATE_NOOP("choices", "revenue"),
    "indicator": QT_TRANSLATE_NOOP("choices", "success indicator"),
}
COMPUTED_TIP = QT_TRANSLATE_NOOP(
    "columns", "Computed from the monthly prices of the team's internal promises (the promisee pays the promiser); "
               "typed by hand only when none of them has a price")
WATCHED = frozenset({"team", "promise", "link", "experiment"})
"""Kinds whose edits can change a computed cell."""


def tr(text: str) -> str:
    """`text` in the current language (this module's context)."""
    return QCoreApplication.translate(CONTEXT, text)


def set_motivation(name: str) -> Callable[[Document, Any, Any], Edit | None]:
    """A builder that sets one field of a team's motivation (a new motivation starts from the margin)."""

    def build(document: Document, team: m.Team, value: Any) -> Edit | None:
        old = team.motivation or m.Motivation()
        if name == "percent" and value is not None and not 0 <= value <= 100:
            raise EditRefused(tr("A percent of the basis is between 0 and 100."))
        new = replace(old, **{name: value})
        if new == old and team.motivation is not None:
            return None
        return changes.update(document, team.id, motivation=new)

    return build


def set_internal(name: str) -> Callable[[Document, Any, Any], Edit | None]:
    """A builder of a typed internal figure, refused while the team's priced promises compute it."""
    typed = set_economics(name)

    def build(document: Document, team: m.Team, value: Any) -> Edit | None:
        money = eco.team_money(document.model)[team.id]
        if money.revenue_computed if name == "internal_revenue" else money.costs_computed:
            raise EditRefused(tr("This figure is computed from the prices of the team's internal promises: "
                                 "change a price on the promise map or in the promise table."))
        return typed(document, team, value)

    return build


def _budget(document: Document, team: m.Team, value: Any) -> Edit | None:
    if value is not None and value < 0:
        raise EditRefused(tr("A budget cannot be negative."))
    return set_field("experiment_budget")(document, team, value)


def _typed(name: str) -> Callable[[m.Team], Any]:
    return lambda team: getattr(team.economics, name) if team.economics else None


def _motivation(name: str) -> Callable[[m.Team], Any]:
    return lambda team: getattr(team.motivation, name) if team.motivation else None


def _computed(key: str, title: str, width: int, build: Callable | None = None, tip: str = "") -> Column:
    return Column(key, title, attrgetter("id"), build, "number", width=width, tip=tip)


def money_columns() -> list[Column]:
    """The economics table's columns (computed ones read the settled figures, see MoneyTableModel)."""
    basis_choices, basis_label = fixed_choices(BASES)
    return [
        Column("name", QT_TRANSLATE_NOOP("columns", "Team"), attrgetter("name"), set_field("name"), width=140,
               tip=QT_TRANSLATE_NOOP("columns", "Figures per the period of each team's economics")),
        Column("revenue", QT_TRANSLATE_NOOP("columns", "Revenue"), _typed("revenue"),
               set_economics("revenue"), "number", width=100,
               tip=QT_TRANSLATE_NOOP("columns", "Revenue from clients")),
        _computed("internal_revenue", QT_TRANSLATE_NOOP("columns", "Internal revenue"), 134,
                  set_internal("internal_revenue"), COMPUTED_TIP),
        Column("costs", QT_TRANSLATE_NOOP("columns", "Own costs"), _typed("costs"), set_economics("costs"), "number",
               width=95),
        _computed("internal_costs", QT_TRANSLATE_NOOP("columns", "Internal costs"), 126,
                  set_internal("internal_costs"), COMPUTED_TIP),
        _computed("settled", QT_TRANSLATE_NOOP("columns", "After settlement"), 200, tip=QT_TRANSLATE_NOOP(
            "columns", "Revenue and internal revenue less own and internal costs; a team that earns nothing is a "
                       "cost centre, shown with whom it serves")),
        Column("basis", QT_TRANSLATE_NOOP("columns", "Bonus basis"), _motivation("basis"), set_motivation("basis"),
               "choice", basis_label, basis_choices, width=146, tip=QT_TRANSLATE_NOOP(
                   "columns", "What the team's bonus pool is a percent of: the margin after settlement, the revenue, "
                              "or its costs when the success indicator is met")),
        Column("percent", QT_TRANSLATE_NOOP("columns", "%"), _motivation("percent"), set_motivation("percent"),
               "number", width=40, tip=QT_TRANSLATE_NOOP("columns", "The percent of the basis that forms the pool")),
        _computed("pool", QT_TRANSLATE_NOOP("columns", "Bonus pool"), 96, tip=QT_TRANSLATE_NOOP(
            "columns", "The team's bonus pool for its period; members' shares in the motivation inspector")),
        _computed("shares", QT_TRANSLATE_NOOP("columns", "Shares"), 62, tip=QT_TRANSLATE_NOOP(
            "columns", "Members' shares of the pool add up to 1 (100 %)")),
        Column("budget", QT_TRANSLATE_NOOP("columns", "Experiments"), attrgetter("experiment_budget"),
               _budget, "number", width=116, tip=QT_TRANSLATE_NOOP(
                   "columns", "What the team may spend each month on experiments without approval (a budget a month)")),
        _computed("budget_left", QT_TRANSLATE_NOOP("columns", "Left"), 80, tip=QT_TRANSLATE_NOOP(
            "columns", "The budget less the budgets of the team's running experiments")),
    ]


class MoneyTableModel(ObjectTableModel):
    """The teams with their settled economics; a computed cell shows a figure of app.economics."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(document, undo_stack, "team", money_columns(), parent)
        self._money: dict[str, eco.TeamMoney] | None = None
        self._pools: dict[str, eco.Pool | None] = {}
        self._budgets: dict[str, eco.ExperimentBudget] = {}

    def money(self) -> dict[str, eco.TeamMoney]:
        """The settled figures of every team (worked out once per edit)."""
        if self._money is None:
            self._money = eco.team_money(self.document.model)
        return self._money

    def pool(self, team: m.Team) -> eco.Pool | None:
        """The team's bonus pool (worked out once per edit)."""
        if team.id not in self._pools:
            self._pools[team.id] = eco.bonus_pool(self.document.model, team, self.money())
        return self._pools[team.id]

    def budget(self, team: m.Team) -> eco.ExperimentBudget:
        """The team's experiment budget, spent and left (worked out once per edit)."""
        if team.id not in self._budgets:
            self._budgets[team.id] = eco.experiment_budget(self.document.model, team)
        return self._budgets[team.id]

    def figure(self, key: str, team: m.Team) -> float | None:
        """The number a computed cell stands for (None: unknown)."""
        tm = self.money().get(team.id)
        if tm is None:
            return None
        if key == "internal_revenue":
            return tm.internal_revenue
        if key == "internal_costs":
            return tm.internal_costs
        if key == "settled":
            return tm.settled_margin
        if key == "pool":
            pool = self.pool(team)
            return None if pool is None or pool.amount is None else round(pool.amount, 2)
        if key == "shares":
            pool = self.pool(team)
            return None if pool is None or not pool.members else pool.shares_total
        if key == "budget_left":
            return self.budget(team).left
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = self.columns[index.column()] if index.isValid() else None
        if column is None or column.key not in _COMPUTED:
            return super().data(index, role)
        team = self.document.find(self.id_at(index.row()))
        if not isinstance(team, m.Team):
            return None
        return self._computed_data(column.key, team, role)

    def _computed_data(self, key: str, team: m.Team, role: int) -> Any:
        value = self.figure(key, team)
        tm = self.money()[team.id]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "shares":
                return "" if value is None else f"Σ {format_number(value)}" + ("" if _adds_up(value) else " ⚠")
            if key == "settled" and tm.cost_centre:
                return tr("cost centre") + "  " + format_number(-tm.all_costs)
            return format_number(value)
        if role == Qt.ItemDataRole.EditRole:
            return format_number(value).replace("\u00a0", "").replace(" ", "")
        if role == SORT_ROLE:
            return float("-inf") if value is None else float(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "shares" and value is not None and not _adds_up(value):
                return QColor(WARN)
            if key == "budget_left" and value is not None and value < 0 or (
                    key == "settled" and value is not None and value < 0 and not tm.cost_centre
                    and team.kind != "council"):
                return QColor(LOSS)
            if key in ("internal_revenue", "internal_costs") and self._is_computed(key, tm):
                return QColor(MUTED)
            if key in ("settled", "pool", "budget_left") or tm.cost_centre:
                return QColor(MUTED) if tm.cost_centre or team.kind == "council" else None
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if key == "settled":
                font.setBold(True)
            if key in ("internal_revenue", "internal_costs") and self._is_computed(key, tm):
                font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(key, team, tm)
        return None

    @staticmethod
    def _is_computed(key: str, tm: eco.TeamMoney) -> bool:
        return tm.revenue_computed if key == "internal_revenue" else tm.costs_computed

    def _tooltip(self, key: str, team: m.Team, tm: eco.TeamMoney) -> str | None:
        if key in ("internal_revenue", "internal_costs"):
            return tr("Computed from the prices of internal promises") if self._is_computed(key, tm) else tr(
                "Typed by hand: no internal promise of this team has a price")
        if key == "settled" and tm.cost_centre:
            names = ", ".join(self._name(x) for x in tm.serves) or "—"
            return tr("Cost centre: sells nothing, serves %1").replace("%1", names)
        if key == "settled" and team.kind == "council":
            return tr("The cost of management")
        if key == "pool":
            pool = self.pool(team)
            if pool is not None and pool.members:
                return "\n".join(f"{member}: {format_number(round(money or 0))}" for member, _s, money in pool.members)
        if key == "budget_left":
            budget = self.budget(team)
            if budget.budget is not None:
                return tr("Spent by running experiments: %1").replace("%1", format_number(budget.spent))
        return None

    def _name(self, obj_id: str) -> str:
        found = self.document.find(obj_id)
        return getattr(found, "name", "") or obj_id

    def sort_key(self, col: int, obj: Any) -> tuple[int, Any]:
        key = self.columns[col].key
        if key in _COMPUTED and isinstance(obj, m.Team):
            value = self.figure(key, obj)
            return 0, float("-inf") if value is None else float(value)
        return super().sort_key(col, obj)

    def keys_stale(self, changed: Changes) -> bool:
        """A computed column may change in every row with any edit of what it is computed from."""
        return 0 <= self.sort_column and self.columns[self.sort_column].key in _COMPUTED and bool(
            changed.everything or changed.kinds() & WATCHED)

    def _on_changes(self, changed: Changes) -> None:
        """Rows follow the teams; every computed cell follows any edit of what it is computed from."""
        stale = changed.everything or changed.kinds() & WATCHED
        if stale:  # before the rows follow: a table sorted by a computed column sorts by the new figures
            self._money = None
            self._pools.clear()
            self._budgets.clear()
        super()._on_changes(changed)
        if stale:
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))


_COMPUTED = frozenset({"internal_revenue", "internal_costs", "settled", "pool", "shares", "budget_left"})


def _adds_up(total: float) -> bool:
    return abs(total - 1.0) <= eco.SHARES_TOLERANCE
