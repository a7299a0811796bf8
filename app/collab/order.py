"""Few moves from one order to another: what stays in place is a longest increasing subsequence."""

from __future__ import annotations

from bisect import bisect_left


def lis_keep(sequence: list[int]) -> set[int]:
    """Indices into `sequence` of one longest strictly increasing subsequence (O(n log n))."""
    tails: list[int] = []  # tails[k]: the smallest last value of an increasing run of length k + 1
    tail_at: list[int] = []  # the index in `sequence` of that value
    before: list[int] = [-1] * len(sequence)
    for i, value in enumerate(sequence):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(i)
        else:
            tails[k] = value
            tail_at[k] = i
        before[i] = tail_at[k - 1] if k else -1
    kept: set[int] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def moves(current: list[str], wanted: list[str]) -> list[tuple[str, int, int]]:
    """(id, from index, to index) steps, each a pop and an insert, that turn `current` into `wanted`.

    Both hold the same ids once each. The ids of a longest run already in order stay; every other id is put right
    after the id that precedes it in `wanted`.
    """
    if current == wanted:
        return []
    place = {obj_id: i for i, obj_id in enumerate(wanted)}
    kept = {current[i] for i in lis_keep([place[obj_id] for obj_id in current])}
    items = list(current)
    steps: list[tuple[str, int, int]] = []
    for n, obj_id in enumerate(wanted):
        if obj_id in kept:
            continue
        source = items.index(obj_id)
        items.pop(source)
        target = 0 if n == 0 else items.index(wanted[n - 1]) + 1
        items.insert(target, obj_id)
        if source != target:
            steps.append((obj_id, source, target))
    return steps
