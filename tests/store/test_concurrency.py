"""Concurrent writers never lose each other's work; interrupted writes leave the repository
exactly as before or exactly as after, with nothing half-written or left behind."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polydiff.lineage import files
from polydiff.model.lineage import Status
from polydiff.store.atomic import write_files
from polydiff.store.repo import PolicyRepo
from tests.conftest import git, raw_text

PAIR = ("gf-2025-11", "ndrc-2025-0826")


def polydiff(repo: PolicyRepo, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "polydiff", "--repo", str(repo.root), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def decisions(repo: PolicyRepo) -> dict[tuple[str, str], Status]:
    f = files.load(repo, *PAIR)
    assert f is not None
    return {x.key: x.status for x in f.links}


@pytest.mark.parametrize("commit", [False, True], ids=["worktree", "commit"])
def test_eight_concurrent_reviews_all_land(corpus_copy: PolicyRepo, commit: bool) -> None:
    f = files.load(corpus_copy, *PAIR)
    assert f is not None and len(f.links) >= 8
    chosen = [x.key for x in f.links[:8]]
    verbs = ["confirm" if k % 2 else "reject" for k in range(8)]
    procs = [
        polydiff(
            corpus_copy,
            "lineage",
            verb,
            f"{PAIR[0]}#{a}",
            f"{PAIR[1]}#{b}",
            "--note",
            f"reviewer {k}",
            *(["--commit"] if commit else []),
        )
        for k, (verb, (a, b)) in enumerate(zip(verbs, chosen, strict=True))
    ]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    assert [rc for rc, _ in results] == [0] * 8, results
    after = decisions(corpus_copy)
    for verb, key in zip(verbs, chosen, strict=True):
        assert after[key] is (Status.CONFIRMED if verb == "confirm" else Status.REJECTED)
    notes = {x.note for x in files.load(corpus_copy, *PAIR).links}  # type: ignore[union-attr]
    assert {f"reviewer {k}" for k in range(8)} <= notes
    if commit:
        assert git(corpus_copy.root, "status", "--porcelain", "--", "lineage") == ""
        log = git(corpus_copy.root, "log", "--format=%s", "-8")
        assert len(log.splitlines()) == 8 and all(
            s.startswith("lineage: ") for s in log.split("\n")
        )


def snapshot(root: Path) -> dict[str, bytes]:
    """Tracked and untracked files outside git's and polydiff's private folders."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and ".polydiff" not in p.parts
    }


def interrupt_at_random(repo: PolicyRepo, argv: list[str], seconds: float, seed: int) -> int:
    proc = polydiff(repo, *argv)
    time.sleep(random.Random(seed).uniform(0.0, seconds))
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=120)
    return proc.returncode


def assert_clean(repo: PolicyRepo, lineage: bool = True) -> None:
    assert repo.leftover_temp_files() == []
    for argv in (["check"], ["lineage", "check"])[: 2 if lineage else 1]:
        out = subprocess.run(
            [sys.executable, "-m", "polydiff", "--repo", str(repo.root), *argv],
            capture_output=True,
            text=True,
        )
        assert out.returncode == 0, out.stdout + out.stderr


def test_interrupted_lineage_build_is_before_or_after(corpus_copy: PolicyRepo) -> None:
    root = corpus_copy.root
    (root / "lineage" / f"{PAIR[0]}..{PAIR[1]}.yaml").unlink()
    git(root, "commit", "-qam", "lose one lineage file")
    before = snapshot(root)
    done = subprocess.run(
        [sys.executable, "-m", "polydiff", "--repo", str(root), "lineage", "build", "--force"],
        capture_output=True,
        check=True,
    )
    assert done.returncode == 0
    after = snapshot(root)
    assert after != before
    seen = set()
    for seed in range(10):
        git(root, "checkout", "-q", "--", ".")
        git(root, "clean", "-qfd", "--", "lineage")
        assert snapshot(root) == before
        rc = interrupt_at_random(corpus_copy, ["lineage", "build", "--force"], 0.8, seed)
        state = snapshot(root)
        assert state in (before, after), f"seed {seed}: half-written lineage (exit {rc})"
        seen.add("after" if state == after else "before")
        assert corpus_copy.leftover_temp_files() == []
        if state == after:
            assert_clean(corpus_copy)
    print(f"interrupted builds ended {sorted(seen)}")


