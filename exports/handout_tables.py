"""The handout's tables: promises, teams (economics, indicators), experiments, findings, factors."""

from __future__ import annotations

import functools
import re

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer

from app import model as m
from app.promise_tree import promise_numbers, tree_ordered, widest
from exports import fonts
from exports.context import Ctx
from exports.pdf_flow import TextCell
from exports.pdf_grid import Cell, Grid, Part
from exports.pdf_styles import para
from exports.scope import Scope, has_economics, has_indicators
from exports.style import ERRC_COLORS, GRANTED, INK, MISSING, MUTED, SEVERITY_COLORS, STATUS_COLORS

CELL_LIMIT = 700  # characters of one table cell; longer texts go to the appendix
CHUNK = 45  # rows per table: short tables keep page breaking cheap


def grids(ctx: Ctx, header: list[Cell], rows: list[list[Cell]], widths: list[float]) -> list[Flowable]:
    """`rows` under `header` as tables of at most CHUNK rows in the accent colour, each column at least as wide
    as its widest number and short word (those are never split)."""
    widths = fit_columns(header, rows, widths, _size(ctx))
    return [Grid(header, rows[i : i + CHUNK], widths, _size(ctx), header_color=ctx.branding.accent)
            for i in range(0, max(1, len(rows)), CHUNK)]


SHORT_WORD = 12
"""Words up to this many characters are never hyphenated: a column is made wide enough for them."""
SAMPLE_ROWS = 150
"""Rows measured to size the columns (evenly spread over a long table)."""
_TOKEN = re.compile(r"[^ \n]+")


@functools.lru_cache(maxsize=16384)
def _unbreakable(text: str) -> tuple[str, ...]:
    """The parts of `text` a line must not break: numbers (with their non-breaking spaces) and short words."""
    return tuple(t for t in _TOKEN.findall(text) if any(ch.isdigit() for ch in t) or len(t) <= SHORT_WORD)


