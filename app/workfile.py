"""Open workshops: the working copy in the user's data folder, atomic save, locks, recovery after a crash."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sqlite3
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from app import model as m
from app import schema as s
from app.document import Document
from app.filelock import OPEN, WRITE, FileChanged, FileLock, FileLocked, holder_of, holding, identity, user_name
from app.fsutil import atomic_target, remove_leftovers, write_target
from app.gate import FileRefused, GatedFile
from app.gcpause import collector_paused
from app.integrity import workshop_problems
from app.lineage import record_save
from app.store import SqliteStore, connect

try:
    import fcntl
except ImportError:  # Windows: liveness falls back to the process id
    fcntl = None  # type: ignore[assignment]  # the module is absent there: None marks it missing

APP_DIR_NAME = "ClientocracyStudio"
SUFFIX = ".clientocracy"


def data_dir() -> Path:
    """The user's data folder (CLIENTOCRACY_DATA_DIR overrides it, for tests and portable use)."""
    override = os.environ.get("CLIENTOCRACY_DATA_DIR")
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def working_dir() -> Path:
    """Where working copies of open workshops live."""
    path = data_dir() / "working"
    path.mkdir(parents=True, exist_ok=True)
    return path


__all__ = ["FileChanged", "FileLocked", "Recoverable", "WorkFile", "data_dir", "find_recoverable", "holder_of",
           "read_workshop", "write_workshop_file"]
MAX_ORPHANS_WITHOUT_FILE = 10  # unsaved never-saved workshops of killed runs kept for recovery, newest first


