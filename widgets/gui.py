"""Starting the GUI: the Qt application, the workshop to open, and its first window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.resources import sample_path
from app.workfile import Recoverable, WorkFile, find_recoverable, read_workshop
from widgets.main_window import MainWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    """Translate a user-visible string of this module."""
    return QCoreApplication.translate("gui", text)


def load_workshop(path: str | None) -> WorkFile:
    """Open `path` (a workshop file or a JSON document) into a working copy; the bundled sample when None."""
    if path:
        return WorkFile.open(path)
    return WorkFile.new(read_workshop(sample_path()))


def ask_restore(left: Recoverable) -> str:
    """Ask whether to restore a workshop left unsaved by a crash: "restore", "discard" or "later"."""
    box = QMessageBox(QMessageBox.Icon.Question, tr("Восстановить несохранённую работу?"),
                      tr("Программа была закрыта, не сохранив «{title}» ({file}).\n"
                         "Несохранённых изменений: {count}. Восстановить их?").format(
                          title=left.title, file=left.origin.name if left.origin else tr("без файла"),
                          count=left.unsaved_edits))
    restore = box.addButton(tr("Восстановить"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Отбросить"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("Позже"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")


def offer_restore() -> WorkFile | None:
    """Offer each working copy a crash left behind; returns the one the user chose to restore, if any."""
    for left in sorted(find_recoverable(), key=lambda r: -r.last_change):
        answer = ask_restore(left)
        if answer == "restore":
            return WorkFile.restore(left)
        if answer == "discard":
            left.discard()
    return None


def report_open_error(path: str | None, error: BaseException) -> None:
    """Tell the user in a dialog that the workshop could not be opened, and why."""
    name = Path(path).name if path else tr("встроенный пример")
    reason = (error.strerror if isinstance(error, OSError) and error.strerror else str(error)) or type(error).__name__
    QMessageBox.critical(
        None,
        tr("Не удалось открыть воркшоп"),
        tr("Не удалось открыть «{name}».\n\n{reason}").format(name=name, reason=reason),
    )


def open_window(path: str | None, smoke: bool = False) -> MainWindow | None:
    """Load the workshop (or one restored after a crash) and build its window; on failure show the reason
    (a dialog, or stderr in a smoke check) and return None."""
    try:
        work = (None if smoke else offer_restore()) or load_workshop(path)
    except Exception as error:  # any failure to open is the user's dialog, never a traceback
        log.info("could not open %s", path or "the bundled sample", exc_info=True)
        if smoke:
            print(f"clientocracy: {error}", file=sys.stderr)
        else:
            report_open_error(path, error)
        return None
    window = MainWindow(work.document, work.display_name)
    window.work_file = work
    return window


def run_gui(path: str | None, smoke: bool = False) -> int:
    """Run the app on `path` (the bundled sample when None) until its window closes; returns the exit status.

    With `smoke`, paint the window once and quit (a start-up check that needs no one to close it).
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ClientocracyStudio")
    app.setApplicationDisplayName("Clientocracy Studio")
    window = open_window(path, smoke)
    if window is None:
        return 2
    window.show()
    try:
        if smoke:
            window.grab()
            window.close()
            return 0
        return app.exec()
    finally:
        window.work_file.close()


def main(argv: list[str]) -> int:
    """`clientocracy [FILE] [--smoke]` as handed over by app.cli."""
    smoke = "--smoke" in argv
    files = [arg for arg in argv if arg != "--smoke"]
    if len(files) > 1:
        print("clientocracy: open one FILE at a time", file=sys.stderr)
        return 2
    return run_gui(files[0] if files else None, smoke=smoke)
