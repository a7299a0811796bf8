"""A large structure made lazily (widgets.structure.lazy_links): link items only where the view reaches, driven
with the wheel and the mouse as a user would; the bundled sample stays eager."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QUndoStack, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from app import model as m
from app.document import Document
from app.generate import generate_workshop
from app.jsonio import read_json_file
from app.resources import sample_path
from tests.test_diagram import click, drag, key
from widgets.diagram.items import EdgeItem, NodeItem, clip_line
from widgets.diagram.lazy import HeadEdge
from widgets.structure import lazy_links
from widgets.structure.editor import StructureEditor


@pytest.fixture
def undo_stack():
    stack = QUndoStack()
    yield stack
    stack.clear()


def show(qtbot, editor: StructureEditor) -> StructureEditor:
    qtbot.addWidget(editor)
    editor.resize(1920, 1080)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def large(qtbot, undo_stack) -> StructureEditor:
    """The structure of a generated workshop of 1,500 teams and 2,400 links, shown at 1920×1080."""
    workshop = generate_workshop(teams=1500, promises=300, links=2400, canvases=0, seed=3)
    editor = show(qtbot, StructureEditor(Document(workshop), undo_stack))
    settle(qtbot, editor)
    return editor


def in_view(editor: StructureEditor) -> QRectF:
    view = editor.view
    return view.mapToScene(view.viewport().rect()).boundingRect()


def links_near_view(editor: StructureEditor, margin: float = 0.0) -> set[str]:
    """The links with a party whose centre is in view (or within `margin` of it)."""
    rect, nodes = in_view(editor).adjusted(-margin, -margin, margin, margin), editor.scene.nodes
    return {link.id for link in editor.document.model.links
            if rect.contains(nodes[link.from_].pos()) or rect.contains(nodes[link.to].pos())}


def settle(qtbot, editor: StructureEditor) -> None:
    """Paint until every link with a party in view has its item (a few hundred are made per paint)."""
    def done() -> bool:
        editor.view.viewport().repaint()
        return links_near_view(editor) <= set(editor.scene.edges)

    qtbot.waitUntil(done)


def wheel_at(view: QGraphicsView, scene_point: QPointF, notches: int) -> None:
    """Roll the wheel `notches` notches (positive: away from the user, zooming in) with the cursor over a point."""
    pos = QPointF(view.mapFromScene(scene_point))
    for _ in range(abs(notches)):
        event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)


def go_to(qtbot, editor: StructureEditor, node_id: str) -> None:
    """Zoom out with the wheel, then back in with the cursor over the node: the view ends up around it."""
    view = editor.view
    zoom = view.zoom
    wheel_at(view, in_view(editor).center(), -12)
    view.viewport().repaint()
    assert in_view(editor).contains(editor.scene.nodes[node_id].pos())
    wheel_at(view, editor.scene.nodes[node_id].pos(), 12)
    assert view.zoom == pytest.approx(zoom)
    assert in_view(editor).contains(editor.scene.nodes[node_id].pos())
    settle(qtbot, editor)


def far_team(editor: StructureEditor) -> str:
    """A team far below the view whose links have no item yet."""
    rect, edges = in_view(editor), editor.scene.edges
    links = editor.document.model.links
    candidates = [t.id for t in editor.document.model.teams
                  if editor.scene.nodes[t.id].pos().y() > rect.bottom() + 3000
                  and any(t.id in (link.from_, link.to) for link in links)
                  and not any(link.id in edges for link in links if t.id in (link.from_, link.to))]
    return candidates[len(candidates) // 2]


def links_of(editor: StructureEditor, node_id: str) -> set[str]:
    return {link.id for link in editor.document.model.links if node_id in (link.from_, link.to)}


def test_a_large_structure_shows_with_items_only_for_the_links_in_view(large) -> None:
    links = large.document.model.links
    assert large.links.lazy
    assert 0 < len(large.scene.edges) < len(links) / 2
    assert all(type(edge) is HeadEdge for edge in large.scene.edges.values())
    assert len(large.scene.nodes) == len(large.document.model.teams) + len(large.document.model.segments)


def test_zooming_to_another_region_makes_its_links_items(qtbot, large) -> None:
    team = far_team(large)
    go_to(qtbot, large, team)
    assert links_of(large, team) <= set(large.scene.edges)
    for link_id in links_of(large, team):
        edge = large.scene.edges[link_id]
        assert team in (edge.source.node_id, edge.target.node_id)


def test_dragging_a_team_takes_its_links_along_and_undo_brings_them_back(qtbot, large) -> None:
    team = far_team(large)
    go_to(qtbot, large, team)
    node = large.scene.nodes[team]
    start = QPointF(node.pos())
    drag(large.view, start, start + QPointF(160, 90))
    assert large.document.model.layouts["structure"][team] == node.centre()
    assert (node.pos() - start - QPointF(160, 90)).manhattanLength() < 4
    attached = {e.edge_id for e in node.edges}
    assert attached == links_of(large, team)
    for edge in node.edges:  # each arrow starts or ends on the team where it stands now
        end = edge.legs[0].p1() if edge.source is node else edge.line.p2()
        assert (end - node.pos()).manhattanLength() < node.width + node.height
    large.undo_stack.undo()
    assert node.pos() == start
    for edge in node.edges:
        end = edge.legs[0].p1() if edge.source is node else edge.line.p2()
        assert (end - start).manhattanLength() < node.width + node.height


def test_items_out_of_view_are_released_and_made_again_when_scrolled_back(qtbot, large, monkeypatch) -> None:
    monkeypatch.setattr(lazy_links, "KEEP_LINK_ITEMS", 50)
    home = in_view(large).center()
    here = links_near_view(large)
    team = far_team(large)
    go_to(qtbot, large, team)
    kept = links_near_view(large, lazy_links.RELEASE_REACH)
    assert not here & set(large.scene.edges) - kept  # those left far behind were released
    released = here - set(large.scene.edges)
    assert len(released) > len(here) / 2
    wheel_at(large.view, in_view(large).center(), -12)
    large.view.viewport().repaint()
    wheel_at(large.view, home, 12)
    settle(qtbot, large)
    back = released & links_near_view(large)  # the wheel lands within a few hundred units of where it started
    assert len(back) > 50
    assert back <= set(large.scene.edges)


def test_a_link_selected_elsewhere_gets_its_item_selected(large) -> None:
    hidden = next(link.id for link in large.document.model.links if link.id not in large.scene.edges)
    large.select_ids([hidden])
    assert large.selected_ids() == [hidden]
    assert large.scene.edges[hidden].isSelected()


def test_lines_without_items_are_drawn_and_a_click_on_one_selects_its_link(qtbot, large) -> None:
    """A link crossing the view with both parties out of it shows as its line, and clicking it selects it."""
    rect = in_view(large).adjusted(100, 100, -100, -100)
    nodes = large.scene.nodes

    def clear(point: QPointF) -> bool:
        return rect.contains(point) and not any(isinstance(item, NodeItem) for item in large.scene.items(
            QRectF(point.x() - 12, point.y() - 12, 24, 24)))

    crossing = None
    for link in large.document.model.links:
        a, b = nodes[link.from_].pos(), nodes[link.to].pos()
        inside = clip_line(QLineF(a, b), rect)
        if link.id in large.scene.edges or rect.contains(a) or rect.contains(b) or inside is None:
            continue
        free = [p for p in (inside.pointAt(k / 60) for k in range(1, 60)) if clear(p)]
        if len(free) >= 3:
            crossing = link, free
            break
    assert crossing is not None
    link, free = crossing
    image = large.view.viewport().grab().toImage()
    for point in free:
        at = large.view.mapFromScene(point)
        darkest = min(QColor(image.pixel(at.x() + dx, at.y() + dy)).lightness() for dx in (-1, 0, 1)
                      for dy in (-1, 0, 1))
        assert darkest < 200  # the line is there (the background is white, 255)
    middle = free[len(free) // 2]
    click(large.view, middle)
    assert large.selected_ids() == [link.id]
    key(large.view, Qt.Key.Key_Delete)
    assert large.document.find(link.id) is None
    assert link.id not in large.scene.edges
    large.undo_stack.undo()
    assert isinstance(large.document.find(link.id), m.Link)


def test_a_link_drawn_between_two_teams_in_view_gets_its_arrow(qtbot, large) -> None:
    rect = in_view(large)
    teams = [t for t in large.document.model.teams if t.kind != "council" and rect.contains(
        large.scene.nodes[t.id].pos())]
    linked = {(link.from_, link.to) for link in large.document.model.links}
    source, target = next((a, b) for a in teams for b in teams if a.id != b.id and b.kind == "client_facing"
                          and (a.id, b.id) not in linked)
    large._on_link_dragged(source.id, target.id)
    new = next(link for link in large.document.model.links if (link.from_, link.to) == (source.id, target.id))
    settle(qtbot, large)
    assert large.scene.edges[new.id].target is large.scene.nodes[target.id]


def test_the_sample_stays_eager(qtbot, undo_stack) -> None:
    document = Document(read_json_file(sample_path()))
    editor = show(qtbot, StructureEditor(document, undo_stack))
    assert not editor.links.lazy
    assert set(editor.scene.edges) == {link.id for link in document.model.links}
    assert all(type(edge) is EdgeItem for edge in editor.scene.edges.values())
    assert editor.view.cacheMode() == QGraphicsView.CacheModeFlag.CacheNone
    assert len(editor.links.pending_ends()[0]) == 0


def test_zoomed_out_the_overview_draws_every_link(qtbot, large) -> None:
    wheel_at(large.view, in_view(large).center(), -8)
    assert large.view.in_overview()
    large.view.viewport().repaint()
    geometry = large.view.overview.geometry(large.scene)
    assert len(geometry.lines) == len(large.document.model.links)
    ends = np.stack(large.links.pending_ends())
    assert ends.shape[1] == len(large.document.model.links) - len(large.scene.edges)


def test_events_are_handled_after_a_press_that_made_items(qtbot, large) -> None:
    """A press on a team whose links had no items yet makes them and still selects the team."""
    team = far_team(large)
    go_to(qtbot, large, team)
    click(large.view, large.scene.nodes[team].pos())
    assert large.selected_ids() == [team]
    assert links_of(large, team) <= set(large.scene.edges)


def test_arrows_both_ways_run_aside_and_back_when_the_second_goes(qtbot, large) -> None:
    nodes, edges = large.scene.nodes, large.scene.edges
    linked = {(link.from_, link.to) for link in large.document.model.links}
    one_way = next(edges[link.id] for link in large.document.model.links
                   if link.id in edges and (link.to, link.from_) not in linked
                   and large.scene.link_rule(link.to, link.from_) is None)
    assert one_way.offset == 0.0
    large._on_link_dragged(one_way.target.node_id, one_way.source.node_id)
    settle(qtbot, large)
    back = next(e for e in nodes[one_way.target.node_id].edges if e.target is one_way.source)
    assert one_way.offset == back.offset != 0.0
    large.undo_stack.undo()
    assert one_way.offset == 0.0
