"""What the structure diagram shows of the model: node kinds, badges, whether an indicator is met, the link rule."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app import model as m
from app.document import Document
from widgets.diagram.items import Badge

CONTEXT = "StructureEditor"
KIND_LABELS = {
    "segment": QT_TRANSLATE_NOOP("StructureEditor", "Client segment"),
    "client_facing": QT_TRANSLATE_NOOP("StructureEditor", "Client-facing team"),
    "service": QT_TRANSLATE_NOOP("StructureEditor", "Service team"),
    "council": QT_TRANSLATE_NOOP("StructureEditor", "Council of managers"),
}
KIND_TIPS = {
    "segment": QT_TRANSLATE_NOOP("StructureEditor", "A group of clients: drag it onto the diagram"),
    "client_facing": QT_TRANSLATE_NOOP("StructureEditor", "A team that serves clients directly"),
    "service": QT_TRANSLATE_NOOP("StructureEditor", "A team that serves other teams"),
    "council": QT_TRANSLATE_NOOP("StructureEditor", "The holders of the root values, beside the structure"),
}
PALETTE_LABELS = {
    "segment": QT_TRANSLATE_NOOP("StructureEditor", "Client segment"),
    "client_facing": QT_TRANSLATE_NOOP("StructureEditor", "Client-facing\nteam"),
    "service": QT_TRANSLATE_NOOP("StructureEditor", "Service team"),
    "council": QT_TRANSLATE_NOOP("StructureEditor", "Council"),
}
NEW_NAMES = {
    "segment": QT_TRANSLATE_NOOP("StructureEditor", "New client segment"),
    "client_facing": QT_TRANSLATE_NOOP("StructureEditor", "New client-facing team"),
    "service": QT_TRANSLATE_NOOP("StructureEditor", "New service team"),
    "council": QT_TRANSLATE_NOOP("StructureEditor", "Council of managers"),
}
_NUMBER = re.compile(r"[-+−]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?")
_AT_MOST = ("≤", "<=", "<", "не более", "не больше", "до ", "max", "at most", "no more")


def kind_label(kind: str) -> str:
    """The translated name of a node kind ("Client segment", "Service team", ...)."""
    return QCoreApplication.translate(CONTEXT, KIND_LABELS.get(kind, KIND_LABELS["service"]))


def node_kind(obj: Any) -> str:
    """The diagram kind of a segment or team: "segment", or the team's kind."""
    return "segment" if isinstance(obj, m.Segment) else obj.kind


def parse_figure(text: str) -> float | None:
    """The first number in a free-text figure ("99,9%", "300 в день", "≤ 1 с", "4 200 000 ₽"), or None."""
    found = _NUMBER.search(text or "")
    if not found:
        return None
    raw = found.group(0).replace("−", "-")
    for space in (" ", "\u00a0", "\u202f"):
        raw = raw.replace(space, "")
    try:
        return float(raw.replace(",", "."))
    except ValueError:
        return None


def indicator_met(indicator: m.Indicator | None) -> bool | None:
    """Whether a success indicator's current figure reaches its target; None when either is missing or not a number.

    A target written as an upper bound ("≤ 15 минут", "не более 2%") is met from below; any other from above.
    """
    if indicator is None:
        return None
    target, current = parse_figure(indicator.target), parse_figure(indicator.current)
    if target is None or current is None:
        return None
    lowered = indicator.target.strip().lower()
    if lowered.startswith(_AT_MOST):
        return current <= target
    return current >= target


def indicator_now(team: m.Team, latest: m.Reading | None = None) -> tuple[str, bool | None]:
    """A team's indicator figure as it stands and whether it is met: its `latest` reading when it has one (its
    verdict, else its value against the target), else the current figure typed in the workshop."""
    indicator = team.indicator
    if latest is None or not latest.value.strip():
        return (indicator.current if indicator is not None else ""), indicator_met(indicator)
    if latest.met is not None:
        return latest.value, latest.met
    return latest.value, indicator_met(replace(indicator, current=latest.value)) if indicator is not None else None


def badge_for(obj: Any, latest: m.Reading | None = None) -> Badge | None:
    """A team's badge (members count, indicator met or not as `indicator_now` tells); segments have none."""
    if not isinstance(obj, m.Team):
        return None
    return Badge(len(obj.members), indicator_now(obj, latest)[1])


def link_problem(document: Document, from_id: str, to_id: str) -> str | None:
    """Why `from_id` may not be linked as serving `to_id`, or None when it may."""
    source_kind, target_kind = document.kind_of(from_id), document.kind_of(to_id)
    if from_id == to_id:
        return QCoreApplication.translate("StructureEditor", "A party cannot serve itself.")
    if source_kind == "segment":
        return QCoreApplication.translate(
            "StructureEditor", "A client segment serves no one: draw the arrow from the team that serves it.")
    if source_kind != "team" or target_kind not in ("team", "segment"):
        return QCoreApplication.translate(
            "StructureEditor", "Links go from a team to the team or client segment it serves.")
    for link in document.model.links:
        if link.from_ == from_id and link.to == to_id:
            text = QCoreApplication.translate("StructureEditor", "“%1” already serves “%2”.")
            return text.replace("%1", document.get(from_id).name).replace("%2", document.get(to_id).name)
    return None



def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the current language (the structure editor's context; `n` chooses a plural form)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def tooltip(obj: Any, latest: m.Reading | None = None) -> str:
    """A party's tooltip (plain text): its kind and name, and what matters about it (a team's indicator by its
    `latest` reading when it has one, as its badge: the figure typed in the workshop may be older)."""
    lines = [f"{kind_label(node_kind(obj))}: {obj.name}"]
    if isinstance(obj, m.Segment):
        return "\n".join(lines + ([obj.description] if obj.description else []))
    if obj.purpose:
        lines.append(tr("Purpose: %1").replace("%1", obj.purpose))
    if obj.lead:
        lines.append(tr("Lead: %1").replace("%1", obj.lead))
    lines.append(tr("%n member(s)", "", len(obj.members)))
    ind = obj.indicator
    if ind is not None and (ind.name or ind.target or ind.current):
        current, met = indicator_now(obj, latest)
        state = "" if met is None else (tr(" (met)") if met else tr(" (not met)"))
        when = f" · {latest.period}" if latest is not None and latest.period else ""
        lines.append(tr("Indicator: %1 — %2 of %3").replace("%1", ind.name or "—").replace(
            "%2", current or "—").replace("%3", ind.target or "—") + state + when)
    return "\n".join(lines)
