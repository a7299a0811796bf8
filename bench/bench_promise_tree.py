"""Benchmark of the tree of promises and duplication on a workshop of 30,000 promises (issue 16).

Run from the checkout: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_promise_tree.py` (one line per
measurement). The workshop: 300 teams, 2 segments, 10 values; 3,000 root promises to clients, each supported by
3 promises, each of those by 2 more (30,000 promises). Aim: numbering and duplication well under a second; the
tree view opens, re-parents (one drop: the edit, the tree rebuilt, the branches kept open) and scrolls in a blink.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """The median wall time of `fn` in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def workshop():  # noqa: ANN201 - app.model.Workshop, imported late
    """30,000 promises in a three-level tree under 10 values."""
    from app import model as m

    teams = [m.Team(f"t{i}", f"Команда {i}", "client_facing" if i < 100 else "service") for i in range(300)]
    segments = [m.Segment("s0", "Семьи"), m.Segment("s1", "Офисы")]
    values = [m.Value(f"v{i}", f"Ценность {i}") for i in range(10)]
    promises = []
    for r in range(3_000):
        root = m.Promise(f"r{r}", f"t{r % 100}", f"s{r % 2}", f"Обещание клиенту {r}", f"v{r % 10}",
                         metric="доля", status="accepted")
        promises.append(root)
        for k in range(3):
            sup = m.Promise(f"r{r}.{k}", f"t{100 + (r + k) % 200}", root.from_, f"Поддержка {r}.{k}", None, root.id)
            promises.append(sup)
            for j in range(2):
                promises.append(m.Promise(f"r{r}.{k}.{j}", f"t{100 + (r + k + j + 1) % 200}", sup.from_,
                                          f"Поддержка {r}.{k}.{j}", None, sup.id))
    return m.Workshop(values=values, segments=segments, teams=teams, promises=promises)


def main() -> None:
    from app.duplication import duplication
    from app.promise_tree import promise_numbers

    w = workshop()
    print(f"promises: {len(w.promises)}")
    print(f"promise_numbers: {timed(lambda: promise_numbers(w)) * 1000:.0f} ms")
    print(f"duplication: {timed(lambda: duplication(w)) * 1000:.0f} ms")

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from app.document import Document
    from widgets.promises.context import PromiseContext
    from widgets.promises.tree import GROUP, PromiseTreePanel

    app = QApplication.instance() or QApplication(sys.argv)
    document = Document(w)
    ctx = PromiseContext(document, QUndoStack())
    start = time.perf_counter()
    panel = PromiseTreePanel(ctx)
    panel.resize(1400, 700)
    panel.show()
    app.processEvents()
    print(f"tree view opened and painted: {(time.perf_counter() - start) * 1000:.0f} ms")
    for how in ("values and root promises open (as it opens)", "every branch open"):
        if how.startswith("every"):
            panel.view.expandAll()
            app.processEvents()
        start = time.perf_counter()
        panel.reparent(["r5.1"], "r7")
        app.processEvents()
        print(f"re-parent by a drop, {how} (the edit, live checks, the row moved, painted): "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        panel.reparent(["r5.1"], GROUP + "v3")
        app.processEvents()
        print(f"re-parent onto a value, {how}: {(time.perf_counter() - start) * 1000:.0f} ms")
        start = time.perf_counter()
        document.apply(__import__("app.edits", fromlist=["Update"]).Update(
            "promise", "r5.1", {"parent": (None, "r5"), "value": ("v3", None)}))
        app.processEvents()
        print(f"  the same moved back by an edit elsewhere: {(time.perf_counter() - start) * 1000:.0f} ms")
    bar = panel.view.verticalScrollBar()
    start = time.perf_counter()
    for step in range(20):
        bar.setValue(bar.maximum() * step // 20)
        app.processEvents()
    print(f"scroll through the whole tree, 20 screens: {(time.perf_counter() - start) * 1000:.0f} ms")
    start = time.perf_counter()
    ctx.push(__import__("app.edits", fromlist=["Update"]).Update("promise", "r9.0", {"text": ("", "Новый текст")}))
    app.processEvents()
    print(f"a text edited elsewhere, repainted in the tree: {(time.perf_counter() - start) * 1000:.1f} ms")
    panel.close()
    panel.deleteLater()


if __name__ == "__main__":
    main()
