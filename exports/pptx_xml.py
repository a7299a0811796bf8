"""DrawingML snippets for the deck, written as XML text: tables and diagrams of many cells and shapes fast."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from exports import fonts

NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
EMU_PER_PT = 12700
FONT = "Calibri"  # on every PowerPoint; LibreOffice substitutes the metric-compatible Carlito


def text(value: str) -> str:
    """`value` safe for an XML text node (control characters dropped)."""
    return escape(fonts.clean(value or ""))


def _hex(color: str) -> str:
    return color.lstrip("#").upper()


@dataclass(frozen=True)
class Run:
    """A paragraph of a text body: text, size in points, bold, colour."""

    text: str
    size: float = 12
    bold: bool = False
    color: str = "#1F2430"
    italic: bool = False


def paragraphs(runs: list[Run], align: str = "l", lang: str = "ru-RU") -> str:
    """`<a:p>` elements, one per run (line breaks inside a run become separate paragraphs)."""
    out = []
    for run in runs:
        start = _run_start(align, lang, run.size, run.bold, run.italic, run.color)
        for line in (run.text or "").split("\n"):
            out.append(f"{start}{text(line)}</a:t></a:r></a:p>")
    return "".join(out) or '<a:p><a:endParaRPr lang="ru-RU"/></a:p>'


@lru_cache(maxsize=256)
def _run_start(align: str, lang: str, size: float, bold: bool, italic: bool, color: str) -> str:
    """A paragraph's XML up to its text (a deck has a handful of run styles and tens of thousands of runs)."""
    attrs = f'lang="{lang}" sz="{round(size * 100)}" b="{int(bold)}" i="{int(italic)}" dirty="0"'
    return (f'<a:p><a:pPr algn="{align}"/><a:r><a:rPr {attrs}><a:solidFill><a:srgbClr val="{_hex(color)}"/>'
            f'</a:solidFill><a:latin typeface="{FONT}"/></a:rPr><a:t>')  # Arabic, Hebrew, CJK: the theme's fonts


def textbox(shape_id: int, name: str, x: int, y: int, w: int, h: int, runs: list[Run], align: str = "l",
            anchor: str = "t", lang: str = "ru-RU") -> str:
    """A text box (no fill, no line, no insets) with one paragraph per run."""
    return (
        f'<p:sp {NS}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{text(name)[:250]}"/><p:cNvSpPr txBox="1"/><p:nvPr/>'
        f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        f'<p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="{anchor}"><a:noAutofit/>'
        f"</a:bodyPr><a:lstStyle/>{paragraphs(runs, align, lang)}</p:txBody></p:sp>"
    )


@dataclass(frozen=True)
class TableCell:
    """A cell of a deck table: its paragraphs, fill (or None) and alignment."""

    runs: tuple[Run, ...]
    fill: str | None = None
    align: str = "l"


def table(shape_id: int, name: str, x: int, y: int, widths: list[int], rows: list[tuple[int, list[TableCell]]],
          lang: str = "ru-RU") -> str:
    """A `p:graphicFrame` holding an `a:tbl`; rows are (height EMU, cells); the first row is the header."""
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    body = []
    for height, cells in rows:
        tcs = []
        for c in cells:
            fill = f'<a:solidFill><a:srgbClr val="{_hex(c.fill)}"/></a:solidFill>' if c.fill else "<a:noFill/>"
            border = ('<a:lnB w="6350"><a:solidFill><a:srgbClr val="C9CED6"/></a:solidFill></a:lnB>'
                      '<a:lnL w="0"><a:noFill/></a:lnL><a:lnR w="0"><a:noFill/></a:lnR>')
            tcs.append(
                f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{paragraphs(list(c.runs), c.align, lang)}</a:txBody>'
                f'<a:tcPr marL="64008" marR="64008" marT="36576" marB="36576">{border}{fill}</a:tcPr></a:tc>'
            )
        body.append(f'<a:tr h="{height}">{"".join(tcs)}</a:tr>')
    total_h = sum(h for h, _c in rows)
    return (
        f'<p:graphicFrame {NS}><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{text(name)}"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{sum(widths)}" cy="{total_h}"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
        f'<a:tbl><a:tblPr firstRow="1" bandRow="0"/><a:tblGrid>{grid}</a:tblGrid>{"".join(body)}</a:tbl>'
        "</a:graphicData></a:graphic></p:graphicFrame>"
    )


