"""The summary of a large workshop: promise maps per segment, service teams grouped, method errors, totals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from app import economics as eco
from app import model as m
from app.promise_rules import is_unempowered
from app.promise_tree import number_key, promise_numbers

MAP_LIMIT = 10
"""Segments that get their own promise map in the summary (the most promised first); all of them with --full."""
MAP_TEAMS = 30
"""Client-facing teams drawn one by one on a segment's map; the others become one grouped node."""
GROUP_LIMIT = 12
"""Service-team groups shown by name; with more, every service team falls into one group."""
EXPERIMENT_LIMIT = 15
"""Experiments listed in the summary (running and planned first)."""
WORST_LIMIT = 40
"""Promises with method errors listed in the summary (the worst first)."""
PROBLEM_ORDER = ("from_client", "unempowered", "broken")
"""Method errors of a promise, the worst first."""
KIND_GROUPS = {"client_facing": "client_teams", "service": "service_teams", "council": "council"}
"""The words that name a group of teams of one kind."""
PROBLEM_KEY = "x-method-error"
"""The `extra` key of a grouped arrow that carries the worst method error of the promises it stands for."""


def method_error(p: m.Promise, segment_ids: set[str] | frozenset[str]) -> str:
    """The worst method error of a promise: "from_client", "unempowered", "broken", or ""."""
    marked = p.extra.get(PROBLEM_KEY) if p.extra else None
    if isinstance(marked, str):
        return marked
    if p.from_ in segment_ids:
        return "from_client"
    if is_unempowered(p):
        return "unempowered"
    return "broken" if p.status == "broken" else ""


def family(name: str) -> str:
    """The group a team's name belongs to: the words before a colon, a number sign or a trailing number."""
    head = re.split(r"[:№#(]| \d", name or "", maxsplit=1)[0].strip(" -—,.")
    return head or "—"


def service_groups(teams: list[m.Team]) -> dict[str, list[m.Team]]:
    """Service teams grouped by name family; past GROUP_LIMIT families, one group of them all (key "")."""
    groups: dict[str, list[m.Team]] = {}
    for t in teams:
        groups.setdefault(family(t.name), []).append(t)
    return groups if len(groups) <= GROUP_LIMIT else {"": list(teams)}


@dataclass(frozen=True)
class SegmentMap:
    """One segment's promise map: the segment, the workshop drawn for it, and what it leaves out."""

    segment: m.Segment
    workshop: m.Workshop
    external: int  # promises to the segment
    internal: int  # internal promises to its client-facing teams, drawn as grouped arrows


def _group_team(key: str, label: str, kind: str) -> m.Team:
    return m.Team(f"group:{key}", label, kind)


def _worst(errors: list[str]) -> str:
    return next((e for e in PROBLEM_ORDER if e in errors), "")


def _arrow(source: str, target: str, members: list[m.Promise], numbers: dict[str, str],
           segment_ids: set[str]) -> m.Promise:
    """One arrow for the promises between a pair: its status (or "mixed"), its worst method error, and the row
    number of a single promise."""
    statuses = {q.status for q in members}
    status = statuses.pop() if len(statuses) == 1 else "mixed"
    error = _worst([method_error(q, segment_ids) for q in members])
    number = numbers.get(members[0].id, "") if len(members) == 1 else ""
    first = members[0]
    return m.Promise(f"{source}>{target}", source, target, first.text if len(members) == 1 else "", status=status,
                     extra={PROBLEM_KEY: error, "x-number": number})


def segment_maps(w: m.Workshop, words, limit: int | None = MAP_LIMIT) -> list[SegmentMap]:
    """A promise map per segment (the most promised first, at most `limit`): the segment, every promise to it
    from its client-facing teams, and the internal promises to those teams as one arrow per group of teams."""
    segment_ids = {s.id for s in w.segments}
    teams = {t.id: t for t in w.teams}
    numbers = promise_numbers(w)
    to_segment: dict[str, list[m.Promise]] = {}
    to_team: dict[str, list[m.Promise]] = {}
    for p in w.promises:
        (to_segment if p.to in segment_ids else to_team).setdefault(p.to, []).append(p)
    order = sorted((s for s in w.segments if to_segment.get(s.id)), key=lambda s: -len(to_segment[s.id]))
    maps = []
    for seg in order[:limit] if limit is not None else order:
        external = to_segment[seg.id]
        givers: dict[str, int] = {}
        for p in external:
            givers[p.from_] = givers.get(p.from_, 0) + 1
        shown = sorted(givers, key=lambda t: -givers[t])[:MAP_TEAMS]
        rest = [t for t in givers if t not in shown]
        sub = m.Workshop(info=w.info, segments=[seg], values=w.values)
        sub.teams = [teams[t] if t in teams else m.Team(t, t, "client_facing") for t in shown]
        rest_id = ""
        if rest:
            rest_id = "group:rest"
            sub.teams.append(_group_team("rest", words("more_teams", n=len(rest)), "client_facing"))
        bundles: dict[tuple[str, str], list[m.Promise]] = {}
        for p in external:
            bundles.setdefault((p.from_ if p.from_ in shown else rest_id, p.to), []).append(p)
        promises = [_arrow(source, target, members, numbers, segment_ids)
                    for (source, target), members in bundles.items()]
        internal = [q for t in givers for q in to_team.get(t, []) if q.from_ not in givers]
        givers_in = list({q.from_: teams[q.from_] for q in internal if q.from_ in teams}.values())
        grouping: dict[str, str] = {}
        for kind in m.TEAM_KINDS:
            of_kind = [t for t in givers_in if t.kind == kind]
            groups = service_groups(of_kind) if kind == "service" else {f"{kind}:": of_kind}
            grouping |= {t.id: key for key, members in groups.items() for t in members}
        bundles = {}
        for q in internal:
            key = grouping.get(q.from_, "")
            target = q.to if q.to in shown else rest_id
            bundles.setdefault((key, target), []).append(q)
        sizes: dict[str, set[str]] = {}
        for (key, _target), members in bundles.items():
            sizes.setdefault(key, set()).update(q.from_ for q in members)
        for key, team_ids in sizes.items():
            kind = key[:-1] if key.endswith(":") else "service"
            name = words[KIND_GROUPS[kind]] if key.endswith(":") or not key else key
            sub.teams.append(_group_team(key or "service", words("team_group", name=name, n=len(team_ids)), kind))
        for (key, target), members in bundles.items():
            promises.append(_arrow(f"group:{key or 'service'}", target, members, {}, segment_ids))
        sub.promises = promises
        maps.append(SegmentMap(seg, sub, len(external), len(internal)))
    return maps


