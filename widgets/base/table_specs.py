"""What each workshop table shows and edits: its columns, choices, and the object a new row starts as."""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import changes, readings
from app import model as m
from app.document import Document
from app.edits import Edit
from app.reading_import import parse_period
from widgets.base.tables import Choices, Column, set_field

NewRow = Callable[[Document, Any], "Any | str"]
"""Makes the object of a new row from the document and the current row's object (or None); a str is a hint why not."""


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ------------------------------------------------------------------------------------------------- choices
TEAM_KINDS = {
    "client_facing": QT_TRANSLATE_NOOP("choices", "client-facing team"),
    "service": QT_TRANSLATE_NOOP("choices", "service team"),
    "council": QT_TRANSLATE_NOOP("choices", "council of managers"),
}
PROMISE_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("choices", "draft"),
    "negotiating": QT_TRANSLATE_NOOP("choices", "negotiating"),
    "accepted": QT_TRANSLATE_NOOP("choices", "accepted"),
    "kept": QT_TRANSLATE_NOOP("choices", "kept"),
    "broken": QT_TRANSLATE_NOOP("choices", "broken"),
    "retired": QT_TRANSLATE_NOOP("choices", "retired"),
}
EXPERIMENT_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("choices", "planned"),
    "running": QT_TRANSLATE_NOOP("choices", "running"),
    "done": QT_TRANSLATE_NOOP("choices", "done"),
}
DECISIONS = {
    None: QT_TRANSLATE_NOOP("choices", "—"),
    "keep": QT_TRANSLATE_NOOP("choices", "keep"),
    "drop": QT_TRANSLATE_NOOP("choices", "drop"),
    "iterate": QT_TRANSLATE_NOOP("choices", "iterate"),
}
PERIODS = {
    "month": QT_TRANSLATE_NOOP("choices", "month"),
    "quarter": QT_TRANSLATE_NOOP("choices", "quarter"),
    "year": QT_TRANSLATE_NOOP("choices", "year"),
}
READING_MET = {
    None: QT_TRANSLATE_NOOP("choices", "—"),
    True: QT_TRANSLATE_NOOP("choices", "met"),
    False: QT_TRANSLATE_NOOP("choices", "not met"),
}
SEVERITIES = {None: "—", **{n: str(n) for n in range(1, 6)}}
NO_TEAM = QT_TRANSLATE_NOOP("choices", "— no team —")
NO_PROMISE = QT_TRANSLATE_NOOP("choices", "— no promise —")


def fixed_choices(words: dict[Any, str]) -> tuple[Callable[[Document], Choices], Callable[[Document, Any], str]]:
    """Choices and a label for a fixed set of values whose words are translated in the "choices" context."""

    def choices(_document: Document) -> Choices:
        return [(value, _t("choices", word)) for value, word in words.items()]

    def label(_document: Document, value: Any) -> str:
        word = words.get(value)
        return _t("choices", word) if word is not None else ("" if value is None else str(value))

    return choices, label


def name_of(document: Document, obj_id: Any) -> str:
    """The name a cell shows for a reference: a segment's or team's name."""
    found = document.find(obj_id) if obj_id else None
    if found is None:
        return _t("choices", NO_TEAM) if obj_id is None else ""
    return getattr(found, "name", "") or getattr(found, "text", "")


def segment_choices(document: Document) -> Choices:
    """The segments, by name, for a segment cell."""
    return [(s.id, s.name) for s in document.model.segments]


def team_choices(document: Document) -> Choices:
    """The teams, by name, for a team cell."""
    return [(t.id, t.name) for t in document.model.teams]


def optional_team_choices(document: Document) -> Choices:
    """No team, then the teams, for an experiment's team cell."""
    return [(None, _t("choices", NO_TEAM)), *team_choices(document)]


def optional_promise_choices(document: Document) -> Choices:
    """No promise, then the promises by text, for the promise an experiment serves."""
    return [(None, _t("choices", NO_PROMISE)), *((p.id, p.text) for p in document.model.promises)]


def promise_text(document: Document, obj_id: Any) -> str:
    """The text a cell shows for the promise an experiment serves."""
    return _t("choices", NO_PROMISE) if obj_id is None else name_of(document, obj_id)


