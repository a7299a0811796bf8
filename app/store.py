"""The SQLite store behind a document: loads a workshop from rows, commits each edit in one transaction, and keeps
the workshop's named snapshots."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from app import model as m
from app import schema as s
from app.document import REFERRING_FIELDS, Document, EditRefused
from app.edits import Delete, Insert, Leaf, Move, SetLevel, SetPosition, Update
from app.integrity import count_problem
from app.limits import MAX_VALUE_BYTES, NUMBER_TOO_LARGE, VALUE_TOO_LARGE
from app.schema import q

if TYPE_CHECKING:
    from app.edits import Batch

_GAP = 1.0  # distance between neighbours' `ord` when a list is numbered afresh
_TIGHT = 1e-9  # closer than this, a list is numbered afresh


def connect(path: str | Path) -> sqlite3.Connection:
    """Open a workshop database for writing: rollback journal, synchronous FULL, explicit transactions."""
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)  # never write a value the gate would refuse
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA trusted_schema = OFF")
    return conn


class TooLarge(EditRefused):
    """An edit or a write that would make a file the gate refuses (a value or a table too large); nothing changed."""


def _too_big(error: BaseException) -> TooLarge | None:
    """The refusal to give for SQLite's refusal of a value or row over the length limit, or of a whole number
    beyond 64 bits; None for any other error."""
    if isinstance(error, OverflowError):
        return TooLarge(NUMBER_TOO_LARGE)
    if isinstance(error, sqlite3.DataError) and "too big" in str(error):
        return TooLarge(VALUE_TOO_LARGE)
    return None


def _rollback(conn: sqlite3.Connection) -> None:
    """Roll back the open transaction, if SQLite has not already (it does after a full disk)."""
    if conn.in_transaction:
        conn.execute("ROLLBACK")


@dataclass(frozen=True)
class Snapshot:
    """A named state of the workshop kept in its file."""

    id: str
    name: str
    created: str


class SqliteStore:
    """Keeps an SQLite database equal to a document: `commit` writes the rows an edit touched."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._ord: dict[str, float] = {}
        self._ord_log: list[tuple[str, float | None]] | None = None  # undo log of `_ord` during a commit
        self._planned: dict[str, float] = {}  # the `ord`s of what the commit under way inserts or moves
        self.edit_count = int(self.meta("edit_count") or 0)

    # ------------------------------------------------------------------ meta
    def meta(self, key: str) -> str | None:
        """A value of the meta table, or None."""
        row = self.conn.execute(f"SELECT value FROM {q(s.META_TABLE)} WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def set_meta(self, key: str, value: str) -> None:
        """Set a meta value (inside the caller's transaction, or on its own)."""
        self.conn.execute(
            f"INSERT INTO {q(s.META_TABLE)} (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # ------------------------------------------------------------------ load
    def load(self) -> m.Workshop:
        """Read the whole workshop from the database (objects in `ord` order)."""
        conn = self.conn
        w = m.Workshop()
        row = conn.execute(f"SELECT * FROM {q(s.WORKSHOP_TABLE)} WHERE id = 1").fetchone()
        if row is not None:
            w.info = m.WorkshopInfo(**{n: s.from_cell(n, row[n]) for n in m.field_names("workshop")})
        canvases: dict[str, m.Canvas] = {}
        shared: dict[str, str] = {}
        for kind in m.TOP_KINDS:
            items = w.collection(kind)
            refs = REFERRING_FIELDS.get(kind, ())
            for row in conn.execute(f"SELECT * FROM {q(s.TABLES[kind])} ORDER BY ord, id"):
                obj = s.object_from_row(kind, row, shared, refs)
                items.append(obj)
                self._ord[obj.id] = row["ord"]
                if kind == "canvas":
                    canvases[obj.id] = obj
        curves: dict[str, m.Curve] = {}
        for kind in m.CANVAS_KINDS:
            for row in conn.execute(f"SELECT * FROM {q(s.TABLES[kind])} ORDER BY ord, id"):
                obj = s.object_from_row(kind, row)
                getattr(canvases[row["canvas"]], m.COLLECTIONS[kind]).append(obj)
                self._ord[obj.id] = row["ord"]
                if kind == "curve":
                    curves[obj.id] = obj
        for row in conn.execute(f"SELECT curve, factor, level FROM {q(s.LEVELS_TABLE)}"):
            curves[row["curve"]].levels[row["factor"]] = _number(row["level"])
        for canvas in canvases.values():  # levels in factor order, as the format lists them
            order = {f.id: i for i, f in enumerate(canvas.factors)}
            for curve in canvas.curves:
                curve.levels = dict(sorted(curve.levels.items(), key=lambda kv: order.get(kv[0], 0)))
        positions = conn.execute(f"SELECT diagram, node, x, y FROM {q(s.POSITIONS_TABLE)} ORDER BY rowid")
        for row in positions:
            w.layouts.setdefault(row["diagram"], {})[row["node"]] = (row["x"], row["y"])
        w.extra = json.loads(self.meta("extra") or "{}")
        w.layouts_extra = json.loads(self.meta("layouts_extra") or "{}")
        return w

    # ----------------------------------------------------------------- write
    def write_all(self, doc: Document) -> None:
        """Replace every row with the document's content (a new file, an import), in one transaction."""
        conn = self.conn
        problem = count_problem(doc.model)
        if problem:
            raise TooLarge(problem)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in (*s.TABLES.values(), s.WORKSHOP_TABLE, s.LEVELS_TABLE, s.POSITIONS_TABLE):
                conn.execute(f"DELETE FROM {q(table)}")
            self._ord.clear()
            self._write_workshop(doc.model.info)
            for kind in m.TOP_KINDS:
                for i, obj in enumerate(doc.model.collection(kind)):
                    self._insert_row(kind, obj, float(i), None)
            for diagram, positions in doc.model.layouts.items():
                conn.executemany(
                    f"INSERT INTO {q(s.POSITIONS_TABLE)} (diagram, node, x, y) VALUES (?, ?, ?, ?)",
                    [(diagram, node, x, y) for node, (x, y) in positions.items()],
                )
            self.set_meta("extra", json.dumps(doc.model.extra, ensure_ascii=False))
            self.set_meta("layouts_extra", json.dumps(doc.model.layouts_extra, ensure_ascii=False))
            conn.execute("COMMIT")
        except BaseException as error:
            _rollback(conn)
            refusal = _too_big(error)
            if refusal is not None:
                raise refusal from None
            raise

    @contextlib.contextmanager
    def change(self) -> Iterator[None]:
        """One transaction that counts as a change to the file (the edit count grows by one), or changes nothing.

        Every write of the workshop's content (an edit, a snapshot saved, renamed or deleted) goes through here.
        """
        conn = self.conn
        saved_count = self.edit_count
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.edit_count += 1
            self.set_meta("edit_count", str(self.edit_count))
            conn.execute("COMMIT")
        except BaseException as error:
            self.edit_count = saved_count
            _rollback(conn)
            refusal = _too_big(error)
            if refusal is not None:
                raise refusal from None
            raise

    def commit(self, doc: Document, applied: list[Leaf]) -> None:
        """Write the rows `applied` touched, and count the edit, in one transaction."""
        self._ord_log = []
        try:
            with self.change():
                touched: list[str] = []
                self._planned = self._plan_ords(doc, applied)
                for leaf in applied:
                    self._write_leaf(doc, leaf, touched)
                self._keep_order(doc, touched)
                if any(isinstance(leaf, (Insert, SetLevel, SetPosition)) for leaf in applied):
                    problem = count_problem(doc.model)
                    if problem:
                        raise TooLarge(problem)
        except BaseException:
            for obj_id, old in reversed(self._ord_log):
                if old is None:
                    self._ord.pop(obj_id, None)
                else:
                    self._ord[obj_id] = old
            raise
        finally:
            self._ord_log = None
            self._planned = {}

    # ------------------------------------------------------------- snapshots
    def snapshots(self) -> list[Snapshot]:
        """Every snapshot of the file, oldest first."""
        rows = self.conn.execute(f"SELECT id, name, created FROM {q(s.SNAPSHOTS_TABLE)} ORDER BY created, rowid")
        return [Snapshot(*row) for row in rows]

    def snapshot(self, snapshot_id: str) -> Snapshot:
        """The snapshot with id `snapshot_id` (KeyError when there is none)."""
        row = self.conn.execute(f"SELECT id, name, created FROM {q(s.SNAPSHOTS_TABLE)} WHERE id = ?",
                                (snapshot_id,)).fetchone()
        if row is None:
            raise KeyError(snapshot_id)
        return Snapshot(*row)

    def save_snapshot(self, name: str, workshop: m.Workshop) -> Snapshot:
        """Keep `workshop` as it is now under `name`, committed at once (the file counts as modified)."""
        from app.jsonio import dumps

        snapshot = Snapshot(str(uuid.uuid4()), name, time.strftime("%Y-%m-%d %H:%M:%S"))
        with self.change():
            self.conn.execute(f"INSERT INTO {q(s.SNAPSHOTS_TABLE)} (id, name, created, content) VALUES (?, ?, ?, ?)",
                              (snapshot.id, snapshot.name, snapshot.created, dumps(workshop)))
        return snapshot

    def rename_snapshot(self, snapshot_id: str, name: str) -> Snapshot:
        """Give the snapshot another name, committed at once (the file counts as modified); KeyError if unknown."""
        with self.change():
            cursor = self.conn.execute(f"UPDATE {q(s.SNAPSHOTS_TABLE)} SET name = ? WHERE id = ?", (name, snapshot_id))
            if cursor.rowcount == 0:
                raise KeyError(snapshot_id)
        return self.snapshot(snapshot_id)

    def delete_snapshot(self, snapshot_id: str) -> None:
        """Remove the snapshot from the file, committed at once (the file counts as modified); KeyError if unknown."""
        with self.change():
            cursor = self.conn.execute(f"DELETE FROM {q(s.SNAPSHOTS_TABLE)} WHERE id = ?", (snapshot_id,))
            if cursor.rowcount == 0:
                raise KeyError(snapshot_id)

    def load_snapshot(self, snapshot_id: str) -> m.Workshop:
        """The workshop as it was when the snapshot was taken (a separate model: read-only for the app)."""
        from app.jsonio import loads

        row = self.conn.execute(f"SELECT content FROM {q(s.SNAPSHOTS_TABLE)} WHERE id = ?",
                                (snapshot_id,)).fetchone()
        if row is None:
            raise KeyError(snapshot_id)
        return loads(row[0])

    def restore_snapshot(self, document: Document, snapshot_id: str, label: str = "Restore snapshot") -> Batch:
        """The one edit that turns `document` into the snapshot (apply it through the document, or an undo stack:
        it is committed, and counted as a change to the file, like every edit); KeyError if unknown."""
        from app.snapshots import restore_edit

        return restore_edit(document, self.load_snapshot(snapshot_id), label)

    def _write_leaf(self, doc: Document, leaf: Leaf, touched: list[str]) -> None:
        conn = self.conn
        if isinstance(leaf, Insert):
            if doc.find(leaf.id) is not None:
                self._insert_row(leaf.kind, doc.get(leaf.id), self._planned_ord(doc, leaf.id), leaf.parent)
                touched.append(leaf.id)
        elif isinstance(leaf, Delete):
            self._delete_row(leaf.kind, leaf.obj)
        elif isinstance(leaf, (Update, Move)) and leaf.kind != "workshop" and doc.find(leaf.id) is None:
            return  # deleted later in the same edit
        elif isinstance(leaf, Update):
            if leaf.kind == "workshop":
                self._write_workshop(doc.model.info)
            else:
                names = list(leaf.changes)
                sets = ", ".join(f"{q(n)} = ?" for n in names)
                obj = doc.get(leaf.id)
                conn.execute(
                    f"UPDATE {q(s.TABLES[leaf.kind])} SET {sets} WHERE id = ?",
                    [s.to_cell(n, getattr(obj, n)) for n in names] + [leaf.id],
                )
        elif isinstance(leaf, Move):
            touched.append(leaf.id)
            self._set_ord(leaf.id, self._planned_ord(doc, leaf.id))
            conn.execute(f"UPDATE {q(s.TABLES[leaf.kind])} SET ord = ? WHERE id = ?", (self._ord[leaf.id], leaf.id))
        elif isinstance(leaf, SetLevel):
            if leaf.new is None:
                conn.execute(f"DELETE FROM {q(s.LEVELS_TABLE)} WHERE curve = ? AND factor = ?",
                             (leaf.curve, leaf.factor))
            else:
                conn.execute(
                    f"INSERT INTO {q(s.LEVELS_TABLE)} (curve, factor, level) VALUES (?, ?, ?) "
                    "ON CONFLICT(curve, factor) DO UPDATE SET level = excluded.level",
                    (leaf.curve, leaf.factor, leaf.new),
                )
        elif isinstance(leaf, SetPosition):
            if leaf.new is None:
                conn.execute(f"DELETE FROM {q(s.POSITIONS_TABLE)} WHERE diagram = ? AND node = ?",
                             (leaf.diagram, leaf.node))
            else:
                conn.execute(
                    f"INSERT INTO {q(s.POSITIONS_TABLE)} (diagram, node, x, y) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT(diagram, node) DO UPDATE SET x = excluded.x, y = excluded.y",
                    (leaf.diagram, leaf.node, leaf.new[0], leaf.new[1]),
                )

    def _write_workshop(self, info: m.WorkshopInfo) -> None:
        names = m.field_names("workshop")
        cols = ", ".join(q(n) for n in names)
        marks = ", ".join("?" for _ in names)
        self.conn.execute(
            f"INSERT OR REPLACE INTO {q(s.WORKSHOP_TABLE)} (id, {cols}) VALUES (1, {marks})",
            [s.to_cell(n, getattr(info, n)) for n in names],
        )

    def _insert_row(self, kind: str, obj: Any, ord_: float, parent: str | None) -> None:
        row = s.object_row(kind, obj, ord_, parent)
        self._set_ord(obj.id, ord_)
        cols = ", ".join(q(c) for c in row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO {q(s.TABLES[kind])} ({cols}) VALUES ({marks})", list(row.values()))
        if kind == "canvas":
            for i, factor in enumerate(obj.factors):
                self._insert_row("factor", factor, float(i), obj.id)
            for i, curve in enumerate(obj.curves):
                self._insert_row("curve", curve, float(i), obj.id)
        if kind == "curve":
            self.conn.executemany(
                f"INSERT INTO {q(s.LEVELS_TABLE)} (curve, factor, level) VALUES (?, ?, ?)",
                [(obj.id, f, v) for f, v in obj.levels.items()],
            )

    def _delete_row(self, kind: str, obj: Any) -> None:
        self.conn.execute(f"DELETE FROM {q(s.TABLES[kind])} WHERE id = ?", (obj.id,))
        self._set_ord(obj.id, None)
        if kind == "canvas":
            for child_kind, children in (("factor", obj.factors), ("curve", obj.curves)):
                for child in children:
                    self._delete_row(child_kind, child)
        if kind == "curve":
            self.conn.execute(f"DELETE FROM {q(s.LEVELS_TABLE)} WHERE curve = ?", (obj.id,))

    # ----------------------------------------------------------------- order
    def _set_ord(self, obj_id: str, value: float | None) -> None:
        """Change the remembered `ord` of an object (None forgets it), logged so a failed commit can revert."""
        if self._ord_log is not None:
            self._ord_log.append((obj_id, self._ord.get(obj_id)))
        if value is None:
            self._ord.pop(obj_id, None)
        else:
            self._ord[obj_id] = value

    def _planned_ord(self, doc: Document, obj_id: str) -> float:
        """The `ord` planned for `obj_id` by `_plan_ords` (else found among its neighbours)."""
        planned = self._planned.get(obj_id)
        return self._ord_for(doc, obj_id) if planned is None else planned

    def _plan_ords(self, doc: Document, applied: list[Leaf]) -> dict[str, float]:
        """The `ord` of every object an edit inserts or moves, found in one pass over each list it changes.

        A run of such objects between two neighbours that keep their `ord` is spread evenly between them (after
        the last one, `_GAP` apart), so a batch of many inserts costs one walk of the list, not one per insert.
        """
        moving = {leaf.id for leaf in applied if isinstance(leaf, (Insert, Move)) and doc.find(leaf.id) is not None}
        lists = {(doc.kind_of(obj_id), doc.parent_of(obj_id)) for obj_id in moving}
        planned: dict[str, float] = {}
        for kind, parent in lists:
            if kind is None:
                continue
            in_list: dict[str, float] = {}
            run: list[str] = []
            before: float | None = None
            for item in doc.siblings(kind, parent):
                if item.id in moving:
                    run.append(item.id)
                elif item.id in self._ord:
                    in_list.update(_spread(run, before, self._ord[item.id]))
                    run, before = [], self._ord[item.id]
                else:  # a sibling written later in this commit (a new canvas's factors): placed one by one
                    break
            else:
                in_list.update(_spread(run, before, None))
                planned.update(in_list)
        return planned

    def _ord_for(self, doc: Document, obj_id: str) -> float:
        """An `ord` that puts `obj_id` between its neighbours in the document's list."""
        kind, parent = doc.kind_of(obj_id), doc.parent_of(obj_id)
        if kind is None:
            raise KeyError(obj_id)
        items = doc.siblings(kind, parent)
        i = doc.index_of(obj_id)
        before = next((self._ord[x.id] for x in reversed(items[:i]) if x.id in self._ord and x.id != obj_id), None)
        after = next((self._ord[x.id] for x in items[i + 1:] if x.id in self._ord and x.id != obj_id), None)
        if before is None:
            return 0.0 if after is None else after - _GAP
        if after is None:
            return before + _GAP
        return (before + after) / 2

    def _keep_order(self, doc: Document, touched: list[str]) -> None:
        """Renumber a list whose order the fractional `ord`s no longer keep (rare: many inserts in one gap)."""
        lists_done: set[tuple[str, str | None]] = set()
        positions: dict[tuple[str, str | None], dict[str, int]] = {}
        for obj_id in touched:
            kind = doc.kind_of(obj_id)
            if kind is None:  # deleted by the edit
                continue
            parent = doc.parent_of(obj_id)
            if (kind, parent) in lists_done:
                continue
            items = doc.siblings(kind, parent)
            if (kind, parent) not in positions:  # one index per list: a batch of 100k inserts stays linear
                positions[kind, parent] = {item.id: n for n, item in enumerate(items)}
            i = positions[kind, parent][obj_id]
            mine = self._ord[obj_id]
            ok = (i == 0 or mine - self._ord[items[i - 1].id] > _TIGHT) and (
                i == len(items) - 1 or self._ord[items[i + 1].id] - mine > _TIGHT
            )
            if not ok:
                lists_done.add((kind, parent))
                rows = [(float(n) * _GAP, item.id) for n, item in enumerate(items)]
                self.conn.executemany(f"UPDATE {q(s.TABLES[kind])} SET ord = ? WHERE id = ?", rows)
                for o, item_id in rows:
                    self._set_ord(item_id, o)


def _spread(run: list[str], before: float | None, after: float | None) -> dict[str, float]:
    """`ord`s for the ids of `run` in order between `before` and `after` (either may be None: an end of the list)."""
    if not run:
        return {}
    if before is None and after is None:
        return {obj_id: n * _GAP for n, obj_id in enumerate(run)}
    if before is None:
        assert after is not None
        return {obj_id: after - (len(run) - n) * _GAP for n, obj_id in enumerate(run)}
    if after is None:
        return {obj_id: before + (n + 1) * _GAP for n, obj_id in enumerate(run)}
    step = (after - before) / (len(run) + 1)
    return {obj_id: before + (n + 1) * step for n, obj_id in enumerate(run)}


def _number(value: float) -> float:
    """Levels read back as ints where they are whole, as the user typed them."""
    return int(value) if float(value).is_integer() else value
