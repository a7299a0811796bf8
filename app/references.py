"""Who refers to whom: a reverse index of the workshop's references, kept up to date by the document's edits."""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

Referrer = tuple[str, str, str]
"""(kind, id, field) of an object whose field names another object."""


class ReferenceIndex:
    """For every id, the objects that refer to it (a promise's party or parent, a link's end, a curve's levels).

    `fields` maps a top-level kind to its referring fields (`Document.REFERRING_FIELDS`); a field may hold one id
    or a tuple of ids. Curves refer to the factors they score through their levels.
    """

    def __init__(self, fields: Mapping[str, tuple[str, ...]]) -> None:
        self.fields = fields
        self._by_referee: dict[str, dict[Referrer, None]] = {}
        self._by_field: dict[tuple[str, str, str], dict[str, None]] = {}  # (referee, kind, field) -> referrer ids

    # ------------------------------------------------------------------ asking
    def referrers(self, obj_id: str) -> list[Referrer]:
        """Every (kind, id, field) that refers to `obj_id`, in the order the references were made."""
        found = self._by_referee.get(obj_id)
        return list(found) if found else []

    def referring(self, obj_id: str, kind: str, name: str) -> list[str]:
        """Ids of the objects of `kind` whose field `name` refers to `obj_id` (a team's promises: "from_")."""
        found = self._by_field.get((obj_id, kind, name))
        return list(found) if found else []

    def count(self, obj_id: str, kind: str, name: str) -> int:
        """How many objects of `kind` refer to `obj_id` through their field `name` (a segment's promises: "to")."""
        return len(self._by_field.get((obj_id, kind, name), ()))

    def is_referred(self, obj_id: str) -> bool:
        """Whether anything refers to `obj_id`."""
        return bool(self._by_referee.get(obj_id))

    # ------------------------------------------------------------ keeping up
    def add(self, kind: str, obj: Any) -> None:
        """Record the references of a new object (a canvas's curves too)."""
        for name, target in self._targets(kind, obj):
            self._link(target, (kind, obj.id, name))
        if kind == "canvas":
            for curve in obj.curves:
                self.add("curve", curve)

    def remove(self, kind: str, obj: Any) -> None:
        """Forget the references of an object that goes (a canvas's curves too)."""
        for name, target in self._targets(kind, obj):
            self._unlink(target, (kind, obj.id, name))
        if kind == "canvas":
            for curve in obj.curves:
                self.remove("curve", curve)

    def change(self, kind: str, obj_id: str, name: str, old: Any, new: Any) -> None:
        """A field of an object changed from `old` to `new`."""
        if name not in self.fields.get(kind, ()):
            return
        key = (kind, obj_id, name)
        for target in _ids(old):
            self._unlink(target, key)
        for target in _ids(new):
            self._link(target, key)

    def set_level(self, curve: str, factor: str, scored: bool) -> None:
        """A curve's level on a factor was set (`scored`) or cleared."""
        if scored:
            self._link(factor, ("curve", curve, "levels"))
        else:
            self._unlink(factor, ("curve", curve, "levels"))

    def build(self, objects: Iterable[tuple[str, Any]]) -> None:
        """Start over from (kind, object) pairs of the whole workshop."""
        self._by_referee.clear()
        self._by_field.clear()
        for kind, obj in objects:
            self.add(kind, obj)

    # ------------------------------------------------------------------ inside
    def _targets(self, kind: str, obj: Any) -> Iterator[tuple[str, str]]:
        if kind == "curve":
            for factor in obj.levels:
                yield "levels", factor
            return
        for name in self.fields.get(kind, ()):
            for target in _ids(getattr(obj, name, None)):
                yield name, target

    def _link(self, target: str, key: Referrer) -> None:
        found = self._by_referee.setdefault(target, {})
        if key not in found:
            found[key] = None
            self._by_field.setdefault((target, key[0], key[2]), {})[key[1]] = None

    def _unlink(self, target: str, key: Referrer) -> None:
        found = self._by_referee.get(target)
        if found is not None and key in found:
            del found[key]
            by_field = self._by_field[target, key[0], key[2]]
            del by_field[key[1]]
            if not by_field:
                del self._by_field[target, key[0], key[2]]
            if not found:
                del self._by_referee[target]


def _ids(value: Any) -> tuple[str, ...]:
    """The ids a field's value names: one id, several (a tuple of ids), or none."""
    if isinstance(value, str):
        return (value,) if value else ()
    if isinstance(value, (tuple, list)):
        return tuple(v for v in value if isinstance(v, str) and v)
    return ()
