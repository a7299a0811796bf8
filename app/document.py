"""The document: the one door through which every edit reaches the model, the store and the views."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Callable, Protocol

from app import model as m
from app.changed import Changes, changes_of
from app.edits import Batch, Delete, Edit, Insert, Leaf, Move, SetLevel, SetPosition, Update, leaves
from app.references import ReferenceIndex
from app.validate import (
    field_problem,
    is_number,
    level_problem,
    object_problems,
    public_name,
    type_problem,
    value_type_problem,
)


class EditRefused(ValueError):
    """An edit that would leave the workshop inconsistent; the message says why."""


class Store(Protocol):
    """Where applied edits are committed (the working copy); one call is one transaction."""

    def commit(self, document: Document, applied: list[Leaf]) -> None: ...


Listener = Callable[[Changes], None]
"""Told what changed after every applied edit (the Qt side has one per document: `widgets.base.live`)."""

log = logging.getLogger(__name__)

# A batch this large is announced as "everything changed": views rebuild once instead of item by item. Positions
# alone are not (the first drag on a diagram stores where thousands of nodes were placed: views move them, the
# checks have nothing to do; rebuilding the promise map of 30,000 promises took 6 s).
EVERYTHING_AT = 2000


class Document:
    """A workshop model with an index by id; `apply` validates, changes, commits and announces every edit."""

    def __init__(self, workshop: m.Workshop | None = None, store: Store | None = None) -> None:
        self.model = workshop or m.Workshop()
        self.store = store
        self.revision = 0
        self._listeners: list[Listener] = []
        self.last_changes: Changes | None = None
        self._index: dict[str, tuple[str, Any, str | None]] = {}
        self.references = ReferenceIndex(REFERRING_FIELDS)
        self._positions: dict[tuple[str, str | None], dict[str, int]] = {}  # per list, made when first asked
        self._reindex()

    # ----------------------------------------------------------------- lookup
    def _reindex(self) -> None:
        index: dict[str, tuple[str, Any, str | None]] = {}
        for kind in m.TOP_KINDS:
            for obj in self.model.collection(kind):
                index[obj.id] = (kind, obj, None)
                if kind == "canvas":
                    for factor in obj.factors:
                        index[factor.id] = ("factor", factor, obj.id)
                    for curve in obj.curves:
                        index[curve.id] = ("curve", curve, obj.id)
        self._index = index
        self._positions.clear()
        self.references.build((kind, obj) for kind in m.TOP_KINDS for obj in self.model.collection(kind))

    def kind_of(self, obj_id: str) -> str | None:
        """The kind of the object with id `obj_id`, or None."""
        entry = self._index.get(obj_id)
        return entry[0] if entry else None

    def get(self, obj_id: str | None) -> Any:
        """The object with id `obj_id` (KeyError when there is none, as for None: the parent of a top-level object)."""
        if obj_id is None:
            raise KeyError(obj_id)
        return self._index[obj_id][1]

    def find(self, obj_id: str) -> Any | None:
        """The object with id `obj_id`, or None."""
        entry = self._index.get(obj_id)
        return entry[1] if entry else None

    def parent_of(self, obj_id: str) -> str | None:
        """The canvas id of a factor or curve; None for top-level objects."""
        return self._index[obj_id][2]

    def siblings(self, kind: str, parent: str | None = None) -> list:
        """The ordered list that holds objects of `kind` (inside canvas `parent` for factors and curves)."""
        if kind in m.CANVAS_KINDS:
            return getattr(self.get(parent), m.COLLECTIONS[kind])
        return self.model.collection(kind)

    def index_of(self, obj_id: str) -> int:
        """Position of an object within its ordered list (looked up in an index of the list, made once per change)."""
        kind, obj, parent = self._index[obj_id]
        items = self.siblings(kind, parent)
        positions = self._positions.get((kind, parent))
        i = positions.get(obj_id, -1) if positions is not None else -1
        if not (0 <= i < len(items) and items[i] is obj):  # not made yet, or the list changed behind our back
            positions = self._positions[kind, parent] = {item.id: n for n, item in enumerate(items)}
            i = positions.get(obj_id, -1)
            if i < 0:
                raise KeyError(obj_id)
        return i

    def _at(self, obj_id: str, index: int) -> bool:
        """Whether the object `obj_id` stands at `index` of its list."""
        kind, obj, parent = self._index[obj_id]
        items = self.siblings(kind, parent)
        return 0 <= index < len(items) and items[index] is obj

    def __len__(self) -> int:
        return len(self._index)

    # -------------------------------------------------------------- listeners
    def listen(self, listener: Listener) -> None:
        """Call `listener(changes)` after every applied edit (views connect to `widgets.base.live` instead)."""
        self._listeners.append(listener)

    def stop_listening(self, listener: Listener) -> None:
        """Stop announcing edits to `listener` (nothing happens when it does not listen)."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    # ------------------------------------------------------------------ apply
    def apply(self, edit: Edit) -> None:
        """Validate and apply `edit`, commit it to the store in one transaction, then tell subscribers.

        Raises EditRefused (nothing changed) when any part of the edit is invalid.
        """
        applied: list[Leaf] = []
        try:
            for leaf in leaves(edit):
                self._apply_leaf(leaf)
                applied.append(leaf)
            if self.store is not None:
                self.store.commit(self, applied)
        except BaseException:
            for leaf in reversed(applied):
                self._apply_leaf(leaf.inverse(), check=False)
            raise
        self.revision += 1
        large = len(applied) >= EVERYTHING_AT and not all(isinstance(leaf, SetPosition) for leaf in applied)
        everything = large or (isinstance(edit, Batch) and edit.everything)
        changes = changes_of(self, edit, applied, everything)
        self.last_changes = changes
        for listener in list(self._listeners):
            try:
                listener(changes)
            except Exception:  # the edit is committed: a listener that fails must not hide it from the others
                log.exception("a listener failed to follow %r", edit)

    def _apply_leaf(self, leaf: Leaf, check: bool = True) -> None:
        if isinstance(leaf, Insert):
            self._insert(leaf, check)
        elif isinstance(leaf, Delete):
            self._delete(leaf, check)
        elif isinstance(leaf, Update):
            self._update(leaf, check)
        elif isinstance(leaf, Move):
            self._move(leaf, check)
        elif isinstance(leaf, SetLevel):
            self._set_level(leaf, check)
        elif isinstance(leaf, SetPosition):
            self._set_position(leaf, check)
        else:
            raise EditRefused(f"unknown edit {leaf!r}")

    def _insert(self, leaf: Insert, check: bool) -> None:
        kind, obj = leaf.kind, m.copy_object(leaf.obj)
        if check:
            if kind not in m.KINDS or not isinstance(obj, m.KINDS[kind]):
                raise EditRefused(f"unknown kind {kind!r}")
            if (kind in m.CANVAS_KINDS) != (leaf.parent is not None) or (
                leaf.parent is not None and self.kind_of(leaf.parent) != "canvas"
            ):
                raise EditRefused(f'a {kind} needs {"a canvas" if kind in m.CANVAS_KINDS else "no parent"}')
            ids = [obj.id] + [c.id for c in getattr(obj, "factors", []) + getattr(obj, "curves", [])]
            for new_id in ids:
                if new_id in self._index:
                    raise EditRefused(f'id "{new_id}" is already used')
            if len(set(ids)) != len(ids):
                raise EditRefused("ids inside the canvas repeat")
            kind_of = self._kind_of_with(obj.id, "promise") if kind == "promise" else self.kind_of
            self._check_object(kind, obj, kind_of)
            if kind == "canvas":
                for f in obj.factors:
                    self._check_object("factor", f)
                for c in obj.curves:
                    self._check_object("curve", c)
            if kind == "curve":
                canvas = self.get(leaf.parent)
                factor_ids = {f.id for f in canvas.factors}
                for factor_id, level in obj.levels.items():
                    problem = level_problem(canvas, factor_id, level, factor_ids)
                    if problem:
                        raise EditRefused(f"curve.levels: {problem}")
                if obj.reference and any(c.reference for c in canvas.curves):
                    raise EditRefused("a canvas has at most one reference curve")
            if not 0 <= leaf.index <= len(self.siblings(kind, leaf.parent)):
                raise EditRefused(f"index {leaf.index} is outside the list")
        self.siblings(kind, leaf.parent).insert(leaf.index, obj)
        self._positions.pop((kind, leaf.parent), None)
        self.references.add(kind, obj)
        self._index[obj.id] = (kind, obj, leaf.parent)
        if kind == "canvas":
            for f in obj.factors:
                self._index[f.id] = ("factor", f, obj.id)
            for c in obj.curves:
                self._index[c.id] = ("curve", c, obj.id)

    def _kind_of_with(self, hidden_id: str, _kind: str) -> Callable[[str], str | None]:
        """A kind lookup that does not see `hidden_id`, so that a promise cannot support itself."""

        def kind_of(obj_id: str) -> str | None:
            return None if obj_id == hidden_id else self.kind_of(obj_id)

        return kind_of

    def _check_object(self, kind: str, obj: Any, kind_of: Callable[[str], str | None] | None = None) -> None:
        """Refuse an object whose fields have wrong types, unknown values or dangling references."""
        for name in m.field_names(kind):
            problem = type_problem(obj, name)
            if problem:
                raise EditRefused(f"{kind}.{public_name(name)}: {problem}")
        for name, problem in object_problems(kind, obj, kind_of or self.kind_of):
            raise EditRefused(f"{kind}.{name}: {problem}")

    def _delete(self, leaf: Delete, check: bool) -> None:
        entry = self._index.get(leaf.id)
        if check:
            if entry is None or entry[0] != leaf.kind:
                raise EditRefused(f'no {leaf.kind} with id "{leaf.id}"')
            if not self._at(leaf.id, leaf.index):
                raise EditRefused(f'{leaf.kind} "{leaf.id}" is not at index {leaf.index}')
            if self.references.is_referred(leaf.id):
                users = self.referrers(leaf.id)
                raise EditRefused(
                    f'{leaf.kind} "{leaf.id}" is still referred to by {users[0][0]} "{users[0][1]}"'
                )
            if any(leaf.id in positions for positions in self.model.layouts.values()):
                raise EditRefused(f'{leaf.kind} "{leaf.id}" still has a position on a diagram')
        kind, obj, parent = self._index[leaf.id]
        del self.siblings(kind, parent)[leaf.index if self._at(leaf.id, leaf.index) else self.index_of(leaf.id)]
        self._positions.pop((kind, parent), None)
        self.references.remove(kind, obj)
        del self._index[leaf.id]
        if kind == "canvas":
            for child in obj.factors + obj.curves:
                self._index.pop(child.id, None)

    def _update(self, leaf: Update, check: bool) -> None:
        if leaf.kind == "workshop":
            obj = self.model.info
        else:
            entry = self._index.get(leaf.id)
            if check and (entry is None or entry[0] != leaf.kind):
                raise EditRefused(f'no {leaf.kind} with id "{leaf.id}"')
            obj = self._index[leaf.id][1]
        if check:
            names = m.field_names(leaf.kind)
            for name, (_old, new) in leaf.changes.items():
                if name not in names:
                    raise EditRefused(f"a {leaf.kind} has no field {public_name(name)!r}")
                kind_of: Callable[[str], str | None] = self.kind_of
                if leaf.kind == "promise" and name == "parent":
                    kind_of = self._kind_of_with(leaf.id, "promise")
                    if new is not None and self._supports(new, leaf.id):
                        raise EditRefused("a promise cannot support a promise that supports it")
                cls = m.WorkshopInfo if leaf.kind == "workshop" else m.KINDS[leaf.kind]
                problem = value_type_problem(cls, name, new) or field_problem(leaf.kind, name, new, kind_of)
                if problem:
                    raise EditRefused(f"{leaf.kind}.{public_name(name)}: {problem}")
            self._check_canvas_update(leaf, obj)
        for name, (_old, new) in leaf.changes.items():
            self.references.change(leaf.kind, leaf.id, name, getattr(obj, name), new)
            setattr(obj, name, new)

    def _check_canvas_update(self, leaf: Update, obj: Any) -> None:
        if leaf.kind == "canvas" and "scale" in leaf.changes:
            trial = replace(obj, scale=leaf.changes["scale"][1])
            factor_ids = {f.id for f in obj.factors}
            for curve in obj.curves:
                for factor_id, level in curve.levels.items():
                    problem = level_problem(trial, factor_id, level, factor_ids)
                    if problem:
                        raise EditRefused(f'canvas.scale: curve "{curve.name}" has a {problem}')
        if leaf.kind == "curve" and leaf.changes.get("reference", (None, False))[1]:
            canvas = self.get(self.parent_of(leaf.id))
            if any(c.reference and c.id != leaf.id for c in canvas.curves):
                raise EditRefused("a canvas has at most one reference curve")

    def _supports(self, promise_id: str, ancestor: str) -> bool:
        """True when `promise_id` is `ancestor` or supports it through a chain of parents."""
        seen: set[str] = set()
        current: str | None = promise_id
        while current is not None and current not in seen:
            if current == ancestor:
                return True
            seen.add(current)
            found = self.find(current)
            current = found.parent if isinstance(found, m.Promise) else None
        return False

    def _move(self, leaf: Move, check: bool) -> None:
        if check:
            if self.kind_of(leaf.id) != leaf.kind:
                raise EditRefused(f'no {leaf.kind} with id "{leaf.id}"')
            if not self._at(leaf.id, leaf.old_index):
                raise EditRefused(f'{leaf.kind} "{leaf.id}" is not at index {leaf.old_index}')
            if not 0 <= leaf.new_index < len(self.siblings(leaf.kind, leaf.parent)):
                raise EditRefused(f"index {leaf.new_index} is outside the list")
        items = self.siblings(leaf.kind, self.parent_of(leaf.id))
        obj = items.pop(leaf.old_index)
        items.insert(leaf.new_index, obj)
        self._positions.pop((leaf.kind, self.parent_of(leaf.id)), None)

    def _set_level(self, leaf: SetLevel, check: bool) -> None:
        if check:
            if self.kind_of(leaf.curve) != "curve":
                raise EditRefused(f'no curve with id "{leaf.curve}"')
            problem = level_problem(self.get(self.parent_of(leaf.curve)), leaf.factor, leaf.new)
            if problem:
                raise EditRefused(problem)
        levels = self.get(leaf.curve).levels
        if leaf.new is None:
            levels.pop(leaf.factor, None)
        else:
            levels[leaf.factor] = leaf.new
        self.references.set_level(leaf.curve, leaf.factor, leaf.new is not None)

    def _set_position(self, leaf: SetPosition, check: bool) -> None:
        if check:
            if leaf.diagram not in m.DIAGRAMS:
                raise EditRefused(f"unknown diagram {leaf.diagram!r}")
            if self.kind_of(leaf.node) not in ("team", "segment"):
                raise EditRefused(f'no team or segment with id "{leaf.node}"')
            if leaf.new is not None and not (len(leaf.new) == 2 and all(is_number(v) for v in leaf.new)):
                raise EditRefused(f"a position is two finite numbers, not {leaf.new!r}")
        positions = self.model.layouts[leaf.diagram]
        if leaf.new is None:
            positions.pop(leaf.node, None)
        else:
            positions[leaf.node] = (float(leaf.new[0]), float(leaf.new[1]))

    # ------------------------------------------------------------ references
    def referrers(self, obj_id: str) -> list[tuple[str, str, str]]:
        """Every (kind, id, field) of an object whose field refers to `obj_id` (curves' levels refer to factors)."""
        found = self.references.referrers(obj_id)
        if len(found) > 1:  # as a scan would find them: curves, then by kind, each kind in model order
            kinds = {kind: n for n, kind in enumerate(("curve", *REFERRING_FIELDS))}
            found.sort(key=lambda r: (kinds.get(r[0], len(kinds)), self.index_of(r[1]),
                                      _field_rank(r[0], r[2])))
        return found


def _field_rank(kind: str, name: str) -> int:
    """Where a referring field stands among its kind's (REFERRING_FIELDS's order)."""
    fields = REFERRING_FIELDS.get(kind, ())
    return fields.index(name) if name in fields else len(fields)


# Fields of top-level kinds that refer to other objects by id.
REFERRING_FIELDS: dict[str, tuple[str, ...]] = {
    "pain": ("segment",),
    "proposition": ("segment",),
    "canvas": ("segment",),
    "link": ("from_", "to"),
    "promise": ("from_", "to", "value", "parent", "co_promisers", "alternatives"),
    "experiment": ("team", "promise"),
    "reading": ("of",),
}
# Referring fields that hold a list of ids: a deleted referee leaves the list, the referrer stays.
LIST_REFERENCES = frozenset({("promise", "co_promisers"), ("promise", "alternatives")})
# Referring fields whose object goes with the referee; the others are cleared to None.
DELETED_WITH_REFEREE = frozenset(
    {("pain", "segment"), ("proposition", "segment"), ("link", "from_"), ("link", "to"),
     ("promise", "from_"), ("promise", "to"), ("reading", "of")}
)
