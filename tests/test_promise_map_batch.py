"""A large promise map draws its arrows' lines in batches: an edit, a click or a drag repaints as a whole repaint
would, without painting each arrow that crosses the repainted part."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from app import changes as ch
from app.generate import generate_workshop
from app.workfile import WorkFile
from tests.test_collab_views import PaintedRegions, _arrow_in_close_view, _largest_difference, _on_screen
from tests.test_shell_dialogs import open_window
from widgets.base.undo import push_edit
from widgets.promises.diagram import PromiseDiagram
from widgets.promises.items import PromiseEdge
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow


@pytest.fixture
def large_map(qtbot, english: Translations) -> Iterator[tuple[MainWindow, PromiseDiagram]]:
    """A window on a 3,000-promise workshop, on the promise map."""
    window = open_window(qtbot, WorkFile.new(generate_workshop()), english)
    window.resize(1920, 1080)
    window.show_page("promises")
    qtbot.waitUntil(lambda: window.findChild(PromiseDiagram) is not None)
    diagram = window.findChild(PromiseDiagram)
    assert diagram is not None
    QTest.qWait(50)
    yield window, diagram


class PaintCalls:
    """Counts the arrows Qt asks to paint themselves."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.arrows: list[PromiseEdge] = []
        paint = PromiseEdge.paint

        def counting(edge: PromiseEdge, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
            self.arrows.append(edge)
            paint(edge, painter, option, widget)

        monkeypatch.setattr(PromiseEdge, "paint", counting)


def _whole_repaint_shows(window: MainWindow, diagram: PromiseDiagram, shown) -> None:  # type: ignore[no-untyped-def]
    viewport = diagram.view.viewport()
    viewport.repaint()
    whole = _on_screen(window, viewport)
    assert _largest_difference(shown, whole) <= 8


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> PaintCalls:
    """Counts PromiseEdge.paint calls (patched before any arrow is painted: PySide keeps the override it found)."""
    return PaintCalls(monkeypatch)


def test_a_status_edited_in_view_repaints_without_painting_every_arrow_across_it(
        qtbot, calls: PaintCalls, large_map) -> None:
    window, diagram = large_map
    arrow = _arrow_in_close_view(diagram)
    across = [e for e in diagram.scene.edges.values()
              if isinstance(e, PromiseEdge) and e.boundingRect().intersects(arrow.boundingRect())]
    assert len(across) > 100  # a dense map: many arrows cross the edited arrow's box
    viewport = diagram.view.viewport()
    before = _on_screen(window, viewport)
    painted = PaintedRegions(viewport)
    calls.arrows.clear()
    promise_id = arrow.promise_ids[0]
    status = "broken" if arrow.look.status != "broken" else "kept"

    assert push_edit(window.undo_stack, window.document, ch.update(window.document, promise_id, status=status)) is None
    QTest.qWait(50)

    assert arrow.look.status == status and painted.regions
    assert len(calls.arrows) < 20, f"{len(calls.arrows)} arrows painted themselves"
    shown = _on_screen(window, viewport)
    assert _largest_difference(before, shown) > 64  # the arrow wears its new status
    _whole_repaint_shows(window, diagram, shown)


def _point_on(diagram: PromiseDiagram, arrow: PromiseEdge) -> QPoint:
    """A point of the viewport on `arrow`'s line where a click reaches it (no party or other arrow on top)."""
    view = diagram.view
    for k in range(5, 96):
        at = arrow.line.pointAt(k / 100)
        pixel = view.mapFromScene(at)
        if view.viewport().rect().adjusted(20, 20, -20, -20).contains(pixel) \
                and diagram.scene.node_at(at) is None and diagram.scene.edge_at(QPointF(view.mapToScene(pixel)),
                                                                              view.transform()) is arrow:
            return pixel
    raise AssertionError("no free point on the arrow")


def test_a_clicked_arrow_shows_its_selection_as_a_whole_repaint_would(qtbot, large_map) -> None:
    window, diagram = large_map
    arrow = _arrow_in_close_view(diagram)
    viewport = diagram.view.viewport()
    before = _on_screen(window, viewport)

    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _point_on(diagram, arrow))
    QTest.qWait(50)

    assert arrow.isSelected() and window.findChild(PromiseDiagram).ctx.selection == arrow.promise_ids
    shown = _on_screen(window, viewport)
    assert _largest_difference(before, shown) > 64  # its glow
    _whole_repaint_shows(window, diagram, shown)
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    diagram.scene.clearSelection()  # back to the layer: drawn as before
    QTest.qWait(50)
    assert not arrow.isSelected()
    assert _largest_difference(before, _on_screen(window, viewport)) <= 8


