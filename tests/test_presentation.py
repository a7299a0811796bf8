"""Presentation mode: the story in order, reveal, the facilitator's lock, live editing on the shared undo stack."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from app import changes
from app import model as m
from app.document import Document
from app.edits import Batch
from app.generate import generate_workshop
from app.jsonio import dumps, read_json_file
from app.resources import sample_path
from tests.canvas_support import drag as chart_drag
from widgets.base.live import changes_of
from widgets.base.undo import push_edit
from widgets.presentation import PresentationWindow, choose_screen, open_presentation
from widgets.presentation.story import reveal_order

LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
STORY = ["goal", "clients", "canvas", "errc", "structure", "promises", *["figures"] * 4, "findings"]
FIGURES = ["Dashboard: transparency in figures", "Dashboard: transparency in figures: promises to clients",
           "Dashboard: transparency in figures: internal promises between teams",
           "Dashboard: transparency in figures: success indicators of teams"]
"""The sample's figures pages (its readings): the deck's dashboard slides, in the language the app speaks."""
AS_IS, TO_BE, HYPER, LOCAL = "crv-020", "crv-021", "crv-022", "crv-023"


def sample() -> Document:
    """The bundled sample workshop in a document."""
    return Document(read_json_file(sample_path()))


@pytest.fixture
def shown(qtbot):
    """A presentation of the sample on its own undo stack (two edits already on it, one undone), 1920×1080."""
    pg.setConfigOption("mouseRateLimit", -1)
    doc = sample()
    stack = QUndoStack()
    push_edit(stack, doc, changes.set_level(doc, AS_IS, doc.model.canvases[0].factors[0].id, 4))
    push_edit(stack, doc, changes.update(doc, "", notes="before the break"))
    stack.undo()
    window = PresentationWindow(doc, stack)  # deletes itself when closed (so not given to qtbot)
    window.resize(1920, 1080)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    yield window, doc, stack
    close(window)


def close(window: PresentationWindow) -> None:
    """Leave the presentation if the test has not, and let Qt delete the window."""
    if Shiboken.isValid(window):
        window.close()
    gone()


def gone() -> None:
    """Let Qt delete what asked to be deleted (a closed presentation) and run what is queued, as its loop would."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def press(window: PresentationWindow, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier, text: str = "") -> None:
    """A key press as the user makes it: to the widget with the keyboard focus (the window when none has it)."""
    focus = QApplication.focusWidget()
    target = focus if focus is not None and (focus is window or window.isAncestorOf(focus)) else window
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, modifiers, text))
    QApplication.processEvents()


def page_to(window: PresentationWindow, kind: str) -> None:
    """Press PageDown until a page of `kind` is shown."""
    for _ in range(40):
        if window.story.step.kind == kind:
            return
        press(window, Qt.Key.Key_PageDown)
    raise AssertionError(f"no {kind} page in the story")


def shown_curves(window: PresentationWindow) -> set[str]:
    """The curves the hosted chart draws now."""
    chart = window.story.page.chart
    return {cid for cid, item in chart.items.items() if item.isVisible()}


def follower_count(doc: Document) -> int:
    """How many slots follow the document's change channel."""
    return changes_of(doc).receivers(SIGNAL("changed(PyObject)"))


# ------------------------------------------------------------------------------------------------ the story
def test_paging_follows_the_story(shown) -> None:
    window, doc, _stack = shown
    kinds, titles, pages = [], [], []
    for _ in range(40):
        if not pages or pages[-1] != window.story.index:
            pages.append(window.story.index)
            kinds.append(window.story.step.kind)
            titles.append(window.story.page.title())
        if window.story.index == len(window.story.steps) - 1 and window.story.page.step == \
                window.story.page.steps_count() - 1:
            break
        press(window, Qt.Key.Key_PageDown)
    assert kinds == STORY
    canvas = doc.model.canvases[0].title
    assert titles == ["Evolutionary goal", "Clients and pains", f"Strategy canvas: {canvas}", f"ERRC grid: {canvas}",
                      "Structure from the client", "Promise map", *FIGURES, "Open findings"]
    assert window.story.titles() == titles
    assert window.footer.where.text().startswith("11 / 11")
    press(window, Qt.Key.Key_Home)
    assert window.story.step.kind == "goal"
    press(window, Qt.Key.Key_End)
    assert window.story.step.kind == "findings"
    for _ in FIGURES:
        press(window, Qt.Key.Key_PageUp)
    assert window.story.step.kind == "figures"
    press(window, Qt.Key.Key_PageUp)  # back onto the map: shown whole, its last team in focus
    page = window.story.page
    assert page.kind == "promises" and page.step == page.steps_count() - 1


