"""Shared fixtures: the bundled corpus, throw-away git repositories with pinned identities."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from polydiff.store.repo import PolicyRepo

PROJECT = Path(__file__).resolve().parents[1]
POLICIES = PROJECT / "policies"


def raw_text(doc: str, lang: str) -> str:
    """The raw text a bundled document was imported from (stored under policies/)."""
    return (POLICIES / doc / "raw" / f"{lang}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus() -> PolicyRepo:
    """The bundled corpus, read-only."""
    return PolicyRepo(PROJECT)


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Pinned author/committer and no user or system git config."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", "Test Reviewer")
        monkeypatch.setenv(f"GIT_{who}_EMAIL", "reviewer@example.org")
        monkeypatch.setenv(f"GIT_{who}_DATE", "2026-01-02T03:04:05+00:00")


def git(root: Path, *args: str) -> str:
    """Run git in ``root`` and return its stdout."""
    out = subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True)
    return out.stdout.strip()


@pytest.fixture
def policy_repo(tmp_path: Path, git_env: None) -> PolicyRepo:
    """An empty policy repository in a fresh git repository (branch main)."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "policies").mkdir()
    (root / "lineage").mkdir()
    return PolicyRepo(root)


@pytest.fixture
def corpus_copy(tmp_path: Path, git_env: None) -> PolicyRepo:
    """A writable git repository holding a copy of the bundled corpus, committed once."""
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(POLICIES, root / "policies")
    (root / "lineage").mkdir()
    if (PROJECT / "lineage").is_dir():
        shutil.copytree(PROJECT / "lineage", root / "lineage", dirs_exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "bundled corpus")
    return PolicyRepo(root)
