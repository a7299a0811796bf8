"""The promise table: every promise a row, edited in place, sorted and filtered, its selection shared with the map."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.changed import Changes
from app.document import Document
from app.promise_rules import is_unempowered
from app.promise_sheet import normalize
from app.promise_tree import number_key, promise_numbers
from widgets.base.live import changes_of
from widgets.base.table_specs import name_of, party_choices, team_choices
from widgets.base.tables import (
    ANSWERED_ROLES,
    DISPLAY,
    FOREGROUND,
    TOOLTIP,
    Column,
    ObjectTable,
    ObjectTableModel,
    TableProxy,
    set_field,
)
from widgets.promises.card import grant_count
from widgets.promises.context import PromiseContext
from widgets.promises.style import PROBLEM, STATUS_STYLES, status_icon, status_name, swatch_icon, value_color
from widgets.promises.style import warning_icon as make_warning_icon

AnyIndex = QModelIndex | QPersistentModelIndex


def _status_choices(_document: Document) -> list[tuple[Any, str]]:
    return [(s, status_name(s)) for s in STATUS_STYLES]


def _status_label(_document: Document, value: Any) -> str:
    return status_name(value)


def _value_choices(document: Document) -> list[tuple[Any, str]]:
    return [(None, "—"), *((v.id, v.name) for v in document.model.values)]


def _value_label(document: Document, value: Any) -> str:
    found = document.find(value) if value else None
    return getattr(found, "name", "") if found is not None else ""


def promise_columns() -> list[Column]:
    """The table's columns: parties, text, metric, target, status, what is granted, value and problems."""
    return [
        Column("number", QT_TRANSLATE_NOOP("columns", "№"), lambda o: None, kind="number", width=48,
               tip=QT_TRANSLATE_NOOP("columns", "The promise's number, as on its arrow on the map")),
        Column("from", QT_TRANSLATE_NOOP("columns", "Who promises"), lambda o: o.from_, set_field("from_"), "choice",
               name_of, team_choices, "team", width=150),
        Column("to", QT_TRANSLATE_NOOP("columns", "To whom"), lambda o: o.to, set_field("to"), "choice", name_of,
               party_choices, "team", width=150),
        Column("text", QT_TRANSLATE_NOOP("columns", "Promise"), lambda o: o.text, set_field("text"), stretch=True),
        Column("metric", QT_TRANSLATE_NOOP("columns", "Metric"), lambda o: o.metric, set_field("metric"), width=150),
        Column("target", QT_TRANSLATE_NOOP("columns", "Target"), lambda o: o.target, set_field("target"), width=90),
        Column("status", QT_TRANSLATE_NOOP("columns", "Status"), lambda o: o.status, set_field("status"), "choice",
               _status_label, _status_choices, width=120),
        Column("authorities", QT_TRANSLATE_NOOP("columns", "Authorities"), lambda o: grant_count(o.authorities),
               width=110, tip=QT_TRANSLATE_NOOP(
                   "columns", "Authorities granted of those the promise needs (edit them in the inspector)")),
        Column("resources", QT_TRANSLATE_NOOP("columns", "Resources"), lambda o: grant_count(o.resources),
               width=100, tip=QT_TRANSLATE_NOOP(
                   "columns", "Resources granted of those the promise needs (edit them in the inspector)")),
        Column("value", QT_TRANSLATE_NOOP("columns", "Root value"), lambda o: o.value, set_field("value"), "choice",
               _value_label, _value_choices, "value", width=120),
    ]


DECORATION = int(Qt.ItemDataRole.DecorationRole)
PROMISE_ROLES = ANSWERED_ROLES | {DECORATION}
UNNUMBERED = "\uffff"
"""The sort key of a promise the tree does not number (it sorts last)."""
RENUMBERED_ONE_BY_ONE = 200
"""Up to this many promises renumbered by an edit, the table is told row by row (a sorted view moves only them)."""


