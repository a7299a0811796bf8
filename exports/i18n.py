"""Words of the exports in Russian and English (by the workshop's language), and number, money and date formats."""

from __future__ import annotations

import datetime as dt
import re

_WORDS: dict[str, tuple[str, str]] = {
    "contents": ("Содержание", "Contents"),
    "page_of": ("Стр. {page} из {total}", "Page {page} of {total}"),
    "organization": ("Организация", "Organisation"),
    "date": ("Дата", "Date"),
    "facilitator": ("Ведущий", "Facilitator"),
    "handout": ("Материалы стратегической сессии", "Strategy session handout"),
    "goal_values": ("Эволюционная цель и корневые ценности", "Evolutionary goal and root values"),
    "evolutionary_goal": ("Эволюционная цель", "Evolutionary goal"),
    "rationale": ("Обоснование", "Rationale"),
    "values": ("Корневые ценности", "Root values"),
    "holder": ("Держатель", "Holder"),
    "clients": ("Клиенты, боли и ценностные предложения", "Clients, pains and value propositions"),
    "pains": ("Боли", "Pains"),
    "propositions": ("Ценностные предложения", "Value propositions"),
    "severity": ("острота", "severity"),
    "no_segment": ("Без сегмента", "No segment"),
    "canvas": ("Стратегическая канва", "Strategy canvas"),
    "canvases": ("Стратегические канвы", "Strategy canvases"),
    "for_segment": ("Для сегмента", "For segment"),
    "errc": ("Решётка «упразднить — снизить — повысить — создать»", "ERRC grid: eliminate, reduce, raise, create"),
    "eliminate": ("Упразднить", "Eliminate"),
    "reduce": ("Снизить", "Reduce"),
    "raise": ("Повысить", "Raise"),
    "create": ("Создать", "Create"),
    "factors": ("Факторы", "Factors"),
    "factor": ("Фактор", "Factor"),
    "description": ("Описание", "Description"),
    "action": ("Действие", "Action"),
    "note": ("Комментарий", "Note"),
    "dearer": ("выше = дороже", "higher = dearer"),
    "level": ("Уровень предложения", "Offering level"),
    "not_scored": ("нет оценки", "not scored"),
    "as_is": ("как есть", "as is"),
    "to_be": ("как будет", "to be"),
    "competitor": ("конкурент", "competitor"),
    "alternative": ("альтернатива", "alternative"),
    "structure": ("Структура от клиента", "Structure from the client"),
    "serves": ("стрелка: «обслуживает»", "arrow: \u201cserves\u201d"),
    "segment": ("Клиентский сегмент", "Client segment"),
    "client_facing": ("Клиентская команда", "Client-facing team"),
    "service": ("Сервисная команда", "Service team"),
    "council": ("Совет управляющих", "Council of managers"),
    "promise_map": ("Карта обещаний", "Promise map"),
    "promise_map_hint": (
        "Стрелка — обещание от команды клиенту или другой команде; номер — место в дереве обещаний "
        "(ценность.обещание.поддерживающее).",
        "An arrow is a promise from a team to a client or another team; its number is its place in the tree of "
        "promises (value.promise.supporting).",
    ),
    "promises": ("Система обещаний", "Promise system"),
    "no": ("№", "#"),
    "from": ("Кто даёт", "From"),
    "to": ("Кому", "To"),
    "promise": ("Обещание", "Promise"),
    "metric": ("Метрика", "Metric"),
    "target": ("Цель", "Target"),
    "status": ("Статус", "Status"),
    "authorities": ("Полномочия", "Authorities"),
    "resources": ("Ресурсы", "Resources"),
    "draft": ("черновик", "draft"),
    "negotiating": ("обсуждается", "negotiating"),
    "accepted": ("принято", "accepted"),
    "kept": ("выполнено", "kept"),
    "broken": ("нарушено", "broken"),
    "retired": ("снято", "retired"),
    "teams": ("Команды: экономика и показатели успеха", "Teams: economics and success indicators"),
    "economics": ("Экономика команд", "Team economics"),
    "indicators": ("Показатели успеха", "Success indicators"),
    "team": ("Команда", "Team"),
    "kind": ("Тип", "Kind"),
    "lead": ("Лидер", "Lead"),
    "members": ("Участники", "Members"),
    "revenue": ("Выручка", "Revenue"),
    "costs": ("Затраты", "Costs"),
    "margin": ("Маржа", "Margin"),
    "total": ("Итого", "Total"),
    "period": ("Период", "Period"),
    "indicator": ("Показатель", "Indicator"),
    "current": ("Сейчас", "Current"),
    "experiments": ("Эксперименты", "Experiments"),
    "hypothesis": ("Гипотеза", "Hypothesis"),
    "budget": ("Бюджет", "Budget"),
    "dates": ("Сроки", "Dates"),
    "result": ("Результат", "Result"),
    "decision": ("Решение", "Decision"),
    "planned": ("запланирован", "planned"),
    "running": ("идёт", "running"),
    "done": ("завершён", "done"),
    "keep": ("оставить", "keep"),
    "drop": ("отказаться", "drop"),
    "iterate": ("доработать", "iterate"),
    "findings": ("Открытые замечания", "Open findings"),
    "no_findings": ("Замечаний нет.", "No open findings."),
    "errors": ("Ошибки", "Errors"),
    "warnings": ("Предупреждения", "Warnings"),
    "hints": ("Подсказки", "Hints"),
    "code": ("Код", "Code"),
    "missing": ("Не хватает полномочий и ресурсов", "Missing authorities and resources"),
    "all_granted": ("всё выдано", "all granted"),
    "nothing_listed": ("ничего не указано", "none listed"),
    "more_findings": ("…и ещё {n} {n|замечание|замечания|замечаний} этого вида", "…and {n} more of this kind"),
    "canvas_kicker": ("Стратегическая канва", "Strategy canvas"),
    "error": ("ошибка", "error"),
    "warning": ("предупреждение", "warning"),
    "hint": ("подсказка", "hint"),
    "about": ("Объекты", "Objects"),
    "message": ("Замечание", "Finding"),
    "full_texts": ("Полные тексты", "Full texts"),
    "see_note": ("полный текст — прим. {n}", "full text: note {n}"),
    "note_n": ("Прим. {n}", "Note {n}"),
    "none": ("нет", "none"),
    "per_month": ("в месяц", "per month"),
    "per_quarter": ("в квартал", "per quarter"),
    "per_year": ("в год", "per year"),
    "continued": ("продолжение", "continued"),
    "overview": ("общий вид", "overview"),
    "tagline": ("Стратегия в одной строке", "Strategy in one line"),
    # method errors drawn on every map (the book: a promise is taken only with all its authorities and resources)
    "err_unempowered": ("принято без полномочий или ресурсов", "accepted without its authorities or resources"),
    "err_from_client": ("обещание от клиента: клиент не обещает", "a promise from a client: clients do not promise"),
    "err_broken": ("обещание нарушено", "promise broken"),
    "mixed": ("разные статусы", "mixed statuses"),
    # the summary of a large workshop
    "summary_note": (
        "Сводка: {teams} {teams|команда|команды|команд} и {promises} {promises|обещание|обещания|обещаний}. "
        "Полные реестры — в выгрузке таблицы обещаний "
        "и в приложении (выгрузка с полными реестрами).",
        "Summary: {teams} {teams|team|teams} and {promises} {promises|promise|promises}. "
        "The full registers are in the promise table export "
        "and in the appendix (export with full registers).",
    ),
    "client_layer": ("Клиентский слой и совет управляющих", "The client-facing layer and the council"),
    "client_teams": ("Клиентские команды", "Client-facing teams"),
    "service_teams": ("Сервисные команды", "Service teams"),
    "service_groups": ("Сервисные команды по группам", "Service teams by group"),
    "group": ("Группа", "Group"),
    "teams_n": ("Команд", "Teams"),
    "promises_given": ("Дают обещаний", "Promises given"),
    "promises_to": ("Обещаний клиенту", "Promises to the client"),
    "with_errors": ("С ошибками метода", "With method errors"),
    "team_group": ("{name}: {n}", "{name}: {n}"),
    "more_teams": ("Ещё клиентских команд: {n}", "{n} more client-facing {n|team|teams}"),
    "maps_by_segment": ("Карты обещаний по сегментам", "Promise maps by segment"),
    "segment_map": ("Цепочка обещаний клиенту: {segment}", "The chain of promises to the client: {segment}"),
    "segment_map_hint": (
        "Обещаний сегменту: {external}; внутренних обещаний его клиентским командам: {internal} "
        "(стрелкой от группы сервисных команд). Номер — место в дереве обещаний.",
        "Promises to the segment: {external}; internal promises to its client-facing teams: {internal} "
        "(one arrow from each group of service teams). A number is the place in the tree of promises.",
    ),
    "maps_left_out": ("Сегменты без отдельной карты (их обещания — в реестре): {names}",
                      "Segments without a map of their own (their promises are in the register): {names}"),
    "promise_summary": ("Система обещаний: сводка", "The promise system: summary"),
    "count": ("Количество", "Count"),
    "share": ("Доля", "Share"),
    "worst_promises": ("Обещания с ошибками метода", "Promises with method errors"),
    "worst_more": ("…и ещё {n} {n|обещание|обещания|обещаний} с ошибками метода (все — в полном реестре)",
                   "…and {n} more {n|promise|promises} with method errors (all in the full register)"),
    "problem": ("Ошибка метода", "Method error"),
    "economics_totals": ("Экономика команд: итоги", "Team economics: totals"),
    "all_teams": ("Все команды", "All teams"),
    "losses": ("Команд в убытке", "Teams at a loss"),
    "more_experiments": ("…и ещё {n} {n|эксперимент|эксперимента|экспериментов} "
                         "(все — в приложении с полными реестрами)",
                         "…and {n} more {n|experiment|experiments} (all in the appendix with the full registers)"),
    "more_of": ("и ещё {n}", "and {n} more"),
    "appendix": ("Приложение: полные реестры", "Appendix: the full registers"),
}