def test_a_dragged_party_takes_its_arrows_along_as_a_whole_repaint_would(qtbot, large_map) -> None:
    window, diagram = large_map
    arrow = _arrow_in_close_view(diagram)
    view, viewport = diagram.view, diagram.view.viewport()
    node = arrow.target if view.viewport().rect().contains(view.mapFromScene(arrow.target.pos())) else arrow.source
    start = view.mapFromScene(node.pos())
    assert viewport.rect().contains(start)
    end = start + QPoint(90, 60)

    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 7):
        QTest.mouseMove(viewport, start + (end - start) * k / 6)
        QTest.qWait(10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    QTest.qWait(80)

    moved = node.pos()
    assert abs(view.mapFromScene(moved).x() - end.x()) <= 2
    assert arrow.line.p2() != arrow.line.p1()
    _whole_repaint_shows(window, diagram, _on_screen(window, viewport))


def test_a_red_halo_that_goes_away_zoomed_out_leaves_nothing_behind(qtbot, calls: PaintCalls, large_map) -> None:
    window, diagram = large_map
    diagram.view.set_zoom(0.45)
    viewport = diagram.view.viewport()
    shown_rect = diagram.view.mapToScene(viewport.rect().adjusted(80, 80, -80, -80)).boundingRect()
    arrows = [e for e in diagram.scene.edges.values() if isinstance(e, PromiseEdge) and not e.is_bundle
              and e.look.problem and shown_rect.contains(e.tag_centre())]
    if not arrows:  # none where the map opened: look at one
        problem = next(e for e in diagram.scene.edges.values()
                       if isinstance(e, PromiseEdge) and not e.is_bundle and e.look.problem)
        diagram.view.centerOn(problem.tag_centre())
        QTest.qWait(100)
        arrows = [problem]
    arrow = arrows[0]
    QTest.qWait(50)
    before = _on_screen(window, viewport)
    calls.arrows.clear()

    assert push_edit(window.undo_stack, window.document,
                     ch.update(window.document, arrow.promise_ids[0], status="draft")) is None
    QTest.qWait(50)

    assert not arrow.look.problem
    assert len(calls.arrows) < 20, f"{len(calls.arrows)} arrows painted themselves"
    shown = _on_screen(window, viewport)
    assert _largest_difference(before, shown) > 64  # the halo is gone
    _whole_repaint_shows(window, diagram, shown)


def test_dashes_painted_again_on_a_small_map_zoomed_out_fall_where_they_were(qtbot, english: Translations) -> None:
    """Each arrow of a small map paints itself: a dashed arrow crossing a changed one, one screen pixel thin at this
    zoom, is painted again in step with the rest of it."""
    window = open_window(qtbot, WorkFile.new(generate_workshop(teams=60, promises=400, links=120)), english)
    window.resize(1920, 1080)
    window.show_page("promises")
    qtbot.waitUntil(lambda: window.findChild(PromiseDiagram) is not None)
    diagram = window.findChild(PromiseDiagram)
    assert diagram is not None
    diagram.view.set_zoom(0.45)  # the closest zoom short of the overview: a draft's dashes are a hairline
    diagram.view.centerOn(diagram.scene.nodes_rect().center())
    QTest.qWait(100)
    assert not diagram.view.in_overview()
    viewport = diagram.view.viewport()
    shown_rect = diagram.view.mapToScene(viewport.rect().adjusted(60, 60, -60, -60)).boundingRect()
    arrow = next(e for e in diagram.scene.edges.values() if isinstance(e, PromiseEdge) and not e.is_bundle
                 and shown_rect.contains(e.tag_centre()) and e.look.status == "accepted")
    before = _on_screen(window, viewport)

    assert push_edit(window.undo_stack, window.document,
                     ch.update(window.document, arrow.promise_ids[0], status="draft")) is None
    QTest.qWait(50)

    shown = _on_screen(window, viewport)
    assert _largest_difference(before, shown) > 64
    _whole_repaint_shows(window, diagram, shown)


class StrokedLines:
    """Counts the lines the batched layer strokes (solid and dashed)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        import widgets.promises.lines as batched

        def counting(make):  # type: ignore[no-untyped-def]
            def wrapped(ends):  # type: ignore[no-untyped-def]
                self.count += len(ends)
                return make(ends)
            return wrapped

        monkeypatch.setattr(batched, "lines_path", counting(batched.lines_path))
        monkeypatch.setattr(batched, "line_pairs", counting(batched.line_pairs))


def _drag(diagram: PromiseDiagram, node, by: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Drag `node` with the mouse by `by` pixels and let go."""
    view, viewport = diagram.view, diagram.view.viewport()
    start = view.mapFromScene(node.pos())
    assert viewport.rect().contains(start)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, 7):
        QTest.mouseMove(viewport, start + by * k / 6)
        QTest.qWait(10)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + by)