def test_arrow_keys_page_only_while_nothing_is_selected(shown) -> None:
    window, _doc, _stack = shown
    press(window, Qt.Key.Key_Right)
    assert window.story.step.kind == "clients"
    page_to(window, "canvas")
    press(window, Qt.Key.Key_A)  # reveal every curve
    page = window.story.page
    page.ctx.select(factor_id=page.chart.factor_ids[2])
    press(window, Qt.Key.Key_Right)  # walks the factors of the chart instead of paging
    assert window.story.step.kind == "canvas" and page.ctx.factor_id == page.chart.factor_ids[3]
    press(window, Qt.Key.Key_Escape)  # the first Esc clears the selection, the window stays
    assert page.ctx.factor_id is None and window.isVisible()
    press(window, Qt.Key.Key_Right)
    assert window.story.step.kind == "errc"


def test_entering_and_leaving_keeps_the_document_and_the_undo_history(qtbot) -> None:
    doc = sample()
    stack = QUndoStack()
    push_edit(stack, doc, changes.update(doc, "", notes="одна правка"))
    push_edit(stack, doc, changes.set_position(doc, "structure", "seg-004", (10.0, 20.0)))
    stack.undo()
    before, count, index, followers = dumps(doc.model), stack.count(), stack.index(), follower_count(doc)
    window = open_presentation(doc, stack, start="canvas")
    assert window.isFullScreen() and window.story.step.kind == "canvas"
    left = []
    window.left.connect(lambda: left.append(True))
    window.story.go_to(0)
    for _ in range(30):  # every page is built, every editor shown
        window.story.next()
        QApplication.processEvents()
    assert len(window.story.pages) == len(window.story.steps)
    assert follower_count(doc) > followers + len(window.story.pages)
    press(window, Qt.Key.Key_Escape)
    assert left == [True]
    gone()
    assert not Shiboken.isValid(window)
    assert dumps(doc.model) == before
    assert (stack.count(), stack.index()) == (count, index)
    assert follower_count(doc) == followers, "every page and editor stopped following the document"


def test_open_on_the_page_of_an_editor_and_choose_the_screen(qtbot) -> None:
    doc = sample()
    window = open_presentation(doc, QUndoStack(), start="promises", screen=QGuiApplication.primaryScreen())
    assert window.story.step.kind == "promises" and window.screen() == QGuiApplication.primaryScreen()
    close(window)
    laptop, projector = object(), object()
    assert choose_screen([laptop, projector], laptop) is projector
    assert choose_screen([laptop, projector], projector) is laptop
    assert choose_screen([laptop], laptop) is laptop
    assert choose_screen([laptop], None) is laptop


# ------------------------------------------------------------------------------------------------ reveal
def test_reveal_shows_exactly_the_curves_asked_and_never_edits_the_model(shown) -> None:
    window, doc, stack = shown
    before, count = dumps(doc.model), stack.count()
    page_to(window, "canvas")
    page = window.story.page
    assert reveal_order(doc.model.canvases[0]) == [AS_IS, HYPER, LOCAL, TO_BE]
    assert shown_curves(window) == {AS_IS} and page.legend.ids == [AS_IS]
    press(window, Qt.Key.Key_PageDown)
    assert shown_curves(window) == {AS_IS, HYPER}
    press(window, Qt.Key.Key_PageDown)
    assert shown_curves(window) == {AS_IS, HYPER, LOCAL}
    press(window, Qt.Key.Key_PageUp)
    assert shown_curves(window) == {AS_IS, HYPER} and page.ctx.curve_id == HYPER
    press(window, Qt.Key.Key_A)
    assert shown_curves(window) == {AS_IS, HYPER, LOCAL, TO_BE} and page.legend.ids == [AS_IS, HYPER, LOCAL, TO_BE]
    assert all(c.visible for c in doc.model.canvases[0].curves)
    assert dumps(doc.model) == before and stack.count() == count, "revealing is not an edit"
    press(window, Qt.Key.Key_PageDown)
    assert window.story.step.kind == "errc"