def set_price(document: Document, promise: m.Promise, value: Any) -> Edit | None:
    """A builder of a promise's internal price: only a promise to a team has one, and it is not negative."""
    if value is not None and document.kind_of(promise.to) != "team":
        raise ValueError(QCoreApplication.translate(
            "columns", "Only an internal promise (to a team) has a price: the team that receives it pays for it."))
    if value is not None and value < 0:
        raise ValueError(QCoreApplication.translate("columns", "A price cannot be negative."))
    return set_field("price")(document, promise, value)


def party_choices(document: Document) -> Choices:
    """Segments then teams: who can receive a promise."""
    return segment_choices(document) + team_choices(document)


def measured_choices(document: Document) -> Choices:
    """Promises by text, then teams by name: what a reading can measure."""
    promises = [(p.id, p.text) for p in document.model.promises]
    return promises + [(t.id, t.name) for t in document.model.teams]


def _target_of(document: Document, obj_id: Any) -> str:
    found = document.find(obj_id) if obj_id else None
    return readings.target_of(found) if found is not None else ""


def set_period(document: Document, reading: m.Reading, value: Any) -> Edit | None:
    """A builder of a reading's period, typed as people write it ("03.2026", «март 2026» → "2026-03")."""
    period = parse_period(str(value or ""))
    if period is None:
        problem = QCoreApplication.translate(
            "columns", "“%1” is not a period: type a month as 2026-03 or a day as 2026-03-15")
        raise ValueError(problem.replace("%1", str(value)))
    return None if period == reading.period else changes.update(document, reading.id, period=period)


# ------------------------------------------------------------------------------------------ nested fields
def set_indicator(name: str) -> Callable[[Document, Any, Any], Edit | None]:
    """A builder that sets one field of a team's success indicator (an empty indicator becomes none)."""

    def build(document: Document, team: m.Team, value: Any) -> Edit | None:
        old = team.indicator or m.Indicator()
        new: m.Indicator | None = replace(old, **{name: value})
        if new == old:
            return None
        if not (new.name or new.target or new.current or new.extra):
            new = None
        return changes.update(document, team.id, indicator=new)

    return build


def set_economics(name: str) -> Callable[[Document, Any, Any], Edit | None]:
    """A builder that sets one field of a team's economics."""

    def build(document: Document, team: m.Team, value: Any) -> Edit | None:
        old = team.economics or m.Economics()
        if name in ("currency", "period"):
            value = value or getattr(m.Economics(), name)
        new = replace(old, **{name: value})
        if new == old and team.economics is not None:
            return None
        return changes.update(document, team.id, economics=new)

    return build


def _indicator(team: m.Team, name: str) -> str:
    return getattr(team.indicator, name) if team.indicator else ""


def _economics(team: m.Team, name: str) -> Any:
    if team.economics is None:
        return m.Economics().currency if name == "currency" else None
    return getattr(team.economics, name)


def _granted(promise: m.Promise) -> str:
    needed = promise.authorities + promise.resources
    if not needed:
        return ""
    granted = str(sum(g.granted for g in needed))
    return QCoreApplication.translate("columns", "%1 of %2").replace("%1", granted).replace("%2", str(len(needed)))


# ----------------------------------------------------------------------------------------------- new rows
def _near(document: Document, near: Any, kind: str, field: str) -> Any:
    value = getattr(near, field, None) if near is not None else None
    if value is not None and document.kind_of(value) == kind:
        return value
    items = document.model.collection(kind)
    return items[0].id if items else None


def new_value(document: Document, near: Any) -> Any:
    """A new root value."""
    return m.Value(changes.new_id(), name=QCoreApplication.translate("new_rows", "New value"))


def new_segment(document: Document, near: Any) -> Any:
    """A new client segment."""
    return m.Segment(changes.new_id(), name=QCoreApplication.translate("new_rows", "New segment"))


def new_pain(document: Document, near: Any) -> Any:
    """A new pain of the current row's segment (or the first), or why there can be none."""
    segment = _near(document, near, "segment", "segment")
    if segment is None:
        return QCoreApplication.translate("new_rows", "Add a client segment first: every pain belongs to a segment.")
    return m.Pain(changes.new_id(), segment=segment, text=QCoreApplication.translate("new_rows", "New pain"))


def new_proposition(document: Document, near: Any) -> Any:
    """A new value proposition to the current row's segment (or the first), or why there can be none."""
    segment = _near(document, near, "segment", "segment")
    if segment is None:
        return QCoreApplication.translate(
            "new_rows", "Add a client segment first: every value proposition is made to a segment.")
    statement = QCoreApplication.translate("new_rows", "New value proposition")
    return m.Proposition(changes.new_id(), segment=segment, statement=statement)


