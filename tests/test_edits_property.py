"""Random runs of edits: every edit applies, undoes and redoes exactly, in the model and in the stored rows."""

from __future__ import annotations

import copy
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app import schema
from app.document import Document, EditRefused
from app.edits import Batch
from app.history import History
from app.store import SqliteStore

NAMES = st.text(alphabet="абвгдеёжзAbc 😀\n", max_size=8)
RENAMED_FIELD = {"value": "name", "segment": "name", "team": "name", "factor": "name", "curve": "name",
                 "canvas": "title", "pain": "text", "promise": "notes"}
"""The text field a random edit renames, by kind (the other kinds are deleted instead)."""


def _new_store() -> SqliteStore:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    schema.create_schema(conn)
    return SqliteStore(conn)


def _random_edit(data: st.DataObject, doc: Document):
    """Draw one valid edit for the document's current state (ids counted, so runs replay exactly)."""
    counter = iter(range(doc.revision * 1000, 10**9))
    next_id = lambda: f"id{next(counter)}"  # noqa: E731
    w = doc.model
    teams = [t.id for t in w.teams]
    parties = teams + [s.id for s in w.segments]
    choices = ["segment", "team", "value", "workshop"]
    if w.segments:
        choices += ["pain", "canvas"]
    if teams and parties:
        choices += ["link", "promise", "position"]
    if w.canvases:
        choices += ["factor", "curve"]
    if any(cv.factors and cv.curves for cv in w.canvases):
        choices += ["level"]
    if len(doc) > 0:
        choices += ["delete", "move", "rename"]
    if w.promises:
        choices += ["grant"]
    what = data.draw(st.sampled_from(choices), label="what")
    new = next_id()
    pick = lambda items: data.draw(st.sampled_from(items))  # noqa: E731
    if what == "segment":
        return c.insert(doc, m.Segment(new, data.draw(NAMES)), index=data.draw(st.integers(0, len(w.segments))))
    if what == "team":
        kind = pick(m.TEAM_KINDS)
        return c.insert(doc, m.Team(new, data.draw(NAMES), kind=kind, members=("А", "Б")))
    if what == "value":
        return c.insert(doc, m.Value(new, data.draw(NAMES)))
    if what == "workshop":
        return c.update(doc, "", title=data.draw(NAMES), evolutionary_goal=data.draw(NAMES))
    if what == "pain":
        severity = data.draw(st.none() | st.integers(1, 5))
        return c.insert(doc, m.Pain(new, pick([s.id for s in w.segments]), "боль", severity))
    if what == "canvas":
        factors = [m.Factor(next_id(), f"ф{i}") for i in range(data.draw(st.integers(0, 3)))]
        curves = [m.Curve(next_id(), "кривая", levels={f.id: 2 for f in factors[:1]})]
        return c.insert(doc, m.Canvas(new, "канва", factors=factors, curves=curves))
    if what == "link":
        return c.insert(doc, m.Link(new, pick(teams), pick(parties)))
    if what == "promise":
        parent = data.draw(st.none() | st.sampled_from([p.id for p in w.promises] or [None]))
        grants = (m.Grant("право", data.draw(st.booleans())),)
        return c.insert(doc, m.Promise(new, pick(teams), pick(parties), "обещание", parent=parent,
                                       status=pick(m.PROMISE_STATUSES), authorities=grants))
    if what == "position":
        xy = (data.draw(st.floats(-1e4, 1e4)), data.draw(st.floats(-1e4, 1e4)))
        return c.set_position(doc, pick(m.DIAGRAMS), pick(parties), xy)
    if what == "factor":
        canvas = pick(w.canvases)
        index = data.draw(st.integers(0, len(canvas.factors)))
        return c.insert(doc, m.Factor(new, data.draw(NAMES)), index=index, parent=canvas.id)
    if what == "curve":
        return c.insert(doc, m.Curve(new, "игрок", kind=pick(m.CURVE_KINDS)), parent=pick(w.canvases).id)
    if what == "level":
        canvas = pick([cv for cv in w.canvases if cv.factors and cv.curves])
        level = data.draw(st.none() | st.sampled_from([0, 0.5, 2, 5]))
        return c.set_level(doc, pick(canvas.curves).id, pick(canvas.factors).id, level)
    if what == "grant":
        promise = pick(w.promises)
        return c.update(doc, promise.id, resources=(m.Grant("деньги", True),), status="accepted")
    target = pick(sorted(doc._index))
    if what == "delete":
        return c.delete(doc, target)
    if what == "move":
        siblings = doc.siblings(doc.kind_of(target), doc.parent_of(target))
        return c.move(doc, target, data.draw(st.integers(0, len(siblings) - 1)))
    field = RENAMED_FIELD.get(doc.kind_of(target))
    if field is None:  # a link, proposition, experiment or reading: nothing to rename, it goes instead
        return c.delete(doc, target)
    return c.update(doc, target, **{field: data.draw(NAMES)})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_edits_undo_and_redo_exactly(data: st.DataObject) -> None:
    store = _new_store()
    doc = Document(store=store)
    history = History(doc)
    states = [copy.deepcopy(doc.model)]
    for _ in range(data.draw(st.integers(1, 25), label="length")):
        history.push(_random_edit(data, doc))
        states.append(copy.deepcopy(doc.model))
        assert store.load() == doc.model, "the stored rows differ from the model after an edit"
    for before in reversed(states[:-1]):
        history.undo()
        assert doc.model == before
        assert store.load() == before, "the stored rows differ from the model after undo"
    for after in states[1:]:
        history.redo()
        assert doc.model == after
    assert store.load() == states[-1]


def test_refused_edit_changes_nothing() -> None:
    store = _new_store()
    doc = Document(store=store)
    doc.apply(c.insert(doc, m.Segment("s1", "Семьи")))
    before = copy.deepcopy(doc.model)
    revision = doc.revision
    bad_batch = Batch(c.delete(doc, "s1").edits + (c.insert(doc, m.Pain("p1", segment="s1")),))
    try:
        doc.apply(bad_batch)
    except EditRefused as e:
        assert 'no segment with id "s1"' in str(e)
    else:
        raise AssertionError("a pain of a deleted segment was accepted")
    assert doc.model == before and store.load() == before and doc.revision == revision
