"""The command line: new, import, export, check and --version, with FORMAT.md's exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from app.jsonio import workshop_to_json
from app.resources import sample_path
from app.workfile import read_workshop
from cli.main import main

SAMPLE_JSON = json.loads(sample_path().read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_new_sample_then_export_json_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "s.clientocracy"
    assert run(capsys, "new", str(file), "--sample")[0] == 0
    out = tmp_path / "s.json"
    assert run(capsys, "export", str(file), "--json", str(out))[0] == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported == workshop_to_json(read_workshop(sample_path()))
    for key, items in SAMPLE_JSON.items():  # every list of the sample, in order, with every id
        if isinstance(items, list):
            assert [x["id"] for x in exported[key]] == [x["id"] for x in items]


def test_import_then_export_gives_back_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = dict(SAMPLE_JSON)
    document["x-tool"] = {"made-by": "a script", "n": [1, 2]}
    document["layouts"] = {"structure": {"seg-004": [10, 20.5]}, "promises": {"team-025": [-5, 7]}}
    src = tmp_path / "in.json"
    src.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    file = tmp_path / "w.clientocracy"
    assert run(capsys, "import", str(src), str(file))[0] == 0
    back = tmp_path / "back.json"
    assert run(capsys, "export", str(file), "--json", str(back))[0] == 0
    exported = json.loads(back.read_text(encoding="utf-8"))
    assert exported["x-tool"] == document["x-tool"]
    assert exported["layouts"] == document["layouts"]
    assert exported["promises"] == [
        {**p, **{k: v for k, v in exported["promises"][i].items() if k not in p}}
        for i, p in enumerate(document["promises"])
    ]


def test_import_refuses_a_wrong_document_and_writes_nothing(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(json.dumps(SAMPLE_JSON))
    document["promises"][3]["to"] = "t9"
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.clientocracy"
    status, _, err = run(capsys, "import", str(src), str(out))
    assert status == 2
    assert 'promises[3].to: no team or segment with id "t9"' in err and str(src) in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_import_refuses_broken_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "broken.json"
    src.write_text('{"format": "clientocracy-workshop", "version": 1,', encoding="utf-8")
    status, _, err = run(capsys, "import", str(src), str(tmp_path / "o.clientocracy"))
    assert status == 2 and str(src) in err and "line" in err


def test_check_json_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(sample_path()), "--json")
    findings = json.loads(out)
    assert status == 0, "the sample has warnings and hints but no errors"
    assert {(f["code"], tuple(f["ids"][:1])) for f in findings} == {
        ("team-no-indicator", ("team-032",)),
        ("reading-not-met", ("prm-046",)),  # the sample's logistics missed 08:00 in 2026-11
        ("link-without-promise", ("lnk-038",)),
        ("link-without-promise", ("lnk-041",)),
        ("promise-without-link", ("prm-049",)),
        ("canvas-no-tagline", ("cnv-024",)),
    }
    assert all(set(f) == {"code", "severity", "message", "ids"} for f in findings)


def test_check_exits_1_on_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(json.dumps(SAMPLE_JSON))
    document["promises"][1]["status"] = "accepted"  # its fridge is not granted
    src = tmp_path / "w.json"
    src.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, out, _ = run(capsys, "check", str(src))
    assert status == 1 and "promise-unempowered" in out


def test_usage_mistakes_are_one_line_and_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["export"], ["check"], ["new"], ["export", str(sample_path())], ["check", "--bogus", "x"]):
        status, _, err = run(capsys, *args)
        assert status == 2, args
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    existing = tmp_path / "e.clientocracy"
    existing.write_bytes(b"keep me")
    status, _, err = run(capsys, "new", str(existing))
    assert status == 2 and "already exists" in err and existing.read_bytes() == b"keep me"


def test_missing_input_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "check", str(tmp_path / "nope.clientocracy"))
    assert status == 2 and "no such file" in err


def test_version_and_real_process(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "cli", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout
    done = subprocess.run([sys.executable, "-m", "cli", "check", str(tmp_path / "x.clientocracy")],
                          capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no such file" in done.stderr


def test_export_handout_on_a3_landscape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a3.pdf"
    status, _, err = run(capsys, "export", str(sample_path()), "--pdf", str(out), "--page", "A3", "--landscape")
    assert status == 0, err
    import pypdfium2

    document = pypdfium2.PdfDocument(out)
    width, height = document[0].get_size()
    document.close()
    assert (round(width), round(height)) == (1191, 842), "A3 landscape is 420 x 297 mm"
