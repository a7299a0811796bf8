"""The suite's guard against leftover windows: a test that leaves a live top-level widget behind fails."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).with_name("conftest.py")

INNER_TESTS = '''
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

KEPT = []


def test_leaves_a_window_open(qtbot):
    window = QMainWindow()
    window.setObjectName("forgottenWindow")
    window.show()
    KEPT.append(window)


def test_hands_its_window_to_qtbot(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    dialog = QDialog(window)  # a top-level window with a parent dies with it
    dialog.show()


def test_deletes_its_window_later(qtbot):
    window = QWidget()
    window.show()
    KEPT.append(window)
    window.deleteLater()


def test_leaves_a_window_only_a_reference_cycle_holds(qtbot):
    window = QWidget()
    window.loop = [window]


def test_that_fails_is_not_blamed_twice(qtbot):
    window = QWidget()
    window.setObjectName("failedWindow")
    KEPT.append(window)
    assert False, "the test's own failure"


def test_after_a_leak_starts_clean(qtbot):
    from PySide6.QtWidgets import QApplication

    assert [w.objectName() for w in QApplication.topLevelWidgets() if w.parent() is None] == []
'''


@pytest.fixture
def inner(pytester: pytest.Pytester, qapp) -> pytest.Pytester:  # noqa: ANN001 - pytest-qt's QApplication
    """A throw-away test folder with the suite's own conftest.py."""
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_inner=INNER_TESTS)
    return pytester


def test_a_test_that_leaves_a_window_fails_and_names_it(inner: pytest.Pytester) -> None:
    result = inner.runpytest("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, failed=1, errors=1)
    result.stdout.fnmatch_lines([
        "*ERROR at teardown of test_leaves_a_window_open*",
        "*left live top-level widgets behind*QMainWindow objectName='forgottenWindow' (visible)*",
    ])
    result.stdout.no_fnmatch_line("*left live top-level widgets behind*failedWindow*")  # failed once is enough


CLIPBOARD_TESTS = '''
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication


def test_copies_a_picture(qtbot):
    data = QMimeData()  # made in Python, as the editors' copy picture does
    data.setText("copied")
    QGuiApplication.clipboard().setMimeData(data)


def test_finds_the_clipboard_empty(qtbot):
    assert QGuiApplication.clipboard().text() == ""
'''


def test_what_a_test_copies_neither_reaches_the_next_test_nor_crashes_the_run(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makepyfile(test_clipboard=CLIPBOARD_TESTS)
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2)
    assert result.ret == 0, "the test process ends cleanly, with no crash at exit"
