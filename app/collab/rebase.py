"""An undo step made before others' edits arrived: its list positions are looked up again, its meaning kept.

On a shared workshop another laptop may add, remove or reorder objects between an edit and its undo; the edit's
recorded indices are then stale. `rebased` finds each object where it now stands (an insert goes back to its old
place, or the end of a shorter list), so undo takes back one's own edit and leaves the others' standing.
"""

from __future__ import annotations

from dataclasses import replace
from weakref import WeakSet

from app.document import Document
from app.edits import Batch, Delete, Edit, Insert, Leaf, Move, leaves

_SHARED: WeakSet[Document] = WeakSet()


def mark_shared(document: Document, shared: bool = True) -> None:
    """Say that others edit `document` too (a live session): an undo that no longer fits is then expected."""
    if shared:
        _SHARED.add(document)
    else:
        _SHARED.discard(document)


def is_shared(document: Document) -> bool:
    """Whether others edit `document` too: an undo whose objects they removed is skipped, not an error."""
    return document in _SHARED


def rebased(document: Document, edit: Edit) -> Edit:
    """`edit` with every index matched to the document's lists as they are now (the same edit when they match)."""
    lists: dict[tuple[str, str | None], list[str]] = {}

    def ids(kind: str, parent: str | None) -> list[str] | None:
        key = (kind, parent)
        if key not in lists:
            try:
                lists[key] = [obj.id for obj in document.siblings(kind, parent)]
            except (KeyError, AttributeError):
                return None
        return lists[key]

    out: list[Leaf] = []
    changed = False
    for leaf in leaves(edit):
        new: Leaf = leaf
        if isinstance(leaf, (Insert, Delete, Move)):
            items = ids(leaf.kind, leaf.parent)
            if items is not None:
                new = _rebase_leaf(leaf, items)
        changed |= new is not leaf
        out.append(new)
    if not changed:
        return edit
    if isinstance(edit, Batch):
        return Batch(tuple(out), edit.label, edit.everything)
    return out[0]


def _rebase_leaf(leaf: Insert | Delete | Move, items: list[str]) -> Leaf:
    """One leaf matched to `items` (the ids of its list now), which it then changes as the leaf would."""
    if isinstance(leaf, Insert):
        index = min(leaf.index, len(items))
        items.insert(index, leaf.id)
        return leaf if index == leaf.index else replace(leaf, index=index)
    if leaf.id not in items:
        return leaf  # gone meanwhile: the document refuses it and says so
    where = items.index(leaf.id)
    if isinstance(leaf, Delete):
        items.pop(where)
        return leaf if where == leaf.index else replace(leaf, index=where)
    items.pop(where)
    target = min(leaf.new_index, len(items))
    items.insert(target, leaf.id)
    if (where, target) == (leaf.old_index, leaf.new_index):
        return leaf
    return replace(leaf, old_index=where, new_index=target)
