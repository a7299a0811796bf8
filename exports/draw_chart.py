"""A strategy canvas as a reportlab vector drawing: value curves over the factors, legend, wrapped factor names."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect
from reportlab.lib.colors import HexColor, white

from app import model as m
from exports import fonts, wrap
from exports.i18n import Words
from exports.rl_text import block, drawing, strings
from exports.style import GRID, INK, MUTED, RULE, CurveStyle, curve_styles, safe_hex

DEAR_COLOR = "#B86E00"
DEAR_TINT = "#FFF5E3"


@dataclass
class _Labels:
    """How the factor names are set under the plot."""

    rotated: bool
    size: float
    lines: list[list[str]]
    height: float


def _ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    step = 1.0 if span <= 10 else 10 ** math.floor(math.log10(span / 5))
    while span / step > 10:
        step *= 2 if str(step)[0] == "1" else 2.5
    first = math.ceil(lo / step) * step
    count = int(math.floor((hi - first) / step + 1e-9)) + 1
    return [round(first + i * step, 10) for i in range(count)]


MIN_LABEL = 6.0
"""Points: no factor name is printed smaller."""
HORIZONTAL_FACTORS = 16
"""Up to this many factors the names run across (wrapped, as in the book); more are turned upright."""


def _label_layout(factors: list[m.Factor], cat_w: float, size: float, max_band: float, dear_text: str) -> _Labels:
    names = [f.name or "—" for f in factors]
    dear = any(f.higher_is_costlier for f in factors)
    if cat_w >= size * 5.5 or (len(factors) <= HORIZONTAL_FACTORS and cat_w >= MIN_LABEL * 4.2):
        # as the book draws it: names across, on up to three lines, smaller type before turning them
        limit = cat_w - 5
        chosen = size
        trials = [size * k for k in (1.0, 0.9, 0.8, 0.7) if size * k >= MIN_LABEL] + [max(MIN_LABEL, size * 0.7)]
        for trial in trials:
            chosen = trial
            if all(wrap.fits(n, fonts.SANS, trial, limit, 3) for n in names):
                break
        lines = [wrap.wrap_lines(n, fonts.SANS, chosen, limit, max_lines=3) for n in names]
        small = max(MIN_LABEL, chosen * 0.9)
        dear_lines = min(2, len(wrap.wrap_lines(dear_text, fonts.SANS_ITALIC, small, cat_w - 4))) if dear else 0
        height = max(len(ls) for ls in lines) * chosen * 1.18 + dear_lines * chosen * 1.1 + 8
        return _Labels(False, chosen, lines, height)
    names = [f"{i}. {n}" for i, n in enumerate(names, start=1)]  # dense: numbered as in the factor table
    chosen = max(MIN_LABEL, min(size, cat_w * 0.7))
    per_line = chosen * 1.12
    max_lines = max(1, int((cat_w - 2) // per_line))
    limit = max_band - 8 - (chosen if dear else 0)
    lines = [wrap.wrap_lines(n, fonts.SANS, chosen, limit, max_lines=max_lines) for n in names]
    longest = max(fonts.width(line, fonts.SANS, chosen) for ls in lines for line in ls)
    return _Labels(True, chosen, lines, min(max_band, longest + 10 + (chosen * 1.4 if dear else 0)))


def _legend(
    curves: list[m.Curve], words: Words, width: float, size: float, note: str = ""
) -> tuple[Group, float]:
    """The legend rows (line sample, marker, name, kind) wrapped to `width`; returns it and its height."""
    group = Group()
    row_h = size * 1.9
    items: list[tuple[m.Curve | None, str, float]] = []
    styles = dict(zip((id(c) for c in curves), curve_styles(curves), strict=True))
    for curve in curves:
        label = f"{curve.name or '—'} ({words[curve.kind]})"
        label = wrap.shorten(label, fonts.SANS, size, width * 0.9 - 30)
        items.append((curve, label, 30 + fonts.width(label, fonts.SANS, size) + size * 1.6))
    if note:
        items.append((None, note, fonts.width(note, fonts.SANS, size) + size * 1.6))
    x, row = 0.0, 0
    placed = []
    for c, label, w in items:
        if x > 0 and x + w > width:
            x, row = 0.0, row + 1
        placed.append((c, label, x, row))
        x += w
    rows = row + 1 if items else 0
    for c, label, x, row in placed:
        y = (rows - row - 0.5) * row_h
        if c is None:
            for s in strings(x, y - size * 0.35, label, fonts.SANS, size, DEAR_COLOR):
                group.add(s)
            continue
        color = HexColor(safe_hex(c.color))
        st = styles[id(c)]
        group.add(Line(x, y, x + 24, y, strokeColor=color, strokeWidth=st.width, strokeDashArray=list(st.dash) or None))
        group.add(_marker(st.shape, x + 12, y, st.marker, color))
        for s in strings(x + 30, y - size * 0.35, label, fonts.SANS, size, INK):
            group.add(s)
    return group, rows * row_h


def _marker(shape: str, x: float, y: float, size: float, color: object) -> object:
    """A curve's marker of `shape` (circle, square, diamond, triangle, cross) centred on (x, y)."""
    r = size / 2
    if shape == "square":
        return Rect(x - r, y - r, 2 * r, 2 * r, fillColor=color, strokeColor=white, strokeWidth=0.8)
    if shape == "diamond":
        pts = [x, y + r * 1.25, x + r * 1.25, y, x, y - r * 1.25, x - r * 1.25, y]
        return Polygon(pts, fillColor=color, strokeColor=white, strokeWidth=0.8)
    if shape == "triangle":
        k = r * 1.3
        return Polygon([x, y + k, x + k, y - k * 0.8, x - k, y - k * 0.8], fillColor=color, strokeColor=white,
                       strokeWidth=0.8)
    if shape == "cross":
        k = r * 1.1
        return Group(Line(x - k, y - k, x + k, y + k, strokeColor=color, strokeWidth=max(1.2, r * 0.6)),
                     Line(x - k, y + k, x + k, y - k, strokeColor=color, strokeWidth=max(1.2, r * 0.6)))
    return Circle(x, y, r, fillColor=color, strokeColor=white, strokeWidth=0.9)


