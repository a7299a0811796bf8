"""The canvas editor in front of a board: ERRC chips stay in their quadrant, labels hit what they show, Esc, paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtWidgets import QApplication

from app.document import Document
from tests.canvas_support import LEFT, NONE, drag, grid_workshop, make_editor, send

ACTIONS = ("eliminate", "reduce", "raise", "create")


def errc_workshop(n: int) -> Document:
    """`n` factors, most of them to raise (the crowded quadrant), some in each other one, a few undecided."""
    workshop = grid_workshop(n, 3)
    for i, factor in enumerate(workshop.canvases[0].factors):
        factor.errc = "raise" if i % 2 == 0 else (None if i % 7 == 3 else ACTIONS[i % 4])
    return Document(workshop)


def header_rects(grid) -> list[QRectF]:  # noqa: ANN001
    """The quadrants' coloured header bands, in the grid's coordinates."""
    from widgets.canvas.errc import HEADER

    return [QRectF(r.left(), r.top(), r.width(), HEADER + 2) for a, r in grid.areas().items() if a is not None]


def assert_chips_tidy(grid) -> None:  # noqa: ANN001
    """Each chip lies inside its own area below its header, no two chips meet and no chip covers a header."""
    areas, headers = grid.areas(), header_rects(grid)
    chips = grid.chips
    assert chips
    for factor_id, action, rect, _suggested in chips:
        assert areas[action].contains(rect), (factor_id, action, rect, areas[action])
        assert not any(h.intersects(rect) for h in headers), (factor_id, rect)
    for i, (_f, _a, rect, _s) in enumerate(chips):
        for _g, _b, other, _t in chips[i + 1:]:
            assert not rect.intersects(other), (rect, other)


@pytest.mark.parametrize("n", [6, 30])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_errc_chips_stay_inside_their_quadrant_and_the_grid_scrolls(qtbot, n: int, size: tuple[int, int]) -> None:
    doc = errc_workshop(n)
    editor, stack = make_editor(qtbot, doc, size)
    editor.tabs.setCurrentWidget(editor.errc)
    QApplication.processEvents()
    grid, scroll = editor.errc.grid, editor.errc.grid_scroll
    assert_chips_tidy(grid)
    # every chip can be reached: the grid is as tall as its chips need, the scroll area shows the rest
    assert grid.height() >= max(r.bottom() for _f, _a, r, _s in grid.chips)
    # drag a raise chip to "create" (scrolled into view first, as a user would): the grid stays tidy
    moving = next(f for f, a, _r, _s in grid.chips if a == "raise")
    scroll.ensureVisible(0, int(grid.areas()["create"].center().y()), 0, 0)
    QApplication.processEvents()
    start = grid.chip_rect(moving).center().toPoint()
    scroll.ensureVisible(start.x(), start.y(), 10, 40)
    QApplication.processEvents()
    drag(grid, start, grid.areas()["create"].center().toPoint())
    assert doc.get(moving).errc == "create" and stack.count() == 1
    assert_chips_tidy(grid)
    chip_of = {f: (a, r) for f, a, r, _s in grid.chips}
    assert chip_of[moving][0] == "create"
    assert grid.areas()["create"].contains(chip_of[moving][1])


def label_workshop(n: int) -> Document:
    """`n` factors with realistic (some long) names, three curves."""
    return Document(grid_workshop(n, 3))


@pytest.mark.parametrize("n", [8, 16, 20])
@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_a_click_on_a_factor_name_selects_the_factor_whose_text_is_under_the_mouse(qtbot, n: int,
                                                                                  size: tuple[int, int]) -> None:
    doc = label_workshop(n)
    editor, stack = make_editor(qtbot, doc, size)
    chart, axis = editor.chart, editor.chart.factor_axis
    if n <= 8 or (n <= 16 and size[0] >= 1920):  # 16 columns of 37 px (1280 wide, side panel open) slant
        assert not axis.layout.slanted, "up to 16 factors the names stay horizontal"
        assert all(len(lines) <= 3 for lines in axis.layout.lines)
    ids = chart.factor_ids
    for i in (2, 3, 4, 5, 6, n - 2, n - 1):
        editor.ctx.select(factor_id=ids[(i + 3) % n])  # another factor bold: the labels must not shift hits
        QApplication.processEvents()
        target = chart.label_pos(ids[i])
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=target)
        assert editor.ctx.factor_id == ids[i], (n, i, axis.layout.slanted)
    assert stack.count() == 0


@pytest.mark.parametrize("n", [8, 20, 30])
def test_the_bold_selected_name_is_drawn_whole(qtbot, n: int) -> None:
    doc = label_workshop(n)
    editor, _stack = make_editor(qtbot, doc, (1280, 720))
    chart, axis = editor.chart, editor.chart.factor_axis
    seen = chart.mapToScene(chart.viewport().rect()).boundingRect()
    for factor_id in chart.factor_ids:
        qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.label_pos(factor_id))
        assert axis.selected == factor_id
        index = chart.factor_ids.index(factor_id)
        text = axis.label_polygons()[index].boundingRect()
        assert axis.boundingRect().contains(text), factor_id  # the item's own area holds the bold text
        assert seen.contains(axis.mapToScene(text).boundingRect()), factor_id  # and the view shows all of it
        if not axis.layout.slanted:
            assert text.width() <= axis.column_width() - 4, factor_id  # inside its column, clear of neighbours


def test_escape_during_a_point_drag_puts_the_point_back_and_records_nothing(qtbot) -> None:
    from tests.canvas_support import sample_document

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    chart = editor.chart
    curve_id, factor_id = "crv-021", "fac-014"  # to be, freshness: at 5
    editor.add_factor.setFocus()  # focus elsewhere, as after typing a factor
    start, end = chart.point_pos(curve_id, factor_id), chart.point_pos(curve_id, factor_id, 1.0)
    qtbot.mousePress(chart.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 7):  # moves with the button held (QTest's own move forgets the button)
        send(chart.viewport(), QEvent.Type.MouseMove, start + (end - start) * k / 6, NONE, LEFT)
    assert chart.items[curve_id].getData()[1][2] == 1.0, "the point follows the mouse"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert chart.items[curve_id].getData()[1][2] == 5, "Esc puts the point back"
    qtbot.mouseMove(chart.viewport(), QPoint(end.x(), end.y() + 20))
    qtbot.mouseRelease(chart.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert doc.get(curve_id).levels[factor_id] == 5 and stack.count() == 0
    assert chart.items[curve_id].getData()[1][2] == 5
    assert chart.mark.text == "5"


def test_typing_a_level_above_the_scale_is_refused_with_a_message(qtbot) -> None:
    from tests.canvas_support import sample_document

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    table = editor.table
    row, col = table.levels.factor_ids.index("fac-012"), 2 + table.levels.curve_ids.index("crv-021")
    before = doc.get("crv-021").levels["fac-012"]
    table.setFocus()
    table.setCurrentIndex(table.levels.index(row, col))
    qtbot.keyClicks(table, "7")  # the key opens the cell's editor with it
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    assert doc.get("crv-021").levels["fac-012"] == before and stack.count() == 0
    assert editor.hint.isVisible() and "7" in editor.hint.text() and "5" in editor.hint.text()
    assert before == 2.5 and table.levels.index(row, col).data() == "2.5", "not clamped to 5"
    qtbot.keyClicks(table, "3")  # a level on the scale still goes in
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on the next turn of the event loop
    assert doc.get("crv-021").levels["fac-012"] == 3 and stack.count() == 1


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_the_table_header_shows_curve_names_whole_and_the_swatch_beside_them(qtbot, size: tuple[int, int]) -> None:
    from PySide6.QtGui import QColor

    from tests.canvas_support import sample_document

    doc = sample_document()
    editor, _stack = make_editor(qtbot, doc, size)
    table = editor.table
    header = table.horizontalHeader()
    QApplication.processEvents()
    picture = header.grab().toImage()
    for column, curve_id in enumerate(table.levels.curve_ids, start=2):
        curve = doc.get(curve_id)
        lines = header.label_lines(column)
        assert " ".join(lines) == curve.name and len(lines) <= 2, (lines, curve.name)
        left = header.sectionViewportPosition(column)
        assert 0 <= left and left + header.sectionSize(column) <= header.viewport().width(), "the column is in view"
        swatch_xs, ink_xs = [], []
        for x in range(left + 1, left + header.sectionSize(column) - 1):
            for y in range(2, picture.height() - 2):
                pixel = QColor(picture.pixel(x, y))
                if pixel == QColor(curve.color):
                    swatch_xs.append(x)
                elif pixel.lightness() < 110 and abs(pixel.red() - pixel.blue()) < 30:  # dark grey: the letters
                    ink_xs.append(x)
        assert swatch_xs and ink_xs, curve.name
        assert max(swatch_xs) < min(ink_xs), f"the swatch of {curve.name} touches its name"


PASTED = "Цена\n\nКофе с собой\nПарковка\tиз таблицы\t3\n  Кофе с собой \n\nСамовывоз\n"  # from a spreadsheet / notes


@pytest.mark.parametrize("target", ["field", "chart", "table"])
def test_pasting_a_list_of_names_adds_them_all_as_one_undo_step(qtbot, target: str) -> None:
    from tests.canvas_support import sample_document

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    names_before = [f.name for f in doc.get("cnv-024").factors]
    QApplication.clipboard().setText(PASTED)
    widget = {"field": editor.add_factor, "chart": editor.chart, "table": editor.table}[target]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    names = [f.name for f in doc.get("cnv-024").factors]
    assert names == names_before + ["Кофе с собой", "Парковка", "Самовывоз"]
    assert stack.count() == 1
    hint = editor.hint.text()
    assert editor.hint.isVisible() and "3" in hint and "2 dup" in hint and "2 blank" in hint, hint
    assert editor.add_factor.text() == ""
    assert [f.name for f in editor.chart.factor_axis.factors] == names
    stack.undo()
    assert [f.name for f in doc.get("cnv-024").factors] == names_before


def test_pasting_one_name_into_the_field_is_ordinary_typing(qtbot) -> None:
    from tests.canvas_support import sample_document

    doc = sample_document()
    editor, stack = make_editor(qtbot, doc)
    QApplication.clipboard().setText("Кофе с собой")
    editor.add_factor.setFocus()
    qtbot.keyClick(editor.add_factor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.add_factor.text() == "Кофе с собой" and stack.count() == 0
