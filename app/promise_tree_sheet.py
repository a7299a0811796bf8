"""The practitioners' tree of promises in Excel: read as the tree it describes, written back in the same layout.

The main sheet has the columns «Кто дает (команда) | Кому (клиент, команда, роль) | ЦЕННОСТЬ | Корневое обещание |
Метрики | Поддерживающее обещание | Кто дает | Кому | Метрики»: a root promise (to a client) under a root value, and
on the same and the following rows the promises that support it. The root's cells (its team, client, value, text
and metrics) may be left blank or merged on the following rows: the value above carries down. «Кто дает» /
«Кому» / «Метрики» left of «Поддерживающее обещание» are the root's, right of it the supporting promise's. Several
teams in one «Кто дает» cell («Урегулирование, Финансы») make a joint promise: the first team is the promiser
(`from`), the others its co-promisers (`co_promisers`). A supporting promise with no «Кому» is made to the root's
promiser (the method's rule). A second sheet «Общие обещания» (Общее обещание | Описание | Кто дает | Кому |
Метрики) holds promises under no value. Columns the layout does not know go to the promise's notes as
«header: text»; nothing in a row is dropped.

Reading turns the workbook into a flat promise table (app.promise_sheet.SheetTable): one row per promise, the
supporting ones naming their root in «Поддерживает», so that the import, its preview and its reports are the
flat table's. Rows are numbered as in the main sheet (a root and the first promise supporting it share their
row's number); the rows of «Общие обещания» follow the main sheet's last row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app import model as m
from app.fsutil import atomic_target
from app.promise_sheet import (
    MAX_COLUMNS,
    MAX_XLSX_BYTES,
    MAX_XLSX_UNPACKED,
    SheetError,
    SheetTable,
    cell_text,
    normalize,
)
from app.promise_tree import NO_VALUE, build_tree

MAIN_HEADERS = ("Кто дает (команда)", "Кому (клиент, команда, роль)", "ЦЕННОСТЬ", "Корневое обещание", "Метрики",
                "Поддерживающее обещание", "Кто дает", "Кому", "Метрики")
GENERAL_HEADERS = ("Общее обещание", "Описание", "Кто дает", "Кому", "Метрики")
MAIN_SHEET = "Обещания"
GENERAL_SHEET = "Общие обещания"
CO_KEY = "co"
"""The flat table's key for the co-promisers of a joint promise (one team per line)."""
FLAT_HEADERS = ("Кто даёт", "Кому", "Обещание", "Метрика", "Ценность", "Поддерживает", "Заметки", "Вместе с")
FLAT_COLUMNS = {0: "from", 1: "to", 2: "text", 3: "metric", 4: "value", 5: "parent", 6: "notes", 7: CO_KEY}
ROOT_CARRIED = ("who_root", "to_root", "value", "root", "root_metrics")
_TEAM_SPLIT = re.compile(r"\s*[,;\n]\s*")


def _letters(text: str) -> str:
    return re.sub(r"[^a-zа-я0-9]", "", normalize(text))


def main_fields(headers: list[str]) -> dict[int, str] | None:
    """Column index → field of a main-sheet header row, or None when the row is not the tree layout's."""
    names = [_letters(h) for h in headers]
    support = next((i for i, h in enumerate(names) if "поддерж" in h and "кто" not in h and "кому" not in h), None)
    root = next((i for i, h in enumerate(names) if "корнев" in h), None)
    if support is None or root is None:
        return None
    fields: dict[int, str] = {root: "root", support: "support"}
    for i, h in enumerate(names):
        if i in fields or not h:
            continue
        side = "support" if i > support else "root"
        if "кто" in h:
            key = f"who_{side}"
        elif "кому" in h:
            key = f"to_{side}"
        elif "ценност" in h:
            key = "value"
        elif "метри" in h or "показател" in h:
            key = f"{side}_metrics"
        else:
            continue
        if key not in fields.values():
            fields[i] = key
    return fields


def general_fields(headers: list[str]) -> dict[int, str] | None:
    """Column index → field of a «Общие обещания» header row, or None when it has no «Общее обещание»."""
    fields: dict[int, str] = {}
    for i, h in enumerate(_letters(x) for x in headers):
        for key, word in (("title", "общ"), ("description", "описан"), ("who", "кто"), ("to", "кому"),
                          ("metrics", "метри")):
            if word in h and key not in fields.values():
                fields[i] = key
                break
    return fields if "title" in fields.values() else None


