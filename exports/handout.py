"""The PDF handout (reportlab Platypus): cover, contents, clients, canvases, diagrams, tables, findings."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any, Sequence

from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Spacer

from app import model as m
from exports import dashboard, fonts, summary, summary_tables
from exports import handout_tables as tables
from exports.context import Branding, Ctx, LongTexts
from exports.cover import cover
from exports.draw_chart import canvas_drawing
from exports.draw_diagram import diagram_drawing
from exports.findings import open_findings
from exports.geometry import Diagram, build_diagram
from exports.i18n import Words
from exports.pdf_doc import ContentsLine, Heading, canvas_class, footer_text, make_doc, page_size
from exports.pdf_flow import FitDrawing
from exports.pdf_styles import make_styles, para
from exports.scope import Scope, checked, scope_of
from exports.style import RULE
from exports.summary import segment_maps

Entries = list[tuple[str, str, int]]


class Sections:
    """Collects the body's flowables and the contents entries of its headings."""

    def __init__(self, ctx: Ctx, scope: Scope) -> None:
        self.ctx, self.scope = ctx, scope
        self.story: list[Flowable] = []
        self.entries: Entries = []

    def heading(self, text: str, key: str, level: int = 0, style: Any = None) -> None:
        st = self.ctx.styles
        self.story.append(Heading(text, style or (st.h1 if level == 0 else st.h2), key, level))
        self.entries.append((key, text, level))

    def add(self, *flowables: Flowable) -> None:
        self.story.extend(flowables)


def _goal(s: Sections) -> None:
    ctx, words, st = s.ctx, s.ctx.words, s.ctx.styles
    info = ctx.workshop.info
    s.heading(words["goal_values"], "goal")
    goal = info.evolutionary_goal
    if goal:
        s.add(para(goal, st.goal if len(goal) <= 400 else st.body))
    if info.goal_rationale:
        s.add(para(info.goal_rationale, st.body))
    if ctx.workshop.values:
        s.add(para(words["values"], st.h2))
        for v in ctx.workshop.values:
            holder = f" — {words['holder'].lower()}: {v.holder}" if v.holder else ""
            s.add(para(f"{v.name}{holder}", st.bullet, bullet="•"))
            if v.description:
                s.add(para(v.description, st.note))


def _clients(s: Sections) -> None:
    ctx, words, st = s.ctx, s.ctx.words, s.ctx.styles
    w = ctx.workshop
    s.add(CondPageBreak(160))
    s.heading(words["clients"], "clients")
    known = {seg.id for seg in w.segments}
    groups: list[tuple[str, str, str]] = [(seg.id, seg.name, seg.description) for seg in w.segments]
    if any(p.segment not in known for p in w.pains) or any(p.segment not in known for p in w.propositions):
        groups.append(("", words["no_segment"], ""))
    for seg_id, name, description in groups:
        pains = [p for p in w.pains if (p.segment == seg_id) or (not seg_id and p.segment not in known)]
        props = [p for p in w.propositions if (p.segment == seg_id) or (not seg_id and p.segment not in known)]
        s.add(CondPageBreak(90), para(name or "—", st.h2))
        if description:
            s.add(para(description, st.body))
        if pains:
            s.add(para(words["pains"].upper(), st.kicker))
            for p in pains:
                dots = "●" * max(0, min(5, p.severity or 0)) + "○" * (5 - max(0, min(5, p.severity or 0)))
                marker = f'<font color="#D55E00">{fonts.markup(dots)}</font>  ' if p.severity else ""
                s.add(para_markup(marker + fonts.markup(p.text or "—"), st.bullet))
        if props:
            s.add(para(words["propositions"].upper(), st.kicker))
            for prop in props:
                s.add(para(prop.statement or "—", st.bullet, bullet="•"))
                if prop.tagline:
                    s.add(para(f"«{prop.tagline}»", st.tagline))


def para_markup(markup: str, style) -> Flowable:
    """A paragraph of ready markup."""
    from reportlab.platypus import Paragraph

    return Paragraph(markup, style)


def _canvases(s: Sections) -> None:
    ctx, words, st = s.ctx, s.ctx.words, s.ctx.styles
    landscape = ctx.width > ctx.height
    for i, c in enumerate(s.scope.canvases):
        s.add(PageBreak())
        if i == 0:
            s.story.append(Heading(words["canvas_kicker"].upper(), st.kicker, "canvases", 0, words["canvases"]))
            s.entries.append(("canvases", words["canvases"], 0))
        else:
            s.add(para(words["canvas_kicker"].upper(), st.kicker))
        s.heading(ctx.notes.cut(c.title or "—", 300), f"canvas-{i}", 1, st.h1)
        if c.segment:
            s.add(para(f"{words['for_segment']}: {ctx.name(c.segment)}", st.muted))
        if c.tagline:
            s.add(para(f"«{c.tagline}»", st.tagline))
        share = 0.64 if landscape else 0.46
        grid = tables.errc_grid(ctx, c)
        errc_h = sum(f.wrap(ctx.width, ctx.height)[1] for f in grid) + 30 * st.scale  # with its heading
        above = (70 + (14 if c.segment else 0) + (22 if c.tagline else 0)) * st.scale  # kicker, title, lines
        chart_h = max(ctx.height * 0.3, min(ctx.height * share, ctx.height - errc_h - above - 12))
        # the canvas and its ERRC grid on one page, in every page size and orientation
        s.add(FitDrawing(partial(canvas_drawing, c, words, text_scale=st.scale), chart_h, min_height=chart_h * 0.8))
        s.add(Spacer(1, 6), para(words["errc"], st.h2), *grid)
        if c.factors:
            s.add(para(words["factors"], st.h2), *tables.factor_table(ctx, c))


def _diagram(s: Sections, workshop: m.Workshop, name: str, title: str, key: str, hint: str, level: int = 0) -> None:
    ctx, st = s.ctx, s.ctx.styles
    s.heading(title, key, level, st.h1)
    if hint:
        s.add(para(hint, st.muted))
    built: list[Diagram] = []  # placing the nodes is the slow part: once, however often the page lays it out

    def draw(wd: float, ht: float) -> Drawing:
        if not built:
            built.append(build_diagram(workshop, name))
        return diagram_drawing(workshop, name, ctx.words, wd, ht, text_scale=st.scale, built=built[0])

    s.add(FitDrawing(draw, ctx.height, min_height=ctx.height * 0.5))


def _wide(s: Sections, wide: Ctx) -> None:
    """Diagrams and the promise table on landscape pages (the document's own pages if it is landscape); a
    large workshop gets the client-facing layer, a promise map per segment and the worst promises instead."""
    scope, words, w = s.scope, wide.words, wide.workshop
    if not (scope.structure or scope.promises):
        return
    narrow = s.ctx
    s.ctx = wide
    s.add(NextPageTemplate("wide"), PageBreak())
    if scope.summary:
        s.heading(words["client_layer"], "client_layer")
        s.add(para(words("summary_note", teams=words.number(len(w.teams)), promises=words.number(len(w.promises))),
                   wide.styles.muted), *summary_tables.client_layer_tables(wide))
        maps = segment_maps(w, words, None if scope.full else summary.MAP_LIMIT)
        for i, seg_map in enumerate(maps):
            s.add(PageBreak())
            if i == 0:
                s.entries.append(("maps", words["maps_by_segment"], 0))
            hint = words("segment_map_hint", external=words.number(seg_map.external),
                         internal=words.number(seg_map.internal))
            _diagram(s, seg_map.workshop, "promises", words("segment_map", segment=seg_map.segment.name or "—"),
                     f"map-{i}", hint, 1)
        left_out = [seg.name for seg in w.segments if seg.id not in {sm.segment.id for sm in maps}]
        if left_out and maps:
            s.add(para(words("maps_left_out", names=", ".join(left_out)), wide.styles.muted))
        if scope.promises:
            s.add(PageBreak())
            s.heading(words["promise_summary"], "promises")
            s.add(*summary_tables.promise_summary_tables(wide))
    else:
        if scope.structure:
            _diagram(s, w, "structure", words["structure"], "structure", "")
        if scope.promises:
            if scope.structure:
                s.add(PageBreak())
            _diagram(s, w, "promises", words["promise_map"], "promise_map", words["promise_map_hint"])
            s.add(PageBreak())
            s.heading(words["promises"], "promises")
            s.add(*tables.promise_tables(wide))
    s.add(NextPageTemplate("body"))
    s.ctx = narrow


def _tables(s: Sections) -> None:
    ctx, words, scope = s.ctx, s.ctx.words, s.scope
    first = True

    def section(title_key: str) -> None:
        nonlocal first
        s.add(PageBreak() if first else CondPageBreak(220))
        first = False
        s.heading(words[title_key], title_key)

    if scope.teams:
        if scope.summary:
            if scope.economics:
                section("economics_totals")
                s.add(*summary_tables.economics_totals_table(ctx))
                from exports.economics_section import economics_summary

                s.add(*economics_summary(ctx))
        else:
            section("teams")
            s.add(*tables.team_tables(ctx, scope))
    if scope.experiments:
        section("experiments")
        s.add(*tables.experiment_tables(ctx, summary.EXPERIMENT_LIMIT if scope.summary else None))
        from exports.economics_section import overspent_notes

        s.add(*overspent_notes(ctx))
    worth = ctx.findings is not None and (checked(ctx.workshop) or any(
        getattr(f, "severity", "") in ("error", "warning") for f in ctx.findings))
    if worth:
        section("findings")
        s.add(*tables.finding_tables(ctx, 5 if scope.summary else None))


