"""Edits: small values that describe one change to a workshop and know their inverse."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Union


@dataclass(frozen=True)
class Insert:
    """Insert `obj` (a model object of `kind`) at `index` of its list; `parent` is the canvas for factors and curves."""

    kind: str
    obj: Any
    index: int
    parent: str | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return self.obj.id

    def inverse(self) -> Delete:
        return Delete(self.kind, self.obj, self.index, self.parent, self.label)


@dataclass(frozen=True)
class Delete:
    """Delete the object `obj` of `kind` that stands at `index` (the object is kept so the inverse can restore it)."""

    kind: str
    obj: Any
    index: int
    parent: str | None = None
    label: str = ""

    @property
    def id(self) -> str:
        return self.obj.id

    def inverse(self) -> Insert:
        return Insert(self.kind, self.obj, self.index, self.parent, self.label)


@dataclass(frozen=True)
class Update:
    """Change fields of one object: `changes` maps a field to its (old, new) values. Kind "workshop" has id ""."""

    kind: str
    id: str
    changes: dict[str, tuple[Any, Any]]
    label: str = ""

    def inverse(self) -> Update:
        swapped = {name: (new, old) for name, (old, new) in self.changes.items()}
        return Update(self.kind, self.id, swapped, self.label)


@dataclass(frozen=True)
class Move:
    """Move one object within its ordered list from `old_index` to `new_index`."""

    kind: str
    id: str
    old_index: int
    new_index: int
    parent: str | None = None
    label: str = ""

    def inverse(self) -> Move:
        return Move(self.kind, self.id, self.new_index, self.old_index, self.parent, self.label)


@dataclass(frozen=True)
class SetLevel:
    """Set a curve's level on a factor; None means not scored."""

    curve: str
    factor: str
    old: float | None
    new: float | None
    label: str = ""

    def inverse(self) -> SetLevel:
        return SetLevel(self.curve, self.factor, self.new, self.old, self.label)


@dataclass(frozen=True)
class SetPosition:
    """Set where a node stands on a diagram ("structure" or "promises"); None means no stored position."""

    diagram: str
    node: str
    old: tuple[float, float] | None
    new: tuple[float, float] | None
    label: str = ""

    def inverse(self) -> SetPosition:
        return SetPosition(self.diagram, self.node, self.new, self.old, self.label)


@dataclass(frozen=True)
class Batch:
    """Several edits applied, undone and announced as one; `everything` announces it as a change of everything."""

    edits: tuple[Edit, ...] = field(default_factory=tuple)
    label: str = ""
    everything: bool = False

    def inverse(self) -> Batch:
        return Batch(tuple(e.inverse() for e in reversed(self.edits)), self.label, self.everything)


Leaf = Union[Insert, Delete, Update, Move, SetLevel, SetPosition]
Edit = Union[Leaf, Batch]


def leaves(edit: Edit) -> Iterator[Leaf]:
    """The plain edits inside `edit`, in the order they apply."""
    if isinstance(edit, Batch):
        for inner in edit.edits:
            yield from leaves(inner)
    else:
        yield edit


def describe(edit: Edit) -> str:
    """A short English description of an edit for menus and logs ("Undo Move team")."""
    if edit.label:
        return edit.label
    if isinstance(edit, Batch):
        inner = [describe(e) for e in edit.edits]
        return inner[0] if len(inner) == 1 else f"{len(inner)} changes"
    if isinstance(edit, Insert):
        return f"Add {edit.kind}"
    if isinstance(edit, Delete):
        return f"Delete {edit.kind}"
    if isinstance(edit, Update):
        names = ", ".join(edit.changes)
        return f"Change {edit.kind} {names}".strip()
    if isinstance(edit, Move):
        return f"Reorder {edit.kind}"
    if isinstance(edit, SetLevel):
        return "Set level"
    return "Move node"
