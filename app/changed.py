"""What one edit changed: a small value computed once by `Document.apply` and read by every view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from app.edits import Delete, Edit, Insert, Leaf, Move, SetLevel, SetPosition, Update

if TYPE_CHECKING:
    from app.document import Document

WORKSHOP = "workshop"
"""The kind of the workshop's own details (title, goal, root values' order...) in `Changes`."""


@dataclass(frozen=True)
class Changes:
    """Kinds and ids an edit inserted, updated (with which fields), deleted and moved; levels and positions set.

    `everything` says the whole workshop may differ (a snapshot restored): a view then rebuilds. `parents`
    maps every factor and curve touched (deleted ones too) to its canvas, so a view of one canvas can tell.
    """

    edit: Edit | None = None
    inserted: dict[str, frozenset[str]] = field(default_factory=dict)
    deleted: dict[str, frozenset[str]] = field(default_factory=dict)
    updated: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    moved: dict[str, frozenset[str]] = field(default_factory=dict)
    levels: frozenset[tuple[str, str]] = frozenset()
    positions: dict[str, frozenset[str]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)
    everything: bool = False

    # ----------------------------------------------------------------- asking
    def kinds(self) -> frozenset[str]:
        """Every kind touched in any way ("workshop" for the details, "level" and "position" for those)."""
        found = set(self.inserted) | set(self.deleted) | set(self.updated) | set(self.moved)
        if self.levels:
            found.add("level")
        if self.positions:
            found.add("position")
        return frozenset(found)

    def touches(self, *kinds: str) -> bool:
        """Whether the edit touched any of `kinds` (always, after `everything`)."""
        return self.everything or not self.kinds().isdisjoint(kinds)

    def structural(self, *kinds: str) -> bool:
        """Whether objects of `kinds` were inserted, deleted or moved (the lists holding them changed)."""
        return self.everything or any(k in self.inserted or k in self.deleted or k in self.moved for k in kinds)

    def ids(self, kind: str) -> frozenset[str]:
        """Ids of `kind` inserted, updated, deleted or moved."""
        return (self.inserted.get(kind, frozenset()) | self.deleted.get(kind, frozenset())
                | frozenset(self.updated.get(kind, {})) | self.moved.get(kind, frozenset()))

    def all_ids(self) -> frozenset[str]:
        """Every id touched, of any kind (curves and factors of levels set, nodes placed)."""
        found: set[str] = set()
        for kind in set(self.inserted) | set(self.deleted) | set(self.updated) | set(self.moved):
            found |= self.ids(kind)
        for curve, factor in self.levels:
            found.update((curve, factor))
        for nodes in self.positions.values():
            found |= nodes
        return frozenset(found)

    def fields(self, kind: str, obj_id: str | None = None) -> frozenset[str]:
        """Fields updated on objects of `kind` (on the object `obj_id` alone when given)."""
        by_id = self.updated.get(kind, {})
        if obj_id is not None:
            return by_id.get(obj_id, frozenset())
        return frozenset().union(*by_id.values()) if by_id else frozenset()

    def field_changed(self, kind: str, *names: str) -> bool:
        """Whether any of the fields `names` of any object of `kind` was updated."""
        return self.everything or not self.fields(kind).isdisjoint(names)

    def in_canvas(self, canvas_id: str | None) -> bool:
        """Whether a factor, curve or level of canvas `canvas_id` (or the canvas itself) was touched."""
        if canvas_id is None:
            return False
        return self.everything or canvas_id in self.ids("canvas") or canvas_id in self.parents.values()

    def placed(self, diagram: str) -> frozenset[str]:
        """Nodes whose position on `diagram` was set or cleared."""
        return self.positions.get(diagram, frozenset())

    def under(self, parent: str) -> Changes:
        """The part of these changes about the children of `parent`: one canvas's factors, curves and levels."""

        def mine(ids: Iterable[str]) -> frozenset[str]:
            return frozenset(i for i in ids if self.parents.get(i) == parent)

        def kept(by_kind: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
            return {kind: found for kind, ids in by_kind.items() if (found := mine(ids))}

        updated = {kind: {i: f for i, f in by_id.items() if self.parents.get(i) == parent}
                   for kind, by_id in self.updated.items()}
        return Changes(
            edit=self.edit,
            inserted=kept(self.inserted),
            deleted=kept(self.deleted),
            updated={kind: by_id for kind, by_id in updated.items() if by_id},
            moved=kept(self.moved),
            levels=frozenset(pair for pair in self.levels if self.parents.get(pair[0]) == parent),
            parents={i: p for i, p in self.parents.items() if p == parent},
            everything=self.everything,
        )


def everything_changed(edit: Edit | None = None) -> Changes:
    """The value for "the whole workshop may differ" (a snapshot restored, a model replaced)."""
    return Changes(edit=edit, everything=True)


def changes_of(document: Document, edit: Edit, applied: Iterable[Leaf], everything: bool = False) -> Changes:
    """Sum up `applied` (the leaves of `edit`, already applied to `document`) as one `Changes`."""
    inserted: dict[str, set[str]] = {}
    deleted: dict[str, set[str]] = {}
    updated: dict[str, dict[str, set[str]]] = {}
    moved: dict[str, set[str]] = {}
    levels: set[tuple[str, str]] = set()
    positions: dict[str, set[str]] = {}
    parents: dict[str, str] = {}
    for leaf in applied:
        if isinstance(leaf, (Insert, Delete)):
            target = inserted if isinstance(leaf, Insert) else deleted
            target.setdefault(leaf.kind, set()).add(leaf.id)
            if leaf.parent is not None:
                parents[leaf.id] = leaf.parent
            if leaf.kind == "canvas":
                for child in (*leaf.obj.factors, *leaf.obj.curves):
                    parents[child.id] = leaf.id
        elif isinstance(leaf, Update):
            updated.setdefault(leaf.kind, {}).setdefault(leaf.id, set()).update(leaf.changes)
            if leaf.kind in ("factor", "curve") and (canvas_id := document.parent_of(leaf.id)) is not None:
                parents[leaf.id] = canvas_id
        elif isinstance(leaf, Move):
            moved.setdefault(leaf.kind, set()).add(leaf.id)
            if leaf.parent is not None:
                parents[leaf.id] = leaf.parent
        elif isinstance(leaf, SetLevel):
            levels.add((leaf.curve, leaf.factor))
            if (canvas_id := document.parent_of(leaf.curve)) is not None:  # always: a curve lives in a canvas
                parents[leaf.curve] = canvas_id
        elif isinstance(leaf, SetPosition):
            positions.setdefault(leaf.diagram, set()).add(leaf.node)
    return Changes(
        edit=edit,
        inserted={k: frozenset(v) for k, v in inserted.items()},
        deleted={k: frozenset(v) for k, v in deleted.items()},
        updated={k: {i: frozenset(f) for i, f in by_id.items()} for k, by_id in updated.items()},
        moved={k: frozenset(v) for k, v in moved.items()},
        levels=frozenset(levels),
        positions={k: frozenset(v) for k, v in positions.items()},
        parents=parents,
        everything=everything,
    )