def worst_promises(w: m.Workshop, limit: int | None = WORST_LIMIT) -> list[tuple[str, m.Promise, str]]:
    """(number in the tree of promises, promise, method error) of the promises with method errors, the worst
    first."""
    segment_ids = {s.id for s in w.segments}
    numbers = promise_numbers(w)
    rows = [(numbers.get(p.id, ""), p, method_error(p, segment_ids)) for p in w.promises]
    rows = [r for r in rows if r[2]]
    rows.sort(key=lambda r: (PROBLEM_ORDER.index(r[2]), number_key(r[0])))
    return rows if limit is None else rows[:limit]


def error_counts(w: m.Workshop) -> dict[str, int]:
    """How many promises have each method error."""
    segment_ids = {s.id for s in w.segments}
    counts = dict.fromkeys(PROBLEM_ORDER, 0)
    for p in w.promises:
        error = method_error(p, segment_ids)
        if error:
            counts[error] += 1
    return counts


def status_counts(w: m.Workshop) -> dict[str, int]:
    """How many promises have each status, in the method's order."""
    counts = dict.fromkeys(m.PROMISE_STATUSES, 0)
    for p in w.promises:
        counts[p.status] = counts.get(p.status, 0) + 1
    return {k: v for k, v in counts.items() if v}


@dataclass(frozen=True)
class KindTotals:
    """A team kind's economics (kind "" for all teams) in one currency and period, the internal market settled."""

    kind: str
    currency: str
    period: str
    teams: int
    revenue: float
    """Revenue from clients."""
    costs: float
    """Own costs."""
    settlement: float
    """Internal revenue less internal costs: what the kind earns (or pays) on the internal market."""
    losses: int
    """Teams that earn and still run at a loss after settlement (not cost centres, not the council)."""
    cost_centres: int
    """Teams that earn nothing and serve others: their costs are not a loss."""

    @property
    def margin(self) -> float:
        """The margin after settlement: revenue less own costs plus the settlement."""
        return self.revenue - self.costs + self.settlement

    @property
    def at_a_loss(self) -> bool:
        """Whether the margin is shown as a loss: negative, and for a kind with earning teams that lose (what cost
        centres and the council cost is no loss); all teams' whenever the organisation loses."""
        return self.margin < 0 and (self.losses > 0 or not self.kind)


def economics_totals(w: m.Workshop) -> list[KindTotals]:
    """Economics per team kind and then for all teams, after the internal market's settlement (app.economics), one
    block per currency and period in the order they first appear: RUB is never added to EUR."""
    money = eco.team_money(w)
    groups: dict[tuple[str, str], list[eco.TeamMoney]] = {}
    for t in w.teams:
        tm = money[t.id]
        if t.economics is not None or tm.internal_revenue is not None or tm.internal_costs is not None:
            groups.setdefault((tm.currency, tm.period), []).append(tm)
    rows = []
    for (currency, period), found in groups.items():
        for kind in (*m.TEAM_KINDS, ""):
            of_kind = [tm for tm in found if not kind or tm.kind == kind]
            if not of_kind:
                continue
            losses = sum(1 for tm in of_kind if not tm.cost_centre and tm.kind != "council"
                         and (tm.settled_margin or 0.0) < 0)
            rows.append(KindTotals(
                kind, currency, period, len(of_kind), _sum(tm.revenue for tm in of_kind),
                _sum(tm.costs for tm in of_kind),
                _sum(tm.internal_revenue for tm in of_kind) - _sum(tm.internal_costs for tm in of_kind), losses,
                sum(1 for tm in of_kind if tm.cost_centre)))
    return rows


def _sum(values: Iterable[float | None]) -> float:
    return sum(v or 0.0 for v in values)


def client_layer(w: m.Workshop) -> list[tuple[m.Segment, list[m.Team], int, int]]:
    """(segment, the client-facing teams that serve or promise it, promises to it, of them with method errors)."""
    segment_ids = {s.id for s in w.segments}
    teams = {t.id: t for t in w.teams}
    rows = []
    for seg in w.segments:
        serving = dict.fromkeys(lk.from_ for lk in w.links if lk.to == seg.id and lk.from_ in teams)
        promised = [p for p in w.promises if p.to == seg.id]
        serving |= dict.fromkeys(p.from_ for p in promised if p.from_ in teams)
        errors = sum(1 for p in promised if method_error(p, segment_ids))
        rows.append((seg, [teams[t] for t in serving], len(promised), errors))
    return rows
