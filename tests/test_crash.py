"""A process killed with SIGKILL mid-work loses no committed edit, and the user's file is never a mix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app import model as m
from app.workfile import WorkFile, find_recoverable, read_workshop, write_workshop_file

WORKER = textwrap.dedent(
    """
    import sys
    from app import changes as c, model as m
    from app.workfile import WorkFile
    work = WorkFile.open(sys.argv[1])
    doc = work.document
    for i in range(100000):
        doc.apply(c.insert(doc, m.Segment(f"s{i}", f"Сегмент {i}")))
        print("committed", i, flush=True)
        if i % 7 == 6:
            work.save()
            print("saved", i, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
@pytest.mark.parametrize("kill_after", [3, 40, 150])
def test_sigkill_loses_no_committed_edit(kill_after: int, tmp_path: Path) -> None:
    path = tmp_path / "w.clientocracy"
    write_workshop_file(path, m.Workshop(info=m.WorkshopInfo(title="Сессия")))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    child = subprocess.Popen([sys.executable, "-c", WORKER, str(path)], stdout=subprocess.PIPE, text=True, env=env)
    committed = saved = -1
    assert child.stdout is not None
    deadline = time.monotonic() + 60
    while committed < kill_after and time.monotonic() < deadline:
        word, number = child.stdout.readline().split()
        if word == "committed":
            committed = int(number)
        else:
            saved = int(number)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert committed >= kill_after, "the worker did not get going"

    on_disk = [s.name for s in read_workshop(path).segments]  # passes the gate: never half-written
    assert on_disk == [f"Сегмент {i}" for i in range(len(on_disk))]
    assert len(on_disk) % 7 == 0 and len(on_disk) - 1 >= saved, "the user's file is one whole saved state"

    (left,) = find_recoverable()
    assert left.origin == path.resolve()
    restored = WorkFile.restore(left)
    names = [s.name for s in restored.document.model.segments]
    assert len(names) >= committed + 1, "every edit reported as committed is in the working copy"
    assert names == [f"Сегмент {i}" for i in range(len(names))]
    restored.save()
    restored.close()
    assert [s.name for s in read_workshop(path).segments] == names
