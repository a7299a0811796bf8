"""A check that an editor offers the shell every method of the `Editor` Protocol with a compatible signature."""

from __future__ import annotations

import inspect

from widgets.base.editor_api import Editor


def protocol_methods() -> list[str]:
    """The names of the methods the `Editor` Protocol declares."""
    return sorted(name for name, value in vars(Editor).items()
                  if inspect.isfunction(value) and not name.startswith("_"))


def signature_mismatches(editor: object) -> list[str]:
    """What differs between the Protocol's methods and the editor's: missing ones, parameters, return types."""
    found = []
    for name in protocol_methods():
        method = getattr(editor, name, None)
        if not callable(method):
            found.append(f"{name}: missing")
            continue
        wanted = inspect.signature(getattr(Editor, name))
        params = [p for p in wanted.parameters.values() if p.name != "self"]
        offered = inspect.signature(method)  # bound: no self
        shape = [(p.name, p.kind, p.default, str(p.annotation)) for p in params]
        offered_shape = [(p.name, p.kind, p.default, str(p.annotation)) for p in offered.parameters.values()]
        if shape != offered_shape:
            found.append(f"{name}: parameters {offered_shape} instead of {shape}")
        if str(offered.return_annotation) != str(wanted.return_annotation):
            found.append(f"{name}: returns {offered.return_annotation} instead of {wanted.return_annotation}")
    return found
