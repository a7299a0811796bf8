"""A workshop document mirrored into a pycrdt document: local edits go out as updates, updates come in as edits.

All calls happen on one thread (the GUI thread in the app). The network lives elsewhere (app.collab.net) and only
exchanges update bytes with this mirror, so nothing here blocks on a socket.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import Callable, Iterable

from pycrdt import Array, Doc, Map, TransactionEvent

from app import model as m
from app.changed import Changes
from app.collab import codec
from app.collab import shared as s
from app.collab.pull import plan
from app.collab.push import push
from app.collab.rebase import mark_shared
from app.document import Document, EditRefused
from app.edits import Batch

log = logging.getLogger(__name__)

REMOTE_LABEL = "Edit from another laptop"
"""The label of the edits that come from the others (never on this laptop's undo history)."""

Send = Callable[[bytes], None]


class Mirror:
    """Keeps `document` and a shared pycrdt document equal both ways.

    `seed` writes the document into the shared one at once (the host); a joining laptop starts empty and takes
    the room's workshop when the first updates arrive. `send` is given every update this side makes.
    """

    def __init__(self, document: Document, send: Send | None = None, seed: bool = True) -> None:
        self.document = document
        self.doc: Doc = Doc()
        self.send = send
        self.received = 0  # updates taken from the others
        self.applied_remote = 0  # edits made on the document for them
        self.refused: set[str] = set()  # ids whose shared values the file format refused
        self._receiving = False
        self._pulling = False
        self._dirty = s.Dirty()
        self._subscriptions: list[object] = [self.doc.observe(self._on_transaction)]
        names = [s.INFO, *(s.objects_name(k) for k in m.KINDS), *(s.order_name(k) for k in m.TOP_KINDS),
                 *(s.layout_name(g) for g in m.DIAGRAMS)]
        self._roots = [self.doc.get(name, type=Array if name.startswith("order.") else Map) for name in names]
        for name, root in zip(names, self._roots, strict=True):  # kept with their subscriptions, else dropped
            self._subscriptions.append(root.observe_deep(partial(self._on_shared_change, name)))
        if seed:
            push(self.doc, document, s.Dirty(everything=True))
        document.listen(self._on_local_changes)
        mark_shared(document)

    def close(self) -> None:
        """Stop following the document (the shared document stays as it is)."""
        self.document.stop_listening(self._on_local_changes)
        mark_shared(self.document, False)
        self.send = None

    # ------------------------------------------------------------ local to shared
    def _on_local_changes(self, changes: Changes) -> None:
        if self._pulling:
            return
        push(self.doc, self.document, dirty_of(changes))

    def _on_transaction(self, event: TransactionEvent) -> None:
        if self._receiving or self.send is None:
            return
        update = event.update
        if update and update != b"\x00\x00":
            self.send(update)

    # ------------------------------------------------------------ shared to local
    def receive(self, updates: Iterable[bytes]) -> int:
        """Take updates from the others and make the edits they call for on the document; returns how many edits."""
        self._receiving = True
        try:
            for update in updates:
                try:
                    self.doc.apply_update(update)
                    self.received += 1
                except Exception as problem:  # a broken update from the network: refused, this side goes on
                    log.warning("a shared update was refused: %s", problem)
        finally:
            self._receiving = False
        return self.settle()

    def settle(self) -> int:
        """Bring the document to what the shared document holds for everything marked since the last call."""
        dirty, self._dirty = self._dirty, s.Dirty()
        if not dirty:
            return 0
        try:
            leaves, target = plan(self.doc, self.document, dirty)
        except Exception:  # a state the rules did not foresee: logged; the next update retries with everything
            log.exception("the shared changes could not be planned")
            self._dirty.merge(s.Dirty(everything=True))
            return 0
        self.refused |= target.refused
        count = 0
        self._pulling = True
        try:
            if leaves:
                count = self._apply(leaves)
        finally:
            self._pulling = False
        if count == len(leaves):  # what the rules changed goes back out (the same on every laptop), and the lists
            repaired = s.Dirty(orders=target.dirty.orders, children=target.dirty.children,
                               positions=target.dirty.positions, info=target.dirty.info)
            for obj_id in target.repaired:
                repaired.add(target.objects[obj_id][0], obj_id)
        else:  # some pieces were refused: the shared document gets what this laptop holds
            repaired = target.dirty
            for obj_id, (kind, _obj) in target.objects.items():
                repaired.add(kind, obj_id)
        for obj_id in target.refused:
            local_kind = self.document.kind_of(obj_id)
            if local_kind:
                repaired.add(local_kind, obj_id)
        push(self.doc, self.document, repaired)
        self.applied_remote += count
        return count

    def _apply(self, leaves: list) -> int:
        """Apply the leaves as one edit; when the document refuses it, one by one, skipping those it refuses."""
        try:
            self.document.apply(Batch(tuple(leaves), REMOTE_LABEL))
            return len(leaves)
        except EditRefused as refused:
            log.warning("a shared change was applied piece by piece: %s", refused)
        count = 0
        pending = list(leaves)
        while pending:  # a piece refused may fit once a later one is in: go round while any goes in
            refused_now: list = []
            for leaf in pending:
                try:
                    self.document.apply(leaf)
                    count += 1
                except EditRefused as refused:
                    refused_now.append(leaf)
                    problem = refused
            if len(refused_now) == len(pending):
                log.warning("%d pieces of a shared change were refused: %s", len(pending), problem)
                break
            pending = refused_now
        return count

    def _on_shared_change(self, root_name: str, events: list, *_rest: object) -> None:
        if not self._receiving:
            return
        for event in events:
            mark(self._dirty, root_name, event)


def mark(dirty: s.Dirty, root_name: str, event: object) -> None:
    """Mark what one pycrdt event under the root `root_name` touched."""
    path = list(getattr(event, "path", []) or [])
    if root_name == s.INFO:
        dirty.info = True
    elif root_name.startswith("order."):
        dirty.orders.add(m.KIND_OF_COLLECTION[root_name[len("order."):]])
    elif root_name.startswith("layout."):
        keys = getattr(event, "keys", None) or {}
        dirty.positions.setdefault(root_name[len("layout."):], set()).update(keys)
    else:
        kind = m.KIND_OF_COLLECTION.get(root_name)
        if kind is None:
            return
        if path:
            dirty.add(kind, str(path[0]))
            if kind == "canvas" and len(path) > 1 and path[1] in codec.CHILD_LISTS:
                dirty.children.add(str(path[0]))
        else:
            for key in getattr(event, "keys", None) or {}:
                dirty.add(kind, key)
                if kind == "canvas":
                    dirty.children.add(key)


def dirty_of(changes: Changes) -> s.Dirty:
    """What a local edit touched, as marks for the shared document."""
    if changes.everything:
        return s.Dirty(everything=True)
    dirty = s.Dirty()
    for kind in changes.kinds():
        if kind == "workshop":
            dirty.info = True
        elif kind in m.KINDS:
            for obj_id in changes.ids(kind):
                dirty.add(kind, obj_id)
    for kind in (*changes.inserted, *changes.deleted, *changes.moved):
        if kind in m.TOP_KINDS:
            dirty.orders.add(kind)
        elif kind in m.CANVAS_KINDS:
            for obj_id in changes.ids(kind):
                parent = changes.parents.get(obj_id)
                if parent:
                    dirty.children.add(parent)
    for curve, _factor in changes.levels:
        dirty.add("curve", curve)
    for diagram, nodes in changes.positions.items():
        dirty.positions.setdefault(diagram, set()).update(nodes)
    return dirty

