"""The checks panel: the methodology findings of the workshop, live, in the user's language; double-click goes there.

Findings are grouped by code under a human title with their count, errors first, then warnings, then hints; a large
group starts collapsed. One virtual tree model and one delegate draw them (no widget per row), each finding wrapped
on as many lines as it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.document import Document
from widgets.base.findings_text import finding_title

if TYPE_CHECKING:
    from app.checks import Finding

AnyIndex = QModelIndex | QPersistentModelIndex
SEVERITIES = ("error", "warning", "hint")  # app.SEVERITIES; the checks load after the first frame
FIRST_RUN_DELAY_MS = 150  # a workshop just opened is painted first, then checked
OPEN_UP_TO = 12  # a group of more findings starts collapsed: a header with its count, not a list to scroll
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3
CODE_ROLE = Qt.ItemDataRole.UserRole + 4
PAD_X, PAD_Y = 6, 4  # the text's margins inside a row
GROUP_ROW_HEIGHT = 24  # a group row's least height


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


class FindingsSource(Protocol):
    """Findings by code (app.live_checks.LiveChecks, or a list of them)."""

    def codes(self) -> list[tuple[str, str]]: ...  # (code, severity) of the codes that have findings, in order
    def count(self, code: str) -> int: ...
    def of_code(self, code: str) -> list[Finding]: ...
    def findings(self) -> list[Finding]: ...


class ListSource:
    """A list of findings (one run of the checks) as a FindingsSource."""

    def __init__(self, findings: list[Finding]) -> None:
        self._findings = findings
        self._by_code: dict[str, list[Finding]] = {}
        for finding in findings:
            self._by_code.setdefault(finding.code, []).append(finding)

    def codes(self) -> list[tuple[str, str]]:
        return [(code, found[0].severity) for code, found in self._by_code.items()]

    def count(self, code: str) -> int:
        return len(self._by_code.get(code, ()))

    def of_code(self, code: str) -> list[Finding]:
        return self._by_code.get(code, [])

    def findings(self) -> list[Finding]:
        return self._findings


@dataclass
class FindingGroup:
    """The findings of one code, in the checks' order (asked of the source when a row is shown)."""

    code: str
    severity: str
    count: int
    source: FindingsSource | None = None

    @property
    def findings(self) -> list[Finding]:
        return self.source.of_code(self.code) if self.source is not None else []


def group_findings(findings: list[Finding] | FindingsSource,
                   shown: set[str] | frozenset[str] = frozenset(SEVERITIES)) -> list[FindingGroup]:
    """The findings of the shown severities grouped by code: errors first, then warnings, then hints, each
    severity's codes in the checks' order."""
    source = ListSource(findings) if isinstance(findings, list) else findings
    groups = [FindingGroup(code, severity, source.count(code), source) for code, severity in source.codes()
              if severity in shown]
    rank = {s: n for n, s in enumerate(SEVERITIES)}
    return sorted(groups, key=lambda g: rank.get(g.severity, len(rank)))  # stable: the checks' order


