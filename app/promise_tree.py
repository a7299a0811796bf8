"""The tree of promises as practitioners keep it: value → root promise (to a client) → supporting promises.

Numbering (shared by the promise table's № column, the map's badges and the exports): the root values are
numbered 1, 2, … in the workshop's order; the promises of value 1 that support no other promise are 1.1, 1.2, …;
a promise that supports 1.2 (its `parent`) is 1.2.1, and so on down. A supporting promise sits under the
promise it supports whatever its own value. The promises with no value (or an unknown one) form one more group
after the values, numbered like a value; a workshop without root values numbers its promises 1, 1.1, 1.1.1 with
no value level. A chain of parents that loops (never saved by the app, but a file may hold one) is broken at its
first promise in the workshop's order, which then stands as a root.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from app import model as m

NO_VALUE = ""
"""The group key of the promises with no root value."""


@dataclass
class PromiseTree:
    """The groups (value id, or NO_VALUE, → root promise ids), every promise's children and number."""

    groups: dict[str, list[str]] = field(default_factory=dict)
    """Group key → the ids of its root promises, in the workshop's order (every value, even one with none)."""
    children: dict[str, list[str]] = field(default_factory=dict)
    """Promise id → the ids of the promises that support it, in the workshop's order."""
    up: dict[str, str | None] = field(default_factory=dict)
    """Promise id → the promise it stands under in the tree (None for a root)."""
    group_of: dict[str, str] = field(default_factory=dict)
    """Root promise id → its group key."""
    numbers: dict[str, str] = field(default_factory=dict)
    """Promise id, value id (or NO_VALUE) → its number ("1", "1.2", "1.2.1"); a group without a level has none."""
    order: list[str] = field(default_factory=list)
    """Every promise id, depth first, as the tree reads from top to bottom."""

    def kids(self, key: str | None) -> list[str]:
        """The ids under a node: a group's roots (key is a group key) or a promise's supporters."""
        if key is None:
            return []
        found = self.children.get(key)
        return found if found is not None else self.groups.get(key, [])


def build_tree(w: m.Workshop) -> PromiseTree:
    """The tree of the workshop's promises with their numbers (linear in the number of promises)."""
    tree = PromiseTree()
    values = [v.id for v in w.values]
    known_values = set(values)
    by_id = {p.id: p for p in w.promises}
    tree.children = {p.id: [] for p in w.promises}
    roots: list[str] = []
    for p in w.promises:
        parent = p.parent if p.parent in by_id and p.parent != p.id else None
        tree.up[p.id] = parent
        if parent is None:
            roots.append(p.id)
        else:
            tree.children[parent].append(p.id)
    reached = _reachable(roots, tree.children)
    if len(reached) < len(by_id):  # loops of parents: break each at its first promise in the workshop's order
        for p in w.promises:
            if p.id not in reached:
                parent = tree.up[p.id]
                if parent is not None:
                    tree.children[parent].remove(p.id)
                tree.up[p.id] = None
                roots.append(p.id)
                reached |= _reachable([p.id], tree.children)
        rank = {pid: i for i, pid in enumerate(by_id)}
        roots.sort(key=rank.__getitem__)
    tree.groups = {v: [] for v in values}
    unvalued: list[str] = []
    for pid in roots:
        value = by_id[pid].value
        key = value if value in known_values else NO_VALUE
        (tree.groups[key] if key != NO_VALUE else unvalued).append(pid)
        tree.group_of[pid] = key
    if unvalued or not values:
        tree.groups[NO_VALUE] = unvalued
    _number(tree, bool(values))
    return tree


