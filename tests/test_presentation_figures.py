"""F5 tells the figures too («прозрачность в цифрах»): the exported deck's dashboard slides, at the deck's place (after
the diagrams, before the findings), cut alike, following readings edited while presenting and the app's language."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QScrollBar

from app import changes
from app import model as m
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from exports import export_pptx
from tests import test_presentation_language as language
from tests.test_exports_one_story import deck_titles
from tests.test_presentation import close, page_to, press
from widgets.base.undo import push_edit
from widgets.presentation import PresentationWindow, theme
from widgets.presentation.figures_page import row_count_fits

DASHBOARD = "Дашборд: прозрачность в цифрах"
translations = language.translations  # the fixture: switched by the test, English and the locale back after it
settle = language.settle


def present(doc: Document, size: tuple[int, int] = (1920, 1080)) -> PresentationWindow:
    """The presentation of `doc` shown at `size`, opened with F5's window on its first page."""
    window = PresentationWindow(doc, QUndoStack())
    window.resize(*size)
    window.show()
    window.activateWindow()
    settle()
    return window


def sample() -> Document:
    return Document(read_json_file(sample_path()))


def turn_to(window: PresentationWindow, title: str) -> None:
    """Press Right until the page titled `title` shows (the footer's page name ends with it)."""
    for _ in range(60):
        if window.story.page.title_label.text() == title:
            return
        press(window, Qt.Key.Key_Right)
        settle()
    raise AssertionError(f"no page titled {title!r}: {window.story.titles()}")


def row_of(window: PresentationWindow, first: str) -> list[str]:
    """The cells of the table row that starts with `first`, as drawn."""
    rows = window.story.page.table.shown_rows()
    return next(row for row in rows if row and row[0] == first)


def test_the_figures_come_after_the_map_and_before_the_findings_as_in_the_deck(translations, tmp_path: Path) -> None:
    translations.apply("ru")
    doc = sample()
    assert len(doc.model.readings) == 45
    deck = tmp_path / "d.pptx"
    export_pptx(doc.model, deck)
    slides = deck_titles(deck)
    window = present(doc)
    try:
        kinds = [s.kind for s in window.story.steps]
        assert kinds[-6:] == ["promises", "figures", "figures", "figures", "figures", "findings"]
        figures = [s.title(doc.model) for s in window.story.steps if s.kind == "figures"]
        shown = [t for t in slides if t.startswith(DASHBOARD)]
        assert figures == shown  # the deck's dashboard slides, titled alike, in its order
        assert slides.index(shown[0]) > slides.index("Карта обещаний")  # the deck has them after the map too
        page_to(window, "figures")
        assert window.story.page.eyebrow.text() in ("Прозрачность в цифрах", "Transparency in figures")
        assert window.story.page.title_label.text() == "Вся организация: 87\u00a0% выполнено"
        assert row_of(window, "Логистика")[1:] == ["0", "2", "0", "0\u00a0%"]
        press(window, Qt.Key.Key_End)
        assert window.story.step.kind == "findings"
        press(window, Qt.Key.Key_Escape)  # leaves the presentation
        settle()
    finally:
        close(window)


def test_the_teams_indicators_show_their_latest_figures(translations) -> None:
    translations.apply("ru")
    window = present(sample())
    try:
        turn_to(window, "Показатели успеха команд")
        logistics = row_of(window, "Логистика")
        assert logistics[3].endswith("93%") and logistics[4] == "✕ нарушено"  # the latest figure, not met
        assert row_of(window, "Доставка")[3].endswith("97%") and row_of(window, "Доставка")[4] == "✓ выполнено"
        assert "Кто → кому".upper() in [h.upper() for h in window.story.page.table.header]
        press(window, Qt.Key.Key_Right)
        assert window.story.step.kind == "findings"
        press(window, Qt.Key.Key_Escape)
        settle()
    finally:
        close(window)


def test_a_workshop_without_readings_has_no_figures_page(qtbot) -> None:
    doc = Document(dataclasses.replace(read_json_file(sample_path()), readings=[]))
    window = present(doc)
    try:
        assert [s.kind for s in window.story.steps][-3:] == ["structure", "promises", "findings"]
        page_to(window, "findings")
        press(window, Qt.Key.Key_Left)
        assert window.story.step.kind == "promises"
    finally:
        close(window)


