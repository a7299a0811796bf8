"""Emoji in the user's words («🚀 Запуск» as a team's name) drawn as glyphs, never as empty boxes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from app.resources import resource_path

EMOJI_FONT_FILE = "Symbola-Emoji.ttf"
"""The emoji font bundled for the exports (monochrome; its licence beside it), reused on screen."""
ROCKET = 0x1F680


def glyph_fonts(text: str, font: QFont) -> list[tuple[str, bool]]:
    """Which font families Qt draws `text` with in `font`, each with whether it had real glyphs (not boxes)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), 0 not in run.glyphIndexes()) for run in layout.glyphRuns()]


def draws(text: str, font: QFont) -> bool:
    """Whether every character of `text` has a glyph in `font` or in one of Qt's fallbacks."""
    return all(found for _family, found in glyph_fonts(text, font))


def install_emoji_font() -> str:
    """Make the bundled Symbola the application's emoji font when the system has none that draws emoji, so that
    emoji show as glyphs; a system emoji font (in colour) is kept when there is one. Returns the family it added
    ("" when emoji were drawn already)."""
    if draws(chr(ROCKET), QFont()):
        return ""
    path = resource_path("fonts", EMOJI_FONT_FILE)
    font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return ""
    if families[0] not in QFontDatabase.applicationEmojiFontFamilies():
        QFontDatabase.addApplicationEmojiFontFamily(families[0])
    return families[0]
