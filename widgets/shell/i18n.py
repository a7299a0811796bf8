"""Languages: the app's Qt Linguist translations (resources/translations) and Qt's own, built and switched live.

`python -m widgets.shell.i18n update` refreshes the `.ts` files from the `tr()` calls in widgets/ (pyside6-lupdate);
`python -m widgets.shell.i18n release` compiles them into `.qm` (pyside6-lrelease). The app compiles a missing or
stale `.qm` by itself when it loads a language, so a checkout needs no build step.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QThread, QTranslator

from app.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES: dict[str, str] = {"ru": "Русский", "en": "English"}
"""The app's languages, each named in itself (a language menu is read by someone who may not know the other)."""
LOCALES: dict[str, str] = {"ru": "ru_RU", "en": "en_US"}
"""The locale of numbers and dates in each language."""
SOURCE_LANGUAGE = "en"
CATALOG = "clientocracy"
ROOT = Path(__file__).resolve().parents[2]
QT_CATALOGUES = ("qtbase",)
"""Qt's own catalogues (standard dialogs and buttons), loaded from PySide6's translations folder."""
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))
"""Qt's own texts that the qtbase_ru.qm of PySide6 6.11 lacks (Qt gave the file dialog's labels mnemonics, its Russian
catalogue kept the old "Look in:"): the app's catalogue translates them in Qt's context, and being installed after
Qt's, it is asked first."""


def translations_dir() -> Path:
    """The folder of the `.ts` sources (in git) and of the `.qm` files compiled from them."""
    return resource_path("translations")


def ts_path(language: str) -> Path:
    """The Qt Linguist source of `language`."""
    return translations_dir() / f"{CATALOG}_{language}.ts"


def qm_path(language: str) -> Path:
    """Where the compiled translation of `language` lives (beside its `.ts`)."""
    return translations_dir() / f"{CATALOG}_{language}.qm"


def tool(name: str) -> list[str] | None:
    """The command that runs Qt's `lupdate` or `lrelease` bundled with PySide6, or None when there is none."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    binary = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if binary.is_file():
        return [str(binary)]
    wrapper = Path(sys.executable).with_name(f"pyside6-{name}{suffix}")
    if wrapper.is_file():
        return [str(wrapper)]
    return None


def compile_language(language: str, force: bool = False) -> Path | None:
    """The `.qm` of `language`, compiled first when it is missing or older than its `.ts`; None when unavailable."""
    ts, qm = ts_path(language), qm_path(language)
    try:
        ts_time = ts.stat().st_mtime
    except OSError:
        return qm if qm.is_file() else None  # a built app ships the .qm only
    try:
        if not force and qm.stat().st_mtime >= ts_time:
            return qm
    except OSError:
        pass
    command = tool("lrelease")
    if command is None:
        log.warning("cannot compile %s: pyside6-lrelease not found", ts)
        return qm if qm.is_file() else None
    try:
        subprocess.run([*command, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("cannot compile %s: %s", ts, error)
    return qm if qm.is_file() else None


def qt_catalogues(language: str) -> list[Path]:
    """Qt's own `.qm` files of `language` (PySide6's translations folder, or the bundle's); those that exist."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    found = [folder / f"{name}_{language}.qm" for name in QT_CATALOGUES]
    missing = [p.name for p in found if not p.is_file()]
    if missing and language != SOURCE_LANGUAGE:
        log.warning("Qt's own translations %s are not in %s: standard dialogs stay in English", missing, folder)
    return [p for p in found if p.is_file()]


def system_language() -> str:
    """The app language that fits the system's: Russian for a Russian system, English otherwise."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


class Translations:
    """The translators installed in the application for one language at a time; switching retranslates live."""

    def __init__(self) -> None:
        self.language = ""
        self._installed: list[QTranslator] = []
        self._edit_names: QTranslator | None = None

    def apply(self, language: str) -> str:
        """Switch to `language` ("" follows the system); Qt then sends every widget a LanguageChange event."""
        language = language if language in LANGUAGES else system_language()
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the application before loading translations")
        if self._edit_names is None:  # installed first, so it is asked last: after the catalogues
            from widgets.shell.edit_names import EditNames

            self._edit_names = EditNames(app)
            app.installTranslator(self._edit_names)
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(LOCALES[language]))
        for path in (*qt_catalogues(language), compile_language(language)):
            if path is None or not path.is_file():
                continue
            translator = QTranslator(app)
            if translator.load(str(path)):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("could not load the translation %s", path)
        self.language = language
        if QThread.currentThread().loopLevel() == 0:  # Qt tells the widgets itself only while its event loop runs
            QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
        return language

    def clear(self) -> None:
        """Remove every translator this object installed (the app speaks its English sources again)."""
        app = QCoreApplication.instance()
        for translator in [*self._installed, *([self._edit_names] if self._edit_names else [])]:
            if app is not None:
                app.removeTranslator(translator)
        self._installed, self._edit_names, self.language = [], None, ""


# ---------------------------------------------------------------------------------------------- maintenance
def source_files() -> list[Path]:
    """The Python files whose `tr()` strings make the catalogue: everything under widgets/."""
    return sorted(p for p in (ROOT / "widgets").rglob("*.py") if "__pycache__" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    """`python -m widgets.shell.i18n update|release`: refresh the `.ts` files, or compile every `.qm`."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "update":
        from widgets.shell.catalog import extract, update

        translations_dir().mkdir(parents=True, exist_ok=True)
        extracted = extract()
        for language in LANGUAGES:
            messages = update(ts_path(language), language, extracted)
            left = sum(not m.finished for m in messages)
            print(f"updated {os.path.relpath(ts_path(language), ROOT)}: {len(messages)} strings, {left} to translate")
        return 0
    if command == "release":
        for language in LANGUAGES:
            qm = compile_language(language, force=True)
            print(f"compiled {qm}" if qm else f"could not compile {ts_path(language)}")
        return 0
    print("usage: python -m widgets.shell.i18n update|release", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
