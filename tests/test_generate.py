"""Generated workshops: the sizes asked for, the same for the same seed, valid, realistic, and quick to make."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import model as m
from app.document import Document
from app.generate import generate_workshop, small_workshop
from app.jsonio import dumps, loads, workshop_from_json, workshop_to_json


@pytest.fixture(scope="module")
def big() -> m.Workshop:
    """The default-size generated workshop, made once for the module."""
    return generate_workshop()


def test_default_size_is_what_was_asked(big: m.Workshop) -> None:
    assert (len(big.teams), len(big.promises), len(big.links), len(big.segments)) == (500, 3000, 1000, 20)
    assert len(big.canvases) == 4
    assert all(len(c.factors) == 12 and len(c.curves) == 6 for c in big.canvases)
    assert big.values and big.pains and big.propositions and big.experiments


def test_default_workshop_passes_the_importer_after_a_json_round_trip(big: m.Workshop) -> None:
    text = dumps(big)
    again = loads(text)
    assert again == big
    assert dumps(again) == text
    doc = Document(again)
    ids = sum(len(big.collection(k)) for k in m.TOP_KINDS) + sum(len(c.factors) + len(c.curves) for c in big.canvases)
    assert len(doc) == ids  # every id is unique, factors and curves included


def test_same_seed_same_workshop_other_seed_other_workshop() -> None:
    small = dict(teams=30, promises=80, links=40, segments=4, canvases=2)
    assert dumps(generate_workshop(**small, seed=7)) == dumps(generate_workshop(**small, seed=7))
    assert dumps(generate_workshop(**small, seed=7)) != dumps(generate_workshop(**small, seed=8))


def test_generated_workshop_looks_like_a_real_one(big: m.Workshop) -> None:
    kinds = Counter(t.kind for t in big.teams)
    assert kinds["council"] >= 1 and kinds["client_facing"] > 100 and kinds["service"] > 100
    grants = [g.granted for p in big.promises for g in p.authorities + p.resources]
    assert True in grants and False in grants
    assert Counter(p.status for p in big.promises).keys() == set(m.PROMISE_STATUSES)
    by_id = {p.id: p for p in big.promises}

    def depth(p: m.Promise) -> int:
        return 0 if p.parent is None else 1 + depth(by_id[p.parent])

    assert max(depth(p) for p in big.promises) >= 2  # chains of support, not only single parents
    segment_ids = {s.id for s in big.segments}
    assert any(p.to in segment_ids for p in big.promises) and any(p.to not in segment_ids for p in big.promises)
    assert any(p.value for p in big.promises) and any(t.economics and t.economics.revenue for t in big.teams)
    assert any(t.economics and t.economics.revenue is None for t in big.teams)
    for diagram in m.DIAGRAMS:
        assert 0 < len(big.layouts[diagram]) < len(big.teams) + len(big.segments)
    assert all(sum(c.reference for c in canvas.curves) == 1 for canvas in big.canvases)
    assert {e.status for e in big.experiments} == set(m.EXPERIMENT_STATUSES)
    assert all(any(ch in t.name for ch in "абвгдеёжзийклмнопрстуфхцчшщыэюя") for t in big.teams)


def test_levels_sit_on_the_scale_and_its_steps(big: m.Workshop) -> None:
    for canvas in big.canvases:
        low, high = canvas.scale
        for curve in canvas.curves:
            for level in curve.levels.values():
                assert low <= level <= high and (level - low) / canvas.step == int((level - low) / canvas.step)


def test_default_size_is_quick_to_make() -> None:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        generate_workshop()
        times.append(time.perf_counter() - start)
    assert min(times) < 0.3


def test_sizes_that_cannot_be_made_are_refused() -> None:
    with pytest.raises(ValueError, match="need at least one team"):
        generate_workshop(teams=0, promises=1, links=0)
    with pytest.raises(ValueError, match="cannot be negative"):
        generate_workshop(teams=-1)
    empty = generate_workshop(teams=0, promises=0, links=0, canvases=0, segments=0, values=0)
    assert loads(dumps(empty)) == empty and empty.info.title


def test_small_workshops_carry_x_keys_through_a_round_trip() -> None:
    w = small_workshop(3)
    out = workshop_to_json(w)
    assert out["x-source"]["tool"] == "generator" and out["workshop"]["x-room"] == "Переговорная 3"
    assert out["layouts"]["x-zoom"] == 1.25 and out["teams"][0]["x-slack"] == "#team-0"
    assert workshop_to_json(workshop_from_json(out)) == out


@settings(max_examples=30, deadline=None)
@given(teams=st.integers(1, 25), promises=st.integers(0, 60), links=st.integers(0, 30), canvases=st.integers(0, 3),
       factors=st.integers(0, 15), curves=st.integers(0, 8), segments=st.integers(0, 25),
       seed=st.integers(0, 2**32))
def test_any_size_is_valid_and_round_trips(teams: int, promises: int, links: int, canvases: int, factors: int,
                                           curves: int, segments: int, seed: int) -> None:
    w = generate_workshop(teams=teams, promises=promises, links=links, canvases=canvases, factors=factors,
                          curves=curves, segments=segments, seed=seed)
    assert (len(w.teams), len(w.promises), len(w.links), len(w.segments)) == (teams, promises, links, segments)
    text = dumps(w)
    assert loads(text) == w
    assert dumps(loads(text)) == text
