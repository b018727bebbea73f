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
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from polydiff.store.locking import state_dir
from polydiff.store.repo import PolicyRepo

CACHE = "cache"
MANIFEST = "manifest.json"
TEXTS = "texts.bin"
Stamp = tuple[int, int]
"""(size, modification time in ns) of a file."""


@dataclass(frozen=True, slots=True)
class Cached:
    """A cache as it was saved."""

    meta: dict[str, Any]
    arrays: dict[str, Any]
    texts: bytes


def cache_dir(repo: PolicyRepo, name: str) -> Path:
    return state_dir(repo.root) / CACHE / name


def stamps(repo: PolicyRepo, rels: list[str]) -> dict[str, Stamp]:
    """The stamp of each repository-relative file of ``rels`` that exists."""
    out: dict[str, Stamp] = {}
    for rel in rels:
        with contextlib.suppress(OSError):
            st = os.stat(repo.root / rel)
            out[rel] = (st.st_size, st.st_mtime_ns)
    return out


def blob_ids(repo: PolicyRepo, rels: list[str]) -> dict[str, str]:
    """The git blob id of each file of ``rels`` that exists (what its content is)."""
    from polydiff.store.blobs import git_blob_id

    out = {}
    for rel in rels:
        with contextlib.suppress(OSError):
            out[rel] = git_blob_id((repo.root / rel).read_bytes())
    return out


def load(repo: PolicyRepo, name: str, files: list[str], version: int) -> Cached | None:
    """The cache ``name`` when it was made, at layout ``version``, from exactly ``files`` as
    they are now; None when it is missing, unreadable or stale."""
    folder = cache_dir(repo, name)
    try:
        meta = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("version") != version or sorted(meta.get("files", {})) != sorted(files):
        return None
    now = stamps(repo, files)
    recorded = meta["files"]
    changed = [rel for rel in files if list(now.get(rel, ())) != recorded[rel]["stamp"]]
    if changed:  # touched: stale only when the content differs
        blobs = blob_ids(repo, changed)
        if any(blobs.get(rel) != recorded[rel]["blob"] for rel in changed):
            return None
    import numpy as np

    try:
        arrays = {
            key: np.load(folder / f"{key}.npy", mmap_mode="r", allow_pickle=False)
            for key in meta["arrays"]
        }
        texts = (folder / TEXTS).read_bytes()
    except (OSError, ValueError):
        return None
    return Cached(meta, arrays, texts)


def save(
    repo: PolicyRepo,
    name: str,
    files: list[str],
    version: int,
    meta: dict[str, Any],
    arrays: dict[str, Any],
    texts: bytes,
) -> None:
    """Write the cache ``name`` (replacing any), made from ``files``; a failure to write
    leaves no cache rather than a broken one, and is not an error (a cache is optional)."""
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
        now, blobs = stamps(repo, files), blob_ids(repo, files)
        record = {
            "version": version,
            "files": {
                rel: {"stamp": list(now[rel]), "blob": blobs[rel]}
                for rel in files
                if rel in now and rel in blobs
            },
            "arrays": sorted(arrays),
            **meta,
        }
        (tmp / MANIFEST).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
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
