"""Duplication on the structure («Задвоение», tool 11): a mark on each team that other teams' client promises rest on
alone (no alternative promiser), with a tooltip naming those promises. Computed by app.duplication."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app import model as m
from app.changed import Changes
from app.duplication import Duplication, duplication
from widgets.base.live import changes_of

if TYPE_CHECKING:
    from app.document import Document
    from widgets.diagram.scene import DiagramScene

CONTEXT = "StructureEditor"
MARK_FILL = QColor("#E69F00")
"""Okabe–Ito orange: a warning that is not the promise map's red (empowerment) and reads on every team colour."""
MARK_INK = QColor("#1D2733")
TIP_PROMISES = 6
NO_BUTTON = Qt.MouseButton.NoButton
"""Looked up once: an enum member costs a Python call each time (thousands of marks)."""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language (the structure editor's context)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


class DependenceMark(QGraphicsItem):
    """A pill «⚠ N» over a team's top-left corner: N promises to clients of other teams rest on it alone."""

    _font: QFont | None = None
    _widths: dict[str, float] = {}
    """The pill's width for each text (thousands of marks share a few numbers)."""

    def __init__(self, parent: QGraphicsItem, count: int) -> None:
        super().__init__(parent)
        self.setAcceptedMouseButtons(NO_BUTTON)
        self.setZValue(2.0)
        if DependenceMark._font is None:  # one font for every mark (made once a QGuiApplication exists)
            font = DependenceMark._font = QFont()
            font.setBold(True)
            font.setPointSizeF(10.0)
        self.font = DependenceMark._font
        self.count = -1
        self.set_count(count)

    def set_count(self, count: int) -> None:
        """Show another number."""
        if count == self.count:
            return
        self.prepareGeometryChange()
        self.count = count
        self.text = f"⚠ {count}"
        width = self._widths.get(self.text)
        if width is None:
            width = self._widths[self.text] = QFontMetricsF(self.font).horizontalAdvance(self.text) + 14
        host = self.parentItem()
        corner = host.boundingRect().topLeft() if host is not None else QPointF()
        rect = getattr(host, "rect", None)
        if isinstance(rect, QRectF):
            corner = rect.topLeft()
        self.pill = QRectF(corner.x() - 8, corner.y() - 11, width, 22)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.pill.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(MARK_INK, 1.2))
        painter.setBrush(QBrush(MARK_FILL))
        painter.drawRoundedRect(self.pill, 11, 11)
        painter.setFont(self.font)
        painter.setPen(MARK_INK)
        painter.drawText(self.pill, Qt.AlignmentFlag.AlignCenter, self.text)


class DependenceMarks(QObject):
    """Keeps a mark on every team other teams' client promises rest on alone, following the document."""

    def __init__(self, document: Document, scene: DiagramScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.scene = scene
        self.result = Duplication()
        self.marks: dict[str, tuple[QGraphicsItem, DependenceMark]] = {}
        """Team id → the node the mark was put on, and the mark."""
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setInterval(0)
        self._due.timeout.connect(self.refresh)
        changes_of(document).changed.connect(self._on_changes)
        views = scene.views()
        if views:  # the marks come after the drawing's first frame: at 5,000 teams they take a quarter second
            views[0].viewport().installEventFilter(self)
        else:
            self._due.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """On the view's first paint, stop watching it and put the marks on once that frame is shown."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._due.start()
        return False

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("promise", "team", "segment") or changes.placed("structure"):
            self._due.start()  # once after a burst of edits, after the drawing has followed them

    def refresh(self) -> None:
        """Compute the duplication again and put each mark on its team (a redrawn node gets its mark back)."""
        self._due.stop()
        self.result = duplication(self.document.model)
        for team_id, (host, mark) in list(self.marks.items()):
            node = self.scene.nodes.get(team_id)
            if node is not host:  # the node was redrawn or removed: its mark went with it (never touched again)
                del self.marks[team_id]
            elif not self.result.carried.get(team_id):
                self.scene.removeItem(mark)
                del self.marks[team_id]
        for team_id, carried in self.result.carried.items():
            node = self.scene.nodes.get(team_id)
            if node is None or not carried:
                continue
            if team_id in self.marks:
                self.marks[team_id][1].set_count(len(carried))
            else:
                self.marks[team_id] = (node, DependenceMark(node, len(carried)))

    def tip(self, team_id: str) -> str:
        """The lines a team's tooltip adds about duplication ("" when nothing rests on it alone)."""
        carried = self.result.carried.get(team_id, [])
        if not carried:
            return ""
        lines = ["", tr("⚠ Duplication: %n promise(s) to clients of other teams rest on this team alone "
                        "(no alternative promiser):", None, len(carried))]
        for pid in carried[:TIP_PROMISES]:
            p = self.document.find(pid)
            if isinstance(p, m.Promise):
                who = self.document.find(p.from_)
                lines.append(f"• {p.text} ({getattr(who, 'name', '')})")
        if len(carried) > TIP_PROMISES:
            lines.append(tr("… and %n more", None, len(carried) - TIP_PROMISES))
        lines.append(tr("Mark an alternative promiser for its promises (promise map ▸ tree of promises, or the "
                        "promise inspector)."))
        return "\n".join(lines)
