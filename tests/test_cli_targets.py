"""The command line never destroys what it writes onto: its own input, devices, read-only files; links are followed.

Every refusal is exit status 2 with one line on stderr naming the user's file and the reason, the input's bytes
unchanged and nothing left behind.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.resources import sample_path
from cli.main import main

TABLE = "Кто даёт;Кому;Обещание\r\nНовая команда;Новый сегмент (сегмент);Новое обещание\r\n"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding the sample workshop `w.clientocracy` and a one-row promise table `t.csv`."""
    assert main(["new", str(tmp_path / "w.clientocracy"), "--sample"]) == 0
    (tmp_path / "t.csv").write_text(TABLE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def umask() -> Iterator[None]:
    """Each test that sets the umask gets the old one back."""
    old = os.umask(0o022)
    os.umask(old)
    yield
    os.umask(old)


def listing(folder: Path) -> dict[str, tuple[int, bytes | str]]:
    """What a user would see in the folder: each entry's kind and its bytes (a link's target)."""
    found: dict[str, tuple[int, bytes | str]] = {}
    for p in sorted(folder.iterdir()):
        mode = p.lstat().st_mode
        content: bytes | str = os.readlink(p) if p.is_symlink() else p.read_bytes() if p.is_file() else b""
        found[p.name] = (stat.S_IFMT(mode) | stat.S_IMODE(mode), content)
    return found


def refused(capsys: pytest.CaptureFixture[str], folder: Path, args: list[str], *words: str) -> str:
    """Run the command, expecting the contract's refusal; the folder must be exactly as it was."""
    before = listing(folder)
    status = main(args)
    out, err = capsys.readouterr()
    assert status == 2, err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in lines[0], lines[0]
    assert listing(folder) == before, "the folder changed"
    return lines[0]


# ------------------------------------------------------------------------------------ an export onto its input
@pytest.mark.parametrize("flag", ["--pdf", "--pptx", "--slides-pdf", "--json"])
def test_an_export_onto_its_own_workshop_is_refused(folder: Path, capsys: pytest.CaptureFixture[str],
                                                    flag: str) -> None:
    file = str(folder / "w.clientocracy")
    refused(capsys, folder, ["export", file, flag, file], "w.clientocracy", flag, "overwrite")


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_an_export_onto_a_link_to_its_workshop_is_refused(folder: Path, capsys: pytest.CaptureFixture[str],
                                                          link: str) -> None:
    workshop = folder / "w.clientocracy"
    alias = folder / "promises.csv"
    (alias.symlink_to if link == "symlink" else alias.hardlink_to)(workshop)
    refused(capsys, folder, ["export", str(workshop), "--promises", str(alias)], "promises.csv", "overwrite")
    refused(capsys, folder, ["export", str(alias), "--json", str(workshop)], "w.clientocracy", "overwrite")


def test_an_export_of_a_json_file_onto_itself_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = folder / "w.json"
    source.write_bytes(sample_path().read_bytes())
    refused(capsys, folder, ["export", str(source), "--json", str(folder / "." / "w.json")], "w.json", "overwrite")


def test_an_import_onto_its_own_json_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = folder / "w.json"
    source.write_bytes(sample_path().read_bytes())
    (folder / "same.json").hardlink_to(source)
    for output in (source, folder / "same.json"):
        refused(capsys, folder, ["import", str(source), str(output), "--force"], output.name, "imported")


def test_an_export_onto_its_logo_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    logo = folder / "logo.png"
    Image.new("RGB", (8, 8), "teal").save(logo)
    refused(capsys, folder, ["export", str(folder / "w.clientocracy"), "--logo", str(logo), "--pdf", str(logo)],
            "logo.png", "logo")


def test_two_outputs_on_one_file_are_refused_before_either_is_written(folder: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    file = str(folder / "w.clientocracy")
    refused(capsys, folder, ["export", file, "--pdf", str(folder / "a.pdf"), "--slides-pdf", str(folder / "./a.pdf")],
            "a.pdf", "--pdf", "--slides-pdf")
    (folder / "b.pdf").symlink_to(folder / "a.pdf")  # a link to a file that does not exist yet
    refused(capsys, folder, ["export", file, "--pdf", str(folder / "a.pdf"), "--slides-pdf", str(folder / "b.pdf")],
            "b.pdf", "--pdf", "--slides-pdf")


def test_png_into_the_workshops_own_folder_is_fine_but_not_onto_the_workshop(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = folder / "w.clientocracy"
    before = file.read_bytes()
    refused(capsys, folder, ["export", str(file), "--png", str(file)], "w.clientocracy", "--png")
    assert main(["export", str(file), "--png", str(folder)]) == 0
    assert file.read_bytes() == before
    assert (folder / "structure.png").read_bytes().startswith(b"\x89PNG")


def test_a_real_process_refuses_an_export_onto_its_input_in_one_line(folder: Path) -> None:
    file = folder / "w.clientocracy"
    before = listing(folder)
    run = subprocess.run([sys.executable, "-m", "cli", "export", str(file), "--pptx", str(file)],
                         capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1])
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and str(file) in run.stderr and "Traceback" not in run.stderr
    assert listing(folder) == before


# -------------------------------------------------------------------------------------------------- targets
def test_an_export_through_a_symlink_writes_its_target_and_keeps_the_link(
        folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    synced = folder / "synced"
    synced.mkdir()
    real = synced / "w.json"
    real.write_text("old", encoding="utf-8")
    link = folder / "link.json"
    link.symlink_to(real)
    assert main(["export", str(folder / "w.clientocracy"), "--json", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["format"]
    assert sorted(p.name for p in synced.iterdir()) == ["w.json"], "no temporary file left beside the target"


def test_a_symlinked_workshop_is_updated_through_its_link(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    synced = folder / "synced"
    synced.mkdir()
    real = synced / "w.clientocracy"
    (folder / "w.clientocracy").rename(real)
    link = folder / "w.clientocracy"
    link.symlink_to(real)
    before = real.read_bytes()
    assert main(["import-promises", str(link), str(folder / "t.csv")]) == 0
    assert link.is_symlink(), "the link was replaced by a file"
    assert real.read_bytes() != before
    assert main(["export", str(link), "--json", str(folder / "back.json")]) == 0
    promises = json.loads((folder / "back.json").read_text(encoding="utf-8"))["promises"]
    assert "Новое обещание" in [p["text"] for p in promises]


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_target_that_is_not_a_regular_file_is_refused(folder: Path, capsys: pytest.CaptureFixture[str],
                                                        kind: str) -> None:
    target = folder / "out.json"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    else:  # a character device like /dev/null, made here so that a regression cannot replace the real one
        if not AS_ROOT:
            pytest.skip("making a device node needs root")
        os.mknod(target, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    workshop = str(folder / "w.clientocracy")
    line = refused(capsys, folder, ["export", workshop, "--json", str(target)], "out.json")
    assert {"fifo": "pipe", "folder": "folder", "device": "device"}[kind] in line
    for force in ([], ["--force"]):  # the reason is told at once, not "use --force" first
        assert {"fifo": "pipe", "folder": "folder", "device": "device"}[kind] in refused(
            capsys, folder, ["new", str(target), *force], "out.json")
    refused(capsys, folder, ["export", workshop, "--pdf", str(folder / "a.pdf"), "--json", str(target)], "out.json")


def test_dev_null_stays_a_device(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    devnull = Path(os.devnull)
    if not devnull.exists() or not stat.S_ISCHR(devnull.stat().st_mode):
        pytest.skip("no character device at os.devnull")
    refused(capsys, folder, ["export", str(folder / "w.clientocracy"), "--json", os.devnull], os.devnull, "device")
    assert stat.S_ISCHR(devnull.stat().st_mode)


def test_a_read_only_workshop_is_refused_not_overwritten(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workshop = folder / "w.clientocracy"
    workshop.chmod(0o444)
    refused(capsys, folder, ["import-promises", str(workshop), str(folder / "t.csv")], "w.clientocracy", "read-only")
    refused(capsys, folder, ["new", str(workshop), "--sample", "--force"], "w.clientocracy", "read-only")
    out = folder / "w.json"
    out.write_text("kept", encoding="utf-8")
    out.chmod(0o444)
    refused(capsys, folder, ["export", str(workshop), "--json", str(out)], "w.json", "read-only")


def test_a_workshop_in_a_read_only_folder_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder.chmod(0o555)
    try:
        refused(capsys, folder, ["import-promises", str(folder / "w.clientocracy"), str(folder / "t.csv")],
                "w.clientocracy", "read-only")
        refused(capsys, folder, ["export", str(folder / "w.clientocracy"), "--png", str(folder)],
                "read-only")
    finally:
        folder.chmod(0o755)


def test_writes_keep_the_files_mode_and_new_files_follow_the_umask(
        folder: Path, capsys: pytest.CaptureFixture[str], umask: None) -> None:
    workshop = folder / "w.clientocracy"
    workshop.chmod(0o664)
    assert main(["import-promises", str(workshop), str(folder / "t.csv")]) == 0
    assert stat.S_IMODE(workshop.stat().st_mode) == 0o664
    workshop.chmod(0o640)
    assert main(["export", str(workshop), "--json", str(folder / "w.json")]) == 0
    (folder / "w.json").chmod(0o660)
    assert main(["export", str(workshop), "--json", str(folder / "w.json")]) == 0
    assert main(["import-promises", str(workshop), str(folder / "t.csv")]) == 0
    assert stat.S_IMODE(workshop.stat().st_mode) == 0o640
    assert stat.S_IMODE((folder / "w.json").stat().st_mode) == 0o660
    for mask, mode in ((0o002, 0o664), (0o022, 0o644), (0o077, 0o600)):
        os.umask(mask)
        made = [folder / f"n{mask}.clientocracy", folder / f"e{mask}.json", folder / f"e{mask}.csv",
                folder / f"e{mask}.pdf", folder / f"i{mask}.clientocracy"]
        assert main(["new", str(made[0])]) == 0
        assert main(["export", str(workshop), "--json", str(made[1]), "--promises", str(made[2]),
                     "--pdf", str(made[3])]) == 0
        assert main(["import", str(made[1]), str(made[4])]) == 0
        assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {p.name: oct(mode) for p in made}


# -------------------------------------------------------------------------------------- spreadsheet formulas
FORMULAS = ["=1+1", "+7 дней", "-10% жалоб", "@SUM(A1)", "\tс табуляцией", "\rс возвратом каретки",
            "'=уже в кавычке", "Цена = 5 ₽"]  # the sample has eight promises


@pytest.fixture
def formula_workshop(tmp_path: Path) -> Path:
    """A JSON workshop whose promise texts and metrics start like spreadsheet formulas."""
    document = json.loads(sample_path().read_text(encoding="utf-8"))
    for promise, text in zip(document["promises"], FORMULAS, strict=True):
        promise["text"] = text
        promise["metric"] = text
    path = tmp_path / "formulas.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_csv_export_quotes_cells_that_would_start_a_formula(formula_workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "promises.csv"
    assert main(["export", str(formula_workshop), "--promises", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline=""), delimiter=";"))
    header = rows[0]
    texts = [row[header.index("Обещание")] for row in rows[1:]]
    metrics = [row[header.index("Метрика")] for row in rows[1:]]
    expected = ["'=1+1", "'+7 дней", "'-10% жалоб", "'@SUM(A1)", "'\tс табуляцией", "'\rс возвратом каретки",
                "''=уже в кавычке", "Цена = 5 ₽"]
    assert sorted(texts) == sorted(expected)
    assert sorted(metrics) == sorted(expected)
    dangerous = ("=", "+", "-", "@", "\t", "\r")
    assert not [cell for row in rows for cell in row if cell.startswith(dangerous)]


def test_xlsx_export_keeps_formula_like_texts_as_plain_text(formula_workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "promises.xlsx"
    assert main(["export", str(formula_workshop), "--promises", str(out)]) == 0
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("Обещание")] for row in sheet.iter_rows(min_row=2)]
    assert sorted(c.value for c in cells) == sorted(FORMULAS)
    assert all(c.data_type == "s" for c in cells), "a text became a formula"


def test_a_csv_export_imports_back_with_every_formula_like_text_as_it_was(formula_workshop: Path,
                                                                          tmp_path: Path) -> None:
    """The quote that keeps a spreadsheet from running a cell is the writer's, not the consultant's: reading the
    table back takes it off again (and leaves a text that itself starts with a quote alone)."""
    from app.promise_sheet import read_sheet

    out = tmp_path / "promises.csv"
    assert main(["export", str(formula_workshop), "--promises", str(out)]) == 0
    rows, _problems = read_sheet(out)
    assert sorted(row.cells["text"] for row in rows) == sorted(FORMULAS)
    assert sorted(row.cells["metric"] for row in rows) == sorted(FORMULAS)
