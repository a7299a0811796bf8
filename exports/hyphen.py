"""Where a word may be hyphenated: Russian at syllable boundaries (Khmelev's rules), other scripts never."""

from __future__ import annotations

import functools
import re

_VOWELS = set("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
_SIGNS = set("йьъЙЬЪ")
_CYRILLIC = re.compile(r"^[А-Яа-яЁё]+$")
# (pattern of letter classes, break after this many letters): x = й ь ъ, g = vowel, s = consonant
_RULES = (("xgg", 1), ("xgs", 1), ("xsg", 1), ("xss", 1), ("gssssg", 3), ("gsssg", 3), ("gsssg", 2), ("sgsg", 2),
          ("gssg", 2), ("sggg", 2), ("sggs", 2))
MIN_PIECE = 2  # letters left on either side of a break


def _classes(word: str) -> str:
    return "".join("g" if ch in _VOWELS else "x" if ch in _SIGNS else "s" for ch in word)


@functools.lru_cache(maxsize=4096)
def breaks(word: str) -> tuple[int, ...]:
    """Offsets inside `word` where a hyphen may go (a Cyrillic word of 5 letters or more; none otherwise)."""
    if len(word) < 2 * MIN_PIECE + 1 or not _CYRILLIC.match(word):
        return ()
    classes = _classes(word)
    found: set[int] = set()
    for pattern, after in _RULES:
        start = classes.find(pattern)
        while start >= 0:
            found.add(start + after)
            start = classes.find(pattern, start + 1)
    return tuple(sorted(b for b in found if MIN_PIECE <= b <= len(word) - MIN_PIECE))


def split_points(token: str) -> tuple[int, ...]:
    """Hyphenation offsets of a token that may carry punctuation around its letters («обсуждается,»)."""
    match = re.search(r"[А-Яа-яЁё]+", token)
    if match is None or match.end() - match.start() != len(token.strip(" «»\"'(),.;:!?")):
        return ()
    return tuple(match.start() + b for b in breaks(match.group()))