def test_interrupted_import_is_before_or_after(policy_repo: PolicyRepo, tmp_path: Path) -> None:
    src = tmp_path / "opinions.zh.txt"
    src.write_text(raw_text("gf-2025-11", "zh"), encoding="utf-8")
    argv = ["import", str(src), "--doc", "gf-2025-11", "--lang", "zh"]
    policies = policy_repo.root / "policies"
    before = snapshot(policy_repo.root)
    assert polydiff(policy_repo, *argv).wait(timeout=120) == 0
    after = snapshot(policy_repo.root)
    for seed in range(8):
        shutil.rmtree(policies)
        policies.mkdir()
        rc = interrupt_at_random(policy_repo, argv, 0.6, seed)
        state = snapshot(policy_repo.root)
        assert state in (before, after), f"seed {seed}: half-written document (exit {rc})"
        assert policy_repo.leftover_temp_files() == []
        if state == after:
            assert_clean(policy_repo, lineage=False)  # a new document: lineage is to build


def test_sigint_during_the_write_is_held_until_the_files_are_in_place(tmp_path: Path) -> None:
    """The signal arrives while the files are being written: all are written, then the
    interrupt is delivered; no temporary file remains."""
    targets = {tmp_path / f"f{k}.yaml": b"x" * 10 for k in range(5)}
    (tmp_path / "f0.yaml").write_bytes(b"old")

    def interrupt_now() -> None:
        # to this thread: os.kill() may hand the signal to another thread of the test
        # process (left by an earlier test), whose handler then runs after the block
        signal.raise_signal(signal.SIGINT)

    class Interrupting(dict[Path, bytes]):
        def items(self):  # type: ignore[no-untyped-def, override]
            for k, (path, data) in enumerate(super().items()):
                if k == 2:
                    interrupt_now()
                yield path, data

    # Python's own handler, whatever the test process inherited: a process started in the
    # background by a non-interactive shell ignores SIGINT, and then nothing is raised
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_files(Interrupting(targets))
    finally:
        signal.signal(signal.SIGINT, previous)
    assert all(p.read_bytes() == b"x" * 10 for p in targets)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_failed_write_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(b"old")
    blocked = tmp_path / "file"
    blocked.write_bytes(b"")  # a file where a folder is needed
    with pytest.raises(Exception, match="cannot write"):
        write_files({tmp_path / "a.yaml": b"new", blocked / "b.yaml": b"new"})
    assert (tmp_path / "a.yaml").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml", "file"]


def test_check_reports_debris_and_a_rebuild_removes_it(corpus_copy: PolicyRepo) -> None:
    debris = corpus_copy.root / "lineage" / f".{PAIR[0]}..{PAIR[1]}.yaml.k3j2h1.tmp"
    debris.write_bytes(b"")
    other = corpus_copy.root / "policies" / "gf-2025-11" / ".zh.yaml.abc123.tmp"
    other.write_bytes(b"half")
    check = subprocess.run(
        [sys.executable, "-m", "polydiff", "--repo", str(corpus_copy.root), "check"],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "interrupted write" in check.stdout
    assert "policies/gf-2025-11/.zh.yaml.abc123.tmp" in check.stdout
    lineage = subprocess.run(
        [sys.executable, "-m", "polydiff", "--repo", str(corpus_copy.root), "lineage", "check"],
        capture_output=True,
        text=True,
    )
    assert lineage.returncode == 1 and "debris" in lineage.stdout
    assert polydiff(corpus_copy, "lineage", "build").wait(timeout=120) == 0
    assert not debris.exists()
    assert other.exists()  # a policy file's debris is for a person to look at
