"""Pasting a list of factor names (one per line, or a spreadsheet's first column) adds them all in one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from app import changes
from app import model as m
from app.edits import Batch
from widgets.canvas.common import CanvasContext


def pasted_names(text: str) -> list[str]:
    """The names in pasted text: each line's first tab-separated cell, spaces tidied; blank lines give ""."""
    return [" ".join(line.split("\t")[0].split()) for line in text.splitlines()]


def is_a_list(text: str) -> bool:
    """Whether pasted text holds more than one name or comes from a spreadsheet (tabs)."""
    return "\t" in text or len([line for line in text.splitlines() if line.strip()]) > 1


def add_factor_names(ctx: CanvasContext, text: str) -> list[str]:
    """Add every new name in `text` at the end of the canvas as one undo step; say what was skipped. New ids."""
    canvas = ctx.canvas
    if canvas is None:
        return []
    names = pasted_names(text)
    known = {f.name.casefold() for f in canvas.factors}
    new: list[str] = []
    blank = duplicate = 0
    for name in names:
        if not name:
            blank += 1
        elif name.casefold() in known:
            duplicate += 1
        else:
            known.add(name.casefold())
            new.append(name)
    factors = [m.Factor(changes.new_id(), name) for name in new]
    start = len(canvas.factors)
    inserts = tuple(changes.insert(ctx.document, f, index=start + i, parent=canvas.id) for i, f in enumerate(factors))
    count = len(factors)
    if inserts and not ctx.push(Batch(inserts), lambda: QCoreApplication.translate(
            "CanvasPaste", "Add %n factor(s)", None, count)):
        return []
    said = [QCoreApplication.translate("CanvasPaste", "Added %n factor(s).", None, count)]
    if duplicate:
        said.append(QCoreApplication.translate("CanvasPaste", "Skipped %n duplicate name(s).", None, duplicate))
    if blank:
        said.append(QCoreApplication.translate("CanvasPaste", "Skipped %n blank line(s).", None, blank))
    ctx.hinted.emit(" ".join(said))
    if factors:
        ctx.select(factor_id=factors[-1].id)
    return [f.id for f in factors]


def paste_factor_names(ctx: CanvasContext) -> bool:
    """Ctrl+V on the chart or the table: add the clipboard's names; False when it holds no text."""
    text = QGuiApplication.clipboard().text()
    if not text.strip():
        return False
    add_factor_names(ctx, text)
    return True
