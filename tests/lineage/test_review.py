"""Human decisions survive rebuilds and revisions (tested in throw-away git repositories)."""

from __future__ import annotations

from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.lineage import files
from polydiff.lineage.check import check_lineage
from polydiff.model.lineage import Status
from polydiff.store.repo import PolicyRepo
from tests.conftest import git


def run(repo: PolicyRepo, *argv: str) -> int:
    return main(["--repo", str(repo.root), *argv])


def link(repo: PolicyRepo, name: str, a: str, b: str):  # type: ignore[no-untyped-def]
    f = next(f for f in files.load_all(repo) if f.name == name)
    return next((x for x in f.links if x.key == (a, b)), None)


NDRC = "gf-2025-11..ndrc-2025-0826"


def revise_gf(repo: PolicyRepo, tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    raw = (repo.root / "policies/gf-2025-11/raw/zh.txt").read_text(encoding="utf-8")
    src = tmp_path / "gf-rev.zh.txt"
    src.write_text(edit(raw), encoding="utf-8")
    assert run(repo, "import", str(src), "--doc", "gf-2025-11", "--lang", "zh", "--commit") == 0


INSERT = "(六)“人工智能+”全球合作\n\n1.测试新增条款。这是测试用的新条款,位于全球合作部分之首。\n\n"


def test_reviews_survive_rebuild_and_renumbering(
    corpus_copy: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = corpus_copy
    assert (
        run(
            repo,
            "lineage",
            "confirm",
            "gf-2025-11#2.6.1",
            "ndrc-2025-0826#2.4",
            "--note",
            "the public-good passage, verbatim",
            "--commit",
        )
        == 0
    )
    assert run(repo, "lineage", "reject", "gf-2025-11#3.14", "ndrc-2025-0826#2.4", "--commit") == 0
    assert "lineage: confirm" in git(repo.root, "log", "-2", "--format=%s")
    assert run(repo, "lineage", "build", "--force") == 0
    assert link(repo, NDRC, "2.6.1", "2.4").status is Status.CONFIRMED
    assert link(repo, NDRC, "2.6.1", "2.4").note == "the public-good passage, verbatim"
    assert link(repo, NDRC, "3.14", "2.4").status is Status.REJECTED
    assert git(repo.root, "status", "--porcelain") == ""  # a rebuild changes nothing

    # a revision inserts an item at the head of (六): 2.6.1 becomes 2.6.2
    revise_gf(
        repo,
        tmp_path,
        lambda raw: (
            raw.replace("(六)“人工智能+”全球合作\n\n", INSERT, 1)
            .replace("1.推动人工智能普惠共享", "2.推动人工智能普惠共享")
            .replace("2.共建人工智能全球治理体系", "3.共建人工智能全球治理体系")
        ),
    )
    assert (
        PolicyRepo(repo.root).load("gf-2025-11").tree("zh").find("2.6.2").heading
        == "推动人工智能普惠共享"
    )
    assert any(f.what == "stale" for f in check_lineage(repo))
    assert run(repo, "lineage", "check") == 1
    assert run(repo, "lineage", "build") == 0
    moved = link(repo, NDRC, "2.6.2", "2.4")
    assert moved is not None and moved.status is Status.CONFIRMED
    assert moved.note == "the public-good passage, verbatim"
    assert (
        link(repo, NDRC, "2.6.1", "2.4") is None
        or link(repo, NDRC, "2.6.1", "2.4").status is Status.PROPOSED
    )
    assert link(repo, NDRC, "3.14", "2.4").status is Status.REJECTED
    assert check_lineage(repo) == []
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "rebuild after renumbering")

    # a later revision drops the clause: the confirmed link is kept and reported
    revise_gf(
        repo,
        tmp_path,
        lambda raw: (
            raw.replace("(六)“人工智能+”全球合作\n\n", INSERT, 1)
            .replace("1.推动人工智能普惠共享。", "2.删去原条款。仅保留一句占位。\n\n旧文:", 1)
            .replace(
                "把人工智能作为造福人类的国际公共产品,打造平权、互信、多元、共赢的人工智能能力建设开放生态。深化人工智能领域高水平开放,推动人工智能技术开源可及,强化算力、数据、人才等领域国际合作,帮助全球南方国家加强人工智能能力建设,助力各国平等参与智能化发展进程,弥合全球智能鸿沟。",
                "",
            )
            .replace("2.共建人工智能全球治理体系", "3.共建人工智能全球治理体系")
        ),
    )
    capsys.readouterr()
    assert run(repo, "lineage", "build") == 0
    assert "unplaced: " in capsys.readouterr().err
    kept = [x for f in files.load_all(repo) for x in f.links if x.unplaced]
    assert [(x.from_path, x.status) for x in kept] == [("2.6.2", Status.CONFIRMED)]
    findings = check_lineage(repo)
    assert [f.what for f in findings] == ["unplaced"]
    assert run(repo, "lineage", "check") == 1


def test_review_errors_and_manual_links(
    corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = corpus_copy
    assert run(repo, "lineage", "confirm", "gf-2025-11#2.4.2", "ndrc-2025-0826#3.4") == 2
    assert "no link gf-2025-11#2.4.2 → ndrc-2025-0826#3.4" in capsys.readouterr().err
    assert (
        run(
            repo,
            "lineage",
            "confirm",
            "gf-2025-11#2.4.2",
            "ndrc-2025-0826#3.4",
            "--add",
            "--note",
            "AI education restated as the talent agenda",
        )
        == 0
    )
    added = link(repo, NDRC, "2.4.2", "3.4")
    assert added.kind.value == "manual" and added.status is Status.CONFIRMED
    assert run(repo, "lineage", "confirm", "ndrc-2025-0826#2.4", "gf-2025-11#2.6.1") == 2
    assert "give gf-2025-11" in capsys.readouterr().err
    assert run(repo, "lineage", "reject", "gf-2025-11#9.9", "ndrc-2025-0826#2.4") == 2
    assert "no clause 9.9 in gf-2025-11" in capsys.readouterr().err
    assert run(repo, "lineage", "build", "--force") == 0
    assert link(repo, NDRC, "2.4.2", "3.4").status is Status.CONFIRMED


def test_check_reports_dangling_and_missing(corpus_copy: PolicyRepo) -> None:
    repo = corpus_copy
    (repo.root / "lineage" / "gf-2025-11..gmrb-2025-1025.yaml").rename(
        repo.root / "lineage" / "gf-2025-11..gone-1.yaml"
    )
    text = (repo.root / "lineage" / "gf-2025-11..gone-1.yaml").read_text()
    (repo.root / "lineage" / "gf-2025-11..gone-1.yaml").write_text(
        text.replace("to: gmrb-2025-1025", "to: gone-1")
    )
    whats = sorted(f.what for f in check_lineage(repo))
    assert whats == ["dangling", "missing"]
