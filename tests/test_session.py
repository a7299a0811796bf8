"""A whole session in the real main window, by mouse and keys, as a consultant runs it in one sitting.

Open a workshop, walk the goal and the 9 stages, do each editor's main gesture (one undo entry each), present and leave
three ways from every editor, switch the language both ways (no text left in the other language), open another file
while presenting, save, close and quit. Every uncaught exception and every Qt warning about a deleted object fails the
session; the steps go on after a failed one, so that one run names every step that fails. On the sample and on a large
generated workshop.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, QTimer, qWarning
from PySide6.QtWidgets import QApplication, QWidget

from app.generate import generate_workshop
from app.workfile import read_workshop, working_dir, write_workshop_file
from cli.main import main as cli
from tests.session_support import (
    SessionGuard,
    Steps,
    cyrillic_words,
    drag,
    drag_in_view,
    english_left,
    english_sources,
    own_strings,
    russian_left,
    settle,
    texts_on_screen,
    visible_presentations,
)
from widgets.shell import files
from widgets.shell.i18n import LANGUAGES, Translations, translations_dir
from widgets.shell.main_window import MainWindow
from widgets.shell.settings import Settings
from widgets.shell.workspace import PAGES

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
EDITOR_PAGES = ("canvas", "structure", "promises")
# Where a click on each row of the navigator lands: (page, tab of the workshop page or None on an editor page).
STAGE_PLACES: dict[int, tuple[str, str | None]] = {
    0: ("workshop", "details"), 1: ("workshop", "segments"), 2: ("workshop", "pains"), 3: ("canvas", None),
    4: ("promises", None), 5: ("promises", None), 6: ("structure", None), 7: ("workshop", "economics"),
    8: ("workshop", "results"), 9: ("workshop", "experiments"),
}
LEAVING = ("Esc", "×", "F5")


# ---------------------------------------------------------------------------------------------- workshops
def sample_file(path: Path) -> Path:
    """The bundled sample, written as `clientocracy new FILE --sample` writes it."""
    assert cli(["new", str(path), "--sample"]) == 0
    return path


def large_file(path: Path) -> Path:
    """A large generated workshop: 100 teams, 500 promises, 2 canvases."""
    write_workshop_file(path, generate_workshop(teams=100, promises=500, links=200, canvases=2, segments=20))
    return path


WORKSHOPS: dict[str, Callable[[Path], Path]] = {"sample": sample_file, "large": large_file}


# ---------------------------------------------------------------------------------------------- the user's hands
def click_stage(qtbot: Any, window: MainWindow, stage: int) -> None:
    """Click a row of the stage navigator."""
    nav = window.navigator
    item = nav.item(stage)
    nav.scrollToItem(item)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())


def click_page(qtbot: Any, window: MainWindow, key: str) -> None:
    """Click a page's tab in the page bar."""
    bar = window.workspace.page_bar
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(PAGES.index(key)).center())


def key_target(window: QWidget) -> QWidget:
    """Where the keyboard is in `window` (the window itself when nothing in it has the focus)."""
    focus = QApplication.focusWidget()
    return focus if focus is not None and focus.window() is window else window


def press_f5(qtbot: Any, window: MainWindow) -> QWidget:
    """F5 in the main window; returns the presentation that opened."""
    window.activateWindow()
    qtbot.keyClick(key_target(window), Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: len(visible_presentations()) == 1, timeout=3_000)
    return visible_presentations()[0]


def leave(qtbot: Any, presentation: QWidget, how: str) -> None:
    """Leave the presentation by Esc, by its window's × (close()), or by F5 again; never touch it afterwards."""
    if how == "×":
        presentation.close()
    else:
        key = Qt.Key.Key_Escape if how == "Esc" else Qt.Key.Key_F5
        qtbot.keyClick(key_target(presentation), key)
    settle(qtbot)


def close_left_presentations(qtbot: Any) -> None:
    """After a failed step: close what is still presenting so that the next steps start from the main window."""
    for presentation in visible_presentations():
        presentation.close()
    settle(qtbot)


