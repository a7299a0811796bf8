"""The read-only «for the team» handout: one team's promises, their figures over time and its economics, to hand
to the team's staff («Прозрачность»: every member sees the same figures the council sees)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from app import model as m
from app import readings as r
from exports import fonts
from exports.context import Branding, Ctx, LongTexts
from exports.dashboard import line_tables, state_cell
from exports.findings import open_findings
from exports.handout_tables import cell, grids, header_cells
from exports.i18n import Words
from exports.pdf_doc import canvas_class, footer_text, make_doc, page_size
from exports.pdf_grid import Cell
from exports.pdf_styles import make_styles, para
from exports.style import INK, MISSING, RULE

_WORDS: dict[str, tuple[str, str]] = {
    "for_team": ("Для команды", "For the team"),
    "read_only": ("Только для чтения: выгружено из стратегической сессии «{title}», {date}.",
                  "Read-only: exported from the strategy session “{title}”, {date}."),
    "purpose": ("Назначение", "Purpose"),
    "lead": ("Лидер", "Lead"),
    "members": ("Участники", "Members"),
    "indicator": ("Показатель успеха", "Success indicator"),
    "gives": ("Обещания команды", "The team's promises"),
    "receives": ("Обещания команде", "Promises to the team"),
    "figures": ("Значения по периодам", "Figures by period"),
    "economics": ("Экономика команды", "The team's economics"),
    "period": ("Период", "Period"),
    "value": ("Значение", "Value"),
    "kept": ("Выполнено?", "Kept?"),
    "note": ("Комментарий", "Note"),
    "revenue": ("Выручка от клиентов", "Revenue from clients"),
    "internal_revenue": ("Внутренняя выручка (от команд)", "Internal revenue (from teams)"),
    "costs": ("Затраты", "Costs"),
    "internal_costs": ("Внутренние затраты (командам)", "Internal costs (to teams)"),
    "margin": ("Маржа", "Margin"),
    "experiment_budget": ("Бюджет экспериментов без согласования", "Budget for experiments without approval"),
    "per": ("Период учёта", "Accounting period"),
    "item": ("Статья", "Item"),
    "amount": ("Сумма", "Amount"),
    "nothing": ("Пока нет данных.", "No figures yet."),
}


def word(words: Words, key: str, **fields: object) -> str:
    """A word of the team's handout in the export's language."""
    text = _WORDS[key][1 if words.language == "en" else 0]
    return text.format(**fields) if fields else text


def _about(ctx: Ctx, team: m.Team) -> list[Flowable]:
    words, st = ctx.words, ctx.styles
    out: list[Flowable] = []
    facts = [("purpose", team.purpose), ("lead", team.lead), ("members", ", ".join(team.members))]
    if team.indicator is not None and team.indicator.name:
        target = f" — {team.indicator.target}" if team.indicator.target else ""
        facts.append(("indicator", team.indicator.name + target))
    for key, text in facts:
        if text:
            out.append(para(f"{word(words, key)}: {text}", st.body))
    return out


def _economics(ctx: Ctx, team: m.Team) -> list[Flowable]:
    words, st = ctx.words, ctx.styles
    e = team.economics
    if e is None and team.experiment_budget is None:
        return []
    e = e or m.Economics()
    rows = []
    for key, value in (("revenue", e.revenue), ("internal_revenue", e.internal_revenue), ("costs", e.costs),
                       ("internal_costs", e.internal_costs)):
        if value is not None:
            rows.append([cell(ctx, word(words, key)), cell(ctx, words.money(value, e.currency), align="right")])
    income = [v for v in (e.revenue, e.internal_revenue) if v is not None]
    spent = [v for v in (e.costs, e.internal_costs) if v is not None]
    if income and spent:
        margin = sum(income) - sum(spent)
        rows.append([cell(ctx, word(words, "margin"), font=fonts.SANS_BOLD),
                     cell(ctx, words.money(margin, e.currency), font=fonts.SANS_BOLD, align="right",
                          color=MISSING if margin < 0 else INK)])
    if team.experiment_budget is not None:
        rows.append([cell(ctx, word(words, "experiment_budget")),
                     cell(ctx, words.money(team.experiment_budget, e.currency), align="right")])
    if not rows:
        return []
    rows.append([cell(ctx, word(words, "per")), cell(ctx, words.period(e.period), align="right")])
    head = header_cells([word(words, "item"), word(words, "amount")], ["left", "right"])
    widths = [ctx.width * 0.6, ctx.width * 0.4]
    return [CondPageBreak(120), para(word(words, "economics"), st.h2), *grids(ctx, head, rows, widths)]


def _history(ctx: Ctx, lines: list[r.Line]) -> list[Flowable]:
    """Every reading of the team's promises and indicator, newest first under each."""
    words, st = ctx.words, ctx.styles
    measured = [line for line in lines if line.readings]
    if not measured:
        return []
    out: list[Flowable] = [CondPageBreak(120), para(word(words, "figures"), st.h2)]
    head = header_cells([word(words, k) for k in ("period", "value", "kept", "note")])
    widths = [ctx.width * f for f in (0.16, 0.22, 0.2, 0.42)]
    for line in measured:
        title = line.metric if line.kind == "team" else line.label
        out += [CondPageBreak(80), para(title, st.bullet, bullet="•")]
        rows = [[Cell.text(x.period), cell(ctx, x.value), state_cell(words, r.state_of(x)), cell(ctx, x.note)]
                for x in reversed(line.readings)]
        out += grids(ctx, head, rows, widths)
    return out


