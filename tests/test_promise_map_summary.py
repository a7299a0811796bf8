"""A large promise map zoomed out draws bundles with counts; zoomed in, arrows; arrows far out of view are released."""

from __future__ import annotations

import re
from typing import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QMainWindow

from app.document import Document
from app.generate import generate_workshop
from tests.test_diagram import NONE, send_mouse_at
from widgets.promises import diagram as promise_diagram
from widgets.promises.editor import PromiseMapEditor
from widgets.promises.items import PromiseEdge


def shown(qtbot, promises: int) -> Iterator[PromiseMapEditor]:
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = PromiseMapEditor(Document(generate_workshop(teams=200, promises=promises, links=0)), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(1400, 950)
    window.show()
    qtbot.waitExposed(window)
    yield editor  # the window lives until the test ends


@pytest.fixture
def editor(qtbot, monkeypatch) -> Iterator[PromiseMapEditor]:
    """A generated workshop of 1,500 promises made lazily (threshold lowered), in a window at 1400×950."""
    monkeypatch.setattr(promise_diagram, "LAZY_PROMISES", 1)
    monkeypatch.setattr(promise_diagram, "KEEP_ARROWS", 150)
    yield from shown(qtbot, 1500)


@pytest.fixture
def eager(qtbot) -> Iterator[PromiseMapEditor]:
    """A map of 1,500 promises with an item per arrow from the start."""
    yield from shown(qtbot, 1500)


def wheel_at(view: QGraphicsView, scene_point: QPointF, notches: int) -> None:
    """Roll the wheel `notches` notches (positive: zoom in) with the cursor over a scene point."""
    pos = QPointF(view.mapFromScene(scene_point))
    for _ in range(abs(notches)):
        event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 if notches > 0 else -120), NONE, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)


def pan_to(view: QGraphicsView, scene_point: QPointF) -> None:
    """Drag with the middle button, a few hundred pixels at a time, until `scene_point` is in the middle."""
    middle = Qt.MouseButton.MiddleButton
    for _ in range(200):
        centre = view.viewport().rect().center()
        offset = QPointF(view.mapFromScene(scene_point)) - QPointF(centre)
        if abs(offset.x()) < 2 and abs(offset.y()) < 2:
            return
        step = QPoint(round(max(-400, min(400, offset.x()))), round(max(-300, min(300, offset.y()))))
        send_mouse_at(view, QEvent.Type.MouseButtonPress, centre + step, middle)
        send_mouse_at(view, QEvent.Type.MouseMove, centre, NONE, middle)
        send_mouse_at(view, QEvent.Type.MouseButtonRelease, centre, middle)
        view.viewport().repaint()


def pairs_of(editor: PromiseMapEditor) -> set[tuple[str, str]]:
    return {(p.from_, p.to) for p in editor.document.model.promises}


def promises_of(editor: PromiseMapEditor, party: str) -> set[str]:
    return {p.id for p in editor.document.model.promises if party in (p.from_, p.to)}


def drawn(editor: PromiseMapEditor) -> set[str]:
    return {i for e in editor.scene.edges.values() for i in e.promise_ids}


def zoom_out_fully(editor: PromiseMapEditor) -> None:
    view = editor.view
    wheel_at(view, view.mapToScene(view.viewport().rect().center()), -30)
    view.fit_rect(editor.scene.nodes_rect())
    view.viewport().repaint()


def settle(qtbot, editor: PromiseMapEditor, party: str) -> None:
    """Paint until the party's arrows are made (a few pairs per paint)."""
    def done() -> bool:
        editor.view.viewport().repaint()
        return promises_of(editor, party) <= drawn(editor)

    qtbot.waitUntil(done)


def assert_no_dangling_items(editor: PromiseMapEditor) -> None:
    """Every dict that holds arrows by id holds only arrows on the scene, and the scene only those."""
    diagram, scene = editor.diagram, editor.scene
    on_scene = {e for e in scene.items() if isinstance(e, PromiseEdge)}
    assert on_scene == set(scene.edges.values())
    assert {i for ids in diagram._pair_edges.values() for i in ids} == set(scene.edges)
    assert set(diagram._edge_of.values()) <= set(scene.edges)
    assert all(edge in on_scene for node in scene.nodes.values() for edge in node.edges)
    lines = diagram._pending_lines()
    assert {lines.pairs[i] for i, alive in enumerate(lines.alive) if not alive} == diagram._drawn


