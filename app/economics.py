"""The money of stage 7: the internal market's settlements, margins after settlement, cost centres, bonus pools.

Rules (the UI's tooltips say the same in the user's words):

- **Internal market** («внутренний «рынок» между продуктовыми, клиентскими и сервисными командами», L644). An
  internal promise (to a team) with a `price` means the promisee pays the promiser that price each month. Retired
  promises settle nothing. A joint promise is paid to its promiser (`from`); co-promisers settle among themselves.
- **Computed or typed.** A team's internal revenue is the sum of the prices of the priced internal promises it
  gives, when it gives any; otherwise the figure typed in `economics.internal_revenue`. Its internal costs likewise:
  the prices of the priced internal promises it receives, otherwise the typed `economics.internal_costs`. Computed
  figures always balance across the organisation; typed ones may not, and the difference is reported.
- **Periods.** Prices are monthly; a team whose economics are kept per quarter or year sees them times 3 or 12
  (a period typed in the user's own words counts as a month).
- **Margin after settlement** = revenue from clients + internal revenue − own costs − internal costs.
- **Cost centre.** A team that is not the council and earns nothing (no revenue from clients, no internal revenue)
  is a cost centre: shown with its costs and whom it serves, not as a loss.
- **Management cost.** The council's costs (own and internal) as a share of the organisation's revenue from clients;
  the method's reference is about 1 % of revenue («около 1% от выручки вместе с отчислениями», L248).
- **Motivation** («мотивация каждого участника», stage 7). A team's bonus pool is `percent` % of its basis for the
  period: `margin` — the margin after settlement; `revenue` — revenue from clients plus internal revenue;
  `indicator` — its own costs, paid when its success indicator is met. The council's margin and revenue are the
  whole organisation's («мотивация СУ», L574). A negative basis gives an empty pool. Each member gets the pool times
  their share; shares are fractions of the pool and should add up to 1.
- **Experiments without approval.** A team's monthly `experiment_budget` is spent by the budgets of its running
  experiments; what is left may be spent without anyone's approval.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from app import model as m
from app.checks import SHARES_TOLERANCE, Finding, run_checks

MANAGEMENT_REFERENCE = 0.01
"""The method's reference for the cost of management: about 1 % of revenue (L248)."""
MONTHS = {"month": 1, "quarter": 3, "year": 12}
SETTLED_STATUSES = frozenset(s for s in m.PROMISE_STATUSES if s != "retired")


@dataclass(frozen=True)
class Payment:
    """One line of the settlement: `payer` pays `payee` `amount` a month for the promises named."""

    payer: str
    payee: str
    amount: float
    promises: tuple[str, ...]


@dataclass(frozen=True)
class TeamMoney:
    """A team's economics with the internal market settled, in the team's own period and currency."""

    team: str
    kind: str
    currency: str
    period: str
    revenue: float | None
    costs: float | None
    internal_revenue: float | None
    internal_costs: float | None
    revenue_computed: bool
    costs_computed: bool
    cost_centre: bool
    serves: tuple[str, ...]

    @property
    def margin(self) -> float | None:
        """Revenue less own costs, before the internal market (None while both are unknown)."""
        if self.revenue is None and self.costs is None:
            return None
        return (self.revenue or 0.0) - (self.costs or 0.0)

    @property
    def settled_margin(self) -> float | None:
        """Revenue and internal revenue less own and internal costs (None while nothing is known)."""
        parts = (self.revenue, self.internal_revenue, self.costs, self.internal_costs)
        if all(p is None for p in parts):
            return None
        r, ir, c, ic = (p or 0.0 for p in parts)
        return r + ir - c - ic

    @property
    def all_costs(self) -> float:
        """Own and internal costs together (unknown counts as nothing)."""
        return (self.costs or 0.0) + (self.internal_costs or 0.0)


@dataclass(frozen=True)
class Totals:
    """The organisation's figures in one currency and period: they add up team by team."""

    currency: str
    period: str
    revenue: float
    costs: float
    internal_revenue: float
    internal_costs: float
    earned: float
    """The margins after settlement of the teams that earn (not cost centres, not the council)."""
    cost_centres: float
    """What the cost centres cost (own and internal costs)."""
    management: float
    """What the council costs (own and internal costs)."""
    council_income: float = 0.0
    """What the council earns itself (rare): with it, earned − cost centres − management adds up to the result."""

    @property
    def result(self) -> float:
        """The organisation's margin: revenue from clients less every cost (internal figures cancel)."""
        return self.revenue - self.costs + self.internal_revenue - self.internal_costs

    @property
    def unbalanced(self) -> float:
        """Internal revenue less internal costs: 0 when the internal market balances (typed figures may not)."""
        return self.internal_revenue - self.internal_costs


