"""Flowables for the PDF exports: light table cells with font fallback, drawings fitted to the frame, tables."""

from __future__ import annotations

from typing import Callable, Sequence

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from exports import fonts, wrap
from exports.style import INK

Part = tuple[str, str, str]
"""One paragraph of a table cell: (text, font name, colour)."""


class TextCell(Flowable):
    """Plain text in a table cell, wrapped by measured width; much lighter than a Paragraph, keeps emoji."""

    def __init__(
        self, parts: Sequence[Part] | str, size: float = 7.5, align: str = "left", font: str = fonts.SANS,
        color: str = INK,
    ) -> None:
        super().__init__()
        self.parts: list[Part] = [(parts, font, color)] if isinstance(parts, str) else list(parts)
        self.size, self.align = size, align
        self.leading = size * 1.2
        self._lines: list[tuple[str, str, str]] = []
        self._for_width = -1.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self._for_width:
            self._lines = [
                (line, font, color)
                for text, font, color in self.parts
                for line in wrap.wrap_lines(text, font, self.size, max(4.0, avail_width))
            ]
            self._for_width = avail_width
        self.width = avail_width
        self.height = max(1, len(self._lines)) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        y = self.height - self.size * 0.95
        for line, font, color in self._lines:
            canv.setFillColor(HexColor(color))
            pieces = fonts.runs(line, font)
            total = sum(fonts.width(chunk, name, self.size) for name, chunk in pieces)
            x = {"right": self.width - total, "center": (self.width - total) / 2}.get(self.align, 0.0)
            for name, chunk in pieces:
                canv.setFont(name, self.size)
                canv.drawString(x, y, chunk)
                x += fonts.width(chunk, name, self.size)
            y -= self.leading


class FitDrawing(Flowable):
    """A drawing made for the space at hand: `make(width, height)` is called with the frame's free space."""

    _asked: float  # the height the current drawing was made for (set with it in wrap)

    def __init__(self, make: Callable[[float, float], Drawing], max_height: float, min_height: float = 120) -> None:
        super().__init__()
        self.make, self.max_height, self.min_height = make, max_height, min_height
        self.drawing: Drawing | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        height = min(self.max_height, avail_height)
        if height < self.min_height:  # too little room left on this page: ask for a fresh one
            return avail_width, self.min_height if avail_height >= self.min_height else avail_height + 1
        if self.drawing is None or (self.drawing.width, self._asked) != (avail_width, height):
            self.drawing = self.make(avail_width, height)
            self._asked = height
        self.width, self.height = avail_width, self.drawing.height
        return self.width, self.height

    def draw(self) -> None:
        if self.drawing is not None:
            self.drawing.drawOn(self.canv, 0, 0)
