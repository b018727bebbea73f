"""How much two clauses have in common: rarity-weighted gram overlap of A texts with B
texts, and what the matcher asks of it (candidates, containment, coverage).

Grams are Chinese character bigrams within each run of letters, digits and ideographs
(punctuation neither counts nor joins: “互联网+”现代农业 gives 互联 联网 现代 代农 农业) or
English lower-case words and word bigrams. Each gram is weighted by inverse
clause frequency over both sides, ``log(1 + N / df)``: a phrase found in most clauses
(人工智能, 高质量发展) counts for less than a rare one, so boilerplate alone does not make
two clauses look alike.

Weights are counted over every text given; the pairs are computed only among the *active*
ones (the matcher's: clauses not already paired by equal text, which in a revision is most
of them), so a long document with few changes compares few pairs with the same numbers.

Two implementations give the same numbers: a pure-Python inverted index for a few hundred
texts (no numpy import on the start-up path of a normal diff), and numpy arrays for large
inputs: vectorised gram codes, and the shared weight of every active pair accumulated per
block of A rows (``np.bincount``), exact up to ``PAIR_BUDGET`` gram co-occurrences. Beyond
that (thousands of rewritten clauses sharing the corpus's topic words), grams found in more
than ``COMMON`` of the texts no longer propose pairs: of the pairs the rarer grams propose,
those that could not reach the matcher's thresholds (:class:`Needs`) even with every common
gram are dropped, and the common grams' weight is added to the rest exactly.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import chain, pairwise

from polydiff.numeric import sorted_unique, unique_of_sorted
from polydiff.record import record
from polydiff.typenames import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from typing import Any

SMALL = 300
"""Largest side handled by the pure-Python implementation."""
PAIR_BUDGET = 30_000_000
"""Gram co-occurrences (pairs of an active A and an active B text sharing a gram) the numpy
implementation accumulates exactly; above it, common grams stop proposing pairs."""
COMMON = 0.01
COMMON_MIN = 50
COMMON_MAX = 100
"""With pruning: grams in more than ``COMMON`` of the texts (at least ``COMMON_MIN``, at most
``COMMON_MAX``) do not propose pairs; a pair the rarer grams propose is kept when it could
reach the matcher's thresholds (:class:`Needs`) with all the common weight it might share,
and then gets its exact common weight."""


@record
class Needs:
    """What the matcher will ask of a pair: a Jaccard similarity of at least ``threshold``
    (a candidate link), or that one text lie ``containment`` inside the other (a part of a
    split or merge). Pairs that can reach neither may be left out when pruning."""

    threshold: float
    containment: float


BLOCK_CELLS = 2_000_000
"""A rows × B columns of the dense block the numpy implementation accumulates at once..."""
BLOCK_PAIRS = 2_000_000
"""...and gram co-occurrences per block (memory: ~40 bytes each)."""
EXTRA_BLOCK = 250_000
"""Common grams looked up at once when adding their weight to the pairs kept (memory: ~50
bytes each; small blocks reuse the same memory, which is quicker than touching more)."""

_WORD_RE = re.compile(r"\w+")
_CODE_SPACE = 0x110000


def grams(text: str, lang: str) -> list[str]:
    """The features of one (normalised) text (see module doc)."""
    if lang == "zh":  # bigrams within each run of letters, digits and ideographs
        out: list[str] = []
        for chunk in _WORD_RE.findall(text):
            out.extend(
                [chunk] if len(chunk) < 2 else [chunk[i : i + 2] for i in range(len(chunk) - 1)]
            )
        return out
    words = [w.lower() for w in _WORD_RE.findall(text)]
    return words + [f"{x} {y}" for x, y in pairwise(words)]


class Overlap(Protocol):
    """What the matcher needs to know about the texts of A (rows ``ra``) and B (``rb``)."""

    @property
    def size_a(self) -> Sequence[float]:
        """Total gram weight of each A text."""

    @property
    def size_b(self) -> Sequence[float]:
        """Total gram weight of each B text."""

    def candidates(self, threshold: float) -> list[tuple[int, int, float]]:
        """(ra, rb, weighted Jaccard) of every active pair whose Jaccard reaches
        ``threshold``, ordered by ra then rb."""

    def shared(self, ra: int, rb: int) -> float:
        """Weight of the grams A text ``ra`` and B text ``rb`` share (0 unless both active)."""

    def gram_count(self, side: str, r: int) -> int:
        """Number of distinct grams of text ``r`` of side ``"a"`` or ``"b"``."""

    def best_container(self, side: str, r: int) -> tuple[int, float] | None:
        """For active text ``r`` of ``side``: the active text of the other side sharing the
        most weight with it, and that weight (None when it shares nothing)."""

    def coverage(self, side: str, whole: int, parts: Sequence[int]) -> float:
        """Share of text ``whole``'s weight (on ``side``) found in any of the ``parts``
        (texts of the other side)."""


def make_overlap(
    a_texts: Sequence[str],
    b_texts: Sequence[str],
    lang: str,
    active_a: Sequence[int] | None = None,
    active_b: Sequence[int] | None = None,
    needs: Needs | None = None,
) -> Overlap:
    """The implementation that suits the size of the inputs; pairs among ``active_a`` ×
    ``active_b`` (default: every text), all of them or (pruning a huge input) those that can
    meet ``needs``."""
    act_a = range(len(a_texts)) if active_a is None else active_a
    act_b = range(len(b_texts)) if active_b is None else active_b
    if max(len(a_texts), len(b_texts)) <= SMALL:
        return PyOverlap(a_texts, b_texts, lang, act_a, act_b)
    return ArrayOverlap(a_texts, b_texts, lang, act_a, act_b, needs)


class PyOverlap:
    """Inverted index in plain Python, for inputs of a few hundred texts."""

    def __init__(
        self,
        a_texts: Sequence[str],
        b_texts: Sequence[str],
        lang: str,
        active_a: Sequence[int] | None = None,
        active_b: Sequence[int] | None = None,
    ) -> None:
        self.sets_a = [set(grams(t, lang)) for t in a_texts]
        self.sets_b = [set(grams(t, lang)) for t in b_texts]
        df = Counter(chain.from_iterable((*self.sets_a, *self.sets_b)))
        n = max(len(self.sets_a) + len(self.sets_b), 1)
        self.weight = {g: math.log1p(n / d) for g, d in df.items()}
        w = self.weight
        self.size_a = [math.fsum(w[g] for g in s) for s in self.sets_a]
        self.size_b = [math.fsum(w[g] for g in s) for s in self.sets_b]
        act_a = range(len(a_texts)) if active_a is None else active_a
        act_b = range(len(b_texts)) if active_b is None else active_b
        postings: dict[str, list[int]] = defaultdict(list)
        for rb in act_b:
            for g in self.sets_b[rb]:
                postings[g].append(rb)
        self.inter: dict[int, dict[int, float]] = {}
        for ra in act_a:
            acc: dict[int, list[float]] = defaultdict(list)
            for g in self.sets_a[ra]:
                for rb in postings.get(g, ()):
                    acc[rb].append(w[g])
            self.inter[ra] = {rb: math.fsum(v) for rb, v in acc.items()}
        self._inter_t: dict[int, dict[int, float]] | None = None

    def candidates(self, threshold: float) -> list[tuple[int, int, float]]:
        out = []
        for ra in sorted(self.inter):
            for rb, shared in sorted(self.inter[ra].items()):
                jac = shared / (self.size_a[ra] + self.size_b[rb] - shared)
                if jac >= threshold:
                    out.append((ra, rb, jac))
        return out

    def shared(self, ra: int, rb: int) -> float:
        return self.inter.get(ra, {}).get(rb, 0.0)

    def gram_count(self, side: str, r: int) -> int:
        return len((self.sets_a if side == "a" else self.sets_b)[r])

    def best_container(self, side: str, r: int) -> tuple[int, float] | None:
        if side == "a":
            row = self.inter.get(r, {})
        else:
            if self._inter_t is None:
                self._inter_t = defaultdict(dict)
                for ra, arow in self.inter.items():
                    for rb, v in arow.items():
                        self._inter_t[rb][ra] = v
            row = self._inter_t.get(r, {})
        if not row:
            return None
        best = min(row, key=lambda k: (-row[k], k))
        return best, row[best]

    def coverage(self, side: str, whole: int, parts: Sequence[int]) -> float:
        target = (self.sets_a if side == "a" else self.sets_b)[whole]
        others = self.sets_b if side == "a" else self.sets_a
        union: set[str] = set()
        for p in parts:
            union |= others[p]
        total = math.fsum(self.weight[g] for g in target)
        return math.fsum(self.weight[g] for g in target & union) / total if total else 0.0


class ArrayOverlap:
    """numpy arrays for large inputs (no scipy: its import alone took 0.3 s).

    Texts are numbered A first, then B; equal texts share one *unit* (a revision repeats
    most of its clauses word for word), whose grams are found once and counted as often as
    the text occurs. The incidence of units and grams is sorted by gram; the shared weights
    of the active pairs are kept as one sorted array of ``ra * NB + rb`` keys with their
    weights."""

    def __init__(
        self,
        a_texts: Sequence[str],
        b_texts: Sequence[str],
        lang: str,
        active_a: Sequence[int],
        active_b: Sequence[int],
        needs: Needs | None = None,
    ) -> None:
        import numpy as np

        self.na, self.nb = len(a_texts), len(b_texts)
        n_texts = self.na + self.nb
        units: dict[str, int] = {}
        self.unit = np.fromiter(
            (units.setdefault(t, len(units)) for t in (*a_texts, *b_texts)),
            dtype=np.int64,
            count=n_texts,
        )
        copies = np.bincount(self.unit, minlength=len(units))
        rows, gids, self.vocab = _incidence(list(units), lang)
        self.rows, self.gids = rows, gids  # unit, gram: gram-major
        df = _text_frequency(rows, gids, copies, self.vocab)
        self.weight = np.log1p(max(n_texts, 1) / np.maximum(df, 1))
        self.unit_size = np.bincount(rows, weights=self.weight[gids], minlength=len(units))
        sizes = self.unit_size[self.unit]
        self.size_a: list[float] = sizes[: self.na].tolist()
        self.size_b: list[float] = sizes[self.na :].tolist()
        self.counts = np.bincount(rows, minlength=len(units))[self.unit]
        self._by_row: tuple[Any, Any] | None = None
        act_a = np.asarray(active_a, dtype=np.int64)
        act_b = np.asarray(active_b, dtype=np.int64) + self.na
        self._active = np.zeros(len(units), dtype=bool)
        self._active[self.unit[act_a]] = True
        self._active[self.unit[act_b]] = True
        keys, values = _shared_weights(self, act_a, act_b, df, needs or Needs(0.0, 0.0))
        self.pair_keys, self.pair_values = keys, values  # ra * nb + rb, sorted
        self._by_b: Any = None

    def _row(self, r: int) -> Any:
        """The gram ids of text ``r`` (for the active texts, a unit-major copy is made on
        first use; the matcher asks about no other)."""

        u = int(self.unit[r])
        if not self._active[u]:
            return self.gids[self.rows == u]
        gids, indptr = self.active_by_unit()
        return gids[indptr[u] : indptr[u + 1]]

    def active_by_unit(self) -> tuple[Any, Any]:
        """The gram ids of the active units, unit-major (grams ascending within a unit), and
        where each unit's start (``indptr``, CSR style); made once, on first use."""
        import numpy as np

        if self._by_row is None:
            mask = self._active[self.rows]
            rows = self.rows[mask]
            indptr = np.zeros(len(self._active) + 1, dtype=np.int64)
            indptr[1:] = np.cumsum(np.bincount(rows, minlength=len(self._active)))
            keys = rows * self.vocab + self.gids[mask]  # (unit, gram) pairs are distinct:
            keys.sort()  # one plain sort, five times quicker than a stable argsort
            keys %= self.vocab
            self._by_row = (keys, indptr)
        return self._by_row

    def candidates(self, threshold: float) -> list[tuple[int, int, float]]:
        import numpy as np

        ra, rb = self.pair_keys // self.nb, self.pair_keys % self.nb
        sa, sb = np.asarray(self.size_a), np.asarray(self.size_b)
        shared = self.pair_values
        jac = shared / (sa[ra] + sb[rb] - shared)
        keep = jac >= threshold
        return list(zip(ra[keep].tolist(), rb[keep].tolist(), jac[keep].tolist(), strict=True))

    def shared(self, ra: int, rb: int) -> float:
        import numpy as np

        key = ra * self.nb + rb
        k = int(np.searchsorted(self.pair_keys, key))
        if k < len(self.pair_keys) and self.pair_keys[k] == key:
            return float(self.pair_values[k])
        return 0.0

    def gram_count(self, side: str, r: int) -> int:
        return int(self.counts[r if side == "a" else self.na + r])

    def best_container(self, side: str, r: int) -> tuple[int, float] | None:
        import numpy as np

        if side == "a":
            lo, hi = np.searchsorted(self.pair_keys, [r * self.nb, (r + 1) * self.nb])
            if lo == hi:
                return None
            k = lo + int(np.argmax(self.pair_values[lo:hi]))
            return int(self.pair_keys[k] % self.nb), float(self.pair_values[k])
        if self._by_b is None:
            ra, rb = self.pair_keys // self.nb, self.pair_keys % self.nb
            order = np.lexsort((ra, rb))
            self._by_b = (rb[order], ra[order], self.pair_values[order])
        rbs, ras, vals = self._by_b
        lo, hi = np.searchsorted(rbs, [r, r + 1])
        if lo == hi:
            return None
        k = lo + int(np.argmax(vals[lo:hi]))
        return int(ras[k]), float(vals[k])

    def coverage(self, side: str, whole: int, parts: Sequence[int]) -> float:
        import numpy as np

        target = self._row(whole if side == "a" else self.na + whole)
        offset = self.na if side == "a" else 0
        others = [self._row(p + offset) for p in parts]
        total = float(self.weight[target].sum())
        if not total or not others:
            return 0.0
        found = np.isin(target, np.concatenate(others))
        return float(self.weight[target[found]].sum()) / total


