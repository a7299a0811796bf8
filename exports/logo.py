"""The consultant's logo for handouts and decks: PNG/JPEG as they are, SVG through svglib (loaded only then).

A logo is an input like any other: read only from a regular file, bounded in bytes and pixels, and an SVG must be
self-contained (no reference to another file, no DOCTYPE), so that reading it never blocks on a pipe, never reads
another file and never costs minutes. A logo that cannot be used fails every export alike with `LogoError`, whose
message names the logo and the reason.
"""

from __future__ import annotations

import io
import logging
import re
import tempfile
from pathlib import Path
from typing import Any

from app.gate import FileRefused
from app.inputs import read_regular

RASTER = (".png", ".jpg", ".jpeg")
VECTOR = (".svg",)
LOGO_SUFFIXES = RASTER + VECTOR
MAX_RASTER_BYTES = 20 << 20
"""A PNG or JPEG logo file."""
MAX_SVG_BYTES = 2 << 20
"""An SVG logo file (a real logo is a few kilobytes to a few hundred)."""
MAX_SVG_ELEMENTS = 20_000
"""Elements of an SVG logo (svglib costs a few seconds per hundred thousand)."""
MAX_PIXELS = 40_000_000
"""Pixels of a raster logo (40 megapixels: a poster's worth), checked before it is decoded."""
MAX_RASTER_SIDE = 4096
"""The longest side, in pixels, an SVG logo is rendered at for the deck."""

log = logging.getLogger(__name__)

