"""``polydiff sources``: texts stitched from real corpus clauses with known edits, texts with
no reuse, English, a large input, the published texts against the gold, the index cache."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bench.sources_gold import QUERIED, measure

from polydiff.errors import InputError, UsageError
from polydiff.model.lineage import LinkKind
from polydiff.model.sources import SourcesReport
from polydiff.service.sources import SourcesQuery, find_sources
from polydiff.store import index_cache
from polydiff.store.parsed_cache import FOLDER as PARSED
from polydiff.store.repo import PolicyRepo
from tests.conftest import POLICIES

SUBSTITUTIONS = [
    ("推动", "促进"),
    ("拓展研究视野", "开阔研究视野"),
    ("深入研究", "认真分析"),
    ("探索形成", "努力构建"),
    ("深层次影响", "深远影响"),
    ("伦理规范", "道德规范"),
    ("探索建立", "着力建立"),
]
"""Word changes made to gf-2025-11#2.1.3 (a paraphrase whose answer is known)."""
UNRELATED = "今年秋天雨水偏多,城里的公园新修了步道,市民周末常去散步、赏花,孩子们在草地上放风筝。"
"""A paragraph that no policy text of the corpus contains (a test input, not corpus text)."""
SUMMARY = (
    "文件从培育智能原生新模式新业态、推进工业全要素智能化发展、加快农业数智化转型升级和"
    "创新服务业发展新模式四个方面作出部署。"
)
"""The four headings of gf-2025-11#2.2 named in one sentence, as NDRC's interpretation does."""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> PolicyRepo:
    """A copy of the bundled corpus (its index cache is the test's own)."""
    root = tmp_path_factory.mktemp("sources") / "corpus"
    root.mkdir()
    shutil.copytree(POLICIES, root / "policies")
    return PolicyRepo(root)


def stitched(repo: PolicyRepo) -> tuple[str, str, str]:
    """(text, the quoted stretch, the paraphrased passage)."""
    gf = repo.load_tree("gf-2025-11", "zh")
    quote = gf.find("2.6.1").text[:60]  # type: ignore[union-attr]
    para = gf.find("2.1.3").text  # type: ignore[union-attr]
    for old, new in SUBSTITUTIONS:
        assert old in para
        para = para.replace(old, new)
    text = f"一、总体考虑\n某市提出,{quote}。\n\n二、主要举措\n{para}\n\n{SUMMARY}\n\n{UNRELATED}\n"
    return text, quote, para


def sources_of(report: SourcesReport, path: str) -> dict[str, tuple[LinkKind, list[str]]]:
    """ref → (kind, the passage's matched stretches) of one passage."""
    passage = next(p for p in report.passages if p.path == path)
    return {
        m.ref: (m.kind, [passage.text[s.to_start : s.to_end] for s in m.spans])
        for m in passage.sources
    }


def test_a_text_stitched_from_corpus_clauses(repo: PolicyRepo) -> None:
    text, quote, _para = stitched(repo)
    report = find_sources(repo, SourcesQuery(text, "plan.txt"))
    assert report.lang == "zh" and report.found
    # the quotation: the whole quoted stretch, from its origin first, then the copy
    quoted = sources_of(report, "1.p1")
    assert next(iter(quoted)) == "gf-2025-11#2.6.1"
    kind, spans = quoted["gf-2025-11#2.6.1"]
    assert kind is LinkKind.QUOTED and "".join(spans) in quote and len("".join(spans)) >= 55
    assert "ndrc-2025-0826#2.4" in quoted  # NDRC quotes the same clause, later
    passage = next(p for p in report.passages if p.path == "1.p1")
    assert [m.date for m in passage.sources] == sorted(m.date for m in passage.sources)
    # the reworded clause: found, with the changed words in its diff
    reworded = sources_of(report, "2.p1")
    assert next(iter(reworded)) == "gf-2025-11#2.1.3"
    match = next(m for p in report.passages for m in p.sources if m.ref == "gf-2025-11#2.1.3")
    removed = {t for op, t in match.ops if op == "-"}
    added = {t for op, t in match.ops if op == "+"}
    assert any("伦理" in t for t in removed) and any("道德" in t for t in added)
    assert match.other_lang == "en" and "philosoph" in match.other_text.lower()
    # the summary: one link per heading named
    named = sources_of(report, "2.p2")
    for path, heading in (
        ("2.2.1", "培育智能原生新模式新业态"),
        ("2.2.3", "加快农业数智化转型升级"),
    ):
        kind, spans = named[f"gf-2025-11#{path}"]
        assert kind is LinkKind.SUMMARISES
        assert all(x in heading for x in spans) and 2 * len("".join(spans)) >= len(heading)
    assert {f"gf-2025-11#2.2.{k}" for k in range(1, 5)} <= set(named)
    # the unrelated paragraph has none, and the share counts what was matched only
    assert sources_of(report, "2.p3") == {}
    assert 0.3 < report.share < 0.9
    assert report.by_doc[0].doc == "gf-2025-11"


def test_offsets_point_into_the_text_as_given(repo: PolicyRepo) -> None:
    text, quote, _ = stitched(repo)
    report = find_sources(repo, SourcesQuery(text, "plan.txt"))
    for p in report.passages:
        body = p.text.split("\n")[-1]  # its text, or its heading when it has none
        assert p.start >= 0 and text[p.start :].startswith(body[:10])
    passage = next(p for p in report.passages if p.path == "1.p1")
    assert text.find(quote) >= passage.start >= 0


def test_a_text_with_no_reuse(repo: PolicyRepo) -> None:
    report = find_sources(repo, SourcesQuery(UNRELATED * 3, "walk.txt"))
    assert not report.found and report.share == 0.0 and report.by_doc == ()


def test_an_english_text_is_matched_against_the_english_corpus(repo: PolicyRepo) -> None:
    en = repo.load_tree("gf-2025-11", "en").find("2.6.1").text  # type: ignore[union-attr]
    sentence = en.split(". ")[0]
    text = (
        "The city council met on Tuesday to discuss its parks and its budget for the year. "
        f"In its closing statement it said: {sentence}. The meeting ended at noon."
    )
    report = find_sources(repo, SourcesQuery(text, "speech.txt"))
    assert report.lang == "en"
    found = {m.ref: m for p in report.passages for m in p.sources}
    match = found["gf-2025-11#2.6.1"]
    assert match.kind is LinkKind.QUOTED
    assert match.other_lang == "zh" and "国际公共产品" in match.other_text


def test_a_large_input(repo: PolicyRepo) -> None:
    text, _, _ = stitched(repo)
    filler = "\n\n".join(f"第{k}段。{UNRELATED}" for k in range(2_000))
    big = filler + "\n\n" + text + "\n\n" + filler
    while len(big.encode()) < 2_000_000:
        big += "\n\n" + filler
    report = find_sources(repo, SourcesQuery(big, "big.txt"))
    refs = {m.ref for p in report.passages for m in p.sources}
    assert {"gf-2025-11#2.6.1", "gf-2025-11#2.1.3"} <= refs
    assert report.share < 0.01


def test_the_published_interpretations_against_the_gold(repo: PolicyRepo) -> None:
    """NDRC's and Guangming Daily's published texts, each with itself and later documents
    left out, against what a reader found (``python -m bench.sources_gold`` prints it)."""
    sc = measure(repo)
    print(f"\nsources vs reading ({', '.join(QUERIED)}): {sc.found}; precision {sc.precision}")
    assert sc.recall("quotation") == 1.0
    assert sc.recall("summary") >= 0.9
    assert sc.recall("paraphrase") >= 0.4
    assert sc.precision >= 0.95 and not [k for k, label in sc.unwanted if label == "wrong"]
    loose = measure(repo, loose=True)
    assert loose.recall("paraphrase") > sc.recall("paraphrase")


