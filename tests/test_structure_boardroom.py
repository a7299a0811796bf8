"""The structure in front of a board: rings that are rings, names readable at fit, arrows round nodes, long names."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from app import changes
from app.document import Document
from app.generate import generate_workshop
from app.jsonio import read_json_file
from app.resources import sample_path
from widgets.diagram.style import NAME_PIXELS
from widgets.structure import StructureEditor

LONG_NAME = "Служба клиентского сервиса и доставки свежих продуктов для молодых семей северного района!"


def fifty_parties() -> Document:
    """A generated workshop of 50 parties (2 segments, 47 teams, a council), about two links each."""
    return Document(generate_workshop(teams=48, segments=2, links=100, promises=50, canvases=0, seed=0))


@pytest.fixture
def open_editor(qtbot):
    """Makes a structure editor on a document, sized as on a 1920×1080 screen (or `size`); clears its stack after."""
    stacks = []

    def make(document: Document, size: tuple[int, int] = (1620, 760)) -> StructureEditor:
        stack = QUndoStack()
        stacks.append(stack)
        editor = StructureEditor(document, stack)
        qtbot.addWidget(editor)
        editor.resize(*size)
        editor.show()
        qtbot.waitExposed(editor)
        editor.stack = stack
        return editor

    yield make
    for stack in stacks:
        stack.clear()


def choose(qtbot, editor: StructureEditor, action) -> None:
    """Click the Layout button, then the menu item of `action`, with the mouse."""
    menu = editor.layout_button.menu()
    chosen = []

    def click_item() -> None:
        chosen.append(menu.isVisible())
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(100, menu, click_item)
    QTest.mouseClick(editor.layout_button, Qt.MouseButton.LeftButton)  # the menu runs until the item is clicked
    qtbot.waitUntil(lambda: bool(chosen) and not menu.isVisible())
    assert chosen == [True]


def settle(qtbot) -> None:
    """Let the scene's deferred work (routing the arrows) run."""
    qtbot.wait(30)


def crossed_nodes(editor: StructureEditor) -> int:
    """How many times a drawn arrow passes through a node other than its two ends."""
    count = 0
    for edge in editor.scene.edges.values():
        points = [edge.legs[0].p1()] + [leg.p2() for leg in edge.legs]
        for node in editor.scene.nodes.values():
            if node in (edge.source, edge.target):
                continue
            body = node.sceneBoundingRect().adjusted(12, 12, -12, -12)  # the body, not the badge's room
            if any(body.contains(p + (q - p) * (k / 40)) for p, q in zip(points, points[1:], strict=False)
                   for k in range(41)):
                count += 1
    return count


@pytest.mark.parametrize("which", ["sample", "fifty"])
def test_rings_put_the_client_in_the_centre_and_stay_readable_at_fit(open_editor, qtbot, which: str) -> None:
    document = Document(read_json_file(sample_path())) if which == "sample" else fifty_parties()
    editor = open_editor(document)
    choose(qtbot, editor, editor.rings_action)  # Layout ▸ Rings
    settle(qtbot)
    assert editor.stack.count() == 1
    assert editor.view.zoom * NAME_PIXELS >= 11.0  # names of 11 px at least on the screen after the fit
    model = document.model
    kinds = {s.id: "segment" for s in model.segments} | {t.id: t.kind for t in model.teams}
    x0 = sum(editor.scene.nodes[s.id].pos().x() for s in model.segments) / len(model.segments)
    y0 = sum(editor.scene.nodes[s.id].pos().y() for s in model.segments) / len(model.segments)
    reach: dict[str, list[float]] = {}
    for node_id, node in editor.scene.nodes.items():
        reach.setdefault(kinds[node_id], []).append(math.hypot((node.pos().x() - x0) / 1.7, node.pos().y() - y0))
    assert max(reach["segment"]) < min(reach["client_facing"]) < max(reach["client_facing"]) < min(reach["service"])
    facing = [editor.scene.nodes[t.id].pos() for t in model.teams if t.kind == "client_facing"]
    assert min(p.y() for p in facing) < y0 < max(p.y() for p in facing)  # around the client, not a chain below
    ringed = [n for i, n in editor.scene.nodes.items() if kinds[i] != "council"]
    right = max(n.sceneBoundingRect().right() for n in ringed)
    for team in (t for t in model.teams if t.kind == "council"):
        council = editor.scene.nodes[team.id].sceneBoundingRect()
        assert not any(council.intersects(n.sceneBoundingRect()) for n in ringed)
        assert council.left() > min(n.sceneBoundingRect().right() for n in ringed) and council.left() < right + 250
    visible = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert all(visible.contains(editor.scene.nodes[s.id].sceneBoundingRect()) for s in model.segments)


@pytest.mark.parametrize(("which", "most"), [("sample", 0), ("fifty", 2)])
def test_arrows_go_round_the_nodes_after_the_layered_layout(open_editor, qtbot, which: str, most: int) -> None:
    document = Document(read_json_file(sample_path())) if which == "sample" else fifty_parties()
    editor = open_editor(document)
    choose(qtbot, editor, editor.layers_action)  # Layout ▸ Layers
    settle(qtbot)
    assert editor.view.zoom * NAME_PIXELS >= 11.0
    routed = crossed_nodes(editor)
    for edge in editor.scene.edges.values():
        edge.set_bends([])
    straight = crossed_nodes(editor)
    print(f"{which}: arrows pass {routed} nodes routed, {straight} drawn straight")
    assert routed <= most and (routed == 0 or routed < straight / 2)


def test_a_long_name_wraps_on_two_lines_and_shows_whole_on_hover(open_editor, qtbot) -> None:
    document = Document(read_json_file(sample_path()))
    editor = open_editor(document)
    team = document.model.teams[0]
    document.apply(changes.update(document, team.id, name=LONG_NAME))
    node = editor.scene.nodes[team.id]
    lines = [text.text() for _, text in node._layout_name()]
    assert len(LONG_NAME) == 90 and len(lines) == 2 and lines[-1].endswith("…")
    editor.view.set_zoom(1.0)
    editor.view.centerOn(node.pos())
    pos = editor.view.mapFromScene(node.pos() + QPointF(0, 10))
    viewport = editor.view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert LONG_NAME in QToolTip.text()
