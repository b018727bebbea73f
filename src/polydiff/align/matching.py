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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from polydiff.align.features import overlap

if TYPE_CHECKING:
    import numpy as np
    from scipy.sparse import csr_matrix

LINK_THRESHOLD = 0.2
"""Least gram Jaccard similarity for linking two clauses (below: new + dropped). Chosen from
``bench/threshold.py``: on gf-2025-11, unrelated clause pairs reach 0.13 (zh) and 0.12 (en) at
most, while the synthetic rewordings of the quality harness keep true pairs above 0.25
until more than half of the words are replaced."""
PARENT_BONUS = 0.1
"""Added to a leaf pair's score when the parents are already paired."""
SPLIT_CONTAINMENT = 0.6
"""Share of a clause's grams that must lie inside the other side's clause for split/merge."""
SPLIT_MIN_GRAMS = 6
"""Clauses with fewer grams (short headings) never count as parts of a split or merge."""
SPLIT_GAIN = 0.1
"""A split part must add this much coverage of the whole to what its siblings cover."""


@dataclass(slots=True)
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


@dataclass(slots=True)
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
        self.inter: csr_matrix
        self.size_a: np.ndarray
        self.size_b: np.ndarray

    # --- similarity lookups ---------------------------------------------------------------

    def _prepare(self) -> None:
        self.ov = overlap(
            [self.a.text[i] for i in self._ia], [self.b.text[j] for j in self._ib], self.lang
        )
        self.inter, self.size_a, self.size_b = self.ov.inter, self.ov.size_a, self.ov.size_b

    def shared(self, i: int, j: int) -> float:
        ri, rj = self._rank_a.get(i), self._rank_b.get(j)
        if ri is None or rj is None:
            return 0.0
        return float(self.inter[ri, rj])

    def jaccard(self, i: int, j: int) -> float:
        s = self.shared(i, j)
        if not s:
            return 0.0
        ri, rj = self._rank_a[i], self._rank_b[j]
        return s / float(self.size_a[ri] + self.size_b[rj] - s)

    # --- rounds ---------------------------------------------------------------------------

    def run(self) -> Matching:
        self._exact()
        self._prepare()
        leaves_a = [i for i in self._free_a() if not self.a.children[i] and self.a.text[i]]
        leaves_b = [j for j in self._free_b() if not self.b.children[j] and self.b.text[j]]
        self._assign_by_text(leaves_a, leaves_b, parent_bonus=True)
        self._containers()
        self._assign_by_text(
            [i for i in self._free_a() if self.a.text[i]],
            [j for j in self._free_b() if self.b.text[j]],
            parent_bonus=True,
        )
        self._splits_and_merges()
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

    def _assign_by_text(self, as_: Sequence[int], bs: Sequence[int], parent_bonus: bool) -> None:
        if not as_ or not bs:
            return
        bset = set(bs)
        candidates = []
        for i in as_:
            ri = self._rank_a.get(i)
            if ri is None:
                continue
            row = self.inter.getrow(ri)
            for rj, shared in zip(row.indices, row.data, strict=True):
                j = self._ib[rj]
                if j not in bset:
                    continue
                jac = float(shared) / float(self.size_a[ri] + self.size_b[rj] - shared)
                if jac < self.threshold:
                    continue
                bonus = PARENT_BONUS if parent_bonus and self._parent_paired(i, j) else 0.0
                candidates.append((i, j, jac + bonus))
        for i, j in assign(candidates):
            self._pair(i, j)

    def _containers(self) -> None:
        as_ = [i for i in self._free_a() if self.a.children[i]]
        bs = [j for j in self._free_b() if self.b.children[j]]
        if not as_ or not bs:
            return
        candidates = []
        for i in as_:
            desc_a = self.a.descendants[i]
            hits: dict[int, int] = defaultdict(int)
            for x in desc_a:
                y = self.m.pairs.get(x)
                if y is None:
                    continue
                # credit every free container on B's side that holds y
                p = self.b.parent[y]
                while p >= 0:
                    hits[p] += 1
                    p = self.b.parent[p]
            for j in bs:
                support = 2 * hits.get(j, 0) / (len(desc_a) + len(self.b.descendants[j]))
                score = 0.5 * self.jaccard(i, j) + 0.5 * support
                if score >= self.threshold:
                    candidates.append((i, j, score))
        for i, j in assign(candidates):
            self._pair(i, j)

    def _splits_and_merges(self) -> None:
        self._gather(split=True)
        self._gather(split=False)

    def _gather(self, split: bool) -> None:
        """Attach free parts (B clauses for a split, A clauses for a merge) to a whole
        clause on the other side that contains most of their grams."""
        partners: dict[int, list[int]] = defaultdict(list)
        ov = self.ov
        grams_part, grams_whole = (ov.sets_b, ov.sets_a) if split else (ov.sets_a, ov.sets_b)
        size_part = self.size_b if split else self.size_a
        if split:
            free = [j for j in self._free_b() if j in self._rank_b and not self.b.children[j]]
            part_rank, whole_rank, whole_ids = self._rank_b, self._rank_a, self._ia
            inter = self.inter.T.tocsr()
            for i, j in self.m.pairs.items():
                partners[i].append(j)
        else:
            free = [i for i in self._free_a() if i in self._rank_a and not self.a.children[i]]
            part_rank, whole_rank, whole_ids = self._rank_a, self._rank_b, self._ib
            inter = self.inter
            for i, j in self.m.pairs.items():
                partners[j].append(i)
        proposals: dict[int, list[int]] = defaultdict(list)
        for part in free:
            rp = part_rank[part]
            row = inter.getrow(rp)
            if len(grams_part[rp]) < SPLIT_MIN_GRAMS or not row.nnz:
                continue
            k = int(row.data.argmax())
            if row.data[k] / size_part[rp] >= SPLIT_CONTAINMENT:
                proposals[whole_ids[row.indices[k]]].append(part)
        for whole, parts in proposals.items():
            target = grams_whole[whole_rank[whole]]
            total = ov.weight_of(target)
            if not total:
                continue

            def cover(members: list[int], target: set[int] = target, total: float = total) -> float:
                union: set[int] = set()
                for p in members:
                    union |= grams_part[part_rank[p]]
                return ov.weight_of(target & union) / total

            accepted = [p for p in partners.get(whole, []) if p in part_rank]
            base = cover(accepted)
            for part in sorted(parts):
                gain = cover([*accepted, part]) - base
                if gain >= SPLIT_GAIN:
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


