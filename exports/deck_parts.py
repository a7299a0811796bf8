"""Parts of the deck: diagrams as glued shapes, promise and economics tables paged by estimated text height."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.util import Pt

from app import model as m
from app.layout_graph import NODE_SIZE
from app.palette import KindLook
from exports import fonts
from exports.geometry import build_diagram
from exports.i18n import Words
from exports.pptx_xml import FONT, Box, Run, TableCell, box, connector, group, line_sample, table, textbox
from exports.style import (
    GRANTED,
    INK,
    LINK_COLOR,
    MISSING,
    MUTED,
    STATUS_COLORS,
    STATUS_LOOKS,
    hex_rgb,
    kind_look,
)

if TYPE_CHECKING:
    from exports.deck import Deck

EMU_PT = 12700
CELL_LIMIT = 300  # characters of a deck table cell; the handout has the full text
TABLE_SIZE = 12.0  # points: readable from the back of the room
PRESETS = {"ellipse": "ellipse", "rounded": "roundRect", "hexagon": "hexagon", "octagon": "octagon"}
"""app.palette's shape names as DrawingML preset geometries."""
DASHES = {"solid": "", "dash": "dash", "dashdot": "dashDot", "dashdotdot": "sysDashDotDot", "dot": "sysDot"}
"""app.palette's dash names as DrawingML preset dashes."""


def _adj(look: KindLook, w: float, h: float) -> int | None:
    """The preset's "adj" that gives the screen's corners (radius 14, hexagon inset, octagon cut; scene units)."""
    short_side = min(w, h) or 1.0
    corner = {"rounded": 14.0, "hexagon": min(22.0, w / 6), "octagon": min(18.0, h / 4)}.get(look.shape)
    return None if corner is None else round(corner / short_side * 100000)


def clean(text: str | None) -> str:
    """Text without control characters (python-pptx refuses some)."""
    return fonts.clean(text or "")