def test_a_drop_strokes_only_the_moved_arrows_and_shows_what_a_fresh_repaint_shows(
        qtbot, monkeypatch: pytest.MonkeyPatch, large_map) -> None:
    window, diagram = large_map
    arrow = _arrow_in_close_view(diagram)
    view, viewport = diagram.view, diagram.view.viewport()
    node = arrow.target if viewport.rect().contains(view.mapFromScene(arrow.target.pos())) else arrow.source
    legs = sum(len(edge.legs or [edge.line]) for edge in node.edges)
    viewport.repaint()
    stroked = StrokedLines(monkeypatch)
    viewport.repaint()
    in_view = stroked.count
    assert in_view > 20 * legs  # a dense view: the moved arrows are few among the lines shown

    _drag(diagram, node, QPoint(90, 60))
    stroked.count = 0
    QTest.qWait(80)
    QTest.mouseMove(viewport, QPoint(2, 2))  # no party hovered (its link handle) in either picture
    QTest.qWait(20)

    assert 0 < stroked.count <= 2 * legs  # the moved legs and halos: the rest from the image made while dragging
    shown = _on_screen(window, viewport)
    # a repaint from scratch (the view scrolled away and back: the image is of no use there) looks the same:
    # the moved arrows lie over the others in both
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 40)
    QTest.qWait(20)
    bar.setValue(bar.value() - 40)
    viewport.repaint()
    assert stroked.count > in_view  # everything in view stroked afresh
    assert _largest_difference(shown, _on_screen(window, viewport)) <= 8


def test_after_a_drop_another_arrow_whose_tag_changes_is_not_painted_from_the_still_image(
        qtbot, monkeypatch: pytest.MonkeyPatch, large_map) -> None:
    """The image of what stood still holds every other arrow's tag as it was: an arrow whose tag changes (its
    promise renamed: its label) is painted afresh, not from the image."""
    window, diagram = large_map
    arrow = _arrow_in_close_view(diagram)
    view, viewport = diagram.view, diagram.view.viewport()
    node = arrow.target if viewport.rect().contains(view.mapFromScene(arrow.target.pos())) else arrow.source
    legs = sum(len(edge.legs or [edge.line]) for edge in node.edges)
    _drag(diagram, node, QPoint(90, 60))
    QTest.qWait(80)
    shown = view.mapToScene(viewport.rect().adjusted(60, 60, -60, -60)).boundingRect()
    other = next(e for e in diagram.scene.edges.values()
                 if isinstance(e, PromiseEdge) and node.node_id not in (e.source.node_id, e.target.node_id)
                 and not e.is_bundle and shown.contains(e.tag_centre()))
    stroked = StrokedLines(monkeypatch)
    doc = window.document

    assert push_edit(window.undo_stack, doc, ch.update(doc, other.promise_ids[0], text="Новое обещание")) is None
    QTest.qWait(80)

    assert other.caption == "Новое обещание"
    assert stroked.count > 2 * legs  # the lines along it stroked again: none comes from the image
