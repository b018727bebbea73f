"""The pure-Python and numpy overlap implementations agree (on every pair, or on the active
ones); pruning common grams keeps the pairs that matter; the assignment is optimal."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polydiff.align.assignment import _scipy_assignment, assign, hungarian
from polydiff.align.overlap import ArrayOverlap, PyOverlap
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
    ta = [normalize(c.content) for c in corpus.load_tree(a_doc, lang).walk() if c.content]
    tb = [normalize(c.content) for c in corpus.load_tree(b_doc, lang).walk() if c.content]
    all_a, all_b = range(len(ta)), range(len(tb))
    py, sp = PyOverlap(ta, tb, lang), ArrayOverlap(ta, tb, lang, all_a, all_b)
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


def test_only_active_pairs_are_compared_with_weights_from_all() -> None:
    """Restricting the pairs to active texts changes no number of those pairs."""
    from bench.corpus_gen import make_tree, revise

    a, b = make_tree(80), revise(make_tree(80))
    ta = [normalize(c.content) for c in a.walk() if c.text]
    tb = [normalize(c.content) for c in b.walk() if c.text]
    act_a, act_b = list(range(0, len(ta), 3)), list(range(1, len(tb), 2))
    for make in (PyOverlap, ArrayOverlap):
        full = make(ta, tb, "zh", range(len(ta)), range(len(tb)))
        part = make(ta, tb, "zh", act_a, act_b)
        expect = [(x, y, j) for x, y, j in full.candidates(0.05) if x in act_a and y in act_b]
        got = part.candidates(0.05)
        assert [(x, y) for x, y, _ in got] == [(x, y) for x, y, _ in expect]
        assert [j for *_, j in got] == pytest.approx([j for *_, j in expect])
        assert part.shared(0, 1) == pytest.approx(full.shared(0, 1))
        assert part.shared(1, 1) == 0.0  # A text 1 is not active


def test_pruning_common_grams_keeps_the_pairs_that_matter(monkeypatch: pytest.MonkeyPatch) -> None:
    """On 600 clauses, the numpy path with common grams pruned proposes the same pairs above
    the link threshold as without pruning."""
    from bench.corpus_gen import make_tree, revise

    from polydiff.align.matching import LINK_THRESHOLD

    a = make_tree(600)
    b = revise(a)
    ta = [normalize(c.content) for c in a.walk() if c.text]
    tb = [normalize(c.content) for c in b.walk() if c.text]
    everything = (range(len(ta)), range(len(tb)))
    exact = {
        (x, y) for x, y, _ in ArrayOverlap(ta, tb, "zh", *everything).candidates(LINK_THRESHOLD)
    }
    monkeypatch.setattr("polydiff.align.overlap.PAIR_BUDGET", 0)  # prune whatever the size
    ov = ArrayOverlap(ta, tb, "zh", *everything)
    pruned = {(x, y) for x, y, _ in ov.candidates(LINK_THRESHOLD)}
    assert exact and len(pruned & exact) / len(exact) >= 0.99
    for x, y in list(pruned & exact)[:50]:  # common grams still count, exactly
        jac_exact = ArrayOverlap(ta, tb, "zh", [x], [y]).shared(x, y)
        assert ov.shared(x, y) == pytest.approx(jac_exact)


def test_pruning_by_the_matchers_needs_loses_no_pair_it_would_accept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dropping pairs that cannot reach the thresholds even with every common gram keeps
    exactly the candidates above the threshold, with their exact weights, and every
    best container that is contained enough to matter."""
    from bench.corpus_gen import make_tree, revise

    from polydiff.align.matching import LINK_THRESHOLD, SPLIT_CONTAINMENT_LOW
    from polydiff.align.overlap import Needs

    a = make_tree(600)
    b = revise(a)
    ta = [normalize(c.content) for c in a.walk() if c.text]
    tb = [normalize(c.content) for c in b.walk() if c.text]
    everything = (range(len(ta)), range(len(tb)))
    exact = ArrayOverlap(ta, tb, "zh", *everything)
    monkeypatch.setattr("polydiff.align.overlap.PAIR_BUDGET", 0)
    needs = Needs(LINK_THRESHOLD, SPLIT_CONTAINMENT_LOW)
    pruned = ArrayOverlap(ta, tb, "zh", *everything, needs)
    want, got = exact.candidates(LINK_THRESHOLD), pruned.candidates(LINK_THRESHOLD)
    assert [(x, y) for x, y, _ in got] == [(x, y) for x, y, _ in want]
    assert [j for *_, j in got] == pytest.approx([j for *_, j in want])
    assert len(pruned.pair_keys) < len(exact.pair_keys) / 2  # it does prune
    for side, n, sizes in (("a", len(ta), exact.size_a), ("b", len(tb), exact.size_b)):
        for r in range(n):
            best = exact.best_container(side, r)
            if best and best[1] >= SPLIT_CONTAINMENT_LOW * sizes[r]:
                assert pruned.best_container(side, r) == pytest.approx(best)


def test_repeated_texts_are_one_unit_counted_as_often_as_they_occur() -> None:
    a = ["人工智能赋能产业发展", "人工智能赋能产业发展", "数据要素市场化配置"]
    b = ["人工智能赋能产业升级", "数据要素市场配置改革", "人工智能赋能产业发展"]
    py = PyOverlap(a, b, "zh", [0, 1, 2], [0, 1])
    ar = ArrayOverlap(a, b, "zh", [0, 1, 2], [0, 1])
    cp, ca = py.candidates(0.0), ar.candidates(0.0)
    assert [(x, y) for x, y, _ in ca] == [(x, y) for x, y, _ in cp] == [(0, 0), (1, 0), (2, 1)]
    assert [j for *_, j in ca] == pytest.approx([j for *_, j in cp])
    assert py.size_b == pytest.approx(ar.size_b)


def test_the_numpy_word_table_is_the_regular_expression_word_class() -> None:
    """The numpy gram codes find runs of word characters as ``\\w`` does (U+0001 was once
    marked as a word character by the way the table was made)."""
    import re

    from polydiff.align.overlap import _word_table

    table = _word_table()
    assert [bool(table[c]) for c in range(0x10000)] == [
        re.fullmatch(r"\w", chr(c)) is not None for c in range(0x10000)
    ]
    texts = ["甲\x01乙丙", "甲乙\x01丙丁"]
    py, sp = PyOverlap(texts, texts, "zh"), ArrayOverlap(texts, texts, "zh", [0, 1], [0, 1])
    assert [py.gram_count("a", r) for r in range(2)] == [sp.gram_count("a", r) for r in range(2)]


def test_the_common_grams_weight_is_the_same_from_the_table_and_by_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dense lookup table of common grams and the binary search it falls back to when
    the table would be too large give the same weights to the same pairs."""
    from bench.corpus_gen import make_tree, revise

    a = make_tree(600)
    b = revise(a)
    ta = [normalize(c.content) for c in a.walk() if c.text]
    tb = [normalize(c.content) for c in b.walk() if c.text]
    everything = (range(len(ta)), range(len(tb)))
    monkeypatch.setattr("polydiff.align.overlap.PAIR_BUDGET", 0)
    table = ArrayOverlap(ta, tb, "zh", *everything)
    monkeypatch.setattr("polydiff.align.overlap.DENSE_CELLS", 0)
    search = ArrayOverlap(ta, tb, "zh", *everything)
    assert len(table.pair_keys) and (table.pair_keys == search.pair_keys).all()
    assert (table.pair_values == search.pair_values).all()
