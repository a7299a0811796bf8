"""The start-up smoke check (`clientocracy --smoke`): every part a built app needs, exercised once, offscreen."""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QTranslator, qVersion
from PySide6.QtGui import QFontDatabase, QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app import changes
from app.jsonio import workshop_to_json
from app.resources import resource_path
from app.workfile import WorkFile

PACKAGES = ("app", "widgets", "exports")
SMOKE_TITLE = "Smoke check · Проверка запуска ✓"


class SmokeFailure(Exception):
    """A step of the smoke check found something wrong; the message says what."""


@dataclass
class SmokeRun:
    """What the steps share: the temporary folder, the open workshop, its window and undo stack."""

    tmp: Path
    window: Any = None
    work: WorkFile | None = None
    undo_stack: QUndoStack | None = None
    original_title: str = ""
    saved: dict[str, Any] = field(default_factory=dict)
    translators: list[QTranslator] = field(default_factory=list)
    keep: list[Any] = field(default_factory=list)


def say(message: str) -> None:
    """One line of the smoke check's report on stdout."""
    print(f"smoke: {message}", flush=True)


def check(condition: bool, message: str) -> None:
    """Fail the current step with `message` unless `condition` holds."""
    if not condition:
        raise SmokeFailure(message)


# ------------------------------------------------------------------------------------------- steps
def step_modules(run: SmokeRun) -> None:
    """Import every module of the app, so that a module a build left out shows up here and not in front of a client."""
    count = 0
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            if info.name.rsplit(".", 1)[-1] != "__main__":  # __main__ would run the app
                importlib.import_module(info.name)
                count += 1
    check(count > 10, f"only {count} modules found in {', '.join(PACKAGES)}: the build is incomplete")
    say(f"{count} modules imported")


def step_fonts(run: SmokeRun) -> None:
    """Load every bundled font into Qt's font database."""
    fonts = sorted(resource_path("fonts").glob("*.ttf"))
    check(bool(fonts), f"no fonts in {resource_path('fonts')}")
    families: set[str] = set()
    for font in fonts:
        font_id = QFontDatabase.addApplicationFont(str(font))
        check(font_id != -1, f"Qt could not load the font {font.name}")
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    say(f"{len(fonts)} fonts loaded ({', '.join(sorted(families))})")


def step_icons(run: SmokeRun) -> None:
    """Load the application icon (the SVG through Qt's SVG plugin, and the PNGs)."""
    svg = resource_path("icons", "clientocracy.svg")
    icon = QIcon(str(svg))
    check(svg.is_file() and not icon.pixmap(64, 64).isNull(), f"the icon {svg} cannot be drawn (SVG plugin missing?)")
    pngs = sorted(resource_path("icons").glob("clientocracy-*.png"))
    check(bool(pngs), "no PNG icons bundled")
    QApplication.instance().setWindowIcon(icon)
    say(f"icon loaded ({len(pngs)} PNG sizes)")


def step_translations(run: SmokeRun) -> None:
    """Switch to Russian through widgets.shell.i18n (the app's catalogue and Qt's own); without it load .qm files."""
    if importlib.util.find_spec("widgets.shell.i18n") is not None:
        i18n = importlib.import_module("widgets.shell.i18n")
        translations = i18n.Translations()
        check(translations.apply("ru") == "ru", "widgets.shell.i18n did not switch to Russian")
        run.keep.append(translations)
        qt_cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
        check(qt_cancel != "Cancel", "Qt's own Russian translation (qtbase_ru.qm) is not loaded")
        catalogue = i18n.qm_path("ru")
        if i18n.ts_path("ru").is_file() or catalogue.is_file():
            check(catalogue.is_file(), f"the app's Russian translation {catalogue.name} is missing")
            probe = QTranslator()
            check(probe.load(str(catalogue)) and not probe.isEmpty(), f"{catalogue.name} holds no translations")
            say(f"translations: Russian ({catalogue.name}, qtbase_ru: Cancel -> {qt_cancel})")
        else:
            say(f"translations: Qt's Russian only (qtbase_ru: Cancel -> {qt_cancel}); no app catalogue yet")
        return
    folder = resource_path("translations")
    compiled = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not compiled:
        say(f"no widgets.shell.i18n and no compiled translations in {folder}: skipped")
        return
    for qm in compiled:
        translator = QTranslator(QApplication.instance())
        check(translator.load(str(qm)), f"Qt could not load the translation {qm.name}")
        check(QCoreApplication.installTranslator(translator), f"Qt did not install the translation {qm.name}")
        run.translators.append(translator)
    say(f"{len(compiled)} translations loaded ({', '.join(q.stem for q in compiled)})")


def step_open_sample(run: SmokeRun) -> None:
    """Open the bundled sample into a working copy and build its main window the way the app does."""
    from widgets.shell.gui import open_window

    window = open_window(None, smoke=True)
    check(window is not None, "the bundled sample could not be opened (see the message above)")
    run.window = window
    run.work = getattr(window, "work_file", None)
    check(run.work is not None, "the main window holds no work file")
    check(run.work.working_copy.is_file(), f"no working copy at {run.work.working_copy}")
    model = run.work.document.model
    run.original_title = model.info.title
    check(bool(model.teams) and bool(model.canvases), "the sample has no teams or canvases")
    say(f"sample opened: {model.info.title!r} ({len(model.teams)} teams, {len(model.promises)} promises)")


def step_show_window(run: SmokeRun) -> None:
    """Show the main window once and paint it."""
    run.window.show()
    QApplication.processEvents()
    picture = run.window.grab()
    check(not picture.isNull() and picture.width() > 100, "the main window painted nothing")
    say(f"main window shown and painted ({picture.width()}x{picture.height()})")


