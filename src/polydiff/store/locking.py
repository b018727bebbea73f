"""The repository's write lock and its private state folder.

Every write of a policy or lineage file is a read-modify-write under one lock per policy
repository (``filelock``: an ``fcntl`` lock on POSIX, released when the process dies, so a
killed writer never leaves the repository locked). Writers re-read what they change after
taking the lock; two concurrent reviews therefore both land, one after the other. One lock
for the whole repository (not one per file) keeps the rule simple and deadlock-free, and
covers ``git commit``, whose index is shared by every path anyway.

The lock file lives in ``.polydiff/`` at the repository root, a folder that ignores itself
(its ``.gitignore`` says ``*``), so ``git add -A`` never picks it up; caches go there too.
"""

from __future__ import annotations

from _thread import allocate_lock
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from polydiff.errors import StoreError
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from filelock import FileLock

STATE_DIR = ".polydiff"
"""Folder of the repository's private, untracked state (lock, caches)."""
LOCK_TIMEOUT = 120.0
"""Seconds a writer waits for another one before giving up with an error."""


def state_dir(root: Path) -> Path:
    """``root/.polydiff``, created (with its self-ignoring ``.gitignore``) when missing."""
    folder = root / STATE_DIR
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            folder.mkdir(exist_ok=True)
            ignore.write_text("# polydiff's private state (locks, caches): never committed\n*\n")
        except OSError as exc:
            raise StoreError(f"cannot create {folder}: {exc.strerror}") from None
    return folder


class WriteLock:
    """The write lock of one repository; reentrant within a thread."""

    def __init__(self, root: Path, timeout: float = LOCK_TIMEOUT) -> None:
        self.root = root
        self.timeout = timeout
        self._lock: FileLock | None = None
        self._guard = allocate_lock()  # threading.Lock, without importing threading

    def _file_lock(self) -> FileLock:
        with self._guard:
            if self._lock is None:
                from filelock import FileLock

                self._lock = FileLock(state_dir(self.root) / "write.lock", thread_local=True)
            return self._lock

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the block (waiting up to ``timeout`` s)."""
        from filelock import Timeout

        lock = self._file_lock()
        try:
            lock.acquire(timeout=self.timeout)
        except Timeout:
            raise StoreError(
                f"another polydiff process has been writing to {self.root} for "
                f"{self.timeout:.0f} s; nothing was written: try again when it has finished"
            ) from None
        try:
            yield
        finally:
            lock.release()
