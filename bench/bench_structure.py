"""Benchmark of the structure editor: a drag step, a full repaint zoomed out to fit, building the scene.

Run: .venv/bin/python bench/bench_structure.py [--quick]   (offscreen; prints a table; targets from issue 5)
     .venv/bin/python bench/bench_structure.py --screenshots DIR   (the sample in both layouts, a 200-team
     organisation, at 1600×1000, to look at)

Organisations come from app.generate (2 links per party) and are arranged by app.layout's layered layout,
as a user would have them after Layout ▸ Layers. A drag step is a real QMouseEvent (left button held) sent
to the view's viewport at 100 % zoom, followed by event processing until the viewport has painted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent, QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import layout  # noqa: E402
from app.document import Document  # noqa: E402
from app.generate import generate_workshop  # noqa: E402
from app.jsonio import read_json_file  # noqa: E402
from app.resources import sample_path  # noqa: E402
from widgets.structure import StructureEditor  # noqa: E402

WIDTH, HEIGHT = 1600, 1000


class PaintCounter(QObject):
    """Counts paint events of a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def organisation(parties: int, seed: int = 1):
    """A generated workshop of `parties` segments and teams with 2 links per party, laid out in layers."""
    segments = max(10, parties // 50)
    workshop = generate_workshop(teams=parties - segments, segments=segments, links=2 * parties, promises=0,
                                 canvases=0, seed=seed)
    start = time.perf_counter()
    workshop.layouts["structure"] = layout.layered_layout(workshop, "structure")
    return workshop, (time.perf_counter() - start) * 1000


def make_editor(workshop) -> tuple[StructureEditor, float]:
    """The editor shown at 1600×1000 and the milliseconds its constructor took (building the scene)."""
    document = Document(workshop)
    start = time.perf_counter()
    editor = StructureEditor(document, QUndoStack())
    built = (time.perf_counter() - start) * 1000
    editor.resize(WIDTH + 132 + 300, HEIGHT)
    editor.show()
    QApplication.processEvents()
    return editor, built


def drag_steps(editor: StructureEditor, steps: int, zoom: float = 1.0) -> tuple[float, list[float]]:
    """Milliseconds of the first step of a drag of one node (of median degree), and of each later step, painted.

    The first step starts the drag: the view draws everything but the dragged node into an image then.
    """
    view, scene = editor.view, editor.scene
    nodes = sorted(scene.nodes.values(), key=lambda n: len(n.edges))
    node = nodes[len(nodes) // 2]
    view.set_zoom(zoom)
    view.centerOn(node.pos())
    QApplication.processEvents()
    viewport = view.viewport()
    counter = PaintCounter()
    viewport.installEventFilter(counter)

    def send(kind: QEvent.Type, pos: QPoint, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        QApplication.sendEvent(viewport, QMouseEvent(kind, QPointF(pos), QPointF(viewport.mapToGlobal(pos)),
                                                     button, buttons, Qt.KeyboardModifier.NoModifier))

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    start = view.mapFromScene(node.pos())
    send(QEvent.Type.MouseButtonPress, start, left, left)
    QApplication.processEvents()
    t = time.perf_counter()
    send(QEvent.Type.MouseMove, start + QPoint(20, 0), none, left)
    QApplication.processEvents()
    first = (time.perf_counter() - t) * 1000
    times = []
    for i in range(steps):
        point = start + QPoint(22 + (i % 40) * 3, (i % 17) * 2)
        before = counter.count
        t = time.perf_counter()
        send(QEvent.Type.MouseMove, point, none, left)
        for _ in range(5):
            QApplication.processEvents()
            if counter.count > before:
                break
        times.append((time.perf_counter() - t) * 1000)
        if counter.count == before:
            raise RuntimeError("the viewport did not paint after a drag step")
    send(QEvent.Type.MouseButtonRelease, start + QPoint(60, 10), left, none)
    QApplication.processEvents()
    viewport.removeEventFilter(counter)
    editor.undo_stack.undo()
    return first, times


def repaints(editor: StructureEditor, repeat: int, cold: bool, overview: bool = True,
             geometry: bool = False) -> list[float]:
    """Milliseconds of a full repaint of the viewport zoomed out to fit everything.

    cold: the image of the still part is redrawn (as after zooming or scrolling); geometry: its geometry is
    collected from the items again too (as after an edit).
    """
    view = editor.view
    view.overview_enabled = overview
    view.fit_all()
    QApplication.processEvents()
    viewport = view.viewport()
    viewport.repaint()
    times = []
    for _ in range(repeat):
        if cold:
            view.overview.invalidate(geometry)
        t = time.perf_counter()
        viewport.repaint()
        times.append((time.perf_counter() - t) * 1000)
    view.overview_enabled = True
    return times


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return times


def screenshots(folder: Path) -> None:
    """Pictures of the editor at 1600×1000: the sample in layers and in rings, and a 200-team organisation."""
    folder.mkdir(parents=True, exist_ok=True)

    def shoot(workshop, name: str, arrange: str, select: str | None = None, zoom: float | None = None) -> None:
        editor = StructureEditor(Document(workshop), QUndoStack())
        editor.resize(WIDTH, HEIGHT)
        editor.show()
        QApplication.processEvents()
        editor.apply_layout(arrange)
        if select:
            editor.select_ids([select])
        if zoom:
            node = editor.scene.nodes[select] if select else None
            editor.view.set_zoom(zoom)
            if node is not None:
                editor.view.centerOn(node.pos())
        QApplication.processEvents()
        editor.grab().save(str(folder / f"{name}.png"))
        editor.close()
        editor.deleteLater()
        QApplication.processEvents()
        print(folder / f"{name}.png")

    sample = read_json_file(sample_path())
    shoot(sample, "sample-layers", "layers")
    shoot(read_json_file(sample_path()), "sample-rings", "rings", select="team-025")
    big = generate_workshop(teams=200, segments=12, links=320, promises=0, canvases=0, seed=7)
    shoot(big, "teams-200-layers", "layers")
    big = generate_workshop(teams=200, segments=12, links=320, promises=0, canvases=0, seed=7)
    shoot(big, "teams-200-rings", "rings")
    big = generate_workshop(teams=200, segments=12, links=320, promises=0, canvases=0, seed=7)
    shoot(big, "teams-200-layers-100pct", "layers", select=big.teams[40].id, zoom=1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--screenshots", type=Path, help="save screenshots into this folder instead")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if args.screenshots:
        screenshots(args.screenshots)
        return
    steps, repeat = (60, 5) if args.quick else (300, 15)
    rows: list[tuple[str, str, str]] = []

    for parties, drag_target, repaint_target in ((1000, 4, 16), (5000, 8, 33)):
        workshop, layout_ms = organisation(parties)
        editor, built = make_editor(workshop)
        links = len(workshop.links)
        print(f"{parties} parties, {links} links (layered layout {layout_ms:.0f} ms), scale at fit "
              f"{(editor.view.fit_all(), editor.view.zoom)[1]:.3f}", flush=True)
        first, step = drag_steps(editor, steps)
        rows.append((f"drag step, {parties} parties / {links} links, 100 %",
                     f"p50 {statistics.median(step):.2f} · p95 {percentile(step, 95):.2f} ms", f"≤ {drag_target} ms"))
        rows.append((f"  first step (draws the still layer once), {parties} parties", f"{first:.1f} ms", "(detail)"))
        first, step = drag_steps(editor, steps // 2, zoom=0.5)
        rows.append((f"drag step, {parties} parties, 50 %",
                     f"p50 {statistics.median(step):.2f} · p95 {percentile(step, 95):.2f} ms", "(detail)"))
        first, step = drag_steps(editor, steps // 2, zoom=0.2)
        rows.append((f"drag step, {parties} parties, 20 % (overview)",
                     f"p50 {statistics.median(step):.2f} · p95 {percentile(step, 95):.2f} ms", "(detail)"))
        cold = repaints(editor, repeat, cold=True)
        edited = repaints(editor, repeat, cold=True, geometry=True)
        warm = repaints(editor, repeat, cold=False)
        items = repaints(editor, max(3, repeat // 3), cold=True, overview=False)
        rows.append((f"full repaint at fit, {parties} parties, image redrawn (after zoom/scroll)",
                     f"median {statistics.median(cold):.1f} · max {max(cold):.1f} ms", f"≤ {repaint_target} ms"))
        rows.append((f"full repaint at fit, {parties} parties, geometry collected too (after an edit)",
                     f"median {statistics.median(edited):.1f} · max {max(edited):.1f} ms", "(detail)"))
        rows.append((f"full repaint at fit, {parties} parties, nothing changed (image reused)",
                     f"median {statistics.median(warm):.1f} ms", "(detail)"))
        rows.append((f"full repaint at fit, {parties} parties, item by item (overview off)",
                     f"median {statistics.median(items):.1f} ms", "(comparison)"))
        if parties == 1000:
            rows.append(("build scene (editor constructor), 1000 parties, positions stored",
                         f"{built:.0f} ms", "≤ 300 ms"))
            unplaced = generate_workshop(teams=980, segments=20, links=2000, promises=0, canvases=0, seed=1)
            document = Document(unplaced)
            t = timed(lambda doc=document: StructureEditor(doc, QUndoStack()).deleteLater(), 3)
            rows.append(("build scene, 1000 parties, 30 % unplaced (place_missing included)",
                         f"median {statistics.median(t):.0f} ms", "(detail)"))
        editor.close()
        editor.deleteLater()
        app.processEvents()

    width = max(len(r[0]) for r in rows)
    print()
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<32} {target}")


if __name__ == "__main__":
    main()
