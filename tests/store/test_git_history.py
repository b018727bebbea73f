"""Reading documents at git revisions without a checkout; listing revisions; --commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from polydiff.errors import RevisionError, StoreError, UnknownDocumentError
from polydiff.service.importing import ImportOptions
from polydiff.service.importing import import_document as import_file
from polydiff.store.repo import PolicyRepo
from tests.conftest import git

V1 = "测试意见\n一、总体要求\n加快发展。\n二、重点任务\n（一）第一任务。推进落实。\n"
V2 = "测试意见\n一、总体要求\n加速发展。\n二、重点任务\n（一）第一任务。推进落实。\n（二）第二任务。加强保障。\n"
V3 = "测试意见\n一、总体要求\n加速发展。\n二、重点任务\n（一）新的第一任务。推进落实。\n（二）第一任务。推进落实。\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def three_revisions(policy_repo: PolicyRepo, tmp_path: Path) -> PolicyRepo:
    for i, text in enumerate((V1, V2, V3), 1):
        import_file(
            policy_repo,
            write(tmp_path, f"v{i}.txt", text),
            ImportOptions(doc="t-1", lang="zh", commit=True),
        )
    git(policy_repo.root, "tag", "v1", "HEAD~2")
    return policy_repo


def test_read_any_revision_without_checkout(three_revisions: PolicyRepo) -> None:
    repo = three_revisions
    head = repo.load("t-1")
    assert head.tree("zh").find("2.1").heading == "新的第一任务"
    assert repo.load("t-1@HEAD").tree("zh") == head.tree("zh")
    old = repo.load("t-1@HEAD~2")
    assert old.rev == "HEAD~2"
    assert old.tree("zh").paths() == ["1", "1.p1", "2", "2.1"]
    assert repo.load("t-1@v1").tree("zh") == old.tree("zh")
    sha = git(repo.root, "rev-parse", "HEAD~1")
    assert repo.load(f"t-1@{sha[:8]}").tree("zh").find("2.2").heading == "第二任务"
    # the working tree was not touched
    assert git(repo.root, "status", "--porcelain") == ""


def test_revisions_are_listed_newest_first(three_revisions: PolicyRepo) -> None:
    revs = three_revisions.history.revisions("policies/t-1")
    assert len(revs) == 3
    assert [r.message for r in revs] == [
        "import t-1 (zh) from v3.txt",
        "import t-1 (zh) from v2.txt",
        "import t-1 (zh) from v1.txt",
    ]
    assert revs[0].author == "Test Reviewer"
    assert revs[0].date.startswith("2026-01-02T03:04:05")


def test_unknown_revision_and_document(three_revisions: PolicyRepo) -> None:
    with pytest.raises(RevisionError, match="unknown revision 'nope'"):
        three_revisions.load("t-1@nope")
    with pytest.raises(RevisionError, match="unknown revision 'HEAD~9'"):
        three_revisions.load("t-1@HEAD~9")
    with pytest.raises(UnknownDocumentError, match="unknown document 'zz' .documents: t-1."):
        three_revisions.load("zz")


def test_document_absent_at_an_older_revision(three_revisions: PolicyRepo, tmp_path: Path) -> None:
    import_file(
        three_revisions,
        write(tmp_path, "o.txt", V1),
        ImportOptions(doc="other", lang="zh", commit=True),
    )
    with pytest.raises(UnknownDocumentError, match="unknown document 'other' at HEAD~1"):
        three_revisions.load("other@HEAD~1")


def test_policy_repository_in_a_subfolder_of_the_git_repository(
    tmp_path: Path, git_env: None
) -> None:
    top = tmp_path / "top"
    (top / "corpus" / "policies").mkdir(parents=True)
    git(top, "init", "-q", "-b", "main")
    repo = PolicyRepo(top / "corpus")
    import_file(
        repo, write(tmp_path, "a.txt", V1), ImportOptions(doc="t-1", lang="zh", commit=True)
    )
    assert git(top, "ls-files").splitlines()[0].startswith("corpus/policies/t-1/")
    assert repo.load("t-1@HEAD").tree("zh").find("1.p1").text == "加快发展。"


def test_commit_outside_git_fails_before_writing(tmp_path: Path) -> None:
    root = tmp_path / "nogit"
    (root / "policies").mkdir(parents=True)
    repo = PolicyRepo(root)
    with pytest.raises(StoreError, match="not inside a git repository"):
        import_file(
            repo, write(tmp_path, "a.txt", V1), ImportOptions(doc="t-1", lang="zh", commit=True)
        )
    assert not (root / "policies" / "t-1").exists()


def test_commit_leaves_other_staged_changes_alone(policy_repo: PolicyRepo, tmp_path: Path) -> None:
    (policy_repo.root / "notes.txt").write_text("x")
    git(policy_repo.root, "add", "notes.txt")
    import_file(
        policy_repo, write(tmp_path, "a.txt", V1), ImportOptions(doc="t-1", lang="zh", commit=True)
    )
    assert "notes.txt" not in git(policy_repo.root, "show", "--name-only", "--format=", "HEAD")
    assert git(policy_repo.root, "diff", "--cached", "--name-only") == "notes.txt"
