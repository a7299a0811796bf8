"""Shared to local: the core edits that make the model hold what the shared document holds, repaired to be whole.

Concurrent edits can meet in a state no single laptop made. The rules below repair it the same way on every
laptop (they only read the merged shared state), so every laptop ends with the same workshop, and it always passes
the whole-workshop consistency check:
- an object that goes with what it refers to (a promise or link whose team or segment was deleted elsewhere, a pain
  or proposition whose segment was) is deleted, as deleting the team here would have deleted it;
- any other reference to a deleted object (a promise's value or parent, an experiment's team, a canvas's segment,
  a reading's subject) is cleared; a deleted team leaves lists of teams (joint or alternative promisers);
- a factor or curve whose canvas was deleted goes with it; a level on a deleted factor, or off a changed scale, is
  cleared;
- two curves made the reference of one canvas at once: the one with the smaller id stays the reference;
- promises made each other's parents at once: the parent of the one with the smallest id in the loop is cleared;
- a position of a deleted node is dropped;
- a value the file format or the checks refuse (a hostile or broken peer: an unknown status, a text where a number
  goes) is not taken: the object keeps this laptop's state, which is sent back.
"""

from __future__ import annotations

import logging
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from typing import Any, Iterable

from pycrdt import Array, Doc, Map

from app import document as d
from app import model as m
from app.collab import codec
from app.collab import shared as s
from app.collab.order import moves
from app.collab.push import everything
from app.edits import Delete, Insert, Leaf, Move, SetLevel, SetPosition, Update
from app.validate import is_number, level_problem, object_problems, public_name

log = logging.getLogger(__name__)
_GONE = None
BULK = 20  # more marked objects of one kind than this are read in one call
LIST_REFERENCES: frozenset[tuple[str, str]] = getattr(d, "LIST_REFERENCES", frozenset())


