"""The corpus index: every clause's informative shingles in one sorted table, with what a
query needs to verify a match (each clause's document, path and text) and the corpus's
frequency model (which shingles are stock, boilerplate or topic words).

It is made by the same steps as ``lineage build`` (:func:`polydiff.lineage.build.clause_rows`,
:func:`~polydiff.lineage.build.shingled_batches`,
:meth:`~polydiff.lineage.shingles.DocFrequency.of_batches`)
and kept as flat arrays, so the store can write it as ``.npy`` files and map them back into
memory without reading them (:mod:`polydiff.store.index_cache`): a query touches only the
rows of the shingles it holds. It is a cache, never a source of truth: rebuilt whenever a
document's clause tree changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, overload

from polydiff.lineage.build import DocText, clause_rows, shingled_batches
from polydiff.lineage.index import informative_parts
from polydiff.lineage.shingles import DocFrequency
from polydiff.record import record

FORMAT = 5
"""Version of the arrays' layout."""


def index_version() -> str:
    """What an index depends on besides the corpus: its layout and the built-in stock
    phrases (an index made with other ones is made again)."""
    from polydiff import digests
    from polydiff.lineage.stock import STOCK_PHRASES_EN, STOCK_PHRASES_ZH

    phrases = "\n".join((*STOCK_PHRASES_ZH, *STOCK_PHRASES_EN)).encode()
    return f"{FORMAT}-{digests.sha1(phrases, usedforsecurity=False).hexdigest()[:12]}"


ARRAYS = (
    "codes",
    "clause",
    "position",
    "clause_doc",
    "text_end",
    "path_text",
    "path_end",
    "frequent",
    "busy",
)
"""The arrays of an index, as the store writes them."""


class PackedStrings(Sequence[str]):
    """Strings laid end to end as UTF-8 (``blob``, bytes-like: a memory map will do) and
    where each ends (``ends``): the k-th is decoded when asked for, so a corpus's 400,000
    clause paths cost nothing until a query's few hits are shown (splitting them all took
    30 ms of every query at 10,000 documents)."""

    def __init__(self, blob: Any, ends: Any) -> None:
        self.blob, self.ends = blob, ends

    def __len__(self) -> int:
        return len(self.ends)

    @overload
    def __getitem__(self, k: int) -> str: ...
    @overload
    def __getitem__(self, k: slice) -> Sequence[str]: ...
    def __getitem__(self, k: int | slice) -> str | Sequence[str]:
        if isinstance(k, slice):
            lo, hi, step = k.indices(len(self))
            return self.span(lo, hi) if step == 1 else [self[i] for i in range(lo, hi, step)]
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError(k)
        start = int(self.ends[k - 1]) if k else 0
        return bytes(self.blob[start : int(self.ends[k])]).decode()

    def span(self, lo: int, hi: int) -> list[str]:
        """Strings ``lo`` to ``hi`` (0 <= lo <= hi <= len), decoded in one piece."""
        if hi <= lo:
            return []
        start = int(self.ends[lo - 1]) if lo else 0
        ends = (self.ends[lo:hi] - start).tolist()
        text = bytes(self.blob[start : start + ends[-1]])
        return [text[a:b].decode() for a, b in zip([0, *ends[:-1]], ends, strict=True)]

    @classmethod
    def of(cls, strings: Sequence[str]) -> PackedStrings:
        """``strings`` packed (the blob as a uint8 array, the ends as int64)."""
        import numpy as np

        encoded = [x.encode() for x in strings]
        blob = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        return cls(blob, np.cumsum([len(e) for e in encoded], dtype=np.int64))


