"""The real documents of the bundled corpus parse into their real structure.

The expected structures below were written down from reading the texts."""

from __future__ import annotations

import pytest

from polydiff.model import ClauseKind, path_mismatch, union_paths
from polydiff.parse.accounting import unaccounted
from polydiff.parse.text import parse_text
from polydiff.store.repo import PolicyRepo
from tests.conftest import raw_text

TEXT_DOCS = ["gf-2025-11", "ndrc-2025-0826", "gmrb-2025-1025"]


@pytest.mark.parametrize("doc", TEXT_DOCS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_character_is_accounted_for(doc: str, lang: str) -> None:
    raw = raw_text(doc, lang)
    result = parse_text(raw, lang, doc)
    assert unaccounted(raw, result.tree) is None
    assert not result.warnings


@pytest.mark.parametrize("doc", TEXT_DOCS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stored_trees_are_what_the_parser_gives(corpus: PolicyRepo, doc: str, lang: str) -> None:
    assert corpus.load_tree(doc, lang) == parse_text(raw_text(doc, lang), lang, doc).tree


@pytest.mark.parametrize("doc", TEXT_DOCS)
def test_chinese_and_english_have_the_same_paths(corpus: PolicyRepo, doc: str) -> None:
    assert path_mismatch(corpus.load_tree(doc, "zh"), corpus.load_tree(doc, "en")) == ([], [])


def test_gf_2025_11_structure(corpus: PolicyRepo) -> None:
    zh = corpus.load_tree("gf-2025-11", "zh")
    top = [c.path for c in zh.clauses]
    assert top == ["to", "pre", "1", "2", "3", "4", "end"]
    parts = [c for c in zh.clauses if c.kind is ClauseKind.PART]
    assert len(parts) == 4
    part2 = zh.find("2")
    assert [c.path for c in part2.children] == [f"2.{i}" for i in range(1, 7)]
    assert [len(c.children) for c in part2.children] == [3, 4, 2, 3, 3, 2]
    part3 = zh.find("3")
    assert [c.path for c in part3.children] == [f"3.{i}" for i in range(7, 15)]
    assert all(not c.children and c.heading and c.text for c in part3.children)
    assert zh.find("2.1.1").heading == "加速科学发现进程"
    assert zh.find("3.7").heading == "提升模型基础能力"
    assert zh.find("1").heading == "总体要求"
    assert zh.find("1.p2").text.startswith("到2027年")
    assert zh.find("4.p1").text.startswith("坚持把党的领导")
    assert zh.find("end").text == "国务院\n2025年8月21日"
    assert zh.number == "国发〔2025〕11号"
    en = corpus.load_tree("gf-2025-11", "en")
    assert en.paths() == zh.paths()
    assert en.find("2.1.1").heading == "Accelerating the Scientific Discovery Process"
    # the stray "1." inside (V) 1 is text, not a clause
    assert "1. Accelerate the application of artificial intelligence (AI)" in en.find("2.5.1").text
    assert en.find("3.14").label == "(XIV)"


def test_ndrc_2025_0826_structure(corpus: PolicyRepo) -> None:
    # 一、 with an opening paragraph and （一）–（三）; 二、 with an opening paragraph and
    # （一）–（四）; 三、 with an opening paragraph and 一是–五是; the author line at the end.
    for lang in ("zh", "en"):
        t = corpus.load_tree("ndrc-2025-0826", lang)
        assert t.paths() == [
            "pre",
            "1",
            "1.p1",
            "1.1",
            "1.2",
            "1.3",
            "2",
            "2.p1",
            "2.1",
            "2.2",
            "2.3",
            "2.4",
            "3",
            "3.p1",
            "3.1",
            "3.2",
            "3.3",
            "3.4",
            "3.5",
            "end",
        ], lang
        assert [t.find(f"3.{i}").kind for i in range(1, 6)] == [ClauseKind.ENUMERATION] * 5
        assert len(t.front) == 2
    zh = corpus.load_tree("ndrc-2025-0826", "zh")
    assert zh.find("1.1").heading == "从发展历程看,我国正经历从“互联网+”向“人工智能+”的战略跃升"
    assert zh.find("3.2").label == "二是"
    assert zh.find("3.2").heading.startswith("鼓励重点领域先行先试")
    assert zh.find("end").text == "(国家信息中心党委副书记、副主任\xa0周\xa0\xa0民)"
    en = corpus.load_tree("ndrc-2025-0826", "en")
    assert en.find("3.1").label == "First,"
    assert en.find("end").text.startswith("(Zhou Min")


def test_gmrb_2025_1025_structure(corpus: PolicyRepo) -> None:
    # A rubric and byline, an opening paragraph, three titled sections of 4, 7 and 5
    # paragraphs, the author line.
    for lang in ("zh", "en"):
        t = corpus.load_tree("gmrb-2025-1025", lang)
        assert [c.path for c in t.clauses] == ["pre", "h1", "h2", "h3", "end"], lang
        assert [len(t.find(h).children) for h in ("h1", "h2", "h3")] == [4, 7, 5], lang
    zh = corpus.load_tree("gmrb-2025-1025", "zh")
    assert zh.title == "智能社会”研究三题"  # the opening quote mark is missing in the source: kept
    assert zh.front[1] == "【构建中国哲学社会科学自主知识体系】"
    assert zh.find("h3").heading == "智能社会建设:弘扬科学精神与坚守人文价值"
    assert zh.find("h3.p1").text.startswith("按照《指导意见》,到2027年")


def test_gf_2015_40_outline(corpus: PolicyRepo) -> None:
    doc = corpus.load("gf-2015-40")
    assert doc.meta.completeness.value == "outline"
    zh = doc.tree("zh")
    assert len(zh) == 28
    assert zh.find("2.3").heading == "“互联网+”现代农业"
    assert zh.find("3.1.1").heading == "巩固网络基础"
    assert all(not c.text for c in zh.walk())
    en = doc.tree("en")
    assert en.find("2.3").heading == '"Internet Plus" modern agriculture'
    assert len([c for c in en.walk() if c.heading]) == 11
    sources = doc.meta.provenance["headings"]
    assert "risinglawyer" in " ".join(sources["2.3"]["verified"])


def test_union_paths_of_a_bilingual_outline(corpus: PolicyRepo) -> None:
    """gf-2015-40: 28 Chinese clauses, 12 English ones; the union (as side-by-side views
    list it) is every Chinese path in order, then the English paths Chinese lacks."""
    doc = corpus.load("gf-2015-40")
    zh, en = doc.tree("zh"), doc.tree("en")
    union = union_paths((zh, en))
    assert union[: len(zh)] == zh.paths()
    assert union[len(zh) :] == [p for p in en.paths() if p not in set(zh.paths())]
    assert len(union) == len(set(union))
    assert union_paths((en, zh))[: len(en)] == en.paths()
