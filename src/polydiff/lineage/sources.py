"""Where a text in hand came from: its passages matched against a :class:`CorpusIndex`.

The text is a later document the corpus has not seen. Its passages (clauses, or paragraphs
of a text with no structure) are shingled like the corpus; the index hands each shingle's
earliest clauses (``EARLIEST``), and a corpus clause sharing ``MIN_SHARED`` informative
shingles on nearby diagonals with a passage is a candidate, as in ``lineage build``
(:func:`polydiff.lineage.index.candidate_pairs`). Candidates are verified by the same
quotation and paraphrase matcher, earliest first, with the evidence the build asks of a
document that cites another (:data:`SOURCES_EVIDENCE`: a text someone asks about is read as
drawing on the corpus, not as a stranger to it). Each stretch of a passage goes to the
clause that explains it best, the earlier one on a tie, so a passage found in many documents
is attributed to where it first appeared. Summaries (an enumeration of the text naming
sibling headings of a corpus document) are looked for only in the documents the text also
quotes or paraphrases most (``SUMMARY_DOCS``): between strangers, two list items sharing a
word with two headings (智慧城市、智慧医疗 and 推广在线医疗… / 促进智慧健康养老…) are a
coincidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from polydiff.lineage.build import (
    ClauseRow,
    LazySequences,
    one_source_per_passage,
    with_summaries,
)
from polydiff.lineage.corpus_index import CorpusIndex
from polydiff.lineage.index import close_pairs, packing_room
from polydiff.lineage.passages import EVIDENCE, Evidence
from polydiff.lineage.shingles import ShingledClauses, shingle_clauses
from polydiff.lineage.summaries import summary_links
from polydiff.lineage.verify import Found, unit_weigher, verify_pairs
from polydiff.model import ClauseTree
from polydiff.model.lineage import LineageLink, LineageRelation
from polydiff.record import record

EARLIEST = 8
"""Clauses of the index each shingle of the text is paired with (its earliest ones)."""
SUMMARY_DOCS = 3
"""Documents searched for summaries: those the text's passages draw on most."""
SOURCES_EVIDENCE: Evidence = EVIDENCE[LineageRelation.CITES]
"""What a match needs (``python -m bench.sources_gold`` compares the choices on the gold)."""


@record
class Passage:
    """A passage of the text: its path in the text's clause tree, and its content."""

    path: str
    text: str


@record
class Reuse:
    """A corpus clause a passage of the text reuses."""

    doc: str
    date: str
    passage: str
    """The passage's path in the text."""
    link: LineageLink
    """From the corpus clause's path to the passage's; spans into both contents."""
    source_text: str


def passages_of(tree: ClauseTree) -> list[Passage]:
    """The clauses of ``tree`` that have text, in order."""
    return [Passage(c.path, c.content) for c in tree.walk() if c.content]


def candidate_clauses(index: CorpusIndex, shingled: ShingledClauses) -> Any:
    """(corpus clause, passage) pairs sharing ``MIN_SHARED`` informative shingles within
    ``BAND`` diagonals; ``shingled`` holds the passages' shingle sequences."""
    table = shingled.table()
    keep = ~index.frequency().busy(table.codes)
    codes, passage, where = table.codes[keep], table.clause[keep], table.position[keep]
    query_row, clause, position = index.lookup(codes, EARLIEST)
    n_passages = max(1, len(shingled))
    keys = clause * n_passages + passage[query_row]
    n_keys = index.n_clauses * n_passages
    bits = packing_room(n_keys, int(max(where.max(initial=0), position.max(initial=0))) + 1)
    diag = where[query_row] - position + (1 << (bits - 1))
    return close_pairs((keys << bits) + diag, n_passages, n_keys)


