"""The screen a benchmark's window opens on: Qt's offscreen platform with one 1920×1080 screen, as on a laptop or a
monitor (the platform's own screen is 800×800, where a first window is shown maximized at that size and every
figure would be of a smaller window than the user's)."""

from __future__ import annotations

import json
from pathlib import Path

WATCHED_APP = """
import widgets.shell.main_window as main_window
from PySide6.QtWidgets import QApplication


def watched(show):
    def showing(self):
        QApplication.instance().installEventFilter(frame)
        show(self)
    return showing


main_window.MainWindow.show = watched(main_window.MainWindow.show)
main_window.MainWindow.showMaximized = watched(main_window.MainWindow.showMaximized)
from cli.main import main
sys.exit(main(sys.argv[1:]))
"""
"""The end of a benchmark's child process: the app as `python -m cli` runs it, with `frame` (an event filter the code
before defines) installed on the application when the main window is shown, however it is shown."""

SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
          "dpr": 1}


def offscreen_platform(folder: Path) -> str:
    """The QT_QPA_PLATFORM value for that screen (its description is written into `folder`)."""
    config = folder / "offscreen-screen.json"
    config.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    return f"offscreen:configfile={config}"
