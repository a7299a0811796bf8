"""Three-way merge of two copies of one workshop against the copy both started from (Qt-free).

Objects are matched by id and merged field by field: what one side changed is taken, the same change on both sides
is taken once, a field changed differently on both sides is a conflict, and so is an object deleted on one side and
changed (or still needed: referred to, scored, placed) on the other. Lists keep the order either side gave them and
the inserts of both; levels merge per (curve, factor), positions per (diagram, node). Every conflict is resolved to
a side (the preferred one unless a choice says otherwise) and the result always passes the whole-workshop check.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass, replace
from functools import cache, partial
from operator import attrgetter
from typing import Any, Callable, Iterable

from app import document
from app import model as m
from app.document import DELETED_WITH_REFEREE, REFERRING_FIELDS
from app.integrity import workshop_problems
from app.validate import public_name

MINE, THEIRS = "mine", "theirs"
SIDES = (MINE, THEIRS)
WORKSHOP_ID = ""  # the workshop's own details, as edits name them
ROOT_ID = "\x00root"  # the users' own `x-` keys of the document and of its layouts
NAME_FIELDS = ("name", "title", "text", "statement", "hypothesis", "period")
# Referring fields that hold a tuple of ids (a deleted referee leaves the tuple); read so while they are landing.
LIST_REFERENCES: frozenset[tuple[str, str]] = getattr(document, "LIST_REFERENCES", frozenset())


class MergeRefused(ValueError):
    """The copies cannot be merged (they share nothing with the base); the message says why."""


class MergeFailed(RuntimeError):
    """The merge made a workshop that does not pass the whole-workshop check (a bug: nothing is written)."""


def other(side: str) -> str:
    """The other side."""
    return THEIRS if side == MINE else MINE


@dataclass(frozen=True)
class Conflict:
    """One place where the two sides disagree, and the side it was resolved to.

    `what`: "field" (changed differently on both sides), "deleted" (deleted on `deleted_in`, changed or still
    needed on the other side: `reasons` say how), "order" (a list reordered differently), "reference" (each side
    made a different curve the canvas's reference), "cycle" (promises that would support each other), "scale"
    (a level outside the canvas's merged scale). `mine`, `theirs`, `base` are the values (None when absent).
    """

    key: str
    what: str
    kind: str
    id: str
    name: str
    field: str | None
    mine: Any
    theirs: Any
    base: Any
    resolved: str
    deleted_in: str | None = None
    details: tuple[tuple[str, ...], ...] = ()

    @property
    def reasons(self) -> tuple[str, ...]:
        """The details in English words (the command line's)."""
        return tuple(reason_text(detail) for detail in self.details)


def reason_text(detail: tuple[str, ...]) -> str:
    """One detail of a conflict in English: ("changed", fields) / ("moved",) / ("refers", kind, name, field) /
    ("child", kind, name) / ("level", curve, factor) / ("position", diagram) / ("outside", curve, factor, level) /
    ("cycle", name, name, ...)."""
    what, *args = detail
    texts = {
        "changed": lambda: f"changed: {args[0]}",
        "moved": lambda: "moved to another canvas",
        "refers": lambda: f"{args[0]} «{args[1]}» refers to it ({args[2]})",
        "child": lambda: f"its {args[0]} «{args[1]}» was added or changed",
        "level": lambda: f"the level of «{args[0]}» on «{args[1]}» was set",
        "position": lambda: f"it was moved on the {args[0]} diagram",
        "outside": lambda: f"«{args[0]}» on «{args[1]}» is {args[2]}",
        "cycle": lambda: " → ".join(args),
    }
    return texts[what]() if what in texts else " ".join(detail)


@dataclass
class SideChanges:
    """What one side changed against the base: names of objects added, changed and deleted, per kind."""

    added: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)

    def count(self) -> int:
        """How many objects the side touched."""
        return sum(len(v) for part in (self.added, self.changed, self.deleted) for v in part.values())


@dataclass
class MergeResult:
    """The merged workshop, its conflicts (each resolved), and what each side had changed."""

    workshop: m.Workshop
    conflicts: list[Conflict]
    changes: dict[str, SideChanges]

    @property
    def clean(self) -> bool:
        """True when nothing conflicted."""
        return not self.conflicts


# ------------------------------------------------------------------------------------------ flat view
@dataclass
class _Item:
    kind: str
    parent: str | None
    fields: dict[str, Any]


@dataclass
class _Flat:
    """A workshop as plain maps: objects by id, list orders, levels per (curve, factor), positions per node."""

    items: dict[str, _Item]
    orders: dict[tuple[str, str | None], list[str]]
    levels: dict[tuple[str, str], Any]
    positions: dict[tuple[str, str], Any]


@cache
def _getter(kind: str) -> Callable[[Any], tuple[Any, ...]]:
    """Reads every field of a kind at once (a merge reads each field of thousands of objects)."""
    names = m.field_names(kind)
    get = attrgetter(*names)
    return (lambda obj: (get(obj),)) if len(names) == 1 else get


def _fields(kind: str, obj: Any) -> dict[str, Any]:
    return dict(zip(m.field_names(kind), _getter(kind)(obj), strict=True))


def flatten(w: m.Workshop) -> _Flat:
    """The flat view of a workshop (shares the objects' field values, never changes them)."""
    items: dict[str, _Item] = {
        WORKSHOP_ID: _Item("workshop", None, _fields("workshop", w.info)),
        ROOT_ID: _Item("root", None, {"extra": w.extra, "layouts_extra": w.layouts_extra}),
    }
    orders: dict[tuple[str, str | None], list[str]] = {}
    levels: dict[tuple[str, str], Any] = {}
    for kind in m.TOP_KINDS:
        objs = w.collection(kind)
        orders[(kind, None)] = [o.id for o in objs]
        for obj in objs:
            items[obj.id] = _Item(kind, None, _fields(kind, obj))
            if kind != "canvas":
                continue
            for child_kind in m.CANVAS_KINDS:
                children = getattr(obj, m.COLLECTIONS[child_kind])
                orders[(child_kind, obj.id)] = [c.id for c in children]
                for child in children:
                    items[child.id] = _Item(child_kind, obj.id, _fields(child_kind, child))
                    for factor_id, level in getattr(child, "levels", {}).items():
                        levels[(child.id, factor_id)] = level
    positions = {(diagram, node): xy for diagram, nodes in w.layouts.items() for node, xy in nodes.items()}
    return _Flat(items, orders, levels, positions)


def _build(flat: _Flat) -> m.Workshop:
    """The workshop a flat view describes (objects made afresh, own data copied)."""
    info = flat.items[WORKSHOP_ID].fields
    root = flat.items[ROOT_ID].fields
    w = m.Workshop(info=m.WorkshopInfo(**{**info, "extra": dict(info["extra"])}), extra=dict(root["extra"]),
                   layouts_extra=dict(root["layouts_extra"]))

    def make(obj_id: str) -> Any:
        item = flat.items[obj_id]
        return m.KINDS[item.kind](id=obj_id, **{**item.fields, "extra": dict(item.fields.get("extra", {}))})

    canvases: dict[str, m.Canvas] = {}
    for kind in m.TOP_KINDS:
        objs = [make(i) for i in flat.orders.get((kind, None), [])]
        setattr(w, m.COLLECTIONS[kind], objs)
        if kind == "canvas":
            canvases = {c.id: c for c in objs}
    for canvas_id, canvas in canvases.items():
        for child_kind in m.CANVAS_KINDS:
            setattr(canvas, m.COLLECTIONS[child_kind], [make(i) for i in flat.orders.get((child_kind, canvas_id), [])])
        order = {f.id: n for n, f in enumerate(canvas.factors)}
        for curve in canvas.curves:
            curve.levels = {}
            for factor_id in sorted((f for c, f in flat.levels if c == curve.id), key=order.__getitem__):
                curve.levels[factor_id] = flat.levels[(curve.id, factor_id)]
    for (diagram, node), xy in flat.positions.items():
        w.layouts.setdefault(diagram, {})[node] = xy
    return w


# -------------------------------------------------------------------------------------------- in words
def name_of(kind: str, fields: dict[str, Any], obj_id: str) -> str:
    """An object in words: its name, title or text (shortened), else its id."""
    if kind == "workshop":
        return fields.get("title") or "workshop"
    for name in NAME_FIELDS:
        text = fields.get(name)
        if isinstance(text, str) and text.strip():
            text = " ".join(text.split())
            return text if len(text) <= 48 else text[:47] + "…"
    return obj_id


def plain(value: Any) -> Any:
    """A model value as plain JSON data (for reports)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items() if not (k == "extra" and not v)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def conflict_json(conflict: Conflict) -> dict[str, Any]:
    """A conflict as the JSON object `merge --json` prints."""
    return {"conflict": conflict.what, "kind": conflict.kind, "id": conflict.id, "name": conflict.name,
            "field": conflict.field, "mine": plain(conflict.mine), "theirs": plain(conflict.theirs),
            "base": plain(conflict.base), "deleted_in": conflict.deleted_in, "reasons": list(conflict.reasons),
            "resolved": conflict.resolved}


# ----------------------------------------------------------------------------------------------- merge
class _Merger:
    """One merge: the three flat views, the choices, and the result built step by step."""

    def __init__(self, base: _Flat, mine: _Flat, theirs: _Flat, prefer: str, choices: dict[str, str] | None) -> None:
        if prefer not in SIDES:
            raise ValueError(f"prefer is {MINE!r} or {THEIRS!r}, not {prefer!r}")
        self.base, self.mine, self.theirs = base, mine, theirs
        self.side = {MINE: self.mine, THEIRS: self.theirs}
        self.prefer = prefer
        self.choices = choices or {}
        self.conflicts: dict[str, Conflict] = {}
        self.items: dict[str, _Item] = {}
        self.deleted_on: dict[str, str] = {}  # id -> the side that deleted it (the other kept it)
        self.cascaded: set[str] = set()  # removed because what they need is gone
        self.levels: dict[tuple[str, str], Any] = {}
        self.positions: dict[tuple[str, str], Any] = {}

    # -- conflicts
    def choice(self, key: str) -> str:
        """The side a conflict is resolved to."""
        chosen = self.choices.get(key, self.prefer)
        return chosen if chosen in SIDES else self.prefer

    def conflict(self, key: str, what: str, obj_id: str, field_name: str | None, mine: Any, theirs: Any,
                 base: Any, deleted_in: str | None = None, reason: tuple[str, ...] | None = None) -> str:
        """Record a conflict (or add a detail to it) and return the side it resolves to."""
        resolved = self.choice(key)
        known = self.conflicts.get(key)
        if known is not None:
            if reason and reason not in known.details:
                self.conflicts[key] = replace(known, details=(*known.details, reason))
            return resolved
        kind, name = self.describe(obj_id)
        self.conflicts[key] = Conflict(key, what, kind, obj_id, name, field_name, mine, theirs, base, resolved,
                                       deleted_in, (reason,) if reason else ())
        return resolved

    def version(self, obj_id: str) -> _Item | None:
        """The object as the merge sees it best: merged, else mine, theirs or the base."""
        for flat_items in (self.items, self.mine.items, self.theirs.items, self.base.items):
            if obj_id in flat_items:
                return flat_items[obj_id]
        return None

    def describe(self, obj_id: str) -> tuple[str, str]:
        """(kind, name in words) of any object of the three copies."""
        item = self.version(obj_id)
        if item is None:
            return "", obj_id
        return item.kind, name_of(item.kind, item.fields, obj_id)

    # -- objects
    def merge_objects(self) -> None:
        ids = dict.fromkeys([*self.base.items, *self.mine.items, *self.theirs.items])
        for obj_id in ids:
            b, mi, th = (f.items.get(obj_id) for f in (self.base, self.mine, self.theirs))
            if mi is not None and th is not None:
                self.items[obj_id] = self.merge_fields(obj_id, b, mi, th)
            elif mi is None and th is None:
                continue
            elif b is None:
                self.items[obj_id] = mi or th  # type: ignore[assignment]  # one of them is there
            else:
                kept_side = MINE if mi is not None else THEIRS
                kept = mi or th
                assert kept is not None
                self.deleted_on[obj_id] = other(kept_side)
                changed = [public_name(n) for n in kept.fields if kept.fields[n] != b.fields.get(n)]
                if not changed and kept.parent == b.parent:
                    continue
                reason = ("changed", ", ".join(changed)) if changed else ("moved",)
                if self.deleted_conflict(obj_id, reason) == kept_side:
                    self.items[obj_id] = kept

    def deleted_conflict(self, obj_id: str, reason: tuple[str, ...]) -> str:
        """The conflict of an object deleted on one side and changed or needed on the other: the side it goes to."""
        deleted_in = self.deleted_on[obj_id]
        kept = self.side[other(deleted_in)].items.get(obj_id) or self.base.items[obj_id]
        values = {deleted_in: None, other(deleted_in): kept.fields}
        return self.conflict(f"{obj_id}:deleted", "deleted", obj_id, None, values[MINE], values[THEIRS],
                             self.base.items[obj_id].fields, deleted_in, reason)

    def merge_fields(self, obj_id: str, b: _Item | None, mi: _Item, th: _Item) -> _Item:
        if mi.fields == th.fields:
            return mi
        base_fields = b.fields if b is not None else {}
        merged: dict[str, Any] = {}
        for name in dict.fromkeys([*mi.fields, *th.fields]):
            mv, tv, bv = mi.fields.get(name), th.fields.get(name), base_fields.get(name)
            if mv == tv or tv == bv and b is not None:
                merged[name] = mv
            elif mv == bv and b is not None:
                merged[name] = tv
            else:
                side = self.conflict(f"{obj_id}:{name}", "field", obj_id, public_name(name), mv, tv, bv)
                merged[name] = mv if side == MINE else tv
        return _Item(mi.kind, mi.parent, merged)

    # -- maps of values: levels, positions
    def merge_values(self, key_text: Callable[[Any], tuple[str, str, str]], base: dict, mine: dict,
                     theirs: dict) -> dict:
        """Merge a map of values three ways (absent = None); key_text gives (conflict key, object id, field)."""
        out = {}
        for key in dict.fromkeys([*base, *mine, *theirs]):
            bv, mv, tv = base.get(key), mine.get(key), theirs.get(key)
            if mv == tv or tv == bv:
                value = mv
            elif mv == bv:
                value = tv
            else:
                conflict_key, obj_id, field_name = key_text(key)
                side = self.conflict(conflict_key, "field", obj_id, field_name, mv, tv, bv)
                value = mv if side == MINE else tv
            if value is not None:
                out[key] = value
        return out

    def as_seen(self, side: str, part: str) -> dict:
        """A side's levels or positions, where what went with an object the side deleted counts as unchanged (the
        deletion itself is what merges)."""
        values, base_values = getattr(self.side[side], part), getattr(self.base, part)
        items = self.side[side].items
        out = dict(values)
        for key, value in base_values.items():
            if key not in values and any(x not in items for x in (key if part == "levels" else key[1:])):
                out[key] = value
        return out

    def level_key(self, key: tuple[str, str]) -> tuple[str, str, str]:
        curve, factor = key
        return f"{curve}:levels:{factor}", curve, f"levels.{self.describe(factor)[1]}"

    @staticmethod
    def position_key(key: tuple[str, str]) -> tuple[str, str, str]:
        diagram, node = key
        return f"{node}:layouts:{diagram}", node, f"layouts.{diagram}"

    # -- what is needed by what survives
    def settle_needs(self) -> None:
        """Resolve every reference, parent, level and position to an object that is gone, until none is left."""
        busy = True
        while busy:
            busy = False
            for obj_id, item in list(self.items.items()):
                if obj_id not in self.items:
                    continue
                for name in REFERRING_FIELDS.get(item.kind, ()):
                    value = item.fields.get(name)
                    targets = value if (item.kind, name) in LIST_REFERENCES and isinstance(value, tuple) else (value,)
                    for target in targets:
                        if not isinstance(target, str) or target in self.items:
                            continue
                        busy = True
                        who = name_of(item.kind, item.fields, obj_id)
                        by = ("refers", item.kind, who, public_name(name))
                        self.need(target, by, partial(self.drop_reference, obj_id, name, target))
                        break
                if item.parent is not None and item.parent not in self.items:
                    busy = True
                    child = ("child", item.kind, name_of(item.kind, item.fields, obj_id))
                    self.need(item.parent, child, partial(self.remove, obj_id))
            for key, level in list(self.levels.items()):
                gone = [x for x in key if x not in self.items]
                if gone:
                    busy = True
                    if level == self.base.levels.get(key):
                        del self.levels[key]
                        continue
                    curve, factor = (self.describe(x)[1] for x in key)
                    self.need(gone[0], ("level", curve, factor),
                              partial(self.levels.pop, key, None))
            for key, xy in list(self.positions.items()):
                if key[1] not in self.items:
                    busy = True
                    if xy == self.base.positions.get(key):
                        del self.positions[key]
                        continue
                    self.need(key[1], ("position", key[0]),
                              partial(self.positions.pop, key, None))

    def need(self, target: str, reason: tuple[str, ...], drop: Callable[[], Any]) -> None:
        """Something that survives needs `target`, which is gone: keep the target or drop the need."""
        if target in self.deleted_on and target not in self.cascaded:
            deleted_in = self.deleted_on[target]
            if self.deleted_conflict(target, reason) != deleted_in:
                kept = self.side[other(deleted_in)].items.get(target) or self.base.items[target]
                self.items[target] = kept
                return
        drop()

    def drop_reference(self, obj_id: str, name: str, target: str) -> None:
        """The referee is gone: the referrer goes with it, leaves it out of its list, or forgets it."""
        item = self.items.get(obj_id)
        if item is None:
            return
        if (item.kind, name) in DELETED_WITH_REFEREE:
            self.remove(obj_id)
        elif (item.kind, name) in LIST_REFERENCES:
            kept = tuple(x for x in item.fields[name] if x != target)
            self.items[obj_id] = _Item(item.kind, item.parent, {**item.fields, name: kept})
        else:
            self.items[obj_id] = _Item(item.kind, item.parent, {**item.fields, name: None})

    def remove(self, obj_id: str) -> None:
        self.items.pop(obj_id, None)
        self.cascaded.add(obj_id)

    # -- invariants across objects
    def one_reference_curve(self) -> None:
        by_canvas: dict[str, list[str]] = {}
        for obj_id, item in self.items.items():
            if item.kind == "curve" and item.fields.get("reference"):
                by_canvas.setdefault(item.parent or "", []).append(obj_id)
        for canvas_id, curves in by_canvas.items():
            if len(curves) < 2:
                continue
            chosen = {side: next((c for c in curves if self.side[side].items.get(c) is not None
                                  and self.side[side].items[c].fields.get("reference")), None) for side in SIDES}
            base_ref = next((c for c in curves if c in self.base.items and self.base.items[c].fields["reference"]),
                            None)
            names = {s: self.describe(c)[1] if c else None for s, c in chosen.items()}
            side = self.conflict(f"{canvas_id}:reference", "reference", canvas_id, "reference curve", names[MINE],
                                 names[THEIRS], self.describe(base_ref)[1] if base_ref else None)
            keep = chosen[side] or curves[0]
            for curve in curves:
                if curve != keep:
                    item = self.items[curve]
                    self.items[curve] = _Item(item.kind, item.parent, {**item.fields, "reference": False})

    def levels_on_scale(self) -> None:
        for (curve, factor), level in list(self.levels.items()):
            canvas_id = self.items[curve].parent or ""  # a curve's canvas survives (settle_needs)
            canvas = self.items[canvas_id]
            low, high = canvas.fields["scale"]
            if low <= level <= high:
                continue
            scales = {s: (self.side[s].items[canvas_id].fields["scale"] if canvas_id in self.side[s].items else None)
                      for s in SIDES}
            side = self.conflict(f"{canvas_id}:scale", "scale", canvas_id, "scale", scales[MINE], scales[THEIRS],
                                 self.base.items[canvas_id].fields["scale"] if canvas_id in self.base.items else None,
                                 reason=("outside", self.describe(curve)[1], self.describe(factor)[1], f"{level:g}"))
            taken = scales[side]
            if taken is not None and taken != canvas.fields["scale"]:
                self.items[canvas_id] = _Item(canvas.kind, None, {**canvas.fields, "scale": taken})
                low, high = taken
            self.levels[(curve, factor)] = min(max(level, low), high)
        for (curve, factor), level in list(self.levels.items()):  # a scale taken above may leave others outside
            low, high = self.items[self.items[curve].parent or ""].fields["scale"]
            self.levels[(curve, factor)] = min(max(level, low), high)

    def no_parent_cycles(self) -> None:
        while True:
            cycle = self.parent_cycle()
            if not cycle:
                return
            key = "cycle:" + ",".join(sorted(cycle))
            values = {s: self.parent_changes(s, cycle) for s in SIDES}
            first = cycle[0]
            side = self.conflict(key, "cycle", first, "parent", values[MINE], values[THEIRS], None,
                                 reason=("cycle", *(self.describe(p)[1] for p in [*cycle, first])))
            for promise in cycle:
                item = self.items[promise]
                version = self.side[side].items.get(promise)
                wanted = version.fields["parent"] if version is not None else None
                if wanted not in self.items:
                    wanted = None
                if item.fields["parent"] != wanted:
                    self.items[promise] = _Item(item.kind, None, {**item.fields, "parent": wanted})

    def parent_changes(self, side: str, cycle: list[str]) -> list[list[str | None]]:
        """[promise, its new parent] in words, for each promise of the cycle whose parent `side` changed."""
        changes: list[list[str | None]] = []
        for promise in cycle:
            version, was = self.side[side].items.get(promise), self.base.items.get(promise)
            parent = version.fields["parent"] if version is not None else None
            if version is not None and (was is None or parent != was.fields["parent"]):
                changes.append([self.describe(promise)[1], self.describe(parent)[1] if parent else None])
        return changes

    def parent_cycle(self) -> list[str]:
        done: set[str] = set()
        for start in self.items:
            if self.items[start].kind != "promise" or start in done:
                continue
            chain: list[str] = []
            on_chain: set[str] = set()
            current: str | None = start
            while current is not None and current not in done and current not in on_chain:
                chain.append(current)
                on_chain.add(current)
                parent = self.items.get(current)
                current = parent.fields.get("parent") if parent is not None else None
            if current is not None and current in on_chain:
                return chain[chain.index(current):]
            done.update(chain)
        return []

    # -- order of lists
    def merge_orders(self) -> dict[tuple[str, str | None], list[str]]:
        lists: dict[tuple[str, str | None], list[str]] = {}
        for obj_id, item in self.items.items():
            if item.kind in m.KINDS:
                lists.setdefault((item.kind, item.parent), []).append(obj_id)
        orders: dict[tuple[str, str | None], list[str]] = {}
        for key in [*((k, None) for k in m.TOP_KINDS), *sorted(k for k in lists if k[1] is not None)]:
            members = lists.get(key, [])
            orders[key] = self.merge_order(key, set(members), members)
        return orders

    def merge_order(self, key: tuple[str, str | None], members: set[str], fallback: list[str]) -> list[str]:
        base_order = [i for i in self.base.orders.get(key, []) if i in members]
        old = set(base_order)
        sides = {s: self.side[s].orders.get(key, []) for s in SIDES}
        kept = {s: [i for i in sides[s] if i in old] for s in SIDES}
        moved = {s: _order_changed(base_order, kept[s]) for s in SIDES}
        primary = base_order
        if moved[MINE] or moved[THEIRS]:
            if moved[MINE] and moved[THEIRS] and _order_changed(kept[MINE], kept[THEIRS]):
                kind, parent = key
                obj_id = parent or ""
                field_name = m.COLLECTIONS[kind]
                side = self.conflict(f"{parent or ''}:order:{kind}", "order", obj_id, f"order of {field_name}",
                                     [self.describe(i)[1] for i in kept[MINE]],
                                     [self.describe(i)[1] for i in kept[THEIRS]],
                                     [self.describe(i)[1] for i in base_order])
            else:
                side = MINE if moved[MINE] else THEIRS
            primary = list(kept[side])
            taken = set(primary)
            for obj_id in [i for i in base_order if i not in taken]:  # deleted by that side, kept by the merge
                _insert_after(primary, base_order, obj_id, set())
        result = list(primary)
        placed = set(result)
        fresh: set[str] = set()
        for s in SIDES:
            for obj_id in sides[s]:
                if obj_id in members and obj_id not in placed:
                    _insert_after(result, sides[s], obj_id, fresh)
                    placed.add(obj_id)
                    fresh.add(obj_id)
        result += [i for i in fallback if i not in placed]  # moved here from another canvas
        return result

    def run(self) -> MergeResult:
        self.merge_objects()
        self.levels = self.merge_values(self.level_key, self.base.levels, *(self.as_seen(s, "levels") for s in SIDES))
        self.positions = self.merge_values(self.position_key, self.base.positions,
                                           *(self.as_seen(s, "positions") for s in SIDES))
        self.settle_needs()
        self.one_reference_curve()
        self.no_parent_cycles()
        self.settle_needs()
        self.levels_on_scale()
        flat = _Flat(self.items, self.merge_orders(), self.levels, self.positions)
        workshop = _build(flat)
        for where, problem in workshop_problems(workshop, check_types=False):
            raise MergeFailed(f"the merged workshop is inconsistent at {where}: {problem}")
        changes = {s: side_changes(self.base, self.side[s]) for s in SIDES}
        return MergeResult(workshop, list(self.conflicts.values()), changes)


def _order_changed(old: list[str], new: list[str]) -> bool:
    """True when the objects both lists hold stand in another order in `new` than in `old`."""
    in_old, in_new = set(old), set(new)
    return [i for i in new if i in in_old] != [i for i in old if i in in_new]


def _insert_after(result: list[str], source: list[str], obj_id: str, fresh: set[str]) -> None:
    """Put `obj_id` after its nearest predecessor in `source` that `result` holds (after that neighbour's fresh
    followers, so the inserts of the side merged first stay first), or at the front."""
    index = {i: n for n, i in enumerate(result)}
    at = 0
    position = source.index(obj_id)
    for before in reversed(source[:position]):
        if before in index:
            at = index[before] + 1
            break
    while at < len(result) and result[at] in fresh:
        at += 1
    result.insert(at, obj_id)


def side_changes(base: _Flat, side: _Flat) -> SideChanges:
    """What `side` added, changed (fields, levels, positions, order) and deleted against `base`, in words."""
    out = SideChanges()

    def note(part: dict[str, list[str]], obj_id: str, item: _Item) -> None:
        part.setdefault(item.kind, []).append(name_of(item.kind, item.fields, obj_id))

    touched: set[str | None] = set()
    for level_key in set(base.levels) | set(side.levels):
        if base.levels.get(level_key) != side.levels.get(level_key):
            touched.add(level_key[0])
    for key in set(base.positions) | set(side.positions):
        if base.positions.get(key) != side.positions.get(key):
            touched.add(key[1])
    for list_key, order in side.orders.items():
        if list_key[1] is not None and _order_changed(base.orders.get(list_key, []), order):
            touched.add(list_key[1])
    for obj_id, item in side.items.items():
        was = base.items.get(obj_id)
        if was is None:
            note(out.added, obj_id, item)
        elif was.fields != item.fields or obj_id in touched:
            note(out.changed, obj_id, item)
    for obj_id, item in base.items.items():
        if obj_id not in side.items:
            note(out.deleted, obj_id, item)
    return out


def shares_objects(base: _Flat, copy: _Flat) -> bool:
    """True when `copy` may descend from `base`: the base has no objects yet, or they share at least one id."""
    base_ids = base.items.keys() - {WORKSHOP_ID, ROOT_ID}
    return not base_ids or any(obj_id in copy.items for obj_id in base_ids)


def merge(base: m.Workshop, mine: m.Workshop, theirs: m.Workshop, prefer: str = MINE,
          choices: dict[str, str] | None = None) -> MergeResult:
    """Merge `mine` and `theirs` against `base`; each conflict goes to `choices[conflict.key]` or `prefer`.

    MergeRefused when a copy shares no object with the base (it does not descend from it). The inputs are not
    changed; the result is a new workshop that passes the whole-workshop check.
    """
    flats = flatten(base), flatten(mine), flatten(theirs)
    for name, copy in ((MINE, flats[1]), (THEIRS, flats[2])):
        if not shares_objects(flats[0], copy):
            raise MergeRefused(f"{name} shares no object with the base: it is not a copy of the same workshop")
    return _Merger(*flats, prefer, choices).run()


def conflicts_text(conflicts: Iterable[Conflict]) -> list[str]:
    """One English line per conflict: the object in words with its id, the field, mine, theirs and base."""
    lines = []
    for c in conflicts:
        what = f"{c.kind} «{c.name}» ({c.id})" if c.kind else c.id
        if c.what == "deleted":
            kept = other(c.deleted_in or MINE)
            lines.append(f"{what}: deleted in {c.deleted_in}, kept in {kept} ({'; '.join(c.reasons)}); "
                         f"resolved to {c.resolved}")
            continue
        detail = f" ({'; '.join(c.reasons)})" if c.reasons else ""
        lines.append(f"{what} {c.field}: mine {_shown(c.mine)}, theirs {_shown(c.theirs)}, base {_shown(c.base)}"
                     f"{detail}; resolved to {c.resolved}")
    return lines


def _shown(value: Any) -> str:
    import json

    data = plain(value)
    if data is None:
        return "(none)"
    return json.dumps(data, ensure_ascii=False)
