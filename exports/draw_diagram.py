"""The structure from the client and the promise map as reportlab vector drawings, fitted to a box."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import FILL_NON_ZERO, Circle, Drawing, Ellipse, Group, Line, Path, Polygon, Rect
from reportlab.lib.colors import HexColor, white

from app import model as m
from app.layout_graph import NODE_SIZE
from app.palette import KindLook
from app.shapes import exit_distance, outline
from exports import fonts, wrap
from exports.geometry import Diagram, Edge, Node, build_diagram
from exports.i18n import Words
from exports.rl_text import block, drawing, strings
from exports.style import DASH_PATTERNS, INK, LINK_COLOR, MUTED, PROBLEM, STATUS_COLORS, STATUS_LOOKS, kind_look

MAX_SCALE = 0.72  # points per scene unit: a small diagram is not blown up to poster size
NODE_FONT = 15.0  # scene units
BADGE_LIMIT = 400  # promise numbers are drawn on the arrows up to this many promises
MIN_TEXT = 6.0  # points: no label is printed smaller (fewer lines instead; numbers left out)
HALO = "#F2C1A5"  # app.palette.HALO: the method-error halo under an arrow, as in the editor
HALO_EXTRA = 9.0  # scene units the halo is wider than its arrow
PROBLEM_GLYPHS = {"unempowered": "!", "from_client": "!", "broken": "✕"}
"""The marker on an arrow with a method error (a vermillion triangle with this glyph)."""


def _arrow(start: tuple[float, float], end: tuple[float, float], color: object, width: float, dash, head: float):
    """A line from start to end with a filled arrowhead at the end (drawing coordinates)."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    head = min(head, length * 0.45)
    bx, by = x2 - ux * head, y2 - uy * head
    group = Group(Line(x1, y1, bx, by, strokeColor=color, strokeWidth=width, strokeDashArray=dash,
                       strokeLineCap=0 if dash else 1))
    wing = head * 0.42
    group.add(Polygon([x2, y2, bx - uy * wing, by + ux * wing, bx + uy * wing, by - ux * wing],
                      fillColor=color, strokeColor=color, strokeWidth=0.1))
    return group


def _legend(words: Words, diagram: Diagram, width: float, size: float) -> tuple[Group, float]:
    items: list[tuple[str, str]] = []
    kinds = {n.kind for n in diagram.nodes.values()}
    for kind in ("segment", "client_facing", "service", "council"):
        if kind in kinds:
            items.append(("box", kind))
    if diagram.name == "promises":
        present = {e.status for e in diagram.edges}
        items += [("status", s) for s in (*m.PROMISE_STATUSES, "mixed") if s in present]
        problems = {e.problem for e in diagram.edges}
        items += [("problem", p) for p in PROBLEM_GLYPHS if p in problems]
    elif diagram.edges:
        items.append(("link", ""))  # an arrow has no kind or status of its own
    group = Group()
    x, y, row_h = 0.0, 0.0, size * 1.9
    rows = 1
    previous = "box"
    for what, key in items:
        label = words["serves"] if what == "link" else words[f"err_{key}"] if what == "problem" else words[key]
        w = 26 + fonts.width(label, fonts.SANS, size) + size * 1.5
        new_kind = previous == "box" and what != "box"  # arrows start a row of their own
        previous = what
        if x > 0 and (x + w > width or new_kind):
            x, y, rows = 0.0, y - row_h, rows + 1
        if what == "box":
            group.add(_shape(kind_look(key), x + 10, y + size * 0.1, 20, size * 1.1, 0.8, 20 * 0.07))
        elif what == "problem":
            group.add(Line(x, y + size * 0.1, x + 20, y + size * 0.1, strokeColor=HexColor(HALO),
                           strokeWidth=size * 0.7, strokeLineCap=1))
            group.add(_marker(x + 10, y + size * 0.1, size * 1.25, PROBLEM_GLYPHS[key]))
        else:
            color = HexColor(STATUS_COLORS.get(key, LINK_COLOR) if what == "status" else LINK_COLOR)
            look = STATUS_LOOKS.get(key) if what == "status" else None
            stroke = look.width * 0.5 if look else 1.1
            dash = _dash(look.dash, stroke) if look else None
            group.add(_arrow((x, y + size * 0.1), (x + 20, y + size * 0.1), color, stroke, dash, 6))
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
    built: Diagram | None = None,
) -> Drawing:
    """The diagram `name` ("structure" or "promises") scaled to fit `width` × at most `height` points
    (`built`: its geometry when the caller has it already, e.g. a drawing laid out twice)."""
    fonts.register()
    diagram = built or build_diagram(workshop, name)
    size = 8.5 * text_scale
    legend, legend_h = _legend(words, diagram, width, size)
    left, top, right, bottom = _bounds(diagram)
    pad = 14.0  # scene units of air around the nodes (arrowheads, badges)
    bw, bh = right - left + 2 * pad, bottom - top + 2 * pad
    avail_h = max(20.0, height - legend_h - size)
    scale = min(width / bw, avail_h / bh, max_scale)
    draw_h = min(height, bh * scale + legend_h + size)
    d = drawing(width, draw_h)
    ox = (width - bw * scale) / 2
    oy = draw_h - (bh * scale)
    to_pt = lambda x, y: (ox + (x - left + pad) * scale, oy + (bottom + pad - y) * scale)  # noqa: E731
    badges = diagram.name == "promises" and len(diagram.edges) <= BADGE_LIMIT and scale >= 0.3
    for shape in _edges(diagram.edges, diagram.nodes, to_pt, scale):
        d.add(shape)
    for node in diagram.nodes.values():
        _node(d, node, to_pt, scale)
    for edge in diagram.edges:
        if badges and edge.number:
            _badge(d, edge, to_pt, scale)
        if edge.problem in PROBLEM_GLYPHS:
            (x1, y1), (x2, y2) = to_pt(*edge.start), to_pt(*edge.end)
            d.add(_marker(x1 + (x2 - x1) * 0.5, y1 + (y2 - y1) * 0.5, max(12.0, 24 * scale),
                          PROBLEM_GLYPHS[edge.problem]))
    d.add(legend)
    return d


