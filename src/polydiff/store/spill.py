"""Rows too many to hold at once, set aside on disk in buckets and read back one bucket at a
time: the candidate pairs of a large corpus's ``lineage build`` (at 100,000 documents,
billions of packed pair rows: several times the memory of everything else it holds).

The files go to a fresh folder in the system's temporary folder (``TMPDIR``), which is
removed when the spill is closed, whatever happened; nothing is written to the repository.
A process killed outright (SIGKILL, the kernel's out-of-memory killer) closes nothing, so
the folder is named after its machine and process, and a new spill removes the folders of
processes of this machine that are gone (:func:`remove_stale`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, BinaryIO


PREFIX = "polydiff-spill-"


def _machine_prefix() -> str:
    """The name every spill folder made on this machine starts with. The host's dashes
    become underscores, so that host ``a``'s prefix is not the start of host ``a-1``'s."""
    host = os.uname().nodename.replace("-", "_") if hasattr(os, "uname") else "host"
    return f"{PREFIX}{host}-"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` of this machine exists (a PermissionError: another user's)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def remove_stale(folder: str | None = None) -> list[Path]:
    """Remove the spill folders in ``folder`` (default: the system's temporary folder) left
    by processes of this machine that are gone; the removed folders. Only on POSIX (where a
    process can be asked whether it lives without being signalled); folders of other
    machines sharing the folder, or of a process whose number was taken again, stay."""
    if os.name != "posix":
        return []
    where = Path(folder or tempfile.gettempdir())
    mine = _machine_prefix()
    removed = []
    for path in where.glob(f"{mine}*-*"):
        pid = path.name[len(mine) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


class Spill:
    """``buckets`` files of int64 rows: :meth:`add` appends rows to the buckets they are
    given, :meth:`take` reads a bucket's rows (in the order added) and removes its file.
    A context manager; closing removes every file. Opening one first removes what killed
    processes left (:func:`remove_stale`)."""

    def __init__(self, buckets: int, folder: str | None = None) -> None:
        remove_stale(folder)
        self.folder = Path(
            tempfile.mkdtemp(prefix=f"{_machine_prefix()}{os.getpid()}-", dir=folder)
        )
        self.files: list[BinaryIO | None] = []
        try:
            for k in range(buckets):
                self.files.append((self.folder / f"{k}.i64").open("wb"))
        except BaseException:
            self.close()
            raise

    def add(self, rows: Any, bucket: Any) -> None:
        """Append ``rows`` (int64) to their buckets (``bucket``: one index per row)."""
        import numpy as np

        order = np.argsort(bucket, kind="stable")
        ends = np.cumsum(np.bincount(bucket, minlength=len(self.files)))
        start = 0
        for k, end in enumerate(ends.tolist()):
            if end > start:
                fh = self.files[k]
                assert fh is not None, f"bucket {k} was taken"
                np.ascontiguousarray(rows[order[start:end]], dtype=np.int64).tofile(fh)
            start = end

    def take(self, k: int) -> Any:
        """Bucket ``k``'s rows, in the order added; its file is removed."""
        import numpy as np

        fh = self.files[k]
        assert fh is not None, f"bucket {k} was taken"
        fh.close()
        self.files[k] = None
        path = self.folder / f"{k}.i64"
        rows = np.fromfile(path, dtype=np.int64)
        path.unlink()
        return rows

    def close(self) -> None:
        for fh in self.files:
            if fh is not None:
                fh.close()
        self.files = [None] * len(self.files)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Spill:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