def _reachable(starts: list[str], children: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(children.get(current, ()))
    return seen


def _number(tree: PromiseTree, value_level: bool) -> None:
    """Give every group and promise its number, and list the promises depth first."""
    for n, (key, roots) in enumerate(tree.groups.items(), start=1):
        prefix = f"{n}." if value_level else ""
        if value_level:
            tree.numbers[key] = str(n)
        stack = [(pid, f"{prefix}{i}") for i, pid in reversed(list(enumerate(roots, start=1)))]
        while stack:
            pid, number = stack.pop()
            tree.numbers[pid] = number
            tree.order.append(pid)
            kids = tree.children.get(pid, [])
            stack.extend((kid, f"{number}.{i}") for i, kid in reversed(list(enumerate(kids, start=1))))


_RECENT: dict[tuple, PromiseTree] = {}
"""The last few trees made by shared_tree, by what they were made from."""
_RECENT_LOCK = threading.Lock()


def shared_tree(w: m.Workshop) -> PromiseTree:
    """build_tree(w), made once while the values and the promises' places (id, parent, value) stay the same: an
    export asks for the numbers of the same workshop from every table and map. Read it; never change it."""
    key = (tuple(v.id for v in w.values), tuple((p.id, p.parent, p.value) for p in w.promises))
    with _RECENT_LOCK:  # exports run in a thread of their own while the window numbers its table
        tree = _RECENT.pop(key, None)
    if tree is None:
        tree = build_tree(w)
    with _RECENT_LOCK:
        _RECENT[key] = tree  # the most recent last
        while len(_RECENT) > 4:
            del _RECENT[next(iter(_RECENT))]
    return tree


def promise_numbers(w: m.Workshop) -> dict[str, str]:
    """Each promise's number in the tree of promises ("1.2.1"): what the table, the map and the exports show."""
    tree = shared_tree(w)
    return {pid: tree.numbers[pid] for pid in tree.order}


def tree_ordered(w: m.Workshop, promises: list[m.Promise] | None = None) -> list[m.Promise]:
    """`promises` (every promise by default) in the tree's order, so that their numbers read top to bottom."""
    rank = {pid: i for i, pid in enumerate(shared_tree(w).order)}
    chosen = w.promises if promises is None else promises
    return sorted(chosen, key=lambda p: rank.get(p.id, len(rank)))


def number_key(number: str) -> str:
    """A text that sorts numbers as the tree reads them ("1.10" after "1.9"): each part zero-padded."""
    return ".".join(part.zfill(6) for part in number.split(".")) if number else ""


def reparent_refusal(w: m.Workshop, promise_id: str, new_parent: str | None) -> str | None:
    """Why `promise_id` may not support `new_parent` (None: it may), in English: itself or a loop of parents."""
    if new_parent is None:
        return None
    if new_parent == promise_id:
        return "a promise cannot support itself"
    by_id = {p.id: p for p in w.promises}
    seen: set[str] = set()
    current: str | None = new_parent
    while current is not None and current not in seen:
        if current == promise_id:
            return "a promise cannot support a promise that supports it"
        seen.add(current)
        found = by_id.get(current)
        current = found.parent if found is not None else None
    return None


def reparent_changes(w: m.Workshop, promise_id: str, target: str | None,
                     target_is_group: bool) -> dict[str, tuple[object, object]]:
    """The field changes that put a promise under `target` in the tree (one Update's changes; {} for none).

    Under a promise: it supports that promise, and takes its value when that has one (the tree reads so).
    Under a group (a value id, or NO_VALUE): it supports nothing and holds that value.
    """
    p = next(q for q in w.promises if q.id == promise_id)
    if target_is_group:
        parent, value = None, (target or None)
    else:
        host = next(q for q in w.promises if q.id == target)
        parent, value = target, host.value if host.value else p.value
    found: dict[str, tuple[object, object]] = {}
    if p.parent != parent:
        found["parent"] = (p.parent, parent)
    if p.value != value:
        found["value"] = (p.value, value)
    return found


def widest(numbers: dict[str, str]) -> str:
    """The longest of the numbers (what a № column must be wide enough for); "1" when there are none."""
    return max(numbers.values(), key=len, default="1")
