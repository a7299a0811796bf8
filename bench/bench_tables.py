"""The workshop's tables at 3,000 and 30,000 promises: open sorted by №, header clicks, typed edits, a filter key.

    .venv/bin/python bench/bench_tables.py [--edits 20] [--sizes 3k,30k]

Issue 18. Workshops from app.generate (500 teams / 3,000 promises, 5,000 teams / 30,000 promises). For each: the
promise table (map page) built, shown and painted sorted by №; a mouse click on each column's header until painted;
a promise's text typed into a cell and Enter pressed, until the event loop is idle (median, p95), with the table
sorted by № (the row stays) and by the text (the row moves to its new place); a letter typed into the filter box
and erased; the generic tables (teams, every promise) opened and each header clicked; the checks panel: its largest
group opened by a double click, a finding in the middle of it selected by a click, the group scrolled to its end.
Budgets at 30,000: a sort ≤ 300 ms, a typed edit ≤ 16 ms median with the table sorted.
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
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent, QUndoStack  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView  # noqa: E402

SIZES = {"3k": dict(teams=500, promises=3000, links=1000), "30k": dict(teams=5000, promises=30000, links=10000)}


def settle() -> None:
    """Run the event loop until nothing is left to do (twice: deferred work posts more)."""
    QApplication.processEvents()
    QApplication.processEvents()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    settle()
    return time.perf_counter() - start


def click_header(table: QTableView, column: int) -> None:
    header = table.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2))


def header_clicks(table: QTableView, columns: list) -> dict[str, float]:
    """A click on each header (ascending), until painted; the last one clicked again (descending)."""
    found: dict[str, float] = {}
    for col, column in enumerate(columns):
        found[column.key] = timed(lambda c=col: (click_header(table, c), table.viewport().repaint()))
    found["(again, descending)"] = timed(lambda: (click_header(table, len(columns) - 1), table.viewport().repaint()))
    return found


def typed_edits(table, key: str, count: int, ids: list[str]) -> list[float]:
    """A new text typed into the `key` cell of promises spread over the table, Enter pressed, until idle."""
    times = []
    for i in range(count):
        obj_id = ids[(i * 997) % len(ids)]
        table.edit_cell(obj_id, key)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit), editor
        editor.setText(f"Обещание {i} {'яюэ'[i % 3]}")
        settle()  # the scroll to the cell and the editor painted before the clock starts
        start = time.perf_counter()
        QTest.keyClick(editor, Qt.Key.Key_Return)
        settle()
        times.append(time.perf_counter() - start)
    return times


def type_letter(widget, letter: str) -> None:
    """A key typed that QTest cannot spell (Cyrillic): press and release with its text."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, letter))


def p95(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.95))]


