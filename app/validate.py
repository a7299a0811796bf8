"""What makes an object acceptable in a workshop: references that resolve, known kinds, levels within the scale."""

from __future__ import annotations

import math
import re
from dataclasses import fields
from datetime import date
from functools import cache
from typing import Any, Callable, Iterator

from app import model as m

KindOf = Callable[[str], "str | None"]
"""Tells the kind of the object with a given id, or None when there is none."""

_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")

_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("team", "kind"): m.TEAM_KINDS,
    ("curve", "kind"): m.CURVE_KINDS,
    ("promise", "status"): m.PROMISE_STATUSES,
    ("experiment", "status"): m.EXPERIMENT_STATUSES,
}
_OPTIONAL_ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("factor", "errc"): m.ERRC_ACTIONS,
    ("experiment", "decision"): m.DECISIONS,
}
# field -> (kinds it may point to, whether it may be None)
_REFERENCES: dict[tuple[str, str], tuple[tuple[str, ...], bool]] = {
    ("pain", "segment"): (("segment",), False),
    ("proposition", "segment"): (("segment",), False),
    ("canvas", "segment"): (("segment",), True),
    ("link", "from_"): (("team",), False),
    ("link", "to"): (("team", "segment"), False),
    ("promise", "from_"): (("team", "segment"), False),
    ("promise", "to"): (("team", "segment"), False),
    ("promise", "value"): (("value",), True),
    ("promise", "parent"): (("promise",), True),
    ("experiment", "team"): (("team",), True),
    ("experiment", "promise"): (("promise",), True),
    ("reading", "of"): (("promise", "team"), False),
}
# fields that hold a list of ids -> the kinds each id may point to
_LIST_REFERENCES: dict[tuple[str, str], tuple[str, ...]] = {
    ("promise", "co_promisers"): ("team",),
    ("promise", "alternatives"): ("team",),
}
_NAMES = {"segment": "segment", "team": "team", "value": "value", "promise": "promise"}
_PERIOD = re.compile(r"\d{4}-\d{2}(-\d{2})?")
_NUMBERS = {("experiment", "budget"), ("team", "experiment_budget"), ("promise", "price")}


_DATES = {("workshop", "date"), ("experiment", "start"), ("experiment", "end")}


def _is_iso_date(text: str) -> bool:
    """True for an ISO 8601 calendar date such as 2026-11-20."""
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def public_name(field: str) -> str:
    """The field's name in the interchange format (`from_` is `from`)."""
    return "from" if field == "from_" else field


def is_number(value: Any) -> bool:
    """True for a finite int or float (not a bool)."""
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def field_problem(kind: str, name: str, value: Any, kind_of: KindOf) -> str | None:
    """Why `value` cannot stand in field `name` of a `kind` object, or None when it can."""
    key = (kind, name)
    if key in _ENUMS and value not in _ENUMS[key]:
        return f"unknown {public_name(name)} {value!r} (one of {', '.join(_ENUMS[key])})"
    if key in _OPTIONAL_ENUMS and value is not None and value not in _OPTIONAL_ENUMS[key]:
        return f"unknown {public_name(name)} {value!r} (one of {', '.join(_OPTIONAL_ENUMS[key])} or null)"
    if key in _REFERENCES:
        kinds, nullable = _REFERENCES[key]
        if value is None:
            return None if nullable else "missing reference"
        if not isinstance(value, str) or kind_of(value) not in kinds:
            what = " or ".join(_NAMES[k] for k in kinds)
            return f'no {what} with id "{value}"'
    if key in _LIST_REFERENCES and isinstance(value, tuple):
        for item in value:
            if not isinstance(item, str) or kind_of(item) not in _LIST_REFERENCES[key]:
                return f'no team with id "{item}"'
        if len(set(value)) != len(value):
            return f"{public_name(name)} names a team twice"
    if kind == "reading" and name == "period" and not (isinstance(value, str) and _is_period(value)):
        return f"period {value!r} is not a month (YYYY-MM) or a date (YYYY-MM-DD)"
    if kind == "team" and name == "motivation" and isinstance(value, m.Motivation):
        return _motivation_problem(value)
    if kind == "team" and name == "economics" and isinstance(value, m.Economics):
        numbers = (value.revenue, value.costs, value.internal_revenue, value.internal_costs)
        if any(n is not None and not is_number(n) for n in numbers):
            return "economics holds a value that is not a finite number"
    if kind == "pain" and name == "severity" and value is not None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
            return f"severity {value!r} is not an integer from 1 to 5"
    if kind == "curve" and name == "color" and not (isinstance(value, str) and _COLOR.fullmatch(value)):
        return f'colour {value!r} is not "#RRGGBB"'
    if kind == "canvas" and name == "scale":
        ok = isinstance(value, tuple) and len(value) == 2 and all(is_number(v) for v in value)
        if not ok or value[0] >= value[1]:
            shown = f"[{', '.join(map(str, value))}]" if isinstance(value, (tuple, list)) else repr(value)
            return f"scale {shown} is not [min, max] with min < max (numbers, as a tuple in the model)"
    if kind == "canvas" and name == "step" and not (is_number(value) and value > 0):
        return f"step {value!r} is not a positive number"
    if kind == "workshop" and name == "language" and value not in m.LANGUAGES:
        return f"unknown language {value!r} (ru or en)"
    if key in _NUMBERS and value is not None and not is_number(value):
        return f"{name} {value!r} is not a number"
    if key in _DATES and value and isinstance(value, str) and not _is_iso_date(value):
        return f"{name} {value!r} is not a date written as YYYY-MM-DD"
    return None


