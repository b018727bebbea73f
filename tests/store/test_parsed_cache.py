"""The parsed-YAML cache: the same data as parsing, never stale, never in the way."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from polydiff.store import yamlio
from polydiff.store.parsed_cache import FOLDER
from polydiff.store.repo import PolicyRepo

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def repo(tmp_path: Path) -> PolicyRepo:
    root = tmp_path / "corpus"
    root.mkdir()
    shutil.copytree(PROJECT / "policies", root / "policies")
    return PolicyRepo(root)


def entries(repo: PolicyRepo) -> list[Path]:
    folder = repo.root.joinpath(".polydiff", *FOLDER)
    return sorted(p for p in folder.rglob("*.json")) if folder.is_dir() else []


def no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: object, name: str) -> object:
        raise AssertionError(f"{name} was parsed")

    monkeypatch.setattr(yamlio, "load", refuse)


def test_a_second_read_is_the_same_data_without_parsing(
    repo: PolicyRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree = repo.load_tree("gf-2025-11", "zh")
    meta = repo.load_meta("gf-2025-11")
    assert len(entries(repo)) == 2
    no_parsing(monkeypatch)
    again = PolicyRepo(repo.root)
    assert again.load_tree("gf-2025-11", "zh") == tree
    assert again.load_meta("gf-2025-11") == meta


def test_every_bundled_file_reads_the_same_through_the_cache(repo: PolicyRepo) -> None:
    for path in sorted((repo.root / "policies").glob("*/*.yaml")):
        raw = path.read_bytes()
        parsed = yamlio.load(raw, path.name)
        assert repo.parsed.load(raw, lambda raw=raw: yamlio.load(raw, "x")) == parsed
        assert PolicyRepo(repo.root).parsed.load(raw, lambda: None) == parsed


def test_a_changed_file_is_read_as_it_is_now(repo: PolicyRepo) -> None:
    repo.load_tree("gf-2025-11", "zh")
    path = repo.root / "policies" / "gf-2025-11" / "zh.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: " in text
    path.write_text(text.replace("title: ", "title: 改动", 1), encoding="utf-8")
    tree = PolicyRepo(repo.root).load_tree("gf-2025-11", "zh")
    assert tree.title.startswith("改动")


def test_a_broken_entry_is_parsed_again(repo: PolicyRepo) -> None:
    tree = repo.load_tree("gf-2025-11", "zh")
    (entry,) = entries(repo)
    entry.write_bytes(b'{"schema_version": "1", "clau')
    assert PolicyRepo(repo.root).load_tree("gf-2025-11", "zh") == tree
    assert PolicyRepo(repo.root).parsed.load(  # and mended on the way
        (repo.root / "policies/gf-2025-11/zh.yaml").read_bytes(), lambda: None
    ) == yamlio.load((repo.root / "policies/gf-2025-11/zh.yaml").read_bytes(), "x")


def test_a_cache_folder_that_cannot_be_made_is_no_error(repo: PolicyRepo) -> None:
    state = repo.root / ".polydiff"
    state.mkdir()
    (state / ".gitignore").write_text("*\n")
    (state / "cache").write_text("a file where the folder would go")
    tree = repo.load_tree("gf-2025-11", "zh")
    assert tree == PolicyRepo(repo.root).load_tree("gf-2025-11", "zh")
    assert (state / "cache").read_text() == "a file where the folder would go"


def test_an_unwritable_cache_folder_is_no_error(repo: PolicyRepo) -> None:
    (repo.root / ".polydiff").write_text("not a folder")  # state dir cannot be made
    tree = repo.load_tree("gf-2025-11", "zh")
    assert tree == PolicyRepo(repo.root).load_tree("gf-2025-11", "zh")


def test_the_cache_stays_out_of_git(repo: PolicyRepo) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    subprocess.run(["git", "init", "-q"], cwd=repo.root, check=True, env=env)
    repo.load_tree("gf-2025-11", "zh")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert entries(repo)
    assert ".polydiff" not in status
