"""Deterministic, valid, realistic-looking workshops of any size, for tests, benchmarks and demos."""

from __future__ import annotations

import random
import uuid
from dataclasses import replace

from app import model as m

_FIRST = ("Анна", "Игорь", "Ольга", "Мария", "Пётр", "Дина", "Артём", "Роман", "Светлана", "Тимур", "Ксения",
          "Виктор", "Алексей", "Елена", "Денис", "Наталья", "Сергей", "Ирина", "Михаил", "Юлия")
_LAST = ("Петров", "Смирнов", "Ким", "Лебедев", "Орлов", "Юсупов", "Власов", "Гусев", "Ильин", "Алиев", "Белов",
         "Зуев", "Фомин", "Морозов", "Ковалёв", "Соколов", "Новиков", "Фёдоров", "Попов", "Волков")
_STREETS = ("Лесной", "Садовой", "Речной", "Мира", "Ленина", "Гагарина", "Полевой", "Школьной", "Заречной",
            "Центральной", "Молодёжной", "Солнечной")
_DISTRICTS = ("Север", "Юг", "Запад", "Восток", "Центр", "Пригород", "Новостройки", "Набережная")
_CATEGORIES = ("овощи и фрукты", "молочка", "выпечка", "мясо и рыба", "бакалея", "готовая еда", "напитки")
_SYSTEMS = ("кассы", "приложение", "сайт", "склад", "аналитика", "связь")
_SEGMENTS = ("Молодые семьи", "Офисные сотрудники", "Пенсионеры", "Студенты", "Владельцы кафе", "Спортсмены",
             "Жители новостроек", "Дачники", "Мамы в декрете", "Гости города", "Любители готовить", "Веганы")
_PAINS = ("Не уверены, что продукт свежий", "Очереди на кассах вечером", "Возврат занимает полдня",
          "Нет нужного товара на полке", "Доставка опаздывает", "Цены на ценнике и на кассе расходятся",
          "Нет горячей еды рядом", "Неудобно платить", "Трудно найти товар в зале")
_VALUES = (("Свежесть", "Продукты приходят на полку в день производства"), ("Скорость", "Покупка занимает минуты"),
           ("Доверие", "Спор с покупателем решаем в его пользу"), ("Забота", "Помогаем, даже когда не просят"),
           ("Честность", "Говорим, как есть"), ("Простота", "Ничего лишнего"), ("Вкус", "Пробуем всё сами"))
_FACTORS = ("Цена", "Ширина ассортимента", "Свежесть", "Скорость покупки", "Возврат без чека", "Акции и скидки",
            "Доставка", "Готовая еда", "Вежливость персонала", "Часы работы", "Парковка", "Программа лояльности",
            "Онлайн-заказ", "Фермерские продукты", "Чистота в зале")
_CURVES = (("Мы сейчас", "as_is"), ("Мы через год", "to_be"), ("Гипермаркеты", "competitor"),
           ("Магазины у дома", "competitor"), ("Рынок", "alternative"), ("Маркетплейсы", "competitor"),
           ("Готовить дома", "alternative"))
_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
_EXTERNAL = (("Доставим заказ за {n} минут", "Доля заказов за {n} минут", "95%"),
             ("Свежие продукты на полке к {h}:00", "Доля позиций свежего дня на полке в {h}:00", "98%"),
             ("Вернём деньги за испорченный товар за {n} минут", "Время от обращения до возврата", "≤ {n} минут"),
             ("Очередь на кассе не дольше {n} минут", "Время ожидания в очереди", "≤ {n} минут"),
             ("Ответим на любой вопрос за {n} минут", "Время до первого ответа", "≤ {n} минут"))
_INTERNAL = (("Полки пополнены к {h}:00", "Дни, когда пополнение завершено к {h}:00", "98%"),
             ("Кассы работают без сбоев", "Доступность касс", "99,9%"),
             ("Товар от местных производителей в день производства", "Доля поставок в день производства", "80%"),
             ("История покупок клиента открывается за секунду", "Время открытия карточки", "≤ 1 с"),
             ("Новые сотрудники обучены за {n} дней", "Срок обучения", "≤ {n} дней"))