class Target:
    """The merged state for the marked objects (None: absent), read from the shared document, and its repairs."""

    def __init__(self, doc: Doc, document: d.Document, dirty: s.Dirty) -> None:
        self.doc = doc
        self.document = document
        self.dirty = everything(doc, document) if dirty.everything else dirty
        self.objects: dict[str, tuple[str, Any]] = {}  # id -> (kind, object or None)
        self.parents: dict[str, str] = {}  # factor or curve id -> canvas id
        self.refused: set[str] = set()
        self.repaired: set[str] = set()  # ids a rule changed (written back to the shared document)
        self._read()
        self._repair()

    # ------------------------------------------------------------------ reading
    def _read(self) -> None:
        for kind in m.KINDS:
            ids = self.dirty.objects.get(kind, ())
            root: Any = s.objects(self.doc, kind)
            if len(ids) > BULK:
                root = s.plain(root)  # one call into the engine instead of one per object
            for obj_id in ids:
                self._read_one(root, kind, obj_id)
        for canvas_id in list(self.dirty.children):
            entry = s.objects(self.doc, "canvas").get(canvas_id)
            for name in codec.CHILD_LISTS:
                array = entry.get(name) if isinstance(entry, Map) else None
                for child_id in _ids(array):
                    kind = m.KIND_OF_COLLECTION[name]
                    if child_id not in self.objects:
                        self._read_one(s.objects(self.doc, kind), kind, child_id)

    def _read_one(self, root: Map | dict, kind: str, obj_id: str) -> None:
        entry = root.get(obj_id)
        if isinstance(entry, Map):
            entry = s.plain(entry)
        if not isinstance(entry, dict):
            self.objects[obj_id] = (kind, _GONE)
            return
        fields = {k: v for k, v in entry.items() if isinstance(v, str)}
        levels = None
        if kind == "curve":
            raw = entry.get(s.LEVELS_KEY)
            levels = dict(raw) if isinstance(raw, dict) else {}
        try:
            obj = codec.object_from(kind, obj_id, fields, levels)
        except codec.Refused as refused:
            log.warning("a shared change was not taken: %s", refused)
            self.refused.add(obj_id)
            return
        if kind in m.CANVAS_KINDS:
            self.parents[obj_id] = fields.get(s.CANVAS_KEY, "")
        self.objects[obj_id] = (kind, obj)

    # ------------------------------------------------------------ the final state
    def kind_of(self, obj_id: str) -> str | None:
        """The kind of `obj_id` once the merge is applied, or None when it will not exist."""
        found = self.objects.get(obj_id)
        if found is not None:
            return found[0] if found[1] is not None else None
        return self.document.kind_of(obj_id)

    def find(self, obj_id: str) -> Any:
        """The object `obj_id` once the merge is applied, or None."""
        found = self.objects.get(obj_id)
        if found is not None:
            return found[1]
        return self.document.find(obj_id)

    def parent_of(self, obj_id: str) -> str | None:
        """The canvas of a factor or curve once the merge is applied."""
        if obj_id in self.parents:
            return self.parents[obj_id]
        return self.document.parent_of(obj_id) if self.document.kind_of(obj_id) else None

    def children(self, canvas_id: str, kind: str) -> list[Any]:
        """The factors or curves of a canvas once the merge is applied, in the shared order."""
        name = m.COLLECTIONS[kind]
        entry = s.objects(self.doc, "canvas").get(canvas_id)
        ordered = _ids(entry.get(name) if isinstance(entry, Map) else None)
        local = self.document.find(canvas_id)
        ids = _unique([*ordered, *(c.id for c in getattr(local, name, []) if isinstance(local, m.Canvas)),
                       *(i for i, (k, _o) in self.objects.items() if k == kind and self.parents.get(i) == canvas_id)])
        return [self.find(i) for i in ids if self.kind_of(i) == kind and self.parent_of(i) == canvas_id]

    def deleted(self) -> list[str]:
        """Ids in the model that the merge removes."""
        return [i for i, (_k, obj) in self.objects.items() if obj is None and self.document.kind_of(i) is not None]

    def _set(self, obj_id: str, kind: str, obj: Any) -> None:
        """A rule changed an object: the merged state gets it, and so does the shared document afterwards."""
        self.objects[obj_id] = (kind, obj)
        self.repaired.add(obj_id)

    # ---------------------------------------------------------------- repairing
    def _repair(self) -> None:
        """Apply the documented rules until nothing changes."""
        for obj_id, (kind, obj) in list(self.objects.items()):
            if kind in m.CANVAS_KINDS and obj is not None and self.kind_of(self.parent_of(obj_id) or "") != "canvas":
                self._set(obj_id, kind, _GONE)  # its canvas was deleted elsewhere
        checked: set[str] = set()
        while True:
            todo = [i for i, (k, o) in self.objects.items() if o is not None and k in m.TOP_KINDS and i not in checked]
            for gone in self.deleted():
                for ref_kind, ref_id, _name in self.document.referrers(gone):
                    if ref_id not in checked and ref_kind in m.TOP_KINDS and self.find(ref_id) is not None:
                        todo.append(ref_id)
            if not todo:
                break
            for obj_id in _unique(todo):
                checked.add(obj_id)
                found = self.kind_of(obj_id)
                if found is not None:
                    self._repair_references(obj_id, found)
                    if self.find(obj_id) is None:
                        checked.clear()  # a cascade: what referred to it is looked at again
        self._repair_parent_loops()
        self._repair_canvases()

    def _repair_references(self, obj_id: str, kind: str) -> None:
        obj = self.find(obj_id)
        names = {public_name(n): n for n in m.field_names(kind)}
        cleared: dict[str, Any] = {}
        for shown, _problem in object_problems(kind, obj, self.kind_of):
            name = names.get(shown)
            if name is None:
                continue
            if name not in d.REFERRING_FIELDS.get(kind, ()) and (kind, name) not in LIST_REFERENCES:
                self._refuse(obj_id, kind, f"{shown}: {_problem}")  # not a reference: a value the method refuses
                return
            if (kind, name) in d.DELETED_WITH_REFEREE:
                self._set(obj_id, kind, _GONE)
                return
            value = getattr(obj, name)
            if (kind, name) in LIST_REFERENCES and isinstance(value, tuple):
                cleared[name] = tuple(x for x in value if self.kind_of(x) is not None)
            else:
                cleared[name] = _default(type(obj), name)
        for name in LIST_REFERENCES_OF.get(kind, ()):
            value = getattr(obj, name, ())
            kept = tuple(x for x in value if self.kind_of(x) is not None)
            if kept != tuple(value):
                cleared[name] = kept
        if cleared:
            self._set(obj_id, kind, replace(obj, **cleared))

    def _refuse(self, obj_id: str, kind: str, why: str) -> None:
        """Keep this laptop's state of an object whose shared value the checks refuse (it is sent back)."""
        log.warning("a shared change was not taken: %s %r: %s", kind, obj_id, why)
        local = self.document.find(obj_id) if self.document.kind_of(obj_id) == kind else None
        self.objects[obj_id] = (kind, local)
        self.refused.add(obj_id)

    def _repair_parent_loops(self) -> None:
        starts = [i for i, (k, o) in self.objects.items() if k == "promise" and o is not None and o.parent]
        for start in starts:
            chain: list[str] = []
            current: str | None = start
            while current is not None and current not in chain:
                chain.append(current)
                promise = self.find(current)
                current = promise.parent if isinstance(promise, m.Promise) else None
            if current is not None:  # a loop from `current`
                loop = chain[chain.index(current):]
                first = min(loop)
                self._set(first, "promise", replace(self.find(first), parent=None))

    def _repair_canvases(self) -> None:
        canvases = {i for i, (k, o) in self.objects.items() if k == "canvas" and o is not None}
        canvases |= {self.parent_of(i) or "" for i, (k, _o) in self.objects.items() if k in m.CANVAS_KINDS}
        for gone in self.deleted():
            if self.document.kind_of(gone) == "factor":
                canvases.add(self.document.parent_of(gone) or "")
        for canvas_id in canvases:
            canvas = self.find(canvas_id)
            if not isinstance(canvas, m.Canvas):
                continue
            factor_ids = {f.id for f in self.children(canvas_id, "factor")}
            curves = self.children(canvas_id, "curve")
            references = sorted(c.id for c in curves if c.reference)
            for curve in curves:
                levels = {f: v for f, v in curve.levels.items() if not level_problem(canvas, f, v, factor_ids)}
                reference = curve.reference and curve.id == references[0]
                if levels != curve.levels or reference != curve.reference:
                    self._set(curve.id, "curve", replace(curve, levels=levels, reference=reference))
                    self.parents.setdefault(curve.id, canvas_id)

    # ------------------------------------------------------------- the edits
    def positions(self) -> dict[str, dict[str, tuple[float, float] | None]]:
        """The merged position of every marked node (None: no position), dropped for nodes that will not exist."""
        out: dict[str, dict[str, tuple[float, float] | None]] = {}
        marked = {diagram: set(nodes) for diagram, nodes in self.dirty.positions.items() if diagram in m.DIAGRAMS}
        for gone in self.deleted():
            for diagram in m.DIAGRAMS:
                if gone in self.document.model.layouts.get(diagram, {}):
                    marked.setdefault(diagram, set()).add(gone)
        for diagram, nodes in marked.items():
            root = s.layout(self.doc, diagram)
            for node in nodes:
                xy = _position(root.get(node))
                out.setdefault(diagram, {})[node] = xy if self.kind_of(node) in ("team", "segment") else None
        return out


