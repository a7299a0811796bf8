"""On a high-density screen (two device pixels a point, as on most laptops now) a part of the promise map painted
again matches a whole repaint: the map's repaint tests run again at QT_SCALE_FACTOR=2, in a process of their own
(the scale is fixed when Qt starts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_map_repaints_in_step_at_twice_the_density() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    tests = ["tests/test_promise_map_batch.py::test_a_red_halo_that_goes_away_zoomed_out_leaves_nothing_behind",
             "tests/test_promise_map_batch.py::test_dashes_painted_again_on_a_small_map_zoomed_out_fall_where_they_were",
             "tests/test_promise_map_batch.py::test_a_drop_strokes_only_the_moved_arrows_and_shows_what_a_fresh_"
             "repaint_shows"]
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                          *tests], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "3 passed" in run.stdout
