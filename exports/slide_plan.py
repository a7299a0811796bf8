"""One plan for the slides: the deck and the PDF slides cut a table or a dense diagram into the same slides,
titled alike."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app import model as m
from app.layout_graph import NODE_SIZE
from exports import fonts
from exports.geometry import Diagram, Node, build_diagram
from exports.i18n import Words
from exports.pptx_xml import TableCell
from exports.scope import Scope, story_diagrams

EMU_PT = 12700
TABLE_SIZE = 12.0  # points: readable from the back of the room
SLIDE_H = 6858000  # 7.5 in
CONTENT_TOP = 1280160  # 1.4 in: below the kicker and the title
ROOM = SLIDE_H - CONTENT_TOP - 560000
"""The height a table may take on a slide (EMU), above the footer."""
CELL_PAD = 128016  # a cell's left and right insets together (EMU)
ROW_PAD = 73152 + 20000  # a row's top and bottom insets and slack (EMU)


@dataclass
class TableSlide:
    """One slide of a table: its title (numbered «(2/3)» when the table takes several), header, rows and column
    widths in EMU."""

    title: str
    header: list[str]
    rows: list[list[TableCell]]
    widths: list[int]


@dataclass
class Recorder:
    """Stands in for the deck while the PDF slides take its table slides: the same rows, cut the same way."""

    w: m.Workshop
    words: Words
    accent: str
    lang: str = "ru-RU"
    recorded: list[TableSlide] = field(default_factory=list)


def lines(text: str, width_emu: int, size: float) -> int:
    """Lines `text` takes in a column (measured in PT Sans, ~6% narrower than Calibri, plus slack for words)."""
    room = max(1.0, width_emu / EMU_PT)
    parts = (text or "—").split("\n")
    return sum(max(1, math.ceil(fonts.width(part, fonts.SANS, size) * 1.06 / room)) for part in parts)


def row_height(cells: list[TableCell], widths: list[int]) -> int:
    """The height (EMU) a row of cells takes at its tallest cell."""
    tallest = max((sum(lines(r.text, wd - CELL_PAD, r.size) for r in c.runs) for c, wd in zip(cells, widths,
                                                                                                strict=False)),
                  default=1)
    return int(tallest * TABLE_SIZE * 1.2 * EMU_PT + ROW_PAD)


def head_height() -> int:
    """The header row's height (EMU): two lines of bold labels."""
    return int(TABLE_SIZE * 2.1 * EMU_PT)


def cut(rows: list[list[TableCell]], widths: list[int], room: int = ROOM) -> list[list[list[TableCell]]]:
    """`rows` cut into slide-sized chunks under the header in `room`: each slide takes as many rows as fit, but the
    last two share theirs evenly (a table a row too long for one slide comes as two half-full slides, not a full one
    and one with a row or two, such as an organisation's total alone)."""
    heights = [row_height(cells, widths) for cells in rows]
    starts = _fill(heights, room)
    if starts:  # the least room in which the last two slides' rows still take two slides
        first = starts[-2] if len(starts) > 1 else 0
        tail = heights[first:]
        low, high = max(tail) + head_height() - 1, room
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (low, middle) if len(_fill(tail, middle)) <= 1 else (middle, high)
        starts[-1] = first + _fill(tail, high)[0]
    return [rows[start:end] for start, end in zip([0, *starts], [*starts, len(rows)], strict=True)
            if end > start or not rows]


def _fill(heights: list[int], room: int) -> list[int]:
    """Where each slide after the first starts, when each takes as many rows as fit under the header in `room`."""
    starts: list[int] = []
    used = head_height()
    for k, height in enumerate(heights):
        if k and used + height > room:
            starts.append(k)
            used = head_height()
        used += height
    return starts


def table_slides(title: str, header: list[str], rows: list[list[TableCell]], widths: list[int]) -> list[TableSlide]:
    """The slides of one table, in order, titled «title (n/N)» when there are several."""
    pages = cut(rows, widths)
    return [TableSlide(f"{title} ({n}/{len(pages)})" if len(pages) > 1 else title, header, page, widths)
            for n, page in enumerate(pages, start=1)]


def recorded(deck: Any) -> list[TableSlide] | None:
    """The list a `Recorder` keeps table slides in (None for a real deck)."""
    return getattr(deck, "recorded", None)


# ------------------------------------------------------------------ diagrams
SLIDE_W = 12192000  # 13.333 in
MARGIN = 457200  # 0.5 in
DIAGRAM_W = SLIDE_W - 2 * MARGIN
DIAGRAM_H = SLIDE_H - CONTENT_TOP - 520000
LEGEND_H = 600000
MIN_LABEL = 12.0
"""Points: no label on a slide is smaller; a diagram that would need smaller labels is split over slides."""
MAX_SCALE = 9144.0  # EMU per scene unit: a small diagram is not blown up past this


def node_size(node: Node) -> tuple[float, float]:
    """A node's box on a slide (scene units), by its kind."""
    return NODE_SIZE.get(node.kind, NODE_SIZE["service"])


def diagram_scale(nodes: Iterable[Node], width: int = DIAGRAM_W, height: int = DIAGRAM_H) -> float:
    """EMU per scene unit that fits the boxes of `nodes` into a slide's diagram area above the legend."""
    boxes = [(n.cx - node_size(n)[0] / 2, n.cy - node_size(n)[1] / 2, n.cx + node_size(n)[0] / 2,
              n.cy + node_size(n)[1] / 2) for n in nodes]
    if not boxes:
        return MAX_SCALE
    span_x = max(b[2] for b in boxes) - min(b[0] for b in boxes)
    span_y = max(b[3] for b in boxes) - min(b[1] for b in boxes)
    return min(width / (span_x or 1), (height - LEGEND_H) / (span_y or 1), MAX_SCALE)