def fit_columns(header: list[Cell], rows: list[list[Cell]], widths: list[float], size: float) -> list[float]:
    """`widths` changed so that each column holds its widest unbreakable part, the room taken from the columns
    that have some to spare (in proportion to it)."""
    pad = 2 * max(3.5, size * 0.5) + 0.5
    step = max(1, len(rows) // SAMPLE_ROWS)
    parts: list[set[tuple[str, str]]] = [set() for _ in widths]  # each (token, font) measured once per column
    for row in [header, *rows[::step]]:
        for k, c in enumerate(row[: len(widths)]):
            for text, font, _color in c.parts:
                parts[k].update((token, font) for token in _unbreakable(text))
    need = [max((fonts.width(token, font, size) + pad for token, font in column), default=0.0) for column in parts]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    spare = [max(0.0, w - n) for n, w in zip(need, widths, strict=True)]
    if short <= 0 or sum(spare) < short:
        return list(widths)
    out = []
    for n, w, s in zip(need, widths, spare, strict=True):
        out.append(n if n > w else w - short * s / sum(spare))
    return out


def header_cells(labels: list[str], aligns: list[str] | None = None) -> list[Cell]:
    """Bold header cells (drawn white on the accent colour)."""
    aligns = aligns or ["left"] * len(labels)
    return [Cell.text(label, fonts.SANS_BOLD, "#FFFFFF", align) for label, align in zip(labels, aligns, strict=False)]


def _widths(ctx: Ctx, fractions: list[float]) -> list[float]:
    total = sum(fractions)
    return [ctx.width * f / total for f in fractions]


def _number_first(ctx: Ctx, widths: list[float], rows: int | str, label: str) -> list[float]:
    """`widths` with the first column (row numbers) as wide as its widest number and its header, never split
    (`rows`: the count of rows, or the widest number itself)."""
    size = _size(ctx)
    widest_text = rows if isinstance(rows, str) else str(max(1, rows))
    need = max(fonts.width(widest_text, fonts.SANS, size), fonts.width(label, fonts.SANS_BOLD, size))
    first = need + 2 * max(3.5, size * 0.5) + 2
    rest = ctx.width - first
    others = sum(widths[1:])
    return [first, *(w * rest / others for w in widths[1:])]


def _size(ctx: Ctx) -> float:
    return 8.5 * ctx.styles.scale  # at least 8.5 pt on A4 (issue 15)


def cell(ctx: Ctx, text: str, *, font: str = fonts.SANS, color: str = INK, align: str = "left") -> Cell:
    """A table cell with `text` cut to the cell limit (the rest goes to the appendix)."""
    return Cell.text(ctx.notes.cut(text or "", CELL_LIMIT) or "—", font, color, align)


def with_notes(ctx: Ctx, text: str, notes: str) -> Cell:
    """A cell with `text` and, below it in muted italics, the object's notes (when it has some)."""
    parts: list[Part] = [(ctx.notes.cut(text or "", CELL_LIMIT) or "—", fonts.SANS, INK)]
    if notes and notes.strip():
        parts.append((ctx.notes.cut(notes.strip(), CELL_LIMIT), fonts.SANS_ITALIC, MUTED))
    return Cell(parts)


def _grants(ctx: Ctx, grants: tuple[m.Grant, ...]) -> Cell:
    parts: list[Part] = [
        (("✓ " if g.granted else "✗ ") + ctx.notes.cut(g.text, CELL_LIMIT // 2), fonts.SANS,
         GRANTED if g.granted else MISSING)
        for g in grants
    ]
    return Cell(parts or [("—", fonts.SANS, MUTED)])


def promise_tables(ctx: Ctx) -> list[Flowable]:
    """The promise system: every promise, numbered as on the promise map, with its grants."""
    w, words = ctx.workshop, ctx.words
    keys = ["no", "from", "to", "promise", "metric", "target", "status", "authorities", "resources"]
    header = header_cells([words[k] for k in keys])
    numbers = promise_numbers(w)  # the tree of promises' numbers, in its order: as the map and the table show them
    widths = _number_first(ctx, _widths(ctx, [3.4, 11, 11, 20, 13, 9, 9, 12.5, 12.5]), widest(numbers), words["no"])
    rows = []
    for p in tree_ordered(w):
        rows.append([
            Cell.text(numbers.get(p.id, ""), color=MUTED, align="right"),
            cell(ctx, ctx.name(p.from_)),
            cell(ctx, ctx.name(p.to)),
            with_notes(ctx, p.text, p.notes),
            cell(ctx, p.metric),
            cell(ctx, p.target),
            Cell.text(words[p.status], fonts.SANS_BOLD, STATUS_COLORS.get(p.status, INK)),
            _grants(ctx, p.authorities),
            _grants(ctx, p.resources),
        ])
    if not rows:
        return [para(words["none"], ctx.styles.muted)]
    return grids(ctx, header, rows, widths)


def team_tables(ctx: Ctx, scope: Scope | None = None) -> list[Flowable]:
    """Teams (purpose, lead, members), their economics with totals, and their success indicators (each table
    only when some team has something to put in it)."""
    w, words, st = ctx.workshop, ctx.words, ctx.styles
    if not w.teams:
        return []
    out: list[Flowable] = []
    rows = [[cell(ctx, t.name, font=fonts.SANS_BOLD), cell(ctx, words[t.kind]), with_notes(ctx, t.purpose, t.notes),
             cell(ctx, t.lead), cell(ctx, ", ".join(t.members))] for t in w.teams]
    head = header_cells([words[k] for k in ("team", "kind", "description", "lead", "members")])
    out += grids(ctx, head, rows, _widths(ctx, [18, 13, 27, 14, 28]))
    if has_economics(w):
        from exports.economics_section import economics_section  # it builds on this module's cells

        out += [Spacer(1, 6), para(words["economics"], st.h2), *economics_section(ctx)]
    if has_indicators(w):
        out += [Spacer(1, 6), para(words["indicators"], st.h2)]
        rows = []
        for t in w.teams:
            ind = t.indicator or m.Indicator()
            rows.append([cell(ctx, t.name), cell(ctx, ind.name), cell(ctx, ind.target), cell(ctx, ind.current)])
        head = header_cells([words[k] for k in ("team", "indicator", "target", "current")])
        out += grids(ctx, head, rows, _widths(ctx, [24, 46, 15, 15]))
    return out


def experiment_tables(ctx: Ctx, limit: int | None = None) -> list[Flowable]:
    """Experiments: team, hypothesis, metric, budget, dates, status and decision, result; at most `limit` of
    them (running first, then planned, then done) with a count of the rest."""
    w, words = ctx.workshop, ctx.words
    rows = []
    order = {"running": 0, "planned": 1}
    chosen = w.experiments if limit is None else sorted(w.experiments, key=lambda e: order.get(e.status, 2))[:limit]
    for e in chosen:
        dates = " – ".join(words.short_date(d) for d in (e.start, e.end) if d)
        state = words[e.status] + (f" → {words[e.decision]}" if e.decision else "")
        budget = words.money(e.budget) if e.budget is not None else "—"
        rows.append([cell(ctx, ctx.name(e.team)), cell(ctx, e.hypothesis), cell(ctx, e.metric),
                     cell(ctx, budget, align="right"), cell(ctx, dates), cell(ctx, state), cell(ctx, e.result)])
    if not rows:
        return [para(words["none"], ctx.styles.muted)]
    keys = ("team", "hypothesis", "metric", "budget", "dates", "status", "result")
    head = header_cells([words[k] for k in keys], ["left", "left", "left", "right", "left", "left", "left"])
    out = grids(ctx, head, rows, _widths(ctx, [13, 24, 15, 10, 12, 11, 15]))
    if len(chosen) < len(w.experiments):
        out.append(para(words("more_experiments", n=words.number(len(w.experiments) - len(chosen))),
                        ctx.styles.muted))
    return out


EXAMPLES = {"error": 40, "warning": 15, "hint": 8}  # findings shown per code; the rest are counted


def finding_tables(ctx: Ctx, per_code: int | None = None) -> list[Flowable]:
    """Open findings of the checks as sentences, errors first; past a few of each kind (`per_code` in a
    summary), a count of the rest. No check codes: the client reads words."""
    words, st = ctx.words, ctx.styles
    findings = ctx.findings or []
    if not findings:
        return [para(words["no_findings"], st.body)]
    order = {"error": 0, "warning": 1, "hint": 2}
    counts = {s: sum(1 for f in findings if getattr(f, "severity", "") == s) for s in order}
    summary = " · ".join(f"{words[s + 's']}: {n}" for s, n in counts.items())
    by_code: dict[str, list] = {}
    for f in sorted(findings, key=lambda f: order.get(getattr(f, "severity", "hint"), 3)):
        by_code.setdefault(f.code, []).append(f)
    rows = []
    for group in by_code.values():
        shown = group[: per_code or EXAMPLES.get(group[0].severity, 8)]
        for f in shown:
            rows.append([cell(ctx, words[f.severity], font=fonts.SANS_BOLD, color=SEVERITY_COLORS.get(f.severity, INK)),
                         cell(ctx, f.message)])
        if len(group) > len(shown):
            more = words("more_findings", n=words.number(len(group) - len(shown)))
            rows.append([cell(ctx, ""), cell(ctx, more, font=fonts.SANS_ITALIC, color=MUTED)])
    head = header_cells([words["kind"], words["message"]])
    return [para(summary, st.muted), *grids(ctx, head, rows, _widths(ctx, [15, 85]))]


def factor_table(ctx: Ctx, canvas: m.Canvas) -> list[Flowable]:
    """The canvas's factors in order: name, ERRC action, description and note, price-like marking."""
    words = ctx.words
    rows = []
    for i, f in enumerate(canvas.factors, start=1):
        action = words[f.errc] if f.errc else "—"
        notes: list[Part] = []
        if f.description:
            notes.append((ctx.notes.cut(f.description, CELL_LIMIT), fonts.SANS, INK))
        if f.errc_note:
            notes.append((ctx.notes.cut(f.errc_note, CELL_LIMIT), fonts.SANS_ITALIC, MUTED))
        if f.higher_is_costlier:
            notes.append(("▲ " + words["dearer"], fonts.SANS_ITALIC, "#B86E00"))
        rows.append([Cell.text(str(i), color=MUTED, align="right"), cell(ctx, f.name, font=fonts.SANS_BOLD),
                     cell(ctx, action, font=fonts.SANS_BOLD, color=ERRC_COLORS.get(f.errc or "", MUTED)),
                     Cell(notes or [("—", fonts.SANS, MUTED)])])
    if not rows:
        return []
    head = header_cells([words["no"], words["factor"], words["action"], words["description"]])
    return grids(ctx, head, rows, _number_first(ctx, _widths(ctx, [4, 30, 13, 53]), len(rows), words["no"]))


def full_texts(ctx: Ctx) -> list[Flowable]:
    """The appendix of texts that were shortened in tables and charts, numbered as referred to."""
    out: list[Flowable] = []
    for n, text in enumerate(ctx.notes.items, start=1):
        out.append(para(ctx.words("note_n", n=n), ctx.styles.kicker))
        out.append(para(text, ctx.styles.body))
    return out


def errc_grid(ctx: Ctx, canvas: m.Canvas) -> list[Flowable]:
    """The ERRC grid: eliminate | raise over reduce | create, each listing its factors and notes."""
    from reportlab.platypus import Table, TableStyle

    from exports.style import ERRC_TINTS

    words, size = ctx.words, _size(ctx) * 1.12
    cells = {}
    for action in m.ERRC_ACTIONS:
        parts: list[Part] = []
        for f in canvas.factors:
            if f.errc == action:
                parts.append(("• " + ctx.notes.cut(f.name or "—", 300), fonts.SANS_BOLD, INK))
                if f.errc_note:
                    parts.append(("   " + ctx.notes.cut(f.errc_note, 300), fonts.SANS_ITALIC, MUTED))
        cells[action] = TextCell(parts or [("—", fonts.SANS, MUTED)], size)
    head = {a: TextCell(words[a].upper(), size, font=fonts.SANS_BOLD, color="#FFFFFF") for a in m.ERRC_ACTIONS}
    data = [[head["eliminate"], head["raise"]], [cells["eliminate"], cells["raise"]],
            [head["reduce"], head["create"]], [cells["reduce"], cells["create"]]]
    cmds = [("FONT", (0, 0), (-1, -1), fonts.SANS, size), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    for (col, row), action in {(0, 0): "eliminate", (1, 0): "raise", (0, 2): "reduce", (1, 2): "create"}.items():
        cmds += [("BACKGROUND", (col, row), (col, row), HexColor(ERRC_COLORS[action])),
                 ("BACKGROUND", (col, row + 1), (col, row + 1), HexColor(ERRC_TINTS[action]))]
    white = HexColor("#FFFFFF")
    cmds += [("LINEAFTER", (0, 0), (0, -1), 3, white), ("LINEBELOW", (0, 1), (-1, 1), 3, white)]
    half = ctx.width / 2
    return [Table(data, colWidths=[half, half], style=TableStyle(cmds), hAlign="LEFT")]
