"""Methodology checks (FORMAT.md, "Methodology checks"): a pure function from a workshop to its findings."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from app import model as m
from app.approvals import is_approval
from app.gcpause import collector_paused

SEVERITIES: tuple[str, ...] = ("error", "warning", "hint")

# Every code of FORMAT.md's table with its severity, in the table's order (the order of the findings).
CHECKS: dict[str, str] = {
    "promise-no-metric": "warning",
    "promise-unempowered": "error",
    "promise-from-client": "error",
    "team-no-client-promise": "warning",
    "team-not-serving-client": "warning",
    "team-no-indicator": "hint",
    "link-without-promise": "hint",
    "promise-without-link": "hint",
    "canvas-factor-count": "hint",
    "errc-contradicts-curves": "warning",
    "curve-unscored": "hint",
    "no-evolutionary-goal": "hint",
    # Added with version 2 (FORMAT.md, "Methodology checks added with version 2").
    "promise-chain-at-risk": "warning",
    "authority-is-approval": "warning",
    "promise-parent-mismatch": "hint",
    "value-without-holder": "hint",
    "holder-not-on-council": "warning",
    "team-without-people": "hint",
    "team-no-motivation": "hint",
    "experiment-without-decision": "hint",
    "canvas-no-tagline": "hint",
    "reading-not-met": "warning",
    # This app's own check, not in FORMAT.md's tables (docs/format-additions.md, "This app's own checks").
    "motivation-shares": "warning",
}
CODES: tuple[str, ...] = tuple(CHECKS)

# One message template per code (str.format, named fields), so that a GUI can translate them by code and pass
# its own dict to `run_checks(..., templates=...)`. "promise-unempowered/none" is the one variant: the promise
# lists no authority or resource at all. The templates, not the fields, hold the quotes around names.
TEMPLATES: dict[str, str] = {
    "promise-no-metric": 'Promise "{promise}" from "{team}" has no metric',
    "promise-unempowered": 'Promise "{promise}" from "{team}" is {status} but not granted: {missing}',
    "promise-unempowered/none": 'Promise "{promise}" from "{team}" is {status} but lists no authorities or resources',
    "promise-from-client": 'Promise "{promise}" is made by the client segment "{segment}"; a client never promises',
    "team-no-client-promise": 'Client-facing team "{team}" makes no promise to any client segment',
    "team-not-serving-client": 'Service team "{team}" has no chain of promises that reaches a client segment',
    "team-no-indicator": 'Team "{team}" has no success indicator',
    "link-without-promise": '"{source}" serves "{target}" in the structure but has made it no promise yet',
    "promise-without-link": 'Promise "{promise}" from "{source}" to "{target}" has no matching structure link',
    "canvas-factor-count": 'Canvas "{canvas}" has {count} factors; a strategy canvas needs 6 to 12',
    "errc-contradicts-curves": 'Factor "{factor}" on canvas "{canvas}" is marked {action}, but the to-be curve '
    '"{to_be}" is at {to_be_level} and the reference curve "{reference}" at {reference_level} '
    "(scale minimum {minimum})",
    "curve-unscored": 'Curve "{curve}" on canvas "{canvas}" has no level for {missing}',
    "no-evolutionary-goal": "The workshop has no evolutionary goal",
    "promise-chain-at-risk": 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from '
    '"{supporter}", which has no metric',
    "promise-chain-at-risk/draft": 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from '
    '"{supporter}", which is still a draft',
    "promise-chain-at-risk/negotiating": 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" '
    'from "{supporter}", which is still under negotiation',
    "promise-chain-at-risk/broken": 'Promise "{promise}" from "{team}" is {status} but rests on "{supporting}" from '
    '"{supporter}", which is broken',
    "authority-is-approval": 'Promise "{promise}" from "{team}" lists an approval as an authority: {approvals}; '
    "an authority is a right to act without approvals",
    "promise-parent-mismatch": 'Promise "{promise}" supports "{parent}" from "{parent_team}" but is made to '
    '"{promisee}"; a supporting promise is made to the team that gave the promise it supports',
    "value-without-holder": 'Root value "{value}" has no holder',
    "holder-not-on-council": '"{holder}", the holder of root value "{value}", is neither the lead nor a member of '
    "the council of managers",
    "holder-not-on-council/no-council": '"{holder}", the holder of root value "{value}", sits on no council of '
    "managers: the workshop has none yet",
    "team-without-people": 'Team "{team}" has neither a lead nor members',
    "team-no-motivation": 'Team "{team}" has economics but no motivation for its members',
    "experiment-without-decision": 'Experiment "{experiment}" is done but has no decision: keep, drop or iterate',
    "canvas-no-tagline": 'Canvas "{canvas}" has a to-be curve but no tagline: the strategy in one line',
    "reading-not-met": 'Promise "{promise}" from "{team}" is {status} but its latest reading, {value} for '
    "{period}, missed the target",
    "motivation-shares": 'Members\' shares of the bonus pool of team "{team}" add up to {total}, not 1',
}

FIRM_STATUSES = ("accepted", "kept")
"""Statuses that claim a promise is being kept: empowerment, the chain under it and its readings are checked."""
WEAK_STATUSES = ("draft", "negotiating", "broken")
"""Statuses of a supporting promise that put the promise it supports at risk (so does a missing metric)."""

SHARES_TOLERANCE = 0.005
"""Shares adding up to 1 within half a per cent count as adding up (typed as 0.33 + 0.33 + 0.34 and the like)."""

_NAME_LIMIT = 60  # promise texts are sentences: name them by their first 60 characters
_EPS = 1e-9  # levels snap to the canvas step; compare them with a tolerance for float noise


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of the methodology checks: what (code), how bad (severity), why (message), about which ids."""

    code: str
    severity: str
    message: str
    ids: tuple[str, ...] = ()


