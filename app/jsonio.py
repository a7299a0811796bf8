"""JSON interchange (FORMAT.md): a workshop as a `clientocracy-workshop` document, version 1, and back."""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import sys
from functools import partial
from typing import Any, Callable, Iterable

from app import model as m
from app.fsutil import atomic_write_bytes
from app.gcpause import collector_paused
from app.integrity import key_part, workshop_problems
from app.limits import MAX_EXTRA_DEPTH, MAX_INTEGER, MAX_JSON_BYTES, MAX_VALUE_BYTES, NUMBER_TOO_LARGE, json_too_large

FORMAT_NAME = "clientocracy-workshop"
FORMAT_VERSION = 2  # reads 1 and 2 (2 only adds optional fields), writes 2
MAX_BYTES = MAX_JSON_BYTES
"""Larger documents are refused before they are parsed, and never written."""
MAX_DEPTH = MAX_EXTRA_DEPTH + 16
ROW_GROWTH = 16
"""How much larger than its JSON text a stored row can grow: a list of empty objects (`{},` for a grant or a share,
3 characters) is stored with every default written (`{"text": "", "granted": false, "extra": {}}`, under 48), so no
row exceeds 16 times the document; rows are measured only for documents that large could make."""
"""How deeply a whole document may nest."""

_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_MISSING = object()


class FormatError(ValueError):
    """A document that cannot be used as a workshop; the message starts with the path of the first problem."""

    def __init__(self, path: str, reason: str, file: str | None = None) -> None:
        self.path, self.reason, self.file = _clean(path), _clean(reason), file
        super().__init__(": ".join(p for p in (_clean(file or ""), self.path, self.reason) if p))

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.path, self.reason, self.file)

    def in_file(self, file: str) -> FormatError:
        """The same problem, told about the file `file`."""
        return FormatError(self.path, self.reason, file)


def _clean(text: str, limit: int = 400) -> str:
    """One printable line of at most `limit` characters: no newlines, no lone surrogates."""
    text = text.replace("\r", "\\r").replace("\n", "\\n").encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Problem(Exception):
    """A problem found while reading; the path is built while it travels up to the document."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.parts: list[str] = []

    def at(self, part: str) -> _Problem:
        """Put `part` (".key" or "[i]") in front of the path so far."""
        self.parts.append(part)
        return self

    def path(self) -> str:
        """The path from the root, as `teams[2].kind`."""
        text = "".join(reversed(self.parts))
        return (text[1:] if text.startswith(".") else text) or "(root)"


class _Duplicated(dict):
    """A JSON object in which a key appeared more than once (`key` is the first such key)."""

    key: str = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json.loads's object hook: a dict, marked when a key repeats."""
    result = dict(pairs)
    if len(result) != len(pairs):
        result = _Duplicated(result)
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                result.key = key
                break
            seen.add(key)
    return result


