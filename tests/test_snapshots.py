"""Snapshots: kept inside the file, survive reopen, restore exactly the saved state as one undoable edit."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app import schema
from app.document import Document
from app.generate import small_workshop
from app.history import History
from app.jsonio import dumps, read_json_file, workshop_to_json
from app.resources import sample_path
from app.snapshots import (
    Snapshot,
    delete_snapshot,
    list_snapshots,
    load_snapshot,
    rename_snapshot,
    restore_edit,
    save_snapshot,
)
from app.workfile import WorkFile, read_workshop


def test_snapshot_survives_reopen_and_restores_exactly(tmp_path: Path) -> None:
    path = tmp_path / "w.clientocracy"
    work = WorkFile.new(read_json_file(sample_path()), path)
    before = dumps(work.document.model)
    snap = save_snapshot(work.store, "как есть — согласовано", work.document.model)
    assert work.modified, "a new snapshot is a change to the file"
    doc = work.document
    history = History(doc)
    history.push(c.delete(doc, "team-031"))
    history.push(c.set_level(doc, "crv-021", "fac-012", 5))
    history.push(c.move(doc, "seg-005", 0))
    history.push(c.insert(doc, m.Team("t-new", "Новая команда", kind="service")))
    history.push(c.update(doc, "", evolutionary_goal="Другая цель"))
    work.save()
    work.close()

    reopened = WorkFile.open(path)
    (listed,) = list_snapshots(reopened.store)
    assert listed == snap
    assert dumps(load_snapshot(reopened.store, snap.id)) == before
    after_edits = dumps(reopened.document.model)
    history = History(reopened.document)
    history.push(restore_edit(reopened.document, load_snapshot(reopened.store, snap.id)))
    assert dumps(reopened.document.model) == before, "restoring brings back exactly the saved state"
    history.undo()
    assert dumps(reopened.document.model) == after_edits, "one undo returns to the state before restoring"
    reopened.close()


@settings(max_examples=25, deadline=None)
@given(a=st.integers(0, 500), b=st.integers(0, 500))
def test_restore_turns_any_workshop_into_any_other(a: int, b: int) -> None:
    start, target = small_workshop(a), small_workshop(b)
    random.Random(a).shuffle(target.teams)
    doc = Document(start)
    doc.apply(restore_edit(doc, target))
    target.extra = dict(start.extra)  # top-level x- keys belong to outside tools; the app never edits them
    assert workshop_to_json(doc.model) == workshop_to_json(target)  # layouts' key order carries no meaning


def test_a_version_1_file_opens_and_gains_snapshots(tmp_path: Path) -> None:
    path = tmp_path / "old.clientocracy"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.create_schema(conn, stop_before="m002_snapshots")
    conn.execute("INSERT INTO workshop (id, title, organization, facilitator, date, language, evolutionary_goal, "
                 "goal_rationale, notes, extra) VALUES (1, 'Старый', '', '', '', 'ru', '', '', '', '{}')")
    conn.close()
    assert read_workshop(path).info.title == "Старый"
    work = WorkFile.open(path)
    save_snapshot(work.store, "первый", work.document.model)
    work.save()
    work.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    reopened = WorkFile.open(path)
    assert [s.name for s in list_snapshots(reopened.store)] == ["первый"]
    reopened.close()


def test_delete_and_rename_are_changes_to_the_file_and_survive_reopen(tmp_path: Path) -> None:
    path = tmp_path / "w.clientocracy"
    work = WorkFile.new(read_json_file(sample_path()), path)
    first = save_snapshot(work.store, "как есть", work.document.model)
    second = save_snapshot(work.store, "черновик 🙂", work.document.model)
    work.save()
    assert not work.modified
    renamed = rename_snapshot(work.store, first.id, "как есть — согласовано с советом")
    assert renamed == Snapshot(first.id, "как есть — согласовано с советом", first.created)
    assert work.modified, "a renamed snapshot is a change to the file"
    work.save()
    delete_snapshot(work.store, second.id)
    assert work.modified, "a deleted snapshot is a change to the file"
    work.save()
    work.close()

    reopened = WorkFile.open(path)
    assert not reopened.modified
    assert list_snapshots(reopened.store) == [renamed]
    with pytest.raises(KeyError):
        load_snapshot(reopened.store, second.id)
    reopened.close()


def test_an_unknown_snapshot_raises_key_error_and_changes_nothing(tmp_path: Path) -> None:
    work = WorkFile.new(read_json_file(sample_path()), tmp_path / "w.clientocracy")
    snap = save_snapshot(work.store, "как есть", work.document.model)
    work.save()
    count = work.store.edit_count
    with pytest.raises(KeyError):
        delete_snapshot(work.store, "no-such-snapshot")
    with pytest.raises(KeyError):
        rename_snapshot(work.store, "no-such-snapshot", "другое")
    assert not work.modified and work.store.edit_count == count and work.store.meta("edit_count") == str(count)
    assert list_snapshots(work.store) == [snap]
    work.close()
