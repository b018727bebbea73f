"""``polydiff sources`` as a user runs it: a file, standard input, ``--text``, the formats,
exit codes, bad input in one line, and nothing written to the repository."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.conftest import POLICIES
from tests.sources.test_sources import UNRELATED, stitched


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> PolicyRepo:
    root = tmp_path_factory.mktemp("sources-cli") / "corpus"
    root.mkdir()
    shutil.copytree(POLICIES, root / "policies")
    return PolicyRepo(root)


def run(repo: PolicyRepo, *argv: str) -> int:
    return main(["--repo", str(repo.root), "sources", *argv])


def test_a_file_in_every_format(
    repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(stitched(repo)[0], encoding="utf-8")
    assert run(repo, str(plan)) == 0
    out = capsys.readouterr().out
    assert "plan.txt (zh)" in out and "passage(s) reuse the corpus" in out
    assert "← gf-2025-11#2.6.1  quoted" in out and "en: Promote the inclusive sharing of AI" in out
    assert not any(line.endswith(" ") for line in out.splitlines())
    assert run(repo, str(plan), "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["with_sources"] >= 3 and data["documents"][0]["doc"] == "gf-2025-11"
    first = data["passages"][0]
    assert first["sources"][0]["doc"] == "gf-2025-11" and first["sources"][0]["spans"]
    assert run(repo, str(plan), "--format", "md") == 0
    md = capsys.readouterr().out
    assert "<mark>" in md and "`gf-2025-11#2.1.3`" in md
    assert run(repo, str(plan), "--format", "html") == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")


def test_standard_input_and_text(
    repo: PolicyRepo, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = stitched(repo)[0]

    class Stdin:
        buffer = io.BytesIO(text.encode())

    monkeypatch.setattr("sys.stdin", Stdin)
    assert run(repo, "-", "--format", "json", "--top", "1") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "<stdin>" and all(len(p["sources"]) == 1 for p in data["passages"])
    assert run(repo, "--text", UNRELATED) == 1  # nothing found, like grep
    assert "0 of 1 passage(s)" in capsys.readouterr().out


def test_min_score_and_exclude(repo: PolicyRepo, capsys: pytest.CaptureFixture[str]) -> None:
    text = stitched(repo)[0]
    assert run(repo, "--text", text, "--format", "json") == 0
    every = json.loads(capsys.readouterr().out)
    assert run(repo, "--text", text, "--format", "json", "--min-score", "0.3") == 0
    strong = json.loads(capsys.readouterr().out)
    scores = [m["score"] for p in strong["passages"] for m in p["sources"]]
    assert scores and min(scores) >= 0.3
    assert sum(len(p["sources"]) for p in strong["passages"]) < sum(
        len(p["sources"]) for p in every["passages"]
    )
    assert run(repo, "--text", text, "--format", "json", "--exclude", "gf-2025-11") == 0
    docs = {m["doc"] for p in json.loads(capsys.readouterr().out)["passages"] for m in p["sources"]}
    assert docs == {"ndrc-2025-0826"}  # only the copies are left


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "give one of FILE"),
        (("x.txt", "--text", "y"), "give one of FILE"),
        (("missing.txt",), "missing.txt: no such file"),
        (("--text", "   "), "no text"),
        (("--text", "x", "--min-score", "2"), "--min-score must be between 0 and 1"),
        (("--text", "x", "--exclude", "nope"), "unknown document"),
        (("--text", "x", "--top", "0"), "--top must be 1 or more"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    repo: PolicyRepo, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], message: str
) -> None:
    assert run(repo, *argv) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_nothing_is_written_to_the_repository(corpus_copy: PolicyRepo) -> None:
    assert run(corpus_copy, "--text", stitched(corpus_copy)[0]) == 0
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=corpus_copy.root, capture_output=True
    )
    assert status.stdout == b""
