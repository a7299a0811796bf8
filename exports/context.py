"""What every PDF section builder needs: the workshop, words, styles, frame size, names, long-text notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app import model as m
from exports.i18n import Words
from exports.pdf_styles import Styles
from exports.style import ACCENT, safe_hex


@dataclass(frozen=True)
class Branding:
    """The consultant's branding: a logo (PNG, JPEG or SVG file) and an accent colour."""

    logo: Path | None = None
    accent: str = ACCENT

    @classmethod
    def of(cls, value: Any) -> Branding:
        """Branding from None, a Branding, a mapping or any object with `logo` / `accent` attributes."""
        if isinstance(value, Branding):
            return value
        if value is None:
            return cls()
        get = value.get if isinstance(value, dict) else lambda k, d=None: getattr(value, k, d)
        logo = get("logo")
        accent = get("accent") or ACCENT
        return cls(Path(logo) if logo else None, safe_hex(accent, ACCENT))


class LongTexts:
    """Texts too long for a table cell or a chart: shortened in place, given in full in an appendix."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.items: list[str] = []

    def cut(self, text: str, limit: int) -> str:
        """`text` if it has at most `limit` characters, else its start and a pointer to the full text."""
        if len(text) <= limit:
            return text
        self.items.append(text)
        head = text[:limit].rsplit(" ", 1)[0] if " " in text[: limit] else text[:limit]
        return f"{head.rstrip()}… [{self.words('see_note', n=len(self.items))}]"


@dataclass
class Ctx:
    """One export run's shared state."""

    workshop: m.Workshop
    words: Words
    styles: Styles
    width: float  # frame width, points
    height: float  # frame height
    notes: LongTexts
    branding: Branding = field(default_factory=Branding)
    findings: list[Any] | None = None

    def __post_init__(self) -> None:
        w = self.workshop
        self.names: dict[str, str] = {s.id: s.name for s in w.segments} | {t.id: t.name for t in w.teams}
        self.names |= {v.id: v.name for v in w.values}

    def name(self, obj_id: str | None) -> str:
        """The name of a segment, team or value by id ("—" when none)."""
        if not obj_id:
            return "—"
        return self.names.get(obj_id) or obj_id
