"""The value of what one edit changed, as views read it."""

from __future__ import annotations

from app import changes
from app import model as m
from app.changed import everything_changed
from app.document import Document
from app.edits import Batch


def _two_canvases() -> Document:
    return Document(m.Workshop(canvases=[
        m.Canvas("a", "A", factors=[m.Factor("fa", "Цена")], curves=[m.Curve("ca", "Мы", "to_be", "#0072B2")]),
        m.Canvas("b", "B", factors=[m.Factor("fb", "Время")], curves=[m.Curve("cb", "Они", "as_is", "#D55E00")]),
    ]))


def test_under_keeps_only_the_children_of_one_canvas() -> None:
    doc = _two_canvases()
    doc.apply(Batch((
        changes.set_level(doc, "ca", "fa", 3.0),
        changes.set_level(doc, "cb", "fb", 1.0),
        changes.update(doc, "fb", name="Скорость"),
        changes.insert(doc, m.Factor("new", "Новый"), parent="a"),
        changes.update(doc, "a", title="A2"),
    )))
    seen = doc.last_changes
    mine = seen.under("a")
    assert mine.levels == {("ca", "fa")}
    assert mine.inserted == {"factor": frozenset({"new"})}
    assert mine.updated == {} and mine.structural("factor") and not mine.structural("curve")
    theirs = seen.under("b")
    assert theirs.levels == {("cb", "fb")} and theirs.updated == {"factor": {"fb": frozenset({"name"})}}
    assert theirs.inserted == {} and not theirs.structural("factor")


def test_under_sees_the_children_of_a_deleted_canvas_and_keeps_everything() -> None:
    doc = _two_canvases()
    doc.apply(changes.delete(doc, "b"))
    assert doc.last_changes.under("b").parents == {"fb": "b", "cb": "b"}
    assert doc.last_changes.under("a").parents == {}
    assert doc.last_changes.under("a").all_ids() == frozenset()
    assert everything_changed().under("a").everything
