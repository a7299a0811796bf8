"""The figures pages' plan («прозрачность в цифрах», L313, L615): the exported deck's dashboard slides, cut as the
deck cuts them, in the language the app speaks."""

from __future__ import annotations

import re
import weakref

from PySide6.QtCore import QLocale

from app import model as m
from app.changed import Changes
from app.document import Document
from exports.dashboard import deck_slides, has_readings
from exports.i18n import Words
from exports.scope import scope_of
from exports.slide_plan import Recorder, TableSlide

_NUMBERED = re.compile(r" \(\d+/\d+\)$")
SHOWN_FIELDS = {"promise": ("from_", "to", "text", "metric", "target", "status", "co_promisers"),
                "team": ("name", "indicator"), "segment": ("name",), "workshop": ("language",)}
"""The fields the dashboard's slides show or are cut by (besides the readings)."""
_planned: weakref.WeakKeyDictionary[Document, tuple[tuple[int, int, str], list[TableSlide]]] = \
    weakref.WeakKeyDictionary()


def app_language() -> str:
    """"ru" when the app speaks Russian, else "en" (the exports' two languages; English is the app's source)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


def _recorded(w: m.Workshop, language: str) -> list[TableSlide]:
    recorder = Recorder(w, Words(language), "")
    deck_slides(recorder, scope_of(w).summary)
    return recorder.recorded


def numbered_base(title: str) -> str:
    """A slide's title without its «(n/N)»."""
    return _NUMBERED.sub("", title)


def _groups(slides: list[TableSlide]) -> list[list[TableSlide]]:
    """Consecutive slides of one table (titled alike but for «(n/N)»)."""
    out: list[list[TableSlide]] = []
    for s in slides:
        base = numbered_base(s.title)
        if out and numbered_base(out[-1][0].title) == base and _NUMBERED.search(s.title):
            out[-1].append(s)
        else:
            out.append([s])
    return out


def figures_slides(w: m.Workshop, language: str | None = None) -> list[TableSlide]:
    """The dashboard's slides as the exported deck has them: its tables cut where the deck (in the workshop's
    language) cuts them, the words in `language` (the app's); none when the workshop has no readings."""
    if not has_readings(w):
        return []
    language = language or app_language()
    deck = _recorded(w, w.info.language)
    if Words(language).language == Words(w.info.language).language:
        return deck
    shown = _recorded(w, language)
    out: list[TableSlide] = []
    for cut, said in zip(_groups(deck), _groups(shown), strict=False):
        rows = [row for s in said for row in s.rows]
        base = numbered_base(said[0].title)
        start = 0
        for n, s in enumerate(cut, start=1):
            title = f"{base} ({n}/{len(cut)})" if len(cut) > 1 else base
            out.append(TableSlide(title, said[0].header, rows[start:start + len(s.rows)], said[0].widths))
            start += len(s.rows)
    return out


def figures_of(document: Document) -> list[TableSlide]:
    """`figures_slides` of the document as it is now, worked out once per edit (the story and its page share it)."""
    key = (id(document.model), document.revision, app_language())
    kept = _planned.get(document)
    if kept is None or kept[0] != key:
        kept = (key, figures_slides(document.model, key[2]))
        _planned[document] = kept
    return kept[1]


def touches_figures(changes: Changes) -> bool:
    """Whether an edit may change the figures' slides: a reading, a promise, team or segment added, removed or moved,
    or a field they show."""
    return changes.touches("reading") or changes.structural("promise", "team", "segment") or any(
        changes.field_changed(kind, *names) for kind, names in SHOWN_FIELDS.items())
