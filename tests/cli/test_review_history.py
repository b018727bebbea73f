"""``review``, ``log``, ``blame`` and ``git install`` in throw-away repositories."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.conftest import POLICIES, git

GF = (POLICIES / "gf-2025-11" / "raw" / "zh.txt").read_text(encoding="utf-8")
NDRC = (POLICIES / "ndrc-2025-0826" / "raw" / "zh.txt").read_text(encoding="utf-8")
INSERT = "(六)“人工智能+”全球合作\n\n1.测试新增条款。这是测试用的新条款,位于全球合作部分之首。\n\n"


def run(repo: PolicyRepo, *argv: str) -> int:
    return main(["--repo", str(repo.root), *argv])


def imp(repo: PolicyRepo, tmp: Path, text: str, doc: str, *extra: str) -> None:
    src = tmp / f"{doc}.txt"
    src.write_text(text, encoding="utf-8")
    assert run(repo, "import", str(src), "--doc", doc, "--lang", "zh", "--commit", *extra) == 0


def renumbered(text: str) -> str:
    return (
        text.replace("(六)“人工智能+”全球合作\n\n", INSERT, 1)
        .replace("1.推动人工智能普惠共享", "2.推动人工智能普惠共享")
        .replace("2.共建人工智能全球治理体系", "3.共建人工智能全球治理体系")
    )


@pytest.fixture
def history_repo(policy_repo: PolicyRepo, tmp_path: Path) -> PolicyRepo:
    """main: gf-2025-11, ndrc (interprets gf), lineage built and one link confirmed."""
    repo = policy_repo
    imp(repo, tmp_path, GF, "gf-2025-11", "--date", "2025-08-21")
    imp(
        repo,
        tmp_path,
        NDRC,
        "ndrc-2025-0826",
        "--date",
        "2025-08-26",
        "--relation",
        "interprets:gf-2025-11",
    )
    assert run(repo, "lineage", "build", "--commit") == 0
    assert (
        run(repo, "lineage", "confirm", "gf-2025-11#2.6.1", "ndrc-2025-0826#2.4", "--commit") == 0
    )
    return repo


def test_review_of_a_branch(
    history_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = history_repo
    git(repo.root, "checkout", "-q", "-b", "feature")
    imp(
        repo, tmp_path, renumbered(GF).replace("加速科学发现进程", "加快科学发现进程"), "gf-2025-11"
    )
    imp(
        repo,
        tmp_path,
        "新的文件\n一、总则\n1)未识别的编号。\n正文内容。\n",
        "new-doc",
        "--relation",
        "cites:gf-2025-11",
    )
    git(repo.root, "rm", "-rq", "policies/ndrc-2025-0826")
    git(repo.root, "commit", "-qm", "remove ndrc")
    capsys.readouterr()
    assert run(repo, "review", "--format", "json") == 1  # default range: merge base with main
    data = json.loads(capsys.readouterr().out)
    status = {d["doc"]: d["status"] for d in data["documents"]}
    assert status == {"gf-2025-11": "changed", "new-doc": "added", "ndrc-2025-0826": "removed"}
    gf = next(d for d in data["documents"] if d["doc"] == "gf-2025-11")
    links = gf["diffs"]["zh"]["links"]
    assert any(x["a"] == ["2.6.1"] and x["b"] == ["2.6.2"] and x["renumbered"] for x in links)
    assert any(x["a"] == ["2.1.1"] and x["kind"] == "reworded" for x in links)
    assert any(x["kind"] == "new" and x["b"] == ["2.6.1"] for x in links)
    new = next(d for d in data["documents"] if d["doc"] == "new-doc")
    assert new["parse_warnings"] and "unrecognised numbering" in new["parse_warnings"][0]
    findings = " ".join(data["findings"])
    assert "new-doc: 1 part(s) of the text were not recognised" in findings
    assert "ndrc-2025-0826: removed, " in findings and "now dangle" in findings
    assert any(
        "declares 'cites gf-2025-11' but no clause shows textual reuse" in w
        for w in data["warnings"]
    )


def test_review_reports_who_confirmed(
    history_repo: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    first = git(history_repo.root, "rev-list", "--max-parents=0", "HEAD")
    assert run(history_repo, "review", "--base", first, "--head", "HEAD", "--format", "md") == 0
    out = capsys.readouterr().out
    assert (
        "`gf-2025-11..ndrc-2025-0826` `2.6.1` → `2.4`: proposed → **confirmed** by Test Reviewer"
        in out
    )
    assert "added: `ndrc-2025-0826`" in out


def test_review_staged_and_no_changes(
    history_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = history_repo
    assert run(repo, "review", "--base", "HEAD", "--head", "HEAD") == 0
    assert "No policy documents or lineage changed" in capsys.readouterr().out
    assert run(repo, "review", "--staged") == 0
    capsys.readouterr()
    zh = repo.root / "policies/gf-2025-11/zh.yaml"
    zh.write_text(
        zh.read_text(encoding="utf-8").replace("加速科学发现进程", "加快科学发现进程"),
        encoding="utf-8",
    )
    git(repo.root, "add", "policies")
    assert run(repo, "review", "--staged", "--format", "json") == 1  # the lineage is now stale
    data = json.loads(capsys.readouterr().out)
    assert [d["status"] for d in data["documents"]] == ["changed"]
    assert any("stale" in f for f in data["findings"])


def test_review_of_a_merge_and_a_broken_file(
    history_repo: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = history_repo
    base = git(repo.root, "rev-parse", "HEAD")
    git(repo.root, "checkout", "-q", "-b", "side")
    (repo.root / "policies/ndrc-2025-0826/zh.yaml").write_text(
        "clauses: [broken\n", encoding="utf-8"
    )
    git(repo.root, "commit", "-qam", "hand edit gone wrong")
    git(repo.root, "checkout", "-q", "main")
    git(repo.root, "merge", "-q", "--no-ff", "side", "-m", "merge side")
    assert run(repo, "review", "--base", base, "--head", "HEAD") == 1
    out = capsys.readouterr().out
    assert "ndrc-2025-0826: does not load at HEAD" in out and "broken YAML" in out


def test_review_bad_revisions(
    history_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(history_repo, "review", "--base", "nope") == 2
    assert "unknown revision 'nope'" in capsys.readouterr().err
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history_repo.root}", str(shallow)],
        check=True,
    )
    assert main(["--repo", str(shallow), "review", "--base", "HEAD~2"]) == 2
    assert "shallow clone" in capsys.readouterr().err


def test_log_follows_a_clause_through_renumbering(
    history_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = history_repo
    imp(repo, tmp_path, renumbered(GF), "gf-2025-11")
    imp(
        repo, tmp_path, renumbered(GF).replace("弥合全球智能鸿沟", "弥合全球数字鸿沟"), "gf-2025-11"
    )
    capsys.readouterr()
    assert run(repo, "log", "gf-2025-11#2.6.2", "--format", "json") == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["change"], e["path"], e["previous_path"]) for e in entries] == [
        ("reworded", "2.6.2", "2.6.2"),
        ("renumbered", "2.6.2", "2.6.1"),
        ("imported", "2.6.1", None),
    ]
    assert ["-", "智能"] in entries[0]["links"][0]["ops"] and ["+", "数字"] in entries[0]["links"][
        0
    ]["ops"]
    assert all(e["author"] == "Test Reviewer" for e in entries)
    assert run(repo, "log", "gf-2025-11#2.6.2") == 0
    out = capsys.readouterr().out
    assert "2.6.2 (was 2.6.1): renumbered" in out and "[-智能-]{+数字+}" in out
    assert run(repo, "blame", "gf-2025-11", "--format", "json") == 0
    rows = {r["path"]: r for r in json.loads(capsys.readouterr().out)}
    newest, middle, first = [e["commit"] for e in entries]
    assert rows["2.6.2"]["commit"] == newest  # reworded last
    assert rows["2.6.3"]["commit"] == first  # only renumbered: keeps its commit
    assert rows["2.6.1"]["commit"] == middle  # added by the renumbering commit
    assert run(repo, "log", "gf-2025-11#9.9") == 2


def test_git_install_shows_clause_text_in_git_diff(
    history_repo: PolicyRepo, tmp_path: Path
) -> None:
    repo = history_repo
    assert run(repo, "git", "install") == 0
    assert "policies/*/zh.yaml diff=polydiff" in (repo.root / ".gitattributes").read_text()
    hook = repo.root / ".git/hooks/pre-commit"
    assert "review --staged" in hook.read_text()
    src = tmp_path / "gf.txt"
    src.write_text(GF.replace("加速科学发现进程", "加快科学发现进程"), encoding="utf-8")
    assert run(repo, "import", str(src), "--doc", "gf-2025-11", "--lang", "zh") == 0
    git(repo.root, "add", "-A")
    blocked = subprocess.run(
        ["git", "commit", "-qm", "reword"], cwd=repo.root, capture_output=True, text=True
    )
    assert blocked.returncode != 0 and "stale" in blocked.stdout + blocked.stderr  # the hook
    assert run(repo, "lineage", "build") == 0
    git(repo.root, "add", "-A")
    git(repo.root, "commit", "-qm", "reword, with lineage")  # the hook passes now
    out = git(repo.root, "diff", "HEAD~1", "--", "policies/gf-2025-11/zh.yaml")
    assert "-[2.1.1] 1. 加速科学发现进程" in out and "+[2.1.1] 1. 加快科学发现进程" in out
    assert run(repo, "git", "uninstall") == 0
    assert not (repo.root / ".gitattributes").exists() and not hook.exists()
    assert "diff.polydiff" not in git(repo.root, "config", "--list")
    hook.write_text("#!/bin/sh\necho mine\n")
    assert run(repo, "git", "install") == 2  # someone else's hook is not replaced silently
    assert run(repo, "git", "install", "--force") == 0


def test_review_proposes_the_sources_of_an_added_document(
    history_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An added document that declares no relation: its quotations of the corpus are found
    by the sources query and proposed as discovered lineage, with a warning."""
    from tests.sources.test_sources import stitched

    repo = history_repo
    git(repo.root, "checkout", "-q", "-b", "plan")
    imp(repo, tmp_path, "某市实施方案\n\n" + stitched(repo)[0], "city-plan", "--date", "2025-09-30")
    capsys.readouterr()
    assert run(repo, "review", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    plan = next(d for d in data["documents"] if d["doc"] == "city-plan")
    proposed = {x["with"]: x for x in plan["proposed_lineage"]}
    assert set(proposed) == {"gf-2025-11", "ndrc-2025-0826"}
    gf = proposed["gf-2025-11"]
    assert gf["relation"] == "discovered"
    pairs = {(x["from"], x["to"], x["kind"]) for x in gf["links"]}
    assert ("2.6.1", "1.p1", "quoted") in pairs and ("2.2.1", "2.p2", "summarises") in pairs
    assert any("city-plan: quotes gf-2025-11" in w for w in data["warnings"])
