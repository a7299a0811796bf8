"""Bulk reading without the cycle collector's pauses."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_held = False
"""Whether the heap is frozen and held so by its owner (the window keeps an open workshop out of the collector)."""


def hold_frozen() -> None:
    """Freeze everything alive now and keep it frozen: bulk reading leaves what is frozen alone from now on."""
    global _held
    gc.freeze()
    _held = True


def thaw() -> None:
    """Hand everything frozen back to the collector (it is in the oldest generation then)."""
    global _held
    gc.unfreeze()
    _held = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a workshop's many small objects (and no cycles) are made: its full
    scans of an ever larger heap make a large workshop's reading grow faster than the workshop."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _held:
            # What was made here survives: hand it to the oldest generation at once (freeze, then unfreeze, scans
            # nothing), or the first allocation after would scan it all as young objects (~120 ms at 30,000
            # promises). Not while a heap is held frozen: the window then freezes what it reads itself.
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
