"""Reading a user's input file safely: only a regular file, never more than a size limit, never blocking.

A FIFO, a device such as /dev/zero, a folder or a socket is refused at once (opened without blocking, checked
with fstat before a byte is read); a file larger than the limit is refused before it is read, and one that grows
while it is read is cut off at the limit and refused too. The errors are `FileRefused`: the message names the file
and the reason, as the command line prints it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from app.gate import FileRefused

NOT_REGULAR = "not a regular file: a folder, a pipe or a device is never read"


def megabytes(size: int) -> str:
    """A size in whole megabytes as messages say it («30 MB»; at least 1)."""
    return f"{max(1, round(size / (1 << 20)))} MB"


def too_large(limit: int, what: str = "file") -> str:
    """Why a file over `limit` bytes is refused."""
    return f"the {what} is larger than {megabytes(limit)}"


def open_regular(path: str | os.PathLike[str], limit: int, what: str = "file") -> BinaryIO:
    """Open `path` for reading in binary if it is a regular file of at most `limit` bytes (FileRefused otherwise).

    The file is opened with O_NONBLOCK, so that a FIFO without a writer does not hang the open, and checked with
    fstat on the open descriptor, so that what is read is what was checked."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused(path, "no such file") from None
    except IsADirectoryError:
        raise FileRefused(path, NOT_REGULAR) from None
    except PermissionError:
        raise FileRefused(path, "cannot be read (permission denied)") from None
    except OSError as error:
        raise FileRefused(path, f"cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, NOT_REGULAR)
        if info.st_size > limit:
            raise FileRefused(path, too_large(limit, what))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes (FileRefused otherwise, also if it grows)."""
    with open_regular(path, limit, what) as stream:
        try:
            data = stream.read(limit + 1)
        except OSError as error:
            raise FileRefused(path, f"cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise FileRefused(path, too_large(limit, what))
    return data


def check_regular(path: str | os.PathLike[str], limit: int, what: str = "file") -> int:
    """The size of `path` after the checks of `open_regular` (FileRefused otherwise); nothing is read."""
    with open_regular(path, limit, what) as stream:
        return os.fstat(stream.fileno()).st_size
