"""Rules of the promise system: empowerment, bundles, chains to the client, and one-click fixes as edits."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable

from app import changes as c
from app import model as m
from app.checks import Finding, unempowering_grants
from app.document import Document
from app.edits import Batch, Edit, Insert

EMPOWERED_STATUSES = ("accepted", "kept")
"""Statuses that claim the promiser holds everything it needs (the empowerment rule applies to them)."""

FIXABLE_CODES = ("promise-without-link", "link-without-promise")
"""Finding codes that have a one-click fix (`fix_for`)."""


# ------------------------------------------------------------------------------------------ empowerment
def missing_grants(p: m.Promise) -> list[m.Grant]:
    """The authorities and then the resources of `p` that are not granted yet, as promise-unempowered names them:
    an approval («согласовать») among the authorities is not one of them (authority-is-approval names it: granting
    an approval is no remedy)."""
    return unempowering_grants(p)


def is_unempowered(p: m.Promise) -> bool:
    """True when `p` breaks the empowerment rule as promise-unempowered tells: accepted or kept with something not
    granted (an approval aside), or nothing listed."""
    if p.status not in EMPOWERED_STATUSES:
        return False
    return (not p.authorities and not p.resources) or bool(unempowering_grants(p))


def grant_summary(grants: Iterable[m.Grant]) -> str:
    """"2/3 ✓" (granted of listed), or "" for an empty list."""
    grants = tuple(grants)
    if not grants:
        return ""
    return f"{sum(g.granted for g in grants)}/{len(grants)} ✓"


# ---------------------------------------------------------------------------------------------- bundles
def pair_key(p: m.Promise) -> tuple[str, str]:
    """The (promiser, promisee) pair a promise is drawn between."""
    return (p.from_, p.to)


def bundles(w: m.Workshop) -> dict[tuple[str, str], list[str]]:
    """Promise ids grouped by (promiser, promisee) pair, each group in model order (a bundle when 2 or more)."""
    grouped: dict[tuple[str, str], list[str]] = {}
    for p in w.promises:
        grouped.setdefault((p.from_, p.to), []).append(p.id)
    return grouped


# ----------------------------------------------------------------------------------------------- chains
@dataclass
class FeedGraph:
    """Which promise helps keep which: p feeds q when q is p's parent (p supports q), or when p names no parent,
    goes to a team, and q is one of that team's promises to a client (p then helps it keep those)."""

    forward: dict[str, list[str]]
    backward: dict[str, list[str]]
    by_promiser: dict[str, list[str]]
    by_promisee: dict[str, list[str]]

    @classmethod
    def of(cls, w: m.Workshop) -> FeedGraph:
        """Build the graph of a workshop in one pass over its promises."""
        segments = {s.id for s in w.segments}
        by_promiser: dict[str, list[str]] = {}
        by_promisee: dict[str, list[str]] = {}
        to_clients: dict[str, list[str]] = {}
        for p in w.promises:
            by_promiser.setdefault(p.from_, []).append(p.id)
            by_promisee.setdefault(p.to, []).append(p.id)
            if p.to in segments:
                to_clients.setdefault(p.from_, []).append(p.id)
        ids = {p.id for p in w.promises}
        forward: dict[str, list[str]] = {}
        backward: dict[str, list[str]] = {}
        for p in w.promises:
            if p.parent is not None and p.parent in ids:
                fed = [p.parent]
            else:
                fed = to_clients.get(p.to, [])  # empty for a promise to a segment: the chain ends at the client
            for q in fed:
                if q != p.id:
                    forward.setdefault(p.id, []).append(q)
                    backward.setdefault(q, []).append(p.id)
        return cls(forward, backward, by_promiser, by_promisee)

    @staticmethod
    def _closure(start: Iterable[str], edges: dict[str, list[str]]) -> set[str]:
        seen = set(start)
        queue = deque(seen)
        while queue:
            for nxt in edges.get(queue.popleft(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        return seen

    def chain_of_team(self, team_id: str) -> set[str]:
        """The team's chain to the client: its promises, those they feed up to the segments, and those feeding them."""
        own = self.by_promiser.get(team_id, [])
        return self._closure(own, self.forward) | self._closure(own, self.backward)

    def reaching_segment(self, segment_id: str) -> set[str]:
        """Every promise that reaches the segment: the promises made to it and all that feed them."""
        return self._closure(self.by_promisee.get(segment_id, []), self.backward)


def chain_of_team(w: m.Workshop, team_id: str) -> set[str]:
    """Ids of the promises on a team's chain to the client (see FeedGraph)."""
    return FeedGraph.of(w).chain_of_team(team_id)


def promises_reaching(w: m.Workshop, segment_id: str) -> set[str]:
    """Ids of every promise that reaches a client segment through the promises it feeds."""
    return FeedGraph.of(w).reaching_segment(segment_id)


def focus_of(w: m.Workshop, node_id: str, graph: FeedGraph | None = None) -> set[str]:
    """The promises to highlight when a party is selected: a team's chain, or all that reach a segment."""
    graph = graph or FeedGraph.of(w)
    if any(s.id == node_id for s in w.segments):
        return graph.reaching_segment(node_id)
    return graph.chain_of_team(node_id)


# ------------------------------------------------------------------------------------------- new promise
def promise_refusal(doc: Document, promiser: str, promisee: str) -> str | None:
    """Why a promise from `promiser` to `promisee` cannot be drawn (English, for self.tr), or None when it can."""
    kind_from, kind_to = doc.kind_of(promiser), doc.kind_of(promisee)
    if kind_from == "segment":
        return "A client segment cannot promise: draw from a team to a segment or to another team."
    if kind_from != "team" or kind_to not in ("team", "segment"):
        return "A promise goes from a team to a segment or to another team."
    if promiser == promisee:
        return "A team cannot promise to itself."
    return None


def new_promise(doc: Document, promiser: str, promisee: str, text: str = "", **fields: Any) -> Insert:
    """The edit that adds a draft promise from `promiser` to `promisee` at the end of the list."""
    promise = m.Promise(c.new_id(), promiser, promisee, text, **fields)
    return c.insert(doc, promise, label="Add promise")


# ------------------------------------------------------------------------------------------------ fixes
def fix_promise_without_link(doc: Document, promise_id: str) -> Insert:
    """Add the structure link promiser → promisee that a promise has no match for."""
    p: m.Promise = doc.get(promise_id)
    return c.insert(doc, m.Link(c.new_id(), p.from_, p.to), label="Add structure link")


def fix_link_without_promise(doc: Document, link_id: str) -> Insert:
    """Draft the promise that a structure link A → B still lacks (its text left for the workshop to write)."""
    link: m.Link = doc.get(link_id)
    return new_promise(doc, link.from_, link.to, draft_text(doc, link.to))


def draft_text(doc: Document, promisee: str) -> str:
    """A placeholder text for a drafted promise ("Promise to <name>"), to be rewritten in the workshop."""
    target = doc.find(promisee)
    name = getattr(target, "name", "") or promisee
    return f"Обещание для «{name}»" if doc.model.info.language == "ru" else f"Promise to “{name}”"


def fix_for(doc: Document, finding: Finding) -> Insert | None:
    """The one-click fix of a finding as an edit, or None when the finding has none (or no longer applies)."""
    if finding.code not in FIXABLE_CODES or not finding.ids:
        return None
    target = doc.find(finding.ids[0])
    if finding.code == "promise-without-link" and isinstance(target, m.Promise):
        if any(lk.from_ == target.from_ and lk.to == target.to for lk in doc.model.links):
            return None
        if doc.kind_of(target.from_) != "team":
            return None
        return fix_promise_without_link(doc, target.id)
    if finding.code == "link-without-promise" and isinstance(target, m.Link):
        if any(p.from_ == target.from_ and p.to == target.to for p in doc.model.promises):
            return None
        return fix_link_without_promise(doc, target.id)
    return None


def fix_all(doc: Document, findings: Iterable[Finding], code: str) -> Batch | None:
    """One batch fixing every finding of `code` that has a fix (each pair fixed once), or None when none has."""
    edits: list[Edit] = []
    done: set[tuple[str, str]] = set()
    for f in findings:
        if f.code != code:
            continue
        edit = fix_for(doc, f)
        if edit is None:
            continue
        pair = (edit.obj.from_, edit.obj.to)
        if pair in done:
            continue
        done.add(pair)
        edits.append(_at_index(edit, len(edits)))
    if not edits:
        return None
    label = "Add structure links" if code == "promise-without-link" else "Draft missing promises"
    return Batch(tuple(edits), label)


def _at_index(edit: Edit, offset: int) -> Edit:
    """An Insert at the end of its list moved `offset` places on (inserts of one batch go one after another)."""
    if isinstance(edit, Insert):
        return Insert(edit.kind, edit.obj, edit.index + offset, edit.parent, edit.label)
    return edit
