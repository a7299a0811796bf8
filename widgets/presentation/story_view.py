"""The story's pages in a stack: built when first shown, stepped through with reveals, kept in step with the model."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.changed import Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.presentation import theme
from widgets.presentation.figures_plan import figures_of, touches_figures
from widgets.presentation.lock import MouseLock
from widgets.presentation.page import StoryPage
from widgets.presentation.story import StoryStep, find_start, story_of

AHEAD_MS = 400
"""After a page turn, the next page is built this many milliseconds later (its first turn then costs no build)."""


def page_class(kind: str) -> type[StoryPage]:
    """The page that shows a kind of step (imported when first needed: the editors are heavy)."""
    if kind in ("goal", "clients", "findings"):
        from widgets.presentation import text_pages

        return {"goal": text_pages.GoalPage, "clients": text_pages.ClientsPage,
                "findings": text_pages.FindingsPage}[kind]
    if kind in ("canvas", "errc"):
        from widgets.presentation import canvas_pages

        return canvas_pages.CanvasPage if kind == "canvas" else canvas_pages.ErrcPage
    if kind == "figures":
        from widgets.presentation.figures_page import FiguresPage

        return FiguresPage
    from widgets.presentation import diagram_pages

    return diagram_pages.StructurePage if kind == "structure" else diagram_pages.PromisePage


class StoryView(QWidget):
    """Shows one page of the workshop's story at a time; `next`/`previous` reveal a page's steps, then turn it."""

    page_changed = Signal()
    """Another page, or another reveal step of the page, is shown."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyView")
        self.document = document
        self.undo_stack = undo_stack
        self.steps: list[StoryStep] = self._story()
        self.pages: dict[str, StoryPage] = {}
        self.index = 0
        self.reveal = True
        """Whether pages are revealed step by step when entered forwards (else shown whole)."""
        self.scale = 1.0
        self.full_texts = False
        """Whether long texts (descriptions, promises) are shown whole rather than cut to a few lines (the D key)."""
        self.lock = MouseLock(self)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(AHEAD_MS)
        self._ahead.timeout.connect(self._build_ahead)
        self._retitle = QTimer(self)
        self._retitle.setSingleShot(True)
        self._retitle.setInterval(0)
        self._retitle.timeout.connect(self.page_changed)
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ pages
    @property
    def step(self) -> StoryStep:
        """The step shown."""
        return self.steps[self.index]

    @property
    def page(self) -> StoryPage:
        """The page shown (built now if needed)."""
        return self.page_at(self.index)

    def page_at(self, index: int) -> StoryPage:
        """The page of step `index`, built on first use."""
        step = self.steps[index]
        page = self.pages.get(step.key)
        if page is None:
            page = page_class(step.kind)(self.document, self.undo_stack, step, self.stack)
            page.set_scale(self.scale)
            if self.full_texts:
                page.set_full_texts(True)
            self.pages[step.key] = page
            self.stack.addWidget(page)
            self.lock.guard(page.input_widgets())
        return page

    def titles(self) -> list[str]:
        """Every page's name, in the story's order."""
        return [s.title(self.document.model) for s in self.steps]

    def go_to(self, index: int, forward: bool = True, step: int | None = None) -> None:
        """Show page `index` at reveal `step`; by default from its first step when entered forwards, at its last
        when entered backwards (as paging back through it would reach it)."""
        index = max(0, min(index, len(self.steps) - 1))
        self.index = index
        page = self.page
        if step is None:
            step = 0 if forward and self.reveal else page.steps_count() - 1
        page.show_step(step)
        self.stack.setCurrentWidget(page)
        page.on_shown()
        self.page_changed.emit()
        self._ahead.start()

    def _build_ahead(self) -> None:
        """Build the next page while the room looks at this one, so that turning to it is instant."""
        following = self.index + 1
        if following < len(self.steps) and self.steps[following].key not in self.pages:
            self.page_at(following)

    def jump_to(self, index: int) -> None:
        """Turn to page `index` from anywhere (a dot, Home, End): the page shown whole, as it first looks whole
        (the promise map: the whole map, no team singled out)."""
        index = max(0, min(index, len(self.steps) - 1))
        self.go_to(index, step=self.page_at(index).whole_step())

    def go_to_start(self, start: str | None, selected: list[str] | None = None) -> None:
        """Open on a page named by key, kind or canvas id (the first page when it names none), shown whole, or at
        what `selected` (the ids selected in the editor left behind) singles out there (a team's chain)."""
        index = find_start(self.steps, start)
        self.go_to(index, step=self.page_at(index).start_step(list(selected or [])))

    def next(self) -> bool:
        """Reveal the page's next step, else turn to the next page; False at the story's end."""
        page = self.page
        if page.step < page.steps_count() - 1:
            page.show_step(page.step + 1)
            self.page_changed.emit()
            return True
        if self.index >= len(self.steps) - 1:
            return False
        self.go_to(self.index + 1, forward=True)
        return True

    def previous(self) -> bool:
        """Hide the page's last revealed step, else turn back a page (shown whole); False at the beginning."""
        page = self.page
        if page.step > 0:
            page.show_step(page.step - 1)
            self.page_changed.emit()
            return True
        if self.index == 0:
            return False
        self.go_to(self.index - 1, forward=False)
        return True

    def reveal_all(self) -> None:
        """Show the whole page at once."""
        page = self.page
        page.show_step(page.steps_count() - 1)
        self.page_changed.emit()

    # ------------------------------------------------------------------ model
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("canvas", "factor", "curve"):  # the canvases and which of them have an ERRC grid
            self._restory()
        elif (self.document.model.readings or any(s.kind == "figures" for s in self.steps)) and \
                touches_figures(changes):  # the figures pages: how many, and their titles
            self._restory()
        self._retitle.start()  # titles and counts may have changed: told once the pages followed the edit too

    def _story(self) -> list[StoryStep]:
        """The story of the document as it is now."""
        model = self.document.model
        return story_of(model, [s.title for s in figures_of(self.document)] if model.readings else [])

    def _restory(self) -> None:
        """Follow canvases added, removed, reordered (or gaining an ERRC grid): keep showing the same page."""
        steps = self._story()
        if steps == self.steps:
            return
        current = self.steps[self.index]
        keys = {s.key for s in steps}
        for key in [k for k in self.pages if k not in keys]:
            page = self.pages.pop(key)
            self.lock.forget(page.input_widgets())
            self.stack.removeWidget(page)
            page.hide()
            page.deleteLater()
        self.steps = steps
        for step in steps:  # a page kept shows its step's new name (a figures page: «(1/2)» when cut anew)
            if step.key in self.pages:
                self.pages[step.key].step_info = step
        if current.key in keys:
            self.index = next(i for i, s in enumerate(steps) if s.key == current.key)
        else:  # the canvas shown is gone: show the page that took its place
            self.index = min(self.index, len(steps) - 1)
            self.go_to(self.index, forward=False)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:  # the figures pages are named (and cut) in the app's language
            self._restory()
            self._retitle.start()

    # ------------------------------------------------------------------ screen
    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self.set_scale(theme.scale_for(self.height() or 1080))

    def set_scale(self, scale: float) -> None:
        """Type and drawings of every page for a screen `scale` times 1080 lines (pages built later follow)."""
        if abs(scale - self.scale) > 0.02:
            self.scale = scale
            for page in self.pages.values():
                page.set_scale(scale)

    def set_full_texts(self, on: bool) -> None:
        """Show long texts whole on every page (`on`), or cut to a few lines ending in "…"."""
        self.full_texts = on
        for page in self.pages.values():
            page.set_full_texts(on)

    def stop(self) -> None:
        """Build nothing more ahead and announce nothing more (the presentation is being left)."""
        self._ahead.stop()
        self._retitle.stop()