def _describe(value: Any) -> str:
    """A short description of a JSON value for messages."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        return _clean(json.dumps(value, ensure_ascii=False), 60)
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, int) and value.bit_length() > 128:
        return "a very large number"
    if isinstance(value, (int, float)):
        return _clean(repr(value), 60)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# ------------------------------------------------------------------------------------------------ reading values
def _check_text(value: Any, depth: int = 0) -> None:
    """Refuse lone surrogates (UTF-8 cannot hold them) in any string or key, and nesting beyond MAX_DEPTH."""
    if isinstance(value, str):
        if not value.isascii() and _SURROGATE.search(value):
            raise _Problem("the text holds a lone surrogate, which is not valid Unicode")
        return
    if not isinstance(value, (dict, list, tuple)):
        return
    if depth >= MAX_DEPTH:
        raise _Problem(f"nested deeper than {MAX_DEPTH} levels")
    for key, item in value.items() if isinstance(value, dict) else enumerate(value):
        try:
            if isinstance(key, str):
                _check_text(key)
            _check_text(item, depth + 1)
        except _Problem as problem:
            raise problem.at(f"[{key}]" if isinstance(value, (list, tuple)) else key_part(key)) from None


def _may_hold_surrogates(text: str, decoded: bool) -> bool:
    """False when JSON text cannot give a string with a lone surrogate (`decoded`: it came from UTF-8 bytes)."""
    if _ESCAPED_SURROGATE.search(text):
        return True
    if decoded:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _string(value: Any) -> str:
    """A string."""
    if isinstance(value, str):
        return str(value)
    raise _Problem(f"expected a string, got {_describe(value)}")


def _opt_string(value: Any) -> str | None:
    """A string or null."""
    if value is None or isinstance(value, str):
        return value
    raise _Problem(f"expected a string or null, got {_describe(value)}")


def _boolean(value: Any) -> bool:
    """true or false."""
    if isinstance(value, bool):
        return value
    raise _Problem(f"expected true or false, got {_describe(value)}")


def _opt_boolean(value: Any) -> bool | None:
    """true, false or null."""
    return None if value is None else _boolean(value)


def _number(value: Any) -> int | float:
    """A finite number (a bool is not a number)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            finite = math.isfinite(value)
        except OverflowError:
            raise _Problem("the number is too large") from None
        if not finite:
            raise _Problem(f"{_describe(value)} is not a finite number")
        if isinstance(value, int) and abs(value) > MAX_INTEGER:
            raise _Problem(NUMBER_TOO_LARGE)
        return int(value) if isinstance(value, int) else float(value)
    raise _Problem(f"expected a number, got {_describe(value)}")


def _opt_number(value: Any) -> int | float | None:
    """A finite number or null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Problem(f"expected a number or null, got {_describe(value)}")
    return _number(value)


def _mapping(value: Any, what: str) -> dict[str, Any]:
    """A JSON object whose keys do not repeat."""
    if not isinstance(value, dict):
        raise _Problem(f"expected {what}, got {_describe(value)}")
    if isinstance(value, _Duplicated):
        raise _Problem("this key appears more than once in its object").at(key_part(value.key))
    return value


def _items(value: Any, read: Callable[[Any], Any]) -> list[Any]:
    """A JSON list, each item read by `read`."""
    if not isinstance(value, (list, tuple)):
        raise _Problem(f"expected a list, got {_describe(value)}")
    out = []
    for i, item in enumerate(value):
        try:
            out.append(read(item))
        except _Problem as problem:
            raise problem.at(f"[{i}]") from None
    return out


def _scale(value: Any) -> tuple[float, float]:
    """`[min, max]`: two numbers (their order is judged by app.validate)."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise _Problem(f"expected [min, max], two numbers, got {_describe(value)}")
    low, high = _items(value, _number)
    return (low, high)


def _levels(value: Any) -> dict[str, float]:
    """A curve's levels: factor id -> number."""
    out = {}
    for key, level in _mapping(value, "an object from factor id to level").items():
        try:
            out[_string(key)] = _number(level)
        except _Problem as problem:
            raise problem.at(key_part(key)) from None
    return out


def _members(value: Any) -> tuple[str, ...]:
    """A list of names."""
    return tuple(_items(value, _string))


def _position(value: Any) -> tuple[float, float]:
    """`[x, y]` in scene units."""
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise _Problem(f"expected a position [x, y], got {_describe(value)}")
    x, y = _items(value, _number)
    return (float(x), float(y))


