"""Sort-based ``unique`` for the numpy arrays of the matchers.

``np.unique`` without ``return_inverse`` switched to a hash table in numpy 2.x that is
tens of times slower on the large int64 arrays polydiff makes (1.3 s against 22 ms for a
sort, on 1.2 million gram keys here; 9.9 s against 0.2 s on 7 million shingle codes), and
imports ``numpy.ma`` (20–30 ms of a command's start) on its first call; these do the same
work with one sort (unstable: equal values are interchangeable)."""

from __future__ import annotations

from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def sorted_unique(values: Any) -> Any:
    """The distinct values, ascending (``np.unique(values)``)."""
    import numpy as np

    return unique_of_sorted(np.sort(values))


def unique_of_sorted(s: Any) -> Any:
    """The distinct values of the ascending array ``s``."""
    import numpy as np

    if len(s) < 2:
        return s
    return s[np.concatenate(([True], s[1:] != s[:-1]))]


def unique_counts(values: Any) -> tuple[Any, Any]:
    """(distinct values ascending, how often each occurs)."""
    import numpy as np

    s = np.sort(values)
    if not len(s):
        return s, np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate(([True], s[1:] != s[:-1])))
    return s[starts], np.diff(np.concatenate((starts, [len(s)])))


def unique_inverse(values: Any) -> tuple[Any, Any]:
    """(distinct values ascending, the index of each value among them)."""
    import numpy as np

    order = np.argsort(values, kind="stable")
    s = values[order]
    if not len(s):
        return s, np.zeros(0, dtype=np.int64)
    new = np.concatenate(([True], s[1:] != s[:-1]))
    inverse = np.empty(len(s), dtype=np.int64)
    inverse[order] = np.cumsum(new) - 1
    return s[new], inverse


GROUP_BITS = 20
"""Bits of a group number in the one-key sort of :func:`group_code_runs`."""
_MIX = 0x9E3779B97F4A7C15
"""An odd multiplier (2^64 / golden ratio): its product's top bits mix all of a code's bits."""


def group_code_runs(group: Any, codes: Any) -> tuple[Any, Any]:
    """(a stable order of the rows that puts each group's (``group``: int64, ascending) rows
    together and, within a group, equal ``codes`` (uint64) together; where in that order each
    run of one (group, code) starts). The first row of a run is the earliest in the input.

    One stable sort of a single key, the group in the top ``GROUP_BITS`` bits over the top
    bits of the code times ``_MIX``: ten times faster than ``np.lexsort`` on the shingle
    tables. Two codes of one group that share those bits would not sort apart; that is
    checked, and the rows then go through ``np.lexsort`` instead."""
    import numpy as np

    empty = np.zeros(0, dtype=np.int64)
    if not len(codes):
        return empty, empty
    low = int(group.min())
    if int(group.max()) - low < (1 << GROUP_BITS):
        key = (group - low).astype(np.uint64) << np.uint64(64 - GROUP_BITS)
        with np.errstate(over="ignore"):
            key |= (codes * np.uint64(_MIX)) >> np.uint64(GROUP_BITS)
        order = np.argsort(key, kind="stable")
        k, c = key[order], codes[order]
        same = k[1:] == k[:-1]
        if not (same & (c[1:] != c[:-1])).any():
            return order, np.flatnonzero(np.concatenate(([True], ~same)))
    order = np.lexsort((codes, group))
    c, g = codes[order], group[order]
    new = np.concatenate(([True], (g[1:] != g[:-1]) | (c[1:] != c[:-1])))
    return order, np.flatnonzero(new)
