"""The promise map's gestures as edits: move, draw a promise and type it, delete, arrange, align, rename.

Every gesture is one undo step. The first gesture that changes something also stores the positions of the
parties still shown where they were placed automatically (see widgets.promises.diagram).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from PySide6.QtCore import QCoreApplication

from app import changes
from app.document import EditRefused
from app.edits import Batch, Edit, SetPosition
from app.promise_rules import new_promise
from widgets.diagram import geometry
from widgets.diagram.inline_edit import InlineNameEditor
from widgets.diagram.scene import Moves
from widgets.promises.entry import PromiseEntry
from widgets.promises.items import PromiseEdge
from widgets.structure.parties import tooltip

if TYPE_CHECKING:
    from widgets.diagram.scene import DiagramScene
    from widgets.diagram.view import DiagramView
    from widgets.promises.context import PromiseContext

DIAGRAM = "promises"
CONTEXT = "PromiseMap"


def tr(text: str, n: int = -1) -> str:
    """`text` in the user's language (the promise map's context)."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


class PromiseGestures:
    """The gestures of the promise map (mixed into PromiseDiagram, which owns the scene, view and context)."""

    ctx: PromiseContext
    scene: DiagramScene
    view: DiagramView
    provisional: set[str]
    _entry: PromiseEntry | None
    _renaming: InlineNameEditor | None
    document: Any

    def _freeze(self, exclude: Iterable[str] = ()) -> list[Edit]:
        skip = set(exclude)
        return [SetPosition(DIAGRAM, n, None, self.scene.nodes[n].centre())
                for n in sorted(self.provisional) if n not in skip and n in self.scene.nodes]

    def push(self, edits: list[Edit], label: str, freeze: bool = True, exclude: Iterable[str] = ()) -> str | None:
        """Apply `edits` (with the provisional positions stored first) as one undo step; a refusal shows as a hint."""
        everything = (self._freeze(exclude) if freeze else []) + edits
        if not everything:
            return None
        edit = everything[0] if len(everything) == 1 else Batch(tuple(everything), label)
        reason = self.ctx.push(edit, label)
        if reason:
            self.view.show_hint(reason)
        return reason

    def _on_nodes_moved(self, moves: Moves) -> None:
        edits: list[Edit] = [changes.set_position(self.document, DIAGRAM, node_id, new)
                             for node_id, (_old, new) in moves.items()]
        if self.push(edits, tr("Move %n part(ies)", len(moves)), exclude=moves):
            for node_id, (old, _new) in moves.items():
                self.scene.move_node(node_id, old)

    def _on_link_dragged(self, from_id: str, to_id: str) -> None:
        source, target = self.scene.nodes.get(from_id), self.scene.nodes.get(to_id)
        if source is None or target is None:
            return
        if self._entry is not None:
            self._entry.commit()
        self.view.hide_hint()
        prompt = tr("What does “%1” promise to “%2”? Enter adds it, Escape drops it").replace(
            "%1", source.name).replace("%2", target.name)
        self._entry = PromiseEntry(self.view, source, target, prompt, self._entered)

    def _entered(self, from_id: str, to_id: str, text: str | None) -> None:
        self._entry = None
        if text is None or self.document.find(from_id) is None or self.document.find(to_id) is None:
            return
        edit = new_promise(self.document, from_id, to_id, text)
        if self.push([edit], tr("Add promise")) is None:
            self.ctx.select([edit.obj.id])

    def _on_link_refused(self, reason: str) -> None:
        self.view.show_hint(reason or tr("Drop the arrow on the client segment or the team that receives the "
                                         "promise."))

    def delete_selected(self) -> None:
        """Delete the selected promises and parties (with what hangs on them) as one undo step."""
        nodes = [n.node_id for n in self.scene.selected_nodes()]
        gone = set(nodes)
        promises = [i for e in self.scene.selected_edges() if isinstance(e, PromiseEdge)
                    and e.source.node_id not in gone and e.target.node_id not in gone for i in e.promise_ids]
        ids = promises + nodes
        if not ids:
            return
        label = tr("Delete %n item(s)", len(ids))
        stack = self.ctx.undo_stack
        stack.beginMacro(label)
        try:
            first = True
            for item_id in ids:
                if self.document.find(item_id) is None:
                    continue
                try:
                    edit = changes.delete(self.document, item_id)
                except EditRefused as refused:
                    self.view.show_hint(str(refused))
                    continue
                self.push([edit], label, freeze=first, exclude=gone)
                first = False
        finally:
            stack.endMacro()

    def apply_layout(self) -> None:
        """Arrange every party in layers from the client along the promises: one undo step."""
        from app import layout

        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        positions = layout.layered_layout(self.document.model, DIAGRAM, sizes or None)
        for node_id in self.provisional:
            positions.setdefault(node_id, self.scene.nodes[node_id].centre())
        label = tr("Arrange in layers")
        edit = layout.layout_edit(self.document, DIAGRAM, positions, label)
        if edit.edits:
            self.push([edit], label, freeze=False)
        self.view.fit_all()

    def align_selected(self, how: str) -> None:
        """Line the selected parties up along an edge or centre line (one undo step)."""
        ids = [n.node_id for n in self.scene.selected_nodes()]
        if len(ids) < 2:
            self.view.show_hint(tr("Select two or more parties to align them."))
            return
        self._move_to(geometry.align(self.scene.centres(ids), self.scene.sizes(ids), how), tr("Align"))

    def distribute_selected(self, axis: str) -> None:
        """Space the selected parties evenly (one undo step)."""
        ids = [n.node_id for n in self.scene.selected_nodes()]
        if len(ids) < 3:
            self.view.show_hint(tr("Select three or more parties to distribute them."))
            return
        self._move_to(geometry.distribute(self.scene.centres(ids), self.scene.sizes(ids), axis), tr("Distribute"))

    def _move_to(self, targets: dict[str, tuple[float, float]], label: str) -> None:
        current = self.scene.centres(targets)
        edits: list[Edit] = [changes.set_position(self.document, DIAGRAM, i, xy)
                             for i, xy in targets.items() if xy != current[i] or i in self.provisional]
        if edits:
            self.push(edits, label, exclude=targets)

    def rename(self, node_id: str) -> None:
        """Type a party's name in place (a double-click; Enter or clicking elsewhere keeps it, Escape cancels)."""
        node = self.scene.nodes.get(node_id)
        if node is None:
            return
        if self._renaming is not None:
            self._renaming.commit()
        self.view.ensure_node_visible(node_id)
        self._renaming = InlineNameEditor(self.view, node, self._renamed)

    def _renamed(self, node_id: str, name: str | None) -> None:
        self._renaming = None
        obj = self.document.find(node_id)
        if name is not None and obj is not None and name != obj.name:
            self.push([changes.update(self.document, node_id, name=name)], tr("Rename"), freeze=False)

    def _edge_activated(self, edge: PromiseEdge) -> None:
        """A double-click on an arrow: a bundle opens; a promise puts the keyboard on its text in the inspector."""
        if edge.is_bundle:
            self.set_expanded(self.pair_of_edge(edge), True)  # type: ignore[attr-defined]
            return
        self.ctx.select(edge.promise_ids)
        self.ctx.text_requested.emit(edge.promise_ids[0])

    def _tooltip(self, node_id: str) -> str:
        obj = self.document.find(node_id)
        if obj is None:
            return ""
        made = len([p for p in self.document.model.promises if p.from_ == node_id])
        got = len([p for p in self.document.model.promises if p.to == node_id])
        return tooltip(obj) + "\n" + tr("Makes %1 promises, receives %2").replace("%1", str(made)).replace(
            "%2", str(got))
