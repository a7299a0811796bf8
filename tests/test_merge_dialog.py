"""File ▸ Share as a copy… and File ▸ Merge another copy…: the colleague's work comes back as one undoable step,
with each conflict shown side by side and chosen by a click."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QRadioButton, QWidget

from app import changes as c
from app import model as m
from app.jsonio import read_json_file, workshop_to_json
from app.lineage import read_copy
from app.resources import sample_path
from app.workfile import WorkFile
from tests.test_shell_dialogs import open_window
from widgets.base.undo import push_edit
from widgets.shell import merge_dialog
from widgets.shell.i18n import Translations
from widgets.shell.main_window import MainWindow
from widgets.shell.merge_dialog import MergeDialog

PROMISE, OTHER_PROMISE = "prm-042", "prm-043"


@pytest.fixture
def window(qtbot, tmp_path: Path, english: Translations) -> Iterator[MainWindow]:
    win = open_window(qtbot, WorkFile.new(read_json_file(sample_path()), tmp_path / "mine.clientocracy"), english)
    win.resize(1920, 1080)
    yield win
    win.ask_before_closing = False
    win.close()


def when_modal(qtbot, act: Callable[[QWidget], None], seen: list[QWidget]) -> None:
    """Run `act` on the modal dialog as soon as it shows (the window waits in exec() meanwhile)."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(10, poll)
            return
        seen.append(modal)
        act(modal)

    QTimer.singleShot(0, poll)


def share(window: MainWindow, target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge_dialog, "ask_share_path", lambda *a: target)
    window.menus["share_copy"].trigger()
    assert target.is_file()


