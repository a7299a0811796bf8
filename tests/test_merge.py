"""Three-way merge of two copies of one workshop: hand-made cases for what merges and for every kind of conflict."""

from __future__ import annotations

import copy
from typing import Callable

import pytest

from app import changes as c
from app import model as m
from app.document import Document
from app.edits import Batch
from app.integrity import workshop_problems
from app.jsonio import workshop_to_json
from app.merge import MINE, THEIRS, MergeRefused, conflicts_text, merge
from app.resources import sample_path
from app.workfile import read_workshop

TEAM, OTHER_TEAM, SEGMENT = "team-025", "team-026", "seg-004"
PROMISE, OTHER_PROMISE = "prm-042", "prm-043"
CANVAS, FACTOR, CURVE, REFERENCE = "cnv-024", "fac-012", "crv-020", "crv-022"


@pytest.fixture(scope="module")
def sample() -> m.Workshop:
    return read_workshop(sample_path())


def edited(base: m.Workshop, *steps: Callable[[Document], object]) -> m.Workshop:
    """A copy of `base` with each step's edit applied in turn (a step builds its edit from the document)."""
    doc = Document(copy.deepcopy(base))
    for step in steps:
        doc.apply(step(doc))  # type: ignore[arg-type]  # each step returns an edit
    return doc.model


def get(w: m.Workshop, obj_id: str):
    return Document(w).find(obj_id)


def assert_consistent(w: m.Workshop) -> None:
    assert list(workshop_problems(w)) == []


def test_changes_to_different_fields_of_one_promise_are_both_kept(sample):
    mine = edited(sample, lambda d: c.update(d, PROMISE, status="kept"))
    theirs = edited(sample, lambda d: c.update(d, PROMISE, metric="NPS ≥ 60"))
    result = merge(sample, mine, theirs)
    assert result.clean
    promise = get(result.workshop, PROMISE)
    assert (promise.status, promise.metric) == ("kept", "NPS ≥ 60")
    assert result.changes[MINE].changed == {"promise": [promise.text[:47] + "…"]}


def test_the_same_change_on_both_sides_is_taken_once(sample):
    step = lambda d: c.update(d, PROMISE, status="kept")  # noqa: E731
    added = lambda d: c.insert(d, m.Value("v-new", "Честность"))  # noqa: E731
    result = merge(sample, edited(sample, step, added), edited(sample, step, added))
    assert result.clean
    assert get(result.workshop, PROMISE).status == "kept"
    assert [v.id for v in result.workshop.values].count("v-new") == 1


def test_the_same_field_changed_differently_is_a_conflict_resolved_to_the_preferred_side(sample):
    mine = edited(sample, lambda d: c.update(d, PROMISE, status="kept"))
    theirs = edited(sample, lambda d: c.update(d, PROMISE, status="broken"))
    for prefer, expected in ((MINE, "kept"), (THEIRS, "broken")):
        result = merge(sample, mine, theirs, prefer=prefer)
        [conflict] = result.conflicts
        assert (conflict.what, conflict.id, conflict.field) == ("field", PROMISE, "status")
        assert (conflict.mine, conflict.theirs, conflict.base, conflict.resolved) == ("kept", "broken", "accepted",
                                                                                      prefer)
        assert get(result.workshop, PROMISE).status == expected
    chosen = merge(sample, mine, theirs, prefer=MINE, choices={conflict.key: THEIRS})
    assert get(chosen.workshop, PROMISE).status == "broken"
    assert conflicts_text(chosen.conflicts) == [
        f"promise «{get(sample, PROMISE).text[:47]}…» ({PROMISE}) status: mine \"kept\", theirs \"broken\", "
        "base \"accepted\"; resolved to theirs"]


def test_delete_on_one_side_and_edit_on_the_other_is_a_conflict(sample):
    mine = edited(sample, lambda d: c.delete(d, OTHER_PROMISE))
    theirs = edited(sample, lambda d: c.update(d, OTHER_PROMISE, metric="за 15 минут"))
    kept = merge(sample, mine, theirs, prefer=THEIRS)
    [conflict] = [x for x in kept.conflicts if x.id == OTHER_PROMISE]
    assert (conflict.what, conflict.deleted_in, conflict.resolved) == ("deleted", MINE, THEIRS)
    assert "changed: metric" in conflict.reasons
    assert get(kept.workshop, OTHER_PROMISE).metric == "за 15 минут"
    gone = merge(sample, mine, theirs, prefer=MINE)
    assert get(gone.workshop, OTHER_PROMISE) is None
    for result in (kept, gone):
        assert_consistent(result.workshop)


def test_a_delete_nobody_else_touched_is_taken(sample):
    result = merge(sample, edited(sample, lambda d: c.delete(d, OTHER_PROMISE)), sample)
    assert result.clean and get(result.workshop, OTHER_PROMISE) is None
    assert_consistent(result.workshop)


