"""Automatic layout in rings: the client segments in the centre, client-facing teams around them, service teams
around those, the council beside."""

from __future__ import annotations

import math
from typing import Mapping

from app import model as m
from app.layout_geometry import GAP, ROW_GAP, Point, pack, side_column
from app.layout_graph import Size, build_graph

RING_KINDS = (("segment",), ("client_facing",), ("service",))
"""What stands on each ring, inside out (a kind the graph does not know is drawn as a service team)."""
RING_GAP = 50.0
"""Room for the arrows between the outermost circle of one ring and the innermost of the next (flattened units)."""
FLATTEN = 1.7
"""The rings are ellipses this much wider than high, like the window and the nodes."""
COUNCIL_GAP = 100.0
"""Space between the outermost ring's box and the council's column beside it."""


def ring_layout(workshop: m.Workshop, diagram: str = "structure",
                sizes: Mapping[str, Size] | None = None) -> dict[str, Point]:
    """Centres of all segments and teams in rings around (0, 0), the council in a column on the right.

    The segments stand in the centre, the client-facing teams on the first ring around them, the service teams on
    the next; a ring too full for one ellipse spreads over several concentric ones. Each node turns towards what it
    connects to further in (links for "structure", promises for "promises"). The rings are ellipses FLATTEN times
    wider than high; in the flattened plane (x / FLATTEN, y) no two nodes' bounding circles come closer than GAP.
    """
    graph = build_graph(workshop, diagram, sizes)
    rings: list[list[int]] = [[i for i, kind in enumerate(graph.kinds) if kind in kinds] for kinds in RING_KINDS]
    councils = [i for i, kind in enumerate(graph.kinds) if kind == "council"]
    neighbours = graph.neighbours()
    centres: dict[int, Point] = {}  # in the flattened plane
    angles: dict[int, float] = {}
    outer = 0.0
    for depth, nodes in enumerate(r for r in rings if r):
        reach = max(math.hypot(graph.sizes[n][0] / FLATTEN, graph.sizes[n][1]) / 2 for n in nodes)
        spacing = 2 * reach + GAP
        if depth == 0 and len(nodes) == 1:
            centres[nodes[0]] = (0.0, 0.0)
            outer = reach
            continue
        if depth == 0:
            start = max(spacing / (2 * math.sin(math.pi / len(nodes))) if len(nodes) > 1 else 0.0, spacing / 2)
        else:
            start = outer + RING_GAP + reach
        circles = _circles(len(nodes), start, spacing)
        groups = _deal(nodes, [_capacity(r, spacing) for r in circles])
        further_in = dict(angles)
        for attempt in range(2):  # again: a node tied to none further in turns to its neighbours on this ring
            for radius, group in zip(circles, groups, strict=True):
                wanted: list[float | None] = []
                for n in group:
                    angle = _mean_angle([further_in[j] for j in neighbours[n] if j in further_in])
                    if angle is None and attempt:
                        angle = _mean_angle([angles[j] for j in neighbours[n] if j in angles and j != n])
                    wanted.append(angle)
                if depth == 0:  # the segments side by side, then round: the first on the left
                    wanted = [math.pi + 2 * math.pi * k / len(group) for k in range(len(group))]
                least = 2 * math.asin(min(1.0, spacing / (2 * radius)))
                for n, angle in zip(group, _spread(wanted, least), strict=True):
                    angles[n] = angle
                    centres[n] = (radius * math.cos(angle), radius * math.sin(angle))
        outer = circles[-1] + reach
    result = {n: (x * FLATTEN, y) for n, (x, y) in centres.items()}
    column = side_column([graph.sizes[n] for n in councils], 0.0, 0.0, ROW_GAP)
    if column and result:  # level with the rings' top, as close to the right of what stands beside it as can be
        top = min(y - graph.sizes[n][1] / 2 for n, (_, y) in result.items())
        shift_y = top - min(y - graph.sizes[n][1] / 2 for n, (_, y) in zip(councils, column, strict=True))
        low = max(y + graph.sizes[n][1] / 2 for n, (_, y) in zip(councils, column, strict=True)) + shift_y
        beside = [x + graph.sizes[n][0] / 2 for n, (x, y) in result.items() if y - graph.sizes[n][1] / 2 < low + GAP]
        shift_x = max(beside) + COUNCIL_GAP - min(x - graph.sizes[n][0] / 2 for n, (x, _) in
                                                  zip(councils, column, strict=True))
        column = [(x + shift_x, y + shift_y) for x, y in column]
    for n, centre in zip(councils, column, strict=True):
        result[n] = centre
    return {graph.ids[n]: (float(round(x)), float(round(y))) for n, (x, y) in sorted(result.items())}


def _capacity(radius: float, spacing: float) -> int:
    """How many nodes fit on a circle with at least `spacing` between neighbouring centres."""
    if 2 * radius < spacing:
        return 1
    return max(1, math.floor(math.pi / math.asin(spacing / (2 * radius)) + 1e-9))


def _circles(count: int, start: float, spacing: float) -> list[float]:
    """Radii of the concentric circles, `spacing` apart from `start`, that together hold `count` nodes."""
    radii: list[float] = []
    radius, room = start, 0
    while room < count:
        radii.append(radius)
        room += _capacity(radius, spacing)
        radius += spacing
    return radii


def _deal(nodes: list[int], capacities: list[int]) -> list[list[int]]:
    """Share ordered nodes among circles in proportion to their room, each circle getting an even spread."""
    total, count = sum(capacities), len(nodes)
    quotas = [count * c / total for c in capacities]
    shares = [math.floor(q) for q in quotas]
    by_remainder = sorted(range(len(capacities)), key=lambda i: (shares[i] - quotas[i], i))
    for i in by_remainder[:count - sum(shares)]:
        shares[i] += 1
    groups: list[list[int]] = [[] for _ in capacities]
    for j, n in enumerate(nodes):
        open_circles = [i for i in range(len(groups)) if len(groups[i]) < shares[i]]
        best = max(open_circles, key=lambda i: (shares[i] * (j + 1) / count - len(groups[i]), -i))
        groups[best].append(n)
    return groups


def _spread(wanted: list[float | None], least: float) -> list[float]:
    """Angles on one circle for nodes in order: sorted by wanted angle, at least `least` apart all round.

    Halfway between two arrangements in the same order: each node as near its wanted angle as the spacing allows
    (nodes near what they connect to), and all evenly spaced (a ring one can see). Nodes with no wanted angle
    fill the widest gap between the others.
    """
    count = len(wanted)
    known = sorted((w % (2 * math.pi), k) for k, w in enumerate(wanted) if w is not None)
    if not known:
        return [-math.pi / 2 + 2 * math.pi * k / count for k in range(count)]
    gaps = [(known[(i + 1) % len(known)][0] - known[i][0]) % (2 * math.pi) for i in range(len(known))]
    if len(known) == 1:
        gaps = [2 * math.pi]
    cut = max(range(len(known)), key=lambda i: (gaps[i], -i)) + 1  # start after the widest gap
    known = known[cut:] + [(w + 2 * math.pi, k) for w, k in known[:cut]]
    lonely = [k for k, w in enumerate(wanted) if w is None]
    widest = gaps[cut - 1]
    order = [k for _, k in known] + lonely
    targets = [w for w, _ in known]
    targets += [targets[-1] + widest * (j + 1) / (len(lonely) + 1) for j in range(len(lonely))]
    slots = [2 * math.pi * i / count for i in range(count)]
    offset = _mean_angle([t - slot for t, slot in zip(targets, slots, strict=True)]) or 0.0
    offset += 2 * math.pi * round((targets[0] - offset) / (2 * math.pi))
    angles = [offset + slot for slot in slots]
    weights = [1.0] * len(known) + [0.01] * len(lonely)
    near = pack(targets, weights, [least] * count)
    if near[-1] - near[0] <= 2 * math.pi - least + 1e-9:
        angles = [(a + b) / 2 for a, b in zip(angles, near, strict=True)]
    result = [0.0] * count
    for k, angle in zip(order, angles, strict=True):
        result[k] = angle
    return result


def _mean_angle(angles: list[float]) -> float | None:
    """The circular mean of some angles, or None when there are none (or they cancel out)."""
    sin = sum(math.sin(a) for a in angles)
    cos = sum(math.cos(a) for a in angles)
    if math.hypot(sin, cos) < 1e-9:
        return None
    return math.atan2(sin, cos)
