"""Starting the GUI: the Qt application, languages, error handling, the workshop to open, and its window."""

from __future__ import annotations

import gc
import importlib.util
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.resources import sample_path
from app.workfile import Recoverable, WorkFile, find_recoverable, read_workshop
from widgets.shell import heap
from widgets.shell.errors import ErrorHandler
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings

log = logging.getLogger(__name__)
APP_NAME = "ClientocracyStudio"
DISPLAY_NAME = "Clientocracy Studio"


def load_workshop(path: str | None) -> WorkFile:
    """Open `path` (a workshop file or a JSON document) into a working copy; the bundled sample when None."""
    with heap.reading():
        if path:
            return WorkFile.open(path)
        return WorkFile.new(read_workshop(sample_path()))


FRAME = QSize(16, 48)
"""What a window manager adds around a window (borders, title bar): not known before the window is first shown."""


def place_first_window(window: QWidget, free: QRect) -> bool:
    """Place a window that has no saved geometry yet on a screen's free area (without the desktop's panels): at its
    own size, centred, when that fits with its frame; else it fills the area. Whether it is to be shown maximized (a
    1280×720 projector, a 1366×768 laptop at 125 %, a 1080p screen less its taskbar: the window's own size would run
    off the screen, its bottom panels out of reach where the window manager does not move it back)."""
    size = window.size()
    framed = size + FRAME
    fits = framed.width() <= free.width() and framed.height() <= free.height()
    if not fits:
        size = size.boundedTo(free.size() - FRAME)
        window.resize(size)  # what it comes back to when it is no longer maximized
    frame = QRect(free.topLeft(), size + FRAME)
    frame.moveCenter(free.center())
    window.move(frame.topLeft())
    return not fits


def ask_restore(left: Recoverable) -> str:
    """Ask whether to restore a workshop left unsaved by a crash: "restore", "discard" or "later"."""
    from widgets.shell import dialogs  # message boxes load when first needed, not at start-up

    return dialogs.ask_restore(left, QApplication.activeWindow())


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
    """Tell the user in a dialog that the workshop could not be opened, and why (locked, refused, other)."""
    name = Path(path).name if path else QCoreApplication.translate("gui", "the bundled sample")
    from widgets.shell import dialogs

    dialogs.show_open_error(QApplication.activeWindow(), name, error)


def startup_workshop(settings: Settings, smoke: bool = False) -> tuple[WorkFile, str]:
    """The workshop a start without a FILE opens: the last file, else the bundled sample; and a note for the user."""
    last = None if smoke else settings.last_file()
    if last:
        if Path(last).is_file():
            try:
                return load_workshop(last), ""
            except Exception as error:  # locked or refused: say so, then start on the sample
                log.info("could not reopen %s", last, exc_info=True)
                report_open_error(last, error)
        else:
            note = QCoreApplication.translate("gui", "The last workshop, {name}, is no longer there.")
            return load_workshop(None), note.format(name=Path(last).name)
    return load_workshop(None), ""


def open_window(path: str | None, smoke: bool = False, settings: Settings | None = None,
                translations: Translations | None = None) -> MainWindow | None:
    """Build the window on a restored workshop, on `path`, or on the start-up workshop; None (after a dialog,
    or a line on stderr in a smoke check) when `path` cannot be opened."""
    settings = settings or Settings()
    window = MainWindow(settings, translations)
    window.ask_before_closing = not smoke
    note = ""
    try:
        restored = None if smoke else offer_restore()
        if restored is not None:
            window.set_work(restored, restored=True)
            return window
        if path:
            work = load_workshop(path)
            settings.add_recent(path)
        else:
            work, note = startup_workshop(settings, smoke)
    except Exception as error:  # any failure to open is the user's dialog, never a traceback
        log.info("could not open %s", path or "the bundled sample", exc_info=True)
        if smoke:
            print(f"clientocracy: {error}", file=sys.stderr)
        else:
            report_open_error(path, error)
        window.deleteLater()
        return None
    window.set_work(work)
    if note:
        window.show_hint(note)
    return window


def application() -> QApplication:
    """The Qt application, named so that settings, title bars and dialogs know it."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setDesktopFileName("clientocracy-studio")  # matches packaging/linux/clientocracy-studio.desktop
    if app.windowIcon().isNull():
        from PySide6.QtGui import QIcon

        from app.resources import resource_path

        icon = QIcon()
        for size in (16, 24, 32, 48, 64, 128, 256):
            path = resource_path("icons", f"clientocracy-{size}.png")
            if path.is_file():
                icon.addFile(str(path))  # read when a size is first drawn
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def run_gui(path: str | None, smoke: bool = False) -> int:
    """Run the app on `path` (the last file or the bundled sample when None) until its window closes.

    With `smoke`, paint the window once and quit (a start-up check that needs no one to close it).
    """
    app = application()
    settings = Settings()
    translations = Translations()
    translations.apply(settings.language())
    handler = None if smoke else ErrorHandler().install()
    try:
        window = open_window(path, smoke, settings, translations)
        if window is None:
            return 2
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closing it ends the session: nothing stays behind
        first_start = settings.window_state()[0] is None
        if first_start and place_first_window(window, window.screen().availableGeometry()):
            window.showMaximized()
        else:
            window.show()
        if smoke:
            window.grab()
            window.close()
            return 0
        # The open workshop lives as long as the window: keep its objects out of the garbage collector's
        # scans, which otherwise add up to 40 ms pauses to the checks after an edit on a large workshop.
        gc.freeze()
        return app.exec()
    finally:
        if handler is not None:
            handler.uninstall()
        translations.clear()


def main(argv: list[str]) -> int:
    """`clientocracy [FILE] [--smoke]` as handed over by cli.main.

    `--smoke` alone runs the full start-up check of widgets.shell.smoke when this build has it; with a FILE it
    opens that file, paints the window once and exits.
    """
    smoke = "--smoke" in argv
    files = [arg for arg in argv if arg != "--smoke"]
    if len(files) > 1:
        print("clientocracy: open one FILE at a time", file=sys.stderr)
        return 2
    if smoke and not files and importlib.util.find_spec("widgets.shell.smoke") is not None:
        from widgets.shell import smoke as smoke_check

        return smoke_check.run_smoke()
    return run_gui(files[0] if files else None, smoke=smoke)
