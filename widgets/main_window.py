"""The first main window: the workshop's title and goal, the method's 9 stages with counts, read-only tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import model as m
from app.document import Document
from app.edits import Delete, Edit, Insert, Leaf, Move, Update

AnyIndex = QModelIndex | QPersistentModelIndex

STYLE = """
QMainWindow { background: #ffffff; }
#header { background: #ffffff; border-bottom: 1px solid #d9dee5; }
#title { font-size: 20pt; font-weight: 600; color: #1d2733; }
#subtitle { color: #5b6673; }
#goalBox { background: #eef5fb; border-left: 4px solid #0072B2; border-radius: 3px; }
#goalCaption { color: #0072B2; font-size: 8pt; font-weight: 600; letter-spacing: 1px; }
#goal { font-size: 13pt; color: #1d2733; }
#stages { background: #f6f7f9; border: none; border-right: 1px solid #d9dee5; outline: none; }
#stages::item { border-bottom: 1px solid #e6e9ee; }
#stages::item:selected { background: #dcebf7; }
#stageTitle { color: #1d2733; }
#stageCount { color: #5b6673; }
QTabWidget::pane { border: none; border-top: 1px solid #d9dee5; }
QTabBar::tab { padding: 7px 16px; color: #5b6673; background: transparent; border: none;
               border-bottom: 3px solid transparent; }
QTabBar::tab:selected { color: #1d2733; border-bottom: 3px solid #0072B2; }
QTabBar::tab:hover:!selected { color: #1d2733; }
QTableView { border: none; gridline-color: #e6e9ee; selection-background-color: #dcebf7;
             selection-color: #1d2733; alternate-background-color: #f8f9fb; }
QTableView::item { padding: 0 6px; }
QHeaderView::section { padding: 6px 8px; background: #f6f7f9; color: #3b4652; font-weight: 600; border: none;
                       border-right: 1px solid #e6e9ee; border-bottom: 1px solid #d9dee5; }
"""


def plural(n: int, forms: str) -> str:
    """`n` with the noun form that fits it: forms "one|few|many" (Russian: 1 боль, 2 боли, 5 болей) or "one|other"."""
    variants = forms.split("|")
    if len(variants) == 3:
        last, last_two = n % 10, n % 100
        if last == 1 and last_two != 11:
            form = 0
        elif 2 <= last <= 4 and not 12 <= last_two <= 14:
            form = 1
        else:
            form = 2
    else:
        form = 0 if n == 1 else len(variants) - 1
    return f"{n} {variants[form]}"


@dataclass(frozen=True)
class Column:
    """One column of an object table: its header and how to read the cell from an object."""

    title: str
    value: Callable[[Any], Any]
    stretch: bool = False
    tip: str = ""


class ObjectTableModel(QAbstractTableModel):
    """A read-only table over one of the workshop's lists that follows the document's edits row by row."""

    def __init__(self, document: Document, kind: str, columns: list[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.columns = columns
        self._document = document
        self._ids = self._current_ids()

    def _current_ids(self) -> list[str]:
        return [obj.id for obj in self._document.model.collection(self.kind)]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        obj = self._document.find(self._ids[index.row()])
        if obj is None:
            return None
        value = self.columns[index.column()].value(obj)
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tip or None
        return None

    def follow(self, leaf: Leaf) -> None:
        """Mirror one applied edit of this table's kind: a row inserted, removed, moved or changed."""
        if isinstance(leaf, Insert):
            row = min(leaf.index, len(self._ids))
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, leaf.id)
            self.endInsertRows()
        elif isinstance(leaf, Delete) and leaf.id in self._ids:
            row = self._ids.index(leaf.id)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        elif isinstance(leaf, Move) and leaf.id in self._ids:
            row, new = self._ids.index(leaf.id), min(leaf.new_index, len(self._ids) - 1)
            if row != new and self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), new + (new > row)):
                self._ids.insert(new, self._ids.pop(row))
                self.endMoveRows()
        elif isinstance(leaf, Update) and leaf.id in self._ids:
            row = self._ids.index(leaf.id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def refresh_cells(self) -> None:
        """Repaint every cell (names of the objects this table refers to may have changed)."""
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def resync(self) -> None:
        """Start over from the document's list if the rows ever disagree with it (a safety net)."""
        current = self._current_ids()
        if current != self._ids:
            self.beginResetModel()
            self._ids = current
            self.endResetModel()


class MainWindow(QMainWindow):
    """The workshop's window: title and evolutionary goal on top, the 9 stages on the left, tables on the right."""

    def __init__(self, document: Document, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.display_name = display_name
        self.setWindowTitle(display_name)  # Qt adds the application's display name
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)

        self.title_label = QLabel(objectName="title")
        self.subtitle_label = QLabel(objectName="subtitle")
        self.goal_label = QLabel(objectName="goal", wordWrap=True)
        self.stage_list = QListWidget(objectName="stages")
        self.stage_counts: list[QLabel] = []
        self.tabs = QTabWidget(documentMode=True)
        self.tables: dict[str, ObjectTableModel] = {}
        self._tab_titles: dict[str, str] = {}

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_header())
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(self._build_stages())
        splitter.addWidget(self._build_tabs())
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        splitter.setSizes([self.stage_list.minimumWidth(), 960])

        self._refresh_header()
        self._refresh_counts()
        document.subscribe(self._on_edit)

    # ------------------------------------------------------------------ building
    def _build_header(self) -> QWidget:
        header = QFrame(objectName="header")
        box = QVBoxLayout(header)
        box.setContentsMargins(24, 16, 24, 16)
        box.setSpacing(4)
        box.addWidget(self.title_label)
        box.addWidget(self.subtitle_label)
        goal_box = QFrame(objectName="goalBox")
        goal_layout = QVBoxLayout(goal_box)
        goal_layout.setContentsMargins(14, 8, 14, 10)
        goal_layout.setSpacing(2)
        goal_layout.addWidget(QLabel(self.tr("ЭВОЛЮЦИОННАЯ ЦЕЛЬ"), objectName="goalCaption"))
        goal_layout.addWidget(self.goal_label)
        box.addSpacing(8)
        box.addWidget(goal_box)
        return header

    def _stage_titles(self) -> list[str]:
        return [
            self.tr("Клиентские сегменты"),
            self.tr("Боли клиентов"),
            self.tr("Ценностное предложение и канва"),
            self.tr("Обещания клиентам"),
            self.tr("Внутренние обещания"),
            self.tr("Совет и автономные команды"),
            self.tr("Экономика команд"),
            self.tr("Показатели успеха"),
            self.tr("Эксперименты и улучшения"),
        ]

    def _build_stages(self) -> QWidget:
        self.stage_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        widest = 0
        for number, title in enumerate(self._stage_titles(), start=1):
            cell = QWidget()
            row = QHBoxLayout(cell)
            row.setContentsMargins(14, 9, 12, 9)
            row.setSpacing(10)
            badge = QLabel(str(number))
            badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
            badge.setFixedSize(26, 26)
            badge.setStyleSheet("background: #0072B2; color: white; border-radius: 13px; font-weight: 600;")
            text = QVBoxLayout()
            text.setSpacing(1)
            heading = QLabel(title, objectName="stageTitle")
            font = heading.font()
            font.setBold(True)  # set here, not in the style sheet, so the list can be sized to it at once
            heading.setFont(font)
            text.addWidget(heading)
            count = QLabel(objectName="stageCount")
            text.addWidget(count)
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            row.addLayout(text, 1)
            item = QListWidgetItem(self.stage_list)
            item.setSizeHint(cell.sizeHint())
            self.stage_list.setItemWidget(item, cell)
            self.stage_counts.append(count)
            widest = max(widest, cell.sizeHint().width())
        self.stage_list.setMinimumWidth(widest + 4)
        self.stage_list.currentRowChanged.connect(self._show_stage)
        return self.stage_list

    def _build_tabs(self) -> QWidget:
        doc = self.document

        def name_of(obj_id: str | None) -> str:
            found = doc.find(obj_id) if obj_id else None
            return getattr(found, "name", "") if found is not None else ""

        def grants(promise: m.Promise) -> str:
            needed = promise.authorities + promise.resources
            if not needed:
                return ""
            return self.tr("{granted} из {total}").format(
                granted=sum(g.granted for g in needed), total=len(needed)
            )

        team_kinds = {
            "client_facing": self.tr("клиентская"),
            "service": self.tr("сервисная"),
            "council": self.tr("совет управляющих"),
        }
        statuses = {
            "draft": self.tr("черновик"),
            "negotiating": self.tr("обсуждается"),
            "accepted": self.tr("принято"),
            "kept": self.tr("выполнено"),
            "broken": self.tr("нарушено"),
            "retired": self.tr("снято"),
        }
        self._add_table("segment", self.tr("Сегменты"), [
            Column(self.tr("Сегмент"), lambda s: s.name),
            Column(self.tr("Описание"), lambda s: s.description, stretch=True),
        ])
        self._add_table("pain", self.tr("Боли"), [
            Column(self.tr("Сегмент"), lambda p: name_of(p.segment)),
            Column(self.tr("Боль"), lambda p: p.text, stretch=True),
            Column(self.tr("Острота"), lambda p: p.severity),
        ])
        self._add_table("team", self.tr("Команды"), [
            Column(self.tr("Команда"), lambda t: t.name),
            Column(self.tr("Вид"), lambda t: team_kinds.get(t.kind, t.kind)),
            Column(self.tr("Назначение"), lambda t: t.purpose, stretch=True),
            Column(self.tr("Руководитель"), lambda t: t.lead),
            Column(self.tr("Участники"), lambda t: len(t.members)),
        ])
        self._add_table("promise", self.tr("Обещания"), [
            Column(self.tr("Кто даёт"), lambda p: name_of(p.from_)),
            Column(self.tr("Кому"), lambda p: name_of(p.to)),
            Column(self.tr("Обещание"), lambda p: p.text, stretch=True),
            Column(self.tr("Метрика и цель"), lambda p: " — ".join(x for x in (p.metric, p.target) if x)),
            Column(self.tr("Статус"), lambda p: statuses.get(p.status, p.status)),
            Column(self.tr("Полномочия"), grants, tip=self.tr("Сколько полномочий и ресурсов обещания уже получено")),
        ])
        return self.tabs

    def _add_table(self, kind: str, title: str, columns: list[Column]) -> None:
        table = ObjectTableModel(self.document, kind, columns, self)
        view = QTableView(objectName=f"{kind}Table")
        view.setModel(table)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(30)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        view.horizontalHeader().setHighlightSections(False)
        view.resizeColumnsToContents()
        for column, spec in enumerate(columns):
            if spec.stretch:
                view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                view.setColumnWidth(column, min(view.columnWidth(column) + 16, 200))
        self.tables[kind] = table
        self._tab_titles[kind] = title
        self.tabs.addTab(view, title)

    # ---------------------------------------------------------------- refreshing
    def _refresh_header(self) -> None:
        info = self.document.model.info
        self.title_label.setText(info.title or self.tr("Воркшоп без названия"))
        self.subtitle_label.setText("  ·  ".join(x for x in (info.organization, info.facilitator, info.date) if x))
        self.goal_label.setText(info.evolutionary_goal or self.tr("Эволюционная цель ещё не сформулирована"))

    def stage_count_texts(self) -> list[str]:
        """What each of the 9 stages holds so far, e.g. "2 сегмента" or "4 боли"."""
        w = self.document.model
        kinds = {t.id: t.kind for t in w.teams}
        segments = {s.id for s in w.segments}
        external = sum(p.to in segments for p in w.promises)
        internal = sum(p.to in kinds for p in w.promises)
        teams = sum(k != "council" for k in kinds.values())
        has_council = "council" in kinds.values()
        economics = sum(
            t.economics is not None and (t.economics.revenue is not None or t.economics.costs is not None)
            for t in w.teams
        )
        indicators = sum(t.indicator is not None and bool(t.indicator.name) for t in w.teams)
        team_forms = self.tr("команда|команды|команд")
        promise_forms = self.tr("обещание|обещания|обещаний")
        return [
            plural(len(w.segments), self.tr("сегмент|сегмента|сегментов")),
            plural(len(w.pains), self.tr("боль|боли|болей")),
            ", ".join([
                plural(len(w.propositions), self.tr("предложение|предложения|предложений")),
                plural(len(w.canvases), self.tr("канва|канвы|канв")),
            ]),
            plural(external, promise_forms),
            plural(internal, promise_forms),
            ", ".join([plural(teams, team_forms), self.tr("совет") if has_council else self.tr("нет совета")]),
            self.tr("{teams} с расчётом").format(teams=plural(economics, team_forms)),
            plural(indicators, self.tr("показатель|показателя|показателей")),
            plural(len(w.experiments), self.tr("эксперимент|эксперимента|экспериментов")),
        ]

    def _refresh_counts(self) -> None:
        for label, text in zip(self.stage_counts, self.stage_count_texts(), strict=True):
            if label.text() != text:
                label.setText(text)
        for index, (kind, table) in enumerate(self.tables.items()):
            self.tabs.setTabText(index, f"{self._tab_titles[kind]} ({table.rowCount()})")

    def _on_edit(self, document: Document, edit: Edit, applied: list[Leaf]) -> None:
        touched = {getattr(leaf, "kind", None) for leaf in applied}
        for leaf in applied:
            table = self.tables.get(getattr(leaf, "kind", ""))
            if table is not None:
                table.follow(leaf)
        for kind in touched & self.tables.keys():
            self.tables[kind].resync()
        if touched & {"segment", "team"}:  # names shown in other tables
            for kind in ("pain", "promise"):
                self.tables[kind].refresh_cells()
        if "workshop" in touched:
            self._refresh_header()
        self._refresh_counts()

    def _show_stage(self, row: int) -> None:
        kind = {0: "segment", 1: "pain", 3: "promise", 4: "promise", 5: "team", 6: "team", 7: "team"}.get(row)
        if kind is not None:
            self.tabs.setCurrentIndex(list(self.tables).index(kind))

    def detach(self) -> None:
        """Stop following the document (the window is going away)."""
        try:
            self.document.unsubscribe(self._on_edit)
        except ValueError:
            pass  # already detached

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detach()
        super().closeEvent(event)
