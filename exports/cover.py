"""The handout's cover: a full-bleed accent band with the title, then the goal and the session details."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor, white
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from exports import fonts, wrap
from exports.context import Ctx
from exports.logo import logo_flowable
from exports.pdf_flow import TextCell
from exports.pdf_styles import para
from exports.style import INK, MUTED, RULE

TITLE_LINES = 5


class CoverBand(Flowable):
    """The accent band across the top of the page with a kicker, the title and the organisation in white."""

    def __init__(self, kicker: str, title: str, subtitle: str, accent: str, scale: float = 1.0) -> None:
        super().__init__()
        self.kicker, self.title, self.subtitle, self.accent = kicker, title, subtitle, accent
        self.size = 30 * scale
        self.pad = 26 * scale

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._title = wrap.wrap_lines(self.title or "—", fonts.SANS_BOLD, self.size, avail_width, TITLE_LINES)
        self._sub = wrap.wrap_lines(self.subtitle, fonts.SANS, self.size * 0.5, avail_width, 3) if self.subtitle else []
        self.height = (self.pad * 2.2 + self.size * 0.5 * 2.2 + len(self._title) * self.size * 1.12
                       + len(self._sub) * self.size * 0.5 * 1.3)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        ax, ay = canv.absolutePosition(0, 0)
        page_w, page_h = canv._pagesize
        canv.saveState()
        canv.setFillColor(HexColor(self.accent))
        canv.rect(-ax, 0, page_w, page_h - ay, stroke=0, fill=1)
        y = self.height - self.pad * 1.2 - self.size * 0.5
        y = self._line(self.kicker.upper(), fonts.SANS_BOLD, self.size * 0.36, y, Color(1, 1, 1, 0.78))
        y -= self.size * 0.55
        for line in self._title:
            y = self._line(line, fonts.SANS_BOLD, self.size, y, white, self.size * 1.12)
        y -= self.size * 0.15
        for line in self._sub:
            y = self._line(line, fonts.SANS, self.size * 0.5, y, Color(1, 1, 1, 0.9), self.size * 0.5 * 1.3)
        canv.restoreState()

    def _line(self, text: str, font: str, size: float, y: float, color, leading: float | None = None) -> float:
        canv = self.canv
        canv.setFillColor(color)
        x = 0.0
        for name, chunk in fonts.runs(text, font):
            canv.setFont(name, size)
            canv.drawString(x, y, chunk)
            x += fonts.width(chunk, name, size)
        return y - (leading or size * 1.3)


def _start(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def cover(ctx: Ctx) -> list[Flowable]:
    """The cover page's flowables (the page template has no header)."""
    info, words, st = ctx.workshop.info, ctx.words, ctx.styles
    title = info.title or "—"
    if len(wrap.wrap_lines(title, fonts.SANS_BOLD, 30 * st.scale, ctx.width)) > TITLE_LINES:
        ctx.notes.cut(title, 0)
    out: list[Flowable] = [CoverBand(words["handout"], title, info.organization, ctx.branding.accent, st.scale),
                           Spacer(1, 30 * st.scale)]
    if info.evolutionary_goal:
        # the cover holds the start of a long goal; the goal section gives it in full
        out += [para(words["evolutionary_goal"].upper(), st.kicker), para(_start(info.evolutionary_goal, 320), st.goal)]
        if info.goal_rationale:
            out.append(para(_start(info.goal_rationale, 400), st.muted))
        out.append(Spacer(1, 18 * st.scale))
    size = 10 * st.scale
    rows = [
        [TextCell(words[key], size, color=MUTED), TextCell(value, size, font=fonts.SANS_BOLD, color=INK)]
        for key, value in (("date", words.date(info.date)), ("facilitator", info.facilitator),
                           ("organization", info.organization))
        if value
    ]
    if rows:
        style = TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, size),
                            ("LINEABOVE", (0, 0), (-1, 0), 0.6, HexColor(RULE)),
                            ("LINEBELOW", (0, 0), (-1, -1), 0.6, HexColor(RULE)),
                            ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        out.append(Table(rows, colWidths=[ctx.width * 0.25, ctx.width * 0.75], style=style, hAlign="LEFT"))
    logo = logo_flowable(ctx.branding.logo, 160, 56)
    if logo is not None:
        out += [Spacer(1, 28 * st.scale), logo]
    return out
