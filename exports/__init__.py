"""Handouts, slides and pictures drawn from the model (no Qt); heavy libraries load only when exporting."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from app.fsutil import TargetRefused, atomic_write_with

if TYPE_CHECKING:
    from app.model import Workshop

__all__ = ["ExportError", "export_pdf", "export_pictures", "export_pptx", "export_slides_pdf", "export_team_pdf"]


class ExportError(RuntimeError):
    """An export that could not be written; the message says why, and the previous file is kept."""


def _write(path: str | os.PathLike[str], what: str, writer: Any) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{what}: the folder {target.parent} does not exist")

    def write(tmp: Path) -> None:
        paused = gc.isenabled()
        gc.disable()  # an export makes a million small objects and no cycles worth chasing: ~15% faster
        try:
            writer(str(tmp))
        finally:
            if paused:
                gc.enable()

    try:
        atomic_write_with(target, write)
    except (ExportError, TargetRefused):  # already one line naming the file and why
        raise
    except Exception as exc:  # any failure of a writer: say why, leave the old file in place
        raise ExportError(f"{what} {target.name} could not be written: {exc}") from exc
    return target


def export_pdf(
    workshop: Workshop,
    path: str | os.PathLike[str],
    *,
    page: str = "A4",
    landscape: bool = False,
    findings: Sequence[Any] | None = None,
    branding: Any = None,
    full: bool = False,
) -> Path:
    """Write the PDF handout (A4 or A3, portrait or landscape); findings default to the checks' own. A large
    workshop is summarised; `full` adds its full registers as an appendix."""
    from exports.handout import write_handout

    return _write(path, "PDF handout", lambda tmp: write_handout(
        workshop, tmp, page=page, landscape=landscape, findings=findings, branding=branding, full=full))


def export_team_pdf(workshop: Workshop, path: str | os.PathLike[str], *, team: str, page: str = "A4",
                    branding: Any = None) -> Path:
    """Write the read-only «for the team» PDF of one team (by id): its promises, their figures and its economics."""
    from exports.team_handout import write_team_handout

    return _write(path, "Team handout", lambda tmp: write_team_handout(workshop, tmp, team, page=page,
                                                                        branding=branding))


def export_pptx(workshop: Workshop, path: str | os.PathLike[str], *, branding: Any = None, full: bool = False) -> Path:
    """Write the 16:9 PowerPoint deck with native, editable charts and diagrams of shapes and connectors (a large
    workshop summarised; `full` adds its full registers)."""
    from exports.deck import write_deck

    return _write(path, "PowerPoint deck", lambda tmp: write_deck(workshop, tmp, branding=branding, full=full))


def export_slides_pdf(workshop: Workshop, path: str | os.PathLike[str], *, branding: Any = None,
                      full: bool = False) -> Path:
    """Write the deck's story as 16:9 PDF pages, for those without PowerPoint (same slides as the deck)."""
    from exports.slides_pdf import write_slides_pdf

    return _write(path, "PDF slides", lambda tmp: write_slides_pdf(workshop, tmp, branding=branding, full=full))


def export_pictures(
    workshop: Workshop,
    directory: str | os.PathLike[str],
    *,
    scale: float = 2.0,
    formats: Iterable[str] = ("png", "svg"),
) -> list[Path]:
    """Write every canvas and both diagrams as pictures (PNG at `scale` × 72 dpi, SVG); returns the files."""
    from exports.pictures import write_pictures

    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    return write_pictures(workshop, folder, scale=scale, formats=tuple(formats), write=_write)
