"""A lock file beside the user's file: one app or writer at a time, seen from every data folder, user and copy.

The lock `.~lock.NAME#` sits in the folder of the file itself (a symlink's target), so another user, another data
folder or a portable copy of the app sees it. It names its holder (user, host, process, since); it is stale when
that process is gone on this host, and is then taken over. A file with more than one name (hard links) is refused
for writing: an atomic save gives one name a new file and would leave the other names with the old workshop.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from app.fsutil import MAX_NAME_BYTES
from app.gate import FileRefused

LOCK_PREFIX = ".~lock."
UNREADABLE_GRACE = 5.0  # seconds an empty lock file counts as being written by its taker
POLL = 0.05
OPEN, WRITE = "open", "write"  # held while the app has the file open / for one brief read-modify-write


class FileLocked(FileRefused):
    """The file is open in another running instance of the app (or being written); `holder` says who."""

    def __init__(self, path: Path, holder: dict) -> None:
        self.holder = holder
        who = f"{holder.get('user', '?')} on {holder.get('host', '?')} (process {holder.get('pid', '?')})"
        if holder.get("purpose") == WRITE:
            super().__init__(path, f"being written by {who}; try again in a moment")
            return
        since = holder.get("since", "")
        elsewhere = holder.get("host") not in (None, socket.gethostname())
        hint = f" (if it is not, delete {lock_path_of(path).name} beside it)" if elsewhere else ""
        super().__init__(path, f"already open by {who}" + (f" since {since}" if since else "") + hint)


class FileChanged(FileRefused):
    """The user's file changed on disk after it was read: writing now would lose what the other writer wrote."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "changed on disk since it was opened (by another program or copy of the app); "
                               "not saved, your work is kept in the app: save it under another name")


def user_name() -> str:
    """The login name of this process's user, or «?»."""
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "?"


def lock_path_of(path: str | os.PathLike[str]) -> Path:
    """The lock file of the user's file `path` (beside the file a symlink points at)."""
    real = Path(os.path.realpath(path))
    name = f"{LOCK_PREFIX}{real.name}#"
    if len(name.encode()) > MAX_NAME_BYTES:
        digest = hashlib.sha1(real.name.encode()).hexdigest()[:8]
        stem = real.name
        while len(f"{LOCK_PREFIX}{stem}~{digest}#".encode()) > MAX_NAME_BYTES:
            stem = stem[:-1]
        name = f"{LOCK_PREFIX}{stem}~{digest}#"
    return real.parent / name


def identity(path: str | os.PathLike[str]) -> tuple[int, int, int, int] | None:
    """What tells one version of a file from another (device, inode, size, mtime); None when it does not exist."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _process_start(pid: int) -> str | None:
    """When process `pid` started (Linux clock ticks), to tell a reused process id; None where unknown."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat_line.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _holder_alive(info: dict) -> bool:
    """False only when the holder surely is gone: its process no longer runs on this host."""
    if info.get("host") != socket.gethostname():
        return True  # another machine's process: it cannot be checked from here
    try:
        pid = int(info.get("pid", -1))
    except (TypeError, ValueError):
        return False
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's live process
    except OSError:
        return False
    started = info.get("started")
    now_started = _process_start(pid)
    return not (started and now_started and started != now_started)


def _read(lock: Path) -> tuple[bytes, dict] | None:
    """The lock's bytes and what they say; None when there is no lock."""
    try:
        data = lock.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        data = b""
    try:
        info = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        info = {}
    return data, info if isinstance(info, dict) else {}


def holder_of(path: str | os.PathLike[str]) -> dict | None:
    """Who holds the user's file `path` right now (user, host, pid, since), or None."""
    found = _read(lock_path_of(path))
    if found is None:
        return None
    _, info = found
    return info if info and _holder_alive(info) else None


def refuse_hard_links(path: str | os.PathLike[str]) -> None:
    """FileRefused when the file has more than one name: a save would split them."""
    try:
        links = os.stat(path).st_nlink
    except OSError:
        return
    if links > 1:
        raise FileRefused(Path(path), f"has {links} names (hard links); a save would leave the other names with "
                                      "the old workshop, so it is not written (copy it to a file of its own)")


@dataclass
class FileLock:
    """A held lock on one user's file."""

    path: Path
    lock_path: Path
    data: bytes

    @classmethod
    def take(cls, path: str | os.PathLike[str], wait: float = 0.0, purpose: str = OPEN) -> FileLock:
        """Lock the user's file `path`, waiting up to `wait` seconds for a brief writer (not for an app that has it
        open); FileLocked if still held, FileRefused for a file with several names, OSError when no lock can be
        made there (a read-only folder)."""
        path = Path(path)
        lock = lock_path_of(path)
        pid = os.getpid()
        info = {"user": user_name(), "host": socket.gethostname(), "pid": pid,
                "since": time.strftime("%Y-%m-%d %H:%M"), "started": _process_start(pid), "purpose": purpose}
        data = json.dumps(info, ensure_ascii=False).encode()
        deadline = time.monotonic() + wait
        for _ in range(100_000):  # bounded: a lock path that is neither free nor a lock (a dangling link) ends it
            refuse_hard_links(path)
            try:
                fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                pass
            else:
                try:
                    os.write(fd, data)
                except OSError:  # a full disk: no empty lock is left behind to be taken for a holder
                    os.close(fd)
                    with contextlib.suppress(OSError):
                        lock.unlink()
                    raise
                os.close(fd)
                return cls(path, lock, data)
            found = _read(lock)
            if found is None:
                continue  # released meanwhile: try again at once
            held, holder = found
            if _stale(lock, holder) and _break(lock, held):
                continue
            if time.monotonic() >= deadline or holder.get("purpose") == OPEN:
                raise FileLocked(path, holder or {"since": "a moment ago"})
            time.sleep(POLL)
        raise FileRefused(path, f"its lock {lock.name} cannot be made or read; nothing was written")

    def release(self) -> None:
        """Give the lock up (only if it is still ours)."""
        with contextlib.suppress(OSError):
            if self.lock_path.read_bytes() == self.data:
                self.lock_path.unlink()


def _stale(lock: Path, holder: dict) -> bool:
    if holder:
        return not _holder_alive(holder)
    try:
        age = time.time() - lock.stat().st_mtime
    except OSError:
        return False
    return age > UNREADABLE_GRACE  # an empty or garbled lock long after its taker would have written it


def _break(lock: Path, expected: bytes) -> bool:
    """Remove `lock` if it still holds `expected` (not a lock someone took meanwhile); True when removed."""
    try:
        if lock.read_bytes() == expected:
            lock.unlink()
            return True
    except FileNotFoundError:
        return True
    except OSError:
        pass
    return False


@contextlib.contextmanager
def holding(path: str | os.PathLike[str], wait: float = 0.0) -> Iterator[FileLock]:
    """Hold the lock of `path` for a read-modify-write (waiting up to `wait` seconds for another writer)."""
    lock = FileLock.take(path, wait, WRITE)
    try:
        yield lock
    finally:
        lock.release()
