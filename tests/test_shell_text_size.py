"""One text size for a projector: View ▸ Larger text scales tables, inspectors, checks and the presentation, and
is remembered; on an editor page Ctrl++ still zooms the drawing."""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from tests.test_shell_dialogs import english_translations, open_window
from widgets.base.text_size import text_size
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    yield from english_translations()
    text_size().set_steps(0)  # the next test starts at the normal size


@pytest.fixture
def window(qtbot, english: Translations) -> MainWindow:
    win = open_window(qtbot, None, english)
    win.new_from_sample()
    win.resize(1600, 1000)
    return win


def pixels(widget: QWidget) -> float:
    """How tall the widget's text is drawn, in pixels."""
    return widget.fontMetrics().height()


def sizes(window: MainWindow) -> dict[str, float]:
    """The text of a table, the promise inspector, the checks panel and the header's title."""
    table = window.workspace.show_table("segments").table
    promises = window.workspace.show_page("promises").ensure_built()
    promises.ctx.select([window.document.model.promises[0].id])
    window.workspace.show_page("workshop")
    return {"table": pixels(table), "table header": pixels(table.horizontalHeader()),
            "inspector": pixels(promises.inspector.metric_field), "checks": pixels(window.checks.view),
            "title": pixels(window.workspace.title_label)}


def presentation_title_pixels(qtbot, window: MainWindow) -> int:
    """The pixel size of the title on the presentation's first page (the presentation is left at once)."""
    window.menus["present"].trigger()
    qtbot.waitUntil(lambda: window.presentation is not None)
    shown = window.presentation
    size = shown.story.page.title_label.font().pixelSize()
    window.close_presentation()
    qtbot.waitUntil(lambda: window.presentation is None)
    return size


def press(qtbot, window: MainWindow, key: Qt.Key) -> None:
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, key, Qt.KeyboardModifier.ControlModifier)


def test_two_steps_larger_scale_tables_inspector_checks_and_presentation(qtbot, window: MainWindow) -> None:
    normal, normal_slide = sizes(window), presentation_title_pixels(qtbot, window)
    window.workspace.show_table("segments").table.setFocus(Qt.FocusReason.MouseFocusReason)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(qtbot, window, Qt.Key.Key_Plus)  # Ctrl++ on a table: the text size
    window.menus["text_larger"].trigger()  # View ▸ Larger text
    assert window.settings.text_zoom() == 2
    larger = sizes(window)
    for part, size in normal.items():
        assert larger[part] > size, f"the {part}'s text did not grow"
    assert presentation_title_pixels(qtbot, window) > normal_slide


def test_the_text_size_is_remembered_at_the_next_start(qtbot, window: MainWindow, english: Translations) -> None:
    normal = sizes(window)["table"]
    window.menus["text_larger"].trigger()
    window.menus["text_larger"].trigger()
    window.settings.sync()
    window.ask_before_closing = False
    window.close()
    text_size().set_steps(0)  # as a new process would start
    restarted = open_window(qtbot, None, english)  # the same settings file, in the same data folder
    assert restarted.settings.path == window.settings.path and restarted.settings.text_zoom() == 2
    restarted.new_from_sample()
    assert sizes(restarted)["table"] > normal


def test_on_an_editor_page_ctrl_plus_zooms_the_drawing_and_text_size_stays_in_the_menu(qtbot,
                                                                                        window: MainWindow) -> None:
    page = window.workspace.show_page("promises")
    editor = page.ensure_built()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(editor.isVisible)
    font = QFont(QApplication.font())
    calls: list[str] = []
    editor.zoom_in = lambda: calls.append("zoom_in")
    editor.setFocus(Qt.FocusReason.MouseFocusReason)
    press(qtbot, window, Qt.Key.Key_Plus)
    assert calls == ["zoom_in"] and QApplication.font() == font and window.settings.text_zoom() == 0
    larger = window.menus["text_larger"]
    assert larger.isEnabled() and larger.isVisible() and larger.text().replace("&", "") == "Larger text"
    larger.trigger()
    assert QApplication.font().pointSizeF() > font.pointSizeF() and calls == ["zoom_in"]
    window.menus["text_normal"].trigger()
    assert QApplication.font() == font
