"""Helpers of the whole-session test: a guard against errors, soft steps, real mouse events, and the texts on screen."""

from __future__ import annotations

import dataclasses
import re
import sys
import traceback
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Callable, Iterator

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPoint,
    QPointF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QAction, QActionGroup, QMouseEvent, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton
DELETED_MARKERS = ("already deleted", "Internal C++ object", "destroyed")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF]+")
ELLIPSES = ("…", "...")
MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")


# ---------------------------------------------------------------------------------------------- errors
class SessionGuard:
    """For the whole session: every uncaught exception and every Qt message about a deleted object, by step."""

    def __init__(self) -> None:
        self.step = "start"
        self.errors: list[str] = []
        self.messages: list[str] = []
        self._previous_hook: Any = None
        self._previous_handler: Any = None

    def install(self) -> None:
        """Chain in front of the current excepthook (pytest-qt's) and Qt message handler (pytest-qt's log)."""
        self._previous_hook = sys.excepthook
        sys.excepthook = self._excepthook
        self._previous_handler = qInstallMessageHandler(self._handler)

    def restore(self) -> None:
        """Put the previous excepthook and message handler back."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        qInstallMessageHandler(self._previous_handler)

    def _excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        where = "".join(traceback.format_tb(tb)[-2:]).strip() if tb is not None else ""
        self.errors.append(f"[{self.step}] uncaught {kind.__name__}: {value}\n{where}")
        if self._previous_hook is not None:
            self._previous_hook(kind, value, tb)

    def _handler(self, mode: Any, context: Any, message: str) -> None:
        self.messages.append(f"[{self.step}] {message}")
        if any(marker in message for marker in DELETED_MARKERS):
            self.errors.append(f"[{self.step}] Qt warning about a deleted object: {message}")
        if callable(self._previous_handler):
            self._previous_handler(mode, context, message)


def about_a_deleted_object(message: str) -> bool:
    """A Qt warning that something touched an object Qt had already deleted."""
    return "deleted" in message or "destroyed" in message


class Trouble:
    """Every uncaught exception (slots and event handlers end up in sys.excepthook) and every Qt warning that
    `counts` picks, while inside a `with` block; `errors` lists them."""

    def __init__(self, counts: Callable[[str], bool] = about_a_deleted_object) -> None:
        self.errors: list[str] = []
        self._counts = counts
        self._hook: Any = None
        self._handler: Any = None

    def __enter__(self) -> Trouble:
        self._hook = sys.excepthook
        sys.excepthook = lambda kind, value, tb: self.errors.append(f"uncaught {kind.__name__}: {value}")
        self._handler = qInstallMessageHandler(self._message)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.excepthook = self._hook
        qInstallMessageHandler(self._handler)

    def _message(self, mode: QtMsgType, context: Any, message: str) -> None:
        if mode != QtMsgType.QtDebugMsg and self._counts(message):
            self.errors.append(f"Qt: {message}")


class Steps:
    """Steps of a session that go on after a failed one, so that one run names every step that fails."""

    def __init__(self, guard: SessionGuard) -> None:
        self.guard = guard
        self.failed: list[str] = []

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Run a step; an assertion or exception in it is recorded with the step's name."""
        self.guard.step = name
        try:
            yield
        except Exception as error:  # noqa: BLE001 - recorded and reported at the end of the session
            frames = traceback.extract_tb(error.__traceback__)
            ours = [f for f in frames if "/tests/" not in f.filename] or frames
            last = ours[-1]
            self.failed.append(f"[{name}] {type(error).__name__}: {str(error).strip()[:20000]}"
                               f"  (at {Path(last.filename).name}:{last.lineno})")
            print("step failed:", self.failed[-1], flush=True)  # seen with -s even if the session then crashes

    def report(self) -> str:
        """Every failed step and every guarded error, one per line."""
        return "\n".join([*self.failed, *self.guard.errors])


# ---------------------------------------------------------------------------------------------- mouse
def send_mouse(widget: QWidget, kind: QEvent.Type, pos: QPoint | QPointF, button: Qt.MouseButton = LEFT,
               buttons: Qt.MouseButton | None = None) -> None:
    """Deliver one real mouse event that carries its buttons (QTest's moves drop the pressed button)."""
    local = QPointF(pos)
    if buttons is None:
        buttons = NONE if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(local)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint | QPointF, end: QPoint | QPointF, steps: int = 8) -> None:
    """Hover, press at `start`, move in steps with the left button held, release at `end` (widget pixels)."""
    start, end = QPointF(start), QPointF(end)
    send_mouse(widget, QEvent.Type.MouseMove, start, NONE, NONE)
    send_mouse(widget, QEvent.Type.MouseButtonPress, start)
    for k in range(1, steps + 1):
        send_mouse(widget, QEvent.Type.MouseMove, start + (end - start) * (k / steps), NONE, LEFT)
    send_mouse(widget, QEvent.Type.MouseButtonRelease, end)


