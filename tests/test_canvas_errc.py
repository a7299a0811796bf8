"""The ERRC grid: drag a factor between quadrants; suggestions from the curves, accepted one by one or all."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QPushButton

from app.checks import run_checks
from app.edits import Batch
from tests.canvas_support import click, drag, make_editor, sample_document

FRESH, PROMO, READY = "fac-014", "fac-017", "fac-019"


def errc_grid(doc):  # noqa: ANN001, ANN201
    """The sample's factors by ERRC action."""
    return {f.id: f.errc for f in doc.get("cnv-024").factors}


def open_errc(qtbot, doc):  # noqa: ANN001, ANN201
    """The editor with the ERRC tab shown."""
    editor, stack = make_editor(qtbot, doc)
    editor.tabs.setCurrentWidget(editor.errc)
    QApplication.processEvents()
    return editor, stack


def test_chips_sit_in_their_quadrants(qtbot) -> None:
    doc = sample_document()
    editor, _stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    areas = grid.areas()
    for factor_id, action in errc_grid(doc).items():
        assert areas[action].contains(grid.chip_rect(factor_id)), factor_id


def test_dragging_a_factor_to_another_quadrant_sets_its_action(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    before = errc_grid(doc)
    drag(grid, grid.chip_rect(FRESH).center().toPoint(), grid.areas()["eliminate"].center().toPoint())
    after = errc_grid(doc)
    assert after[FRESH] == "eliminate" and {k for k in before if before[k] != after[k]} == {FRESH}
    assert stack.count() == 1
    assert grid.areas()["eliminate"].contains(grid.chip_rect(FRESH))
    stack.undo()
    assert errc_grid(doc) == before


def test_dragging_to_the_undecided_strip_clears_the_action(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    drag(grid, grid.chip_rect(PROMO).center().toPoint(), grid.areas()[None].center().toPoint())
    assert errc_grid(doc)[PROMO] is None and stack.count() == 1


def test_a_click_selects_without_changing(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    click(grid, grid.chip_rect(READY).center().toPoint())
    assert editor.ctx.factor_id == READY and stack.count() == 0


def test_a_contradicting_action_is_marked(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    drag(grid, grid.chip_rect(FRESH).center().toPoint(), grid.areas()["reduce"].center().toPoint())
    assert FRESH in grid.warnings  # to-be 5 vs reference 2 is no reduction


def test_suggestions_follow_the_rules_and_accept_all_is_one_batch(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    sample_grid = errc_grid(doc)
    for factor_id in sample_grid:  # clear the grid (eight edits)
        grid.set_action(factor_id, None)
    assert stack.count() == 8
    click(editor.errc.suggest_button, QPoint(5, 5))
    assert editor.errc.suggest_button.isChecked()
    assert {f: s.action for f, s in grid.suggestions.items()} == sample_grid
    assert grid.areas()["create"].contains(grid.chip_rect(READY, suggested=True))
    click(editor.errc.accept_all, QPoint(5, 5))
    assert errc_grid(doc) == sample_grid and stack.count() == 9
    assert isinstance(stack.command(8).edit, Batch)
    assert not [f for f in run_checks(doc.model) if f.code == "errc-contradicts-curves"]
    assert grid.suggestions == {}
    stack.undo()
    assert all(a is None for a in errc_grid(doc).values())


def test_accepting_one_suggestion(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    grid.set_action(FRESH, "reduce")  # contradicts the curves
    editor.errc.suggest_button.setChecked(True)
    assert {f: (s.current, s.action) for f, s in grid.suggestions.items()} == {FRESH: ("reduce", "raise")}
    button = editor.errc.findChild(QPushButton, "accept-" + FRESH)
    click(button, QPoint(5, 5))
    assert errc_grid(doc)[FRESH] == "raise" and stack.count() == 2 and not grid.suggestions


def test_clicking_a_suggested_chip_accepts_it(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    grid.set_action(PROMO, None)
    editor.errc.suggest_button.setChecked(True)
    click(grid, grid.chip_rect(PROMO, suggested=True).center().toPoint())
    assert errc_grid(doc)[PROMO] == "eliminate" and stack.count() == 2


def test_suggestions_follow_curve_edits_while_shown(qtbot) -> None:
    doc = sample_document()
    editor, stack = open_errc(qtbot, doc)
    grid = editor.errc.grid
    editor.errc.suggest_button.setChecked(True)
    assert grid.suggestions == {}
    editor.chart.set_level("crv-021", FRESH, 1.0)  # the to-be now sits below the reference's 2
    assert grid.suggestions[FRESH].action == "reduce" and FRESH in grid.warnings
