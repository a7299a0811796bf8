"""Colours and line styles shared by every export: one meaning per colour (Okabe–Ito based)."""

from __future__ import annotations

from dataclasses import dataclass

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")

INK = "#1F2430"  # body text
MUTED = "#5B6270"  # captions, axis labels
RULE = "#C9CED6"  # table rules, grid lines
GRID = "#E3E6EB"
PAPER_TINT = "#F4F6F8"  # table header and zebra rows
ACCENT = "#0B4F6C"  # headings and cover band unless the consultant's branding says otherwise

ERRC_COLORS: dict[str, str] = {"eliminate": "#D55E00", "reduce": "#E69F00", "raise": "#009E73", "create": "#0072B2"}
ERRC_TINTS: dict[str, str] = {"eliminate": "#FBE7DC", "reduce": "#FCF0D6", "raise": "#D9F0E8", "create": "#DAE9F4"}

# Node kinds on the two diagrams: (fill, border).
NODE_COLORS: dict[str, tuple[str, str]] = {
    "segment": ("#FFF6CC", "#B59A00"),
    "client_facing": ("#D9F0E8", "#00805D"),
    "service": ("#DAE9F4", "#0072B2"),
    "council": ("#F6E3EE", "#A8437E"),
}

STATUS_COLORS: dict[str, str] = {
    "draft": "#8A919C",
    "negotiating": "#E69F00",
    "accepted": "#0072B2",
    "kept": "#009E73",
    "broken": "#D55E00",
    "retired": "#B8BDC5",
}
STATUS_DASHED = frozenset({"draft", "negotiating", "retired"})
LINK_COLOR = "#6B7280"
GRANTED = "#00805D"
MISSING = "#C0392B"
SEVERITY_COLORS: dict[str, str] = {"error": "#C0392B", "warning": "#B86E00", "hint": "#5B6270"}


@dataclass(frozen=True)
class CurveStyle:
    """How a value curve is stroked: width in points, dash pattern (empty = solid), marker size."""

    width: float
    dash: tuple[float, ...]
    marker: float


CURVE_STYLES: dict[str, CurveStyle] = {
    "as_is": CurveStyle(2.0, (), 5.5),
    "to_be": CurveStyle(3.4, (), 7.0),
    "competitor": CurveStyle(1.3, (), 4.5),
    "alternative": CurveStyle(1.5, (5, 3), 4.5),
}


def curve_style(kind: str) -> CurveStyle:
    """The stroke of a curve of `kind` (as-is solid, to-be bold, competitors thinner, alternatives dashed)."""
    return CURVE_STYLES.get(kind, CURVE_STYLES["competitor"])


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
