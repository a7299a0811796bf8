"""The document's indexes (who refers to whom, where each object stands) agree with a scan after any edits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app.document import REFERRING_FIELDS, Document, EditRefused
from app.edits import Batch, Delete
from app.generate import generate_workshop
from app.history import History
from tests.test_edits_property import _random_edit


def scanned_referrers(doc: Document, obj_id: str) -> list[tuple[str, str, str]]:
    """What `Document.referrers` answered before it had an index: a scan of the whole workshop."""
    found = []
    if doc.kind_of(obj_id) == "factor":
        canvas = doc.get(doc.parent_of(obj_id))
        found += [("curve", cv.id, "levels") for cv in canvas.curves if obj_id in cv.levels]
    for kind, fields in REFERRING_FIELDS.items():
        for obj in doc.model.collection(kind):
            for name in fields:
                value = getattr(obj, name)
                if value == obj_id or (type(value) is tuple and obj_id in value):
                    found.append((kind, obj.id, name))
    return found


def assert_indexes_agree(doc: Document) -> None:
    for obj_id in list(doc._index):
        assert doc.referrers(obj_id) == scanned_referrers(doc, obj_id), obj_id
        items = doc.siblings(doc.kind_of(obj_id), doc.parent_of(obj_id))
        assert items[doc.index_of(obj_id)].id == obj_id


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_indexes_agree_with_a_scan_after_edits_undo_and_redo(data: st.DataObject) -> None:
    doc = Document()
    history = History(doc)
    steps = data.draw(st.integers(1, 25), label="length")
    for _ in range(steps):
        history.push(_random_edit(data, doc))
        assert_indexes_agree(doc)
    for _ in range(data.draw(st.integers(0, steps), label="undone")):
        history.undo()
        assert_indexes_agree(doc)
    while history.redo() is not None:
        pass
    assert_indexes_agree(doc)


def test_a_team_is_deleted_with_its_promises_and_links_and_comes_back() -> None:
    w = generate_workshop(teams=60, promises=400, links=120, canvases=1)
    doc = Document(w)
    team = max(w.teams, key=lambda t: len(scanned_referrers(doc, t.id)))
    hanging = scanned_referrers(doc, team.id)
    assert doc.referrers(team.id) == hanging and len(hanging) > 5
    history = History(doc)
    history.push(c.delete(doc, team.id))
    assert doc.find(team.id) is None
    assert all(doc.find(ref_id) is None or name not in ("from_", "to") for _kind, ref_id, name in hanging)
    assert_indexes_agree(doc)
    history.undo()
    assert doc.referrers(team.id) == hanging
    assert_indexes_agree(doc)


def test_deleting_a_referred_object_alone_is_refused_naming_a_referrer() -> None:
    doc = Document()
    doc.apply(c.insert(doc, m.Team("t1", "Доставка")))
    doc.apply(c.insert(doc, m.Segment("s1", "Семьи")))
    doc.apply(c.insert(doc, m.Promise("p1", "t1", "s1", "Привезём за час")))
    try:
        doc.apply(Delete("team", doc.get("t1"), 0))
    except EditRefused as refused:
        assert 'still referred to by promise "p1"' in str(refused)
    else:
        raise AssertionError("a team its promise names was deleted alone")


def test_an_edit_that_fails_leaves_the_indexes_as_they_were() -> None:
    doc = Document()
    doc.apply(c.insert(doc, m.Team("t1", "Доставка")))
    doc.apply(c.insert(doc, m.Segment("s1", "Семьи")))
    bad = Batch((c.insert(doc, m.Promise("p1", "t1", "s1")), c.insert(doc, m.Promise("p2", "t1", "nowhere"))))
    try:
        doc.apply(bad)
    except EditRefused:
        pass
    assert doc.referrers("t1") == [] and doc.find("p1") is None
    assert_indexes_agree(doc)


def test_a_workshop_read_from_its_file_holds_each_id_once(tmp_path) -> None:
    """Ids are shared, not copied per reference: a large workshop's 60,000 references then cost no memory of their
    own, and its lookups stay in the CPU's cache (issue 18)."""
    from app.workfile import read_workshop, write_workshop_file

    path = tmp_path / "w.clientocracy"
    write_workshop_file(path, generate_workshop(teams=40, promises=200, links=60))
    w = read_workshop(path)
    parties = {x.id: x.id for x in (*w.teams, *w.segments)}
    promises = {p.id: p.id for p in w.promises}
    for p in w.promises:
        assert p.from_ is parties[p.from_] and p.to is parties[p.to]
        assert p.parent is None or p.parent is promises[p.parent]
    for link in w.links:
        assert link.from_ is parties[link.from_] and link.to is parties[link.to]
    assert sum(p.parent is not None for p in w.promises) > 10
