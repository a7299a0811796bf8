"""Benchmark of the promise map: 3,000 promises among 500 parties (app.generate.generate_workshop()).

Run: .venv/bin/python bench/bench_promises.py   (offscreen; prints a table; targets from issue 6)

- first frame: from creating the editor to the map painted zoomed out to fit (and the memory it took);
- one drag step of a node with its arrows (mouse move + repaint), at 100 % and zoomed out to fit, p95;
- filtering the table (by team, by status, by words, problems only, cleared);
- the checks recomputed after an edit (and the whole edit with every view following it).
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import changes as c  # noqa: E402
from app.document import Document  # noqa: E402
from app.generate import generate_workshop  # noqa: E402


def rss_mb() -> float:
    """Resident memory now, in MB (Linux /proc; the peak elsewhere)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(len(times) * 0.95) - 1)]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def mouse(view, kind: QEvent.Type, pos: QPoint, buttons: Qt.MouseButton, button: Qt.MouseButton) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def first_frame(app: QApplication, doc: Document) -> tuple[float, float, object]:
    from widgets.promises.editor import PromiseMapEditor

    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    editor = PromiseMapEditor(doc, QUndoStack())
    editor.resize(1600, 1000)
    editor.show()
    editor.view.viewport().repaint()  # the first frame, zoomed out to fit (showEvent fits)
    took = (time.perf_counter() - start) * 1000
    app.processEvents()
    return took, rss_mb() - before, editor


def drag_steps(app: QApplication, editor, zoom: float | None, steps: int = 120) -> list[float]:
    view, scene = editor.view, editor.scene
    node = max(scene.nodes.values(), key=lambda n: len(n.edges))
    if zoom is None:
        view.fit_all()
    else:
        view.set_zoom(zoom)
        view.centerOn(node.pos())
    app.processEvents()
    start = view.mapFromScene(node.pos())
    mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton)
    times = []
    for i in range(1, steps + 1):
        pos = start + QPoint(i % 40 + 10, (i * 3) % 30 + 10)
        t0 = time.perf_counter()
        mouse(view, QEvent.Type.MouseMove, pos, Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
        view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    mouse(view, QEvent.Type.MouseButtonRelease, start + QPoint(20, 20), Qt.MouseButton.NoButton,
          Qt.MouseButton.LeftButton)
    app.processEvents()
    return times[5:]


def main() -> int:
    app = QApplication.instance() or QApplication([])
    w = generate_workshop()
    print(f"workshop: {len(w.teams)} teams, {len(w.segments)} segments, {len(w.promises)} promises, "
          f"{len({(p.from_, p.to) for p in w.promises})} distinct pairs")
    import widgets.promises.editor  # noqa: F401 - imports are start-up cost, not the map's

    doc = Document(w)
    took, memory, editor = first_frame(app, doc)
    print(f"first frame (create + fit + paint): {took:7.1f} ms   memory +{memory:.0f} MB   target <= 500 ms")
    print(f"   zoom after fit: {editor.view.zoom:.3f}  overview: {editor.view.in_overview()}")
    repaint = timed(editor.view.viewport().repaint, 5)
    print(f"repaint at fit (cached still image):  median {statistics.median(repaint):6.2f} ms")
    for label, zoom in (("100 %", 1.0), ("fit", None)):
        steps = drag_steps(app, editor, zoom)
        print(f"drag step at {label:6}: p95 {p95(steps):6.2f} ms  median {statistics.median(steps):6.2f} ms"
              "   target p95 <= 8 ms")
    panel = editor.table_panel
    teams = [t.id for t in w.teams]
    filters = [dict(team=teams[7]), dict(team=None, status="accepted"), dict(status=None, words="касс"),
               dict(words="", problems_only=True), dict(problems_only=False)]
    for conditions in filters:
        times = timed(lambda cond=conditions: (panel.set_filter(**cond), app.processEvents()), 5)
        shown = panel.table.proxy.rowCount()
        print(f"filter {str(conditions):40} -> {shown:5} rows: median {statistics.median(times):6.1f} ms"
              f"  max {max(times):6.1f} ms   target <= 100 ms")
    ctx = editor.ctx
    promise = w.promises[100].id
    for frozen in (False, True):
        if frozen:  # what the app gains if it calls gc.freeze() once a workshop is open (see the note in the report)
            gc.collect()
            gc.freeze()
        checks, edits = [], []
        for i in range(40):
            t0 = time.perf_counter()
            ctx.push(c.update(doc, promise, status=("accepted", "draft")[i % 2]))
            t1 = time.perf_counter()
            ctx.recompute_checks()
            t2 = time.perf_counter()
            edits.append((t1 - t0) * 1000)
            checks.append((t2 - t1) * 1000)
        label = "after gc.freeze()" if frozen else ""
        print(f"edit applied + views follow {label:17}: median {statistics.median(edits):6.1f} ms")
        print(f"checks recomputed after an edit {label:17}: median {statistics.median(checks):6.1f} ms"
              f"  p95 {p95(checks):6.1f} ms  max {max(checks):6.1f} ms   target <= 50 ms")
    team = w.teams[3].id
    focus = timed(lambda: (editor.select_ids([team]), editor.select_ids([])), 5)
    print(f"focus a team and clear it: median {statistics.median(focus):6.1f} ms")
    editor.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
