"""Caches of arrays under ``.polydiff/cache/`` (a folder git ignores): the corpus index of
``polydiff sources``. Never a source of truth: a cache says which files it was made from
(their size, modification time and git blob id) and is made again when one changed.

A cache is a folder of ``.npy`` files, a ``texts.bin`` and a ``manifest.json``; it is written
into a temporary folder and renamed into place, so a reader sees a whole cache or none, and
an interrupted write leaves nothing a later run would read (its debris is removed by the
next write). The arrays are mapped into memory, not read: a query touches only what it
needs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

from polydiff import jsonio
from polydiff.record import record
from polydiff.store.locking import state_dir
from polydiff.store.repo import POLICIES, PolicyRepo

CACHE = "cache"
MANIFEST = "manifest.json"
TEXTS = "texts.bin"
Stamp = tuple[int, int]
"""(size, modification time in ns) of a file."""
Print = tuple[int, int, str]
"""(size, modification time in ns, git blob id) of a file: what a cache was made from."""


@record
class Cached:
    """A cache as it was saved."""

    meta: dict[str, Any]
    arrays: dict[str, Any]
    """Memory-mapped arrays."""
    texts: Any
    """The text blob, memory-mapped (bytes-like: a slice is ``bytes``)."""


def cache_dir(repo: PolicyRepo, name: str) -> Path:
    return state_dir(repo.root) / CACHE / name


def corpus_stamps(repo: PolicyRepo, languages: tuple[str, ...]) -> dict[str, Stamp]:
    """The stamp of every document's ``meta.yaml`` and clause trees (``<lang>.yaml``), by
    repository-relative path: one scan of ``policies/`` and a ``stat`` per file, no read."""
    names = ("meta.yaml", *(f"{lang}.yaml" for lang in languages))
    out: dict[str, Stamp] = {}
    try:
        folders = sorted(e.name for e in os.scandir(repo.root / POLICIES) if e.is_dir())
    except OSError:
        return out
    base = str(repo.root / POLICIES)
    stat = os.stat
    for folder in folders:
        if folder.startswith("."):
            continue
        for name in names:
            try:
                st = stat(f"{base}/{folder}/{name}")
            except OSError:
                continue
            out[f"{POLICIES}/{folder}/{name}"] = (st.st_size, st.st_mtime_ns)
    return out


def blob_ids(repo: PolicyRepo, rels: list[str]) -> dict[str, str]:
    """The git blob id of each file of ``rels`` that exists (what its content is)."""
    from polydiff.store.blobs import git_blob_id

    out = {}
    for rel in rels:
        with contextlib.suppress(OSError):
            out[rel] = git_blob_id((repo.root / rel).read_bytes())
    return out


def fingerprints(repo: PolicyRepo, stamps: dict[str, Stamp]) -> dict[str, Print]:
    """``stamps`` with each file's blob id: taken before a cache is made, so that a file
    changed while it was being made reads as changed."""
    blobs = blob_ids(repo, list(stamps))
    return {rel: (*stamp, blobs[rel]) for rel, stamp in stamps.items() if rel in blobs}


def load(repo: PolicyRepo, name: str, now: dict[str, Stamp], version: str) -> Cached | None:
    """The cache ``name`` when it was made, at layout ``version``, from exactly the files of
    ``now`` (their stamps as they are); None when it is missing, unreadable or stale. A file
    whose stamp changed makes it stale only when its content did."""
    folder = cache_dir(repo, name)
    try:
        meta = jsonio.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    try:
        if meta["version"] != version or not _same_files(repo, meta["files"], now):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    import numpy as np

    try:
        arrays = {
            key: np.load(folder / f"{key}.npy", mmap_mode="r", allow_pickle=False)
            for key in meta["arrays"]
        }
        texts = _mapped(folder / TEXTS)
    except (OSError, ValueError):
        return None
    return Cached(meta, arrays, texts)


def _same_files(repo: PolicyRepo, recorded: dict[str, Any], now: dict[str, Stamp]) -> bool:
    """Whether the files of ``now`` are those ``recorded`` (``names``, ``sizes``,
    ``mtimes``, ``blobs``: parallel, the blob ids 40 characters each), with the same
    content: a file whose stamp differs is compared by its blob id."""
    names = recorded["names"].split("\n") if recorded["names"] else []
    if names != list(now):
        return False
    stamps = list(zip(recorded["sizes"], recorded["mtimes"], strict=True))
    if stamps == list(now.values()):  # the usual case, compared in one step
        return True
    blobs: str = recorded["blobs"]
    stamped = zip(names, recorded["sizes"], recorded["mtimes"], strict=True)
    changed = {
        rel: blobs[40 * k : 40 * k + 40]
        for k, (rel, size, mtime) in enumerate(stamped)
        if now[rel] != (size, mtime)
    }
    if not changed:
        return True
    current = blob_ids(repo, list(changed))
    return all(current.get(rel) == blob for rel, blob in changed.items())


def _mapped(path: Path) -> Any:
    """The bytes of ``path``, mapped into memory (read as they are sliced)."""
    import mmap

    with path.open("rb") as fh:
        if os.fstat(fh.fileno()).st_size == 0:
            return b""
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def save(
    repo: PolicyRepo,
    name: str,
    made_from: dict[str, Print],
    version: str,
    meta: dict[str, Any],
    arrays: dict[str, Any],
    texts: bytes,
) -> None:
    """Write the cache ``name`` (replacing any), made from the files of ``made_from``
    (:func:`fingerprints` taken before it was made); a failure to write leaves no cache
    rather than a broken one, and is not an error (a cache is optional)."""
    import tempfile

    import numpy as np

    folder = cache_dir(repo, name)
    parent = folder.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_debris(parent, name)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=parent))
    except OSError:
        return
    try:
        for key, array in arrays.items():
            np.save(tmp / f"{key}.npy", np.ascontiguousarray(array), allow_pickle=False)
        (tmp / TEXTS).write_bytes(texts)
        record = {
            "version": version,
            "files": {
                "names": "\n".join(made_from),
                "sizes": [size for size, _, _ in made_from.values()],
                "mtimes": [mtime for _, mtime, _ in made_from.values()],
                "blobs": "".join(blob for _, _, blob in made_from.values()),
            },
            "arrays": sorted(arrays),
            **meta,
        }
        (tmp / MANIFEST).write_bytes(jsonio.compact(record))
        old = parent / f".{name}.old.{os.getpid()}"
        with contextlib.suppress(OSError):
            folder.rename(old)
        os.rename(tmp, folder)
        shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _remove_debris(parent: Path, name: str) -> None:
    """Temporary folders of writes of ``name`` that were interrupted (no process writes them
    now: a writer that is still running made its own, newer one and keeps it)."""
    import time

    for stale in parent.glob(f".{name}.*"):
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > 3600:
                shutil.rmtree(stale, ignore_errors=True)