def assign(candidates: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Maximum-score one-to-one assignment over candidate pairs (i, j, score): the Hungarian
    algorithm on each connected component of the candidate graph, so that large inputs are
    solved as many small dense problems instead of one huge one."""
    if not candidates:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    a_ids = sorted({i for i, _, _ in candidates})
    b_ids = sorted({j for _, j, _ in candidates})
    ra = {i: k for k, i in enumerate(a_ids)}
    rb = {j: k + len(a_ids) for k, j in enumerate(b_ids)}
    n = len(a_ids) + len(b_ids)
    rows = [ra[i] for i, _, _ in candidates]
    cols = [rb[j] for _, j, _ in candidates]
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    by_comp: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    for c in candidates:
        by_comp[int(label[ra[c[0]]])].append(c)
    out: list[tuple[int, int]] = []
    for comp in by_comp.values():
        if len(comp) == 1:
            out.append((comp[0][0], comp[0][1]))
            continue
        ca = sorted({i for i, _, _ in comp})
        cb = sorted({j for _, j, _ in comp})
        ka = {i: k for k, i in enumerate(ca)}
        kb = {j: k for k, j in enumerate(cb)}
        score = np.zeros((len(ca), len(cb)))
        for i, j, s in comp:
            score[ka[i], kb[j]] = s
        rows_i, cols_j = linear_sum_assignment(score, maximize=True)
        out.extend((ca[r], cb[c]) for r, c in zip(rows_i, cols_j, strict=True) if score[r, c] > 0)
    return out
