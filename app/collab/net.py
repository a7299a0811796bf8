"""The room on the network: a pycrdt-websocket room (host) or a provider (joining laptop) on an asyncio loop of its own.

The loop runs in a worker thread with a pycrdt document of its own; the GUI side's mirror exchanges update bytes
with it (`send` from any thread, `on_update` called on the worker thread), so no socket ever blocks the window.
A host binds to the one address it is given (the loopback by default, never all interfaces by default) and lets in
only those who bring its join code (compared in constant time). Messages are limited in size; a malformed one is
logged and dropped, the room goes on. A joining laptop that loses the host keeps its copy and reconnects by itself;
the sync on reconnecting sends both ways what either side made meanwhile.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import threading
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Callable
from urllib.parse import parse_qs, quote, urlsplit

from pycrdt import (
    Awareness,
    Decoder,
    Doc,
    Map,
    Provider,
    TransactionEvent,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    read_message,
)
from pycrdt.websocket import WebsocketServer, YRoom, exception_logger
from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.http11 import Request, Response

from app.collab import DEFAULT_PORT
from app.palette import OKABE_ITO

log = logging.getLogger(__name__)

ROOM = "workshop"
LINK_SCHEME = "clientocracy"
SESSION = "session"  # a root map of the room's own state (not the workshop's): "locked" while the host presents
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from a projector
CODE_LENGTH = 10  # 50 bits: not guessed in the hour of a workshop
MAX_MESSAGE = 64 << 20  # a 3,000-promise workshop is about 3 MB; a larger message is refused
RECONNECT_S = 1.0
PRESENCE_S = 10.0  # a participant says who it is this often (the room forgets one silent for 30 s)
MAX_NAME = 60

MAX_SELECTION = 2_000  # ids of one participant's selection that are shown (a larger one is cut)
MAX_ID = 100

OnUpdate = Callable[[bytes], None]
OnStatus = Callable[[str], None]
Presence = tuple[int, str, str, tuple[str, ...]]
"""One other participant as the room's awareness tells: (client id, name, colour, ids of what they selected)."""
OnPresence = Callable[[tuple[Presence, ...]], None]


def new_code() -> str:
    """A fresh join code: random, not guessable, easy to read aloud."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(text: str) -> str:
    """A code as typed (spaces, dashes, small letters) in the form it was made."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def shown_code(code: str) -> str:
    """A code in groups of five for reading aloud ("ABCDE-FGH23")."""
    return "-".join(code[i:i + 5] for i in range(0, len(code), 5))


@dataclass(frozen=True)
class Invitation:
    """What a joining laptop needs: the host's address, port and code."""

    host: str
    port: int
    code: str

    @property
    def url(self) -> str:
        """The websocket address, code included."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}/{ROOM}?code={quote(self.code)}"

    @property
    def address(self) -> str:
        """host:port, as people type it."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def link(self) -> str:
        """The address and code in one text (the share dialog's QR code; Join… takes it pasted)."""
        return f"{LINK_SCHEME}://{self.address}?code={self.code}"


def parse_link(text: str) -> Invitation | None:
    """The invitation of a pasted link ("clientocracy://192.168.1.5:8765?code=ABCDE-FGH23"), or None when the
    text is not one."""
    text = text.strip()
    if not text.lower().startswith(LINK_SCHEME + "://"):
        return None
    try:
        host, port = parse_address(text)
    except ValueError:
        return None
    code = normal_code(parse_qs(urlsplit(text).query).get("code", [""])[0])
    return Invitation(host, port, code) if code else None


def parse_address(text: str, default_port: int = DEFAULT_PORT) -> tuple[str, int]:
    """(host, port) from "192.168.1.5:8765", "192.168.1.5", "[::1]:8765" or a ws:// address; ValueError if bad."""
    text = text.strip()
    if not text:
        raise ValueError("no address")
    parts = urlsplit(text if "//" in text else "//" + text)
    if not parts.hostname:
        raise ValueError(f"no host in {text!r}")
    return parts.hostname, parts.port or default_port


class _Channel:
    """pycrdt's Channel over one websockets connection (server or client side); on the host, `gate` sees every
    message that comes in and may drop it (a read-only participant's edit)."""

    def __init__(self, connection: ServerConnection | ClientConnection,
                 gate: Callable[[_Channel, bytes], bool] | None = None) -> None:
        self._connection = connection
        self._gate = gate
        self.client: int | None = None  # the participant's client id, once it said who it is

    @property
    def path(self) -> str:
        return ROOM

    def __aiter__(self) -> _Channel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration() from None

    async def send(self, message: bytes) -> None:
        await self._connection.send(message)

    async def recv(self) -> bytes:
        while True:
            message = await self._connection.recv()
            if not isinstance(message, bytes):
                log.warning("a text message was dropped")  # the protocol is binary
            elif self._gate is None or not self._gate(self, message):
                return message


