"""File ▸ Share as a copy… and File ▸ Merge another copy…: give a colleague a copy, and take their work back in.

The merge shows what each side changed (added, changed, deleted, per kind, in words) and each conflict with both
values side by side to choose from; it is applied as one undoable edit, and the checks run after it.
"""

from __future__ import annotations

import logging
from dataclasses import is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.merge import MINE, SIDES, THEIRS, Conflict, MergeResult, SideChanges, merge
from widgets.base.table_specs import DECISIONS, EXPERIMENT_STATUSES, PROMISE_STATUSES, TEAM_KINDS
from widgets.shell.edit_names import field_word

if TYPE_CHECKING:
    from widgets.shell.main_window import MainWindow

log = logging.getLogger(__name__)

CHOICE_WORDS: dict[tuple[str, str], dict[Any, str]] = {
    ("team", "kind"): TEAM_KINDS,
    ("promise", "status"): PROMISE_STATUSES,
    ("experiment", "status"): EXPERIMENT_STATUSES,
    ("experiment", "decision"): DECISIONS,
}
REFERENCE_FIELDS = {"segment", "from", "to", "value", "parent", "team", "promise", "of"}
SHOWN_NAMES = 12  # names listed under a kind and a change before "N more"


# Lists in words, for a list whose order both copies changed.
LIST_WORDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("MergeDialog", "Root values"),
    "segment": QT_TRANSLATE_NOOP("MergeDialog", "Client segments"),
    "pain": QT_TRANSLATE_NOOP("MergeDialog", "Pains"),
    "proposition": QT_TRANSLATE_NOOP("MergeDialog", "Value propositions"),
    "canvas": QT_TRANSLATE_NOOP("MergeDialog", "Strategy canvases"),
    "team": QT_TRANSLATE_NOOP("MergeDialog", "Teams"),
    "link": QT_TRANSLATE_NOOP("MergeDialog", "Structure links"),
    "promise": QT_TRANSLATE_NOOP("MergeDialog", "Promises"),
    "experiment": QT_TRANSLATE_NOOP("MergeDialog", "Experiments"),
    "factor": QT_TRANSLATE_NOOP("MergeDialog", "Factors"),
    "curve": QT_TRANSLATE_NOOP("MergeDialog", "Value curves"),
    "reading": QT_TRANSLATE_NOOP("MergeDialog", "Readings"),
}
# Kinds in words, as the subject of a line ("Promise «…»"); a kind without a word here shows its own name.
KIND_WORDS: dict[str, str] = {
    "value": QT_TRANSLATE_NOOP("MergeDialog", "Root value"),
    "segment": QT_TRANSLATE_NOOP("MergeDialog", "Client segment"),
    "pain": QT_TRANSLATE_NOOP("MergeDialog", "Pain"),
    "proposition": QT_TRANSLATE_NOOP("MergeDialog", "Value proposition"),
    "canvas": QT_TRANSLATE_NOOP("MergeDialog", "Strategy canvas"),
    "team": QT_TRANSLATE_NOOP("MergeDialog", "Team"),
    "link": QT_TRANSLATE_NOOP("MergeDialog", "Structure link"),
    "promise": QT_TRANSLATE_NOOP("MergeDialog", "Promise"),
    "experiment": QT_TRANSLATE_NOOP("MergeDialog", "Experiment"),
    "factor": QT_TRANSLATE_NOOP("MergeDialog", "Factor"),
    "curve": QT_TRANSLATE_NOOP("MergeDialog", "Value curve"),
    "reading": QT_TRANSLATE_NOOP("MergeDialog", "Reading"),
}


