"""Duplication («Задвоение», tool 11): where a promise to a client rests on one team with no alternative.

A promise to a client rests on its chain: itself, the promises that support it (through `parent`, all the way
down), and the promises made to any team of the chain that support no particular promise (a team's general
supply, such as ИТ's «Кассы работают без сбоев» to a store), with what supports those in turn. A promise of the
chain has a single promiser when no alternative promiser is marked (`alternatives`) and no other team makes the
same promise (same text) to the same party; then its promiser and its co-promisers are each a single point of
failure of the client promise. Retired promises are left out.

Computed in passes over the promises, not a walk per client promise: a promise is reached from a client promise
either up its `parent` path (the client promise is one of its ancestors) or through the team whose general supply
its tree hangs from. Which client promises reach each team is a set of bits, spread once along the teams' graph
(team → the teams of its general supply's trees), strongly connected teams taken together. The chains themselves
are walked only when asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from app import model as m
from app.gcpause import collector_paused


@dataclass
class Duplication:
    """Which promises have one possible promiser, and which teams client promises rest on alone."""

    client_promises: list[str] = field(default_factory=list)
    """The ids of the live promises to a client segment, in the workshop's order."""
    single: set[str] = field(default_factory=set)
    """Ids of the live promises with only one possible promiser (no alternative, no twin)."""
    chains: Mapping[str, list[str]] = field(default_factory=dict)
    """Client promise id → the promise ids it rests on, itself first (walked when asked for)."""
    carried: dict[str, Sequence[str]] = field(default_factory=dict)
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
    keys = [(" ".join(p.text.casefold().split()), p.to) for p in promises]
    maker: dict[tuple[str, str], str | None] = {}  # the one team making it, None once two teams do
    for key, p in zip(keys, promises, strict=True):
        if maker.setdefault(key, p.from_) != p.from_:
            maker[key] = None
    return {p.id for key, p in zip(keys, promises, strict=True) if maker[key] is None}


class _Carried(Sequence[str]):
    """The client promises resting on a team alone, in the workshop's order: counted at once, listed when read."""

    def __init__(self, bits: int, clients: list[str]) -> None:
        self._bits, self._clients, self._count = bits, clients, bits.bit_count()
        self._listed: list[str] | None = None

    def _list(self) -> list[str]:
        if self._listed is None:
            self._listed = [self._clients[i] for i in _indices(self._bits)]
        return self._listed

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        return self._list()[index]

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        return iter(self._list())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._list())


class _Chains(Mapping[str, list[str]]):
    """Client promise id → the promise ids it rests on, itself first: each chain walked when asked for."""

    def __init__(self, clients: list[str], by_id: dict[str, m.Promise], supporters: dict[str, list[m.Promise]],
                 general: dict[str, list[m.Promise]]) -> None:
        self._clients, self._client_set = clients, set(clients)
        self._by_id, self._supporters, self._general = by_id, supporters, general

    def __getitem__(self, promise_id: str) -> list[str]:
        if promise_id not in self._client_set:
            raise KeyError(promise_id)
        return [q.id for q in _chain(self._by_id[promise_id], self._supporters, self._general)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._clients)

    def __len__(self) -> int:
        return len(self._clients)


def duplication(w: m.Workshop) -> Duplication:
    """Compute the single points of failure of the workshop's client promises."""
    with collector_paused():  # sets and tuples per promise, no cycles: no full scans of the workshop meanwhile
        return _duplication(w)


def _duplication(w: m.Workshop) -> Duplication:
    """`duplication`, the collector paused."""
    teams = {t.id for t in w.teams}
    segments = {s.id for s in w.segments}
    live = [p for p in w.promises if p.status != "retired"]
    twins = _twins(live)
    result = Duplication()
    result.single = {p.id for p in live
                     if p.id not in twins and not any(a in teams and a != p.from_ for a in p.alternatives)}
    by_id = {p.id: p for p in live}
    supporters: dict[str, list[m.Promise]] = {}
    general: dict[str, list[m.Promise]] = {}
    parent_of: dict[str, str] = {}
    for p in live:
        if p.parent and p.parent in by_id:
            supporters.setdefault(p.parent, []).append(p)
            parent_of[p.id] = p.parent
        elif p.to in teams:
            general.setdefault(p.to, []).append(p)
    result.client_promises = [p.id for p in live if p.to in segments]
    result.chains = _Chains(result.client_promises, by_id, supporters, general)
    index = {pid: i for i, pid in enumerate(result.client_promises)}
    up = _UpPaths(by_id, parent_of, index, teams)
    ups = [up.of(q.id) for q in live]  # (client promises above, the team its tree hangs from) per promise
    group_of, reach = _team_reach(live, ups, teams)
    counts = [bits.bit_count() for bits in reach]
    carried: dict[str, tuple[set[int], set[int]]] = {}  # team → (groups of teams whose reach it carries, clients)
    for q, (above, root_team) in zip(live, ups, strict=True):
        group = group_of.get(root_team) if root_team is not None else None
        if group is None:
            resting = len(above)
        else:
            through = reach[group]
            resting = counts[group] + (sum(1 for i in above if not through >> i & 1) if above else 0)
        if not resting:
            continue
        result.resting[q.id] = resting
        if q.id in result.single:
            for team in (q.from_, *q.co_promisers):
                if team in teams:
                    groups, indices = carried.setdefault(team, (set(), set()))
                    if group is not None:
                        groups.add(group)
                    indices.update(above)
    own: dict[str, set[int]] = {}
    for i, pid in enumerate(result.client_promises):
        own.setdefault(by_id[pid].from_, set()).add(i)
    for team, (groups, indices) in carried.items():
        bits = _bits(indices)
        for group in groups:
            bits |= reach[group]
        resting_alone = _Carried(bits & ~_bits(own.get(team, set())), result.client_promises)
        if resting_alone:
            result.carried[team] = resting_alone
    return result