class PromiseTableModel(ObjectTableModel):
    """The promises as rows, with a status icon and a warning sign on promises that break the empowerment rule."""

    renumbered = Signal()
    """The tree's numbers may have changed (a promise came, went, or got another parent or value)."""

    def __init__(self, ctx: PromiseContext) -> None:
        super().__init__(ctx.document, ctx.undo_stack, "promise", promise_columns())
        self.ctx = ctx
        self._status_col = self.column_of("status")
        self._text_col = self.column_of("text")
        self._value_col = self.column_of("value")
        self._number_col = self.column_of("number")
        self._numbers: dict[str, str] | None = None
        self._renumbered: set[str] = set()
        self._icons = {s: status_icon(s) for s in STATUS_STYLES}
        self._warning = make_warning_icon()
        self._problem_ink = QColor(PROBLEM).darker(130)
        self._special_cols = {DECORATION: {self._status_col, self._text_col, self._value_col},
                              TOOLTIP: {self._text_col}, FOREGROUND: {self._text_col}}

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in PROMISE_ROLES or not index.isValid():  # painting asks every cell for seven roles
            return None
        col = index.column()
        if role == DISPLAY and col == self._number_col:
            return self.numbers().get(self.id_at(index.row()), "")  # as on the map's arrows and in the tree
        if role in self._special_cols:
            if col in self._special_cols[role]:
                p = self.document.find(self.id_at(index.row()))
                special = self._special(col, p, role) if isinstance(p, m.Promise) else None
                if special is not None:
                    return special
            if role == DECORATION:
                return None
        return super().data(index, role)

    def numbers(self) -> dict[str, str]:
        """Each promise's number in the tree of promises (worked out once after each change)."""
        if self._numbers is None:
            self._numbers = promise_numbers(self.document.model)
        return self._numbers

    def sort_key(self, col: int, obj: Any) -> tuple[int, Any]:
        if col == self._number_col:  # the tree's order: "1.2" < "1.2.1" < "1.10"
            number = self.numbers().get(obj.id)
            return 1, number_key(number) if number else UNNUMBERED
        return super().sort_key(col, obj)

    def key_candidates(self, changed: Changes) -> set[str]:
        found = super().key_candidates(changed)
        return found | self._renumbered if self.sort_column == self._number_col else found

    def _on_changes(self, changed: Changes) -> None:
        self._renumbered = set()
        renumbering = changed.everything or changed.structural("promise", "value") or changed.field_changed(
            "promise", "parent", "value")
        before = self._numbers
        if renumbering:
            self._numbers = None
            if before is not None and self.rowCount():
                after = self.numbers()
                self._renumbered = {i for i, number in after.items() if before.get(i) != number}
        super()._on_changes(changed)  # rows in and out, and every renumbered row moved to its place when sorted by №
        if renumbering:
            self.renumbered.emit()
        renumbered, self._renumbered = self._renumbered, set()
        if changed.everything or not renumbered:
            return
        if len(renumbered) > RENUMBERED_ONE_BY_ONE:
            self.dataChanged.emit(self.index(0, self._number_col), self.index(self.rowCount() - 1, self._number_col))
            return
        for obj_id in renumbered:  # a view repaints only these cells
            row = self.row_of(obj_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, self._number_col), self.index(row, self._number_col))

    def _special(self, col: int, p: m.Promise, role: int) -> Any:
        if role == DECORATION:
            if col == self._status_col:
                return self._icons.get(p.status)
            if col == self._text_col and is_unempowered(p):
                return self._warning
            if col == self._value_col and p.value:
                return swatch_icon(value_color(self.document.model, p.value))
            return None
        if role == TOOLTIP and col == self._text_col:
            found = self.ctx.findings_of.get(p.id, [])
            if found:
                return "\n".join(f"• {f.message}" for f in found)
            return None
        if role == FOREGROUND and col == self._text_col and is_unempowered(p):
            return self._problem_ink
        return None


