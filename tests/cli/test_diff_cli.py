"""``polydiff diff``: contracts (golden files), exit codes, options and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT, git

DATA = PROJECT / "tests" / "data"
GOLDEN = PROJECT / "tests" / "golden"
REV1 = str(DATA / "gf-2025-11.rev1.zh.txt")


def run(*argv: str, repo: Path = PROJECT) -> int:
    return main(["--repo", str(repo), *argv])


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed (UPDATE_GOLDEN=1 to accept)"


def test_json_contract_is_golden(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("diff", "gf-2025-11", REV1, "--format", "json") == 1
    out = capsys.readouterr().out
    check_golden("diff-gf-2025-11-rev1.zh.json", out)
    data = json.loads(out)
    assert set(data) >= {"a", "b", "summary", "links", "term_shifts"}
    assert data["summary"] == {
        "unchanged": 39,  # 38 clauses and the title
        "reworded": 2,
        "split": 0,
        "merged": 0,
        "new": 1,
        "dropped": 1,
    }
    by_a = {tuple(link["a"]): link for link in data["links"]}
    assert by_a[("2.4.2",)]["kind"] == "dropped"
    assert by_a[("2.4.3",)]["b"] == ["2.4.2"] and by_a[("2.4.3",)]["renumbered"] is True
    assert by_a[("3.14",)]["moved"] is True and by_a[("3.14",)]["kind"] == "unchanged"
    assert by_a[("2.1.1",)]["ops"][:4] == [
        ["=", "加"],
        ["-", "速"],
        ["+", "快"],
        ["=", "科学发现进程\n加"],
    ]
    new = [link for link in data["links"] if link["kind"] == "new"]
    assert new[0]["b"] == ["2.6.3"]
    for link in data["links"]:
        assert set(link) == {"kind", "a", "b", "moved", "renumbered", "similarity", "ops"}
        assert 0.0 <= link["similarity"] <= 1.0
        assert all(op in ("=", "-", "+") for op, _ in link["ops"])


def test_markdown_is_golden(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("diff", "gf-2025-11", REV1, "--format", "md", "--context", "12") == 1
    check_golden("diff-gf-2025-11-rev1.zh.md", capsys.readouterr().out)


def test_html_is_one_self_contained_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("diff", "gf-2025-11", REV1, "--format", "html") == 1
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<del>速</del>" in page and "<ins>快</ins>" in page
    assert "http" not in page and "<script" not in page and "<link" not in page


def test_text_output_marks_changes_without_colour(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "70")
    assert run("diff", "gf-2025-11", REV1) == 1
    out = capsys.readouterr().out
    assert "39 unchanged · 2 reworded · 1 new · 1 dropped · 1 moved · 1 renumbered" in out
    assert "加[-速-]{+快+}科学发现进程" in out
    assert "2.4.3 → 2.4.2  unchanged 1.00  renumbered" in out
    assert "\x1b[" not in out
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= 70  # wide characters wrap right


def test_same_document_and_presentation_only_copy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("diff", "gf-2025-11", "gf-2025-11") == 0
    assert "no changes" in capsys.readouterr().out
    raw = (PROJECT / "policies/gf-2025-11/raw/zh.txt").read_text(encoding="utf-8")
    wide = tmp_path / "wide.txt"
    wide.write_text(
        raw.replace(",", "，").replace("(", "（").replace(")", "）").replace(":", "："),
        encoding="utf-8",
    )
    assert run("diff", "gf-2025-11", str(wide), "--stat") == 0
    capsys.readouterr()
    assert run("diff", "gf-2025-11", str(wide), "--strict", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["reworded"] >= 25 and data["summary"]["new"] == 0


def test_fold_variants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("opencc")
    a = tmp_path / "s.txt"
    b = tmp_path / "t.txt"
    a.write_text("一、总体要求\n积极推进互联网行动,发展国际合作。\n", encoding="utf-8")
    b.write_text("一、總體要求\n積極推進互聯網行動,發展國際合作。\n", encoding="utf-8")
    assert run("diff", str(a), str(b)) == 1
    capsys.readouterr()
    assert run("diff", str(a), str(b), "--fold-variants") == 0


def test_filters_and_stat(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("diff", "gf-2025-11", REV1, "--kinds", "dropped,new", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert {link["kind"] for link in data["links"]} == {"dropped", "new"}
    assert run("diff", "gf-2025-11", REV1, "--path", "2.1", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert all(p.startswith("2.1") for link in data["links"] for p in link["a"] + link["b"])
    assert run("diff", "gf-2025-11", REV1, "--path", "3.8", "--format", "json") == 0
    capsys.readouterr()
    assert run("diff", "gf-2025-11", REV1, "--stat") == 1
    out = capsys.readouterr().out
    assert "2 reworded" in out and "[-" not in out


def test_revisions_and_english(corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str]) -> None:
    en = corpus_copy.root / "policies/gf-2025-11/en.yaml"
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            "Accelerate the exploration", "Speed up the exploration"
        ),
        encoding="utf-8",
    )
    git(corpus_copy.root, "commit", "-qam", "reword")
    assert (
        run(
            "diff",
            "gf-2025-11@HEAD~1",
            "gf-2025-11@HEAD",
            "--lang",
            "en",
            "--format",
            "json",
            repo=corpus_copy.root,
        )
        == 1
    )
    data = json.loads(capsys.readouterr().out)
    changed = [link for link in data["links"] if link["kind"] != "unchanged"]
    assert [(link["a"], link["kind"]) for link in changed] == [(["2.1.1"], "reworded")]
    assert ["-", "Accelerate"] in changed[0]["ops"] and ["+", "Speed up"] in changed[0]["ops"]
    assert run("diff", "gf-2025-11@HEAD~1", "gf-2025-11", repo=corpus_copy.root) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["gf-2015-40", "ndrc-2025-0826", "--lang", "en"], None),
        (["gf-2025-11", "nope"], "unknown document 'nope'"),
        (["gf-2025-11@nope", "gf-2025-11"], "unknown revision 'nope'"),
        (["gf-2025-11", "gf-2025-11", "--kinds", "renamed"], "unknown kind(s) renamed"),
        (["gf-2025-11", "gf-2025-11", "--path", "9.9"], "--path 9.9: no such clause"),
        (["gf-2025-11#2.1", "gf-2025-11"], "restrict with --path 2.1"),
    ],
)
def test_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str | None) -> None:
    code = run("diff", *argv)
    if message is None:
        assert code == 1
        return
    assert code == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_language_one_side_lacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    en = tmp_path / "x.txt"
    en.write_text("I. General\n\nWe will develop AI.\n", encoding="utf-8")
    assert run("diff", "gf-2025-11", str(en), "--lang", "zh") == 2
    assert "x.txt has no zh text (languages: en)" in capsys.readouterr().err


def test_empty_trees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text(
        "schema_version: 1\ndoc: e\nlang: zh\ntitle: ''\nnumber: ''\nclauses: []\n",
        encoding="utf-8",
    )
    assert run("diff", str(empty), str(empty)) == 0
    capsys.readouterr()
    assert run("diff", str(empty), "gf-2025-11", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["summary"]["new"] == 42  # 41 clauses and the title