def _is_period(text: str) -> bool:
    """True for a month written YYYY-MM or a date written YYYY-MM-DD."""
    if not _PERIOD.fullmatch(text):
        return False
    return _is_iso_date(text if len(text) == 10 else text + "-01")


def _motivation_problem(motivation: m.Motivation) -> str | None:
    """Why a motivation cannot stand (unknown basis, a percent or share that is not a number from 0 to 100 / 0 to 1)."""
    if motivation.basis not in m.MOTIVATION_BASES:
        return f"unknown motivation basis {motivation.basis!r} (one of {', '.join(m.MOTIVATION_BASES)})"
    if motivation.percent is not None and not (is_number(motivation.percent) and 0 <= motivation.percent <= 100):
        return f"motivation percent {motivation.percent!r} is not a number from 0 to 100"
    for share in motivation.shares:
        if not (isinstance(share, m.Share) and isinstance(share.member, str) and is_number(share.share)
                and 0 <= share.share <= 1):
            return "a member's share of the pool is not a number from 0 to 1"
    return None


_OWN_RULES = frozenset({("reading", "period"), ("team", "motivation"), ("team", "economics"), ("pain", "severity"),
                        ("curve", "color"), ("canvas", "scale"), ("canvas", "step"), ("workshop", "language")})
"""The fields `field_problem` looks at by their own rule (the others are in the tables above)."""


@cache
def ruled_fields(kind: str) -> tuple[str, ...]:
    """The fields of `kind` that `field_problem` has a rule for, in field order (a text field has none: any text
    stands, its size is the limits' concern): a workshop of 30,000 promises skips half its cells here."""
    tables = (_ENUMS, _OPTIONAL_ENUMS, _REFERENCES, _LIST_REFERENCES, _OWN_RULES, _NUMBERS, _DATES)
    return tuple(name for name in m.field_names(kind) if any((kind, name) in table for table in tables))


def object_problems(kind: str, obj: Any, kind_of: KindOf) -> Iterator[tuple[str, str]]:
    """Every (field, reason) that makes `obj` unacceptable, references resolved through `kind_of`."""
    if kind != "workshop" and not (isinstance(obj.id, str) and obj.id):
        yield "id", "an id must be a non-empty string"
    for name in ruled_fields(kind):
        problem = field_problem(kind, name, getattr(obj, name), kind_of)
        if problem:
            yield public_name(name), problem
    if kind == "canvas":
        yield from _canvas_problems(obj)


def level_problem(canvas: m.Canvas, factor_id: str, level: Any,
                  factor_ids: frozenset[str] | set[str] | None = None) -> str | None:
    """Why `level` cannot be a level on `factor_id` of `canvas`, or None when it can.

    `factor_ids` (the canvas's factor ids, when the caller checks many levels) saves a walk of the factors."""
    known = factor_id in factor_ids if factor_ids is not None else any(f.id == factor_id for f in canvas.factors)
    if not known:
        return f'no factor with id "{factor_id}" on canvas "{canvas.id}"'
    if level is None:
        return None
    low, high = canvas.scale
    if not is_number(level) or not low <= level <= high:
        return f"level {level!r} is outside the scale [{_num(low)}, {_num(high)}]"
    return None


