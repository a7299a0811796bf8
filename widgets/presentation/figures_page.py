"""The figures page («прозрачность в цифрах», L313; «единый дашборд … всех клиентских и внутренних метрик», L615):
one of the exported deck's dashboard slides on the projector — the teams' tallies, or the promises and the teams'
success indicators with their latest figures, trend and kept / broken."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QResizeEvent, QUndoStack
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app import readings as r
from app.changed import Changes
from app.document import Document
from exports.dashboard import word
from exports.i18n import Words
from exports.pptx_xml import TableCell
from exports.slide_plan import TableSlide
from widgets.presentation import theme
from widgets.presentation.clamped import line_step, wrapped_lines
from widgets.presentation.figures_plan import app_language, figures_of, numbered_base, touches_figures
from widgets.presentation.story import StoryStep
from widgets.presentation.text_pages import Rebuilding

TEXT_PX = (28, 22)
"""A row's type at 1080 lines: the findings' size when the rows fit, down to the chart's ticks when they are many."""
HEAD_PX = 19
"""The column names: the eyebrow's size, in capitals."""
TREND_STEP = " → "
"""What parts the figures of a trend in the deck («91% → 94% → 96%»)."""
ROW_PAD = (10.0, 7.0, 5.0)
"""Pixels above and below a row's text at 1080 lines: roomy, then closer when the smallest type does not fit."""
CELL_LINES = 3
"""A cell takes at most this many lines ("…" past them; the deck's plan keeps rows short enough)."""


@dataclass
class Cell:
    """A cell as drawn: its lines, colour, weight, alignment."""

    lines: list[str]
    color: str
    bold: bool
    right: bool
    strong: str = ""
    """The end of the last line drawn in bold (a trend's latest figure)."""


Layout = tuple[float, float, list[float], list[Cell], list[list[Cell]], list[float]]
"""A table laid out: type size and padding (1080 lines), column widths, head cells, rows of cells, row heights."""


class FiguresTable(QWidget):
    """A deck table drawn for the projector: column names in capitals over a rule, rows between hairlines, each cell
    in the deck's colour and weight; the type as large as lets every row fit (never a scroll bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresTable")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.header: list[str] = []
        self.rows: list[list[TableCell]] = []
        self.widths: list[int] = []
        self.trend_column: int | None = None
        self.siblings: list[list[list[TableCell]]] = []
        self.scale = 1.0
        self._laid: Layout | None = None

    def set_table(self, header: list[str], rows: list[list[TableCell]], widths: list[int], scale: float,
                  trend_column: int | None = None, siblings: list[list[list[TableCell]]] | None = None) -> None:
        """Show `rows` under `header` in columns as wide as `widths` say (relative), for a screen `scale`; the
        latest figure of a trend («99% → 98% → 93%») in `trend_column` stands out in bold; the type is the size
        at which the rows of every other slide of the table (`siblings`) fit too (one size from «(1/2)» to «(2/2)»)."""
        self.header, self.rows, self.widths, self.scale = header, rows, widths, scale
        self.trend_column = trend_column
        self.siblings = list(siblings or [])
        self._laid = None
        self.update()

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self._laid = None

    # ------------------------------------------------------------------ layout
    def pad(self, pad_y: float = ROW_PAD[0]) -> tuple[float, float]:
        """A cell's padding left-right and top-bottom (pixels) for `pad_y` top-bottom at 1080 lines."""
        return 14 * self.scale, pad_y * self.scale

    def columns(self) -> list[float]:
        """Each column's width in pixels."""
        total = sum(self.widths) or 1
        return [self.width() * w / total for w in self.widths]

    def text_font(self, px: float, bold: bool = False) -> QFont:
        """The rows' type at `px` (1080 lines)."""
        return theme.font(px * self.scale, bold=bold)

    def head_font(self) -> QFont:
        """The column names' type."""
        return theme.eyebrow(HEAD_PX * self.scale)

    def _cells(self, px: float, columns: list[float], table: list[list[TableCell]]) -> tuple[list[Cell],
                                                                                          list[list[Cell]]]:
        pad_x, _pad_y = self.pad()
        head = [Cell(wrapped_lines(text, self.head_font(), width - 2 * pad_x, 2)[0], theme.MUTED, True, False)
                for text, width in zip(self.header, columns, strict=False)]
        rows = []
        for cells in table:
            row = []
            for column, (cell, width) in enumerate(zip(cells, columns, strict=False)):
                run = cell.runs[0] if cell.runs else None
                text = "\n".join(x.text for x in cell.runs)
                bold = bool(run and run.bold)
                lines = wrapped_lines(text, self.text_font(px, bold), width - 2 * pad_x, CELL_LINES)[0]
                latest = text.rpartition(TREND_STEP)[2] if column == self.trend_column and text != "—" else ""
                strong = latest if lines and lines[-1].endswith(latest) else ""
                row.append(Cell(lines, run.color if run else theme.INK, bold, cell.align == "r", strong))
            rows.append(row)
        for column, name in enumerate(head):  # a column of figures has its name over them, on the right
            name.right = bool(rows) and all(row[column].right for row in rows if column < len(row))
        return head, rows

    def layout_at(self, px: float, pad: float, table: list[list[TableCell]] | None = None) -> tuple[
            list[Cell], list[list[Cell]], list[float], float]:
        """The cells of `table` (the rows shown) at type size `px` with `pad` above and below (1080 lines), each
        row's and the head's height."""
        columns = self.columns()
        head, rows = self._cells(px, columns, self.rows if table is None else table)
        _pad_x, pad_y = self.pad(pad)
        step = line_step(QFontMetricsF(self.text_font(px)))
        head_h = max((len(c.lines) for c in head), default=1) * line_step(QFontMetricsF(self.head_font())) + 2 * pad_y
        heights = [max((len(c.lines) for c in row), default=1) * step + 2 * pad_y for row in rows]
        return head, rows, heights, head_h

    def laid_out(self) -> Layout:
        """(type size, padding, column widths, head cells, rows of cells, row heights): the largest type that
        fits, then the rows drawn closer."""
        if self._laid is None:
            tries = [(float(px), ROW_PAD[0]) for px in range(TEXT_PX[0], TEXT_PX[1] - 1, -1)]
            tries += [(float(TEXT_PX[1]), pad) for pad in ROW_PAD[1:]]
            for px, pad in tries:
                head, rows, heights, head_h = self.layout_at(px, pad)
                if head_h + sum(heights) <= self.height() and all(
                        self._fits(px, pad, other) for other in self.siblings):
                    break
            self._laid = (px, pad, self.columns(), head, rows, [head_h, *heights])
        return self._laid

    def _fits(self, px: float, pad: float, table: list[list[TableCell]]) -> bool:
        _head, _rows, heights, head_h = self.layout_at(px, pad, table)
        return head_h + sum(heights) <= self.height()

    def shown_rows(self) -> list[list[str]]:
        """What each row reads, cell by cell (lines joined by spaces), as drawn now."""
        return [[" ".join(c.lines) for c in row] for row in self.laid_out()[4]]

    def type_px(self) -> float:
        """The rows' type size in pixels on this screen."""
        return self.laid_out()[0] * self.scale

    # ------------------------------------------------------------------ paint
    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        px, pad, columns, head, rows, heights = self.laid_out()
        pad_x, pad_y = self.pad(pad)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        y = 0.0
        self._draw_row(p, head, columns, y, pad_x, pad_y, self.head_font(), self.head_font())
        y += heights[0]
        p.setPen(QPen(QColor(theme.INK), max(1.5, 2 * self.scale)))
        p.drawLine(QPointF(0, y), QPointF(self.width(), y))
        plain, bold = self.text_font(px), self.text_font(px, True)
        for row, height in zip(rows, heights[1:], strict=False):
            self._draw_row(p, row, columns, y, pad_x, pad_y, plain, bold)
            y += height
            p.setPen(QPen(QColor(theme.RULE), max(1.0, self.scale)))
            p.drawLine(QPointF(0, y), QPointF(self.width(), y))
        p.end()

    def _draw_row(self, p: QPainter, cells: list[Cell], columns: list[float], top: float, pad_x: float,
                  pad_y: float, plain: QFont, bold: QFont) -> None:
        x = 0.0
        for cell, width in zip(cells, columns, strict=False):
            font = bold if cell.bold else plain
            p.setFont(font)
            p.setPen(QColor(cell.color))
            step = line_step(QFontMetricsF(font))
            align = Qt.AlignmentFlag.AlignRight if cell.right else Qt.AlignmentFlag.AlignLeft
            for n, text in enumerate(cell.lines):
                rect = QRectF(x + pad_x, top + pad_y + n * step, width - 2 * pad_x, step)
                if cell.strong and n == len(cell.lines) - 1 and not cell.right:  # the latest figure in bold
                    head = text[: len(text) - len(cell.strong)]
                    p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), head)
                    p.setFont(bold)
                    rect.setLeft(rect.left() + QFontMetricsF(font).horizontalAdvance(head))
                    text = cell.strong
                p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)
            x += width


