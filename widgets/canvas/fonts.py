"""The canvas editor's own font sizes, which follow the app's text size (View ▸ Larger text)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from widgets.canvas.axis import text_font


@dataclass(frozen=True)
class SizedFont:
    """A widget set at `px` pixels of the normal text size."""

    widget: QWidget
    px: float
    bold: bool
    italic: bool

    def apply(self) -> None:
        self.widget.setFont(text_font(self.widget.font(), self.px, bold=self.bold, italic=self.italic))


class SizedFonts:
    """The widgets whose fonts a panel sets in pixels; set again when the text size changes."""

    def __init__(self) -> None:
        self.entries: list[SizedFont] = []

    def set(self, widget: QWidget, px: float, bold: bool = False, italic: bool = False) -> None:
        """Set `widget` at `px` pixels times the text size, now and after every change of the text size."""
        entry = SizedFont(widget, px, bold, italic)
        self.entries.append(entry)
        entry.apply()

    def apply(self) -> None:
        """Every widget at its size times the current text size."""
        for entry in self.entries:
            entry.apply()
