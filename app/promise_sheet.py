"""The promise table as a spreadsheet: CSV and XLSX files with Russian headers, written and read back losslessly.

Columns (headers matched in any case, е = ё, words in brackets after the name ignored: «Кто дает (команда)»):
Кто даёт, Кому, Обещание, Метрика, Цель, Статус, Полномочия, Ресурсы, Ценность, Поддерживает, and the
optional Заметки, Вместе с (the co-promisers of a joint promise) and Альтернативы (alternative promisers,
duplication), those two one team a line. English headers (From, To, Promise, ...) are accepted too.

Authorities and resources: one item per line of the cell (a cell without line breaks, or whose lines end with «;»,
is split by semicolons; an item keeps no closing «;»).
A granted item is written "✓ text"; on reading, a leading ✓ ✔ ☑ ✅ or [x], or a trailing «(есть)», «(выдано)»,
«(granted)», marks it granted, and a leading ✗ ☐ [ ] or a list bullet "- " / "• " is dropped (not granted).
Statuses are written in Russian (черновик, обсуждается, принято, выполнено, нарушено, снято); English and a
few spoken variants are read too. "Поддерживает" (the parent promise) holds the parent's text, or «№ N» (the
row of the parent in the sheet) when the text is not unique. A party name may end with «(команда)» or
«(сегмент)» to say what it is; the export adds it where the import would otherwise guess wrong (a team that
only receives promises in the sheet, a team and a segment with the same name). CSV is written as UTF-8 with
a byte-order mark, separated by semicolons (what Excel in a Russian locale opens directly); on reading, UTF-8
or Windows-1251 and any of ; , or tab are recognised. XLSX cells that start with "=" stay text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from app import model as m
from app.fsutil import atomic_target
from app.gate import FileRefused
from app.inputs import open_regular, read_regular

MAX_ROWS = 200_000
MAX_CSV_BYTES = 64 * 1024 * 1024
MAX_XLSX_BYTES = 64 * 1024 * 1024
"""A workbook file as stored (zipped)."""
MAX_XLSX_UNPACKED = 512 * 1024 * 1024
"""A workbook's parts unpacked: a small file that unpacks to more is a zip bomb, refused before it is parsed."""
MAX_COLUMNS = 100
"""Columns read of each row: a promise table has a dozen; a cell far to the right is not read."""


@dataclass(frozen=True)
class Column:
    """One column of the promise sheet: its key, its header as written, and the names it is recognised by."""

    key: str
    header: str
    aliases: tuple[str, ...]


COLUMNS: tuple[Column, ...] = (
    Column("from", "Кто даёт", ("кто даёт", "кто дает", "от кого", "обещающий", "команда", "from", "promiser")),
    Column("to", "Кому", ("кому", "получатель", "to", "promisee")),
    Column("text", "Обещание", ("обещание", "текст обещания", "promise", "text")),
    Column("metric", "Метрика", ("метрика", "показатель", "metric")),
    Column("target", "Цель", ("цель", "целевое значение", "target")),
    Column("status", "Статус", ("статус", "состояние", "status")),
    Column("authorities", "Полномочия", ("полномочия", "authorities")),
    Column("resources", "Ресурсы", ("ресурсы", "resources")),
    Column("value", "Ценность", ("ценность", "корневая ценность", "value", "root value")),
    Column("parent", "Поддерживает", ("поддерживает", "родительское обещание", "parent", "supports")),
    Column("notes", "Заметки", ("заметки", "примечание", "примечания", "комментарий", "notes")),
    Column("co", "Вместе с", ("вместе с", "совместно с", "совместно", "соисполнители", "co-promisers", "joint with",
                              "together with")),
    Column("alternatives", "Альтернативы", ("альтернативы", "альтернативные исполнители", "задвоение",
                                            "alternatives", "alternative promisers")),
)
REQUIRED = ("from", "to", "text")