@dataclass(frozen=True)
class ManagementCost:
    """The council's costs beside the organisation's revenue, and the method's reference (about 1 %)."""

    costs: float
    revenue: float
    currency: str
    period: str
    reference: float = MANAGEMENT_REFERENCE

    @property
    def share(self) -> float | None:
        """The council's costs as a fraction of revenue (None without revenue)."""
        return self.costs / self.revenue if self.revenue > 0 else None


@dataclass(frozen=True)
class Pool:
    """A team's bonus pool for its period and each member's money from it."""

    team: str
    basis: str
    percent: float | None
    base: float | None
    amount: float | None
    currency: str
    period: str
    members: tuple[tuple[str, float, float | None], ...]
    """(member, share, money) for each share typed; money is None while the pool is unknown."""
    shares_total: float
    unshared: tuple[str, ...]
    """Members of the team (lead included) without a share."""

    @property
    def shares_add_up(self) -> bool:
        """Whether the members' shares add up to 1 (or none are given)."""
        return not self.members or abs(self.shares_total - 1.0) <= SHARES_TOLERANCE


@dataclass(frozen=True)
class ExperimentBudget:
    """A team's monthly budget for experiments without approval, what its running experiments spend, what is left."""

    team: str
    budget: float | None
    spent: float
    running: tuple[str, ...]

    @property
    def left(self) -> float | None:
        """Budget less spent (negative when overspent; None without a budget)."""
        return None if self.budget is None else self.budget - self.spent


# --------------------------------------------------------------------------------------------- the market
def months(period: str) -> int:
    """How many months a team's economics period holds (a period in the user's own words counts as one)."""
    return MONTHS.get(period, 1)


def _priced(w: m.Workshop) -> list[m.Promise]:
    """The internal promises that settle: to a team, from a team, with a price, not retired."""
    teams = {t.id for t in w.teams}
    return [p for p in w.promises if p.price is not None and math.isfinite(p.price) and p.to in teams
            and p.from_ in teams and p.from_ != p.to and p.status in SETTLED_STATUSES]


def settlements(w: m.Workshop) -> list[Payment]:
    """Who pays whom how much a month: one line per pair of teams, largest first, promises in the file's order."""
    pairs: dict[tuple[str, str], list[m.Promise]] = defaultdict(list)
    for p in _priced(w):
        pairs[(p.to, p.from_)].append(p)
    lines = [Payment(payer, payee, sum(p.price or 0.0 for p in ps), tuple(p.id for p in ps))
             for (payer, payee), ps in pairs.items()]
    order = {t.id: i for i, t in enumerate(w.teams)}
    return sorted(lines, key=lambda x: (-x.amount, order.get(x.payer, 0), order.get(x.payee, 0)))


def _serves(w: m.Workshop) -> dict[str, list[str]]:
    """Whom each team serves: its structure links' targets, then its promises' recipients (each once)."""
    out: dict[str, list[str]] = defaultdict(list)
    for link in w.links:
        if link.to not in out[link.from_]:
            out[link.from_].append(link.to)
    for p in w.promises:
        if p.status != "retired" and p.to not in out[p.from_]:
            out[p.from_].append(p.to)
    return out


def team_money(w: m.Workshop) -> dict[str, TeamMoney]:
    """Every team's economics with the internal market settled, by team id (teams without economics included)."""
    sold: dict[str, float] = defaultdict(float)
    bought: dict[str, float] = defaultdict(float)
    for p in _priced(w):
        sold[p.from_] += p.price or 0.0
        bought[p.to] += p.price or 0.0
    serves = _serves(w)
    out: dict[str, TeamMoney] = {}
    for t in w.teams:
        e = t.economics or m.Economics()
        factor = months(e.period)
        revenue_computed, costs_computed = t.id in sold, t.id in bought
        internal_revenue = sold[t.id] * factor if revenue_computed else e.internal_revenue
        internal_costs = bought[t.id] * factor if costs_computed else e.internal_costs
        earns = bool(e.revenue) or bool(internal_revenue)
        spends = bool(e.costs) or bool(internal_costs)
        out[t.id] = TeamMoney(t.id, t.kind, e.currency, e.period, e.revenue, e.costs, internal_revenue, internal_costs,
                              revenue_computed, costs_computed, t.kind != "council" and spends and not earns,
                              tuple(serves.get(t.id, ())))
    return out


