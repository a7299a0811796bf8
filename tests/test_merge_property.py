"""Random edits on two copies of a generated workshop: the merge takes every change that does not conflict, is
symmetric up to the preferred side, and always passes the whole-workshop check."""

from __future__ import annotations

import copy
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import changes as c
from app import model as m
from app.document import Document, EditRefused
from app.edits import Batch, Delete, Edit, Insert, Move, SetLevel, SetPosition, Update, leaves
from app.generate import small_workshop
from app.integrity import workshop_problems
from app.jsonio import workshop_to_json
from app.merge import MINE, THEIRS, flatten, merge

TEXT_FIELDS = ("name", "text", "description", "notes", "title", "statement", "metric", "hypothesis", "purpose",
               "target", "tagline", "errc_note", "result", "learning")


def touched(edit: Edit) -> set[str]:
    """Every object id an edit changes (a canvas's children with it)."""
    ids: set[str] = set()
    for leaf in leaves(edit):
        if isinstance(leaf, (Insert, Delete)):
            ids.add(leaf.obj.id)
            ids.update(x.id for x in getattr(leaf.obj, "factors", []) + getattr(leaf.obj, "curves", []))
        elif isinstance(leaf, (Update, Move)):
            ids.add(leaf.id)
        elif isinstance(leaf, SetLevel):
            ids.add(leaf.curve)
        elif isinstance(leaf, SetPosition):
            ids.add(leaf.node)
    return ids