def canvas_drawing(
    canvas: m.Canvas,
    words: Words,
    width: float,
    height: float,
    *,
    text_scale: float = 1.0,
    title: str | None = None,
) -> Drawing:
    """The canvas's visible curves over its factors in a drawing of `width` × `height` points."""
    fonts.register()
    d = drawing(width, height)
    size = 8.5 * text_scale
    top = height
    if title:
        lines = wrap.wrap_lines(title, fonts.SANS_BOLD, size * 1.5, width, max_lines=2)
        d.add(block(0, top, lines, fonts.SANS_BOLD, size * 1.5, INK))
        top -= len(lines) * size * 1.8 + size * 0.6
    curves = [c for c in canvas.curves if c.visible]
    factors = canvas.factors
    n = max(1, len(factors))
    lo, hi = (float(canvas.scale[0]), float(canvas.scale[1])) if len(canvas.scale) == 2 else (0.0, 5.0)
    if hi <= lo:
        hi = lo + 1
    ticks = _ticks(lo, hi)
    tick_labels = [words.level(t) for t in ticks]
    left = size * 1.6 + max(fonts.width(t, fonts.SANS, size) for t in tick_labels) + 8
    plot_w = max(10.0, width - left - 6)
    cat_w = plot_w / n
    labels = _label_layout(factors, cat_w, size, max(40.0, top * 0.34), "▲ " + words["dearer"]) if factors else None
    dear = labels is not None and labels.rotated and any(f.higher_is_costlier for f in factors)
    legend, legend_h = _legend(curves, words, width, size, note=f"▲ {words['dearer']}" if dear else "")
    legend.translate(0, top - legend_h)
    d.add(legend)
    top -= legend_h + size * 0.8
    band = labels.height if labels else size * 2
    bottom = band
    plot_h = max(20.0, top - bottom)
    y_of = lambda v: bottom + (float(v) - lo) / (hi - lo) * plot_h  # noqa: E731
    x_of = lambda i: left + (i + 0.5) * cat_w  # noqa: E731
    for i, f in enumerate(factors):  # price-like columns: a warm tint behind the plot
        if f.higher_is_costlier:
            d.add(Rect(left + i * cat_w, bottom, cat_w, plot_h, fillColor=HexColor(DEAR_TINT), strokeColor=None))
    for t, label in zip(ticks, tick_labels, strict=False):
        y = y_of(t)
        d.add(Line(left, y, left + plot_w, y, strokeColor=HexColor(GRID if t != lo else RULE), strokeWidth=0.6))
        for s in strings(left - 5, y - size * 0.33, label, fonts.SANS, size, MUTED, "end"):
            d.add(s)
    for i in range(len(factors)):
        d.add(Line(x_of(i), bottom, x_of(i), bottom + plot_h, strokeColor=HexColor(GRID), strokeWidth=0.4))
    d.add(Line(left, bottom, left, bottom + plot_h, strokeColor=HexColor(RULE), strokeWidth=0.8))
    axis = Group(*strings(0, 0, words["level"], fonts.SANS, size * 0.95, MUTED, "middle"))
    axis.transform = (0, 1, -1, 0, size * 1.0, bottom + plot_h / 2)
    d.add(axis)
    if labels:
        _draw_labels(d, factors, labels, words, x_of, cat_w, bottom)
    for c, st in zip(curves, curve_styles(curves), strict=True):
        _draw_curve(d, c, factors, x_of, y_of, lo, hi, st)
    if not factors:
        for s in strings(left + plot_w / 2, bottom + plot_h / 2, "—", fonts.SANS, size * 2, MUTED, "middle"):
            d.add(s)
    return d


