"""Uncaught errors: written to a log file in the user's data folder and told in a calm dialog, never a traceback."""

from __future__ import annotations

import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Callable

from app.workfile import data_dir

LOG_NAME = "clientocracy.log"
MAX_LOG_BYTES = 2 << 20  # keep one older log beside the current one


def log_dir() -> Path:
    """The folder of the app's logs."""
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    """Append the error with its traceback to the log file; returns the file."""
    path = log_dir() / LOG_NAME
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            path.replace(path.with_suffix(".log.1"))
    except OSError:
        pass
    from app import __version__

    text = "".join(traceback.format_exception(exc_type, exc, tb))
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {stamp} Clientocracy Studio {__version__}, Python {sys.version.split()[0]}\n{text}\n")
    return path


Failure = tuple[str, str, int, str]
"""What makes two errors the same failure: the exception's type and its innermost frame (file, line, function)."""


def failure_of(exc_type: type[BaseException], tb: TracebackType | None) -> Failure:
    """The failure an error is an instance of (an error raised again and again by one line is one failure)."""
    frames = traceback.extract_tb(tb)
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    if not frames:
        return (name, "", 0, "")
    last = frames[-1]
    return (name, last.filename, last.lineno or 0, last.name)


class ErrorHandler:
    """sys.excepthook for the GUI: log every uncaught error; show a calm dialog once per distinct failure in a
    session (a view that fails on every edit is one dialog, not one per edit), one dialog at a time."""

    def __init__(self, show: Callable[[Path], None] | None = None) -> None:
        self._show = show
        self._showing = False
        self._shown: set[Failure] = set()
        self.previous = sys.excepthook

    def install(self) -> ErrorHandler:
        """Become sys.excepthook (keeping the previous hook for uninstall)."""
        self.previous = sys.excepthook
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        """Give sys.excepthook back."""
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        try:
            path = write_log(exc_type, exc, tb)
        except OSError:
            path = Path("?")
            traceback.print_exception(exc_type, exc, tb)
        failure = failure_of(exc_type, tb)
        if self._showing or failure in self._shown:
            return
        self._shown.add(failure)
        self._showing = True
        try:
            (self._show or _show_dialog)(path)
        except Exception:  # the dialog itself must never raise into Qt
            traceback.print_exc()
        finally:
            self._showing = False


def _show_dialog(path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from widgets.shell.dialogs import show_crash

    if QApplication.instance() is not None:
        show_crash(QApplication.activeWindow(), path)
