"""The gate for workshop files from elsewhere: nothing reaches the app before the file has proved harmless."""

from __future__ import annotations

import os
import sqlite3
import struct
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote

from app import schema as s
from app.limits import MAX_FILE_BYTES, MAX_VALUE_BYTES, VALUE_TOO_LARGE, rows_problem
from app.schema import q

TIME_LIMIT_S = 20.0
_HEADER = b"SQLite format 3\x00"


class FileRefused(Exception):
    """A file that cannot be opened as a workshop; the message names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) from the first 100 bytes, before SQLite parses anything."""
    try:
        if not path.is_file():
            raise FileRefused(path, "no such file" if not path.exists() else "not a regular file")
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise FileRefused(path, f"cannot be read ({e.strerror or e})") from None
    if size > MAX_FILE_BYTES:
        raise FileRefused(path, f"too large ({size // (1 << 20)} MB) to be a workshop")
    if len(head) < 100 or not head.startswith(_HEADER):
        raise FileRefused(path, "not a Clientocracy workshop (not an SQLite database)")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise FileRefused(path, "damaged (invalid page size in the header)")
    if size % page_size:
        raise FileRefused(path, "damaged or truncated (its size is not a whole number of pages)")
    if head[18] != 1 or head[19] != 1:
        raise FileRefused(path, "not a workshop written by Clientocracy Studio (write-ahead log mode)")
    user_version, application_id = struct.unpack(">iI", head[60:64] + head[68:72])
    if application_id != s.APPLICATION_ID:
        raise FileRefused(path, "not a Clientocracy workshop (an SQLite database of another application)")
    if user_version > s.SCHEMA_VERSION:
        raise FileRefused(
            path, f"made by a newer version of Clientocracy Studio (file version {user_version}, "
                  f"this app reads up to {s.SCHEMA_VERSION}); please update the app"
        )
    if user_version < 1:
        raise FileRefused(path, "damaged (no schema version)")
    return application_id, user_version


def open_readonly(path: Path, deadline: float) -> sqlite3.Connection:
    """A read-only, immutable connection with untrusted-schema protections, size limits and a time limit."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 1 << 20)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    conn.setlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 0)
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 1_000)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def check_schema(path: Path, conn: sqlite3.Connection, version: int) -> None:
    """Refuse anything but the tables and columns this app writes: no views, no triggers, no strangers."""
    expected = s.expected_columns(version)
    for kind, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_schema"):
        if kind in ("view", "trigger"):
            raise FileRefused(path, f"contains a {kind} ({name!r}), which a workshop never has")
        if kind == "index":
            continue
        if kind != "table" or name not in expected:
            raise FileRefused(path, f"contains an unexpected {kind} {name!r}")
        columns = tuple(r[1] for r in conn.execute(f"PRAGMA table_info({q(name)})"))
        if set(columns) != set(expected[name]):
            raise FileRefused(path, f"table {name!r} does not have the columns of a workshop")
        if "virtual" in (sql or "").lower().split("(")[0]:
            raise FileRefused(path, f"contains a virtual table ({name!r})")
    missing = set(expected) - {r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    if missing:
        raise FileRefused(path, f"damaged (missing tables: {', '.join(sorted(missing))})")


def rows(conn: sqlite3.Connection, table: str, version: int = s.SCHEMA_VERSION) -> Iterator[tuple[Any, ...]]:
    """Rows of `table` with the columns of schema `version` named explicitly, in that order."""
    columns = s.expected_columns(version)[table]  # a column never changes meaning between versions
    cols = ", ".join(q(c) for c in columns)
    yield from conn.execute(f"SELECT {cols} FROM {q(table)}")


class GatedFile:
    """A workshop file that passed the gate, open read-only, ready for its rows to be copied."""

    def __init__(self, path: str | os.PathLike[str], time_limit: float = TIME_LIMIT_S) -> None:
        self.path = Path(path)
        _, self.user_version = read_header(self.path)
        self._deadline = time.monotonic() + time_limit
        try:
            self.conn = open_readonly(self.path, self._deadline)
            self._check()
        except FileRefused:
            self.close()
            raise
        except (sqlite3.Error, ValueError, OverflowError, MemoryError) as e:
            self.close()
            raise FileRefused(self.path, self.reason(e)) from None

    def _check(self) -> None:
        result = [r[0] for r in self.conn.execute("PRAGMA quick_check")]
        if result != ["ok"]:
            raise FileRefused(self.path, f"damaged (integrity check: {result[0][:120]})")
        check_schema(self.path, self.conn, self.user_version)
        for table in s.expected_columns(self.user_version):
            count = self.conn.execute(f"SELECT count(*) FROM {q(table)}").fetchone()[0]
            problem = rows_problem(table, count)
            if problem:
                raise FileRefused(self.path, problem)

    def reason(self, error: Exception) -> str:
        """Why the file is refused when reading it under the gate's limits failed with `error`."""
        text = str(error)
        if time.monotonic() > self._deadline or "interrupted" in text:
            return "took too long to check; it may be damaged or hostile"
        if "too big" in text or isinstance(error, (OverflowError, MemoryError)):
            return VALUE_TOO_LARGE
        return f"damaged ({text})"

    def copy_rows(self, table: str) -> list[tuple[Any, ...]]:
        """All rows of `table`, explicit columns, read under the gate's limits."""
        try:
            return list(rows(self.conn, table, self.user_version))
        except (sqlite3.Error, OverflowError, MemoryError) as e:
            raise FileRefused(self.path, self.reason(e)) from None

    def close(self) -> None:
        """Close the read-only connection."""
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
            self.conn = None  # type: ignore[assignment]  # closed for good: a GatedFile is not used after close()

    def __enter__(self) -> GatedFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
