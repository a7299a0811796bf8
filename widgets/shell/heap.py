"""An open workshop's objects kept out of Python's cyclic garbage collector, so that its scans do not pause the window.

A company-wide workshop is a few hundred thousand Python objects with no reference cycles among them (they go by
reference counting when the workshop is closed). The collector does not know that: each of its full scans walks
them all, and while a large workshop's diagrams are first shown (many new objects) it paused the window for
0.15-0.5 s at a time, ~0.9 s in all. Frozen (`gc.freeze`) they are left out of every scan. What is frozen is
handed back (`gc.unfreeze`) when a workshop is closed: the closed one's own cycles (its views, its document's
listeners) are then collected, once its widgets are gone, before what is still open is frozen again.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

from PySide6.QtCore import QObject, QTimer

from app.gcpause import hold_frozen, thaw


@contextmanager
def reading() -> Iterator[None]:
    """While a workshop is read no collection runs (its objects make no cycles); then they are frozen at once, so
    that the first collection after it does not scan them all (~0.1 s for 30,000 promises)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        hold_frozen()
        if enabled:
            gc.enable()


def keep_out_of_collector() -> None:
    """A workshop was opened: leave everything alive now out of the collector's scans."""
    hold_frozen()


def collect_what_was_closed(owner: QObject) -> None:
    """A workshop was closed: hand everything back to the collector at once, and once its deferred deletions have
    run (the event loop's next turn, while `owner` lives) collect what it left and freeze what stays."""
    thaw()
    QTimer.singleShot(0, owner, _collect_and_freeze)


def _collect_and_freeze() -> None:
    """Collect the closed workshop's cycles (a workshop opened since froze them with its own), freeze what is left."""
    thaw()
    gc.collect()
    hold_frozen()
