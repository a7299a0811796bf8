"""Presentation details a boardroom notices: a readable timer menu, an opaque keys card, F5 on the promise map opens
on the whole map (or the selected team), promise texts and team descriptions that fit with the full text one key
away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetricsF, QHelpEvent, QImage, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from app import model as m
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from app.workfile import WorkFile
from tests.test_presentation import close, press
from tests.test_session import key_target
from tests.test_shell_dialogs import open_window
from widgets.presentation import PresentationWindow, open_presentation
from widgets.presentation.story import chain_teams
from widgets.shell.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
SCREENS = [(1920, 1080), (1280, 720)]
DESCRIPTION = ("Мы отвечаем за то, чтобы каждый клиент получил ровно то, что заказал, вовремя и без лишних звонков; "
               "для этого держим связь со складом, курьерами и службой заботы и сами решаем, как исправить ошибку. ")


def long_texts() -> m.Workshop:
    """The sample with a 600-character description for every team and 200-character promise texts."""
    workshop = read_json_file(sample_path())
    for team in workshop.teams:
        team.purpose = (DESCRIPTION * 4)[:599] + "."
    for number, promise in enumerate(workshop.promises, start=1):
        promise.text = (f"Обещание {number}. " + DESCRIPTION * 2)[:199] + "."
    return workshop


def presenting(workshop: m.Workshop, size: tuple[int, int]) -> PresentationWindow:
    """A presentation of `workshop` in a window of `size`, shown and laid out."""
    window = PresentationWindow(Document(workshop), QUndoStack())
    window.resize(*size)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    return window


def on_team(window: PresentationWindow, number: int) -> None:
    """Page (PageDown) to the promise map and on to the chain of its `number`-th promising team."""
    while window.story.step.kind != "promises":
        press(window, Qt.Key.Key_PageDown)
    for _ in range(number):
        press(window, Qt.Key.Key_PageDown)
    QApplication.processEvents()


def wrapped_height(widget: QWidget, text: str) -> int:
    """How tall `text` is when wrapped to `widget`'s width in its font (less a pixel or two of rounding)."""
    box = QRectF(0, 0, widget.contentsRect().width(), 100_000)
    return round(QFontMetricsF(widget.font()).boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()) - 2


def line_height(widget: QWidget) -> int:
    """One line of `widget`'s type."""
    return round(QFontMetricsF(widget.font()).lineSpacing())


def hover_tip(widget: QWidget) -> str:
    """The tooltip that hovering `widget` shows (the real help event, as the mouse resting on it sends)."""
    QToolTip.hideText()
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, centre, widget.mapToGlobal(centre)))
    QApplication.processEvents()
    return QToolTip.text() if QToolTip.isVisible() else ""


def promise_texts(window: PresentationWindow) -> list[QWidget]:
    """The promise texts on the chain card beside the map, as shown."""
    card = window.story.page.card
    return [w for w in card.findChildren(QWidget, "promiseText") if w.isVisible()]


# ------------------------------------------------------------------------------------------------ the timer
@pytest.mark.parametrize("size", SCREENS, ids=["1080", "720"])
def test_the_timer_menu_is_read_on_the_projector_and_a_click_in_it_sets_the_timer(qtbot, size) -> None:
    window = presenting(read_json_file(sample_path()), size)
    try:
        timer = window.footer.timer
        seen: dict[str, object] = {}

        def in_the_menu() -> None:  # the menu runs its own loop while open: look at it, then click "10 minutes"
            menu = timer.menu
            seen["open"] = menu.isVisible()
            seen["px"] = menu.fontInfo().pixelSize()
            actions = [a for a in menu.actions() if not a.isSeparator()]
            seen["heights"] = [menu.actionGeometry(a).height() for a in actions]
            QTest.mouseClick(menu, LEFT, pos=menu.actionGeometry(actions[1]).center())

        QTimer.singleShot(50, timer, in_the_menu)
        QTest.mouseClick(timer.menu_button, LEFT)
        QApplication.processEvents()
        scale = size[1] / 1080
        assert seen["open"], "the ▾ button opens the timer menu"
        assert seen["px"] >= round(22 * scale), f"menu type {seen['px']} px: as large as the pages' small print"
        assert min(seen["heights"]) >= round(40 * scale), "items are roomy enough to hit and read"
        assert timer.clock.duration_ms == 10 * 60_000 and timer.clock.running
    finally:
        close(window)


