"""Shingles: overlapping character 5-grams (Chinese) or word 3-grams (English) of normalised
text, punctuation ignored, as 64-bit codes (numpy). A quotation of a passage shares all of
its shingles with the source, so shared *informative* shingles are what finds and measures
reuse; shingles that most documents contain (stock phrases) are not informative."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from polydiff.lineage.stock import STOCK_PHRASES_EN, STOCK_PHRASES_ZH
from polydiff.normalize import normalize

ZH_N = 4
EN_N = 3
_WORD_RE = re.compile(r"\w+")
_P = 1_000_003


def shingle_codes(text: str, lang: str, words: dict[str, int]) -> Any:
    """The distinct shingles of ``text`` as a sorted uint64 array. ``words`` numbers English
    words (shared by all texts of a run, so codes agree between texts)."""
    import numpy as np

    return np.unique(shingle_sequence(text, lang, words)[0])


def shingle_sequence(text: str, lang: str, words: dict[str, int]) -> tuple[Any, int]:
    """(the shingle at each unit position, in order; the number of units: characters or
    words). Shingle ``k`` covers units ``k`` to ``k + n - 1``."""
    import numpy as np

    norm = normalize(text)
    if lang == "zh":
        chars = "".join(_WORD_RE.findall(norm))
        units = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        n = ZH_N
    else:
        units = np.array(
            [words.setdefault(w.lower(), len(words)) for w in _WORD_RE.findall(norm)],
            dtype=np.uint64,
        )
        n = EN_N
    if len(units) < n:
        return np.zeros(0, dtype=np.uint64), len(units)
    with np.errstate(over="ignore"):
        h = np.zeros(len(units) - n + 1, dtype=np.uint64)
        for k in range(n):
            h = h * np.uint64(_P) + units[k : len(units) - n + 1 + k] + np.uint64(1)
    return h, len(units)


def stock_codes(lang: str, words: dict[str, int]) -> Any:
    """Shingles of the built-in stock phrases."""
    import numpy as np

    phrases: Iterable[str] = STOCK_PHRASES_ZH if lang == "zh" else STOCK_PHRASES_EN
    parts = [shingle_codes(p, lang, words) for p in phrases]
    return np.unique(np.concatenate(parts)) if parts else np.zeros(0, dtype=np.uint64)


class DocFrequency:
    """How many documents, and how many clauses, contain each shingle; stock phrases count
    as found everywhere.

    A shingle is *frequent* (not informative) when it is in more than a fifth of the
    documents (and more than 3), or in more than 2% of the clauses (and more than 4). The
    clause count is what tells, in a corpus of a few documents on one topic, the topic's
    own vocabulary (人工智能 in nearly every clause) from a passage two documents share."""

    def __init__(
        self, per_clause: Sequence[Any], clause_doc: Sequence[int], lang: str, words: dict[str, int]
    ) -> None:
        import numpy as np

        self.n_clauses = len(per_clause)
        self.n_docs = len(set(clause_doc))
        flat = np.concatenate(per_clause) if per_clause else np.zeros(0, dtype=np.uint64)
        owner = np.repeat(np.asarray(clause_doc, dtype=np.int64), [len(c) for c in per_clause])
        self.codes, clause_counts = np.unique(flat, return_counts=True)
        pairs = (
            np.unique(np.stack([flat, owner.astype(np.uint64)]), axis=1)
            if len(flat)
            else np.zeros((2, 0), dtype=np.uint64)
        )
        doc_codes, doc_counts = np.unique(pairs[0], return_counts=True)
        doc_limit = max(3, self.n_docs // 5)
        clause_limit = max(4, self.n_clauses // 50)
        frequent = clause_counts > clause_limit
        frequent[np.isin(self.codes, doc_codes[doc_counts > doc_limit])] = True
        frequent[np.isin(self.codes, stock_codes(lang, words))] = True
        self._frequent_codes = self.codes[frequent]

    def frequent(self, codes: Any) -> Any:
        """Boolean mask: which ``codes`` are frequent (stock, boilerplate, topic words)."""
        import numpy as np

        return np.isin(codes, self._frequent_codes)
