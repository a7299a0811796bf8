"""The lines, heads and tags of a large promise map's arrows, drawn by one layer in batches per look.

From BATCH_PROMISES promises on, an arrow item paints nothing itself (Qt's ItemHasNoContents: Qt does not even call
it): the layer strokes every arrow's legs with a few calls, one per pen (status colour, dash, width,
faded), clipped to what is painted again, then the heads, then the number tags and labels that reach into it. A
repaint along one arrow that changed then costs a few batched calls, not a Python paint per arrow crossing it
(~4,000 at 30,000 promises). The layer lies over the red halos and under the parties; a selected, outlined (the
promise the selected one supports) or dragged arrow paints itself whole, as on a small map. The lines, dashes and
colours are those an arrow paints itself; heads and tags now lie over every line (an arrow painted after another
used to cross its tag), and where lines cross, the faint and thin ones lie under, problems on top.
Items without contents are not repainted by Qt when they change: the arrows ask for their bands themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from widgets.diagram.dashes import dash_measure, hairline_scale
from widgets.diagram.lazy import (
    clip_spans,
    crossing,
    line_pairs,
    lines_path,
    span_ends,
    strip_spans,
)
from widgets.diagram.style import ARROW_SIZE
from widgets.promises.items import (
    DIM_OPACITY,
    HALO_WIDTH,
    LABEL_PIXELS,
    MIN_LABEL_PIXELS,
    TAG_REACH,
    TAG_SPAN_ALONG,
    MapLayer,
    PromiseEdge,
    _repainted,
    visible_rect,
)
from widgets.promises.style import brush, edge_pen, halo_pen

BATCH_PROMISES = 1000
"""From this many promises on, the map's arrows are drawn by the layer (below, each arrow paints itself: the look is
the same, a small map's repaint is cheap either way)."""

BADGES_SPAN = 80.0 + TAG_REACH
"""How far from its centre an arrow's tag reaches without a label (too small to read at the zoom; with one it is
TAG_SPAN_ALONG): a number, a sign, a glyph and a figure's mark."""
LINE_MARGIN = 4.0
"""How far beyond what is painted again a line is cut (scene units, plus two pixels): half the widest arrow and
more, so that its cut end lies outside."""
Key = tuple[bool, bool, str, Qt.PenStyle, float, float]
"""A batch of lines: problem (drawn last, as its arrows lay on top), in focus, colour, dash, width, opacity."""


@dataclass
class _Batch:
    """One pen's arrows, each in a slot: their legs as rows (x1, y1, x2 to the shaft, y2, x2 to the tip, y2 to the
    tip), which slot each row belongs to, each slot's head box and tag centre, and whether its arrow is still here.
    Arrows that join are added at the end and those that leave are marked gone: an edit does not file thousands
    of arrows again."""

    edges: list[PromiseEdge | None]
    index: dict[PromiseEdge, int]
    lines: np.ndarray
    owner: np.ndarray
    heads: np.ndarray
    tags: np.ndarray
    """Each slot's tag centre (x, y)."""
    alive: np.ndarray
    _tag_boxes: np.ndarray | None = None

    @classmethod
    def of(cls, edges: list[PromiseEdge], shapes: list[Shape]) -> _Batch:
        """A batch of `edges` with their shapes."""
        batch = cls([], {}, np.zeros((0, 6)), np.zeros(0, dtype=np.int64), np.zeros((0, 4)), np.zeros((0, 2)),
                    np.zeros(0, dtype=bool))
        batch.take(edges, shapes)
        return batch

    def take(self, edges: list[PromiseEdge], shapes: list[Shape]) -> None:
        """Add arrows (each with its shape) in new slots."""
        if not edges:
            return
        first = len(self.edges)
        rows: list[Row] = []
        owner: list[int] = []
        for k, (lines, _head, _tag) in enumerate(shapes, start=first):
            rows.extend(lines)
            owner.extend([k] * len(lines))
        self.edges.extend(edges)
        self.index.update((edge, k) for k, edge in enumerate(edges, start=first))
        self.lines = np.concatenate([self.lines, np.array(rows, dtype=float).reshape(-1, 6)])
        self.owner = np.concatenate([self.owner, np.array(owner, dtype=np.int64)])
        self.heads = np.concatenate([self.heads, np.array([h for _l, h, _t in shapes], dtype=float).reshape(-1, 4)])
        self.tags = np.concatenate([self.tags, np.array([t for _l, _h, t in shapes], dtype=float).reshape(-1, 2)])
        self.alive = np.concatenate([self.alive, np.ones(len(edges), dtype=bool)])

    def drop(self, edge: PromiseEdge) -> None:
        """Mark an arrow's slot gone."""
        k = self.index.pop(edge, None)
        if k is not None:
            self.alive[k] = False
            self.edges[k] = None

    def tag_boxes(self) -> np.ndarray:
        """Each slot's tag centre as a box of no size (left, top, right, bottom), made once a change."""
        if self._tag_boxes is None or len(self._tag_boxes) != len(self.tags):
            self._tag_boxes = np.hstack([self.tags, self.tags])
        return self._tag_boxes

    def worn(self) -> bool:
        """Whether most slots are gone (time to file its arrows afresh)."""
        gone = len(self.edges) - len(self.index)
        return gone > 256 and gone > len(self.index)


