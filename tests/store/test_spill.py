"""Rows set aside on disk in buckets, read back a bucket at a time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from polydiff.store import spill as spill_module
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


def _dead_pid() -> int:
    """The number of a process that has ended (reaped)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def test_a_new_spill_removes_what_a_killed_build_left(tmp_path) -> None:
    code = (
        "import os, sys, numpy as np\n"
        "from polydiff.store.spill import Spill\n"
        "s = Spill(2, sys.argv[1])\n"
        "s.add(np.arange(1000, dtype=np.int64), np.arange(1000) % 2)\n"
        "s.files[0].flush(); s.files[1].flush()\n"
        "print(s.folder, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    killed = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert killed.returncode == -signal.SIGKILL
    left = Path(killed.stdout.strip())
    assert left.is_dir() and sorted(p.name for p in left.iterdir()) == ["0.i64", "1.i64"]
    with Spill(1, str(tmp_path)) as spill:
        assert not left.exists()
        assert [p.name for p in tmp_path.iterdir()] == [spill.folder.name]
    assert list(tmp_path.iterdir()) == []


def test_only_folders_of_gone_processes_of_this_machine_are_removed(tmp_path) -> None:
    mine = spill_module._machine_prefix()
    gone = tmp_path / f"{mine}{_dead_pid()}-abc"
    living = tmp_path / f"{mine}{os.getppid()}-abc"
    elsewhere = tmp_path / f"{spill_module.PREFIX}other_host-{_dead_pid()}-abc"
    unrelated = tmp_path / "polydiff-spill-abc"  # an older build's name: no owner to ask
    for folder in (gone, living, elsewhere, unrelated):
        folder.mkdir()
        (folder / "0.i64").write_bytes(b"\0" * 8)
    assert spill_module.remove_stale(str(tmp_path)) == [gone]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (living, elsewhere, unrelated)
    )