class FindingsModel(QAbstractItemModel):
    """Two levels: a group per code (title, count), its findings beneath. A row's internal id is 0 for a group
    and the group's row + 1 for a finding."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source: FindingsSource = ListSource([])
        self.groups: list[FindingGroup] = []
        self.shown: set[str] = set(SEVERITIES)
        self._icons = {s: severity_icon(s) for s in SEVERITIES}

    @property
    def findings(self) -> list[Finding]:
        """Every finding shown or hidden, in the checks' order."""
        return self.source.findings()

    def set_findings(self, findings: list[Finding] | FindingsSource) -> None:
        """Show a new run's findings (a list, or live findings by code)."""
        self.beginResetModel()
        self.source = ListSource(findings) if isinstance(findings, list) else findings
        self.groups = group_findings(self.source, self.shown)
        self.endResetModel()

    def follow(self, codes: set[str]) -> bool:
        """The findings of `codes` changed in the source: update their groups row by row. False when the groups
        themselves come or go (the caller then shows the findings afresh)."""
        wanted = [g.code for g in group_findings(self.source, self.shown)]
        if wanted != [g.code for g in self.groups]:
            return False
        for row, group in enumerate(self.groups):
            if group.code not in codes:
                continue
            parent = self.index(row, 0)
            old, new = group.count, self.source.count(group.code)
            if new < old:
                self.beginRemoveRows(parent, new, old - 1)
                group.count = new
                self.endRemoveRows()
            elif new > old:
                self.beginInsertRows(parent, old, new - 1)
                group.count = new
                self.endInsertRows()
            if min(old, new):
                self.dataChanged.emit(self.index(0, 0, parent), self.index(min(old, new) - 1, 0, parent))
            self.dataChanged.emit(parent, parent)
        return True

    def set_shown(self, severity: str, shown: bool) -> None:
        """Show or hide the findings of one severity."""
        if shown:
            self.shown.add(severity)
        else:
            self.shown.discard(severity)
        self.set_findings(self.source)

    def retranslate(self) -> None:
        """The group titles in the current language (the messages come with the next run)."""
        if self.groups:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.groups) - 1, 0))

    def group_index(self, code: str) -> QModelIndex:
        """The row of the group of `code` (invalid when it is not shown)."""
        row = next((n for n, g in enumerate(self.groups) if g.code == code), -1)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def finding_index(self, code: str, ids: tuple[str, ...]) -> QModelIndex:
        """The row of the finding of `code` about `ids` (invalid when it is not shown)."""
        group = self.group_index(code)
        if not group.isValid():
            return QModelIndex()
        row = next((n for n, f in enumerate(self.groups[group.row()].findings) if f.ids == ids), -1)
        return self.index(row, 0, group) if row >= 0 else QModelIndex()

    # ------------------------------------------------------------------ Qt's model
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, id=0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() == 0 and row < self.groups[parent.row()].count:
            return self.createIndex(row, 0, id=parent.row() + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, id=0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        return self.groups[parent.row()].count if parent.internalId() == 0 else 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return finding_title(group.code)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{finding_title(group.code)}: {QLocale().toString(group.count)}"
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icons.get(group.severity)
            if role == COUNT_ROLE:
                return group.count
            if role == SEVERITY_ROLE:
                return group.severity
            if role == CODE_ROLE:
                return group.code
            return None
        found = self.groups[index.internalId() - 1].findings
        if index.row() >= len(found):  # never expected: the rows follow every update of the findings
            return None
        finding = found[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return finding.message
        if role == FINDING_ROLE:
            return finding
        if role == SEVERITY_ROLE:
            return finding.severity
        if role == CODE_ROLE:
            return finding.code
        return None


class FindingsDelegate(QStyledItemDelegate):
    """Draws a group as its icon, bold title and count, and a finding as its whole message, wrapped."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def _text_width(self, finding: bool) -> int:
        depth = (1 if self.view.rootIsDecorated() else 0) + (1 if finding else 0)
        return max(80, self.view.viewport().width() - depth * self.view.indentation() - 2 * PAD_X)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        finding = index.internalId() != 0  # FindingsModel: 0 for a group
        width = self._text_width(finding)
        if not finding:
            return QSize(width, max(metrics.height() + 2 * PAD_Y + 2, GROUP_ROW_HEIGHT))
        bounds = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap),
                                      str(index.data() or ""))
        return QSize(width, bounds.height() + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text, opt.icon = "", QIcon()
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)  # background, focus
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.save()
        painter.setPen(option.palette.color(role))
        if index.parent().isValid():
            painter.setFont(option.font)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                                       | Qt.AlignmentFlag.AlignTop), str(index.data() or ""))
        else:
            self._paint_group(painter, option, index, rect, selected)
        painter.restore()

    def _paint_group(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex, rect: QRect,
                     selected: bool) -> None:
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, QRect(rect.left(), rect.center().y() - 6, 12, 12))
        rect = rect.adjusted(20, 0, 0, 0)
        count = QLocale().toString(int(index.data(COUNT_ROLE) or 0))
        font = QFont(option.font)
        painter.setFont(font)
        count_width = QFontMetrics(font).horizontalAdvance(count) + PAD_X
        text_pen = painter.pen()
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorGroup.Normal, QPalette.ColorRole.PlaceholderText))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), count)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(text_pen)
        title = QFontMetrics(font).elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight,
                                              max(0, rect.width() - count_width))
        painter.drawText(rect.adjusted(0, 0, -count_width, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)


def _tree_place(index: AnyIndex) -> tuple[int, int]:
    """A row's place in the tree of groups and findings, as it reads from top to bottom."""
    parent = index.parent()
    return (parent.row(), index.row()) if parent.isValid() else (index.row(), -1)


class FindingsView(QTreeView):
    """The tree of groups and findings; rows are measured again when the width changes (wrapped text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.setHeaderHidden(True)
        self.setExpandsOnDoubleClick(False)  # the panel toggles a group on activation (double-click or Enter)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)  # only the rows shown are measured
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(FindingsDelegate(self))
        self.empty_text = ""
        self._width = -1

    def visualRect(self, index: AnyIndex) -> QRect:
        """Where a row is drawn; none for a row out of sight. Rows differ in height (wrapped findings), so Qt finds a
        row's place by measuring every row between it and those shown: repainting the finding selected before, deep
        in a group of 30,000, measured thousands of rows and took a second."""
        if index.isValid() and not self._in_sight(index):
            return QRect()
        return super().visualRect(index)

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        """The keyboard moved: the row it left is repainted only when in sight (Qt would find the place of a row out
        of sight by measuring every row between)."""
        super().currentChanged(current, previous if previous.isValid() and self._in_sight(previous) else QModelIndex())

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        """What to repaint when the selection changes: the selected rows in sight (Qt's own measures every row
        between a selected finding out of sight and those shown)."""
        region = QRegion()
        for index in selection.indexes():
            rect = self.visualRect(index)
            if not rect.isEmpty():
                region += QRect(0, rect.top(), self.viewport().width(), rect.height())
        return region

    def verticalOffset(self) -> int:
        """How far the rows are scrolled, for where a press or the keyboard's selection began: the rows above times
        a group row's height. Qt's own measures every row above the top one (a press deep in a large group took
        half a second); Qt itself answers this way for rows of one height."""
        return self.verticalScrollBar().value() * GROUP_ROW_HEIGHT

    def _in_sight(self, index: AnyIndex) -> bool:
        """Whether the row of `index` is among the rows shown (from the one at the top to the one at the bottom)."""
        area = self.viewport().rect()
        top, bottom = self.indexAt(area.topLeft()), self.indexAt(area.bottomLeft())
        if not top.isValid():
            return True  # nothing shown yet: let Qt say
        place = _tree_place(index)
        return _tree_place(top) <= place and (not bottom.isValid() or place <= _tree_place(bottom))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._width = self.viewport().width()
            self.scheduleDelayedItemsLayout()  # wrapped findings take another number of lines

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.empty_text and self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(12, 8, -12, -8),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                             self.empty_text)
            painter.end()


class ChecksPanel(QWidget):
    """The live findings: recomputed once after each burst of edits; toggles per severity; double-click activates."""

    finding_activated = Signal(object)
    findings_changed = Signal(object)  # the findings by code (a FindingsSource)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.document: Document | None = None
        self.model = FindingsModel(self)
        self.view = FindingsView()
        self.view.setModel(self.model)
        self.view.activated.connect(self._activated)  # a double click, or Enter
        self.view.expanded.connect(lambda index: self._remember_open(index, True))
        self.view.collapsed.connect(lambda index: self._remember_open(index, False))
        self._open: dict[str, bool] = {}  # the groups the user opened or closed, by code
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        bar.setSpacing(4)
        for severity in SEVERITIES:
            button = QToolButton(objectName=f"{severity}Toggle", checkable=True, checked=True)
            button.setIcon(severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.toggled.connect(lambda on, s=severity: self._set_shown(s, on))
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
        self._changed: set[str] = set()  # codes whose findings changed since they were last shown
        self.changed_codes: set[str] | None = None  # those of the last `findings_changed` (None: any)
        self._everything = False
        self.retranslate()

    # ---------------------------------------------------------------- document
    def bind(self, document: Document | None) -> None:
        """Follow `document` (None: show nothing)."""
        from widgets.base.live_checks import checks_of  # the checks load after the first frame

        if self.document is not None:
            checks_of(self.document).updated.disconnect(self._on_update)
        self.document = document
        self._open.clear()
        self._changed = set()
        if document is not None:
            checks_of(document).updated.connect(self._on_update)
            self._timer.start(FIRST_RUN_DELAY_MS)
        else:
            self._timer.stop()
            self._show([])

    def _on_update(self, update: Any) -> None:
        """Findings changed (an edit, or the language). The rows follow at once (the live findings have changed
        already: a paint in between must not read rows that are gone); the counts and the navigator once the burst
        of edits is over."""
        from widgets.base.live_checks import checks_of

        self._changed |= update.codes
        if self.document is not None and self.model.source is checks_of(self.document).live():
            if update.everything or not self.model.follow(update.codes):
                self._show(self.model.source)
        self._everything = self._everything or update.everything
        self._timer.start(0)

    def schedule(self) -> None:
        """Bring the findings up to date once control returns to the event loop (a burst updates once)."""
        self._everything = True
        self._timer.start(0)

    def recompute(self) -> None:
        """Show the findings now (the workshop is checked whole the first time, then kept up to date)."""
        from widgets.base.live_checks import checks_of

        self._timer.stop()
        if self.document is None:
            return
        live = checks_of(self.document)
        first = not live.ready or self.model.source is not live.live()
        changed, self._changed = self._changed, set()
        everything = first or self._everything
        if first:
            self._show(live.live())
        else:  # the rows followed each update as it came
            self._update_counts()
        self._everything = False
        self.changed_codes = None if everything else changed
        self.findings_changed.emit(live.live())

    @property
    def findings(self) -> list[Finding]:
        """The findings of the last run (all severities)."""
        return self.model.findings

    # ------------------------------------------------------------------- view
    def _show(self, findings: list[Finding] | FindingsSource) -> None:
        """Show `findings`, keeping the open groups, the current row and the scroll position."""
        code, current = self.view.currentIndex().data(CODE_ROLE), self.view.currentIndex().data(FINDING_ROLE)
        scroll = self.view.verticalScrollBar().value()
        self.model.set_findings(findings)
        self._reopen()
        self.view.empty_text = self.tr("✓  No findings") if self.document is not None and not self._any() else ""
        if code is not None:
            index = self.model.finding_index(code, current.ids) if current is not None else QModelIndex()
            index = index if index.isValid() else self.model.group_index(code)
            if index.isValid():
                self.view.setCurrentIndex(index)
        self.view.doItemsLayout()
        self.view.verticalScrollBar().setValue(scroll)
        self._update_counts()

    def _reopen(self) -> None:
        """Open each group as the user left it; a group not yet touched opens when it is small."""
        for row, group in enumerate(self.model.groups):
            self.view.setExpanded(self.model.index(row, 0), self._open.get(group.code, len(group.findings)
                                                                           <= OPEN_UP_TO))

    def _remember_open(self, index: QModelIndex, opened: bool) -> None:
        code = index.data(CODE_ROLE)
        if code is not None and not index.parent().isValid():
            self._open[code] = opened

    def _set_shown(self, severity: str, shown: bool) -> None:
        self.model.set_shown(severity, shown)
        self._reopen()

    def _any(self) -> bool:
        return bool(self.model.source.codes())

    def _update_counts(self) -> None:
        counts = {s: 0 for s in SEVERITIES}
        for code, severity in self.model.source.codes():
            counts[severity] = counts.get(severity, 0) + self.model.source.count(code)
        self.view.empty_text = self.tr("✓  No findings") if self.document is not None and not self._any() else ""
        self.buttons["error"].setText(self.tr("%n error(s)", "", counts["error"]))
        self.buttons["warning"].setText(self.tr("%n warning(s)", "", counts["warning"]))
        self.buttons["hint"].setText(self.tr("%n hint(s)", "", counts["hint"]))

    def retranslate(self) -> None:
        """Every fixed text in the current language (the findings' messages come with the next run)."""
        self._update_counts()
        self.view.setToolTip(self.tr("Double-click a finding to go to it"))
        self.view.empty_text = self.tr("✓  No findings") if self.document is not None and not self._any() else ""
        self.model.retranslate()

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if finding is not None:
            self.finding_activated.emit(finding)
        elif index.isValid() and not index.parent().isValid():
            self.view.setExpanded(index, not self.view.isExpanded(index))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.document is not None:
                from widgets.base.live_checks import checks_of

                checks_of(self.document).retranslate()  # messages in the new language
                self.schedule()
        super().changeEvent(event)
