"""The deck's economics slides: margins after settlement, settlements between teams, bonus pools and shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app import economics as eco
from exports.deck_parts import _cell, _paged
from exports.economics_words import (
    basis_text,
    explaining_lines,
    percent,
    say,
    share_texts,
    team_currency,
    unbalanced_notes,
)
from exports.style import INK, MISSING, MUTED

if TYPE_CHECKING:
    from exports.deck import Deck

EMU = 914400


def market_slides(deck: Deck) -> None:
    """The slides the workshop has something for: after settlement, settlements, motivation."""
    w, words = deck.w, deck.words
    money = eco.team_money(w)
    settled_slides(deck, money)
    payments = eco.settlements(w)
    if payments:
        rows = [[_cell(deck_name(deck, x.payer), bold=True), _cell(deck_name(deck, x.payee)),
                 _cell(words.money(x.amount, money[x.payer].currency), bold=True, align="r"),
                 _cell("; ".join(p.text for p in w.promises if p.id in x.promises))] for x in payments]
        header = [say(words, "payer"), say(words, "payee"), say(words, "per_month"), say(words, "for_what")]
        _paged(deck, say(words, "settlements"), header, rows, [int(x * EMU) for x in (2.8, 2.8, 1.8, 4.93)])
    if any(t.motivation is not None for t in w.teams):
        rows = []
        for t in w.teams:
            pool = eco.bonus_pool(w, t, money)
            if pool is None:
                continue
            shares = "\n".join(share_texts(words, pool))
            if not pool.shares_add_up:
                shares += "\n⚠ " + say(words, "shares_off", total=words.level(round(pool.shares_total, 3)))
            rows.append([_cell(t.name, bold=True), _cell(basis_text(words, t)),
                         _cell(percent(words, pool.percent / 100) if pool.percent is not None else "—", align="r"),
                         _cell(words.money(None if pool.amount is None else round(pool.amount), pool.currency),
                               bold=True, align="r"),
                         _cell(shares, color=INK if pool.shares_add_up else MISSING)])
        header = [words["team"], say(words, "basis"), say(words, "percent"), say(words, "pool"),
                  say(words, "shares")]
        _paged(deck, say(words, "motivation"), header, rows, [int(x * EMU) for x in (2.4, 2.4, 1.0, 1.6, 4.93)])
    if any(t.experiment_budget is not None for t in w.teams):
        budget_slides(deck)


def budget_slides(deck: Deck) -> None:
    """Each team's monthly budget for experiments without approval, what its running experiments spend, the rest
    (overspent in red), as the handout's table."""
    w, words = deck.w, deck.words
    rows = []
    for t in w.teams:
        b = eco.experiment_budget(w, t)
        if b.budget is None:
            continue
        cur, over = team_currency(t), b.left is not None and b.left < 0
        rows.append([_cell(t.name, bold=True), _cell(words.money(b.budget, cur), align="r"),
                     _cell(words.money(b.spent, cur), align="r"),
                     _cell(("⚠ " if over else "") + words.money(b.left, cur), bold=True, align="r",
                           color=MISSING if over else INK)])
    header = [words["team"], say(words, "budget_month"), say(words, "spent"), say(words, "left")]
    _paged(deck, say(words, "experiment_budgets"), header, rows, [int(x * EMU) for x in (4.33, 2.6, 2.8, 2.6)])


def deck_name(deck: Deck, obj_id: str) -> str:
    """A team's name by id."""
    return next((t.name for t in deck.w.teams if t.id == obj_id), obj_id)


def settled_slides(deck: Deck, money: dict[str, eco.TeamMoney]) -> None:
    """Each team's figures after settlement, then how the organisation's result adds up and the management cost."""
    w, words = deck.w, deck.words
    rows = []
    for t in w.teams:
        tm = money[t.id]
        if t.economics is None and tm.internal_revenue is None and tm.internal_costs is None:
            continue
        margin = tm.settled_margin
        if tm.cost_centre:
            served = ", ".join(deck_name(deck, x) if any(x == s.id for s in w.teams) else
                               next((s.name for s in w.segments if s.id == x), x) for x in tm.serves)
            last = _cell(f"{words.money(-tm.all_costs, tm.currency)}\n{say(words, 'cost_centre')}, "
                         f"{say(words, 'serves', names=served or '—')}", color=MUTED, align="r")
        elif t.kind == "council":
            last = _cell(f"{words.money(margin, tm.currency)}\n{say(words, 'management')}", color=MUTED, align="r")
        else:
            last = _cell(words.money(margin, tm.currency), bold=True, align="r",
                         color=MISSING if margin is not None and margin < 0 else INK)
        rows.append([_cell(t.name, bold=True), _cell(words.money(tm.revenue, tm.currency), align="r"),
                     _cell(words.money(tm.internal_revenue, tm.currency), align="r"),
                     _cell(words.money(tm.costs, tm.currency), align="r"),
                     _cell(words.money(tm.internal_costs, tm.currency), align="r"), last])
    for line in explaining_lines(words, w, money):
        color = MISSING if line.total and line.amount < 0 else INK if line.total else MUTED
        rows.append([_cell(line.label, bold=line.total, color=color), *[_cell(" ") for _ in range(4)],
                     _cell(words.money(line.amount, line.currency), bold=line.total, color=color, align="r")])
    for note in unbalanced_notes(words, w, money):
        rows.append([_cell(note, color=MISSING), *[_cell(" ") for _ in range(5)]])
    cost = eco.management_cost(w, money)
    if cost is not None and cost.costs and cost.share is not None:
        rows.append([_cell(say(words, "management_share")), *[_cell(" ") for _ in range(4)],
                     _cell(percent(words, cost.share), bold=True, align="r",
                           color=INK if cost.share <= 2 * cost.reference else MISSING)])
    header = [words["team"], say(words, "client_revenue"), say(words, "internal_revenue"), say(words, "own_costs"),
              say(words, "internal_costs"), say(words, "settled_margin")]
    _paged(deck, say(words, "settled"), header, rows, [int(x * EMU) for x in (2.83, 1.8, 1.8, 1.8, 1.8, 2.3)])
