"""Strategy canvas logic without Qt: level snapping, ERRC suggestions, focus and divergence, canvas copies."""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, replace
from typing import Callable, Mapping

from app import model as m
from app.changes import new_id
from app.checks import TEMPLATES, Finding, errc_agrees, run_checks
from app.document import Document
from app.edits import Batch, Edit, SetLevel, Update

# Okabe–Ito, in the order new curves take their colours (blue, vermillion, green, purple, orange, sky, yellow, black).
PALETTE: tuple[str, ...] = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
# The codes of FORMAT.md's checks that are about one canvas.
CANVAS_CODES: tuple[str, ...] = ("canvas-factor-count", "errc-contradicts-curves", "curve-unscored")
# A level at or above this share of the scale is a peak of the curve (what it emphasises).
PEAK_SHARE = 0.8
# Two curves differ on a factor when their levels are at least this share of the scale apart.
DIFFERENT_SHARE = 0.2
# The kinds a to-be curve is compared with for divergence.
RIVAL_KINDS: tuple[str, ...] = ("competitor", "alternative")
_EPS = 1e-9


# ------------------------------------------------------------------ levels
def snap_level(value: float, scale: tuple[float, float], step: float) -> float:
    """`value` rounded to the nearest step counted from the scale's minimum, then clamped to the scale."""
    low, high = float(scale[0]), float(scale[1])
    value = float(value)
    if not math.isfinite(value):
        value = low
    if step and step > 0:
        value = low + round((value - low) / step) * step
        if value > high + _EPS:  # a scale that is not a whole number of steps: the last whole step below the top
            value = low + math.floor((high - low) / step + _EPS) * step
    value = min(high, max(low, value))
    return round(value, 9) + 0.0  # drop float noise (0.30000000000000004) and negative zero


def step_level(level: float | None, steps: int, scale: tuple[float, float], step: float) -> float:
    """A level moved by `steps` snap steps (an unscored level starts from the scale's minimum), kept on the scale."""
    start = float(scale[0]) if level is None else float(level)
    size = step if step and step > 0 else 1.0
    return snap_level(start + steps * size, scale, step)


def format_level(level: float | None) -> str:
    """A level as people write it: 3, 3.5, or an empty string for unscored."""
    if level is None:
        return ""
    return f"{float(level):g}"


# ------------------------------------------------------------------ curves
def to_be_curve(canvas: m.Canvas) -> m.Curve | None:
    """The curve the checks judge: the canvas's first visible curve of kind `to_be`."""
    return next((c for c in canvas.curves if c.visible and c.kind == "to_be"), None)


def reference_curve(canvas: m.Canvas) -> m.Curve | None:
    """The curve marked as the reference (industry) curve, or None."""
    return next((c for c in canvas.curves if c.reference), None)


def next_color(canvas: m.Canvas) -> str:
    """The first Okabe–Ito colour no curve of the canvas uses yet (the palette repeats once all are taken)."""
    used = {c.color.upper() for c in canvas.curves}
    for color in PALETTE:
        if color.upper() not in used:
            return color
    return PALETTE[len(canvas.curves) % len(PALETTE)]


def new_curve(canvas: m.Canvas, name: str, kind: str, make_id: Callable[[], str] = new_id) -> m.Curve:
    """A curve with no levels yet, coloured with the next free palette colour."""
    return m.Curve(make_id(), name, kind, next_color(canvas))


# -------------------------------------------------------------------- ERRC


def action_from_levels(to_be: float, reference: float, low: float) -> str | None:
    """The ERRC action the two levels show, or None when the to-be curve keeps the reference's level.

    Follows the rules of the check exactly: eliminate = to-be at the scale minimum while the reference offers
    the factor; reduce = between the minimum and the reference; create = the reference does not offer it and
    the to-be does (preferred to raise, which also holds then); raise = above the reference. A factor that
    neither curve offers gets no action.
    """
    to_be, reference, low = float(to_be), float(reference), float(low)
    if abs(to_be - low) <= _EPS:
        return None if abs(reference - low) <= _EPS else "eliminate"
    if abs(reference - low) <= _EPS:
        return "create"
    if to_be > reference + _EPS:
        return "raise"
    if to_be < reference - _EPS:
        return "reduce"
    return None


@dataclass(frozen=True)
class Suggestion:
    """An ERRC action the curves suggest for a factor whose current action is missing or contradicts them."""

    factor: str
    current: str | None
    action: str | None
    to_be: float
    reference: float


def suggest_errc(canvas: m.Canvas) -> list[Suggestion]:
    """Suggestions for the canvas's factors, in factor order, from the to-be curve against the reference curve.

    A factor gets one when both curves score it and its action is unset or contradicts the levels; an action
    that already agrees with the curves is left alone (both raise and create may agree). With no to-be or no
    reference curve there are none.
    """
    to_be, reference = to_be_curve(canvas), reference_curve(canvas)
    if to_be is None or reference is None:
        return []
    low = float(canvas.scale[0])
    found = []
    for f in canvas.factors:
        t, r = to_be.levels.get(f.id), reference.levels.get(f.id)
        if t is None or r is None:
            continue
        if f.errc is not None and errc_agrees(f.errc, t, r, low):
            continue
        action = action_from_levels(t, r, low)
        if action != f.errc:
            found.append(Suggestion(f.id, f.errc, action, float(t), float(r)))
    return found


