"""Strategy canvas logic: snapping, ERRC suggestions against the check's rules, focus, divergence, copies."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import model as m
from app import strategy as s
from app.checks import run_checks
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path


def canvas_with(to_be: dict[str, float], reference: dict[str, float], errc: dict[str, str | None] | None = None,
                scale: tuple[float, float] = (0, 5)) -> m.Canvas:
    """A canvas with factors a, b, c…, a to-be curve and a reference competitor."""
    names = sorted(set(to_be) | set(reference) | set(errc or {}))
    factors = [m.Factor(n, n.upper(), errc=(errc or {}).get(n)) for n in names]
    curves = [
        m.Curve("as", "As is", "as_is", levels={n: 1 for n in names}),
        m.Curve("tb", "To be", "to_be", levels=dict(to_be)),
        m.Curve("ref", "Rival", "competitor", reference=True, levels=dict(reference)),
    ]
    return m.Canvas("cv", "Canvas", scale=scale, factors=factors, curves=curves)


def contradictions(canvas: m.Canvas) -> set[str]:
    """Factor ids the `errc-contradicts-curves` check flags on the canvas."""
    w = m.Workshop(canvases=[canvas])
    return {f.ids[0] for f in run_checks(w) if f.code == "errc-contradicts-curves"}


@pytest.mark.parametrize(
    ("value", "scale", "step", "expected"),
    [
        (3.2, (0, 5), 0.5, 3.0),
        (3.26, (0, 5), 0.5, 3.5),
        (0.3, (0, 5), 0.1, 0.3),
        (-2, (0, 5), 0.5, 0.0),
        (7.9, (0, 5), 0.5, 5.0),
        (7.4, (0, 10), 1, 7.0),
        (4.9, (0, 5), 2, 4.0),  # 5 is not a whole number of steps: the last step below the top
        (float("nan"), (0, 5), 0.5, 0.0),
    ],
)
def test_snap_level(value: float, scale: tuple[float, float], step: float, expected: float) -> None:
    assert s.snap_level(value, scale, step) == expected


@given(st.floats(-100, 100), st.sampled_from([((0, 5), 0.5), ((0, 10), 1.0), ((1, 7), 0.25), ((0, 5), 0.1)]))
def test_snapped_level_is_on_the_scale_and_on_a_step(value: float, setting: tuple[tuple[float, float], float]) -> None:
    scale, step = setting
    snapped = s.snap_level(value, scale, step)
    assert scale[0] <= snapped <= scale[1]
    steps = (snapped - scale[0]) / step
    assert abs(steps - round(steps)) < 1e-6
    assert s.snap_level(snapped, scale, step) == snapped


def test_step_level_moves_by_steps_and_stops_at_the_ends() -> None:
    assert s.step_level(3.0, 1, (0, 5), 0.5) == 3.5
    assert s.step_level(5.0, 1, (0, 5), 0.5) == 5.0
    assert s.step_level(0.0, -1, (0, 5), 0.5) == 0.0
    assert s.step_level(None, 1, (0, 10), 1) == 1.0


@pytest.mark.parametrize(
    ("to_be", "reference", "expected"),
    [
        (0, 3, "eliminate"),
        (0, 0, None),  # neither offers it: nothing to do
        (2, 3, "reduce"),
        (4, 3, "raise"),
        (3, 0, "create"),
        (3, 3, None),
    ],
)
def test_action_from_levels(to_be: float, reference: float, expected: str | None) -> None:
    assert s.action_from_levels(to_be, reference, 0) == expected


LEVELS = [0, 0.5, 2, 3, 5]


@pytest.mark.parametrize(("t", "r"), list(itertools.product(LEVELS, LEVELS)))
def test_accepted_suggestion_never_contradicts_the_check(t: float, r: float) -> None:
    for current in (None, *m.ERRC_ACTIONS):
        canvas = canvas_with({"a": t}, {"a": r}, {"a": current})
        flagged_before = contradictions(canvas)
        suggestions = s.suggest_errc(canvas)
        if current is not None and not flagged_before:
            assert suggestions == []  # an agreeing action is kept, even if another one would agree too
        for sug in suggestions:
            canvas.factors[0].errc = sug.action
        assert contradictions(canvas) == set(), (t, r, current, suggestions)
        if suggestions and suggestions[0].action is not None:
            assert s.errc_agrees(suggestions[0].action, t, r, 0)


def test_suggestions_skip_unscored_factors_and_need_both_curves() -> None:
    canvas = canvas_with({"a": 4, "b": 1}, {"a": 2})
    assert [(x.factor, x.action) for x in s.suggest_errc(canvas)] == [("a", "raise")]
    canvas.curves[2].reference = False
    assert s.suggest_errc(canvas) == []
    canvas.curves[2].reference = True
    canvas.curves[1].visible = False  # the checks judge the first visible to-be curve
    assert s.suggest_errc(canvas) == []


def test_suggestions_rebuild_the_samples_grid_as_one_undoable_batch() -> None:
    doc = Document(read_json_file(sample_path()))
    canvas = doc.model.canvases[0]
    grid = {f.id: f.errc for f in canvas.factors}
    assert s.suggest_errc(canvas) == []  # the sample's grid agrees with its curves
    for f in canvas.factors:
        f.errc = None
    suggestions = s.suggest_errc(canvas)
    assert {x.factor: x.action for x in suggestions} == grid
    batch = s.accept_suggestions(suggestions)
    doc.apply(batch)
    assert {f.id: f.errc for f in canvas.factors} == grid and s.suggest_errc(canvas) == []
    doc.apply(batch.inverse())
    assert all(f.errc is None for f in canvas.factors)


def test_focus_counts_peaks_and_leaves_price_out() -> None:
    canvas = canvas_with({"a": 5, "b": 4, "c": 1, "d": 4.5, "e": 0}, {})
    canvas.factors[3].higher_is_costlier = True
    f = s.focus(canvas)
    assert f is not None
    assert f.peaks == ("a", "b") and f.scored == 5 and f.total == 5 and f.verdict == "focused"
    canvas.curves[1].levels = {k: 5 for k in "abcde"}
    assert s.focus(canvas).verdict == "diffuse"
    canvas.curves[1].levels = {k: 2 for k in "abcde"}
    assert s.focus(canvas).verdict == "flat"
    canvas.curves[1].kind = "as_is"
    assert s.focus(canvas) is None


def test_divergence_from_each_visible_rival() -> None:
    canvas = canvas_with({"a": 5, "b": 0, "c": 3}, {"a": 1, "b": 0, "c": 3.5})
    canvas.curves.append(m.Curve("alt", "Cook at home", "alternative", levels={"a": 5}))
    canvas.curves.append(m.Curve("hid", "Hidden", "competitor", visible=False, levels={"a": 0}))
    found = {d.curve: d for d in s.divergences(canvas)}
    assert set(found) == {"ref", "alt"}
    ref = found["ref"]
    assert ref.compared == 3 and ref.differing == ("a",)
    assert ref.mean_gap == pytest.approx(1.5) and ref.share == pytest.approx(0.3) and ref.verdict == "high"
    assert found["alt"].mean_gap == 0 and found["alt"].verdict == "low"


def test_duplicate_canvas_has_fresh_ids_and_the_same_drawing() -> None:
    w = read_json_file(sample_path())
    doc = Document(w)
    original = w.canvases[0]
    counter = itertools.count()
    copy = s.duplicate_canvas(original, "Copy", make_id=lambda: f"new-{next(counter)}")
    old_ids = {original.id, *(f.id for f in original.factors), *(c.id for c in original.curves)}
    new_ids = {copy.id, *(f.id for f in copy.factors), *(c.id for c in copy.curves)}
    assert not old_ids & new_ids and len(new_ids) == 1 + len(copy.factors) + len(copy.curves)
    assert copy.title == "Copy" and copy.tagline == original.tagline and copy.scale == original.scale
    for a, b in zip(original.curves, copy.curves, strict=True):
        assert [a.levels.get(f.id) for f in original.factors] == [b.levels.get(f.id) for f in copy.factors]
    from app import changes

    doc.apply(changes.insert(doc, copy))  # the document accepts it as a new canvas
    assert len(doc.model.canvases) == 2 and original.curves[0].levels  # the original is untouched


def test_change_scale_carries_levels_in_proportion_both_ways() -> None:
    doc = Document(m.Workshop(canvases=[canvas_with({"a": 2.5, "b": 5}, {"a": 0, "b": 1.5})]))
    canvas = doc.get("cv")
    doc.apply(s.change_scale(doc, "cv", (0, 10), 1))
    assert canvas.scale == (0, 10) and canvas.step == 1
    assert canvas.curves[1].levels == {"a": 5, "b": 10} and canvas.curves[2].levels == {"a": 0, "b": 3}
    doc.apply(s.change_scale(doc, "cv", (0, 5), 0.5))
    assert canvas.curves[1].levels == {"a": 2.5, "b": 5} and canvas.curves[2].levels == {"a": 0, "b": 1.5}


def test_next_color_takes_the_first_free_palette_colour() -> None:
    canvas = canvas_with({"a": 1}, {"a": 1})
    for c, color in zip(canvas.curves, s.PALETTE, strict=False):
        c.color = color
    assert s.next_color(canvas) == s.PALETTE[3]
    curve = s.new_curve(canvas, "New", "competitor", make_id=lambda: "x")
    assert (curve.id, curve.color, curve.levels) == ("x", s.PALETTE[3], {})


def test_canvas_findings_are_only_about_the_canvas() -> None:
    canvas = canvas_with({"a": 1}, {"a": 1}, {"a": "raise"})
    codes = {f.code for f in s.canvas_findings(canvas)}
    assert codes == {"canvas-factor-count", "errc-contradicts-curves"}