_HREF = re.compile(rb"""(?:xlink:)?href\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(rb"""url\(\s*["']?\s*([^)"'\s]*)""", re.IGNORECASE)
_IMPORT = re.compile(rb"@import", re.IGNORECASE)


class LogoError(FileRefused):
    """A logo that cannot be used; the message names the logo file and the reason."""


def usable(path: Path | None) -> bool:
    """Whether `path` is an existing logo file of a kind the exports draw."""
    return path is not None and path.suffix.lower() in LOGO_SUFFIXES and path.is_file()


def _wanted(path: Path | None) -> Path | None:
    """The logo to draw: None when there is none (or its file has gone: the export goes on without it)."""
    if path is None:
        return None
    path = Path(path)
    if path.suffix.lower() not in LOGO_SUFFIXES:
        raise LogoError(path, "a logo is a .png, .jpg or .svg file")
    if not path.exists() and not path.is_symlink():
        log.warning("the logo %s no longer exists: the export goes on without it", path)
        return None
    return path


def svg_bytes(path: Path) -> bytes:
    """The bytes of an SVG logo, checked: a regular file, bounded, self-contained (LogoError otherwise)."""
    try:
        data = read_regular(path, MAX_SVG_BYTES, "SVG logo")
    except FileRefused as error:
        raise LogoError(path, error.reason) from None
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.IGNORECASE):
        raise LogoError(path, "the SVG logo declares a DOCTYPE or entities; save it as plain SVG")
    for match in _HREF.finditer(data):
        _refuse_reference(path, match.group(2).strip())
    for match in _CSS_URL.finditer(data):
        _refuse_reference(path, match.group(1).strip())
    if _IMPORT.search(data):
        raise LogoError(path, "the SVG logo imports a style sheet from another file; a logo must be self-contained")
    elements = data.count(b"<")
    if elements > MAX_SVG_ELEMENTS:
        raise LogoError(path, f"the SVG logo has more than {MAX_SVG_ELEMENTS} elements ({elements})")
    return data


def _refuse_reference(path: Path, target: bytes) -> None:
    """LogoError unless `target` stays inside the SVG (#id) or inside the reference itself (a data: URI)."""
    if not target or target.startswith(b"#") or target.lower().startswith(b"data:"):
        return
    shown = target[:80].decode("utf-8", errors="replace")
    raise LogoError(path, f"the SVG logo refers to another file ({shown}); a logo must be self-contained")


def svg_drawing(path: Path) -> Any:
    """The SVG logo as a reportlab Drawing (svglib); LogoError when it cannot be used."""
    data = svg_bytes(path)
    try:
        from svglib.svglib import svg2rlg
    except ImportError:  # pragma: no cover - a build without svglib: the export goes on without the logo
        log.warning("svglib is not installed: the SVG logo %s is left out", path)
        return None
    with tempfile.TemporaryDirectory(prefix="clientocracy-svg-") as nowhere, _SvglibNotes() as notes:
        try:
            drawing = svg2rlg(io.BytesIO(data), resolve_entities=False, external_reference_root=nowhere)
        except RecursionError:
            raise LogoError(path, LOOP) from None
        except Exception as error:  # svglib and lxml raise many kinds for a broken SVG
            raise LogoError(path, f"the SVG logo cannot be read ({_reason(error)})") from None
    if any("circular" in note.casefold() for note in notes.messages):
        raise LogoError(path, LOOP)
    if drawing is None:
        raise LogoError(path, "the SVG logo cannot be read (not an SVG picture)")
    if not (drawing.width > 0 and drawing.height > 0):
        raise LogoError(path, "the SVG logo has no width or height")
    return drawing


LOOP = "the SVG logo refers to itself in a loop (a <use> that leads back to itself)"


class _SvglibNotes(logging.Handler):
    """Collects what svglib logs while one logo is read (it would print to the terminal otherwise)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []
        self._logger = logging.getLogger("svglib.svglib")
        self._propagate = True

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())

    def __enter__(self) -> _SvglibNotes:
        self._propagate = self._logger.propagate
        self._logger.addHandler(self)
        self._logger.propagate = False
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.propagate = self._propagate
        for message in self.messages:
            log.debug("svglib: %s", message)


def check_raster(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG or JPEG logo, decoded once to be sure it is whole; LogoError otherwise."""
    from PIL import Image

    try:
        data = read_regular(path, MAX_RASTER_BYTES, "logo")
    except FileRefused as error:
        raise LogoError(path, error.reason) from None
    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise LogoError(path, f"the logo is {width} × {height} pixels; a logo has at most "
                                      f"{MAX_PIXELS // 1_000_000} megapixels")
            if image.format not in ("PNG", "JPEG", "MPO"):
                raise LogoError(path, f"the logo is not a PNG or JPEG picture ({image.format or 'unknown'})")
            image.load()
    except LogoError:
        raise
    except Image.UnidentifiedImageError:
        raise LogoError(path, "the logo is not a PNG or JPEG picture (its content is not a picture)") from None
    except Image.DecompressionBombError:
        raise LogoError(path, f"the logo has more than {MAX_PIXELS // 1_000_000} megapixels") from None
    except Exception as error:  # PIL raises OSError, SyntaxError, ValueError... for a broken picture
        raise LogoError(path, f"the logo is not a readable PNG or JPEG picture ({_reason(error)})") from None
    if width < 1 or height < 1:
        raise LogoError(path, "the logo has no pixels")
    return width, height


def _reason(error: BaseException) -> str:
    """A short reason from an exception, without object addresses such as «ImageReader@0x7f…»."""
    text = re.sub(r"<[^<>]*\b0x[0-9a-fA-F]+>|\S*@0x[0-9a-fA-F]+\S*", "", str(error)).strip(" :\n")
    text = " ".join(text.split())[:160]
    return text or type(error).__name__


def check_logo(path: Path) -> None:
    """Refuse (LogoError) a logo the exports could not draw, before anything is written."""
    if path.suffix.lower() in VECTOR:
        svg_drawing(path)
    else:
        check_raster(path)


def logo_flowable(path: Path | None, max_width: float, max_height: float) -> Any:
    """The logo as a left-aligned flowable within `max_width` × `max_height` points, or None without a logo."""
    path = _wanted(path)
    if path is None:
        return None
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

    width, height = check_raster(path)
    try:
        image = Image(str(path))
    except Exception as error:  # reportlab names its reader object, not the file: say it with the file
        raise LogoError(path, f"the logo is not a readable PNG or JPEG picture ({_reason(error)})") from None
    ratio = min(max_width / width, max_height / height)
    image.drawWidth, image.drawHeight = width * ratio, height * ratio
    image.hAlign = "LEFT"
    return image


def raster_logo(path: Path | None, folder: str, height_px: int = 240) -> tuple[Path, float] | None:
    """A raster file of the logo (an SVG rendered to PNG in `folder`) and its width / height; None without a logo."""
    path = _wanted(path)
    if path is None:
        return None
    if path.suffix.lower() in RASTER:
        width, height = check_raster(path)
        return path, width / height
    drawing = svg_drawing(path)
    if drawing is None:
        return None
    from exports.pictures import render_png

    out = Path(tempfile.mkstemp(suffix=".png", dir=folder)[1])
    scale = min(height_px / drawing.height, MAX_RASTER_SIDE / drawing.width)
    try:
        render_png(drawing, str(out), scale)
    except Exception as error:
        raise LogoError(path, f"the SVG logo cannot be drawn ({_reason(error)})") from None
    return out, drawing.width / drawing.height

