"""The economics page: the table after settlement, the settlement view, the totals and the management cost."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFontMetrics, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit

from app import changes
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from widgets.base.tables import format_number
from widgets.economics.page import EconomicsPage

SHOP, CARE, LOGISTICS, COUNCIL = "team-025", "team-027", "team-029", "team-032"


@pytest.fixture
def page(qtbot) -> Iterator[EconomicsPage]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    document = Document(read_json_file(sample_path()))
    stack = QUndoStack()
    shown = EconomicsPage(document, stack)
    shown.undo_stack = stack  # kept alive with the page
    qtbot.addWidget(shown)
    shown.resize(1600, 900)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QLocale.setDefault(QLocale.c())


def text(page: EconomicsPage, team_id: str, key: str) -> str:
    return page.table.proxy_index(team_id, page.model.column_of(key)).data()


def type_into(qtbot, page: EconomicsPage, team_id: str, key: str, typed: str) -> None:
    """Put the keyboard on a cell, type over it and press Enter, as a user does."""
    view = page.table
    view.setFocus()
    view.setCurrentIndex(view.proxy_index(team_id, page.model.column_of(key)))
    qtbot.keyClick(view, typed[0])
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, typed[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_the_table_shows_margins_after_settlement_and_cost_centres(page: EconomicsPage) -> None:
    assert text(page, SHOP, "internal_costs") == "1,370,000"  # bought from logistics, purchasing and IT
    assert text(page, SHOP, "settled") == "580,000"
    assert text(page, LOGISTICS, "internal_revenue") == "750,000"
    assert text(page, CARE, "settled") == "cost centre  -670,000"
    tip = page.table.proxy_index(CARE, page.model.column_of("settled")).data(Qt.ItemDataRole.ToolTipRole)
    assert "serves" in tip and "Молодые семьи" in tip
    assert text(page, SHOP, "pool") == "58,000" and text(page, SHOP, "shares") == "Σ 1"
    assert text(page, SHOP, "budget_left") == "10,000"  # 60 000 a month less the running experiment's 50 000


def test_typing_a_revenue_is_one_undo_step_and_the_figures_follow(qtbot, page: EconomicsPage) -> None:
    type_into(qtbot, page, SHOP, "revenue", "6000000")
    assert page.document.get(SHOP).economics.revenue == 6_000_000
    assert text(page, SHOP, "settled") == "980,000" and text(page, SHOP, "pool") == "98,000"
    qtbot.waitUntil(lambda: "690,000" in page.totals.lines.text())  # the organisation's result follows
    assert page.undo_stack.count() == 1
    page.undo_stack.undo()
    assert text(page, SHOP, "settled") == "580,000"


def test_a_computed_internal_figure_refuses_typing_and_says_where_the_price_is(qtbot, page: EconomicsPage) -> None:
    hints: list[str] = []
    page.hint.connect(hints.append)
    type_into(qtbot, page, SHOP, "internal_costs", "5")
    assert hints and "prices" in hints[0]
    assert page.document.get(SHOP).economics.internal_costs is None and page.undo_stack.count() == 0


def test_a_new_price_moves_money_in_the_table_the_settlements_and_the_totals(qtbot, page: EconomicsPage) -> None:
    doc = page.document
    doc.apply(changes.update(doc, "prm-046", price=800_000))
    assert text(page, LOGISTICS, "settled") == "100,000" and text(page, SHOP, "settled") == "530,000"
    settlements = page.settlements.table
    qtbot.waitUntil(lambda: settlements.item(0, 2).text() == format_number(800_000))
    assert [settlements.item(0, c).text() for c in (0, 1)] == ["Магазин на Лесной", "Логистика"]
    assert "balances" in page.settlements.balance.text()


def test_typed_internal_figures_that_do_not_balance_are_flagged(qtbot, page: EconomicsPage) -> None:
    doc = page.document
    care = doc.get(CARE)
    doc.apply(changes.update(doc, "prm-049", price=None))
    doc.apply(changes.update(doc, CARE, economics=replace(care.economics, internal_costs=100_000)))
    qtbot.waitUntil(lambda: "differ" in page.settlements.balance.text())
    assert "100,000" in page.settlements.balance.text()


def test_the_management_cost_is_shown_beside_the_methods_one_per_cent(qtbot, page: EconomicsPage) -> None:
    assert "0.99 %" in page.totals.management.text() and "1 %" in page.totals.management.text()
    doc = page.document
    council = doc.get(COUNCIL)
    doc.apply(changes.update(doc, COUNCIL, economics=replace(council.economics, costs=450_000)))
    qtbot.waitUntil(lambda: "4.95 %" in page.totals.management.text())
    assert "#C0392B" in page.totals.management.text()  # far above the reference: shown in red


# ------------------------------------------------------------------ prices and experiments in the workshop tables
def test_a_price_typed_in_the_promise_table_settles_and_a_clients_promise_has_none(qtbot) -> None:
    from tests.test_shell_tables import page_for

    doc = Document(read_json_file(sample_path()))
    table = page_for(qtbot, doc, "promises")
    hints: list[str] = []
    table.hint.connect(hints.append)
    price = table.model.column_of("price")
    internal = table.model.row_of("prm-047")
    assert table.model.setData(table.model.index(internal, price), "400000")
    assert doc.get("prm-047").price == 400_000
    from app import economics as eco

    assert eco.team_money(doc.model)["team-030"].internal_revenue == 400_000
    external = table.model.row_of("prm-043")
    assert not table.model.setData(table.model.index(external, price), "5")
    assert doc.get("prm-043").price is None and hints and "internal promise" in hints[0]


def test_an_experiment_names_the_promise_it_serves_and_what_was_learned(qtbot) -> None:
    from tests.test_shell_tables import page_for

    doc = Document(read_json_file(sample_path()))
    table = page_for(qtbot, doc, "experiments")
    row = table.model.row_of("exp-050")
    cell = table.model.index(row, table.model.column_of("promise"))
    assert cell.data() == "Свежие продукты на полке к открытию"
    assert table.model.setData(cell, None)  # the choice "— no promise —"
    assert doc.get("exp-050").promise is None and cell.data() == "— no promise —"
    learning = table.model.index(row, table.model.column_of("learning"))
    assert table.model.setData(learning, "Выкладка к 07:30 требует второй смены")
    assert doc.get("exp-050").learning == "Выкладка к 07:30 требует второй смены"


def test_a_hidden_page_catches_up_when_shown_again(qtbot, page: EconomicsPage) -> None:
    page.hide()
    doc = page.document
    doc.apply(changes.update(doc, "prm-048", price=900_000))
    qtbot.wait(10)
    page.show()
    qtbot.waitUntil(lambda: page.settlements.table.item(0, 2).text() == format_number(900_000))
    assert page.settlements.table.item(0, 1).text() == "ИТ"
    assert text(page, SHOP, "settled") == "-20,000"  # the shop pays 600 000 more for its tills...
    assert "290,000" in page.totals.lines.text()  # ...and IT earns it: the organisation's result stays


def test_at_1920_by_1080_the_table_shows_every_column_and_the_settlements_their_promises(
        qtbot, page: EconomicsPage) -> None:
    page.resize(1620, 640)  # the page's room in the window at 1920×1080, beside the stages and over the checks
    qtbot.waitUntil(lambda: page.width() == 1620)
    QApplication.processEvents()  # the layouts follow the new size
    table = page.table
    last = page.model.columnCount() - 1
    assert not table.horizontalScrollBar().isVisible()
    assert table.columnViewportPosition(last) + table.columnWidth(last) <= table.viewport().width()
    assert table.columnViewportPosition(last) + table.columnWidth(last) >= table.viewport().width() - 4  # no gap
    basis = page.model.column_of("basis")
    assert table.fontMetrics().horizontalAdvance(text(page, SHOP, "basis")) < table.columnWidth(basis)
    assert page.inspector.visibleRegion().boundingRect().width() <= 0.3 * page.width()  # no big empty panel
    settlements = page.settlements.table
    assert not settlements.horizontalScrollBar().isVisible() and settlements.rowCount() == 4
    for row in range(settlements.rowCount()):
        promises = settlements.item(row, 3).text()
        assert settlements.fontMetrics().horizontalAdvance(promises) < settlements.columnWidth(3)
    for key in (SHOP, CARE):  # the inspector still follows the chosen team
        page.table.select_ids([key])
        assert page.inspector.team_id == key


def test_the_sums_keep_their_figures_whole_when_the_language_changes(qtbot, page: EconomicsPage) -> None:
    from widgets.shell import i18n

    page.resize(1560, 640)  # the page at 1920×1080 beside the wider Russian stages
    qtbot.waitUntil(lambda: page.width() == 1560)
    translations = i18n.Translations()
    try:
        translations.apply("ru")
        qtbot.waitUntil(lambda: any("Итого" in label.text() for label in page.totals.findChildren(QLabel)))
        qtbot.waitUntil(  # then the sums get their new width: «1 050 000 RUB» whole
            lambda: page.totals_area.viewport().width() >= page.totals.minimumSizeHint().width())
        qtbot.waitUntil(lambda: not page.totals_area.horizontalScrollBar().isVisible())
    finally:
        translations.clear()


def test_on_a_1280_by_720_projector_the_sums_show_every_figure_whole(qtbot, page: EconomicsPage) -> None:
    """The page's room at 1280×720 beside the stages and over the checks: the sums are not cut to «29» of
    «290,000 RUB», and the settlements and the inspector keep a place beside them."""
    page.resize(980, 470)
    qtbot.waitUntil(lambda: page.width() == 980)
    page.fit_bottom()
    QApplication.processEvents()
    lines = page.totals.lines
    assert not page.totals_area.horizontalScrollBar().isVisible()
    assert page.totals_area.viewport().width() >= lines.sizeHint().width()
    assert page.settlements.width() >= 250 and page.inspector_area.width() >= page.inspector.minimumWidth()
    page.bottom.moveSplitter(60, 1)  # dragging the handle to the left does not cut them either
    QApplication.processEvents()
    assert page.totals_area.viewport().width() >= lines.sizeHint().width()


def test_in_russian_a_cost_centres_figure_is_shown_whole(qtbot, page: EconomicsPage) -> None:
    """«центр затрат  -670 000» was cut to «центр затрат -670 …» in a 1600-pixel window beside the Russian stages:
    a figure is never elided."""
    from widgets.shell import i18n

    page.resize(1255, 640)  # the page in a 1600-pixel window beside the Russian stages
    qtbot.waitUntil(lambda: page.width() == 1255)
    translations = i18n.Translations()
    try:
        translations.apply("ru")
        qtbot.waitUntil(lambda: text(page, CARE, "settled").startswith("центр затрат"))
        QApplication.processEvents()
        column = page.model.column_of("settled")
        shown = text(page, CARE, "settled")
        font = page.table.font()
        font.setBold(True)
        needed = QFontMetrics(font).horizontalAdvance(shown) + 8
        assert needed <= page.table.columnWidth(column), shown
        assert needed <= page.model.columns[column].width, "not even when the columns get no spare width"
    finally:
        translations.clear()
