"""Snapshots are operations of the store: one transaction each, counted as a change to the file, no SQL elsewhere."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from app import changes as c
from app.jsonio import dumps, read_json_file
from app.resources import sample_path
from app.workfile import WorkFile

ROOT = Path(__file__).resolve().parent.parent


def test_each_snapshot_operation_is_one_change_to_the_file(tmp_path: Path) -> None:
    work = WorkFile.new(read_json_file(sample_path()), tmp_path / "w.clientocracy")
    store = work.store
    before = dumps(work.document.model)
    work.save()
    counts = [store.edit_count]
    snap = store.save_snapshot("как есть", work.document.model)
    counts.append(store.edit_count)
    store.rename_snapshot(snap.id, "как есть — согласовано")
    counts.append(store.edit_count)
    work.document.apply(c.update(work.document, "", evolutionary_goal="Другая цель"))
    counts.append(store.edit_count)
    work.document.apply(store.restore_snapshot(work.document, snap.id))
    counts.append(store.edit_count)
    store.delete_snapshot(snap.id)
    counts.append(store.edit_count)
    assert counts == list(range(counts[0], counts[0] + 6)), "every operation counts once, through one code path"
    assert work.modified and store.meta("edit_count") == str(store.edit_count)
    assert dumps(work.document.model) == before and store.snapshots() == []
    work.close()


def test_a_failed_snapshot_operation_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = WorkFile.new(read_json_file(sample_path()), tmp_path / "w.clientocracy")
    store = work.store
    work.save()
    count, stored = store.edit_count, store.meta("edit_count")
    import app.jsonio

    def broken(_workshop: object) -> str:
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(app.jsonio, "dumps", broken)
    with pytest.raises(sqlite3.OperationalError):
        store.save_snapshot("не сохранится", work.document.model)
    assert store.edit_count == count and store.meta("edit_count") == stored and not work.modified
    assert store.snapshots() == [] and not store.conn.in_transaction
    work.close()


def test_no_sql_on_snapshots_outside_the_store() -> None:
    allowed = {ROOT / "app" / "store.py", ROOT / "app" / "schema.py"}
    pattern = re.compile(r"SNAPSHOTS_TABLE|\b(INSERT INTO|UPDATE|DELETE FROM|SELECT)\b[^\n]*snapshots", re.I)
    found = [f"{p.relative_to(ROOT)}:{n}" for folder in ("app", "widgets", "exports", "cli")
             for p in (ROOT / folder).rglob("*.py") if p not in allowed
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []
