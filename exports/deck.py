"""The 16:9 PowerPoint deck (python-pptx): title, goal, canvases with native charts, diagrams, tables."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.util import Emu, Pt

from app import model as m
from exports import deck_meta
from exports import deck_parts as parts
from exports import slide_plan as plan
from exports.i18n import Words
from exports.logo import raster_logo
from exports.pptx_xml import FONT, NS, Run, textbox
from exports.scope import Scope, scope_of
from exports.style import ACCENT, ERRC_COLORS, ERRC_TINTS, INK, MUTED, curve_styles, hex_rgb, readable, safe_hex

W, H = 12192000, 6858000  # 13.333 × 7.5 in
MARGIN = 457200  # 0.5 in
CONTENT_TOP = 1280160  # 1.4 in
CATEGORY_LIMIT = 60  # characters of a factor name on the chart's axis
SLIDE_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             f'<p:sld {NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
             "</p:nvGrpSpPr><p:grpSpPr/>{shapes}</p:spTree></p:cSld>"
             "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
MARKERS = {"circle": XL_MARKER_STYLE.CIRCLE, "square": XL_MARKER_STYLE.SQUARE, "diamond": XL_MARKER_STYLE.DIAMOND,
           "triangle": XL_MARKER_STYLE.TRIANGLE, "cross": XL_MARKER_STYLE.X}
"""The chart marker of each curve marker shape (exports.style.CurveStyle.shape)."""
DASHES = {(6, 2): MSO_LINE_DASH_STYLE.DASH, (1.5, 2): MSO_LINE_DASH_STYLE.ROUND_DOT,
          (6, 2, 1.5, 2): MSO_LINE_DASH_STYLE.DASH_DOT, (5, 3): MSO_LINE_DASH_STYLE.DASH,
          (1.5, 2.5): MSO_LINE_DASH_STYLE.ROUND_DOT, (8, 2, 2, 2): MSO_LINE_DASH_STYLE.LONG_DASH_DOT}
"""The chart dash of each curve dash pattern."""


def _rgb(color: str) -> RGBColor:
    return RGBColor(*hex_rgb(color))


class Deck:
    """One deck being written: the presentation, the words and the running slide count."""

    def __init__(self, workshop: m.Workshop, accent: str = ACCENT, logo: tuple[Path, float] | None = None) -> None:
        self.w = workshop
        self.accent, self.logo = accent, logo  # the logo: a raster file and its width / height
        self.words = Words(workshop.info.language)
        self.lang = "en-GB" if self.words.language == "en" else "ru-RU"
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = Emu(W), Emu(H)
        self.layout = self.prs.slide_layouts[6]  # blank
        self._slide_id: int | None = None

    # ------------------------------------------------------------- helpers
    def add_slide(self):
        """A new blank slide. python-pptx's add_slide looks through every relationship of the presentation
        for one to the new slide (there is none), which makes a deck of hundreds of slides quadratic; this
        adds the relationship directly and falls back to the public call if the internals change."""
        part, slides = self.prs.part, self.prs.slides
        try:
            from pptx.opc.constants import RELATIONSHIP_TYPE as RT
            from pptx.parts.slide import SlidePart

            slide_part = SlidePart.new(part._next_slide_partname, part.package, self.layout.part)
            rid = part.rels._add_relationship(RT.SLIDE, slide_part)
        except AttributeError:  # pragma: no cover - another python-pptx
            return slides.add_slide(self.layout)
        slides._sldIdLst._add_sldId(id=self._next_slide_id(slides._sldIdLst), rId=rid)
        return slide_part.slide

    def text(self, slide, x, y, w, h, text, size, *, bold=False, color=INK, align=PP_ALIGN.LEFT,
             italic=False, anchor=MSO_ANCHOR.TOP, name=None):
        box = slide.shapes.add_textbox(Emu(x), Emu(y), Emu(w), Emu(h))
        if name:
            box.name = name
        frame = box.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = 0
        for i, line in enumerate(parts.clean(text).split("\n") or [""]):
            p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            p.alignment = align
            run = p.add_run()
            run.text = line
            f = run.font
            f.size, f.bold, f.italic, f.name = Pt(size), bold, italic, FONT
            f.color.rgb = _rgb(color)
        return box

    def _chrome(self, title: str, kicker: str, number: int) -> str:
        """The kicker, title, footer and slide number of a content slide, as DrawingML."""
        lang = self.lang
        xml = []
        if kicker:
            xml.append(textbox(2, "Kicker", MARGIN, 300000, W - 2 * MARGIN, 300000,
                               [Run(kicker.upper(), 12, True, MUTED)], lang=lang))
        xml.append(textbox(3, "Title", MARGIN, 520000, W - 2 * MARGIN, 640000,
                           [Run(parts.short(title, 110), 26, True, self.accent)], lang=lang))
        footer = parts.short(self.w.info.title, 100)
        xml.append(textbox(4, "Footer", MARGIN, H - 380000, W - 2 * MARGIN - 800000, 250000,
                           [Run(footer, 12, False, MUTED)], lang=lang))
        xml.append(textbox(5, "Slide number", W - MARGIN - 700000, H - 380000, 700000, 250000,
                           [Run(str(number), 12, False, MUTED)], "r", lang=lang))
        return "".join(xml)

    def slide(self, title: str, kicker: str = "", extra: str = ""):
        """A blank slide with a kicker, a title, the footer and `extra` shapes (DrawingML text), parsed at
        once: decks can run to hundreds of slides."""
        s = self.add_slide()
        chrome = self._chrome(title, kicker, len(self.prs.slides))
        s.shapes._spTree.extend(list(parse_xml(f"<p:spTree {NS}>{chrome}{extra}</p:spTree>")))
        return s

    def fixed_slide(self, title: str, kicker: str = "", extra: str = "") -> None:
        """Like `slide`, for a slide nothing changes afterwards (tables, diagrams): its XML is written as the
        part's bytes, neither parsed nor serialised again (half the time of a deck of hundreds of table slides)."""
        part = self.prs.part
        slides = self.prs.slides
        try:
            from pptx.opc.constants import CONTENT_TYPE as CT
            from pptx.opc.constants import RELATIONSHIP_TYPE as RT
            from pptx.opc.package import Part

            sld_ids = slides._sldIdLst
            number = len(sld_ids) + 1
            blob = SLIDE_XML.format(shapes=self._chrome(title, kicker, number) + extra).encode("utf-8")
            slide_part = Part(part._next_slide_partname, CT.PML_SLIDE, part.package, blob)
            slide_part.relate_to(self.layout.part, RT.SLIDE_LAYOUT)
            rid = part.rels._add_relationship(RT.SLIDE, slide_part)
            sld_ids._add_sldId(id=self._next_slide_id(sld_ids), rId=rid)
        except AttributeError:  # pragma: no cover - another python-pptx
            self.slide(title, kicker, extra)

    def _next_slide_id(self, sld_ids) -> int:
        """python-pptx looks through every slide id for the next one; the deck counts them instead."""
        if self._slide_id is None:
            self._slide_id = sld_ids._next_id
        else:
            self._slide_id += 1
        return self._slide_id

    # -------------------------------------------------------------- slides
    def title_slide(self) -> None:
        info = self.w.info
        s = self.add_slide()
        band = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Emu(W), Emu(int(H * 0.58)))
        band.fill.solid()
        band.fill.fore_color.rgb = _rgb(self.accent)
        band.line.fill.background()
        band.name = "Band"
        self.text(s, MARGIN * 2, 900000, W - 4 * MARGIN, 300000, self.words["handout"].upper(), 13, bold=True,
                  color="#D5E3EA")
        self.text(s, MARGIN * 2, 1300000, W - 4 * MARGIN, 1900000, parts.short(info.title or "—", 160), 40,
                  bold=True, color="#FFFFFF", anchor=MSO_ANCHOR.TOP, name="Title")
        if info.organization:
            self.text(s, MARGIN * 2, 3250000, W - 4 * MARGIN, 450000, parts.short(info.organization, 120), 20,
                      color="#FFFFFF")
        details = " · ".join(x for x in (self.words.date(info.date), info.facilitator) if x)
        self.text(s, MARGIN * 2, int(H * 0.58) + 450000, W - 4 * MARGIN, 400000, details, 18, color=MUTED)
        if self.logo is not None:  # bottom right, on white, at most 2.2 × 0.8 in
            path, ratio = self.logo
            lw, lh = (1828800, round(1828800 / ratio)) if ratio > 2.75 else (round(731520 * ratio), 731520)
            picture = s.shapes.add_picture(str(path), Emu(W - MARGIN * 2 - lw), Emu(H - MARGIN - lh), Emu(lw), Emu(lh))
            picture.name = "Logo"

    def goal_slide(self) -> None:
        info, words = self.w.info, self.words
        s = self.slide(words["evolutionary_goal"] if info.evolutionary_goal else words["values"], "")
        if info.evolutionary_goal:
            self.text(s, MARGIN, CONTENT_TOP, W - 2 * MARGIN, 1600000, parts.short(info.evolutionary_goal, 220),
                      32, bold=True, color=self.accent)
        if info.goal_rationale:
            self.text(s, MARGIN, CONTENT_TOP + 1700000, W - 2 * MARGIN, 700000, parts.short(info.goal_rationale, 300),
                      16, color=INK)
        values = self.w.values[:6]
        if values:
            gap = 180000
            width = (W - 2 * MARGIN - gap * (len(values) - 1)) // len(values)
            top = CONTENT_TOP + 2600000
            for i, v in enumerate(values):
                x = MARGIN + i * (width + gap)
                card = s.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(x), Emu(top), Emu(width), Emu(1900000))
                card.fill.solid()
                card.fill.fore_color.rgb = _rgb("#F4F6F8")
                card.line.fill.background()
                card.name = f"{v.name or '—'} [{v.id}]"
                self.text(s, x + 120000, top + 120000, width - 240000, 400000, parts.short(v.name, 40), 18, bold=True)
                self.text(s, x + 120000, top + 560000, width - 240000, 900000, parts.short(v.description, 140), 12)
                if v.holder:
                    self.text(s, x + 120000, top + 1480000, width - 240000, 300000, v.holder, 12, color=MUTED)

    def canvas_slides(self, canvas: m.Canvas) -> None:
        words = self.words
        s = self.slide(canvas.title or "—", words["canvas_kicker"])
        if canvas.tagline:
            self.text(s, MARGIN, CONTENT_TOP - 130000, W - 2 * MARGIN, 380000, f"«{parts.short(canvas.tagline, 150)}»",
                      16, italic=True, color=self.accent)
        separate = len(canvas.factors) > 12 or parts.errc_chars(canvas) > 420
        chart_w = W - 2 * MARGIN if separate else int((W - 2 * MARGIN) * 0.66)
        self.chart(s, canvas, MARGIN, CONTENT_TOP + 300000, chart_w, H - CONTENT_TOP - 300000 - 780000)
        if separate:
            s = self.slide(f"{words['errc']}: {parts.short(canvas.title, 60)}", words["canvas_kicker"])
            self.errc(s, canvas, MARGIN, CONTENT_TOP, W - 2 * MARGIN, 14)
        else:
            x = MARGIN + chart_w + 200000
            self.errc(s, canvas, x, CONTENT_TOP + 380000, W - MARGIN - x, 12)

    def chart(self, slide, canvas: m.Canvas, x: int, y: int, w: int, h: int) -> None:
        """A native line-with-markers chart: series = visible curves, categories = factors, gaps = unscored."""
        data = CategoryChartData()
        data.categories = [parts.short(f.name or "—", CATEGORY_LIMIT) + (" ▲" if f.higher_is_costlier else "")
                           for f in canvas.factors] or ["—"]
        curves = [c for c in canvas.curves if c.visible]
        for c in curves:
            values = [c.levels.get(f.id) for f in canvas.factors] or [None]
            data.add_series(parts.short(c.name or "—", 80), [None if v is None else float(v) for v in values])
        if not curves:
            data.add_series("—", [None] * max(1, len(canvas.factors)))
        frame = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(x), Emu(y), Emu(w), Emu(h), data)
        frame.name = f"Chart: {parts.short(canvas.title, 60)} [{canvas.id}]"
        chart = frame.chart
        chart.font.size, chart.font.name = Pt(12), FONT
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        axis = chart.value_axis
        lo, hi = float(canvas.scale[0]), float(canvas.scale[1])
        axis.minimum_scale, axis.maximum_scale = lo, hi if hi > lo else lo + 1
        axis.major_unit = 1 if hi - lo <= 10 else None
        axis.has_major_gridlines = True
        axis.major_gridlines.format.line.color.rgb = _rgb("#E3E6EB")
        axis.format.line.fill.background()
        chart.category_axis.tick_labels.font.size = Pt(12)  # slide labels never under 12 pt
        for series, c, st in zip(chart.plots[0].series, curves, curve_styles(curves), strict=False):
            color = _rgb(safe_hex(c.color))
            series.smooth = False
            line = series.format.line
            line.color.rgb = color
            line.width = Pt(st.width * 1.1)
            if st.dash:
                line.dash_style = DASHES.get(st.dash, MSO_LINE_DASH_STYLE.DASH)
            series.marker.style = MARKERS.get(st.shape, XL_MARKER_STYLE.CIRCLE)
            series.marker.size = max(5, int(st.marker * 1.3))
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = color
            series.marker.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        parts.blanks_as_gaps(chart)
        if any(f.higher_is_costlier for f in canvas.factors):
            self.text(slide, x, y + h, w, 260000, f"▲ {self.words['dearer']}", 12, italic=True,
                      color=readable("#B86E00"), align=PP_ALIGN.RIGHT, name="Price note")

    def errc(self, slide, canvas: m.Canvas, x: int, y: int, w: int, size: float) -> None:
        """The ERRC grid as a 4 × 2 table: eliminate | raise, reduce | create, headers in their colours."""
        words = self.words
        table = slide.shapes.add_table(4, 2, Emu(x), Emu(y), Emu(w), Emu(2400000))
        table.name = f"ERRC [{canvas.id}]"
        tbl = table.table
        layout = [("eliminate", 0, 0), ("raise", 0, 1), ("reduce", 2, 0), ("create", 2, 1)]
        for action, row, col in layout:
            head, body = tbl.cell(row, col), tbl.cell(row + 1, col)
            parts.fill_cell(head, words[action].upper(), size, True, "#FFFFFF", ERRC_COLORS[action])
            names = [parts.short(f.name or "—", 80) for f in canvas.factors if f.errc == action]
            parts.fill_cell(body, "\n".join(f"• {n}" for n in names) or "—", size, False, INK, ERRC_TINTS[action])
        tbl.first_row = False
        tbl.horz_banding = False


