"""Emoji in the user's words are drawn as glyphs (the bundled Symbola when the system has no emoji font).

Qt's font fallbacks are process-wide and cached, so the check runs in a fresh process, as the app starts for a
user: a test that laid out text before would otherwise decide what this one sees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SESSION = r"""
import json, sys
from pathlib import Path
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication
from app import changes, model as m
from app.workfile import WorkFile
from widgets.base.emoji_font import ROCKET, glyph_fonts
from widgets.base.undo import push_edit
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings

app = QApplication([])
name = chr(ROCKET) + " Запуск"
work = WorkFile.new(m.Workshop(info=m.WorkshopInfo(title="Пекарня"), teams=[m.Team("t1", "Команда", "client_facing")]),
                    Path(sys.argv[1]))
window = MainWindow(Settings())
window.set_work(work)
window.show()
doc = window.document
push_edit(window.undo_stack, doc, changes.update(doc, "t1", name=name))
push_edit(window.undo_stack, doc, changes.update(doc, "", title=name))
page = window.workspace.show_table("teams")
index = page.table.proxy.mapFromSource(page.model.index(0, page.model.column_of("name")))
layout = QTextLayout(chr(ROCKET), QApplication.font())
layout.beginLayout(); layout.createLine(); layout.endLayout()
print(json.dumps({
    "cell": index.data(),
    "table": glyph_fonts(chr(ROCKET), page.table.font()),
    "header": glyph_fonts(name, window.workspace.title_label.font()),
    "raw": [run.rawFont().supportsCharacter(ROCKET) for run in layout.glyphRuns()],
    "painted": not page.table.viewport().grab().isNull(),
}))
window.ask_before_closing = False
window.close()
"""


def test_a_rocket_in_a_team_name_is_drawn_as_a_glyph_in_the_table_and_the_header(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CLIENTOCRACY_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path / "w.clientocracy")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["cell"] == "\U0001f680 Запуск"
    assert seen["table"] and all(found for _family, found in seen["table"]), seen["table"]
    assert seen["header"] and all(found for _family, found in seen["header"]), seen["header"]
    assert seen["raw"] and all(seen["raw"]), "the font that draws the rocket does not cover U+1F680"
    assert seen["painted"]