def _text_frequency(rows: Any, gids: Any, copies: Any, vocab: int) -> Any:
    """How many texts hold each gram: the units holding it, each counted as often as its
    text occurs (``copies`` per unit; in a revision, 1 or 2), in whole numbers."""
    import numpy as np

    df = np.zeros(vocab, dtype=np.int64)
    for c in sorted_unique(copies).tolist():
        if c:
            df += c * np.bincount(gids[(copies == c)[rows]], minlength=vocab)
    return df


ZH_BLOCK_CHARS = 250_000
"""Characters of text whose gram codes :func:`_zh_codes` makes at once."""
ROW_BITS = 21
"""Bits of a text number in a packed (text, gram code) key: two million texts."""


def _incidence(texts: Sequence[str], lang: str) -> tuple[Any, Any, int]:
    """(row, gram id) of every distinct gram of every text, sorted by gram (the order of
    the grams' codes), and the number of distinct grams; the grams are those of
    :func:`grams`, as integer codes (one sort of packed ``code << ROW_BITS | row`` keys)."""
    import numpy as np

    if len(texts) >= 1 << ROW_BITS:
        raise ValueError(f"at most {1 << ROW_BITS:,} texts can be compared at once")
    rows, codes = _zh_codes(texts) if lang == "zh" else _en_codes(texts)
    codes <<= ROW_BITS  # in place: fresh memory is slow to touch on small machines
    codes |= rows
    del rows
    codes.sort()
    keys = unique_of_sorted(codes)
    del codes
    gids = keys >> ROW_BITS  # the gram codes, then (in the same memory) their numbers
    if len(gids):
        new_code = np.concatenate(([True], gids[1:] != gids[:-1]))
        np.cumsum(new_code, out=gids)
        gids -= 1
    keys &= (1 << ROW_BITS) - 1  # the rows
    return keys, gids, int(gids[-1]) + 1 if len(gids) else 1


