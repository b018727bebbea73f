"""Which clause of A became which clause of B.

1. **Exact**: equal comparison text (normalised heading + body) pairs at once.
2. **Leaves**: clauses without children, by gram Jaccard similarity plus a small bonus when
   their parents are already paired (the tree is a prior, never a cage); a global
   assignment (Hungarian, per connected component of the candidate graph) over candidate
   pairs whose similarity reaches the threshold.
3. **Containers**: clauses with children, by their own text and by how many of their
   descendants were paired with each other's.
4. **The rest**: anything still unpaired (a leaf that became a container…), by text.
5. **Splits and merges**: an unpaired clause whose grams lie mostly inside a clause of the
   other side (containment), where it adds to what that clause's partner already covers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from polydiff.align.assignment import assign
from polydiff.align.overlap import Needs, Overlap, make_overlap
from polydiff.record import field, record

LINK_THRESHOLD = 0.15
"""Least weighted gram Jaccard similarity for linking two clauses (below: new + dropped).
Chosen with ``python -m bench.threshold``: among the 1,640 pairs of different clauses of
gf-2025-11 (headings included) the highest similarity is 0.117 (zh) / 0.122 (en), none
reaches 0.15; a clause against a rewording of itself stays at or above 0.15 in every case
up to half of its characters/words replaced, and in 94% of cases at 60% (0.20 kept only
65-77% at 60%)."""
PARENT_BONUS = 0.1
"""Added to a leaf pair's score when the parents are already paired."""
SPLIT_CONTAINMENT = 0.6
"""Share of a clause's gram weight that must lie inside the other side's clause for it to be
part of a split or merge..."""
SPLIT_CONTAINMENT_LOW = 0.45
"""...or this share, when the part adds at least ``SPLIT_GAIN_HIGH`` to the whole's
coverage (one half of a split was also reworded: 0.52-0.60 inside, 0.24-0.34 gain in the
quality harness's hard mode)."""
SPLIT_GAIN_HIGH = 0.2
SPLIT_MIN_GRAMS = 6
"""Clauses with fewer grams (short headings) never count as parts of a split or merge."""
SPLIT_GAIN = 0.1
"""A split part must add this much coverage of the whole to what its siblings cover."""