def test_a_reading_edited_while_presenting_shows_at_once(translations) -> None:
    translations.apply("ru")
    doc = sample()
    stack = QUndoStack()
    window = PresentationWindow(doc, stack)
    window.resize(1920, 1080)
    window.show()
    settle()
    try:
        turn_to(window, "Показатели успеха команд")
        logistics = next(t.id for t in doc.model.teams if t.name == "Логистика")
        latest = max((x for x in doc.model.readings if x.of == logistics), key=lambda x: x.period)
        push_edit(stack, doc, changes.update(doc, latest.id, value="99%", met=True))
        settle()
        assert row_of(window, "Логистика")[3].endswith("→ 99%") and row_of(window, "Логистика")[4] == "✓ выполнено"
        stack.undo()
        settle()
        assert row_of(window, "Логистика")[4] == "✕ нарушено"
        press(window, Qt.Key.Key_Home)
        assert window.story.step.kind == "goal"
    finally:
        close(window)


def test_the_first_reading_typed_while_presenting_adds_the_figures(translations) -> None:
    translations.apply("ru")
    doc = Document(dataclasses.replace(read_json_file(sample_path()), readings=[]))
    stack = QUndoStack()
    window = PresentationWindow(doc, stack)
    window.resize(1920, 1080)
    window.show()
    settle()
    try:
        page_to(window, "findings")
        team = doc.model.teams[0]
        push_edit(stack, doc, changes.insert(doc, m.Reading("rdg-new", team.id, "2026-11", "71%", True)))
        settle()
        assert window.story.step.kind == "findings"  # the page shown stays
        press(window, Qt.Key.Key_Left)
        assert window.story.step.kind == "figures" and window.story.page.title_label.text() == \
            "Показатели успеха команд"
        assert row_of(window, team.name)[3:] == ["71%", "✓ выполнено"]
        stack.undo()
        settle()
        assert "figures" not in [s.kind for s in window.story.steps] and window.story.step.kind != "figures"
    finally:
        close(window)


def test_the_figures_speak_the_apps_language(translations) -> None:
    translations.apply("en")
    window = present(sample())
    try:
        turn_to(window, "Success indicators of teams")
        assert row_of(window, "Логистика")[4] == "✕ broken"  # the team's name is the workshop's own
        assert window.story.page.title() == "Dashboard: transparency in figures: success indicators of teams"
        translations.apply("ru")
        settle()
        page = window.story.page
        assert page.title_label.text() == "Показатели успеха команд" and row_of(window, "Логистика")[4] == "✕ нарушено"
        assert window.footer.where.text().endswith("Дашборд: прозрачность в цифрах: показатели успеха команд")
    finally:
        close(window)


def many_readings(teams: int) -> m.Workshop:
    """The sample with `teams` more teams, each with an indicator and a reading: tables the deck cuts in two."""
    w = read_json_file(sample_path())
    extra = [m.Team(f"tm-x{n}", f"Команда {n}", indicator=m.Indicator("Доля заказов вовремя", "95%"))
             for n in range(teams)]
    readings = [m.Reading(f"rdg-x{n}", t.id, "2026-11", f"{90 + n % 9}%", n % 3 != 0) for n, t in enumerate(extra)]
    return dataclasses.replace(w, teams=[*w.teams, *extra], readings=[*w.readings, *readings])


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_a_long_table_takes_numbered_pages_that_fit_the_screen(translations, size) -> None:
    translations.apply("ru")
    window = present(Document(many_readings(20)), size)
    try:
        figures = [s for s in window.story.steps if s.kind == "figures"]
        titles = [s.title(window.document.model) for s in figures]
        assert f"{DASHBOARD} (1/2)" in titles and f"{DASHBOARD}: показатели успеха команд (2/2)" in titles
        page_to(window, "figures")
        sizes: dict[str, set[float]] = {}
        for _ in figures:
            page = window.story.page
            assert page.table.rows and row_count_fits(page.table), page.title()
            assert page.table.type_px() >= theme.CHART_TICK_PX * page.scale - 0.01  # as large as the charts' ticks
            assert not [bar for bar in page.findChildren(QScrollBar) if bar.isVisible()]
            sizes.setdefault(page.title().partition(" (")[0], set()).add(page.table.type_px())
            press(window, Qt.Key.Key_Right)
        assert window.story.step.kind == "findings"
        assert all(len(found) == 1 for found in sizes.values()), sizes  # «(1/2)» and «(2/2)» in one size
    finally:
        close(window)


def test_the_names_of_the_tallies_columns_stand_over_their_figures(translations) -> None:
    """Counts are right-aligned: their column names are too (they stood left, far from the figures)."""
    translations.apply("ru")
    window = present(sample(), (1280, 720))
    try:
        page_to(window, "figures")  # the first figures page: the tallies
        head, rows, _heights, _head_h = window.story.page.table.layout_at(28, 8)
        assert [h.right for h in head] == [False, True, True, True, True]
        assert all(row[1].right for row in rows) and not rows[0][0].right
    finally:
        close(window)
