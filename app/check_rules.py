"""The methodology checks one object at a time, each with the scope of what it reads (for app.live_checks).

`app.checks.run_checks` is the reference: it checks the whole workshop in one pass. The rules here find the same
findings for one subject (a promise, a team, a link, a canvas, the workshop) and say what they depend on, so that
after an edit only the subjects the changed objects can affect are checked again. A property test holds the two
equal after any sequence of edits.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from app import model as m
from app.approvals import is_approval
from app.checks import (
    CHECKS,
    FIRM_STATUSES,
    TEMPLATES,
    Finding,
    errc_agrees,
    has_economics,
    number_text,
    period_end,
    person_key,
    quoted,
    shares_off,
    short_name,
    unempowering_grants,
    weakness,
)

if TYPE_CHECKING:
    from app.document import Document

Fields = frozenset[str] | None
"""The fields of a kind a rule reads (None: any field, and the objects' order)."""

WORKSHOP = "workshop"
NAMES: dict[str, str] = {"segment": "name", "team": "name", "promise": "text", "value": "name",
                         "experiment": "hypothesis"}
"""The field that names an object of each kind in a message (other kinds are named by their own fields)."""
_PARTY_NAMES: dict[str, Fields] = {"team": frozenset({"name"}), "segment": frozenset({"name"})}


@dataclass(frozen=True)
class Scope:
    """What a rule's findings about one subject depend on.

    `subject` is the kind of the object a finding is about (its first id; "workshop" for the workshop itself).
    `reads` maps kinds to the fields whose change can alter a finding; the subjects then checked again are the
    changed objects themselves, the objects they refer to (before and after) and those that refer to them.
    `whole` maps kinds to fields whose change can alter the findings of any subject (a chain through the
    workshop): then every subject is checked again. Inserting or deleting (or moving) an object of a kind counts
    as a change of every field. `subject_at` is where the subject stands among a finding's ids. `further` names
    referring fields of the subject's kind to follow one step more: a supporting promise whose finding names its
    parent's promiser is checked again when that team is renamed ("parent"). `derived` names the set of the
    Context that `whole` changes (`reached`): then only the subjects that joined or left it are checked again.
    """

    subject: str
    reads: Mapping[str, Fields] = field(default_factory=dict)
    whole: Mapping[str, Fields] = field(default_factory=dict)
    subject_at: int = 0
    further: tuple[str, ...] = ()
    derived: str | None = None


@dataclass(frozen=True)
class Rule:
    """One code's check of one subject, with its scope."""

    code: str
    scope: Scope
    check: Callable[[Context, Any], Iterator[Finding]]


class Context:
    """What the rules ask of a workshop, answered from the document's indexes (no scan of a whole list)."""

    def __init__(self, document: Document, templates: Mapping[str, str] | None = None) -> None:
        self.document = document
        self.templates = templates or TEMPLATES
        self._reached: set[str] | None = None
        self._before: dict[str, set[str]] = {}  # derived sets as last worked out, until asked what changed

    def forget(self) -> None:
        """Drop what was worked out for the whole workshop (after an edit that may change it)."""
        if self._reached is not None:
            self._before["reached"] = self._reached
        self._reached = None

    def changed_in(self, derived: str) -> set[str] | None:
        """The ids that joined or left a derived set (`reached`) since it was last worked out; None when unknown."""
        before = self._before.pop(derived, None)
        if before is None:
            return None
        return before ^ getattr(self, derived)()

    def name(self, obj_id: str) -> str:
        """How a message names a segment, team or promise (its id when it has no name)."""
        obj = self.document.find(obj_id)
        kind = self.document.kind_of(obj_id)
        raw = getattr(obj, NAMES[kind], "") if kind in NAMES else ""
        return short_name(raw) or obj_id

    def finding(self, code: str, ids: tuple[str, ...], key: str | None = None, **fields: Any) -> Finding:
        key = key or code
        template = self.templates.get(key) or TEMPLATES[key]
        return Finding(code, CHECKS[code], template.format(**fields), ids)

    def is_segment(self, obj_id: str) -> bool:
        return self.document.kind_of(obj_id) == "segment"

    def from_client(self, p: m.Promise) -> bool:
        """A promise made by a client segment: only promise-from-client speaks of it (app.checks)."""
        return self.is_segment(p.from_)

    def promise(self, obj_id: str | None) -> m.Promise | None:
        found = self.document.find(obj_id) if obj_id else None
        return found if isinstance(found, m.Promise) else None

    def councils(self) -> list[m.Team]:
        return [t for t in self.document.model.teams if t.kind == "council"]

    def promises_from(self, party: str) -> Iterator[m.Promise]:
        refs = self.document.references
        return (self.document.get(p) for p in refs.referring(party, "promise", "from_"))

    def has_promise(self, source: str, target: str) -> bool:
        return any(p.to == target for p in self.promises_from(source))

    def has_link(self, source: str, target: str) -> bool:
        links = self.document.references.referring(source, "link", "from_")
        return any(self.document.get(lk).to == target for lk in links)

    def reached(self) -> set[str]:
        """Everyone with a chain of promises to a segment (one reverse breadth-first search from all segments)."""
        if self._reached is None:
            w = self.document.model
            reached = {s.id for s in w.segments}
            queue = deque(reached)
            refs = self.document.references
            while queue:
                for p in refs.referring(queue.popleft(), "promise", "to"):
                    source = self.document.get(p).from_
                    if source not in reached:
                        reached.add(source)
                        queue.append(source)
            self._reached = reached
        return self._reached


# ------------------------------------------------------------------------------------------------ promises
def promise_no_metric(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if not p.metric.strip() and not ctx.is_segment(p.from_):  # a client's promise: promise-from-client alone
        yield ctx.finding("promise-no-metric", (p.id,), promise=ctx.name(p.id), team=ctx.name(p.from_))


def promise_unempowered(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if p.status not in ("accepted", "kept") or ctx.is_segment(p.from_):
        return
    fields = {"promise": ctx.name(p.id), "team": ctx.name(p.from_), "status": p.status}
    if not p.authorities and not p.resources:
        yield ctx.finding("promise-unempowered", (p.id, p.from_), "promise-unempowered/none", **fields)
        return
    missing = [short_name(g.text) or "?" for g in unempowering_grants(p)]  # an approval: authority-is-approval
    if missing:
        yield ctx.finding("promise-unempowered", (p.id, p.from_), missing=quoted(missing), **fields)


def promise_from_client(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if ctx.is_segment(p.from_):
        yield ctx.finding("promise-from-client", (p.id, p.from_), promise=ctx.name(p.id), segment=ctx.name(p.from_))


def promise_without_link(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if not ctx.has_link(p.from_, p.to) and not ctx.is_segment(p.from_):
        yield ctx.finding("promise-without-link", (p.id, p.from_, p.to), promise=ctx.name(p.id),
                          source=ctx.name(p.from_), target=ctx.name(p.to))


# --------------------------------------------------------------------------------------------------- teams
def team_no_client_promise(ctx: Context, t: m.Team) -> Iterator[Finding]:
    if t.kind == "client_facing" and not any(ctx.is_segment(p.to) for p in ctx.promises_from(t.id)):
        yield ctx.finding("team-no-client-promise", (t.id,), team=ctx.name(t.id))


def team_not_serving_client(ctx: Context, t: m.Team) -> Iterator[Finding]:
    if t.kind == "service" and t.id not in ctx.reached():
        yield ctx.finding("team-not-serving-client", (t.id,), team=ctx.name(t.id))


def team_no_indicator(ctx: Context, t: m.Team) -> Iterator[Finding]:
    if t.indicator is None or not t.indicator.name.strip():
        yield ctx.finding("team-no-indicator", (t.id,), team=ctx.name(t.id))


def link_without_promise(ctx: Context, lk: m.Link) -> Iterator[Finding]:
    if ctx.is_segment(lk.to) and _promises_no_client(ctx, lk.from_):
        return  # team-no-client-promise names the team: one problem, not one more hint per link to a client
    if not ctx.has_promise(lk.from_, lk.to):
        yield ctx.finding("link-without-promise", (lk.id, lk.from_, lk.to), source=ctx.name(lk.from_),
                          target=ctx.name(lk.to))


def _promises_no_client(ctx: Context, team_id: str) -> bool:
    team = ctx.document.find(team_id)
    return getattr(team, "kind", None) == "client_facing" and not any(
        ctx.is_segment(p.to) for p in ctx.promises_from(team_id))


# ------------------------------------------------------------------------------------------------ canvases
def canvas_factor_count(ctx: Context, c: m.Canvas) -> Iterator[Finding]:
    if not 6 <= len(c.factors) <= 12:
        yield ctx.finding("canvas-factor-count", (c.id,), canvas=short_name(c.title) or c.id, count=len(c.factors))


def errc_contradicts_curves(ctx: Context, c: m.Canvas) -> Iterator[Finding]:
    to_be = next((cv for cv in c.curves if cv.visible and cv.kind == "to_be"), None)
    reference = next((cv for cv in c.curves if cv.reference), None)
    if to_be is None or reference is None:
        return
    low = float(c.scale[0])
    for f in c.factors:
        if f.errc is None:
            continue
        t, r = to_be.levels.get(f.id), reference.levels.get(f.id)
        if t is None or r is None or errc_agrees(f.errc, float(t), float(r), low):
            continue
        yield ctx.finding(
            "errc-contradicts-curves", (f.id, c.id, to_be.id, reference.id), factor=short_name(f.name) or f.id,
            canvas=short_name(c.title) or c.id, action=f.errc, to_be=short_name(to_be.name) or to_be.id,
            to_be_level=number_text(t), reference=short_name(reference.name) or reference.id,
            reference_level=number_text(r), minimum=number_text(low))


def curve_unscored(ctx: Context, c: m.Canvas) -> Iterator[Finding]:
    for cv in c.curves:
        if not cv.visible:
            continue
        missing = [f for f in c.factors if cv.levels.get(f.id) is None]
        if missing:
            yield ctx.finding("curve-unscored", (cv.id, c.id, *(f.id for f in missing)),
                              curve=short_name(cv.name) or cv.id, canvas=short_name(c.title) or c.id,
                              missing=quoted(short_name(f.name) or f.id for f in missing))


# ------------------------------------------------------------------------------------------------ workshop
def no_evolutionary_goal(ctx: Context, info: m.WorkshopInfo) -> Iterator[Finding]:
    if not info.evolutionary_goal.strip():
        yield ctx.finding("no-evolutionary-goal", ())


# ------------------------------------------------------------------------------------- version 2: promises
def promise_chain_at_risk(ctx: Context, s: m.Promise) -> Iterator[Finding]:
    """About the promise `s` supports (its first id), in the order of the supporting promises."""
    p = ctx.promise(s.parent)
    if p is None or p.id == s.id or p.status not in FIRM_STATUSES or ctx.from_client(p) or ctx.from_client(s):
        return
    reason = weakness(s)
    if reason is not None:
        key = "promise-chain-at-risk" if reason == "no-metric" else f"promise-chain-at-risk/{reason}"
        yield ctx.finding("promise-chain-at-risk", (p.id, s.id), key, promise=ctx.name(p.id), team=ctx.name(p.from_),
                          status=p.status, supporting=ctx.name(s.id), supporter=ctx.name(s.from_))


def authority_is_approval(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if ctx.from_client(p):
        return
    approvals = [short_name(g.text) for g in p.authorities if is_approval(g.text)]
    if approvals:
        yield ctx.finding("authority-is-approval", (p.id, p.from_), promise=ctx.name(p.id), team=ctx.name(p.from_),
                          approvals=quoted(approvals))


def promise_parent_mismatch(ctx: Context, s: m.Promise) -> Iterator[Finding]:
    p = ctx.promise(s.parent)
    if p is None or p.id == s.id or ctx.from_client(p) or ctx.from_client(s):
        return
    if s.to != p.from_ and s.to not in p.co_promisers:
        yield ctx.finding("promise-parent-mismatch", (s.id, p.id), promise=ctx.name(s.id), parent=ctx.name(p.id),
                          parent_team=ctx.name(p.from_), promisee=ctx.name(s.to))


def reading_not_met(ctx: Context, p: m.Promise) -> Iterator[Finding]:
    if p.status not in FIRM_STATUSES or ctx.from_client(p):
        return
    doc = ctx.document
    readings = sorted(doc.references.referring(p.id, "reading", "of"), key=doc.index_of)
    latest: Any = None
    for r in (doc.get(r_id) for r_id in readings):
        if latest is None or period_end(r.period) >= period_end(latest.period):
            latest = r  # the later period; of two for one period, the one entered last
    if latest is not None and latest.met is False:
        yield ctx.finding("reading-not-met", (p.id, latest.id), promise=ctx.name(p.id), team=ctx.name(p.from_),
                          status=p.status, value=short_name(latest.value) or "?", period=latest.period or "?")


# --------------------------------------------------------------------------- version 2: values, teams, ...
def value_without_holder(ctx: Context, v: m.Value) -> Iterator[Finding]:
    if not v.holder.strip():
        yield ctx.finding("value-without-holder", (v.id,), value=ctx.name(v.id))


def holder_not_on_council(ctx: Context, v: m.Value) -> Iterator[Finding]:
    if not v.holder.strip():
        return
    councils = ctx.councils()
    seated = {person_key(name) for t in councils for name in (t.lead, *t.members)} - {""}
    if person_key(v.holder) not in seated:
        key = None if councils else "holder-not-on-council/no-council"
        yield ctx.finding("holder-not-on-council", (v.id, *(t.id for t in councils)), key, value=ctx.name(v.id),
                          holder=short_name(v.holder))


def team_without_people(ctx: Context, t: m.Team) -> Iterator[Finding]:
    if not t.lead.strip() and not any(name.strip() for name in t.members):
        yield ctx.finding("team-without-people", (t.id,), team=ctx.name(t.id))


def team_no_motivation(ctx: Context, t: m.Team) -> Iterator[Finding]:
    if has_economics(t) and t.motivation is None:
        yield ctx.finding("team-no-motivation", (t.id,), team=ctx.name(t.id))


def motivation_shares(ctx: Context, t: m.Team) -> Iterator[Finding]:
    total = shares_off(t)
    if total is not None:
        yield ctx.finding("motivation-shares", (t.id,), team=ctx.name(t.id), total=number_text(round(total, 4)))


def experiment_without_decision(ctx: Context, e: m.Experiment) -> Iterator[Finding]:
    if e.status == "done" and e.decision is None:
        yield ctx.finding("experiment-without-decision", (e.id,), experiment=ctx.name(e.id))


def canvas_no_tagline(ctx: Context, c: m.Canvas) -> Iterator[Finding]:
    if not c.tagline.strip() and any(cv.kind == "to_be" for cv in c.curves):
        yield ctx.finding("canvas-no-tagline", (c.id,), canvas=short_name(c.title) or c.id)


_PROMISE_NAMED = {"promise": frozenset({"text", "from_"}), **_PARTY_NAMES}
_CANVAS = {"canvas": None, "factor": None, "curve": None, "level": None}
RULES: tuple[Rule, ...] = (
    Rule("promise-no-metric", Scope("promise", {**_PROMISE_NAMED, "promise": frozenset({"text", "from_", "metric"})}),
         promise_no_metric),
    Rule("promise-unempowered", Scope("promise", {
        **_PROMISE_NAMED, "promise": frozenset({"text", "from_", "status", "authorities", "resources"})}),
        promise_unempowered),
    Rule("promise-from-client", Scope("promise", _PROMISE_NAMED), promise_from_client),
    Rule("team-no-client-promise", Scope("team", {"team": frozenset({"kind", "name"}),
                                                  "promise": frozenset({"from_", "to"})}), team_no_client_promise),
    Rule("team-not-serving-client", Scope("team", {"team": frozenset({"kind", "name"})},
                                          whole={"promise": frozenset({"from_", "to"}), "segment": frozenset()},
                                          derived="reached"),
         team_not_serving_client),
    Rule("team-no-indicator", Scope("team", {"team": frozenset({"indicator", "name"})}), team_no_indicator),
    Rule("link-without-promise", Scope("link", {"link": frozenset({"from_", "to"}),
                                                "promise": frozenset({"from_", "to"}), **_PARTY_NAMES,
                                                "team": frozenset({"name", "kind"})}),
         link_without_promise),
    Rule("promise-without-link", Scope("promise", {**_PROMISE_NAMED, "promise": frozenset({"text", "from_", "to"}),
                                                   "link": frozenset({"from_", "to"})}), promise_without_link),
    Rule("canvas-factor-count", Scope("canvas", _CANVAS), canvas_factor_count),
    Rule("errc-contradicts-curves", Scope("canvas", _CANVAS, subject_at=1), errc_contradicts_curves),
    Rule("curve-unscored", Scope("canvas", _CANVAS, subject_at=1), curve_unscored),
    Rule("no-evolutionary-goal", Scope(WORKSHOP, {WORKSHOP: frozenset({"evolutionary_goal"})}), no_evolutionary_goal),
    Rule("promise-chain-at-risk", Scope("promise", {
        **_PARTY_NAMES, "promise": frozenset({"text", "from_", "parent", "status", "metric"})}, subject_at=1,
        further=("parent",)), promise_chain_at_risk),
    Rule("authority-is-approval", Scope("promise", {**_PROMISE_NAMED, "promise": frozenset({
        "text", "from_", "authorities"})}), authority_is_approval),
    Rule("promise-parent-mismatch", Scope("promise", {**_PARTY_NAMES, "promise": frozenset({
        "text", "from_", "to", "parent", "co_promisers"})}, further=("parent",)), promise_parent_mismatch),
    Rule("value-without-holder", Scope("value", {"value": frozenset({"holder", "name"})}), value_without_holder),
    Rule("holder-not-on-council", Scope("value", {"value": frozenset({"holder", "name"})},
                                        whole={"team": frozenset({"kind", "lead", "members"})}),
         holder_not_on_council),
    Rule("team-without-people", Scope("team", {"team": frozenset({"lead", "members", "name"})}), team_without_people),
    Rule("team-no-motivation", Scope("team", {"team": frozenset({"economics", "motivation", "name"})}),
         team_no_motivation),
    Rule("experiment-without-decision", Scope("experiment", {"experiment": frozenset({
        "status", "decision", "hypothesis"})}), experiment_without_decision),
    Rule("canvas-no-tagline", Scope("canvas", _CANVAS), canvas_no_tagline),
    Rule("reading-not-met", Scope("promise", {**_PROMISE_NAMED, "promise": frozenset({"text", "from_", "status"}),
                                              "reading": None}), reading_not_met),
    Rule("motivation-shares", Scope("team", {"team": frozenset({"motivation", "name"})}), motivation_shares),
)
"""A rule for each code of app.checks that has one (a code without a rule is checked whole by the live checks)."""
