"""Automatic layout for nodes without a stored position: near what they connect to, never over stored nodes."""

from __future__ import annotations

import math
from typing import Mapping

from app import model as m
from app.layout_geometry import COUNCIL_GAP, GAP, LAYER_GAP, BoxIndex, Point, Positions, free_spot
from app.layout_graph import Graph, Size, build_graph
from app.layout_layers import layered_layout


def place_missing(workshop: m.Workshop, diagram: str, sizes: Mapping[str, Size] | None = None) -> Positions:
    """Centres for the segments and teams that have no stored position on `diagram`, clear of all stored ones.

    A node goes near what it connects to (below what it serves, above what serves it); a node connected to
    nothing placed goes to a free spot (segments beside the top segments, councils on the right, teams below).
    With nothing stored at all, this is the layered layout.
    """
    graph = build_graph(workshop, diagram, sizes)
    stored = workshop.layouts.get(diagram, {})
    placed: dict[int, Point] = {i: stored[n] for i, n in enumerate(graph.ids) if n in stored}
    pending = [i for i in range(len(graph)) if i not in placed]
    if not pending:
        return {}
    if not placed:
        return layered_layout(workshop, diagram, sizes)
    if len(pending) > BULK_MISSING and len(pending) > len(placed):
        return _block_beside(workshop, diagram, sizes, graph, placed, pending)
    index = BoxIndex(GAP)
    for i, centre in placed.items():
        index.add(i, centre, graph.sizes[i])
    serves: list[list[int]] = [[] for _ in graph.ids]
    served_by: list[list[int]] = [[] for _ in graph.ids]
    for a, b in graph.edges:
        serves[a].append(b)
        served_by[b].append(a)
    bounds = _Bounds(graph)
    for i, centre in placed.items():
        bounds.add(i, centre)
    result: Positions = {}
    while pending:
        ready = [i for i in pending if any(j in placed for j in serves[i] + served_by[i])]
        if not ready:
            ready = sorted(pending, key=lambda i: graph.kinds[i] != "segment")[:1]
        for i in ready:
            wanted = _near(i, graph, placed, serves, served_by, bounds)
            size = graph.sizes[i]
            spot = free_spot(index, wanted, size) or _below(placed, graph, wanted[0], size)
            spot = (float(round(spot[0])), float(round(spot[1])))
            placed[i] = spot
            index.add(i, spot, size)
            bounds.add(i, spot)
            result[graph.ids[i]] = spot
        pending = [i for i in pending if i not in placed]
    return result


BULK_MISSING = 100
"""From this many nodes without a position (and more than are placed) they are laid out as one block."""


def _block_beside(workshop: m.Workshop, diagram: str, sizes: Mapping[str, Size] | None, graph: Graph,
                  placed: dict[int, Point], pending: list[int]) -> Positions:
    """The missing nodes in layers, as a block to the right of the placed ones.

    Finding a free spot near each node's partners one node at a time takes seconds for hundreds of nodes among
    hundreds of placed ones; a block in layers is quick and reads as well."""
    layered = layered_layout(workshop, diagram, sizes)
    block = {graph.ids[i]: layered[graph.ids[i]] for i in pending if graph.ids[i] in layered}
    size_of = {graph.ids[i]: graph.sizes[i] for i in range(len(graph))}
    right = max(x + graph.sizes[i][0] / 2 for i, (x, _y) in placed.items())
    top = min(y - graph.sizes[i][1] / 2 for i, (_x, y) in placed.items())
    left = min(x - size_of[n][0] / 2 for n, (x, _y) in block.items())
    block_top = min(y - size_of[n][1] / 2 for n, (_x, y) in block.items())
    dx, dy = right + 4 * GAP - left, top - block_top
    return {n: (float(round(x + dx)), float(round(y + dy))) for n, (x, y) in block.items()}


class _Bounds:
    """The box around the placed nodes and the top-right segment corner, kept as nodes are placed."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.left = self.top = math.inf
        self.right = self.bottom = -math.inf
        self.segment_x = -math.inf
        self.segment_y = math.inf
        self.segments = 0

    def add(self, i: int, centre: Point) -> None:
        """Take node `i`, placed at `centre`, into the bounds."""
        x, y = centre
        w, h = self.graph.sizes[i]
        self.left, self.right = min(self.left, x - w / 2), max(self.right, x + w / 2)
        self.top, self.bottom = min(self.top, y - h / 2), max(self.bottom, y + h / 2)
        if self.graph.kinds[i] == "segment":
            self.segment_x, self.segment_y = max(self.segment_x, x), min(self.segment_y, y)
            self.segments += 1


def _near(i: int, graph: Graph, placed: dict[int, Point], serves: list[list[int]],
          served_by: list[list[int]], bounds: _Bounds) -> Point:
    """Where node `i` would like to stand: below what it serves, above what serves it, or in a fitting free area."""
    h = graph.sizes[i][1]
    wanted = []
    for others, sign in ((serves[i], 1.0), (served_by[i], -1.0)):
        for j in others:
            if j in placed:
                x, y = placed[j]
                wanted.append((x, y + sign * ((h + graph.sizes[j][1]) / 2 + LAYER_GAP)))
    if wanted:
        return sum(x for x, _ in wanted) / len(wanted), sum(y for _, y in wanted) / len(wanted)
    left, right, top, bottom = bounds.left, bounds.right, bounds.top, bounds.bottom
    kind = graph.kinds[i]
    if kind == "council":
        return right + COUNCIL_GAP + graph.sizes[i][0] / 2, (top + bottom) / 2
    if kind == "segment":
        if bounds.segments:
            return bounds.segment_x, bounds.segment_y
        return (left + right) / 2, top - LAYER_GAP - h / 2
    return (left + right) / 2, bottom + LAYER_GAP + h / 2


def _below(placed: dict[int, Point], graph: Graph, x: float, size: Size) -> Point:
    """A spot under everything placed (always free): the last resort when no free spot is near."""
    bottom = max(y + graph.sizes[j][1] / 2 for j, (_, y) in placed.items())
    return x, bottom + LAYER_GAP + size[1] / 2
