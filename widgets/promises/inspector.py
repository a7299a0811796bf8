"""The promise inspector: every field of the selected promise, edited in place, and its empowerment at a glance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import changes
from app import model as m
from app.changed import Changes
from app.client_path import approval_steps
from app.document import Document, EditRefused
from app.promise_rules import EMPOWERED_STATUSES, is_unempowered, missing_grants
from widgets.base.live import changes_of
from widgets.base.text_size import text_scale, text_size
from widgets.promises.alternatives import AlternativesButton
from widgets.promises.card import grant_count
from widgets.promises.context import PromiseContext
from widgets.promises.grants import GrantList
from widgets.promises.style import STATUS_STYLES, status_icon, status_name, swatch_icon, value_color

_BANNER = ("QLabel { background: #FBE3D6; color: #7A2E00; border-left: 5px solid #D55E00; padding: 8px 10px;"
           " font-weight: 600; }")
_NOTE = "QLabel { color: #5B6673; }"


class _CommitOnLeave(QObject):
    """Commits a text editor when it loses the focus, or on Ctrl+Enter."""

    def __init__(self, editor: QPlainTextEdit, commit: Any) -> None:
        super().__init__(editor)
        self.commit = commit
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return True
        return False


class PromiseInspector(QWidget):
    """Shows the one selected promise; each field's change is one undoable edit."""

    parent_requested = Signal(str)

    def __init__(self, ctx: PromiseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.promise_id: str | None = None
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setStyleSheet("QLabel { color: #5B6673; padding: 14px; }")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        ctx.selection_changed.connect(self._selection_changed)
        ctx.text_requested.connect(self.edit_text)
        changes_of(ctx.document).changed.connect(self._on_changes)
        text_size().changed.connect(self._style_heading)
        self.retranslate()
        self._selection_changed(ctx.selection)

    # ------------------------------------------------------------------ building
    def _style_heading(self) -> None:
        """The heading 12 points high at the normal text size, larger with View ▸ Larger text."""
        size = round(12 * text_scale(), 1)
        self.heading.setStyleSheet(f"QLabel {{ font-size: {size}pt; font-weight: 600; color: #1D2733; }}")

    def _build_form(self) -> QWidget:
        page = QWidget()
        self.heading = QLabel(page)
        self.heading.setWordWrap(True)
        self._style_heading()
        self.banner = QLabel(page)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(_BANNER)
        self.banner.setObjectName("unempoweredBanner")
        self.approval_steps = QLabel(page)  # a client promise: the approval steps on its chain (L365–425)
        self.approval_steps.setObjectName("approvalSteps")
        self.text = QPlainTextEdit(page)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(66)
        _CommitOnLeave(self.text, lambda: self._commit_text("text", self.text))
        self.from_ = QComboBox(page)
        self.to = QComboBox(page)
        self.value = QComboBox(page)
        self.parent_combo = QComboBox(page)
        self.supporters = QPushButton(page)
        self.supporters.setFlat(True)
        self.supporters.setStyleSheet("QPushButton { text-align: left; color: #0072B2; padding: 0; }")
        self.supporters.clicked.connect(self._select_supporters)
        self.metric_field = QLineEdit(page)  # not `self.metric`: that would override QWidget.metric() (a crash)
        self.target = QLineEdit(page)
        self.alternatives = AlternativesButton(page)  # duplication: who else could keep it
        self.alternatives.teams_edited.connect(lambda teams: self._set("alternatives", teams))
        self.status = QComboBox(page)
        for code in STATUS_STYLES:
            self.status.addItem(status_icon(code), status_name(code), code)
        self.authorities = GrantList("", page)
        self.resources = GrantList("", page)
        self.notes = QPlainTextEdit(page)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        _CommitOnLeave(self.notes, lambda: self._commit_text("notes", self.notes))
        self.from_.activated.connect(lambda _i: self._set("from_", self.from_.currentData()))
        self.to.activated.connect(lambda _i: self._set("to", self.to.currentData()))
        self.value.activated.connect(lambda _i: self._set("value", self.value.currentData()))
        self.parent_combo.activated.connect(lambda _i: self._set("parent", self.parent_combo.currentData()))
        self.status.activated.connect(lambda _i: self._set("status", self.status.currentData()))
        self.metric_field.editingFinished.connect(lambda: self._set("metric", self.metric_field.text().strip()))
        self.target.editingFinished.connect(lambda: self._set("target", self.target.text().strip()))
        self.authorities.grants_edited.connect(lambda g: self._set("authorities", g))
        self.resources.grants_edited.connect(lambda g: self._set("resources", g))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels = {name: QLabel(page) for name in ("text", "from", "to", "value", "parent", "metric", "target",
                                                        "status", "authorities", "resources", "notes",
                                                        "alternatives")}
        self.authorities_label, self.resources_label = self.labels["authorities"], self.labels["resources"]
        for name, field in (("text", self.text), ("from", self.from_), ("to", self.to), ("value", self.value),
                            ("parent", self.parent_combo), ("", self.supporters), ("metric", self.metric_field),
                            ("target", self.target), ("status", self.status), ("authorities", self.authorities),
                            ("resources", self.resources), ("alternatives", self.alternatives),
                            ("notes", self.notes)):
            if name:
                self.labels[name].setBuddy(field)
                form.addRow(self.labels[name], field)
            else:
                form.addRow("", field)
        box = QVBoxLayout(page)
        box.setContentsMargins(10, 10, 10, 10)
        box.addWidget(self.heading)
        box.addWidget(self.banner)
        box.addWidget(self.approval_steps)
        box.addLayout(form)
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        return scroll

    # ------------------------------------------------------------------ following
    def _selection_changed(self, ids: list[str]) -> None:
        doc = self.ctx.document
        promises = [i for i in ids if doc.kind_of(i) == "promise"]
        self._commit_pending()
        if len(promises) == 1:
            self.promise_id = promises[0]
            self.refresh()
            self.stack.setCurrentIndex(1)
            return
        self.promise_id = None
        self.placeholder.setText(self._summary(ids))
        self.stack.setCurrentIndex(0)

    def _summary(self, ids: list[str]) -> str:
        doc = self.ctx.document
        if len(ids) == 1 and doc.kind_of(ids[0]) in ("team", "segment"):
            party = doc.get(ids[0])
            made = sum(p.from_ == party.id for p in doc.model.promises)
            got = sum(p.to == party.id for p in doc.model.promises)
            head = f"<b>{_escape(party.name)}</b><br>"
            if doc.kind_of(ids[0]) == "segment":
                return head + self.tr("Receives %n promise(s). The map highlights every promise that reaches "
                                      "this client.", "", got)
            return head + self.tr("Makes %1 and receives %2 promises. The map highlights its chain to the "
                                  "client.").replace("%1", str(made)).replace("%2", str(got))
        if ids:
            return self.tr("%n objects selected.", "", len(ids))
        return self.tr("Select a promise on the map or in the table to see and edit it here.\n\n"
                       "Draw a promise: drag from a team to a client segment or to another team.")

    def _on_changes(self, changes: Changes) -> None:
        if not changes.touches("promise", "team", "segment", "value"):
            return
        if self.promise_id is None:
            self.placeholder.setText(self._summary(self.ctx.selection))  # a party's counts may have changed
        elif self.ctx.document.find(self.promise_id) is None:
            self._selection_changed([])
        else:
            self.refresh()

    # ------------------------------------------------------------------ language
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every fixed text of the inspector in the current language; the promise shown again."""
        texts = {"text": self.tr("Promise"), "from": self.tr("Who promises"), "to": self.tr("To whom"),
                 "value": self.tr("Root value"), "parent": self.tr("Supports"), "metric": self.tr("Metric"),
                 "target": self.tr("Target"), "status": self.tr("Status"), "authorities": self.tr("Authorities"),
                 "resources": self.tr("Resources"), "notes": self.tr("Notes"),
                 "alternatives": self.tr("Alternative promisers")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.parent_combo.setToolTip(self.tr("The promise this one helps to keep (usually one the promisee made)"))
        for row in range(self.status.count()):
            self.status.setItemText(row, status_name(self.status.itemData(row)))
        self.authorities.new_text = self.tr("New authority")
        self.resources.new_text = self.tr("New resource")
        if self.promise_id is None:
            self.placeholder.setText(self._summary(self.ctx.selection))
        else:
            self.refresh()

    def refresh(self) -> None:
        """Show the current promise's fields as the document has them."""
        doc = self.ctx.document
        p = doc.find(self.promise_id) if self.promise_id else None
        if not isinstance(p, m.Promise):
            return
        w = doc.model
        self.heading.setText(f"{_escape(_name(doc, p.from_))} → {_escape(_name(doc, p.to))}")
        self._set_text(self.text, p.text)
        self._set_text(self.notes, p.notes)
        self._fill(self.from_, [(t.id, t.name, None) for t in w.teams], p.from_)
        self._fill(self.to, [(s.id, s.name, None) for s in w.segments] + [(t.id, t.name, None) for t in w.teams], p.to)
        self._fill(self.value, [(None, "—", None)] + [(v.id, v.name, swatch_icon(value_color(w, v.id)))
                                                      for v in w.values], p.value)
        self._fill(self.parent_combo, self._parent_choices(p), p.parent)
        supporters = [q.id for q in w.promises if q.parent == p.id]
        self.supporters.setVisible(bool(supporters))
        self.supporters.setText(self.tr("Supported by %n promise(s) — show", "", len(supporters)))
        for line, value in ((self.metric_field, p.metric), (self.target, p.target)):
            if not line.hasFocus() and line.text() != value:
                line.setText(value)
                line.setCursorPosition(0)
        self.status.setCurrentIndex(max(self.status.findData(p.status), 0))
        self.alternatives.show_for(w, p)
        self.authorities.set_grants(p.authorities)
        self.resources.set_grants(p.resources)
        self.authorities_label.setText(self.tr("Authorities") + _count(p.authorities))
        self.resources_label.setText(self.tr("Resources") + _count(p.resources))
        self._show_banner(p)
        self._show_approval_steps(p)

    def _show_approval_steps(self, p: m.Promise) -> None:
        """«Approval steps: N» under the heading of a promise to a client (none for an internal promise)."""
        client = self.ctx.document.kind_of(p.to) == "segment"
        self.approval_steps.setVisible(client)
        if client:
            steps = approval_steps(self.ctx.document.model, p.id)
            self.approval_steps.setText(self.tr("Approval steps: %1").replace("%1", str(steps.count)))
            self.approval_steps.setToolTip(self.tr(
                "Approvals listed as authorities and supporting promises still under negotiation on this promise's "
                "chain: the path of approvals. None is the path from the client."))
            self.approval_steps.setStyleSheet(_BANNER if steps.count else _NOTE)

    def edit_text(self, promise_id: str) -> None:
        """Put the keyboard on the promise's text, all of it selected."""
        if promise_id == self.promise_id:  # after the gesture that asked for it is over (it may take the focus)
            QTimer.singleShot(0, self, self._focus_text)

    def _focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text.selectAll()

    def _show_banner(self, p: m.Promise) -> None:
        if not is_unempowered(p):
            self.banner.hide()
            return
        missing = missing_grants(p)
        status = status_name(p.status)
        if missing:
            names = ", ".join(f"«{g.text}»" for g in missing)
            text = self.tr("⚠ Marked “%1”, but not empowered. Not granted yet: %2").replace("%1", status).replace(
                "%2", names)
        else:
            text = self.tr("⚠ Marked “%1”, but it lists no authority or resource: a team takes a promise only "
                           "with everything it needs to keep it.").replace("%1", status)
        self.banner.setText(text)
        self.banner.show()

    def _parent_choices(self, p: m.Promise) -> list[tuple[Any, str, Any]]:
        doc = self.ctx.document
        choices: list[tuple[Any, str, Any]] = [(None, self.tr("— none: a root promise —"), None)]
        candidates = [q for q in doc.model.promises if q.from_ == p.to and q.id != p.id]
        if p.parent and not any(q.id == p.parent for q in candidates) and doc.find(p.parent) is not None:
            candidates.insert(0, doc.get(p.parent))
        for q in candidates:
            choices.append((q.id, f"{_short(q.text)} → {_name(doc, q.to)}", None))
        return choices

    # ------------------------------------------------------------------ editing
    def _set(self, name: str, value: Any) -> None:
        if self.promise_id is None:
            return
        p = self.ctx.document.find(self.promise_id)
        if p is None or getattr(p, name) == value:
            return
        try:
            edit = changes.update(self.ctx.document, self.promise_id, **{name: value})
        except EditRefused as refused:
            self.ctx.hinted.emit(str(refused))
            return
        if name == "status" and value in EMPOWERED_STATUSES and not p.authorities and not p.resources:
            self.ctx.hinted.emit(self.tr("Marked %1 while it lists no authorities or resources").replace(
                "%1", status_name(value)))
        if self.ctx.push(edit) is not None:
            self.refresh()

    def _commit_text(self, name: str, editor: QPlainTextEdit) -> None:
        text = editor.toPlainText().strip()
        if name == "text":
            text = " ".join(text.split())
        if self.promise_id is not None and editor.document().isModified():
            editor.document().setModified(False)
            self._set(name, text)

    def _commit_pending(self) -> None:
        """Commit text being typed before the inspector shows another promise."""
        if self.promise_id is None:
            return
        for name, editor in (("text", self.text), ("notes", self.notes)):
            self._commit_text(name, editor)
        for name, line in (("metric", self.metric_field), ("target", self.target)):
            if line.isModified():
                line.setModified(False)
                self._set(name, line.text().strip())

    def _select_supporters(self) -> None:
        if self.promise_id is not None:
            ids = [q.id for q in self.ctx.document.model.promises if q.parent == self.promise_id]
            self.ctx.select(ids)

    @staticmethod
    def _set_text(editor: QPlainTextEdit, value: str) -> None:
        if editor.hasFocus() and editor.document().isModified():
            return  # the user is typing: their text wins until it is committed
        if editor.toPlainText() != value:
            editor.setPlainText(value)
        editor.document().setModified(False)

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[Any, str, Any]], current: Any) -> None:
        combo.blockSignals(True)
        combo.clear()
        for key, label, icon in items:
            if icon is not None:
                combo.addItem(icon, label, key)
            else:
                combo.addItem(label, key)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)


def _name(doc: Document, obj_id: str) -> str:
    found = doc.find(obj_id)
    return getattr(found, "name", "") or obj_id if found is not None else obj_id


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count(grants: tuple[m.Grant, ...]) -> str:
    summary = grant_count(grants)
    return f"  ({summary})" if summary else ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
