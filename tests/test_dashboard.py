"""The dashboard page: every promise and team indicator with its figures, kept or broken, per team and for the
whole organisation; reachable from the window's pages and menu; it follows edits live."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from app import changes
from app import model as m
from app import readings as r
from app.document import Document
from app.workfile import WorkFile
from tests.readings_support import sample_with_readings
from tests.test_shell_dialogs import open_window
from widgets.dashboard.model import STATE, STATE_ROLE
from widgets.dashboard.view import DashboardView
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow


@pytest.fixture
def view(qtbot, english: Translations) -> DashboardView:
    board = DashboardView(Document(sample_with_readings()), QUndoStack())
    qtbot.addWidget(board)
    board.resize(1600, 900)
    board.show()
    qtbot.waitExposed(board)
    return board


def state_of(view: DashboardView, obj_id: str) -> str:
    row = view.lines.row_of(obj_id)
    return view.lines.index(row, STATE).data(STATE_ROLE) if row >= 0 else ""


def shown_text(view: DashboardView, obj_id: str, column: int = STATE) -> str:
    return view.lines.index(view.lines.row_of(obj_id), column).data()


def test_every_promise_and_indicator_with_its_latest_state_and_the_organisations_tally(view: DashboardView) -> None:
    sections = [row.section for row in view.lines.rows if row.line is None]
    assert sections == ["client", "internal", "indicators"]
    assert shown_text(view, "prm-044") == "kept" and shown_text(view, "prm-046") == "broken"
    assert shown_text(view, "prm-043") == "no figures yet" and shown_text(view, "team-026") == "no verdict"
    assert shown_text(view, "prm-044", 4) == "96%  ·  2026-03"
    assert [view.cards[s].number.text() for s in r.STATES] == ["4", "2", "1", "8"]
    assert view.scope_label.text() == "Whole organisation" and "67 %" in view.share.text()


def test_the_dashboard_follows_a_new_reading_and_its_undo(qtbot, view: DashboardView) -> None:
    doc = view.document
    edit = changes.insert(doc, m.Reading("new", "prm-043", "2026-04", "90%", False))
    doc.apply(edit)
    qtbot.waitUntil(lambda: state_of(view, "prm-043") == r.NOT_MET)
    assert view.cards[r.NOT_MET].number.text() == "3" and view.cards[r.NO_READINGS].number.text() == "7"
    doc.apply(edit.inverse())
    qtbot.waitUntil(lambda: state_of(view, "prm-043") == r.NO_READINGS)
    assert view.cards[r.NOT_MET].number.text() == "2"


def test_a_retired_promise_leaves_and_a_renamed_team_is_shown_by_its_new_name(qtbot, view: DashboardView) -> None:
    doc = view.document
    doc.apply(changes.update(doc, "prm-045", status="retired"))
    doc.apply(changes.update(doc, "team-026", name="Доставка 60"))
    qtbot.waitUntil(lambda: view.lines.row_of("prm-045") < 0)
    assert shown_text(view, "prm-044", 0) == "Доставка 60"


def test_clicking_a_team_shows_its_promises_and_indicator_with_its_tally(qtbot, view: DashboardView) -> None:
    teams = view.team_table
    row = view.teams.row_of("team-029")  # Логистика: its promise and its indicator are both broken
    rect = teams.visualRect(view.teams.index(row, 0))
    qtbot.mouseClick(teams.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.team == "team-029" and view.scope_label.text() == "Логистика"
    shown = [row.line.obj_id for row in view.lines.rows if row.line is not None]
    assert shown == ["prm-046", "team-029"]
    assert view.cards[r.NOT_MET].number.text() == "2" and view.cards[r.MET].number.text() == "0"
    rect = teams.visualRect(view.teams.index(0, 0))
    qtbot.mouseClick(teams.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.team is None and len(shown) < sum(row.line is not None for row in view.lines.rows)


def test_find_selects_the_lines_that_name_a_word(view: DashboardView) -> None:
    assert view.find("касс") == 2  # the promise and the IT team's indicator
    assert view.selected_ids() == ["prm-048", "team-031"]


def test_the_page_is_reached_from_the_page_bar_and_ctrl_5(qtbot, tmp_path: Path, english: Translations) -> None:
    window: MainWindow = open_window(qtbot, WorkFile.new(sample_with_readings(), tmp_path / "w.clientocracy"),
                                     english)
    bar = window.workspace.page_bar
    index = [bar.tabText(i) for i in range(bar.count())].index("Dashboard")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    page = window.workspace.editors["dashboard"]
    assert window.workspace.current_page() == "dashboard" and isinstance(page.editor, DashboardView)
    window.show_page("workshop")
    window.menus["page_dashboard"].trigger()
    assert window.workspace.current_page() == "dashboard"
    assert window.menus["page_dashboard"].shortcut().toString() == "Ctrl+5"
    assert not window.menus["zoom_in"].isEnabled()  # nothing to zoom: the dashboard says why
    assert page.editor.cards[r.MET].number.text() == "4"


def test_an_empty_workshop_shows_an_empty_dashboard(qtbot, english: Translations) -> None:
    board = DashboardView(Document(m.Workshop()), QUndoStack())
    qtbot.addWidget(board)
    board.show()
    assert board.lines.rowCount() == 0 and board.cards[r.MET].number.text() == "0"
    assert board.share.text() == "No verdicts yet"
    board.grab()  # paints without a line to draw



def test_figures_imported_on_the_dashboard_are_one_undo_step(qtbot, view: DashboardView, tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "april.xlsx"
    wb = Workbook()
    wb.active.append(["Период", "Обещание или команда", "Значение", "Выполнено"])
    wb.active.append(["2026-04", "Свежие продукты на полке к открытию", "99%", "да"])
    wb.active.append(["2026-04", "Неизвестно что", "1", "да"])
    wb.save(path)
    assert view.import_figures(str(path)) == 1
    qtbot.waitUntil(lambda: state_of(view, "prm-043") == r.MET)
    assert "1 figure(s) imported" in view.notice.text() and "row 3" in view.notice.text()
    assert view.undo_stack.count() == 1 and view.undo_stack.undoText() == "Import figures"
    view.undo_stack.undo()
    qtbot.waitUntil(lambda: state_of(view, "prm-043") == r.NO_READINGS)


def test_the_chosen_teams_handout_is_written_from_the_dashboard(view: DashboardView, tmp_path: Path) -> None:
    from tests.exports_support import pdftotext

    assert not view.team_button.isEnabled()  # the whole organisation: choose a team first
    view.show_team("team-031")
    assert view.team_button.isEnabled()
    out = tmp_path / "it.pdf"
    assert view.export_team_handout(str(out))
    assert "Кассы работают без сбоев" in pdftotext(out) and str(out) in view.notice.text()


@pytest.mark.parametrize("size", [(1600, 900), (990, 560)])  # the page at 1920×1080 and at 1280×720 beside the stages
def test_the_promise_column_takes_the_room_and_who_and_to_whom_fit_their_names(
        qtbot, view: DashboardView, size: tuple[int, int]) -> None:
    from widgets.dashboard.model import TO, WHAT, WHO

    view.resize(*size)
    qtbot.waitUntil(lambda: view.table.viewport().width() < size[0] - 200)
    table = view.table
    metrics = table.fontMetrics()
    viewport = table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    assert sum(table.columnWidth(c) for c in range(STATE + 1)) <= viewport
    assert table.columnWidth(WHAT) >= 0.35 * viewport  # the promise is what the CEO reads
    for obj_id in ("prm-044", "prm-048", "team-026"):
        text = shown_text(view, obj_id, WHAT)
        assert metrics.horizontalAdvance(text[:28]) < table.columnWidth(WHAT)
        if metrics.horizontalAdvance(text) > table.columnWidth(WHAT):
            assert view.lines.index(view.lines.row_of(obj_id), WHAT).data(Qt.ItemDataRole.ToolTipRole) == text
    for column in (WHO, TO):
        assert table.columnWidth(column) <= 0.15 * viewport + 1
    if size[0] >= 1600:  # a wide screen shows every team's and client's name whole
        cells = [(shown_text(view, row.line.obj_id, c), c) for row in view.lines.rows if row.line for c in (WHO, TO)]
        assert all(metrics.horizontalAdvance(name) < table.columnWidth(c) for name, c in cells)


def test_the_trend_title_is_whole_in_russian_on_a_laptop_screen(qtbot, view: DashboardView) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from widgets.dashboard.model import TREND

    translations = Translations()
    translations.apply("ru")
    try:
        view.resize(1180, 800)  # the page of a 1920-wide window beside the stages and the team list
        qtbot.waitUntil(lambda: 820 < view.table.viewport().width() < 1000)
        view.fit_columns()
        title = str(view.lines.headerData(TREND, Qt.Orientation.Horizontal))
        assert title == "Динамика"
        bold = QFont(view.table.horizontalHeader().font())
        bold.setBold(True)  # the header draws its titles bold
        assert QFontMetrics(bold).horizontalAdvance(title) + 12 <= view.table.columnWidth(TREND)
    finally:
        translations.clear()
