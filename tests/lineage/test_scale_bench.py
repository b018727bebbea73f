"""The lineage scale benchmark in small (bench/lineage_scale.py): on ~50 synthetic documents
with known reuse, every clause that brute force finds reusing an earlier one gets a verified
link to a source in the built lineage (timing is the benchmark's business, not the test's)."""

from __future__ import annotations

import numpy as np
from bench.lineage_corpus import make_corpus
from bench.lineage_scale import Meter, Pipeline, brute_force, lineage_recall, truth_recall

DOCS = 50


def test_candidate_recall_against_brute_force_on_50_documents() -> None:
    corpus = make_corpus(DOCS, seed=1)
    assert len(corpus.docs) == DOCS
    assert 30 * DOCS <= corpus.n_clauses <= 50 * DOCS
    assert corpus.truth, "the generator records its reuse"

    p = Pipeline(corpus, Meter())
    p.index()
    p.verify(budget=float("inf"), seed=1)
    assert p.verified == len(p.pairs)
    assert p.links > 0

    # brute force over every pair of the 50 documents (pairs sharing no informative
    # shingle cannot match and are skipped: see brute_force)
    hits, _, _ = brute_force(p, list(range(DOCS)))
    assert len(hits) >= 50, "the corpus has reuse for the brute force to find"
    # every clause that reuses an earlier one gets a verified link to a source
    lineage = lineage_recall(p, hits)
    recall = lineage["linked"] / lineage["clauses"]
    assert recall >= 0.95, f"lineage recall vs brute force {recall:.3f} {lineage}"
    assert np.isin(hits, p.keys).mean() > 0.5  # copy-to-copy pairs are left out by design

    # the index finds most of the recorded reuse too (looser: rewording and frequent
    # shingles can take a reuse below what the verifier would accept anyway)
    truth, _ = truth_recall(p)
    n, candidates, _, _ = truth["all"]
    assert candidates / n >= 0.7, truth
