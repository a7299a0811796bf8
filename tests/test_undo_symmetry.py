"""Undo symmetry: for every kind of edit, apply → undo → redo leaves the model, the store and every view as they were.

The core half needs no display: each edit is built with `app.changes` on the sample workshop, opened as a
`WorkFile` so every edit is also committed to its working copy. The window half does the same through the
undo stack of a main window with every page built, and compares what each view shows.
"""

from __future__ import annotations

import copy
import json
import sys
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from app import changes, jsonio
from app import model as m
from app.document import Document
from app.edits import Batch, Edit
from app.resources import sample_path
from app.snapshots import restore_edit
from app.workfile import WorkFile, read_workshop
from tests.test_shell_dialogs import open_window
from widgets.base.live import changes_of
from widgets.base.undo import push_edit
from widgets.shell.main_window import MainWindow

CANVAS = "cnv-024"


def _restored_snapshot(doc: Document) -> Edit:
    """The workshop as it would be after a few changes, restored as one batch (as the snapshots panel does)."""
    scratch = Document(copy.deepcopy(doc.model))
    scratch.apply(changes.delete(scratch, "team-028"))
    scratch.apply(changes.update(scratch, "seg-004", name="Соседи"))
    scratch.apply(changes.set_level(scratch, "crv-020", "fac-014", 5.0))
    scratch.apply(changes.move(scratch, "fac-019", 0))
    scratch.apply(changes.insert(scratch, m.Value("val-new", "Честность")))
    scratch.apply(changes.set_position(scratch, "structure", "seg-005", (40.0, -30.0)))
    return restore_edit(doc, scratch.model)


# Every kind of edit, as the editors, tables and panels make them (the sample workshop's ids).
EDITS: dict[str, Callable[[Document], Edit]] = {
    "insert value": lambda d: changes.insert(d, m.Value("val-new", "Честность", "Не обманываем")),
    "insert team": lambda d: changes.insert(d, m.Team("team-new", "Склад", "service"), index=2),
    "insert promise": lambda d: changes.insert(d, m.Promise("prm-new", "team-026", "seg-005", "Доставим за час")),
    "insert factor": lambda d: changes.insert(d, m.Factor("fac-new", "Доставка"), index=1, parent=CANVAS),
    "insert curve": lambda d: changes.insert(
        d, m.Curve("crv-new", "Доставка еды", "as_is", "#009E73", levels={"fac-012": 2.0}), parent=CANVAS),
    "insert canvas": lambda d: changes.insert(d, m.Canvas("cnv-new", "Вторая канва", factors=[m.Factor("f-1", "Цена")],
                                                          curves=[m.Curve("c-1", "Мы", levels={"f-1": 1})])),
    "delete experiment": lambda d: changes.delete(d, "exp-051"),
    "delete team with its links and promises": lambda d: changes.delete(d, "team-025"),
    "delete segment with its pains and promises": lambda d: changes.delete(d, "seg-004"),
    "delete promise that others support": lambda d: changes.delete(d, "prm-043"),
    "delete factor with its levels": lambda d: changes.delete(d, "fac-013"),
    "delete curve": lambda d: changes.delete(d, "crv-022"),
    "update workshop details": lambda d: changes.update(d, "", title="Другая сессия", evolutionary_goal="Новая цель"),
    "update segment name": lambda d: changes.update(d, "seg-005", name="Соседи"),
    "update team kind": lambda d: changes.update(d, "team-028", kind="council"),
    "update promise status": lambda d: changes.update(d, "prm-042", status="broken", text="Вернём деньги сразу"),
    "update factor name": lambda d: changes.update(d, "fac-014", name="Свежесть продуктов"),
    "update curve colour and visibility": lambda d: changes.update(d, "crv-021", color="#CC79A7", visible=False),
    "move team": lambda d: changes.move(d, "team-025", 4),
    "move factor": lambda d: changes.move(d, "fac-012", 5),
    "move promise": lambda d: changes.move(d, "prm-047", 0),
    "set level": lambda d: changes.set_level(d, "crv-020", "fac-012", 4.5),
    "clear level": lambda d: changes.set_level(d, "crv-022", "fac-015", None),
    "set position on the structure": lambda d: changes.set_position(d, "structure", "team-026", (120.0, 80.0)),
    "set position on the promise map": lambda d: changes.set_position(d, "promises", "seg-004", (-60.0, 10.0)),
    "batch of several kinds": lambda d: Batch((
        changes.update(d, "val-002", name="Скорость"),
        changes.move(d, "seg-005", 0),
        changes.set_level(d, "crv-021", "fac-016", 1.0),
        changes.set_position(d, "structure", "seg-004", (5.0, 6.0)),
        changes.insert(d, m.Experiment("exp-new", "team-026", "Ночная доставка")),
    ), "Several changes"),
    "restore a snapshot": _restored_snapshot,
}


