"""What a reader sees from the commands at 80 columns, in a pipe: no padding, labels apart
from headings, spans in both languages, ids whole, honest numbers."""

from __future__ import annotations

import json

import pytest

from polydiff.cli import main
from polydiff.report.segments import similarity_text
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT


def run(capsys: pytest.CaptureFixture[str], *argv: str, repo: str = str(PROJECT)) -> str:
    main(["--repo", repo, *argv])
    return capsys.readouterr().out


def test_show_in_a_pipe_has_no_trailing_spaces(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("zh", "en", "both"):
        out = run(capsys, "show", "gf-2025-11", "--lang", lang)
        assert out.count("\n") > 40
        assert not [line for line in out.splitlines() if line != line.rstrip()], lang


def test_english_labels_and_headings_take_a_space(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "show", "gf-2025-11", "--lang", "en")
    assert '2.2 (II) Industrial Development of "Artificial Intelligence+"' in out
    assert ")Industrial" not in out
    assert "2.2 (二)“人工智能+”产业发展" in run(capsys, "show", "gf-2025-11")  # Chinese: tight


def test_trace_in_english_keeps_heading_and_text_apart_and_shows_the_spans(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = run(capsys, "trace", "gf-2025-11#2.6.1", "--lang", "en")
    assert "Promote the inclusive sharing of AI — We will treat" in " ".join(out.split())
    assert "zh 11–70" in out and "把人工智能作为造福人类的国际公共产品" in out
    data = json.loads(run(capsys, "trace", "gf-2025-11#2.6.1", "--lang", "en", "--format", "json"))
    hop = data["descendants"][0]
    assert hop["spans"] == []  # offsets into the English text would be wrong
    spans_in = hop["spans_in"]
    a, b, _, _ = spans_in["spans"][0]
    assert spans_in["lang"] == "zh"
    assert spans_in["from_text"][a:b].startswith("把人工智能作为造福人类的国际公共产品")


def test_lineage_stats_and_docs_fit_80_columns(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "lineage", "stats")
    assert max(len(line) for line in out.splitlines()) <= 80
    assert any(line.startswith("gf-2025-11  gmrb-2025-1025  cites") for line in out.splitlines())
    out = run(capsys, "docs")
    lines = out.splitlines()
    repo = PolicyRepo.at(PROJECT)
    for doc in repo.doc_ids():
        at = next(k for k, line in enumerate(lines) if line.startswith(doc + " "))
        title = repo.load_meta(doc).display_title("zh")
        assert lines[at + 1].strip() == title  # the title on one line of its own


def test_build_summary_and_similarities(
    corpus_copy: PolicyRepo, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(capsys, "lineage", "build", "--force", repo=str(corpus_copy.root))
    first = out.splitlines()[0]
    assert "file(s), " in first and not first.rstrip().endswith(",")
    out = run(capsys, "lineage", "build", repo=str(corpus_copy.root))
    assert ", \n" not in out and not out.splitlines()[0].rstrip().endswith(",")
    assert similarity_text(0.996) == "0.99" and similarity_text(1.0) == "1.00"
    assert similarity_text(0.874) == "0.87"
