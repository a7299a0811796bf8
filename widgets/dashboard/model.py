"""The dashboard's rows: promises and indicators with their figures, grouped, and the teams' tallies."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app import model as m
from app import readings as r
from app.document import Document

AnyIndex = QModelIndex | QPersistentModelIndex
LINE_ROLE = Qt.ItemDataRole.UserRole + 11
"""The row's readings.Line (None on a section's title row)."""
STATE_ROLE = Qt.ItemDataRole.UserRole + 12

WHO, TO, WHAT, TARGET, LATEST, TREND, STATE = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("dashboard", "Who"),
    QT_TRANSLATE_NOOP("dashboard", "To whom"),
    QT_TRANSLATE_NOOP("dashboard", "Promise or indicator"),
    QT_TRANSLATE_NOOP("dashboard", "Target"),
    QT_TRANSLATE_NOOP("dashboard", "Latest figure"),
    QT_TRANSLATE_NOOP("dashboard", "Trend"),
    QT_TRANSLATE_NOOP("dashboard", "Kept?"),
)
SECTIONS = {
    "client": QT_TRANSLATE_NOOP("dashboard", "Promises to clients"),
    "internal": QT_TRANSLATE_NOOP("dashboard", "Internal promises between teams"),
    "indicators": QT_TRANSLATE_NOOP("dashboard", "Success indicators of teams"),
}
STATE_WORDS = {
    r.MET: QT_TRANSLATE_NOOP("dashboard", "kept"),
    r.NOT_MET: QT_TRANSLATE_NOOP("dashboard", "broken"),
    r.UNKNOWN: QT_TRANSLATE_NOOP("dashboard", "no verdict"),
    r.NO_READINGS: QT_TRANSLATE_NOOP("dashboard", "no figures yet"),
}
ORGANISATION = QT_TRANSLATE_NOOP("dashboard", "Whole organisation")


def tr(text: str) -> str:
    """A dashboard word in the current language."""
    return QCoreApplication.translate("dashboard", text)


def state_word(state: str) -> str:
    """Kept, broken, no verdict or no figures yet, in the current language."""
    return tr(STATE_WORDS[state])


@dataclass(frozen=True)
class Row:
    """A section's title (`section` set) or a line of figures."""

    section: str = ""
    line: r.Line | None = None

    @property
    def key(self) -> str:
        """What the row shows, for telling whether a refresh changed the rows."""
        return self.line.obj_id if self.line is not None else f"§{self.section}"


def rows_of(board: r.Dashboard, team: str | None) -> list[Row]:
    """The rows for the whole organisation (team None) or for one team's promises and indicator."""
    mine = None
    if team is not None:
        figures = next((f for f in board.teams if f.team.id == team), None)
        mine = {line.obj_id for line in figures.lines} if figures is not None else set()
    rows: list[Row] = []
    for key, lines in (("client", board.client), ("internal", board.internal), ("indicators", board.indicators)):
        shown = [line for line in lines if mine is None or line.obj_id in mine]
        if shown:
            rows.append(Row(section=key))
            rows.extend(Row(line=line) for line in shown)
    return rows


