"""A light table flowable for long data tables: pre-wrapped cells, header on every page, one text object."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Sequence

from reportlab.lib.colors import Color, HexColor
from reportlab.platypus import Flowable

from exports import fonts, wrap
from exports.style import ACCENT, INK, PAPER_TINT, RULE, readable

Part = tuple[str, str, str]
"""One paragraph of a cell: (text, font name, colour)."""

PAD_X, PAD_TOP, PAD_BOTTOM = 3.5, 3.0, 3.5


@dataclass
class Cell:
    """A table cell: paragraphs of plain text, each in its own font and colour."""

    parts: list[Part]
    align: str = "left"

    @classmethod
    def text(cls, text: str, font: str = fonts.SANS, color: str = INK, align: str = "left") -> Cell:
        return cls([(text, font, color)], align)


Line = tuple[str, str, str]  # (text, font, colour) of one wrapped line


@functools.cache
def _color(hex_color: str) -> Color:
    return HexColor(hex_color)


@functools.cache
def _readable(color: str, background: str) -> str:
    return readable(color, background)


@functools.lru_cache(maxsize=16384)
def _runs(line: str, font: str, size: float) -> tuple[tuple[tuple[str, str], ...], float]:
    """A wrapped line's font runs (fonts.runs) and its width, for the lines a register shows again and again."""
    runs = tuple(fonts.runs(line, font))
    return runs, sum(fonts.width(chunk, name, size) for name, chunk in runs)


def _text_out(text: Any, chunk: str) -> None:
    """`chunk` shown at the text object's origin (the PDF viewer advances the pen; no need to measure), its PDF
    operators made once per document, font and subset: a register shows the same names and statuses on every
    page, and reportlab's encoding of a line into the font's subsets is most of the drawing time."""
    made: dict[tuple, tuple[str, int]] = text._canvas._doc.__dict__.setdefault("_cs_text_ops", {})  # per document
    key = (text._fontname, text._fontsize, text._leading, text._curSubset, chunk)
    found = made.get(key)
    if found is None:
        text._textOut(chunk)
        made[key] = (text._code[-1], text._curSubset)
    else:
        text._code.append(found[0])
        text._curSubset = found[1]


@functools.lru_cache(maxsize=16384)
def _cell_lines(parts: tuple[Part, ...], width: float, size: float, pad: float, max_lines: int) -> tuple[Line, ...]:
    """A cell's wrapped lines, made once for cells alike (a register repeats its names, statuses and figures)."""
    lines = [
        (line, font, color)
        for text, font, color in parts
        for line in wrap.wrap_lines(text, font, size, max(4.0, width - 2 * pad))
    ]
    if len(lines) > max_lines:  # only a cell taller than a page is cut, and visibly so
        text, font, color = lines[max_lines - 1]
        lines = lines[: max_lines - 1] + [(wrap.shorten(text, font, size, width - 2 * pad, force=True), font, color)]
    return tuple(lines)


class Grid(Flowable):
    """Rows of cells under a header row; splits between rows and repeats the header on every page."""

    def __init__(
        self, header: Sequence[Cell], rows: Sequence[Sequence[Cell]], widths: Sequence[float], size: float = 7.5,
        *, header_color: str = ACCENT, zebra: bool = True, _laid: tuple | None = None,
    ) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), list(rows), list(widths)
        self.size, self.leading = size, size * 1.2
        self.pad = max(PAD_X, size * 0.5)
        self.header_color, self.zebra = header_color, zebra
        self._laid = _laid  # (header lines, header height, [(row lines, row height)]) once wrapped

    # ------------------------------------------------------------------ layout
    def _wrap_cell(self, cell: Cell, width: float, max_lines: int) -> list[Line]:
        return list(_cell_lines(tuple(cell.parts), width, self.size, self.pad, max_lines))

    def _row(self, cells: Sequence[Cell], max_lines: int) -> tuple[list[list[Line]], float]:
        lines = [self._wrap_cell(c, w, max_lines) for c, w in zip(cells, self.widths, strict=False)]
        height = max((len(ls) for ls in lines), default=1) * self.leading + PAD_TOP + PAD_BOTTOM
        return lines, height

    def _layout(self, avail_height: float) -> tuple:
        if self._laid is None:
            max_lines = max(3, int((avail_height * 0.8) / self.leading))
            head = self._row(self.header, max_lines)
            self._laid = (head, [self._row(r, max_lines) for r in self.rows])
        return self._laid

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        (_hl, head_h), body = self._layout(max(avail_height, 400.0))
        self.width = sum(self.widths)
        self.height = head_h + sum(h for _l, h in body)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        head, body = self._layout(max(avail_height, 400.0))
        room = avail_height - head[1]
        count = 0
        for _lines, h in body:
            if h > room:
                break
            room -= h
            count += 1
        if count == 0:
            return []
        make = lambda rows, laid: Grid(self.header, rows, self.widths, self.size,  # noqa: E731
                                       header_color=self.header_color, zebra=self.zebra, _laid=laid)
        return [make(self.rows[:count], (head, body[:count])), make(self.rows[count:], (head, body[count:]))]

    # -------------------------------------------------------------------- draw
    def draw(self) -> None:
        canv = self.canv
        (head_lines, head_h), body = self._layout(self.height)
        width = sum(self.widths)
        y = self.height
        canv.saveState()
        canv.setFillColor(HexColor(self.header_color))
        canv.rect(0, y - head_h, width, head_h, stroke=0, fill=1)
        tint = HexColor(PAPER_TINT)
        y_row = y - head_h
        rules = []
        for index, (_lines, h) in enumerate(body):
            if self.zebra and index % 2 == 1:
                canv.setFillColor(tint)
                canv.rect(0, y_row - h, width, h, stroke=0, fill=1)
            y_row -= h
            rules.append(y_row)
        canv.setStrokeColor(HexColor(RULE))
        canv.setLineWidth(0.35)
        for ry in rules:
            canv.line(0, ry, width, ry)
        text = canv.beginText()
        self._state = ["", ""]  # the text object's current font and colour
        self._text(text, head_lines, self.header, y, header=True)
        y_row = y - head_h
        for index, ((lines, h), cells) in enumerate(zip(body, self.rows, strict=False)):
            self._text(text, lines, cells, y_row, background=PAPER_TINT if self.zebra and index % 2 else "#FFFFFF")
            y_row -= h
        canv.drawText(text)
        canv.restoreState()

    def _text(self, text, lines: list[list[Line]], cells: Sequence[Cell], top: float, header: bool = False,
              background: str = "#FFFFFF") -> None:
        """The lines of one row; text colours deepened to 4.5:1 contrast on the row's background."""
        x = 0.0
        size, pad, leading = self.size, self.pad, self.leading
        state = self._state
        set_origin = text.setTextOrigin
        for cell_lines, col_w, cell in zip(lines, self.widths, cells, strict=False):
            y = top - PAD_TOP - size * 0.95
            align = cell.align
            for line, font, color in cell_lines:
                color = "#FFFFFF" if header else _readable(color, background)
                if state[1] != color:
                    text.setFillColor(_color(color))
                    state[1] = color
                runs, total = _runs(line, font, size)
                if align == "left":
                    set_origin(x + pad, y)
                else:
                    set_origin(x + col_w - pad - total if align == "right" else x + (col_w - total) / 2, y)
                for name, chunk in runs:
                    if state[0] != name:
                        text.setFont(name, size)
                        state[0] = name
                    _text_out(text, chunk)
                y -= leading
            x += col_w
