"""Local to shared: write what the model holds for the marked objects into the shared document, nothing more."""

from __future__ import annotations

from typing import Any

from pycrdt import Array, Doc, Map

from app import model as m
from app.collab import codec
from app.collab import shared as s
from app.collab.order import lis_keep
from app.document import Document


def push(doc: Doc, document: Document, dirty: s.Dirty) -> None:
    """Make the shared document hold what `document` holds for everything `dirty` marks (one transaction)."""
    if dirty.everything:
        dirty = everything(doc, document)
    with doc.transaction(origin="local"):
        if dirty.info:
            _sync_fields(s.info(doc), codec.fields_of("workshop", document.model.info))
        for kind in m.KINDS:
            ids = dirty.objects.get(kind)
            if ids:
                _push_objects(doc, document, kind, ids, dirty)
        for kind in m.TOP_KINDS:
            if kind in dirty.orders:
                sync_ids(s.order(doc, kind), [obj.id for obj in document.model.collection(kind)])
        for canvas_id in dirty.children:
            canvas = document.find(canvas_id)
            entry = s.objects(doc, "canvas").get(canvas_id)
            if isinstance(canvas, m.Canvas) and isinstance(entry, Map):
                for name in codec.CHILD_LISTS:
                    array = entry.get(name)
                    if isinstance(array, Array):
                        sync_ids(array, [child.id for child in getattr(canvas, name)])
        for diagram, nodes in dirty.positions.items():
            if diagram in m.DIAGRAMS:
                _push_positions(doc, document, diagram, nodes)


def everything(doc: Doc, document: Document) -> s.Dirty:
    """Marks for every object, list, position and detail on either side."""
    dirty = s.Dirty(info=True)
    for kind in m.KINDS:
        ids = set(s.objects(doc, kind).keys())
        if kind in m.TOP_KINDS:
            ids.update(obj.id for obj in document.model.collection(kind))
            dirty.orders.add(kind)
        dirty.objects[kind] = ids
    for canvas in document.model.canvases:
        dirty.objects["factor"].update(f.id for f in canvas.factors)
        dirty.objects["curve"].update(c.id for c in canvas.curves)
        dirty.children.add(canvas.id)
    dirty.children.update(s.objects(doc, "canvas").keys())
    for diagram in m.DIAGRAMS:
        dirty.positions[diagram] = set(s.layout(doc, diagram).keys()) | set(document.model.layouts.get(diagram, {}))
    return dirty


def _push_objects(doc: Doc, document: Document, kind: str, ids: set[str], dirty: s.Dirty) -> None:
    """Add, change or remove the shared maps of the objects `ids` of `kind`."""
    root = s.objects(doc, kind)
    for obj_id in ids:
        obj = document.find(obj_id) if document.kind_of(obj_id) == kind else None
        entry = root.get(obj_id)
        if obj is None:
            if entry is not None:
                del root[obj_id]
            continue
        fields = codec.fields_of(kind, obj)
        if kind in m.CANVAS_KINDS:
            fields[s.CANVAS_KEY] = document.parent_of(obj_id) or ""
        if not isinstance(entry, Map):
            root[obj_id] = _new_map(kind, obj, fields)
            continue
        _sync_fields(entry, fields, keep=_nested_keys(kind))
        if kind == "curve":
            levels = entry.get(s.LEVELS_KEY)
            if isinstance(levels, Map):
                _sync_fields(levels, codec.levels_of(obj))
            else:
                entry[s.LEVELS_KEY] = Map(codec.levels_of(obj))
        if kind == "canvas":
            dirty.children.add(obj_id)
            for name in codec.CHILD_LISTS:
                if not isinstance(entry.get(name), Array):
                    entry[name] = Array([child.id for child in getattr(obj, name)])


def _new_map(kind: str, obj: Any, fields: dict[str, str]) -> Map:
    """The shared map of a new object: its fields, a curve's levels, a canvas's children's order."""
    prelim: dict[str, Any] = dict(fields)
    if kind == "curve":
        prelim[s.LEVELS_KEY] = Map(codec.levels_of(obj))
    if kind == "canvas":
        for name in codec.CHILD_LISTS:
            prelim[name] = Array([child.id for child in getattr(obj, name)])
    return Map(prelim)


def _nested_keys(kind: str) -> frozenset[str]:
    """Keys of an object's map that are not fields (kept when fields are synced)."""
    if kind == "curve":
        return frozenset({s.LEVELS_KEY})
    if kind == "canvas":
        return frozenset(codec.CHILD_LISTS)
    return frozenset()


def _sync_fields(entry: Map, fields: dict[str, str], keep: frozenset[str] = frozenset()) -> None:
    """Write the fields whose text differs and remove the keys no longer there (but those in `keep`)."""
    current = s.plain(entry)  # one call into the engine; writes only for what differs
    for key in [key for key in current if key not in fields and key not in keep]:
        del entry[key]
    for key, text in fields.items():
        if current.get(key) != text:
            entry[key] = text


def _push_positions(doc: Doc, document: Document, diagram: str, nodes: set[str]) -> None:
    """Write or remove the positions of `nodes` on `diagram`."""
    root = s.layout(doc, diagram)
    positions = document.model.layouts.get(diagram, {})
    for node in nodes:
        xy = positions.get(node)
        if xy is None:
            if node in root:
                del root[node]
        else:
            text = codec.text_of([float(xy[0]), float(xy[1])])
            if root.get(node) != text:
                root[node] = text


def sync_ids(array: Array, wanted: list[str]) -> None:
    """Make a shared array of ids equal `wanted` with few operations: what moved is taken out and put back."""
    current = [x if isinstance(x, str) else None for x in s.plain(array)]
    if current == wanted:
        return
    place = {obj_id: i for i, obj_id in enumerate(wanted)}
    seen: set[str] = set()
    survivors: list[int] = []  # indices in `current` of first occurrences of wanted ids
    doomed: list[int] = []
    for i, obj_id in enumerate(current):
        if obj_id is None or obj_id not in place or obj_id in seen:
            doomed.append(i)
        else:
            seen.add(obj_id)
            survivors.append(i)
    kept = lis_keep([place[current[i]] for i in survivors])  # type: ignore[index]
    doomed.extend(i for n, i in enumerate(survivors) if n not in kept)
    for i in sorted(doomed, reverse=True):
        del array[i]
    remaining = [current[i] for n, i in enumerate(survivors) if n in kept]
    position = 0
    for obj_id in wanted:
        if position < len(remaining) and remaining[position] == obj_id:
            position += 1
            continue
        array.insert(position, obj_id)
        remaining.insert(position, obj_id)
        position += 1
