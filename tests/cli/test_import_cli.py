"""``polydiff import`` and ``init``: the happy paths and every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.conftest import POLICIES, git

SAMPLE = "测试意见\n国发〔2030〕1号\n一、总体要求\n加快发展。\n二、重点任务\n（一）第一任务。推进落实。\n"


def tree_files(root: Path) -> dict[str, bytes]:
    """Every file of the repository, except git's and polydiff's private state (the
    self-ignoring .polydiff/ folder of the write lock)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts and ".polydiff" not in p.parts
    }


def run(repo: PolicyRepo, *argv: str) -> int:
    return main(["--repo", str(repo.root), *argv])


def test_init_creates_a_repository(
    tmp_path: Path, git_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "new")]) == 0
    assert (tmp_path / "new" / ".git").is_dir()
    assert (tmp_path / "new" / "policies").is_dir() and (tmp_path / "new" / "lineage").is_dir()
    assert "Initialised git repository and policy repository" in capsys.readouterr().out
    assert main(["init", str(tmp_path / "new")]) == 2
    assert "already a policy repository" in capsys.readouterr().err


def test_import_then_show(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "s.txt"
    src.write_text(SAMPLE, encoding="utf-8")
    assert (
        run(
            policy_repo,
            "import",
            str(src),
            "--doc",
            "t-1",
            "--lang",
            "zh",
            "--date",
            "2030-01-02",
            "--issuer",
            "国务院",
            "--kind",
            "opinions",
            "--commit",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "imported" in out and "committed" in out
    meta = (policy_repo.root / "policies/t-1/meta.yaml").read_text(encoding="utf-8")
    assert "number: 国发〔2030〕1号" in meta and "date: '2030-01-02'" in meta
    assert (policy_repo.root / "policies/t-1/raw/zh.txt").read_text(encoding="utf-8") == SAMPLE
    assert git(policy_repo.root, "log", "--format=%s") == "import t-1 (zh) from s.txt"
    assert run(policy_repo, "show", "t-1", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc"] == "t-1" and data["lang"] == "zh" and data["rev"] is None
    assert [c["path"] for c in data["clauses"]] == ["1", "2"]
    assert data["clauses"][1]["children"][0] == {
        "path": "2.1",
        "label": "（一）",
        "heading": "第一任务",
        "text": "推进落实。",
        "kind": "section",
        "children": [],
    }


def test_outline_then_full_text_is_a_new_revision(policy_repo: PolicyRepo, tmp_path: Path) -> None:
    outline = POLICIES / "gf-2015-40" / "raw" / "outline.yaml"
    assert (
        run(policy_repo, "import", str(outline), "--doc", "gf-2015-40", "--lang", "zh", "--commit")
        == 0
    )
    assert PolicyRepo(policy_repo.root).load_meta("gf-2015-40").completeness.value == "outline"
    full = tmp_path / "full.txt"
    full.write_text(
        "国务院关于积极推进“互联网+”行动的指导意见\n一、行动要求\n（一）总体思路。正文。\n",
        encoding="utf-8",
    )
    assert (
        run(policy_repo, "import", str(full), "--doc", "gf-2015-40", "--lang", "zh", "--commit")
        == 0
    )
    repo = PolicyRepo(policy_repo.root)
    meta = repo.load_meta("gf-2015-40")
    assert meta.completeness.value == "partial"  # zh is full text now; en is still the outline
    assert len(repo.history.revisions("policies/gf-2015-40")) == 2
    assert repo.load("gf-2015-40@HEAD~1").tree("zh").find("2.3").heading == "“互联网+”现代农业"
    assert repo.load("gf-2015-40").tree("zh").find("1.1").text == "正文。"
    assert "headings" in meta.provenance  # the outline's sources are kept


def write_bytes(tmp_path: Path, data: bytes, name: str = "in.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


BAD_INPUTS = [
    (b"", "empty file"),
    (b"  \n\n\t ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (SAMPLE.encode("gb18030"), "looks like GB18030/GBK"),
    (b"caf\xe9 au lait", "not UTF-8"),
    (SAMPLE.encode("utf-16"), "UTF-16"),
    (b"<html><body>x</body></html>", "looks like HTML"),
    (b'{"a": 1}', "looks like JSON"),
    (b"def f(x):\n    return {x: [x]} if x == 1 else {}\n# $$$ <<<>>> ;;;\n", "code or data"),
    (b"Just some English words here.", "no Chinese text"),
]


@pytest.mark.parametrize(("data", "message"), BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(
    corpus_copy: PolicyRepo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    message: str,
) -> None:
    before = tree_files(corpus_copy.root)
    src = write_bytes(tmp_path, data)
    assert run(corpus_copy, "import", str(src), "--doc", "gf-2025-11", "--lang", "zh") == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and err.startswith("polydiff: error: ")
    assert tree_files(corpus_copy.root) == before


def test_gb18030_is_decoded_when_asked(policy_repo: PolicyRepo, tmp_path: Path) -> None:
    src = write_bytes(tmp_path, SAMPLE.encode("gb18030"))
    assert (
        run(
            policy_repo, "import", str(src), "--doc", "t-1", "--lang", "zh", "--encoding", "gb18030"
        )
        == 0
    )
    repo = PolicyRepo(policy_repo.root)
    assert repo.load_meta("t-1").file("zh").encoding == "gb18030"
    assert repo.load("t-1").tree("zh").find("2.1").heading == "第一任务"
    assert main(["--repo", str(repo.root), "check"]) == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--doc", "Bad Id", "--lang", "zh"], "lowercase slug"),
        (["--doc", "t-1", "--lang", "zh", "--date", "21/08/2025"], "expected YYYY-MM-DD"),
        (
            ["--doc", "t-1", "--lang", "zh", "--relation", "inspires:gf-1"],
            "unknown type 'inspires'",
        ),
        (["--doc", "t-1", "--lang", "zh", "--relation", "cites"], "expected TYPE:DOC"),
        (["--doc", "t-1", "--lang", "zh", "--encoding", "klingon"], "unknown encoding"),
        (["--doc", "t-1", "--lang", "zh", "--strict"], "parse warning"),
    ],
)
def test_bad_options(
    policy_repo: PolicyRepo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    src = write_bytes(tmp_path, "一、总则\n1)第一项。\n".encode())
    assert run(policy_repo, "import", str(src), *argv) == 2
    assert message in capsys.readouterr().err
    assert list((policy_repo.root / "policies").iterdir()) == []


def test_missing_file_and_yaml_that_is_not_an_outline(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(policy_repo, "import", str(tmp_path / "nope.txt"), "--doc", "t-1", "--lang", "zh") == 2
    )
    assert "no such file" in capsys.readouterr().err
    y = write_bytes(tmp_path, b"a: 1\n", "x.yaml")
    assert run(policy_repo, "import", str(y), "--doc", "t-1", "--lang", "zh") == 2
    assert "must be an outline" in capsys.readouterr().err
    y = write_bytes(tmp_path, b"parts:\n- label: X)\n  heading: h\n", "o.yaml")
    assert run(policy_repo, "import", str(y), "--doc", "t-1", "--lang", "zh") == 2
    assert "unknown numbering 'X)'" in capsys.readouterr().err


def test_write_failure_leaves_existing_files_untouched(
    corpus_copy: PolicyRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    before = tree_files(corpus_copy.root)
    calls = {"n": 0}

    def failing_fdopen(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device", "zh.yaml")
        return real_fdopen(*args, **kwargs)

    real_fdopen = os.fdopen
    monkeypatch.setattr("polydiff.store.atomic.os.fdopen", failing_fdopen)
    src = write_bytes(tmp_path, SAMPLE.encode())
    assert run(corpus_copy, "import", str(src), "--doc", "gf-2025-11", "--lang", "zh") == 2
    assert tree_files(corpus_copy.root) == before
    assert not list(corpus_copy.root.rglob("*.tmp"))


HOSTILE = {
    "exclamation heading": "测试意见\n一、总则\n（一）坚持创新！推动发展，加快建设。\n",
    "date before number": "测试意见\n2025年8月21日\n国发〔2025〕11号\n一、总则\n加快发展。\n",
    "several BOMs": "\ufeff\ufeff\ufeff测试意见\n一、总则\n加快发展。\n",
    "gap after 100": "测试意见\n一、总则\n"
    + "".join(f"{n}.第{n}项内容。\n" for n in range(1, 101))
    + "102.跳过一项。\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_inputs_that_were_refused_or_crashed_import_and_check_clean(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    src = write_bytes(tmp_path, HOSTILE[name].encode())
    assert run(policy_repo, "import", str(src), "--doc", "t-1", "--lang", "zh") == 0
    assert "Traceback" not in capsys.readouterr().err
    assert run(policy_repo, "check") == 0


def test_diff_of_raw_files_numbered_past_one_hundred(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write_bytes(tmp_path, HOSTILE["gap after 100"].encode(), "a.txt")
    b = write_bytes(tmp_path, HOSTILE["gap after 100"].replace("第5项", "第五项").encode(), "b.txt")
    assert main(["diff", str(a), str(b), "--format", "json"]) == 1
    links = json.loads(capsys.readouterr().out)["links"]
    assert {"kind": "unchanged", "a": ["1.102"], "b": ["1.102"]}.items() <= links[-1].items()


PROSE = (
    "The morning train was late again, and the platform filled with people checking their "
    "phones.\n\nNobody seemed to mind very much; the sun was out and the coffee stand was open.\n\n"
    "By the time the train arrived, most of us had forgotten why we were in a hurry.\n"
)


def test_prose_that_is_not_policy_text_is_refused_unless_forced(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_bytes(tmp_path, PROSE.encode(), "story.txt")
    assert run(policy_repo, "import", str(src), "--doc", "t-1", "--lang", "en") == 2
    err = capsys.readouterr().err
    # the first line is read as the title, as a first line without a full stop would be
    assert err.count("\n") == 1 and "not policy text? (--force imports it as 2 paragraph(s))" in err
    assert list((policy_repo.root / "policies").iterdir()) == []
    assert run(policy_repo, "import", str(src), "--doc", "t-1", "--lang", "en", "--force") == 0
    assert "imported as 2 paragraph(s)" in capsys.readouterr().err
    assert PolicyRepo(policy_repo.root).load_tree("t-1", "en").paths() == ["p1", "p2"]


def test_an_unnumbered_notice_with_salutation_and_date_is_policy_text(
    policy_repo: PolicyRepo, tmp_path: Path
) -> None:
    notice = "关于做好测试工作的通知\n各省、自治区、直辖市人民政府：\n现就做好测试工作通知如下。请认真贯彻执行。\n国务院办公厅\n2030年1月2日\n"
    src = write_bytes(tmp_path, notice.encode())
    assert run(policy_repo, "import", str(src), "--doc", "t-1", "--lang", "zh") == 0


def test_many_warnings_are_summarised_per_kind_and_listed_with_verbose(
    policy_repo: PolicyRepo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import raw_text

    src = write_bytes(tmp_path, (raw_text("gf-2025-11", "zh") * 40).encode())
    assert run(policy_repo, "import", str(src), "--doc", "big", "--lang", "zh") == 0
    err = capsys.readouterr().err.splitlines()
    stored = PolicyRepo(policy_repo.root).load_meta("big").file("zh").warnings
    assert len(stored) > 100  # every warning is kept in meta.yaml
    assert len(err) <= 1 + 4 * 4  # a header, then per kind a count and the first three
    assert f"{len(stored):,} parse warnings" in err[0]
    assert any("× repeated labels kept as paragraph text, the first:" in line for line in err)
    assert any(line.strip().startswith(f"polydiff: {src}:     line ") for line in err)
    assert run(policy_repo, "import", str(src), "--doc", "big", "--lang", "zh", "--verbose") == 0
    assert len(capsys.readouterr().err.splitlines()) == len(stored)
