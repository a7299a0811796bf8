"""The user's words are shown as typed: «<b>теги</b>» in a title, a goal or a snapshot name keeps its tags."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from widgets.shell import dialogs
from widgets.shell.main_window import MainWindow

TAGGED = "<b>теги</b>"


def type_into(qtbot, field: QWidget, text: str) -> None:
    """Click into `field`, replace its text by typing key by key (QTest types ASCII only), and leave it with Tab."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    target = getattr(field, "viewport", lambda: field)() if not isinstance(field, QLineEdit) else field
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def shown_as_markup(root: QWidget) -> list[str]:
    """The texts of labels under `root` that show the user's tagged words as markup, not as typed."""
    return [label.text() for label in root.findChildren(QLabel)
            if "<b>" in label.text() and label.textFormat() != Qt.TextFormat.PlainText]


def tooltip_shows(tip: str) -> str:
    """What a tooltip shows a reader (Qt reads a tooltip that looks like markup as markup)."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def test_the_header_shows_a_typed_title_subtitle_and_goal_with_their_tags(qtbot, window: MainWindow) -> None:
    form = window.workspace.show_details("title")
    type_into(qtbot, form.fields["title"], f"Стратегия {TAGGED}")
    type_into(qtbot, form.fields["organization"], f"Пекарня {TAGGED}")
    type_into(qtbot, form.fields["evolutionary_goal"], f"Цель {TAGGED}")
    header = window.workspace
    qtbot.waitUntil(lambda: TAGGED in header.goal_label.text())
    assert header.title_label.text() == f"Стратегия {TAGGED}"
    assert TAGGED in header.subtitle_label.text()
    assert shown_as_markup(window) == []
    assert tooltip_shows(header.goal_label.toolTip()) == f"Цель {TAGGED}"
    assert header.title_label.sizeHint().width() > header.title_label.fontMetrics().horizontalAdvance("Стратегия теги")


def test_a_snapshot_named_with_tags_is_reported_with_them(qtbot, window: MainWindow) -> None:
    window.snapshots.save_snapshot(f"Снимок {TAGGED}")
    assert TAGGED in window.snapshots.message.text()
    assert shown_as_markup(window.snapshots) == []


def test_a_dialog_names_a_tagged_file_as_it_is(qtbot, window: MainWindow) -> None:
    box = dialogs.message_box(window, dialogs.Icon.Warning, "saveErrorDialog", "Title", f"“{TAGGED}.clientocracy”",
                              f"/home/anna/{TAGGED}.clientocracy\nPermission denied")
    qtbot.addWidget(box)
    assert shown_as_markup(box) == []
