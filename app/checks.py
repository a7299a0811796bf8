"""Methodology checks (FORMAT.md, "Methodology checks"): a pure function from a workshop to its findings."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Mapping

from app import model as m

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
}

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


def run_checks(w: m.Workshop, templates: Mapping[str, str] | None = None) -> list[Finding]:
    """All findings of the workshop, in the order of FORMAT.md's table and then in model order."""
    return list(_Checker(w, templates or TEMPLATES).run())


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _NAME_LIMIT else text[: _NAME_LIMIT - 1].rstrip() + "…"


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _num(x: float) -> str:
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
        self.names: dict[str, str] = {}
        self.segment_ids = {s.id for s in w.segments}
        self.promise_pairs = {(p.from_, p.to) for p in w.promises}
        self.link_pairs = {(lk.from_, lk.to) for lk in w.links}

    def name(self, obj_id: str) -> str:
        name = self.names.get(obj_id)
        if name is None:
            name = self.names[obj_id] = _short(self.raw.get(obj_id, "")) or obj_id
        return name

    def finding(self, code: str, ids: tuple[str, ...], key: str | None = None, **fields: Any) -> Finding:
        key = key or code
        template = self.templates.get(key) or TEMPLATES[key]
        return Finding(code, CHECKS[code], template.format(**fields), ids)

    def run(self) -> Iterator[Finding]:
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
        ):
            yield from check()

    # ------------------------------------------------------------- promises
    def promise_no_metric(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if not p.metric.strip():
                yield self.finding("promise-no-metric", (p.id,), promise=self.name(p.id), team=self.name(p.from_))

    def promise_unempowered(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if p.status not in ("accepted", "kept"):
                continue
            grants = (*p.authorities, *p.resources)
            fields = {"promise": self.name(p.id), "team": self.name(p.from_), "status": p.status}
            if not grants:
                yield self.finding("promise-unempowered", (p.id, p.from_), "promise-unempowered/none", **fields)
                continue
            missing = [_short(g.text) or "?" for g in grants if not g.granted]
            if missing:
                yield self.finding("promise-unempowered", (p.id, p.from_), missing=_quoted(missing), **fields)

    def promise_from_client(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if p.from_ in self.segment_ids:
                yield self.finding(
                    "promise-from-client", (p.id, p.from_), promise=self.name(p.id), segment=self.name(p.from_)
                )

    # ---------------------------------------------------------------- teams
    def team_no_client_promise(self) -> Iterator[Finding]:
        promising = {a for a, b in self.promise_pairs if b in self.segment_ids}
        for t in self.w.teams:
            if t.kind == "client_facing" and t.id not in promising:
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
        for lk in self.w.links:
            if (lk.from_, lk.to) not in self.promise_pairs:
                yield self.finding(
                    "link-without-promise",
                    (lk.id, lk.from_, lk.to),
                    source=self.name(lk.from_),
                    target=self.name(lk.to),
                )

    def promise_without_link(self) -> Iterator[Finding]:
        for p in self.w.promises:
            if (p.from_, p.to) not in self.link_pairs:
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
                yield self.finding("canvas-factor-count", (c.id,), canvas=_short(c.title) or c.id, count=len(c.factors))

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
                    factor=_short(f.name) or f.id,
                    canvas=_short(c.title) or c.id,
                    action=f.errc,
                    to_be=_short(to_be.name) or to_be.id,
                    to_be_level=_num(t),
                    reference=_short(reference.name) or reference.id,
                    reference_level=_num(r),
                    minimum=_num(low),
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
                        curve=_short(cv.name) or cv.id,
                        canvas=_short(c.title) or c.id,
                        missing=_quoted(_short(f.name) or f.id for f in missing),
                    )

    # ------------------------------------------------------------- workshop
    def no_evolutionary_goal(self) -> Iterator[Finding]:
        if not self.w.info.evolutionary_goal.strip():
            yield self.finding("no-evolutionary-goal", ())


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