class Side:
    """One laptop: its copy, the objects only it may touch, and the half of the shared objects' fields it may."""

    def __init__(self, name: str, base: m.Workshop, own: set[str], shared: set[str], parity: int,
                 rng: random.Random, moves: bool) -> None:
        self.name, self.doc, self.own, self.shared = name, Document(copy.deepcopy(base)), own, shared
        self.parity = parity
        self.rng, self.moves, self.count = rng, moves, 0

    def new_id(self) -> str:
        self.count += 1
        return f"{self.name}-{self.count}"

    def mine(self, kind: str) -> list[Any]:
        return [o for o in self.doc.model.collection(kind) if o.id in self.own]

    def edit(self, anywhere: bool = False) -> Edit | None:
        """One random edit that keeps to this side's objects and fields (or to anything, when `anywhere`)."""
        rng, doc = self.rng, self.doc
        ours = (lambda kind: list(doc.model.collection(kind))) if anywhere else self.mine
        what = rng.choice(("value", "team", "segment", "promise", "rename", "shared", "delete", "move", "position",
                           "level", "parent", "reference", "scale", "joint"))
        if what in ("parent", "reference", "scale", "joint"):
            return self.cross_edit(what, ours) if anywhere else None
        if what in ("value", "team", "segment"):
            obj = {"value": m.Value, "team": m.Team, "segment": m.Segment}[what](self.new_id(), f"{self.name} {what}")
            return c.insert(doc, obj, index=rng.randint(0, len(doc.model.collection(what))))
        if what == "promise":
            parties = ours("team") + ours("segment")
            teams = ours("team")
            if not teams:
                return None
            parent = rng.choice([None, *(p.id for p in ours("promise"))])
            return c.insert(doc, m.Promise(self.new_id(), rng.choice(teams).id, rng.choice(parties).id, "обещание",
                                           parent=parent, status=rng.choice(m.PROMISE_STATUSES)))
        candidates = [i for i in (self.own if not anywhere else set(doc._index)) if doc.find(i) is not None]
        if what == "rename" and candidates:
            obj_id = rng.choice(sorted(candidates))
            names = [f for f in m.field_names(doc.kind_of(obj_id)) if f in TEXT_FIELDS]
            return c.update(doc, obj_id, **{rng.choice(names): f"{self.name} {rng.random():.3f}"}) if names else None
        if what == "shared" and self.shared:
            obj_id = rng.choice(sorted(self.shared))
            names = [f for n, f in enumerate(m.field_names(doc.kind_of(obj_id)))
                     if f in TEXT_FIELDS and (anywhere or n % 2 == self.parity)]
            return c.update(doc, obj_id, **{rng.choice(names): f"{self.name} {rng.random():.3f}"}) if names else None
        if what == "delete" and candidates:
            return c.delete(doc, rng.choice(sorted(candidates)))
        if what == "move" and (self.moves or anywhere) and candidates:
            obj_id = rng.choice(sorted(candidates))
            return c.move(doc, obj_id, rng.randrange(len(doc.siblings(doc.kind_of(obj_id), doc.parent_of(obj_id)))))
        if what == "position":
            nodes = ours("team") + ours("segment")
            if nodes:
                xy = (float(rng.randint(-500, 500)), float(rng.randint(-500, 500)))
                return c.set_position(doc, rng.choice(m.DIAGRAMS), rng.choice(nodes).id, xy)
        if what == "level":
            curves = [(cv, x) for cv in doc.model.canvases for x in cv.curves
                      if anywhere or x.id in self.own]
            if curves:
                canvas, curve = rng.choice(curves)
                if canvas.factors:
                    low, high = canvas.scale
                    level = rng.choice([None, low, high, (low + high) / 2])
                    return c.set_level(doc, curve.id, rng.choice(canvas.factors).id, level)
        return None

    def cross_edit(self, what: str, ours: Any) -> Edit | None:
        """Edits whose merge can break a rule across objects: a parent chain, one reference curve per canvas, levels
        within the scale, joint promisers that are teams."""
        rng, doc = self.rng, self.doc
        promises = ours("promise")
        if what == "parent" and len(promises) > 1:
            child, parent = rng.sample(promises, 2)
            return c.update(doc, child.id, parent=parent.id)
        if what == "joint" and promises and ours("team"):
            promise = rng.choice(promises)
            teams = rng.sample(ours("team"), min(2, len(ours("team"))))
            return c.update(doc, promise.id, co_promisers=tuple(t.id for t in teams if t.id != promise.from_))
        canvases = [cv for cv in ours("canvas") if cv.curves]
        if what == "reference" and canvases:
            canvas = rng.choice(canvases)
            chosen = rng.choice(canvas.curves)
            edits: list[Edit] = [c.update(doc, x.id, reference=False) for x in canvas.curves if x.reference]
            return Batch((*edits, c.update(doc, chosen.id, reference=True)))
        if what == "scale" and canvases:
            canvas = rng.choice(canvases)
            high = rng.choice((3, 4, 5, 10))
            clamps = [c.set_level(doc, x.id, f, min(v, high)) for x in canvas.curves for f, v in x.levels.items()
                      if v > high]
            return Batch((*clamps, c.update(doc, canvas.id, scale=(0, high))))
        return None

    def run(self, steps: int, anywhere: bool = False) -> None:
        for _ in range(steps):
            edit = self.edit(anywhere)
            if edit is None:
                continue
            changed = touched(edit)
            if not anywhere and not changed <= self.own | {i for i in changed if i.startswith(self.name)}:
                continue  # a cascade would reach the other side's objects
            try:
                self.doc.apply(edit)
            except EditRefused:
                continue
            if not anywhere:
                self.own |= {i for i in changed if i.startswith(self.name)}


def split(base: m.Workshop, rng: random.Random) -> tuple[set[str], set[str], set[str]]:
    """The base's objects dealt to mine, theirs and shared (fields split by parity)."""
    groups: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for obj_id in sorted(set(flatten(base).items) - {"", "\x00root"}):
        rng.choice(groups).add(obj_id)
    return groups


def by_id(w: m.Workshop) -> dict[str, Any]:
    flat = flatten(w)
    return {"items": {i: (x.kind, x.parent, x.fields) for i, x in flat.items.items()}, "levels": flat.levels,
            "positions": flat.positions}


