"""Drawing a zoomed-out diagram's bundles (widgets.diagram.bundles): thick where many lines run, «×N» labels, a note.

A bundle is one line from the mean of its members' starts to the mean of their ends, as wide as the log of its
count, in its dominant colour, over a red halo when some of its members have a problem. Labels go at the middle of
the bundles long enough on screen, the biggest first, none on top of another. The note in the lower left corner
says what the picture is.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

import numpy as np
from PySide6.QtCore import QLineF, QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen, QTransform

from widgets.diagram.bundles import Bundles
from widgets.diagram.style import diagram_font

MAX_WIDTH = 12.0
"""The widest bundle in screen pixels."""
HALO_EXTRA = 4.0
"""How much wider than its bundle the red halo of a bundle of problems only is, in screen pixels (2 at the
least, more as the share of problems grows)."""
MINOR_SHARE = 0.03
"""Bundles of fewer lines than this share of the biggest one are drawn as hairlines: the eye goes to the flows."""
HAIRLINE_OPACITY = 0.3
"""The small bundles' hairlines are their colour washed out this far (a faint texture under the flows)."""
SMOOTH_PIXELS = 500_000
"""The biggest bundles are antialiased up to about this many pixels of stroke (some 7 ms); the rest are hairlines."""
LABEL_MIN_PIXELS = 90.0
"""A bundle gets its «×N» label only when it is at least this long on screen."""
MAX_LABELS = 40
"""At most this many labels (the biggest bundles first)."""
LABEL_FONT = 11


def biggest(bundles: Bundles, faded: int | None) -> float:
    """The count of the biggest bundle not in the `faded` group (of all when none is faded)."""
    counts = bundles.count[bundles.group != faded] if faded is not None else bundles.count
    return float(counts.max()) if len(counts) else 0.0


def bundle_widths(count: np.ndarray) -> np.ndarray:
    """Each bundle's width in screen pixels: 1.2 for one line, growing with the log of the count up to MAX_WIDTH
    for the biggest (on the square of the log's share: the big flows stand out from the middling ones)."""
    count = np.maximum(count, 1.0)
    top = math.log(max(float(count.max()), 2.0)) if len(count) else 1.0
    return 1.2 + (MAX_WIDTH - 1.2) * (np.log(count) / top) ** 2


def draw_bundles(painter: QPainter, bundles: Bundles, colours: Sequence[QColor], *, halo: QColor | None = None,
                 faded: int | None = None, faded_opacity: float = 0.3, area: QRectF | None = None) -> int:
    """The bundles (painter set to scene units; `area` the part in view), in a batch per colour and width.

    The biggest bundles (MINOR_SHARE of the biggest one or more) are drawn smooth, up to SMOOTH_PIXELS of stroke
    on screen, over a red halo as wide as their share of problems; the rest, the small ones, as hairlines in their
    colour washed out (what the eye reads first are the big flows); the `faded` group's washed out to
    `faded_opacity`. Returns how many lines were stroked. Opaque colours, flat caps and lines cut to `area`:
    translucent, round-capped or long wide lines cost Qt's raster engine ten to fifty times more."""
    ends, shown = clipped(bundles, area)
    index = np.nonzero(shown)[0]
    if not len(index):
        return 0
    scale = max(abs(painter.transform().m11()), 1e-9)
    dim = bundles.group == faded if faded is not None else np.zeros(len(bundles), dtype=bool)
    widths = np.zeros(len(bundles))
    for part in (dim, ~dim):  # those in focus as wide as their own biggest: the chain stands out
        if part.any():
            widths[part] = np.round(bundle_widths(bundles.count[part]) * 2) / 2  # half-pixel steps: few batches
    share = np.clip(bundles.problems / np.maximum(bundles.count, 1), 0, 1)
    halos = np.where((bundles.problems > 0) & ~dim & (halo is not None), widths + 2 + HALO_EXTRA * share, 0.0)
    pixels = np.hypot(ends[:, 2] - ends[:, 0], ends[:, 3] - ends[:, 1]) * scale * np.maximum(widths, halos)
    order = index[np.argsort(-bundles.count[index], kind="stable")]
    smooth = np.zeros(len(bundles), dtype=bool)
    smooth[order[np.cumsum(pixels[order]) <= SMOOTH_PIXELS]] = True
    smooth &= bundles.count >= MINOR_SHARE * biggest(bundles, faded)
    smooth[order[0]] = True
    lines = [QLineF(*row) for row in ends.tolist()]
    palette = [*colours, *(washed(c, faded_opacity) for c in colours), *(washed(c, HAIRLINE_OPACITY) for c in colours)]
    shade = np.where(dim, len(colours), np.where(smooth, 0, 2 * len(colours))) + bundles.colour
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    rough = shown & ~smooth
    _stroke(painter, lines, rough, np.ones(len(bundles)), palette, shade)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if halo is not None:
        _stroke(painter, lines, smooth & (halos > 0), np.round(halos * 2) / 2, [halo],
                np.zeros(len(bundles), dtype=np.int64))
    _stroke(painter, lines, smooth, widths, palette, shade)
    painter.restore()
    return len(index)


