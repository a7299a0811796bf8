"""The internal market and stage 7's money (app/economics.py): settlements, margins, cost centres, pools, budgets."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import economics as eco
from app import model as m
from app.jsonio import read_json_file
from app.resources import sample_path


def _team(tid: str, kind: str = "client_facing", revenue: float | None = None, costs: float | None = None,
          **fields) -> m.Team:
    return m.Team(tid, name=tid.upper(), kind=kind, economics=m.Economics(revenue, costs), **fields)


def _shop() -> m.Workshop:
    """A shop earning from clients, logistics selling it shelves at 700 a month, IT serving for free, a council."""
    return m.Workshop(
        segments=[m.Segment("s", "Buyers")],
        teams=[_team("shop", revenue=5000, costs=3000), _team("logistics", "service", costs=600),
               _team("it", "service", costs=400), _team("council", "council", costs=50)],
        links=[m.Link("l1", "logistics", "shop"), m.Link("l2", "it", "shop"), m.Link("l3", "shop", "s")],
        promises=[m.Promise("p1", "shop", "s", "Fresh"), m.Promise("p2", "logistics", "shop", "Shelves", price=700),
                  m.Promise("p3", "it", "shop", "Tills")],
    )


def test_a_priced_internal_promise_moves_money_from_the_promisee_to_the_promiser() -> None:
    w = _shop()
    assert eco.settlements(w) == [eco.Payment("shop", "logistics", 700, ("p2",))]
    money = eco.team_money(w)
    assert (money["shop"].internal_costs, money["shop"].settled_margin) == (700, 5000 - 3000 - 700)
    assert (money["logistics"].internal_revenue, money["logistics"].settled_margin) == (700, 100)
    assert money["shop"].costs_computed and money["logistics"].revenue_computed
    assert not money["logistics"].cost_centre


def test_a_service_team_that_sells_nothing_is_a_cost_centre_naming_whom_it_serves() -> None:
    money = eco.team_money(_shop())
    assert money["it"].cost_centre and money["it"].serves == ("shop",)
    assert not money["council"].cost_centre  # the council is management, not a cost centre
    assert not money["shop"].cost_centre


def test_the_totals_explain_the_result_team_by_team() -> None:
    (total,) = eco.totals(_shop())
    assert total.result == 5000 - 3000 - 600 - 400 - 50
    assert total.unbalanced == 0
    assert (total.earned, total.cost_centres, total.management) == (1300 + 100, 400, 50)
    assert total.earned - total.cost_centres - total.management + total.council_income == total.result


def test_typed_internal_figures_count_when_no_promise_is_priced_and_an_imbalance_shows() -> None:
    w = _shop()
    w.promises = [replace(p, price=None) for p in w.promises]
    w.teams[0].economics = replace(w.teams[0].economics, internal_costs=900)
    w.teams[1].economics = replace(w.teams[1].economics, internal_revenue=600)
    money = eco.team_money(w)
    assert money["shop"].internal_costs == 900 and not money["shop"].costs_computed
    assert eco.totals(w)[0].unbalanced == -300


def test_prices_win_over_typed_figures_and_follow_the_teams_period() -> None:
    w = _shop()
    w.teams[1].economics = replace(w.teams[1].economics, internal_revenue=1, period="quarter")
    money = eco.team_money(w)
    assert money["logistics"].internal_revenue == 2100  # 700 a month × 3 for a quarter
    assert money["shop"].internal_costs == 700


def test_retired_promises_and_external_prices_settle_nothing() -> None:
    w = _shop()
    w.promises[1] = replace(w.promises[1], status="retired")
    w.promises[0] = replace(w.promises[0], price=999)  # to a segment: not the internal market
    assert eco.settlements(w) == []
    assert eco.team_money(w)["logistics"].cost_centre


def test_management_cost_is_the_councils_share_of_revenue_beside_one_per_cent() -> None:
    cost = eco.management_cost(_shop())
    assert cost is not None and cost.share == pytest.approx(50 / 5000) and cost.reference == 0.01


def test_a_pool_is_a_percent_of_the_basis_and_members_get_their_shares_in_money() -> None:
    w = _shop()
    shares = (m.Share("Anna", 0.5), m.Share("Boris", 0.3), m.Share("Vera", 0.2))
    w.teams[0] = replace(w.teams[0], lead="Anna", members=("Boris", "Vera"),
                         motivation=m.Motivation("margin", 10, shares))
    pool = eco.bonus_pool(w, w.teams[0])
    assert pool is not None and pool.base == 1300 and pool.amount == pytest.approx(130)
    assert [(x, round(money or 0)) for x, _s, money in pool.members] == [("Anna", 65), ("Boris", 39), ("Vera", 26)]
    assert pool.shares_add_up and pool.unshared == ()


def test_revenue_and_indicator_bases_and_the_councils_pool_from_the_whole() -> None:
    w = _shop()
    w.teams[1] = replace(w.teams[1], motivation=m.Motivation("revenue", 5))
    w.teams[2] = replace(w.teams[2], motivation=m.Motivation("indicator", 10))
    w.teams[3] = replace(w.teams[3], motivation=m.Motivation("margin", 2))
    by_team = {p.team: p for p in eco.pools(w)}
    assert by_team["logistics"].amount == pytest.approx(35)  # 5 % of 700 sold internally
    assert by_team["it"].amount == pytest.approx(40)  # 10 % of its costs, when its indicator is met
    assert by_team["council"].base == 950 and by_team["council"].amount == pytest.approx(19)


def test_a_loss_gives_an_empty_pool_not_a_negative_one() -> None:
    w = _shop()
    w.teams[1] = replace(w.teams[1], motivation=m.Motivation("margin", 10))
    w.promises[1] = replace(w.promises[1], price=100)
    assert eco.bonus_pool(w, w.teams[1]).amount == 0


def test_shares_not_adding_up_to_one_are_flagged_and_members_without_a_share_named() -> None:
    w = _shop()
    w.teams[0] = replace(w.teams[0], lead="Anna", members=("Boris",),
                         motivation=m.Motivation("margin", 10, (m.Share("Anna", 0.5), m.Share("Vera", 0.3))))
    pool = eco.bonus_pool(w, w.teams[0])
    assert not pool.shares_add_up and pool.unshared == ("Boris",)
    (finding,) = eco.shares_findings(w)
    assert (finding.code, finding.severity, finding.ids) == ("motivation-shares", "warning", ("shop",))
    assert "0.8" in finding.message
    w.teams[0] = replace(w.teams[0], motivation=m.Motivation("margin", 10, (m.Share("A", 0.33), m.Share("B", 0.33),
                                                                           m.Share("C", 0.34))))
    assert eco.shares_findings(w) == []


def test_running_experiments_spend_the_teams_monthly_budget() -> None:
    w = _shop()
    w.teams[0] = replace(w.teams[0], experiment_budget=100)
    w.experiments = [m.Experiment("e1", "shop", budget=30, status="running"),
                     m.Experiment("e2", "shop", budget=50, status="running"),
                     m.Experiment("e3", "shop", budget=500, status="planned"),
                     m.Experiment("e4", "it", budget=10, status="running")]
    budget = eco.experiment_budget(w, w.teams[0])
    assert (budget.spent, budget.left, budget.running) == (80, 20, ("e1", "e2"))
    assert eco.experiment_budget(w, w.teams[2]).left is None


def test_the_sample_shows_margins_after_settlement_and_no_unexplained_loss() -> None:
    w = read_json_file(sample_path())
    (total,) = eco.totals(w)
    assert eco.settlements(w), "the sample prices its internal promises"
    assert total.unbalanced == 0
    assert total.result > 0
    money = eco.team_money(w)
    losses = [t.name for t in w.teams if not money[t.id].cost_centre and t.kind != "council"
              and (money[t.id].settled_margin or 0) < 0]
    assert losses == []
    cost = eco.management_cost(w)
    assert cost is not None and cost.share is not None and 0.005 < cost.share < 0.02
    assert all(p.shares_add_up for p in eco.pools(w))


# ------------------------------------------------------------------------ generated organisations
@st.composite
def organisations(draw: st.DrawFn) -> m.Workshop:
    """Teams of every kind with figures, and internal promises between them, some priced, some retired."""
    count = draw(st.integers(1, 12))
    money = st.one_of(st.none(), st.floats(0, 1e7, allow_nan=False))
    teams = [m.Team(f"t{i}", kind=draw(st.sampled_from(m.TEAM_KINDS)),
                    economics=draw(st.one_of(st.none(), st.builds(m.Economics, money, money,
                                                                   internal_revenue=money, internal_costs=money))))
             for i in range(count)]
    ids = [t.id for t in teams]
    promises = [m.Promise(f"p{i}", draw(st.sampled_from(ids)), draw(st.sampled_from(ids + ["seg"])),
                          price=draw(st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False))),
                          status=draw(st.sampled_from(m.PROMISE_STATUSES)))
                for i in range(draw(st.integers(0, 30)))]
    return m.Workshop(segments=[m.Segment("seg")], teams=teams, promises=promises)


@settings(max_examples=150, deadline=None)
@given(organisations())
def test_settlements_balance_on_generated_organisations(w: m.Workshop) -> None:
    """With every team's internal figures computed from prices, internal revenue and costs cancel out."""
    for t in w.teams:  # typed figures only where no price reaches: drop them to test the market alone
        if t.economics is not None:
            t.economics = replace(t.economics, internal_revenue=None, internal_costs=None)
    money = eco.team_money(w)
    revenue = sum(x.internal_revenue or 0 for x in money.values())
    costs = sum(x.internal_costs or 0 for x in money.values())
    assert revenue == pytest.approx(costs, rel=1e-9, abs=1e-6)
    assert sum(p.amount for p in eco.settlements(w)) == pytest.approx(revenue, rel=1e-9, abs=1e-6)
    for total in eco.totals(w, money):
        explained = total.earned - total.cost_centres - total.management + total.council_income
        assert explained == pytest.approx(total.result, rel=1e-9, abs=1e-3)
