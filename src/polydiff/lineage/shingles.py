"""Shingles: overlapping character 4-grams (Chinese) or word 3-grams (English) of normalised
text, punctuation ignored, as 64-bit codes (numpy). An English word's unit is a hash of the
word (:func:`word_code`), the same in every run, so codes can be kept in an index on disk
(:mod:`polydiff.lineage.corpus_index`) and compared with a text's at query time. A
quotation of a passage shares all of its shingles with the source, so shared *informative*
shingles are what finds and measures reuse; stock phrases, boilerplate and a corpus's topic
words are not informative."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from polydiff import digests
from polydiff.lineage.stock import STOCK_PHRASES_EN, STOCK_PHRASES_ZH
from polydiff.normalize import normalize_many
from polydiff.numeric import group_code_runs, sorted_unique
from polydiff.record import record

CODE_PARTS = 16
"""Parts, by shingle code, in which a corpus's shingles are counted and its shingle groups
paired in one process: only one part's rows are sorted at a time."""
SHINGLE_N = {"zh": 4, "en": 3}
"""Units in a shingle: Chinese characters or English words. Also the seed length of
:func:`polydiff.lineage.passages.common_passages`, so a common passage is a run of shared
shingles."""
_WORD_RE = re.compile(r"\w+")
_P = 1_000_003
WORD_BITS = 40
"""Bits of an English word's code: collisions are rare among a million words, and a code
stays clear of the Chinese units (code points, below 2^21) only by chance, which no shingle
mixes anyway (one language per index)."""


def word_code(words: dict[str, int], word: str) -> int:
    """The unit of an English ``word`` (lower-cased): a hash, cached in ``words``."""
    code = words.get(word)
    if code is None:
        digest = digests.blake2b(word.encode(), digest_size=WORD_BITS // 8).digest()
        code = words[word] = int.from_bytes(digest, "little")
    return code


def shingle_codes(text: str, lang: str, words: dict[str, int]) -> Any:
    """The distinct shingles of ``text`` as a sorted uint64 array. ``words`` caches the codes
    of English words (:func:`word_code`)."""

    return sorted_unique(shingle_sequence(text, lang, words)[0])


def shingle_sequence(text: str, lang: str, words: dict[str, int]) -> tuple[Any, Any]:
    """(the shingle at each unit position, in order; the units: characters or word numbers).
    Shingle ``k`` covers units ``k`` to ``k + n - 1``."""
    units, _ = _units([text], lang, words)
    return _rolling(units, SHINGLE_N[lang]), units


def _units(texts: Sequence[str], lang: str, words: dict[str, int]) -> tuple[Any, list[int]]:
    """The units of ``texts`` end to end (code points as uint32, English word codes as
    uint64), and how many each text has."""
    import numpy as np

    found = [_WORD_RE.findall(t) for t in normalize_many(texts)]
    if lang == "zh":
        chars = ["".join(f) for f in found]
        lengths = [len(c) for c in chars]
        raw = "".join(chars).encode("utf-32-le")
        return np.frombuffer(raw, dtype=np.uint32), lengths  # code points: 4 bytes a unit
    lengths = [len(f) for f in found]
    codes = [word_code(words, w.lower()) for f in found for w in f]
    return np.array(codes, dtype=np.uint64), lengths


def _rolling(units: Any, n: int) -> Any:
    """The code of the shingle starting at each unit position of ``units`` (uint64)."""
    import numpy as np

    if len(units) < n:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        h = np.zeros(len(units) - n + 1, dtype=np.uint64)
        for k in range(n):
            h = h * np.uint64(_P) + units[k : len(units) - n + 1 + k] + np.uint64(1)
    return h


@record
class ShingleTable:
    """Shingles of a batch of clauses: parallel arrays, one row per (shingle, clause)."""

    codes: Any
    """uint64 shingle codes."""
    clause: Any
    """int32 global clause index of each row."""
    position: Any
    """int32 unit position of the shingle's first occurrence in its clause."""


class ShingledClauses(Sequence[tuple[Any, Any]]):
    """The shingle sequences of consecutive clauses, made in one pass over their units end
    to end (:func:`shingle_clauses`). Item ``k`` is clause ``k``'s ``(shingles, units)``, as
    :func:`shingle_sequence` gives them (views, not copies); :meth:`table`,
    :func:`count_shingles` and :func:`neighbour_pairs` work on the flat arrays."""

    __slots__ = ("_table", "codes", "first", "n", "start", "units")

    def __init__(self, units: Any, start: Any, n: int, first: int = 0) -> None:
        self.units, self.start, self.n = units, start, n
        self.first = first
        """The global number of the first clause (the table's numbering)."""
        self.codes = _rolling(units, n)
        """The shingle starting at each flat unit position (one that runs past its clause's
        end is never read)."""
        self._table: ShingleTable | None = None

    def __len__(self) -> int:
        return len(self.start) - 1

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice):
            return [self[i] for i in range(*k.indices(len(self)))]
        s, e = int(self.start[k]), int(self.start[k + 1])
        return self.codes[s : max(s, e - self.n + 1)], self.units[s:e]

    def positions(self) -> tuple[Any, Any]:
        """(flat unit position of every shingle, its clause), in order."""
        import numpy as np

        per = np.maximum(np.diff(self.start) - self.n + 1, 0)
        clause = np.repeat(np.arange(len(per), dtype=np.int64), per)
        offset = np.arange(len(clause), dtype=np.int64) - np.repeat(np.cumsum(per) - per, per)
        return self.start[clause] + offset, clause

    def table(self) -> ShingleTable:
        """One row per distinct shingle of each clause (clauses numbered from ``first``),
        with its first position; rows in clause order."""
        import numpy as np

        if self._table is None:
            where, clause = self.positions()
            codes = self.codes[where]
            order, runs = group_code_runs(clause, codes)
            take = order[runs]  # each run's first row: the shingle's first position
            clause = clause[take]
            position = (where[take] - self.start[clause]).astype(np.int32)
            number = (clause + self.first).astype(np.int32)
            self._table = ShingleTable(codes[take], number, position)
        return self._table