def _size(node: Node) -> tuple[float, float]:
    """A node's (width, height) as on screen (by kind)."""
    return NODE_SIZE.get(node.kind, NODE_SIZE["service"])


def _bounds(diagram: Diagram) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) around every node drawn at its on-screen size."""
    if not diagram.nodes:
        return diagram.bounds
    boxes = [(n.cx, n.cy, *_size(n)) for n in diagram.nodes.values()]
    return (min(x - w / 2 for x, _y, w, _h in boxes), min(y - h / 2 for _x, y, _w, h in boxes),
            max(x + w / 2 for x, _y, w, _h in boxes), max(y + h / 2 for _x, y, _w, h in boxes))


def _outline(shape: str, w: float, h: float) -> list[tuple[float, float]]:
    """The corners of a node's shape centred on (0, 0) (as on screen; ellipses as 36-gons)."""
    if shape == "ellipse":
        hw, hh = w / 2, h / 2
        return [(hw * math.cos(a * math.pi / 18), hh * math.sin(a * math.pi / 18)) for a in range(36)]
    return outline(shape, (w, h))


def _clipped(edge: Edge, nodes: dict[str, Node], gap: float = 2.0) -> tuple[tuple[float, float], ...]:
    """The edge's ends moved onto the outlines of its nodes' on-screen shapes (scene units)."""
    (x1, y1), (x2, y2) = edge.start, edge.end
    a, b = nodes.get(edge.source), nodes.get(edge.target)
    length = math.hypot(x2 - x1, y2 - y1)
    if a is None or b is None or length < 1e-6:
        return edge.start, edge.end
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    ends = []
    for node, sign in ((a, 1.0), (b, -1.0)):
        along = (node.cx - x1) * ux + (node.cy - y1) * uy
        px, py = x1 + along * ux - node.cx, y1 + along * uy - node.cy  # the line's point nearest the centre
        t = exit_distance(_outline(kind_look(node.kind).shape, *_size(node)), px, py, sign * ux, sign * uy) + gap
        ends.append((node.cx + px + sign * ux * t, node.cy + py + sign * uy * t))
    (sx, sy), (ex, ey) = ends
    if (ex - sx) * ux + (ey - sy) * uy <= 1.0:  # overlapping nodes: keep the box-clipped ends
        return edge.start, edge.end
    return ends[0], ends[1]


def _dash(name: str, width: float) -> list[float] | None:
    """A reportlab dash array for a dash name of app.palette at line `width` (None = solid)."""
    pattern = DASH_PATTERNS.get(name, ())
    return [v * width for v in pattern] or None


