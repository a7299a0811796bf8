"""A live session of one open workshop: the mirror on the GUI thread, the room or the connection on a worker thread.

Updates from the network arrive on the worker thread; they are queued and a signal wakes the GUI thread, which takes
them all at once and applies them through `Document.apply` (so views, checks and the working copy follow as for a
local edit; the undo stack never sees them). Qt objects are touched only on the GUI thread.
"""

from __future__ import annotations

import queue
import threading

from PySide6.QtCore import QObject, Signal

from app.collab.mirror import Mirror
from app.collab.net import Guest, Host, Invitation, Presence
from app.document import Document


class LiveSession(QObject):
    """Share `document` (host) or take part in someone's room (guest); `stop` ends it, the document stays."""

    status_changed = Signal(str)
    """"open", "participants:N", "connecting", "connected", "reconnecting", "offline", "refused", "stopped"."""
    remote_applied = Signal(int)
    """Edits from the others were applied (how many)."""
    locked_changed = Signal(bool)
    """A guest: the host locked editing (True) or unlocked it."""
    presence_changed = Signal()
    """Who selects what on the other laptops changed (read `presence`)."""
    _woken = Signal()
    _status_arrived = Signal(str)
    _locked_arrived = Signal(bool)
    _presence_arrived = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("liveSession")
        self.document = document
        self.mirror: Mirror | None = None
        self.endpoint: Host | Guest | None = None
        self.status = "stopped"
        self._inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
        self._wake_pending = threading.Event()
        self._woken.connect(self._drain)
        self._status_arrived.connect(self._set_status)
        self._locked_arrived.connect(self._set_locked)
        self._presence_arrived.connect(self._set_presence)
        self.locked = False
        self.presence: tuple[Presence, ...] = ()
        """The other participants: (client id, name, colour, ids of what they selected)."""
        self.selection: list[str] = []
        """What is selected in this window (told to the room when it opens or is joined, and as it changes)."""

    # ----------------------------------------------------------------- starting
    @property
    def role(self) -> str:
        """"host", "guest" or "" when not live."""
        if isinstance(self.endpoint, Host):
            return "host"
        return "guest" if isinstance(self.endpoint, Guest) else ""

    @property
    def invitation(self) -> Invitation | None:
        """The room's address and code (host and guest alike)."""
        return self.endpoint.invitation if self.endpoint is not None else None

    def host(self, address: str = "127.0.0.1", port: int = 0, code: str | None = None, name: str = "") -> Invitation:
        """Open a room on `address` (one local interface) with this workshop in it, the host called `name` there;
        OSError when it cannot."""
        self.stop()
        mirror = Mirror(self.document)
        endpoint = Host(self._arrived, self._status_arrived.emit, host=address, port=port, code=code,
                        initial=mirror.doc.get_update(), name=name)
        endpoint.on_presence = self._presence_arrived.emit
        endpoint.set_selection(self.selection)
        mirror.send = endpoint.send
        self.mirror, self.endpoint = mirror, endpoint
        try:
            return endpoint.start()
        except BaseException:
            self.stop()
            raise

    def join(self, invitation: Invitation, name: str = "") -> None:
        """Take part in the room of `invitation` as `name`: this (empty) workshop becomes the room's as it arrives."""
        self.stop()
        mirror = Mirror(self.document, seed=False)
        endpoint = Guest(self._arrived, invitation, self._status_arrived.emit, name=name)
        endpoint.on_locked = self._locked_arrived.emit
        endpoint.on_presence = self._presence_arrived.emit
        endpoint.set_selection(self.selection)
        mirror.send = endpoint.send
        self.mirror, self.endpoint = mirror, endpoint
        endpoint.start()

    def stop(self) -> None:
        """Leave the room (a host closes it); the workshop stays as it is, with every edit."""
        endpoint, mirror = self.endpoint, self.mirror
        self.endpoint = self.mirror = None
        if mirror is not None:
            mirror.close()
        if endpoint is not None:
            endpoint.stop()
        self._set_status("stopped")
        self._set_locked(False)
        self._set_presence(())

    def lock(self, locked: bool = True) -> None:
        """A host: lock editing while presenting (the participants watch), or unlock it."""
        if isinstance(self.endpoint, Host):
            self.endpoint.lock(locked)
            self._set_locked(locked)

    def _set_locked(self, locked: bool) -> None:
        if locked != self.locked:
            self.locked = locked
            self.locked_changed.emit(locked)

    def set_selection(self, ids: list[str]) -> None:
        """Show the others what is selected here (their diagrams and canvas mark it in this laptop's colour)."""
        self.selection = list(ids)
        if self.endpoint is not None:
            self.endpoint.set_selection(self.selection)

    def _set_presence(self, presence: tuple[Presence, ...]) -> None:
        if self.endpoint is None and presence:
            return  # a late word from a room this session left
        if presence != self.presence:
            self.presence = presence
            self.presence_changed.emit()

    def go_offline(self, offline: bool = True) -> None:
        """A guest drops off the network (True) or comes back (False); edits go on locally meanwhile."""
        if isinstance(self.endpoint, Guest):
            self.endpoint.go_offline(offline)

    def participants(self) -> int:
        """Laptops in the room now, besides the host (0 for a guest)."""
        return self.endpoint.participants() if isinstance(self.endpoint, Host) else 0

    def names(self) -> tuple[tuple[str, str, int], ...]:
        """(name, colour, client id) of the participants who said who they are (the host's view; empty for a guest)."""
        return self.endpoint.names if isinstance(self.endpoint, Host) else ()

    def read_only(self) -> frozenset[int]:
        """Client ids of the participants the facilitator made read-only."""
        return frozenset(self.endpoint.read_only) if isinstance(self.endpoint, Host) else frozenset()

    def set_read_only(self, client: int, read_only: bool = True) -> None:
        """A host: make one participant read-only (its window only shows), or let it edit again."""
        if isinstance(self.endpoint, Host):
            self.endpoint.set_read_only(client, read_only)

    # --------------------------------------------------------------- arriving
    def _arrived(self, update: bytes) -> None:
        """On the worker thread: queue the update and wake the GUI thread once."""
        self._inbox.put(update)
        if not self._wake_pending.is_set():
            self._wake_pending.set()
            self._woken.emit()

    def _drain(self) -> None:
        """On the GUI thread: apply every queued update as one change."""
        self._wake_pending.clear()
        updates: list[bytes] = []
        while True:
            try:
                updates.append(self._inbox.get_nowait())
            except queue.Empty:
                break
        if updates and self.mirror is not None:
            count = self.mirror.receive(updates)
            if count:
                self.remote_applied.emit(count)

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.status_changed.emit(status)
