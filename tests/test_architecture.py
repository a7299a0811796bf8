"""Architecture rules: the core (app/) and exports/ never import Qt, and start-up leaves the export libraries out."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import app

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIXES = ("PySide6", "pyqtgraph", "shiboken6")
EXPORT_LIBRARIES = ("reportlab", "pptx", "openpyxl")


def run_python(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter from the repository root, offscreen, with its own data folder."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLIENTOCRACY_DATA_DIR=str(data_dir))
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def app_modules() -> list[str]:
    """Every module of the core package, found on disk (app.__main__ is left out: importing it starts the app)."""
    found = ["app"]
    for info in pkgutil.walk_packages(app.__path__, prefix="app."):
        if info.name != "app.__main__":
            found.append(info.name)
    return found


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run(
        [str(lint_imports), "--no-logo", "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, f"lint-imports failed:\n{proc.stdout}{proc.stderr}"


def test_core_imports_no_qt(tmp_path: Path) -> None:
    modules = app_modules()
    assert {"app.model", "app.edits", "app.document", "app.changes"} <= set(modules)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.startswith({QT_PREFIXES!r}))\n"
        "assert not qt, qt\n"
    )
    proc = run_python(code, tmp_path)
    assert proc.returncode == 0, f"importing the core pulled in Qt (or failed):\n{proc.stderr[-3000:]}"


def test_startup_leaves_export_libraries_out(tmp_path: Path) -> None:
    # The GUI entry modules, and the first window built on the bundled sample, as `./run` starts it.
    code = (
        "import importlib.util, sys\n"
        "import app, widgets.shell.gui, widgets.shell.main_window\n"
        "if importlib.util.find_spec('cli.main'):\n"
        "    import cli.main\n"
        "from PySide6.QtWidgets import QApplication\n"
        "qapp = QApplication([])\n"
        "window = widgets.shell.gui.open_window(None)\n"
        "assert window is not None, 'the bundled sample did not open'\n"
        "window.show(); qapp.processEvents()\n"
        f"loaded = sorted(m for m in sys.modules if m.split('.')[0] in {EXPORT_LIBRARIES!r})\n"
        "assert not loaded, loaded\n"
    )
    proc = run_python(code, tmp_path)
    assert proc.returncode == 0, (
        "start-up imported an export library (import reportlab, pptx and openpyxl only when exporting), "
        f"or failed:\n{proc.stderr[-3000:]}"
    )