def short(text: str, limit: int) -> str:
    """The text cut to `limit` characters at a word, with an ellipsis when cut (the whole text is in the tooltip)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2:] else cut) + "…"


def capitalised(text: str) -> str:
    """The text with its first letter in upper case (a label that starts a line)."""
    return text[:1].upper() + text[1:]


def kind_word(kind: str, start: bool = True) -> str:
    """A kind in words ("Promise": «Обещание»), lower case inside a sentence when `start` is False."""
    word = KIND_WORDS.get(kind)
    text = QCoreApplication.translate("MergeDialog", word) if word else kind.replace("_", " ").capitalize()
    return text if start else text[:1].lower() + text[1:]


class Choice(QRadioButton):
    """A side to keep, with its value beside it, cut with an ellipsis to the room it has (whole in the tooltip)."""

    def __init__(self, value: str, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.value = value

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        room = max(self.width() - 32, 40)
        self.setText(self.fontMetrics().elidedText(self.value, Qt.TextElideMode.ElideRight, room))


class MergeDialog(QDialog):
    """What each side changed, the conflicts with a choice each, and Merge / Cancel."""

    def __init__(self, base: m.Workshop, mine: m.Workshop, theirs: m.Workshop, their_name: str,
                 parent: QWidget | None = None, result: MergeResult | None = None) -> None:
        """`result`: the merge preferring mine, when the caller has made it (MergeRefused is raised before any
        dialog is made)."""
        result = result or merge(base, mine, theirs, prefer=MINE)
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.base, self.mine, self.theirs, self.their_name = base, mine, theirs, their_name
        self.chosen: dict[str, str] = {}
        self.prefer = MINE
        self.outcome: MergeResult = result
        self._groups: list[QButtonGroup] = []
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self._recompute)

        self.heading = QLabel()
        self.heading.setObjectName("mergeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.side_boxes = {side: QGroupBox() for side in SIDES}
        self.side_trees = {side: QTreeWidget() for side in SIDES}
        sides = QHBoxLayout()
        for side in SIDES:
            tree = self.side_trees[side]
            tree.setObjectName(f"{side}Changes")
            tree.setHeaderHidden(True)
            tree.setRootIsDecorated(True)
            box_layout = QVBoxLayout(self.side_boxes[side])
            box_layout.addWidget(tree)
            sides.addWidget(self.side_boxes[side])
        self.conflicts_label = QLabel()
        self.conflicts_label.setObjectName("mergeConflictsLabel")
        self.conflicts_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mergeConflicts")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.all_mine = QPushButton()
        self.all_mine.setObjectName("preferMineButton")
        self.all_theirs = QPushButton()
        self.all_theirs.setObjectName("preferTheirsButton")
        self.all_mine.clicked.connect(self.prefer_mine)
        self.all_theirs.clicked.connect(self.prefer_theirs)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_mine)
        row.addWidget(self.all_theirs)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(sides, 2)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.table, 3)
        layout.addLayout(row)
        self.resize(1100, 720)
        self.retranslate()

    # ------------------------------------------------------------------ choices
    def choices(self) -> dict[str, str]:
        """The side chosen for each conflict shown (the preferred side where none was chosen)."""
        return {c.key: self.chosen.get(c.key, self.prefer) for c in self.outcome.conflicts}

    def merged(self) -> MergeResult:
        """The merge with the choices made (worked out again only when a choice is still to be taken in)."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._recompute()
        return self.outcome

    def choose(self, key: str, side: str) -> None:
        """Resolve the conflict `key` to `side` (the list is worked out again: a choice may bring others)."""
        self.chosen[key] = side
        self._refresh_timer.start()

    def prefer_mine(self) -> None:
        """Every conflict to this workshop's side."""
        self._prefer_all(MINE)

    def prefer_theirs(self) -> None:
        """Every conflict to the other copy's side."""
        self._prefer_all(THEIRS)

    def _prefer_all(self, side: str) -> None:
        self.prefer = side
        self.chosen.clear()
        self._recompute()

    def _recompute(self) -> None:
        self.outcome = merge(self.base, self.mine, self.theirs, prefer=self.prefer, choices=self.chosen)
        self._fill_conflicts()
        self._fill_heading()

    # ------------------------------------------------------------------ texts
    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Merge another copy"))
        self.side_boxes[MINE].setTitle(self.tr("Changed in this workshop (mine)"))
        self.side_boxes[THEIRS].setTitle(self.tr("Changed in “{name}” (theirs)").format(name=self.their_name))
        self.table.setHorizontalHeaderLabels([
            self.tr("Object"), self.tr("What differs"), self.tr("Mine (this workshop)"),
            self.tr("Theirs ({name})").format(name=self.their_name)])
        self.all_mine.setText(self.tr("Keep mine in every conflict"))
        self.all_theirs.setText(self.tr("Keep theirs in every conflict"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        for side in SIDES:
            self._fill_changes(self.side_trees[side], self.outcome.changes[side])
        self._fill_conflicts()
        self._fill_heading()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_heading(self) -> None:
        count = len(self.outcome.conflicts)
        self.heading.setText(self.tr("The changes made in “{name}” since the two copies parted are brought into "
                                     "this workshop as one step (Undo takes it back).").format(name=self.their_name))
        if count:
            self.conflicts_label.setText(self.tr("%n conflict(s): both copies changed the same thing. Choose what "
                                                 "to keep in each.", "", count))
        else:
            self.conflicts_label.setText(self.tr("No conflicts: every change of both copies is kept."))
        self.table.setVisible(bool(count))
        self.all_mine.setVisible(bool(count))
        self.all_theirs.setVisible(bool(count))

    def _fill_changes(self, tree: QTreeWidget, changes: SideChanges) -> None:
        tree.clear()
        parts = ((self.tr("added"), changes.added), (self.tr("changed"), changes.changed),
                 (self.tr("deleted"), changes.deleted))
        kinds = [k for k in ("workshop", *m.KINDS, "root") if any(k in part for _, part in parts)]
        if not kinds:
            tree.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing changed")]))
            return
        for kind in kinds:
            counts = [f"{len(part[kind])} {word}" for word, part in parts if part.get(kind)]
            label = self.tr("Workshop details") if kind in ("workshop", "root") else kind_word(kind)
            top = QTreeWidgetItem([f"{label}: {', '.join(counts)}"])
            tree.addTopLevelItem(top)
            if kind in ("workshop", "root"):
                top.setExpanded(True)
                continue
            for word, part in parts:
                names = part.get(kind, [])
                for name in names[:SHOWN_NAMES]:
                    QTreeWidgetItem(top, [f"{word} «{name}»"]).setToolTip(0, name)
                if len(names) > SHOWN_NAMES:
                    QTreeWidgetItem(top, [self.tr("%n more {word}", "", len(names) - SHOWN_NAMES).format(word=word)])
            top.setExpanded(True)

    def _fill_conflicts(self) -> None:
        self.table.setRowCount(0)
        for group in self._groups:
            group.deleteLater()
        self._groups = []
        choices = self.choices()
        self.table.setRowCount(len(self.outcome.conflicts))
        for row, conflict in enumerate(self.outcome.conflicts):
            self.table.setItem(row, 0, self._item(self._object_text(conflict)))
            what = self._item(self._what_text(conflict))
            if conflict.what == "cycle":
                what.setToolTip(" → ".join(conflict.details[0][1:]) if conflict.details else what.text())
            self.table.setItem(row, 1, what)
            group = QButtonGroup(self)
            self._groups.append(group)
            for column, side in ((2, MINE), (3, THEIRS)):
                text = self._value_text(conflict, side)
                radio = Choice(text)
                radio.setObjectName(f"{side}Choice{row}")
                radio.setToolTip(text)
                radio.setChecked(choices[conflict.key] == side)
                radio.toggled.connect(self._radio_toggled)
                radio.setProperty("conflict", conflict.key)
                radio.setProperty("side", side)
                group.addButton(radio)
                self.table.setCellWidget(row, column, radio)
        self.table.resizeRowsToContents()

    def _radio_toggled(self, checked: bool) -> None:
        radio = self.sender()
        if checked and isinstance(radio, QRadioButton):
            self.choose(str(radio.property("conflict")), str(radio.property("side")))

    @staticmethod
    def _item(text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        return item

    def _object_text(self, conflict: Conflict) -> str:
        if conflict.what == "order":
            kind = m.KIND_OF_COLLECTION.get((conflict.field or "").removeprefix("order of "), "")
            word = LIST_WORDS.get(kind)
            text = QCoreApplication.translate("MergeDialog", word) if word else kind
            if conflict.kind == "canvas":
                return self.tr("{list} of «{canvas}»").format(list=text, canvas=conflict.name)
            return text
        if conflict.kind == "workshop":
            return self.tr("Workshop details")
        return f"{kind_word(conflict.kind)} «{conflict.name}»"

    def _what_text(self, conflict: Conflict) -> str:
        what = conflict.what
        details = "; ".join(self.detail_words(conflict.kind, d) for d in conflict.details)
        if what == "deleted":
            if conflict.deleted_in == THEIRS:
                return self.tr("Deleted in the other copy; here: {details}").format(details=details)
            return self.tr("Deleted here; in the other copy: {details}").format(details=details)
        if what == "order":
            return self.tr("Order of the list")
        if what == "reference":
            return self.tr("Reference curve")
        if what == "cycle":
            return self.tr("Parent promise: together the copies make a cycle")
        if what == "scale":
            return self.tr("Scale, with a level outside it: {levels}").format(levels=details)
        field = conflict.field or ""
        if field.startswith("levels."):
            return self.tr("Level on «{factor}»").format(factor=field.removeprefix("levels."))
        if field.startswith("layouts."):
            diagram = field.removeprefix("layouts.")
            return self.tr("Place on the structure") if diagram == "structure" else self.tr("Place on the map")
        return capitalised(field_word(conflict.kind, "from_" if field == "from" else field))

    def detail_words(self, kind: str, detail: tuple[str, ...]) -> str:
        """One detail of a conflict (app.merge.reason_text) in the user's language."""
        what, *args = detail
        if what == "changed":
            fields = ", ".join(field_word(kind, "from_" if f == "from" else f) for f in args[0].split(", "))
            return self.tr("changed {fields}").format(fields=fields)
        if what == "moved":
            return self.tr("moved to another canvas")
        if what == "refers":
            return self.tr("{kind} «{name}» refers to it").format(kind=kind_word(args[0], False), name=args[1])
        if what == "child":
            return self.tr("its {kind} «{name}» was added or changed").format(kind=kind_word(args[0], False),
                                                                              name=args[1])
        if what == "level":
            return self.tr("the level of «{curve}» on «{factor}» was set").format(curve=args[0], factor=args[1])
        if what == "position":
            return self.tr("it was moved on a diagram")
        if what == "outside":
            return self.tr("«{curve}» on «{factor}» is {level}").format(curve=args[0], factor=args[1], level=args[2])
        return " → ".join(args)

    def _value_text(self, conflict: Conflict, side: str) -> str:
        value = conflict.mine if side == MINE else conflict.theirs
        if conflict.what == "deleted":
            if conflict.deleted_in == side:
                return self.tr("delete")
            return self.tr("keep")
        if conflict.what == "cycle" and isinstance(value, list):
            return "; ".join(
                self.tr("«{promise}» supports «{parent}»").format(promise=short(p, 24), parent=short(parent, 24))
                if parent else self.tr("«{promise}» supports none").format(promise=short(p, 24)) for p, parent in value)
        if conflict.what == "order" and isinstance(value, list):
            return " → ".join(short(str(v), 24) if v else "—" for v in value)
        return self.value_words(conflict.kind, conflict.field or "", value)

    def value_words(self, kind: str, field: str, value: Any) -> str:
        """A field's value in words: choices translated, references by name, lists joined, nothing as a dash."""
        words = CHOICE_WORDS.get((kind, field))
        if words is not None and value in words:
            return QCoreApplication.translate("choices", words[value])
        if value is None or value == "" or value == ():
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if field in REFERENCE_FIELDS and isinstance(value, str):
            return self._name_of(value)
        if isinstance(value, tuple) and value and isinstance(value[0], m.Grant):
            return "; ".join(f"{g.text} {'✓' if g.granted else '✗'}" for g in value)
        if isinstance(value, tuple) and len(value) == 2 and field.startswith("layouts."):
            return f"({value[0]:g}, {value[1]:g})"
        if isinstance(value, tuple):
            return ", ".join(self._name_of(v) if isinstance(v, str) else str(v) for v in value)
        if isinstance(value, float):
            return f"{value:g}"
        if is_dataclass(value):
            shown = [f"{k}: {v}" for k, v in vars(value).items() if k != "extra" and v not in (None, "", ())]
            return ", ".join(shown) or "—"
        return str(value)

    def _name_of(self, obj_id: str) -> str:
        for workshop in (self.mine, self.theirs, self.base):
            obj = _find(workshop, obj_id)
            if obj is not None:
                for attr in ("name", "title", "text", "statement"):
                    text = getattr(obj, attr, "")
                    if text:
                        return text
        return obj_id


def _find(workshop: m.Workshop, obj_id: str) -> Any:
    """The object with id `obj_id` among the workshop's top-level lists, or None."""
    for kind in m.TOP_KINDS:
        for obj in workshop.collection(kind):
            if obj.id == obj_id:
                return obj
    return None


# ----------------------------------------------------------------------------------------- the two commands
def ask_share_path(window: QWidget, suggested: str) -> Path | None:
    """Where to write the copy for a colleague (a .clientocracy file), or None."""
    title = QCoreApplication.translate("MergeDialog", "Share as a copy")
    path, _ = QFileDialog.getSaveFileName(window, title, suggested, QCoreApplication.translate(
        "files", "Clientocracy workshop (*.clientocracy)"))
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix.lower() == ".clientocracy" else chosen.with_name(chosen.name + ".clientocracy")


def ask_copy_path(window: QWidget, title: str) -> Path | None:
    """The other copy (or the base) to read, or None."""
    from widgets.shell.files import workshop_filter

    path, _ = QFileDialog.getOpenFileName(window, title, "", workshop_filter())
    return Path(path) if path else None


def share_copy(window: MainWindow) -> bool:
    """File ▸ Share as a copy…: write a copy that records the split, so a later merge finds the common state."""
    from app.lineage import share_copy as write_copy
    from widgets.shell import dialogs

    work = window.work
    if work is None:
        return False
    stem = work.path.stem if work.path else (work.document.model.info.title or "workshop")
    copy_word = QCoreApplication.translate("MergeDialog", "copy")
    path = ask_share_path(window, str(Path(window.settings.last_folder()) / f"{stem} — {copy_word}.clientocracy"))
    if path is None:
        return False
    try:
        write_copy(work.store, work.document.model, path)
    except Exception as error:  # a copy that cannot be written is a dialog, never a traceback
        log.info("could not share %s", path, exc_info=True)
        dialogs.show_save_error(window, path, error)
        return False
    window.show_hint(QCoreApplication.translate(
        "MergeDialog", "A copy for a colleague was saved to {path}; merge it back with File ▸ Merge another copy…"
    ).format(path=path))
    return True


def _ask_base(window: MainWindow, name: str) -> Path | None:
    """Ask for the copy both started from, when the other copy does not say; None when the user gives up."""
    from widgets.shell import dialogs

    title = QCoreApplication.translate("MergeDialog", "Merge another copy")
    text = QCoreApplication.translate("MergeDialog", "“{name}” does not say which copy it started from.")
    more = QCoreApplication.translate("MergeDialog", "Choose the copy both workshops started from.")
    box = dialogs.message_box(window, dialogs.Icon.Information, "mergeNoBaseDialog", title, text.format(name=name),
                              more)
    box.setStandardButtons(dialogs.Button.Ok | dialogs.Button.Cancel)
    if box.exec() != dialogs.Button.Ok:
        return None
    return ask_copy_path(window, QCoreApplication.translate("MergeDialog", "The copy both started from"))


def _prepare(window: MainWindow, path: Path, base_path: Path | None) -> tuple[MergeDialog, Any] | None:
    """The merge dialog for the copy at `path` and the copy's lineage; None (the user told why) when it cannot be."""
    from app.lineage import common_base, of_store, read_copy
    from app.merge import MergeRefused
    from widgets.shell import dialogs

    work = window.work
    assert work is not None
    try:
        theirs, their_lineage = read_copy(path)
        base = common_base(of_store(work.store), their_lineage)
        if base is None:
            base_path = base_path or _ask_base(window, path.name)
            if base_path is None:
                return None
            base = read_copy(base_path)[0]
        result = merge(base, work.document.model, theirs, prefer=MINE)  # refused here, before any dialog is made
        return MergeDialog(base, work.document.model, theirs, path.name, window, result), their_lineage
    except MergeRefused:
        title = QCoreApplication.translate("MergeDialog", "Merge another copy")
        text = QCoreApplication.translate("MergeDialog", "“{name}” is not a copy of this workshop: they have "
                                                         "nothing in common.")
        box = dialogs.message_box(window, dialogs.Icon.Warning, "mergeRefusedDialog", title,
                                  text.format(name=path.name))
        box.setStandardButtons(dialogs.Button.Ok)
        box.exec()
    except Exception as error:  # an unreadable copy is a dialog, never a traceback
        log.info("could not read %s", path, exc_info=True)
        dialogs.show_open_error(window, path.name, error)
    return None


def merge_copy(window: MainWindow, path: Path | None = None, base_path: Path | None = None) -> bool:
    """File ▸ Merge another copy…: read it, find the state both copies started from (or ask for it), show the
    dialog, and apply the merge as one undoable edit; False when nothing was merged."""
    from app.lineage import record_merge
    from app.snapshots import restore_edit
    from widgets.base.undo import push_edit

    work = window.work
    if work is None:
        return False
    path = path or ask_copy_path(window, QCoreApplication.translate("MergeDialog", "Merge another copy"))
    if path is None:
        return False
    prepared = _prepare(window, path, base_path)
    if prepared is None:
        return False
    dialog, their_lineage = prepared
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        result, theirs_state = dialog.merged(), dialog.theirs
    finally:
        dialog.deleteLater()
    name = path.name
    edit = restore_edit(work.document, result.workshop, f"Merge “{name}”")
    if edit.edits:
        refused = push_edit(window.undo_stack, work.document, edit,
                            lambda: QCoreApplication.translate("MergeDialog", "Merge “%1”").replace("%1", name))
        if refused is not None:
            window.show_hint(refused)
            return False
    record_merge(work.store, their_lineage, theirs_state)
    window.checks.recompute()
    window.docks["checks"].show()
    if not edit.edits:
        window.show_hint(QCoreApplication.translate(
            "MergeDialog", "Nothing to merge: this workshop already has every change of “{name}”.").format(name=name))
    else:
        window.show_hint(QCoreApplication.translate(
            "MergeDialog", "Merged “{name}”: %n conflict(s) resolved. Undo takes the merge back.", None,
            len(result.conflicts)).format(name=name))
    return True