def write_deck(workshop: m.Workshop, path: str, *, branding: Any = None, full: bool = False) -> None:
    """Write the deck of `workshop` to `path` (the caller makes the write atomic); a large workshop is
    summarised, with its full registers as closing slides when `full`."""
    from exports.context import Branding

    brand = Branding.of(branding)
    with tempfile.TemporaryDirectory(prefix="clientocracy-logo-") as folder:
        _write_deck(Deck(workshop, brand.accent, raster_logo(brand.logo, folder)), path, scope_of(workshop, full))


def _write_deck(deck: Deck, path: str, scope: Scope) -> None:
    """Every slide the workshop has something for, in the PDF slides' order, then the file."""
    deck.title_slide()
    if scope.goal:
        deck.goal_slide()
    for canvas in scope.canvases:
        deck.canvas_slides(canvas)
    for title, workshop, diagram in plan.diagram_slides(deck.w, scope, deck.words):
        group = parts.diagram_group(workshop, diagram.name, deck.words, MARGIN, CONTENT_TOP, W - 2 * MARGIN,
                                    H - CONTENT_TOP - 520000, built=diagram)
        deck.fixed_slide(title, extra=group)
    if scope.promises:
        (parts.promise_summary_slides if scope.summary else parts.promise_slides)(deck)
    if scope.economics:
        (parts.economics_totals_slide if scope.summary else parts.economics_slides)(deck)
    from exports.dashboard import deck_slides

    deck_slides(deck, scope.summary)  # only when the workshop has readings
    if scope.appendix:
        if scope.promises:
            parts.promise_slides(deck)
        if scope.economics:
            parts.economics_slides(deck)
    info = deck.w.info
    deck_meta.set_properties(deck.prs, info, deck.lang, len(deck.prs.slides))
    deck_meta.widescreen_master(deck.prs, deck.accent, W)
    deck_meta.thumbnail(deck.prs, info, deck.accent)
    deck.prs.save(path)
