"""The SQLite schema of `.clientocracy` files: tables, columns, migrations, and how model fields become cells."""

from __future__ import annotations

import json
import sqlite3
import sys
from dataclasses import asdict, fields
from functools import cache
from typing import TYPE_CHECKING, Any

from app import model as m

APPLICATION_ID = 0x436C4B72  # "ClKr": marks a file as a Clientocracy workshop
SCHEMA_VERSION = 3  # user_version: the number of MIGRATION_STEPS below

# Table per kind; each row has `id`, `ord` (fractional order within its list) and, for factors and
# curves, the `canvas` it belongs to. Field names of the model are column names (`from_` included).
TABLES: dict[str, str] = {kind: m.COLLECTIONS[kind] for kind in m.KINDS}
WORKSHOP_TABLE = "workshop"
LEVELS_TABLE = "levels"
POSITIONS_TABLE = "positions"
META_TABLE = "meta"
SNAPSHOTS_TABLE = "snapshots"
# Tables and columns that came with a later schema version (the rest exist since version 1).
TABLE_SINCE = {SNAPSHOTS_TABLE: 2, TABLES["reading"]: 3}
FIELD_SINCE: dict[tuple[str, str], int] = {
    ("team", "motivation"): 3, ("team", "experiment_budget"): 3,
    ("promise", "price"): 3, ("promise", "co_promisers"): 3, ("promise", "alternatives"): 3,
    ("experiment", "promise"): 3, ("experiment", "learning"): 3,
}
MIGRATIONS_TABLE = "_sqlite_migrations"  # where sqlite-utils records applied migrations

_BOOL_FIELDS = {"higher_is_costlier", "visible", "reference", "granted"}
_OPTIONAL_BOOL_FIELDS = {"met"}
_TUPLE_FIELDS = {"members", "scale", "co_promisers", "alternatives"}
_NESTED = {"indicator": m.Indicator, "economics": m.Economics, "motivation": m.Motivation}


def kind_columns(kind: str, version: int = SCHEMA_VERSION) -> tuple[str, ...]:
    """Columns of a kind's table in schema `version`, in order."""
    head = ("id", "ord", "canvas") if kind in m.CANVAS_KINDS else ("id", "ord")
    return head + tuple(n for n in m.field_names(kind) if FIELD_SINCE.get((kind, n), 1) <= version)


def workshop_columns() -> tuple[str, ...]:
    """Columns of the one-row workshop table."""
    return ("id",) + m.field_names("workshop")


def expected_columns(version: int = SCHEMA_VERSION) -> dict[str, tuple[str, ...]]:
    """Every table of schema `version` and its columns: the allow-list for files from elsewhere."""
    tables = {TABLES[kind]: kind_columns(kind, version) for kind in m.KINDS}
    tables[WORKSHOP_TABLE] = workshop_columns()
    tables[LEVELS_TABLE] = ("curve", "factor", "level")
    tables[POSITIONS_TABLE] = ("diagram", "node", "x", "y")
    tables[META_TABLE] = ("key", "value")
    tables[MIGRATIONS_TABLE] = ("id", "migration_set", "name", "applied_at")
    tables[SNAPSHOTS_TABLE] = ("id", "name", "created", "content")
    return {name: cols for name, cols in tables.items() if TABLE_SINCE.get(name, 1) <= version}


def q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


# ---------------------------------------------------------------------------------------------- cells
def to_cell(name: str, value: Any) -> Any:
    """A model field value as an SQLite cell: scalars as they are, everything else as JSON text."""
    if value is None or isinstance(value, (str, int, float)):
        return int(value) if isinstance(value, bool) else value
    if name in ("authorities", "resources"):
        return json.dumps([_grant_dict(g) for g in value], ensure_ascii=False)
    if name in _NESTED:
        return json.dumps(asdict(value), ensure_ascii=False)  # asdict turns a motivation's shares into dicts
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _grant_dict(grant: Any) -> dict[str, Any]:
    """A grant's fields as a dict: `asdict` without its deep copy (a grant holds no dataclass), the same JSON."""
    if type(grant) is not m.Grant:
        return asdict(grant)
    return {f.name: getattr(grant, f.name) for f in _GRANT_FIELDS}


_GRANT_FIELDS = fields(m.Grant)


def from_cell(name: str, cell: Any) -> Any:
    """The model field value stored in an SQLite cell (the inverse of `to_cell`)."""
    if name in _BOOL_FIELDS:
        return bool(cell)
    if name in _OPTIONAL_BOOL_FIELDS:
        return None if cell is None else bool(cell)
    if name == "extra":
        return json.loads(cell) if cell and cell != "{}" else {}
    if name in ("authorities", "resources"):
        return tuple(m.Grant(**g) for g in json.loads(cell)) if cell and cell != "[]" else ()
    if name == "motivation":
        return None if cell is None else motivation_from_dict(json.loads(cell))
    if name in _NESTED:
        return None if cell is None else _NESTED[name](**json.loads(cell))
    if name in _TUPLE_FIELDS:
        return tuple(json.loads(cell)) if cell != "[]" else ()
    return cell


def motivation_from_dict(data: dict[str, Any]) -> m.Motivation:
    """A motivation from its stored dict (its shares nested as dicts)."""
    shares = tuple(m.Share(**share) for share in data.get("shares", ()))
    return m.Motivation(**{**data, "shares": shares})