LIST_REFERENCES_OF: dict[str, tuple[str, ...]] = {
    kind: tuple(sorted(name for k, name in LIST_REFERENCES if k == kind)) for kind, _name in LIST_REFERENCES}


def plan(doc: Doc, document: d.Document, dirty: s.Dirty) -> tuple[list[Leaf], Target]:
    """The leaves that bring `document` to the merged, repaired state of the marked objects, in an order it accepts."""
    target = Target(doc, document, dirty)
    return _leaves(target), target


def _leaves(t: Target) -> list[Leaf]:
    document = t.document
    lists: dict[tuple[str, str | None], list[str]] = {}

    def ids_of(kind: str, parent: str | None) -> list[str]:
        key = (kind, parent)
        if key not in lists:
            lists[key] = [o.id for o in document.siblings(kind, parent)] if (
                parent is None or document.kind_of(parent) == "canvas") else []
        return lists[key]

    inserted: list[Leaf] = []
    for kind in m.TOP_KINDS:
        new = [(i, o) for i, (k, o) in t.objects.items() if k == kind and o is not None and document.kind_of(i) is None]
        for obj_id, obj in _dependencies_first(kind, new, t.dirty, t.doc):
            if kind == "canvas":
                obj = replace(obj, factors=t.children(obj_id, "factor"), curves=t.children(obj_id, "curve"))
            items = ids_of(kind, None)
            inserted.append(Insert(kind, obj, len(items)))
            items.append(obj_id)
    late: list[Leaf] = []
    new_canvases = {leaf.id for leaf in inserted if isinstance(leaf, Insert) and leaf.kind == "canvas"}
    for kind in m.CANVAS_KINDS:
        for obj_id, (k, obj) in t.objects.items():
            parent = t.parents.get(obj_id)
            if k != kind or obj is None or document.kind_of(obj_id) is not None or parent in new_canvases:
                continue
            if kind == "curve":  # its levels and reference are set once the canvas's other changes are in
                if obj.reference:
                    late.append(Update(kind, obj_id, {"reference": (False, True)}))
                obj = replace(obj, levels={}, reference=False)
            items = ids_of(kind, parent)
            inserted.append(Insert(kind, obj, len(items), parent))
            items.append(obj_id)
    levels_out, levels_in = _levels(t)
    clearing, setting = _updates(t)
    positions = t.positions()
    placed_out = [SetPosition(dg, n, document.model.layouts.get(dg, {}).get(n), xy)
                  for dg, nodes in positions.items() for n, xy in nodes.items()
                  if xy is None and n in document.model.layouts.get(dg, {})]
    placed_in = [SetPosition(dg, n, document.model.layouts.get(dg, {}).get(n), xy)
                 for dg, nodes in positions.items() for n, xy in nodes.items()
                 if xy is not None and document.model.layouts.get(dg, {}).get(n) != xy]
    deletes: list[Leaf] = []
    gone = set(t.deleted())
    for kind in (*m.CANVAS_KINDS, *reversed(list(m.TOP_KINDS))):
        doomed = [(i, document.find(i)) for i in gone if document.kind_of(i) == kind]
        if kind in m.CANVAS_KINDS:
            doomed = [(i, o) for i, o in doomed if document.parent_of(i) not in gone]
        for obj_id, obj in reversed(_dependencies_first(kind, doomed, None, None)):
            parent = document.parent_of(obj_id)
            items = ids_of(kind, parent)
            deletes.append(Delete(kind, m.copy_object(obj), items.index(obj_id), parent))
            items.remove(obj_id)
    reorders = _moves(t, ids_of)
    # Updates go before deletes: what stays refers, once repaired, only to what stays or was just inserted.
    return [*inserted, *levels_out, *clearing, *setting, *late, *placed_out, *deletes, *levels_in, *placed_in,
            *reorders]