def clipped(bundles: Bundles, area: QRectF | None) -> tuple[np.ndarray, np.ndarray]:
    """The bundles' ends (n × 4) cut to `area`, and which of them reach it at all (Liang–Barsky, vectorised)."""
    x1, y1, x2, y2 = bundles.x1, bundles.y1, bundles.x2, bundles.y2
    if area is None:
        return np.stack([x1, y1, x2, y2], axis=1), np.ones(len(x1), dtype=bool)
    dx, dy = x2 - x1, y2 - y1
    start, end = np.zeros(len(x1)), np.ones(len(x1))
    shown = np.ones(len(x1), dtype=bool)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-dx, x1 - area.left()), (dx, area.right() - x1), (-dy, y1 - area.top()),
                     (dy, area.bottom() - y1)):
            ratio = q / p
            start = np.where(p < 0, np.maximum(start, ratio), start)
            end = np.where(p > 0, np.minimum(end, ratio), end)
            shown &= ~((p == 0) & (q < 0))
    shown &= start <= end
    return np.stack([x1 + start * dx, y1 + start * dy, x1 + end * dx, y1 + end * dy], axis=1), shown


def washed(colour: QColor, opacity: float) -> QColor:
    """`colour` as if drawn at `opacity` on white (opaque: cheap to stroke)."""
    return QColor.fromRgbF(*(1 - opacity + opacity * c for c in (colour.redF(), colour.greenF(), colour.blueF())))


def _stroke(painter: QPainter, lines: list[QLineF], chosen: np.ndarray, widths: np.ndarray,
            colours: Sequence[QColor], codes: np.ndarray) -> int:
    """Stroke the chosen lines in one batch per (width, colour), widest first."""
    index = np.nonzero(chosen)[0]
    if not len(index):
        return 0
    batches: dict[tuple[float, int], list[QLineF]] = {}
    for i, width, code in zip(index.tolist(), widths[index].tolist(), codes[index].tolist(), strict=True):
        batches.setdefault((-width, code), []).append(lines[i])
    for (negative_width, code), batch in sorted(batches.items()):
        pen = QPen(colours[code], -negative_width)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLines(batch)
    return len(index)


def draw_bundle_labels(painter: QPainter, bundles: Bundles, t: QTransform, area: QRectF,
                       colours: Sequence[QColor], faded: int | None = None) -> int:
    """«×N» at the middle of the bundles of more than one, not minor, long enough on screen, in viewport pixels
    (painter in any state: it is reset here); a label that would overlap one already placed is skipped. Returns
    how many labels were drawn."""
    if not len(bundles):
        return 0
    scale = abs(t.m11())
    mid_x = (bundles.x1 + bundles.x2) / 2 * t.m11() + t.dx()
    mid_y = (bundles.y1 + bundles.y2) / 2 * t.m22() + t.dy()
    wanted = (bundles.count > 1) & (bundles.count >= MINOR_SHARE * biggest(bundles, faded)) \
        & (bundles.lengths() * scale >= LABEL_MIN_PIXELS) \
        & (mid_x >= area.left()) & (mid_x <= area.right()) & (mid_y >= area.top()) & (mid_y <= area.bottom())
    if faded is not None:
        wanted &= bundles.group != faded
    index = np.nonzero(wanted)[0]
    if not len(index):
        return 0
    index = index[np.argsort(-bundles.count[index], kind="stable")]
    painter.save()
    painter.resetTransform()
    painter.setOpacity(1.0)
    locale = QLocale()
    placed: list[QRectF] = []
    for i in index.tolist():
        colour = colours[int(bundles.colour[i])]
        image = label_image("×" + locale.toString(int(round(bundles.count[i]))), colour.rgba())
        size = image.deviceIndependentSize()
        box = QRectF(mid_x[i] - size.width() / 2, mid_y[i] - size.height() / 2, size.width(), size.height())
        if any(box.intersects(other) for other in placed):
            continue
        placed.append(box.adjusted(-3, -3, 3, 3))
        painter.drawImage(box.topLeft(), image)
        if len(placed) >= MAX_LABELS:
            break
    painter.restore()
    return len(placed)


@lru_cache(maxsize=512)
def label_image(text: str, rgba: int) -> QImage:
    """A «×N» label: dark text in a white pill outlined in the bundle's colour (drawn once, then copied)."""
    font = diagram_font(LABEL_FONT)
    font.setBold(True)
    metrics = QFontMetricsF(font)
    width, height = metrics.horizontalAdvance(text) + 10, metrics.height() + 4
    ratio = 2.0  # sharp on a high-density screen too
    image = QImage(round((width + 2) * ratio), round((height + 2) * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    box = QRectF(1, 1, width, height)
    painter.setPen(QPen(QColor.fromRgba(rgba), 1.5))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(box, height / 2, height / 2)
    painter.setPen(QColor("#1D2733"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def draw_note(painter: QPainter, text: str, height: int) -> None:
    """A dark note in the lower left corner of a view (painter in viewport pixels)."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(diagram_font(13))
    width = painter.fontMetrics().horizontalAdvance(text) + 24
    box = QRectF(12, height - 44, width, 30)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(29, 39, 51, 215))
    painter.drawRoundedRect(box, 6, 6)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)


def draw_corner_note(painter: QPainter, text: str, height: int) -> None:
    """The note drawn whatever the painter's transform (it is put back afterwards)."""
    painter.save()
    painter.resetTransform()
    painter.setOpacity(1.0)
    draw_note(painter, text, height)
    painter.restore()
