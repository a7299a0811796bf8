"""The zoomed-out summary of the x10 workshop: bundling, painting, panning, and a drag step at a readable zoom.

    .venv/bin/python bench/bench_summary.py [--repeat 20] [--promises 30000]

Issue 18. The promise map of app.generate's 5,000 teams / 30,000 promises (the view alone, 1920×1080, offscreen):
bundling the whole map (the first paint at a zoom), the still image drawn again (a pan: bundles cached), at the
scale that shows the whole map and at 0.12; then at 100 % a party dragged with the mouse, each step until painted
(arrow items made and released as the view moves). Budgets: a pan's paint ≤ 16 ms, a drag step p95 ≤ 16 ms.
The structure of the same workshop (10,000 links) zoomed out likewise. The machine's load is printed: on a shared
machine the figures move by tens of per cent.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.environ.get("BENCH_ROOT", str(Path(__file__).resolve().parent.parent)))

from PySide6.QtCore import QEvent, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(len(values) * 0.95) - 1)]


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:6.1f} ms, p95 {p95(values) * 1000:6.1f} ms"


def paints(view, repeat: int) -> tuple[float, list[float], list[float]]:
    """The first paint at the current zoom (bundling), the still image drawn again (invalidated), and a pan step."""
    viewport = view.viewport()
    start = time.perf_counter()
    viewport.repaint()
    first = time.perf_counter() - start
    again, panned = [], []
    for k in range(repeat):
        view.overview.invalidate()
        start = time.perf_counter()
        viewport.repaint()
        again.append(time.perf_counter() - start)
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + (7 if k % 2 else -7))
        start = time.perf_counter()
        viewport.repaint()
        panned.append(time.perf_counter() - start)
    return first, again, panned


def mouse(widget: QWidget, kind: QEvent.Type, at: QPointF, button: Qt.MouseButton) -> None:
    left = Qt.MouseButton.LeftButton
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else left
    QApplication.sendEvent(widget, QMouseEvent(kind, at, QPointF(widget.mapToGlobal(at.toPoint())), button, buttons,
                                               Qt.KeyboardModifier.NoModifier))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--promises", type=int, default=30000)
    args = parser.parse_args()
    from app.document import Document
    from app.generate import generate_workshop
    from widgets.promises.context import PromiseContext
    from widgets.promises.diagram import PromiseDiagram
    from widgets.structure.editor import StructureEditor

    app = QApplication.instance() or QApplication([])
    teams = max(10, args.promises // 6)
    workshop = generate_workshop(teams=teams, promises=args.promises, links=args.promises // 3)
    diagram = PromiseDiagram(PromiseContext(Document(workshop), QUndoStack()))
    view = diagram.view
    view.resize(1920, 1080)
    view.show()
    for _ in range(3):
        app.processEvents()
    print(f"bench_summary: {args.promises} promises, {teams} teams; load average "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    view.fit_rect(diagram.scene.nodes_rect())
    for label, zoom in (("whole map", None), ("zoom 0.12", 0.12)):
        if zoom:
            view.set_zoom(zoom)
        first, again, panned = paints(view, args.repeat)
        print(f"map {label:10} (zoom {view.zoom:.3f}): first paint {first * 1000:6.1f} ms; still image redrawn "
              f"{ms(again)}; pan step {ms(panned)}; {getattr(view.overview, 'last_note', '')}")
    view.set_zoom(1.0)
    node = diagram.scene.nodes[workshop.teams[len(workshop.teams) // 2].id]
    view.centerOn(node)
    for _ in range(5):
        view.viewport().repaint()
        app.processEvents()
    steps: list[float] = []
    for _round in range(6):
        at = QPointF(view.mapFromScene(node.sceneBoundingRect().center()))
        mouse(view.viewport(), QEvent.Type.MouseButtonPress, at, Qt.MouseButton.LeftButton)
        for k in range(1, 11):
            start = time.perf_counter()
            mouse(view.viewport(), QEvent.Type.MouseMove, at + QPointF(4 * k, 3 * k), Qt.MouseButton.NoButton)
            app.processEvents()
            steps.append(time.perf_counter() - start)
        mouse(view.viewport(), QEvent.Type.MouseButtonRelease, at + QPointF(40, 30), Qt.MouseButton.LeftButton)
        app.processEvents()
        bar = view.horizontalScrollBar()  # the view moves on: items are made ahead and released behind
        bar.setValue(bar.value() + 900)
        view.viewport().repaint()
        app.processEvents()
    print(f"map drag step at 100 %: {ms(steps[1:])}; {len(diagram.scene.edges)} arrow items")
    structure = StructureEditor(Document(workshop), QUndoStack())
    sview = structure.view
    sview.setParent(None)
    sview.resize(1920, 1080)
    sview.show()
    for _ in range(3):
        app.processEvents()
    sview.fit_rect(structure.scene.nodes_rect())
    for label, zoom in (("fit", None), ("zoom 0.12", 0.12)):
        if zoom:
            sview.set_zoom(zoom)
        first, again, panned = paints(sview, args.repeat)
        print(f"structure {label:9} (zoom {sview.zoom:.3f}): first paint {first * 1000:6.1f} ms; still image "
              f"redrawn {ms(again)}; pan step {ms(panned)}; {getattr(sview.overview, 'last_note', '')}")
    sview.close()
    view.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
