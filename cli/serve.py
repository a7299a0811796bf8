"""`clientocracy serve FILE`: a room for live co-editing without a window (a facilitator's laptop under the desk).

The workshop is opened as the app opens it (its lock held, a working copy beside); participants join with File ▸
Join… and the address and code printed here. Their edits go into the working copy as they come; Ctrl+C (or the
session's end) saves them to FILE and closes the room.
"""

from __future__ import annotations

import argparse
import queue
import signal
import sys
import threading
from pathlib import Path

from app.collab import DEFAULT_PORT


def add_parser(sub: argparse._SubParsersAction) -> None:
    """The `serve` subcommand's arguments."""
    serve = sub.add_parser("serve", help="share a workshop on this network for live co-editing, without a window")
    serve.add_argument("file", type=Path)
    serve.add_argument("--host", default="127.0.0.1", metavar="ADDR",
                       help="the local address to listen on: this computer's address on the room's network "
                            "(default 127.0.0.1, this computer only; never all interfaces unless given 0.0.0.0)")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT})")
    serve.add_argument("--code", metavar="CODE", help="the join code (default: a new random one)")
    serve.add_argument("--max-message", type=int, default=None, help=argparse.SUPPRESS)  # tests: a small limit


def cmd_serve(args: argparse.Namespace, stop: threading.Event | None = None) -> int:
    """Run the room until Ctrl+C, SIGTERM or `stop`; the participants' edits are saved to the file then."""
    from app.collab.mirror import Mirror  # the network's modules load for this command alone
    from app.collab.net import Host, shown_code
    from app.workfile import WorkFile

    stop = stop or threading.Event()
    work = WorkFile.open(args.file)
    inbox: queue.SimpleQueue[bytes] = queue.SimpleQueue()
    mirror = Mirror(work.document)
    limit = {"max_message": args.max_message} if getattr(args, "max_message", None) else {}
    host = Host(inbox.put, host=args.host, port=args.port, code=args.code, initial=mirror.doc.get_update(), **limit)
    mirror.send = host.send
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGINT, signal.SIGTERM):
            previous[number] = signal.signal(number, lambda *_: stop.set())
    try:
        invitation = host.start()
        print(f"Sharing {args.file} on {invitation.address}", flush=True)
        print(f"Join code: {shown_code(invitation.code)}", flush=True)
        print("Participants: File > Join..., then this address and code. Ctrl+C saves and closes the room.",
              flush=True)
        edits = 0
        while True:
            stopping = stop.wait(0.01)
            updates = []
            while True:
                try:
                    updates.append(inbox.get_nowait())
                except queue.Empty:
                    break
            if updates:
                edits += mirror.receive(updates)
            if stopping:  # what arrived before the stop is in
                break
        print(f"Closing the room: {edits} edit(s) from the participants saved to {args.file}", flush=True)
        return 0
    finally:
        mirror.close()
        host.stop()
        for number, handler in previous.items():
            signal.signal(number, handler)
        try:
            if work.modified:
                work.save()
        finally:
            work.close()
        sys.stdout.flush()
