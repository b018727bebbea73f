"""Candidate clause pairs from an inverted index of shingles (numpy, sort-based).

Every clause's informative shingles go into one table of (shingle, clause) rows; sorting by
shingle groups the clauses that share it. Clauses are numbered in document order (oldest
document first), so the first members of a group are the earliest places the passage was
seen: each member is paired with the group's first ``EARLIEST`` members only (query mode:
where did this come from?), not with every other member. A passage copied by k documents
thus gives about k pairs instead of k²/2, and copies are linked to the source rather than to
each other. Pairs sharing at least ``MIN_SHARED`` informative shingles are candidates; a
busy shingle (stock phrases, boilerplate, topic words; see :class:`DocFrequency`) never
joins a group. The table holds 16 bytes a shingle occurrence and no Python object per
shingle.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Any

from polydiff.lineage.shingles import CODE_PARTS, DocFrequency, ShingleTable, code_part
from polydiff.numeric import sorted_unique, unique_of_sorted
from polydiff.record import record

MIN_SHARED = 3
"""Informative shingles two clauses must share, close together (on nearby diagonals: offsets
between the clauses that differ by less than ``BAND`` units), to be compared. Reuse shares a
passage; chance shares scattered words."""
BAND = 16


def diag_bits(n_keys: int) -> int:
    """Bits of a diagonal (offset between two clauses, shifted to be positive) in a packed
    (pair, diagonal) int64 whose pair keys are below ``n_keys``: what the keys leave. With
    434,567 clauses (10,000 documents), 25 bits (clauses of up to 16 million units); with
    4.3 million, 18 (131,071 units)."""
    return 63 - max(1, (n_keys - 1).bit_length())


def packing_room(n_keys: int, units: int) -> int:
    """:func:`diag_bits` for ``n_keys`` pair keys, checked to hold diagonals of clauses of
    ``units`` units; a corpus too large for one int64 per row is refused in one line."""
    bits = diag_bits(n_keys)
    if bits < 2 or units >= 1 << (bits - 1):
        raise ValueError(
            f"too large to index: {n_keys:,} clause pairs with clauses of up to {units:,} "
            "units do not fit a 64-bit row"
        )
    return bits


EARLIEST = 4
"""Members of a shingle group (the earliest occurrences) each member is paired with."""
CLOSE_CHUNK = 1 << 22
"""Packed rows :func:`close_pairs` looks at in one step (its temporaries stay small)."""
PAIR_ROWS_HELD = 1 << 26
"""Packed pair rows (8 bytes each: 512 MB) :func:`candidate_pairs` holds at once. The
10,000-document synthetic corpus of ``bench.lineage_repo`` makes 47 million (held), the
100,000-document one several times this (set aside)."""


@record
class PairFilter:
    """The document pairs discovery compares: two different documents, at least one of
    them ``marked`` (being recomputed), with no relation declared between them. Held as a
    mark per document and the declared pairs, never as a matrix of every pair."""

    marked: Any
    """bool per document index."""
    declared: Any
    """Sorted int64 keys ``low × n + high`` of the declared pairs (document indices)."""

    @classmethod
    def of(
        cls, n_docs: int, marked: Sequence[int], declared: Sequence[tuple[int, int]]
    ) -> PairFilter:
        import numpy as np

        mask = np.zeros(n_docs, dtype=bool)
        mask[list(marked)] = True
        keys = sorted({min(a, b) * n_docs + max(a, b) for a, b in declared})
        return cls(mask, np.array(keys, dtype=np.int64))

    def __call__(self, da: Any, db: Any) -> Any:
        """Boolean mask over the pairs of document index arrays ``da`` and ``db``."""
        import numpy as np

        ok = (da != db) & (self.marked[da] | self.marked[db])
        if len(self.declared):
            n = len(self.marked)
            keys = np.minimum(da, db) * n + np.maximum(da, db)
            at = np.searchsorted(self.declared, keys).clip(0, len(self.declared) - 1)
            ok &= self.declared[at] != keys
        return ok


Rows = tuple[Any, Any, Any]
"""Shingle table rows as (codes, clause, position) arrays."""


def informative_parts(table: ShingleTable, df: DocFrequency, parts: int) -> list[Rows]:
    """The informative rows of ``table`` (shingles that are not busy), cut into ``parts``
    by code: a shingle's every occurrence falls in one part."""
    import numpy as np

    part = code_part(table.codes, parts)
    part[df.busy(table.codes)] = parts  # in no part
    out = []
    for k in range(parts):
        rows = np.flatnonzero(part == k)
        out.append((table.codes[rows], table.clause[rows], table.position[rows]))
    return out