def step_edit_undo(run: SmokeRun) -> None:
    """Rename the workshop through the undo stack, undo it, redo it: the model follows each time."""
    document = run.work.document
    stack = getattr(run.window, "undo_stack", None)
    run.undo_stack = stack if isinstance(stack, QUndoStack) else QUndoStack(run.window)
    from widgets.base.undo import push_edit

    refused = push_edit(run.undo_stack, document, changes.update(document, "", title=SMOKE_TITLE))
    check(refused is None, f"the document refused the edit: {refused}")
    check(document.model.info.title == SMOKE_TITLE, "the edit did not change the model")
    check(run.work.modified, "the working copy does not know it was modified")
    QApplication.processEvents()
    check(shows_text(run.window, SMOKE_TITLE), "the main window does not show the new title")
    run.undo_stack.undo()
    check(document.model.info.title == run.original_title, "undo did not bring the title back")
    run.undo_stack.redo()
    check(document.model.info.title == SMOKE_TITLE, "redo did not apply the edit again")
    QApplication.processEvents()
    say("edit applied, undone and redone")


def shows_text(window: QWidget, text: str) -> bool:
    """True when the window's title or one of its labels shows `text`."""
    return text in window.windowTitle() or any(text in label.text() for label in window.findChildren(QLabel))


def step_save_reopen(run: SmokeRun) -> None:
    """Save to a new file, close everything, reopen the file through the gate: the same workshop comes back."""
    target = run.tmp / "smoke.clientocracy"
    run.work.save(target)
    check(target.is_file() and target.stat().st_size > 0, f"nothing was saved to {target}")
    check(not run.work.modified, "the workshop still looks modified after saving")
    run.saved = workshop_to_json(run.work.document.model)
    close_window(run)
    reopened = WorkFile.open(target)
    try:
        check(workshop_to_json(reopened.document.model) == run.saved, "the reopened file differs from what was saved")
        check(reopened.document.model.info.title == SMOKE_TITLE, "the reopened file lost the edit")
    finally:
        reopened.close()
    say(f"saved and reopened through the gate ({target.stat().st_size // 1024} KB)")


def step_exports(run: SmokeRun) -> None:
    """Write the PDF handout and the PowerPoint deck of the saved workshop and check their first bytes."""
    try:
        exports = importlib.import_module("exports")
    except ImportError:
        say("exports not available: skipped")
        return
    from app.jsonio import workshop_from_json

    workshop = workshop_from_json(run.saved)
    written = []
    for name, suffix, magic in (("export_pdf", ".pdf", b"%PDF"), ("export_pptx", ".pptx", b"PK")):
        export: Callable[..., Any] | None = getattr(exports, name, None)
        if export is None:
            say(f"exports.{name} not available: skipped")
            continue
        out = run.tmp / f"smoke{suffix}"
        export(workshop, out)
        check(out.is_file() and out.stat().st_size > 0, f"{name} wrote nothing")
        with out.open("rb") as f:
            check(f.read(len(magic)) == magic, f"{name} wrote a file that is not a {suffix} file")
        written.append(f"{out.name} {out.stat().st_size // 1024} KB")
    say(f"exported {', '.join(written) or 'nothing'}")


STEPS: list[tuple[str, Callable[[SmokeRun], None]]] = [
    ("import every module", step_modules),
    ("fonts", step_fonts),
    ("icons", step_icons),
    ("translations", step_translations),
    ("open the sample", step_open_sample),
    ("show the main window", step_show_window),
    ("edit and undo", step_edit_undo),
    ("save and reopen", step_save_reopen),
    ("export", step_exports),
]


# ------------------------------------------------------------------------------------------ running
def close_window(run: SmokeRun) -> None:
    """Close the window and its workshop (the working copy goes away with it)."""
    if run.window is not None:
        run.window.close()
        run.window.deleteLater()
        run.window = None
    if run.work is not None:
        run.work.close()
        run.work = None


def run_step(name: str, step: Callable[[SmokeRun], None], run: SmokeRun) -> bool:
    """Run one step; on failure print its traceback and which step failed, and return False."""
    try:
        step(run)
    except Exception as error:  # any failure is reported as the step that failed, not as a bare traceback
        traceback.print_exc(file=sys.stderr)
        reason = str(error) or type(error).__name__
        print(f"smoke check FAILED at step '{name}': {reason}", file=sys.stderr, flush=True)
        return False
    return True


def run_smoke() -> int:
    """Run every step in a temporary data folder; 0 when all passed, else 1 after naming the failed step."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(app.applicationName() or "ClientocracyStudio")
    tmp = Path(tempfile.mkdtemp(prefix="clientocracy-smoke-"))
    old_data_dir = os.environ.get("CLIENTOCRACY_DATA_DIR")
    os.environ["CLIENTOCRACY_DATA_DIR"] = str(tmp / "data")
    run = SmokeRun(tmp)
    started = time.perf_counter()
    say(f"Qt {qVersion()} on the {app.platformName()} platform, resources in {resource_path()}")
    try:
        if not all(run_step(name, step, run) for name, step in STEPS):
            return 1
    finally:
        close_window(run)
        for translator in run.translators:
            app.removeTranslator(translator)
        if old_data_dir is None:
            os.environ.pop("CLIENTOCRACY_DATA_DIR", None)
        else:
            os.environ["CLIENTOCRACY_DATA_DIR"] = old_data_dir
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"smoke check passed ({len(STEPS)} steps, {time.perf_counter() - started:.1f} s)", flush=True)
    return 0
