"""Benchmark of the strategy canvas editor: drag step, commit, switching to the canvas, against matplotlib.

Run: .venv/bin/python bench/bench_canvas.py   (offscreen; 30 factors × 10 curves at 1600×900, antialiased)

Targets (issue 4): one drag step (mouse move to repainted chart) ≤ 8 ms median and ≤ 16 ms p95, and ≤ 0.2× a
matplotlib (Agg) redraw of the same chart measured in the same run; committing the drag ≤ 20 ms; switching to the
canvas view (constructing the editor and its first paint) ≤ 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLIENTOCRACY_DATA_DIR", tempfile.mkdtemp(prefix="bench-canvas-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QObject, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from show_canvas import demo_workshop  # noqa: E402

from app import model as m  # noqa: E402
from app.workfile import WorkFile  # noqa: E402

FACTORS, CURVES, SIZE = 30, 10, (1600, 900)
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def ms(start: float) -> float:
    """Milliseconds since `start`."""
    return (time.perf_counter() - start) * 1000


def stats(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile."""
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def mouse(widget, kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:  # noqa: ANN001
    """Deliver one mouse event that carries its buttons."""
    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def build_editor(work: WorkFile):  # noqa: ANN201
    """Construct, show and paint the editor once; returns it with the milliseconds that took."""
    from widgets.canvas.editor import CanvasEditor

    start = time.perf_counter()
    editor = CanvasEditor(work.document, QUndoStack())
    editor.resize(*SIZE)
    editor.show()
    QApplication.processEvents()  # layout and the first paint of every child
    editor.repaint()
    return editor, ms(start)


def switch_cost(work: WorkFile, runs: int = 8) -> tuple[float, list[float], list[float]]:
    """Constructing the editor and its first paint: the first time in the process, then fresh ones (wall, CPU)."""
    times, cpu = [], []
    for _ in range(runs):
        c0 = time.thread_time()
        editor, took = build_editor(work)
        times.append(took)
        cpu.append((time.thread_time() - c0) * 1000)
        editor.close()
        editor.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return times[0], times[1:], cpu[1:]


def drag_steps(editor, steps: int = 200) -> dict[str, list[float]]:  # noqa: ANN001
    """One point dragged up and down a step per move: move + full repaint, move + pending paint, commit; wall and
    this thread's CPU milliseconds (the machine's 2 cores are shared, so wall time includes waiting for a core)."""
    chart = editor.chart
    view = chart.viewport()
    canvas = editor.canvas
    curve, factor = canvas.curves[1], canvas.factors[FACTORS // 2]
    editor.ctx.select(curve.id, factor.id)
    level = curve.levels.get(factor.id, 2.5)
    start = QPointF(chart.point_pos(curve.id, factor.id, level))
    first = level + 1 if level <= 4 else level - 1  # the release lands here: always a change
    second = first - 1 if first >= 1 else first + 1
    up = QPointF(chart.point_pos(curve.id, factor.id, first))
    down = QPointF(chart.point_pos(curve.id, factor.id, second))
    out: dict[str, list[float]] = {k: [] for k in ("full", "pending", "commit", "full_cpu", "commit_cpu")}
    paints = PaintCounter(view)
    for rnd in range(steps // 20):
        mouse(view, QEvent.Type.MouseMove, start, NONE, NONE)
        mouse(view, QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
        QApplication.processEvents()
        for k in range(20):
            target = up if k % 2 == 0 else down
            t0, c0 = time.perf_counter(), time.thread_time()
            mouse(view, QEvent.Type.MouseMove, target, NONE, LEFT)
            if rnd % 2 == 0:
                view.repaint()  # the whole chart painted now
                out["full"].append(ms(t0))
                out["full_cpu"].append((time.thread_time() - c0) * 1000)
            else:
                QApplication.processEvents()  # what the event loop paints: the dirty region only
                out["pending"].append(ms(t0))
        painted = paints.count
        t0, c0 = time.perf_counter(), time.thread_time()
        mouse(view, QEvent.Type.MouseButtonRelease, up, LEFT, NONE)
        QApplication.processEvents()  # the event loop paints the chart, the table cell and whatever followed
        out["commit"].append(ms(t0))
        out["commit_cpu"].append((time.thread_time() - c0) * 1000)
        assert paints.count > painted, "the commit was not painted"
        editor.undo_stack.undo()
        QApplication.processEvents()
    return out


class PaintCounter(QObject):
    """Counts the paint events of one widget (to check that a measured step really painted)."""

    def __init__(self, widget) -> None:  # noqa: ANN001
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:  # noqa: ANN001, N802 - Qt override
        if ev.type() == QEvent.Type.Paint:
            self.count += 1
        return False


class TimedStore:
    """The working copy's store, timed: how much of a commit is SQLite writing the edit to disk."""

    def __init__(self, store) -> None:  # noqa: ANN001
        self.store = store
        self.times: list[float] = []

    def commit(self, document, applied) -> None:  # noqa: ANN001
        t0 = time.perf_counter()
        self.store.commit(document, applied)
        self.times.append(ms(t0))


def matplotlib_redraw(canvas: m.Canvas, runs: int = 30) -> list[float]:
    """The same chart with matplotlib (Agg, 1600×900, antialiased): one level changed, then a full redraw."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    styles = {"as_is": (2.0, "-", "o", 6), "to_be": (3.4, "-", "o", 8), "competitor": (1.3, "-", "s", 5),
              "alternative": (1.5, "--", "D", 5)}
    fig, ax = plt.subplots(figsize=(SIZE[0] / 100, SIZE[1] / 100), dpi=100)
    xs = list(range(len(canvas.factors)))
    lines = []
    for c in canvas.curves:
        width, dash, marker, size = styles[c.kind]
        ys = [c.levels.get(f.id, float("nan")) for f in canvas.factors]
        (line,) = ax.plot(xs, ys, color=c.color, linewidth=width, linestyle=dash, marker=marker, markersize=size,
                          markeredgecolor="white", label=c.name)
        lines.append(line)
    ax.set_xticks(xs, [f.name for f in canvas.factors], rotation=45, ha="right")
    ax.set_yticks(range(6), ["not offered", "1", "2", "3", "4", "5"])
    ax.set_ylim(-0.35, 5.35)
    ax.grid(axis="y", color="#E3E6EB")
    ax.legend(ncol=5, loc="upper center", bbox_to_anchor=(0.5, 1.12), frameon=False)
    fig.tight_layout()
    fig.canvas.draw()
    times = []
    target = lines[1]
    ys = list(target.get_ydata())
    for k in range(runs):
        ys[len(ys) // 2] = 1.0 + (k % 2)
        t0 = time.perf_counter()
        target.set_ydata(ys)
        fig.canvas.draw()
        times.append(ms(t0))
    plt.close(fig)
    return times


def main() -> int:
    """Run every measurement and print them against the targets."""
    qapp = QApplication.instance() or QApplication(sys.argv)
    t0 = time.perf_counter()
    import pyqtgraph as pg

    import widgets.canvas.editor  # noqa: F401 - import cost reported apart

    import_ms = ms(t0)
    pg.setConfigOption("mouseRateLimit", -1)
    work = WorkFile.new(demo_workshop(FACTORS, CURVES))
    timed_store = TimedStore(work.document.store)
    work.document.store = timed_store
    try:
        first, switches, switch_cpu = switch_cost(work)
        editor, _ = build_editor(work)
        editor.chart.scene().minDragTime = 0
        runs = drag_steps(editor)
        canvas = editor.canvas
        assert canvas is not None
        mpl = matplotlib_redraw(canvas)
    finally:
        work.document.store = timed_store.store
        work.close()
    full_med, full_p95 = stats(runs["full"])
    pend_med, pend_p95 = stats(runs["pending"])
    commit_med, commit_p95 = stats(runs["commit"])
    sqlite_med, _ = stats(timed_store.times[0::2])  # the drags' commits (the odd ones are their undos)
    mpl_med, _ = stats(mpl)
    switch_med, switch_p95 = stats(switches)
    rows = [
        ("import pyqtgraph and widgets.canvas (once per process)", f"{import_ms:.0f} ms", "—"),
        ("switch to canvas view, first in process", f"{first:.1f} ms", "≤ 100 ms"),
        ("switch to canvas view, median / p95 of 7", f"{switch_med:.1f} / {switch_p95:.1f} ms", "≤ 100 ms"),
        ("  CPU of this thread, median", f"{stats(switch_cpu)[0]:.1f} ms", ""),
        ("drag step, move + full chart repaint: median / p95", f"{full_med:.2f} / {full_p95:.2f} ms",
         "≤ 8 / ≤ 16 ms"),
        ("  CPU of this thread, median", f"{stats(runs['full_cpu'])[0]:.2f} ms", ""),
        ("drag step, move + event-loop paint: median / p95", f"{pend_med:.2f} / {pend_p95:.2f} ms", "≤ 8 / ≤ 16 ms"),
        ("matplotlib Agg redraw of the same chart: median", f"{mpl_med:.1f} ms", "—"),
        ("drag step (full repaint) / matplotlib", f"{full_med / mpl_med:.3f}×", "≤ 0.2×"),
        ("commit drag (release → edit → SQLite → views → painted)", f"{commit_med:.2f} / {commit_p95:.2f} ms",
         "≤ 20 ms"),
        ("  of which SQLite commit of the working copy, median", f"{sqlite_med:.2f} ms", ""),
        ("  CPU of this thread, median", f"{stats(runs['commit_cpu'])[0]:.2f} ms", ""),
    ]
    print(f"Canvas editor, {FACTORS} factors × {CURVES} curves at {SIZE[0]}×{SIZE[1]}, antialiased, offscreen")
    print(f"  load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    width = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{width}}  {value:>18}   {'target ' + target if target else ''}")
    ok = (full_med <= 8 and full_p95 <= 16 and full_med <= 0.2 * mpl_med and commit_med <= 20
          and switch_med <= 100)
    print("  all targets met" if ok else "  SOME TARGETS MISSED")
    qapp.processEvents()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
