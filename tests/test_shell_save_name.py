"""Save As and exports suggest a file name that every system accepts (Windows refuses «: / \\ * ? " < > |»)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app import changes
from widgets.base.undo import push_edit
from widgets.shell.files import safe_file_stem
from widgets.shell.main_window import MainWindow

WINDOWS_REFUSES = set(':/\\*?"<>|')


@pytest.fixture
def suggested(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The file names the save dialogs suggest (each dialog is cancelled)."""
    names: list[str] = []

    def ask(_parent, _title, start, _filter):
        names.append(Path(start).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return names


def test_save_as_suggests_a_name_without_characters_windows_refuses(qtbot, window: MainWindow,
                                                                   suggested: list[str]) -> None:
    window.new_workshop()
    push_edit(window.undo_stack, window.document,
              changes.update(window.document, "", title='Стратегия: 2026/27 <черновик> "A|B" * ? \\ 10:30'))
    window.menus["save_as"].trigger()
    assert suggested, "the Save As dialog was not asked"
    name = suggested[-1]
    assert not WINDOWS_REFUSES & set(name), name
    assert name == "Стратегия - 2026-27 черновик A-B - 10-30.clientocracy"


def test_exports_suggest_a_safe_name_too(qtbot, window: MainWindow, suggested: list[str]) -> None:
    window.new_workshop()
    push_edit(window.undo_stack, window.document, changes.update(window.document, "", title="Q1: план?"))
    action = next(a for key, a in window.menus.actions.items() if key.startswith("export_") and a.isEnabled()
                  and a.isVisible() and "png" not in key)
    action.trigger()
    assert suggested and not WINDOWS_REFUSES & set(suggested[-1]) and suggested[-1].startswith("Q1 - план.")


@pytest.mark.parametrize(("title", "stem"), [("CON", "CON_"), ("...", "workshop"), ("  ", "workshop"),
                                             ("Пекарня «Хлеб»", "Пекарня «Хлеб»")])
def test_reserved_and_empty_names_get_a_usable_stem(title: str, stem: str) -> None:
    assert safe_file_stem(title) == stem