def drag_in_view(view: QGraphicsView, scene_start: QPointF, offset: QPoint) -> None:
    """Drag from a scene position by `offset` viewport pixels."""
    start = view.mapFromScene(scene_start)
    drag(view.viewport(), start, start + offset)


def double_click(qtbot: Any, widget: QWidget, pos: QPoint) -> None:
    """A real double click: press and release, then QTest's double-click event and the release that ends it (QTest
    sends none, and its mouse would stay "pressed" for every later test: no tooltip wakes, moves become drags)."""
    qtbot.mouseClick(widget, LEFT, pos=pos)
    qtbot.mouseDClick(widget, LEFT, pos=pos)
    qtbot.mouseRelease(widget, LEFT, pos=pos)


def hover_in_view(qtbot: Any, view: QGraphicsView, scene_point: QPointF) -> QPoint:
    """Make the view's window active (Qt shows tooltips only there) and move the real mouse onto a scene point."""
    window = view.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    viewport = view.viewport()
    at = view.mapFromScene(scene_point)
    QTest.mouseMove(viewport, at + QPoint(3, 3))
    QTest.mouseMove(viewport, at)
    return at


# ---------------------------------------------------------------------------------------------- the workshop's words
def own_strings(obj: Any) -> set[str]:
    """Every string held anywhere in a model object (fields of dataclasses, lists, dicts), recursively."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value)
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
    return found


def cyrillic_words(strings: set[str]) -> set[str]:
    """The Cyrillic words of `strings`, lower case."""
    return {w.lower() for s in strings for w in CYRILLIC_WORD.findall(s)}


def foreign_cyrillic(text: str, own_words: set[str]) -> list[str]:
    """The Cyrillic words of `text` that are not the workshop's own (an elided word counts when it starts one)."""
    bad = []
    for match in CYRILLIC_WORD.finditer(text):
        word = match.group().lower()
        if word in own_words:
            continue
        elided = text[match.end():].startswith(ELLIPSES)
        if elided and any(own.startswith(word) for own in own_words):
            continue
        bad.append(match.group())
    return bad


# ---------------------------------------------------------------------------------------------- the catalogue
@dataclasses.dataclass
class EnglishSources:
    """The app's English texts that have a different Russian translation: exact, and as patterns with numbers."""

    exact: set[str]
    patterns: list[re.Pattern[str]]

    def matches(self, text: str) -> bool:
        """Whether `text` (or it without mnemonics) is one of the English texts shown untranslated."""
        for candidate in {text, text.replace("&&", "\0").replace("&", "").replace("\0", "&")}:
            candidate = candidate.strip()
            if candidate in self.exact or any(p.fullmatch(candidate) for p in self.patterns):
                return True
        return False


PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[0-9n]|%L[0-9]")


def _pattern(source: str) -> re.Pattern[str] | None:
    """A regular expression for a source with placeholders, when its fixed words say enough (8+ letters)."""
    parts = PLACEHOLDER.split(source)
    if len(parts) == 1 or sum(c.isalpha() for c in "".join(parts)) < 8:
        return None
    body = ".+?".join(re.escape(p.replace("&", "")) for p in parts)
    return re.compile(body, re.DOTALL)


def english_sources(translations_dir: Path) -> EnglishSources:
    """Read the Russian and English `.ts` catalogues: every source translated differently into Russian, and the
    English plural forms (shown with a number in place of %n)."""
    exact: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    ru = ET.parse(translations_dir / "clientocracy_ru.ts").getroot()
    plural_sources: set[str] = set()
    for message in ru.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if not any(forms) or all(f == source for f in forms):
            continue
        if message.get("numerus") == "yes":
            plural_sources.add(source)
        if PLACEHOLDER.search(source):
            pattern = _pattern(source)
            if pattern is not None:
                patterns.append(pattern)
        else:
            exact.update({source.strip(), source.replace("&", "").strip()})
    en = ET.parse(translations_dir / "clientocracy_en.ts").getroot()
    for message in en.iter("message"):
        if (message.findtext("source") or "") not in plural_sources:
            continue
        for form in message.iter("numerusform"):
            pattern = _pattern(form.text or "")
            if pattern is not None:
                patterns.append(pattern)
    return EnglishSources(exact, patterns)


