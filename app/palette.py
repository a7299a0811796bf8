"""The app's colours and looks, one meaning per colour, shared by the screen, the PDF and the slides (no Qt)."""

from __future__ import annotations

from typing import NamedTuple

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
"""Orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple, black."""

ERRC_COLORS: dict[str, str] = {"eliminate": "#D55E00", "reduce": "#E69F00", "raise": "#009E73", "create": "#0072B2"}
"""The ERRC grid: eliminate red, reduce orange, raise green, create blue."""

PROBLEM = "#D55E00"
"""Vermillion: the empowerment warning (a promise without all its authorities and resources) and nothing else."""
HALO = "#F2C1A5"
"""The halo under an unempowered promise: vermillion faded on white, opaque."""
GRANTED = "#009E73"
"""An authority or resource that is granted (bluish green)."""
MISSING = PROBLEM
"""An authority or resource that is missing: the empowerment problem itself."""
TEXT_DARK = "#1D2733"
"""Names on pale fills."""
LINK_COLOR = "#4A5562"
"""The arrows of the structure ("serves")."""


class KindLook(NamedTuple):
    """The look of one kind of party: shape name, fill, border, text colour, the solid colour it shows when tiny."""

    shape: str
    fill: str
    border: str
    text: str
    solid: str


# Okabe–Ito hues the ERRC grid does not use (yellow, sky blue, reddish purple) and slate for the council.
KIND_LOOKS: dict[str, KindLook] = {
    "segment": KindLook("ellipse", "#FBF4B0", "#A08F00", TEXT_DARK, "#DCC624"),
    "client_facing": KindLook("rounded", "#D7ECF9", "#2B86BD", TEXT_DARK, "#56A9DC"),
    "service": KindLook("hexagon", "#F6DCEA", "#B0578A", TEXT_DARK, "#C777A3"),
    "council": KindLook("octagon", "#3B4652", "#1D2733", "#FFFFFF", "#3B4652"),
}
FALLBACK_KIND = "service"


def kind_look(kind: str) -> KindLook:
    """The look of `kind` (an unknown kind looks like a service team)."""
    return KIND_LOOKS.get(kind) or KIND_LOOKS[FALLBACK_KIND]


class StatusLook(NamedTuple):
    """The look of a promise status: colour, dash name, width (scene units), glyph on the arrow, opacity."""

    color: str
    dash: str
    width: float
    glyph: str
    opacity: float = 1.0


# Every status differs in line style as well as colour (readable in greyscale); no status is drawn red.
STATUS_LOOKS: dict[str, StatusLook] = {
    "draft": StatusLook("#7A8591", "dash", 2.2, ""),
    "negotiating": StatusLook("#E69F00", "dashdot", 2.6, ""),
    "accepted": StatusLook("#0072B2", "solid", 2.8, ""),
    "kept": StatusLook("#009E73", "solid", 4.2, "✓"),
    "broken": StatusLook("#CC79A7", "dashdotdot", 3.0, "✕"),
    "retired": StatusLook("#A9B0B8", "dot", 1.6, "", 0.55),
}

DASH_PATTERNS: dict[str, tuple[float, ...]] = {
    "solid": (),
    "dash": (4.0, 2.0),
    "dashdot": (4.0, 2.0, 1.0, 2.0),
    "dashdotdot": (4.0, 2.0, 1.0, 2.0, 1.0, 2.0),
    "dot": (1.0, 2.0),
}
"""Dash patterns in multiples of the line width (Qt's own patterns, so that every backend draws the same)."""


def faded(color: str, opacity: float) -> str:
    """`color` as it looks at `opacity` on white, as an opaque `#RRGGBB`."""
    if opacity >= 1.0:
        return color
    text = color.lstrip("#")
    rgb = [int(text[i:i + 2], 16) for i in (0, 2, 4)]
    return "#{:02X}{:02X}{:02X}".format(*(round(v * opacity + 255 * (1 - opacity)) for v in rgb))


def status_color(status: str, default: str = "#7A8591") -> str:
    """The colour a status is drawn in, faded as on screen (retired), `default` for an unknown status."""
    look = STATUS_LOOKS.get(status)
    return faded(look.color, look.opacity) if look else default