def test_a_promise_of_a_team_deleted_on_the_other_side_is_a_conflict_not_a_crash(sample):
    new_promise = m.Promise("prm-new", TEAM, SEGMENT, "Соберём заказ за 10 минут")
    mine = edited(sample, lambda d: c.insert(d, new_promise))
    theirs = edited(sample, lambda d: c.delete(d, TEAM))
    deleted = merge(sample, mine, theirs, prefer=THEIRS)
    [conflict] = [x for x in deleted.conflicts if x.id == TEAM]
    assert conflict.what == "deleted" and conflict.deleted_in == THEIRS
    assert any("Соберём заказ за 10 минут" in reason for reason in conflict.reasons)
    assert get(deleted.workshop, TEAM) is None and get(deleted.workshop, "prm-new") is None
    restored = merge(sample, mine, theirs, prefer=MINE)
    assert get(restored.workshop, TEAM) is not None and get(restored.workshop, "prm-new") is not None
    for result in (deleted, restored):
        assert_consistent(result.workshop)


def test_inserts_on_both_sides_are_both_kept_mine_first(sample):
    first = sample.values[0].id
    mine = edited(sample, lambda d: c.insert(d, m.Value("v-mine", "Моя"), index=1))
    theirs = edited(sample, lambda d: c.insert(d, m.Value("v-theirs", "Их"), index=1))
    result = merge(sample, mine, theirs)
    assert result.clean
    ids = [v.id for v in result.workshop.values]
    assert ids[:3] == [first, "v-mine", "v-theirs"]
    assert len(ids) == len(sample.values) + 2


def test_a_reorder_on_one_side_keeps_an_insert_of_the_other(sample):
    last = sample.teams[-1].id
    mine = edited(sample, lambda d: c.move(d, last, 0))
    theirs = edited(sample, lambda d: c.insert(d, m.Team("t-new", "Новая команда"), index=1))
    result = merge(sample, mine, theirs)
    ids = [t.id for t in result.workshop.teams]
    assert ids[0] == last
    assert ids.index("t-new") == ids.index(sample.teams[0].id) + 1
    assert result.clean


def test_a_list_reordered_differently_on_both_sides_is_a_conflict(sample):
    mine = edited(sample, lambda d: c.move(d, sample.teams[-1].id, 0))
    theirs = edited(sample, lambda d: c.move(d, sample.teams[0].id, len(sample.teams) - 1))
    result = merge(sample, mine, theirs, prefer=THEIRS)
    [conflict] = result.conflicts
    assert conflict.what == "order" and conflict.field == "order of teams"
    assert [t.id for t in result.workshop.teams] == [t.id for t in theirs.teams]


def test_layouts_merge_per_node(sample):
    a, b = TEAM, OTHER_TEAM
    mine = edited(sample, lambda d: c.set_position(d, "structure", a, (10.0, 20.0)))
    theirs = edited(sample, lambda d: c.set_position(d, "structure", b, (30.0, 40.0)))
    result = merge(sample, mine, theirs)
    assert result.clean
    assert result.workshop.layouts["structure"] == {a: (10.0, 20.0), b: (30.0, 40.0)}
    clash = merge(sample, mine, edited(sample, lambda d: c.set_position(d, "structure", a, (0.0, 0.0))))
    [conflict] = clash.conflicts
    assert (conflict.id, conflict.field, conflict.mine, conflict.theirs) == (a, "layouts.structure", (10.0, 20.0),
                                                                           (0.0, 0.0))


def test_curve_levels_merge_per_curve_and_factor(sample):
    other_factor = get(sample, CANVAS).factors[1].id
    mine = edited(sample, lambda d: c.set_level(d, CURVE, FACTOR, 1))
    theirs = edited(sample, lambda d: c.set_level(d, CURVE, other_factor, 4))
    result = merge(sample, mine, theirs)
    assert result.clean
    levels = get(result.workshop, CURVE).levels
    assert (levels[FACTOR], levels[other_factor]) == (1, 4)
    clash = merge(sample, mine, edited(sample, lambda d: c.set_level(d, CURVE, FACTOR, 2)), prefer=THEIRS)
    [conflict] = clash.conflicts
    assert conflict.id == CURVE and conflict.field.startswith("levels.")
    assert get(clash.workshop, CURVE).levels[FACTOR] == 2


def test_a_level_set_on_a_factor_deleted_on_the_other_side_is_a_conflict(sample):
    mine = edited(sample, lambda d: c.set_level(d, CURVE, FACTOR, 0.5))
    theirs = edited(sample, lambda d: c.delete(d, FACTOR))
    deleted = merge(sample, mine, theirs, prefer=THEIRS)
    assert [x.id for x in deleted.conflicts] == [FACTOR]
    assert get(deleted.workshop, FACTOR) is None and FACTOR not in get(deleted.workshop, CURVE).levels
    kept = merge(sample, mine, theirs, prefer=MINE)
    assert get(kept.workshop, CURVE).levels[FACTOR] == 0.5
    for result in (deleted, kept):
        assert_consistent(result.workshop)


