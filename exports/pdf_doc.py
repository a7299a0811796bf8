"""The PDF document frame: page sizes, running header, "page X of Y", headings with outline, contents lines."""

from __future__ import annotations

from typing import Callable

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from exports import fonts, wrap
from exports.style import MUTED, RULE

Late = Callable[[Canvas, int], None]
PAGE_SIZES = {"A4": A4, "A3": A3}


def page_size(page: str | tuple[float, float], landscape: bool) -> tuple[float, float]:
    """The page size in points for "A4", "A3" or an explicit (width, height)."""
    size = PAGE_SIZES.get(page.upper()) if isinstance(page, str) else tuple(page)
    if size is None:
        raise ValueError(f"unknown page size {page!r}: use A4 or A3")
    return to_landscape(size) if landscape else tuple(size)


class DeferredCanvas(Canvas):
    """A canvas that keeps its pages until save, so that each page knows the page count and the contents
    know the page of every section; bookmarks are bound then too, to the right page."""

    decorate: Callable[[Canvas, int, int], None] | None = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self.section_pages: dict[str, int] = {}
        self.late: dict[int, list[Late]] = {}

    def at_end(self, fn: Late) -> None:
        """Run fn(canvas, total_pages) on the current page once every page is known."""
        self.late.setdefault(self.getPageNumber(), []).append(fn)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        annotations = 0  # link names count on across the replayed pages (each held page kept its own count)
        for state in self._held:
            self.__dict__.update(state)
            held: int = self._annotationCount  # type: ignore[has-type]  # reportlab's counter, untyped
            self._annotationCount = annotations = max(annotations, held)
            page = self.getPageNumber()
            for fn in self.late.get(page, ()):
                fn(self, total)
            if self.decorate is not None:
                self.decorate(self, page, total)
            annotations = self._annotationCount
            Canvas.showPage(self)
        Canvas.save(self)


def canvas_class(decorate: Callable[[Canvas, int, int], None]) -> type[DeferredCanvas]:
    """A DeferredCanvas that calls decorate(canvas, page, total) on every page at the end (footers)."""
    return type("HandoutCanvas", (DeferredCanvas,), {"decorate": staticmethod(decorate)})


class Heading(Paragraph):
    """A section heading: a PDF outline entry, a link target, and a page number for the contents."""

    def __init__(self, text: str, style, key: str, level: int = 0, outline: str | None = None) -> None:
        super().__init__(fonts.markup(text, style.fontName), style)
        self.key, self.level, self.outline = key, level, outline or text

    def draw(self) -> None:
        canv = self.canv
        key, top = self.key, self.height
        if isinstance(canv, DeferredCanvas):
            canv.section_pages.setdefault(key, canv.getPageNumber())
            x, y = canv.absolutePosition(0, top)
            canv.at_end(lambda c, _total: c.bookmarkPage(key, fit="XYZ", left=0, top=y + 6))
        canv.addOutlineEntry(fonts.clean(self.outline)[:120], key, level=self.level, closed=self.level > 0)
        super().draw()


class ContentsLine(Flowable):
    """One line of the contents: title, dot leader and the section's page number, linked to the section."""

    def __init__(self, key: str, title: str, level: int, size: float = 11.0) -> None:
        super().__init__()
        self.key, self.title, self.level, self.size = key, title, level, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * (1.9 if self.level == 0 else 1.55)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        indent = 0 if self.level == 0 else 16
        font = fonts.SANS_BOLD if self.level == 0 else fonts.SANS
        size = self.size if self.level == 0 else self.size * 0.93
        room = self.width - indent - 40
        title = wrap.shorten(fonts.clean(self.title), font, size, room)
        y = self.size * 0.45
        x: float = indent
        for name, chunk in fonts.runs(title, font):
            canv.setFont(name, size)
            canv.drawString(x, y, chunk)
            x += fonts.width(chunk, name, size)
        canv.setFillColor(HexColor(RULE))
        canv.setFont(fonts.SANS, size)
        dots_from, dots_to = x + 6, self.width - 28
        if dots_to > dots_from:
            step = fonts.width(". ", fonts.SANS, size)
            canv.drawString(dots_from, y, ". " * int((dots_to - dots_from) / step))
        if isinstance(canv, DeferredCanvas):
            ax, ay = canv.absolutePosition(0, 0)
            key, width, height = self.key, self.width, self.height

            def number(c: Canvas, _total: int) -> None:
                page = c.section_pages.get(key)
                if page is None:
                    return
                c.saveState()
                c.setFont(font, size)
                c.setFillColor(HexColor("#1F2430"))
                c.drawRightString(ax + width, ay + y, str(page))
                c.linkRect("", key, (ax + indent, ay, ax + width, ay + height), relative=0, thickness=0)
                c.restoreState()

            canv.at_end(number)


def footer_text(canv: Canvas, left: str, right: str, x0: float, x1: float, y: float, size: float = 8) -> None:
    """A line of small grey text: `left` at x0, `right` right-aligned at x1."""
    canv.saveState()
    canv.setFillColor(HexColor(MUTED))
    room = max(20.0, x1 - x0 - fonts.width(right, fonts.SANS, size) - 24)
    left = wrap.shorten(fonts.clean(left), fonts.SANS, size, room)
    x = x0
    for name, chunk in fonts.runs(left, fonts.SANS):
        canv.setFont(name, size)
        canv.drawString(x, y, chunk)
        x += fonts.width(chunk, name, size)
    canv.setFont(fonts.SANS, size)
    canv.drawRightString(x1, y, right)
    canv.restoreState()


def _frame(size: tuple[float, float], margins: tuple[float, float, float, float], frame_id: str) -> Frame:
    left, right, top, bottom = margins
    return Frame(left, bottom, size[0] - left - right, size[1] - top - bottom, id=frame_id,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


def make_doc(
    path: str,
    size: tuple[float, float],
    margins: tuple[float, float, float, float],
    on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    *,
    title: str = "",
    author: str = "",
    lang: str = "ru",
    cover: bool = True,
    wide: tuple[float, float] | None = None,
) -> BaseDocTemplate:
    """A document with templates "cover" (no header), "body" (header via `on_page`) and, given a `wide`
    size, "wide": landscape pages for diagrams and wide tables inside a portrait document."""
    on_page = on_page or (lambda _canv, _doc: None)
    templates = [PageTemplate("body", [_frame(size, margins, "body")], onPage=on_page, pagesize=size)]
    if cover:
        left, right, _top, bottom = margins
        cover_margins = (left, right, left * 0.8, bottom)
        templates.insert(0, PageTemplate("cover", [_frame(size, cover_margins, "cover")], pagesize=size))
    if wide is not None:
        templates.append(PageTemplate("wide", [_frame(wide, margins, "wide")], onPage=on_page, pagesize=wide))
    left, right, top, bottom = margins
    return BaseDocTemplate(path, pagesize=size, pageTemplates=templates, title=fonts.clean(title)[:300],
                           author=fonts.clean(author)[:200], creator="Clientocracy Studio", leftMargin=left,
                           rightMargin=right, topMargin=top, bottomMargin=bottom, initialFontName=fonts.SANS,
                           lang=lang)