@dataclass
class _Sheet:
    """One worksheet's header row, its fields and its data rows as text."""

    title: str
    header_row: int
    headers: list[str]
    fields: dict[int, str]
    rows: list[tuple[int, list[str]]]


def read_promise_table(path: str | Path) -> SheetTable:
    """Any promise table: the practitioners' tree workbook flattened, else the flat table (SheetError if neither)."""
    from app.promise_sheet import read_table

    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        main, general = _read(Path(path))
        if main is not None:
            return flatten(main, general)
    return read_table(path)


def read_tree_table(path: str | Path) -> SheetTable:
    """The tree workbook as a flat promise table (SheetError when it is not one or cannot be read)."""
    path = Path(path)
    main, general = _read(path)
    if main is None:
        raise SheetError(path, "no sheet with the columns «Корневое обещание» and «Поддерживающее обещание»")
    return flatten(main, general)


def _read(path: Path) -> tuple[_Sheet | None, _Sheet | None]:
    import zipfile

    from openpyxl import load_workbook

    from app.inputs import open_regular
    from app.promise_sheet import _sheet_rows  # the rows as the flat reader reads them: merged cells carried down

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
        except Exception as e:  # openpyxl raises its own exceptions for damaged workbooks
            raise SheetError(path, f"not a readable Excel workbook ({type(e).__name__})") from None
        try:
            main = general = None
            headers: list[tuple[Any, int, list[str], dict[int, str], bool]] = []
            for sheet in wb.worksheets:
                sheet.reset_dimensions()
                first = sheet.iter_rows(max_row=20, max_col=MAX_COLUMNS, values_only=True)
                for number, values in enumerate(first, start=1):  # a look at the first rows only: a flat
                    texts = [cell_text(v) for v in values]       # table is not read twice
                    if (fields := main_fields(texts)) and not any(h[4] for h in headers):
                        headers.append((sheet, number, texts, fields, True))
                        break
                    if (fields := general_fields(texts)) and "общ" in normalize(sheet.title + " ".join(texts)):
                        headers.append((sheet, number, texts, fields, False))
                        break
            if not any(h[4] for h in headers):
                return None, None
            for sheet, number, texts, fields, is_main in headers:
                if not is_main and general is not None:
                    continue
                rows = [(n, [cell_text(v) for v in values]) for n, values in _sheet_rows(path, sheet) if n > number]
                found = _Sheet(sheet.title, number, texts, fields, rows)
                if is_main:
                    main = found
                else:
                    general = found
            return main, general
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as e:
            raise SheetError(path, f"not a readable Excel workbook ({type(e).__name__}: {e})") from None
        finally:
            wb.close()


def split_teams(cell: str) -> list[str]:
    """The teams a «Кто дает» cell names: «Урегулирование, Финансы» → two teams (commas, semicolons, lines)."""
    return [name for name in _TEAM_SPLIT.split(cell.strip()) if name]


def _extra_notes(sheet: _Sheet, texts: list[str]) -> str:
    """«header: text» of the cells under columns the layout does not read (so nothing of a row is dropped)."""
    parts = []
    for i, text in enumerate(texts[:MAX_COLUMNS]):
        if i not in sheet.fields and text.strip():
            header = sheet.headers[i].strip() if i < len(sheet.headers) else ""
            parts.append(f"{header}: {text.strip()}" if header else text.strip())
    return "\n".join(parts)


def _flat_row(who: str, to: str, text: str, metric: str, value: str, parent: str, notes: str) -> tuple[str, ...]:
    teams = split_teams(who)
    return (teams[0] if teams else "", to, text, metric, value, parent, notes, "\n".join(teams[1:]))


