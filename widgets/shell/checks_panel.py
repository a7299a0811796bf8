"""The checks panel: the methodology findings of the workshop, live, in the user's language; double-click goes there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QListView, QToolButton, QVBoxLayout, QWidget

from app.changed import Changes
from app.document import Document
from widgets.base.findings_text import translated_templates
from widgets.base.live import changes_of

if TYPE_CHECKING:
    from app.checks import Finding

AnyIndex = QModelIndex | QPersistentModelIndex
SEVERITIES = ("error", "warning", "hint")  # app.SEVERITIES; the checks load after the first frame
FIRST_RUN_DELAY_MS = 150  # a workshop just opened is painted first, then checked
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2

def severity_icon(severity: str) -> QIcon:
    """A small round mark: red-brown for errors, amber for warnings, grey for hints."""
    color = {"error": "#C0392B", "warning": "#E69F00"}.get(severity, "#9AA3AE")
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class FindingsModel(QAbstractListModel):
    """The findings of the last run, one per row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self._icons: dict[str, QIcon] = {}

    def set_findings(self, findings: list[Finding]) -> None:
        """Show a new run's findings."""
        self.beginResetModel()
        self.findings = findings
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        finding = self.findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return finding.message
        if role == Qt.ItemDataRole.DecorationRole:
            if finding.severity not in self._icons:
                self._icons[finding.severity] = severity_icon(finding.severity)
            return self._icons[finding.severity]
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_ROLE:
            return finding.severity
        return None


class SeverityFilter(QSortFilterProxyModel):
    """Shows the findings of the chosen severities (filtered in C++ by the severity role: thousands stay fast)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.shown = set(SEVERITIES)
        self.setFilterRole(SEVERITY_ROLE)

    def set_shown(self, severity: str, shown: bool) -> None:
        """Show or hide one severity."""
        if shown:
            self.shown.add(severity)
        else:
            self.shown.discard(severity)
        if self.shown == set(SEVERITIES):
            self.setFilterRegularExpression("")  # everything: no row is asked
        else:
            self.setFilterRegularExpression("^(" + "|".join(sorted(self.shown)) + ")$" if self.shown else "^$")


class ChecksPanel(QWidget):
    """The live findings: recomputed once after each burst of edits; toggles per severity; double-click activates."""

    finding_activated = Signal(object)
    findings_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.document: Document | None = None
        self.model = FindingsModel(self)
        self.filter = SeverityFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = QListView(objectName="findings")
        self.view.setModel(self.filter)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.activated.connect(self._activated)  # a double click, or Enter
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        bar.setSpacing(4)
        for severity in SEVERITIES:
            button = QToolButton(objectName=f"{severity}Toggle", checkable=True, checked=True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, s=severity: self.filter.set_shown(s, on))
            self.buttons[severity] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.recompute)
        self._update_counts()

    # ---------------------------------------------------------------- document
    def bind(self, document: Document | None) -> None:
        """Follow `document` (None: show nothing)."""
        if self.document is not None:
            changes_of(self.document).changed.disconnect(self._on_changes)
        self.document = document
        if document is not None:
            changes_of(document).changed.connect(self._on_changes)
            self._timer.start(FIRST_RUN_DELAY_MS)
        else:
            self._timer.stop()
            self.model.set_findings([])
            self._update_counts()

    def _on_changes(self, changed: Changes) -> None:
        """Check again once the burst of edits is over (positions on a diagram change no finding)."""
        if changed.everything or changed.kinds() - {"position"}:
            self.schedule()

    def schedule(self) -> None:
        """Recompute once control returns to the event loop (a burst of edits recomputes once)."""
        self._timer.start(0)

    def recompute(self) -> None:
        """Run the checks now and show their findings."""
        self._timer.stop()
        if self.document is None:
            return
        from app.checks import run_checks

        findings = run_checks(self.document.model, translated_templates())
        current = self.view.currentIndex().data(FINDING_ROLE)
        scroll = self.view.verticalScrollBar().value()
        self.model.set_findings(findings)
        if current is not None:
            key = (current.code, current.ids)
            row = next((i for i, f in enumerate(findings) if (f.code, f.ids) == key), -1)
            if row >= 0:
                self.view.setCurrentIndex(self.filter.mapFromSource(self.model.index(row)))
        self.view.verticalScrollBar().setValue(scroll)
        self._update_counts()
        self.findings_changed.emit(findings)

    @property
    def findings(self) -> list[Finding]:
        """The findings shown."""
        return self.model.findings

    # ------------------------------------------------------------------- view
    def _update_counts(self) -> None:
        counts = {s: 0 for s in SEVERITIES}
        for f in self.model.findings:
            counts[f.severity] += 1
        self.buttons["error"].setText(self.tr("%n error(s)", "", counts["error"]))
        self.buttons["warning"].setText(self.tr("%n warning(s)", "", counts["warning"]))
        self.buttons["hint"].setText(self.tr("%n hint(s)", "", counts["hint"]))
        self.view.setToolTip(self.tr("Double-click a finding to go to it"))

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_counts()
            if self.document is not None:
                self.schedule()  # messages in the new language
        super().changeEvent(event)
