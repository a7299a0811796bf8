"""Start-up and table-edit timings of the application shell, against a bare PySide6 window measured in the same run.

    .venv/bin/python bench/bench_startup.py [--runs 7]

Budgets (issue 3): process start to the first painted window with the sample <= 700 ms and <= 3x a bare PySide6
window with one QGraphicsView; the large generated workshop <= 1 s to its first frame; an edit in a table shown
<= 50 ms. Every start is a fresh process (offscreen), timed from just before it is spawned to the end of the first
frame it paints (the last paint event before control returns to the event loop).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offscreen import WATCHED_APP, offscreen_platform  # noqa: E402  # bench/ is the script's own folder

FIRST_FRAME = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer


class FirstFrame(QObject):
    def __init__(self):
        super().__init__()
        self.last = None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if self.last is None:
                QTimer.singleShot(0, self.report)  # after the frame's last paint
            self.last = time.time()
        return False

    def report(self):
        print(f"FIRST_FRAME {self.last:.6f}", flush=True)
        os._exit(0)


frame = FirstFrame()
"""

BARE = FIRST_FRAME + """
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow
app = QApplication(sys.argv[:1])
app.installEventFilter(frame)
window = QMainWindow()
scene = QGraphicsScene()
window.setCentralWidget(QGraphicsView(scene))
window.resize(1600, 1000)
window.show()
app.exec()
"""

APP = FIRST_FRAME + """
from PySide6.QtWidgets import QApplication
import widgets.shell.gui  # what cli.main imports first
""" + WATCHED_APP


BYTECODE = Path(tempfile.mkdtemp(prefix="bench-pycache-"))


