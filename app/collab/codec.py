"""How a model object is held in the shared document: one JSON text per field, read back through the file format.

Every field is the text of its value in the interchange format (FORMAT.md), so a value that comes from another
laptop passes the same reader, with the same type checks, as a value read from a file.
"""

from __future__ import annotations

import json
from typing import Any

from app import jsonio
from app import model as m
from app.limits import MAX_VALUE_BYTES, VALUE_TOO_LARGE

CHILD_LISTS = ("factors", "curves")
"""A canvas's ordered children: held in the shared document as arrays of ids, their fields under their own kind."""
NOT_FIELDS = frozenset({"id", "levels", *CHILD_LISTS})
"""JSON keys that are not plain fields in the shared document (levels are a map of their own)."""


class Refused(ValueError):
    """A value from the shared document that the file format does not accept; the message says why."""


def text_of(value: Any) -> str:
    """The JSON text of one field's value (compact, Unicode kept)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def fields_of(kind: str, obj: Any) -> dict[str, str]:
    """The shared document's fields of a model object ("workshop" for the details): JSON key to JSON text."""
    data = jsonio._write_object(kind, obj)  # noqa: SLF001 - the format's own writer, one object at a time
    return {key: text_of(value) for key, value in data.items() if key not in NOT_FIELDS}


def levels_of(curve: m.Curve) -> dict[str, str]:
    """A curve's levels as the shared document holds them: factor id to the JSON text of the level."""
    return {factor: text_of(jsonio._num(level)) for factor, level in curve.levels.items()}  # noqa: SLF001


def object_from(kind: str, obj_id: str, fields: dict[str, Any], levels: dict[str, Any] | None = None) -> Any:
    """The model object of `kind` whose fields (JSON texts) the shared document holds; Refused when invalid.

    A canvas comes back without factors and curves (they are objects of their own kinds).
    """
    data: dict[str, Any] = {"id": obj_id} if kind != "workshop" else {"title": ""}
    size = sum(len(text) for text in fields.values() if isinstance(text, str)) + len(levels or ())
    if size > MAX_VALUE_BYTES:  # characters, at most as many as bytes: a row the file could not hold
        raise Refused(f"{kind} {obj_id!r}: {VALUE_TOO_LARGE}")
    try:
        for key, text in fields.items():
            if key in NOT_FIELDS or not isinstance(text, str) or key.startswith("~"):
                continue
            data[key] = json.loads(text)
        if levels is not None:
            data["levels"] = {factor: json.loads(text) for factor, text in levels.items() if isinstance(text, str)}
        jsonio._check_text(data)  # noqa: SLF001 - lone surrogates and deep nesting, as for a file
        return jsonio._read_object(kind, data)  # noqa: SLF001
    except Exception as problem:  # any reader's refusal: a broken value from another laptop never stops this one
        raise Refused(f"{kind} {obj_id!r}: {problem}") from None
