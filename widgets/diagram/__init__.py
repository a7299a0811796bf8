"""Diagram machinery shared by the structure editor and the promise map: scene, view, items, palette, pictures."""

from __future__ import annotations

from widgets.diagram.items import Badge, EdgeItem, NodeItem
from widgets.diagram.palette import PARTY_MIME, Palette, PaletteEntry, party_mime
from widgets.diagram.scene import DiagramScene, Moves
from widgets.diagram.view import DiagramView

__all__ = ["Badge", "DiagramScene", "DiagramView", "EdgeItem", "Moves", "NodeItem", "PARTY_MIME", "Palette",
           "PaletteEntry", "party_mime"]
