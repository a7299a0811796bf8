"""File ▸ Export ▸ Full registers: the check box that adds a large workshop's registers to the handout (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from app.generate import generate_workshop
from app.workfile import WorkFile
from tests.exports_support import pdftotext
from tests.test_shell_dialogs import open_window
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot, tmp_path: Path, english: Translations) -> Iterator[MainWindow]:
    large = generate_workshop(teams=40, promises=200, links=60, canvases=1, segments=4)
    win = open_window(qtbot, WorkFile.new(large, tmp_path / "large.clientocracy"), english)
    yield win
    win.ask_before_closing = False
    win.close()


def _export(qtbot, window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    from widgets.shell import files

    monkeypatch.setattr(files, "ask_export_path", lambda *a: target)
    window.menus.menus["file"].aboutToShow.emit()
    with qtbot.waitSignal(window.exporter.finished, timeout=60_000):
        window.menus["export_pdf"].trigger()
    return pdftotext(target)


def test_the_full_registers_check_box_adds_the_appendix(qtbot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    full = window.menus["export_full"]
    assert full.isCheckable() and not full.isChecked()
    assert full in window.menus.menus["export"].actions()
    assert full.text() == "&Full registers (appendix)"
    summary = _export(qtbot, window, tmp_path / "summary.pdf", monkeypatch)
    assert "Система обещаний: сводка" in summary and "Приложение" not in summary
    full.trigger()  # what a click on the menu's check box does
    assert full.isChecked()
    text = _export(qtbot, window, tmp_path / "full.pdf", monkeypatch)
    assert "Приложение: полные реестры" in text and text.count("\f") > summary.count("\f")  # more pages
