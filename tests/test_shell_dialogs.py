"""Dialogs of the shell: unsaved changes, crash recovery, locked and refused files, errors.

Also the helpers of the shell's tests: a timer that answers modal dialogs, a small workshop, a window in English.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import changes
from app import model as m
from app.workfile import WorkFile, data_dir, find_recoverable
from widgets.shell import gui
from widgets.shell.errors import ErrorHandler
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings


def small_workshop() -> m.Workshop:
    """A bakery with two segments, a pain each, three teams, a promise and an experiment."""
    return m.Workshop(
        info=m.WorkshopInfo(title="Пекарня у дома", evolutionary_goal="Свежий хлеб к завтраку в каждом доме"),
        segments=[m.Segment("s1", "Семьи"), m.Segment("s2", "Офисы")],
        pains=[m.Pain("p1", "s1", "Хлеб к вечеру чёрствый", 4), m.Pain("p2", "s2", "Нет обедов", 2)],
        teams=[m.Team("t1", "Пекарня", "client_facing"), m.Team("t2", "Логистика", "service"),
               m.Team("c1", "Совет управляющих", "council")],
        promises=[m.Promise("pr1", "t1", "s1", "Хлеб из печи к 7 утра", status="accepted")],
        experiments=[m.Experiment("e1", "t1", "Утренняя доставка")],
    )


@dataclass
class SeenDialog:
    """What a dialog said when the timer answered it."""

    name: str = ""
    title: str = ""
    text: str = ""
    informative: str = ""
    details: str = ""
    buttons: list[str] = field(default_factory=list)


@contextmanager
def answering(name: str, button: QMessageBox.StandardButton | str | None = None) -> Iterator[list[SeenDialog]]:
    """While inside, a timer finds the modal message box called `name`, records it, and presses `button`
    (a standard button, the text of a custom one, or None for the default/escape)."""
    seen: list[SeenDialog] = []
    timer = QTimer(interval=10)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != name or not box.isVisible():
            return
        seen.append(SeenDialog(box.objectName(), box.windowTitle(), box.text(), box.informativeText(),
                               box.detailedText(), [b.text() for b in box.buttons()]))
        if isinstance(button, str):
            target = next(b for b in box.buttons() if b.text().replace("&", "") == button)
        elif button is not None:
            target = box.button(button)
        else:
            target = box.defaultButton() or box.escapeButton() or box.buttons()[0]
        target.click()

    timer.timeout.connect(answer)
    timer.start()
    try:
        yield seen
    finally:
        timer.stop()


def english_translations() -> Iterator[Translations]:
    """The English catalogue (plural forms, edit names) installed for a test (a fixture's body)."""
    translations = Translations()
    translations.apply("en")
    yield translations
    translations.clear()


def bakery_window(qtbot, tmp_path: Path, translations: Translations) -> Iterator[MainWindow]:
    """The bakery, saved as bakery.clientocracy, in a window (a fixture's body)."""
    win = open_window(qtbot, WorkFile.new(small_workshop(), tmp_path / "bakery.clientocracy"), translations)
    yield win
    win.ask_before_closing = False
    win.close()


def quietly(window: MainWindow) -> None:
    """Let a window close at the end of a test without asking about unsaved changes."""
    window.ask_before_closing = False


def open_window(qtbot, work: WorkFile | None, translations: Translations | None = None) -> MainWindow:
    """A shown main window on `work`, with its own settings; closed without questions at the end of the test."""
    window = MainWindow(Settings(), translations)
    qtbot.addWidget(window, before_close_func=quietly)
    window.set_work(work)
    window.show()
    qtbot.waitExposed(window)
    return window


def rename_segment(window: MainWindow, name: str) -> None:
    """An edit through the window's undo stack, as a table would make it."""
    from widgets.base.undo import push_edit

    assert push_edit(window.undo_stack, window.document, changes.update(window.document, "s1", name=name)) is None


# ------------------------------------------------------------------------------------------------ tests
def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window: MainWindow) -> None:
    rename_segment(window, "Молодые семьи")
    with answering("saveChangesDialog", QMessageBox.StandardButton.Cancel) as seen:
        window.close()
    assert [d.text for d in seen] == ["Save the changes to “bakery.clientocracy”?"]
    assert window.isVisible() and window.work is not None


