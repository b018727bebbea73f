"""Step 4 of the lineage pipeline: which candidate clause pairs are a quotation or a
paraphrase (:mod:`polydiff.lineage.passages`), pure over batches of pairs.

Candidates come two ways. Between documents that declare a relation (interprets,
implements, cites), the clauses sharing ``DECLARED_MIN_BIGRAMS`` weighty units pairs
(:func:`declared_candidates`: restatements change words, so four-character shingles would
miss them). For discovery across the corpus, the shingle index proposes the pairs
(:func:`polydiff.lineage.index.candidate_pairs`) and the chains are made of shingle-long
runs only, so the shingles a pair shares bound what it can score and most candidates are
skipped unaligned (:func:`may_match`).
"""

from __future__ import annotations

import itertools
from array import array
from collections import defaultdict
from collections.abc import Container, Iterable, Sequence
from functools import lru_cache
from typing import Any

from polydiff.gcpause import gc_paused
from polydiff.lineage.background import FREQUENT_WEIGHT, unit_weights
from polydiff.lineage.passages import (
    EVIDENCE,
    Evidence,
    Weigher,
    light_units,
    match_passages,
    units_of,
)
from polydiff.lineage.shingles import SHINGLE_N, DocFrequency, shingle_sequence
from polydiff.model.lineage import LineageLink, LineageRelation

DECLARED_MIN_BIGRAMS = 3
"""Distinct pairs of units weighing ``BIGRAM_WEIGHT`` or more that two clauses of documents
with a declared relation must share to be compared."""
BIGRAM_WEIGHT = 1.2
Found = tuple[int, int, LineageLink]
"""(earlier document index, later document index, link)."""


def unit_weigher(df: DocFrequency, lang: str, words: dict[str, int]) -> Weigher:
    """The weight of every unit of a text: its background weight, or ``FREQUENT_WEIGHT``
    where a stock, boilerplate or title shingle covers it (cached per text, as an array of
    doubles: a quarter of a tuple's memory, 0.6 GB less at 10,000 documents)."""
    import numpy as np

    n = SHINGLE_N[lang]

    @lru_cache(maxsize=200_000)
    def weigh(text: str) -> array[float]:
        units = units_of(text, lang)
        weights = unit_weights(units, lang)
        codes, _ = shingle_sequence(text, lang, words)
        if len(codes):
            covered = np.zeros(len(units), dtype=bool)
            for start in np.flatnonzero(df.frequent(codes)).tolist():
                covered[start : start + n] = True
            for k in np.flatnonzero(covered).tolist():
                weights[k] = FREQUENT_WEIGHT
        return array("d", weights)

    return weigh


def declared_candidates(
    earlier: Sequence[tuple[int, str]], later: Sequence[tuple[int, str]], lang: str, weigh: Weigher
) -> list[tuple[int, int]]:
    """(earlier row, later row) pairs sharing ``DECLARED_MIN_BIGRAMS`` weighty bigrams of
    units; rows are (clause index, content)."""

    def bigrams(text: str) -> set[tuple[str, str]]:
        units, weights = units_of(text, lang), weigh(text)
        return {
            (units[k], units[k + 1])
            for k in range(len(units) - 1)
            if weights[k] + weights[k + 1] >= BIGRAM_WEIGHT
        }

    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, text in earlier:
        for g in bigrams(text):
            postings[g].append(i)
    out = []
    for j, text in later:
        shared: dict[int, int] = defaultdict(int)
        for g in bigrams(text):
            for i in postings.get(g, ()):
                shared[i] += 1
        out += [(i, j) for i, k in shared.items() if k >= DECLARED_MIN_BIGRAMS]
    return sorted(out, key=lambda p: (p[1], p[0]))


def verify_pairs(
    pairs: Any,
    rows: Sequence[Any],
    sequences: Sequence[Any],
    lang: str,
    weigh: Weigher,
    frequent: Container[int],
    stats: dict[str, int] | None = None,
    evidence: Evidence = EVIDENCE[LineageRelation.DISCOVERED],
) -> list[Found]:
    """(from doc index, to doc index, link) for the candidates (an (n, 2) array of clause
    indices, earlier first; rows have ``doc``, ``path``, ``content``) that are a quotation
    or a paraphrase by ``evidence``. ``sequences`` holds each clause's shingle sequence,
    ``frequent`` the frequent codes (:attr:`DocFrequency.frequent_set`).

    Candidates are taken later clause by later clause (each group is independent: a batch is
    any set of whole groups), earliest clause first. With chains of shingle-long runs
    (discovery), a candidate is skipped when the informative shingles it shares with the
    later clause, less those an earlier source was found to supply, could not make a link
    (:func:`may_match`): the earlier source's passages are at least as long there, and a
    passage copied by many documents is compared about once per copy. ``stats``, when
    given, counts the candidates ``compared`` and ``skipped``."""
    import numpy as np

    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if not len(pairs):
        return []
    pairs = pairs[np.lexsort((pairs[:, 0], pairs[:, 1]))]
    bounds = np.flatnonzero(np.r_[True, pairs[1:, 1] != pairs[:-1, 1], True]).tolist()
    out: list[Found] = []
    counts = {"compared": 0, "skipped": 0}
    with gc_paused():
        _verify_groups(pairs, bounds, rows, sequences, lang, weigh, frequent, evidence, out, counts)
    if stats is not None:
        for k, v in counts.items():
            stats[k] = stats.get(k, 0) + v
    return out


