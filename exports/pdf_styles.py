"""Paragraph styles of the PDF exports (PT Sans, accent colour, sizes scaled for handout or slides)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from exports import fonts
from exports.style import INK, MUTED


@dataclass(frozen=True)
class Styles:
    """The named paragraph styles of one document."""

    h1: ParagraphStyle
    h2: ParagraphStyle
    kicker: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    tagline: ParagraphStyle
    goal: ParagraphStyle
    bullet: ParagraphStyle
    note: ParagraphStyle
    accent: str
    scale: float


def make_styles(accent: str, scale: float = 1.0) -> Styles:
    """Styles for body text of 9.5 pt × `scale`, headings in the accent colour."""
    fonts.register()
    s = scale
    base = ParagraphStyle("body", fontName=fonts.SANS, fontSize=9.5 * s, leading=13.2 * s, textColor=HexColor(INK),
                          bulletFontName=fonts.SANS,
                          alignment=TA_LEFT, spaceAfter=4 * s)
    return Styles(
        h1=ParagraphStyle("h1", base, fontName=fonts.SANS_BOLD, fontSize=19 * s, leading=23 * s,
                          textColor=HexColor(accent), spaceBefore=0, spaceAfter=8 * s, keepWithNext=1),
        h2=ParagraphStyle("h2", base, fontName=fonts.SANS_BOLD, fontSize=12.5 * s, leading=16 * s,
                          textColor=HexColor(INK), spaceBefore=10 * s, spaceAfter=5 * s, keepWithNext=1),
        kicker=ParagraphStyle("kicker", base, fontName=fonts.SANS_BOLD, fontSize=8 * s, leading=11 * s,
                              textColor=HexColor(MUTED), spaceAfter=2 * s, keepWithNext=1),
        body=base,
        small=ParagraphStyle("small", base, fontSize=8 * s, leading=10.5 * s),
        muted=ParagraphStyle("muted", base, fontSize=8.5 * s, leading=11.5 * s, textColor=HexColor(MUTED)),
        tagline=ParagraphStyle("tagline", base, fontName=fonts.SANS_ITALIC, fontSize=12.5 * s, leading=16 * s,
                               textColor=HexColor(accent), spaceBefore=2 * s, spaceAfter=8 * s),
        goal=ParagraphStyle("goal", base, fontName=fonts.SANS_BOLD, fontSize=17 * s, leading=22 * s,
                            textColor=HexColor(accent), spaceAfter=8 * s),
        bullet=ParagraphStyle("bullet", base, leftIndent=12 * s, bulletIndent=2 * s, spaceAfter=2.5 * s),
        note=ParagraphStyle("note", base, fontSize=8.5 * s, leading=11.5 * s, textColor=HexColor(MUTED),
                            leftIndent=12 * s, spaceAfter=4 * s),
        accent=accent,
        scale=scale,
    )


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain `text` (escaped, emoji kept through fallback fonts)."""
    return Paragraph(fonts.markup(text, style.fontName), style, bulletText=bullet)
