"""Verification skips candidates without changing the answer: on a synthetic corpus with
known reuse, ``verify_pairs`` (which compares a candidate only while it can still supply a
passage of its own) links the same later clauses as comparing every candidate, with nearly
the same sources, and its cheap pre-check never rejects a pair the matcher accepts."""

from __future__ import annotations

import itertools

import pytest
from bench.lineage_corpus import make_corpus
from bench.lineage_scale import Meter, Pipeline

from polydiff.lineage.build import one_source_per_passage
from polydiff.lineage.passages import EVIDENCE, Evidence, PassageMatch, match_passages
from polydiff.lineage.verify import (
    background_totals,
    informative_positions,
    may_match,
    shared_positions,
    unit_weigher,
    verify_pairs,
)
from polydiff.model.lineage import LineageLink, LineageRelation

LANG = "zh"
DISCOVERY = EVIDENCE[LineageRelation.DISCOVERED]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    p = Pipeline(make_corpus(120, seed=3), Meter())
    p.index()
    p.weigh = unit_weigher(p.df, LANG, p.words)
    return p


@pytest.fixture(scope="module")
def accepted(pipeline: Pipeline) -> list[tuple[int, int, PassageMatch]]:
    """Every candidate pair the matcher accepts, comparing them all."""
    p = pipeline
    out = []
    for i, j in p.pairs.tolist():
        m = match_passages(p.rows[i].content, p.rows[j].content, LANG, p.weigh, DISCOVERY)
        if m is not None:
            out.append((i, j, m))
    return out


def _key(item: tuple[int, int, LineageLink]) -> tuple[int, int, str, str]:
    return (item[0], item[1], item[2].from_path, item[2].to_path)


def test_skipping_links_the_same_clauses_as_comparing_everything(
    pipeline: Pipeline, accepted: list[tuple[int, int, PassageMatch]]
) -> None:
    p = pipeline
    stats: dict[str, int] = {}
    fast = one_source_per_passage(
        verify_pairs(p.pairs, p.rows, p.sequences, LANG, p.weigh, p.df.frequent_set, stats)
    )
    full = one_source_per_passage(
        [
            (
                p.rows[i].doc,
                p.rows[j].doc,
                LineageLink(p.rows[i].path, p.rows[j].path, m.kind, m.score, m.spans),
            )
            for i, j, m in accepted
        ]
    )
    assert len(full) > 100, "the corpus has reuse to find"
    later = {(doc, link.to_path) for _, doc, link in full}
    assert {(doc, link.to_path) for _, doc, link in fast} == later
    same = {_key(x) for x in fast} & {_key(x) for x in full}
    assert len(same) >= 0.97 * len(full), (len(same), len(full), len(fast))
    assert stats["compared"] + stats["skipped"] == len(p.pairs)
    assert stats["compared"] < 0.5 * len(p.pairs), stats


def test_precheck_never_rejects_an_accepted_pair(
    pipeline: Pipeline, accepted: list[tuple[int, int, PassageMatch]]
) -> None:
    p = pipeline
    assert accepted
    for i, j, _ in accepted:
        where_code = informative_positions(p.sequences[j], p.df.frequent_set)
        where = shared_positions(where_code, set(p.sequences[i].tolist()))
        assert where
        assert may_match(where, LANG, background_totals(p.rows[j].content, LANG)), (i, j)


def test_precheck_rejects_a_lone_short_run() -> None:
    # declared relations: a quotation's longest run weighs 6 (six content characters), a
    # paraphrase scores 5; a shingle covers 4 characters
    declared = Evidence(5.0, shingle_runs=True)
    assert not may_match([5], "zh", None, declared)  # 4 characters
    assert not may_match([], "zh", None, declared)
    assert not may_match([5, 6], "zh", None, Evidence(9.0, shingle_runs=True))  # 5 characters
    assert may_match([5, 7], "zh", None, Evidence(9.0, shingle_runs=True))  # 6 characters
    # discovery: a quotation's run weighs 8, a paraphrase scores 10
    assert not may_match([5, 7], "zh")  # 6 characters
    assert may_match([5, 6, 7, 8, 9], "zh")  # 8 characters
    assert may_match([1, 5], "zh")  # 8 characters in one cluster
    assert not may_match([1, 20], "zh")  # two lone shingles far apart: 8 in all
    # three lone shingles: 12 characters in all, no quotation, a paraphrase of 12 at most
    assert not may_match([1, 20, 40], "zh", None, Evidence(13.0, shingle_runs=True))
    assert may_match([1, 20, 40], "zh", None, Evidence(12.0, shingle_runs=True))
    common = list(itertools.accumulate([0.2] * 8, initial=0.0))  # characters as common as 的
    assert not may_match([0, 1, 2, 3, 4], "zh", common)
    assert may_match([0, 1, 2, 3, 4], "zh", list(itertools.accumulate([1.0] * 8, initial=0.0)))
