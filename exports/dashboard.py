"""The dashboard in the exports («Прозрачность»): every promise and team indicator with its target, its latest
figures as a sparkline and kept / broken, per team and for the whole organisation — in the handout, the PDF slides
and the deck; only when the workshop has readings."""

from __future__ import annotations

from typing import Any, Sequence

from reportlab.lib.colors import HexColor
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from app import model as m
from app import readings as r
from exports import fonts
from exports.context import Ctx
from exports.handout_tables import cell, header_cells
from exports.i18n import Words
from exports.pdf_grid import Cell, Grid
from exports.pdf_styles import para
from exports.style import INK, MUTED, readable

_WORDS: dict[str, tuple[str, str]] = {
    "dashboard": ("Дашборд: прозрачность в цифрах", "Dashboard: transparency in figures"),
    "dashboard_about": (
        "Единый дашборд для отслеживания всех клиентских и внутренних метрик: каждое обещание и показатель успеха "
        "каждой команды — цель, последние значения и выполнено ли.",
        "One dashboard of every client and internal metric: each promise and each team's success indicator — "
        "its target, its latest figures and whether it is kept.",
    ),
    "whole": ("Вся организация", "Whole organisation"),
    "team": ("Команда", "Team"),
    "met": ("выполнено", "kept"),
    "not_met": ("нарушено", "broken"),
    "unknown": ("без оценки", "no verdict"),
    "none": ("нет данных", "no figures yet"),
    "share": ("Доля выполненных", "Kept share"),
    "client": ("Обещания клиентам", "Promises to clients"),
    "internal": ("Внутренние обещания между командами", "Internal promises between teams"),
    "indicators": ("Показатели успеха команд", "Success indicators of teams"),
    "who": ("Кто", "Who"),
    "to": ("Кому", "To whom"),
    "what": ("Обещание или показатель", "Promise or indicator"),
    "target": ("Цель", "Target"),
    "latest": ("Последнее значение", "Latest figure"),
    "trend": ("Динамика", "Trend"),
    "kept": ("Выполнено?", "Kept?"),
    "only_measured": ("Показаны обещания и показатели, по которым есть данные, сначала нарушенные ({shown} из "
                      "{total}).",
                      "Shown: the promises and indicators with figures, the broken ones first ({shown} of {total})."),
    "worst_teams": ("Названы команды с наибольшим числом нарушенных обещаний: {shown} из {total}.",
                    "Named: the teams with the most broken promises, {shown} of {total}."),
    "tally": ("{met} выполнено · {not_met} нарушено · {unknown} без оценки · {none} без данных",
              "{met} kept · {not_met} broken · {unknown} without a verdict · {none} without figures"),
}
CHUNK = 18
"""Rows of one table: a table with sparklines moves to the next page whole."""
SUMMARY_LINES = 120
"""A large workshop's dashboard shows at most this many lines with figures in the handout (broken ones first)."""
SUMMARY_SLIDE_LINES = 18
"""... and at most this many per section on slides (a slide or two, not seven)."""
SUMMARY_TEAMS = 16
"""A large workshop's tallies name the organisation and this many teams: those with the most broken promises."""


def summary_lines(lines: list[r.Line], most: int) -> list[r.Line]:
    """A summary's lines: those with figures, the broken ones first (each group in the dashboard's order)."""
    measured = [line for line in lines if line.readings]
    return sorted(measured, key=lambda line: line.state != r.NOT_MET)[:most]


def tally_rows(board: r.Dashboard, summary: bool) -> list[r.TeamFigures]:
    """The teams the tallies name: every team, or in a summary those with the most broken promises first."""
    if not summary:
        return board.teams
    broken = [f for f in board.teams if f.tally.not_met]
    broken.sort(key=lambda f: (-f.tally.not_met, f.tally.share_met if f.tally.share_met is not None else 1.0))
    return broken[:SUMMARY_TEAMS]


def word(words: Words, key: str, **fields: object) -> str:
    """A dashboard word in the export's language."""
    return words.format(_WORDS[key][1 if words.language == "en" else 0], **fields)


def has_readings(w: m.Workshop) -> bool:
    """Whether the exports have a dashboard to show."""
    return bool(w.readings)


def state_cell(words: Words, state: str) -> Cell:
    """«✓ выполнено» in the state's colour."""
    mark = r.STATE_MARKS[state]
    return Cell.text(f"{mark} {word(words, state)}".strip(), fonts.SANS_BOLD if mark else fonts.SANS,
                     r.STATE_COLORS[state] if mark else MUTED)


class SparkGrid(Grid):
    """A short table whose trend column draws each row's readings as a sparkline; it moves to a new page whole."""

    def __init__(self, header: Sequence[Cell], rows: Sequence[Sequence[Cell]], widths: Sequence[float], size: float,
                 lines: Sequence[r.Line], column: int, *, header_color: str) -> None:
        super().__init__(header, rows, widths, size, header_color=header_color)
        self.lines, self.column = list(lines), column

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        super().draw()
        (_head_lines, head_h), body = self._layout(self.height)
        left = sum(self.widths[: self.column]) + self.pad
        width = self.widths[self.column] - 2 * self.pad
        top = self.height - head_h
        canv = self.canv
        canv.saveState()
        for line, (_lines, h) in zip(self.lines, body, strict=True):
            height = min(h - 6, 12 * self.size / 7.5)
            draw_sparkline(canv, left, top - h / 2 - height / 2, width, height, line)
            top -= h
        canv.restoreState()


