"""The value of what one edit changed, as views read it."""

from __future__ import annotations

import copy
import logging

from app import changes, jsonio
from app import model as m
from app.changed import WORKSHOP, Changes, everything_changed
from app.document import Document
from app.edits import Batch, Edit
from app.resources import sample_path
from app.snapshots import restore_edit
from app.workfile import read_workshop


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


# --------------------------------------------------------------- changes_of through Document.apply, kind by kind
def _sample() -> Document:
    return Document(read_workshop(sample_path()))


def _applied(doc: Document, edit: Edit) -> Changes:
    doc.apply(edit)
    assert doc.last_changes.edit is edit  # the raw edit rides along, for the undo stack and the log
    return doc.last_changes


def test_an_insert_names_the_kind_and_id_and_a_factor_its_canvas() -> None:
    doc = _sample()
    seen = _applied(doc, changes.insert(doc, m.Team("t-new", "Склад", "service")))
    assert seen.inserted == {"team": {"t-new"}} and seen.parents == {}
    assert seen.structural("team") and not seen.structural("segment") and seen.all_ids() == {"t-new"}
    assert not seen.everything and seen.updated == {} and seen.deleted == {} and seen.moved == {}
    seen = _applied(doc, changes.insert(doc, m.Factor("f-new", "Доставка"), parent="cnv-024"))
    assert seen.inserted == {"factor": {"f-new"}} and seen.parents == {"f-new": "cnv-024"}
    assert seen.in_canvas("cnv-024") and not seen.in_canvas("another")


def test_inserting_a_canvas_names_its_factors_and_curves_as_its_children() -> None:
    doc = _sample()
    canvas = m.Canvas("c-new", "Новая", factors=[m.Factor("f1", "Цена")], curves=[m.Curve("k1", "Мы", "as_is")])
    seen = _applied(doc, changes.insert(doc, canvas))
    assert seen.inserted == {"canvas": {"c-new"}} and seen.parents == {"f1": "c-new", "k1": "c-new"}


def test_an_update_names_the_fields_it_changed() -> None:
    doc = _sample()
    seen = _applied(doc, changes.update(doc, "seg-004", name="Соседи", description="Живут рядом"))
    assert seen.updated == {"segment": {"seg-004": {"name", "description"}}}
    assert seen.fields("segment") == {"name", "description"} and seen.fields("segment", "seg-005") == frozenset()
    assert seen.field_changed("segment", "name") and not seen.field_changed("segment", "notes")
    assert not seen.structural("segment") and seen.touches("segment") and not seen.touches("team")
    seen = _applied(doc, changes.update(doc, "", title="Новое название"))
    assert seen.updated == {WORKSHOP: {"": {"title"}}} and seen.touches(WORKSHOP)
    seen = _applied(doc, changes.update(doc, "fac-013", name="Ассортимент"))
    assert seen.parents == {"fac-013": "cnv-024"} and seen.in_canvas("cnv-024")


def test_a_move_names_what_moved_and_a_factor_its_canvas() -> None:
    doc = _sample()
    seen = _applied(doc, changes.move(doc, "team-025", 3))
    assert seen.moved == {"team": {"team-025"}} and seen.structural("team") and seen.parents == {}
    seen = _applied(doc, changes.move(doc, "fac-012", 2))
    assert seen.moved == {"factor": {"fac-012"}} and seen.parents == {"fac-012": "cnv-024"}


def test_a_level_names_its_curve_and_factor_and_the_canvas_of_the_curve() -> None:
    doc = _sample()
    seen = _applied(doc, changes.set_level(doc, "crv-020", "fac-012", 4.5))
    assert seen.levels == {("crv-020", "fac-012")} and seen.kinds() == {"level"}
    assert seen.parents == {"crv-020": "cnv-024"} and seen.in_canvas("cnv-024")
    assert seen.all_ids() == {"crv-020", "fac-012"}
    seen = _applied(doc, changes.set_level(doc, "crv-020", "fac-012", None))  # cleared: still a level change
    assert seen.levels == {("crv-020", "fac-012")}


def test_a_position_names_its_diagram_and_node() -> None:
    doc = _sample()
    seen = _applied(doc, changes.set_position(doc, "structure", "team-025", (10.0, 20.0)))
    assert seen.positions == {"structure": {"team-025"}} and seen.kinds() == {"position"}
    assert seen.placed("structure") == {"team-025"} and seen.placed("promises") == frozenset()
    seen = _applied(doc, changes.set_position(doc, "structure", "team-025", None))
    assert seen.placed("structure") == {"team-025"}


def test_a_plain_delete_names_the_kind_and_id() -> None:
    doc = _sample()
    seen = _applied(doc, changes.delete(doc, "exp-051"))
    assert seen.deleted == {"experiment": {"exp-051"}} and seen.structural("experiment")
    assert seen.inserted == {} and seen.updated == {} and seen.parents == {}


def test_a_cascaded_delete_names_everything_that_went_with_it_and_every_reference_cleared() -> None:
    doc = _sample()
    links = {lk.id for lk in doc.model.links if "team-025" in (lk.from_, lk.to)}
    promises = {p.id for p in doc.model.promises if "team-025" in (p.from_, p.to)}
    served = {e.id for e in doc.model.experiments if e.promise in promises}
    readings = {x.id for x in doc.model.readings if x.of in promises | {"team-025"}}  # deleted first, one undo step
    doc.apply(changes.set_position(doc, "promises", "team-025", (1.0, 2.0)))
    seen = _applied(doc, changes.delete(doc, "team-025"))
    assert links and promises
    assert readings  # the bundled sample has figures of the team and of its promises
    assert seen.deleted == {"team": {"team-025"}, "link": links, "promise": promises, "reading": readings}
    assert seen.updated["experiment"] == {  # the experiment stays, without its team (nor its promise, if it went)
        e.id: {"team", "promise"} if e.id in served else {"team"} for e in doc.model.experiments if e.team is None}
    assert seen.placed("promises") == {"team-025"}
    assert seen.structural("team", "link", "promise") and not seen.structural("segment")


def test_deleting_a_factor_or_a_curve_keeps_their_canvas_and_the_levels_that_went() -> None:
    doc = _sample()
    scored = {c.id for c in doc.get("cnv-024").curves if "fac-012" in c.levels}
    seen = _applied(doc, changes.delete(doc, "fac-012"))
    assert seen.deleted == {"factor": {"fac-012"}}
    assert seen.levels == {(curve, "fac-012") for curve in scored}
    assert seen.parents == {"fac-012": "cnv-024", **{curve: "cnv-024" for curve in scored}}
    assert seen.in_canvas("cnv-024") and seen.under("cnv-024").deleted == {"factor": {"fac-012"}}
    seen = _applied(doc, changes.delete(doc, "crv-022"))
    assert seen.deleted == {"curve": {"crv-022"}} and seen.parents == {"crv-022": "cnv-024"}
    assert doc.find("crv-022") is None and seen.in_canvas("cnv-024")  # known after the curve is gone


def test_a_batch_sums_up_its_edits() -> None:
    doc = _sample()
    seen = _applied(doc, Batch((
        changes.update(doc, "val-001", name="Свежесть"),
        changes.move(doc, "seg-005", 0),
        changes.set_level(doc, "crv-021", "fac-013", 1.0),
        changes.set_position(doc, "structure", "seg-004", (5.0, 6.0)),
        changes.insert(doc, m.Value("v-new", "Честность")),
    ), "Several"))
    assert seen.updated == {"value": {"val-001": {"name"}}} and seen.moved == {"segment": {"seg-005"}}
    assert seen.inserted == {"value": {"v-new"}} and seen.levels == {("crv-021", "fac-013")}
    assert seen.placed("structure") == {"seg-004"} and seen.parents == {"crv-021": "cnv-024"}
    assert seen.kinds() == {"value", "segment", "level", "position"} and not seen.everything


def test_a_restored_snapshot_is_a_change_of_everything() -> None:
    doc = _sample()
    target = copy.deepcopy(doc.model)
    target.info.title = "Как было"
    target.teams.pop()
    seen = _applied(doc, restore_edit(doc, target))
    assert seen.everything
    assert seen.touches("anything at all") and seen.structural("segment") and seen.in_canvas("cnv-024")
    assert jsonio.dumps(doc.model) == jsonio.dumps(target)


def test_a_listener_that_raises_neither_stops_the_others_nor_undoes_the_edit(caplog) -> None:
    doc = _sample()
    heard: list[Changes] = []

    def failing(changes_seen: Changes) -> None:
        raise RuntimeError("a view failed")

    doc.listen(failing)
    doc.listen(heard.append)
    revision = doc.revision
    with caplog.at_level(logging.ERROR, logger="app.document"):
        doc.apply(changes.update(doc, "seg-004", name="Соседи"))
    assert doc.get("seg-004").name == "Соседи" and doc.revision == revision + 1  # the edit stays
    assert [c.updated for c in heard] == [{"segment": {"seg-004": {"name"}}}]  # the next listener heard it
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)  # and the failure was logged
