"""Automatic layout in layers: segments on top, teams below by distance in arrows, long arrows given passages."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from app import model as m
from app.layout_geometry import COUNCIL_GAP, GAP, LAYER_GAP, ROW_GAP, Point, Positions, pack, side_column
from app.layout_graph import NODE_SIZE, Graph, Layered, Size, build_graph, distance_layers, make_proper, order_layers

PASSAGE_GAP = 20.0
"""Space between two long arrows crossing a layer side by side (a node keeps GAP from them)."""
UNREACHED_GAP = 110.0
"""Extra space above the teams that reach no segment, setting them apart."""
MIN_PER_ROW, MAX_PER_ROW = 12, 20
"""A wide layer wraps into rows of at most this many nodes (fewer in small organisations)."""
ASPECT = 1.5
"""Width to height the wrapping aims at."""

PASSAGE_PULL = 50.0
"""How much more a long arrow's passage insists on its place than a node does: nodes make way for it."""


def layered_layout(workshop: m.Workshop, diagram: str = "structure", sizes: Mapping[str, Size] | None = None,
                   *, per_row: int | None = None) -> Positions:
    """Centres of all segments and teams in layers: segments on top, then the teams by distance, council beside.

    Layer k holds the teams whose shortest chain of arrows (links for "structure", promises for "promises") to a
    segment is k long; teams reaching no segment come below, set apart, layered the same way among themselves (first
    those serving none of them); councils stand in a column on the right, beside the middle of the drawing.
    Layers are ordered for fewer crossings, aligned under what they serve, centred on x = 0 with the segments' top
    edge at y = 0, and wrapped into rows (columns of stacked nodes) past `per_row` nodes.
    """
    graph = build_graph(workshop, diagram, sizes)
    layers, councils, reached = distance_layers(graph)
    lay = make_proper(graph, layers)
    order_layers(lay)
    per_row = per_row or row_capacity(len(graph) - len(councils))
    bands = [_band(layer, lay, graph, per_row) for layer in lay.layers]
    tops, top = [], 0.0
    for i, band in enumerate(bands):
        top += UNREACHED_GAP if i == reached and i else 0.0
        tops.append(top)
        top += band.height + LAYER_GAP
    _align(bands, tops, lay)
    centres: dict[int, Point] = {}
    for band, band_top in zip(bands, tops, strict=True):
        band.place(band_top, centres)
    if centres:
        left = min(x - graph.sizes[n][0] / 2 for n, (x, _) in centres.items())
        right = max(x + graph.sizes[n][0] / 2 for n, (x, _) in centres.items())
        shift = -(left + right) / 2
        centres = {n: (x + shift, y) for n, (x, y) in centres.items()}
        council_left, middle = (right - left) / 2 + COUNCIL_GAP, (top - LAYER_GAP) / 2
    else:
        council_left, middle = 0.0, 0.0
    for n, centre in zip(councils, side_column([graph.sizes[n] for n in councils], council_left, middle, ROW_GAP),
                         strict=True):
        centres[n] = centre
    return {graph.ids[n]: (float(round(x)), float(round(y))) for n, (x, y) in sorted(centres.items())}


def row_capacity(count: int) -> int:
    """How many nodes a row holds before a layer wraps: a readable aspect ratio, within 12–20."""
    cell_w, cell_h = NODE_SIZE["service"][0] + GAP, NODE_SIZE["service"][1] + ROW_GAP
    ideal = round(math.sqrt(ASPECT * max(count, 1) * cell_h / cell_w))
    return max(MIN_PER_ROW, min(MAX_PER_ROW, ideal))


@dataclass
class _Column:
    """Nodes of one layer stacked at one x: one node, several of a wrapped layer, or one long arrow's passage."""

    nodes: list[int]
    width: float
    passage: bool
    x: float = 0.0


@dataclass
class _Band:
    """One layer on the drawing: its columns, left to right, and the heights of its rows."""

    columns: list[_Column]
    row_heights: list[float]
    _row_centres: list[float] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(self.row_heights) + ROW_GAP * (len(self.row_heights) - 1)

    def spacing(self) -> list[float]:
        """Least distance between each column's centre and the one before it."""
        result = [0.0]
        for a, b in zip(self.columns, self.columns[1:], strict=False):
            gap = PASSAGE_GAP if a.passage and b.passage else GAP
            result.append((a.width + b.width) / 2 + gap)
        return result

    def row_centre(self, row: int) -> float:
        """The y of a row's centre, from the band's top."""
        if not self._row_centres:
            top = 0.0
            for h in self.row_heights:
                self._row_centres.append(top + h / 2)
                top += h + ROW_GAP
        return self._row_centres[row]

    def place(self, top: float, centres: dict[int, Point]) -> None:
        """Put the band's real nodes at their column's x, row by row from `top`."""
        for column in self.columns:
            if not column.passage:
                for row, n in enumerate(column.nodes):
                    centres[n] = (column.x, top + self.row_centre(row))