def _key(edge: PromiseEdge) -> Key:
    look = edge.look
    return (look.problem, not edge.dimmed, look.color, look.dash, look.width, look.opacity)


Row = tuple[float, float, float, float, float, float]
Shape = tuple[list[Row], tuple[float, float, float, float], tuple[float, float]]
"""An arrow's legs as rows, its head's box and its tag's centre (scene units)."""


def _shape(edge: PromiseEdge) -> Shape:
    legs = edge.legs or [edge.line]
    rows = [(leg.x1(), leg.y1(), leg.x2(), leg.y2(), leg.x2(), leg.y2()) for leg in legs[:-1]]
    last, shaft = edge.line, edge.shaft
    rows.append((last.x1(), last.y1(), shaft.x2(), shaft.y2(), last.x2(), last.y2()))
    head, tag = edge.head.boundingRect(), edge.tag_centre()
    return rows, (head.left(), head.top(), head.right(), head.bottom()), (tag.x(), tag.y())


def _spans(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, area: QRectF,
           strips: np.ndarray | None, join: np.ndarray | float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Where the lines are drawn: which (ascending), from and to where along each. Inside `area`, or in runs
    through `strips` (see strip_spans; `join` is how close two runs of a line are drawn as one)."""
    if strips is not None and len(strips) > 1:
        return strip_spans(x1, y1, x2, y2, strips, join)
    t0, t1, keep = clip_spans(x1, y1, x2, y2, area)
    rows = np.nonzero(keep)[0]
    return rows, t0[rows], t1[rows]


def _crossing_pieces(picked: list[np.ndarray], area: QRectF) -> list[np.ndarray]:
    """Of each array of lines (rows of x1, y1, x2, y2), those that run through `area`; one test for all of them (a
    repaint after a drop looks in a dozen batches for a few lines each)."""
    if not picked:
        return []
    lines = np.concatenate(picked)
    inside = crossing(lines[:, 0], lines[:, 1], lines[:, 2], lines[:, 3], area)
    bounds = np.cumsum([0] + [len(piece) for piece in picked]).tolist()
    return [piece[inside[start:end]] for piece, start, end in zip(picked, bounds[:-1], bounds[1:], strict=True)]


def _pen(key: Key) -> tuple[QPen, float]:
    """The pen of a batch and its dash period in its own units (dash_measure's; 0 for a solid line)."""
    _problem, lit, color, dash, width, opacity = key
    pen = edge_pen(color, dash, width, opacity * (1.0 if lit else DIM_OPACITY))
    return pen, sum(QPen(pen).dashPattern()) if dash != Qt.PenStyle.SolidLine else 0.0


def _hull(boxes: np.ndarray) -> np.ndarray:
    """The box around `boxes` (rows of left, top, right, bottom; at least one), as one such row."""
    return np.hstack([boxes[:, :2].min(axis=0), boxes[:, 2:].max(axis=0)])[None, :]


def _rect(box: np.ndarray) -> QRectF:
    """A row of left, top, right, bottom as a rectangle."""
    left, top, right, bottom = box.ravel().tolist()
    return QRectF(left, top, right - left, bottom - top)


def _boxes(rects: list[QRectF]) -> np.ndarray:
    """Rectangles as rows of left, top, right, bottom."""
    return np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in rects], dtype=float).reshape(-1, 4)


