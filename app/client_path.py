"""The path from the client against the path of approvals (L365–425): the approval steps on a client promise's chain.

The seed contrasts two answers to one complaint (spoilt cheese): the path of long approvals, where «всю энергию,
которая тратится внутри организации на процессы и согласования, недополучают её клиенты», and the path from the
client, where the hot line refunds at once. For a promise to a client the app counts the approvals its keeping
waits on: every authority on its chain that is really an approval (app.approvals), and every supporting promise
still under negotiation. The chain is the promise and every promise that feeds it (app.promise_rules.FeedGraph: its
supporting promises, theirs, and so on). Zero is the path from the client.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import model as m
from app.approvals import is_approval
from app.promise_rules import FeedGraph


@dataclass(frozen=True)
class ApprovalSteps:
    """The approval steps on a client promise's chain: approvals posing as authorities, supporting promises still
    under negotiation, and the promises they sit on."""

    approvals: int = 0
    negotiating: int = 0
    promises: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many steps of approval stand between the client and the promise kept («шагов согласования: N»)."""
        return self.approvals + self.negotiating


def is_client_promise(w: m.Workshop, p: m.Promise) -> bool:
    """Whether `p` is made to a client segment."""
    return any(s.id == p.to for s in w.segments)


def approval_steps(w: m.Workshop, promise_id: str, graph: FeedGraph | None = None) -> ApprovalSteps:
    """The approval steps on the chain of one promise (its own authorities, and those of every promise feeding it)."""
    return all_approval_steps(w, graph, only=(promise_id,)).get(promise_id, ApprovalSteps())


def all_approval_steps(w: m.Workshop, graph: FeedGraph | None = None,
                       only: tuple[str, ...] | None = None) -> dict[str, ApprovalSteps]:
    """The approval steps of every client promise (or of the promises `only`), by promise id."""
    graph = graph or FeedGraph.of(w)
    by_id = {p.id: p for p in w.promises}
    order = {p.id: i for i, p in enumerate(w.promises)}
    segments = {s.id for s in w.segments}
    wanted = only if only is not None else [p.id for p in w.promises if p.to in segments]
    found: dict[str, ApprovalSteps] = {}
    for promise_id in wanted:
        if promise_id not in by_id:
            continue
        approvals = negotiating = 0
        where: list[str] = []
        for feeder in sorted(_feeding(graph, promise_id), key=order.__getitem__):  # in the table's order
            p = by_id[feeder]
            if p.status == "retired":
                continue
            own = sum(is_approval(g.text) for g in p.authorities)
            waiting = p.id != promise_id and p.status == "negotiating"
            approvals += own
            negotiating += waiting
            if own or waiting:
                where.append(p.id)
        found[promise_id] = ApprovalSteps(approvals, negotiating, tuple(where))
    return found


def _feeding(graph: FeedGraph, promise_id: str) -> set[str]:
    """The promise and every promise that feeds it, directly or through others."""
    seen = {promise_id}
    stack = [promise_id]
    while stack:
        for feeder in graph.backward.get(stack.pop(), ()):
            if feeder not in seen:
                seen.add(feeder)
                stack.append(feeder)
    return seen
