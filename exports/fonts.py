"""Bundled fonts for every export (PT Sans; DejaVu Sans for symbols, Arabic and Hebrew; Symbola for emoji;
Droid Sans Fallback for Chinese, Japanese and Korean), glyph fallback and right-to-left shaping."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resource_path

SANS = "CS-Sans"
SANS_BOLD = "CS-Sans-Bold"
SANS_ITALIC = "CS-Sans-Italic"
SANS_BOLD_ITALIC = "CS-Sans-BoldItalic"
SYMBOLS = "CS-Symbols"
EMOJI = "CS-Emoji"
CJK = "CS-CJK"

FILES: dict[str, str] = {
    SANS: "PTSans-Regular.ttf",
    SANS_BOLD: "PTSans-Bold.ttf",
    SANS_ITALIC: "PTSans-Italic.ttf",
    SANS_BOLD_ITALIC: "PTSans-BoldItalic.ttf",
    SYMBOLS: "DejaVuSans.ttf",
    EMOJI: "Symbola-Emoji.ttf",
    CJK: "DroidSansFallback.ttf",
}
FAMILY = (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC)
FALLBACKS = (SYMBOLS, EMOJI, CJK)
"""Tried in order for a character the text's font lacks; each is read only when a text needs it."""
REPLACEMENT = "\ufffd"
"""Drawn (in the symbols font) for a character no bundled font has, so that nothing vanishes silently."""

# Characters that only steer shaping (variation selectors, joiners, soft hyphen): dropped, not replaced.
_SHAPING = "\u00ad\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff\U000e0000-\U000e007f"
_INVISIBLE = re.compile(f"[{_SHAPING}]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANY = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_SHAPING}]")  # anything clean() would change
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Syriac, Thaana, N'Ko...
_PRESENTATION_FORM = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")  # Arabic presentation forms A and B


def font_path(name: str) -> Path:
    """The file of one of the bundled fonts."""
    return resource_path("fonts", FILES[name])


@functools.cache
def _register(name: str) -> TTFont:
    font = TTFont(name, str(font_path(name)))
    pdfmetrics.registerFont(font)
    return font


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with characters beyond U+FFFF written as UTF-16 (surrogate pairs):
    reportlab writes <1F600>, which readers take as U+1F60, so copied or extracted emoji came out wrong;
    and Arabic presentation forms (drawn by `shape`) mapped back to their letters (ﻣ → م, ﻻ → لا), so that copied
    and searched text has the letters the user typed."""
    text = _original_cmap(fontname, subset)
    for code in subset:
        if code > 0xFFFF:
            text = text.replace(f"<{code:04X}>", f"<{_utf16(chr(code))}>")
        elif _PRESENTATION_FORM.match(chr(code)):
            text = text.replace(f"<{code:04X}>", f"<{_utf16(unicodedata.normalize('NFKC', chr(code)))}>")
    return text


def _utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


_original_cmap = ttfonts.makeToUnicodeCMap


@functools.cache
def register() -> None:
    """Register the PT Sans family and the symbols font with reportlab (idempotent, ~10 ms the first time)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in (*FAMILY, SYMBOLS):
        _register(name)
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD_ITALIC)


@functools.cache
def charset(name: str) -> frozenset[str]:
    """Every character the font `name` has a glyph for."""
    return frozenset(map(chr, _register(name).face.charToGlyph))


def clean(text: str) -> str:
    """`text` without control and shaping-only characters; tabs become spaces, line breaks stay."""
    if _ANY.search(text) is None:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    return _INVISIBLE.sub("", text)


def shape(text: str) -> str:
    """Each line of `text` as it is drawn from left to right: Arabic letters joined (their presentation forms)
    and right-to-left runs in visual order (the Unicode bidi algorithm); text without them comes back as is."""
    if not _RTL.search(text):
        return text
    return "\n".join(_shaped_line(line) for line in text.split("\n"))


@functools.lru_cache(maxsize=4096)
def _shaped_line(line: str) -> str:
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(line)))


def _font_for(ch: str, primary: str) -> tuple[str, str]:
    if ch in charset(primary):
        return primary, ch
    for name in FALLBACKS:
        if ch in charset(name):
            return name, ch
    return SYMBOLS, REPLACEMENT


def runs(text: str, font: str = SANS) -> list[tuple[str, str]]:
    """`text` split into (font name, chunk) runs in drawing order: each character in `font` or the first fallback
    that has it; right-to-left lines shaped (`shape`). Only for drawing and measuring: never call it twice."""
    if not text:
        return []
    if charset(font).issuperset(text):
        return [(font, text)]
    return list(_mixed_runs(text, font))


@functools.lru_cache(maxsize=16384)
def _mixed_runs(text: str, font: str) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for ch in shape(text):
        name, glyph = _font_for(ch, font)
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1] + glyph)
        else:
            out.append((name, glyph))
    return tuple(out)


def width(text: str, font: str, size: float) -> float:
    """The width of `text` set in `font` at `size`, counting fallback glyphs in their own fonts."""
    if charset(font).issuperset(text):
        return pdfmetrics.stringWidth(text, font, size)
    return sum(pdfmetrics.stringWidth(chunk, name, size) for name, chunk in runs(text, font))


def markup(text: str, font: str = SANS) -> str:
    """Paragraph markup for plain `text`: escaped, fallback runs in <font> tags, line breaks as <br/>."""
    text = clean(text)
    parts = []
    for name, chunk in runs(text, font):
        chunk = escape(chunk).replace("\n", "<br/>")
        parts.append(chunk if name == font else f'<font name="{name}">{chunk}</font>')
    return "".join(parts)
