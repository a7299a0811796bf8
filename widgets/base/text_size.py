"""One text size for the whole app (View ▸ Larger text), for a projector seen from the back of the room."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

TEXT_STEP = 1.1
"""Each step makes text about 10 % larger."""
MIN_STEPS, MAX_STEPS = -3, 8
TEXT_SIZE_NAME = "textSize"


class TextSize(QObject):
    """The app's text size, in steps from the normal size.

    A step sets the application's font, which every widget without a font of its own follows at once (tables,
    forms, inspectors, panels, menus, dialogs). Views that choose their own font sizes multiply them by
    `text_scale()` when they build, and may follow `changed` to rebuild.
    """

    changed = Signal(float)
    """The new scale (1.0 is the normal size)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(TEXT_SIZE_NAME)
        # Without this, a widget under a style sheet keeps the font it had when it was styled: the application's
        # new font would not reach tables and panels inside the main window.
        app.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles, True)
        self.steps = 0
        self.normal_font = QFont(app.font())

    def scale(self) -> float:
        """How much larger than normal text is now."""
        return TEXT_STEP ** self.steps

    def set_steps(self, steps: int) -> int:
        """Make text `steps` steps larger than normal (negative: smaller; kept within MIN_STEPS..MAX_STEPS)."""
        steps = max(MIN_STEPS, min(MAX_STEPS, int(steps)))
        if steps == self.steps:
            return steps
        self.steps = steps
        font = QFont(self.normal_font)
        if self.normal_font.pointSizeF() > 0:
            font.setPointSizeF(round(self.normal_font.pointSizeF() * self.scale(), 1))
        else:
            font.setPixelSize(max(1, round(self.normal_font.pixelSize() * self.scale())))
        QApplication.setFont(font)
        QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)  # every window follows now
        self.changed.emit(self.scale())
        return steps


def text_size() -> TextSize:
    """The application's one text size (made on first use; the application owns it)."""
    app = QApplication.instance()
    size = app.findChild(TextSize, TEXT_SIZE_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return size if size is not None else TextSize(app)


def text_scale() -> float:
    """How much larger than normal the user wants text (1.0 before any choice, or without an application)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 1.0
    size = app.findChild(TextSize, TEXT_SIZE_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return size.scale() if size is not None else 1.0