_WORD_TABLE: list[Any] = []


def _word_table() -> Any:
    """``table[cp]``: whether the Basic Multilingual Plane character ``cp`` is a word
    character (``\\w``: letter, digit, ideograph or ``_``); built once per process."""
    import numpy as np

    if not _WORD_TABLE:  # \w is "alphanumeric or _" (it was a re.sub marking with \x01,
        # which left U+0001 itself marked as a word character)
        word = bytes(c.isalnum() or c == "_" for c in map(chr, range(0x10000)))
        _WORD_TABLE.append(np.frombuffer(word, dtype=np.uint8).astype(bool))
    return _WORD_TABLE[0]


def _zh_codes(texts: Sequence[str]) -> tuple[Any, Any]:
    """(text number, code) of every bigram (and lone character) of every text: runs of word
    characters, as :func:`grams` makes them. Texts go in blocks of about ``ZH_BLOCK_CHARS``
    characters, so the temporaries are small and reused, into output arrays sized for the
    worst case of which only the part written is ever touched (fresh memory is slow to touch
    on small machines)."""
    import numpy as np

    total = sum(map(len, texts))
    rows, codes = np.empty(total, np.int64), np.empty(total, np.int64)
    n = lo = 0
    while lo < len(texts):
        hi, size = lo, 0
        while hi < len(texts) and (hi == lo or size + len(texts[hi]) <= ZH_BLOCK_CHARS):
            size += len(texts[hi])
            hi += 1
        r, c = _zh_block_codes(texts[lo:hi])
        rows[n : n + len(r)] = r
        rows[n : n + len(r)] += lo
        codes[n : n + len(c)] = c
        n, lo = n + len(r), hi
    return rows[:n], codes[:n]


