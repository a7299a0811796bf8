"""Import at scale: rows are serialised only when their repr says they might not fit, and the bound is safe."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app import model as m
from app import schema as s
from app.integrity import _could_be_too_large, _kinds_that_could_be_too_large, _row_bytes, rows_bound
from app.limits import MAX_VALUE_BYTES

text = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
plain: Any = st.recursive(st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats(allow_nan=False,
                          allow_infinity=False) | text, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(text, inner, max_size=3), max_leaves=8)
grants = st.lists(st.builds(m.Grant, text, text), max_size=2).map(tuple)


@settings(max_examples=300, deadline=None)
@given(st.builds(m.Promise, id=text, from_=text, to=text, text=text, value=st.none() | text, parent=st.none() | text,
                 authorities=grants, resources=grants, price=st.none() | st.floats(allow_nan=False),
                 co_promisers=st.lists(text, max_size=2).map(tuple), extra=st.dictionaries(text, plain, max_size=3)))
def test_six_bytes_a_character_of_the_repr_bound_the_row(promise: m.Promise) -> None:
    row = _row_bytes(s.object_row("promise", promise, 0.0, None).values())
    assert row <= 6 * len(repr(promise)) + 8


grants_with_own = st.lists(st.builds(m.Grant, text, st.booleans(), st.dictionaries(text, plain, max_size=2)),
                          max_size=3).map(tuple)
many_grants = st.lists(st.builds(m.Grant, st.text(max_size=2), st.booleans()), max_size=60).map(tuple)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(m.Promise, id=text, from_=text, to=text, text=text, value=st.none() | text,
                          parent=st.none() | text, authorities=grants_with_own | many_grants, resources=many_grants,
                          price=st.none() | st.floats(), co_promisers=st.lists(text, max_size=2).map(tuple),
                          extra=st.dictionaries(text, plain, max_size=3)), min_size=1, max_size=3))
def test_the_longest_fields_of_the_promises_bound_each_row(promises: list[m.Promise]) -> None:
    bound = rows_bound("promise", promises)
    assert all(_row_bytes(s.object_row("promise", p, 0.0, None).values()) <= bound for p in promises)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.builds(m.Team, id=text, name=text, members=st.lists(text, max_size=3).map(tuple),
                          indicator=st.none() | st.builds(m.Indicator, text, text, text),
                          economics=st.none() | st.builds(m.Economics, st.none() | st.floats()),
                          motivation=st.none() | st.builds(m.Motivation, text, st.none() | st.floats(), st.lists(
                              st.builds(m.Share, text, st.floats()), max_size=20).map(tuple)),
                          experiment_budget=st.none() | st.integers(-10**30, 10**30),
                          extra=st.dictionaries(text, plain, max_size=2)), min_size=1, max_size=3))
def test_the_longest_fields_of_the_teams_bound_each_row(teams: list[m.Team]) -> None:
    bound = rows_bound("team", teams)
    assert all(_row_bytes(s.object_row("team", t, 0.0, None).values()) <= bound for t in teams)


def test_only_a_kind_with_a_long_field_is_looked_at_object_by_object() -> None:
    w = m.Workshop(promises=[m.Promise(f"p{i}", text="a" * 1000) for i in range(3)])
    w.promises[1].notes = "\x00" * (MAX_VALUE_BYTES // 6)
    w.teams.append(m.Team("t", name="b" * 1000))
    assert _kinds_that_could_be_too_large(w) == {"promise"}


def test_a_row_over_the_limit_is_still_caught() -> None:
    big = m.Promise("p", text="\x00" * (MAX_VALUE_BYTES // 6 + 1))
    assert _could_be_too_large(big)
    assert not _could_be_too_large(m.Promise("p", text="a" * 1000))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.builds(m.Grant, text, st.booleans(), st.dictionaries(text, plain, max_size=2)), max_size=3))
def test_grants_are_stored_as_asdict_stores_them(grants: list[m.Grant]) -> None:
    assert s.to_cell("authorities", tuple(grants)) == json.dumps([asdict(g) for g in grants], ensure_ascii=False)
    assert s.from_cell("authorities", s.to_cell("authorities", tuple(grants))) == tuple(grants)
