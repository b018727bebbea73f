"""The plain data of the repository's YAML files, kept as JSON beside them.

PyYAML builds every scalar in Python: 1.3 ms a clause tree here, 27 s of reading a 10,000-
document corpus, against 0.07 ms for the C JSON decoder. So the data of each YAML file polydiff
reads (dicts, lists and strings, as the base loader gives them) is kept under
``.polydiff/cache/yaml/`` (a folder git ignores), named by a hash of the file's bytes.

A file's entry is found by its content, so it can never be stale: a changed file has
another name, and a revision read from git finds the entry its bytes had on disk. Entries
are written to a temporary file and renamed into place, so a reader sees a whole entry or
none; a broken or unreadable entry is parsed again. When the folder cannot be written (a
read-only checkout), files are parsed every time, as before. Entries of files that have
since changed are not removed; each is about the size of its YAML file, and the folder may
be deleted at any time.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from polydiff import digests, jsonio
from polydiff.errors import StoreError
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

FOLDER = ("cache", "yaml")
_PERSON = b"polydiff-yaml-1"
"""Salt of the hash: a new one when the kept form changes."""


class ParsedCache:
    """Parsed YAML data by content hash, under ``state``/cache/yaml (``state``: the
    repository's ``.polydiff`` folder, made by ``ready`` when first written)."""

    def __init__(self, state: Path, ready: Callable[[], object]) -> None:
        self.folder = state.joinpath(*FOLDER)
        self._ready = ready
        self._writable: bool | None = None

    def load(self, data: bytes, parse: Callable[[], Any]) -> Any:
        """The data of the YAML file whose bytes are ``data``: kept, or ``parse()``d (and
        then kept)."""
        key = digests.blake2b(data, digest_size=16, person=_PERSON).hexdigest()
        path = self.folder / key[:2] / f"{key}.json"
        try:
            return jsonio.loads(path.read_bytes())
        except (OSError, ValueError):
            pass
        value = parse()
        self._keep(path, value)
        return value

    def _keep(self, path: Path, value: Any) -> None:
        if self._writable is None:
            try:
                self._ready()
                self._writable = True
            except (OSError, StoreError):  # no cache is the fallback, never an error
                self._writable = False
        if not self._writable:
            return
        try:
            text = jsonio.compact(value)
        except (TypeError, ValueError, UnicodeEncodeError):
            return  # not plain JSON data (never from the base loader); parsed each time
        import tempfile  # with the first write: a warm cache never loads it

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        except OSError:
            self._writable = False
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(text)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