def _updates(t: Target) -> tuple[list[Leaf], list[Leaf]]:
    """Field changes of objects that stay: those that clear a field first (a loop of parents is never made)."""
    clearing: list[Leaf] = []
    setting: list[Leaf] = []
    for kind in ("workshop", *m.KINDS):
        if kind == "workshop":
            if not t.dirty.info:
                continue
            pairs: list[tuple[str, Any, Any]]
            try:
                pairs = [("", t.document.model.info, codec.object_from("workshop", "", dict(s.info(t.doc).items())))]
            except codec.Refused as refused:
                log.warning("shared details not taken: %s", refused)
                continue
        else:
            pairs = [(i, t.document.find(i), o) for i, (k, o) in t.objects.items()
                     if k == kind and o is not None and t.document.kind_of(i) == kind]
        for obj_id, old, new in pairs:
            changed = {name: (getattr(old, name), getattr(new, name)) for name in m.field_names(kind)
                       if getattr(old, name) != getattr(new, name)}
            cleared = {n: pair for n, pair in changed.items() if pair[1] in (None, (), False)}
            rest = {n: pair for n, pair in changed.items() if n not in cleared}
            if cleared:
                clearing.append(Update(kind, obj_id, cleared))
            if rest:
                setting.append(Update(kind, obj_id, rest))
    return clearing, setting