def _zh_block_codes(texts: Sequence[str]) -> tuple[Any, Any]:
    """(text number, code) of the bigrams and lone characters of ``texts``, in one pass
    over one array."""
    import numpy as np

    joined = "\x00".join(texts)
    cps = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(cps):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    beyond = np.flatnonzero(cps >= 0x10000)
    word = _word_table()[np.minimum(cps, 0xFFFF).astype(np.uint16)]
    for cp in sorted_unique(cps[beyond]).tolist():  # beyond the BMP: rare (CJK Ext. B…)
        word[beyond[cps[beyond] == cp]] = bool(_WORD_RE.match(chr(cp)))
    row = np.cumsum(cps == 0, dtype=np.int64)
    pair_at = np.flatnonzero(word[:-1] & word[1:])
    pair_codes = cps[pair_at].astype(np.int64)
    pair_codes *= _CODE_SPACE
    pair_codes += cps[pair_at + 1]
    edge = np.zeros(1, dtype=bool)
    lone_at = np.flatnonzero(
        word & ~np.concatenate((edge, word[:-1])) & ~np.concatenate((word[1:], edge))
    )
    lone_codes = cps[lone_at].astype(np.int64)
    lone_codes += _CODE_SPACE * _CODE_SPACE
    return (
        np.concatenate([row[pair_at], row[lone_at]]),
        np.concatenate([pair_codes, lone_codes]),
    )


