"""`clientocracy export FILE --promises OUT` and `clientocracy import-promises FILE TABLE`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.resources import sample_path
from app.workfile import WorkFile, read_workshop
from cli.main import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    file = tmp_path / "w.clientocracy"
    assert run(capsys, "new", str(file), "--sample")[0] == 0
    return file


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_then_import_adds_the_same_promises(tmp_path: Path, capsys, workshop: Path, suffix: str) -> None:
    table = tmp_path / f"promises{suffix}"
    assert run(capsys, "export", str(workshop), "--promises", str(table)) == (0, "", "")
    empty = tmp_path / "empty.clientocracy"
    assert run(capsys, "new", str(empty))[0] == 0
    status, out, err = run(capsys, "import-promises", str(empty), str(table))
    assert (status, err) == (0, "") and "8 promises added" in out and "7 new teams" in out
    got, sample = read_workshop(empty), read_workshop(sample_path())
    names = {x.id: x.name for x in (*got.teams, *got.segments)}
    sample_names = {x.id: x.name for x in (*sample.teams, *sample.segments)}
    assert [(names[p.from_], names[p.to], p.text, p.status, p.authorities, p.resources) for p in got.promises] == [
        (sample_names[p.from_], sample_names[p.to], p.text, p.status, p.authorities, p.resources)
        for p in sample.promises]


def test_import_into_the_json_interchange_file(tmp_path: Path, capsys) -> None:
    doc = tmp_path / "w.json"
    doc.write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("Кто даёт;Кому;Обещание;Статус;Полномочия\nИТ;Доставка;Приложение не падает;принято;"
                     "Выбирать хостинг\n", encoding="utf-8")
    assert run(capsys, "import-promises", str(doc), str(table))[0] == 0
    promises = json.loads(doc.read_text(encoding="utf-8"))["promises"]
    assert promises[-1]["text"] == "Приложение не падает" and promises[-1]["to"] == "team-026"
    status, out, _ = run(capsys, "check", str(doc))
    assert status == 1 and "promise-unempowered" in out and "Выбирать хостинг" in out


def test_bad_rows_write_nothing_unless_skipped(tmp_path: Path, capsys, workshop: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Кто даёт,Кому,Обещание,Статус\nИТ,Доставка,Приложение не падает,принято\n"
                     "Молодые семьи,ИТ,Будем покупать,\nЛогистика,Кухня готовой еды,,\n", encoding="utf-8")
    before = workshop.read_bytes()
    status, out, err = run(capsys, "import-promises", str(workshop), str(table))
    assert status == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert "row 3" in err and "row 4" in err and "nothing written" in err and str(table) in err
    assert workshop.read_bytes() == before
    status, out, err = run(capsys, "import-promises", str(workshop), str(table), "--skip-bad-rows")
    assert status == 0 and "1 promises added" in out
    assert [line.split(": ", 1)[1][:5] for line in err.strip().splitlines()] == ["row 3", "row 4"]
    assert read_workshop(workshop).promises[-1].text == "Приложение не падает"


def test_unusable_input_is_one_line_and_writes_nothing(tmp_path: Path, capsys, workshop: Path) -> None:
    before = workshop.read_bytes()
    no_headers = tmp_path / "t.csv"
    no_headers.write_text("a;b\n1;2\n", encoding="utf-8")
    cases = [
        ("import-promises", str(workshop), str(tmp_path / "t.ods")),
        ("import-promises", str(workshop), str(no_headers)),
        ("import-promises", str(workshop), str(tmp_path / "missing.xlsx")),
        ("import-promises", str(tmp_path / "missing.clientocracy"), str(no_headers)),
        ("export", str(workshop), "--promises", str(tmp_path / "out.ods")),
    ]
    for args in cases:
        status, out, err = run(capsys, *args)
        assert status == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, (args, err)
    assert workshop.read_bytes() == before and not (tmp_path / "out.ods").exists()


def test_refuses_a_file_open_in_another_instance(tmp_path: Path, capsys, workshop: Path) -> None:
    table = tmp_path / "t.xlsx"
    assert run(capsys, "export", str(workshop), "--promises", str(table))[0] == 0
    before = workshop.read_bytes()
    held = WorkFile.open(workshop)
    try:
        status, _, err = run(capsys, "import-promises", str(workshop), str(table))
        assert status == 2 and "already open" in err and len(err.strip().splitlines()) == 1
    finally:
        held.close()
    assert workshop.read_bytes() == before
    assert run(capsys, "import-promises", str(workshop), str(table))[0] == 0
    assert len(read_workshop(workshop).promises) == 16