def test_a_curve_hidden_in_the_model_is_never_revealed_and_a_new_one_follows(shown) -> None:
    window, doc, stack = shown
    page_to(window, "canvas")
    page = window.story.page
    push_edit(stack, doc, changes.update(doc, LOCAL, visible=False))  # e.g. from the laptop
    assert page.steps_count() == 3
    press(window, Qt.Key.Key_A)
    assert shown_curves(window) == {AS_IS, HYPER, TO_BE}
    extra = m.Curve("crv-new", "Маркетплейсы", "alternative", "#E69F00", levels={})
    push_edit(stack, doc, changes.insert(doc, extra, parent=doc.model.canvases[0].id))
    assert "crv-new" in shown_curves(window), "a page shown whole shows a curve added meanwhile"
    stack.undo()
    stack.undo()
    assert shown_curves(window) == {AS_IS, HYPER, LOCAL, TO_BE}


def test_the_promise_map_reveals_one_team_chain_at_a_time(shown) -> None:
    window, doc, _stack = shown
    page_to(window, "promises")
    page = window.story.page
    editor = page.editor
    assert editor.ctx.selection == [] and editor.diagram.focus is None
    promising = [t.id for t in doc.model.teams if any(p.from_ == t.id for p in doc.model.promises)]
    assert page.steps_count() == 1 + len(promising)
    for team in promising:
        press(window, Qt.Key.Key_PageDown)
        assert editor.ctx.selection == [team] and page.title_label.text() == doc.get(team).name
        lit = editor.diagram.highlighted_promises()
        assert lit and all(p in lit for p in (x.id for x in doc.model.promises if x.from_ == team))
        dimmed = [e for e in editor.scene.edges.values() if getattr(e, "dimmed", False)]
        assert dimmed, "the rest of the map steps back"
    press(window, Qt.Key.Key_PageDown)
    assert window.story.step.kind == "figures"  # the sample's readings, after the map


# ------------------------------------------------------------------------------------------------ lock
def test_the_lock_blocks_drags_but_not_paging(shown) -> None:
    window, doc, stack = shown
    page_to(window, "canvas")
    press(window, Qt.Key.Key_A)
    chart = window.story.page.chart
    chart.scene().minDragTime = 0
    factor = chart.factor_ids[2]
    start = chart.point_pos(TO_BE, factor)
    end = chart.point_pos(TO_BE, factor, 1.0)
    level, count = doc.get(TO_BE).levels[factor], stack.index()
    press(window, Qt.Key.Key_L)
    assert window.story.lock.on and window.footer.lock.isChecked()
    chart_drag(chart.viewport(), start, end)
    assert doc.get(TO_BE).levels[factor] == level and stack.index() == count
    assert window.story.lock.eaten > 0
    press(window, Qt.Key.Key_Up)  # no key edits the drawing either
    assert doc.get(TO_BE).levels[factor] == level
    press(window, Qt.Key.Key_PageDown)
    assert window.story.step.kind == "errc", "paging works while locked"
    press(window, Qt.Key.Key_PageUp)
    press(window, 0x0414, text="д")  # L on a Russian keyboard layout
    assert not window.story.lock.on
    chart_drag(chart.viewport(), start, end)
    assert doc.get(TO_BE).levels[factor] == 1.0 and stack.index() == count + 1, "unlocked, the same drag edits"


def test_the_lock_keeps_diagram_nodes_in_place(shown) -> None:
    window, doc, stack = shown
    page_to(window, "structure")
    view = window.story.page.view
    window.footer.lock.click()
    node = view.diagram().nodes["team-027"]
    before = node.pos()
    start = view.mapFromScene(node.pos())
    viewport = view.viewport()

    def drag_node() -> None:
        for kind, x, buttons in ((QEvent.Type.MouseButtonPress, 0, LEFT), (QEvent.Type.MouseMove, 40, LEFT),
                                 (QEvent.Type.MouseMove, 120, LEFT), (QEvent.Type.MouseButtonRelease, 120, NONE)):
            pos = QPointF(start.x() + x, start.y() + x / 2)
            QApplication.sendEvent(viewport, QMouseEventAt(kind, pos, viewport, buttons))

    drag_node()
    assert node.pos() == before and doc.model.layouts["structure"] == {} and stack.index() == 1
    window.footer.lock.click()
    drag_node()
    assert node.pos() != before and "team-027" in doc.model.layouts["structure"] and stack.index() == 2


def QMouseEventAt(kind, pos, widget, buttons):  # noqa: ANN001, ANN201, N802
    from PySide6.QtGui import QMouseEvent

    button = LEFT if kind != QEvent.Type.MouseMove else NONE
    return QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)