def short(text: str | None, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis."""
    text = " ".join(clean(text).split()) if text and len(text) > limit else clean(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def errc_chars(canvas: m.Canvas) -> int:
    """How much text the ERRC grid would hold (to decide whether it fits beside the chart)."""
    return sum(len(f.name) + 3 for f in canvas.factors if f.errc)


def fill_cell(cell, value: str, size: float, bold: bool, color: str, fill: str) -> None:
    """A python-pptx table cell with one run per line, filled with `fill`."""
    cell.fill.solid()
    cell.fill.fore_color.rgb = RGBColor(*hex_rgb(fill))
    frame = cell.text_frame
    frame.word_wrap = True
    for i, line in enumerate(clean(value).split("\n")):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = p.add_run()
        run.text = line
        run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
        run.font.color.rgb = RGBColor(*hex_rgb(color))


def blanks_as_gaps(chart) -> None:
    """Unscored levels show as gaps in the curve (not as zero)."""
    space = chart._chartSpace
    ns = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    chart_el = space.find(f"{{{ns}}}chart")
    blanks = chart_el.find(f"{{{ns}}}dispBlanksAs")
    if blanks is None:
        blanks = parse_xml(f'<c:dispBlanksAs xmlns:c="{ns}" val="gap"/>')
        plot_vis = chart_el.find(f"{{{ns}}}plotVisOnly")
        (plot_vis.addnext if plot_vis is not None else chart_el.append)(blanks)
    blanks.set("val", "gap")


def diagram_group(workshop: m.Workshop, name: str, words: Words, x: int, y: int, w: int, h: int) -> str:
    """The diagram as one group: a rounded box per node named after it, connectors glued to the boxes."""
    d = build_diagram(workshop, name)
    sizes = {n.id: NODE_SIZE.get(n.kind, NODE_SIZE["service"]) for n in d.nodes.values()}
    left, top, right, bottom = d.bounds
    if d.nodes:
        left = min(n.cx - sizes[n.id][0] / 2 for n in d.nodes.values())
        top = min(n.cy - sizes[n.id][1] / 2 for n in d.nodes.values())
        right = max(n.cx + sizes[n.id][0] / 2 for n in d.nodes.values())
        bottom = max(n.cy + sizes[n.id][1] / 2 for n in d.nodes.values())
    legend_h = 300000
    scale = min(w / (right - left or 1), (h - legend_h) / (bottom - top or 1), 9144.0)  # EMU per scene unit
    ox = x + (w - (right - left) * scale) / 2
    oy = y
    boxes: dict[str, Box] = {}
    next_id = 1000
    for node in d.nodes.values():
        look = kind_look(node.kind)
        nw, nh = sizes[node.id]
        bw, bh = nw * scale, nh * scale
        size = max(5.0, min(14.0, bh / EMU_PT * 0.27))
        boxes[node.id] = Box(next_id, node.label or "—", round(ox + (node.cx - left) * scale - bw / 2),
                             round(oy + (node.cy - top) * scale - bh / 2), round(bw), round(bh), look.fill,
                             look.border, bold=node.kind in ("segment", "council"), size=size,
                             geom=PRESETS.get(look.shape, "roundRect"), adj=_adj(look, nw, nh), text_color=look.text)
        next_id += 1
    width_pt = max(0.5, min(2.25, scale / 9144 * 2.25))
    arrows = []
    for e in d.edges:
        a, b = boxes[e.source], boxes[e.target]
        arrow_look = STATUS_LOOKS.get(e.status)
        color = STATUS_COLORS[e.status] if arrow_look else LINK_COLOR
        width = width_pt * (arrow_look.width if arrow_look else 2.0) / 2.2
        label = f"{e.number}. {a.name} → {b.name}" if e.number else f"{a.name} → {b.name}"
        dash = DASHES.get(arrow_look.dash, "") if arrow_look else ""
        arrows.append(connector(next_id, label, a, b, color, width, dash))
        next_id += 1
    children = arrows + [box(b) for b in boxes.values()]
    children += _legend(words, d.name, x, y + h - legend_h + 60000, next_id)
    title = words["promise_map"] if name == "promises" else words["structure"]
    return group(999, title, x, y, w, h, children)


def _legend(words: Words, name: str, x: int, y: int, first_id: int) -> list[str]:
    """Swatches of the four kinds (their shapes) and, on the promise map, a short line per status (its dash)."""
    out, cx, next_id = [], x, first_id
    for kind in ("segment", "client_facing", "service", "council"):
        look, label = kind_look(kind), words[kind]
        out.append(box(Box(next_id, f"Legend: {label}", cx, y + 30000, 300000, 160000, look.fill, look.border,
                           geom=PRESETS.get(look.shape, "roundRect"), adj=_adj(look, 300, 160), label=" ")))
        out.append(textbox(next_id + 1, f"Legend: {label}", cx + 340000, y, len(label) * 70000, 220000,
                           [Run(label, 9, False, INK)], anchor="ctr"))
        cx, next_id = cx + 380000 + len(label) * 70000, next_id + 2
    if name == "promises":
        for status in ("negotiating", "accepted", "kept", "broken"):
            status_look, label = STATUS_LOOKS[status], words[status]
            out.append(line_sample(next_id, f"Legend: {label}", cx, y + 110000, 300000, STATUS_COLORS[status],
                            status_look.width * 0.75, DASHES.get(status_look.dash, "")))
            out.append(textbox(next_id + 1, f"Legend: {label}", cx + 340000, y, len(label) * 70000, 220000,
                               [Run(label, 9, False, INK)], anchor="ctr"))
            cx, next_id = cx + 380000 + len(label) * 70000, next_id + 2
    return out


def _lines(text: str, width_emu: int, size: float) -> int:
    """Lines `text` takes in a column (measured in PT Sans, ~6% narrower than Calibri, plus slack for words)."""
    room = width_emu / EMU_PT
    parts = (text or "—").split("\n")
    return sum(max(1, math.ceil(fonts.width(part, fonts.SANS, size) * 1.06 / room)) for part in parts)


def _paged(deck: Deck, title: str, header: list[str], rows: list[list[TableCell]], widths: list[int]) -> None:
    """Table slides of `rows` under `header`, as many rows per slide as fit at TABLE_SIZE."""
    from exports.deck import CONTENT_TOP, MARGIN

    room = 6858000 - CONTENT_TOP - 560000
    head = [TableCell((Run(h, TABLE_SIZE - 1, True, "#FFFFFF"),), deck.accent) for h in header]
    head_h = int(TABLE_SIZE * 2.1 * EMU_PT)
    one_line = int(TABLE_SIZE * 1.2 * EMU_PT + 73152)
    page: list[tuple[int, list[TableCell]]] = []
    used = head_h
    pages = []
    for cells in rows:
        lines = max(sum(_lines(r.text, wd - 128016, r.size) for r in c.runs)
                    for c, wd in zip(cells, widths, strict=False))
        height = int(lines * TABLE_SIZE * 1.2 * EMU_PT + 73152 + 20000)
        if page and used + height > room:
            pages.append(page)
            page, used = [], head_h
        page.append((one_line, cells))  # stored heights are minimums: PowerPoint grows a row to its text
        used += height
    if page or not pages:
        pages.append(page)
    for n, page in enumerate(pages, start=1):
        suffix = f" ({n}/{len(pages)})" if len(pages) > 1 else ""
        xml = table(2000, f"{title}{suffix}", MARGIN, CONTENT_TOP, widths, [(head_h, head), *page], deck.lang)
        deck.fixed_slide(title + suffix, extra=xml)


def _cell(text: str, *, bold: bool = False, color: str = INK, fill: str | None = None, align: str = "l") -> TableCell:
    return TableCell((Run(short(text, CELL_LIMIT) or "—", TABLE_SIZE, bold, color),), fill, align)


def promise_slides(deck: Deck) -> None:
    """The promise system, numbered as in the handout, paged so that text stays at 12 pt; of the grants
    only the missing ones are named (what the board has to decide), the full lists are in the handout."""
    w, words = deck.w, deck.words
    names = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
    widths = [int(x * 914400) for x in (0.5, 2.6, 3.5, 2.45, 1.2, 2.08)]
    header = [words["no"], f"{words['from']} → {words['to'].lower()}", words["promise"],
              f"{words['metric']} — {words['target'].lower()}", words["status"], words["missing"]]
    rows = []
    for i, p in enumerate(w.promises, start=1):
        grants = (*p.authorities, *p.resources)
        missing = [Run("✗ " + short(g.text, 90), TABLE_SIZE - 1, False, MISSING) for g in grants if not g.granted]
        if not grants:
            missing = [Run(words["nothing_listed"], TABLE_SIZE - 1, False, MUTED)]
        elif not missing:
            missing = [Run("✓ " + words["all_granted"], TABLE_SIZE - 1, False, GRANTED)]
        metric = " — ".join(x for x in (short(p.metric, 150), short(p.target, 80)) if x)
        who = f"{short(names.get(p.from_, p.from_), 80)} → {short(names.get(p.to, p.to), 80)}"
        rows.append([_cell(str(i), color=MUTED, align="r"), _cell(who), _cell(p.text), _cell(metric),
                     _cell(words[p.status], bold=True, color=STATUS_COLORS.get(p.status, INK)),
                     TableCell(tuple(missing[:6]))])
    _paged(deck, words["promises"], header, rows, widths)


def economics_slides(deck: Deck) -> None:
    """Team economics (margin = revenue − costs) and success indicators, paged."""
    w, words = deck.w, deck.words
    widths = [int(x * 914400) for x in (2.5, 1.7, 1.5, 1.5, 1.5, 2.6, 1.03)]
    header = [words["team"], words["kind"], words["revenue"], words["costs"], words["margin"], words["indicator"],
              f"{words['target']} / {words['current']}"]
    rows = []
    for t in w.teams:
        e = t.economics or m.Economics()
        margin = e.margin
        ind = t.indicator or m.Indicator()
        goal = " / ".join(x for x in (ind.target, ind.current) if x)
        rows.append([_cell(t.name, bold=True), _cell(words[t.kind], color=MUTED),
                     _cell(words.money(e.revenue, e.currency), align="r"),
                     _cell(words.money(e.costs, e.currency), align="r"),
                     _cell(words.money(margin, e.currency), bold=True, align="r",
                           color=MISSING if margin is not None and margin < 0 else INK),
                     _cell(ind.name), _cell(goal)])
    _paged(deck, words["economics"], header, rows, widths)
