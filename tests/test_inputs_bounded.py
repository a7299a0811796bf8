"""Hostile inputs answer within seconds through the command line: declared-range workbooks, pipes and devices,
huge or self-referring logos, big promise tables and wide canvases (issue 13, «Hangs and memory»)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from app import model as m
from app.gate import FileRefused
from app.inputs import open_regular, read_regular
from app.jsonio import write_json_file
from app.workfile import read_workshop

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 30  # a hang would run for minutes; a refusal takes well under a second


def cli(*args: str | Path, timeout: float = SECONDS) -> tuple[int, str, str, float]:
    """Run `clientocracy ARGS` as a user does: (exit status, stdout, stderr, seconds)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "cli", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
    return done.returncode, done.stdout, done.stderr, time.perf_counter() - start


def refused(result: tuple[int, str, str, float], path: Path, reason: str) -> None:
    """Exit 2 with one line naming `path` and `reason`, no traceback."""
    status, _out, err, _seconds = result
    assert status == 2, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err and reason in err, err


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    file = tmp_path / "w.clientocracy"
    assert cli("new", file)[0] == 0
    return file


def fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    os.mkfifo(path)
    return path


# --------------------------------------------------------------------------------------------- spreadsheets
def declared_range_xlsx(path: Path, rows: list[tuple[str, str, str]], corner: bool = True) -> Path:
    """A tiny workbook whose sheet declares the whole grid A1:XFD1048576 and holds `rows` under the headers
    (and, with `corner`, an empty styled cell in the grid's last corner, as a hostile file has)."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    def cells(r: int, row: tuple[str, str, str]) -> str:
        return "".join(f'<c r="{c}{r}" t="inlineStr"><is><t>{t}</t></is></c>' for c, t in zip("ABC", row, strict=True))

    data = "".join(f'<row r="{r}">{cells(r, row)}</row>'
                   for r, row in enumerate([("Кто даёт", "Кому", "Обещание"), *rows], start=1))
    if corner:
        data += '<row r="1048576"><c r="XFD1048576" s="0"/></row>'
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                       'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" '
                           'r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet"'
                                      ' Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{main}"><dimension ref="A1:XFD1048576"/>'
                                    f'<sheetData>{data}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_a_workbook_declaring_the_whole_grid_is_read_by_its_real_cells(tmp_path: Path, workshop: Path) -> None:
    table = declared_range_xlsx(tmp_path / "grid.xlsx", [("Отдел продаж", "Клиенты", "Перезваниваем за час")])
    assert table.stat().st_size < 4096
    status, out, err, seconds = cli("import-promises", workshop, table)
    assert status == 0, err
    assert "1 promises added" in out
    assert seconds < 10
    assert [p.text for p in read_workshop(workshop).promises] == ["Перезваниваем за час"]


def test_a_row_far_below_the_header_is_read_without_walking_the_empty_rows(tmp_path: Path, workshop: Path) -> None:
    table = declared_range_xlsx(tmp_path / "far.xlsx", [("Отдел", "Клиенты", "Звоним")], corner=False)
    with zipfile.ZipFile(table) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    far = '<row r="1048000"><c r="A1048000" t="inlineStr"><is><t>Склад</t></is></c><c r="B1048000" ' \
          't="inlineStr"><is><t>Клиенты</t></is></c><c r="C1048000" t="inlineStr"><is><t>Везём</t></is></c></row>'
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet.replace("</sheetData>", far + "</sheetData>").encode()
    with zipfile.ZipFile(table, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    status, out, err, seconds = cli("import-promises", workshop, table)
    assert status == 0, err
    assert seconds < 10
    assert sorted(p.text for p in read_workshop(workshop).promises) == ["Везём", "Звоним"]


# ----------------------------------------------------------------------------------- pipes and devices
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_pipe_given_as_a_table_is_refused_at_once(tmp_path: Path, workshop: Path, suffix: str) -> None:
    table = fifo(tmp_path / f"pipe{suffix}")
    before = workshop.read_bytes()
    result = cli("import-promises", workshop, table)
    refused(result, table, "not a regular file")
    assert result[3] < 10
    assert workshop.read_bytes() == before


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_dev_zero_given_as_a_table_is_refused_at_once(tmp_path: Path, workshop: Path, suffix: str) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    table = tmp_path / f"zero{suffix}"
    table.symlink_to("/dev/zero")
    refused(cli("import-promises", workshop, table), table, "not a regular file")


def test_a_pipe_or_dev_zero_given_as_a_json_document_is_refused_at_once(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe.json")
    refused(cli("import", pipe, tmp_path / "a.clientocracy"), pipe, "not a regular file")
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    refused(cli("import", zero, tmp_path / "b.clientocracy"), zero, "not a regular file")
    assert not (tmp_path / "a.clientocracy").exists() and not (tmp_path / "b.clientocracy").exists()


def test_the_reader_never_blocks_on_a_pipe_nor_reads_past_its_limit(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    with pytest.raises(FileRefused, match="not a regular file"):
        open_regular(pipe, 100)
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 101)
    with pytest.raises(FileRefused, match="larger than"):
        read_regular(big, 100, "table")
    assert read_regular(big, 101) == b"x" * 101


# -------------------------------------------------------------------------------------------------- logos
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="40">'
       "{}</svg>")


def test_a_30_mb_svg_logo_is_refused_within_a_second(tmp_path: Path, workshop: Path) -> None:
    logo = tmp_path / "huge.svg"
    logo.write_text(SVG.format('<rect x="1" y="1" width="2" height="2"/>' * (30 * 1024 * 1024 // 40)))
    from exports.logo import LogoError, check_logo

    start = time.perf_counter()
    with pytest.raises(LogoError, match="larger than 2 MB"):
        check_logo(logo)
    assert time.perf_counter() - start <= 5.0  # a guard against reading it (170 s before); bench/ measures 0.1 s
    out = tmp_path / "w.pdf"
    result = cli("export", workshop, "--pdf", out, "--logo", logo)
    refused(result, logo, "the SVG logo is larger than 2 MB")
    assert result[3] < 10 and not out.exists()


def test_an_svg_logo_that_refers_to_a_pipe_or_another_file_is_refused_unread(tmp_path: Path, workshop: Path) -> None:
    fifo(tmp_path / "pipe.png")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG not yours")
    for name, target in (("pipe.svg", "pipe.png"), ("other.svg", "secret.png"), ("abs.svg", "file:///etc/passwd")):
        logo = tmp_path / name
        logo.write_text(SVG.format(f'<image xlink:href="{target}" width="120" height="40"/>'))
        for flag, out in (("--pdf", tmp_path / "w.pdf"), ("--pptx", tmp_path / "w.pptx")):
            result = cli("export", workshop, flag, out, "--logo", logo)
            refused(result, logo, "refers to another file")
            assert not out.exists()


def test_an_svg_logo_whose_uses_loop_is_refused_in_one_line(tmp_path: Path, workshop: Path) -> None:
    logo = tmp_path / "loop.svg"
    logo.write_text(SVG.format('<g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g>'))
    for flag, out in (("--pdf", tmp_path / "w.pdf"), ("--pptx", tmp_path / "w.pptx")):
        refused(cli("export", workshop, flag, out, "--logo", logo), logo, "refers to itself in a loop")


@pytest.mark.parametrize("content", [b"not a picture at all", b"half"])
def test_a_bad_png_logo_fails_the_pdf_and_the_deck_alike(tmp_path: Path, workshop: Path, content: bytes) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    if content == b"half":
        Image.frombytes("RGB", (200, 80), os.urandom(200 * 80 * 3)).save(logo)
        logo.write_bytes(logo.read_bytes()[: logo.stat().st_size // 2])
    else:
        logo.write_bytes(content)
    for flag, out in (("--pdf", tmp_path / "w.pdf"), ("--pptx", tmp_path / "w.pptx"),
                      ("--slides-pdf", tmp_path / "s.pdf")):
        result = cli("export", workshop, flag, out, "--logo", logo)
        refused(result, logo, "the logo is not a")
        assert "0x" not in result[2] and not out.exists()


def test_the_exports_themselves_refuse_a_bad_logo_naming_it(tmp_path: Path) -> None:
    """The window's exports go through the same readers: the deck no longer drops a bad logo silently."""
    import exports

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    w = m.Workshop()
    for export, out in ((exports.export_pdf, tmp_path / "w.pdf"), (exports.export_pptx, tmp_path / "w.pptx")):
        with pytest.raises(Exception) as caught:
            export(w, out, branding={"logo": str(logo), "accent": None})
        assert str(logo) in str(caught.value) and "0x" not in str(caught.value)
        assert not out.exists()


