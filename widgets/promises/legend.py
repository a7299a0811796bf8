"""The map's legend: what each colour and line style means (statuses, or root values), the warning sign, bundles."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from app import model as m
from app import readings
from widgets.base.text_size import text_scale, text_size
from widgets.promises.style import (
    MIXED,
    NO_VALUE,
    STATUS_STYLES,
    status_icon,
    status_name,
    swatch_icon,
    value_color,
    warning_icon,
)


class Legend(QFrame):
    """A small panel over the map's corner; rebuilt when the colouring or the values change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promiseLegend")
        self._restyle()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 8, 10, 8)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(3, 1)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._shown: tuple[m.Workshop, bool] | None = None
        text_size().changed.connect(self.follow_text_size)

    def _restyle(self) -> None:
        size = round(9 * text_scale(), 1)  # 9 points at the normal text size
        self.setStyleSheet("#promiseLegend { background: rgba(255, 255, 255, 235); border: 1px solid #D9DEE5;"
                           f" border-radius: 6px; }} #promiseLegend QLabel {{ color: #1D2733; font-size: {size}pt; }}")

    def follow_text_size(self) -> None:
        """The legend at the app's new text size (View ▸ Larger text)."""
        self._restyle()
        self.retranslate()
        self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The legend again in the current language."""
        if self._shown is not None:
            self.show_for(*self._shown)

    def show_for(self, w: m.Workshop, by_value: bool) -> None:
        """List the statuses' line styles, and the colours of the root values when arrows are coloured by value."""
        self._shown = (w, by_value)
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        cells: list[tuple[object, str, int, int]] = []  # icon, text, icon width, columns spanned
        if by_value:
            cells += [(swatch_icon(value_color(w, v.id)), v.name, 14, 1) for v in w.values]
            cells.append((swatch_icon(NO_VALUE), self.tr("no root value"), 14, 1))
            if len(cells) % 2:
                cells.append((None, "", 0, 1))
        ink = MIXED if by_value else ""  # when colour means the value, the line style alone shows the status
        cells += [(status_icon(code, 14, ink), status_name(code), 28, 1) for code in STATUS_STYLES]
        cells.append((warning_icon(16), self.tr("not empowered: accepted or kept without all it needs"), 16, 2))
        cells.append(("×3", self.tr("several promises between the same two parties"), 0, 2))
        if w.readings:  # transparency in figures: the square on an arrow
            squares = "".join(f'<span style="color:{readings.STATE_COLORS[s]}">■</span>'
                              for s in (readings.MET, readings.NOT_MET))
            cells.append((squares, self.tr("latest figure: met or not met (see the Dashboard)"), 0, 2))
        row = col = 0
        for icon, text, width, span in cells:
            if span == 2 and col:
                row, col = row + 1, 0
            mark = QLabel(self)
            if isinstance(icon, str):
                mark.setText(f"<b>{icon}</b>")
                mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            elif icon is not None:
                mark.setPixmap(icon.pixmap(width, 16 if width == 16 else 14))
            self.grid.addWidget(mark, row, col * 2)
            self.grid.addWidget(QLabel(text, self), row, col * 2 + 1, 1, 1 if span == 1 else 3)
            col += span
            if col >= 2:
                row, col = row + 1, 0
        self.adjustSize()