# ------------------------------------------------------------------------------------------------ the keys card
def help_region(window: PresentationWindow) -> QRect:
    """The keys card's text, in window pixels, with a margin of the card's own around it."""
    labels = [w for w in window.help.findChildren(QLabel) if w.isVisible()]
    assert labels, "the keys card shows its keys"
    region = QRect()
    for w in labels:
        region = region.united(QRect(w.mapTo(window, QPoint(0, 0)), w.size()))
    return region.adjusted(-12, -12, 12, 12)


@pytest.mark.parametrize("size", SCREENS, ids=["1080", "720"])
def test_the_keys_card_is_opaque_and_readable_over_any_page(qtbot, size) -> None:
    window = presenting(long_texts(), size)
    try:
        pictures: list[QImage] = []
        for page in ("goal", "promises"):
            press(window, Qt.Key.Key_Home)
            while window.story.step.kind != page:
                press(window, Qt.Key.Key_PageDown)
            press(window, Qt.Key.Key_PageDown)  # on the map: a team's chain and its card beside it
            press(window, Qt.Key.Key_H)
            assert window.help.isVisible()
            region = help_region(window)
            assert window.rect().contains(region), "the card fits the screen"
            pictures.append(window.grab(region).toImage())
            press(window, Qt.Key.Key_Space)
            assert not window.help.isVisible()
        assert pictures[0] == pictures[1], "nothing of the page behind shows through the card"
        press(window, Qt.Key.Key_F1)
        keys = [w for w in window.help.findChildren(QLabel, "helpKeys") if w.isVisible()]
        assert "D" in [k.text() for k in keys], "the card lists the key that shows long texts whole"
        assert min(k.fontInfo().pixelSize() for k in keys) >= round(22 * size[1] / 1080)
    finally:
        close(window)


