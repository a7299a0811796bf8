"""The structure from the client and the promise map as reportlab vector drawings, fitted to a box."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import FILL_NON_ZERO, Circle, Drawing, Group, Line, Path, Polygon, Rect
from reportlab.lib.colors import HexColor, white

from app import model as m
from exports import fonts, wrap
from exports.geometry import Diagram, Edge, build_diagram
from exports.i18n import Words
from exports.rl_text import block, drawing, strings
from exports.style import INK, LINK_COLOR, MUTED, NODE_COLORS, STATUS_COLORS, STATUS_DASHED

MAX_SCALE = 0.72  # points per scene unit: a small diagram is not blown up to poster size
NODE_FONT = 15.0  # scene units
BADGE_LIMIT = 400  # promise numbers are drawn on the arrows up to this many promises


def _arrow(start: tuple[float, float], end: tuple[float, float], color: object, width: float, dash, head: float):
    """A line from start to end with a filled arrowhead at the end (drawing coordinates)."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head = min(head, length * 0.45)
    bx, by = x2 - ux * head, y2 - uy * head
    group = Group(Line(x1, y1, bx, by, strokeColor=color, strokeWidth=width, strokeDashArray=dash, strokeLineCap=1))
    wing = head * 0.42
    group.add(Polygon([x2, y2, bx - uy * wing, by + ux * wing, bx + uy * wing, by - ux * wing],
                      fillColor=color, strokeColor=color, strokeWidth=0.1))
    return group


def _legend(words: Words, diagram: Diagram, width: float, size: float) -> tuple[Group, float]:
    items: list[tuple[str, object]] = []
    kinds = {n.kind for n in diagram.nodes.values()}
    for kind in ("segment", "client_facing", "service", "council"):
        if kind in kinds:
            items.append(("box", kind))
    if diagram.name == "promises":
        statuses = [s for s in m.PROMISE_STATUSES if any(e.status == s for e in diagram.edges)]
        items += [("status", s) for s in statuses]
    else:
        items.append(("link", None))
    group = Group()
    x, y, row_h = 0.0, 0.0, size * 1.9
    rows = 1
    previous = "box"
    for what, key in items:
        label = words["serves"] if what == "link" else words[key]
        w = 26 + fonts.width(label, fonts.SANS, size) + size * 1.5
        new_kind = previous == "box" and what != "box"  # arrows start a row of their own
        previous = what
        if x > 0 and (x + w > width or new_kind):
            x, y, rows = 0.0, y - row_h, rows + 1
        if what == "box":
            fill, border = NODE_COLORS[key]
            group.add(Rect(x, y - size * 0.45, 20, size * 1.1, rx=3, ry=3, fillColor=HexColor(fill),
                           strokeColor=HexColor(border), strokeWidth=0.8))
        else:
            color = HexColor(STATUS_COLORS.get(key, LINK_COLOR) if what == "status" else LINK_COLOR)
            dash = [3, 2] if key in STATUS_DASHED else None
            group.add(_arrow((x, y + size * 0.1), (x + 20, y + size * 0.1), color, 1.4, dash, 6))
        for s in strings(x + 26, y - size * 0.25, label, fonts.SANS, size, INK):
            group.add(s)
        x += w
    group.translate(0, (rows - 0.5) * row_h)
    return group, rows * row_h


def diagram_drawing(
    workshop: m.Workshop,
    name: str,
    words: Words,
    width: float,
    height: float,
    *,
    text_scale: float = 1.0,
    max_scale: float = MAX_SCALE,
) -> Drawing:
    """The diagram `name` ("structure" or "promises") scaled to fit `width` × at most `height` points."""
    fonts.register()
    diagram = build_diagram(workshop, name)
    size = 8.5 * text_scale
    legend, legend_h = _legend(words, diagram, width, size)
    left, top, right, bottom = diagram.bounds
    pad = 14.0  # scene units of air around the nodes (arrowheads, badges)
    bw, bh = right - left + 2 * pad, bottom - top + 2 * pad
    avail_h = max(20.0, height - legend_h - size)
    scale = min(width / bw, avail_h / bh, max_scale)
    draw_h = min(height, bh * scale + legend_h + size)
    d = drawing(width, draw_h)
    ox = (width - bw * scale) / 2
    oy = draw_h - (bh * scale)
    to_pt = lambda x, y: (ox + (x - left + pad) * scale, oy + (bottom + pad - y) * scale)  # noqa: E731
    badges = diagram.name == "promises" and len(diagram.edges) <= BADGE_LIMIT
    for shape in _edges(diagram.edges, to_pt, scale):
        d.add(shape)
    for node in diagram.nodes.values():
        _node(d, node, to_pt, scale)
    if badges:
        for edge in diagram.edges:
            _badge(d, edge, to_pt, scale)
    d.add(legend)
    return d


