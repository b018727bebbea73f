"""The pure-Python and sparse overlap implementations agree; the assignment is optimal."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polydiff.align.assignment import _scipy_assignment, assign, hungarian
from polydiff.align.overlap import PyOverlap, SparseOverlap
from polydiff.normalize import normalize
from polydiff.store.repo import PolicyRepo


@pytest.mark.parametrize(
    ("a_doc", "b_doc", "lang"),
    [
        ("gf-2025-11", "ndrc-2025-0826", "zh"),
        ("gf-2025-11", "gmrb-2025-1025", "en"),
        ("gf-2015-40", "gf-2025-11", "zh"),
    ],
)
def test_both_implementations_give_the_same_numbers(
    corpus: PolicyRepo, a_doc: str, b_doc: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("polydiff.align.overlap.COMMON_MIN", 10**9)  # no pruning: exact
    ta = [normalize(c.content) for c in corpus.load_tree(a_doc, lang).walk() if c.content]
    tb = [normalize(c.content) for c in corpus.load_tree(b_doc, lang).walk() if c.content]
    py, sp = PyOverlap(ta, tb, lang), SparseOverlap(ta, tb, lang)
    assert py.size_a == pytest.approx(sp.size_a) and py.size_b == pytest.approx(sp.size_b)
    cp, cs = py.candidates(0.05), sp.candidates(0.05)
    assert [(a, b) for a, b, _ in cp] == [(a, b) for a, b, _ in cs]
    assert [j for _, _, j in cp] == pytest.approx([j for _, _, j in cs])
    for side, n in (("a", len(ta)), ("b", len(tb))):
        for r in range(n):
            bp, bs = py.best_container(side, r), sp.best_container(side, r)
            assert (bp is None) == (bs is None)
            if bp and bs:
                assert bp[1] == pytest.approx(bs[1])
            assert py.gram_count(side, r) == sp.gram_count(side, r)
    for whole in range(min(len(ta), 10)):
        parts = list(range(0, len(tb), 3))
        assert py.coverage("a", whole, parts) == pytest.approx(sp.coverage("a", whole, parts))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.randoms(use_true_random=False))
def test_hungarian_is_optimal(n: int, m: int, rng: random.Random) -> None:
    score = [[rng.choice([0.0, rng.random()]) for _ in range(m)] for _ in range(n)]
    got = hungarian(score)
    best = (
        max(
            sum(score[r][c] for r, c in zip(rows, cols, strict=False))
            for rows in [range(n)]
            for cols in itertools.permutations(range(m), min(n, m))
        )
        if n <= m
        else max(
            sum(score[r][c] for r, c in zip(rows, range(m), strict=False))
            for rows in itertools.permutations(range(n), m)
        )
    )
    assert sum(score[r][c] for r, c in got) == pytest.approx(best)
    assert len({r for r, _ in got}) == len(got) == len({c for _, c in got})
    assert sum(score[r][c] for r, c in _scipy_assignment(score)) == pytest.approx(best)


def test_assign_works_per_component() -> None:
    cands = [(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.85), (5, 7, 0.3), (6, 8, 0.5), (6, 7, 0.6)]
    assert assign(cands) == [(0, 1), (1, 0), (5, 7), (6, 8)]


def test_pruning_common_grams_keeps_the_pairs_that_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    """On 600 clauses, the sparse path with common grams pruned proposes the same pairs above
    the link threshold as without pruning."""
    from bench.corpus_gen import make_tree, revise

    from polydiff.align.matching import LINK_THRESHOLD

    a = make_tree(600)
    b = revise(a)
    ta = [normalize(c.content) for c in a.walk() if c.text]
    tb = [normalize(c.content) for c in b.walk() if c.text]
    pruned = {(x, y) for x, y, _ in SparseOverlap(ta, tb, "zh").candidates(LINK_THRESHOLD)}
    monkeypatch.setattr("polydiff.align.overlap.COMMON_MIN", 10**9)
    exact = {(x, y) for x, y, _ in SparseOverlap(ta, tb, "zh").candidates(LINK_THRESHOLD)}
    assert exact and len(pruned & exact) / len(exact) >= 0.99
