"""The command line never writes a workshop it would then refuse, and refuses damage in one line (exit 2)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from app import limits
from app.resources import sample_path
from cli.main import main

SAMPLE = json.loads(sample_path().read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    status = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


def refused(capsys: pytest.CaptureFixture[str], named: Path, *args: object) -> str:
    """Run a command that must be refused: exit 2, one line naming `named`, no traceback; the line."""
    status, _, err = run(capsys, *args)
    assert status == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(named) in lines[0] and "Traceback" not in err
    return lines[0]


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def write_json(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    file = tmp_path / "w.clientocracy"
    assert run(capsys, "new", file, "--sample")[0] == 0
    return file


# ------------------------------------------------------------------------------ write-side limits
def test_import_of_a_string_over_the_value_limit_is_refused_before_anything_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(json.dumps(SAMPLE))
    document["promises"][2]["notes"] = "ж" * (limits.MAX_VALUE_BYTES // 2 + 10)  # 2 bytes each in UTF-8
    src = write_json(tmp_path / "big.json", document)
    before = files_in(tmp_path)
    line = refused(capsys, src, "import", src, tmp_path / "w.clientocracy")
    assert "promises[2]" in line and limits.VALUE_TOO_LARGE in line
    assert files_in(tmp_path) == before


def test_a_string_just_under_the_limit_imports_and_passes_the_gate(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(json.dumps(SAMPLE))
    document["promises"][2]["notes"] = "n" * (limits.MAX_VALUE_BYTES - 4096)
    src = write_json(tmp_path / "big.json", document)
    out = tmp_path / "w.clientocracy"
    assert run(capsys, "import", src, out)[0] == 0
    status, _, err = run(capsys, "check", out)
    assert status in (0, 1) and "too large" not in err


def test_the_row_limit_is_one_limit_for_the_gate_and_for_import(tmp_path: Path, workshop: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from app.integrity import count_problem, row_counts
    from app.workfile import read_workshop

    sample = read_workshop(sample_path())
    monkeypatch.setattr(limits, "MAX_ROWS_PER_TABLE", max(row_counts(sample).values()) - 1)
    reason = count_problem(sample)
    assert reason is not None and reason.startswith("too large (table ")
    gate_line = refused(capsys, workshop, "check", workshop)
    assert gate_line.endswith(reason)
    src = tmp_path / "in.json"
    shutil.copy(sample_path(), src)
    before = files_in(tmp_path)
    import_line = refused(capsys, src, "import", src, tmp_path / "out.clientocracy")
    assert import_line.endswith(reason)
    assert files_in(tmp_path) == before


def test_a_workshop_whose_json_import_would_refuse_is_not_exported(tmp_path: Path, workshop: Path,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from app import jsonio

    monkeypatch.setattr(jsonio, "MAX_BYTES", 10_000)  # the sample's JSON is larger
    before = files_in(tmp_path)
    out = tmp_path / "out.json"
    line = refused(capsys, out, "export", workshop, "--json", out)
    assert "import refuses" in line and "nothing was written" in line
    assert files_in(tmp_path) == before


def test_an_edit_that_would_make_a_value_over_the_limit_is_refused_and_the_file_kept(
        tmp_path: Path, workshop: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The store itself never writes a row the gate would refuse, whatever reader made the value."""
    from app import store

    monkeypatch.setattr(store, "MAX_VALUE_BYTES", 50_000)  # below the CSV reader's own field limit
    table = tmp_path / "t.csv"
    table.write_text("from,to,text\nteam-025,seg-004," + "x" * 60_000 + "\n", encoding="utf-8")
    given = workshop.read_bytes()
    before = files_in(tmp_path)
    line = refused(capsys, table, "import-promises", workshop, table)
    assert limits.VALUE_TOO_LARGE in line
    assert workshop.read_bytes() == given and files_in(tmp_path) == before


# ------------------------------------------------------------------------------ numbers
@pytest.mark.parametrize("where", ["severity", "x-own", "position"])
def test_integers_of_2_63_and_more_are_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           where: str) -> None:
    document = json.loads(json.dumps(SAMPLE))
    if where == "severity":
        document["pains"][0]["severity"] = 2**63
    elif where == "x-own":
        document["teams"][0]["x-count"] = -(2**63) - 1
    else:
        document["layouts"]["structure"][document["teams"][0]["id"]] = [2**64, 1]
    src = write_json(tmp_path / "in.json", document)
    before = files_in(tmp_path)
    line = refused(capsys, src, "import", src, tmp_path / "w.clientocracy")
    assert "too large" in line or "position" in line
    assert files_in(tmp_path) == before


def test_the_largest_64_bit_integer_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(json.dumps(SAMPLE))
    document["teams"][0]["x-count"] = 2**63 - 1
    src = write_json(tmp_path / "in.json", document)
    file, back = tmp_path / "w.clientocracy", tmp_path / "back.json"
    assert run(capsys, "import", src, file)[0] == 0
    assert run(capsys, "export", file, "--json", back)[0] == 0
    assert json.loads(back.read_text(encoding="utf-8"))["teams"][0]["x-count"] == 2**63 - 1


