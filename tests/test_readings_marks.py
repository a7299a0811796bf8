"""The latest figures on the drawings: a square on a promise's arrow (met / not met) and a team's indicator mark
on the structure follow every new reading and its undo."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app import changes
from app import model as m
from app import readings as r
from app.document import Document
from tests.readings_support import sample_with_readings
from widgets.promises.editor import PromiseMapEditor
from widgets.structure.editor import StructureEditor


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1600, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_arrow_shows_its_promises_latest_figure_and_follows_edits(qtbot) -> None:
    doc = Document(sample_with_readings())
    editor = shown(qtbot, PromiseMapEditor(doc, QUndoStack()))
    edge = editor.diagram.edge_of("prm-044")
    assert edge.reading == r.MET
    assert "reading" in [kind for kind, *_ in edge._tag_parts(1.0)[0]]  # drawn beside the number
    assert editor.diagram.edge_of("prm-043").reading == ""  # no figures: no mark
    edit = changes.insert(doc, m.Reading("late", "prm-044", "2026-04", "89%", False))
    doc.apply(edit)
    assert editor.diagram.edge_of("prm-044").reading == r.NOT_MET
    doc.apply(edit.inverse())
    assert editor.diagram.edge_of("prm-044").reading == r.MET
    doc.apply(changes.delete(doc, "rd-prm-049-2026-03"))
    assert editor.diagram.edge_of("prm-049").reading == ""


def test_the_legend_explains_the_square_only_when_there_are_figures(qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    def legend_texts(editor: PromiseMapEditor) -> list[str]:
        return [label.text() for label in editor.findChildren(QLabel) if label.isVisible()]

    with_figures = shown(qtbot, PromiseMapEditor(Document(sample_with_readings()), QUndoStack()))
    assert any("latest figure" in t for t in legend_texts(with_figures))
    plain = sample_with_readings()
    plain.readings = []
    without = shown(qtbot, PromiseMapEditor(Document(plain), QUndoStack()))
    assert not any("latest figure" in t for t in legend_texts(without))


def test_a_teams_mark_on_the_structure_follows_its_latest_figure(qtbot) -> None:
    doc = Document(sample_with_readings())
    editor = shown(qtbot, StructureEditor(doc, QUndoStack()))
    nodes = editor.scene.nodes
    assert nodes["team-029"].badge.status is False  # Логистика's latest figure is not met
    assert nodes["team-026"].badge.status is False  # a figure without a verdict: its value 92% against 95%
    edit = changes.insert(doc, m.Reading("up", "team-029", "2026-04", "99%", True))
    doc.apply(edit)
    assert nodes["team-029"].badge.status is True
    doc.apply(edit.inverse())
    assert nodes["team-029"].badge.status is False