def accept_suggestions(suggestions: list[Suggestion], label: str = "Accept ERRC suggestions") -> Batch:
    """One batch that sets every suggested action (one undo takes them all back)."""
    edits: tuple[Edit, ...] = tuple(Update("factor", s.factor, {"errc": (s.current, s.action)}) for s in suggestions)
    return Batch(edits, label)


# ------------------------------------------------------------------ quality
@dataclass(frozen=True)
class Focus:
    """What the to-be curve emphasises: its peaks among the factors it scores (price-like factors left out)."""

    curve: str
    peaks: tuple[str, ...]
    scored: int
    total: int

    @property
    def verdict(self) -> str:
        """"flat" (no peak), "focused" (peaks on at most half the factors) or "diffuse"."""
        if not self.peaks:
            return "flat"
        return "focused" if len(self.peaks) <= max(1, math.ceil(self.total / 2)) else "diffuse"


def focus(canvas: m.Canvas, curve: m.Curve | None = None) -> Focus | None:
    """The focus of `curve` (default: the to-be curve), or None when there is no such curve."""
    curve = curve or to_be_curve(canvas)
    if curve is None:
        return None
    low, high = float(canvas.scale[0]), float(canvas.scale[1])
    threshold = low + PEAK_SHARE * (high - low)
    peaks = []
    scored = 0
    for f in canvas.factors:
        level = curve.levels.get(f.id)
        if level is None:
            continue
        scored += 1
        if not f.higher_is_costlier and float(level) >= threshold - _EPS:
            peaks.append(f.id)
    return Focus(curve.id, tuple(peaks), scored, len(canvas.factors))


@dataclass(frozen=True)
class Divergence:
    """How far the to-be curve stands from another curve on the factors both score."""

    curve: str
    compared: int
    mean_gap: float
    share: float
    differing: tuple[str, ...]

    @property
    def verdict(self) -> str:
        """"high" (a third of the scale apart on average), "moderate", "low" or "unknown" (nothing compared)."""
        if not self.compared:
            return "unknown"
        if self.share >= 0.3 - _EPS:
            return "high"
        return "moderate" if self.share >= 0.15 - _EPS else "low"


def divergences(canvas: m.Canvas, curve: m.Curve | None = None) -> list[Divergence]:
    """Divergence of `curve` (default: the to-be curve) from every visible competitor and alternative curve."""
    curve = curve or to_be_curve(canvas)
    if curve is None:
        return []
    low, high = float(canvas.scale[0]), float(canvas.scale[1])
    span = (high - low) or 1.0
    found = []
    for other in canvas.curves:
        if other is curve or not other.visible or other.kind not in RIVAL_KINDS:
            continue
        gaps = []
        differing = []
        for f in canvas.factors:
            a, b = curve.levels.get(f.id), other.levels.get(f.id)
            if a is None or b is None:
                continue
            gap = abs(float(a) - float(b))
            gaps.append(gap)
            if gap >= DIFFERENT_SHARE * span - _EPS:
                differing.append(f.id)
        mean = sum(gaps) / len(gaps) if gaps else 0.0
        found.append(Divergence(other.id, len(gaps), mean, mean / span, tuple(differing)))
    return found


def canvas_findings(canvas: m.Canvas, templates: Mapping[str, str] | None = None) -> list[Finding]:
    """FORMAT.md's checks about one canvas (factor count, ERRC against the curves, unscored curves)."""
    probe = m.Workshop(canvases=[canvas])
    return [f for f in run_checks(probe, templates or TEMPLATES) if f.code in CANVAS_CODES]


# ------------------------------------------------------------------ copies
def duplicate_canvas(canvas: m.Canvas, title: str, make_id: Callable[[], str] = new_id) -> m.Canvas:
    """A copy of `canvas` titled `title` with fresh ids for it, its factors and its curves (levels follow)."""
    fresh = {f.id: make_id() for f in canvas.factors}
    factors = [replace(f, id=fresh[f.id], extra=copy.deepcopy(f.extra)) for f in canvas.factors]
    curves = [
        replace(c, id=make_id(), levels={fresh[k]: v for k, v in c.levels.items() if k in fresh},
                extra=copy.deepcopy(c.extra))
        for c in canvas.curves
    ]
    return replace(canvas, id=make_id(), title=title, factors=factors, curves=curves, extra=copy.deepcopy(canvas.extra))


def change_scale(doc: Document, canvas_id: str, scale: tuple[float, float], step: float,
                 label: str = "Change canvas scale") -> Batch:
    """One batch that changes a canvas's scale and step and carries every level over in proportion, snapped.

    Levels move before a shrinking scale and after a growing one, so each edit of the batch is valid on its own.
    """
    canvas = doc.get(canvas_id)
    old_low, old_high = float(canvas.scale[0]), float(canvas.scale[1])
    new_low, new_high = float(scale[0]), float(scale[1])
    old_span = (old_high - old_low) or 1.0
    levels: list[Edit] = []
    for curve in canvas.curves:
        for factor_id, level in curve.levels.items():
            moved = new_low + (float(level) - old_low) / old_span * (new_high - new_low)
            moved = snap_level(moved, (new_low, new_high), step)
            if abs(moved - float(level)) > _EPS:
                levels.append(SetLevel(curve.id, factor_id, level, moved))
    settings = Update("canvas", canvas_id, {"scale": (canvas.scale, (scale[0], scale[1])), "step": (canvas.step, step)})
    # A level is valid on both scales only where they overlap: move levels while the wider scale is in force.
    shrinking = new_high - new_low < old_high - old_low
    if shrinking:
        return Batch((*levels, settings), label)
    return Batch((settings, *levels), label)
