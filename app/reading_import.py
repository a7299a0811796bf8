"""Importing readings from a spreadsheet: rows of period, promise or team, value and met become one batch of edits.

Columns (headers in any case, е = ё, a bracketed note after the name ignored): Период, Обещание или команда,
Значение, Выполнено and the optional Комментарий; English headers (Period, Of, Promise, Team, Value, Met, Note)
are read too. The promise or team is found by its id, else by the promise's text, else by the team's name (the
way people type them). A period is a month (2026-03, 03.2026, «март 2026») or a day (2026-03-15, 15.03.2026; a
date cell of a workbook). Met is да / нет (yes / no, ✓ / ✗, 1 / 0, выполнено / не выполнено); empty is unknown.
A reading of an object for a period it already has replaces that reading's value, verdict and note.
The file is read by the promise table's reader (app/promise_sheet.py): the same limits and formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import changes as c
from app import model as m
from app.document import Document
from app.edits import Batch, Edit
from app.promise_sheet import Column, SheetRow, SheetTable, normalize, read_table

COLUMNS: tuple[Column, ...] = (
    Column("period", "Период", ("период", "месяц", "дата", "period", "month", "date")),
    Column("of", "Обещание или команда", ("обещание или команда", "обещание", "команда", "объект", "показатель",
                                          "of", "promise", "team", "promise or team")),
    Column("value", "Значение", ("значение", "факт", "фактическое значение", "value", "actual")),
    Column("met", "Выполнено", ("выполнено", "выполнено?", "выполнен", "сдержано", "met", "kept")),
    Column("note", "Комментарий", ("комментарий", "заметки", "примечание", "note", "notes")),
)
REQUIRED = ("period", "of", "value")
NO_HEADER_ROW = "no header row with the columns Период, Обещание или команда and Значение was found"

MESSAGES: dict[str, str] = {
    "empty-cell": "the cell «{column}» is empty",
    "bad-period": "«{period}» is not a period (a month as 2026-03 or 03.2026, or a day as 2026-03-15)",
    "not-found": "no promise or team is «{name}»",
    "ambiguous": "several promises or teams are «{name}»; give its id",
    "bad-met": "«{met}» is not yes or no (да / нет)",
}
_YES = ("да", "yes", "y", "true", "1", "✓", "✔", "☑", "✅", "+", "выполнено", "выполнен", "сдержано", "met", "kept")
_NO = ("нет", "no", "n", "false", "0", "✗", "✘", "❌", "-", "не выполнено", "не выполнен", "нарушено", "not met",
       "broken")
_MONTHS = {
    **{name: i for i, name in enumerate(("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                                         "сентябрь", "октябрь", "ноябрь", "декабрь"), start=1)},
    **{name: i for i, name in enumerate(("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                                         "сентября", "октября", "ноября", "декабря"), start=1)},
    **{name: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                         "september", "october", "november", "december"), start=1)},
}


@dataclass(frozen=True)
class RowProblem:
    """Why one row of the sheet was not taken: its row number, a code of MESSAGES and the message's fields."""

    row: int
    code: str
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message with its fields filled in."""
        return MESSAGES[self.code].format(**self.fields)

    def __str__(self) -> str:
        return f"row {self.row}: {self.message}"


@dataclass
class ReadingImport:
    """What an import would do: one batch (None when no row could be taken), counts and the rows not taken."""

    batch: Batch | None
    added: int = 0
    replaced: int = 0
    skipped: list[RowProblem] = field(default_factory=list)

    @property
    def taken(self) -> int:
        """Rows taken: readings added and readings replaced."""
        return self.added + self.replaced


def parse_period(text: str) -> str | None:
    """A period as FORMAT.md writes it ("2026-03" or "2026-03-15") from the ways people type it, or None."""
    text = normalize(text).replace("г.", "").replace("г", "").strip(" .")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}( 00:00:00)?", text):
        text = text[:10]
        return text if _valid(int(text[:4]), int(text[5:7]), int(text[8:10])) else None
    for pattern, order in ((r"(\d{4})[-./](\d{1,2})", "ym"), (r"(\d{1,2})[-./](\d{4})", "my"),
                           (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", "dmy")):
        match = re.fullmatch(pattern, text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            if not _valid(parts["y"], parts["m"], parts.get("d", 1)):
                return None
            month = f"{parts['y']:04d}-{parts['m']:02d}"
            return month + (f"-{parts['d']:02d}" if "d" in parts else "")
    match = re.fullmatch(r"([a-zа-я]+)\s+(\d{4})", text)
    if match and match.group(1) in _MONTHS:
        return f"{int(match.group(2)):04d}-{_MONTHS[match.group(1)]:02d}"
    return None


def _valid(year: int, month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return year >= 1900


def parse_met(text: str) -> tuple[bool | None, bool]:
    """(met, understood) of a cell: да → True, нет → False, empty → None; understood is False for anything else."""
    word = normalize(text).strip(" .!")
    if not word:
        return None, True
    if word in _YES:
        return True, True
    if word in _NO:
        return False, True
    return None, False


def read_readings(path: str | Path) -> SheetTable:
    """A readings table (.xlsx or .csv) with its header row found (SheetError if unreadable or without one)."""
    return read_table(path, COLUMNS, REQUIRED, NO_HEADER_ROW)


def import_readings(doc: Document, path: str | Path) -> ReadingImport:
    """Read a readings table and build the batch that adds (or replaces) its readings."""
    table = read_readings(path)
    headers = {key: table.headers[i].strip() for i, key in table.columns.items()}
    return import_rows(doc, table.rows(), headers)


def _index(w: m.Workshop) -> dict[str, list[str]]:
    """Normalised id, promise text and team name → the ids they name."""
    found: dict[str, list[str]] = {}
    named = [(p.id, p.text) for p in w.promises] + [(t.id, t.name) for t in w.teams]
    for obj_id, name in named:
        for key in {normalize(obj_id), normalize(name)} - {""}:
            found.setdefault(key, []).append(obj_id)
    return found


def import_rows(doc: Document, rows: list[SheetRow], headers: dict[str, str] | None = None) -> ReadingImport:
    """The batch that adds the readings of `rows` (cells by column key) to `doc`, and the rows it could not take."""
    w = doc.model
    names = {**{col.key: col.header for col in COLUMNS}, **(headers or {})}
    index = _index(w)
    ids = {p.id for p in w.promises} | {t.id for t in w.teams}
    existing = {(r.of, r.period): r for r in w.readings}
    result = ReadingImport(None)
    edits: list[Edit] = []
    new: dict[tuple[str, str], m.Reading] = {}
    for row in rows:
        cells = {k: (v or "").strip() for k, v in row.cells.items()}
        empty = next((key for key in REQUIRED if not cells.get(key)), None)
        if empty is not None:
            result.skipped.append(RowProblem(row.number, "empty-cell", {"column": names[empty]}))
            continue
        period = parse_period(cells["period"])
        if period is None:
            result.skipped.append(RowProblem(row.number, "bad-period", {"period": cells["period"]}))
            continue
        met, understood = parse_met(cells.get("met", ""))
        if not understood:
            result.skipped.append(RowProblem(row.number, "bad-met", {"met": cells["met"]}))
            continue
        of = cells["of"] if cells["of"] in ids else None
        if of is None:
            found = list(dict.fromkeys(index.get(normalize(cells["of"]), [])))
            if len(found) != 1:
                code = "ambiguous" if found else "not-found"
                result.skipped.append(RowProblem(row.number, code, {"name": cells["of"]}))
                continue
            of = found[0]
        value, note = cells["value"], cells.get("note", "")
        fields: dict[str, Any] = {"value": value, "met": met, "note": note}
        key = (of, period)
        if key in new:  # the sheet gives one period twice: the later row wins
            new[key] = m.Reading(new[key].id, of, period, value, met, note)
        elif key in existing:
            old = existing[key]
            if any(getattr(old, name) != value for name, value in fields.items()):
                edits.append(c.update(doc, old.id, **fields))
            result.replaced += 1
        else:
            new[key] = m.Reading(c.new_id(), of, period, value, met, note)
            result.added += 1
    start = len(w.readings)
    edits += [c.insert(doc, reading, start + i) for i, reading in enumerate(new.values())]
    if edits:
        result.batch = Batch(tuple(edits), label="Import readings")
    return result