def one_undo_entry(qtbot: Any, window: MainWindow, gesture: Callable[[], None], probe: Callable[[], object],
                   keys_to: Callable[[], QWidget]) -> object:
    """Do a gesture; it must land exactly one undo entry that Ctrl+Z takes back and Ctrl+Shift+Z brings again."""
    stack = window.undo_stack
    count, index, before = stack.count(), stack.index(), probe()
    gesture()
    settle(qtbot, 10)
    after = probe()
    assert after != before, f"the gesture changed nothing ({before!r})"
    assert (stack.count(), stack.index()) == (count + 1, index + 1), \
        f"undo entries: {count} → {stack.count()} (one gesture must be one entry)"
    qtbot.keyClick(keys_to(), Qt.Key.Key_Z, CTRL)
    assert stack.index() == index and probe() == before, f"Ctrl+Z left {probe()!r}, not {before!r}"
    qtbot.keyClick(keys_to(), Qt.Key.Key_Z, CTRL_SHIFT)
    assert stack.index() == index + 1 and probe() == after, f"Ctrl+Shift+Z left {probe()!r}, not {after!r}"
    return after


def type_in_table(qtbot: Any, window: MainWindow, name: str) -> None:
    """In the segments table: click the first segment's name, type a new one, Enter; one undo entry."""
    page = window.workspace.show_table("segments")
    view, doc = page.table, window.document
    segment = doc.model.segments[0].id
    index = view.proxy_index(segment, page.model.column_of("name"))
    view.scrollTo(index)

    def gesture() -> None:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
        qtbot.keyClick(view, name[0])
        editor = view.focusWidget()
        qtbot.keyClicks(editor, name[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    assert one_undo_entry(qtbot, window, gesture, lambda: doc.get(segment).name, lambda: view) == name


def drag_canvas_point(qtbot: Any, window: MainWindow) -> None:
    """On the strategy canvas: drag the selected curve's first point that can rise up by one step."""
    editor = window.workspace.editors["canvas"].editor
    chart, doc = editor.chart, window.document
    chart.scene().minDragTime = 0
    curve_id = editor.ctx.curve_id
    levels = doc.get(curve_id).levels
    factor = next(f.id for f in editor.canvas.factors
                  if levels.get(f.id) is not None and levels[f.id] + chart.step <= chart.high)
    level = levels[factor]
    start, end = chart.point_pos(curve_id, factor), chart.point_pos(curve_id, factor, level + chart.step)
    after = one_undo_entry(qtbot, window, lambda: drag(chart.viewport(), start, end),
                           lambda: doc.get(curve_id).levels.get(factor), lambda: chart)
    assert after == level + chart.step, f"the point went from {level} to {after}, not one step up"


def drag_node(qtbot: Any, window: MainWindow, page: str) -> None:
    """On a diagram (the structure or the promise map): drag a team's node by the mouse."""
    editor = window.workspace.editors[page].editor
    doc, view, scene = window.document, editor.view, editor.scene
    team = next(t.id for t in doc.model.teams if t.id in scene.nodes)
    node = scene.nodes[team]
    view.centerOn(node)
    settle(qtbot, 10)
    start = QPointF(node.pos())
    one_undo_entry(qtbot, window, lambda: drag_in_view(view, start, QPoint(60, 40)),
                   lambda: doc.model.layouts.get(page, {}).get(team), lambda: view)
    assert node.pos() != start and doc.model.layouts[page][team] == pytest.approx((node.pos().x(), node.pos().y()))


# ---------------------------------------------------------------------------------------------- the session
@pytest.fixture
def russian(qapp) -> Iterator[Translations]:
    """The app in Russian, as a consultant starts it; the translators go at the end."""
    Settings().set_language("ru")
    locale = QLocale()
    translations = Translations()
    translations.apply("ru")
    yield translations
    translations.clear()
    QLocale.setDefault(locale)  # the translators set the default locale; the next test starts with the one it had


@pytest.fixture
def guard() -> Iterator[SessionGuard]:
    """Uncaught exceptions and Qt warnings about deleted objects, for the whole session."""
    watch = SessionGuard()
    watch.install()
    yield watch
    watch.restore()


@pytest.fixture
def fast_pyqtgraph() -> Iterator[None]:
    """pyqtgraph takes every synthetic mouse move (as the canvas editor's own tests set it)."""
    before = pg.getConfigOption("mouseRateLimit")
    pg.setConfigOption("mouseRateLimit", -1)
    yield
    pg.setConfigOption("mouseRateLimit", before)


@pytest.mark.parametrize("kind", list(WORKSHOPS))
def test_a_whole_session_by_mouse_and_keys_never_breaks(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        russian: Translations, guard: SessionGuard,
                                                        fast_pyqtgraph: None, kind: str) -> None:
    first = WORKSHOPS[kind](tmp_path / f"{kind}.clientocracy")
    other = sample_file(tmp_path / "other.clientocracy")
    saved_as = tmp_path / "saved as.clientocracy"
    monkeypatch.setattr(files, "ask_open_path", lambda *a: first)
    monkeypatch.setattr(files, "ask_save_path", lambda *a: saved_as)
    steps = Steps(guard)
    timings: list[tuple[str, float]] = []
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings.append((name, now - clock))
        clock = now

    window = MainWindow(Settings(), russian)
    window.ask_before_closing = False
    qtbot.addWidget(window, before_close_func=lambda w: setattr(w, "ask_before_closing", False))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()

    with steps.step("File ▸ Open the workshop"):
        window.menus["open"].trigger()
        assert window.work is not None and window.work.path == first
    lap("open")

    with steps.step("walk the goal and the 9 stages in the navigator"):
        for stage, (page, tab) in STAGE_PLACES.items():
            click_stage(qtbot, window, stage)
            settle(qtbot, 5)
            where = (window.workspace.current_page(),
                     window.workspace.workshop.current_key() if tab is not None else None)
            assert where == (page, tab), f"stage {stage} opened {where}, not {(page, tab)}"
            if page != "workshop":
                assert window.workspace.editors[page].editor is not None, f"stage {stage}: no {page} editor"
    lap("walk stages")

    with steps.step("table: type a new segment name, Enter"):
        click_stage(qtbot, window, 1)
        type_in_table(qtbot, window, "Workers")
    with steps.step("strategy canvas: drag a curve point up one step"):
        click_stage(qtbot, window, 3)
        drag_canvas_point(qtbot, window)
    with steps.step("structure: drag a node"):
        click_stage(qtbot, window, 6)
        drag_node(qtbot, window, "structure")
    with steps.step("promise map: drag a node"):
        click_stage(qtbot, window, 4)
        drag_node(qtbot, window, "promises")
    lap("gestures")

    for page in EDITOR_PAGES:
        for how in LEAVING:
            with steps.step(f"{page}: F5, then leave by {how}"):
                close_left_presentations(qtbot)
                click_page(qtbot, window, page)
                presentation = press_f5(qtbot, window)
                assert presentation.isFullScreen(), (
                    f"the presentation is not full screen: it needs {presentation.minimumSizeHint().toTuple()} on a "
                    f"screen of {presentation.screen().geometry().size().toTuple()}")
                leave(qtbot, presentation, how)
                assert visible_presentations() == [], f"still presenting after {how}"
                assert window.isVisible() and window.work is not None
    with steps.step("after leaving nine times, F5 and Esc still work"):
        close_left_presentations(qtbot)
        leave(qtbot, press_f5(qtbot, window), "Esc")
        assert visible_presentations() == []
    lap("present ×9")

    own = own_strings(window.document.model)
    own_words = cyrillic_words(own)
    languages = {a.data(): a for a in window.menus.languages.actions()}
    with steps.step("build every page: each tab of the workshop page and each editor"):
        for key in window.workspace.workshop.keys:
            window.workspace.workshop.show_tab(key)
        for page in PAGES:
            click_page(qtbot, window, page)
            settle(qtbot, 5)
    with steps.step("View ▸ Language ▸ English: no Russian text but the workshop's own"):
        languages["en"].trigger()
        settle(qtbot, 100)
        for page in PAGES:
            click_page(qtbot, window, page)
            settle(qtbot, 10)
        assert window.menus.menus["file"].title() == "&File"
        left = russian_left(texts_on_screen(window), own_words, set(LANGUAGES.values()))
        assert not left, f"{len(left)} Russian texts after switching to English:\n" + "\n".join(left[:60])
    with steps.step("presenting in English: no Russian text but the workshop's own"):
        close_left_presentations(qtbot)
        presentation = press_f5(qtbot, window)
        settle(qtbot, 30)
        left = russian_left(texts_on_screen(presentation), own_words, set(LANGUAGES.values()))
        leave(qtbot, presentation, "Esc")
        assert not left, f"{len(left)} Russian texts in the presentation:\n" + "\n".join(left[:60])
    with steps.step("View ▸ Language ▸ Русский: no English text of the app left"):
        languages["ru"].trigger()
        settle(qtbot, 100)
        for page in PAGES:
            click_page(qtbot, window, page)
            settle(qtbot, 10)
        assert window.menus.menus["file"].title() == "&Файл"
        left = english_left(texts_on_screen(window), english_sources(translations_dir()), own)
        assert not left, f"{len(left)} English texts after switching back to Russian:\n" + "\n".join(left[:60])
    lap("languages")

    monkeypatch.setattr(files, "ask_open_path", lambda *a: other)
    with steps.step("F5 before opening another file"):
        close_left_presentations(qtbot)
        press_f5(qtbot, window)
    with steps.step("File ▸ Open another file while presenting"):
        window.menus["open"].trigger()
        settle(qtbot)
        assert window.work is not None and window.work.path == other
        assert visible_presentations() == [], "the presentation of the closed workshop is still open"
    with steps.step("the other workshop: F5 and Esc work"):
        close_left_presentations(qtbot)
        leave(qtbot, press_f5(qtbot, window), "Esc")
        assert visible_presentations() == []
    lap("open while presenting")

    with steps.step("File ▸ Save, then File ▸ Save as (the dialog answers)"):
        type_in_table(qtbot, window, "Visitors")
        window.menus["save"].trigger()
        assert read_workshop(other).segments[0].name == "Visitors" and not window.isWindowModified()
        window.menus["save_as"].trigger()
        assert read_workshop(saved_as).segments[0].name == "Visitors"
        assert window.work.path == saved_as and not window.isWindowModified()
    with steps.step("File ▸ Close shows the welcome page"):
        window.menus["close"].trigger()
        settle(qtbot)
        assert window.work is None and window.centralWidget().currentWidget() is window.welcome
    with steps.step("File ▸ Quit closes the window and leaves no working copy"):
        window.menus["quit"].trigger()
        settle(qtbot)
        assert not window.isVisible()
        assert sorted(p.name for p in working_dir().iterdir()) == []
    lap("save, close, quit")

    print(f"session on the {kind} workshop:", ", ".join(f"{name} {s:.2f} s" for name, s in timings))
    report = steps.report()
    assert not report, f"steps that failed in the session on the {kind} workshop:\n{report}"


def test_the_session_guard_fails_on_a_slot_that_raises_and_on_a_warning_about_a_deleted_object(qtbot) -> None:
    guard = SessionGuard()
    with qtbot.captureExceptions() as caught:  # pytest-qt's own hook stays behind the guard and keeps the error
        guard.install()
        try:
            guard.step = "a step"
            QTimer.singleShot(0, lambda: 1 / 0)
            qtbot.wait(20)
            qWarning("QObject: the receiver was already deleted")
            qWarning("This plugin does not support raise()")
        finally:
            guard.restore()
    assert len(caught) == 1
    assert [e.splitlines()[0] for e in guard.errors] == [
        "[a step] uncaught ZeroDivisionError: division by zero",
        "[a step] Qt warning about a deleted object: QObject: the receiver was already deleted"]
    steps = Steps(guard)
    with steps.step("a failing step"):
        raise AssertionError("not there")
    with steps.step("a passing step"):
        pass
    assert [line.split("  (at")[0] for line in steps.failed] == ["[a failing step] AssertionError: not there"]
