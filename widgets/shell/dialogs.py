"""The app's message dialogs: unsaved changes, crash recovery, locked and refused files, errors."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from app.gate import FileRefused
from app.workfile import FileLocked, Recoverable

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton


class DialogTexts(QObject):
    """The dialogs' texts with plural forms (lupdate finds plurals in tr() calls of a class)."""

    def unsaved_changes(self, count: int) -> str:
        """How many unsaved changes a crash left."""
        return self.tr("%n unsaved change(s) can be restored.", "", count)


def translated(text: str) -> str:
    """A string of the dialogs (marked with QT_TRANSLATE_NOOP) in the current language."""
    return QCoreApplication.translate("dialogs", text)


def message_box(parent: QWidget | None, icon: Icon, name: str, title: str, text: str,
                informative: str = "", details: str = "") -> QMessageBox:
    """A message box with a stable object name (tests find it), plain text and an optional detail."""
    box = QMessageBox(icon, title, text, Button.NoButton, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if informative:
        box.setInformativeText(informative)
        for label in box.findChildren(QLabel, "qt_msgbox_informativelabel"):
            label.setTextFormat(Qt.TextFormat.PlainText)  # Qt reads it as markup when it looks like some
    if details:
        box.setDetailedText(details)
    return box


def reason_of(error: BaseException) -> str:
    """The reason of an error in a few words, in the user's language when it is a known one (an OSError's strerror,
    a refused file's reason, else its message, else its type)."""
    if isinstance(error, OSError) and error.strerror:
        return reason_text(error.strerror)
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason_text(reason)
    return reason_text(str(error)) if str(error) else type(error).__name__


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Ask what to do with unsaved changes: "save", "discard" or "cancel"."""
    title = QCoreApplication.translate("dialogs", "Unsaved changes")
    text = QCoreApplication.translate("dialogs", "Save the changes to “{name}”?").format(name=name)
    more = QCoreApplication.translate("dialogs", "If you don't save them, the changes are lost.")
    box = message_box(parent, Icon.Warning, "saveChangesDialog", title, text, more)
    box.setStandardButtons(Button.Save | Button.Discard | Button.Cancel)
    box.button(Button.Discard).setText(QCoreApplication.translate("dialogs", "Don't Save"))
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    answer = Button(box.exec())
    return {Button.Save: "save", Button.Discard: "discard"}.get(answer, "cancel")


def ask_restore(left: Recoverable, parent: QWidget | None = None) -> str:
    """Ask whether to restore a workshop a crash left unsaved: "restore", "discard" or "later"."""
    where = left.origin.name if left.origin else QCoreApplication.translate("dialogs", "never saved to a file")
    name = left.title or QCoreApplication.translate("dialogs", "Untitled workshop")
    title = QCoreApplication.translate("dialogs", "Restore unsaved work?")
    text = QCoreApplication.translate("dialogs", "Clientocracy Studio ended without saving “{title}” ({file}).")
    more = DialogTexts().unsaved_changes(left.unsaved_edits)
    box = message_box(parent, Icon.Question, "restoreDialog", title, text.format(title=name, file=where), more)
    restore = box.addButton(QCoreApplication.translate("dialogs", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("dialogs", "Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QCoreApplication.translate("dialogs", "Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return {restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")


def holder_text(holder: dict) -> str:
    """Who holds a file: "anna on laptop-7 (process 4242) since 2025-05-14 10:02"."""
    text = QCoreApplication.translate("dialogs", "{user} on {host} (process {pid})").format(
        user=holder.get("user", "?"), host=holder.get("host", "?"), pid=holder.get("pid", "?"))
    since = holder.get("since")
    if since:
        text += " " + QCoreApplication.translate("dialogs", "since {time}").format(time=since)
    return text


def show_locked(parent: QWidget | None, error: FileLocked) -> None:
    """Tell the user the file is open elsewhere (another window, user or computer), and who holds it."""
    title = QCoreApplication.translate("dialogs", "The workshop is already open")
    text = QCoreApplication.translate("dialogs", "“{name}” is already open elsewhere: {holder}.").format(
        name=error.path.name, holder=holder_text(error.holder))
    more = QCoreApplication.translate("dialogs", "Continue there, or close it there and open the file here again.")
    box = message_box(parent, Icon.Information, "lockedDialog", title, text, more)
    box.setStandardButtons(Button.Ok)
    box.exec()


# Known reasons of the file gate (English, from app/gate.py) and how to say them to a user.
_REASONS = (
    (re.compile(r"no such file"), QT_TRANSLATE_NOOP("dialogs", "This file does not exist (any more).")),
    (re.compile(r"made by a newer version"), QT_TRANSLATE_NOOP(
        "dialogs", "The file was made by a newer version of Clientocracy Studio. Update the app to open it.")),
    (re.compile(r"not a (Clientocracy )?workshop"), QT_TRANSLATE_NOOP(
        "dialogs", "This file is not a Clientocracy workshop.")),
    (re.compile(r"damaged|truncated|integrity"), QT_TRANSLATE_NOOP("dialogs", "The file is damaged.")),
    (re.compile(r"too large"), QT_TRANSLATE_NOOP("dialogs", "The file is too large to be a workshop.")),
    (re.compile(r"cannot be read"), QT_TRANSLATE_NOOP(
        "dialogs", "The file cannot be read (check its permissions).")),
    (re.compile(r"changed on disk since"), QT_TRANSLATE_NOOP(
        "dialogs", "The file changed on disk after it was opened. Save your work under another name.")),
    (re.compile(r"names \(hard links\)"), QT_TRANSLATE_NOOP(
        "dialogs", "The file has several names (hard links); copy it to a file of its own first.")),
    (re.compile(r"being written by "), QT_TRANSLATE_NOOP(
        "dialogs", "The file is being written by another program; try again in a moment.")),
    (re.compile(r"the file is read-only"), QT_TRANSLATE_NOOP(
        "dialogs", "The file is read-only; nothing was written (make it writable first).")),
    (re.compile(r"the folder .* is read-only"), QT_TRANSLATE_NOOP(
        "dialogs", "The folder is read-only; nothing was written.")),
    (re.compile(r"not a regular file"), QT_TRANSLATE_NOOP(
        "dialogs", "This is not a regular file (a folder, a pipe or a device); nothing was written.")),
    (re.compile(r"disk is full|No space left", re.IGNORECASE), QT_TRANSLATE_NOOP(
        "dialogs", "The disk is full; nothing was written.")),
)


def reason_text(reason: str) -> str:
    """A refusal reason of the file gate in the user's language (the gate's words when it is not a known one)."""
    for pattern, text in _REASONS:
        if pattern.search(reason):
            return translated(text)
    return reason


def show_refused(parent: QWidget | None, error: FileRefused) -> None:
    """Tell the user a file cannot be opened, with the gate's reason; the file is left untouched."""
    title = QCoreApplication.translate("dialogs", "Cannot open the workshop")
    text = QCoreApplication.translate("dialogs", "“{name}” cannot be opened.").format(name=error.path.name)
    untouched = QCoreApplication.translate("dialogs", "The file was left untouched.")
    details = QCoreApplication.translate("dialogs", "Reason: {reason}").format(reason=error.reason)
    box = message_box(parent, Icon.Warning, "refusedDialog", title, text,
                      f"{reason_text(error.reason)}\n{untouched}", details)
    box.setStandardButtons(Button.Ok)
    box.exec()


