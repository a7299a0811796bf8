"""Starting the app: the workshop it opens, the window it shows, and failures that end in a dialog, not a traceback."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from app import changes
from app import model as m
from app.workfile import WorkFile, find_recoverable, write_workshop_file
from tests.test_shell_dialogs import quietly, small_workshop
from widgets.shell import gui
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings


def start(qtbot, path: str | None = None, translations: Translations | None = None):
    window = gui.open_window(path, translations=translations)
    if window is not None:
        qtbot.addWidget(window, before_close_func=quietly)
    return window


def test_the_first_start_opens_the_bundled_sample(qtbot, english: Translations) -> None:
    window = start(qtbot, translations=english)
    model = window.document.model
    assert model.teams and model.canvases and window.work.path is None
    assert window.windowTitle() == f"{model.info.title}[*]"
    assert window.workspace.title_label.text() == model.info.title


def test_later_starts_open_the_last_file(qtbot, tmp_path: Path, english: Translations) -> None:
    path = tmp_path / "bakery.clientocracy"
    write_workshop_file(path, small_workshop())
    Settings().add_recent(path)
    window = start(qtbot, translations=english)
    assert window.work.path == path and window.document.model.info.title == "Пекарня у дома"


def test_a_last_file_that_is_gone_starts_on_the_sample_with_a_note(qtbot, tmp_path: Path,
                                                                  english: Translations) -> None:
    Settings().add_recent(tmp_path / "gone.clientocracy")
    window = start(qtbot, translations=english)
    assert window.work.path is None and window.document.model.teams
    assert window.statusBar().currentMessage() == "The last workshop, gone.clientocracy, is no longer there."


def test_a_file_given_on_the_command_line_is_opened_and_remembered(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "bakery.clientocracy"
    write_workshop_file(path, small_workshop())
    window = start(qtbot, str(path))
    assert window.work.path == path
    assert Settings().last_file() == str(path)


def test_closing_lets_the_views_go_and_the_document_can_still_change(qtbot, english: Translations) -> None:
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    window = start(qtbot, translations=english)
    doc = window.document
    page = window.workspace.show_table("segments")
    window.close()
    assert window.work is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(page), "the closed workshop's tables went with its workspace"
    doc.store = None  # its working copy went away with the window; the model alone can still change
    doc.apply(changes.insert(doc, m.Segment("s-new", "Студенты")))  # no view of it is left to fail
    assert doc.find("s-new") is not None


def test_a_file_that_does_not_open_is_a_dialog(qtbot, monkeypatch, tmp_path) -> None:
    shown: list[tuple[str | None, BaseException]] = []
    monkeypatch.setattr(gui, "report_open_error", lambda path, error: shown.append((path, error)))
    bad = tmp_path / "broken.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert gui.open_window(str(bad)) is None
    assert shown and shown[0][0] == str(bad)


def test_a_smoke_check_of_a_missing_file_says_why_on_stderr(qtbot, tmp_path, capsys) -> None:
    missing = str(tmp_path / "missing.clientocracy")
    assert gui.main([missing, "--smoke"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_app_starts_on_the_sample_and_paints(qtbot) -> None:
    assert gui.run_gui(None, smoke=True) == 0
    assert find_recoverable() == []  # the working copy went away with the window


def test_smoke_alone_runs_the_full_smoke_check_when_the_build_has_it(qtbot, monkeypatch) -> None:
    calls: list[str] = []
    fake = types.ModuleType("widgets.shell.smoke")
    fake.run_smoke = lambda: calls.append("run") or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "widgets.shell.smoke", fake)
    monkeypatch.setattr(gui.importlib.util, "find_spec",
                        lambda name: object() if name == "widgets.shell.smoke" else None)
    import widgets.shell

    monkeypatch.setattr(widgets.shell, "smoke", fake, raising=False)
    assert gui.main(["--smoke"]) == 0
    assert calls == ["run"]


def test_a_missing_file_ends_with_a_dialog_not_a_traceback(qtbot, monkeypatch, tmp_path) -> None:
    shown: list[str | None] = []
    monkeypatch.setattr(gui, "report_open_error", lambda path, error: shown.append(path))
    missing = str(tmp_path / "missing.clientocracy")
    assert gui.main([missing]) == 2
    assert shown == [missing]
    assert gui.main(["a.json", "b.json"]) == 2


def test_a_crashed_session_is_offered_and_restored(qtbot, monkeypatch, tmp_path) -> None:
    work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Сессия до сбоя")), tmp_path / "w.clientocracy")
    work.document.apply(changes.insert(work.document, m.Segment("s1", "Семьи")))
    work._lock.release()  # what a crash leaves behind
    work.conn.close()
    asked: list[str] = []
    monkeypatch.setattr(gui, "ask_restore", lambda left: asked.append(left.title) or "restore")
    window = start(qtbot)
    assert asked == ["Сессия до сбоя"]
    assert [s.name for s in window.work_file.document.model.segments] == ["Семьи"]
    assert window.is_modified()
    window.work_file.close()
    assert find_recoverable() == []


@pytest.mark.parametrize("answer", ["discard", "later"])
def test_a_crashed_session_can_be_discarded_or_kept_for_later(qtbot, monkeypatch, tmp_path, answer: str) -> None:
    work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Сессия до сбоя")), tmp_path / "w.clientocracy")
    work.document.apply(changes.insert(work.document, m.Segment("s1", "Семьи")))
    work._lock.release()
    work.conn.close()
    monkeypatch.setattr(gui, "ask_restore", lambda left: answer)
    window = start(qtbot)
    assert window.work.path is None  # the sample
    assert len(find_recoverable()) == (1 if answer == "later" else 0)


# --------------------------------------------------------------- the first window on a small screen
def test_a_first_window_too_large_for_the_screen_fills_it_and_keeps_a_size_that_fits(qtbot) -> None:
    window = MainWindow(Settings(), None)
    qtbot.addWidget(window, before_close_func=quietly)
    projector = QRect(0, 0, 1280, 690)  # a 1280×720 projector less the desktop's panel
    assert gui.place_first_window(window, projector)  # to be shown maximized
    assert projector.contains(window.geometry())  # and, no longer maximized, it stays on the screen
    laptop = QRect(0, 0, 1093, 584)  # 1366×768 at 125 %
    assert gui.place_first_window(window, laptop)
    assert laptop.contains(window.geometry())
    window.resize(1600, 1000)
    taskbar = QRect(0, 0, 1920, 1040)  # a 1080p screen less its taskbar: the window fits, its title bar would not
    assert gui.place_first_window(window, taskbar)
    assert taskbar.contains(window.geometry().adjusted(0, 0, gui.FRAME.width(), gui.FRAME.height()))


def test_a_first_window_that_fits_keeps_its_size_centred_on_the_screen(qtbot) -> None:
    window = MainWindow(Settings(), None)
    qtbot.addWidget(window, before_close_func=quietly)
    size = window.size()
    monitor = QRect(1920, 0, 2560, 1400)  # the second of two monitors, less its panel
    assert not gui.place_first_window(window, monitor)
    assert window.size() == size
    assert abs(window.geometry().center().x() - monitor.center().x()) <= gui.FRAME.width()
    assert abs(window.geometry().center().y() - monitor.center().y()) <= gui.FRAME.height()


def test_the_first_start_on_a_screen_smaller_than_the_window_shows_it_maximized(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(Settings, "window_state", lambda self: (None, None))  # no geometry saved yet
    seen: list[tuple[bool, QRect, QRect]] = []
    monkeypatch.setattr(MainWindow, "grab", lambda self: seen.append(
        (self.isMaximized(), self.normalGeometry(), self.screen().availableGeometry())))
    assert gui.run_gui(None, smoke=True) == 0
    maximized, normal, free = seen[0]
    assert free.width() < 1600 or free.height() < 1000, "the test screen is meant to be smaller than the window"
    assert maximized
    assert normal.width() <= free.width() and normal.height() <= free.height()