def draw_sparkline(canv: Any, x: float, y: float, width: float, height: float, line: r.Line) -> None:
    """The latest readings left to right: a grey line through the numbers, a dot per reading in its state's colour."""
    recent = line.readings[-r.SPARK_POINTS:]
    if not recent:
        return
    points = line.points()
    numbers = [p for p in points if p is not None]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 0.0)
    step = width / max(1, len(recent) - 1)
    spots = []
    for i, (value, reading) in enumerate(zip(points, recent, strict=True)):
        px = x + (i * step if len(recent) > 1 else width / 2)
        py = y + height / 2 if value is None or high == low else y + (value - low) / (high - low) * height
        spots.append((px, py, value is not None, r.state_of(reading)))
    numeric = [(px, py) for px, py, ok, _s in spots if ok]
    canv.setStrokeColor(HexColor("#5B6673"))
    canv.setLineWidth(0.8)
    for (x0, y0), (x1, y1) in zip(numeric, numeric[1:], strict=False):
        canv.line(x0, y0, x1, y1)
    for i, (px, py, _ok, state) in enumerate(spots):
        canv.setFillColor(HexColor(r.STATE_COLORS[state]))
        canv.circle(px, py, 2.2 if i == len(spots) - 1 else 1.5, stroke=0, fill=1)


def _size(ctx: Ctx) -> float:
    return 7.5 * ctx.styles.scale if ctx.width < 600 else 8.2 * ctx.styles.scale


def _widths(ctx: Ctx, fractions: list[float]) -> list[float]:
    total = sum(fractions)
    return [ctx.width * f / total for f in fractions]


def tally_table(ctx: Ctx, board: r.Dashboard, summary: bool = False) -> list[Flowable]:
    """The organisation's and each team's counts of kept, broken, without a verdict, without figures (in a
    summary: the teams with the most broken promises, said so under the table)."""
    words = ctx.words
    rows = []
    teams = tally_rows(board, summary)
    for name, tally, bold in [(word(words, "whole"), board.organisation, True),
                              *((f.team.name, f.tally, False) for f in teams)]:
        share = "—" if tally.share_met is None else f"{round(tally.share_met * 100)}\u00a0%"
        font = fonts.SANS_BOLD if bold else fonts.SANS
        counts = [Cell.text(words.number(n), font, r.STATE_COLORS[s] if n and s in (r.MET, r.NOT_MET) else INK,
                            "right")
                  for s, n in ((r.MET, tally.met), (r.NOT_MET, tally.not_met), (r.UNKNOWN, tally.unknown),
                               (r.NO_READINGS, tally.none))]
        rows.append([cell(ctx, name, font=font), *counts, Cell.text(share, fonts.SANS_BOLD, INK, "right")])
    keys = ("met", "not_met", "unknown", "none")
    head = header_cells([word(words, "team"), *(word(words, k) for k in keys), word(words, "share")],
                        ["left", "right", "right", "right", "right", "right"])
    grid = Grid(head, rows, _widths(ctx, [34, 13, 13, 13, 13, 14]), _size(ctx), header_color=ctx.branding.accent)
    if teams is board.teams:
        return [grid]
    note = word(words, "worst_teams", shown=words.number(len(teams)), total=words.number(len(board.teams)))
    return [grid, para(note, ctx.styles.muted)]


def line_cells(ctx: Ctx, line: r.Line) -> list[Cell]:
    """One line's cells: who, to whom, what, target, latest figure, (the sparkline's place), kept?"""
    latest = line.latest
    what = line.metric if line.kind == "team" else line.label + (f" · {line.metric}" if line.metric else "")
    figure = Cell.text(f"{latest.value} · {latest.period}", fonts.SANS, readable(r.STATE_COLORS[line.state])) \
        if latest is not None else Cell.text("—", color=MUTED)
    return [cell(ctx, ctx.name(line.owner)), cell(ctx, ctx.name(line.party) if line.party else "—"),
            cell(ctx, what), cell(ctx, line.target), figure, Cell.text(""), state_cell(ctx.words, line.state)]


def line_tables(ctx: Ctx, lines: list[r.Line]) -> list[Flowable]:
    """The lines under the dashboard's header, in short tables with a sparkline each."""
    words = ctx.words
    keys = ("who", "to", "what", "target", "latest", "trend", "kept")
    head = header_cells([word(words, k) for k in keys])
    widths = _widths(ctx, [13, 13, 28, 10, 13, 11, 12])
    out: list[Flowable] = []
    for i in range(0, len(lines), CHUNK):
        chunk = lines[i:i + CHUNK]
        out.append(SparkGrid(head, [line_cells(ctx, line) for line in chunk], widths, _size(ctx), chunk, 5,
                             header_color=ctx.branding.accent))
    return out


