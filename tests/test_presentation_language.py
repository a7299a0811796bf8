"""The language switched while presenting reaches every text of the presentation: chrome, pages, legends, drawings."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QIODevice, QLocale, QPointF, QRect, Qt
from PySide6.QtGui import QMouseEvent, QUndoStack
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGraphicsProxyWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QToolButton,
    QWidget,
)

from app.document import Document
from app.resources import sample_path
from app.workfile import read_workshop
from widgets.presentation import PresentationWindow
from widgets.shell import i18n

CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")


@pytest.fixture
def translations(qapp) -> Iterator[i18n.Translations]:
    """The app's translations, switched by the test; the English sources and the locale come back after it."""
    locale = QLocale()
    translations = i18n.Translations()
    yield translations
    translations.clear()
    QLocale.setDefault(locale)
    QCoreApplication.sendEvent(QCoreApplication.instance(), QEvent(QEvent.Type.LanguageChange))
    settle()


def settle() -> None:
    """Deliver the posted LanguageChange events and let the pages redraw, as the event loop would."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def own_words(obj: Any) -> set[str]:
    """The Cyrillic words of every string the workshop holds (its own data is never translated)."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in CYRILLIC_WORD.findall(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for v in value:
                walk(v)

    walk(obj)
    return words


def painted_texts(widget: QWidget) -> list[str]:
    """Every text `widget` draws (labels, legends, chart axes, diagrams), read from an SVG rendering of it."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    svg = QSvgGenerator()
    svg.setOutputDevice(buffer)
    svg.setSize(widget.size())
    svg.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    widget.render(svg)
    root = ET.fromstring(bytes(buffer.data()).decode("utf-8"))
    return ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("text")]


def _visible_in(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) or (widget.isWindow() and widget.isVisible())


def widget_texts(window: PresentationWindow) -> Iterator[tuple[str, str]]:
    """(where, text) of every visible widget's text and tooltip, its button's menu and scene items, in the window
    and in the widgets it shows magnified through graphics proxies."""
    yield "window title", window.windowTitle()
    roots: list[QWidget] = [window]
    seen: set[int] = set()
    while roots:
        root = roots.pop()
        for w in [root, *root.findChildren(QWidget)]:
            if id(w) in seen:
                continue
            seen.add(id(w))
            if not _visible_in(w, root):
                continue
            where = f"{type(w).__name__} {w.objectName()}".strip()
            yield f"{where} tooltip", w.toolTip()
            if isinstance(w, (QLabel, QAbstractButton)):
                yield where, w.text()
            if isinstance(w, QToolButton) and w.menu() is not None:  # the menu it opens
                for action in w.menu().actions():
                    yield f"{where} menu", action.text()
            if isinstance(w, QGraphicsView) and w.scene() is not None:
                for item in w.scene().items():
                    if not item.isVisible():
                        continue
                    yield f"{where} item tooltip", item.toolTip()
                    if isinstance(item, QGraphicsTextItem):
                        yield f"{where} text item", item.toPlainText()
                    elif isinstance(item, QGraphicsSimpleTextItem):
                        yield f"{where} text item", item.text()
                    elif isinstance(item, QGraphicsProxyWidget) and item.widget() is not None:
                        roots.append(item.widget())


def walk_story(window: PresentationWindow) -> list[tuple[str, str]]:
    """Page through the whole story, every reveal step, collecting (where, text) of all that is on screen."""
    found: list[tuple[str, str]] = []
    story = window.story
    story.go_to(0, forward=True)
    while True:
        settle()
        page = f"{story.index + 1}:{story.step.kind} step {story.page.step + 1}"
        found += [(f"{page} {where}", text) for where, text in widget_texts(window) if text]
        found += [(f"{page} drawn", text) for text in painted_texts(window) if text.strip()]
        if not story.next():
            return found


ELIDED_WORD = re.compile(r"([\u0400-\u04FF]+)…")


def foreign(found: list[tuple[str, str]], own: set[str]) -> list[str]:
    """The texts with a Cyrillic word that is not the workshop's own, with where they were seen (the workshop's
    own text cut short with "…", as on an arrow's label, is still its own)."""
    def own_cut(match: re.Match[str]) -> str:
        return "" if any(word.startswith(match.group(1).lower()) for word in own) else match.group(0)

    return sorted({f"{where}: {text!r}" for where, text in found
                   if any(w.lower() not in own for w in CYRILLIC_WORD.findall(ELIDED_WORD.sub(own_cut, text)))})


def test_switching_the_language_while_presenting_reaches_every_text(translations: i18n.Translations) -> None:
    translations.apply("ru")
    settle()
    doc = Document(read_workshop(sample_path()))
    own = own_words(doc.model)
    window = PresentationWindow(doc, QUndoStack())
    window.resize(1920, 1080)
    window.show()
    window.footer.timer.set_minutes(15)
    dots = window.footer.dots
    at = QPointF(6 + dots.scale * 11, dots.height() / 2)  # the mouse rests on the first page's dot: its name shows
    QApplication.sendEvent(dots, QMouseEvent(QEvent.Type.MouseMove, at, dots.mapToGlobal(at), Qt.MouseButton.NoButton,
                                             Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    try:
        russian = walk_story(window)  # every page is built in Russian
        assert len(window.story.pages) == len(window.story.steps)
        assert dots.toolTip() == "Эволюционная цель"
        assert foreign(russian, own), "the fixed texts show in Russian to begin with"
        translations.apply("en")
        settle()
        english = walk_story(window)
        assert foreign(english, own) == [], "texts left in Russian after switching to English"
        translations.apply("ru")
        settle()
        again = walk_story(window)
        assert sorted(set(again) - set(russian)) == [], "texts that did not come back to Russian"
        assert sorted(set(russian) - set(again)) == []
    finally:
        window.close()
        settle()
