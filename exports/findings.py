"""Open findings of the methodology checks for the handout, worded in the workshop's language."""

from __future__ import annotations

from typing import Any, Sequence

from app import model as m

RU_TEMPLATES: dict[str, str] = {
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
}


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
