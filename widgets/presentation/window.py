"""Presentation mode: the workshop's story full screen on the projector, still editable, on the same undo stack."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QScreen, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.document import Document
from widgets.presentation import theme
from widgets.presentation.chrome import Curtain, Footer, HelpCard, HintPill
from widgets.presentation.page import white
from widgets.presentation.story_view import StoryView
from widgets.presentation.timer import agenda_clock

K = Qt.Key
NEXT_KEYS = frozenset({K.Key_PageDown, K.Key_Forward, K.Key_MediaNext})
PREVIOUS_KEYS = frozenset({K.Key_PageUp, K.Key_Back, K.Key_MediaPrevious})
TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
LAYOUT_TWINS: dict[int, int] = {
    0x0414: K.Key_L, 0x0415: K.Key_T, 0x0424: K.Key_A, 0x0418: K.Key_B, 0x042E: K.Key_Period, 0x0426: K.Key_W,
    0x0411: K.Key_Comma, 0x042B: K.Key_S, 0x0420: K.Key_H, 0x042F: K.Key_Z, 0x041D: K.Key_Y, 0x0412: K.Key_D,
}
"""The letters of the Russian (ЙЦУКЕН) layout on the keys the presentation uses: Д is where L is, and so on."""


def choose_screen(screens: list[QScreen], current: QScreen | None) -> QScreen | None:
    """The screen to present on: with two or more, one that is not `current` (the laptop's); else `current`."""
    if not screens:
        return current
    if len(screens) > 1:
        other = next((s for s in screens if s != current), None)
        if other is not None:
            return other
    return current if current in screens else screens[0]


def _typing_in(widget: QWidget | None) -> bool:
    """Whether keys go into a text field (an in-place rename, an editable combo box)."""
    if isinstance(widget, TEXT_FIELDS):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


class PresentationWindow(QWidget):
    """A frameless full-screen window with the story of a workshop; Esc or F5 leaves. Edits go on `undo_stack`.

    The window deletes itself when closed and owns everything it made (pages, lock, timers): whoever keeps it
    holds it weakly and learns that it is gone from `left` (or `destroyed`), never touching it afterwards.
    """

    left = Signal()
    """The presentation was left: the window is closed and will be deleted as soon as control returns to Qt."""

    def __init__(self, document: Document, undo_stack: QUndoStack, work_file: Any = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("presentationWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        white(self)
        self.document = document
        self.undo_stack = undo_stack
        self.work_file = work_file
        self._show_title()
        self.story = StoryView(document, undo_stack, self)
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        if screen is not None:  # pages are built for the screen's type size, not 1080 lines and then shrunk
            self.story.set_scale(theme.scale_for(screen.geometry().height()))
        self.clock = agenda_clock(document)
        self.footer = Footer(self.clock, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.story, 1)
        layout.addWidget(self.footer)
        self.hint = HintPill(self)
        self.curtain = Curtain(self)
        self.help = HelpCard(self)
        self.scale = 0.0
        self._filtering = False
        self._left = False
        self.story.page_changed.connect(self._show_where)
        self.footer.dots.page_clicked.connect(self.story.jump_to)
        self.footer.lock.toggled.connect(self.story.lock.set_on)
        self.story.lock.toggled.connect(self._lock_toggled)
        self.footer.exit_clicked.connect(self.close)
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)
        self.story.jump_to(0)

    # ------------------------------------------------------------------ screens
    def show_on(self, screen: QScreen | None) -> None:
        """Full screen on `screen` (the primary screen when None)."""
        screen = screen or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self._rescale(screen.geometry().height())  # before the pages' minimum sizes meet the screen's size
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def next_screen(self) -> None:
        """Move to the next screen (when there are several)."""
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            self.show_hint(self.tr("Only one screen is connected."))
            return
        current = self.screen()
        index = screens.index(current) if current in screens else -1
        self.show_on(screens[(index + 1) % len(screens)])

    def _screen_removed(self, screen: QScreen) -> None:
        if screen == self.screen() and not self._left:
            self.show_on(QGuiApplication.primaryScreen())

    def go_to_start(self, start: str | None, selected: list[str] | None = None) -> None:
        """Open on a page named by key, kind or canvas id (e.g. the editor that was in front), at what `selected`
        (the ids selected in that editor) singles out there: the selected team's chain on the promise map."""
        self.story.go_to_start(start, selected)

    # ------------------------------------------------------------------ chrome
    def _show_title(self) -> None:
        name = getattr(self.work_file, "display_name", "") or self.document.model.info.title
        self.setWindowTitle(self.tr("%1 — presentation").replace("%1", name) if name else self.tr("Presentation"))

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The window's own texts in the current language (the footer, the pages and the timer do theirs)."""
        self._show_title()
        self._show_where()
        if self.help.isVisible():
            self.help.show_scaled(self.scale or 1.0)
        self.hint.hide()  # a hint in the old language says nothing new

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        self._rescale(self.height())
        if self.curtain.isVisible():
            self.curtain.setGeometry(self.rect())
        if self.help.isVisible():
            self.help.show_scaled(self.scale or 1.0)

    def _rescale(self, height: int) -> None:
        """Type and spacing of the footer and the pages for a window `height` pixels high."""
        scale = theme.scale_for(height)
        if abs(scale - self.scale) > 0.02:
            self.scale = scale
            self.footer.set_scale(scale)
        self.story.set_scale(theme.scale_for(height - self.footer.sizeHint().height()))

    def _show_where(self) -> None:
        page = self.story.page
        where = f"{self.story.index + 1} / {len(self.story.steps)}   {page.title()}"
        reveal = page.reveal_text()
        self.footer.set_where(where + (f"  ·  {reveal}" if reveal else ""))
        self.footer.dots.set_state(len(self.story.steps), self.story.index, self.story.titles())

    def show_hint(self, text: str) -> None:
        """A short message over the bottom of the screen."""
        self.hint.show_text(text, self.scale or 1.0, self.footer.geometry().top())

    def _lock_toggled(self, on: bool) -> None:
        if self.footer.lock.isChecked() != on:
            self.footer.lock.setChecked(on)
        self.show_hint(self.tr("Locked: the mouse points, nothing moves. L unlocks.") if on
                       else self.tr("Unlocked: the drawing can be edited again."))

    def toggle_lock(self) -> None:
        """Lock or free the drawing (the L key, the footer's button)."""
        self.story.lock.toggle()

    def show_help(self) -> None:
        """The keys, on a card over the dimmed page (F1, H, ?), until the next key or click."""
        self.hint.hide()
        self.help.show_scaled(self.scale or 1.0)

    def toggle_full_texts(self) -> None:
        """Show long texts whole (a team's description, its promises), or cut them short again (the D key)."""
        on = not self.story.full_texts
        self.story.set_full_texts(on)
        self.show_hint(self.tr("Full texts shown. D shortens them again.") if on
                       else self.tr("Long texts shortened to a few lines. D shows them whole."))

    # ------------------------------------------------------------------ keys
    def showEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(ev)
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True

    def _stop_filtering(self) -> None:
        if self._filtering:
            QApplication.instance().removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 - Qt override
        if ev.type() != QEvent.Type.KeyPress or not obj.isWidgetType():
            return False
        if obj is not self and not self.isAncestorOf(obj):  # type: ignore[arg-type]
            return False
        return self.handle_key(ev)  # type: ignore[arg-type]

    def handle_key(self, ev: QKeyEvent) -> bool:
        """Act on a key meant for the presentation; True when it was used (the editor does not see it)."""
        mods = ev.modifiers()
        key = LAYOUT_TWINS.get(ev.key(), ev.key())
        typing = _typing_in(QApplication.focusWidget())
        if self.curtain.isVisible() or self.help.isVisible():
            self.curtain.hide()
            self.help.hide()
            return True
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        undo = ev.matches(QKeySequence.StandardKey.Undo) or (ctrl and not shift and key == K.Key_Z)
        redo = ev.matches(QKeySequence.StandardKey.Redo) or (ctrl and (key == K.Key_Y or shift and key == K.Key_Z))
        if (undo or redo) and not typing:
            self.undo_stack.redo() if redo else self.undo_stack.undo()
            return True
        page = self.story.page
        locked = self.story.lock.on
        free_arrows = locked or not page.has_user_selection()
        if key in NEXT_KEYS or (key == K.Key_Right and free_arrows and not typing):
            if not self.story.next():
                self.show_hint(self.tr("This is the end of the story. Esc leaves the presentation."))
            return True
        if key in PREVIOUS_KEYS or (key == K.Key_Left and free_arrows and not typing):
            self.story.previous()
            return True
        if key == K.Key_Escape:
            if typing:
                return False
            if page.has_user_selection() and not locked:
                page.clear_user_selection()
                return True
            self.close()
            return True
        if key == K.Key_F5:  # F5 again (or a clicker's start/stop button) leaves, as it came
            if typing:
                return False
            self.close()
            return True
        plain = not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier)
        if typing or not plain:
            return locked and not typing  # while locked, no key edits the drawing
        action = self._letter_actions(shift).get(key)
        if action is not None:
            action()
            return True
        return locked  # while locked, no key reaches the editors

    def _letter_actions(self, shift: bool) -> dict[int, Any]:
        timer = self.footer.timer
        return {
            K.Key_Home: lambda: self.story.jump_to(0),
            K.Key_End: lambda: self.story.jump_to(len(self.story.steps) - 1),
            K.Key_D: self.toggle_full_texts,
            K.Key_L: self.toggle_lock,
            K.Key_T: timer.reset if shift else timer.toggle,
            K.Key_Plus: lambda: timer.add_minutes(1),
            K.Key_Equal: lambda: timer.add_minutes(1),
            K.Key_Minus: lambda: timer.add_minutes(-1),
            K.Key_A: self.story.reveal_all,
            K.Key_B: lambda: self.curtain.drop("#000000"),
            K.Key_Period: lambda: self.curtain.drop("#000000"),
            K.Key_W: lambda: self.curtain.drop("#FFFFFF"),
            K.Key_Comma: lambda: self.curtain.drop("#FFFFFF"),
            K.Key_S: self.next_screen,
            K.Key_F1: self.show_help,
            K.Key_Question: self.show_help,
            K.Key_H: self.show_help,
        }

    # ------------------------------------------------------------------ leaving
    def closeEvent(self, ev: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.leave()
        super().closeEvent(ev)

    def leave(self) -> None:
        """Stop taking the application's keys and give the keyboard back (once, when the window closes).

        Everything else the window made is its child and goes with it; the pages' and the editors' connections
        to the document's change channel are dropped by Qt as they are destroyed.
        """
        if self._left:
            return
        self._left = True
        self._stop_filtering()
        self.story.stop()
        parent = self.parentWidget()
        if parent is not None:
            parent.activateWindow()
        self.left.emit()


def open_presentation(document: Document, undo_stack: QUndoStack, work_file: Any = None,
                      screen: QScreen | None = None, start: str | None = None,
                      parent: QWidget | None = None, selected: list[str] | None = None) -> PresentationWindow:
    """Open the presentation of `document` full screen (F5) and return its window: on `screen`, or on the screen
    that is not the main window's when two are connected; `start` names the first page (a kind such as "canvas",
    a key or a canvas id) and `selected` what is selected in that editor (a team or a promise on the promise map
    opens on that team's chain; nothing selected: on the whole map). The window deletes itself when left: keep it
    weakly, and drop it on `left`/`destroyed`."""
    if screen is None:
        anchor = parent or QApplication.activeWindow()
        current = anchor.screen() if anchor is not None else QGuiApplication.primaryScreen()
        screen = choose_screen(QGuiApplication.screens(), current)
    window = PresentationWindow(document, undo_stack, work_file, parent)
    window.go_to_start(start, selected)
    window.show_on(screen)
    return window