def new_team(document: Document, near: Any) -> Any:
    """A new team of the current row's kind (client-facing by default)."""
    kind = near.kind if isinstance(near, m.Team) and near.kind != "council" else "client_facing"
    return m.Team(changes.new_id(), name=QCoreApplication.translate("new_rows", "New team"), kind=kind)


def new_promise(document: Document, near: Any) -> Any:
    """A new promise between the current row's parties (or the first team to the first segment), or why not."""
    teams = [t.id for t in document.model.teams if t.kind != "council"] or [t.id for t in document.model.teams]
    if not teams or not document.model.segments:
        return QCoreApplication.translate(
            "new_rows", "Add a team and a client segment first: a promise goes from a team to a client or a team.")
    from_ = near.from_ if isinstance(near, m.Promise) and document.kind_of(near.from_) == "team" else teams[0]
    to = near.to if isinstance(near, m.Promise) else document.model.segments[0].id
    text = QCoreApplication.translate("new_rows", "New promise")
    return m.Promise(changes.new_id(), from_=from_, to=to, text=text)


def new_experiment(document: Document, near: Any) -> Any:
    """A new experiment of the current row's team."""
    team = near.team if isinstance(near, m.Experiment) else None
    hypothesis = QCoreApplication.translate("new_rows", "New hypothesis")
    return m.Experiment(changes.new_id(), team=team, hypothesis=hypothesis)


def new_reading(document: Document, near: Any) -> Any:
    """A new reading of the current row's promise or team for the month after it (else the first accepted promise,
    this month), or why there can be none."""
    w = document.model
    if isinstance(near, m.Reading) and document.find(near.of) is not None:
        of, period = near.of, readings.next_period(near.period)
    else:
        measured = [p.id for p in w.promises if p.status in ("accepted", "kept", "broken") and p.metric]
        of = next(iter([*measured, *(p.id for p in w.promises), *(t.id for t in w.teams)]), None)
        period = readings.current_month()
    if of is None:
        return QCoreApplication.translate(
            "new_rows", "Add a promise or a team first: a reading is a figure of a promise or of a team's indicator.")
    return m.Reading(changes.new_id(), of=of, period=period)


# --------------------------------------------------------------------------------------------- the tables
@dataclass(frozen=True)
class TableSpec:
    """One table page: its list, columns, the column a new row is typed into, and its title and explanation."""

    key: str
    kind: str
    title: str
    about: str
    columns: list[Column]
    new_row: NewRow
    first_key: str


def text(key: str, title: str, field: str | None = None, kind: str = "text", **options: Any) -> Column:
    """An editable column of one plain field (text, number, names or optional text)."""
    name = field or key
    return Column(key, title, attrgetter(name), set_field(name), kind, **options)


def choice(key: str, title: str, field: str, pair: tuple[Callable, Callable], **options: Any) -> Column:
    """An editable column of one field chosen from a list (`pair` is choices and label)."""
    choices, label = pair
    return Column(key, title, attrgetter(field), set_field(field), "choice", label, choices, **options)


def reference(key: str, title: str, field: str, choices: Callable[[Document], Choices], kinds: tuple[str, ...],
              **options: Any) -> Column:
    """An editable column of a reference to a segment or team, shown by its name."""
    return Column(key, title, attrgetter(field), set_field(field), "choice", name_of, choices, kinds, **options)


