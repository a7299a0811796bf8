"""Other participants' selections on a diagram: a halo in each one's colour round the nodes and arrows they selected.

Drawn over the items by the scene (its foreground), never stored in the workshop; the marks of one participant lie
a little further out than the one before, so two on one node both show. Not drawn on a picture being made.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6 import QtGui
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem

from widgets.base.remote_selection import RemoteSelection, halo_colour
from widgets.diagram.items import NodeItem

if TYPE_CHECKING:
    from widgets.diagram.scene import DiagramScene

HALO_GAP = 4.0
"""How far (scene units) outside a node's outline the first participant's halo runs."""
HALO_STEP = 3.0
HALO_WIDTH = 3.0


def with_note(text: str, note: str) -> str:
    """A tooltip's text with a line added at its end (rich text or plain alike)."""
    if not note:
        return text
    if not text:
        return note
    if QtGui.Qt.mightBeRichText(text):
        line = "<br><b>" + escape(note) + "</b>"
        return text[:-5] + line + "</qt>" if text.endswith("</qt>") else text + line
    return text + "\n" + note


@dataclass(frozen=True)
class RemoteMark:
    """One participant's selection on this diagram."""

    name: str
    colour: QColor
    ids: frozenset[str]


class RemoteMarks:
    """The remote selections of one scene, by participant; `paint` draws them, `names_on` names who marks an item."""

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.marks: dict[str, RemoteMark] = {}

    def show(self, participant: str, colour: str, ids: Iterable[str], name: str = "") -> None:
        """Mark `ids` as `participant`'s selection (no ids: unmark); repaints only what changes."""
        before = self.marks.get(participant)
        wanted = frozenset(ids)
        if wanted:
            self.marks[participant] = RemoteMark(name, QColor(colour), wanted)
        else:
            self.marks.pop(participant, None)
        if before is not None and before.ids == wanted and self.marks.get(participant) == before:
            return
        for item_id in (before.ids if before is not None else frozenset()) | wanted:
            item = self.item(item_id)
            if item is not None:
                self.scene.update(item.sceneBoundingRect())

    def item(self, item_id: str) -> QGraphicsItem | None:
        return self.scene.nodes.get(item_id) or self.scene.edges.get(item_id)

    def names_on(self, item_id: str) -> list[str]:
        """Names of the participants who have this node or arrow selected."""
        return [mark.name for mark in self.marks.values() if item_id in mark.ids]

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw every participant's halos that reach into `rect` (scene units)."""
        if not self.marks or NodeItem.plain:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rank, mark in enumerate(self.marks.values()):
            colour = halo_colour(mark.colour)
            glow = QColor(colour)
            glow.setAlpha(70)
            pens = [QPen(glow, HALO_WIDTH * 2.5), QPen(colour, HALO_WIDTH)]
            for pen in pens:
                pen.setCosmetic(True)
                pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            gap = HALO_GAP + HALO_STEP * min(rank, 1)
            for item_id in mark.ids:
                item = self.item(item_id)
                if item is None or not item.isVisible() or not item.sceneBoundingRect().intersects(rect):
                    continue
                for pen in pens:
                    painter.setPen(pen)
                    if isinstance(item, NodeItem):
                        self._paint_node(painter, item, gap)
                    else:
                        painter.drawPath(item.shape())
        painter.restore()

    @staticmethod
    def _paint_node(painter: QPainter, node: NodeItem, gap: float) -> None:
        w, h = node.width, node.height
        pos = node.pos()
        painter.save()
        painter.setTransform(QTransform.fromScale((w + 2 * gap) / w, (h + 2 * gap) / h)
                             * QTransform.fromTranslate(pos.x(), pos.y()) * painter.transform())
        painter.drawPath(node.outline)
        painter.restore()


def show_remote_selections(scene: DiagramScene, selections: Iterable[RemoteSelection],
                           item_of: Callable[[str], str | None] = lambda item_id: item_id) -> None:
    """Show every participant's selection on `scene` (those no longer listed are unmarked); `item_of` says which
    node or arrow shows an object (None: none on this diagram)."""
    listed = set()
    for selection in selections:
        listed.add(selection.participant)
        ids = {item for item in map(item_of, selection.ids) if item is not None}
        scene.show_remote_selection(selection.participant, selection.colour, ids, selection.name)
    for participant in [p for p in scene.remote.marks if p not in listed]:
        scene.show_remote_selection(participant, "", ())
