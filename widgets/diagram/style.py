"""How diagrams look: party kinds (shape, colours, size), edges, fonts and the level-of-detail thresholds."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPainterPath, QPen, QPolygonF

from app.layout_graph import NODE_SIZE
from app.palette import FALLBACK_KIND, KIND_LOOKS, LINK_COLOR, PROBLEM
from app.palette import TEXT_DARK as _TEXT_DARK
from app.resources import resource_path
from widgets.diagram.geometry import outline

# Level of detail = the view's scale (1.0 = 100 %). Below TEXT_LOD a 17 px name would be under 7.5 px: not drawn.
TEXT_LOD = 0.45
"""Names and badge figures are drawn only from this scale up; below it the view draws its batched overview."""
SHAPE_LOD = 0.22
"""Below this scale a node is a plain filled rectangle (its shape is a few pixels anyway)."""
OVERVIEW_SCALE = TEXT_LOD
"""Below this scale the view paints every node and edge in a few batched calls instead of item by item."""

NAME_PIXELS = 17
"""Height of a node's name in scene units (17 px at 100 %: legible on a projector)."""
MAX_NAME_LINES = 2
"""A name wraps on at most this many lines, the last elided; the full name shows on hover."""
GRID = 20.0
"""Snap grid step in scene units."""
SELECTION = QColor("#0072B2")
"""Selection outline (the app's accent colour)."""
HANDLE_RADIUS = 7.0
EDGE_COLOR = QColor(LINK_COLOR)
EDGE_WIDTH = 2.0
ARROW_SIZE = 13.0
MET = QColor("#009E73")
NOT_MET = QColor(PROBLEM)
TEXT_DARK = QColor(_TEXT_DARK)


@dataclass(frozen=True)
class KindStyle:
    """The look of one kind of party: shape name, fill, border, text colour, default size, palette label."""

    shape: str
    fill: str
    border: str
    text: str
    size: tuple[float, float]
    solid: str
    """The colour of the plain rectangle a node becomes when tiny (between fill and border, seen from afar)."""


# Colours and shapes come from app.palette (the exports draw the same); sizes agree with app.layout's NODE_SIZE
# so that the automatic layout leaves room for the drawings.
KIND_STYLES: dict[str, KindStyle] = {
    kind: KindStyle(look.shape, look.fill, look.border, look.text, NODE_SIZE[kind], look.solid)
    for kind, look in KIND_LOOKS.items()
}


def kind_style(kind: str) -> KindStyle:
    """The style of `kind` (an unknown kind looks like a service team)."""
    return KIND_STYLES.get(kind) or KIND_STYLES[FALLBACK_KIND]


@lru_cache(maxsize=64)
def shape_path(shape: str, width: float, height: float) -> QPainterPath:
    """The outline of a node of `shape` centred on (0, 0): shared by every node of that shape and size."""
    rect = QRectF(-width / 2, -height / 2, width, height)
    path = QPainterPath()
    if shape == "ellipse":
        path.addEllipse(rect)
    elif shape == "rounded":
        path.addRoundedRect(rect, 14, 14)
    elif shape in ("hexagon", "octagon"):
        corners = outline(shape, (width, height))
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in corners + corners[:1]]))
    else:
        path.addRect(rect)
    return path


def text_width(shape: str, width: float) -> float:
    """How wide a name may run inside a node of `shape` (an ellipse leaves less room at the sides)."""
    return width * (0.74 if shape == "ellipse" else 0.80 if shape == "hexagon" else 0.86)


class Pens:
    """Pens and brushes made once (making them in every paint() call costs more than the drawing)."""

    def __init__(self) -> None:
        self.fill = {k: QBrush(QColor(s.fill)) for k, s in KIND_STYLES.items()}
        self.border = {k: _pen(QColor(s.border), 2.5) for k, s in KIND_STYLES.items()}
        self.border_color = {k: QColor(s.border) for k, s in KIND_STYLES.items()}
        self.solid = {k: QColor(s.solid) for k, s in KIND_STYLES.items()}
        self.text = {k: QPen(QColor(s.text)) for k, s in KIND_STYLES.items()}
        self.selected = _pen(SELECTION, 4.0)
        self.edge = _line_pen(EDGE_COLOR, EDGE_WIDTH)
        self.edge_brush = QBrush(EDGE_COLOR)
        self.edge_selected = _line_pen(SELECTION, EDGE_WIDTH + 1.5)
        self.selected_brush = QBrush(SELECTION)
        self.badge_pen = _pen(QColor("#5B6673"), 1.2)
        self.badge_brush = QBrush(QColor("#FFFFFF"))
        self.badge_text = QPen(TEXT_DARK)
        self.met = QBrush(MET)
        self.not_met = QBrush(NOT_MET)
        self.white_pen = _pen(QColor("#FFFFFF"), 2.2)
        self.handle_brush = QBrush(QColor("#FFFFFF"))
        self.handle_pen = _pen(SELECTION, 2.0)
        self.no_pen = QPen(Qt.PenStyle.NoPen)


def _pen(color: QColor, width: float) -> QPen:
    pen = QPen(color, width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _line_pen(color: QColor, width: float) -> QPen:
    """A pen for arrows: flat caps (an antialiased line with round caps costs ten times more to draw)."""
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


_pens: Pens | None = None


def pens() -> Pens:
    """The shared pens (made on first use, after the QGuiApplication exists)."""
    global _pens
    if _pens is None:
        _pens = Pens()
    return _pens


_family: str | None = None


def font_family() -> str:
    """PT Sans (bundled with the app, Cyrillic included), registered with Qt once; the default family if missing."""
    global _family
    if _family is None:
        _family = ""
        if "PT Sans" in QFontDatabase.families():
            _family = "PT Sans"
        else:
            for name in ("PTSans-Regular.ttf", "PTSans-Bold.ttf"):
                path = resource_path("fonts", name)
                if path.is_file():
                    font_id = QFontDatabase.addApplicationFont(str(path))
                    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                    _family = _family or (families[0] if families else "")
    return _family


def diagram_font(pixels: float, bold: bool = False) -> QFont:
    """The diagram's font at `pixels` scene units, unhinted so that it scales evenly with the zoom."""
    font = QFont(font_family()) if font_family() else QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