class FiguresPage(Rebuilding):
    """One of the dashboard's slides of the deck, in the app's language: the teams' tallies under the share of
    promises and indicators kept, or a section's lines (who → to whom, what, target, trend, kept?)."""


    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.table = FiguresTable(self.body)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.rebuild()

    def follow(self, changes: Changes) -> None:
        if touches_figures(changes):
            self.rebuild_soon()

    def slide(self) -> TableSlide | None:
        """The deck's slide this page shows now (None when the figures were cut into fewer slides meanwhile)."""
        slides = figures_of(self.document)
        index = int(self.step_info.key.rpartition(":")[2] or 0)
        return slides[index] if index < len(slides) else None

    def rebuild(self) -> None:
        slide = self.slide()
        margin = round(self.px(22))
        self.body.layout().setContentsMargins(0, margin, 0, 0)
        if slide is None:
            self.set_header("")
            self.table.set_table([], [], [], self.scale)
            return
        words = Words(app_language())
        prefix = word(words, "dashboard")
        if slide.title.startswith(prefix + ": "):  # a section: «Показатели успеха команд (1/2)»
            rest = slide.title[len(prefix) + 2:]
            self.set_header(rest[:1].upper() + rest[1:])
        else:  # the teams' tallies, under the share kept of the whole organisation
            share = r.dashboard(self.document.model).organisation.share_met
            whole = word(words, "whole")
            title = whole if share is None else f"{whole}: {round(share * 100)}\u00a0% {word(words, 'met')}"
            self.set_header(title + slide.title[len(prefix):], word(words, "dashboard_about"))
        trend = word(words, "trend")
        base = numbered_base(slide.title)
        siblings = [s.rows for s in figures_of(self.document) if s is not slide and numbered_base(s.title) == base]
        self.table.set_table(slide.header, slide.rows, slide.widths, self.scale,
                             slide.header.index(trend) if trend in slide.header else None, siblings)


def row_count_fits(table: FiguresTable) -> bool:
    """Whether every row of `table` is drawn inside it (for tests and the screenshot check)."""
    px, _pad, _columns, _head, _rows, heights = table.laid_out()
    return math.ceil(sum(heights)) <= table.height() + 1 and px >= TEXT_PX[1]
