"""File ▸ Export: the exporters that exist in this build, run off a copy of the model in a worker thread."""

from __future__ import annotations

import copy
import importlib
import importlib.util
import inspect
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal

from app import model as m

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportSpec:
    """One exporter: the function in `exports`, the module that implements it, its menu text and file type."""

    key: str
    function: str
    module: str
    text: str
    suffix: str = ""
    file_filter: str = ""
    options: tuple[tuple[str, Any], ...] = ()
    """Keyword arguments of the exporter (e.g. the handout's paper size)."""

    @property
    def to_folder(self) -> bool:
        """Whether it writes several files into a folder (pictures) rather than one file."""
        return not self.suffix


EXPORTS: tuple[ExportSpec, ...] = (
    ExportSpec("pdf", "export_pdf", "exports.handout", QT_TRANSLATE_NOOP("exports", "PDF &handout…"), ".pdf",
               QT_TRANSLATE_NOOP("exports", "PDF document (*.pdf)")),
    ExportSpec("pdf_a3", "export_pdf", "exports.handout",
               QT_TRANSLATE_NOOP("exports", "PDF handout, A&3 landscape…"), ".pdf",
               QT_TRANSLATE_NOOP("exports", "PDF document (*.pdf)"), (("page", "A3"), ("landscape", True))),
    ExportSpec("pptx", "export_pptx", "exports.deck", QT_TRANSLATE_NOOP("exports", "&PowerPoint deck…"), ".pptx",
               QT_TRANSLATE_NOOP("exports", "PowerPoint presentation (*.pptx)")),
    ExportSpec("slides", "export_slides_pdf", "exports.slides_pdf", QT_TRANSLATE_NOOP("exports", "PDF &slides…"),
               ".pdf", QT_TRANSLATE_NOOP("exports", "PDF document (*.pdf)")),
    ExportSpec("pictures", "export_pictures", "exports.pictures", QT_TRANSLATE_NOOP("exports", "P&ictures…")),
)


def export_available(spec: ExportSpec) -> bool:
    """Whether this build has the exporter (its module is found; the heavy libraries are not imported)."""
    try:
        return importlib.util.find_spec(spec.module) is not None
    except (ImportError, ValueError):
        return False


class ExportRunner(QObject):
    """Runs one export at a time in a worker thread, on a copy of the model, so the window stays live."""

    finished = Signal(str, object)  # the export's key, what it wrote (a path or a list of paths)
    failed = Signal(str, object)  # the export's key, the exception

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """Whether an export is running."""
        return self.thread is not None and self.thread.is_alive()

    def start(self, spec: ExportSpec, workshop: m.Workshop, target: Path, branding: dict | None = None,
              full: bool = False) -> None:
        """Start writing `workshop` (copied now, so later edits do not reach the export) to `target`, with the
        consultant's `branding` ({"logo", "accent"}) and the `full` registers where the exporter takes them."""
        snapshot = copy.deepcopy(workshop)
        self.thread = threading.Thread(target=self._run, args=(spec, snapshot, target, branding, full),
                                       name=f"export-{spec.key}", daemon=True)
        self.thread.start()

    def _run(self, spec: ExportSpec, workshop: m.Workshop, target: Path, branding: dict | None,
             full: bool = False) -> None:
        try:
            exporter: Any = getattr(importlib.import_module("exports"), spec.function)
            options = dict(spec.options)
            parameters = inspect.signature(exporter).parameters
            if branding is not None and "branding" in parameters:
                options["branding"] = branding
            if full and "full" in parameters:
                options["full"] = True
            written = exporter(workshop, target, **options)
        except Exception as error:  # any failure is told in a dialog, never a traceback
            log.warning("export %s to %s failed", spec.key, target, exc_info=True)
            self.failed.emit(spec.key, error)
            return
        self.finished.emit(spec.key, written)

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running export (tests, closing the window)."""
        if self.thread is not None:
            self.thread.join(timeout)
