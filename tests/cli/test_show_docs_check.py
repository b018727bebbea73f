"""``show``, ``docs`` and ``check`` on the bundled corpus and on broken repositories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT, git


def run(*argv: str, repo: Path = PROJECT) -> int:
    return main(["--repo", str(repo), *argv])


def test_show_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("show", "gf-2025-11", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"doc", "lang", "rev", "clauses"}
    parts = [c for c in data["clauses"] if c["kind"] == "part"]
    assert len(parts) == 4
    assert [len(s["children"]) for s in parts[1]["children"]] == [3, 4, 2, 3, 3, 2]
    item = parts[1]["children"][0]["children"][0]
    assert set(item) == {"path", "label", "heading", "text", "kind", "children"}
    assert (item["path"], item["label"], item["heading"]) == ("2.1.1", "1.", "加速科学发现进程")
    assert [c["path"] for c in data["clauses"] if c["kind"] != "part"] == ["to", "pre", "end"]


def test_show_path_and_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("show", "gf-2025-11#2.1", "--lang", "en", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["path"] for c in data["clauses"]] == ["2.1"]
    assert data["lang"] == "en"
    assert run("show", "gf-2025-11", "--path", "3.7", "--lang", "both", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["languages"]) == {"zh", "en"}
    assert data["languages"]["en"]["clauses"][0]["heading"] == "Enhancing Basic Model Capabilities"


def test_show_text_wraps_and_marks_structure(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert run("show", "gf-2025-11", "--path", "2.1") == 0
    out = capsys.readouterr().out
    assert "2.1.1 1. 加速科学发现进程" in out
    assert "\x1b[" not in out  # no colour when not a terminal
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= 60
    assert run("show", "ndrc-2025-0826", "--lang", "both", "--path", "3.1") == 0
    out = capsys.readouterr().out
    assert "一是" in out and "First," in out


def test_show_yaml_is_the_stored_layout(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("show", "gmrb-2025-1025", "--format", "yaml") == 0
    assert capsys.readouterr().out == (PROJECT / "policies/gmrb-2025-1025/zh.yaml").read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["show", "nope"], "unknown document 'nope'"),
        (["show", "Bad_Id"], "not a document id"),
        (["show", "a b"], "not a document reference"),
        (["show", "gf-2025-11", "--path", "9.9"], "no clause 9.9 in gf-2025-11 (zh)"),
        (["show", "gf-2025-11#x.y"], "not a clause path"),
    ],
)
def test_show_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert run(*argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_show_at_revision(corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str]) -> None:
    zh = corpus_copy.root / "policies/gf-2025-11/zh.yaml"
    zh.write_text(
        zh.read_text(encoding="utf-8").replace("加速科学发现进程", "加快科学发现进程"),
        encoding="utf-8",
    )
    git(corpus_copy.root, "commit", "-qam", "reword 2.1.1")
    assert (
        run(
            "show",
            "gf-2025-11@HEAD~1",
            "--path",
            "2.1.1",
            "--format",
            "json",
            repo=corpus_copy.root,
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["rev"] == "HEAD~1" and data["clauses"][0]["heading"] == "加速科学发现进程"
    assert run("show", "gf-2025-11@HEAD~5", repo=corpus_copy.root) == 2
    assert "unknown revision 'HEAD~5'" in capsys.readouterr().err


def test_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("docs", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [
        "gf-2015-40",
        "gf-2025-11",
        "ndrc-2025-0826",
        "gmrb-2025-1025",
    ]
    gf = rows[1]
    assert gf["clauses"] == {"zh": 41, "en": 41} and gf["completeness"] == "full"
    assert gf["relations"] == [{"type": "succeeds", "doc": "gf-2015-40"}]
    assert rows[0]["completeness"] == "outline"
    assert run("docs") == 0
    assert "gmrb-2025-1025" in capsys.readouterr().out


def test_check_passes_on_the_bundled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("check") == 0
    out = capsys.readouterr().out
    assert "checked 4 document(s): 0 error(s)" in out
    assert run("check", "--strict") == 1  # the outline's zh/en gap is a warning


@pytest.mark.parametrize(
    ("mangle", "message"),
    [
        (
            lambda r: (r / "policies/gf-2025-11/en.yaml").write_text(
                (r / "policies/gf-2025-11/en.yaml")
                .read_text()
                .replace("path: 2.1.3", "path: 2.1.4")
            ),
            "only in zh: 2.1.3",
        ),
        (
            lambda r: (r / "policies/gf-2025-11/zh.yaml").write_text("clauses: [oops\n"),
            "broken YAML",
        ),
        (
            lambda r: (r / "policies/ndrc-2025-0826/zh.yaml").write_text(
                (r / "policies/ndrc-2025-0826/zh.yaml").read_text().replace("周", "王")
            ),
            "does not account for its raw text",
        ),
        (
            lambda r: (r / "policies/gmrb-2025-1025/raw/en.txt").write_text("changed"),
            "changed since it was imported",
        ),
        (
            lambda r: (r / "policies/gf-2025-11/meta.yaml").write_text(
                (r / "policies/gf-2025-11/meta.yaml")
                .read_text()
                .replace("doc: gf-2015-40", "doc: gf-1999-1")
            ),
            "relation succeeds → gf-1999-1: no such document",
        ),
        (
            lambda r: (r / "policies/gf-2015-40/zh.yaml").write_text(
                (r / "policies/gf-2015-40/zh.yaml").read_text().replace("现代农业", "现代渔业")
            ),
            "differs from the outline",
        ),
    ],
)
def test_check_finds_problems(
    corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str], mangle: object, message: str
) -> None:
    mangle(corpus_copy.root)  # type: ignore[operator]
    assert run("check", repo=corpus_copy.root) == 1
    assert message in capsys.readouterr().out


def test_no_repository_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["docs"]) == 2
    assert "no policy repository" in capsys.readouterr().err


def test_show_a_clause_cited_by_its_label(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.parse.test_documents import ZH_REGULATION

    src = tmp_path / "reg.zh.txt"
    src.write_text(ZH_REGULATION, encoding="utf-8")
    assert run("import", str(src), "--doc", "reg", "--lang", "zh", repo=policy_repo.root) == 0
    capsys.readouterr()
    for argv in (["reg#第四条"], ["reg", "--path", "art4"], ["reg#Article 4"]):
        assert run("show", *argv, "--format", "json", repo=policy_repo.root) == 0, argv
        data = json.loads(capsys.readouterr().out)
        assert [c["path"] for c in data["clauses"]] == ["2.1.4"]
        assert data["clauses"][0]["label"] == "第四条"
    assert run("show", "reg#第九条", repo=policy_repo.root) == 2
    err = capsys.readouterr().err
    assert err == "polydiff: error: no article 9 in reg (zh) (cited as '第九条')\n"
