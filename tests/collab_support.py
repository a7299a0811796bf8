"""Laptops in one room on the loopback for the co-editing tests: a document, its mirror and its network end each."""

from __future__ import annotations

import queue
import time
from typing import Any, Callable

from app import model as m
from app.collab.mirror import Mirror
from app.collab.net import Guest, Host, Invitation
from app.document import Document
from app.integrity import workshop_problems
from app.jsonio import workshop_to_json

WAIT_S = 20.0  # a bound for waiting on the loopback, never a measure: a slow machine only waits longer


class Laptop:
    """One participant: its own document, mirror and network end; `pump` applies what arrived."""

    def __init__(self, document: Document, endpoint: Host | Guest | None, mirror: Mirror,
                 inbox: queue.SimpleQueue[bytes]) -> None:
        self.document = document
        self.endpoint = endpoint
        self.mirror = mirror
        self.inbox = inbox

    @classmethod
    def host(cls, workshop: m.Workshop, **options: Any) -> Laptop:
        """A laptop that opens a room on 127.0.0.1 (a free port) with `workshop` in it."""
        document = Document(workshop)
        mirror = Mirror(document)
        inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        endpoint = Host(inbox.put, host="127.0.0.1", port=0, initial=mirror.doc.get_update(), **options)
        mirror.send = endpoint.send
        endpoint.start()
        return cls(document, endpoint, mirror, inbox)

    @classmethod
    def guest(cls, invitation: Invitation) -> Laptop:
        """A laptop with an empty workshop that joins the room of `invitation`."""
        document = Document()
        mirror = Mirror(document, seed=False)
        inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        endpoint = Guest(inbox.put, invitation)
        mirror.send = endpoint.send
        endpoint.start()
        return cls(document, endpoint, mirror, inbox)

    @property
    def invitation(self) -> Invitation:
        assert self.endpoint is not None
        return self.endpoint.invitation

    def pump(self) -> int:
        """Apply every update that arrived; how many there were."""
        updates = []
        while True:
            try:
                updates.append(self.inbox.get_nowait())
            except queue.Empty:
                break
        if updates:
            self.mirror.receive(updates)
        return len(updates)

    def offline(self, offline: bool = True) -> None:
        """Drop off the network (a guest) or come back."""
        assert isinstance(self.endpoint, Guest)
        self.endpoint.go_offline(offline)

    def stop(self) -> None:
        self.mirror.close()
        if self.endpoint is not None:
            self.endpoint.stop()


def wait_until(laptops: list[Laptop], done: Callable[[], bool], what: str) -> None:
    """Pump every laptop until `done()` holds (AssertionError naming `what` after WAIT_S)."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for laptop in laptops:
            laptop.pump()
        if done():
            return
        time.sleep(0.002)
    raise AssertionError(f"not within {WAIT_S:g} s: {what}")


def state(document: Document) -> dict[str, Any]:
    """What participants must agree on: the workshop as the format writes it (positions in a fixed order).

    The file's own top-level `x-` keys are not shared (no edit changes them): they are left out."""
    data = workshop_to_json(document.model)
    layouts = data.pop("layouts")
    data = {k: v for k, v in data.items() if not k.startswith("x-")}
    data["layouts"] = {d: dict(sorted(layouts.get(d, {}).items())) for d in m.DIAGRAMS}
    return data


def settle(laptops: list[Laptop], what: str = "every laptop holds the same workshop") -> None:
    """Wait until all laptops hold the same workshop and nothing more arrives; then each passes the check."""
    def same() -> bool:
        first = state(laptops[0].document)
        return all(state(laptop.document) == first for laptop in laptops[1:])

    wait_until(laptops, same, what)
    time.sleep(0.05)  # a repair sent by one laptop may still be on its way: take it and check again
    wait_until(laptops, same, what)
    for laptop in laptops:
        assert list(workshop_problems(laptop.document.model)) == []
