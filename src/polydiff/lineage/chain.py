"""Local alignment of two clauses as a chain of common runs.

A restatement keeps runs of the source's wording in order and changes what lies between
them (适配 → 适应, 收益分成 → 收益分配, a verb added): the evidence of reuse is a *chain* of
common runs (two or more units: Chinese characters, English words) that follow each other in
both texts, each run weighing what its units say (:mod:`polydiff.lineage.background`), each
gap between consecutive runs costing by its length. The best chain is found by dynamic
programming over the runs (sparse dynamic programming, as seed-and-chain aligners do), so a
pair costs about as much as finding its runs; a second and third chain, elsewhere in the two
texts, are kept when strong on their own (a later text may quote two separate passages).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from polydiff.record import record

RUN_MIN = 2
"""Units in the shortest run a chain is made of."""
RUN_WEIGHT_MIN = 1.2
"""A run weighing less (two function characters: 的是, 和在) is not evidence."""
GAP_OPEN = 1.0
GAP_EXTEND = 0.1
"""Cost of a gap between consecutive runs: open + extend × the longer of its two sides."""
MAX_GAP = 60
"""Units between consecutive runs of one chain, at most, on either side."""
MAX_CHAINS = 3
OTHER_CHAIN_MIN = 6.0
"""A chain beside the best one is kept when it weighs this much on its own."""


@record
class Run:
    """Units ``a..a+length`` of the earlier text equal units ``b..b+length`` of the later."""

    a: int
    b: int
    length: int
    weight: float


@record
class Chain:
    """Runs in order in both texts, and what they add up to."""

    runs: tuple[Run, ...]
    score: float
    """Weight of the runs minus the cost of the gaps between them."""

    @property
    def weight(self) -> float:
        return sum(r.weight for r in self.runs)

    @property
    def longest(self) -> Run:
        return max(self.runs, key=lambda r: (r.weight, -r.a))

    def long_share(self, long: float) -> float:
        """Share of the chain's weight carried by runs weighing ``long`` or more (its
        word-for-word stretches)."""
        total = self.weight
        return sum(r.weight for r in self.runs if r.weight >= long) / total if total else 0.0


Seeds = dict[tuple[int, ...], list[int]]
"""Each run of ``size`` unit codes of a text → where it starts."""


def seeds_of(codes: Sequence[int], size: int = RUN_MIN) -> Seeds:
    """The seeds of a text given as unit codes (equal units, equal codes)."""
    out: Seeds = defaultdict(list)
    for i, key in enumerate(zip(*(codes[k:] for k in range(size)), strict=False)):
        out[key].append(i)
    return out


def runs(seeds: Seeds, size: int, b: Sequence[int], weights: Sequence[float]) -> list[Run]:
    """Every maximal common run of at least ``size`` units (``RUN_MIN`` or more) that weighs
    enough, between a text given by its :func:`seeds_of` and the unit codes ``b``, in order
    of its start in the first (``weights`` are those of the first text's units)."""
    start: dict[tuple[int, int], tuple[int, int]] = {}
    length: dict[tuple[int, int], int] = {}
    for j, key in enumerate(zip(*(b[k:] for k in range(size)), strict=False)):
        for i in seeds.get(key, ()):
            first = start.pop((i - 1, j - 1), (i, j))
            start[(i, j)] = first
            length[first] = i - first[0] + size
    out = []
    for (i, j), n in length.items():
        w = sum(weights[i : i + n])
        if w >= RUN_WEIGHT_MIN:
            out.append(Run(i, j, n, w))
    out.sort(key=lambda r: (r.a, r.b))
    return out


def split_at_low(
    found: Sequence[Run], weights: Sequence[float], low: float, span: int
) -> list[Run]:
    """The runs cut where ``span`` or more consecutive units weigh ``low`` or less (a
    template's sentence shared around a name: 为深入贯彻落实…加快推进**河北省**人工智能…
    结合**河北省**实际 is two short runs, not one long one); pieces that weigh too little go."""
    out: list[Run] = []
    for r in found:
        start, k, end = r.a, r.a, r.a + r.length
        while k < end:
            if weights[k] > low:
                k += 1
                continue
            stop = k
            while stop < end and weights[stop] <= low:
                stop += 1
            if stop - k >= span:
                out += _piece(r, start, k, weights)
                start = stop
            k = stop
        out += _piece(r, start, end, weights)
    out.sort(key=lambda x: (x.a, x.b))
    return out


def _piece(r: Run, start: int, end: int, weights: Sequence[float]) -> list[Run]:
    if end - start < RUN_MIN:
        return []
    w = sum(weights[start:end])
    return [Run(start, r.b + start - r.a, end - start, w)] if w >= RUN_WEIGHT_MIN else []


def best_chains(found: Sequence[Run]) -> list[Chain]:
    """The best chain of ``found`` runs and up to ``MAX_CHAINS - 1`` others that share no
    unit with a chain already kept and weigh ``OTHER_CHAIN_MIN`` on their own."""
    left = list(found)
    out: list[Chain] = []
    while left and len(out) < MAX_CHAINS:
        chain = _best_chain(left)
        if chain is None or (out and chain.score < OTHER_CHAIN_MIN):
            break
        out.append(chain)
        left = _outside(left, chain)
    return out


def _outside(found: list[Run], chain: Chain) -> list[Run]:
    """The runs that share no unit with the chain's runs (on either side)."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    for m in chain.runs:
        used_a.update(range(m.a, m.a + m.length))
        used_b.update(range(m.b, m.b + m.length))
    return [
        r
        for r in found
        if used_a.isdisjoint(range(r.a, r.a + r.length))
        and used_b.isdisjoint(range(r.b, r.b + r.length))
    ]


def _best_chain(found: Sequence[Run]) -> Chain | None:
    if not found:
        return None
    starts_a = [r.a for r in found]
    ends_a = [r.a + r.length for r in found]
    ends_b = [r.b + r.length for r in found]
    score = [r.weight for r in found]
    back = [-1] * len(found)
    best = 0
    reach = MAX_GAP + max(r.length for r in found)
    for k, run in enumerate(found):
        a, b, w = run.a, run.b, run.weight
        top, via = w, -1
        q = k - 1
        while q >= 0 and a - starts_a[q] <= reach:
            end_a, end_b = ends_a[q], ends_b[q]
            if end_a <= a and end_b <= b:
                gap_a, gap_b = a - end_a, b - end_b
                gap = gap_a if gap_a > gap_b else gap_b
                if gap <= MAX_GAP:
                    value = score[q] + w - GAP_OPEN - GAP_EXTEND * gap
                    if value > top:
                        top, via = value, q
            q -= 1
        score[k], back[k] = top, via
        if top > score[best]:
            best = k
    members = []
    k = best
    while k >= 0:
        members.append(found[k])
        k = back[k]
    return Chain(tuple(reversed(members)), score[best])
