"""The consultant's logo for handouts and decks: PNG/JPEG as they are, SVG through svglib (loaded only then)."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

RASTER = (".png", ".jpg", ".jpeg")
VECTOR = (".svg",)
LOGO_SUFFIXES = RASTER + VECTOR

log = logging.getLogger(__name__)


def usable(path: Path | None) -> bool:
    """Whether `path` is an existing logo file of a kind the exports draw."""
    return path is not None and path.suffix.lower() in LOGO_SUFFIXES and path.is_file()


def svg_drawing(path: Path) -> Any:
    """The SVG file as a reportlab Drawing (svglib), or None when it cannot be read."""
    try:
        from svglib.svglib import svg2rlg
    except ImportError:  # pragma: no cover - a build without svglib: the export goes on without the logo
        log.warning("svglib is not installed: the SVG logo %s is left out", path)
        return None
    try:
        drawing = svg2rlg(str(path))
    except Exception:  # a broken SVG must not fail the whole export
        log.warning("the SVG logo %s could not be read", path, exc_info=True)
        return None
    return drawing if drawing is not None and drawing.width > 0 and drawing.height > 0 else None


def logo_flowable(path: Path | None, max_width: float, max_height: float) -> Any:
    """The logo as a left-aligned flowable within `max_width` × `max_height` points, or None."""
    if not usable(path):
        return None
    assert path is not None
    if path.suffix.lower() in VECTOR:
        drawing = svg_drawing(path)
        if drawing is None:
            return None
        ratio = min(max_width / drawing.width, max_height / drawing.height)
        drawing.scale(ratio, ratio)
        drawing.width, drawing.height = drawing.width * ratio, drawing.height * ratio
        drawing.hAlign = "LEFT"
        return drawing
    from reportlab.platypus import Image

    image = Image(str(path))
    ratio = min(max_width / image.imageWidth, max_height / image.imageHeight)
    image.drawWidth, image.drawHeight = image.imageWidth * ratio, image.imageHeight * ratio
    image.hAlign = "LEFT"
    return image


def raster_logo(path: Path | None, folder: str, height_px: int = 240) -> tuple[Path, float] | None:
    """A raster file of the logo (an SVG rendered to PNG in `folder`) and its width / height, or None."""
    if not usable(path):
        return None
    assert path is not None
    if path.suffix.lower() in RASTER:
        from PIL import Image

        try:
            with Image.open(path) as image:
                return path, image.width / max(1, image.height)
        except OSError:
            log.warning("the logo %s could not be read", path, exc_info=True)
            return None
    drawing = svg_drawing(path)
    if drawing is None:
        return None
    from exports.pictures import render_png

    out = Path(tempfile.mkstemp(suffix=".png", dir=folder)[1])
    render_png(drawing, str(out), height_px / drawing.height)
    return out, drawing.width / drawing.height
