"""Whole-workshop consistency: unique ids, field types, references, levels, positions and parent chains."""

from __future__ import annotations

import json
import math
import re
from itertools import chain
from operator import attrgetter
from typing import Any, Iterator

from app import model as m
from app import schema as s
from app.limits import (
    MAX_COORDINATE,
    MAX_EXTRA_DEPTH,
    MAX_INTEGER,
    MAX_VALUE_BYTES,
    NUMBER_TOO_LARGE,
    VALUE_TOO_LARGE,
    rows_problem,
)
from app.validate import (
    KindOf,
    empty_fields,
    level_problem,
    object_problems,
    public_name,
    type_problem,
    typed_fields,
)

_SIMPLE_KEY = re.compile(r"[\w-]+")


def key_part(key: Any) -> str:
    """A path step for an object key: `.name`, or `["odd key"]` when it is not a plain word."""
    key = str(key)
    return "." + key if _SIMPLE_KEY.fullmatch(key) else "[" + json.dumps(key, ensure_ascii=False) + "]"


def workshop_problems(w: m.Workshop, check_types: bool = True,
                      check_sizes: bool = False) -> Iterator[tuple[str, str]]:
    """Every (path, reason) that makes a whole workshop inconsistent, in document order.

    Paths are those of the interchange format, e.g. `promises[3].to`. `check_types` also checks each
    field's Python type and the users' own `x-` data (needed for rows from a file; the JSON reader has checked
    them already). `check_sizes` checks that every row fits a workshop file (the gate's SQLite limits that
    the file itself guarantees). Rows per table and positions on the diagrams are always checked: what
    passes can be written, exported, and read back.
    """
    yield from _count_problems(w)
    if check_types:
        yield from _extra_problems(w)
    if check_sizes:
        yield from _size_problems(w)
    kinds: dict[str, str] = {}
    places: dict[str, str] = {}
    for kind, obj, place in _objects(w):
        if obj.id in kinds:
            yield f"{place}.id", f'id "{obj.id}" is already used by {places[obj.id]}'
        elif obj.id:
            kinds[obj.id], places[obj.id] = kind, place
    kind_of = kinds.get
    yield from _object_problems("workshop", w.info, "workshop", kind_of, check_types)
    for kind, obj, place in _objects(w):
        if kind == "canvas":
            yield from _canvas_problems(obj, place, kind_of, check_types)
        elif kind not in m.CANVAS_KINDS:
            yield from _object_problems(kind, obj, place, kind_of, check_types)
    for diagram, positions in w.layouts.items():
        if diagram not in m.DIAGRAMS:
            yield f"layouts{key_part(diagram)}", f"unknown diagram (one of {', '.join(m.DIAGRAMS)})"
            continue
        for node, xy in positions.items():
            if kind_of(node) not in ("team", "segment"):
                yield f"layouts.{diagram}{key_part(node)}", f'no team or segment with id "{node}"'
            elif not _is_position(xy):
                yield (f"layouts.{diagram}{key_part(node)}",
                       f"a position is [x, y], two numbers from {-MAX_COORDINATE:g} to {MAX_COORDINATE:g}")
    yield from _parent_cycles(w.promises)


def _objects(w: m.Workshop) -> Iterator[tuple[str, Any, str]]:
    """(kind, object, path) of every object, canvases followed by their factors and curves."""
    for kind in m.TOP_KINDS:
        collection = m.COLLECTIONS[kind]
        for i, obj in enumerate(w.collection(kind)):
            yield kind, obj, f"{collection}[{i}]"
            if kind == "canvas":
                for j, factor in enumerate(obj.factors):
                    yield "factor", factor, f"{collection}[{i}].factors[{j}]"
                for j, curve in enumerate(obj.curves):
                    yield "curve", curve, f"{collection}[{i}].curves[{j}]"


def _object_problems(kind: str, obj: Any, base: str, kind_of: KindOf, check_types: bool) -> Iterator[tuple[str, str]]:
    """The first problem of one object: a wrong type, else an unknown value or dangling reference."""
    if check_types:
        cls: type = type(obj)
        empty = empty_fields(cls, kind)
        for name, exact in typed_fields(cls, kind):
            value = getattr(obj, name)
            if type(value) in exact or (not value and type(value) is empty.get(name)):
                continue  # a scalar of its exact type, or a list, object or nested field left empty: nothing to see
            problem = type_problem(obj, name)
            if problem:
                yield f"{base}.{public_name(name)}", problem
                return
    for name, reason in object_problems(kind, obj, kind_of):
        yield f"{base}.{name}", reason
        return


