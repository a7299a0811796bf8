"""Builders of edits from the document's current state: the old values, indices and cascades filled in."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from app import model as m
from app.document import DELETED_WITH_REFEREE, LIST_REFERENCES, Document, EditRefused
from app.edits import Batch, Delete, Edit, Insert, Move, SetLevel, SetPosition, Update

_KIND_OF_CLASS = {cls: kind for kind, cls in m.KINDS.items()}


def new_id() -> str:
    """A fresh id for a new object (a UUID, as FORMAT.md recommends)."""
    return str(uuid.uuid4())


def kind_of_object(obj: Any) -> str:
    """The kind name of a model object ("team", "factor", ...)."""
    return _KIND_OF_CLASS[type(obj)]


def insert(doc: Document, obj: Any, index: int | None = None, parent: str | None = None, label: str = "") -> Insert:
    """Insert `obj` at `index` (default: at the end) of its list; `parent` is the canvas for factors and curves."""
    kind = kind_of_object(obj)
    if index is None:
        index = len(doc.siblings(kind, parent))
    return Insert(kind, m.copy_object(obj), index, parent, label)


def update(doc: Document, obj_id: str, label: str = "", **fields: Any) -> Update:
    """Change fields of the object `obj_id` ("" for the workshop's own details)."""
    kind: str | None
    obj: Any
    if obj_id == "":
        kind, obj = "workshop", doc.model.info
    else:
        kind, obj = doc.kind_of(obj_id), doc.find(obj_id)
        if kind is None or obj is None:
            raise EditRefused(f'no object with id "{obj_id}"')
    names = m.field_names(kind)
    changes = {}
    for name, new in fields.items():
        if name not in names:
            raise EditRefused(f"a {kind} has no field {name!r}")
        changes[name] = (getattr(obj, name), new)
    return Update(kind, obj_id, changes, label)


def move(doc: Document, obj_id: str, new_index: int, label: str = "") -> Move:
    """Move an object to `new_index` within its ordered list."""
    kind = doc.kind_of(obj_id)
    if kind is None:
        raise KeyError(obj_id)
    return Move(kind, obj_id, doc.index_of(obj_id), new_index, doc.parent_of(obj_id), label)


def set_level(doc: Document, curve_id: str, factor_id: str, level: float | None, label: str = "") -> SetLevel:
    """Set (or, with None, clear) a curve's level on a factor."""
    old = doc.get(curve_id).levels.get(factor_id)
    return SetLevel(curve_id, factor_id, old, level, label)


def set_position(doc: Document, diagram: str, node_id: str, xy: tuple[float, float] | None,
                 label: str = "") -> SetPosition:
    """Place a node on a diagram (None removes its stored position)."""
    old = doc.model.layouts.get(diagram, {}).get(node_id)
    return SetPosition(diagram, node_id, old, xy, label)


def delete(doc: Document, obj_id: str, label: str = "") -> Batch:
    """Delete an object with everything that hangs on it, as one batch that one undo restores.

    A segment takes its pains, propositions, links and promises; a team its links and promises; both
    their positions; a promise or a team its readings. A factor takes its levels. References from what stays (a
    promise's value or parent, an experiment's team or promise, a canvas's segment) are cleared; a deleted team
    leaves the joint and alternative promisers of the promises that stay.
    """
    root_kind = doc.kind_of(obj_id)
    if root_kind is None:
        raise EditRefused(f'no object with id "{obj_id}"')
    doomed: dict[str, str] = {obj_id: root_kind}
    depth = {obj_id: 0}  # how far down the cascade: what refers to a doomed object goes before it
    queue = [obj_id]
    while queue:
        current = queue.pop()
        for kind, ref_id, name in doc.referrers(current):
            if (kind, name) in DELETED_WITH_REFEREE and depth.get(ref_id, -1) <= depth[current]:
                doomed[ref_id] = kind
                depth[ref_id] = depth[current] + 1
                queue.append(ref_id)
    edits: list[Edit] = []
    cleared: dict[str, dict[str, Any]] = {}
    for target in doomed:
        for kind, ref_id, name in doc.referrers(target):
            if kind == "curve":
                edits.append(SetLevel(ref_id, target, doc.get(ref_id).levels[target], None))
            elif (kind, name) in LIST_REFERENCES:
                fields = cleared.setdefault(ref_id, {})
                fields[name] = tuple(x for x in fields.get(name, getattr(doc.get(ref_id), name)) if x != target)
            elif (kind, name) not in DELETED_WITH_REFEREE:
                cleared.setdefault(ref_id, {})[name] = None
    for ref_id, fields in cleared.items():
        edits.append(update(doc, ref_id, **fields))
    for target, kind in doomed.items():
        if kind in ("team", "segment"):
            for diagram, positions in doc.model.layouts.items():
                if target in positions:
                    edits.append(SetPosition(diagram, target, positions[target], None))
    kind_depth: dict[str, int] = {}  # a kind goes after every kind that refers to it (readings, then promises)
    for target, kind in doomed.items():
        kind_depth[kind] = max(kind_depth.get(kind, 0), depth[target])
    dependents = sorted((t for t in doomed if t != obj_id),
                        key=lambda t: (-kind_depth[doomed[t]], doomed[t], -doc.index_of(t)))
    for target in dependents + [obj_id]:
        obj = doc.get(target)
        if target in cleared:
            obj = replace(obj, **cleared[target])
        edits.append(Delete(doomed[target], m.copy_object(obj), doc.index_of(target), doc.parent_of(target)))
    return Batch(tuple(edits), label or f"Delete {root_kind}")
