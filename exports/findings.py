"""Open findings of the methodology checks for the handout, worded in the workshop's language."""

from __future__ import annotations

from typing import Any, Sequence

from app import model as m


class _Russian(str):
    """A Russian template: a list of names the core quotes "so" is quoted «so», as a Russian sentence quotes."""

    LISTS = ("missing", "approvals")

    def format(self, *args: Any, **fields: Any) -> str:
        for name in self.LISTS:
            value = fields.get(name)
            if isinstance(value, str) and len(value) > 1 and value.startswith('"') and value.endswith('"'):
                fields[name] = ", ".join(f"«{item}»" for item in value[1:-1].split('", "'))
        return str.format(self, *args, **fields)


_RU: dict[str, str] = {
    "promise-no-metric": "У обещания «{promise}» команды «{team}» нет метрики",
    "promise-unempowered": "Обещание «{promise}» команды «{team}» принято, но не обеспечено: {missing}",
    "promise-unempowered/none": "Обещание «{promise}» команды «{team}» принято, "
    "но в нём нет ни полномочий, ни ресурсов",
    "promise-from-client": "Обещание «{promise}» даёт клиентский сегмент «{segment}»; клиент не обещает",
    "team-no-client-promise": "Клиентская команда «{team}» не даёт ни одного обещания клиенту",
    "team-not-serving-client": "Цепочка обещаний сервисной команды «{team}» не доходит до клиента",
    "team-no-indicator": "У команды «{team}» нет показателя успеха",
    "link-without-promise": "«{source}» обслуживает «{target}» в структуре, но ещё ничего не пообещала",
    "promise-without-link": "Обещанию «{promise}» от «{source}» к «{target}» не соответствует связь в структуре",
    "canvas-factor-count": "На канве «{canvas}» факторов: {count}; нужно от 6 до 12",
    "errc-contradicts-curves": "Действие по фактору «{factor}» на канве «{canvas}» расходится с кривыми: "
    "«{to_be}» — {to_be_level}, «{reference}» — {reference_level} (минимум шкалы {minimum})",
    "curve-unscored": "У кривой «{curve}» на канве «{canvas}» нет оценки для факторов: {missing}",
    "no-evolutionary-goal": "У сессии нет эволюционной цели",
    "promise-chain-at-risk": "Обещание «{promise}» команды «{team}» опирается на обещание «{supporting}» команды "
    "«{supporter}», у которого нет метрики",
    "promise-chain-at-risk/draft": "Обещание «{promise}» команды «{team}» опирается на обещание «{supporting}» "
    "команды «{supporter}», которое ещё черновик",
    "promise-chain-at-risk/negotiating": "Обещание «{promise}» команды «{team}» опирается на обещание "
    "«{supporting}» команды «{supporter}», которое ещё обсуждается",
    "promise-chain-at-risk/broken": "Обещание «{promise}» команды «{team}» опирается на нарушенное обещание "
    "«{supporting}» команды «{supporter}»",
    "authority-is-approval": "В полномочиях обещания «{promise}» команды «{team}» — согласование: {approvals}; "
    "полномочие — это право действовать без согласований",
    "promise-parent-mismatch": "Обещание «{promise}» поддерживает обещание «{parent}» команды «{parent_team}», "
    "но дано «{promisee}»; поддерживающее обещание дают той команде, что дала поддерживаемое",
    "value-without-holder": "У корневой ценности «{value}» нет держателя",
    "holder-not-on-council": "«{holder}», держатель корневой ценности «{value}», не лидер и не участник совета "
    "управляющих",
    "holder-not-on-council/no-council": "«{holder}», держатель корневой ценности «{value}», не входит в совет "
    "управляющих: его в сессии ещё нет",
    "team-without-people": "В команде «{team}» нет ни лидера, ни участников",
    "team-no-motivation": "У команды «{team}» есть экономика, но нет мотивации участников",
    "experiment-without-decision": "Эксперимент «{experiment}» завершён, но решения нет: оставить, отказаться "
    "или доработать",
    "canvas-no-tagline": "У канвы «{canvas}» есть кривая «как будет», но нет слогана — стратегии в одной строке",
    "reading-not-met": "Обещание «{promise}» команды «{team}»: последнее значение метрики, {value} за {period}, "
    "не достигло цели",
    "motivation-shares": "Доли участников в фонде премий команды «{team}» в сумме дают {total}, а не 1",
}

RU_TEMPLATES: dict[str, str] = {key: _Russian(text) for key, text in _RU.items()}


def open_findings(workshop: m.Workshop, findings: Sequence[Any] | None) -> list[Any] | None:
    """`findings` as given, else the checks' findings in the workshop's language (None without app.checks)."""
    if findings is not None:
        return list(findings)
    try:
        from app.checks import run_checks
    except ImportError:
        return None
    templates = RU_TEMPLATES if workshop.info.language != "en" else None
    return run_checks(workshop, templates=templates)