def run(size: str, edits: int) -> dict[str, float]:
    from app.document import Document
    from app.generate import generate_workshop
    from widgets.base.table_specs import table_specs
    from widgets.promises.context import PromiseContext
    from widgets.promises.table import PromiseTablePanel
    from widgets.shell.table_page import TablePage

    figures: dict[str, float] = {}
    document = Document(generate_workshop(**SIZES[size]))
    stack = QUndoStack()
    ctx = PromiseContext(document, stack)  # the checks, computed once here
    settle()
    panel: PromiseTablePanel | None = None

    def open_panel() -> None:
        nonlocal panel
        panel = PromiseTablePanel(ctx)
        panel.resize(1600, 900)
        panel.show()
        panel.repaint()

    figures["promise table: open sorted by №, painted"] = timed(open_panel)
    assert panel is not None
    table = panel.table
    first = [table.proxy.index(r, 0).data() for r in range(3)]
    print(f"  [{size}] first rows: {first}")
    for key, seconds in header_clicks(table, table.source.columns).items():
        figures[f"promise table: click to sort by {key}"] = seconds
    ids = [p.id for p in document.model.promises]
    table.sortByColumn(table.source.column_of("number"), Qt.SortOrder.AscendingOrder)
    settle()
    by_number = typed_edits(table, "text", edits, ids)
    figures["typed edit, sorted by № (median)"] = statistics.median(by_number)
    figures["typed edit, sorted by № (p95)"] = p95(by_number)
    table.sortByColumn(table.source.column_of("text"), Qt.SortOrder.AscendingOrder)
    settle()
    by_text = typed_edits(table, "text", edits, ids)
    figures["typed edit, sorted by the text, row moves (median)"] = statistics.median(by_text)
    figures["typed edit, sorted by the text, row moves (p95)"] = p95(by_text)
    model, text = table.source, table.source.column_of("text")
    direct = []
    for i in range(edits):  # the same edit without the editor: what the model and the views cost, no focus repaint
        row = model.row_of(ids[(i * 991) % len(ids)])
        start = time.perf_counter()
        model.setData(model.index(row, text), f"Обещание {i} {'абв'[i % 3]} прямо")
        settle()
        direct.append(time.perf_counter() - start)
    figures["edit through the model, sorted by the text, row moves (median)"] = statistics.median(direct)
    panel.words.setFocus()
    figures["filter: a letter typed"] = timed(lambda: type_letter(panel.words, "о"))
    figures["filter: a second letter"] = timed(lambda: type_letter(panel.words, "б"))
    figures["filter: erased"] = timed(lambda: (QTest.keyClick(panel.words, Qt.Key.Key_Backspace),
                                               QTest.keyClick(panel.words, Qt.Key.Key_Backspace)))
    panel.close()
    panel.deleteLater()
    settle()
    specs = table_specs()
    for key in ("teams", "promises"):
        spec = specs[key]
        page: TablePage | None = None

        def open_page(spec=spec) -> None:
            nonlocal page
            page = TablePage(document, stack, spec.kind, spec.columns, spec.new_row, spec.first_key, spec.about)
            page.resize(1600, 900)
            page.show()
            page.repaint()

        figures[f"{key} table: open"] = timed(open_page)
        assert page is not None
        clicks = header_clicks(page.table, spec.columns)
        figures[f"{key} table: slowest header click"] = max(clicks.values())
        page.close()
        page.deleteLater()
        settle()
    figures.update(checks_panel(document, size))
    return figures


def checks_panel(document, size: str) -> dict[str, float]:
    """The findings panel on the workshop: the largest group opened, a finding in it selected, the group scrolled."""
    from widgets.shell.checks_panel import COUNT_ROLE, ChecksPanel

    figures: dict[str, float] = {}
    panel = ChecksPanel()
    panel.resize(900, 700)
    panel.show()
    panel.bind(document)
    panel.recompute()
    settle()
    view, model = panel.view, panel.view.model()
    groups = [model.index(row, 0) for row in range(model.rowCount())]
    group = max(groups, key=lambda g: g.data(COUNT_ROLE) or 0)
    if view.isExpanded(group):
        view.collapse(group)
        settle()
    count = group.data(COUNT_ROLE)
    view.scrollTo(group)
    settle()

    def double_click(widget, pos) -> None:  # as tests.session_support does: the release that ends it too
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=pos)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)

    figures["checks: open the largest group (double click)"] = timed(
        lambda: double_click(view.viewport(), view.visualRect(group).center()))
    print(f"  [{size}] largest group: {group.data()} ({count}), opened: {view.isExpanded(group)}")
    finding = model.index(min(5, count - 1), 0, group)
    figures["checks: select a finding (click)"] = timed(lambda: QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(finding).center()))
    middle = model.index(count // 2, 0, group)
    figures["checks: scroll to the middle of it"] = timed(lambda: (view.scrollTo(middle), view.viewport().repaint()))
    figures["checks: select a finding there (click)"] = timed(lambda: QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(middle).center()))
    figures["checks: End key (to the last finding)"] = timed(lambda: QTest.keyClick(view, Qt.Key.Key_End))
    panel.close()
    panel.deleteLater()
    settle()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--sizes", default="3k,30k")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    sizes = args.sizes.split(",")
    results = {size: run(size, args.edits) for size in sizes}
    print(f"load average: {os.getloadavg()[0]:.1f}")
    names = list(results[sizes[0]])
    width = max(len(n) for n in names)
    print(" " * width + "".join(f"  {s:>10}" for s in sizes) + ("   ratio" if len(sizes) == 2 else ""))
    for name in names:
        row = "".join(f"  {ms(results[s][name])}" for s in sizes)
        if len(sizes) == 2 and results[sizes[0]][name] > 0:
            row += f"   {results[sizes[1]][name] / results[sizes[0]][name]:5.1f}×"
        print(f"{name:<{width}}{row}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
