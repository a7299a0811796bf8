"""The chart's axes: factor names set to stay readable (wrapped, shrunk or slanted, never overlapping), levels."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF, QTransform

from app import model as m
from widgets.base.text_size import text_scale
from widgets.canvas.common import DEAR_COLOR, INK, MUTED, RULE

if TYPE_CHECKING:
    from widgets.canvas.chart import ChartView

MAX_LINES = 3  # a horizontal label wraps to at most this many lines
SLANT_AFTER = 16  # up to this many factors the names stay horizontal (long words broken with a hyphen)
SLANT = 45.0  # degrees of a slanted label
_SIN = math.sin(math.radians(SLANT))
PAD_TOP = 7  # between the axis line and the labels
PAD_BOTTOM = 6


def tr(text: str) -> str:
    """Translate a string of the chart's axes."""
    return QCoreApplication.translate("CanvasChart", text)


class Metrics:
    """QFontMetricsF that remembers text widths: the labels are laid out again on every resize."""

    _widths: dict[tuple[str, str], float] = {}

    def __init__(self, font: QFont) -> None:
        self.fm = QFontMetricsF(font)
        self.key = font.key()

    def horizontalAdvance(self, text: str) -> float:  # noqa: N802 - the name QFontMetricsF uses
        """The width of `text` in pixels."""
        key = (self.key, text)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 50_000:
                self._widths.clear()
            width = self._widths[key] = self.fm.horizontalAdvance(text)
        return width

    def elidedText(self, text: str, mode: Qt.TextElideMode, width: float) -> str:  # noqa: N802
        """`text` shortened with "…" to fit `width`."""
        return self.fm.elidedText(text, mode, width)

    def lineSpacing(self) -> float:  # noqa: N802 - the name QFontMetricsF uses
        """Pixels from one baseline to the next."""
        return self.fm.lineSpacing()


def wrap_words(text: str, fm: Metrics, limit: float) -> list[str] | None:
    """`text` broken at spaces (and after hyphens) into lines no wider than `limit`; None when a word is wider."""
    words: list[str] = []
    for word in text.split():
        parts = word.split("-")
        words += [p + "-" for p in parts[:-1]] + [parts[-1]] if len(parts) > 1 else [word]
    words = [w for w in words if w]
    lines: list[str] = []
    for word in words:
        if fm.horizontalAdvance(word) > limit:
            return None
        if lines:
            joined = lines[-1] + ("" if lines[-1].endswith("-") else " ") + word
            if fm.horizontalAdvance(joined) <= limit:
                lines[-1] = joined
                continue
        lines.append(word)
    return lines or [""]


def wrap_elided(text: str, fm: Metrics, limit: float, max_lines: int) -> list[str]:
    """`text` wrapped into at most `max_lines` lines of `limit` pixels, the last one elided with "…" if needed."""
    lines: list[str] = []
    rest = " ".join(text.split())
    while rest and len(lines) < max_lines:
        if len(lines) == max_lines - 1 or fm.horizontalAdvance(rest) <= limit:
            lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, limit))
            break
        words = rest.split(" ")
        line = words[0]
        taken = 1
        for word in words[1:]:
            if fm.horizontalAdvance(line + " " + word) > limit:
                break
            line += " " + word
            taken += 1
        if fm.horizontalAdvance(line) > limit:  # one long word: cut it where it stops fitting
            cut = len(line)
            while cut > 1 and fm.horizontalAdvance(line[:cut]) > limit:
                cut -= 1
            lines.append(line[:cut])
            rest = (line[cut:] + " " + " ".join(words[taken:])).strip()
            continue
        lines.append(line)
        rest = " ".join(words[taken:])
    return lines or [""]


