"""What a promise says, in words: the hover card of an arrow, the short label along it, the count of grants."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from app import model as m
from app.client_path import ApprovalSteps, all_approval_steps
from app.document import Document
from app.promise_tree import promise_numbers
from widgets.promises.style import status_name

CONTEXT = "PromiseMap"
CARD_PROMISES = 8
"""How many promises of a bundle its card lists (the others are counted)."""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language (the promise map's context)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def grant_count(grants: tuple[m.Grant, ...]) -> str:
    """"1/2" granted of listed, with a tick only when every listed item is granted ("2/2 ✓"); "" for none."""
    if not grants:
        return ""
    granted = sum(g.granted for g in grants)
    return f"{granted}/{len(grants)} ✓" if granted == len(grants) else f"{granted}/{len(grants)}"


def numbers_of(w: m.Workshop) -> dict[str, str]:
    """Each promise's number in the tree of promises ("1.2.1"), as the table's № column and the exports show it."""
    return promise_numbers(w)


def _name(document: Document, obj_id: str) -> str:
    found = document.find(obj_id)
    return getattr(found, "name", "") or obj_id if found is not None else obj_id


def _missing(grants: tuple[m.Grant, ...]) -> str:
    return "; ".join(escape(g.text) for g in grants if not g.granted)


def _promise_html(document: Document, p: m.Promise, number: str | None,
                  steps: ApprovalSteps | None = None) -> list[str]:
    """The lines of one promise's card (user text escaped: it is always shown plain); a promise to a client also
    counts the approval steps on its chain (the path of approvals against the path from the client, L365–425)."""
    head = f"<b>№{number}</b>  " if number else ""
    lines = [f"{head}<b>{escape(p.text) or escape(tr('(no text yet)'))}</b>"]
    fields = ((tr("Metric"), escape(p.metric)), (tr("Target"), escape(p.target)),
              (tr("Status"), escape(status_name(p.status))))
    lines += [f"{label}: {value}" for label, value in fields if value]
    for label, grants in ((tr("Missing authorities"), p.authorities), (tr("Missing resources"), p.resources)):
        missing = _missing(grants)
        if missing:
            lines.append(f"<span style='color:#B34700'>{label}: {missing}</span>")
    if p.status in ("accepted", "kept") and not p.authorities and not p.resources:
        lines.append(f"<span style='color:#B34700'>{tr('No authorities or resources listed')}</span>")
    if steps is not None:
        lines.append(approval_steps_html(steps))
    return lines


def approval_steps_html(steps: ApprovalSteps) -> str:
    """«Approval steps: N» of a client promise, in the warning colour when there is any."""
    text = escape(tr("Approval steps: %1").replace("%1", str(steps.count)))
    return f"<span style='color:#B34700'>{text}</span>" if steps.count else text


def promise_card(document: Document, promise_ids: list[str], numbers: dict[str, str]) -> str:
    """The card shown on hover over an arrow: who promises what to whom, and for each promise its text, metric,
    target, status and what is still missing; a bundle lists its first promises."""
    promises = [p for p in (document.find(i) for i in promise_ids) if isinstance(p, m.Promise)]
    if not promises:
        return ""
    first = promises[0]
    parties = f"{escape(_name(document, first.from_))} → {escape(_name(document, first.to))}"
    blocks = [f"<span style='color:#5B6673'>{parties}</span>"]
    if len(promises) > 1:
        blocks[0] += "<br>" + escape(tr("%n promise(s)", None, len(promises)))
    shown = promises[:CARD_PROMISES]
    steps = all_approval_steps(document.model, only=tuple(p.id for p in shown)) if document.kind_of(
        first.to) == "segment" else {}
    for p in shown:
        blocks.append("<br>".join(_promise_html(document, p, numbers.get(p.id), steps.get(p.id))))
    if len(promises) > CARD_PROMISES:
        blocks.append(escape(tr("and %n more", None, len(promises) - CARD_PROMISES)))
    return "<qt><div style='max-width:28em'>" + "<hr>".join(blocks) + "</div></qt>"


def short_label(text: str) -> str:
    """A promise's text on one line (the arrow's label; the painter elides it to the room it has)."""
    return " ".join(text.split())