@dataclass(frozen=True)
class Box:
    """A diagram node on the slide: id, name (shown and used as the shape name), EMU geometry, colours."""

    shape_id: int
    name: str
    x: int
    y: int
    w: int
    h: int
    fill: str
    line: str
    pill: bool = False
    bold: bool = False
    size: float = 11
    label: str | None = None  # the text shown, when it differs from the shape's name
    geom: str = "roundRect"  # a preset geometry: roundRect, ellipse, hexagon, octagon
    adj: int | None = None  # its "adj" value (corner radius, hexagon inset, octagon cut) in 1/100000 of the short side
    text_color: str = "#1F2430"


def box(b: Box) -> str:
    """A preset shape (a rounded rectangle unless told) with centred text, named after what it shows."""
    geom = b.geom
    value = b.adj if b.adj is not None else 50000 if b.pill else 12000
    adj = f'<a:gd name="adj" fmla="val {value}"/>' if geom != "ellipse" else ""
    label = paragraphs([Run((b.name if b.label is None else b.label) or "—", b.size, b.bold, b.text_color)], "ctr")
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{b.shape_id}" name="{text(b.name)[:250]}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{b.x}" y="{b.y}"/><a:ext cx="{b.w}" cy="{b.h}"/></a:xfrm>'
        f'<a:prstGeom prst="{geom}"><a:avLst>{adj}</a:avLst></a:prstGeom>'
        f'<a:solidFill><a:srgbClr val="{_hex(b.fill)}"/></a:solidFill>'
        f'<a:ln w="15875"><a:solidFill><a:srgbClr val="{_hex(b.line)}"/></a:solidFill></a:ln></p:spPr>'
        '<p:txBody><a:bodyPr lIns="45720" tIns="22860" rIns="45720" bIns="22860" anchor="ctr" wrap="square">'
        f'<a:normAutofit/></a:bodyPr><a:lstStyle/>{label}</p:txBody></p:sp>'
    )