def shingle_clauses(
    texts: Sequence[str], lang: str, words: dict[str, int], first: int = 0
) -> ShingledClauses:
    """The shingle sequences of ``texts``, clauses numbered from ``first``
    (:class:`ShingledClauses`)."""
    import numpy as np

    units, lengths = _units(texts, lang, words)
    start = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=start[1:])
    return ShingledClauses(units, start, SHINGLE_N[lang], first)


def stock_codes(lang: str, words: dict[str, int]) -> Any:
    """Shingles of the built-in stock phrases."""
    import numpy as np

    phrases: Iterable[str] = STOCK_PHRASES_ZH if lang == "zh" else STOCK_PHRASES_EN
    parts = [shingle_codes(p, lang, words) for p in phrases]
    return sorted_unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.uint64)


@record
class ShingleCounts:
    """How many clauses and documents hold each shingle, in a batch of whole documents:
    batches are counted apart and their counts added (:func:`merge_counts`)."""

    codes: Any
    """Sorted distinct shingle codes (uint64)."""
    clauses: Any
    """Clauses holding each code (int64)."""
    doc_codes: Any
    docs: Any
    """Documents holding each of ``doc_codes`` (int64)."""
    n_clauses: int
    n_docs: int
    """Documents with at least one clause."""


def count_shingles(shingled: ShingledClauses, clause_doc: Sequence[int]) -> ShingleCounts:
    """The counts of a batch: its clauses ``shingled``, ``clause_doc`` their documents (each
    document wholly in the batch)."""
    import numpy as np

    table = shingled.table()
    doc = np.asarray(clause_doc, dtype=np.int64)[table.clause - shingled.first]
    return count_rows(table.codes, doc, len(shingled), len(set(clause_doc)))


def code_part(codes: Any, parts: int) -> Any:
    """The part (0 to ``parts`` - 1; uint8 for up to 255 parts, one byte a row where an
    int32 took four: a corpus's parts are held together) of each shingle code: a shingle's
    every occurrence falls in one part."""
    import numpy as np

    return (codes % np.uint64(parts)).astype(np.uint8 if parts < 256 else np.int32)


def count_rows(codes: Any, doc: Any, n_clauses: int, n_docs: int) -> ShingleCounts:
    """The counts of shingle table rows (each a distinct shingle of a clause): their
    ``codes``, each row's ``doc``ument, and the clauses and documents they are counted
    among (all of theirs, or the corpus's when ``codes`` is one part of it by code)."""
    import numpy as np

    distinct, clause_counts = np.unique(codes, return_counts=True)
    order, runs = group_code_runs(doc, codes)
    doc_codes, doc_counts = np.unique(codes[order[runs]], return_counts=True)
    return ShingleCounts(
        distinct,
        clause_counts.astype(np.int64),
        doc_codes,
        doc_counts.astype(np.int64),
        n_clauses,
        n_docs,
    )


