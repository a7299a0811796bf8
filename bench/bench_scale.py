"""The large workshop and ten times it, side by side: edit to settled, open, import, check, handout, memory.

    .venv/bin/python bench/bench_scale.py [--edits 60] [--runs 3] [--skip-handout] [--only open|edits|core]

Issue 18. Two workshops from app.generate: 500 teams / 3,000 promises / 1,000 links and 5,000 teams / 30,000
promises / 10,000 links. For each: an edit typed into a promise's text in the promise table until everything has
settled (table painted, checks panel and stage navigator updated: the event loop idle again), median and p95; the
promise map's first showing; a team dragged on it with the mouse: each drag step until painted (median, p95) and
each drop (one edit) until every view followed; the structure's first showing and a drag step on it (≤ 1 s, ≤ 16 ms);
a fresh process from spawn to the window's first frame (offscreen, bytecode cached), and its resident memory once
the checks are shown; JSON import; `check` (read the
file, run the checks); the `check` and `import` commands as a user runs them (a fresh process each: start-up
included); the default handout (PDF). Budgets at 30,000: edit ≤ 16 ms median and ≤ 50 ms p95 (≤ 8 ms
median at 3,000), open ≤ 2.5 s (≤ 1 s at 3,000), handout ≤ 5 s, import ≤ 12× the 3,000 figure, check ≤ 10×,
memory ≤ 600 MB. The machine's load is printed: on a shared machine the figures move by tens of per cent.
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
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from offscreen import WATCHED_APP, offscreen_platform  # noqa: E402  # bench/ is the script's own folder

SIZES = {"3k": dict(teams=500, promises=3000, links=1000), "30k": dict(teams=5000, promises=30000, links=10000)}

OPEN = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class FirstFrame(QObject):
    def __init__(self):
        super().__init__()
        self.last = None

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            if self.last is None:
                QTimer.singleShot(0, self.report)
            self.last = time.time()
        return False

    def report(self):
        print(f"FIRST_FRAME {self.last:.6f}", flush=True)
        QTimer.singleShot(0, self.settle)

    def settle(self):
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        deadline = time.time() + 60
        while time.time() < deadline:  # the checks run after the first frame: wait for them
            QApplication.processEvents()
            if window.checks.findings:
                break
            time.sleep(0.01)
        for _ in range(20):
            QApplication.processEvents()
        print(f"SETTLED {time.time():.6f} RSS {rss_mb():.1f}", flush=True)
        os._exit(0)


frame = FirstFrame()
import widgets.shell.gui
""" + WATCHED_APP


def run_command(*args: str) -> None:
    """`python -m app ARGS` in a fresh process, as a user runs it (exit 0, or 1 when `check` finds errors)."""
    proc = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"python -m app {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` calls of `fn`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[int(0.95 * (len(values) - 1))]


