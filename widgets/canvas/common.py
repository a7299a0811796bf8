"""What the canvas editor's views share: the document and undo stack, the canvas shown, the selection, styles."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QUndoStack

from app import model as m
from app.changed import Changes
from app.document import Document
from app.edits import Edit
from widgets.base.undo import Name, push_edit

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


@dataclass(frozen=True)
class Touch:
    """What one edit changed for the views of one canvas, read from the edit's `Changes`."""

    levels: frozenset[tuple[str, str]] = frozenset()
    curves: dict[str, frozenset[str]] = field(default_factory=dict)  # curve id -> fields updated
    factors: dict[str, frozenset[str]] = field(default_factory=dict)  # factor id -> fields updated
    canvas_fields: frozenset[str] = frozenset()
    factor_structure: bool = False  # factors of the canvas added, removed or reordered
    curve_structure: bool = False  # curves of the canvas added, removed or reordered
    canvas_list: bool = False  # a canvas was added, removed, moved or retitled
    segments: bool = False
    canvas_removed: bool = False
    everything: bool = False  # the whole workshop may differ (a snapshot restored): draw the canvas again

    @property
    def on_canvas(self) -> bool:
        """Whether anything drawn from the canvas changed."""
        return self.everything or bool(self.levels or self.curves or self.factors or self.canvas_fields
                                       or self.factor_structure or self.curve_structure)


def touch_in(changes: Changes, canvas_id: str | None) -> Touch:
    """What `changes` mean to the views of canvas `canvas_id` (None: no canvas shown)."""
    canvas_list = changes.structural("canvas") or changes.field_changed("canvas", "title")
    segments = changes.touches("segment")
    if changes.everything:
        return Touch(canvas_list=True, segments=True, everything=True)
    if canvas_id is None:
        return Touch(canvas_list=canvas_list, segments=segments)
    inner = changes.under(canvas_id)
    return Touch(
        levels=inner.levels,
        curves=inner.updated.get("curve", {}),
        factors=inner.updated.get("factor", {}),
        canvas_fields=changes.fields("canvas", canvas_id),
        factor_structure=inner.structural("factor"),
        curve_structure=inner.structural("curve"),
        canvas_list=canvas_list,
        segments=segments,
        canvas_removed=canvas_id in changes.deleted.get("canvas", frozenset()),
    )


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

    def push(self, edit: Edit, text: Name = None) -> bool:
        """Apply `edit` through the undo stack; a refusal becomes a hint. True when it was applied.

        `text` names the undo step: a function that names it in the language shown (the undo history follows a
        change of language), or None for the edit's own description."""
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

    A subclass implements `rebuild()` (show the canvas from scratch), `follow(touch)` (one edit) and
    `retranslate()` (its fixed texts in the current language).
    """

    _stale = True

    def reset_canvas(self) -> None:
        """Show the context's canvas: now if the view is on screen, else when it is next shown."""
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.rebuild()
        else:
            self._stale = True

    def apply(self, changes: Changes) -> None:
        """Follow one applied edit (or remember to catch up when hidden)."""
        if self._stale:
            return
        if not self.isVisible():  # type: ignore[attr-defined]
            self._stale = True
            return
        touch = touch_in(changes, self.ctx.canvas_id)  # type: ignore[attr-defined]
        if touch.everything:
            self.rebuild()
        else:
            self.follow(touch)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(ev)  # type: ignore[misc]

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

    def retranslate(self) -> None:
        """Every fixed text of the view in the current language."""
        raise NotImplementedError