# ------------------------------------------------------------------------------------------------- the core
@pytest.fixture
def work() -> Iterator[WorkFile]:
    opened = WorkFile.new(read_workshop(sample_path()))
    yield opened
    opened.close()


def as_data(workshop: m.Workshop) -> object:
    """A workshop as its interchange JSON parsed back: lists keep their order, objects (a curve's levels) have none."""
    return json.loads(jsonio.dumps(workshop))


def model_and_store(work: WorkFile) -> tuple[object, object]:
    """The model, and the working copy read back by the store, as interchange data."""
    return as_data(work.document.model), as_data(work.store.load())


@pytest.mark.parametrize("name", list(EDITS))
def test_apply_undo_redo_leaves_model_and_store_as_they_were(work: WorkFile, name: str) -> None:
    doc = work.document
    before = model_and_store(work)
    assert before[0] == before[1]
    edit = EDITS[name](doc)
    doc.apply(edit)
    after = model_and_store(work)
    assert after[0] != before[0], "the edit changed nothing: the test would prove nothing"
    assert after[1] == after[0], "the working copy differs from the model after the edit"
    doc.apply(edit.inverse())
    assert model_and_store(work) == before, "undo did not bring back the model and the working copy"
    doc.apply(edit)
    assert model_and_store(work) == after, "redo did not make the same model and working copy again"


def test_the_working_copy_read_through_the_gate_matches_after_undo_and_redo(work: WorkFile) -> None:
    edit = EDITS["delete team with its links and promises"](work.document)
    work.document.apply(edit)
    after = as_data(work.document.model)
    work.document.apply(edit.inverse())
    work.document.apply(edit)
    assert as_data(read_workshop(work.working_copy)) == after


# ----------------------------------------------------------------------------------------------- the window
def _settle(qtbot) -> None:
    """Let deferred view updates run, as the event loop would between a user's gestures."""
    qtbot.wait(1)


def _text_of(item: object) -> str:
    if isinstance(item, QGraphicsTextItem):
        return item.toPlainText()
    if isinstance(item, QGraphicsSimpleTextItem):
        return item.text()
    return ""


def scene_state(scene: QGraphicsScene) -> list[tuple[str, float, float, str, bool]]:
    """Every item of a scene: its type, where it stands (rounded), its text, whether it shows."""
    return sorted((type(item).__name__, round(item.scenePos().x(), 1), round(item.scenePos().y(), 1), _text_of(item),
                   item.isVisible()) for item in scene.items())


def model_state(model, parent: QModelIndex | None = None) -> list[tuple[list[object], list[object]]]:
    """All display data of an item model: each row's cells, then its children (for trees)."""
    parent = parent or QModelIndex()
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))  # they hide columnCount or hasChildren
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    rows = []
    for row in range(model.rowCount(parent)):
        first = model.index(row, 0, parent)
        cells = [model.index(row, column, parent).data(Qt.ItemDataRole.DisplayRole) for column in range(columns)]
        rows.append((cells, [] if flat or not model.hasChildren(first) else model_state(model, first)))
    return rows


def _key(obj: QObject) -> str:
    """Where a view sits in the window: its ancestors' classes and object names."""
    parts = []
    while obj is not None:
        parts.append(type(obj).__name__ + (f"#{obj.objectName()}" if obj.objectName() else ""))
        obj = obj.parent()
    return "/".join(reversed(parts))