def table_specs() -> dict[str, TableSpec]:
    """Every table of the workshop page, by key, in tab order."""
    severities = (lambda _d: list(SEVERITIES.items()), lambda _d, v: SEVERITIES.get(v, str(v)))
    date_tip = QT_TRANSLATE_NOOP("columns", "A date: YYYY-MM-DD")
    specs = [
        TableSpec("segments", "segment", QT_TRANSLATE_NOOP("pages", "Segments"), QT_TRANSLATE_NOOP(
            "pages", "Stage 1 · Who the clients are: each segment in the words of the business."), [
            text("name", QT_TRANSLATE_NOOP("columns", "Client segment"), width=260),
            text("description", QT_TRANSLATE_NOOP("columns", "Description"), stretch=True),
        ], new_segment, "name"),
        TableSpec("pains", "pain", QT_TRANSLATE_NOOP("pages", "Pains"), QT_TRANSLATE_NOOP(
            "pages", "Stage 2 · What hurts each segment; severity from 1 (mild) to 5 (acute)."), [
            reference("segment", QT_TRANSLATE_NOOP("columns", "Segment"), "segment", segment_choices, ("segment",),
                      width=220),
            text("text", QT_TRANSLATE_NOOP("columns", "Pain"), stretch=True),
            choice("severity", QT_TRANSLATE_NOOP("columns", "Severity"), "severity", severities, width=90,
                   tip=QT_TRANSLATE_NOOP("columns", "1 = mild … 5 = acute")),
        ], new_pain, "text"),
        TableSpec("propositions", "proposition", QT_TRANSLATE_NOOP("pages", "Propositions"), QT_TRANSLATE_NOOP(
            "pages", "Stage 3 · The value proposition to each segment and its tagline."), [
            reference("segment", QT_TRANSLATE_NOOP("columns", "Segment"), "segment", segment_choices, ("segment",),
                      width=220),
            text("statement", QT_TRANSLATE_NOOP("columns", "Value proposition"), stretch=True),
            text("tagline", QT_TRANSLATE_NOOP("columns", "Tagline"), width=300),
        ], new_proposition, "statement"),
        TableSpec("teams", "team", QT_TRANSLATE_NOOP("pages", "Teams"), QT_TRANSLATE_NOOP(
            "pages", "Stage 6 · The council of managers and the autonomous teams: purpose, lead, members."), [
            text("name", QT_TRANSLATE_NOOP("columns", "Team"), width=220),
            choice("kind", QT_TRANSLATE_NOOP("columns", "Kind"), "kind", fixed_choices(TEAM_KINDS), width=190),
            text("purpose", QT_TRANSLATE_NOOP("columns", "Purpose"), stretch=True),
            text("lead", QT_TRANSLATE_NOOP("columns", "Lead"), width=170),
            text("members", QT_TRANSLATE_NOOP("columns", "Members"), kind="members", width=260,
                 tip=QT_TRANSLATE_NOOP("columns", "Names separated by commas")),
        ], new_team, "name"),
        TableSpec("results", "team", QT_TRANSLATE_NOOP("pages", "Economics & indicators"), QT_TRANSLATE_NOOP(
            "pages", "Stages 7 and 8 · Each team's economics (the margin is computed) and its success indicator."), [
            text("name", QT_TRANSLATE_NOOP("columns", "Team"), width=200),
            Column("indicator", QT_TRANSLATE_NOOP("columns", "Success indicator"), lambda o: _indicator(o, "name"),
                   set_indicator("name"), stretch=True),
            Column("indicator_target", QT_TRANSLATE_NOOP("columns", "Target"), lambda o: _indicator(o, "target"),
                   set_indicator("target"), width=110),
            Column("indicator_current", QT_TRANSLATE_NOOP("columns", "Current"), lambda o: _indicator(o, "current"),
                   set_indicator("current"), width=110),
            Column("revenue", QT_TRANSLATE_NOOP("columns", "Revenue"), lambda o: _economics(o, "revenue"),
                   set_economics("revenue"), "number", width=130),
            Column("costs", QT_TRANSLATE_NOOP("columns", "Costs"), lambda o: _economics(o, "costs"),
                   set_economics("costs"), "number", width=130),
            Column("margin", QT_TRANSLATE_NOOP("columns", "Margin"), lambda o: _economics(o, "margin"), kind="number",
                   width=130, tip=QT_TRANSLATE_NOOP("columns", "Revenue less costs, computed")),
            Column("currency", QT_TRANSLATE_NOOP("columns", "Currency"), lambda o: _economics(o, "currency"),
                   set_economics("currency"), width=80),
            Column("period", QT_TRANSLATE_NOOP("columns", "Period"), lambda o: _economics(o, "period"),
                   set_economics("period"), "choice", *reversed(fixed_choices(PERIODS)), width=100),
        ], new_team, "name"),
        TableSpec("promises", "promise", QT_TRANSLATE_NOOP("pages", "Promises"), QT_TRANSLATE_NOOP(
            "pages", "Stages 4 and 5 · Who promises what to whom, how it is measured, and its status."), [
            reference("from", QT_TRANSLATE_NOOP("columns", "Who promises"), "from_", team_choices, ("team",),
                      width=190),
            reference("to", QT_TRANSLATE_NOOP("columns", "To whom"), "to", party_choices, ("segment", "team"),
                      width=190),
            text("text", QT_TRANSLATE_NOOP("columns", "Promise"), stretch=True),
            text("metric", QT_TRANSLATE_NOOP("columns", "Metric"), width=160),
            text("target", QT_TRANSLATE_NOOP("columns", "Target"), width=100),
            choice("status", QT_TRANSLATE_NOOP("columns", "Status"), "status", fixed_choices(PROMISE_STATUSES),
                   width=120),
            Column("granted", QT_TRANSLATE_NOOP("columns", "Granted"), _granted, width=110, tip=QT_TRANSLATE_NOOP(
                "columns", "Authorities and resources granted, of those the promise needs")),
            Column("price", QT_TRANSLATE_NOOP("columns", "Price a month"), attrgetter("price"), set_price, "number",
                   width=120, tip=QT_TRANSLATE_NOOP(
                       "columns", "The internal market: what the team that receives an internal promise pays the "
                                  "team that gives it, each month")),
        ], new_promise, "text"),
        TableSpec("experiments", "experiment", QT_TRANSLATE_NOOP("pages", "Experiments"), QT_TRANSLATE_NOOP(
            "pages", "Stage 9 · Experiments without approval, within each team's monthly budget: hypothesis, metric, "
                     "budget, dates, outcome, decision, the promise served and what was learned."), [
            reference("team", QT_TRANSLATE_NOOP("columns", "Team"), "team", optional_team_choices, ("team",),
                      width=180),
            text("hypothesis", QT_TRANSLATE_NOOP("columns", "Hypothesis"), stretch=True),
            text("metric", QT_TRANSLATE_NOOP("columns", "Metric"), width=150),
            text("budget", QT_TRANSLATE_NOOP("columns", "Budget"), kind="number", width=110),
            text("start", QT_TRANSLATE_NOOP("columns", "Start"), kind="date", width=105, tip=date_tip),
            text("end", QT_TRANSLATE_NOOP("columns", "End"), kind="date", width=105, tip=date_tip),
            choice("status", QT_TRANSLATE_NOOP("columns", "Status"), "status", fixed_choices(EXPERIMENT_STATUSES),
                   width=110),
            text("result", QT_TRANSLATE_NOOP("columns", "Result"), width=180),
            choice("decision", QT_TRANSLATE_NOOP("columns", "Decision"), "decision", fixed_choices(DECISIONS),
                   width=100),
            Column("promise", QT_TRANSLATE_NOOP("columns", "Serves the promise"), attrgetter("promise"),
                   set_field("promise"), "choice", promise_text, optional_promise_choices, ("promise",), width=220,
                   tip=QT_TRANSLATE_NOOP("columns", "The promise whose keeping the experiment is meant to improve")),
            text("learning", QT_TRANSLATE_NOOP("columns", "What we learned"), width=240, tip=QT_TRANSLATE_NOOP(
                "columns", "What was learned, errors included: analyse mistakes and improve from feedback")),
        ], new_experiment, "hypothesis"),
        TableSpec("readings", "reading", QT_TRANSLATE_NOOP("pages", "Figures"), QT_TRANSLATE_NOOP(
            "pages", "Transparency in figures · The actual value of each promise's metric and each team's success "
                     "indicator per month, kept or not."), [
            reference("of", QT_TRANSLATE_NOOP("columns", "Promise or team"), "of", measured_choices,
                      ("promise", "team"), stretch=True),
            Column("target", QT_TRANSLATE_NOOP("columns", "Target"), attrgetter("of"), label=_target_of,
                   refers_to=("promise", "team"), width=120),
            Column("period", QT_TRANSLATE_NOOP("columns", "Period"), attrgetter("period"), set_period, width=110,
                   tip=QT_TRANSLATE_NOOP("columns", "A month (2026-03) or a day (2026-03-15)")),
            text("value", QT_TRANSLATE_NOOP("columns", "Actual value"), width=140),
            choice("met", QT_TRANSLATE_NOOP("columns", "Met"), "met", fixed_choices(READING_MET), width=100),
            text("note", QT_TRANSLATE_NOOP("columns", "Note"), width=260),
        ], new_reading, "value"),
    ]
    return {spec.key: spec for spec in specs}


VALUES_COLUMNS = [
    text("name", QT_TRANSLATE_NOOP("columns", "Root value"), width=220),
    text("description", QT_TRANSLATE_NOOP("columns", "Description"), stretch=True),
    text("holder", QT_TRANSLATE_NOOP("columns", "Holder"), width=200,
         tip=QT_TRANSLATE_NOOP("columns", "The member of the council of managers who holds this value")),
]