class _Endpoint:
    """A worker thread with an asyncio loop and the network side's document."""

    def __init__(self, on_update: OnUpdate, on_status: OnStatus | None = None) -> None:
        self.doc: Doc = Doc()
        self.on_update = on_update
        self.on_status = on_status
        self.status = "starting"
        self.loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None
        self._from_gui = False
        self._error: BaseException | None = None
        self._subscription = self.doc.observe(self._on_transaction)
        self.on_presence: OnPresence | None = None  # told on the worker thread when who selects what changes
        self.presence: tuple[Presence, ...] = ()
        self.selection: tuple[str, ...] = ()

    def set_selection(self, ids: list[str]) -> None:
        """Tell the others what is selected on this laptop (any thread; never blocks). Never in the workshop's data:
        it travels in the room's awareness, next to the name and colour."""
        self.selection = tuple(ids[:MAX_SELECTION])
        loop = self.loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._publish_selection)
            except RuntimeError:
                pass

    def _publish_selection(self) -> None:
        raise NotImplementedError

    def _tell_presence(self, awareness: Awareness) -> None:
        """On the worker thread: read who selects what; tell the window when it changed."""
        presence = selections(awareness, awareness.client_id)
        if presence == self.presence:
            return
        self.presence = presence
        if self.on_presence is not None:
            try:
                self.on_presence(presence)
            except Exception:
                log.exception("the window could not be told who selects what")

    # ------------------------------------------------------------ from the GUI thread
    def send(self, update: bytes) -> None:
        """Hand an update made on this laptop to the network (any thread; never blocks)."""
        loop = self.loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._apply_local, update)
            except RuntimeError:  # the loop closed meanwhile: the room is gone
                pass

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the loop and wait for the thread."""
        loop, stop = self.loop, self._stop
        if loop is not None and stop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:
                pass
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _start_thread(self, name: str, timeout: float) -> None:
        self._thread = threading.Thread(target=self._run_thread, name=name, daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise TimeoutError("the network did not start")
        if self._error is not None:
            raise self._error

    # ------------------------------------------------------------ on the worker thread
    def _run_thread(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as error:  # noqa: BLE001 - told to the starter, or logged
            if not self._ready.is_set():
                self._error = error
            else:
                log.exception("the network stopped")
        finally:
            self._ready.set()
            self._set_status("stopped")

    async def _main(self) -> None:
        raise NotImplementedError

    def _apply_local(self, update: bytes) -> None:
        self._from_gui = True
        try:
            self.doc.apply_update(update)
        finally:
            self._from_gui = False

    def _on_transaction(self, event: TransactionEvent) -> None:
        if self._from_gui:
            return
        update = event.update
        if update and update != b"\x00\x00":
            try:
                self.on_update(update)
            except Exception:
                log.exception("the window could not be told of an update")

    def _set_status(self, status: str) -> None:
        if status == self.status:
            return
        self.status = status
        if self.on_status is not None:
            try:
                self.on_status(status)
            except Exception:
                log.exception("the window could not be told the status")


class Host(_Endpoint):
    """A room on `host`:`port` (port 0: any free one) that lets in those with the code."""

    def __init__(self, on_update: OnUpdate, on_status: OnStatus | None = None, host: str = "127.0.0.1",
                 port: int = DEFAULT_PORT, code: str | None = None, initial: bytes | None = None,
                 max_message: int = MAX_MESSAGE, name: str = "") -> None:
        super().__init__(on_update, on_status)
        self.name = name.strip()[:MAX_NAME]
        self.colour = colour_of(self.doc.client_id)
        self.max_message = max_message
        self.host = host
        self.port = port
        self.code = normal_code(code) if code else new_code()
        self._initial = initial
        self._room: YRoom | None = None
        self.refused = 0  # connections refused for a wrong code
        self.names: tuple[tuple[str, str, int], ...] = ()  # (name, colour, client id) of who is in, made on its thread
        self.locked = False
        self.read_only: set[int] = set()  # client ids of participants the facilitator made read-only
        self.dropped = 0  # edits from participants not taken (locked, or read-only)

    @property
    def invitation(self) -> Invitation:
        """The address and code to show the room."""
        return Invitation(self.host, self.port, self.code)

    def start(self, timeout: float = 10.0) -> Invitation:
        """Open the room; returns once it listens (OSError when the address cannot be used)."""
        if self._initial:
            self._apply_local(self._initial)
        self._start_thread("clientocracy-room", timeout)
        return self.invitation

    def lock(self, locked: bool = True) -> None:
        """Lock editing (the facilitator presents): the room takes no edit from the participants until unlocked;
        they are told, and their windows stop editing meanwhile."""
        self.locked = locked
        loop = self.loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._write_locked, locked)

    def _write_locked(self, locked: bool) -> None:
        self.doc.get(SESSION, type=Map)["locked"] = "true" if locked else "false"

    def set_read_only(self, client: int, read_only: bool = True) -> None:
        """Make one participant (by its client id, as in `names`) read-only, or let it edit again."""
        if read_only:
            self.read_only.add(client)
        else:
            self.read_only.discard(client)
        loop = self.loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._write_read_only, client, read_only)

    def _write_read_only(self, client: int, read_only: bool) -> None:
        self.doc.get(SESSION, type=Map)[f"read_only.{client}"] = "true" if read_only else "false"

    def _gate(self, channel: _Channel, message: bytes) -> bool:
        """On the room's thread: learn who a connection is; drop its edits while locked or read-only."""
        if len(message) > 1 and message[0] == YMessageType.AWARENESS and channel.client is None:
            channel.client = _awareness_client(message)
        edit = (len(message) > 1 and message[0] == YMessageType.SYNC
                and message[1] in (YSyncMessageType.SYNC_STEP2, YSyncMessageType.SYNC_UPDATE))
        if edit and (self.locked or channel.client in self.read_only):
            self.dropped += 1
            return True
        return False

    def participants(self) -> int:
        """How many laptops are in the room now (besides the host)."""
        room = self._room
        return len(room.clients) if room is not None else 0

    def _check(self, connection: ServerConnection, request: Request) -> Response | None:
        """Let in a request that brings the code; refuse the others (403) before any message is read."""
        parts = urlsplit(request.path)
        given = parse_qs(parts.query).get("code", [""])[0]
        if parts.path.strip("/") == ROOM and hmac.compare_digest(normal_code(given).encode(), self.code.encode()):
            return None
        self.refused += 1
        return connection.respond(HTTPStatus.FORBIDDEN, "Wrong join code\n")

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        self.loop = asyncio.get_running_loop()
        server = WebsocketServer(rooms_ready=True, auto_clean_rooms=False, exception_handler=exception_logger,
                                 log=log)
        room = YRoom(ready=True, ydoc=self.doc, exception_handler=exception_logger, log=log)
        room.on_message_error = _drop_bad_message
        server.rooms[ROOM] = room
        self._room = room

        async def handler(connection: ServerConnection) -> None:
            await server.serve(_Channel(connection, self._gate))
            self._set_status(f"participants:{len(room.clients)}")

        async with server:
            await server.start_room(room)
            room.awareness.set_local_state({"name": self.name, "color": self.colour,
                                            "selection": list(self.selection)})
            room.awareness.observe(self._awareness_changed)
            ws_server: Server
            async with serve(handler, self.host, self.port, process_request=self._check, max_size=self.max_message,
                             compression=None) as ws_server:
                sockets = list(ws_server.sockets)
                if sockets:
                    self.port = sockets[0].getsockname()[1]
                self._set_status("open")
                self._ready.set()
                watcher = asyncio.create_task(self._watch_participants(room))
                await self._stop.wait()
                watcher.cancel()
            await room.stop()

    def _publish_selection(self) -> None:
        room = self._room
        if room is not None:
            room.awareness.set_local_state_field("selection", list(self.selection))  # the room sends it to all

    def _awareness_changed(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        """On the room's thread: someone said who they are or what they select; a newcomer hears everyone."""
        if topic != "change" or changes[1] == "local":
            return
        room = self._room
        if room is None:
            return
        self._tell_presence(room.awareness)
        if changes[0].get("added"):
            message = create_awareness_message(room.awareness.encode_awareness_update(list(room.awareness.states)))
            for channel in list(room.clients):
                asyncio.ensure_future(_send_quietly(channel, message))

    async def _watch_participants(self, room: YRoom) -> None:
        while True:
            self.names = present(room.awareness, room.awareness.client_id) if room.clients else ()
            self._set_status(f"participants:{len(room.clients)}:{len(self.names)}")
            await asyncio.sleep(0.25)


async def _send_quietly(channel: Any, message: bytes) -> None:
    try:
        await channel.send(message)
    except Exception:  # a connection going: it hears nothing more
        pass


def selections(awareness: Awareness, own: int) -> tuple[Presence, ...]:
    """Every other participant's name, colour and selection (as far as they are sane: a hostile state shows
    nothing), by client id."""
    found = []
    for client, state in list(awareness.states.items()):
        if client == own or not isinstance(state, dict):
            continue
        name = state.get("name")
        name = name.strip()[:MAX_NAME] if isinstance(name, str) else ""
        colour = state.get("color")
        raw = state.get("selection")
        ids = tuple(i for i in raw[:MAX_SELECTION] if isinstance(i, str) and 0 < len(i) <= MAX_ID) \
            if isinstance(raw, list) else ()
        found.append((client, name, colour if colour in OKABE_ITO else colour_of(client), ids))
    return tuple(sorted(found))


def present(awareness: Awareness, own: int) -> tuple[tuple[str, str, int], ...]:
    """(name, colour, client id) of every participant that said who it is, by name (cut to a sane length)."""
    found = []
    for client, state in list(awareness.states.items()):
        if client == own or not isinstance(state, dict):
            continue
        name, colour = state.get("name"), state.get("color")
        if isinstance(name, str) and name.strip():
            found.append((name.strip()[:MAX_NAME], colour if colour in OKABE_ITO else OKABE_ITO[0], client))
    return tuple(sorted(found))


def _awareness_client(message: bytes) -> int | None:
    """The client id an awareness message speaks for (its first entry), or None when it cannot be read."""
    try:
        decoder = Decoder(read_message(message[1:]))
        count = decoder.read_var_uint()
        return decoder.read_var_uint() if count else None  # the first entry's client id
    except Exception:  # a malformed message: no identity learnt
        return None


def colour_of(client_id: int) -> str:
    """A participant's colour, the same on every laptop."""
    return OKABE_ITO[client_id % (len(OKABE_ITO) - 1)]  # not the last, black


def _drop_bad_message(problem: Exception, message: bytes, _channel: Any) -> bool:
    """A malformed message is logged and dropped; the room goes on."""
    log.warning("a malformed message (%d bytes) was dropped: %s", len(message), problem)
    return True


class Guest(_Endpoint):
    """A laptop in someone's room: connects, syncs, and reconnects by itself after a drop."""

    def __init__(self, on_update: OnUpdate, invitation: Invitation, on_status: OnStatus | None = None,
                 name: str = "") -> None:
        super().__init__(on_update, on_status)
        self.invitation = invitation
        self.name = name.strip()[:MAX_NAME]
        self.colour = colour_of(self.doc.client_id)
        self.locked = False
        self.on_locked: Callable[[bool], None] | None = None  # told on the worker thread when the host locks
        self._session_map = self.doc.get(SESSION, type=Map)
        self._session_subscription = self._session_map.observe(self._session_changed)
        self.awareness = Awareness(self.doc)
        self.awareness.set_local_state({"name": self.name, "color": self.colour, "selection": []})
        self.awareness.observe(self._awareness_changed)
        self.synced = threading.Event()  # set once the first sync with the room is done
        self.connections = 0
        self._offline = False

    def start(self, timeout: float = 10.0) -> None:
        """Start connecting (in the background; `status` and `on_status` tell how it goes)."""
        self._start_thread("clientocracy-guest", timeout)

    def go_offline(self, offline: bool = True) -> None:
        """Drop the connection and stay away (True) or come back (False): a Wi-Fi gone and back, for tests too."""
        self._offline = offline
        loop = self.loop
        if loop is not None and not loop.is_closed() and offline and self._connection is not None:
            asyncio.run_coroutine_threadsafe(self._connection.close(), loop)

    _connection: ClientConnection | None = None

    def _session_changed(self, _event: object) -> None:
        locked = (self._session_map.get("locked") == "true"
                  or self._session_map.get(f"read_only.{self.doc.client_id}") == "true")
        if locked == self.locked:
            return
        self.locked = locked
        if not locked and self._connection is not None:  # what was made here meanwhile goes in with a fresh sync
            asyncio.ensure_future(self._connection.close())
        if self.on_locked is not None:
            try:
                self.on_locked(locked)
            except Exception:
                log.exception("the window could not be told of the lock")

    async def _say_who(self, connection: ClientConnection) -> None:
        """Tell the room this laptop's name, colour and selection now and every PRESENCE_S (the room forgets
        silent ones)."""
        while True:
            state = dict(self.awareness.get_local_state() or {})
            state["selection"] = list(self.selection)  # what was selected before joining, too
            self.awareness.set_local_state(state)  # a fresh clock: news
            await connection.send(self._own_presence())
            await asyncio.sleep(PRESENCE_S)

    def _own_presence(self) -> bytes:
        return create_awareness_message(self.awareness.encode_awareness_update([self.awareness.client_id]))

    def _publish_selection(self) -> None:
        self.awareness.set_local_state_field("selection", list(self.selection))
        connection = self._connection
        if connection is not None:
            asyncio.ensure_future(_send_quietly(connection, self._own_presence()))

    def _hear(self, _channel: _Channel, message: bytes) -> bool:
        """On the worker thread: take the others' presence from the room (the provider reads only the sync)."""
        if len(message) > 1 and message[0] == YMessageType.AWARENESS:
            try:
                self.awareness.apply_awareness_update(read_message(message[1:]), "room")
            except Exception:
                log.warning("a malformed presence message was dropped")
            return True
        return False

    def _awareness_changed(self, topic: str, changes: tuple[dict[str, Any], Any]) -> None:
        if topic == "change" and changes[1] != "local":
            self._tell_presence(self.awareness)  # news from the room, or one silent for 30 s forgotten

    def stop(self, timeout: float = 5.0) -> None:
        """Say goodbye (the others stop showing this laptop's selection), then stop."""
        loop, connection = self.loop, self._connection
        if loop is not None and connection is not None and not loop.is_closed():
            try:
                asyncio.run_coroutine_threadsafe(self._leave(connection), loop).result(1.0)
            except Exception:  # gone already: the room forgets it in 30 s
                pass
        super().stop(timeout)

    async def _leave(self, connection: ClientConnection) -> None:
        self.awareness.set_local_state(None)
        await _send_quietly(connection, create_awareness_message(
            self.awareness.encode_awareness_update([self.awareness.client_id])))

    async def _main(self) -> None:
        self._stop = asyncio.Event()
        self.loop = asyncio.get_running_loop()
        self._ready.set()
        forgetting = asyncio.create_task(self.awareness.start())  # forgets participants silent for 30 s
        stop = asyncio.create_task(self._stop.wait())
        while not self._stop.is_set():
            if self._offline:
                self._set_status("offline")
                await asyncio.wait([stop], timeout=RECONNECT_S / 4)
                continue
            session = asyncio.create_task(self._session())
            await asyncio.wait([stop, session], return_when=asyncio.FIRST_COMPLETED)
            if not session.done():
                session.cancel()
                await asyncio.gather(session, return_exceptions=True)
                break
            if session.exception() is not None and isinstance(session.exception(), _Refused):
                self._set_status("refused")
                break
            if not self._stop.is_set():
                self._set_status("reconnecting")
                await asyncio.wait([stop], timeout=RECONNECT_S)
        forgetting.cancel()

    async def _session(self) -> None:
        self._set_status("connecting")
        try:
            async with connect(self.invitation.url, max_size=MAX_MESSAGE, compression=None,
                               open_timeout=5) as connection:
                self._connection = connection
                self.connections += 1
                provider = Provider(self.doc, _Channel(connection, self._hear), log=log)
                async with provider:
                    await provider.synced.wait()
                    self.synced.set()
                    self._set_status("connected")
                    presence = asyncio.create_task(self._say_who(connection))
                    await connection.wait_closed()
                    presence.cancel()
        except InvalidStatus as refused:
            if refused.response.status_code == HTTPStatus.FORBIDDEN:
                raise _Refused() from None
            log.warning("the room answered %s", refused.response.status_code)
        except Exception as problem:
            if _dropped(problem):
                log.info("the room is out of reach: %s", problem)
            else:
                log.exception("the connection failed")
        finally:
            self._connection = None
            others = [client for client in self.awareness.states if client != self.awareness.client_id]
            self.awareness.remove_awareness_states(others, "gone")  # out of the room: no one's selection shown


def _dropped(problem: BaseException) -> bool:
    """Whether a failure is only the connection going (refused, closed, timed out), perhaps inside a task group."""
    if isinstance(problem, (OSError, ConnectionClosed, TimeoutError)):
        return True
    if isinstance(problem, BaseExceptionGroup):
        return all(_dropped(inner) for inner in problem.exceptions)
    cause = problem.__cause__ or problem.__context__
    return cause is not None and _dropped(cause)


class _Refused(Exception):
    """The room refused the code."""