def object_row(kind: str, obj: Any, ord_: float, parent: str | None = None) -> dict[str, Any]:
    """The row that stores `obj` of `kind`."""
    row: dict[str, Any] = {"id": obj.id, "ord": ord_}
    if kind in m.CANVAS_KINDS:
        row["canvas"] = parent
    for name in m.field_names(kind):
        row[name] = to_cell(name, getattr(obj, name))
    return row


@cache
def _row_fields(kind: str) -> tuple[tuple[str, bool], ...]:
    """The model fields a row of `kind` fills, each with whether its cell needs `from_cell` (else it is the value)."""
    known = {f.name for f in fields(m.KINDS[kind])}
    converted = _BOOL_FIELDS | _OPTIONAL_BOOL_FIELDS | _TUPLE_FIELDS | _NESTED.keys() | {"extra", "authorities",
                                                                                          "resources"}
    return tuple((name, name in converted) for name in m.field_names(kind) if name in known)


def object_from_row(kind: str, row: sqlite3.Row | dict[str, Any], shared: dict[str, str] | None = None,
                    refs: tuple[str, ...] = ()) -> Any:
    """The model object stored in `row` (children of canvases are attached by the loader).

    With `shared`, its id and the ids in its `refs` fields are one string object per id across the workshop: a
    large workshop then holds each id once, and its references compare and hash without leaving the CPU's cache."""
    values = {name: from_cell(name, row[name]) if convert else row[name] for name, convert in _row_fields(kind)}
    if shared is None:
        return m.KINDS[kind](id=row["id"], **values)
    for name in refs:
        ref = values.get(name)
        if type(ref) is str:
            values[name] = shared.setdefault(ref, ref)
    obj_id = row["id"]
    return m.KINDS[kind](id=shared.setdefault(obj_id, obj_id), **values)


# ----------------------------------------------------------------------------------------- migrations
if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations


def _create_kind_table(db: Database, kind: str, version: int) -> None:
    """The table of `kind` with its columns of schema `version`."""
    columns: dict[str, Any] = {"id": str, "ord": float}
    if kind in m.CANVAS_KINDS:
        columns["canvas"] = str
    for name in kind_columns(kind, version)[len(columns):]:
        columns[name] = _column_type(kind, name)
    db.table(TABLES[kind]).create(columns, pk="id", not_null={"id", "ord"})


def m001_initial(db: Database) -> None:
    """Version 1: a table per kind, levels, positions, the workshop's details and meta."""
    for kind in m.KINDS:
        if TABLE_SINCE.get(TABLES[kind], 1) == 1:
            _create_kind_table(db, kind, 1)
    db.table(TABLES["factor"]).create_index(["canvas"])
    db.table(TABLES["curve"]).create_index(["canvas"])
    db.table(WORKSHOP_TABLE).create({"id": int, **{n: str for n in m.field_names("workshop")}}, pk="id")
    db.table(LEVELS_TABLE).create({"curve": str, "factor": str, "level": float}, pk=("curve", "factor"))
    db.table(POSITIONS_TABLE).create({"diagram": str, "node": str, "x": float, "y": float}, pk=("diagram", "node"))
    db.table(META_TABLE).create({"key": str, "value": str}, pk="key")


def m002_snapshots(db: Database) -> None:
    """Version 2: named snapshots of the whole workshop (its interchange JSON) kept inside the file."""
    db.table(SNAPSHOTS_TABLE).create({"id": str, "name": str, "created": str, "content": str}, pk="id")


def m003_format_v2(db: Database) -> None:
    """Version 3 (FORMAT.md version 2): motivation, experiment budgets, internal prices, joint and alternative
    promisers, experiments' promise and learning, and the readings of metrics over time."""
    for (kind, name), since in FIELD_SINCE.items():
        if since == 3:
            db.table(TABLES[kind]).add_column(name, _column_type(kind, name))
    _create_kind_table(db, "reading", 3)


def _column_type(kind: str, name: str) -> type:
    cls = m.KINDS[kind]
    annotation = str(next(f.type for f in fields(cls) if f.name == name))
    if annotation.startswith(("float", "int", "bool")):
        return float if "float" in annotation else int
    return str


MIGRATION_STEPS = (m001_initial, m002_snapshots, m003_format_v2)
MIGRATION_NAMES = tuple(step.__name__ for step in MIGRATION_STEPS)


def _import_sqlite_utils() -> None:
    """Import sqlite-utils with numpy hidden: it would import numpy (~170 ms) only to store numpy values,
    which a workshop never holds; numpy stays importable for those who need it later (pyqtgraph)."""
    if "sqlite_utils.db" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # sqlite-utils treats numpy as optional
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        del sys.modules["numpy"]


@cache
def migrations() -> Migrations:
    """The schema's migrations as a sqlite-utils migration set (imported when a schema is first written)."""
    _import_sqlite_utils()
    from sqlite_utils.migrations import Migrations

    steps = Migrations("clientocracy")
    for step in MIGRATION_STEPS:
        steps()(step)
    return steps


def create_schema(conn: sqlite3.Connection, *, stop_before: str | None = None) -> None:
    """Create (or bring up to date) the schema in `conn`, recording versions as sqlite-utils migrations."""
    steps = migrations()  # first: it imports sqlite-utils without numpy
    from sqlite_utils import Database

    db = Database(conn)
    steps.apply(db, stop_before=stop_before)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {len(steps.applied(db))}")
