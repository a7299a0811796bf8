"""Random concurrent edits on three laptops (mirrors wired to each other in memory): they always converge, whole."""

from __future__ import annotations

import random
from typing import Any

import pytest

from app import changes as ch
from app import model as m
from app.collab.mirror import Mirror
from app.document import Document, EditRefused
from app.generate import small_workshop
from app.integrity import workshop_problems
from tests.collab_support import state


class Wire:
    """Three mirrors whose updates are held until `deliver` (laptops off the network until then)."""

    def __init__(self, workshop: m.Workshop, count: int = 3) -> None:
        self.documents = [Document(workshop)]
        self.mirrors = [Mirror(self.documents[0])]
        for _ in range(count - 1):
            document = Document()
            self.documents.append(document)
            self.mirrors.append(Mirror(document, seed=False))
        self.outboxes: list[list[bytes]] = [[] for _ in self.mirrors]
        for n, mirror in enumerate(self.mirrors):
            mirror.send = self.outboxes[n].append
        first = self.mirrors[0].doc.get_update()
        for mirror in self.mirrors[1:]:
            mirror.receive([first])

    def deliver(self) -> None:
        """Every laptop gets every other's updates, until nothing more is sent."""
        for _ in range(20):
            pending = [list(box) for box in self.outboxes]
            if not any(pending):
                return
            for box in self.outboxes:
                box.clear()
            for n, mirror in enumerate(self.mirrors):
                incoming = [u for k, box in enumerate(pending) if k != n for u in box]
                if incoming:
                    mirror.receive(incoming)
        raise AssertionError("the laptops keep sending to each other")


def random_edit(document: Document, rng: random.Random, tag: str) -> None:
    """One plausible edit of the workshop, as the app's editors make them (refused ones are skipped)."""
    w = document.model
    teams, promises, segments = w.teams, w.promises, w.segments
    choice = rng.randrange(17)
    try:
        if choice == 0 and promises:
            p = rng.choice(promises)
            document.apply(ch.update(document, p.id, status=rng.choice(m.PROMISE_STATUSES), text=f"{tag} {p.text}"))
        elif choice == 1 and teams and (teams or segments):
            target = rng.choice(teams + segments)
            document.apply(ch.insert(document, m.Promise(id=f"p-{tag}", from_=rng.choice(teams).id, to=target.id,
                                                         text=tag), index=rng.randint(0, len(promises))))
        elif choice == 2 and len(teams) > 2:
            document.apply(ch.delete(document, rng.choice(teams).id))
        elif choice == 3 and len(promises) > 1:
            document.apply(ch.move(document, rng.choice(promises).id, rng.randrange(len(promises))))
        elif choice == 4 and promises and len(promises) > 1:
            a, b = rng.sample(promises, 2)
            document.apply(ch.update(document, a.id, parent=b.id))
        elif choice == 5 and w.canvases:
            canvas = rng.choice(w.canvases)
            if canvas.curves and canvas.factors:
                low, high = canvas.scale
                document.apply(ch.set_level(document, rng.choice(canvas.curves).id, rng.choice(canvas.factors).id,
                                            rng.choice((low, high, None))))
        elif choice == 6 and w.canvases:
            canvas = rng.choice(w.canvases)
            if canvas.factors:
                document.apply(ch.delete(document, rng.choice(canvas.factors).id))
        elif choice == 7 and w.canvases:
            canvas = rng.choice(w.canvases)
            document.apply(ch.insert(document, m.Factor(id=f"f-{tag}", name=tag), parent=canvas.id,
                                     index=rng.randint(0, len(canvas.factors))))
        elif choice == 8 and teams:
            document.apply(ch.set_position(document, "structure", rng.choice(teams).id,
                                           (rng.uniform(-500, 500), rng.uniform(-500, 500))))
        elif choice == 9 and segments and len(segments) > 1:
            document.apply(ch.delete(document, rng.choice(segments).id))
        elif choice == 10:
            document.apply(ch.insert(document, m.Team(id=f"t-{tag}", name=tag), index=rng.randint(0, len(teams))))
        elif choice == 11 and w.canvases:
            canvas = rng.choice(w.canvases)
            if canvas.curves:
                document.apply(ch.update(document, rng.choice(canvas.curves).id, reference=True))
        elif choice == 12 and w.canvases:
            canvas = rng.choice(w.canvases)
            document.apply(ch.update(document, canvas.id, scale=rng.choice(((0, 5), (0, 10), (1, 5)))))
        elif choice == 13 and promises:
            document.apply(ch.delete(document, rng.choice(promises).id))
        elif choice == 14 and w.canvases:
            canvas = rng.choice(w.canvases)
            levels = {f.id: canvas.scale[1] for f in canvas.factors[:3]}
            document.apply(ch.insert(document, m.Curve(id=f"c-{tag}", name=tag, levels=levels), parent=canvas.id))
        elif choice == 15 and w.canvases and rng.random() < 0.3:
            document.apply(ch.delete(document, rng.choice(w.canvases).id))
        elif choice == 16:
            document.apply(ch.update(document, "", notes=f"{tag} {w.info.notes}"[:200], title=f"Сессия {tag}"))
    except EditRefused:
        pass


@pytest.mark.parametrize("seed", range(20))
def test_random_concurrent_edits_converge_on_a_whole_workshop(seed: int) -> None:
    rng = random.Random(seed)
    wire = Wire(small_workshop(11))
    for round_ in range(6):
        for n, document in enumerate(wire.documents):
            for k in range(rng.randint(1, 4)):
                random_edit(document, rng, f"s{seed}r{round_}l{n}e{k}")
        wire.deliver()
        first: Any = state(wire.documents[0])
        for document in wire.documents:
            assert list(workshop_problems(document.model)) == []
            assert state(document) == first
