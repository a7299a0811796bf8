"""Benchmark of the three-way merge: two copies of the large workshop, 200 edits on each side.

Run: .venv/bin/python bench/bench_merge.py

Target (issue 19): merging two copies of the large workshop (3,000 promises) with 200 edits on each side ≤ 1 s
(the core merge, with its whole-workshop check; and the merge edit the app applies to the open workshop).
"""

from __future__ import annotations

import copy
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import changes as c  # noqa: E402
from app import model as m  # noqa: E402
from app.document import Document, EditRefused  # noqa: E402
from app.generate import generate_workshop  # noqa: E402
from app.merge import merge  # noqa: E402
from app.snapshots import restore_edit  # noqa: E402

EDITS = 200


def edit_apart(base: m.Workshop, seed: int) -> m.Workshop:
    """A copy with EDITS edits of every sort: renames, status changes, new and deleted promises, moves, levels."""
    rng = random.Random(seed)
    doc = Document(copy.deepcopy(base))
    done = 0
    while done < EDITS:
        promises, teams = doc.model.promises, doc.model.teams
        what = rng.choice(("text", "status", "insert", "delete", "move", "level", "position"))
        try:
            if what == "text":
                p = rng.choice(promises)
                doc.apply(c.update(doc, p.id, text=p.text + f" ({seed})"))
            elif what == "status":
                doc.apply(c.update(doc, rng.choice(promises).id, status=rng.choice(m.PROMISE_STATUSES)))
            elif what == "insert":
                obj = m.Promise(f"s{seed}-{done}", rng.choice(teams).id, rng.choice(teams).id, "новое обещание")
                doc.apply(c.insert(doc, obj, index=rng.randint(0, len(promises))))
            elif what == "delete":
                doc.apply(c.delete(doc, rng.choice(promises).id))
            elif what == "move":
                doc.apply(c.move(doc, rng.choice(teams).id, rng.randrange(len(teams))))
            elif what == "level":
                canvas = rng.choice(doc.model.canvases)
                doc.apply(c.set_level(doc, rng.choice(canvas.curves).id, rng.choice(canvas.factors).id, 1))
            else:
                doc.apply(c.set_position(doc, "structure", rng.choice(teams).id, (rng.random(), rng.random())))
        except EditRefused:
            continue
        done += 1
    return doc.model


def main() -> None:
    base = generate_workshop()
    mine, theirs = edit_apart(base, 1), edit_apart(base, 2)
    times, apply_times = [], []
    for _ in range(5):
        start = time.perf_counter()
        result = merge(base, mine, theirs)
        times.append(time.perf_counter() - start)
    for _ in range(3):
        doc = Document(copy.deepcopy(mine))
        start = time.perf_counter()
        doc.apply(restore_edit(doc, result.workshop, "Merge another copy"))
        apply_times.append(time.perf_counter() - start)
    import os
    import tempfile

    os.environ.setdefault("CLIENTOCRACY_DATA_DIR", tempfile.mkdtemp(prefix="bench-merge-"))
    from app.workfile import WorkFile

    work = WorkFile.new(copy.deepcopy(mine))
    try:
        start = time.perf_counter()
        work.document.apply(restore_edit(work.document, result.workshop, "Merge another copy"))
        stored = time.perf_counter() - start
    finally:
        work.close()
    print(f"{len(base.promises)} promises, {EDITS} edits a side: {len(result.conflicts)} conflicts")
    print(f"applied to an open workshop file (committed to its working copy): {stored * 1000:.0f} ms")
    print(f"merge: median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms (target ≤ 1000)")
    print(f"applied to the open workshop as one edit: median {statistics.median(apply_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
