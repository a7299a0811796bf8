"""A large structure made lazily: link arrow items only for the links the view reaches at a readable zoom.

From LAZY_LINKS links on (and past the routing limit, so that every arrow runs straight), the structure makes no
item per link when it opens (10,000 items took a second to make and most of a second to paint). The view draws
every link's line in its background, in one batch of clipped lines (at half resolution when they are many), kept
while it scrolls; an item (widgets.diagram.lazy.HeadEdge) adds the arrow head, and draws itself whole only when
selected or dragged. Before a paint at a readable zoom, the links with a party in view (or near it) get their
items: a few hundred before the first paint, the rest right after. A pressed party's links get their items before
the press (a drag takes them along), and so does a link selected elsewhere. Items that leave the view are released
again once there are more than KEEP_LINK_ITEMS (never a selected one, never during a drag). Zoomed out, the links
without items are given to the overview as lines (`pending_ends`).
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QLineF, QObject, QPointF, QRectF, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsView

from app import model as m
from widgets.diagram.lazy import (
    Ends,
    LazyDiagramView,
    clipped_lines,
    crossing,
    draw_haze,
    shifted,
    touching,
)
from widgets.diagram.overview import Geometry, OverviewPainter
from widgets.diagram.scene import ROUTE_UP_TO, DiagramScene
from widgets.diagram.style import pens

LAZY_LINKS = 2000
"""From this many links on (on a diagram of more than ROUTE_UP_TO parties), link items are made lazily."""
LINKS_PER_PAINT = 200
"""At most this many link items are made before a paint (some 20 ms: the first frame comes quickly, the lines are
drawn already); the rest before the next paints, asked for at once, LINKS_PER_FOLLOW_UP at a time."""
LINKS_PER_FOLLOW_UP = 2000
"""At most this many link items are made before a paint the structure asked for to make the rest (each paint
costs a full repaint of the view: a few large steps rather than many small ones)."""
KEEP_LINK_ITEMS = 2500
"""Past this many link items, those whose parties are all out of view (and not selected) are released."""
REACH = 250.0
"""How far beyond the view (scene units) a party still gets its links' items: a node and an arrow head fit."""
RELEASE_REACH = 800.0
"""How far beyond the view a link keeps its item once there are too many (further than REACH: no churn)."""


class LinkTable:
    """Every link's two parties as rows of numpy arrays (made again when links or parties come or go) and which
    rows have an item."""

    def __init__(self, links: list[m.Link], nodes: dict, offset: float) -> None:
        known = [link for link in links if link.from_ in nodes and link.to in nodes]
        self.ids = [link.id for link in known]
        self.row = {link_id: i for i, link_id in enumerate(self.ids)}
        self.links = {link.id: link for link in known}
        self.node_ids = list(nodes)
        self.node_row = node_row = {node_id: i for i, node_id in enumerate(self.node_ids)}
        self.source = np.array([node_row[link.from_] for link in known], dtype=np.int64)
        self.target = np.array([node_row[link.to] for link in known], dtype=np.int64)
        pairs = {(link.from_, link.to) for link in known}
        self.pairs = pairs
        self.offsets = np.array([offset if (link.to, link.from_) in pairs else 0.0 for link in known], dtype=float)
        self.made = np.zeros(len(known), dtype=bool)
        self.moves = 0
        """Counts the times a party was found moved (the lines without items moved)."""
        self._centres: tuple[int, np.ndarray, np.ndarray] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def centres(self, scene: DiagramScene) -> tuple[np.ndarray, np.ndarray]:
        """Every party's centre (x and y arrays in the order of `node_ids`), read again when the scene changed."""
        if self._centres is None or self._centres[0] != scene.revision:
            nodes = scene.nodes
            points = [nodes[i].pos() for i in self.node_ids]
            xs = np.fromiter((p.x() for p in points), dtype=float, count=len(points))
            ys = np.fromiter((p.y() for p in points), dtype=float, count=len(points))
            if self._centres is not None and not (np.array_equal(xs, self._centres[1])
                                                  and np.array_equal(ys, self._centres[2])):
                self.moves += 1
            self._centres = (scene.revision, xs, ys)
        return self._centres[1], self._centres[2]

    def ends(self, scene: DiagramScene, rows: np.ndarray | slice = slice(None)) -> Ends:
        """The lines (centre to centre) of the given rows, as far apart as their items are when both ways run."""
        xs, ys = self.centres(scene)
        source, target = self.source[rows], self.target[rows]
        return shifted((xs[source], ys[source], xs[target], ys[target]), self.offsets[rows])


