"""A group of thousands of findings opened in the checks panel: a click deep in it and the End key select at once,
without Qt measuring every wrapped finding between the one selected before and those shown."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest

from app.document import Document
from app.generate import generate_workshop
from tests.session_support import double_click
from widgets.shell import checks_panel as cp
from widgets.shell.checks_panel import COUNT_ROLE, FINDING_ROLE, ChecksPanel


class CountingDelegate(cp.FindingsDelegate):
    """The panel's delegate, counting the rows it measures (each a wrapped text laid out: what made a click cost a
    second)."""

    def __init__(self, view) -> None:  # noqa: ANN001
        super().__init__(view)
        self.measured = 0

    def sizeHint(self, option, index):  # noqa: ANN001, ANN201, N802
        self.measured += 1
        return super().sizeHint(option, index)


def click(view, index: QModelIndex) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def test_a_click_deep_in_a_group_of_thousands_and_the_end_key_measure_only_the_rows_in_sight(
        qtbot, english) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.bind(Document(generate_workshop(teams=300, promises=3000, links=200, canvases=0, seed=3)))
    panel.recompute()
    view, model = panel.view, panel.view.model()
    delegate = CountingDelegate(view)
    view.setItemDelegate(delegate)
    group = max((model.index(r, 0) for r in range(model.rowCount())), key=lambda g: g.data(COUNT_ROLE))
    count = group.data(COUNT_ROLE)
    assert count > 2000 and not view.isExpanded(group)  # a large group starts closed
    double_click(qtbot, view.viewport(), view.visualRect(group).center())
    assert view.isExpanded(group)
    near_top = model.index(3, 0, group)
    click(view, near_top)
    assert view.selectionModel().selectedIndexes() == [near_top]
    middle = model.index(count // 2, 0, group)
    view.scrollTo(middle)
    qtbot.wait(1)
    delegate.measured = 0
    click(view, middle)  # the finding selected before is far above, out of sight
    assert view.selectionModel().selectedIndexes() == [middle] and view.currentIndex() == middle
    assert delegate.measured < 200, "only the rows in sight are measured, not the thousand rows between"
    finding = middle.data(FINDING_ROLE)
    activated: list[object] = []
    panel.finding_activated.connect(activated.append)
    QTest.keyClick(view, Qt.Key.Key_Return)  # goes to it
    assert activated == [finding]
    delegate.measured = 0
    QTest.keyClick(view, Qt.Key.Key_End)  # to the tree's last row, thousands of findings below
    last = model.index(model.rowCount() - 1, 0)
    assert view.currentIndex() == last and view.selectionModel().selectedIndexes() == [last]
    assert view.visualRect(last).intersects(view.viewport().rect())
    # The rows below never laid out yet may be measured once (Qt needs their heights to place the last row; a
    # layout put off until now does it, depending on the machine's load), never the thousands above as well.
    assert delegate.measured < count - count // 2 + 200