def _edges(edges: list[Edge], nodes: dict[str, Node], to_pt, scale: float) -> list[Path]:
    """All arrows, batched into one stroked path and one filled path of heads per status (link = no status)."""
    head = max(2.0, 13 * scale)
    batches: dict[str, tuple[Path, Path]] = {}
    halos = Path(strokeColor=HexColor(HALO), strokeWidth=max(2.0, (2.8 + HALO_EXTRA) * scale), fillColor=None,
                 strokeLineCap=1, strokeLineJoin=1)
    for edge in edges:
        key = edge.status if edge.status in STATUS_LOOKS else ""
        if key not in batches:
            look = STATUS_LOOKS.get(key)
            rgb = HexColor(STATUS_COLORS[key] if look else LINK_COLOR)
            width = max(0.3, (look.width if look else 2.0) * scale)
            dash = _dash(look.dash, width) if look else None
            batches[key] = (
                Path(strokeColor=rgb, strokeWidth=width, strokeDashArray=dash, fillColor=None,
                     strokeLineCap=0 if dash else 1),
                Path(fillColor=rgb, strokeColor=None, fillMode=FILL_NON_ZERO),
            )
        lines, heads = batches[key]
        start, end = _clipped(edge, nodes)
        (x1, y1), (x2, y2) = to_pt(*start), to_pt(*end)
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        h = min(head, length * 0.45)
        bx, by = x2 - ux * h, y2 - uy * h
        lines.moveTo(x1, y1)
        lines.lineTo(bx, by)
        if edge.problem:
            halos.moveTo(x1, y1)
            halos.lineTo(x2, y2)
        wing = h * 0.42
        heads.moveTo(x2, y2)
        heads.lineTo(bx - uy * wing, by + ux * wing)
        heads.lineTo(bx + uy * wing, by - ux * wing)
        heads.closePath()
    shapes = [shape for pair in batches.values() for shape in pair]
    return ([halos] if halos.points else []) + shapes


def _marker(cx: float, cy: float, side: float, glyph: str) -> Group:
    """The method-error marker: a vermillion triangle with a white glyph, centred on (cx, cy)."""
    h = side * 0.87
    group = Group(Polygon([cx - side / 2, cy - h / 3, cx + side / 2, cy - h / 3, cx, cy + 2 * h / 3],
                          fillColor=HexColor(PROBLEM), strokeColor=white, strokeWidth=max(0.4, side * 0.06),
                          strokeLineJoin=1))
    size = max(MIN_TEXT, side * 0.55)
    for part in strings(cx, cy - h / 3 + side * 0.1, glyph, fonts.SANS_BOLD, size, "#FFFFFF", "middle"):
        group.add(part)
    return group


def _shape(look: KindLook, cx: float, cy: float, w: float, h: float, stroke: float, radius: float):
    """A node's shape of `look` centred on (cx, cy) in drawing coordinates (y up), `w` × `h` points."""
    style = {"fillColor": HexColor(look.fill), "strokeColor": HexColor(look.border), "strokeWidth": stroke}
    if look.shape == "ellipse":
        return Ellipse(cx, cy, w / 2, h / 2, **style)
    if look.shape in ("hexagon", "octagon"):
        corners = _outline(look.shape, w, h)
        return Polygon([v for x, y in corners for v in (cx + x, cy - y)], strokeLineJoin=1, **style)
    return Rect(cx - w / 2, cy - h / 2, w, h, rx=radius, ry=radius, **style)


def _node(d: Drawing, node: Node, to_pt, scale: float) -> None:
    look = kind_look(node.kind)
    nw, nh = _size(node)
    cx, cy = to_pt(node.cx, node.cy)
    w, h = nw * scale, nh * scale
    if look.shape in ("hexagon", "octagon"):
        corners = _outline(look.shape, nw, nh)
        d.add(Polygon([v for x, y in corners for v in (cx + x * scale, cy - y * scale)], fillColor=HexColor(look.fill),
                      strokeColor=HexColor(look.border), strokeWidth=max(0.3, 2.5 * scale), strokeLineJoin=1))
    else:
        d.add(_shape(look, cx, cy, w, h, max(0.3, 2.5 * scale), 14 * scale))
    size = max(MIN_TEXT, NODE_FONT * scale)
    font = fonts.SANS_BOLD if node.kind in ("segment", "council") else fonts.SANS
    room = w * (0.74 if look.shape == "ellipse" else 0.80 if look.shape == "hexagon" else 0.86)
    fit = max(1, min(3, int((h * 0.9) // (size * 1.12))))  # at the floor size, as many lines as the box holds
    lines = wrap.wrap_lines(node.label or "—", font, size, room, max_lines=fit)
    leading = size * 1.12
    text_h = (len(lines) - 1) * leading + size * 0.72
    d.add(block(cx, cy + text_h / 2 + size * 0.06, lines, font, size, look.text, "middle", leading))


def _badge(d: Drawing, edge: Edge, to_pt, scale: float) -> None:
    (x1, y1), (x2, y2) = to_pt(*edge.start), to_pt(*edge.end)
    mx, my = x1 + (x2 - x1) * 0.36, y1 + (y2 - y1) * 0.36
    label = str(edge.number)
    size = max(MIN_TEXT, 10.5 * scale)
    r = max(size * 0.95, fonts.width(label, fonts.SANS_BOLD, size) / 2 + size * 0.3)
    color = HexColor(STATUS_COLORS.get(edge.status, LINK_COLOR))
    d.add(Circle(mx, my, r, fillColor=white, strokeColor=color, strokeWidth=max(0.3, 1.3 * scale)))
    for s in strings(mx, my - size * 0.34, label, fonts.SANS_BOLD, size, MUTED, "middle"):
        d.add(s)
