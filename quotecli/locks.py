"""Locks held on an index file for a whole run, beside SQLite's own.

SQLite locks a database for one transaction at a time, which keeps every
batch whole but cannot stop a ``--rebuild`` from swapping in a new index while
another ``index`` run is half-way through its input: that run's committed
batches would vanish from the index it reports them in. So every ``index``
run holds a shared lock on the file for as long as it runs, and a rebuild
holds an exclusive one: index runs share the file with each other, and a
rebuild waits for them (and they for it).

These are ``flock`` locks, which Linux and the BSDs keep apart from the POSIX
record locks SQLite uses, on the file itself rather than on a lock file, so
nothing is left behind beside the index. A process that dies loses its lock.
On systems without ``flock`` the locks do nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on a POSIX system
    fcntl = None  # type: ignore[assignment]

from quotecli.errors import DatabaseError


def _open(path: Path) -> int:
    try:
        # The default index's folder is made on first use, as the store would.
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created here, before SQLite opens it, so that a first run is locked
        # from its first moment: SQLite takes an empty file for an empty database.
        return os.open(path, os.O_RDONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    except IsADirectoryError as exc:
        raise DatabaseError(f"{path}: is a directory, not a database file") from exc
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be opened ({exc.strerror or exc})") from exc


@contextmanager
def index_lock(
    path: str | Path, *, exclusive: bool, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold a shared (or, for a rebuild, exclusive) run lock on ``path`` inside the block.

    When another run holds a conflicting lock, ``on_wait`` is called once and
    the block waits for it; Ctrl-C interrupts the wait.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    created = not path.exists()
    fd = _open(path)
    try:
        if fcntl is not None:
            mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                fcntl.flock(fd, mode)
        yield
    except BaseException:
        # A run that failed before writing anything leaves no empty file behind.
        if created and os.path.exists(path) and os.path.getsize(path) == 0:
            os.unlink(path)
        raise
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


@contextmanager
def idle(path: str | Path) -> Iterator[bool]:
    """Yield True, holding the exclusive lock, when no index run is using ``path``.

    Yields False at once when one is: a reader must not fill an index that is
    being written for the first time.
    """
    path = Path(path).expanduser()
    if fcntl is None or path.is_dir():
        yield True
        return
    fd = _open(path)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