def wrap_breaking(text: str, fm: Metrics, limit: float, max_lines: int) -> list[str]:
    """`text` wrapped at spaces into at most `max_lines` lines of `limit` pixels; a word wider than a line is broken
    with a hyphen, and what does not fit ends the last line with "…"."""
    pieces: list[str] = []
    for word in " ".join(text.split()).split(" "):
        while word and fm.horizontalAdvance(word) > limit:
            cut = len(word) - 3  # never leave a letter or two alone on the next line
            while cut > 3 and fm.horizontalAdvance(word[:cut] + "-") > limit:
                cut -= 1
            if cut < 3:
                break
            pieces.append(word[:cut] + "-")
            word = word[cut:]
        if word:
            pieces.append(word)
    lines: list[str] = []
    for piece in pieces:
        if lines and not lines[-1].endswith("-"):
            joined = lines[-1] + " " + piece
            if fm.horizontalAdvance(joined) <= limit:
                lines[-1] = joined
                continue
        lines.append(piece)
    if len(lines) > max_lines:
        rest = " ".join(lines[max_lines - 1:]).replace("- ", "")
        lines = lines[:max_lines - 1] + [fm.elidedText(rest, Qt.TextElideMode.ElideRight, limit)]
    return lines or [""]


def font_px(base: QFont, px: float, bold: bool = False, italic: bool = False) -> QFont:
    """A copy of `base` at `px` pixels."""
    font = QFont(base)
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def text_font(base: QFont, px: float, bold: bool = False, italic: bool = False) -> QFont:
    """A copy of `base` at `px` pixels of the normal text size, times the app's text size (View ▸ Larger text)."""
    return font_px(base, px * text_scale(), bold=bold, italic=italic)


@dataclass
class LabelLayout:
    """How the factor names are set under the plot: font, lines per factor, slanted or not, the band's height."""

    slanted: bool
    font: QFont
    lines: list[list[str]]
    line_height: float
    height: int
    dear_font: QFont
    dear_text: str
    dear_height: float


