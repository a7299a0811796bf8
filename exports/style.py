"""Colours and line styles shared by every export: one meaning per colour (Okabe–Ito based)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from app.palette import (
    DASH_PATTERNS,
    ERRC_COLORS,
    GRANTED,
    KIND_LOOKS,
    LINK_COLOR,
    MISSING,
    OKABE_ITO,
    PROBLEM,
    STATUS_LOOKS,
    kind_look,
    status_color,
)

__all__ = ["DASH_PATTERNS", "ERRC_COLORS", "GRANTED", "KIND_LOOKS", "LINK_COLOR", "MISSING", "OKABE_ITO", "PROBLEM",
           "STATUS_LOOKS", "kind_look", "status_color"]

INK = "#1F2430"  # body text
MUTED = "#5B6270"  # captions, axis labels
RULE = "#C9CED6"  # table rules, grid lines
GRID = "#E3E6EB"
PAPER_TINT = "#F4F6F8"  # table header and zebra rows
ACCENT = "#0B4F6C"  # headings and cover band unless the consultant's branding says otherwise

ERRC_TINTS: dict[str, str] = {"eliminate": "#FBE7DC", "reduce": "#FCF0D6", "raise": "#D9F0E8", "create": "#DAE9F4"}

# Node kinds on the two diagrams: (fill, border), as on screen (app.palette).
NODE_COLORS: dict[str, tuple[str, str]] = {kind: (look.fill, look.border) for kind, look in KIND_LOOKS.items()}

STATUS_COLORS: dict[str, str] = {status: status_color(status) for status in STATUS_LOOKS}
STATUS_DASHED = frozenset(s for s, look in STATUS_LOOKS.items() if look.dash != "solid")
SEVERITY_COLORS: dict[str, str] = {"error": "#C0392B", "warning": "#B86E00", "hint": "#5B6270"}


@dataclass(frozen=True)
class CurveStyle:
    """How a value curve is stroked: width in points, dash pattern (empty = solid), marker size and shape."""

    width: float
    dash: tuple[float, ...]
    marker: float
    shape: str = "circle"  # circle, square, diamond, triangle, cross


CURVE_STYLES: dict[str, CurveStyle] = {
    "as_is": CurveStyle(2.0, (), 5.5),
    "to_be": CurveStyle(3.4, (), 7.0),
    "competitor": CurveStyle(1.3, (), 4.5, "square"),
    "alternative": CurveStyle(1.5, (5, 3), 4.5, "diamond"),
}
RIVAL_LOOKS: dict[str, tuple[tuple[tuple[float, ...], str], ...]] = {
    "competitor": (((), "square"), ((6, 2), "triangle"), ((1.5, 2), "cross"), ((6, 2, 1.5, 2), "diamond")),
    "alternative": (((5, 3), "diamond"), ((1.5, 2.5), "triangle"), ((8, 2, 2, 2), "cross")),
}
"""The second, third… competitor or alternative of a canvas: another dash and marker (not colour alone)."""


def curve_style(kind: str, nth: int = 0) -> CurveStyle:
    """The stroke of the `nth` curve of `kind` on a canvas (as-is solid, to-be bold, competitors thinner and
    alternatives dashed, each rival with a dash and marker of its own)."""
    base = CURVE_STYLES.get(kind, CURVE_STYLES["competitor"])
    looks = RIVAL_LOOKS.get(kind)
    if not looks:
        return base
    dash, shape = looks[nth % len(looks)]
    return CurveStyle(base.width, dash, base.marker, shape)


def curve_styles(curves) -> list[CurveStyle]:
    """The style of each curve of a canvas, in order (rivals of one kind told apart by dash and marker)."""
    seen: dict[str, int] = {}
    out = []
    for c in curves:
        out.append(curve_style(c.kind, seen.get(c.kind, 0)))
        seen[c.kind] = seen.get(c.kind, 0) + 1
    return out


def hex_rgb(color: str, default: str = "#0072B2") -> tuple[int, int, int]:
    """`#RRGGBB` as an (r, g, b) triple of 0–255; a malformed colour gives `default`."""
    text = color.strip().lstrip("#") if isinstance(color, str) else ""
    if len(text) != 6:
        text = default.lstrip("#")
    try:
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    except ValueError:
        return hex_rgb(default)


def safe_hex(color: str, default: str = "#0072B2") -> str:
    """`color` normalised to `#RRGGBB` (or `default` if it is not one)."""
    r, g, b = hex_rgb(color, default)
    return f"#{r:02X}{g:02X}{b:02X}"


def _luminance(color: str) -> float:
    """The relative luminance of `#RRGGBB` (WCAG 2)."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = hex_rgb(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(color: str, background: str = "#FFFFFF") -> float:
    """The WCAG contrast ratio of text in `color` on `background` (1 to 21)."""
    a, b = _luminance(color), _luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@functools.lru_cache(maxsize=256)
def readable(color: str, background: str = "#FFFFFF", ratio: float = 4.5) -> str:
    """`color` darkened just enough to reach `ratio` contrast on a light `background` (the same hue: the amber
    of «обсуждается» stays amber, only deeper); a colour that reads already is kept."""
    color = safe_hex(color, INK)
    if contrast(color, background) >= ratio or _luminance(background) < 0.4:
        return color
    r, g, b = hex_rgb(color)
    for step in range(1, 101):
        k = 1 - step / 100
        darker = f"#{round(r * k):02X}{round(g * k):02X}{round(b * k):02X}"
        if contrast(darker, background) >= ratio:
            return darker
    return INK