def test_discard_closes_and_save_writes_the_file(qtbot, window: MainWindow, tmp_path: Path) -> None:
    rename_segment(window, "Молодые семьи")
    with answering("saveChangesDialog", QMessageBox.StandardButton.Save):
        assert window.close_workshop()
    from app.workfile import read_workshop

    assert read_workshop(tmp_path / "bakery.clientocracy").segments[0].name == "Молодые семьи"
    assert window.work is None
    other = WorkFile.new(small_workshop(), tmp_path / "other.clientocracy")
    window.set_work(other)
    rename_segment(window, "Семьи с детьми")
    with answering("saveChangesDialog", QMessageBox.StandardButton.Discard) as seen:
        window.new_workshop()
    assert seen and window.work is not other and window.document.model.info.title == "New workshop"
    assert read_workshop(tmp_path / "other.clientocracy").segments[0].name == "Семьи"


def test_a_crashed_session_is_offered_in_a_dialog_and_restored(qtbot, tmp_path: Path, english: Translations) -> None:
    work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Сессия до сбоя")), tmp_path / "w.clientocracy")
    work.document.apply(changes.insert(work.document, m.Segment("s1", "Семьи")))
    work.document.apply(changes.insert(work.document, m.Segment("s2", "Офисы")))
    work._lock.release()  # what a crash leaves behind
    work.conn.close()
    with answering("restoreDialog", "Restore") as seen:
        window = gui.open_window(None, translations=english)
    qtbot.addWidget(window, before_close_func=quietly)
    assert seen[0].text == "Clientocracy Studio ended without saving “Сессия до сбоя” (w.clientocracy)."
    assert seen[0].informative == "2 unsaved changes can be restored."
    assert [s.name for s in window.document.model.segments] == ["Семьи", "Офисы"]
    assert window.isWindowModified() or window.is_modified()  # restored edits are not in the file yet
    window.ask_before_closing = False
    window.close()
    assert find_recoverable() == []


def test_a_file_open_elsewhere_gets_a_dialog_naming_the_holder(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "held.clientocracy"
    held = WorkFile.new(small_workshop(), path)  # this process holds it, as another window would
    try:
        with answering("lockedDialog") as seen:
            assert not window.open_path(path)
    finally:
        held.close()
    import getpass
    import os

    assert seen[0].text.startswith("“held.clientocracy” is already open elsewhere:")
    assert getpass.getuser() in seen[0].text and f"(process {os.getpid()})" in seen[0].text
    assert window.work.path.name == "bakery.clientocracy"  # the open workshop stays


def test_a_refused_file_gets_the_gates_message(qtbot, window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "notes.clientocracy"
    bad.write_bytes(b"These are my notes, not a workshop." * 40)
    with answering("refusedDialog") as seen:
        assert not window.open_path(bad)
    assert seen[0].text == "“notes.clientocracy” cannot be opened."
    assert seen[0].informative.startswith("This file is not a Clientocracy workshop.")
    assert "not a Clientocracy workshop (not an SQLite database)" in seen[0].details
    assert bad.read_bytes().startswith(b"These are my notes")


def test_an_uncaught_error_is_logged_and_told_calmly(qtbot, english: Translations) -> None:
    handler = ErrorHandler()
    try:
        raise RuntimeError("кнопка сломалась")
    except RuntimeError:
        error_info = sys.exc_info()
    with answering("errorDialog") as seen:
        handler(*error_info)
    log = data_dir() / "logs" / "clientocracy.log"
    assert "RuntimeError: кнопка сломалась" in log.read_text(encoding="utf-8")
    assert seen[0].text == "The last action could not be completed."
    assert str(log) in seen[0].informative and "Traceback" not in seen[0].informative


def test_the_error_hook_replaces_and_restores_sys_excepthook() -> None:
    shown: list[Path] = []
    before = sys.excepthook
    handler = ErrorHandler(show=shown.append).install()
    try:
        assert sys.excepthook is handler
        sys.excepthook(ValueError, ValueError("x"), None)
    finally:
        handler.uninstall()
    assert sys.excepthook is before and shown and shown[0].name == "clientocracy.log"


def test_a_save_refused_by_the_file_is_told_in_the_users_language(qtbot, tmp_path: Path) -> None:
    """Refusals of the write helper and the file lock (English in the core) reach a Russian user in Russian."""
    from app.fsutil import atomic_target
    from widgets.shell.dialogs import reason_of

    locked = tmp_path / "locked.clientocracy"
    locked.write_bytes(b"x")
    locked.chmod(0o444)
    translations = Translations()
    translations.apply("ru")
    try:
        with pytest.raises(OSError) as refused:
            with atomic_target(locked) as tmp:
                tmp.write_bytes(b"y")
        assert reason_of(refused.value) == ("Файл только для чтения; ничего не записано "
                                            "(сначала разрешите запись в него).")
        assert locked.read_bytes() == b"x"
        assert reason_of(OSError(28, "No space left on device")) == "Диск переполнен; ничего не записано."
    finally:
        translations.clear()
        locked.chmod(0o644)