@record(frozen=False)
class Side:
    """One tree, flattened in document order, with the text used for comparison."""

    paths: list[str]
    parent: list[int]
    """Index of the parent, -1 at the top."""
    children: list[list[int]]
    text: list[str]
    """Normalised comparison text per clause (may be empty)."""
    descendants: list[set[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.descendants = [set() for _ in self.paths]
        for i in reversed(range(len(self.paths))):
            for c in self.children[i]:
                self.descendants[i].add(c)
                self.descendants[i] |= self.descendants[c]


@record(frozen=False)
class Matching:
    """Pairs plus splits (one A → several B) and merges (several A → one B)."""

    pairs: dict[int, int] = field(default_factory=dict)
    splits: dict[int, list[int]] = field(default_factory=dict)
    merges: dict[int, list[int]] = field(default_factory=dict)
    """B index → the A indices merged into it."""

    def partner_of_a(self) -> dict[int, int]:
        """Every A clause's main B partner (pairs, first part of a split, merge target)."""
        out = dict(self.pairs)
        for a, bs in self.splits.items():
            out[a] = bs[0]
        for b, as_ in self.merges.items():
            for a in as_:
                out[a] = b
        return out


class Matcher:
    """Runs the rounds described in the module doc for two sides in one language."""

    def __init__(self, a: Side, b: Side, lang: str, threshold: float = LINK_THRESHOLD) -> None:
        self.a, self.b, self.lang, self.threshold = a, b, lang, threshold
        self.m = Matching()
        self.b_taken: set[int] = set()
        self.a_taken: set[int] = set()
        """A clauses in a merge (pairs and split wholes are in ``m``)."""
        self._ia = [i for i, t in enumerate(a.text) if t]
        self._ib = [j for j, t in enumerate(b.text) if t]
        self._rank_a = {i: k for k, i in enumerate(self._ia)}
        self._rank_b = {j: k for k, j in enumerate(self._ib)}
        self.ov: Overlap | None = None
        self._candidates: list[tuple[int, int, float]] = []

    def _measure(self) -> None:
        """The gram overlap of the clauses still unpaired after the exact round (weights
        from every clause): in a revision, most clauses are paired by equal text."""
        free_a = [self._rank_a[i] for i in self._ia if i not in self.m.pairs]
        free_b = [self._rank_b[j] for j in self._ib if j not in self.b_taken]
        self.ov = make_overlap(
            [self.a.text[i] for i in self._ia],
            [self.b.text[j] for j in self._ib],
            self.lang,
            free_a,
            free_b,
            Needs(self.threshold, SPLIT_CONTAINMENT_LOW),
        )
        self._candidates = [
            (self._ia[ra], self._ib[rb], jac) for ra, rb, jac in self.ov.candidates(self.threshold)
        ]

    def jaccard(self, i: int, j: int) -> float:
        """Weighted gram Jaccard similarity of A clause ``i`` and B clause ``j``."""
        ra, rb = self._rank_a.get(i), self._rank_b.get(j)
        if ra is None or rb is None or self.ov is None:
            return 0.0
        shared = self.ov.shared(ra, rb)
        return shared / (self.ov.size_a[ra] + self.ov.size_b[rb] - shared) if shared else 0.0

    # --- rounds ---------------------------------------------------------------------------

    def run(self) -> Matching:
        """All rounds; the result."""
        self._exact()
        self._measure()
        leaves_a = [i for i in self._free_a() if not self.a.children[i] and self.a.text[i]]
        leaves_b = [j for j in self._free_b() if not self.b.children[j] and self.b.text[j]]
        self._assign_by_text(leaves_a, leaves_b)
        self._containers()
        self._assign_by_text(
            [i for i in self._free_a() if self.a.text[i]],
            [j for j in self._free_b() if self.b.text[j]],
        )
        self._gather(split=True)
        self._gather(split=False)
        return self.m

    def _free_a(self) -> list[int]:
        m = self.m
        return [
            i
            for i in range(len(self.a.paths))
            if i not in m.pairs and i not in m.splits and i not in self.a_taken
        ]

    def _free_b(self) -> list[int]:
        return [j for j in range(len(self.b.paths)) if j not in self.b_taken]

    def _pair(self, i: int, j: int) -> None:
        self.m.pairs[i] = j
        self.b_taken.add(j)

    def _exact(self) -> None:
        by_text: dict[str, list[int]] = defaultdict(list)
        for j, t in enumerate(self.b.text):
            if t:
                by_text[t].append(j)
        groups: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.a.text):
            if t in by_text:
                groups[t].append(i)
        for t, as_ in groups.items():
            bs = list(by_text[t])
            for i in list(as_):  # same path first
                same = next((j for j in bs if self.b.paths[j] == self.a.paths[i]), None)
                if same is not None:
                    self._pair(i, same)
                    bs.remove(same)
                    as_.remove(i)
            for i, j in zip(as_, bs, strict=False):
                self._pair(i, j)

    def _parent_paired(self, i: int, j: int) -> bool:
        pa, pb = self.a.parent[i], self.b.parent[j]
        if pa < 0 or pb < 0:
            return pa < 0 and pb < 0
        return self.m.pairs.get(pa) == pb

    def _assign_by_text(self, as_: Sequence[int], bs: Sequence[int]) -> None:
        if not as_ or not bs:
            return
        aset, bset = set(as_), set(bs)
        candidates = [
            (i, j, jac + (PARENT_BONUS if self._parent_paired(i, j) else 0.0))
            for i, j, jac in self._candidates
            if i in aset and j in bset
        ]
        for i, j in assign(candidates):
            self._pair(i, j)

    def _containers(self) -> None:
        as_ = [i for i in self._free_a() if self.a.children[i]]
        bs = [j for j in self._free_b() if self.b.children[j]]
        if not as_ or not bs:
            return
        free_b = set(bs)
        by_text: dict[int, set[int]] = defaultdict(set)
        for i, j, _ in self._candidates:
            by_text[i].add(j)
        candidates = []
        for i in as_:
            desc_a = self.a.descendants[i]
            hits: dict[int, int] = defaultdict(int)
            for x in desc_a:
                y = self.m.pairs.get(x)
                p = self.b.parent[y] if y is not None else -1
                while p >= 0:  # every container on B's side that holds y
                    if p in free_b:
                        hits[p] += 1
                    p = self.b.parent[p]
            for j in (set(hits) | by_text[i]) & free_b:
                support = 2 * hits.get(j, 0) / (len(desc_a) + len(self.b.descendants[j]))
                score = 0.5 * self.jaccard(i, j) + 0.5 * support
                if score >= self.threshold:
                    candidates.append((i, j, score))
        for i, j in assign(candidates):
            self._pair(i, j)

    def _gather(self, split: bool) -> None:
        """Attach free parts (B clauses for a split, A clauses for a merge) to the clause of
        the other side that shares the most weight with them, when they add to its coverage."""
        ov = self.ov
        assert ov is not None, "the exact round measures the overlap first"
        part_side, whole_side = ("b", "a") if split else ("a", "b")
        partners: dict[int, list[int]] = defaultdict(list)
        if split:
            free = [j for j in self._free_b() if j in self._rank_b and not self.b.children[j]]
            part_rank, whole_rank, whole_ids = self._rank_b, self._rank_a, self._ia
            part_size = ov.size_b
            for i, j in self.m.pairs.items():
                partners[i].append(j)
        else:
            free = [i for i in self._free_a() if i in self._rank_a and not self.a.children[i]]
            part_rank, whole_rank, whole_ids = self._rank_a, self._rank_b, self._ib
            part_size = ov.size_a
            for i, j in self.m.pairs.items():
                partners[j].append(i)
        proposals: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for part in free:
            rp = part_rank[part]
            best = ov.best_container(part_side, rp)
            if best is None or ov.gram_count(part_side, rp) < SPLIT_MIN_GRAMS:
                continue
            whole_r, shared = best
            inside = shared / part_size[rp]
            if inside >= SPLIT_CONTAINMENT_LOW:
                proposals[whole_ids[whole_r]].append((part, inside))
        for whole, parts in proposals.items():
            wr = whole_rank[whole]

            def cover(members: list[int], wr: int = wr) -> float:
                ranks = [part_rank[p] for p in members]
                return ov.coverage(whole_side, wr, ranks) if ranks else 0.0

            accepted = [p for p in partners.get(whole, []) if p in part_rank]
            base = cover(accepted)
            for part, inside in sorted(parts):
                gain = cover([*accepted, part]) - base
                needed = SPLIT_GAIN if inside >= SPLIT_CONTAINMENT else SPLIT_GAIN_HIGH
                if gain >= needed:
                    accepted.append(part)
                    base += gain
            if len(accepted) < 2:
                continue
            members = sorted(accepted)
            if split:
                self.m.pairs.pop(whole, None)
                self.m.splits[whole] = members
                self.b_taken.update(members)
            else:
                for p in members:
                    self.m.pairs.pop(p, None)
                self.m.merges[whole] = members
                self.a_taken.update(members)
                self.b_taken.add(whole)
