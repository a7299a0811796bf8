"""The pages of words: the evolutionary goal with the root values, the clients with their pains, the open findings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.changed import Changes
from app.checks import Finding, run_checks
from app.document import Document
from widgets.base.findings_text import translated_templates
from widgets.diagram.style import kind_style
from widgets.presentation import theme
from widgets.presentation.page import StoryPage, label, scroller
from widgets.presentation.story import StoryStep

SEGMENT_BAND = kind_style("segment").fill
"""Segments are yellow everywhere: the band over a client's card matches the segment ellipses of the diagrams."""
SEGMENT_RULE = kind_style("segment").border
VALUE_CARD_PX = 230
"""The least width a root value's card is given at 1080 lines to sit in one row with the others."""


def clear_layout(layout: QVBoxLayout | QGridLayout | QHBoxLayout) -> None:
    """Remove and delete every widget and sub-layout of `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())  # type: ignore[arg-type]


def long_date(iso: str) -> str:
    """An ISO date as people write it ("20 November 2026"); the text unchanged when it is not a date."""
    date = QDate.fromString(iso.strip(), Qt.DateFormat.ISODate)
    return QLocale().toString(date, "d MMMM yyyy") if date.isValid() else iso.strip()


class Rebuilding(StoryPage):
    """A page of words drawn again from the model after edits that touch what it shows, or in a new language."""

    watched: frozenset[str] = frozenset()
    """The kinds of object the page shows (none: it follows every edit)."""
    _stale = False

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.setInterval(0)
        self._due.timeout.connect(self.rebuild)

    def follow(self, changes: Changes) -> None:
        if self.watched and not changes.touches(*self.watched):
            return
        self.rebuild_soon()

    def retranslate(self) -> None:
        super().retranslate()
        self.rebuild_soon()

    def rebuild_soon(self) -> None:
        """Draw the page again once the current burst of events is over (when next shown, while hidden)."""
        if self.isVisible():
            self._due.start()
        else:  # drawn again when next shown
            self._stale = True

    def on_shown(self) -> None:
        if self._stale:
            self._stale = False
            self.rebuild()

    def apply_scale(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """Show the model as it is now (subclasses)."""


class GoalPage(Rebuilding):
    """The evolutionary goal in large type, its rationale, and the root values with the people who hold them."""

    watched = frozenset({"workshop", "value"})
    value_cards: list[QWidget] = []
    per_row = 0

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.set_header("")
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.rebuild()

    def rebuild(self) -> None:
        clear_layout(self.column)
        self.value_cards = []
        info = self.document.model.info
        px = self.px
        self.context_label.setText(" · ".join(t for t in (info.organization.strip(), long_date(info.date)) if t))
        self.column.addStretch(2)
        goal_row = QHBoxLayout()
        goal_row.setSpacing(round(px(40)))
        bar = QFrame(self.body)
        bar.setFixedWidth(max(4, round(px(10))))
        bar.setStyleSheet(f"background: {theme.ACCENT}; border-radius: {max(2, round(px(5)))}px;")
        goal_row.addWidget(bar)
        words = QVBoxLayout()
        words.setSpacing(round(px(22)))
        goal = self.goal_label = label(self.body, "goalText", theme.INK if info.evolutionary_goal.strip()
                                       else theme.FAINT)
        text = info.evolutionary_goal.strip()
        goal.setText(text or self.tr("The evolutionary goal is not set yet."))
        size = 76 if len(text) <= 90 else 60 if len(text) <= 180 else 46
        goal.setFont(theme.font(px(size), bold=bool(text), italic=not text))
        words.addWidget(goal)
        if info.goal_rationale.strip():
            why = label(self.body, "goalRationale", theme.MUTED)
            why.setText(info.goal_rationale.strip())
            why.setFont(theme.font(px(32)))
            words.addWidget(why)
        goal_row.addLayout(words, 1)
        self.column.addLayout(goal_row)
        self.column.addStretch(3)
        values = self.document.model.values
        if values:
            caption = label(self.body, "valuesCaption", theme.MUTED, wrap=False)
            caption.setText(self.tr("Root values"))
            caption.setFont(theme.eyebrow(px(theme.EYEBROW_PX)))
            self.column.addWidget(caption)
            self.column.addSpacing(round(px(14)))
            self.values_grid = QGridLayout()
            self.values_grid.setSpacing(round(px(24)))
            self.value_cards = [self._value_card(value) for value in values[:6]]
            self.per_row = 0
            self._place_values()
            self.column.addLayout(self.values_grid)
        self.column.addStretch(1)

    def _values_per_row(self) -> int:
        """All the values in one row where the page is wide enough for them, else in two rows (three at most);
        two rows while the page is not laid out yet (neither too wide nor too tall for any screen)."""
        n = len(self.value_cards)
        if not self.body.isVisible():
            return -(-n // 2)
        spacing = self.values_grid.spacing()
        for rows in (1, 2, 3):
            per_row = -(-n // rows)
            widths = [max(card.minimumSizeHint().width(), round(self.px(VALUE_CARD_PX))) for card in self.value_cards]
            widest = max(sum(widths[i:i + per_row]) + spacing * (per_row - 1) for i in range(0, n, per_row))
            if widest <= self.body.width():
                return per_row
        return -(-n // 3)

    def _place_values(self) -> None:
        per_row = self._values_per_row() if self.value_cards else 0
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for card in self.value_cards:
            self.values_grid.removeWidget(card)
        for col in range(self.values_grid.columnCount()):
            self.values_grid.setColumnStretch(col, 0)
        for i, card in enumerate(self.value_cards):
            self.values_grid.addWidget(card, i // per_row, i % per_row)
        for col in range(per_row):
            self.values_grid.setColumnStretch(col, 1)

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(ev)
        if self.value_cards:
            self._place_values()

    def showEvent(self, ev) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(ev)
        if self.value_cards:
            self._place_values()

    def _value_card(self, value: m.Value) -> QWidget:
        px = self.px
        card = QFrame(self.body)
        card.setObjectName("valueCard")
        card.setStyleSheet(f"#valueCard {{ background: {theme.TINT}; border-radius: {round(px(14))}px; }}")
        col = QVBoxLayout(card)
        pad = round(px(26))
        col.setContentsMargins(pad, round(px(20)), pad, round(px(22)))
        col.setSpacing(round(px(8)))
        name = label(card, "valueName")
        name.setText(value.name or "—")
        name.setFont(theme.font(px(34), bold=True))
        col.addWidget(name)
        if value.description.strip():
            about = label(card, "valueAbout", theme.MUTED)
            about.setText(value.description.strip())
            about.setFont(theme.font(px(22)))
            col.addWidget(about)
        if value.holder.strip():
            holder = label(card, "valueHolder", theme.ACCENT)
            holder.setText("— " + value.holder.strip())
            holder.setFont(theme.font(px(22), italic=True))
            col.addWidget(holder)
        col.addStretch(1)
        return card


class SeverityDots(QWidget):
    """A pain's severity as five dots, as many filled as the severity (nothing when it is not rated)."""

    def __init__(self, severity: int | None, size: float, line: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.severity = severity
        self.dot = size
        self.setFixedSize(QSize(round(size * 5 + size * 0.5 * 4), round(line)))
        if severity:
            self.setToolTip(self.tr("Severity %1 of 5").replace("%1", str(severity)))

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.severity:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = (self.height() - self.dot) / 2
        p.setPen(Qt.PenStyle.NoPen)
        for i in range(5):
            p.setBrush(QColor(theme.PAIN) if i < self.severity else QColor(theme.RULE))
            p.drawEllipse(QRectF(i * self.dot * 1.5, y, self.dot, self.dot))
        p.end()


class SegmentBadge(QWidget):
    """The segment's ellipse, as the diagrams draw segments, before its name."""

    def __init__(self, width: float, line: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(QSize(round(width), round(line)))

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self.width() * 0.55
        pen = QPen(QColor(SEGMENT_RULE), max(1.5, self.width() / 22))
        p.setPen(pen)
        p.setBrush(QColor(SEGMENT_BAND))
        inset = pen.widthF()
        p.drawEllipse(QRectF(inset, (self.height() - h) / 2, self.width() - 2 * inset, h))
        p.end()


class ClientsPage(Rebuilding):
    """One card per client segment: who they are, their pains with severity, and what we offer them."""

    watched = frozenset({"segment", "pain", "proposition"})

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.cards = QWidget()
        column = QVBoxLayout(self.cards)
        column.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        column.addStretch(2)
        column.addLayout(self.grid)
        column.addStretch(3)
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller(self.body, self.cards))
        """Many segments scroll rather than push the page past the screen."""
        self.rebuild()

    def rebuild(self) -> None:
        self.set_header(self.tr("Who our clients are and what hurts them"))
        clear_layout(self.grid)
        w = self.document.model
        px = self.px
        self.grid.setContentsMargins(0, round(px(20)), 0, round(px(20)))
        self.grid.setSpacing(round(px(28)))
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 0)
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)
        if not w.segments:
            empty = label(self.body, "clientsEmpty", theme.FAINT)
            empty.setText(self.tr("No client segments yet."))
            empty.setFont(theme.font(px(34), italic=True))
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(empty, 0, 0)
            return
        n = len(w.segments)
        per_row = n if n <= 4 else 3 if n <= 6 else 4
        rows = (n + per_row - 1) // per_row
        most_pains = max(sum(p.segment == s.id for p in w.pains) for s in w.segments)
        roomy = 1.12 if n <= 2 and most_pains <= 4 else 1.0
        shrink = roomy * (1.0 if per_row <= 2 else 0.86 if per_row == 3 else 0.76) * (
            1.0 if rows == 1 else 0.8 if rows == 2 else 0.64)
        for i, segment in enumerate(w.segments):
            self.grid.addWidget(self._card(w, segment, shrink), i // per_row, i % per_row)
        for col in range(per_row):
            self.grid.setColumnStretch(col, 1)

    def _card(self, w: m.Workshop, segment: m.Segment, shrink: float) -> QWidget:
        def px(size: float) -> float:
            return self.px(size * shrink)

        card = QFrame(self.body)
        card.setObjectName("segmentCard")
        card.setStyleSheet(f"#segmentCard {{ background: {theme.TINT}; border-radius: {round(px(18))}px; }}")
        col = QVBoxLayout(card)
        pad = round(px(34))
        col.setContentsMargins(pad, round(px(28)), pad, pad)
        col.setSpacing(round(px(12)))
        head = QHBoxLayout()
        head.setSpacing(round(px(18)))
        name_font = theme.font(px(44), bold=True)
        head.addWidget(SegmentBadge(px(52), QFontMetricsF(name_font).height(), card), 0, Qt.AlignmentFlag.AlignTop)
        name = label(card, "segmentName")
        name.setText(segment.name or "—")
        name.setFont(name_font)
        head.addWidget(name, 1)
        col.addLayout(head)
        if segment.description.strip():
            about = label(card, "segmentAbout", theme.MUTED)
            about.setText(segment.description.strip())
            about.setFont(theme.font(px(25)))
            col.addWidget(about)
        pains = [p for p in w.pains if p.segment == segment.id]
        if pains:
            col.addSpacing(round(px(22)))
            col.addWidget(self._caption(card, self.tr("Pains"), theme.PAIN, px))
            pain_font = theme.font(px(30))
            line = QFontMetricsF(pain_font).height()
            for pain in pains:
                row = QHBoxLayout()
                row.setSpacing(round(px(18)))
                row.addWidget(SeverityDots(pain.severity, px(13), line, card), 0, Qt.AlignmentFlag.AlignTop)
                text = label(card, "painText")
                text.setText(pain.text or "—")
                text.setFont(pain_font)
                row.addWidget(text, 1)
                col.addLayout(row)
        col.addStretch(1)
        offers = [p for p in w.propositions if p.segment == segment.id and (p.statement.strip() or p.tagline.strip())]
        if offers:
            col.addSpacing(round(px(30)))
            col.addWidget(self._offers(card, w, offers, px))
        return card

    def _offers(self, card: QWidget, w: m.Workshop, offers: list[m.Proposition], px) -> QWidget:  # noqa: ANN001
        box = QFrame(card)
        box.setObjectName("offerBox")
        radius = round(px(10))
        box.setStyleSheet(f"#offerBox {{ background: {theme.PAPER}; border-left: {max(3, round(px(7)))}px solid"
                          f" {theme.ACCENT}; border-top-right-radius: {radius}px;"
                          f" border-bottom-right-radius: {radius}px; }}")
        col = QVBoxLayout(box)
        pad = round(px(24))
        col.setContentsMargins(pad, round(px(18)), pad, round(px(20)))
        col.setSpacing(round(px(8)))
        col.addWidget(self._caption(box, self.tr("What we offer"), theme.ACCENT, px))
        for offer in offers:
            if offer.statement.strip():
                text = label(box, "offerText")
                text.setText(offer.statement.strip())
                text.setFont(theme.font(px(30), bold=True))
                col.addWidget(text)
            if offer.tagline.strip():
                quoted = f"«{offer.tagline.strip()}»" if w.info.language == "ru" else f"“{offer.tagline.strip()}”"
                tagline = label(box, "offerTagline", theme.MUTED)
                tagline.setText(quoted)
                tagline.setFont(theme.font(px(26), italic=True))
                col.addWidget(tagline)
        return box

    def _caption(self, parent: QWidget, text: str, color: str, px) -> QWidget:  # noqa: ANN001
        caption = label(parent, "cardCaption", color, wrap=False)
        caption.setText(text)
        caption.setFont(theme.eyebrow(px(18)))
        return caption


def tr(text: str) -> str:
    """Translate a text of the presentation."""
    return QCoreApplication.translate("Presentation", text)


def finding_area(code: str) -> str:
    """Where a finding is worked on, in a word or two."""
    if code == "no-evolutionary-goal":
        return tr("Evolutionary goal")
    if code in ("link-without-promise", "promise-without-link"):
        return tr("Structure")
    if code.startswith(("promise-", "team-no-client", "team-not-serving")):
        return tr("Promise map")
    if code.startswith("team-"):
        return tr("Teams")
    return tr("Strategy canvas")


class FindingsPage(Rebuilding):
    """The methodology checks' open findings, errors first, each with where it is worked on."""

    SHOWN = 9
    """Findings listed at most (the rest are counted): a projector page is not a report."""

    def __init__(self, document: Document, undo_stack: QUndoStack, step: StoryStep,
                 parent: QWidget | None = None) -> None:
        super().__init__(document, undo_stack, step, parent)
        self.findings: list[Finding] = []
        self.list = QWidget()
        self.rows = QVBoxLayout(self.list)
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroller(self.body, self.list))
        self.rebuild()

    def rebuild(self) -> None:
        from widgets.presentation.diagram_pages import more_text

        self.findings = run_checks(self.document.model, templates=translated_templates())
        clear_layout(self.rows)
        px = self.px
        self.rows.setContentsMargins(0, round(px(26)), round(px(12)), 0)
        self.rows.setSpacing(round(px(16)))
        counts = {s: sum(f.severity == s for f in self.findings) for s in ("error", "warning", "hint")}
        if not self.findings:
            self.set_header(self.tr("Nothing open"), self.tr("The methodology checks find no gaps in this workshop."))
            self.rows.addStretch(1)
            return
        parts = [self.tr("%n error(s)", "", counts["error"]) if counts["error"] else "",
                 self.tr("%n warning(s)", "", counts["warning"]) if counts["warning"] else "",
                 self.tr("%n hint(s)", "", counts["hint"]) if counts["hint"] else ""]
        self.set_header(self.tr("%n open question(s)", "", len(self.findings)),
                        " · ".join(p for p in parts if p))
        names = {"error": self.tr("Errors"), "warning": self.tr("Warnings"), "hint": self.tr("Hints")}
        shown = 0
        for severity in ("error", "warning", "hint"):
            found = [f for f in self.findings if f.severity == severity][: max(0, self.SHOWN - shown)]
            if not found:
                continue
            caption = label(self.body, "severityCaption", theme.SEVERITY_COLORS[severity], wrap=False)
            caption.setText(names[severity])
            caption.setFont(theme.eyebrow(px(18)))
            self.rows.addSpacing(round(px(10)))
            self.rows.addWidget(caption)
            for finding in found:
                self.rows.addWidget(self._row(finding))
            shown += len(found)
        if len(self.findings) > shown:
            rest = label(self.body, "findingsMore", theme.MUTED)
            rest.setText(more_text(len(self.findings) - shown))
            rest.setFont(theme.font(px(24), italic=True))
            self.rows.addSpacing(round(px(6)))
            self.rows.addWidget(rest)
        self.rows.addStretch(1)

    def _row(self, finding: Finding) -> QWidget:
        px = self.px
        row = QWidget(self.body)
        row.setObjectName("findingRow")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(round(px(20)))
        text_font = theme.font(px(28))
        height = QFontMetricsF(text_font).height()
        dot = SeverityMark(theme.SEVERITY_COLORS.get(finding.severity, theme.HINT), px(16), height, row)
        line.addWidget(dot, 0, Qt.AlignmentFlag.AlignTop)
        text = label(row, "findingText")
        text.setText(finding.message)
        text.setFont(text_font)
        line.addWidget(text, 1)
        area = label(row, "findingArea", theme.FAINT, wrap=False)
        area.setText(finding_area(finding.code))
        area.setFont(theme.font(px(20)))
        area.setFixedHeight(round(height))
        area.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(area, 0, Qt.AlignmentFlag.AlignTop)
        return row


class SeverityMark(QWidget):
    """A filled dot in a severity's colour, centred on the first line of the text beside it."""

    def __init__(self, color: str, size: float, line: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = QColor(color)
        self.size_px = size
        self.setFixedSize(round(size), round(line))

    def paintEvent(self, ev: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.color)
        s = self.size_px
        p.drawEllipse(QRectF(0, (self.height() - s) / 2, s, s))
        p.end()