def _appendix(s: Sections, wide: Ctx) -> None:
    """The full registers of a large workshop, when asked for."""
    if not s.scope.appendix:
        return
    narrow, words = s.ctx, s.ctx.words
    s.add(PageBreak())
    s.heading(words["appendix"], "appendix")
    s.ctx = wide
    if s.scope.promises:
        s.add(NextPageTemplate("wide"), PageBreak())
        s.heading(words["promises"], "register-promises", 1, wide.styles.h2)
        s.add(*tables.promise_tables(wide), NextPageTemplate("body"))
    s.ctx = narrow
    if s.scope.teams:
        s.add(PageBreak())
        s.heading(words["teams"], "register-teams", 1, narrow.styles.h2)
        s.add(*tables.team_tables(narrow, s.scope))
    if len(narrow.workshop.experiments) > summary.EXPERIMENT_LIMIT:
        s.add(CondPageBreak(220))
        s.heading(words["experiments"], "register-experiments", 1, narrow.styles.h2)
        s.add(*tables.experiment_tables(narrow))


def _notes(s: Sections) -> None:
    if s.ctx.notes.items:
        s.add(PageBreak())
        s.heading(s.ctx.words["full_texts"], "full_texts")
        s.add(*tables.full_texts(s.ctx))


CONTENTS_ON_COVER = 10
"""Up to this many contents lines sit on the cover; a longer handout gets a contents page (none under 3)."""


def handout_story(ctx: Ctx, wide: Ctx, scope: Scope | None = None) -> list[Flowable]:
    """Every flowable of the handout, cover to appendix; `wide` is the context of the landscape pages. Only the
    sections the workshop has are written."""
    s = Sections(ctx, scope or scope_of(ctx.workshop))
    if s.scope.goal:
        _goal(s)
    if s.scope.clients:
        _clients(s)
    _canvases(s)
    _wide(s, wide)
    _tables(s)
    dashboard.handout_section(s)
    _appendix(s, wide)
    _notes(s)
    front = cover(ctx)
    if s.story and isinstance(s.story[0], PageBreak):
        s.story.pop(0)
    lines = [ContentsLine(key, title, level, 11 * ctx.styles.scale) for key, title, level in s.entries]
    if len(s.entries) < 3:
        return [*front, NextPageTemplate("body"), PageBreak(), *s.story]
    if len(s.entries) <= CONTENTS_ON_COVER:
        heading = para(ctx.words["contents"].upper(), ctx.styles.kicker)
        return [*front, Spacer(1, 18 * ctx.styles.scale), heading, *lines, NextPageTemplate("body"), PageBreak(),
                *s.story]
    contents: list[Flowable] = [Heading(ctx.words["contents"], ctx.styles.h1, "contents", 0), Spacer(1, 6), *lines]
    return [*front, NextPageTemplate("body"), PageBreak(), *contents, PageBreak(), *s.story]


def write_handout(
    workshop: m.Workshop,
    path: str,
    *,
    page: str | tuple[float, float] = "A4",
    landscape: bool = False,
    findings: Sequence[Any] | None = None,
    branding: Any = None,
    full: bool = False,
) -> None:
    """Write the handout PDF of `workshop` to `path` (the caller makes the write atomic); a large workshop is
    summarised, with its full registers in an appendix when `full`."""
    fonts.register()
    words = Words(workshop.info.language)
    brand = Branding.of(branding)
    size = page_size(page, landscape)
    margins = (17 * mm, 17 * mm, 19 * mm, 15 * mm)
    width, height = size[0] - margins[0] - margins[1], size[1] - margins[2] - margins[3]
    ctx = Ctx(workshop, words, make_styles(brand.accent), width, height, LongTexts(words), brand,
              open_findings(workshop, findings))
    wide_size = (max(size), min(size))
    wide = replace(ctx, width=wide_size[0] - margins[0] - margins[1], height=wide_size[1] - margins[2] - margins[3])
    info = workshop.info
    date = words.date(info.date)

    def header(canv: Canvas, _doc: Any) -> None:
        page_w, page_h = canv._pagesize
        top = page_h - margins[2] + 9
        footer_text(canv, info.title, date, margins[0], page_w - margins[1], top)
        canv.saveState()
        canv.setStrokeColor(HexColor(RULE))
        canv.setLineWidth(0.5)
        canv.line(margins[0], top - 4, page_w - margins[1], top - 4)
        canv.restoreState()

    def footer(canv: Canvas, number: int, total: int) -> None:
        if number > 1:
            page_w = canv._pagesize[0]
            footer_text(canv, info.organization, words("page_of", page=number, total=total), margins[0],
                        page_w - margins[1], margins[3] - 16)

    doc = make_doc(path, size, margins, header, title=info.title, author=info.facilitator, lang=words.language,
                   wide=wide_size)
    doc.build(handout_story(ctx, wide, scope_of(workshop, full)), canvasmaker=canvas_class(footer))