def _en_codes(texts: Sequence[str]) -> tuple[Any, Any]:
    """Word and word-bigram codes of every text."""
    import numpy as np

    words: dict[str, int] = {}
    ids = [[words.setdefault(w.lower(), len(words)) for w in _WORD_RE.findall(t)] for t in texts]
    lengths = np.array([len(x) for x in ids], dtype=np.int64)
    flat = np.array([w for x in ids for w in x], dtype=np.int64)
    row = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    same = row[:-1] == row[1:]
    space = len(words) + 1  # codes stay below 2**40 for a million distinct words
    bigrams = (flat[:-1][same] + 1) * space + flat[1:][same]
    return np.concatenate([row, row[:-1][same]]), np.concatenate([flat, bigrams])


def _shared_weights(
    ov: ArrayOverlap, act_a: Any, act_b: Any, df: Any, needs: Needs
) -> tuple[Any, Any]:
    """Sorted ``ra * nb + rb`` keys of the active pairs sharing a gram, and their weights:
    computed between the units of the active texts, then given to each pair of texts."""
    import numpy as np

    units_a, units_b = sorted_unique(ov.unit[act_a]), sorted_unique(ov.unit[act_b])
    n_units = len(ov._active)
    local_a = np.full(n_units, -1, dtype=np.int64)
    local_a[units_a] = np.arange(len(units_a))
    local_b = np.full(n_units, -1, dtype=np.int64)
    local_b[units_b] = np.arange(len(units_b))
    in_a, in_b = local_a[ov.rows] >= 0, local_b[ov.rows] >= 0
    a_rows, a_gids = local_a[ov.rows[in_a]], ov.gids[in_a]
    b_cols, b_gids = local_b[ov.rows[in_b]], ov.gids[in_b]  # gram-major already
    b_count = np.bincount(b_gids, minlength=ov.vocab)
    b_start = np.concatenate(([0], np.cumsum(b_count)[:-1]))
    common = np.zeros(ov.vocab, dtype=bool)
    if int(b_count[a_gids].sum()) > PAIR_BUDGET:
        n = ov.na + ov.nb
        common = df > max(COMMON_MIN, min(COMMON * n, COMMON_MAX))
    propose = ~common[a_gids]
    keep: Keep = None
    if common.any():
        keep = _bound(ov, units_a, units_b, common, needs)
    local_keys, values = _accumulate(
        ov.weight,
        (a_rows[propose], a_gids[propose]),
        (b_cols, b_count, b_start),
        (len(units_a), len(units_b)),
        keep,
    )
    width = max(len(units_b), 1)
    pairs_u = (units_a[local_keys // width], units_b[local_keys % width])
    if common.any() and len(values):
        values = values + _common_extra(ov, *pairs_u, common)
    return _to_texts(ov, act_a, act_b, local_keys, width, values)


def _to_texts(
    ov: ArrayOverlap, act_a: Any, act_b: Any, local_keys: Any, width: int, values: Any
) -> tuple[Any, Any]:
    """Unit pairs (local keys) → the pairs of active texts they stand for, sorted."""
    import numpy as np

    def texts_by_unit(act: Any, offset: int, units: Any) -> tuple[Any, Any, Any]:
        local = np.searchsorted(units, ov.unit[act])
        order = np.argsort(local, kind="stable")
        count = np.bincount(local, minlength=len(units))
        start = np.concatenate(([0], np.cumsum(count)[:-1]))
        return (act - offset)[order], count, start

    units_a, units_b = sorted_unique(ov.unit[act_a]), sorted_unique(ov.unit[act_b])
    ta, ca, sa = texts_by_unit(act_a, 0, units_a)
    tb, cb, sb = texts_by_unit(act_b, ov.na, units_b)
    la, lb = local_keys // width, local_keys % width
    if len(ta) == len(units_a) and len(tb) == len(units_b):  # no repeated active text
        keys = ta[la] * ov.nb + tb[lb]
    else:
        reps = ca[la] * cb[lb]
        which = np.repeat(np.arange(len(la)), reps)
        k = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        i_a = sa[la][which] + k // cb[lb][which]
        i_b = sb[lb][which] + k % cb[lb][which]
        keys, values = ta[i_a] * ov.nb + tb[i_b], values[which]
    order = np.argsort(keys, kind="stable")
    return keys[order], values[order]


if TYPE_CHECKING:
    Keep = Callable[[Any, Any, Any], Any] | None
    """``keep(weights, rows, columns)``: which of the cells sharing a gram (their weights
    and local row and column numbers) to keep; None keeps them all."""


def _bound(ov: ArrayOverlap, units_a: Any, units_b: Any, common: Any, needs: Needs) -> Keep:
    """With common grams left out of the accumulation, a pair can still reach the matcher's
    thresholds only if the rarer grams it shares plus all the common weight the smaller of
    the two texts has could: keep the cells whose upper bound reaches the Jaccard threshold
    or the containment of a split part (either way), drop the rest before the exact common
    weight is added."""
    import numpy as np

    n = len(ov._active)
    size = ov.unit_size
    gids, indptr = ov.active_by_unit()  # only active units are paired; per unit the grams
    is_common = common[gids]  # ascend as in the incidence: the same sums (and the others
    rows = np.repeat(np.arange(n), np.diff(indptr))[is_common]  # would add 0.0)
    common_w = np.bincount(rows, weights=ov.weight[gids[is_common]], minlength=n)
    sa, sb = size[units_a], size[units_b]
    ca, cb = common_w[units_a], common_w[units_b]

    def keep(shared: Any, rows: Any, cols: Any) -> Any:
        upper = shared + np.minimum(ca[rows], cb[cols])
        s_a, s_b = sa[rows], sb[cols]
        jac = upper / np.maximum(s_a + s_b - upper, 1e-12)
        contained = (upper >= needs.containment * s_a) | (upper >= needs.containment * s_b)
        return (jac >= needs.threshold) | contained

    return keep


def _accumulate(
    weight: Any,
    a: tuple[Any, Any],
    b: tuple[Any, Any, Any],
    shape: tuple[int, int],
    keep: Keep,
) -> tuple[Any, Any]:
    """Shared weights of (local) A rows × B columns, accumulated by blocks of A rows, each
    a dense block × B (``np.bincount``): sorted ``row * width + column`` keys and weights of
    the cells ``keep`` keeps."""
    import numpy as np

    a_rows, a_gids = a
    b_cols, b_count, b_start = b
    height_all, width = shape
    out_keys, out_values = [], []
    vocab = len(weight)  # row-major, grams ascending: as a stable sort of the gram-major
    keys = a_rows * vocab + a_gids  # input by row gives, with one plain sort
    keys.sort()
    a_rows, a_gids = keys // vocab, keys % vocab
    per_row = np.bincount(a_rows, weights=b_count[a_gids], minlength=height_all)
    row_ends = _blocks(per_row, max(1, BLOCK_CELLS // max(width, 1)), BLOCK_PAIRS)
    bounds = np.searchsorted(a_rows, np.concatenate(([0], row_ends)))
    for lo, hi in pairwise(bounds.tolist()):
        if lo == hi:
            continue
        rows, gs = a_rows[lo:hi], a_gids[lo:hi]
        reps = b_count[gs]
        total = int(reps.sum())
        if not total:
            continue
        first = int(rows[0])
        height = int(rows[-1]) - first + 1
        starts = np.repeat(b_start[gs] - np.concatenate(([0], np.cumsum(reps)[:-1])), reps)
        cols = b_cols[starts + np.arange(total)]
        cell = np.repeat(rows - first, reps) * width + cols
        dense = np.bincount(cell, weights=np.repeat(weight[gs], reps), minlength=height * width)
        hit = np.flatnonzero(dense)  # the weights are positive: the cells sharing a gram
        values = dense[hit]
        if keep is not None:
            kept = keep(values, hit // width + first, hit % width)
            hit, values = hit[kept], values[kept]
        out_keys.append(hit + first * width)
        out_values.append(values)
    if not out_keys:
        return np.zeros(0, np.int64), np.zeros(0, np.float64)
    return np.concatenate(out_keys), np.concatenate(out_values)


def _blocks(per_row: Any, max_rows: int, max_pairs: int) -> Any:
    """Ends (exclusive row numbers) of consecutive row blocks holding at most ``max_rows``
    rows and (unless one row alone has more) ``max_pairs`` co-occurrences."""
    import numpy as np

    ends: list[int] = []
    start, acc = 0, 0.0
    for r, n in enumerate(per_row.tolist()):
        if r > start and (r - start >= max_rows or acc + n > max_pairs):
            ends.append(r)
            start, acc = r, 0.0
        acc += n
    ends.append(len(per_row))
    return np.asarray(ends, dtype=np.int64)


def _common_extra(ov: ArrayOverlap, ua: Any, ub: Any, common: Any) -> Any:
    """For each pair of units, the weight of the common grams both have: each common gram
    of the A unit looked up among the B unit's, in a dense table of B units × common grams
    when it fits ``DENSE_CELLS``, else by binary search."""
    import numpy as np

    n = len(ov._active)  # the pairs are of active units: only their grams are looked at
    gids, indptr = ov.active_by_unit()
    is_common = common[gids]
    c_gids = gids[is_common]  # unit-major, grams ascending
    c_rows = np.repeat(np.arange(n), np.diff(indptr))[is_common]
    c_ptr = np.zeros(n + 1, dtype=np.int64)
    c_ptr[1:] = np.cumsum(np.bincount(c_rows, minlength=n))
    has = _membership(ov, c_rows, c_gids, common, sorted_unique(ub))
    extra = np.zeros(len(ua))
    lens_all = c_ptr[ua + 1] - c_ptr[ua]
    ends = _blocks(lens_all, len(ua), EXTRA_BLOCK)
    for lo, hi in pairwise([0, *ends.tolist()]):
        if lo == hi:
            continue
        pa, pb = ua[lo:hi], ub[lo:hi]
        lens = c_ptr[pa + 1] - c_ptr[pa]
        which = np.repeat(np.arange(len(pa)), lens)
        pos = np.repeat(c_ptr[pa] - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
        g = c_gids[pos + np.arange(int(lens.sum()))]
        hit = has(pb[which], g)
        extra[lo:hi] = np.bincount(which[hit], weights=ov.weight[g[hit]], minlength=len(pa))
    return extra


DENSE_CELLS = 50_000_000
"""Largest table (B units × common grams, a byte each) :func:`_common_extra` makes."""


def _membership(
    ov: ArrayOverlap, c_rows: Any, c_gids: Any, common: Any, b_units: Any
) -> Callable[[Any, Any], Any]:
    """``has(units, grams)``: whether each B unit has each common gram, from the common
    incidence (``c_rows``, ``c_gids``: unit-major, grams ascending)."""
    import numpy as np

    column = np.cumsum(common) - 1  # gram id → its column among the common grams
    n_common = int(common.sum())
    if len(b_units) * n_common <= DENSE_CELLS:
        local = np.full(len(ov._active), -1, dtype=np.int64)
        local[b_units] = np.arange(len(b_units))
        table = np.zeros((len(b_units), max(n_common, 1)), dtype=bool)
        in_b = local[c_rows] >= 0
        table[local[c_rows[in_b]], column[c_gids[in_b]]] = True
        return lambda units, grams: table[local[units], column[grams]]
    keys = c_rows * ov.vocab + c_gids  # sorted: units ascending, grams ascending

    def has(units: Any, grams: Any) -> Any:
        wanted = units * ov.vocab + grams
        if not len(keys):
            return np.zeros(len(wanted), dtype=bool)
        return keys[np.searchsorted(keys, wanted).clip(0, len(keys) - 1)] == wanted

    return has
