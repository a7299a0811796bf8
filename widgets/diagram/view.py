"""The diagram view: zoom around the cursor, pan, keys, fit to window, a snap grid, hints, drops from a palette.

Qt's BSP index and a partial viewport update keep a drag step cheap; below OVERVIEW_SCALE the view paints
the scene itself in batches (OverviewPainter) instead of calling every item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmapCache,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QLabel, QStyleOptionGraphicsItem, QWidget

from widgets.diagram.items import NodeItem
from widgets.diagram.overview import OverviewPainter
from widgets.diagram.palette import PARTY_MIME
from widgets.diagram.scene import DiagramScene
from widgets.diagram.style import NAME_PIXELS, OVERVIEW_SCALE

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
FIT_MAX_ZOOM = 1.25
READABLE_PIXELS = 11.0
"""Fit to window zooms out no further than names of this many screen pixels: past that it shows the client."""
FIT_MIN_ZOOM = READABLE_PIXELS / NAME_PIXELS
"""Fitting a small diagram to the window zooms in no further than this."""
ZOOM_STEP = 1.25
NUDGE, FINE_NUDGE = 10.0, 1.0
HINT_MS = 4500
FRAGMENTED_REGION = 120
"""A region painted again in more pieces than this is painted as its box (see paintEvent)."""


class DiagramView(QGraphicsView):
    """A view of a DiagramScene with the gestures and keys of a drawing tool."""

    zoom_changed = Signal(float)
    """The scale changed (1.0 = 100 %)."""
    kind_dropped = Signal(str, QPointF)
    """A kind was dropped from a palette at this scene position."""
    delete_requested = Signal()
    """Delete (or Backspace) was pressed with something selected."""

    def __init__(self, scene: DiagramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontSavePainterState
                                  | QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemBoundingRect)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pan and zoom instead: a
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # clean picture on a projector
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))  # nodes cache their drawing
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.show_grid = False
        self.overview_enabled = True
        self.overview = OverviewPainter()
        self._pan: tuple[QPoint, int, int] | None = None
        self._space = False
        self._hint = QLabel(self)
        self._hint.setObjectName("diagramHint")
        self._hint.setWordWrap(True)
        self._hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._hint.setStyleSheet("#diagramHint { background: rgba(29, 39, 51, 225); color: white; padding: 8px 14px;"
                                 " border-radius: 6px; font-size: 11pt; }")
        self._hint.hide()
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.timeout.connect(self._hint.hide)
        self._layer: QImage | None = None
        self._layer_key: tuple | None = None
        self._rendering_layer = False
        self._live_rect: QRectF | None = None
        self.repainting: list[QRectF] | None = None
        """While the view paints: the parts of the scene it paints again (scene units; items may leave out what
        only their box reaches: Qt tells them the box around all the parts)."""
        self._fit_on_resize = False
        scene.geometry_changed.connect(self._geometry_changed)
        scene.looks_changed.connect(self._repaint_overview)
        scene.selectionChanged.connect(self._repaint_overview)
        scene.live_moved.connect(self._live_moved)

    def diagram(self) -> DiagramScene:
        """The scene shown (typed)."""
        scene = self.scene()
        assert isinstance(scene, DiagramScene)
        return scene

    # ------------------------------------------------------------------ zoom and scroll
    @property
    def zoom(self) -> float:
        """The current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, scale: float, anchor: QPoint | None = None) -> None:
        """Scale to `scale` keeping the scene point under `anchor` (viewport pixels; default: the centre) in place."""
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        self._fit_on_resize = False  # the user chose a zoom: a resize keeps it
        if anchor is None:
            anchor = self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self.setTransform(QTransform.fromScale(scale, scale))
        self.update_scroll_area()
        self.scroll_to_put(fixed, QPointF(anchor))
        self.zoom_changed.emit(scale)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Multiply the scale by `factor` around `anchor` (viewport pixels)."""
        self.set_zoom(self.zoom * factor, anchor)

    def _cursor_anchor(self) -> QPoint | None:
        """The cursor in viewport pixels when it is over the viewport, else None (zoom around the centre)."""
        pos = self.viewport().mapFromGlobal(self.cursor().pos())
        return pos if self.viewport().rect().contains(pos) else None

    def zoom_in(self) -> None:
        """One step closer, around the cursor when it is over the diagram."""
        self.zoom_by(ZOOM_STEP, self._cursor_anchor())

    def zoom_out(self) -> None:
        """One step further, around the cursor when it is over the diagram."""
        self.zoom_by(1 / ZOOM_STEP, self._cursor_anchor())

    def actual_size(self) -> None:
        """Scale 100 %."""
        self.set_zoom(1.0, self._cursor_anchor())

    def scroll_to_put(self, scene_point: QPointF, viewport_point: QPointF) -> None:
        """Scroll so that `scene_point` shows at `viewport_point`."""
        now = self.mapFromScene(scene_point)
        dx, dy = now.x() - viewport_point.x(), now.y() - viewport_point.y()
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def fit_rect(self, rect: QRectF, max_zoom: float = FIT_MAX_ZOOM, min_zoom: float = MIN_ZOOM,
                 focus: QRectF | None = None) -> None:
        """Zoom and scroll so that `rect` (scene units) fills the window, zooming in no further than `max_zoom`.

        When `rect` needs a zoom below `min_zoom`, the view keeps `min_zoom` and shows as much of `rect` as fits
        around its centre, moved as little as needed to keep `focus` in view.
        """
        if rect.isEmpty():
            return
        margin = 30.0
        area = self.viewport().rect()
        sx = (area.width() - 2 * margin) / max(rect.width(), 1.0)
        sy = (area.height() - 2 * margin) / max(rect.height(), 1.0)
        scale = max(MIN_ZOOM, min_zoom, min(max_zoom, sx, sy))
        self.setTransform(QTransform.fromScale(scale, scale))
        self.update_scroll_area()
        self.centerOn(_centre_keeping(rect, focus, area.width() / scale, area.height() / scale))
        self.zoom_changed.emit(scale)

    def fit_all(self) -> None:
        """Show every node, or, when that would make names unreadable, as many as can be read around the client."""
        scene = self.diagram()
        clients = [n for n, item in scene.nodes.items() if item.kind == "segment"]
        focus = scene.nodes_rect(clients).adjusted(-20, -30, 20, 20) if clients else None
        self.fit_rect(scene.nodes_rect().adjusted(-20, -30, 20, 20), min_zoom=FIT_MIN_ZOOM, focus=focus)

    def fit_all_while_unzoomed(self) -> None:
        """Show every node now and again after each resize until the user zooms or clicks into the drawing.

        A window's first layout sizes the view in several steps, so a fit made when the editor is first shown
        would otherwise keep the scale of a view only a few pixels wide.
        """
        self._fit_on_resize = True
        self.fit_all()

    def fit_selection(self) -> None:
        """Show the selected nodes (every node when none is selected)."""
        ids = [n.node_id for n in self.diagram().selected_nodes()]
        if not ids:
            self.fit_all()
            return
        self.fit_rect(self.diagram().nodes_rect(ids).adjusted(-20, -30, 20, 20))

    def ensure_node_visible(self, node_id: str) -> None:
        """Scroll (without zooming) so that a node is in view."""
        node = self.diagram().nodes.get(node_id)
        if node is not None:
            self.ensureVisible(node.sceneBoundingRect(), 40, 40)

    def _geometry_changed(self) -> None:
        """Nodes or arrows were added, removed or moved: let the scroll area reach them and repaint the overview."""
        self.update_scroll_area()
        self._repaint_overview()

    def _repaint_overview(self) -> None:
        """Repaint the whole viewport while the overview paints the scene itself.

        Qt repaints only where it last painted the items that changed, but in the overview Qt paints no item, so
        its idea of where they stand is stale: a partial update would leave ghosts of the nodes (after undoing a
        layout, say). Drawing the overview is a blit of its cached image, so a full update costs little.
        """
        if self.in_overview():
            self.viewport().update()

    def update_scroll_area(self) -> None:
        """Let the scroll bars reach the nodes plus one window beyond them (so any point can be zoomed around)."""
        scale = max(self.zoom, 1e-6)
        area = self.viewport().rect()
        w, h = area.width() / scale, area.height() / scale
        rect = self.diagram().reach_rect()
        visible = self.mapToScene(area).boundingRect()
        rect = visible if rect.isEmpty() else rect.united(visible)
        self.setSceneRect(rect.adjusted(-w, -h, w, h))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_on_resize:
            self.fit_all()
        self.update_scroll_area()
        self._place_hint()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel zooms around the cursor; a touchpad's two-finger scroll (pixel deltas) pans, Ctrl zooms."""
        modifiers = event.modifiers()
        pixels = event.pixelDelta()
        if modifiers & Qt.KeyboardModifier.ShiftModifier or (
                not pixels.isNull() and not modifiers & Qt.KeyboardModifier.ControlModifier):
            dx, dy = (pixels.x(), pixels.y()) if not pixels.isNull() else (event.angleDelta().y() // 2, 0)
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - dx)
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - dy)
            event.accept()
            return
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, event.position().toPoint())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent) \
                and event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        return super().viewportEvent(event)

    # ------------------------------------------------------------------ pan, keys
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._fit_on_resize = False
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (event.button() == Qt.MouseButton.LeftButton and self._space):
            self._pan = (event.position().toPoint(), self.horizontalScrollBar().value(),
                         self.verticalScrollBar().value())
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None:
            start, h, v = self._pan
            delta = event.position().toPoint() - start
            self.horizontalScrollBar().setValue(h - delta.x())
            self.verticalScrollBar().setValue(v - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if not event.buttons() and not self._space:
            wanted = Qt.CursorShape.CrossCursor if self.diagram().handle_hovered else Qt.CursorShape.ArrowCursor
            if self.viewport().cursor().shape() != wanted:
                self.viewport().setCursor(wanted)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _handles(self, event: QKeyEvent) -> bool:
        """True for the keys this view acts on itself (so that window-wide shortcuts do not take them).

        Zoom keys are not claimed: the shell's View menu owns them and calls the editor; without such a shortcut
        the key still reaches keyPressEvent."""
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            return bool(self.diagram().selected_nodes())
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return bool(self.diagram().selectedItems())
        return key in (Qt.Key.Key_Space, Qt.Key.Key_Escape) or event.matches(QKeySequence.StandardKey.SelectAll)

    @staticmethod
    def _is_zoom_in(event: QKeyEvent) -> bool:
        """Ctrl+= and Ctrl++ zoom in too (the plus needs Shift on most keyboards)."""
        return bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier) and event.key() in (
            Qt.Key.Key_Equal, Qt.Key.Key_Plus)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._handles(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        scene = self.diagram()
        if key in arrows and scene.selected_nodes():
            fine = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            step = FINE_NUDGE if fine else (scene.grid if scene.snapping else NUDGE)
            dx, dy = arrows[key]
            scene.nudge(dx * step, dy * step)
            event.accept()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            scene.select_all()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and scene.selectedItems():
            self.delete_requested.emit()
        elif event.matches(QKeySequence.StandardKey.ZoomIn) or self._is_zoom_in(event):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif key == Qt.Key.Key_Escape:
            scene.cancel_gesture()
            self.hide_hint()
        elif key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key != Qt.Key.Key_Space:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ drops from a palette
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(PARTY_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(PARTY_MIME):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        if not data.hasFormat(PARTY_MIME):
            super().dropEvent(event)
            return
        kind = bytes(data.data(PARTY_MIME).data()).decode("utf-8")
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.kind_dropped.emit(kind, self.mapToScene(event.position().toPoint()))

    # ------------------------------------------------------------------ hints
    def show_hint(self, text: str, ms: int = HINT_MS) -> None:
        """Show a short message over the bottom of the diagram for a few seconds (an empty text hides it)."""
        if not text:
            self.hide_hint()
            return
        self._hint.setText(text)
        self._place_hint()
        self._hint.show()
        self._hint.raise_()
        self._hint_timer.start(ms)

    def hide_hint(self) -> None:
        """Take the hint away."""
        self._hint_timer.stop()
        self._hint.hide()
        self._hint.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.hide_hint()  # a passing message in the old language is not worth keeping
        super().changeEvent(event)

    def hint_text(self) -> str:
        """The hint shown now ("" when none)."""
        return self._hint.text() if self._hint.isVisible() else ""

    def _place_hint(self) -> None:
        area = self.viewport().geometry()
        width = min(area.width() - 40, 640)
        self._hint.setFixedWidth(max(width, 120))
        self._hint.adjustSize()
        x = area.left() + (area.width() - self._hint.width()) // 2
        y = area.bottom() - self._hint.height() - 18
        self._hint.move(x, y)

    # ------------------------------------------------------------------ painting
    def in_overview(self) -> bool:
        """True when the view paints the batched overview (zoomed out below OVERVIEW_SCALE)."""
        return self.overview_enabled and self.zoom < OVERVIEW_SCALE

    def paintEvent(self, event: QPaintEvent) -> None:
        region = event.region()
        # the parts painted again, for the items that draw only there; a region of hundreds of pieces (a party
        # dropped: the bands of all its arrows) is painted as its box, which costs no more than the view at once
        self.repainting = None if region.rectCount() > FRAGMENTED_REGION else [
            self.mapToScene(rect).boundingRect() for rect in region]
        try:
            self._paint(event)
        finally:
            self.repainting = None

    def _paint(self, event: QPaintEvent) -> None:
        if self.in_overview():
            painter = QPainter(self.viewport())
            self.overview.paint(self, painter)
            painter.end()
        elif self.diagram().live_hidden and not self._rendering_layer:
            layer_ready = self._layer is not None and self._layer_key == self._current_layer_key()
            if not layer_ready:  # e.g. zoomed during the drag: paint as usual, the live items on top
                super().paintEvent(event)
            painter = QPainter(self.viewport())
            if layer_ready:
                painter.drawImage(QPointF(0, 0), self._layer)
            painter.setRenderHints(self.renderHints())
            self.paint_live(painter, self.viewportTransform())
            painter.end()
            if not layer_ready:
                QTimer.singleShot(0, self, self._ensure_layer)
        else:
            self._layer = None
            self._live_rect = None
            super().paintEvent(event)

    def _live_moved(self) -> None:
        """A drag step: repaint where the live items were and are now (the rest comes from the cached image)."""
        scene = self.diagram()
        overview = self.in_overview()
        if not (scene.live_hidden or overview):
            self._live_rect = None
            return
        if not overview:
            self._ensure_layer()
        rect = QRectF()
        for node_id in scene.live:
            node = scene.nodes.get(node_id)
            if node is not None:
                rect = rect.united(node.sceneBoundingRect())
        for edge in scene.live_edges:
            rect = rect.united(edge.live_bounds)
        dirty = rect if self._live_rect is None else rect.united(self._live_rect)
        self._live_rect = rect
        margin = 3 + 4 / max(self.zoom, 1e-3)
        area = self.mapFromScene(dirty.adjusted(-margin, -margin, margin, margin)).boundingRect()
        self.viewport().update(area.intersected(self.viewport().rect()))

    def _current_layer_key(self) -> tuple:
        viewport = self.viewport()
        t = self.viewportTransform()
        return (self.diagram().revision, t.m11(), t.dx(), t.dy(), viewport.width(), viewport.height(),
                viewport.devicePixelRatioF())

    def _ensure_layer(self) -> None:
        """While nodes are dragged, draw everything else once into an image (Qt's own painting, the live items
        being transparent); each drag step then paints that image and the live items on top."""
        if not self.diagram().live_hidden or self.in_overview():
            self._layer = None
            return
        key = self._current_layer_key()
        if self._layer is not None and key == self._layer_key:
            return
        viewport = self.viewport()
        dpr = viewport.devicePixelRatioF()
        layer = QImage(round(viewport.width() * dpr), round(viewport.height() * dpr),
                       QImage.Format.Format_ARGB32_Premultiplied)
        layer.setDevicePixelRatio(dpr)
        self._rendering_layer = True
        try:
            viewport.render(layer)
        finally:
            self._rendering_layer = False
        self._layer, self._layer_key = layer, key

    def paint_live(self, painter: QPainter, t: QTransform) -> None:
        """Draw the dragged nodes and their arrows as Qt would, with the view's transform `t`."""
        scene = self.diagram()
        option = QStyleOptionGraphicsItem()
        option.exposedRect = self.mapToScene(self.viewport().rect()).boundingRect()
        painter.setTransform(t)
        for edge in scene.live_edges:
            edge.paint(painter, option, None)
        for node_id in scene.live:
            node = scene.nodes.get(node_id)
            if node is None:
                continue
            pos = node.pos()
            painter.setTransform(QTransform.fromTranslate(pos.x(), pos.y()) * t)
            option.exposedRect = node.boundingRect()
            node.paint(painter, option, None)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if not self.show_grid or self.zoom < 0.5:
            return
        step = self.diagram().grid
        left = int(rect.left() // step) * step
        top = int(rect.top() // step) * step
        lines = []
        x = left
        while x <= rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += step
        y = top
        while y <= rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += step
        pen = QPen(QColor("#EDF0F4"), 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawLines(lines)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def node_view_rect(self, node: NodeItem) -> QRectF:
        """A node's body in viewport pixels."""
        return self.mapFromScene(node.rect.translated(node.pos())).boundingRect().toRectF()


def _centre_keeping(rect: QRectF, focus: QRectF | None, width: float, height: float) -> QPointF:
    """Where to centre a window of `width` × `height` on `rect`: its centre, moved to keep `focus` in view."""
    centre = rect.center()
    x, y = centre.x(), centre.y()
    if focus is not None and not focus.isEmpty():
        if width < rect.width():
            x = min(max(x, focus.right() - width / 2), focus.left() + width / 2)
        if height < rect.height():
            y = min(max(y, focus.bottom() - height / 2), focus.top() + height / 2)
    return QPointF(x, y)
