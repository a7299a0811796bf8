"""Finding the bundled resources folder (fonts, translations, icons, samples), from source or a built app."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: beside the packages in a checkout, inside the bundle in a PyInstaller build."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside `resources/`, e.g. resource_path("samples", "grocery.json")."""
    return resources_dir().joinpath(*parts)


def sample_path() -> Path:
    """The bundled sample workshop (JSON interchange format)."""
    return resource_path("samples", "grocery.json")
