"""Discovery on a Dask cluster: the steps of
:func:`polydiff.lineage.build.discover_in_process` as tasks over partitions, so that no
process holds every shingle or every pair.

1. documents → batches of whole documents, in date order; each worker reads its batch's
   clause trees itself, from the repository on a disk it shares (only document ids and
   paths travel through the scheduler);
2. each batch is shingled (:func:`~polydiff.lineage.build.shingle_batch`) with its global
   clause numbers, and its counts (:func:`~polydiff.lineage.shingles.count_shingles`) cut
   into buckets by shingle code;
3. frequencies: each code bucket adds its batches' counts and names its boilerplate and busy
   candidates; each batch then counts the candidates' neighbours; the model
   (:meth:`~polydiff.lineage.shingles.DocFrequency.from_parts`) is small and sent to every
   worker;
4. candidates: each batch's informative rows, cut by code, meet in code buckets, where each
   shingle's members are paired (:func:`~polydiff.lineage.index.shared_shingles`); the packed
   pairs, cut by later clause, meet in clause buckets, which keep the close ones
   (:func:`~polydiff.lineage.index.close_pairs`);
5. verification per clause bucket (:func:`~polydiff.lineage.verify.verify_pairs`), reading the
   clauses it compares from the repository.

The links found are those of the in-process run, in the same order (later clause, then
earlier), so ``lineage build`` writes the same files byte for byte. Dask is an optional
dependency (``pip install 'polydiff[scale]'``), imported only here.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from polydiff.lineage.build import ClauseRow, DocText, LazySequences, shingle_batch
from polydiff.lineage.index import (
    PairFilter,
    Rows,
    close_pairs,
    diag_bits,
    informative_parts,
    pair_part,
)
from polydiff.lineage.shingles import (
    DocFrequency,
    ShingleCounts,
    ShingledClauses,
    boilerplate,
    busy_candidates,
    count_shingles,
    diversity,
    merge_counts,
    neighbour_pairs,
)
from polydiff.lineage.verify import Found, unit_weigher, verify_pairs
from polydiff.numeric import sorted_unique
from polydiff.record import record, replace

BATCH_DOCS = 100
"""Documents per batch (a task reads, shingles and counts one batch)."""
BUCKETS_PER_WORKER = 4
"""Partitions per worker of each shuffle (by shingle code, by later clause): each batch's
output is cut into this many pieces times the workers, so the tasks that move pieces grow
with batches × workers, not batches²."""


@record
class DocRef:
    """A document as a worker finds it: its index in date order, id and tree language."""

    index: int
    id: str
    lang: str


@record
class ClauseMap:
    """Where global clause numbers live: the first clause of each document (one past the
    last document's clauses at the end), and each document's reference."""

    first: tuple[int, ...]
    """One per document and one more, ascending."""
    refs: tuple[DocRef, ...]
    root: str

    def locate(self, clause: int) -> tuple[DocRef, int]:
        """The document of global clause ``clause`` and its place among that document's
        clauses with text (asked for every clause a verifier reads: a bisection of a tuple,
        not a numpy call per clause)."""
        doc = bisect.bisect_right(self.first, clause) - 1
        return self.refs[doc], clause - self.first[doc]


class DaskDiscovery:
    """A :class:`~polydiff.lineage.build.Discovery` that runs on a Dask cluster."""

    def __init__(self, client: Any, root: Path, batch_docs: int = BATCH_DOCS) -> None:
        self.client, self.root, self.batch_docs = client, str(root), batch_docs

    def __call__(
        self,
        docs: Sequence[DocText],
        rows: Sequence[ClauseRow],
        lang: str,
        marked: Sequence[int],
        declared: Sequence[tuple[int, int]],
    ) -> tuple[DocFrequency, list[Found]]:
        import numpy as np

        c = self.client
        refs = tuple(DocRef(k, d.id, d.tree.lang) for k, d in enumerate(docs))
        per_doc = np.bincount([r.doc for r in rows], minlength=len(docs))  # known to the client
        first = np.concatenate([[0], np.cumsum(per_doc)]).astype(np.int64)
        where = ClauseMap(tuple(first.tolist()), refs, self.root)
        readable = [ref for ref, d in zip(refs, docs, strict=True) if not d.outline]
        batches = [
            readable[k : k + self.batch_docs] for k in range(0, len(readable), self.batch_docs)
        ]
        workers = max(1, len(c.scheduler_info().get("workers", {})))
        n_buckets = max(1, min(len(batches), BUCKETS_PER_WORKER * workers))
        where_f = c.scatter(where, broadcast=True)
        shingled = [c.submit(_shingle, where_f, b, lang, n_buckets, pure=False) for b in batches]
        # 3. frequencies, by code bucket
        buckets = [
            c.submit(merge_counts, [c.submit(_counts_piece, s, k) for s in shingled])
            for k in range(n_buckets)
        ]
        n_clauses, n_docs = len(rows), len({r.doc for r in rows})
        named = c.gather([c.submit(_frequent_parts, b, n_clauses, n_docs) for b in buckets])
        del buckets  # a result is freed once no task or future needs it
        boiler = _union([p[0] for p in named])
        candidates = _union([p[1] for p in named])
        cand_f = c.scatter(candidates, broadcast=True)
        pairs = c.gather([c.submit(_neighbours, s, cand_f, lang) for s in shingled])
        diverse = diversity(len(candidates), [p[0] for p in pairs], [p[1] for p in pairs])
        titles = [d.tree.title for d in docs]
        df = DocFrequency.from_parts(boiler, candidates, diverse, lang, titles)
        if not marked:
            return df, []
        # 4. candidates: code buckets, then later-clause buckets
        df_f = c.scatter(df, broadcast=True)
        allowed = c.scatter(PairFilter.of(len(docs), marked, declared), broadcast=True)
        doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), np.diff(first))
        doc_of_f = c.scatter(doc_of, broadcast=True)
        informative = [c.submit(_informative, s, df_f, n_buckets) for s in shingled]
        del shingled
        coded = [
            c.submit(
                _pair_bucket,
                [c.submit(operator.getitem, i, k) for i in informative],
                doc_of_f,
                allowed,
                n_buckets,
            )
            for k in range(n_buckets)
        ]
        del informative
        found = [
            c.submit(
                _verify_bucket,
                [c.submit(operator.getitem, x, k) for x in coded],
                len(rows),
                where_f,
                df_f,
                lang,
            )
            for k in range(n_buckets)
        ]
        del coded
        ordered = sorted(item for part in c.gather(found) for item in part)
        return df, [f for _, f in ordered]


# --- tasks (run on the workers) -------------------------------------------------------------


@record(frozen=False)
class _Shingled:
    """A batch shingled: its rows' global numbers, shingle table, sequences and counts cut
    by code bucket."""

    first: int
    table: Any
    sequences: ShingledClauses
    counts: list[ShingleCounts]


ROWS_CACHED = 20_000
"""Documents whose clauses a worker keeps once read (each about 10 KB of text)."""


@lru_cache(maxsize=ROWS_CACHED)
def _rows_of(root: str, doc: DocRef) -> tuple[ClauseRow, ...]:
    """A document's clauses with text, read from the repository (cached per worker)."""
    from polydiff.store.repo import PolicyRepo

    tree = PolicyRepo(Path(root)).load_tree(doc.id, doc.lang)
    return tuple(ClauseRow(doc.index, c.path, c.content) for c in tree.walk() if c.content)


def _shingle(where: ClauseMap, batch: Sequence[DocRef], lang: str, n_buckets: int) -> _Shingled:
    rows = [r for ref in batch for r in _rows_of(where.root, ref)]
    first = where.first[batch[0].index] if batch else 0
    table, sequences = shingle_batch(rows, first, lang, {})
    counts = count_shingles(sequences, [r.doc for r in rows])
    return _Shingled(first, table, sequences, _cut_counts(counts, n_buckets))


def _cut_counts(counts: ShingleCounts, n_buckets: int) -> list[ShingleCounts]:
    """``counts`` cut by shingle code into ``n_buckets`` (clause and document totals go with
    the first bucket only; they are added up after)."""
    out = []
    for k in range(n_buckets):
        a = counts.codes % n_buckets == k
        b = counts.doc_codes % n_buckets == k
        out.append(
            ShingleCounts(
                counts.codes[a], counts.clauses[a], counts.doc_codes[b], counts.docs[b], 0, 0
            )
        )
    return out


def _counts_piece(shingled: _Shingled, k: int) -> ShingleCounts:
    return shingled.counts[k]


def _frequent_parts(counts: ShingleCounts, n_clauses: int, n_docs: int) -> tuple[Any, Any]:
    """A code bucket's boilerplate and busy candidates, against the corpus totals."""
    whole = replace(counts, n_clauses=n_clauses, n_docs=n_docs)
    return boilerplate(whole), busy_candidates(whole)


def _union(parts: Sequence[Any]) -> Any:
    import numpy as np

    arrays = [p for p in parts if len(p)]
    return sorted_unique(np.concatenate(arrays)) if arrays else np.zeros(0, dtype=np.uint64)


def _neighbours(shingled: _Shingled, candidates: Any, lang: str) -> tuple[Any, Any]:
    return neighbour_pairs(candidates, shingled.sequences)


def _informative(shingled: _Shingled, df: DocFrequency, n_buckets: int) -> list[Rows]:
    """A batch's informative shingle rows, cut by code bucket (on the worker holding the
    batch)."""
    return informative_parts(shingled.table, df, n_buckets)


def _pair_bucket(
    pieces: Sequence[tuple[Any, ...]], doc_of: Any, allowed: PairFilter, n_buckets: int
) -> list[Any]:
    """A code bucket's shingle pairings, cut by later clause bucket."""
    packed = pair_part(pieces, doc_of, allowed)
    later = (packed >> diag_bits(len(doc_of) ** 2)) % len(doc_of)
    return [packed[later % n_buckets == k] for k in range(n_buckets)]


def _verify_bucket(
    pieces: Sequence[Any], n_clauses: int, where: ClauseMap, df: DocFrequency, lang: str
) -> list[tuple[tuple[int, int], Found]]:
    """Verify a later-clause bucket's close pairs: ((later, earlier) clause, found)."""
    import numpy as np

    pairs = close_pairs(np.concatenate(list(pieces)), n_clauses)
    rows = _ClauseRows(where, n_clauses)
    weigh = unit_weigher(df, lang, {})
    found = verify_pairs(pairs, rows, LazySequences(rows, lang), lang, weigh, df.frequent_set)
    place = {(rows[int(i)].doc, rows[int(i)].path): int(i) for i in sorted_unique(pairs.ravel())}
    return [
        ((place[(db, link.to_path)], place[(da, link.from_path)]), (da, db, link))
        for da, db, link in found
    ]


class _ClauseRows(Sequence[ClauseRow]):
    """Global clause number → its row, read from the repository when asked for."""

    def __init__(self, where: ClauseMap, n: int) -> None:
        self.where, self.n = where, n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: Any) -> Any:
        doc, at = self.where.locate(int(k))
        return _rows_of(self.where.root, doc)[at]