STATUS_NAMES: dict[str, str] = {
    "draft": "черновик", "negotiating": "обсуждается", "accepted": "принято",
    "kept": "выполнено", "broken": "нарушено", "retired": "снято",
}
_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "draft": ("черновик", "draft", "проект"),
    "negotiating": ("обсуждается", "обсуждение", "на обсуждении", "на согласовании", "согласуется",
                    "negotiating", "negotiation"),
    "accepted": ("принято", "принят", "принята", "accepted"),
    "kept": ("выполнено", "выполнен", "выполнена", "сдержано", "kept", "done"),
    "broken": ("нарушено", "нарушен", "нарушена", "не выполнено", "broken"),
    "retired": ("снято", "снят", "снята", "отменено", "retired"),
}
GRANTED_MARK = "✓ "
_GRANTED_PREFIXES = ("✓", "✔", "☑", "✅", "[x]", "[х]", "[v]")
_UNGRANTED_PREFIXES = ("✗", "✘", "☐", "❌", "[ ]", "[]", "- ", "• ", "* ", "– ", "— ")
_GRANTED_SUFFIXES = ("(есть)", "(выдано)", "(выдан)", "(дано)", "(да)", "(granted)", "(yes)")
_UNGRANTED_SUFFIXES = ("(нет)", "(не выдано)", "(not granted)", "(no)")
_ROW_REF = re.compile(r"(?:№|#|n|no\.?|row|строка)?\s*(\d{1,7})", re.IGNORECASE)


class SheetError(FileRefused):
    """A spreadsheet that cannot be read as a promise table; the message names the file and the reason."""


# ------------------------------------------------------------------------------------------------ text
def normalize(text: str) -> str:
    """Text as people's typing is compared: any case, ё as е, spaces collapsed, no bracketed notes after it."""
    text = text.casefold().replace("ё", "е")
    return " ".join(text.split())


def header_key(text: str, columns: tuple[Column, ...] = COLUMNS) -> str | None:
    """The column key of a header cell («Кто дает (команда)» → "from"), or None for an unknown header."""
    name = normalize(re.sub(r"\s*[\(\[].*$", "", text or "")).strip(" :*.")
    for column in columns:
        if name in (normalize(a) for a in column.aliases):
            return column.key
    return None


def parse_status(text: str) -> str | None:
    """The status code of a cell ("" → draft), or None when the cell names no status."""
    word = normalize(text).strip(" .!")
    if not word:
        return "draft"
    for code, words in _STATUS_WORDS.items():
        if word in words:
            return code
    return None


def format_grants(grants: tuple[m.Grant, ...]) -> str:
    """One cell: an item per line, granted items marked "✓ " (a lone item with ";" gets a closing line break)."""
    cell = "\n".join((GRANTED_MARK if g.granted else "") + g.text for g in grants)
    if len(grants) == 1 and ";" in cell:
        cell += "\n"  # so that reading splits by lines, not by the semicolons inside the item
    return cell


def parse_grants(cell: str) -> tuple[m.Grant, ...]:
    """The items of a cell: one per line (or split by semicolons when it has no line breaks), each with its mark.

    A cell written as a list with «;» at the line ends («право А;\nправо Б;») is split by the semicolons too;
    an item never keeps a closing «;» or «,», and empty items are dropped.
    """
    if not cell or cell.isspace():
        return ()
    grants = []
    for part in _grant_parts(cell):
        text, granted = part.strip().rstrip(";,").strip(), False
        low = text.casefold()
        for prefix in _GRANTED_PREFIXES:
            if low.startswith(prefix):
                text, granted = text[len(prefix):].strip(), True
                break
        else:
            for prefix in _UNGRANTED_PREFIXES:
                if low.startswith(prefix):
                    text = text[len(prefix):].strip()
                    break
        low = text.casefold()
        for suffix in _GRANTED_SUFFIXES + _UNGRANTED_SUFFIXES:
            if low.endswith(suffix):
                text, granted = text[: -len(suffix)].rstrip(), suffix in _GRANTED_SUFFIXES
                break
        text = text.rstrip(" ;,").strip()
        if text:
            grants.append(m.Grant(text, granted))
    return tuple(grants)


def _grant_parts(cell: str) -> list[str]:
    """The raw items of a cell: its lines, or its «;»-separated parts (no line breaks, or «;» ending the lines)."""
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in cell.split("\n") if line.strip()]
    if "\n" not in cell:
        return cell.split(";")
    if len(lines) >= 2 and all(line.rstrip().endswith(";") for line in lines[:-1]):
        return [part for line in lines for part in line.split(";")]  # "право А;\nправо Б;": a ;-list on lines
    return lines


