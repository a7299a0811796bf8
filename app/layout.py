"""Automatic layout from the client: layers or rings by distance from the segments, missing nodes placed, one edit.

Every function returns node CENTRES in scene units, {segment or team id: (x, y)}, as Workshop.layouts stores
them; y grows downwards (screen and QGraphicsScene convention). `sizes` maps a node id or a kind ("segment",
"client_facing", "service", "council") to (width, height); what it leaves out comes from NODE_SIZE.
The work is done in layout_graph (layers, order), layout_layers, layout_rings, layout_missing, layout_geometry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from app import changes
from app.document import Document
from app.edits import Batch, Edit
from app.layout_geometry import GAP, LAYER_GAP, ROW_GAP, Point, Positions, overlapping_pairs
from app.layout_graph import NODE_SIZE, node_sizes
from app.layout_layers import layered_layout
from app.layout_missing import place_missing
from app.layout_rings import ring_layout
from app.model import Workshop

__all__ = ["NODE_SIZE", "GAP", "ROW_GAP", "LAYER_GAP", "Positions", "layered_layout", "ring_layout",
           "place_missing", "layout_edit", "node_sizes", "overlapping_pairs", "diagram_positions"]


def diagram_positions(workshop: Workshop, diagram: str, sizes: Mapping | None = None) -> dict[str, Point]:
    """Where every node of a diagram stands: its stored position, else a place found by `place_missing`; a promise
    map with no stored positions yet starts from the structure's (as the editor does)."""
    stored = dict(workshop.layouts.get(diagram, {}))
    if diagram == "promises" and not stored:
        stored = dict(workshop.layouts.get("structure", {}))
    known = replace(workshop, layouts={**workshop.layouts, diagram: stored})
    return {**stored, **place_missing(known, diagram, sizes)}


def layout_edit(document: Document, diagram: str, positions: Mapping[str, Point],
                label: str = "Arrange automatically") -> Batch:
    """One batch of SetPosition for every node whose stored position differs: applying a layout is one undo step.

    Ids that are not a segment or a team of the document are left out; the batch is empty when nothing moves.
    """
    stored = document.model.layouts.get(diagram, {})
    edits: list[Edit] = []
    for node, (x, y) in positions.items():
        new = (float(x), float(y))
        if document.kind_of(node) in ("team", "segment") and stored.get(node) != new:
            edits.append(changes.set_position(document, diagram, node, new))
    return Batch(tuple(edits), label)
