"""Backend-neutral geometry of the structure and promise diagrams: node boxes and clipped, offset edges."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from app import model as m
from app.layout import diagram_positions
from app.promise_tree import promise_numbers

NODE_W = 160.0  # scene units; a stored position is the node's centre (the GUI's node size is assumed)
NODE_H = 60.0
PARALLEL_GAP = 12.0
FAN_WIDTH = 44.0  # scene units: the widest fan of parallel arrows between two nodes


@dataclass(frozen=True)
class Node:
    """A node box centred on (cx, cy), scene units with y down."""

    id: str
    kind: str  # "segment", "client_facing", "service", "council"
    label: str
    cx: float
    cy: float
    w: float = NODE_W
    h: float = NODE_H


@dataclass(frozen=True)
class Edge:
    """An arrow from `source` to `target`, already clipped to the node borders (scene units)."""

    id: str
    source: str
    target: str
    start: tuple[float, float]
    end: tuple[float, float]
    status: str = ""  # a promise's status; empty for a structure link
    number: str = ""  # a promise's number in the tree of promises ("1.2.1"); "" for a link
    problem: str = ""  # a promise's method error: "unempowered", "from_client", "broken" or ""


@dataclass
class Diagram:
    """Everything one diagram draws, and the box around it."""

    name: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) around every node, scene units."""
        if not self.nodes:
            return 0.0, 0.0, NODE_W, NODE_H
        ns = self.nodes.values()
        return (
            min(n.cx - n.w / 2 for n in ns),
            min(n.cy - n.h / 2 for n in ns),
            max(n.cx + n.w / 2 for n in ns),
            max(n.cy + n.h / 2 for n in ns),
        )


def _border_point(node: Node, dx: float, dy: float) -> tuple[float, float]:
    """Where a ray from the node's centre in direction (dx, dy) leaves its box."""
    if dx == 0 and dy == 0:
        return node.cx, node.cy
    tx = (node.w / 2) / abs(dx) if dx else math.inf
    ty = (node.h / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty)
    return node.cx + dx * t, node.cy + dy * t


def _clip(a: Node, b: Node, offset: float) -> tuple[tuple[float, float], tuple[float, float]]:
    dx, dy = b.cx - a.cx, b.cy - a.cy
    length = math.hypot(dx, dy) or 1.0
    px, py = -dy / length * offset, dx / length * offset  # perpendicular shift for parallel arrows
    a2 = Node(a.id, a.kind, "", a.cx + px, a.cy + py, a.w, a.h)
    b2 = Node(b.id, b.kind, "", b.cx + px, b.cy + py, b.w, b.h)
    return _border_point(a2, dx, dy), _border_point(b2, -dx, -dy)


def _edges(nodes: dict[str, Node], pairs: list[tuple[str, str, str, str, str, str]]) -> list[Edge]:
    """Edges for (id, source, target, status, number, problem) tuples; arrows between the same two nodes fan
    out, opposite ones too (never drawn as one double-headed arrow)."""
    groups: dict[tuple[str, str], list[int]] = {}
    usable = [p for p in pairs if p[1] in nodes and p[2] in nodes and p[1] != p[2]]
    for index, (_id, src, dst, *_rest) in enumerate(usable):
        groups.setdefault((min(src, dst), max(src, dst)), []).append(index)
    edges: list[Edge] = []
    slot: dict[int, float] = {}
    for members in groups.values():
        gap = min(PARALLEL_GAP, FAN_WIDTH / max(1, len(members) - 1))  # a fan stays within the node's height
        for k, index in enumerate(members):
            slot[index] = (k - (len(members) - 1) / 2) * gap
    for index, (edge_id, src, dst, status, number, problem) in enumerate(usable):
        offset = slot[index] if src < dst else -slot[index]
        start, end = _clip(nodes[src], nodes[dst], offset)
        edges.append(Edge(edge_id, src, dst, start, end, status, number, problem))
    return edges


def diagram_nodes(workshop: m.Workshop) -> list[tuple[str, str]]:
    """(id, kind) of every node on the structure and promise diagrams: segments first, then teams in order."""
    nodes = [(s.id, "segment") for s in workshop.segments]
    return nodes + [(t.id, t.kind if t.kind in m.TEAM_KINDS else "service") for t in workshop.teams]


def _number(p: m.Promise, default: str) -> str:
    """A promise's number in the tree of promises (a summary map's promise keeps the number it has there)."""
    number = p.extra.get("x-number") if p.extra else None
    return number if isinstance(number, str) else default


def build_diagram(workshop: m.Workshop, diagram: str) -> Diagram:
    """The structure ("structure": links) or the promise map ("promises": promises) of `workshop`."""
    stored = workshop.layouts.get(diagram) or {}
    if diagram == "promises" and not stored and workshop.links:
        # one story: a promise map never arranged by hand puts each party where the structure puts it
        positions = diagram_positions(workshop, "structure")
        positions |= {k: v for k, v in diagram_positions(workshop, diagram).items() if k not in positions}
    else:
        positions = diagram_positions(workshop, diagram)
    names = {s.id: s.name for s in workshop.segments} | {t.id: t.name for t in workshop.teams}
    nodes = {
        node_id: Node(node_id, kind, names.get(node_id, ""), *positions[node_id])
        for node_id, kind in diagram_nodes(workshop)
    }
    if diagram == "promises":
        from exports.summary import method_error

        segment_ids = {s.id for s in workshop.segments}
        numbers = promise_numbers(workshop)  # as the table, the map and the tree of promises number them
        pairs = [(p.id, p.from_, p.to, p.status, _number(p, numbers.get(p.id, "")), method_error(p, segment_ids))
                 for p in workshop.promises]
    else:
        pairs = [(lk.id, lk.from_, lk.to, "", "", "") for lk in workshop.links]
    return Diagram(diagram, nodes, _edges(nodes, pairs))
