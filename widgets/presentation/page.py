"""What every presentation page shares: a header (eyebrow, title, subtitle), a body, reveal steps, live following."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from app.changed import Changes
from app.document import Document
from widgets.base.live import changes_of
from widgets.presentation import theme
from widgets.presentation.clamped import ClampedText
from widgets.presentation.story import StoryStep, kind_names

SUBTITLE_LINES = 2
"""A page's subtitle takes at most this many lines until the full texts are shown (the D key)."""


def label(parent: QWidget, name: str, color: str = theme.INK, wrap: bool = True) -> QLabel:
    """A plain text label in `color` (never rich text: the data are whatever users typed)."""
    lab = QLabel(parent)
    lab.setObjectName(name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    lab.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    lab.setStyleSheet(f"color: {color}; background: transparent;")
    return lab


class ElidedLabel(QLabel):
    """A one-line label that shortens its text with "…" when narrow, instead of widening the page."""

    def __init__(self, parent: QWidget, name: str, color: str = theme.INK) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {color}; background: transparent;")

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        p.drawText(rect, int(self.alignment()),
                   self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width()))
        p.end()


def scroller(parent: QWidget, content: QWidget) -> QScrollArea:
    """`content` in a frameless white area that scrolls up and down when it is taller than the page (never sideways):
    however much a workshop holds, the page fits the screen, and the look is unchanged while it all fits."""
    area = QScrollArea(parent)
    area.setObjectName("pageScroller")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    area.setWidget(content)
    white(area.viewport())
    content.setAutoFillBackground(False)
    return area


def white(widget: QWidget) -> None:
    """Paint `widget`'s background white (the projector's paper)."""
    widget.setAutoFillBackground(True)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(theme.PAPER))
    palette.setColor(QPalette.ColorRole.Base, QColor(theme.PAPER))
    widget.setPalette(palette)


class StoryPage(QWidget):
    """One page of the story. Subclasses fill `body`, and may reveal their content in steps.

    A page follows the document through its change channel: `follow` gets what each edit changed, `renew` runs
    when everything may have changed (a snapshot restored). Qt drops the connection when the page is destroyed.
    """

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.step_info = step
        self.kind = step.kind
        self.scale = 1.0
        self.step = 0
        self.setObjectName(f"{step.kind}Page")
        white(self)
        outer = QVBoxLayout(self)
        self.outer = outer
        outer.setSpacing(0)
        self.eyebrow = label(self, "pageEyebrow", theme.ACCENT, wrap=False)
        self.eyebrow.setText(kind_names()[step.kind])
        self.context_label = ElidedLabel(self, "pageContext", theme.FAINT)
        self.context_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.title_label = label(self, "pageTitle")
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.subtitle_label = ClampedText(self, "pageSubtitle", theme.MUTED, SUBTITLE_LINES)
        """A long description (a team's purpose) takes two lines; the full text is on hover, or on the page (D)."""
        self.full_texts = False
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.eyebrow)
        top.addStretch(1)
        top.addWidget(self.context_label)
        outer.addLayout(top)
        outer.addWidget(self.title_label)
        outer.addWidget(self.subtitle_label)
        self.body = QWidget(self)
        self.body.setObjectName("pageBody")
        outer.addWidget(self.body, 1)
        self._apply_header_fonts()
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ header
    def set_header(self, title: str, subtitle: str = "") -> None:
        """The page's title and (optional) subtitle."""
        self.title_label.setText(title)
        self.title_label.setVisible(bool(title))
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))

    def title(self) -> str:
        """The page's name in the footer and in tests ("Strategy canvas: <title>")."""
        return self.step_info.title(self.document.model)

    def set_scale(self, scale: float) -> None:
        """Scale the type for the screen (1.0 at 1080 lines)."""
        if abs(scale - self.scale) < 1e-3:
            return
        self.scale = scale
        self._apply_header_fonts()
        self.apply_scale()

    def px(self, size: float) -> float:
        """`size` pixels at 1080 lines, scaled for this screen."""
        return size * self.scale

    def _apply_header_fonts(self) -> None:
        margin = round(self.px(theme.MARGIN))
        self.outer.setContentsMargins(margin, round(margin * 0.7), margin, round(margin * 0.35))
        self.eyebrow.setFont(theme.eyebrow(self.px(theme.EYEBROW_PX)))
        self.context_label.setFont(theme.font(self.px(theme.EYEBROW_PX)))
        self.title_label.setFont(theme.font(self.px(theme.TITLE_PX), bold=True))
        self.subtitle_label.setFont(theme.font(self.px(theme.SUBTITLE_PX), italic=True))
        self.eyebrow.setContentsMargins(0, 0, 0, round(self.px(6)))
        self.subtitle_label.setContentsMargins(0, round(self.px(4)), 0, 0)

    def set_full_texts(self, on: bool) -> None:
        """Show long texts whole (`on`) or cut to a few lines ending in "…" (the D key)."""
        self.full_texts = on
        self.subtitle_label.set_max_lines(None if on else SUBTITLE_LINES)
        self.show_full_texts(on)

    def show_full_texts(self, on: bool) -> None:
        """Show the body's long texts whole or cut short (subclasses)."""

    def apply_scale(self) -> None:
        """Set the body's fonts and sizes for `self.scale` (subclasses)."""

    # ------------------------------------------------------------------ reveal
    def steps_count(self) -> int:
        """How many reveal steps the page has (1: shown whole at once)."""
        return 1

    def show_step(self, step: int) -> None:
        """Show reveal step `step` (0 = the first, steps_count() - 1 = everything)."""
        self.step = max(0, min(step, self.steps_count() - 1))

    def whole_step(self) -> int:
        """The reveal step that shows the page whole when it is jumped to (the last, unless a subclass knows better)."""
        return self.steps_count() - 1

    def start_step(self, selected: list[str]) -> int:
        """The reveal step to open the presentation on, given the ids selected in the editor left behind."""
        return self.whole_step()

    def reveal_text(self) -> str:
        """A short note of the reveal's progress for the footer ("" when the page has no steps)."""
        return ""

    # --------------------------------------------------------------- selection
    def has_user_selection(self) -> bool:
        """Whether the user selected something on the page (then arrow keys belong to the editor, not paging)."""
        return False

    def clear_user_selection(self) -> None:
        """Select nothing."""

    def input_widgets(self) -> list[QWidget]:
        """Where the mouse edits the page's drawing (the facilitator's lock guards these)."""
        return []

    # --------------------------------------------------------------- following
    def _on_changes(self, changes: Changes) -> None:
        if changes.everything:
            self.renew()
        else:
            self.follow(changes)

    def follow(self, changes: Changes) -> None:
        """Show what one edit changed (subclasses)."""

    def renew(self) -> None:
        """Show the model from scratch: everything may have changed, as after a snapshot restore (subclasses)."""
        self.follow(Changes(everything=True))

    def on_shown(self) -> None:
        """The page came to the front (subclasses fit their drawing, take the keyboard)."""

    # ---------------------------------------------------------------- language
    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Show every fixed text in the current language (subclasses add their own and call this)."""
        self.eyebrow.setText(kind_names()[self.kind])