def views_state(window: MainWindow) -> dict[str, object]:
    """What every view of the window shows: each scene's items, each item view's display data, each text field
    and label."""
    found: dict[str, object] = {}

    def put(key: str, state: object) -> None:
        number = sum(1 for k in found if k.split(" [")[0] == key)
        found[f"{key} [{number}]"] = state

    scenes = list(window.findChildren(QGraphicsScene))
    for view in window.findChildren(QGraphicsView):
        if view.scene() is not None and view.scene() not in scenes:
            scenes.append(view.scene())
    for scene in scenes:
        put(_key(scene), scene_state(scene))
    for view in window.findChildren(QAbstractItemView):
        if view.model() is not None:
            put(_key(view), model_state(view.model()))
    for field in window.findChildren(QLineEdit):  # forms: the workshop's details, the inspectors
        put(_key(field), field.text())
    for text in window.findChildren(QPlainTextEdit):
        put(_key(text), text.toPlainText())
    for label in window.findChildren(QLabel):  # counts and summaries
        put(_key(label), label.text())
    return found


def differing(first: dict[str, object], second: dict[str, object]) -> list[str]:
    """The views whose state differs (or that exist in one state only)."""
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def build_every_page(window: MainWindow) -> None:
    """Every table of the workshop page and the three editors built, as a user who visited them all."""
    workspace = window.workspace
    assert workspace is not None
    for key in workspace.workshop.keys:
        workspace.workshop.page(key)
    for key in ("canvas", "structure", "promises"):
        workspace.show_page(key)


@pytest.fixture
def sample_window(qtbot) -> MainWindow:
    window = open_window(qtbot, WorkFile.new(read_workshop(sample_path())))
    build_every_page(window)
    _settle(qtbot)
    return window


def test_every_view_shows_the_same_after_apply_and_after_undo_then_redo(qtbot, sample_window: MainWindow) -> None:
    window = sample_window
    doc = window.document
    sample = as_data(doc.model)
    assert len(views_state(window)) > 10  # the scenes of three editors and the tables are all there
    problems: list[str] = []
    for name, make in EDITS.items():
        before = views_state(window)
        assert push_edit(window.undo_stack, doc, make(doc)) is None, name
        _settle(qtbot)
        after = views_state(window)
        assert [v for v in differing(before, after) if "HistoryView" not in v], f"{name}: no view followed the edit"
        window.undo_stack.undo()
        _settle(qtbot)
        window.undo_stack.redo()
        _settle(qtbot)
        problems += [f"{name}: {view}" for view in differing(after, views_state(window))]
        window.undo_stack.undo()  # back to the sample for the next edit
        _settle(qtbot)
        assert as_data(doc.model) == sample, name
    assert not problems, "views that differ after undo then redo:\n" + "\n".join(problems)


class _FailingView(QObject):
    """A view whose slot raises while following an edit."""

    def on_changes(self, _changes: object) -> None:
        raise RuntimeError("a view failed to follow the edit")


class _FollowingView(QObject):
    """A view that records what it was told."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    def on_changes(self, seen: object) -> None:
        self.seen.append(seen)


def test_a_view_that_raises_neither_loses_the_undo_step_nor_stops_the_views_after_it(
        qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    reported: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: reported.append(kind))
    work = WorkFile.new(read_workshop(sample_path()))
    failing, following = _FailingView(), _FollowingView()
    changes_of(work.document).changed.connect(failing.on_changes)  # before every view of the window
    window = open_window(qtbot, work)
    build_every_page(window)
    changes_of(work.document).changed.connect(following.on_changes)
    doc = window.document
    before = as_data(doc.model)
    assert "Соседи через дорогу" not in repr(views_state(window))
    edit = changes.update(doc, "seg-004", name="Соседи через дорогу")
    assert push_edit(window.undo_stack, doc, edit) is None
    _settle(qtbot)
    assert reported == [RuntimeError]  # the failure went to the error handler
    assert window.undo_stack.count() == 1 and window.undo_stack.command(0).edit is edit  # the undo step is there
    assert [seen.edit for seen in following.seen] == [edit]  # the view connected after the failing one followed
    assert "Соседи через дорогу" in repr(views_state(window))  # and so did the window's own views
    window.undo_stack.undo()
    _settle(qtbot)
    assert as_data(doc.model) == before and as_data(work.store.load()) == before  # undo restores it all
    assert "Соседи через дорогу" not in repr(views_state(window))
    assert len(reported) == 2 and len(following.seen) == 2
