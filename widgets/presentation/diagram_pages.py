"""Diagram pages: the structure editor and the promise map, their panels hidden, fitted large to the projector.

Both host the real editors (every gesture is an edit on the shared undo stack). The promise map reveals one
team's chain at a time through the map's own focus: selecting a team dims everything outside its chain.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF, QResizeEvent, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import model as m
from app import palette
from app.changed import Changes
from app.document import Document
from widgets.presentation import theme
from widgets.presentation.clamped import ClampedText
from widgets.presentation.page import StoryPage, label, scroller
from widgets.presentation.story import StoryStep, chain_teams

log = logging.getLogger(__name__)

PROMISE_LINES = 3
"""A promise's text on the chain card takes at most this many lines until the full texts are shown (the D key)."""
STATUS_COLORS = {status: look.color for status, look in palette.STATUS_LOOKS.items()}
"""The promise statuses' colours, as on the map, in the handout and on the slides (app.palette)."""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a text of the presentation's diagram pages (`n` chooses a plural form)."""
    return QCoreApplication.translate("PresentationDiagrams", text, disambiguation, n)


def more_text(n: int) -> str:
    """"and 3 more" (of a list cut short)."""
    return tr("and %n more", "", n)


def status_names() -> dict[str, str]:
    """The promise statuses as people call them."""
    return {"draft": tr("draft"), "negotiating": tr("negotiating"), "accepted": tr("accepted"), "kept": tr("kept"),
            "broken": tr("broken"), "retired": tr("retired")}


def build_editor(module: str, cls: str, document: Document, undo_stack: QUndoStack, parent: QWidget) -> Any:
    """The editor `module.cls` on the document, or None when this build does not have it (or it fails to build)."""
    try:
        return getattr(importlib.import_module(module), cls)(document, undo_stack, parent)
    except Exception:  # a missing or broken editor shows a calm placeholder, never takes the presentation down
        log.warning("could not build %s.%s for the presentation", module, cls, exc_info=True)
        return None


def placeholder(parent: QWidget, text: str) -> QLabel:
    """A calm note where an editor is not available yet."""
    note = label(parent, "presentationPlaceholder", theme.FAINT)
    note.setText(text)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setFont(theme.font(30, italic=True))
    return note


def isolate(view: QWidget, editor: QWidget) -> None:
    """Hide everything of `editor` but `view` (toolbars, palettes, inspectors, tables, splitter handles): whatever
    the editor calls its panels, only the drawing stays on the projector."""
    child, parent = view, view.parentWidget()
    while parent is not None and child is not editor:
        for sibling in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if sibling is not child and not sibling.isWindow():
                sibling.hide()
        child, parent = parent, parent.parentWidget()


