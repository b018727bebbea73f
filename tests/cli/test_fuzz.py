"""The bounded CLI fuzz (tests/cli/fuzzing.py) with a fixed seed, about 30 seconds: every
run of import and diff --format json on mutated corpus texts exits 0, 1 or 2 without a
traceback, exit 2 says one line, JSON keeps its contract, and check stays clean."""

from __future__ import annotations

from tests.cli.fuzzing import fuzz

SEED = 12
SECONDS = 30


def test_cli_fuzz_finds_nothing(git_env: None) -> None:
    report = fuzz(SECONDS, SEED, workers=2)
    assert report.runs >= 40
    assert report.failures == []
    assert report.exits.get(2, 0) > 0 and report.exits.get(1, 0) > 0  # it reaches both paths
