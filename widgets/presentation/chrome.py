"""The presentation's quiet chrome: the footer (where we are, lock, timer, exit), hints, a blank screen, the keys."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from widgets.presentation import theme
from widgets.presentation.page import label
from widgets.presentation.timer import AgendaClock, TimerWidget


class StoryDots(QWidget):
    """One dot per page of the story, the current one dark; a click on a dot turns to its page."""

    page_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = 0
        self.current = 0
        self.titles: list[str] = []
        self.hovered: int | None = None
        self.scale = 1.0
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_state(self, count: int, current: int, titles: list[str]) -> None:
        """Show `count` pages with page `current` lit."""
        self.count, self.current, self.titles = count, current, titles
        self._show_tip()
        self.updateGeometry()
        self.update()

    def _show_tip(self) -> None:
        """The name of the page whose dot is under the mouse (renamed, or in another language, as it changes)."""
        i = self.hovered
        self.setToolTip(self.titles[i] if i is not None and i < len(self.titles) else "")

    def _pitch(self) -> float:
        return 22 * self.scale

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(round(self.count * self._pitch() + 8), round(24 * self.scale))

    def index_at(self, x: float) -> int | None:
        """The page whose dot is at `x`."""
        i = int((x - 4) // self._pitch())
        return i if 0 <= i < self.count else None

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        mid = self.height() / 2
        for i in range(self.count):
            x = 4 + i * self._pitch() + self._pitch() / 2
            current = i == self.current
            r = (5.5 if current else 4.0) * self.scale
            p.setBrush(QColor(theme.INK if current else theme.RULE))
            p.drawEllipse(QPointF(x, mid), r, r)
        p.end()

    def mouseMoveEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hovered = self.index_at(ev.position().x())
        self._show_tip()

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        i = self.index_at(ev.position().x())
        if i is not None and ev.button() == Qt.MouseButton.LeftButton:
            self.page_clicked.emit(i)


class LockIcon(QToolButton):
    """A padlock drawn with the pen (no icon font needed): open while free, shut and red while locked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("lockButton")
        self.scale = 1.0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        text = super().sizeHint()
        return QSize(text.width() + round(30 * self.scale), max(text.height(), round(38 * self.scale)))

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(ev)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.scale
        color = QColor(theme.LASER if self.isChecked() else theme.FAINT)
        if self.underMouse() and not self.isChecked():
            color = QColor(theme.INK)
        body = QRectF(10 * s, self.height() / 2 - 2 * s, 16 * s, 12 * s)
        p.setPen(QPen(color, max(1.5, 2.2 * s)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        shackle = QPainterPath()
        left, right, top = body.left() + 3.5 * s, body.right() - 3.5 * s, body.top() - 9 * s
        if self.isChecked():
            shackle.moveTo(left, body.top())
            shackle.lineTo(left, top + 4 * s)
            shackle.arcTo(QRectF(left, top, right - left, 8 * s), 180, -180)
            shackle.lineTo(right, body.top())
        else:
            shackle.moveTo(left, body.top())
            shackle.lineTo(left, top + 1 * s)
            shackle.arcTo(QRectF(left, top - 3 * s, right - left, 8 * s), 180, -180)
        p.drawPath(shackle)
        p.setBrush(color)
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(body, 2.5 * s, 2.5 * s)
        p.end()


class Footer(QWidget):
    """Bottom strip: where we are in the story, the dots, the lock, the timer and the way out; faint until needed."""

    exit_clicked = Signal()

    def __init__(self, clock: AgendaClock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentationFooter")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(theme.CHROME_STYLE)
        grid = QGridLayout(self)
        self.grid = grid
        self.where = label(self, "footerWhere", theme.FAINT, wrap=False)
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.where.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.dots = StoryDots(self)
        right = QHBoxLayout()
        right.setSpacing(6)
        self.lock = LockIcon(self)
        self.timer = TimerWidget(clock, self)
        self.exit = QToolButton(self)
        self.exit.setObjectName("exitButton")
        self.exit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit.setText("✕")
        self.exit.clicked.connect(self.exit_clicked)
        right.addStretch(1)
        right.addWidget(self.lock)
        right.addSpacing(10)
        right.addWidget(self.timer)
        right.addSpacing(10)
        right.addWidget(self.exit)
        grid.addWidget(self.where, 0, 0)
        grid.addWidget(self.dots, 0, 1, Qt.AlignmentFlag.AlignCenter)
        grid.addLayout(right, 0, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.retranslate()
        self.set_scale(1.0)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(ev)
        if ev.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.lock.setText(self.tr("Lock"))
        self.lock.setToolTip(self.tr("Lock the drawing while pointing at it (L): the mouse cannot move anything; "
                                     "paging still works"))
        self.exit.setToolTip(self.tr("Leave the presentation (Esc)"))

    def set_scale(self, scale: float) -> None:
        """Type and spacing for a screen `scale` times 1080 lines."""
        margin = round(theme.MARGIN * scale)
        self.grid.setContentsMargins(margin, round(6 * scale), round(margin * 0.6), round(14 * scale))
        self.where.setFont(theme.font(19 * scale))
        self.dots.scale = scale
        self.dots.updateGeometry()
        self.lock.scale = scale
        self.lock.setFont(theme.font(19 * scale))
        self.lock.setStyleSheet(f"QToolButton#lockButton {{ padding-left: {round(34 * scale)}px; }}")
        self.exit.setFont(theme.font(22 * scale))
        self.timer.set_scale(scale)

    def set_where(self, text: str) -> None:
        """The page's name (and reveal step) at the left."""
        self.where.setText(text)
        self.where.setToolTip(text)


class HintPill(QLabel):
    """A short message over the bottom of the screen that goes away by itself (why an edit was refused...)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    def show_text(self, text: str, scale: float, bottom: int, ms: int = 4000) -> None:
        """Show `text` centred just above `bottom` (window pixels) for `ms` milliseconds."""
        if not text:
            self.hide()
            return
        self.setText(text)
        self.setFont(theme.font(22 * scale))
        pad_v, pad_h = round(12 * scale), round(24 * scale)
        self.setStyleSheet(f"#presentationHint {{ background: rgba(29, 39, 51, 230); color: white;"
                           f" border-radius: {round(10 * scale)}px; padding: {pad_v}px {pad_h}px; }}")
        parent = self.parentWidget()
        width = min(parent.width() - 80, round(900 * scale))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, bottom - self.height() - round(16 * scale))
        self.show()
        self.raise_()
        self._timer.start(ms)


class Curtain(QWidget):
    """The whole screen black (or white), to take the room's eyes off the slide; any key or click lifts it."""

    lifted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationCurtain")
        self.color = QColor("black")
        self.hide()

    def drop(self, color: str) -> None:
        """Cover the window in `color`."""
        self.color = QColor(color)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), self.color)
        p.end()

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
        self.lifted.emit()


HELP_PX = 24
"""The help card's type at 1080 lines (near the pages' body text: read from the back of the room)."""


def tr(text: str) -> str:
    """Translate a text of the presentation's keys."""
    return QCoreApplication.translate("PresentationKeys", text)


def key_rows() -> list[tuple[str, str]]:
    """The presentation's keys and what they do, for the help card."""
    return [
        ("PageDown, →", tr("next: reveal the next curve or team, then the next page")),
        ("PageUp, ←", tr("back")),
        ("Home, End", tr("first page, last page")),
        ("L", tr("lock the drawing while pointing (laser dot)")),
        ("T, Shift+T, +, −", tr("timer: start or pause, reset, a minute more or less")),
        ("A", tr("reveal the whole page")),
        ("D", tr("long texts in full (a team's description, its promises), or cut short again")),
        ("B, W", tr("black or white screen")),
        ("S", tr("move to the next screen")),
        ("Ctrl+Z, Ctrl+Shift+Z", tr("undo, redo (the same history as the main window)")),
        ("Esc", tr("clear the selection, then leave the presentation")),
        ("F5", tr("leave the presentation at once")),
    ]


class HelpCard(QWidget):
    """The keys of the presentation on an opaque card over a dimmed page, until the next key or click."""

    SCRIM = QColor(29, 39, 51, 150)
    """The page behind the card steps back (the card itself is opaque white: readable over any page)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("presentationHelp")
        self.card = QFrame(self)
        self.card.setObjectName("presentationHelpCard")
        self.card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.column = QVBoxLayout(self.card)
        outer = QVBoxLayout(self)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def show_scaled(self, scale: float) -> None:
        """Cover the window and show the card centred, its type for a screen `scale` times 1080 lines."""
        from widgets.presentation.text_pages import clear_layout

        clear_layout(self.column)
        self.card.setStyleSheet(f"#presentationHelpCard {{ background: {theme.PAPER}; border: 1px solid"
                                f" {theme.RULE}; border-radius: {round(16 * scale)}px; }}")
        pad = round(40 * scale)
        self.column.setContentsMargins(pad, round(32 * scale), pad, pad)
        self.column.setSpacing(round(18 * scale))
        heading = label(self.card, "helpHeading", theme.ACCENT, wrap=False)
        heading.setText(tr("Keys of the presentation"))
        heading.setFont(theme.eyebrow(theme.EYEBROW_PX * 1.2 * scale))
        self.column.addWidget(heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(round(32 * scale))
        grid.setVerticalSpacing(round(10 * scale))
        for row, (keys, what) in enumerate(key_rows()):
            k = label(self.card, "helpKeys", theme.INK, wrap=False)
            k.setText(keys)
            k.setFont(theme.font(HELP_PX * scale, bold=True))
            w = label(self.card, "helpWhat", theme.INK, wrap=False)
            w.setText(what)
            w.setFont(theme.font(HELP_PX * scale))
            grid.addWidget(k, row, 0)
            grid.addWidget(w, row, 1)
        self.column.addLayout(grid)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.fillRect(self.rect(), self.SCRIM)
        p.end()

    def mousePressEvent(self, ev: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.hide()