def row_reference(text: str) -> int | None:
    """The sheet row a "Поддерживает" cell points to («№ 5», "#5", "5"), or None when it is a promise's text."""
    match = _ROW_REF.fullmatch(text.strip())
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------------------------------------- export
def export_rows(w: m.Workshop, promises: list[m.Promise] | None = None) -> list[list[str]]:
    """The header row and one row per promise (all of the workshop's by default), as strings."""
    promises = w.promises if promises is None else promises
    names = {**{t.id: t.name for t in w.teams}, **{s.id: s.name for s in w.segments}}
    values = {v.id: v.name for v in w.values}
    row_of = {p.id: i + 2 for i, p in enumerate(promises)}  # the header is row 1
    by_id = {p.id: p for p in (*w.promises, *promises)}
    text_count: dict[str, int] = {}
    for p in promises:
        text_count[normalize(p.text)] = text_count.get(normalize(p.text), 0) + 1
    promisers = {p.from_ for p in promises}
    teams = {t.id for t in w.teams}
    team_names = {normalize(t.name) for t in w.teams}
    segment_names = {normalize(s.name) for s in w.segments}
    rows = [[c.header for c in COLUMNS]]
    for p in promises:
        from_name, to_name = names.get(p.from_, p.from_), names.get(p.to, p.to)
        if normalize(from_name) in segment_names and header_marker(from_name) is None:
            from_name += " (команда)"
        if header_marker(to_name) is None:
            if p.to in teams and (p.to not in promisers or normalize(to_name) in segment_names):
                to_name += " (команда)"  # else it would be read as a segment
            elif p.to not in teams and normalize(to_name) in team_names:
                to_name += " (сегмент)"
        parent = ""
        if p.parent:
            parent_obj = by_id.get(p.parent)
            text = parent_obj.text if parent_obj is not None else ""
            if text.strip() and text_count.get(normalize(text), 0) <= 1 and row_reference(text) is None:
                parent = text
            elif p.parent in row_of:
                parent = f"№ {row_of[p.parent]}"
        rows.append([
            from_name, to_name, p.text, p.metric, p.target, STATUS_NAMES.get(p.status, p.status),
            format_grants(p.authorities), format_grants(p.resources), values.get(p.value or "", ""), parent, p.notes,
            "\n".join(names.get(t, t) for t in p.co_promisers), "\n".join(names.get(t, t) for t in p.alternatives),
        ])
    return rows


def header_marker(name: str) -> str | None:
    """"team" or "segment" when a name ends with a bracketed marker such as «(команда)» or «(сегмент)»."""
    match = re.search(r"\((команда|team|сегмент|клиент|клиентский сегмент|segment|client)\)\s*$", normalize(name))
    if not match:
        return None
    return "team" if match.group(1) in ("команда", "team") else "segment"


def strip_marker(name: str) -> str:
    """A party name without its «(команда)»/«(сегмент)» marker."""
    if header_marker(name) is None:
        return name.strip()
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # a cell starting so is a formula to a spreadsheet program


def csv_cell(text: str) -> str:
    """A cell as a spreadsheet program shows it as text: a quote before a leading =, +, -, @, tab or CR.

    Leading quotes are looked through, so a text that itself starts with «'=» gets one more quote and a reader
    that takes one quote off before such a character gets every text back as it was.
    """
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def csv_text(cell: str) -> str:
    """The text behind a CSV cell written by `csv_cell`: one quote taken off before a formula-like start."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def write_csv(w: m.Workshop, path: str | Path, promises: list[m.Promise] | None = None) -> None:
    """Write the promise table as CSV (UTF-8 with BOM, semicolons, formula-like cells quoted) atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows([csv_cell(text) for text in row] for row in export_rows(w, promises))
    with atomic_target(path, suffix=".csv") as tmp:
        tmp.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_xlsx(w: m.Workshop, path: str | Path, promises: list[m.Promise] | None = None) -> None:
    """Write the promise table as an Excel workbook (bold frozen header, filters, a status list) atomically."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    rows = export_rows(w, promises)
    wb = Workbook()
    ws = wb.active
    ws.title = "Обещания"
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, start=1):
        for col, text in enumerate(row, start=1):
            cell = ws.cell(row=r, column=col)
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", text) if text else None
            if cell.data_type == "f":  # a text that starts with "=" stays text, never a formula
                cell.data_type = "s"
            cell.alignment = wrap
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1D2733")
    widths = (24, 24, 48, 32, 16, 14, 40, 36, 16, 32, 30, 24, 24)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(COLUMNS)).column_letter}{max(len(rows), 2)}"
    statuses = DataValidation(type="list", formula1='"' + ",".join(STATUS_NAMES.values()) + '"', allow_blank=True)
    ws.add_data_validation(statuses)
    statuses.add(f"F2:F{max(len(rows), 2) + 500}")
    with atomic_target(path, suffix=".xlsx") as tmp:
        wb.save(tmp)


def write_sheet(w: m.Workshop, path: str | Path, promises: list[m.Promise] | None = None) -> None:
    """Write the promise table as .xlsx or .csv, chosen by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        write_xlsx(w, path, promises)
    elif suffix == ".csv":
        write_csv(w, path, promises)
    else:
        raise SheetError(path, "a promise table is written as .xlsx or .csv")


