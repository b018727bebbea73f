"""``lineage build`` on a local Dask cluster writes the files the in-process build writes,
byte for byte, on a few hundred synthetic documents (discovery and declared relations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bench.lineage_corpus import make_corpus
from bench.sources_scale import write_repo

from polydiff.cli import main
from polydiff.model import Relation, RelationType
from polydiff.service.lineage import build
from polydiff.store.repo import PolicyRepo

pytest.importorskip("distributed")

N_DOCS = 300


def relations(k: int) -> tuple[Relation, ...]:
    """Every seventh synthetic document says it implements gf-2025-11 (the rest are left to
    discovery); one succeeds its predecessor."""
    if k == 40:
        return (Relation(RelationType.SUCCEEDS, "syn-00039"),)
    if k and k % 7 == 0:
        return (Relation(RelationType.IMPLEMENTS, "gf-2025-11"),)
    return ()


def files_of(repo: PolicyRepo) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((repo.root / "lineage").iterdir())}


def test_a_two_worker_cluster_writes_the_same_files(tmp_path: Path) -> None:
    corpus = make_corpus(N_DOCS, seed=3)
    here = write_repo(corpus, N_DOCS, tmp_path / "in-process", relations)
    shutil.copytree(here.root, tmp_path / "cluster")
    there = PolicyRepo(tmp_path / "cluster")
    build(here, force=True)
    build(there, force=True, workers=2)
    expected = files_of(here)
    assert len(expected) > 100  # discovery found reuse across the corpus
    kinds = b"".join(expected.values())
    assert b"relation: implements" in kinds and b"relation: discovered" in kinds
    assert files_of(there) == expected
    # a rebuild of one document: the same on the cluster as in process
    build(here, only=["syn-00100"], force=True)
    again = build(there, only=["syn-00100"], force=True, workers=2)
    assert again.stale_docs == ["syn-00100"]
    assert files_of(there) == files_of(here)


def test_the_bundled_corpus_on_a_cluster(corpus_copy: PolicyRepo) -> None:
    lineage = corpus_copy.root / "lineage"
    committed = files_of(corpus_copy)
    for p in lineage.iterdir():
        p.unlink()
    build(corpus_copy, workers=2)
    assert files_of(corpus_copy) == committed


def test_bad_cluster_options_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = make_corpus(5, seed=1)
    repo = write_repo(corpus, 5, tmp_path / "repo")
    argv = ["--repo", str(repo.root), "lineage", "build"]
    assert main([*argv, "--workers", "0"]) == 2
    assert "--workers must be 1 or more" in capsys.readouterr().err
    assert main([*argv, "--scheduler", "tcp://127.0.0.1:1"]) == 2
    err = capsys.readouterr().err
    assert "no Dask scheduler at tcp://127.0.0.1:1" in err and len(err.strip().splitlines()) == 1


def test_a_worker_that_dies_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    import os
    import signal
    import threading
    import time

    import dask
    from distributed import Client, LocalCluster

    from polydiff.errors import ClusterError

    corpus = make_corpus(N_DOCS, seed=3)
    repo = write_repo(corpus, N_DOCS, tmp_path / "repo")
    before = files_of(repo)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        outcome: list[BaseException | None] = []

        def run() -> None:
            try:
                build(repo, force=True, scheduler=cluster.scheduler_address)
                outcome.append(None)
            except BaseException as exc:  # the build's error, checked below
                outcome.append(exc)

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any(client.processing().values()):
            time.sleep(0.05)
        pid = next(iter(client.run(os.getpid).values()))
        os.kill(pid, signal.SIGKILL)
        thread.join(120)
    assert outcome and isinstance(outcome[0], ClusterError)
    assert "nothing written" in str(outcome[0])
    assert files_of(repo) == before
