"""The "structure from the client" editor (stage 6): parties on a diagram, arrows "serves", palette, inspector."""

from __future__ import annotations

from widgets.structure.editor import StructureEditor

__all__ = ["StructureEditor"]
