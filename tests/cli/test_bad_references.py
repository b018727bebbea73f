"""Revisions, ids and files that do not exist or do not load: one line on stderr, exit 2
(issue 11, items 7–10 and 13)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.cli.test_review_history import GF, imp, run
from tests.conftest import PROJECT, git


def one_error_line(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(["--repo", str(PROJECT), *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("polydiff: error: "), err
    assert message in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "gf-2025-11@HEAD:nonexist"], "unknown revision 'HEAD:nonexist'"),
        (["show", "gf-2025-11@HEAD:policies"], "names a tree, not a commit"),
        (["diff", "gf-2025-11@HEAD:x", "gf-2025-11"], "unknown revision 'HEAD:x'"),
        (["review", "--base", "HEAD:.."], "unknown revision 'HEAD:..'"),
        (["show", "a" * 300], "not a document id"),
        (["log", "gf-2025-11@nosuchrev"], "unknown revision 'nosuchrev'"),
        (["blame", "gf-2025-11@nosuchrev"], "unknown revision 'nosuchrev'"),
    ],
)
def test_bad_revisions_and_ids(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    one_error_line(capsys, argv, message)


def test_a_300_character_doc_id_on_import(
    corpus_copy: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "x.txt"
    src.write_text(GF, encoding="utf-8")
    assert run(corpus_copy, "import", str(src), "--doc", "a" * 300, "--lang", "zh") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "at most 80 characters" in err


def test_log_and_blame_at_a_revision(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    imp(policy_repo, tmp_path, GF, "gf-2025-11")
    first = git(policy_repo.root, "rev-parse", "HEAD")
    imp(policy_repo, tmp_path, GF.replace("加速科学发现进程", "加快科学发现进程"), "gf-2025-11")
    capsys.readouterr()
    assert run(policy_repo, "log", "gf-2025-11#2.1.1", "--format", "json") == 0
    assert '"change": "reworded"' in capsys.readouterr().out
    assert run(policy_repo, "log", f"gf-2025-11@{first}#2.1.1", "--format", "json") == 0
    out = capsys.readouterr().out
    assert '"change": "imported"' in out and '"reworded"' not in out
    assert run(policy_repo, "blame", f"gf-2025-11@{first}", "--format", "json") == 0
    assert first in capsys.readouterr().out


def test_trace_of_a_broken_document_names_the_load_error(
    corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = corpus_copy.root / "policies/gf-2025-11/zh.yaml"
    zh.write_text(zh.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8")
    assert run(corpus_copy, "trace", "gf-2025-11#2.1.1") == 2
    err = capsys.readouterr().err
    assert "broken YAML" in err and "no clause" not in err


def test_git_diff_of_a_hand_broken_policy_file_shows_its_text(
    corpus_copy: PolicyRepo,
) -> None:
    assert run(corpus_copy, "git", "install", "--no-hook") == 0
    zh = corpus_copy.root / "policies/gf-2025-11/zh.yaml"
    zh.write_text(zh.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8")
    out = subprocess.run(
        ["git", "diff", "--", "policies/gf-2025-11/zh.yaml"],
        cwd=corpus_copy.root,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "+broken: [" in out.stdout
    zh.write_text("", encoding="utf-8")  # emptied by hand
    out = subprocess.run(
        ["git", "diff", "--stat", "--", "policies/gf-2025-11/zh.yaml"],
        cwd=corpus_copy.root,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


@pytest.fixture
def reworded_branch(policy_repo: PolicyRepo, tmp_path: Path) -> PolicyRepo:
    imp(policy_repo, tmp_path, GF, "gf-2025-11")
    git(policy_repo.root, "checkout", "-q", "-b", "feature")
    imp(policy_repo, tmp_path, GF.replace("到2027年", "到2028年"), "gf-2025-11")
    return policy_repo


def test_review_text_keeps_the_wording_markup(
    reworded_branch: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    run(reworded_branch, "review", "--base", "main")
    text = capsys.readouterr().out
    run(reworded_branch, "review", "--base", "main", "--format", "md")
    md = capsys.readouterr().out
    assert "202[-7-]{+8+}年" in text  # piped: git-style word-diff marks
    assert "<del>" not in text and "**" not in text and "`" not in text
    assert "<del>7</del><ins>8</ins>" in md and text != md


def test_review_on_a_terminal_styles_the_wording(reworded_branch: PolicyRepo) -> None:
    from rich.console import Console

    from polydiff.report.review_view import review_text
    from polydiff.service.review import review

    result = review(reworded_branch, "main", "HEAD")
    console = Console(force_terminal=True, color_system="truecolor", width=200)
    with console.capture() as cap:
        console.print(review_text(result, markers=False))
    out = cap.get()
    assert "\x1b[" in out  # styled
    assert "7" in out and "8" in out and "[-7-]" not in out and "<del>" not in out


@pytest.mark.parametrize(
    "argv",
    [["diff"], ["diff", "a", "b", "--bogus"], ["nosuch"], ["lineage", "confirm"], ["--lang"]],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error:" in err and "--help" in err
