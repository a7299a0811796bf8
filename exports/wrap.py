"""Line breaking by measured width (with fallback fonts), shared by charts, diagrams and table cells."""

from __future__ import annotations

import functools
import re

from exports import fonts, hyphen

ELLIPSIS = "…"
_BREAKS = re.compile(r"(?<=[ /\-–—])")


def _split_word(word: str, font: str, size: float, limit: float) -> list[str]:
    """A word wider than `limit` cut into pieces that fit: a Russian word at its syllable boundaries with a
    hyphen, anything else (or a syllable still too wide) between characters as the last resort."""
    points = hyphen.split_points(word.rstrip())
    if points:
        pieces, start = [], 0
        while start < len(word):
            fitting = [p for p in points if p > start and fonts.width(word[start:p] + "-", font, size) <= limit]
            if not fitting or fonts.width(word[start:], font, size) <= limit:
                break
            pieces.append(word[start:fitting[-1]] + "-")
            start = fitting[-1]
        rest = word[start:]
        if fonts.width(rest.rstrip(), font, size) <= limit:
            return [*pieces, rest]
        return [*pieces, *_split_chars(rest, font, size, limit)]
    return _split_chars(word, font, size, limit)


def _split_chars(word: str, font: str, size: float, limit: float) -> list[str]:
    """A word cut between characters into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    current, used = "", 0.0
    for ch in word:
        w = fonts.width(ch, font, size)
        if current and used + w > limit:
            pieces.append(current)
            current, used = "", 0.0
        current, used = current + ch, used + w
    if current:
        pieces.append(current)
    return pieces


def _wrap_paragraph(text: str, font: str, size: float, limit: float) -> list[str]:
    if fonts.width(text, font, size) <= limit:
        return [text]
    lines: list[str] = []
    current, used = "", 0.0  # widths add up: the fonts are set without kerning
    for token in _BREAKS.split(text):
        if not token:
            continue
        w = fonts.width(token, font, size)
        trail = fonts.width(token[-1], font, size) if token.endswith(" ") else 0.0
        if used + w - trail <= limit:
            current, used = current + token, used + w
            continue
        if current:
            lines.append(current.rstrip())
        if w - trail <= limit:
            current, used = token, w
        else:
            *full, current = _split_word(token, font, size, limit)
            lines.extend(full)
            used = fonts.width(current, font, size)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def shorten(line: str, font: str, size: float, limit: float, *, force: bool = False) -> str:
    """`line` if it fits into `limit`, else cut to fit with a trailing ellipsis (always one when `force`)."""
    if not force and fonts.width(line, font, size) <= limit:
        return line
    lo, hi = 0, len(line)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fonts.width(line[:mid].rstrip() + ELLIPSIS, font, size) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo].rstrip() + ELLIPSIS


def wrap_lines(text: str, font: str, size: float, limit: float, max_lines: int | None = None) -> list[str]:
    """`text` broken into lines no wider than `limit`; past `max_lines` the last line ends with an ellipsis."""
    return list(_wrapped(text, font, size, limit, max_lines))


@functools.lru_cache(maxsize=32768)
def _wrapped(text: str, font: str, size: float, limit: float, max_lines: int | None) -> tuple[str, ...]:
    """wrap_lines, measured once per text, font, size and width: a long register repeats its names, statuses
    and figures on every page (3,000 promises: 41,000 cells, 9,600 different)."""
    text = fonts.clean(text)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph.strip(), font, size, limit))
        if max_lines is not None and len(lines) > max_lines:
            break
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1], font, size, limit, force=True)
    return tuple(lines)


def fits(text: str, font: str, size: float, limit: float, max_lines: int) -> bool:
    """Whether `text` wraps into at most `max_lines` lines of `limit` without cutting a word."""
    words_fit = all(fonts.width(w, font, size) <= limit for w in fonts.clean(text).split())
    return words_fit and len(wrap_lines(text, font, size, limit)) <= max_lines
