"""The shared diagram machinery: geometry, items, the scene's gestures and the view's zoom, pan, keys and overview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from widgets.diagram import geometry
from widgets.diagram.items import Badge, EdgeItem, NodeItem
from widgets.diagram.picture import render_scene
from widgets.diagram.scene import DiagramScene
from widgets.diagram.style import NAME_PIXELS, OVERVIEW_SCALE, TEXT_LOD
from widgets.diagram.view import DiagramView

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.MouseButton.NoButton


# ---------------------------------------------------------------------------------------------- gestures
def send_mouse(view: DiagramView, kind: QEvent.Type, scene_pos: QPointF, button: Qt.MouseButton = LEFT,
               buttons: Qt.MouseButton | None = None, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
               ) -> None:
    """Deliver one real mouse event, carrying its buttons, to the view's viewport at a scene position."""
    send_mouse_at(view, kind, view.mapFromScene(scene_pos), button, buttons, modifiers)


def send_mouse_at(view: DiagramView, kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton = LEFT,
                  buttons: Qt.MouseButton | None = None,
                  modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Deliver one real mouse event, carrying its buttons, to the view's viewport at a viewport position."""
    viewport = view.viewport()
    if buttons is None:
        buttons = NONE if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(viewport, event)


def drag(view: DiagramView, start: QPointF, end: QPointF, steps: int = 5,
         modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, button: Qt.MouseButton = LEFT) -> None:
    """Press at `start`, move in steps to `end` with the button held, release there (scene positions)."""
    send_mouse(view, QEvent.Type.MouseButtonPress, start, button, modifiers=modifiers)
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        send_mouse(view, QEvent.Type.MouseMove, point, NONE, button, modifiers)
    send_mouse(view, QEvent.Type.MouseButtonRelease, end, button, NONE, modifiers)


def click(view: DiagramView, at: QPointF, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A left click at a scene position."""
    send_mouse(view, QEvent.Type.MouseButtonPress, at, modifiers=modifiers)
    send_mouse(view, QEvent.Type.MouseButtonRelease, at, modifiers=modifiers)


def double_click(view: DiagramView, at: QPointF) -> None:
    """A left double click at a scene position (press, release, double-click, release)."""
    click(view, at)
    send_mouse(view, QEvent.Type.MouseButtonDblClick, at)
    send_mouse(view, QEvent.Type.MouseButtonRelease, at)


def key(widget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """Press and release a key on `widget` (through ShortcutOverride, as a real key press goes)."""
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


# ---------------------------------------------------------------------------------------------- fixtures
@pytest.fixture
def diagram(qtbot):
    """A scene with three nodes (a segment and two teams) and two arrows, in a shown view at 100 %."""
    scene = DiagramScene()
    view = DiagramView(scene)
    qtbot.addWidget(view)
    seg = scene.add_node(NodeItem("s", "segment", "Молодые семьи", can_link=False), (0.0, 0.0))
    a = scene.add_node(NodeItem("a", "client_facing", "Доставка", Badge(2, True)), (-200.0, 250.0))
    b = scene.add_node(NodeItem("b", "service", "Логистика", Badge(1, False)), (200.0, 250.0))
    scene.add_edge(EdgeItem("a-s", a, seg))
    scene.add_edge(EdgeItem("b-a", b, a))
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    view.centerOn(0, 150)
    return scene, view


# ---------------------------------------------------------------------------------------------- geometry
def test_exit_point_lies_on_the_border_toward_the_other_node() -> None:
    x, y = geometry.exit_point("rounded", (0, 0), (180, 80), (0, 500))
    assert (x, y) == pytest.approx((0, 40))
    x, y = geometry.exit_point("ellipse", (0, 0), (200, 90), (1000, 0))
    assert (x, y) == pytest.approx((100, 0))
    x, y = geometry.exit_point("hexagon", (0, 0), (180, 80), (1000, 0))  # the pointed side
    assert (x, y) == pytest.approx((90, 0))
    x, y = geometry.exit_point("ellipse", (0, 0), (200, 90), (100, 45))
    assert (x / 100) ** 2 + (y / 45) ** 2 == pytest.approx(1.0)


def test_align_and_distribute() -> None:
    positions = {"a": (0.0, 0.0), "b": (300.0, 40.0), "c": (90.0, 100.0)}
    sizes = {"a": (180.0, 80.0), "b": (200.0, 90.0), "c": (180.0, 80.0)}
    left = geometry.align(positions, sizes, "left")
    assert {n: x - sizes[n][0] / 2 for n, (x, _) in left.items()} == {"a": -90, "b": -90, "c": -90}
    assert [y for _, y in left.values()] == [0.0, 40.0, 100.0]
    middle = geometry.align(positions, sizes, "middle")
    assert len({y for _, y in middle.values()}) == 1
    spread = geometry.distribute(positions, sizes, "horizontal")
    a, c, b = spread["a"][0], spread["c"][0], spread["b"][0]
    assert (a, b) == (0.0, 300.0)
    assert (c - 90) - (a + 90) == pytest.approx((b - 100) - (c + 90))
    assert geometry.snap(47.0, 20) == 40.0 and geometry.snap(51.0, 20) == 60.0


# ---------------------------------------------------------------------------------------------- items
def test_edge_follows_its_node(diagram) -> None:
    scene, _view = diagram
    edge = scene.edges["a-s"]
    before = QPointF(edge.line.p1())
    scene.move_node("a", (-400.0, 300.0))
    assert edge.line.p1() != before
    assert scene.nodes["a"].body_contains(edge.line.p1() + QPointF(0, -3)) or edge.line.p1().y() < 300


def render_node(name: str, scale: float) -> QImage:
    """One node drawn at `scale` into an image (as a picture or the view would draw it)."""
    scene = DiagramScene()
    scene.add_node(NodeItem("n", "client_facing", name), (0.0, 0.0))
    return render_scene(scene, QRectF(-100, -50, 200, 100), scale=scale)


def test_no_text_below_a_readable_size(qtbot) -> None:
    small = TEXT_LOD * 0.9
    assert render_node("Доставка", small) == render_node("Служба заботы: Юг", small)
    assert render_node("Доставка", 1.0) != render_node("Служба заботы: Юг", 1.0)


def test_a_long_name_is_wrapped_and_elided(qapp) -> None:
    from widgets.diagram.items import wrap_lines
    from widgets.diagram.style import diagram_font

    lines = wrap_lines("Очень длинное название команды, которое никак не помещается в три строки узла",
                       diagram_font(17), 150, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")


# ---------------------------------------------------------------------------------------------- gestures
def test_dragging_a_node_moves_it_and_its_arrows_and_reports_once(diagram) -> None:
    scene, view = diagram
    reports = []
    scene.nodes_moved.connect(reports.append)
    edge = scene.edges["a-s"]
    start_line = QLineF_copy(edge)
    drag(view, QPointF(-200, 250), QPointF(-100, 330))
    assert scene.nodes["a"].centre() == pytest.approx((-100, 330), abs=1)
    assert QLineF_copy(edge) != start_line
    assert len(reports) == 1 and set(reports[0]) == {"a"}
    assert reports[0]["a"][0] == (-200.0, 250.0)


def QLineF_copy(edge: EdgeItem) -> tuple[float, float, float, float]:  # noqa: N802
    line = edge.line
    return line.x1(), line.y1(), line.x2(), line.y2()


def test_snap_to_grid_while_dragging(diagram) -> None:
    scene, view = diagram
    scene.snapping = True
    drag(view, QPointF(-200, 250), QPointF(-163, 317))
    x, y = scene.nodes["a"].centre()
    assert x % scene.grid == 0 and y % scene.grid == 0


def test_rubber_band_selects_and_arrow_keys_nudge(diagram) -> None:
    scene, view = diagram
    drag(view, QPointF(-330, 180), QPointF(330, 320))
    assert {n.node_id for n in scene.selected_nodes()} == {"a", "b"}
    reports = []
    scene.nodes_moved.connect(reports.append)
    key(view, Qt.Key.Key_Right)
    assert len(reports) == 1 and scene.nodes["a"].centre() == (-190.0, 250.0)
    assert scene.nodes["b"].centre() == (210.0, 250.0)


def test_select_all_with_the_standard_key(diagram) -> None:
    scene, view = diagram
    key(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(scene.selected_nodes()) == 3 and len(scene.selected_edges()) == 2


def test_linking_by_handle_and_by_shift_drag(diagram) -> None:
    scene, view = diagram
    made, refused = [], []
    scene.link_dragged.connect(lambda a, b: made.append((a, b)))
    scene.link_refused.connect(refused.append)
    scene.link_rule = lambda a, b: "segments serve no one" if a == "s" else None
    drag(view, scene.nodes["b"].handle_centre(), QPointF(0, 0))  # from b's handle onto the segment
    assert made == [("b", "s")]
    drag(view, QPointF(0, 0), QPointF(-200, 250), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert refused == ["segments serve no one"] and made == [("b", "s")]
    drag(view, QPointF(200, 250), QPointF(600, 600), modifiers=Qt.KeyboardModifier.ShiftModifier)
    assert refused[-1] == ""  # dropped on nothing
    assert scene.nodes["b"].centre() == (200.0, 250.0)  # linking never moves the node


def test_wheel_zooms_around_the_cursor(diagram) -> None:
    scene, view = diagram
    viewport = view.viewport()
    at = QPoint(700, 200)
    under = view.mapToScene(at)
    event = QWheelEvent(QPointF(at), QPointF(viewport.mapToGlobal(at)), QPoint(), QPoint(0, 240), NONE,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, event)
    assert view.zoom == pytest.approx(1.25 ** 2)
    after = view.mapToScene(at)
    assert after.x() == pytest.approx(under.x(), abs=2) and after.y() == pytest.approx(under.y(), abs=2)


def test_middle_button_pans(diagram) -> None:
    _scene, view = diagram
    before = view.mapToScene(view.viewport().rect().center())
    middle = Qt.MouseButton.MiddleButton
    send_mouse_at(view, QEvent.Type.MouseButtonPress, QPoint(500, 400), middle)
    send_mouse_at(view, QEvent.Type.MouseMove, QPoint(450, 350), NONE, middle)
    send_mouse_at(view, QEvent.Type.MouseMove, QPoint(400, 300), NONE, middle)
    send_mouse_at(view, QEvent.Type.MouseButtonRelease, QPoint(400, 300), middle)
    assert not view.diagram().selectedItems()
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() - before.x() == pytest.approx(100, abs=2)
    assert after.y() - before.y() == pytest.approx(100, abs=2)


def test_fit_to_window_shows_every_node(diagram) -> None:
    scene, view = diagram
    scene.move_node("b", (900.0, 600.0))
    view.set_zoom(3.0)
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.nodes_rect())


def test_fit_keeps_names_readable_and_the_client_in_view(diagram) -> None:
    scene, view = diagram
    scene.move_node("b", (6000.0, 4000.0))  # a drawing far too big to show whole at a readable size
    view.fit_all()
    assert view.zoom * NAME_PIXELS >= 11.0  # names of 11 px at least on the screen
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.nodes["s"].sceneBoundingRect())  # the client segment is shown
    assert not visible.contains(scene.nodes["b"].sceneBoundingRect())


def test_overview_paints_in_batches_and_keeps_what_stands_still(diagram) -> None:
    scene, view = diagram
    view.set_zoom(OVERVIEW_SCALE * 0.5)
    assert view.in_overview()
    view.viewport().repaint()
    renders = view.overview.renders
    view.viewport().repaint()
    assert view.overview.renders == renders  # nothing moved: the cached image is reused
    scene.move_node("a", (-250.0, 260.0))
    view.viewport().repaint()
    assert view.overview.renders == renders + 1
    image = view.viewport().grab().toImage()
    centre = view.mapFromScene(QPointF(0, 0))
    assert QColor(image.pixel(centre)) != QColor("#FFFFFF")  # the segment is drawn


def test_overview_looks_like_the_items(diagram) -> None:
    """Just below the overview scale the batched drawing shows the same nodes in the same places."""
    scene, view = diagram
    view.set_zoom(OVERVIEW_SCALE * 0.99)
    view.centerOn(0, 150)
    batched = view.viewport().grab().toImage()
    view.overview_enabled = False
    itemised = view.viewport().grab().toImage()
    differing = sum(1 for x in range(0, batched.width(), 4) for y in range(0, batched.height(), 4)
                    if abs(QColor(batched.pixel(x, y)).lightness() - QColor(itemised.pixel(x, y)).lightness()) > 60)
    assert differing < 0.01 * (batched.width() // 4) * (batched.height() // 4)


def test_picture_leaves_out_selection_outlines(diagram, qtbot) -> None:
    scene, view = diagram
    source = QRectF(-300, 190, 200, 120)
    plain = render_scene(scene, source)
    scene.nodes["a"].setSelected(True)
    view.viewport().repaint()  # the view's cached drawing of the node now has the outline
    assert render_scene(scene, source) == plain
    assert plain.width() == 400  # two pixels per scene unit


def test_space_and_drag_pans_without_moving_nodes(diagram) -> None:
    scene, view = diagram
    before = view.mapToScene(view.viewport().rect().center())
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier,
                                           " "))
    on_node = view.mapFromScene(QPointF(-200, 250))
    send_mouse_at(view, QEvent.Type.MouseButtonPress, on_node)
    send_mouse_at(view, QEvent.Type.MouseMove, on_node + QPoint(-60, -40), NONE, LEFT)
    send_mouse_at(view, QEvent.Type.MouseButtonRelease, on_node + QPoint(-60, -40))
    QApplication.sendEvent(view, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier,
                                           " "))
    after = view.mapToScene(view.viewport().rect().center())
    assert (after.x() - before.x(), after.y() - before.y()) == pytest.approx((60, 40), abs=2)
    assert scene.nodes["a"].centre() == (-200.0, 250.0)


def test_zoom_keys_and_escape_cancels_a_drag(diagram) -> None:
    scene, view = diagram
    key(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.25)
    key(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    reports = []
    scene.nodes_moved.connect(reports.append)
    start = QPointF(200, 250)
    send_mouse(view, QEvent.Type.MouseButtonPress, start)
    send_mouse(view, QEvent.Type.MouseMove, start + QPointF(80, 80), NONE, LEFT)
    assert scene.nodes["b"].centre() == (280.0, 330.0) and scene.live == {"b"}
    key(view, Qt.Key.Key_Escape)
    send_mouse(view, QEvent.Type.MouseButtonRelease, start + QPointF(80, 80))
    assert scene.nodes["b"].centre() == (200.0, 250.0) and not reports and not scene.live
    assert scene.nodes["b"].opacity() == 1.0


def test_dragged_items_are_drawn_while_qt_skips_them(diagram) -> None:
    """During a drag the live node is transparent to Qt's painting; the view draws it on top itself."""
    scene, view = diagram
    start = QPointF(200, 250)
    send_mouse(view, QEvent.Type.MouseButtonPress, start)
    send_mouse(view, QEvent.Type.MouseMove, start + QPointF(0, 150), NONE, LEFT)
    send_mouse(view, QEvent.Type.MouseMove, start + QPointF(0, 200), NONE, LEFT)
    assert scene.live_hidden and scene.nodes["b"].opacity() == 0.0
    image = view.viewport().grab().toImage()
    inside = view.mapFromScene(QPointF(200, 478))
    assert QColor(image.pixel(inside)) == QColor("#F6DCEA")  # the service team's fill, at its new place
    assert QColor(image.pixel(view.mapFromScene(QPointF(200, 278)))) == QColor("#FFFFFF")  # gone from the old
    send_mouse(view, QEvent.Type.MouseButtonRelease, start + QPointF(0, 200))
    assert scene.nodes["b"].opacity() == 1.0
    image = view.viewport().grab().toImage()
    assert QColor(image.pixel(inside)) == QColor("#F6DCEA")


def test_tooltip_is_asked_for_the_node_under_the_cursor(diagram) -> None:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    scene, view = diagram
    asked = []
    scene.help_requested = lambda node_id: asked.append(node_id) or f"about {node_id}"
    pos = view.mapFromScene(QPointF(-200, 250))
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    assert asked == ["a"] and QToolTip.text() == "about a"


def test_an_arrow_bends_round_a_node_dragged_into_its_way(diagram, qtbot) -> None:
    scene, view = diagram
    edge = scene.edges["a-s"]  # from (-200, 250) up to the segment at (0, 0)
    assert edge.bends == [] and len(edge.legs) == 1
    drag(view, QPointF(200, 250), QPointF(-100, 125))  # the service team right across the arrow
    qtbot.waitUntil(lambda: bool(edge.bends))
    path = [edge.legs[0].p1()] + [leg.p2() for leg in edge.legs]
    wall = scene.nodes["b"].sceneBoundingRect().adjusted(5, 5, -5, -5)
    for p, q in zip(path, path[1:], strict=False):
        for k in range(51):  # no point of the drawn arrow lies on the node it passes
            assert not wall.contains(p + (q - p) * (k / 50))
    image = QImage(view.viewport().size(), QImage.Format.Format_RGB32)
    view.viewport().render(image)
    bend = view.mapFromScene(edge.bends[0])
    assert QColor(image.pixel(bend)).lightness() < 200  # the bend is drawn, not only computed
    drag(view, QPointF(-100, 125), QPointF(300, 400))  # out of the way again: straight
    qtbot.waitUntil(lambda: not edge.bends)
    assert len(edge.legs) == 1


def test_a_90_character_name_wraps_on_two_lines_and_elides(qapp) -> None:
    from widgets.diagram.items import wrap_lines
    from widgets.diagram.style import MAX_NAME_LINES, diagram_font

    name = "Служба клиентского сервиса и доставки свежих продуктов для молодых семей северного района!"
    assert len(name) == 90
    node = NodeItem("n", "client_facing", name)
    lines = [text.text() for _, text in node._layout_name()]
    assert len(lines) == MAX_NAME_LINES == 2 and lines[-1].endswith("…")
    assert lines[0] and name.startswith(lines[0]) and lines[-1][:-1] in name
    width = max(QFontMetricsF(diagram_font(NAME_PIXELS)).horizontalAdvance(line) for line in lines)
    assert width <= node.width * 0.86 + 1  # inside the node
    assert len(wrap_lines(name, diagram_font(NAME_PIXELS), width, 9)) > 2  # it needed more: it really is cut


def test_the_scroll_area_reaches_every_node_after_drops_moves_and_removals(diagram, qtbot) -> None:
    """The scroll area follows the nodes from a kept extent (measuring 5,000 nodes after each drop cost ~13 ms):
    a node dragged or moved far out can be scrolled to; after a node goes, the area fits the nodes again."""
    scene, view = diagram

    def reachable(node_id: str) -> bool:
        qtbot.waitUntil(lambda: not scene._geometry_pending)
        return view.sceneRect().contains(scene.nodes[node_id].sceneBoundingRect())

    view.centerOn(-200, 250)
    drag(view, QPointF(-200, 250), QPointF(-200 - 300, 250 + 200), steps=8)
    assert reachable("a")
    scene.move_node("b", (4000.0, 3000.0))  # an undo or another laptop's edit puts a node far out
    assert reachable("b") and scene.reach_rect().contains(scene.nodes_rect())
    grown = QRectF(view.sceneRect())
    scene.remove_node("b")
    qtbot.waitUntil(lambda: view.sceneRect() != grown)
    assert view.sceneRect().right() < 3000, "after a node goes the area fits the nodes left"
    assert scene.reach_rect() == scene.nodes_rect()