def _site_list(b: Box) -> list[tuple[int, int]]:
    """The connection sites of `b`'s preset geometry, in the order of its cxnLst (ECMA-376 presets)."""
    x, y, w, h = b.x, b.y, b.w, b.h
    inset = round(min(w, h) * (b.adj if b.adj is not None else {"hexagon": 25000, "octagon": 29289}.get(b.geom, 0))
                  / 100000)
    if b.geom == "ellipse":
        dx, dy = round(w / 2 * (1 - math.sqrt(0.5))), round(h / 2 * (1 - math.sqrt(0.5)))
        return [(x + w // 2, y), (x + dx, y + dy), (x, y + h // 2), (x + dx, y + h - dy), (x + w // 2, y + h),
                (x + w - dx, y + h - dy), (x + w, y + h // 2), (x + w - dx, y + dy)]
    if b.geom == "hexagon":
        return [(x + w, y + h // 2), (x + w - inset, y + h), (x + inset, y + h), (x, y + h // 2), (x + inset, y),
                (x + w - inset, y)]
    if b.geom == "octagon":
        return [(x + w, y + inset), (x + w, y + h - inset), (x + w - inset, y + h), (x + inset, y + h),
                (x, y + h - inset), (x, y + inset), (x + inset, y), (x + w - inset, y)]
    return [(x + w // 2, y), (x, y + h // 2), (x + w // 2, y + h), (x + w, y + h // 2)]  # top, left, bottom, right


def _sites(a: Box, b: Box) -> tuple[int, int]:
    """The pair of connection sites of `a` and `b` nearest each other."""
    return site_pairs(a, b)[0]


def site_pairs(a: Box, b: Box) -> list[tuple[int, int]]:
    """Every pair of connection sites of `a` and `b`, the nearest first (the next ones keep parallel and
    opposite arrows between one pair apart)."""
    sa, sb = _site_list(a), _site_list(b)
    pairs = [(i, j) for i in range(len(sa)) for j in range(len(sb))]
    return sorted(pairs, key=lambda p: math.dist(sa[p[0]], sb[p[1]]))


def site_point(b: Box, idx: int) -> tuple[int, int]:
    """Where connection site `idx` of `b` is on the slide (EMU)."""
    return _site_list(b)[idx]


def _site(b: Box, idx: int) -> tuple[int, int]:
    return _site_list(b)[idx]


def connector(shape_id: int, name: str, a: Box, b: Box, color: str, width_pt: float, dashed: bool | str,
              sites: tuple[int, int] | None = None, head: bool = True) -> str:
    """A straight arrow glued from a connection site of `a` to one of `b` (moves with them in PowerPoint);
    `dashed` is True (dashed) or a preset dash name ("sysDot", "dashDot", ...); `sites` the pair of connection
    sites (the nearest by default); without a `head`, a plain line (a halo under an arrow)."""
    sa, sb = sites or _sites(a, b)
    (x1, y1), (x2, y2) = _site(a, sa), _site(b, sb)
    flip = (' flipH="1"' if x2 < x1 else "") + (' flipV="1"' if y2 < y1 else "")
    val = "dash" if dashed is True else dashed
    dash = f'<a:prstDash val="{val}"/>' if val else ""
    tail = '<a:tailEnd type="triangle" w="med" len="med"/>' if head else '<a:round/>'
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="{text(name)[:250]}"/><p:cNvCxnSpPr>'
        f'<a:stCxn id="{a.shape_id}" idx="{sa}"/><a:endCxn id="{b.shape_id}" idx="{sb}"/></p:cNvCxnSpPr><p:nvPr/>'
        f'</p:nvCxnSpPr><p:spPr><a:xfrm{flip}><a:off x="{min(x1, x2)}" y="{min(y1, y2)}"/>'
        f'<a:ext cx="{abs(x2 - x1)}" cy="{abs(y2 - y1)}"/></a:xfrm><a:prstGeom prst="straightConnector1">'
        f'<a:avLst/></a:prstGeom><a:ln w="{round(width_pt * EMU_PER_PT)}"><a:solidFill><a:srgbClr val="{_hex(color)}"/>'
        f'</a:solidFill>{dash}{tail}</a:ln></p:spPr></p:cxnSp>'
    )


def line_sample(shape_id: int, name: str, x: int, y: int, w: int, color: str, width_pt: float, dash: str = "") -> str:
    """A horizontal arrow `w` EMU long from (x, y) (a legend's sample of a line style)."""
    prst = f'<a:prstDash val="{dash}"/>' if dash else ""
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name="{text(name)[:250]}"/><p:cNvCxnSpPr/><p:nvPr/>'
        f'</p:nvCxnSpPr><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="0"/></a:xfrm>'
        f'<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom><a:ln w="{round(width_pt * EMU_PER_PT)}">'
        f'<a:solidFill><a:srgbClr val="{_hex(color)}"/></a:solidFill>{prst}'
        '<a:tailEnd type="triangle" w="med" len="med"/></a:ln></p:spPr></p:cxnSp>'
    )


def group(shape_id: int, name: str, x: int, y: int, w: int, h: int, children: list[str]) -> str:
    """A group shape around `children` (their coordinates are the slide's: child frame = group frame)."""
    return (
        f'<p:grpSp {NS}><p:nvGrpSpPr><p:cNvPr id="{shape_id}" name="{text(name)}"/><p:cNvGrpSpPr/><p:nvPr/>'
        f'</p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
        f'<a:chOff x="{x}" y="{y}"/><a:chExt cx="{w}" cy="{h}"/></a:xfrm></p:grpSpPr>{"".join(children)}</p:grpSp>'
    )