class PromiseFilter(TableProxy):
    """Shows the promises of a team (made or received), to a segment, of a value, of a status, with problems, or
    containing some words; every condition set must hold. With no condition set it filters nothing (in C++ alone)."""

    def __init__(self, ctx: PromiseContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.team: str | None = None
        self.segment: str | None = None
        self.value: str | None = None
        self.status: str | None = None
        self.problems_only = False
        self.words = ""
        self._searched: dict[str, tuple[str, str, str, str, str]] = {}

    def set_filter(self, **conditions: Any) -> None:
        """Change some conditions (team, segment, value, status, problems_only, words) and filter again."""
        for name, value in conditions.items():
            setattr(self, name, value)
        self.words = normalize(self.words)
        self.refilter()

    def refilter(self) -> None:
        """Filter again (what a condition depends on changed, e.g. the findings)."""
        self.filter_rows(self.accepts if self.active() else None)

    def active(self) -> bool:
        """True when some condition hides rows."""
        return any((self.team, self.segment, self.value, self.status, self.problems_only, self.words))

    def accepts(self, p: m.Promise) -> bool:
        """Whether the promise `p` meets every condition set."""
        if self.team is not None and self.team not in (p.from_, p.to):
            return False
        if self.segment is not None and p.to != self.segment:
            return False
        if self.value is not None and p.value != self.value:
            return False
        if self.status is not None and p.status != self.status:
            return False
        if self.problems_only and p.id not in self.ctx.problem_ids:
            return False
        if self.words:
            return self.words in self._searched_text(p)
        return True

    def _searched_text(self, p: m.Promise) -> str:
        """The promise's words as the filter compares them, normalized once while its texts stay the same."""
        kept = self._searched.get(p.id)
        if kept is not None and kept[0] is p.text and kept[1] is p.metric and kept[2] is p.target and (
                kept[3] is p.notes):
            return kept[4]
        text = normalize(f"{p.text} {p.metric} {p.target} {p.notes}")
        self._searched[p.id] = (p.text, p.metric, p.target, p.notes, text)
        return text


class PromiseTable(ObjectTable):
    """The table view, with the promise filter in place of a plain sorting proxy."""

    proxy: PromiseFilter

    def __init__(self, ctx: PromiseContext, parent: QWidget | None = None) -> None:
        super().__init__(PromiseTableModel(ctx), parent)
        self.source.setParent(self)  # the rows live and die with the table
        self.ctx = ctx
        old = self.proxy
        self.proxy = PromiseFilter(ctx)
        self.proxy.setParent(self)
        self.proxy.setSourceModel(self.source)
        self.setModel(self.proxy)
        old.deleteLater()
        self.selectionModel().selectionChanged.connect(self._emit_selection)
        self.setObjectName("promiseTable")
        self.setWordWrap(False)
        self.sortByColumn(self.source.column_of("number"), Qt.SortOrder.AscendingOrder)  # the tree's order
        ctx.findings_changed.connect(self._findings_changed)
        self.source.renumbered.connect(self.fit_number_column)
        self.fit_number_column()

    def fit_number_column(self) -> None:
        """The № column as wide as the deepest number (a company's «12.10.3.1» whole), never narrower than set."""
        col = self.source.column_of("number")
        widest = max(self.source.numbers().values(), key=len, default="")
        width = max(self.source.columns[col].width, self.fontMetrics().horizontalAdvance(widest) + 16)
        if width != self.columnWidth(col):
            self.setColumnWidth(col, width)

    def _findings_changed(self) -> None:
        if self.proxy.problems_only:  # the other cells depend on the promise alone; tooltips are read on hover
            self.proxy.refilter()


class PromiseTablePanel(QWidget):
    """The filter bar over the promise table."""

    def __init__(self, ctx: PromiseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = PromiseTable(ctx, self)
        self._filtering = False
        self.words = QLineEdit(self)
        self.words.setClearButtonEnabled(True)
        self.team = QComboBox(self)
        self.segment = QComboBox(self)
        self.value = QComboBox(self)
        self.status = QComboBox(self)
        self.problems = QCheckBox(self)
        self.count = QLabel(self)
        for combo in (self.team, self.segment, self.value, self.status):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.activated.connect(self._apply)
        self.words.textChanged.connect(self._apply)
        self.problems.toggled.connect(self._apply)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        for w in (self.words, self.team, self.segment, self.value, self.status, self.problems):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()
        changes_of(ctx.document).changed.connect(self._on_changes)
        for model in (self.table.proxy, self.table.source):  # the proxy drops rows before the source has
            model.rowsInserted.connect(self._count)
            model.rowsRemoved.connect(self._count)
            model.modelReset.connect(self._count)
        self.table.proxy.layoutChanged.connect(self._count)

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("team", "segment", "value"):
            self.refill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """The filter bar's texts and the promise count in the current language."""
        self.words.setPlaceholderText(self.tr("Find in promises…"))
        self.problems.setText(self.tr("Has problems"))
        self.problems.setToolTip(self.tr("Only promises with an error or a warning of the checks"))
        self.refill()

    def refill(self) -> None:
        """Fill the filter lists from the workshop, keeping what is chosen."""
        w = self.ctx.document.model
        self._fill(self.team, self.tr("All teams"), [(t.id, t.name, None) for t in w.teams])
        self._fill(self.segment, self.tr("All segments"), [(s.id, s.name, None) for s in w.segments])
        self._fill(self.value, self.tr("All values"),
                   [(v.id, v.name, swatch_icon(value_color(w, v.id))) for v in w.values])
        self._fill(self.status, self.tr("All statuses"),
                   [(s, status_name(s), status_icon(s)) for s in STATUS_STYLES])
        self._count()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, str, Any]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for key, label, icon in items:
            if icon is not None:
                combo.addItem(icon, label, key)
            else:
                combo.addItem(label, key)
        found = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def set_filter(self, **conditions: Any) -> None:
        """Set filter conditions from code (tests, the map's "show in table"), updating the controls to match."""
        combos = {"team": self.team, "segment": self.segment, "value": self.value, "status": self.status}
        for name, value in conditions.items():
            if name in combos:
                combos[name].setCurrentIndex(max(combos[name].findData(value), 0) if value is not None else 0)
            elif name == "problems_only":
                self.problems.blockSignals(True)
                self.problems.setChecked(bool(value))
                self.problems.blockSignals(False)
            elif name == "words":
                self.words.blockSignals(True)
                self.words.setText(value)
                self.words.blockSignals(False)
        self._apply()

    def _apply(self, *_args: Any) -> None:
        self._filtering = True  # filtering 30,000 rows emits thousands of row signals: counted once after
        try:
            self.table.proxy.set_filter(team=self.team.currentData(), segment=self.segment.currentData(),
                                        value=self.value.currentData(), status=self.status.currentData(),
                                        problems_only=self.problems.isChecked(), words=self.words.text())
        finally:
            self._filtering = False
        self._count()

    def _count(self, *_args: Any) -> None:
        if self._filtering:
            return
        shown, total = self.table.proxy.rowCount(), len(self.ctx.document.model.promises)
        if shown == total:
            self.count.setText(self.tr("%n promise(s)", "", total))
        else:
            self.count.setText(self.tr("%1 of %2 promises").replace("%1", str(shown)).replace("%2", str(total)))
