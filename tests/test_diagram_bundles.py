"""Bundles of a zoomed-out diagram (widgets.diagram.bundles): lines grouped by the grid cells of their ends."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.diagram.bundles import BundleCache, bundle_lines, cell_size


def lines(*rows: tuple[float, float, float, float]) -> tuple[np.ndarray, ...]:
    return tuple(np.array(column, dtype=float) for column in zip(*rows, strict=True))


def test_lines_between_the_same_two_cells_make_one_bundle_either_way_round() -> None:
    x1, y1, x2, y2 = lines((10, 10, 510, 10), (30, 20, 530, 40), (520, 30, 20, 30), (10, 10, 10, 510))
    bundles = bundle_lines(x1, y1, x2, y2, 100.0)
    assert len(bundles) == 2
    across = int(bundles.member[0])
    assert list(bundles.member[:3]) == [across] * 3 and bundles.member[3] != across
    assert bundles.count[across] == 3
    ends = sorted([(bundles.x1[across], bundles.y1[across]), (bundles.x2[across], bundles.y2[across])])
    assert ends == [pytest.approx((20.0, 20.0)), pytest.approx((520.0, 80 / 3))]


def test_arrows_that_matter_keep_their_direction() -> None:
    x1, y1, x2, y2 = lines((10, 10, 510, 10), (520, 30, 20, 30))
    assert len(bundle_lines(x1, y1, x2, y2, 100.0, directed=True)) == 2
    assert len(bundle_lines(x1, y1, x2, y2, 100.0)) == 1


def test_counts_problems_and_the_dominant_colour_follow_the_weights() -> None:
    x1, y1, x2, y2 = lines((10, 10, 510, 10), (20, 20, 520, 20), (30, 30, 530, 30))
    bundles = bundle_lines(x1, y1, x2, y2, 100.0, weight=np.array([1, 5, 2]), problem=np.array([1, 0, 2]),
                           colour=np.array([3, 7, 3]))
    assert list(bundles.count) == [8] and list(bundles.problems) == [3]
    assert list(bundles.colour) == [7]  # 5 promises of colour 7 against 3 of colour 3


def test_groups_are_never_bundled_together() -> None:
    x1, y1, x2, y2 = lines((10, 10, 510, 10), (20, 20, 520, 20))
    bundles = bundle_lines(x1, y1, x2, y2, 100.0, group=np.array([0, 1]))
    assert len(bundles) == 2 and sorted(bundles.group) == [0, 1]


def test_thirty_thousand_lines_are_all_counted_once() -> None:
    rng = np.random.default_rng(3)
    ends = rng.uniform(-20_000, 20_000, size=(30_000, 4))
    weight = rng.integers(1, 4, size=30_000)
    problem = rng.integers(0, 2, size=30_000)
    bundles = bundle_lines(*ends.T, 5000.0, weight=weight, problem=problem, colour=rng.integers(0, 6, 30_000))
    assert bundles.count.sum() == weight.sum() and bundles.problems.sum() == problem.sum()
    assert len(bundles) <= 64 * 65 // 2  # 8 × 8 cells: at most one bundle per two of them
    assert np.bincount(bundles.member).min() >= 1


def test_tiny_cells_over_a_wide_drawing_still_bundle() -> None:
    x1, y1, x2, y2 = lines((0, 0, 1e9, 1e9), (0.5, 0.5, 1e9 + 0.5, 1e9 + 0.2), (1e9, 0, 0, 1e9))
    bundles = bundle_lines(x1, y1, x2, y2, 1.0)
    assert len(bundles) == 2 and sorted(bundles.count) == [1, 2]


def test_no_lines_no_bundles() -> None:
    empty = np.zeros(0)
    assert len(bundle_lines(empty, empty, empty, empty, 50.0)) == 0


@pytest.mark.parametrize("scale", [0.02, 0.031, 0.1, 0.3, 0.44, 1.0])
def test_a_cell_is_forty_to_sixty_pixels_on_screen(scale: float) -> None:
    assert 40.0 <= cell_size(scale) * scale < 60.0 + 1e-9


def test_nearby_zooms_share_a_cell_and_the_cache_makes_bundles_once_per_version() -> None:
    made: list[float] = []
    x1, y1, x2, y2 = lines((10, 10, 510, 10))

    def make(cell: float):
        made.append(cell)
        return bundle_lines(x1, y1, x2, y2, cell)

    cache = BundleCache()
    assert cell_size(0.1) == cell_size(0.11)
    first = cache.get(1, cell_size(0.1), make)
    assert cache.get(1, cell_size(0.11), make) is first
    cache.get(2, cell_size(0.1), make)
    assert len(made) == 2 == cache.misses
