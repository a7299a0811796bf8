"""The main window: undo by keyboard, the modified marker, the stage navigator, live checks, pages, languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from app import changes
from app import model as m
from app.workfile import WorkFile
from tests.session_support import double_click
from tests.test_shell_dialogs import open_window, rename_segment
from widgets.shell.editor_pages import EDITORS, EditorPage, EditorSpec
from widgets.shell.main_window import MainWindow
from widgets.shell.table_page import TablePage


def table(window: MainWindow, key: str) -> TablePage:
    return window.workspace.show_table(key)


def cell_text(page: TablePage, row: int, key: str) -> str:
    return page.table.proxy.index(row, page.model.column_of(key)).data()


def test_edit_a_cell_then_ctrl_z_in_the_window_restores_it(qtbot, window: MainWindow) -> None:
    page = table(window, "segments")
    view = page.table
    view.setCurrentIndex(view.proxy_index("s2", page.model.column_of("name")))
    qtbot.keyClick(view, "W")
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "orkers")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    assert window.document.get("s2").name == "Workers" and cell_text(page, 1, "name") == "Workers"
    assert window.menus["undo"].text() == "&Undo Change segment name"
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Undo shortcut
    assert window.document.get("s2").name == "Офисы"
    assert cell_text(page, 1, "name") == "Офисы"
    assert window.menus["redo"].text() == "&Redo Change segment name"


def test_the_modified_marker_follows_edits_saving_and_undo(qtbot, window: MainWindow) -> None:
    assert window.windowTitle() == "bakery.clientocracy[*]" and not window.isWindowModified()
    rename_segment(window, "Молодые семьи")
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()  # back to what the file holds
    window.undo_stack.redo()
    assert window.isWindowModified()
    assert window.save()
    assert not window.isWindowModified() and not window.work.modified
    window.undo_stack.undo()
    assert window.isWindowModified()  # the file now has the new name; undoing differs from it


def test_save_as_writes_a_new_file_and_retitles_the_window(qtbot, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from widgets.shell import files

    target = tmp_path / "копия"
    monkeypatch.setattr(files, "ask_save_path", lambda *a: Path(str(target) + ".clientocracy"))
    rename_segment(window, "Семьи с детьми")
    assert window.save_as()
    assert (tmp_path / "копия.clientocracy").is_file()
    assert window.windowTitle() == "копия.clientocracy[*]" and not window.isWindowModified()
    assert window.settings.recent_files()[0].endswith("копия.clientocracy")


def test_the_navigator_counts_and_marks_follow_the_workshop(qtbot, window: MainWindow) -> None:
    window.checks.recompute()
    rows = window.navigator.rows
    assert rows[1].counts.text() == "2 segments" and rows[2].counts.text() == "2 pains"
    assert rows[1].mark.text() == "✓"  # there are segments
    assert rows[9].counts.text() == "1 experiment"
    doc = window.document
    doc.apply(changes.insert(doc, m.Segment("s3", "Студенты")))
    window.checks.recompute()
    assert rows[1].counts.text() == "3 segments"
    assert rows[2].mark.text() == ""  # the students have no pain yet
    doc.apply(changes.update(doc, "", evolutionary_goal=""))
    window.checks.recompute()
    assert rows[0].counts.text() == "Not formulated yet" and rows[0].mark.text() == ""


def test_a_burst_of_edits_recomputes_the_checks_once(qtbot, window: MainWindow,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import app.checks

    runs: list[int] = []
    real = app.checks.run_checks
    monkeypatch.setattr(app.checks, "run_checks", lambda w, t=None: runs.append(1) or real(w, t))
    qtbot.wait(1)
    runs.clear()
    doc = window.document
    for n in range(5):
        doc.apply(changes.insert(doc, m.Segment(f"x{n}", f"Сегмент {n}")))
    assert runs == []
    qtbot.waitUntil(lambda: runs == [1])
    assert any("Пекарня" in f.message for f in window.checks.findings)


def test_checks_are_live_and_a_double_click_goes_to_the_row(qtbot, window: MainWindow) -> None:
    doc = window.document
    doc.apply(changes.update(doc, "t2", indicator=m.Indicator(name="Полки к 8:00")))
    qtbot.waitUntil(lambda: not any(f.code == "team-no-indicator" and "t2" in f.ids for f in window.checks.findings))
    doc.apply(changes.update(doc, "t2", indicator=None))
    qtbot.waitUntil(lambda: any(f.code == "team-no-indicator" and "t2" in f.ids for f in window.checks.findings))
    view = window.checks.view
    index = window.checks.model.finding_index("team-no-indicator", ("t2",))  # under its group, by code
    assert "Логистика" in index.data() and "indicator" in index.data()
    view.scrollTo(index)
    activated: list = []
    window.checks.finding_activated.connect(activated.append)
    where = view.visualRect(index).center()
    double_click(qtbot, view.viewport(), where)
    assert [f.ids for f in activated] == [("t2",)]
    page = window.workspace.current_table()
    assert window.workspace.workshop.current_key() == "results"
    assert page.table.selected_ids() == ["t2"]
    assert page.table.currentIndex().column() == page.model.column_of("indicator")


def test_clicking_a_stage_opens_where_it_is_worked_on(qtbot, window: MainWindow,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import widgets.shell.main_window as mw

    monkeypatch.setattr(mw, "editor_available", lambda spec: False)  # this build without drawing editors
    nav = window.navigator
    for stage, key in ((1, "segments"), (2, "pains"), (3, "propositions"), (4, "promises"), (6, "teams"),
                       (7, "economics"), (9, "experiments")):
        rect = nav.visualItemRect(nav.item(stage))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.workspace.current_page() == "workshop" and window.workspace.workshop.current_key() == key
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(0)).center())
    assert window.workspace.workshop.current_key() == "details"
    assert QCoreApplication.instance().focusWidget().objectName() == "goalEdit"


def test_a_stage_opens_its_editor_page_when_the_editor_exists(qtbot, window: MainWindow,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import widgets.shell.main_window as mw

    monkeypatch.setattr(mw, "editor_available", lambda spec: spec.key == "structure")
    window.go_to_stage(6)
    assert window.workspace.current_page() == "structure"


def test_an_editor_that_does_not_exist_yet_is_a_calm_placeholder(qtbot, window: MainWindow) -> None:
    spec = EditorSpec("missing", "widgets.nowhere.editor", "NoEditor", EDITORS["canvas"].title,
                      EDITORS["canvas"].about)
    page = EditorPage(spec, window.document, window.undo_stack)
    qtbot.addWidget(page)
    page.show()
    assert page.editor is None and "This editor is coming." in page.placeholder.text()
    assert not page.select_ids(["s1"])


def test_editors_are_built_only_when_their_page_is_first_shown(qtbot, window: MainWindow) -> None:
    pages = window.workspace.editors
    assert not any(page.built for page in pages.values())
    window.show_page("structure")
    assert pages["structure"].built and not pages["canvas"].built


def test_switching_the_language_retranslates_the_window_live(qtbot, window: MainWindow) -> None:
    file_menu = window.menus.menus["file"]
    assert file_menu.title() == "&File" and window.menus["save"].text() == "&Save"
    window.menus["language_ru"].trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "&Файл")  # widgets hear of the new language from the event loop
    assert window.menus["save"].text() == "&Сохранить"
    assert window.docks["checks"].windowTitle() == "Проверки"
    assert window.workspace.page_bar.tabText(0) == "Сессия"
    rename_segment(window, "Семьи с детьми")
    assert window.menus["undo"].text() == "&Отменить: Изменить название сегмента"
    assert window.settings.language() == "ru"
    window.checks.recompute()
    assert window.navigator.rows[1].counts.text() == "2 сегмента"
    window.menus["language_en"].trigger()
    qtbot.waitUntil(lambda: file_menu.title() == "&File")


def test_the_recent_menu_shows_a_missing_file_as_missing(qtbot, window: MainWindow, tmp_path: Path) -> None:
    gone = tmp_path / "gone.clientocracy"
    window.settings.add_recent(gone)
    window.settings.add_recent(tmp_path / "bakery.clientocracy")
    window.settings.add_recent("//server/share/remote.clientocracy")  # never probed
    window.recent_menu.rebuild()
    entries = {a.data(): a for a in window.recent_menu.actions() if a.data()}
    assert entries[str(gone)].text().endswith("gone.clientocracy  (missing)")
    assert not entries[str(gone)].isEnabled()
    assert entries[str(tmp_path / "bakery.clientocracy")].isEnabled()
    assert entries["//server/share/remote.clientocracy"].isEnabled()


def test_export_writes_the_handout_in_the_background(qtbot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from widgets.shell import files
    from widgets.shell.export_runner import EXPORTS, export_available

    spec = next(s for s in EXPORTS if s.key == "pdf")
    if not export_available(spec):
        pytest.skip("this build has no PDF handout")
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(files, "ask_export_path", lambda *a: target)
    window.menus.menus["file"].aboutToShow.emit()
    assert window.menus["export_pdf"].isEnabled()
    with qtbot.waitSignal(window.exporter.finished, timeout=60_000):
        window.menus["export_pdf"].trigger()
    assert target.read_bytes().startswith(b"%PDF")


def test_delete_in_the_edit_menu_follows_the_editor_in_front(qtbot, window: MainWindow) -> None:
    from widgets.base.editor_api import EditorAction

    table(window, "segments")
    assert window.menus["delete"].isEnabled()
    window.show_page("promises")
    editor = window.workspace.editors["promises"].editor
    reason = editor.unavailable(EditorAction.DELETE)
    assert window.menus["delete"].isEnabled() == (reason is None)
    assert reason is None or window.menus["delete"].statusTip() == reason


def test_text_size_grows_and_is_remembered(qtbot, window: MainWindow) -> None:
    size = window.font().pointSizeF()
    window.menus["zoom_in"].trigger()
    assert window.font().pointSizeF() > size and window.settings.text_zoom() == 1
    window.menus["zoom_reset"].trigger()
    assert window.font().pointSizeF() == pytest.approx(size)


def test_new_from_sample_and_close_show_the_welcome_page(qtbot, window: MainWindow) -> None:
    window.new_from_sample()
    assert window.document.model.teams and window.windowTitle().endswith("[*]")
    assert not window.isWindowModified()  # nothing to lose yet
    assert window.close_workshop()
    assert window.work is None and window.center.currentWidget() is window.welcome
    assert not window.menus["save"].isEnabled()


def test_a_large_workshop_opens_with_tables_built_lazily(qtbot, tmp_path: Path) -> None:
    from app.generate import generate_workshop

    work = WorkFile.new(generate_workshop(teams=120, promises=600, links=200))
    window = open_window(qtbot, work)
    assert set(window.workspace.workshop.built) == {"details"}
    page = table(window, "promises")
    assert page.model.rowCount() == 600


def test_in_a_table_ctrl_n_adds_a_row_and_delete_removes_it_not_the_workshop(qtbot, window: MainWindow) -> None:
    page = table(window, "segments")
    view = page.table
    view.setFocus()
    view.setCurrentIndex(view.proxy_index("s2"))
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # File ▸ New's key, taken by the table
    assert window.document.model.info.title == "Пекарня у дома" and len(window.document.model.segments) == 3
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Escape)
    view.select_ids(["s1"])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [s.name for s in window.document.model.segments] == ["Офисы", "New segment"]
    window.navigator.setFocus()
    view.select_ids(["s2"])
    window.menus["delete"].trigger()  # the keyboard is in the navigator: nothing is deleted behind the user's back
    assert len(window.document.model.segments) == 2


def test_import_json_opens_a_new_unsaved_workshop(qtbot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from app.jsonio import write_json_file
    from widgets.shell import files

    source = tmp_path / "from-excel.json"
    workshop = m.Workshop(info=m.WorkshopInfo(title="Из таблицы"), segments=[m.Segment("s9", "Дачники")])
    write_json_file(source, workshop)
    monkeypatch.setattr(files, "ask_import_path", lambda *a: source)
    window.menus["import_json"].trigger()
    assert window.work.path is None and window.windowTitle() == "Из таблицы[*]"
    assert [s.name for s in window.document.model.segments] == ["Дачники"]


def test_f5_presents_the_workshop_and_leaving_keeps_everything(qtbot, window: MainWindow) -> None:
    from app.jsonio import dumps

    before = dumps(window.work.document.model)
    window.menus["present"].trigger()
    presentation = window.presentation
    assert presentation is not None and presentation.isVisible()
    assert window.menus["present"].shortcut().toString() == "F5"
    window.close_presentation()
    assert window.presentation is None and dumps(window.work.document.model) == before


def test_a_saved_snapshot_marks_the_file_modified_and_is_listed(qtbot, window: MainWindow, tmp_path: Path) -> None:
    from app.snapshots import list_snapshots, save_snapshot

    window.work.save(tmp_path / "s.clientocracy")
    window.undo_stack.setClean()
    window.update_modified()
    assert not window.isWindowModified()
    snap = save_snapshot(window.work.store, "до перерыва", window.work.document.model)
    window.snapshots.snapshot_saved.emit(snap.id)
    assert window.isWindowModified(), "a snapshot is a change that Save must keep"
    assert [s.name for s in list_snapshots(window.work.store)] == ["до перерыва"]


def test_a_stage_with_thousands_of_problems_shows_its_mark_whole(qtbot) -> None:
    """A company-wide workshop has thousands of problems at one stage: the mark says «! 999+» whole (it was cut to
    «!878» of 6,878) and the tooltip tells the count."""
    from widgets.shell.stages import StageRow, StageState, StageTexts

    row = StageRow(4)
    qtbot.addWidget(row)
    row.resize(280, 60)
    row.show()
    row.show_state(StageState("12462 promise(s) to clients", False, 6878), StageTexts())
    assert row.mark.text() == "! 999+"
    assert row.mark.fontMetrics().horizontalAdvance(row.mark.text()) <= row.mark.contentsRect().width()
    assert "6878" in row.mark.toolTip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    row.show_state(StageState("3 promise(s) to clients", False, 12), StageTexts())
    assert row.mark.text() == "! 12"
