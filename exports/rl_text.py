"""Text for reportlab drawings: strings split into font runs so that emoji and symbols keep their glyphs."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.colors import HexColor

from exports import fonts


def drawing(width: float, height: float) -> Drawing:
    """An empty drawing whose default font is ours (else reportlab references Helvetica, never embedded)."""
    d = Drawing(width, height)
    d.initialFontName = fonts.SANS
    return d


def strings(
    x: float, y: float, text: str, font: str, size: float, color: str, anchor: str = "start"
) -> list[String]:
    """One String per font run of `text`, with its baseline at y, anchored at x (start, middle or end)."""
    parts = fonts.runs(fonts.clean(text), font)
    widths = [fonts.width(chunk, name, size) for name, chunk in parts]
    total = sum(widths)
    left = x - (total / 2 if anchor == "middle" else total if anchor == "end" else 0.0)
    fill = HexColor(color)
    out = []
    for (name, chunk), w in zip(parts, widths, strict=False):
        out.append(String(left, y, chunk, fontName=name, fontSize=size, fillColor=fill, textAnchor="start"))
        left += w
    return out


def block(
    x: float,
    top: float,
    lines: list[str],
    font: str,
    size: float,
    color: str,
    anchor: str = "start",
    leading: float | None = None,
) -> Group:
    """Lines of text set downwards from `top` (the top of the first line's capitals)."""
    leading = leading or size * 1.2
    group = Group()
    y = top - size * 0.78
    for line in lines:
        for s in strings(x, y, line, font, size, color, anchor):
            group.add(s)
        y -= leading
    return group