def finding_to_json(f: Finding) -> dict[str, Any]:
    """The finding as FORMAT.md's JSON object: {"code", "severity", "message", "ids": [...]}."""
    return {"code": f.code, "severity": f.severity, "message": f.message, "ids": list(f.ids)}


def findings_by_id(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped under every id they name (an object's badge in the GUI), each list in findings' order."""
    grouped: dict[str, list[Finding]] = {}
    for f in findings:
        for obj_id in dict.fromkeys(f.ids):
            grouped.setdefault(obj_id, []).append(f)
    return grouped


def run_checks(
    w: m.Workshop, templates: Mapping[str, str] | None = None, codes: Iterable[str] | None = None
) -> list[Finding]:
    """All findings of the workshop (or those of `codes` only), in the order of FORMAT.md's table and then in model
    order."""
    with collector_paused():  # a finding per object at most, no cycles: no full scans of the workshop meanwhile
        return list(_Checker(w, templates or TEMPLATES).run(None if codes is None else frozenset(codes)))


def short_name(text: str) -> str:
    """A name as the messages give it (a promise's text is a sentence: its first 60 characters)."""
    text = " ".join(text.split())
    return text if len(text) <= _NAME_LIMIT else text[: _NAME_LIMIT - 1].rstrip() + "…"


def quoted(names: Iterable[str]) -> str:
    """Names in quotes, comma-separated."""
    return ", ".join(f'"{n}"' for n in names)


def number_text(x: float) -> str:
    """A number as the messages write it (no trailing zeros)."""
    return f"{x:g}"


class _Checker:
    """One run of the checks: the indexes built once, then one generator per code."""

    def __init__(self, w: m.Workshop, templates: Mapping[str, str]) -> None:
        self.w = w
        self.templates = templates
        # Raw names by id; shortened only when a finding names the object (most objects are never named).
        self.raw: dict[str, str] = {s.id: s.name for s in w.segments}
        self.raw.update((t.id, t.name) for t in w.teams)
        self.raw.update((p.id, p.text) for p in w.promises)
        self.raw.update((v.id, v.name) for v in w.values)
        self.raw.update((e.id, e.hypothesis) for e in w.experiments)
        self.names: dict[str, str] = {}
        self.segment_ids = {s.id for s in w.segments}
        self.promise_pairs = {(p.from_, p.to) for p in w.promises}
        self.link_pairs = {(lk.from_, lk.to) for lk in w.links}
        self.promises = {p.id: p for p in w.promises}

    def name(self, obj_id: str) -> str:
        name = self.names.get(obj_id)
        if name is None:
            name = self.names[obj_id] = short_name(self.raw.get(obj_id, "")) or obj_id
        return name

    def finding(self, code: str, ids: tuple[str, ...], key: str | None = None, **fields: Any) -> Finding:
        key = key or code
        template = self.templates.get(key) or TEMPLATES[key]
        return Finding(code, CHECKS[code], template.format(**fields), ids)

    def run(self, codes: frozenset[str] | None = None) -> Iterator[Finding]:
        for check in (
            self.promise_no_metric,
            self.promise_unempowered,
            self.promise_from_client,
            self.team_no_client_promise,
            self.team_not_serving_client,
            self.team_no_indicator,
            self.link_without_promise,
            self.promise_without_link,
            self.canvas_factor_count,
            self.errc_contradicts_curves,
            self.curve_unscored,
            self.no_evolutionary_goal,
            self.promise_chain_at_risk,
            self.authority_is_approval,
            self.promise_parent_mismatch,
            self.value_without_holder,
            self.holder_not_on_council,
            self.team_without_people,
            self.team_no_motivation,
            self.experiment_without_decision,
            self.canvas_no_tagline,
            self.reading_not_met,
            self.motivation_shares,
        ):
            if codes is None or check.__name__.replace("_", "-") in codes:
                yield from check()

    # ------------------------------------------------------------- promises
    def from_client(self, p: m.Promise) -> bool:
        """A promise made by a client segment: promise-from-client says all there is to say about it (a client
        never promises), so the other checks of a promise pass it over (its metric, grants, link, chain, readings)."""
        return p.from_ in self.segment_ids

    def promise_no_metric(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if not p.metric.strip() and not self.from_client(p):
                yield self.finding("promise-no-metric", (p.id,), promise=self.name(p.id), team=self.name(p.from_))

    def promise_unempowered(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if p.status not in FIRM_STATUSES or self.from_client(p):
                continue
            fields = {"promise": self.name(p.id), "team": self.name(p.from_), "status": p.status}
            if not p.authorities and not p.resources:
                yield self.finding("promise-unempowered", (p.id, p.from_), "promise-unempowered/none", **fields)
                continue
            missing = [short_name(g.text) or "?" for g in unempowering_grants(p)]
            if missing:
                yield self.finding("promise-unempowered", (p.id, p.from_), missing=quoted(missing), **fields)

    def promise_from_client(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if p.from_ in self.segment_ids:
                yield self.finding(
                    "promise-from-client", (p.id, p.from_), promise=self.name(p.id), segment=self.name(p.from_)
                )

    # ---------------------------------------------------------------- teams
    def silent_client_facing(self) -> set[str]:
        """Client-facing teams that promise no client segment anything (team-no-client-promise names them)."""
        promising = {a for a, b in self.promise_pairs if b in self.segment_ids}
        return {t.id for t in self.w.teams if t.kind == "client_facing" and t.id not in promising}

    def team_no_client_promise(self) -> Iterator[Finding]:
        silent = self.silent_client_facing()
        for t in self.w.teams:
            if t.id in silent:
                yield self.finding("team-no-client-promise", (t.id,), team=self.name(t.id))

    def team_not_serving_client(self) -> Iterator[Finding]:
        # Everyone with a chain of promises to a segment: one reverse breadth-first search from all segments.
        promisers: dict[str, list[str]] = {}
        for a, b in self.promise_pairs:
            promisers.setdefault(b, []).append(a)
        reached = set(self.segment_ids)
        queue = deque(reached)
        while queue:
            for a in promisers.get(queue.popleft(), ()):
                if a not in reached:
                    reached.add(a)
                    queue.append(a)
        for t in self.w.teams:
            if t.kind == "service" and t.id not in reached:
                yield self.finding("team-not-serving-client", (t.id,), team=self.name(t.id))

    def team_no_indicator(self) -> Iterator[Finding]:
        for t in self.w.teams:
            if t.indicator is None or not t.indicator.name.strip():
                yield self.finding("team-no-indicator", (t.id,), team=self.name(t.id))

    # ---------------------------------------------------- links and promises
    def link_without_promise(self) -> Iterator[Finding]:
        # A client-facing team that promises no client anything is one problem (team-no-client-promise), not one
        # more hint for each of its links to a segment: those links are passed over.
        silent = self.silent_client_facing()
        for lk in self.w.links:
            if (lk.from_, lk.to) in self.promise_pairs or (lk.from_ in silent and lk.to in self.segment_ids):
                continue
            yield self.finding(
                "link-without-promise", (lk.id, lk.from_, lk.to), source=self.name(lk.from_), target=self.name(lk.to)
            )

    def promise_without_link(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if (p.from_, p.to) not in self.link_pairs and not self.from_client(p):
                yield self.finding(
                    "promise-without-link",
                    (p.id, p.from_, p.to),
                    promise=self.name(p.id),
                    source=self.name(p.from_),
                    target=self.name(p.to),
                )

    # ------------------------------------------------------------- canvases
    def canvas_factor_count(self) -> Iterator[Finding]:
        for c in self.w.canvases:
            if not 6 <= len(c.factors) <= 12:
                yield self.finding("canvas-factor-count", (c.id,), canvas=short_name(c.title) or c.id,
                                   count=len(c.factors))

    def errc_contradicts_curves(self) -> Iterator[Finding]:
        for c in self.w.canvases:
            to_be = next((cv for cv in c.curves if cv.visible and cv.kind == "to_be"), None)
            reference = next((cv for cv in c.curves if cv.reference), None)
            if to_be is None or reference is None:
                continue
            low = float(c.scale[0])
            for f in c.factors:
                if f.errc is None:
                    continue
                t, r = to_be.levels.get(f.id), reference.levels.get(f.id)
                if t is None or r is None or errc_agrees(f.errc, float(t), float(r), low):
                    continue
                yield self.finding(
                    "errc-contradicts-curves",
                    (f.id, c.id, to_be.id, reference.id),
                    factor=short_name(f.name) or f.id,
                    canvas=short_name(c.title) or c.id,
                    action=f.errc,
                    to_be=short_name(to_be.name) or to_be.id,
                    to_be_level=number_text(t),
                    reference=short_name(reference.name) or reference.id,
                    reference_level=number_text(r),
                    minimum=number_text(low),
                )

    def curve_unscored(self) -> Iterator[Finding]:
        for c in self.w.canvases:
            for cv in c.curves:
                if not cv.visible:
                    continue
                missing = [f for f in c.factors if cv.levels.get(f.id) is None]
                if missing:
                    yield self.finding(
                        "curve-unscored",
                        (cv.id, c.id, *(f.id for f in missing)),
                        curve=short_name(cv.name) or cv.id,
                        canvas=short_name(c.title) or c.id,
                        missing=quoted(short_name(f.name) or f.id for f in missing),
                    )

    # ------------------------------------------------------------- workshop
    def no_evolutionary_goal(self) -> Iterator[Finding]:
        if not self.w.info.evolutionary_goal.strip():
            yield self.finding("no-evolutionary-goal", ())

    # ------------------------------------------------- version 2: promises
    def promise_chain_at_risk(self) -> Iterator[Finding]:
        # One finding for each supporting promise that is not firm, about the promise it supports (its first id).
        # A supporting promise without a metric is also named by promise-no-metric: that finding is about the
        # supporting promise (its promiser must measure it), this one about the promise accepted on top of it.
        for s in self.w.promises:
            p = self.promises.get(s.parent) if s.parent else None
            if p is None or p.id == s.id or p.status not in FIRM_STATUSES or self.from_client(p) or self.from_client(s):
                continue
            reason = weakness(s)
            if reason is not None:
                key = "promise-chain-at-risk" if reason == "no-metric" else f"promise-chain-at-risk/{reason}"
                yield self.finding(
                    "promise-chain-at-risk", (p.id, s.id), key, promise=self.name(p.id), team=self.name(p.from_),
                    status=p.status, supporting=self.name(s.id), supporter=self.name(s.from_),
                )

    def authority_is_approval(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if self.from_client(p):
                continue
            approvals = [short_name(g.text) for g in p.authorities if is_approval(g.text)]
            if approvals:
                yield self.finding("authority-is-approval", (p.id, p.from_), promise=self.name(p.id),
                                   team=self.name(p.from_), approvals=quoted(approvals))

    def promise_parent_mismatch(self) -> Iterator[Finding]:
        for s in self.w.promises:
            p = self.promises.get(s.parent) if s.parent else None
            if p is None or p.id == s.id or self.from_client(p) or self.from_client(s):
                continue
            if s.to != p.from_ and s.to not in p.co_promisers:  # a joint promise's co-promisers are its promisers
                yield self.finding(
                    "promise-parent-mismatch", (s.id, p.id), promise=self.name(s.id), parent=self.name(p.id),
                    parent_team=self.name(p.from_), promisee=self.name(s.to),
                )

    def reading_not_met(self) -> Iterator[Finding]:
        latest: dict[str, m.Reading] = {}
        for r in self.w.readings:
            if r.of in self.promises:
                kept = latest.get(r.of)
                if kept is None or period_end(r.period) >= period_end(kept.period):
                    latest[r.of] = r  # the later period; of two for one period, the one entered last
        for p in self.w.promises:
            last = latest.get(p.id)
            if last is not None and last.met is False and p.status in FIRM_STATUSES and not self.from_client(p):
                yield self.finding(
                    "reading-not-met", (p.id, last.id), promise=self.name(p.id), team=self.name(p.from_),
                    status=p.status, value=short_name(last.value) or "?", period=last.period or "?",
                )

    # --------------------------------------------------- version 2: values
    def value_without_holder(self) -> Iterator[Finding]:
        for v in self.w.values:
            if not v.holder.strip():
                yield self.finding("value-without-holder", (v.id,), value=self.name(v.id))

    def holder_not_on_council(self) -> Iterator[Finding]:
        councils = [t for t in self.w.teams if t.kind == "council"]
        seated = {person_key(name) for t in councils for name in (t.lead, *t.members)} - {""}
        council_ids = tuple(t.id for t in councils)
        key = None if councils else "holder-not-on-council/no-council"
        for v in self.w.values:
            if v.holder.strip() and person_key(v.holder) not in seated:
                yield self.finding("holder-not-on-council", (v.id, *council_ids), key, value=self.name(v.id),
                                   holder=short_name(v.holder))

    # ---------------------------------------------------- version 2: teams
    def team_without_people(self) -> Iterator[Finding]:
        for t in self.w.teams:
            if not t.lead.strip() and not any(name.strip() for name in t.members):
                yield self.finding("team-without-people", (t.id,), team=self.name(t.id))

    def team_no_motivation(self) -> Iterator[Finding]:
        for t in self.w.teams:
            if has_economics(t) and t.motivation is None:
                yield self.finding("team-no-motivation", (t.id,), team=self.name(t.id))

    def motivation_shares(self) -> Iterator[Finding]:
        for t in self.w.teams:
            total = shares_off(t)
            if total is not None:
                yield self.finding("motivation-shares", (t.id,), team=self.name(t.id),
                                   total=number_text(round(total, 4)))

    # ------------------------------------ version 2: experiments, canvases
    def experiment_without_decision(self) -> Iterator[Finding]:
        for e in self.w.experiments:
            if e.status == "done" and e.decision is None:
                yield self.finding("experiment-without-decision", (e.id,), experiment=self.name(e.id))

    def canvas_no_tagline(self) -> Iterator[Finding]:
        for c in self.w.canvases:
            if not c.tagline.strip() and any(cv.kind == "to_be" for cv in c.curves):
                yield self.finding("canvas-no-tagline", (c.id,), canvas=short_name(c.title) or c.id)


def unempowering_grants(p: m.Promise) -> list[m.Grant]:
    """The grants of `p` that promise-unempowered names as missing: those not granted, but for an authority that is
    really an approval: authority-is-approval names it, and granting an approval is no remedy (the remedy is a
    right that needs none), so the same grant is not reported twice."""
    return [g for g in p.authorities if not g.granted and not is_approval(g.text)] + [
        g for g in p.resources if not g.granted
    ]


def weakness(p: m.Promise) -> str | None:
    """Why a supporting promise puts the promise it supports at risk: its status (draft, negotiating, broken) or
    "no-metric"; None when it is firm."""
    if p.status in WEAK_STATUSES:
        return p.status
    if p.status != "retired" and not p.metric.strip():
        return "no-metric"
    return None


def has_economics(t: m.Team) -> bool:
    """Whether a team's economics holds any number (stage 7: an economics of unknowns is not worked out yet)."""
    e = t.economics
    return e is not None and any(x is not None for x in (e.revenue, e.costs, e.internal_revenue, e.internal_costs))


def shares_off(t: m.Team) -> float | None:
    """The total of the members' shares of the team's bonus pool when it is not 1 (± SHARES_TOLERANCE), else None
    (no motivation or no shares: nothing to add up)."""
    shares = t.motivation.shares if t.motivation else ()
    total = sum(s.share for s in shares)
    return total if shares and abs(total - 1.0) > SHARES_TOLERANCE else None


def person_key(name: str) -> str:
    """A person's name as names are compared: spaces collapsed, case and «ё» ignored."""
    return " ".join(name.split()).casefold().replace("ё", "е")


def period_end(period: str) -> str:
    """A reading's period as a sortable key of its end: "2026-03" ends after "2026-03-31" (the month is whole)."""
    period = period.strip()
    return period + "-99" if len(period) == 7 else period


def errc_agrees(action: str, to_be: float, reference: float, low: float) -> bool:
    """Whether the to-be and reference levels bear out the factor's ERRC action (FORMAT.md's rules)."""
    if action == "eliminate":
        return abs(to_be - low) <= _EPS
    if action == "reduce":
        return low + _EPS < to_be < reference - _EPS
    if action == "raise":
        return to_be > reference + _EPS
    if action == "create":
        return abs(reference - low) <= _EPS and to_be > low + _EPS
    return True  # an unknown action is the validator's business, not a contradiction of the curves
