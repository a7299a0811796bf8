"""A bounded, seeded JSON fuzzer: every mutation of the sample either round-trips through the command line
(import -> export -> the same document) or is refused in one line naming the file, with exit 2 and nothing written."""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from app.jsonio import loads, workshop_to_json
from app.resources import sample_path
from cli.main import main

SEED = 20261205
CASES = 300
SAMPLE = json.loads(sample_path().read_text(encoding="utf-8"))


def _deep(depth: int, leaf: Any = 1) -> Any:
    value = leaf
    for i in range(depth):
        value = [value] if i % 2 else {"x-k": value}
    return value


def _values(rng: random.Random) -> list[Any]:
    """Values a hostile or careless tool might put anywhere."""
    return [
        None, True, False, 0, -1, 3, 2.5, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30, 1e308, -1e308, 5e-324,
        float("inf"), float("nan"), "", " ", "ж" * rng.randint(1, 5000), "🚀 Запуск", "\u0000", "\ud800",
        "a\nb\tc", "=1+1", "x" * 200_000, [], {}, [1, "two", None], {"x-a": 1}, {"id": "z"},
        _deep(rng.choice((10, 62, 63, 64, 65, 90, 200))), [[0.0, 0.0]], [1e6, -1e6], [1e6 + 1, 0],
    ]


def _containers(value: Any, path: tuple = ()) -> list[tuple]:
    """Paths of every object and list inside `value`."""
    out = []
    if isinstance(value, (dict, list)):
        out.append(path)
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            out.extend(_containers(item, (*path, key)))
    return out


def _at(document: Any, path: tuple) -> Any:
    for key in path:
        document = document[key]
    return document


def mutate(rng: random.Random, document: dict) -> dict:
    """One to three random changes: a value replaced, a key removed, added or renamed, an object duplicated,
    a position or an own value added."""
    document = copy.deepcopy(document)
    for _ in range(rng.randint(1, 3)):
        target = _at(document, rng.choice(_containers(document)))
        operation = rng.choice(("replace", "replace", "remove", "add", "rename", "duplicate", "position", "own"))
        keys = list(target.keys()) if isinstance(target, dict) else list(range(len(target)))
        if operation == "replace" and keys:
            target[rng.choice(keys)] = rng.choice(_values(rng))
        elif operation == "remove" and keys:
            del target[rng.choice(keys)]
        elif operation == "add":
            if isinstance(target, dict):
                key = rng.choice(("x-own", "extra", "id", "Title", "x-" + "k" * rng.randint(1, 300), "", "ж"))
                target[key] = rng.choice(_values(rng))
            else:
                target.insert(rng.randint(0, len(target)), rng.choice(_values(rng)))
        elif operation == "rename" and isinstance(target, dict) and keys:
            key = rng.choice(keys)
            target[key + rng.choice(("_", "s", " "))] = target.pop(key)
        elif operation == "duplicate" and isinstance(target, list) and keys:
            target.append(copy.deepcopy(target[rng.choice(keys)]))
        elif operation == "position":
            node = rng.choice([t["id"] for t in document.get("teams", []) if isinstance(t, dict) and "id" in t]
                              or ["team-025"])
            layouts = document.setdefault("layouts", {})
            if isinstance(layouts, dict):
                diagram = rng.choice(("structure", "promises", "other"))
                if not isinstance(layouts.get(diagram), dict):
                    layouts[diagram] = {}
                layouts[diagram][node] = [rng.choice(_values(rng)), rng.choice((0, 1.5, -20))]
        elif operation == "own" and isinstance(target, dict):
            target["x-" + str(rng.randint(0, 9))] = rng.choice(_values(rng))
    return document


def _text(rng: random.Random, document: dict) -> str:
    """The document as JSON text, sometimes with a literal Python's json would not write (a huge exponent)."""
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        text = text.replace('"version": 1', '"version": 1e400', 1)
    if rng.random() < 0.1:
        text = text.replace('"severity": ', '"severity": 1' + "0" * rng.choice((19, 30, 5000)) + " + ", 1)
        text = text.replace(" + ", "", 1)
    return text


def test_every_mutation_round_trips_or_is_refused_in_one_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    outcomes = {"round trip": 0, "refused": 0}
    for case in range(CASES):
        text = _text(rng, mutate(rng, SAMPLE))
        src = tmp_path / f"case{case}.json"
        src.write_text(text, encoding="utf-8", errors="surrogatepass")
        given = src.read_bytes()
        work = tmp_path / f"case{case}.clientocracy"
        status = main(["import", str(src), str(work)])
        _, err = capsys.readouterr()
        assert src.read_bytes() == given
        if status != 0:
            lines = err.strip().splitlines()
            assert status == 2 and len(lines) == 1 and str(src) in lines[0], (case, status, err[-2000:])
            assert not work.exists(), case
            outcomes["refused"] += 1
            continue
        out = tmp_path / f"case{case}.out.json"
        assert main(["export", str(work), "--json", str(out)]) == 0, (case, capsys.readouterr().err[-2000:])
        exported = json.loads(out.read_text(encoding="utf-8"))
        assert exported == workshop_to_json(loads(given)), case  # the same document, in canonical form
        again = tmp_path / f"case{case}.again.clientocracy"
        assert main(["import", str(out), str(again)]) == 0, (case, capsys.readouterr().err[-2000:])
        back = tmp_path / f"case{case}.back.json"
        assert main(["export", str(again), "--json", str(back)]) == 0, case
        assert back.read_bytes() == out.read_bytes(), case
        assert main(["check", str(again)]) in (0, 1), case
        capsys.readouterr()
        outcomes["round trip"] += 1
        for leftover in (work, out, again, back):
            leftover.unlink()
    assert min(outcomes.values()) >= CASES // 10, outcomes  # both kinds of case are exercised
