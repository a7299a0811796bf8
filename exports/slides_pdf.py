"""The deck's story as 16:9 PDF pages (reportlab), for those without PowerPoint: same drawings as the handout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, NextPageTemplate, PageBreak, Spacer, Table, TableStyle

from app import model as m
from exports import fonts, wrap
from exports import handout_tables as tables
from exports import slide_plan as plan
from exports.context import Branding, Ctx, LongTexts
from exports.cover import CoverBand
from exports.draw_chart import canvas_drawing
from exports.draw_diagram import diagram_drawing
from exports.findings import open_findings
from exports.i18n import Words
from exports.logo import logo_flowable
from exports.pdf_doc import canvas_class, footer_text, make_doc
from exports.pdf_flow import FitDrawing
from exports.pdf_grid import Cell, Grid
from exports.pdf_styles import make_styles, para
from exports.pptx_xml import TableCell
from exports.scope import Scope, scope_of
from exports.style import MUTED

SIZE = (960.0, 540.0)  # 13.333 × 7.5 in, as the PowerPoint deck
MARGINS = (40.0, 40.0, 92.0, 38.0)  # left, right, top (the title lives there), bottom


class Section(Flowable):
    """Marks where a slide section starts: its kicker and title are drawn at the top of each of its pages."""

    def __init__(self, title: str, kicker: str = "") -> None:
        super().__init__()
        self.title, self.kicker = title, kicker

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._slide_section = (self.title, self.kicker, self.canv.getPageNumber())


def _title(canv: Canvas, words: Words, accent: str) -> None:
    section = getattr(canv, "_slide_section", None)
    if section is None:
        return
    title, kicker, first = section
    if canv.getPageNumber() != first:
        title = f"{title} ({words['continued']})"
    left, width = MARGINS[0], SIZE[0] - MARGINS[0] - MARGINS[1]
    y = SIZE[1] - 34
    canv.saveState()
    if kicker:
        canv.setFillColor(HexColor(MUTED))
        canv.setFont(fonts.SANS_BOLD, 10)
        canv.drawString(left, y, fonts.clean(kicker.upper())[:120])
    canv.setFillColor(HexColor(accent))
    line = wrap.shorten(fonts.clean(title), fonts.SANS_BOLD, 24, width)
    x = left
    for name, chunk in fonts.runs(line, fonts.SANS_BOLD):
        canv.setFont(name, 24)
        canv.drawString(x, y - 30, chunk)
        x += fonts.width(chunk, name, 24)
    canv.restoreState()


def _canvas_slides(ctx: Ctx, c: m.Canvas, out: list[Flowable]) -> None:
    words, st = ctx.words, ctx.styles
    out += [PageBreak(), Section(c.title or "—", words["canvas_kicker"])]
    if c.tagline:
        out.append(para(f"«{c.tagline}»", st.tagline))
    separate = len(c.factors) > 12 or sum(len(f.name) + len(f.errc_note) for f in c.factors if f.errc) > 420
    height = ctx.height - (30 if c.tagline else 0)
    if separate:
        out.append(FitDrawing(partial(canvas_drawing, c, words, text_scale=1.6), height))
        out += [PageBreak(), Section(f"{words['errc']}: {c.title or '—'}", words["canvas_kicker"])]
        out += tables.errc_grid(ctx, c)
        return
    chart_w = ctx.width * 0.64
    chart = canvas_drawing(c, words, chart_w - 12, height - 6, text_scale=1.6)
    side = replace_width(ctx, ctx.width - chart_w)
    grid = KeepInFrame(ctx.width - chart_w, height, tables.errc_grid(side, c), mode="shrink")
    row = Table([[chart, grid]], colWidths=[chart_w, ctx.width - chart_w],
                style=TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 10),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    out.append(row)


def replace_width(ctx: Ctx, width: float) -> Ctx:
    """The same context for a narrower column."""
    from dataclasses import replace

    return replace(ctx, width=width)


def slides_story(ctx: Ctx, scope: Scope | None = None) -> list[Flowable]:
    """Title, goal, canvases, structure, promise map, promises, economics — one section per slide or more, only
    those the workshop has; a large workshop's promise map per segment and its summaries, as in the deck."""
    w, words, st = ctx.workshop, ctx.words, ctx.styles
    scope = scope or scope_of(w)
    info = w.info
    out: list[Flowable] = [CoverBand(words["handout"], info.title or "—", info.organization, ctx.branding.accent,
                                     1.25), Spacer(1, 40)]
    details = " · ".join(x for x in (words.date(info.date), info.facilitator) if x)
    if details:
        out.append(para(details, ParagraphStyle("slide-details", st.h2, fontSize=20, leading=26)))
    logo = logo_flowable(ctx.branding.logo, 220, 64)
    if logo is not None:
        out += [Spacer(1, 24), logo]
    out.append(NextPageTemplate("body"))
    if scope.goal:
        out += [PageBreak(), Section(words["evolutionary_goal"] if info.evolutionary_goal else words["values"])]
        if info.evolutionary_goal:
            big = ParagraphStyle("slide-goal", st.goal, fontSize=34, leading=42, spaceAfter=18)
            out.append(para(info.evolutionary_goal, big))
        if info.goal_rationale:
            out.append(para(info.goal_rationale, st.body))
        if w.values:
            if info.evolutionary_goal:
                out += [Spacer(1, 10), para(words["values"], st.h2)]
            for v in w.values:
                holder = f" — {v.holder}" if v.holder else ""
                out.append(para(f"{v.name}{holder}. {v.description}".strip(), st.bullet, bullet="•"))
    for c in scope.canvases:
        _canvas_slides(ctx, c, out)
    for title, workshop, diagram in plan.diagram_slides(w, scope, words):  # split as the deck splits them
        out += [PageBreak(), Section(title)]
        out.append(FitDrawing(partial(diagram_drawing, workshop, diagram.name, words, text_scale=1.3,
                                      max_scale=1.0, built=diagram), ctx.height))
    from exports import deck_parts as parts
    from exports.dashboard import deck_slides

    if scope.promises:
        out += table_slides(ctx, parts.promise_summary_slides if scope.summary else parts.promise_slides)
    if scope.economics:
        out += table_slides(ctx, parts.economics_totals_slide if scope.summary else parts.economics_slides)
    out += table_slides(ctx, partial(deck_slides, summary=scope.summary))  # only when the workshop has readings
    if scope.appendix:
        if scope.promises:
            out += table_slides(ctx, parts.promise_slides)
        if scope.economics:
            out += table_slides(ctx, parts.economics_slides)
    return out