def test_zoomed_out_the_map_is_bundles_that_count_every_promise(editor) -> None:
    zoom_out_fully(editor)
    overview = editor.view.overview
    assert editor.view.in_overview()
    summary = editor.diagram.overview_bundles(editor.view.zoom, overview.geometry(editor.scene), QRectF())
    assert summary is not None and summary.bundles.count.sum() == 1500
    assert 0 < overview.last_strokes < len(pairs_of(editor)) / 3
    note = overview.last_note
    assert re.sub(r"\D", "", note.split(" in ")[0]) == "1500"
    assert re.sub(r"\D", "", note.split(" in ")[1]) == str(len(summary.bundles))


def test_zoomed_out_picture_has_fewer_lines_than_pairs_yet_shows_every_party(editor) -> None:
    zoom_out_fully(editor)
    image = editor.view.grab().toImage()
    node = editor.scene.nodes[editor.document.model.teams[0].id]
    at = editor.view.mapFromScene(node.pos())
    assert image.pixelColor(at).name() != "#ffffff"  # the party is drawn over the bundles


def test_zooming_in_with_the_wheel_makes_the_real_arrows(editor, qtbot) -> None:
    zoom_out_fully(editor)
    team = editor.document.model.teams[3].id
    wheel_at(editor.view, editor.scene.nodes[team].pos(), 30)
    assert not editor.view.in_overview()
    settle(qtbot, editor, team)
    assert editor.view.overview.last_note.startswith("Summary")  # the note was the overview's, not this view's


def test_arrows_far_out_of_view_are_released_and_come_back_when_scrolled_to(editor, qtbot) -> None:
    view, scene = editor.view, editor.scene
    teams = editor.document.model.teams
    here = max(teams[:50], key=lambda t: scene.nodes[t.id].pos().y()).id
    there = min(teams, key=lambda t: scene.nodes[t.id].pos().y() - abs(scene.nodes[t.id].pos().x())).id
    view.set_zoom(1.0)
    pan_to(view, scene.nodes[here].pos())
    settle(qtbot, editor, here)
    mine = promises_of(editor, here)
    for corner in (scene.nodes_rect().topLeft(), scene.nodes_rect().bottomRight(), scene.nodes[there].pos()):
        pan_to(view, corner)
    assert len(scene.edges) <= promise_diagram.KEEP_ARROWS + promise_diagram.PAIRS_PER_PAINT * 3
    assert mine - drawn(editor)  # released (among the first reached): summed up again
    assert_no_dangling_items(editor)
    pan_to(view, scene.nodes[here].pos())
    settle(qtbot, editor, here)
    assert mine <= drawn(editor)
    assert_no_dangling_items(editor)


def test_a_selected_arrow_survives_its_release(editor, qtbot) -> None:
    view, scene = editor.view, editor.scene
    teams = editor.document.model.teams
    team = teams[0].id
    view.set_zoom(1.0)
    pan_to(view, scene.nodes[team].pos())
    settle(qtbot, editor, team)
    promise = sorted(promises_of(editor, team))[0]
    editor.ctx.select([promise])
    for corner in (scene.nodes_rect().topLeft(), scene.nodes_rect().bottomRight(), scene.nodes_rect().topRight(),
                   scene.nodes_rect().bottomLeft()):
        pan_to(view, corner)
    assert len(drawn(editor)) < len(editor.document.model.promises)
    assert editor.ctx.selection == [promise]
    assert promise in editor.diagram.selected_ids()
    edge = editor.diagram.edge_of(promise)
    assert edge is not None and edge.isSelected() and edge.scene() is scene
    assert_no_dangling_items(editor)


def test_a_smaller_map_keeps_its_arrows_until_they_cannot_be_told_apart(eager) -> None:
    view, overview = eager.view, eager.view.overview
    arrows = len(eager.scene.edges)
    assert not eager.diagram.lazy and arrows > 1000
    view.set_zoom(0.3)  # zoomed out, arrow heads still a few pixels: each arrow drawn
    view.grab()
    assert view.in_overview() and overview.last_note == "" and overview.last_strokes >= arrows
    wheel_at(view, view.mapToScene(view.viewport().rect().center()), -6)  # heads of a pixel: a haze
    view.grab()
    assert view.zoom < 0.15
    assert "1500" in re.sub(r"\D", "", overview.last_note.split(" in ")[0]) and overview.last_strokes < arrows / 2
