"""Shared test set-up: Qt draws offscreen, each test keeps its own data folder and leaves no window behind."""

from __future__ import annotations

import gc
import os
import sys
import weakref
from collections.abc import Generator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402

pytest_plugins = ["pytester"]  # tests/test_leak_guard.py runs a small suite of its own


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test keeps working copies, locks and logs in its own data folder, never the user's."""
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path_factory.mktemp("data")))


from hypothesis import settings  # noqa: E402

# CI replays the same examples every run, so a landing never depends on luck; runs on a developer's machine
# keep exploring new ones (and a failure found there is replayed from the example database).
# pytest-randomly shuffles the tests and reseeds `random` before each one; derandomized hypothesis does not read it.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


# --- A test's own undo stack is emptied when the test ends ---------------------------------------------------
# A window's undo stack is its child and goes with it. A test often makes a stack with no owner; if Python's cycle
# collector then frees it while it still holds commands, ~QUndoStack deletes commands whose Python side the
# collector has already torn down, and the process crashes (at a random later test: the collector runs when it
# likes). So every stack made in a test that has no parent is emptied, while everything is alive, after the test.
from PySide6 import QtGui  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from shiboken6 import Shiboken  # noqa: E402

_TEST_STACKS: list[weakref.ref[QtGui.QUndoStack]] = []


class _OwnedUndoStack(QtGui.QUndoStack):
    """QUndoStack as the tests see it: each one made is remembered, to be emptied after its test."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        _TEST_STACKS.append(weakref.ref(self))


QtGui.QUndoStack = _OwnedUndoStack  # type: ignore[misc]  # before the test modules import it


def _empty_the_tests_stacks() -> None:
    """Empty the parentless undo stacks the test made (a stack inside a window is the window's business)."""
    for ref in _TEST_STACKS:
        stack = ref()
        if stack is not None and Shiboken.isValid(stack) and stack.parent() is None:
            stack.clear()
    _TEST_STACKS.clear()


# --- No test leaves a live top-level widget behind -------------------------------------------------------------

_WINDOWS_BEFORE = pytest.StashKey[frozenset[int]]()
_LOCALE_BEFORE = pytest.StashKey[QLocale]()
_FAILED = pytest.StashKey[bool]()


def _orphan_windows() -> dict[int, object]:
    """The live widgets that have no parent, by C++ address (nothing when Qt widgets are not in use)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return {}
    from PySide6.QtWidgets import QApplication
    from shiboken6 import Shiboken

    if not isinstance(QApplication.instance(), QApplication):
        return {}
    return {Shiboken.getCppPointer(w)[0]: w for w in QApplication.topLevelWidgets() if w.parent() is None}


def _flush_deferred_deletes() -> None:
    """Deletes what `deleteLater()` scheduled and lets queued events run, as an event loop would."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _forget_the_clipboard() -> None:
    """Empties the clipboard, so no test reads what another copied.

    It also ends the test process cleanly: Qt deletes what is left on the clipboard after Python has shut down, and
    a QMimeData made in Python (copy picture puts one there) then crashes the process at exit.
    """
    if "PySide6.QtGui" not in sys.modules:
        return
    from PySide6.QtGui import QGuiApplication

    if isinstance(QGuiApplication.instance(), QGuiApplication):
        QGuiApplication.clipboard().clear()


def _describe(widget) -> str:  # noqa: ANN001 - a QWidget
    """Class, objectName and title: enough to find the code that built the window."""
    name = f" objectName={widget.objectName()!r}" if widget.objectName() else ""
    title = f" title={widget.windowTitle()!r}" if widget.windowTitle() else ""
    shown = "visible" if widget.isVisible() else "hidden"
    return f"{type(widget).__name__}{name}{title} ({shown})"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    """Remembers which parentless widgets were alive before the test's fixtures run, and the default locale."""
    item.stash[_WINDOWS_BEFORE] = frozenset(_orphan_windows())
    item.stash[_LOCALE_BEFORE] = QLocale()
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Generator[None, None, None]:
    """Notes a failed set-up or test: its traceback holds its widgets, so they are not counted as leaks."""
    report = yield
    if report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    """After the fixtures and pytest-qt closed their widgets: fails the test if a window it made is still alive.

    This wrapper runs outside pytest-qt's (trylast), so the code after `yield` sees the widgets given to
    `qtbot.addWidget` already closed and every fixture finalised. Leftovers are deleted so the next tests start clean.
    """
    result = yield
    _empty_the_tests_stacks()
    if _LOCALE_BEFORE in item.stash:  # a test that switched the language leaves the next one the locale it had
        QLocale.setDefault(item.stash[_LOCALE_BEFORE])
    _forget_the_clipboard()
    before = item.stash.get(_WINDOWS_BEFORE, frozenset())
    if not _orphan_windows().keys() - before:
        return result
    _flush_deferred_deletes()
    if _orphan_windows().keys() - before:
        gc.collect()  # a window kept only by a reference cycle dies here; costly, so only when one is left
        _flush_deferred_deletes()
    leaked = {address: w for address, w in _orphan_windows().items() if address not in before}
    if not leaked:
        return result
    names = sorted(_describe(w) for w in leaked.values())
    for widget in leaked.values():
        widget.hide()
        widget.deleteLater()
    _flush_deferred_deletes()
    if not item.stash.get(_FAILED, False):
        pytest.fail(
            "the test left live top-level widgets behind (close them, give them a parent or use qtbot.addWidget): "
            + ", ".join(names),
            pytrace=False,
        )
    return result


# --- The fixtures many window tests share --------------------------------------------------------------------
@pytest.fixture
def english(qapp):  # noqa: ANN001, ANN201
    """The English catalogue installed for the test (plural forms, edit names)."""
    from tests.test_shell_dialogs import english_translations

    yield from english_translations()


@pytest.fixture
def window(qtbot, tmp_path, english):  # noqa: ANN001, ANN201
    """The bakery, saved as bakery.clientocracy, in an English window; closed without questions after."""
    from tests.test_shell_dialogs import bakery_window

    yield from bakery_window(qtbot, tmp_path, english)
