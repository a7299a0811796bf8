"""The deck as File ▸ Info shows it: title, author, company, dates, a real thumbnail, a 16:9 branded master."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any
from xml.sax.saxutils import escape

from app import model as m
from exports.style import hex_rgb, safe_hex

APP = "Clientocracy Studio"
FONT = "PT Sans"
THUMB = (256, 144)  # pixels, 16:9


def _parts(prs) -> dict[str, Any]:
    return {str(part.partname): part for part in prs.part.package.iter_parts()}


def set_properties(prs, info: m.WorkshopInfo, language: str, slides: int) -> None:
    """Title, subject, author (the facilitator), dates and language in core.xml; company and application in
    app.xml (the template's «Steve Canny», 2013 and 4:3 leave no trace)."""
    core = prs.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    core.title = (info.title or "")[:255]
    core.subject = (info.organization or "")[:255]
    core.author = (info.facilitator or APP)[:255]
    core.last_modified_by = (info.facilitator or APP)[:255]
    core.created = core.modified = now
    core.revision = 1
    core.language = language
    core.keywords = "Клиентократия; Clientocracy"
    core.category = ""
    core.comments = ""
    app = _parts(prs).get("/docProps/app.xml")
    if app is not None:
        app._blob = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Application>{APP}</Application><PresentationFormat>Widescreen (16:9)</PresentationFormat>"
            f"<Slides>{slides}</Slides><Company>{escape(info.organization or '')}</Company>"
            f"<Manager>{escape(info.facilitator or '')}</Manager>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><AppVersion>16.0000</AppVersion>"
            "</Properties>"
        ).encode()


def widescreen_master(prs, accent: str, width: int, old_width: int = 9144000) -> None:
    """The master and layouts stretched to the 16:9 width (slides added in PowerPoint then match), the theme's
    fonts PT Sans and its first accent the branding's colour."""
    ratio = width / old_width
    for name, part in _parts(prs).items():
        if name.startswith(("/ppt/slideMasters/", "/ppt/slideLayouts/")):
            element = getattr(part, "_element", None)
            if element is not None:
                for node in element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}off",
                                         "{http://schemas.openxmlformats.org/drawingml/2006/main}ext"):
                    key = "x" if node.tag.endswith("off") else "cx"
                    if node.get(key) is not None:
                        node.set(key, str(round(int(node.get(key)) * ratio)))
        elif name.startswith("/ppt/theme/"):
            blob = part.blob.decode("utf-8")
            blob = re.sub(r'(<a:(?:major|minor)Font><a:latin typeface=")[^"]*"', rf'\g<1>{FONT}"', blob)
            blob = re.sub(r'(<a:accent1><a:srgbClr val=")[0-9A-Fa-f]{6}"',
                          rf'\g<1>{safe_hex(accent).lstrip("#")}"', blob)
            part._blob = blob.encode("utf-8")


def thumbnail(prs, info: m.WorkshopInfo, accent: str) -> None:
    """The file's thumbnail: the title slide in small (the accent band and the title), not the template's."""
    part = _parts(prs).get("/docProps/thumbnail.jpeg")
    if part is None:
        return
    try:
        from PIL import Image, ImageDraw, ImageFont

        from app.resources import resource_path
    except ImportError:  # pragma: no cover - Pillow ships with the exports
        return
    w, h = THUMB
    image = Image.new("RGB", THUMB, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, w, int(h * 0.58)), fill=hex_rgb(accent))
    font: Any
    try:
        font = ImageFont.truetype(str(resource_path("fonts", "PTSans-Bold.ttf")), 15)
    except OSError:
        font = ImageFont.load_default()
    words, lines, line = (info.title or "—").split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > w - 28 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    for i, text in enumerate(lines[:3]):
        draw.text((14, 22 + i * 18), text, font=font, fill="white")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    part._blob = out.getvalue()