def sections(ctx: Ctx, board: r.Dashboard, summary: bool = False) -> list[tuple[str, list[r.Line]]]:
    """(title, lines) of the client promises, internal promises and team indicators that have lines (a summary
    keeps the lines with figures only)."""
    out = []
    for key, lines in (("client", board.client), ("internal", board.internal), ("indicators", board.indicators)):
        if summary:
            lines = summary_lines(lines, SUMMARY_LINES)
        if lines:
            out.append((word(ctx.words, key), lines))
    return out


def dashboard_flowables(ctx: Ctx, summary: bool = False) -> list[Flowable]:
    """The dashboard without its heading: what it is, the tallies, then every line with its sparkline."""
    words, st = ctx.words, ctx.styles
    board = r.dashboard(ctx.workshop)
    out: list[Flowable] = [para(word(words, "dashboard_about"), st.muted), *tally_table(ctx, board, summary)]
    if summary:
        shown = sum(len(lines) for _t, lines in sections(ctx, board, True))
        out.append(para(word(words, "only_measured", shown=words.number(shown), total=words.number(len(board.lines))),
                        st.muted))
    for title, lines in sections(ctx, board, summary):
        out += [CondPageBreak(120), Spacer(1, 4), para(title, st.h2), *line_tables(ctx, lines)]
    return out


def handout_section(s: Any) -> None:
    """The dashboard's pages of the handout (`s` is the handout's Sections), when the workshop has readings."""
    if not has_readings(s.ctx.workshop):
        return
    from reportlab.platypus import PageBreak

    s.add(PageBreak())
    s.heading(word(s.ctx.words, "dashboard"), "dashboard")
    s.add(*dashboard_flowables(s.ctx, s.scope.summary))


# ------------------------------------------------------------------------------------------------ the deck
def deck_slides(deck: Any, summary: bool = False) -> None:
    """The dashboard as table slides of the deck: the tallies, then each section's lines with the last figures
    as a trend («91% → 94% → 96%») and kept / broken."""
    from exports import deck_parts as parts
    from exports.deck_parts import _cell, _paged

    w, words = deck.w, deck.words
    if not has_readings(w):
        return
    board = r.dashboard(w)
    title = word(words, "dashboard")
    rows = []
    for name, tally, bold in [(word(words, "whole"), board.organisation, True),
                              *((f.team.name, f.tally, False) for f in tally_rows(board, summary))]:
        share = "—" if tally.share_met is None else f"{round(tally.share_met * 100)}\u00a0%"
        rows.append([_cell(name, bold=bold), _cell(words.number(tally.met), align="r", color=r.STATE_COLORS[r.MET]),
                     _cell(words.number(tally.not_met), align="r", color=r.STATE_COLORS[r.NOT_MET]),
                     _cell(words.number(tally.unknown + tally.none), align="r", color=MUTED),
                     _cell(share, bold=True, align="r")])
    named = tally_rows(board, summary)
    if named is not board.teams:  # a summary names the teams with the most broken promises: say so
        note = word(words, "worst_teams", shown=words.number(len(named)), total=words.number(len(board.teams)))
        rows.append([_cell(note, color=MUTED), *(_cell("\u00a0") for _ in range(4))])
    header = [word(words, "team"), word(words, "met"), word(words, "not_met"),
              f"{word(words, 'unknown')} / {word(words, 'none')}", word(words, "share")]
    _paged(deck, title, header, rows, [int(x * 914400) for x in (5.0, 1.7, 1.7, 2.3, 1.63)])
    ctx_names = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
    widths = [int(x * 914400) for x in (2.2, 4.3, 1.5, 2.6, 1.73)]
    header = [f"{word(words, 'who')} → {word(words, 'to').lower()}", word(words, "what"), word(words, "target"),
              word(words, "trend"), word(words, "kept")]
    for key, lines in (("client", board.client), ("internal", board.internal), ("indicators", board.indicators)):
        if summary:
            lines = summary_lines(lines, SUMMARY_SLIDE_LINES)
        if not lines:
            continue
        rows = []
        for line in lines:
            who = ctx_names.get(line.owner, "") + (f" → {ctx_names.get(line.party, '')}" if line.party else "")
            what = line.metric if line.kind == "team" else line.label
            trend = " → ".join(x.value for x in line.readings[-4:]) or "—"
            mark = r.STATE_MARKS[line.state]
            rows.append([_cell(parts.short(who, 120)), _cell(what), _cell(line.target),
                         _cell(trend, color=r.STATE_COLORS[line.state] if line.readings else MUTED),
                         _cell(f"{mark} {word(words, line.state)}".strip(), bold=bool(mark),
                               color=r.STATE_COLORS[line.state] if mark else MUTED)])
        _paged(deck, f"{title}: {word(words, key).lower()}", header, rows, widths)
