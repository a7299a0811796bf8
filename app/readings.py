"""Transparency in figures («Прозрачность»): readings of promises and teams over time, their latest state, roll-ups.

A reading (FORMAT.md version 2) is the actual value of a promise's metric or of a team's success indicator for one
period, with met / not met. Here: a series per object sorted by period, the latest reading, whether the figures
say a promise is kept or broken, and the tallies per team and for the whole organisation that the dashboard
(«единый дашборд для отслеживания всех клиентских и внутренних метрик», L615) shows.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from app import model as m
from app.palette import STATUS_LOOKS, status_color

MET, NOT_MET, UNKNOWN, NO_READINGS = "met", "not_met", "unknown", "none"
"""The state of an object by its latest reading: met, not met, a reading without a verdict, no reading yet."""
STATES = (MET, NOT_MET, UNKNOWN, NO_READINGS)
STATE_COLORS = {MET: status_color("kept"), NOT_MET: status_color("broken"), UNKNOWN: "#7A8591", NO_READINGS: "#B8C0CA"}
"""One meaning per colour: met is drawn as a kept promise, not met as a broken one (app/palette.py)."""
STATE_MARKS = {MET: STATUS_LOOKS["kept"].glyph, NOT_MET: STATUS_LOOKS["broken"].glyph, UNKNOWN: "?", NO_READINGS: ""}
SPARK_POINTS = 12
"""Readings a sparkline shows (the latest ones)."""

_NUMBER = re.compile(r"[-−–]?\d[\d\u00a0\u202f ]*(?:[.,]\d+)?")


def period_key(period: str) -> str:
    """The sort key of a period: "2026-03" comes before "2026-03-15", which comes before "2026-04"."""
    return period.strip()


def current_month(today: datetime.date | None = None) -> str:
    """This month as a period ("2026-12")."""
    day = today or datetime.date.today()
    return f"{day.year:04d}-{day.month:02d}"


def number(value: str) -> float | None:
    """The first number a reading's value holds ("95 %" → 95, "1 200,5 ₽" → 1200.5), or None when it has none."""
    match = _NUMBER.search(value or "")
    if match is None:
        return None
    text = match.group(0).replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("−", "-").replace("–", "-").replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def by_object(w: m.Workshop) -> dict[str, list[m.Reading]]:
    """Every object's readings sorted by period (readings of one period keep the workshop's order)."""
    found: dict[str, list[m.Reading]] = {}
    for reading in w.readings:
        found.setdefault(reading.of, []).append(reading)
    for readings in found.values():
        readings.sort(key=lambda r: period_key(r.period))
    return found


def series(w: m.Workshop, of: str) -> list[m.Reading]:
    """The readings of one promise or team, oldest period first."""
    return sorted((r for r in w.readings if r.of == of), key=lambda r: period_key(r.period))


def latest(w: m.Workshop, of: str) -> m.Reading | None:
    """The reading of the latest period of one promise or team (the last typed of that period), or None."""
    readings = series(w, of)
    return readings[-1] if readings else None


def latest_by_object(w: m.Workshop) -> dict[str, m.Reading]:
    """The latest reading of every object that has one."""
    return {of: readings[-1] for of, readings in by_object(w).items()}


def state_of(reading: m.Reading | None) -> str:
    """MET, NOT_MET, UNKNOWN (a reading without a verdict) or NO_READINGS."""
    if reading is None:
        return NO_READINGS
    if reading.met is None:
        return UNKNOWN
    return MET if reading.met else NOT_MET


def states(w: m.Workshop) -> dict[str, str]:
    """The state of every object that has readings, by its latest reading (what the map and structure mark)."""
    return {of: state_of(reading) for of, reading in latest_by_object(w).items()}


def target_of(obj: object) -> str:
    """What the figures are held against: a promise's target or a team's indicator's target."""
    if isinstance(obj, m.Promise):
        return obj.target
    if isinstance(obj, m.Team) and obj.indicator is not None:
        return obj.indicator.target
    return ""


def metric_of(obj: object) -> str:
    """What is measured: a promise's metric or the name of a team's success indicator."""
    if isinstance(obj, m.Promise):
        return obj.metric
    if isinstance(obj, m.Team) and obj.indicator is not None:
        return obj.indicator.name
    return ""


# ------------------------------------------------------------------------------------------------ roll-ups
@dataclass(frozen=True)
class Line:
    """One row of the dashboard: a promise or a team's success indicator with its figures."""

    obj_id: str
    kind: str
    """"promise" or "team"."""
    label: str
    """The promise's text or the team's name."""
    metric: str
    target: str
    owner: str
    """The team that answers for it: the promiser, or the team itself."""
    party: str
    """Who it is kept for: the promisee (a segment or a team), or "" for a team's indicator."""
    internal: bool
    readings: tuple[m.Reading, ...]

    @property
    def latest(self) -> m.Reading | None:
        """The latest reading, or None."""
        return self.readings[-1] if self.readings else None

    @property
    def state(self) -> str:
        """The state by the latest reading."""
        return state_of(self.latest)

    def points(self, limit: int = SPARK_POINTS) -> list[float | None]:
        """The numbers of the latest `limit` readings for a sparkline (None where a value is not a number)."""
        return [number(r.value) for r in self.readings[-limit:]]


@dataclass
class Tally:
    """How many lines are met, not met, measured without a verdict and without readings."""

    met: int = 0
    not_met: int = 0
    unknown: int = 0
    none: int = 0

    def add(self, state: str) -> None:
        """Count one line of `state`."""
        setattr(self, state, getattr(self, state) + 1)

    @property
    def total(self) -> int:
        """Every line counted."""
        return self.met + self.not_met + self.unknown + self.none

    @property
    def share_met(self) -> float | None:
        """Met of those with a verdict (0..1), or None when none has one."""
        judged = self.met + self.not_met
        return self.met / judged if judged else None


@dataclass
class TeamFigures:
    """One team's lines (its success indicator first, then the promises it makes) and their tally."""

    team: m.Team
    lines: list[Line] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)


@dataclass
class Dashboard:
    """Every client promise, internal promise and team indicator with its figures; per team; for everyone."""

    client: list[Line]
    internal: list[Line]
    indicators: list[Line]
    teams: list[TeamFigures]
    organisation: Tally

    @property
    def lines(self) -> list[Line]:
        """Every line: client promises, internal promises, then team indicators."""
        return [*self.client, *self.internal, *self.indicators]


def promise_line(promise: m.Promise, readings: list[m.Reading], teams: set[str]) -> Line:
    """The dashboard line of a promise."""
    return Line(promise.id, "promise", promise.text, promise.metric, promise.target, promise.from_, promise.to,
                promise.to in teams, tuple(readings))


def team_line(team: m.Team, readings: list[m.Reading]) -> Line:
    """The dashboard line of a team's success indicator."""
    return Line(team.id, "team", team.name, metric_of(team), target_of(team), team.id, "", False, tuple(readings))


def dashboard(w: m.Workshop) -> Dashboard:
    """The dashboard of a workshop: retired promises are left out; a team is shown when its success indicator is
    named or it has readings; the organisation's tally counts every line once."""
    readings = by_object(w)
    team_ids = {t.id for t in w.teams}
    client: list[Line] = []
    internal: list[Line] = []
    for promise in w.promises:
        if promise.status == "retired":
            continue
        line = promise_line(promise, readings.get(promise.id, []), team_ids)
        (internal if line.internal else client).append(line)
    indicators = [team_line(t, readings.get(t.id, [])) for t in w.teams if metric_of(t) or t.id in readings]
    figures = {t.id: TeamFigures(t) for t in w.teams}
    for line in indicators:
        figures[line.owner].lines.append(line)
    by_promise = {p.id: p for p in w.promises}
    for line in (*client, *internal):
        promise = by_promise[line.obj_id]
        for team_id in dict.fromkeys((promise.from_, *promise.co_promisers)):
            if team_id in figures:
                figures[team_id].lines.append(line)
    organisation = Tally()
    for line in (*client, *internal, *indicators):
        organisation.add(line.state)
    for fig in figures.values():
        for line in fig.lines:
            fig.tally.add(line.state)
    return Dashboard(client, internal, indicators, [f for f in figures.values() if f.lines], organisation)


def team_dashboard(w: m.Workshop, team_id: str) -> TeamFigures | None:
    """One team's figures (None when the team does not exist)."""
    team = next((t for t in w.teams if t.id == team_id), None)
    if team is None:
        return None
    found = next((f for f in dashboard(w).teams if f.team.id == team_id), None)
    return found or TeamFigures(team)


def next_period(period: str) -> str:
    """The month after a period's month ("2026-12" → "2027-01"); this month when `period` is not one."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", period.strip())
    if match is None:
        return current_month()
    year, month = int(match.group(1)), int(match.group(2))
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
