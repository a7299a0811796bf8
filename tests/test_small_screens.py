"""A 1280×720 projector: with every editor built the window still fits the screen (about 1280×690 once the
desktop's panel is there), each editor keeps a drawing area worth showing, and what does not fit in a bar goes into
its » menu instead of making the window wider."""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabBar, QToolBar, QToolButton, QWidget

from app.resources import sample_path
from app.workfile import WorkFile, read_workshop
from tests.test_shell_dialogs import english_translations, open_window
from widgets.base.text_size import text_size
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow

SCREEN = QSize(1280, 690)  # a 1280×720 screen less the desktop's panel
DRAWING = QSize(400, 250)  # the least a drawing needs to be worth showing on a projector
SETTLE = 150  # ms for a page to build and lay itself out, as it does while the user looks at it
PAGES = ("workshop", "canvas", "structure", "promises")


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    yield from english_translations()
    text_size().set_steps(0)  # the next test starts at the normal size


@pytest.fixture
def window(qtbot, english: Translations) -> MainWindow:
    win = open_window(qtbot, WorkFile.new(read_workshop(sample_path())), english)
    visit_every_page(qtbot, win)
    return win


def visit_every_page(qtbot, window: MainWindow) -> None:
    """Click each page's tab, as the user does, and let each editor build and lay itself out."""
    bar = window.workspace.page_bar
    for index in range(len(PAGES)):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qtbot.wait(SETTLE)
        assert window.workspace.current_page() == PAGES[index]


def choose_from_more_menu(qtbot, bar: QToolBar, text: str) -> bool | None:
    """Open the bar's » menu with the mouse and click `text` in it; whether that item was enabled (None: absent)."""
    more = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more.isVisible(), "nothing went into the » menu"
    found: list[bool | None] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        action = next((a for a in menu.actions() if a.text() == text), None) if menu else None
        found.append(None if action is None else action.isEnabled())
        if action is not None and action.isEnabled():
            QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        elif menu is not None:
            menu.close()

    QTimer.singleShot(SETTLE, bar, choose)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)  # the menu runs until an item is chosen or it is closed
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def fits(size: QSize, screen: QSize) -> bool:
    return size.width() <= screen.width() and size.height() <= screen.height()


def drawing_areas(qtbot, window: MainWindow) -> dict[str, QSize]:
    """The chart's plot, the structure's view and the promise map's view, each measured on its own page."""
    areas = {}
    for page, part in (("canvas", "chart"), ("structure", "view"), ("promises", "view")):
        editor = window.workspace.show_page(page).ensure_built()
        qtbot.wait(SETTLE)
        areas[page] = getattr(editor, part).size()
    return areas