# ------------------------------------------------------------------------------------------------ editing live
def test_edits_from_the_laptop_show_at_once_and_undo_works_on_both(shown) -> None:
    window, doc, stack = shown
    page_to(window, "canvas")
    press(window, Qt.Key.Key_A)
    chart = window.story.page.chart
    factor = chart.factor_ids[0]
    push_edit(stack, doc, changes.set_level(doc, TO_BE, factor, 5))  # the main window's editor does this
    assert chart.items[TO_BE].getData()[1][0] == 5
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.get(TO_BE).levels[factor] == 2.5 and chart.items[TO_BE].getData()[1][0] == 2.5
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.get(TO_BE).levels[factor] == 5
    press(window, Qt.Key.Key_Home)
    push_edit(stack, doc, changes.update(doc, "", evolutionary_goal="Новая цель: всё рядом"))
    QApplication.processEvents()
    assert window.story.page.goal_label.text() == "Новая цель: всё рядом"


def test_the_story_follows_canvases_added_and_removed(shown) -> None:
    window, doc, stack = shown
    page_to(window, "canvas")
    copy = m.copy_object(doc.model.canvases[0])
    fresh = m.Canvas("cnv-new", "Вариант Б")
    push_edit(stack, doc, changes.insert(doc, fresh))
    assert [s.key for s in window.story.steps if s.kind == "canvas"] == [f"canvas:{copy.id}", "canvas:cnv-new"]
    assert window.story.step.key == f"canvas:{copy.id}", "the page shown stays"
    push_edit(stack, doc, changes.delete(doc, copy.id))
    assert window.story.step.kind in ("canvas", "structure")
    assert f"canvas:{copy.id}" not in window.story.pages
    stack.undo()
    assert f"canvas:{copy.id}" in [s.key for s in window.story.steps]


def test_a_change_of_everything_redraws_every_page_built(shown) -> None:
    window, doc, stack = shown
    story = window.story
    for _ in range(30):  # every page built
        story.next()
    canvas = doc.model.canvases[0]
    factor = canvas.factors[0].id
    restore = Batch((changes.update(doc, "", evolutionary_goal="Всё заново"),
                     changes.update(doc, canvas.id, title="Канва после отката"),
                     changes.set_level(doc, TO_BE, factor, 5),
                     changes.insert(doc, m.Canvas("cnv-new", "Вариант Б"))), "Restore", everything=True)
    push_edit(stack, doc, restore)  # as a snapshot restore announces itself
    QApplication.processEvents()
    assert [s.key for s in story.steps if s.kind == "canvas"] == [f"canvas:{canvas.id}", "canvas:cnv-new"]
    story.go_to(0, forward=False)
    QApplication.processEvents()
    assert story.page.goal_label.text() == "Всё заново"
    page_to(window, "canvas")
    page = story.page
    assert page.title_label.text() == "Канва после отката"
    assert page.chart.items[TO_BE].getData()[1][0] == 5
    assert "Канва после отката" in window.footer.where.text()
    stack.undo()
    QApplication.processEvents()
    assert page.title_label.text() == canvas.title and page.chart.items[TO_BE].getData()[1][0] == 2.5
    assert "canvas:cnv-new" not in [s.key for s in story.steps]


def test_every_page_of_an_empty_and_of_a_large_workshop_builds(qtbot) -> None:
    for workshop in (m.Workshop(), generate_workshop(teams=120, promises=500, links=150)):
        doc = Document(workshop)
        window = PresentationWindow(doc, QUndoStack())
        window.resize(1280, 720)
        window.show()
        for _ in range(len(window.story.steps)):
            window.story.go_to(window.story.index + 1, forward=False)
            QApplication.processEvents()
        assert len(window.story.pages) == len(window.story.steps)
        assert not window.grab().isNull()
        close(window)


# ------------------------------------------------------------------------------------------------ chrome
def test_black_screen_help_and_a_clicker_start_button(shown) -> None:
    window, _doc, _stack = shown
    press(window, Qt.Key.Key_B)
    assert window.curtain.isVisible()
    press(window, Qt.Key.Key_PageDown)  # the first key lifts the curtain only
    assert not window.curtain.isVisible() and window.story.step.kind == "goal"
    press(window, Qt.Key.Key_F1)
    assert window.help.isVisible()
    press(window, Qt.Key.Key_Space)
    assert not window.help.isVisible()
    press(window, Qt.Key.Key_Period)
    assert window.curtain.isVisible()
    QTest.mouseClick(window.curtain, LEFT)
    assert not window.curtain.isVisible()
    left = []
    window.left.connect(lambda: left.append(True))
    press(window, Qt.Key.Key_F5)  # F5 again (a clicker's start/stop button) leaves, as Esc does
    assert left == [True]