class DiagramPage(StoryPage):
    """A page that hosts a diagram editor, fitted to the page (and fitted again when the page changes size)."""

    module = ""
    cls = ""

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        col = QVBoxLayout(self.body)
        col.setContentsMargins(0, 0, 0, 0)
        self.editor = build_editor(self.module, self.cls, document, undo_stack, self.body)
        self.placeholder: QLabel | None = None
        view = getattr(self.editor, "view", None)
        if self.editor is None or not isinstance(view, QWidget):
            if self.editor is not None:
                self.editor.hide()
                self.editor = None
            self.placeholder = placeholder(self.body, tr("This editor is coming."))
            col.addWidget(self.placeholder)
        else:
            isolate(view, self.editor)
            col.addWidget(self.editor)
        self._fit_due = QTimer(self)
        self._fit_due.setSingleShot(True)
        self._fit_due.setInterval(0)
        self._fit_due.timeout.connect(self.fit)

    @property
    def view(self) -> Any:
        """The hosted editor's diagram view (asked each time: the page keeps no reference into the editor)."""
        view = getattr(self.editor, "view", None)
        return view if isinstance(view, QWidget) else None

    def fit(self) -> None:
        """Zoom the diagram to fill the page (up to the projector's zoom limit)."""
        if self.view is None:
            return
        rect = self.view.diagram().nodes_rect()
        if not rect.isEmpty():
            self.view.fit_rect(rect.adjusted(-30, -30, 30, 30), max_zoom=theme.DIAGRAM_MAX_ZOOM * self.scale)

    def resizeEvent(self, ev: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(ev)
        self._fit_due.start()

    def on_shown(self) -> None:
        self._fit_due.start()
        if self.view is not None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def has_user_selection(self) -> bool:
        return self.view is not None and bool(self.view.diagram().selectedItems())

    def clear_user_selection(self) -> None:
        if self.view is not None:
            self.view.diagram().clearSelection()

    def input_widgets(self) -> list[QWidget]:
        """Where the mouse edits the diagram (the lock guards these)."""
        return [self.view.viewport()] if self.view is not None else []

    def retranslate(self) -> None:
        super().retranslate()
        if self.placeholder is not None:
            self.placeholder.setText(tr("This editor is coming."))


class StructurePage(DiagramPage):
    """The structure from the client: segments, the teams that serve them, the council; arrows read "serves"."""

    module, cls = "widgets.structure.editor", "StructureEditor"

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self._show_fields()

    def _show_fields(self) -> None:
        w = self.document.model
        kinds = [t.kind for t in w.teams]
        parts = [tr("%n client segment(s)", "", len(w.segments)),
                 tr("%n client-facing team(s)", "", kinds.count("client_facing")),
                 tr("%n service team(s)", "", kinds.count("service"))]
        if "council" in kinds:
            parts.append(tr("the council of managers"))
        self.set_header(tr("The organisation drawn from the client"), " · ".join(parts))

    def follow(self, changes: Changes) -> None:
        if changes.touches("team", "segment"):
            self._show_fields()

    def retranslate(self) -> None:
        super().retranslate()
        self._show_fields()


class PromisePage(DiagramPage):
    """The promise map; its reveal steps are the whole map, then each promising team's chain in turn."""

    module, cls = "widgets.promises.editor", "PromiseMapEditor"
    _stale = False

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.teams = chain_teams(document.model)
        self.focus: list[str] = []
        self.card = ChainCard()
        self.card_column = QWidget()
        column = QVBoxLayout(self.card_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.card)
        column.addStretch(1)
        self.card_area = scroller(self.body, self.card_column)
        """The chain card scrolls when a team's promises are more than the screen is tall."""
        self.statuses = StatusLegend(self.body)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        old = self.body.layout()
        while old.count():
            item = old.takeAt(0)
            if item.widget() is not None:
                row.addWidget(item.widget(), 1)
        row.addWidget(self.card_area, 0)
        old.addLayout(row, 1)
        old.addWidget(self.statuses)
        self.show_step(0)
        self.apply_scale()

    def apply_scale(self) -> None:
        self.card_area.setFixedWidth(round(500 * self.scale))
        self.body.layout().setContentsMargins(0, round(self.px(12)), 0, 0)
        self.body.layout().setSpacing(round(self.px(8)))
        self.card.set_scale(self.scale)
        self.statuses.set_scale(self.scale)
        self.statuses.show_for(self.document.model)
        self._fit_due.start()

    def fit(self) -> None:
        """Fit the whole map; while a team is in focus, zoom to its chain (the parties not dimmed)."""
        if self.view is None:
            return
        scene = self.view.diagram()
        ids = [i for i, node in scene.nodes.items() if not getattr(node, "dimmed", False)] if self.focus else None
        rect = scene.nodes_rect(ids)
        if not rect.isEmpty():
            most = (theme.FOCUS_MAX_ZOOM if self.focus else theme.DIAGRAM_MAX_ZOOM) * self.scale
            self.view.fit_rect(rect.adjusted(-40, -40, 40, 40), max_zoom=most)

    # ------------------------------------------------------------------ reveal
    def steps_count(self) -> int:
        return 1 + len(self.teams)

    def whole_step(self) -> int:
        """The whole map (its last step singles out the last team: only paging back should land there)."""
        return 0

    def start_step(self, selected: list[str]) -> int:
        """The chain of the team selected in the editor (or of the team making the selected promise); else the
        whole map, from which PageDown reveals the first team."""
        for item in selected:
            found = self.document.find(item)
            team = found.from_ if isinstance(found, m.Promise) else item
            if team in self.teams:
                return self.teams.index(team) + 1
        return 0

    def show_step(self, step: int) -> None:
        super().show_step(step)
        team = self.teams[self.step - 1] if self.step > 0 else None
        self.focus = [team] if team else []
        if self.editor is not None:
            self.editor.select_ids(list(self.focus))
        self._show_fields()

    def reveal_text(self) -> str:
        if self.step == 0 or not self.teams:
            return ""
        return tr("team %1 of %2").replace("%1", str(self.step)).replace("%2", str(len(self.teams)))

    def _show_fields(self) -> None:
        w = self.document.model
        team = self.document.find(self.focus[0]) if self.focus else None
        if isinstance(team, m.Team):
            self.set_header(team.name or "—", team.purpose.strip() or tr("Its chain of promises"))
            self.card.show_team(w, team)
            self.card_area.show()
        else:
            kept = sum(p.status in ("accepted", "kept") for p in w.promises)
            self.set_header(tr("Who promises what to whom"),
                            tr("%n promise(s)", "", len(w.promises)) + " · " + tr("%n accepted or kept", "", kept))
            self.card_area.hide()
        self._fit_due.start()

    # --------------------------------------------------------------- selection
    def has_user_selection(self) -> bool:
        ctx = getattr(self.editor, "ctx", None)
        return ctx is not None and list(ctx.selection) != self.focus

    def clear_user_selection(self) -> None:
        if self.editor is not None:
            self.editor.select_ids(list(self.focus))

    # --------------------------------------------------------------- following
    def follow(self, changes: Changes) -> None:
        if not changes.touches("team", "segment", "promise", "value"):
            return
        teams = chain_teams(self.document.model)
        if teams != self.teams:
            current = self.focus[0] if self.focus else None
            self.teams = teams
            self.step = teams.index(current) + 1 if current in teams else min(self.step, len(teams))
            self.focus = [teams[self.step - 1]] if self.step > 0 else []
        if self.isVisible():
            self.statuses.show_for(self.document.model)
        else:
            self._stale = True
        self._show_fields()

    def show_full_texts(self, on: bool) -> None:
        self.card.set_full_texts(on)

    def on_shown(self) -> None:
        super().on_shown()
        if self._stale:
            self._stale = False
            self.statuses.show_for(self.document.model)

    def retranslate(self) -> None:
        super().retranslate()
        self._show_fields()  # the header and the chain card
        self.statuses.update()  # its status names are drawn


class ChainCard(QFrame):
    """Beside the map while a team is in focus: the promises it makes and those it relies on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainCard")
        self.scale = 1.0
        self.full_texts = False
        self.column = QVBoxLayout(self)
        self.team: m.Team | None = None
        self.workshop: m.Workshop | None = None

    def set_scale(self, scale: float) -> None:
        """Type for a screen `scale` times 1080 lines."""
        self.scale = scale
        if self.team is not None and self.workshop is not None:
            self.show_team(self.workshop, self.team)

    def set_full_texts(self, on: bool) -> None:
        """Promise texts whole (`on`) or cut to three lines ending in "…" (the full text then on hover)."""
        self.full_texts = on
        for text in self.findChildren(ClampedText):
            text.set_max_lines(None if on else PROMISE_LINES)

    def show_team(self, w: m.Workshop, team: m.Team) -> None:
        """List the promises `team` makes, then the promises made to it."""
        from widgets.presentation.text_pages import clear_layout

        self.team, self.workshop = team, w
        s = self.scale
        clear_layout(self.column)
        self.setStyleSheet(f"#chainCard {{ background: {theme.TINT}; border-radius: {round(14 * s)}px; }}")
        pad = round(26 * s)
        self.column.setContentsMargins(pad, round(22 * s), pad, round(24 * s))
        self.column.setSpacing(round(14 * s))
        names = {o.id: o.name for o in [*w.segments, *w.teams]}
        made = [p for p in w.promises if p.from_ == team.id]
        received = [p for p in w.promises if p.to == team.id]
        self._section(tr("Promises it makes"), [("→ " + (names.get(p.to) or "—"), p) for p in made])
        if received:
            self.column.addSpacing(round(10 * s))
            self._section(tr("It relies on"), [("← " + (names.get(p.from_) or "—"), p) for p in received])
        self.adjustSize()

    def _section(self, title: str, rows: list[tuple[str, m.Promise]]) -> None:
        s = self.scale
        caption = label(self, "chainCaption", theme.ACCENT, wrap=False)
        caption.setText(title)
        caption.setFont(theme.eyebrow(18 * s))
        self.column.addWidget(caption)
        statuses = status_names()
        for whom_text, promise in rows[:5]:
            row = QHBoxLayout()
            row.setSpacing(round(16 * s))
            bar = QFrame(self)
            bar.setFixedWidth(max(3, round(6 * s)))
            bar.setStyleSheet(f"background: {STATUS_COLORS.get(promise.status, theme.FAINT)};"
                              f" border-radius: {max(1, round(3 * s))}px;")
            row.addWidget(bar)
            words = QVBoxLayout()
            words.setSpacing(round(2 * s))
            whom = label(self, "promiseWhom", theme.MUTED)
            whom.setText(whom_text)
            whom.setFont(theme.font(19 * s, bold=True))
            words.addWidget(whom)
            text = ClampedText(self, "promiseText", theme.INK, None if self.full_texts else PROMISE_LINES)
            text.setText(promise.text or "—")
            text.setFont(theme.font(25 * s))
            words.addWidget(text)
            measure = f"{promise.metric.strip()} {promise.target.strip()}".strip()
            detail = " · ".join(t for t in (measure, statuses.get(promise.status, "")) if t)
            if detail:
                more = label(self, "promiseDetail", theme.MUTED)
                more.setText(detail)
                more.setFont(theme.font(19 * s))
                words.addWidget(more)
            row.addLayout(words, 1)
            self.column.addLayout(row)
        if len(rows) > 5:
            rest = label(self, "promiseMore", theme.MUTED)
            rest.setText(more_text(len(rows) - 5))
            rest.setFont(theme.font(19 * s, italic=True))
            self.column.addWidget(rest)
        if not rows:
            none = label(self, "promiseNone", theme.FAINT)
            none.setText(tr("none yet"))
            none.setFont(theme.font(22 * s, italic=True))
            self.column.addWidget(none)


class StatusLegend(QWidget):
    """One line under the map: what the arrows' colours and dashes mean, and how many promises stand in each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = 1.0
        self.counts: dict[str, int] = {}
        self.unempowered = 0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_scale(self, scale: float) -> None:
        """Type for a screen `scale` times 1080 lines."""
        self.scale = scale
        self.setFixedHeight(round(44 * scale))
        self.update()

    def show_for(self, w: m.Workshop) -> None:
        """Count the promises by status (and those that break the empowerment rule)."""
        from app.checks import run_checks

        self.counts = {}
        for p in w.promises:
            self.counts[p.status] = self.counts.get(p.status, 0) + 1
        self.unempowered = sum(f.code == "promise-unempowered" for f in run_checks(w))
        self.update()

    def entries(self) -> list[str]:
        """The statuses shown: those some promise has, in the order of the method."""
        return [s for s in STATUS_COLORS if self.counts.get(s)]

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = self.scale
        styles = _status_styles()
        names = status_names()
        font = theme.font(21 * s)
        p.setFont(font)
        metrics = QFontMetricsF(font)
        mid = self.height() / 2
        x = 2 * s
        for status in self.entries():
            color, dash, width = styles.get(status, (STATUS_COLORS[status], Qt.PenStyle.SolidLine, 2.8))
            pen = QPen(QColor(color), width * 1.3 * s)
            pen.setStyle(dash)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            p.drawLine(QPointF(x, mid), QPointF(x + 48 * s, mid))
            x += 60 * s
            text = f"{names.get(status, status)} {self.counts[status]}"
            p.setPen(QColor(theme.INK))
            p.drawText(QPointF(x, mid + metrics.ascent() / 2 - 2 * s), text)
            x += metrics.horizontalAdvance(text) + 40 * s
        if self.unempowered:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(palette.PROBLEM))
            r = 11 * s
            p.drawPolygon(QPolygonF([QPointF(x + r, mid - r), QPointF(x + 2 * r, mid + r * 0.8),
                                     QPointF(x, mid + r * 0.8)]))
            x += 2 * r + 14 * s
            text = tr("not empowered: %1").replace("%1", str(self.unempowered))
            p.setPen(QColor(theme.INK))
            p.drawText(QPointF(x, mid + metrics.ascent() / 2 - 2 * s), text)
        p.end()


def _status_styles() -> dict[str, tuple[str, Qt.PenStyle, float]]:
    """The map's own colour, dash and width per status (from the promise editor's style, when present)."""
    try:
        from widgets.promises.style import STATUS_STYLES
    except ImportError:
        return {}
    return {k: (v.color, v.dash, v.width) for k, v in STATUS_STYLES.items()}
