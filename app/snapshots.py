"""Snapshots: the whole workshop saved under a name inside its file, listed, read back and restored as one edit.

The store (app.store.SqliteStore) keeps them; the functions here are thin wrappers for scripts and tests, and
`restore_edit`, the Qt-free logic that turns one workshop into another as one undoable batch.
"""

from __future__ import annotations

import copy
from typing import Any

from app import changes as c
from app import model as m
from app.document import Document
from app.edits import Batch, Edit
from app.store import Snapshot, SqliteStore

__all__ = ["Snapshot", "delete_snapshot", "list_snapshots", "load_snapshot", "rename_snapshot", "restore_edit",
           "save_snapshot"]


def save_snapshot(store: SqliteStore, name: str, workshop: m.Workshop) -> Snapshot:
    """Keep `workshop` as it is now under `name`, committed at once (the file counts as modified)."""
    return store.save_snapshot(name, workshop)


def delete_snapshot(store: SqliteStore, snapshot_id: str) -> None:
    """Remove the snapshot from the file, committed at once (the file counts as modified); KeyError if unknown."""
    store.delete_snapshot(snapshot_id)


def rename_snapshot(store: SqliteStore, snapshot_id: str, name: str) -> Snapshot:
    """Give the snapshot another name, committed at once (the file counts as modified); KeyError if unknown."""
    return store.rename_snapshot(snapshot_id, name)


def list_snapshots(store: SqliteStore) -> list[Snapshot]:
    """Every snapshot of the file, oldest first."""
    return store.snapshots()


def load_snapshot(store: SqliteStore, snapshot_id: str) -> m.Workshop:
    """The workshop as it was when the snapshot was taken (a separate model: read-only for the app)."""
    return store.load_snapshot(snapshot_id)


def restore_edit(document: Document, target: m.Workshop, label: str = "Restore snapshot") -> Batch:
    """One batch that turns the document into `target` (only what differs changes), so one undo returns.

    The edits are found by carrying them out on a scratch copy of the document, which keeps every index
    and old value right however the changes depend on one another.
    """
    scratch = Document(copy.deepcopy(document.model))
    edits: list[Edit] = []

    def do(edit: Edit) -> None:
        if isinstance(edit, Batch) and not edit.edits:
            return
        scratch.apply(edit)
        edits.append(edit)

    _insert_new(scratch, target, do)
    _update_changed(scratch, target, do)
    _delete_gone(scratch, target, do)
    _reorder(scratch, target, do)
    for diagram in m.DIAGRAMS:
        wanted = target.layouts.get(diagram, {})
        for node in set(scratch.model.layouts.get(diagram, {})) | set(wanted):
            if scratch.model.layouts[diagram].get(node) != wanted.get(node):
                do(c.set_position(scratch, diagram, node, wanted.get(node)))
    info_changes = {n: getattr(target.info, n) for n in m.field_names("workshop")
                    if getattr(target.info, n) != getattr(scratch.model.info, n)}
    if info_changes:
        do(c.update(scratch, "", **info_changes))
    return Batch(tuple(edits), label, everything=True)


_INSERT_ORDER = ("value", "segment", "team", "pain", "proposition", "canvas", "link", "promise", "experiment",
                 "reading")


def _insert_new(scratch: Document, target: m.Workshop, do) -> None:
    """Insert objects the target has and the document lacks (promise parents set later, once all exist)."""
    for kind in _INSERT_ORDER:
        for obj in target.collection(kind):
            if scratch.find(obj.id) is None:
                fresh = m.copy_object(obj)
                if kind == "promise":
                    fresh.parent = None
                if kind == "canvas":
                    fresh.factors, fresh.curves = [], []
                do(c.insert(scratch, fresh))
    for canvas in target.canvases:
        for kind, children in (("factor", canvas.factors), ("curve", canvas.curves)):
            for child in children:
                if scratch.find(child.id) is None:
                    fresh = m.copy_object(child)
                    if kind == "curve":
                        fresh.levels = {}
                    do(c.insert(scratch, fresh, parent=canvas.id))


def _update_changed(scratch: Document, target: m.Workshop, do) -> None:
    """Set every field (and level) that differs to the target's value."""
    for kind in _INSERT_ORDER:
        for obj in target.collection(kind):
            _update_fields(scratch, kind, obj, do)
    for canvas in target.canvases:
        for factor in canvas.factors:
            _update_fields(scratch, "factor", factor, do)
        for curve in canvas.curves:
            _update_fields(scratch, "curve", curve, do)
            current = scratch.get(curve.id).levels
            for factor_id in set(current) | set(curve.levels):
                if current.get(factor_id) != curve.levels.get(factor_id) and scratch.find(factor_id) is not None:
                    do(c.set_level(scratch, curve.id, factor_id, curve.levels.get(factor_id)))


def _update_fields(scratch: Document, kind: str, obj: Any, do) -> None:
    current = scratch.get(obj.id)
    if scratch.kind_of(obj.id) != kind:
        return
    fields = {n: getattr(obj, n) for n in m.field_names(kind) if getattr(obj, n) != getattr(current, n)}
    if kind == "curve" and fields.get("reference"):
        canvas = scratch.get(scratch.parent_of(obj.id))
        for other in canvas.curves:  # at most one reference: release the old one first
            if other.reference and other.id != obj.id:
                do(c.update(scratch, other.id, reference=False))
    if fields:
        do(c.update(scratch, obj.id, **fields))


def _delete_gone(scratch: Document, target: m.Workshop, do) -> None:
    """Delete what the target no longer has (with what hangs on it)."""
    wanted = {o.id for kind in m.TOP_KINDS for o in target.collection(kind)}
    wanted |= {child.id for cv in target.canvases for child in cv.factors + cv.curves}
    for kind in reversed(_INSERT_ORDER):
        for obj in list(scratch.model.collection(kind)):
            if obj.id not in wanted and scratch.find(obj.id) is not None:
                do(c.delete(scratch, obj.id))
    for canvas in list(scratch.model.canvases):
        for child in list(canvas.factors) + list(canvas.curves):
            if child.id not in wanted:
                do(c.delete(scratch, child.id))


def _reorder(scratch: Document, target: m.Workshop, do) -> None:
    """Move objects so every list stands in the target's order."""
    orders = [[o.id for o in target.collection(kind)] for kind in m.TOP_KINDS]
    for canvas in target.canvases:
        orders += [[f.id for f in canvas.factors], [x.id for x in canvas.curves]]
    for order in orders:
        for index, obj_id in enumerate(order):
            if scratch.index_of(obj_id) != index:
                do(c.move(scratch, obj_id, index))
