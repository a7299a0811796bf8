"""Automatic layout, the graph: nodes and sizes, a diagram's arrows, layers by distance from the client, their order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from app import model as m

Size = tuple[float, float]

NODE_SIZE: dict[str, Size] = {
    "segment": (200.0, 90.0),
    "client_facing": (180.0, 80.0),
    "service": (180.0, 80.0),
    "council": (200.0, 90.0),
}
"""Default width and height of a node in scene units, by kind (a team's kind, or "segment")."""

SWEEPS = 6
"""At most this many down-and-up barycentre sweeps per ordering trial."""
SECOND_TRIAL_UP_TO = 2000
"""Layered graphs (nodes and passages) up to this size get a second ordering trial, with ties the other way."""


def node_sizes(workshop: m.Workshop, sizes: Mapping[str, Size] | None = None) -> dict[str, Size]:
    """Every segment's and team's (width, height): `sizes` by node id first, then by kind, then NODE_SIZE."""
    result: dict[str, Size] = {}
    for node_id, kind in _nodes(workshop):
        result[node_id] = _size_of(node_id, kind, sizes)
    return result


def _nodes(workshop: m.Workshop) -> list[tuple[str, str]]:
    """(id, kind) of every node of a diagram: segments, then teams, in the model's order."""
    nodes = [(s.id, "segment") for s in workshop.segments]
    nodes += [(t.id, t.kind if t.kind in NODE_SIZE else "service") for t in workshop.teams]
    return nodes


def _size_of(node_id: str, kind: str, sizes: Mapping[str, Size] | None) -> Size:
    """A node's size: by its id in `sizes`, else by its kind in `sizes`, else the default of its kind."""
    if sizes:
        size = sizes.get(node_id) or sizes.get(kind)
        if size:
            return float(size[0]), float(size[1])
    return NODE_SIZE[kind]


@dataclass
class Graph:
    """A diagram's nodes (segments, then teams, in model order, as indices) and its arrows between them."""

    ids: list[str]
    kinds: list[str]
    sizes: list[Size]
    edges: list[tuple[int, int]]
    """(a, b): a serves b (structure) or a promises to b (promises); unique, no arrow from a node to itself."""

    def __len__(self) -> int:
        return len(self.ids)

    def neighbours(self) -> list[list[int]]:
        """For each node, the nodes it shares an arrow with (either way), in model order."""
        result: list[set[int]] = [set() for _ in self.ids]
        for a, b in self.edges:
            result[a].add(b)
            result[b].add(a)
        return [sorted(s) for s in result]


def build_graph(workshop: m.Workshop, diagram: str = "structure",
                sizes: Mapping[str, Size] | None = None) -> Graph:
    """The graph of a diagram: links are the arrows of "structure", promises (from → to) those of "promises"."""
    if diagram not in m.DIAGRAMS:
        raise ValueError(f"unknown diagram {diagram!r}")
    nodes = _nodes(workshop)
    ids = [n for n, _ in nodes]
    kinds = [k for _, k in nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    arrows = workshop.links if diagram == "structure" else workshop.promises
    seen: set[tuple[int, int]] = set()
    edges = []
    for arrow in arrows:
        a, b = index.get(arrow.from_), index.get(arrow.to)
        if a is None or b is None or a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        edges.append((a, b))
    return Graph(ids, kinds, [_size_of(i, k, sizes) for i, k in nodes], edges)


def distance_layers(graph: Graph) -> tuple[list[list[int]], list[int], int]:
    """The layers (segments; teams at distance 1, 2 ... in arrows to a segment; teams reaching none), the councils,
    and how many layers reach a segment (those before the teams reaching none).

    Teams reaching no segment come last, layered the same way among themselves: first those that serve none of
    them, then those serving these, and so on. Arrows are not followed through a council: it stands beside the
    drawing, outside the layers.
    """
    servers: list[list[int]] = [[] for _ in graph.ids]
    for a, b in graph.edges:
        servers[b].append(a)
    for found in servers:
        found.sort()
    kinds = graph.kinds
    distance = [-1] * len(graph)
    layers: list[list[int]] = []

    def walk(roots: list[int], offset: int) -> None:
        """Breadth first from `roots` (at layer `offset`) to the teams that serve them, not yet placed."""
        queue = list(roots)
        for i in roots:
            distance[i] = offset
        for served in queue:  # the queue grows while it is walked
            for server in servers[served]:
                if distance[server] < 0 and kinds[server] not in ("segment", "council"):
                    distance[server] = distance[served] + 1
                    queue.append(server)
        for i in queue:
            while len(layers) <= distance[i]:
                layers.append([])
            layers[distance[i]].append(i)

    walk([i for i, kind in enumerate(kinds) if kind == "segment"], 0)
    offset = reached = len(layers)
    unreached = [i for i, kind in enumerate(kinds) if distance[i] < 0 and kind != "council"]
    serving_unreached = {a for a, b in graph.edges if distance[b] < 0 and kinds[b] != "council"}
    walk([i for i in unreached if i not in serving_unreached], offset)
    for i in unreached:  # what is left serves in circles: start from the first in the model's order
        if distance[i] < 0:
            walk([i], offset)
    councils = [i for i, kind in enumerate(kinds) if kind == "council"]
    return [layer for layer in layers if layer], councils, reached


@dataclass
class Layered:
    """Layers made proper: an arrow spanning several layers passes through one dummy node in each layer between."""

    layers: list[list[int]]
    real: int
    """Nodes numbered below `real` are the graph's; from `real` on, dummies."""
    up: list[list[int]]
    down: list[list[int]]
    chains: list[tuple[int, int, list[int]]]
    """Each long arrow: its upper end, its lower end, and the dummies between, top to bottom."""

    def is_dummy(self, node: int) -> bool:
        """Whether `node` is a dummy that only keeps room for a long arrow."""
        return node >= self.real


def make_proper(graph: Graph, layers: list[list[int]]) -> Layered:
    """Layers with dummies on long arrows, and each node's neighbours in the layer above and below."""
    layers = [list(layer) for layer in layers]
    layer_of = {n: i for i, layer in enumerate(layers) for n in layer}
    up: list[list[int]] = [[] for _ in graph.ids]
    down: list[list[int]] = [[] for _ in graph.ids]

    def connect(upper: int, lower: int) -> None:
        down[upper].append(lower)
        up[lower].append(upper)

    chains: list[tuple[int, int, list[int]]] = []
    pairs = sorted({(min(a, b), max(a, b)) for a, b in graph.edges if a in layer_of and b in layer_of})
    for a, b in pairs:
        if layer_of[a] == layer_of[b]:
            continue
        if layer_of[a] > layer_of[b]:
            a, b = b, a
        previous, dummies = a, []
        for level in range(layer_of[a] + 1, layer_of[b]):
            dummy = len(up)
            up.append([])
            down.append([])
            layers[level].append(dummy)
            dummies.append(dummy)
            connect(previous, dummy)
            previous = dummy
        connect(previous, b)
        if dummies:
            chains.append((a, b, dummies))
    return Layered(layers, len(graph), up, down, chains)


def order_layers(lay: Layered, sweeps: int = SWEEPS) -> None:
    """Order each layer for fewer crossings (barycentre sweeps, down and up, from the layers' first order).

    Two trials (one past SECOND_TRIAL_UP_TO nodes) break ties by the model's order and by its reverse; the one
    with fewer crossings wins (the first on a tie), then runs of interchangeable nodes go back to the model's
    order. Deterministic.
    """
    best: tuple[int, list[list[int]]] | None = None
    for tie in (1, -1) if len(lay.up) <= SECOND_TRIAL_UP_TO else (1,):
        layers = [list(layer) for layer in lay.layers]
        crossings = _sweep(layers, lay, tie, sweeps)
        if best is None or crossings < best[0]:
            best = (crossings, layers)
        if crossings == 0:
            break
    assert best is not None
    lay.layers = best[1]
    _canonical_ties(lay)


def count_crossings(lay: Layered, layers: list[list[int]] | None = None) -> int:
    """How many pairs of arrows cross between consecutive layers (arrows drawn straight, layer to layer)."""
    layers = lay.layers if layers is None else layers
    pos = _positions(layers, lay)
    return sum(_crossings_between(layers[i], lay.down, pos) for i in range(len(layers) - 1))


def _positions(layers: list[list[int]], lay: Layered) -> list[int]:
    pos = [0] * len(lay.up)
    for layer in layers:
        for i, n in enumerate(layer):
            pos[n] = i
    return pos


def _sweep(layers: list[list[int]], lay: Layered, tie: int, sweeps: int) -> int:
    """Barycentre sweeps down and up on `layers` in place; leaves the best order seen and returns its crossings."""
    pos = _positions(layers, lay)
    best_crossings, best = -1, layers
    for _ in range(sweeps):  # at least one sweep: it also puts the passages of long arrows in place
        for i in range(1, len(layers)):
            _reorder(layers[i], lay.up, len(layers[i - 1]), pos, tie)
        for i in range(len(layers) - 2, -1, -1):
            _reorder(layers[i], lay.down, len(layers[i + 1]), pos, tie)
        crossings = count_crossings(lay, layers)
        if 0 <= best_crossings <= crossings:
            break
        best_crossings, best = crossings, [list(layer) for layer in layers]
        if crossings == 0:
            break
    layers[:] = best
    return best_crossings


def _reorder(layer: list[int], adjacent: list[list[int]], other: int, pos: list[int], tie: int) -> None:
    """Sort a layer by the mean place of each node's neighbours in the other layer (a lonely node keeps its place)."""
    own = len(layer)
    keys = {}
    for n in layer:
        nbrs = adjacent[n]
        if nbrs:
            keys[n] = (sum(pos[x] for x in nbrs) / len(nbrs) + 0.5) / other
        else:
            keys[n] = (pos[n] + 0.5) / own
    layer.sort(key=lambda n: (keys[n], tie * n))
    for i, n in enumerate(layer):
        pos[n] = i


def _crossings_between(upper: list[int], down: list[list[int]], pos: list[int]) -> int:
    """Crossings of the arrows between `upper` and the layer below it: inversions, counted with a Fenwick tree."""
    sequence = []
    for n in upper:
        sequence.extend(sorted(pos[x] for x in down[n]))
    if not sequence:
        return 0
    size = max(sequence) + 2
    tree = [0] * (size + 1)
    crossings = 0
    for seen, value in enumerate(sequence):
        i = value + 1  # count earlier values <= value ...
        not_greater = 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        crossings += seen - not_greater  # ... the others are greater: each such pair crosses
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def _canonical_ties(lay: Layered) -> None:
    """Within each layer, adjacent nodes with the same neighbours' places go back to the model's order."""
    pos = _positions(lay.layers, lay)
    for layer in lay.layers:
        start = 0
        while start < len(layer):
            end = start + 1
            signature = _signature(layer[start], lay, pos)
            while end < len(layer) and _signature(layer[end], lay, pos) == signature:
                end += 1
            if end - start > 1:
                layer[start:end] = sorted(layer[start:end])
            start = end
        for i, n in enumerate(layer):
            pos[n] = i


def _signature(n: int, lay: Layered, pos: list[int]) -> tuple[bool, tuple[int, ...], tuple[int, ...]]:
    return lay.is_dummy(n), tuple(sorted(pos[x] for x in lay.up[n])), tuple(sorted(pos[x] for x in lay.down[n]))