# ---------------------------------------------------------------------------------------------- texts on screen
def plain(text: str) -> str:
    """A label's text without markup."""
    if MARKUP.search(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def shown(widget: QWidget, root: QWidget) -> bool:
    """Whether a widget is on screen or one page-switch away: no ancestor up to `root` is hidden, except pages
    of a stack (tabs, editor pages) which are shown by choosing them; other windows do not count."""
    w: QWidget | None = widget
    while w is not None:
        if w.isWindow() and w is not root:
            return False
        if w.isHidden() and not isinstance(w.parentWidget(), QStackedWidget):
            return False
        if w is root:
            return True
        w = w.parentWidget()
    return False


def _widget_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    yield "toolTip", QWidget.toolTip(w)  # unbound: a widget may have an attribute of the same name
    yield "statusTip", QWidget.statusTip(w)
    yield "whatsThis", QWidget.whatsThis(w)
    if isinstance(w, QLabel):
        yield "text", plain(QLabel.text(w))
    if isinstance(w, QAbstractButton):
        yield "text", QAbstractButton.text(w)
    if isinstance(w, QGroupBox):
        yield "title", QGroupBox.title(w)
    if isinstance(w, QDockWidget):
        yield "windowTitle", QWidget.windowTitle(w)
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            yield f"tab {i}", w.tabText(i)
            yield f"tab tooltip {i}", w.tabToolTip(i)
    if isinstance(w, QLineEdit):
        yield "placeholder", QLineEdit.placeholderText(w)
        yield "text", QLineEdit.text(w)
    if isinstance(w, (QTextEdit, QPlainTextEdit)):
        yield "placeholder", w.placeholderText()
        yield "text", w.toPlainText()
    if isinstance(w, QComboBox):
        for i in range(w.count()):
            yield f"item {i}", w.itemText(i)
    if isinstance(w, QAbstractSpinBox):
        yield "specialValue", w.specialValueText()
        for name in ("prefix", "suffix"):
            getter = getattr(w, name, None)
            if callable(getter):
                yield name, getter()
    if isinstance(w, QAbstractItemView) and QAbstractItemView.model(w) is not None:
        yield from _item_view_texts(w)
    if isinstance(w, QGraphicsView) and QGraphicsView.scene(w) is not None:
        yield from _scene_texts(w)


def _item_view_texts(view: QAbstractItemView, rows: int = 30) -> Iterator[tuple[str, str]]:
    model, top = QAbstractItemView.model(view), QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)  # a list's count is private
    for column in range(columns):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield f"header {column}", value
    for row in range(min(rows, model.rowCount(top))):
        for column in range(columns):
            index = model.index(row, column, top)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield f"cell {row},{column}", value


def _scene_texts(view: QGraphicsView) -> Iterator[tuple[str, str]]:
    for item in QGraphicsView.scene(view).items():
        if not item.isVisible():
            continue
        yield "item toolTip", item.toolTip()
        if isinstance(item, QGraphicsTextItem):
            yield "item text", item.toPlainText()
        elif isinstance(item, QGraphicsSimpleTextItem):
            yield "item text", item.text()


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "action text", action.text()
    yield "action toolTip", action.toolTip()
    yield "action statusTip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu title", menu.title()


def _action_shown(action: QAction, root: QWidget) -> bool:
    """Whether an action is in a menu, tool bar or widget on screen (pyqtgraph's scene actions are not)."""
    if not action.isVisible():
        return False
    parent = action.parent()
    while isinstance(parent, QActionGroup):
        parent = parent.parent()
    if isinstance(parent, QMenu):
        owner = parent.parentWidget()
        return owner is None or owner is root or shown(owner, root) or isinstance(owner, QMenu)
    return isinstance(parent, QWidget) and shown(parent, root)


def texts_on_screen(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text `root` shows or shows on the next page switch: widgets, tabs, headers, cells,
    actions and menus, and the text items of every graphics scene."""
    found: list[tuple[str, str]] = [(f"{type(root).__name__} windowTitle", root.windowTitle())]
    actions: dict[int, QAction] = {}
    for w in [root, *root.findChildren(QWidget)]:
        if not shown(w, root):
            continue
        where = f"{type(w).__name__}#{w.objectName()}" if w.objectName() else type(w).__name__
        found.extend((f"{where} {what}", text) for what, text in _widget_texts(w))
        for action in QWidget.actions(w):
            actions[id(action)] = action
    for action in root.findChildren(QAction):
        actions.setdefault(id(action), action)
    for action in actions.values():
        if _action_shown(action, root):
            name = action.objectName() or action.text()
            found.extend((f"QAction {name!r} {what}", text) for what, text in _action_texts(action))
    return [(where, text) for where, text in found if text and text.strip()]


def russian_left(texts: list[tuple[str, str]], own_words: set[str], allowed: set[str]) -> list[str]:
    """Texts with Cyrillic words that are neither the workshop's own nor `allowed` whole texts."""
    return sorted({f"{where}: {text!r}" for where, text in texts
                   if text not in allowed and foreign_cyrillic(text, own_words)})


def english_left(texts: list[tuple[str, str]], sources: EnglishSources, own: set[str]) -> list[str]:
    """Texts (or lines of them) that are English sources shown untranslated, and not the workshop's own."""
    bad = set()
    for where, text in texts:
        if text in own:
            continue
        lines = [text, *(line for line in text.splitlines() if line.strip())]
        if any(line not in own and sources.matches(line) for line in lines):
            bad.add(f"{where}: {text!r}")
    return sorted(bad)


def visible_presentations() -> list[QWidget]:
    """The presentation windows on screen."""
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "presentationWindow" and w.isVisible()]


def settle(qtbot: Any, ms: int = 30) -> None:
    """Let queued work run: posted events, zero timers and deferred deletes."""
    qtbot.wait(ms)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()

