"""Finding a free spot skips the grid spots a box already found in the way takes: the same spot as testing each."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import layout_missing
from app.generate import generate_workshop
from app.layout_geometry import GAP, BoxIndex, Point, Size, _search_offsets, boxes_overlap, free_spot


def free_spot_one_by_one(index: BoxIndex, wanted: Point, size: Size, reach: int = 24) -> Point | None:
    """The reference: every grid spot nearest first, each asked of the index."""
    step_x, step_y = (size[0] + index.gap) / 2, (size[1] + index.gap) / 2
    for i, j in _search_offsets(reach):
        spot = (wanted[0] + i * step_x, wanted[1] + j * step_y)
        if index.is_free(spot, size):
            return spot
    return None


sizes = st.tuples(st.sampled_from([40.0, 180.0, 200.0, 333.3]), st.sampled_from([30.0, 80.0, 90.0, 77.7]))
coordinates = st.floats(min_value=-2000, max_value=2000, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(boxes=st.lists(st.tuples(coordinates, coordinates, sizes), max_size=120),
       wanted=st.tuples(coordinates, coordinates), size=sizes, gap=st.sampled_from([0.0, GAP, 17.5]),
       reach=st.integers(min_value=0, max_value=12))
def test_free_spot_is_the_spot_testing_each_grid_spot_finds(boxes: list[tuple[float, float, Size]],
                                                            wanted: Point, size: Size, gap: float,
                                                            reach: int) -> None:
    index = BoxIndex(gap)
    for k, (x, y, box_size) in enumerate(boxes):
        index.add(k, (x, y), box_size)
    found = free_spot(index, wanted, size, reach)
    assert found == free_spot_one_by_one(index, wanted, size, reach)
    if found is not None:
        assert not any(boxes_overlap(found, size, (x, y), s, gap) for x, y, s in boxes)


def test_free_spot_in_a_packed_grid_is_found_where_the_grid_opens() -> None:
    index = BoxIndex(GAP)
    rng = random.Random(3)
    for col in range(30):
        for row in range(12):
            if rng.random() < 0.95:
                index.add((col, row), (col * 220.0, row * 120.0), (180.0, 80.0))
    for _ in range(40):
        wanted = (rng.uniform(0, 6600), rng.uniform(0, 1400))
        assert free_spot(index, wanted, (180.0, 80.0)) == free_spot_one_by_one(index, wanted, (180.0, 80.0))


@pytest.mark.parametrize("teams", [60, 500])
def test_place_missing_puts_every_node_where_testing_each_grid_spot_would(teams: int,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    workshop = generate_workshop(teams=teams, promises=0, links=2 * teams)
    stored = workshop.layouts["structure"]
    assert stored and len(stored) < len(workshop.teams) + len(workshop.segments)
    placed = layout_missing.place_missing(workshop, "structure")
    monkeypatch.setattr(layout_missing, "free_spot", free_spot_one_by_one)
    assert placed and placed == layout_missing.place_missing(workshop, "structure")
