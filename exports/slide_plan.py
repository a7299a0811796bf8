"""One plan for the slides' tables: the deck and the PDF slides cut a table into the same slides, titled alike."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from app import model as m
from exports import fonts
from exports.i18n import Words
from exports.pptx_xml import TableCell

EMU_PT = 12700
TABLE_SIZE = 12.0  # points: readable from the back of the room
SLIDE_H = 6858000  # 7.5 in
CONTENT_TOP = 1280160  # 1.4 in: below the kicker and the title
ROOM = SLIDE_H - CONTENT_TOP - 560000
"""The height a table may take on a slide (EMU), above the footer."""
CELL_PAD = 128016  # a cell's left and right insets together (EMU)
ROW_PAD = 73152 + 20000  # a row's top and bottom insets and slack (EMU)


@dataclass
class TableSlide:
    """One slide of a table: its title (numbered «(2/3)» when the table takes several), header, rows and column
    widths in EMU."""

    title: str
    header: list[str]
    rows: list[list[TableCell]]
    widths: list[int]


@dataclass
class Recorder:
    """Stands in for the deck while the PDF slides take its table slides: the same rows, cut the same way."""

    w: m.Workshop
    words: Words
    accent: str
    lang: str = "ru-RU"
    recorded: list[TableSlide] = field(default_factory=list)


def lines(text: str, width_emu: int, size: float) -> int:
    """Lines `text` takes in a column (measured in PT Sans, ~6% narrower than Calibri, plus slack for words)."""
    room = max(1.0, width_emu / EMU_PT)
    parts = (text or "—").split("\n")
    return sum(max(1, math.ceil(fonts.width(part, fonts.SANS, size) * 1.06 / room)) for part in parts)


def row_height(cells: list[TableCell], widths: list[int]) -> int:
    """The height (EMU) a row of cells takes at its tallest cell."""
    tallest = max((sum(lines(r.text, wd - CELL_PAD, r.size) for r in c.runs) for c, wd in zip(cells, widths,
                                                                                                strict=False)),
                  default=1)
    return int(tallest * TABLE_SIZE * 1.2 * EMU_PT + ROW_PAD)


def head_height() -> int:
    """The header row's height (EMU): two lines of bold labels."""
    return int(TABLE_SIZE * 2.1 * EMU_PT)


def cut(rows: list[list[TableCell]], widths: list[int], room: int = ROOM) -> list[list[list[TableCell]]]:
    """`rows` cut into slide-sized chunks: as many rows per slide as fit under the header in `room`."""
    pages: list[list[list[TableCell]]] = []
    page: list[list[TableCell]] = []
    used = head_height()
    for cells in rows:
        height = row_height(cells, widths)
        if page and used + height > room:
            pages.append(page)
            page, used = [], head_height()
        page.append(cells)
        used += height
    if page or not pages:
        pages.append(page)
    return pages


def table_slides(title: str, header: list[str], rows: list[list[TableCell]], widths: list[int]) -> list[TableSlide]:
    """The slides of one table, in order, titled «title (n/N)» when there are several."""
    pages = cut(rows, widths)
    return [TableSlide(f"{title} ({n}/{len(pages)})" if len(pages) > 1 else title, header, page, widths)
            for n, page in enumerate(pages, start=1)]


def recorded(deck: Any) -> list[TableSlide] | None:
    """The list a `Recorder` keeps table slides in (None for a real deck)."""
    return getattr(deck, "recorded", None)
