"""Writing files safely: a temporary file beside the target, flushed to disk, then renamed over it.

Every writer of a user's file (save, import, new, exports, promise tables) goes through `atomic_target`: it writes
through a symlink to the file it points at, refuses what must never be replaced (a device, a pipe, a folder, a
read-only file or folder) before anything is written, keeps an existing file's mode and owner, and gives a new
file the mode the umask allows.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from pathlib import Path
from typing import Callable, Iterator

try:
    import fcntl
except ImportError:  # Windows: a leftover is known by its age alone
    fcntl = None  # type: ignore[assignment]  # the module is absent there: None marks it missing

MAX_NAME_BYTES = 255  # the longest file name most file systems take
JOURNAL_ROOM = len("-journal")  # SQLite names its journal after the file it writes: the temporary name leaves room
LEFTOVER_AGE = 2.0  # seconds: a temporary file younger than this may still be in the making
LEFTOVER_AGE_UNLOCKED = 3600.0  # where writers cannot hold a lock on their temporary file
_TEMPORARY = re.compile(r"^\.(?P<stem>.+)\.(?P<token>[0-9a-f]{8})(?P<suffix>\.[^.\-]*)?(?P<side>-journal|-wal|-shm)?$")


class TargetRefused(OSError):
    """A file the app will not write (not a regular file, read-only, no folder); nothing was written."""

    def __init__(self, path: str | os.PathLike[str], reason: str, code: int = errno.EPERM) -> None:
        super().__init__(code, reason, os.fspath(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def fsync_directory(directory: Path) -> None:
    """Make a rename inside `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when `a` and `b` name one file: the same path once symlinks are followed, or the same inode."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_only(path: Path, mode: int, access: int) -> bool:
    """No write bit at all (a choice even root respects here) or no write permission for this user."""
    return not mode & 0o222 or not os.access(path, access)


def write_target(path: str | os.PathLike[str]) -> Path:
    """The file a write of `path` replaces (a symlink's target); TargetRefused for what must not be replaced."""
    given = Path(path)
    real = Path(os.path.realpath(given))
    try:
        mode = os.stat(real).st_mode
    except (FileNotFoundError, NotADirectoryError):
        mode = None
    if mode is not None:
        if stat.S_ISDIR(mode):
            raise TargetRefused(given, "is a folder, not a file; nothing was written", errno.EISDIR)
        if not stat.S_ISREG(mode):
            raise TargetRefused(given, f"is {_kind(mode)}, not a regular file; nothing was written")
        if _read_only(real, mode, os.W_OK):
            raise TargetRefused(given, "the file is read-only; nothing was written (make it writable first)",
                                errno.EACCES)
    folder = real.parent
    if not folder.is_dir():
        raise TargetRefused(given, f"the folder {folder} does not exist; nothing was written", errno.ENOENT)
    if _read_only(folder, folder.stat().st_mode, os.W_OK | os.X_OK):
        raise TargetRefused(given, f"the folder {folder} is read-only; nothing was written", errno.EACCES)
    return real


def _ours(name: str, target: Path) -> re.Match[str] | None:
    """The parts of `name` when it is a temporary file `atomic_target` makes beside `target` (or SQLite's journal
    of one), else None."""
    match = _TEMPORARY.match(name)
    if match is None:
        return None
    stem = match["stem"]
    if stem == target.name:
        return match
    written = f".{stem}.{match['token']}{match['suffix'] or ''}"
    cut = target.name.startswith(stem) and len(written.encode()) > MAX_NAME_BYTES - JOURNAL_ROOM - 4
    return match if cut else None


def _writer_gone(path: Path) -> bool:
    """True when no writer holds the temporary file `path` (its writer was killed)."""
    try:
        age = time.time() - os.lstat(path).st_mtime
    except OSError:
        return False
    if fcntl is None:
        return age > LEFTOVER_AGE_UNLOCKED
    if age <= LEFTOVER_AGE:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return False  # its writer is still at work
    finally:
        os.close(fd)
    return True


def remove_leftovers(path: str | os.PathLike[str]) -> list[Path]:
    """Remove the hidden temporary files a killed write left beside the file `path` names; return them."""
    target = Path(os.path.realpath(path))
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(target.parent) if entry.name.startswith(".")]
    except OSError:
        return removed
    ours = {name: match for name in names if (match := _ours(name, target)) is not None}
    mains = {name for name, match in ours.items() if not match["side"]}
    for name, match in ours.items():
        leftover = target.parent / name
        side = match["side"]
        if side:
            main = name[: -len(side)]
            if main in mains and not _writer_gone(target.parent / main):
                continue
            with contextlib.suppress(OSError):
                if time.time() - os.lstat(leftover).st_mtime <= LEFTOVER_AGE:
                    continue
        elif not _writer_gone(leftover):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(leftover).st_mode):
                leftover.unlink()
                removed.append(leftover)
    return removed


def _temporary_beside(target: Path, suffix: str) -> tuple[Path, int | None]:
    """A new empty hidden file beside `target`, created with the umask's mode, its name short enough to be legal;
    with a descriptor that holds a lock on it while it is being written (None where there are no such locks)."""
    stem = target.name
    for _ in range(100):
        token = os.urandom(4).hex()
        while len(f".{stem}.{token}{suffix}".encode()) > MAX_NAME_BYTES - JOURNAL_ROOM and stem:
            stem = stem[:-1]
        tmp = target.parent / f".{stem}.{token}{suffix}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask decides, as for any new file
        except FileExistsError:
            continue
        except OSError as e:
            raise TargetRefused(target, f"cannot be written ({e.strerror}); nothing was written",
                                e.errno or errno.EIO) from None
        if fcntl is None:
            os.close(fd)
            return tmp, None
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # tells a later writer this file is still in the making
        return tmp, fd
    raise TargetRefused(target, "no free temporary name beside it; nothing was written", errno.EEXIST)


def _give_mode(tmp: Path, mode: int, owner: tuple[int, int] | None) -> None:
    """The written file takes the replaced file's owner (where allowed) and mode."""
    if owner is not None:
        written = os.stat(tmp)
        if (written.st_uid, written.st_gid) != owner:
            with contextlib.suppress(OSError):  # only root may give a file away; a group the user is in may work
                os.chown(tmp, *owner)
    os.chmod(tmp, mode)


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str], suffix: str = ".tmp") -> Iterator[Path]:
    """Yield a temporary path beside the file `path` names; on success it replaces that file at once, on failure
    it is removed.

    Whoever writes the temporary file must close it; this flushes it to disk before the rename, so the file is
    always either the old one or the complete new one. A symlink stays a link: its target is written. Temporary
    files of earlier writes that were killed are removed first.
    """
    target = write_target(path)
    remove_leftovers(target)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    tmp, held = _temporary_beside(target, suffix)
    new_mode = stat.S_IMODE(os.stat(tmp).st_mode)
    try:
        yield tmp
        with open(tmp, "rb+") as written:
            os.fsync(written.fileno())
        if existing is not None:
            _give_mode(tmp, stat.S_IMODE(existing.st_mode), (existing.st_uid, existing.st_gid))
        else:
            _give_mode(tmp, new_mode, None)  # a writer that made its own file gets the umask's mode back
        os.replace(tmp, target)
        fsync_directory(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        if held is not None:
            os.close(held)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` atomically."""
    with atomic_target(path) as tmp:
        tmp.write_bytes(data)


def atomic_write_with(path: str | os.PathLike[str], writer: Callable[[Path], None]) -> None:
    """Replace `path` atomically with what `writer(temporary_path)` writes."""
    with atomic_target(path) as tmp:
        writer(tmp)
