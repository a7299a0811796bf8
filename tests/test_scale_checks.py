"""Live checks: after any sequence of edits, the findings kept edit by edit equal the checks run whole."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app.checks import run_checks
from app.document import Document, EditRefused
from app.generate import generate_workshop, small_workshop
from app.history import History
from app.live_checks import LiveChecks
from tests.test_edits_property import NAMES, _random_edit


def _check_edit(data: st.DataObject, doc: Document):
    """An edit of a field some check reads (or, one time in several, any edit of the undo property test)."""
    w = doc.model
    parties = [t.id for t in w.teams] + [s.id for s in w.segments]
    options = ["any", "any", "goal"]
    if w.promises:
        options += ["metric", "status", "ends", "parent", "text", "grants"]
    if w.teams:
        options += ["team_kind", "indicator", "team_name"]
    if w.links and w.teams:
        options += ["link_ends"]
    if any(cv.factors for cv in w.canvases):
        options += ["errc"]
    if any(cv.curves for cv in w.canvases):
        options += ["curve"]
    if w.canvases:
        options += ["tagline"]
    if w.values:
        options += ["holder"]
    if w.teams:
        options += ["people", "economics"]
    if w.experiments:
        options += ["experiment"]
    if w.promises:
        options += ["reading", "reading", "co_promisers", "approval", "move_reading"]
    what = data.draw(st.sampled_from(options), label="check edit")
    pick = lambda items: data.draw(st.sampled_from(items))  # noqa: E731
    if what == "any":
        return _random_edit(data, doc)
    if what == "goal":
        return c.update(doc, "", evolutionary_goal=pick(["", "Свежее рядом", "  "]))
    if what == "tagline":
        return c.update(doc, pick(w.canvases).id, tagline=pick(["", "Свежее рядом"]))
    if what == "holder":
        people = [""] + [name for t in w.teams for name in (t.lead, *t.members) if name][:5] + ["Кто-то другой"]
        return c.update(doc, pick(w.values).id, holder=pick(people))
    if what == "people":
        return c.update(doc, pick(w.teams).id, lead=pick(["", "Анна Ким", "Кто-то другой"]),
                        members=pick([(), ("Анна Ким",), ("Пётр Орлов", "Кто-то другой")]))
    if what == "economics":
        economics = pick([None, m.Economics(), m.Economics(revenue=1000.0)])
        motivation = pick([None, m.Motivation("margin", 10.0),  # shares of 0.6 alone: motivation-shares
                           m.Motivation("margin", 10.0, (m.Share("Анна Ким", 0.6),)),
                           m.Motivation("revenue", 5.0, (m.Share("Анна Ким", 0.6), m.Share("Кто-то другой", 0.4)))])
        return c.update(doc, pick(w.teams).id, economics=economics, motivation=motivation)
    if what == "experiment":
        return c.update(doc, pick(w.experiments).id, status=pick(m.EXPERIMENT_STATUSES),
                        decision=pick([None, *m.DECISIONS]))
    if what == "reading":
        readings = [r for r in w.readings]
        if readings and data.draw(st.booleans()):
            return c.update(doc, pick(readings).id, met=pick([None, True, False]),
                            period=pick(["2026-03", "2026-03-31", "2026-04"]))
        target = pick([p.id for p in w.promises] + [t.id for t in w.teams])
        new = f"r{doc.revision}-{len(w.readings)}"
        return c.insert(doc, m.Reading(new, target, pick(["2026-03", "2026-03-31", "2026-04"]), "95%",
                                       pick([None, True, False])))
    if what == "move_reading":
        if len(w.readings) < 2:
            return c.update(doc, pick(w.promises).id, status=pick(m.PROMISE_STATUSES))
        return c.move(doc, pick(w.readings).id, data.draw(st.integers(0, len(w.readings) - 1)))
    if what == "co_promisers":
        p = pick(w.promises)
        teams = [t.id for t in w.teams if t.id != p.from_]
        return c.update(doc, p.id, co_promisers=tuple(teams[:data.draw(st.integers(0, min(2, len(teams))))]))
    if what == "approval":
        p = pick(w.promises)
        text = pick(["Менять график после согласования с директором", "Менять график без согласования", "Выбирать"])
        return c.update(doc, p.id, authorities=(m.Grant(text, data.draw(st.booleans())),))
    if what == "team_name":
        return c.update(doc, pick(w.teams).id, name=pick(["", "Склад", "Доставка: Север"]))
    if what in ("metric", "status", "ends", "parent", "text", "grants"):
        p = pick(w.promises)
        if what == "metric":
            return c.update(doc, p.id, metric=pick(["", "Доля заказов вовремя", " "]))
        if what == "status":
            return c.update(doc, p.id, status=pick(m.PROMISE_STATUSES))
        if what == "text":
            return c.update(doc, p.id, text=data.draw(NAMES))
        if what == "grants":
            grants = tuple(m.Grant("право", data.draw(st.booleans())) for _ in range(data.draw(st.integers(0, 2))))
            return c.update(doc, p.id, authorities=grants)
        if what == "parent":
            others = [q.id for q in w.promises if q.id != p.id]
            return c.update(doc, p.id, parent=pick([None, *others]))
        teams = [t.id for t in w.teams] or [p.from_]
        source = pick(teams)
        return c.update(doc, p.id, from_=source, to=pick([x for x in parties if x != source] or [p.to]))
    if what == "team_kind":
        return c.update(doc, pick(w.teams).id, kind=pick(m.TEAM_KINDS))
    if what == "indicator":
        return c.update(doc, pick(w.teams).id, indicator=pick([None, m.Indicator(""), m.Indicator("Доля")]))
    if what == "link_ends":
        link = pick(w.links)
        return c.update(doc, link.id, from_=pick([t.id for t in w.teams]), to=pick(parties))
    if what == "errc":
        canvas = pick([cv for cv in w.canvases if cv.factors])
        return c.update(doc, pick(canvas.factors).id, errc=pick([None, *m.ERRC_ACTIONS]))
    canvas = pick([cv for cv in w.canvases if cv.curves])
    curve = pick(canvas.curves)
    field = pick(["visible", "kind", "reference", "name"])
    if field == "visible":
        return c.update(doc, curve.id, visible=not curve.visible)
    if field == "kind":
        return c.update(doc, curve.id, kind=pick(m.CURVE_KINDS))
    if field == "reference" and (curve.reference or not any(cv.reference for cv in canvas.curves)):
        return c.update(doc, curve.id, reference=not curve.reference)
    return c.update(doc, curve.id, name=data.draw(NAMES))


def _apply(doc: Document, history: History | None, edit) -> None:
    """Apply an edit (a refused one changes nothing, as the document promises)."""
    try:
        history.push(edit) if history is not None else doc.apply(edit)
    except EditRefused:
        pass


def _follow(doc: Document) -> LiveChecks:
    live = LiveChecks(doc)
    doc.listen(live.update)
    return live


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_live_findings_equal_a_full_run_after_any_edits(data: st.DataObject) -> None:
    seed = data.draw(st.integers(0, 40), label="workshop")
    doc = Document(small_workshop(seed) if seed else m.Workshop())
    history = History(doc)
    live = _follow(doc)
    assert live.findings() == run_checks(doc.model)
    steps = data.draw(st.integers(1, 20), label="length")
    for _ in range(steps):
        _apply(doc, history, _check_edit(data, doc))
        assert live.findings() == run_checks(doc.model)
    for _ in range(data.draw(st.integers(0, steps), label="undone")):
        history.undo()
        assert live.findings() == run_checks(doc.model)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_generated_workshop_edited_at_random_keeps_equal_findings(data: st.DataObject) -> None:
    doc = Document(generate_workshop(teams=80, promises=500, links=160, canvases=2, seed=3))
    live = _follow(doc)
    for _ in range(data.draw(st.integers(1, 8), label="length")):
        _apply(doc, None, _check_edit(data, doc))
        assert live.findings() == run_checks(doc.model)


def test_a_promise_given_a_metric_leaves_the_findings_that_name_it() -> None:
    doc = Document(generate_workshop(teams=30, promises=200, links=60, canvases=1, seed=5))
    live = _follow(doc)
    bare = next(p for p in doc.model.promises if not p.metric.strip())
    assert any(f.code == "promise-no-metric" for f in live.findings_of(bare.id))
    count = live.count("promise-no-metric")
    doc.apply(c.update(doc, bare.id, metric="Доля заказов вовремя"))
    assert not any(f.code == "promise-no-metric" for f in live.findings_of(bare.id))
    assert live.count("promise-no-metric") == count - 1
    assert live.findings() == run_checks(doc.model)


def test_a_code_without_a_rule_is_checked_whole_and_still_agrees() -> None:
    doc = Document(generate_workshop(teams=30, promises=200, links=60, canvases=1, seed=7))
    live = LiveChecks(doc)
    del live.rules["promise-no-metric"]  # as a new check would be before its rule is written
    live.rebuild()
    doc.listen(live.update)
    bare = next(p for p in doc.model.promises if not p.metric.strip() and doc.kind_of(p.from_) == "team")
    doc.apply(c.update(doc, bare.id, metric="Доля заказов вовремя"))
    assert not any(f.code == "promise-no-metric" for f in live.findings_of(bare.id))
    doc.apply(c.update(doc, bare.id, metric=""))
    assert any(f.code == "promise-no-metric" for f in live.findings_of(bare.id))
    assert live.findings() == run_checks(doc.model)


def test_shares_of_a_bonus_pool_typed_are_checked_again_for_that_team_alone() -> None:
    doc = Document(generate_workshop(teams=30, promises=200, links=60, canvases=1, seed=7))
    live = LiveChecks(doc)
    doc.listen(live.update)
    team = doc.model.teams[3]
    doc.apply(c.update(doc, team.id, motivation=m.Motivation("margin", 10.0, (m.Share("Анна Ким", 0.6),))))
    assert [f.ids for f in live.findings_of(team.id) if f.code == "motivation-shares"] == [(team.id,)]
    doc.apply(c.update(doc, team.id, name="Склад у вокзала"))  # the message names the team: renamed with it
    assert any('"Склад у вокзала" add up to 0.6' in f.message for f in live.findings_of(team.id))
    doc.apply(c.update(doc, team.id, motivation=m.Motivation("margin", 10.0, (m.Share("Анна Ким", 0.6),
                                                                              m.Share("Пётр Орлов", 0.4)))))
    assert not any(f.code == "motivation-shares" for f in live.findings())
    assert live.findings() == run_checks(doc.model)
