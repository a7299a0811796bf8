"""A participant in a process of its own, for the co-editing tests: joins a room and takes commands on stdin.

`python -m tests.collab_client HOST PORT CODE`; each line in is one JSON command, each line out one JSON answer:
{"op": "synced"}, {"op": "offline", "on": true}, {"op": "update", "id": …, "fields": {…}}, {"op": "delete", "id": …},
{"op": "promise", "id": …, "from": …, "to": …}, {"op": "level", "curve": …, "factor": …, "level": …},
{"op": "state"} (the workshop as the format writes it, and the consistency check's problems), {"op": "quit"}.
A refused code prints {"refused": true} and exits with 3. Every wait is bounded (WAIT_S).
"""

from __future__ import annotations

import json
import queue
import sys
import threading
import time
from typing import Any

from app import changes as ch
from app import model as m
from app.collab.mirror import Mirror
from app.collab.net import Guest, Invitation
from app.document import Document
from app.integrity import workshop_problems
from tests.collab_support import WAIT_S, Laptop, state


def _read_commands(commands: queue.SimpleQueue[dict[str, Any] | None]) -> None:
    for line in sys.stdin:
        if line.strip():
            commands.put(json.loads(line))
    commands.put(None)  # stdin closed: the test is gone


def _answer(**answer: Any) -> None:
    print(json.dumps(answer, ensure_ascii=False), flush=True)


def _do(laptop: Laptop, command: dict[str, Any]) -> dict[str, Any]:
    document, op = laptop.document, command["op"]
    if op == "synced":
        endpoint = laptop.endpoint
        assert isinstance(endpoint, Guest)
        deadline = time.monotonic() + WAIT_S
        while not (endpoint.synced.is_set() and document.model.promises) and time.monotonic() < deadline:
            laptop.pump()
            time.sleep(0.005)
        return {"synced": bool(document.model.promises)}
    if op == "offline":  # answered once the connection is gone (or back and synced)
        endpoint = laptop.endpoint
        assert isinstance(endpoint, Guest)
        on = bool(command["on"])
        before = endpoint.connections
        laptop.offline(on)
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline and not (endpoint.status == "offline" if on else (
                endpoint.connections > before and endpoint.status == "connected")):
            laptop.pump()
            time.sleep(0.005)
        return {"status": endpoint.status}
    elif op == "update":
        document.apply(ch.update(document, command["id"], **command["fields"]))
    elif op == "delete":
        document.apply(ch.delete(document, command["id"]))
    elif op == "promise":
        document.apply(ch.insert(document, m.Promise(id=command["id"], from_=command["from"], to=command["to"],
                                                     text=command.get("text", ""))))
    elif op == "level":
        document.apply(ch.set_level(document, command["curve"], command["factor"], command["level"]))
    elif op == "state":
        laptop.pump()
        return {"state": state(document), "problems": [str(p) for p in workshop_problems(document.model)]}
    return {"done": op}


def main(argv: list[str]) -> int:
    host, port, code = argv[0], int(argv[1]), argv[2]
    statuses: list[str] = []
    document = Document()
    mirror = Mirror(document, seed=False)
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    endpoint = Guest(inbox.put, Invitation(host, port, code), statuses.append)
    mirror.send = endpoint.send
    laptop = Laptop(document, endpoint, mirror, inbox)
    endpoint.start()
    commands: queue.SimpleQueue[dict[str, Any] | None] = queue.SimpleQueue()
    threading.Thread(target=_read_commands, args=(commands,), daemon=True).start()
    try:
        while True:
            laptop.pump()
            if "refused" in statuses:
                _answer(refused=True)
                return 3
            try:
                command = commands.get(timeout=0.005)
            except queue.Empty:
                continue
            if command is None or command["op"] == "quit":
                return 0
            _answer(**_do(laptop, command))
    finally:
        laptop.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
