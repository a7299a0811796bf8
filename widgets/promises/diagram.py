"""The promise map on the diagram machinery: parties as nodes, promises as arrows (bundled per pair), the focus.

Positions come from the workshop's "promises" layout. Nodes without one are shown, without writing anything,
where the structure has them (the first time the map is opened) or where app.layout.place_missing puts them;
the first gesture that moves, adds or removes something stores them in the same undo step (as the structure
editor does), so the arrangement stays put from then on.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor

from app import model as m
from app import readings
from app.changed import Changes
from app.document import Document
from app.promise_rules import FeedGraph, focus_of, promise_refusal
from widgets.base.live import changes_of
from widgets.base.remote_selection import RemoteSelection
from widgets.diagram.bundles import BundleCache, bundle_lines, fitting
from widgets.diagram.inline_edit import InlineNameEditor
from widgets.diagram.items import NodeItem
from widgets.diagram.overview import Geometry
from widgets.diagram.remote import show_remote_selections
from widgets.diagram.style import ARROW_SIZE
from widgets.promises.card import numbers_of, promise_card, short_label
from widgets.promises.context import PromiseContext
from widgets.promises.entry import PromiseEntry
from widgets.promises.gestures import CONTEXT, DIAGRAM, PromiseGestures, entry_prompt
from widgets.promises.items import EdgeLook, HaloLayer, ParentLink, PartyNode, PromiseEdge, look_of
from widgets.promises.lazy import KEEP_ARROWS, LAZY_PROMISES, PAIRS_PER_PAINT, LazyPromiseView, PairLines
from widgets.promises.lines import BATCH_PROMISES
from widgets.promises.overview import BundleSummary, PromiseOverviewPainter
from widgets.promises.scene import PromiseScene
from widgets.structure.parties import node_kind

REVERSE_OFFSET = 10.0
"""How far the arrows A→B and B→A run apart."""
SPREAD = 11.0
"""How far apart the arrows of an expanded bundle run."""
# The core's refusals (app.promise_rules.promise_refusal), listed here so that they reach the translation file.
REFUSALS = (
    QT_TRANSLATE_NOOP("PromiseMap", "A client segment cannot promise: draw from a team to a segment or to another "
                                    "team."),
    QT_TRANSLATE_NOOP("PromiseMap", "A promise goes from a team to a segment or to another team."),
    QT_TRANSLATE_NOOP("PromiseMap", "A team cannot promise to itself."),
)
Pair = tuple[str, str]


def bundle_id(pair: Pair) -> str:
    """The id of the arrow that stands for the collapsed bundle of a pair."""
    return f"bundle:{pair[0]}>{pair[1]}"


EAGER_BUNDLE_HEADS = 2.5
"""A map below LAZY_PROMISES is bundled zoomed out only where its arrow heads are smaller than this (pixels)..."""
EAGER_BUNDLE_ARROWS = 400
"""... it has at least this many arrows, and bundling at least halves its lines: arrows that cannot be told apart."""
MOVED_LOOKED_UP = 64
"""Up to this many parties moved by one edit, their pairs are found through their promises (a drop; a layout of the
whole map looks over every pair instead)."""
PROMISE_INDEX_DEPTH = 8
"""Depth of the scene's index of items. Qt deepens it with the number of items; arrows are long, and each is
filed in every cell it crosses: 30,000 of them in Qt's own depth took 20 s to index at the first paint, in 256
cells one second."""


class PromiseDiagram(QObject, PromiseGestures):
    """Keeps a DiagramScene equal to the workshop's promise map and turns the scene's gestures into edits."""

    focus_changed = Signal()

    def __init__(self, ctx: PromiseContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document: Document = ctx.document
        self.scene = PromiseScene(self)
        self.scene.setBspTreeDepth(PROMISE_INDEX_DEPTH)
        self.scene.link_rule = lambda a, b: _tr_refusal(promise_refusal(self.document, a, b))
        self.scene.help_requested = self._tooltip
        self.scene.edge_card = self.card
        self.view = LazyPromiseView(self.scene)
        # The parts an arrow that changed gives (along it) stay apart: its box takes in much of a dense map.
        self.view.setViewportUpdateMode(self.view.ViewportUpdateMode.SmartViewportUpdate)
        self.view.overview = PromiseOverviewPainter(self.overview_bundles)
        self.view.before_paint = self._draw_visible
        self.view.before_press = self._draw_pressed
        self.view.left_out = self._left_out
        self.lazy = False
        """Whether arrow items are made only for the pairs that are seen (widgets.promises.lazy)."""
        self._drawn: set[Pair] = set()
        self._release_tried: tuple | None = None
        """The view (items, rectangle, drawn pairs) the last release was tried for."""
        self._left_out_count: tuple[tuple | None, int] = (None, 0)
        self._looks: dict[Pair, EdgeLook] = {}
        self._bundles = BundleCache()
        self._columns: tuple | None = None
        self._colour_codes: dict[str, int] = {}
        self._bundle_cell = 0.0
        """The cell the last bundles took (the next ones start from it: the map's spread changes little)."""
        self._focus_version = 0
        """Counts the changes of focus (the bundles' faded group)."""
        self._drawn_version = 0
        """Counts the changes of the pairs with items (made or released)."""
        self._viewports = 0
        """Counts the paints at a readable zoom (the pairs they reached are the last to be released)."""
        self._pair_lines: tuple[int, PairLines] | None = None
        self._lines_version = 0
        """Counts the edits that may have moved parties or changed pairs (the summary lines are made again)."""
        self.by_value = False
        self.expanded: set[Pair] = set()
        self.auto_expanded: set[Pair] = set()
        self.provisional: set[str] = set()
        self.focus: set[str] | None = None
        self._pairs: dict[Pair, list[str]] = {}
        self._pair_edges: dict[Pair, list[str]] = {}
        self._edge_of: dict[str, str] = {}
        self._pair_of: dict[str, Pair] = {}
        self._graph: FeedGraph | None = None
        self._numbers: dict[str, str] | None = None
        self._readings: dict[str, str] | None = None
        self._quiet = False
        self._entry: PromiseEntry | None = None
        self._renaming: InlineNameEditor | None = None
        self.parent_link = ParentLink()
        self.parent_link.setVisible(False)
        self.scene.addItem(self.parent_link)
        self.halos = HaloLayer()
        self.scene.addItem(self.halos)
        self.scene.halo_layer = self.halos  # type: ignore[attr-defined]
        self._emphasised: PromiseEdge | None = None
        self._remote: list[RemoteSelection] = []
        self._populate()
        self.scene.nodes_moved.connect(self._on_nodes_moved)
        self.scene.link_dragged.connect(self._on_link_dragged)
        self.scene.link_refused.connect(self._on_link_refused)
        self.scene.link_hovered.connect(self.view.show_hint)
        self.scene.selectionChanged.connect(self._scene_selection)
        self.scene.geometry_changed.connect(self._update_parent_link)
        self.scene.geometry_changed.connect(self.halos.refit)
        self.view.delete_requested.connect(self.delete_selection)
        self.scene.node_activated.connect(self.rename)
        self.scene.edge_activated = self._edge_activated  # type: ignore[attr-defined]
        ctx.selection_changed.connect(self._context_selection)
        changes_of(self.document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ building
    def _populate(self) -> None:
        w = self.document.model
        stored = w.layouts.get(DIAGRAM, {})
        placed = self._placements() if any(o.id not in stored for o in [*w.segments, *w.teams]) else {}
        for obj in [*w.segments, *w.teams]:
            self.scene.add_node(self._make_node(obj), stored.get(obj.id) or placed.get(obj.id) or (0.0, 0.0))
            if obj.id not in stored:
                self.provisional.add(obj.id)
        for p in w.promises:
            self._pairs.setdefault((p.from_, p.to), []).append(p.id)
            self._pair_of[p.id] = (p.from_, p.to)
        self.lazy = len(w.promises) >= LAZY_PROMISES
        self.scene.arrow_lines.set_enabled(len(w.promises) >= BATCH_PROMISES)
        for pair in [] if self.lazy else list(self._pairs):
            self._draw_pair(pair)
        self._update_halos()
        self.halos.refit()  # all of them when they are its own to draw again

    def _update_halos(self) -> None:
        """Give the halo layer the arrows that are unempowered now."""
        self.halos.set_edges({e for e in self.scene.edges.values() if isinstance(e, PromiseEdge) and e.look.problem})
        if self._remote:  # arrows drawn afresh: the others' marks go on them again
            self.show_remote_selections(self._remote)

    def _make_node(self, obj: Any) -> PartyNode:
        return PartyNode(obj.id, node_kind(obj), obj.name, None, can_link=isinstance(obj, m.Team))

    def _placements(self) -> dict[str, tuple[float, float]]:
        """Where nodes without a stored position go: the structure's positions the first time, else
        place_missing (app.layout.diagram_positions, as the exports place them)."""
        from app.layout import diagram_positions

        w = self.document.model
        sizes = {i: n.size for i, n in self.scene.nodes.items()} or None
        stored = w.layouts.get(DIAGRAM, {})
        return {n: xy for n, xy in diagram_positions(w, DIAGRAM, sizes).items() if n not in stored}

    def _place_provisional(self) -> None:
        if self.provisional:
            placed = self._placements()
            for node_id in self.provisional:
                if node_id in placed:
                    self.scene.move_node(node_id, placed[node_id])

    def _draw_pair(self, pair: Pair) -> None:
        """Draw the arrows of one pair afresh: one per promise, or one bundle with a count."""
        for edge_id in self._pair_edges.pop(pair, []):
            self.scene.remove_edge(edge_id)
        ids = self._pairs.get(pair, [])
        source, target = self.scene.nodes.get(pair[0]), self.scene.nodes.get(pair[1])
        self._looks.pop(pair, None)
        if not ids or source is None or target is None:
            self._pairs.pop(pair, None)
            return
        if self.lazy and pair not in self._drawn:
            return
        w = self.document.model
        promises = [self.document.get(i) for i in ids]
        separate = len(ids) == 1 or pair in self.expanded or pair in self.auto_expanded
        count = len(ids) if separate else 1
        base = REVERSE_OFFSET + (count - 1) * SPREAD / 2 if self._pairs.get((pair[1], pair[0])) else 0.0
        edges: list[str] = []
        if separate:
            for k, p in enumerate(promises):
                offset = base + (k - (count - 1) / 2) * SPREAD
                edge = PromiseEdge(p.id, source, target, [p.id], look_of(w, [p], self.by_value), offset)
                edge.set_reading(self.reading_states().get(p.id, ""))
                self.scene.add_edge(edge)
                self._edge_of[p.id] = p.id
                edges.append(p.id)
        else:
            edge_id = bundle_id(pair)
            edge = PromiseEdge(edge_id, source, target, ids, look_of(w, promises, self.by_value), base)
            self.scene.add_edge(edge)
            for i in ids:
                self._edge_of[i] = edge_id
            edges.append(edge_id)
        self._pair_edges[pair] = edges
        self._place_tags(pair)
        if self.focus is not None:
            for edge_id in edges:
                e = self.scene.edges[edge_id]
                e.set_dimmed(not self.focus.intersection(e.promise_ids))  # type: ignore[attr-defined]

    def _place_tags(self, pair: Pair) -> None:
        """Give every arrow between the two parties of `pair` (both ways) its own stretch for its number, signs and
        label, and its caption: parallel and opposite arrows never put their tags on top of each other."""
        forward = [self.scene.edges[i] for i in self._pair_edges.get(pair, []) if i in self.scene.edges]
        backward = [self.scene.edges[i] for i in self._pair_edges.get((pair[1], pair[0]), []) if i in self.scene.edges]
        first, second = (forward, backward) if pair[0] <= pair[1] else (backward, forward)
        arrows = [e for e in [*first, *second] if isinstance(e, PromiseEdge)]
        numbers = self.numbers()
        for edge in arrows:
            edge.set_group(arrows, edge in first)
            self._caption(edge, numbers)

    def _caption(self, edge: PromiseEdge, numbers: dict[str, str]) -> None:
        if edge.is_bundle:
            edge.set_caption(None, "")
            return
        p = self.document.find(edge.promise_ids[0])
        edge.set_caption(numbers.get(edge.promise_ids[0]), short_label(p.text) if isinstance(p, m.Promise) else "")

    def numbers(self) -> dict[str, str]:
        """Each promise's number in the tree of promises, as the promise table's № column shows it."""
        if self._numbers is None:
            self._numbers = numbers_of(self.document.model)
        return self._numbers

    def reading_states(self) -> dict[str, str]:
        """The state of each promise's latest figure (transparency in figures), worked out once per change."""
        if self._readings is None:
            self._readings = readings.states(self.document.model)
        return self._readings

    def _follow_readings(self) -> None:
        """Mark again the arrows whose promise's latest figure changed state."""
        old = self.reading_states()
        self._readings = None
        new = self.reading_states()
        for promise_id in {i for i in (*old, *new) if old.get(i) != new.get(i)}:
            edge = self.edge_of(promise_id)
            if edge is not None and not edge.is_bundle:
                edge.set_reading(new.get(promise_id, ""))

    def card(self, edge: PromiseEdge) -> str:
        """The hover card of an arrow: the promise (or the bundle's promises) in words."""
        return promise_card(self.document, edge.promise_ids, self.numbers())

    def _renumber(self) -> None:
        """Show the promises' numbers again (a promise was added, removed or moved in the list)."""
        self._numbers = None
        numbers = self.numbers()
        for edge in self.scene.edges.values():
            if isinstance(edge, PromiseEdge):
                self._caption(edge, numbers)

    def _restyle(self, pair: Pair) -> None:
        """Give the arrows of a pair their looks and captions again (a text, status, value or grant changed)."""
        w = self.document.model
        numbers = self.numbers()
        self._looks.pop(pair, None)
        for edge_id in self._pair_edges.get(pair, []):
            edge = self.scene.edges.get(edge_id)
            if isinstance(edge, PromiseEdge):
                edge.set_look(look_of(w, [self.document.get(i) for i in edge.promise_ids], self.by_value))
                self._caption(edge, numbers)
                self.halos.mark(edge)
        self.scene.restyled()

    def restyle_all(self) -> None:
        """Every arrow's look again (the colouring changed)."""
        self._looks.clear()
        for pair in list(self._pair_edges):
            self._restyle(pair)

    def set_color_by_value(self, on: bool) -> None:
        """Colour the arrows by root value (True) or by status (False); the line style always shows the status."""
        if on != self.by_value:
            self.by_value = on
            self.restyle_all()
            self.view.viewport().update()

    def set_expanded(self, pair: Pair, expanded: bool) -> None:
        """Show the promises of a pair one by one, or as one bundle with a count."""
        if expanded:
            self.expanded.add(pair)
        else:
            self.expanded.discard(pair)
            self.auto_expanded.discard(pair)
        self._draw_pair(pair)
        self._update_halos()
        self._update_parent_link()

    def expand_all(self, expanded: bool) -> None:
        """Expand (or collapse) every bundle."""
        pairs = [pair for pair, ids in self._pairs.items() if len(ids) > 1]
        self.expanded = set(pairs) if expanded else set()
        self.auto_expanded.clear()
        for pair in pairs:
            self._draw_pair(pair)
        self._update_halos()
        self.halos.refit()  # all of them when they are its own to draw again
        self._select_in_scene(self.ctx.selection)

    def show_remote_selections(self, selections: list[RemoteSelection]) -> None:
        """Mark the parties and promises others selected (a promise on its arrow, or its bundle's)."""
        self._remote = selections
        show_remote_selections(self.scene, selections,
                               lambda i: i if i in self.scene.nodes else self._edge_of.get(i))

    def edge_of(self, promise_id: str) -> PromiseEdge | None:
        """The arrow that shows a promise (its bundle when collapsed)."""
        self.draw_pairs_of([promise_id])
        edge = self.scene.edges.get(self._edge_of.get(promise_id, ""))
        return edge if isinstance(edge, PromiseEdge) else None

    def pair_of_edge(self, edge: PromiseEdge) -> Pair:
        """The (promiser, promisee) pair of an arrow."""
        return edge.source.node_id, edge.target.node_id

    # ------------------------------------------------------------------ a large map, made lazily
    def draw_pairs(self, pairs: set[Pair]) -> None:
        """Make the arrow items of these pairs (and of their reverses, which share their tags' stretch)."""
        fresh = {q for a, b in pairs for q in ((a, b), (b, a)) if q in self._pairs and q not in self._drawn}
        if not fresh:
            return
        self._drawn.update(fresh)
        self._drawn_version += 1
        if self._pair_lines is not None:
            self._pair_lines[1].drop(fresh)
        for pair in fresh:
            self._draw_pair(pair)
        self._update_halos()
        self.halos.refit()  # all of them when they are its own to draw again

    def draw_pairs_of(self, ids: list[str]) -> None:
        """Make the arrow items of these promises' pairs (a promise selected or revealed gets its arrow)."""
        if self.lazy:
            self.draw_pairs({pair for pair in map(self._pair_of.get, ids) if pair is not None})

    def _pending_lines(self) -> PairLines:
        """The summary lines of every pair (alive: without items), for the scene's current geometry."""
        if self._pair_lines is None or self._pair_lines[0] != self._lines_version:
            self._pair_lines = (self._lines_version, PairLines(list(self._pairs), self._centres(), self._drawn))
        return self._pair_lines[1]

    def _centres(self) -> dict[str, tuple[float, float]]:
        return {i: (n.pos().x(), n.pos().y()) for i, n in self.scene.nodes.items()}

    def _draw_visible(self, rect: QRectF) -> None:
        """Before a paint at a readable zoom: make the items of the pairs with a party in view (or near it), a few
        at a time, and release those of pairs long out of view; the view says how many promises it leaves out."""
        if not self.lazy or self.scene.live:
            return
        margin = 300.0
        area = rect.adjusted(-margin, -margin, margin, margin)
        lines = self._pending_lines()
        self._viewports += 1
        near = lines.near(area)
        lines.seen[near] = self._viewports
        pending = np.nonzero(near & lines.alive)[0]
        if len(pending):  # those in view first, then those near it
            order = pending[np.argsort(~lines.near(rect)[pending], kind="stable")].tolist()
            self.draw_pairs({lines.pairs[i] for i in order[:PAIRS_PER_PAINT]})
            if len(order) > PAIRS_PER_PAINT:
                QTimer.singleShot(0, self.view.viewport(), self.view.viewport().update)
        tried = (len(self.scene.edges), rect.getRect(), self._drawn_version)
        if len(self.scene.edges) > KEEP_ARROWS and tried != self._release_tried:  # a repaint of the same view
            self._release_tried = tried  # with the same items (an edit's strips) has nothing new to release
            self._release_far(lines)

    def _release_far(self, lines: PairLines) -> None:
        """Take away the arrow items of the pairs reached longest ago (not those in view, nor those of selected,
        dragged or outlined arrows) until about KEEP_ARROWS * 3/4 arrows are left."""
        kept = self._pinned_pairs()
        drawn = [lines.index[p] for p in self._drawn if p in lines.index]
        order: list[int] = np.array(drawn, dtype=np.int64)[np.argsort(lines.seen[drawn], kind="stable")].tolist()
        excess = len(self.scene.edges) - KEEP_ARROWS * 3 // 4
        released: set[Pair] = set()
        for i in order:
            if excess <= 0 or lines.seen[i] == self._viewports:
                break
            pair = lines.pairs[i]
            if pair in released or pair in kept or (pair[1], pair[0]) in kept:
                continue
            for unit in (pair, (pair[1], pair[0])):  # a pair and its reverse share their tags' stretch
                if unit in self._drawn:
                    released.add(unit)
                    excess -= len(self._pair_edges.get(unit, ()))
        if released:
            self.release_pairs(released)

    def _pinned_pairs(self) -> set[Pair]:
        """The pairs whose arrow items stay: those of the selected promises and arrows, of the promise the one
        selected supports, of the selected, dragged or edited parties."""
        ids = list(self.ctx.selection)
        for item in self.scene.selectedItems():
            if isinstance(item, PromiseEdge):
                ids.extend(item.promise_ids)
        p = self.document.find(ids[0]) if len(ids) == 1 else None
        if isinstance(p, m.Promise) and p.parent:
            ids.append(p.parent)
        pinned = {pair for pair in map(self._pair_of.get, ids) if pair is not None}
        if self._emphasised is not None:
            pinned.add(self.pair_of_edge(self._emphasised))
        parties = set(self.scene.live) | {n.node_id for n in self.scene.selected_nodes()}
        if self._entry is not None:
            parties.update((self._entry.source_id, self._entry.target_id))
        if parties:
            pinned.update(pair for pair in self._drawn if pair[0] in parties or pair[1] in parties)
        return pinned

    def release_pairs(self, pairs: set[Pair]) -> None:
        """Take the arrow items of these pairs off the scene: they are summed up again as lines."""
        quiet, self._quiet = self._quiet, True
        try:
            for pair in pairs:
                for edge_id in self._pair_edges.pop(pair, []):
                    self.scene.remove_edge(edge_id)
                for promise_id in self._pairs.get(pair, []):
                    self._edge_of.pop(promise_id, None)
                self._drawn.discard(pair)
        finally:
            self._quiet = quiet
        if self._pair_lines is not None and not self._pair_lines[1].revive(pairs, self._centres()):
            self._lines_version += 1
        self._drawn_version += 1
        self._update_halos()

    def _left_out(self) -> int:
        """How many promises have no arrow drawn at a readable zoom (their parties are out of view), 0 when all
        (counted again only when pairs got or lost their items, or the promises changed: not at every repaint)."""
        if not self.lazy or len(self._drawn) >= len(self._pairs):
            return 0
        key = (self._drawn_version, self._lines_version, len(self._pair_of))
        if self._left_out_count[0] != key:
            self._left_out_count = (key, len(self._pair_of) - sum(len(self._pairs.get(pair, ()))
                                                                  for pair in self._drawn))
        return self._left_out_count[1]

    def _draw_pressed(self, at: QPointF) -> None:
        """Before a press: make the items of the pressed and selected parties' pairs (a drag moves their arrows)."""
        if not self.lazy:
            return
        node = self.scene.node_at(at)
        parties = {node.node_id} if node is not None else set()
        parties.update(n.node_id for n in self.scene.selected_nodes())
        if parties:
            self.draw_pairs({pair for pair in self._pairs if pair[0] in parties or pair[1] in parties})

    def _summary_moved(self, changes: Changes) -> bool:
        """Whether an edit may move or change the summary lines: pairs come or go, or a party with a pair without
        items moves (a party dragged has its arrow items made when pressed: its drop changes no summary line)."""
        if changes.structural("promise", "team", "segment") or changes.field_changed("promise", "from_", "to"):
            return True
        if any("kind" in changes.fields(kind) for kind in ("team", "segment")):
            return True  # places found again
        moved = changes.placed(DIAGRAM)
        if not moved:
            return False
        if len(moved) <= MOVED_LOOKED_UP:  # a drop: the moved parties' promises, found through the reference index
            references = self.document.references
            pairs = {(p.from_, p.to) for party in moved for name in ("from_", "to")
                     for promise_id in references.referring(party, "promise", name)
                     if isinstance(p := self.document.find(promise_id), m.Promise)}
            return any(pair in self._pairs and pair not in self._drawn for pair in pairs)
        return any((a in moved or b in moved) and (a, b) not in self._drawn for a, b in self._pairs)

    def overview_bundles(self, scale: float, geometry: Geometry, area: QRectF) -> BundleSummary | None:
        """What the zoomed-out map draws of its promises as bundles (widgets.diagram.bundles), or None to draw each
        arrow: a lazy map is always bundled zoomed out; a smaller one only where its arrows cannot be told apart
        (too small for their heads, and bundling at least halves the lines). Promises join parties all over the
        map: cells of CELL_PIXELS make thousands of bundles, a haze again, so the cells grow until the whole map
        has at most MAX_BUNDLES (zooming in then magnifies the same flows until its cells are finer)."""
        if not self.lazy and (scale * ARROW_SIZE >= EAGER_BUNDLE_HEADS or len(geometry.edges) < EAGER_BUNDLE_ARROWS):
            return None
        key = (self._lines_version, self._drawn_version, self.scene.revision, self._focus_version, self.by_value)
        made = fitting(self._bundles, key, scale, lambda cell: self._make_bundles(cell, geometry),
                       lambda summary: len(summary.bundles), max_pixels=None, start=self._bundle_cell)
        self._bundle_cell = made.cell
        if not self.lazy and len(made.bundles) * 2 > len(geometry.edges):
            return None
        return made

    def _make_bundles(self, cell: float, geometry: Geometry) -> BundleSummary:
        """The bundles of every promise at `cell`: the pairs without items from their summary lines, the arrows
        with items from the overview's geometry (group 1 in focus, 0 faded)."""
        ends, weight, problem, colour, lit = self._pending_columns()
        colours = self._colour_codes
        rows = []
        for edge in geometry.edges:
            if isinstance(edge, PromiseEdge):
                a, b = edge.source.pos(), edge.target.pos()
                code = colours.setdefault(edge.look.color, len(colours))
                rows.append((a.x(), a.y(), b.x(), b.y(), len(edge.promise_ids), edge.look.problem and not edge.dimmed,
                             code, not edge.dimmed))
        extra = np.array(rows, dtype=float).reshape(-1, 8)
        ends = np.concatenate([ends, extra[:, :4]])
        weight = np.concatenate([weight, extra[:, 4]])
        problem = np.concatenate([problem, extra[:, 5]])
        colour = np.concatenate([colour, extra[:, 6].astype(np.int64)])
        lit = np.concatenate([lit, extra[:, 7].astype(np.int64)])
        bundles = bundle_lines(ends[:, 0], ends[:, 1], ends[:, 2], ends[:, 3], cell, weight=weight, problem=problem,
                               colour=colour, group=lit)
        palette = [QColor("#4A5562")] * len(colours)
        for name, code in colours.items():
            palette[code] = QColor(name)
        return BundleSummary(bundles, palette, 0 if self.focus is not None else None, int(weight.sum()), cell)

    def _pending_columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The pairs without items as columns: their ends (n × 4), promises, problems (in focus), colour codes
        (in `_colour_codes`), in focus (1) or faded (0)."""
        if not self.lazy:
            empty = np.zeros(0)
            return empty.reshape(0, 4), empty, empty, empty.astype(np.int64), empty.astype(np.int64)
        lines = self._pending_lines()
        key = (self._lines_version, self._focus_version, self.by_value)
        if self._columns is None or self._columns[0] != key or len(self._looks) < len(lines.pairs):
            w, focus, colours = self.document.model, self.focus, self._colour_codes
            n = len(lines.pairs)
            weight, problem = np.zeros(n), np.zeros(n)
            colour, lit = np.zeros(n, dtype=np.int64), np.ones(n, dtype=np.int64)
            for k, pair in enumerate(lines.pairs):
                ids = self._pairs[pair]
                look = self._looks.get(pair)
                if look is None:
                    look = self._looks[pair] = look_of(w, [self.document.get(i) for i in ids], self.by_value)
                shown = focus is None or not focus.isdisjoint(ids)
                weight[k] = len(ids)
                problem[k] = look.problem and shown
                colour[k] = colours.setdefault(look.color, len(colours))
                lit[k] = shown
            self._columns = (key, np.stack([lines.x1, lines.y1, lines.x2, lines.y2], axis=1), weight, problem,
                             colour, lit)
        _key, ends, weight, problem, colour, lit = self._columns
        alive = lines.alive
        return ends[alive], weight[alive], problem[alive], colour[alive], lit[alive]

    # ------------------------------------------------------------------ following the document
    def _on_changes(self, changes: Changes) -> None:
        if self.lazy and self._summary_moved(changes):
            self._lines_version += 1
        if changes.everything:
            self.rebuild()
            return
        if changes.touches("reading"):
            self._follow_readings()
        placed = changes.placed(DIAGRAM)
        if not placed and not changes.touches("promise", "team", "segment", "value"):
            return
        place = self._follow_parties(changes)
        dirty, restyle = self._follow_promises(changes)
        if changes.structural("promise", "value") or changes.field_changed("promise", "parent", "value"):
            self._renumber()  # the tree of promises numbers them: its shape changed
        if self.by_value and changes.touches("value"):  # a value's colour is its place in the list
            restyle.update(self._pair_edges)
        stored = self.document.model.layouts.get(DIAGRAM, {})
        for node_id in placed:
            centre = stored.get(node_id)
            if centre is None:
                if node_id in self.scene.nodes:
                    self.provisional.add(node_id)
                    place = True
            else:
                self.provisional.discard(node_id)
                self.scene.move_node(node_id, centre)
        if dirty:
            self._redraw(dirty)
            if self.lazy:  # pairs without items changed: the summary is drawn again
                self.scene.touch()
        for pair in restyle - dirty:
            self._restyle(pair)
        if place:
            self._place_provisional()
        if dirty or place or self._graph is None:
            self._apply_focus()
        if dirty:
            self._update_halos()
        self._update_parent_link()

    def _follow_parties(self, changes: Changes) -> bool:
        """Add, remove and refresh the parties the edit touched; whether automatic places must be found again."""
        place = False
        stored = self.document.model.layouts.get(DIAGRAM, {})
        for kind in ("segment", "team"):
            for node_id in changes.ids(kind):
                obj, shown = self.document.find(node_id), node_id in self.scene.nodes
                if obj is None:
                    if shown:
                        self.scene.remove_node(node_id)
                        place = True
                    self.provisional.discard(node_id)
                elif not shown:
                    self.scene.add_node(self._make_node(obj), stored.get(node_id, (0.0, 0.0)))
                    if node_id not in stored:
                        self.provisional.add(node_id)
                    place = True
                else:
                    self._refresh_node(node_id)
                    place |= "kind" in changes.fields(kind, node_id)
        return place

    def _follow_promises(self, changes: Changes) -> tuple[set[Pair], set[Pair]]:
        """The pairs whose arrows must be drawn again, and those whose arrows only change their look."""
        dirty: set[Pair] = set()
        restyle: set[Pair] = set()
        listed = changes.inserted.get("promise", frozenset()) | changes.deleted.get("promise", frozenset()) \
            | changes.moved.get("promise", frozenset())
        for promise_id in changes.ids("promise"):
            old, p = self._pair_of.get(promise_id), self.document.find(promise_id)
            new = (p.from_, p.to) if isinstance(p, m.Promise) else None
            if promise_id in listed or old != new:
                dirty.update(pair for pair in (old, new) if pair is not None)
                self._graph = None
            elif new is not None:
                restyle.add(new)
                if "parent" in changes.fields("promise", promise_id):
                    self._graph = None
        return dirty, restyle

    def rebuild(self) -> None:
        """Draw the whole map again from the workshop (after a snapshot was restored)."""
        self.scene.cancel_gesture()
        self._emphasised = None  # its arrow goes with the others
        for node_id in list(self.scene.nodes):
            self.scene.remove_node(node_id)
        for edge_id in list(self.scene.edges):
            self.scene.remove_edge(edge_id)
        self._pairs.clear()
        self._pair_edges.clear()
        self._edge_of.clear()
        self._pair_of.clear()
        self._drawn.clear()
        self._looks.clear()
        self._pair_lines = None  # summed up again from the new pairs
        self._lines_version += 1
        self._drawn_version += 1
        self.provisional.clear()
        self.auto_expanded.clear()
        self._graph = None
        self._numbers = None
        self._readings = None
        self.focus = None
        self._populate()
        self._select_in_scene([i for i in self.ctx.selection if self.document.find(i) is not None])
        self._apply_focus()
        self._update_parent_link()

    def _redraw(self, dirty: set[Pair]) -> None:
        """Recount the promises of the changed pairs (in model order) and draw them and their reverses again."""
        fresh: dict[Pair, list[str]] = {pair: [] for pair in dirty}
        for p in self.document.model.promises:
            ids = fresh.get((p.from_, p.to))
            if ids is not None:
                ids.append(p.id)
        for pair, ids in fresh.items():
            gone = set(self._pairs.get(pair, [])) - set(ids)
            for i in gone:
                self._edge_of.pop(i, None)
                if self._pair_of.get(i) == pair:
                    del self._pair_of[i]
            for i in ids:
                self._pair_of[i] = pair
            if ids:
                self._pairs[pair] = ids
            else:
                self._pairs.pop(pair, None)
        pairs = dirty | {(b, a) for a, b in dirty if (b, a) in self._pairs}
        for pair in pairs:  # all old arrows go first: a promise that changed pairs keeps its id
            for edge_id in self._pair_edges.pop(pair, []):
                self.scene.remove_edge(edge_id)
        for pair in pairs:
            self._draw_pair(pair)

    def _refresh_node(self, node_id: str) -> None:
        node, obj = self.scene.nodes.get(node_id), self.document.find(node_id)
        if node is None or obj is None:
            return
        if node.set_content(node_kind(obj), obj.name, None):
            for edge in node.edges:
                edge.update_geometry()
        node.can_link = isinstance(obj, m.Team)
        self.scene.touch()

    def retranslate(self) -> None:
        """The prompt of a promise being typed in the current language (tooltips and hints are made when shown)."""
        entry = self._entry
        if entry is not None:
            names = [getattr(self.scene.nodes.get(i), "name", "") for i in (entry.source_id, entry.target_id)]
            entry.setPlaceholderText(entry_prompt(*names))

    # ------------------------------------------------------------------ selection and focus
    def selected_ids(self) -> list[str]:
        """The selected parties and promises (a bundle stands for all its promises)."""
        ids: list[str] = []
        for item in self.scene.selectedItems():
            if isinstance(item, PromiseEdge):
                ids.extend(item.promise_ids)
            elif isinstance(item, NodeItem):
                ids.append(item.node_id)
        return ids

    def _scene_selection(self) -> None:
        if not self._quiet:
            self.ctx.select(self.selected_ids())

    def _context_selection(self, ids: list[str]) -> None:
        if set(ids) != set(self.selected_ids()):
            self._select_in_scene(ids)
        self._apply_focus()
        self._update_parent_link()

    def _select_in_scene(self, ids: list[str]) -> None:
        wanted = set(ids)
        opened = False
        self.draw_pairs_of(ids)
        for pid in ids:
            edge = self.edge_of(pid)
            if edge is not None and edge.is_bundle and not wanted.issuperset(edge.promise_ids):
                pair = self.pair_of_edge(edge)
                self.auto_expanded.add(pair)
                self._draw_pair(pair)
                opened = True
        if opened:
            self._update_halos()
        items = [self._edge_of.get(i, i) for i in ids]
        self._quiet = True
        try:
            self.scene.select_ids(items)
        finally:
            self._quiet = False
        for item_id in ids:
            if self.reveal(item_id):
                break

    def reveal(self, obj_id: str) -> bool:
        """Scroll the party or promise `obj_id` into view (its bundle when collapsed); False when it is not drawn."""
        self.draw_pairs_of([obj_id])
        item = self.scene.nodes.get(obj_id) or self.scene.edges.get(self._edge_of.get(obj_id, obj_id))
        if item is None:
            return False
        self.view.ensureVisible(item.sceneBoundingRect(), 40, 40)
        return True

    def graph(self) -> FeedGraph:
        """The feed graph of the promises (built again after a promise changes its parties or parent)."""
        if self._graph is None:
            self._graph = FeedGraph.of(self.document.model)
        return self._graph

    def _apply_focus(self) -> None:
        """Dim what is outside the chain of the one selected team (or what reaches the one selected segment)."""
        selection = self.ctx.selection
        parties = [i for i in selection if i in self.scene.nodes]
        focus: set[str] | None = None
        if len(parties) == 1 and len(selection) == 1:
            focus = focus_of(self.document.model, parties[0], self.graph())
        if focus is None and self.focus is None:
            return
        self.focus = focus
        self._focus_version += 1
        for pair in list(self.auto_expanded):
            if focus is None or not self._partly(pair, focus):
                if not any(self._edge_of.get(i) == i and i in selection for i in self._pairs.get(pair, [])):
                    self.auto_expanded.discard(pair)
                    self._draw_pair(pair)
        if focus is not None:
            for pair, ids in list(self._pairs.items()):
                if len(ids) > 1 and pair not in self.expanded and pair not in self.auto_expanded \
                        and self._partly(pair, focus):
                    self.auto_expanded.add(pair)
                    self._draw_pair(pair)
        lit_nodes: set[str] = set(parties)
        for edge in self.scene.edges.values():
            if not isinstance(edge, PromiseEdge):
                continue
            lit = focus is None or bool(focus.intersection(edge.promise_ids))
            edge.set_dimmed(not lit)
            if lit and focus is not None:
                lit_nodes.update((edge.source.node_id, edge.target.node_id))
        for node_id, node in self.scene.nodes.items():
            if isinstance(node, PartyNode):
                node.set_dimmed(focus is not None and node_id not in lit_nodes)
        self._update_halos()
        self.halos.update()
        self.view.overview.invalidate(geometry=True)  # which nodes are faded is kept with the geometry
        self.view.viewport().update()
        self.focus_changed.emit()

    def _partly(self, pair: Pair, focus: set[str]) -> bool:
        ids = self._pairs.get(pair, [])
        inside = sum(i in focus for i in ids)
        return 0 < inside < len(ids)

    def highlighted_promises(self) -> set[str] | None:
        """The promises drawn in full while a party is in focus (None when nothing is dimmed)."""
        if self.focus is None:
            return None
        return {i for e in self.scene.edges.values() if isinstance(e, PromiseEdge) and not e.dimmed
                for i in e.promise_ids}

    def _update_parent_link(self) -> None:
        """Show the promise the one selected promise supports: a dotted curve to it, and its arrow outlined."""
        if self._emphasised is not None:
            self._emphasised.emphasis = False
            self._emphasised.update()
            self._emphasised = None
        selection = self.ctx.selection
        p = self.document.find(selection[0]) if len(selection) == 1 else None
        child = self.edge_of(p.id) if isinstance(p, m.Promise) else None
        parent = self.edge_of(p.parent) if isinstance(p, m.Promise) and p.parent else None
        if child is None or parent is None or parent is child:
            self.parent_link.setVisible(False)
            return
        self.parent_link.connect(child, parent)
        self.parent_link.setVisible(True)
        parent.emphasis = True
        parent.update()
        self._emphasised = parent


def _tr_refusal(text: str | None) -> str | None:
    return QCoreApplication.translate(CONTEXT, text) if text else None
