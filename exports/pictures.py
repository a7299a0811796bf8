"""Each canvas and both diagrams as PNG and SVG pictures, from the same drawings as the handout."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from typing import Callable

from reportlab.graphics.shapes import Drawing

from app import model as m
from exports import fonts
from exports.draw_chart import canvas_drawing
from exports.draw_diagram import diagram_drawing
from exports.i18n import Words
from exports.rl_text import drawing

CHART_SIZE = (960.0, 560.0)  # points; PNG pixels = points × scale
DIAGRAM_SIZE = (1200.0, 820.0)
SVG_FONTS = {
    fonts.SANS: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
    fonts.SANS_BOLD: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif\" font-weight=\"bold",
    fonts.SANS_ITALIC: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif\" font-style=\"italic",
    fonts.SANS_BOLD_ITALIC: "'PT Sans', Arial, sans-serif\" font-weight=\"bold\" font-style=\"italic",
    fonts.SYMBOLS: "'DejaVu Sans', sans-serif",
    fonts.EMOJI: "'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', Symbola, sans-serif",
}

Writer = Callable[[Path, str, Callable[[str], None]], Path]


def slug(text: str, fallback: str) -> str:
    """A file-name-safe short form of `text` (letters of any script kept)."""
    cleaned = re.sub(r"[^\w]+", "-", fonts.clean(text).lower(), flags=re.UNICODE).strip("-_")
    return cleaned[:40].rstrip("-_") or fallback


def drawings(workshop: m.Workshop) -> list[tuple[str, Drawing]]:
    """(file stem, drawing) for every canvas that has factors, the structure and the promise map when they have
    something to draw (a large workshop: a promise map per segment, as in the deck)."""
    from exports.scope import scope_of, story_diagrams

    words = Words(workshop.info.language)
    scope = scope_of(workshop)
    out = []
    for i, c in enumerate(workshop.canvases, start=1):
        if c not in scope.canvases:
            continue
        title = c.title + (f" — «{c.tagline}»" if c.tagline else "")
        d = canvas_drawing(c, words, *CHART_SIZE, text_scale=1.4, title=title or None)
        out.append((f"canvas-{i}-{slug(c.title, 'canvas')}", _framed(d)))
    maps = story_diagrams(workshop, scope, words)
    for n, (title, part, name) in enumerate(maps, start=1):
        d = diagram_drawing(part, name, words, *DIAGRAM_SIZE, text_scale=1.4, max_scale=1.0)
        stem = "structure" if name == "structure" else "promise-map"
        if scope.summary:
            stem = f"promise-map-{n}-{slug(part.segments[0].name if part.segments else title, 'segment')}"
        out.append((stem, _framed(d)))
    return out


def _framed(d: Drawing, pad: float = 24.0) -> Drawing:
    """The drawing on a white page with a margin (PNG backgrounds are not transparent)."""
    from reportlab.graphics.shapes import Group, Rect
    from reportlab.lib.colors import white

    framed = drawing(d.width + 2 * pad, d.height + 2 * pad)
    framed.add(Rect(0, 0, framed.width, framed.height, fillColor=white, strokeColor=None))
    group = Group(*d.contents)
    group.translate(pad, pad)
    framed.add(group)
    return framed


SVG_STYLE_FONTS = {
    fonts.SANS: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
    fonts.SANS_BOLD: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-weight: bold",
    fonts.SANS_ITALIC: "'PT Sans', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-style: italic",
    fonts.SANS_BOLD_ITALIC: "'PT Sans', Arial, sans-serif; font-weight: bold; font-style: italic",
    fonts.SYMBOLS: "'DejaVu Sans', sans-serif",
    fonts.EMOJI: "'Noto Color Emoji', 'Apple Color Emoji', 'Segoe UI Emoji', Symbola, sans-serif",
}
"""The same families for the `style` attribute reportlab writes (CSS syntax)."""
_STYLE_FONT = re.compile(r"font-family: ?([\w-]+)")


def svg_text(d: Drawing) -> str:
    """The drawing as SVG that other programs read: real font families followed by a generic one, and no
    `fill: None` (LibreOffice and Qt fill such a curve black)."""
    from reportlab.graphics import renderSVG

    text = renderSVG.drawToString(d)
    for name, family in SVG_FONTS.items():  # viewers do not know our registered names: offer real families
        text = text.replace(f'font-family="{name}"', f'font-family="{family}"')
    text = _STYLE_FONT.sub(lambda match: "font-family: " + SVG_STYLE_FONTS.get(match.group(1), match.group(1)), text)
    return re.sub(r"fill: ?None\b", "fill: none", text).replace('fill="None"', 'fill="none"')


def _svg(d: Drawing, path: str) -> None:
    Path(path).write_text(svg_text(d), encoding="utf-8")


def render_png(d: Drawing, path: str, scale: float) -> None:
    """Rasterise the drawing through its own PDF (PDFium), so a picture looks exactly like the handout."""
    import pypdfium2
    from reportlab.graphics import renderPDF

    document = pypdfium2.PdfDocument(renderPDF.drawToString(d))
    try:
        image = document[0].render(scale=scale).to_pil()
        image.save(path, "PNG", dpi=(72 * scale, 72 * scale))
    finally:
        document.close()


def write_pictures(workshop: m.Workshop, folder: Path, *, scale: float, formats: tuple[str, ...],
                   write: Writer) -> list[Path]:
    """Write every picture in each of `formats` ("png", "svg") into `folder`; returns the paths written."""
    fonts.register()
    wanted = {f.lower().lstrip(".") for f in formats}
    unknown = wanted - {"png", "svg"}
    if unknown:
        raise ValueError(f"unknown picture format(s): {', '.join(sorted(unknown))}; use png or svg")
    written = []
    for stem, d in drawings(workshop):
        if "svg" in wanted:
            written.append(write(folder / f"{stem}.svg", "SVG picture", partial(_svg, d)))
        if "png" in wanted:
            written.append(write(folder / f"{stem}.png", "PNG picture", partial(render_png, d, scale=scale)))
    return written
