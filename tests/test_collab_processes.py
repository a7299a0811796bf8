"""A host and two participants in three processes on the loopback: conflicting edits end equal and consistent;
a wrong code is refused; a malformed or oversized message is refused and the room goes on.

The host is `clientocracy serve`; each participant is `python -m tests.collab_client` (app/collab's guest) driven
by JSON lines. Every wait is bounded (WAIT_S); the ports are free ones on 127.0.0.1.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from app.document import Document
from app.generate import small_workshop
from app.integrity import workshop_problems
from app.workfile import read_workshop, write_workshop_file
from tests.collab_support import WAIT_S, state, wait_until
from tests.test_collab_cli import _free_port, server_listens

ROOT = Path(__file__).resolve().parent.parent
CODE = "QWERT-23456"
LIMIT = 1_000_000  # the room's message limit here (a workshop file's default is 64 MB)


class Process:
    """A child process whose output lines are read in the background (so a wait never hangs on a pipe)."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen([sys.executable, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, cwd=ROOT)
        self.lines: queue.SimpleQueue[str] = queue.SimpleQueue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def line(self) -> str:
        try:
            return self.lines.get(timeout=WAIT_S)
        except queue.Empty:
            raise AssertionError(f"no answer within {WAIT_S:g} s") from None

    def end(self) -> str:
        """Stop it (if still running) and return what it wrote on stderr."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            _out, err = self.process.communicate(timeout=WAIT_S)
        except (ValueError, subprocess.TimeoutExpired):
            return ""
        return err or ""


class Participant(Process):
    """A participant's laptop in a process of its own."""

    def __init__(self, port: int, code: str = CODE) -> None:
        super().__init__("-m", "tests.collab_client", "127.0.0.1", str(port), code)

    def ask(self, **command: Any) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        return json.loads(self.line())

    def quit(self) -> None:
        if self.process.poll() is None and self.process.stdin is not None:
            self.process.stdin.write('{"op": "quit"}\n')
            self.process.stdin.flush()
            self.process.wait(WAIT_S)


class Room:
    """`clientocracy serve FILE` on a free port of the loopback."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.port = _free_port()
        self.server = Process("-m", "cli", "serve", str(path), "--port", str(self.port), "--code", CODE,
                              "--max-message", str(LIMIT))
        wait_until([], lambda: server_listens(self.port) or self.server.process.poll() is not None, "it listens")
        assert self.server.process.poll() is None, self.server.end()

    def running(self) -> bool:
        return self.server.process.poll() is None

    def close(self) -> Document:
        """Ctrl+C: the room saves the participants' edits and closes; the workshop it saved."""
        self.server.process.send_signal(signal.SIGINT)
        self.server.process.wait(WAIT_S)
        assert self.server.process.returncode == 0, self.server.end()
        return Document(read_workshop(self.path))


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    path = tmp_path / "room.clientocracy"
    write_workshop_file(path, small_workshop(11))
    room = Room(path)
    yield room
    room.server.end()


@pytest.fixture
def two(room: Room) -> Iterator[tuple[Participant, Participant]]:
    """Two participants in the room, each with the workshop."""
    a, b = Participant(room.port), Participant(room.port)
    try:
        assert a.ask(op="synced") == {"synced": True} and b.ask(op="synced") == {"synced": True}
        yield a, b
    finally:
        for participant in (a, b):
            participant.quit()
            participant.end()


def settle(a: Participant, b: Participant) -> dict[str, Any]:
    """Wait until both participants hold the same workshop and it passes the consistency check; that state."""
    answers: list[dict[str, Any]] = []

    def same() -> bool:
        answers[:] = [a.ask(op="state"), b.ask(op="state")]
        return answers[0]["state"] == answers[1]["state"]

    wait_until([], same, "both participants hold the same workshop")
    threading.Event().wait(0.2)  # a repair one of them sent may still be on its way: take it and look again
    wait_until([], same, "both participants hold the same workshop")
    assert answers[0]["problems"] == [] and answers[1]["problems"] == []
    return answers[0]["state"]


def test_conflicting_edits_in_three_processes_end_equal_and_consistent(room: Room, two) -> None:
    a, b = two
    model = read_workshop(room.path)
    doomed, promiser = model.teams[1], model.teams[0]
    promise = next(p for p in model.promises if doomed.id not in (p.from_, p.to))
    canvas = model.canvases[0]
    curve, factor = canvas.curves[0].id, canvas.factors[0].id
    for participant in (a, b):  # both edit without seeing the other's edit: a true conflict
        assert participant.ask(op="offline", on=True) == {"status": "offline"}
    a.ask(op="update", id=promise.id, fields={"status": "kept"})
    b.ask(op="update", id=promise.id, fields={"status": "broken"})
    a.ask(op="delete", id=doomed.id)
    b.ask(op="promise", id="p-new", **{"from": promiser.id, "to": doomed.id, "text": "Поставки к 8:00"})
    a.ask(op="level", curve=curve, factor=factor, level=1.0)
    b.ask(op="level", curve=curve, factor=factor, level=4.0)
    for participant in (a, b):
        assert participant.ask(op="offline", on=False) == {"status": "connected"}

    agreed = settle(a, b)
    hosted = room.close()
    assert state(hosted) == agreed  # the host ends with the same workshop
    assert list(workshop_problems(hosted.model)) == []
    assert hosted.find(doomed.id) is None
    assert hosted.find("p-new") is None  # a promise to a team deleted elsewhere goes (repair rule 1)
    assert hosted.find(promise.id).status in ("kept", "broken")
    assert hosted.find(curve).levels[factor] in (1.0, 4.0)


def test_a_participant_with_a_wrong_code_is_refused(room: Room, two) -> None:
    a, b = two
    intruder = Participant(room.port, code="AAAAA-BBBBB")
    try:
        assert json.loads(intruder.line()) == {"refused": True}
        assert intruder.process.wait(WAIT_S) == 3
    finally:
        intruder.end()
    assert room.running()
    team = read_workshop(room.path).teams[0]
    a.ask(op="update", id=team.id, fields={"name": "Команда доставки"})
    settle(a, b)
    assert room.close().find(team.id).name == "Команда доставки"


def _send_raw(port: int, message: bytes | str) -> None:
    """Connect with the right code and send one message as a hostile peer would; the room may hang up."""
    with connect(f"ws://127.0.0.1:{port}/workshop?code={CODE}", open_timeout=WAIT_S, close_timeout=1,
                 max_size=None) as connection:
        try:
            connection.send(message)
            connection.recv(timeout=0.3)  # the room's first sync message, or its closing
            connection.recv(timeout=0.3)
        except (TimeoutError, ConnectionClosed):
            pass


def test_malformed_and_oversized_messages_are_refused_and_the_room_goes_on(room: Room, two) -> None:
    a, b = two
    for message in (b"\x00\x09\xff\xff\xff", b"\x00\x02\xff\xff\xff\xff\xff\xff\xff", b"\x01\x05\xff\x80\x80",
                    b"\x07", b"", "text, not the protocol", b"\x00\x02" + b"\x80" * (LIMIT + 1)):
        _send_raw(room.port, message)
        assert room.running()
    team = read_workshop(room.path).teams[0]
    b.ask(op="update", id=team.id, fields={"name": "Команда после помех"})
    agreed = settle(a, b)
    hosted = room.close()
    assert state(hosted) == agreed and hosted.find(team.id).name == "Команда после помех"
    assert list(workshop_problems(hosted.model)) == []