# ------------------------------------------------------------------------------------------------ F5
def test_f5_opens_the_promise_map_whole_then_the_first_team_or_the_selected_teams_chain(qtbot) -> None:
    workshop = read_json_file(sample_path())
    teams = chain_teams(workshop)
    document = Document(workshop)
    window = open_presentation(document, QUndoStack(), start="promises")
    try:
        page = window.story.page
        assert page.kind == "promises" and page.step == 0, "the whole map first, not the last team"
        assert page.editor.ctx.selection == [] and page.title_label.text() == "Who promises what to whom"
        press(window, Qt.Key.Key_PageDown)
        assert page.editor.ctx.selection == [teams[0]] and page.title_label.text() == document.get(teams[0]).name
        while window.story.step.kind != "figures":  # the page after the map (the sample's readings)
            press(window, Qt.Key.Key_PageDown)
        press(window, Qt.Key.Key_PageUp)  # paging back onto the map lands on its last team, as reveals go back
        assert page.step == page.steps_count() - 1
        dots = window.footer.dots
        QTest.mouseClick(dots, LEFT, pos=QPoint(round(4 + (window.story.index + 0.5) * dots._pitch()),
                                                dots.height() // 2))
        assert window.story.page is page and page.step == 0, "a click on the map's dot shows the whole map"
    finally:
        close(window)
    promise = next(p for p in workshop.promises if p.from_ == teams[2])
    for selected, team in (([teams[3]], teams[3]), ([promise.id], teams[2]), ([workshop.segments[0].id], None)):
        window = open_presentation(document, QUndoStack(), start="promises", selected=selected)
        try:
            page = window.story.page
            assert page.editor.ctx.selection == ([team] if team else []), selected
            assert page.step == (teams.index(team) + 1 if team else 0)
        finally:
            close(window)


def click_node(qtbot, editor: QWidget, node_id: str) -> None:
    """A real click on a party of the promise map in the editor."""
    view = editor.view
    item = view.diagram().nodes[node_id]
    view.centerOn(item)
    QApplication.processEvents()
    pos = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mouseClick(view.viewport(), LEFT, pos=pos)


def test_f5_in_the_main_window_opens_on_the_team_selected_on_the_map(qtbot, tmp_path: Path) -> None:
    workshop = read_json_file(sample_path())
    teams = chain_teams(workshop)
    window: MainWindow = open_window(qtbot, WorkFile.new(workshop, tmp_path / "sample.clientocracy"))
    window.resize(1600, 1000)
    window.workspace.show_page("promises")
    editor = window.workspace.current_editor().ensure_built()
    QApplication.processEvents()
    for selected, step in ((None, 0), (teams[2], 3)):
        if selected is not None:
            click_node(qtbot, editor, selected)
            assert editor.selected_ids() == [selected]
        window.activateWindow()
        qtbot.keyClick(key_target(window), Qt.Key.Key_F5)
        presentation = window.presentation
        assert presentation is not None
        page = presentation.story.page
        assert page.kind == "promises" and page.step == step, f"selected {selected}"
        close(presentation)


# ------------------------------------------------------------------------------------------------ long texts
@pytest.mark.parametrize("size", SCREENS, ids=["1080", "720"])
def test_promise_texts_wrap_on_three_lines_with_the_full_text_on_hover_and_on_d(qtbot, size) -> None:
    window = presenting(long_texts(), size)
    try:
        on_team(window, 1)
        texts = promise_texts(window)
        card = window.story.page.card
        assert texts, "the chain card lists the team's promises"
        for text in texts:
            lines = line_height(text)
            assert 3 * lines <= text.height() <= 3 * lines + 4, "three lines of text, never more, never cut"
            assert text.mapTo(card, QPoint(0, text.height())).y() <= card.height(), "inside the card"
            full = text.text()
            assert len(full) == 200 and hover_tip(text) == full, "the whole promise on hover"
        press(window, Qt.Key.Key_D)
        qtbot.waitUntil(lambda: all(t.height() >= wrapped_height(t, t.text()) > 3 * line_height(t)
                                    for t in promise_texts(window)), timeout=1000)  # D: every promise whole
        press(window, Qt.Key.Key_D)
        qtbot.waitUntil(lambda: all(t.height() <= 3 * line_height(t) + 4 for t in promise_texts(window)),
                        timeout=1000)  # D again: three lines
    finally:
        close(window)


@pytest.mark.parametrize("size", SCREENS, ids=["1080", "720"])
def test_two_line_promise_texts_show_whole(qtbot, size) -> None:
    window = presenting(read_json_file(sample_path()), size)
    try:
        on_team(window, 1)
        page = window.story.page
        for _team in page.teams:
            for text in promise_texts(window):
                assert text.height() >= wrapped_height(text, text.text()), f"{text.text()!r} is cut"
                assert hover_tip(text) == "", "nothing is cut, so no tooltip repeats it"
            press(window, Qt.Key.Key_PageDown)
    finally:
        close(window)


@pytest.mark.parametrize("size", SCREENS, ids=["1080", "720"])
def test_a_long_team_description_takes_two_lines_and_d_shows_it_whole(qtbot, size) -> None:
    window = presenting(long_texts(), size)
    try:
        on_team(window, 1)
        page = window.story.page
        subtitle = page.subtitle_label
        description = subtitle.text()
        assert len(description) == 600
        assert subtitle.height() <= 2 * line_height(subtitle) + 12, "two lines, not a flood"
        assert page.view.height() >= 0.45 * page.height(), "the map keeps most of the slide"
        assert hover_tip(subtitle) == description
        press(window, Qt.Key.Key_D)
        qtbot.waitUntil(lambda: subtitle.height() >= wrapped_height(subtitle, description), timeout=1000)
        assert "D" in window.hint.text() and window.hint.isVisible(), "a hint says how to shorten it again"
        press(window, Qt.Key.Key_PageDown)  # the next team's page keeps the full texts while D is on
        qtbot.waitUntil(lambda: subtitle.height() >= wrapped_height(subtitle, subtitle.text()), timeout=1000)
        russian_d = 0x0412  # В, where D is on a Russian keyboard
        press(window, russian_d)
        qtbot.waitUntil(lambda: subtitle.height() <= 2 * line_height(subtitle) + 12, timeout=1000)
    finally:
        close(window)