def pair_part(pieces: Sequence[Rows], clause_doc: Any, allowed: PairFilter | None) -> Any:
    """The :func:`shared_shingles` of one code part, from its pieces (of consecutive
    batches, in clause order)."""
    import numpy as np

    codes, owner, position = (np.concatenate([p[f] for p in pieces]) for f in range(3))
    return shared_shingles(codes, owner, position, clause_doc, allowed)


def candidate_pairs(
    tables: list[ShingleTable],
    clause_doc: Any,
    df: DocFrequency,
    allowed: PairFilter | None = None,
    buckets: int = CODE_PARTS,
    held: int = PAIR_ROWS_HELD,
) -> Any:
    """(i, j) clause index pairs, i < j in document order of ``clause_doc`` (document index
    per clause), from different documents, sharing ``MIN_SHARED`` informative shingles.
    ``tables`` hold consecutive clauses, in clause order; they are taken out of the list as
    they are cut into parts by code, so a table's memory goes once it is cut. Beyond
    ``held`` packed pair rows, the rows are set aside on disk by earlier clause
    (:func:`_spilled_pairs`) and closed one range of earlier clauses at a time.

    ``allowed``, when given, says which pairs of documents may be returned. The two steps
    (:func:`shared_shingles`, :func:`close_pairs`) can run on partitions: the first on rows
    holding every occurrence of their shingles (here, ``buckets`` parts by code), the second
    on the packed pairs of whole later clauses (:mod:`polydiff.lineage.distributed`)."""
    cut: list[list[Rows]] = [[] for _ in range(buckets)]
    while tables:
        for k, piece in enumerate(informative_parts(tables.pop(0), df, buckets)):
            cut[k].append(piece)
    n_clauses = int(clause_doc.shape[0])
    pieces: list[Any] = []
    for k in range(buckets):
        part, cut[k] = cut[k], []
        if part:
            pieces.append(pair_part(part, clause_doc, allowed))
        del part
        if sum(map(len, pieces)) > held:
            return _spilled_pairs(pieces, cut, k + 1, clause_doc, allowed, held)
    return close_pairs(_joined(pieces), n_clauses)


def _joined(pieces: list[Any]) -> Any:
    """``pieces`` in one array, each freed once copied (the rows are held about once)."""
    import numpy as np

    packed = np.empty(sum(len(p) for p in pieces), dtype=np.int64)
    at = 0
    while pieces:
        piece = pieces.pop(0)
        packed[at : at + len(piece)] = piece
        at += len(piece)
    return packed