def _edges(edges: list[Edge], to_pt, scale: float) -> list[Path]:
    """All arrows, batched into one stroked path and one filled path of heads per colour and dash."""
    width = max(0.3, 2.2 * scale)
    head = max(2.0, 13 * scale)
    batches: dict[tuple[str, bool], tuple[Path, Path]] = {}
    for edge in edges:
        color = STATUS_COLORS.get(edge.status, LINK_COLOR) if edge.status else LINK_COLOR
        dashed = edge.status in STATUS_DASHED
        if (color, dashed) not in batches:
            rgb = HexColor(color)
            dash = [6 * scale + 1, 4 * scale + 1] if dashed else None
            batches[color, dashed] = (
                Path(strokeColor=rgb, strokeWidth=width, strokeDashArray=dash, fillColor=None, strokeLineCap=1),
                Path(fillColor=rgb, strokeColor=None, fillMode=FILL_NON_ZERO),
            )
        lines, heads = batches[color, dashed]
        (x1, y1), (x2, y2) = to_pt(*edge.start), to_pt(*edge.end)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        h = min(head, length * 0.45)
        bx, by = x2 - ux * h, y2 - uy * h
        lines.moveTo(x1, y1)
        lines.lineTo(bx, by)
        wing = h * 0.42
        heads.moveTo(x2, y2)
        heads.lineTo(bx - uy * wing, by + ux * wing)
        heads.lineTo(bx + uy * wing, by - ux * wing)
        heads.closePath()
    return [shape for pair in batches.values() for shape in pair]


def _node(d: Drawing, node, to_pt, scale: float) -> None:
    fill, border = NODE_COLORS.get(node.kind, NODE_COLORS["service"])
    x, y = to_pt(node.cx - node.w / 2, node.cy + node.h / 2)
    w, h = node.w * scale, node.h * scale
    radius = (node.h / 2 if node.kind == "segment" else 8) * scale
    d.add(Rect(x, y, w, h, rx=radius, ry=radius, fillColor=HexColor(fill), strokeColor=HexColor(border),
               strokeWidth=max(0.3, 1.4 * scale)))
    size = NODE_FONT * scale
    font = fonts.SANS_BOLD if node.kind in ("segment", "council") else fonts.SANS
    lines = wrap.wrap_lines(node.label or "—", font, size, w - 12 * scale, max_lines=3)
    leading = size * 1.12
    text_h = (len(lines) - 1) * leading + size * 0.72
    d.add(block(x + w / 2, y + h / 2 + text_h / 2 + size * 0.06, lines, font, size, INK, "middle", leading))


def _badge(d: Drawing, edge: Edge, to_pt, scale: float) -> None:
    (x1, y1), (x2, y2) = to_pt(*edge.start), to_pt(*edge.end)
    mx, my = x1 + (x2 - x1) * 0.45, y1 + (y2 - y1) * 0.45
    label = str(edge.number)
    size = 10.5 * scale
    r = max(size * 0.95, fonts.width(label, fonts.SANS_BOLD, size) / 2 + 3 * scale)
    color = HexColor(STATUS_COLORS.get(edge.status, LINK_COLOR))
    d.add(Circle(mx, my, r, fillColor=white, strokeColor=color, strokeWidth=max(0.3, 1.3 * scale)))
    for s in strings(mx, my - size * 0.34, label, fonts.SANS_BOLD, size, MUTED, "middle"):
        d.add(s)