def _draw_labels(d: Drawing, factors: list[m.Factor], labels: _Labels, words: Words, x_of, cat_w, bottom) -> None:
    size = labels.size
    for i, (f, lines) in enumerate(zip(factors, labels.lines, strict=False)):
        x = x_of(i)
        d.add(Line(x, bottom, x, bottom - 3, strokeColor=HexColor(RULE), strokeWidth=0.8))
        if not labels.rotated:
            d.add(block(x, bottom - 6, lines, fonts.SANS, size, INK, "middle", leading=size * 1.18))
            if f.higher_is_costlier:
                y = bottom - 6 - len(lines) * size * 1.18 - size * 0.15
                small = max(MIN_LABEL, size * 0.9)
                dear = wrap.wrap_lines("▲ " + words["dearer"], fonts.SANS_ITALIC, small, cat_w - 4, max_lines=2)
                d.add(block(x, y, dear, fonts.SANS_ITALIC, small, DEAR_COLOR, "middle"))
            continue
        lead = size * 1.12
        top = bottom - 6
        if f.higher_is_costlier:
            for s in strings(x, top - size * 0.8, "▲", fonts.SANS, max(MIN_LABEL, size * 0.8), DEAR_COLOR, "middle"):
                d.add(s)
            top -= size * 1.3
        group = Group()
        for k, line in enumerate(lines):
            for s in strings(0, (len(lines) - 1) * lead / 2 - k * lead, line, fonts.SANS, size, INK, "end"):
                group.add(s)
        group.transform = (0, 1, -1, 0, x + size * 0.35, top)
        d.add(group)


def _draw_curve(d: Drawing, c: m.Curve, factors: list[m.Factor], x_of, y_of, lo: float, hi: float,
                st: CurveStyle) -> None:
    color = HexColor(safe_hex(c.color))
    segment: list[float] = []
    points = []
    for i, f in enumerate(factors):
        level = c.levels.get(f.id)
        if level is None:
            if len(segment) >= 4:
                d.add(_polyline(segment, color, st))
            segment = []
            continue
        v = min(hi, max(lo, float(level)))
        segment += [x_of(i), y_of(v)]
        points.append((x_of(i), y_of(v)))
    if len(segment) >= 4:
        d.add(_polyline(segment, color, st))
    for x, y in points:
        d.add(_marker(st.shape, x, y, st.marker, color))


def _polyline(points: list[float], color: object, st) -> PolyLine:
    return PolyLine(
        points, strokeColor=color, strokeWidth=st.width, strokeDashArray=list(st.dash) or None,
        strokeLineJoin=1, strokeLineCap=1,
    )
