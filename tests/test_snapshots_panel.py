"""The snapshots panel: save under a name, restore exactly (one undo back), survive reopen, read-only view, export,
rename and delete."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from app import changes
from app import model as m
from app.jsonio import read_json_file, workshop_to_json
from app.resources import sample_path
from app.snapshots import list_snapshots
from app.workfile import WorkFile
from tests.canvas_support import double_click, drag
from widgets.base.undo import push_edit
from widgets.presentation.story import story_of
from widgets.shell.export_runner import EXPORTS
from widgets.shell.snapshots_panel import SnapshotsPanel

TO_BE = "crv-021"


def open_sample(path: Path) -> WorkFile:
    """A new workshop file of the bundled sample."""
    return WorkFile.new(read_json_file(sample_path()), path)


def edit_a_lot(work: WorkFile, stack: QUndoStack) -> None:
    """Changes of every kind, through the undo stack as the editors make them."""
    doc = work.document
    push_edit(stack, doc, changes.delete(doc, "team-031"))
    push_edit(stack, doc, changes.set_level(doc, TO_BE, "fac-012", 5))
    push_edit(stack, doc, changes.move(doc, "seg-005", 0))
    push_edit(stack, doc, changes.insert(doc, m.Team("t-new", "Новая команда", kind="service")))
    push_edit(stack, doc, changes.update(doc, "", evolutionary_goal="Другая цель"))
    push_edit(stack, doc, changes.set_position(doc, "structure", "t-new", (120.0, 40.0)))


def test_a_snapshot_restores_exactly_the_saved_state_and_survives_reopen(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "сессия.clientocracy"
    work = open_sample(path)
    stack = QUndoStack()
    panel = SnapshotsPanel(work, stack)
    qtbot.addWidget(panel)
    saved = workshop_to_json(work.document.model)
    snap = panel.save_snapshot("как есть — согласовано")
    assert panel.list.topLevelItemCount() == 1 and panel.list.topLevelItem(0).text(0) == "как есть — согласовано"
    assert work.modified
    edit_a_lot(work, stack)
    edited = workshop_to_json(work.document.model)
    assert edited != saved
    assert panel.restore(snap.id) is None
    assert workshop_to_json(work.document.model) == saved
    assert stack.count() == 7 and "как есть" in stack.undoText()
    stack.undo()
    assert workshop_to_json(work.document.model) == edited, "one undo returns to the state before restoring"
    work.save()
    work.close()

    reopened = WorkFile.open(path)
    panel.bind(reopened)
    assert [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())] == [
        "как есть — согласовано"]
    fresh = QUndoStack()
    panel.undo_stack = fresh
    panel.list.topLevelItem(0).setSelected(True)
    assert panel.restore() is None
    assert workshop_to_json(reopened.document.model) == saved and fresh.count() == 1
    assert panel.restore() is None and fresh.count() == 1, "restoring an equal state adds nothing to undo"
    panel.bind(None)
    assert not panel.isEnabled()
    reopened.close()


def test_save_asks_for_a_name_and_lists_the_newest_first(qtbot, tmp_path: Path, monkeypatch) -> None:
    work = open_sample(tmp_path / "w.clientocracy")
    panel = SnapshotsPanel(work, QUndoStack())
    qtbot.addWidget(panel)
    saved = []
    panel.snapshot_saved.connect(saved.append)
    answers = iter([("перед перерывом", True), ("", False), ("   ", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    first = panel.save_snapshot()
    panel.save_snapshot("после перерыва")
    assert panel.save_snapshot() is None  # cancelled
    assert panel.save_snapshot() is None and "name" in panel.message.text()  # blank
    names = [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]
    assert names == ["после перерыва", "перед перерывом"] and saved[0] == first.id and len(saved) == 2
    assert panel.selected_id() == saved[1]
    work.close()


def test_a_snapshot_opens_read_only_beside_the_current_state(qtbot, tmp_path: Path) -> None:
    pg.setConfigOption("mouseRateLimit", -1)
    work = open_sample(tmp_path / "w.clientocracy")
    stack = QUndoStack()
    panel = SnapshotsPanel(work, stack)
    qtbot.addWidget(panel)
    snap = panel.save_snapshot("как есть")
    push_edit(stack, work.document, changes.update(work.document, "", evolutionary_goal="Сейчас другая цель"))
    viewer = panel.open_read_only(snap.id)
    viewer.resize(1280, 800)
    QApplication.processEvents()
    assert viewer.story.page.goal_label.text() == "Свежая еда рядом с домом — каждый день и без очередей"
    assert viewer.pages.count() == len(story_of(viewer.document.model))  # the snapshot's own story, every page
    viewer.story.go_to(2)
    viewer.story.reveal_all()
    QApplication.processEvents()
    chart = viewer.story.page.chart
    chart.scene().minDragTime = 0
    factor = chart.factor_ids[2]
    before = dict(viewer.document.get(TO_BE).levels)
    hints = []
    viewer.story.page.ctx.hinted.connect(hints.append)
    drag(chart.viewport(), chart.point_pos(TO_BE, factor), chart.point_pos(TO_BE, factor, 0.5))
    assert viewer.story.lock.eaten > 0 and hints == [], "the view is locked"
    viewer.story.lock.set_on(False)  # even without the lock, the snapshot's document refuses the edit
    drag(chart.viewport(), chart.point_pos(TO_BE, factor), chart.point_pos(TO_BE, factor, 0.5))
    assert hints == ["A snapshot is read-only."]
    assert viewer.document.get(TO_BE).levels == before and viewer.undo_stack.count() == 0
    assert stack.count() == 1 and work.document.get(TO_BE).levels == before
    viewer.close()
    QApplication.processEvents()
    assert panel.viewers == []
    work.close()


def test_export_from_a_snapshot_writes_the_snapshot_not_the_current_state(qtbot, tmp_path: Path) -> None:
    from tests.exports_support import pdftotext

    work = open_sample(tmp_path / "w.clientocracy")
    stack = QUndoStack()
    panel = SnapshotsPanel(work, stack)
    qtbot.addWidget(panel)
    snap = panel.save_snapshot("как есть")
    push_edit(stack, work.document, changes.update(work.document, "", title="Совсем другая сессия"))
    target = tmp_path / "snapshot.pdf"
    spec = next(s for s in EXPORTS if s.key == "pdf")
    assert panel.export(spec, snap.id, target)
    panel.exporter.wait(120)
    QApplication.processEvents()
    text = pdftotext(target)
    assert "Свежий квартал" in text and "Совсем другая сессия" not in text
    assert "snapshot.pdf" in panel.message.text()
    work.close()


def names(panel: SnapshotsPanel) -> list[str]:
    """The snapshot names the list shows, top to bottom."""
    return [panel.list.topLevelItem(i).text(0) for i in range(panel.list.topLevelItemCount())]


def select(panel: SnapshotsPanel, row: int) -> None:
    """Choose a row of the list as a click would."""
    item = panel.list.topLevelItem(row)
    panel.list.setCurrentItem(item)
    item.setSelected(True)


def test_delete_asks_with_the_name_and_removes_the_snapshot(qtbot, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "w.clientocracy"
    work = open_sample(path)
    panel = SnapshotsPanel(work, QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    for name in ("утро", "после обеда", "вечер 🌙"):
        panel.save_snapshot(name)
    work.save()
    changed = []
    panel.snapshot_saved.connect(changed.append)
    asked = []
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes,
                    QMessageBox.StandardButton.Yes])

    def question(parent, title, text, *args):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    select(panel, 1)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert "после обеда" in asked[0]
    assert names(panel) == ["вечер 🌙", "после обеда", "утро"] and changed == [] and not work.modified, "cancelled"
    viewer = panel.open_read_only(panel.selected_id())
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert names(panel) == ["вечер 🌙", "утро"] and len(changed) == 1 and work.modified
    assert "после обеда" in panel.message.text()
    QApplication.processEvents()
    assert viewer not in panel.viewers, "the window of a deleted snapshot closes"
    assert panel.list.currentItem().text(0) == "утро", "the next row is chosen, so Delete goes on down the list"
    panel.delete_button.click()
    assert names(panel) == ["вечер 🌙"] and len(asked) == 3
    work.save()
    work.close()
    reopened = WorkFile.open(path)
    assert [s.name for s in list_snapshots(reopened.store)] == ["вечер 🌙"]
    reopened.close()


def test_rename_by_f2_button_and_double_click_on_the_name(qtbot, tmp_path: Path, monkeypatch) -> None:
    work = open_sample(tmp_path / "w.clientocracy")
    panel = SnapshotsPanel(work, QUndoStack())
    qtbot.addWidget(panel)
    panel.show()
    first = panel.save_snapshot("утро")
    panel.save_snapshot("вечер")
    work.save()
    changed = []
    panel.snapshot_saved.connect(changed.append)
    prompts = []
    answers = iter([("  как есть —   согласовано ", True), ("что угодно", False), ("   ", True), ("итог", True)])

    def get_text(parent, title, label, *args, text="", **kwargs):
        prompts.append((label, text))
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    viewer = panel.open_read_only(first.id)
    select(panel, 1)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_F2)
    assert prompts[0] == ("A new name for the snapshot “утро”:", "утро")
    assert names(panel) == ["вечер", "как есть — согласовано"] and changed == [first.id] and work.modified
    assert panel.selected_id() == first.id and "как есть — согласовано" in viewer.windowTitle()
    work.save()
    panel.rename_button.click()  # cancelled
    panel.rename_button.click()  # blank
    assert "name" in panel.message.text()
    assert names(panel) == ["вечер", "как есть — согласовано"] and len(changed) == 1 and not work.modified
    item = panel.list.topLevelItem(0)
    double_click(panel.list.viewport(), panel.list.visualRect(panel.list.indexFromItem(item, 0)).center())
    assert names(panel) == ["итог", "как есть — согласовано"] and len(changed) == 2 and work.modified
    assert panel.viewers == [viewer], "double-clicking the name renames; it opens no window"
    item = panel.list.topLevelItem(0)
    double_click(panel.list.viewport(), panel.list.visualRect(panel.list.indexFromItem(item, 1)).center())
    assert len(prompts) == 4 and [v.snapshot.name for v in panel.viewers] == ["как есть — согласовано", "итог"], \
        "double-clicking the time opens the snapshot read-only"
    for opened in list(panel.viewers):
        opened.close()
    work.close()
