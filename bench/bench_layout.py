"""Benchmark of the automatic layout: layers, rings and placing missing nodes at 1,000 and 5,000 parties.

Run: .venv/bin/python bench/bench_layout.py   (prints a table; target from issue 5: layout of 1,000 parties ≤ 500 ms)
Then a table of how the layered drawing reads (crossing links, links through a third box) against a plain grid
of the same rows in the model's order.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import model as m  # noqa: E402
from app.generate import generate_workshop  # noqa: E402
from app.jsonio import read_json_file  # noqa: E402
from app.layout import layered_layout, node_sizes, overlapping_pairs, place_missing, ring_layout  # noqa: E402
from app.layout_geometry import boxes_overlap  # noqa: E402
from app.layout_graph import build_graph, distance_layers, make_proper, order_layers  # noqa: E402
from app.layout_graph import count_crossings as crossings  # noqa: E402
from app.resources import sample_path  # noqa: E402

TARGET_MS = 500.0


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock milliseconds of `repeat` calls of `fn`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def organisation(parties: int, seed: int = 1) -> m.Workshop:
    """A generated workshop of `parties` segments and teams, with two links per party (2,000 at 1,000)."""
    segments = max(2, parties // 50)
    return generate_workshop(teams=parties - segments, segments=segments, links=2 * parties,
                             promises=3 * parties, canvases=0, seed=seed)


def arrows_through_boxes(w: m.Workshop, positions: dict[str, tuple[float, float]]) -> tuple[int, int]:
    """(arrows, arrows whose straight segment passes through a third node's box), sampled on a grid index."""
    sizes = node_sizes(w)
    through = 0
    nodes = list(positions.items())
    for link in w.links:
        a, b = positions[link.from_], positions[link.to]
        for node, (x, y) in nodes:
            if node in (link.from_, link.to):
                continue
            if _segment_hits_box(a, b, (x, y), sizes[node]):
                through += 1
                break
    return len(w.links), through


def _segment_hits_box(a, b, centre, size) -> bool:
    """Whether the segment a-b passes through the box (Liang–Barsky clipping)."""
    x0, y0 = centre[0] - size[0] / 2, centre[1] - size[1] / 2
    x1, y1 = x0 + size[0], y0 + size[1]
    if max(a[0], b[0]) < x0 or min(a[0], b[0]) > x1 or max(a[1], b[1]) < y0 or min(a[1], b[1]) > y1:
        return False
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
    return t0 < t1


def crossing_pairs(w: m.Workshop, positions: dict[str, tuple[float, float]]) -> int:
    """Pairs of links that cross, drawn straight between centres (sharing an end is not crossing)."""
    def turn(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    segments = [(positions[link.from_], positions[link.to], {link.from_, link.to}) for link in w.links]
    count = 0
    for i, (a, b, ends) in enumerate(segments):
        for c, d, other in segments[i + 1:]:
            if not ends & other and turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0:
                count += 1
    return count


def quality() -> None:
    """How the layered drawing reads: crossing links and links through a third box, against the model's order."""
    print(f"\n{'organisation':34} {'links':>6} {'crossings':>10} {'(grid)':>8} {'through a box':>14} {'(grid)':>8}")
    cases = [("sample (grocery.json)", read_json_file(sample_path()))]
    cases += [(f"generated, {n} parties, {links} links", generate_workshop(
        teams=n - segs, segments=segs, links=links, promises=0, canvases=0, seed=7))
        for n, segs, links in ((34, 4, 40), (100, 6, 130), (208, 8, 300))]
    for name, w in cases:
        positions = layered_layout(w)
        grid = _model_order_grid(w, positions)
        print(f"{name:34} {len(w.links):6} {crossing_pairs(w, positions):10} {crossing_pairs(w, grid):8} "
              f"{arrows_through_boxes(w, positions)[1]:14} {arrows_through_boxes(w, grid)[1]:8}")


def _model_order_grid(w: m.Workshop, positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The same rows as the layout but each filled in the model's order: what ordering and alignment are worth."""
    rows: dict[float, list[str]] = {}
    for node, (_, y) in positions.items():
        rows.setdefault(y, []).append(node)
    order = {s.id: i for i, s in enumerate(w.segments)} | {t.id: len(w.segments) + i for i, t in enumerate(w.teams)}
    grid = {}
    for y, nodes in rows.items():
        for i, node in enumerate(sorted(nodes, key=order.__getitem__)):
            grid[node] = (i * 220.0, y)
    return grid


def main() -> None:
    print(f"{'case':44} {'median ms':>10} {'max ms':>8}  notes")
    for parties in (1000, 5000):
        w = organisation(parties)
        sizes = node_sizes(w)
        repeat = 5 if parties <= 1000 else 2
        for name, fn in (("layers", lambda w=w: layered_layout(w)),
                         ("layers, promise map", lambda w=w: layered_layout(w, "promises")),
                         ("rings", lambda w=w: ring_layout(w)),
                         ("place missing (30% unplaced)", lambda w=w: place_missing(w, "structure"))):
            times = timed(fn, repeat)
            positions = fn()
            if name.startswith("layers") or name == "rings":
                clean = not overlapping_pairs(positions, sizes, 20.0)
                xs = [x for x, _ in positions.values()]
                ys = [y for _, y in positions.values()]
                note = f"{'no overlaps' if clean else 'OVERLAPS'}, {max(xs) - min(xs):.0f} × {max(ys) - min(ys):.0f}"
            else:
                stored = w.layouts["structure"]
                hit = sum(boxes_overlap(p, sizes[n], q, sizes[o], 0.0)
                          for n, p in positions.items() for o, q in stored.items()) if parties <= 1000 else -1
                note = f"{len(positions)} placed" + (f", {hit} overlaps with stored" if hit >= 0 else "")
            flag = "" if name != "layers" or parties != 1000 else (
                " OK" if statistics.median(times) <= TARGET_MS else " OVER TARGET")
            print(f"{name + f' ({parties} parties)':44} {statistics.median(times):10.1f} {max(times):8.1f}  "
                  f"{note}{flag}")
        graph = build_graph(w)
        layers, _, _ = distance_layers(graph)
        lay = make_proper(graph, layers)
        before = crossings(lay)
        order_layers(lay)
        print(f"{'':44} crossings between layers: {before} in model order, {crossings(lay)} after ordering")
    quality()


if __name__ == "__main__":
    main()
