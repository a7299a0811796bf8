"""The limits of a workshop, one definition each: the gate refuses a file beyond them, and every writer (save,
import, new, edits, JSON export) refuses to write what the gate or the JSON reader would then refuse."""

from __future__ import annotations

MAX_FILE_BYTES = 1 << 30
"""A workshop file (1 GiB: far beyond any real workshop)."""
MAX_VALUE_BYTES = 16 << 20
"""One value, and one row, of a workshop file (SQLite's length limit): a huge blob is hostile."""
MAX_ROWS_PER_TABLE = 2_000_000
"""Rows of one table (promises, levels, positions...)."""
MAX_JSON_BYTES = 200 << 20
"""A JSON interchange document: larger ones are refused before they are parsed, and never written."""
MAX_INTEGER = 2**63 - 1
"""The largest whole number a workshop holds (SQLite's 64-bit integers)."""
MAX_EXTRA_DEPTH = 64
"""How deeply users' own `x-` values may nest."""
MAX_COORDINATE = 1e6
"""The largest |x| or |y| of a node on a diagram (scene units; a real diagram stays within a few thousand)."""

VALUE_TOO_LARGE = f"contains a value too large for a workshop (over {MAX_VALUE_BYTES >> 20} MB in one row)"
NUMBER_TOO_LARGE = f"the number is too large (a workshop holds whole numbers up to {MAX_INTEGER})"


def rows_problem(table: str, count: int) -> str | None:
    """Why a table with `count` rows is refused (said alike by the gate and by every writer), or None."""
    if count <= MAX_ROWS_PER_TABLE:
        return None
    return f"too large (table {table!r} has {count} rows; a workshop holds at most {MAX_ROWS_PER_TABLE})"


def json_too_large(size: int) -> str:
    """Why a JSON document of `size` bytes is refused, by the reader and by the writer."""
    return f"the document is larger than {MAX_JSON_BYTES >> 20} MB ({size >> 20} MB)"