_AUTHORITIES = ("Решать о возврате до {k} 000 ₽ без согласования", "Менять маршрут курьера без согласования",
                "Выбирать перевозчика", "Заключать договоры до {k}00 000 ₽", "Списывать товар без согласования",
                "Выбирать инструменты", "Менять график смен")
_RESOURCES = ("{n} курьеров в смену", "Холодильное оборудование", "Бюджет {k}0 000 ₽ в месяц",
              "Доступ к истории покупок клиента", "Резервный канал связи", "Два грузовика с холодильником")
_OFTEN = ("каждый день", "по выходным", "раз в неделю", "по пути с работы", "онлайн, с доставкой")
_STATUSES = (("draft", 20), ("negotiating", 25), ("accepted", 30), ("kept", 15), ("broken", 5), ("retired", 5))


def generate_workshop(*, teams: int = 500, promises: int = 3000, links: int = 1000, canvases: int = 4,
                      factors: int = 12, curves: int = 6, segments: int = 20, seed: int = 0,
                      values: int = 5, experiments: int | None = None) -> m.Workshop:
    """A valid workshop of the given size, the same for the same arguments (experiments: teams // 10 + 1)."""
    sizes = dict(teams=teams, promises=promises, links=links, canvases=canvases, factors=factors, curves=curves,
                 segments=segments, values=values, experiments=experiments or 0)
    if any(n < 0 for n in sizes.values()):
        raise ValueError(f"sizes cannot be negative: {sizes}")
    if (promises or links) and not teams:
        raise ValueError("links and promises need at least one team")
    rng = random.Random(seed)
    g = _Generator(rng)
    w = m.Workshop(info=m.WorkshopInfo(
        title=f"Стратегическая сессия №{seed % 1000 + 1}", organization="Сеть магазинов «Свежий квартал»",
        facilitator=g.person(), date=f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        evolutionary_goal="Свежая еда рядом с домом — каждый день и без очередей",
        goal_rationale="Покупатели выбирают нас за свежесть и скорость; всё остальное служит этому."))
    w.values = [m.Value(g.id(), *(_VALUES[i % len(_VALUES)]), holder=g.person()) for i in range(values)]
    w.segments = [m.Segment(g.id(), g.numbered(_SEGMENTS, i), f"Покупают у нас {rng.choice(_OFTEN)}")
                  for i in range(segments)]
    for s in w.segments:
        for text in rng.sample(_PAINS, 3):
            w.pains.append(m.Pain(g.id(), s.id, text, rng.choice((1, 2, 3, 4, 5, 5, None))))
        w.propositions.append(m.Proposition(g.id(), s.id, f"{s.name}: свежее рядом, спор — в вашу пользу",
                                            "Свежее — рядом"))
    w.canvases = [g.canvas(i, factors, curves, w.segments) for i in range(canvases)]
    w.teams = [g.team(i, teams) for i in range(teams)]
    g.structure(w, links)
    g.promises(w, promises)
    count = teams // 10 + (1 if teams else 0) if experiments is None else experiments
    w.experiments = [g.experiment(w.teams) for _ in range(count)]
    for diagram, share in (("structure", 0.7), ("promises", 0.4)):
        nodes = [n.id for n in w.segments + w.teams if rng.random() < share]
        w.layouts[diagram] = {n: (i % 12 * 180.0, i // 12 * 120.0 + rng.choice((0.0, 0.5, 30.25)))
                              for i, n in enumerate(nodes)}
    return w


def small_workshop(seed: int, *, extras: bool = True) -> m.Workshop:
    """A small workshop of a size chosen by `seed`, with users' own `x-` keys sprinkled in when `extras`."""
    rng = random.Random(seed)
    w = generate_workshop(teams=rng.randint(1, 10), promises=rng.randint(0, 25), links=rng.randint(0, 12),
                          canvases=rng.randint(0, 2), factors=rng.randint(0, 8), curves=rng.randint(0, 4),
                          segments=rng.randint(0, 5), values=rng.randint(0, 4), seed=seed)
    if extras:
        w.extra["x-source"] = {"tool": "generator", "seed": seed, "tags": ["тест", 1.5, None, True]}
        w.info.extra["x-room"] = "Переговорная 3"
        w.layouts_extra["x-zoom"] = 1.25
        w.teams[0].extra["x-slack"] = "#team-0"
        if w.teams[0].economics is not None:
            w.teams[0].economics = replace(w.teams[0].economics, extra={"x-budget-code": 42})
        for p in w.promises[:1]:
            p.authorities = (*p.authorities, m.Grant("Подписывать акты", True, {"x-doc": "приказ 7"}))
        for c in w.canvases[:1]:
            c.extra["x-source"] = "опрос покупателей"
            for f in c.factors[:1]:
                f.extra["x-weight"] = 0.3
    return w


class _Generator:
    """Makes the parts of a generated workshop from one random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def id(self) -> str:
        """A fresh UUID drawn from the random source (so it repeats with the seed)."""
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def person(self) -> str:
        """A Russian-looking full name."""
        first, last = self.rng.choice(_FIRST), self.rng.choice(_LAST)
        return f"{first} {last}{'а' if first[-1] in 'ая' and last[-1] in 'вн' else ''}"

    def numbered(self, names: tuple[str, ...], i: int) -> str:
        """The i-th name of `names`, numbered once the names run out."""
        return names[i % len(names)] + (f" ({i // len(names) + 1})" if i >= len(names) else "")

    def canvas(self, i: int, n_factors: int, n_curves: int, segments: list[m.Segment]) -> m.Canvas:
        """A strategy canvas with factors, curves on its scale, and at most one reference curve."""
        rng = self.rng
        scale, step = ((0, 5), 0.5) if rng.random() < 0.8 else ((0, 10), 1.0)
        factors = [m.Factor(self.id(), self.numbered(_FACTORS, j), higher_is_costlier=j % len(_FACTORS) == 0,
                            errc=rng.choice((None, *m.ERRC_ACTIONS))) for j in range(n_factors)]
        curves = []
        for j in range(n_curves):
            name, kind = _CURVES[j % len(_CURVES)]
            steps = int((scale[1] - scale[0]) / step)
            levels = {f.id: rng.randint(0, steps) * step for f in factors if rng.random() < 0.95}
            curves.append(m.Curve(self.id(), self.numbered(tuple(c[0] for c in _CURVES), j), kind,
                                  _COLORS[j % len(_COLORS)], visible=rng.random() < 0.9, reference=j == 2,
                                  levels=levels))
        segment = rng.choice(segments).id if segments and rng.random() < 0.7 else None
        return m.Canvas(self.id(), f"Канва {i + 1}: продуктовый ритейл у дома", segment,
                        "Свежее — рядом, спор — в вашу пользу", scale, step, factors, curves)

    def team(self, i: int, total: int) -> m.Team:
        """The i-th of `total` teams: about 1% council (at the end), 40% client-facing, the rest service."""
        rng = self.rng
        councils = max(1, total // 100) if total >= 3 else 0
        if i >= total - councils:
            kind, name = "council", "Совет управляющих" + (f" №{total - i}" if councils > 1 else "")
        elif rng.random() < 0.4:
            kind = "client_facing"
            name = rng.choice((f"Магазин на {rng.choice(_STREETS)}", f"Доставка: {rng.choice(_DISTRICTS)}",
                               f"Кухня готовой еды №{i}", f"Служба заботы: {rng.choice(_DISTRICTS)}"))
        else:
            kind = "service"
            name = rng.choice((f"Логистика: {rng.choice(_DISTRICTS)}", f"Закупки: {rng.choice(_CATEGORIES)}",
                               f"ИТ: {rng.choice(_SYSTEMS)}", f"Склад №{i}", "Обучение персонала"))
        members = tuple(self.person() for _ in range(rng.randint(1, 6)))
        indicator = None if rng.random() < 0.1 else m.Indicator(
            "Доля покупателей, вернувшихся в течение недели", f"{rng.randint(60, 95)}%", f"{rng.randint(40, 90)}%")
        revenue = rng.randrange(500, 5000) * 1000 if kind == "client_facing" else None
        economics = None if kind == "council" and rng.random() < 0.5 else m.Economics(
            revenue, rng.choice((None, rng.randrange(200, 4000) * 1000, rng.randrange(200, 4000) * 1000 + 0.5)))
        return m.Team(self.id(), name, kind, "Покупатель уходит довольным", members[0], members, indicator,
                      economics, rng.choice(("", "", "Пилот в двух районах")))

    def structure(self, w: m.Workshop, count: int) -> None:
        """`count` links: client-facing teams serve segments, service teams serve other teams."""
        rng, seen = self.rng, set()
        front = [t for t in w.teams if t.kind == "client_facing"] or w.teams
        working = [t for t in w.teams if t.kind != "council"] or w.teams
        for _ in range(count):
            for _attempt in range(5):
                source = rng.choice(working)
                if source.kind == "client_facing" and w.segments:
                    target = rng.choice(w.segments).id
                else:
                    target = rng.choice(front).id
                if (source.id, target) not in seen:
                    break
            seen.add((source.id, target))
            w.links.append(m.Link(self.id(), source.id, target))

    def promises(self, w: m.Workshop, count: int) -> None:
        """`count` promises: first to clients, then internal ones that support a promise of the team they serve."""
        rng = self.rng
        by_team: dict[str, list[str]] = {}
        front = [t for t in w.teams if t.kind == "client_facing"] or w.teams
        statuses, weights = zip(*_STATUSES, strict=True)
        for i in range(count):
            external = w.segments and (i < count * 0.35 or rng.random() < 0.1)
            source = rng.choice(front if external else w.teams)
            if external:
                target, templates = rng.choice(w.segments).id, _EXTERNAL
            else:
                others = [t for t in rng.sample(w.teams, min(3, len(w.teams))) if t.id != source.id]
                target, templates = (others or [source])[0].id, _INTERNAL
            supported = by_team.get(target)
            parent = rng.choice(supported) if supported and rng.random() < 0.7 else None
            text, metric, goal = rng.choice(templates)
            n, h, k = rng.choice((5, 10, 15, 30, 60)), rng.choice((7, 8, 9)), rng.randint(1, 9)
            status = rng.choices(statuses, weights)[0]
            p_granted = 0.9 if status in ("accepted", "kept") else 0.5
            grants = [(rng.choice(_AUTHORITIES), rng.choice(_RESOURCES)) for _ in range(rng.randint(0, 3))]
            value = rng.choice(w.values).id if w.values and rng.random() < 0.85 else None
            metric = metric.format(n=n, h=h) if rng.random() < 0.9 else ""
            promise = m.Promise(
                self.id(), source.id, target, text.format(n=n, h=h), value, parent, metric, goal.format(n=n), status,
                tuple(m.Grant(a.format(k=k), rng.random() < p_granted) for a, _ in grants),
                tuple(m.Grant(r.format(n=n, k=k), rng.random() < p_granted) for _, r in grants[:2]))
            w.promises.append(promise)
            by_team.setdefault(source.id, []).append(promise.id)

    def experiment(self, teams: list[m.Team]) -> m.Experiment:
        """An experiment of stage 9, planned, running or done."""
        rng = self.rng
        status = rng.choice(m.EXPERIMENT_STATUSES)
        month = rng.randint(1, 11)
        return m.Experiment(
            self.id(), rng.choice(teams).id if teams and rng.random() < 0.9 else None,
            "Утренняя выкладка к 07:30 поднимет долю вернувшихся покупателей", "Доля вернувшихся за неделю",
            rng.choice((None, rng.randrange(10, 500) * 1000)), f"2026-{month:02d}-01",
            None if status == "planned" and rng.random() < 0.5 else f"2026-{month + 1:02d}-01", status,
            "Доля выросла на 4 пункта" if status == "done" else "",
            rng.choice(m.DECISIONS) if status == "done" else None)