def team_story(ctx: Ctx, team: m.Team) -> list[Flowable]:
    """The team's page(s): who they are, the promises they give and receive with their figures, the history of
    every figure, the economics."""
    words, st = ctx.words, ctx.styles
    w = ctx.workshop
    info = w.info
    out: list[Flowable] = [para(word(words, "for_team").upper(), st.kicker), para(team.name or "—", st.h1),
                           para(word(words, "read_only", title=info.title or "—", date=words.date(info.date) or "—"),
                                st.muted), *_about(ctx, team)]
    board = r.dashboard(w)
    mine = next((f for f in board.teams if f.team.id == team.id), None)
    gives = [line for line in (mine.lines if mine else []) if line.kind == "promise"]
    own = [line for line in (mine.lines if mine else []) if line.kind == "team"]
    receives = [line for line in board.internal if line.party == team.id]
    for key, lines in (("gives", own + gives), ("receives", receives)):
        if lines:
            out += [Spacer(1, 4), para(word(words, key), st.h2), *line_tables(ctx, lines)]
    if not (gives or own or receives):
        out.append(para(word(words, "nothing"), st.muted))
    out += _history(ctx, own + gives + receives)
    out += _economics(ctx, team)
    return out


def write_team_handout(workshop: m.Workshop, path: str, team: str, *, page: str = "A4", branding: Any = None) -> None:
    """Write the «for the team» PDF of the team `team` (an id) to `path` (the caller makes the write atomic)."""
    found = next((t for t in workshop.teams if t.id == team), None)
    if found is None:
        raise ValueError(f"no team with id {team!r}")
    fonts.register()
    words = Words(workshop.info.language)
    brand = Branding.of(branding)
    size = page_size(page, False)
    margins = (17 * mm, 17 * mm, 19 * mm, 15 * mm)
    ctx = Ctx(workshop, words, make_styles(brand.accent), size[0] - margins[0] - margins[1],
              size[1] - margins[2] - margins[3], LongTexts(words), brand, open_findings(workshop, []))
    title = f"{word(words, 'for_team')}: {found.name}"

    def header(canv: Canvas, _doc: Any) -> None:
        page_w, page_h = canv._pagesize
        top = page_h - margins[2] + 9
        footer_text(canv, title, workshop.info.title, margins[0], page_w - margins[1], top)
        canv.saveState()
        canv.setStrokeColor(HexColor(RULE))
        canv.setLineWidth(0.5)
        canv.line(margins[0], top - 4, page_w - margins[1], top - 4)
        canv.restoreState()

    def footer(canv: Canvas, number: int, total: int) -> None:
        page_w = canv._pagesize[0]
        footer_text(canv, workshop.info.organization, words("page_of", page=number, total=total), margins[0],
                    page_w - margins[1], margins[3] - 16)

    doc = make_doc(path, size, margins, header, title=title, author=workshop.info.facilitator,
                   lang=words.language, cover=False)
    story = team_story(ctx, found)
    if ctx.notes.items:
        from exports.handout_tables import full_texts

        story += [Spacer(1, 10), para(words["full_texts"], ctx.styles.h2), *full_texts(ctx)]
    doc.build(story, canvasmaker=canvas_class(footer))
