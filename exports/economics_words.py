"""Words and rows of the economics section shared by the handout and the deck (stage 7, the internal market)."""

from __future__ import annotations

from dataclasses import dataclass

from app import economics as eco
from app import model as m
from exports.i18n import Words

_WORDS: dict[str, tuple[str, str]] = {
    "settled": ("Экономика команд после взаиморасчётов", "Team economics after settlement"),
    "settled_note": (
        "Внутренний «рынок» между командами: за внутреннее обещание с ценой команда-получатель ежемесячно платит "
        "команде, давшей обещание. Внутренние выручка и затраты взаимно гасятся, итог организации — выручка от "
        "клиентов минус все затраты. Курсивом — суммы, посчитанные по ценам внутренних обещаний.",
        "The internal market between teams: for a priced internal promise the team that receives it pays the team "
        "that gives it every month. Internal revenue and costs cancel out; the organisation's result is revenue "
        "from clients less every cost. Figures in italics are computed from the prices of internal promises."),
    "client_revenue": ("Выручка от клиентов", "Revenue from clients"),
    "internal_revenue": ("Внутренняя выручка", "Internal revenue"),
    "own_costs": ("Свои затраты", "Own costs"),
    "internal_costs": ("Внутренние затраты", "Internal costs"),
    "settled_margin": ("Маржа после взаиморасчётов", "Margin after settlement"),
    "settlement_net": ("Взаиморасчёты", "Settlement"),
    "cost_centre": ("центр затрат", "cost centre"),
    "serves": ("обслуживает: {names}", "serves: {names}"),
    "management": ("затраты на управление", "cost of management"),
    "earned": ("Маржа зарабатывающих команд", "Margin of the teams that earn"),
    "cost_centres": ("Центры затрат", "Cost centres"),
    "council_costs": ("Затраты на управление (Совет управляющих)", "Cost of management (council of managers)"),
    "council_income": ("Доход Совета управляющих", "The council's own income"),
    "result": ("Итого по организации", "Organisation's result"),
    "unbalanced": ("Внутренние расчёты не сходятся на {amount}: внутренняя выручка и затраты введены вручную",
                   "Internal figures differ by {amount}: internal revenue and costs were typed by hand"),
    "management_line": (
        "Затраты на управление: {costs} — {share} выручки. Ориентир метода: около 1 % выручки вместе с "
        "отчислениями.",
        "Cost of management: {costs} — {share} of revenue. The method's reference: about 1 % of revenue "
        "including payroll taxes."),
    "management_share": ("Затраты на управление, доля выручки (ориентир метода — около 1 %)",
                         "Cost of management, share of revenue (the method's reference: about 1 %)"),
    "management_no_revenue": ("Затраты на управление: {costs}; выручки от клиентов нет, долю не посчитать.",
                              "Cost of management: {costs}; with no revenue from clients there is no share."),
    "settlements": ("Взаиморасчёты между командами", "Settlements between teams"),
    "more_settlements": ("…и ещё {n} {n|расчёт|расчёта|расчётов}; всего по внутреннему рынку {total} в месяц.",
                         "…and {n} more {n|settlement|settlements}; the internal market moves {total} a month in all."),
    "pools_total": ("Фонды премий {teams} {teams|команды|команд|команд}: {amount} за период.",
                    "Bonus pools of {teams} {teams|team|teams}: {amount} for the period."),
    "pools_off": ("У {n} {n|команды|команд|команд} доли участников не складываются в 1.",
                  "In {n} {n|team|teams} members' shares do not add up to 1."),
    "payer": ("Кто платит", "Who pays"),
    "payee": ("Кому", "To whom"),
    "per_month": ("В месяц", "Per month"),
    "for_what": ("За что", "For what"),
    "motivation": ("Мотивация участников", "Motivation of every participant"),
    "motivation_note": (
        "Фонд премий команды — процент от её базы за период; каждый участник получает свою долю фонда.",
        "A team's bonus pool is a percent of its basis for the period; each member gets their share of the pool."),
    "basis": ("База", "Basis"),
    "basis_margin": ("маржа после взаиморасчётов", "margin after settlement"),
    "basis_revenue": ("выручка", "revenue"),
    "basis_indicator": ("затраты, при выполнении показателя успеха", "costs, when the success indicator is met"),
    "basis_margin_council": ("итог организации", "the organisation's result"),
    "basis_revenue_council": ("выручка организации", "the organisation's revenue"),
    "percent": ("Процент", "Percent"),
    "pool": ("Фонд премий", "Bonus pool"),
    "shares": ("Доли участников", "Members' shares"),
    "shares_off": ("доли в сумме {total}, а не 1", "shares add up to {total}, not 1"),
    "no_share": ("без доли: {names}", "no share: {names}"),
    "experiment_budgets": ("Эксперименты без согласования", "Experiments without approval"),
    "budget_month": ("Бюджет в месяц", "Budget a month"),
    "spent": ("Идёт на эксперименты", "Spent by running experiments"),
    "left": ("Осталось", "Left"),
    "overspent": ("Эксперименты команды «{team}» без согласования тратят {spent} в месяц — на {over} больше её "
                  "бюджета ({budget}).",
                  "Running experiments of team \u201c{team}\u201d spend {spent} a month: {over} over its budget for "
                  "experiments without approval ({budget})."),
}


