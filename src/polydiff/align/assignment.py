"""Global one-to-one assignment over candidate clause pairs.

The candidate graph is split into connected components and each is solved exactly with the
Hungarian algorithm, so a large input is many small dense problems instead of one huge one
(``linear_sum_assignment`` took 1.5 s on a dense 4,000×4,000 matrix here). Components of
up to ``SMALL`` rows are solved in pure Python (no scipy import on the start-up path of a
normal diff); larger ones with ``scipy.optimize.linear_sum_assignment``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

SMALL = 40
"""Largest component solved without scipy."""


def assign(candidates: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The one-to-one pairs (i, j) of maximum total score among ``(i, j, score)`` candidates."""
    out: list[tuple[int, int]] = []
    for comp in _components(candidates):
        if len(comp) == 1:
            out.append((comp[0][0], comp[0][1]))
            continue
        rows = sorted({i for i, _, _ in comp})
        cols = sorted({j for _, j, _ in comp})
        ri = {i: k for k, i in enumerate(rows)}
        cj = {j: k for k, j in enumerate(cols)}
        score = [[0.0] * len(cols) for _ in rows]
        for i, j, s in comp:
            score[ri[i]][cj[j]] = s
        solve = hungarian if min(len(rows), len(cols)) <= SMALL else _scipy_assignment
        out.extend((rows[r], cols[c]) for r, c in solve(score) if score[r][c] > 0)
    return sorted(out)


def _components(candidates: Sequence[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """Candidates grouped by connected component of the bipartite graph (union-find)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in candidates:
        ra, rb = find(("a", i)), find(("b", j))
        if ra != rb:
            parent[rb] = ra
    groups: dict[tuple[str, int], list[tuple[int, int, float]]] = defaultdict(list)
    for c in candidates:
        groups[find(("a", c[0]))].append(c)
    return list(groups.values())


def hungarian(score: list[list[float]]) -> list[tuple[int, int]]:
    """Maximum-score assignment of a rectangular matrix (Kuhn–Munkres with potentials,
    O(n²m)); returns (row, column) pairs, one per row of the smaller dimension."""
    n, m = len(score), len(score[0]) if score else 0
    if n > m:
        return [(r, c) for c, r in hungarian([list(col) for col in zip(*score, strict=True)])]
    inf = float("inf")
    cost = [[-x for x in row] for row in score]
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)  # p[j]: row (1-based) assigned to column j
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return sorted((p[j] - 1, j - 1) for j in range(1, m + 1) if p[j])


def _scipy_assignment(score: list[list[float]]) -> list[tuple[int, int]]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(np.array(score), maximize=True)
    return list(zip(rows.tolist(), cols.tolist(), strict=True))