def flatten(main: _Sheet, general: _Sheet | None) -> SheetTable:
    """One flat row per promise: roots once each (the first row that names them), every supporting promise."""
    data: list[tuple[int, tuple[str, ...]]] = []
    carry = dict.fromkeys(ROOT_CARRIED, "")
    seen_roots: set[str] = set()
    last = main.header_row
    for number, texts in main.rows:
        last = number
        cells = {key: texts[i].strip() if i < len(texts) else "" for i, key in main.fields.items()}
        if cells.get("root") and normalize(cells["root"]) != normalize(carry["root"]):
            carry["root_metrics"] = ""  # a new root: its metrics are its own (its team, client and value carry)
        for key in ROOT_CARRIED:
            if cells.get(key):
                carry[key] = cells[key]
            else:
                cells[key] = carry[key]
        notes = _extra_notes(main, texts)
        support = cells.get("support", "")
        root_key = normalize(cells["root"])
        added_root = bool(cells["root"]) and root_key not in seen_roots
        if added_root:
            seen_roots.add(root_key)
            data.append((number, _flat_row(cells["who_root"], cells["to_root"], cells["root"],
                                           cells["root_metrics"], cells["value"], "", "" if support else notes)))
        if support:
            root_teams = split_teams(cells["who_root"])
            to = cells.get("to_support", "") or (root_teams[0] if root_teams else "")
            data.append((number, _flat_row(cells.get("who_support", ""), to, support,
                                           cells.get("support_metrics", ""), cells["value"], cells["root"], notes)))
        elif not added_root and (notes or not cells["root"]) and any(t.strip() for t in texts):
            # a row that holds no promise: imported as a row without a text, so the preview reports it
            data.append((number, _flat_row(cells["who_root"], cells["to_root"], "", "", cells["value"], "", notes)))
    if general is not None:
        for number, texts in general.rows:
            cells = {key: texts[i].strip() if i < len(texts) else "" for i, key in general.fields.items()}
            title, description = cells.get("title", ""), cells.get("description", "")
            notes = "\n".join(x for x in (description if description != title else "",
                                          _extra_notes(general, texts)) if x)
            data.append((last + number - general.header_row,
                         _flat_row(cells.get("who", ""), cells.get("to", ""), title, cells.get("metrics", ""), "",
                                   "", notes)))
    return SheetTable(main.header_row, FLAT_HEADERS, dict(FLAT_COLUMNS), tuple(data))


# ---------------------------------------------------------------------------------------------- export
def tree_rows(w: m.Workshop) -> tuple[list[list[str]], list[tuple[int, int]], list[list[str]]]:
    """The main sheet's rows (header first), the (first, last) data rows of each root, and «Общие обещания»."""
    tree = build_tree(w)
    by_id = {p.id: p for p in w.promises}
    names = {**{t.id: t.name for t in w.teams}, **{s.id: s.name for s in w.segments}}
    values = {v.id: v.name for v in w.values}

    def who(p: m.Promise) -> str:
        return ", ".join(names.get(t, t) for t in (p.from_, *p.co_promisers))

    def metric(p: m.Promise) -> str:
        return " — ".join(x for x in (p.metric, p.target) if x)

    def supporters(pid: str) -> list[m.Promise]:
        found, stack = [], list(reversed(tree.children.get(pid, [])))
        while stack:
            q = by_id[stack.pop()]
            found.append(q)
            stack.extend(reversed(tree.children.get(q.id, [])))
        return found

    main: list[list[str]] = [list(MAIN_HEADERS)]
    spans: list[tuple[int, int]] = []
    general: list[list[str]] = [list(GENERAL_HEADERS)]
    groups = list(tree.groups.items())
    groups.sort(key=lambda item: item[0] != NO_VALUE)  # roots with no value first: a blank value carries nothing
    for key, roots in groups:
        for pid in roots:
            p = by_id[pid]
            below = supporters(pid)
            if key == NO_VALUE and not below:
                general.append([p.text, p.notes, who(p), names.get(p.to, p.to), metric(p)])
                continue
            first = len(main) + 1
            root_cells = [who(p), names.get(p.to, p.to), values.get(key, ""), p.text, metric(p)]
            for n, q in enumerate(below or [None]):
                support = ["", "", "", ""] if q is None else [q.text, who(q), names.get(q.to, q.to), metric(q)]
                main.append([*(root_cells if n == 0 else [""] * 5), *support])
            spans.append((first, len(main)))
    return main, spans, general


def write_tree_xlsx(w: m.Workshop, path: str | Path) -> None:
    """Write the promises as the practitioners' tree workbook (root cells merged down their rows) atomically."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill

    main, spans, general = tree_rows(w)
    wb = Workbook()
    wrap = Alignment(wrap_text=True, vertical="top")
    for ws, rows, widths in ((wb.active, main, (22, 24, 18, 40, 24, 40, 22, 22, 24)),
                             (wb.create_sheet(GENERAL_SHEET), general, (40, 40, 24, 24, 28))):
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
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
        ws.freeze_panes = "A2"
    wb.active.title = MAIN_SHEET
    for first, last in spans:
        if last > first:
            for col in range(1, 6):
                wb.active.merge_cells(start_row=first, start_column=col, end_row=last, end_column=col)
    with atomic_target(path, suffix=".xlsx") as tmp:
        wb.save(tmp)


def workbook_cells(path: str | Path) -> dict[str, list[list[Any]]]:
    """Every sheet's values by title (for tests and previews; merged cells as stored: blank below the first)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()