def _canvas_problems(canvas: m.Canvas) -> Iterator[tuple[str, str]]:
    """Problems among a canvas's own factors and curves: levels off the scale, more than one reference."""
    references = [c for c in canvas.curves if c.reference]
    if len(references) > 1:
        yield "curves", f'more than one reference curve ("{references[0].id}", "{references[1].id}")'
    factor_ids = {f.id for f in canvas.factors}
    for curve in canvas.curves:
        for factor_id, level in curve.levels.items():
            problem = level_problem(canvas, factor_id, level, factor_ids)
            if problem:
                yield f"curves[{curve.id}].levels.{factor_id}", problem


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


_SCALAR_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,), "str | None": (str, type(None)), "bool": (bool,),
    "int | None": (int, type(None)), "float": (int, float), "float | None": (int, float, type(None)),
    "bool | None": (bool, type(None)),
}


def type_problem(obj: Any, name: str) -> str | None:
    """Why the value of field `name` of `obj` has the wrong type for the model, or None."""
    return value_type_problem(type(obj), name, getattr(obj, name))


@cache
def _annotation(cls: type, name: str) -> str:
    """The type annotation of field `name` of model class `cls`, as written (looked up once per field)."""
    return str(next(f.type for f in fields(cls) if f.name == name))


@cache
def _exact_types(cls: type, name: str) -> frozenset[type]:
    """The exact types a scalar field's value may have without a closer look (a bool is of type bool, not int)."""
    return frozenset(_SCALAR_TYPES.get(_annotation(cls, name), ()))


@cache
def typed_fields(cls: type, kind: str) -> tuple[tuple[str, frozenset[type]], ...]:
    """Each field of a `kind` object (of class `cls`) with the exact types its value may have without a closer look
    (`type_problem` takes that look for any other value)."""
    return tuple((name, _exact_types(cls, name)) for name in m.field_names(kind))


@cache
def empty_fields(cls: type, kind: str) -> dict[str, type]:
    """The non-scalar fields of a `kind` object whose empty value needs no closer look, each with that value's type:
    a list left empty (tuple), no users' data (dict), a nested object left out (None)."""
    found: dict[str, type] = {}
    for name in m.field_names(kind):
        if name in _LISTS:
            found[name] = tuple
        elif name == "extra":
            found[name] = dict
        elif name in _NESTED_TYPES:
            found[name] = type(None)
    return found


_GRANT_LISTS = frozenset({"authorities", "resources"})
_STRING_LISTS = frozenset({"members", "co_promisers", "alternatives"})
_LISTS = _STRING_LISTS | _GRANT_LISTS


def value_type_problem(cls: type, name: str, value: Any) -> str | None:
    """Why `value` has the wrong type for field `name` of model class `cls`, or None."""
    if type(value) in _exact_types(cls, name):  # the common case of a file's millions of cells, in one look-up
        return None
    annotation = _annotation(cls, name)
    allowed = _SCALAR_TYPES.get(str(annotation))
    if allowed is not None:
        if not isinstance(value, allowed) or (isinstance(value, bool) and bool not in allowed):
            return f"{value!r} is not of type {annotation}"
    elif name in _STRING_LISTS and not (
        isinstance(value, tuple) and all(isinstance(v, str) for v in value)
    ):
        return f"{name} is not a list of strings"
    elif name in _GRANT_LISTS and not (isinstance(value, tuple) and all(
        isinstance(g, m.Grant) and isinstance(g.text, str) and isinstance(g.granted, bool) for g in value
    )):
        return f"{name} is not a list of {{text, granted}}"
    elif name in _NESTED_TYPES and value is not None and not isinstance(value, _NESTED_TYPES[name]):
        return f"{name} is not {{{', '.join(f.name for f in fields(_NESTED_TYPES[name]) if f.name != 'extra')}}}"
    elif name == "extra" and not isinstance(value, dict):
        return "extra is not an object"
    return None


_NESTED_TYPES: dict[str, type] = {"indicator": m.Indicator, "economics": m.Economics, "motivation": m.Motivation}
