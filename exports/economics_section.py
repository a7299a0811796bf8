"""The handout's economics section: margins after settlement, settlements, management cost, motivation, budgets."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from app import economics as eco
from app import model as m
from exports import fonts
from exports.context import Ctx
from exports.economics_words import (
    basis_text,
    explaining_lines,
    management_sentence,
    percent,
    say,
    share_texts,
    unbalanced_notes,
)
from exports.handout_tables import cell, grids, header_cells
from exports.pdf_grid import Cell, Part
from exports.pdf_styles import para
from exports.style import INK, MISSING, MUTED


def _widths(ctx: Ctx, fractions: list[float]) -> list[float]:
    total = sum(fractions)
    return [ctx.width * f / total for f in fractions]


def economics_section(ctx: Ctx) -> list[Flowable]:
    """Every part of the section the workshop has something for (the caller gives the section's heading)."""
    w, st = ctx.workshop, ctx.styles
    money = eco.team_money(w)
    out: list[Flowable] = [para(say(ctx.words, "settled_note"), st.muted), *settled_table(ctx, money)]
    out += [para(text, st.muted) for text in unbalanced_notes(ctx.words, w, money)]
    sentence = management_sentence(ctx.words, w, money)
    if sentence:
        out += [Spacer(1, 4), para(sentence, st.body)]
    payments = eco.settlements(w)
    if payments:
        out += [Spacer(1, 6), para(say(ctx.words, "settlements"), st.h2), *settlement_table(ctx, payments)]
    if any(t.motivation is not None for t in w.teams):
        out += [Spacer(1, 6), para(say(ctx.words, "motivation"), st.h2), para(say(ctx.words, "motivation_note"),
                                                                             st.muted), *motivation_table(ctx, money)]
    if any(t.experiment_budget is not None for t in w.teams):
        out += [Spacer(1, 6), para(say(ctx.words, "experiment_budgets"), st.h2), *budget_table(ctx)]
    return out


SUMMARY_PAYMENTS = 15
"""The largest settlements a large workshop's summary lists (the full list is in the full registers)."""


def economics_summary(ctx: Ctx) -> list[Flowable]:
    """A large workshop's economics after settlement: how the result adds up, the management cost, the largest
    settlements and the bonus pools in total (the per-team tables are in the full registers)."""
    w, words, st = ctx.workshop, ctx.words, ctx.styles
    money = eco.team_money(w)
    rows = [[Cell([(line.label, fonts.SANS_BOLD if line.total else fonts.SANS, INK if line.total else MUTED)]),
             Cell([(words.money(line.amount, line.currency), fonts.SANS_BOLD if line.total else fonts.SANS,
                    MISSING if line.total and line.amount < 0 else INK)], "right")]
            for line in explaining_lines(words, w, money)]
    out: list[Flowable] = [para(say(words, "settled"), st.h2)]
    if rows:
        head = header_cells([say(words, "result"), say(words, "settled_margin")], ["left", "right"])
        out += grids(ctx, head, rows, _widths(ctx, [70, 30]))
    out += [para(text, st.muted) for text in unbalanced_notes(words, w, money)]
    sentence = management_sentence(words, w, money)
    if sentence:
        out += [Spacer(1, 4), para(sentence, st.body)]
    payments = eco.settlements(w)
    if payments:
        out += [Spacer(1, 6), para(say(words, "settlements"), st.h2),
                *settlement_table(ctx, payments[:SUMMARY_PAYMENTS])]
        if len(payments) > SUMMARY_PAYMENTS:
            out.append(para(say(words, "more_settlements", n=words.number(len(payments) - SUMMARY_PAYMENTS),
                                total=words.money(sum(p.amount for p in payments), _currency_of(w))), st.muted))
    pools = [p for p in eco.pools(w) if p.amount is not None]
    if pools:
        off = sum(1 for p in pools if not p.shares_add_up)
        text = say(words, "pools_total", teams=words.number(len(pools)),
                   amount=words.money(round(sum(p.amount or 0.0 for p in pools)), pools[0].currency))
        if off:
            text += " " + say(words, "pools_off", n=words.number(off))
        out += [Spacer(1, 4), para(text, st.body)]
    return out


def _money_cell(ctx: Ctx, value: float | None, currency: str, *, computed: bool = False, bold: bool = False,
                color: str = INK) -> Cell:
    text = ctx.words.money(value, currency)
    return cell(ctx, text, font=fonts.SANS_BOLD if bold else fonts.SANS_ITALIC if computed else fonts.SANS,
                color=color, align="right")


def settled_table(ctx: Ctx, money: dict[str, eco.TeamMoney]) -> list[Flowable]:
    """Each team's revenue from clients and internal, own and internal costs, its margin after settlement (a cost
    centre says whom it serves instead), then the lines that add up to the organisation's result."""
    w, words = ctx.workshop, ctx.words
    rows = []
    mixed = len({tm.period for tm in money.values()}) > 1
    for t in w.teams:
        tm = money[t.id]
        if t.economics is None and tm.internal_revenue is None and tm.internal_costs is None:
            continue
        name: list[Part] = [(ctx.notes.cut(t.name, 200) or "—", fonts.SANS_BOLD, INK)]
        if mixed:
            name.append((words.period(tm.period), fonts.SANS, MUTED))
        margin = tm.settled_margin
        if tm.cost_centre:
            served = ", ".join(ctx.name(x) for x in tm.serves) or "—"
            result = Cell([(words.money(-tm.all_costs, tm.currency), fonts.SANS_BOLD, MUTED),
                           (say(words, "cost_centre"), fonts.SANS_ITALIC, MUTED),
                           (say(words, "serves", names=ctx.notes.cut(served, 300)), fonts.SANS_ITALIC, MUTED)],
                          "right")
        elif t.kind == "council":
            result = Cell([(words.money(margin, tm.currency), fonts.SANS_BOLD, MUTED),
                           (say(words, "management"), fonts.SANS_ITALIC, MUTED)], "right")
        else:
            result = _money_cell(ctx, margin, tm.currency, bold=True,
                                 color=MISSING if margin is not None and margin < 0 else INK)
        rows.append([Cell(name), _money_cell(ctx, tm.revenue, tm.currency),
                     _money_cell(ctx, tm.internal_revenue, tm.currency, computed=tm.revenue_computed),
                     _money_cell(ctx, tm.costs, tm.currency),
                     _money_cell(ctx, tm.internal_costs, tm.currency, computed=tm.costs_computed), result])
    for line in explaining_lines(words, w, money):
        color = MISSING if line.total and line.amount < 0 else INK if line.total else MUTED
        font = fonts.SANS_BOLD if line.total else fonts.SANS
        rows.append([Cell([(line.label, font, color)]), *[Cell.text("") for _ in range(4)],
                     Cell([(words.money(line.amount, line.currency), font, color)], "right")])
    keys = ("team", "client_revenue", "internal_revenue", "own_costs", "internal_costs", "settled_margin")
    labels = [words["team"], *(say(words, k) for k in keys[1:])]
    head = header_cells(labels, ["left", "right", "right", "right", "right", "right"])
    return grids(ctx, head, rows, _widths(ctx, [24, 15, 15, 15, 15, 18]))


def settlement_table(ctx: Ctx, payments: list[eco.Payment]) -> list[Flowable]:
    """Who pays whom how much a month, and for which promises."""
    words = ctx.words
    currency = _currency_of(ctx.workshop)
    promises = {p.id: p for p in ctx.workshop.promises}
    rows = [[cell(ctx, ctx.name(x.payer), font=fonts.SANS_BOLD), cell(ctx, ctx.name(x.payee)),
             cell(ctx, words.money(x.amount, currency), font=fonts.SANS_BOLD, align="right"),
             Cell([(f"• {ctx.notes.cut(promises[i].text, 200) or '—'}", fonts.SANS, INK) for i in x.promises])]
            for x in payments]
    labels = [say(words, "payer"), say(words, "payee"), say(words, "per_month"), say(words, "for_what")]
    head = header_cells(labels, ["left", "left", "right", "left"])
    return grids(ctx, head, rows, _widths(ctx, [22, 22, 16, 40]))


def _currency_of(w: m.Workshop) -> str:
    return next((t.economics.currency for t in w.teams if t.economics is not None), "RUB")


def motivation_table(ctx: Ctx, money: dict[str, eco.TeamMoney]) -> list[Flowable]:
    """Each team's basis, percent and bonus pool for its period, and each member's share of it in money."""
    w, words = ctx.workshop, ctx.words
    rows = []
    mixed = len({tm.period for tm in money.values()}) > 1
    for t in w.teams:
        pool = eco.bonus_pool(w, t, money)
        if pool is None:
            continue
        shares: list[Part] = [(text, fonts.SANS, INK) for text in share_texts(words, pool)]
        if not pool.shares_add_up:
            shares.append(("⚠ " + say(words, "shares_off", total=words.level(round(pool.shares_total, 3))),
                           fonts.SANS_BOLD, MISSING))
        if pool.unshared:
            shares.append((say(words, "no_share", names=", ".join(pool.unshared)), fonts.SANS_ITALIC, MISSING))
        amount = None if pool.amount is None else round(pool.amount)
        rows.append([Cell([(ctx.notes.cut(t.name, 200) or "—", fonts.SANS_BOLD, INK),
                           *([(words.period(pool.period), fonts.SANS, MUTED)] if mixed else [])]),
                     cell(ctx, basis_text(words, t)),
                     cell(ctx, percent(words, pool.percent / 100) if pool.percent is not None else "—", align="right"),
                     cell(ctx, words.money(amount, pool.currency), font=fonts.SANS_BOLD, align="right"),
                     Cell(shares or [("—", fonts.SANS, MUTED)])])
    labels = [words["team"], say(words, "basis"), say(words, "percent"), say(words, "pool"), say(words, "shares")]
    head = header_cells(labels, ["left", "left", "right", "right", "left"])
    return grids(ctx, head, rows, _widths(ctx, [20, 20, 9, 14, 37]))


def budget_table(ctx: Ctx) -> list[Flowable]:
    """Each team's monthly budget for experiments without approval, what its running experiments spend, the rest."""
    w, words = ctx.workshop, ctx.words
    rows = []
    for t in w.teams:
        if t.experiment_budget is None:
            continue
        b = eco.experiment_budget(w, t)
        currency = t.economics.currency if t.economics else "RUB"
        left = b.left
        rows.append([cell(ctx, t.name, font=fonts.SANS_BOLD), cell(ctx, words.money(b.budget, currency), align="right"),
                     cell(ctx, words.money(b.spent, currency), align="right"),
                     cell(ctx, words.money(left, currency), font=fonts.SANS_BOLD, align="right",
                          color=MISSING if left is not None and left < 0 else INK)])
    labels = [words["team"], say(words, "budget_month"), say(words, "spent"), say(words, "left")]
    head = header_cells(labels, ["left", "right", "right", "right"])
    return grids(ctx, head, rows, _widths(ctx, [40, 20, 20, 20]))



def overspent_notes(ctx: Ctx) -> list[Flowable]:
    """Under the experiments: each team whose running experiments overspend its budget without approval, in red."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    from exports.economics_words import overspent_sentences

    style = ParagraphStyle("overspent", ctx.styles.body, textColor=HexColor(MISSING), spaceBefore=4)
    return [para("⚠ " + text, style) for text in overspent_sentences(ctx.words, ctx.workshop)]
