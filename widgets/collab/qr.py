"""A QR code drawn crisp from segno's modules (no image library): the join link on the share dialog."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

QUIET_ZONE = 4
"""Modules of white round the code, as the standard asks (scanners need it)."""


def qr_modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules of `text`'s QR code, row by row, without the quiet zone."""
    import segno  # loaded when a room is first shared

    code = segno.make(text, error="m", micro=False)
    return [[bool(dark) for dark in row] for row in code.matrix]


def qr_pixmap(text: str, module: int = 6) -> QPixmap:
    """`text` as a QR code, each module `module` pixels wide, with its quiet zone."""
    modules = qr_modules(text)
    size = (len(modules) + 2 * QUIET_ZONE) * module
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    dark = QColor("#000000")
    for y, row in enumerate(modules):
        for x, is_dark in enumerate(row):
            if is_dark:
                painter.fillRect(QRect((x + QUIET_ZONE) * module, (y + QUIET_ZONE) * module, module, module), dark)
    painter.end()
    return pixmap
