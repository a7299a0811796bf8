"""The motivation inspector: choosing a team, its basis, percent and pool, members' shares in money, one undo each."""

from __future__ import annotations

from typing import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from app import model as m
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from widgets.economics.motivation_inspector import MONEY, SHARE
from widgets.economics.page import EconomicsPage

SHOP, DELIVERY, COUNCIL = "team-025", "team-026", "team-032"


@pytest.fixture
def page(qtbot) -> Iterator[EconomicsPage]:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    document = Document(read_json_file(sample_path()))
    stack = QUndoStack()
    shown = EconomicsPage(document, stack)
    shown.undo_stack = stack
    qtbot.addWidget(shown)
    shown.resize(1600, 900)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QLocale.setDefault(QLocale.c())


def click_team(qtbot, page: EconomicsPage, team_id: str) -> None:
    view = page.table
    rect = view.visualRect(view.proxy_index(team_id, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def shares(page: EconomicsPage, team_id: str) -> list[tuple[str, float]]:
    return [(s.member, s.share) for s in page.document.get(team_id).motivation.shares]


def test_clicking_a_team_shows_its_pool_and_each_members_money(qtbot, page: EconomicsPage) -> None:
    inspector = page.inspector
    assert not inspector.body.isVisible()  # nothing selected yet: a placeholder
    click_team(qtbot, page, SHOP)
    assert inspector.heading.text() == "Motivation: Магазин на Лесной"
    assert inspector.pool.text() == "Bonus pool: 58,000 RUB a month"
    rows = [[inspector.shares.item(r, c).text() for c in range(3)] for r in range(inspector.shares.rowCount())]
    assert rows == [["Мария Лебедева", "40", "23,200"], ["Пётр Орлов", "30", "17,400"],
                    ["Дина Юсупова", "30", "17,400"]]
    assert inspector.total.text() == "✓ Shares add up to 100 %"


def test_typing_a_percent_is_one_edit_and_the_table_follows(qtbot, page: EconomicsPage) -> None:
    click_team(qtbot, page, SHOP)
    field = page.inspector.percent
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "20")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert page.document.get(SHOP).motivation.percent == 20
    assert page.undo_stack.count() == 1
    assert page.table.proxy_index(SHOP, page.model.column_of("pool")).data() == "116,000"
    qtbot.waitUntil(lambda: page.inspector.pool.text() == "Bonus pool: 116,000 RUB a month")
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: page.inspector.percent.text() == "10" or page.inspector.percent.hasFocus())
    assert page.document.get(SHOP).motivation.percent == 10


def test_a_share_typed_in_the_table_that_breaks_the_sum_is_flagged(qtbot, page: EconomicsPage) -> None:
    click_team(qtbot, page, SHOP)
    table = page.inspector.shares
    table.setFocus()
    table.setCurrentCell(1, SHARE)
    qtbot.keyClick(table, Qt.Key.Key_2)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shares(page, SHOP)[1] == ("Пётр Орлов", 0.02))
    assert page.undo_stack.count() == 1
    total = page.inspector.total
    qtbot.waitUntil(lambda: total.text() == "⚠ Shares add up to 72 %, not 100 %")
    assert "#C0392B" in total.styleSheet() and total.isVisible()
    assert page.table.proxy_index(SHOP, page.model.column_of("shares")).data() == "Σ 0.72 ⚠"
    assert table.state() != QAbstractItemView.State.EditingState
    assert table.item(1, MONEY).text() == "1,160"
    page.undo_stack.undo()
    qtbot.waitUntil(lambda: total.text() == "✓ Shares add up to 100 %")


def test_share_equally_and_add_member_are_one_edit_each(qtbot, page: EconomicsPage) -> None:
    click_team(qtbot, page, DELIVERY)
    qtbot.mouseClick(page.inspector.equal_button, Qt.MouseButton.LeftButton)
    assert shares(page, DELIVERY) == [("Артём Власов", 0.5), ("Роман Гусев", 0.5)]
    doc = page.document
    team = doc.get(DELIVERY)
    from app import changes

    doc.apply(changes.update(doc, DELIVERY, members=(*team.members, "Нина Котова")))
    qtbot.waitUntil(lambda: "Нина Котова" in page.inspector.unshared.text())
    assert page.inspector.unshared.isVisible()
    qtbot.mouseClick(page.inspector.add_button, Qt.MouseButton.LeftButton)
    assert shares(page, DELIVERY)[-1] == ("Нина Котова", 0.0)
    assert page.undo_stack.count() == 2
    page.undo_stack.undo()
    page.undo_stack.undo()
    assert shares(page, DELIVERY) == [("Артём Власов", 0.6), ("Роман Гусев", 0.4)]


def test_the_councils_pool_rests_on_the_whole_organisation(qtbot, page: EconomicsPage) -> None:
    click_team(qtbot, page, COUNCIL)
    assert "whole organisation" in page.inspector.basis_note.text()
    assert page.inspector.pool.text() == "Bonus pool: 8,700 RUB a month"  # 3 % of the result, 290 000


def test_choosing_a_basis_is_one_edit(qtbot, page: EconomicsPage) -> None:
    click_team(qtbot, page, SHOP)
    box = page.inspector.basis
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)  # margin → revenue
    assert page.document.get(SHOP).motivation.basis == "revenue"
    assert page.undo_stack.count() == 1
    qtbot.waitUntil(lambda: page.inspector.pool.text() == "Bonus pool: 560,000 RUB a month")


def test_a_team_without_motivation_gets_one_from_its_first_percent(qtbot, page: EconomicsPage) -> None:
    doc = page.document
    from app import changes

    doc.apply(changes.update(doc, SHOP, motivation=None))
    click_team(qtbot, page, SHOP)
    assert page.inspector.total.text().startswith("No shares yet")
    field = page.inspector.percent
    field.setFocus()
    qtbot.keyClicks(field, "5")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert doc.get(SHOP).motivation == m.Motivation("margin", 5)


def test_the_inspector_says_when_running_experiments_overspend_the_budget_without_approval(
        qtbot, page: EconomicsPage) -> None:
    from app import changes

    inspector = page.inspector
    click_team(qtbot, page, SHOP)
    assert inspector.experiments.isVisible()
    assert inspector.experiments.text() == (
        "Experiments without approval: running ones spend 50,000 of 60,000 RUB a month")
    doc = page.document
    doc.apply(changes.insert(doc, m.Experiment("exp-x", SHOP, "Доставка за час удержит семьи", budget=30000.0,
                                               status="running")))
    qtbot.waitUntil(lambda: inspector.experiments.text().startswith("⚠"))
    assert inspector.experiments.text() == ("⚠ Running experiments spend 80,000 RUB a month, 20,000 RUB over the "
                                            "budget of 60,000 RUB for experiments without approval")
    click_team(qtbot, page, COUNCIL)  # no budget for experiments: nothing said
    assert not inspector.experiments.isVisible()
