"""The step timing bench in small (bench/lineage_steps.py): on two small committed
repositories of synthetic documents, every step of ``lineage build`` is timed where the build
calls it, the candidates are counted, and the table holds a row per size and the exponents
between them (the figures themselves are the benchmark's business, not the test's)."""

from __future__ import annotations

import math
from pathlib import Path

from bench.lineage_corpus import make_corpus
from bench.lineage_repo import written_repo
from bench.lineage_steps import STEPS, exponent, main, measure, report


def test_steps_of_two_sizes_are_timed_and_their_growth_reported(tmp_path: Path) -> None:
    results = [
        measure(written_repo(make_corpus(n, seed=0), n, tmp_path / str(n))) for n in (30, 60)
    ]
    for m, n in zip(results, (30, 60), strict=True):
        assert m["docs"] == n
        assert set(m["seconds"]) == set(STEPS)
        assert all(s > 0 for s in m["seconds"].values()), m["seconds"]
        assert sum(m["seconds"].values()) < m["total"]
        assert m["candidates"] == m["compared"] + m["skipped"] > 0
        assert (tmp_path / str(n) / f"repo-{n}" / "lineage").is_dir()
    lines = report(results)
    assert len(lines) == 4  # the head, a row per size, the exponents
    assert lines[3].split()[0] == "exponent"
    assert all(not math.isnan(float(x)) for x in lines[3].split()[1:])


def test_exponent_of_a_time_that_grows_as_the_square() -> None:
    assert exponent(2.0, 200.0, 10.0) == 2.0
    assert math.isnan(exponent(0.0, 1.0, 10.0))


def test_a_repository_named_relative_to_where_the_bench_is_run(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    written_repo(make_corpus(20, seed=0), 20, tmp_path)
    monkeypatch.chdir(tmp_path)  # the builds themselves run in the project folder
    assert main(["--repo", "repo-20"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(line.split()[:1] == ["20"] for line in rows), rows
