"""The workshop model: plain dataclasses for every object of the interchange format (FORMAT.md)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cache
from typing import Any

# Allowed values of the enumerated fields, in the order users see them.
TEAM_KINDS = ("client_facing", "service", "council")
CURVE_KINDS = ("as_is", "to_be", "competitor", "alternative")
ERRC_ACTIONS = ("eliminate", "reduce", "raise", "create")
PROMISE_STATUSES = ("draft", "negotiating", "accepted", "kept", "broken", "retired")
EXPERIMENT_STATUSES = ("planned", "running", "done")
DECISIONS = ("keep", "drop", "iterate")
LANGUAGES = ("ru", "en")
DIAGRAMS = ("structure", "promises")
MOTIVATION_BASES = ("margin", "revenue", "indicator")

Extra = dict[str, Any]
"""Users' own `x-` keys of an object, carried through untouched."""


@dataclass(frozen=True, slots=True)
class Grant:
    """One authority or resource a promise needs, and whether it has been granted."""

    text: str = ""
    granted: bool = False
    extra: Extra = field(default_factory=dict, compare=True)


@dataclass(frozen=True, slots=True)
class Indicator:
    """A team's success indicator (stage 8)."""

    name: str = ""
    target: str = ""
    current: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Economics:
    """A team's economics (stage 7); numbers may be unknown (None)."""

    revenue: float | None = None
    costs: float | None = None
    currency: str = "RUB"
    period: str = "month"
    internal_revenue: float | None = None
    internal_costs: float | None = None
    extra: Extra = field(default_factory=dict)

    @property
    def margin(self) -> float | None:
        """Revenue less costs, or None while either is unknown."""
        if self.revenue is None or self.costs is None:
            return None
        return self.revenue - self.costs


@dataclass(frozen=True, slots=True)
class Share:
    """One member's share of a team's bonus pool (a fraction of the pool)."""

    member: str = ""
    share: float = 0.0
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Motivation:
    """A team's motivation (stage 7, «мотивация каждого участника»): the pool's basis, its percent, members' shares."""

    basis: str = "margin"
    percent: float | None = None
    shares: tuple[Share, ...] = ()
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class WorkshopInfo:
    """The workshop's own details: title, organisation, evolutionary goal."""

    title: str = ""
    organization: str = ""
    facilitator: str = ""
    date: str = ""
    language: str = "ru"
    evolutionary_goal: str = ""
    goal_rationale: str = ""
    notes: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Value:
    """A root value, held by a member of the council of managers."""

    id: str
    name: str = ""
    description: str = ""
    holder: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Segment:
    """A client segment."""

    id: str
    name: str = ""
    description: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Pain:
    """A pain of a client segment."""

    id: str
    segment: str = ""
    text: str = ""
    severity: int | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Proposition:
    """A value proposition to a client segment."""

    id: str
    segment: str = ""
    statement: str = ""
    tagline: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Factor:
    """A competing factor on a strategy canvas's x axis."""

    id: str
    name: str = ""
    description: str = ""
    higher_is_costlier: bool = False
    errc: str | None = None
    errc_note: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Curve:
    """A value curve: one player's offering level on each factor (a missing factor is unscored)."""

    id: str
    name: str = ""
    kind: str = "as_is"
    color: str = "#0072B2"
    visible: bool = True
    reference: bool = False
    levels: dict[str, float] = field(default_factory=dict)
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Canvas:
    """A strategy canvas: ordered factors and value curves on one scale."""

    id: str
    title: str = ""
    segment: str | None = None
    tagline: str = ""
    scale: tuple[float, float] = (0, 5)
    step: float = 0.5
    factors: list[Factor] = field(default_factory=list)
    curves: list[Curve] = field(default_factory=list)
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Team:
    """An autonomous team (client-facing or service) or the council of managers."""

    id: str
    name: str = ""
    kind: str = "client_facing"
    purpose: str = ""
    lead: str = ""
    members: tuple[str, ...] = ()
    indicator: Indicator | None = None
    economics: Economics | None = None
    notes: str = ""
    motivation: Motivation | None = None
    experiment_budget: float | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Link:
    """A structure link: team `from_` serves `to` (a team or a segment)."""

    id: str
    from_: str = ""
    to: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Promise:
    """A promise from a team to a segment (external) or to a team (internal)."""

    id: str
    from_: str = ""
    to: str = ""
    text: str = ""
    value: str | None = None
    parent: str | None = None
    metric: str = ""
    target: str = ""
    status: str = "draft"
    authorities: tuple[Grant, ...] = ()
    resources: tuple[Grant, ...] = ()
    notes: str = ""
    price: float | None = None
    co_promisers: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Experiment:
    """An experiment of stage 9: a hypothesis, its metric, budget, dates and outcome."""

    id: str
    team: str | None = None
    hypothesis: str = ""
    metric: str = ""
    budget: float | None = None
    start: str | None = None
    end: str | None = None
    status: str = "planned"
    result: str = ""
    decision: str | None = None
    promise: str | None = None
    learning: str = ""
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Reading:
    """An actual value of a promise's metric or a team's success indicator for one period (transparency)."""

    id: str
    of: str = ""
    period: str = ""
    value: str = ""
    met: bool | None = None
    note: str = ""
    extra: Extra = field(default_factory=dict)


