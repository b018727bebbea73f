"""Verification skips candidates without changing the answer: on a synthetic corpus with
known reuse, ``verify_pairs`` (which compares a candidate only while it can still supply a
passage of its own) links the same later clauses as comparing every candidate, with nearly
the same sources, and its cheap pre-check never rejects a pair the matcher accepts."""

from __future__ import annotations

import pytest
from bench.lineage_corpus import make_corpus
from bench.lineage_scale import Meter, Pipeline

from polydiff.lineage.build import (
    informative_counter,
    informative_positions,
    may_match,
    one_source_per_passage,
    shared_positions,
    verify_pairs,
)
from polydiff.lineage.passages import PassageMatch, match_passages
from polydiff.model.lineage import LineageLink

LANG = "zh"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    p = Pipeline(make_corpus(120, seed=3), Meter())
    p.index()
    p.informative = informative_counter(p.df, LANG, p.words)
    return p


@pytest.fixture(scope="module")
def accepted(pipeline: Pipeline) -> list[tuple[int, int, PassageMatch]]:
    """Every candidate pair the matcher accepts, comparing them all."""
    p = pipeline
    out = []
    for i, j in p.pairs.tolist():
        m = match_passages(p.rows[i].content, p.rows[j].content, LANG, p.informative)
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
        verify_pairs(p.pairs, p.rows, p.sequences, LANG, p.informative, p.df.frequent, stats)
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
        where_code = informative_positions(p.sequences[j], p.df.frequent)
        where = shared_positions(where_code, set(p.sequences[i].tolist()))
        assert len(where) >= 3
        assert may_match(where, LANG), (i, j)


def test_precheck_rejects_a_lone_short_run() -> None:
    assert not may_match([5, 6, 7], "zh")  # 6 characters: no quotation, no paraphrase
    assert may_match([5, 6, 7, 8, 9], "zh")  # 8 characters: could be a quotation
    assert may_match([1, 2, 10, 11, 20, 21], "zh")  # 3 runs of 5 characters: paraphrase?
    assert not may_match([1, 20], "zh")
    assert not may_match([1, 3, 5, 7], "zh")  # 4 shingles overlapping: 10 characters
    assert may_match([1, 5, 9], "zh")  # 3 separate seeds of 4: 12 characters
