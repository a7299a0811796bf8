"""Emoji in the user's words are drawn as glyphs (the bundled Symbola when the system has no emoji font)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app import changes
from tests.test_shell_dialogs import bakery_window, english_translations
from widgets.base.emoji_font import ROCKET, glyph_fonts
from widgets.base.undo import push_edit
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow

ROCKET_NAME = f"{chr(ROCKET)} Запуск"


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    yield from english_translations()


@pytest.fixture
def window(qtbot, tmp_path: Path, english: Translations) -> Iterator[MainWindow]:
    yield from bakery_window(qtbot, tmp_path, english)


def test_a_rocket_in_a_team_name_is_drawn_as_a_glyph_in_the_table_and_the_header(qtbot, window: MainWindow) -> None:
    doc = window.document
    team = doc.model.teams[0]
    assert push_edit(window.undo_stack, doc, changes.update(doc, team.id, name=ROCKET_NAME)) is None
    assert push_edit(window.undo_stack, doc, changes.update(doc, "", title=ROCKET_NAME)) is None
    page = window.workspace.show_table("teams")
    row = next(r for r in range(page.model.rowCount()) if page.model.id_at(r) == team.id)
    index = page.table.proxy.mapFromSource(page.model.index(row, page.model.column_of("name")))
    assert index.data() == ROCKET_NAME
    option_font = page.table.font()
    rocket_runs = glyph_fonts(chr(ROCKET), option_font)
    assert rocket_runs and all(found for _family, found in rocket_runs), rocket_runs
    assert all(found for _family, found in glyph_fonts(ROCKET_NAME, window.workspace.title_label.font()))
    picture = page.table.viewport().grab()  # the row is painted without a failure
    assert not picture.isNull()


def test_the_font_that_draws_the_rocket_covers_u1f680(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QRawFont, QTextLayout

    layout = QTextLayout(chr(ROCKET), QApplication.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    raws: list[QRawFont] = [run.rawFont() for run in layout.glyphRuns()]
    assert raws and all(raw.supportsCharacter(ROCKET) for raw in raws), [raw.familyName() for raw in raws]