def say(words: Words, key: str, **fields: object) -> str:
    """A word of this section in the workshop's language."""
    pair = _WORDS[key]
    text = pair[1 if words.language == "en" else 0]
    return words.format(text, **fields)


def percent(words: Words, fraction: float) -> str:
    """A fraction as a percent with up to two decimals: `0,99 %`."""
    value = round(fraction * 100, 2)
    return f"{words.level(value)}\u00a0%"


@dataclass(frozen=True)
class Line:
    """One explaining line under the economics table: a label, an amount, whether it is the total."""

    label: str
    amount: float
    currency: str
    total: bool = False


def explaining_lines(words: Words, w: m.Workshop, money: dict[str, eco.TeamMoney]) -> list[Line]:
    """How the organisation's result adds up: earning teams, cost centres, management, the result."""
    out = []
    for t in eco.totals(w, money):
        out.append(Line(say(words, "earned"), round(t.earned), t.currency))
        if t.cost_centres:
            out.append(Line(say(words, "cost_centres"), -round(t.cost_centres), t.currency))
        if t.management:
            out.append(Line(say(words, "council_costs"), -round(t.management), t.currency))
        if t.council_income:
            out.append(Line(say(words, "council_income"), round(t.council_income), t.currency))
        out.append(Line(f"{say(words, 'result')} ({words.period(t.period)})", round(t.result), t.currency, True))
    return out


def unbalanced_notes(words: Words, w: m.Workshop, money: dict[str, eco.TeamMoney]) -> list[str]:
    """A sentence for every currency whose internal figures do not cancel out."""
    return [say(words, "unbalanced", amount=words.money(abs(t.unbalanced), t.currency))
            for t in eco.totals(w, money) if abs(t.unbalanced) > 0.005]


def management_sentence(words: Words, w: m.Workshop, money: dict[str, eco.TeamMoney]) -> str:
    """The council's costs as a share of revenue beside the method's reference, or "" without a council's costs."""
    cost = eco.management_cost(w, money)
    if cost is None or not cost.costs:
        return ""
    share = cost.share
    costs = f"{words.money(cost.costs, cost.currency)} {words.period(cost.period)}"
    if share is None:
        return say(words, "management_no_revenue", costs=costs)
    return say(words, "management_line", costs=costs, share=percent(words, share))


def basis_text(words: Words, team: m.Team) -> str:
    """What a team's bonus pool is a percent of."""
    basis = team.motivation.basis if team.motivation else "margin"
    if team.kind == "council" and basis in ("margin", "revenue"):
        return say(words, f"basis_{basis}_council")
    return say(words, f"basis_{basis}")


def share_texts(words: Words, pool: eco.Pool) -> list[str]:
    """Each member's share of the pool and its money: `Мария Лебедева — 40 % · 23 200 ₽`."""
    out = []
    for member, share, money in pool.members:
        amount = "" if money is None else f" · {words.money(round(money), pool.currency)}"
        out.append(f"{member or '—'} — {percent(words, share)}{amount}")
    return out


def has_market(w: m.Workshop) -> bool:
    """Whether the workshop has anything for the economics section beyond the plain table."""
    return any(t.motivation is not None or t.experiment_budget is not None for t in w.teams) or bool(
        eco.settlements(w))


def team_currency(team: m.Team) -> str:
    """The currency of a team's figures (roubles until its economics say otherwise)."""
    return team.economics.currency if team.economics else "RUB"


def overspent_sentences(words: Words, w: m.Workshop) -> list[str]:
    """A sentence for each team whose running experiments spend more than its monthly budget for experiments
    without approval (the economics table shows the same cell in red)."""
    out = []
    for t in w.teams:
        b = eco.experiment_budget(w, t)
        if b.budget is None or b.left is None or b.left >= 0:
            continue
        cur = team_currency(t)
        out.append(say(words, "overspent", team=t.name or "—", spent=words.money(b.spent, cur),
                       over=words.money(-b.left, cur), budget=words.money(b.budget, cur)))
    return out
