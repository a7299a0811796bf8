"""The promise map says what is promised: a card on hover (editor and F5), labels and numbers on the arrows that
match the table's № column, badges that never overlap, ticks only when everything is granted, readable fits."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip

from app import changes
from app import model as m
from app.document import Document
from app.generate import generate_workshop
from app.jsonio import read_json_file
from app.promise_tree import promise_numbers
from app.resources import sample_path
from tests.session_support import hover_in_view
from widgets.base.tables import ID_ROLE
from widgets.base.undo import push_edit
from widgets.diagram.view import READABLE_PIXELS
from widgets.promises.editor import PromiseMapEditor
from widgets.promises.items import LABEL_PIXELS, MIN_LABEL_PIXELS
from widgets.shell import i18n

SHOP, DELIVERY, IT, FAMILIES = "team-025", "team-026", "team-031", "seg-004"
NAME_PIXELS = 17
WINDOWS: list[QMainWindow] = []


@pytest.fixture(autouse=True)
def _windows_live_until_the_test_ends() -> Iterator[None]:
    yield
    WINDOWS.clear()
    QToolTip.hideText()


@pytest.fixture
def english(qapp) -> Iterator[i18n.Translations]:
    translations = i18n.Translations()
    translations.apply("en")
    yield translations
    translations.clear()


def open_editor(qtbot: Any, workshop: m.Workshop, size: tuple[int, int] = (1600, 1000)) -> PromiseMapEditor:
    """The editor in a shown window (the first fit done), with its own undo stack."""
    window = QMainWindow()
    qtbot.addWidget(window)
    editor = PromiseMapEditor(Document(workshop), QUndoStack())
    window.setCentralWidget(editor)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    WINDOWS.append(window)
    return editor


def hover(qtbot: Any, editor: PromiseMapEditor, scene_point: QPointF) -> QPoint:
    """Move the real mouse over a scene point of the map, its window active (the way a tooltip is woken up)."""
    return hover_in_view(qtbot, editor.view, scene_point)


def with_parallels() -> m.Workshop:
    """The sample with three promises from Delivery to Young families, and one from the Shop back to IT."""
    w = read_json_file(sample_path())
    w.promises += [m.Promise(f"prm-x{i}", DELIVERY, FAMILIES, text, status=status) for i, (text, status) in
                   enumerate((("Курьер звонит за 10 минут до приезда", "accepted"),
                              ("Заказ собран без замен без согласия", "draft")))]
    w.promises.append(m.Promise("prm-back", SHOP, IT, "Сообщаем о сбое касс за минуту", status="draft"))
    return w


# ---------------------------------------------------------------------------------------------- the card
def test_hovering_an_arrow_shows_what_is_promised(qtbot, english) -> None:
    w = read_json_file(sample_path())
    p = next(p for p in w.promises if any(not g.granted for g in p.resources))
    editor = open_editor(qtbot, w)
    editor.view.set_zoom(1.0)
    edge = editor.diagram.edge_of(p.id)
    assert edge is not None
    editor.view.centerOn(edge.middle())
    QApplication.processEvents()
    hover(qtbot, editor, edge.middle())
    qtbot.waitUntil(lambda: QToolTip.isVisible() and p.text in QToolTip.text(), timeout=5000)
    card = QToolTip.text()
    missing = [g.text for g in p.resources if not g.granted]
    number = promise_numbers(w)[p.id]
    for words in (p.metric, p.target, "Status", "Missing resources", *missing, f"№{number}"):
        assert words in card


def test_user_text_in_the_card_is_plain(qtbot) -> None:
    w = read_json_file(sample_path())
    w.promises[0].text = "<b>теги</b> & всё"
    editor = open_editor(qtbot, w)
    card = editor.diagram.card(editor.diagram.edge_of(w.promises[0].id))
    assert "&lt;b&gt;теги&lt;/b&gt; &amp; всё" in card


@pytest.mark.parametrize("locked", [False, True])
def test_hovering_an_arrow_in_the_presentation_shows_the_card(qtbot, locked: bool) -> None:
    from shiboken6 import Shiboken

    from widgets.presentation.window import PresentationWindow

    doc = Document(read_json_file(sample_path()))
    window = PresentationWindow(doc, QUndoStack())
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    try:
        while window.story.step.kind != "promises":
            window.story.go_to(window.story.index + 1)
        window.story.lock.set_on(locked)  # the facilitator's lock eats clicks and drags, not the card
        QApplication.processEvents()
        editor = window.story.page.editor
        p = doc.model.promises[0]
        edge = editor.diagram.edge_of(p.id)
        qtbot.waitUntil(lambda: editor.view.viewport().rect().contains(editor.view.mapFromScene(edge.middle())))
        hover(qtbot, editor, edge.middle())
        qtbot.waitUntil(lambda: QToolTip.isVisible() and p.text in QToolTip.text(), timeout=5000)
    finally:
        QToolTip.hideText()
        if Shiboken.isValid(window):
            window.close()
        QApplication.processEvents()


# ---------------------------------------------------------------------------------------------- labels, numbers
def test_arrows_carry_the_numbers_of_the_table_rows(qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    model, col = editor.table.source, editor.table.source.column_of("number")
    assert model.headerData(col, Qt.Orientation.Horizontal) == "№"
    proxy = editor.table.proxy
    editor.table.sortByColumn(model.column_of("text"), Qt.SortOrder.AscendingOrder)  # rows in another order
    for row in range(proxy.rowCount()):
        promise_id = proxy.index(row, 0).data(ID_ROLE)
        shown = proxy.index(row, col).data()
        edge = editor.diagram.edge_of(promise_id)
        assert edge is not None and str(edge.number) == shown
    assert editor.diagram.edge_of("prm-047").number == "1.1.2"
    assert push_edit(editor.undo_stack, editor.document, changes.delete(editor.document, "prm-046")) is None
    assert editor.diagram.edge_of("prm-047").number == "1.1.1"  # renumbered: it moved up in the tree


def test_the_label_shows_when_readable_and_hides_when_zoomed_out(qtbot) -> None:
    w = read_json_file(sample_path())
    w.layouts["promises"] = {o.id: (i * 420.0, (i % 2) * 300.0) for i, o in enumerate([*w.segments, *w.teams])}
    editor = open_editor(qtbot, w)
    edge = editor.diagram.edge_of(w.promises[0].id)
    QTest.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    for zoom, readable in ((MIN_LABEL_PIXELS / LABEL_PIXELS * 1.05, True), (1.0, True),
                           (MIN_LABEL_PIXELS / LABEL_PIXELS * 0.9, False)):
        editor.view.set_zoom(zoom)
        editor.view.centerOn(edge.tag_centre())
        edge.tag = type(edge.tag)()
        editor.view.viewport().repaint()
        assert not edge.tag.isEmpty()
        tag = edge.tag.boundingRect()
        labelled = max(tag.width(), tag.height()) > 120
        assert labelled == readable, zoom


def tags(editor: PromiseMapEditor, ids: list[str]) -> list[Any]:
    editor.view.viewport().repaint()
    return [editor.scene.edges[i].tag for i in ids]


def test_parallel_badges_and_labels_never_overlap(qtbot) -> None:
    editor = open_editor(qtbot, with_parallels())
    editor.diagram.expand_all(True)
    there = next(p.id for p in editor.document.model.promises if (p.from_, p.to) == (IT, SHOP))
    for ids, centre in ((["prm-044", "prm-x0", "prm-x1"], DELIVERY), ([there, "prm-back"], IT)):
        for zoom in (0.7, 1.0, 1.6):
            editor.view.set_zoom(zoom)
            editor.view.centerOn(editor.scene.nodes[centre].pos())
            drawn = [t for t in tags(editor, ids) if not t.isEmpty()]
            assert len(drawn) == len(ids), zoom  # every arrow shows at least its number
            for i, a in enumerate(drawn):
                for b in drawn[i + 1:]:
                    assert a.intersected(b).boundingRect().isEmpty(), (ids, zoom)
    editor.diagram.expand_all(False)  # collapsed again: one tag, the count
    editor.view.centerOn(editor.scene.nodes[DELIVERY].pos())
    bundle = editor.scene.edges[f"bundle:{DELIVERY}>{FAMILIES}"]
    assert not tags(editor, [bundle.edge_id])[0].isEmpty() and bundle.look.count == 3


# ---------------------------------------------------------------------------------------------- grants
def test_a_tick_only_when_everything_listed_is_granted(qtbot, english) -> None:
    w = read_json_file(sample_path())
    p = w.promises[0]
    p.resources = (m.Grant("Бюджет", False),)
    p.authorities = (m.Grant("Право вернуть деньги", True), m.Grant("Право заменить товар", False))
    editor = open_editor(qtbot, w)
    model = editor.table.source
    row = model.row_of(p.id)
    assert model.index(row, model.column_of("resources")).data() == "0/1"
    assert model.index(row, model.column_of("authorities")).data() == "1/2"
    editor.table.select_ids([p.id])
    assert editor.inspector.resources_label.text().endswith("(0/1)")
    grants = editor.inspector.resources  # tick the resource in the inspector, as the user does
    item = grants.view.item(0)
    rect = grants.view.visualItemRect(item)
    QTest.mouseClick(grants.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10,
                                                                                   rect.center().y()))
    qtbot.waitUntil(lambda: editor.document.get(p.id).resources[0].granted)
    assert model.index(row, model.column_of("resources")).data() == "1/1 ✓"
    assert editor.inspector.resources_label.text().endswith("(1/1 ✓)")


# ---------------------------------------------------------------------------------------------- fit, splitter
@pytest.mark.parametrize("workshop", ["sample", "fifty"])
def test_after_fit_names_are_readable_on_a_full_hd_window(qtbot, workshop: str) -> None:
    w = read_json_file(sample_path()) if workshop == "sample" else generate_workshop(
        teams=40, segments=10, promises=120, links=60, seed=3)
    editor = open_editor(qtbot, w, (1920, 1080))
    editor.view.zoom_out()
    editor.view.zoom_out()
    QTest.mouseClick(editor.toolbar.widgetForAction(editor.fit_action), Qt.MouseButton.LeftButton)
    assert editor.view.zoom * NAME_PIXELS >= READABLE_PIXELS - 0.01
    shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
    assert any(shown.contains(n.pos()) for n in editor.scene.nodes.values())


def test_the_table_takes_two_fifths_of_the_height_and_keeps_the_users_drag(qtbot) -> None:
    editor = open_editor(qtbot, read_json_file(sample_path()))
    top, table = editor.splitter.sizes()
    assert abs(table - 0.4 * (top + table)) <= 0.05 * (top + table)
    handle = editor.splitter.handle(1)
    centre = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    moved = QPoint(centre.x(), centre.y() + 150)
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    QApplication.sendEvent(handle, QMouseEvent(QEvent.Type.MouseMove, QPointF(moved), handle.mapToGlobal(
        QPointF(moved)), Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=moved)
    dragged = editor.splitter.sizes()
    assert dragged[1] < table - 100
    again = open_editor(qtbot, read_json_file(sample_path()))
    assert abs(again.splitter.sizes()[1] - dragged[1]) <= 10