def _spilled_pairs(
    pieces: list[Any],
    cut: list[list[Rows]],
    done: int,
    clause_doc: Any,
    allowed: PairFilter | None,
    held: int,
) -> Any:
    """:func:`candidate_pairs` from the packed rows of the first ``done`` code parts
    (``pieces``) and the parts still ``cut``: all of them put on disk in ranges of earlier
    clause (each pair's rows in one range), ranges balanced on the rows seen so far and as
    many as the estimated total over ``held`` needs, then each range closed in turn. The
    ranges follow one another in clause order, so the pairs come out as from one array."""
    import numpy as np

    from polydiff.store.spill import Spill

    n_clauses = int(clause_doc.shape[0])
    bits = diag_bits(n_clauses * n_clauses)

    def earlier(rows: Any) -> Any:
        return (rows >> bits) // n_clauses

    expected = sum(map(len, pieces)) * len(cut) / done  # the code parts are alike in size
    ranges = math.ceil(expected / held) + 1
    sample = np.concatenate([earlier(p[:: max(1, len(p) // 100_000)]) for p in pieces])
    bounds = sorted_unique(np.quantile(sample, np.arange(1, ranges) / ranges).astype(np.int64))
    with Spill(len(bounds) + 1) as spill:

        def put(rows: Any) -> None:
            spill.add(rows, np.searchsorted(bounds, earlier(rows), side="right"))

        while pieces:
            put(pieces.pop(0))
        for k in range(done, len(cut)):
            part, cut[k] = cut[k], []
            if part:
                put(pair_part(part, clause_doc, allowed))
            del part
        found = [close_pairs(spill.take(r), n_clauses) for r in range(len(bounds) + 1)]
    return np.concatenate(found)


def shared_shingles(
    codes: Any, owner: Any, position: Any, clause_doc: Any, allowed: PairFilter | None = None
) -> Any:
    """For rows (shingle, clause, position) that hold every occurrence of their shingles:
    each pairing of a shingle's member with one of its ``EARLIEST`` first members, packed
    as an int64 ``(i × n + j) << bits | diagonal`` (n: clauses in ``clause_doc``; bits:
    :func:`diag_bits` of n²)."""
    import numpy as np

    n_clauses = int(clause_doc.shape[0])
    empty = np.zeros(0, dtype=np.int64)
    if len(codes) == 0:
        return empty
    bits = packing_room(n_clauses * n_clauses, int(position.max()) + 1)
    if (owner[1:] >= owner[:-1]).all():  # rows in clause order (a table's): one stable sort
        order = np.argsort(codes, kind="stable")
    else:
        order = np.lexsort((owner, codes))
    codes, owner, position = codes[order], owner[order], position[order]
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    sizes = np.diff(np.r_[starts, len(codes)])
    shared = sizes >= 2
    starts, sizes = starts[shared], sizes[shared]
    if not len(sizes):
        return empty
    by_size = np.argsort(sizes, kind="stable")
    starts, sizes = starts[by_size], sizes[by_size]
    edges = np.flatnonzero(np.r_[True, sizes[1:] != sizes[:-1], True]).tolist()
    packed = []
    for lo, hi in itertools.pairwise(edges):  # groups of one size at a time
        size = int(sizes[lo])
        group_starts = starts[lo:hi]
        rows = group_starts[:, None] + np.arange(size)[None, :]
        members = owner[rows].astype(np.int64)  # groups × size
        where = position[rows].astype(np.int64)
        for j in range(min(EARLIEST, size - 1)):
            a = np.repeat(members[:, j], size - j - 1)
            b = members[:, j + 1 :].ravel()
            diag = where[:, j + 1 :].ravel() - np.repeat(where[:, j], size - j - 1)
            da, db = clause_doc[a], clause_doc[b]
            ok = da != db
            if allowed is not None:
                ok &= allowed(da, db)
            keys = a[ok] * n_clauses + b[ok]
            packed.append((keys << bits) + diag[ok] + (1 << (bits - 1)))
    return np.concatenate(packed) if packed else empty


def close_pairs(packed: Any, n_clauses: int, n_keys: int | None = None) -> Any:
    """The (i, j) pairs of :func:`shared_shingles`'s packed rows (all rows of each pair)
    with ``MIN_SHARED`` shared shingles within a window of ``BAND`` diagonals: keys ``i × n
    + j`` below ``n_keys`` (n = ``n_clauses``; default n²). ``packed`` is sorted in place."""
    import numpy as np

    if not len(packed):
        return np.zeros((0, 2), dtype=np.int64)
    packed.sort()
    bits = diag_bits(n_clauses * n_clauses if n_keys is None else n_keys)
    span = MIN_SHARED - 1
    found = []
    for start in range(0, max(0, len(packed) - span), CLOSE_CHUNK):  # windows of a chunk
        shared = packed[start : start + CLOSE_CHUNK + span]
        pair = shared >> bits
        close = (pair[span:] == pair[:-span]) & ((shared[span:] - shared[:-span]) < BAND)
        found.append(unique_of_sorted(pair[span:][close]))
    keys = unique_of_sorted(np.concatenate(found)) if found else np.zeros(0, np.int64)
    return np.stack([keys // n_clauses, keys % n_clauses], axis=1)