def _verify_groups(
    pairs: Any,
    bounds: Sequence[int],
    rows: Sequence[Any],
    sequences: Sequence[Any],
    lang: str,
    weigh: Weigher,
    frequent: Container[int],
    evidence: Evidence,
    out: list[Found],
    counts: dict[str, int],
) -> None:
    """The loop of :func:`verify_pairs` over groups of candidates by later clause."""
    bounded = evidence.shingle_runs

    earliers, laters = pairs[:, 0].tolist(), pairs[:, 1].tolist()
    for start, end in itertools.pairwise(bounds):
        j = laters[start]
        later = rows[j]
        where_code = informative_positions(sequences[j], frequent) if bounded else {}
        background: list[float] | None = None  # the later clause's unit weights, when needed
        remaining = set(where_code)  # codes no earlier source was found to supply
        for i in earliers[start:end]:  # earlier clauses first
            if bounded:
                codes = sequences[i].tolist()  # no set of them: the set's methods take a list
                if remaining.isdisjoint(codes):
                    counts["skipped"] += 1
                    continue
                common = remaining.intersection(codes)
                where = shared_positions(where_code, common)
                # each unit weighs 1 at most: the cheap bound first
                possible = may_match(where, lang, None, evidence)
                if possible:
                    background = background or background_totals(later.content, lang)
                    possible = may_match(where, lang, background, evidence)
                if not possible:
                    counts["skipped"] += 1
                    continue
            counts["compared"] += 1
            earlier = rows[i]
            found = match_passages(earlier.content, later.content, lang, weigh, evidence)
            if found is None:
                continue
            link = LineageLink(earlier.path, later.path, found.kind, found.score, found.spans)
            out.append((earlier.doc, later.doc, link))
            if bounded:
                remaining -= common


def background_totals(text: str, lang: str) -> list[float]:
    """Running totals of the background weights of ``text``'s units (``[0, w0, w0 + w1,
    …]``), for :func:`may_match`."""
    return list(itertools.accumulate(unit_weights(light_units(text, lang), lang), initial=0.0))


def informative_positions(sequence: Any, frequent: Container[int]) -> dict[int, list[int]]:
    """Where each informative shingle of a clause's shingle ``sequence`` occurs
    (``frequent``: the frequent codes, a set)."""
    out: dict[int, list[int]] = {}
    for k, code in enumerate(sequence.tolist()):
        if code not in frequent:
            if code in out:
                out[code].append(k)
            else:
                out[code] = [k]
    return out


def shared_positions(where_code: dict[int, list[int]], codes: Iterable[int]) -> list[int]:
    """The positions (ascending) of ``codes`` in a clause, given its
    :func:`informative_positions`."""
    return sorted(k for code in codes for k in where_code.get(code, ()))


def may_match(
    where: Sequence[int],
    lang: str,
    cumulative: Sequence[float] | None = None,
    evidence: Evidence = EVIDENCE[LineageRelation.DISCOVERED],
) -> bool:
    """Whether the informative shingle positions a later clause shares with an earlier one
    (ascending) could hold a quotation or a paraphrase made of shingle-long runs
    (``Evidence.shingle_runs``).

    Every such run lies under shingles the two clauses share: its weighty units under
    informative ones, the rest under frequent ones only, and those weigh
    ``FREQUENT_WEIGHT``. A quotation's longest run weighs ``evidence.quote_min``, and lies in one
    cluster of shared shingles (consecutive positions at most ``2n`` apart), spanning its
    ``quote_shingles`` shingles' worth of units; a chain scores
    at most the weight of its runs. So a pair can be a quotation only if one cluster's
    shingles cover units weighing that, and a paraphrase only if all the clusters together
    cover ``evidence.paraphrase``, counting each unit at its background weight and the
    units between a cluster's shingles at ``FREQUENT_WEIGHT``. ``cumulative`` holds the
    running totals of the later clause's background weights (:func:`background_totals`);
    without it every unit weighs 1."""
    n = SHINGLE_N[lang]
    if not where:
        return False
    if cumulative is None:

        def weight(start: int, end: int) -> float:
            return float(end - start)

    else:
        last = len(cumulative) - 1

        def weight(start: int, end: int) -> float:
            return cumulative[min(end, last)] - cumulative[min(start, last)]

    quote, least = evidence.quote_min(lang), evidence.quote_shingles * n
    paraphrase = evidence.paraphrase
    covered = total = weight(where[0], where[0] + n)
    start = where[0]
    if (covered >= quote and n >= least) or total >= paraphrase:
        return True
    for prev, k in itertools.pairwise(where):  # the total only grows: done once enough
        gap = k - prev
        if gap <= 2 * n:
            more = weight(max(prev + n, k), k + n) + FREQUENT_WEIGHT * max(0, gap - n)
            covered += more
        else:
            more = covered = weight(k, k + n)
            start = k
        total += more
        if (covered >= quote and k + n - start >= least) or total >= paraphrase:
            return True
    return False
