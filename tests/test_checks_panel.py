"""The checks panel: grouped by code under human titles with counts, errors first, findings wrapped, fast when large."""

from __future__ import annotations

import time
from typing import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QWidget

from app import changes
from app import model as m
from app.checks import CODES
from app.document import Document
from app.generate import generate_workshop
from tests.session_support import double_click as real_double_click
from widgets.shell import checks_panel as cp
from widgets.shell.checks_panel import CODE_ROLE, COUNT_ROLE, FINDING_ROLE, ChecksPanel
from widgets.shell.i18n import Translations

LONG = ("Свежий хлеб из собственной пекарни на полке к семи утра каждый день, включая праздники и выходные дни "
        "после переучёта")


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    translations = Translations()
    translations.apply("en")
    yield translations
    translations.clear()


def bakery_chain(teams_without_indicator: int = 30) -> m.Workshop:
    """Errors, warnings and hints of several codes; one team and one promise without a name; many hints of one
    code; ids spelled like the sample's ("team-032"), so that a leaked id would show."""
    indicator = m.Indicator(name="Полки к 8:00")
    teams = [m.Team("team-001", "Пекарня", "client_facing", lead="Анна", indicator=indicator),
             m.Team("team-002", "Логистика", "service", lead="Борис", indicator=indicator),
             m.Team("team-032", "", "service", lead="Вера", indicator=indicator),
             m.Team("team-003", "Касса", "client_facing", lead="Глеб", indicator=indicator)]
    teams += [m.Team(f"team-{100 + n}", f"Совет №{n}", "council", lead="Дина") for n in range(teams_without_indicator)]
    return m.Workshop(
        info=m.WorkshopInfo(title="Сеть пекарен"),  # no evolutionary goal: a hint
        segments=[m.Segment("seg-001", "Семьи")],
        teams=teams,
        links=[m.Link("lnk-001", "team-001", "seg-001"), m.Link("lnk-002", "team-002", "team-001")],
        promises=[
            m.Promise("prm-001", "team-001", "seg-001", LONG, metric="доля", status="accepted",
                      authorities=(m.Grant("Менять график печи", False),)),
            m.Promise("prm-002", "team-032", "team-001", "", status="draft"),
        ],
    )


def make_panel(qtbot, workshop: m.Workshop, size: tuple[int, int] = (900, 420)) -> ChecksPanel:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    panel.bind(Document(workshop))
    panel.recompute()
    qtbot.wait(1)
    return panel


def group_rows(panel: ChecksPanel) -> list[QModelIndex]:
    model = panel.view.model()
    return [model.index(row, 0) for row in range(model.rowCount())]


def children(panel: ChecksPanel, group: QModelIndex) -> list[QModelIndex]:
    model = panel.view.model()
    return [model.index(row, 0, group) for row in range(model.rowCount(group))]


def group_of(panel: ChecksPanel, code: str) -> QModelIndex:
    return next(g for g in group_rows(panel) if g.data(CODE_ROLE) == code)


def double_click(qtbot, panel: ChecksPanel, index: QModelIndex) -> None:
    view = panel.view
    view.scrollTo(index)
    where = view.visualRect(index).center()
    real_double_click(qtbot, view.viewport(), where)


def test_groups_run_errors_then_warnings_then_hints_each_under_its_title_with_its_count(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain())
    groups = group_rows(panel)
    severities = [g.data(cp.SEVERITY_ROLE) for g in groups]
    assert severities == sorted(severities, key=("error", "warning", "hint").index)
    assert severities[0] == "error" and severities[-1] == "hint"
    tops = [panel.view.visualRect(g).top() for g in groups]
    assert tops == sorted(tops), "on screen in the same order"
    counts = {g.data(CODE_ROLE): g.data(COUNT_ROLE) for g in groups}
    assert counts == {code: sum(f.code == code for f in panel.findings) for code in counts}
    assert counts["team-no-indicator"] == 30
    assert group_of(panel, "team-no-indicator").data() == "Teams without a success indicator"
    assert group_of(panel, "promise-unempowered").data() == "Accepted promises without the authorities or resources"


def test_a_large_group_starts_as_one_line_with_its_count_and_a_double_click_opens_it(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain())
    view = panel.view
    big, small = group_of(panel, "team-no-indicator"), group_of(panel, "promise-unempowered")
    assert not view.isExpanded(big) and view.isExpanded(small)
    below = view.indexAt(view.visualRect(big).center() + QPoint(0, view.visualRect(big).height()))
    assert not below.parent().isValid(), "the next line is another group, not one of the 30 findings"
    double_click(qtbot, panel, big)
    assert view.isExpanded(big)
    first = children(panel, big)[0]
    assert view.visualRect(first).isValid() and view.visualRect(first).top() > view.visualRect(big).top()
    view.setCurrentIndex(big)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter on a group folds it again
    assert not view.isExpanded(big)


