"""Draw the automatic layouts to PNG (boxes and arrows, matplotlib) to judge them by eye.

Run: .venv/bin/python bench/draw_layout.py [OUT_DIR]   (default /tmp/layout; writes sample and 200-team pictures)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

from app import model as m  # noqa: E402
from app.generate import generate_workshop  # noqa: E402
from app.jsonio import read_json_file  # noqa: E402
from app.layout import layered_layout, node_sizes, ring_layout  # noqa: E402
from app.resources import sample_path  # noqa: E402

COLOURS = {"segment": "#E69F00", "client_facing": "#56B4E9", "service": "#009E73", "council": "#CC79A7"}


def draw(workshop: m.Workshop, positions: dict[str, tuple[float, float]], path: Path, title: str,
         diagram: str = "structure", labels: bool = True) -> None:
    """Boxes at the positions, arrows from the serving node to the served one, names inside when `labels`."""
    sizes = node_sizes(workshop)
    kinds = {s.id: "segment" for s in workshop.segments} | {t.id: t.kind for t in workshop.teams}
    names = {s.id: s.name for s in workshop.segments} | {t.id: t.name for t in workshop.teams}
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    span_x, span_y = max(xs) - min(xs) + 400, max(ys) - min(ys) + 300
    scale = min(1 / 200, 20 / max(span_x, span_y)) if labels else 16 / max(span_x, span_y)
    fig, ax = plt.subplots(figsize=(max(4, span_x * scale), max(3, span_y * scale)), dpi=110)
    arrows = workshop.links if diagram == "structure" else workshop.promises
    for arrow in arrows:
        a, b = positions.get(arrow.from_), positions.get(arrow.to)
        if a and b and a != b:
            ax.add_patch(FancyArrowPatch(a, _border(a, b, sizes[arrow.to]), arrowstyle="-|>",
                                         mutation_scale=8 if labels else 4, color="#444444",
                                         lw=0.8 if labels else 0.3, zorder=1, shrinkA=0, shrinkB=0))
    for node, (x, y) in positions.items():
        w, h = sizes[node]
        ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=10",
                                    fc=COLOURS[kinds[node]], ec="black", lw=0.6, zorder=2))
        if labels:
            ax.text(x, y, names[node].replace(" ", "\n", 1), ha="center", va="center", fontsize=7, zorder=3)
    ax.set_xlim(min(xs) - 200, max(xs) + 200)
    ax.set_ylim(max(ys) + 150, min(ys) - 150)
    ax.set_aspect("equal")
    ax.set_title(title)
    ax.axis("off")
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)


def _border(a: tuple[float, float], b: tuple[float, float], size: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from `a` to the centre `b` enters the box of `size` around `b`."""
    dx, dy = a[0] - b[0], a[1] - b[1]
    t = min(size[0] / 2 / abs(dx) if dx else float("inf"), size[1] / 2 / abs(dy) if dy else float("inf"), 1.0)
    return b[0] + dx * t, b[1] + dy * t


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/layout")
    out.mkdir(parents=True, exist_ok=True)
    sample = read_json_file(sample_path())
    big = generate_workshop(teams=200, promises=600, links=300, segments=8, canvases=0, seed=3)
    mid = generate_workshop(teams=30, promises=60, links=40, segments=4, canvases=0, seed=7)
    jobs = [
        ("sample_layers", sample, layered_layout(sample), "structure", True),
        ("sample_rings", sample, ring_layout(sample), "structure", True),
        ("sample_promises", sample, layered_layout(sample, "promises"), "promises", True),
        ("org30_layers", mid, layered_layout(mid), "structure", True),
        ("org30_rings", mid, ring_layout(mid), "structure", True),
        ("org200_layers", big, layered_layout(big), "structure", False),
        ("org200_rings", big, ring_layout(big), "structure", False),
    ]
    for name, workshop, positions, diagram, labels in jobs:
        draw(workshop, positions, out / f"{name}.png", name, diagram, labels)
        print(out / f"{name}.png")


if __name__ == "__main__":
    main()
