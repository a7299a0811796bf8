"""The app's remembered settings (QSettings in an INI file in the data folder): recent files, language, window,
export branding."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from app.workfile import data_dir

MAX_RECENT = 10


def is_network_path(path: str) -> bool:
    """True for UNC paths (\\\\server\\share, //server/share): they are never probed, a probe can hang."""
    return path.startswith(("\\\\", "//"))


class Settings:
    """Typed access to the settings; one INI file beside the working copies, so tests and portable use stay apart."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / "settings.ini"
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    # ----------------------------------------------------------------- recent files
    def recent_files(self) -> list[str]:
        """Recently opened or saved workshop files, the latest first."""
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if v]

    def add_recent(self, path: str | os.PathLike[str]) -> None:
        """Put `path` first in the recent files (and remember it as the last file)."""
        text = str(Path(path).absolute())
        files = [text] + [f for f in self.recent_files() if f != text]
        self._qs.setValue("files/recent", files[:MAX_RECENT])
        self._qs.setValue("files/last", text)

    def clear_recent(self) -> None:
        """Forget the recent files (the last file too)."""
        self._qs.remove("files/recent")
        self._qs.remove("files/last")

    def last_file(self) -> str | None:
        """The file open when the app last ended, or None (the app then starts on the bundled sample)."""
        value = self._qs.value("files/last", "")
        return str(value) if value else None

    def set_last_file(self, path: str | os.PathLike[str] | None) -> None:
        """Remember the file to open at the next start (None: start on the sample)."""
        if path is None:
            self._qs.remove("files/last")
        else:
            self._qs.setValue("files/last", str(Path(path).absolute()))

    def last_folder(self) -> str:
        """The folder of the last file dialog, or the home folder."""
        return str(self._qs.value("files/folder", "") or Path.home())

    def set_last_folder(self, folder: str | os.PathLike[str]) -> None:
        """Remember the folder of a file dialog."""
        self._qs.setValue("files/folder", str(folder))

    # ----------------------------------------------------------------- language and view
    def language(self) -> str:
        """The chosen language ("ru", "en") or "" to follow the system."""
        return str(self._qs.value("view/language", "") or "")

    def set_language(self, language: str) -> None:
        """Remember the language ("" follows the system)."""
        self._qs.setValue("view/language", language)

    def text_zoom(self) -> int:
        """The shell's text size step (0 is the system size, each step about 10 %)."""
        try:
            return int(self._qs.value("view/zoom", 0))
        except (TypeError, ValueError):
            return 0

    def set_text_zoom(self, steps: int) -> None:
        """Remember the shell's text size step."""
        self._qs.setValue("view/zoom", steps)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The saved geometry and dock state of the main window."""
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and docks."""
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    # ----------------------------------------------------------------- export branding
    def branding(self) -> dict[str, str | None]:
        """The handouts' branding: {"logo": a PNG/JPEG/SVG path or None, "accent": "#RRGGBB" or None (default)}."""
        logo = str(self._qs.value("branding/logo", "") or "")
        accent = str(self._qs.value("branding/accent", "") or "")
        return {"logo": logo or None, "accent": accent or None}

    def set_branding(self, logo_path: str | os.PathLike[str] | None, accent: str | None) -> None:
        """Remember the logo file and the accent colour of exports (None or "" goes back to the default)."""
        for key, value in (("branding/logo", str(logo_path) if logo_path else ""), ("branding/accent", accent or "")):
            if value:
                self._qs.setValue(key, value)
            else:
                self._qs.remove(key)
