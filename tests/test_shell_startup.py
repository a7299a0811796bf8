"""Start-up stays lean: the first window on the sample imports no export library, plotting library or editor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("reportlab", "pptx", "openpyxl", "matplotlib", "pyqtgraph")

CODE = f"""
import sys
from widgets.shell import gui
app = gui.application()
settings = gui.Settings()
translations = gui.Translations()
translations.apply("ru")
window = gui.open_window(None, settings=settings, translations=translations)
assert window is not None, "the bundled sample did not open"
window.show()
app.processEvents()
window.checks.recompute()
app.processEvents()
loaded = sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY!r}))
editors = sorted(name for name in sys.modules if name.startswith(("widgets.canvas", "widgets.structure",
                                                                  "widgets.promises")))
print("LOADED", loaded, editors)
window.ask_before_closing = False
window.close()
"""


def test_the_first_window_imports_no_heavy_library(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLIENTOCRACY_DATA_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("LOADED"))
    assert line == "LOADED [] []", f"start-up imported what only exports or editors need: {line}"