def _plain(value: Any, depth: int = 0) -> Any:
    """A copy of a user's own `x-` value, refused unless it is plain, finite, not too deep JSON."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (int, float)):
        return _number(value)
    if depth >= MAX_EXTRA_DEPTH and isinstance(value, (list, tuple, dict)):
        raise _Problem(f"nested deeper than {MAX_EXTRA_DEPTH} levels")
    if isinstance(value, (list, tuple)):
        return _items(value, lambda item: _plain(item, depth + 1))
    if isinstance(value, dict):
        out = {}
        for key, item in _mapping(value, "an object").items():
            try:
                if not isinstance(key, str):
                    raise _Problem(f"a key must be a string, got {_describe(key)}")
                out[_string(key)] = _plain(item, depth + 1)
            except _Problem as problem:
                raise problem.at(key_part(key)) from None
        return out
    raise _Problem(f"{_describe(value)} is not a JSON value")


# ------------------------------------------------------------------------------------------------ writing values
def _num(x: Any) -> Any:
    """A number as written: an integral float as an int (3.0 -> 3), anything else unchanged."""
    if type(x) is float and x.is_integer() and -(2**53) <= x <= 2**53:
        return int(x)
    return x


def _out(value: Any) -> Any:
    """A deep copy of a user's own value, integral floats written as ints."""
    if isinstance(value, float):
        return _num(value)
    if isinstance(value, dict):
        return {k: _out(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_out(v) for v in value]
    return value


def _same(value: Any) -> Any:
    """The value as it is (strings, bools, null)."""
    return value


# ------------------------------------------------------------------------------------------------ the schema
_Field = tuple[str, str, Callable[[Any], Any], Callable[[Any], Any]]
"""(JSON key, model attribute, reader, writer)."""


def _text(*keys: str) -> list[_Field]:
    """Fields that hold plain text, named alike in JSON and in the model."""
    return [(key, key, _string, _same) for key in keys]


def _nested(kind: str, optional: bool = False) -> tuple[Callable[[Any], Any], Callable[[Any], Any]]:
    """Reader and writer of one nested object of `kind` (null allowed when `optional`)."""

    def read(value: Any) -> Any:
        """The nested object, or None for null when allowed."""
        return None if optional and value is None else _read_object(kind, value)

    def write(obj: Any) -> Any:
        """The nested object's JSON, or null."""
        return None if obj is None else _write_object(kind, obj)

    return read, write


def _nested_list(kind: str, container: Callable[[list[Any]], Any] = list) -> tuple[Callable, Callable]:
    """Reader and writer of a list of objects of `kind`."""

    def read(value: Any) -> Any:
        """The objects of a JSON list."""
        return container(_items(value, lambda item: _read_object(kind, item)))

    def write(objs: Iterable[Any]) -> list[Any]:
        """The JSON list of the objects."""
        return [_write_object(kind, obj) for obj in objs]

    return read, write


_SCHEMA: dict[str, list[_Field]] = {
    "workshop": _text("title", "organization", "facilitator", "date", "language", "evolutionary_goal",
                      "goal_rationale", "notes"),
    "value": _text("id", "name", "description", "holder"),
    "segment": _text("id", "name", "description"),
    "pain": [*_text("id", "segment", "text"), ("severity", "severity", _opt_number, _num)],
    "proposition": _text("id", "segment", "statement", "tagline"),
    "canvas": [*_text("id", "title"), ("segment", "segment", _opt_string, _same), *_text("tagline"),
               ("scale", "scale", _scale, lambda s: [_num(s[0]), _num(s[1])]), ("step", "step", _number, _num),
               ("factors", "factors", *_nested_list("factor")), ("curves", "curves", *_nested_list("curve"))],
    "factor": [*_text("id", "name", "description"), ("higher_is_costlier", "higher_is_costlier", _boolean, _same),
               ("errc", "errc", _opt_string, _same), *_text("errc_note")],
    "curve": [*_text("id", "name", "kind", "color"), ("visible", "visible", _boolean, _same),
              ("reference", "reference", _boolean, _same),
              ("levels", "levels", _levels, lambda lv: {k: _num(v) for k, v in lv.items()})],
    "team": [*_text("id", "name", "kind", "purpose", "lead"), ("members", "members", _members, list),
             ("indicator", "indicator", *_nested("indicator", optional=True)),
             ("economics", "economics", *_nested("economics", optional=True)), *_text("notes"),
             ("motivation", "motivation", *_nested("motivation", optional=True)),
             ("experiment_budget", "experiment_budget", _opt_number, _num)],
    "indicator": _text("name", "target", "current"),
    "economics": [("revenue", "revenue", _opt_number, _num), ("costs", "costs", _opt_number, _num),
                  *_text("currency", "period"), ("internal_revenue", "internal_revenue", _opt_number, _num),
                  ("internal_costs", "internal_costs", _opt_number, _num)],
    "motivation": [*_text("basis"), ("percent", "percent", _opt_number, _num),
                   ("shares", "shares", *_nested_list("share", tuple))],
    "share": [*_text("member"), ("share", "share", _number, _num)],
    "link": [("id", "id", _string, _same), ("from", "from_", _string, _same), ("to", "to", _string, _same)],
    "promise": [("id", "id", _string, _same), ("from", "from_", _string, _same), *_text("to", "text"),
                ("value", "value", _opt_string, _same), ("parent", "parent", _opt_string, _same),
                *_text("metric", "target", "status"),
                ("authorities", "authorities", *_nested_list("grant", tuple)),
                ("resources", "resources", *_nested_list("grant", tuple)), *_text("notes"),
                ("price", "price", _opt_number, _num), ("co_promisers", "co_promisers", _members, list),
                ("alternatives", "alternatives", _members, list)],
    "grant": [("text", "text", _string, _same), ("granted", "granted", _boolean, _same)],
    "experiment": [*_text("id"), ("team", "team", _opt_string, _same), *_text("hypothesis", "metric"),
                   ("budget", "budget", _opt_number, _num), ("start", "start", _opt_string, _same),
                   ("end", "end", _opt_string, _same), *_text("status", "result"),
                   ("decision", "decision", _opt_string, _same), ("promise", "promise", _opt_string, _same),
                   *_text("learning")],
    "reading": [*_text("id", "of", "period", "value"), ("met", "met", _opt_boolean, _same), *_text("note")],
}
_READERS = {kind: {key: (attr, read) for key, attr, read, _ in spec} for kind, spec in _SCHEMA.items()}
_CLASSES: dict[str, type] = {"workshop": m.WorkshopInfo, "grant": m.Grant, "indicator": m.Indicator,
                             "economics": m.Economics, "motivation": m.Motivation, "share": m.Share, **m.KINDS}
_REQUIRED = {"workshop": ("title", "the workshop needs a title"),
             **{kind: ("id", f"every {kind} needs an id") for kind in m.KINDS}}
_TOP_KEYS = ("format", "version", "workshop", *(m.COLLECTIONS[k] for k in m.TOP_KINDS), "layouts")


def _unknown_key(key: Any, known: Iterable[str], what: str) -> _Problem:
    """The problem of a key the format does not know."""
    known = list(known)
    close = difflib.get_close_matches(str(key), known, n=1) if isinstance(key, str) else []
    hint = f'did you mean "{close[0]}"?' if close else f"{what} has {', '.join(known)}"
    return _Problem(f'unknown key; {hint} (own keys must start with "x-")').at(key_part(key))


def _a(kind: str) -> str:
    """`a team`, `an experiment`."""
    return kind if kind in ("economics", "motivation") else f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _read_object(kind: str, value: Any) -> Any:
    """A model object of `kind` read from a JSON object: known keys type-checked, `x-` keys kept."""
    data = value if type(value) is dict else _mapping(value, f"an object ({_a(kind)})")
    readers = _READERS[kind]
    kwargs: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, item in data.items():
        entry = readers.get(key)
        if entry is not None:
            attr, read = entry
            if read is _string and type(item) is str:
                kwargs[attr] = item  # the common case, without a call
                continue
        elif not (isinstance(key, str) and key.startswith("x-")):
            raise _unknown_key(key, readers, _a(kind))
        try:
            if entry is None:
                extra[key] = _plain(item)
            else:
                kwargs[attr] = read(item)
        except _Problem as problem:
            raise problem.at(key_part(key)) from None
    required = _REQUIRED.get(kind)
    if required and required[0] not in data:
        raise _Problem(f"missing: {required[1]}").at("." + required[0])
    return _CLASSES[kind](**kwargs, extra=extra)


def _write_object(kind: str, obj: Any) -> dict[str, Any]:
    """The JSON object of a model object: every field in the order of FORMAT.md, then its `x-` keys."""
    out = {key: write(getattr(obj, attr)) for key, attr, _, write in _SCHEMA[kind]}
    for key, value in obj.extra.items():
        out.setdefault(key, _out(value))
    return out


def _read_layouts(value: Any) -> tuple[dict[str, dict[str, tuple[float, float]]], dict[str, Any]]:
    """Node positions on both diagrams, and the layouts' own `x-` keys."""
    layouts: dict[str, dict[str, tuple[float, float]]] = {d: {} for d in m.DIAGRAMS}
    extra: dict[str, Any] = {}
    for key, item in _mapping(value, 'an object {"structure": {...}, "promises": {...}}').items():
        try:
            if key in m.DIAGRAMS:
                positions = {}
                for node, xy in _mapping(item, "an object from node id to [x, y]").items():
                    try:
                        positions[_string(node)] = _position(xy)
                    except _Problem as problem:
                        raise problem.at(key_part(node)) from None
                layouts[key] = positions
            elif isinstance(key, str) and key.startswith("x-"):
                extra[key] = _plain(item)
            else:
                raise _Problem(f"unknown diagram {key!r} (one of {', '.join(m.DIAGRAMS)})")
        except _Problem as problem:
            raise problem.at(key_part(key)) from None
    return layouts, extra


def _read_document(data: Any) -> m.Workshop:
    """The workshop a parsed document describes, its shape and types checked (not yet its references)."""
    if not isinstance(data, dict):
        raise _Problem(f"not a {FORMAT_NAME} document (the JSON is {_describe(data)}, not an object)")
    data = _mapping(data, "an object")
    fmt = data.get("format", _MISSING)
    if fmt is _MISSING:
        raise _Problem(f'not a {FORMAT_NAME} document (it has no "format" key)')
    if fmt != FORMAT_NAME:
        raise _Problem(f"not a {FORMAT_NAME} document (format {_describe(fmt)})").at(".format")
    version = data.get("version", _MISSING)
    if version is _MISSING:
        raise _Problem(f"missing: this app reads version {FORMAT_VERSION}").at(".version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Problem(f"unknown version {_describe(version)}; this app reads version {FORMAT_VERSION}").at(
            ".version")
    if version > FORMAT_VERSION:
        raise _Problem(f"made by a newer version ({version}); this app reads version {FORMAT_VERSION}").at(
            ".version")
    if "workshop" not in data:
        raise _Problem("missing: a document needs its workshop's details (at least a title)").at(".workshop")
    w = m.Workshop()
    for key, value in data.items():
        if key in ("format", "version"):
            continue
        own = isinstance(key, str) and key.startswith("x-")
        if key not in _TOP_KEYS and not own:
            raise _unknown_key(key, _TOP_KEYS, "a document")
        try:
            if own:
                w.extra[key] = _plain(value)
            elif key == "workshop":
                w.info = _read_object("workshop", value)
            elif key == "layouts":
                w.layouts, w.layouts_extra = _read_layouts(value)
            else:
                kind = m.KIND_OF_COLLECTION[key]
                setattr(w, key, _items(value, partial(_read_object, kind)))
        except _Problem as problem:
            raise problem.at(key_part(key)) from None
    return w


# ------------------------------------------------------------------------------------------------ public API
def workshop_to_json(w: m.Workshop) -> dict[str, Any]:
    """The canonical JSON document of a workshop: every field written, in the order of FORMAT.md."""
    out: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                           "workshop": _write_object("workshop", w.info)}
    for kind in m.TOP_KINDS:
        out[m.COLLECTIONS[kind]] = [_write_object(kind, obj) for obj in w.collection(kind)]
    layouts: dict[str, Any] = {
        d: {node: [_num(x), _num(y)] for node, (x, y) in w.layouts.get(d, {}).items()} for d in m.DIAGRAMS
    }
    for key, value in w.layouts_extra.items():
        layouts.setdefault(key, _out(value))
    out["layouts"] = layouts
    for key, value in w.extra.items():
        out.setdefault(key, _out(value))
    return out