# ---------------------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class SheetRow:
    """One data row of a sheet: its row number as the spreadsheet shows it, and its cells by column key."""

    number: int
    cells: dict[str, str]


Columns = dict[int, str]
"""Which field each column of a sheet is read as: column index → column key (columns not listed are ignored)."""


@dataclass(frozen=True)
class SheetTable:
    """A promise table as read, before its rows are taken: the header row, the guessed columns, the data as text."""

    header_row: int
    headers: tuple[str, ...]
    """Every cell of the header row as written, by column index."""
    columns: Columns
    """The field each header was recognised as (the first of two headers for one field; unknown ones left out)."""
    data: tuple[tuple[int, tuple[str, ...]], ...]
    """(row number, cells as text) of every later row that is not empty."""

    def rows(self, columns: Columns | None = None) -> list[SheetRow]:
        """The data rows with their cells by column key (by the guessed columns unless `columns` is given)."""
        columns = self.columns if columns is None else columns
        rows = []
        for number, texts in self.data:
            row = {key: texts[i] if i < len(texts) else "" for i, key in columns.items()}
            if any(v.strip() for v in row.values()):
                rows.append(SheetRow(number, row))
        return rows

    def unknown(self, columns: Columns | None = None) -> list[str]:
        """The headers that are read as no field."""
        columns = self.columns if columns is None else columns
        return [h.strip() for i, h in enumerate(self.headers) if h.strip() and i not in columns]

    def header_names(self, columns: Columns | None = None) -> dict[str, str]:
        """Column key → its header as written in the sheet (what a message about a cell names)."""
        columns = self.columns if columns is None else columns
        return {key: self.headers[i].strip() or COLUMN_BY_KEY[key].header for i, key in columns.items()}

    def guess(self, index: int) -> str | None:
        """The field a header names by its own words (it may be taken by an earlier column), or None."""
        return header_key(self.headers[index]) if index < len(self.headers) else None


COLUMN_BY_KEY = {c.key: c for c in COLUMNS}
NO_HEADER_ROW = "no header row with the columns Кто даёт, Кому and Обещание was found"


def missing_columns(columns: Columns) -> list[str]:
    """The required column keys (from, to, text) that `columns` does not read."""
    return [key for key in REQUIRED if key not in columns.values()]


def read_sheet(path: str | Path) -> tuple[list[SheetRow], list[str]]:
    """The data rows of a promise table (.xlsx or .csv) and the headers it did not recognise.

    Raises SheetError when the file cannot be read or has no header row with Кто даёт, Кому and Обещание.
    """
    table = read_table(path)
    return table.rows(), table.unknown()


def read_table(path: str | Path, columns: tuple[Column, ...] = COLUMNS, required: tuple[str, ...] = REQUIRED,
               missing: str = NO_HEADER_ROW) -> SheetTable:
    """A promise table (.xlsx or .csv) with its header row found and its columns guessed (SheetError if unreadable).

    Another table (readings) passes its own `columns`, the keys its header row must have and the message if not."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path, columns, required)
    elif suffix == ".xls":
        raise SheetError(path, "old .xls workbooks are not read; save it as .xlsx or .csv")
    else:
        raise SheetError(path, "a promise table is a .xlsx or .csv file")
    return _table(path, raw, columns, required, missing)


def _table(path: Path, raw: Iterator[tuple[int, list[Any]]], known: tuple[Column, ...] = COLUMNS,
           required: tuple[str, ...] = REQUIRED, missing: str = NO_HEADER_ROW) -> SheetTable:
    """Find the header row among the first rows, then keep every later row's cells as text."""
    header: tuple[int, tuple[str, ...], Columns] | None = None
    data: list[tuple[int, tuple[str, ...]]] = []
    for number, cells in raw:
        texts = tuple(cell_text(v) for v in cells)
        if header is None:
            keys = {i: header_key(t, known) for i, t in enumerate(texts) if t.strip()}
            if set(required) <= set(keys.values()):
                columns: Columns = {}
                for i, key in keys.items():
                    if key and key not in columns.values():
                        columns[i] = key
                header = (number, texts, columns)
            elif number >= 20:
                break
            continue
        if len(data) >= MAX_ROWS:
            raise SheetError(path, f"more than {MAX_ROWS} rows")
        if any(t.strip() for t in texts):
            data.append((number, texts))
    if header is None:
        raise SheetError(path, missing)
    return SheetTable(header[0], header[1], header[2], tuple(data))


