"""A remote edit on a large workshop reaches the other window's views item by item, never as a rebuild."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import changes as ch
from app import model as m
from app.changed import Changes
from app.checks import run_checks
from app.generate import generate_workshop
from app.workfile import WorkFile
from tests.collab_support import WAIT_S, Laptop
from tests.test_shell_dialogs import open_window
from widgets.base.live import changes_of
from widgets.diagram.style import OVERVIEW_SCALE
from widgets.promises.card import short_label
from widgets.promises.diagram import PromiseDiagram
from widgets.promises.items import PromiseEdge
from widgets.promises.table import PromiseTable
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.stages import STAGE_COUNT, stage_problems

WAIT_MS = int(WAIT_S * 1000)


class ChangesSeen(QObject):
    """Keeps what the window's document said changed (a view's way of being told)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.changes: list[Changes] = []
        changes_of(window.document).changed.connect(self.seen)

    def seen(self, changes: Changes) -> None:
        self.changes.append(changes)


class PaintedRegions(QObject):
    """Collects the regions a widget paints."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.regions: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.regions.append(QRegion(event.region()))
        return False


@pytest.fixture
def large_room(qtbot, english: Translations) -> Iterator[tuple[Laptop, MainWindow]]:
    """A laptop sharing a 3,000-promise workshop, and a participant's window that joined it, on the promise map."""
    yield from _room(qtbot, english, generate_workshop())


@pytest.fixture
def small_room(qtbot, english: Translations) -> Iterator[tuple[Laptop, MainWindow]]:
    """The same with a workshop of 60 promises."""
    yield from _room(qtbot, english, generate_workshop(teams=20, promises=60, links=20))


def _room(qtbot, english: Translations, workshop: m.Workshop) -> Iterator[tuple[Laptop, MainWindow]]:
    host = Laptop.host(workshop)
    window = open_window(qtbot, None, english)
    window.resize(1920, 1080)
    try:
        assert window.live.join_room(host.invitation)
        qtbot.waitUntil(lambda: window.document is not None and len(window.document) == len(host.document),
                        timeout=WAIT_MS)
        window.show_page("promises")
        qtbot.waitUntil(lambda: window.findChild(PromiseDiagram) is not None, timeout=WAIT_MS)
        QTest.qWait(50)
        yield host, window
    finally:
        window.live.stop()
        host.stop()


def _arrow_in_close_view(diagram: PromiseDiagram) -> PromiseEdge:
    """An arrow of one promise (not a bundle) with room for its label, the view zoomed in on its tag."""
    arrows = [e for e in diagram.scene.edges.values()
              if isinstance(e, PromiseEdge) and not e.is_bundle and 250 < e.tag_line().length() < 400]
    assert arrows, "no arrow of a middling length"
    arrow = arrows[len(arrows) // 2]
    diagram.view.set_zoom(1.5)
    diagram.view.centerOn(arrow.tag_centre())
    QTest.qWait(100)
    return arrow


def test_a_remote_edit_on_a_large_workshop_is_followed_item_by_item(qtbot, large_room) -> None:
    host, window = large_room
    diagram = window.findChild(PromiseDiagram)
    table = window.findChild(PromiseTable)
    assert diagram is not None and table is not None and len(window.document.model.promises) == 3000
    arrow = _arrow_in_close_view(diagram)
    edges, nodes = dict(diagram.scene.edges), dict(diagram.scene.nodes)
    promise_id = arrow.promise_ids[0]
    old = window.document.find(promise_id)
    assert isinstance(old, m.Promise)
    status = "broken" if old.status != "broken" else "kept"
    told = ChangesSeen(window)
    resets: list[bool] = []
    table.source.modelReset.connect(lambda: resets.append(True))
    painted = PaintedRegions(diagram.view.viewport())

    host.document.apply(ch.update(host.document, promise_id, status=status, text="Доставка за 2 часа"))
    qtbot.waitUntil(lambda: window.document.find(promise_id).status == status, timeout=WAIT_MS)
    QTest.qWait(50)  # the views' repaint

    # The window was told what changed: this promise's two fields, not "everything".
    assert told.changes and not any(c.everything for c in told.changes)
    assert {f for c in told.changes for f in c.fields("promise", promise_id)} == {"status", "text"}
    # The table shows it in its row (the rows were not made again).
    row = table.proxy.mapFromSource(table.source.index(table.source.row_of(promise_id), 0)).row()
    cell = table.model().index(row, table.source.column_of("status"))
    assert status in str(table.model().data(cell, Qt.ItemDataRole.DisplayRole)).lower()
    text_cell = table.model().index(row, table.source.column_of("text"))
    assert table.model().data(text_cell, Qt.ItemDataRole.DisplayRole) == "Доставка за 2 часа"
    assert not resets
    # The map shows it on the same arrow, labelled with the new text; no item was made again.
    assert diagram.scene.edges[promise_id] is arrow
    assert arrow.caption == short_label("Доставка за 2 часа")
    assert arrow.look.status == status
    assert all(diagram.scene.edges.get(i) is e for i, e in edges.items())
    assert all(diagram.scene.nodes.get(i) is n for i, n in nodes.items())
    # Only where the arrow is was painted again, not the whole map (its red halos lie under every arrow).
    port = diagram.view.viewport().rect()
    assert painted.regions
    area = sum(r.width() * r.height() for region in painted.regions for r in region)
    assert area < port.width() * port.height() / 4
    # ... and what the window shows there is what a whole repaint shows (antialiasing rounds a few levels apart).
    shown = _on_screen(window, diagram.view.viewport())
    diagram.view.viewport().repaint()
    assert _largest_difference(shown, _on_screen(window, diagram.view.viewport())) <= 8


def _on_screen(window: MainWindow, widget) -> np.ndarray:
    """What the window's backing store holds where `widget` is (RGB), as the screen shows it."""
    QApplication.processEvents()
    corner = widget.mapTo(window, widget.rect().topLeft())
    grabbed = QApplication.primaryScreen().grabWindow(window.winId()).toImage()
    ratio = grabbed.devicePixelRatio()  # the grab is in device pixels (two a point on a high-density screen)
    image = grabbed.copy(round(corner.x() * ratio), round(corner.y() * ratio), round(widget.width() * ratio),
                         round(widget.height() * ratio)).convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())[
        :, :image.width() * 4].copy()