def _canvas_problems(canvas: m.Canvas, base: str, kind_of: KindOf, check_types: bool) -> Iterator[tuple[str, str]]:
    """A canvas's own fields, then its factors, then its curves and their levels, then its reference curve."""
    problems = list(object_problems("canvas", canvas, kind_of))
    own = [(name, reason) for name, reason in problems if not name.startswith("curves")]
    if check_types or own:
        yield from _object_problems("canvas", canvas, base, kind_of, check_types)
    for j, factor in enumerate(canvas.factors):
        yield from _object_problems("factor", factor, f"{base}.factors[{j}]", kind_of, check_types)
    factor_ids = {f.id for f in canvas.factors}
    for j, curve in enumerate(canvas.curves):
        yield from _object_problems("curve", curve, f"{base}.curves[{j}]", kind_of, check_types)
        for factor_id, level in curve.levels.items():
            problem = level_problem(canvas, factor_id, level, factor_ids)
            if problem:
                yield f"{base}.curves[{j}].levels{key_part(factor_id)}", problem
    if any(name == "curves" for name, _ in problems):
        second = [j for j, c in enumerate(canvas.curves) if c.reference][1]
        yield f"{base}.curves[{second}].reference", "more than one reference curve; a canvas has at most one"


def _parent_cycles(promises: list[m.Promise]) -> Iterator[tuple[str, str]]:
    """Promises whose `parent` chain comes back to where it started."""
    parent_of = {p.id: p.parent for p in promises}
    index_of = {p.id: i for i, p in enumerate(promises)}
    done: set[str] = set()
    for promise in promises:
        chain: list[str] = []
        on_chain: set[str] = set()
        current: str | None = promise.id
        while current is not None and current not in done and current not in on_chain:
            chain.append(current)
            on_chain.add(current)
            current = parent_of.get(current)
        if current is not None and current in on_chain:
            cycle = chain[chain.index(current):]
            first = min(cycle, key=index_of.__getitem__)
            start = cycle.index(first)
            cycle = cycle[start:] + cycle[:start]
            steps = [f'"{c}"' for c in cycle] if len(cycle) <= 5 else [f'"{cycle[0]}"', f"… {len(cycle) - 1} more"]
            shown = " → ".join([*steps, f'"{cycle[0]}"'])
            yield (f"promises[{index_of[first]}].parent",
                   f"promises support each other in a cycle ({shown}); a chain of parents must end")
        done.update(chain)


# ------------------------------------------------------------------------------------------------ limits
def _is_position(xy: Any) -> bool:
    """True for an (x, y) pair of finite numbers a diagram can hold."""
    return isinstance(xy, (tuple, list)) and len(xy) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and abs(v) <= MAX_COORDINATE for v in xy)


def row_counts(w: m.Workshop) -> dict[str, int]:
    """How many rows each table of a workshop file would have."""
    counts = {s.TABLES[kind]: len(w.collection(kind)) for kind in m.TOP_KINDS}
    canvases = w.collection("canvas")
    counts[s.TABLES["factor"]] = sum(len(c.factors) for c in canvases)
    counts[s.TABLES["curve"]] = sum(len(c.curves) for c in canvases)
    counts[s.LEVELS_TABLE] = sum(len(curve.levels) for c in canvases for curve in c.curves)
    counts[s.POSITIONS_TABLE] = sum(len(p) for p in w.layouts.values())
    return counts


def count_problem(w: m.Workshop) -> str | None:
    """Why the workshop has more rows in one table than a workshop file may hold, or None."""
    for table, count in row_counts(w).items():
        problem = rows_problem(table, count)
        if problem:
            return problem
    return None


def _count_problems(w: m.Workshop) -> Iterator[tuple[str, str]]:
    problem = count_problem(w)
    if problem:
        yield "(root)", problem


def plain_problem(value: Any, depth: int = 0) -> str | None:
    """Why a user's own `x-` value is not plain JSON the app reads back (finite numbers, whole numbers of at
    most 64 bits, string keys, nested at most MAX_EXTRA_DEPTH deep), or None."""
    if value is None or isinstance(value, (str, bool)):
        return None
    if isinstance(value, int):
        return NUMBER_TOO_LARGE if abs(value) > MAX_INTEGER else None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{value!r} is not a finite number"
    if not isinstance(value, (list, dict)):
        return f"{type(value).__name__} is not a JSON value"
    if depth >= MAX_EXTRA_DEPTH:
        return f"nested deeper than {MAX_EXTRA_DEPTH} levels"
    if isinstance(value, dict) and not all(isinstance(k, str) for k in value):
        return "a key is not a string"
    for item in value.values() if isinstance(value, dict) else value:
        problem = plain_problem(item, depth + 1)
        if problem:
            return problem
    return None


def extra_problem(extra: Any) -> str | None:
    """Why stored own data (`x-` keys) cannot be written as the format's own keys, or None."""
    if not isinstance(extra, dict):
        return "extra is not an object"
    for key, value in extra.items():
        if not (isinstance(key, str) and key.startswith("x-")):
            return f"own key {key!r} does not start with \"x-\""
        problem = plain_problem(value)
        if problem:
            return f"{key}: {problem}"
    return None


