"""The runs along which a large diagram's lines are drawn again: every point of a line inside what is painted
again lies on exactly one run, and no run reaches far outside it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF

from widgets.diagram.lazy import lines_path, span_ends, strip_spans


def _rows(rects: list[QRectF]) -> np.ndarray:
    return np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in rects])


def _inside(x: np.ndarray, y: np.ndarray, rects: list[QRectF]) -> np.ndarray:
    return np.any([(x >= r.left()) & (x <= r.right()) & (y >= r.top()) & (y <= r.bottom()) for r in rects], axis=0)


@pytest.mark.parametrize("seed", range(6))
def test_each_point_of_a_line_inside_the_strips_is_on_exactly_one_run(seed: int) -> None:
    rng = np.random.default_rng(seed)
    x1, y1, x2, y2 = rng.uniform(0, 1000, (4, 300))
    rects = [QRectF(x, y, w, h) for x, y, w, h in zip(*rng.uniform(0, 900, (2, 25)), *rng.uniform(5, 80, (2, 25)),
                                                      strict=True)]
    rows, t0, t1 = strip_spans(x1, y1, x2, y2, _rows(rects))

    assert np.all(np.diff(rows) >= 0) and np.all(t0 <= t1)
    t = np.linspace(0, 1, 2001)
    for line in range(len(x1)):
        px, py = x1[line] + t * (x2[line] - x1[line]), y1[line] + t * (y2[line] - y1[line])
        mine = rows == line
        on_runs = ((t[:, None] >= t0[mine][None, :]) & (t[:, None] <= t1[mine][None, :])).sum(axis=1)
        inside = _inside(px, py, rects)
        assert np.all(on_runs[inside] == 1), f"line {line}: a point inside is on {set(on_runs[inside])} runs"
        assert np.all(on_runs <= 1), f"line {line}: runs overlap"
        near = _inside(px, py, [r.adjusted(-1, -1, 1, 1) for r in rects])
        assert not np.any((on_runs > 0) & ~near), f"line {line}: a run leaves the strips"


def test_upright_and_level_lines_on_a_side_or_beside_a_rectangle() -> None:
    rect = _rows([QRectF(10, 10, 20, 20)])  # x 10..30, y 10..30
    x1 = np.array([10.0, 30.0, 5.0, 20.0, 9.0, 0.0])
    y1 = np.array([0.0, 0.0, 10.0, 0.0, 0.0, 31.0])
    x2 = np.array([10.0, 30.0, 40.0, 20.0, 9.0, 40.0])
    y2 = np.array([40.0, 40.0, 10.0, 40.0, 40.0, 31.0])

    rows, t0, t1 = strip_spans(x1, y1, x2, y2, rect)

    assert rows.tolist() == [0, 1, 2, 3]  # on the left, right and top sides, through the middle; two miss it
    assert np.allclose(t0, [0.25, 0.25, 5 / 35, 0.25]) and np.allclose(t1, [0.75, 0.75, 25 / 35, 0.75])


def test_runs_closer_than_the_join_are_drawn_as_one() -> None:
    x1, y1, x2, y2 = np.array([0.0]), np.array([0.0]), np.array([100.0]), np.array([0.0])
    rects = [QRectF(10, -5, 10, 10), QRectF(25, -5, 10, 10), QRectF(80, -5, 10, 10)]

    rows, t0, t1 = strip_spans(x1, y1, x2, y2, _rows(rects))
    assert list(zip(t0.round(2), t1.round(2), strict=True)) == [(0.1, 0.2), (0.25, 0.35), (0.8, 0.9)]

    rows, t0, t1 = strip_spans(x1, y1, x2, y2, _rows(rects), join=0.1)  # a dash period of 10 along 100
    assert list(zip(t0.round(2), t1.round(2), strict=True)) == [(0.1, 0.35), (0.8, 0.9)]


def test_a_dashed_run_starts_a_whole_number_of_dashes_from_its_line_start(qapp) -> None:
    x1, y1, x2, y2 = np.array([0.0]), np.array([0.0]), np.array([100.0]), np.array([0.0])
    ends = span_ends(x1, y1, x2, y2, np.array([0.37]), np.array([0.6]), period=8.0)

    assert ends.tolist() == [[32.0, 0.0, 60.0, 0.0]]
    path = lines_path(ends)
    assert path.elementCount() == 2 and path.boundingRect() == QRectF(32, 0, 28, 0)