@record
class CorpusIndex:
    """The shingle table of a corpus in one language, sorted by (code, clause)."""

    lang: str
    docs: tuple[str, ...]
    """Document ids, oldest first (a clause's document is an index into this)."""
    dates: tuple[str, ...]
    titles: tuple[str, ...]
    paths: Sequence[str]
    """Path of each clause (global clause index = position): the ``path_text`` and
    ``path_end`` arrays, decoded one at a time."""
    texts: Any
    """Every clause's content, UTF-8, one after the other (see ``text_end``): ``bytes``, or
    any bytes-like object a slice of which is ``bytes`` (a memory map)."""
    arrays: dict[str, Any]
    """``codes`` (uint64), ``clause`` and ``position`` (int64): one row per informative
    shingle of a clause; ``clause_doc`` (int64) and ``text_end`` (int64) per clause;
    ``path_text`` (uint8) and ``path_end`` (int64): the clause paths, packed
    (:class:`PackedStrings`); ``frequent`` and ``busy``: the sorted shingle codes of the
    frequency model."""

    @property
    def n_clauses(self) -> int:
        return len(self.paths)

    def content(self, clause: int) -> str:
        """The text of clause ``clause`` (heading, a line break, body)."""
        return PackedStrings(self.texts, self.arrays["text_end"])[clause]

    def doc_of(self, clause: int) -> int:
        return int(self.arrays["clause_doc"][clause])

    def clause_at(self, doc: int, path: str) -> int | None:
        """The clause of document ``doc`` at ``path`` (None: it has no text there)."""
        import numpy as np

        owners = self.arrays["clause_doc"]
        lo = int(np.searchsorted(owners, doc, side="left"))
        hi = int(np.searchsorted(owners, doc, side="right"))
        paths = self.paths[lo:hi]  # one document's: decoded at once
        return lo + paths.index(path) if path in paths else None

    def frequency(self) -> DocFrequency:
        """The frequency model the index was built with."""
        return DocFrequency.from_codes(self.arrays["frequent"], self.arrays["busy"])

    def meta(self) -> dict[str, Any]:
        """What the store keeps beside the arrays and texts."""
        return {
            "lang": self.lang,
            "docs": self.docs,
            "dates": self.dates,
            "titles": self.titles,
        }

    @classmethod
    def from_parts(cls, meta: dict[str, Any], arrays: dict[str, Any], texts: Any) -> CorpusIndex:
        """The index the store kept (:meth:`meta`, ``arrays``, ``texts``)."""
        return cls(
            meta["lang"],
            tuple(meta["docs"]),
            tuple(meta["dates"]),
            tuple(meta["titles"]),
            PackedStrings(arrays["path_text"], arrays["path_end"]),
            texts,
            {key: arrays[key] for key in ARRAYS},
        )

    def lookup(self, codes: Any, earliest: int) -> tuple[Any, Any, Any]:
        """For each query shingle in ``codes``, the index rows holding it, at most
        ``earliest`` of them (the earliest clauses): (query row, clause, position) arrays."""
        import numpy as np

        table = self.arrays["codes"]
        lo = np.searchsorted(table, codes, side="left")
        hi = np.searchsorted(table, codes, side="right")
        take = np.minimum(hi - lo, earliest)
        query_row = np.repeat(np.arange(len(codes), dtype=np.int64), take)
        starts = np.repeat(lo, take)
        within = np.arange(len(query_row), dtype=np.int64) - np.repeat(np.cumsum(take) - take, take)
        rows = starts + within
        return query_row, self.arrays["clause"][rows], self.arrays["position"][rows]


def build_index(docs: Sequence[DocText], lang: str) -> CorpusIndex:
    """The index of ``docs`` (oldest first) in ``lang``: the clauses of every document that
    has text in that language (outlines have none)."""
    import numpy as np

    docs = [d for d in docs if d.tree.lang == lang]
    rows = clause_rows(docs)
    words: dict[str, int] = {}
    doc_of = np.array([r.doc for r in rows], dtype=np.int64)
    batches = shingled_batches(rows, lang, words)
    df = DocFrequency.of_batches(batches, doc_of, lang, [d.tree.title for d in docs])
    kept = []
    while batches:  # each batch's units and table go once its informative rows are taken
        kept += informative_parts(batches.pop(0).table(), df, 1)
    if kept:
        codes, clause, position = (np.concatenate([k[f] for k in kept]) for f in range(3))
    else:
        codes, clause, position = (
            np.zeros(0, np.uint64),
            np.zeros(0, np.int32),
            np.zeros(0, np.int32),
        )
    del kept
    order = np.lexsort((clause, codes))
    encoded = [r.content.encode() for r in rows]
    paths = PackedStrings.of([r.path for r in rows])
    arrays = {
        "codes": codes[order],
        "clause": clause[order].astype(np.int64),
        "position": position[order].astype(np.int64),
        "clause_doc": doc_of,
        "text_end": np.cumsum([len(e) for e in encoded], dtype=np.int64),
        "path_text": paths.blob,
        "path_end": paths.ends,
        "frequent": df.frequent_codes,
        "busy": df.busy_codes,
    }
    return CorpusIndex(
        lang,
        tuple(d.id for d in docs),
        tuple(d.date for d in docs),
        tuple(d.tree.title for d in docs),
        paths,
        b"".join(encoded),
        arrays,
    )
