"""Another participant's selection as the editors draw it: who, in which colour, which objects."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RemoteSelection:
    """What one participant of a live session has selected (ids of any kind; each editor marks those it shows)."""

    participant: str
    name: str
    colour: str
    ids: frozenset[str]


def selection_note(names: list[str], selected_by: str) -> str:
    """The line a tooltip adds for the participants who selected the object under the cursor ("" for none);
    `selected_by` is the translated "Selected by {names}"."""
    return selected_by.format(names=", ".join(names)) if names else ""
