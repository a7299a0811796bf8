"""Duplication («Задвоение», tool 11): where a promise to a client rests on one team with no alternative.

A promise to a client rests on its chain: itself, the promises that support it (through `parent`, all the way
down), and the promises made to any team of the chain that support no particular promise (a team's general
supply, such as ИТ's «Кассы работают без сбоев» to a store), with what supports those in turn. A promise of the
chain has a single promiser when no alternative promiser is marked (`alternatives`) and no other team makes the
same promise (same text) to the same party; then its promiser and its co-promisers are each a single point of
failure of the client promise. Retired promises are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app import model as m


@dataclass
class Duplication:
    """Which promises have one possible promiser, and which teams client promises rest on alone."""

    client_promises: list[str] = field(default_factory=list)
    """The ids of the live promises to a client segment, in the workshop's order."""
    single: set[str] = field(default_factory=set)
    """Ids of the live promises with only one possible promiser (no alternative, no twin)."""
    chains: dict[str, list[str]] = field(default_factory=dict)
    """Client promise id → the promise ids it rests on, itself first."""
    carried: dict[str, list[str]] = field(default_factory=dict)
    """Team id → the client promises of OTHER teams that rest on it alone, in the workshop's order."""
    resting: dict[str, int] = field(default_factory=dict)
    """Promise id → how many client promises rest on it (itself included, for a client promise)."""

    def critical(self) -> list[str]:
        """The teams other teams' client promises rest on alone, the ones carrying most first."""
        return sorted((t for t, ps in self.carried.items() if ps), key=lambda t: -len(self.carried[t]))

    def alone(self, promise_id: str) -> bool:
        """Whether a live promise has only one possible promiser."""
        return promise_id in self.single

    def single_point(self, promise_id: str) -> bool:
        """Whether a promise with one possible promiser has promises to clients resting on it."""
        return promise_id in self.single and self.resting.get(promise_id, 0) > 0


def _twins(promises: list[m.Promise]) -> set[str]:
    """Ids of promises another team also makes (same text, same promisee): duplicated without being marked."""
    makers: dict[tuple[str, str], set[str]] = {}
    for p in promises:
        makers.setdefault((" ".join(p.text.casefold().split()), p.to), set()).add(p.from_)
    return {p.id for p in promises if len(makers[(" ".join(p.text.casefold().split()), p.to)]) > 1}


def duplication(w: m.Workshop) -> Duplication:
    """Compute the single points of failure of the workshop's client promises."""
    teams = {t.id for t in w.teams}
    segments = {s.id for s in w.segments}
    live = [p for p in w.promises if p.status != "retired"]
    twins = _twins(live)
    result = Duplication()
    result.single = {p.id for p in live
                     if p.id not in twins and not any(a in teams and a != p.from_ for a in p.alternatives)}
    supporters: dict[str, list[m.Promise]] = {}
    general: dict[str, list[m.Promise]] = {}
    by_id = {p.id: p for p in live}
    for p in live:
        if p.parent and p.parent in by_id:
            supporters.setdefault(p.parent, []).append(p)
        elif p.to in teams:
            general.setdefault(p.to, []).append(p)
    carried: dict[str, set[str]] = {}
    for p in live:
        if p.to not in segments:
            continue
        result.client_promises.append(p.id)
        chain = _chain(p, supporters, general)
        result.chains[p.id] = [q.id for q in chain]
        for q in chain:
            result.resting[q.id] = result.resting.get(q.id, 0) + 1
            if q.id not in result.single:
                continue
            for team in (q.from_, *q.co_promisers):
                if team in teams and team != p.from_:
                    carried.setdefault(team, set()).add(p.id)
    order = {pid: i for i, pid in enumerate(result.client_promises)}
    result.carried = {t: sorted(ps, key=order.__getitem__) for t, ps in carried.items()}
    return result


def _chain(root: m.Promise, supporters: dict[str, list[m.Promise]],
           general: dict[str, list[m.Promise]]) -> list[m.Promise]:
    """`root` and every promise it rests on (supporters all the way down, the general supply of their teams)."""
    chain: list[m.Promise] = []
    seen: set[str] = set()
    teams_seen: set[str] = set()
    stack = [root]
    while stack:
        q = stack.pop()
        if q.id in seen:
            continue
        seen.add(q.id)
        chain.append(q)
        stack.extend(reversed(supporters.get(q.id, [])))
        for team in (q.from_, *q.co_promisers):
            if team not in teams_seen:
                teams_seen.add(team)
                stack.extend(reversed(general.get(team, [])))
    return chain