def layout_labels(names: list[str], dear: list[bool], column: float, base: QFont, max_height: float,
                  base_px: float = 16, min_px: float = 13) -> LabelLayout:
    """Choose how to set `names` in columns `column` pixels wide within `max_height` pixels.

    Horizontal, word-wrapped to three lines, at the largest size from `base_px` down to `min_px` (still readable on
    a projector) where every word fits its column; otherwise slanted at 45° (one line when every name fits, else as
    many lines as the column's slant allows), elided to the height.
    """
    any_dear = any(dear)
    limit = column - 6
    px = base_px
    while px >= min_px:
        font = font_px(base, px)
        fm = Metrics(font_px(base, px, bold=True))  # measured bold: the selected name is set bold and still fits
        wrapped = [wrap_words(n or "—", fm, limit) for n in names]
        if all(w is not None and len(w) <= MAX_LINES for w in wrapped):
            return _horizontal(font, [w for w in wrapped if w is not None], base, px, min_px, limit, any_dear)
        px -= 1
    if len(names) <= SLANT_AFTER:  # few factors: still horizontal, a little smaller, else long words hyphenated
        roomy = column - 4
        for small in (min_px - 1, min_px - 2):
            fm = Metrics(font_px(base, small, bold=True))
            wrapped = [wrap_words(n or "—", fm, roomy) for n in names]
            if all(w is not None and len(w) <= MAX_LINES for w in wrapped):
                return _horizontal(font_px(base, small), [w for w in wrapped if w is not None], base, small, small,
                                   roomy, any_dear)
        fm = Metrics(font_px(base, min_px - 2, bold=True))
        if roomy >= 4 * fm.horizontalAdvance("M"):
            lines = [wrap_breaking(n or "—", fm, roomy, MAX_LINES) for n in names]
            return _horizontal(font_px(base, min_px - 2), lines, base, min_px - 2, min_px - 2, roomy, any_dear)
    # Slanted: parallel bands whose distance is column * sin(45°); fit the lines into that.
    band = max(6.0, column * _SIN - 2)
    top_px = base_px
    while top_px > 7 and Metrics(font_px(base, top_px)).lineSpacing() > band:
        top_px -= 0.5
    texts = [" ".join((n or "—").split()) for n in names]
    px = top_px
    while True:  # the largest size (down to min_px) at which every name fits on one slanted line
        fm = Metrics(font_px(base, px, bold=True))
        lh = fm.lineSpacing()
        dear_font = font_px(base, max(8, px * 0.85), bold=True)
        dear_h = Metrics(dear_font).lineSpacing() if any_dear else 0.0
        room = (max_height - PAD_TOP - PAD_BOTTOM - dear_h) / _SIN
        if all(fm.horizontalAdvance(text) <= room - lh for text in texts) or px - 1 < min(min_px, top_px):
            break
        px -= 1
    if not all(fm.horizontalAdvance(text) <= room - lh for text in texts):
        px = top_px  # some names are too long even small: the full size, wrapped to the lines the slant allows
        fm = Metrics(font_px(base, px, bold=True))
        lh = fm.lineSpacing()
        dear_font = font_px(base, max(8, px * 0.85), bold=True)
        dear_h = Metrics(dear_font).lineSpacing() if any_dear else 0.0
        room = (max_height - PAD_TOP - PAD_BOTTOM - dear_h) / _SIN
    font = font_px(base, px)
    max_lines = max(1, min(2, int(band // lh)))
    one_line = max(40.0, room - lh)  # a name this long stays on one line
    length = max(40.0, room - max_lines * lh)  # longer names wrap to the lines the slant leaves room for
    lines = [[text] if fm.horizontalAdvance(text) <= one_line else wrap_elided(text, fm, length, max_lines)
             for text in texts]
    longest = max((fm.horizontalAdvance(line) for ls in lines for line in ls), default=0.0)
    block = max((len(ls) for ls in lines), default=1) * lh
    height = PAD_TOP + dear_h + (longest + block) * _SIN + PAD_BOTTOM
    return LabelLayout(True, font, lines, lh, math.ceil(height), dear_font, "▲", dear_h)


def _horizontal(font: QFont, lines: list[list[str]], base: QFont, px: float, min_px: float, limit: float,
                any_dear: bool) -> LabelLayout:
    """The layout of horizontal names set in `font`, with the price marks under them."""
    lh = Metrics(font).lineSpacing()
    dear_font = font_px(base, max(min_px, px * 0.8), italic=True)
    dfm = Metrics(dear_font)
    dear_text = "▲ " + tr("higher = dearer")
    if dfm.horizontalAdvance(dear_text) > limit:
        dear_text = "▲ " + tr("dearer")
        if dfm.horizontalAdvance(dear_text) > limit:
            dear_text = "▲"
    dear_h = dfm.lineSpacing() + 2 if any_dear else 0.0
    height = PAD_TOP + max((len(x) for x in lines), default=1) * lh + dear_h + PAD_BOTTOM
    return LabelLayout(False, font, lines, lh, math.ceil(height), dear_font, dear_text, dear_h)


class FactorAxis(pg.AxisItem):
    """The x axis: one readable name per factor; click selects, double-click renames, a sideways drag reorders."""

    base_px = 16.0
    """The names' size in pixels where they fit straight."""
    min_px = 13.0
    """The smallest size they are set in before they wrap or slant."""

    def __init__(self, chart: ChartView) -> None:
        super().__init__("bottom", pen=pg.mkPen(RULE), textPen=pg.mkPen(INK), maxTickLength=0)
        self.chart = chart
        self.factors: list[m.Factor] = []
        self.layout: LabelLayout | None = None
        self.selected: str | None = None
        self.drag_from: int | None = None
        self.drag_x: float | None = None
        self.max_height = 240.0
        self._layout_key: tuple | None = None
        self.setAcceptHoverEvents(True)
        self.setCacheMode(self.CacheMode.DeviceCoordinateCache)
        self.setHeight(40)

    # ------------------------------------------------------------- layout
    def set_factors(self, factors: list[m.Factor]) -> None:
        """Show these factors (in this order); re-lays the labels out if names or price marks changed."""
        self.factors = list(factors)
        self.relayout()

    def column_width(self) -> float:
        """Pixels between two factors on the axis."""
        view = self.linkedView()
        n = max(1, len(self.factors))
        width = view.width() if view is not None else self.width()
        return max(1.0, float(width) / n)

    def relayout(self, force: bool = False) -> None:
        """Lay the labels out again for the current factors, width and height limit."""
        scale = text_scale()
        key = (tuple((f.name, f.higher_is_costlier) for f in self.factors), round(self.column_width(), 1),
               round(self.max_height), self.font().key(), self.base_px, scale)
        if key == self._layout_key and not force and self.layout is not None:
            self.update()
            return
        self._layout_key = key
        self.layout = layout_labels([f.name for f in self.factors], [f.higher_is_costlier for f in self.factors],
                                    self.column_width(), self.font(), self.max_height,
                                    base_px=self.base_px * scale, min_px=self.min_px * scale)
        if self.layout.slanted:
            self._keep_on_chart(self.layout)
        if self.layout.height != self.height():
            self.setHeight(self.layout.height)
        self.prepareGeometryChange()
        self.update()

    def _keep_on_chart(self, lay: LabelLayout) -> None:
        """Shorten the first slanted names so that they end before the chart's left edge."""
        fm = Metrics(font_px(lay.font, lay.font.pixelSize(), bold=True))
        for i, lines in enumerate(lay.lines):
            room = self.mapToScene(QPointF(self.x_of(i), 0)).x() - 2
            block = len(lines) * lay.line_height
            limit = room / _SIN - block / 2
            if limit >= max(fm.horizontalAdvance(line) for line in lines):
                if room / _SIN > 2 * self.height():
                    break  # every later label has more room
                continue
            name = self.factors[i].name or "—"
            lay.lines[i] = wrap_elided(name, fm, max(12.0, limit), len(lines))

    def resizeEvent(self, ev=None) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        if getattr(self, "factors", None):  # pyqtgraph resizes the axis inside its own __init__
            self.relayout()

    def x_of(self, index: float) -> float:
        """The axis's own x of factor position `index`."""
        view = self.linkedView()
        if view is None:
            return 0.0
        scene = view.mapViewToScene(QPointF(index, 0))
        return self.mapFromScene(scene).x()

    def index_at(self, x: float) -> int | None:
        """The factor whose column holds the axis's own x, or None."""
        view = self.linkedView()
        if view is None or not self.factors:
            return None
        pos = view.mapSceneToView(self.mapToScene(QPointF(x, 0))).x()
        i = int(math.floor(pos + 0.5))
        return i if 0 <= i < len(self.factors) else None

    # ---------------------------------------------------------- geometry
    def label_polygons(self) -> list[QPolygonF]:
        """Where each label's text lies, in the axis's coordinates (for tests and hit tests)."""
        lay = self.layout
        if lay is None:
            return []
        bold = QFont(lay.font)
        bold.setBold(True)
        fms = {False: QFontMetricsF(lay.font), True: QFontMetricsF(bold)}
        found = []
        for i, lines in enumerate(lay.lines):
            fm = fms[i < len(self.factors) and self.factors[i].id == self.selected]
            width = max((fm.horizontalAdvance(line) for line in lines), default=0.0)
            block = len(lines) * lay.line_height
            x = self.x_of(i)
            if not lay.slanted:
                found.append(QPolygonF(QRectF(x - width / 2, PAD_TOP, width, block)))
            else:
                found.append(self._slant_transform(x).map(QPolygonF(QRectF(-width, -block / 2, width, block))))
        return found

    def label_at(self, pos: QPointF) -> int | None:
        """The factor whose drawn name is under `pos` (the axis's own coordinates), or None.

        Horizontal names stand in their own columns; slanted names reach under their neighbours' columns, so the
        hit follows the slanted text itself (a few pixels around it), and the column only on the strip above them.
        """
        lay = self.layout
        if lay is None or not self.factors:
            return None
        if not lay.slanted:
            return self.index_at(pos.x()) if 0 <= pos.y() <= self.height() else None
        polygons = self.label_polygons()
        slack = (QPointF(0, 0), QPointF(3, 0), QPointF(-3, 0), QPointF(0, 3), QPointF(0, -3))
        for i, polygon in enumerate(polygons):
            if any(polygon.containsPoint(pos + d, Qt.FillRule.OddEvenFill) for d in slack):
                return i
        return self.index_at(pos.x()) if pos.y() <= PAD_TOP + 2 else None

    def _slant_transform(self, x: float) -> QTransform:
        lay = self.layout
        assert lay is not None
        block = max((len(ls) for ls in lay.lines), default=1) * lay.line_height
        top = PAD_TOP + lay.dear_height + block / 2 * _SIN + 1
        t = QTransform()
        t.translate(x, top)
        t.rotate(-SLANT)
        return t

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        rect = QRectF(0, 0, self.width(), self.height())
        if self.layout is not None and self.layout.slanted:  # slanted names reach left of the first column
            rect.setLeft(-self.height())
        return rect

    def shape(self) -> QPainterPath:
        """Where clicks land: the whole drawn area, with slanted names reaching left of the first column."""
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    # ------------------------------------------------------------ paint
    def paint(self, p: QPainter, opt, widget) -> None:  # noqa: ANN001 - Qt override
        lay = self.layout
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(0, 0.5), QPointF(self.width(), 0.5))
        if lay is None or not self.factors:
            return
        order = list(range(len(self.factors)))
        for i in order:
            if i == self.drag_from and self.drag_x is not None:
                continue
            self._paint_label(p, i, self.x_of(i), lay, ghost=False)
        if self.drag_from is not None and self.drag_x is not None:
            target = self.drop_index()
            caret = self.x_of(target - 0.5 if target <= self.drag_from else target + 0.5)
            p.setPen(QPen(QColor(INK), 2))
            p.drawLine(QPointF(caret, 1), QPointF(caret, self.height() - 2))
            self._paint_label(p, self.drag_from, self.drag_x, lay, ghost=True)

    def _paint_label(self, p: QPainter, i: int, x: float, lay: LabelLayout, ghost: bool) -> None:
        factor = self.factors[i]
        selected = factor.id == self.selected
        font = QFont(lay.font)
        font.setBold(selected)
        p.setFont(font)
        fm = QFontMetricsF(font)
        color = QColor(INK)
        if ghost:
            color.setAlpha(150)
        p.setPen(QPen(QColor(RULE), 1))
        p.drawLine(QPointF(x, 0), QPointF(x, 4))
        lines = lay.lines[i]
        if not lay.slanted:
            y = PAD_TOP
            width = self.column_width() - 4
            if selected:
                block = QRectF(x - width / 2, y - 3, width, len(lines) * lay.line_height + 6)
                p.fillRect(block, QColor("#E4EEF8"))
            p.setPen(color)
            for line in lines:
                p.drawText(QRectF(x - width / 2, y, width, lay.line_height), Qt.AlignmentFlag.AlignHCenter, line)
                y += lay.line_height
            if factor.higher_is_costlier:
                p.setFont(lay.dear_font)
                p.setPen(QColor(DEAR_COLOR))
                p.drawText(QRectF(x - width / 2, y + 2, width, lay.dear_height), Qt.AlignmentFlag.AlignHCenter,
                           lay.dear_text)
            return
        if factor.higher_is_costlier:
            p.setFont(lay.dear_font)
            p.setPen(QColor(DEAR_COLOR))
            p.drawText(QRectF(x - 20, PAD_TOP - 2, 40, lay.dear_height), Qt.AlignmentFlag.AlignHCenter,
                       lay.dear_text)
            p.setFont(font)
        p.save()
        p.setTransform(self._slant_transform(x), True)
        width = max(fm.horizontalAdvance(line) for line in lines)
        block = len(lines) * lay.line_height
        if selected:
            p.fillRect(QRectF(-width - 4, -block / 2 - 2, width + 8, block + 4), QColor("#E4EEF8"))
        p.setPen(color)
        y = -block / 2
        for line in lines:
            p.drawText(QRectF(-width - 1, y, width + 2, lay.line_height), Qt.AlignmentFlag.AlignRight, line)
            y += lay.line_height
        p.restore()

    # ------------------------------------------------------------ mouse
    def drop_index(self) -> int:
        """Where the factor being dragged would land."""
        view = self.linkedView()
        if view is None or self.drag_x is None:
            return self.drag_from or 0
        pos = view.mapSceneToView(self.mapToScene(QPointF(self.drag_x, 0))).x()
        return max(0, min(len(self.factors) - 1, int(math.floor(pos + 0.5))))

    def mouseClickEvent(self, ev) -> None:  # noqa: ANN001, N802 - pyqtgraph event
        i = self.label_at(ev.pos())
        if i is None or ev.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton):
            ev.ignore()
            return
        ev.accept()
        if ev.button() == Qt.MouseButton.RightButton:
            self.chart.factor_clicked(self.factors[i].id, False)
            self.chart.factor_menu(self.factors[i].id).popup(ev.screenPos().toPoint())
            return
        self.chart.factor_clicked(self.factors[i].id, ev.double())

    def mouseDragEvent(self, ev) -> None:  # noqa: ANN001, N802 - pyqtgraph event
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            i = self.label_at(ev.buttonDownPos())
            if i is None:
                ev.ignore()
                return
            self.drag_from = i
            self.chart.factor_clicked(self.factors[i].id, False)
        if self.drag_from is None:
            ev.ignore()
            return
        ev.accept()
        self.drag_x = ev.pos().x()
        if ev.isFinish():
            source, target = self.drag_from, self.drop_index()
            self.drag_from = self.drag_x = None
            self.update()
            if target != source:
                self.chart.factor_dropped(self.factors[source].id, target)
            return
        self.update()

    def hoverEvent(self, ev) -> None:  # noqa: ANN001, N802 - pyqtgraph event
        if ev.isExit():
            self.setToolTip("")
            return
        i = self.label_at(ev.pos())
        if i is None:
            self.setToolTip("")
            return
        factor = self.factors[i]
        tip = [factor.name]
        if factor.description:
            tip.append(factor.description)
        if factor.higher_is_costlier:
            tip.append(tr("▲ Price-like factor: a higher level means dearer for the buyer."))
        tip.append(tr("Double-click to rename; drag sideways to reorder; right-click for more."))
        self.setToolTip("\n".join(tip))
        ev.acceptClicks(Qt.MouseButton.LeftButton)
        ev.acceptClicks(Qt.MouseButton.RightButton)
        ev.acceptDrags(Qt.MouseButton.LeftButton)

    def label_rect(self, factor_id: str) -> QRectF:
        """The area of one factor's label (for the rename editor), in the axis's coordinates."""
        index = next((i for i, f in enumerate(self.factors) if f.id == factor_id), 0)
        polys = self.label_polygons()
        rect = polys[index].boundingRect() if index < len(polys) else QRectF()
        x = self.x_of(index)
        width = max(150.0, self.column_width())
        return QRectF(x - width / 2, max(0.0, rect.top() - 2), width, 30)


class LevelAxis(pg.AxisItem):
    """The y axis: the scale's whole levels, 0 written as "not offered"."""

    def __init__(self) -> None:
        super().__init__("left", pen=pg.mkPen(RULE), textPen=pg.mkPen(MUTED), maxTickLength=0)
        self.setStyle(tickTextOffset=8, autoExpandTextSpace=True)

    def set_scale(self, low: float, high: float, font: QFont, label_of: Callable[[float], str]) -> None:
        """Ticks at whole levels of [low, high] (every second one beyond 10 steps), in `font`."""
        span = high - low
        step = 1.0 if span <= 10 else 2.0
        ticks = []
        v = low
        while v <= high + 1e-9:
            ticks.append((v, label_of(v)))
            v += step
        self.setTicks([ticks, []])
        self.setStyle(tickFont=font)
        fm = QFontMetricsF(font)
        self.setWidth(int(max(fm.horizontalAdvance(t) for _, t in ticks) + 14))