def show_open_error(parent: QWidget | None, name: str, error: BaseException) -> None:
    """Tell the user a workshop could not be opened: locked, refused, or another reason."""
    if isinstance(error, FileLocked):
        show_locked(parent, error)
    elif isinstance(error, FileRefused):
        show_refused(parent, error)
    else:
        title = QCoreApplication.translate("dialogs", "Cannot open the workshop")
        text = QCoreApplication.translate("dialogs", "“{name}” cannot be opened.").format(name=name)
        box = message_box(parent, Icon.Warning, "openErrorDialog", title, text, reason_of(error))
        box.setStandardButtons(Button.Ok)
        box.exec()


def show_save_error(parent: QWidget | None, path: Path, error: BaseException) -> None:
    """Tell the user the workshop could not be saved (it stays safe in its working copy)."""
    if isinstance(error, FileLocked):
        show_locked(parent, error)
        return
    title = QCoreApplication.translate("dialogs", "Cannot save the workshop")
    text = QCoreApplication.translate("dialogs", "“{name}” could not be saved.").format(name=path.name)
    safe = QCoreApplication.translate("dialogs", "Your work is safe in the app's working copy. "
                                                 "Try another folder or name.")
    box = message_box(parent, Icon.Warning, "saveErrorDialog", title, text, f"{safe}\n{reason_of(error)}")
    box.setStandardButtons(Button.Ok)
    box.exec()


def show_export_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user an export failed (the previous file, if any, is kept)."""
    title = QCoreApplication.translate("dialogs", "Export failed")
    text = QCoreApplication.translate("dialogs", "The export could not be written; an earlier file is kept.")
    box = message_box(parent, Icon.Warning, "exportErrorDialog", title, text, reason_of(error))
    box.setStandardButtons(Button.Ok)
    box.exec()


def show_crash(parent: QWidget | None, log_path: Path) -> None:
    """The calm dialog after an unexpected error: the work is safe, the details are in the log."""
    title = QCoreApplication.translate("dialogs", "Something went wrong")
    text = QCoreApplication.translate("dialogs", "The last action could not be completed.")
    more = QCoreApplication.translate("dialogs", "Your workshop is safe: every change is kept in its working copy. "
                                                 "The details were written to {log}.").format(log=log_path)
    box = message_box(parent, Icon.Warning, "errorDialog", title, text, more)
    box.setStandardButtons(Button.Ok)
    box.exec()
