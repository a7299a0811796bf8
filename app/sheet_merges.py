"""Merged cells of a worksheet read in read-only mode: found in the sheet's XML, carried down their column."""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils.cell import range_boundaries

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)"')
_CHUNK = 1 << 20
MAX_MERGES = 200_000

Merge = tuple[int, int, int]
"""(first column index from 0, first row, last row) of a merged range that spans more than one row."""


def vertical_merges(sheet: Any) -> dict[int, list[Merge]]:
    """The merged ranges of a read-only worksheet that span rows, by their first row (a quick scan of its XML).

    The text is scanned in chunks, never parsed whole; a damaged or foreign sheet gives no merges."""
    found: dict[int, list[Merge]] = {}
    count = 0
    try:
        with sheet._get_source() as source:
            tail = b""
            while True:
                chunk = source.read(_CHUNK)
                if not chunk:
                    break
                text = tail + chunk
                end = text.rfind(b"<")  # a tag cut at the chunk's end is looked at with the next chunk
                end = len(text) if end < 0 or text.find(b">", end) >= 0 else end
                for match in _MERGE.finditer(text, 0, end):
                    ref = match.group(1).decode("ascii")
                    if ":" not in ref:
                        continue
                    min_col, min_row, _max_col, max_row = range_boundaries(ref)
                    if min_col is None or min_row is None or max_row is None or max_row <= min_row:
                        continue
                    found.setdefault(min_row, []).append((min_col - 1, min_row, max_row))
                    count += 1
                    if count >= MAX_MERGES:
                        return found
                tail = text[end:]
    except (AttributeError, OSError, KeyError, ValueError):
        return {}
    return found


class MergeFiller:
    """Fills the cells a vertical merge covers with the value of its top cell, row by row as they are read."""

    def __init__(self, merges: dict[int, list[Merge]]) -> None:
        self.merges = merges
        self.active: list[tuple[int, int, Any]] = []
        """(column, last row, value) of the merges open at the current row."""

    def fill(self, number: int, values: list[Any]) -> list[Any]:
        """`values` of row `number` with the merged cells carried down (rows must come in order)."""
        self.active = [a for a in self.active if a[1] >= number]
        for column, _last, value in self.active:
            while len(values) <= column:
                values.append(None)
            if values[column] is None or values[column] == "":
                values[column] = value
        for column, _first, last in self.merges.get(number, ()):
            if column < len(values) and values[column] not in (None, ""):
                self.active.append((column, last, values[column]))
        return values