def first_frame(code: str, args: list[str], data_dir: Path, bytecode: bool = True) -> float:
    """Seconds from spawning a Python process running `code` to the end of its first painted frame.

    With `bytecode`, compiled modules are cached (in a temporary folder) as in an installed app; without, the
    environment is left as it is (where PYTHONDONTWRITEBYTECODE is set, the project's modules compile at each start)."""
    env = dict(os.environ, QT_QPA_PLATFORM=offscreen_platform(data_dir), CLIENTOCRACY_DATA_DIR=str(data_dir))
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(BYTECODE)

    start = time.time()
    proc = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    for line in proc.stdout.splitlines():
        if line.startswith("FIRST_FRAME "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first frame (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def fresh_dir(parent: Path, name: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=parent))
    return path


def table_edits(big: Path, edits: int) -> tuple[list[float], list[float], float, float]:
    """In one process: open the large workshop, show its promise table, then time edits typed into cells until
    they are painted (the checks recomputed in the same turn of the event loop)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CLIENTOCRACY_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-edit-")
    from PySide6.QtWidgets import QApplication

    from widgets.shell import gui
    from widgets.shell.settings import Settings

    app = gui.application()
    window = gui.open_window(str(big), settings=Settings(), translations=None)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    page = window.workspace.show_table("promises")
    app.processEvents()
    window.repaint()
    table_first = time.perf_counter() - start
    start = time.perf_counter()
    window.show_page("structure")
    app.processEvents()
    window.repaint()
    structure_first = time.perf_counter() - start
    window.workspace.show_table("promises")
    app.processEvents()
    model, column = page.model, page.model.column_of("text")
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        """Times of the paint events of the table's cells."""

        times: list[float] = []

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.times.append(time.perf_counter())
            return False

    paints = Paints()
    page.table.viewport().installEventFilter(paints)
    shown, settled = [], []
    for i in range(edits):
        row = (i * 97) % model.rowCount()
        index = page.table.proxy.mapFromSource(model.index(row, column))
        page.table.scrollTo(index)
        for _ in range(3):
            app.processEvents()
        paints.times.clear()
        start = time.perf_counter()
        model.setData(model.index(row, column), f"Обещание номер {i}")
        QApplication.processEvents()  # the cell repainted, then the checks and the navigator recomputed
        settled.append(time.perf_counter() - start)
        shown.append(paints.times[0] - start if paints.times else settled[-1])
        assert page.table.proxy.index(index.row(), column).data() == f"Обещание номер {i}"
    window.ask_before_closing = False
    window.close()
    return shown, settled, table_first, structure_first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()

    from app.generate import generate_workshop
    from app.resources import sample_path
    from app.workfile import read_workshop, write_workshop_file
    from widgets.shell.i18n import LANGUAGES, compile_language

    for language in LANGUAGES:  # as the first start of a checkout does; later starts find them fresh
        compile_language(language)
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    big = work / "large.clientocracy"
    write_workshop_file(big, generate_workshop())
    sample_file = work / "sample.clientocracy"
    write_workshop_file(sample_file, read_workshop(sample_path()))

    bare, sample, last, large, bare_cold, sample_cold = [], [], [], [], [], []
    first_frame(BARE, [], fresh_dir(work, "warm"))  # warm the disk cache and the bytecode for both
    first_frame(APP, [], fresh_dir(work, "warm"))
    for _ in range(args.runs):
        bare.append(first_frame(BARE, [], fresh_dir(work, "bare")))
        sample.append(first_frame(APP, [], fresh_dir(work, "sample")))  # a first start: the bundled sample
        last.append(first_frame(APP, [str(sample_file)], fresh_dir(work, "file")))
        large.append(first_frame(APP, [str(big)], fresh_dir(work, "large")))
        bare_cold.append(first_frame(BARE, [], fresh_dir(work, "bare"), bytecode=False))
        sample_cold.append(first_frame(APP, [], fresh_dir(work, "sample"), bytecode=False))
    shown, settled, table_first, structure_first = table_edits(big, args.edits)

    def ms(values: list[float]) -> str:  # noqa: E306
        return f"median {statistics.median(values) * 1000:6.0f} ms  (min {min(values) * 1000:.0f}, " \
               f"max {max(values) * 1000:.0f})"

    ratio = statistics.median(sample) / statistics.median(bare)

    def p95(values: list[float]) -> float:
        return sorted(values)[int(0.95 * (len(values) - 1))]

    print(f"Start to first frame, {args.runs} runs each, offscreen, Python {sys.version.split()[0]}, "
          f"bytecode cached as in an installed app")
    print(f"  bare PySide6 window + QGraphicsView   {ms(bare)}")
    print(f"  app, first start (bundled sample)     {ms(sample)}   budget 700 ms")
    print(f"  ratio app / bare                      {ratio:6.2f} x     budget 3 x")
    print(f"  app, FILE = sample.clientocracy       {ms(last)}")
    cold_ratio = statistics.median(sample_cold) / statistics.median(bare_cold)
    print(f"  environment as it is (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')}): "
          f"bare {ms(bare_cold)}")
    print(f"                                         app  {ms(sample_cold)}  ratio {cold_ratio:.2f} x")
    print(f"  app, FILE = large (500 teams, 3,000 promises, 1,000 links)  {ms(large)}   budget 1000 ms")
    print(f"Large workshop in one process: promise table first shown {table_first * 1000:.0f} ms, "
          f"structure editor first shown {structure_first * 1000:.0f} ms")
    print(f"Edit typed into a cell of the large promise table, {len(shown)} edits:")
    print(f"  painted in the table       median {statistics.median(shown) * 1000:5.1f} ms, "
          f"p95 {p95(shown) * 1000:5.1f} ms, max {max(shown) * 1000:5.1f} ms   budget 50 ms")
    print(f"  checks and stages updated  median {statistics.median(settled) * 1000:5.1f} ms, "
          f"p95 {p95(settled) * 1000:5.1f} ms, max {max(settled) * 1000:5.1f} ms")
    ok = statistics.median(sample) <= 0.7 and ratio <= 3 and statistics.median(large) <= 1.0 and p95(shown) <= 0.05
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
