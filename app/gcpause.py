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
        if enabled:
            gc.enable()
