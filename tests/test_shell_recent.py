"""Opening a recent file: a double click opens it once, and a file this app holds is never reported as locked."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.workfile import WorkFile
from tests.session_support import double_click
from tests.test_shell_dialogs import open_window, small_workshop
from widgets.shell import dialogs
from widgets.shell.main_window import MainWindow


@pytest.fixture
def open_errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Every open error the app would show in a dialog (recorded instead of shown)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(dialogs, "show_open_error", lambda _parent, _name, error: shown.append(error))
    return shown


def saved_workshop(path: Path) -> Path:
    work = WorkFile.new(small_workshop(), path)
    work.save(path)
    work.close()
    return path


def test_double_clicking_a_recent_file_opens_it_without_a_lock_warning(qtbot, tmp_path: Path,
                                                                       open_errors: list) -> None:
    path = saved_workshop(tmp_path / "bakery.clientocracy")
    window = open_window(qtbot, None)
    window.settings.add_recent(path)
    window.welcome.refresh()
    recent = window.welcome.recent
    item_rect = recent.visualItemRect(recent.item(0))
    double_click(qtbot, recent.viewport(), item_rect.center())
    qtbot.waitUntil(lambda: window.work is not None)
    qtbot.wait(50)
    assert window.work.path == path and open_errors == []
    assert window.center.currentWidget() is window.workspace


def test_opening_the_file_already_open_brings_it_forward(qtbot, tmp_path: Path, open_errors: list) -> None:
    path = saved_workshop(tmp_path / "bakery.clientocracy")
    window = open_window(qtbot, WorkFile.open(path))
    work = window.work
    assert window.open_path(path)
    assert window.work is work and open_errors == []


def test_a_file_open_in_another_window_of_this_app_is_brought_forward_there(qtbot, tmp_path: Path,
                                                                           open_errors: list) -> None:
    path = saved_workshop(tmp_path / "bakery.clientocracy")
    first = open_window(qtbot, WorkFile.open(path))
    second: MainWindow = open_window(qtbot, None)
    assert second.open_path(path)
    assert second.work is None and first.work.path == path and open_errors == []


def test_a_file_locked_by_another_process_is_still_reported(qtbot, tmp_path: Path, open_errors: list,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from app.workfile import FileLocked

    path = saved_workshop(tmp_path / "bakery.clientocracy")
    window = open_window(qtbot, None)

    def locked(_path: Path) -> WorkFile:
        raise FileLocked(path, {"user": "anna", "host": "laptop", "pid": 4242})

    monkeypatch.setattr(WorkFile, "open", staticmethod(locked))
    assert not window.open_path(path)
    assert len(open_errors) == 1 and isinstance(open_errors[0], FileLocked)