def cell_text(value: Any) -> str:
    """A cell's value as text: numbers without a spurious ".0", dates as ISO dates, percentages as "95%"."""
    if value is None:
        return ""
    if isinstance(value, _Percent):
        return f"{value.value * 100:g}%"
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float):
        return f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class _Percent:
    """A number an Excel cell shows as a percentage."""

    value: float


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    data = read_regular(path, MAX_CSV_BYTES, "table")  # a pipe or a device is refused, never read forever
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1251", errors="replace")
    if "\x00" in text:
        raise SheetError(path, "not a text table (CSV)")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        yield from enumerate(([csv_text(cell) for cell in row] for row in rows), start=1)
    except csv.Error as e:
        raise SheetError(path, f"not a readable CSV table ({e})") from None


def _xlsx_rows(path: Path, known: tuple[Column, ...] = COLUMNS,
               required: tuple[str, ...] = REQUIRED) -> Iterator[tuple[int, list[Any]]]:
    """The rows a workbook really holds (read-only, by its cells, not by the range it declares), as values."""
    import zipfile

    from openpyxl import load_workbook

    with open_regular(path, MAX_XLSX_BYTES, "table") as stream:
        try:
            with zipfile.ZipFile(stream) as archive:
                unpacked = sum(max(0, info.file_size) for info in archive.infolist())
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as e:
            raise SheetError(path, f"not an Excel workbook ({type(e).__name__}: {e})") from None
        if unpacked > MAX_XLSX_UNPACKED:
            raise SheetError(path, f"the workbook unpacks to more than {MAX_XLSX_UNPACKED >> 20} MB")
        stream.seek(0)
        try:
            wb = load_workbook(stream, read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
            raise SheetError(path, f"not an Excel workbook ({type(e).__name__}: {e})") from None
        except Exception as e:  # openpyxl raises its own exceptions for damaged workbooks
            raise SheetError(path, f"not a readable Excel workbook ({type(e).__name__})") from None
        try:
            if not wb.worksheets:
                raise SheetError(path, "the workbook has no worksheets")
            for sheet in wb.worksheets:
                sheet.reset_dimensions()  # read the cells the sheet holds, never the range it declares
            yield from _sheet_rows(path, _promise_sheet(wb, known, required))
        except SheetError:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
            raise SheetError(path, f"not a readable Excel workbook ({type(e).__name__}: {e})") from None
        finally:
            wb.close()


def _sheet_rows(path: Path, sheet: Any) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values) of every row of `sheet` that has a cell, the first MAX_COLUMNS columns of each."""
    from openpyxl.cell.read_only import EmptyCell

    from app.sheet_merges import MergeFiller, vertical_merges

    merged = MergeFiller(vertical_merges(sheet))  # a merged cell's value carries down the rows it spans
    empty: Any = None
    written = 0
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if row is empty:
            continue  # openpyxl fills a gap between rows with one shared empty row: skipped at no cost
        written += 1
        if written > 2 * MAX_ROWS:
            raise SheetError(path, f"more than {MAX_ROWS} rows")
        if all(type(cell) is EmptyCell for cell in row):
            empty = row if empty is None else empty
            continue
        values = []
        for cell in row:
            value = getattr(cell, "value", None)
            fmt = getattr(cell, "number_format", "") or ""
            if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in fmt:
                value = _Percent(float(value))
            values.append(value)
        number = next((c.row for c in row if getattr(c, "row", None)), number)
        yield number, merged.fill(number, values)


def _promise_sheet(wb: Any, known: tuple[Column, ...] = COLUMNS, required: tuple[str, ...] = REQUIRED) -> Any:
    """The first worksheet whose first rows hold the required headers (else the first worksheet)."""
    for sheet in wb.worksheets:
        for row in sheet.iter_rows(max_row=20, max_col=MAX_COLUMNS, values_only=True):
            found = {header_key(cell_text(v), known) for v in row if v is not None}
            if set(required) <= found:
                return sheet
    return wb.worksheets[0]