def merge_counts(parts: Sequence[ShingleCounts]) -> ShingleCounts:
    """The counts of the batches ``parts`` together."""
    import numpy as np

    def add(codes: list[Any], counts: list[Any]) -> tuple[Any, Any]:
        if not codes:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.int64)
        merged, where = np.unique(np.concatenate(codes), return_inverse=True)
        total = np.zeros(len(merged), dtype=np.int64)
        np.add.at(total, where, np.concatenate(counts))
        return merged, total

    codes, clauses = add([p.codes for p in parts], [p.clauses for p in parts])
    doc_codes, docs = add([p.doc_codes for p in parts], [p.docs for p in parts])
    return ShingleCounts(
        codes,
        clauses,
        doc_codes,
        docs,
        sum(p.n_clauses for p in parts),
        sum(p.n_docs for p in parts),
    )


def boilerplate(counts: ShingleCounts) -> Any:
    """Shingles in more than half of the documents (and more than 3)."""
    return counts.doc_codes[counts.docs > max(3, counts.n_docs // 2)]


def busy_candidates(counts: ShingleCounts) -> Any:
    """Shingles in more than 2% of the clauses (and more than 4): busy if also diverse."""
    return counts.codes[counts.clauses > max(4, counts.n_clauses // 50)]


def neighbour_pairs(candidates: Any, shingled: ShingledClauses) -> tuple[Any, Any]:
    """The distinct (candidate index, left neighbour) and (candidate index, right
    neighbour) pairs of ``candidates`` (sorted codes) in a batch ``shingled``."""
    import numpy as np

    empty = np.zeros((0, 2), dtype=np.int64)
    if not len(candidates):
        return empty, empty
    where, clause = shingled.positions()
    codes = shingled.codes[where]
    idx = np.searchsorted(candidates, codes).clip(0, len(candidates) - 1)
    hit = candidates[idx] == codes
    where, clause, idx = where[hit], clause[hit], idx[hit]
    units, n = shingled.units, shingled.n
    right = where + n < shingled.start[clause + 1]
    left = where > shingled.start[clause]
    right_pairs = np.stack([idx[right], units[where[right] + n].astype(np.int64)], axis=1)
    left_pairs = np.stack([idx[left], units[where[left] - 1].astype(np.int64)], axis=1)

    def distinct(pairs: Any) -> Any:
        return np.unique(pairs.astype(np.int64), axis=0) if len(pairs) else empty

    return distinct(left_pairs), distinct(right_pairs)


def diversity(n_candidates: int, lefts: Sequence[Any], rights: Sequence[Any]) -> Any:
    """For each candidate: its number of distinct left or right neighbours (the larger),
    from the :func:`neighbour_pairs` of every batch."""
    import numpy as np

    out = np.zeros(n_candidates, dtype=np.int64)
    for parts in (lefts, rights):
        pairs = [p for p in parts if len(p)]
        if pairs:
            distinct = np.unique(np.concatenate(pairs), axis=0)
            out = np.maximum(out, np.bincount(distinct[:, 0], minlength=n_candidates))
    return out


class DocFrequency:
    """Which shingles are *frequent*, that is, not informative (what reusing them says
    nothing about; the rest of a unit's weight comes from the background language,
    :mod:`polydiff.lineage.background`):

    * the shingles of the built-in stock phrases, and of the documents' titles (naming a
      policy, 《关于深入实施“人工智能+”行动的意见》, is not reusing its text);
    * shingles in more than half of the documents (and more than 3): boilerplate.

    And which are too *busy* to propose candidate pairs in the index (all frequent ones,
    and shingles in more than 2% of the clauses (and more than 4) that are also found in
    many different contexts, ``DIVERSE`` different neighbouring characters or words on one
    side: a corpus's topic words, 人工智能 before 在, 与, 赋能…). Busy shingles still count as
    evidence once a pair is compared: a corpus on one topic tells its topic words apart from
    stock words no better than a reader would from that corpus alone. A passage that many
    documents copy keeps the same neighbours in every copy, so it is never busy however
    often it is copied.

    Made from batches of the corpus counted in parts by code (:meth:`of_batches`; one
    batch and one part is all clauses at once), or (:meth:`from_parts`) from counts of
    batches added up on a cluster, with the same result.
    """

    DIVERSE = 8

    @classmethod
    def of_batches(
        cls,
        batches: Sequence[ShingledClauses],
        clause_doc: Any,
        lang: str,
        titles: Sequence[str] = (),
        buckets: int = CODE_PARTS,
    ) -> DocFrequency:
        """The model of consecutive ``batches`` of the corpus's clauses (``clause_doc``:
        the document of every clause), counted in ``buckets`` parts by shingle code so that
        no count of every shingle is held at once."""
        import numpy as np

        if not batches:
            empty = np.zeros(0, dtype=np.uint64)
            return cls.from_parts(empty, empty, np.zeros(0, dtype=np.int64), lang, titles)
        tables = [b.table() for b in batches]
        n_docs = len(np.unique(clause_doc))
        part = [code_part(t.codes, buckets) for t in tables]
        boiler, busy = [], []
        for k in range(buckets):
            rows = list(zip(tables, [np.flatnonzero(p == k) for p in part], strict=True))
            codes = np.concatenate([t.codes[r] for t, r in rows])
            doc = np.concatenate([clause_doc[t.clause[r]] for t, r in rows])
            counts = count_rows(codes, doc, len(clause_doc), n_docs)
            boiler.append(boilerplate(counts))
            busy.append(busy_candidates(counts))
        del part, rows, codes, doc, counts  # the neighbours' step holds its own
        candidates = sorted_unique(np.concatenate(busy))
        found = [neighbour_pairs(candidates, b) for b in batches]
        diverse = diversity(len(candidates), [f[0] for f in found], [f[1] for f in found])
        boiler_codes = sorted_unique(np.concatenate(boiler))
        return cls.from_parts(boiler_codes, candidates, diverse, lang, titles)

    @classmethod
    def from_parts(
        cls, boiler: Any, candidates: Any, diverse: Any, lang: str, titles: Sequence[str] = ()
    ) -> DocFrequency:
        """The model from parts computed apart (on a cluster): the :func:`boilerplate` and
        :func:`busy_candidates` of counts added over batches, and their :func:`diversity`."""
        df = cls.__new__(cls)
        df._set(boiler, candidates, diverse, lang, {}, titles)
        return df

    def _set(
        self,
        boiler: Any,
        candidates: Any,
        diverse: Any,
        lang: str,
        words: dict[str, int],
        titles: Sequence[str],
    ) -> None:
        import numpy as np

        topic = candidates[diverse >= self.DIVERSE] if len(candidates) else candidates
        named = [shingle_codes(t, lang, words) for t in titles if t]
        self._frequent = sorted_unique(np.concatenate([boiler, stock_codes(lang, words), *named]))
        self._busy = sorted_unique(np.concatenate([self._frequent, topic]))
        self._frequent_set: frozenset[int] | None = None

    @classmethod
    def from_codes(cls, frequent: Any, busy: Any) -> DocFrequency:
        """The model as an index keeps it: its sorted frequent and busy codes."""
        df = cls.__new__(cls)
        df._frequent, df._busy = frequent, busy
        df._frequent_set = None
        return df

    @property
    def frequent_codes(self) -> Any:
        """The frequent shingles, sorted (uint64)."""
        return self._frequent

    @property
    def frequent_set(self) -> frozenset[int]:
        """The frequent shingles as a set (membership of one code at a time, as the
        verifier asks it)."""
        if self._frequent_set is None:
            self._frequent_set = frozenset(self._frequent.tolist())
        return self._frequent_set

    @property
    def busy_codes(self) -> Any:
        """The busy shingles (frequent ones included), sorted (uint64)."""
        return self._busy

    def frequent(self, codes: Any) -> Any:
        """Boolean mask: which ``codes`` are frequent (stock, boilerplate, titles)."""
        return _member(self._frequent, codes)

    def busy(self, codes: Any) -> Any:
        """Boolean mask: which ``codes`` do not propose candidates (frequent, topic words)."""
        return _member(self._busy, codes)


def _member(sorted_codes: Any, codes: Any) -> Any:
    import numpy as np

    if not len(sorted_codes):
        return np.zeros(len(codes), dtype=bool)
    idx = np.searchsorted(sorted_codes, codes).clip(0, len(sorted_codes) - 1)
    return sorted_codes[idx] == codes
