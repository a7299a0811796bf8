"""Files in practice: the open, save, import and export dialogs, and the Open Recent menu."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from app.workfile import SUFFIX
from widgets.shell.settings import Settings, is_network_path

# Characters Windows refuses in a file name, and the device names it reserves.
_RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}


def safe_file_stem(name: str, fallback: str = "workshop") -> str:
    """`name` made fit for a file name on every system: «:» becomes « - », «/ \\ |» become «-», «< > " * ?» and
    control characters go; no leading or trailing dots, dashes or spaces, no reserved device name; `fallback` when
    nothing is left."""
    stem = re.sub(r"(?<=\d):(?=\d)", "-", name)  # a time of day, 10:30
    stem = re.sub(r"\s*:\s*", " - ", stem)
    stem = re.sub(r"[/\\|]", "-", stem)
    stem = re.sub(r'[<>"*?\x00-\x1f]', "", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" -.")[:120].rstrip(" -.")
    if not stem:
        return fallback
    if stem.split(".")[0].upper() in _RESERVED_NAMES:
        stem = f"{stem}_"
    return stem


def workshop_filter() -> str:
    """The file-type filter of workshop files (and JSON interchange files)."""
    return ";;".join([
        QCoreApplication.translate("files", "Workshops (*.clientocracy *.json)"),
        QCoreApplication.translate("files", "Clientocracy workshop (*.clientocracy)"),
        QCoreApplication.translate("files", "JSON interchange (*.json)"),
    ])


def _remember(settings: Settings, path: str) -> Path | None:
    if not path:
        return None
    settings.set_last_folder(Path(path).parent)
    return Path(path)


def ask_open_path(parent: QWidget | None, settings: Settings) -> Path | None:
    """The workshop file the user chooses to open, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("files", "Open workshop"),
                                          settings.last_folder(), workshop_filter())
    return _remember(settings, path)


def ask_import_path(parent: QWidget | None, settings: Settings) -> Path | None:
    """The JSON interchange file the user chooses to import, or None."""
    path, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("files", "Import JSON"),
                                          settings.last_folder(),
                                          QCoreApplication.translate("files", "JSON interchange (*.json)"))
    return _remember(settings, path)


def ask_save_path(parent: QWidget | None, settings: Settings, suggested: str) -> Path | None:
    """Where the user wants the workshop saved (always with the .clientocracy suffix), or None."""
    start = str(Path(settings.last_folder()) / f"{suggested}{SUFFIX}")
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("files", "Save workshop as"), start,
                                          QCoreApplication.translate("files", "Clientocracy workshop (*.clientocracy)"))
    chosen = _remember(settings, path)
    if chosen is not None and chosen.suffix.lower() != SUFFIX:
        chosen = chosen.with_name(chosen.name + SUFFIX)
    return chosen


def ask_export_path(parent: QWidget | None, settings: Settings, title: str, suggested: str, suffix: str,
                    file_filter: str) -> Path | None:
    """Where to write an export (with its suffix), or None."""
    start = str(Path(settings.last_folder()) / f"{suggested}{suffix}")
    path, _ = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    chosen = _remember(settings, path)
    if chosen is not None and chosen.suffix.lower() != suffix:
        chosen = chosen.with_name(chosen.name + suffix)
    return chosen


def ask_export_folder(parent: QWidget | None, settings: Settings, title: str) -> Path | None:
    """The folder for pictures, or None."""
    path = QFileDialog.getExistingDirectory(parent, title, settings.last_folder())
    if not path:
        return None
    settings.set_last_folder(path)
    return Path(path)


def file_exists(path: str) -> bool | None:
    """Whether a recent file is still there: True, False, or None for a network path (never probed: it can hang)."""
    if is_network_path(path):
        return None
    try:
        return Path(path).is_file()
    except OSError:
        return False


class RecentMenu(QMenu):
    """File ▸ Open Recent: rebuilt each time it opens; a missing file is shown as missing and cannot be chosen."""

    def __init__(self, settings: Settings, open_path: Callable[[Path], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recentMenu")
        self.settings = settings
        self.open_path = open_path
        self.aboutToShow.connect(self.rebuild)
        self.retranslate()

    def rebuild(self) -> None:
        """List the recent files, the latest first."""
        self.clear()
        files = self.settings.recent_files()
        for number, path in enumerate(files, start=1):
            name = Path(path).name.replace("&", "&&")
            exists = file_exists(path)
            label = f"&{number % 10}  {name}"
            if exists is False:
                label += "  " + self.tr("(missing)")
            action = QAction(label, self)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.setEnabled(exists is not False)
            action.setData(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
            self.addAction(action)
        if not files:
            empty = self.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.addSeparator()
        clear = self.addAction(self.tr("Clear the list"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.settings.clear_recent)

    def retranslate(self) -> None:
        """The menu's title in the current language."""
        self.setTitle(self.tr("Open &Recent"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
