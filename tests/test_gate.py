"""Files from elsewhere: foreign, damaged, truncated, random, hostile or newer files are refused, untouched."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
from pathlib import Path
from typing import Callable

import pytest

from app.jsonio import read_json_file
from app.resources import sample_path
from app.workfile import WorkFile, working_dir, write_workshop_file
from cli.main import main


def _good(path: Path) -> Path:
    write_workshop_file(path, read_json_file(sample_path()))
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def random_bytes(p: Path) -> None:
    p.write_bytes(random.Random(1).randbytes(64 * 1024))


def empty(p: Path) -> None:
    p.write_bytes(b"")


def text(p: Path) -> None:
    p.write_text("Это не воркшоп, а заметки.\n" * 100, encoding="utf-8")


def foreign_sqlite(p: Path) -> None:
    _sql(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('x')")


def newer_version(p: Path) -> None:
    _good(p)
    _sql(p, "PRAGMA user_version = 99")


def truncated(p: Path) -> None:
    data = _good(p).read_bytes()
    p.write_bytes(data[: len(data) // 2 + 100])


def truncated_at_page(p: Path) -> None:
    data = _good(p).read_bytes()
    p.write_bytes(data[: (len(data) // 2) // 4096 * 4096])


def damaged_pages(p: Path) -> None:
    data = bytearray(_good(p).read_bytes())
    for offset in range(4096 * 2, len(data) - 4096, 4096):
        data[offset: offset + 64] = b"\xff" * 64  # b-tree page headers smashed
    p.write_bytes(bytes(data))


def with_view(p: Path) -> None:
    _good(p)
    _sql(p, "CREATE VIEW sneaky AS SELECT * FROM teams")


def with_trigger(p: Path) -> None:
    _good(p)
    _sql(p, "CREATE TRIGGER t AFTER INSERT ON teams BEGIN DELETE FROM promises; END")


def with_extra_table(p: Path) -> None:
    _good(p)
    _sql(p, "CREATE TABLE payload (x BLOB)")


def with_huge_blob(p: Path) -> None:
    _good(p)
    conn = sqlite3.connect(p)
    conn.execute("UPDATE teams SET notes = ? WHERE rowid = 1", (b"\x00" * (40 << 20),))
    conn.commit()
    conn.close()


def with_dangling_reference(p: Path) -> None:
    _good(p)
    _sql(p, "UPDATE promises SET \"to\" = 'team-nowhere'")


def with_wrong_type(p: Path) -> None:
    _good(p)
    _sql(p, "UPDATE teams SET name = x'00ff'")


def with_bad_json_cell(p: Path) -> None:
    _good(p)
    _sql(p, "UPDATE teams SET members = '{not json'")


def wal_mode(p: Path) -> None:
    _good(p)
    _sql(p, "PRAGMA journal_mode = WAL")


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "random": (random_bytes, "not a Clientocracy workshop"),
    "empty": (empty, "not a Clientocracy workshop"),
    "text": (text, "not a Clientocracy workshop"),
    "foreign": (foreign_sqlite, "another application"),
    "newer": (newer_version, "newer version"),
    "truncated": (truncated, "truncated"),
    "truncated-at-page": (truncated_at_page, "damaged"),
    "damaged": (damaged_pages, "damaged"),
    "view": (with_view, "view"),
    "trigger": (with_trigger, "trigger"),
    "extra-table": (with_extra_table, "unexpected table"),
    "huge-blob": (with_huge_blob, "too large"),
    "dangling": (with_dangling_reference, 'no team or segment with id "team-nowhere"'),
    "wrong-type": (with_wrong_type, "teams[0].name"),
    "bad-json-cell": (with_bad_json_cell, "damaged"),
    "wal": (wal_mode, "write-ahead log"),
}


def _digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_file_gets_a_message_and_stays_untouched(case: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    make, reason = CASES[case]
    path = tmp_path / f"{case}.clientocracy"
    make(path)
    before = _digest(path)
    siblings_before = sorted(os.listdir(tmp_path))
    status = main(["check", str(path)])
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert len(err.splitlines()) == 1, err
    assert str(path) in err and reason in err, err
    assert "Traceback" not in err
    assert _digest(path) == before, "a refused file must be left byte for byte as it was"
    assert sorted(os.listdir(tmp_path)) == siblings_before, "nothing written beside it"
    with pytest.raises(Exception) as opened:
        WorkFile.open(path)
    assert reason in str(opened.value)
    assert list(working_dir().iterdir()) == [], "a refused file leaves no working copy behind"


def test_good_file_passes_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _good(tmp_path / "good.clientocracy")
    assert main(["check", str(path), "--json"]) == 0
    assert capsys.readouterr().err == ""


def test_slow_hostile_file_hits_the_time_limit(tmp_path: Path) -> None:
    from app.gate import FileRefused, GatedFile

    path = _good(tmp_path / "slow.clientocracy")
    with pytest.raises(FileRefused, match="took too long"):
        GatedFile(path, time_limit=-1)
