"""A simple layered placement for diagram nodes that have no stored position (until automatic layout lands)."""

from __future__ import annotations

import math

from app import model as m

X_GAP = 230.0  # scene units between node centres in a row
Y_GAP = 150.0  # between rows
_ASPECT = 1.4  # wide rows are wrapped so that the whole diagram stays about this wide for its height


def diagram_nodes(workshop: m.Workshop) -> list[tuple[str, str]]:
    """(id, kind) of every node on the structure and promise diagrams: segments first, then teams in order."""
    nodes = [(s.id, "segment") for s in workshop.segments]
    nodes += [(t.id, t.kind if t.kind in m.TEAM_KINDS else "service") for t in workshop.teams]
    return nodes


def _rows(ids: list[str], per_row: int) -> list[list[str]]:
    return [ids[i : i + per_row] for i in range(0, len(ids), per_row)] if ids else []


def _neighbours(workshop: m.Workshop) -> dict[str, set[str]]:
    """Who is tied to whom by a structure link or a promise (both diagrams share one fallback layout)."""
    ties: dict[str, set[str]] = {}
    for a, b in [(lk.from_, lk.to) for lk in workshop.links] + [(p.from_, p.to) for p in workshop.promises]:
        ties.setdefault(a, set()).add(b)
        ties.setdefault(b, set()).add(a)
    return ties


def _by_barycentre(ids: list[str], ties: dict[str, set[str]], rank: dict[str, float]) -> list[str]:
    """`ids` ordered by the mean rank of their already placed neighbours (fewer crossing arrows);
    nodes without placed neighbours keep their order after the others."""

    def key(item: tuple[int, str]) -> tuple[float, int]:
        index, node_id = item
        placed = [rank[n] for n in ties.get(node_id, ()) if n in rank]
        return (sum(placed) / len(placed) if placed else float("inf"), index)

    return [node_id for _i, node_id in sorted(enumerate(ids), key=key)]


def layered_positions(workshop: m.Workshop, diagram: str) -> dict[str, tuple[float, float]]:
    """Positions (scene units, y down) of all nodes: stored ones kept, the others in layers below them.

    Layers from the top: client segments, client-facing teams, service teams; the council in a column to the
    left, beside the teams rather than above them. Long layers wrap into several rows.
    """
    stored = workshop.layouts.get(diagram, {}) or {}
    nodes = diagram_nodes(workshop)
    positions: dict[str, tuple[float, float]] = {}
    for node_id, _kind in nodes:
        if node_id in stored:
            x, y = stored[node_id]
            positions[node_id] = (float(x), float(y))
    missing = [(i, k) for i, k in nodes if i not in positions]
    if not missing:
        return positions
    per_row = max(8, math.ceil(math.sqrt(_ASPECT * len(missing) * Y_GAP / X_GAP)))
    kinds = ("segment", "client_facing", "service")
    widest = max((min(per_row, sum(1 for _i, k in missing if k == kind)) for kind in kinds), default=0)
    council = [i for i, k in missing if k == "council"]
    top = max((y for _x, y in positions.values()), default=-Y_GAP * 1.5) + Y_GAP * 1.5
    left = min((x for x, _y in positions.values()), default=0.0)
    x0 = left + (X_GAP * 1.25 if council else 0.0)
    ties = _neighbours(workshop)
    rank = {node_id: x for node_id, (x, _y) in positions.items()}
    y = top
    team_top = None
    for kind in kinds:
        ids = [i for i, k in missing if k == kind]
        if kind != "segment":
            ids = _by_barycentre(ids, ties, rank)
        for row in _rows(ids, per_row):
            if kind != "segment" and team_top is None:
                team_top = y
            offset = x0 + (widest - len(row)) * X_GAP / 2
            for n, node_id in enumerate(row):
                positions[node_id] = (offset + n * X_GAP, y)
                rank[node_id] = offset + n * X_GAP
            y += Y_GAP
        if ids:
            y += Y_GAP * 0.25  # a little air between layers
    council_top = team_top if team_top is not None else top
    for n, node_id in enumerate(council):
        positions[node_id] = (left, council_top + n * Y_GAP * 0.75)
    return positions