class LinesModel(QAbstractTableModel):
    """The dashboard's main table: one row per promise or indicator, under its section's title."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        """Show `rows`: the same rows are repainted in place (selection kept), other rows start over."""
        if [row.key for row in rows] == [row.key for row in self.rows]:
            self.rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, STATE))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, obj_id: str) -> int:
        """The row of a promise or team, or -1."""
        return next((i for i, row in enumerate(self.rows) if row.line is not None and row.line.obj_id == obj_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if index.isValid() and self.rows[index.row()].line is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 7:
            return tr(HEADERS[section])
        return None

    def name(self, obj_id: str) -> str:
        """A team's or segment's name."""
        found = self.document.find(obj_id) if obj_id else None
        return getattr(found, "name", "") if found is not None else ""

    def text(self, line: r.Line, column: int) -> str:
        """What a cell of `line` reads."""
        if column == WHO:
            return self.name(line.owner)
        if column == TO:
            return self.name(line.party) if line.party else "—"
        if column == WHAT:
            if line.kind == "team":
                return line.metric
            return line.label + (f"  ·  {line.metric}" if line.metric else "")
        if column == TARGET:
            return line.target or "—"
        if column == LATEST:
            latest = line.latest
            return f"{latest.value}  ·  {latest.period}" if latest is not None else "—"
        if column == STATE:
            return state_word(line.state)
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if row.line is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return tr(SECTIONS[row.section])
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor("#E8EDF2")
            return None
        line = row.line
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.text(line, index.column())
            if role == Qt.ItemDataRole.ToolTipRole:
                if index.column() == TREND:
                    return "\n".join(f"{x.period}: {x.value} {r.STATE_MARKS[r.state_of(x)]}" for x in line.readings)
                return text if len(text) > 30 else None
            return text
        if role == LINE_ROLE:
            return line
        if role == STATE_ROLE:
            return line.state
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == LATEST and line.latest is not None:
            return QColor(r.STATE_COLORS[line.state]).darker(115)
        return None

    def retranslate(self) -> None:
        """Headers and words in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, STATE))


class TeamsModel(QAbstractTableModel):
    """The roll-up on the left: the whole organisation, then each team, with kept and broken counts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[tuple[str | None, str, r.Tally]] = []

    def set_board(self, board: r.Dashboard) -> None:
        """The organisation's and each team's tallies."""
        entries: list[tuple[str | None, str, r.Tally]] = [(None, "", board.organisation)]
        entries += [(f.team.id, f.team.name, f.tally) for f in board.teams]
        if [e[0] for e in entries] == [e[0] for e in self.entries]:
            self.entries = entries
            self.dataChanged.emit(self.index(0, 0), self.index(len(entries) - 1, 2))
            return
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr(QT_TRANSLATE_NOOP("dashboard", "Team")), r.STATE_MARKS[r.MET], r.STATE_MARKS[r.NOT_MET])[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section:
            return state_word(r.MET if section == 1 else r.NOT_MET)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        team, name, tally = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return tr(ORGANISATION) if team is None else name
            return str(tally.met if column == 1 else tally.not_met)
        if role == Qt.ItemDataRole.UserRole:
            return team
        if role == Qt.ItemDataRole.ToolTipRole:
            return tally_text(tally)
        if role == Qt.ItemDataRole.ForegroundRole and column:
            count = tally.met if column == 1 else tally.not_met
            return QColor(r.STATE_COLORS[r.MET if column == 1 else r.NOT_MET]) if count else QColor("#9AA3AD")
        if role == Qt.ItemDataRole.FontRole and (team is None or column):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def row_of(self, team: str | None) -> int:
        """The row of a team (None: the organisation), or -1."""
        return next((i for i, e in enumerate(self.entries) if e[0] == team), -1)

    def retranslate(self) -> None:
        """Headers and the organisation's name in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, 2))


def tally_text(tally: r.Tally) -> str:
    """"Kept 5 · broken 2 · no verdict 1 · no figures yet 3" in the current language."""
    parts = [(r.MET, tally.met), (r.NOT_MET, tally.not_met), (r.UNKNOWN, tally.unknown), (r.NO_READINGS, tally.none)]
    return "  ·  ".join(f"{state_word(state)}: {count}" for state, count in parts)


def share_text(tally: r.Tally) -> str:
    """The share of kept promises and indicators of those with a verdict ("75 %"), or "—"."""
    share = tally.share_met
    return "—" if share is None else f"{round(share * 100)} %"


def label_of(obj: m.Promise | m.Team) -> str:
    """A promise's text or a team's name."""
    return obj.text if isinstance(obj, m.Promise) else obj.name
