"""Clauses cited by their label resolve to the path the tree gives them."""

from __future__ import annotations

import pytest

from polydiff.errors import CitationError
from polydiff.model import ClauseRef
from polydiff.parse.cite import parse_citation, resolve_path
from polydiff.parse.text import parse_text
from polydiff.store.repo import PolicyRepo
from tests.parse.test_documents import BILL, CONTRACT, EN_REGULATION, ZH_REGULATION

ZH = parse_text(ZH_REGULATION, "zh", "reg").tree
EN = parse_text(EN_REGULATION, "en", "reg").tree


@pytest.mark.parametrize(
    ("cited", "path"),
    [
        ("第三条", "1.3"),
        ("第3条", "1.3"),
        ("第四条", "2.1.4"),  # articles keep counting across chapters and sections
        ("art4", "2.1.4"),
        ("Art. 4", "2.1.4"),
        ("Article 4", "2.1.4"),  # an English citation of the Chinese text
        ("第二章", "2"),
        ("ch2", "2"),
        ("第二节", "2.2"),
        ("第五条.1.2", "2.1.5.1.2"),  # the path after the label is taken from there
        ("art4.p1", "2.1.4.p1"),
        ("2.1.4", "2.1.4"),  # a path is a path
    ],
)
def test_chinese_regulation(cited: str, path: str) -> None:
    assert resolve_path(ZH, cited) == path


@pytest.mark.parametrize(
    ("cited", "path"),
    [("Article 3", "2.1.3"), ("ARTICLE 3", "2.1.3"), ("art5", "3.5"), ("第三条", "2.1.3"),
     ("Chapter II", "2"), ("chapter 3", "3"), ("Section 2", "2.2"), ("Article 3.p1", "2.1.3.p1")],
)  # fmt: skip
def test_english_regulation(cited: str, path: str) -> None:
    assert resolve_path(EN, cited) == path


def test_bill_sections_and_contract_schedules() -> None:
    bill = parse_text(BILL, "en", "bill").tree
    for cited in ("SEC. 3", "Sec. 3.", "Section 3", "sec3", "§ 3", "§3"):
        assert resolve_path(bill, cited) == "3", cited
    assert resolve_path(bill, "sec3.2.1") == "3.2.1"
    contract = parse_text(CONTRACT, "en", "msa").tree
    assert resolve_path(contract, "Schedule 1") == resolve_path(contract, "sch1") == "sch1"
    assert resolve_path(contract, "sched1.2") == "sch1.2"


def test_errors_say_what_was_cited() -> None:
    with pytest.raises(CitationError, match=r"no article 9 in reg \(zh\) \(cited as '第九条'\)"):
        resolve_path(ZH, "第九条")
    with pytest.raises(CitationError, match="no clause 7.7 in reg"):
        resolve_path(ZH, "7.7")
    with pytest.raises(CitationError, match="no clause 1.3.p4"):
        resolve_path(ZH, "art3.p4")
    with pytest.raises(CitationError, match="not a clause path or citation: 'clause 3'"):
        resolve_path(ZH, "clause 3")


def test_a_label_naming_two_clauses_is_ambiguous() -> None:
    text = "Agreement\n\nArticle 1 The parties agree.\n\nSchedule 1 Terms\n\nArticle 1 The terms apply.\n"
    tree = parse_text(text, "en", "x").tree
    assert [c.path for c in tree.walk()] == ["1", "sch1", "sch1.1"]
    with pytest.raises(CitationError, match="'Article 1' names 2 clauses in x \\(en\\): 1, sch1.1"):
        resolve_path(tree, "Article 1")


def test_corpus_paths_still_resolve(corpus: PolicyRepo) -> None:
    tree = corpus.load_tree("gf-2025-11", "zh")
    assert all(resolve_path(tree, p) == p for p in tree.paths())


def test_parse_citation_families() -> None:
    assert parse_citation("第一编") == ("part", 1)
    assert parse_citation("PART II") == ("part", 2)
    assert parse_citation("TITLE II") == ("title", 2)
    assert parse_citation("Annex III") == ("schedule", 3)


@pytest.mark.parametrize(
    "text",
    ["reg#第三条", "reg#art3", "reg#Article 3", "reg@HEAD~1#Article 3", "reg#SEC. 3.", "reg#§ 3"],
)
def test_clause_refs_accept_citations(text: str) -> None:
    ref = ClauseRef.parse(text)
    assert ref.doc == "reg" and ref.cited
    assert not ClauseRef.parse("reg#2.1.1").cited


@pytest.mark.parametrize("text", ["reg#2.x", "reg#第三款", "reg#", "reg#art"])
def test_clause_refs_refuse_what_is_neither(text: str) -> None:
    with pytest.raises(ValueError, match="not a clause path|not a document reference"):
        ClauseRef.parse(text)
