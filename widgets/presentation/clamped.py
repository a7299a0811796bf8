"""Text that wraps on a few lines and ends in "…" past them, the full text on hover (or on every line when opened)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

from widgets.presentation import theme

LINE_BREAK = "\u2028"
"""What a typed line break becomes inside a text layout (a plain "\\n" would not break the line)."""


def line_step(metrics: QFontMetricsF) -> int:
    """Pixels from one line to the next (whole pixels, as Qt's own wrapped labels step)."""
    return math.ceil(metrics.lineSpacing())


def wrapped_lines(text: str, font: QFont, width: float, max_lines: int | None) -> tuple[list[str], bool]:
    """`text` broken into lines `width` pixels wide, at most `max_lines` of them (None: all); whether it was cut.

    The last line kept ends in "…" when the text goes on past it."""
    if not text:
        return [], False
    width = max(1.0, width)
    layout = QTextLayout(text.replace("\r\n", "\n").replace("\n", LINE_BREAK), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    body = layout.text()
    lines = [body[start:start + length].rstrip(f" {LINE_BREAK}") for start, length in spans]
    if max_lines is None or len(lines) <= max_lines:
        return lines, False
    last_start = spans[max_lines - 1][0]
    rest = " ".join(body[last_start:].replace(LINE_BREAK, " ").split())
    metrics = QFontMetricsF(font)
    kept = lines[:max_lines - 1]
    kept.append(metrics.elidedText(rest + " …", Qt.TextElideMode.ElideRight, width))
    if not kept[-1].endswith("…"):
        kept[-1] = kept[-1].rstrip() + "…"
    return kept, True


class ClampedText(QWidget):
    """Plain text (whatever users typed) wrapped on at most `max_lines` lines; past them the last line ends in "…"
    and the full text is the tooltip. `set_max_lines(None)` shows it all."""

    def __init__(self, parent: QWidget | None, name: str, color: str = theme.INK, max_lines: int | None = 3) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.color = color
        self.max_lines = max_lines
        self._text = ""
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------ content
    def text(self) -> str:
        """The full text."""
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - named as QLabel's, so it stands in for one
        """Show `text` (plain, never markup)."""
        self._text = text or ""
        self._changed()

    def set_max_lines(self, max_lines: int | None) -> None:
        """Wrap on at most `max_lines` lines (None: as many as the text needs)."""
        if max_lines != self.max_lines:
            self.max_lines = max_lines
            self._changed()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.FontChange:
            self._changed()

    def _changed(self) -> None:
        self.updateGeometry()
        self._show_tip()
        self.update()

    def lines(self, width: float | None = None) -> list[str]:
        """The lines shown at `width` (the widget's own width when None)."""
        return wrapped_lines(self._text, self.font(), self._text_width(width), self.max_lines)[0]

    def is_elided(self, width: float | None = None) -> bool:
        """Whether some of the text is cut off at `width` (the widget's own width when None)."""
        return wrapped_lines(self._text, self.font(), self._text_width(width), self.max_lines)[1]

    def _text_width(self, width: float | None) -> float:
        margins = self.contentsMargins()
        return (self.width() if width is None else width) - margins.left() - margins.right()

    def _show_tip(self) -> None:
        self.setToolTip(self._text if self.width() > 0 and self.is_elided() else "")

    # ------------------------------------------------------------------ size
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        count = len(self.lines(width))
        metrics = QFontMetricsF(self.font())
        text_height = (count - 1) * line_step(metrics) + math.ceil(metrics.height()) if count else 0
        return text_height + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        natural = QFontMetricsF(self.font()).horizontalAdvance(self._text.replace("\n", " "))
        width = min(round(natural) + 2, round(40 * QFontMetricsF(self.font()).averageCharWidth()))
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        self._show_tip()

    # ------------------------------------------------------------------ paint
    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setFont(self.font())
        p.setPen(QColor(self.color))
        metrics = QFontMetricsF(self.font())
        rect = self.contentsRect()
        y = rect.top() + metrics.ascent()
        for line in self.lines():
            p.drawText(rect.left(), round(y), line)
            y += line_step(metrics)
        p.end()