def _extra_problems(w: m.Workshop) -> Iterator[tuple[str, str]]:
    """The own data of the workshop, its layouts and every object."""
    for path, extra in (("workshop", w.info.extra), ("(root)", w.extra), ("layouts", w.layouts_extra)):
        problem = extra_problem(extra)
        if problem:
            yield path, problem
    for _, obj, place in _objects(w):
        problem = extra_problem(getattr(obj, "extra", {}))
        if problem:
            yield place, problem
            return


def _row_bytes(row: Any) -> int:
    """About how many bytes a row takes in SQLite (text as UTF-8, numbers as 8)."""
    total = 0
    for cell in row:
        if isinstance(cell, str):
            total += len(cell.encode("utf-8", "surrogatepass"))
        else:
            total += 8
    return total


def _size_problems(w: m.Workshop) -> Iterator[tuple[str, str]]:
    """The first row that would not fit a workshop file."""
    names = m.field_names("workshop")
    if _row_bytes(s.to_cell(n, getattr(w.info, n)) for n in names) > MAX_VALUE_BYTES:
        yield "workshop", VALUE_TOO_LARGE
        return
    for path, extra in (("(root)", w.extra), ("layouts", w.layouts_extra)):
        if _row_bytes([json.dumps(extra, ensure_ascii=False)]) > MAX_VALUE_BYTES:
            yield path, VALUE_TOO_LARGE
            return
    suspects = _kinds_that_could_be_too_large(w)
    if not suspects:
        return
    for kind, obj, place in _objects(w):
        if kind in suspects and _could_be_too_large(obj) and _row_bytes(
                s.object_row(kind, obj, 0.0, None).values()) > MAX_VALUE_BYTES:
            yield place, VALUE_TOO_LARGE
            return


def _kinds_that_could_be_too_large(w: m.Workshop) -> set[str]:
    """The kinds with an object whose row might not fit, from the longest of each field (no repr per object)."""
    canvases = w.collection("canvas")
    objects = {kind: w.collection(kind) for kind in m.TOP_KINDS}
    objects["factor"] = [f for c in canvases for f in c.factors]
    objects["curve"] = [c for canvas in canvases for c in canvas.curves]
    return {kind for kind, objs in objects.items() if objs and rows_bound(kind, objs) > MAX_VALUE_BYTES}


_GRANT_FIELDS = ("authorities", "resources")
_EMPTY_GRANT = 6 * len(repr(m.Grant()))  # a grant's JSON beyond its text and own data: names, `granted`, brackets


def rows_bound(kind: str, objs: list[Any]) -> int:
    """The most bytes any row of these objects of `kind` may take, from lengths alone: a character of a text is at
    most 4 bytes of UTF-8; a character of a list's or a nested object's `str()` (its repr) at most 6 bytes of its
    JSON (\\u0000 for \\x00); a number 8 bytes; a grant at most its text, its own data and an empty grant's repr,
    6 bytes a character; plus 8 for the row's order and 8 for its canvas. Any other value: the kind is a suspect."""
    cls: type = m.KINDS[kind]
    exact = dict(typed_fields(cls, kind))
    names = ("id", *m.field_names(kind))
    texts = [n for n in names if n == "id" or exact.get(n) == frozenset({str})]
    others = [n for n in names if n not in texts and n not in _GRANT_FIELDS]
    try:
        total = 6 * max(map(len, map("".join, map(attrgetter(*texts), objs))))
        if others:  # one pass: the str() of a tuple is the repr of each, no shorter than its str()
            total += 6 * max(map(len, map(str, map(attrgetter(*others), objs))))
        granting = [n for n in _GRANT_FIELDS if n in names]
        if granting:  # each list of grants bounded by the most grants in one list and the longest text and own data
            lists = list(chain.from_iterable(map(attrgetter(*granting), objs))) if len(granting) > 1 else list(
                map(attrgetter(granting[0]), objs))
            grants = list(chain.from_iterable(lists))
            if grants:
                most = max(map(len, lists))
                text = max(map(len, map(str, map(attrgetter("text"), grants))))
                own = max(map(len, map(str, map(attrgetter("extra"), grants)))) if any(
                    map(attrgetter("extra"), grants)) else 2
                total += len(granting) * (2 + most * (6 * text + 6 * own + _EMPTY_GRANT))
    except (TypeError, AttributeError):  # a field holding a value of another type: look at each object
        return MAX_VALUE_BYTES + 1
    return total + 8 * len(names) + 16


def _could_be_too_large(obj: Any) -> bool:
    """Whether an object's row might not fit, from its repr alone (no row built): each character of
    the repr stands for at most 6 bytes of the row (4 of UTF-8, 6 of a JSON escape such as \\u0000; a number's 8
    bytes are covered by its field's name and `=`), plus 8 for the row's order."""
    return 6 * len(repr(obj)) + 8 > MAX_VALUE_BYTES
