"""The projector theme: white background, large type in PT Sans, thick lines, high contrast, one accent colour."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QFontDatabase, QPainter, QPixmap, QRadialGradient

from app.resources import resource_path
from widgets.base.text_size import text_scale
from widgets.diagram.style import font_family

INK = "#1D2733"
"""Text and strong lines: near-black, softer than pure black on a projector."""
MUTED = "#5B6673"
"""Secondary text (captions, descriptions): still 6:1 on white."""
FAINT = "#9AA3AE"
"""The chrome at the bottom of the screen: there when looked for, not competing with the drawing."""
RULE = "#D9DEE5"
PAPER = "#FFFFFF"
TINT = "#F4F6F8"
"""Cards on the white page."""
ACCENT = "#0072B2"
"""The app's accent (Okabe–Ito blue): captions, the evolutionary goal's rule."""
ERROR = "#C0392B"
WARNING = "#E69F00"
HINT = "#9AA3AE"
SEVERITY_COLORS = {"error": ERROR, "warning": WARNING, "hint": HINT}
PAIN = "#D55E00"
"""Severity dots of pains (vermillion: a pain is a problem of the client's)."""
AMBER = "#E69F00"
"""The timer's last two minutes."""
LATE = "#D55E00"
"""The timer at zero and beyond."""
LASER = "#E8112D"

# Pixel sizes of the type on a 1080-line screen; pages scale them with the screen's height (see `scale_for`).
EYEBROW_PX = 19
TITLE_PX = 46
SUBTITLE_PX = 27
BODY_PX = 27
SMALL_PX = 20
CHART_LABEL_PX = 26
CHART_TICK_PX = 22
LEGEND_PX = 24
DIAGRAM_MAX_ZOOM = 2.2
"""Fitting a diagram to a projector page zooms in up to this far (the editor stops at 1.25)."""
FOCUS_MAX_ZOOM = 1.7
"""Zooming to one team's chain on the promise map goes no further than this."""
MARGIN = 64
"""Pixels of white around a page's content at 1080 lines."""


def scale_for(height: int) -> float:
    """How much to scale the type for a page `height` pixels high (1.0 at 1080 lines; never below 0.6)."""
    return max(0.6, min(2.0, height / 1080.0))


@lru_cache(maxsize=1)
def _register_italics() -> None:
    """PT Sans Italic and Bold Italic (the diagram style registers only the upright faces)."""
    for name in ("PTSans-Italic.ttf", "PTSans-BoldItalic.ttf"):
        path = resource_path("fonts", name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))


def font(px: float, bold: bool = False, italic: bool = False, weight: QFont.Weight | None = None) -> QFont:
    """PT Sans (bundled, Cyrillic included) at `px` pixels times the app's text size."""
    family = font_family()
    if italic:
        _register_italics()
    f = QFont(family) if family else QFont()
    f.setPixelSize(max(1, round(px * text_scale())))  # View ▸ Larger text reaches the projector too
    f.setBold(bold)
    if weight is not None:
        f.setWeight(weight)
    f.setItalic(italic)
    f.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return f


def eyebrow(px: float = EYEBROW_PX) -> QFont:
    """The small spaced capitals above a page's title."""
    f = font(px, bold=True)
    f.setCapitalization(QFont.Capitalization.AllUppercase)
    f.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 112)
    return f


def laser_cursor(size: int = 30) -> QCursor:
    """A red laser dot with a soft glow: the pointer while the drawing is locked."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(size / 2, size / 2)
    glow = QRadialGradient(centre, size / 2)
    red = QColor(LASER)
    glow.setColorAt(0.0, QColor(red.red(), red.green(), red.blue(), 170))
    glow.setColorAt(0.45, QColor(red.red(), red.green(), red.blue(), 70))
    glow.setColorAt(1.0, QColor(red.red(), red.green(), red.blue(), 0))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(glow)
    p.drawEllipse(centre, size / 2, size / 2)
    p.setBrush(red)
    p.drawEllipse(centre, size * 0.16, size * 0.16)
    p.setBrush(QColor(255, 235, 235))
    p.drawEllipse(centre, size * 0.06, size * 0.06)
    p.end()
    return QCursor(pixmap, size // 2, size // 2)


CHROME_STYLE = f"""
#presentationFooter {{ background: {PAPER}; }}
#presentationFooter QLabel {{ color: {FAINT}; }}
#presentationFooter QToolButton {{ color: {FAINT}; background: transparent; border: 1px solid transparent;
                                   border-radius: 6px; padding: 3px 10px; }}
#presentationFooter QToolButton:hover {{ color: {INK}; border-color: {RULE}; }}
#presentationFooter QToolButton:checked {{ color: {LASER}; border-color: {LASER}; }}
"""
