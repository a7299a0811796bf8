"""Benchmark of presentation mode at 1920×1080: opening it, turning pages, a reveal step, a drag step on the thick
projector chart, and what the key filter costs every other event of the app.

Run: .venv/bin/python bench/bench_presentation.py   (offscreen; the bundled sample, and a 12-factor × 8-curve canvas)

Issue 8 sets no figures; the aim is the design's "answers at once": a page turn or a reveal under 100 ms (first
build of a page included), a drag step under 16 ms (one frame at 60 Hz), the filter well under a microsecond's
worth of concern per event.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLIENTOCRACY_DATA_DIR", tempfile.mkdtemp(prefix="bench-presentation-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import model as m  # noqa: E402
from app.document import Document  # noqa: E402
from app.jsonio import read_json_file  # noqa: E402
from app.resources import sample_path  # noqa: E402

SIZE = (1920, 1080)
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton


def ms(start: float) -> float:
    """Milliseconds since `start`."""
    return (time.perf_counter() - start) * 1000


def stats(values: list[float]) -> str:
    """Median and 95th percentile, as text."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms"


def settle(app: QApplication, widget: QWidget) -> None:
    """Process pending events and paint the widget once (as the screen would)."""
    app.processEvents()
    widget.grab()


def busy_canvas() -> m.Workshop:
    """The sample with a 12-factor, 8-curve canvas in place of its own."""
    w = read_json_file(sample_path())
    kinds = ("as_is", "to_be", "competitor", "competitor", "alternative", "competitor", "alternative", "competitor")
    colors = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
    factors = [m.Factor(f"f{i}", f"Фактор номер {i}") for i in range(12)]
    curves = [m.Curve(f"c{j}", f"Кривая {j}", kinds[j], colors[j], levels={f.id: (i * j) % 11 / 2
                                                                         for i, f in enumerate(factors)})
              for j in range(8)]
    w.canvases = [m.Canvas("cv", "Канва", factors=factors, curves=curves)]
    return w


def main() -> None:
    app = QApplication.instance() or QApplication([])
    pg.setConfigOption("mouseRateLimit", -1)
    from widgets.presentation import PresentationWindow

    for name, workshop in (("sample", read_json_file(sample_path())), ("12×8 canvas", busy_canvas())):
        doc = Document(workshop)
        start = time.perf_counter()
        window = PresentationWindow(doc, QUndoStack())
        window.resize(*SIZE)
        window.show()
        settle(app, window)
        print(f"[{name}] open (window, first page, first paint): {ms(start):.0f} ms")
        firsts, steps = [], []
        while True:
            linger(app, 0.6)  # the room looks at the page; the next one is built meanwhile
            start = time.perf_counter()
            index = window.story.index
            if not window.story.next():
                break
            settle(app, window)
            (firsts if window.story.index != index else steps).append(ms(start))
        print(f"[{name}] page turn while presenting (first visit): {stats(firsts)}  (max {max(firsts):.0f} ms)")
        print(f"[{name}] reveal step (next curve or team):    {stats(steps)}")
        cold = []
        for kind in ("goal", "clients", "canvas", "errc", "structure", "promises", "findings"):
            probe = PresentationWindow(Document(workshop), QUndoStack())
            probe.resize(*SIZE)
            probe.show()
            settle(app, probe)
            probe.story._ahead.stop()
            start = time.perf_counter()
            probe.story.go_to(next(i for i, s in enumerate(probe.story.steps) if s.kind == kind), forward=False)
            settle(app, probe)
            cold.append(ms(start))
            probe.close()
            app.processEvents()
        print(f"[{name}] building a page on the spot (goal … findings): "
              + ", ".join(f"{t:.0f}" for t in cold) + " ms")
        again = []
        for _ in range(3):
            for i in range(len(window.story.steps)):
                start = time.perf_counter()
                window.story.go_to(i, forward=False)
                settle(app, window)
                again.append(ms(start))
        print(f"[{name}] page turn to a page already built:  {stats(again)}")
        window.story.go_to(next(i for i, s in enumerate(window.story.steps) if s.kind == "canvas"), forward=False)
        settle(app, window)
        chart = window.story.page.chart
        chart.scene().minDragTime = 0
        canvas = doc.model.canvases[0]
        curve = next(c for c in canvas.curves if c.kind == "to_be")
        factor = canvas.factors[2].id
        viewport = chart.viewport()
        top, bottom = chart.point_pos(curve.id, factor, canvas.scale[1]), chart.point_pos(curve.id, factor, 0)
        origin = chart.point_pos(curve.id, factor)
        for kind, pos, button, buttons in ((QEvent.Type.MouseMove, origin, NONE, NONE),
                                           (QEvent.Type.MouseButtonPress, origin, LEFT, LEFT)):
            viewport_event(viewport, kind, QPointF(pos), button, buttons)
        drag_steps = []
        for k in range(60):
            y = top.y() + (bottom.y() - top.y()) * ((k % 20) / 19)
            start = time.perf_counter()
            viewport_event(viewport, QEvent.Type.MouseMove, QPointF(origin.x(), y), NONE, LEFT)
            viewport.repaint()
            drag_steps.append(ms(start))
        viewport_event(viewport, QEvent.Type.MouseButtonRelease, QPointF(origin), LEFT, NONE)
        print(f"[{name}] drag step on the projector chart:    {stats(drag_steps)}")
        paints = []
        for _ in range(20):
            start = time.perf_counter()
            viewport.repaint()
            paints.append(ms(start))
        print(f"[{name}] full repaint of the chart:           {stats(paints)}")
        window.close()
        app.processEvents()

    probe = QWidget()
    probe.resize(50, 50)
    probe.show()
    n = 20000
    start = time.perf_counter()
    for _ in range(n):
        app.sendEvent(probe, QEvent(QEvent.Type.User))
    bare = ms(start) / n * 1000
    window = PresentationWindow(Document(read_json_file(sample_path())), QUndoStack())
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    for _ in range(n):
        app.sendEvent(probe, QEvent(QEvent.Type.User))
    filtered = ms(start) / n * 1000
    print(f"an event elsewhere in the app: {bare:.2f} µs without the presentation, {filtered:.2f} µs with its key "
          f"filter installed (+{filtered - bare:.2f} µs)")
    window.close()


def linger(app: QApplication, seconds: float) -> None:
    """Let the event loop run for `seconds` (timers fire)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def viewport_event(widget: QWidget, kind: QEvent.Type, pos: QPointF, button: Qt.MouseButton,
                   buttons: Qt.MouseButton) -> None:
    """Deliver one mouse event that carries its buttons."""
    event = QMouseEvent(kind, pos, QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


if __name__ == "__main__":
    main()
