"""Workshop files in use: save and reopen, the modified state, locks between instances, recovery."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app.history import History
from app.jsonio import read_json_file, workshop_to_json
from app.resources import sample_path
from app.workfile import FileLocked, WorkFile, find_recoverable, read_workshop, write_workshop_file


@pytest.fixture
def sample() -> m.Workshop:
    return read_json_file(sample_path())


def test_reopen_equals_what_was_saved(tmp_path: Path, sample: m.Workshop) -> None:
    work = WorkFile.new(sample, tmp_path / "s.clientocracy")
    doc = work.document
    history = History(doc)
    history.push(c.update(doc, "team-025", name="Магазин на Лесной 🛒", members=("Мария", "Пётр")))
    history.push(c.set_level(doc, "crv-021", "fac-012", 1.5))
    history.push(c.move(doc, "fac-019", 0))
    history.push(c.set_position(doc, "structure", "seg-004", (120.5, -40.0)))
    history.push(c.delete(doc, "team-031"))
    work.save()
    expected = workshop_to_json(doc.model)
    work.close()
    assert workshop_to_json(read_workshop(tmp_path / "s.clientocracy")) == expected
    reopened = WorkFile.open(tmp_path / "s.clientocracy")
    assert workshop_to_json(reopened.document.model) == expected
    assert not reopened.modified
    reopened.close()


def test_modified_follows_edits_and_save(tmp_path: Path, sample: m.Workshop) -> None:
    work = WorkFile.new(sample)
    assert work.modified, "a workshop never saved counts as modified"
    work.save(tmp_path / "a.clientocracy")
    assert not work.modified and work.path == tmp_path / "a.clientocracy"
    work.document.apply(c.update(work.document, "", title="Другое"))
    assert work.modified
    work.save()
    assert not work.modified
    work.close()


def test_user_file_untouched_until_save(tmp_path: Path, sample: m.Workshop) -> None:
    path = tmp_path / "a.clientocracy"
    write_workshop_file(path, sample)
    before = path.read_bytes()
    work = WorkFile.open(path)
    work.document.apply(c.update(work.document, "", title="Изменено"))
    assert path.read_bytes() == before, "an edit must go to the working copy, not the user's file"
    work.save()
    assert read_workshop(path).info.title == "Изменено"
    work.close()


def test_second_instance_is_told_who_holds_the_file(tmp_path: Path, sample: m.Workshop) -> None:
    path = tmp_path / "a.clientocracy"
    write_workshop_file(path, sample)
    first = WorkFile.open(path)
    with pytest.raises(FileLocked) as refused:
        WorkFile.open(path)
    assert str(os.getpid()) in str(refused.value) and "already open by" in str(refused.value)
    first.close()
    WorkFile.open(path).close()  # free again once closed


def test_closed_workshops_leave_nothing_to_recover(tmp_path: Path, sample: m.Workshop) -> None:
    work = WorkFile.new(sample, tmp_path / "a.clientocracy")
    work.document.apply(c.update(work.document, "", title="x"))
    work.save()
    work.close()
    assert find_recoverable() == []


def test_unsaved_working_copy_is_offered_and_restored(tmp_path: Path, sample: m.Workshop) -> None:
    path = tmp_path / "a.clientocracy"
    work = WorkFile.new(sample, path)
    work.document.apply(c.update(work.document, "", title="После перерыва"))
    work.document.apply(c.set_level(work.document, "crv-021", "fac-014", 4))
    work._lock.release()  # what a crash leaves: the locks are no longer held
    work._file_lock.release()
    work.conn.close()
    (found,) = find_recoverable()
    assert found.origin == path.resolve() and found.unsaved_edits == 2 and found.title == "После перерыва"
    restored = WorkFile.restore(found)
    assert restored.document.model.info.title == "После перерыва" and restored.modified
    assert restored.path == path.resolve()
    restored.save()
    restored.close()
    assert read_workshop(path).info.title == "После перерыва"
    assert find_recoverable() == []


def test_save_failure_keeps_the_old_file(tmp_path: Path, sample: m.Workshop, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.clientocracy"
    work = WorkFile.new(sample, path)
    before = path.read_bytes()
    work.document.apply(c.update(work.document, "", title="new"))

    def broken_backup(self: sqlite3.Connection, *args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(work, "conn", _ConnProxy(work.conn, broken_backup))
    with pytest.raises(sqlite3.OperationalError):
        work.save()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.a.clientocracy#", "a.clientocracy"], \
        "no temporary file left behind, the file still locked while open"
    assert work.modified
    work.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.clientocracy"], "the lock goes with the close"


class _ConnProxy:
    """A connection whose backup fails, everything else passed through."""

    def __init__(self, conn: sqlite3.Connection, backup: object) -> None:
        self._conn, self._backup = conn, backup

    def backup(self, *args: object, **kwargs: object) -> None:
        self._backup(self._conn, *args, **kwargs)  # type: ignore[operator]

    def __getattr__(self, name: str) -> object:
        return getattr(self._conn, name)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), teams=st.integers(0, 30), promises=st.integers(0, 60))
def test_generated_workshops_survive_file_and_json(seed: int, teams: int, promises: int) -> None:
    import tempfile

    from app.generate import generate_workshop
    from app.jsonio import dumps, loads

    workshop = generate_workshop(teams=teams, promises=promises if teams else 0, links=teams, canvases=2,
                                 factors=7, curves=3, segments=3, seed=seed)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "g.clientocracy"
        write_workshop_file(path, workshop)
        text = dumps(workshop)
        assert dumps(read_workshop(path)) == text, "JSON -> file -> JSON changed the document"
        assert dumps(loads(text)) == text


def test_save_keeps_the_mode_writes_through_a_link_and_refuses_a_read_only_file(tmp_path: Path,
                                                                                sample: m.Workshop) -> None:
    from app.fsutil import TargetRefused

    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "a.clientocracy"
    write_workshop_file(real, sample)
    real.chmod(0o664)
    link = tmp_path / "a.clientocracy"
    link.symlink_to(real)
    work = WorkFile.open(link)
    try:
        work.document.apply(c.update(work.document, "", title="Через ссылку"))
        work.save()
        assert link.is_symlink(), "the link was replaced by a file"
        assert read_workshop(real).info.title == "Через ссылку"
        assert oct(real.stat().st_mode & 0o777) == oct(0o664)
        real.chmod(0o444)
        before = real.read_bytes()
        work.document.apply(c.update(work.document, "", title="Не записать"))
        with pytest.raises(TargetRefused, match="read-only") as refused:
            work.save()
        assert refused.value.filename == str(link), "the message names the user's file"
        assert real.read_bytes() == before
        assert work.modified, "the edit is still unsaved, safe in the working copy"
        assert sorted(p.name for p in synced.iterdir()) == [".~lock.a.clientocracy#", "a.clientocracy"], \
            "nothing left but the lock of the open file, beside the real file"
    finally:
        work.close()
    assert sorted(p.name for p in synced.iterdir()) == ["a.clientocracy"]