def test_a_canvas_deleted_while_its_factor_was_renamed_on_the_other_side(sample):
    mine = edited(sample, lambda d: c.delete(d, CANVAS))
    theirs = edited(sample, lambda d: c.update(d, FACTOR, name="Скорость доставки"))
    for prefer in (MINE, THEIRS):
        result = merge(sample, mine, theirs, prefer=prefer)
        assert result.conflicts
        assert_consistent(result.workshop)
        assert (get(result.workshop, CANVAS) is None) == (prefer == MINE)
    kept = merge(sample, mine, theirs, prefer=THEIRS)
    assert get(kept.workshop, FACTOR).name == "Скорость доставки"


def test_two_reference_curves_are_a_conflict(sample):
    other_curve = get(sample, CANVAS).curves[3].id
    mine = edited(sample, lambda d: c.update(d, REFERENCE, reference=False),
                  lambda d: c.update(d, CURVE, reference=True))
    theirs = edited(sample, lambda d: c.update(d, REFERENCE, reference=False),
                    lambda d: c.update(d, other_curve, reference=True))
    result = merge(sample, mine, theirs, prefer=THEIRS)
    [conflict] = result.conflicts
    assert conflict.what == "reference"
    assert [x.id for x in get(result.workshop, CANVAS).curves if x.reference] == [other_curve]
    assert_consistent(result.workshop)


def test_promises_that_would_support_each_other_are_a_conflict(sample):
    a, b = PROMISE, OTHER_PROMISE
    mine = edited(sample, lambda d: c.update(d, a, parent=b))
    theirs = edited(sample, lambda d: c.update(d, b, parent=a))
    for prefer in (MINE, THEIRS):
        result = merge(sample, mine, theirs, prefer=prefer)
        [conflict] = result.conflicts
        assert conflict.what == "cycle"
        assert_consistent(result.workshop)
        expected = (b, None) if prefer == MINE else (None, a)
        assert (get(result.workshop, a).parent, get(result.workshop, b).parent) == expected


def test_a_narrower_scale_against_a_higher_level_is_a_conflict(sample):
    mine = edited(sample, lambda d: c.set_level(d, CURVE, FACTOR, 5))
    theirs = edited(sample, lambda d: Batch(tuple(c.set_level(d, x.id, f, min(v, 3))
                                                  for x in get(d.model, CANVAS).curves
                                                  for f, v in x.levels.items() if v > 3)),
                    lambda d: c.update(d, CANVAS, scale=(0, 3)))
    for prefer, scale, level in ((MINE, (0, 5), 5), (THEIRS, (0, 3), 3)):
        result = merge(sample, mine, theirs, prefer=prefer)
        assert [x.what for x in result.conflicts] == ["scale"]
        assert get(result.workshop, CANVAS).scale == scale
        assert get(result.workshop, CURVE).levels[FACTOR] == level
        assert_consistent(result.workshop)


def test_merging_a_copy_with_itself_changes_nothing(sample):
    mine = edited(sample, lambda d: c.update(d, PROMISE, status="kept"), lambda d: c.delete(d, TEAM))
    for base in (sample, mine):
        result = merge(base, mine, mine)
        assert result.clean
        assert workshop_to_json(result.workshop) == workshop_to_json(mine)


def test_a_workshop_with_nothing_in_common_is_refused(sample):
    stranger = m.Workshop(teams=[m.Team("t-x", "Чужая")])
    with pytest.raises(MergeRefused, match="theirs shares no object with the base"):
        merge(sample, sample, stranger)


def test_the_inputs_are_not_changed(sample):
    mine = edited(sample, lambda d: c.delete(d, TEAM))
    theirs = edited(sample, lambda d: c.update(d, TEAM, name="Лесная"))
    before = [workshop_to_json(w) for w in (sample, mine, theirs)]
    merge(sample, mine, theirs, prefer=THEIRS)
    assert [workshop_to_json(w) for w in (sample, mine, theirs)] == before


def test_version_2_objects_and_list_references_merge_with_no_special_case(sample):
    """Readings (a kind of version 2) and joint promisers (a list of team ids) go through the same rules."""
    reading = m.Reading("rdg-new", of=PROMISE, period="2026-11", value="93 %", met=True)
    mine = edited(sample, lambda d: c.insert(d, reading),
                  lambda d: c.update(d, OTHER_PROMISE, co_promisers=(OTHER_TEAM,)))
    theirs = edited(sample, lambda d: c.delete(d, OTHER_TEAM), lambda d: c.update(d, PROMISE, price=1200.0))
    kept = merge(sample, mine, theirs, prefer=MINE)
    assert get(kept.workshop, "rdg-new").value == "93 %" and get(kept.workshop, PROMISE).price == 1200.0
    assert get(kept.workshop, OTHER_TEAM) is not None  # the joint promiser kept its team
    assert get(kept.workshop, OTHER_PROMISE).co_promisers == (OTHER_TEAM,)
    gone = merge(sample, mine, theirs, prefer=THEIRS)
    [conflict] = [x for x in gone.conflicts if x.id == OTHER_TEAM]
    assert conflict.details == (("refers", "promise", get(sample, OTHER_PROMISE).text, "co_promisers"),)
    assert get(gone.workshop, OTHER_TEAM) is None and get(gone.workshop, OTHER_PROMISE).co_promisers == ()
    for result in (kept, gone):
        assert_consistent(result.workshop)
