"""Promise rules: empowerment, bundles, a team's chain to the client, what reaches a segment, one-click fixes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import changes as c
from app import model as m
from app.checks import run_checks
from app.document import Document
from app.generate import generate_workshop
from app.promise_rules import (
    FeedGraph,
    bundles,
    chain_of_team,
    fix_all,
    fix_for,
    focus_of,
    grant_summary,
    is_unempowered,
    missing_grants,
    new_promise,
    promise_refusal,
    promises_reaching,
)
from app.resources import sample_path
from app.workfile import read_workshop


@pytest.fixture
def sample() -> m.Workshop:
    return read_workshop(sample_path())


def test_empowerment_rule_matches_the_check(sample: m.Workshop) -> None:
    yes, no = m.Grant("Выбирать перевозчика", True), m.Grant("Бюджет", False)
    p = m.Promise("p", "t", "s", "x", status="accepted", authorities=(yes,), resources=(no,))
    assert is_unempowered(p) and missing_grants(p) == [no]
    assert not is_unempowered(replace(p, status="negotiating"))
    assert not is_unempowered(replace(p, resources=(replace(no, granted=True),)))
    assert is_unempowered(replace(p, status="kept", authorities=(), resources=()))  # lists nothing at all
    assert grant_summary((yes, no, yes)) == "2/3 ✓" and grant_summary(()) == ""
    w = generate_workshop(teams=40, promises=300, links=60, seed=3)
    flagged = {f.ids[0] for f in run_checks(w) if f.code == "promise-unempowered"}
    assert flagged == {p.id for p in w.promises if is_unempowered(p)} and flagged
    approval = m.Grant("Согласовывать закупки с директором", False)  # named by authority-is-approval instead
    asked = replace(p, authorities=(approval,), resources=(replace(no, granted=True),))
    codes = {f.code for f in run_checks(m.Workshop(teams=[m.Team("t", "Т")], segments=[m.Segment("s", "С")],
                                                   links=[m.Link("l", "t", "s")], promises=[asked]))}
    assert "authority-is-approval" in codes and "promise-unempowered" not in codes
    assert not is_unempowered(asked) and missing_grants(asked) == []
    assert is_unempowered(replace(asked, resources=(no,))) and missing_grants(replace(asked, resources=(no,))) == [no]


def test_bundles_group_parallel_promises_in_model_order() -> None:
    w = m.Workshop(promises=[m.Promise("a", "t1", "s"), m.Promise("b", "t2", "s"), m.Promise("c", "t1", "s"),
                             m.Promise("d", "s", "t1")])
    assert bundles(w) == {("t1", "s"): ["a", "c"], ("t2", "s"): ["b"], ("s", "t1"): ["d"]}


def test_chains_on_the_sample(sample: m.Workshop) -> None:
    # ИТ keeps the tills running for the shop (no parent: it serves the shop's promise to the client) and opens
    # purchase histories for customer care (supporting its refund promise).
    assert chain_of_team(sample, "team-031") == {"prm-048", "prm-049", "prm-043", "prm-042"}
    # The shop: its promise to young families and the three promises it relies on.
    assert chain_of_team(sample, "team-025") == {"prm-043", "prm-046", "prm-047", "prm-048"}
    assert chain_of_team(sample, "team-032") == set()  # the council promises nothing
    assert promises_reaching(sample, "seg-004") == {p.id for p in sample.promises} - {"prm-045"}
    assert promises_reaching(sample, "seg-005") == {"prm-045"}
    assert focus_of(sample, "seg-005") == {"prm-045"}
    assert focus_of(sample, "team-031") == chain_of_team(sample, "team-031")


def _reference_feeds(w: m.Workshop) -> set[tuple[str, str]]:
    """The feed relation written out pair by pair, straight from its definition (quadratic, for checking)."""
    segments = {s.id for s in w.segments}
    ids = {p.id for p in w.promises}
    pairs = set()
    for p in w.promises:
        for q in w.promises:
            if p.id == q.id:
                continue
            if p.parent in ids:
                if q.id == p.parent:
                    pairs.add((p.id, q.id))
            elif q.from_ == p.to and q.to in segments:
                pairs.add((p.id, q.id))
    return pairs


def _reach(start: set[str], pairs: set[tuple[str, str]]) -> set[str]:
    found = set(start)
    while True:
        more = {b for a, b in pairs if a in found} - found
        if not more:
            return found
        found |= more


def test_chains_on_a_generated_organisation_follow_the_definition() -> None:
    w = generate_workshop(teams=60, promises=400, links=100, segments=6, seed=11)
    feeds = _reference_feeds(w)
    back = {(b, a) for a, b in feeds}
    graph = FeedGraph.of(w)
    sizes = []
    for team in w.teams[::3]:
        own = {p.id for p in w.promises if p.from_ == team.id}
        expected = _reach(own, feeds) | _reach(own, back)
        assert graph.chain_of_team(team.id) == expected
        sizes.append(len(expected))
    for segment in w.segments:
        to_it = {p.id for p in w.promises if p.to == segment.id}
        assert graph.reaching_segment(segment.id) == _reach(to_it, back)
    assert max(sizes) < len(w.promises) / 4, "a chain is a small part of the organisation, not all of it"


def test_drawing_rules(sample: m.Workshop) -> None:
    doc = Document(sample)
    assert "cannot promise" in promise_refusal(doc, "seg-004", "team-025")
    assert promise_refusal(doc, "team-025", "team-025")
    assert promise_refusal(doc, "team-025", "seg-004") is None
    assert promise_refusal(doc, "team-029", "team-025") is None
    edit = new_promise(doc, "team-029", "seg-005", "Доставим за час")
    doc.apply(edit)
    added = doc.model.promises[-1]
    assert (added.from_, added.to, added.text, added.status) == ("team-029", "seg-005", "Доставим за час", "draft")


def test_fixes_are_edits_that_clear_the_finding_and_undo(sample: m.Workshop) -> None:
    doc = Document(sample)
    before = run_checks(doc.model)
    no_link = next(f for f in before if f.code == "promise-without-link")
    edit = fix_for(doc, no_link)
    doc.apply(edit)
    assert not any(f.code == "promise-without-link" and f.ids[0] == no_link.ids[0] for f in run_checks(doc.model))
    assert fix_for(doc, no_link) is None  # already fixed
    doc.apply(edit.inverse())
    no_promise = [f for f in run_checks(doc.model) if f.code == "link-without-promise"]
    assert len(no_promise) == 2
    drafted = fix_for(doc, no_promise[0])
    doc.apply(drafted)
    link = doc.get(no_promise[0].ids[0])
    p = doc.model.promises[-1]
    assert (p.from_, p.to, p.status) == (link.from_, link.to, "draft") and p.text
    doc.apply(drafted.inverse())
    batch = fix_all(doc, run_checks(doc.model), "link-without-promise")
    doc.apply(batch)
    assert not [f for f in run_checks(doc.model) if f.code == "link-without-promise"]
    doc.apply(batch.inverse())
    assert [p.id for p in doc.model.promises] == [p.id for p in read_workshop(sample_path()).promises]
    assert fix_for(doc, next(f for f in before if f.code == "team-no-indicator")) is None


def test_fix_all_makes_one_link_per_pair() -> None:
    w = m.Workshop(teams=[m.Team("t1", "A"), m.Team("t2", "B")],
                   promises=[m.Promise("p1", "t1", "t2", "x"), m.Promise("p2", "t1", "t2", "y")])
    doc = Document(w)
    batch = fix_all(doc, run_checks(w), "promise-without-link")
    assert batch is not None and len(batch.edits) == 1
    doc.apply(batch)
    assert [(lk.from_, lk.to) for lk in doc.model.links] == [("t1", "t2")]
    assert fix_all(doc, run_checks(doc.model), "promise-without-link") is None


def test_new_promise_uses_fresh_ids() -> None:
    doc = Document(m.Workshop(teams=[m.Team("t1")], segments=[m.Segment("s1")]))
    first, second = new_promise(doc, "t1", "s1"), new_promise(doc, "t1", "s1")
    assert first.obj.id != second.obj.id and c.kind_of_object(first.obj) == "promise"