# Kinds of objects that live in the workshop's top-level lists, by name, and the list that holds them.
TOP_KINDS: dict[str, type[Any]] = {
    "value": Value,
    "segment": Segment,
    "pain": Pain,
    "proposition": Proposition,
    "canvas": Canvas,
    "team": Team,
    "link": Link,
    "promise": Promise,
    "experiment": Experiment,
    "reading": Reading,
}
# Kinds that live inside a canvas.
CANVAS_KINDS: dict[str, type[Any]] = {"factor": Factor, "curve": Curve}
KINDS: dict[str, type[Any]] = {**TOP_KINDS, **CANVAS_KINDS}
COLLECTIONS: dict[str, str] = {
    "value": "values",
    "segment": "segments",
    "pain": "pains",
    "proposition": "propositions",
    "canvas": "canvases",
    "team": "teams",
    "link": "links",
    "promise": "promises",
    "experiment": "experiments",
    "reading": "readings",
    "factor": "factors",
    "curve": "curves",
}
KIND_OF_COLLECTION: dict[str, str] = {c: k for k, c in COLLECTIONS.items()}


@cache  # asked for every field of every object an edit or a file holds: worked out once per kind
def field_names(kind: str) -> tuple[str, ...]:
    """The editable field names of a kind (without `id` and without contained lists)."""
    cls = WorkshopInfo if kind == "workshop" else KINDS[kind]
    skip = {"id", "factors", "curves", "levels"}
    return tuple(f.name for f in fields(cls) if f.name not in skip)


@dataclass(slots=True)
class Workshop:
    """A whole workshop: details, ordered lists of objects, and node positions on the two diagrams."""

    info: WorkshopInfo = field(default_factory=WorkshopInfo)
    values: list[Value] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    pains: list[Pain] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    canvases: list[Canvas] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)
    experiments: list[Experiment] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    layouts: dict[str, dict[str, tuple[float, float]]] = field(
        default_factory=lambda: {d: {} for d in DIAGRAMS}
    )
    extra: Extra = field(default_factory=dict)
    layouts_extra: Extra = field(default_factory=dict)

    def collection(self, kind: str) -> list:
        """The top-level list that holds objects of `kind`."""
        return getattr(self, COLLECTIONS[kind])


def copy_object(obj: Any) -> Any:
    """A copy of a model object that shares no mutable state with it (canvases copy their children)."""
    if isinstance(obj, Canvas):
        return replace(
            obj,
            factors=[copy_object(f) for f in obj.factors],
            curves=[copy_object(c) for c in obj.curves],
            extra=dict(obj.extra),
        )
    if isinstance(obj, Curve):
        return replace(obj, levels=dict(obj.levels), extra=dict(obj.extra))
    return replace(obj, extra=dict(obj.extra))