def edit_file(path: Path, *steps: Callable) -> None:
    """The colleague's laptop: open the copy, edit it, save it."""
    work = WorkFile.open(path)
    try:
        for step in steps:
            work.document.apply(step(work.document))
        work.save()
    finally:
        work.close()


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_share_then_merge_back_with_a_conflict_chosen_by_a_click_is_one_undo_step(qtbot, window, tmp_path,
                                                                                monkeypatch):
    theirs = tmp_path / "colleague.clientocracy"
    share(window, theirs, monkeypatch)
    assert read_copy(theirs)[1].copied_from is not None
    edit_file(theirs, lambda d: c.update(d, PROMISE, status="broken", metric="Возврат за 5 минут"),
              lambda d: c.insert(d, m.Value("val-new", "Открытость")), lambda d: c.delete(d, OTHER_PROMISE))
    doc = window.document
    assert push_edit(window.undo_stack, doc, c.update(doc, PROMISE, status="kept")) is None
    assert push_edit(window.undo_stack, doc, c.update(doc, OTHER_PROMISE, notes="Проверить в пятницу")) is None
    before = workshop_to_json(doc.model)
    steps = window.undo_stack.count()
    monkeypatch.setattr(merge_dialog, "ask_copy_path", lambda *a: theirs)
    seen: list[QWidget] = []
    looked: dict[str, object] = {}

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, MergeDialog)
        looked["rows"] = dialog.table.rowCount()
        looked["objects"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        looked["mine"] = [dialog.table.cellWidget(r, 2).value for r in range(dialog.table.rowCount())]
        looked["theirs"] = [dialog.table.cellWidget(r, 3).value for r in range(dialog.table.rowCount())]
        tree = dialog.side_trees["theirs"]
        looked["their_changes"] = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        looked["what"] = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        status_row = looked["what"].index("Status")
        click(qtbot, dialog.findChild(QRadioButton, f"theirsChoice{status_row}"))
        qtbot.waitUntil(lambda: dialog.chosen != {})
        dialog.grab().save("/tmp/merge_dialog.png")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    when_modal(qtbot, choose, seen)
    window.menus["merge_copy"].trigger()
    assert seen and looked["rows"] == 2
    assert looked["what"] == ["Status", "Deleted in the other copy; here: changed notes"]
    assert (looked["mine"], looked["theirs"]) == (["kept", "keep"], ["broken", "delete"])
    assert looked["objects"][1] == "Promise «Свежие продукты на полке к открытию»"
    # the other promise's delete cleared the parent of the promise that supported it and the experiment's promise
    assert looked["their_changes"] == ["Root value: 1 added", "Promise: 3 changed, 1 deleted", "Experiment: 1 changed",
                                       "Reading: 3 deleted"]  # the deleted promise's figures went with it
    promise, other = doc.find(PROMISE), doc.find(OTHER_PROMISE)
    assert (promise.status, promise.metric) == ("broken", "Возврат за 5 минут")  # theirs chosen, their metric taken
    assert other is not None and other.notes == "Проверить в пятницу"  # the delete lost to my edit (mine preferred)
    assert doc.find("val-new") is not None
    assert window.undo_stack.count() == steps + 1
    assert window.menus["undo"].text() == "&Undo Merge “colleague.clientocracy”"
    window.undo_stack.undo()
    assert workshop_to_json(doc.model) == before
    window.undo_stack.redo()
    assert doc.find(PROMISE).status == "broken"


def test_cancel_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    theirs = tmp_path / "colleague.clientocracy"
    share(window, theirs, monkeypatch)
    edit_file(theirs, lambda d: c.update(d, PROMISE, metric="Возврат за 5 минут"))
    before, steps = workshop_to_json(window.document.model), window.undo_stack.count()
    monkeypatch.setattr(merge_dialog, "ask_copy_path", lambda *a: theirs)
    seen: list[QWidget] = []
    when_modal(qtbot, lambda d: click(qtbot, d.buttons.button(QDialogButtonBox.StandardButton.Cancel)), seen)
    window.menus["merge_copy"].trigger()
    assert isinstance(seen[0], MergeDialog) and not seen[0].table.isVisible()  # no conflicts: no table
    assert workshop_to_json(window.document.model) == before and window.undo_stack.count() == steps


def test_a_workshop_that_is_not_a_copy_is_refused_in_words(qtbot, window, tmp_path, monkeypatch):
    stranger = tmp_path / "stranger.clientocracy"
    WorkFile.new(m.Workshop(teams=[m.Team("t-x", "Чужая команда")]), stranger).close()
    base = tmp_path / "base.clientocracy"
    WorkFile.new(read_json_file(sample_path()), base).close()
    before = workshop_to_json(window.document.model)
    monkeypatch.setattr(merge_dialog, "ask_copy_path", lambda *a: stranger if not asked else base)
    asked: list[QWidget] = []
    messages: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        asked.append(box)
        box.button(QMessageBox.StandardButton.Ok).click()
        if box.objectName() == "mergeNoBaseDialog":
            when_modal(qtbot, answer, [])

    when_modal(qtbot, answer, [])
    window.menus["merge_copy"].trigger()
    assert messages == ["“stranger.clientocracy” does not say which copy it started from.",
                        "“stranger.clientocracy” is not a copy of this workshop: they have nothing in common."]
    assert workshop_to_json(window.document.model) == before


def test_keep_theirs_in_every_conflict_and_the_language_switch(qtbot, english):
    import copy

    base = read_json_file(sample_path())
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.promises[0].status, theirs.promises[0].status = "kept", "broken"
    mine.teams[0].name, theirs.teams[0].name = "Лесная-1", "Лесная-2"
    dialog = MergeDialog(base, mine, theirs, "colleague.clientocracy")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    radios = [dialog.table.cellWidget(r, col) for r in range(dialog.table.rowCount()) for col in (2, 3)]
    assert [r.isChecked() for r in radios] == [True, False, True, False]
    click(qtbot, dialog.all_theirs)
    radios = [dialog.table.cellWidget(r, col) for r in range(dialog.table.rowCount()) for col in (2, 3)]
    assert [r.isChecked() for r in radios] == [False, True, False, True]
    merged = dialog.merged().workshop
    assert (merged.promises[0].status, merged.teams[0].name) == ("broken", "Лесная-2")
    assert dialog.table.item(0, 0).text().startswith("Team «")
    assert dialog.table.cellWidget(1, 3).value == "broken"
    english.apply("ru")
    try:  # every text is set again in the new language (the promise statuses have their Russian words already)
        qtbot.waitUntil(lambda: dialog.table.cellWidget(1, 3).value == "нарушено")
        assert dialog.table.cellWidget(1, 2).value == "выполнено"
        assert dialog.table.cellWidget(1, 3).isChecked()  # the choice survives the language switch
    finally:
        english.apply("en")
