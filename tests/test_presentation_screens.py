"""Two screens: the presentation goes to the projector, the laptop keeps the full editor, both follow the document."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREENS = {"synchronousWindowSystemEvents": False, "windowFrameMargins": False, "screens": [
    {"name": "laptop", "x": 0, "y": 0, "width": 1440, "height": 900, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1},
    {"name": "projector", "x": 1440, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96,
     "dpr": 1}]}
SCRIPT = r"""
import json
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow
from app.document import Document
from app.jsonio import read_json_file
from app.resources import sample_path
from widgets.canvas.editor import CanvasEditor
from widgets.presentation import open_presentation

app = QApplication([])
doc, stack = Document(read_json_file(sample_path())), QUndoStack()
main = QMainWindow()
laptop_editor = CanvasEditor(doc, stack)
main.setCentralWidget(laptop_editor)
main.resize(1400, 860)
main.show()
app.processEvents()
window = open_presentation(doc, stack, start="canvas", parent=main)
app.processEvents()
out = {"main": main.screen().name(), "presentation": window.screen().name(),
       "geometry": list(window.geometry().getRect()), "full": window.isFullScreen()}
window.story.reveal_all()
chart = window.story.page.chart
factor = chart.factor_ids[0]
chart.set_level("crv-021", factor, 5.0)  # what a drag on the projector ends with
out["laptop_after_edit"] = float(laptop_editor.chart.items["crv-021"].getData()[1][0])
stack.undo()  # Ctrl+Z on the laptop
out["projector_after_undo"] = float(chart.items["crv-021"].getData()[1][0])
QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier, "s"))
app.processEvents()
out["after_s"] = window.screen().name()
window.close()
print(json.dumps(out))
"""


def test_two_screens_projector_shows_the_story_laptop_keeps_the_editor(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", CLIENTOCRACY_DATA_DIR=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["main"] == "laptop" and out["presentation"] == "projector"
    assert out["geometry"] == [1440, 0, 1920, 1080] and out["full"]
    assert out["laptop_after_edit"] == 5.0, "the laptop's editor follows an edit made on the projector"
    assert out["projector_after_undo"] == 2.5, "the projector follows an undo made on the laptop"
    assert out["after_s"] == "laptop", "S moves the presentation to the next screen"
