"""The bundled sample with a few months of figures (readings), for the readings and dashboard tests."""

from __future__ import annotations

from app import model as m
from app.resources import sample_path
from app.workfile import read_workshop

FIGURES: dict[str, list[tuple[str, str, bool | None]]] = {
    "prm-042": [("2026-01", "7 мин", False), ("2026-02", "6 мин", False), ("2026-03", "4 мин", True)],
    "prm-044": [("2026-01", "91%", False), ("2026-02", "94%", False), ("2026-03", "96%", True)],
    "prm-046": [("2026-01", "97%", True), ("2026-02", "95%", False), ("2026-03", "93%", False)],
    "prm-048": [("2026-02", "99,95%", True), ("2026-03", "99,9%", True)],
    "prm-049": [("2026-03", "0,8 с", True)],
    "team-026": [("2026-01", "85%", False), ("2026-02", "88%", False), ("2026-03", "92%", None)],
    "team-029": [("2026-03", "93%", False)],
}


def sample_with_readings() -> m.Workshop:
    """The sample workshop with three months of figures of some promises and team indicators."""
    w = read_workshop(sample_path())
    w.readings = [m.Reading(f"rd-{of}-{period}", of, period, value, met)
                  for of, rows in FIGURES.items() for period, value, met in rows]
    return w