def larger_text(qtbot, window: MainWindow) -> None:
    """Ctrl++ on a table of the workshop page: one step larger text everywhere."""
    table = window.workspace.show_table("segments").table
    table.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(QApplication.focusWidget() or table, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert text_size().steps == 1
    visit_every_page(qtbot, window)


def test_the_window_fits_a_1280x720_screen_with_every_editor_built(qtbot, window: MainWindow) -> None:
    minimum = window.minimumSizeHint()
    assert fits(minimum, SCREEN), f"the window cannot get smaller than {minimum.toTuple()}"


def test_at_1280x690_each_editor_keeps_a_drawing_area_worth_showing(qtbot, window: MainWindow) -> None:
    window.resize(SCREEN)
    visit_every_page(qtbot, window)
    assert window.size() == SCREEN
    for page, area in drawing_areas(qtbot, window).items():
        assert area.width() >= DRAWING.width() and area.height() >= DRAWING.height(), \
            f"the {page} editor draws in only {area.toTuple()}"


def test_one_step_larger_text_still_fits_the_screen(qtbot, window: MainWindow) -> None:
    larger_text(qtbot, window)
    minimum = window.minimumSizeHint()
    assert fits(minimum, SCREEN), f"with larger text the window cannot get smaller than {minimum.toTuple()}"


def test_the_canvas_bar_puts_what_does_not_fit_into_its_menu(qtbot, window: MainWindow) -> None:
    editor = window.workspace.show_page("canvas").ensure_built()
    window.resize(1100, SCREEN.height())
    qtbot.wait(SETTLE)
    bar = editor.findChild(QToolBar, "canvasBar")
    assert bar.width() <= editor.width()
    assert not editor.chart_only.isVisible()  # at the far end, it went into the » menu
    assert choose_from_more_menu(qtbot, bar, "Chart only")
    assert not editor.side.isVisible()  # "Chart only" still works from the menu


def test_a_narrow_side_panel_shows_the_curves_names_from_their_start(qtbot, window: MainWindow) -> None:
    window.resize(SCREEN)
    visit_every_page(qtbot, window)
    editor = window.workspace.show_page("canvas").ensure_built()
    qtbot.mouseClick(editor.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=editor.tabs.tabBar().tabRect(editor.tabs.indexOf(editor.curves)).center())
    names = [field for field in editor.curves.findChildren(QWidget) if field is getattr(field.parent(), "name", None)]
    assert names
    for field in names:
        assert field.cursorPosition() == 0, f"«{field.text()}» is shown from its end"


def test_the_snapshots_panel_gets_narrow_its_buttons_go_into_a_menu(qtbot, window: MainWindow) -> None:
    panel = window.snapshots
    assert panel.minimumSizeHint().width() < 250
    window.docks["snapshots"].raise_()
    window.resizeDocks([window.docks["snapshots"]], [260], Qt.Orientation.Horizontal)
    qtbot.wait(SETTLE)
    assert panel.width() < 400
    bar = panel.findChild(QToolBar, "snapshotsButtons")
    assert not panel.delete_button.isVisible()
    assert panel.list.topLevelItemCount() == 0  # nothing chosen yet: Delete is there, and disabled
    assert choose_from_more_menu(qtbot, bar, "Delete") is False


def test_the_bottom_panels_give_way_on_a_short_screen_and_come_back_on_a_tall_one(qtbot, window: MainWindow) -> None:
    checks = window.docks["checks"]
    usual = checks.height()
    window.resize(SCREEN)
    qtbot.wait(SETTLE)
    assert checks.isVisible() and checks.height() < usual / 2  # still there, a line or two of it
    window.resize(1600, 1000)
    qtbot.wait(SETTLE)
    assert checks.height() >= usual * 0.9


def click_tab(qtbot, tabs: QTabBar, text: str) -> None:
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == text)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
    qtbot.wait(SETTLE)


def small_canvas(qtbot, window: MainWindow):  # noqa: ANN201 - the canvas editor
    """The canvas editor in a window the size of a 1280×720 screen."""
    window.resize(SCREEN)
    visit_every_page(qtbot, window)
    return window.workspace.show_page("canvas").ensure_built()


def test_a_one_line_snapshots_dock_still_offers_its_buttons(qtbot, window: MainWindow) -> None:
    window.resize(SCREEN)
    qtbot.wait(SETTLE)
    dock_tabs = next(bar for bar in window.findChildren(QTabBar)
                     if "Snapshots" in [bar.tabText(i) for i in range(bar.count())])
    click_tab(qtbot, dock_tabs, "Snapshots")
    panel = window.snapshots
    assert panel.isVisible() and panel.height() < 40
    button = panel.save_button
    assert button.isVisible() and button.height() >= button.minimumSizeHint().height()
    assert panel.rect().contains(QRect(button.mapTo(panel, QPoint(0, 0)), button.size()))


def test_the_errc_grid_fits_a_narrow_side_panel(qtbot, window: MainWindow) -> None:
    editor = small_canvas(qtbot, window)
    click_tab(qtbot, editor.tabs.tabBar(), "ERRC grid")
    grid = editor.errc.grid
    assert grid.width() <= editor.errc.grid_scroll.viewport().width()  # no quadrant cut off at the right


def test_the_factors_errc_buttons_show_their_whole_names_in_a_narrow_side_panel(qtbot, window: MainWindow) -> None:
    editor = small_canvas(qtbot, window)
    table = editor.table
    first = table.visualRect(table.model().index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=first)  # pick the first factor
    click_tab(qtbot, editor.tabs.tabBar(), "Factor")
    assert editor.details.pages.currentIndex() == 1
    for action, button in editor.details.action_buttons.items():
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text()), f"{action}: cut"
