"""Bulk reading without the cycle collector's pauses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a workshop's many small objects (and no cycles) are made: its full
    scans of an ever larger heap make a large workshop's reading grow faster than the workshop."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            # What was made here survives: hand it to the oldest generation at once (freeze, then unfreeze, scans
            # nothing), or the first allocation after would scan it all as young objects (~120 ms at 30,000
            # promises). Only when nothing else is frozen: the window freezes an open workshop's heap itself.
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