class LazyLinks(QObject):
    """Makes and releases the link items of a large structure as its view moves (see the module's docstring)."""

    def __init__(self, scene: DiagramScene, view: LazyDiagramView, links: Callable[[], list[m.Link]],
                 make: Callable[[m.Link], None], offset: float) -> None:
        super().__init__(view)
        self.scene = scene
        self.view = view
        self._links = links
        self._make = make
        self._offset = offset
        self.lazy = False
        self._table: LinkTable | None = None
        self._background: tuple | None = None
        """What the view's cached background (the links' lines) was drawn from."""
        self._follow_up = False
        """Whether the next paint was asked for to make the rest of the items in view."""
        view.before_paint = self.before_paint
        view.before_press = self.before_press
        view.under_items = self.draw_lines
        view.overview = PendingOverviewPainter(self)

    # ------------------------------------------------------------------ the table of links
    def reset(self) -> None:
        """Decide afresh whether the links are made lazily (the diagram was drawn afresh)."""
        self.lazy = len(self._links()) >= LAZY_LINKS and len(self.scene.nodes) > ROUTE_UP_TO
        self._table = None
        self._background = None
        mode = QGraphicsView.CacheModeFlag.CacheBackground if self.lazy else QGraphicsView.CacheModeFlag.CacheNone
        self.view.setCacheMode(mode)  # the links' lines are drawn in the background: kept while scrolling

    def forget(self) -> None:
        """Links or parties came, went or changed ends: the table is made again when next asked for."""
        self._table = None

    def table(self) -> LinkTable:
        """The table of links, with the rows that have an item now."""
        if self._table is None:
            self._table = LinkTable(self._links(), self.scene.nodes, self._offset)
            edges = self.scene.edges
            self._table.made[:] = [link_id in edges for link_id in self._table.ids]
        return self._table

    def has_reverse(self, link: m.Link) -> bool:
        """Whether the link's parties are linked the other way round too (its arrow then runs aside)."""
        return self.lazy and (link.to, link.from_) in self.table().pairs

    # ------------------------------------------------------------------ making and releasing items
    def make(self, ids: list[str] | set[str]) -> int:
        """Give these links their items (those that have none); returns how many were made."""
        if not self.lazy:
            return 0
        table, edges = self.table(), self.scene.edges
        fresh = [i for i in ids if i not in edges and i in table.row]
        for link_id in fresh:
            self._make(table.links[link_id])
            table.made[table.row[link_id]] = True
        return len(fresh)

    def make_for(self, node_ids: set[str]) -> int:
        """Give every link of these parties its item."""
        if not self.lazy or not node_ids:
            return 0
        table = self.table()
        rows = np.array([table.node_row[i] for i in node_ids if i in table.node_row], dtype=np.int64)
        wanted = (np.isin(table.source, rows) | np.isin(table.target, rows)) & ~table.made
        return self.make([table.ids[i] for i in np.nonzero(wanted)[0]])

    def make_crossing(self, rect: QRectF) -> int:
        """Give every link that runs through `rect` its item (a picture of the view is to show them)."""
        if not self.lazy:
            return 0
        table = self.table()
        inside = crossing(*table.ends(self.scene), rect) & ~table.made
        return self.make([table.ids[i] for i in np.nonzero(inside)[0]])

    def release(self, ids: list[str]) -> None:
        """Take these links' items off the scene (the links stay: drawn as lines, made again when seen)."""
        if not ids:
            return
        table = self.table()
        for link_id in ids:
            self.scene.remove_edge(link_id)
            row = table.row.get(link_id)
            if row is not None:
                table.made[row] = False

    def before_paint(self, rect: QRectF) -> None:
        """Before a paint at a readable zoom: the links of the parties in view get their items, LINKS_PER_PAINT at
        a time (the view paints again for the rest), and past KEEP_LINK_ITEMS those far from the view go."""
        if not self.lazy:
            return
        table = self.table()
        self._check_background(table)
        if self.scene.live or not len(table):
            return
        reach = self.reach(rect, REACH)
        near = touching(*table.ends(self.scene), reach)
        wanted = np.nonzero(near & ~table.made)[0]
        budget = LINKS_PER_FOLLOW_UP if self._follow_up else LINKS_PER_PAINT
        self._follow_up = False
        if len(wanted):
            self.make([table.ids[i] for i in wanted[:budget]])
            if len(wanted) > budget:
                self._follow_up = True
                viewport = self.view.viewport()
                QTimer.singleShot(0, viewport, viewport.update)
        if int(table.made.sum()) > KEEP_LINK_ITEMS:
            far = table.made & ~touching(*table.ends(self.scene), self.reach(rect, RELEASE_REACH))
            edges = self.scene.edges
            self.release([table.ids[i] for i in np.nonzero(far)[0]
                          if table.ids[i] in edges and not edges[table.ids[i]].isSelected()])

    def _check_background(self, table: LinkTable) -> None:
        """Let the view draw its background afresh when the lines drawn in it changed: links came or went, a party
        moved, a drag began or ended (the dragged parties' arrows draw themselves), the grid or colour changed."""
        table.centres(self.scene)
        view = self.view
        background = (id(table), table.moves, frozenset(self.scene.live), view.show_grid,
                      view.backgroundBrush().color().rgba())
        if background != self._background:
            self._background = background
            view.resetCachedContent()

    def reach(self, rect: QRectF, margin: float) -> QRectF:
        """The view's rectangle and `margin` beyond it (scene units)."""
        return rect.adjusted(-margin, -margin, margin, margin)

    def before_press(self, at: QPointF) -> None:
        """Before a press: the links of the pressed and selected parties get their items (a drag takes them
        along), and so do the links without items drawn under the press (a click selects one)."""
        if not self.lazy:
            return
        node = self.scene.node_at(at)
        parties = {n.node_id for n in self.scene.selected_nodes()}
        if node is not None:
            parties.add(node.node_id)
        self.make_for(parties)
        table = self.table()
        if len(table):
            slack = 6.0 / max(self.view.zoom, 1e-3)
            under = crossing(*table.ends(self.scene), QRectF(at.x() - slack, at.y() - slack, 2 * slack, 2 * slack))
            self.make([table.ids[i] for i in np.nonzero(under & ~table.made)[0]])

    # ------------------------------------------------------------------ links without items
    def pending_ends(self) -> Ends:
        """The lines (centre to centre) of the links without items: what a zoomed-out drawing adds to the items'."""
        if not self.lazy:
            empty = np.zeros(0)
            return empty, empty, empty, empty
        table = self.table()
        return table.ends(self.scene, np.nonzero(~table.made)[0])

    def draw_lines(self, painter: QPainter, rect: QRectF) -> None:
        """At a readable zoom: the line of every link that crosses `rect` (with an item or not: items draw only
        their heads, see HeadEdge), clipped to it, from centre to centre under the nodes, in the arrows' pen; the
        arrows of parties being dragged draw themselves."""
        if not self.lazy:
            return
        table = self.table()
        rows: np.ndarray | slice = slice(None)
        live = self.scene.live
        if live:
            dragged = np.array([table.node_row[i] for i in live if i in table.node_row], dtype=np.int64)
            rows = np.nonzero(~(np.isin(table.source, dragged) | np.isin(table.target, dragged)))[0]
        x1, y1, x2, y2 = table.ends(self.scene, rows)
        if not len(x1):
            return
        shown = rect.adjusted(-4, -4, 4, 4)
        inside = crossing(x1, y1, x2, y2, shown)
        lines = clipped_lines(x1[inside], y1[inside], x2[inside], y2[inside], shown)
        pixels = float(np.hypot(lines[:, 2] - lines[:, 0], lines[:, 3] - lines[:, 1]).sum()) * self.view.zoom
        draw_haze(painter, lines, pens().edge, shown, pixels)


class PendingOverviewPainter(OverviewPainter):
    """The zoomed-out structure: the links without items drawn as lines with the arrows that have items."""

    def __init__(self, links: LazyLinks) -> None:
        super().__init__()
        self.links = links
        self._extended: Geometry | None = None

    def geometry(self, scene: DiagramScene) -> Geometry:
        """The still part's geometry, its lines including those of the links without items."""
        geometry = super().geometry(scene)
        if geometry is not self._extended:
            self._extended = geometry
            x1, y1, x2, y2 = self.links.pending_ends()
            if len(x1):
                extra = [QLineF(*row) for row in zip(x1.tolist(), y1.tolist(), x2.tolist(), y2.tolist(), strict=True)]
                geometry.lines = geometry.lines + extra
                geometry.line_length += float(np.hypot(x2 - x1, y2 - y1).sum())
        return geometry

