"""Import at scale: rows are serialised only when their repr says they might not fit, and the bound is safe."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from app import model as m
from app import schema as s
from app.integrity import _could_be_too_large, _row_bytes
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


def test_a_row_over_the_limit_is_still_caught() -> None:
    big = m.Promise("p", text="\x00" * (MAX_VALUE_BYTES // 6 + 1))
    assert _could_be_too_large(big)
    assert not _could_be_too_large(m.Promise("p", text="a" * 1000))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.builds(m.Grant, text, st.booleans(), st.dictionaries(text, plain, max_size=2)), max_size=3))
def test_grants_are_stored_as_asdict_stores_them(grants: list[m.Grant]) -> None:
    assert s.to_cell("authorities", tuple(grants)) == json.dumps([asdict(g) for g in grants], ensure_ascii=False)
    assert s.from_cell("authorities", s.to_cell("authorities", tuple(grants))) == tuple(grants)
