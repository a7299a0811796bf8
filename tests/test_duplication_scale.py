"""Duplication at scale: the pass-based computation gives what walking every client promise's chain gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app import model as m
from app.duplication import _chain, duplication

TEAMS = [f"t{i}" for i in range(5)]
PARTIES = TEAMS + ["s0", "s1", "nobody"]


def _reference(w: m.Workshop) -> tuple[dict[str, list[str]], dict[str, int], dict[str, list[str]]]:
    """The first definition, one chain walk per client promise: chains, resting and carried."""
    d = duplication(w)
    teams, segments = {t.id for t in w.teams}, {s.id for s in w.segments}
    live = [p for p in w.promises if p.status != "retired"]
    by_id = {p.id: p for p in live}
    supporters: dict[str, list[m.Promise]] = {}
    general: dict[str, list[m.Promise]] = {}
    for p in live:
        if p.parent and p.parent in by_id:
            supporters.setdefault(p.parent, []).append(p)
        elif p.to in teams:
            general.setdefault(p.to, []).append(p)
    chains: dict[str, list[str]] = {}
    resting: dict[str, int] = {}
    carried: dict[str, list[str]] = {}
    for p in live:
        if p.to not in segments:
            continue
        chain = _chain(p, supporters, general)
        chains[p.id] = [q.id for q in chain]
        for q in chain:
            resting[q.id] = resting.get(q.id, 0) + 1
            if q.id in d.single:
                for team in (q.from_, *q.co_promisers):
                    if team in teams and team != p.from_ and p.id not in carried.setdefault(team, []):
                        carried[team].append(p.id)
    return chains, resting, carried


promise_rows = st.lists(st.tuples(
    st.sampled_from(TEAMS), st.sampled_from(PARTIES), st.sampled_from(["a", "b", "c", "d"]),
    st.one_of(st.none(), st.integers(0, 24)), st.lists(st.sampled_from(TEAMS + ["ghost"]), max_size=2),
    st.lists(st.sampled_from(TEAMS), max_size=1), st.booleans()), max_size=25)


@settings(max_examples=300, deadline=None)
@given(promise_rows)
def test_the_pass_based_duplication_equals_walking_every_chain(rows: list[tuple]) -> None:
    promises = [m.Promise(f"p{i}", from_=src, to=to, text=text, parent=None if parent is None else f"p{parent}",
                          co_promisers=tuple(co), alternatives=tuple(alt), status="retired" if retired else "draft")
                for i, (src, to, text, parent, co, alt, retired) in enumerate(rows)]
    w = m.Workshop(teams=[m.Team(t) for t in TEAMS], segments=[m.Segment("s0"), m.Segment("s1")], promises=promises)
    d = duplication(w)
    chains, resting, carried = _reference(w)
    assert dict(d.chains) == chains
    assert d.resting == resting
    assert d.carried == {t: ps for t, ps in carried.items() if ps}
