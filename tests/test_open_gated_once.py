"""Opening a workshop file checks it at the gate once, and again only when the file changed meanwhile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import workfile
from app.gate import FileRefused
from app.jsonio import read_json_file
from app.resources import sample_path
from app.workfile import WorkFile, find_recoverable, write_workshop_file


def test_a_file_replaced_while_its_lock_is_taken_is_checked_again(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.clientocracy"
    write_workshop_file(path, read_json_file(sample_path()))
    take_lock = workfile._lock_if_possible

    def replaced_meanwhile(*args: object, **kwargs: object) -> object:
        hostile = tmp_path / "hostile.clientocracy"
        hostile.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
        os.replace(hostile, path)  # what another program's save does
        return take_lock(*args, **kwargs)

    monkeypatch.setattr(workfile, "_lock_if_possible", replaced_meanwhile)
    with pytest.raises(FileRefused, match="damaged|not a workshop|Clientocracy"):
        WorkFile.open(path)
    assert not find_recoverable()  # nothing left behind


def test_an_unchanged_file_passes_the_gate_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.clientocracy"
    write_workshop_file(path, read_json_file(sample_path()))
    gated: list[Path] = []
    gate = workfile.GatedFile

    def counted(p: Path) -> workfile.GatedFile:
        gated.append(p)
        return gate(p)

    monkeypatch.setattr(workfile, "GatedFile", counted)
    work = WorkFile.open(path)
    try:
        assert gated == [path]
        assert len(work.document.model.promises) == len(read_json_file(sample_path()).promises)
    finally:
        work.close()
