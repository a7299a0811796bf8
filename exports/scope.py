"""What a handout or deck holds: only the parts the workshop has, summarised when the workshop is large."""

from __future__ import annotations

from dataclasses import dataclass, field

from app import model as m

SUMMARY_PROMISES = 150
"""Past this many promises the promise register is summarised (the full one goes to the appendix with --full)."""
SUMMARY_TEAMS = 60
"""Past this many teams the team registers are summarised, and the structure shows service teams grouped."""


def drawn_canvases(w: m.Workshop) -> list[m.Canvas]:
    """The canvases that have something to draw (at least one factor)."""
    return [c for c in w.canvases if c.factors]


def has_goal(w: m.Workshop) -> bool:
    """Whether the workshop has an evolutionary goal, its rationale or root values."""
    return bool(w.info.evolutionary_goal.strip() or w.info.goal_rationale.strip() or w.values)


def has_clients(w: m.Workshop) -> bool:
    """Whether the workshop names clients, their pains or value propositions."""
    return bool(w.segments or w.pains or w.propositions)


def has_structure(w: m.Workshop) -> bool:
    """Whether the structure from the client has something beyond the segments: teams or links."""
    return bool(w.teams or w.links)


def has_economics(w: m.Workshop) -> bool:
    """Whether any team has figures of its economics."""
    return any(t.economics is not None and (t.economics.revenue is not None or t.economics.costs is not None)
               for t in w.teams)


def has_indicators(w: m.Workshop) -> bool:
    """Whether any team has a success indicator."""
    return any(t.indicator is not None and (t.indicator.name or t.indicator.target or t.indicator.current)
               for t in w.teams)


def checked(w: m.Workshop) -> bool:
    """Whether the promise system or the structure exists: then "no open findings" is news worth printing."""
    return bool(w.teams or w.promises)


@dataclass(frozen=True)
class Scope:
    """The parts of one export: which sections exist, and whether the registers are summarised or in full."""

    goal: bool
    clients: bool
    canvases: list[m.Canvas] = field(default_factory=list)
    structure: bool = False
    promises: bool = False
    teams: bool = False
    economics: bool = False
    indicators: bool = False
    experiments: bool = False
    summary: bool = False
    """The workshop is too large to print in full: summaries in the body, registers in the appendix if `full`."""
    full: bool = False
    """The full registers were asked for (`--full`, File ▸ Export ▸ Full registers)."""

    @property
    def appendix(self) -> bool:
        """Whether the full registers follow the summary as an appendix."""
        return self.summary and self.full


def scope_of(w: m.Workshop, full: bool = False) -> Scope:
    """What an export of `w` holds."""
    return Scope(
        goal=has_goal(w), clients=has_clients(w), canvases=drawn_canvases(w), structure=has_structure(w),
        promises=bool(w.promises), teams=bool(w.teams), economics=has_economics(w), indicators=has_indicators(w),
        experiments=bool(w.experiments),
        summary=len(w.promises) > SUMMARY_PROMISES or len(w.teams) > SUMMARY_TEAMS, full=full,
    )


def story_diagrams(w: m.Workshop, scope: Scope, words) -> list[tuple[str, m.Workshop, str]]:
    """(slide title, workshop to draw, diagram name) of every diagram slide, the same in the PDF slides and the
    deck: the structure and the promise map, or for a large workshop a promise map per segment."""
    if scope.summary:
        from exports.summary import MAP_LIMIT, segment_maps

        maps = segment_maps(w, words, None if scope.full else MAP_LIMIT)
        return [(words("segment_map", segment=sm.segment.name or "—"), sm.workshop, "promises") for sm in maps]
    out = []
    if scope.structure:
        out.append((words["structure"], w, "structure"))
    if scope.promises:
        out.append((words["promise_map"], w, "promises"))
    return out