def workshop_from_json(data: object) -> m.Workshop:
    """The workshop of a parsed JSON document; FormatError (naming the path) when it is not a valid one."""
    return _from_json(data, check_text=True, check_sizes=True)


def _from_json(data: object, check_text: bool, check_sizes: bool) -> m.Workshop:
    """The workshop of parsed JSON; `check_text` looks for lone surrogates and deep nesting first, `check_sizes`
    for rows too large for a workshop file (only possible in a document larger than one row may be)."""
    try:
        if check_text:
            _check_text(data)
        w = _read_document(data)
    except _Problem as problem:
        raise FormatError(problem.path(), problem.reason) from None
    for path, reason in workshop_problems(w, check_types=False, check_sizes=check_sizes):
        raise FormatError(path, reason)
    return w


def dumps(w: m.Workshop) -> str:
    """The workshop as JSON text: UTF-8-ready, indented by 2, keys in FORMAT.md order, 3.0 written as 3."""
    return json.dumps(workshop_to_json(w), ensure_ascii=False, indent=2, allow_nan=False)


def loads(text: str | bytes | bytearray) -> m.Workshop:
    """The workshop in JSON text (or UTF-8 bytes); FormatError when it is not valid JSON or not a workshop."""
    if not isinstance(text, (str, bytes, bytearray)):
        raise TypeError(f"loads() takes str or bytes, not {type(text).__name__}")
    if len(text) > MAX_BYTES:
        raise FormatError("(root)", json_too_large(len(text)))
    size = len(text)
    decoded = isinstance(text, (bytes, bytearray))
    if isinstance(text, (bytes, bytearray)):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise FormatError("(root)", f"not UTF-8 text (byte {error.start} cannot be decoded)") from None
    elif text.startswith("\ufeff"):
        text = text[1:]
    with collector_paused():
        return _parse(text, size, decoded)


