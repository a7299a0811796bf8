"""`clientocracy serve FILE`: a room without a window; participants' edits are in the file when it closes."""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import changes as ch
from app.collab.net import Invitation
from app.generate import small_workshop
from app.workfile import read_workshop, write_workshop_file
from cli.main import build_parser
from tests.collab_support import WAIT_S, Laptop, wait_until


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_listens(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:`port`."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def test_serve_listens_on_the_loopback_unless_told(tmp_path: Path) -> None:
    args = build_parser().parse_args(["serve", str(tmp_path / "w.clientocracy")])
    assert (args.host, args.port) == ("127.0.0.1", 8765)


def test_clientocracy_serve_in_its_own_process_saves_the_participants_edits_on_ctrl_c(tmp_path: Path) -> None:
    """The host in a process of its own, two participants here: one edits, the other sees it; Ctrl+C saves it."""
    path = tmp_path / "room.clientocracy"
    write_workshop_file(path, small_workshop(11))
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "cli", "serve", str(path), "--port", str(port),
                               "--code", "QWERT-23456"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    guests: list[Laptop] = []
    try:
        wait_until([], lambda: server_listens(port) or server.poll() is not None, "the room listens")
        assert server.poll() is None, server.stderr.read() if server.stderr else ""
        invitation = Invitation("127.0.0.1", port, "QWERT23456")
        guest, watcher = Laptop.guest(invitation), Laptop.guest(invitation)
        guests += [guest, watcher]
        wait_until(guests, lambda: all(len(g.document.model.promises) == 17 for g in guests),
                   "the participants get the workshop")
        team = guest.document.model.teams[0]
        guest.document.apply(ch.update(guest.document, team.id, name="Команда доставки"))
        wait_until(guests, lambda: watcher.document.find(team.id).name == "Команда доставки", "the edit travels")
    finally:
        for laptop in guests:
            laptop.stop()
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=WAIT_S)
    assert server.returncode == 0, err
    assert f"127.0.0.1:{port}" in out and "QWERT-23456" in out
    assert next(t for t in read_workshop(path).teams if t.id == team.id).name == "Команда доставки"


def test_a_served_file_takes_the_participants_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli.serve import cmd_serve

    path = tmp_path / "workshop.clientocracy"
    write_workshop_file(path, small_workshop(11))
    port = _free_port()
    args = argparse.Namespace(file=path, host="127.0.0.1", port=port, code="ABCDE-23456")
    stop = threading.Event()
    result: list[int] = []
    server = threading.Thread(target=lambda: result.append(cmd_serve(args, stop)))
    server.start()
    guests: list[Laptop] = []
    try:
        invitation = Invitation("127.0.0.1", port, "abcde 23456")  # as a participant may type it
        wait_until([], lambda: server_listens(port), "the room listens")
        guest, watcher = Laptop.guest(invitation), Laptop.guest(invitation)
        guests += [guest, watcher]
        wait_until(guests, lambda: all(len(g.document.model.promises) == 17 for g in guests),
                   "the participants get the workshop")
        promise = guest.document.model.promises[0]
        guest.document.apply(ch.update(guest.document, promise.id, status="kept", text="Сделано на встрече"))
        wait_until(guests, lambda: watcher.document.find(promise.id).text == "Сделано на встрече",
                   "the edit went through the room")
    finally:
        for laptop in guests:
            laptop.stop()
        stop.set()
        server.join(WAIT_S)
    assert result == [0]
    saved = read_workshop(path)
    assert next(p for p in saved.promises if p.id == promise.id).text == "Сделано на встрече"
    out = capsys.readouterr().out
    assert f"127.0.0.1:{port}" in out and "ABCDE-23456" in out