# ------------------------------------------------------------------------------------------ loading
def new_schema(conn: sqlite3.Connection) -> None:
    """Give an empty database the current schema: copied from a template kept in the data folder, made once
    with the migrations (so most starts need not import sqlite-utils, ~75 ms)."""
    digest = hashlib.sha1(repr((s.MIGRATION_NAMES, s.expected_columns())).encode()).hexdigest()[:12]
    template = data_dir() / "cache" / f"empty-v{s.SCHEMA_VERSION}-{digest}.sqlite"
    if not template.is_file():
        template.parent.mkdir(parents=True, exist_ok=True)
        with atomic_target(template, suffix=".sqlite") as tmp:
            made = sqlite3.connect(tmp, isolation_level=None)
            try:
                s.create_schema(made)
            finally:
                made.close()
    try:
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        try:
            source.backup(conn)
        finally:
            source.close()
        pragma = conn.execute
        versions = pragma("PRAGMA application_id").fetchone()[0], pragma("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        versions = None
    if versions != (s.APPLICATION_ID, s.SCHEMA_VERSION):  # a damaged template: make the schema here instead
        with contextlib.suppress(OSError):
            template.unlink()
        for (table,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall():
            conn.execute(f"DROP TABLE IF EXISTS {s.q(table)}")
        s.create_schema(conn)


def load_rows_into(gated: GatedFile, conn: sqlite3.Connection) -> None:
    """Copy a gated file's rows, table by table with explicit columns, into `conn` (schema created here)."""
    names = s.MIGRATION_NAMES
    if gated.user_version < len(names):
        s.create_schema(conn, stop_before=names[gated.user_version])
    else:
        new_schema(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, columns in s.expected_columns(gated.user_version).items():
            if table == s.MIGRATIONS_TABLE:
                continue
            cols = ", ".join(s.q(c) for c in columns)
            marks = ", ".join("?" for _ in columns)
            conn.executemany(f"INSERT INTO {s.q(table)} ({cols}) VALUES ({marks})", gated.copy_rows(table))
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        conn.execute("ROLLBACK")
        raise FileRefused(gated.path, f"damaged ({e})") from None
    if gated.user_version < s.SCHEMA_VERSION:
        s.create_schema(conn)  # the migrations newer than the file


def load_checked(store: SqliteStore, path: Path, gated: GatedFile | None = None) -> m.Workshop:
    """Load the model from a store filled from `path` (or reading the `gated` file itself), refusing rows that do
    not make a consistent workshop."""
    with collector_paused():
        try:
            workshop = store.load()
        except sqlite3.Error as e:  # from the gated file: one of its limits (time, size), worded as the gate does
            raise FileRefused(path, gated.reason(e) if gated else f"damaged (unreadable rows: {e})") from None
        except (ValueError, TypeError, KeyError) as e:
            raise FileRefused(path, f"damaged (unreadable rows: {e})") from None
        for where, problem in workshop_problems(workshop):
            raise FileRefused(path, f"damaged ({where}: {problem})")
    return workshop


def read_workshop(path: str | os.PathLike[str]) -> m.Workshop:
    """Read a workshop (`.clientocracy` through the gate, or `.json`) without opening it for editing."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        from app.jsonio import FormatError, read_json_file

        try:
            return read_json_file(path)
        except FormatError as e:  # the message names the file once, as FileRefused does
            raise FileRefused(path, ": ".join(p for p in (e.path, e.reason) if p)) from None
    with GatedFile(path) as gated:
        if gated.user_version == s.SCHEMA_VERSION:  # nothing to migrate: read the rows where the gate checked them
            return load_checked(SqliteStore(gated.conn), path, gated)
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            load_rows_into(gated, conn)
            return load_checked(SqliteStore(conn), path)
        finally:
            conn.close()


# ------------------------------------------------------------------------------------------ locking
@dataclass
class _Lock:
    """A lock file beside a working copy: held (flock) while the app has the workshop open."""

    path: Path
    fd: int

    @classmethod
    def take(cls, path: Path, info: dict) -> _Lock:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info, ensure_ascii=False).encode())
        os.fsync(fd)
        return cls(path, fd)

    def release(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def _is_alive(lock_path: Path) -> bool:
    """True when the process that wrote `lock_path` still holds it."""
    try:
        fd = os.open(lock_path, os.O_RDWR)
    except OSError:
        return False
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        info = _read_info(lock_path)
        try:
            os.kill(int(info.get("pid", -1)), 0)
        except (OSError, ValueError):
            return False
        return True
    finally:
        os.close(fd)


def _read_info(lock_path: Path) -> dict:
    try:
        return json.loads(lock_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _same_file(a: str | None, b: Path) -> bool:
    if not a:
        return False
    with contextlib.suppress(OSError):
        return Path(a).resolve() == b.resolve()
    return False


# ----------------------------------------------------------------------------------------- recovery
@dataclass(frozen=True)
class Recoverable:
    """An unsaved working copy left by an instance that ended without saving or closing."""

    working_copy: Path
    origin: Path | None
    title: str
    unsaved_edits: int
    last_change: float

    def discard(self) -> None:
        """Forget this working copy for good."""
        _discard_copy(self.working_copy)


def find_recoverable() -> list[Recoverable]:
    """Working copies with unsaved edits whose instance is gone, newest first: one per user's file (older copies
    of the same file are removed) and at most MAX_ORPHANS_WITHOUT_FILE never-saved ones; copies with nothing
    unsaved, unreadable copies and lock files without a copy are removed."""
    folder = working_dir()
    candidates = []
    for copy in folder.glob(f"*{SUFFIX}"):
        lock = copy.with_suffix(".lock")
        if _is_alive(lock):
            continue
        recoverable = _recoverable(copy, _read_info(lock))
        if recoverable is None or recoverable.unsaved_edits <= 0:
            _discard_copy(copy)
        else:
            candidates.append(recoverable)
    for lock in folder.glob("*.lock"):
        if not lock.with_suffix(SUFFIX).exists() and not _is_alive(lock):
            with contextlib.suppress(OSError):
                lock.unlink()
    found: list[Recoverable] = []
    seen: set[str] = set()
    without_file = 0
    for recoverable in sorted(candidates, key=lambda r: r.last_change, reverse=True):
        origin = str(recoverable.origin) if recoverable.origin else None
        if origin is None:
            without_file += 1
            keep = without_file <= MAX_ORPHANS_WITHOUT_FILE
        else:
            keep = origin not in seen
            seen.add(origin)
        if keep:
            found.append(recoverable)
        else:
            recoverable.discard()
    return found


def _recoverable(copy: Path, info: dict) -> Recoverable | None:
    """What a left working copy holds, or None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute(f'SELECT key, value FROM "{s.META_TABLE}"').fetchall())
            title_row = conn.execute(f'SELECT title FROM "{s.WORKSHOP_TABLE}"').fetchone()
        finally:
            conn.close()
        unsaved = int(meta.get("edit_count", 0)) - int(meta.get("saved_edit_count", 0))
        changed = copy.stat().st_mtime
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None
    origin = Path(info["origin"]) if isinstance(info.get("origin"), str) and info["origin"] else None
    return Recoverable(copy, origin, str((title_row[0] if title_row else "") or ""), unsaved, changed)


def _discard_copy(copy: Path) -> None:
    for p in (copy, copy.with_suffix(".lock"), Path(f"{copy}-journal"), Path(f"{copy}-wal"), Path(f"{copy}-shm")):
        with contextlib.suppress(OSError):
            p.unlink()


# ------------------------------------------------------------------------------------------ session
class WorkFile:
    """One open workshop: its document, the working copy that keeps every edit, and the user's file."""

    def __init__(self, working_copy: Path, conn: sqlite3.Connection, origin: Path | None, lock: _Lock,
                 file_lock: FileLock | None = None, read_as: tuple[int, int, int, int] | None = None) -> None:
        self.working_copy = working_copy
        self.conn = conn
        self.path = origin
        self._lock = lock
        self._file_lock = file_lock  # the lock beside the user's file, held while it is open here
        self._read_as = read_as  # the user's file as it was read: a save refuses to replace another version
        self.closed = False
        self.store = SqliteStore(conn)
        with collector_paused():  # tens of thousands of objects, no cycles: no full scans while they are made
            self.document = Document(load_checked(self.store, origin or working_copy), store=self.store)

    # -- creation
    @classmethod
    def _fresh(cls, origin: Path | None) -> tuple[Path, sqlite3.Connection, _Lock]:
        name = uuid.uuid4().hex
        copy = working_dir() / f"{name}{SUFFIX}"
        info = {"origin": str(origin.resolve()) if origin else None, "pid": os.getpid(),
                "host": socket.gethostname(), "user": user_name(), "since": time.strftime("%Y-%m-%d %H:%M")}
        lock = _Lock.take(copy.with_suffix(".lock"), info)
        return copy, connect(copy), lock

    @classmethod
    def open(cls, path: str | os.PathLike[str], wait: float = 0.0) -> WorkFile:
        """Open the user's `.clientocracy` file (or import a `.json`) into a new working copy, holding the lock
        beside the file until closed. A brief writer (the command line) passes `wait` > 0: it waits that long for
        another writer; FileLocked at once when an app has the file open, or when the wait ends."""
        path = Path(path)
        if path.suffix.lower() == ".json":
            return cls.new(read_workshop(path))
        gated_as = identity(path)
        gated = GatedFile(path)  # refuse a bad file before anything is created (and copy its rows below)
        try:
            file_lock = _lock_if_possible(path, wait, WRITE if wait > 0 else OPEN)
        except BaseException:
            gated.close()
            raise
        try:
            remove_leftovers(path)
            read_as = identity(path)
            copy, conn, lock = cls._fresh(path)
        except BaseException:
            gated.close()
            if file_lock is not None:
                file_lock.release()
            raise
        try:
            if read_as != gated_as or wait > 0:  # another version now, or the gate's time limit ran while waiting
                gated.close()
                gated = GatedFile(path)
            with gated:
                load_rows_into(gated, conn)
            store = SqliteStore(conn)
            store.set_meta("saved_edit_count", str(store.edit_count))
            return cls(copy, conn, path, lock, file_lock, read_as)
        except BaseException:
            gated.close()
            cls._remove(copy, conn, lock)
            if file_lock is not None:
                file_lock.release()
            raise

    @classmethod
    def new(cls, workshop: m.Workshop | None = None, path: Path | None = None) -> WorkFile:
        """A new workshop (empty or the given model), not yet saved anywhere unless `path` is given."""
        copy, conn, lock = cls._fresh(path)
        try:
            new_schema(conn)
            store = SqliteStore(conn)
            store.write_all(Document(workshop or m.Workshop(info=m.WorkshopInfo(title="Новая сессия"))))
            store.set_meta("saved_edit_count", "-1")  # never saved: unsaved until the first save
            work = cls(copy, conn, None, lock)
        except BaseException:
            cls._remove(copy, conn, lock)
            raise
        if path is not None:
            try:
                work.save(path)
            except BaseException:
                work.close()
                raise
        return work

    @classmethod
    def restore(cls, recoverable: Recoverable) -> WorkFile:
        """Take over a working copy left by a crashed instance, with every edit it had committed."""
        info = _read_info(recoverable.working_copy.with_suffix(".lock"))
        lock = _Lock.take(recoverable.working_copy.with_suffix(".lock"),
                          {**info, "pid": os.getpid(), "host": socket.gethostname(), "user": user_name()})
        conn = connect(recoverable.working_copy)
        origin = recoverable.origin
        file_lock = None
        if origin is not None:
            with contextlib.suppress(FileRefused):  # held elsewhere: the save will say so
                file_lock = _lock_if_possible(origin, 0.0, OPEN)
        # the user's file as it is now: the recovered edits were made on it (a save replaces it)
        return cls(recoverable.working_copy, conn, origin, lock, file_lock, None)

    @staticmethod
    def _remove(copy: Path, conn: sqlite3.Connection, lock: _Lock) -> None:
        conn.close()
        lock.release()
        for p in (copy, copy.with_suffix(".lock"), Path(f"{copy}-journal")):
            with contextlib.suppress(OSError):
                p.unlink()

    # -- state
    @property
    def modified(self) -> bool:
        """True when the working copy holds edits the user's file does not have."""
        return str(self.store.edit_count) != (self.store.meta("saved_edit_count") or "")

    @property
    def display_name(self) -> str:
        """The file name for a title bar, or the workshop title when it was never saved."""
        return self.path.name if self.path else (self.document.model.info.title or "Untitled")

    # -- saving
    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the workshop to `path` (default: its own file) by atomic replace; the file is never half-written.

        The lock beside the file is held (FileLocked when another instance or writer holds it); a save to the
        workshop's own file refuses (FileChanged) when that file changed on disk since it was read.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the workshop has no file yet: save it under a name")
        own_file = self.path is not None and _same_file(str(self.path), target)
        file_lock = self._file_lock if own_file else None
        if file_lock is None:
            write_target(target)  # a read-only file or folder is refused with its own message first
            file_lock = FileLock.take(target)
        try:
            expected = self._read_as if own_file else None
            record_save(self.store)  # the saved state gets a revision id: copies find their common ancestor
            with atomic_target(target, suffix=SUFFIX) as tmp:
                out = sqlite3.connect(tmp)
                try:
                    self.conn.backup(out)
                    out.execute("PRAGMA journal_mode = DELETE")
                finally:
                    out.close()
                now = identity(target)
                if expected is not None and now is not None and now != expected:
                    raise FileChanged(target)
        except BaseException:
            if file_lock is not self._file_lock:
                file_lock.release()
            raise
        self._read_as = identity(target)
        self.store.set_meta("saved_edit_count", str(self.store.edit_count))
        if file_lock is not self._file_lock:
            if self._file_lock is not None:
                self._file_lock.release()
            self._file_lock = file_lock
        if not own_file:
            self.path = target
            info = _read_info(self._lock.path)
            info["origin"] = str(target.resolve())
            os.ftruncate(self._lock.fd, 0)
            os.pwrite(self._lock.fd, json.dumps(info, ensure_ascii=False).encode(), 0)

    def close(self) -> None:
        """Close the workshop and remove its working copy (ask the user about unsaved edits before this)."""
        if not self.closed:
            self.closed = True
            self._remove(self.working_copy, self.conn, self._lock)
            if self._file_lock is not None:
                self._file_lock.release()
                self._file_lock = None


def _lock_if_possible(path: Path, wait: float, purpose: str) -> FileLock | None:
    """The lock beside `path`; None where none can be made (a read-only folder: the file cannot be saved there
    either). FileLocked when another instance or writer holds it."""
    try:
        return FileLock.take(path, wait, purpose)
    except FileRefused:
        raise
    except OSError:
        return None


def write_workshop_file(path: str | os.PathLike[str], workshop: m.Workshop, wait: float = 10.0,
                        meta: dict[str, str] | None = None) -> None:
    """Write `workshop` as a new `.clientocracy` file at `path`, atomically (for the command line and scripts),
    under the lock beside it: FileLocked when an app has the file open or another writer holds it past `wait`.
    `meta` rows (the lineage of a shared or merged copy) are written with it."""
    write_target(path)  # a read-only file or folder is refused with its own message before any lock
    with holding(path, wait), atomic_target(path, suffix=SUFFIX) as tmp:
        conn = connect(tmp)
        try:
            new_schema(conn)
            store = SqliteStore(conn)
            store.write_all(Document(workshop))
            store.set_meta("saved_edit_count", "0")
            for key, value in (meta or {}).items():
                store.set_meta(key, value)
        finally:
            conn.close()