def test_double_clicking_a_finding_goes_to_it_and_a_group_goes_nowhere(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain())
    activated: list = []
    panel.finding_activated.connect(activated.append)
    double_click(qtbot, panel, group_of(panel, "promise-unempowered"))
    assert activated == []
    finding = children(panel, group_of(panel, "promise-no-metric"))[0]
    double_click(qtbot, panel, finding)
    assert [f.ids for f in activated] == [("prm-002",)]


def test_a_long_finding_is_wrapped_on_several_lines_not_cut(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain(), size=(420, 600))
    view = panel.view
    index = children(panel, group_of(panel, "promise-unempowered"))[0]
    text = index.data()
    assert LONG[:40] in text
    rect = view.visualRect(index)
    lines = QFontMetrics(view.font()).lineSpacing()
    assert rect.height() >= 3 * lines, "three lines or more at this width, not one cut line"
    assert rect.right() <= view.viewport().width() and view.horizontalScrollBar().maximum() == 0
    needed = QFontMetrics(view.font()).boundingRect(0, 0, rect.width() - 2 * cp.PAD_X, 10_000,
                                                    int(Qt.TextFlag.TextWordWrap), text)
    assert needed.height() <= rect.height() - 2 * cp.PAD_Y + 1, "the row holds the whole wrapped text"
    picture = view.viewport().grab(rect).toImage()
    last_line = [picture.pixelColor(x, y) for y in range(picture.height() - lines - cp.PAD_Y, picture.height())
                 for x in range(picture.width())]
    assert any(c.lightness() < 128 for c in last_line), "the end of the text is drawn on the last line"
    panel.resize(1400, 600)  # wider: fewer lines
    qtbot.waitUntil(lambda: view.visualRect(index).height() < rect.height())


def test_no_finding_shows_an_id_or_a_code_and_an_unnamed_object_is_named_in_words(qtbot, english) -> None:
    workshop = bakery_chain()
    panel = make_panel(qtbot, workshop)
    view = panel.view
    for group in group_rows(panel):
        view.expand(group)
    shown = [(i.data(), i.data(Qt.ItemDataRole.ToolTipRole)) for g in group_rows(panel)
             for i in (g, *children(panel, g))]
    ids = {o.id for o in (*workshop.teams, *workshop.segments, *workshop.promises, *workshop.links)}
    leaked = [text for pair in shown for text in pair for word in (*ids, *CODES) if word in text]
    assert leaked == []
    unnamed = [i.data() for i in children(panel, group_of(panel, "promise-no-metric"))]
    assert unnamed == ['Promise "(no text)" from "(no name)" has no metric']


def test_the_severity_buttons_hide_and_show_their_groups_and_keep_what_was_opened(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain())
    view = panel.view
    double_click(qtbot, panel, group_of(panel, "team-no-indicator"))
    hints = panel.buttons["hint"]
    assert hints.text() == "33 hints"
    qtbot.mouseClick(hints, Qt.MouseButton.LeftButton)
    assert {g.data(cp.SEVERITY_ROLE) for g in group_rows(panel)} == {"error", "warning"}
    qtbot.mouseClick(hints, Qt.MouseButton.LeftButton)
    assert "hint" in {g.data(cp.SEVERITY_ROLE) for g in group_rows(panel)}
    assert view.isExpanded(group_of(panel, "team-no-indicator")), "opened by the user, it stays open"


def test_an_edit_keeps_the_folded_groups_and_the_current_finding(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain())
    view = panel.view
    double_click(qtbot, panel, group_of(panel, "promise-unempowered"))  # the user folds a small group
    assert not view.isExpanded(group_of(panel, "promise-unempowered"))
    finding = children(panel, group_of(panel, "promise-no-metric"))[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(finding).center())
    doc = panel.document
    doc.apply(changes.update(doc, "team-101", indicator=m.Indicator(name="Выручка")))
    qtbot.waitUntil(lambda: group_of(panel, "team-no-indicator").data(COUNT_ROLE) == 29)
    assert not view.isExpanded(group_of(panel, "promise-unempowered"))
    assert view.currentIndex().data(FINDING_ROLE).ids == ("prm-002",)


def test_no_findings_says_so(qtbot, english) -> None:
    workshop = m.Workshop(info=m.WorkshopInfo(title="Пусто", evolutionary_goal="Свежий хлеб каждому"))
    panel = make_panel(qtbot, workshop)
    assert panel.view.model().rowCount() == 0 and panel.view.empty_text == "✓  No findings"
    picture = panel.view.viewport().grab().toImage()
    assert any(picture.pixelColor(x, y) != QColor(picture.pixelColor(0, 0)) for x in range(0, 200)
               for y in range(0, 30)), "the message is drawn"