def test_bad_queries_are_refused(repo: PolicyRepo) -> None:
    with pytest.raises(InputError, match="no text"):
        find_sources(repo, SourcesQuery("  \n ", "empty.txt"))
    with pytest.raises(UsageError, match="unknown document"):
        find_sources(repo, SourcesQuery(UNRELATED, "x", exclude=("no-such-doc",)))
    with pytest.raises(UsageError, match="--top"):
        find_sources(repo, SourcesQuery(UNRELATED, "x", top=0))


def test_the_index_is_cached_and_remade_when_a_tree_changes(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(POLICIES, root / "policies")
    repo = PolicyRepo(root)
    text, _, _ = stitched(repo)
    first = find_sources(repo, SourcesQuery(text, "plan.txt"))
    again = find_sources(repo, SourcesQuery(text, "plan.txt"))
    assert (first.index, again.index) == ("built", "cached")
    assert again.passages == first.passages
    # touched, not changed: still cached
    tree = root / "policies" / "gf-2025-11" / "zh.yaml"
    tree.touch()
    assert find_sources(repo, SourcesQuery(text, "plan.txt")).index == "cached"
    # a clause's text changed: made again, and the change shows
    data = tree.read_text(encoding="utf-8")
    tree.write_text(data.replace("国际公共产品", "全球公共产品"), encoding="utf-8")
    changed = find_sources(repo, SourcesQuery(text, "plan.txt"))
    assert changed.index == "built"
    match = next(m for p in changed.passages for m in p.sources if m.ref == "gf-2025-11#2.6.1")
    assert ("-", "全球") in match.ops or any("全球" in t for op, t in match.ops if op == "-")
    # a document removed: made again, without it
    shutil.rmtree(root / "policies" / "ndrc-2025-0826")
    fewer = find_sources(repo, SourcesQuery(text, "plan.txt"))
    assert fewer.index == "built" and fewer.corpus_docs == first.corpus_docs - 1
    assert "ndrc-2025-0826" not in {m.doc for p in fewer.passages for m in p.sources}


def test_the_cache_is_outside_what_git_tracks(corpus_copy: PolicyRepo) -> None:
    find_sources(corpus_copy, SourcesQuery(stitched(corpus_copy)[0], "plan.txt"))
    assert index_cache.cache_dir(corpus_copy, "sources-zh").is_dir()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--ignored=no"],
        cwd=corpus_copy.root,
        capture_output=True,
        text=True,
    )
    assert status.stdout == ""


def test_an_interrupted_cache_write_leaves_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "corpus"
    shutil.copytree(POLICIES, root / "policies")
    repo = PolicyRepo(root)
    import numpy as np

    calls = {"n": 0}
    real_save = np.save

    def failing_save(*args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(np, "save", failing_save)
    with pytest.raises(KeyboardInterrupt):
        find_sources(repo, SourcesQuery(UNRELATED, "x"))
    folder = index_cache.cache_dir(repo, "sources-zh")
    left = [p.name for p in folder.parent.iterdir() if p.name != PARSED[-1]]  # the YAML cache
    assert not folder.exists() and left == []
    monkeypatch.setattr(np, "save", real_save)
    assert find_sources(repo, SourcesQuery(UNRELATED, "x")).index == "built"
    assert find_sources(repo, SourcesQuery(UNRELATED, "x")).index == "cached"


def test_the_published_english_interpretation(repo: PolicyRepo) -> None:
    """NDRC's English text against the English corpus: the links the Chinese gold has for
    2.1 and 2.4 are found in English, and the English title mention is no source."""
    text = (POLICIES / "ndrc-2025-0826" / "raw" / "en.txt").read_text(encoding="utf-8")
    report = find_sources(repo, SourcesQuery(text, "ndrc.en.txt", exclude=("ndrc-2025-0826",)))
    assert report.lang == "en"
    found = {(p.path, m.ref) for p in report.passages for m in p.sources}
    assert {("2.1", "gf-2025-11#2.1.1"), ("2.4", "gf-2025-11#2.6.1")} <= found
    assert {ref.split("#")[0] for _, ref in found} == {"gf-2025-11"}
