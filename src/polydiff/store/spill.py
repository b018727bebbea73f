"""Rows too many to hold at once, set aside on disk in buckets and read back one bucket at a
time: the candidate pairs of a large corpus's ``lineage build`` (at 100,000 documents,
billions of packed pair rows: several times the memory of everything else it holds).

The files go to a fresh folder in the system's temporary folder (``TMPDIR``), which is
removed when the spill is closed, whatever happened; nothing is written to the repository.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from types import TracebackType

from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, BinaryIO


class Spill:
    """``buckets`` files of int64 rows: :meth:`add` appends rows to the buckets they are
    given, :meth:`take` reads a bucket's rows (in the order added) and removes its file.
    A context manager; closing removes every file."""

    def __init__(self, buckets: int, folder: str | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="polydiff-spill-", dir=folder))
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
