"""The shape of the shared (pycrdt) document: which root map or array holds what, and what a change touched.

A workshop is held as
- "workshop": a map of the workshop's details (JSON key to JSON text);
- for every kind (m.KINDS): a map from id to the object's own map of fields (JSON texts); a factor's and a curve's
  map also names its canvas under "~canvas", a curve's holds its levels as a map "levels" (factor id to JSON
  text), a canvas's holds the order of its factors and curves as arrays of ids "factors" and "curves";
- for every top-level kind: an array "order.<list>" of ids, the order of the list;
- for every diagram: a map "layout.<diagram>" from node id to the JSON text of [x, y].
Concurrent edits of different fields of one object both stay; of one field, the last writer wins (Yjs's rule).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Array, Doc, Map

from app import model as m

CANVAS_KEY = "~canvas"
"""The key of a factor's or curve's map that names its canvas."""
LEVELS_KEY = "levels"
INFO = "workshop"


def objects_name(kind: str) -> str:
    """The root map of the objects of `kind` ("promises")."""
    return m.COLLECTIONS[kind]


def order_name(kind: str) -> str:
    """The root array of the order of a top-level kind ("order.promises")."""
    return "order." + m.COLLECTIONS[kind]


def layout_name(diagram: str) -> str:
    """The root map of the node positions on a diagram ("layout.structure")."""
    return "layout." + diagram


def objects(doc: Doc, kind: str) -> Map:
    """The root map of the objects of `kind`."""
    return doc.get(objects_name(kind), type=Map)


def order(doc: Doc, kind: str) -> Array:
    """The root array of the order of a top-level kind."""
    return doc.get(order_name(kind), type=Array)


def layout(doc: Doc, diagram: str) -> Map:
    """The root map of the positions on `diagram`."""
    return doc.get(layout_name(diagram), type=Map)


def info(doc: Doc) -> Map:
    """The root map of the workshop's details."""
    return doc.get(INFO, type=Map)


def plain(shared: Map | Array) -> Any:
    """The content of a shared map or array as plain Python, in one call into the engine (its JSON)."""
    return json.loads(str(shared))


@dataclass
class Dirty:
    """What changed, in either direction: ids per kind, lists whose order changed, levels, positions, details."""

    objects: dict[str, set[str]] = field(default_factory=dict)
    orders: set[str] = field(default_factory=set)
    children: set[str] = field(default_factory=set)
    positions: dict[str, set[str]] = field(default_factory=dict)
    info: bool = False
    everything: bool = False

    def add(self, kind: str, obj_id: str) -> None:
        """Mark one object."""
        self.objects.setdefault(kind, set()).add(obj_id)

    def merge(self, other: Dirty) -> None:
        """Add everything `other` marks."""
        for kind, ids in other.objects.items():
            self.objects.setdefault(kind, set()).update(ids)
        self.orders |= other.orders
        self.children |= other.children
        for diagram, nodes in other.positions.items():
            self.positions.setdefault(diagram, set()).update(nodes)
        self.info |= other.info
        self.everything |= other.everything

    def __bool__(self) -> bool:
        return bool(self.everything or self.info or self.orders or self.children
                    or any(self.objects.values()) or any(self.positions.values()))