def test_a_good_svg_logo_still_reaches_the_handout_and_the_deck(tmp_path: Path, workshop: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_text(SVG.format('<rect width="120" height="40" fill="#0a6"/><use xlink:href="#r"/>'))
    for flag, out in (("--pdf", tmp_path / "w.pdf"), ("--pptx", tmp_path / "w.pptx")):
        status, _out, err, _s = cli("export", workshop, flag, out, "--logo", logo)
        assert status == 0 and err == "", err
        assert out.stat().st_size > 1000
    with zipfile.ZipFile(tmp_path / "w.pptx") as deck:
        assert any(name.startswith("ppt/media/") and name.endswith(".png") for name in deck.namelist())


# ---------------------------------------------------------------------------------------- big and wide
def test_twenty_thousand_promise_rows_import_in_seconds(tmp_path: Path, workshop: Path) -> None:
    """Linear import: 20k rows took 15 s when every insert walked the list; 100k take a few seconds now (bench)."""
    table = tmp_path / "big.csv"
    lines = ["Кто даёт;Кому;Обещание"] + [f"Команда {i % 50};Клиент {i % 20};Обещание {i}" for i in range(20_000)]
    table.write_text("\n".join(lines), encoding="utf-8")
    status, out, err, seconds = cli("import-promises", workshop, table, timeout=120)
    assert status == 0, err
    assert "20000 promises added" in out
    assert seconds < 12  # a guard against the quadratic import (17 s here before); bench/ measures 100k in 7 s
    promises = read_workshop(workshop).promises
    assert [p.text for p in promises[:3]] == ["Обещание 0", "Обещание 1", "Обещание 2"]
    assert promises[-1].text == "Обещание 19999"


def test_a_canvas_of_twenty_thousand_factors_is_imported_and_checked_in_seconds(tmp_path: Path) -> None:
    factors = [m.Factor(f"f{i}", f"Фактор {i}") for i in range(20_000)]
    curves = [m.Curve(f"c{j}", f"Кривая {j}", levels={f.id: 3 for f in factors}) for j in range(3)]
    w = m.Workshop()
    w.canvases.append(m.Canvas("cv", "Канва", factors=factors, curves=curves))
    document = tmp_path / "wide.json"
    write_json_file(document, w)
    file = tmp_path / "wide.clientocracy"
    status, _out, err, seconds = cli("import", document, file, timeout=120)
    assert status == 0, err
    assert seconds < 10  # validation was quadratic in factors: 18 s for this canvas
    status, _out, err, seconds = cli("check", file, timeout=120)
    assert status == 0, err
    assert seconds < 10  # 53 s before
    assert len(read_workshop(file).canvases[0].factors) == 20_000


def test_validating_twenty_thousand_factors_is_not_quadratic() -> None:
    from app.document import Document
    from app.edits import Insert

    factors = [m.Factor(f"f{i}", "") for i in range(20_000)]
    canvas = m.Canvas("cv", "Канва", factors=factors, curves=[m.Curve("c", "", levels={f.id: 1 for f in factors})])
    doc = Document(m.Workshop())
    start = time.perf_counter()
    doc.apply(Insert("canvas", canvas, 0))
    assert time.perf_counter() - start <= 5.0  # 18.8 s when quadratic; bench/bench_inputs.py measures 0.3 s



def test_batches_of_inserts_keep_their_order_in_the_file() -> None:
    """The one-pass ordering of a batch: runs at the start, between and after stored rows, moves, and factors
    added to a canvas all read back from the rows in the model's order."""
    import sqlite3

    from app import schema
    from app.document import Document
    from app.edits import Batch, Insert, Move
    from app.store import SqliteStore

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.row_factory = sqlite3.Row
    schema.create_schema(conn)
    store = SqliteStore(conn)
    doc = Document(store=store)
    doc.apply(Batch((Insert("team", m.Team("a", "A"), 0), Insert("team", m.Team("b", "B"), 1)), "two"))
    promises = [m.Promise(f"p{i}", "a", "b", f"P{i}") for i in range(6)]
    doc.apply(Batch(tuple(Insert("promise", p, i) for i, p in enumerate(promises[:2])), "ends"))
    run = (Insert("promise", promises[2], 0), Insert("promise", promises[3], 2), Insert("promise", promises[4], 3),
           Insert("promise", promises[5], 5), Move("promise", "p0", 1, 4))
    doc.apply(Batch(run, "runs"))
    doc.apply(Insert("canvas", m.Canvas("cv", "C", factors=[m.Factor("f0"), m.Factor("f1")]), 0))
    doc.apply(Batch((Insert("factor", m.Factor("f2"), 0, "cv"), Insert("factor", m.Factor("f3"), 2, "cv")), "f"))
    assert [p.id for p in doc.model.promises] == ["p2", "p3", "p4", "p1", "p0", "p5"]
    assert [f.id for f in doc.model.canvases[0].factors] == ["f2", "f0", "f3", "f1"]
    assert store.load() == doc.model