_PLURAL = re.compile(r"\{(\w+)\|([^{}]*)\}")
"""`{field|form|form|form}` in a template: the noun form that agrees with the number in `field`."""

_MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_CURRENCY = {"RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£"}


class Words:
    """The exports' words in one language: `words["key"]` or `words("page_of", page=1, total=9)`."""

    def __init__(self, language: str) -> None:
        self.language = "en" if language == "en" else "ru"
        self._index = 1 if self.language == "en" else 0

    def __getitem__(self, key: str) -> str:
        pair = _WORDS.get(key)
        return pair[self._index] if pair else key

    def __call__(self, key: str, **fields: object) -> str:
        return self.format(self[key], **fields)

    def format(self, template: str, **fields: object) -> str:
        """`template` filled in, `{n|one|few|many}` (Russian) or `{n|one|other}` (English) agreeing with field n."""
        if "|" in template:
            template = _PLURAL.sub(lambda found: self.plural(fields[found[1]], found[2]), template)
        return template.format(**fields) if fields else template

    def plural(self, count: object, forms: str) -> str:
        """The form of a noun that agrees with `count` (a number or its printed form): forms split by `|`."""
        one, *others = forms.split("|")
        value = _count(count, "," if self.language == "en" else ".")
        if self.language == "en":
            return one if value == 1 else (others[0] if others else one)
        few, many = (others + [one, one])[:2]
        return plural_form(value, one, few, many)

    def number(self, value: float, decimals: int = 0) -> str:
        """A number with thousands grouped: `1 234 567` in Russian, `1,234,567` in English."""
        text = f"{value:,.{decimals}f}"
        if self.language == "ru":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text.replace("-", "−")

    def money(self, value: float | None, currency: str = "RUB") -> str:
        """A sum with its currency sign, or an em dash while it is unknown."""
        if value is None:
            return "—"
        sign = _CURRENCY.get(currency, currency)
        decimals = 0 if float(value).is_integer() else 2
        return f"{self.number(value, decimals)}\u00a0{sign}"

    def period(self, period: str) -> str:
        """`month` → "per month" (or the period as written when it is not a known one)."""
        key = f"per_{period}"
        return self[key] if key in _WORDS else period

    def date(self, iso: str | None) -> str:
        """An ISO date in words (`20 ноября 2026`, `20 November 2026`); anything else as written."""
        day = _parse_date(iso)
        if not isinstance(day, dt.date):
            return day
        if self.language == "ru":
            return f"{day.day} {_MONTHS_RU[day.month - 1]} {day.year}"
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"

    def short_date(self, iso: str | None) -> str:
        """An ISO date in figures: `20.11.2026` (Russian) or `20 Nov 2026`; anything else as written."""
        day = _parse_date(iso)
        if not isinstance(day, dt.date):
            return day
        if self.language == "ru":
            return f"{day.day:02d}.{day.month:02d}.{day.year}"
        return f"{day.day} {_MONTHS_EN[day.month - 1][:3]} {day.year}"

    def level(self, value: float) -> str:
        """A level on a canvas: `3`, `2,5` (Russian) or `2.5`."""
        text = f"{value:g}"
        return text.replace(".", ",") if self.language == "ru" else text


def plural_form(count: float, one: str, few: str, many: str) -> str:
    """The Russian noun form after `count`: 1, 21 замечание; 2–4, 22 замечания; 5–20, 11–14, 25 замечаний;
    a fraction (2,5) takes the genitive singular (замечания)."""
    if not float(count).is_integer():
        return few
    n = abs(int(count))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _count(count: object, grouping: str) -> float:
    """A number, or the number a printed one says (`1 234`, `2,5`, `1,234`, `−3`); 0 when it says none."""
    if isinstance(count, int | float):
        return count
    text = str(count).replace("\u00a0", "").replace(" ", "").replace(grouping, "").replace("−", "-")
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return 0


def _parse_date(iso: str | None) -> dt.date | str:
    """The date an ISO string names, or the text as written ("" for none) when it is not one."""
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return iso
