"""A palette of party kinds: drag one onto a diagram (a real QDrag carrying the kind) or click it to add one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFontMetrics, QIcon, QMouseEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from widgets.diagram.style import kind_style, shape_path

PARTY_MIME = "application/x-clientocracy-party-kind"
"""The MIME type of a palette drag: the kind's name in UTF-8."""
PALETTE_WIDTH = 132
LABEL_WIDTH = PALETTE_WIDTH - 24


@dataclass(frozen=True)
class PaletteEntry:
    """One kind on the palette: its key, its label and a tooltip."""

    kind: str
    label: str
    tip: str = ""


def party_mime(kind: str) -> QMimeData:
    """The data a palette drag carries for `kind`."""
    data = QMimeData()
    data.setData(PARTY_MIME, QByteArray(kind.encode("utf-8")))
    data.setText(kind)
    return data


def kind_pixmap(kind: str, width: float, device_ratio: float = 1.0) -> QPixmap:
    """The shape of `kind` drawn `width` pixels wide (an icon, or the picture under the cursor while dragging)."""
    style = kind_style(kind)
    w, h = style.size
    scale = width / w
    pixmap = QPixmap(round((w * scale + 6) * device_ratio), round((h * scale + 6) * device_ratio))
    pixmap.setDevicePixelRatio(device_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(w * scale / 2 + 3, h * scale / 2 + 3)
    painter.scale(scale, scale)
    painter.setPen(QPen(QColor(style.border), 2.5 / max(scale, 0.05) * 0.6))
    painter.setBrush(QColor(style.fill))
    painter.drawPath(shape_path(style.shape, w, h))
    painter.end()
    return pixmap


def wrap_label(text: str, metrics: QFontMetrics, width: int) -> str:
    """A label broken at spaces into lines that fit `width` (a tool button does not wrap by itself)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}".strip()
            if line and metrics.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines)


class PaletteButton(QToolButton):
    """A kind on the palette: drag it onto the diagram, or click it to add one in the middle of the view."""

    dragged = Signal(str, object)
    """A drag of this kind started: (kind, the QDrag about to run)."""

    def __init__(self, entry: PaletteEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.set_entry(entry)
        self.setIcon(QIcon(kind_pixmap(entry.kind, 44, self.devicePixelRatioF())))
        self.setIconSize(QSize(50, 26))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setAutoRaise(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._press: QPoint | None = None

    def set_entry(self, entry: PaletteEntry) -> None:
        """Show `entry`'s label and tip (of the same kind: used to show them in another language)."""
        self.entry = entry
        self.setText(wrap_label(entry.label, QFontMetrics(self.font()), LABEL_WIDTH))
        self.setToolTip(entry.tip or entry.label)
        self.setStatusTip(entry.tip or entry.label)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        if start is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        if (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        self.setDown(False)
        self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def start_drag(self) -> Qt.DropAction:
        """Run a drag of this kind (returns when it is dropped or abandoned)."""
        drag = QDrag(self)
        drag.setMimeData(party_mime(self.entry.kind))
        pixmap = kind_pixmap(self.entry.kind, 120, self.devicePixelRatioF())
        drag.setPixmap(pixmap)
        size = pixmap.deviceIndependentSize()
        drag.setHotSpot(QPointF(size.width() / 2, size.height() / 2).toPoint())
        self.dragged.emit(self.entry.kind, drag)
        return exec_drag(drag)


def exec_drag(drag: QDrag) -> Qt.DropAction:
    """Run `drag` (a seam for tests: the offscreen platform cannot run a real drag-and-drop loop)."""
    return drag.exec(Qt.DropAction.CopyAction)


class Palette(QWidget):
    """A column of kinds to drag onto a diagram."""

    kind_clicked = Signal(str)
    """A kind was clicked (not dragged): add one where the user is looking."""

    def __init__(self, entries: list[PaletteEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagramPalette")
        self.setFixedWidth(PALETTE_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 8)
        layout.setSpacing(4)
        self.buttons: dict[str, PaletteButton] = {}
        for entry in entries:
            button = PaletteButton(entry, self)
            button.clicked.connect(lambda _checked=False, k=entry.kind: self.kind_clicked.emit(k))
            layout.addWidget(button)
            self.buttons[entry.kind] = button
        layout.addStretch(1)

    def set_entries(self, entries: list[PaletteEntry]) -> None:
        """New labels and tips for the kinds already on the palette (say, in another language); others are ignored."""
        for entry in entries:
            button = self.buttons.get(entry.kind)
            if button is not None:
                button.set_entry(entry)

    def button(self, kind: str) -> PaletteButton:
        """The palette's button for `kind`."""
        return self.buttons[kind]

