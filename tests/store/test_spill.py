"""Rows set aside on disk in buckets, read back a bucket at a time."""

from __future__ import annotations

import numpy as np
import pytest

from polydiff.store.spill import Spill


def test_each_bucket_gives_back_its_rows_in_the_order_added(tmp_path) -> None:
    rng = np.random.default_rng(0)
    batches = [rng.integers(-(2**62), 2**62, 1000) for _ in range(3)]
    with Spill(4, str(tmp_path)) as spill:
        for rows in batches:
            spill.add(rows, rows.astype(np.uint64) % np.uint64(4))
        folder = spill.folder
        got = [spill.take(k) for k in range(4)]
    every = np.concatenate(batches)
    for k in range(4):
        assert np.array_equal(got[k], every[every.astype(np.uint64) % np.uint64(4) == k])
    assert not folder.exists()


def test_an_empty_bucket_reads_as_no_rows(tmp_path) -> None:
    with Spill(3, str(tmp_path)) as spill:
        spill.add(np.array([5, 6], dtype=np.int64), np.array([0, 0]))
        assert spill.take(1).tolist() == []
        assert spill.take(0).tolist() == [5, 6]


def test_the_files_go_when_the_work_fails(tmp_path) -> None:
    with pytest.raises(RuntimeError), Spill(2, str(tmp_path)) as spill:
        spill.add(np.arange(10, dtype=np.int64), np.arange(10) % 2)
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []
