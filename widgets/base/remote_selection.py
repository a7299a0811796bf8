"""Another participant's selection as the editors draw it: who, in which colour, which objects."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class RemoteSelection:
    """What one participant of a live session has selected (ids of any kind; each editor marks those it shows)."""

    participant: str
    name: str
    colour: str
    ids: frozenset[str]


def halo_colour(colour: QColor) -> QColor:
    """A participant's colour as the marks draw it (a light one, the palette's yellow, darker on white)."""
    luminance = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return colour.darker(140) if luminance > 180 else QColor(colour)
