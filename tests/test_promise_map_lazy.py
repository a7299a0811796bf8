"""A large promise map made lazily (widgets.promises.lazy): the sample workshop with the threshold lowered to 1."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QUndoStack

from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_diagram import drag
from tests.test_promise_map import SHOP, open_editor
from widgets.promises import diagram as promise_diagram
from widgets.promises.context import PromiseContext
from widgets.promises.editor import PromiseMapEditor


@pytest.fixture
def lazy(monkeypatch) -> None:
    monkeypatch.setattr(promise_diagram, "LAZY_PROMISES", 1)


def drawn_promises(editor: PromiseMapEditor) -> set[str]:
    return {i for e in editor.scene.edges.values() for i in e.promise_ids}


def promises_of(editor: PromiseMapEditor, party: str) -> set[str]:
    return {p.id for p in editor.document.model.promises if party in (p.from_, p.to)}


def test_a_large_map_opens_without_arrow_items(lazy, qtbot) -> None:
    document = Document(read_json_file(sample_path()))
    editor = PromiseMapEditor(document, QUndoStack())
    qtbot.addWidget(editor)
    assert editor.diagram.lazy and editor.scene.edges == {}
    assert len(editor.scene.nodes) == len(document.model.teams) + len(document.model.segments)


def test_zoomed_in_the_parties_in_view_get_their_arrows_and_the_view_says_what_it_leaves_out(lazy, qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.view.centerOn(editor.scene.nodes[SHOP])
    editor.view.viewport().repaint()
    qtbot.waitUntil(lambda: promises_of(editor, SHOP) <= drawn_promises(editor))
    left_out = len(editor.document.model.promises) - len(drawn_promises(editor))
    assert editor.view.left_out() == left_out


def test_zoomed_out_every_promise_is_summed_up_in_bundles(lazy, qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.view.set_zoom(0.1)
    editor.view.grab()
    assert editor.view.in_overview()
    geometry = editor.view.overview.geometry(editor.scene)
    summary = editor.diagram.overview_bundles(0.1, geometry, QRectF())
    assert summary is not None
    assert summary.bundles.count.sum() == summary.promises == len(editor.document.model.promises)
    assert 0 < editor.view.overview.last_strokes <= len(summary.bundles)
    assert editor.view.overview.last_note.startswith("Summary:")


def test_a_promise_selected_elsewhere_gets_its_arrow_selected(lazy, qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.view.set_zoom(0.1)
    hidden = next(p.id for p in editor.document.model.promises if p.id not in drawn_promises(editor))
    editor.ctx.select([hidden])
    assert hidden in drawn_promises(editor)
    assert editor.selected_ids() == [hidden]


def test_a_party_dragged_on_the_overview_takes_all_its_arrows_along(lazy, qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.view.set_zoom(0.3)
    node = editor.scene.nodes[SHOP]
    start = QPointF(node.pos())
    drag(editor.view, start, start + QPointF(200, 100))
    assert editor.document.model.layouts["promises"][SHOP] == (start.x() + 200, start.y() + 100)
    assert {i for e in node.edges for i in e.promise_ids} == promises_of(editor, SHOP)
    assert all(e.source is node or e.target is node for e in node.edges)


def test_drawn_lazily_or_at_once_the_arrows_are_the_same(monkeypatch, qtbot) -> None:
    def arrows(lazy: bool) -> set[tuple]:
        monkeypatch.setattr(promise_diagram, "LAZY_PROMISES", 1 if lazy else 10**9)
        document = Document(read_json_file(sample_path()))
        diagram = promise_diagram.PromiseDiagram(PromiseContext(document, QUndoStack()))
        if lazy:
            diagram.draw_pairs_of([p.id for p in document.model.promises])
        drawn = {(e.edge_id, tuple(e.promise_ids), e.look, e.number, e.caption, e.line.p1().toTuple(),
                  e.line.p2().toTuple()) for e in diagram.scene.edges.values()}
        diagram.view.deleteLater()
        return drawn

    assert arrows(True) == arrows(False)


def test_a_party_moved_by_an_edit_takes_its_summary_lines_along(lazy, qtbot) -> None:
    """Zoomed out, a party moved by an edit (an undo, a co-editor) while its promises have no arrow items: the
    summary lines that end there end where it is now."""
    from app import changes as ch
    from widgets.promises.gestures import DIAGRAM

    editor = open_editor(qtbot, read_json_file(sample_path()))
    editor.view.set_zoom(0.1)
    editor.view.grab()
    assert not promises_of(editor, SHOP) & drawn_promises(editor)
    x, y = editor.scene.nodes[SHOP].pos().x(), editor.scene.nodes[SHOP].pos().y()

    editor.document.apply(ch.set_position(editor.document, DIAGRAM, SHOP, (x + 300, y + 200)))
    editor.view.grab()

    lines = editor.diagram._pending_lines()
    ends = [(lines.x1[i], lines.y1[i]) if a == SHOP else (lines.x2[i], lines.y2[i])
            for i, (a, b) in enumerate(lines.pairs) if SHOP in (a, b)]
    assert ends and all(end == (x + 300, y + 200) for end in ends)
