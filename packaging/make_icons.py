"""Render the app icon from its SVGs into every size each system wants: PNGs, a Windows .ico and a macOS .icns.

Run it after changing resources/icons/*.svg (the results are committed, so a build needs neither step):

    .venv/bin/python packaging/make_icons.py

clientocracy.svg is drawn for 48 px and up; clientocracy-small.svg (no arrows, larger shapes, a full tile)
for 16-32 px, where the arrows would blur into a smudge. Qt's SVG renderer draws, Pillow packs .ico/.icns.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows: Explorer, taskbar and title bar at every scaling
SMALL_UP_TO = 32


def render(svg: Path, size: int) -> Image.Image:
    """Draw `svg` into a square RGBA image of `size` pixels."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> int:
    """Write clientocracy-<size>.png for every size, clientocracy.ico and clientocracy.icns."""
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    images: dict[int, Image.Image] = {}
    for size in PNG_SIZES:
        svg = ICONS / ("clientocracy-small.svg" if size <= SMALL_UP_TO else "clientocracy.svg")
        images[size] = render(svg, size)
        images[size].save(ICONS / f"clientocracy-{size}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(ICONS / "clientocracy.ico", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    # .icns holds 16, 32, 64, 128, 256, 512, 1024 (the @2x variants reuse the doubled sizes)
    images[1024].save(ICONS / "clientocracy.icns",
                      append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)])
    for path in sorted(ICONS.iterdir()):
        print(f"{path.name:28} {path.stat().st_size:>8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