def open_in_process(path: Path, data_dir: Path) -> tuple[float, float, float]:
    """A fresh process opening `path`: seconds to its first frame, to the checks shown, and its resident MB then."""
    env = dict(os.environ, QT_QPA_PLATFORM=offscreen_platform(data_dir), CLIENTOCRACY_DATA_DIR=str(data_dir))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(data_dir.parent / "pycache")
    start = time.time()
    proc = subprocess.run([sys.executable, "-c", OPEN, str(path)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    first = settled = rss = None
    for line in proc.stdout.splitlines():
        if line.startswith("FIRST_FRAME "):
            first = float(line.split()[1]) - start
        elif line.startswith("SETTLED "):
            parts = line.split()
            settled, rss = float(parts[1]) - start, float(parts[3])
    if first is None or settled is None or rss is None:
        raise RuntimeError(f"no first frame (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return first, settled, rss


def live_edits(path: Path, edits: int) -> dict[str, list[float]]:
    """In this process: the window on `path`; promise texts typed into the table, each timed until the event loop
    is idle again (views, checks panel and stages updated); the promise map shown; a team dragged on it with the
    mouse, each drag step timed until painted, and each drop (one edit) until every view has followed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["CLIENTOCRACY_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-scale-edit-")
    from widgets.shell import gui
    from widgets.shell.settings import Settings

    app = gui.application()
    window = gui.open_window(str(path), settings=Settings(), translations=None)
    window.resize(1600, 1000)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.checks.recompute()
    page = window.workspace.show_table("promises")
    app.processEvents()
    model, column = page.model, page.model.column_of("text")
    typed: list[float] = []
    for i in range(edits):
        row = (i * 97) % model.rowCount()
        index = page.table.proxy.mapFromSource(model.index(row, column))
        page.table.scrollTo(index)
        for _ in range(3):
            app.processEvents()
        start = time.perf_counter()
        model.setData(model.index(row, column), f"Обещание номер {i}")
        QApplication.processEvents()  # the cell repainted, the checks and the navigator recomputed
        QApplication.processEvents()
        typed.append(time.perf_counter() - start)
    started = time.perf_counter()
    window.show_page("promises")  # the promise map, built when first shown
    app.processEvents()
    window.repaint()
    shown = time.perf_counter() - started
    view = window.workspace.editors["promises"].editor.diagram.view
    scene = view.scene()
    for _ in range(5):
        app.processEvents()
    node = scene.nodes[window.document.model.teams[len(window.document.model.teams) // 2].id]
    view.centerOn(node)
    app.processEvents()
    dragged: list[float] = []
    dropped: list[float] = []
    for _round in range(max(1, edits // 10)):
        at = QPointF(view.mapFromScene(node.sceneBoundingRect().center()))
        _mouse(view.viewport(), QEvent.Type.MouseButtonPress, at, Qt.MouseButton.LeftButton)
        for k in range(1, 11):  # a drag step: the node and its arrows follow the mouse, painted
            start = time.perf_counter()
            _mouse(view.viewport(), QEvent.Type.MouseMove, at + QPointF(4 * k, 3 * k), Qt.MouseButton.NoButton)
            QApplication.processEvents()
            dragged.append(time.perf_counter() - start)
        start = time.perf_counter()  # the drop: one edit, every view follows
        _mouse(view.viewport(), QEvent.Type.MouseButtonRelease, at + QPointF(40, 30), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        QApplication.processEvents()
        dropped.append(time.perf_counter() - start)
    first_paint = FirstViewPaint()
    app.installEventFilter(first_paint)
    started = time.perf_counter()
    window.show_page("structure")  # the structure, built when first shown
    app.processEvents()
    window.repaint()
    structure_shown = time.perf_counter() - started
    app.removeEventFilter(first_paint)
    structure_frame = (first_paint.at or time.perf_counter()) - started
    view = window.workspace.editors["structure"].editor.view
    for _ in range(5):
        app.processEvents()
    node = view.scene().nodes[window.document.model.teams[len(window.document.model.teams) // 3].id]
    view.centerOn(node)
    app.processEvents()
    structure_dragged: list[float] = []
    at = QPointF(view.mapFromScene(node.sceneBoundingRect().center()))
    _mouse(view.viewport(), QEvent.Type.MouseButtonPress, at, Qt.MouseButton.LeftButton)
    for k in range(1, 31):  # a drag step on the structure, painted
        start = time.perf_counter()
        _mouse(view.viewport(), QEvent.Type.MouseMove, at + QPointF(4 * k, 3 * k), Qt.MouseButton.NoButton)
        QApplication.processEvents()
        structure_dragged.append(time.perf_counter() - start)
    _mouse(view.viewport(), QEvent.Type.MouseButtonRelease, at + QPointF(120, 90), Qt.MouseButton.LeftButton)
    app.processEvents()
    window.ask_before_closing = False
    window.close()
    return {"typed": typed, "dragged": dragged, "dropped": dropped, "map": [shown],
            "structure": [structure_frame, structure_shown], "structure_dragged": structure_dragged[1:]}


class FirstViewPaint(QObject):
    """The moment a diagram view's viewport first paints (installed on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.at: float | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.at is None and event.type() == QEvent.Type.Paint and isinstance(watched.parent(), QGraphicsView):
            self.at = time.perf_counter()
        return False


def _mouse(widget: QWidget, kind: QEvent.Type, at: QPointF, button: Qt.MouseButton) -> None:
    """Send a mouse event as the real mouse would (the left button held while moving)."""
    left = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
    event = QMouseEvent(kind, at, QPointF(widget.mapToGlobal(at.toPoint())), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def child_edits(path: str, edits: int) -> None:
    """Run live_edits in a child process and print its timings (one Qt application per process)."""
    result = live_edits(Path(path), edits)
    for key, values in result.items():
        print(key, " ".join(f"{v:.6f}" for v in values), flush=True)
    os._exit(0)


def edits_in_child(path: Path, edits: int) -> dict[str, list[float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'bench')!r}); import bench_scale; " \
           f"bench_scale.child_edits({str(path)!r}, {edits})"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=1200)
    found: dict[str, list[float]] = {}
    for line in proc.stdout.splitlines():
        key, *values = line.split()
        if key in ("typed", "dragged", "dropped", "map", "structure", "structure_dragged"):
            found[key] = [float(v) for v in values]
    if len(found) != 6:
        raise RuntimeError(f"edits failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-handout", action="store_true")
    parser.add_argument("--only", choices=("open", "edits", "core"), default=None)
    args = parser.parse_args()

    from app.checks import run_checks
    from app.duplication import duplication
    from app.generate import generate_workshop
    from app.jsonio import read_json_file, write_json_file
    from app.workfile import read_workshop, write_workshop_file
    from widgets.shell.i18n import LANGUAGES, compile_language

    for language in LANGUAGES:
        compile_language(language)
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    rows: dict[str, dict[str, float]] = {}
    for name, size in SIZES.items():
        w = generate_workshop(**size)
        file, json_file = work / f"{name}.clientocracy", work / f"{name}.json"
        write_workshop_file(file, w)
        write_json_file(json_file, w)
        r = rows[name] = {}
        if args.only in (None, "core"):
            r["import JSON (read + validate)"] = statistics.median(timed(lambda f=json_file: read_json_file(f), 3))
            r["import to a workshop file"] = statistics.median(
                timed(lambda f=json_file, n=name: write_workshop_file(work / f"imp-{n}-{time.time_ns()}.clientocracy",
                                                                      read_json_file(f)), 3))
            r["check (read file + run checks)"] = statistics.median(
                timed(lambda f=file: run_checks(read_workshop(f)), 3))
            r["`check` command, fresh process"] = statistics.median(
                timed(lambda f=file: run_command("check", str(f)), 3))
            r["`import` command, fresh process"] = statistics.median(
                timed(lambda f=json_file, n=name: run_command(
                    "import", str(f), str(work / f"cmd-{n}-{time.time_ns()}.clientocracy")), 3))
            r["duplication (Задвоение, ≤ 200 ms)"] = statistics.median(timed(lambda w=w: duplication(w), 3))
            if not args.skip_handout:
                import exports

                r["handout PDF (default)"] = statistics.median(
                    timed(lambda w=w, n=name: exports.export_pdf(w, work / f"{n}.pdf"), 1))
        if args.only in (None, "open"):
            opened = [open_in_process(file, Path(tempfile.mkdtemp(dir=work))) for _ in range(args.runs)]
            r["open: first frame"] = statistics.median(o[0] for o in opened)
            r["open: checks shown"] = statistics.median(o[1] for o in opened)
            r["resident memory, MB (checks shown)"] = statistics.median(o[2] for o in opened) / 1000
        if args.only in (None, "edits"):
            timings = edits_in_child(file, args.edits)
            r["edit typed: settled, median"] = statistics.median(timings["typed"])
            r["edit typed: settled, p95"] = p95(timings["typed"])
            r["promise map: first shown"] = timings["map"][0]
            r["map drag step: painted, median"] = statistics.median(timings["dragged"])
            r["map drag step: painted, p95"] = p95(timings["dragged"])
            r["map drop: settled, median"] = statistics.median(timings["dropped"])
            r["structure: first frame (≤ 1 s)"] = timings["structure"][0]
            r["structure: shown, marks on"] = timings["structure"][1]
            r["structure drag step: median (≤ 16)"] = statistics.median(timings["structure_dragged"])
            r["structure drag step: p95"] = p95(timings["structure_dragged"])
    load = os.getloadavg()
    print(f"bench_scale: Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'':40} {'3,000':>12} {'30,000':>12} {'ratio':>8}")
    for key in rows["3k"]:
        small, large = rows["3k"][key], rows["30k"].get(key, float("nan"))
        unit = "MB" if "MB" in key else "ms"
        scale = 1000 if unit == "MB" else 1000
        print(f"{key:40} {small * scale:10.1f}{unit:>2} {large * scale:10.1f}{unit:>2} {large / small:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
