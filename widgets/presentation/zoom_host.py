"""A host that shows an ordinary widget magnified (vector-sharp) and still live: type and chips grow for a projector."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsProxyWidget, QGraphicsScene, QGraphicsView, QWidget


class ZoomHost(QGraphicsView):
    """Shows `widget` scaled by `zoom` through a QGraphicsProxyWidget; clicks, drags and menus reach it as usual."""

    def __init__(self, widget: QWidget, design: QSizeF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.design = design
        """The size (at zoom 1) the widget is laid out for at 1080 lines; the host zooms so that it fills the view."""
        self.zoom = 1.0
        self.hidden_bottom = 0.0
        """Design pixels at the widget's bottom left out of view (e.g. an empty strip)."""
        self.setScene(QGraphicsScene(self))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.proxy: QGraphicsProxyWidget = self.scene().addWidget(widget)
        self.widget = widget

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self.fit()

    def fit(self) -> None:
        """Zoom so that the widget, laid out at its design size or larger, fills the view."""
        w, h = max(1, self.viewport().width()), max(1, self.viewport().height())
        self.zoom = max(1.0, min(w / self.design.width(), h / self.design.height()))
        self.proxy.resize(QSizeF(w / self.zoom, h / self.zoom + self.hidden_bottom))
        self.setTransform(QTransform.fromScale(self.zoom, self.zoom))
        self.setSceneRect(QRectF(0, 0, w / self.zoom, h / self.zoom))
