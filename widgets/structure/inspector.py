"""The inspector beside the structure diagram: the selected party's fields, edited through the tables' edits."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import economics
from app import model as m
from app.changed import Changes
from app.document import Document, EditRefused
from app.edits import Edit
from widgets.base.live import changes_of
from widgets.base.table_specs import PERIODS, TEAM_KINDS, set_economics, set_indicator
from widgets.base.tables import format_number, parse_members, parse_number, set_field
from widgets.base.undo import push_edit
from widgets.diagram.style import kind_style
from widgets.structure.parties import CONTEXT, indicator_met, kind_label, node_kind

Builder = Callable[[Document, Any, Any], "Edit | None"]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the current language (the structure editor's context; `n` chooses a plural form)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


class TextBox(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it (like QLineEdit.editingFinished)."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class PartyInspector(QScrollArea):
    """Shows and edits one segment or team; follows the document through the change channel."""

    refused = Signal(str)
    """An edit typed here was refused (the reason), or a figure could not be read."""

    def __init__(self, document: Document, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = undo_stack
        self.party_id: str | None = None
        self._selected = 0
        self._loading = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(280)
        body = QWidget()
        body.setObjectName("inspectorBody")
        self.setWidget(body)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(14, 12, 14, 12)
        self.heading = QLabel()
        self.heading.setObjectName("inspectorHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.heading)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #5b6673;")
        outer.addWidget(self.placeholder)

        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        """The label of each field, by the field's key."""
        self.form, form = self._form()
        self._line("name", set_field("name"), form)
        outer.addWidget(self.form)
        self.segment_form, segment = self._form()
        self._text("description", set_field("description"), segment)
        outer.addWidget(self.segment_form)
        self.team_form, team = self._form()
        self.kind_box = QComboBox()
        for kind in TEAM_KINDS:
            self.kind_box.addItem("", kind)
        self.kind_box.activated.connect(self._kind_chosen)
        self._row("kind", self.kind_box, team)
        self._text("purpose", set_field("purpose"), team)
        self._line("lead", set_field("lead"), team)
        self._text("members", self._set_members, team)
        outer.addWidget(self.team_form)

        self.indicator = QGroupBox()
        ind = QFormLayout(self.indicator)
        self._line("indicator.name", set_indicator("name"), ind)
        self._line("indicator.target", set_indicator("target"), ind)
        self._line("indicator.current", set_indicator("current"), ind)
        self.indicator_state = QLabel()
        ind.addRow("", self.indicator_state)
        outer.addWidget(self.indicator)

        self.economics = QGroupBox()
        eco = QFormLayout(self.economics)
        self._line("economics.revenue", self._number("revenue"), eco)
        self._line("economics.costs", self._number("costs"), eco)
        self._line("economics.currency", set_economics("currency"), eco)
        self.period_box = QComboBox()
        self.period_box.setEditable(True)
        for period in PERIODS:
            self.period_box.addItem("", period)
        self.period_box.lineEdit().editingFinished.connect(self._period_chosen)
        self.period_box.activated.connect(self._period_chosen)
        self._row("economics.period", self.period_box, eco)
        self.margin = QLabel()
        self.margin.setObjectName("margin")
        self._row("margin", self.margin, eco)
        self.settled = QLabel(objectName="settledMargin", wordWrap=True)
        self._row("settled", self.settled, eco)
        self.pool = QLabel(objectName="bonusPool", wordWrap=True)
        self._row("pool", self.pool, eco)
        outer.addWidget(self.economics)
        self.notes_form, notes = self._form()
        self._text("notes", set_field("notes"), notes)
        outer.addWidget(self.notes_form)
        outer.addStretch(1)
        self.retranslate()
        self.show_party(None)
        changes_of(document).changed.connect(self._on_changes)

    # ------------------------------------------------------------------ building
    @staticmethod
    def _form() -> tuple[QWidget, QFormLayout]:
        box = QWidget()
        form = QFormLayout(box)
        form.setContentsMargins(0, 4, 0, 4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        return box, form

    def _row(self, key: str, widget: QWidget, layout: QFormLayout) -> None:
        """Add `widget` under a label (named by `retranslate`); an editing field is kept in `fields` by `key`."""
        label = QLabel()
        self.labels[key] = label
        if key not in ("margin", "settled", "pool"):
            self.fields[key] = widget
        layout.addRow(label, widget)

    def _line(self, key: str, build: Builder, layout: QFormLayout) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.editingFinished.connect(lambda: self._commit(key, edit.text(), build))
        self._row(key, edit, layout)
        return edit

    def _text(self, key: str, build: Builder, layout: QFormLayout) -> TextBox:
        box = TextBox()
        box.setObjectName(key)
        box.editing_finished.connect(lambda: self._commit(key, box.toPlainText(), build))
        self._row(key, box, layout)
        return box

    def _set_members(self, document: Document, team: Any, text: str) -> Edit | None:
        members = parse_members(text)
        return None if members == team.members else set_field("members")(document, team, members)

    def _number(self, name: str) -> Builder:
        build = set_economics(name)

        def parse_then_build(document: Document, team: Any, text: str) -> Edit | None:
            try:
                value = parse_number(text)
            except ValueError:
                raise EditRefused(tr("“%1” is not a number.").replace("%1", text.strip())) from None
            return build(document, team, value)

        return parse_then_build

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every label, title and choice in the current language (the party's own data is left as it is)."""
        names = {
            "name": tr("Name"), "description": tr("Description"), "kind": tr("Kind"), "purpose": tr("Purpose"),
            "lead": tr("Lead"), "members": tr("Members (one per line)"), "indicator.name": tr("Indicator"),
            "indicator.target": tr("Target"), "indicator.current": tr("Current"), "economics.revenue": tr("Revenue"),
            "economics.costs": tr("Costs"), "economics.currency": tr("Currency"), "economics.period": tr("Period"),
            "margin": tr("Margin"), "notes": tr("Notes"), "settled": tr("After settlement"), "pool": tr("Bonus pool"),
        }
        for key, text in names.items():
            self.labels[key].setText(text)
        self.indicator.setTitle(tr("Success indicator"))
        self.economics.setTitle(tr("Economics"))
        for box, words in ((self.kind_box, TEAM_KINDS), (self.period_box, PERIODS)):
            for index in range(box.count()):
                box.setItemText(index, QCoreApplication.translate("choices", words[box.itemData(index)]))
        self._show_placeholder()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ showing
    def show_party(self, party_id: str | None, selected: int = 0) -> None:
        """Show the party `party_id` (None: a placeholder, saying how many items are selected if several)."""
        obj = self.document.find(party_id) if party_id else None
        if not isinstance(obj, (m.Segment, m.Team)):
            obj, party_id = None, None
        self.party_id = party_id
        self._selected = selected
        team = isinstance(obj, m.Team)
        self.form.setVisible(obj is not None)
        self.segment_form.setVisible(isinstance(obj, m.Segment))
        for box in (self.team_form, self.indicator, self.economics, self.notes_form):
            box.setVisible(team)
        if obj is None:
            self.heading.setText("")
            self._show_placeholder()
            self.placeholder.show()
            return
        self.placeholder.hide()
        self.refresh()

    def _show_placeholder(self) -> None:
        selected = self._selected
        self.placeholder.setText(tr("%n items selected. Select one segment or team to edit it.", "", selected)
                                 if selected > 1 else
                                 tr("Select a segment or a team to see and edit its details here."))

    def _on_changes(self, changes: Changes) -> None:
        """Read the shown party again when an edit touched it (or the whole workshop)."""
        if self.party_id is not None and (changes.everything or self.party_id in changes.all_ids()
                                          or changes.kinds() & {"promise", "team", "experiment"}):
            self.refresh()

    def refresh(self) -> None:
        """Read the shown party's fields from the model again (the field being typed in is left alone)."""
        obj = self.document.find(self.party_id) if self.party_id else None
        if obj is None:
            if self.party_id is not None:
                self.show_party(None)
            return
        kind = node_kind(obj)
        colour = kind_style(kind).border
        self.heading.setText(f'<span style="color:{colour}; font-size:16pt;">●</span> '
                             f'<span style="font-size:11pt; color:#5b6673;">{kind_label(kind)}</span>')
        self._loading = True
        try:
            values: dict[str, str] = {"name": obj.name}
            if isinstance(obj, m.Segment):
                values["description"] = obj.description
            else:
                ind = obj.indicator or m.Indicator()
                eco = obj.economics or m.Economics()
                values.update({
                    "purpose": obj.purpose, "lead": obj.lead, "members": "\n".join(obj.members), "notes": obj.notes,
                    "indicator.name": ind.name, "indicator.target": ind.target, "indicator.current": ind.current,
                    "economics.revenue": format_number(eco.revenue), "economics.costs": format_number(eco.costs),
                    "economics.currency": eco.currency,
                })
                self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(obj.kind)))
                index = self.period_box.findData(eco.period)
                if index >= 0:
                    self.period_box.setCurrentIndex(index)
                else:
                    self.period_box.setEditText(eco.period)
                met = indicator_met(obj.indicator)
                self.indicator_state.setText("" if met is None else tr("✔ met") if met else tr("✘ not met"))
                self.indicator_state.setStyleSheet(f"color: {'#009E73' if met else '#D55E00'}; font-weight: 600;")
                margin = eco.margin
                self.margin.setText("—" if margin is None else f"{format_number(margin)} {eco.currency}")
                self.margin.setStyleSheet("font-weight: 600;" + (" color: #D55E00;" if margin and margin < 0 else ""))
                self._show_settlement(obj, eco.currency)
            for key, value in values.items():
                widget = self.fields[key]
                if widget.hasFocus():
                    continue
                if isinstance(widget, QLineEdit):
                    if widget.text() != value:
                        widget.setText(value)
                        widget.setCursorPosition(0)
                elif isinstance(widget, QPlainTextEdit) and widget.toPlainText() != value:
                    widget.setPlainText(value)
        finally:
            self._loading = False

    def _show_settlement(self, team: m.Team, currency: str) -> None:
        """The margin after the internal market's settlement (or the cost centre it is), and the bonus pool."""
        w = self.document.model
        money = economics.team_money(w)
        tm = money[team.id]
        settled = tm.settled_margin
        if tm.cost_centre:
            names = ", ".join(getattr(self.document.find(x), "name", "") for x in tm.serves) or "—"
            text = tr("cost centre: %1 %2, serves %3").replace("%1", format_number(-tm.all_costs)).replace(
                "%2", currency).replace("%3", names)
        else:
            text = "—" if settled is None else f"{format_number(settled)} {currency}"
        self.settled.setText(text)
        self.settled.setToolTip(tr("Revenue and internal revenue less own and internal costs; internal figures come "
                                   "from the prices of internal promises"))
        pool = economics.bonus_pool(w, team, money)
        self.pool.setText("—" if pool is None or pool.amount is None else
                          f"{format_number(round(pool.amount))} {currency}")
        self.pool.setToolTip(tr("Members' shares: Workshop ▸ Internal market & motivation"))

    # ------------------------------------------------------------------ committing
    def _commit(self, key: str, value: Any, build: Builder) -> None:
        if self._loading or self.party_id is None:
            return
        obj = self.document.find(self.party_id)
        if obj is None:
            return
        if key == "name":
            value = " ".join(str(value).split())
            if not value:
                self.refresh()
                return
        try:
            edit = build(self.document, obj, value)
        except EditRefused as refused:
            self.refused.emit(str(refused))
            return
        if edit is None:
            return
        reason = push_edit(self.undo_stack, self.document, edit)
        if reason:
            self.refused.emit(reason)
            self.refresh()

    def _kind_chosen(self, index: int) -> None:
        self._commit("kind", self.kind_box.itemData(index), set_field("kind"))

    def _period_chosen(self, *_args: Any) -> None:
        text = self.period_box.currentText().strip()
        index = self.period_box.findText(text)
        period = self.period_box.itemData(index) if index >= 0 else text
        self._commit("economics.period", period, set_economics("period"))
