"""Shingling a batch end to end, and the frequency model counted in parts, give what
shingling and counting clause by clause give."""

from __future__ import annotations

import numpy as np
import pytest
from bench.lineage_corpus import make_corpus

from polydiff.lineage.build import clause_rows
from polydiff.lineage.shingles import (
    DocFrequency,
    busy_candidates,
    count_shingles,
    neighbour_pairs,
    shingle_clauses,
    shingle_sequence,
)
from polydiff.numeric import group_code_runs

TITLES = ["关于深入实施“人工智能+”行动的意见"]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[str], list[int]]:
    rows = clause_rows(make_corpus(60, seed=5).docs)
    texts = [r.content for r in rows] + ["", "短", "人工智能"]  # empty, short, one shingle
    return texts, [r.doc for r in rows] + [999, 999, 1000]


def test_a_batch_has_each_clauses_own_sequence(corpus: tuple[list[str], list[int]]) -> None:
    texts, _ = corpus
    shingled = shingle_clauses(texts, "zh", {}, first=10)
    assert len(shingled) == len(texts)
    for text, (codes, units) in zip(texts, shingled, strict=True):
        one_codes, one_units = shingle_sequence(text, "zh", {})
        assert np.array_equal(codes, one_codes) and np.array_equal(units, one_units)


def test_the_table_has_each_distinct_shingle_of_a_clause_at_its_first_place(
    corpus: tuple[list[str], list[int]],
) -> None:
    texts, _ = corpus
    table = shingle_clauses(texts, "zh", {}, first=10).table()
    expected = set()
    for k, text in enumerate(texts):
        codes, _ = shingle_sequence(text, "zh", {})
        firsts: dict[int, int] = {}
        for position, code in enumerate(codes.tolist()):
            firsts.setdefault(code, position)
        expected |= {(code, k + 10, p) for code, p in firsts.items()}
    rows = zip(table.codes.tolist(), table.clause.tolist(), table.position.tolist(), strict=True)
    assert sorted(rows) == sorted(expected)
    assert (np.diff(table.clause) >= 0).all()  # in clause order


def test_counts_in_parts_by_code_give_the_same_model(
    corpus: tuple[list[str], list[int]],
) -> None:
    texts, docs = corpus
    doc_of = np.array(docs, dtype=np.int64)
    whole = DocFrequency.of_batches([shingle_clauses(texts, "zh", {})], doc_of, "zh", TITLES, 1)
    counts = count_shingles(shingle_clauses(texts, "zh", {}), docs)
    assert len(busy_candidates(counts)) > 10  # the corpus has topic words to tell apart
    for size in (7, 400, len(texts)):
        batches = [
            shingle_clauses(texts[k : k + size], "zh", {}, k) for k in range(0, len(texts), size)
        ]
        for buckets in (1, 5):
            parts = DocFrequency.of_batches(batches, doc_of, "zh", TITLES, buckets)
            assert np.array_equal(parts.frequent_codes, whole.frequent_codes)
            assert np.array_equal(parts.busy_codes, whole.busy_codes)


def test_neighbours_are_those_of_every_occurrence(corpus: tuple[list[str], list[int]]) -> None:
    texts, docs = corpus
    shingled = shingle_clauses(texts, "zh", {})
    candidates = busy_candidates(count_shingles(shingled, docs))
    left, right = neighbour_pairs(candidates, shingled)
    want_left, want_right = set(), set()
    where = {code: k for k, code in enumerate(candidates.tolist())}
    for codes, units in shingled:
        for p, code in enumerate(codes.tolist()):
            if code in where:
                if p >= 1:
                    want_left.add((where[code], int(units[p - 1])))
                if p + 4 < len(units):
                    want_right.add((where[code], int(units[p + 4])))
    assert set(map(tuple, left.tolist())) == want_left
    assert set(map(tuple, right.tolist())) == want_right


