"""Inputs under load: a big promise import, validation of a wide canvas, a huge SVG logo, a declared-range xlsx.

Run: .venv/bin/python bench/bench_inputs.py [ROWS] — prints one line per measure (seconds).
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(label: str, run) -> float:
    start = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:7.2f} s" + (f"  ({result})" if result is not None else ""))
    return seconds


def write_promise_csv(path: Path, rows: int) -> None:
    """A promise table of `rows` rows among 50 teams and 20 segments."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Кто даёт", "Кому", "Обещание", "Статус"])
        for i in range(rows):
            writer.writerow([f"Команда {i % 50}", f"Клиент {i % 20}", f"Обещание номер {i}", "принято"])


def bench_import(folder: Path, rows: int) -> float:
    """`import-promises` of `rows` rows into a new workshop file, as a user runs it."""
    from cli.main import main

    table, work = folder / "big.csv", folder / "big.clientocracy"
    write_promise_csv(table, rows)
    assert main(["new", str(work)]) == 0
    return _timed(f"import-promises {rows} rows", lambda: main(["import-promises", str(work), str(table)]))


def wide_canvas(factors: int):
    """A canvas of `factors` factors and three curves with a level on each."""
    from app import model as m

    fs = [m.Factor(f"f{i}", f"Фактор {i}") for i in range(factors)]
    curves = [m.Curve(f"c{j}", f"Кривая {j}", levels={f.id: 5 for f in fs}) for j in range(3)]
    return m.Canvas("cv", "Канва", factors=fs, curves=curves)


def bench_validation(factors: int) -> float:
    """Inserting (and so validating) a canvas of `factors` factors, and checking the workshop."""
    from app import model as m
    from app.document import Document
    from app.edits import Insert
    from app.integrity import workshop_problems

    doc = Document(m.Workshop())
    canvas = wide_canvas(factors)
    seconds = _timed(f"validate a canvas of {factors} factors", lambda: doc.apply(Insert("canvas", canvas, 0)))
    _timed(f"integrity of a canvas of {factors} factors", lambda: len(list(workshop_problems(doc.model))))
    return seconds


def bench_logo(folder: Path, megabytes: int) -> float:
    """An export with a `megabytes` MB SVG logo, refused as a user sees it."""
    from cli.main import main

    logo = folder / "huge.svg"
    body = '<rect x="1" y="1" width="2" height="2"/>' * (megabytes * 1024 * 1024 // 40)
    logo.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{body}</svg>')
    work = folder / "logo.clientocracy"
    main(["new", str(work)])
    return _timed(f"export --pdf with a {megabytes} MB SVG logo",
                  lambda: main(["export", str(work), "--pdf", str(folder / "out.pdf"), "--logo", str(logo)]))


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        which = sys.argv[2:] or ["validation", "logo", "import"]
        if "validation" in which:
            bench_validation(20_000)
        if "logo" in which:
            bench_logo(Path(tmp), 30)
        if "import" in which:
            bench_import(Path(tmp), count)
