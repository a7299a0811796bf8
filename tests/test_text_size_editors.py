"""View ▸ Larger text reaches the texts the editors size themselves: the canvas's factor names, legend, levels
table, ERRC chips and panels, and the promise inspector's heading and the promise map's legend."""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QLabel, QWidget

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
    win.resize(1920, 1080)
    return win


def pixels(widget: QWidget) -> float:
    """How tall the widget's text is drawn, in pixels."""
    return widget.fontMetrics().height()


def canvas_editor(qtbot, window: MainWindow):
    """The strategy canvas page, shown and laid out in the window."""
    editor = window.workspace.show_page("canvas").ensure_built()
    qtbot.waitUntil(lambda: editor.chart.width() > 800)
    return editor


def promise_editor(window: MainWindow):
    """The promise map page with its first promise in the inspector."""
    editor = window.workspace.show_page("promises").ensure_built()
    editor.ctx.select([window.document.model.promises[0].id])
    return editor


def sizes(qtbot, window: MainWindow) -> dict[str, float]:
    """How tall the texts are that the editors size themselves."""
    canvas = canvas_editor(qtbot, window)
    chart = canvas.chart
    canvas.tabs.setCurrentWidget(canvas.errc)  # the grid lays its chips out once it is shown
    qtbot.waitUntil(lambda: bool(canvas.errc.grid.chips))
    found = {"factor names": float(chart.factor_axis.layout.font.pixelSize()),
             "level ticks": float(chart.tick_font.pixelSize()),
             "canvas legend": pixels(canvas.legend),
             "canvas legend row": canvas.legend.entries[0][1].height(),
             "levels table": pixels(canvas.table), "ERRC chips": pixels(canvas.errc.grid),
             "ERRC chip height": canvas.errc.grid.chips[0][2].height(), "canvas title": pixels(canvas.title),
             "factor name field": pixels(canvas.details.name), "quality summary": pixels(canvas.quality.summary)}
    promises = promise_editor(window)
    legend_texts = [label for label in promises.legend.findChildren(QLabel) if label.text() and label.isVisibleTo(
        promises.legend)]
    found["promise heading"] = pixels(promises.inspector.heading)
    found["promise legend"] = pixels(legend_texts[-1])
    window.workspace.show_page("canvas")
    return found


def labels_overlap(chart) -> bool:
    """Whether two factor names on the canvas's axis overlap."""
    polys = chart.factor_axis.label_polygons()
    return any(polys[i].intersected(polys[j]).boundingRect().width() > 1
               for i in range(len(polys)) for j in range(i + 1, len(polys)))


def test_two_steps_larger_scale_the_canvas_and_promise_texts_and_normal_restores_them(qtbot, window) -> None:
    normal = sizes(qtbot, window)
    window.menus["text_larger"].trigger()
    window.menus["text_larger"].trigger()
    larger = sizes(qtbot, window)
    for part, size in normal.items():
        assert larger[part] > size, f"the {part} did not grow"
    window.menus["text_normal"].trigger()
    qtbot.waitUntil(lambda: sizes(qtbot, window) == normal)  # once the page is laid out again


def test_larger_canvas_names_still_do_not_overlap_and_the_chart_fits(qtbot, window) -> None:
    window.menus["text_larger"].trigger()
    window.menus["text_larger"].trigger()
    chart = canvas_editor(qtbot, window).chart
    qtbot.waitUntil(lambda: chart.factor_axis.layout is not None)
    assert not labels_overlap(chart)
    axis_bottom = chart.factor_axis.mapRectToScene(chart.factor_axis.boundingRect()).bottom()
    assert axis_bottom <= chart.height() + 1, "the factor names run off the chart"
    plot = chart.view.mapRectToScene(chart.view.boundingRect())
    assert plot.height() > chart.height() * 0.4, "the names leave too little room for the curves"
    assert chart.view.mapViewToScene(QPointF(-0.5, 0)).x() >= 0