def _largest_difference(a: np.ndarray, b: np.ndarray) -> int:
    return int(np.abs(a.astype(np.int16) - b.astype(np.int16)).max())


def test_a_remote_edit_recolours_the_map_zoomed_out(qtbot, small_room) -> None:
    host, window = small_room
    diagram = window.findChild(PromiseDiagram)
    assert diagram is not None
    diagram.view.set_zoom(OVERVIEW_SCALE / 2)
    diagram.view.centerOn(diagram.scene.nodes_rect().center())
    QTest.qWait(50)
    assert diagram.view.in_overview()
    before = _on_screen(window, diagram.view.viewport())
    for p in host.document.model.promises:  # every promise kept: their arrows turn the kept colour
        if p.status != "kept":
            host.document.apply(ch.update(host.document, p.id, status="kept"))
    qtbot.waitUntil(lambda: all(p.status == "kept" for p in window.document.model.promises), timeout=WAIT_MS)
    QTest.qWait(50)
    after = _on_screen(window, diagram.view.viewport())
    assert _largest_difference(before, after) > 64
    diagram.view.viewport().repaint()
    assert _largest_difference(after, _on_screen(window, diagram.view.viewport())) <= 8


def test_the_stage_marks_follow_findings_edit_by_edit(qtbot, english: Translations) -> None:
    workshop = generate_workshop(teams=60, promises=400, links=120)
    window = open_window(qtbot, WorkFile.new(workshop), english)
    navigator = window.navigator
    document = window.document

    def marks() -> list[str]:
        """The problem marks the navigator shows ("! N"), "" on rows without problems."""
        return [row.mark.text() if row.mark.text().startswith("!") else "" for row in navigator.rows]

    def expected() -> list[str]:
        problems = stage_problems(run_checks(document.model),
                                  lambda i: document.kind_of(getattr(document.find(i), "to", "")) == "segment")
        return [f"! {n}" if n else "" for n in problems]

    qtbot.waitUntil(lambda: marks() == expected() and any(marks()), timeout=WAIT_MS)
    promises = document.model.promises
    statuses = ("kept", "broken", "accepted", "draft")
    for n in range(40):  # a promise kept without what it needs is unempowered; one without a metric has none
        p = promises[(n * 17) % len(promises)]
        if n % 3:
            document.apply(ch.update(document, p.id, status=statuses[n % len(statuses)]))
        else:
            document.apply(ch.update(document, p.id, metric="" if p.metric else "Время ожидания"))
        if n % 10 == 9:
            qtbot.waitUntil(lambda: marks() == expected(), timeout=WAIT_MS)
    assert len(marks()) == STAGE_COUNT + 1