def label_size(node: Node, scale: float) -> float:
    """The point size of a node's label on a slide at `scale`: about a quarter of its box's height, up to 14."""
    return min(14.0, node_size(node)[1] * scale / EMU_PT * 0.27)


def _readable(nodes: list[Node]) -> bool:
    scale = diagram_scale(nodes)
    return all(label_size(n, scale) >= MIN_LABEL for n in nodes)


def split_nodes(nodes: list[Node], links: Iterable[tuple[str, str]] = ()) -> list[list[Node]]:
    """`nodes` in parts whose slides have labels of at least MIN_LABEL: cut across the direction that limits the
    scale, near the middle where the fewest of `links` (arrows as source and target ids) cross, until each part is
    readable (left to right, top to bottom); then a party left without any arrow on its slide joins the slide with
    most of its partners, where that one stays readable."""
    links = list(links)
    return _rehomed(_strips(nodes, links), links)


def _strips(nodes: list[Node], links: list[tuple[str, str]]) -> list[list[Node]]:
    """The cuts of `split_nodes`, before any party moves."""
    if len(nodes) <= 1 or _readable(nodes):
        return [nodes]
    xs = [n.cx for n in nodes]
    ys = [n.cy for n in nodes]
    wide = (max(xs) - min(xs) + 200) / DIAGRAM_W >= (max(ys) - min(ys) + 90) / (DIAGRAM_H - LEGEND_H)
    ordered = sorted(nodes, key=(lambda n: (n.cx, n.cy)) if wide else (lambda n: (n.cy, n.cx)))
    at = _cut(ordered, links)
    return _strips(ordered[:at], links) + _strips(ordered[at:], links)


def _rehomed(parts: list[list[Node]], links: list[tuple[str, str]]) -> list[list[Node]]:
    """`parts` with each party that has no partner on its own part moved to the part holding most of its partners
    (the nearest of those first), if that part's labels stay readable with it; parts left empty are dropped."""
    partners: dict[str, set[str]] = {}
    for source, target in links:
        if source != target:
            partners.setdefault(source, set()).add(target)
            partners.setdefault(target, set()).add(source)
    part_of = {n.id: k for k, part in enumerate(parts) for n in part}
    for k, part in enumerate(parts):
        for node in list(part):
            mine = partners.get(node.id, set())
            if not mine or any(part_of.get(other) == k for other in mine):
                continue
            counts: dict[int, int] = {}
            for other in mine:
                if other in part_of:
                    counts[part_of[other]] = counts.get(part_of[other], 0) + 1
            for home in sorted(counts, key=lambda j: (-counts[j], abs(j - k))):
                if _readable([*parts[home], node]):
                    part.remove(node)
                    parts[home].append(node)
                    part_of[node.id] = home
                    break
    return [part for part in parts if part]


def _cut(ordered: list[Node], links: list[tuple[str, str]]) -> int:
    """Where to cut `ordered` in two: in its middle third, where the fewest links cross; the nearest the middle of
    those."""
    rank = {n.id: k for k, n in enumerate(ordered)}
    starts = [0] * (len(ordered) + 2)  # a link from rank a to rank b > a crosses each cut k with a < k <= b
    for source, target in links:
        if source in rank and target in rank and rank[source] != rank[target]:
            low, high = sorted((rank[source], rank[target]))
            starts[low + 1] += 1
            starts[high + 1] -= 1
    crossing, running = [], 0
    for k in range(len(ordered) + 1):
        running += starts[k]
        crossing.append(running)
    middle = len(ordered) / 2
    third = len(ordered) // 3
    return min(range(max(1, third), max(1, len(ordered) - third) + 1),
               key=lambda k: (crossing[k], abs(k - middle)))


def part_of(diagram: Diagram, nodes: list[Node]) -> Diagram:
    """The diagram with only `nodes` and the arrows between them."""
    keep = {n.id: n for n in nodes}
    edges = [e for e in diagram.edges if e.source in keep and e.target in keep]
    return Diagram(diagram.name, keep, edges)


SUMMARY_DIAGRAM_SLIDES = 28
"""A summary's diagram slides at most (its deck stays within 40 slides): the maps of the most promised segments
that fit whole; every map with --full."""


def diagram_slides(w: m.Workshop, scope: Scope, words: Words) -> list[tuple[str, m.Workshop, Diagram]]:
    """(title, workshop, diagram part) of every diagram slide of the deck and the PDF slides: the story's
    diagrams, each split over numbered slides («(2/3)») when one slide would print its labels under 12 pt."""
    out: list[tuple[str, m.Workshop, Diagram]] = []
    budget = SUMMARY_DIAGRAM_SLIDES if scope.summary and not scope.full else None
    for title, workshop, name in story_diagrams(w, scope, words):
        diagram = build_diagram(workshop, name)
        parts = split_nodes(list(diagram.nodes.values()), [(e.source, e.target) for e in diagram.edges])
        if budget is not None and out and len(out) + len(parts) > budget:
            break
        if len(parts) == 1:
            out.append((title, workshop, diagram))
            continue
        out += [(f"{title} ({n}/{len(parts)})", workshop, part_of(diagram, part))
                for n, part in enumerate(parts, start=1)]
    return out
