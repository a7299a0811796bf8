"""The summary tables of a large workshop's handout: client-facing layer, council, service groups, totals."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from app.promise_tree import promise_numbers, widest
from exports import fonts
from exports.context import Ctx
from exports.handout_tables import _number_first, _widths, cell, grids, header_cells
from exports.pdf_grid import Cell
from exports.pdf_styles import para
from exports.style import INK, MISSING, MUTED, PROBLEM, STATUS_COLORS
from exports.summary import client_layer, economics_totals, error_counts, service_groups, status_counts, worst_promises

TEAM_NAMES = 600
"""Characters of team names listed in one cell of the client-facing layer (the rest are counted)."""


def _names(ctx: Ctx, names: list[str]) -> str:
    """Names joined by commas, cut at TEAM_NAMES characters with a count of the rest."""
    out: list[str] = []
    used = 0
    for n in names:
        if used + len(n) > TEAM_NAMES and out:
            return ", ".join(out) + " " + ctx.words("more_of", n=len(names) - len(out))
        out.append(n)
        used += len(n) + 2
    return ", ".join(out) or "—"


def _count(ctx: Ctx, n: int, color: str = INK) -> Cell:
    return Cell.text(ctx.words.number(n), fonts.SANS_BOLD if n and color != INK else fonts.SANS,
                     color if n else MUTED, "right")


def client_layer_tables(ctx: Ctx) -> list[Flowable]:
    """Each segment with its client-facing teams; the council in full; service teams by group."""
    w, words, st = ctx.workshop, ctx.words, ctx.styles
    out: list[Flowable] = []
    rows = [[cell(ctx, seg.name, font=fonts.SANS_BOLD),
             cell(ctx, _names(ctx, [t.name for t in teams if t.kind == "client_facing"])),
             _count(ctx, promised), _count(ctx, errors, PROBLEM)]
            for seg, teams, promised, errors in client_layer(w)]
    if rows:
        head = header_cells([words["segment"], words["client_teams"], words["promises_to"], words["with_errors"]],
                            ["left", "left", "right", "right"])
        out += grids(ctx, head, rows, _widths(ctx, [18, 58, 12, 12]))
    councils = [t for t in w.teams if t.kind == "council"]
    if councils:
        out += [Spacer(1, 8), para(words["council"], st.h2)]
        rows = [[cell(ctx, t.name, font=fonts.SANS_BOLD), cell(ctx, t.lead), cell(ctx, ", ".join(t.members))]
                for t in councils]
        out += grids(ctx, header_cells([words["team"], words["lead"], words["members"]]), rows,
                     _widths(ctx, [25, 20, 55]))
    service = [t for t in w.teams if t.kind == "service"]
    if service:
        given: dict[str, int] = {}
        for p in w.promises:
            given[p.from_] = given.get(p.from_, 0) + 1
        out += [Spacer(1, 8), para(words["service_groups"], st.h2)]
        rows = []
        for key, members in sorted(service_groups(service).items(), key=lambda kv: -len(kv[1])):
            rows.append([cell(ctx, key or words["service_teams"], font=fonts.SANS_BOLD),
                         _count(ctx, len(members)), _count(ctx, sum(given.get(t.id, 0) for t in members)),
                         cell(ctx, _names(ctx, [t.name for t in members]), color=MUTED)])
        head = header_cells([words["group"], words["teams_n"], words["promises_given"], words["team"]],
                            ["left", "right", "right", "left"])
        out += grids(ctx, head, rows, _widths(ctx, [20, 9, 12, 59]))
    return out


def promise_summary_tables(ctx: Ctx) -> list[Flowable]:
    """Promises by status, method errors by kind, and the worst promises with their row in the register."""
    w, words, st = ctx.workshop, ctx.words, ctx.styles
    total = len(w.promises) or 1
    rows = [[Cell.text(words[s], fonts.SANS_BOLD, STATUS_COLORS.get(s, INK)), _count(ctx, n),
             Cell.text(f"{n / total:.0%}".replace("%", "\u00a0%"), align="right")]
            for s, n in status_counts(w).items()]
    rows += [[Cell.text(words[f"err_{e}"], fonts.SANS_BOLD, PROBLEM), _count(ctx, n, PROBLEM),
              Cell.text(f"{n / total:.0%}".replace("%", "\u00a0%"), align="right")]
             for e, n in error_counts(w).items() if n]
    head = header_cells([words["status"], words["count"], words["share"]], ["left", "right", "right"])
    out: list[Flowable] = grids(ctx, head, rows, _widths(ctx, [50, 25, 25]))
    worst = worst_promises(w, None)
    if worst:
        out += [Spacer(1, 8), para(words["worst_promises"], st.h2)]
        shown = worst_promises(w)
        rows = [[Cell.text(str(i), color=MUTED, align="right"), cell(ctx, f"{ctx.name(p.from_)} → {ctx.name(p.to)}"),
                 cell(ctx, p.text), Cell.text(words[p.status], fonts.SANS_BOLD, STATUS_COLORS.get(p.status, INK)),
                 cell(ctx, words[f"err_{error}"], color=MISSING)]
                for i, p, error in shown]
        head = header_cells([words["no"], f"{words['from']} → {words['to'].lower()}", words["promise"],
                             words["status"], words["problem"]])
        out += grids(ctx, head, rows, _number_first(ctx, _widths(ctx, [5, 28, 35, 11, 21]),
                                                    widest(promise_numbers(w)), words["no"]))
        if len(worst) > len(shown):
            out.append(para(words("worst_more", n=words.number(len(worst) - len(shown))), st.muted))
    return out


def economics_totals_table(ctx: Ctx) -> list[Flowable]:
    """Per team kind and for all teams, after the internal market's settlement: revenue from clients, own costs,
    the settlement, the margin, teams at a loss and cost centres; one block per currency and period."""
    from exports.economics_words import say

    words = ctx.words
    rows = []
    for row in economics_totals(ctx.workshop):
        bold = fonts.SANS_BOLD if not row.kind else fonts.SANS
        rows.append([cell(ctx, words[row.kind] if row.kind else words["all_teams"], font=bold),
                     _count(ctx, row.teams),
                     cell(ctx, words.money(row.revenue, row.currency), font=bold, align="right"),
                     cell(ctx, words.money(row.costs, row.currency), font=bold, align="right"),
                     cell(ctx, words.money(row.settlement, row.currency), font=bold, align="right"),
                     cell(ctx, words.money(row.margin, row.currency), font=fonts.SANS_BOLD, align="right",
                          color=MISSING if row.at_a_loss else INK),
                     _count(ctx, row.losses, MISSING), _count(ctx, row.cost_centres, MUTED),
                     cell(ctx, words.period(row.period))])
    aligns = ["left", "right", "right", "right", "right", "right", "right", "right", "left"]
    head = header_cells([words["kind"], words["teams_n"], say(words, "client_revenue"), say(words, "own_costs"),
                         say(words, "settlement_net"), say(words, "settled_margin"), words["losses"],
                         say(words, "cost_centres"), words["period"]], aligns)
    return grids(ctx, head, rows, _widths(ctx, [13, 7, 12, 11, 15, 15, 9, 9, 9]))