def find_reuse(
    index: CorpusIndex,
    text: ClauseTree,
    load_tree: Callable[[str], ClauseTree | None],
    exclude: Sequence[str] = (),
    evidence: Evidence = SOURCES_EVIDENCE,
) -> list[Reuse]:
    """Every corpus clause that a passage of ``text`` quotes, paraphrases or summarises,
    passage by passage and earliest source first. ``load_tree`` gives a corpus document's
    tree in the index's language (for summaries); documents in ``exclude`` are left out."""
    import numpy as np

    lang = index.lang
    passages = passages_of(text)
    words: dict[str, int] = {}
    pairs = candidate_clauses(index, shingle_clauses([p.text for p in passages], lang, words))
    skip = {k for k, d in enumerate(index.docs) if d in exclude}
    if skip and len(pairs):
        pairs = pairs[~np.isin(index.arrays["clause_doc"][pairs[:, 0]], list(skip))]
    df = index.frequency()
    weigh = unit_weigher(df, lang, words)
    n = index.n_clauses
    rows = _Rows(index, passages)
    found = verify_pairs(
        np.stack([pairs[:, 0], pairs[:, 1] + n], axis=1) if len(pairs) else pairs,
        rows,
        LazySequences(rows, lang),
        lang,
        weigh,
        df.frequent_set,
        None,
        evidence,
    )
    found = _attributed(found)
    summaries: list[Found] = []
    for d in _drawn_on(found, SUMMARY_DOCS):
        tree = load_tree(index.docs[d])
        if tree is not None:
            summaries += [(d, len(index.docs), x) for x in summary_links(tree, text, lang, weigh)]

    def heading(d: int, path: str) -> int:
        tree = load_tree(index.docs[d])
        clause = tree.find(path) if tree is not None else None
        return len(clause.heading) if clause is not None else 0

    found = with_summaries(found, summaries, heading)
    return _ordered(index, found, rows, passages)


def _drawn_on(found: Sequence[Found], most: int) -> list[int]:
    """The ``most`` documents whose links cover the most characters of the text (the
    earlier on a tie)."""
    chars: dict[int, int] = defaultdict(int)
    for d, _, link in found:
        chars[d] += sum(s.to_end - s.to_start for s in link.spans)
    return sorted(sorted(chars, key=lambda d: (-chars[d], d))[:most])


def _attributed(found: list[Found]) -> list[Found]:
    """Within each source document, each stretch of a passage goes to the clause that
    explains it best (neighbouring clauses sharing a fragment do not both claim it); across
    documents every source is kept, to be listed earliest first (a later document that
    copies the passage is where else it is found)."""
    by_doc: dict[int, list[Found]] = defaultdict(list)
    for item in found:
        by_doc[item[0]].append(item)
    return [x for items in by_doc.values() for x in one_source_per_passage(items)]


def _ordered(
    index: CorpusIndex, found: list[Any], rows: _Rows, passages: Sequence[Passage]
) -> list[Reuse]:
    order = {p.path: k for k, p in enumerate(passages)}
    out = []
    for d, _, link in found:
        clause = index.clause_at(d, link.from_path)
        source = rows[clause].content if clause is not None else ""
        out.append(Reuse(index.docs[d], index.dates[d], link.to_path, link, source))
    out.sort(
        key=lambda r: (
            order.get(r.passage, 0),
            min((s.to_start for s in r.link.spans), default=0),
            r.date,
            r.doc,
        )
    )
    return out


class _Rows(Sequence[ClauseRow]):
    """The corpus clauses, then the text's passages, as the verifier reads rows."""

    def __init__(self, index: CorpusIndex, passages: Sequence[Passage]) -> None:
        self.corpus, self.passages = index, passages
        self.row = lru_cache(maxsize=4096)(self._row)

    def __len__(self) -> int:
        return self.corpus.n_clauses + len(self.passages)

    def __getitem__(self, k: Any) -> Any:
        return self.row(int(k))

    def _row(self, k: int) -> ClauseRow:
        n = self.corpus.n_clauses
        if k < n:
            return ClauseRow(self.corpus.doc_of(k), self.corpus.paths[k], self.corpus.content(k))
        p = self.passages[k - n]
        return ClauseRow(len(self.corpus.docs), p.path, p.text)