class _UpPaths:
    """For each promise: the client promises on its `parent` path (itself included) and the team whose general
    supply its tree hangs from (None for a tree that hangs from none, or a `parent` cycle), memoised."""

    def __init__(self, by_id: dict[str, m.Promise], parent_of: dict[str, str], index: dict[str, int],
                 teams: set[str]) -> None:
        self._by_id, self._parent_of, self._index, self._teams = by_id, parent_of, index, teams
        self._memo: dict[str, tuple[frozenset[int], str | None]] = {}

    def of(self, promise_id: str) -> tuple[frozenset[int], str | None]:
        """The client indices above `promise_id` (itself included) and the team its tree's root is given to."""
        memo = self._memo
        if promise_id in memo:
            return memo[promise_id]
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = promise_id
        while node is not None and node not in memo and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = self._parent_of.get(node)
        if node is None:  # path[-1] is a root
            root = self._by_id[path[-1]]
            base: tuple[frozenset[int], str | None] = (frozenset(), root.to if root.to in self._teams else None)
        elif node in memo:
            base = memo[node]
        else:  # a `parent` cycle: every promise on it is above every other
            cycle = path[path.index(node):]
            base = (frozenset(self._index[c] for c in cycle if c in self._index), None)
            for c in cycle:
                memo[c] = base
            path = path[:path.index(node)]
        entry = base
        for node in reversed(path):
            if node in self._index:  # a client promise: one more above the promises it supports
                entry = (entry[0] | {self._index[node]}, entry[1])
            memo[node] = entry
        return memo[promise_id]


def _team_reach(live: list[m.Promise], ups: list[tuple[frozenset[int], str | None]],
                teams: set[str]) -> tuple[dict[str, int], list[int]]:
    """Which client promises' chains reach each team (make it a promiser of the chain): team id → its group of
    strongly connected teams, and per group the bits of those client promises."""
    direct: dict[str, set[int]] = {}
    edges: dict[str, set[str]] = {}
    for q, (above, root_team) in zip(live, ups, strict=True):
        for team in (q.from_, *q.co_promisers):
            if team in teams:
                if above:
                    direct.setdefault(team, set()).update(above)
                if root_team is not None:
                    edges.setdefault(root_team, set()).add(team)
    groups = _components(sorted(teams), edges)  # sources first
    group_of = {t: i for i, group in enumerate(groups) for t in group}
    reach = [0] * len(groups)  # filled in order: what the groups before it spread to it, then its own
    for i, group in enumerate(groups):
        reach[i] |= _bits(set().union(*(direct.get(t, ()) for t in group)))
        for j in {group_of[n] for t in group for n in edges.get(t, ())} - {i}:
            reach[j] |= reach[i]
    return group_of, reach


def _components(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of a graph, sources first (Tarjan's algorithm, without recursion)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in nodes:
        if start in order:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        order[start] = low[start] = len(order)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in order:
                    order[nxt] = low[nxt] = len(order)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(edges.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == order[node]:
                    component = []
                    while True:
                        t = stack.pop()
                        on_stack.discard(t)
                        component.append(t)
                        if t == node:
                            break
                    found.append(component)
    found.reverse()  # Tarjan finds sinks first
    return found


def _bits(indices: set[int] | frozenset[int]) -> int:
    """An integer with the given bits set."""
    if not indices:
        return 0
    data = bytearray(max(indices) // 8 + 1)
    for i in indices:
        data[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(data, "little")


def _indices(bits: int) -> list[int]:
    """The set bits of an integer, lowest first."""
    text = bin(bits)[:1:-1]
    found, at = [], text.find("1")
    while at >= 0:
        found.append(at)
        at = text.find("1", at + 1)
    return found


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