def totals(w: m.Workshop, money: dict[str, TeamMoney] | None = None) -> list[Totals]:
    """The organisation's figures per currency and period, in the order they first appear among the teams."""
    money = team_money(w) if money is None else money
    groups: dict[tuple[str, str], list[TeamMoney]] = {}
    for t in w.teams:
        tm = money[t.id]
        if t.economics is not None or tm.internal_revenue is not None or tm.internal_costs is not None:
            groups.setdefault((tm.currency, tm.period), []).append(tm)
    out = []
    for (currency, period), teams in groups.items():
        earned = sum(tm.settled_margin or 0.0 for tm in teams if not tm.cost_centre and tm.kind != "council")
        out.append(Totals(currency, period, _sum(tm.revenue for tm in teams), _sum(tm.costs for tm in teams),
                          _sum(tm.internal_revenue for tm in teams), _sum(tm.internal_costs for tm in teams), earned,
                          sum(tm.all_costs for tm in teams if tm.cost_centre),
                          sum(tm.all_costs for tm in teams if tm.kind == "council"),
                          sum((tm.revenue or 0.0) + (tm.internal_revenue or 0.0) for tm in teams
                              if tm.kind == "council")))
    return out


def _sum(values: Iterable[float | None]) -> float:
    return sum(v or 0.0 for v in values)


def management_cost(w: m.Workshop, money: dict[str, TeamMoney] | None = None) -> ManagementCost | None:
    """The council's costs as a share of revenue, in the first currency and period (None without a council's costs
    or any figures)."""
    found = totals(w, money)
    if not found:
        return None
    first = found[0]
    if not any(t.kind == "council" for t in w.teams):
        return None
    return ManagementCost(first.management, first.revenue, first.currency, first.period)


# ------------------------------------------------------------------------------------------- motivation
def bonus_pool(w: m.Workshop, team: m.Team, money: dict[str, TeamMoney] | None = None) -> Pool | None:
    """The team's bonus pool and its members' money for the team's period (None without a motivation)."""
    motivation = team.motivation
    if motivation is None:
        return None
    money = team_money(w) if money is None else money
    tm = money[team.id]
    base = _base(w, team, tm, money)
    amount = None
    if base is not None and motivation.percent is not None:
        amount = max(0.0, base) * motivation.percent / 100
    members = tuple((s.member, s.share, None if amount is None else amount * s.share) for s in motivation.shares)
    shared = {s.member.strip().casefold() for s in motivation.shares}
    people = ([team.lead] if team.lead.strip() else []) + [x for x in team.members if x != team.lead]
    unshared = tuple(x for x in people if x.strip().casefold() not in shared) if motivation.shares else ()
    return Pool(team.id, motivation.basis, motivation.percent, base, amount, tm.currency, tm.period, members,
                sum(s.share for s in motivation.shares), unshared)


def _base(w: m.Workshop, team: m.Team, tm: TeamMoney, money: dict[str, TeamMoney]) -> float | None:
    basis = team.motivation.basis if team.motivation else "margin"
    if basis == "indicator":
        return tm.costs
    if team.kind == "council":  # the council's motivation rests on the whole organisation (L574)
        found = [x for x in totals(w, money) if (x.currency, x.period) == (tm.currency, tm.period)]
        if not found:
            return None
        whole = found[0]
        return whole.result if basis == "margin" else whole.revenue
    if basis == "revenue":
        if tm.revenue is None and tm.internal_revenue is None:
            return None
        return (tm.revenue or 0.0) + (tm.internal_revenue or 0.0)
    return tm.settled_margin


def pools(w: m.Workshop) -> list[Pool]:
    """The bonus pool of every team with a motivation, in the teams' order."""
    money = team_money(w)
    return [p for t in w.teams if (p := bonus_pool(w, t, money)) is not None]


def shares_findings(w: m.Workshop) -> list[Finding]:
    """`motivation-shares` (warning): a team's members' shares of its bonus pool do not add up to 1 (app.checks)."""
    return run_checks(w, codes=("motivation-shares",))


# ------------------------------------------------------------------------------------------ experiments
def experiment_budget(w: m.Workshop, team: m.Team) -> ExperimentBudget:
    """The team's monthly experiment budget, spent by the budgets of its running experiments."""
    running = [e for e in w.experiments if e.team == team.id and e.status == "running"]
    return ExperimentBudget(team.id, team.experiment_budget, _sum(e.budget for e in running),
                            tuple(e.id for e in running))
