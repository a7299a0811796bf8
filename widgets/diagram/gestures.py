"""Gestures shared by the diagram editors (structure, promise map): each is one undo step, provisional positions first.

Nodes shown where they were placed automatically, with no stored position yet, are "provisional"; the first
gesture that changes something stores their positions in the same undo step, so the arrangement stays put.
User-visible hints are passed in by the editors (translated in their own contexts); an undo step's name is passed
as a function that names it in the language shown, so the undo history follows a change of language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable

from app import changes
from app.document import EditRefused
from app.edits import Batch, Edit, SetPosition
from widgets.base.undo import EditGroup, push_group
from widgets.diagram import geometry
from widgets.diagram.inline_edit import InlineNameEditor

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from widgets.diagram.scene import DiagramScene, Moves
    from widgets.diagram.view import DiagramView

UndoName = Callable[[], str]
"""Names an undo step in the current language (called whenever the undo history is shown or renamed)."""


class DiagramGestures:
    """Mixin: a diagram's gestures as edits (the editor owns `scene`, `view`, `document`, `provisional`)."""

    DIAGRAM: str
    """The layout the positions are stored in ("structure" or "promises")."""
    BATCH_SINGLE = False
    """Whether a single edit that is not a Batch is wrapped in one too before it is pushed."""
    scene: DiagramScene
    view: DiagramView
    document: Any
    provisional: set[str]
    _renaming: InlineNameEditor | None

    def _push_edit(self, edit: Edit, name: UndoName) -> str | None:
        """Hook: apply one edit as one undo step named by `name`; the refusal's reason, or None."""
        raise NotImplementedError

    def rename_label(self) -> UndoName:
        """Hook: names the undo step of a rename, in the language shown."""
        raise NotImplementedError

    def _freeze(self, exclude: Iterable[str] = ()) -> list[Edit]:
        """SetPosition for every node still shown where it was placed automatically (except `exclude`)."""
        skip = set(exclude)
        return [SetPosition(self.DIAGRAM, n, None, self.scene.nodes[n].centre())
                for n in sorted(self.provisional) if n not in skip and n in self.scene.nodes]

    def push(self, edits: list[Edit], name: UndoName, freeze: bool = True, exclude: Iterable[str] = ()) -> str | None:
        """Apply `edits` as one undo step named by `name` (storing the provisional positions first); a refusal
        shows as a hint."""
        everything = (self._freeze(exclude) if freeze else []) + edits
        if not everything:
            return None
        single = len(everything) == 1 and (isinstance(everything[0], Batch) or not self.BATCH_SINGLE)
        edit = everything[0] if single else Batch(tuple(everything))
        reason = self._push_edit(edit, name)
        if reason:
            self.view.show_hint(reason)
        return reason

    def move_nodes(self, moves: Moves, name: UndoName) -> None:
        """Store the positions of dragged nodes (one undo step); put them back where the document refuses."""
        edits: list[Edit] = [changes.set_position(self.document, self.DIAGRAM, node_id, new)
                             for node_id, (_old, new) in moves.items()]
        if self.push(edits, name, exclude=moves):
            for node_id, (old, _new) in moves.items():
                self.scene.move_node(node_id, old)

    def delete_items(self, ids: list[str], gone: set[str], name: UndoName, stack: QUndoStack) -> None:
        """Delete `ids` with what hangs on them as one undo step named by `name` (`gone`: the nodes going, not to
        be frozen; the provisional positions of the others are stored first)."""
        group = EditGroup(self.document, name)
        try:
            frozen = self._freeze(gone)
            if frozen:
                group.add(Batch(tuple(frozen)))
            for item_id in ids:
                if self.document.find(item_id) is None:  # it went with an item deleted before it
                    continue
                try:
                    reason = group.add(changes.delete(self.document, item_id))
                except EditRefused as refused:
                    reason = str(refused)
                if reason:
                    self.view.show_hint(reason)
        finally:
            push_group(stack, group)

    def store_layout(self, positions: dict[str, tuple[float, float]], name: UndoName) -> None:
        """Store an automatic layout (the provisional nodes too, where it agrees with what is shown); fit the view."""
        from app import layout

        for node_id in self.provisional:
            positions.setdefault(node_id, self.scene.nodes[node_id].centre())
        edit = layout.layout_edit(self.document, self.DIAGRAM, positions)
        if edit.edits:
            self.push([edit], name, freeze=False)
        self.view.fit_all()

    def align_nodes(self, how: str, name: UndoName, hint: str) -> None:
        """Line the selected nodes up along an edge or centre line (one undo step); `hint` if fewer than two."""
        ids = [n.node_id for n in self.scene.selected_nodes()]
        if len(ids) < 2:
            self.view.show_hint(hint)
            return
        self._move_to(geometry.align(self.scene.centres(ids), self.scene.sizes(ids), how), name)

    def distribute_nodes(self, axis: str, name: UndoName, hint: str) -> None:
        """Space the selected nodes evenly (one undo step); `hint` if fewer than three."""
        ids = [n.node_id for n in self.scene.selected_nodes()]
        if len(ids) < 3:
            self.view.show_hint(hint)
            return
        self._move_to(geometry.distribute(self.scene.centres(ids), self.scene.sizes(ids), axis), name)

    def _move_to(self, targets: dict[str, tuple[float, float]], name: UndoName) -> None:
        current = self.scene.centres(targets)
        edits: list[Edit] = [changes.set_position(self.document, self.DIAGRAM, i, xy)
                             for i, xy in targets.items() if xy != current[i] or i in self.provisional]
        if edits:
            self.push(edits, name, exclude=targets)

    def rename(self, node_id: str) -> None:
        """Type a node's name in place (Enter or clicking elsewhere keeps it, Escape cancels)."""
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
            self.push([changes.update(self.document, node_id, name=name)], self.rename_label(), freeze=False)