def _meeting(boxes: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """Which boxes meet any of `parts` (both rows of left, top, right, bottom; all parts at once: a repaint after a
    drop has hundreds of them)."""
    if not len(boxes) or not len(parts):
        return np.zeros(len(boxes), dtype=bool)
    if len(parts) == 1:  # most often: what a view paints again, as one box
        left, top, right, bottom = parts[0].tolist()
        return (boxes[:, 0] <= right) & (boxes[:, 2] >= left) & (boxes[:, 1] <= bottom) & (boxes[:, 3] >= top)
    return ((boxes[:, None, 0] <= parts[None, :, 2]) & (boxes[:, None, 2] >= parts[None, :, 0])
            & (boxes[:, None, 1] <= parts[None, :, 3]) & (boxes[:, None, 3] >= parts[None, :, 1])).any(axis=1)


class ArrowLines(MapLayer):
    """Draws the arrows of a large promise map in batches (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.enabled = False
        """Whether the arrows are drawn here (a map of BATCH_PROMISES promises or more)."""
        self.edges: set[PromiseEdge] = set()
        self.own: set[PromiseEdge] = set()
        """The arrows that paint themselves whole now (selected, outlined, dragged)."""
        self._keys: dict[PromiseEdge, Key] = {}
        self._shapes: dict[PromiseEdge, Shape] = {}
        self._tags: dict[PromiseEdge, tuple[float, QRectF | None]] = {}
        """Where each arrow's tag was drawn (None: nothing to draw) at a zoom: a repaint that misses it skips it."""
        self._members: dict[Key, set[PromiseEdge]] = {}
        self._batches: dict[Key, _Batch | None] = {}
        self._stale: set[PromiseEdge] = set()
        self.moved: set[PromiseEdge] = set()
        """The arrows of the party dragged last: their lines lie over the others (see StillLines)."""
        self._still: StillLines | None = None
        self._moved_rows: dict[Key, list[int]] | None = None
        self.setZValue(-0.5)  # over the halo layer (-1), under the arrows' own paint and the parties
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    # ------------------------------------------------------------------ following the arrows
    def set_enabled(self, enabled: bool) -> None:
        """Draw the arrows here (True) or let each paint itself; the arrows on the scene follow."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        self._still = None
        edges = list(self.edges)
        for edge in edges:
            self.remove(edge)
        for edge in edges:
            self.add(edge)
        self.update()

    def add(self, edge: PromiseEdge) -> None:
        """Take an arrow put on the scene."""
        self.edges.add(edge)
        self._stale.add(edge)
        self._unsettle(edge)
        self.follow_state(edge)
        self._grow_to([edge])

    def remove(self, edge: PromiseEdge) -> None:
        """Leave out an arrow taken off the scene."""
        self._unsettle(edge)
        self.moved.discard(edge)
        self.edges.discard(edge)
        self.own.discard(edge)
        self._stale.discard(edge)
        self._shapes.pop(edge, None)
        self._tags.pop(edge, None)
        key = self._keys.pop(edge, None)
        if key is not None:
            self._members[key].discard(edge)
            batch = self._batches.get(key)
            if batch is not None:
                batch.drop(edge)

    def changed(self, edge: PromiseEdge) -> None:
        """An arrow moved or changed its look: its lines are filed again before the next paint."""
        if edge in self.edges:
            self._unsettle(edge)
            self._stale.add(edge)
            self._tags.pop(edge, None)
            self._grow_to([edge])

    def retagged(self, edge: PromiseEdge) -> None:
        """An arrow's number, label or figure's mark changed: its tag is measured again when next drawn (and the
        still image, which holds its old tag, is of no more use)."""
        self._unsettle(edge)
        self._tags.pop(edge, None)

    def follow_state(self, edge: PromiseEdge) -> None:
        """Let an arrow paint itself whole while it is selected, outlined or dragged, and leave it to the layer
        otherwise (then Qt does not call it at all)."""
        if edge not in self.edges:
            return
        scene = edge.scene()
        live = getattr(scene, "live", ()) if scene is not None else ()
        own = not self.enabled or edge.isSelected() or edge.emphasis \
            or edge.source.node_id in live or edge.target.node_id in live
        if own != (edge in self.own):
            self._unsettle(edge)
        (self.own.add if own else self.own.discard)(edge)
        if own == bool(edge.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents):
            edge.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, not own)
            edge.repaint()

    def dragging(self, edges: list[PromiseEdge]) -> None:
        """A party's arrows are dragged: from now on they lie over the other lines, and the image of the still lines
        made while they are dragged serves the repaints after the drop."""
        self.moved = set(edges)
        self._still = None

    def _unsettle(self, edge: PromiseEdge) -> None:
        """An arrow the still lines' image holds changed: the image is of no more use."""
        if self._still is not None and edge not in self.moved:
            self._still = None

    def batched(self, edge: PromiseEdge) -> bool:
        """Whether the layer draws this arrow now."""
        return self.enabled and edge in self.edges and edge not in self.own

    def _refile(self) -> None:
        """File the arrows that changed under their pens again: out of the batches they left, into those they
        joined."""
        joined: dict[Key, list[PromiseEdge]] = {}
        for edge in self._stale:
            key, old = _key(edge), self._keys.get(edge)
            if old is not None:
                self._members[old].discard(edge)
                batch = self._batches.get(old)
                if batch is not None:
                    batch.drop(edge)
            self._keys[edge] = key
            self._shapes[edge] = _shape(edge)
            self._members.setdefault(key, set()).add(edge)
            joined.setdefault(key, []).append(edge)
        self._stale.clear()
        for key, edges in joined.items():
            batch = self._batches.get(key)
            if batch is not None:
                batch.take(edges, [self._shapes[edge] for edge in edges])

    def _batch(self, key: Key) -> _Batch:
        batch = self._batches.get(key)
        if batch is None or batch.worn():
            edges = list(self._members.get(key, ()))
            batch = _Batch.of(edges, [self._shapes[edge] for edge in edges])
            self._batches[key] = batch
        return batch

    # ------------------------------------------------------------------ painting
    def _paint_halos(self, painter: QPainter, area: QRectF, strips: np.ndarray | None, part: Part) -> None:
        """The red halos of the unempowered arrows (those faded first), under every line: the halo layer leaves them
        to this one while it draws the arrows; a dragged arrow draws its own."""
        scene = self.scene()
        dragged = getattr(scene, "live_edges", []) if scene is not None and getattr(scene, "live", None) else []
        for lit in (False, True):
            picked = []
            for key, members in self._members.items():
                if not (key[0] and key[1] == lit and members) or (part == "moved" and key not in self._moved_slots()):
                    continue
                batch = self._batch(key)
                alive = self._part(key, batch, part, drawn_here=False)  # a selected arrow's halo is drawn here
                for edge in dragged:
                    k = batch.index.get(edge)
                    if k is not None:
                        alive[k] = False
                picked.append(batch.lines[alive[batch.owner]][:, [0, 1, 4, 5]])  # rows first: a few, or most
            pieces = _crossing_pieces(picked, area)
            if not pieces:
                continue
            x1, y1, x2, y2 = np.concatenate(pieces).T
            rows, t0, t1 = _spans(x1, y1, x2, y2, area, strips)
            if len(rows):
                painter.strokePath(lines_path(span_ends(x1[rows], y1[rows], x2[rows], y2[rows], t0, t1)),
                                   halo_pen(HALO_WIDTH, 1.0 if lit else DIM_OPACITY))

    def _part(self, key: Key, batch: _Batch, part: Part, drawn_here: bool = True) -> np.ndarray:
        """Which of a batch's slots are alive and in `part` (all, those of the arrows dragged last, or the others),
        leaving out, when `drawn_here`, the arrows that paint themselves."""
        alive = batch.alive.copy()
        if part != "all":
            moved = np.zeros(len(alive), dtype=bool)
            moved[self._moved_slots().get(key, [])] = True
            alive &= moved if part == "moved" else ~moved
        if drawn_here:
            for edge in self.own:
                k = batch.index.get(edge)
                if k is not None:
                    alive[k] = False
        return alive

    def _parts(self) -> tuple[Part, ...]:
        """The parts drawn one over the other: the arrows dragged last over the others (all at once when none)."""
        return ("still", "moved") if self.moved else ("all",)

    def _keys_of(self, part: Part) -> list[Key]:
        """The batches with arrows of `part`, in the order their lines are drawn."""
        order = self._order()
        return [key for key in order if key in self._moved_slots()] if part == "moved" else order

    def _moved_slots(self) -> dict[Key, list[int]]:
        """The slots of the arrows dragged last, by batch (worked out once a paint)."""
        if self._moved_rows is None:
            self._moved_rows = {}
            for edge in self.moved:
                key = self._keys.get(edge)
                k = None if key is None else self._batch(key).index.get(edge)
                if k is not None:
                    self._moved_rows.setdefault(key, []).append(k)  # type: ignore[arg-type]  # key known here
        return self._moved_rows

    def _order(self) -> list[Key]:
        """The batches that have arrows, in the order their lines are drawn: problems last, faint and thin under the
        rest."""
        return sorted((key for key, members in self._members.items() if members),
                      key=lambda k: (k[0], k[1], k[5], k[4]))

    def _paint_lines(self, painter: QPainter, area: QRectF, strips: np.ndarray | None, small: bool,
                     parts: tuple[Part, ...]) -> None:
        """The lines of the arrows the layer draws (not those that paint themselves), in `area` or in runs through
        `strips`, one part after another (the arrows dragged last over the others)."""
        columns = [0, 1, 4, 5] if small else [0, 1, 2, 3]
        keys: list[Key] = []
        picked: list[np.ndarray] = []
        for part in parts:
            for key in self._keys_of(part):
                batch = self._batch(key)
                keys.append(key)
                picked.append(batch.lines[self._part(key, batch, part)[batch.owner]][:, columns])  # rows first
        pieces = _crossing_pieces(picked, area)
        shown = [(key, piece) for key, piece in zip(keys, pieces, strict=True) if len(piece)]
        pieces = [piece for _key, piece in shown]
        x1, y1, x2, y2 = np.concatenate(pieces).T if pieces else np.zeros((4, 0))
        pens = [_pen(key) for key, _piece in shown]
        # how long each line is in its pen's dash units (pen widths, or screen pixels for a hairline)
        scale = hairline_scale(painter)
        measures = [dash_measure(*piece.T, key[4], scale) for key, piece in shown]
        measure = np.maximum(np.concatenate(measures), 1e-9) if measures else np.zeros(0)
        periods = np.repeat([period for _pen_, period in pens], [len(piece) for piece in pieces]) \
            if pieces else np.zeros(0)
        # two runs of a dashed line closer than a dash are drawn as one: each run starts its dashes a whole period
        # before where it is cut, and would draw that stretch over the run before it
        join = periods / measure if pieces else 0.0
        rows, t0, t1 = _spans(x1, y1, x2, y2, area, strips, join)
        bounds = np.searchsorted(rows, np.cumsum([0] + [len(piece) for piece in pieces]))
        for (pen, period), start, end in zip(pens, bounds[:-1], bounds[1:], strict=True):
            if start == end:
                continue
            drawn = rows[start:end]
            ends = span_ends(x1[drawn], y1[drawn], x2[drawn], y2[drawn], t0[start:end], t1[start:end], period,
                             measure[drawn])
            if period > 0:  # each line its own dashes (see line_pairs)
                painter.setPen(pen)
                painter.drawLines(line_pairs(ends))
            else:
                painter.strokePath(lines_path(ends), pen)

    def _still_lines(self, painter: QPainter, widget: QWidget | None, visible: QRectF | None,
                     small: bool) -> StillLines | None:
        """The image of the still lines for this paint, made now while a party is dragged (a view draws everything
        but the dragged items once then: see DiagramView._ensure_layer); None when there is none for this view."""
        if widget is None or visible is None or not self.moved:
            return None
        key = StillLines.key_of(painter, widget)
        still = self._still
        if still is not None:
            if still.key == key:
                return still
            self._still = None  # zoomed or scrolled: what it shows is elsewhere now
        scene = self.scene()
        if not getattr(scene, "live", None):
            return None  # made only while dragging: a whole view's lines, not worth it for a repaint along a band
        halos, lines, marks = (_image_like(widget, key[-1]) for _image in range(3))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        for image, draw in ((halos, lambda p: self._paint_halos(p, visible, None, "still")),
                            (lines, lambda p: self._paint_lines(p, visible, None, small, ("still",))),
                            (marks, lambda p: None if small else self._paint_marks(p, visible, None, lod, visible,
                                                                                   "still"))):
            image_painter = QPainter(image)
            image_painter.setRenderHints(painter.renderHints())
            image_painter.setTransform(painter.worldTransform())
            draw(image_painter)
            image_painter.end()
        self._still = StillLines(key, halos, lines, marks)
        return self._still

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self.enabled:
            return
        self._refile()
        self._moved_rows = None
        visible = visible_rect(painter, widget) if widget is not None else None
        reach = TAG_REACH + ARROW_SIZE  # cut no line at the edge of what is painted: its antialiased end would show
        exposed = option.exposedRect.adjusted(-reach, -reach, reach, reach)
        area = exposed if visible is None else visible.intersected(exposed)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        small = lod * ARROW_SIZE < 3
        repainted = _repainted(option, widget)
        # What is painted again, grown by how far heads and tags reach (parts) and by what a line's antialiased end
        # needs (strips): a line is cut a little beyond it, heads and tags are looked for further out.
        exact: np.ndarray | None = None
        strips: np.ndarray | None = None
        halo_area, halo_strips = area, None
        lines_area = area
        if repainted is not None:
            rects = _boxes(repainted)
            exact = rects[_meeting(rects + [-reach, -reach, reach, reach], _boxes([area]))]
            if not len(exact):
                return
            pixels = 2.0 / max(lod, 1e-6)
            strips = exact + [-LINE_MARGIN - pixels, -LINE_MARGIN - pixels, LINE_MARGIN + pixels, LINE_MARGIN + pixels]
            lines_area = _rect(_hull(strips)).intersected(area)
            halo_margin = HALO_WIDTH / 2 + pixels
            halo_strips = exact + [-halo_margin, -halo_margin, halo_margin, halo_margin]
            halo_area = _rect(_hull(halo_strips)).intersected(area)
            area = _rect(_hull(exact + [-reach, -reach, reach, reach])).intersected(area)
        # the halos under every line, the still lines (from their image when there is one), the arrows dragged last
        # over them, then every head and tag
        still = self._still_lines(painter, widget, visible, small)
        if still is None:
            for part in self._parts():
                self._paint_halos(painter, halo_area, halo_strips, part)
            self._paint_lines(painter, lines_area, strips, small, self._parts())
        else:
            _blit(painter, still.halos, option.exposedRect)
            self._paint_halos(painter, halo_area, halo_strips, "moved")
            _blit(painter, still.lines, option.exposedRect)
            self._paint_lines(painter, lines_area, strips, small, ("moved",))
        if small:
            return
        if still is None:
            for part in self._parts():
                self._paint_marks(painter, area, exact, lod, visible, part)
        else:
            _blit(painter, still.marks, option.exposedRect)
            self._paint_marks(painter, area, exact, lod, visible, "moved")

    def _paint_marks(self, painter: QPainter, area: QRectF, exact: np.ndarray | None, lod: float,
                     visible: QRectF | None, part: Part) -> None:
        """The heads, then the tags, of the arrows of `part` the layer draws, where they meet what is painted again
        (`exact`; None: all of `area`): their boxes are known, heads grown by their antialiased edge."""
        painter.setPen(Qt.PenStyle.NoPen)
        edge_margin = 2.0 / max(lod, 1e-6)
        around = _boxes([area])
        heads_exact = None if exact is None else exact + [-edge_margin, -edge_margin, edge_margin, edge_margin]
        shown = [(key, batch, self._part(key, batch, part)) for key in self._keys_of(part)
                 for batch in [self._batch(key)]]
        for key, batch, mine in shown:
            heads = mine & _meeting(batch.heads, around)
            if heads_exact is not None and heads.any():
                heads[heads] = _meeting(batch.heads[heads], heads_exact)
            if heads.any():
                _problem, lit, color, _dash, _width, opacity = key
                painter.setBrush(brush(color, opacity * (1.0 if lit else DIM_OPACITY)))
                for row in np.nonzero(heads)[0].tolist():
                    painter.drawPolygon(batch.edges[row].head)  # type: ignore[union-attr]  # alive slots only
        span = TAG_SPAN_ALONG if lod * LABEL_PIXELS >= MIN_LABEL_PIXELS else BADGES_SPAN
        painted = around if exact is None else exact
        reached = painted + [-span, -span, span, span]
        reached_around = _hull(reached)
        for _key, batch, mine in shown:
            centres = batch.tag_boxes()
            near = mine & _meeting(centres, reached_around)
            if len(reached) > 1 and near.any():
                near[near] = _meeting(centres[near], reached)
            for row in np.nonzero(near)[0].tolist():
                edge = batch.edges[row]
                assert edge is not None  # slots alive only
                known = self._tags.get(edge)
                if known is not None and known[0] == lod and (known[1] is None or not _meeting(
                        _boxes([known[1]]), painted)[0]):
                    continue  # drawn elsewhere at this zoom, or nothing to draw
                drawn = edge.paint_tag(painter, lod, None, visible)
                if drawn is not None:
                    self._tags[edge] = (lod, edge.tag.boundingRect().adjusted(-2, -2, 2, 2) if drawn else None)


Part = Literal["all", "still", "moved"]
"""Which arrows: all, all but those dragged last, or those."""


@dataclass
class StillLines:
    """The halos, lines, heads and tags of every arrow but those dragged last, as a view showed them while they were
    dragged.

    After the drop their arrows come to rest: a repaint along them (hundreds of bands at once) draws these images
    and only their own halos, lines and marks over each, instead of stroking every line of the view again. Their
    halos lie over the other halos, their lines over the other lines and their heads and tags over the others from
    the drag on, in every repaint (the look does not change when the images are dropped). The images serve while the
    view neither zooms nor scrolls and no other arrow changes."""

    key: tuple[float, ...]
    """The painter's transform, the view's size and its device pixel ratio when they were made."""
    halos: QImage
    lines: QImage
    marks: QImage
    """The heads and tags."""

    @staticmethod
    def key_of(painter: QPainter, widget: QWidget) -> tuple[float, ...]:
        t = painter.worldTransform()
        return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), widget.width(), widget.height(),
                widget.devicePixelRatioF())


def _image_like(widget: QWidget, ratio: float) -> QImage:
    """A transparent image of the widget's size in device pixels."""
    image = QImage(round(widget.width() * ratio), round(widget.height() * ratio),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    return image


def _blit(painter: QPainter, image: QImage, exposed: QRectF) -> None:
    """Draw the part of a view-sized `image` under `exposed` (scene units; the painter clips to what is painted)."""
    painter.save()
    ratio = image.devicePixelRatio()
    box = painter.worldTransform().mapRect(exposed).toAlignedRect().intersected(  # whole pixels of the view
        QRect(0, 0, round(image.width() / ratio), round(image.height() / ratio)))
    painter.resetTransform()
    painter.drawImage(QRectF(box), image, QRectF(box.x() * ratio, box.y() * ratio, box.width() * ratio,
                                                 box.height() * ratio))
    painter.restore()
