"""Parts of the deck: diagrams as glued shapes, promise and economics tables paged by estimated text height."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.util import Pt

from app import model as m
from app.layout_graph import NODE_SIZE
from app.palette import KindLook
from app.promise_tree import promise_numbers, tree_ordered
from exports import fonts
from exports import slide_plan as plan
from exports.draw_diagram import HALO, PROBLEM_GLYPHS
from exports.geometry import Diagram, build_diagram
from exports.i18n import Words
from exports.pptx_xml import (
    FONT,
    Box,
    Run,
    TableCell,
    box,
    connector,
    group,
    line_sample,
    site_pairs,
    site_point,
    table,
    textbox,
)
from exports.style import (
    GRANTED,
    INK,
    LINK_COLOR,
    MISSING,
    MUTED,
    PROBLEM,
    STATUS_COLORS,
    STATUS_LOOKS,
    hex_rgb,
    kind_look,
    readable,
)

if TYPE_CHECKING:
    from exports.deck import Deck

EMU_PT = 12700
CELL_LIMIT = 300  # characters of a deck table cell; the handout has the full text
TABLE_SIZE = plan.TABLE_SIZE  # points: readable from the back of the room
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


def diagram_group(workshop: m.Workshop, name: str, words: Words, x: int, y: int, w: int, h: int,
                  built: Diagram | None = None) -> str:
    """The diagram (or `built`, a part of it from the slide plan) as one group: a shape per node named after it
    and its id («Логистика [t-log]»), connectors glued to the nearest sides (opposite and parallel ones on the
    next sides), method errors under a halo with a marker, and a legend of what occurs; labels of at least 12 pt
    (the slide plan splits a diagram that would need smaller ones)."""
    d = built or build_diagram(workshop, name)
    sizes = {n.id: NODE_SIZE.get(n.kind, NODE_SIZE["service"]) for n in d.nodes.values()}
    left, top, right, bottom = d.bounds
    if d.nodes:
        left = min(n.cx - sizes[n.id][0] / 2 for n in d.nodes.values())
        top = min(n.cy - sizes[n.id][1] / 2 for n in d.nodes.values())
        right = max(n.cx + sizes[n.id][0] / 2 for n in d.nodes.values())
        bottom = max(n.cy + sizes[n.id][1] / 2 for n in d.nodes.values())
    legend_h = 600000
    scale = min(w / (right - left or 1), (h - legend_h) / (bottom - top or 1), 9144.0)  # EMU per scene unit
    ox = x + (w - (right - left) * scale) / 2
    oy = y
    boxes: dict[str, Box] = {}
    next_id = 1000
    for node in d.nodes.values():
        look = kind_look(node.kind)
        nw, nh = sizes[node.id]
        bw, bh = nw * scale, nh * scale
        size = max(plan.MIN_LABEL, min(14.0, bh / EMU_PT * 0.27))
        label = node.label or "—"
        shape_name = label if node.id.startswith("group:") else f"{label} [{node.id}]"
        boxes[node.id] = Box(next_id, shape_name, round(ox + (node.cx - left) * scale - bw / 2),
                             round(oy + (node.cy - top) * scale - bh / 2), round(bw), round(bh), look.fill,
                             look.border, bold=node.kind in ("segment", "council"), size=size, label=label,
                             geom=PRESETS.get(look.shape, "roundRect"), adj=_adj(look, nw, nh), text_color=look.text)
        next_id += 1
    width_pt = max(0.5, min(2.25, scale / 9144 * 2.25))
    texts = {p.id: p.text for p in workshop.promises}
    halos, arrows, marks = [], [], []
    used: dict[tuple[str, str], int] = {}
    for e in d.edges:
        a, b = boxes[e.source], boxes[e.target]
        arrow_look = STATUS_LOOKS.get(e.status)
        color = STATUS_COLORS[e.status] if arrow_look else LINK_COLOR
        width = width_pt * (arrow_look.width if arrow_look else 2.0) / 2.2
        pair = (min(e.source, e.target), max(e.source, e.target))
        choices = site_pairs(a, b)
        sites = choices[min(used.get(pair, 0), len(choices) - 1)]
        used[pair] = used.get(pair, 0) + 1
        what = short(texts.get(e.id), 80) or f"{a.label} → {b.label}"
        label = f"{e.number}. {what} [{e.id}]" if e.number else f"{what} [{e.id}]"
        dash = DASHES.get(arrow_look.dash, "") if arrow_look else ""
        arrows.append(connector(next_id, label, a, b, color, width, dash, sites))
        next_id += 1
        if e.problem in PROBLEM_GLYPHS:
            halos.append(connector(next_id, f"{words['err_' + e.problem]} [{e.id}]", a, b, HALO,
                                   width + 6.0, "", sites, head=False))
            (x1, y1), (x2, y2) = site_point(a, sites[0]), site_point(b, sites[1])
            side = 240000
            marks.append(box(Box(next_id + 1, f"{words['err_' + e.problem]} [{e.id}]", (x1 + x2) // 2 - side // 2,
                                 (y1 + y2) // 2 - side // 2, side, side, PROBLEM, "#FFFFFF", bold=True, size=12,
                                 label=PROBLEM_GLYPHS[e.problem], geom="triangle", text_color="#FFFFFF")))
            next_id += 2
    children = halos + arrows + [box(b) for b in boxes.values()] + marks
    children += _legend(words, d, x, y + h - legend_h + 60000, w, next_id)
    title = words["promise_map"] if name == "promises" else words["structure"]
    return group(999, title, x, y, w, h, children)


def _legend(words: Words, diagram: Diagram, x: int, y: int, w: int, first_id: int) -> list[str]:
    """Swatches of the kinds that occur (their shapes), then on the promise map a short line per status that
    occurs (its dash) and the method errors that occur (halo and marker); two rows when one is not enough."""
    out, cx, cy, next_id = [], x, y, first_id
    kinds = {n.kind for n in diagram.nodes.values()}
    items: list[tuple[str, str]] = [("box", k) for k in ("segment", "client_facing", "service", "council")
                                    if k in kinds]
    if diagram.name == "promises":
        present = {e.status for e in diagram.edges}
        items += [("status", st) for st in (*m.PROMISE_STATUSES, "mixed") if st in present]
        problems = {e.problem for e in diagram.edges}
        items += [("problem", p) for p in PROBLEM_GLYPHS if p in problems]
    elif diagram.edges:
        items.append(("link", ""))
    for what, key in items:
        label = words[f"err_{key}"] if what == "problem" else words["serves"] if what == "link" else words[key]
        step = 380000 + len(label) * 84000  # 12 pt labels: readable from the back of the room
        if cx > x and cx + step > x + w:
            cx, cy = x, cy + 260000
        if what == "box":
            look = kind_look(key)
            out.append(box(Box(next_id, f"Legend: {label}", cx, cy + 30000, 300000, 160000, look.fill, look.border,
                               geom=PRESETS.get(look.shape, "roundRect"), adj=_adj(look, 300, 160), label=" ")))
        elif what == "problem":
            out.append(line_sample(next_id, f"Legend: {label}", cx, cy + 110000, 300000, HALO, 6.0))
            out.append(box(Box(next_id + 2, f"Legend: {label}", cx + 35000, cy - 15000, 230000, 230000, PROBLEM,
                               "#FFFFFF", bold=True, size=12, label=PROBLEM_GLYPHS[key], geom="triangle",
                               text_color="#FFFFFF")))
        else:
            status_look = STATUS_LOOKS.get(key)
            color = STATUS_COLORS.get(key, LINK_COLOR) if what == "status" else LINK_COLOR
            out.append(line_sample(next_id, f"Legend: {label}", cx, cy + 110000, 300000, color,
                                   status_look.width * 0.75 if status_look else 1.5,
                                   DASHES.get(status_look.dash, "") if status_look else ""))
        out.append(textbox(next_id + 1, f"Legend: {label}", cx + 340000, cy, len(label) * 84000, 220000,
                           [Run(label, 12, False, INK)], anchor="ctr"))
        cx, next_id = cx + step, next_id + 3
    return out


def _paged(deck: Deck, title: str, header: list[str], rows: list[list[TableCell]], widths: list[int]) -> None:
    """Table slides of `rows` under `header`, cut by the slide plan that the PDF slides follow too (a `Recorder`
    standing in for the deck only keeps them)."""
    from exports.deck import CONTENT_TOP, MARGIN

    slides = plan.table_slides(title, header, rows, widths)
    keep = plan.recorded(deck)
    if keep is not None:
        keep.extend(slides)
        return
    head_h = plan.head_height()
    one_line = int(TABLE_SIZE * 1.2 * EMU_PT + 73152)
    for s in slides:
        head = [TableCell((Run(h, TABLE_SIZE, True, "#FFFFFF"),), deck.accent) for h in s.header]
        body = [(one_line, cells) for cells in s.rows]  # stored heights are minimums: PowerPoint grows a row
        xml = table(2000, s.title, MARGIN, CONTENT_TOP, s.widths, [(head_h, head), *body], deck.lang)
        deck.fixed_slide(s.title, extra=xml)


def _cell(text: str, *, bold: bool = False, color: str = INK, fill: str | None = None, align: str = "l") -> TableCell:
    """A deck table cell; its text colour deepened to 4.5:1 contrast on white where needed."""
    return TableCell((Run(short(text, CELL_LIMIT) or "—", TABLE_SIZE, bold, readable(color)),), fill, align)


def promise_slides(deck: Deck) -> None:
    """The promise system, numbered as in the handout, paged so that text stays at 12 pt; of the grants
    only the missing ones are named (what the board has to decide), the full lists are in the handout."""
    w, words = deck.w, deck.words
    names = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
    widths = [int(x * 914400) for x in (0.5, 2.6, 3.5, 2.45, 1.2, 2.08)]
    header = [words["no"], f"{words['from']} → {words['to'].lower()}", words["promise"],
              f"{words['metric']} — {words['target'].lower()}", words["status"], words["missing"]]
    rows = []
    numbers = promise_numbers(w)  # the tree of promises' numbers, in its order: as the map and the table show them
    for p in tree_ordered(w):
        i = numbers.get(p.id, "")
        grants = (*p.authorities, *p.resources)
        missing = [Run("✗ " + short(g.text, 90), TABLE_SIZE, False, readable(MISSING)) for g in grants
                   if not g.granted]
        if not grants:
            missing = [Run(words["nothing_listed"], TABLE_SIZE, False, MUTED)]
        elif not missing:
            missing = [Run("✓ " + words["all_granted"], TABLE_SIZE, False, readable(GRANTED))]
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
    from exports.economics_slides import market_slides  # it builds on this module's cells

    market_slides(deck)


def promise_summary_slides(deck: Deck) -> None:
    """A large workshop's promises: counts by status and method error, then the worst promises, paged."""
    from exports.summary import WORST_LIMIT, error_counts, status_counts, worst_promises

    w, words = deck.w, deck.words
    total = len(w.promises) or 1
    rows = [[_cell(words[st], bold=True, color=STATUS_COLORS.get(st, INK)), _cell(words.number(n), align="r"),
             _cell(f"{n / total:.0%}".replace("%", "\u00a0%"), align="r")] for st, n in status_counts(w).items()]
    rows += [[_cell(words[f"err_{e}"], bold=True, color=MISSING), _cell(words.number(n), align="r"),
              _cell(f"{n / total:.0%}".replace("%", "\u00a0%"), align="r")] for e, n in error_counts(w).items() if n]
    widths = [int(x * 914400) for x in (6.0, 3.0, 3.33)]
    _paged(deck, words["promise_summary"], [words["status"], words["count"], words["share"]], rows, widths)
    names = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
    worst = worst_promises(w, WORST_LIMIT // 2)
    if not worst:
        return
    rows = [[_cell(str(i), color=MUTED, align="r"),
             _cell(f"{short(names.get(p.from_, p.from_), 60)} → {short(names.get(p.to, p.to), 60)}"),
             _cell(p.text), _cell(words[p.status], bold=True, color=STATUS_COLORS.get(p.status, INK)),
             _cell(words[f"err_{error}"], color=MISSING)] for i, p, error in worst]
    widths = [int(x * 914400) for x in (0.6, 3.2, 4.2, 1.5, 2.83)]
    header = [words["no"], f"{words['from']} → {words['to'].lower()}", words["promise"], words["status"],
              words["problem"]]
    _paged(deck, words["worst_promises"], header, rows, widths)


def economics_totals_slide(deck: Deck) -> None:
    """A large workshop's economics after settlement: totals per team kind and for all teams, per currency."""
    from exports.economics_words import say
    from exports.summary import economics_totals

    words = deck.words
    rows = []
    for row in economics_totals(deck.w):
        label = words[row.kind] if row.kind else f"{words['all_teams']} ({words.period(row.period)})"
        rows.append([_cell(label, bold=not row.kind), _cell(words.number(row.teams), align="r"),
                     _cell(words.money(row.revenue, row.currency), align="r"),
                     _cell(words.money(row.costs, row.currency), align="r"),
                     _cell(words.money(row.settlement, row.currency), align="r"),
                     _cell(words.money(row.margin, row.currency), bold=True, align="r",
                           color=MISSING if row.at_a_loss else INK),
                     _cell(words.number(row.losses), align="r", color=MISSING if row.losses else MUTED),
                     _cell(words.number(row.cost_centres), align="r", color=MUTED)])
    widths = [int(x * 914400) for x in (2.5, 0.9, 1.65, 1.6, 1.6, 1.75, 1.1, 1.23)]
    header = [words["kind"], words["teams_n"], say(words, "client_revenue"), say(words, "own_costs"),
              say(words, "settlement_net"), say(words, "settled_margin"), words["losses"], say(words, "cost_centres")]
    _paged(deck, words["economics_totals"], header, rows, widths)
