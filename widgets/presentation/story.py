"""The workshop's story as pages: goal → clients and pains → each canvas and its ERRC → structure → map → figures
(when the workshop has readings) → findings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from app import model as m

KINDS: tuple[str, ...] = ("goal", "clients", "canvas", "errc", "structure", "promises", "figures", "findings")
"""The kinds of page, in the order the story tells them."""


def tr(text: str) -> str:
    """Translate a text of the presentation."""
    return QCoreApplication.translate("Presentation", text)


def kind_names() -> dict[str, str]:
    """What each kind of page is called (the eyebrow above its title, the footer's page name)."""
    return {"goal": tr("Evolutionary goal"), "clients": tr("Clients and pains"), "canvas": tr("Strategy canvas"),
            "errc": tr("ERRC grid"), "structure": tr("Structure from the client"), "promises": tr("Promise map"),
            "figures": tr("Transparency in figures"), "findings": tr("Open findings")}


@dataclass(frozen=True)
class StoryStep:
    """One page of the story: a key that stays while the workshop changes, its kind and, for canvases, which one."""

    key: str
    kind: str
    canvas_id: str | None = None
    label: str = ""
    """The page's own name, when the story knows it (a figures page: its slide's title in the exported deck)."""

    def title(self, workshop: m.Workshop) -> str:
        """The page's name as the footer shows it ("Strategy canvas: <title>")."""
        if self.label:
            return self.label
        name = kind_names()[self.kind]
        if self.canvas_id is None:
            return name
        canvas = next((c for c in workshop.canvases if c.id == self.canvas_id), None)
        title = canvas.title.strip() if canvas is not None else ""
        return f"{name}: {title}" if title else name


def has_errc(canvas: m.Canvas) -> bool:
    """Whether a canvas has an ERRC grid worth a page: an action decided, or a to-be curve to decide against."""
    return any(f.errc for f in canvas.factors) or any(c.kind == "to_be" for c in canvas.curves)


def story_of(workshop: m.Workshop, figures: list[str] | None = None) -> list[StoryStep]:
    """The pages of `workshop`'s story, in order (every canvas, followed by its ERRC grid when it has one); the
    figures pages are named `figures` (worked out from the workshop when not given)."""
    steps = [StoryStep("goal", "goal"), StoryStep("clients", "clients")]
    for canvas in workshop.canvases:
        steps.append(StoryStep(f"canvas:{canvas.id}", "canvas", canvas.id))
        if has_errc(canvas):
            steps.append(StoryStep(f"errc:{canvas.id}", "errc", canvas.id))
    steps += [StoryStep("structure", "structure"), StoryStep("promises", "promises")]
    if figures is None and workshop.readings:
        from widgets.presentation.figures_plan import figures_slides

        figures = [s.title for s in figures_slides(workshop)]
    # the dashboard's slides, where the exported deck has them: after the diagrams
    steps += [StoryStep(f"figures:{n}", "figures", label=title) for n, title in enumerate(figures or [])]
    steps.append(StoryStep("findings", "findings"))
    return steps


def find_start(steps: list[StoryStep], start: str | None) -> int:
    """The index of the page to open on: a key, a kind (its first page) or a canvas id; 0 when not found."""
    if not start:
        return 0
    for matches in (lambda s: s.key == start, lambda s: s.kind == start, lambda s: s.canvas_id == start):
        found = next((i for i, s in enumerate(steps) if matches(s)), None)
        if found is not None:
            return found
    return 0


def reveal_order(canvas: m.Canvas) -> list[str]:
    """The canvas's shown curves in the order they are revealed: as-is, then competitors and alternatives, then
    to-be (each group in drawing order); curves hidden in the model are never revealed."""
    shown = [c for c in canvas.curves if c.visible]
    groups = (("as_is",), ("competitor", "alternative"), ("to_be",))
    order = [c.id for kinds in groups for c in shown if c.kind in kinds]
    order += [c.id for c in shown if c.id not in order]  # an unknown kind goes last
    return order


def chain_teams(workshop: m.Workshop) -> list[str]:
    """The teams whose chains of promises the map reveals one at a time: every team that makes a promise."""
    promising = {p.from_ for p in workshop.promises}
    return [t.id for t in workshop.teams if t.id in promising]