class CountingDelegate(cp.FindingsDelegate):
    """The panel's delegate, counting the rows it measures."""

    measured = 0

    def sizeHint(self, option, index):  # noqa: ANN001, ANN201
        CountingDelegate.measured += 1
        return super().sizeHint(option, index)


def test_a_large_workshop_is_grouped_at_once_and_only_the_rows_on_screen_are_measured(qtbot, english) -> None:
    workshop = generate_workshop(teams=500, promises=3000)
    for team in workshop.teams:  # the last group stays the small open one it was before version 2's checks
        team.motivation = m.Motivation()
    started = time.perf_counter()
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.view.setItemDelegate(CountingDelegate(panel.view))
    panel.resize(1200, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.bind(Document(workshop))
    panel.recompute()
    panel.view.viewport().grab()
    took = time.perf_counter() - started
    assert len(panel.findings) > 3000
    groups = group_rows(panel)
    assert len(groups) == len({f.code for f in panel.findings}) < 13, "one line per code, not per finding"
    assert all(not panel.view.isExpanded(g) for g in groups if g.data(COUNT_ROLE) > cp.OPEN_UP_TO)
    assert panel.view.viewport().findChildren(QWidget) == [], "no widget per row"
    assert took < 3, f"{took:.2f} s to check and show {len(panel.findings)} findings"
    CountingDelegate.measured = 0
    biggest = max(groups, key=lambda g: g.data(COUNT_ROLE))
    double_click(qtbot, panel, biggest)
    panel.view.viewport().grab()
    assert panel.view.isExpanded(biggest) and biggest.data(COUNT_ROLE) > 2000
    assert CountingDelegate.measured < 400, f"{CountingDelegate.measured} rows measured to open a group"
    started = time.perf_counter()
    qtbot.keyClick(panel.view, Qt.Key.Key_End)  # Qt measures every row above the last one here, once
    panel.view.viewport().grab()
    took = time.perf_counter() - started
    last = children(panel, groups[-1])[-1]  # past the 2,894 findings of the open group
    assert panel.view.currentIndex() == last and panel.view.viewport().rect().contains(panel.view.visualRect(last))
    assert took < 2, f"{took:.2f} s to reach the last of {biggest.data(COUNT_ROLE)} findings"


def test_an_unnamed_factor_in_a_list_of_names_is_named_in_words(qtbot, english) -> None:
    factors = [m.Factor("fac-001", "Цена"), m.Factor("fac-002", "  ")]
    canvas = m.Canvas("cnv-001", "Канва", factors=factors, curves=[m.Curve("crv-001", "Мы сейчас", "as_is")])
    panel = make_panel(qtbot, m.Workshop(canvases=[canvas]))
    unscored = children(panel, group_of(panel, "curve-unscored"))[0].data()
    assert unscored == 'Curve "Мы сейчас" on canvas "Канва" has no level for "Цена", "(no name)"'


def test_larger_text_gives_taller_rows_still_holding_the_whole_finding(qtbot, english) -> None:
    panel = make_panel(qtbot, bakery_chain(), size=(600, 600))
    view = panel.view
    index = children(panel, group_of(panel, "promise-unempowered"))[0]
    before = view.visualRect(index).height()
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    panel.setFont(font)  # as the text size for a projector does
    qtbot.waitUntil(lambda: view.visualRect(index).height() > before * 1.4)
    rect = view.visualRect(index)
    needed = QFontMetrics(view.font()).boundingRect(0, 0, rect.width() - 2 * cp.PAD_X, 10_000,
                                                    int(Qt.TextFlag.TextWordWrap), index.data())
    assert needed.height() <= rect.height() - 2 * cp.PAD_Y + 1


def test_shares_of_a_bonus_pool_not_adding_up_show_under_their_title_and_go_when_mended(qtbot, english) -> None:
    workshop = bakery_chain(teams_without_indicator=0)
    workshop.teams[0].motivation = m.Motivation("margin", 10.0, (m.Share("Анна", 0.5), m.Share("Глеб", 0.3)))
    panel = make_panel(qtbot, workshop)
    group = group_of(panel, "motivation-shares")
    assert (group.data(), group.data(cp.SEVERITY_ROLE)) == (
        "Bonus pools whose members' shares do not add up to 1", "warning")
    [row] = children(panel, group)
    assert row.data() == 'Members\' shares of the bonus pool of team "Пекарня" add up to 0.8, not 1'
    activated: list = []
    panel.finding_activated.connect(activated.append)
    double_click(qtbot, panel, row)
    assert [f.ids for f in activated] == [("team-001",)]
    doc = panel.document
    doc.apply(changes.update(doc, "team-001", motivation=m.Motivation(
        "margin", 10.0, (m.Share("Анна", 0.7), m.Share("Глеб", 0.3)))))
    qtbot.waitUntil(lambda: all(g.data(CODE_ROLE) != "motivation-shares" for g in group_rows(panel)))
