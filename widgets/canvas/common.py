"""What the canvas editor's views share: the document and undo stack, the canvas shown, the selection, styles."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QUndoStack

from app import model as m
from app.document import Document
from app.edits import Delete, Edit, Insert, Leaf, Move, SetLevel, Update
from widgets.base.undo import push_edit

INK = "#1F2430"  # text on the chart
MUTED = "#5B6270"  # axis captions, secondary text
GRID = "#E3E6EB"
RULE = "#C9CED6"
SELECT = "#1F2430"  # the ring around the selected point
DEAR_COLOR = "#B86E00"  # the price-like marking, as in the exports
DEAR_TINT = "#FFF5E3"
ERRC_COLORS: dict[str, str] = {"eliminate": "#D55E00", "reduce": "#E69F00", "raise": "#009E73", "create": "#0072B2"}
ERRC_TINTS: dict[str, str] = {"eliminate": "#FBE7DC", "reduce": "#FCF0D6", "raise": "#D9F0E8", "create": "#DAE9F4"}


def qcolor(color: str, fallback: str = "#0072B2") -> QColor:
    """A QColor from a "#RRGGBB" string, or the fallback when it is not a colour."""
    c = QColor(color)
    return c if c.isValid() else QColor(fallback)


@dataclass
class Touch:
    """What one applied edit changed on the canvas shown, gathered from its leaves."""

    levels: set[tuple[str, str]] = field(default_factory=set)
    curves: dict[str, set[str]] = field(default_factory=dict)  # curve id -> fields updated
    factors: dict[str, set[str]] = field(default_factory=dict)  # factor id -> fields updated
    canvas_fields: set[str] = field(default_factory=set)
    structure: list[Leaf] = field(default_factory=list)  # insert/delete/move of this canvas's factors and curves
    canvas_list: bool = False  # a canvas was added, removed, moved or retitled
    segments: bool = False
    canvas_removed: bool = False

    @property
    def factor_structure(self) -> bool:
        """Whether factors were added, removed or reordered."""
        return any(leaf.kind == "factor" for leaf in self.structure)  # type: ignore[union-attr]

    @property
    def curve_structure(self) -> bool:
        """Whether curves were added, removed or reordered."""
        return any(leaf.kind == "curve" for leaf in self.structure)  # type: ignore[union-attr]

    @property
    def on_canvas(self) -> bool:
        """Whether anything drawn from the canvas shown changed."""
        return bool(self.levels or self.curves or self.factors or self.canvas_fields or self.structure)


def touch_of(document: Document, canvas_id: str | None, applied: list[Leaf]) -> Touch:
    """Sort the applied leaves by what they mean to the views of canvas `canvas_id`."""
    t = Touch()
    for leaf in applied:
        if isinstance(leaf, SetLevel):
            if canvas_id is not None and document.find(leaf.curve) is not None \
                    and document.parent_of(leaf.curve) == canvas_id:
                t.levels.add((leaf.curve, leaf.factor))
        elif isinstance(leaf, Update):
            if leaf.kind == "canvas":
                t.canvas_list = t.canvas_list or "title" in leaf.changes
                if leaf.id == canvas_id:
                    t.canvas_fields.update(leaf.changes)
            elif leaf.kind in ("curve", "factor"):
                if document.find(leaf.id) is not None and document.parent_of(leaf.id) == canvas_id:
                    target = t.curves if leaf.kind == "curve" else t.factors
                    target.setdefault(leaf.id, set()).update(leaf.changes)
            elif leaf.kind == "segment":
                t.segments = True
        elif isinstance(leaf, (Insert, Delete, Move)):
            if leaf.kind == "canvas":
                t.canvas_list = True
                if isinstance(leaf, Delete) and leaf.id == canvas_id:
                    t.canvas_removed = True
            elif leaf.kind == "segment":
                t.segments = True
            elif leaf.kind in ("factor", "curve") and leaf.parent == canvas_id and canvas_id is not None:
                t.structure.append(leaf)
    return t


class CanvasContext(QObject):
    """The document, the undo stack, the canvas shown and the selected curve and factor, shared by the views."""

    selection_changed = Signal()
    hinted = Signal(str)

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.canvas_id: str | None = None
        self.curve_id: str | None = None
        self.factor_id: str | None = None

    @property
    def canvas(self) -> m.Canvas | None:
        """The canvas shown, or None."""
        return self.document.find(self.canvas_id) if self.canvas_id else None

    def push(self, edit: Edit, text: str | None = None) -> bool:
        """Apply `edit` through the undo stack; a refusal becomes a hint. True when it was applied."""
        reason = push_edit(self.undo_stack, self.document, edit, text)
        if reason:
            self.hinted.emit(reason)
            return False
        return True

    def select(self, curve_id: str | None = ..., factor_id: str | None = ...) -> None:  # type: ignore[assignment]
        """Select a curve and/or a factor (an argument left out keeps its current choice)."""
        curve = self.curve_id if curve_id is ... else curve_id
        factor = self.factor_id if factor_id is ... else factor_id
        if (curve, factor) != (self.curve_id, self.factor_id):
            self.curve_id, self.factor_id = curve, factor
            self.selection_changed.emit()

    def repair_selection(self) -> None:
        """Keep the selection on objects that still exist on the canvas shown (a neighbour or a default)."""
        canvas = self.canvas
        curve, factor = self.curve_id, self.factor_id
        if canvas is None:
            curve = factor = None
        else:
            curve_ids = [c.id for c in canvas.curves]
            if curve not in curve_ids:
                curve = default_curve(canvas)
            if factor is not None and factor not in {f.id for f in canvas.factors}:
                factor = None
        self.select(curve, factor)


def default_curve(canvas: m.Canvas) -> str | None:
    """The curve selected when a canvas is shown: its to-be curve, else its first visible one, else the first."""
    for test in (lambda c: c.visible and c.kind == "to_be", lambda c: c.visible, lambda c: True):
        found = next((c for c in canvas.curves if test(c)), None)
        if found is not None:
            return found.id
    return None


class FollowsWhenShown:
    """Mixin for the side views: they follow edits only while shown and catch up in full when shown again.

    A subclass implements `rebuild()` (show the canvas from scratch) and `follow(touch)` (one edit).
    """

    _stale = True

    def reset_canvas(self) -> None:
        """Show the context's canvas: now if the view is on screen, else when it is next shown."""
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.rebuild()
        else:
            self._stale = True

    def apply(self, touch: Touch) -> None:
        """Follow one applied edit (or remember to catch up when hidden)."""
        if self._stale:
            return
        if not self.isVisible():  # type: ignore[attr-defined]
            self._stale = True
            return
        self.follow(touch)

    def showEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(ev)  # type: ignore[misc]
        if self._stale:
            self._stale = False
            self.rebuild()

    def rebuild(self) -> None:
        """Show the context's canvas from scratch."""
        raise NotImplementedError

    def follow(self, touch: Touch) -> None:
        """Follow one applied edit."""
        raise NotImplementedError