def _band(layer: list[int], lay: Layered, graph: Graph, per_row: int) -> _Band:
    """A layer cut into columns: past `per_row` nodes, consecutive nodes stack in balanced columns."""
    real = [n for n in layer if not lay.is_dummy(n)]
    rows = max(1, math.ceil(len(real) / per_row))
    count = max(1, math.ceil(len(real) / rows))
    base, extra = divmod(len(real), count)
    stack_of: dict[int, int] = {}
    k = 0
    for i in range(count):
        for n in real[k:k + base + (i < extra)]:
            stack_of[n] = i
        k += base + (i < extra)
    columns: list[_Column] = []
    stacks: dict[int, _Column] = {}
    for n in layer:
        if lay.is_dummy(n):
            columns.append(_Column([n], 0.0, True))
        elif stack_of[n] in stacks:
            stacks[stack_of[n]].nodes.append(n)
        else:
            stacks[stack_of[n]] = _Column([n], 0.0, False)
            columns.append(stacks[stack_of[n]])
    row_heights = [0.0] * rows
    for column in stacks.values():
        # Within a stack, what connects upwards goes up and what is served from below goes down: shorter arrows.
        column.nodes.sort(key=lambda n: len(lay.down[n]) - len(lay.up[n]))
        column.width = max(graph.sizes[n][0] for n in column.nodes)
        for row, n in enumerate(column.nodes):
            row_heights[row] = max(row_heights[row], graph.sizes[n][1])
    return _Band(columns, row_heights)


def _align(bands: list[_Band], tops: list[float], lay: Layered) -> None:
    """Place columns left to right: centred, then under (and over) what they connect to, a few passes.

    A long arrow's passage goes where the arrow's straight line crosses the layer, opening a gap there.
    """
    column_of: dict[int, _Column] = {n: c for band in bands for c in band.columns for n in c.nodes}
    band_of = {n: i for i, band in enumerate(bands) for c in band.columns for n in c.nodes}
    ends = {d: (upper, lower) for upper, lower, dummies in lay.chains for d in dummies}

    def centre(n: int) -> Point:
        return column_of[n].x, tops[band_of[n]] + bands[band_of[n]].row_centre(column_of[n].nodes.index(n))

    def crossing(dummy: int) -> float:
        (x0, y0), (x1, y1) = (centre(n) for n in ends[dummy])
        y = tops[band_of[dummy]] + bands[band_of[dummy]].height / 2
        return x0 + (y - y0) / (y1 - y0) * (x1 - x0)

    for band in bands:
        _pack_band(band, [0.0] * len(band.columns), [1.0] * len(band.columns))
    down, up = range(1, len(bands)), range(len(bands) - 2, -1, -1)
    passes: list[tuple[range, list[list[int]] | None]] = [(down, lay.up), (up, lay.down), (down, lay.up),
                                                          (up, lay.down), (down, lay.up)]
    passes += [(range(len(bands)), None)] * 2  # last, only the passages: exactly on their arrows' lines
    for indices, adjacent in passes:
        for i in indices:
            band = bands[i]
            if adjacent is None and not any(c.passage for c in band.columns):
                continue
            targets, weights = [], []
            for column in band.columns:
                total = weight = 0.0
                if column.passage:
                    total, weight = crossing(column.nodes[0]) * PASSAGE_PULL, PASSAGE_PULL
                elif adjacent is not None:
                    for n in column.nodes:
                        for other in adjacent[n]:
                            total += column_of[other].x
                            weight += 1.0
                targets.append(total / weight if weight else column.x)
                weights.append(weight or 0.01)
            keys = [t if c.passage else c.x for c, t in zip(band.columns, targets, strict=True)]
            order = sorted(range(len(keys)), key=keys.__getitem__)  # passages slot in where their lines cross
            band.columns = [band.columns[k] for k in order]
            _pack_band(band, [targets[k] for k in order], [weights[k] for k in order])


def _pack_band(band: _Band, targets: list[float], weights: list[float]) -> None:
    for column, x in zip(band.columns, pack(targets, weights, band.spacing()), strict=True):
        column.x = x
