"""Benchmark of the workshop core: one edit, open, JSON import, save, against rewriting the workshop as JSON.

Run: .venv/bin/python bench/bench_core.py   (prints a table; targets from issue 2)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import changes as c  # noqa: E402
from app.fsutil import atomic_write_bytes  # noqa: E402
from app.generate import generate_workshop  # noqa: E402
from app.jsonio import dumps, read_json_file, write_json_file  # noqa: E402
from app.resources import sample_path  # noqa: E402
from app.workfile import WorkFile, write_workshop_file  # noqa: E402


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls of `fn`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def edit_cost(work: WorkFile, repeat: int = 300) -> list[float]:
    """One edit applied, committed to the working copy and announced, cycling through edit kinds."""
    doc = work.document
    announced = []
    doc.listen(announced.append)
    team = doc.model.teams[len(doc.model.teams) // 2].id
    canvas = doc.model.canvases[0]
    curve, factor = canvas.curves[0].id, canvas.factors[0].id
    step = iter(range(10**9))

    def one() -> None:
        i = next(step)
        kind = i % 3
        if kind == 0:
            doc.apply(c.update(doc, team, name=f"Команда {i}"))
        elif kind == 1:
            doc.apply(c.set_level(doc, curve, factor, (i % 10) / 2))
        else:
            doc.apply(c.set_position(doc, "structure", team, (float(i), float(-i))))

    times = timed(one, repeat)
    assert len(announced) == repeat
    return times


def main() -> None:
    """Measure and print every figure of issue 2."""
    os.environ.setdefault("CLIENTOCRACY_DATA_DIR", tempfile.mkdtemp(prefix="clientocracy-bench-"))
    tmp = Path(tempfile.mkdtemp(prefix="clientocracy-bench-files-"))
    large = generate_workshop()
    print(f"large workshop: {len(large.teams)} teams, {len(large.promises)} promises, {len(large.links)} links, "
          f"{len(large.canvases)} canvases x {len(large.canvases[0].factors)} factors x "
          f"{len(large.canvases[0].curves)} curves")
    rows = []

    sample_work = WorkFile.new(read_json_file(sample_path()), tmp / "sample.clientocracy")
    sample_edit = statistics.median(edit_cost(sample_work))
    sample_work.close()

    large_file = tmp / "large.clientocracy"
    write_workshop_file(large_file, large)
    open_times = []
    for _ in range(5):
        start = time.perf_counter()
        work = WorkFile.open(large_file)
        open_times.append((time.perf_counter() - start) * 1000)
        work.close()
    work = WorkFile.open(large_file)
    large_edit = statistics.median(edit_cost(work))
    save_ms = statistics.median(timed(lambda: work.save(), 5))
    work.close()

    large_json = tmp / "large.json"
    write_json_file(large_json, large)
    import_ms = statistics.median(timed(lambda: read_json_file(large_json), 5))
    rewrite_ms = statistics.median(timed(lambda: atomic_write_bytes(tmp / "rewrite.json", dumps(large).encode()), 5))

    rows += [
        ("one edit, sample (median)", sample_edit, "<= 2 ms"),
        ("one edit, large (median)", large_edit, "<= 2 ms, same as sample"),
        ("open large (gate + working copy + model)", statistics.median(open_times), "<= 500 ms"),
        ("JSON import, large", import_ms, "<= 1000 ms"),
        ("save, large", save_ms, "<= 300 ms"),
        ("rewrite large as JSON (dumps + atomic write)", rewrite_ms, "reference"),
    ]
    for name, ms, target in rows:
        print(f"{name:48} {ms:9.2f} ms   target {target}")
    print(f"{'ratio: one edit / JSON rewrite':48} {large_edit / rewrite_ms:9.3f}      target < 0.1")
    print(f"{'ratio: edit large / edit sample':48} {large_edit / sample_edit:9.2f}")


if __name__ == "__main__":
    main()