# ------------------------------------------------------------------------------ damaged rows
_TEAM = "(SELECT id FROM teams ORDER BY ord LIMIT 1)"
DAMAGE = {
    "position null": f"INSERT INTO positions VALUES ('structure', {_TEAM}, NULL, 1)",
    "position text": f"INSERT INTO positions VALUES ('structure', {_TEAM}, 'abc', 1)",
    "position 1e308": f"INSERT INTO positions VALUES ('promises', {_TEAM}, 1e308, 1)",
    "position infinite": f"INSERT INTO positions VALUES ('promises', {_TEAM}, 9e999, 1)",
    "position 2^63-1": f"INSERT INTO positions VALUES ('promises', {_TEAM}, 9223372036854775807, 1)",
    "own key without x-": "UPDATE meta SET value = '{\"bad\": 1}' WHERE key = 'extra'",
    "layout key without x-": "UPDATE meta SET value = '{\"bad\": 1}' WHERE key = 'layouts_extra'",
    "row key without x-": "UPDATE teams SET extra = '{\"bad\": 1}'",
    "row own NaN": "UPDATE teams SET extra = '{\"x-a\": NaN}'",
    "row own huge integer": "UPDATE teams SET extra = '{\"x-a\": 99999999999999999999999}'",
    "workshop own Infinity": "UPDATE workshop SET extra = '{\"x-a\": Infinity}'",
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damage_check_passes_is_exported_and_imported_again_else_refused_everywhere(
        tmp_path: Path, workshop: Path, capsys: pytest.CaptureFixture[str], damage: str) -> None:
    with sqlite3.connect(workshop) as conn:
        conn.execute(DAMAGE[damage])
    conn.close()
    before = files_in(tmp_path)
    status, _, err = run(capsys, "check", workshop)
    out = tmp_path / "out.json"
    if status == 2:  # the gate refuses it: so does every command, in one line, writing nothing
        assert len(err.strip().splitlines()) == 1 and str(workshop) in err and "Traceback" not in err
        refused(capsys, workshop, "export", workshop, "--json", out)
        refused(capsys, workshop, "export", workshop, "--promises", tmp_path / "p.csv")
        assert files_in(tmp_path) == before
    else:
        assert run(capsys, "export", workshop, "--json", out)[0] == 0, capsys.readouterr()
        again = tmp_path / "again.clientocracy"
        assert run(capsys, "import", out, again)[0] == 0
        back = tmp_path / "back.json"
        assert run(capsys, "export", again, "--json", back)[0] == 0
        assert back.read_bytes() == out.read_bytes()


def test_every_damage_above_is_refused_by_the_gate(tmp_path: Path, workshop: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The cases above that used to pass `check` and then break the handout or the JSON round trip."""
    for name, sql in DAMAGE.items():
        copy = tmp_path / f"{len(name)}-{abs(hash(name))}.clientocracy"
        shutil.copy(workshop, copy)
        with sqlite3.connect(copy) as conn:
            conn.execute(sql)
        conn.close()
        assert run(capsys, "check", copy)[0] == 2, name


# ------------------------------------------------------------------------------ a full disk
@pytest.fixture
def small_disk(tmp_path: Path):
    """A 2 MB tmpfs (root only), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a 2 MB tmpfs for a full disk needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    """Take every free byte of `disk`."""
    with open(disk / "filler", "wb") as filler, pytest.raises(OSError):
        for _ in range(1024):
            filler.write(b"\0" * (64 << 10))
            filler.flush()


@pytest.mark.parametrize("where", ["data folder", "user's folder"])
def test_a_full_disk_is_told_in_one_line_naming_the_users_file(
        tmp_path: Path, workshop: Path, small_disk: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    on_disk = small_disk if where == "user's folder" else tmp_path / "mine"
    on_disk.mkdir(exist_ok=True)
    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(small_disk / "data" if where == "data folder" else
                                                      tmp_path / "data"))
    user_file = on_disk / "w.clientocracy"
    shutil.copy(workshop, user_file)
    src = tmp_path / "in.json"
    shutil.copy(sample_path(), src)
    table = tmp_path / "t.csv"
    table.write_text("from,to,text\nteam-025,seg-004,Ответим за минуту\n" * 200, encoding="utf-8")
    if where == "data folder":
        (small_disk / "data").mkdir()
    fill(small_disk)
    given = user_file.read_bytes()
    before = files_in(on_disk)
    commands = [("new", on_disk / "n.clientocracy", "--sample"), ("import", src, on_disk / "i.clientocracy"),
                ("import-promises", user_file, table)]  # opens, adds and saves the user's file
    if where == "data folder":  # reading a file writes nothing: a full disk does not stop a check
        assert run(capsys, "check", user_file)[0] in (0, 1)
    for command in commands:
        named = command[2] if command[0] == "import" else command[1]
        line = refused(capsys, named, *command)
        assert "disk is full" in line, line
        assert files_in(on_disk) == before
    assert user_file.read_bytes() == given


def test_an_edit_with_a_whole_number_beyond_64_bits_is_refused_and_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What no command line reader lets through, an editor might: the store refuses it as an edit (no OverflowError)."""
    from app.document import EditRefused
    from app.edits import Update
    from app.workfile import WorkFile, read_workshop

    monkeypatch.setenv("CLIENTOCRACY_DATA_DIR", str(tmp_path / "data"))
    work = WorkFile.new(read_workshop(sample_path()))
    try:
        experiment = work.document.model.experiments[0]
        budget, count = experiment.budget, work.store.edit_count
        with pytest.raises(EditRefused, match="too large"):
            work.document.apply(Update("experiment", experiment.id, {"budget": (budget, 10**20)}))
        assert work.document.model.experiments[0].budget == budget and work.store.edit_count == count
    finally:
        work.close()