def _levels(t: Target) -> tuple[list[Leaf], list[Leaf]]:
    """Levels to clear (before factors go and scales change) and to set (after)."""
    out: list[Leaf] = []
    into: list[Leaf] = []
    for obj_id, (kind, curve) in t.objects.items():
        if kind != "curve" or curve is None:
            continue
        local = t.document.find(obj_id) if t.document.kind_of(obj_id) == "curve" else None
        if local is None and t.parents.get(obj_id) and t.document.kind_of(t.parents[obj_id]) != "canvas":
            continue  # inside a new canvas: inserted with it
        old = local.levels if local is not None else {}
        for factor, level in old.items():
            if factor not in curve.levels:
                out.append(SetLevel(obj_id, factor, level, None))
        for factor, level in curve.levels.items():
            if old.get(factor) != level:
                into.append(SetLevel(obj_id, factor, old.get(factor), level))
    return out, into


def _moves(t: Target, ids_of: Any) -> list[Leaf]:
    """Moves that give the marked lists the shared order (ids missing from the shared order keep their place)."""
    out: list[Leaf] = []
    wanted_lists: list[tuple[str, str | None, list[str]]] = []
    for kind in m.TOP_KINDS:
        if kind in t.dirty.orders:
            wanted_lists.append((kind, None, _ids(s.order(t.doc, kind))))
    for canvas_id in t.dirty.children:
        if t.document.kind_of(canvas_id) == "canvas" and t.kind_of(canvas_id) == "canvas":
            entry = s.objects(t.doc, "canvas").get(canvas_id)
            for name in codec.CHILD_LISTS:
                kind = m.KIND_OF_COLLECTION[name]
                wanted_lists.append((kind, canvas_id, _ids(entry.get(name) if isinstance(entry, Map) else None)))
    for kind, parent, shared_order in wanted_lists:
        items = ids_of(kind, parent)
        present = set(items)
        wanted = [i for i in _unique(shared_order) if i in present]
        placed = set(wanted)
        for n, obj_id in enumerate(items):  # ids the shared order lacks stay after the id they follow now
            if obj_id not in placed:
                after = items[n - 1] if n else None
                wanted.insert(wanted.index(after) + 1 if after in placed else 0, obj_id)
                placed.add(obj_id)
        for obj_id, source, target in moves(items, wanted):
            out.append(Move(kind, obj_id, source, target, parent))
        items[:] = wanted
    return out


def _dependencies_first(kind: str, pairs: list[tuple[str, Any]], dirty: s.Dirty | None,
                        doc: Doc | None) -> list[tuple[str, Any]]:
    """Objects of one kind ordered so that one referred to by another (a parent promise) comes first; the shared
    order otherwise (when `doc` is given), so that a joining laptop gets the lists in order without moves."""
    if doc is not None and kind in m.TOP_KINDS and len(pairs) > 1:
        rank = {obj_id: n for n, obj_id in enumerate(_ids(s.order(doc, kind)))}
        pairs = sorted(pairs, key=lambda pair: rank.get(pair[0], len(rank)))
    by_id = dict(pairs)
    done: dict[str, Any] = {}

    def visit(obj_id: str, depth: int) -> None:
        if obj_id in done or depth > len(by_id):
            return
        for value in _references(by_id[obj_id]):
            if value in by_id and value != obj_id:
                visit(value, depth + 1)
        done[obj_id] = by_id[obj_id]

    for obj_id, _obj in pairs:
        visit(obj_id, 0)
    return list(done.items())


def _references(obj: Any) -> Iterable[str]:
    """Every id-like text an object's fields hold (enough to order objects of one kind among themselves)."""
    for f in dataclass_fields(obj):
        value = getattr(obj, f.name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, tuple):
            yield from (x for x in value if isinstance(x, str))


def _default(cls: type, name: str) -> Any:
    """A dataclass field's default value."""
    for f in dataclass_fields(cls):
        if f.name == name:
            return f.default
    raise KeyError(name)


def _position(text: Any) -> tuple[float, float] | None:
    """A position read from its JSON text, or None when absent or not two finite numbers."""
    if not isinstance(text, str):
        return None
    try:
        xy = codec.json.loads(text)
    except ValueError:
        return None
    if isinstance(xy, list) and len(xy) == 2 and all(is_number(v) for v in xy):
        return (float(xy[0]), float(xy[1]))
    return None


def _ids(array: Any) -> list[str]:
    """The ids a shared array holds (nothing for a missing one)."""
    if not isinstance(array, Array):
        return []
    return [x for x in s.plain(array) if isinstance(x, str)]


def _unique(ids: Iterable[str]) -> list[str]:
    """Ids once each, first occurrence first."""
    return list(dict.fromkeys(ids))
