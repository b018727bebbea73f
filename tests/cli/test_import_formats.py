"""``polydiff import`` of web pages, Word and PDF files: the same clause tree as the plain
text, the original kept under raw/, metadata found filling what the user did not give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polydiff.cli import main
from polydiff.store.repo import PolicyRepo
from tests.cli.test_import_cli import tree_files
from tests.conftest import raw_text
from tests.formats.builders import (
    GOVCN_META,
    TITLE,
    cjk_pdf,
    govcn_page,
    image_only_pdf,
    numbered_docx,
)

BUILDERS = {
    "html": lambda text: govcn_page(text, GOVCN_META, "gb2312"),
    "docx": numbered_docx,
    "pdf": lambda text: cjk_pdf(text, header=TITLE),
}


@pytest.fixture(scope="module")
def zh_text() -> str:
    return raw_text("gf-2025-11", "zh")


def run(repo: PolicyRepo, *argv: str) -> int:
    return main(["--repo", str(repo.root), *argv])


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_each_format_imports_as_the_plain_text_does(
    policy_repo: PolicyRepo, tmp_path: Path, zh_text: str, fmt: str
) -> None:
    plain = tmp_path / "zh.txt"
    plain.write_text(zh_text, encoding="utf-8")
    original = tmp_path / f"gf-2025-11.{fmt}"
    original.write_bytes(BUILDERS[fmt](zh_text))
    assert run(policy_repo, "import", str(plain), "--doc", "plain", "--lang", "zh") == 0
    assert run(policy_repo, "import", str(original), "--doc", "gf-2025-11", "--lang", "zh") == 0
    repo = PolicyRepo(policy_repo.root)
    assert repo.load_tree("gf-2025-11", "zh").clauses == repo.load_tree("plain", "zh").clauses
    folder = policy_repo.root / "policies" / "gf-2025-11" / "raw"
    assert (folder / f"zh.{fmt}").read_bytes() == original.read_bytes()
    f = repo.load_meta("gf-2025-11").file("zh")
    assert f is not None and f.extracted_from is not None
    assert (f.extracted_from.path, f.extracted_from.format) == (f"raw/zh.{fmt}", fmt)
    assert f.original == original.name
    assert run(policy_repo, "check") == 0


def test_gov_cn_metadata_fills_what_was_not_given(
    policy_repo: PolicyRepo, tmp_path: Path, zh_text: str
) -> None:
    page = tmp_path / "content.htm"
    page.write_bytes(govcn_page(zh_text, GOVCN_META))
    argv = ["import", str(page), "--lang", "zh"]
    assert run(policy_repo, *argv, "--doc", "a") == 0
    assert run(policy_repo, *argv, "--doc", "b", "--issuer", "国务院 (State Council)") == 0
    repo = PolicyRepo(policy_repo.root)
    a, b = repo.load_meta("a"), repo.load_meta("b")
    assert (a.number, a.issuer, a.date, a.title["zh"]) == (
        "国发〔2025〕11号",
        "国务院",
        "2025-08-21",
        TITLE,
    )
    assert b.issuer == "国务院 (State Council)"  # the command line wins
    original = a.file("zh").extracted_from  # type: ignore[union-attr]
    assert original is not None and original.metadata["发布日期"] == "2025年08月26日"
    assert original.encoding == "utf-8"
    text = (policy_repo.root / "policies/a/meta.yaml").read_text(encoding="utf-8")
    assert "extracted_from:\n    path: raw/zh.html\n    format: html\n" in text


def test_provenance_note_wins_over_the_page(
    policy_repo: PolicyRepo, tmp_path: Path, zh_text: str
) -> None:
    page = tmp_path / "content.htm"
    page.write_bytes(govcn_page(zh_text, GOVCN_META))
    note = tmp_path / "note.source.yaml"
    note.write_text("date: 2025-08-22\nsource: a test note\n", encoding="utf-8")
    argv = ["import", str(page), "--doc", "a", "--lang", "zh", "--provenance", str(note)]
    assert run(policy_repo, *argv) == 0
    meta = PolicyRepo(policy_repo.root).load_meta("a")
    assert meta.date == "2025-08-22" and meta.source == "a test note"
    assert meta.number == "国发〔2025〕11号"


def test_check_notices_a_changed_original(
    policy_repo: PolicyRepo, tmp_path: Path, zh_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.docx"
    page.write_bytes(numbered_docx(zh_text))
    assert run(policy_repo, "import", str(page), "--doc", "a", "--lang", "zh") == 0
    (policy_repo.root / "policies/a/raw/zh.docx").write_bytes(b"PK\x03\x04changed")
    assert run(policy_repo, "check") == 1
    assert "original raw/zh.docx changed since it was imported" in capsys.readouterr().out
    (policy_repo.root / "policies/a/raw/zh.docx").unlink()
    assert run(policy_repo, "check") == 1
    assert "original raw/zh.docx of zh is missing" in capsys.readouterr().out


def test_pdf_notes_go_to_stderr(
    policy_repo: PolicyRepo, tmp_path: Path, zh_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "o.pdf"
    pdf.write_bytes(cjk_pdf(zh_text, header=TITLE))
    assert run(policy_repo, "import", str(pdf), "--doc", "a", "--lang", "zh") == 0
    err = capsys.readouterr().err
    assert (
        err
        == f"polydiff: {pdf}: removed 4 running header/footer and page-number line(s): — N — / {TITLE}\n"
    )


BAD = [
    ("opinions.pdf", lambda t: govcn_page(t, GOVCN_META), "looks like HTML, not PDF"),
    (
        "opinions.doc",
        lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        "convert it to .docx",
    ),
    ("opinions.docx", lambda t: numbered_docx(t)[:3000], "corrupt"),
    (
        "scan.pdf",
        lambda t: image_only_pdf(),
        "no text layer",
    ),
    (
        "list.html",
        lambda t: (
            b"<html><body><ul><li><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></li></ul></body></html>"
        ),
        "no main text",
    ),
]


@pytest.mark.parametrize(("name", "build", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_files_are_one_line_exit_2_and_write_nothing(
    corpus_copy: PolicyRepo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    zh_text: str,
    name: str,
    build: object,
    message: str,
) -> None:
    before = tree_files(corpus_copy.root)
    src = tmp_path / name
    src.write_bytes(build(zh_text))  # type: ignore[operator]
    assert run(corpus_copy, "import", str(src), "--doc", "gf-2025-11", "--lang", "zh") == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and err.startswith("polydiff: error: ")
    assert tree_files(corpus_copy.root) == before


def test_diff_takes_a_word_file_as_it_takes_the_text(
    tmp_path: Path, zh_text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import PROJECT

    word = tmp_path / "gf-2025-11.docx"
    word.write_bytes(numbered_docx(zh_text))
    argv = ["--repo", str(PROJECT), "diff", "gf-2025-11", str(word), "--format", "json"]
    assert main(argv) == 0  # diff(1) style: no differences
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["unchanged"] == 42 and sum(summary.values()) == 42  # with the title