def table_slides(ctx: Ctx, deck_tables: Callable[[Any], None]) -> list[Flowable]:
    """The deck's table slides (`deck_tables` fills them in), cut by the same plan, one page each with its
    title: the PDF slides and the deck tell one story."""
    recorder = plan.Recorder(ctx.workshop, ctx.words, ctx.branding.accent)
    deck_tables(recorder)
    out: list[Flowable] = []
    for s in recorder.recorded:
        points = [w / plan.EMU_PT for w in s.widths]
        widths = [ctx.width * p / sum(points) for p in points]
        head = tables.header_cells(s.header, [_ALIGN.get(c.align, "left") for c in (s.rows[0] if s.rows else [])])
        rows = [[_pdf_cell(c) for c in cells] for cells in s.rows] or [[Cell.text("—")] * len(s.header)]
        widths = tables.fit_columns(head, rows, widths, plan.TABLE_SIZE)  # numbers and short words never split
        grid = Grid(head, rows, widths, plan.TABLE_SIZE, header_color=ctx.branding.accent)
        out += [PageBreak(), Section(s.title), KeepInFrame(ctx.width, ctx.height, [grid], mode="shrink")]
    return out


_ALIGN = {"l": "left", "r": "right", "ctr": "center"}


def _pdf_cell(cell: TableCell) -> Cell:
    """A deck table cell as a PDF grid cell: the same paragraphs, weights and colours."""
    parts = [(run.text, fonts.SANS_BOLD if run.bold else fonts.SANS_ITALIC if run.italic else fonts.SANS, run.color)
             for run in cell.runs]
    return Cell(parts, _ALIGN.get(cell.align, "left"))


def write_slides_pdf(workshop: m.Workshop, path: str, *, branding: Any = None, full: bool = False) -> None:
    """Write the 16:9 PDF slides of `workshop` to `path` (the caller makes the write atomic)."""
    fonts.register()
    words = Words(workshop.info.language)
    brand = Branding.of(branding)
    width, height = SIZE[0] - MARGINS[0] - MARGINS[1], SIZE[1] - MARGINS[2] - MARGINS[3]
    ctx = Ctx(workshop, words, make_styles(brand.accent, 1.45), width, height, LongTexts(words), brand,
              open_findings(workshop, []))

    def end(canv: Canvas, _doc: Any) -> None:
        _title(canv, words, brand.accent)

    def footer(canv: Canvas, number: int, total: int) -> None:
        if number > 1:
            footer_text(canv, workshop.info.title, f"{number} / {total}", MARGINS[0], SIZE[0] - MARGINS[1], 18)

    doc = make_doc(path, SIZE, MARGINS, None, title=workshop.info.title, author=workshop.info.facilitator,
                   lang=words.language)
    for template in doc.pageTemplates:
        if template.id == "body":
            template.onPageEnd = end
    doc.build(slides_story(ctx, scope_of(workshop, full)), canvasmaker=canvas_class(footer))