def expected_merge(base: m.Workshop, a: m.Workshop, b: m.Workshop) -> dict[str, Any]:
    """Objects, levels and positions of both sequences applied: each value as the side that changed it left it."""
    fb, fa, fbb = flatten(base), flatten(a), flatten(b)
    items = {}
    for obj_id in {*fa.items, *fbb.items}:
        in_a, in_b = obj_id in fa.items, obj_id in fbb.items
        if obj_id in fb.items and not (in_a and in_b):
            continue
        if not (in_a and in_b):
            x = fa.items.get(obj_id) or fbb.items[obj_id]
            items[obj_id] = (x.kind, x.parent, x.fields)
            continue
        x, y, z = fa.items[obj_id], fbb.items[obj_id], fb.items[obj_id]
        items[obj_id] = (x.kind, x.parent, {n: x.fields[n] if x.fields[n] != z.fields[n] else y.fields[n]
                                           for n in x.fields})

    def values(base_map: dict, a_map: dict, b_map: dict) -> dict:
        out = {}
        for key in {*base_map, *a_map, *b_map}:
            value = a_map.get(key) if a_map.get(key) != base_map.get(key) else b_map.get(key)
            if value is not None:
                out[key] = value
        return out

    levels = {k: v for k, v in values(fb.levels, fa.levels, fbb.levels).items() if k[0] in items and k[1] in items}
    positions = {k: v for k, v in values(fb.positions, fa.positions, fbb.positions).items() if k[1] in items}
    return {"items": items, "levels": levels, "positions": positions}


def restricted(order: list[str], keep: set[str]) -> list[str]:
    return [i for i in order if i in keep]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(0, 25), st.integers(0, 25))
def test_changes_to_different_objects_and_fields_merge_as_if_both_were_applied(seed, steps_a, steps_b):
    rng = random.Random(seed)
    base = small_workshop(seed % 97, extras=False)
    own_a, own_b, shared = split(base, rng)
    a = Side("a", base, own_a, shared, 0, rng, moves=True)
    b = Side("b", base, own_b, shared, 1, rng, moves=False)
    a.run(steps_a)
    b.run(steps_b)
    result = merge(base, a.doc.model, b.doc.model)
    assert result.conflicts == []
    assert list(workshop_problems(result.workshop)) == []
    assert by_id(result.workshop) == expected_merge(base, a.doc.model, b.doc.model)
    merged = flatten(result.workshop)
    for key, order in merged.orders.items():
        assert restricted(order, set(flatten(a.doc.model).orders.get(key, []))) == \
            restricted(flatten(a.doc.model).orders.get(key, []), set(order))
    swapped = merge(base, b.doc.model, a.doc.model, prefer=THEIRS)
    assert by_id(swapped.workshop) == by_id(result.workshop)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(0, 20), st.integers(0, 20))
def test_any_two_edit_runs_merge_into_a_consistent_workshop_symmetric_up_to_the_preferred_side(seed, steps_a,
                                                                                              steps_b):
    rng = random.Random(seed)
    base = small_workshop(seed % 97, extras=False)
    a = Side("a", base, set(), set(), 0, rng, moves=True)
    b = Side("b", base, set(), set(), 1, rng, moves=True)
    a.run(steps_a, anywhere=True)
    b.run(steps_b, anywhere=True)
    for prefer in (MINE, THEIRS):
        result = merge(base, a.doc.model, b.doc.model, prefer=prefer)
        assert list(workshop_problems(result.workshop)) == []
        flipped = merge(base, b.doc.model, a.doc.model, prefer=THEIRS if prefer == MINE else MINE)
        assert by_id(flipped.workshop) == by_id(result.workshop)
        assert len(flipped.conflicts) == len(result.conflicts)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(0, 20))
def test_merging_a_copy_with_itself_or_with_its_base_changes_nothing(seed, steps):
    rng = random.Random(seed)
    base = small_workshop(seed % 97, extras=True)
    a = Side("a", base, set(), set(), 0, rng, moves=True)
    a.run(steps, anywhere=True)
    for result in (merge(base, a.doc.model, a.doc.model), merge(base, a.doc.model, base),
                   merge(base, base, a.doc.model)):
        assert result.clean
        assert workshop_to_json(result.workshop) == workshop_to_json(a.doc.model)