def _parse(text: str, size: int, decoded: bool) -> m.Workshop:
    """The workshop in decoded JSON text of `size` characters (bytes when `decoded`)."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as error:
        raise FormatError("(root)", f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
                          ) from None
    except RecursionError:
        raise FormatError("(root)", "not a workshop: the JSON is nested too deeply") from None
    except ValueError:  # an integer with more digits than Python converts (sys.get_int_max_str_digits)
        raise FormatError("(root)", "not valid JSON: a number has more digits than this app reads") from None
    could_be_too_large = size * (1 if decoded else 4) * ROW_GROWTH > MAX_VALUE_BYTES
    return _from_json(data, check_text=_may_hold_surrogates(text, decoded), check_sizes=could_be_too_large)


def read_json_file(path: str | os.PathLike[str]) -> m.Workshop:
    """The workshop in a JSON file; FormatError (naming the file) when it cannot be read or used."""
    from app.gate import FileRefused
    from app.inputs import open_regular

    name = os.fspath(path)
    try:
        with open_regular(path, sys.maxsize) as file:  # a pipe or a device is refused, never read forever
            data = file.read(MAX_BYTES + 1)
    except FileRefused as error:
        raise FormatError("", f"cannot read the file ({error.reason})", name) from None
    except OSError as error:
        raise FormatError("", f"cannot read the file ({error.strerror or error})", name) from None
    try:
        return loads(data)
    except FormatError as error:
        raise error.in_file(name) from None


def write_json_file(path: str | os.PathLike[str], w: m.Workshop) -> None:
    """Write the workshop as JSON to `path` atomically (the old file stays whole until the new one is);
    FormatError (naming the file, nothing written) when the document would be larger than import reads."""
    data = (dumps(w) + "\n").encode("utf-8")
    if len(data) > MAX_BYTES:
        raise FormatError("", json_too_large(len(data)) + ", which import refuses; nothing was written",
                          os.fspath(path))
    atomic_write_bytes(path, data)
