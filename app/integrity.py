"""Whole-workshop consistency: unique ids, field types, references, levels, positions and parent chains."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from app import model as m
from app.validate import KindOf, level_problem, object_problems, public_name, type_problem

_SIMPLE_KEY = re.compile(r"[\w-]+")


def key_part(key: Any) -> str:
    """A path step for an object key: `.name`, or `["odd key"]` when it is not a plain word."""
    key = str(key)
    return "." + key if _SIMPLE_KEY.fullmatch(key) else "[" + json.dumps(key, ensure_ascii=False) + "]"


def workshop_problems(w: m.Workshop, check_types: bool = True) -> Iterator[tuple[str, str]]:
    """Every (path, reason) that makes a whole workshop inconsistent, in document order.

    Paths are those of the interchange format, e.g. `promises[3].to`. `check_types` also checks each
    field's Python type (needed for rows from a file; the JSON reader has checked them already).
    """
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
        for node in positions:
            if kind_of(node) not in ("team", "segment"):
                yield f"layouts.{diagram}{key_part(node)}", f'no team or segment with id "{node}"'
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
        for name in m.field_names(kind):
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
    for j, curve in enumerate(canvas.curves):
        yield from _object_problems("curve", curve, f"{base}.curves[{j}]", kind_of, check_types)
        for factor_id, level in curve.levels.items():
            problem = level_problem(canvas, factor_id, level)
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