@pytest.mark.parametrize("spread", [1, 1 << 21])  # one-key sort; groups too far apart for it
def test_group_code_runs_puts_each_group_and_code_together(spread: int) -> None:
    rng = np.random.default_rng(0)
    group = np.sort(rng.integers(0, 50, 5_000)) * spread
    codes = rng.integers(0, 40, 5_000).astype(np.uint64) << np.uint64(50)  # top bits only
    codes[::7] = rng.integers(0, 2**63, len(codes[::7])).astype(np.uint64)
    order, runs = group_code_runs(group, codes)
    g, c = group[order], codes[order]
    assert sorted(order.tolist()) == list(range(len(codes)))
    firsts = list(zip(g[runs].tolist(), c[runs].tolist(), strict=True))
    assert (
        len(firsts)
        == len(set(firsts))
        == len(set(zip(group.tolist(), codes.tolist(), strict=True)))
    )
    ends = np.r_[runs[1:], len(order)]
    for start, end in zip(runs.tolist(), ends.tolist(), strict=True):
        assert len(set(zip(g[start:end].tolist(), c[start:end].tolist(), strict=True))) == 1
        assert order[start] == order[start:end].min()  # the earliest row first


def test_codes_that_share_the_sort_key_still_come_apart() -> None:
    inverse = pow(0x9E3779B97F4A7C15, -1, 1 << 64)
    same_key = [((5 << 20) + d) * inverse % (1 << 64) for d in (0, 1)]  # products 1 apart
    codes = np.array([same_key[0], same_key[1], same_key[0], 77], dtype=np.uint64)
    group = np.zeros(4, dtype=np.int64)
    order, runs = group_code_runs(group, codes)
    firsts = {int(codes[order[r]]): int(order[r]) for r in runs.tolist()}
    assert firsts == {same_key[0]: 0, same_key[1]: 1, 77: 3}


def test_the_packed_rows_make_room_for_the_corpus_size() -> None:
    from polydiff.lineage.index import diag_bits, packing_room

    assert diag_bits(434_567**2) == 25  # 10,000 synthetic documents
    assert packing_room(4_300_000**2, 60_000) == 18  # 100,000: clauses of 60,000 units fit
    with pytest.raises(ValueError, match="too large to index"):
        packing_room(4_300_000**2, 200_000)
    with pytest.raises(ValueError, match="too large to index"):
        packing_room(2**62, 10)


@pytest.mark.parametrize("chunk", [1, 2, 3, 1000])
def test_close_pairs_in_chunks_finds_the_same_pairs(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from polydiff.lineage import index

    rng = np.random.default_rng(1)
    n = 3000
    keys = rng.integers(0, 20_000, 100_000) * 397  # pair keys below n²
    packed = (keys << index.diag_bits(n * n)) + rng.integers(0, 60, len(keys))
    monkeypatch.setattr(index, "CLOSE_CHUNK", 1 << 30)
    whole = index.close_pairs(packed.copy(), n)
    assert len(whole) > 10_000
    monkeypatch.setattr(index, "CLOSE_CHUNK", chunk)
    assert np.array_equal(index.close_pairs(packed.copy(), n), whole)


def test_candidate_pairs_set_aside_on_disk_are_the_same_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the rows held in memory, the packed pairs go to disk by earlier clause and are
    closed a range at a time: the same pairs, in the same order."""
    from polydiff.lineage.build import shingled_batches
    from polydiff.lineage.index import candidate_pairs
    from polydiff.lineage.shingles import DocFrequency

    docs = make_corpus(150, seed=11).docs
    rows = clause_rows(docs)
    doc_of = np.array([r.doc for r in rows], dtype=np.int64)

    def pairs(held: int) -> np.ndarray:
        batches = shingled_batches(rows, "zh", {})
        df = DocFrequency.of_batches(batches, doc_of, "zh", [d.tree.title for d in docs])
        return candidate_pairs([b.table() for b in batches], doc_of, df, held=held)

    from polydiff.store import spill

    spills: list[int] = []
    opened = spill.Spill.__init__

    def counted(self: spill.Spill, buckets: int, folder: str | None = None) -> None:
        spills.append(buckets)
        opened(self, buckets, folder)

    monkeypatch.setattr(spill.Spill, "__init__", counted)
    whole = pairs(1 << 40)
    assert len(whole) > 500 and not spills
    for held in (1, 1000, 20_000):
        assert np.array_equal(pairs(held), whole), held
    assert len(spills) == 3 and min(spills) >= 2  # each budget was exceeded: set aside
