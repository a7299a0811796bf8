"""The structure diagram drawn from the document, then kept in line with each edit item by item.

Nodes without a stored position are "provisional": shown where app.layout.place_missing puts them and placed
again whenever the structure changes, until a gesture stores them (see widgets.diagram.gestures). A large
structure makes its links' items as the view reaches them (widgets.structure.lazy_links).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app import model as m
from app import readings
from app.changed import Changes
from widgets.diagram.items import EdgeItem, NodeItem
from widgets.diagram.lazy import HeadEdge
from widgets.structure.lazy_links import LINKS_PER_PAINT
from widgets.structure.parties import badge_for, node_kind

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from app.document import Document
    from widgets.diagram.inline_edit import InlineNameEditor
    from widgets.diagram.scene import DiagramScene
    from widgets.structure.lazy_links import LazyLinks

DIAGRAM = "structure"
PARTIES = ("segment", "team")
"""The kinds drawn as nodes."""
REVERSE_OFFSET = 9.0
"""How far apart two arrows between the same two parties (A serves B, B serves A) run."""


class StructureDrawing:
    """Mixin of the structure editor: puts the parties and links on `scene` and follows the document's changes."""

    document: Document
    scene: DiagramScene
    links: LazyLinks
    provisional: set[str]
    _renaming: InlineNameEditor | None
    _quiet: bool
    selection_changed: SignalInstance

    def selected_ids(self) -> list[str]:
        """Hook: the ids selected now (the editor's)."""
        raise NotImplementedError

    def _populate(self) -> None:
        """Put every segment, team and link on the scene (once; afterwards the scene follows edits)."""
        model = self.document.model
        self._latest_readings: dict[str, m.Reading] | None = None
        stored = model.layouts.get(DIAGRAM, {})
        missing = [o.id for o in [*model.segments, *model.teams] if o.id not in stored]
        placed = self._placements() if missing else {}
        for obj in [*model.segments, *model.teams]:
            centre = stored.get(obj.id) or placed.get(obj.id) or (0.0, 0.0)
            self.scene.add_node(self._make_node(obj), centre)
            if obj.id not in stored:
                self.provisional.add(obj.id)
        self.links.reset()
        if self.links.lazy:  # a large structure: the links get their items as the view reaches them
            return
        pairs = {(link.from_, link.to) for link in model.links}
        for link in model.links:
            self._add_edge(link, (link.to, link.from_) in pairs)

    def _model_links(self) -> list[m.Link]:
        """The workshop's links (what the lazy links are made from)."""
        return self.document.model.links

    def _make_link_item(self, link: m.Link) -> None:
        """Give a link its arrow item (a large structure's link reached by the view)."""
        self._add_edge(link, self.links.has_reverse(link))

    def _make_node(self, obj: Any) -> NodeItem:
        return NodeItem(obj.id, node_kind(obj), obj.name, badge_for(obj, self._latest(obj.id)),
                        can_link=isinstance(obj, m.Team))

    def _latest(self, team_id: str) -> m.Reading | None:
        """The latest figure of a team's success indicator (worked out once per change of the figures)."""
        if getattr(self, "_latest_readings", None) is None:
            self._latest_readings = readings.latest_by_object(self.document.model)
        return self._latest_readings.get(team_id)  # type: ignore[union-attr]

    def _add_edge(self, link: m.Link, reversed_too: bool | None = None) -> None:
        source, target = self.scene.nodes.get(link.from_), self.scene.nodes.get(link.to)
        if source is None or target is None:
            return
        if reversed_too is None:
            reverse = [e for e in source.edges if e.source is target]
            for edge in reverse:
                edge.offset = REVERSE_OFFSET
                edge.update_geometry()
            reversed_too = bool(reverse) or self.links.has_reverse(link)
        arrow = HeadEdge if self.links.lazy else EdgeItem  # a large structure's view draws the lines in one batch
        self.scene.add_edge(arrow(link.id, source, target, REVERSE_OFFSET if reversed_too else 0.0))

    def _fit_offsets(self) -> None:
        """Run each link item aside exactly when its parties are linked both ways (a large structure's links
        came or went without items: the items of the links the other way round are told here)."""
        both = self.links.table().pairs
        for edge in self.scene.edges.values():
            wanted = REVERSE_OFFSET if (edge.target.node_id, edge.source.node_id) in both else 0.0
            if edge.offset != wanted:
                edge.offset = wanted
                edge.update_geometry()

    def _remove_edge(self, link_id: str) -> None:
        edge = self.scene.edges.get(link_id)
        if edge is None:
            return
        for other in edge.target.edges:
            if other.target is edge.source and other.source is edge.target:
                other.offset = 0.0
                other.update_geometry()
        self.scene.remove_edge(link_id)

    def _placements(self) -> dict[str, tuple[float, float]]:
        """Where place_missing puts the nodes without a stored position (a simple grid if app.layout is missing)."""
        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        try:
            from app.layout import place_missing
        except ImportError:
            return _grid_places(self.document.model)
        return place_missing(self.document.model, DIAGRAM, sizes or None)

    def _place_provisional(self) -> None:
        """Move the nodes without a stored position to where place_missing puts them now."""
        if not self.provisional:
            return
        placed = self._placements()
        for node_id in self.provisional:
            if node_id in placed:
                self.scene.move_node(node_id, placed[node_id])

    # ------------------------------------------------------------------ following the document
    def _on_changes(self, changes: Changes) -> None:
        """Bring the scene in line with what an edit changed, item by item (a rebuild after `everything`)."""
        if changes.everything:
            self._rebuild()
            return
        if changes.touches("reading"):  # a team's badge shows its latest figure
            self._latest_readings = None
            for team in self.document.model.teams:
                self._refresh_node(team.id)
        placed = changes.placed(DIAGRAM)
        if not placed and not changes.touches(*PARTIES, "link"):
            return
        document, scene = self.document, self.scene
        for node_id in frozenset().union(*(changes.inserted.get(k, ()) for k in PARTIES),
                                         *(changes.deleted.get(k, ()) for k in PARTIES)):
            obj = document.find(node_id)
            if obj is None:
                scene.remove_node(node_id)
                self.provisional.discard(node_id)
            elif node_id not in scene.nodes:
                self._add_node(obj)
        reshaped = False
        for kind in PARTIES:
            for node_id, fields in changes.updated.get(kind, {}).items():
                self._refresh_node(node_id)
                reshaped |= "kind" in fields
        if self.links.lazy and (changes.structural(*PARTIES, "link") or changes.ids("link")):
            self.links.forget()
        changed_links = sorted(changes.ids("link"))
        eager = not self.links.lazy or len(changed_links) <= LINKS_PER_PAINT
        for link_id in changed_links:  # an updated link may join other parties: drawn afresh
            had_item = link_id in scene.edges
            self._remove_edge(link_id)
            link = document.find(link_id)
            if isinstance(link, m.Link) and (eager or had_item):
                self._add_edge(link)  # (many at once on a large structure: made when the view reaches them)
        if self.links.lazy and changed_links:
            self._fit_offsets()
        stored = document.model.layouts.get(DIAGRAM, {})
        # Nodes without a stored position stand where place_missing puts them around the stored ones, so a drop
        # moves them too; but with hundreds of them that takes seconds (1,500 among 3,500 at 5,000 teams): then a
        # drop moves only the dropped node, and they are placed again when a node loses its position or the
        # structure changes.
        unplaced = bool(placed) and len(self.provisional) <= REPLACE_ON_DROP_UP_TO
        for node_id in placed:
            if node_id not in scene.nodes:
                continue
            if node_id in stored:
                self.provisional.discard(node_id)
                scene.move_node(node_id, stored[node_id])
            else:
                self.provisional.add(node_id)
                unplaced = True
        if self.provisional and (unplaced or reshaped or changes.structural(*PARTIES, "link")
                                 or "link" in changes.updated):
            self._place_provisional()

    def _add_node(self, obj: Any) -> None:
        """Draw a segment or team where it is stored (provisionally at the origin until placed)."""
        stored = self.document.model.layouts.get(DIAGRAM, {})
        self.scene.add_node(self._make_node(obj), stored.get(obj.id, (0.0, 0.0)))
        if obj.id not in stored:
            self.provisional.add(obj.id)

    def _rebuild(self) -> None:
        """Draw the whole diagram afresh (the workshop may have changed entirely), keeping what is still selected."""
        selected = self.selected_ids()
        if self._renaming is not None:
            self._renaming.cancel()
        self._quiet = True
        try:
            self.scene.cancel_gesture()
            for node_id in list(self.scene.nodes):
                self.scene.remove_node(node_id)
            for edge_id in list(self.scene.edges):
                self.scene.remove_edge(edge_id)
            self.provisional.clear()
            self._populate()
            self.scene.select_ids(selected)
        finally:
            self._quiet = False
        if self.selected_ids() != selected:
            self.selection_changed.emit(self.selected_ids())

    def _refresh_node(self, node_id: str) -> None:
        node, obj = self.scene.nodes.get(node_id), self.document.find(node_id)
        if node is None or obj is None:
            return
        before = (node.kind, node.badge)
        reshaped = node.set_content(node_kind(obj), obj.name, badge_for(obj, self._latest(node_id)))
        if reshaped:
            for edge in node.edges:
                edge.update_geometry()
        if (node.kind, node.badge) != before:  # the zoomed-out drawing shows kinds and indicator marks
            self.scene.touch()


REPLACE_ON_DROP_UP_TO = 100
"""Up to this many nodes without a stored position are placed again after every drop."""


def _grid_places(workshop: m.Workshop) -> dict[str, tuple[float, float]]:
    """A plain grid for nodes without positions (used only while app.layout is not available)."""
    stored = workshop.layouts.get(DIAGRAM, {})
    ids = [o.id for o in [*workshop.segments, *workshop.teams] if o.id not in stored]
    top = max((y for _x, y in stored.values()), default=-160.0) + 160.0
    return {node_id: (i % 10 * 240.0, top + i // 10 * 140.0) for i, node_id in enumerate(ids)}
