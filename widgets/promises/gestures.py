"""The promise map's gestures as edits: move, draw a promise and type it, delete, arrange, align, rename.

Every gesture is one undo step. The first gesture that changes something also stores the positions of the
parties still shown where they were placed automatically (see widgets.promises.diagram).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.edits import Edit
from app.promise_rules import new_promise
from widgets.diagram.gestures import DiagramGestures, UndoName
from widgets.diagram.scene import Moves
from widgets.promises.entry import PromiseEntry
from widgets.promises.items import PromiseEdge
from widgets.structure.parties import tooltip

if TYPE_CHECKING:
    from widgets.promises.context import PromiseContext

DIAGRAM = "promises"
CONTEXT = "PromiseMap"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language (the promise map's context); plural forms by `n`, as `QObject.tr` takes them."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def entry_prompt(promiser: str, promisee: str) -> str:
    """The prompt of the line where a new promise is typed."""
    return tr("What does “%1” promise to “%2”? Enter adds it, Escape drops it").replace(
        "%1", promiser).replace("%2", promisee)


class PromiseGestures(DiagramGestures):
    """The gestures of the promise map (mixed into PromiseDiagram, which owns the scene, view and context)."""

    DIAGRAM = DIAGRAM
    ctx: PromiseContext
    _entry: PromiseEntry | None

    def _push_edit(self, edit: Edit, name: UndoName) -> str | None:
        return self.ctx.push(edit, name)

    def rename_label(self) -> UndoName:
        """Names the undo step of a rename."""
        return lambda: tr("Rename")

    def _on_nodes_moved(self, moves: Moves) -> None:
        count = len(moves)
        self.move_nodes(moves, lambda: tr("Move %n part(ies)", None, count))

    def _on_link_dragged(self, from_id: str, to_id: str) -> None:
        source, target = self.scene.nodes.get(from_id), self.scene.nodes.get(to_id)
        if source is None or target is None:
            return
        if self._entry is not None:
            self._entry.commit()
        self.view.hide_hint()
        self._entry = PromiseEntry(self.view, source, target, entry_prompt(source.name, target.name), self._entered)

    def _entered(self, from_id: str, to_id: str, text: str | None) -> None:
        self._entry = None
        if text is None or self.document.find(from_id) is None or self.document.find(to_id) is None:
            return
        edit = new_promise(self.document, from_id, to_id, text)
        if self.push([edit], lambda: tr("Add promise")) is None:
            self.ctx.select([edit.obj.id])

    def _on_link_refused(self, reason: str) -> None:
        self.view.show_hint(reason or tr("Drop the arrow on the client segment or the team that receives the "
                                         "promise."))

    def delete_selection(self) -> None:
        """Delete the selected promises and parties (with what hangs on them) as one undo step."""
        nodes = [n.node_id for n in self.scene.selected_nodes()]
        gone = set(nodes)
        promises = [i for e in self.scene.selected_edges() if isinstance(e, PromiseEdge)
                    and e.source.node_id not in gone and e.target.node_id not in gone for i in e.promise_ids]
        ids = promises + nodes
        if not ids:
            return
        count = len(ids)
        self.delete_items(ids, gone, lambda: tr("Delete %n item(s)", None, count), self.ctx.undo_stack)

    def apply_layout(self) -> None:
        """Arrange every party in layers from the client along the promises: one undo step."""
        from app import layout

        sizes = {i: n.size for i, n in self.scene.nodes.items()}
        self.store_layout(layout.layered_layout(self.document.model, DIAGRAM, sizes or None),
                          lambda: tr("Arrange in layers"))

    def align_selected(self, how: str) -> None:
        """Line the selected parties up along an edge or centre line (one undo step)."""
        self.align_nodes(how, lambda: tr("Align"), tr("Select two or more parties to align them."))

    def distribute_selected(self, axis: str) -> None:
        """Space the selected parties evenly (one undo step)."""
        self.distribute_nodes(axis, lambda: tr("Distribute"),
                              tr("Select three or more parties to distribute them."))

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
