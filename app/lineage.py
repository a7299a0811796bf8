"""Lineage of a workshop file: its workshop id, the ids of its saved states, and the state a copy was split from.

Kept in the file's meta table (no schema change): `lineage` holds `{"workshop": id, "revisions": [ids, oldest
first], "copied_from": id or null}`; `base:<revision id>` holds the workshop as it was at a split (its interchange
JSON), in the copy given away and in the file it came from, so that two copies find the state both started from
without being told. A `.json` interchange file carries no lineage: merging it needs the base named.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app import model as m
from app import schema as s
from app.gate import FileRefused, GatedFile
from app.store import SqliteStore

LINEAGE_KEY = "lineage"
BASE_PREFIX = "base:"
MAX_REVISIONS = 200  # saved states remembered: enough to find any split of a working season
MAX_BASES = 4  # states kept for merging: the latest splits


@dataclass(frozen=True)
class Lineage:
    """Where a workshop file comes from: its workshop id, its saved states, its split, and the kept bases."""

    workshop_id: str | None = None
    revisions: tuple[str, ...] = ()
    copied_from: str | None = None
    bases: dict[str, str] = field(default_factory=dict)  # revision id -> interchange JSON of that state

    def to_meta(self) -> dict[str, str]:
        """The meta rows that record this lineage."""
        rows = {LINEAGE_KEY: json.dumps({"workshop": self.workshop_id, "revisions": list(self.revisions),
                                         "copied_from": self.copied_from})}
        rows.update({BASE_PREFIX + rev: content for rev, content in self.bases.items()})
        return rows


def new_revision() -> str:
    """A fresh revision id."""
    return uuid.uuid4().hex


def from_meta(meta: dict[str, str]) -> Lineage:
    """The lineage recorded in a file's meta rows (an empty one when none is, or it is unreadable)."""
    bases = {key[len(BASE_PREFIX):]: value for key, value in meta.items()
             if key.startswith(BASE_PREFIX) and isinstance(value, str)}
    try:
        data = json.loads(meta.get(LINEAGE_KEY) or "{}")
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    workshop_id = data.get("workshop") if isinstance(data.get("workshop"), str) else None
    revisions = tuple(r for r in data.get("revisions") or () if isinstance(r, str)) \
        if isinstance(data.get("revisions"), list) else ()
    copied_from = data.get("copied_from") if isinstance(data.get("copied_from"), str) else None
    return Lineage(workshop_id, revisions, copied_from, bases)


def store_meta(store: SqliteStore) -> dict[str, str]:
    """Every meta row of a store."""
    return {row[0]: row[1] for row in store.conn.execute(f"SELECT key, value FROM {s.q(s.META_TABLE)}")}


def of_store(store: SqliteStore) -> Lineage:
    """The lineage of an open workshop."""
    return from_meta(store_meta(store))


def write(store: SqliteStore, lineage: Lineage) -> None:
    """Record `lineage` in the store (bases it no longer keeps are removed); not an edit: the content is the same."""
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"DELETE FROM {s.q(s.META_TABLE)} WHERE key LIKE ?", (BASE_PREFIX + "%",))
        for key, value in lineage.to_meta().items():
            store.set_meta(key, value)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _trimmed(lineage: Lineage) -> Lineage:
    revisions = lineage.revisions[-MAX_REVISIONS:]
    kept = [rev for rev in revisions if rev in lineage.bases][-MAX_BASES:]
    return Lineage(lineage.workshop_id, revisions, lineage.copied_from, {r: lineage.bases[r] for r in kept})


def record_save(store: SqliteStore) -> str:
    """Give the state being saved a revision id (and the workshop an id, the first time); returns the id."""
    lineage = of_store(store)
    revision = new_revision()
    write(store, _trimmed(Lineage(lineage.workshop_id or new_revision(), (*lineage.revisions, revision),
                                  lineage.copied_from, lineage.bases)))
    return revision


def share_copy(store: SqliteStore, workshop: m.Workshop, path: str | os.PathLike[str]) -> None:
    """Write a copy of the open workshop to `path` for a colleague, recording the split in both: the copy and the
    open workshop share the workshop id and history, and both keep this state as the base of a later merge."""
    from app.jsonio import dumps
    from app.workfile import write_workshop_file

    lineage = of_store(store)
    revision = new_revision()
    content = dumps(workshop)
    mine = _trimmed(Lineage(lineage.workshop_id or new_revision(), (*lineage.revisions, revision),
                            lineage.copied_from, {**lineage.bases, revision: content}))
    copy = _trimmed(Lineage(mine.workshop_id, mine.revisions, revision, {revision: content}))
    write_workshop_file(path, workshop, meta=copy.to_meta())
    write(store, mine)


def _joined(mine: Lineage, theirs: Lineage, theirs_state: m.Workshop) -> Lineage:
    """Mine's lineage after merging theirs in: their history joins mine, and their last saved state is kept as the
    base of the next merge with them (both copies know it, and both have its changes)."""
    from app.jsonio import dumps

    seen = set(mine.revisions)
    revisions = (*mine.revisions, *(r for r in theirs.revisions if r not in seen), new_revision())
    bases = {**theirs.bases, **mine.bases}
    if theirs.revisions:
        bases[theirs.revisions[-1]] = dumps(theirs_state)
    return _trimmed(Lineage(mine.workshop_id or theirs.workshop_id or new_revision(), revisions, mine.copied_from,
                            bases))


def record_merge(store: SqliteStore, theirs: Lineage, theirs_state: m.Workshop) -> None:
    """Record in the open workshop that the copy `theirs_state` (with lineage `theirs`) was merged in."""
    write(store, _joined(of_store(store), theirs, theirs_state))


def merged_meta(mine: Lineage, theirs: Lineage, theirs_state: m.Workshop) -> dict[str, str]:
    """The meta rows of a file made by merging two copies (the command line's output)."""
    return _joined(mine, theirs, theirs_state).to_meta()


def common_base(mine: Lineage, theirs: Lineage) -> m.Workshop | None:
    """The state both copies started from, when their lineage records it (the latest split both know), or None."""
    from app.jsonio import loads

    if mine.workshop_id is None or mine.workshop_id != theirs.workshop_id:
        return None
    shared = set(mine.revisions) & set(theirs.revisions)
    candidates = [rev for rev in (*mine.revisions, *theirs.revisions) if rev in shared]
    for split in (theirs.copied_from, mine.copied_from):  # a copy's split counts even if its origin never saved
        if split is not None:
            candidates.append(split)
    bases = {**mine.bases, **theirs.bases}
    order = {rev: n for n, rev in enumerate((*mine.revisions, *theirs.revisions))}
    for rev in sorted(set(candidates), key=lambda r: order.get(r, -1), reverse=True):
        if rev in bases:
            return loads(bases[rev])
    return None


def read_copy(path: str | os.PathLike[str]) -> tuple[m.Workshop, Lineage]:
    """Read a workshop (`.clientocracy` through the gate, or `.json`) and its lineage, without opening it."""
    from app.workfile import load_checked, load_rows_into, read_workshop

    path = Path(path)
    if path.suffix.lower() == ".json":
        return read_workshop(path), Lineage()
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    try:
        with GatedFile(path) as gated:
            load_rows_into(gated, conn)
        store = SqliteStore(conn)
        workshop = load_checked(store, path)
        try:
            return workshop, of_store(store)
        except sqlite3.Error as e:
            raise FileRefused(path, f"damaged (unreadable meta: {e})") from None
    finally:
        conn.close()
