"""The corpus index's packed strings: each string back as it went in, from arrays or a map."""

from __future__ import annotations

import mmap
from pathlib import Path

import numpy as np
import pytest

from polydiff.lineage.corpus_index import PackedStrings

STRINGS = ["pre", "1", "2.1.p3", "", "第十条", "sch1.2", "end"]


def test_packed_strings_give_back_each_string() -> None:
    packed = PackedStrings.of(STRINGS)
    assert len(packed) == len(STRINGS)
    assert list(packed) == STRINGS
    assert packed[-1] == "end" and packed[4] == "第十条"
    for cut in (slice(1, 4), slice(None), slice(3, 3), slice(None, None, -1), slice(1, None, 2)):
        assert packed[cut] == STRINGS[cut]
    with pytest.raises(IndexError):
        packed[len(STRINGS)]
    assert list(PackedStrings.of([])) == []


def test_packed_strings_read_from_a_saved_array_and_a_memory_map(tmp_path: Path) -> None:
    packed = PackedStrings.of(STRINGS)
    np.save(tmp_path / "blob.npy", packed.blob)
    np.save(tmp_path / "ends.npy", packed.ends)
    blob = np.load(tmp_path / "blob.npy", mmap_mode="r")
    ends = np.load(tmp_path / "ends.npy", mmap_mode="r")
    assert list(PackedStrings(blob, ends)) == STRINGS
    raw = tmp_path / "raw.bin"
    raw.write_bytes(bytes(packed.blob))
    with raw.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        assert list(PackedStrings(mapped, ends)) == STRINGS
