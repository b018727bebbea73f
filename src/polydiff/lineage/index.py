"""Candidate clause pairs from an inverted index of shingles (numpy, sort-based).

Every clause's informative shingles go into one table of (shingle, clause) rows; sorting by
shingle groups the clauses that share it. Clauses are numbered in document order (oldest
document first), so the first members of a group are the earliest places the passage was
seen: each member is paired with the group's first ``EARLIEST`` members only (query mode:
where did this come from?), not with every other member. A passage copied by k documents
thus gives about k pairs instead of k²/2, and copies are linked to the source rather than to
each other. Pairs sharing at least ``MIN_SHARED`` informative shingles are candidates; a
frequent shingle (stock phrases, boilerplate, topic words; see :class:`DocFrequency`) never
joins a group. The table holds 16 bytes a shingle occurrence and no Python object per
shingle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from polydiff.lineage.shingles import DocFrequency

MIN_SHARED = 2
"""Informative shingles two clauses must share to be compared."""
EARLIEST = 4
"""Members of a shingle group (the earliest occurrences) each member is paired with."""


@dataclass(frozen=True, slots=True)
class ShingleTable:
    """Shingles of a batch of clauses: parallel arrays, one row per (shingle, clause)."""

    codes: Any
    """uint64 shingle codes."""
    clause: Any
    """int64 global clause index of each row."""


def shingle_table(clause_codes: Sequence[Any], first_clause: int = 0) -> ShingleTable:
    """Stack the shingle arrays of consecutive clauses (indices from ``first_clause``)."""
    import numpy as np

    lengths = [len(c) for c in clause_codes]
    codes = np.concatenate(clause_codes) if clause_codes else np.zeros(0, dtype=np.uint64)
    owner = np.repeat(np.arange(first_clause, first_clause + len(lengths), dtype=np.int64), lengths)
    return ShingleTable(codes, owner)


def candidate_pairs(
    tables: Sequence[ShingleTable], clause_doc: Any, df: DocFrequency, allowed: Any | None = None
) -> Any:
    """(i, j) clause index pairs, i < j in document order of ``clause_doc`` (document index
    per clause), from different documents, sharing ``MIN_SHARED`` informative shingles.

    ``allowed``, when given, is a boolean matrix over document indices: only pairs of
    documents marked True are returned."""
    import numpy as np

    codes = np.concatenate([t.codes for t in tables]) if tables else np.zeros(0, np.uint64)
    owner = np.concatenate([t.clause for t in tables]) if tables else np.zeros(0, np.int64)
    keep = ~df.frequent(codes)
    codes, owner = codes[keep], owner[keep]
    order = np.lexsort((owner, codes))
    codes, owner = codes[order], owner[order]
    if len(codes) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    sizes = np.diff(np.r_[starts, len(codes)])
    pair_keys = []
    n_clauses = int(clause_doc.shape[0])
    for size in np.unique(sizes):
        if size < 2:
            continue
        group_starts = starts[sizes == size]
        members = owner[group_starts[:, None] + np.arange(size)[None, :]]  # groups × size
        for j in range(min(EARLIEST, size - 1)):
            a = np.repeat(members[:, j], size - j - 1)
            b = members[:, j + 1 :].ravel()
            da, db = clause_doc[a], clause_doc[b]
            ok = da != db
            if allowed is not None:
                ok &= allowed[da, db] | allowed[db, da]
            pair_keys.append(a[ok] * n_clauses + b[ok])
    if not pair_keys:
        return np.zeros((0, 2), dtype=np.int64)
    keys, counts = np.unique(np.concatenate(pair_keys), return_counts=True)
    keys = keys[counts >= MIN_SHARED]
    return np.stack([keys // n_clauses, keys % n_clauses], axis=1)
