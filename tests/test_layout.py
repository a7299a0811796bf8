"""Automatic layout from the client: layers and rings by distance, no overlaps, placing missing nodes, one undo step."""

from __future__ import annotations

import copy
import math
from collections import deque

import pytest

from app import model as m
from app.document import Document
from app.generate import generate_workshop, small_workshop
from app.history import History
from app.jsonio import read_json_file
from app.layout import (
    GAP,
    NODE_SIZE,
    ROW_GAP,
    layered_layout,
    layout_edit,
    node_sizes,
    overlapping_pairs,
    place_missing,
    ring_layout,
)
from app.layout_geometry import boxes_overlap, pack
from app.layout_routing import Obstacles, crossings, route, route_all
from app.resources import sample_path

Positions = dict[str, tuple[float, float]]


def organisation(parties: int, seed: int = 0) -> m.Workshop:
    """A generated workshop of `parties` segments and teams, about two links per party."""
    segments = max(2, parties // 50)
    return generate_workshop(teams=parties - segments, segments=segments, links=2 * parties,
                             promises=parties, canvases=0, seed=seed)


def distances(w: m.Workshop, diagram: str = "structure") -> dict[str, int | None]:
    """Each node's distance in arrows to a segment (0 for segments), None for councils and teams reaching none."""
    arrows = w.links if diagram == "structure" else w.promises
    kinds = {t.id: t.kind for t in w.teams}
    result: dict[str, int | None] = {s.id: 0 for s in w.segments}
    queue = deque(s.id for s in w.segments)
    while queue:
        served = queue.popleft()
        for a in arrows:
            if a.to == served and a.from_ not in result and kinds.get(a.from_) not in (None, "council"):
                result[a.from_] = result[served] + 1
                queue.append(a.from_)
    return {n: result.get(n) for n in [s.id for s in w.segments] + [t.id for t in w.teams]}


def box(p: tuple[float, float], size: tuple[float, float]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a node centred at `p`."""
    return p[0] - size[0] / 2, p[1] - size[1] / 2, p[0] + size[0] / 2, p[1] + size[1] / 2


def assert_layers(w: m.Workshop, positions: Positions, diagram: str = "structure") -> None:
    """Segments on top, then teams by distance, teams reaching no segment below all; each layer's rows together."""
    sizes = node_sizes(w)
    councils = {t.id for t in w.teams if t.kind == "council"}
    dist = distances(w, diagram)
    depth = max((d for d in dist.values() if d is not None), default=0) + 1
    bands: dict[int, list[tuple[float, float, float, float]]] = {}
    for node, d in dist.items():
        if node not in councils:
            bands.setdefault(depth if d is None else d, []).append(box(positions[node], sizes[node]))
    levels = sorted(bands)
    for upper, lower in zip(levels, levels[1:], strict=False):
        assert max(b[3] for b in bands[upper]) < min(b[1] for b in bands[lower]), (upper, lower)


def assert_clean(w: m.Workshop, positions: Positions, gap: float = ROW_GAP - 1) -> None:
    """Every segment and team has a position, and no two boxes come closer than `gap`."""
    assert set(positions) == {s.id for s in w.segments} | {t.id for t in w.teams}
    assert overlapping_pairs(positions, node_sizes(w), gap) == []


def test_node_sizes_by_kind_and_by_id() -> None:
    assert set(NODE_SIZE) == {"segment", "client_facing", "service", "council"}
    assert NODE_SIZE["segment"] == (200.0, 90.0)
    w = organisation(10)
    team = w.teams[0]
    sizes = node_sizes(w, {team.id: (300, 120), "segment": (250, 100)})
    assert sizes[team.id] == (300.0, 120.0)
    assert sizes[w.segments[0].id] == (250.0, 100.0)
    assert sizes[w.teams[1].id] == NODE_SIZE[w.teams[1].kind]


def test_pack_keeps_order_and_spacing_as_near_the_targets_as_it_can() -> None:
    assert pack([0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [0.0, 10.0, 10.0]) == [-10.0, 0.0, 10.0]
    assert pack([0.0, 100.0], [1.0, 1.0], [0.0, 10.0]) == [0.0, 100.0]
    assert pack([50.0, 0.0], [3.0, 1.0], [0.0, 20.0]) == pytest.approx([32.5, 52.5])  # minimises 3(x - 50)² + (x + 20)²


# ----------------------------------------------------------------------------------------------- the sample


SAMPLE_LAYERS = {  # read from the sample's links: who serves whom
    "Молодые семьи": 0, "Офисные сотрудники": 0,
    "Магазин на Лесной": 1, "Доставка": 1, "Служба заботы": 1,  # serve Молодые семьи
    "Кухня готовой еды": 1,  # serves Офисные сотрудники
    "Логистика": 2,  # serves Магазин на Лесной and Кухня готовой еды
    "Закупки": 2,  # serves Магазин на Лесной
    "ИТ": 2,  # serves Магазин на Лесной and Доставка
}


def test_sample_gets_the_layers_read_from_its_links() -> None:
    w = read_json_file(sample_path())
    names = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
    by_name = {name: node for node, name in names.items()}
    positions = layered_layout(w)
    rows = sorted({y for node, (_, y) in positions.items() if names[node] != "Совет управляющих"})
    assert len(rows) == 3
    for name, layer in SAMPLE_LAYERS.items():
        assert positions[by_name[name]][1] == rows[layer], name
    assert_clean(w, positions)
    # The council stands beside everything, to the right, not above the segments.
    sizes = node_sizes(w)
    council = by_name["Совет управляющих"]
    others = [n for n in positions if n != council]
    assert box(positions[council], sizes[council])[0] > max(box(positions[n], sizes[n])[2] for n in others)
    assert positions[council][1] > rows[0]
    # Each segment stands over the teams that serve it, and no two links cross.
    x = {name: positions[node][0] for name, node in by_name.items()}
    assert x["Офисные сотрудники"] == x["Кухня готовой еды"]
    serving_young = [x[n] for n in ("Магазин на Лесной", "Доставка", "Служба заботы")]
    assert min(serving_young) < x["Молодые семьи"] < max(serving_young)
    assert max(serving_young) < x["Кухня готовой еды"]
    assert crossing_links(w, positions) == 0


def crossing_links(w: m.Workshop, positions: Positions) -> int:
    """How many pairs of links, drawn straight between centres, cross (sharing an end is not crossing)."""
    def turn(a, b, c) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    segments = [(positions[link.from_], positions[link.to], {link.from_, link.to}) for link in w.links]
    count = 0
    for i, (a, b, ends) in enumerate(segments):
        for c, d, other_ends in segments[i + 1:]:
            if ends & other_ends:
                continue
            if turn(a, b, c) * turn(a, b, d) < 0 and turn(c, d, a) * turn(c, d, b) < 0:
                count += 1
    return count


def test_sample_promise_map_layers_by_promises() -> None:
    w = read_json_file(sample_path())
    positions = layered_layout(w, "promises")
    assert_layers(w, positions, "promises")
    assert_clean(w, positions)


def test_promise_map_follows_promises_not_links() -> None:
    segment = m.Segment("s", "Клиенты")
    front, back = m.Team("front", "Магазин"), m.Team("back", "Склад", "service")
    w = m.Workshop(segments=[segment], teams=[front, back],
                   links=[m.Link("l1", "front", "s")],  # only the shop serves the client
                   promises=[m.Promise("p1", "back", "s"), m.Promise("p2", "front", "back")])
    structure, promises = layered_layout(w), layered_layout(w, "promises")
    assert structure["s"][1] < structure["front"][1] < structure["back"][1]  # the store reaches no one: bottom
    assert promises["s"][1] < promises["back"][1] < promises["front"][1]  # the store promises to the client
    with pytest.raises(ValueError):
        layered_layout(w, "org chart")


# ---------------------------------------------------------------------------------- generated organisations


@pytest.mark.parametrize("parties", [10, 100, 1000])
def test_layers_put_segments_on_top_and_never_overlap(parties: int) -> None:
    w = organisation(parties)
    for diagram in ("structure", "promises"):
        positions = layered_layout(w, diagram)
        assert_clean(w, positions)
        assert_layers(w, positions, diagram)
        sizes = node_sizes(w)
        lowest_segment = max(box(positions[s.id], sizes[s.id])[3] for s in w.segments)
        assert all(box(positions[t.id], sizes[t.id])[1] > lowest_segment for t in w.teams if t.kind != "council")


@pytest.mark.parametrize("seed", range(40))
def test_small_workshops_lay_out_cleanly(seed: int) -> None:
    w = small_workshop(seed)
    for diagram in ("structure", "promises"):
        layers = layered_layout(w, diagram)
        assert_clean(w, layers)
        assert_layers(w, layers, diagram)
        assert_clean(w, ring_layout(w, diagram), gap=GAP / 2)  # rings keep GAP between bounding circles


def test_council_stands_beside_not_above() -> None:
    w = organisation(400)  # three councils
    positions = layered_layout(w)
    sizes = node_sizes(w)
    councils = [t.id for t in w.teams if t.kind == "council"]
    assert len(councils) == 3
    others = [n for n in positions if n not in councils]
    right = max(box(positions[n], sizes[n])[2] for n in others)
    top = min(box(positions[n], sizes[n])[1] for n in others)
    for council in councils:
        left, upper, _, _ = box(positions[council], sizes[council])
        assert left > right and upper > top


def test_wide_layers_wrap_into_rows_of_a_readable_drawing() -> None:
    w = organisation(1000)
    positions = layered_layout(w)
    councils = {t.id for t in w.teams if t.kind == "council"}
    per_row: dict[float, int] = {}
    for node, (_, y) in positions.items():
        if node not in councils:
            per_row[y] = per_row.get(y, 0) + 1
    assert max(per_row.values()) <= 20
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert 1 / 3 < width / height < 3, (width, height)


def test_layout_is_deterministic() -> None:
    w = organisation(200, seed=5)
    for diagram in ("structure", "promises"):
        assert layered_layout(w, diagram) == layered_layout(copy.deepcopy(w), diagram)
        assert ring_layout(w, diagram) == ring_layout(copy.deepcopy(w), diagram)


def test_custom_sizes_are_respected() -> None:
    w = organisation(100)
    sizes = {"service": (400.0, 150.0), w.segments[0].id: (500.0, 60.0)}
    for layout in (layered_layout, ring_layout):
        positions = layout(w, sizes=sizes)
        assert overlapping_pairs(positions, node_sizes(w, sizes), GAP / 2) == []


def test_odd_graphs_still_lay_out() -> None:
    teams = [m.Team(f"t{i}", kind="service") for i in range(4)] + [m.Team("c", kind="council")]
    w = m.Workshop(segments=[], teams=teams, links=[  # no segment at all, a cycle, a self-link, the council
        m.Link("a", "t0", "t1"), m.Link("b", "t1", "t2"), m.Link("c1", "t2", "t0"), m.Link("d", "t3", "t3"),
        m.Link("e", "t3", "c"), m.Link("f", "c", "t0")])
    for layout in (layered_layout, ring_layout):
        assert_clean(w, layout(w), gap=GAP / 2)
    assert layered_layout(m.Workshop()) == {} == ring_layout(m.Workshop())
    only_council = m.Workshop(teams=[m.Team("c", kind="council")])
    assert set(layered_layout(only_council)) == {"c"}


def test_long_links_leave_a_passage_through_the_layers_between() -> None:
    s = m.Segment("s")
    chain = [m.Team(f"t{i}", kind="service") for i in range(4)]
    side = [m.Team(f"x{i}", kind="service") for i in range(6)]
    links = [m.Link("l0", "t0", "s")] + [m.Link(f"l{i}", f"t{i}", f"t{i - 1}") for i in range(1, 4)]
    links += [m.Link(f"x{i}", f"x{i}", "t0") for i in range(6)]  # six more teams at distance 2
    links += [m.Link("long", "t0", "t3")]  # from distance 1 down to distance 4
    w = m.Workshop(segments=[s], teams=chain + side, links=links)
    positions = layered_layout(w)
    assert_clean(w, positions)
    a, b = positions["t0"], positions["t3"]
    sizes = node_sizes(w)
    for node, centre in positions.items():
        if node not in ("t0", "t3") and a[1] < centre[1] < b[1]:
            t = (centre[1] - a[1]) / (b[1] - a[1])
            x = a[0] + t * (b[0] - a[0])  # where the long link crosses this node's row
            assert abs(x - centre[0]) >= sizes[node][0] / 2, node


# --------------------------------------------------------------------------------------------------- rings


@pytest.mark.parametrize("parties", [10, 50, 100, 1000])
def test_rings_put_segments_inside_client_facing_then_service_teams_and_the_council_beside(parties: int) -> None:
    w = organisation(parties)
    positions = ring_layout(w)
    assert_clean(w, positions, gap=GAP / 2)
    kinds = {s.id: "segment" for s in w.segments} | {t.id: t.kind for t in w.teams}
    flatten = 1.7  # the rings are ellipses this much wider than high: distances measured in that plane
    radius: dict[str, list[float]] = {}
    for node, (x, y) in positions.items():
        radius.setdefault(kinds[node], []).append(math.hypot(x / flatten, y))
    assert max(radius["segment"]) < min(radius["client_facing"])
    assert max(radius["client_facing"]) < min(radius["service"])
    sizes = node_sizes(w)
    ringed = [n for n in positions if kinds[n] != "council"]
    right = max(box(positions[n], sizes[n])[2] for n in ringed)
    top = min(box(positions[n], sizes[n])[1] for n in ringed)
    for council in (n for n in positions if kinds[n] == "council"):
        left, upper, _, lower = box(positions[council], sizes[council])
        beside = [n for n in ringed if box(positions[n], sizes[n])[1] < lower]
        assert left > max(box(positions[n], sizes[n])[2] for n in beside), "the council stands beside, not on a ring"
        assert upper >= top and left <= right + 200  # level with the rings' top, near them
    if parties >= 50:  # a ring, not a chain: the client-facing teams go all round the segments
        quarters = {(x > 0, y > 0) for n, (x, y) in positions.items() if kinds[n] == "client_facing"}
        assert len(quarters) == 4


def test_rings_of_the_sample_put_the_client_in_the_middle() -> None:
    w = read_json_file(sample_path())
    positions = ring_layout(w)
    assert_clean(w, positions, gap=GAP / 2)
    radius = {n: math.hypot(*p) for n, p in positions.items()}
    segments = {s.id for s in w.segments}
    teams = [t.id for t in w.teams if t.kind != "council"]
    assert max(radius[s] for s in segments) < min(radius[t] for t in teams)
    ys = [positions[t.id][1] for t in w.teams if t.kind == "client_facing"]
    assert min(ys) < 0 < max(ys)  # all round, not a vertical chain below


# --------------------------------------------------------------------------------------------- place missing


@pytest.mark.parametrize(("parties", "diagram"), [(10, "structure"), (100, "structure"), (100, "promises"),
                                                  (1000, "structure")])
def test_place_missing_never_overlaps_stored_nodes(parties: int, diagram: str) -> None:
    w = organisation(parties, seed=2)
    stored = dict(w.layouts[diagram])
    missing = {s.id for s in w.segments} | {t.id for t in w.teams}
    missing -= set(stored)
    assert stored and missing
    placed = place_missing(w, diagram)
    assert set(placed) == missing
    sizes = node_sizes(w)
    for node, centre in placed.items():
        for other, where in stored.items():
            assert not boxes_overlap(centre, sizes[node], where, sizes[other], GAP - 1), (node, other)
    assert overlapping_pairs(placed, sizes, GAP - 1) == []
    assert place_missing(w, diagram) == placed  # deterministic


def test_place_missing_puts_a_node_near_what_it_connects_to() -> None:
    w = read_json_file(sample_path())
    by_name = {t.name: t.id for t in w.teams}
    w.layouts["structure"] = layered_layout(w)
    purchasing, shop = by_name["Закупки"], by_name["Магазин на Лесной"]
    old = w.layouts["structure"].pop(purchasing)
    placed = place_missing(w, "structure")
    assert set(placed) == {purchasing}
    x, y = placed[purchasing]
    assert y > w.layouts["structure"][shop][1]  # below what it serves
    assert math.dist((x, y), old) < 300
    assert place_missing(w, "promises") == layered_layout(w, "promises")  # nothing stored there: the layout
    w.layouts["structure"][purchasing] = (x, y)
    assert place_missing(w, "structure") == {}


def test_place_missing_finds_room_for_unconnected_nodes() -> None:
    w = read_json_file(sample_path())
    w.layouts["structure"] = layered_layout(w)
    w.segments.append(m.Segment("new-segment", "Туристы"))
    w.teams.append(m.Team("new-team", "Пекарня", "service"))
    w.teams.append(m.Team("new-council", "Второй совет", "council"))
    placed = place_missing(w, "structure")
    stored = w.layouts["structure"]
    sizes = node_sizes(w)
    top_segment = min(stored[s.id][1] for s in w.segments if s.id in stored)
    assert placed["new-segment"][1] == top_segment  # beside the other segments
    assert placed["new-team"][1] > max(y for _, y in stored.values())  # below the drawing
    right = max(box(p, sizes[n])[2] for n, p in stored.items())
    assert box(placed["new-council"], sizes["new-council"])[0] > right - 1
    everything = {**stored, **placed}
    assert overlapping_pairs(everything, sizes, GAP - 1) == []


# ---------------------------------------------------------------------------------------------- one edit


def test_layout_edit_applies_as_one_edit_and_one_undo_restores_every_position() -> None:
    w = organisation(100, seed=4)
    before = copy.deepcopy(w.layouts)
    doc = Document(w)
    announced = []
    doc.listen(lambda changes: announced.append(changes))
    history = History(doc)
    positions = layered_layout(doc.model)
    batch = layout_edit(doc, "structure", positions, "Arrange in layers")
    changed = sum(1 for n, p in positions.items() if before["structure"].get(n) != p)
    assert len(batch.edits) == changed > 0
    history.push(batch)
    assert len(announced) == 1
    assert announced[0].placed("structure") == {n for n, p in positions.items() if before["structure"].get(n) != p}
    assert doc.model.layouts["structure"] == positions
    assert history.undo_text == "Arrange in layers"
    history.undo()
    assert doc.model.layouts == before
    history.redo()
    assert doc.model.layouts["structure"] == positions
    assert layout_edit(doc, "structure", positions, "Arrange").edits == ()  # nothing moves: nothing to do


def test_layout_edit_skips_unknown_ids_and_keeps_other_diagrams() -> None:
    w = read_json_file(sample_path())
    doc = Document(w)
    positions = {**ring_layout(w, "promises"), "no-such-node": (0.0, 0.0)}
    batch = layout_edit(doc, "promises", positions, "Arrange in rings")
    assert {leaf.node for leaf in batch.edits} == {s.id for s in w.segments} | {t.id for t in w.teams}
    History(doc).push(batch)
    assert doc.model.layouts["structure"] == {}
    assert len(doc.model.layouts["promises"]) == len(w.segments) + len(w.teams)


# --------------------------------------------------------------------------------------------------- routing


@pytest.mark.parametrize(("which", "layout", "most"), [("sample", layered_layout, 0), ("sample", ring_layout, 0),
                                                      (50, layered_layout, 2), (50, ring_layout, 4)])
def test_routed_arrows_pass_no_node_but_their_ends(which: str | int, layout, most: int) -> None:
    w = read_json_file(sample_path()) if which == "sample" else organisation(int(which))
    positions = layout(w)
    sizes = node_sizes(w)
    boxes = {n: (p, sizes[n]) for n, p in positions.items()}
    arrows = [(link.from_, link.to) for link in w.links if link.from_ != link.to]
    straight = crossings(arrows, [[] for _ in arrows], boxes)
    routed = crossings(arrows, route_all(arrows, boxes), boxes)
    print(f"{which} {layout.__name__}: {straight} node crossings drawn straight, {routed} routed")
    assert routed <= most
    assert routed == 0 or routed < straight / 2


def test_a_route_bends_round_a_node_in_the_way() -> None:
    boxes = {"a": ((0.0, 0.0), (180.0, 80.0)), "b": ((600.0, 0.0), (180.0, 80.0)),
             "wall": ((300.0, 0.0), (180.0, 80.0))}
    obstacles = Obstacles(boxes)
    assert obstacles.crossed((0.0, 0.0), (600.0, 0.0), ("a", "b")) == ["wall"]
    bends = route("a", "b", obstacles)
    assert 1 <= len(bends) <= 2 and all(abs(y) > 40 for _, y in bends)  # over or under the wall
    assert crossings([("a", "b")], [bends], boxes) == 0
    assert route("a", "wall", obstacles) == []  # a clear line stays straight
